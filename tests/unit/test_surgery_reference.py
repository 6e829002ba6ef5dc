"""Words that only point back to "the surgery" weigh little in the fact ranking."""

from __future__ import annotations

from clinic.fact_ranking import FactEntry, FactIndex

FACTS = [FactEntry("kinds", ("t",), (), "There are two types of surgeries: static and dynamic", ("types", "kinds")),
         FactEntry("anaesthesia", ("t",), (), "Anesthesia: Local, Sedation, or General", ("anaesthesia", "put under")),
         FactEntry("time", ("t",), (), "Operation time: 1-5 hours", ("how long", "hours"))]


def test_this_kind_of_surgery_does_not_outweigh_what_is_asked() -> None:
    ranked = FactIndex(FACTS).rank("which anaesthesia is used for this kind of surgery?", {})
    assert ranked[0].fact.id == "anaesthesia"


def test_a_question_about_kinds_of_surgery_still_finds_them() -> None:
    assert FactIndex(FACTS).rank("what types of surgery are there?", {})[0].fact.id == "kinds"


def test_the_operation_still_counts_a_little() -> None:
    scores = FactIndex(FACTS).lexical_scores("how long is the operation?")
    assert scores[2] > 0 and scores[2] == max(scores)


def test_a_gap_left_by_a_procedure_name_is_no_reference() -> None:
    index = FactIndex(FACTS)
    assert index.lexical_scores("the  operation") > index.lexical_scores("the operation")
