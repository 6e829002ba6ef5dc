"""What can be hoped for from one procedure (session 19): "what result can I expect from eyelid surgery?"

The page has no results of its own for most procedures, so the answer was the results of facial
reanimation surgery in general, under a note saying so, while the page does say what the procedure
itself does ("Eyelid reanimation surgery can improve blinking and eyelid closure"). That line now
leads, without the note; the general results follow. A figure the page gives only in general (how
long the operation takes) keeps its note.
"""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from tests.unit.test_actions import run, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def _reply(text: str, intent: str, name: str, value: str) -> str:
    at = text.index(name)
    entities = [{"entity": "procedure", "value": value, "start": at, "end": at + len(name)}]
    message = tracker(intent, text, entities=entities, ranking=[{"name": intent, "confidence": 0.9}])
    return texts(run(ActionAnswerQuestion(), message)[0])


def test_the_result_of_one_procedure_is_what_the_page_says_it_does() -> None:
    reply = _reply("What result can I expect from eyelid surgery?", "ask_results", "eyelid surgery",
                   "eyelid_reanimation")
    assert reply.index("improve blinking and eyelid closure") < reply.index("Most people experience improvement"), reply
    assert "in general, not for" not in reply, reply


def test_a_general_figure_keeps_its_note() -> None:
    reply = _reply("How long does eyelid surgery take?", "ask_surgery_duration", "eyelid surgery", "eyelid_reanimation")
    assert "in general, not for" in reply and "1-5 hours" in reply, reply


def test_who_one_procedure_suits_leads_with_what_it_does() -> None:
    """Session 24: "who is the nerve transfer for?" was answered by the general candidacy line ("Yes, if
    you have facial palsy") and the considerations alone; what the page says the procedure does now
    comes first, and the frame ("only your surgeon can say") and the considerations still follow."""
    reply = _reply("Who is a nerve transfer suitable for?", "ask_candidacy", "nerve transfer", "nerve_transfer")
    assert reply.index("healthy donor nerve") < reply.index("Surgery considerations hinge on"), reply
    assert "Only your surgeon can say" in reply, reply
