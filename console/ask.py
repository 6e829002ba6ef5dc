""""Ask the assistant": what the bot would answer to a caller's question, with the page sentences
the answer rests on and the classifier's confidence, without creating a patient conversation.

Understanding comes from Rasa's ``/model/parse`` (no tracker), the reply from the action server run
on a throw-away tracker. Urgent readings are shown from the content directly: the red-flag action
would log a red-flag event, and a preview is not a patient.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from clinic.models import Fact
from clinic.queries import KnowledgeBase
from console.conversations import red_flag_kind
from console.rasa_api import RasaClient

MAX_QUESTION = 500
ACTION_FOR_INTENT = {
    "nlu_fallback": "action_did_you_mean", "out_of_scope": "action_out_of_scope",
    "ask_capabilities": "action_show_menu", "choose_option": "action_choose_option",
    **{name: "action_small_talk" for name in ("greet", "goodbye", "thank", "bot_challenge", "affirm", "deny")},
}
FORM_INTENTS = frozenset({"request_callback", "cancel_callback"})


@dataclass
class Preview:
    question: str
    intent: str
    confidence: float
    red_flag: str = ""
    action: str = ""
    replies: list[str] = field(default_factory=list)
    buttons: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    ranking: list[tuple[str, float]] = field(default_factory=list)


def _source_sentences(source: str) -> list[str]:
    """A fact's ``source`` is stored as a JSON list of page sentences (or, in old rows, one text)."""
    try:
        value = json.loads(source)
    except ValueError:
        return [source]
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def page_sources(engine: Engine, replies: list[str]) -> list[str]:
    """The page sentences of every fact whose wording appears in the reply."""
    joined = "\n".join(replies)
    sources: list[str] = []
    with Session(engine, future=True) as session:
        for fact in session.scalars(select(Fact).order_by(Fact.position)):
            if fact.text and fact.text.strip() in joined:
                for sentence in _source_sentences(fact.source):
                    if sentence not in sources:
                        sources.append(sentence)
    return sources


def ask(client: RasaClient, engine: Engine, question: str) -> Preview:
    parse = client.parse(question)
    intent = parse.get("intent") or {}
    preview = Preview(question, str(intent.get("name") or ""), float(intent.get("confidence") or 0.0),
                      red_flag=red_flag_kind(parse),
                      ranking=[(str(r.get("name")), float(r.get("confidence") or 0))
                               for r in (parse.get("intent_ranking") or [])[:5]])
    kb = KnowledgeBase(engine)
    if preview.intent == "report_urgent_symptom":
        preview.action = "action_red_flag"
        try:
            preview.replies = [kb.message(f"red_flag.{preview.red_flag or 'unspecified'}")]
        except KeyError:
            preview.replies = [kb.message("red_flag.unspecified")]
        return preview
    if preview.intent in FORM_INTENTS:
        preview.action = "callback_form"
        preview.replies = [kb.message("callback.start"), kb.message("callback.ask_name")]
        return preview
    # The "possibly urgent" note would log a red-flag event: previewed without it.
    parse = {**parse, "entities": [e for e in parse.get("entities") or [] if e.get("entity") != "red_flag_kind"]}
    preview.action = ACTION_FOR_INTENT.get(preview.intent, "action_answer_question")
    for response in client.preview(parse, preview.action):
        if response.get("text"):
            preview.replies.append(str(response["text"]))
        preview.buttons += [str(b.get("title") or "") for b in response.get("buttons") or []]
    preview.sources = page_sources(engine, preview.replies)
    return preview
