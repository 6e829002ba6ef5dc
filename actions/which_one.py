""""Which of those two is the rarer one?": a choice between the procedures just compared or listed.

The conversation remembers the options it showed or compared (the ``listed_options`` slot). A
question asking which of them has some property is answered by the fact, among those options'
facts, that the question's words match best: the option it is about, and that fact.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import LISTED_OPTIONS_SLOT, PROCEDURE_SLOT
from actions.fact_answers import FactRanker
from actions.formatting import fact_line
from actions.reply import Reply
from actions.turn import latest_text, mentioned_procedures
from clinic.queries import KnowledgeBase
from clinic.question_parts import asks_which_of

MIN_LEXICAL = 0.2  # the question's words must point at something in one option's facts


def answer_which_of(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]] | None:
    """The option (of the last two or three shown) that the question singles out, with the fact
    that says so; None when the message is not such a question or its words single out none."""
    text = latest_text(tracker)
    listed = [str(o) for o in tracker.get_slot(LISTED_OPTIONS_SLOT) or []]
    if not 2 <= len(listed) <= 3 or not asks_which_of(text) or mentioned_procedures(tracker):
        return None
    ranker = FactRanker(kb)
    for scored in ranker.index.rank(text, {}):
        about = [p for p in scored.fact.procedures if p in listed]
        if len(about) != 1:
            continue  # a fact about none of them, or about both, tells them apart not
        procedure = kb.procedure(about[0])
        if scored.lexical < MIN_LEXICAL or procedure is None:
            return None
        fact = ranker.catalogue[scored.fact.id]
        reply.say(kb.message("which_of_listed", procedure=procedure.name) + "\n" + fact_line(fact.fact),
                  sources=list(fact.sources))
        return [SlotSet(PROCEDURE_SLOT, procedure.id)]
    return None
