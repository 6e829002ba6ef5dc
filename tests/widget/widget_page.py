"""Driving the widget as a patient does: keyboard first, waiting for replies the way a person would
(until the assistant stops typing), reading what the panel shows."""

from __future__ import annotations

import json
import time

WIDGET = "clinic-chat"
BOT = f"{WIDGET} .message.bot"
USER = f"{WIDGET} .message.user"


def focused(page) -> dict:
    """What has the keyboard focus, looking into the widget's shadow root."""
    return page.evaluate("""() => {
        let node = document.activeElement;
        while (node && node.shadowRoot && node.shadowRoot.activeElement) node = node.shadowRoot.activeElement;
        return node ? {tag: node.tagName.toLowerCase(), id: node.id, text: (node.textContent || '').trim(),
                       label: node.getAttribute('aria-label') || '', cls: node.className || ''} : {};
    }""")


def tab_to_launcher(page, limit: int = 15) -> int:
    """Presses Tab until the launcher has the focus; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if "launcher" in str(focused(page).get("cls")):
            return presses
    raise AssertionError("the launcher cannot be reached with the Tab key")


def bot_texts(page) -> list[str]:
    return page.locator(f"{BOT} > p").all_inner_texts()


def user_texts(page) -> list[str]:
    return page.locator(f"{USER} > p").all_inner_texts()


def wait_for_replies(page, before: int, timeout: float = 30.0, quiet: float = 1.0) -> list[str]:
    """The bot messages after the first ``before``, once they stop coming."""
    deadline = time.monotonic() + timeout
    count, since = before, time.monotonic()
    while time.monotonic() < deadline:
        now = page.locator(BOT).count()
        if now != count:
            count, since = now, time.monotonic()
        elif count > before and time.monotonic() - since >= quiet:
            return bot_texts(page)[before:]
        page.wait_for_timeout(100)
    raise AssertionError(f"no reply within {timeout} s")


def ask(page, text: str, timeout: float = 30.0) -> str:
    """Types a question in the text box (which must have the focus), sends it with Enter, returns the reply."""
    before = page.locator(BOT).count()
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    return "\n".join(wait_for_replies(page, before, timeout))


def open_widget_by_keyboard(page, url: str | None) -> None:
    """Loads ``url`` (None: the page already loaded) and opens the widget with Tab and Enter."""
    if url:
        page.goto(url)
    page.wait_for_selector(f"{WIDGET} .launcher")
    tab_to_launcher(page)
    page.keyboard.press("Enter")
    page.wait_for_selector(f"{WIDGET} .panel:not([hidden])")


def session_id(page) -> str | None:
    stored = page.evaluate("() => sessionStorage.getItem('clinic-chat-v1')")
    return ((json.loads(stored) if stored else {}).get("session") or {}).get("id")
