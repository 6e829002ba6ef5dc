"""How a question is read before its facts are chosen: the sentence of a long message that asks,
and the procedures it means (a bare family word, a name in passing, a sibling of the one discussed,
one its own words describe, or the one a correction means). ``actions/fact_answers.py`` says the
answer; this module only decides what the question is about, from the conversation.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.constants import PERSONAL_TOPICS, TOPIC_SLOT
from actions.fact_ranker import FactRanker
from actions.memory import named_in_passing, prefer_specific, sibling_named
from actions.named_procedures import mentioned_procedures, named_within, procedure_positions, procedures_outside
from actions.situation import asks_of_discussed, situation_for
from actions.turn import latest_intent, previous_text
from actions.which_one import compared_options, compared_with_other, listed_option_meant, other_meant
from clinic.corrections import Correction
from clinic.question_parts import looks_like_question, question_focus, short_question_focus

Positions = dict[str, list[tuple[int, int]]]
# Questions about the patient's own case ("so what can be done for me?"): the situation they just
# described says which facts apply.
SITUATION_INTENTS = frozenset({"ask_personal_advice", "ask_candidacy"})


def _short_focus(text: str, named: list[str], positions: Positions) -> tuple[int, int] | None:
    """A shorter message's question sentence when it names some, not all, of the procedures the
    message names: "My physio mentioned Botox and a neurectomy. What does Botox do?" asks about Botox."""
    short = short_question_focus(text)
    if short is None:
        return None
    inside = named_within(named, positions, short)
    return short if inside and len(inside) < len(named) else None


def focus_on_question(ranker: FactRanker, tracker: Tracker, text: str, named: list[str],
                      positions: Positions) -> tuple[str, list[str], Positions]:
    """The words that say which fact is asked for, the procedures they name, and where.

    A long story is read by its question sentence(s); what the story says was tried is not asked
    about, unless the question names it again ("that graft"). A question with no words of its own
    after the patient described their situation ("so what can be done for me?") is read with it."""
    personal = latest_intent(tracker) in SITUATION_INTENTS or (
        tracker.get_slot(TOPIC_SLOT) in PERSONAL_TOPICS)
    situation = previous_text(tracker)
    # filed under a personal topic, or shaped like one ("so what are my options then?", situation_for)
    filed_personal = (personal and situation and not looks_like_question(situation) and not named
                      and not ranker.asks_something(text))
    # "would I be kept in overnight?" after the story: the page's one figure, whatever the story says
    if filed_personal or (situation_for(tracker) is not None and not ranker.names_one_figure(text)):
        return f"{situation} . {text}", named, positions
    focus, own = question_focus(text), question_focus(text, with_context=False)
    if focus is None or own is None:
        focus = own = _short_focus(text, named, positions)
    if focus is None or own is None:
        return text, named, positions
    start, end = focus
    # a name in the sentence the question points back to is the story's ("my physio said there is an
    # operation that... what is that operation?"): its words count, it is not what is asked about
    positions = {p: [(a - start, b - start) for a, b in spans if own[0] <= a < end] for p, spans in positions.items()}
    story = [p for p in named if not positions.get(p)]
    named = [p for p in named if positions.get(p)]
    # The question's own words count twice: the sentence it points back to says what "that" or "those"
    # are ("my goals are to smile and close my eye. Does the dynamic kind help with both of those?"),
    # the question what is asked ("I go back every few months. Is there surgery for this tightness?").
    text = text[start:end] if (start, end) == own else f"{text[start:end]} . {text[own[0]:own[1]]}"
    if not named and story:
        positions = named_in_passing(tracker, text, story, ranker.procedure_names)
        named = [p for p in positions if p in story]
    ranker.background = [p for p in story if p not in named]
    return text, named, positions


def narrowed_by_words(ranker: FactRanker, text: str, named: list[str],
                      positions: Positions) -> tuple[list[str], Positions]:
    """Each procedure named by a bare family word ("graft", "transfer") replaced by the member of
    that family the question's own words single out (``FactRanker.narrower``)."""
    chosen: list[str] = []
    where: Positions = {}
    for procedure in named:
        spans = positions.get(procedure, [])
        words = {text[a:b].lower().strip().rstrip("s") for a, b in spans}
        word = words.pop() if len(words) == 1 else ""
        narrower = ranker.narrower(text, procedure, word) if word and " " not in word else procedure
        if narrower not in chosen:
            chosen.append(narrower)
        where.setdefault(narrower, []).extend(spans)
    return chosen, where


def procedures_meant(ranker: FactRanker, tracker: Tracker, text: str, named: list[str],
                     context: list[str]) -> tuple[list[str], Positions]:
    """The procedures the question is about, and where it names them: the specific one a bare word
    means, one named by the last word of its name ("what's the risk with the transfer?" after a
    nerve transfer), or one its own words describe ("is that the same for the surgery where they
    cut nerves?" after Botox, a procedure other than the one discussed)."""
    positions = procedure_positions(tracker)
    named, positions = prefer_specific(tracker, text, named, positions)
    named, positions = narrowed_by_words(ranker, text, named, positions)
    # "what does the therapy part involve, and how do the injections help?" after the treatments'
    # list: the one named in passing counts beside the one named in full
    passing = {p: spans for p, spans in named_in_passing(tracker, text, names=ranker.procedure_names).items()
               if p not in named and not any(_overlaps(spans, other) for other in positions.values())}
    if passing:
        positions = {**positions, **passing}
        named = sorted([*named, *passing], key=lambda p: min((a for a, _ in positions.get(p, [])), default=len(text)))
    if not named:
        named = compared_options(tracker, text)  # "how do they differ?" after a graft, then a transfer
    if not named:
        named = compared_with_other(ranker, tracker, text, context)  # "...different from the other type?"
    if not named:
        named = listed_option_meant(tracker)  # "and the first one?": by its place in a list or the conversation
    if not named and context:  # "and the transfer one?" after a nerve graft: the nerve transfer
        sibling = sibling_named(text, context[0], ranker.procedure_names)
        if sibling:
            named, positions = list(sibling), {**positions, **sibling}
    described = ranker.described(text) if not named and context and not asks_of_discussed(text) else None
    if described is not None and described not in context:
        named = [described]
    return named, positions


def _overlaps(spans: list[tuple[int, int]], others: list[tuple[int, int]]) -> bool:
    return any(a < d and c < b for a, b in spans for c, d in others)


# "the one for her eye", "the eye one, not the smile one", "the procedure that reroutes a nerve": options told apart
_POINTS_AT_OPTION = re.compile(r"\b(?:one|ones|op|operation|surgery|procedure|treatment|technique|kind|type)\b",
                               re.IGNORECASE)


def corrected_procedures(ranker: FactRanker, tracker: Tracker, fix: Correction,
                         context: list[str]) -> tuple[list[str], set[str]]:
    """The procedures a correction means, and those it rejects. "I meant my eyebrow, not the
    eyelid" after the eyelid surgery rejects the eyelid; "I mixed them up, I wanted the one that
    moves" rejects the one discussed and means one that could be confused with it."""
    named = procedures_outside(tracker, fix.not_meant)
    described = ranker.described(fix.not_meant)
    rejected = set(mentioned_procedures(tracker)) - set(named) | ({described} if described else set())
    if not named and context and (not fix.not_meant or _POINTS_AT_OPTION.search(f"{fix.meant} {fix.not_meant}")):
        # a sibling of the one discussed, else any procedure the correction's words describe ("i meant
        # the one for the eye" after a neurectomy; "...the one for her eye, not her smile": what was not
        # meant named no procedure, the one discussed was it; but "I meant for the tightness, not the
        # paralysis itself" keeps the procedure, and asks it of another condition)
        other = other_meant(ranker, fix.meant, context[0]) or ranker.described(fix.meant)
        if other is not None and other != context[0]:
            return [other], rejected | {context[0]}
    return named, rejected
