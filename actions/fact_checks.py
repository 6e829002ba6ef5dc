"""Whether a question gets a topic's overview or a ranking of facts, and whether its words alone
single out a fact (so the assistant answers instead of asking "did you mean")."""

from __future__ import annotations

from actions.fact_ranker import AGREEING_MATCH, SPECIFIC_MATCH, FactRanker
from clinic.fact_ranking import LEXICAL_FLOOR
from clinic.queries import Answer, KnowledgeBase
from clinic.question_parts import asks_logistics, looks_like_question, split_questions

# How much the classifier's belief in an overview topic weighs against the words pointing at one fact
# outside it, and the margin those words need. Tried: 0.5/0.1 won as many dev questions as it
# lost (symptom words in a broad synkinesis question pulled the eyelid fact in); 0.6/0.2 won three on
# four studied dev sets but lost two of the gated multi-turn conversations ("what helps with
# synkinesis?" lost its numbered list, so "the first" had nothing to choose from).
OVERVIEW_BELIEF = 0.9
CLEARLY_BETTER = 0.3


def is_overview(kb: KnowledgeBase, answer: Answer, text: str, named: list[str], confidence: float) -> bool:
    """A button's payload, or a broad question on a topic that lists options ("what treatments are
    there for synkinesis?"): the topic's short overview and its list, not a ranking of facts.

    A specific question the classifier filed under a broad topic ("is the method the same for
    everyone?" under the surgery options) has words, beyond the topic's own keywords, that point
    clearly at a fact outside the overview: that one is answered instead, unless the classifier's
    ``confidence`` in the topic outweighs those words (the same weighing as the fact ranking's).
    """
    if text.startswith("/"):
        return True
    if named or answer.procedure is not None or not answer.options:
        return False
    overview = {f.id for f in answer.facts}
    index = FactRanker(kb).index
    for part in split_questions(answer.topic.without_keywords(text)):
        ranked = index.rank(part, {})
        inside = max((r.lexical for r in ranked if r.fact.id in overview), default=0.0)
        # a fact of no topic (the list of techniques) is what the overview's numbered list shows
        outside = max((r.lexical for r in ranked if r.fact.id not in overview and r.fact.topics), default=0.0)
        if outside >= SPECIFIC_MATCH and outside >= inside + OVERVIEW_BELIEF * confidence + CLEARLY_BETTER:
            return False
    return True


def strong_match(kb: KnowledgeBase, text: str, confidence: dict[str, float], likely_topic: str) -> bool:
    """Whether the message's own words single out a fact, clearly enough to answer rather than ask
    "did you mean": "what do you specialise in" is unsure for the classifier, not for its words.
    A fact of the likeliest topic needs less: the classifier and the words agree."""
    ranker = FactRanker(kb)
    ranked = ranker.index.rank(text, ranker.topic_weights(text, confidence, None))
    if not ranked:
        return False
    needed = AGREEING_MATCH if likely_topic in ranked[0].fact.topics else SPECIFIC_MATCH
    return ranked[0].lexical >= needed


# Below this, the classifier is less than even sure a message is out of scope.
SURE_OUT_OF_SCOPE = 0.5


def in_scope_after_all(kb: KnowledgeBase, text: str, off_topic_confidence: float) -> bool:
    """A message the classifier filed as out of scope or small talk, but barely, whose own words
    clearly single out a fact of the page ("can I get the wrinkle-freezing jabs for my stiff
    muscles?"). Prices, bookings and places stay with the front desk whatever procedure they name."""
    if off_topic_confidence >= SURE_OUT_OF_SCOPE or asks_logistics(text) or not looks_like_question(text):
        return False
    return max(FactRanker(kb).index.lexical_scores(text), default=0.0) >= LEXICAL_FLOOR

