"""Session 29: a patient's word that rules surgery out is no word for surgery; the surgeon's caveat comes
with "how the decision is made" also when that frame stands among other facts, and two frames say that
only the surgeon decides once. Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

from actions.fact_answers import answer_text
from actions.fact_ranker import FactAnswer, FactRanker
from clinic.fact_ranking import FactEntry, FactIndex
from clinic.queries import KnowledgeBase

CAVEAT = "discussing risks and benefits with the surgeon"


def _index() -> FactIndex:
    return FactIndex([
        FactEntry("therapy", ("synkinesis",), ("physical_therapy",), "Physical therapy: massage and stretching",
                  ("exercises", "without surgery", "non-surgical", "no operation")),
        FactEntry("nerve_cutting", ("synkinesis",), ("selective_neurectomy",),
                  "Selective neurectomy: cutting nerve branches", ("surgical", "cut nerves")),
        FactEntry("injections", ("synkinesis",), ("botox",), "Botox injections block nerve signals", ("jabs",)),
    ])


def _lexical(index: FactIndex, text: str) -> dict[str, float]:
    return {f.id: score for f, score in zip(index.facts, index.lexical_scores(text), strict=True)}


def test_a_cue_ruling_surgery_out_does_not_answer_a_question_asking_for_surgery() -> None:
    index = _index()
    asked = _lexical(index, "Is there an operation for the tightness?")
    assert asked["therapy"] == 0.0 and asked["nerve_cutting"] > 0.0
    # ruled out by the patient, it is the therapy's word again
    ruled_out = _lexical(index, "Is there anything non surgical for the tightness?")
    assert ruled_out["therapy"] > ruled_out["nerve_cutting"]
    # "none" is no misspelt "non": "if none of that works" rules nothing out
    assert _lexical(index, "If none of that works, is there an operation?")["therapy"] == 0.0


def test_a_negated_state_in_a_cue_still_answers_a_question_about_that_state() -> None:
    index = FactIndex([
        FactEntry("static", ("options",), ("static_restoration",), "Static restoration: symmetric at rest",
                  ("not moving",)),
        FactEntry("dynamic", ("options",), ("dynamic_restoration",), "Dynamic restoration: smiling", ("smile",)),
    ])
    assert _lexical(index, "Will the static one get my face moving?")["static"] > 0.0


def test_the_decision_frame_among_other_facts_keeps_the_surgeons_caveat(sqlite_kb: KnowledgeBase) -> None:
    ranker = FactRanker(sqlite_kb)
    diagnosis = sqlite_kb.topic("diagnosis")
    assert diagnosis is not None
    framed = [c for c in ranker.catalogue.values() if "candidacy" in c.topic_ids]
    answer = FactAnswer(diagnosis, facts=[ranker.catalogue["diagnosis"], *framed], main_topic=diagnosis)
    answer.frames[framed[0].fact.id] = "candidacy"
    answer.framed_ids = {c.fact.id for c in framed}
    assert CAVEAT in answer_text(sqlite_kb, answer)
    # it is the first to make room when the reply is short of it
    assert CAVEAT not in answer_text(sqlite_kb, answer, frame_closing=False)


def test_two_frames_among_the_facts_say_that_only_the_surgeon_decides_once(sqlite_kb: KnowledgeBase) -> None:
    ranker = FactRanker(sqlite_kb)
    results, candidacy, personal = (sqlite_kb.topic(t) for t in ("results", "candidacy", "personal_advice"))
    assert results is not None and candidacy is not None and personal is not None
    yes = [c for c in ranker.catalogue.values() if "candidacy" in c.topic_ids and "personal_advice" not in c.topic_ids]
    weighed = [c for c in ranker.catalogue.values() if "personal_advice" in c.topic_ids and c not in yes]
    answer = FactAnswer(results, facts=[ranker.catalogue["most_improve"], *yes, *weighed], main_topic=results)
    answer.frames = {yes[0].fact.id: "candidacy", weighed[0].fact.id: "personal_advice"}
    text = answer_text(sqlite_kb, answer)
    intros = [t.intro for t in (candidacy, personal) if t.intro in text]
    assert len(intros) == 1 and text.index(intros[0]) < text.index("Yes, if you have facial palsy")
    assert "Most people experience improvement" in text
