"""Session 42: a person who just collapsed with a face gone weak (a stroke, even beside an operation months ago); a
face that itself "collapsed" this morning (a new palsy); an eye after eyelid surgery that lets through only shapes
or light; an arm left flopping. And what must stay quiet: a tool ("a nail gun") beside peace made "with most of it",
an operation someone "had done", a pain that is long gone, a swelling going down, a sight lost for a day years ago,
an operation told as cutting someone open; low morale with a question is a check-in.
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize(("text", "kind"), [
    ("My dad just collapsed in the kitchen and one side of his face has dropped. He had a cheek operation four "
     "months ago.", "stroke"),
    ("Mum suddenly keeled over in the garden, her mouth droops on the left and she's talking rubbish.", "stroke"),
    ("Her face suddenly collapsed on the right side this morning and she can't close that eye.", "new_palsy"),
    ("Three days after my eyelid weight went in, the eye is throbbing and red and I can only make out blurry shapes "
     "with it.", "eye_emergency"),
    ("Granddad's eye, the one that never shuts, went red and sore at lunch and he says he can only see light through "
     "it now.", "eye_emergency"),
    ("Face drooping on the left since an hour ago and his right arm is flopping about, he can't lift it.", "stroke"),
])
def test_emergencies_in_new_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "Years ago a nail gun slipped at work and caught my cheek. I've made peace with most of it, but how long is the "
    "recovery from a muscle transfer?",
    "My neighbour had a gracilis thing done, a muscle from the thigh, and she says she doesn't care about the scar. "
    "What are the risks of it?",
    "Her palsy started in 2019 with terrible pain. The pain is long gone now, but the eye doesn't shut fully. Could "
    "eyelid surgery help?",
    "Had my cheek operation two weeks ago. The swelling goes down a little more each day and there's no fever. When "
    "does the numbness settle?",
    "Three years ago I lost the sight in that eye for a day because of a scratch; it recovered fully. Would the gold "
    "weight stop me taping it?",
    "My daughter is booked for a nerve transfer in spring and worries they will cut her open while she's awake. Is "
    "it done under general?",
])
def test_ordinary_questions_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_a_face_that_collapsed_long_ago_is_the_palsy_lived_with(nlp: Language, rules: RedFlagRules) -> None:
    assert urgent(nlp, rules, "My face collapsed years ago after Bell's palsy. Can surgery lift it?") == []


def test_low_morale_with_a_question_is_a_check_in(nlp: Language, rules: RedFlagRules) -> None:
    text = "Morale is pretty low these days, the face hasn't improved a year after the graft. When is a graft failed?"
    assert kinds(nlp, rules, text) == ["checkin"]
