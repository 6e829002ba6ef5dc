"""The query layer on SQLite and PostgreSQL: answers, context rules, search, the red-flag log."""

from __future__ import annotations

import pytest
from sqlalchemy import event, func, select, text

from clinic.content import load, read_content
from clinic.db import create_schema, get_engine
from clinic.errors import KnowledgeBaseUnavailable
from clinic.models import Fact
from clinic.queries import KnowledgeBase


def fact_ids(answer) -> list[str]:
    return [f.id for f in answer.facts]


def test_procedure_specific_facts_come_first_then_general(kb: KnowledgeBase) -> None:
    answer = kb.answer("risks", "nerve_transfer")
    assert fact_ids(answer) == ["specific_risks", "general_risks", "additional_procedures"]
    assert not answer.general_only
    assert "discussing risks and benefits with the surgeon" in answer.closing


def test_general_topic_for_a_procedure_says_it_is_general(kb: KnowledgeBase) -> None:
    answer = kb.answer("duration", "gracilis")
    assert fact_ids(answer) == ["surgery_time"] and answer.general_only


def test_without_procedure_every_fact_and_the_list(kb: KnowledgeBase) -> None:
    answer = kb.answer("synkinesis")
    assert fact_ids(answer) == ["botox", "physical_therapy", "selective_neurectomy", "selective_myectomy"]
    assert [o.id for o in answer.options] == fact_ids(answer)
    # the page's two risk sentences, and its next one on the procedures complications may need
    assert len(kb.answer("risks").facts) == 3


def test_page_figures_are_stated_exactly(kb: KnowledgeBase) -> None:
    figures = {"duration": "1-5 hours", "anesthesia": "Local, Sedation, or General",
               "hospital_stay": "Outpatient or Hospital Stay", "time_off_work": "1-5 weeks",
               "recovery": "2 weeks to 2 years"}
    for topic, figure in figures.items():
        assert figure in [f.text for f in kb.answer(topic).facts]


def test_topics_and_menu(kb: KnowledgeBase) -> None:
    assert kb.topic_for_intent("ask_risks").id == "risks"
    assert kb.topic_for_intent("no_such_intent") is None
    menu = [t.id for t in kb.menu()]
    assert menu[0] == "about" and "procedure_info" not in menu and "personal_advice" not in menu
    assert [o.list_order for o in kb.options("surgery_options")] == list(range(1, 10))


def test_topics_mentioned_in_a_two_part_question(kb: KnowledgeBase) -> None:
    found = [t.id for t in kb.topics_mentioned("How long is surgery and will I need to stay in hospital?")]
    assert found == ["duration", "hospital_stay"]


@pytest.mark.parametrize(
    ("query", "topic"),
    [("blinking eyelid closure", "eye"), ("electromyography", "diagnosis"), ("hematoma infection", "risks"),
     ("neuromuscular retraining massage", "synkinesis")],
)
def test_search_finds_the_topic(kb: KnowledgeBase, query: str, topic: str) -> None:
    assert topic in [t.id for t in kb.suggest_topics(query)]


@pytest.mark.parametrize("hostile", ["'; DROP TABLE facts; --", '"unbalanced NEAR(', "*", "", "   ", "x" * 100_000,
                                     "AND OR NOT", "\x00\x01", "émoji 😀 façade"])
def test_search_survives_hostile_input(kb: KnowledgeBase, hostile: str) -> None:
    kb.suggest_topics(hostile)
    with kb.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Fact)).scalar_one() > 30


def test_red_flag_log_keeps_events_newest_first(kb: KnowledgeBase) -> None:
    first = kb.record_red_flag("patient-1", "stroke", "my face dropped", "rest")
    second = kb.record_red_flag("patient-2", "post_op", "y" * 10_000, "telegram")
    records = kb.red_flags()
    assert [r.id for r in records[:2]] == [second, first]
    assert records[0].kind == "post_op" and len(records[0].message) == 4000 and records[0].channel == "telegram"
    assert records[1].created_at is not None


def test_messages_fill_settings_and_survive_a_broken_database(tmp_path) -> None:
    broken = KnowledgeBase(get_engine(f"sqlite:///{tmp_path / 'empty.db'}"))
    text_value = broken.message("red_flag.stroke")
    assert "911" in text_value and "{emergency_number}" not in text_value
    with pytest.raises(KnowledgeBaseUnavailable):
        broken.answer("risks")
    with pytest.raises(KnowledgeBaseUnavailable):
        broken.check()


def test_unknown_topic_raises(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError):
        kb.answer("prices")


def test_queries_use_bound_parameters(kb: KnowledgeBase) -> None:
    kb.topic_for_intent("x' OR '1'='1")
    assert kb.procedure("gracilis' --") is None
    with kb.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM topics")).scalar_one() == 17


def test_answers_come_from_memory_without_a_database_round_trip(kb: KnowledgeBase) -> None:
    kb.answer("risks")  # the first call reads the snapshot
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        statements.append(statement)

    event.listen(kb.engine, "before_cursor_execute", count)
    try:
        for _ in range(3):
            kb.answer("risks", "nerve_transfer")
            kb.topic_for_intent("ask_recovery")
            kb.options("surgery_options")
            kb.message("greet")
    finally:
        event.remove(kb.engine, "before_cursor_execute", count)
    assert statements == []


def test_a_new_content_load_is_served_after_the_refresh_interval(tmp_path) -> None:
    now = [0.0]
    engine = get_engine(f"sqlite:///{tmp_path / 'reload.db'}")
    content = read_content()
    load(engine, content)
    kb = KnowledgeBase(engine, refresh_seconds=2.0, clock=lambda: now[0])
    assert "Hello" in kb.message("greet")
    content.messages["greet"] = "Welcome back to the clinic's assistant."
    content.fingerprint = "changed"
    load(engine, content)
    now[0] = 1.0
    assert "Hello" in kb.message("greet")  # still within the interval: no database check yet
    now[0] = 3.0
    assert kb.message("greet") == "Welcome back to the clinic's assistant."


def test_an_empty_database_is_unavailable_not_silent(tmp_path) -> None:
    engine = get_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    create_schema(engine)
    kb = KnowledgeBase(engine)
    with pytest.raises(KnowledgeBaseUnavailable, match="make content"):
        kb.check()
    with pytest.raises(KnowledgeBaseUnavailable):
        kb.topics()
