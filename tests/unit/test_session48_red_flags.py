"""Session 48: three self-harm cues in one sentence of a long letter are read alone with the whole message's
bar; a stroke feared long ago, a past attempt dated by a time of life, an ulcer "healed now", a story ending "now
she's fine", a possible wound opening asked about, hours a day, an episode that passed in a minute and an everyday
sting are no emergency; "not there when I got home" is a new onset; "no thoughts of ending it" and "not
contemplating harming myself" say the writer is safe, and "I'm just weary" is a low mood. Phrasings written for
these tests, not taken from a held-out set."""

from __future__ import annotations

from typing import cast

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from nlp.red_flags.assessment import _self_harm_confirmed
from nlp.red_flags.engine import RedFlag
from nlp.red_flags.risk_model import SelfHarmRiskModel
from tests.unit.test_red_flags import kinds, urgent


class _LongLetterReader:
    """A risk model that reads the whole message as no risk and any one sentence as moderately likely."""

    threshold = 0.7

    def __init__(self, whole: str) -> None:
        self.whole = whole

    def probability(self, text: str) -> float:
        return 0.2 if text == self.whole else 0.75


_LETTER = "I have questions about the graft. I have been keeping my pills aside for weeks. When is the consult?"
_SENTENCES = ((0, 32), (33, 78), (79, 99))


def _confirmed(concepts: tuple[str, ...]) -> list[str]:
    cue = RedFlag("self_harm_cue", concepts, tuple((c, 1) for c in concepts))
    raised, _ = _self_harm_confirmed([cue], _LETTER, cast(SelfHarmRiskModel, _LongLetterReader(_LETTER)),
                                     _SENTENCES)
    return [f.kind for f in raised]


def test_three_cues_in_one_sentence_need_only_the_usual_bar() -> None:
    assert _confirmed(("means_word", "harm_act", "risk_hint")) == ["self_harm"]


def test_fewer_cues_in_a_sentence_still_need_a_sure_reading() -> None:
    assert _confirmed(("means_word",)) == []
    assert _confirmed(("means_word", "harm_act")) == []  # "I took the second tablet an hour ago": one act
    assert _confirmed(("means_word", "harm_act", "distress")) == []  # low mood is never read alone


@pytest.mark.parametrize("text", [
    "In 2016 my face dropped suddenly and the paramedics feared a stroke, but it was Bell's palsy. Can Botox help the "
    "tightness I have now?",
    "My dad tried to kill himself when I was a teenager. He is well these days. Is he too old for a muscle transplant?",
    "Two winters ago my eye got an ulcer, it was very sore and red, but it is healed now. Would a gold weight prevent "
    "that?",
    "My mum nearly lost the sight of her eye from an ulcer because it would not close. Now she is fine. Does she "
    "still need drops once the weight is in?",
    "Could the stitches burst open if I sneeze a lot soon after surgery?",
    "If I talk on the phone for hours a day after my graft, will it slow the healing?",
    "After my op in 2020 I could not breathe when I woke up, but it passed in a minute or two. Will the anaesthetist "
    "do anything differently next time?",
    "My eye has stayed open since the palsy eight years ago and stinging in the wind is a daily thing. Would the "
    "weight help?",
])
def test_history_questions_and_everyday_troubles_are_no_emergency(nlp: Language, rules: RedFlagRules,
                                                                  text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_a_past_attempt_dated_by_the_hour_is_still_a_crisis(nlp: Language, rules: RedFlagRules) -> None:
    assert urgent(nlp, rules, "My dad tried to kill himself an hour ago and he won't talk to me.")[:1] == ["self_harm"]


def test_absent_when_the_day_began_is_a_new_onset(nlp: Language, rules: RedFlagRules) -> None:
    text = "The right side of my face hangs and my eye won't shut. It was not there when I got home from work."
    assert urgent(nlp, rules, text)[:1] == ["new_palsy"]


@pytest.mark.parametrize("text", [
    "Feeling low since the palsy. No thoughts of ending it, I'm just tired. Is physio something I can do at home?",
    "So you know, I'm not contemplating harming myself, I am simply weary of waiting. When will my smile move?",
])
def test_safety_said_in_other_words_keeps_a_low_mood_a_check_in(nlp: Language, rules: RedFlagRules,
                                                                 text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text
