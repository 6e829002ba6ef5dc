"""Session 41: a wound bleeding into towel after towel; lips, tongue or voice swelling while breathing is hard, whose
airway advice must come before a stroke read from the face and voice; a crooked mouth in Mexican Spanish; a hand
that drops a cup and words that will not come out, in Caribbean English; a new palsy signed with a name the typo
reader once took for "mareo" (dizzy). And what must stay quiet: a new prescription beside an allergic reaction, a
reaction last year that lasted days, a decade gone by, what a setback "would" do, how the face was before; a low
mood told with no dark thoughts is a check-in, a mood's week dates no face sign, and "down for" an operation is
booked, not low.
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from spacy.language import Language

from nlp.red_flag_component import RedFlagDetector
from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flag_component import kind_of
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize(("text", "kind"), [
    ("His cheek was operated on Monday. The cut by his ear is bleeding and three towels are soaked.", "post_op"),
    ("Me tomé una pastilla nueva hace una hora y se me chuequeó la cara del lado izquierdo, no puedo cerrar el ojo. "
     "Nunca me había pasado.", "new_palsy"),
    ("Since half an hour my mug slipped out mi hand twice and the words won't come out right.", "stroke"),
    ("My left hand cyaan grip the spoon since lunch and my mouth has gone crooked today.", "stroke"),
    ("Desde esta mañana tengo la boca caída del lado derecho. Nunca me había pasado, antes tenía la cara normal.",
     "new_palsy"),
])
def test_emergencies_in_new_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == [kind], text


def test_the_airway_leads_over_a_stroke_read_from_lips_and_voice(nlp: Language, rules: RedFlagRules) -> None:
    text = ("I started a new antibiotic at lunch. My lips feel puffy and numb, my voice sounds strange and I'm "
            "struggling to breathe.")
    found = by_rules(nlp, rules, text)
    assert found[:1] == ["breathing"], found


def test_a_stroke_with_a_weak_arm_still_leads(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Since this morning my lips feel numb, my speech is slurred, my right arm is weak and I'm struggling to "
            "breathe.")
    assert by_rules(nlp, rules, text)[:1] == ["stroke"]


def test_a_name_signing_the_message_is_no_symptom(nlp: Language, rules: RedFlagRules) -> None:
    text = ("My face dropped on the right this morning and my eye won't shut. Arms fine, speech fine. Thank you, "
            "Marek")
    assert urgent(nlp, rules, text)[:1] == ["new_palsy"]


@pytest.mark.parametrize("text", [
    "My aunt started a new medicine last week for her blood pressure. Will that matter for the eyelid surgery?",
    "Last year I had a nasty reaction after my Botox, I had trouble swallowing for a few days. It settled. Is a "
    "neurectomy a better idea?",
    "In the nineties my face went numb and my speech slurred for a week with a virus. Is the eyelid weight safe for "
    "me?",
    "Could the operation leave the other side weak too? That would finish me off.",
    "Before all this my face was completely normal. How long does the muscle transplant take to work?",
])
def test_ordinary_questions_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_booked_for_an_operation_is_no_low_mood(nlp: Language, rules: RedFlagRules) -> None:
    assert kinds(nlp, rules, "My brother is down for a nerve transfer in June. Will he stay overnight?") == []
    assert kinds(nlp, rules, "I've been down for a while since the palsy. What are the options?") == ["checkin"]


@pytest.mark.parametrize("text", [
    "honestly sick of my face and sad all the time, not thinking anything dark tho. do you see teenagers?",
    "Really fed up and low about how I look. No dark thoughts, just tired of it. Is the recovery long?",
    "Feeling rubbish this week, people stare at my crooked smile at work. Does physio help the smile?",
])
def test_low_mood_with_a_question_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


def test_the_component_keeps_the_case_that_tells_a_name(nlp: Language) -> None:
    """The pipeline lower-cases its own copy of the message (SpacyNLP case_sensitive: false); the rules read the
    message as typed, so the name that signs it stays a name over REST as it does offline."""
    text = "My face dropped on the right this morning and my eye won't shut. Arms fine, speech fine. Thank you, Marek"
    message = Message(data={TEXT: text})
    message.set(SPACY_DOCS[TEXT], nlp(text.lower()))
    RedFlagDetector(RedFlagDetector.get_default_config()).process([message])
    assert kind_of(message) == "new_palsy"
