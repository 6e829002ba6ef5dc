"""Validate the content files in ``knowledge/`` and load them into the database.

The files are the source of truth: loading upserts every entry, removes entries that were deleted
from the files and rebuilds the search index, so running it twice changes nothing the second
time. Validation runs first and nothing is written when it finds a problem.

    python -m clinic.content validate
    python -m clinic.content load [--database-url URL]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import string
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from clinic.db import create_schema, get_engine, session_factory
from clinic.models import ContentState, Fact, Message, Procedure, Topic
from clinic.search import rebuild_search_index
from clinic.settings import get_settings
from nlp.vocabulary import canonical_ids

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
PAGE_PATH = KNOWLEDGE_DIR / "source" / "clinic-page.txt"
CONTENT_FILES = ("topics.yml", "procedures.yml", "facts.yml", "messages.yml")
ENTITY_LABELS = ("procedure", "treatment", "test")
MESSAGE_PLACEHOLDERS = {"procedure", "title", "name", "via", "contact"}

TOPIC_FIELDS = {"id": str, "intent": str, "title": str, "intro": str, "closing": str, "uses_procedure": bool,
                "lists": str, "menu_order": int, "keywords": list, "without_procedure": str, "list_intro": str,
                "with_procedure": str, "confusable_with": list}
PROCEDURE_FIELDS = {"id": str, "name": str, "category": str, "kind": str, "detail_topic": str, "list_name": str,
                    "list_order": int}
FACT_FIELDS = {"id": str, "topics": list, "procedures": list, "label": str, "text": str, "source": list}
REQUIRED = {"topic": {"id", "intent", "title"}, "procedure": {"id", "name", "category", "detail_topic"},
            "fact": {"id", "topics", "text", "source"}}


class ContentError(ValueError):
    """The content files are invalid; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class Content:
    """The parsed content files."""

    topics: list[dict[str, Any]]
    procedures: list[dict[str, Any]]
    facts: list[dict[str, Any]]
    messages: dict[str, str]
    fingerprint: str = ""
    problems: list[str] = field(default_factory=list)


def normalize_text(value: str) -> str:
    """Lower case, straight quotes, single spaces: how sources are compared with the page."""
    value = value.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(value.lower().split())


def _read_yaml(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        problems.append(f"{path.name}: cannot be read: {error}")
        return {}
    if not isinstance(data, dict):
        problems.append(f"{path.name}: must be a mapping at the top level")
        return {}
    return data


def _check_fields(kind: str, entry: Any, schema: dict[str, type], problems: list[str]) -> bool:
    if not isinstance(entry, dict):
        problems.append(f"{kind} entry is not a mapping: {entry!r}")
        return False
    where = f"{kind} '{entry.get('id', '?')}'"
    ok = True
    for missing in sorted(REQUIRED[kind] - entry.keys()):
        problems.append(f"{where}: missing '{missing}'")
        ok = False
    for key, value in entry.items():
        if key not in schema:
            problems.append(f"{where}: unknown field '{key}'")
            ok = False
        elif value is not None and not isinstance(value, schema[key]):
            problems.append(f"{where}: '{key}' must be {schema[key].__name__}")
            ok = False
    return ok


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def read_content(knowledge_dir: Path = KNOWLEDGE_DIR) -> Content:
    """Parse the content files; schema problems are collected in ``problems``."""
    problems: list[str] = []
    digest = hashlib.sha256()
    raw: dict[str, dict[str, Any]] = {}
    for name in CONTENT_FILES:
        path = knowledge_dir / name
        if path.exists():
            digest.update(path.read_bytes())
        raw[name] = _read_yaml(path, problems)

    def entries(file: str, key: str, kind: str, schema: dict[str, type]) -> list[dict[str, Any]]:
        items = raw[file].get(key) or []
        if not isinstance(items, list):
            problems.append(f"{file}: '{key}' must be a list")
            return []
        return [dict(item) for item in items if _check_fields(kind, item, schema, problems)]

    messages = raw["messages.yml"].get("messages") or {}
    if not isinstance(messages, dict) or not all(isinstance(v, str) for v in messages.values()):
        problems.append("messages.yml: 'messages' must map keys to texts")
        messages = {}
    return Content(
        topics=entries("topics.yml", "topics", "topic", TOPIC_FIELDS),
        procedures=entries("procedures.yml", "procedures", "procedure", PROCEDURE_FIELDS),
        facts=entries("facts.yml", "facts", "fact", FACT_FIELDS),
        messages={str(k): v.strip() for k, v in messages.items()},
        fingerprint=digest.hexdigest(),
        problems=problems,
    )


def _duplicates(ids: list[str]) -> set[str]:
    return {i for i in ids if ids.count(i) > 1}


def validate(content: Content, page_text: str, vocabulary_ids: set[str]) -> list[str]:
    """Every problem with the content: references, sources, placeholders, coverage."""
    problems = list(content.problems)
    page = normalize_text(page_text)
    topic_ids = [t["id"] for t in content.topics]
    procedure_ids = [p["id"] for p in content.procedures]
    fact_ids = [f["id"] for f in content.facts]
    for kind, ids in (("topic", topic_ids), ("procedure", procedure_ids), ("fact", fact_ids)):
        for dup in sorted(_duplicates(ids)):
            problems.append(f"{kind} id '{dup}' is used more than once")
    for dup in sorted(_duplicates([t["intent"] for t in content.topics])):
        problems.append(f"intent '{dup}' leads to more than one topic")
    list_names = {p.get("list_name") for p in content.procedures if p.get("list_name")}
    allowed = set(get_settings().placeholders)

    for topic in content.topics:
        if topic.get("closing") and topic["closing"] not in fact_ids:
            problems.append(f"topic '{topic['id']}': closing fact '{topic['closing']}' does not exist")
        if topic.get("without_procedure") and topic["without_procedure"] not in topic_ids:
            problems.append(f"topic '{topic['id']}': topic '{topic['without_procedure']}' does not exist")
        if topic.get("with_procedure") and topic["with_procedure"] not in topic_ids:
            problems.append(f"topic '{topic['id']}': topic '{topic['with_procedure']}' does not exist")
        for other in topic.get("confusable_with") or []:
            if other not in topic_ids:
                problems.append(f"topic '{topic['id']}': confusable topic '{other}' does not exist")
        if topic.get("lists") and topic["lists"] not in list_names:
            problems.append(f"topic '{topic['id']}': list '{topic['lists']}' has no procedures")
        for name in _placeholders(topic.get("intro") or "") - allowed:
            problems.append(f"topic '{topic['id']}': unknown placeholder {{{name}}}")

    for proc in content.procedures:
        if proc["detail_topic"] not in topic_ids:
            problems.append(f"procedure '{proc['id']}': detail topic '{proc['detail_topic']}' does not exist")
        if proc["id"] not in vocabulary_ids:
            problems.append(f"procedure '{proc['id']}' is not in nlp/vocabulary.yml, so patients' words for it are "
                            "not recognised")
        if not any(proc["id"] in (f.get("procedures") or []) and proc["detail_topic"] in f["topics"]
                   for f in content.facts):
            problems.append(f"procedure '{proc['id']}' has no fact in its detail topic '{proc['detail_topic']}'")
    for missing in sorted(vocabulary_ids - set(procedure_ids)):
        problems.append(f"vocabulary id '{missing}' has no entry in procedures.yml")

    for fact in content.facts:
        where = f"fact '{fact['id']}'"
        for topic in fact["topics"]:
            if topic not in topic_ids:
                problems.append(f"{where}: topic '{topic}' does not exist")
        for proc in fact.get("procedures") or []:
            if proc not in procedure_ids:
                problems.append(f"{where}: procedure '{proc}' does not exist")
        if not fact["source"]:
            problems.append(f"{where}: has no source")
        for source in fact["source"]:
            if not isinstance(source, str) or normalize_text(source) not in page:
                problems.append(f"{where}: source not found on the clinic's page: {source!r}")
        if _placeholders(fact["text"]):
            problems.append(f"{where}: facts are page text and take no placeholders")

    for key, text_value in content.messages.items():
        for name in _placeholders(text_value) - allowed - MESSAGE_PLACEHOLDERS:
            problems.append(f"message '{key}': unknown placeholder {{{name}}}")
    return problems


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
        "list_order": int(proc.get("list_order") or 0),
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
                 "source": json.dumps(f["source"]), "position": position}
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


def validated_content(knowledge_dir: Path = KNOWLEDGE_DIR, page_path: Path = PAGE_PATH) -> Content:
    """Read and validate, raising ContentError listing every problem."""
    content = read_content(knowledge_dir)
    problems = validate(content, page_path.read_text(encoding="utf-8"),
                        {i for label in ENTITY_LABELS for i in canonical_ids(label)})
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
