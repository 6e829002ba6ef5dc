"""Session 53: a question filed as asking for a verdict on one's case that has no word asking for one ("once it's
done in spring, will the difference show by summer?") is answered from the likeliest topic of a fact, not with how the
decision is made; "my old self" is no question of age; "something else" with nothing offered is read as the question
it is. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.answers import ActionAnswerQuestion
from actions.conversation import ActionSmallTalk
from actions.turn import choices_offered, intent_confidences, latest_intent
from clinic.verdict_asked import asks_for_verdict
from tests.unit.test_actions import SPOKE, run, texts, tracker
from tests.unit.test_session52 import read

pytestmark = pytest.mark.usefixtures("use_kb")

DECISION_INTRO = "only your surgeon can assess"


@pytest.mark.parametrize("text", [
    "should I have the gracilis?", "is it worth it for someone like me?", "what would you do in my place?",
    "which one is better for me?", "do you reckon it would help me?", "is my case too far gone?",
])
def test_words_asking_for_a_verdict(text: str) -> None:
    assert asks_for_verdict(text), text


@pytest.mark.parametrize("text", [
    "once it's done in spring, will the difference show by summer?", "will he be in a bed on a ward afterwards?",
    "would my face look level when I'm not smiling?",
])
def test_questions_put_as_would_i_ask_no_verdict(text: str) -> None:
    assert not asks_for_verdict(text), text


def verdict_filed(text: str, runner_up: str, runner_up_confidence: float = 0.2) -> Tracker:
    return tracker("ask_personal_advice", text, ranking=[
        {"name": "ask_personal_advice", "confidence": 0.6}, {"name": "ask_candidacy", "confidence": 0.15},
        {"name": runner_up, "confidence": runner_up_confidence}])


def test_a_would_i_question_is_read_as_the_likeliest_topic_of_a_fact() -> None:
    filed = verdict_filed("once it's done in spring, will the difference show by summer?", "ask_results")
    assert latest_intent(filed) == "ask_results"
    confidence = intent_confidences(filed)
    assert confidence["ask_results"] == 0.6 and confidence["ask_personal_advice"] == 0.2
    messages, _ = run(ActionAnswerQuestion(), filed)
    assert DECISION_INTRO not in texts(messages).lower()


def test_a_verdict_asked_for_keeps_its_frame_and_a_faint_runner_up_changes_nothing() -> None:
    asked = verdict_filed("should I have it done in spring so the difference shows by summer?", "ask_results")
    assert latest_intent(asked) == "ask_personal_advice"
    messages, _ = run(ActionAnswerQuestion(), asked)
    assert DECISION_INTRO in texts(messages).lower()
    faint = verdict_filed("will the difference show by summer?", "ask_results", runner_up_confidence=0.01)
    assert latest_intent(faint) == "ask_personal_advice"


def test_an_old_self_is_no_age() -> None:
    assert "old" not in read("I just want my old self back")
    assert "old" not in read("will I get my old smile back")
    assert "old" in read("am I too old for it at 80")


OFFERED = [*SPOKE, {"event": "user", "text": "graft"},
           {"event": "bot", "text": "Did you mean one of these?",
            "data": {"buttons": [{"title": "Risks", "payload": "/ask_risks"}]}}]
QUESTION = "Is the operation for the eyelid a different one from the one for the smile?"


def something_else(events: list[dict[str, Any]]) -> Tracker:
    return tracker("something_else", QUESTION, events=events,
                   ranking=[{"name": "something_else", "confidence": 0.6},
                            {"name": "ask_eye_treatment", "confidence": 0.2}])


def test_something_else_is_a_reply_only_when_choices_were_offered() -> None:
    assert choices_offered(something_else(OFFERED)) and not choices_offered(something_else(SPOKE))
    answered, _ = run(ActionSmallTalk(), something_else(SPOKE))
    assert "eyelid" in texts(answered).lower()
