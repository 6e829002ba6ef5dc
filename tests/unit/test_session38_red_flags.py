"""Session 38: a flap whose colour is told and then its cold a word or two later, or gone waxy, or not pinking up
when pressed; a cheek growing by the hour or rock hard after an operation; the eye's sight going with pain days after
an eyelid operation (the eye's advice first, the operation's with it, and only for an operation on the lid); a
goodbye told as things sorted out, a slot handed on and "after tonight it won't matter"; low mood said in older
words ("low in spirits", "weary of it all") or in Spanish slang; a relative's death told, and a message said to
be "not urgent", keep low mood a check-in. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize("text", [
    "The muscle they moved into my cheek on Saturday has gone a dusky purple colour and it's cold tonight",
    "My wife's flap from Monday's transplant is white and waxy this evening, not warm like before",
    "Had my gracilis done on Wednesday. Since this afternoon when I press the new muscle it doesn't turn pink again",
    "had the temporalis op on friday, now my cheek is getting bigger by the hour and its hurting loads",
    "My jaw side has gone rock hard since this morning, the operation was on Tuesday. Is that normal?",
])
def test_a_flap_or_a_swelling_in_trouble_after_an_operation(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == ["post_op"], text


@pytest.mark.parametrize("text", [
    "My gold weight was put in the upper lid on Monday. Since last night the eye is very sore and red and my "
    "vision in it has gone blurry",
    "had my eyelid op 5 days ago and today the eye hurts loads, its red and everything looks blurry",
])
def test_the_eye_in_trouble_after_a_lid_operation_gets_both_advices(nlp: Language, rules: RedFlagRules,
                                                                   text: str) -> None:
    assert by_rules(nlp, rules, text)[:2] == ["eye_emergency", "post_op"], text


def test_an_eye_hurt_after_another_operation_is_the_eye_alone(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Two weeks after my nerve transfer a branch caught my eye in the garden this morning. It is very painful, "
            "red and my sight in it is blurry.")
    assert by_rules(nlp, rules, text) == ["eye_emergency"]


@pytest.mark.parametrize("text", [
    "I've sorted out all my things and put the dog with my brother. After tonight it won't matter anymore.",
    "Please give my slot to someone else who needs it. After tonight it won't matter what I look like.",
])
def test_a_goodbye_told_as_arrangements(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text


@pytest.mark.parametrize("text", [
    "I have been low in spirits since the palsy. Is the hospital stay long after a brow lift?",
    "Honestly weary of it all with this face. How long is the operation?",
    "Lo de la parálisis me tiene bajoneada. ¿Cuánto dura la operación?",
])
def test_low_mood_in_other_words_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


def test_a_relatives_death_told_is_no_death_wish(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Not urgent at all. My uncle has been lonely and low since his wife died and he hides his face now. "
            "He cooks and looks after himself fine. Are there support groups he could join?")
    assert kinds(nlp, rules, text) == ["checkin"]


@pytest.mark.parametrize("text", [
    "My mum wants to die since the palsy, she told me tonight she has pills saved",
    "Since my dad died I just want to die too, I have the tablets here",
])
def test_a_wish_to_die_beside_a_death_told_is_still_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text


@pytest.mark.parametrize("text", [
    "She's on some pills for her heart. Would that matter for the anaesthetic as well?",
    "Since the palsy my smile pulls and my cheek goes tight as a drum now. I heard of a way of cutting some small "
    "nerves to loosen it. What is it called?",
])
def test_a_prescription_and_a_treatment_described_stay_ordinary(nlp: Language, rules: RedFlagRules,
                                                                text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_tablets_for_a_condition_taken_all_at_once_are_still_an_overdose(nlp: Language, rules: RedFlagRules) -> None:
    assert urgent(nlp, rules, "an hour ago I swallowed all the tablets for my heart, every one of them")[:1] == [
        "self_harm"]
