"""Session 52: an operation booked, a palsy dated "last term" and the idiom "look like death warmed up" are no crisis; a
sleeping medicine feared and an operation's outcome weighed up ("if I go through with it, will my smile match?") are
no self-harm cue; a denial of being suicidal beside a mood is a check-in; Spanish that doubles its negation before a
wish not to live, a face gone with speech likened to drink or a hand that will not hold, lips likened to balloons with
a squeaky voice, and one's own face gone beside a relative's old palsy are urgent. Phrasings written for these tests,
not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent


@pytest.mark.parametrize("text", [
    "Booked in for a muscle transplant in spring. I'll have a wound on my leg, will it bleed a lot?",
    "My face suddenly went weak last term, the GP said Bell's palsy. It's still weak now, when should I see a surgeon?",
    "My brother says I'll look like death warmed up for a fortnight. How bad is the bruising?",
])
def test_a_booked_operation_an_old_palsy_and_an_idiom_are_no_crisis(nlp: Language, rules: RedFlagRules,
                                                                  text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "Will I be asleep the whole time? I'm nervous of strong sleeping medicine.",
    "If I go through with it, will my smile match the other side in the end?",
    "Once I went through with it, could my face look even by summer?",
])
def test_a_feared_medicine_and_an_operation_weighed_up_are_no_self_harm_cue(nlp: Language, rules: RedFlagRules,
                                                                           text: str) -> None:
    assert "self_harm_cue" not in [flag.kind for flag in rules.detect(nlp(text))], text


@pytest.mark.parametrize("text", [
    "If I went through with it, would anyone even care?",
    "I'm going to go through with it. My face will never look right and I can't take it anymore.",
])
def test_going_through_with_it_stays_a_wish_unless_an_operation_is_weighed_up(
        nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text


@pytest.mark.parametrize(("text", "kind"), [
    ("Dad's face dropped at lunch and Mum says he sounds like he's been on the whisky", "stroke"),
    ("Mum's face went funny at lunch and her hand just won't hold it any more, the cup keeps slipping", "stroke"),
    ("Half an hour after the new tablets my lips look like balloons, I'm itchy all over and my voice is squeaky",
     "breathing"),
    ("Mi cara no mejoró nada no quiero seguir viviendo", "self_harm"),
    ("Asking about surgery for my husband, he's had a droopy eye since his palsy. Strange thing, since lunch my own "
     "face has dropped on the left", "new_palsy"),
])
def test_doubled_negation_a_hand_that_will_not_hold_an_airway_and_ones_own_face_are_urgent(
        nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "Really fed up with it all lately. Not suicidal, don't worry. Will the second stage be soon?",
    "No soy suicida, solo estoy harta de mi cara. ¿Cuánto dura la recuperación?",
])
def test_not_being_suicidal_beside_a_mood_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", [
    "I'm not suicidal, I just keep hoping I won't wake up tomorrow",
    "Not suicidal, honestly. But I have figured out where I'd do it and I rehearse it in my head most days.",
])
def test_not_being_suicidal_beside_a_wish_or_a_method_worked_out_is_still_urgent(nlp: Language, rules: RedFlagRules,
                                                                               text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text
