"""Session 35: ordinary questions that use alarming words in their everyday sense are answered ("going under the
knife", "I just want my life back", "get my hopes up", "go on trips", "what is going on", "I was told the nerve ...",
children left overnight, one tablet of a new prescription, an overdose or a bleed "when I was 12", "last 2019",
Spanish "ni" and "me da miedo", what one "should expect" after an operation), the purpose of a test or operation
is no hopelessness, while a wound seeping through its dressing, a face "heavy and hanging", a hand that "does not
want to" hold, "the muscle piece in my face", a face part "had done" with muck from the wound, and a relative's
known palsy beside a new red eye get their advice. Phrasings written for these tests, not taken from a held-out
set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent

NOT_URGENT = [
    "I'm not keen on going under the knife at my age. Is there anything non-surgical for a tight face?",
    "I don't want to go on trips anymore because of my face, could a static sling help?",
    "I'm tired of not knowing what's going on inside my face. What tests do you do?",
    "I've had a left-sided palsy since my first baby. Can I go home the same day? Leaving my kids overnight is hard.",
    "I needed a transfusion after my tonsil op when I was 8. Does that mean I'd bleed a lot in face surgery?",
    "Last 2019 my throat closed up from an allergy to penicillin and I was in hospital. I'm fine now. Should I tell "
    "the anaesthetist?",
    "Me da mucho miedo que se me infecte la herida después de la operación. ¿Qué cuidados hay que tener?",
    "How much bleeding is normal after a nerve graft? Should I expect some oozing on the dressing for a few days?",
]

# Not even a cue for the risk model: the idiom, the hope or the history is read as such by the rules.
NO_SELF_HARM_CUE = [
    "I'm not keen on going under the knife at my age. Is there anything non-surgical for a tight face?",
    "Since the palsy I just want my life back. Does the clinic care about that?",
    "I've been told the nerve itself won't recover after my accident. What are the options now?",
    "I don't want to get my hopes up over a smile operation, how often does it work?",
    "When I was 15 I tried to overdose and ended up in hospital. That's years ago now, I'm well with therapy and "
    "meds. Does that affect getting surgery?",
    "He took one of the new tablets from the GP and now his lips are swelling and he is wheezing",
    "For half an hour my face on the left has been heavy and hanging and my hand won't hold a cup",
]

STILL_URGENT = [
    ("My stitches from Tuesday's op are seeping through the dressing, I had to change it four times tonight",
     "post_op"),
    ("She swallowed one of her new antibiotics and now her tongue is swelling, she's wheezing and can't get air",
     "breathing"),
    ("Twenty minutes ago my cheek on the right went weak and sagging and my arm does not want to lift", "stroke"),
    ("The muscle piece in my face from the operation last week has turned dark and cold today", "post_op"),
    ("I had my eyelid done on Tuesday and now green muck is coming from the wound and it's swollen", "post_op"),
    ("My aunt has facial palsy and her eye doesn't close; this evening it got very red and painful and she can't see "
     "well out of it", "eye_emergency"),
    # a relative's palsy whose own start is told stays a new palsy
    ("My son has facial palsy, it started this morning and his mouth droops", "new_palsy"),
    # the start told right after the palsy's name ("has palsy since yesterday") is that palsy's own start
    ("my daughter has palsy since last night, what do we do?", "new_palsy"),
    ("Our dad has facial paralysis since this morning, should we go to A&E?", "new_palsy"),
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_everyday_words_and_history_are_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", NO_SELF_HARM_CUE)
def test_idioms_hopes_and_history_are_no_self_harm_cue(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert "self_harm_cue" not in [flag.kind for flag in rules.detect(nlp(text))], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_signs_now_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


def test_a_relatives_known_palsy_is_not_a_new_one_beside_a_red_eye(nlp: Language, rules: RedFlagRules) -> None:
    text = ("My aunt has facial palsy and her eye doesn't close; this evening it got very red and painful and she "
            "can't see well out of it")
    assert "new_palsy" not in urgent(nlp, rules, text)


@pytest.mark.parametrize("text", [
    "What's the point of the EMG test before surgery?",
    "Will surgery make my smile look normal again?",
    "After the op can a nurse get me down to the car park in a wheelchair?",
])
def test_a_purpose_or_an_aim_asked_is_no_low_mood(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == []


@pytest.mark.parametrize("text", [
    "Is there a counsellor at the clinic? Honestly it gets you down after a while, living with this face.",
    "Some days I wonder what's the point of trying anymore. Does physio help?",
    "I'll never look normal again. Is there anything for the eye?",
])
def test_hopelessness_keeps_its_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"]


@pytest.mark.parametrize(("text", "kind"), [
    ("My stitches from Tuesday's op are seeping through the dressing, I had to change it four times tonight",
     "post_op"),
    ("Twenty minutes ago my cheek on the right went weak and sagging and my arm does not want to lift", "stroke"),
    ("The muscle piece in my face from the operation last week has turned dark and cold today", "post_op"),
])
def test_the_rules_alone_read_the_lay_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert by_rules(nlp, rules, text) == [kind]
