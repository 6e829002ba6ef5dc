"""Session 39: a correction that describes what was meant ("I got mixed up, I meant the one for the eye") is answered
for the procedure its words describe, even when that one is no sibling of the one discussed; the topic asked about
stays the conversation's topic when its fact was said after a procedure's description; swelling and bruising in
lay words. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.did_you_mean import ActionDidYouMean
from actions.fact_ranker import FactRanker
from clinic.corrections import correction
from clinic.queries import KnowledgeBase
from tests.unit.test_actions import STARTED, after_one_answer, run, texts, tracker, user_event

pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", ["oh I got mixed up, I meant the one that helps the eye close",
                                  "sorry, I got it mixed up there, I meant the eye one"])
def test_a_correction_that_describes_another_kind_of_procedure(text: str) -> None:
    assert correction(text) is not None
    slots = {"procedure": "selective_neurectomy", "topic": "synkinesis"}
    first = "what's the nerve cutting one for tight faces"
    events = after_one_answer("ask_procedure_info", first, slots, "nlu_fallback", text)
    messages, produced = run(ActionDidYouMean(), tracker("nlu_fallback", text, events=events, slots=slots))
    assert "Eyelid reanimation surgery can improve blinking" in texts(messages)
    assert any(e.get("name") == "procedure" and e.get("value") == "eyelid_reanimation" for e in produced)


def test_the_topic_asked_stays_when_its_fact_follows_a_description() -> None:
    text = "the nerve transfer using a healthy donor nerve from another area, how much time until I see result?"
    entities = [{"entity": "procedure", "value": "nerve_transfer", "start": 4, "end": 18}]
    ranking = [{"name": "ask_recovery", "confidence": 0.79}, {"name": "ask_results", "confidence": 0.05},
               {"name": "ask_surgery_duration", "confidence": 0.05}, {"name": "ask_time_off_work", "confidence": 0.03}]
    messages, produced = run(ActionAnswerQuestion(), tracker("ask_recovery", text, entities=entities, ranking=ranking,
                                                             events=[*STARTED, user_event("ask_recovery", text)]))
    said = texts(messages)
    assert said.index("Nerve transfer may bypass") < said.index("nerve cells need time")
    assert any(e.get("name") == "topic" and e.get("value") == "recovery" for e in produced)


@pytest.mark.parametrize("text", ["will my face be all puffy after the op", "will I be black and blue afterwards"])
def test_swelling_and_bruising_in_lay_words(use_kb: KnowledgeBase, text: str) -> None:
    assert FactRanker(use_kb).index.rank(text, {})[0].fact.id == "general_risks"
