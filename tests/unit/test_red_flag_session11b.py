"""The red-flag rules on misspelt and buried emergencies fixed in session 11's second part (without Rasa).

Every message here was written for these tests from general knowledge of how patients and relatives write
(the kinds of failure a studied set's misses showed: words typed together, text-speak, a limb that is not
working, a side gone slack, a bleed that pressure does not stop, an admin question before a wound that split),
never a held-out text. Every case of URGENT, ONLY_THEIR_KIND, CHECK_IN and NOT_URGENT fails on the rules of the
session's start (an URGENT case at least in what the rules find without the models, which raised some
weak cues already); STILL_NOT_URGENT and NOTHING are guards that must keep holding.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent

URGENT = [
    # Three to five words typed as one, one of them a concept word.
    ("tookallmypills n now i feel dizzy", "self_harm"),
    # Text-speak: goodbye, said, something.
    ("my gf sent me a gbye forever msg n sed she took sumthing", "self_harm"),
    # A number of someone else's tablets ("25 of my dad's tablets": three words between "of" and the tablets).
    ("I took 25 of my dad's tablets tonight", "self_harm"),
    # A limb that is not working beside a speech sign.
    ("dad's left arm isn't working since ten minutes ago and he can't find his words", "stroke"),
    ("his right hand isn't working properly and his words are coming out jumbled", "stroke"),
    # "yest" for yesterday.
    ("my smile went lopsided yest and my eye waters loads", "new_palsy"),
    # A side of the face gone slack, further from the face word.
    ("since lunch my husband's mouth on the right side has gone floppy", "new_palsy"),
    # A breath that is hard to get in full, a bleed that does not let up.
    ("after my neck op yesterday it's hard to get a full breath in", "breathing"),
    ("my eyelid op was on Monday and the cut has been bleeding steadily all evening", "post_op"),
    # A wound told as split, after questions about paperwork (no other sign of a present situation).
    ("Two quick things: can I get a receipt, and where do I park? Also the leg scar has burst open.", "post_op"),
    # Two words typed as one with a short first word; a dropped g on a short verb ("makin").
    ("myface is drooping and my arm is numb", "stroke"),
    ("hes not makin sense and his face is lopsided", "stroke"),
    # "off" typed as "of" before a high place; an overdose told as done at a time.
    ("planning to jump of the roof tmrw", "self_harm"),
    ("i overdosd last nite and feel rly sick now", "self_harm"),
    # The operation named only in a sentence that asks, the complication told in the next one.
    ("A question about aftercare: how often should the dressing on the thigh incision be changed? It has been "
     "gushing blood through the pad in the last hour. Can I use plasters?", "post_op"),
]

# Low mood about one's face beside a question: the gentle check-in line, nothing urgent.
CHECK_IN = [
    "I often cry about my face. Is there a waiting list?",
    "No one wants to sit with me at lunch since my palsy. How long is the waiting list?",
    "I dread selfies at parties now. Can botox even out my smile?",
    "I can't bear seeing myself on video calls. Would a brow lift help?",
    "My dad looks defeated since the palsy. What does the first appointment involve?",
]

# An operation done for a palsy names the palsy: the swelling after it is the operation's, not a new palsy.
ONLY_THEIR_KIND = [
    ("The brow lift for my palsy was 5 days ago. My forehead has swollen massively in the last hour.", ["post_op"]),
]

NOT_URGENT = [
    # When the stitches will come out is their planned removal asked about.
    "When do the stitches come out after the eyelid surgery I'm booked for on Tuesday?",
]

STILL_NOT_URGENT = [
    # Both the operation and the complication asked about: a question, whatever else the message tells.
    "How often should I clean the wound after surgery, and is heavy bleeding normal? I have my op next month.",
    # A recovering hand, and a transfer that is working as hoped.
    "My hand isn't working as well as before since the nerve graft, is that expected?",
    "Will the stitches come out by themselves after the graft?",
]

NOTHING = [
    # A glued word with no concept word in it stays unread.
    "thankyouverymuch for the appointment letter",
    # A team defeated, a dentist one cannot bear to see: no low mood about oneself.
    "Our team was defeated on Saturday, can I book for Monday?",
    "I can't bear to see the dentist, do you offer sedation?",
]


@pytest.mark.parametrize(("text", "kind"), URGENT)
def test_urgent_forms_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
    # the rules find it themselves, not only a model reading a weak cue
    assert kind in by_rules(nlp, rules, text), text


@pytest.mark.parametrize(("text", "expected"), ONLY_THEIR_KIND)
def test_only_their_kind(nlp: Language, rules: RedFlagRules, text: str, expected: list[str]) -> None:
    assert urgent(nlp, rules, text) == expected, text


@pytest.mark.parametrize("text", [*NOT_URGENT, *STILL_NOT_URGENT])
def test_everyday_uses_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", NOTHING)
def test_nothing(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", CHECK_IN)
def test_low_mood_about_the_face_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", [
    "Her gracilis transplant was on Thursday and since this afternoon the cheek has swollen up hard and fast",
    "my temporalis transfer was 4 days ago and the cheek has blown up in the last hour, tight and sore",
])
def test_a_clinic_word_is_not_read_as_words_typed_together(nlp: Language, rules: RedFlagRules, text: str) -> None:
    # "temporalis" is no "temp oral is": the procedure's name stays whole and places the complication
    assert urgent(nlp, rules, text)[:1] == ["post_op"]
    assert "temp" not in [t.orth_ for t in rules._shadow(nlp(text))[0]]
