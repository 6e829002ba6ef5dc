"""The risk model's second opinion: it can only raise a self-harm cue the rules saw, never act alone."""

from __future__ import annotations

import pytest
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from spacy.language import Language

from nlp.red_flags.assessment import MODEL_CONCEPT, assess, detect_text
from nlp.red_flags.engine import RedFlag, default_rules
from nlp.red_flags.risk_model import DEFAULT_THRESHOLD, TrainingSet, build_pipeline, load_model


class FixedOpinion:
    """Stands in for the model: answers the same for every text (a sure risk, or none)."""

    threshold = DEFAULT_THRESHOLD

    def __init__(self, risk: bool, probability: float | None = None) -> None:
        self.risk = risk
        self._probability = probability if probability is not None else (0.99 if risk else 0.01)

    def is_risk(self, text: str) -> bool:
        return self.risk

    def probability(self, text: str) -> float:
        return self._probability


CUE = RedFlag("self_harm_cue", ("future_absence",))


def kinds(flags: list[RedFlag]) -> list[str]:
    return [f.kind for f in flags]


def test_a_cue_the_model_confirms_becomes_self_harm() -> None:
    flags = assess([CUE], "text", FixedOpinion(True))  # type: ignore[arg-type]
    assert kinds(flags) == ["self_harm"]
    assert MODEL_CONCEPT in flags[0].concepts


def test_the_model_alone_raises_nothing() -> None:
    assert assess([], "text", FixedOpinion(True)) == []  # type: ignore[arg-type]
    assert kinds(assess([RedFlag("checkin", ("distress",))], "t", FixedOpinion(True))) == ["checkin"]  # type: ignore[arg-type]


def test_a_cue_the_model_does_not_confirm_is_dropped() -> None:
    assert assess([CUE], "text", FixedOpinion(False)) == []  # type: ignore[arg-type]
    assert assess([CUE], "text", None) == []


def test_raised_self_harm_keeps_the_priority_order_and_replaces_the_checkin() -> None:
    found = [RedFlag("stroke", ("stroke_now",)), RedFlag("post_op", ("fever",)), RedFlag("checkin", ("distress",)), CUE]
    assert kinds(assess(found, "text", FixedOpinion(True))) == ["stroke", "self_harm", "post_op"]  # type: ignore[arg-type]


def test_the_broadest_cue_alone_needs_a_surer_model_for_a_takeover() -> None:
    hint = RedFlag("self_harm_cue", ("risk_hint",))
    assert kinds(assess([hint], "t", FixedOpinion(True, 0.95))) == ["self_harm"]  # type: ignore[arg-type]
    assert kinds(assess([hint], "t", FixedOpinion(True, 0.75))) == ["checkin"]  # type: ignore[arg-type]
    assert kinds(assess([hint], "t", FixedOpinion(False, 0.5))) == []  # type: ignore[arg-type]
    # beside a stronger cue, or beside another urgent kind, the usual rules hold
    both = RedFlag("self_harm_cue", ("risk_hint", "future_absence"))
    assert kinds(assess([both], "t", FixedOpinion(True, 0.75))) == ["self_harm"]  # type: ignore[arg-type]
    found = [RedFlag("stroke", ("stroke_now",)), hint]
    assert kinds(assess(found, "t", FixedOpinion(True, 0.75))) == ["stroke"]  # type: ignore[arg-type]


def test_the_shipped_model_separates_its_own_training_set_when_cross_validated() -> None:
    """5-fold cross-validation on the training file only (the held-out sets are never used here):
    at the shipped threshold, few ordinary messages read as a risk and most risk messages do. The mean of
    three shuffles: one split alone moves by about 0.005 when a single line is added or removed (session 47:
    0.028 -> 0.032 on seed 0 for one ordinary line taken out, 0.022 to 0.027 on the other seeds)."""
    training = TrainingSet.from_file()
    texts, labels = training.texts_and_labels()
    rates = []
    for seed in range(3):
        folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=seed)
        probabilities = cross_val_predict(build_pipeline(), texts, labels, cv=folds, method="predict_proba")[:, 1]
        risk = [p for p, label in zip(probabilities, labels, strict=True) if label == 1]
        ordinary = [p for p, label in zip(probabilities, labels, strict=True) if label == 0]
        rates.append((sum(p >= DEFAULT_THRESHOLD for p in ordinary) / len(ordinary),
                      sum(p >= DEFAULT_THRESHOLD for p in risk) / len(risk)))
    false_alarms = sum(f for f, _ in rates) / len(rates)
    recall = sum(r for _, r in rates) / len(rates)
    print(f"cross-validated: recall {recall:.3f}, false alarms {false_alarms:.3f}")
    assert false_alarms <= 0.03
    assert recall >= 0.65  # measured 0.715 (false alarms 0.027), mean of three shuffles: README, "Red flags"


@pytest.mark.parametrize("text", ["How long does the gracilis operation take?", "hello", "What is Botox used for?"])
def test_plain_questions_are_no_risk(text: str) -> None:
    assert not load_model().is_risk(text)


LOOK_ALIKES = [
    "Goodbye and thanks for the info!",
    "ok goodbye",
    "I'd die of embarrassment if the scar showed, where do they cut for a face lift?",
    "This droop is killing my confidence. Would Botox even things out?",
    "How many Botox units would it take to relax my chin?",
    "I'm not going to be around next week because of work, can I move my consultation?",
    "Can I take all my usual tablets the morning of surgery?",
    "How many painkillers will I need to take after the muscle transplant?",
    "I'm scared I won't wake up from the anaesthetic, how safe is it?",
    "What happens if the transplanted muscle dies?",
    "I'm done with physio, it's not working. What surgery options are there?",
    "I've made my peace with the droop at rest, I just want my smile back. Which surgery?",
    "Can the eye weight be taken out if I don't need it anymore?",
    "I wish I could just sleep through the whole recovery, how long is it?",
    "The wait is killing me, when will I see movement after the cross-face graft?",
    "The surgeon said my facial nerve was cut in a car accident with a knife in the glovebox, can it be joined?",
    "Does a selective myectomy mean cutting the muscle itself?",
    # withdrawing the clinic's own callback is no farewell
    "I don't need the callback no more",
    "i want to cancel the phone call",
    # an appointment cancelled to be moved; a pet named by its breed, or animals asked about in general
    "Please cancel my consultation booking for Tuesday, I need to reschedule it for after the holidays",
    "my old spaniel's left eye won't shut and looks sore, do you treat dogs?",
    "Can horses get facial paralysis like people do?",
]


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_get_no_urgent_flag(nlp: Language, text: str) -> None:
    """Written here from general knowledge (not from a held-out set): alarming words, no risk."""
    assert [f.kind for f in detect_text(nlp, text) if f.kind != "checkin"] == []


@pytest.mark.parametrize("text", [
    "some mornings I'm disappointed I woke up",
    "I punched myself in the face until it bruised, it's what I deserve",
])
def test_general_words_of_acts_and_passive_wishes_are_cues_the_model_can_confirm(nlp: Language, text: str) -> None:
    """Written here from general knowledge: an act, a quantity swallowed, a wish not to come through."""
    assert "self_harm" in [f.kind for f in detect_text(nlp, text)]



def test_low_mood_alone_becomes_self_harm_only_when_the_model_is_sure(nlp: Language) -> None:
    """The rules report low mood as the weakest self-harm cue as well as a check-in: a sure model makes
    it urgent, a moderately sure one leaves the check-in (the question answered, one gentle line)."""
    doc = nlp("I feel so hopeless about my face")
    flags = default_rules(nlp.vocab).detect(doc)
    assert ("self_harm_cue", ("distress",)) in [(f.kind, f.concepts) for f in flags]
    assert kinds(assess(flags, doc.text, FixedOpinion(True, 0.9))) == ["self_harm"]  # type: ignore[arg-type]
    assert kinds(assess(flags, doc.text, FixedOpinion(True, 0.75))) == ["checkin"]  # type: ignore[arg-type]
    assert kinds(assess(flags, doc.text, FixedOpinion(False, 0.3))) == ["checkin"]  # type: ignore[arg-type]


class ReadsOneSentence:
    """Stands in for the model: sure of one sentence read alone, unsure of anything longer."""

    threshold = DEFAULT_THRESHOLD

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence

    def probability(self, text: str) -> float:
        return 0.95 if text.strip().rstrip(".") == self.sentence.rstrip(".") else 0.2

    def is_risk(self, text: str) -> bool:
        return self.probability(text) >= self.threshold


def test_the_sentence_holding_a_cue_is_read_alone_too(nlp: Language) -> None:
    """A long message dilutes one sentence of it: the model also reads the sentence a cue was found in."""
    sentence = "I keep sitting in the bath at night with a razor blade in my hand."
    text = f"Hi, a few questions before my consultation next month. {sentence} Do I need to stop ibuprofen first?"
    rules = default_rules(nlp.vocab)
    doc = nlp(text)
    flags, spans = rules.detect(doc), rules.sentence_spans(doc)
    assert [text[a:b] for a, b in spans][1] == sentence.rstrip(".")
    assert [(f.kind, f.concepts) for f in flags] == [("self_harm_cue", ("means_word",))]
    model = ReadsOneSentence(sentence)
    assert "self_harm" in kinds(assess(flags, text, model, None, spans))  # type: ignore[arg-type]
    assert "self_harm" not in kinds(assess(flags, text, model, None))  # type: ignore[arg-type]


def test_low_mood_and_death_words_get_no_reading_of_their_own(nlp: Language) -> None:
    """"I'm petrified she won't wake up." reads as risk out of context: such cues keep the whole-message reading."""
    sentence = "I'm petrified she won't wake up."
    text = f"My daughter needs a smile operation. {sentence} How safe is anaesthesia for children?"
    rules = default_rules(nlp.vocab)
    doc = nlp(text)
    flags = rules.detect(doc)
    assert any(f.kind == "self_harm_cue" for f in flags)
    assert "self_harm" not in kinds(assess(flags, text, ReadsOneSentence(sentence), None,  # type: ignore[arg-type]
                                           rules.sentence_spans(doc)))
