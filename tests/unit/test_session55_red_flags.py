"""Session 55: "zero" negates like "no" ("zero urges to harm myself"); self-harm or suicide denied by its noun and
"no risk to myself" are safety said, which beside a mood told is the check-in; the odds of a stroke asked about are
no stroke; skin come up in blotches beside a swelling tongue is an allergic reaction; a face dated from an accident
or an injury is the palsy the patient lives with. A stroke, a swelling throat, a face dropped since a crash this
morning, and "zero" inside a wish to die stay urgent. Phrasings written for these tests, not taken from a held-out
set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent


@pytest.mark.parametrize("text", [
    "Honestly zero urges to harm myself, I'm just tired of hiding my smile. Do you run a support group?",
    "Not a single thought of suicide, only fed up with the waiting list. How long is the wait usually?",
    "Frustrated with the slow progress, though I'm no danger to myself. Is physio covered by the NHS?",
])
def test_safety_said_by_a_noun_or_zero_beside_a_mood_is_a_check_in(nlp: Language, rules: RedFlagRules,
                                                                      text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", [
    "What is the risk of my husband having a stroke under a long anaesthetic?",
    "Since the accident with my quad bike the right side of my face won't move. Which operation is best?",
])
def test_stroke_odds_asked_and_a_palsy_dated_from_an_accident_are_no_emergency(
        nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("I think my dad is having a stroke right now, his speech is slurred.", "stroke"),
    ("Took the new tablets an hour ago and now my arms have gone blotchy and my tongue feels thick.", "breathing"),
    ("Since the crash this morning one side of her face has dropped and won't move.", "new_palsy"),
    ("There's zero point in going on, I want to die.", "self_harm"),
])
def test_a_stroke_an_allergy_a_new_droop_and_a_wish_to_die_stay_urgent(nlp: Language, rules: RedFlagRules,
                                                                          text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text
