"""Session 40: "the first one" among the procedures discussed when no list was shown; a follow-up question after an
acknowledgement ("right, how likely is that then"); a long story's question told without its "?"; "types of
anaesthesia" that asks about the anaesthetic, not the types of surgery; "100%", "put under", "X vs Y" with no
question word; cosmetic injections declined; thanks said with a goodbye. Phrasings written for these tests, not
taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.conversation import ActionSmallTalk
from actions.fact_ranker import FactRanker
from clinic.queries import KnowledgeBase
from clinic.question_parts import asks_which_of, looks_like_question, question_focus
from nlp.off_topic import off_topic
from tests.unit.test_actions import STARTED, run, texts, tracker, user_event

pytestmark = pytest.mark.usefixtures("use_kb")


def _after(first_intent: str, first: str, slots: dict[str, object], intent: str, text: str) -> list[dict[str, object]]:
    return [*STARTED, user_event(first_intent, first), {"event": "bot", "text": "..."},
            *({"event": "slot", "name": k, "value": v} for k, v in slots.items()), user_event(intent, text)]


def test_the_first_one_is_the_first_procedure_discussed_without_a_list() -> None:
    slots = {"procedure": "eyelid_reanimation", "topic": "procedure_info",
             "recent_procedures": ["eyelid_reanimation", "nerve_transfer"]}
    text = "Cheers. And the first one, does it have any special risk?"
    entities = [{"entity": "ordinal", "value": "1", "start": 16, "end": 21}]
    events = _after("ask_eye_treatment", "and what does the eyelid operation do?", slots, "thank", text)
    messages, produced = run(ActionSmallTalk(), tracker("thank", text, entities=entities, events=events, slots=slots))
    assert "incorrect nerve growth leading to synkinesis" in texts(messages)
    assert any(e.get("name") == "procedure" and e.get("value") == "nerve_transfer" for e in produced)


def test_a_question_after_an_acknowledgement_is_answered() -> None:
    assert looks_like_question("right, how likely is that then")
    assert looks_like_question("cheers, and how long would that take")
    assert not looks_like_question("right ok")
    slots = {"procedure": "nerve_transfer", "topic": "risks"}
    text = "alright, how likely is that then"
    events = _after("ask_risks", "any risks particular to the nerve transfer?", slots, "affirm", text)
    messages, _ = run(ActionSmallTalk(), tracker("affirm", text, events=events, slots=slots))
    assert "these complications are rare" in texts(messages)


def test_a_story_question_without_its_question_mark_is_the_focus() -> None:
    text = ("My palsy came after a car crash in 2015. I drive a taxi for a living. How long would I be off work after "
            "the operation. I am 58 and otherwise healthy.")
    start, end = question_focus(text) or (0, 0)
    assert text[start:end].strip().startswith("How long would I be off work")


def test_types_of_anaesthesia_ask_about_the_anaesthetic() -> None:
    text = "What kinds of anaesthetic are used for these facial procedures?"
    ranking = [{"name": "ask_surgery_options", "confidence": 0.55}, {"name": "ask_anesthesia", "confidence": 0.3}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", text, ranking=ranking,
                                                      events=[*STARTED, user_event("ask_surgery_options", text)]))
    assert "Local, Sedation, or General" in texts(messages)
    assert "Techniques include" not in texts(messages)


@pytest.mark.parametrize(("text", "fact"), [
    ("be honest, will my smile be 100% like it was?", "most_improve"),
    ("would they put me under for it", "anesthesia"),
    ("if the nerve is too far gone what else is there", "regional_muscle_transfer"),
])
def test_lay_words_for_a_fact(use_kb: KnowledgeBase, text: str, fact: str) -> None:
    assert FactRanker(use_kb).index.rank(text, {})[0].fact.id == fact


def test_two_things_set_against_each_other_are_a_question() -> None:
    assert looks_like_question("nerve graft vs nerve transfer whats the diff")
    assert asks_which_of("which from these two is more common")


@pytest.mark.parametrize(("text", "subject"), [
    ("any chance of fillers for my laughter lines?", "cosmetic"),
    ("can I get wrinkle injections for my forehead lines here?", "cosmetic"),
    ("I know Botox from people's wrinkles, how would it help my face?", None),
    ("I can't wrinkle my forehead since the palsy, what helps?", None),
    ("could Botox for my synkinesis also smooth my frown lines?", None),
])
def test_cosmetic_injections_are_declined(text: str, subject: str | None) -> None:
    assert off_topic(text) == subject


def test_thanks_with_a_goodbye_says_goodbye(use_kb: KnowledgeBase) -> None:
    text = "Thanks so much for your help, bye for now"
    messages, _ = run(ActionSmallTalk(), tracker("thank", text, events=[*STARTED, user_event("thank", text)]))
    assert use_kb.message("goodbye") in texts(messages)
    assert use_kb.message("thank") not in texts(messages)
