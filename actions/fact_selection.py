"""Choosing the facts that answer a question: the knowledge base's facts ranked against its words
(``clinic/fact_ranking.py``) with the classifier's topics as a prior, per question of the message
and per side of a comparison, completed into a short overview and kept within the length budget.
No Rasa tracker here: ``actions/fact_answers.py`` reads the conversation and says the answer.
"""

from __future__ import annotations

import re

from actions.asked_for import (
    both_kinds_asked,
    candidacy_asked,
    operations_asked,
    operations_ruled_out,
    specific_before_general,
)
from actions.fact_ranker import (
    BUDGET,
    COMPLETE_BUDGET,
    FRAME_CONFIDENCE,
    HUB_TOPICS,
    MAX_FACTS,
    MAX_FACTS_PER_QUESTION,
    MAX_QUESTIONS,
    FactAnswer,
    FactRanker,
)
from actions.formatting import fact_line
from actions.several_questions import add_facts, answer_each, asked_parts, without_failed
from clinic.asked_choices import asks_which_suits
from clinic.fact_ranking import Scored, content_stems, stem
from clinic.queries import CatalogueFact, TopicView
from clinic.question_parts import is_comparison, without_comparing_words

# The head word of a name that says what is asked ("what dynamic procedures are there?", "and the static
# options?"): kept, so the question's own words still point at the list rather than the definition.
_KEPT_HEAD = re.compile(r"\b(?:procedures|options)\b", re.IGNORECASE)
# A word right after a name that only says it is one of the options ("the muscle transplant option",
# "the gracilis procedure"): part of the name, so it draws no fact about options in general to it.
_NAME_TAIL = re.compile(r"[\s-]*(?:option|procedure|technique|approach|method)\b", re.IGNORECASE)


def blank_names(text: str, positions: dict[str, list[tuple[int, int]]]) -> str:
    """The text with the named procedures' words replaced by spaces (same length, same offsets):
    the procedure counts once, through its name, not again through its words."""
    chars = list(text)
    for spans in positions.values():
        for start, end in spans:
            if (tail := _NAME_TAIL.match(text, max(end, 0))) is not None:
                end = tail.end()
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
    written, text = text, blank_names(text, positions)
    if is_comparison(text) and len(named) + len(context) >= 2 or (len(named) >= 2 and (
            _about_procedures(topic) or _named_either_or(text, positions))):
        sides = list(dict.fromkeys(named + context))[:MAX_QUESTIONS]
        weights = ranker.topic_weights(text, intent_confidence, context_topic, excluded_topic)
        compared = without_comparing_words(text)
        # "which is better for my eye, the lid operation or Botox?" is the surgeon's choice (the topic's frame says
        # so); what each one is, its own description, is what the page can say to it
        described = not asks_more_than_difference(compared) or asks_which_suits(written)
        for side in sides:
            # "how is that different from the dynamic kind?" asks what each one is: its own description
            description = ranker.description(side) if described else None
            if description is not None and description not in answer.facts:
                answer.facts.append(description)
                continue
            add_facts(answer, ranker, ranker.best(compared, weights, [side], [], MAX_FACTS_PER_QUESTION)[:1])
        answer.procedures = sides
    elif is_comparison(text) and len(named) == 1 and not context:
        # "physio or an operation for the tightness, which is better?": the other side is unnamed
        weights = ranker.topic_weights(text, intent_confidence, context_topic, excluded_topic)
        add_facts(answer, ranker, _unnamed_side(ranker, text, named[0], positions, weights))
    asked = asked_parts(ranker, text, named, positions, context, context_topic, written)
    if len(asked) > 1:
        answer_each(answer, ranker, asked, intent_confidence, named, context, context_topic, excluded_topic)
        _mark_general(answer, ranker, named or context[:1])
    if len(asked) <= 1 or not answer.facts:
        weights = ranker.topic_weights(text, intent_confidence, context_topic, excluded_topic)
        if not named:
            context = without_failed(ranker, text, context)  # "Botox wears me out... what are my other options?"
        asked_named = without_failed(ranker, text, named)
        ranked = ranker.best(text, weights, asked_named, context if asked_named == named else [], 3)
        add_facts(answer, ranker, ranked)
        framed = _framed(topic, intent_confidence)
        if len(named) < 2:
            _complete(answer, ranker, framed or topic, named + context, force=framed is not None, named=tuple(named))
        ranker.avoided = set()
    candidacy_asked(answer, ranker, written)
    _fit(answer)
    _keep_frames(answer, ranker)
    _whole_list(answer, ranker)
    reordered = specific_before_general(answer, ranker, named)
    if (operations_asked(answer, ranker, text, named, context) or reordered
            or operations_ruled_out(answer, ranker, text) or both_kinds_asked(answer, ranker, text)):
        _fit(answer)
    _offer_more(answer, ranker)
    return answer


# Words standing for a compared procedure ("the dynamic kind", "the other one"), which ask nothing of it.
_SIDE_WORDS = frozenset(stem(w) for w in "kind kinds type types sort sorts one ones version option options approach "
                        "method way thing two both three between whats hows compare compared "
                        # "the other kind (he mentioned)": the other side pointed at, nothing asked of it
                        "other another mentioned suggested".split())


def asks_more_than_difference(compared: str) -> bool:
    """Whether a comparison, its names and comparing words taken out, still asks something of its own
    ("which one has fewer risks?"), rather than only how the two differ."""
    return any(s not in _SIDE_WORDS for s in content_stems(compared))


def _whole_list(answer: FactAnswer, ranker: FactRanker) -> None:
    """A list under its intro ("treatments may involve:") shown but for one of its options gets that
    one too, when it fits: "what operations are there, and is there something non-surgical?" is
    answered by the whole list of treatments, and a list missing one item reads as if it were all."""
    main = answer.main_topic
    if main is None or not main.intro or main.id in HUB_TOPICS:
        return
    members = [c for c in ranker.catalogue.values() if main.id in c.topic_ids and c.fact.procedure_ids]
    missing = [c for c in members if c not in answer.facts]
    if len(members) < 3 or len(missing) != 1 or _length(answer.facts) + len(fact_line(missing[0].fact)) > BUDGET:
        return
    order = list(ranker.catalogue.values())
    after = [c for c in answer.facts if c in members and order.index(c) < order.index(missing[0])]
    shown = [answer.facts.index(c) for c in members if c in answer.facts]
    at = answer.facts.index(after[-1]) + 1 if after else min(shown)
    answer.facts.insert(at, missing[0])


def _offer_more(answer: FactAnswer, ranker: FactRanker) -> None:
    """Whether the topic has more than was shown, to offer "the full answer". When none of the facts
    shown is of the classifier's topic ("do you use Botox?" read as a question about tests), the
    topic offered is the lead fact's."""
    if answer.facts and answer.topic is not None and not any(answer.topic.id in f.topic_ids for f in answer.facts):
        lead_topics = [ranker.topics[t] for t in answer.facts[0].topic_ids if t in ranker.topics]
        answer.topic = lead_topics[0] if lead_topics else None
    topic = answer.topic
    if topic is not None and topic.id not in HUB_TOPICS:  # "how a procedure works" in full is every procedure
        shown = {f.fact.id for f in answer.facts}
        answer.more = any(topic.id in c.topic_ids and c.fact.id not in shown for c in ranker.catalogue.values())


# Only an "or" (or "vs") and an article between two names: "nerve repair or grafting, when is each used?"
_EITHER_OR = re.compile(r"^\s*,?\s*(?:or|vs\.?|versus)\s+(?:a |an |the )?\s*$", re.IGNORECASE)


def _named_either_or(text: str, positions: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether two named procedures stand side by side as alternatives ("temporalis or gracilis, ...?"):
    a comparison of the two, whatever the topic, as "versus" between them would be. ("or" alone is
    no comparison: "does it hurt or swell?")"""
    spans = sorted(span for spans in positions.values() for span in spans)
    return any(_EITHER_OR.match(text[end:start]) for (_, end), (start, _) in zip(spans, spans[1:], strict=False))


_SIDE_WORD = re.compile(r"\b(?:vs\.?|versus|compared? (?:with|to)|or)\b", re.IGNORECASE)


def _unnamed_side(ranker: FactRanker, text: str, named: str, positions: dict[str, list[tuple[int, int]]],
                  weights: dict[str, float]) -> list[Scored]:
    """A comparison of a named option with one described ("Botox or surgery for the spasms?"): the
    named one's fact, then the best of the others of its kind (its detail topic, not itself) that
    the other side's words match, so both sides are answered, not the named one alone."""
    spans = positions.get(named, [])
    split = _SIDE_WORD.search(text)
    if not spans or split is None:
        return []
    other = text[split.end():] if spans[0][0] < split.start() else text[:split.start()]
    if not other.strip():
        return []
    own = [s for s in ranker.ranked(text, weights, [named], []) if named in s.fact.procedures][:1]
    ranker.within, ranker.avoided = {ranker.detail_topic(named)}, {named}
    described = [s for s in ranker.ranked(other, weights, [], []) if s.lexical > 0 and s.fact.procedures]
    ranker.within, ranker.avoided = set(), set()
    return own + [s for s in described if ranker.detail_topic(named) in s.fact.topics][:1]


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
    if main in AIM_TOPICS and len(asked_about) == 1 and not specific:
        _lead_with_aim(answer, ranker, asked_about[0])
        lead = answer.facts[0]
    if (len(asked_about) == 1 and lead.fact.said_in_general(asked_about[0]) and not specific
            and ranker.topics[main].uses_procedure and ranker.treats(asked_about[0])):
        answer.general_for = asked_about[0]  # "how long is gracilis surgery": the figure is the general one
    for fact in ranker.catalogue.values():
        if main not in fact.topic_ids or fact in answer.facts or len(answer.facts) >= MAX_FACTS:
            continue
        if fact.fact.about_only(set(procedures)) or set(fact.fact.procedure_ids) & ranker.avoided:
            continue
        if _length(answer.facts) + len(fact_line(fact.fact)) > COMPLETE_BUDGET:
            break
        answer.facts.append(fact)


# Topics a procedure's own description answers when the page has nothing more specific: what can be
# hoped for from eyelid reanimation is what the page says it does ("can improve blinking and eyelid
# closure"), before the results of facial reanimation surgery in general. Who one procedure suits
# ("who is the nerve transfer for?") is likewise first what it does, then the candidacy line and
# considerations: the general "Yes, if you have facial palsy" alone did not answer it.
AIM_TOPICS = frozenset({"results", "candidacy"})


def _lead_with_aim(answer: FactAnswer, ranker: FactRanker, procedure: str) -> None:
    """The named procedure's own description first, when the page says what that procedure does."""
    aim = ranker.description(procedure)
    if aim is None:
        return
    if aim not in answer.facts:
        answer.facts.insert(0, aim)
    # its list's own words on whom it is for ("For individuals with synkinesis experiencing muscle
    # tightness or spasms, treatments may involve:") go before it: they answer "who is it for?"
    framing = [t for t in aim.topic_ids if t in ranker.topics and ranker.topics[t].intro]
    if framing:
        answer.frames.setdefault(aim.fact.id, framing[0])


def _mark_general(answer: FactAnswer, ranker: FactRanker, procedures: list[str]) -> None:
    """Several questions about one procedure ("is the gracilis surgery done asleep, and how long in
    hospital?"): a figure the page gives for facial reanimation surgery in general is said to be so
    (issue #9), as for a single question; the page's own facts about that procedure need no note."""
    if len(set(procedures)) != 1 or not ranker.treats(procedures[0]):
        return
    for fact in answer.facts:
        topics = [ranker.topics[t] for t in fact.topic_ids if t in ranker.topics and t not in HUB_TOPICS]
        if fact.fact.said_in_general(procedures[0]) and any(t.uses_procedure for t in topics) and not any(
                procedures[0] in c.fact.procedure_ids and set(c.topic_ids) & set(fact.topic_ids)
                for c in ranker.catalogue.values()):
            answer.general_for = procedures[0]
            return


def _keep_frames(answer: FactAnswer, ranker: FactRanker) -> None:
    """A fact that only makes sense in its topic's frame never stands alone, whichever question
    reached it: "Yes, if you have facial palsy" comes with its frame ("only your surgeon can
    say...") and the considerations, also as one answer of several (issue #9: never a bare "Yes")."""
    main = answer.main_topic.id if answer.main_topic is not None else None
    placed: set[str] = set()
    for fact in list(answer.facts):
        framing = [t for t in fact.topic_ids if t in ranker.topics and ranker.topics[t].frame_always]
        # a fact also of an unframed topic (the tests, also part of "how the decision is made") stands alone
        if fact.fact.id in placed or not framing or len(framing) < len(fact.topic_ids) or main in framing:
            continue
        group = [c for c in ranker.catalogue.values() if framing[0] in c.topic_ids]
        at = min(answer.facts.index(c) for c in group if c in answer.facts)
        answer.facts = [c for c in answer.facts if c not in group]
        answer.facts[at:at] = group  # in the page's order: the line, then what it depends on
        answer.frames[answer.facts[at].fact.id] = framing[0]
        placed.update(c.fact.id for c in group)
    answer.framed_ids = placed
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
