"""Session 36: history and everyday words stay ordinary (an age said "now 16", a low time "last year", the first
tablet of a new course, "for a minute"), the writer's own palsy named as a condition is not the start of a new one,
while a flap gone "a funny colour" after "the muscle thing", Spanish darkening words, a splinter in an eye beside an
old palsy, and a droop "ever since" a meal today get their advice; sadness said softly ("kinda sad", "dispirited",
"tired of trying") gets the gentle line. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent

NOT_URGENT = [
    # an age said with "now" is no turn to the present
    "Our daughter, now 16, self-harmed for a while three years ago. She is well these days. How young can someone "
    "have a cross-face graft?",
    # a low time placed a year back
    "Last year I had thoughts about hurting myself after my palsy started, I had therapy and I'm fine now. Can I "
    "stay on my antidepressant around surgery?",
    # how long a past moment lasted
    "I was knocked out for a minute in a motorbike crash in 2019 and the right side of my face has not moved since. "
    "Is a nerve transfer still possible?",
]

STILL_URGENT = [
    ("I had the muscle job done on Monday. Tonight my cheek has gone a weird colour, sort of grey, and it feels cold",
     "post_op"),
    ("Hace tres días me hicieron lo del músculo del muslo y esta noche la mejilla se ve negruzca", "post_op"),
    ("My dad has had facial palsy since 2015 and his eye never shuts. This morning a splinter flew into that eye while "
     "he was chopping wood and now it's red, he's in a lot of pain and everything is blurry", "eye_emergency"),
    ("I had breakfast at the cafe and ever since the left side of my mouth droops and I can't close my left eye",
     "new_palsy"),
    # an old palsy, a new droop on the other side: the old palsy named in the past is no palsy held now
    ("I had Bell's palsy on my left side in 2016 and it got better. Since this morning my right side has dropped",
     "new_palsy"),
]


@pytest.mark.parametrize("text", NOT_URGENT)
def test_history_and_everyday_words_are_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize(("text", "kind"), STILL_URGENT)
def test_signs_now_get_their_advice_first(nlp: Language, rules: RedFlagRules, text: str, kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


def test_the_first_tablet_of_a_course_is_a_dose_beside_an_allergy(nlp: Language, rules: RedFlagRules) -> None:
    text = "I took the first of the new tablets the surgeon prescribed and now my lips are swelling and I'm wheezing"
    assert urgent(nlp, rules, text) == ["breathing"]


def test_my_own_palsy_named_is_not_a_new_one_beside_a_sore_eye(nlp: Language, rules: RedFlagRules) -> None:
    text = ("I have Bell's palsy and my right eye doesn't shut properly. Since last night it is very sore and red and "
            "my sight in it is blurred")
    assert urgent(nlp, rules, text) == ["eye_emergency"]


@pytest.mark.parametrize("text", [
    "I have had Bell's palsy for two days, my mouth droops, what should I do?",
    "I have Bell's palsy, it began this afternoon. Who do I call?",
    "I suspect I have facial palsy, my smile went crooked overnight",
])
def test_my_palsy_begun_now_or_guessed_is_still_new(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == ["new_palsy"], text


@pytest.mark.parametrize("text", [
    "kinda sad today tbh. does the eyelid weight show under the skin?",
    "I'm rather dispirited after the graft. When could a second stage be done?",
    "I'm so tired of trying exercises. Would selective myectomy help the tightness?",
    "My spirits have been low since the palsy. Is physical therapy offered?",
])
def test_soft_sadness_gets_the_gentle_line(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", [
    "Will the skin of the flap go a funny colour after the operation?",
    "My cheek turned a funny colour when I had the flu last year, is that related to the palsy?",
])
def test_a_colour_asked_about_or_past_is_no_emergency(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text
