"""Session 50: "how long would my wife need to take it easy?" read as the operation's length asks how long she is out
of action (the time off work, not the surgery time); "which one is better for me?" after two options is the surgeon's
choice, never answered by picking one; "back to my first question" counts the patient's questions, not a list's
options; "fixing the nerve wouldn't help" names the option that would not do; "one-time" asks about stages as "one
time" does. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.choose_option import ActionChooseOption
from actions.turn import question_part_confidences
from clinic.asked_choices import asks_alternatives, asks_which_suits
from clinic.described_signs import without_synkinesis_signs
from clinic.out_of_action import asks_time_out_of_action
from clinic.question_words import words_of
from tests.unit.test_actions import run, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", ["how long would my wife need to take it easy?", "how long must I shut the shop?",
                                  "how long will he be laid up for", "so how long am i stuck at home"])
def test_how_long_of_a_person_out_of_action(text: str) -> None:
    assert asks_time_out_of_action(text)


@pytest.mark.parametrize("text", ["how long does the surgery take?", "how long will I be under for?",
                                  "how long is my dad in theatre", "how long will I be in hospital",
                                  "how long will she be swollen", "how long does it take?",
                                  "I need to know how long I'd be in the operating room"])
def test_how_long_of_the_operation_hospital_or_healing_is_not_time_off(text: str) -> None:
    assert not asks_time_out_of_action(text)


def _duration_read(text: str) -> str:
    ranking = [{"name": "ask_surgery_duration", "confidence": 0.75}, {"name": "ask_recovery", "confidence": 0.1},
               {"name": "ask_time_off_work", "confidence": 0.05}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_duration", text, ranking=ranking))
    return texts(messages)


def test_time_out_of_action_read_as_the_operations_length_gets_the_time_off() -> None:
    reply = _duration_read("how long would my wife need to take it easy after it?")
    assert "1-5 weeks" in reply and "1-5 hours" not in reply


def test_the_operations_length_is_still_the_surgery_time() -> None:
    assert "1-5 hours" in _duration_read("how long would the operation take for my wife?")


@pytest.mark.parametrize("text", ["which one is better for me?", "which of the two would you recommend?",
                                  "so which one should I go for", "which is the safer one"])
def test_which_suits_is_a_personal_choice(text: str) -> None:
    assert asks_which_suits(text)


def test_which_one_is_better_for_me_is_not_answered_by_picking_one() -> None:
    slots = {"recent_procedures": ["nerve_transfer", "nerve_graft"],
             "listed_options": ["nerve_graft", "nerve_transfer"],
             "topic": "procedure_info", "procedure": "nerve_transfer"}
    ranking = [{"name": "ask_personal_advice", "confidence": 0.85}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_personal_advice", "and which one is better for me?",
                                                      slots=slots, ranking=ranking))
    reply = texts(messages)
    assert "Of those, that is" not in reply and "depend on individual symptoms and needs" in reply


def test_back_to_my_first_question_is_no_pick_from_a_list() -> None:
    slots = {"topic": "eye", "previous_topic": "candidacy", "listed_options": ["eyelid_reanimation", "brow_lift"]}
    ordinal = [{"entity": "ordinal", "value": "1"}]
    messages, _ = run(ActionChooseOption(), tracker(
        "choose_option", "ok back to my first question then - can I have it at all?", entities=ordinal, slots=slots))
    reply = texts(messages)
    assert "Yes, if you have facial palsy" in reply and "improve blinking" not in reply


def test_an_option_that_would_not_help_asks_for_the_others() -> None:
    assert asks_alternatives("my surgeon said fixing the nerve wouldn't help now. Is there any way to get movement?")


def test_one_time_with_a_hyphen_asks_about_stages() -> None:
    assert "once" in words_of("is it a one-time thing?")


def test_one_question_of_several_read_as_the_operations_length_gets_the_time_off_too() -> None:
    parts = [{"text": "what are the side effects", "intents": {"ask_risks": 0.8}},
             {"text": "how long would he need to take it easy", "intents": {"ask_surgery_duration": 0.6,
                                                                           "ask_time_off_work": 0.1}}]
    message = tracker("ask_risks", "what are the side effects, and how long would he need to take it easy?")
    message.latest_message["question_parts"] = parts
    read = dict(question_part_confidences(message))
    assert read["how long would he need to take it easy"]["ask_time_off_work"] == 0.6
    assert read["what are the side effects"] == {"ask_risks": 0.8}


def test_in_general_asks_broadly_and_names_no_anaesthetic() -> None:
    assert "general" not in words_of("And in general, how long does recovery take after these operations?")
    assert "general" in words_of("is it done under a general?")


def test_the_smile_that_sets_off_a_sign_is_no_question_about_smiling() -> None:
    text = "My face came back mostly, but when I smile my eye it close by itself. What do you have for this?"
    assert "smile" not in without_synkinesis_signs(text) and "What do you have" in without_synkinesis_signs(text)
