"""Turning knowledge-base answers into plain text and buttons that read well on every channel.

Plain text with bullets and numbers survives the web widget, Telegram and SMS alike; buttons are
an extra where the channel shows them, never the only way to go on (the numbers can be typed).
"""

from __future__ import annotations

import json
from dataclasses import replace

from actions.reply import Button, Reply
from clinic.queries import Answer, FactView, KnowledgeBase, ProcedureView, TopicView, fill

BULLET = "•"


def fact_line(fact: FactView) -> str:
    if not fact.label:
        return fact.text
    separator = " " if fact.label.endswith(("?", ":")) else ": "
    return f"{fact.label}{separator}{fact.text}"


def intent_payload(intent: str, entities: dict[str, str] | None = None) -> str:
    """A button payload that triggers ``intent`` directly, with entities as JSON."""
    return f"/{intent}{json.dumps(entities, separators=(',', ':'))}" if entities else f"/{intent}"


def procedure_button(procedure: ProcedureView, kb: KnowledgeBase) -> Button:
    topic = kb.topic(procedure.detail_topic)
    entity = "treatment" if procedure.category == "synkinesis_treatment" else "procedure"
    if procedure.category == "test":
        entity = "test"
    intent = topic.intent if topic else "ask_procedure_info"
    return Button(procedure.name, intent_payload(intent, {entity: procedure.id}))


def topic_button(topic: TopicView, procedure_id: str | None = None) -> Button:
    entities = {"procedure": procedure_id} if procedure_id and topic.uses_procedure else None
    return Button(topic.title, intent_payload(topic.intent, entities))


def answer_text(answer: Answer, kb: KnowledgeBase) -> str:
    """Intro, facts (one line, or bullets), numbered options, the page's caveat."""
    parts: list[str] = []
    if answer.topic.intro:
        parts.append(fill(answer.topic.intro))
    if answer.general_only and answer.procedure is not None:
        parts.append(kb.message("general_only_note", procedure=answer.procedure.name))
    lines = [fact_line(f) for f in answer.facts]
    if len(lines) == 1:
        parts.append(lines[0])
    elif lines:
        parts.append("\n".join(f"{BULLET} {line}" for line in lines))
    if answer.options and answer.procedure is None:
        numbered = "\n".join(f"{n}. {option.name}" for n, option in enumerate(answer.options, start=1))
        parts.append(f"{fill(answer.topic.list_intro)}\n{numbered}" if answer.topic.list_intro else numbered)
    if answer.closing:
        parts.append(answer.closing)
    return "\n\n".join(parts)


def overview_led_by(answer: Answer, kb: KnowledgeBase, lead: FactView, limit: int,
                    relevance: dict[str, float]) -> str:
    """An overview with one fact of its subject before it (the option a patient's case points at),
    within ``limit`` characters: the overview's facts least related to the message (``relevance``,
    0..1 by fact id; the earlier first among equals) make room, its list and caveat stay."""
    facts = list(answer.facts)
    text = f"{fact_line(lead)}\n\n{answer_text(answer, kb)}"
    while len(text) > limit and facts:
        facts.remove(min(facts, key=lambda f: relevance.get(f.id, 0.0)))
        text = f"{fact_line(lead)}\n\n{answer_text(replace(answer, facts=tuple(facts)), kb)}"
    return text


def overview_sources(kb: KnowledgeBase, answer: Answer) -> list[str]:
    """The page sentences an overview rests on: sent along like a fact answer's (the widget shows them,
    and the turn counts as answered, so no "I'm having trouble understanding" follows it)."""
    shown = {fact.id for fact in answer.facts}
    return list(dict.fromkeys(s for entry in kb.fact_catalogue() if entry.fact.id in shown for s in entry.sources))


def answer_buttons(answer: Answer, kb: KnowledgeBase) -> list[Button]:
    if answer.options and answer.procedure is None:
        return [procedure_button(option, kb) for option in answer.options]
    return []


def offer_topics(reply: Reply, kb: KnowledgeBase, topics: list[TopicView], procedure: str | None,
                 lead: str = "did_you_mean") -> None:
    """Ask which topic is meant: one button per topic with its readable title, plus "something else".
    ``lead`` is the message key of the question above the buttons."""
    buttons = [topic_button(t, procedure) for t in topics]
    buttons.append(Button(kb.message("did_you_mean_other"), intent_payload("something_else")))
    reply.say(kb.message(lead), buttons)
