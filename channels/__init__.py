"""Rasa input and output channels of the clinic: the website widget and the messaging apps, each
checking who is talking before a message reaches the assistant."""
