"""The console's settings, from the environment and ``.env`` (real environment variables win)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from dotenv import load_dotenv

from clinic.settings import ROOT, get_settings


def _env(name: str, default: str) -> str:
    return os.environ.get(name, "").strip() or default


@dataclass(frozen=True)
class ConsoleSettings:
    """Where the console listens, what it reads and how it reaches Rasa."""

    host: str
    port: int
    database_url: str  # the front desk's tables and the red-flag log
    tracker_store_url: str  # Rasa's events table, read-only
    rasa_url: str
    rasa_token: str
    action_server_url: str
    session_hours: float
    secure_cookies: bool
    login_max_failures: int
    login_window_minutes: int
    refresh_seconds: int
    retention_days: int  # 0: keep everything


def _rasa_token() -> str:
    token = _env("RASA_API_TOKEN", "")
    if token:
        return token
    path = Path(ROOT / "var" / "api_token")
    return path.read_text(encoding="utf-8").strip() if path.exists() else ""


def console_settings() -> ConsoleSettings:
    load_dotenv(ROOT / ".env", override=False)
    database_url = get_settings().database_url
    rasa_port = _env("RASA_PORT", "5005")
    action_port = _env("ACTION_PORT", "5055")
    return ConsoleSettings(
        host=_env("CONSOLE_HOST", "127.0.0.1"),
        port=int(_env("CONSOLE_PORT", "8081")),
        database_url=database_url,
        tracker_store_url=_env("TRACKER_STORE_URL", database_url),
        rasa_url=_env("RASA_URL", f"http://127.0.0.1:{rasa_port}"),
        rasa_token=_rasa_token(),
        action_server_url=_env("ACTION_SERVER_URL", f"http://127.0.0.1:{action_port}/webhook"),
        session_hours=float(_env("CONSOLE_SESSION_HOURS", "8")),
        secure_cookies=_env("CONSOLE_SECURE_COOKIES", "0") == "1",
        login_max_failures=int(_env("CONSOLE_LOGIN_MAX_FAILURES", "5")),
        login_window_minutes=int(_env("CONSOLE_LOGIN_WINDOW_MINUTES", "15")),
        refresh_seconds=int(_env("CONSOLE_REFRESH_SECONDS", "10")),
        retention_days=int(_env("RETENTION_DAYS", "0")),
    )
