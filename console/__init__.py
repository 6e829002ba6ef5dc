"""The front desk's staff console: a Flask app in its own process, reading Rasa's tracker store
(read-only) and the front desk's tables (clinic/frontdesk.py), acting through Rasa's HTTP API."""
