"""Several questions in one message: its parts (each question, each side of a compared pair, each
item of a list of topics), the procedure each one names, and each one's facts. A question of few
words of its own leans on the one before it: "if not, what then?" asks for the options the page turns
to next, "and is there an operation for it?" asks within the topic just asked about.
Plain ranking on the knowledge base; ``actions/fact_selection.py`` assembles the answer.
"""

from __future__ import annotations

import re

from actions.fact_ranker import (
    HUB_TOPICS,
    KEYWORD_WEIGHT,
    MAX_FACTS,
    MAX_FACTS_PER_QUESTION,
    MAX_QUESTIONS,
    PART_SHARE,
    SPECIFIC_MATCH,
    FactAnswer,
    FactRanker,
)
from actions.which_one import the_other_of_pair
from clinic.asked_choices import asks_alternatives
from clinic.fact_ranking import Scored
from clinic.question_parts import comparison_sides, described_option, is_comparison, looks_like_question, points_back
from clinic.question_split import split_questions

Asked = list[tuple[str, list[str]]]  # each question's text and the procedures it names


def asked_parts(ranker: FactRanker, text: str, named: list[str],
                positions: dict[str, list[tuple[int, int]]], context: list[str] | None = None,
                context_topic: str | None = None, written: str = "") -> Asked:
    """The questions of ``text`` that ask something, each with the procedures named in it
    (``context``, ``context_topic``: the procedure and topic of the conversation so far;
    ``written``: ``text`` before its names were blanked, same offsets)."""
    parts = [item for part in split_questions(text)
             for side in (comparison_sides(part) if is_comparison(part) else [part])
             for item in _listed_topics(ranker, side)]
    asked: Asked = []
    starts = _starts(text, parts)
    for part, start, end in zip(parts, starts, [*starts[1:], len(text)], strict=True):
        # a part runs to the next one: its blanked name may sit in the spaces stripped off its end
        part_named = [p for p in named if any(start <= a < end for a, _ in positions.get(p, []))]
        if len(written) == len(text):  # from where the part itself begins (the first one's start is 0)
            ranker.written[part] = written[max(text.find(part, start), start):end]
        # "3 questions:" asks nothing; "if not, what then?" and "is there an operation for it?" after
        # a question ask with it, in few words of their own
        # "when would they use it?" mid-conversation asks about the procedure discussed before, "why
        # do you need all those?" after the tests about the topic discussed
        if (part_named or ranker.asks_something(part) or asks_what_reanimation_is(part)
                or (asked and _leans_on_earlier(ranker, part, asked))
                or ((context or context_topic) and not asked and points_back(part) and looks_like_question(part))):
            asked.append((part, part_named))
    return asked


# "What actually is facial reanimation, and how long does it take?": the clinic's subject words are left out of
# the ranking (they are in half the questions and single out no fact), so a part asking what the subject itself
# is has no words of any fact; it still asks, and asks for the topic of what facial reanimation is (the one whose
# keyword is the subject's name), whatever the classifier makes of its other words ("two things: ...").
_WHAT_REANIMATION_IS = re.compile(
    r"\b(?:what(?:'s|\s+is|\s+does)|what\s+\w+\s+is|define|explain|meaning\s+of)\b"
    r"[^?.!]{0,30}\breanimation(?:\s+surgery)?(?:\s+(?:actually|exactly|really|anyway|in the first place|"
    r"to begin with|in simple terms|in plain (?:english|words)))?\W*$", re.IGNORECASE)


def asks_what_reanimation_is(part: str) -> bool:
    return bool(_WHAT_REANIMATION_IS.search(part))


def _about_subject(ranker: FactRanker, part: str) -> dict[str, float] | None:
    """The reading of a part that asks what facial reanimation is: its topic, surely."""
    if not asks_what_reanimation_is(part):
        return None
    about = [t for t in ranker.topics.values() if "reanimation" in t.keywords]
    return {about[0].intent: 1.0} if len(about) == 1 else None


def add_facts(answer: FactAnswer, ranker: FactRanker, scored: list[Scored]) -> None:
    for item in scored:
        fact = ranker.catalogue[item.fact.id]
        if fact not in answer.facts and len(answer.facts) < MAX_FACTS:
            answer.facts.append(fact)


def answer_each(answer: FactAnswer, ranker: FactRanker, asked: Asked,
                intent_confidence: dict[str, float], named: list[str], context: list[str],
                context_topic: str | None, excluded_topic: str | None) -> None:
    """Several questions: each one's facts, ranked with the classifier's reading of it alone."""
    per_question: list[list[Scored]] = []
    for index, (part, part_named) in enumerate(asked[:MAX_QUESTIONS]):
        own = _about_subject(ranker, part) or ranker.part_confidence(part)
        weights = ranker.topic_weights(part, intent_confidence if own is None else own, context_topic,
                                       excluded_topic, share=0.5 if own is None else PART_SHARE)
        shown = {f.fact.id for f in answer.facts} | {s.fact.id for chosen in per_question for s in chosen}
        earlier = per_question[-1] if per_question else []
        following = _options_next(ranker, part, weights, earlier) if not part_named and earlier else []
        if following:
            per_question.append(following)
            continue
        # "what is a nerve transfer, and can it lead to synkinesis?": "it" is the one procedure named,
        # so the question is about it, not the overview of the synkinesis treatments
        leans_on_named = len(named) == 1 and points_back(part)
        broad = [] if part_named or leans_on_named else _broad_on_list(ranker, part, own or intent_confidence,
                                                                       weights, shown)
        if broad:
            per_question.append(broad)
            continue
        if (not part_named and context and points_back(part) and not any(n for _, n in asked[:index])
                and not _singles_out_another(ranker, part, weights, context)):
            # "when is it needed? could they not just repair the nerve instead?" after the graft: a
            # pronoun before any name of this message points back to the one discussed before it,
            # unless its words ask for another ("...and what if the damage is too big for it?")
            part_named = list(context)
        # "what is facial reanimation in the first place, and does the static kind make it move?":
        # the question about the subject itself is about no procedure of the message
        part_named = part_named or the_other_of_pair(ranker, part, context) or _described(ranker, part) or (
            [] if asks_what_reanimation_is(part) else _inherited(ranker, part, named, weights))
        if not part_named and earlier and not ranker.asks_something(part) and points_back(part):
            _lean_on(ranker, part, weights, earlier)
        # the conversation's procedure is this message's when it names one (the slot is filled
        # from it): it does not pull the message's other questions towards it
        part_context = [] if named else context
        if not part_named:
            # "is there stuff she can do instead of the needles? ..." after Botox: the others, as for one question
            part_context = without_failed(ranker, part, part_context)
        part_named = without_failed(ranker, part, part_named)
        per_question.append(ranker.best_new(part, weights, part_named, part_context, shown))
        ranker.avoided, ranker.within = set(), set()
    # each question's best fact first, then the second ones while there is room: a third question
    # is never crowded out by the first two questions' second facts
    for rank in range(MAX_FACTS_PER_QUESTION):
        add_facts(answer, ranker, [chosen[rank] for chosen in per_question if len(chosen) > rank])


def _asks_what_next(ranker: FactRanker, part: str) -> bool:
    """"If not, what then?", "if that fails, what else is possible?": a question for the other
    options whose own words single out no fact and name no topic, so it can only mean the options
    after the one the question before it was about."""
    if not asks_alternatives(part) or any(ranker.names_topic(t, part) for t in ranker.topics.values()):
        return False
    ranked = ranker.index.rank(part, {})
    return not ranked or ranked[0].lexical < SPECIFIC_MATCH


def _options_next(ranker: FactRanker, part: str, weights: dict[str, float], earlier: list[Scored]) -> list[Scored]:
    """"Can the nerve be stitched back, and if not, what then?": the facts of the options the page
    turns to after the one the question before was answered with, in the page's order."""
    if not _asks_what_next(ranker, part):
        return []
    following = ranker.options_after(list(earlier[0].fact.procedures))[:MAX_FACTS_PER_QUESTION]
    own = [[s for s in ranker.ranked(part, weights, [p], []) if p in s.fact.procedures
            and ranker.detail_topic(p) in s.fact.topics][:1] for p in following]
    return [s for facts in own for s in facts]


def _broad_on_list(ranker: FactRanker, part: str, reading: dict[str, float], weights: dict[str, float],
                   shown: set[str]) -> list[Scored]:
    """"What do you treat synkinesis with, and ...?": a question naming one topic that lists options,
    which the classifier also reads as about that topic (``reading``: of this question alone when
    there is one) and whose other words single out no fact, asks for that topic's overview in the
    page's order (as the same question alone gets), not for the one option a common word matches."""
    listing = [t for t in ranker.topics.values() if t.lists and ranker.names_topic(t, part)]
    if len(listing) != 1 or not reading or max(reading, key=reading.__getitem__) != listing[0].intent:
        return []
    rest = ranker.index.rank(listing[0].without_keywords(part), {})
    if rest and rest[0].lexical >= SPECIFIC_MATCH:
        return []
    scored = {s.fact.id: s for s in ranker.ranked(part, weights, [], [])}
    overview = [c.fact.id for c in ranker.catalogue.values() if listing[0].id in c.topic_ids]
    return [scored[i] for i in overview if i in scored and i not in shown][:MAX_FACTS_PER_QUESTION]


def _leans_on_earlier(ranker: FactRanker, part: str, asked: Asked) -> bool:
    """A question of few words asking with the one before it, unless it only repeats an earlier one
    (a long story's question is read with the sentence it points back to, and again alone)."""
    if set(_WORD.findall(part.lower())) <= {w for earlier, _ in asked for w in _WORD.findall(earlier.lower())}:
        return False
    return _asks_what_next(ranker, part) or points_back(part) and max(ranker.index.lexical_scores(part)) > 0


def _lean_on(ranker: FactRanker, part: str, weights: dict[str, float], earlier: list[Scored]) -> None:
    """"...and is there an operation for it?" after a question about synkinesis: a question that
    points back and names no topic of its own asks within the topic of the question before it."""
    if any(ranker.names_topic(t, part) for t in ranker.topics.values()):
        return
    ranker.within = {t for t in earlier[0].fact.topics if t not in HUB_TOPICS}
    for topic_id in ranker.within & weights.keys():
        weights[topic_id] = max(weights[topic_id], KEYWORD_WEIGHT)


_WORD = re.compile(r"[a-z0-9']+")
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)


def _listed_topics(ranker: FactRanker, part: str) -> list[str]:
    """"Anaesthesia, hospital stay and time off work?": a list whose every item names a different
    topic is that many questions; anything else ("swelling and bruising") stays one question."""
    items = [item for item in _LIST_SEPARATOR.split(part) if item.strip()]
    if len(items) < 2 or len(items) > MAX_QUESTIONS:
        return [part]
    by_keyword = [[t.id for t in ranker.topics.values() if ranker.names_topic(t, item)] for item in items]
    if not any(by_keyword):  # a story's commas ("he's 80, had his gland removed") list no topics
        return [part]
    named = [topics or _fact_topics(ranker, item) for topics, item in zip(by_keyword, items, strict=True)]
    if not all(named) or len({topics[0] for topics in named}) < len(items):
        return [part]
    return items


_LIST_ITEM_WORDS = 8


def _fact_topics(ranker: FactRanker, item: str) -> list[str]:
    """The topics of the one fact an item's words single out: in "op time how long, in hospital I
    need to sleep", the first item names no topic's keyword, but its words are the surgery time's."""
    if len(item.split()) > _LIST_ITEM_WORDS or "." in item:  # a sentence of a story is no item of a list
        return []
    ranked = ranker.index.rank(item, {})
    return list(ranked[0].fact.topics) if ranked and ranked[0].lexical >= SPECIFIC_MATCH else []


def _starts(text: str, parts: list[str]) -> list[int]:
    """Where each part of ``text`` begins, searching on from the previous one; the first begins at
    the start, so a name blanked before it ("Botox or surgery...?") is still its own."""
    starts, at = [], 0
    for part in parts:
        found = text.find(part, at)
        starts.append(found if found >= 0 else at)
        at = starts[-1] + len(part)
    return [0, *starts[1:]] if starts else starts


def _inherited(ranker: FactRanker, part: str, named: list[str], weights: dict[str, float]) -> list[str]:
    """The one procedure the message names, for a question of it that names none ("what is the
    graft, and how long does it take?"), unless that question's own words ask about another
    procedure ("do you do physio, and is there a surgery that cuts nerve branches?")."""
    if len(named) != 1:
        return []
    if points_back(part):
        return named
    # its words single out another procedure's fact, or a general one ("how long is recovery")
    return [] if _singles_out_another(ranker, part, weights, named, general_too=True) else named


def _singles_out_another(ranker: FactRanker, part: str, weights: dict[str, float], procedures: list[str],
                         general_too: bool = False) -> bool:
    """Whether the question's own words clearly single out a fact about another procedure than these
    (``general_too``: or a fact about none)."""
    ranked = ranker.index.rank(part, weights)
    top = ranked[0].fact if ranked and ranked[0].lexical >= SPECIFIC_MATCH else None
    if top is None or set(procedures) & set(top.procedures):
        return False
    return general_too or bool(top.procedures)


def _described(ranker: FactRanker, part: str) -> list[str]:
    """"How does the first one work, and what does the therapy one involve?": the option a question
    tells apart by a word of its description, when those words single out one procedure's fact."""
    words = described_option(part)
    procedure = ranker.described(words, distinct=True) if words else None
    return [procedure] if procedure else []


def without_failed(ranker: FactRanker, question: str, named: list[str]) -> list[str]:
    """The procedures a question asks about: not one it says did not help ("what if physio isn't
    enough?"), which the ranking then leaves out (``FactRanker.avoided``) so the others answer. Given the
    conversation's one procedure, the same for a question asking around it ("what are my other options?")."""
    if len(named) != 1 or not asks_alternatives(question):
        return named
    ranker.avoided = set(named)
    return []
