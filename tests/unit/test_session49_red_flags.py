"""Session 49: a firearm kept loaded, and the easiest way out told as swimming off and not coming back, are a
crisis; a transplanted muscle gone dark in Spanish ("el trasplante del músculo") is the operation's emergency; an
act dated by the next sentence ("That was twenty years ago"), a stroke feared that turned out to be Bell's palsy,
a phobia's "makes me want to die" and tears blamed on "the pills" are no crisis; the detector runs the rules it
validated when it loaded, whatever happens to the file afterwards. Phrasings written for these tests, not taken
from a held-out set."""

from __future__ import annotations

from pathlib import Path

import pytest
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from spacy.language import Language

from nlp.red_flag_component import RedFlagDetector
from nlp.red_flags import DEFAULT_RULES_PATH, RedFlagRules
from tests.unit.test_red_flags import kinds, urgent


@pytest.mark.parametrize("text", [
    "If this op doesn't work out I've got my dad's rifle loaded in the shed and I know what comes next.",
    "There's a loaded handgun in my drawer and I keep looking at it. When do the stitches come out?",
    "I'm fine really. It would be simpler for everybody if I walked into the sea one night and never came back.",
])
def test_a_means_kept_ready_or_a_way_out_is_a_crisis(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text


def test_a_transplanted_muscle_gone_dark_in_spanish_is_the_operations_emergency(nlp: Language,
                                                                                 rules: RedFlagRules) -> None:
    text = "A mi padre le hicieron el trasplante del músculo hace tres días y ahora la mejilla se ve negra."
    assert urgent(nlp, rules, text)[:1] == ["post_op"]


@pytest.mark.parametrize("text", [
    "I cut my arms badly after my divorce. That was eleven years ago and life is good now. Do old scars change where "
    "they can take a nerve from?",
    "I overdosed on my tablets as a student. It was in 2009, I've been well since. Is a general anaesthetic safe?",
    "The paramedics suspected a stroke. In the end it turned out to be Bell's palsy. Can Botox help the tightness?",
    "Everyone thought dad was having a stroke, but it turned out to be Bell's palsy. Will a brow lift help him?",
    "Injections make me want to die, honestly, I faint every time. Is the Botox for synkinesis a big needle?",
    "I've been teary for weeks, the GP reckons it's the tablets. Will crying affect the eyelid healing?",
])
def test_a_past_told_as_past_a_fear_and_a_side_effect_are_no_crisis(nlp: Language, rules: RedFlagRules,
                                                                    text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "I cut my arms again last night. That was the first time since years ago, and I want to do it again.",
    "I took a load of pills tonight. It was years ago that I last did this.",
    "Last year they thought I had a stroke but it turned out to be Bell's. Now my arm has gone weak and my words "
    "are slurred.",
])
def test_a_past_that_is_back_or_a_new_stroke_is_still_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) != [], text


def test_the_detector_keeps_the_rules_it_validated_when_it_loaded(nlp: Language, tmp_path: Path) -> None:
    rules_file = tmp_path / "red_flags.yml"
    rules_file.write_text(DEFAULT_RULES_PATH.read_text(encoding="utf-8"), encoding="utf-8")
    config = {**RedFlagDetector.get_default_config(), "rules_path": str(rules_file)}
    detector = RedFlagDetector.create(config, None, None, None)  # type: ignore[arg-type]
    rules_file.write_text("kinds: [broken", encoding="utf-8")  # an edit made while it serves
    message = Message(data={TEXT: "my face dropped and i cannot lift my arm"})
    message.set(SPACY_DOCS[TEXT], nlp("my face dropped and i cannot lift my arm"))
    message.set(INTENT, {"name": "ask_risks", "confidence": 0.9})
    detector.process([message])
    assert message.get(INTENT)["name"] == "report_urgent_symptom"


def test_an_attempt_dated_by_the_next_sentence_is_history(nlp: Language, rules: RedFlagRules) -> None:
    text = "I tried to end my life. That was many years ago."
    assert "self_harm" not in kinds(nlp, rules, text)
