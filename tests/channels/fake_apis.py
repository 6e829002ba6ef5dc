"""Fake Telegram Bot API, Twilio REST API and Meta Graph API servers on 127.0.0.1 for the channel
tests: they record every call the assistant makes (so replies can be read back) and answer like
the real services; ``fail_next`` makes the next calls fail with a status, to test retries."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Call:
    """One request the assistant made to a fake API."""

    path: str
    headers: dict[str, str]
    body: dict[str, Any]


class FakeApi:
    """One fake service on ``port`` (0: any free port); ``calls`` in arrival order."""

    def __init__(self, name: str, port: int):
        self.name, self.port = name, port
        self.calls: list[Call] = []
        self._failures: list[int] = []
        self._changed = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", port), self._handler())
        self.port = self._server.server_address[1]  # the one chosen when ``port`` is 0
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _record(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
                if "json" in (self.headers.get("Content-Type") or ""):
                    body = json.loads(raw or "{}")
                else:
                    parsed = urllib.parse.parse_qs(raw or urllib.parse.urlsplit(self.path).query)
                    body = {key: values[0] for key, values in parsed.items()}
                with api._changed:
                    status = api._failures.pop(0) if api._failures else 200
                    if status < 300:
                        api.calls.append(Call(urllib.parse.urlsplit(self.path).path, dict(self.headers), body))
                    api._changed.notify_all()
                answer = api.answer(self.path, body) if status < 300 else {"error": "fake failure"}
                payload = json.dumps(answer).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_POST = do_GET = _record

        return Handler

    def answer(self, path: str, body: dict[str, Any]) -> Any:
        """What the real service would answer (enough of it for the caller)."""
        if self.name == "telegram":
            return {"ok": True, "result": True if "Webhook" in path else {"message_id": len(self.calls)}}
        if self.name == "twilio":
            if path.split("?")[0].endswith("IncomingPhoneNumbers.json"):
                return {"incoming_phone_numbers": [{"sid": "PN0123456789abcdef0123456789abcdef"}]}
            return {"sid": f"SM{len(self.calls):032d}", "status": "queued"}
        return {"messaging_product": "whatsapp", "messages": [{"id": f"wamid.out{len(self.calls)}"}]}

    def fail_next(self, *statuses: int) -> None:
        with self._changed:
            self._failures.extend(statuses)

    def start(self) -> FakeApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def calls_for(self, predicate: Any) -> list[Call]:
        with self._changed:
            return [c for c in self.calls if predicate(c)]

    def wait_for(self, predicate: Any, count: int = 1, timeout: float = 20.0, settle: float = 0.0) -> list[Call]:
        """The calls matching ``predicate`` once there are ``count`` of them (then ``settle``
        seconds more, to catch any extra call that should not come); [] on timeout."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len([c for c in self.calls if predicate(c)]) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return [c for c in self.calls if predicate(c)]
                self._changed.wait(remaining)
        if settle:
            time.sleep(settle)
        return self.calls_for(predicate)
