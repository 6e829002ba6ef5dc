"""Full-text search over the knowledge base: the second stage when intent classification is unsure.

SQLite uses an FTS5 table (porter stemming, BM25 ranking); PostgreSQL uses ``to_tsvector`` with a
GIN index and ``ts_rank``. Both hold one row per (fact, topic) and are rebuilt whenever content is
loaded. Queries are parameterised; user words are reduced to plain alphanumeric terms first, so no
search syntax from a message ever reaches the engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

MAX_TERMS = 16
STOPWORDS = frozenset(
    """
    a an and are as at be been but by can could do does did for from had has have how i if in into is it its me my
    of on or our so than that the their them then there these they this to was we what when where which who why
    will with would you your yours about after again also am any because before being both each few more most
    other over same should some such too very just get got want know tell please thanks thank hi hello
    """.split()
)


# Words that carry no topic of their own: a message made only of these and stop words ("how
# long?", "is it bad?", "what happens after?") could mean several topics.
VAGUE_WORDS = frozenset(
    """long time much many bad good ok okay happen happens happening after before then now next take takes
    need needs thing things stuff more about like normal really work works does done""".split()
)


def is_vague(text: str) -> bool:
    """Whether ``text`` has words, all of them stop words or vague words."""
    words = re.findall(r"[a-z]+", text.lower())
    return bool(words) and all(w in STOPWORDS or w in VAGUE_WORDS for w in words)


@dataclass(frozen=True)
class SearchHit:
    """A fact that matches the query, under one of its topics; higher score is better."""

    topic_id: str
    fact_id: str
    score: float


def search_terms(query: str) -> list[str]:
    """The distinct content words of ``query``: lower-case alphanumerics, no stop words."""
    words = re.findall(r"[a-z0-9]+", query.lower())
    terms = [w for w in dict.fromkeys(words) if len(w) >= 3 and w not in STOPWORDS]
    return terms[:MAX_TERMS]


def create_search_index(engine: Engine) -> None:
    """Create the search table for this backend if it does not exist yet."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE VIRTUAL TABLE IF NOT EXISTS fact_search USING fts5("
                    "fact_id UNINDEXED, topic_id UNINDEXED, body, tokenize='porter unicode61')"
                )
            )
        else:
            conn.execute(
                text("CREATE TABLE IF NOT EXISTS fact_search (fact_id VARCHAR(80), topic_id VARCHAR(80), body TEXT)")
            )
            conn.execute(
                text(
                    "CREATE INDEX IF NOT EXISTS fact_search_body_tsv "
                    "ON fact_search USING gin (to_tsvector('english', body))"
                )
            )


def rebuild_search_index(conn: Connection, rows: list[tuple[str, str, str]]) -> None:
    """Replace the index content with ``rows`` of (fact_id, topic_id, searchable text)."""
    conn.execute(text("DELETE FROM fact_search"))
    if rows:
        conn.execute(
            text("INSERT INTO fact_search (fact_id, topic_id, body) VALUES (:fact_id, :topic_id, :body)"),
            [{"fact_id": f, "topic_id": t, "body": b} for f, t, b in rows],
        )


def search(conn: Connection, query: str, limit: int = 5) -> list[SearchHit]:
    """Best-matching (fact, topic) pairs for a free-text question; [] when nothing matches."""
    terms = search_terms(query)
    if not terms:
        return []
    if conn.dialect.name == "sqlite":
        statement = text(
            "SELECT topic_id, fact_id, -bm25(fact_search) AS score FROM fact_search "
            "WHERE fact_search MATCH :query ORDER BY score DESC LIMIT :limit"
        )
        query_text = " OR ".join(f'"{term}"' for term in terms)
    else:
        statement = text(
            "SELECT topic_id, fact_id, ts_rank(to_tsvector('english', body), to_tsquery('english', :query)) AS score "
            "FROM fact_search WHERE to_tsvector('english', body) @@ to_tsquery('english', :query) "
            "ORDER BY score DESC LIMIT :limit"
        )
        query_text = " | ".join(terms)
    result = conn.execute(statement, {"query": query_text, "limit": limit})
    return [SearchHit(row.topic_id, row.fact_id, float(row.score)) for row in result]
