"""What a question asks for beyond its topic: an operation ("is there an operation for it?"), whether
something is open to the patient ("could surgery still be an option for me?"), or a face even at rest
rather than movement ("I don't care about moving it, I just want it to look even"). Plain words, read the
same by every channel; the actions decide what the answer then holds."""

from __future__ import annotations

import re

from clinic.question_split import clip

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


# "Anything that helps with this?", "is there anything for it?", "what sort of things can you offer me?", "what can
# be done?", "anything left to try?": what can be done, asked in words that name nothing of their own (not "what is
# that one?", which asks about something the story named or described)
_WHAT_HELPS = re.compile(r"\b(?:anything|something|what)\b[^.?!]{0,30}?\b(?:help|helps|for (?:this|that|it|me|him|her|"
                         r"them|someone)|(?:be|get) done|offer|options?|try)\b", re.IGNORECASE)


# The words such a question is made of, and nothing else: "anything that could be done surgically?" or "anything
# that helps the twitching?" names what it is about, and is no such question
_ONLY_ASKING = frozenset("""is are there anything something what whats that which can could would might will may
help helps helped be done get for with about this that it me him her them us to try offer you do i we any options
option of kind kinds sort sorts thing things please left else someone like in my his their case""".split())


def asks_what_helps(text: str) -> bool:
    """Whether the question asks what can be done, naming nothing: a story before it is the case it is asked about."""
    words = re.findall(r"[a-z]+", text.lower().replace("'", ""))
    return bool(_WHAT_HELPS.search(text)) and all(w in _ONLY_ASKING for w in words)


def asks_if_open_to(text: str) -> bool:
    """Whether the question asks if surgery is open to someone: the page's candidacy line answers it."""
    return bool(_OPEN_TO.search(text))


# "I don't care about movement", "not bothered about smiling", "I don't need it to move", "movement isn't
# important to me": movement is not what the patient is after
_MOVEMENT = r"(?:movement|movements|moving|move|moves|motion|smil(?:e|es|ing)|expressions?|animation)"
_NOT_AFTER = re.compile(
    r"\b(?:(?:do|does|did)n'?t|not|never|no|nor)\s+(?:(?:\w+)\s+){0,2}?"
    r"(?:care|cares|bothered|fussed|worried|interested|need|needs|mind|bother|concerned|after|fussy|focused)\b"
    r"(?:\s+(?:much|really|so|that|too|about|for|with|on|in|having|getting|regaining|the|my|his|her|any|a|it|to|"
    r"whether|if i|if it|i|can|could|get|have|be|being|able|full|big|real|proper|perfect))*\s+" + _MOVEMENT + r"\b"
    r"|\b(?:movement|moving|smiling|motion|smile)\s+(?:\w+\s+){0,3}?"
    r"(?:isn'?t|is not|'s not|doesn'?t|does not|matters? less|is less|is no)\s+(?:\w+\s+){0,2}?"
    r"(?:important|priority|matter|bother|concern|point|deal)\b",
    re.IGNORECASE)
# ... "I just want it to look even", "less lopsided", "symmetrical when relaxed", "balanced at rest"
_EVEN_WANTED = re.compile(
    r"\b(?:symmetr\w*|balanced|evened|evener|level(?:led)?|straighter)\b"
    # "look even", "my face even when relaxed", "more even"; not the adverb ("I don't even care")
    r"|\b(?:look|looks|looking|appear|appears|seem|seems|be|is|stay|stays|more|face|it|things|sides?)\s+(?:\w+\s+)?even\b"
    r"|\bless\s+(?:lopsided|crooked|uneven|asymmetric\w*|wonky|droopy|saggy)\b"
    r"|\b(?:at rest|when (?:i'?m |it'?s |its )?(?:relaxed|resting|still|not (?:moving|talking|smiling)))\b"
    # "the two sides matching", "both halves the same", "when my face is relaxed"
    r"|\b(?:sides?|halves|half)\s+(?:\w+\s+){0,3}?(?:match|matches|matching|matched|alike|line up|lined up)\b"
    r"|\bwhen\s+(?:my |his |her |the |their )?(?:face|mouth|smile|cheeks?|features)\s+(?:is |are |'s |s )?"
    r"(?:relaxed|resting|still|at rest)\b",
    re.IGNORECASE)


def wants_even_not_moving(text: str) -> bool:
    """Whether the patient says movement is not what they are after but a face that looks even: the
    page's static restoration ("more symmetric at rest but does not restore muscle movement") is that,
    whatever topic the words resemble (a face "even when relaxed" reads like the synkinesis tightness)."""
    return bool(_NOT_AFTER.search(text)) and bool(_EVEN_WANTED.search(text))


# "which operations bring back movement?", "what sorts of procedures can get a face moving again?", "which
# ones just restore symmetry?": the procedures of one kind, asked for by what that kind does
_PROCEDURES = r"(?:procedures?|surger(?:y|ies)|operations?|ops|techniques?|options?|ones?|treatments?|methods?)"
_WHICH_DO = (r"(?:\b(?:which|what)\b(?:\s+\w+){0,3}?\s+|\bthe\s+(?:\w+\s+){0,2}?)" + _PROCEDURES
             + r"\b(?:\s+[\w']+){0,6}?\s+"
             r"(?:bring|brings|get|gets|give|gives|restore|restores|make|makes|help|helps|can|could|do|does|would|"
             r"will|are|is|aim|aims|focus|focuses|just|only|actually)\b(?:\s+[\w']+){0,5}?\s+")
_AIMS = {"dynamic": re.compile(_WHICH_DO + r"(?:movement|moving|move|motion|smiles?|smiling)\b", re.IGNORECASE),
         "static": re.compile(_WHICH_DO + r"(?:symmetry|symmetric\w*|even|balanced|level)\b", re.IGNORECASE)}


def kind_asked_by_aim(text: str) -> str | None:
    """The kind of surgery ("dynamic" or "static", as in knowledge/procedures.yml) whose procedures the
    question asks for by what they do, the first asked when it asks for both; None otherwise."""
    found = [(match.start(), kind) for kind, pattern in _AIMS.items() if (match := pattern.search(text))]
    return min(found)[1] if found else None


# "would it give me a moving smile or just make my face look even?", "will my brow move again, or only look
# level?", "an op that evens it at rest against one that gives movement": movement weighed against a face that only
# looks even, the difference of the two kinds
_EVEN = (r"(?:symmetr\w*|balanced|level|straight(?:er)?|(?:look|looks|appear|appears|be|seem|seems)\s+(?:\w+\s+)?"
         r"(?:even|normal|better|nicer|neater)|at rest|less (?:lopsided|crooked|uneven|droopy|wonky))")
_MOVES = r"(?:movement|moving|move|moves|motion|mobile|animation|working smile|real smile|proper smile|smile again)"
_BETWEEN = (r"\b(?:[^.?!;]{0,60}?)\b(?:or|vs\.?|versus|against|compared (?:to|with)|and which|"
            r"or (?:does it|will it|would it|is it))\b"
            r"(?:[^.?!;]{0,40}?)")
_KINDS_WEIGHED = {"dynamic": re.compile(r"\b" + _MOVES + _BETWEEN + _EVEN + r"\b", re.IGNORECASE),
                  "static": re.compile(r"\b" + _EVEN + _BETWEEN + _MOVES + r"\b", re.IGNORECASE)}


def kinds_weighed(text: str) -> list[str]:
    """The two kinds of surgery ("dynamic", "static"), the first named first, when the question weighs
    movement against a face that only looks even; empty otherwise."""
    text = clip(text)  # read up to the same length as every other reader: the cost stays small
    found = [(match.start(), kind) for kind, pattern in _KINDS_WEIGHED.items() if (match := pattern.search(text))]
    if not found:
        return []
    first = min(found)[1]
    return [first, "static" if first == "dynamic" else "dynamic"]
