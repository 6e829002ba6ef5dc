"""The red-flag rules' cases, one module per session from session 22 on: each tells why its cases are
there and what they did before the change. ``tests/unit/test_red_flag_sessions.py`` runs them all."""
