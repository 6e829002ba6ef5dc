"""The intent classifier itself: plain spaCy + scikit-learn, no Rasa.

Why not DIET: on this clinic's data (a few dozen to a few hundred examples per intent, written by
hand) a linear model over word and character n-grams cross-validated better than DIET (measured
with ``make cross-validate``) and trains in seconds instead of ten minutes on two cores, which is
what makes data work and CI affordable.

Features of one message, all from the pipeline's own spaCy doc, in two views:
- the lower-cased words, as word 1-2 grams, and their character 2-5 grams inside words, for typos
  ("anesthsia") and unseen inflections;
- the same message with every recognised clinic term replaced by its label (``ENTprocedure``)
  and every other word by its lemma, as word 1-2 grams of their own, so "risks of the gracilis"
  and "risk of a nerve graft" share "risk of ENTprocedure" and a question pattern learnt for one
  procedure carries over to all of them.
The views are kept apart (no n-gram spans both, nothing is shared by every message): a shared
token made every short unknown message ("giraffe", an emoji) look like the intent with the most
short examples (affirm); without it such messages fall to out_of_scope (cross-validated).

Probabilities come from a linear SVM calibrated by cross-validation (Platt scaling), so the
FallbackClassifier's threshold and the "did you mean" margins have a meaning. scikit-learn fits the
model; once fitted it is exported to plain arrays (``nlp.intent_store``), which is what ranks
messages and what a Rasa model stores: no pickle is ever written or read.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
from sklearn.calibration import CalibratedClassifierCV
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline, make_union
from sklearn.svm import LinearSVC
from spacy.tokens import Doc

from clinic.question_parts import MAX_QUESTIONS
from clinic.question_parts import question_focus as focus_span
from clinic.question_split import split_questions
from nlp.intent_store import IntentScore, PlainIntentModel, export

ENTITY_PREFIX = "ENT"
CALIBRATION_FOLDS = 5
VIEW_SEPARATOR = " | "
GENERALISED_MARK = "g:"


def message_features(doc: Doc) -> str:
    """One string holding both views of the message (the vectorisers split it themselves)."""
    entity_at = {span.start: span for span in doc.ents}
    generalised: list[str] = []
    index = 0
    while index < len(doc):
        span = entity_at.get(index)
        if span is not None:
            generalised.append(ENTITY_PREFIX + span.label_)
            index = span.end
            continue
        token = doc[index]
        if not token.is_space:
            generalised.append((token.lemma_ or token.text).lower())
        index += 1
    return f"{doc.text.lower()}{VIEW_SEPARATOR}{' '.join(generalised)}"


def word_ngrams(words: list[str], longest: int = 2) -> list[str]:
    grams = list(words)
    for size in range(2, longest + 1):
        grams += [" ".join(words[i:i + size]) for i in range(len(words) - size + 1)]
    return grams


def view_ngrams(features: str) -> list[str]:
    """Word 1-2 grams of both views; the generalised view's are marked so the two never mix."""
    words, _, generalised = features.partition(VIEW_SEPARATOR)
    return word_ngrams(words.split()) + [GENERALISED_MARK + g for g in word_ngrams(generalised.split())]


def words_view(features: str) -> str:
    return features.partition(VIEW_SEPARATOR)[0]


def char_vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, preprocessor=words_view)


CHAR_NGRAMS = char_vectoriser().build_analyzer()


def view_terms(features: str) -> tuple[list[str], list[str]]:
    """The terms of both tf-idf views of a prepared message, in the order the model stores them."""
    return view_ngrams(features), CHAR_NGRAMS(features)


__all__ = ["IntentModel", "IntentScore", "PlainIntentModel", "focused_rank", "message_features", "part_rankings",
           "view_terms"]


class IntentModel:
    """Calibrated linear SVM over word, generalised-word and character n-grams."""

    def __init__(self, regularisation: float = 1.0, random_state: int = 42) -> None:
        self._pipeline = Pipeline([
            ("features", make_union(
                TfidfVectorizer(analyzer=view_ngrams, sublinear_tf=True),
                char_vectoriser(),
            )),
            ("classifier", CalibratedClassifierCV(
                LinearSVC(C=regularisation, random_state=random_state), cv=CALIBRATION_FOLDS)),
        ])
        self._plain: PlainIntentModel | None = None

    @property
    def trained(self) -> bool:
        return self._plain is not None

    @property
    def intents(self) -> list[str]:
        return list(self._plain.intents) if self._plain else []

    @property
    def plain(self) -> PlainIntentModel | None:
        """The fitted model as plain data (None before ``fit``)."""
        return self._plain

    def fit(self, features: list[str], intents: list[str]) -> IntentModel:
        """Learn from prepared messages; every intent needs at least CALIBRATION_FOLDS examples."""
        too_few = sorted(i for i, count in Counter(intents).items() if count < CALIBRATION_FOLDS)
        if too_few:
            raise ValueError(f"intents with fewer than {CALIBRATION_FOLDS} examples: {', '.join(too_few)}")
        if len(set(intents)) < 2:
            raise ValueError("the intent classifier needs at least two intents")
        self._pipeline.fit(features, np.array(intents))  # sklearn 1.1 checks class sizes on arrays only
        union = self._pipeline.named_steps["features"]
        self._plain = export([vectoriser for _, vectoriser in union.transformer_list],
                             self._pipeline.named_steps["classifier"])
        return self

    def fitted_probabilities(self, features: list[str]) -> np.ndarray:
        """scikit-learn's own probabilities (rows of messages, columns of ``intents``): the
        reference the plain model is tested against."""
        return self._pipeline.predict_proba(features)

    def rank(self, features: str, limit: int = 10) -> list[IntentScore]:
        """Intents from most to least likely, at most ``limit`` of them."""
        return rank(self._plain, features, limit) if self._plain else []


def rank(model: PlainIntentModel, features: str, limit: int = 10) -> list[IntentScore]:
    """A plain model's ranking of one prepared message (see ``message_features``)."""
    return model.rank(view_terms(features), limit)


# A long message buries its question in a story ("I had my palsy three years ago... my husband
# will wait at the hospital... how long does the operation take?"). The training examples are
# mostly single questions, so the story's words can outvote the question's. Such a message is read
# twice, whole and as its question sentence(s) alone, and the two readings are averaged.
FOCUS_WEIGHT = 0.5        # the question sentences' share of the averaged reading
def question_focus(doc: Doc) -> Doc | None:
    """The question sentence(s) of a long message, found as the fact ranking finds them
    (``clinic.question_parts.question_focus``, its own sentences only); None for a short message
    or a single sentence."""
    span = focus_span(doc.text, with_context=False)
    if span is None:
        return None
    focus = doc.char_span(span[0], span[1], alignment_mode="expand")
    return focus.as_doc() if focus is not None and len(focus) < len(doc) else None


def focused_rank(model: PlainIntentModel, doc: Doc, limit: int = 10) -> list[IntentScore]:
    """The ranking of a message, its question sentences weighing in for a long one."""
    whole = model.probabilities(view_terms(message_features(doc)))
    focus = question_focus(doc)
    if focus is not None:
        whole = (1 - FOCUS_WEIGHT) * whole + FOCUS_WEIGHT * model.probabilities(view_terms(message_features(focus)))
    order = np.argsort(-whole, kind="stable")[:limit]
    return [IntentScore(model.intents[i], float(whole[i])) for i in order]


PART_RANKING_LENGTH = 5  # intents kept per question of a several-question message


def part_rankings(model: PlainIntentModel, doc: Doc) -> list[dict[str, object]]:
    """Each question of a several-question message classified on its own, as the fact ranking
    splits them (``clinic.question_split.split_questions``): "how long is the op and do I stay in
    hospital?" is two intents, which one ranking of the whole message blurs into one. Empty for a
    single question. At most three parts, so the cost stays a small constant per message."""
    parts = split_questions(doc.text)
    if len(parts) < 2:
        return []
    found, at = [], 0
    for part in parts[:MAX_QUESTIONS]:
        start = doc.text.find(part, at)
        span = doc.char_span(start, start + len(part), alignment_mode="expand") if start >= 0 else None
        if span is None:
            continue
        at = start + len(part)
        probabilities = model.probabilities(view_terms(message_features(span.as_doc())))
        order = np.argsort(-probabilities, kind="stable")[:PART_RANKING_LENGTH]
        found.append({"text": part, "start": start, "end": at,
                      "intents": {model.intents[i]: round(float(probabilities[i]), 4) for i in order}})
    return found

