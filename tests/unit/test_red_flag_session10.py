"""The red-flag rules on phrasings added in session 10 (without Rasa).

Every message here was written for these tests from general knowledge of how people at risk, their
relatives and patients write (the classes a studied set's misses showed, never their texts). The
held-out sets in tests/e2e/ are never read here. Every case of URGENT, RULES_ALONE, NOT_URGENT, CHECK_IN,
SPANISH and the first two of ONLY_THEIR_KIND fails on the rules of the session's start; STILL_NOT_URGENT,
NO_CHECK_IN, STILL_AN_EMERGENCY and the last of ONLY_THEIR_KIND are guards that held already (most of them against false
alarms the session's own first drafts raised) and must keep holding.
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
    ("the urge to cut came back after the clinic visit and it's winning", "self_harm"),
    ("every evening there's this craving to hurt again and I'm losing the fight", "self_harm"),
    # The feeling asked about in the second person: a disclosure all the same.
    ("does everyone with synkinesis want to kill yourself at some point? asking for me", "self_harm"),
    ("Does anyone else with synkinesis get to the point of wanting to kill yourself? I'm there.", "self_harm"),
    # Indifference to vanishing.
    ("I wouldn't care if I vanished, to be honest", "self_harm"),
    # The writer's vanishing as a condition, at the end of a message with no full stop.
    ("everyone would be fine if I vanished", "self_harm"),
    # A household poison drunk, however it is worded.
    ("I swallowed a bit of the drain cleaner about ten minutes ago", "self_harm"),
    ("she drank most of the weedkiller in the shed", "self_harm"),
    # Stroke signs beside a question: what one looks at gone blurry with a weak arm; a hand that
    # does not respond, in English and Spanish.
    ("Question about parking. Since lunch my left leg feels weak and the words in my book look doubled.", "stroke"),
    ("my hand stopped responding and my face dropped on one side ten minutes ago", "stroke"),
    ("mi madre de repente ve nublado y el brazo no le obedece", "stroke"),
    ("a mi tio se le nublo la vista hace una hora y no mueve bien la pierna", "stroke"),
    # No air getting in, something stuck; lips or tongue puffy with a tight chest; a throat tightening.
    ("my dad cannot get any air into his chest and is clutching his throat", "breathing"),
    ("since lunch my tongue is getting puffy and I'm drooling", "breathing"),
    ("tongue feels too big for my mouth since the tablets this morning", "breathing"),
    ("my lips are swelling and I've come out in hives, I think it's the antibiotics", "breathing"),
    ("my throat has tightened since the antibiotics this morning", "breathing"),
    # A flap gone greyish, or its doppler signal lost.
    ("my graft looks grayish and cool", "post_op"),
    ("the doppler has gone quiet over my flap since an hour ago", "post_op"),
    ("the doppler probe isn't picking up the flap's pulse any more", "post_op"),
    # Sight lost soon after an operation near the eye: since session 28 the eye's advice first (its sight is at
    # stake; nlp/red_flags.yml, eye_emergency's leads_over), the operation's after it.
    ("I had my brow lift two days ago and since last night I've gone blind in my right eye", "eye_emergency"),
    # A red sore eye seeing fuzzy, worse since yesterday.
]

# The rules alone (no model's second opinion, which may rescue a message the rules half-read) must
# find these: what one looks at gone blurry beside a weak limb; an eye that is "seeing fuzzy".
RULES_ALONE = [
    ("Quick one about costs. My right arm has gone heavy in the last hour and the tv screen looks fuzzy to me.",
     "stroke"),
    ("Since this morning I'm seeing fuzzy out of my left eye and it's bloodshot and hurts.", "eye_emergency"),
]

# Everyday uses of the same words: no urgent advice.
NOT_URGENT = [
    # Stories read about infections, and a rate asked about.
    "I've heard scary stories about wounds getting infected after facial surgery. How likely is that?",
    # Peace made with a condition, and needing something *to* do something.
    "I'm at peace with my palsy these days and I don't need my lip to lift, I just want symmetry at rest. Options?",
    "I've made my peace with never being able to blink on that side, I don't need it to shut, just to look normal. "
    "Is a gold weight right?",
    # An eye that does not close, still red and sore despite its everyday care.
    "My eye hasn't shut fully for years; I use a moisture chamber at night and lubricant gel, yet the eye is still "
    "pink and gritty. Would lid loading help?",
    # "hand" the verb.
    "My cousin with facial paralysis handed out the wedding invitations, would a sling make her smile look even "
    "in photos?",
    # A night in hospital asked about is the stay's length, not a sudden start (the lead, late in session 10).
    "My dad's eye has not shut since his parotid operation. Would eyelid surgery mean staying in overnight?",
]

# An eye that does not close and is "still red and sore" with no everyday care named may be a new palsy's
# eye getting none yet: still the eye's advice.
STILL_AN_EMERGENCY = [
    "since my palsy started last week my eye won't close and it's still red and sore",
    "Bell's palsy 10 days ago, my eye won't shut and it's still red and sore, what should I do",
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
    # A nose blocked after an operation, sight blurred without glasses, a doppler pulse found after a while.
    "I can't get air through the left side of my nose since the op, is that the swelling?",
    "I have to sit upright to breathe through my nose at night since the nose packing, how long?",
    "My arms feel heavy after the gym and my phone screen looks blurry without glasses lol, when is my appointment?",
    "the doppler nurse couldn't find the pulse at first but then it was fine",
    # Vanishing for a while is no absence.
    "if I disappeared for a week after surgery would the stitches be ok",
    # A lost sight beside a face sign is the stroke's to judge, not an operation's.
    "Two days after my brow lift my face suddenly drooped on the left and I lost the sight in my left eye",
]

# Low mood beside a real question: the gentle check-in line, nothing urgent.
CHECK_IN = [
    "My wife cries so much about her face lately. Can she have a cross face graft?",
    "My little brother cries before parties because kids stare at his mouth. Can kids have surgery?",
    "No one realises how hard eating in public is for me. Could a sling help?",
    "I'm tearful most days about my face. What does a temporalis transfer involve?",
    "Eating out has become humiliating for me. Could a sling help?",
    "He gets teary every time someone takes a photo. Can teens have a cross face graft?",
    "Job interviews fill me with dread because of my smile. How soon could Botox work?",
    "I don't enjoy holidays anymore since my face changed. Is a nerve transfer possible at 50?",
    "I'm always comparing myself with my twin sister. What does a smile operation cost?",
    "My husband is down and irritable since his op, can he see someone?",
    "I'm losing my nerve and my confidence at work. Can fillers help the droop?",
]

# Words of the new check-in phrases in a plain question or good news: no gentle line either.
NO_CHECK_IN = [
    "I don't enjoy the taste of food anymore since the palsy, is that the nerve?",
    "I compared myself with the before photos and I'm thrilled, thank you!",
]

# Short Spanish messages without accents or the usual function words.
SPANISH = [
    "siempre algo mal, nadie ayuda",
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


@pytest.mark.parametrize("text", STILL_AN_EMERGENCY)
def test_an_uncared_for_sore_eye_stays_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == ["eye_emergency"], text


def test_lost_sight_beside_a_face_sign_is_the_stroke_advice_alone(nlp: Language, rules: RedFlagRules) -> None:
    assert [k for k in kinds(nlp, rules, STILL_NOT_URGENT[-1]) if k != "checkin"] == ["stroke"]


@pytest.mark.parametrize("text", CHECK_IN)
def test_low_mood_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


# Someone described by the palsy they live with: "today" is when they said something, not a new palsy;
# a sudden change told of them still is one.
ONLY_THEIR_KIND = [
    ("a coworker w/ facial palsy texted me tonight saying she wants to die", ["self_harm"]),
    ("Our neighbour is a lady with facial paralysis. This evening she said she wants to kill herself.",
     ["self_harm"]),
    # (a guard: held before session 10 and must keep holding beside the new suppressor)
    ("My daughter with facial palsy woke up today with her whole face dropped on the other side", ["new_palsy"]),
]


@pytest.mark.parametrize(("text", "expected"), ONLY_THEIR_KIND)
def test_a_person_with_a_palsy_is_no_new_palsy(nlp: Language, rules: RedFlagRules, text: str,
                                               expected: list[str]) -> None:
    assert [k for k in kinds(nlp, rules, text) if k != "checkin"] == expected, text


@pytest.mark.parametrize("text", NO_CHECK_IN)
def test_plain_questions_get_no_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", SPANISH)
def test_short_spanish_is_recognised(text: str) -> None:
    assert detect_language(text) == "es"
