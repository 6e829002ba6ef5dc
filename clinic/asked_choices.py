"""Questions about choosing among the options: asking for the others ("apart from Botox, what else?",
"physio didn't help, what now?") and asking what the choice turns on ("what does it depend on?").

Kept apart from ``clinic.question_parts`` (how a message's questions are found) because these only say
what kind of choice a question is about; the answer modules decide what to show for it.
"""

from __future__ import annotations

import re

from clinic.question_split import clip

# "Apart from Botox, what else is there?": the patient knows the named option and asks for the others.
# ("instead of" and "rather than" compare two named options: "when is a graft used rather than a repair?")
_ALTERNATIVES = re.compile(r"\b(apart from|besides|aside from|other than|except(?: for)?|beyond|"
                           r"alternatives?|what else|anything else|something else|"
                           r"other (?:treatments?|options?|ways?|things?|operations?|surgeries|surgery|procedures?|"
                           r"therapies|choices?)|more permanent|longer lasting|permanent (?:fix|solution|option)|"
                           # "something to sort it out for good, so I can stop the jabs?": what lasts, asked for
                           r"(?:fix|fixes|cure|cures|sort|sorts|solve|solves|replace|replaces|end|ends|stop|stops|"
                           r"get rid of)(?: \w+){0,3} for good|"
                           # "is there a surgical route?" after the injections: the other class of option
                           r"(?:surgical|operative|non-?surgical) (?:route|option|alternative|way|fix|solution)s?|"
                           # "is there anything surgical for this?": the same, asked with "anything"
                           r"(?:anything|something) (?:surgical|operative|non-?surgical)|"
                           r"(?:options?|routes?|surgery|operations?|treatments?) as well as|"
                           # "are they the only option for the tightness?": the others asked for
                           r"the only (?:option|treatment|choice|way|thing|answer|solution)s?|"
                           # "are there operations for it too?" after the injections: surgery besides them
                           r"(?:is|are) there (?:any )?(?:surgery|surgeries|operations?|surgical options?|procedures?)"
                           r"(?: for (?:it|this|that|them))? (?:too|as well|also)|"
                           # "is there stuff she can do at home instead of the needles?": something in its place
                           # ("in what situation would you move a muscle instead of fixing the nerve?" compares two)
                           r"(?:anything|something|stuff|things?)\b[^.?!]{0,40}?\binst(?:ea|e)d of)\b",
                           re.IGNORECASE)


# "Is there surgery if Botox isn't enough?", "physio didn't help, what now?": the option named is
# the one that did not do enough, so the others are asked for (never that one again).
_DID_NOT_HELP = re.compile(r"\b(?:(?:is|was|are|were)n'?t|(?:is|was|are|were) not|not) (?:enough|sufficient|"
                           r"working|helping|doing (?:enough|much|anything))\b|"
                           r"\b(?:(?:do|does|did)n'?t|(?:do|does|did) not|won'?t|will not|never) "
                           r"(?:work|help|last)(?:ed|s)?\b|"
                           # "the muscles have wasted, so fixing the nerve wouldn't help": told it would not
                           r"\b(?:wouldn'?t|would not|wouldnae|wouldna) (?:work|help|do (?:any good|anything))\b|"
                           r"\b(?:stop(?:s|ped)?|quit|quits) (?:working|helping|being (?:enough|effective|helpful))\b|"
                           r"\bno longer (?:work|help)s?\b|\b(?:has|have|had) failed\b|\bfailed (?:me|for me)\b|"
                           # "it only lasts a couple of months for me": the option named falls short
                           r"\bonly (?:last|lasts|lasted|works|worked|helps|helped) "
                           r"(?:a |for )?(?:few|couple|little|short|weeks?|days?)\b|"
                           # "does Botox help, and if it doesn't, is there an operation?"
                           r"\bif (?:it|that|this|they|those|these)\s+(?:(?:does|do|did|is|are|will)n'?t|"
                           r"(?:does|do|did|is|are|will) not|fails?|isn'?t enough)(?=\s*(?:[,.;?!]|$))|"
                           r"\bif not\b(?=\s*(?:[,.;?!]|$))|"
                           # "if that one is not possible for him, what will they do?"
                           r"\bif (?:it|that|this|they|those|these)(?: one| ones| op| operation| procedure| surgery)? "
                           r"(?:(?:is|are)n'?t|(?:is|are) not) (?:possible|an option|suitable)\b",
                           re.IGNORECASE)


# Asking what a choice turns on ("what does the choice of operation depend on?", "how do they decide which
# surgery?"): the fact saying what it depends on answers it, not the list of the options.
_WHAT_DECIDES = re.compile(r"\bdepend(?:s|ing)? (?:up)?on\b|\bwhat (?:decides|determines)\b|"
                           r"\bhow (?:do|does|would|will|is|are)\b[^.?!]{0,30}?\b(?:decide|decided|choose|chosen|"
                           r"pick|picked|select|selected)\b|"
                           # "what makes the surgeons choose one operation over another?"
                           r"\bwhat (?:makes|made|would make|will make)\b[^.?!]{0,30}?\b(?:decide|choose|pick|select|"
                           r"go for|opt for)\b", re.IGNORECASE)


def asks_what_decides(text: str) -> bool:
    """"What does the choice of operation depend on?": the page's line on what it depends on
    answers it, not the list of the options."""
    return bool(_WHAT_DECIDES.search(clip(text)))


# "He also mentioned a muscle transplant as an alternative": an option someone put forward, told, not asked for
_PUT_FORWARD = re.compile(r"\b(?:mention|suggest|propos|offer|recommend|rais|brought up|bring up|talk)\w*\b"
                          r"[^.?!]{0,40}?\bas an? (?:alternative|other option)\b", re.IGNORECASE)


# "Which one is better for me?", "which would you recommend?": a choice for the patient, which only their surgeon
# makes; never answered by picking the option whose facts share a word ("better" is in a fact on improvement).
_WHICH_SUITS = re.compile(r"\b(?:better|best|right (?:one |choice |option )?for|suits?|suited|suitable|recommend\w*|"
                          r"advise|advisable|safer|safest|preferable|prefer|worth (?:it|more)|"
                          r"should (?:i|he|she|we|they) (?:go for|choose|pick|get|have|do|opt for)|"
                          # "when would the surgeon pick one over the other?"
                          r"(?:pick|choose|prefer|use|go for|opt for|do) (?:one|it|that|this) "
                          r"(?:over|rather than|instead of) (?:the other|another|the second))\b", re.IGNORECASE)


def asks_which_suits(text: str) -> bool:
    """Whether a "which one" question asks which option is better or right for someone (``_WHICH_SUITS``)."""
    return bool(_WHICH_SUITS.search(clip(text)))


def asks_alternatives(text: str) -> bool:
    clipped = _PUT_FORWARD.sub(" ", clip(text))
    return bool(_ALTERNATIVES.search(clipped) or _DID_NOT_HELP.search(clipped))
