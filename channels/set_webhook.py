"""Register the clinic's webhook URLs with Telegram and Twilio: a command run by staff, never an
open URL of the server (Rasa's Telegram channel lets anyone who finds its URL re-point the bot).

    python -m channels.set_webhook telegram   # setWebhook with TELEGRAM_WEBHOOK_URL + TELEGRAM_WEBHOOK_SECRET
    python -m channels.set_webhook twilio     # point TWILIO_NUMBER's incoming SMS at TWILIO_WEBHOOK_URL
    python -m channels.set_webhook whatsapp   # prints what to enter in Meta's app dashboard

Settings come from ``.env`` (real environment variables win). Nothing is printed that would
reveal a secret. Exit code 0 when the platform accepted the change.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dotenv import dotenv_values

from clinic.settings import ROOT

TIMEOUT_SECONDS = 20


class SetupError(RuntimeError):
    """A setting is missing or the platform refused the change."""


def settings(environ: Mapping[str, str], env_file: Path = ROOT / ".env") -> dict[str, str]:
    """``.env`` overridden by the real environment."""
    values = {k: v for k, v in dotenv_values(env_file).items() if v is not None} if env_file.exists() else {}
    values.update({k: v for k, v in environ.items() if v})
    return values


def _need(values: Mapping[str, str], *names: str) -> list[str]:
    missing = [name for name in names if not values.get(name, "").strip()]
    if missing:
        raise SetupError(f"set {', '.join(missing)} in .env first")
    return [values[name].strip() for name in names]


def _call(url: str, data: dict[str, Any] | None = None, *, form: bool = False,
          auth: tuple[str, str] | None = None) -> dict[str, Any]:
    body, headers = None, {}
    if data is not None and form:
        body, headers["Content-Type"] = urllib.parse.urlencode(data).encode(), "application/x-www-form-urlencoded"
    elif data is not None:
        body, headers["Content-Type"] = json.dumps(data).encode(), "application/json"
    if auth:
        headers["Authorization"] = "Basic " + base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
    request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body else "GET")
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as error:
        detail = error.read()[:300].decode("utf-8", "replace")
        raise SetupError(f"the platform answered HTTP {error.code}: {detail}") from None
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        raise SetupError(f"could not reach the platform: {error}") from None


def set_telegram(values: Mapping[str, str]) -> str:
    token, url, secret = _need(values, "TELEGRAM_ACCESS_TOKEN", "TELEGRAM_WEBHOOK_URL", "TELEGRAM_WEBHOOK_SECRET")
    if not url.startswith("https://") and not values.get("TELEGRAM_API_URL"):
        raise SetupError("TELEGRAM_WEBHOOK_URL must be an https:// URL (Telegram calls only HTTPS webhooks)")
    api = values.get("TELEGRAM_API_URL", "https://api.telegram.org").rstrip("/")
    answer = _call(f"{api}/bot{token}/setWebhook", {
        "url": url, "secret_token": secret, "allowed_updates": ["message", "callback_query"],
        "max_connections": 10,
    })
    if not answer.get("ok"):
        raise SetupError(f"Telegram refused: {answer.get('description', answer)}")
    return f"Telegram will post updates to {url}, each with the secret token."


def set_twilio(values: Mapping[str, str]) -> str:
    sid, token, number, url = _need(values, "TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_NUMBER",
                                    "TWILIO_WEBHOOK_URL")
    api = values.get("TWILIO_API_URL", "https://api.twilio.com").rstrip("/")
    base = f"{api}/2010-04-01/Accounts/{sid}/IncomingPhoneNumbers"
    found = _call(f"{base}.json?" + urllib.parse.urlencode({"PhoneNumber": number}), auth=(sid, token))
    numbers = found.get("incoming_phone_numbers") or []
    if len(numbers) != 1 or not numbers[0].get("sid"):
        raise SetupError("TWILIO_NUMBER is not one of this account's numbers")
    _call(f"{base}/{numbers[0]['sid']}.json", {"SmsUrl": url, "SmsMethod": "POST"}, form=True, auth=(sid, token))
    whatsapp = ("\nWhatsApp through Twilio: set the same URL as the sender's webhook in Twilio's console "
                "(Messaging > Senders > WhatsApp senders)." if values.get("TWILIO_WHATSAPP_NUMBER") else "")
    return f"Incoming SMS to the clinic's Twilio number will be posted to {url}.{whatsapp}"


def whatsapp_instructions(values: Mapping[str, str]) -> str:
    _need(values, "WHATSAPP_VERIFY_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_PHONE_NUMBER_ID")
    return ("Meta registers WhatsApp webhooks in the app dashboard: WhatsApp > Configuration > Webhook.\n"
            "  Callback URL: https://<your host>/webhooks/whatsapp/webhook\n"
            "  Verify token: the value of WHATSAPP_VERIFY_TOKEN in .env\n"
            "Then subscribe the 'messages' field. The server must be running: Meta checks the URL at once.")


COMMANDS = {"telegram": set_telegram, "twilio": set_twilio, "whatsapp": whatsapp_instructions}


def main(argv: list[str] | None = None, environ: Mapping[str, str] | None = None,
         env_file: Path = ROOT / ".env") -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("channel", choices=sorted(COMMANDS))
    args = parser.parse_args(argv)
    try:
        print(COMMANDS[args.channel](settings(os.environ if environ is None else environ, env_file)))
    except SetupError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
