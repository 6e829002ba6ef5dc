"""The red-flag rules on session 24: emergencies told in plain words, and ordinary words that read as risk.

Urgent now: short of breath while keeping still ("sitting still", "lying still": the body kept still, not a
condition that is "still" there), and a wound named as what pours or gushes after an operation, with no word for
blood; a myoplasty is an operation, pain that "has become unbearable" with its place told between, and the gap
between a wound's stitches growing.

Not urgent now: a face that droops "when I'm doing nothing" (the face at rest, in lay words, like "at rest"), a
request to "level" it (a treatment question), and laughing so hard one cannot breathe.

The messages were written for these tests, never from a held-out text. Before the change every case of
NOW_URGENT got no urgent advice, and every case of NOT_URGENT was taken over.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import urgent

NOW_URGENT = [
    ("Breathless just lying still in bed, I can barely finish a sentence", "breathing"),
    ("Out of breath sitting still and I can't finish a sentence", "breathing"),
    ("Since I got home from my op it's been pouring out of the incision", "post_op"),
    ("Surgery this morning and now it's gushing from the wound on my cheek", "post_op"),
    ("My myoplasty was on Monday and the pain in my jaw has gone excruciating", "post_op"),
    ("The gap between my stitches is wider than it was at lunch", "post_op"),
]

NOT_URGENT = [
    "My face droops on one side when I'm doing nothing",
    "Half my face slumps when I'm not doing anything",
    "My face is droopy on the right while I'm doing nothing, can they level it?",
    "My grandkids giggle so much at my wonky smile they can't breathe. Could surgery even it up?",
]


@pytest.mark.parametrize(("text", "kind"), NOW_URGENT)
def test_an_emergency_in_plain_words_gets_its_advice_first(nlp: Language, rules: RedFlagRules, text: str,
                                                           kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_ordinary_words_that_read_as_risk_are_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text
