"""Session 42: a procedure's name alone after an answer ("Muscle transplant?") asks that question again for it;
"and the cross face one? last one, promise" is no pick from a list (its "last" is no ordinal of one); a subject
before a dash leads into a question ("myectomy - what is it. keep it short"); leaving said with an ok ("ok ta-ra")
is a goodbye; a turn that answered from the page offers no callback for not understanding; "apart from the
injections, what else?" in a story the classifier was unsure of gets the list the injections are on; "Kindly
inform me: 1. ...; 2. ...; 3. ..." asks three questions, not four. Phrasings written for these tests, not taken
from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.choose_option import ActionChooseOption
from actions.conversation import ActionSmallTalk
from actions.did_you_mean import ActionDidYouMean
from actions.fact_ranker import FactRanker
from actions.several_questions import asked_parts
from clinic.queries import KnowledgeBase
from clinic.question_parts import looks_like_question
from tests.unit.test_actions import STARTED, run, texts, tracker, user_event
from tests.unit.test_session41 import _after

pytestmark = pytest.mark.usefixtures("use_kb")


def test_a_name_alone_after_an_answer_asks_the_same_question_of_it() -> None:
    slots = {"procedure": "gracilis", "topic": "risks"}
    events = _after("ask_risks", "what can go wrong with a nerve transfer?", {"procedure": "nerve_transfer",
                                                                             "topic": "risks"},
                    "ask_procedure_info", "The muscle transplant?")
    gracilis = [{"entity": "procedure", "value": "gracilis", "start": 4, "end": 21}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", "The muscle transplant?",
                                                      entities=gracilis, slots=slots, events=events))
    assert "poor movement due to lack of blood flow" in texts(messages)


@pytest.mark.parametrize(("text", "question"), [
    ("myectomy - what is it. keep it short", True),
    ("Recovery: how long overall?", True),
    ("I had botox - it was fine", False),
    ("ok ta-ra", False),
])
def test_a_subject_before_a_dash_leads_into_a_question(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


def test_a_subject_before_a_dash_is_answered_not_declined() -> None:
    text = "myectomy - what is it. keep it short"
    entities = [{"entity": "treatment", "value": "selective_myectomy", "start": 0, "end": 8}]
    messages, _ = run(ActionSmallTalk(), tracker("out_of_scope", text, entities=entities))
    assert "dividing facial muscles" in texts(messages)


@pytest.mark.parametrize("text", ["ok ta-ra", "righto, laters", "ok cya"])
def test_leaving_said_with_an_ok_is_a_goodbye(text: str) -> None:
    messages, _ = run(ActionSmallTalk(), tracker("affirm", text))
    assert texts(messages).startswith("Goodbye")


def test_a_fallback_answered_from_the_page_offers_no_callback() -> None:
    text = "n when would i notice a difference from it"
    fallback = {"event": "user", "text": "does it wreck the good side",
                "parse_data": {"intent": {"name": "nlu_fallback", "confidence": 0.25}}}
    events = [*STARTED, user_event("ask_procedure_info", "cross face nerve graft, what is it"),
              {"event": "bot", "text": "..."}, fallback, {"event": "bot", "text": "..."},
              {"event": "user", "text": text, "parse_data": {"intent": {"name": "nlu_fallback", "confidence": 0.25}}}]
    ranking = [{"name": "nlu_fallback", "confidence": 0.25}, {"name": "ask_results", "confidence": 0.25},
               {"name": "ask_time_off_work", "confidence": 0.23}]
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", text, ranking=ranking, events=events,
                                                  slots={"procedure": "cross_face_nerve_graft",
                                                         "topic": "procedure_info"}))
    assert "may take months to become apparent" in texts(messages)
    assert not any(b.get("payload") == "/request_callback" for m in messages for b in m.get("buttons") or [])


def test_alternatives_to_one_named_treatment_when_the_classifier_is_unsure() -> None:
    text = ("My smile pulls my eye shut and Botox every few months has worn me out. Apart from the injections, "
            "what is there?")
    botox = [{"entity": "treatment", "value": "botox", "start": text.index(name), "end": text.index(name) + len(name)}
             for name in ("Botox", "injections")]
    ranking = [{"name": "nlu_fallback", "confidence": 0.25}, {"name": "ask_procedure_info", "confidence": 0.24},
               {"name": "ask_surgery_options", "confidence": 0.2}]
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", text, entities=botox, ranking=ranking))
    said = texts(messages)
    assert all(name in said for name in ("Physical therapy", "Selective neurectomy", "Selective myectomy"))
    assert "Eyelid reanimation" not in said


@pytest.mark.parametrize("lead", ["Kindly inform me:", "Please tell me the following:", "I would like to know:"])
def test_a_request_to_be_told_is_no_question_of_its_own(use_kb: KnowledgeBase, lead: str) -> None:
    text = f"{lead} 1. how long is the operation; 2. is it done asleep; 3. whether full symmetry is guaranteed."
    asked = asked_parts(FactRanker(use_kb), text, [], {})
    assert [part for part, _ in asked] == ["how long is the operation", "is it done asleep",
                                          "whether full symmetry is guaranteed"]


_LISTED = ["nerve_repair", "nerve_graft", "nerve_transfer", "cross_face_nerve_graft", "face_lift", "brow_lift"]


@pytest.mark.parametrize(("first", "first_procedure", "listed"), [
    ("where does the nerve come from for a nerve graft?", "nerve_graft", []),  # no list shown: no pick from one
    ("what is a muscle transplant?", "gracilis", _LISTED),  # after a list: the name says which, not "last"
])
def test_a_procedure_named_with_last_one_is_that_one(first: str, first_procedure: str, listed: list[str]) -> None:
    text = "and the cross face one? last one I promise"
    shown = {"listed_options": listed} if listed else {}
    slots = {"procedure": "cross_face_nerve_graft", "topic": "procedure_info", **shown}
    events = _after("ask_procedure_info", first, {"procedure": first_procedure, "topic": "procedure_info", **shown},
                    "choose_option", text)
    entities = [{"entity": "procedure", "value": "cross_face_nerve_graft", "start": 8, "end": 18},
                {"entity": "ordinal", "value": "last", "start": 24, "end": 28}]
    messages, _ = run(ActionChooseOption(), tracker("choose_option", text, entities=entities, slots=slots,
                                                    events=events))
    assert "redundant nerve branches from the healthy side" in texts(messages)
    assert "Which one do you mean" not in texts(messages) and "face lifts" not in texts(messages)
