"""Which answer a topic gives: the topic a procedure's question turns to, and the list of the
other options when a question asks for the alternatives to one. Knowledge-base reading only: no
dispatcher, no tracker (``actions.answers`` says the answers)."""

from __future__ import annotations

from actions.fact_ranker import SPECIFIC_MATCH, FactRanker
from clinic.asked_choices import asks_alternatives
from clinic.queries import Answer, KnowledgeBase, TopicView
from clinic.question_split import split_questions

# Topics where "apart from X, what else?" asks for the other options (not "the risks apart from X").
ALTERNATIVE_TOPICS = frozenset({"about", "options", "procedure_info", "synkinesis", "eye", "candidacy",
                                "personal_advice"})


def resolve_answer(kb: KnowledgeBase, topic: TopicView, procedure_id: str | None, named_now: int) -> Answer:
    """The answer for ``topic``, following ``with_procedure``/``without_procedure`` and a procedure's own topic.

    ``named_now`` is how many procedures this very message names (0 when the procedure is context):
    "what is facial reanimation" naming one procedure is a question about that procedure, while
    "static or dynamic?" naming two is still a question about the options.
    """
    procedure = kb.procedure(procedure_id) if procedure_id else None
    if procedure is not None and named_now == 1 and topic.with_procedure:
        topic = kb.topic(topic.with_procedure) or topic
    if procedure is not None and named_now and topic.without_procedure and procedure.detail_topic != topic.id:
        topic = kb.topic(procedure.detail_topic) or topic
    if procedure is None and topic.without_procedure:
        topic = kb.topic(topic.without_procedure) or topic
    if procedure is None or not topic.uses_procedure:
        return kb.answer(topic.id)
    answer = kb.answer(topic.id, procedure.id)
    if answer.general_only and not named_now:
        return kb.answer(topic.id)
    return answer


def other_options(kb: KnowledgeBase, topic: TopicView, instead_of: list[str], text: str) -> Answer | None:
    """The list one option belongs to, when the question asks for the alternatives to it. Not when
    another question of the message asks for a fact the list does not show: "is nerve repair common?
    If not, what's done instead?" is answered question by question (the fact ranking turns to the
    options after the repair for "if not"), while "how does Botox help, and is there surgery if it
    isn't enough?" has its answer in the synkinesis treatments' list."""
    if len(instead_of) == 1 and topic.id in ALTERNATIVE_TOPICS and asks_alternatives(text):
        listing = list_without(kb, instead_of[0])
        if listing is not None and _asks_beyond(kb, listing, text, instead_of[0]):
            return None
        return listing
    return None


def _asks_beyond(kb: KnowledgeBase, listing: Answer, text: str, procedure_id: str) -> bool:
    """Whether a question of ``text`` that is not the request for alternatives singles out a fact
    about the procedure itself that ``listing`` does not show."""
    shown = {f.id for f in listing.facts}
    index = FactRanker(kb).index
    for part in split_questions(text):
        if asks_alternatives(part):
            continue
        ranked = index.rank(part, {})
        best = ranked[0] if ranked else None
        if (best is not None and best.lexical >= SPECIFIC_MATCH and best.fact.id not in shown
                and procedure_id in best.fact.procedures):
            return True
    return False


def list_without(kb: KnowledgeBase, procedure_id: str) -> Answer | None:
    """"Apart from Botox, what else can be done?": the list the named option belongs to (the
    synkinesis treatments, the surgery options), so the others are shown; None when it is on none."""
    procedure = kb.procedure(procedure_id)
    topic = kb.topic(procedure.detail_topic) if procedure else None
    if topic is None:
        return None
    answer = resolve_answer(kb, topic, None, named_now=0)
    return answer if answer.options and any(o.id == procedure_id for o in answer.options) else None
