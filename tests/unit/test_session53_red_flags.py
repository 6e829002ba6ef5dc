"""Session 53: a denial of doing "anything stupid" or of "thinking to harm" oneself beside a mood told as hacked off
or weary is a check-in, as is "no voy a hacer ninguna locura" beside "cansancio"; a count of co-codamol
taken, a count of tablets worked out, "terminar con todo" at a clause's end and a plan beside "I won't do anything
silly" are urgent; being startled ("jump out of my skin"), an attempt dated "decades back" and "what can go wrong
after the operation? infection?" are no crisis, nor is an operation weighed up without a comma ("once I go through
with it will the scar heal well?"). Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

import pytest
from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.test_red_flags import kinds, urgent


@pytest.mark.parametrize("text", [
    "Been in a foul mood all week over my face. I won't do anything stupid, I'm just hacked off. When is clinic?",
    "Not thinking to harm myself or anything, I'm only weary of it all. Is the next review in May?",
    "Llevo meses de cansancio con tantas visitas, pero tranquilos, no voy a hacer ninguna locura. ¿Cuándo es la cita?",
])
def test_nothing_rash_meant_beside_a_mood_is_a_check_in(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", [
    "Took 20 of my co-codamol about an hour ago, feeling odd.",
    "I'm not going to do anything daft, honestly. I've just counted out how many I'd need, that's all.",
    "No aguanto más esta cara. Mañana voy a terminar con todo.",
    # "nothing stupid" is no stated safety: a plan beside it stays urgent
    "Don't worry, I won't do anything silly. I've already chosen the night I'll do it.",
])
def test_tablets_taken_or_counted_and_ending_it_all_are_urgent(nlp: Language, rules: RedFlagRules,
                                                                text: str) -> None:
    assert urgent(nlp, rules, text)[:1] == ["self_harm"], text


@pytest.mark.parametrize("text", [
    "The nurse made me jump out of my skin when she called my name. Will the consultation take long?",
    "Decades back I tried to kill myself. Life is good now. Does that rule out an operation?",
    "What sort of things can go wrong after the operation? Infection?",
    "Quiero terminar con todo el tratamiento antes de junio, ¿es posible?",
    "Once I go through with it will the scar heal well?",
    "I've worked out how many weeks I'd need off work. Is five enough after the graft?",
])
def test_a_startle_an_old_attempt_and_general_questions_are_no_crisis(nlp: Language, rules: RedFlagRules,
                                                                       text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", [
    "I had surgery last week. What problems can happen from a wound leaking pus like mine?",
    "If I went through with it would anyone even notice I was gone?",
])
def test_a_wound_told_and_a_wish_stay_urgent(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) != [], text
