"""The Rasa-side guards: a failing action server still gets the patient a reply, the REST webhook
refuses malformed input, and the launcher keeps the token out of arguments and CORS closed."""

from __future__ import annotations

import asyncio
from pathlib import Path

import aiohttp
import pytest
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from clinic.wording import file_message
from rasa_side import launch
from rasa_side.action_guard import guarded
from rasa_side.rest import payload_problem


def tracker(*events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("patient-1", [UserUttered("hello"), *events])


async def refused(*_args):
    raise RasaException("Couldn't connect to the server")


async def slow(*_args):
    await asyncio.sleep(5)
    return []


async def broken(*_args):
    raise aiohttp.ClientPayloadError("half a response")


async def rejected(*_args):
    raise ActionExecutionRejection("action_answer_question")


def run_guarded(run, state: DialogueStateTracker) -> list:
    action = RemoteAction("action_answer_question", None)
    return asyncio.run(guarded(run, timeout=lambda: 0.2)(action, None, None, state, None))


@pytest.mark.parametrize("failure", [refused, slow, broken], ids=["down", "slow", "raises"])
def test_a_failing_action_server_still_gets_a_reply(failure) -> None:
    events = run_guarded(failure, tracker())
    assert [e.text for e in events if isinstance(e, BotUttered)] == [file_message("cannot_answer")]


def test_nothing_is_added_when_the_turn_already_spoke() -> None:
    urgent = BotUttered("Call 911 now.")
    assert run_guarded(refused, tracker(ActionExecuted("utter_urgent"), urgent)) == []


def test_a_form_rejection_is_rasas_own_flow() -> None:
    with pytest.raises(ActionExecutionRejection):
        run_guarded(rejected, tracker())


@pytest.mark.parametrize(("payload", "problem"), [
    ({"sender": "p1", "message": "hi"}, None),
    ({"sender": "p1", "message": "   "}, None),
    ({"message": "hi"}, "'sender'"),
    ({"sender": "   ", "message": "hi"}, "'sender'"),
    ({"sender": 7, "message": "hi"}, "'sender'"),
    ({"sender": "x" * 500, "message": "hi"}, "at most"),
    ({"sender": "p1\x00", "message": "hi"}, "printable"),
    ({"sender": "p1", "message": None}, "'message'"),
    ({"sender": "p1", "message": {"text": "hi"}}, "'message'"),
    (["hi"], "JSON object"),
    ("hi", "JSON object"),
])
def test_webhook_payloads(payload, problem) -> None:
    found = payload_problem(payload)
    assert found is None if problem is None else problem in found


def test_launcher_hands_the_token_to_rasa_and_closes_cors(tmp_path: Path, monkeypatch) -> None:
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"x")
    monkeypatch.setattr(launch, "check_files", lambda _model: None)
    arguments = launch.rasa_arguments(["--model", str(model), "--enable-api"], {"RASA_API_TOKEN": "s3cret"})
    assert arguments[-2:] == ["--auth-token", "s3cret"] and "--cors" not in arguments
    with_site = launch.rasa_arguments(["--model", str(model)],
                                      {"RASA_API_TOKEN": "t", "CLINIC_SITE_ORIGINS": "https://a.example, https://b.example"})
    assert with_site[-3:] == ["--cors", "https://a.example", "https://b.example"]
    for forbidden in (["--auth-token", "t"], ["--cors", "*"]):
        with pytest.raises(launch.CannotStart):
            launch.rasa_arguments(["--model", str(model), *forbidden], {"RASA_API_TOKEN": "t"})
    with pytest.raises(launch.CannotStart, match=r"\*"):
        launch.rasa_arguments(["--model", str(model)], {"RASA_API_TOKEN": "t", "CLINIC_SITE_ORIGINS": "*"})


def test_launcher_refuses_a_missing_model_or_spacy_pipeline(tmp_path: Path) -> None:
    with pytest.raises(launch.CannotStart, match="no trained model"):
        launch.check_files(str(tmp_path / "missing.tar.gz"))
    model = tmp_path / "model.tar.gz"
    model.write_bytes(b"x")
    config = tmp_path / "config.yml"
    config.write_text("pipeline:\n  - name: SpacyNLP\n    model: models/spacy/not_built_here\n")
    with pytest.raises(launch.CannotStart, match="spaCy pipeline"):
        launch.check_files(str(model), config)
    with pytest.raises(launch.CannotStart, match="token"):
        launch.api_token({}, tmp_path / "no-token")


def conversation_events(turns: int, spoke: bool = True) -> list[dict]:
    events = [{"event": "action", "name": "action_session_start"}, {"event": "session_started"}]
    for n in range(turns):
        events.append({"event": "user", "text": f"q{n}", "parse_data": {"intent": {"name": f"intent_{n}"}}})
        events.append({"event": "action", "name": "action_answer_question"})
        if spoke:
            events.append({"event": "bot", "text": f"a{n}"})
        events.append({"event": "action", "name": "action_listen"})
    return events


@pytest.mark.parametrize("turns", [0, 1, 2, 3, 50])
@pytest.mark.parametrize("spoke", [True, False])
def test_trimmed_events_keep_what_the_actions_read(turns: int, spoke: bool) -> None:
    from rasa_sdk import Tracker

    from actions.turn import bot_spoke_this_session, previous_intent
    from rasa_side.action_payload import kept_positions

    events = conversation_events(turns, spoke)
    kept = [events[i] for i in kept_positions([e["event"] for e in events])]
    assert len(kept) <= 12  # the same size whatever the length of the conversation

    def reading(evts: list[dict]) -> tuple[bool, str]:
        tracker_ = Tracker("p", {}, {}, evts, False, None, None, "action_listen")
        return bot_spoke_this_session(tracker_), previous_intent(tracker_)

    assert reading(kept) == reading(events)


def test_a_new_session_starts_the_kept_events_afresh() -> None:
    from rasa_side.action_payload import kept_positions

    kinds = ["session_started", "user", "bot", "user", "bot", "session_started", "user", "user"]
    assert kept_positions(kinds) == [5, 6, 7]
