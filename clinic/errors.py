"""The knowledge layer's own exceptions, so callers (the actions) never need SQLAlchemy's.

``KnowledgeBaseUnavailable`` means "the database cannot be used right now" (down, no tables, no
content loaded); ``UnknownContent`` means a key that the loaded content does not have. It is also
a ``KeyError`` because asking for a missing key is what it is.
"""

from __future__ import annotations


class KnowledgeBaseError(Exception):
    """Anything the knowledge layer cannot do."""


class KnowledgeBaseUnavailable(KnowledgeBaseError):
    """The database is unreachable, broken or holds no content (run ``make content``)."""


class UnknownContent(KnowledgeBaseError, KeyError):
    """A topic or message id that the loaded content does not have."""
