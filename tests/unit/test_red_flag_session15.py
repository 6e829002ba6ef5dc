"""The red-flag rules on session 15: dev18's misses and false alarm as kinds of failure.

Every message here was written for these tests from general knowledge of how patients and relatives write (a face
gone weak "down one side" or "lazy", a lip that "won't do what I tell it", air "harder to pull in", a breath that
"still" will not come after choking, squeaky breaths, sight gone from one eye minutes ago; an allergic reaction "in my
thirties", a transplanted muscle that "never woke up", a gritty eye one is sick of waking up with, a side that never
smiled and a life planned around the operations), never a held-out text. Every case of NOT_URGENT, NOT_ALARMED and
URGENT fails on the rules of the session's start; STILL_NOT_URGENT and STILL_URGENT are guards that must keep holding.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent

# An emergency of years ago told as history: a question, not a crisis.
NOT_URGENT = [
    "In my thirties my throat swelled up from a wasp sting and I needed adrenaline. Is a general anaesthetic safe "
    "for me?",
    # a transplanted muscle that "never woke up" never started to move
    "A friend told me her transplanted muscle never woke up. How often does a muscle transplant fail to move?",
    # an eye that has not shut since the operation, gritty every morning: the everyday care this clinic is about
    "Ever since the tumour operation my eye won't shut at night and I'm sick of waking up with a gritty eye. Would a "
    "gold weight help?",
]

# Not even low mood: a side that never smiled is the palsy, a life planned around the stages an aim.
NOT_ALARMED = [
    "I have never smiled on that side since birth. Now I'm 30 and I want to plan my life around the surgery. Is it "
    "done in stages?",
]

# Guards: the same words about a palsy or an eye lived with.
STILL_NOT_URGENT = [
    "I still can't get my eye to close properly since the palsy years ago, would a gold weight help?",
    "I lost the sight in my left eye years ago from an ulcer. Can eyelid surgery still help the lid?",
    "My face has felt lazy on one side since the Bell's palsy in 2016. Would a muscle transfer help?",
    "Since the palsy in 2015 my lip won't do what I tell it when I smile. Is Botox an option?",
    # a brow hanging over the eye hides its sight: no change of the eye itself
    "My eyebrow has dropped so low since the palsy that I can hardly see out of that eye. Would a brow lift help?",
]

# Physical emergencies in lay words: (message, first kind).
URGENT = [
    ("Woke up today with weakness of the left side of my face, nothing else seems wrong", "new_palsy"),
    ("since this morning his face feels lazy on the right side", "new_palsy"),
    ("Since lunchtime her mouth won't do what she wants it to, one corner just hangs", "new_palsy"),
    ("Ten minutes after the injection the air feels harder to pull in and my lips are tingling", "breathing"),
    ("I still cannot take a breath properly, it went down the wrong way", "breathing"),
    ("I feel short of air since the new tablets this morning", "breathing"),
    ("I suddenly lost the sight in my left eye ten minutes ago, no pain", "eye_emergency"),
    # a palsy dated to a year is the one lived with; the eye's sight "hardly" there now is a change of sight
    ("My palsy is from 2016. Since this morning my eye is red and sore and I can hardly see out of it.",
     "eye_emergency"),
]

# Guards: a squeak on each breath, found by the physical model before the rules had words for it.
STILL_URGENT = [
    ("Since dinner there is a squeaky noise with every breath she takes", "breathing"),
    ("she makes a squeaking noise breathing in since tea time", "breathing"),
]


@pytest.mark.parametrize("text", NOT_URGENT + STILL_NOT_URGENT)
def test_history_and_a_palsy_lived_with_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", NOT_ALARMED)
def test_a_palsy_from_birth_and_plans_are_no_low_mood(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), URGENT + STILL_URGENT)
def test_physical_emergencies_in_lay_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
