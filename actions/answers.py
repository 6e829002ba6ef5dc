"""Answering FAQ questions from the knowledge base, with follow-up context.

One action serves every FAQ intent: the intent names a topic, the message or the ``procedure``
slot names what it is about, and the knowledge base has the facts. Context rules:
- a procedure named in the message wins; otherwise the previous one is kept for topics that
  depend on it ("what are the risks of that?"), but only where the page says something specific;
- a topic that does not depend on a procedure clears it (a new subject starts afresh);
- a numbered list shown to the patient is remembered, so "the second one" can be answered
  (``actions.choose_option``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import LISTED_OPTIONS_SLOT, NON_TOPIC_INTENTS, PROCEDURE_SLOT, TOPIC_SLOT
from actions.fact_answers import answer_with_facts
from actions.fact_checks import asks_one_option, is_overview
from actions.fact_ranker import FactRanker
from actions.formatting import (
    answer_buttons,
    answer_text,
    offer_topics,
    overview_led_by,
    overview_sources,
    topic_button,
)
from actions.kinds import kind_lead, of_approach_discussed, static_case
from actions.named_procedures import asked_procedures, mentioned_procedures
from actions.reply import ClinicAction, Reply
from actions.situation import (
    MAX_FOLLOW_UP_WORDS,
    asks_if_case_weighs,
    case_and_question,
    leans_on_discussed,
    with_situation,
)
from actions.topic_answers import other_options, resolve_answer
from actions.turn import (
    intent_confidences,
    latest_intent,
    latest_text,
    previous_intent,
    question_text,
    slot_before_message,
)
from actions.which_one import (
    answer_which_of,
    compared_options,
    kinds_shown,
    listed_option_meant,
)
from clinic.asked_choices import asks_alternatives
from clinic.queries import Answer, CatalogueFact, KnowledgeBase, TopicView
from clinic.question_parts import points_back, story_before_question
from clinic.search import is_vague

CLAUSE_BREAK = re.compile(r"\?|;|\band\b|\balso\b|\bplus\b", re.IGNORECASE)
MAX_EXTRA_TOPICS = 1
MAX_REPLY = 900  # characters of a specific question's answer; a second topic beyond it is offered as a button


def context_events(answer: Answer, tracker: Tracker, named: str | None = None) -> list[dict[str, Any]]:
    """Slot changes after an answer: keep or clear the procedure, remember a shown list; ``named``, the one procedure
    the message named, stays the conversation's when the answer is a list it is on ("they move a thigh muscle into
    the face, is that done?" gets the techniques: "what could go wrong with it?" asks about that one)."""
    events = []
    keep = answer.procedure.id if answer.procedure and answer.topic.uses_procedure else None
    if keep is None and named is not None and any(o.id == named for o in answer.options):
        keep = named
    if tracker.get_slot(PROCEDURE_SLOT) != keep:
        events.append(SlotSet(PROCEDURE_SLOT, keep))
    if answer.options and answer.procedure is None:
        events.append(SlotSet(LISTED_OPTIONS_SLOT, kinds_shown(answer, latest_text(tracker))
                              or [o.id for o in answer.options]))
    if tracker.get_slot(TOPIC_SLOT) != answer.topic.id:
        events.append(SlotSet(TOPIC_SLOT, answer.topic.id))
    return events


def is_underspecified(text: str, topic: TopicView, has_context: bool) -> bool:
    """Only vague words ("how long?", "is it bad?"), with nothing earlier to go on.

    The classifier has to pick one intent for such a message and often does so confidently; the
    clinic would rather ask between the topics it could mean (``confusable_with`` in the data).
    After an answer ("so should I do it?" following the risks) the vague words refer to what was
    just discussed, and the classifier's reading of them is taken.
    """
    return (bool(topic.confusable_with) and not has_context and is_vague(text)
            and not topic.mentioned_in(text))


def other_topics_asked(kb: KnowledgeBase, text: str, confidence: dict[str, float],
                       answered: set[str]) -> list[TopicView]:
    """Further topics a several-question message names, the classifier's likelier ones first:
    "who can have facial reanimation and what tests..." names both the general topic and the tests,
    and the classifier's runner-up (diagnosis) says which one the second question is. A keyword the
    patient rules out is no question: "the nerve won't recover" asks nothing about recovery time."""
    mentioned = [t for t in kb.topics_mentioned(text) if t.id not in answered and FactRanker.names_topic(t, text)]
    return sorted(mentioned, key=lambda t: -confidence.get(t.intent, 0.0))[:MAX_EXTRA_TOPICS]


def has_several_questions(text: str) -> bool:
    return len([part for part in CLAUSE_BREAK.split(text) if len(part.split()) >= 2]) >= 2


class ActionAnswerQuestion(ClinicAction):
    """Answers the topic of the predicted intent, plus a second question in the same message."""

    action_name = "action_answer_question"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        which = answer_which_of(reply, tracker, kb)  # "which of those two is the rarer one?"
        if which is not None:
            return which
        topic = kb.topic_for_intent(latest_intent(tracker))
        if topic is None:
            reply.say(kb.message("not_understood"))
            return []
        return answer_topic(reply, tracker, kb, topic)


def answer_topic(reply: Reply, tracker: Tracker, kb: KnowledgeBase, topic: TopicView,
                 belief: float | None = None) -> list[dict[str, Any]]:
    """A question about ``topic``: its overview for a broad question, the facts asked for otherwise,
    with the conversation's procedure, the list just shown and a second topic taken into account.
    ``belief`` in the topic, weighed against words pointing at one fact outside its overview: the
    classifier's, unless the caller knows better (ActionDidYouMean: the words name the topic)."""
    if (discussed := leans_on_discussed(tracker, kb, latest_text(tracker))) is not None:  # "why are they needed?"
        return answer_with_facts(reply, tracker, kb, discussed, latest_text(tracker))
    # a long story's tried treatments are not asked about; "how does the 2nd one work?" asks
    # about the option of the list just shown, as if it were named
    asked = asked_procedures(tracker)
    listed = [] if asked else listed_option_meant(tracker)
    named_all = asked or listed
    named = named_all[0] if named_all else None
    mentioned = mentioned_procedures(tracker)
    story_named = len(named_all) < len(mentioned)
    procedure_id = named or (slot_before_message(tracker, PROCEDURE_SLOT) if story_named
                             else tracker.get_slot(PROCEDURE_SLOT))
    text = question_text(tracker)
    has_context = bool(tracker.get_slot(PROCEDURE_SLOT)) or previous_intent(tracker) not in NON_TOPIC_INTENTS
    if named is None and is_underspecified(text, topic, has_context):
        candidates = [topic, *(kb.topic(t) for t in topic.confusable_with)]
        offer_topics(reply, kb, [t for t in candidates if t is not None], None)
        return []
    if (static := answer_static_case(reply, tracker, kb, named_all)) is not None:
        return static
    # "apart from Botox, what else?", or "what are my other options?" after Botox was discussed
    # (a story's one option counts when its question asks for the others: "I've had Botox for years... anything more
    # permanent?"; not "...the only thing keeping my face normal. Will it damage my good side?")
    question = text[len(story_before_question(text)):]
    story_option = mentioned if len(mentioned) == 1 and asks_alternatives(question) else []
    instead_of = named_all or [p for p in [procedure_id] if p] or story_option
    alternatives = other_options(kb, topic, instead_of, text)
    if alternatives is not None:
        reply.say(answer_text(alternatives, kb), answer_buttons(alternatives, kb),
                  sources=overview_sources(kb, alternatives))
        return context_events(alternatives, tracker)
    answer = resolve_answer(kb, topic, procedure_id, named_now=len(named_all))
    # The classifier's belief in the overview actually shown: "how does <a procedure> work" with
    # no procedure recognised is a belief in one procedure (described in lay words), not in the
    # list of all of them, so the words then decide more easily which procedure's facts to give.
    case, checked = case_and_question(tracker, kb, answer, text, named_all)
    # "so what's the difference between the two?" compares the options just discussed, not the list
    compared = [] if named_all else compared_options(tracker, text)
    one_option = None if named_all else asks_one_option(kb, answer, checked)
    if belief is None:
        belief = intent_confidences(tracker).get(answer.topic.intent, 0.0)
    # "would the cause matter?" is answered with what is weighed, never with a topic's overview alone
    pointed_back = about_discussed(text, procedure_id, answer) or of_approach_discussed(text, procedure_id, answer)
    if compared or one_option or pointed_back or asks_if_case_weighs(text) or not (
            is_overview(kb, answer, checked, named_all, belief)):
        return answer_with_facts(reply, tracker, kb, topic, text, named=listed or compared or None,
                                 option=(answer.topic.intent, one_option.fact.procedures) if one_option else None)
    say_overview(reply, kb, answer, case or kind_lead(kb, answer, text))  # "which operations bring back movement?"
    if len(named_all) == 1 and not answer.topic.uses_procedure:
        describe_named_procedure(reply, kb, named_all[0], answered=answer.topic.id)
    if has_several_questions(text):
        answered = {topic.id, answer.topic.id}
        for other in other_topics_asked(kb, text, intent_confidences(tracker), answered):
            say_other_topic(reply, kb, other, resolve_answer(kb, other, procedure_id, len(named_all)))
    story = named_all or mentioned  # "they move a thigh muscle into the face, is that done?"
    return context_events(answer, tracker, story[0] if len(story) == 1 else None)


def about_discussed(text: str, procedure_id: str | None, answer: Answer) -> bool:
    """"Can it cause synkinesis?" after a nerve transfer asks about the procedure discussed, not for
    the overview of a list it is not on (the synkinesis treatments): "it" is the procedure when the
    question names the topic itself. "If that happens, how would it be treated?" names no topic:
    "that" is what was just said, and the overview answers. A longer message that points back
    ("I explained that wrong, my eye closes when I smile, what helps with that?") tells more than a
    question about the procedure."""
    return (bool(procedure_id) and len(text.split()) <= MAX_FOLLOW_UP_WORDS and points_back(text)
            and answer.topic.mentioned_in(text) and all(o.id != procedure_id for o in answer.options))


def answer_static_case(reply: Reply, tracker: Tracker, kb: KnowledgeBase,
                       named: list[str]) -> list[dict[str, Any]] | None:
    """"I'm not bothered about movement, I just want it to look even. What can be done?": the page's
    description of the static kind (what it aims at, what it is done with). A question naming a topic of
    its own ("...how long is the recovery?") gets that topic's facts, for the static kind. None when the
    message (or a short follow-up with the case before it) is no such case, or names a procedure."""
    text = latest_text(tracker)
    static = None if named else static_case(kb, with_situation(tracker, text), text)
    if static is None:
        return None
    question = text[len(story_before_question(text)):]
    own_topic = any(FactRanker.names_topic(t, question) for t in kb.topics()
                    if t.id != static.detail_topic and not t.lists)
    description = None if own_topic else procedure_description(kb, static.id)
    if description is None:
        return answer_with_facts(reply, tracker, kb, kb.topic(static.detail_topic), text, named=[static.id])
    reply.say(answer_text(description, kb), answer_buttons(description, kb))
    return context_events(description, tracker)


def say_overview(reply: Reply, kb: KnowledgeBase, answer: Answer,
                 case: tuple[CatalogueFact, dict[str, float]] | None) -> str:
    """Say a topic's overview; after the patient's own case, led by the page's fact on the one listed
    option that case points at (``option_for_case``). What was said. The lead never makes the turn
    longer than MAX_REPLY characters (counting what the turn already says, a safety note, and the
    room kept for a check-in line), nor longer than the overview alone when that is already over."""
    plain = answer_text(answer, kb)
    if case is None:
        reply.say(plain, answer_buttons(answer, kb), sources=overview_sources(kb, answer))
        return plain
    lead, relevance = case
    room = MAX_REPLY - reply.reserved - reply.said_length()
    said = overview_led_by(answer, kb, lead.fact, max(room, len(plain)), relevance)
    reply.say(said, answer_buttons(answer, kb), sources=list(lead.sources))
    return said


def say_other_topic(reply: Reply, kb: KnowledgeBase, other: TopicView, other_answer: Answer) -> None:
    """A second topic the message asked about: answered, or offered as a button when the reply would
    grow past MAX_REPLY characters (what the turn already says, its lead-in and the room kept for a
    check-in line counted)."""
    other_text = answer_text(other_answer, kb)
    lead_in = kb.message("also_asked", title=other.title.lower())
    if reply.said_length() + reply.reserved + len(lead_in) + len(other_text) > MAX_REPLY:
        procedure_id = other_answer.procedure.id if other_answer.procedure else None
        reply.say(lead_in, [topic_button(other, procedure_id)])
        return
    reply.say(lead_in)
    reply.say(other_text, answer_buttons(other_answer, kb))


def procedure_description(kb: KnowledgeBase, procedure_id: str) -> Answer | None:
    """The page's own facts about a procedure on its detail topic, or None when it has none."""
    procedure = kb.procedure(procedure_id)
    topic = kb.topic(procedure.detail_topic) if procedure else None
    if procedure is None or topic is None:
        return None
    answer = resolve_answer(kb, topic, procedure.id, named_now=1)
    return answer if answer.procedure is not None and not answer.general_only else None


def describe_named_procedure(reply: Reply, kb: KnowledgeBase, procedure_id: str, answered: str) -> None:
    """The patient named a procedure the topic's answer does not depend on ("why would I need a
    brow lift?" is answered by the personal-advice topic): add what the page says about it too."""
    description = procedure_description(kb, procedure_id)
    if description is None or description.topic.id == answered or description.procedure is None:
        return
    reply.say(kb.message("about_named_procedure", procedure=description.procedure.name))
    reply.say(answer_text(replace(description, closing=""), kb), answer_buttons(description, kb))
