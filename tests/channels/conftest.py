"""Real-shaped platform traffic against a running assistant (started by scripts/test.sh with the
credentials of ``tests/channels/config.py``), with fake platform APIs on 127.0.0.1 capturing
the replies. Run by ``make test``; on its own:

    eval "$(python -m tests.channels.config env)"; python -m clinic.channels credentials --out var/c.yml
    CREDENTIALS=var/c.yml RASA_PORT=5105 scripts/serve.sh --background
    RASA_API_TOKEN=... python -m pytest tests/channels
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from twilio.request_validator import RequestValidator

from clinic.content import read_content
from clinic.queries import fill
from tests.channels import config
from tests.channels.fake_apis import FakeApi


@dataclass
class Answer:
    status: int
    body: str
    seconds: float


def http(method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> Answer:
    request = urllib.request.Request(config.RASA_URL + path, data=body, headers=headers or {}, method=method)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Answer(response.status, response.read().decode("utf-8"), time.monotonic() - started)
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.read().decode("utf-8"), time.monotonic() - started)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def message(key: str) -> str:
    """A text of knowledge/messages.yml as the assistant fills it (same .env as the server)."""
    return fill(read_content().messages[key])


def rest_turn(sender: str, text: str) -> list[dict[str, Any]]:
    """The same message through the REST channel: the reference the messaging channels must match."""
    answer = http("POST", "/webhooks/rest/webhook", json.dumps({"sender": sender, "message": text}).encode(),
                  {"Content-Type": "application/json"})
    assert answer.status == 200, answer.body
    return json.loads(answer.body)


def tracker(sender_id: str) -> dict[str, Any]:
    token = os.environ["RASA_API_TOKEN"]
    answer = http("GET", f"/conversations/{urllib.parse.quote(sender_id, safe=':+')}/tracker?token={token}")
    assert answer.status == 200, answer.body
    return json.loads(answer.body)


def new_phone() -> str:
    return "+1555" + str(uuid.uuid4().int)[:7]


def telegram_update(chat_id: int, text: str | None = None, update_id: int | None = None, **fields: Any) -> dict:
    update_id = update_id if update_id is not None else uuid.uuid4().int % 2**31
    body: dict[str, Any] = {"message_id": update_id, "date": int(time.time()), "from": {"id": chat_id, "is_bot": False},
                            "chat": {"id": chat_id, "type": "private"}, **fields}
    if text is not None:
        body["text"] = text
    return {"update_id": update_id, "message": body}


def post_telegram(update: dict, secret: str | None = config.TELEGRAM_SECRET) -> Answer:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    return http("POST", "/webhooks/telegram/webhook", json.dumps(update).encode(), headers)


def twilio_form(sender: str, body: str, sid: str | None = None, **fields: str) -> dict[str, str]:
    return {"MessageSid": sid or "SM" + uuid.uuid4().hex, "AccountSid": config.TWILIO_SID, "From": sender,
            "To": config.TWILIO_NUMBER, "Body": body, "NumMedia": "0", **fields}


def post_twilio(form: dict[str, str], signature: str | None = "valid", url: str = config.TWILIO_WEBHOOK_URL) -> Answer:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature == "valid":
        headers["X-Twilio-Signature"] = RequestValidator(config.TWILIO_TOKEN).compute_signature(url, form)
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature
    return http("POST", "/webhooks/twilio/webhook", urllib.parse.urlencode(form).encode(), headers)


def whatsapp_payload(wa_id: str, message_id: str, kind: str = "text", text: str = "") -> bytes:
    message: dict[str, Any] = {"from": wa_id, "id": message_id, "timestamp": str(int(time.time())), "type": kind}
    message[kind] = {"body": text} if kind == "text" else {"id": "media-1", "mime_type": "image/jpeg"}
    value = {"messaging_product": "whatsapp", "metadata": {"display_phone_number": "15550100997",
                                                           "phone_number_id": config.WHATSAPP_PHONE_NUMBER_ID},
             "contacts": [{"profile": {"name": "Patient"}, "wa_id": wa_id}], "messages": [message]}
    payload = {"object": "whatsapp_business_account",
               "entry": [{"id": "1020304050", "changes": [{"field": "messages", "value": value}]}]}
    return json.dumps(payload).encode()


def post_whatsapp(body: bytes, signature: str | None = "valid") -> Answer:
    headers = {"Content-Type": "application/json"}
    if signature == "valid":
        digest = hmac.new(config.WHATSAPP_APP_SECRET.encode(), body, hashlib.sha256).hexdigest()
        headers["X-Hub-Signature-256"] = f"sha256={digest}"
    elif signature is not None:
        headers["X-Hub-Signature-256"] = signature
    return http("POST", "/webhooks/whatsapp/webhook", body, headers)


@pytest.fixture(scope="session", autouse=True)
def running_assistant() -> None:
    answer = None
    with contextlib.suppress(OSError):
        answer = http("GET", "/webhooks/telegram/")
    if answer is None or answer.status != 200:
        pytest.fail(f"no assistant with the test channels at {config.RASA_URL}: run through scripts/test.sh "
                    "(see this file's docstring)", pytrace=False)


@pytest.fixture(scope="session")
def telegram_api() -> Iterator[FakeApi]:
    api = FakeApi("telegram", config.TELEGRAM_PORT).start()
    yield api
    api.stop()


@pytest.fixture(scope="session")
def twilio_api() -> Iterator[FakeApi]:
    api = FakeApi("twilio", config.TWILIO_PORT).start()
    yield api
    api.stop()


@pytest.fixture(scope="session")
def graph_api() -> Iterator[FakeApi]:
    api = FakeApi("graph", config.GRAPH_PORT).start()
    yield api
    api.stop()
