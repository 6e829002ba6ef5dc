"""Session 38: a short question about one of the page's single figures ("would they keep me in overnight?") is
answered by its own words, not read with the story before it; "Same question for ..." asks; "n" between two
questions is "and"; "it won't be just one op" denies "just one", not the operation; the patients' words for an
outcome ("look like everyone else"), time off ("off the tools") and a nerve borrowed; a fact that made room in a
long reply is not what "it" means next; and a test discussed before is never what a surgery figure is "not for".
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.fact_answers import say_fact_answer
from actions.fact_ranker import FactAnswer, FactRanker
from actions.reply import Reply
from clinic.fact_ranking import terms
from clinic.queries import KnowledgeBase
from clinic.question_parts import looks_like_question
from nlp.term_spelling import TEXT_SPEAK
from tests.unit.test_actions import STARTED, run, texts, tracker, user_event

pytestmark = pytest.mark.usefixtures("use_kb")

STORY = ("I'm a baker, 52, and the left side of my face dropped after shingles two years ago. I can't be away from "
         "the bakery for long. If I had the surgery how long would I be off work?")


def test_a_single_figure_asked_after_a_story_is_answered_by_its_own_words() -> None:
    text = "would they keep me in overnight"
    events = [*STARTED, user_event("ask_time_off_work", STORY), {"event": "bot", "text": "Time off work: 1-5 weeks"},
              {"event": "slot", "name": "topic", "value": "time_off_work"}, user_event("ask_hospital_stay", text)]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_hospital_stay", text, events=events,
                                                      slots={"topic": "time_off_work"}))
    assert "Outpatient or Hospital Stay" in texts(messages)
    assert "1-5 weeks" not in texts(messages)


def test_the_figure_topics_come_from_the_content(use_kb: KnowledgeBase) -> None:
    ranker = FactRanker(use_kb)
    assert {"hospital_stay", "time_off_work", "duration", "anesthesia"} <= ranker.figure_topics
    assert not {"options", "personal_advice", "candidacy", "risks"} & ranker.figure_topics
    assert ranker.names_one_figure("will I have to stay in hospital")
    assert not ranker.names_one_figure("so what are my options then")


@pytest.mark.parametrize("text", ["Thanks. Same question for the brow lift, please.", "same for the nerve graft",
                                  "ok the same thing about the eyelid weight"])
def test_the_question_asked_again_of_another_is_a_question(text: str) -> None:
    assert looks_like_question(text)


def test_n_between_two_questions_is_and() -> None:
    assert TEXT_SPEAK["n"] == "and"


def test_a_negated_quantity_is_no_negated_operation() -> None:
    assert "not_surger" not in terms("it won't be just one operation, they said a few")
    assert "not_surger" in terms("is there anything that won't need an operation")


@pytest.mark.parametrize(("text", "fact_id"), [
    ("after it would I look like everyone else when I smile", "most_improve"),
    ("the one where they borrow a nerve that still works, what does it do", "nerve_transfer"),
    ("how long am I off the tools after", "time_off_work"),
    ("will it be done in one go or a few ops", "individualized_in_stages"),
])
def test_the_patients_words_single_out_the_fact(use_kb: KnowledgeBase, text: str, fact_id: str) -> None:
    assert FactRanker(use_kb).index.rank(text, {})[0].fact.id == fact_id


def test_a_lead_fact_that_made_room_is_not_the_next_it(use_kb: KnowledgeBase) -> None:
    ranker = FactRanker(use_kb)
    facts = [ranker.catalogue[i] for i in ("cross_face_nerve_graft", "candidate", "considerations")]
    answer = FactAnswer(use_kb.topic("candidacy"), facts=list(facts))
    answer.framed_ids = {"candidate", "considerations"}
    roomy, tight = Reply(), Reply()
    assert say_fact_answer(roomy, use_kb, answer, None, "cross_face_nerve_graft") == "cross_face_nerve_graft"
    answer = FactAnswer(use_kb.topic("candidacy"), facts=list(facts))
    answer.framed_ids = {"candidate", "considerations"}
    tight.reserved = 700  # a long safety note before the answer leaves room for the frame's facts only
    assert say_fact_answer(tight, use_kb, answer, None, "cross_face_nerve_graft") is None
    assert not any("Cross face" in text for text, _, _ in tight.messages)


def test_a_test_discussed_before_is_never_what_a_surgery_figure_is_not_for(use_kb: KnowledgeBase) -> None:
    assert not use_kb.answer("risks", "blood_tests").general_only
    assert use_kb.answer("risks", "botox").general_only
    text = "and what are the risks of the operation itself?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", text, slots={"procedure": "blood_tests",
                                                                                 "topic": "diagnosis"}))
    assert "temporary swelling, bruising" in texts(messages)
    assert "Blood tests specifically" not in texts(messages)
