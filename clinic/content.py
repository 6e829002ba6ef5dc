"""Validate the content files in ``knowledge/`` and load them into the database.

The files are the source of truth: loading upserts every entry, removes entries that were deleted
from the files and rebuilds the search index, so running it twice changes nothing the second
time. Validation runs first and nothing is written when it finds a problem. The action server
serves the loaded content from memory and notices a new load by its fingerprint.

    python -m clinic.content validate
    python -m clinic.content load [--database-url URL]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from clinic.content_checks import validate
from clinic.content_files import KNOWLEDGE_DIR, PAGE_PATH, Content, ContentError, normalize_text, read_content
from clinic.db import create_schema, get_engine, session_factory
from clinic.models import ContentState, Fact, Message, Procedure, Topic
from clinic.search import rebuild_search_index
from clinic.settings import ROOT

# Reading and checking live in clinic.content_files / clinic.content_checks; callers that load
# content may import them from here.
__all__ = ["KNOWLEDGE_DIR", "PAGE_PATH", "Content", "ContentError", "load", "normalize_text", "read_content",
           "validate", "validated_content", "vocabulary_ids"]

VOCABULARY_PATH = ROOT / "nlp" / "vocabulary.yml"
ENTITY_LABELS = ("procedure", "treatment", "test")


def vocabulary_ids(path: Path = VOCABULARY_PATH, labels: tuple[str, ...] = ENTITY_LABELS) -> set[str]:
    """The canonical ids of the vocabulary file with one of ``labels``, read as plain data."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(e["id"]) for e in raw.get("entries", []) if isinstance(e, dict) and e.get("label") in labels}


def _upsert(session: Session, model: type, key: str, rows: list[dict[str, Any]]) -> dict[str, int]:
    """Insert or update ``rows`` by primary key and delete rows that are gone; returns counts."""
    counts = {"created": 0, "updated": 0, "deleted": 0}
    existing = {getattr(obj, key): obj for obj in session.scalars(select(model))}
    for row in rows:
        obj = existing.pop(row[key], None)
        if obj is None:
            session.add(model(**row))
            counts["created"] += 1
            continue
        changed = False
        for attr, value in row.items():
            if getattr(obj, attr) != value:
                setattr(obj, attr, value)
                changed = True
        counts["updated"] += changed
    for obj in existing.values():
        session.delete(obj)
        counts["deleted"] += 1
    return counts


def _topic_row(topic: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": topic["id"], "intent": topic["intent"], "title": topic["title"],
        "intro": (topic.get("intro") or "").strip(), "closing": topic.get("closing") or "",
        "uses_procedure": bool(topic.get("uses_procedure")), "lists": topic.get("lists") or "",
        "frame_always": bool(topic.get("frame_always")),
        "list_intro": (topic.get("list_intro") or "").strip(),
        "with_procedure": topic.get("with_procedure") or "",
        "confusable_with": json.dumps(list(topic.get("confusable_with") or [])),
        "menu_order": int(topic.get("menu_order") or 0), "without_procedure": topic.get("without_procedure") or "",
        "keywords": json.dumps([str(k).lower() for k in topic.get("keywords") or []]),
    }


def _procedure_row(proc: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": proc["id"], "name": proc["name"], "category": proc["category"], "kind": proc.get("kind") or "",
        "detail_topic": proc["detail_topic"], "list_name": proc.get("list_name") or "",
        "list_order": int(proc.get("list_order") or 0), "operation": bool(proc.get("operation")),
    }


def load(engine: Engine, content: Content) -> dict[str, dict[str, int]]:
    """Write validated content into the database in one transaction; returns per-table counts."""
    create_schema(engine)
    with session_factory(engine)() as session, session.begin():
        report = {
            "topics": _upsert(session, Topic, "id", [_topic_row(t) for t in content.topics]),
            "procedures": _upsert(session, Procedure, "id", [_procedure_row(p) for p in content.procedures]),
            "facts": _upsert(session, Fact, "id", [
                {"id": f["id"], "label": f.get("label") or "", "text": f["text"].strip(),
                 "source": json.dumps(f["source"]), "position": position, "general": bool(f.get("general"))}
                for position, f in enumerate(content.facts)
            ]),
            "messages": _upsert(session, Message, "key", [{"key": k, "text": v} for k, v in content.messages.items()]),
        }
        session.flush()
        topics = {t.id: t for t in session.scalars(select(Topic))}
        procedures = {p.id: p for p in session.scalars(select(Procedure))}
        links_changed = 0
        for entry in content.facts:
            fact = session.get(Fact, entry["id"])
            wanted_topics = [topics[t] for t in entry["topics"]]
            wanted_procedures = [procedures[p] for p in entry.get("procedures") or []]
            if {t.id for t in fact.topics} != set(entry["topics"]):
                fact.topics = wanted_topics
                links_changed += 1
            if {p.id for p in fact.procedures} != {p.id for p in wanted_procedures}:
                fact.procedures = wanted_procedures
                links_changed += 1
        report["links"] = {"updated": links_changed}
        state = session.get(ContentState, "fingerprint")
        if state is None:
            session.add(ContentState(key="fingerprint", value=content.fingerprint))
        else:
            state.value = content.fingerprint
        session.flush()
        topic_titles = {t.id: t for t in topics.values()}
        rows = []
        for entry in content.facts:
            for topic_id in entry["topics"]:
                topic = topic_titles[topic_id]
                body = " ".join([topic.title, " ".join(json.loads(topic.keywords)), entry.get("label") or "",
                                 entry["text"]])
                rows.append((entry["id"], topic_id, body))
        rebuild_search_index(session.connection(), rows)
    return report


def validated_content(knowledge_dir: Path = KNOWLEDGE_DIR, page_path: Path = PAGE_PATH,
                      vocabulary: set[str] | None = None) -> Content:
    """Read and validate, raising ContentError listing every problem.

    ``vocabulary``: the canonical ids patients' words are mapped to (default: nlp/vocabulary.yml).
    """
    content = read_content(knowledge_dir)
    ids = vocabulary_ids() if vocabulary is None else vocabulary
    problems = validate(content, page_path.read_text(encoding="utf-8"), ids)
    if problems:
        raise ContentError(problems)
    return content


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Validate and load the clinic's content files.")
    parser.add_argument("command", choices=["validate", "load"])
    parser.add_argument("--database-url", default=None, help="default: DATABASE_URL from .env")
    args = parser.parse_args(argv)
    try:
        content = validated_content()
    except ContentError as error:
        print(f"Content is invalid ({len(error.problems)} problems):", file=sys.stderr)
        for problem in error.problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print(f"Content valid: {len(content.topics)} topics, {len(content.procedures)} procedures, "
          f"{len(content.facts)} facts, {len(content.messages)} messages.")
    if args.command == "load":
        engine = get_engine(args.database_url)
        report = load(engine, content)
        changes = {table: {k: v for k, v in counts.items() if v} for table, counts in report.items()}
        changes = {table: counts for table, counts in changes.items() if counts}
        where = re.sub(r"//[^@/]*@", "//***@", str(engine.url))
        print(f"Loaded into {where}: {changes or 'nothing changed'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
