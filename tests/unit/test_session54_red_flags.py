"""Session 54: a daily round of tablets, a medicine a doctor handed out or one a patient came off is no means at
hand; sight lost long ago and told as long since sorted is no stroke sign beside a palsy of today; safety said
outright ("I'm safe") beside a mood told gets the check-in; an arm or leg that stopped working minutes or an hour ago
is a stroke sign in Spanish too (in English the physical model already raises it). A handful swallowed now, pills
saved up, sight going now and a plan beside "I'm safe" stay urgent. Phrasings written for these tests, not taken
from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent


@pytest.mark.parametrize("text", [
    "Mum is 80 and swallows a fistful of pills every morning for her heart. Would a general anaesthetic still be safe?",
    "The GP just gave him some tablets and said to wait and see. What tests would you do to find the cause?",
    "My brother had a bad year and came off his meds last spring. Would the surgeon want his notes?",
    "Lost vision in one eye when I was a welder, long since sorted. Now there's palsy on the other side of my face. "
    "What does a brow lift involve?",
])
def test_routine_prescribed_or_stopped_medicines_and_old_sight_loss_are_no_emergency(
        nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_safety_said_beside_a_mood_is_a_check_in(nlp: Language, rules: RedFlagRules) -> None:
    text = "Nothing to worry about, I'm safe, only frustrated with how slow it is. When will I see movement?"
    assert kinds(nlp, rules, text) == ["checkin"]


@pytest.mark.parametrize(("text", "kind"), [
    ("I've just swallowed a handful of my tablets, all of them I had left.", "self_harm"),
    ("The doctor gave me sleeping pills and I've been saving them up to take all at once.", "self_harm"),
    ("I'm safe, honestly, but the pills are lined up for tonight.", "self_harm"),
    ("My sight went dark in one eye ten minutes ago and now my face is drooping and my arm is weak.", "stroke"),
])
def test_an_act_now_a_saved_means_and_sight_going_now_stay_urgent(nlp: Language, rules: RedFlagRules,
                                                                   text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "No puedo mover el brazo derecho desde hace 10 minutos.",
    "Mi madre no puede mover la pierna desde hace 20 minutos.",
    "Me duele la cara y no puedo mover el brazo desde hace una hora.",
])
def test_a_limb_that_stopped_working_within_the_hour_is_a_stroke_sign(nlp: Language, rules: RedFlagRules,
                                                                     text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["stroke"], text


@pytest.mark.parametrize("text", [
    "After the graft my leg was numb for an hour from the nerve block, then fine. Is that usual?",
    "I couldn't lift my arm for weeks after my shoulder surgery in 2019. Does that matter for a muscle transfer?",
])
def test_a_limb_told_as_passed_or_long_past_is_no_stroke(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text
