"""Talking to the assistant as a patient (REST), reading its tracker and signing in to the console."""

from __future__ import annotations

import os

import requests


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


def log_in(page, name: str | None = None, password: str | None = None, base: str | None = None) -> None:
    page.context.clear_cookies()
    page.goto(f"{base or console_url()}/login")
    page.fill("input[name=name]", name or os.environ["STAFF_NAME"])
    page.fill("input[name=password]", password or os.environ["STAFF_PASSWORD"])
    with page.expect_navigation():
        page.click(".login button[type=submit]")
