"""Answers at the level of facts: the fact(s) that answer this question, every question of the
message (up to three), both sides of a comparison, and a short overview with an offer to go deeper
when the question is broad.

The intent classifier says which topics are likely; the message's words and the patients' words for
each fact (``knowledge/fact_cues.yml``) say which fact of those topics, or of a neighbouring one,
answers it (``clinic/fact_ranking.py``). Texts and their page sources come from the knowledge base.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet

from actions.constants import LISTED_OPTIONS_SLOT, PROCEDURE_SLOT, TOPIC_SLOT
from actions.formatting import BULLET, fact_line, topic_button
from actions.memory import named_in_passing, prefer_specific
from actions.reply import Reply
from actions.turn import (
    earlier_topic,
    intent_confidences,
    latest_text,
    mentioned_procedures,
    procedure_positions,
    procedures_outside,
)
from clinic.fact_ranking import SUBJECT_WORDS, FactEntry, FactIndex, Scored, load_cues
from clinic.queries import CatalogueFact, KnowledgeBase, TopicView, fill
from clinic.question_parts import (
    comparison_sides,
    correction,
    is_comparison,
    is_follow_up,
    looks_like_question,
    question_focus,
    returns_to_earlier,
    split_questions,
)

MAX_FACTS = 4
MAX_QUESTIONS = 3       # questions of one message answered, sides of one comparison
MAX_FACTS_PER_QUESTION = 2
SPECIFIC_MATCH = 0.7    # a fact matching the words this well (0..1) is what a question asks about
AGREEING_MATCH = 0.4    # enough when the classifier's likeliest topic holds that fact
MIN_PART_LEXICAL = 2.5  # about one distinctive word: less, and a part of a message asks nothing
CLOSE_TO_BEST = 0.8        # a second fact is shown when it scores this close to the best one
OWN_FACT = 0.6             # a question whose best fact was already given gets its next one this close
BUDGET = 900               # characters of facts for a specific question
COMPLETE_BUDGET = 700      # a lead fact is completed with the rest of its topic up to here
FRAME_CONFIDENCE = 0.25    # a framed topic this likely keeps its frame whichever fact leads
CAVEAT_TOPICS = frozenset({"risks", "results"})  # answers followed by the page's "discuss with the surgeon"
HUB_TOPICS = frozenset({"procedure_info"})  # every procedure's description: never "the rest of the topic"
KEYWORD_WEIGHT = 1.0       # a topic named by its keywords in this part of the message
CONTEXT_TOPIC_WEIGHT = 0.6  # the topic being discussed, for a follow-up naming none


@dataclass
class FactAnswer:
    """What was shown: the facts (in order), the main topic, the procedures it was about."""

    topic: TopicView | None
    facts: list[CatalogueFact] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)
    more: bool = False  # the topic has more than was shown: offer it
    main_topic: TopicView | None = None  # the lead fact's topic, when it was completed around it
    general_for: str = ""  # a named procedure the page gives only general figures for, on this topic

    @property
    def sources(self) -> list[str]:
        return list(dict.fromkeys(s for f in self.facts for s in f.sources))


class FactRanker:
    """The knowledge base's facts indexed for ranking, with the topics' keywords."""

    def __init__(self, kb: KnowledgeBase):
        self.kb = kb
        self.catalogue = {c.fact.id: c for c in kb.fact_catalogue()}
        cues = load_cues()
        self.topics = {t.id: t for t in kb.topics()}
        entries = [FactEntry(c.fact.id, c.topic_ids, c.fact.procedure_ids, f"{c.fact.label} {c.fact.text}",
                             cues.get(c.fact.id, ())) for c in self.catalogue.values()]
        self.index = FactIndex(entries)

    def topic_weights(self, text: str, intent_confidence: dict[str, float], context_topic: str | None,
                      excluded_topic: str | None = None, share: float = 1.0) -> dict[str, float]:
        """Topic id -> weight: the classifier's confidence (times ``share``), raised to
        KEYWORD_WEIGHT for a topic this text names, and the context topic for a text naming none.
        A topic the patient said they did not mean weighs nothing."""
        weights = {t.id: share * intent_confidence.get(t.intent, 0.0) for t in self.topics.values()}
        named = [t.id for t in self.topics.values() if t.id != excluded_topic and self.names_topic(t, text)]
        for topic_id in named:
            weights[topic_id] = max(weights[topic_id], KEYWORD_WEIGHT)
        if context_topic in weights and context_topic != excluded_topic and not named:
            weights[context_topic] = max(weights[context_topic], CONTEXT_TOPIC_WEIGHT)
        if excluded_topic in weights:
            weights[excluded_topic] = 0.0
        return weights

    @staticmethod
    def names_topic(topic: TopicView, text: str) -> bool:
        """A keyword of the topic is in the text, and not one made only of the clinic's subject
        words ("facial reanimation" is in half the questions and names no topic)."""
        padded = " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "
        return any(f" {k} " in padded and not set(k.split()) <= SUBJECT_WORDS for k in topic.keywords)

    def asks_something(self, text: str) -> bool:
        """Whether a part of a message has words of any fact or names a topic ("3 questions:" has neither)."""
        return max(self.index.lexical_scores(text), default=0.0) > MIN_PART_LEXICAL or any(
            self.names_topic(t, text) for t in self.topics.values())

    def best(self, text: str, weights: dict[str, float], named: list[str], context: list[str],
             limit: int, close: float = CLOSE_TO_BEST) -> list[Scored]:
        """The best fact, and the next ones (up to ``limit``) scoring within ``close`` of it."""
        ranked = self.index.rank(text, weights, named, context)
        if not ranked:
            return []
        chosen = [ranked[0]]
        for candidate in ranked[1:limit]:
            if candidate.score >= close * ranked[0].score:
                chosen.append(candidate)
        return chosen

    def best_new(self, text: str, weights: dict[str, float], named: list[str], context: list[str],
                 shown: set[str]) -> list[Scored]:
        """One question of several: its best facts, or when those already answered an earlier
        question ("what's your aim, and do you care for the eye?"), its own next best if close."""
        chosen = self.best(text, weights, named, context, MAX_FACTS_PER_QUESTION, close=0.9)
        if not chosen or any(c.fact.id not in shown for c in chosen):
            return chosen
        ranked = self.index.rank(text, weights, named, context)
        return [r for r in ranked if r.fact.id not in shown and r.score >= OWN_FACT * ranked[0].score][:1]


def _add(answer: FactAnswer, ranker: FactRanker, scored: list[Scored]) -> None:
    for item in scored:
        fact = ranker.catalogue[item.fact.id]
        if fact not in answer.facts and len(answer.facts) < MAX_FACTS:
            answer.facts.append(fact)


def blank_names(text: str, positions: dict[str, list[tuple[int, int]]]) -> str:
    """The text with the named procedures' words replaced by spaces (same length, same offsets):
    the procedure counts once, through its name, not again through its words."""
    chars = list(text)
    for spans in positions.values():
        for start, end in spans:
            for at in range(max(start, 0), min(end, len(chars))):
                chars[at] = " "
    return "".join(chars)


def rank_answer(ranker: FactRanker, text: str, topic: TopicView | None, intent_confidence: dict[str, float],
                named: list[str], context: list[str], context_topic: str | None,
                positions: dict[str, list[tuple[int, int]]] | None = None,
                excluded_topic: str | None = None) -> FactAnswer:
    """The facts answering ``text``: per question of the message, per side of a comparison.

    ``positions``: where in ``text`` each named procedure is (so each question gets its own);
    ``excluded_topic``: the topic a correction says was not meant.
    """
    positions = positions or {}
    answer = FactAnswer(topic, procedures=list(named or context))
    text = blank_names(text, positions)
    if is_comparison(text) and len(named) + len(context) >= 2 or (len(named) >= 2 and _about_procedures(topic)):
        sides = list(dict.fromkeys(named + context))[:MAX_QUESTIONS]
        weights = ranker.topic_weights(text, intent_confidence, context_topic, excluded_topic)
        for side in sides:
            _add(answer, ranker, ranker.best(text, weights, [side], [], MAX_FACTS_PER_QUESTION)[:1])
        answer.procedures = sides
    parts = [side for part in split_questions(text)
             for side in (comparison_sides(part) if is_comparison(part) else [part])]
    asked = []
    for part in parts:
        start = text.find(part)
        part_named = [p for p in named if any(start <= a < start + len(part) for a, _ in positions.get(p, []))]
        if part_named or ranker.asks_something(part):  # "3 questions:" asks nothing
            asked.append((part, part_named))
    if len(asked) > 1:
        for part, part_named in asked[:MAX_QUESTIONS]:
            weights = ranker.topic_weights(part, intent_confidence, context_topic, excluded_topic, share=0.5)
            part_named = part_named or (named if len(named) == 1 else [])
            shown = {f.fact.id for f in answer.facts}
            _add(answer, ranker, ranker.best_new(part, weights, part_named, context, shown))
    if len(asked) <= 1 or not answer.facts:
        weights = ranker.topic_weights(text, intent_confidence, context_topic, excluded_topic)
        ranked = ranker.best(text, weights, named, context, 3)
        _add(answer, ranker, ranked)
        framed = _framed(topic, intent_confidence)
        if len(named) < 2:
            _complete(answer, ranker, framed or topic, named + context, force=framed is not None, named=tuple(named))
    _fit(answer)
    if topic is not None and topic.id not in HUB_TOPICS:  # "how a procedure works" in full is every procedure
        shown = {f.fact.id for f in answer.facts}
        answer.more = any(topic.id in c.topic_ids and c.fact.id not in shown for c in ranker.catalogue.values())
    return answer


def _about_procedures(topic: TopicView | None) -> bool:
    """Whether the question is about what procedures are (so two named ones are two sides to answer),
    rather than a topic both share ("is the graft and the muscle done the same day?")."""
    return topic is None or topic.id in HUB_TOPICS or topic.uses_procedure and topic.lists != ""


def _framed(topic: TopicView | None, intent_confidence: dict[str, float]) -> TopicView | None:
    """A topic that frames its facts ("I can't tell whether you need surgery..."), when the
    classifier thinks it likely: its frame and its facts go with the answer whichever fact leads."""
    if topic is not None and topic.intro and intent_confidence.get(topic.intent, 0.0) >= FRAME_CONFIDENCE:
        return topic
    return None


def _complete(answer: FactAnswer, ranker: FactRanker, topic: TopicView | None, procedures: list[str],
              force: bool = False, named: tuple[str, ...] = ()) -> None:
    """A short overview around the lead fact: the rest of its topic (general facts, or facts about
    the procedure discussed) while the answer stays short. "Risks of a nerve transfer" gets the
    nerve-transfer risk first, then the general risks; the hub topic of every procedure is left out."""
    if not answer.facts:
        return
    lead = answer.facts[0]
    in_topic = topic is not None and (force or topic.id in lead.topic_ids)
    main = topic.id if topic is not None and in_topic else (lead.topic_ids[0] if lead.topic_ids else None)
    answer.main_topic = ranker.topics.get(main or "")
    if main is None or main in HUB_TOPICS:
        return
    # The procedure asked about: named now, or else the one under discussion (issue #9: a general
    # figure says so also when the procedure comes from earlier in the conversation).
    asked_about = tuple(named) or tuple(procedures[:1])
    specific = [c for c in ranker.catalogue.values()
                if main in c.topic_ids and set(c.fact.procedure_ids) & set(asked_about)]
    if len(asked_about) == 1 and not lead.fact.procedure_ids and not specific and ranker.topics[main].uses_procedure:
        answer.general_for = asked_about[0]  # "how long is gracilis surgery": the figure is the general one
    for fact in ranker.catalogue.values():
        if main not in fact.topic_ids or fact in answer.facts or len(answer.facts) >= MAX_FACTS:
            continue
        about = set(fact.fact.procedure_ids)
        if about and not about & set(procedures):
            continue
        if _length(answer.facts) + len(fact_line(fact.fact)) > COMPLETE_BUDGET:
            break
        answer.facts.append(fact)


def _length(facts: list[CatalogueFact]) -> int:
    return sum(len(fact_line(f.fact)) + 3 for f in facts)


def _fit(answer: FactAnswer) -> None:
    """Keep the answer within the budget, dropping the facts from the end (they stay on offer)."""
    while len(answer.facts) > 1 and _length(answer.facts) > BUDGET:
        answer.facts.pop()
        answer.more = True


def say_fact_answer(reply: Reply, kb: KnowledgeBase, answer: FactAnswer, procedure_id: str | None) -> None:
    """The facts (one line, or bullets), then an offer of the topic's full answer when there is more."""
    lines = [fact_line(f.fact) for f in answer.facts]
    text = lines[0] if len(lines) == 1 else "\n".join(f"{BULLET} {line}" for line in lines)
    main = answer.main_topic
    if answer.general_for:
        procedure = kb.procedure(answer.general_for)
        if procedure is not None:
            text = kb.message("general_only_note", procedure=procedure.name) + "\n\n" + text
    if main is not None and answer.topic is not None and main.id == answer.topic.id:
        # The topics that frame their facts ("I can't tell whether you need surgery..."; "the page
        # does not describe pain") keep that frame; they and the risks and results keep the page's
        # caveat (talk it over with the surgeon) after them.
        framed = bool(main.intro)
        closing = kb.answer(main.id).closing if main.closing and (framed or main.id in CAVEAT_TOPICS) else ""
        text = "\n\n".join(part for part in (fill(main.intro) if framed else "", text, closing) if part)
    reply.say(text, sources=answer.sources)
    if answer.more and answer.topic is not None:
        offer = kb.message("offer_more", title=answer.topic.title.lower())
        reply.say(offer, [topic_button(answer.topic, procedure_id)])




def about_named(kb: KnowledgeBase, topic: TopicView | None, confidence: dict[str, float],
                named: list[str]) -> tuple[TopicView | None, dict[str, float]]:
    """"What does static surgery mean?": the belief in "what is ..." is a belief in what the named
    procedure is, so its description, not the definition of facial reanimation, leads."""
    target = kb.topic(topic.with_procedure) if topic is not None and named and topic.with_procedure else None
    if topic is None or target is None:
        return topic, confidence
    moved = max(confidence.get(target.intent, 0.0), confidence.get(topic.intent, 0.0))
    return target, {**confidence, target.intent: moved, topic.intent: 0.0}


def focus_on_question(tracker: Tracker, text: str, named: list[str], positions: dict[str, list[tuple[int, int]]]
                      ) -> tuple[str, list[str], dict[str, list[tuple[int, int]]]]:
    """A long story read by its question sentence(s): the text ranked, the procedures it names, where.
    What the story says was tried is not asked about, unless the question names it again ("that graft")."""
    focus = question_focus(text)
    if focus is None:
        return text, named, positions
    start, end = focus
    positions = {p: [(a - start, b - start) for a, b in spans if start <= a < end] for p, spans in positions.items()}
    story = [p for p in named if not positions.get(p)]
    named = [p for p in named if positions.get(p)]
    text = text[start:end]
    if not named and story:
        positions = named_in_passing(tracker, text, story)
        named = [p for p in positions if p in story]
    return text, named, positions


def answer_with_facts(reply: Reply, tracker: Tracker, kb: KnowledgeBase, topic: TopicView | None, text: str,
                      named: list[str] | None = None) -> list[dict[str, Any]]:
    """Rank, say and remember: the conversation keeps the topic and procedure for follow-ups."""
    ranker = FactRanker(kb)
    named = mentioned_procedures(tracker) if named is None else named
    context = [p for p in [tracker.get_slot(PROCEDURE_SLOT)] if p]
    topic, confidence = about_named(kb, topic, intent_confidences(tracker), named)
    context_topic, excluded = tracker.get_slot(TOPIC_SLOT), None
    if returns_to_earlier(text):  # "going back to the static one": the topic before the last one
        context_topic = earlier_topic(tracker) or context_topic
    positions = procedure_positions(tracker)
    named, positions = prefer_specific(tracker, text, named, positions)
    if not named:  # "what's the risk with the transfer?" after a nerve transfer was discussed
        positions = named_in_passing(tracker, text)
        named = list(positions)
    fix = correction(text)
    if fix is not None:
        # "I meant the nerve transfer, not the muscle one": answer what was meant. Naming another
        # procedure keeps the topic being discussed; otherwise that topic is what was not meant.
        # The classifier read the whole message, the not-meant part included: its reading is dropped.
        named = procedures_outside(tracker, fix.not_meant)
        context = [] if named else context
        if named:
            topic = kb.topic(context_topic or "") or topic
        else:
            excluded, context_topic = context_topic, None
        shift = text.find(fix.meant) if fix.meant else 0
        positions = {p: [(a - shift, b - shift) for a, b in spans] for p, spans in positions.items()}
        text, confidence = fix.meant or text, {}
    if fix is None:  # a long story: its question sentence says which fact is asked for
        text, named, positions = focus_on_question(tracker, text, named, positions)
    answer = rank_answer(ranker, text, topic, confidence, named, context, context_topic, positions, excluded)
    if not answer.facts:
        reply.say(kb.message("not_understood"))
        return []
    lead = answer.facts[0]
    main_topic = (topic.id if topic is not None and topic.id in lead.topic_ids
                  else (lead.topic_ids[0] if lead.topic_ids else None))
    procedure = named[-1] if named else (context[0] if context else None)
    say_fact_answer(reply, kb, answer, procedure)
    events: list[dict[str, Any]] = []
    if main_topic and tracker.get_slot(TOPIC_SLOT) != main_topic:
        events.append(SlotSet(TOPIC_SLOT, main_topic))
    if procedure != tracker.get_slot(PROCEDURE_SLOT):
        events.append(SlotSet(PROCEDURE_SLOT, procedure))
    if len(answer.procedures) >= 2:  # both sides of a comparison: "which of those two..." can follow
        events.append(SlotSet(LISTED_OPTIONS_SLOT, answer.procedures[:MAX_QUESTIONS]))
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
