"""The knowledge base's facts indexed for one answer: the ranker, its weighing of the classifier's
topics and of each question's own reading, and what an answer holds. ``actions/fact_selection.py``
chooses the facts with it; ``clinic/fact_ranking.py`` does the word matching, free of Rasa.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from actions.constants import GENERAL_FACT_INTENTS, PERSONAL_TOPICS
from clinic.fact_ranking import NEGATORS, SUBJECT_WORDS, FactEntry, Scored, index_of, load_cues
from clinic.queries import CatalogueFact, KnowledgeBase, TopicView
from clinic.question_parts import is_follow_up
from clinic.views import padded_words

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
# a fact of no topic its words lead to: at least this lexical score, the next fact at most this share of it
SINGLED_OUT = (0.5, 0.8)
SAME_PART = 0.5            # words in common (of all words of both) for two splits of a question to match
CONTEXT_TOPIC_WEIGHT = 0.6  # the topic being discussed, for a follow-up naming none
NEW_QUESTION_CONFIDENCE = 0.8  # unless the classifier is this sure the message is about another topic


def sure_of_general_fact(intent_confidence: dict[str, float]) -> bool:
    """Whether the classifier surely (``NEW_QUESTION_CONFIDENCE``) filed a message under a topic the page answers
    alike for every patient (``GENERAL_FACT_INTENTS``): its own words say which fact it asks, whatever case was told
    before it."""
    return max((intent_confidence.get(i, 0.0) for i in GENERAL_FACT_INTENTS), default=0.0) >= NEW_QUESTION_CONFIDENCE


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
    framed_ids: set[str] = field(default_factory=set)  # every fact of a frame: kept together
    case_id: str = ""  # the fact on the option the patient's own case points at (actions.situation)

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
                             cues.get(c.fact.id, ()), c.fact.general) for c in self.catalogue.values()]
        self.index = index_of(tuple(entries))
        self.background: list[str] = []  # the procedures of the story around this question
        # each question of the message with the classifier's reading of it alone (actions.turn)
        self.part_intents: list[tuple[str, dict[str, float]]] = []
        # a question as the patient wrote it, for one whose procedure's name was blanked out ("What's
        # [nerve transfer]" alone is as near "what's its risk" as its own reading)
        self.written: dict[str, str] = {}
        self.avoided: set[str] = set()  # procedures the question being ranked says did not help
        self.within: set[str] = set()  # topics a question leaning on the one before it asks within

    @property
    def procedure_names(self) -> dict[str, str]:
        """Each procedure's name as the page gives it, by id ("the transplant" is a muscle transplant)."""
        return {p.id: p.name for p in self.kb.content().procedures.values()}

    def part_confidence(self, part: str) -> dict[str, float] | None:
        """The classifier's reading of this question alone: the classified part sharing most of its
        words (the parts here may have names blanked or a story cut off), if it shares most."""
        words = set(re.findall(r"[a-z0-9]+", self.written.get(part, part).lower()))
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
            # but after a case was framed ("only your surgeon can assess..."), "OK. And after, how much time I cannot
            # work?" surely asks the time off: it got the case's frame and facts again
            past_framed_case = context_topic in PERSONAL_TOPICS and sure_of_general_fact(intent_confidence)
            if elsewhere < NEW_QUESTION_CONFIDENCE or (is_follow_up(text) and not past_framed_case):
                weights[context_topic] = max(weights[context_topic], CONTEXT_TOPIC_WEIGHT)
        if excluded_topic in weights:
            weights[excluded_topic] = 0.0
        return weights

    @staticmethod
    def names_topic(topic: TopicView, text: str) -> bool:
        """A keyword of the topic is in the text, and not one made only of the clinic's subject
        words ("facial reanimation" is in half the questions and names no topic), nor one the patient
        rules out ("options that aren't surgery", "without an operation" ask for the other kind)."""
        padded = padded_words(text)
        return any(_affirmed(padded, k) for k in topic.keywords if not set(k.split()) <= SUBJECT_WORDS)

    def treats(self, procedure_id: str) -> bool:
        """A surgery or treatment the page's general figures can be said not to single out (not a test)."""
        procedure = self.kb.procedure(procedure_id)
        return procedure is not None and procedure.is_treatment

    @property
    def figure_topics(self) -> frozenset[str]:
        """Topics of one fact about no procedure in particular: the page's one figure ("1-5 weeks"). Read from the
        snapshot's own index when asked, not on every ranker built (several per turn)."""
        return frozenset(t for t, facts in self.kb.content().facts_by_topic.items()
                         if len(facts) == 1 and not facts[0].procedure_ids)

    def names_one_figure(self, text: str) -> bool:
        """Whether the text names a topic the page answers with one figure for every patient (the
        hospital stay, the time off work): no case the patient described can change that answer."""
        return any(self.names_topic(self.topics[t], text) for t in self.figure_topics)

    def asks_something(self, text: str) -> bool:
        """Whether a part of a message has words of any fact or names a topic ("3 questions:" has neither)."""
        return max(self.index.lexical_scores(text), default=0.0) > MIN_PART_LEXICAL or any(
            self.names_topic(t, text) for t in self.topics.values())

    def ranked(self, text: str, weights: dict[str, float], named: list[str], context: list[str]) -> list[Scored]:
        """Every fact, best first, without the facts about only the options the question says did not
        help ("is there surgery if Botox isn't enough?" asks for the others). A fact that names others
        too stays: "what other tests apart from the EMG?" is answered by the fact naming all three."""
        ranked = self.index.rank(text, weights, named, context, self.background, answering=True)
        if named:  # "do you offer nerve grafting for patients?" asks about the graft, not the clinic's commitment
            ranked = [r for r in ranked if r.fact.procedures or not self._redirected(r.fact.topics)] or ranked
        if self.within:  # "...and is there an operation for it?": the operations for the thing just asked about
            ranked = [r for r in ranked if set(r.fact.topics) & self.within and r.lexical > 0] or ranked
        if not self.avoided:
            return ranked
        return [r for r in ranked if not (r.fact.procedures and set(r.fact.procedures) <= self.avoided)]

    def options_after(self, procedures: list[str]) -> list[str]:
        """The options the page turns to when these do not do: the procedures after the last of them
        in its numbered list, of the same kind (after a nerve repair, grafting and then a transfer;
        after Botox, physiotherapy and then the operations), so "if not, what then?" has its answer."""
        views = [v for v in (self.kb.procedure(p) for p in procedures) if v is not None and v.list_name]
        if not views:
            return []
        last = max(views, key=lambda v: v.list_order)
        return [o.id for o in self.kb.options(last.list_name)
                if o.list_order > last.list_order and o.kind == last.kind]

    def _redirected(self, topic_ids: tuple[str, ...]) -> bool:
        """Whether every one of these topics is answered by another when a procedure is named (the
        topic's ``with_procedure``: what facial reanimation is, which kinds of surgery there are)."""
        return bool(topic_ids) and all(t in self.topics and self.topics[t].with_procedure for t in topic_ids)

    def detail_topic(self, procedure: str) -> str:
        """The topic that says what the procedure is (its own description among its facts)."""
        view = self.kb.procedure(procedure)
        return view.detail_topic if view is not None else ""

    def description(self, procedure: str) -> CatalogueFact | None:
        """The procedure's own description: the fact of the topic it is described in (every
        operation's, or its list's: a synkinesis treatment's is the synkinesis topic) that is about
        this procedure alone ("can improve blinking and eyelid closure")."""
        described_in = HUB_TOPICS | {self.detail_topic(procedure)}
        return next((c for c in self.catalogue.values()
                     if set(c.topic_ids) & described_in and c.fact.procedure_ids == (procedure,)), None)

    def described(self, text: str, distinct: bool = False) -> str | None:
        """The one procedure whose fact the question's own words single out ("the surgery where they
        cut nerves" is a selective neurectomy), or None. ``distinct``: not when another fact matches
        those words as well (a word of an option's description must tell it apart from the others)."""
        ranked = self.index.rank(text, {})
        top = ranked[0] if ranked else None
        if top is None or top.lexical < SPECIFIC_MATCH or len(top.fact.procedures) != 1:
            return None
        if distinct and len(ranked) > 1 and ranked[1].lexical >= top.lexical:
            return None
        return top.fact.procedures[0]

    def narrower(self, text: str, procedure: str, word: str) -> str:
        """The member of a family that a bare family word means ("the graft that takes branches from
        the healthy side" is the cross-face nerve graft, not any nerve graft): the procedure of that
        last word whose fact the question's own words single out, else ``procedure`` itself."""
        for scored in self.index.rank(text, {}):
            if scored.lexical < SPECIFIC_MATCH:
                break
            for other in scored.fact.procedures:
                if other != procedure and other.rsplit("_", 1)[-1] == word:
                    return other
        return procedure

    def best(self, text: str, weights: dict[str, float], named: list[str], context: list[str],
             limit: int, close: float = CLOSE_TO_BEST) -> list[Scored]:
        """The best fact, and the next ones (up to ``limit``) scoring within ``close`` of it."""
        ranked = self.ranked(text, weights, named, context)
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
        lone = self._singled_out(text, named, context)
        if lone is not None and lone.fact.id not in shown and lone.fact.id not in {c.fact.id for c in chosen}:
            chosen = [*chosen[:1], lone, *chosen[1:]]  # after the question's best fact, which it may also ask for
        if not chosen or any(c.fact.id not in shown for c in chosen):
            return chosen
        ranked = self.ranked(text, weights, named, context)
        return [r for r in ranked if r.fact.id not in shown and r.score >= OWN_FACT * ranked[0].score][:1]

    def _singled_out(self, text: str, named: list[str], context: list[str]) -> Scored | None:
        """A fact of no topic (the page's "discussing risks and benefits with the surgeon", its list of
        techniques) that this question's own words clearly lead to: the classifier's topics, none of
        them its own, cannot lift it, so one question of several ("... and who should I go over the
        risks with?") got the facts of the topic it is about instead. It comes second, after the
        question's best fact (put first, it displaced a fact a blind set's follow-up asked for)."""
        ranked = self.ranked(text, {}, named, context)
        least, share = SINGLED_OUT
        if len(ranked) < 2 or ranked[0].fact.topics or ranked[0].lexical < least:
            return None
        return ranked[0] if ranked[1].lexical <= share * ranked[0].lexical else None


RULED_OUT_BY = NEGATORS | {"avoid", "instead", "besides", "apart"}  # NEGATORS holds "non"


def _affirmed(padded: str, keyword: str) -> bool:
    """Whether ``keyword`` occurs in ``padded`` (see ``padded_words``) at least once not ruled out by
    one of the two words before it ("not surgery", "without an operation", "non surgical")."""
    at = padded.find(f" {keyword} ")
    while at >= 0:
        if not RULED_OUT_BY & set(_two_words_before(padded, at)):
            return True
        at = padded.find(f" {keyword} ", at + 1)
    return False


def _two_words_before(padded: str, at: int) -> list[str]:
    """The (at most) two words of ``padded`` ending at the space at ``at``, found from there
    backwards: a keyword that recurs through a long message costs its words' length, not the
    message's length each time."""
    first = padded.rfind(" ", 0, at)
    if first < 0:
        return []
    second = padded.rfind(" ", 0, first)
    words = [padded[second + 1:first] if second >= 0 else "", padded[first + 1:at]]
    return [w for w in words if w]

