"""Messaging channels driven end to end against a running assistant (see conftest.py)."""
