"""The Rasa component: rules override the intent; the classifier alone only marks a message as possible."""

from __future__ import annotations

from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlp.input_guard_component import InputGuard
from nlp.red_flag_component import RedFlagDetector


def parsed(nlp, text: str, ranking: list[tuple[str, float]]) -> Message:
    message = Message(data={TEXT: text})
    message.set(SPACY_DOCS[TEXT], nlp(text))
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking])
    return message


def kind_of(message: Message) -> str | None:
    return next((e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == "red_flag_kind"), None)


def detector() -> RedFlagDetector:
    return RedFlagDetector(RedFlagDetector.get_default_config())


def test_rule_match_wins_over_any_intent_at_full_confidence(nlp) -> None:
    message = parsed(nlp, "my face dropped and i cannot lift my arm", [("ask_risks", 0.95), ("ask_recovery", 0.9)])
    detector().process([message])
    assert message.get(INTENT) == {"name": "report_urgent_symptom", "confidence": 1.0}
    assert [r["confidence"] for r in message.get(INTENT_RANKING_KEY)] == [1.0, 0.0, 0.0]
    assert kind_of(message) == "stroke"


def test_classifier_alone_only_marks_possible(nlp) -> None:
    message = parsed(nlp, "I had a stroke in 2019, can surgery help my face?",
                     [("report_urgent_symptom", 0.8), ("ask_candidacy", 0.15)])
    detector().process([message])
    assert message.get(INTENT)["name"] == "ask_candidacy"
    assert "report_urgent_symptom" not in [r["name"] for r in message.get(INTENT_RANKING_KEY)]
    assert kind_of(message) == "possible"


def test_ordinary_question_is_untouched(nlp) -> None:
    message = parsed(nlp, "how long is recovery after a nerve graft?", [("ask_recovery", 0.97)])
    detector().process([message])
    assert message.get(INTENT)["name"] == "ask_recovery" and kind_of(message) is None


def test_message_without_a_spacy_doc_is_skipped() -> None:
    message = Message(data={TEXT: ""})
    detector().process([message])
    assert message.get(INTENT) is None


def guarded(nlp, text: str, ranking: list[tuple[str, float]]) -> Message:
    """A message as the pipeline sees it: the input guard first, then spaCy, then the classifier."""
    message = Message(data={TEXT: text})
    InputGuard(InputGuard.get_default_config()).process([message])
    message.set(SPACY_DOCS[TEXT], nlp(message.get(TEXT)))
    message.set(INTENT, {"name": ranking[0][0], "confidence": ranking[0][1]})
    message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in ranking])
    return message


def values(message: Message, entity: str) -> list[str]:
    return [e["value"] for e in message.get(ENTITIES) or [] if e["entity"] == entity]


def test_every_kind_is_reported_most_urgent_first(nlp) -> None:
    message = guarded(nlp, "my scar is oozing pus since the operation and I want to kill myself", [("ask_risks", 0.9)])
    detector().process([message])
    assert values(message, "red_flag_kind") == ["self_harm", "post_op"]
    assert {e["extractor"] for e in message.get(ENTITIES)} == {"RedFlagDetector"}


def test_check_in_keeps_the_question(nlp) -> None:
    text = "I don't want to live with this face forever, what are my options?"
    message = guarded(nlp, text, [("report_urgent_symptom", 0.6), ("ask_surgery_options", 0.3)])
    detector().process([message])
    assert message.get(INTENT)["name"] == "ask_surgery_options" and values(message, "red_flag_kind") == ["checkin"]


def test_spanish_without_a_red_flag_is_declined_in_spanish(nlp) -> None:
    message = guarded(nlp, "hola, ¿cuánto cuesta la consulta para la cirugía?", [("ask_surgery_duration", 0.9)])
    detector().process([message])
    assert message.get(INTENT) == {"name": "out_of_scope", "confidence": 1.0}
    assert values(message, "guard_note") == ["other_language"] and values(message, "language") == ["es"]


def test_too_long_is_declined_after_the_red_flag_check_of_its_start(nlp) -> None:
    message = guarded(nlp, "what are the risks " * 400, [("ask_risks", 0.99)])
    detector().process([message])
    assert message.get(INTENT)["name"] == "out_of_scope" and values(message, "guard_note") == ["too_long"]
    urgent = guarded(nlp, "my face dropped and I can't lift my arm. " + "x" * 5000, [("ask_risks", 0.5)])
    detector().process([urgent])
    assert urgent.get(INTENT)["name"] == "report_urgent_symptom" and values(urgent, "red_flag_kind") == ["stroke"]


def test_a_refused_payload_is_read_as_text(nlp) -> None:
    message = guarded(nlp, "/ask_risks@1 my face dropped and I can't lift my arm", [("ask_risks", 1.0)])
    assert message.get(TEXT) == "ask_risks@1 my face dropped and I can't lift my arm"
    detector().process([message])
    assert message.get(INTENT)["name"] == "report_urgent_symptom"


def test_spanish_distress_gets_the_spanish_pointer_and_the_check_in(nlp) -> None:
    text = "Me siento muy triste desde la operación, ¿cuánto dura la recuperación?"
    message = guarded(nlp, text, [("ask_recovery", 0.8)])
    detector().process([message])
    assert message.get(INTENT)["name"] == "out_of_scope" and values(message, "language") == ["es"]
    assert values(message, "red_flag_kind") == ["checkin"]


def test_a_weaker_self_harm_cue_is_urgent_only_when_the_risk_model_agrees(nlp) -> None:
    from nlp.red_flags.risk_model import load_model

    confirmed = detector()
    confirmed._risk_model = load_model()
    text = "Don't bother booking my second stage, I won't be here by then anyway."
    message = guarded(nlp, text, [("ask_stages", 0.8)])
    confirmed.process([message])
    assert message.get(INTENT)["name"] == "report_urgent_symptom" and values(message, "red_flag_kind") == ["self_harm"]
    moving = guarded(nlp, "I won't be here for the follow-up in May, I'm moving to Spain. Can it be done remotely?",
                     [("ask_stages", 0.8)])
    confirmed.process([moving])
    assert moving.get(INTENT)["name"] == "ask_stages" and values(moving, "red_flag_kind") == []
    without_model = guarded(nlp, text, [("ask_stages", 0.8)])
    detector().process([without_model])  # no model: the cue alone never makes a message urgent
    assert without_model.get(INTENT)["name"] == "ask_stages" and values(without_model, "red_flag_kind") == []


def test_a_physical_cue_is_urgent_only_when_the_physical_model_agrees(nlp) -> None:
    from nlp.red_flags.physical_model import load_physical_model

    confirmed = detector()
    confirmed._physical_model = load_physical_model()
    text = "Dad's arm went heavy while eating and he dropped his fork"
    message = guarded(nlp, text, [("ask_recovery", 0.8)])
    confirmed.process([message])
    assert message.get(INTENT)["name"] == "report_urgent_symptom" and values(message, "red_flag_kind") == ["stroke"]
    without_model = guarded(nlp, text, [("ask_recovery", 0.8)])
    detector().process([without_model])  # no model: the cue is neither urgent nor a check-in
    assert without_model.get(INTENT)["name"] == "ask_recovery" and values(without_model, "red_flag_kind") == []


def test_a_threshold_of_one_switches_the_physical_model_off() -> None:
    config = {**RedFlagDetector.get_default_config(), "physical_threshold": 1.0}
    assert RedFlagDetector.create(config, None, None, None)._physical_model is None  # type: ignore[arg-type]


def test_the_rules_read_what_was_typed_not_the_spelling_steps_reading(nlp) -> None:
    # the input guard keeps the typed text; a later step rewrote the text the doc was built from
    message = guarded(nlp, "my face dropped and i cannot lift my arm", [("ask_risks", 0.9)])
    rewritten = "my face and i can lift my arm"
    message.set(TEXT, rewritten)
    message.set(SPACY_DOCS[TEXT], nlp(rewritten))
    detector().process([message])
    assert values(message, "red_flag_kind") == ["stroke"]
