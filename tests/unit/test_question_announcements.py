"""A part of a message that only announces questions is not one of them (clinic/question_parts.py)."""

from __future__ import annotations

from clinic.question_parts import announces_questions, split_questions


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
