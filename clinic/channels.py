"""Which messaging channels to switch on, decided by ``.env``.

REST (tests, curl) and socket.io (the website widget) are always on. Telegram and Twilio need
secrets, and Rasa's Telegram channel calls Telegram's API at start-up, so they are added to the
credentials file only when all of their variables are set. Secrets stay in ``.env`` and in the
generated ``var/credentials.yml``, neither of which is committed.

    python -m clinic.channels credentials   # writes var/credentials.yml, prints its path
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml
from dotenv import load_dotenv

from clinic.settings import ROOT

BASE_CREDENTIALS = ROOT / "credentials.yml"
GENERATED_CREDENTIALS = ROOT / "var" / "credentials.yml"

OPTIONAL_CHANNELS: dict[str, dict[str, str]] = {
    "telegram": {
        "access_token": "TELEGRAM_ACCESS_TOKEN",
        "verify": "TELEGRAM_BOT_NAME",
        "webhook_url": "TELEGRAM_WEBHOOK_URL",
    },
    "twilio": {
        "account_sid": "TWILIO_ACCOUNT_SID",
        "auth_token": "TWILIO_AUTH_TOKEN",
        "twilio_number": "TWILIO_NUMBER",
    },
}


def channel_credentials(environ: dict[str, str]) -> dict[str, dict | None]:
    """The base channels plus every optional channel whose variables are all set."""
    credentials = yaml.safe_load(BASE_CREDENTIALS.read_text(encoding="utf-8")) or {}
    for channel, fields in OPTIONAL_CHANNELS.items():
        values = {key: environ.get(variable, "").strip() for key, variable in fields.items()}
        if all(values.values()):
            credentials[channel] = values
        elif any(values.values()):
            missing = [fields[k] for k, v in values.items() if not v]
            print(f"warning: {channel} is not enabled: {', '.join(missing)} not set", file=sys.stderr)
    return credentials


def write_credentials(path: Path = GENERATED_CREDENTIALS) -> Path:
    load_dotenv(ROOT / ".env", override=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(channel_credentials(dict(os.environ)), sort_keys=False), encoding="utf-8")
    path.chmod(0o600)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["credentials"])
    parser.parse_args()
    print(write_credentials())


if __name__ == "__main__":
    main()
