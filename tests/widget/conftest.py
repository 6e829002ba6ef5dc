"""Fixtures of the widget tests: the running assistant and demo page (started by scripts/test.sh with
serve.sh on test ports), Debian's chromium driven by Playwright, and a check after every browser
test that no request left 127.0.0.1 and the Content-Security-Policy refused nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "results" / "widget"


@dataclass(frozen=True)
class Servers:
    site: str  # the demo page, e.g. http://127.0.0.1:5180/
    rasa: str  # e.g. http://127.0.0.1:5105
    token: str  # Rasa's HTTP API token
    run_dir: Path  # where serve.sh keeps its pid files

    def tracker_events(self, sender_id: str) -> list[dict]:
        import json

        url = f"{self.rasa}/conversations/{sender_id}/tracker?token={self.token}"
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response).get("events", [])

    def rasa_is_up(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.rasa}/status?token={self.token}", timeout=2):
                return True
        except OSError:
            return False


@pytest.fixture(scope="session")
def servers() -> Servers:
    needed = ["WIDGET_SITE_URL", "WIDGET_RASA_URL", "RASA_API_TOKEN", "RUN_DIR"]
    missing = [name for name in needed if not os.environ.get(name)]
    if missing:
        pytest.skip(f"the widget tests run inside `make test` (not set: {', '.join(missing)})")
    return Servers(os.environ["WIDGET_SITE_URL"], os.environ["WIDGET_RASA_URL"].rstrip("/"),
                   os.environ["RASA_API_TOKEN"], ROOT / os.environ["RUN_DIR"])


class RasaProcess:
    """Stops the Rasa server serve.sh started and starts it again exactly as it was (same command,
    environment and working directory, read from /proc), keeping serve.sh's pid file right."""

    def __init__(self, servers: Servers) -> None:
        self.servers = servers
        self.pid_file = servers.run_dir / "rasa.pid"
        pid = int(self.pid_file.read_text())
        self.argv = Path(f"/proc/{pid}/cmdline").read_bytes().rstrip(b"\0").split(b"\0")
        environ = Path(f"/proc/{pid}/environ").read_bytes().rstrip(b"\0").split(b"\0")
        self.env = dict(item.decode().split("=", 1) for item in environ if b"=" in item)
        self.cwd = os.readlink(f"/proc/{pid}/cwd")

    def stop(self) -> None:
        pid = int(self.pid_file.read_text())
        os.killpg(pid, signal.SIGTERM)
        for _ in range(100):
            try:
                os.kill(pid, 0)
            except ProcessLookupError:
                return
            time.sleep(0.1)
        os.killpg(pid, signal.SIGKILL)

    def start(self, timeout: float = 180) -> None:
        path = Path(self.cwd) / os.environ.get("LOG_DIR", "var/log") / "rasa-restarted.log"
        # Owner-only, as serve.sh's umask 077 makes every file under var/ (checked by turn_checks).
        log = os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "ab")
        process = subprocess.Popen(self.argv, env=self.env, cwd=self.cwd, stdin=subprocess.DEVNULL, stdout=log,
                                   stderr=subprocess.STDOUT, start_new_session=True, umask=0o077)
        self.pid_file.write_text(f"{process.pid}\n")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.servers.rasa_is_up():
                return
            if process.poll() is not None:
                raise RuntimeError("the Rasa server exited during its restart; see rasa-restarted.log")
            time.sleep(0.5)
        raise TimeoutError("the Rasa server did not come back")


@pytest.fixture
def rasa_process(servers: Servers) -> RasaProcess:
    return RasaProcess(servers)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--no-sandbox"])
        yield browser
        browser.close()


@dataclass
class Watch:
    """What the page did: every request's URL, CSP refusals and script errors, dialogs opened."""

    requests: list[str]
    problems: list[str]
    dialogs: list[str]


@pytest.fixture
def watch() -> Watch:
    return Watch([], [], [])


def new_page(browser, watch: Watch, width: int = 1280, height: int = 800):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    context.on("request", lambda request: watch.requests.append(request.url))
    context.on("console", lambda message: watch.problems.append(message.text)
               if message.type == "error" or "Content Security Policy" in message.text else None)
    page.on("pageerror", lambda error: watch.problems.append(f"script error: {error}"))
    page.on("dialog", lambda dialog: (watch.dialogs.append(dialog.message), dialog.dismiss()))
    return page


@pytest.fixture
def page(browser, watch: Watch, servers: Servers) -> Iterator[object]:
    """A desktop-sized page in a fresh browser context (its own sessionStorage)."""
    page = new_page(browser, watch)
    yield page
    page.context.close()
    check_nothing_left_the_machine(watch)


def check_nothing_left_the_machine(watch: Watch) -> None:
    outside = [url for url in watch.requests
               if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname != "127.0.0.1"]
    assert outside == [], f"requests left 127.0.0.1: {outside}"
    refused = [p for p in watch.problems if "Content Security Policy" in p or "script error" in p]
    assert refused == [], refused
    assert watch.dialogs == [], watch.dialogs
