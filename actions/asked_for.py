"""What a question asks for beyond its topic (``clinic/asked_for.py``), put into its answer.

An operation: answered by the operations of the list it reached.

The synkinesis treatments are a list of four: an injection, a therapy and two operations (the
neurectomy and the myectomy, ``operation`` in knowledge/procedures.yml). "Is there an operation
for it?" after that list, or "is there any surgery for the tightness, or is it Botox forever?",
asks for the two operations; the fact ranking alone cannot tell, since the page describes them by
what they cut, never with the word "surgery", and it gave Botox, or one operation of the two. A
list whose every option is an operation (the surgery options) is left to the ranking: the word
then says nothing about which option. "Without surgery" asks for the opposite: that list's other options.
"""

from __future__ import annotations

from actions.fact_checks import approaches_of_kind
from actions.fact_ranker import HUB_TOPICS, FactAnswer, FactRanker
from clinic.asked_for import asks_for_operation, asks_if_open_to, kinds_weighed, rules_out_operation
from clinic.queries import CatalogueFact
from clinic.views import ProcedureView


def operations_asked(answer: FactAnswer, ranker: FactRanker, text: str, named: list[str],
                     discussed: list[str]) -> bool:
    """When ``text`` asks for an operation and the answer holds options of a list that has other
    kinds too: that list's operations, each by its own description, in the list's order, where
    the first of the list stood. An option of another kind stays only when the question names it
    ("...or is it Botox forever?" is answered on both sides), or was ``discussed`` just before. A
    question naming one of the operations ("is Botox a surgery like the neurectomy?") is about that
    one, not every operation. Whether the answer changed."""
    if not answer.facts or not asks_for_operation(text):
        return False
    changed = False
    for members, operations in _mixed_lists(ranker, _lists_shown(answer, ranker)):
        member_ids = {m.id for m in members}
        shown = [c for c in answer.facts if c.fact.procedure_ids and set(c.fact.procedure_ids) <= member_ids]
        at = answer.facts.index(shown[0])
        dropped = [c for c in shown if not set(c.fact.procedure_ids) & {*operations, *named, *discussed}]
        if set(named) & set(operations):
            # "is Botox a surgery like the neurectomy?" names its operation: that one is made sure of,
            # and the ranking's other facts stay ("...and is there another operation as well?")
            operations, dropped = [o for o in operations if o in named], []
        descriptions = [d for d in (ranker.description(p) for p in operations) if d is not None]
        kept = [c for c in answer.facts if c not in dropped]  # every fact before ``at`` stays
        # the options the question names first, then the operations asked for, then those discussed before
        named_first = [c for c in kept[at:] if set(c.fact.procedure_ids) & set(named) and c in shown]
        named_first += [d for d in descriptions if d not in named_first and set(d.fact.procedure_ids) & set(named)]
        _lead_at(answer, kept, at, named_first + [d for d in descriptions if d not in named_first])
        changed = True
    return changed


def operations_ruled_out(answer: FactAnswer, ranker: FactRanker, text: str) -> bool:
    """When ``text`` rules an operation out ("are there treatments that don't involve surgery?") and the
    answer holds options of a list that has other kinds too: that list's other options, each by its
    own description, where the first of the list stood, and none of its operations. Whether the
    answer changed."""
    if not answer.facts or not rules_out_operation(text):
        return False
    changed = False
    # the list of the topic asked about counts too when the ranking reached none of its options ("I'd rather
    # avoid another operation... treatments that don't involve surgery?" under synkinesis got what follows
    # an operation): its other options are what was asked for, first
    asked = [answer.topic.lists] if answer.topic is not None and answer.topic.lists else []
    for members, operations in _mixed_lists(ranker, [*_lists_shown(answer, ranker), *asked]):
        member_ids = {m.id for m in members}
        # every option before the list's first one stays where it is (none of them is one of its operations)
        at = next((i for i, c in enumerate(answer.facts)
                   if c.fact.procedure_ids and set(c.fact.procedure_ids) <= member_ids), 0)
        cut = set(operations)
        kept = [c for c in answer.facts if not (c.fact.procedure_ids and set(c.fact.procedure_ids) <= cut)]
        others = [d for d in (ranker.description(m.id) for m in members if m.id not in operations) if d is not None]
        _lead_at(answer, kept, at, [d for d in others if d not in kept[:at]])
        changed = True
    return changed


MixedList = tuple[list[ProcedureView], list[str]]  # a list's options, and the ids of its operations in order


def _mixed_lists(ranker: FactRanker, list_names: list[str]) -> list[MixedList]:
    """Each named list (once) that holds operations and options of other kinds too, with its operations
    in the list's order; a list of operations only (the surgery options) is the ranking's to answer."""
    mixed: list[MixedList] = []
    for list_name in dict.fromkeys(list_names):
        members = ranker.kb.options(list_name)
        operations = [m.id for m in members if m.operation]
        if operations and len(operations) < len(members):
            mixed.append((members, operations))
    return mixed


def _lead_at(answer: FactAnswer, kept: list[CatalogueFact], at: int, lead: list[CatalogueFact]) -> None:
    """The answer's ``kept`` facts with ``lead`` put where the list's first option stood (``at``)."""
    answer.facts = kept[:at] + lead + [c for c in kept[at:] if c not in lead]


# The topic whose line ("Yes, if you have facial palsy") answers whether surgery is open to someone, and
# the one it is confused with: how the decision is made, which does not say it.
CANDIDACY_TOPIC = "candidacy"
DECISION_TOPIC = "personal_advice"


def candidacy_asked(answer: FactAnswer, ranker: FactRanker, text: str) -> bool:
    """"Could surgery still be an option for me?" answered with how the decision is made: the page's
    candidacy line goes with it (its frame, "only your surgeon can say", comes along: ``_keep_frames``),
    since the question is whether it is open to them, not whether they need it. Whether it was added."""
    if not asks_if_open_to(text) or not any(DECISION_TOPIC in c.topic_ids for c in answer.facts):
        return False
    missing = [c for c in ranker.catalogue.values()
               if CANDIDACY_TOPIC in c.topic_ids and DECISION_TOPIC not in c.topic_ids and c not in answer.facts]
    answer.facts[1:1] = missing
    return bool(missing)


def both_kinds_asked(answer: FactAnswer, ranker: FactRanker, text: str) -> bool:
    """"Would it give me a moving smile, or just make my face look even?" weighs the two kinds of surgery:
    each kind's description, the first asked first, leads the answer, unless a fact of the answer already
    tells both (the upper face's "static options ... while dynamic options ..."). Whether it changed."""
    kinds = [p for kind in kinds_weighed(text) for p in approaches_of_kind(ranker.kb, kind)]
    if len(kinds) < 2 or any(set(kinds) <= set(c.fact.procedure_ids) for c in answer.facts):
        return False
    lead = [d for d in (ranker.description(p) for p in kinds) if d is not None]
    if answer.facts[:len(lead)] == lead:
        return False
    answer.facts = lead + [c for c in answer.facts if c not in lead]
    return True


def specific_before_general(answer: FactAnswer, ranker: FactRanker, named: list[str]) -> bool:
    """A general fact shown beside one procedure the page says more of on that fact's topic ("the main risk of the
    op where a thigh muscle goes into the cheek?" got that operation's description and the risks of surgery in
    general): the page's own words on that procedure come first, the general ones after. The procedure is one the
    message names, or else the only one the answer describes; never one only of the conversation before (the
    context already leads its topic's answer: ``_complete``). Whether it changed."""
    described = {p for c in answer.facts if HUB_TOPICS & set(c.topic_ids) for p in c.fact.procedure_ids}
    about = set(named) or (described if len(described) == 1 else set())
    changed = False
    for general in [c for c in answer.facts if not c.fact.procedure_ids]:
        topics = set(general.topic_ids) - HUB_TOPICS
        own = [c for c in ranker.catalogue.values() if c not in answer.facts and not c.fact.general
               and topics & set(c.topic_ids) and about & set(c.fact.procedure_ids)]
        at = answer.facts.index(general)
        answer.facts[at:at] = own
        changed = changed or bool(own)
    return changed


def _lists_shown(answer: FactAnswer, ranker: FactRanker) -> list[str]:
    """The numbered lists whose options the answer's facts are about (each fact about one option)."""
    names = []
    for fact in answer.facts:
        views = [ranker.kb.procedure(p) for p in fact.fact.procedure_ids]
        names += [v.list_name for v in views if v is not None and v.list_name]
    return names
