"""Several questions in one message that lean on each other or list topics in few words
(``actions/several_questions.py``). Phrasings written for these tests, not taken from a held-out set."""

from __future__ import annotations

from actions.fact_ranker import FactRanker
from actions.fact_selection import _named_either_or, rank_answer
from actions.several_questions import _broad_on_list, asked_parts
from clinic.queries import KnowledgeBase
from clinic.question_parts import described_option


def _ids(kb: KnowledgeBase, text: str, topic: str, intent: str, named: dict[str, str] | None = None,
         confidence: float = 0.9) -> list[str]:
    named = named or {}
    positions = {p: [(text.index(w), text.index(w) + len(w))] for p, w in named.items()}
    answer = rank_answer(FactRanker(kb), text, kb.topic(topic), {intent: confidence}, list(named), [], None,
                         positions)
    return [f.fact.id for f in answer.facts]


def test_a_list_item_in_the_pages_own_words_is_a_question_of_its_own(sqlite_kb: KnowledgeBase) -> None:
    # "the surgery time" names no topic's keyword, but its words are the surgery time's fact
    ids = _ids(sqlite_kb, "the surgery time, nights in hospital, and when back at my job?", "hospital_stay",
               "ask_hospital_stay")
    assert {"surgery_time", "hospital_stay", "time_off_work"} <= set(ids)


def test_a_storys_commas_are_no_list_of_questions(sqlite_kb: KnowledgeBase) -> None:
    text = "my aunt is 75, had a tumour taken out, what could help her eye close?"
    assert len(asked_parts(FactRanker(sqlite_kb), text, [], {})) <= 2


def test_if_not_what_else_gets_the_options_the_page_turns_to_next(sqlite_kb: KnowledgeBase) -> None:
    ids = _ids(sqlite_kb, "can the cut nerve be sewn straight back together - and if not, what else?",
               "procedure_info", "ask_procedure_info")
    assert ids[:3] == ["nerve_repair", "nerve_graft", "nerve_transfer"]


def test_the_options_next_are_described_not_their_risks(sqlite_kb: KnowledgeBase) -> None:
    ids = _ids(sqlite_kb, "Is joining the nerve ends directly possible? If that can't happen, what else is there?",
               "procedure_info", "ask_procedure_info")
    assert "nerve_transfer" in ids and "specific_risks" not in ids


def test_a_short_question_pointing_back_asks_within_the_topic_before(sqlite_kb: KnowledgeBase) -> None:
    text = "Botox for the tight cheek: how does it work? physio: what is done? and an operation for that?"
    ids = _ids(sqlite_kb, text, "synkinesis", "ask_synkinesis", {"botox": "Botox", "physical_therapy": "physio"})
    assert ids[:2] == ["botox", "physical_therapy"]
    assert any(i.startswith("selective_") for i in ids) and "candidate" not in ids


def test_a_question_repeated_after_its_story_is_not_a_second_question(sqlite_kb: KnowledgeBase) -> None:
    # (a long story's question is read with the sentence it points back to, then again alone)
    text = ("They mentioned an operation that cuts tiny nerve branches. What is that operation? . "
            "What is that operation?")
    assert len(asked_parts(FactRanker(sqlite_kb), text, [], {})) == 1


def test_a_question_naming_a_procedure_is_about_it_not_about_the_clinic(sqlite_kb: KnowledgeBase) -> None:
    # "provide" meets the commitment's "providing care"; the topic about the clinic itself is answered
    # by the procedure's description when a procedure is named (its with_procedure)
    text = "do you provide nerve grafting for patients, and is it done in stages?"
    ids = _ids(sqlite_kb, text, "stages", "ask_stages", {"nerve_graft": "nerve grafting"})
    assert ids[0] == "nerve_graft" and "clinic_commitment" not in ids
    assert "clinic_commitment" in _ids(sqlite_kb, "do you provide care for patients?", "about", "ask_about_reanimation")


def test_a_broad_question_on_a_listing_topic_gets_its_overview_among_others(sqlite_kb: KnowledgeBase) -> None:
    text = "how do you deal with synkinesis, and can anything help a drooping lid?"
    ranker = FactRanker(sqlite_kb)
    ranker.part_intents = [("how do you deal with synkinesis", {"ask_synkinesis": 0.9}),
                           ("can anything help a drooping lid", {"ask_eye_treatment": 0.8})]
    answer = rank_answer(ranker, text, sqlite_kb.topic("synkinesis"), {"ask_synkinesis": 0.9}, [], [], None, {})
    ids = [f.fact.id for f in answer.facts]
    assert ids[0] == "botox" and "physical_therapy" in ids  # the page's order, as the question alone gets


def test_a_listing_topics_keyword_the_classifier_reads_otherwise_is_no_broad_question(
        sqlite_kb: KnowledgeBase) -> None:
    ranker = FactRanker(sqlite_kb)
    part = "how is synkinesis dealt with"
    assert _broad_on_list(ranker, part, {"ask_synkinesis": 0.8}, {}, set())
    assert not _broad_on_list(ranker, part, {"ask_results": 0.8, "ask_synkinesis": 0.1}, {}, set())


def test_two_named_options_side_by_side_are_compared_whatever_the_topic(sqlite_kb: KnowledgeBase) -> None:
    # each side leads with its own description, before what the decision depends on
    text = "nerve repair or a nerve transfer - when does each get chosen?"
    named = {"nerve_repair": "nerve repair", "nerve_transfer": "nerve transfer"}
    ids = _ids(sqlite_kb, text, "stages", "ask_stages", named, confidence=0.55)  # the classifier unsure
    assert ids[:2] == ["nerve_repair", "nerve_transfer"]


def test_an_or_between_a_name_and_other_words_is_no_comparison() -> None:
    text = "is the graft done asleep or awake, and the transfer too?"
    positions = {"nerve_graft": [(7, 12)], "nerve_transfer": [(49, 57)]}
    assert not _named_either_or(text, positions)
    assert _named_either_or("graft or a transfer?", {"nerve_graft": [(0, 5)], "nerve_transfer": [(11, 19)]})


def test_a_named_option_compared_with_a_described_one_answers_both(sqlite_kb: KnowledgeBase) -> None:
    text = "physio or an operation for the tightness, what's the difference?"
    ids = _ids(sqlite_kb, text, "synkinesis", "ask_synkinesis", {"physical_therapy": "physio"}, confidence=0.8)
    assert ids[0] == "physical_therapy" and any(i.startswith("selective_") for i in ids)


def test_a_pronoun_before_this_messages_name_points_to_the_procedure_discussed(sqlite_kb: KnowledgeBase) -> None:
    # after the muscle transplant: "it" in the first question is the transplant, not the repair named later
    text = "when would they use it? or could they simply sew the nerve back?"
    positions = {"nerve_repair": [(text.index("sew the nerve back"), text.index("sew the nerve back") + 18)]}
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("procedure_info"),
                         {"ask_procedure_info": 0.9}, ["nerve_repair"], ["gracilis"], None, positions)
    ids = [f.fact.id for f in answer.facts]
    assert "nerve_repair" in ids and "regional_muscle_transfer" in ids, ids


def test_an_option_told_apart_by_a_word_of_its_description_is_that_option(sqlite_kb: KnowledgeBase) -> None:
    # after the synkinesis treatments: "the first one" is Botox (the ordinal names it), "the
    # therapy one" is physiotherapy, not Botox again (nor the surgery's time)
    text = "what does the first one do and how long does the therapy one take?"
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("procedure_info"),
                         {"ask_procedure_info": 0.9}, ["botox"], [], "synkinesis", {})
    ids = [f.fact.id for f in answer.facts]
    assert ids[:2] == ["botox", "physical_therapy"]


def test_an_ordinal_or_the_other_one_is_no_description() -> None:
    assert described_option("what does the therapy one involve?") == "therapy"
    assert described_option("and the thigh muscle op, how long?") == "thigh muscle"
    assert described_option("how does the first one work?") == ""
    assert described_option("and the other one?") == ""


def test_a_question_pointing_back_to_the_topic_discussed_is_asked(sqlite_kb: KnowledgeBase) -> None:
    # after the tests used to diagnose: "why are those needed" asks about them, though it names nothing
    text = "why are those needed, and what else goes into deciding on an operation?"
    asked = asked_parts(FactRanker(sqlite_kb), text, [], {}, [], "diagnosis")
    assert [part for part, _ in asked][0].startswith("why are those needed")
    assert len(asked) == 2
