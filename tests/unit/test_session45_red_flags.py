"""Session 45: what must stay quiet, and what must still be heard. Safety said in other words ("I'm not thinking
of hurting myself", "not having any thoughts of harming myself", "no estoy pensando en hacerme daño") keeps low
mood a check-in, while thoughts one "can't stop" stay urgent; a palsy dated by month and year ("in June 2017"); a
plan told "now" ("now I want the weight put in") is no change; whether swelling could "ever get so bad" that one
could not breathe is a question; slurred speech "since childhood" and "like that for 40 years, nothing new" is the
standing one; a wound that "healed nicely within a week" is over; an op "three years back" is history; disliking
photos is low mood, not distress. And heard now: a count of a brand-name painkiller ("25 advil"), a child's face
told in Spanish diminutives ("la boquita", "el ojito"), thanks for everything with debts settled and a goodbye, and
"can't seem to swallow" after a new medicine. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize("text", [
    "Work is hard and I feel so lonely since the palsy. I am not thinking of hurting myself, just low. Can physio "
    "be done at home?",
    "I feel hopeless about my smile, not having any thoughts of harming myself though. Is Botox an option?",
    "Me siento muy triste por mi cara. No estoy pensando en hacerme daño. ¿Cuánto dura la operación?",
])
def test_safety_said_in_other_words_keeps_low_mood_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", [
    "I can't stop thinking of hurting myself and I feel hopeless",
    "no puedo dejar de pensar en hacerme daño",
])
def test_thoughts_that_cannot_be_stopped_are_no_safety(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == ["self_harm"], text


@pytest.mark.parametrize("text", [
    "My palsy started overnight in June 2017, I woke up and my eye would not close. Is a nerve transfer still "
    "possible?",
    "Years ago my eye got an ulcer because it would not shut, it healed with drops in 2015. Now I want the gold "
    "weight put in, is that painful?",
    "Could the bruising after surgery ever get so bad that I couldn't breathe?",
    "My speech has been slurred since childhood and my face is weak on the left, it has been like that 40 years, "
    "nothing new. Can physio help?",
    "I had the muscle transplant in 2021. A few days after, the wound opened a little, it healed nicely within a "
    "week. Is stage two done through the same cut?",
    "My ear infection damaged the nerve and I had the nerve transfer three years back. Is synkinesis common after "
    "it?",
])
def test_history_and_questions_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_disliking_photos_is_low_mood_not_distress(nlp: Language, rules: RedFlagRules) -> None:
    text = "im 15 and i hate photos since my palsy, will the operation make my smile even?"
    assert urgent(nlp, rules, text) == []


def test_an_eye_that_hurts_today_is_still_heard(nlp: Language, rules: RedFlagRules) -> None:
    text = "My eye has not closed since my palsy in 2015. Since this morning it is very painful and red."
    assert by_rules(nlp, rules, text)[:1] == ["eye_emergency"]


@pytest.mark.parametrize(("text", "kind"), [
    ("swallowed maybe 25 advil an hour ago, feel kind of sick", "self_harm"),
    ("Mi niño despertó hoy con la boquita torcida y no cierra el ojito izquierdo, ayer estaba bien.", "new_palsy"),
    ("Thank you for everything over the years. My debts are settled and I have written down what each of the "
     "kids should get. I just wanted to say goodbye.", "self_harm"),
    ("twenty minutes after the new antibiotic my lips are puffy and I can't seem to swallow properly", "breathing"),
])
def test_emergencies_in_other_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == [kind], text


def test_pills_too_big_to_swallow_are_no_emergency(nlp: Language, rules: RedFlagRules) -> None:
    assert urgent(nlp, rules, "I can't seem to swallow large tablets, is the antibiotic after surgery a liquid?") == []
