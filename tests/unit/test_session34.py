"""Session 34: choking with no cough and no voice is the airway's emergency (not a stroke's speech sign), a
thunderclap headache, a hand that will not grip and the good side drooping are stroke signs, a past palsy set
against "but this time" no longer hides the present, a muscle "moved into my cheek" is the flap; while an ulcer
"a long time ago", self-harm "in my early 20s", "one time I took too many", a candidacy question after an old
stroke, and speech slurred by a palsy dated years back (a palsy slurs speech by itself) are history, not
emergencies. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, urgent

NOT_URGENT = [
    # history placed "a long time ago", in a decade of one's life, or as "one time"
    "My right eye had a bad ulcer and went blind a long time ago, it's settled. Would a gold weight still help it "
    "close?",
    "Years after my palsy I was very low and one time I took too many tablets. I'm doing well now. How long is the "
    "stay?",
    # a candidacy question after an old stroke: the arm and speech that came back are no sign now
    "My stroke was six years ago and my face stayed crooked though my leg and words recovered. Would I be a candidate "
    "for a smile operation?",
    # a palsy slurs speech by itself: dated long ago in another sentence, with no other stroke sign, it is the palsy's
    "The right side of my face went after a virus 3 years ago. My lip sags and my words come out slurred. What tests "
    "would I need?",
    # how the face looks in photos is how it has looked
    "In photos my smile looks crooked, can surgery help with that?",
    # a chronic trouble with speaking and coughing is not a blocked airway
    "Since my palsy years ago I can't speak or cough as strongly, is that something surgery helps?",
]

STILL_URGENT = [
    # no cough and no voice while choking: breathing first, whatever old palsy is in the sentence
    ("my wife is choking on a bit of steak, she cannot cough or talk, her palsy is from 2015", "breathing"),
    ("He can't talk or cough and he's clutching his throat", "breathing"),
    # a sudden thunderclap headache with a weak arm
    ("About twenty minutes ago I got a headache like a thunderclap and now my left arm is weak", "stroke"),
    # the good side drooping now and a hand that will not grip
    ("I've had palsy on the right for years but tonight my good side is drooping and my left hand won't grip",
     "stroke"),
    # a past palsy told as a comparison, then the present set against it
    ("My mouth is sagging like it did with my Bell's palsy back in 2016, but this time my leg has gone numb and my "
     "husband says I'm talking nonsense", "stroke"),
    # an old palsy, then two stroke signs with no time given: the arm makes it a stroke whatever the date
    ("My palsy started 2 years ago. My arm is numb and my speech is slurred", "stroke"),
    ("I had Bell's palsy 3 years ago. Since an hour ago my words come out slurred and my mouth droops more", "stroke"),
    # the transplanted muscle in the patient's words
    ("The muscle transplanted into my cheek has gone dusky and cold since this morning", "post_op"),
    # a forehead that will not lift, told with a few words between, since yesterday
    ("Since yesterday my eyebrow on that side won't lift", "new_palsy"),
    # half a smile, since a day named
    ("Since Sunday when I grin only half of my mouth goes up, never happened before", "new_palsy"),
    # a drink dribbled, since this morning
    ("Since this morning I keep dribbling my coffee and my cheek feels odd", "new_palsy"),
    # Spanish: woke today with ("amaneció hoy con")
    ("Mi marido amaneció hoy con la boca torcida y no puede cerrar el ojo", "new_palsy"),
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_history_and_candidacy_questions_are_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_signs_now_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "I cut myself a lot in my late 30s and was admitted once. Can scars on my leg affect a graft?",
    "When I was very low one time I took too many pills. Can I still have the operation?",
])
def test_an_old_episode_leaves_the_rules_a_cue_only(nlp: Language, rules: RedFlagRules, text: str) -> None:
    """Dated to a decade of one's life or told as "one time": history for the rules (the risk model still weighs
    the cue; see kinds.self_harm_cue)."""
    assert by_rules(nlp, rules, text) == []


def test_the_voice_lost_to_choking_is_no_stroke_sign(nlp: Language, rules: RedFlagRules) -> None:
    """The rules alone, without the models: the face word and "cannot speak" made the stroke rule's two signs."""
    text = "my dad is choking on food, he cannot speak or cough, his palsy is from years ago"
    assert by_rules(nlp, rules, text) == ["breathing"]



@pytest.mark.parametrize(("text", "kind"), [
    ("The muscle transplanted into my cheek has gone dusky and cold since this morning", "post_op"),
    ("Since yesterday my eyebrow on that side won't lift", "new_palsy"),
    # a photo named before a new sign told next is no "how I look in photos"
    ("Took a photo an hour ago and my brow on one side will not raise", "new_palsy"),
    ("About twenty minutes ago I got a headache like a thunderclap and now my left arm is weak", "stroke"),
])
def test_the_rules_alone_read_the_lay_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    """Without the physical model (which raised some of these from a weak cue): the moved muscle, a brow that will not
    lift with words between, a thunderclap headache."""
    assert by_rules(nlp, rules, text) == [kind]
