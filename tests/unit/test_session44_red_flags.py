"""Session 44: a transplanted cheek gone dark and cold told in text speak with the day of the operation cut short
("thurs"); a mouth corner that "slackened" and a hand "uncooperative" with odd speech (a stroke told politely); a
Spanish face that "no se me mueve" since yesterday. And what must stay quiet: "is this the sort of thing your
surgery sorts out?" (no affairs put in order), a relative's attempt "when he was 19", a confused patient who
might hurt herself by accident, a weak side "all his life", people who "don't know where to look", a Spanish
wish to die "en aquella época", overcome, and fine today. Phrasings written for these tests, not taken from a
held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import by_rules, kinds, urgent


@pytest.mark.parametrize(("text", "kind"), [
    ("had my muscle transplnt tues and the cheek has gone dark purple n cold, is that ok??", "post_op"),
    ("Over the last hour the left corner of my mouth has slackened and my left hand is uncooperative; my husband "
     "says my words come out odd.", "stroke"),
    ("Desde esta mañana el lado derecho de la cara no se me mueve y no puedo cerrar el ojo. Nunca me pasó.",
     "new_palsy"),
])
def test_emergencies_in_new_words(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize("text", [
    "My smile droops on the left since a virus last spring. Is this the sort of thing a muscle transfer sorts out?",
    "My son made an attempt on his life when he was 17, but he has been well for years. Could he have the eyelid "
    "operation?",
    "Dad gets muddled in hospitals. Could he get confused after the anaesthetic and hurt himself by pulling at the "
    "drip?",
    "My daughter has had a weak left side of her face all her life. Would a two-stage operation be hard on her?",
])
def test_ordinary_questions_stay_quiet(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_not_knowing_where_to_look_is_no_confusion(nlp: Language, rules: RedFlagRules) -> None:
    text = ("My droopy face makes people uneasy, they don't know where to look and I've stopped going out much. "
            "Can I have a video consultation?")
    assert "stroke" not in kinds(nlp, rules, text)


def test_a_spanish_wish_long_overcome_is_history(nlp: Language, rules: RedFlagRules) -> None:
    text = ("Después de la parálisis, en esa época pensé en quitarme la vida, pero con ayuda lo superé y hoy me "
            "encuentro bien. ¿La cirugía del párpado duele?")
    assert urgent(nlp, rules, text) == []
    again = "En esa época lo superé, pero hoy quiero quitarme la vida."
    assert by_rules(nlp, rules, again)[:1] == ["self_harm"]
