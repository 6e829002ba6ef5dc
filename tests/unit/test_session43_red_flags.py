"""Session 43: a plan to die "before the morning shift comes in at 7" (an hour, not an age told as history); the
first tablet of a new antibiotic in Spanish, then a swollen tongue (the airway, not an overdose). And what must
stay quiet: "I'm doing my exercises" (no "I'm done"), biting down (no low mood), a reaction to surgery had once
before (an earlier time), bleeding "at the time" of an old accident, fear of what a relative "might" do after an
operation, choking on tea at news. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize(("text", "kind"), [
    ("I'm going to end my life before my flatmate gets in at 8. It's all sorted.", "self_harm"),
    ("I've decided I'll kill myself when the shop opens at 9 and I can buy what I need.", "self_harm"),
    ("Mi madre se tomó la primera pastilla del nuevo tratamiento hace un rato y ahora no puede respirar, tiene la "
     "lengua hinchada.", "breathing"),
])
def test_emergencies_in_new_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "I've had an infection after an operation before, on my knee. How often do wounds get infected after a cross "
    "face graft?",
    "I'm worried my husband might bleed a lot after his muscle transplant. What is a hematoma?",
    "Back in 2016 a dog bit my cheek. There was a lot of bleeding at the time and they operated that evening. Can a "
    "muscle transfer lift the droop now?",
    "My mum nearly fell off her chair and choked on her coffee when I said there's an operation for smiles. Does it "
    "hurt?",
])
def test_ordinary_questions_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "Six months after my nerve transfer I'm doing my exercises every day and I can feel a twitch when I bite down. "
    "How long until it looks like a smile?",
    "I'm doing fine since the graft, I clench down and the corner moves a little. Is that normal at this stage?",
])
def test_exercises_and_biting_are_no_low_mood_or_goodbye(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


def test_a_reaction_once_before_still_counts_when_it_is_now(nlp: Language, rules: RedFlagRules) -> None:
    text = "I've had surgery before, three days ago on my cheek, and now the wound is oozing pus and I have a fever."
    assert by_rules(nlp, rules, text)[:1] == ["post_op"]
