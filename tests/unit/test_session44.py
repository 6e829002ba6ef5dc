"""Session 44: a request without its "?" is a question ("Kindly share details about the myectomy", "I would like to
understand the risk ... Thank you in advance"), wherever the classifier filed it, a cancellation with nothing to
cancel included, and the request, not the thanks after it, is the question of a long message; "these reanimation
ops" name what they point at; "in one shot" asks about stages; a four-letter word with no vowel is read back
through its one vowel ("grft"); "Mum's asking" and "I didn't like to ask him" ask nothing (no "who should I
ask"); "if that one is not possible" asks for the options after it; "what makes them pick one
operation over another" asks what the choice turns on; "what about if they went for X instead?" asks the last
question again, of X; a sore knee or back with no word of the face or an operation is declined as another part of
the body. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

from typing import Any

import pytest

from actions.callback import ActionCancelCallback
from actions.fact_ranker import FactRanker
from actions.situation import same_question_about
from clinic.asked_choices import asks_alternatives, asks_what_decides
from clinic.queries import KnowledgeBase
from clinic.question_parts import looks_like_question, question_focus
from clinic.question_words import words_of
from clinic.spelling import Speller
from nlp.off_topic import off_topic
from tests.unit.test_actions import run, texts, tracker

pytestmark = pytest.mark.usefixtures("use_kb")


@pytest.mark.parametrize(("text", "question"), [
    ("Kindly share details about the cross-face nerve graft.", True),
    ("I would like to understand how long the recovery is. Thank you in advance.", True),
    ("please explain the eyelid weights", True),
    ("Thank you in advance for your help.", False),
    ("I shared it with my sister.", False),
])
def test_a_request_to_be_told_is_a_question(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


def test_the_request_not_the_thanks_is_the_question_of_a_long_message() -> None:
    text = ("Good afternoon. I am a teacher of 41 years and my left side has been weak since a tumour operation two "
            "years ago. My surgeon mentioned a muscle transplant as a possibility for me. I would like to know how "
            "long the operation itself lasts. Many thanks in advance for your time and kind reply.")
    focus = question_focus(text)
    assert focus is not None and text[focus[0]:focus[1]].strip().startswith("I would like to know how long")


def test_these_reanimation_ops_need_no_sentence_before_them() -> None:
    text = ("I'm 60, a retired plumber, and the right side of my face has hung since a bout of shingles in 2019. "
            "The grandkids keep asking why I look cross. How long do these reanimation operations take in theatre?")
    focus = question_focus(text)
    assert focus is not None and text[focus[0]:focus[1]].strip().startswith("How long do these")


def test_in_one_shot_asks_about_stages() -> None:
    assert "once" in words_of("is the whole thing done in one shot or bit by bit?")
    assert "once" not in words_of("is one shot of botox enough?")


def test_a_word_with_no_vowel_is_read_back_through_its_one_vowel() -> None:
    speller = Speller(["graft", "nerve", "flaps"], real_words=["hmm", "the"])
    assert speller.correct("grft") == "graft"
    assert speller.correct("flps") == "flaps"
    assert speller.correct("hmm") == "hmm"


def _myectomy(text: str) -> list[dict[str, Any]]:
    start = text.index("myectomy")
    return [{"entity": "procedure", "value": "selective_myectomy", "start": start, "end": start + 8}]


def test_a_question_read_as_a_cancellation_with_nothing_to_cancel_is_answered() -> None:
    text = "Kindly share details about the selective myectomy procedure."
    messages, _ = run(ActionCancelCallback(), tracker("cancel_callback", text, entities=_myectomy(text),
                                                       ranking=[{"name": "cancel_callback", "confidence": 0.34}]))
    assert "dividing facial muscles to address tightness and spasms" in texts(messages)


def test_a_real_cancellation_with_nothing_to_cancel_says_so() -> None:
    messages, _ = run(ActionCancelCallback(), tracker("cancel_callback", "can you cancel my call back please?"))
    assert "nothing to cancel" in texts(messages).lower()


def test_someone_asking_through_the_writer_asks_nothing(use_kb: KnowledgeBase) -> None:
    ranker = FactRanker(use_kb)
    assert not ranker.asks_something("my husband is asking")
    assert not ranker.asks_something("I was too shy to ask the doctor")
    assert ranker.asks_something("who should I ask about the risks")


def test_what_makes_them_pick_one_over_another_asks_what_decides() -> None:
    assert asks_what_decides("what would make the surgeon pick a nerve operation rather than a muscle one?")


def test_another_choice_instead_asks_the_last_question_of_it(use_kb: KnowledgeBase) -> None:
    text = "and what about if we went for the nerve graft instead?"
    start = text.index("nerve graft")
    positions = {"nerve_graft": [(start, start + len("nerve graft"))]}
    assert same_question_about(FactRanker(use_kb), text, positions, "results")


def test_if_that_one_is_not_possible_asks_for_the_others() -> None:
    assert asks_alternatives("and if that one is not possible for her, what would they try?")
    assert not asks_alternatives("is that one possible for her?")


@pytest.mark.parametrize(("text", "subject"), [
    ("My knee has been aching since the hike, what can I do about it?", "elsewhere"),
    ("there's a pain in my lower back when I bend, any tips?", "elsewhere"),
    ("my knee hurts where they took the nerve for the graft", None),
    ("Can I sleep on my back after the operation?", None),
])
def test_a_complaint_elsewhere_in_the_body_is_declined(text: str, subject: str | None) -> None:
    assert off_topic(text) == subject
