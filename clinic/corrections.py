"""A patient correcting what was answered: "I meant X, not Y", "no sorry, the cross face one", "that's not what I
asked, I meant ...". What was meant is the text to answer; what was not meant is left out. Plain Python on the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clinic.question_split import clip

# "I meant X, not Y", "no, X not Y", "not Y but X", "sorry, X": the patient corrects what was answered.
# "My mistake, I was actually asking about the dynamic kind", "no sorry, the cross face one specifically".
_CORRECTION = re.compile(r"\b(i meant(?: to (?:ask|say|write|type|know)(?: about)?)?|i mean|meant to say|i asked about|"
                         r"i got the name wrong|my (?:mistake|bad)|"
                         r"i was(?: \w+)? (?:asking|enquiring|inquiring|talking) about|"
                         r"(?:is|was) the one i (?:wanted|meant|was asking about|was after|asked about)|"
                         r"mixed (?:them|it) up|i got (?:them |it |a bit )?mixed up|"
                         r"wrong (?:one|word|name|term)|not that one|no,? not|typo)\b|"
                         # "Correction: ...", "I wanted to ask about the neurectomy, not the myectomy"
                         r"^\s*correction\b|"
                         r"\bi (?:wanted|meant|intended|was (?:going|trying)) to (?:ask|say|write|type|know)(?: about)?"
                         r"(?=[^?.!]*\bnot\b)|"
                         r"^\s*(?:no|nope|sorry|sry|soz|oops|whoops)\b[.!,]?[^?.!]{0,80}\bnot\b|"
                         # "oops sorry, meant the graft": "meant" with no "I", after an apology
                         r"\b(?:sorry|sry|soz|oops|whoops|my bad)[\s,.!]+meant"
                         r"(?: to (?:ask|say|write|type|know)(?: about)?)?\b|"
                         # "not botox sorry, the physio part": the wrong name first, then what was meant
                         r"^\s*not (?!sure\b)(?:the |about (?:the )?)?[\w\s-]{1,30}?[\s,.;!]+(?:sorry|i meant)\b"
                         r"[\s,.;!]*(?:about |i meant )?the\b|"
                         # "no wait, the myectomy one", "actually, the graft one": a filler or two before it
                         r"^\s*(?:no|nope|sorry|oops|wait|actually)\b[\s,.!]+"
                         r"(?:(?:sorry|no|wait|actually|oh|hang on|hold on)[\s,.!]+){0,2}"
                         r"(?=(?:about )?the [\w\s-]{1,30}?\b(?:one|kind|type|version|option)\b)", re.IGNORECASE)
# "the dynamic kind", "the cross face one specifically", "the physio part": the word standing for the procedure
# says nothing of what is asked (and "kind" would rank the list of kinds); the name before it is the correction.
_PLACEHOLDER_AT_END = re.compile(r"^(the(?:\s+[\w-]+){1,4}?)\s+(?:one|kind|type|sort|version|option|part|bit|thing)"
                                 r"(?:\s+(?:specifically|please|instead|then|really))?\s*[.!]*$", re.IGNORECASE)
_NOT_PART = re.compile(r"\b(?:not|rather than|instead of)\s+(?:the\s+|about\s+(?:the\s+)?)?([^,.;?!\-–]+)",
                       re.IGNORECASE)
# "that's not really what I was after, I meant ...": the not-part rejects the last answer, it names no subject
_LAST_ANSWER = re.compile(r"^(?:really |quite |exactly )?(?:what|one|the (?:answer|thing|one|info\w*))\b"
                          r"[^,.;?!]*\b(?:i|me)\b", re.IGNORECASE)

# Words around a correction that say nothing of what was meant: "wait no sry, I meant ...".
_FILLER = re.compile(r"\b(i (?:wanted|meant|intended|was (?:going|trying)) to (?:ask|say|write|type|know)(?: about)?|"
                     r"no|nope|nah|sorry|sry|soz|oops|whoops|wait|actually|i|the name|wrong)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Correction:
    """What the patient meant (the text to answer) and what they did not mean (to leave out)."""

    meant: str
    not_meant: str


def correction(text: str) -> Correction | None:
    """The corrected request in a message like "no sorry, I meant time off work, not full recovery"."""
    text = clip(text)
    if not _CORRECTION.search(text):
        return None
    not_match = _NOT_PART.search(text)
    not_meant = not_match.group(1).strip() if not_match else ""
    if _LAST_ANSWER.match(not_meant):
        not_meant = ""
    # only the not-part read above: a later "not" belongs to the question ("how long am I stuck not working")
    meant = _NOT_PART.sub(" ", text, count=1) if not_match else text
    meant = _CORRECTION.sub(" ", meant)
    meant = _FILLER.sub(" ", meant)
    meant = _PLACEHOLDER_AT_END.sub(r"\1", " ".join(meant.split()).strip(" ,.-:;"))
    return Correction(meant, not_meant)
