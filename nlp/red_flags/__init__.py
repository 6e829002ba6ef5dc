"""Deterministic red-flag detection: urgent symptoms the assistant must never leave to a classifier.

``engine`` compiles ``nlp/red_flags.yml`` into spaCy matchers and decides, with ``hits`` for the
scope of negation and suppressors; ``normalizer`` makes message words comparable with the rules'
words (lemmas, contractions, typos; ``glued`` for words typed without spaces); ``rules_file``
validates the file; ``risk_model`` and ``assessment`` add the self-harm second opinion. Imports
spaCy and scikit-learn, never Rasa.
"""

from nlp.red_flags.assessment import detect_text
from nlp.red_flags.engine import DEFAULT_RULES_PATH, RedFlag, RedFlagRules

__all__ = ["DEFAULT_RULES_PATH", "RedFlag", "RedFlagRules", "detect_text"]
