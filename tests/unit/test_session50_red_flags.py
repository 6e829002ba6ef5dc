"""Session 50: years counted in seasons ("two summers back"), a palsy held for months ("since ten months"), a palsy
dated by the next sentence, a swollen throat at school and a relative who never woke up from an operation are no
crisis; "half my face had gone" this morning, and a swelling after two parts were operated on together, are.
Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import urgent


@pytest.mark.parametrize("text", [
    "Two summers back I woke up with half my face gone, Bell's palsy they said. Most of it came back. Can the eyelid "
    "weight help a lazy blink?",
    "Since ten months the Bell's palsy keeps my mouth crooked and when I teach on Monday the pupils notice. Is there "
    "an operation?",
    "I woke up with Bell's palsy on my wedding day, my face fully dropped. That was six years ago and it mostly "
    "recovered. Is Botox safe while breastfeeding?",
    "At school I had a bad reaction to a bee sting, my throat swelled up and I spent a night in hospital. Do you give "
    "antibiotics after the gracilis surgery?",
    "My uncle never woke up after his heart operation, so I'm terrified of the anaesthetic. How long would I be under?",
])
def test_a_past_told_as_past_or_someone_elses_death_is_no_crisis(nlp: Language, rules: RedFlagRules,
                                                                  text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), [
    ("woke up this morning and half my face had gone, I can't close my eye", "new_palsy"),
    ("My dad woke up today and half his face had gone and he's slurring his words", "stroke"),
    ("My husband had his brow and eyelid done on Monday and tonight the eyelid has swollen up like a golf ball and "
     "it's getting bigger", "post_op"),
    ("I hope I never wake up after the operation, everyone would be better off", "self_harm"),
    ("Had my brow lift on Tuesday, all fine. In the past hour my cheek has swollen up hard and it keeps getting "
     "bigger", "post_op"),
    ("I have had Bell's palsy for 3 months and this morning suddenly my face dropped much more and I cannot speak "
     "properly", "stroke"),
])
def test_a_face_gone_today_a_swelling_after_surgery_and_a_wish_not_to_wake_are_urgent(
        nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


def test_a_swelling_gone_down_is_no_face_gone(nlp: Language, rules: RedFlagRules) -> None:
    assert urgent(nlp, rules, "the swelling on half my face has gone down since yesterday, when can I wash it?") == []
