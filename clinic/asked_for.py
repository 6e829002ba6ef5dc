"""What a question asks for beyond its topic: an operation ("is there an operation for it?"), or whether
something is open to the patient ("could surgery still be an option for me?"). Plain words, read the
same by every channel; the actions decide what the answer then holds."""

from __future__ import annotations

import re

_OPERATION = re.compile(r"\b(?:operations?|operate|operated|operating|surgery|surgeries|surgical(?:ly)?|ops?)\b",
                        re.IGNORECASE)
# "without surgery", "no operation", "non-surgical", "rather than an op", "avoid surgery": ruled out
# ("treatments that don't involve surgery", "I'd rather avoid another operation")
_RULED_OUT = re.compile(
    r"\b(?:without|no|non|not|never|avoid|avoiding|instead of|rather than|other than|apart from|aside from|"
    r"besides|except|(?:do|does|did|would|will|wo|ca)n'?t)\b[\s-]*"
    r"(?:(?:a|an|any|the|having|going|to|have|get|under|another|more|further|involve|involving|need|needing|"
    r"require|requiring|include|including|mean|be)\s+){0,3}"
    r"(?:operations?|operate|surgery|surgeries|surgical|the knife|ops?)\b", re.IGNORECASE)

_TREATMENT = (r"(?:surgery|surgeries|operation|operations|op|procedure|treatment|it|this|that|reanimation|transfer|"
              r"graft|transplant|lift|repair|browlift|facelift|neurectomy|myectomy)")
# "can I (still) have it", "could my dad get the surgery", "would she be a candidate", "is it possible
# for me", "am I eligible": whether it is open to someone, not whether they need it or which one
_OPEN_TO = re.compile(
    r"\b(?:can|could|may|might|would)\s+(?:i|he|she|we|they|my\s+\w+|someone|somebody|a person|people|anyone)\s+"
    r"(?:still\s+|even\s+|also\s+|ever\s+)?(?:(?:have|get|undergo)\s+(?:\w+\s+){0,3}?" + _TREATMENT +
    r"|be\s+(?:operated|treated|helped|a candidate|eligible|suitable|considered|offered))\b"
    r"|\b(?:possible|an option|options?|eligible|suitable|a candidate|available)\s+for\s+"
    r"(?:me|him|her|us|them|my\s+\w+|someone like me|people like me)\b"
    r"|\b(?:am i|is (?:he|she|my\s+\w+)|are (?:we|they))\s+(?:still\s+)?(?:eligible|suitable|a candidate|able to have|"
    r"too old)\b"
    r"|\b(?:still|even)\s+be\s+(?:an option|possible)\b"
    # "is surgery even something for me?" (not "is there something for me?": that asks for the options)
    r"|\b(?:surgery|an operation|reanimation|it)\s+(?:even\s+|still\s+|really\s+)?(?:something|an option)\s+for\s+"
    r"(?:me|him|her|us|them|my\s+\w+|someone like me|people like me)\b",
    re.IGNORECASE)


def asks_for_operation(text: str) -> bool:
    """Whether the words ask for an operation, not rule one out."""
    return bool(_OPERATION.search(text)) and not _RULED_OUT.search(text)


def rules_out_operation(text: str) -> bool:
    """Whether the words rule an operation out ("treatments that don't involve surgery")."""
    return bool(_RULED_OUT.search(text))


def asks_if_open_to(text: str) -> bool:
    """Whether the question asks if surgery is open to someone: the page's candidacy line answers it."""
    return bool(_OPEN_TO.search(text))
