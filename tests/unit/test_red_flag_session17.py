"""The red-flag rules on session 17: a past or -ing form typed with its doubled consonant once, a second
side weak too, a red swelling eye with a fever.

"stoped" is a dictionary word (from the miner's "stope"), so the typo corrector's known-word veto kept
it; the rules then never saw "stopped". A second side weak "too", named left or right, lifts the
existing palsy's veto as "the other side" already did. One eye or lid red and swelling with a fever is
an eye emergency. The messages were written for these tests, never from a held-out text; every case of
URGENT fails before its change. NOT_CHANGED holds common words that must stay themselves ("scared" is
not "scarred", "hoping" not "hopping") and both eyes puffy with a cold.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import urgent

URGENT = [
    ("one side of my face just stoped working an hour ago", "new_palsy"),
    ("my mums face stoped moving on the left this morning", "new_palsy"),
]

# A palsy lived with on one side, and the other side, named left or right, weak "too" since a recent time: new.
SECOND_SIDE = [
    ("I've had a left sided palsy since 2016. Since lunchtime the right side droops too.", "new_palsy"),
    ("My dad's palsy has been on his right for years. Yesterday his left side also went numb.", "new_palsy"),
]

# The same words about a palsy lived with, or asked as a question: not urgent.
SECOND_SIDE_NOT_NEW = [
    "My right side has been weak since 2015; can the left side also be treated with botox?",
    "The left side also droops a little since my palsy years ago, is that normal?",
]

# A red, swelling eye or lid with a fever, after an operation or not: the eye's advice too (orbital infection).
RED_SWOLLEN_FEVERISH_EYE = [
    ("Had my gold weight put in on Monday, the eyelid is red and swollen up and I've got a fever", "eye_emergency"),
    ("My eye is red and swelling more and more and I have a high temperature", "eye_emergency"),
]

NOT_CHANGED = [
    "I have a cold with a fever and my eyes are a bit red and puffy, can I still come to my consultation?",
    "I'm scared the scar will show, how long does it take to fade?",
    "Hoping to book a consultation about the gracilis operation",
    "She stopped taking the tablets her GP gave her for the palsy years ago, is that a problem for surgery?",
]


@pytest.mark.parametrize(("text", "kind"), URGENT + SECOND_SIDE)
def test_a_slip_of_typing_or_a_second_side_is_a_new_palsy(nlp: Language, rules: RedFlagRules, text: str,
                                                          kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize(("text", "kind"), RED_SWOLLEN_FEVERISH_EYE)
def test_a_red_swollen_eye_with_a_fever_gets_the_eye_advice(nlp: Language, rules: RedFlagRules, text: str,
                                                            kind: str) -> None:
    assert kind in urgent(nlp, rules, text), text


@pytest.mark.parametrize("text", NOT_CHANGED + SECOND_SIDE_NOT_NEW)
def test_common_words_are_not_read_as_others(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text
