"""Whether a question gets a topic's overview or a ranking of facts, which listed option the
patient's own case points at (to lead the overview with), and whether its words alone single out a
fact (so the assistant answers instead of asking "did you mean")."""

from __future__ import annotations

from collections.abc import Callable

from actions.fact_ranker import AGREEING_MATCH, SPECIFIC_MATCH, FactRanker
from clinic.asked_choices import asks_what_decides
from clinic.asked_for import wants_even_not_moving
from clinic.described_signs import without_synkinesis_signs
from clinic.fact_ranking import LEXICAL_FLOOR, Scored
from clinic.queries import Answer, CatalogueFact, KnowledgeBase
from clinic.question_parts import asks_logistics, looks_like_question
from clinic.question_split import split_questions

# How much the classifier's belief in an overview topic weighs against the words pointing at one fact
# outside it, and the margin those words need. Tried: 0.5/0.1 won as many dev questions as it
# lost (symptom words in a broad synkinesis question pulled the eyelid fact in); 0.6/0.2 won three on
# four studied dev sets but lost two of the gated multi-turn conversations ("what helps with
# synkinesis?" lost its numbered list, so "the first" had nothing to choose from).
OVERVIEW_BELIEF = 0.9
CLEARLY_BETTER = 0.3
# The margin a listed option's own description needs over the overview's facts when the question asks
# about that option in words that do not name the overview's topic (``_names_an_option``).
OPTION_MARGIN = 0.05
# The synkinesis treatments: their signs told in lay words are no question about the eye (clinic/described_signs.py).
SYNKINESIS_TOPIC = "synkinesis"
# The two kinds of surgery the page names, which are no option of its numbered list themselves.
APPROACHES = frozenset({"static_restoration", "dynamic_restoration"})


def is_overview(kb: KnowledgeBase, answer: Answer, text: str, named: list[str], confidence: float) -> bool:
    """A button's payload, or a broad question on a topic that lists options ("what treatments are
    there for synkinesis?"): the topic's short overview and its list, not a ranking of facts.

    A specific question the classifier filed under a broad topic ("is the method the same for
    everyone?" under the surgery options) has words, beyond the topic's own keywords, that point
    clearly at a fact outside the overview: that one is answered instead, unless the classifier's
    ``confidence`` in the topic outweighs those words (the same weighing as the fact ranking's).
    A question about one listed option never gets the overview: the caller asks ``asks_one_option``
    first (answers.py), so it is not ranked twice here.
    """
    if text.startswith("/"):
        return True
    if named or answer.procedure is not None or not answer.options or asks_what_decides(text):
        return False
    # "when I smile my eye shuts, what can be done?": the eye's words tell the sign, not eyelid surgery
    if answer.topic.id == SYNKINESIS_TOPIC:
        text = without_synkinesis_signs(text)
    return _outside_wins(kb, answer, text, OVERVIEW_BELIEF * confidence + CLEARLY_BETTER, lambda _: True) is None


def asks_one_option(kb: KnowledgeBase, answer: Answer, text: str) -> Scored | None:
    """Whether a question filed under a topic that lists options asks about one of them in words
    that do not name the topic ("which muscles can be moved into the face?", "what are the lifts
    for?"): a question of it is best matched by the page's description of a listed option, better
    than by the overview's own facts. The classifier learnt the topic from questions about the
    options as a whole and is as sure of it for a question about one of them, so its belief says
    nothing about which: the words decide, and that belief is no prior for the facts either.
    The option's description, or None."""
    if text.startswith("/") or answer.procedure is not None or not answer.options:
        return None
    if FactRanker.names_topic(answer.topic, text):  # "what options are there for the eye?"
        return None
    return _outside_wins(kb, answer, text, OPTION_MARGIN, lambda best: _names_an_option(answer, best))


def _outside_wins(kb: KnowledgeBase, answer: Answer, text: str, margin: float,
                  counts: Callable[[Scored], bool]) -> Scored | None:
    """The best fact outside the overview for one question of ``text`` (the topic's keywords taken
    out), when it matches the words well, by ``margin`` more than the overview's best, and ``counts``."""
    overview = {f.id for f in answer.facts}
    index = FactRanker(kb).index
    for part in split_questions(answer.topic.without_keywords(text)):
        ranked = index.rank(part, {})
        inside = max((r.lexical for r in ranked if r.fact.id in overview), default=0.0)
        # a fact of no topic (the list of techniques) is what the overview's numbered list shows
        best = next((r for r in ranked if r.fact.id not in overview and r.fact.topics), None)
        if best is not None and best.lexical >= SPECIFIC_MATCH and best.lexical >= inside + margin and counts(best):
            return best
    return None


def _names_an_option(answer: Answer, best: Scored) -> bool:
    """Whether ``best`` is the page's description of options on the answer's list (what muscle
    transfers use, what the lifts are for), not of anything else (the risks, the time off work)."""
    listed = {o.id for o in answer.options}
    describing = {o.detail_topic for o in answer.options}
    about = set(best.fact.procedures)
    # a fact also about an approach the list does not hold ("lifts to restore symmetry" is also what a
    # static restoration is done with) still describes the listed options it names
    return bool(about & listed) and about - listed <= APPROACHES and bool(describing & set(best.fact.topics))


def option_for_case(kb: KnowledgeBase, answer: Answer, story: str,
                    story_names: list[str]) -> tuple[CatalogueFact, dict[str, float]] | None:
    """The page's fact on what one listed option is for, when the patient's own case (``story``)
    points at that option, with how well the story matches each fact (0..1, by id); else None.

    "I was told the nerve won't recover. Is there still an option?" is rightly a question about the
    options, and gets their overview; but the case says which of them the patient will look for
    first (regional muscle transfers, "when nerve function cannot be restored"). Only a fact of the
    topic describing the listed options counts (not their risks), and only when it is the story's
    best fact outside the overview and matches well: a story about constraints ("I can't take much
    time off") or what is weighed (age, how long) points at no option. Since the overview and its
    list stay, a close second option costs little: a margin of 0.2 over the next fact (tried) left
    one studied answer without its lead and won none. A story naming a procedure (``story_names``: "my surgeon
    mentioned a static operation") is about that one, not about another option its words match.
    """
    if not story or not answer.options or answer.procedure is not None:
        return None
    overview = {f.id for f in answer.facts}
    ranker = FactRanker(kb)
    ranked = ranker.index.rank(story, {})
    outside = [r for r in ranked if r.fact.id not in overview and r.fact.topics]
    if not outside:
        return None
    best = outside[0]
    if wants_even_not_moving(story):
        # "not bothered about moving it, I just want it even": what the static kind is done with, whatever
        # the words match best ("lopsided for years" matches what is weighed)
        static_kind = set(approaches_of_kind(kb, "static"))
        static = [r for r in outside if set(r.fact.procedures) & static_kind and _names_an_option(answer, r)]
        if static:
            return ranker.catalogue[static[0].fact.id], {r.fact.id: r.lexical for r in ranked}
    # what an option is for is said on the topic describing it, not under its risks or results
    if best.lexical < SPECIFIC_MATCH or not _names_an_option(answer, best):
        return None
    if story_names and not set(best.fact.procedures) & set(story_names):
        return None
    return ranker.catalogue[best.fact.id], {r.fact.id: r.lexical for r in ranked}


def approaches_of_kind(kb: KnowledgeBase, kind: str | None) -> list[str]:
    """The approaches of one ``kind`` in knowledge/procedures.yml: "static" evens the face without restoring
    movement, "dynamic" restores it."""
    return sorted(p for p in APPROACHES if (view := kb.procedure(p)) is not None and view.kind == kind)


def strong_match(kb: KnowledgeBase, text: str, confidence: dict[str, float], likely_topic: str | None) -> bool:
    """Whether the message's own words single out a fact, clearly enough to answer rather than ask
    "did you mean": "what do you specialise in" is unsure for the classifier, not for its words.
    A fact of the likeliest topic needs less: the classifier and the words agree. Without a likeliest
    topic (``None``) every fact needs the full match."""
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


# Above this, the classifier is sure enough a message is out of scope that no reading of its words
# overrules it ("what's the recovery time after a knee replacement?" is filed there far more surely).
TORN_OUT_OF_SCOPE = 0.6
# The runner-up topic's share of the classifier's belief for it to be a reading at all.
RUNNER_UP_CONFIDENCE = 0.3


def runner_up_agrees(kb: KnowledgeBase, text: str, confidence: dict[str, float], filed: str) -> bool:
    """A question the classifier filed as ``filed`` (out of scope) while torn with one of the clinic's
    topics ("what's the shortest full recovery time you quote?": 0.54 against 0.43 for recovery), whose
    own words single out a fact of that very topic: two readings, the words' and the classifier's
    second, agree, which is stronger than the classifier's first alone. One reading is not enough:
    above ``TORN_OUT_OF_SCOPE`` a topic's words alone (``in_scope_after_all``) answer a question about
    another doctor's operation. Front-desk words keep a question declined: the classifier is torn as
    much on "is the recovery covered by insurance?" (0.59 against 0.38)."""
    if confidence.get(filed, 0.0) >= TORN_OUT_OF_SCOPE or asks_logistics(text) or not looks_like_question(text):
        return False
    others = sorted(((c, i) for i, c in confidence.items() if i != filed and kb.topic_for_intent(i)), reverse=True)
    if not others or others[0][0] < RUNNER_UP_CONFIDENCE:
        return False
    topic = kb.topic_for_intent(others[0][1])
    ranked = FactRanker(kb).index.rank(text, {})
    if not ranked or topic is None:
        return False
    return topic.id in ranked[0].fact.topics and ranked[0].lexical >= SPECIFIC_MATCH

