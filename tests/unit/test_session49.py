"""Session 49: a request for the alternatives typed without its "?" after the case it is asked for ("and if those
injections don't work is there an actual op for that") gets the list Botox is on (a case of test_session48's); a short
goodbye the classifier could not place ("Right, off I go then. Cheerio.") is answered as a goodbye, not with a topic
its words happen to share ("off" is no time off work); "not bothered about smiling, just looking even" filed as small
talk gets the static kind; "the second one" is answered from its own module. Phrasings written for these tests, not
taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.choose_option import ActionChooseOption
from actions.conversation import ActionSmallTalk, says_goodbye_only
from actions.did_you_mean import ActionDidYouMean
from clinic.question_parts import asks_after_condition, looks_like_question
from tests.unit.test_actions import run, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize("text", ["and if the injections fail is there surgery for it",
                                  "if they do the graft will I be asleep",
                                  "so if physio doesn't help what then"])
def test_a_question_after_its_condition_is_a_question_without_its_mark(text: str) -> None:
    assert asks_after_condition(text) and not looks_like_question(text)


@pytest.mark.parametrize("text", ["if it works I will be over the moon", "If my smile is still crooked I'll cry",
                                  "if only it would stop"])
def test_a_statement_after_a_condition_is_no_question(text: str) -> None:
    assert not asks_after_condition(text)


@pytest.mark.parametrize("text", ["Right, off I go then. Cheerio.", "ok seeing you later", "im off now, bye"])
def test_an_unplaced_goodbye_is_answered_as_one(text: str) -> None:
    ranking = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "ask_time_off_work", "confidence": 0.25},
               {"name": "goodbye", "confidence": 0.2}]
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", text, ranking=ranking))
    assert "Goodbye" in texts(messages) and "1-5 weeks" not in texts(messages)


@pytest.mark.parametrize("text", ["bye, how long is the recovery?", "will I see you after the op?",
                                  "Goodbye to my old face is what I want. What would the first step be, and how "
                                  "long does it take"])
def test_a_goodbye_word_beside_a_question_is_no_goodbye(text: str) -> None:
    assert not says_goodbye_only(text)


def test_the_second_one_is_still_chosen_from_the_list_shown() -> None:
    slots = {"listed_options": ["botox", "physical_therapy"], "topic": "synkinesis"}
    ordinal = [{"entity": "ordinal", "value": "2"}]
    messages, _ = run(ActionChooseOption(), tracker("choose_option", "the second one", entities=ordinal, slots=slots))
    assert "neuromuscular retraining" in texts(messages)


def test_not_bothered_about_smiling_filed_as_small_talk_gets_the_static_kind() -> None:
    text = "Smiling doesn't bother her, she'd just like her face to look even in photos. Anything that does that?"
    messages, _ = run(ActionSmallTalk(), tracker("something_else", text))
    assert "does not restore muscle movement" in texts(messages)
