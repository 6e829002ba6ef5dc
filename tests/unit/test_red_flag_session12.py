"""The red-flag rules on the classes of session 12's studied misses (without Rasa).

Every message here was written for these tests from general knowledge of how patients and relatives write
(the kinds of failure dev15's misses showed: a limb as heavy as lead, a hand that cannot do up buttons, half of
what one looks at gone dark, a sudden headache beside a numb limb, a face that "looks different" beside muddled
speech, wrists misspelt, the transplanted muscle in the patient's words, not coming round welcomed, "tras la
operación", a bleed running steadily, a swelling the size of an egg, treasured things given away beside thanks
for trying, a palsy held for years beside an eye gone bad, a fear named as one's biggest, a pet's death, low mood
in everyday words), never a held-out text. Every case of URGENT, ONLY_THEIR_KIND, NOT_URGENT, NO_SELF_HARM_CUE and
CHECK_IN fails on the rules of the session's start (an URGENT case at least in what the rules find without the
models); STILL_URGENT, STILL_NOT_URGENT and NOTHING are guards that must keep holding.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent

URGENT = [
    # A limb as heavy as lead beside a face that dropped: a stroke, not only a new palsy.
    ("Mum's face has dropped on one side and her arm feels like lead since lunch", "stroke"),
    ("A mi madre se le cayo la cara y el brazo le pesa como plomo desde hace media hora", "stroke"),
    # A hand that cannot do up buttons beside slurred speech.
    ("her hand won't do up the buttons and she's slurring", "stroke"),
    ("Grandad can't do up his shirt buttons and his speech went slurred an hour ago", "stroke"),
    # Half of what one looks at gone dark beside a weak hand.
    ("half the page went black while I was reading and my left hand has gone weak", "stroke"),
    # The worst headache of one's life beside a numb arm, lately.
    ("I've had the worst headache of my life since twenty minutes ago and my right arm is numb", "stroke"),
    # A face or smile that looks changed beside muddled speech.
    ("My brother keeps talking nonsense and his smile seems changed since tea time", "stroke"),
    ("My brother keeps talking nonsense and his face doesn't look right tonight", "stroke"),
    # Wrists without their w, slitting without its g.
    ("cant stop thinkin about slittin my rists tonight", "self_harm"),
    # The transplanted tissue in the patient's words, gone a bad colour.
    ("the skin they moved to my cheek has gone purple and cold", "post_op"),
    # Not coming round from the anaesthetic welcomed.
    ("If I don't come around after the operation, that's alright by me", "self_harm"),
    # A bleed running constantly, told between questions.
    ("Is it ok to shower after my lip surgery on Tuesday? Blood is dripping constantly from the stitches since "
     "lunch. Also when is my follow-up?", "post_op"),
    # A swelling the size of an egg after an operation.
    ("Quick one about my follow-up after the neck lift on Monday. There's now a lump under my jaw the size of an "
     "egg that came up this evening.", "post_op"),
    # Treasured things given away beside thanks to the team for trying.
    ("I gave my camera and my bike away to the neighbours. Thank you to all the nurses for trying.", "self_harm"),
]

# Spanish "tras" (after) names the operation, so the breathing trouble also gets the operation's advice.
ONLY_THEIR_KIND = [
    ("Me cuesta respirar tras la operacion del cuello", ["breathing", "post_op"]),
    # A palsy held for long beside an eye gone bad: the eye's advice, not a new palsy's.
    ("My sister has palsy and her good eye suddenly went red and blurred an hour ago and it really hurts",
     ["eye_emergency"]),
    ("I've lived with facial paralysis for decades and since this morning that eye is painful and foggy",
     ["eye_emergency"]),
]

STILL_URGENT = [
    # A palsy held for long, but the face's own new change told: still a new palsy.
    ("My dad has lived with palsy for years but this morning the other side of his face dropped suddenly", "new_palsy"),
]

# A fear named as one's biggest worry is a fear, not an event.
NOT_URGENT = [
    "My biggest worry is going blind in that eye since it won't shut. What can I do?",
]

STILL_NOT_URGENT = [
    "My main fear is losing the sight in my eye because it never closes. How can I avoid that?",
    # A face that looks different after a treatment, alone, is an everyday question.
    "My face looks different after the filler, is that normal?",
    # Things given to charity, thanks for trying to find a slot: no farewell.
    "I gave my old clothes away to charity. Can I book for June?",
    "Thanks for trying to find me a slot, I'll ring the office instead.",
    "The cat died last week so I cancelled, but I'm ready now. Can I rebook?",
]

# A pet's death is a loss told, not one's own death.
NO_SELF_HARM_CUE = [
    "The cat died last week so I cancelled, but I'm ready now. Can I rebook?",
    "Our old dog died in the spring and I put everything on hold. Is there space in October?",
]

CHECK_IN = [
    "My stress has been off the charts since my face changed. Do you offer counselling?",
    "I hate my children seeing me cry over my face. Could fillers help?",
    "Going through a tough patch emotionally, sorry if this is a daft question, how long does a brow lift last?",
    "I used to go dancing every week and nowadays I mostly hide from everyone. Can physio help my smile?",
    "Estoy pasando una mala racha. Cuanto dura el botox?",
    "Mi ansiedad esta por las nubes desde la paralisis. Me pueden sedar?",
]

NOTHING = [
    # Hiding a scar with make-up is no low mood.
    "I just hide the scar with make-up, is that ok?",
]


@pytest.mark.parametrize(("text", "kind"), URGENT)
def test_urgent_forms_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
    # the rules find it themselves, not only a model reading a weak cue
    assert kind in by_rules(nlp, rules, text), text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_still_urgent(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize(("text", "expected"), ONLY_THEIR_KIND)
def test_only_their_kind(nlp: Language, rules: RedFlagRules, text: str, expected: list[str]) -> None:
    assert urgent(nlp, rules, text) == expected, text


@pytest.mark.parametrize("text", [*NOT_URGENT, *STILL_NOT_URGENT])
def test_everyday_uses_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", NO_SELF_HARM_CUE)
def test_a_pets_death_is_no_self_harm_cue(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert "self_harm_cue" not in [f.kind for f in rules.detect(nlp(text))], text


@pytest.mark.parametrize("text", CHECK_IN)
def test_low_mood_in_everyday_words_is_a_checkin(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", NOTHING)
def test_nothing(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text
