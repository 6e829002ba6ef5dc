"""Session 54: a correction that drops the "I" ("oops, meant the graft not the transfer", "soz meant to ask how
long it takes") is read as one; "both halves alike" or "sides lined up when my mouth is resting" beside movement
not wanted is the wish the static kind answers. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest

from clinic.asked_for import wants_even_not_moving
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


@pytest.mark.parametrize("text", [
    "I'm not bothered about smiling, I'd just like both halves to look alike",
    "Movement isn't important to me, I only want the two sides to line up when my mouth is resting",
])
def test_halves_alike_or_level_when_resting_is_the_static_wish(text: str) -> None:
    assert wants_even_not_moving(text)


def test_sides_matching_asked_of_an_operation_is_no_static_wish() -> None:
    assert not wants_even_not_moving("Will both sides match after a cross face graft?")
