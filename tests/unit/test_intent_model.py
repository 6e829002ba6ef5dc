"""The intent classifier on its own (plain spaCy + scikit-learn): features, training, ranking."""

from __future__ import annotations

import pytest
import spacy

from nlp.intent_model import IntentModel, message_features, part_rankings, view_ngrams

EXAMPLES = {
    "ask_risks": ["what are the risks of {p}", "is {p} dangerous", "complications of {p}", "{p} side effects",
                  "can {p} go wrong", "how safe is {p}"],
    "ask_pain": ["does {p} hurt", "is {p} painful", "how much pain after {p}", "{p} pain",
                 "will i be sore after {p}", "painkillers after {p}"],
    "greet": ["hi", "hello", "hey there", "good morning", "hiya", "hello bot"],
}
PROCEDURES = ["the gracilis", "a nerve graft", "the operation"]


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    pipeline = spacy.blank("en")
    ruler = pipeline.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "procedure", "pattern": "gracilis"},
                        {"label": "procedure", "pattern": [{"LOWER": "nerve"}, {"LOWER": "graft"}]}])
    return pipeline


@pytest.fixture(scope="module")
def model(nlp: spacy.language.Language) -> IntentModel:
    features, intents = [], []
    for intent, patterns in EXAMPLES.items():
        for n, pattern in enumerate(patterns):
            features.append(message_features(nlp(pattern.format(p=PROCEDURES[n % len(PROCEDURES)]))))
            intents.append(intent)
    return IntentModel().fit(features, intents)


def test_clinic_terms_are_generalised_to_their_label(nlp: spacy.language.Language) -> None:
    features = message_features(nlp("risks of the gracilis"))  # SpacyNLP lower-cases first
    assert features.startswith("risks of the gracilis | ")
    assert features.endswith("risks of the ENTprocedure")
    assert "g:risks of" in view_ngrams(features) and "gracilis |" not in view_ngrams(features)


def test_ranking_is_sorted_probabilities_over_the_trained_intents(nlp, model: IntentModel) -> None:
    ranking = model.rank(message_features(nlp("what could go wrong with a nerve graft")))
    assert ranking[0].intent == "ask_risks"
    assert [s.confidence for s in ranking] == sorted((s.confidence for s in ranking), reverse=True)
    assert {s.intent for s in ranking} == set(EXAMPLES) and 0.99 < sum(s.confidence for s in ranking) < 1.01
    assert model.rank(message_features(nlp("does the nerve graft hurt")))[0].intent == "ask_pain"
    assert len(model.rank(message_features(nlp("hello")), limit=2)) == 2


def test_untrained_model_ranks_nothing_and_small_intents_are_refused(nlp) -> None:
    assert IntentModel().rank(message_features(nlp("hi"))) == []
    with pytest.raises(ValueError, match="fewer than 5 examples: tiny"):
        IntentModel().fit(["a", "b", "c", "d", "e", "f"], ["big"] * 5 + ["tiny"])


def test_each_question_of_several_is_classified_on_its_own(nlp, model: IntentModel) -> None:
    assert model.plain is not None
    parts = part_rankings(model.plain, nlp("is the gracilis dangerous, and does a nerve graft hurt?"))
    assert [p["text"] for p in parts] == ["is the gracilis dangerous", "does a nerve graft hurt"]
    assert [next(iter(p["intents"])) for p in parts] == ["ask_risks", "ask_pain"]  # type: ignore[call-overload]
    assert part_rankings(model.plain, nlp("is the gracilis dangerous")) == []
