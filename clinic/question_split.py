"""Cutting a patient's message into its questions: at question marks, semicolons, a numbered list,
"and" or a comma before a question word, a full stop before a sentence that asks; a condition stays with
its question and an announcement ("3 quick q's:") is none. Plain Python on the text, no Rasa.
"""

from __future__ import annotations

import re

MAX_TEXT = 2000  # longer messages are read up to here: every check stays linear and small

_ASKING = r"(?:what|how|wh\w+|is|are|do|does|did|can|could|will|would|should|might|may)"
_QUESTION_BREAK = re.compile(r"[?;]+|\n|\s[-–+&]\s|,?\s{1,2}\band\b\s+(?=(?:what|how|wh\w+|is|are|do|does|can|could|"
                             r"will|would|should|might|may|i|also|the|any|if)\b)|,\s*(?=(?:what|how|wh\w+|is|"
                             r"are|do|does|can|could|will|would|should|might|may|and)\b)|"
                             # "1) how long is it 2) do I stay in?", "a. ... b. ...": a numbered list
                             r"(?:^|(?<=\s))\(?(?:\d{1,2}|[a-c])[.)](?=\s)|"
                             # "how long is the op also what anaesthetic is used", "... plus do I stay in"
                             rf"\s+(?:and\s+)?(?:also|plus)\s+(?={_ASKING}\b|whether\b|if\b)", re.IGNORECASE)
# A full stop before a sentence that asks ("What's a cross-face graft. Also is it painful"): a new
# question, when another sentence of the message asks too.
# (not after a list marker: "1. what is it 2. how long" is the numbered list's to cut)
_ASKING_SENTENCE = re.compile(r"(?<=[a-z0-9)])(?<!\s[0-9a-c])(?<!\s\d\d)\.\s+"
                              rf"(?=(?:and\s+|also\s+|so\s+|but\s+)?{_ASKING}\b)", re.IGNORECASE)
_LIST_MARKER_AT_END = re.compile(r"\s+\(?(?:[a-c]|\d{1,2})[.)]$", re.IGNORECASE)  # "... graft b." before "how long"
_ASKS = re.compile(rf"^\s*(?:and\s+|also\s+|so\s+|but\s+)?{_ASKING}\b", re.IGNORECASE)


def clip(text: str) -> str:
    return text[:MAX_TEXT]


# A clause that sets a condition for the question after it, not a question of its own. "When" with a
# verb straight after it asks a question itself: "when is it needed, and could they repair it instead?"
_CONDITION = re.compile(r"^(?:and |but |so )?(?:if|when(?!\s+(?:is|are|was|were|do|does|did|can|could|will|would|"
                        r"should|might|may|must)\b)|unless|once|in case|given that|assuming)\b", re.IGNORECASE)


def split_questions(text: str) -> list[str]:
    """The message's questions, at most three; a single question comes back alone.

    Splits at question marks, semicolons, dashes, and at "and"/commas followed by a question word,
    keeping only parts with at least two words. Parts beyond the third are joined to the third,
    so nothing asked is silently dropped from the text that is ranked.
    """
    sentences = _asking_sentences(_without_announcement(clip(text)))
    raw = [p for sentence in sentences for p in _parts_of(sentence) if p and p.strip(" ,.!:")]
    joined: list[tuple[str, int]] = []  # each part, and its words counted with a blanked name as one
    conditioned = False  # the last part is a condition that already took its question along
    for part in raw:  # "if the nerve won't recover, what can be done?" is one question and its condition
        kept, words = _LIST_MARKER_AT_END.sub("", part.strip(" ,.!:?")), _word_count(part)
        if words == 1 and _ONE_WORD_QUESTION.match(part):
            words = 2  # "op length? anaesthetic? overnight stay?": a word with its own question mark asks
        # one question only: "if I had the graft, how long is the op and how long off work?" asks two
        if joined and not conditioned and _CONDITION.match(joined[-1][0]) and not joined[-1][0].endswith("?"):
            joined[-1] = (f"{joined[-1][0]}, {kept}", joined[-1][1] + words)
            conditioned = True
        else:
            joined.append((kept, words))
            conditioned = False
    return [p for p, words in joined if words >= 2 and not announces_questions(p)] or [clip(text).strip()]


# One word of four letters or more that ends with its own question mark, in a message of terse questions
# ("op length? anaesthetic? overnight stay?"); whether it asks anything is the ranking's to say.
_ONE_WORD_QUESTION = re.compile(r"^\s*[a-z][a-z'-]{3,}\?$", re.IGNORECASE)


# One word before a dash ("Recovery - how long overall?", "Results - will I see them straight away?"): the
# question's subject, kept with it; alone it would be a one-word part, dropped, and the question left without it.
_LABEL = re.compile(r"^\s*[a-z]+\s*$", re.IGNORECASE)
# A few words pointing at one option before a comma ("the thigh muscle one, how long am I under for?"): the
# question's subject too, not a question of its own that would take the option away from the question.
_SUBJECT = re.compile(r"^\s*(?:the|that|this|my|his|her|their|your)\s+(?:[a-z'-]+\s+){0,3}"
                      r"(?:one|op|operation|surgery|procedure|option|kind|type|treatment)\s*$", re.IGNORECASE)


def _parts_of(sentence: str) -> list[str]:
    """The sentence cut at each question break, a part keeping the question mark that ended it."""
    parts, start = [], 0
    for found in _QUESTION_BREAK.finditer(sentence):
        ended = sentence[start:found.start()]
        if found.group().strip() in ("-", "–") and _LABEL.match(ended):
            continue  # "Recovery - how long overall?": the word before the dash says what is asked about
        if not start and found.group().startswith(",") and _SUBJECT.match(ended) and not _ASKS.match(ended):
            continue  # "the eyelid one, is it done under general?"
        parts.append(f"{ended}?" if found.group().startswith("?") else ended)
        start = found.end()
    parts.append(sentence[start:])
    return parts


# A procedure's name blanked out (``actions/fact_selection.blank_names`` keeps offsets with spaces) is
# still a word of its question: "What's [nerve transfer] and what's its risk?" asks two questions.
_BLANKED_NAME = re.compile(r"(?<=\S) {3,}")


def _word_count(part: str) -> int:
    return len(part.split()) + len(_BLANKED_NAME.findall(part))


# "Hi, 3 quick q's:", "a couple of questions please": a part that only says questions are coming.
# Closed-class words only; a part naming anything else ("some questions about the graft") is kept.
_ANNOUNCING = frozenset("""hi hello hey hiya ok okay so right dear doctor just i ive i've have got a an the some few
couple of several quick short small little more other two three four five 2 3 4 5 please for you to ask
""".split())
_QUESTION_NOUN = re.compile(r"^(?:questions?|q'?s|qs|queries|query|things)$")


# "Two things: what is it, and how long does it take?": an announcement before a colon, left out of the first
# question (its "two" would otherwise be read as asking about the two types of surgery).
_ANNOUNCEMENT_BEFORE_COLON = re.compile(r"^\s*([^:?.!]{1,40}):\s*")


def _without_announcement(text: str) -> str:
    found = _ANNOUNCEMENT_BEFORE_COLON.match(text)
    return text[found.end():] if found and announces_questions(found.group(1)) else text


# A request to be told what follows, which asks nothing itself ("Kindly inform me:", "Please tell me the following",
# "I would like to know:"): its words ("kindly", "following") would otherwise match facts by their stems.
_ASKS_TO_BE_TOLD = re.compile(
    r"^\W*(?:(?:kindly|please|pls|plz|could you|can you|would you)\s+)*(?:inform|tell|advise|let)\s+me"
    r"(?:\s+(?:know|of|about))?(?:\s+(?:the\s+)?following)?\W*$"
    r"|^\W*(?:(?:kindly|please)\s+)?i(?:\s+would|'d|\s+d)?\s+(?:like|want|wish|need)\s+to\s+(?:know|ask)"
    r"(?:\s+(?:the\s+)?following)?\W*$", re.IGNORECASE)


def announces_questions(part: str) -> bool:
    """Whether a part of a message only announces questions ("hi 3 quick q's", "Kindly inform me:"): it asks
    nothing, and counted as a question it would crowd out the third real one."""
    if _ASKS_TO_BE_TOLD.match(part):
        return True
    words = re.findall(r"[a-z0-9']+", part.lower())
    return (any(_QUESTION_NOUN.match(w) for w in words)
            and all(w in _ANNOUNCING or _QUESTION_NOUN.match(w) for w in words))


def _asking_sentences(text: str) -> list[str]:
    """The message cut before each sentence that asks, when at least two do; a sentence that asks
    nothing (the story: "My mum had Bell's palsy.") stays with the question after it."""
    sentences = _ASKING_SENTENCE.split(text)
    if sum(bool(_ASKS.match(s)) for s in sentences) < 2:
        return [text]
    joined: list[str] = []
    pending = ""
    for sentence in sentences:
        if _ASKS.match(sentence):
            joined.append(f"{pending}{sentence}")
            pending = ""
        else:
            pending += f"{sentence}. "
    if pending and joined:
        joined[-1] = f"{joined[-1]}. {pending}"
    return joined or [text]
