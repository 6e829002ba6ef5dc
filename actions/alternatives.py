"""Which list a request for the other options points at: "apart from the injections, what else?" names the one set
aside; "and if that doesn't do the job, is there something more permanent?" after Botox sets aside the one just
discussed. Either way the answer is the list that option is on (its detail topic), whatever the classifier made of
the message."""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.constants import PROCEDURE_SLOT, TOPIC_SLOT
from actions.named_procedures import procedure_positions
from actions.topic_answers import ALTERNATIVE_TOPICS
from actions.turn import slot_before_message
from clinic.asked_choices import asks_alternatives
from clinic.queries import KnowledgeBase, TopicView
from clinic.question_parts import asks_after_condition, looks_like_question
from clinic.question_split import split_questions

# What sets a named option aside, right before its name: "apart from the injections", "other than Botox".
_SET_ASIDE = re.compile(r"\b(?:apart from|aside from|besides|other than|except(?: for)?|instead of|alternatives? to)"
                        r"(?:\s+(?:the|my|his|her|their|all|these|those|this|that))?\s*$", re.IGNORECASE)


def list_of_alternatives(tracker: Tracker, kb: KnowledgeBase, text: str) -> TopicView | None:
    """The topic listing the one procedure a message names, when it sets that one aside by name ("apart from
    the injections, what else?"): the classifier, unsure between a story and a question, needs no topic to
    tell what is asked. Only the name set aside counts, not "what else?" beside a name said elsewhere."""
    positions = procedure_positions(tracker)
    if len(positions) != 1:
        return None
    (procedure_id, spans), = positions.items()
    if not any(_SET_ASIDE.search(text[:start]) for start, _ in spans):
        return None
    procedure = kb.procedure(procedure_id)
    return kb.topic(procedure.detail_topic) if procedure is not None else None


def list_of_discussed(tracker: Tracker, kb: KnowledgeBase, text: str) -> TopicView | None:
    """"And if that doesn't do the job, is there something more permanent?" after Botox: the list the option
    just discussed is on, when a message naming none asks for the alternatives to it."""
    procedure = kb.procedure(str(slot_before_message(tracker, PROCEDURE_SLOT) or ""))
    if (procedure is None or procedure_positions(tracker) or tracker.get_slot(TOPIC_SLOT) not in ALTERNATIVE_TOPICS
            or not (looks_like_question(text) or asks_after_condition(text))
            or not all(map(asks_alternatives, split_questions(text)))):
        return None  # (each question of it asks for them: not "why so slow? and if it fails, what else?")
    return kb.topic(procedure.detail_topic)
