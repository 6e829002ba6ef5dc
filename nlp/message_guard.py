"""What every incoming message passes before it is understood: clean text, bounded size, and
payloads accepted only when the assistant itself could have offered them.

Plain Python (no Rasa, no spaCy), so the rules are easy to test and reason about:

- **Format characters are removed** (soft hyphen, zero-width space/joiner, BOM, direction marks:
  Unicode category ``Cf``) and the text is NFKC-normalised, so "dr\\u00adooped" reads "drooped"
  for the red-flag rules and the classifier alike.
- **Size is bounded.** Understanding reads at most ``MAX_UNDERSTOOD_CHARS`` characters; a longer
  message is flagged ``too_long`` (the patient is asked for a shorter one) and only its first part
  is read, red-flag check included. Every later step therefore costs a bounded amount, whatever
  was sent.
- **"/" payloads.** Rasa reads a message that starts with "/" as an intent with JSON entities and
  skips understanding. A payload is kept only when it is exactly one the assistant offers
  (``nlp/payloads.yml``: intent, entity keys, entity values that are known ids); anything else
  loses its leading slashes and is read as text, so "/ask_risks@1 my face dropped" meets the
  red-flag rules and "/report_urgent_symptom{...}" can forge nothing.
- **Language.** A message written in Spanish is marked ``es`` (urgent advice is then given in
  Spanish, and any other Spanish message gets a Spanish pointer to the clinic).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

PAYLOADS_PATH = Path(__file__).with_name("payloads.yml")
MAX_UNDERSTOOD_CHARS = 2_000
_PAYLOAD = re.compile(r"^/([A-Za-z_][A-Za-z0-9_]*)(\{.*\})?$", re.DOTALL)
_WORD = re.compile(r"[a-zñ]+")
MAX_REPEATS_COUNTED = 2  # times one Spanish word counts towards the language
_SPANISH_MARKS = frozenset("ñ¿¡áéíóú")
# Function words frequent in Spanish and absent from (or rare in) English patient messages.
_SPANISH_WORDS = frozenset(
    "que el la los las una del al por para con está estoy esta este esto tengo tiene mi mis su sus muy "
    "pero como cómo qué cuando donde desde hace hoy ayer mañana también porque nada quiero puedo se lo le "
    "les nos ya ahora mucho poco solo sólo hijo hija mamá papá mujer esposo esposa cara boca ojo brazo "
    "pierna habla hablar dolor cirugía operación tiempo años días semana vida morir vivir ayuda favor hola "
    "gracias buenos buenas usted ustedes yo tu tú él ella ellos "
    # short messages without accents or the words above ("quisiera dormirme y no despertar nunca mas")
    "y nunca nadie siempre algo todo todos todas mas más quisiera ojala ojalá despertar dormir dormirme "
    "estar estas estaba fue".split()
)
_ENGLISH_WORDS = frozenset(
    "the and is are was were my your his her their to of in on at for with have has had i you he she it "
    "what how when can could would should do does did will not this that please thanks hello".split()
)


@dataclass(frozen=True)
class GuardedText:
    """What understanding reads, and what the guard noticed about the original message."""

    text: str
    too_long: bool = False
    payload_rejected: bool = False
    language: str = "en"


@dataclass(frozen=True)
class PayloadAllowList:
    """Which ``/intent{...}`` payloads are genuine: intent -> allowed entity key -> allowed values."""

    intents: dict[str, dict[str, frozenset[str]]]

    @classmethod
    def from_file(cls, known_ids: dict[str, frozenset[str]], path: Path = PAYLOADS_PATH) -> PayloadAllowList:
        """``known_ids``: entity label -> its canonical ids (from the vocabulary)."""
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        intents: dict[str, dict[str, frozenset[str]]] = {}
        for intent, keys in (raw.get("intents") or {}).items():
            unknown = [k for k in keys or [] if k not in known_ids]
            if unknown:
                raise ValueError(f"{path.name}: {intent} names unknown entity labels {unknown}")
            intents[str(intent)] = {str(k): known_ids[k] for k in keys or []}
        return cls(intents)

    def accepts(self, text: str) -> bool:
        """True only for an exact payload: a known intent, allowed keys, string values that are known ids."""
        match = _PAYLOAD.match(text.strip())
        if not match or match.group(1) not in self.intents:
            return False
        if match.group(2) is None:
            return True
        allowed = self.intents[match.group(1)]
        try:
            entities = json.loads(match.group(2))
        except ValueError:
            return False
        return isinstance(entities, dict) and all(
            key in allowed and isinstance(value, str) and value in allowed[key] for key, value in entities.items()
        )


def remove_format_characters(text: str) -> str:
    """NFKC-normalised text without invisible format characters (category Cf)."""
    normalised = unicodedata.normalize("NFKC", text)
    return "".join(c for c in normalised if unicodedata.category(c) != "Cf")


def detect_language(text: str) -> str:
    """``es`` for a message written in Spanish, else ``en`` (a cheap word count, linear in the text)."""
    lowered = text.lower()
    words = _WORD.findall(lowered)
    # one word said again and again is weak evidence: "mi" is also Caribbean English's "my" and "I"
    repeats = Counter(w for w in words if w in _SPANISH_WORDS)
    spanish = sum(min(count, MAX_REPEATS_COUNTED) for count in repeats.values()) + sum(
        c in _SPANISH_MARKS for c in lowered)
    english = sum(w in _ENGLISH_WORDS for w in words)
    return "es" if spanish >= 2 and spanish > 1.5 * english else "en"


def guard(text: str, payloads: PayloadAllowList, limit: int = MAX_UNDERSTOOD_CHARS) -> GuardedText:
    """The text understanding should read, for any message a client may send."""
    # Cut before normalising: NFKC and the scan below then cost at most a constant per kept character.
    too_long = len(text) > limit
    cleaned = remove_format_characters(text[: limit * 2])[:limit].strip()
    rejected = False
    if cleaned.startswith("/") and not (not too_long and payloads.accepts(cleaned)):
        cleaned, rejected = cleaned.lstrip("/").strip(), True
    return GuardedText(cleaned, too_long, rejected, detect_language(cleaned))


@lru_cache(maxsize=1)
def default_allow_list() -> PayloadAllowList:
    """The shipped allow-list, its entity values checked against the clinic's vocabulary."""
    from nlp.vocabulary import load_terms

    ids: dict[str, set[str]] = {}
    for term in load_terms():
        ids.setdefault(term.label, set()).add(term.id)
    return PayloadAllowList.from_file({label: frozenset(values) for label, values in ids.items()})
