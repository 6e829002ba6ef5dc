"""Session 54: a correction that drops the "I" ("oops, meant the graft not the transfer", "soz meant to ask how
long it takes") is read as one. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from clinic.corrections import correction


@pytest.mark.parametrize(("text", "meant", "not_meant"), [
    ("oops, meant the cross face graft not the nerve transfer", "the cross face graft", "nerve transfer"),
    ("whoops meant brow lift not face lift", "brow lift", "face lift"),
    ("soz meant to ask how long the op takes", "how long the op takes", ""),
])
def test_an_apology_then_meant_is_a_correction(text: str, meant: str, not_meant: str) -> None:
    found = correction(text)
    assert found is not None
    assert (found.meant, found.not_meant) == (meant, not_meant)


@pytest.mark.parametrize("text", ["sorry, what does selective neurectomy mean?", "I'm sorry, it meant a lot to me"])
def test_an_apology_alone_is_no_correction(text: str) -> None:
    assert correction(text) is None
