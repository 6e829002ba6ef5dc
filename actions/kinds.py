"""The two kinds of surgery the page names (static and dynamic restoration) as what a patient is after.

"I'm not bothered about movement, I just want it to look even" describes the static kind without naming
it; the classifier files such a message under whatever its words resemble (a face "even when relaxed"
reads like the synkinesis tightness, "look even" like the results). And once a kind was discussed, "what
kind of procedures would that be?" asks what that kind is done with, not for every operation's list, and
"which operations bring back movement?" asks for the procedures of the dynamic kind before the overview.
"""

from __future__ import annotations

import re

from actions.fact_checks import APPROACHES, approaches_of_kind
from actions.fact_ranker import FactRanker
from actions.situation import MAX_FOLLOW_UP_WORDS, asks_if_case_weighs
from clinic.asked_for import asks_if_open_to, kind_asked_by_aim, wants_even_not_moving
from clinic.queries import Answer, CatalogueFact, KnowledgeBase, ProcedureView

# "would that be", "does that include": after a kind of surgery, any pronoun of a short question is that kind
_PRONOUN = re.compile(r"\b(?:it|its|that|this|those|these|they|them)\b", re.IGNORECASE)


def static_case(kb: KnowledgeBase, case: str, question: str) -> ProcedureView | None:
    """The static kind of surgery, when the patient's case (``case``: the message, or a short follow-up
    with the message before it) says that movement is not what they are after but a face that looks
    even: the page says what that kind is for and what it is done with, whichever topic the words
    resemble. Not when the question asks whether surgery is open to them or what is weighed: those
    topics' frames answer it, and the case's option comes after (``option_for_case``)."""
    if not wants_even_not_moving(case) or asks_if_open_to(question) or asks_if_case_weighs(question):
        return None
    return next((kb.procedure(p) for p in approaches_of_kind(kb, "static")), None)


def of_approach_discussed(text: str, procedure_id: str | None, answer: Answer) -> bool:
    """"What kind of procedures would that be?" after the static kind of surgery asks what that kind is
    done with, not for the list of every operation: "that" is the kind just discussed."""
    return (procedure_id in APPROACHES and bool(answer.options) and len(text.split()) <= MAX_FOLLOW_UP_WORDS
            and bool(_PRONOUN.search(text)))


def kind_lead(kb: KnowledgeBase, answer: Answer, text: str) -> tuple[CatalogueFact, dict[str, float]] | None:
    """"Which operations bring back movement?" filed under an overview that lists options: the page's
    fact on what that kind of surgery is done with ("Dynamic procedures may include nerve transfers...",
    "face lifts and browlifts to restore symmetry"), to lead the overview with, and how well the words
    match each fact. Only a fact about one kind, outside the overview, of a topic describing its options."""
    kind = kind_asked_by_aim(text) if answer.options and answer.procedure is None else None
    approach = next(iter(approaches_of_kind(kb, kind)), None)
    if approach is None:
        return None
    ranker = FactRanker(kb)
    shown = {f.id for f in answer.facts}
    describing = {o.detail_topic for o in answer.options}
    for fact in ranker.catalogue.values():
        about = set(fact.fact.procedure_ids)
        if (approach in about and not about & (APPROACHES - {approach}) and fact.fact.id not in shown
                and describing & set(fact.topic_ids)):
            return fact, {r.fact.id: r.lexical for r in ranker.index.rank(text, {})}
    return None
