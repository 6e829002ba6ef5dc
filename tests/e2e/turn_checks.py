"""Checks of one turn against the running assistant, as an outsider and as an attacker would try.

Run by ``make test`` after the held-out sets, because the last check stops the action server:
- locked down: the action server answers on 127.0.0.1 only; the API token is in no process's
  arguments; telemetry is off; CORS does not answer a foreign origin; files under var/ are the
  owner's only;
- malformed input on the REST webhook: empty and whitespace-only messages get the empty-message
  reply, a missing sender or a non-string message a 400 with a reason, never ``[]``;
- never silent: mid-conversation the action server is stopped, and the next message still gets
  the "I can't answer right now" reply, on REST and on socket.io;
- start-up: a model that cannot load and an empty database stop the servers with a clear error.

    python -m tests.e2e.turn_checks --url http://127.0.0.1:5105 --action-port 5155 \\
        --rasa-pid-file var/run-e2e/rasa.pid --actions-pid-file var/run-e2e/actions.pid
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clinic.settings import ROOT
from clinic.wording import file_message
from tests.e2e.socketio_check import socketio_first_replies

FOREIGN_ORIGIN = "https://attacker.example"
Check = Callable[[], None]


class CheckFailed(AssertionError):
    pass


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def post(url: str, body: Any, headers: dict[str, str] | None = None) -> tuple[int, Any, dict[str, str]]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="POST",
                                     headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, json.loads(reply.read() or b"null"), dict(reply.headers)
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null"), dict(error.headers)


def texts(replies: Any) -> list[str]:
    return [str(r.get("text") or "") for r in replies] if isinstance(replies, list) else []


class TurnChecks:
    def __init__(self, url: str, action_port: int, rasa_pid: int, actions_pid: int) -> None:
        self.url = url.rstrip("/")
        self.webhook = f"{self.url}/webhooks/rest/webhook"
        self.action_port = action_port
        self.rasa_pid = rasa_pid
        self.actions_pid = actions_pid

    # --- locked down ------------------------------------------------------------------------------
    def action_server_on_loopback_only(self) -> None:
        with socket.create_connection(("127.0.0.1", self.action_port), timeout=5):
            pass
        outside = [a for a in {i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
                   if not a.startswith("127.")]
        for address in outside:
            with socket.socket() as probe:
                probe.settimeout(3)
                expect(probe.connect_ex((address, self.action_port)) != 0,
                       f"the action server accepts connections on {address}")

    def token_not_in_process_arguments(self) -> None:
        token = os.environ.get("RASA_API_TOKEN", "")
        expect(bool(token), "RASA_API_TOKEN is not set for the checks")
        for pid in (self.rasa_pid, self.actions_pid):
            arguments = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace")
            expect(token not in arguments, f"the API token is in the arguments of process {pid}")
        for log in (ROOT / os.environ.get("LOG_DIR", "var/log")).glob("*.log"):
            expect(token not in log.read_text(encoding="utf-8", errors="replace"), f"the API token is in {log}")

    def telemetry_is_off(self) -> None:
        environment = Path(f"/proc/{self.rasa_pid}/environ").read_bytes().split(b"\0")
        expect(b"RASA_TELEMETRY_ENABLED=false" in environment, "the Rasa server runs with telemetry on")

    def cors_refuses_a_foreign_origin(self) -> None:
        status, _, headers = post(self.webhook, {"sender": uuid.uuid4().hex, "message": "hello"},
                                  {"Origin": FOREIGN_ORIGIN})
        expect(status == 200, f"the webhook answered {status}")
        allowed = {k.lower(): v for k, v in headers.items()}.get("access-control-allow-origin")
        expect(allowed not in ("*", FOREIGN_ORIGIN), f"CORS allows a foreign origin: {allowed!r}")

    def var_files_are_private(self) -> None:
        for path in [ROOT / "var", *(ROOT / "var").rglob("*")]:
            mode = stat.S_IMODE(path.lstat().st_mode)
            is_secret = path.name in ("api_token", "log_key", "credentials.yml") or path.suffix in (".db", ".log")
            if path.is_dir() or is_secret:
                expect(mode & 0o077 == 0, f"{path.relative_to(ROOT)} is readable by others (mode {mode:o})")

    # --- malformed input --------------------------------------------------------------------------
    def empty_messages_are_answered(self) -> None:
        for message in ("", "   ", "\n\t"):
            status, replies, _ = post(self.webhook, {"sender": uuid.uuid4().hex, "message": message})
            expect(status == 200 and texts(replies) == [file_message("empty_message")],
                   f"empty message {message!r}: {status} {replies}")

    def malformed_messages_get_a_clear_400(self) -> None:
        bodies: list[Any] = [{"message": "hello"}, {"sender": "", "message": "hi"}, {"sender": 5, "message": "hi"},
                             {"sender": uuid.uuid4().hex, "message": 42}, {"sender": uuid.uuid4().hex},
                             {"sender": uuid.uuid4().hex, "message": ["a"]}, ["hello"], b"{not json"]
        for body in bodies:
            status, reply, _ = post(self.webhook, body)
            expect(status == 400, f"{body!r} got {status} {reply}")

    # --- never silent -----------------------------------------------------------------------------
    def reply_when_the_action_server_is_gone(self) -> None:
        sender = uuid.uuid4().hex
        question = {"sender": sender, "message": "what are the risks of a nerve transfer?"}
        status, replies, _ = post(self.webhook, question)
        expect(status == 200 and len(texts(replies)) >= 2, f"first turn: {status} {replies}")
        os.killpg(self.actions_pid, signal.SIGTERM)
        for _ in range(50):
            try:
                os.kill(self.actions_pid, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        apology = file_message("cannot_answer")
        status, replies, _ = post(self.webhook, {"sender": sender, "message": "and how long is the recovery?"})
        expect(status == 200 and texts(replies) == [apology], f"REST after the action server stopped: {replies}")
        replies = socketio_first_replies(self.url, "how long does the operation take?")
        expect(replies == [apology], f"socket.io after the action server stopped: {replies}")

    # --- start-up that fails clearly --------------------------------------------------------------
    def start_up_fails_clearly(self) -> None:
        """A model that cannot load and an empty database stop the servers with a clear error
        (run after the action server was stopped: its port is free)."""
        scratch = Path(tempfile.mkdtemp(prefix="turn-checks-"))  # mode 0700
        broken_model = scratch / "broken.tar.gz"
        broken_model.write_bytes(b"not a model")
        empty_db = scratch / "empty.db"
        empty_db.unlink(missing_ok=True)
        port = str(self.action_port)
        cases = [
            ([sys.executable, "-m", "rasa_side.launch", "--model", str(broken_model), "--port", port,
              "--endpoints", "endpoints.yml", "--credentials", "credentials.yml"], {}, "model could not be loaded"),
            ([sys.executable, "-m", "actions.server", "--port", port], {"DATABASE_URL": f"sqlite:///{empty_db}"},
             "make content"),
        ]
        try:
            for command, extra_env, expected in cases:
                done = subprocess.run(command, cwd=ROOT, env={**os.environ, **extra_env}, capture_output=True,
                                      text=True, timeout=180, check=False)
                expect(done.returncode == 2 and expected in done.stderr,
                       f"{command[2]} did not stop clearly: exit {done.returncode}, {done.stderr[-300:]!r}")
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    def run(self) -> int:
        checks: list[Check] = [self.action_server_on_loopback_only, self.token_not_in_process_arguments,
                               self.telemetry_is_off,
                               self.cors_refuses_a_foreign_origin, self.var_files_are_private,
                               self.empty_messages_are_answered, self.malformed_messages_get_a_clear_400,
                               self.reply_when_the_action_server_is_gone, self.start_up_fails_clearly]
        failed = 0
        for check in checks:
            try:
                check()
            except (CheckFailed, OSError, subprocess.TimeoutExpired) as error:
                failed += 1
                print(f"FAIL {check.__name__}: {error}")
            else:
                print(f"ok   {check.__name__}")
        return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--action-port", type=int, required=True)
    parser.add_argument("--rasa-pid-file", type=Path, required=True)
    parser.add_argument("--actions-pid-file", type=Path, required=True)
    args = parser.parse_args(argv)
    checks = TurnChecks(args.url, args.action_port, int(args.rasa_pid_file.read_text()),
                        int(args.actions_pid_file.read_text()))
    return checks.run()


if __name__ == "__main__":
    sys.exit(main())
