"""The red-flag rules on session 21: a feared picture and a Spanish "what if" are not events.

"I keep imagining the stitches bursting open" tells a picture the mind makes, not a wound seen open; "¿Y si
se me infecta la herida?" opens a question with "what if", as "if" does in English. The messages were written
for these tests, never from a held-out text; before the change every case of NOT_URGENT was taken over.
STILL_URGENT holds the same words beside a present event, which must keep their advice.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import urgent

NOT_URGENT = [
    "I keep picturing my wound splitting open when I laugh. Does that ever happen?",
    "She keeps imagining her wound coming open after the operation. Can that happen?",
    "¿Y si se me infecta la herida de la operación? Me da pánico.",
    "Y si sale pus de la herida despues de la cirugia?",
]

STILL_URGENT = [
    ("I keep imagining things but since the op yesterday my wound is bleeding heavily", "post_op"),
    ("Since my operation on Monday the stitches have burst open and I keep picturing it getting infected", "post_op"),
    ("Me operaron ayer y si me toco la herida sale mucha sangre", "post_op"),
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_a_feared_picture_or_a_spanish_what_if_is_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_the_same_words_beside_a_present_event_keep_their_advice(nlp: Language, rules: RedFlagRules, text: str,
                                                                 kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
