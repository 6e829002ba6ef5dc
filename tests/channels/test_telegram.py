"""Telegram updates posted to the running assistant; replies read from the fake Bot API."""

from __future__ import annotations

import json
import uuid

from tests.channels import config
from tests.channels.conftest import http, message, post_telegram, rest_turn, squash, telegram_update, tracker
from tests.channels.fake_apis import Call, FakeApi


def new_chat() -> int:
    return 10_000_000 + uuid.uuid4().int % 10**9


def replies_to(api: FakeApi, chat: int, count: int = 1, settle: float = 0.8, timeout: float = 20) -> list[Call]:
    """The texts sent to ``chat`` once ``count`` arrived (or ``timeout`` passed), plus any sent
    within ``settle`` seconds after: a reply that should not come has the time to."""
    return api.wait_for(lambda c: c.path.endswith("/sendMessage") and c.body.get("chat_id") == chat, count,
                        timeout=timeout, settle=settle)


def in_order(text: str, parts: list[str]) -> bool:
    """Every part occurs in ``text`` (whitespace aside), each after the one before."""
    text, position = squash(text), 0
    for part in parts:
        found = text.find(squash(part), position)
        if found < 0:
            return False
        position = found + len(squash(part))
    return True


def test_updates_without_the_secret_token_are_refused(telegram_api: FakeApi) -> None:
    chat = new_chat()
    assert post_telegram(telegram_update(chat, "hello"), secret=None).status == 403
    assert post_telegram(telegram_update(chat, "hello"), secret="wrong-secret-token-0000000000").status == 403
    assert post_telegram(telegram_update(chat, "hello"), secret="").status == 403
    assert replies_to(telegram_api, chat, settle=0, timeout=1.5) == []
    assert not [e for e in tracker(f"tg:{chat}")["events"] if e["event"] == "user"]


def test_first_reply_is_disclaimer_then_contact_then_the_answer(telegram_api: FakeApi) -> None:
    chat, question = new_chat(), "how long does the gracilis surgery take?"
    answer = post_telegram(telegram_update(chat, question))
    assert answer.status == 200 and answer.seconds < 1.0
    [reply] = replies_to(telegram_api, chat)
    reference = [m["text"] for m in rest_turn(f"reference-{uuid.uuid4().hex}", question)]
    assert squash(reply.body["text"]).startswith(squash(message("disclaimer")))
    answer_texts = [text for text in reference if squash(text) != squash(message("disclaimer"))]
    assert answer_texts and len(answer_texts) == len(reference) - 1
    assert in_order(reply.body["text"], [message("disclaimer"), message("messaging.contact"), *answer_texts])
    assert "/ask_" not in reply.body["text"]
    assert tracker(f"tg:{chat}")["latest_input_channel"] == "telegram"


def test_buttons_are_numbered_and_a_typed_2_chooses_the_second(telegram_api: FakeApi) -> None:
    chat, reference_sender = new_chat(), f"reference-{uuid.uuid4().hex}"
    post_telegram(telegram_update(chat, "what can you help me with?"))
    [menu] = replies_to(telegram_api, chat)
    buttons = [b for m in rest_turn(reference_sender, "what can you help me with?") for b in m.get("buttons") or []]
    assert len(buttons) >= 3
    for number, button in enumerate(buttons, start=1):
        assert f"{number}. {button['title']}" in menu.body["text"]
        assert button["payload"] not in menu.body["text"]
    keyboard = [row[0] for row in menu.body["reply_markup"]["inline_keyboard"]]
    assert [k["text"] for k in keyboard] == [f"{n}. {b['title']}" for n, b in enumerate(buttons, start=1)]
    assert all(len(k["callback_data"].encode()) <= 64 for k in keyboard)

    post_telegram(telegram_update(chat, "2"))
    [_, chosen] = replies_to(telegram_api, chat, count=2)
    expected = [m["text"] for m in rest_turn(reference_sender, buttons[1]["payload"]) if m.get("text")]
    assert in_order(chosen.body["text"], expected)
    user_texts = [e.get("text") for e in tracker(f"tg:{chat}")["events"] if e["event"] == "user"]
    assert user_texts[-1] == buttons[1]["payload"]


def test_a_keyboard_button_press_chooses_its_option_and_a_forged_one_nothing(telegram_api: FakeApi) -> None:
    chat, reference_sender = new_chat(), f"reference-{uuid.uuid4().hex}"
    post_telegram(telegram_update(chat, "what can you help me with?"))
    [menu] = replies_to(telegram_api, chat)
    third = menu.body["reply_markup"]["inline_keyboard"][2][0]
    buttons = [b for m in rest_turn(reference_sender, "what can you help me with?") for b in m.get("buttons") or []]
    press = {"update_id": uuid.uuid4().int % 2**31, "callback_query": {
        "id": f"cb-{chat}", "from": {"id": chat}, "data": third["callback_data"],
        "message": {"message_id": 1, "chat": {"id": chat, "type": "private"}}}}
    assert post_telegram(press).status == 200
    [_, chosen] = replies_to(telegram_api, chat, count=2)
    expected = [m["text"] for m in rest_turn(reference_sender, buttons[2]["payload"]) if m.get("text")]
    assert in_order(chosen.body["text"], expected)
    assert telegram_api.wait_for(lambda c: c.path.endswith("/answerCallbackQuery")
                                 and c.body.get("callback_query_id") == f"cb-{chat}")

    forged = {**press, "update_id": press["update_id"] + 1,
              "callback_query": {**press["callback_query"], "data": "o:" + "0" * 24}}
    assert post_telegram(forged).status == 200
    assert len(replies_to(telegram_api, chat, count=3, settle=0, timeout=2)) == 2


def test_a_redelivered_update_is_answered_once(telegram_api: FakeApi) -> None:
    chat = new_chat()
    update = telegram_update(chat, "what is synkinesis?")
    assert post_telegram(update).status == 200
    assert post_telegram(update).status == 200
    assert len(replies_to(telegram_api, chat, count=2, settle=0, timeout=2)) == 1
    assert len([e for e in tracker(f"tg:{chat}")["events"] if e["event"] == "user"]) == 1


def test_a_photo_without_text_gets_the_text_only_reply(telegram_api: FakeApi) -> None:
    chat = new_chat()
    post_telegram(telegram_update(chat, None, photo=[{"file_id": "abc", "width": 90, "height": 90}]))
    [reply] = replies_to(telegram_api, chat)
    assert in_order(reply.body["text"], [message("disclaimer"), message("messaging.media_only")])


def test_a_failing_bot_api_is_retried_without_holding_the_webhook(telegram_api: FakeApi) -> None:
    chat = new_chat()
    telegram_api.fail_next(502, 429)
    answer = post_telegram(telegram_update(chat, "is the surgery painful?"))
    assert answer.status == 200 and answer.seconds < 1.0
    [reply] = replies_to(telegram_api, chat)
    assert squash(message("disclaimer")) in squash(reply.body["text"])


def test_help_command(telegram_api: FakeApi) -> None:
    chat = new_chat()
    post_telegram(telegram_update(chat, "/help"))
    [reply] = replies_to(telegram_api, chat)
    assert reply.body["text"] == message("messaging.help")


def test_malformed_oversized_and_huge_updates(telegram_api: FakeApi) -> None:
    headers = {"Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": config.TELEGRAM_SECRET}
    assert http("POST", "/webhooks/telegram/webhook", b"{not json", headers).status == 400
    assert http("POST", "/webhooks/telegram/webhook", b"[1, 2]", headers).status == 200  # nothing to answer
    oversized = json.dumps(telegram_update(new_chat(), "a" * 300_000)).encode()
    assert http("POST", "/webhooks/telegram/webhook", oversized, headers).status == 413
    chat = new_chat()
    answer = post_telegram(telegram_update(chat, "what are the risks? " * 5000))
    assert answer.status == 200 and answer.seconds < 1.0
    [reply] = replies_to(telegram_api, chat)
    assert len(reply.body["text"]) <= 4096
    stored = [e["text"] for e in tracker(f"tg:{chat}")["events"] if e["event"] == "user"]
    assert len(stored[0]) <= 4096
