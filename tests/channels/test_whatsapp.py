"""WhatsApp Cloud API webhooks posted to the running assistant; replies read from the fake Graph
API; the 24-hour window enforced on messages sent through Rasa's HTTP API."""

from __future__ import annotations

import json
import os
import time
import urllib.parse
import uuid

from tests.channels import config
from tests.channels.conftest import http, message, post_whatsapp, rest_turn, squash, tracker, whatsapp_payload
from tests.channels.fake_apis import Call, FakeApi


def new_wa_id() -> str:
    return "1555" + str(uuid.uuid4().int)[:7]


def sent_to(api: FakeApi, wa_id: str, count: int = 1, settle: float = 0.8, timeout: float = 20) -> list[Call]:
    return api.wait_for(lambda c: c.path.endswith("/messages") and c.body.get("to") == wa_id, count,
                        timeout=timeout, settle=settle)


def verify(token: str, challenge: str = "1158201444") -> tuple[int, str]:
    query = urllib.parse.urlencode({"hub.mode": "subscribe", "hub.verify_token": token, "hub.challenge": challenge})
    answer = http("GET", f"/webhooks/whatsapp/webhook?{query}")
    return answer.status, answer.body


def test_the_verification_challenge_is_answered_only_with_the_verify_token() -> None:
    assert verify(config.WHATSAPP_VERIFY_TOKEN) == (200, "1158201444")
    assert verify("wrong-token")[0] == 403
    assert verify("")[0] == 403
    assert verify(config.WHATSAPP_VERIFY_TOKEN, "<script>")[0] == 403


def test_webhooks_without_a_valid_signature_are_refused(graph_api: FakeApi) -> None:
    wa_id = new_wa_id()
    body = whatsapp_payload(wa_id, f"wamid.{uuid.uuid4().hex}", text="what are the risks?")
    assert post_whatsapp(body, signature=None).status == 403
    assert post_whatsapp(body, signature="sha256=" + "0" * 64).status == 403
    tampered = body.replace(b"what are the risks?", b"what are the costs?")
    assert post_whatsapp(tampered, signature=None).status == 403
    assert sent_to(graph_api, wa_id, settle=0, timeout=1.5) == []


def test_a_message_is_answered_through_the_graph_api(graph_api: FakeApi) -> None:
    wa_id, question = new_wa_id(), "how long is the hospital stay?"
    answer = post_whatsapp(whatsapp_payload(wa_id, f"wamid.{uuid.uuid4().hex}", text=question))
    assert answer.status == 200 and answer.seconds < 1.0
    [reply] = sent_to(graph_api, wa_id)
    assert reply.path == f"/v19.0/{config.WHATSAPP_PHONE_NUMBER_ID}/messages"
    assert reply.headers["Authorization"] == f"Bearer {config.WHATSAPP_TOKEN}"
    assert reply.body["type"] == "text" and reply.body["messaging_product"] == "whatsapp"
    text = squash(reply.body["text"]["body"])
    assert text.startswith(squash(message("disclaimer")))
    assert squash(message("messaging.contact")) in text
    for reference in rest_turn(f"reference-{uuid.uuid4().hex}", question):
        assert squash(reference["text"]) in text
    assert [e for e in tracker(f"wa:+{wa_id}")["events"] if e["event"] == "user"]


def test_a_redelivered_message_is_answered_once(graph_api: FakeApi) -> None:
    wa_id = new_wa_id()
    body = whatsapp_payload(wa_id, f"wamid.{uuid.uuid4().hex}", text="what is synkinesis?")
    assert post_whatsapp(body).status == 200
    assert post_whatsapp(body).status == 200
    assert len(sent_to(graph_api, wa_id, count=2, settle=0, timeout=2)) == 1


def test_an_image_gets_the_text_only_reply(graph_api: FakeApi) -> None:
    wa_id = new_wa_id()
    post_whatsapp(whatsapp_payload(wa_id, f"wamid.{uuid.uuid4().hex}", kind="image"))
    [reply] = sent_to(graph_api, wa_id)
    assert squash(message("messaging.media_only")) in squash(reply.body["text"]["body"])


def execute(sender_id: str, action: str) -> tuple[int, str]:
    """What a staff console does: run an action in a conversation, replying on its channel."""
    path = (f"/conversations/{urllib.parse.quote(sender_id, safe=':+')}/execute"
            f"?token={os.environ['RASA_API_TOKEN']}&output_channel=whatsapp")
    answer = http("POST", path, json.dumps({"name": action}).encode(), {"Content-Type": "application/json"})
    return answer.status, answer.body


def add_patient_message(sender_id: str, seconds_ago: float) -> None:
    """A patient message in the conversation's history, as old as the test needs."""
    event = {"event": "user", "text": "hello", "timestamp": time.time() - seconds_ago, "input_channel": "whatsapp",
             "parse_data": {"intent": {"name": "greet", "confidence": 1.0}, "entities": []}}
    conversation = urllib.parse.quote(sender_id, safe=":+")
    path = f"/conversations/{conversation}/tracker/events?token={os.environ['RASA_API_TOKEN']}"
    answer = http("POST", path, json.dumps(event).encode(), {"Content-Type": "application/json"})
    assert answer.status == 200, answer.body


def test_messages_outside_the_24_hour_window_are_refused_with_the_reason(graph_api: FakeApi) -> None:
    quiet = new_wa_id()
    add_patient_message(f"wa:+{quiet}", seconds_ago=25 * 3600)
    status, body = execute(f"wa:+{quiet}", "action_show_menu")
    assert status >= 400 and "24-hour window closed" in body
    assert sent_to(graph_api, quiet, settle=0, timeout=1.5) == []

    recent = new_wa_id()
    add_patient_message(f"wa:+{recent}", seconds_ago=23 * 3600)
    status, body = execute(f"wa:+{recent}", "action_show_menu")
    assert status == 200, body
    menu = sent_to(graph_api, recent, count=2)[-1]
    assert "1. " in menu.body["text"]["body"] and "/ask_" not in menu.body["text"]["body"]
