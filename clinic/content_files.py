"""Reading the content files in ``knowledge/``: parsing and the schema of each entry.

Reading is kept apart from validating (``clinic.content_checks``) and loading
(``clinic.content``), so code that only needs the texts (the file fallback of the messages, the
Rasa-side replies) imports neither the checks nor the database loader.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

KNOWLEDGE_DIR = Path(__file__).resolve().parent.parent / "knowledge"
PAGE_PATH = KNOWLEDGE_DIR / "source" / "clinic-page.txt"
CONTENT_FILES = ("topics.yml", "procedures.yml", "facts.yml", "messages.yml")

TOPIC_FIELDS = {"id": str, "intent": str, "title": str, "intro": str, "closing": str, "uses_procedure": bool,
                "lists": str, "menu_order": int, "keywords": list, "without_procedure": str, "list_intro": str,
                "with_procedure": str, "confusable_with": list, "frame_always": bool}
PROCEDURE_FIELDS = {"id": str, "name": str, "category": str, "kind": str, "detail_topic": str, "list_name": str,
                    "list_order": int, "operation": bool}
# "general": the fact holds for every procedure; its "procedures" are only the ones it singles out
# ("improvement may take months, especially after nerve transfer or muscle transplant")
FACT_FIELDS = {"id": str, "topics": list, "procedures": list, "label": str, "text": str, "source": list,
               "general": bool}
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


def _check_fields(kind: str, entry: Any, schema: Mapping[str, type], problems: list[str]) -> bool:
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


def _entries(raw: dict[str, Any], file: str, key: str, kind: str, schema: Mapping[str, type],
             problems: list[str]) -> list[dict[str, Any]]:
    items = raw.get(key) or []
    if not isinstance(items, list):
        problems.append(f"{file}: '{key}' must be a list")
        return []
    return [dict(item) for item in items if _check_fields(kind, item, schema, problems)]


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
    messages = raw["messages.yml"].get("messages") or {}
    if not isinstance(messages, dict) or not all(isinstance(v, str) for v in messages.values()):
        problems.append("messages.yml: 'messages' must map keys to texts")
        messages = {}
    return Content(
        topics=_entries(raw["topics.yml"], "topics.yml", "topics", "topic", TOPIC_FIELDS, problems),
        procedures=_entries(raw["procedures.yml"], "procedures.yml", "procedures", "procedure", PROCEDURE_FIELDS,
                            problems),
        facts=_entries(raw["facts.yml"], "facts.yml", "facts", "fact", FACT_FIELDS, problems),
        messages={str(k): v.strip() for k, v in messages.items()},
        fingerprint=digest.hexdigest(),
        problems=problems,
    )
