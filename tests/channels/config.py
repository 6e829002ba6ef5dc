"""The channel tests' settings: fake secrets, and the fake APIs' ports on 127.0.0.1.

scripts/test.sh writes the e2e server's credentials from these (``python -m tests.channels.config
env`` prints them as shell exports), and the tests sign their requests with the same secrets, so
nothing here is a real credential and nothing leaves the machine.

E2E_RASA_PORT: the Rasa server under test; E2E_FAKE_API_PORT: the first of three ports for the
fake Telegram, Twilio and Graph APIs (default 5180, 5181, 5182).
"""

from __future__ import annotations

import os
import shlex
import sys

RASA_PORT = int(os.environ.get("E2E_RASA_PORT", "5105"))
FAKE_API_PORT = int(os.environ.get("E2E_FAKE_API_PORT", "5180"))
TELEGRAM_PORT, TWILIO_PORT, GRAPH_PORT = FAKE_API_PORT, FAKE_API_PORT + 1, FAKE_API_PORT + 2
RASA_URL = f"http://127.0.0.1:{RASA_PORT}"

TELEGRAM_TOKEN = "1000000001:fake-telegram-token-for-tests"
TELEGRAM_SECRET = "test-secret-token-for-telegram_0123"
TWILIO_SID = "AC00000000000000000000000000000001"
TWILIO_TOKEN = "fake-twilio-auth-token-0000000001"
TWILIO_NUMBER = "+15550100999"
TWILIO_WHATSAPP_NUMBER = "+15550100998"
TWILIO_WEBHOOK_URL = f"{RASA_URL}/webhooks/twilio/webhook"
SMS_MAX_CHARS = 320  # Twilio accepts 1600; a small limit makes the tests exercise splitting
WHATSAPP_TOKEN = "fake-graph-access-token"
WHATSAPP_PHONE_NUMBER_ID = "106540352242922"
WHATSAPP_APP_SECRET = "fake-meta-app-secret-0001"
WHATSAPP_VERIFY_TOKEN = "fake-verify-token-0001"

ENVIRONMENT = {
    "TELEGRAM_ACCESS_TOKEN": TELEGRAM_TOKEN,
    "TELEGRAM_WEBHOOK_SECRET": TELEGRAM_SECRET,
    "TELEGRAM_WEBHOOK_URL": f"{RASA_URL}/webhooks/telegram/webhook",
    "TELEGRAM_API_URL": f"http://127.0.0.1:{TELEGRAM_PORT}",
    "TWILIO_ACCOUNT_SID": TWILIO_SID,
    "TWILIO_AUTH_TOKEN": TWILIO_TOKEN,
    "TWILIO_NUMBER": TWILIO_NUMBER,
    "TWILIO_WHATSAPP_NUMBER": TWILIO_WHATSAPP_NUMBER,
    "TWILIO_WEBHOOK_URL": TWILIO_WEBHOOK_URL,
    "TWILIO_API_URL": f"http://127.0.0.1:{TWILIO_PORT}",
    "TWILIO_MAX_CHARS": str(SMS_MAX_CHARS),
    "WHATSAPP_ACCESS_TOKEN": WHATSAPP_TOKEN,
    "WHATSAPP_PHONE_NUMBER_ID": WHATSAPP_PHONE_NUMBER_ID,
    "WHATSAPP_APP_SECRET": WHATSAPP_APP_SECRET,
    "WHATSAPP_VERIFY_TOKEN": WHATSAPP_VERIFY_TOKEN,
    "WHATSAPP_API_URL": f"http://127.0.0.1:{GRAPH_PORT}/v19.0",
}

if __name__ == "__main__" and sys.argv[1:] == ["env"]:
    for key, value in ENVIRONMENT.items():
        print(f"export {key}={shlex.quote(value)}")
