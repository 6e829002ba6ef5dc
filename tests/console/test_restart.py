"""A restart of every server keeps conversations, flags, notes and callbacks (runs last)."""

from __future__ import annotations

import os
import subprocess
import uuid

from tests.console.helpers import console_url, log_in, say


def restart_servers() -> None:
    subprocess.run(["scripts/serve.sh", "--stop"], check=True)
    subprocess.run(["scripts/serve.sh", "--background"], check=True, stdout=subprocess.DEVNULL, env=os.environ)


def test_conversations_survive_a_restart(page) -> None:
    sender = f"restart-{uuid.uuid4().hex[:8]}"
    say(sender, "what is a nerve transfer?")
    say(sender, "blorp zzzk wibble")
    log_in(page)
    page.goto(f"{console_url()}/conversations/{sender}")
    page.fill("textarea[aria-label=note]", "note before the restart")
    with page.expect_navigation():
        page.click("text=Add note")
    restart_servers()
    # The assistant still knows the conversation: a follow-up by pronoun is answered for the procedure.
    replies = say(sender, "and what are the risks of it?")
    assert any("nerve" in (r.get("text") or "").lower() for r in replies), replies
    log_in(page)
    page.goto(f"{console_url()}/conversations/{sender}")
    assert page.locator(".transcript").count() == 1, (page.url, page.inner_text("body")[:500])
    text = page.inner_text(".transcript")
    assert "what is a nerve transfer?" in text and "note before the restart" in text
    assert "unanswered" in page.inner_text(".meta")
    page.goto(f"{console_url()}/callbacks?status=done")
    assert page.locator("tr[data-callback]").count() >= 1  # the callback marked done before the restart
