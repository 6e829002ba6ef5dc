"""The red-flag rules on phrasings added in session 10 (without Rasa).

Every message here was written for these tests from general knowledge of how people at risk, their
relatives and patients write (the classes a studied set's misses showed, never their texts). The
held-out sets in tests/e2e/ are never read here.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.message_guard import detect_language
from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds

# Messages that get the advice of their kind first.
URGENT = [
    # An urge to cut or hurt oneself named as such.
    ("fighting the urge to cut tonight, it's so bad", "self_harm"),
    ("the urge to burn is really strong tonight", "self_harm"),
    # The feeling asked about in the second person: a disclosure all the same.
    ("does everyone with synkinesis want to kill yourself at some point? asking for me", "self_harm"),
    ("is it common to want to kill yourself after Bell's palsy? because I do", "self_harm"),
    # Indifference to vanishing.
    ("i really wouldnt care if i vanished tomorrow", "self_harm"),
    ("i would not care if i was just gone tomorrow", "self_harm"),
    # The writer's vanishing as a condition, at the end of a message with no full stop.
    ("everyone would be fine if I vanished", "self_harm"),
    # A household poison drunk, however it is worded.
    ("I swallowed a bit of the drain cleaner about ten minutes ago", "self_harm"),
    ("she drank most of the weedkiller in the shed", "self_harm"),
    # Stroke signs beside a question: what one looks at gone blurry with a weak arm; a hand that
    # does not respond, in English and Spanish.
    ("my dad's leg isn't responding since lunch and the screen looks double to him", "stroke"),
    ("my hand stopped responding and my face dropped on one side ten minutes ago", "stroke"),
    ("mi madre de repente ve nublado y el brazo no le responde", "stroke"),
    ("de golpe la vista se me nublo y la boca se me cae de un lado", "stroke"),
    # No air getting in, something stuck; lips or tongue puffy with a tight chest; a throat tightening.
    ("my son can't get any air in, he's going red and pointing at his throat", "breathing"),
    ("my tongue feels puffy and thick since the new tablets", "breathing"),
    ("tongue feels too big for my mouth since the tablets this morning", "breathing"),
    ("my lips are swelling and I've come out in hives, I think it's the antibiotics", "breathing"),
    ("my throat feels swollen and my chest is tight since the new tablets", "breathing"),
    ("my throat has tightened up since I took the new painkiller", "breathing"),
    # A flap gone greyish, or its doppler signal lost.
    ("the flap on my cheek looks greyish and feels cool since lunch", "post_op"),
    ("I can't hear the signal with the doppler anymore on my flap, it was there at 8pm", "post_op"),
    ("the doppler probe isn't picking up the flap's pulse any more", "post_op"),
    # Sight lost soon after an operation near the eye.
    ("Three days after my lower lid operation I suddenly lost the sight in that eye", "post_op"),
    # A red sore eye seeing fuzzy, worse since yesterday.
]

# The rules alone (no model's second opinion, which may rescue a message the rules half-read) must
# find these: what one looks at gone blurry beside a weak limb; an eye that is "seeing fuzzy".
RULES_ALONE = [
    ("Quick one about costs. My right arm has gone heavy in the last hour and the tv screen looks fuzzy to me.",
     "stroke"),
    ("my eye is red and sore and I'm seeing fuzzy since yesterday", "eye_emergency"),
]

# Everyday uses of the same words: no urgent advice.
NOT_URGENT = [
    # Stories read about infections, and a rate asked about.
    "I've read scary stories about infections after a facelift. What's the infection rate at your clinic?",
    # Peace made with a condition, and needing something *to* do something.
    "I've made peace with my crooked smile, I don't need it to move, just look even. What would you suggest?",
    "I've made peace with not being able to whistle. I don't need the cheek to move. Is a static sling right?",
    # An eye that does not close, still red and sore despite its everyday care.
    "My eye hasn't closed since my palsy, I tape it every night and use gel but it's still red and a bit sore. "
    "What surgery is there?",
    # "hand" the verb.
    "My cousin with facial paralysis handed out the wedding invitations, would a sling make her smile look even "
    "in photos?",
]

# Guards that already held before session 10 and must keep holding beside its new phrases.
STILL_NOT_URGENT = [
    # An urge to cut one's hair.
    "I have the urge to cut my hair short after the surgery, will it affect the scar?",
    # Sight lost long ago, before any operation.
    "I lost the sight in my left eye as a child. Can I still have eyelid surgery on that side?",
    # Found while writing the classes above: a worried chest beside lips puffy from filler,
    # a thick tongue asked about, a throat that tightens when nervous, a recovering hand, a baby's
    # crying, sight hidden by ointment and swelling after an eyelid operation.
    "My lips are a bit puffy from the filler last month and my chest feels tight with worry about it, is that normal?",
    "Will my tongue feel thick after the anaesthetic?",
    "my throat tightens up when I'm nervous about the consultation, will the anaesthetist mind?",
    "my hand isn't responding as well as before after the nerve graft, is physio needed?",
    "my baby cries a lot after feeds, and her mouth droops on one side since birth. Can she be seen?",
    "I had the eyelid surgery 2 days ago and now I can't see out of that eye because of the ointment and "
    "swelling, is that expected?",
    # A nuisance that "makes you want to kill yourself" is an idiom about it.
    "My teenager said the synkinesis makes you want to kill yourself with frustration, is that common?",
    # Vanishing for a while is no absence.
    "if I disappeared for a week after surgery would the stitches be ok",
    # A lost sight beside a face sign is the stroke's to judge, not an operation's.
    "Two days after my brow lift my face suddenly drooped on the left and I lost the sight in my left eye",
]

# Low mood beside a real question: the gentle check-in line, nothing urgent.
CHECK_IN = [
    "I've cried a lot this month over my smile. How long does a nerve graft take to work?",
    "My son cries before every school photo. Can children have the smile operation?",
    "Nobody gets how draining the stares are. Does Botox help the tightness?",
    "I'm tearful most days about my face. What does a temporalis transfer involve?",
    "It's humiliating when food falls out of my mouth. Is there an operation for the lip?",
    "I'm dreading the party because of my face. Will fillers help in time?",
    "I can't enjoy meals out anymore. Does surgery help with drooling?",
    "I keep comparing myself to my wedding pictures. Could fat grafting help?",
    "I've been low and snappy since the palsy. Is that normal?",
    "I lost my job and then my confidence. Is surgery on the NHS?",
]

# Words of the new check-in phrases in a plain question or good news: no gentle line either.
NO_CHECK_IN = [
    "I don't enjoy the taste of food anymore since the palsy, is that the nerve?",
    "I compared myself with the before photos and I'm thrilled, thank you!",
]

# Short Spanish messages without accents or the usual function words.
SPANISH = [
    "quisiera no despertar nunca mas",
    "siempre todo igual y nadie me ayuda",
]


@pytest.mark.parametrize(("text", "kind"), URGENT)
def test_urgent_forms_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"][:1] == [kind], text


@pytest.mark.parametrize(("text", "kind"), RULES_ALONE)
def test_the_rules_alone_find_them(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert kind in [flag.kind for flag in rules.detect(nlp(text))], text


@pytest.mark.parametrize("text", NOT_URGENT)
def test_everyday_uses_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


@pytest.mark.parametrize("text", STILL_NOT_URGENT[:-1])
def test_guards_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == [], text


def test_lost_sight_beside_a_face_sign_is_the_stroke_advice_alone(nlp: Language, rules: RedFlagRules) -> None:
    assert [k for k in kinds(nlp, rules, STILL_NOT_URGENT[-1]) if k != "checkin"] == ["stroke"]


@pytest.mark.parametrize("text", CHECK_IN)
def test_low_mood_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", NO_CHECK_IN)
def test_plain_questions_get_no_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", SPANISH)
def test_short_spanish_is_recognised(text: str) -> None:
    assert detect_language(text) == "es"
