"""Words typed without their spaces ("myface", "cantbreathe", "tookabunchofpills") read as the words meant.

A patient in a hurry runs words together, and a red-flag word hidden inside such a token would
otherwise be lost. A split is only accepted when one of its words is a concept word of four letters
or more, so an unknown token is never taken apart into letters or into words the rules do not use.
The cost is bounded: only tokens up to twice the longest concept word are tried. ``Normalizer``
decides which tokens are unknown enough to try and turns the words found into its pairs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

# Everyday one- to three-letter words that may be glued to others ("tookabunchofpills"); other short
# pieces would split any unknown token into letters.
_SHORT_GLUED_WORDS = frozenset({"a", "i", "am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it",
    "me", "my", "no", "of", "on", "or", "so", "to", "up", "us", "we", "all", "and", "any", "are", "can", "did", "for",
    "got", "had", "has", "her", "him", "his", "its", "lot", "not", "now", "off", "our", "out", "she", "the", "too",
    "two", "was", "who"})
_MAX_GLUED_WORDS = 5


def glued_words(
    surface: str, targets: Mapping[str, str], known: Callable[[str], str | None], longest_word: int
) -> list[str] | None:
    """The words of a token typed without its spaces, or None when it is no such token.

    ``targets`` are the concept words (surface form -> normalised word), ``known`` gives the normalised
    word of a correctly spelt word or None, and ``longest_word`` bounds the length of a concept word
    (the tokens tried and the pieces looked at). Two words, one of them a concept word, are tried
    first, the longest concept word winning ("myface"); then two to five words (``_segment``)."""
    if len(surface) < 5 or len(surface) > 2 * longest_word:
        return None
    best: tuple[int, list[str]] | None = None
    for i in range(2, len(surface) - 1):
        left, right = surface[:i], surface[i:]
        concept = max((len(w) for w in (left, right) if w in targets and len(w) >= 4), default=0)
        if not concept or (best is not None and concept <= best[0]):
            continue
        if min(len(left), len(right)) >= 2 and all(known(w) is not None for w in (left, right)):
            best = (concept, [left, right])
    if best is not None:
        return best[1]
    return _segment(surface, targets, known, longest_word)


def _segment(
    surface: str, targets: Mapping[str, str], known: Callable[[str], str | None], longest_word: int
) -> list[str] | None:
    """Two to five words typed as one ("tookabunchofpills", "myface"): known words of four letters or more,
    everyday short words and short concept words, one of them a concept word of four letters or
    more; the split with the fewest words wins. Quadratic in the token's length, which ``glued_words``
    bounds."""
    n = len(surface)
    # best[i]: the fewest words spelling surface[:i], and whether one is a concept word
    best: list[tuple[int, bool, list[str]] | None] = [None] * (n + 1)
    best[0] = (0, False, [])
    for end in range(1, n + 1):
        for start in range(max(0, end - longest_word - 2), end):
            before = best[start]
            if before is None or before[0] >= _MAX_GLUED_WORDS:
                continue
            word = surface[start:end]
            if len(word) <= 3 and word not in _SHORT_GLUED_WORDS and word not in targets:
                continue
            if len(word) > 3 and known(word) is None:
                continue
            concept = before[1] or (len(word) >= 4 and word in targets)
            candidate = (before[0] + 1, concept, [*before[2], word])
            current = best[end]
            if current is None or (candidate[1], -candidate[0]) > (current[1], -current[0]):
                best[end] = candidate
    found = best[n]
    return found[2] if found is not None and found[1] and found[0] >= 2 else None
