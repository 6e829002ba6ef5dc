"""The red-flag rules and the physical model on session 14: dev17's misses and false alarms as kinds of failure.

Every message here was written for these tests from general knowledge of how patients and relatives write (a palsy
one has made peace with, a smile that never came back, a lift asked for the sagging side; a transplanted muscle gone
plum-coloured and cold, an angry colour creeping outward with a flu-like feeling, a Spanish wound opened or swelling
that grows, a dressing soaking through, a grey shadow over one eye's sight, a swelling told in passing among
questions; low mood as feeling isolated, guilty or upset and embarrassed), never a held-out text. Every case of
NOT_URGENT, PHYSICAL, BURIED and CHECKIN fails on the rules and models of the session's start; STILL_NOT_URGENT and
STILL_URGENT are guards that must keep holding (a spot of blood after a drain is taken out among them).
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent

# Living with the palsy, told in words that also belong to farewells and lost hope: questions, not a crisis.
NOT_URGENT = [
    # peace made with "it" (the palsy), beside low mood
    "I had made peace with it long ago, but I've been feeling down about my smile lately. Would a muscle transplant "
    "be worth asking about?",
]

# Guards of the same kinds (not urgent at the session's start either): a smile that never came back, the sagging side
# lifted asked of the clinic.
STILL_NOT_URGENT = [
    "My smile never came back after the Bell's palsy in 2015 and I've accepted it. Am I too old to be considered "
    "at 60?",
    "could u lift the saggy side of my face and hitch up my droopy brow a bit?",
    "can u tighten the saggy half of my face and lift the droopy eyebrow?",
    # one sentence of a treatment question, or a symptom there all the time, read alone is no emergency either
    "I'm from Spain. My face not moving on left side. Which type of surgery would give movement back?",
    "His eye is red and sore all the time since the parotid operation years ago, what helps at night?",
    "The drain came out this afternoon and there were a few spots of blood on the dressing, is that normal?",
]

# Physical emergencies in lay words, found now: (message, first kind).
PHYSICAL = [
    ("Four days after the gracilis op the skin over my new cheek muscle has gone the colour of a plum and there's no "
     "warmth in it at all", "post_op"),
    ("a week after my brow lift the pink patch by the stitches keeps creeping outwards each day and I feel flu-like",
     "post_op"),
    ("Since my operation on Monday the angry colour round the wound keeps moving outward by the hour", "post_op"),
    ("Me operaron el martes y hoy se ha abierto la herida del cuello, se ve la carne por dentro", "post_op"),
    ("Desde que me operaron la hinchazón crece cada hora", "post_op"),
    ("My dressing soaks through every hour since my facelift on Tuesday, it won't settle", "post_op"),
    ("Since lunch there is a grey shadow over the sight of my left eye", "eye_emergency"),
]

# An emergency told in passing among questions: the physical model reads the cue's sentence alone as well.
BURIED = [
    ("When can I start driving after the temporalis transfer? My husband keeps asking. Since this morning the swelling "
     "in my cheek has doubled and it is tight and shiny. Also is soup ok to eat?", "post_op"),
]

# Low mood in everyday words beside a real question: answered, with the gentle line.
CHECKIN = [
    "I feel so isolated at work. Can a nerve graft still help after two years?",
    "Upset and embarrassed about how I look in photos. What does a brow lift involve?",
    "He's been feeling guilty about the cost of it all. How long is the recovery?",
]

# Must keep firing: a farewell with peace made "with it all", the face told as never coming back beside a plan.
STILL_URGENT: list[tuple[str, str]] = [
    ("I've made my peace with it all. Please take me off the list, someone else can have my slot.", "self_harm"),
    ("Suddenly this afternoon the right side of his face dropped and he can't lift his right arm", "stroke"),
]


@pytest.mark.parametrize("text", NOT_URGENT + STILL_NOT_URGENT)
def test_living_with_the_palsy_is_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), PHYSICAL)
def test_physical_emergencies_in_lay_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize(("text", "kind"), BURIED)
def test_an_emergency_told_in_passing_among_questions(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", CHECKIN)
def test_more_words_for_low_mood_are_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_still_urgent(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
