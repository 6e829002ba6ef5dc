"""Content files: validation catches each kind of mistake; loading is an idempotent upsert."""

from __future__ import annotations

import copy

import pytest
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from clinic.content import PAGE_PATH, Content, load, read_content, validate, validated_content
from clinic.models import Fact
from clinic.queries import KnowledgeBase
from clinic.settings import Settings
from nlp.vocabulary import canonical_ids

PAGE = PAGE_PATH.read_text(encoding="utf-8")
VOCABULARY = {i for label in ("procedure", "treatment", "test") for i in canonical_ids(label)}


def problems_after(change) -> list[str]:
    content = copy.deepcopy(read_content())
    change(content)
    return validate(content, PAGE, VOCABULARY)


def test_shipped_content_is_valid() -> None:
    assert validate(read_content(), PAGE, VOCABULARY) == []


def test_page_copy_matches_the_clinic_source() -> None:
    shared = PAGE_PATH.parents[3] / "shared" / "source" / "clinic-facial-reanimation-page.txt"
    if not shared.exists():
        pytest.skip("the shared source folder is not beside this checkout")
    assert shared.read_text(encoding="utf-8") == PAGE


def _fact(content: Content, fact_id: str) -> dict:
    return next(f for f in content.facts if f["id"] == fact_id)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda c: _fact(c, "surgery_time").update(source=["3-7 hours"]), "source not found"),
        (lambda c: _fact(c, "surgery_time").update(source=[]), "has no source"),
        (lambda c: _fact(c, "surgery_time").update(topics=["prices"]), "topic 'prices' does not exist"),
        (lambda c: _fact(c, "botox").update(procedures=["laser"]), "procedure 'laser' does not exist"),
        (lambda c: c.facts.append(dict(_fact(c, "botox"))), "fact id 'botox' is used more than once"),
        (lambda c: c.messages.update(greet="Call {clinic_fax}"), "unknown placeholder {clinic_fax}"),
        (lambda c: c.topics[0].update(closing="nowhere"), "closing fact 'nowhere' does not exist"),
        (lambda c: c.topics[0].update(frame_always=True, intro=""), "frame_always needs an intro"),
        (lambda c: c.procedures.append({**c.procedures[0], "id": "laser"}), "'laser' is not in nlp/vocabulary.yml"),
        (lambda c: c.procedures.pop(0), "has no entry in procedures.yml"),
        (lambda c: _fact(c, "anesthesia").update(text="Call {clinic_phone}"), "take no placeholders"),
    ],
)
def test_validation_reports_each_mistake(change, expected: str) -> None:
    problems = problems_after(change)
    assert any(expected in p for p in problems), problems


def test_unknown_field_and_malformed_yaml_are_reported(tmp_path) -> None:
    for name in ("topics.yml", "procedures.yml", "messages.yml"):
        (tmp_path / name).write_text((PAGE_PATH.parents[1] / name).read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "facts.yml").write_text("facts:\n  - id: x\n    topics: [about]\n    txt: typo\n", encoding="utf-8")
    problems = read_content(tmp_path).problems
    assert any("unknown field 'txt'" in p for p in problems)
    assert any("missing 'text'" in p for p in problems)
    (tmp_path / "facts.yml").write_text("facts: [unclosed\n", encoding="utf-8")
    assert any("cannot be read" in p for p in read_content(tmp_path).problems)


def test_load_is_idempotent_and_tracks_changes(engine: Engine) -> None:
    content = validated_content()
    first = load(engine, content)
    assert first["facts"]["created"] == len(content.facts)
    second = load(engine, content)
    assert all(not any(counts.values()) for counts in second.values()), second

    reworded = copy.deepcopy(content)
    _fact(reworded, "surgery_time")["text"] = "1-5 hours (reworded by staff)"
    assert load(engine, reworded)["facts"] == {"created": 0, "updated": 1, "deleted": 0}
    assert "reworded by staff" in KnowledgeBase(engine).answer("duration").facts[0].text

    reworded.facts = [f for f in reworded.facts if f["id"] != "clinic_mission"]
    assert load(engine, reworded)["facts"]["deleted"] == 1
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Fact)).scalar_one() == len(content.facts) - 1


def test_a_fact_that_says_more_than_its_sources_is_refused() -> None:
    problems = problems_after(lambda c: _fact(c, "surgery_time").update(text="1-5 hours, painless and quick"))
    assert any("surgery_time" in p and "painless" in p and "quick" in p for p in problems)
    problems = problems_after(lambda c: _fact(c, "nerve_transfer").update(label="Guaranteed results"))
    assert any("nerve_transfer" in p and "label" in p and "guaranteed" in p for p in problems)


def test_paraphrase_with_joining_words_and_inflections_passes() -> None:
    assert problems_after(lambda c: _fact(c, "regional_muscle_transfer").update(
        text="Regional muscle transfers may be used when nerve function cannot be restored.")) == []


def test_a_fragment_source_is_refused() -> None:
    for fragment in ("1-5 hours", "microsurgical facial nerve repair", "nerve transfer may bypass the injured"):
        problems = problems_after(lambda c, f=fragment: _fact(c, "surgery_time").update(source=[f]))
        assert any("fragment" in p for p in problems), fragment


def test_a_list_intro_rests_on_its_facts_sources() -> None:
    problems = problems_after(lambda c: next(t for t in c.topics if t["id"] == "options").update(
        list_intro="Our award-winning techniques include:"))
    assert any("list intro" in p and "award" in p for p in problems)


@pytest.mark.parametrize("key", ["disclaimer", "empty_message", "cannot_answer", "greet", "red_flag.stroke",
                                 "red_flag.self_harm"])
def test_messages_every_reply_path_needs_are_required(key: str) -> None:
    problems = problems_after(lambda c: c.messages.pop(key))
    assert any(f"'{key}' is missing" in p for p in problems)


def test_urgent_advice_is_required_in_every_language_used() -> None:
    problems = problems_after(lambda c: c.messages.update({"fr.red_flag.stroke": "Appelez le {emergency_number}."}))
    assert any("'fr.red_flag.self_harm' is missing" in p for p in problems)
    assert any("'fr.disclaimer' is missing" in p for p in problems)
    assert not any("'fr.red_flag.stroke' is missing" in p for p in problems)
    assert any("'es.red_flag.breathing' is missing" in p for p in problems_after(
        lambda c: c.messages.pop("es.red_flag.breathing")))


def test_the_spanish_post_op_advice_reads_right_without_an_urgent_number() -> None:
    # "llame enseguida a {urgent_contact_es}" with no number configured said "a a su equipo quirúrgico"
    settings = Settings(database_url="sqlite://", clinic_name="Clinic", clinic_phone="", urgent_line="",
                        emergency_number="911", crisis_line="988", log_level="INFO")
    advice = read_content().messages["es.red_flag.post_op"].format(**settings.placeholders)
    assert "enseguida a su equipo quirúrgico" in advice and " a a " not in advice
