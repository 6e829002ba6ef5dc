"""What a trained component really depends on, as one hash for Rasa's training cache.

Rasa fingerprints a graph component by its class's own source, its config and its declared
packages, not by the modules the class calls or the files it reads. A component that puts
``code_fingerprint(...)`` of those files into its default config is retrained when any of them
changes (see ``nlp/linear_intent_classifier.py``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def code_fingerprint(paths: Iterable[str], root: Path = ROOT) -> str:
    """Hash of the named files' bytes (relative to the project root); a missing file counts too."""
    digest = hashlib.sha256()
    for relative in paths:
        path = root / relative
        digest.update(relative.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() if path.is_file() else b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()[:16]
