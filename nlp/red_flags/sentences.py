"""The message's sentences as the red-flag rules number them, for a second opinion on one sentence.

``RedFlag.where`` says in which sentence (a number) each concept matched, so that no patient text
leaves the engine; the risk model may then read that sentence alone (``assessment``), which a long
message would otherwise dilute. The numbering must be the shadow document's: a sentence break is a
".", "!", "?" or a line break, and several breaks in a row open a single new sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from nlp.red_flags.normalizer import SENTENCE_BREAK


def sentence_spans(doc: Doc, boundary: Callable[[str], str | None]) -> list[tuple[int, int]]:
    """(start, end) characters of each sentence's words; ``boundary`` is the normaliser's test of a token."""
    spans: list[tuple[int, int]] = []
    after_break = True  # the shadow opens with a break
    for token in doc:
        kind = boundary(token.text)
        if kind == SENTENCE_BREAK:
            after_break = True
        elif kind is None and not token.is_space:
            end = token.idx + len(token.text)
            if after_break or not spans:
                spans.append((token.idx, end))
            spans[-1] = (spans[-1][0], end)
            after_break = False
    return spans


def names_mid_sentence(doc: Doc) -> list[bool]:
    """Per token: a capitalised word after a word or a comma ("Thank you, Marek", "my son Tomek"), a name to be
    read as written, never corrected to a symptom word. Not when most of the message's words are capitalised
    ("My Face Dropped Sudenly"): there the capitals say nothing."""
    words = [t for t in doc if t.is_alpha]
    capitalised = [t for t in words if len(t.text) > 1 and t.text[0].isupper() and t.text[1:].islower()]
    if len(capitalised) * 2 > len(words):
        return [False] * len(doc)
    names = [False] * len(doc)
    for token in capitalised:
        before = token.nbor(-1) if token.i > 0 else None
        names[token.i] = (len(token.text) >= 3 and before is not None and not before.is_space
                          and (before.is_alpha or before.text == ","))
    return names
