"""The red-flag rules on phrasings fixed in session 11 (without Rasa).

Every message here was written for these tests from general knowledge of how patients, relatives and
staff write (the classes a studied set's misses and a reported false alarm showed, never their texts).
The held-out sets in tests/e2e/ are never read here. Every case of URGENT, NOT_URGENT, CHECK_IN and ONLY_THEIR_KIND
fails on the rules of the session's start; STILL_URGENT, STILL_NOT_URGENT, STILL_NEW_PALSY and NOTHING are guards
that held already (most of them against false alarms the session's own drafts could have raised) and must
keep holding.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent

# Messages that get the advice of their kind first.
URGENT = [
    # A double dose of one medicine taken together with another.
    ("Took double my diazepam with my codeine 15 mins ago", "self_harm"),
    # A wish never to have survived.
    ("I wish I had never survived the crash", "self_harm"),
    # A thing that fell out of a hand beside a face sign, a name that cannot be said properly.
    ("Mum's face went lopsided suddenly and the spoon slipped out of her hand", "stroke"),
    ("my husband's mouth is drooping since ten minutes ago and he can't pronounce our son's name properly",
     "stroke"),
    # "can't breath" without the e, no punctuation after it.
    ("cant breath tongue swelling up since the antibiotics", "breathing"),
    # A tongue gone thick beside hives.
    ("broke out in hives after the new tablets and my tongue feels thick and heavy", "breathing"),
    # Treasured things handed to a relative, and a departure one can "finally" make.
    ("I gave my records and dad's ring to my nephew this week. I can finally rest.", "self_harm"),
]

# Everyday uses of the same words: no urgent advice.
NOT_URGENT = [
    # A transplanted muscle or graft that may not survive is a surgical risk asked about.
    "I'm told the graft might not survive. True?",
    # ... and "the nerve" is the face's nerve there, not one's courage.
    "I've been told the nerve might not survive. Is that right?",
    # A risk of not surviving an operation, asked about.
    "I've been told I might not survive. Is that right?",
    # "already" in the reason for a fear is the everyday problem behind it, not the feared event now.
    "I'm scared the sedation might make me choke because drinks already dribble out of my lip. Is that a concern?",
    "I worry sedation could make me choke because food already gets stuck in my cheek. Is that likely?",
    # Choking back tears is an emotion held in.
    "I was choking back tears watching the before and after videos, they're amazing. Can I get a consultation?",
]

# Guards that held before session 11 and must keep holding.
STILL_URGENT = [
    ("I hope I don't survive the operation", "self_harm"),
    # A welcomed risk of dying, and a double dose of two medicines taken.
    ("honestly I'd welcome it if I might not survive the anaesthetic", "self_harm"),
    ("Swallowed double my sleeping tablets and my husband's tramadol an hour ago", "self_harm"),
    # A present complaint given as the reason still is one.
    ("I'm scared because I already can't breathe properly since the op", "breathing"),
]

STILL_NOT_URGENT = [
    "The surgeon said there's a small chance the transplanted muscle may not survive. How often does that happen?",
    "Could the nerve graft not survive if I smoke?",
    "What if I might not survive the operation? Is the anaesthetic safe at 80?",
    # A double dose asked about.
    "Can I take double my painkillers and ibuprofen the night after surgery?",
    "I have a gummy smile and my eye is a bit red from hay fever, can botox help the smile?",
    "I'm not out of breath after walking, is the operation still needed?",
]

# Low mood about one's face beside a question: the gentle check-in line, nothing urgent.
CHECK_IN = [
    "Honestly I hate what I see in the mirror since the palsy. Would fillers help?",
    "Estoy cansado de ocultar mi cara. ¿Hay cirugía para esto?",
]

# Words of the same phrases in good news or plain plans: nothing.
NOTHING = [
    "I love what I see in the mirror now, thank you!",
    "We gave my bike to my brother, now the cast is off I can finally go for walks!",
]

# Only their own kind first (the old rules gave another kind first, or none).
ONLY_THEIR_KIND = [
    # Limbs and speech said to be fine: a new palsy, not a stroke.
    ("This morning my right cheek and lip stopped moving. Legs and arms are fine and speech is ok.", ["new_palsy"]),
    # Blisters by the ear with a face that stopped moving and dizziness: the ear's nerve, a new palsy.
    ("Blisters came up on my earlobe two days ago, now that side of my face has stopped moving and I feel dizzy",
     ["new_palsy"]),
    # An eye emergency in a palsy that is the cause of an eye not shutting, or a relative who has one.
    ("Since lunch there's a grey patch on my eye and it aches badly. The eye won't close because of "
     "the old facial palsy.", ["eye_emergency"]),
    ("My son has facial palsy and his eye patch fell off overnight. The eye is red and sore now.", ["eye_emergency"]),
]

# A relative who has a palsy since a recent time is still a new palsy.
STILL_NEW_PALSY = [
    "my son has Bell's palsy since yesterday, what should we do",
    "my daughter has facial palsy and woke up with the other side drooping today",
]


@pytest.mark.parametrize(("text", "kind"), URGENT)
def test_urgent_forms_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_everyday_uses_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_guards_stay_urgent(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", STILL_NOT_URGENT)
def test_guards_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "expected"), ONLY_THEIR_KIND)
def test_only_their_kind(nlp: Language, rules: RedFlagRules, text: str, expected: list[str]) -> None:
    assert urgent(nlp, rules, text) == expected, text


@pytest.mark.parametrize("text", STILL_NEW_PALSY)
def test_a_relative_with_a_recent_palsy_is_a_new_palsy(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["new_palsy"], text


@pytest.mark.parametrize("text", CHECK_IN)
def test_low_mood_about_the_face_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", NOTHING)
def test_good_news_and_plans_get_nothing(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text
