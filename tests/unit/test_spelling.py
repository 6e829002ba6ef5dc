"""The ranker's speller: corrects towards the knowledge base's words only, and only when sure."""

from __future__ import annotations

from clinic.spelling import Speller

WORDS = "grafting graft selective neurectomy repair common night tight electromyography decide decided"
SPELLER = Speller(WORDS.split())


def test_one_edit_away_from_one_known_word_is_corrected() -> None:
    assert SPELLER.correct("neurectommy") == "neurectomy"
    assert SPELLER.correct("selectiv") == "selective"
    assert SPELLER.correct("comon") == "common"


def test_long_words_may_be_two_edits_away() -> None:
    assert SPELLER.correct("electromyografy") == "electromyography"


def test_known_short_ambiguous_or_unrelated_words_are_left_alone() -> None:
    assert SPELLER.correct("tight") == "tight"      # known
    assert SPELLER.correct("eye") == "eye"          # too short to guess
    assert SPELLER.correct("light") == "light"      # "night"/"tight" change the first letter
    assert SPELLER.correct("banana") == "banana"    # near nothing
    assert SPELLER.correct("graft3d") == "graft3d"  # not a word


def test_tokens_longer_than_words_are_not_looked_up() -> None:
    # the deletions of a 10,000-letter token would be 50 million strings: it is returned as it is
    assert SPELLER.correct("x" * 10_000) == "x" * 10_000
    assert SPELLER.correct("neurectomy" * 3 + "y") == "neurectomy" * 3 + "y"


def test_four_letter_words_come_back_only_through_a_likely_slip() -> None:
    speller = Speller("lift list loft graft brow".split(), real_words=["lint", "form"])
    assert speller.correct("lfit") == "lift"    # two neighbouring letters swapped
    assert speller.correct("graf") == "graft"   # the last letter left out
    assert speller.correct("lsit") == "list"
    assert speller.correct("lint") == "lint"    # a real word
    assert speller.correct("lnit") == "lnit"    # one letter changed besides: list? lift? not guessed
    assert Speller(["lift"]).correct("lfit") == "lfit"  # no dictionary: a real word cannot be told from a slip
    assert speller.correct("borw") == "brow"


def test_the_first_two_letters_swapped_are_still_read_back() -> None:
    assert SPELLER.correct("rgafting") == "grafting"
