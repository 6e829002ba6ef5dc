"""Reading the shape of a patient's message: several questions, a comparison, a correction, a
follow-up that leans on the last answer. Plain Python on the text; no Rasa, no knowledge base. Where the
message is cut into its questions is ``clinic/question_split.py``; what a correction meant is read in
``clinic/corrections.py``.
"""

from __future__ import annotations

import re

from clinic.question_split import clip

MAX_QUESTIONS = 3

_COMPARISON = re.compile(r"\b(vs\.?|versus|compared? (?:with|to)|comparison|differen(?:t|ce|ces)|differ|"
                         r"better than|rather than|instead of|or the|which (?:one|is) (?:better|worse|more|less)|"
                         # "is the time off work the same as the time to recover fully?"
                         r"(?:the )?same as|"
                         # "is that done more often than grafting?", "is it riskier than the transfer?"
                         r"(?:more|less) (?:often|common|commonly|frequently|usual|usually|likely|risky|painful|"
                         r"effective|successful|popular|invasive|complicated|serious|natural|reliable) than|"
                         r"(?:safer|riskier|quicker|faster|slower|longer|shorter|easier|harder|commoner|rarer) than|"
                         # "what separates the two?", "how do I tell them apart?", "what distinguishes them?"
                         r"separates? (?:the two|them|these|those|one from)|tells? (?:them|the two) apart|"
                         r"distinguish(?:es)?)\b",
                         re.IGNORECASE)
_VERSUS = re.compile(r"\b(?:vs\.?|versus)\b", re.IGNORECASE)
_SIDES = re.compile(r"\b(?:vs\.?|versus|compared? (?:with|to)|(?:the )?same as|or)\b", re.IGNORECASE)
# Words that show the message leans on what was said before ("and the risks of that one?").
_FOLLOW_UP = re.compile(r"^\s*(and|but|so|ok(?:ay)?|what about|how about|same for|also|then)\b|"
                        r"\b(it|that|this|those|these|them|they|the other|that one|this one|the same|"
                        r"going back|back to|again|as well|both|each|either|neither)\b", re.IGNORECASE)
# A reason asked in a few words ("why so long?", "how come?"): about what was just said, having no subject of its own.
_SHORT_WHY = re.compile(r"^\s*(?:and\s+|but\s+)?(?:why|how come|how so)\b", re.IGNORECASE)
SHORT_WHY_MAX_WORDS = 5
# ("whats", "hows": the apostrophe left out is as common as typed)
# A question's first words, after the lead-ins that start it ("unrelated, but do you...", "btw, is...").
# An acknowledgement before the question leads in as well ("right, how likely is that then?", "cheers, and the risks?").
# A short label before a dash, colon or comma leads in too ("myectomy - what is it", "Recovery: how long?",
# "and neurectomy, how different").
_QUESTION_START = re.compile(r"^\s*(?:(?:and|so|but|ok(?:ay)?|also|unrelated(?:ly)?|btw|by the way|oh|sorry|"
                             r"[\w'’]+(?:\s+[\w'’]+){0,2}\s*[-–—:,]|"
                             r"right|alright|all right|cool|great|fine|thanks|thank you|ta|cheers|yes|yeah|yep|"
                             r"i see|got it|ah|hmm+|well|perfect|brilliant|lovely|"
                             r"(?:one |a )?(?:more|other|another|quick|last|different) question)[,:.!-]?\s+)*"
                             r"((?:what|how|when|where|who)s?|why|which|is|are|do|"
                             r"does|can|could|will|would|should|tell me|explain|"
                             # the question before, asked again of another ("Same question for the leg one, please.")
                             r"(?:the )?same (?:question |thing )?(?:for|about|with))\b", re.IGNORECASE)
# Where one sentence ends and the next begins: "Doctor wrote 'myectomy'. what is this" asks in its second.
_SENTENCE_BREAK = re.compile(r"(?<=[.?!])\s+")
# A request to be told something ("I would like to know what eyelid surgery does"): a question without its "?".
# "Kindly share details about the myectomy." is one too.
_ASKS_TO_KNOW = re.compile(r"\b(?:i(?:'d|d|’d| would| wanted| want)? (?:like )?to "
                          r"(?:know|ask|understand|find out|learn)|(?:can|could|would) you (?:please |kindly )?"
                          r"(?:tell|explain|describe|share)|(?:please|pls|plz|kindly) (?:tell|explain|describe|share|"
                          r"give|provide))\b",
                          re.IGNORECASE)
# A question announced as about something else ("Other question: how long is he off work?", "Changing the subject,
# ..."): what was discussed before is not what it asks about, unless it points back ("another question about it").
_NEW_SUBJECT = re.compile(r"^\W*(?:(?:an?|one )?other|another|different|separate|unrelated|new) "
                          r"(?:question|topic|subject|thing|query)\b|"
                          r"^\W*(?:changing|to change) the (?:subject|topic)\b|"
                          r"^\W*on (?:an?|the )?(?:different|separate|other|another) (?:note|topic|subject)\b",
                          re.IGNORECASE)
_RETURN = re.compile(r"\b(going back|back to|return(?:ing)? to|again|re the|about the .{1,40} again)\b", re.IGNORECASE)


# Prices, insurance, bookings, places: what the front desk answers, whatever procedure is named.
_LOGISTICS = re.compile(r"\b(cost|costs|price|prices|pay|paying|paid|fee|fees|charge|insurance|insurer|covered|"
                        r"nhs|medicare|private|privately|book|booking|appointment|appointments|cancel|waiting list|"
                        r"address|parking|bus|opening hours|phone|email|refund|discount|money|"
                        r"afford|loan|instal+ments?|quote|ballpark|"
                        r"how much (?:is it|is an?|are they|for|do you charge|does it come to))\b", re.IGNORECASE)


def asks_logistics(text: str) -> bool:
    return bool(_LOGISTICS.search(clip(text)))


def comparison_sides(text: str) -> list[str]:
    """The two sides of "time off work vs full recovery": the text before and after the comparing
    word, each keeping the rest of the question ("how do they differ") for its ranking."""
    match = _SIDES.search(clip(text))
    if match is None:
        return [clip(text)]
    before, after = clip(text)[: match.start()].strip(" ,-"), clip(text)[match.end():].strip(" ,-")
    if len(before.split()) < 1 or len(after.split()) < 1:
        return [clip(text)]
    return [before, after]


def is_comparison(text: str) -> bool:
    return bool(_COMPARISON.search(clip(text)))


def without_comparing_words(text: str) -> str:
    """The text with its comparing words blanked (same length, same offsets): in "what's the
    difference between a graft and a transfer?" the word "difference" asks what each one is, and
    must not rank a fact that happens to use it ("you may notice a difference after months")."""
    return _COMPARISON.sub(lambda m: " " * len(m.group()), text)


def opens_new_subject(text: str) -> bool:
    """A message announced as about something new, with no word pointing back to what was said."""
    text = clip(text)
    lead = _NEW_SUBJECT.match(text)
    return lead is not None and not _FOLLOW_UP.search(text[lead.end():])


def is_follow_up(text: str) -> bool:
    text = clip(text)
    return bool(_FOLLOW_UP.search(text)) or (bool(_SHORT_WHY.match(text)) and len(text.split()) <= SHORT_WHY_MAX_WORDS)


def short_question_focus(text: str) -> tuple[int, int] | None:
    """A shorter message's one question sentence (with the sentence a "What is it?" points to), or
    None when it has no such sentence or asks a second question without its "?" ("is Botox an
    option? also does physio help"): which of the procedures it names is asked about."""
    focus = question_focus(text, min_words=NAMED_FOCUS_MIN_WORDS)
    if focus is None or looks_like_question(text[:focus[0]]) or looks_like_question(text[focus[1]:]):
        return None
    return focus


# A question after the case it is asked for, typed without its "?" ("n if the jabs dont work is there an op for it",
# "if they do it will I be awake"); not a statement after one ("if it works I will be happy").
_IF_THEN_ASKS = re.compile(r"^\s*(?:(?:and|n|an|so|but|ok|okay)\s+)?if\s+[\w'’]+(?:\s+[\w'’]+){0,7}?\s*,?\s+"
                           r"(?:is there|are there|is it|what|how|when|"
                           r"(?:will|would|can|could|should|do|does|is|are)\s+(?:i|it|they|he|she|you|we|my|the|that|this|there)\b)",
                           re.IGNORECASE)
_WH_OPENING = re.compile(r"^\s*(?:what|how|why|when|where|which|who)\b", re.IGNORECASE)


def asks_outright(text: str) -> bool:
    """A question that opens with its question word and ends with "?" ("What precisely does the injection
    accomplish?"): a yes-word inside it ("precisely", "exactly") is no agreement."""
    text = clip(text).strip()
    return len(text.split()) >= 4 and text.endswith("?") and bool(_WH_OPENING.match(text))


def looks_like_question(text: str) -> bool:
    """A question of a few words ("and the other one?"), not "ok" or "thanks"; without its "?", a sentence
    that opens like a question, whichever sentence of the message it is, a request to be told ("I would
    like to understand the risk of a nerve transfer. Thank you in advance."), or two things set against
    each other ("selective neurectomy vs selective myectomy whats the diff")."""
    text = clip(text).strip()
    return len(text.split()) >= 3 and ("?" in text or any(map(_QUESTION_START.match, _SENTENCE_BREAK.split(text)))
                                       or bool(_ASKS_TO_KNOW.search(text) or _VERSUS.search(text)))


def asks_after_condition(text: str) -> bool:
    """A question typed without its "?" after the case it is asked for ("n if the jabs dont work is there an op for
    it"). Not part of ``looks_like_question``: there it changed how some 130 parts of studied messages were read, and
    a blind set lost a follow-up (session 49); only a request for the alternatives uses it."""
    return any(map(_IF_THEN_ASKS.match, _SENTENCE_BREAK.split(clip(text).strip())))


def only_asks(text: str) -> bool:
    """A message whose every sentence asks ("so would I be able to smile after it?", "Hello. I would like to know
    what the eyelid surgery does."), a greeting aside: it describes no case of the patient's own."""
    sentences = [s for s in _SENTENCE_BREAK.split(clip(text).strip()) if len(s.split()) >= 3]
    return bool(sentences) and all(map(looks_like_question, sentences))


def returns_to_earlier(text: str) -> bool:
    return bool(_RETURN.search(clip(text)))


# A measure a question asks for: a correction that names another subject only ("sorry, I meant the
# surgery itself" after "how long does the recovery take?") still asks for it.
_MEASURE = re.compile(r"\bhow (?:long|soon|many|much|often|quickly|likely|rare|common)\b", re.IGNORECASE)


def with_measure_asked(meant: str, previous: str) -> str:
    """``meant`` asking for the measure the previous question asked for, unless it asks its own."""
    asked = _MEASURE.search(clip(previous))
    if asked is None or _MEASURE.search(meant) or _QUESTION_START.match(meant):
        return meant
    return f"{asked.group().lower()} {meant}"


FOCUS_MIN_WORDS = 25
# Shorter messages still have a question sentence apart from what they tell: "My physio mentioned
# Botox and a neurectomy. What does Botox do?" asks about Botox alone.
NAMED_FOCUS_MIN_WORDS = 8
# A question that points at the sentence before it ("what is that operation?", "is it safe?").
_POINTS_BACK = re.compile(r"\b(that|this|it|those|these|such|they|them|the same|both|either)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
# "Which of those two is the rarer one?": a choice between the options just shown or compared.
_WHICH_OF = re.compile(r"\bwhich (?:(?:of|from) (?:those|these|the|them|both)"
                       r"(?: two| 2| three| procedures| treatments| options)?|one)\b|"
                       r"\b(?:is it|was it) the (?:first|second|former|latter)\b", re.IGNORECASE)


# "If I went for surgery, would it give me a moving smile?": "it" is the surgery named before it in the
# question, not the sentence before (where "I'm a school teacher" would be read as asking about work)
_SURGERY_NAMED = re.compile(r"\b(?:surger(?:y|ies)|operations?|ops?|procedures?|treatments?|reanimation)\b",
                            re.IGNORECASE)


# "How long are these reanimation ops?": the pointing word names the surgery in general itself.
_NAMES_REANIMATION = re.compile(r"\s+(?:facial\s+)?reanimation\b", re.IGNORECASE)


# "Can an operation sort that?", "is there anything to fix it?": what a remedy is asked for is the trouble the
# sentence before tells, even when the surgery is named first
_REMEDY_FOR_IT = re.compile(r"\b(?:sort|fix|treat|improve|correct|cure|repair|solve|tackle|reverse|help)(?:\s+out)?"
                            r"(?:\s+(?:with|for))?\s+(?:that|this|it|these|those)\s*(?:[?.!]|$)", re.IGNORECASE)


def _points_back_before_naming(question: str) -> bool:
    """Whether the question points back ("what is that?") before naming the surgery it asks about, or asks
    for a remedy to what it points back to."""
    back = _POINTS_BACK.search(question)
    return back is not None and (_REMEDY_FOR_IT.search(question) is not None or (
        not _SURGERY_NAMED.search(question, 0, back.start()) and not _NAMES_REANIMATION.match(question, back.end())))


def _asking_sentences(sentences: list[re.Match[str]]) -> list[re.Match[str]]:
    """The sentences that ask: those ending in "?", else those that open like a question ("How long would I
    be off work if I had the operation." before "I am 71 years of age.") or ask to be told ("I would like
    to understand the risk." before "Thank you in advance."), else the last one."""
    return ([m for m in sentences if m.group().rstrip().endswith("?")]
            or [m for m in sentences if _QUESTION_START.match(m.group()) or _ASKS_TO_KNOW.search(m.group())]
            or sentences[-1:])


def story_before_question(text: str) -> str:
    """The sentences before a message's first question ("I've had no movement for ten years. Is
    there anything for me?" tells "I've had no movement for ten years."); empty when there is none."""
    text = clip(text)
    sentences = [m for m in _SENTENCE.finditer(text) if m.group().strip(" .!?")]
    asking = _asking_sentences(sentences)
    return text[:asking[0].start()] if asking else ""


def question_focus(text: str, with_context: bool = True, min_words: int = FOCUS_MIN_WORDS) -> tuple[int, int] | None:
    """Where the question of a long message is (start, end): its asking sentences (``_asking_sentences``).
    None for a message under ``min_words`` words or a single sentence: the whole text is the question.
    ``with_context``: a question that points back ("what is that operation?") takes the sentence before it along."""
    text = clip(text)
    if len(text.split()) < min_words:
        return None
    sentences = [m for m in _SENTENCE.finditer(text) if m.group().strip(" .!?")]
    if len(sentences) < 2:
        return None
    asking = _asking_sentences(sentences)
    start, end = asking[0].start(), asking[-1].end()
    if end - start > 2 * sum(len(m.group()) for m in asking):
        start, end = asking[-1].start(), asking[-1].end()  # questions far apart: the last one
    before = [m for m in sentences if m.end() <= start]
    if with_context and before and _points_back_before_naming(text[start:end]):
        start = before[-1].start()  # "...they cut small nerve branches. What is that operation?"
    if len(text[start:end].split()) < 3 or end - start >= len(text.strip()):
        return None
    return start, end


# Stricter than _POINTS_BACK: "that" only as a pronoun ("does that hurt?"), not as in "a surgery that cuts".
_REFERS_BACK = re.compile(r"\b(?:it|its|they|them|this|these|those|the same|that(?=\s+(?:one|op|operation|surgery|"
                          r"procedure|treatment|take|takes|last|lasts|hurt|work|need|mean|involve|require)\b|\s*[?.!]|\s*$))\b",
                          re.IGNORECASE)


# "the therapy one", "the thigh muscle op": an option told apart by a word of its description
_DESCRIBED_ONE = re.compile(r"\bthe ((?:[a-z-]+ ){0,2}[a-z-]+) (?:one|ones|option|op|operation|surgery|procedure|"
                            r"treatment|kind|type)\b", re.IGNORECASE)
_NOT_DESCRIPTIONS = frozenset({"first", "second", "third", "last", "other", "same", "next", "previous", "whole",
                               "only", "right", "best", "main", "actual", "this", "that", "my", "your"})


def described_option(text: str) -> str:
    """The words that tell an option apart in "what does the therapy one involve?" ("therapy"), or
    "" when the message points at no option that way (an ordinal or "the other one" is no description)."""
    for match in _DESCRIBED_ONE.finditer(clip(text)):
        words = match.group(1).lower().split()
        if _NOT_DESCRIPTIONS.isdisjoint(words):
            return " ".join(words)
    return ""


def points_back(text: str) -> bool:
    """Whether a question leans on something said before it ("is it safe?", "how long does that take?")."""
    return bool(_REFERS_BACK.search(clip(text)))


def asks_which_of(text: str) -> bool:
    return bool(_WHICH_OF.search(clip(text)))
