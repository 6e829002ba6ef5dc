"""The typo-tolerant word sets behind the out-of-scope vocabulary gate."""

from __future__ import annotations

import pytest

from nlp.lexicon import Lexicon, content_words

LEXICON = Lexicon({"surgery", "painful", "recovery", "eye", "botox"})


@pytest.mark.parametrize("word", ["surgery", "surgry", "surgeery", "surgary", "painfull", "recovry", "eye"])
def test_words_and_single_typos_match(word: str) -> None:
    assert word in LEXICON


@pytest.mark.parametrize("word", ["helicopter", "blue", "joke", "eyes", "sugar", "botax2", ""])
def test_other_words_do_not(word: str) -> None:
    assert word not in LEXICON


def test_content_words_drop_stop_words_and_short_words() -> None:
    assert content_words("How long is it, Doctor? OK to go?") == {"long", "doctor"}
    assert content_words("😀 !!! 42") == set()
    assert not Lexicon(set())
