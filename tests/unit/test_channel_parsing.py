"""What each channel reads from its platform's requests, its limits, and how it is configured."""

from __future__ import annotations

from pathlib import Path

import pytest
from sanic.request import RequestParameters

from actions.formatting import intent_payload, procedure_button, topic_button
from channels.medium import Chunk, Option, sms_keyword
from channels.set_webhook import main as set_webhook
from channels.telegram import TelegramChannel, keyboard, parse_update
from channels.twilio_sms import TwilioChannel, parse_message, sender_id_of
from channels.whatsapp import WhatsAppChannel, parse_messages
from clinic.channels import CHANNELS, ChannelConfigError, channel_credentials
from clinic.content import validated_content
from clinic.queries import KnowledgeBase
from tests.channels.fake_apis import FakeApi


def telegram_message(**fields) -> dict:
    return {"update_id": 10, "message": {"message_id": 1, "date": 0, "chat": {"id": 42, "type": "private"}, **fields}}


def test_telegram_text_photo_and_commands() -> None:
    inbound, _ = parse_update(telegram_message(text="how long is recovery?"))
    assert (inbound.sender_id, inbound.message_id, inbound.text) == ("tg:42", "update:10", "how long is recovery?")
    photo, _ = parse_update(telegram_message(photo=[{"file_id": "x"}]))
    assert photo.has_media and photo.text == ""
    assert parse_update(telegram_message(text="/start"))[0].text == "hello"
    assert parse_update(telegram_message(text="/help"))[0].keyword == "help"


def test_telegram_ignores_groups_edits_and_malformed_updates() -> None:
    group = {"update_id": 1, "message": {"chat": {"id": -5, "type": "group"}, "text": "hi"}}
    assert parse_update(group) == (None, None)
    assert parse_update({"update_id": 2, "edited_message": {"chat": {"id": 1, "type": "private"}}}) == (None, None)
    assert parse_update({"update_id": "3", "message": {}}) == (None, None)
    assert parse_update({"message": {"text": "no update id"}}) == (None, None)
    pinned = telegram_message(pinned_message={"message_id": 3})
    assert parse_update(pinned) == (None, None)


def test_telegram_button_press_carries_its_token_and_is_acknowledged() -> None:
    update = {"update_id": 11, "callback_query": {"id": "cb1", "data": "o:abc",
                                                  "message": {"chat": {"id": 42, "type": "private"}}}}
    inbound, callback_id = parse_update(update)
    assert inbound.option_token == "abc" and callback_id == "cb1" and inbound.sender_id == "tg:42"


def test_every_button_the_assistant_can_offer_fits_telegrams_callback_data(sqlite_kb: KnowledgeBase) -> None:
    procedures = validated_content().procedures
    buttons = [procedure_button(sqlite_kb.procedure(p["id"]), sqlite_kb) for p in procedures]
    buttons += [topic_button(t, p["id"]) for t in sqlite_kb.topics() for p in procedures]
    buttons.append(topic_button(sqlite_kb.topics()[0]))
    longest = max((b.payload for b in buttons), key=lambda p: len(p.encode("utf-8")))
    assert len(longest.encode("utf-8")) > 40, "the test should cover long payloads"
    options = [Option(b.title, b.payload) for b in buttons] + [Option("x", intent_payload("something_else"))]
    markup = keyboard(Chunk("text", options))
    data = [button["callback_data"] for row in markup["inline_keyboard"] for button in row]
    assert all(len(d.encode("utf-8")) <= 64 for d in data)
    assert len(data) <= 100 and all(len(row) == 1 for row in markup["inline_keyboard"])


def test_twilio_sender_ids_carry_the_medium() -> None:
    assert sender_id_of("+15551234567") == "sms:+15551234567"
    assert sender_id_of("whatsapp:+15551234567") == "wa:+15551234567"
    assert sender_id_of("15551234567") is None
    assert sender_id_of("sms:+15551234567") is None
    assert sender_id_of("+1555<script>") is None


def form(**fields: str) -> RequestParameters:
    return RequestParameters({key: [value] for key, value in fields.items()})


def test_twilio_messages_keywords_and_media() -> None:
    inbound = parse_message(form(From="+15551234567", MessageSid="SM123", Body="Risks?", NumMedia="0"))
    assert (inbound.sender_id, inbound.text, inbound.keyword, inbound.has_media) == ("sms:+15551234567", "Risks?",
                                                                                      None, False)
    assert parse_message(form(From="+15551234567", MessageSid="SM124", Body="Stop")).keyword == "stop"
    assert parse_message(form(From="+15551234567", MessageSid="SM125", Body="x", OptOutType="HELP")).keyword == "help"
    assert parse_message(form(From="whatsapp:+15551234567", MessageSid="SM126", Body="stop")).keyword is None
    assert parse_message(form(From="+15551234567", MessageSid="MM127", Body="", NumMedia="2")).has_media
    assert parse_message(form(From="+15551234567", MessageSid="bad id", Body="hi")) is None
    delivery_status = form(From="+15550100999", MessageSid="SM128", MessageStatus="delivered", To="+15551234567")
    assert parse_message(delivery_status) is None
    assert parse_message(form(From="+15551234567", MessageSid="SM129", Body="hi", SmsStatus="received")) is not None


@pytest.mark.parametrize("text, keyword", [("STOP", "stop"), ("unsubscribe.", "stop"), ("Start", "start"),
                                           ("HELP", "help"), ("help me understand the risks", None), ("yes", None)])
def test_sms_keywords(text: str, keyword: str | None) -> None:
    assert sms_keyword(text) == keyword


def whatsapp_payload(phone_number_id: str = "123", **message) -> dict:
    return {"object": "whatsapp_business_account", "entry": [{"changes": [{"field": "messages", "value": {
        "metadata": {"phone_number_id": phone_number_id}, "messages": [message],
        "statuses": [{"id": "wamid.status", "status": "read"}]}}]}]}


def test_whatsapp_messages_to_the_clinics_number_only() -> None:
    text = whatsapp_payload(**{"from": "15551234567", "id": "wamid.1", "type": "text", "text": {"body": "hi"}})
    [inbound] = parse_messages(text, "123")
    assert (inbound.sender_id, inbound.message_id, inbound.text) == ("wa:+15551234567", "wamid.1", "hi")
    assert list(parse_messages(text, "999")) == []
    image = whatsapp_payload(**{"from": "15551234567", "id": "wamid.2", "type": "image", "image": {"id": "m"}})
    assert next(parse_messages(image, "123")).has_media
    reaction = whatsapp_payload(**{"from": "15551234567", "id": "wamid.3", "type": "reaction"})
    assert list(parse_messages(reaction, "123")) == []
    assert list(parse_messages({"object": "page"}, "123")) == []


ALL_SET = {variable: "value-0123456789abcdef" for spec in CHANNELS.values() for variable in spec.required.values()}


def test_credentials_name_the_clinics_channel_classes() -> None:
    credentials = channel_credentials(ALL_SET)
    for spec in CHANNELS.values():
        assert credentials[spec.class_path].keys() >= spec.required.keys()
    assert "rasa_side.rest.GuardedRestInput" in credentials and "channels.web.ClinicWebInput" in credentials
    assert "telegram" not in credentials and "twilio" not in credentials  # Rasa's own, unchecked ones


def test_no_messaging_variables_means_no_messaging_channels() -> None:
    assert set(channel_credentials({})) == {"rasa_side.rest.GuardedRestInput", "channels.web.ClinicWebInput"}


def test_a_channel_without_its_secret_is_refused() -> None:
    half = {k: v for k, v in ALL_SET.items() if k not in {"TWILIO_AUTH_TOKEN", "TELEGRAM_WEBHOOK_SECRET"}}
    with pytest.raises(ChannelConfigError, match="TWILIO_AUTH_TOKEN") as error:
        channel_credentials(half)
    assert "TELEGRAM_WEBHOOK_SECRET" in str(error.value)


@pytest.mark.parametrize("channel, credentials", [
    (TelegramChannel, {"access_token": "t", "webhook_secret": "short"}),
    (TelegramChannel, {"access_token": "", "webhook_secret": "a-long-enough-secret-token"}),
    (TwilioChannel, {"account_sid": "AC1", "auth_token": "", "number": "+1555", "webhook_url": "https://x"}),
    (WhatsAppChannel, {"access_token": "t", "phone_number_id": "1", "app_secret": "", "verify_token": "v"}),
])
def test_channels_refuse_to_start_without_their_secrets(channel, credentials: dict) -> None:
    with pytest.raises(ValueError):
        channel.from_credentials(credentials)


def test_set_webhook_registers_telegram_with_the_secret(tmp_path: Path) -> None:
    api = FakeApi("telegram", 0).start()
    try:
        environ = {"TELEGRAM_ACCESS_TOKEN": "1:tok", "TELEGRAM_WEBHOOK_URL": "https://clinic.example/webhooks/telegram/webhook",
                   "TELEGRAM_WEBHOOK_SECRET": "s3cret-token-0123456789", "TELEGRAM_API_URL": api.url}
        assert set_webhook(["telegram"], environ, tmp_path / "no.env") == 0
        [call] = api.calls
        assert call.path == "/bot1:tok/setWebhook"
        assert call.body["url"] == environ["TELEGRAM_WEBHOOK_URL"]
        assert call.body["secret_token"] == environ["TELEGRAM_WEBHOOK_SECRET"]
        assert set_webhook(["telegram"], {"TELEGRAM_ACCESS_TOKEN": "1:tok"}, tmp_path / "no.env") == 1
    finally:
        api.stop()


def test_set_webhook_points_the_twilio_number_at_the_webhook(tmp_path: Path) -> None:
    api = FakeApi("twilio", 0).start()
    try:
        environ = {"TWILIO_ACCOUNT_SID": "AC1", "TWILIO_AUTH_TOKEN": "tok", "TWILIO_NUMBER": "+15550100999",
                   "TWILIO_WEBHOOK_URL": "https://clinic.example/webhooks/twilio/webhook", "TWILIO_API_URL": api.url}
        assert set_webhook(["twilio"], environ, tmp_path / "no.env") == 0
        lookup, update = api.calls
        assert lookup.body == {"PhoneNumber": "+15550100999"}
        assert update.body == {"SmsUrl": environ["TWILIO_WEBHOOK_URL"], "SmsMethod": "POST"}
        assert update.headers["Authorization"].startswith("Basic ")
    finally:
        api.stop()


def test_what_the_bot_offered_is_read_from_the_tracker() -> None:
    from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker

    from channels.history import read_conversation

    old = [{"title": "Old", "payload": "/ask_old"}]
    menu = [{"title": "Risks", "payload": "/ask_risks"}, {"title": "Recovery", "payload": "/ask_recovery"}]
    events = [SessionStarted(), ActionExecuted("action_listen"), UserUttered("hi"),
              BotUttered("Earlier", data={"buttons": old}), ActionExecuted("action_listen"),
              UserUttered("menu"), BotUttered("Pick one", data={"buttons": menu}), BotUttered("Or type a question.")]
    conversation = read_conversation(DialogueStateTracker.from_events("tg:1", events))
    assert [m.text for m in conversation.last_turn] == ["Pick one", "Or type a question."]
    assert sorted(o.payload for o in conversation.offered) == ["/ask_old", "/ask_recovery", "/ask_risks"]
    assert conversation.bot_spoke_this_session
    new_session = read_conversation(DialogueStateTracker.from_events("tg:1", [*events, SessionStarted()]))
    assert not new_session.bot_spoke_this_session and not new_session.offered
    assert read_conversation(None).last_turn == ()
