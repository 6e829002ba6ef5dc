"""Session 37: low mood beside the writer's word that they are safe stays a check-in, however sure the risk model
(a wish to die or a means beside it is still urgent); a school year ("in year 10"), the age a palsy began ("since
age 12", "desde los 12") and a pupil's "Year 3" are history; signs to watch for later and someone else's question
("people ask me if I had a stroke") are no event; a stroke told in lay words (the right words hard to find, what is
said coming out jumbled), a hand that "still" cannot grip minutes after it began, a question reported ("my wife
asked me if ..."), the good side weak "as well", an operation on a misspelt weekday with bleeding that won't stop,
and a flap "pale as a sheet and cold" get their advice. Phrasings written for these tests, not taken from a
held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from nlp.red_flags.assessment import assess
from nlp.red_flags.engine import RedFlag
from tests.unit.test_red_flags import by_rules, urgent
from tests.unit.test_risk_assessment import FixedOpinion

DISTRESS = RedFlag("self_harm_cue", ("distress",))
SAID_SAFE = RedFlag("stated_safe_cue", ("stated_safe",))
CHECK_IN = RedFlag("checkin", ("distress",))


def test_low_mood_beside_a_word_of_safety_stays_a_check_in_however_sure_the_model() -> None:
    sure = FixedOpinion(True, 0.97)
    assert [f.kind for f in assess([CHECK_IN, DISTRESS], "t", sure)] == ["self_harm"]  # type: ignore[arg-type]
    assert [f.kind for f in assess([CHECK_IN, DISTRESS, SAID_SAFE], "t", sure)] == ["checkin"]  # type: ignore[arg-type]


def test_safety_said_beside_a_means_changes_nothing() -> None:
    means = RedFlag("self_harm_cue", ("means_word", "distress"))
    sure = FixedOpinion(True, 0.97)
    assert [f.kind for f in assess([means, SAID_SAFE], "t", sure)] == ["self_harm"]  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [
    "I'm not in any danger, just feeling worthless",
    "Honestly I'm fine really, just feeling hopeless about my face",
    "not in a bad way, I just cry every night",
])
def test_the_rules_hear_a_word_of_safety(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert "stated_safe_cue" in [f.kind for f in rules.detect(nlp(text))], text


@pytest.mark.parametrize("text", [
    "I'm not suicidal, I just think about not waking up and I feel hopeless",
    "I'm fine really, I feel hopeless and I have been saving up my tablets",
])
def test_safety_said_beside_a_wish_or_a_means_is_still_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text


@pytest.mark.parametrize("text", [
    "In year 10 I tried to kill myself because of the teasing. I'm 19 now and doing well. Can I have a nerve graft?",
    "Hoy estoy tranquila. Tengo parálisis facial desde los 12. ¿La cirugía es para mí?",
    "Today my son asked me about surgery. He has had a weak face since baby. What are the options?",
    "What is the infection risk after a muscle transplant, and which signs of the flap losing blood supply should I "
    "look out for once my mum is home?",
    "People at work asked me whether I was having a stroke. Is a static sling an option?",
])
def test_history_and_questions_stay_ordinary(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "About ten minutes ago it got hard to find the right words and my left arm went weak",
    "Since lunch everything I say comes out jumbled and my right leg feels heavy",
    "In the last hour my right hand won't grip. A Year 3 pupil told me my mouth was going down on one side.",
    "It started twenty minutes ago. My face has dropped on the right and my hand still can't grip anything.",
    "My wife asked me if I was having a stroke, my speech is slurred and my arm is weak since 10 minutes",
])
def test_stroke_signs_in_lay_words_are_the_rules_own(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == ["stroke"], text


def test_a_face_part_that_still_cannot_lift_is_the_palsy(nlp: Language, rules: RedFlagRules) -> None:
    text = "Since my palsy I still can't lift my eyebrow and I feel muddled about which surgery to pick"
    assert urgent(nlp, rules, text) == []


def test_the_good_side_weak_as_well_is_a_new_palsy(nlp: Language, rules: RedFlagRules) -> None:
    text = ("I've had Bell's palsy on the left since 2012. Since yesterday my right side has gone weak as well and "
            "I can't close my right eye. No other problems.")
    assert urgent(nlp, rules, text)[:1] == ["new_palsy"]


@pytest.mark.parametrize("text", [
    "my opration on the face was wensday. now the blood is coming and not stopping, soaked 3 towels",
    "The new muscle in my cheek from Friday's operation has gone pale as a sheet and cold this evening",
])
def test_a_recent_operation_and_its_trouble_in_plain_words(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["post_op"], text
