"""The red-flag rules on session 19: urgent messages in words not yet known, and ordinary ones not taken over.

Severe pain after an operation that gets worse by the hour; thanks "for everything you tried to do"
beside a goodbye; nothing moving on one side of the face when the patient tries; a hand that will not do
what it is told, speech gone slow; a wound that smells, however far from its name; rainbows around lights
with a throbbing eye; a chemical splashed into an eye; bleeding named before how it runs, a mouth filling
with blood; a face "going down" on one side, a drink running out of the mouth. And the other way: "to die
for" is praise; a dark period gone through is history; a fever after an operation told as over is
history; an eye red "every morning" since a palsy is long-standing eye care. The messages were written
for these tests, never from a held-out text; before its change, every case of NOW_URGENT is missed by the
rules alone (a model may have raised some), every case of NO_CUE gives that cue and every case of
NOT_URGENT is taken over. STILL_URGENT holds the same words beside a present or returning event, which
must keep their advice.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, urgent

NOW_URGENT = [
    ("The pain in my cheek after the surgery is unbearable and it's getting worse every hour", "post_op"),
    ("The pain after my surgery on Monday is unbearable", "post_op"),
    ("Thanks for everything you all tried to do for me. Say goodbye to the nurses, I won't be needing my follow-up.",
     "self_harm"),
    ("When I try to grin nothing moves on the right side, it was fine yesterday", "new_palsy"),
    ("My left hand won't do what I want it to and my wife says my face looks different", "stroke"),
    ("He is talking very slowly and his arm feels weak", "stroke"),
    ("I had surgery 5 days ago and the incision under my jaw is damp and sticky and smells awful", "post_op"),
    ("My eye is throbbing and the street lights have rainbow rings around them, it started tonight", "eye_emergency"),
    ("I got some bleach splashed into my eye an hour ago and it stings and I can't open it", "eye_emergency"),
    # bleeding named before how it runs; a mouth filling with blood; a face going down; a drink running out
    ("Can I wash my hair yet? Also the bleeding, it keeps trickling constantly from under the bandage since my "
     "operation this morning", "post_op"),
    ("Since my surgery inside the mouth yesterday I keep spitting blood and my mouth fills up with it", "post_op"),
    ("His face is going down on the left side since this morning", "new_palsy"),
    ("When she drinks, the tea dribbles out of the corner of her mouth, it started an hour ago", "new_palsy"),
    # a brow sitting lower, the cheek bitten from inside
    ("Since Saturday my left eyebrow sits lower and I keep biting the inside of my cheek on that side", "new_palsy"),
]

# Praise is no death word at all (so no model can raise it).
NO_CUE = [("The soup at the hospital was to die for! When can I eat normally after the op?", "self_harm_cue")]

NOT_URGENT = [
    "I went through a really rough patch after my palsy with thoughts of ending my life, therapy helped and I'm "
    "fine now. Do you offer counselling?",
    "After my nerve graft I had a fever and a red wound for a few days, all fine afterwards. Could that affect the "
    "result?",
    "My eye hasn't closed properly since my palsy and every morning it is red and gritty. Would a gold weight help?",
    "I've had Bell's palsy for years and I keep biting the inside of my cheek, can surgery help?",
    "Will my brow sit lower after the brow lift?",
]

STILL_URGENT = [
    ("I went through a dark patch last year and right now I want to end my life", "self_harm"),
    ("I had a fever after my op, all fine afterwards, but since this morning the wound is oozing again", "post_op"),
    ("Since yesterday my eye won't close and every morning it is red and painful", "eye_emergency"),
]


@pytest.mark.parametrize(("text", "kind"), NOW_URGENT)
def test_an_urgent_message_in_new_words_gets_its_advice(nlp: Language, rules: RedFlagRules, text: str,
                                                        kind: str) -> None:
    """By the rules alone: the advice does not wait on a model's reading."""
    assert by_rules(nlp, rules, text)[:1] == [kind], text
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize(("text", "cue"), NO_CUE)
def test_praise_is_no_cue(nlp: Language, rules: RedFlagRules, text: str, cue: str) -> None:
    assert cue not in [f.kind for f in rules.detect(nlp(text))], text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_praise_history_or_everyday_eye_care_is_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_the_same_words_beside_a_present_event_keep_their_advice(nlp: Language, rules: RedFlagRules, text: str,
                                                                 kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
