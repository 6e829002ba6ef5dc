"""Rasa custom actions: read the turn, ask the knowledge layer, format one reply.

Each module holds one concern; wording comes from the knowledge base, never from Python.
"""
