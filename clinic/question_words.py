"""How a question's wording is read before its words are matched with the facts.

``clinic.fact_ranking`` matches words; this module says which words count: phrases made only of
common words that still ask something, words about the asking itself, what the patient says they
do not want, and the word that marks asking in which case (``clinic.asking_condition``). Kept apart
so the ranking module holds the ranking alone.
"""

from __future__ import annotations

import re

from clinic.asking_condition import with_condition_word

MAX_QUESTION_WORDS = 400  # a long story is cut here: ranking stays a small constant per character

# Phrases made only of stopwords that still ask something ("in one go" is a question about stages).
SAME_PHRASE = re.compile(r"\b(?:in )?one (?:go|sitting|session|day|time)\b|\ball at once\b")
# Words about the asking itself ("could you give me both pieces of information?"), which no fact
# answers: "pieces" is no piece of nerve.
ASKING_WORDS = re.compile(r"\b(?:(?:a |the )?(?:piece|pieces|bit|bits) of )?(?:information|info|details)\b|"
                          # a comparison's wording ("or the other way around?"), no nerve going around
                          r"\b(?:the )?other way (?:a)?round\b|\bvice versa\b|"
                          # "what does it give me on top of that?" asks for more, not about the top of the face
                          r"\b(?:on top of|over and above) (?:that|this|it|those|these)\b")
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


def words_of(text: str) -> list[str]:
    text = NOT_WANTED.sub(" ", text.lower().replace("’", "'"))
    text = SAME_PHRASE.sub(" once ", text)
    text = TALK_OVER.sub(" discuss ", ASKING_WORDS.sub(" ", text))
    text = with_condition_word(CLINIC_HELPS.sub(" clinichelp", text))
    return re.findall(r"[a-z0-9]+", text.replace("'", ""))[:MAX_QUESTION_WORDS]
