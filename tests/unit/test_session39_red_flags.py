"""Session 39: a new palsy told by the hour one woke or as a first ever, by lips that will not pucker, food held in
the cheek and a wink that will not shut; a wound "come apart" told in dialect ("me cheek") between everyday
questions; a reaction to a new medicine told as fat lips, itching all over and air hauled in; a pain "like a knife"
that is no means; a palsy named by its year; a Spanish month that is no symptom; an old act dated by its year; a
cut's slow healing and an infection feared or asked about, not there; a length made an adjective; a statement of
safety whose own "no" still negates ("no plans to hurt myself"), and skin torn until it bleeds, which stays urgent
beside it; low mood in new words. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize("text", [
    "Woke 0530 and the left side of my face has slumped, my eye won't shut. Arms fine, speech fine.",
    "My mouth has gone crooked on the right and I can't close my eye. Never had anything like this before, never had "
    "this before in my life.",
    "This morning my lips on the right side just won't pucker and food keeps getting trapped in my cheek. I was fine "
    "last night.",
])
def test_a_new_palsy_in_plain_words(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["new_palsy"], text


def test_a_wink_that_will_not_shut_is_an_eye_not_closing(nlp: Language, rules: RedFlagRules) -> None:
    assert by_rules(nlp, rules, "Since this morning I can't wink my right eye shut and it burns and looks red")[:1] == [
        "eye_emergency"]


def test_a_wound_come_apart_between_everyday_questions(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Had me muscle op a week back. When can I drive again? Can I do the garden? Scar on me thigh's come apart "
            "at one end and there's green gunk coming out, and I'm burning up with a fever tonight. Ta.")
    assert urgent(nlp, rules, text)[:1] == ["post_op"]


def test_a_reaction_to_a_new_medicine_is_the_breathing_advice(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Took the first painkiller they gave me 30 minutes ago, now my lips look huge and rubbery, I'm itching "
            "everywhere and I've got to drag the air in. Should I take the second one?")
    assert urgent(nlp, rules, text)[:1] == ["breathing"]


@pytest.mark.parametrize("text", [
    "Mum's eye that never closes has something in it since tea time. She says it stings like a knife, it's red and "
    "she can only see blurry shapes now.",
])
def test_a_pain_like_a_knife_is_the_eye_not_a_means(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == ["eye_emergency"], text


def test_a_palsy_named_by_its_year_is_no_new_palsy(nlp: Language, rules: RedFlagRules) -> None:
    text = ("The eye that doesn't close since my 2009 palsy went red and sore this afternoon and everything looks "
            "foggy through it.")
    assert urgent(nlp, rules, text) == ["eye_emergency"]


def test_a_spanish_month_is_no_symptom(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Hoy se levantó con la cara caída del lado izquierdo y no puede cerrar el ojo. Mueve bien los brazos y "
            "habla normal. ¿Esperamos a la cita de marzo?")
    assert urgent(nlp, rules, text) == ["new_palsy"]


@pytest.mark.parametrize("text", [
    "Overdose 2010 after a breakup, years of therapy since and completely well. Does that matter for sedation?",
    "I'm diabetic and my cuts take forever to heal, so infection scares me. Is infection a risk of the surgery?",
    "Her wound got infected in the first week and cleared with antibiotics. Would that infection affect how the "
    "muscle takes?",
    "Doing 10-hour shifts and people stare at my droopy smile. Which exercises help?",
])
def test_history_fears_and_lengths_stay_ordinary(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "I just feel grey all the time. No plans to harm myself, honestly. Is a general anaesthetic okay with my tablets?",
    "I'm not going to hurt myself, I'm just so fed up and low. How long is the recovery?",
])
def test_safety_said_beside_low_mood_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


def test_skin_torn_until_it_bleeds_stays_urgent_beside_a_denial(nlp: Language, rules: RedFlagRules) -> None:
    text = "I'm not going to hurt myself. But I pick at my scar until it bleeds because I hate my face, again tonight."
    assert urgent(nlp, rules, text)[:1] == ["self_harm"]


def test_safety_said_does_not_negate_what_follows(nlp: Language, rules: RedFlagRules) -> None:
    text = "Not an emergency - my eye that won't shut went red, painful and blurry overnight."
    assert urgent(nlp, rules, text) == ["eye_emergency"]


@pytest.mark.parametrize("text", [
    "Me siento harta de todo esto con mi cara. ¿Cuánto dura la recuperación?",
    "Bit of a low week, honestly, people's comments get under my skin. Is physio worth trying?",
    "I'm not okay but I am safe. When does the muscle start to move?",
])
def test_low_mood_in_new_words_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text
