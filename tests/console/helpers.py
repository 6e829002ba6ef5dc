"""Talking to the assistant as a patient (REST and socket.io) and signing in to the console."""

from __future__ import annotations

import os
import threading
import time

import requests
import socketio


def rasa_url() -> str:
    return os.environ["RASA_URL"]


def console_url() -> str:
    return os.environ["CONSOLE_URL"]


def say(sender: str, text: str) -> list[dict]:
    response = requests.post(f"{rasa_url()}/webhooks/rest/webhook", json={"sender": sender, "message": text},
                             timeout=30)
    response.raise_for_status()
    return response.json()


def tracker(sender: str) -> dict:
    response = requests.get(f"{rasa_url()}/conversations/{sender}/tracker",
                            params={"token": os.environ["RASA_API_TOKEN"]}, timeout=30)
    response.raise_for_status()
    return response.json()


def log_in(page, name: str | None = None, password: str | None = None) -> None:
    page.context.clear_cookies()
    page.goto(f"{console_url()}/login")
    page.fill("input[name=name]", name or os.environ["STAFF_NAME"])
    page.fill("input[name=password]", password or os.environ["STAFF_PASSWORD"])
    with page.expect_navigation():
        page.click(".login button[type=submit]")


class Widget:
    """A patient on the website widget's channel (channels/web.py), speaking its protocol: ask for a
    session, get a server-issued id (the conversation is ``web:<id>``), send, receive ``bot_uttered``."""

    def __init__(self) -> None:
        self.sender_id = ""
        self.replies: list[str] = []
        self._lock = threading.Lock()
        self._confirmed = threading.Event()
        self.client = socketio.Client(reconnection=False)
        self.client.on("bot_uttered", self._received)
        self.client.on("session_confirm", self._confirm)

    def _confirm(self, data: dict) -> None:
        self.sender_id = f"web:{data['session_id']}"
        self._confirmed.set()

    def _received(self, data: dict) -> None:
        with self._lock:
            self.replies.append(str(data.get("text") or ""))

    def __enter__(self) -> Widget:
        self.client.connect(rasa_url(), socketio_path="/socket.io", transports=["polling"])
        self.client.emit("session_request", {})
        if not self._confirmed.wait(20):
            raise RuntimeError("the widget channel issued no session")
        return self

    def __exit__(self, *_exc: object) -> None:
        self.client.disconnect()

    def send(self, text: str) -> None:
        self.client.emit("user_uttered", {"message": text})

    def wait_for(self, predicate, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if any(predicate(reply) for reply in self.replies):
                    return True
            time.sleep(0.2)
        return False

    def count(self) -> int:
        with self._lock:
            return len(self.replies)
