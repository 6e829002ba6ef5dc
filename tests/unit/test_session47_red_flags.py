"""Session 47: a stroke told in one sentence of a long message of ordinary questions is read in that sentence
(the whole read as surely ordinary hid it), but a question of such a message is left to the whole; "since then"
after a moment of today or days ago is since that moment, not a long time; a way or a plan to "do it" beside
someone gone silent is a crisis; an operation still weeks away has no complication yet; "not harming myself"
keeps its "not"; "no pienso hacerme daño" and "no tengo ninguna intención de..." say the writer is safe; a bridge
club is a card game; a look "normal enough" is no search for "enough"; "the worst night of my life" is an idiom;
an episode "for about an hour, then" passed, a swelling gone down within days, a bleed stopped by the morning,
"most of it came back", "stop it happening again", "since I was 12" and "last winter" are history. Phrasings
written for these tests, not taken from a held-out set."""

from __future__ import annotations

import re
from typing import cast

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from nlp.red_flags.assessment import _physically_confirmed
from nlp.red_flags.engine import RedFlag
from nlp.red_flags.physical_model import PhysicalUrgencyModel
from tests.unit.test_red_flags import by_rules, kinds, urgent


class _SentenceReader:
    """A physical model that reads the whole message as surely ordinary and every sentence as a stroke."""

    threshold = 0.5

    def __init__(self, whole: str) -> None:
        self.whole = whole

    def reading(self, text: str) -> tuple[str, float]:
        return ("ordinary", 0.9) if text == self.whole else ("stroke", 0.9)


def _confirmed(text: str, cue_sentence: int) -> list[str]:
    spans = [(m.start(), m.end() - 1) for m in re.finditer(r"[^.?]+[.?]", text)]
    cue = RedFlag("stroke_cue", ("speech_problem",), (("speech_problem", cue_sentence),))
    model = cast(PhysicalUrgencyModel, _SentenceReader(text))
    return [f.kind for f in _physically_confirmed([cue], text, model, tuple(spans))]


def test_a_sure_ordinary_whole_leaves_a_told_stroke_to_its_sentence() -> None:
    assert _confirmed("Is there parking? His words came out jumbled just now. Do you take insurance?", 1) == ["stroke"]


def test_a_question_of_a_surely_ordinary_message_is_left_to_the_whole() -> None:
    assert _confirmed("I read about it. Could a jab ever affect my speech? Is that common?", 1) == []


def test_a_question_of_a_long_ordinary_message_is_no_emergency(nlp: Language, rules: RedFlagRules) -> None:
    text = ("A friend told me Botox can travel. Could a jab for my synkinesis ever travel down to my throat and affect "
            "my breathing or swallowing? Is that common?")
    assert urgent(nlp, rules, text) == []


def test_since_then_after_a_recent_moment_is_recent(nlp: Language, rules: RedFlagRules) -> None:
    text = ("On Friday evening at the pub, three days ago, my mate said only one side of my mouth went up when I "
            "laughed. Since then my eyebrow on that side won't lift. Do you treat that?")
    assert urgent(nlp, rules, text)[:1] == ["new_palsy"]


@pytest.mark.parametrize("text", [
    "My flatmate told me she's got a way to do it now, and she's not picking up her phone. What do I do?",
    "Mi hermano dice que tiene una manera de hacerlo y no contesta desde hace una hora.",
])
def test_a_plan_to_do_it_beside_silence_is_a_crisis(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert by_rules(nlp, rules, text)[:1] == ["self_harm"], text  # the rules alone, whatever the risk model reads


def test_a_plan_to_do_it_alone_is_no_crisis(nlp: Language, rules: RedFlagRules) -> None:
    text = "My surgeon says he has a way to do it in one operation. How long would I stay in?"
    assert urgent(nlp, rules, text) == []


@pytest.mark.parametrize("text", [
    "My brow lift is in four weeks. Could my grandson knock the stitches open when he hugs me?",
    "How much oozing is normal after the eyelid weight I'm having in June?",
])
def test_an_operation_still_to_come_has_no_complication(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert "post_op" not in urgent(nlp, rules, text), text


@pytest.mark.parametrize("text", [
    "Feeling rather glum about how slow it is. Not hurting myself or anything, just bored of waiting. When will it "
    "move?",
    "Ando triste con mi cara. No pienso hacerme daño, solo estoy agotada. ¿Cuánto dura la recuperación?",
    "Estoy de bajón. No tengo ninguna intención de hacerme daño. ¿Hay terapia sin cirugía?",
])
def test_a_stated_safety_keeps_a_low_mood_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "Since my husband died I've been lonely and I've stopped going to bridge club. I'm not going to do anything "
    "silly. Is there a support group?",
    "My graft is next month. When will I look presentable enough to go back to the shop counter?",
    "The night they took her back to theatre was the longest night of my life, but she's fine now. Can she have "
    "the eye operation next?",
])
def test_everyday_words_are_no_self_harm(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert "self_harm" not in kinds(nlp, rules, text), text


@pytest.mark.parametrize("text", [
    "Back in 2015 I had a TIA, my speech went slurred for about an hour, then it cleared. Should I mention it?",
    "My cheek puffed up hugely after the transfer in January but it went down within ten days. Is the fullness "
    "still there six months on normal?",
    "The day after my graft the wound bled a bit but it stopped by the next morning. When can I shower?",
    "Years ago I had palsy and most of it came back, but my cheek is tight. Would physio help?",
    "My eye got an ulcer in 2018 because it stayed open at night. It cleared and my sight is fine now. Would the "
    "eyelid weight stop that happening again?",
    "left side of my face hasnt moved since i was 9, im 30 now. could i have the surgery in the holidays?",
    "Last summer I took an overdose after losing my job. I'm in a better place now with help. Is the anaesthetic "
    "safe with my antidepressant?",
])
def test_an_episode_told_as_over_is_history(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


def test_a_veteran_is_no_animal() -> None:
    from nlp.off_topic import off_topic

    assert off_topic("Combat vet here, the blast took my facial nerve. Could a nerve transfer help me smile?") is None
    assert off_topic("My vet says our dog has a droopy lip, can you operate?") == "animal"
