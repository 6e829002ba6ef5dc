"""The chat widget in a real browser (Debian's chromium) against the running assistant: what a
patient does with it, by keyboard, on a desktop and on a 360 px phone, with the server restarting.
Screenshots go to results/widget/."""

from __future__ import annotations

import json
from pathlib import Path

from clinic.content import normalize_text, read_content
from clinic.queries import fill
from tests.widget.conftest import RESULTS, ROOT, check_nothing_left_the_machine, new_page
from tests.widget.widget_page import (
    BOT,
    USER,
    WIDGET,
    ask,
    bot_texts,
    focused,
    open_widget_by_keyboard,
    session_id,
    user_texts,
    wait_for_replies,
)

PAGE_TEXT = normalize_text((ROOT / "knowledge" / "source" / "clinic-page.txt").read_text(encoding="utf-8"))
AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def disclaimer() -> str:
    return fill(read_content().messages["disclaimer"])


def test_a_conversation_by_keyboard_with_quick_replies_and_sources(page, servers) -> None:
    open_widget_by_keyboard(page, servers.site)
    assert focused(page)["id"] == "ccw-input", "opening the panel puts the focus in the text box"
    assert page.locator(f"{WIDGET} .intro").is_visible()
    emergency = page.locator(f"{WIDGET} .emergency a")
    assert emergency.get_attribute("href").startswith("tel:")

    first = ask(page, "what are the risks of a nerve transfer?")
    assert disclaimer() in first
    assert "incorrect nerve growth" in first
    assert "Outpatient or Hospital Stay" in ask(page, "how long is the hospital stay?")
    options = ask(page, "what surgery options are there?")
    assert "Static restoration" in options and "Dynamic restoration" in options

    quick = page.locator(f"{WIDGET} .quick-reply")
    titles = quick.all_inner_texts()
    assert "Brow lift" in titles and not any(t.startswith("/") for t in titles)
    page.keyboard.press("Shift+Tab")  # from the text box back to the last quick reply
    assert focused(page)["text"] == titles[-1]
    before = page.locator(BOT).count()
    page.keyboard.press("Enter")
    reply = "\n".join(wait_for_replies(page, before))
    assert user_texts(page)[-1] == titles[-1], "the patient's message shows the button's title"
    assert "brow" in reply.lower()
    assert focused(page)["id"] == "ccw-input", "after a quick reply the focus is back in the text box"
    assert "/" not in "".join(user_texts(page)), "payloads stay hidden"

    summary = page.locator(f"{WIDGET} details.sources summary").first
    summary.focus()
    page.keyboard.press("Enter")
    quotes = page.locator(f"{WIDGET} details.sources[open] blockquote").all_inner_texts()
    assert quotes, "an answer's source opens on request"
    for quote in quotes:
        for excerpt in quote.split(" … "):
            assert normalize_text(excerpt) in PAGE_TEXT, f"not the clinic's page: {excerpt!r}"

    page.keyboard.press("Escape")
    assert page.locator(f"{WIDGET} .panel").is_hidden()
    assert "launcher" in focused(page)["cls"], "Escape gives the focus back to the launcher"


def test_history_survives_reload_and_navigation_but_not_a_new_tab(page, servers, browser, watch) -> None:
    open_widget_by_keyboard(page, servers.site)
    ask(page, "what is synkinesis?")
    history = bot_texts(page)
    session = session_id(page)
    page.reload()
    page.wait_for_selector(f"{WIDGET} .panel:not([hidden])")
    assert bot_texts(page) == history and session_id(page) == session
    page.locator("a", has_text="Contact").first.click()
    page.wait_for_selector(f"{WIDGET} .panel:not([hidden])")
    assert bot_texts(page) == history and session_id(page) == session
    page.locator(f"{WIDGET} textarea").click()  # a reopened panel does not take the focus by itself
    assert "Outpatient or Hospital Stay" in ask(page, "how long is the hospital stay?")
    said = [e.get("text") for e in servers.tracker_events(f"web:{session}") if e.get("event") == "user"]
    assert said == ["what is synkinesis?", "how long is the hospital stay?"], "one conversation across pages"

    other_tab = page.context.new_page()  # same browser, another tab: nothing of this conversation
    other_tab.goto(servers.site)
    other_tab.wait_for_selector(f"{WIDGET} .launcher")
    assert other_tab.locator(f"{WIDGET} .panel").is_hidden()
    assert other_tab.evaluate("() => sessionStorage.getItem('clinic-chat-v1')") is None
    assert other_tab.evaluate("() => localStorage.length") == 0
    other_tab.close()

    page.locator(f"{WIDGET} button", has_text="New conversation").click()
    page.wait_for_function("() => JSON.parse(sessionStorage.getItem('clinic-chat-v1')).session !== null")
    assert session_id(page) != session and bot_texts(page) == []


def test_markup_is_shown_as_text_and_an_oversized_message_kept(page, servers) -> None:
    open_widget_by_keyboard(page, servers.site)
    hostile = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    ask(page, hostile)
    assert user_texts(page)[-1] == hostile
    assert page.locator(f"{WIDGET} img, {WIDGET} script").count() == 0
    assert page.evaluate("() => document.querySelectorAll('img').length") == 0

    sent = page.locator(USER).count()
    page.locator(f"{WIDGET} textarea").fill("why " * 300)  # 1,200 characters, pasted
    page.keyboard.press("Enter")
    assert "1199 characters" in page.locator(f"{WIDGET} .input-note").inner_text()
    assert page.locator(USER).count() == sent, "an oversized message is not sent"
    assert len(page.locator(f"{WIDGET} textarea").input_value()) == 1200, "and it is not thrown away"


def test_offline_it_says_so_and_a_message_typed_then_goes_out_when_back(page, servers) -> None:
    page.goto(servers.site)
    page.context.set_offline(True)  # the patient's network drops before the chat is opened
    open_widget_by_keyboard(page, None)
    page.locator(f"{WIDGET} .status", has_text="Connection lost").wait_for(timeout=10000)
    page.keyboard.type("how long is the hospital stay?")
    page.keyboard.press("Enter")
    page.locator(f"{USER}.pending", has_text="Waiting to send").wait_for(timeout=5000)
    before = page.locator(BOT).count()
    page.context.set_offline(False)
    assert "Outpatient or Hospital Stay" in "\n".join(wait_for_replies(page, before, timeout=30))
    assert page.locator(f"{USER}.pending, {USER}.failed").count() == 0


def test_the_widget_reconnects_after_a_server_restart_and_loses_nothing(page, servers, rasa_process) -> None:
    open_widget_by_keyboard(page, servers.site)
    ask(page, "what is a cross-face nerve graft?")
    session = session_id(page)
    rasa_process.stop()
    status = page.locator(f"{WIDGET} .status")
    status.filter(has_text="Connection lost").wait_for(timeout=15000)
    page.keyboard.type("how long is the recovery?")
    page.keyboard.press("Enter")
    page.locator(f"{USER}.pending", has_text="Waiting to send").wait_for(timeout=5000)
    before = page.locator(BOT).count()
    rasa_process.start()
    reply = "\n".join(wait_for_replies(page, before, timeout=60))
    assert "recovery" in reply.lower(), "the message typed while offline was sent when the server came back"
    assert session_id(page) == session, "the same conversation resumed"
    assert page.locator(f"{USER}.pending, {USER}.failed").count() == 0
    assert "Connection lost" not in status.inner_text()
    assert "Outpatient or Hospital Stay" in ask(page, "how long is the hospital stay?")
    events = servers.tracker_events(f"web:{session}")
    said = [e.get("text") for e in events if e.get("event") == "user"]
    assert said[-2:] == ["how long is the recovery?", "how long is the hospital stay?"]


def run_axe(page) -> list[dict]:
    page.evaluate(AXE.read_text(encoding="utf-8"))  # through the debugging protocol: the page's CSP stays on
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in result["violations"]]


def fill_a_conversation(page, servers) -> list[dict]:
    """Options (with quick replies), then an answer with its sources open; axe's findings with the
    quick replies on screen."""
    open_widget_by_keyboard(page, servers.site)
    ask(page, "what surgery options are there?")
    violations = run_axe(page)
    ask(page, "what are the risks of a nerve transfer?")
    page.locator(f"{WIDGET} details.sources summary").last.click()
    page.locator(f"{WIDGET} details.sources").last.scroll_into_view_if_needed()
    return violations


def test_accessibility_and_screenshots_on_desktop_and_phone(browser, watch, servers) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    desktop = new_page(browser, watch)
    violations = fill_a_conversation(desktop, servers)
    desktop.locator(f"{WIDGET} button", has_text="Talk to the front desk").click()
    violations += run_axe(desktop)
    desktop.screenshot(path=str(RESULTS / "widget-desktop.png"))
    desktop.context.close()

    phone = new_page(browser, watch, width=360, height=740)
    phone_violations = fill_a_conversation(phone, servers)
    phone_violations += run_axe(phone)
    phone.screenshot(path=str(RESULTS / "widget-phone-360.png"))
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    panel = phone.locator(f"{WIDGET} .panel").bounding_box()
    phone.set_viewport_size({"width": 360, "height": 380})  # what an on-screen keyboard leaves
    phone.wait_for_timeout(300)
    box = phone.locator(f"{WIDGET} textarea").bounding_box()
    phone.screenshot(path=str(RESULTS / "widget-phone-360-keyboard.png"))
    phone.context.close()

    (RESULTS / "axe.json").write_text(json.dumps({"desktop": violations, "phone": phone_violations}, indent=1))
    assert violations == [], violations
    assert phone_violations == [], phone_violations
    assert width <= 360, f"sideways scrolling on a 360 px phone ({width} px)"
    assert panel["x"] >= 0 and panel["x"] + panel["width"] <= 360
    assert box["y"] + box["height"] <= 380, "the text box is hidden behind the on-screen keyboard"
    check_nothing_left_the_machine(watch)


def test_the_page_sends_a_strict_content_security_policy(page, servers) -> None:
    response = page.goto(servers.site)
    policy = response.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert Path(AXE).is_file()
