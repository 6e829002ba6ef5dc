"""The red-flag rules' cases of session 22 on (``tests/unit/red_flag_cases/``, one module per session, each
saying why its cases are there): an emergency gets its advice first, an ordinary question with alarming
words is answered, a low mood in everyday words gets the check-in's gentle line and nothing more."""

from __future__ import annotations

import os
from types import ModuleType

import pytest

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from spacy.language import Language

from nlp.red_flags import RedFlagRules
from tests.unit.red_flag_cases import (
    session22,
    session23,
    session24,
    session25,
    session26,
    session27,
    session28,
    session30,
)
from tests.unit.test_red_flags import kinds, urgent

SESSIONS: tuple[ModuleType, ...] = (session22, session23, session24, session25, session26, session27, session28,
                                    session30)


def _cases(name: str) -> list[object]:
    """Every session's list of that name, each case named by its session."""
    return [pytest.param(*(case if isinstance(case, tuple) else (case,)), id=f"{_session(module)}-{i}")
            for module in SESSIONS for i, case in enumerate(getattr(module, name, []))]


def _session(module: ModuleType) -> str:
    return module.__name__.rsplit(".", 1)[-1]


@pytest.mark.parametrize(("text", "kind"), _cases("NOW_URGENT"))
def test_an_emergency_in_plain_words_gets_its_advice_first(nlp: Language, rules: RedFlagRules, text: str,
                                                           kind: str) -> None:
    assert urgent(nlp, rules, text)[:1] == [kind], text


@pytest.mark.parametrize(("text", "expected"), _cases("EXACT_URGENT"))
def test_an_emergency_gets_only_its_own_advice(nlp: Language, rules: RedFlagRules, text: str,
                                               expected: list[str]) -> None:
    assert urgent(nlp, rules, text) == expected, text


@pytest.mark.parametrize("text", _cases("NOT_URGENT"))
def test_ordinary_words_that_read_as_risk_are_answered(nlp: Language, rules: RedFlagRules, text: str) -> None:
    assert urgent(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", _cases("LOW_MOOD_CHECKIN"))
def test_a_low_mood_told_in_everyday_words_gets_the_gentle_line(nlp: Language, rules: RedFlagRules,
                                                                text: str) -> None:
    assert kinds(nlp, rules, text) == ["checkin"], text


@pytest.mark.parametrize("text", _cases("NO_CHECKIN"))
def test_physical_words_that_share_the_mood_vocabulary_get_no_check_in(nlp: Language, rules: RedFlagRules,
                                                                       text: str) -> None:
    assert kinds(nlp, rules, text) == [], text


@pytest.mark.parametrize("text", _cases("NO_SELF_HARM_CUE"))
def test_words_that_only_look_like_a_farewell_give_the_risk_model_no_sign(nlp: Language, rules: RedFlagRules,
                                                                         text: str) -> None:
    assert [f.kind for f in rules.detect(nlp(text)) if f.kind.startswith("self_harm")] == [], text
