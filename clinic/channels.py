"""Which messaging channels to switch on, decided by ``.env``.

REST (tests, curl) and socket.io (the website widget) are always on. Telegram, Twilio (SMS and
WhatsApp through Twilio) and WhatsApp (Meta's Cloud API) are the clinic's own authenticated
channels (``channels/``); each is added to the credentials file only when its variables are set.
A channel with some of its variables set but not all (a secret missing) is refused: this
command fails with the names of the missing variables, so the server never starts a channel
that cannot check who is calling. Secrets stay in ``.env`` and in the generated
``var/credentials.yml`` (mode 600), neither of which is committed.

    python -m clinic.channels credentials [--out PATH]   # writes the file, prints its path
"""

from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from dotenv import load_dotenv

from clinic.settings import ROOT

BASE_CREDENTIALS = ROOT / "credentials.yml"
GENERATED_CREDENTIALS = ROOT / "var" / "credentials.yml"


@dataclass(frozen=True)
class ChannelSpec:
    """A channel class and the ``.env`` variables behind its credential fields."""

    class_path: str
    required: dict[str, str]
    optional: dict[str, str] = field(default_factory=dict)


CHANNELS: dict[str, ChannelSpec] = {
    "Telegram": ChannelSpec(
        "channels.telegram.TelegramChannel",
        required={"access_token": "TELEGRAM_ACCESS_TOKEN", "webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
                  "webhook_url": "TELEGRAM_WEBHOOK_URL"},
        optional={"api_url": "TELEGRAM_API_URL"},
    ),
    "Twilio": ChannelSpec(
        "channels.twilio_sms.TwilioChannel",
        required={"account_sid": "TWILIO_ACCOUNT_SID", "auth_token": "TWILIO_AUTH_TOKEN",
                  "number": "TWILIO_NUMBER", "webhook_url": "TWILIO_WEBHOOK_URL"},
        optional={"whatsapp_number": "TWILIO_WHATSAPP_NUMBER", "api_url": "TWILIO_API_URL",
                  "max_chars": "TWILIO_MAX_CHARS"},
    ),
    "WhatsApp": ChannelSpec(
        "channels.whatsapp.WhatsAppChannel",
        required={"access_token": "WHATSAPP_ACCESS_TOKEN", "phone_number_id": "WHATSAPP_PHONE_NUMBER_ID",
                  "app_secret": "WHATSAPP_APP_SECRET", "verify_token": "WHATSAPP_VERIFY_TOKEN"},
        optional={"api_url": "WHATSAPP_API_URL"},
    ),
}


class ChannelConfigError(ValueError):
    """A channel is half configured: some of its variables are set, a required one is not."""


def channel_credentials(environ: dict[str, str]) -> dict[str, dict | None]:
    """The base channels plus every messaging channel whose required variables are all set.
    Raises ``ChannelConfigError`` naming every half-configured channel and what it lacks."""
    credentials = yaml.safe_load(BASE_CREDENTIALS.read_text(encoding="utf-8")) or {}
    problems = []
    for label, spec in CHANNELS.items():
        values = {key: environ.get(variable, "").strip() for key, variable in spec.required.items()}
        if not any(values.values()):
            continue
        missing = [spec.required[key] for key, value in values.items() if not value]
        if missing:
            problems.append(f"{label} is partly configured but {', '.join(missing)} "
                            f"{'is' if len(missing) == 1 else 'are'} not set")
            continue
        optional = {key: environ.get(variable, "").strip() for key, variable in spec.optional.items()}
        credentials[spec.class_path] = {**values, **{k: v for k, v in optional.items() if v}}
    if problems:
        raise ChannelConfigError("; ".join(problems) + ". Set the missing variables in .env, or unset the channel's "
                                 "variables to switch it off (see README, Messaging apps).")
    return credentials


def write_credentials(path: Path = GENERATED_CREDENTIALS) -> Path:
    load_dotenv(ROOT / ".env", override=False)
    credentials = channel_credentials(dict(os.environ))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch(mode=0o600, exist_ok=True)
    path.chmod(0o600)
    path.write_text(yaml.safe_dump(credentials, sort_keys=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["credentials"])
    parser.add_argument("--out", type=Path, default=GENERATED_CREDENTIALS, help="where to write the file")
    args = parser.parse_args()
    try:
        print(write_credentials(args.out))
    except ChannelConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
