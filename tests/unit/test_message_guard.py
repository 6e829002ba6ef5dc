"""The message guard: what understanding reads, for any text a client may send (no Rasa)."""

from __future__ import annotations

import time
import tracemalloc

import pytest

from nlp.message_guard import MAX_UNDERSTOOD_CHARS, default_allow_list, detect_language, guard, remove_format_characters

ALLOW = default_allow_list()


@pytest.mark.parametrize("payload", [
    "/ask_risks",
    '/ask_risks{"procedure":"gracilis"}',
    '/choose_option{"ordinal":"2"}',
    "/something_else",
    '/ask_synkinesis{"treatment":"botox"}',
])
def test_payloads_the_assistant_offers_are_kept(payload: str) -> None:
    guarded = guard(payload, ALLOW)
    assert guarded.text == payload and not guarded.payload_rejected


@pytest.mark.parametrize(("typed", "read_as"), [
    ('/report_urgent_symptom{"red_flag_kind": "self_harm"}', 'report_urgent_symptom{"red_flag_kind": "self_harm"}'),
    ("/ask_risks@1 my face dropped and I can't lift my arm", "ask_risks@1 my face dropped and I can't lift my arm"),
    ('/greet{"procedure": {"x": 1}}', 'greet{"procedure": {"x": 1}}'),
    ('/ask_risks{"procedure":"appendix"}', 'ask_risks{"procedure":"appendix"}'),
    ('/ask_risks{"ordinal":"2"}', 'ask_risks{"ordinal":"2"}'),
    ("/restart", "restart"),
    ("//session_start", "session_start"),
    ("/ask_risks{not json}", "ask_risks{not json}"),
])
def test_anything_else_that_starts_with_a_slash_is_read_as_text(typed: str, read_as: str) -> None:
    guarded = guard(typed, ALLOW)
    assert guarded.text == read_as and guarded.payload_rejected


def test_format_characters_are_removed() -> None:
    assert remove_format_characters("dr\u00adooped fa\u200bce\u200d \ufeffnow") == "drooped face now"
    assert guard("my face dr\u00adooped", ALLOW).text == "my face drooped"


def test_long_messages_are_cut_and_flagged() -> None:
    guarded = guard("a" * (MAX_UNDERSTOOD_CHARS + 1), ALLOW)
    assert guarded.too_long and len(guarded.text) == MAX_UNDERSTOOD_CHARS
    assert not guard("a" * MAX_UNDERSTOOD_CHARS, ALLOW).too_long
    # A payload that arrives with a huge tail is not a payload.
    assert guard("/ask_risks" + " x" * MAX_UNDERSTOOD_CHARS, ALLOW).payload_rejected


def test_a_100000_letter_message_costs_little() -> None:
    text = ("lkjhgfdsaqwertyuiopzxcvbnm" * 4000)[:100_000]
    tracemalloc.start()
    started = time.perf_counter()
    guarded = guard(text, ALLOW)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert guarded.too_long and elapsed < 0.5 and peak < 5_000_000


@pytest.mark.parametrize(("text", "language"), [
    ("mi hija tiene la cara paralizada desde ayer, ¿qué hago?", "es"),
    ("Quería preguntar el precio de la consulta", "es"),
    ("what are the risks of a nerve graft?", "en"),
    ("no", "en"),
    ("Bell's palsy", "en"),
    ("I had a nerve graft, lo siento for my english", "en"),
])
def test_spanish_is_recognised(text: str, language: str) -> None:
    assert detect_language(text) == language
