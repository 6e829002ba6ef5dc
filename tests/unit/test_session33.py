"""Session 33: an animal that was hurt, a palsy held "since long time" and an "overdose" of a website are no
emergency, while choking that stops speech, a flap gone grey "now" and a cheek three times its size are; a patient who
tells synkinesis in their own words (an eye that shuts when they whistle) and asks what helps gets the
synkinesis treatments, not eyelid surgery; a face that should "work again" asks about function, not the
job; "wrong word, ..." corrects. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from actions.answers import ActionAnswerQuestion
from actions.fact_ranker import FactRanker
from actions.fact_selection import asks_more_than_difference
from clinic.asked_for import kinds_weighed
from clinic.corrections import correction
from clinic.described_signs import describes_synkinesis, without_synkinesis_signs
from clinic.fact_ranking import terms
from clinic.queries import KnowledgeBase
from clinic.question_parts import question_focus
from nlp.red_flags import RedFlagRules
from tests.unit.test_actions import run, texts, tracker
from tests.unit.test_red_flags import urgent

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


# ---------------------------------------------------------------------------------------------- red flags
NOT_URGENT = [
    "Our pony was kicked in the field and now his lower lip droops on one side. What should we do?",
    "my dog got bitten by another dog and his eye won't close now, is that a palsy?",
    "my cat got hit by a car and now her face droops on one side, any advice?",
    "my face is drooping on one side since long time, what do you suggest",
    "My face is paralysed on the left since long time.",
    "Awful migraines keep hitting me on the same side as my palsy, is that linked?",
    "I've overdosed on your blog posts this evening, do you do online consultations?",
]

STILL_URGENT = [
    ("I got kicked by my horse an hour ago and now my mouth droops and my arm is weak", "stroke"),
    ("My dog bit my face this morning and my mouth is drooping now", "new_palsy"),
    ("My palsy is since long time, but now one hour ago my arm went weak and I cannot speak", "stroke"),
    ("Suddenly the worst headache ever and my mouth is drooping on the side of my old palsy", "stroke"),
    ("I overdosed on my tablets this evening", "self_harm"),
    # choking that stops speech or coughing is now, whatever long-ago story is in the sentence
    ("My dad is choking on a piece of meat, he can't speak or cough, he has had trouble swallowing since his "
     "stroke years ago", "breathing"),
    # "now it looks grey ... is that normal?" tells a present situation: no general question
    ("Had the op Monday, the new muscle was fine but now it looks grey and feels cold. Is that normal?", "post_op"),
    ("Op 4 days ago and the cheek is three times the size it was this morning", "post_op"),
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_a_hurt_animal_or_a_palsy_held_long_is_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_the_person_hurt_or_a_new_sign_now_keeps_its_advice(nlp: Language, rules: RedFlagRules,
                                                            text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


# -------------------------------------------------------------------------------- synkinesis in lay words
@pytest.mark.parametrize("text", [
    "Whenever I whistle my right eye closes, is there any treatment?",
    "my eye goes small every time I chew food, what can be done about it",
    "When I close my eyes tight the corner of my mouth twitches. How do I stop that?",
    "If she laughs, her neck goes tight and her eye narrows. What could help her?"])
def test_synkinesis_told_in_lay_words_with_a_question_of_what_helps(text: str) -> None:
    assert describes_synkinesis(text)
    question = text.split("?")[0].split(".")[-1].split(",")[-1]
    assert question.strip() in without_synkinesis_signs(text)  # the question stays, the sign's part goes


def test_the_part_moving_by_itself_is_blanked_out() -> None:
    text = "When I smile my eye squeezes shut. Is that the eyelid?"
    assert "eye squeezes shut" not in without_synkinesis_signs(text)
    assert without_synkinesis_signs("My eye won't close, what can be done?") == "My eye won't close, what can be done?"


@pytest.mark.parametrize("text", [
    "When I blink, my eye does not close all the way. What can be done?",  # the palsy's eye, not synkinesis
    "When I smile my mouth pulls over to the good side, can that be fixed?",  # the palsy's smile
    "My eye won't shut at night, is there a treatment?",
    "When I smile it looks lopsided"])
def test_an_eye_that_does_not_close_or_a_lopsided_smile_is_not_synkinesis(text: str) -> None:
    assert not describes_synkinesis(text)


def test_a_described_synkinesis_gets_the_treatments_not_eyelid_surgery() -> None:
    text = ("My palsy was three years ago and most of it came back. But whenever I whistle or blow out candles "
            "my eye squints shut and my cheek tightens. What treatments are there for that?")
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_synkinesis", text, ranking=[
        {"name": "ask_synkinesis", "confidence": 0.45}, {"name": "ask_eye_treatment", "confidence": 0.3}]))
    said = texts(messages)
    assert "Botox injections" in said and "Selective neurectomy" in said, said
    assert "Eyelid reanimation" not in said, said


# -------------------------------------------------------------------------- "work" said of a part of the face
@pytest.mark.parametrize("text", ["will my face work like before?", "can you get my smile working again",
                                  "does the eye work properly afterwards"])
def test_a_part_of_the_face_that_works_is_its_function(text: str) -> None:
    assert "function" in terms(text) and "work" not in terms(text)


@pytest.mark.parametrize("text", ["when can I go back to work?", "how does it work?",
                                  "what if the new muscle doesn't work?", "my face and my work suffer"])
def test_work_otherwise_stays_work(text: str) -> None:
    assert "work" in terms(text)


def test_a_face_that_should_work_again_is_not_asked_about_time_off_work() -> None:
    text = "Is this only about looks, or do you try to make my face work again as well?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_about_reanimation", text, ranking=[
        {"name": "ask_about_reanimation", "confidence": 0.35}, {"name": "ask_results", "confidence": 0.3}]))
    said = texts(messages)
    assert "Time off work" not in said, said


# ------------------------------------------------------------------------------------------------ corrections
@pytest.mark.parametrize("text", ["wrong word sorry, the physio", "Oh, wrong name. I wanted the cross face one",
                                  "sorry wrong term, I was thinking of the transfer"])
def test_a_wrong_word_owned_up_to_is_a_correction(text: str) -> None:
    assert correction(text) is not None


# ------------------------------------------------------------------- movement weighed against an even face
@pytest.mark.parametrize(("text", "kinds"), [
    ("would surgery make my smile move again or only make my face look symmetrical?", ["dynamic", "static"]),
    ("Is the point symmetry, or movement as well?", ["static", "dynamic"]),
    ("Does the op give real movement versus just looking balanced?", ["dynamic", "static"])])
def test_movement_weighed_against_an_even_face(text: str, kinds: list[str]) -> None:
    assert kinds_weighed(text) == kinds


@pytest.mark.parametrize("text", ["can I move my face again or not?", "Does it look normal or is it obvious?",
                                  "I want to look even. Will my smile move?"])
def test_no_two_aims_weighed(text: str) -> None:
    assert kinds_weighed(text) == []


@pytest.mark.parametrize("text", ["will the operation make my cheek move or just look symmetrical at rest?",
                                  "My smile is flat. Will surgery give it motion or only symmetry?"])
def test_both_kinds_answer_a_question_weighing_movement_against_evenness(text: str) -> None:
    """Each kind's description, the one asked first leading (movement: dynamic restoration)."""
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_results", text))
    said = texts(messages)
    assert 0 <= said.find("restores movement") < said.find("appear more symmetric at rest"), said


# ------------------------------------------------------------------------ a question that names its subject
def test_a_question_naming_the_surgery_before_it_is_read_alone() -> None:
    text = ("My palsy is from a tumour two years ago. I work as a bus driver and people stare. "
            "If I had the operation, would it let me close my eye again?")
    start, end = question_focus(text) or (0, 0)
    assert text[start:end].strip().startswith("If I had the operation"), text[start:end]


def test_a_question_pointing_back_first_takes_the_sentence_before() -> None:
    text = ("My physio told me about a surgery where they cut tiny nerve branches. "
            "What is that called and does it help with tightness?")
    start, _ = question_focus(text) or (0, 0)
    assert text[start:].startswith("My physio"), text[start:]


# --------------------------------------------------------------------- "this kind of thing" asks for no kinds
@pytest.mark.parametrize("text", ["What treatments exist for this kind of thing?",
                                  "which treatments help with those kinds of symptoms"])
def test_this_kind_of_thing_asks_for_no_kinds_of_surgery(sqlite_kb: KnowledgeBase, text: str) -> None:
    ranked = FactRanker(sqlite_kb).index.rank(text, {})
    assert ranked[0].fact.id != "two_types", [s.fact.id for s in ranked[:3]]


# -------------------------------------------------------------- a comparison that asks only how the two differ
@pytest.mark.parametrize("text", ["and how is that different from the dynamic kind?",
                                  "what's the difference between that and the dynamic one?"])
def test_a_bare_difference_gets_each_sides_description(text: str) -> None:
    start = text.index("dynamic")
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_surgery_options", text, slots={"procedure": "static_restoration", "topic": "procedure_info"},
        entities=[{"entity": "procedure", "value": "dynamic_restoration", "start": start, "end": start + 7}]))
    said = texts(messages)
    assert "also restores movement" in said and "appear more symmetric at rest" in said, said


def test_a_comparison_asking_something_of_its_own_is_ranked() -> None:
    assert asks_more_than_difference("which one has fewer risks?")
    assert not asks_more_than_difference("what is the            between the two?")


def test_the_new_readers_read_up_to_the_common_length() -> None:
    """Beyond the length every reader stops at (``clip``), nothing is read: the cost stays small."""
    padding = "word " * 500
    assert kinds_weighed(padding + "will it move or just look symmetrical?") == []
    assert not describes_synkinesis(padding + "when I smile my eye closes")
    assert kinds_weighed("will it move or just look symmetrical? " + padding) == ["dynamic", "static"]
