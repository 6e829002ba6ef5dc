"""What the conversation state carries into a follow-up: the option of a shown list pointed at by
its place, and the one procedure an answer was about (what "it" means next)."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.did_you_mean import ActionDidYouMean
from actions.which_one import listed_option_meant
from tests.unit.test_actions import run, slot_events, texts, tracker

SYNKINESIS_LIST = ["botox", "physical_therapy", "selective_neurectomy", "selective_myectomy"]


# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def ordinal(text: str, word: str, value: str) -> dict:
    start = text.index(word)
    return {"entity": "ordinal", "value": value, "start": start, "end": start + len(word)}


def test_an_option_of_the_list_shown_is_pointed_at_by_its_place() -> None:
    text = "and is there any risk with the third one?"
    messages, events = run(ActionAnswerQuestion(), tracker("ask_risks", text, entities=[ordinal(text, "third", "3")],
                                                           slots={"listed_options": SYNKINESIS_LIST}))
    assert slot_events(events).get("procedure") == "selective_neurectomy"
    text = "how does the 2nd option work?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, entities=[
        ordinal(text, "2nd", "2")], slots={"listed_options": SYNKINESIS_LIST, "topic": "synkinesis"}))
    assert "neuromuscular retraining" in texts(messages)


def test_an_option_pointed_at_by_its_place_is_answered_when_the_classifier_is_torn() -> None:
    # torn between choosing an option and asking how one works: either way, that option
    text = "what is the 3rd one you listed?"
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", text, entities=[ordinal(text, "3rd", "3")],
                                                  slots={"listed_options": SYNKINESIS_LIST, "topic": "synkinesis"},
                                                  ranking=[{"name": "nlu_fallback", "confidence": 0.25},
                                                           {"name": "choose_option", "confidence": 0.45},
                                                           {"name": "ask_procedure_info", "confidence": 0.44}]))
    assert "cutting specific facial nerve branches" in texts(messages)


def test_an_ordinal_counting_something_else_points_at_no_option() -> None:
    for text, word, value in [("it started last year, what now?", "last", "last"),
                              ("the first time I noticed it, was it the nerve?", "the first", "1")]:
        message = tracker("ask_diagnosis", text, entities=[ordinal(text, word, value)],
                          slots={"listed_options": SYNKINESIS_LIST})
        assert listed_option_meant(message) == []


def test_the_one_procedure_an_answer_was_about_is_what_it_means_next() -> None:
    text = "my eyelid won't shut since the palsy, can it be fixed?"
    _, events = run(ActionAnswerQuestion(), tracker("ask_eye_treatment", text, ranking=[
        {"name": "ask_eye_treatment", "confidence": 0.9}]))
    assert slot_events(events).get("procedure") == "eyelid_reanimation"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", "and what does it do exactly?",
                                                      slots={"procedure": "eyelid_reanimation", "topic": "eye"}))
    assert "improve blinking" in texts(messages)


def test_a_comparison_of_them_compares_the_two_just_discussed() -> None:
    """"How do they differ?" after a graft and then a transfer: both, not only the last one."""
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", "ok so how do they differ?", slots={
        "procedure": "nerve_transfer", "topic": "procedure_info",
        "recent_procedures": ["nerve_transfer", "cross_face_nerve_graft"]}))
    assert "bypass the injured nerve section" in texts(messages)
    assert "redundant nerve branches" in texts(messages)


def test_other_options_keep_a_fact_that_names_them_too() -> None:
    """"What other tests apart from that one?" after the EMG: the fact naming EMG, blood tests and
    imaging answers it; only facts about the EMG alone would be left out."""
    text = "what other tests do you do apart from that one?"
    slots = {"procedure": "emg", "topic": "diagnosis"}
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_diagnosis", text, slots=slots))
    assert "blood tests, and imaging" in texts(messages)


def test_a_correction_lets_go_of_the_procedure_it_rejects() -> None:
    """"I meant my eyebrow, not the eyelid" after the eyelid surgery was discussed: not the eyelid again."""
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_eye_treatment", "oh sorry, I meant my brow, not the eyelid",
                                                      slots={"procedure": "eyelid_reanimation", "topic": "eye"}))
    assert "browlifts" in texts(messages)
    assert "improve blinking" not in texts(messages)


def test_a_short_question_pointing_back_stays_on_the_topic_discussed() -> None:
    """"And who carries them out?" after the tests: the classifier, unsure, files it under the
    procedures; "them" are the tests, whose facts answer it, not the surgery overview."""
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", "and who carries them out?", slots={
        "topic": "diagnosis"}, ranking=[{"name": "ask_procedure_info", "confidence": 0.4}]))
    assert "electromyography" in texts(messages)
    assert "static restoration and dynamic restoration" not in texts(messages)


def test_a_pronoun_subject_keeps_the_procedure_discussed() -> None:
    """"Could it fix my eye closing?" after static restoration asks what static restoration does:
    words that describe another procedure's effect do not make it the one asked about."""
    text = "could it fix my eye closing?"
    messages, events = run(ActionAnswerQuestion(), tracker("ask_personal_advice", text, slots={
        "topic": "procedure_info", "procedure": "static_restoration"},
        ranking=[{"name": "ask_personal_advice", "confidence": 0.5}]))
    assert "symmetric at rest" in texts(messages)
    assert slot_events(events).get("procedure", "static_restoration") == "static_restoration"


def test_what_about_a_described_procedure_asks_the_same_question() -> None:
    """"What about the one using a leg muscle?" after the risks of a nerve transfer: the risks
    again, for the muscle transplant the words describe, not its description."""
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", "what about the one using a leg muscle?",
                                                      slots={"topic": "risks", "procedure": "nerve_transfer"},
                                                      ranking=[{"name": "ask_procedure_info", "confidence": 0.8}]))
    assert "lack of blood flow" in texts(messages)
