"""Session 51: "am I 2 old now?" texts "too", never option two, and "owt" is "anything"; "how long does it take to
work?" asks when the operation works, not its length nor the time off work; "can an operation sort that?" asks of the
trouble told before it; "last year" is no operation that lasts; "the 1st one" opening a conversation with a question of
its own is that question; "which would the surgeon pick over the other?" gets what each one is and no pick; something
asked for "instead of" the one option discussed asks for the others; "what could go wrong" names the risks. Phrasings
written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.choose_option import ActionChooseOption
from actions.fact_ranker import FactRanker
from clinic.asked_choices import asks_alternatives, asks_which_suits
from clinic.fact_ranking import content_stems
from clinic.out_of_action import as_time_to_work_question, asks_time_to_work
from clinic.queries import KnowledgeBase
from clinic.question_parts import question_focus
from nlp.term_spelling import TermSpeller
from tests.unit.test_actions import run, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")

SPELLER = TermSpeller(["surgery"], known=["surgery"], real_words=["the", "is", "old", "young"])


@pytest.mark.parametrize(("typed", "read"), [
    ("is 70 2 old for surgery?", "is 70 too old for surgery?"),
    ("am i 2 young for this", "am i too young for this"),
    ("is it 2 late now", "is it too late now"),
    ("2 risky?", "too risky?"),
    ("can they do owt for sum1 my age", "can they do anything for someone my age"),
])
def test_a_texted_2_before_a_word_of_degree_is_too(typed: str, read: str) -> None:
    assert SPELLER.correct(typed) == read


@pytest.mark.parametrize("typed", ["I have 2 old scars", "2 long incisions or one?", "option 2 please",
                                   "the 2 young surgeons"])
def test_a_2_before_a_noun_stays_a_number(typed: str) -> None:
    assert SPELLER.correct(typed) == typed


@pytest.mark.parametrize("text", ["how long does it take to work?", "and how long till the transfer kicks in",
                                  "how long for the injections to take effect?", "how long before it starts working"])
def test_how_long_before_it_works_asks_when_it_works(text: str) -> None:
    assert asks_time_to_work(text)
    assert as_time_to_work_question(text).lower().startswith(text.lower().split("how long")[0] + "how soon")


@pytest.mark.parametrize("text", ["how long until I can go back to work?", "how long off work", "how long does the "
                                  "surgery take?", "how long till I can work again", "how long to get back to work"])
def test_how_long_of_work_or_the_operation_is_no_time_to_work(text: str) -> None:
    assert not asks_time_to_work(text)


@pytest.mark.parametrize("classified", ["ask_surgery_duration", "ask_time_off_work"])
def test_how_long_till_it_works_is_answered_with_when_it_works(classified: str) -> None:
    ranking = [{"name": classified, "confidence": 0.55}, {"name": "ask_recovery", "confidence": 0.2}]
    asked = tracker(classified, "and how long does it take to work?", ranking=ranking)
    messages, _ = run(ActionAnswerQuestion(), asked)
    said = texts(messages)
    assert "may take months to become apparent" in said
    assert "Surgery time" not in said and "1-5 weeks" not in said


def test_a_remedy_asked_for_that_reads_the_trouble_before_it() -> None:
    text = ("I'm 50 and I work in a bank. For a year my left eyelid hasn't shut properly and it stings. "
            "Can an operation sort that?")
    focus = question_focus(text)
    assert focus is not None and text[focus[0]:focus[1]].strip().startswith("For a year my left eyelid")
    named = text.replace("sort that", "be done with the eye drops in place")  # no pointing back: its own sentence
    focus = question_focus(named)
    assert focus is not None and named[focus[0]:focus[1]].strip().startswith("Can an operation")


def test_last_year_dates_the_story_and_is_no_operation_that_lasts() -> None:
    assert "last" not in content_stems("my palsy started last year, could surgery help?")
    assert "last" in content_stems("how long does the surgery last?")


def test_an_ordinal_opening_a_conversation_with_a_question_of_its_own_is_answered() -> None:
    text = "could I have more surgery later on if the 1st op doesn't work well enough?"
    ranking = [{"name": "choose_option", "confidence": 0.6}, {"name": "ask_stages", "confidence": 0.2}]
    messages, _ = run(ActionChooseOption(), tracker("choose_option", text, ranking=ranking,
                                                    entities=[{"entity": "ordinal", "value": "1"}]))
    assert "Additional procedures may be necessary" in texts(messages)


def test_an_ordinal_alone_without_a_list_still_shows_the_options() -> None:
    messages, _ = run(ActionChooseOption(), tracker("choose_option", "the second one please",
                                                    entities=[{"entity": "ordinal", "value": "2"}]))
    assert "Which one do you mean?" in texts(messages)


def test_which_of_two_named_suits_gets_what_each_one_is_and_no_pick() -> None:
    text = "Botox or physio for my tight cheek, which would the surgeon pick over the other?"
    entities = [{"entity": "treatment", "value": "botox", "start": 0, "end": 5},
                {"entity": "treatment", "value": "physical_therapy", "start": 9, "end": 15}]
    ranking = [{"name": "ask_personal_advice", "confidence": 0.8}, {"name": "ask_synkinesis", "confidence": 0.1}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_personal_advice", text, entities=entities,
                                                      ranking=ranking))
    reply = texts(messages)
    assert "block nerve signals" in reply and "massaging, stretching" in reply
    assert "only your surgeon can assess" in reply


@pytest.mark.parametrize("text", ["when would the surgeon pick one over the other?",
                                  "would they choose it rather than the other for a child?"])
def test_one_picked_over_the_other_is_a_choice_for_the_surgeon(text: str) -> None:
    assert asks_which_suits(text)


@pytest.mark.parametrize(("text", "alternatives"), [
    ("is there anything he can try at home instead of the jabs?", True),
    ("can she do something insted of an operation", True),
    ("when is a graft used instead of a repair?", False),
    ("in what case would they move a muscle instead of mending the nerve?", False),
])
def test_something_asked_for_instead_of_an_option_asks_for_the_others(text: str, alternatives: bool) -> None:
    assert asks_alternatives(text) is alternatives


def test_what_could_go_wrong_names_the_risks(sqlite_kb: KnowledgeBase) -> None:
    risks = sqlite_kb.topic("risks")
    assert risks is not None and FactRanker.names_topic(risks, "ok. and what could go wrong, honestly?")
