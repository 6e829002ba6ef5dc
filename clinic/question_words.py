"""How a question's wording is read before its words are matched with the facts.

``clinic.fact_ranking`` matches words; this module says which words count: phrases made only of
common words that still ask something, words about the asking itself, what the patient says they
do not want, the word that marks asking in which case (``clinic.asking_condition``), and words that
read otherwise in place ("put me under", "100%"). Kept apart so the ranking module holds the ranking alone.
"""

from __future__ import annotations

import re

from clinic.asking_condition import with_condition_word

MAX_QUESTION_WORDS = 400  # a long story is cut here: ranking stays a small constant per character

# Phrases made only of stopwords that still ask something ("in one go" is a question about stages);
# "in one shot" too, though "one shot of Botox" is an injection; "a one-off" and "one major operation" as well.
SAME_PHRASE = re.compile(r"\b(?:in )?(?:one|1)[ -](?:go|sitting|session|day|time)\b|\bin (?:one|1) (?:shot|hit)\b|"
                         r"\ball at once\b|\bone[ -]off\b|"
                         r"\b(?:one|1|a single) (?:big|major|large|long|huge) (?:operation|op|surgery|procedure)\b")
# Words about the asking itself ("could you give me both pieces of information?"), which no fact
# answers: "pieces" is no piece of nerve.
ASKING_WORDS = re.compile(r"\b(?:(?:a |the )?(?:piece|pieces|bit|bits) of )?(?:information|info|details)\b|"
                          # "in general" asks broadly ("in general, how long does recovery take?"), no anaesthetic
                          r"\bin general\b|\bgenerally speaking\b|"
                          # a comparison's wording ("or the other way around?"), no nerve going around
                          r"\b(?:the )?other way (?:a)?round\b|\bvice versa\b|"
                          # "what does it give me on top of that?" asks for more, not about the top of the face
                          r"\b(?:on top of|over and above) (?:that|this|it|those|these)\b|"
                          # someone asking through the writer ("Dad's asking - how long is he under for?")
                          r"\b(?:is|are|was|were|s|keeps|kept|been) asking\b|\basking (?:for|on behalf of)\b|"
                          # not daring to ask ("I didn't like to ask him") is no question of whom to ask
                          r"\b(?:like|liked|want|wanted|dare|dared|afraid|scared|embarrassed|shy|forgot|forget) "
                          r"to ask\b")
# The clinic helping someone ("can you help me?", "are you able to help people like me?") asks who
# is treated; a treatment helping ("can physio help?", "does Botox help?") asks whether it works, and
# "can you help my smile?" asks about the smile. Only the first is a word of the candidacy cues:
# "help" alone pointed every such question at them.
CLINIC_HELPS = re.compile(r"\b(?:you|u|clinic|surgeons?|doctors?)(?:\s+\w+){0,2}?\s+help(?=\s+"
                          r"(?:me|us|him|her|them|people|patients|someone|somebody|anyone|anybody|others)\b)")


# What the patient says they do not want or need ("I don't really need a full smile back, I just want
# to look even"): the clause names what is not asked for, so its words point at no fact.
NOT_WANTED = re.compile(
    r"\b(?:i|we|he|she|they|mum|dad)(?:'m|'re|'s| am| is| are)? (?:(?:do not|don't|dont|does not|doesn't|doesnt) "
    r"(?:really |even |much |so )?(?:need|want|care about|care much about|mind about)|(?:not|isn't|isnt|aren't|arent) "
    r"(?:really |that |too |so |even )?(?:bothered|interested|worried|fussed|concerned) (?:about|in|with))\b[^.,;!?]*")


# Talking something over, in words that are all stop words ("who should I go over the risks with?"):
# the page's "discussing". ("Go through" is left alone: it is also "going through surgery".)
TALK_OVER = re.compile(r"\b(?:(?:go|goes|going|went|talk|talks|talking|talked) (?:it |them |things )?over"
                       r"|(?:talk|talks|talking|talked) (?:it |them |things )?through"
                       r"|(?:go|goes|going|went) (?:it|them|things) through)\b")


# "Which muscles do they use?" asks for the muscles' names: without its question word, "muscles" is in
# half the facts; with it, one word that only the facts naming muscles carry among their cues.
WHICH_MUSCLES = re.compile(r"\b(?:which|what)(?: (?:kind|kinds|sort|sorts|type|types) of)? (?=muscles?\b)")


def words_of(text: str) -> list[str]:
    text = NOT_WANTED.sub(" ", text.lower().replace("’", "'"))
    text = WHICH_MUSCLES.sub(" musclesnamed ", text)
    text = SAME_PHRASE.sub(" once ", text)
    text = TALK_OVER.sub(" discuss ", ASKING_WORDS.sub(" ", text))
    text = with_condition_word(CLINIC_HELPS.sub(" clinichelp", text))
    return re.findall(r"[a-z0-9]+", text.replace("'", ""))[:MAX_QUESTION_WORDS]


# "What types of anaesthesia are used?": the kinds asked for are the anaesthetic's, so "types" weighs as
# little as a word pointing back to the surgery; "what types of nerve surgery are there?" keeps it.
KIND_OF_OTHER = re.compile(r"\b(?:type|types|kind|kinds|sort|sorts|form|forms)(?= of (?!(?:[a-z]+ )?(?:surger(?:y|ies)|"
                           r"operations?|ops?|procedures?|treatments?|options?|restorations?|reanimation|facial|face|"
                           r"palsy|paralysis)\b))")


# "Getting the face to work again", "will my smile work?": a part of the face that works is its function,
# not the patient's job ("back to work" is time off work). A muscle or nerve that won't work is a risk.
WORK_WORDS = frozenset("work works working worked".split())
WORKING_PARTS = frozenset("face smile eye eyes eyelid eyelids lid lids mouth lip lips cheek brow eyebrow forehead"
                          .split())
# the small words between the part and its working ("my face to work", "the eye will not work")
_PART_TO_WORK = frozenset("to will would can could should may might does do did doesnt dont didnt wont cant "
                          "not never still ever is isnt be start starts".split())


def _works_as_function(words: list[str], at: int) -> bool:
    """Whether ``words[at]`` is "work" said of a part of the face, at most two small words before it."""
    before = words[max(0, at - 3):at]
    for back, word in enumerate(reversed(before)):
        if word in WORKING_PARTS:
            return True
        if word not in _PART_TO_WORK or back == 2:
            return False
    return False


# "100%", "100 percent": the one number in a question that asks something (how perfect), not about the patient
PERCENT_WHOLE = "100"


# "put under", "go under", "right under": being anaesthetised, where "under" is otherwise a stop word
GOING_UNDER = frozenset("put go goes going gone went right".split())


# What "last" dates rather than lasts ("last year", "last Tuesday")
_TIME_AGO = frozenset("year years month months week weeks night nights time summer winter spring autumn fall "
                      "monday tuesday wednesday thursday friday saturday sunday weekend christmas".split())


def read_in_place(words: list[str], at: int, question: bool) -> str:
    """``words[at]`` as its neighbours make it read: a face's "work" is its function, "put under" is the
    anaesthetic, and a question's "100%" asks how perfect."""
    word = words[at]
    following = words[at + 1] if at + 1 < len(words) else ""
    if word in WORK_WORDS and _works_as_function(words, at):
        return "function"
    if word == "under" and at and words[at - 1] in GOING_UNDER:  # "would they put me right under?"
        return "anesthesia"
    if word == PERCENT_WHOLE and question:  # "will I get 100% of my smile back?" (a cue's "100 percent" stays)
        return "perfect"
    if word == "last" and following in _TIME_AGO:
        return "the"  # "since my palsy last year" dates the story; it is no operation that lasts
    if word == "home" and _done_at_home(words, at):
        return "exercises"  # "is there anything I can do at home?" asks for self-care, not about going home
    if word == "old" and following in _FORMER_OF:
        return "the"  # "back to his old self", "my old smile": the patient before the palsy, no age
    return word


# what "old" says is the patient's own from before ("my old self", "the old me"), not how old they are
_FORMER_OF = frozenset("self selves me smile face look looks life".split())


# what one does oneself ("anything I can do at home", "things to try myself at home")
_DOING = frozenset("do doing try trying practise practice practising practicing".split())


def _done_at_home(words: list[str], at: int) -> bool:
    """Whether "home" is where something is done: "at home" at most two words after a verb of doing."""
    return at >= 2 and words[at - 1] == "at" and any(w in _DOING for w in words[max(0, at - 4):at - 1])
