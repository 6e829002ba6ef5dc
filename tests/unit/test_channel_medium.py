"""Replies composed for a text-messaging medium, and a patient's choice read back."""

from __future__ import annotations

import re
import time

import pytest

from channels.medium import (
    BotMessage,
    Option,
    choose_option,
    compose_turn,
    option_token,
    payload_for_token,
    plain_text,
    split_text,
)

GRACILIS = '/ask_procedure_info{"procedure":"gracilis"}'
MENU = BotMessage("Pick a topic:", (Option("Recovery time", "/ask_recovery"),
                                    Option("Risks and complications", "/ask_risks"),
                                    Option("Muscle transplant (gracilis)", GRACILIS)))
LONG = " ".join(f"Sentence number {n} says something about recovery after surgery." for n in range(40))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_short_text_is_one_piece() -> None:
    assert split_text("  One sentence.  ", 160) == ["One sentence."]
    assert split_text("   ", 160) == []


def test_long_text_is_split_at_sentence_ends_under_the_limit() -> None:
    pieces = split_text(LONG, 300)
    assert len(pieces) > 1
    assert all(len(p) <= 300 for p in pieces)
    assert all(p.endswith(".") for p in pieces)
    assert squash(" ".join(pieces)) == squash(LONG)


def test_paragraphs_are_preferred_over_sentences() -> None:
    text = "First paragraph. It has two sentences.\n\nSecond paragraph here."
    assert split_text(text, 45) == ["First paragraph. It has two sentences.", "Second paragraph here."]


def test_a_word_longer_than_the_limit_is_cut_and_nothing_is_lost() -> None:
    text = "short " + "x" * 250 + " end."
    pieces = split_text(text, 100)
    assert all(len(p) <= 100 for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")


def test_splitting_a_huge_text_stays_fast() -> None:
    started = time.perf_counter()
    pieces = split_text(LONG * 50, 1600)
    assert time.perf_counter() - started < 2.0
    assert all(len(p) <= 1600 for p in pieces)


def test_buttons_become_numbered_lines_without_payloads() -> None:
    [chunk] = compose_turn([MENU], 1600)
    assert chunk.text == ("Pick a topic:\n1. Recovery time\n2. Risks and complications\n"
                          "3. Muscle transplant (gracilis)")
    assert "/ask" not in chunk.text and "{" not in chunk.text
    assert chunk.options == list(MENU.options)


def test_a_list_already_numbered_in_the_text_is_not_repeated() -> None:
    message = BotMessage("Techniques include:\n1. Recovery time\n2. Risks and complications\n"
                         "3. Muscle transplant (gracilis)\n\nAsk about any.", MENU.options)
    [chunk] = compose_turn([message], 1600)
    assert chunk.text.count("Recovery time") == 1


def test_turn_keeps_its_order_and_only_the_last_options_are_numbered() -> None:
    urgent = BotMessage("Call 911 now.")
    earlier = BotMessage("Also:", (Option("Anesthesia", "/ask_anesthesia"),))
    chunks = compose_turn([urgent, BotMessage("Disclaimer."), earlier, MENU], 1600)
    assert len(chunks) == 1
    text = chunks[0].text
    positions = [text.index(part) for part in ("Call 911 now.", "Disclaimer.", "• Anesthesia", "1. Recovery")]
    assert positions == sorted(positions)
    assert "1. Anesthesia" not in text


def test_messages_are_packed_until_the_limit_then_split() -> None:
    chunks = compose_turn([BotMessage("Urgent advice first."), BotMessage(LONG), MENU], 320)
    assert chunks[0].text.startswith("Urgent advice first.")
    assert all(len(c.text) <= 320 for c in chunks)
    assert chunks[-1].options == list(MENU.options)
    assert not any(c.options for c in chunks[:-1])


def test_markup_that_would_show_as_raw_characters_is_removed() -> None:
    assert plain_text("**Risks**: see [the page](https://clinic.example/risks) <b>now</b>") == (
        "Risks: see the page (https://clinic.example/risks) now")
    assert plain_text("• bullet and 5 * 3") == "• bullet and 5 * 3"


@pytest.mark.parametrize("reply, payload", [
    ("2", "/ask_risks"),
    (" 2. ", "/ask_risks"),
    ("#3", '/ask_procedure_info{"procedure":"gracilis"}'),
    ("option 1", "/ask_recovery"),
    ("Risks and complications", "/ask_risks"),
    ("risks and complications!", "/ask_risks"),
    ("gracilis", '/ask_procedure_info{"procedure":"gracilis"}'),
    ("4", None),
    ("0", None),
    ("what are the risks of gracilis surgery for me", None),
    ("and", None),
    ("", None),
])
def test_a_reply_chooses_an_offered_option(reply: str, payload: str | None) -> None:
    assert choose_option(reply, [MENU]) == payload


def test_numbers_choose_from_the_last_numbered_message_and_words_from_any() -> None:
    earlier = BotMessage("Also:", (Option("Anesthesia", "/ask_anesthesia"),))
    assert choose_option("1", [earlier, MENU]) == "/ask_recovery"
    assert choose_option("anesthesia", [earlier, MENU]) == "/ask_anesthesia"


def test_an_ambiguous_part_of_two_titles_chooses_nothing() -> None:
    turn = [BotMessage("?", (Option("Nerve transfer", "/a"), Option("Nerve grafting", "/b")))]
    assert choose_option("nerve", turn) is None
    assert choose_option("nerve transfer", turn) == "/a"


def test_a_number_without_options_is_left_to_the_assistant() -> None:
    assert choose_option("2", [BotMessage("No options here.")]) is None
    assert choose_option("2", []) is None


def test_option_tokens_are_short_and_only_map_back_to_offered_payloads() -> None:
    longest = '/ask_procedure_info{"procedure":"' + "x" * 500 + '"}'
    token = option_token(longest)
    assert len(token) == 24
    assert payload_for_token(token, [Option("Long", longest)]) == longest
    assert payload_for_token(token, MENU.options) is None
    assert payload_for_token("forged", MENU.options) is None
