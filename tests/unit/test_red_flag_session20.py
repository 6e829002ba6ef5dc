"""The red-flag rules on session 20: urgent messages in words not yet known, and ordinary ones not taken over.

Being worried about a person is no fear of what might happen: what follows is what happened to them. Lips
that will not make a movement on one side, a smile that works on one side only; a
coughing fit "for ages" that is minutes of it now; an asthma attack the inhaler does not stop, each breath a
struggle; an operation told by who did it ("they did the neurectomy") or by its weekday ("op was friday");
blood running down the neck; a wound area blown up; "burning hot" (a fever, no longer also an act of
self-harm: the lemma of "been" is "be", so "is burning" read as "been burning"); a pain called unbearable however far
from its name; a shower of floaters; sight gone dim; stitches come undone; a lighter held to the skin. And
the other way: self-harm "in my late teens" is history; skin sore from the tape that
keeps an eye shut is the skin's. The messages were written for these tests, never from a held-out text;
before its change, every case of NOW_URGENT is missed by the rules alone and every case of NOT_URGENT is
taken over. STILL_URGENT holds the same words beside a present event, which must keep their advice.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, urgent

NOW_URGENT = [
    ("I'm worried about my grandad, today his face is drooping on one side", "new_palsy"),
    ("Since lunchtime my lips won't pucker on one side when I try to blow a kiss", "new_palsy"),
    ("His smile only works on one side since yesterday", "new_palsy"),
    ("I've been coughing for ages after a crumb went down the wrong way and I still can't catch my breath",
     "breathing"),
    ("I'm having a bad asthma attack and my inhaler isn't helping", "breathing"),
    ("They did the neurectomy on Thursday and now my cheek keeps bleeding", "post_op"),
    ("My op was friday and now I have a temperature of 39", "post_op"),
    ("Since the facelift blood keeps trickling down my neck", "post_op"),
    ("Two days after my surgery the area under the cut has blown up", "post_op"),
    ("He had his operation on Monday and tonight his forehead is burning hot", "post_op"),
    ("The pain in my thigh where they took the muscle out is absolutely unbearable since this morning", "post_op"),
    # a shower of floaters with flashes; sight gone dim; stitches undone far from their name; a lighter held to the skin
    ("Since tonight I see flashes of light and then a shower of tiny specks in my right eye", "eye_emergency"),
    ("My right eye went blurry and dim an hour ago", "eye_emergency"),
    ("The stitches from my brow lift on Tuesday, the ones along the hairline above my left ear, have come undone",
     "post_op"),
    ("I pressed a lighter against my arm tonight and I want to do it again", "self_harm"),
    ("Last night I held a cigarette to my left wrist until it blistered", "self_harm"),
    # an operation with a long name ("had a cross-face nerve graft": five words between)
    ("My son had a cross-face nerve graft last month and tonight his cheek is swelling up really fast", "post_op"),
]

NOT_URGENT = [
    "I self-harmed in my late teens and I've been fine for ten years. Will that come up at my consultation?",
    "For years I have had to tape my eye closed at night and now my skin is getting sore from it. What else is there?",
]

STILL_URGENT = [
    ("I'm worried about my eye, it won't close and since this morning it is red and painful", "eye_emergency"),
    ("I self-harmed in my late teens and last night I cut myself again", "self_harm"),
    ("My eye won't close and since yesterday it is sore and red", "eye_emergency"),
]


@pytest.mark.parametrize(("text", "kind"), NOW_URGENT)
def test_an_urgent_message_in_new_words_gets_its_advice(nlp: Language, rules: RedFlagRules, text: str,
                                                        kind: str) -> None:
    """By the rules alone: the advice does not wait on a model's reading."""
    assert by_rules(nlp, rules, text)[:1] == [kind], text
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_history_or_sore_skin_is_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_the_same_words_beside_a_present_event_keep_their_advice(nlp: Language, rules: RedFlagRules, text: str,
                                                                 kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
