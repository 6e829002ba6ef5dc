"""Validation of the parsed content files, one function per kind of content.

``validate`` returns every problem found (not just the first), so staff fix a file in one pass;
nothing is loaded while a problem remains. The vocabulary's canonical ids are passed in by the
caller: the knowledge layer does not import the language code in ``nlp/``.
"""

from __future__ import annotations

import re
import string
from collections import Counter
from dataclasses import dataclass
from typing import Any

from clinic.content_files import Content, normalize_text
from clinic.search import STOPWORDS
from clinic.settings import get_settings

# name, via, contact: the callback form's confirmation (actions/callback.py)
MESSAGE_PLACEHOLDERS = frozenset({"procedure", "title", "max_characters", "name", "via", "contact"})
# Words a fact's text may add to its sources: they join or frame the page's statements and say
# nothing of their own. Everything else a fact, label or list intro says must be in its sources.
JOINING_WORDS = frozenset("""
    clinic clinic's page says lists include includes including one use uses used using such like
    both either neither only also may might can often usually generally which whose where while
""".split())
# List intros may also tell the patient how to pick from the list shown.
INSTRUCTION_WORDS = frozenset("tap type number read pick choose list".split())
MIN_SOURCE_WORDS = 4
CLAUSE_EDGES = ".,;:?!"
CLAUSE_OPENERS = ("and ", "but ", "or ", "while ", "although ", "whereas ", "though ")
# Messages every reply path needs. The urgent advice of every kind (the kinds of the red-flag rules)
# and the disclaimer are required in English and in every other language the messages use
# ("es.red_flag.stroke"); the softer notes (possible, checkin) in English, and the check-in also in
# Spanish (a Spanish message with distress gets the Spanish pointer, then that line).
REQUIRED_MESSAGES = frozenset("""
    disclaimer empty_message not_understood out_of_scope service_unavailable cannot_answer did_you_mean
    did_you_mean_other also_asked general_only_note choose_without_list choose_out_of_range
    greet goodbye thank bot_challenge affirm deny something_else ask_capabilities
    red_flag.possible red_flag.checkin es.red_flag.checkin es.english_only message_too_long
    declined.medication declined.animal declined.surgeon_choice declined.instructions declined.cosmetic
    declined.elsewhere
""".split())
URGENT_KINDS = ("stroke", "new_palsy", "eye_emergency", "post_op", "breathing", "self_harm", "unspecified", "after")
URGENT_PREFIX = "red_flag."


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
    if topic.get("frame_always") and not (topic.get("intro") or "").strip():
        problems.append(f"{where}: frame_always needs an intro to frame its facts with")
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


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning (stop words and numbers left out)."""
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", normalize_text(text))
    return [w for w in words if w not in STOPWORDS]


def word_stem(word: str) -> str:
    """A crude stem, enough to let "restoring" match "restore" and "grafts" match "graft"."""
    for suffix in ("'s", "ies", "es", "s", "ing", "ed", "ly", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def words_beyond(text: str, sources: list[str], allowed: frozenset[str] = JOINING_WORDS) -> list[str]:
    """Content words of ``text`` found neither in ``sources`` nor among ``allowed``."""
    known = {word_stem(w) for source in sources for w in content_words(source)}
    return list(dict.fromkeys(w for w in content_words(text) if w not in allowed and word_stem(w) not in known))


def clause_edges(page_text: str) -> tuple[str, set[int]]:
    """The normalised page and the offsets where a clause may start or end in it: line breaks,
    clause punctuation and the page's ends."""
    lines = [normalize_text(line) for line in page_text.splitlines() if line.strip()]
    page = " ".join(lines)
    edges, offset = {0, len(page)}, 0
    for line in lines:
        edges |= {offset, offset + len(line)}
        offset += len(line) + 1
    edges |= {i + 1 for i, char in enumerate(page) if char in CLAUSE_EDGES}
    edges |= {i + 1 for i in list(edges) if i < len(page) and page[i] == " "}
    edges |= {i + len(opener) for i in list(edges) for opener in CLAUSE_OPENERS if page.startswith(opener, i)}
    return page, edges


def is_fragment(source: str, page: str, edges: set[int]) -> bool:
    """Too short to state anything, or cut out of the middle of a clause of the page."""
    quoted = normalize_text(source)
    if len(quoted.split()) < MIN_SOURCE_WORDS:
        return True
    start = page.find(quoted)
    while start >= 0:
        end = start + len(quoted)
        if start in edges and (end in edges or quoted[-1] in CLAUSE_EDGES or page[end:end + 1] in (*CLAUSE_EDGES,)):
            return False
        start = page.find(quoted, start + 1)
    return True


def check_fact_wording(fact: dict[str, Any], page: str, edges: set[int]) -> list[str]:
    """A fact says no more than its sources, and each source is at least a whole clause."""
    where = f"fact '{fact['id']}'"
    sources = [s for s in fact["source"] if isinstance(s, str)]
    problems = [f"{where}: source is a fragment, quote at least a whole clause of the page: {s!r}"
                for s in sources if normalize_text(s) in page and is_fragment(s, page, edges)]
    for field in ("label", "text"):
        extra = words_beyond(fact.get(field) or "", sources)
        if extra:
            problems.append(f"{where}: its {field} says more than its sources: {', '.join(extra)}")
    return problems


def check_list_intro(topic: dict[str, Any], content: Content) -> list[str]:
    """A list intro rests on the sources of its topic's facts and of its listed procedures' facts."""
    listed = {p["id"] for p in content.procedures if topic.get("lists") and p.get("list_name") == topic["lists"]}
    sources = [s for f in content.facts if topic["id"] in f["topics"] or listed & set(f.get("procedures") or [])
               for s in f["source"] if isinstance(s, str)]
    extra = words_beyond(topic.get("list_intro") or "", sources, JOINING_WORDS | INSTRUCTION_WORDS)
    if not extra:
        return []
    return [f"topic '{topic['id']}': its list intro says more than its facts' sources: {', '.join(extra)}"]


def check_required_messages(messages: dict[str, str]) -> list[str]:
    """Every reply path has its text; urgent advice exists for every kind in every language used."""
    problems = [f"message '{key}' is missing: a reply needs it" for key in sorted(REQUIRED_MESSAGES - messages.keys())]
    languages = sorted({key.split(".", 1)[0] for key in messages if re.match(r"[a-z]{2}\.", key)})
    for prefix in ["", *(f"{language}." for language in languages)]:
        wanted = [f"{prefix}{URGENT_PREFIX}{kind}" for kind in URGENT_KINDS] + [f"{prefix}disclaimer"]
        problems += [f"message '{key}' is missing: urgent advice and the disclaimer in every language"
                     for key in wanted if key not in messages]
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
    for topic in content.topics:
        problems += check_list_intro(topic, content)
    lines_page, edges = clause_edges(page_text)
    for fact in content.facts:
        problems += check_fact(fact, page, refs) + check_fact_wording(fact, lines_page, edges)
    for key, text in content.messages.items():
        problems += check_message(key, text, refs)
    return problems + check_required_messages(content.messages)
