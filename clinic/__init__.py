"""The clinic's knowledge layer: settings, database models, content loading, queries and search.

Plain Python and SQLAlchemy; nothing here imports Rasa, so it can be tested, reused by staff
tools and loaded from the command line without a trained model.
"""
