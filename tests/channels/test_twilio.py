"""Twilio webhooks (SMS, and WhatsApp through Twilio) posted to the running assistant; replies read
from the fake Twilio REST API."""

from __future__ import annotations

import json
import os
import re
import uuid
from pathlib import Path

from clinic.content import read_content
from clinic.queries import fill
from tests.channels import config
from tests.channels.conftest import http, message, new_phone, post_twilio, rest_turn, squash, tracker, twilio_form
from tests.channels.fake_apis import Call, FakeApi

URGENT = "my face suddenly dropped on one side an hour ago and my arm feels weak"


def texts_to(api: FakeApi, to: str, count: int = 1, settle: float = 1.0, timeout: float = 20) -> list[Call]:
    return api.wait_for(lambda c: c.path.endswith("/Messages.json") and c.body.get("To") == to, count,
                        timeout=timeout, settle=settle)


def test_requests_without_a_valid_signature_are_refused(twilio_api: FakeApi) -> None:
    phone = new_phone()
    form = twilio_form(phone, "what are the risks?")
    assert post_twilio(form, signature=None).status == 403
    assert post_twilio(form, signature="bm90IGEgc2lnbmF0dXJl").status == 403
    assert post_twilio(form, url="https://attacker.example/webhooks/twilio/webhook").status == 403
    other_account = {**form, "AccountSid": "AC" + "9" * 32}
    assert post_twilio(other_account).status == 403
    assert texts_to(twilio_api, phone, settle=0, timeout=1.5) == []
    assert not [e for e in tracker(f"sms:{phone}")["events"] if e["event"] == "user"]


def test_an_sms_is_answered_with_the_disclaimer_first(twilio_api: FakeApi) -> None:
    phone = new_phone()
    answer = post_twilio(twilio_form(phone, "how long is the hospital stay?"))
    assert answer.status == 200 and answer.seconds < 1.0 and "<Response>" in answer.body
    replies = texts_to(twilio_api, phone)
    assert all(r.body["From"] == config.TWILIO_NUMBER for r in replies)
    assert squash(replies[0].body["Body"]).startswith(squash(message("disclaimer")))
    whole = squash(" ".join(r.body["Body"] for r in replies))
    assert squash(message("messaging.contact_sms")) in whole
    for reference in rest_turn(f"reference-{uuid.uuid4().hex}", "how long is the hospital stay?"):
        assert squash(reference["text"]) in whole


def test_a_long_answer_is_split_at_sentence_boundaries(twilio_api: FakeApi) -> None:
    phone, question = new_phone(), "what are the risks of facial reanimation surgery?"
    reference = [m["text"] for m in rest_turn(f"reference-{uuid.uuid4().hex}", question)]
    assert max(len(t) for t in reference) > config.SMS_MAX_CHARS, "the test needs an answer over the limit"
    post_twilio(twilio_form(phone, question))
    bodies = [r.body["Body"] for r in texts_to(twilio_api, phone, count=3)]
    assert len(bodies) >= 3 and all(len(b) <= config.SMS_MAX_CHARS for b in bodies)
    full = "\n\n".join([*reference[:1], message("messaging.contact_sms"), *reference[1:]])
    assert squash(" ".join(bodies)) == squash(full)
    for body in bodies[:-1]:
        ends_a_line = re.search(re.escape(body.splitlines()[-1]) + r"\n", full)
        assert body.rstrip()[-1] in ".!?:" or ends_a_line, f"cut inside a sentence: {body[-60:]!r}"


def test_urgent_advice_comes_first(twilio_api: FakeApi) -> None:
    phone = new_phone()
    reference = rest_turn(f"reference-{uuid.uuid4().hex}", URGENT)
    urgent_texts = {squash(fill(t)) for k, t in read_content().messages.items() if k.startswith("red_flag.")}
    assert squash(reference[0]["text"]) in urgent_texts, "the test message should be urgent"
    post_twilio(twilio_form(phone, URGENT))
    first = texts_to(twilio_api, phone)[0].body["Body"]
    assert squash(first).startswith(squash(reference[0]["text"]))
    whole = squash(" ".join(r.body["Body"] for r in texts_to(twilio_api, phone, settle=0)))
    assert whole.index(squash(reference[0]["text"])) < whole.index(squash(message("disclaimer")))


def test_stop_gets_no_reply_help_names_the_clinic_start_resumes(twilio_api: FakeApi) -> None:
    phone = new_phone()
    post_twilio(twilio_form(phone, "STOP"))
    assert texts_to(twilio_api, phone, settle=0, timeout=2) == []
    post_twilio(twilio_form(phone, "what is synkinesis?"))
    assert texts_to(twilio_api, phone, settle=0, timeout=2) == []
    post_twilio(twilio_form(phone, "help"))
    [help_text] = texts_to(twilio_api, phone)
    assert help_text.body["Body"] == message("messaging.help")
    settings_name = fill("{clinic_name}")
    assert settings_name in help_text.body["Body"] and fill("{front_desk}") in help_text.body["Body"]
    post_twilio(twilio_form(phone, "START"))
    assert texts_to(twilio_api, phone, count=2)[-1].body["Body"] == message("messaging.start")
    post_twilio(twilio_form(phone, "what is synkinesis?"))
    assert len(texts_to(twilio_api, phone, count=3)) >= 3


def test_a_picture_without_text_gets_the_text_only_reply(twilio_api: FakeApi) -> None:
    phone = new_phone()
    form = twilio_form(phone, "", sid="MM" + uuid.uuid4().hex, NumMedia="1", MediaContentType0="image/jpeg",
                       MediaUrl0="https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1")
    assert post_twilio(form).status == 200
    whole = squash(" ".join(r.body["Body"] for r in texts_to(twilio_api, phone)))
    assert squash(message("messaging.media_only")) in whole


def test_a_redelivered_message_sid_is_answered_once(twilio_api: FakeApi) -> None:
    phone = new_phone()
    form = twilio_form(phone, "Is facial reanimation surgery painful?")
    assert post_twilio(form).status == 200
    assert post_twilio(form).status == 200
    bodies = [r.body["Body"] for r in texts_to(twilio_api, phone, count=20, timeout=3, settle=0)]
    assert sum(squash(message("disclaimer")) in squash(b) for b in bodies) == 1
    assert len([e for e in tracker(f"sms:{phone}")["events"] if e["event"] == "user"]) == 1


def test_whatsapp_through_twilio_has_its_own_conversation(twilio_api: FakeApi) -> None:
    phone = new_phone()
    clinic = f"whatsapp:{config.TWILIO_WHATSAPP_NUMBER}"
    post_twilio(twilio_form(f"whatsapp:{phone}", "how long is recovery?", To=clinic))
    replies = texts_to(twilio_api, f"whatsapp:{phone}")
    assert replies and all(r.body["From"] == clinic for r in replies)
    assert "STOP" not in " ".join(r.body["Body"] for r in replies)  # carriers' keywords are SMS only
    assert [e for e in tracker(f"wa:{phone}")["events"] if e["event"] == "user"]
    assert not [e for e in tracker(f"sms:{phone}")["events"] if e["event"] == "user"]
    assert not [e for e in tracker(phone)["events"] if e["event"] == "user"]


def test_phone_numbers_are_not_written_to_the_logs(twilio_api: FakeApi) -> None:
    phone = new_phone()
    post_twilio(twilio_form(phone, "hello"))
    assert texts_to(twilio_api, phone)
    log_dir = Path(os.environ.get("LOG_DIR", "var/log/e2e"))
    logs = [p for p in log_dir.glob("*.log") if p.stat().st_size]
    assert logs, f"no logs in {log_dir}"
    for log_file in logs:
        assert phone.lstrip("+") not in log_file.read_text(encoding="utf-8", errors="replace")


def test_a_messaging_sender_id_cannot_be_used_through_the_rest_channel(twilio_api: FakeApi) -> None:
    phone = new_phone()
    post_twilio(twilio_form(phone, "what are the risks?"))
    assert texts_to(twilio_api, phone)
    for forged in (f"sms:{phone}", f" SMS:{phone}", f"wa:{phone}", "tg:12345"):
        body = json.dumps({"sender": forged, "message": "what did I say?"}).encode()
        answer = http("POST", "/webhooks/rest/webhook", body, {"Content-Type": "application/json"})
        assert answer.status == 403, forged
    user_texts = [e["text"] for e in tracker(f"sms:{phone}")["events"] if e["event"] == "user"]
    assert user_texts == ["what are the risks?"]
