"""Subjects the clinic declines whatever the intent classifier says: an animal's face ("my cat
can't blink"), medication and doses ("can I take ibuprofen after the operation?"). The classifier
learns them from a few examples but a clinic word in the message ("Bell's palsy", "surgery") can
outvote them; these rules (``nlp/off_topic.yml``) make the decline certain. Plain Python, no Rasa.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from nlp.message_guard import MAX_UNDERSTOOD_CHARS

RULES_PATH = Path(__file__).resolve().parent / "off_topic.yml"


# A rule: what names the subject; what mentions it, counting only in a sentence that matches one of
# ``about``; that list; and the exceptions, which cancel the whole message.
Rule = tuple[list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]], list[re.Pattern[str]]]
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")


@lru_cache(maxsize=2)
def _rules(path: Path) -> dict[str, Rule]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}

    def compiled(body: dict[str, list[str]], key: str) -> list[re.Pattern[str]]:
        return [re.compile(p, re.IGNORECASE) for p in body.get(key) or []]

    return {subject: (compiled(body, "match"), compiled(body, "mention"), compiled(body, "about"),
                      compiled(body, "except"))
            for subject, body in data.items()}


def _matches(sentence: str, rule: Rule) -> bool:
    """A sentence naming the subject, or mentioning it in a question or with words that say it is
    about it (a pet in a story about finding someone to feed it is no question about the pet's face)."""
    matches, mentions, about, _ = rule
    if any(p.search(sentence) for p in matches):
        return True
    return any(p.search(sentence) for p in mentions) and (
        sentence.rstrip().endswith("?") or any(p.search(sentence) for p in about))


def declined_subjects(path: Path = RULES_PATH) -> frozenset[str]:
    """The subjects the rules file declines: each has its own ``declined.<subject>`` message."""
    return frozenset(_rules(path))


def off_topic(text: str, path: Path = RULES_PATH) -> str | None:
    """The declined subject the message is about ("animal", "medication"), or None."""
    text = " ".join(text[:MAX_UNDERSTOOD_CHARS].split())
    sentences = [m.group() for m in _SENTENCE.finditer(text)]
    for subject, rule in _rules(path).items():
        if any(_matches(s, rule) for s in sentences) and not any(p.search(text) for p in rule[3]):
            return subject
    return None
