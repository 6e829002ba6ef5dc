"""Answers at the level of facts: the fact(s) that answer this question, every question of the
message (up to three), both sides of a comparison, and a short overview with an offer to go deeper
when the question is broad. This module reads the conversation (named procedures, corrections, a
long story's question, the topic being discussed) and says the answer; ``actions/question_reading.py``
decides which sentence asks and which procedures it means, ``actions/fact_selection.py`` chooses the
facts.

The intent classifier says which topics are likely; the message's words and the patients' words for
each fact (``knowledge/fact_cues.yml``) say which fact of those topics, or of a neighbouring one,
answers it (``clinic/fact_ranking.py``). Texts and their page sources come from the knowledge base.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import LISTED_OPTIONS_SLOT, PROCEDURE_SLOT, TOPIC_SLOT
from actions.fact_ranker import CAVEAT_TOPICS, MAX_QUESTIONS, FactAnswer, FactRanker
from actions.fact_selection import rank_answer
from actions.formatting import BULLET, fact_line, topic_button
from actions.named_procedures import mentioned_procedures
from actions.question_reading import corrected_procedures, focus_on_question, procedures_meant
from actions.reply import Reply
from actions.situation import add_case_option, add_what_is_weighed, asked_again
from actions.turn import (
    earlier_topic,
    intent_confidences,
    latest_text,
    previous_text,
    question_part_confidences,
    slot_before_message,
)
from clinic.corrections import correction
from clinic.queries import KnowledgeBase, TopicView, fill
from clinic.question_parts import (
    is_follow_up,
    looks_like_question,
    opens_new_subject,
    returns_to_earlier,
    with_measure_asked,
)

MAX_SPECIFIC_REPLY = 900  # issue #11: a specific question's reply, everything in it
OFFER_ROOM = 70           # "Would you like the full answer on ...?"


def facts_text(kb: KnowledgeBase, answer: FactAnswer, framed: bool = False) -> str:
    """One fact as a line, several as bullets; a framed topic's facts among others with its frame
    right before them ("Only your surgeon can say..." before the candidacy line). The frames of the
    decision (``frame_always``) all say that only the surgeon can decide: once is enough (``framed``:
    the answer's own frame says it); a list's own intro ("For individuals with synkinesis...") stays."""
    if len(answer.facts) == 1:
        return fact_line(answer.facts[0].fact)
    lines = []
    for fact in answer.facts:
        frame = kb.topic(answer.frames.get(fact.fact.id, ""))
        if frame is not None and frame.intro and not (framed and frame.frame_always):
            lines.append(fill(frame.intro))
            framed = framed or frame.frame_always
        lines.extend([kb.message("case_option")] if fact.fact.id == answer.case_id else [])
        lines.append(f"{BULLET} {fact_line(fact.fact)}")
    return "\n".join(lines)


def say_fact_answer(reply: Reply, kb: KnowledgeBase, answer: FactAnswer, procedure_id: str | None,
                    lead_procedure: str | None = None) -> str | None:
    """The facts (one line, or bullets), then an offer of the topic's full answer when there is more.
    The whole turn, a note before it, frame, caveat and offer included, stays within MAX_SPECIFIC_REPLY characters:
    the last facts that are not part of a frame make room, and stay on offer. The procedure the answer is about:
    ``procedure_id``, else ``lead_procedure`` (the lead fact's) when that fact is still said; a fact that made room
    is no answer's subject ("it" in the next question is not a procedure the patient never read of)."""
    lead = answer.facts[0] if answer.facts else None
    offer_room = OFFER_ROOM if answer.topic is not None else 0
    # what the turn already says (a safety note before a story's answer) counts too
    room = MAX_SPECIFIC_REPLY - reply.reserved - reply.said_length() - len(reply.messages)  # a line break each
    text = answer_text(kb, answer)
    if len(text) + offer_room > room:  # a frame's caveat among other facts is the first to make room
        text = answer_text(kb, answer, frame_closing=False)
    droppable = [f for f in answer.facts if f.fact.id not in answer.framed_ids | {answer.case_id}]
    while len(text) + offer_room > room and len(answer.facts) > 1 and droppable:
        answer.facts.remove(droppable.pop())
        answer.more = True
        text = answer_text(kb, answer, frame_closing=False)
    reply.say(text, sources=answer.sources)
    procedure_id = procedure_id or (lead_procedure if lead in answer.facts else None)
    if answer.more and answer.topic is not None:
        offer = kb.message("offer_more", title=answer.topic.title.lower())
        reply.say(offer, [topic_button(answer.topic, procedure_id)])
    return procedure_id


def answer_text(kb: KnowledgeBase, answer: FactAnswer, frame_closing: bool = True) -> str:
    """The facts with what goes around them: the general-figure note, the topic's frame and caveat
    (``frame_closing``: also the caveat of a framed topic whose facts stand among others)."""
    # the lead fact's topic is the one asked about: its own frame and caveat go around the answer
    main = answer.main_topic if answer.topic is not None and answer.main_topic is not None and (
        answer.main_topic.id == answer.topic.id) else None
    text = facts_text(kb, answer, framed=main is not None and bool(main.intro) and main.frame_always)
    if answer.general_for:
        procedure = kb.procedure(answer.general_for)
        if procedure is not None:
            text = kb.message("general_only_note", procedure=procedure.name) + "\n\n" + text
    if main is not None:
        # The topics that frame their facts ("I can't tell whether you need surgery..."; "the page
        # does not describe pain") keep that frame; they and the risks and results keep the page's
        # caveat (talk it over with the surgeon) after them.
        framed = bool(main.intro)
        closing = kb.answer(main.id).closing if main.closing and (framed or main.id in CAVEAT_TOPICS) else ""
        closing = "" if closing and closing in text else closing  # the caveat was itself the fact asked for
        text = "\n\n".join(part for part in (fill(main.intro) if framed else "", text, closing) if part)
    if answer.frames and frame_closing:
        # a framed topic's facts among others' ("how should I weigh it up?" filed under another topic
        # gets who can have surgery and what is weighed): its caveat, talk it over with the surgeon, too
        closings = [kb.answer(t).closing for t in dict.fromkeys(answer.frames.values())
                    if (frame := kb.topic(t)) is not None and frame.intro and frame.closing]
        text = "\n\n".join([text, *(c for c in dict.fromkeys(closings) if c and c not in text)])
    return text


def about_named(kb: KnowledgeBase, topic: TopicView | None, confidence: dict[str, float],
                named: list[str]) -> tuple[TopicView | None, dict[str, float]]:
    """"What does static surgery mean?": the belief in "what is ..." is a belief in what the named
    procedure is, so its description, not the definition of facial reanimation, leads."""
    target = kb.topic(topic.with_procedure) if topic is not None and named and topic.with_procedure else None
    if topic is None or target is None:
        return topic, confidence
    moved = max(confidence.get(target.intent, 0.0), confidence.get(topic.intent, 0.0))
    return target, {**confidence, target.intent: moved, topic.intent: 0.0}


def priors_for_option(confidence: dict[str, float], context: list[str], context_topic: str | None,
                      option: tuple[str, tuple[str, ...]] | None) -> tuple[dict[str, float], list[str], str | None]:
    """The classifier's confidences, the procedures and topic discussed, as priors for a question
    about one listed option (see ``answer_with_facts``): without the overview's intent, and without
    a procedure discussed before that the option's description is not about (nor its topic)."""
    if option is None:
        return confidence, context, context_topic
    intent, procedures = option
    kept = [p for p in context if p in procedures]
    return {**confidence, intent: 0.0}, kept, context_topic if kept else None


def answer_with_facts(reply: Reply, tracker: Tracker, kb: KnowledgeBase, topic: TopicView | None, text: str,
                      named: list[str] | None = None,
                      option: tuple[str, tuple[str, ...]] | None = None) -> list[dict[str, Any]]:
    """Rank, say and remember: the conversation keeps the topic and procedure for follow-ups.

    ``option``: a question about one listed option filed under the list's overview (``asks_one_option``):
    the overview's intent and the procedures of the option's description (see ``priors_for_option``)."""
    ranker = FactRanker(kb)
    named = mentioned_procedures(tracker) if named is None else named
    # the procedure discussed before this message: the slot itself is already filled from a name in
    # the message, which may be the story's ("I've had Botox for years... is there a surgery for this?")
    context = [p for p in [slot_before_message(tracker, PROCEDURE_SLOT)] if p]
    confidence, context, context_topic = priors_for_option(
        intent_confidences(tracker), context, tracker.get_slot(TOPIC_SLOT), option)
    # "Other question: how long can't he work?": not about the procedure before, which the conversation keeps
    kept = context if opens_new_subject(text) else []
    if kept:
        context, context_topic = [], None
    excluded = None
    topic, confidence = about_named(kb, topic, confidence, named)
    if returns_to_earlier(text):  # "going back to the static one": the topic before the last one
        context_topic = earlier_topic(tracker) or context_topic
    named, positions = procedures_meant(ranker, tracker, text, named, context)
    fix = correction(text)
    if fix is not None:
        # "I meant the nerve transfer, not the muscle one": answer what was meant. Naming another
        # procedure keeps the topic being discussed; otherwise that topic is what was not meant.
        # The classifier read the whole message, the not-meant part included: its reading is dropped.
        named, rejected = corrected_procedures(ranker, tracker, fix, context)
        context = [] if named else [p for p in context if p not in rejected]
        if named:
            topic = kb.topic(context_topic or "") or topic
        else:
            excluded, context_topic = context_topic, None
        shift = text.find(fix.meant) if fix.meant else 0
        positions = {p: [(a - shift, b - shift) for a, b in spans] for p, spans in positions.items()}
        meant = fix.meant if named else with_measure_asked(fix.meant, previous_text(tracker))
        text, confidence = meant or text, {}
    if fix is None:
        # a long story: its question sentence says which fact is asked for; "and for the muscle
        # one?" after the risks of a transfer: the same question again
        text, named, positions = focus_on_question(ranker, tracker, text, named, positions)
        asked = asked_again(kb, ranker, text, positions, context_topic, named, context)
        topic, confidence, text = asked or (topic, confidence, text)
    ranker.part_intents = question_part_confidences(tracker)
    answer = rank_answer(ranker, text, topic, confidence, named, context, context_topic, positions, excluded)
    # what is weighed first: "a long piece of the nerve was damaged, does that change things?" gets the
    # surgeon's considerations, and then the option the page ties to such a case (the graft)
    add_what_is_weighed(ranker, answer, latest_text(tracker))
    add_case_option(kb, tracker, answer)
    if not answer.facts:
        reply.say(kb.message("not_understood"))
        return []
    lead = answer.facts[0]
    procedure = named[-1] if named else (context[0] if context else None)
    # "can the eyelid be fixed?" answered by one procedure's fact: "it" in the next question is that procedure
    lead_procedure = lead.fact.procedure_ids[0] if len(lead.fact.procedure_ids) == 1 else None
    procedure = say_fact_answer(reply, kb, answer, procedure, lead_procedure) or (kept[0] if kept else None)
    lead = lead if lead in answer.facts else answer.facts[0]  # the first fact said
    # the topic asked about stays the conversation's topic when one of its facts was said, even after a
    # procedure's description ("the nerve transfer, how long until I see a result?")
    main_topic = (topic.id if topic is not None and any(topic.id in f.topic_ids for f in answer.facts)
                  else (lead.topic_ids[0] if lead.topic_ids else None))
    events: list[dict[str, Any]] = []
    if main_topic and tracker.get_slot(TOPIC_SLOT) != main_topic:
        events.append(SlotSet(TOPIC_SLOT, main_topic))
    if procedure != tracker.get_slot(PROCEDURE_SLOT):
        events.append(SlotSet(PROCEDURE_SLOT, procedure))
    # both sides of a comparison: "which of those two..." can follow; or the options the patient named
    # while asking about one ("...Botox and a neurectomy. What does Botox do?"), so "the second one" is theirs
    listed = answer.procedures if len(answer.procedures) >= 2 else mentioned_procedures(tracker)
    if len(listed) >= 2:
        # counted in the order the patient brought them up: "how is that different from the transfer?"
        # after a graft makes the transfer "the second one", whichever the reply said first
        before = slot_before_message(tracker, PROCEDURE_SLOT)
        listed = sorted(listed, key=lambda option: option != before)
        events.append(SlotSet(LISTED_OPTIONS_SLOT, listed[:MAX_QUESTIONS]))
    return events


def answer_in_context(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]] | None:
    """A message that would be declined, small-talked or asked about, answered from the conversation
    instead when it corrects the last answer or plainly follows up on it ("what can be done for it?",
    "and the other one?"). None when it is neither: the calling action answers as usual."""
    context_topic = tracker.get_slot(TOPIC_SLOT)
    text = latest_text(tracker)
    if not context_topic or not text.strip() or text.startswith("/"):
        return None
    if correction(text) is None and not (is_follow_up(text) and looks_like_question(text)):
        return None
    return answer_with_facts(reply, tracker, kb, kb.topic(context_topic), text)
