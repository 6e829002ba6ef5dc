"""Session 55: a follow-up the classifier surely files under a topic answered alike for every patient (the recovery,
the stay, the risks...) is read by its own words, not with the case told before it; the nerve's repair is named
with whose or which nerve it is ("repair my nerve", "fix this nerve"). Phrasings written for these tests, not taken
from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from actions.answers import ActionAnswerQuestion
from actions.situation import situation_for
from tests.unit.test_actions import SPOKE, run, texts, tracker, user_event

TOLD = "I'm 52 and my right side has been weak since Bell's palsy two winters ago. Would I need a night in hospital?"


def test_a_sure_general_fact_follow_up_is_read_alone() -> None:
    question = "and honestly, how long before I'm fully healed?"
    events = [*SPOKE, user_event("ask_hospital_stay", TOLD), {"event": "bot", "text": "..."},
              user_event("ask_recovery", question)]
    follow_up = tracker("ask_recovery", question, events=events)
    assert situation_for(follow_up) is None
    messages, _ = run(ActionAnswerQuestion(), follow_up)
    assert "2 weeks to 2 years" in texts(messages)


@pytest.mark.parametrize(("intent", "confidence"), [("ask_surgery_options", 0.9), ("ask_recovery", 0.5)])
def test_options_or_an_unsure_topic_are_still_read_with_the_case(intent: str, confidence: float) -> None:
    question = "so what about me then?"
    events = [*SPOKE, user_event("ask_hospital_stay", TOLD), {"event": "bot", "text": "..."},
              user_event(intent, question)]
    follow_up = tracker(intent, question, events=events, ranking=[{"name": intent, "confidence": confidence}])
    assert situation_for(follow_up) == TOLD


@pytest.mark.parametrize("text", ["Could the surgeon repair my nerve with stitches?", "Can they fix this nerve?"])
def test_the_nerve_repair_is_named_with_whose_nerve(nlp: Language, text: str) -> None:
    assert any(e.label_ == "procedure" and "nerve" in e.text.lower() for e in nlp(text).ents), text


def test_a_sure_general_fact_follow_up_after_a_framed_case_gets_no_frame_again() -> None:
    """After "which operation would suit me?" was framed ("only your surgeon can assess..."), "and after, how long
    I cannot do my job?" is surely the time off work: that figure, not the case's frame and facts again."""
    asked = "My smile has been crooked since a palsy four years ago. Which operation would suit me?"
    question = "And after, how long I cannot do my job?"
    events = [*SPOKE, user_event("ask_personal_advice", asked), {"event": "bot", "text": "..."},
              user_event("ask_time_off_work", question)]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_time_off_work", question, slots={"topic": "personal_advice"},
                                                      events=events))
    assert "1-5 weeks" in texts(messages)
    assert "only your surgeon can assess" not in texts(messages)
