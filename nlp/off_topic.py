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


@lru_cache(maxsize=2)
def _rules(path: Path) -> dict[str, tuple[list[re.Pattern[str]], list[re.Pattern[str]]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {subject: ([re.compile(p, re.IGNORECASE) for p in body.get("match") or []],
                      [re.compile(p, re.IGNORECASE) for p in body.get("except") or []])
            for subject, body in data.items()}


def off_topic(text: str, path: Path = RULES_PATH) -> str | None:
    """The declined subject the message is about ("animal", "medication"), or None."""
    text = " ".join(text[:MAX_UNDERSTOOD_CHARS].split())
    for subject, (matches, exceptions) in _rules(path).items():
        if any(p.search(text) for p in matches) and not any(p.search(text) for p in exceptions):
            return subject
    return None
