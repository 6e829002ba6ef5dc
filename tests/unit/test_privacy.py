"""Logs carry keyed, non-reversible conversation references, and secrets are the owner's only."""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from clinic.db import get_engine
from clinic.privacy import conversation_ref, log_key


def test_reference_is_keyed_stable_and_not_the_plain_hash(tmp_path: Path) -> None:
    key = tmp_path / "var" / "log_key"
    ref = conversation_ref("+15550100", key)
    assert ref == conversation_ref("+15550100", key) and len(ref) == 12
    assert "+15550100" not in ref and ref != hashlib.sha256(b"+15550100").hexdigest()[:12]
    other = tmp_path / "other_key"
    assert conversation_ref("+15550100", other) != ref  # another deployment's key, another reference
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and stat.S_IMODE(key.parent.stat().st_mode) == 0o700
    assert log_key(key) == key.read_bytes().strip()


def test_the_sqlite_database_is_created_private(tmp_path: Path) -> None:
    database = tmp_path / "private" / "clinic.db"
    get_engine(f"sqlite:///{database}").dispose()
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE(database.parent.stat().st_mode) == 0o700
