"""Session 46: a hyphen inside a compound reads as the space it stands for ("the palsy-side eye" is the palsy's eye,
no new palsy; "self-harm" is still heard); sleep lost to pain is the body's, not low mood (an eye emergency told
with "I couldn't sleep" had the crisis line); an eye's pain told by what it feels like ("like broken glass"),
light that cannot be faced and reading lost "with it" are the eye's signs; an eye that has always been sore and
blurred is the standing one; a means "put aside" is a means ready (unless put aside until an operation); low
mood "about" something, or being "made sad", is a check-in; an episode told as over in a sentence of its own ("Totally
fine now.", "It all healed completely", "...then came back fully") is history, unless something happens now.
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


def test_the_palsy_side_eye_is_no_new_palsy(nlp: Language, rules: RedFlagRules) -> None:
    text = "I woke up and the palsy-side eye feels a bit sore. Should I use more drops before my appointment?"
    assert "new_palsy" not in urgent(nlp, rules, text)


@pytest.mark.parametrize("text", ["I self-harmed again last night", "my sister says she is self-harming again"])
def test_a_hyphenated_compound_is_still_heard(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == ["self_harm"], text


def test_sleep_lost_to_pain_is_no_low_mood(nlp: Language, rules: RedFlagRules) -> None:
    text = "My cheek is throbbing so much I couldn't sleep last night. Is that normal after Botox?"
    assert kinds(nlp, rules, text) == []


def test_sleep_lost_to_an_eye_emergency_is_that_emergency(nlp: Language, rules: RedFlagRules) -> None:
    text = ("I don't like bothering people, but since last night my weak eye is bright red and aching so much I "
            "couldn't sleep, and today I can't read my phone with it. Just tiredness, surely?")
    assert kinds(nlp, rules, text) == ["eye_emergency"]


@pytest.mark.parametrize("text", [
    "My palsy eye feels like it has needles in it since this morning and I can't look at the lamp.",
    "Since this morning my bad eye is red and painful and I can't read the paper with it.",
])
def test_an_eye_told_in_other_words_is_its_emergency(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == ["eye_emergency"], text


@pytest.mark.parametrize("text", [
    "My eye has always been gritty and a bit blurry, is the gold weight worth it?",
    "For years my right eye has been sore and blurry because it doesn't shut. Would eyelid surgery help?",
])
def test_an_eye_always_like_this_is_the_standing_one(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_an_eye_long_sore_that_changed_today_is_heard(nlp: Language, rules: RedFlagRules) -> None:
    text = "My eye has been dry for years, but since this morning it is very painful and everything is blurry."
    assert by_rules(nlp, rules, text)[:1] == ["eye_emergency"]


def test_a_means_put_aside_is_ready(nlp: Language, rules: RedFlagRules) -> None:
    text = "I've made up my mind and the pills are put aside for the weekend."
    assert by_rules(nlp, rules, text)[:1] == ["self_harm"]


def test_tablets_put_aside_until_the_operation_are_no_means(nlp: Language, rules: RedFlagRules) -> None:
    text = "My aspirin tablets are put aside until after the operation, is that what the surgeon wants?"
    assert urgent(nlp, rules, text) == []


@pytest.mark.parametrize("text", [
    "I'm really down that my smile hasn't come back yet. When does the new muscle start to move?",
    "the staring makes me sad sometimes but I'm fine. How old do you have to be for the smile surgery?",
])
def test_low_about_something_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", [
    "Two years ago I reacted to a painkiller, my lips and throat swelled and I spent a night in hospital. Totally "
    "fine now. Will they give me painkillers after the cross-face graft?",
    "After my muscle transplant the wound got infected, with a fever and some pus. It all healed completely and "
    "the scar is neat. Will stage two go through the same cut?",
    "Back in 2019 I had a mini stroke, my face and leg went weak for about ten minutes and then came back fully. "
    "Can I still have the nerve transfer?",
])
def test_an_episode_told_as_over_stays_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("The infection after my first op all cleared up. Since this morning the wound is red and oozing pus and I have "
     "a fever.", "post_op"),
    ("My face and arm went weak ten minutes ago and then came back completely, should I worry?", "stroke"),
])
def test_an_episode_over_beside_one_happening_now_is_heard(nlp: Language, rules: RedFlagRules, text: str,
                                                           kind: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == [kind], text
