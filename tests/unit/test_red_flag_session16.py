"""The red-flag rules on session 16: dev19's misses and false alarm as kinds of failure.

Every message here was written for these tests from general knowledge of how patients and relatives write (a weak
cheek that "started Tuesday", an eye that has not blinked "since" a time, pain rated "10 out of 10" or that
painkillers "do nothing for" on "day 2", a dressing changed again and again within the hour, Spanish for bleeding
that "does not stop", sparks of light and a dark patch in the sight, the wrong words coming out, a throat
"narrowing", a tablet choked on, the most pills one could take beside "done with everything"; an allergic swelling
"ages ago"), never a held-out text. Every case of NOT_URGENT and URGENT fails on the rules of the session's start,
as does every case of CHECKIN (loneliness, sadness with its reason, a relative "down about" their face, shame that
keeps one in, worry that does not stop, being drained); STILL_NOT_URGENT, STILL_URGENT and NO_CHECKIN hold guards
that must keep holding.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent

# An emergency of long ago told as history: a question, not a crisis.
NOT_URGENT = [
    "Ages ago my throat swelled after a bee sting. Does the anaesthetist need to know that?",
    "A long time ago my tongue swelled up from a new blood pressure pill. Is general anaesthesia still fine?",
]

# Guards: the same words in questions, plans and a palsy lived with.
STILL_NOT_URGENT = [
    "Is it normal for the pain to be 6 out of 10 the week after a muscle transplant?",
    "How many times a day should the dressing be changed after a cross face graft?",
    "My eye has not blinked properly since the palsy in 2015. Would a gold weight help?",
    "Can painkillers do nothing after facial surgery, or should they always help?",
    "What is the maximum paracetamol I can take at once for the pain after my operation?",
]

# Emergencies in lay words: (message, first kind).
URGENT = [
    ("My left cheek won't puff out any more, it began Tuesday and it is spreading", "new_palsy"),
    ("his eye on the right is not blinking since lunch", "new_palsy"),
    ("The pain since my graft on Monday is 10 out of 10 and it's day 3", "post_op"),
    ("Op was two days ago and the painkillers do nothing for this pain, it's day 2", "post_op"),
    ("Surgery yesterday, I have changed the dressing 4 times in the last hour", "post_op"),
    ("Me operaron hace tres días y la herida no deja de sangrar", "post_op"),
    ("Since this afternoon I keep seeing sparks of light and a black patch in my vision", "eye_emergency"),
    ("Dad's smile went crooked at lunch and different words come out when he speaks", "stroke"),
    ("My throat feels like it is narrowing since the injection", "breathing"),
    # a tablet stuck in the throat is the airway's emergency, not a means of self-harm
    ("My uncle is choking on his pills and cannot swallow", "breathing"),
    ("whats the most sleeping tablets a person can take in one go? im done with all this", "self_harm"),
]

# Guards: an eye struck by a branch or twig, found before the rules had the verb.
STILL_URGENT = [
    ("A twig struck my eye an hour ago and it really hurts", "eye_emergency"),
]


@pytest.mark.parametrize("text", NOT_URGENT + STILL_NOT_URGENT)
def test_history_and_questions_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), URGENT + STILL_URGENT)
def test_emergencies_in_lay_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


# Low mood in everyday words: the question answered, with one gentle line (a check-in, never urgent).
CHECKIN = [
    "There's nobody at home to talk to about my face. How long is the hospital stay?",
    "My daughter seems down about her smile. What can help her?",
    "I'm embarrassed to meet new people now. Can physio help my smile?",
    "I keep worrying that it will never get better. When would I see results?",
    "Sad because my smile changed so much. Is there surgery for it?",
    "Drained by all the hospital visits. How many stages are there?",
    "Me siento muy solo desde la operación. ¿Cuánto dura la recuperación?",
]

# Guards: someone else's worry, and a plain question.
NO_CHECKIN = [
    "My surgeon keeps worrying about my eye. Is a gold weight an option?",
    "Is it normal to feel drained the week after the operation?",
]


@pytest.mark.parametrize("text", CHECKIN)
def test_low_mood_in_everyday_words_gets_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", NO_CHECKIN)
def test_a_worry_of_others_is_no_low_mood(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text
