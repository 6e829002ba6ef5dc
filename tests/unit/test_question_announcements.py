"""A part of a message that only announces questions is not one of them (clinic/question_split.py)."""

from __future__ import annotations

from clinic.question_split import announces_questions, split_questions


def test_an_announcement_does_not_crowd_out_the_third_question() -> None:
    text = ("Hello, two quick questions: 1) is it done asleep 2) how many nights in hospital "
            "3) when can I go back to my job")
    assert split_questions(text) == ["is it done asleep", "how many nights in hospital", "when can I go back to my job"]


def test_only_closed_class_words_announce() -> None:
    assert announces_questions("a couple of questions please")
    assert announces_questions("ok I've got 3 q's")
    assert not announces_questions("some questions about the graft")  # names what they are about
    assert not announces_questions("what are the questions I should ask my surgeon")
    assert split_questions("questions?") == ["questions?"]  # nothing else: the message stays


def test_a_question_whose_name_was_blanked_is_still_a_question() -> None:
    """The answer ranks the message with each named procedure blanked out (same offsets, spaces), so
    "What's [a gracilis transfer] and how long is the stay?" must still split in two (session 18)."""
    name = "a gracilis muscle transfer"
    blanked = f"What's {name} and how long is the stay?".replace(name, " " * len(name))
    assert split_questions(blanked) == ["What's", "how long is the stay"]
    assert split_questions("what's up and how long is the stay?") == ["what's up", "how long is the stay"]


def test_one_word_with_its_own_question_mark_is_a_question() -> None:
    """Terse lists ("time? anaesthesia? stay?") ask with single words (session 23); a one-word part without
    its own question mark, or a short word like "why", is still not a question of its own."""
    assert split_questions("length of the op? anaesthesia? any overnight stay?") == [
        "length of the op", "anaesthesia", "any overnight stay"]
    assert split_questions("how long is the op? why?") == ["how long is the op"]
    assert split_questions("what is botox; recovery") == ["what is botox"]
