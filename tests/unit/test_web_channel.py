"""The website widget's channel: sessions the server issues and signs, what a client may post,
the one-event-per-message output, and the answer sources the actions attach for it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from actions.answers import ActionAnswerQuestion
from channels.web import ClinicWebOutput, RateLimit, bot_event, message_problem, origin_allowed
from channels.web_session import SENDER_PREFIX, SessionIssuer, WebSession
from clinic.content import normalize_text
from clinic.queries import KnowledgeBase
from tests.unit.test_actions import SPOKE, run, tracker

SECRET = "a-test-secret-of-enough-length"
PAGE = Path(__file__).resolve().parents[2] / "knowledge" / "source" / "clinic-page.txt"


class Clock:
    def __init__(self, now: float = 1_800_000_000) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_a_new_session_resumes_with_its_token_only() -> None:
    issuer = SessionIssuer(SECRET, max_age_seconds=3600)
    session = issuer.new_session()
    assert session.sender_id == SENDER_PREFIX + session.session_id
    resumed = issuer.resume(session.session_id, session.token)
    assert resumed is not None and resumed.session_id == session.session_id
    other = issuer.new_session()
    assert other.session_id != session.session_id
    assert issuer.resume(session.session_id, other.token) is None  # another session's token
    assert issuer.resume(session.session_id, None) is None  # the id alone is worth nothing


@pytest.mark.parametrize("session_id, token", [
    (None, None), (123, "1.x"), ("../../etc", "1." + "A" * 43), ("A" * 32, "1." + "A" * 43),
    ("0" * 32, "x" * 10_000), ("0" * 32, ["list"]), ("0" * 32, "1700000000." + "A" * 43),
])
def test_malformed_or_forged_sessions_are_refused(session_id: object, token: object) -> None:
    assert SessionIssuer(SECRET, 3600).resume(session_id, token) is None


def test_a_token_from_another_secret_or_too_old_is_refused() -> None:
    clock = Clock()
    issuer = SessionIssuer(SECRET, max_age_seconds=3600, clock=clock)
    session = issuer.new_session()
    assert SessionIssuer("another-secret-of-enough-length", 3600, clock=clock).resume(
        session.session_id, session.token) is None
    clock.now += 3599
    assert issuer.resume(session.session_id, session.token) is not None
    clock.now += 2
    assert issuer.resume(session.session_id, session.token) is None


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        SessionIssuer("short", 3600)


BOUND = WebSession("0" * 32, "token")


@pytest.mark.parametrize("data, problem", [
    ({"message": "what are the risks?"}, None),
    ({"message": "hi", "session_id": "0" * 32}, None),
    ({"message": "hi", "session_id": "1" * 32}, "session_mismatch"),
    ({"message": "   "}, "empty"),
    ({"message": "x" * 1001}, "too_long"),
    ({"message": {"text": "hi"}}, "invalid"),
    ("hi", "invalid"),
    (None, "invalid"),
])
def test_what_a_client_may_post(data: object, problem: str | None) -> None:
    assert message_problem(data, BOUND) == problem


def test_a_socket_sending_too_fast_is_slowed_down() -> None:
    limit = RateLimit(limit=3, window=10)
    assert [limit.allow(t) for t in (0, 1, 2, 3)] == [True, True, True, False]
    assert limit.allow(11.5)


def test_one_event_per_bot_message_with_text_buttons_and_custom_data() -> None:
    message = {"text": "Intro\n\nSecond paragraph", "buttons": [{"title": "Risks", "payload": "/ask_risks"}],
               "custom": {"sources": ["A sentence of the page."]}}
    assert bot_event(message) == {"text": "Intro\n\nSecond paragraph",
                                  "buttons": [{"title": "Risks", "payload": "/ask_risks"}],
                                  "custom": {"sources": ["A sentence of the page."]}}
    assert bot_event({"text": "", "buttons": [{"payload": "/x"}], "custom": "not a dict"}) == {}


def test_a_staff_reply_is_marked_as_from_a_person_without_naming_them() -> None:
    event = bot_event({"text": "Hello, this is the front desk", "staff": "alice"})
    assert event == {"text": "Hello, this is the front desk", "custom": {"staff": True}}


def test_the_output_channel_emits_to_the_conversation_room() -> None:
    class FakeServer:
        def __init__(self) -> None:
            self.emitted: list[tuple] = []

        async def emit(self, event: str, data: dict, room: str) -> None:
            self.emitted.append((event, data, room))

    server = FakeServer()
    output = ClinicWebOutput(server, "bot_uttered")  # type: ignore[arg-type]
    asyncio.run(output.send_response("web:abc", {"text": "Hello", "custom": {"sources": ["s"]}}))
    asyncio.run(output.send_response("web:abc", {"image": "https://x.example/i.png"}))
    assert server.emitted == [("bot_uttered", {"text": "Hello", "custom": {"sources": ["s"]}}, "web:abc")]



def risks_question(channel: str):
    events = [*SPOKE, {"event": "user", "text": "what are the risks of nerve transfer?", "input_channel": channel}]
    return tracker("ask_risks", "what are the risks of nerve transfer?",
                   entities=[{"entity": "procedure", "value": "nerve_transfer"}], slots={"procedure": "nerve_transfer"},
                   events=events)


def test_an_answer_carries_the_page_text_it_rests_on(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionAnswerQuestion(), risks_question("web"))
    answers = [m for m in messages if m.get("custom")]
    assert len(answers) == 1
    sources = answers[0]["custom"]["sources"]
    assert sources and all(isinstance(s, str) for s in sources)
    page = normalize_text(PAGE.read_text(encoding="utf-8"))
    for source in sources:  # every excerpt is the page's own text
        for excerpt in source.split(" … "):
            assert normalize_text(excerpt) in page
    json.dumps(messages)  # what Rasa sends on must be plain JSON


@pytest.mark.parametrize("channel", ["rest", "twilio", "telegram", "whatsapp"])
def test_channels_that_do_not_show_sources_get_none(channel: str, use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionAnswerQuestion(), risks_question(channel))
    assert messages and not any(m.get("custom") for m in messages)


def test_only_the_site_origins_may_connect() -> None:
    site = ["https://www.clinic.example", "http://127.0.0.1:8080"]
    assert origin_allowed("https://www.clinic.example", site)
    assert origin_allowed("http://127.0.0.1:8080/", site)
    assert not origin_allowed("https://www.clinic.example.evil.example", site)
    assert not origin_allowed("null", site)
    assert origin_allowed(None, site)  # not a browser: an Origin header would be forged anyway
    assert origin_allowed("https://anywhere.example", ["*"])
