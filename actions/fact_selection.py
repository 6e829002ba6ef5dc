"""Choosing the facts that answer a question: the knowledge base's facts ranked against its words
(``clinic/fact_ranking.py``) with the classifier's topics as a prior, per question of the message
and per side of a comparison, completed into a short overview and kept within the length budget.
No Rasa tracker here: ``actions/fact_answers.py`` reads the conversation and says the answer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actions.formatting import fact_line
from clinic.fact_ranking import SUBJECT_WORDS, FactEntry, FactIndex, Scored, load_cues
from clinic.queries import CatalogueFact, KnowledgeBase, TopicView
from clinic.question_parts import comparison_sides, is_comparison, is_follow_up, points_back, split_questions

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
PART_SHARE = 0.7           # the classifier's reading of one question of several, alone
SAME_PART = 0.5            # words in common (of all words of both) for two splits of a question to match
CONTEXT_TOPIC_WEIGHT = 0.6  # the topic being discussed, for a follow-up naming none
NEW_QUESTION_CONFIDENCE = 0.8  # unless the classifier is this sure the message is about another topic


@dataclass
class FactAnswer:
    """What was shown: the facts (in order), the main topic, the procedures it was about."""

    topic: TopicView | None
    facts: list[CatalogueFact] = field(default_factory=list)
    procedures: list[str] = field(default_factory=list)
    more: bool = False  # the topic has more than was shown: offer it
    main_topic: TopicView | None = None  # the lead fact's topic, when it was completed around it
    general_for: str = ""  # a named procedure the page gives only general figures for, on this topic
    frames: dict[str, str] = field(default_factory=dict)  # fact id -> framed topic whose facts start there

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
        self.background: list[str] = []  # the procedures of the story around this question
        # each question of the message with the classifier's reading of it alone (actions.turn)
        self.part_intents: list[tuple[str, dict[str, float]]] = []

    def part_confidence(self, part: str) -> dict[str, float] | None:
        """The classifier's reading of this question alone: the classified part sharing most of its
        words (the parts here may have names blanked or a story cut off), if it shares most."""
        words = set(re.findall(r"[a-z0-9]+", part.lower()))
        best, best_overlap = None, SAME_PART
        for text, intents in self.part_intents:
            other = set(re.findall(r"[a-z0-9]+", text.lower()))
            overlap = len(words & other) / max(len(words | other), 1)
            if overlap >= best_overlap:
                best, best_overlap = intents, overlap
        return best

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
            # as strong as the classifier is unsure of another topic: "how long would I be off work?"
            # after the recovery time is a new question, "and is that for the graft too?" is not
            elsewhere = max((w for t, w in weights.items() if t != context_topic), default=0.0) / max(share, 1e-9)
            if elsewhere < NEW_QUESTION_CONFIDENCE or is_follow_up(text):
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
        ranked = self.index.rank(text, weights, named, context, self.background)
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
        ranked = self.index.rank(text, weights, named, context, self.background)
        return [r for r in ranked if r.fact.id not in shown and r.score >= OWN_FACT * ranked[0].score][:1]


def _add(answer: FactAnswer, ranker: FactRanker, scored: list[Scored]) -> None:
    for item in scored:
        fact = ranker.catalogue[item.fact.id]
        if fact not in answer.facts and len(answer.facts) < MAX_FACTS:
            answer.facts.append(fact)


# The head word of a name that says what is asked ("what dynamic procedures are there?", "and the static
# options?"): kept, so the question's own words still point at the list rather than the definition.
_KEPT_HEAD = re.compile(r"\b(?:procedures|options)\b", re.IGNORECASE)


def blank_names(text: str, positions: dict[str, list[tuple[int, int]]]) -> str:
    """The text with the named procedures' words replaced by spaces (same length, same offsets):
    the procedure counts once, through its name, not again through its words."""
    chars = list(text)
    for spans in positions.values():
        for start, end in spans:
            kept = _KEPT_HEAD.search(text[max(start, 0):end])  # "dynamic procedures": asks for the list
            for at in range(max(start, 0), min(end, len(chars))):
                if kept is None or not kept.start() <= at - max(start, 0) < kept.end():
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
    starts = _starts(text, parts)
    for part, start, end in zip(parts, starts, [*starts[1:], len(text)], strict=True):
        # a part runs to the next one: its blanked name may sit in the spaces stripped off its end
        part_named = [p for p in named if any(start <= a < end for a, _ in positions.get(p, []))]
        if part_named or ranker.asks_something(part):  # "3 questions:" asks nothing
            asked.append((part, part_named))
    if len(asked) > 1:
        for part, part_named in asked[:MAX_QUESTIONS]:
            own = ranker.part_confidence(part)
            weights = ranker.topic_weights(part, intent_confidence if own is None else own, context_topic,
                                           excluded_topic, share=0.5 if own is None else PART_SHARE)
            part_named = part_named or _inherited(ranker, part, named, weights)
            # the conversation's procedure is this message's when it names one (the slot is filled
            # from it): it does not pull the message's other questions towards it
            part_context = [] if named else context
            shown = {f.fact.id for f in answer.facts}
            _add(answer, ranker, ranker.best_new(part, weights, part_named, part_context, shown))
    if len(asked) <= 1 or not answer.facts:
        weights = ranker.topic_weights(text, intent_confidence, context_topic, excluded_topic)
        ranked = ranker.best(text, weights, named, context, 3)
        _add(answer, ranker, ranked)
        framed = _framed(topic, intent_confidence)
        if len(named) < 2:
            _complete(answer, ranker, framed or topic, named + context, force=framed is not None, named=tuple(named))
    _fit(answer)
    _keep_frames(answer, ranker)
    if topic is not None and topic.id not in HUB_TOPICS:  # "how a procedure works" in full is every procedure
        shown = {f.fact.id for f in answer.facts}
        answer.more = any(topic.id in c.topic_ids and c.fact.id not in shown for c in ranker.catalogue.values())
    return answer


def _starts(text: str, parts: list[str]) -> list[int]:
    """Where each part of ``text`` begins, searching on from the previous one."""
    starts, at = [], 0
    for part in parts:
        found = text.find(part, at)
        starts.append(found if found >= 0 else at)
        at = starts[-1] + len(part)
    return starts


def _inherited(ranker: FactRanker, part: str, named: list[str], weights: dict[str, float]) -> list[str]:
    """The one procedure the message names, for a question of it that names none ("what is the
    graft, and how long does it take?"), unless that question's own words ask about another
    procedure ("do you do physio, and is there a surgery that cuts nerve branches?")."""
    if len(named) != 1:
        return []
    if points_back(part):
        return named
    ranked = ranker.index.rank(part, weights)
    top = ranked[0].fact if ranked and ranked[0].lexical >= SPECIFIC_MATCH else None
    if top is not None and top.procedures and named[0] not in top.procedures:
        return []
    return named


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


def _keep_frames(answer: FactAnswer, ranker: FactRanker) -> None:
    """A fact that only makes sense in its topic's frame never stands alone, whichever question
    reached it: "Yes, if you have facial palsy" comes with its frame ("only your surgeon can
    say...") and the considerations, also as one answer of several (issue #9: never a bare "Yes")."""
    main = answer.main_topic.id if answer.main_topic is not None else None
    placed: set[str] = set()
    for fact in list(answer.facts):
        framing = [t for t in fact.topic_ids if t in ranker.topics and ranker.topics[t].frame_always]
        # a fact also of an unframed topic (the tests, also part of "how the decision is made") stands alone
        if fact.fact.id in placed or not framing or len(framing) < len(fact.topic_ids) or framing[0] == main:
            continue
        group = [c for c in ranker.catalogue.values() if framing[0] in c.topic_ids]
        at = min(answer.facts.index(c) for c in group if c in answer.facts)
        answer.facts = [c for c in answer.facts if c not in group]
        answer.facts[at:at] = group  # in the page's order: the line, then what it depends on
        answer.frames[answer.facts[at].fact.id] = framing[0]
        placed.update(c.fact.id for c in group)
    others = [c for c in answer.facts if c.fact.id not in placed]
    while _length(answer.facts) > BUDGET and len(others) > 1:
        answer.facts.remove(others.pop())  # the frame stays whole: the last other fact makes room
        answer.more = True


def _length(facts: list[CatalogueFact]) -> int:
    return sum(len(fact_line(f.fact)) + 3 for f in facts)


def _fit(answer: FactAnswer) -> None:
    """Keep the answer within the budget, dropping the facts from the end (they stay on offer)."""
    while len(answer.facts) > 1 and _length(answer.facts) > BUDGET:
        answer.facts.pop()
        answer.more = True
