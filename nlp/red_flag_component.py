"""Rasa graph component: the red-flag rules as a step of the NLU pipeline.

Placed after the intent classifier and before the FallbackClassifier, it replaces the predicted
intent with ``report_urgent_symptom`` at confidence 1.0 whenever a rule of ``nlp/red_flags.yml``
matches, and adds the kind as a ``red_flag_kind`` entity. Every channel therefore gets the same
protection, no confidence threshold can swallow an urgent message, and RulePolicy maps the intent
to the urgent reply. This module is the only bridge between Rasa and the plain-spaCy rules.

It also acts on what the input guard noticed (``nlp/input_guard_component.py``): a message in
Spanish without a red flag, or one longer than the guard reads, becomes ``out_of_scope`` at 1.0
with a ``guard_note`` entity, so the reply explains (in Spanish, or "please send a shorter
message") instead of guessing. Every kind found is reported, most urgent first, so a message with
two emergencies gets both advices. A "check-in" (an ambiguous statement of distress with a real
question) keeps its intent and only adds ``red_flag_kind: checkin``: the question is answered and
one gentle line added.

For self-harm, the rules also report weaker cues (a means, a farewell, future absence...) that a
small risk model trained on ``nlp/self_harm_risk.yml`` may confirm (``nlp/red_flags/assessment.py``):
phrase lists alone missed half of the indirect ways people say it, and the model alone would
start urgent replies on its own, which a cue-less message never gets. The physical kinds (stroke,
breathing, post-op, new palsy, eye) have weak cues too, which a physical model trained on
``nlp/physical_urgency.yml`` may confirm when the rules found no emergency of their own. Cues never
leave ``assess``: not as a reply, not as a check-in, not in the log below.

The rules decide what is an emergency; the trained classifier alone does not. When the classifier
predicts ``report_urgent_symptom`` but no rule matches (measured: it also says so for chronic
stories and general questions about stroke), the intent falls back to its next guess and the kind
``possible`` is added, so the reply leads with a short safety note instead of emergency advice.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import spacy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import SPACY_DOCS
from rasa.shared.nlu.constants import (
    ENTITIES,
    ENTITY_ATTRIBUTE_CONFIDENCE,
    ENTITY_ATTRIBUTE_END,
    ENTITY_ATTRIBUTE_START,
    ENTITY_ATTRIBUTE_TYPE,
    ENTITY_ATTRIBUTE_VALUE,
    EXTRACTOR,
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

from nlp.courtesy import courtesy_intent
from nlp.input_guard_component import GUARD_PROPERTY
from nlp.message_guard import GuardedText
from nlp.off_topic import off_topic
from nlp.red_flags import DEFAULT_RULES_PATH, RedFlagRules
from nlp.red_flags.assessment import assess
from nlp.red_flags.engine import compiled_rules
from nlp.red_flags.physical_model import (
    DEFAULT_PHYSICAL_PATH,
    DEFAULT_PHYSICAL_THRESHOLD,
    PhysicalUrgencyModel,
    load_physical_model,
)
from nlp.red_flags.risk_model import DEFAULT_THRESHOLD, DEFAULT_TRAINING_PATH, SelfHarmRiskModel, load_model

log = logging.getLogger(__name__)

URGENT_INTENT = "report_urgent_symptom"
KIND_ENTITY = "red_flag_kind"
POSSIBLE_KIND = "possible"
CHECKIN_KIND = "checkin"
LANGUAGE_ENTITY = "language"
NOTE_ENTITY = "guard_note"
DECLINE_INTENT = "out_of_scope"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagDetector(GraphComponent):
    """Overrides the intent when a red-flag rule matches the message's spaCy doc."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"rules_path": str(DEFAULT_RULES_PATH), "urgent_intent": URGENT_INTENT,
                "risk_training_path": str(DEFAULT_TRAINING_PATH), "risk_threshold": DEFAULT_THRESHOLD,
                "physical_training_path": str(DEFAULT_PHYSICAL_PATH),
                # 1.0 or more switches the physical second opinion off (the rules alone decide)
                "physical_threshold": DEFAULT_PHYSICAL_THRESHOLD}

    def __init__(self, config: dict[str, Any]) -> None:
        self._rules_path = Path(config["rules_path"])
        self._urgent_intent = config["urgent_intent"]
        self._rules: RedFlagRules | None = None
        self._rules_text: str | None = None
        self._vocab: Vocab | None = None
        self._tokenizer: Tokenizer | None = None
        self._risk_training = Path(config["risk_training_path"])
        self._risk_threshold = float(config["risk_threshold"])
        self._risk_model: SelfHarmRiskModel | None = None
        self._physical_training = Path(config["physical_training_path"])
        self._physical_threshold = float(config["physical_threshold"])
        self._physical_model: PhysicalUrgencyModel | None = None

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> RedFlagDetector:
        detector = cls(config)
        # Read once and validated now: a patient's message never meets a rules file edited (or broken) after loading,
        # which waits for the next restart, like the trained model
        detector._rules_text = detector._rules_path.read_text(encoding="utf-8")
        RedFlagRules.from_text(Vocab(), detector._rules_text, str(detector._rules_path))
        detector._risk_model = load_model(detector._risk_training, detector._risk_threshold)
        if detector._physical_threshold < 1.0:
            detector._physical_model = load_physical_model(detector._physical_training, detector._physical_threshold)
        return detector

    def _rules_for(self, vocab: Vocab) -> RedFlagRules:
        """Matchers belong to a vocabulary: build them for the pipeline's own, once."""
        if self._rules is None or self._vocab is not vocab:
            if self._rules_text is None:
                self._rules_text = self._rules_path.read_text(encoding="utf-8")
            self._rules = compiled_rules(vocab, self._rules_text)
            self._vocab = vocab
        return self._rules

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            doc = message.get(SPACY_DOCS[TEXT])
            if doc is None:
                continue
            guarded = message.get(GUARD_PROPERTY) or GuardedText(str(message.get(TEXT) or ""))
            doc = self._as_typed(doc, guarded.text)
            rules = self._rules_for(doc.vocab)
            flags = assess(rules.detect(doc), doc.text, self._risk_model, self._physical_model,
                           rules.sentence_spans(doc))
            urgent = [f for f in flags if f.kind != CHECKIN_KIND]
            if guarded.language != "en":
                self._add_entity(message, LANGUAGE_ENTITY, guarded.language)
            if urgent:
                self._mark_urgent(message, [f.kind for f in urgent])
                log.warning("red flag %s (concepts: %s)", ", ".join(f.kind for f in urgent),
                            ", ".join(c for f in urgent for c in f.concepts))
            else:
                self._read_without_urgency(message, guarded, doc.text, distressed=bool(flags))
        return messages

    def _read_without_urgency(self, message: Message, guarded: GuardedText, text: str, distressed: bool) -> None:
        """Nothing urgent: a courtesy in any language is small talk; a message too long or not in English
        is declined with its note; a subject the clinic never answers is declined; anything else keeps
        the classifier's intent, with the check-in's gentle line where distress was told."""
        if not guarded.too_long and (courtesy := courtesy_intent(guarded.text)) is not None:
            self._set_intent(message, courtesy)  # "Goedemorgen!", "Gracias": small talk in any language
        elif guarded.too_long or guarded.language != "en":
            note = "too_long" if guarded.too_long else "other_language"
            self._set_intent(message, DECLINE_INTENT)
            self._add_entity(message, NOTE_ENTITY, note)
            if distressed and not guarded.too_long:
                self._set_kind(message, CHECKIN_KIND)  # the Spanish pointer, then the gentle line in Spanish
        elif (subject := off_topic(text)) is not None:
            self._set_intent(message, DECLINE_INTENT)  # an animal's face, a medicine's dose
            self._add_entity(message, NOTE_ENTITY, subject)  # each declined with its own referral
        else:
            if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == self._urgent_intent:
                self._mark_possible(message)  # the classifier alone never triggers a takeover
            if distressed:
                self._set_kind(message, CHECKIN_KIND)  # distress, not an emergency: answer, then one gentle line

    def _as_typed(self, doc: Doc, typed: str) -> Doc:
        """The message as the patient typed it (after the input guard), when the spelling step
        (``nlp/spelling_component.py``) read clinic words back in ``doc`` or the pipeline lowered its case
        (SpacyNLP case_sensitive: false): the rules keep their own typo reading of exactly what was written,
        so a correction never decides an emergency, and a capital still tells a name ("Thank you, Marek" is
        no misspelt "mareo")."""
        if typed == doc.text:
            return doc
        if self._tokenizer is None or self._tokenizer.vocab is not doc.vocab:
            self._tokenizer = spacy.blank("en", vocab=doc.vocab).tokenizer
        return self._tokenizer(typed)

    def _set_intent(self, message: Message, intent: str) -> None:
        """``intent`` at 1.0, every other at 0, so neither the fallback nor an ambiguity check overrides it."""
        chosen = {INTENT_NAME_KEY: intent, PREDICTED_CONFIDENCE_KEY: 1.0}
        others = [{**r, PREDICTED_CONFIDENCE_KEY: 0.0} for r in message.get(INTENT_RANKING_KEY) or []
                  if r.get(INTENT_NAME_KEY) != intent]
        message.set(INTENT, chosen, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [chosen, *others], add_to_output=True)

    def _mark_urgent(self, message: Message, kinds: list[str]) -> None:
        """The urgent intent at 1.0 and one ``red_flag_kind`` entity per kind, most urgent first."""
        self._set_intent(message, self._urgent_intent)
        self._remove_entities(message, KIND_ENTITY)
        for kind in kinds:
            self._add_entity(message, KIND_ENTITY, kind)

    def _mark_possible(self, message: Message) -> None:
        """The classifier alone thinks it is urgent: use its next guess and flag the message as possibly urgent."""
        ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get(INTENT_NAME_KEY) != self._urgent_intent]
        fallback = ranking[0] if ranking else {INTENT_NAME_KEY: None, PREDICTED_CONFIDENCE_KEY: 0.0}
        message.set(INTENT, fallback, add_to_output=True)
        message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        self._set_kind(message, POSSIBLE_KIND)

    def _set_kind(self, message: Message, kind: str) -> None:
        self._remove_entities(message, KIND_ENTITY)
        self._add_entity(message, KIND_ENTITY, kind)

    @staticmethod
    def _remove_entities(message: Message, entity_type: str) -> None:
        entities = [e for e in message.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) != entity_type]
        message.set(ENTITIES, entities, add_to_output=True)

    def _add_entity(self, message: Message, entity_type: str, value: str) -> None:
        """An entity over the whole message, marked as ours: the actions trust only this extractor."""
        entities = list(message.get(ENTITIES) or [])
        entities.append({
            ENTITY_ATTRIBUTE_TYPE: entity_type,
            ENTITY_ATTRIBUTE_VALUE: value,
            ENTITY_ATTRIBUTE_START: 0,
            ENTITY_ATTRIBUTE_END: len(message.get(TEXT) or ""),
            ENTITY_ATTRIBUTE_CONFIDENCE: 1.0,
            EXTRACTOR: type(self).__name__,
        })
        message.set(ENTITIES, entities, add_to_output=True)
