"""The whole stack on PostgreSQL, as a clinic's ``.env`` would choose it: a real PostgreSQL server on
127.0.0.1 (started here), one settings file saying ``DATABASE_URL=postgresql+psycopg2://...``, and the
Rasa server (its SQL tracker store), the action server (knowledge base, red-flag log, callbacks)
and the staff console (its own tables) all on it. A conversation made through the REST channel,
with a red flag and a callback request, plus a note and a status set in the console, must survive
a restart of every server and still show in the console.

Its servers run on their own ports (E2E_PG_*_PORT) beside the SQLite ones of ``make test``.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.console.conftest import setting
from tests.console.helpers import log_in
from tests.postgres_server import postgres_server, server_bin_dir

ROOT = Path(__file__).resolve().parents[2]
CHANNEL_SETTINGS = ("TELEGRAM_", "TWILIO_", "WHATSAPP_")
STAFF, PASSWORD = "pg-admin", f"pg-{uuid.uuid4().hex}"


@dataclass(frozen=True)
class Stack:
    env: dict[str, str]
    database_url: str
    rasa: str
    console: str

    def serve(self, *args: str) -> None:
        subprocess.run(["scripts/serve.sh", *args], cwd=ROOT, env=self.env, check=True, stdout=subprocess.DEVNULL)

    def run(self, command: str) -> None:
        """A command as ``make`` runs it: settings from the settings file through scripts/env.sh."""
        subprocess.run(["bash", "-c", f"source scripts/env.sh && {command}"], cwd=ROOT, env=self.env, check=True,
                       stdout=subprocess.DEVNULL)

    def say(self, sender: str, message: str) -> str:
        response = requests.post(f"{self.rasa}/webhooks/rest/webhook", json={"sender": sender, "message": message},
                                 timeout=30)
        response.raise_for_status()
        return "\n".join(str(r.get("text") or "") for r in response.json())

    def rows(self, sql: str, sender: str) -> list[tuple]:
        engine = create_engine(self.database_url, future=True)
        try:
            with engine.connect() as conn:
                return [tuple(row) for row in conn.execute(text(sql), {"sender": sender})]
        finally:
            engine.dispose()


def _port(name: str, default: int) -> str:
    return os.environ.get(name) or str(default)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    setting("CONSOLE_URL")  # inside `make test`: the model is trained, chromium is there
    if server_bin_dir() is None and not os.environ.get("REQUIRE_POSTGRES"):
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    ports = {"RASA_PORT": _port("E2E_PG_RASA_PORT", 5106), "ACTION_PORT": _port("E2E_PG_ACTION_PORT", 5156),
             "SITE_PORT": _port("E2E_PG_SITE_PORT", 5187), "CONSOLE_PORT": _port("E2E_PG_CONSOLE_PORT", 5192)}
    with postgres_server("clinic_stack") as database_url:
        settings_file = tmp_path_factory.mktemp("pg-stack") / "settings.env"
        settings_file.write_text(f"DATABASE_URL={database_url}\n", encoding="utf-8")
        # Only the settings file names the database: no SQLite URL, action server or channel left over
        # from the SQLite run, so the tracker store's URL must come from DATABASE_URL as with a .env.
        env = {k: v for k, v in os.environ.items() if not k.startswith(CHANNEL_SETTINGS) and k not in (
            "DATABASE_URL", "TRACKER_STORE_URL", "ACTION_SERVER_URL", "CREDENTIALS", "RASA_URL")}
        env.update(ports, ENV_FILE=str(settings_file), RUN_DIR="var/run-pg", LOG_DIR="var/log/pg",
                   CLINIC_SITE_ORIGINS=f"http://127.0.0.1:{ports['SITE_PORT']}",
                   ASSISTANT_PUBLIC_URL=f"http://127.0.0.1:{ports['RASA_PORT']}", STAFF_PASSWORD=PASSWORD)
        stack = Stack(env, database_url, f"http://127.0.0.1:{ports['RASA_PORT']}",
                      f"http://127.0.0.1:{ports['CONSOLE_PORT']}")
        stack.run(".venv/bin/python -m clinic.content load")
        stack.run(f".venv/bin/python -m console.staff_user {STAFF} --role admin")
        try:
            stack.serve("--background")
            yield stack
        finally:
            stack.serve("--stop")


def test_a_conversation_survives_a_restart_of_every_server_on_postgresql(stack: Stack, page) -> None:
    sender = f"pg-{uuid.uuid4().hex[:8]}"
    assert "nerve" in stack.say(sender, "what are the risks of a nerve transfer?").lower()
    name = "Pat Postgres"
    for message in ("could someone from the clinic phone me back please", name, "+44 20 7946 0958",
                    "weekday mornings", "the scar after my operation"):
        confirmation = stack.say(sender, message)
    assert "within" in confirmation, confirmation
    assert "911" in stack.say(sender, "my face suddenly drooped on one side an hour ago and my arm feels weak")

    log_in(page, STAFF, PASSWORD, base=stack.console)
    page.goto(f"{stack.console}/conversations/{sender}")
    page.fill("textarea[aria-label=note]", "note kept in PostgreSQL")
    with page.expect_navigation():
        page.click("text=Add note")
    page.select_option("select[name=status]", "in_progress")
    page.select_option("select[name=assignee]", STAFF)
    with page.expect_navigation():
        page.click("form button:text('Save')")

    # Everything went to PostgreSQL: Rasa's events, the red-flag log, the callback, the console's rows.
    assert stack.rows("SELECT count(*) FROM events WHERE sender_id = :sender AND type_name = 'user'", sender)[0][0] == 7
    assert stack.rows("SELECT kind FROM red_flag_events WHERE conversation_id = :sender", sender) == [("stroke",)]
    assert stack.rows("SELECT name FROM callback_requests WHERE conversation_id = :sender", sender) == [(name,)]
    assert stack.rows("SELECT status, assignee FROM conversation_states WHERE conversation_id = :sender",
                      sender) == [("in_progress", STAFF)]
    assert stack.rows("SELECT text FROM conversation_notes WHERE conversation_id = :sender", sender) == [
        ("note kept in PostgreSQL",)]

    stack.serve("--stop")
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{stack.rasa}/", timeout=5)
    stack.serve("--background")

    token = stack.env.get("RASA_API_TOKEN") or (ROOT / "var" / "api_token").read_text(encoding="utf-8").strip()
    tracker = requests.get(f"{stack.rasa}/conversations/{sender}/tracker", params={"token": token}, timeout=30).json()
    said = [e.get("text") for e in tracker["events"] if e.get("event") == "user"]
    assert said[0] == "what are the risks of a nerve transfer?" and len(said) == 7, said
    page.goto(f"{stack.console}/conversations/{sender}")  # the staff session is kept in PostgreSQL too
    assert "/login" not in page.url
    transcript = page.inner_text(".transcript")
    for expected in ("what are the risks of a nerve transfer?", "my face suddenly drooped", name,
                     "note kept in PostgreSQL", "status: new -> in_progress"):
        assert expected in transcript, expected
    meta = page.inner_text(".meta")
    assert "urgent" in meta and "callback" in meta, meta
    page.goto(f"{stack.console}/?flag=urgent&q={sender}")
    row = page.locator(f'tr[data-conversation="{sender}"]')
    assert row.count() == 1 and "in progress" in row.inner_text() and STAFF in row.inner_text()
    page.goto(f"{stack.console}/callbacks")
    assert "+442079460958" in page.locator("tr", has_text=name).inner_text()
