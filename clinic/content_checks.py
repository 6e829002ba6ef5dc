"""Validation of the parsed content files, one function per kind of content.

``validate`` returns every problem found (not just the first), so staff fix a file in one pass;
nothing is loaded while a problem remains. The vocabulary's canonical ids are passed in by the
caller: the knowledge layer does not import the language code in ``nlp/``.
"""

from __future__ import annotations

import string
from collections import Counter
from dataclasses import dataclass
from typing import Any

from clinic.content_files import Content, normalize_text
from clinic.settings import get_settings

MESSAGE_PLACEHOLDERS = frozenset({"procedure", "title"})


@dataclass(frozen=True)
class References:
    """The ids every check may refer to."""

    topics: frozenset[str]
    procedures: frozenset[str]
    facts: frozenset[str]
    lists: frozenset[str]
    vocabulary: frozenset[str]
    placeholders: frozenset[str]

    @classmethod
    def of(cls, content: Content, vocabulary_ids: set[str], placeholders: set[str]) -> References:
        return cls(
            topics=frozenset(t["id"] for t in content.topics),
            procedures=frozenset(p["id"] for p in content.procedures),
            facts=frozenset(f["id"] for f in content.facts),
            lists=frozenset(p["list_name"] for p in content.procedures if p.get("list_name")),
            vocabulary=frozenset(vocabulary_ids),
            placeholders=frozenset(placeholders),
        )


def placeholders_in(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _repeated(values: list[str]) -> list[str]:
    return sorted(value for value, count in Counter(values).items() if count > 1)


def check_unique_ids(content: Content) -> list[str]:
    problems = []
    for kind, entries in (("topic", content.topics), ("procedure", content.procedures), ("fact", content.facts)):
        problems += [f"{kind} id '{dup}' is used more than once" for dup in _repeated([e["id"] for e in entries])]
    intents = [t["intent"] for t in content.topics]
    problems += [f"intent '{dup}' leads to more than one topic" for dup in _repeated(intents)]
    return problems


def check_topic(topic: dict[str, Any], refs: References) -> list[str]:
    where = f"topic '{topic['id']}'"
    problems = []
    if topic.get("closing") and topic["closing"] not in refs.facts:
        problems.append(f"{where}: closing fact '{topic['closing']}' does not exist")
    for field in ("without_procedure", "with_procedure"):
        if topic.get(field) and topic[field] not in refs.topics:
            problems.append(f"{where}: topic '{topic[field]}' does not exist")
    problems += [f"{where}: confusable topic '{other}' does not exist"
                 for other in topic.get("confusable_with") or [] if other not in refs.topics]
    if topic.get("lists") and topic["lists"] not in refs.lists:
        problems.append(f"{where}: list '{topic['lists']}' has no procedures")
    problems += [f"{where}: unknown placeholder {{{name}}}"
                 for name in sorted(placeholders_in(topic.get("intro") or "") - refs.placeholders)]
    return problems


def check_procedure(proc: dict[str, Any], facts: list[dict[str, Any]], refs: References) -> list[str]:
    where = f"procedure '{proc['id']}'"
    problems = []
    if proc["detail_topic"] not in refs.topics:
        problems.append(f"{where}: detail topic '{proc['detail_topic']}' does not exist")
    if proc["id"] not in refs.vocabulary:
        problems.append(f"{where} is not in nlp/vocabulary.yml, so patients' words for it are not recognised")
    if not any(proc["id"] in (f.get("procedures") or []) and proc["detail_topic"] in f["topics"] for f in facts):
        problems.append(f"{where} has no fact in its detail topic '{proc['detail_topic']}'")
    return problems


def check_vocabulary_coverage(refs: References) -> list[str]:
    return [f"vocabulary id '{missing}' has no entry in procedures.yml"
            for missing in sorted(refs.vocabulary - refs.procedures)]


def check_fact(fact: dict[str, Any], page: str, refs: References) -> list[str]:
    """References, and sources that really are on the page (``page`` is normalised)."""
    where = f"fact '{fact['id']}'"
    problems = [f"{where}: topic '{t}' does not exist" for t in fact["topics"] if t not in refs.topics]
    problems += [f"{where}: procedure '{p}' does not exist"
                 for p in fact.get("procedures") or [] if p not in refs.procedures]
    if not fact["source"]:
        problems.append(f"{where}: has no source")
    problems += [f"{where}: source not found on the clinic's page: {source!r}"
                 for source in fact["source"] if not isinstance(source, str) or normalize_text(source) not in page]
    if placeholders_in(fact["text"]):
        problems.append(f"{where}: facts are page text and take no placeholders")
    return problems


def check_message(key: str, text: str, refs: References) -> list[str]:
    return [f"message '{key}': unknown placeholder {{{name}}}"
            for name in sorted(placeholders_in(text) - refs.placeholders - MESSAGE_PLACEHOLDERS)]


def validate(content: Content, page_text: str, vocabulary_ids: set[str],
             placeholders: set[str] | None = None) -> list[str]:
    """Every problem with the content: ids, references, sources, placeholders, coverage.

    ``placeholders``: the setting names texts may use (default: those of ``clinic.settings``).
    """
    allowed = set(get_settings().placeholders) if placeholders is None else placeholders
    refs = References.of(content, vocabulary_ids, allowed)
    page = normalize_text(page_text)
    problems = list(content.problems) + check_unique_ids(content)
    for topic in content.topics:
        problems += check_topic(topic, refs)
    for proc in content.procedures:
        problems += check_procedure(proc, content.facts, refs)
    problems += check_vocabulary_coverage(refs)
    for fact in content.facts:
        problems += check_fact(fact, page, refs)
    for key, text in content.messages.items():
        problems += check_message(key, text, refs)
    return problems
