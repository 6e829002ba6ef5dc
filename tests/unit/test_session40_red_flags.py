"""Session 40: a step off a car park's top deck said as tonight's plan; a reaction "since then" after a dose an hour
ago; lips and breath after new tablets, asked about beside whether those tablets get in the way of surgery; an eye
that never shuts, red and sore with sight gone (a relative clause, a twig in it beside an old palsy, shadows after
an eyelid weight); a new palsy counted in days or told as a first ever, a mouth corner down and cheeks that will not
puff; a hand letting go and speech "like I've had a few"; in Spanish, half the face woken paralysed and a wound that
will not stop bleeding. And what must stay quiet: a nickname, a street, a waking dated years back, the operation
wanted, a town's name, an attempt that is history, a medicine asked about; low mood told as being forgotten, and
safety said of someone else. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize(("text", "kind"), [
    ("Every night this week I've stood at the edge of the top deck of the car park at work. Tonight after my shift "
     "I'm going to step off.", "self_harm"),
    ("Took the first antibiotic about an hour ago. Since then my tongue has swollen up and my throat feels like it's "
     "closing.", "breathing"),
    ("Started new tablets this morning, now my lips are puffy and I'm wheezy when I breathe. Will those tablets "
     "interfere with my operation next month?", "breathing"),
    ("My left eye, which never shuts properly, went bright red and sore this afternoon and I can barely see from it.",
     "eye_emergency"),
    ("Mum has had a palsy since her parotid operation years back. Today some grit got in that eye, it's gone blood red "
     "and she can only see shapes.", "eye_emergency"),
    ("Three days now the right side of my face feels asleep and water runs out of my mouth when I drink. Before I "
     "never had this.", "new_palsy"),
    ("At lunch I saw the corner of his mouth is hanging down and he can't close his eye or puff out his cheeks.",
     "new_palsy"),
    ("Writing this my right hand keeps letting go of the cup and my husband says I'm talking like I've had a few.",
     "stroke"),
    ("Esta mañana me levanté con la cara paralizada del lado izquierdo y no cierro el ojo. Nunca me había pasado.",
     "new_palsy"),
    ("Me operaron hace dos días y desde hace una hora me está sangrando la herida del cuello y no para.", "post_op"),
])
def test_emergencies_in_new_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == [kind], text


def test_sight_going_after_an_eyelid_weight_gets_both_advices(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Three days ago they put a gold weight in my eyelid. Since last night the eye is very painful and red and "
            "this morning I see only shadows out of it.")
    assert set(by_rules(nlp, rules, text)) == {"eye_emergency", "post_op"}


@pytest.mark.parametrize("text", [
    "The kids call me stroke face at school since my palsy. Would the surgery even out my smile?",
    "Is there parking near the clinic, or should I use the multi-storey on Bridge Road?",
    "Two years ago I woke up with my face drooping, and now my eye shuts when I chew. Can Botox help with that?",
    "Since the operation on my ear one side of my face has not moved. I want the operation that gives the smile back.",
    "After my car crash they stitched up my cheek in Amarillo and it healed years ago. Can a graft still help?",
    "A year ago I tried to end my life. I'm doing much better now with my therapist. Can I still have the surgery?",
    "My eye won't close since my face went droopy. Can an operation help it close again?",
    "Will the tablets I take for my epilepsy mess with the anaesthetic?",
])
def test_ordinary_questions_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "I feel forgotten since my husband died and I don't bother going out much. Can I bring my daughter to the "
    "consultation?",
    "My brother is really down about his face, but he isn't going to do anything to himself. What should I tell him "
    "about the recovery?",
])
def test_low_mood_with_a_question_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text
