"""Answering "the second one" from the numbered list the assistant showed last.

A list shown to the patient is remembered (the ``listed_options`` slot); an ordinal or the name of
one option picks it. What is asked of the option ("does the second one carry a risk?") is answered
as a question about it; a bare pick describes the option with its own topic.
"""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import LISTED_OPTIONS_SLOT, ORDINAL_ENTITY, PROCEDURE_SLOT, TOPIC_SLOT
from actions.fact_answers import answer_in_context, answer_with_facts
from actions.formatting import answer_buttons, answer_text, procedure_button
from actions.named_procedures import mentioned_procedures
from actions.reply import ClinicAction, Reply
from actions.topic_answers import resolve_answer
from actions.turn import earlier_topic, entity_value, latest_text
from actions.which_one import asks_of_option, pick
from clinic.errors import UnknownContent
from clinic.queries import KnowledgeBase, ProcedureView
from clinic.question_parts import looks_like_question


def named_listed_option(tracker: Tracker) -> str | None:
    """The one option of the last numbered list that this message names ("physio sounds less
    scary, tell me about it" right after the synkinesis treatments), if there is exactly one."""
    listed = set(tracker.get_slot(LISTED_OPTIONS_SLOT) or [])
    named = [p for p in mentioned_procedures(tracker) if p in listed]
    return named[0] if len(named) == 1 else None


def answer_option(reply: Reply, kb: KnowledgeBase, procedure: ProcedureView) -> list[dict[str, Any]]:
    """Answer one option of a list with its own topic, and make it the conversation's procedure."""
    topic = kb.topic(procedure.detail_topic)
    if topic is None:  # validation makes every detail topic exist; a broken load is the knowledge layer's failure
        raise UnknownContent(f"procedure {procedure.id!r} has no topic {procedure.detail_topic!r}")
    answer = resolve_answer(kb, topic, procedure.id, named_now=1)
    reply.say(answer_text(answer, kb), answer_buttons(answer, kb))
    return [SlotSet(PROCEDURE_SLOT, procedure.id), SlotSet(TOPIC_SLOT, answer.topic.id)]


# An ordinal that counts the patient's own questions ("back to my first question", "the other thing I asked")
_COUNTS_QUESTIONS = re.compile(r"\b(?:first|second|third|1st|2nd|3rd|other|earlier|original|previous) "
                               r"(?:question|query|thing (?:i|we) asked)\b", re.IGNORECASE)


# A message long enough to ask something of its own, not "the second one please"
_OWN_QUESTION_WORDS = 7


def _asks_on_its_own(text: str) -> bool:
    return len(text.split()) >= _OWN_QUESTION_WORDS and looks_like_question(text)


class ActionChooseOption(ClinicAction):
    """Answers "the second one" from the list the assistant showed last."""

    action_name = "action_choose_option"
    default_list = "surgery_options"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        if _COUNTS_QUESTIONS.search(latest_text(tracker)):
            # "ok, back to my first question - does the 3 years change things?": the patient's questions are
            # counted, not a list's options; the topic before the last one is what they go back to
            topic = kb.topic(earlier_topic(tracker) or str(tracker.get_slot(TOPIC_SLOT) or ""))
            if topic is not None:
                return answer_with_facts(reply, tracker, kb, topic, latest_text(tracker))
        options = list(tracker.get_slot(LISTED_OPTIONS_SLOT) or [])
        if not options and not tracker.get_slot(TOPIC_SLOT) and _asks_on_its_own(latest_text(tracker)):
            # "can I get another op if the 1st one doesn't work?" opening a conversation: nothing was listed
            # that "the 1st one" could pick, so it is a question of its own
            return answer_with_facts(reply, tracker, kb, None, latest_text(tracker))
        ordinal = entity_value(tracker, ORDINAL_ENTITY)
        named = named_listed_option(tracker)
        if named is None and mentioned_procedures(tracker):
            # "and the cross face one? last one I promise": the name says which, not "last"; a procedure
            # off the list just shown is the question before, asked again of it
            in_context = answer_in_context(reply, tracker, kb)
            if in_context is not None:
                return in_context
        chosen = named or (pick(options, ordinal) if ordinal else None)
        if chosen is None and ordinal:  # "number 6" after the two kinds were counted: the list shown below them
            topic = kb.topic(str(tracker.get_slot(TOPIC_SLOT) or ""))
            chosen = pick([o.id for o in kb.answer(topic.id).options], ordinal) if topic is not None else None
        procedure = kb.procedure(chosen) if chosen else None
        if procedure is None:
            candidates: list[ProcedureView | None] = (
                [kb.procedure(o) for o in options] if options else list(kb.options(self.default_list)))
            shown = [p for p in candidates if p is not None]
            reply.say(kb.message("choose_out_of_range" if options and ordinal else "choose_without_list"),
                      [procedure_button(p, kb) for p in shown])
            return [SlotSet(LISTED_OPTIONS_SLOT, [p.id for p in shown])]
        if asks_of_option(latest_text(tracker)):  # "does the second one carry a special risk?": that is asked
            return answer_with_facts(reply, tracker, kb, None, latest_text(tracker), named=[procedure.id])
        return answer_option(reply, kb, procedure)
