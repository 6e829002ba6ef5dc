"""The red-flag rules on session 18: ordinary questions not taken over, and urgent messages in words not yet known.

A wish to have the smile back, or "what can be done?", asks for a treatment of a palsy lived with
(a weak cue in it is the condition to treat); "my whole life" says how long, not an end; an eye sore
or dry "all the time" is long-standing eye care; an operation still to come ("upcoming", "next
Friday") is a question about its risks. The messages were written for these tests, never from a
held-out text; every case of NOT_URGENT is taken over, every case of NO_CUE gives
that cue and every case of NOW_URGENT is missed, before its change.
STILL_URGENT holds the same words beside a recent onset, which must keep their advice.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import urgent

NOT_URGENT = [
    "My eye doesn't shut properly and it is gritty and dry all the time, what would help?",
    "my eye can't close fully, it's red and sore all the time, what can you do for it?",
    "Is pus or a fever common after my forthcoming cheek procedure?",
    "What does an infected wound look like after my upcoming mouth surgery?",
    "How much bleeding from my thigh is normal after my gracilis operation next Monday?",
]

# No cue at all (so no model can raise one): a treatment asked for, a lifetime's length.
NO_CUE = [
    ("Mum's face is paralysed on one side and she wants her smile back, what can be done for her?", "new_palsy_cue"),
    ("I've had panic attacks my whole life and the thought of being knocked out completely scares me. "
     "What anaesthetic options do you have?", "self_harm_cue"),
    ("I have been anxious my entire life and being totally unconscious frightens me, what are the anaesthesia "
     "choices?", "self_harm_cue"),
]

# Urgent messages the rules missed: an -ed typed as a bare "d" ("stopd"), a thing falling out of the
# left or right hand, "I feel a bit confused" (a state of mind; "I'm a bit confused" about options is not).
NOW_URGENT = [
    ("his face stopd moving on the right an hour ago", "new_palsy"),
    ("Her smile went crooked an hour ago and the cup fell out of her right hand", "stroke"),
    ("My face has gone lopsided and I feel a bit confused, it started half an hour ago", "stroke"),
    # air pulled, drawn or sucked in with effort; a shadow creeping or spreading over an eye; pain "off the scale"
    ("It's a struggle to suck air in and my lips look blue", "breathing"),
    ("my left eye has a grey shadow spreading across it since this morning", "eye_emergency"),
    ("The ache where they did my graft is off the scale since yesterday", "post_op"),
]

NOT_URGENT_EITHER = [
    "I'm a bit confused about the options for my weak face, which surgery is for me?",
    "I found the hand cream and the mind map in the cold room",
]

STILL_URGENT = [
    ("My face dropped on one side this morning, what can be done?", "new_palsy"),
    ("Since yesterday my eye won't close and it's red and painful all the time", "eye_emergency"),
    ("I had my cross face graft on Monday and the wound is pouring blood, my next op is in the spring", "post_op"),
]


@pytest.mark.parametrize(("text", "kind"), NOW_URGENT)
def test_a_typed_d_a_dropped_cup_or_a_confused_mind_is_urgent(nlp: Language, rules: RedFlagRules, text: str,
                                                               kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", NOT_URGENT + NOT_URGENT_EITHER)
def test_an_ordinary_question_with_alarming_words_is_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "cue"), NO_CUE)
def test_a_treatment_asked_for_or_a_lifetime_is_no_cue(nlp: Language, rules: RedFlagRules, text: str, cue: str) -> None:
    assert cue not in [f.kind for f in rules.detect(nlp(text))], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_the_same_words_beside_a_recent_onset_keep_their_advice(nlp: Language, rules: RedFlagRules, text: str,
                                                                kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
