"""Questions that ask in which case a procedure is used, and the facts that say when they apply.

"When would I need a graft instead?", "when do they do that one?", "in what cases...", "if the nerve
is too damaged to be fixed, what do you do?": the page answers with the facts that say when they apply
("when nerve function cannot be restored", "When extensive nerve damage occurs"), whose own words such a
question need not share. The question gets one more word for it (it keeps its own), and the ranker
(``clinic.fact_ranking.FactIndex``) matches that word with those facts; asking when something happens
("when can I go back to work?") is not this question.
"""

from __future__ import annotations

import re

ASKS_CONDITION = re.compile(
    r"\bwhen (?:do|does|would|will|should|is|are|might|could|can)(?: \w+){0,4}? "
    r"(?:use|used|using|need|needed|choose|chosen|pick|picked|recommend|recommended|offer|offered|suggest|"
    r"suggested|necessary|required|indicated|opt|considered|performed|preferred|employed)\b"
    r"|\bwhen (?:do|does|would|will) (?:they|you|surgeons?|doctors?|the surgeons?|the doctors?) do\b"
    r"|\bin (?:what|which) (?:cases?|situations?|circumstances)\b|\bunder what circumstances\b"
    # "if the nerve is too damaged to be fixed, what do you do?"; "why do it instead of fixing the nerve?"
    r"|\bif\b[^.?!]{0,80}?\bwhat (?:do|does|would|will|can|could|should) (?:you|they|surgeons?|doctors?|we|i) do\b"
    r"|\bwhy (?:would|do|does|did|should|might)\b[^.?!]{0,60}?\b(?:instead of|rather than)\b")
CONDITION_WORD = "whenused"
# A fact that says when it applies: "When extensive nerve damage occurs, nerve grafting...".
CONDITION_CLAUSE = re.compile(r"\bwhen\b", re.IGNORECASE)


def with_condition_word(text: str) -> str:
    """``text`` (lower case) with ``CONDITION_WORD`` after each place it asks in which case."""
    return ASKS_CONDITION.sub(lambda m: f"{m.group(0)} {CONDITION_WORD} ", text)
