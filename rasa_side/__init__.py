"""Code that runs inside the Rasa server process (not the action server): replies that must not
depend on the action server, and the guards every incoming message passes. Imports Rasa; the
knowledge layer (`clinic/`) never imports this package."""
