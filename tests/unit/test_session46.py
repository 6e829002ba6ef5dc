"""Session 46: after the patient's own case, a question asking what can be done in words that name nothing
("what kind of things could you offer him?") asks for the list of options, even when the classifier filed it as
"what can you do?"; "what is that one?" after a story describing a procedure still asks about that one. "How does
it differ from the other kind he mentioned?" compares what each of the pair is; an op weighed "against" one that gives
movement weighs the two kinds; "the thigh muscle one, how long...?" is one question about that option. Phrasings
written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.conversation import ActionShowMenu, ActionSmallTalk
from clinic.asked_for import asks_what_helps, kinds_weighed
from clinic.queries import KnowledgeBase
from clinic.question_split import split_questions
from tests.unit.test_actions import run, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize(("text", "asks"), [
    ("Anything that would help with this?", True),
    ("Is there something for it?", True),
    ("What can be done?", True),
    ("What kind of things could you offer her?", True),
    ("Is there anything left to try?", True),
    ("What is that one?", False),
    ("What does it involve?", False),
    ("How long is the recovery?", False),
])
def test_asking_what_can_be_done(text: str, asks: bool) -> None:
    assert asks_what_helps(text) is asks


def test_a_story_then_what_can_you_offer_is_no_menu(use_kb: KnowledgeBase) -> None:
    text = ("My father had an operation on his cheek gland last spring and since then his mouth droops on one side "
            "and his eye stays open at night. What kind of things could you offer him?")
    ranking = [{"name": "ask_capabilities", "confidence": 0.45}, {"name": "ask_surgery_options", "confidence": 0.2},
               {"name": "ask_synkinesis", "confidence": 0.05}]
    messages, _ = run(ActionShowMenu(), tracker("ask_capabilities", text, ranking=ranking))
    assert "static restoration and dynamic restoration" in texts(messages)


def test_what_is_that_one_after_a_described_procedure_asks_about_it(use_kb: KnowledgeBase) -> None:
    text = ("Botox every few months has stopped being enough for my tight cheek. A friend had an operation where "
            "they divided the muscles that clamp up. What is that one?")
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_synkinesis", text, ranking=[{"name": "ask_synkinesis", "confidence": 0.6}]))
    assert "dividing facial muscles" in texts(messages)


def test_the_other_kind_he_mentioned_is_compared_by_what_each_is(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionSmallTalk(), tracker(
        "something_else", "and how does that differ from the other kind he mentioned?",
        slots={"procedure": "static_restoration", "topic": "procedure_info"}))
    said = texts(messages)
    assert "does not restore muscle movement" in said and "also restores movement" in said


@pytest.mark.parametrize(("text", "kinds"), [
    ("I'm torn between an op that only levels my face at rest against one that gives me movement. Pros and cons?",
     ["static", "dynamic"]),
    ("Is the recovery longer for the eyelid op compared to the nerve graft?", []),
])
def test_movement_weighed_against_a_face_even_at_rest(text: str, kinds: list[str]) -> None:
    assert kinds_weighed(text) == kinds


@pytest.mark.parametrize(("text", "parts"), [
    ("the thigh muscle one, how long am i actually under for on the day?",
     ["the thigh muscle one, how long am i actually under for on the day"]),
    ("hows long the surgery, what kind of sleep do i get, and do i have to stay in?",
     ["hows long the surgery", "what kind of sleep do i get", "do i have to stay in"]),
])
def test_an_option_pointed_at_before_a_comma_is_the_question_s_subject(text: str, parts: list[str]) -> None:
    assert split_questions(text) == parts
