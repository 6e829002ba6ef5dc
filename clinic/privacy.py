"""References to a conversation that logs can carry without identifying the patient.

Telegram chat ids and phone numbers are sender ids; a plain hash of one is reversible by hashing
every phone number. ``conversation_ref`` is a keyed hash (HMAC-SHA256) with a secret kept in
``var/log_key`` (created on first use, readable by its owner only): staff holding the key can match
a log line to a conversation they already know, nobody can go from the log line to the person.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from clinic.settings import ROOT

KEY_FILE = ROOT / "var" / "log_key"
REF_LENGTH = 12


@lru_cache(maxsize=4)
def log_key(path: Path = KEY_FILE) -> bytes:
    """The secret of the keyed hash; generated once, mode 0600."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return path.read_bytes().strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secrets.token_hex(32))
    return path.read_bytes().strip()


def conversation_ref(sender_id: str, key_file: Path = KEY_FILE) -> str:
    """A short, stable, non-reversible stand-in for ``sender_id`` in logs."""
    digest = hmac.new(log_key(key_file), sender_id.encode("utf-8"), hashlib.sha256)
    return digest.hexdigest()[:REF_LENGTH]
