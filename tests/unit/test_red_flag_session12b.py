"""The red-flag rules on session 12's second round: crying wolf on clinic questions, passive and indirect self-harm.

Every message here was written for these tests from general knowledge of how patients and relatives write (a
general "is that a thing?" question, a complication an earlier operation left, a question whether something can be
treated, restored or repaired, a face described "at rest", an eye "always" dry and red, a cheek cut open in an
accident; wishing to stay asleep or not to wear off an anaesthetic, checking out for good, nothing left, no way
out, a life insurance checked to pay out, deciding who gets what, Spanish forms), never a held-out text.
Every case of NOT_URGENT, NO_WEAK_CUE, URGENT, URGENT_WITH_MODEL and the first STILL_URGENT fails on the rules
of the round's start (an URGENT case in what the rules find without the models); the other STILL_URGENT and
STILL_NOT_URGENT cases are guards that must keep holding.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, urgent

# Ordinary clinic questions that used to get urgent advice.
NOT_URGENT = [
    # a list of possible after-effects asked about ("is that a thing?")
    "swelling after a facelift, is that a thing? bruising? infection?",
    # a complication an earlier operation left, then the risks asked about
    "I've been through several operations over the years and I know they don't always go to plan. The last one "
    "left me with a wound infection. Before agreeing to anything I want all the facts. What are the risks of "
    "facial reanimation?",
    # a question whether a face that stopped moving after an accident can smile again
    "His face is not moving one side since a fall. Is possible to make again his smile?",
    # an eye that has never closed since an operation, always dry and red, asked whether it is treated
    "His eye won't shut properly since a tumour operation damaged the nerve. It's always sore and red. Can you "
    "help with that?",
    # a chin cut open in an accident weeks ago, nerve repair asked about
    "Three weeks ago I fell off my bike and cut my chin open on a kerb. Since then my lower lip doesn't move. Can "
    "a cut nerve be joined back together?",
]

# A long-standing droop asked about treatment: not even a weak cue for the physical model.
NO_WEAK_CUE = [
    "My aunt's face looks droopy at rest. What would suit her?",
    "My face is not moving on the right since accident. Is possible to get the smile again?",
]

STILL_URGENT = [
    # a wound that split open, the operation named between ("from my ... last week"), then a question (newly urgent)
    ("The thigh wound from my muscle transfer last week has split open and smells. Can it be stitched back "
     "together?", "post_op"),
    # a real emergency beside a treatment question keeps its advice
    ("My face dropped on one side an hour ago and my arm is weak. Can you fix it?", "stroke"),
    ("His eye won't close since this morning and it's red and painful. Is that something you treat?", "eye_emergency"),
]

URGENT = [
    # passive wishes in other shapes
    "Some days I just want to go to sleep and stay asleep.",
    "I want to go to sleep and not have to wake up again.",
    "Thinking about checking out for good.",
    "I'm thinking of checking out early.",
    "There's nothing left for me.",
    "I've got nothing left to live for.",
    "I see no way out.",
    "I want to be with my late husband.",
    "whats the point of me",
    "What's the point in carrying on.",
    "Part of me hopes I just stay under.",
    "I keep hoping the sedation just... doesn't wear off. Is that normal to think?",
    "I should have died in that crash.",
    "I wish the tumour had taken me instead.",
    "I don't plan on being around for the results.",
    "I'm not going to be a problem for anyone much longer.",
    "Every morning I'm disappointed I'm still here.",
    "Why am I still here.",
    # a preparation: a life insurance checked to pay out
    "I've made sure my life insurance pays out. Can I get my deposit back?",
    # indifference to an operation going wrong, dying not feared but welcomed, not minding not waking
    "If something goes wrong in theatre I'm honestly not bothered.",
    "Is it odd that I'm not afraid of dying in the op, I'd almost welcome it?",
    "Will I come round after the op? Not that I'd mind if I didn't.",
    "It's not like I have much to live for anyway.",
    "I can't be bothered to live anymore.",
    "I'm such a waste of space.",
    "I'm frightened I'll do something drastic.",
    "My thoughts keep getting darker.",
    "The kids would be happier if I just wasn't there.",
    # an old episode told as back
    "Years ago I felt like this and now it's back, I don't want to be here.",
    # Spanish
    "Me gustaria dormir para siempre.",
    "A veces quisiera no existir.",
    "Me quiero ir de este mundo.",
    "Estoy cansada de vivir.",
    "Seria mejor para todos si yo no estuviera.",
    "Nadie me extrañaria.",
]

# Deciding who gets what is a weak cue of its own (a will is also everyday business); the risk model reads it.
URGENT_WITH_MODEL = [
    "I've been sorting out who gets what.",
]

STILL_NOT_URGENT = [
    "I'm dying to know how long the recovery takes.",
    "I'd kill for a normal smile.",
    "I hope the anaesthetic doesn't wear off during the operation.",
    "I hope I stay asleep during the whole operation, I'm scared of waking up.",
    "Does my life insurance cover complications from surgery?",
    "I want to check out your clinic before booking.",
    "Can I check out of the hospital the same day?",
    "Is there any point in carrying on with the exercises?",
    "I don't think I'll be around for the appointment next week, can we reschedule?",
    "The swelling should have died down by now, shouldn't it?",
    "I was thinking about driving into town for the consultation.",
    "There's no way out of the contract with my old clinic?",
    "Nothing left for me to try, the doctors say, except surgery?",
    "I don't care what happens to my eyebrow, I just want a smile.",
    "If the Botox goes wrong, I'm not bothered, it wears off anyway.",
    "I'm scared I'll do something stupid like cancel the surgery at the last minute.",
    "I'd rather not live with a crooked smile for the rest of my life, so I'm booking surgery.",
    "I'm not scared of dying, I'm scared of waking up during it.",
    "I dream about dying my hair red after the surgery.",
    "It would be a waste of money if it doesn't work.",
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_clinic_questions_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", NO_WEAK_CUE)
def test_treatment_questions_carry_no_weak_physical_cue(nlp: Language, rules: RedFlagRules, text: str) -> None:
    found = [f.kind for f in rules.detect(nlp(text))]
    assert "stroke_cue" not in found and "new_palsy_cue" not in found, text
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_still_urgent(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", URGENT)
def test_passive_and_indirect_self_harm(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text
    assert "self_harm" in by_rules(nlp, rules, text), text


@pytest.mark.parametrize("text", URGENT_WITH_MODEL)
def test_indirect_signs_read_by_the_model(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text


@pytest.mark.parametrize("text", STILL_NOT_URGENT)
def test_everyday_uses_are_not_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text
