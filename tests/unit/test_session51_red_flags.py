"""Session 51: a pain likened to grit and a knife, the odds of an infection asked and a person called a palsy patient
are no crisis; "I won't be a nuisance to any of you much longer", "no one will have to see me again", an operation
dated "op was Friday", Scots ("wis", "cauld") and a chip flown into the eye in Spanish are urgent; "I will not hurt
myself" beside a mood told in any words is answered with the check-in line. Phrasings written for these tests,
not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent


@pytest.mark.parametrize("text", [
    "What are the odds the wound gets infected after a cross-face graft?",
    "My son is one of your facial palsy patients and he has a stammer. Can the operation change his speech?",
    "Since my palsy I slur a bit on some words, I'm a facial palsy patient at your clinic. Would surgery help speech?",
])
def test_a_likeness_the_odds_asked_and_a_palsy_patient_are_no_crisis(nlp: Language, rules: RedFlagRules,
                                                                    text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("My brother messaged 'I won't be a nuisance to any of you lot much longer' and now he won't answer", "self_harm"),
    ("op was friday. cheek has gone black and cold", "post_op"),
    ("op wis friday. the cheek's gone black an cauld", "post_op"),
    ("Me salto una esquirla de metal al ojo mientras soldaba, me quema y no veo nada", "eye_emergency"),
    ("Since the lid operation the eye won't close at night. Today it feels like grit and a knife inside, I can't open "
     "it and everything is blurred", "eye_emergency"),
    ("My son, one of your facial palsy patients, got stung by a bee: his lips are swelling and he's wheezing and "
     "can't get his words out", "breathing"),
    ("My dad is a facial palsy patient of yours. Today his other side droops and he can't lift his arm", "stroke"),
])
def test_a_burden_no_longer_a_dated_operation_and_a_chip_in_the_eye_are_urgent(
        nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", ["I'm disappointed with how the smile turned out. I will not hurt myself. When can "
                                  "I see the surgeon again?",
                                  "Honestly I'd never harm myself, I'm just fed up with it. Is there a support group?"])
def test_self_harm_denied_gets_the_check_in_line(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", ["Nothing dark on the scar, just pink. Is that how it should look at six months?",
                                  "I'd never harm myself over a face, I just want to know if the nerve graft works."])
def test_no_mood_told_is_no_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == [], text
