"""Fact-level answers: question shapes, the fact ranking, corrections and comparisons in actions."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.conversation import ActionOutOfScope, ActionShowMenu, ActionSmallTalk
from actions.did_you_mean import ActionDidYouMean
from actions.fact_answers import say_fact_answer
from actions.fact_ranker import CONTEXT_TOPIC_WEIGHT, FactRanker
from actions.fact_selection import rank_answer
from actions.reply import Reply
from clinic.asked_choices import asks_alternatives
from clinic.corrections import correction
from clinic.fact_ranking import FactEntry, FactIndex, Scored, stem, terms, words_of
from clinic.queries import KnowledgeBase
from clinic.question_parts import asks_logistics, comparison_sides, is_comparison, looks_like_question
from clinic.question_split import split_questions
from tests.unit.test_actions import SPOKE, flag, run, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def test_a_message_is_split_into_its_questions() -> None:
    parts = split_questions("what does it cost in time; is it done under general and how long is the stay?")
    assert len(parts) == 3
    assert split_questions("how long is the recovery") == ["how long is the recovery"]


def test_comparison_sides() -> None:
    assert is_comparison("the graft versus the transfer")
    assert comparison_sides("hospital stay vs time away from my job") == ["hospital stay", "time away from my job"]


def test_a_correction_keeps_what_was_meant_and_drops_what_was_not() -> None:
    fix = correction("sorry, I meant the hospital stay, not the recovery")
    assert fix is not None and "hospital stay" in fix.meant and "recovery" not in fix.meant
    assert fix.not_meant == "recovery"
    assert correction("what is the recovery like") is None


def test_short_acknowledgements_are_not_questions() -> None:
    assert not looks_like_question("ok")
    assert looks_like_question("and the other one?")


def test_stems_and_pairs_meet_across_word_forms() -> None:
    assert stem("grafting") == stem("grafts") == stem("graft")
    assert stem("transferred") == stem("transfers") == stem("transfer") and stem("moved") == stem("move")
    pair = f"{stem('healthy')}_{stem('side')}"
    assert pair in terms("the healthy side") and "cut_muscl" in terms("cut into the tight muscle")
    # a pair is the same whichever word comes first: "muscles can be moved" meets "move a muscle"
    assert set(terms("muscles can be moved")) & set(terms("move a muscle")) >= {"mov_muscl"}


def test_misspelt_words_of_the_facts_are_read_as_the_facts_spell_them() -> None:
    facts = [FactEntry("n", ("info",), (), "Selective neurectomy: cutting specific nerve branches"),
             FactEntry("g", ("info",), (), "Nerve grafting connects nerve endings")]
    index = FactIndex(facts)
    assert index.rank("whats a selectiv neurectommy", {})[0].fact.id == "n"
    assert index.rank("wat is nerve graftin", {})[0].fact.id == "g"


def test_ranking_prefers_the_fact_whose_words_are_asked() -> None:
    facts = [FactEntry("a", ("t1",), (), "Surgery time: 1-5 hours", ("how long", "hours")),
             FactEntry("b", ("t1",), (), "Swelling and bruising are temporary", ("swollen", "bruise"))]
    ranked = FactIndex(facts).rank("am i going to be swollen and bruised", {"t1": 0.5})
    assert ranked[0].fact.id == "b"


def test_a_named_procedure_outweighs_words_of_another() -> None:
    facts = [FactEntry("graft", ("info",), ("nerve_graft",), "nerve tissue connects nerve endings"),
             FactEntry("transfer", ("info",), ("nerve_transfer",), "a donor nerve bypasses the injury")]
    ranked = FactIndex(facts).rank("where does the nerve come from", {"info": 1.0}, ["nerve_graft"])
    assert ranked[0].fact.id == "graft"


def test_a_question_about_one_fact_leads_with_it() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", "is the bruising going to last for ever?"))
    lead = texts(messages).lstrip("• ")
    assert lead.startswith("Facial reanimation surgery carries risks, including temporary swelling")


def test_three_questions_are_all_answered() -> None:
    text = "how many hours is the surgery, would I be sent home the same day, and when can I work again?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_duration", text))
    reply = texts(messages)
    assert "1-5 hours" in reply and "Outpatient or Hospital Stay" in reply and "1-5 weeks" in reply


def test_both_sides_of_a_comparison_are_answered() -> None:
    entities = [{"entity": "treatment", "value": "botox", "start": 0, "end": 5},
                {"entity": "treatment", "value": "selective_myectomy", "start": 13, "end": 21}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_synkinesis", "botox versus myectomy?", entities=entities))
    assert "block nerve signals" in texts(messages) and "dividing facial muscles" in texts(messages)


def test_a_correction_answers_what_was_meant_in_the_same_topic() -> None:
    entities = [{"entity": "procedure", "value": "nerve_transfer", "start": 12, "end": 26}]
    messages, events = run(ActionSmallTalk(), tracker(
        "deny", "no, I meant nerve transfer, not the leg one", entities=entities,
        slots={"topic": "risks", "procedure": "gracilis"}))
    assert "incorrect nerve growth" in texts(messages)
    assert {"event": "slot", "timestamp": None, "name": "procedure", "value": "nerve_transfer"} in events


def test_a_correction_of_the_topic_drops_the_topic_not_meant() -> None:
    messages, _ = run(ActionSmallTalk(), tracker("deny", "no, the time off work, not the full recovery",
                                                 slots={"topic": "recovery"}))
    assert "1-5 weeks" in texts(messages) and "2 weeks to 2 years" not in texts(messages)


def test_answers_carry_their_page_sources() -> None:
    web_turn = [*SPOKE, {"event": "user", "text": "weeks off my job?", "input_channel": "web"}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_time_off_work", "weeks off my job?", events=web_turn))
    sources = [s for m in messages for s in (m.get("custom") or {}).get("sources", [])]
    assert any("1-5 weeks" in source for source in sources)


def test_a_negated_word_counts_as_negated() -> None:
    assert "not_recov" in terms("the nerve won't recover") and "not_recov" not in terms("how long to recover")
    facts = [FactEntry("recovery", ("t",), (), "Full recovery: 2 weeks to 2 years",
                       ("recover", "recovery", "recover fully")),
             FactEntry("muscle", ("t",), (), "Muscle transfers are used when function cannot be restored",
                       ("won't recover",))]
    # without the negation, "recover" three times over would win
    assert FactIndex(facts).rank("my nerve won't recover, what now?", {})[0].fact.id == "muscle"


def test_the_story_procedure_lifts_its_facts() -> None:
    facts = [FactEntry("months", ("t",), ("nerve_transfer",), "improvement may take months after a transfer"),
             FactEntry("therapy", ("t",), ("physical_therapy",), "exercises help the face move again")]
    index = FactIndex(facts)
    assert index.rank("is it normal that nothing moves yet", {})[0].fact.id == "therapy"
    assert index.rank("is it normal that nothing moves yet", {}, background=["nerve_transfer"])[0].fact.id == "months"


def test_each_question_keeps_its_own_procedure() -> None:
    text = "For synkinesis: do you do physiotherapy, and is there a surgery that cuts nerve branches?"
    entities = [{"entity": "treatment", "value": "physical_therapy", "start": 29, "end": 39}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_synkinesis", text, entities=entities,
                                                      slots={"procedure": "physical_therapy"}))
    assert "neuromuscular retraining" in texts(messages) and "cutting specific facial nerve branches" in texts(messages)


def test_a_story_procedure_is_background_not_the_question() -> None:
    text = ("I've had Botox for synkinesis every few months for years and I hate the cycle. My physio says there "
            "is an operation where they cut small nerve branches. What exactly is that operation?")
    entities = [{"entity": "treatment", "value": "botox", "start": 9, "end": 14},
                {"entity": "treatment", "value": "physical_therapy", "start": 82, "end": 88}]
    events = [*SPOKE, {"event": "user", "text": text},
              {"event": "slot", "name": "procedure", "value": "physical_therapy"}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, entities=entities, events=events,
                                                      slots={"procedure": "physical_therapy"}))
    reply = texts(messages)
    assert "Selective neurectomy: cutting" in reply and "neuromuscular retraining" not in reply


def test_a_confident_new_question_is_not_pulled_back_to_the_topic_discussed(sqlite_kb: KnowledgeBase) -> None:
    ranker = FactRanker(sqlite_kb)
    sure = ranker.topic_weights("I drive a taxi, how long till I'm earning?", {"ask_time_off_work": 0.9}, "recovery")
    unsure = ranker.topic_weights("I drive a taxi, how long till I'm earning?", {"ask_time_off_work": 0.5}, "recovery")
    leaning = ranker.topic_weights("and is that the same for the graft?", {"ask_time_off_work": 0.9}, "recovery")
    assert sure["recovery"] == 0.0 and unsure["recovery"] == leaning["recovery"] == CONTEXT_TOPIC_WEIGHT


def test_the_candidacy_line_is_never_a_bare_yes_among_other_answers(sqlite_kb: KnowledgeBase) -> None:
    ranking = [{"name": "ask_surgery_duration", "confidence": 0.5}, {"name": "ask_candidacy", "confidence": 0.4}]
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_surgery_duration", "how many hours does it take, and who can have it?", ranking=ranking))
    reply = texts(messages)
    frame = sqlite_kb.topic("candidacy").intro
    assert "1-5 hours" in reply and "Yes, if you have facial palsy" in reply
    assert frame in reply and "remaining facial muscle function" in reply
    assert reply.index(frame) < reply.index("Yes, if you have facial palsy") < reply.index("remaining facial muscle")


def test_a_treatment_helping_is_no_question_of_who_can_be_treated(sqlite_kb: KnowledgeBase) -> None:
    index = FactRanker(sqlite_kb).index

    def top(text: str) -> str:
        return index.rank(text, {})[0].fact.id

    # whether an option works, or what can be done for a smile: not the candidacy line
    assert top("can physio help") == "physical_therapy"
    assert top("is there any physio that would help me") == "physical_therapy"
    assert "candidate" not in [s.fact.id for s in index.rank("can you help my smile", {})[:2]]
    # the clinic helping someone is who can be treated
    assert top("are you able to help people with facial palsy") == "candidate"
    assert top("could you help someone like me") == "candidate"


def test_a_story_barely_filed_as_what_can_you_do_is_answered() -> None:
    # the request ("could you tell me both?") is shaped like "what can you tell me?"; the story says what
    text = ("I teach in a primary school and the head teacher keeps asking about my plans. She wants to know "
            "how many weeks off work I would need and whether I would stay overnight in hospital. "
            "Could you tell me both?")
    messages, _ = run(ActionShowMenu(), tracker("ask_capabilities", text, ranking=[
        {"name": "ask_capabilities", "confidence": 0.3}, {"name": "ask_time_off_work", "confidence": 0.25},
        {"name": "ask_hospital_stay", "confidence": 0.2}]))
    reply = texts(messages)
    assert "1-5 weeks" in reply and "Outpatient or Hospital Stay" in reply
    messages, _ = run(ActionShowMenu(), tracker("ask_capabilities", "what can you tell me about?", ranking=[
        {"name": "ask_capabilities", "confidence": 0.9}]))
    assert "1-5 weeks" not in texts(messages)


def test_a_question_naming_a_treatment_is_no_question_about_the_assistant() -> None:
    # "what do you ... for?" reads like "what are you for?", but it names a treatment
    text = "so what do you actually do with the Botox?"
    entity = {"entity": "treatment", "value": "botox", "start": 35, "end": 40}
    messages, _ = run(ActionShowMenu(), tracker("ask_capabilities", text, entities=[entity], ranking=[
        {"name": "ask_capabilities", "confidence": 0.5}, {"name": "ask_synkinesis", "confidence": 0.2}]))
    assert "block nerve signals" in texts(messages)


def test_what_the_patient_does_not_want_names_no_fact() -> None:
    assert words_of("we don't even want the eyelid done, just the mouth. what helps it?") == [
        "just", "the", "mouth", "what", "helps", "it"]
    assert words_of("Dad's not that fussed about blinking; could his smile come back?") == [
        "could", "his", "smile", "come", "back"]
    # a question about not needing something is still a question about it
    assert "stitches" in words_of("do I need stitches?")


def test_a_list_shown_but_for_one_option_is_shown_whole(sqlite_kb: KnowledgeBase) -> None:
    # two questions picked three of the four treatments: the fourth joins, in the page's order
    from actions.fact_ranker import FactAnswer
    from actions.fact_selection import _whole_list
    ranker = FactRanker(sqlite_kb)
    synkinesis = sqlite_kb.topic("synkinesis")
    listed = [c for c in ranker.catalogue.values() if "synkinesis" in c.topic_ids and c.fact.procedure_ids]
    answer = FactAnswer(synkinesis, facts=[listed[1], listed[3], listed[2]], main_topic=synkinesis)
    _whole_list(answer, ranker)
    assert answer.facts == [listed[0], listed[1], listed[3], listed[2]]
    # two of four is an answer about those two, not a list to complete
    answer = FactAnswer(synkinesis, facts=[listed[1], listed[3]], main_topic=synkinesis)
    _whole_list(answer, ranker)
    assert len(answer.facts) == 2


def test_a_question_about_an_option_beside_one_for_the_others_gets_both_answers() -> None:
    # how usual the repair is, then what follows it: not only the list of the other operations
    text = "Can surgeons simply stitch the nerve ends straight back? And if not, what then?"
    entity = {"entity": "procedure", "value": "nerve_repair", "start": 30, "end": 39}
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, entities=[entity]))
    assert "though this is rare" in texts(messages) and "nerve grafting" in texts(messages)
    # asking about Botox and for what else: the treatments' list answers both
    text = "How long does Botox last, and what else is there if it doesn't work for me?"
    entity = {"entity": "treatment", "value": "botox", "start": 14, "end": 19}
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_synkinesis", text, entities=[entity]))
    assert "Selective myectomy" in texts(messages)


def test_comparison_words_are_read_as_what_they_compare(sqlite_kb: KnowledgeBase) -> None:
    index = FactRanker(sqlite_kb).index
    # "the other way around" is no nerve going around the damage
    ranked = [s.fact.id for s in index.rank("is the full recovery quicker than going back to work or the other way "
                                            "round?", {})[:2]]
    assert set(ranked) == {"time_off_work", "full_recovery"}
    assert terms("which is riskier") == terms("which is risk")
    assert index.rank("what influences the choice of operation", {})[0].fact.id == "considerations"


def test_a_barely_out_of_scope_question_whose_words_name_a_fact_is_answered() -> None:
    def reply(text: str, out_of_scope: float) -> str:
        ranking = [{"name": "out_of_scope", "confidence": out_of_scope}, {"name": "ask_synkinesis", "confidence": 0.3}]
        return texts(run(ActionOutOfScope(), tracker("out_of_scope", text, ranking=ranking))[0])

    assert "block nerve signals" in reply("could the muscle-relaxing botox jabs help my tight face?", 0.4)
    assert "block nerve signals" not in reply("could the muscle-relaxing botox jabs help my tight face?", 0.9)
    assert "block nerve signals" not in reply("how much do the botox jabs for a tight face cost?", 0.4)


def test_each_question_of_several_weighs_the_classifiers_reading_of_it_alone() -> None:
    text = "How long is the op and do I stay in hospital?"
    parts = [{"text": "how long is the op", "intents": {"ask_surgery_duration": 0.95}},
             {"text": "do i stay in hospital", "intents": {"ask_hospital_stay": 0.93}}]

    def reply(question_parts: list) -> str:
        turn = tracker("ask_hospital_stay", text, slots={"procedure": "gracilis"},
                       ranking=[{"name": "ask_hospital_stay", "confidence": 0.9}])
        turn.latest_message["question_parts"] = question_parts
        return texts(run(ActionAnswerQuestion(), turn)[0])

    assert "1-5 hours" in reply(parts) and "Outpatient or Hospital Stay" in reply(parts)
    assert "1-5 hours" not in reply([])  # the whole message's reading: the gracilis' months of waiting
    assert "1-5 hours" not in reply([{"text": 3, "intents": "forged"}])


def test_a_price_question_naming_a_procedure_goes_to_the_front_desk() -> None:
    assert asks_logistics("how much is a nerve graft?") and asks_logistics("how much for botox")
    assert not asks_logistics("how much will it hurt?") and not asks_logistics("how much movement will I get back?")


def test_a_specific_reply_stays_within_900_characters_with_the_check_in_line() -> None:
    text = ("I'm so fed up with all this. What are the risks, what does synkinesis treatment involve, "
            "and how are the surgery options decided?")
    ranking = [{"name": "ask_risks", "confidence": 0.4}, {"name": "ask_synkinesis", "confidence": 0.3},
               {"name": "ask_personal_advice", "confidence": 0.2}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", text, ranking=ranking,
                                                      entities=[flag("checkin")]))
    reply = [m.get("text") or "" for m in messages]
    assert "988" in reply[-1]  # the check-in line is said, last
    assert sum(len(t) for t in reply) <= 900


def test_a_specific_reply_stays_within_900_characters_after_a_note(sqlite_kb: KnowledgeBase) -> None:
    # a note said before the answer (the safety note after a story) counts towards the 900 characters
    ranker = FactRanker(sqlite_kb)
    text = "What are the risks, what does synkinesis treatment involve, and how does a nerve transfer work?"
    answer = rank_answer(ranker, text, sqlite_kb.topic("risks"), {"ask_risks": 0.9}, [], [], None)
    assert not answer.framed_ids
    reply = Reply()
    reply.say("A note said first. " * 16)
    say_fact_answer(reply, sqlite_kb, answer, None)
    assert len(reply.messages) >= 2 and sum(len(said) + 1 for said, _, _ in reply.messages) <= 900


def test_a_condition_stays_with_its_question() -> None:
    assert split_questions("If my nerve can't be fixed, what else is there?") == [
        "If my nerve can't be fixed, what else is there"]
    assert len(split_questions("what is a nerve graft? if it fails, what then?")) == 2


@pytest.mark.parametrize("text", ["is there surgery if the injections aren't enough?", "physio didn't help me",
                                  "the jabs have stopped working, what now?",
                                  "does physio help, and if not, what then?",
                                  "do the injections help and if they don't, is there surgery?",
                                  # session 22: the injections "stop being enough"; "anything surgical"
                                  "what can I do once the jabs stop being effective?",
                                  "is there anything surgical for the tightness?"])
def test_an_option_that_did_not_help_asks_for_the_others(text: str) -> None:
    assert asks_alternatives(text)


@pytest.mark.parametrize("text", ["does botox work?", "how long does the botox last?", "will physio help?",
                                  "what happens if it doesn't get enough blood?", "is it ok if not everything moves?"])
def test_asking_whether_an_option_helps_is_not_asking_for_the_others(text: str) -> None:
    assert not asks_alternatives(text)


def test_the_option_that_did_not_help_is_not_the_answer(sqlite_kb: KnowledgeBase) -> None:
    text = "Botox stopped working for me, what now?"
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("synkinesis"), {"ask_synkinesis": 0.9},
                         ["botox"], [], None, {"botox": [(0, 5)]})
    ids = [f.fact.id for f in answer.facts]
    assert ids and "botox" not in ids and any(i.startswith("selective") for i in ids)


def test_the_comparing_word_ranks_no_fact_of_its_own(sqlite_kb: KnowledgeBase) -> None:
    text = "What's the difference between nerve grafting and a nerve transfer?"
    positions = {"nerve_graft": [(text.index("nerve grafting"), text.index("nerve grafting") + 14)],
                 "nerve_transfer": [(text.index("nerve transfer"), text.index("nerve transfer") + 14)]}
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("procedure_info"), {"ask_procedure_info": 0.5},
                         ["nerve_graft", "nerve_transfer"], [], None, positions)
    assert [f.fact.id for f in answer.facts][:2] == ["nerve_graft", "nerve_transfer"]


def test_a_treatment_the_story_says_was_tried_does_not_narrow_the_question() -> None:
    text = ("Since my palsy came back my cheek pulls and my eye narrows when I talk. I have done physio "
            "exercises at home for a year now and it is still the same. Which treatments do you offer for this?")
    start = text.index("physio")
    events = [*SPOKE, {"event": "user", "text": text},  # Rasa fills the slot from the story's name
              {"event": "slot", "name": "procedure", "value": "physical_therapy"}]
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_synkinesis", text, entities=[{"entity": "treatment", "value": "physical_therapy", "start": start,
                                           "end": start + 6}], slots={"procedure": "physical_therapy"},
        events=events))
    reply = texts(messages)
    assert "Botox" in reply and "Selective neurectomy" in reply and "Selective myectomy" in reply


def test_a_question_barely_filed_as_small_talk_is_answered_when_its_words_name_a_fact() -> None:
    text = "could the surgeon make both sides look even at rest even if it won't move?"
    messages, _ = run(ActionSmallTalk(), tracker("something_else", text, ranking=[
        {"name": "something_else", "confidence": 0.3}, {"name": "ask_procedure_info", "confidence": 0.2}]))
    assert "Static restoration" in texts(messages)
    messages, _ = run(ActionSmallTalk(), tracker("thank", "thanks, that was helpful", ranking=[
        {"name": "thank", "confidence": 0.45}, {"name": "affirm", "confidence": 0.2}]))
    assert "Static restoration" not in texts(messages) and texts(messages)


def test_a_bare_family_word_means_the_member_its_question_describes() -> None:
    text = "is the graft the one that borrows spare nerve branches from the healthy side?"
    start = text.index("graft")
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, entities=[
        {"entity": "procedure", "value": "nerve_graft", "start": start, "end": start + 5}]))
    assert "Cross face nerve grafts" in texts(messages)
    text = "what is the graft?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, entities=[
        {"entity": "procedure", "value": "nerve_graft", "start": 12, "end": 17}]))
    assert "nerve grafting" in texts(messages) and "Cross face" not in texts(messages)


def test_a_short_question_about_my_case_is_read_with_the_case_just_described() -> None:
    situation = ("The left side of my face has been still for six years and my specialist says the nerve "
                 "will never recover.")
    events = [*SPOKE, {"event": "user", "text": situation, "parse_data": {"intent": {"name": "ask_candidacy"}}},
              {"event": "bot", "text": "..."}, {"event": "user", "text": "so what could be done for me?"}]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", "so what could be done for me?",
                                                      events=events, ranking=[
                                                          {"name": "ask_surgery_options", "confidence": 0.4},
                                                          {"name": "ask_candidacy", "confidence": 0.3}]))
    assert "temporalis or gracilis" in texts(messages)


def test_the_same_question_for_another_procedure_keeps_the_topic_discussed() -> None:
    text = "and what about the thigh muscle one?"
    start = text.index("thigh muscle")
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text, slots={"topic": "time_off_work"},
                                                      entities=[{"entity": "procedure", "value": "gracilis",
                                                                 "start": start, "end": start + 12}]))
    assert "1-5 weeks" in texts(messages)


def test_the_other_kind_after_a_description_gets_its_description_not_the_list() -> None:
    # the classifier files "dynamic" under the surgery options, whose fact cued "what kinds" is the list
    text = "so the dynamic kind, then?"
    start = text.index("dynamic")
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", text,
                                                      slots={"procedure": "static_restoration",
                                                             "topic": "procedure_info"},
                                                      entities=[{"entity": "procedure", "value": "dynamic_restoration",
                                                                 "start": start, "end": start + len("dynamic")}]))
    reply = texts(messages)
    assert "restores movement" in reply and reply.find("restores movement") < reply.find("may include")


def test_other_options_after_a_treatment_was_discussed_lists_the_others() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", "ok, and what other options are there?",
                                                      slots={"procedure": "botox", "topic": "synkinesis"}))
    reply = texts(messages)
    assert "Selective neurectomy" in reply and "Physical therapy" in reply


def test_a_procedure_described_in_lay_words_is_asked_about_rather_than_the_one_discussed() -> None:
    text = "and is it the same idea for the operation where they cut the small nerve branches?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", text,
                                                      slots={"procedure": "botox", "topic": "procedure_info"}))
    reply = texts(messages)
    assert "relax tight muscles" in reply and reply.find("relax tight muscles") < reply.find("block nerve signals")


def test_words_singling_out_a_general_fact_do_not_inherit_the_procedure(sqlite_kb: KnowledgeBase) -> None:
    text = "tell me the main risk of a nerve transfer and how long recovery could take at worst"
    start = text.index("nerve transfer")
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("risks"), {"ask_risks": 0.6, "ask_recovery": 0.3},
                         ["nerve_transfer"], [], None, {"nerve_transfer": [(start, start + 14)]})
    ids = [f.fact.id for f in answer.facts]
    assert "full_recovery" in ids and "improvement_takes_months" not in ids


def test_a_third_question_is_not_crowded_out_by_the_first_two(sqlite_kb: KnowledgeBase,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    ranker = FactRanker(sqlite_kb)
    entries = {e.id: e for e in ranker.index.facts}
    picks = iter([["general_risks", "specific_risks"], ["surgery_time", "anesthesia"], ["hospital_stay"]])
    monkeypatch.setattr(FactRanker, "best_new", lambda self, *args: [
        Scored(entries[i], 1.0, 1.0) for i in next(picks)])
    text = "what can go wrong, how long is the operation, and do I stay in hospital?"
    answer = rank_answer(ranker, text, sqlite_kb.topic("risks"), {"ask_risks": 0.5}, [], [], None, {})
    assert [f.fact.id for f in answer.facts][:3] == ["general_risks", "surgery_time", "hospital_stay"]


def test_a_list_of_topics_is_a_question_each(sqlite_kb: KnowledgeBase) -> None:
    text = "please tell me about the anaesthetic, the hospital stay and time off work"
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("anesthesia"), {"ask_anesthesia": 0.5},
                         [], [], None, {})
    assert {"anesthesia", "hospital_stay", "time_off_work"} <= {f.fact.id for f in answer.facts}
    one = rank_answer(FactRanker(sqlite_kb), "will there be swelling and bruising?", sqlite_kb.topic("risks"),
                      {"ask_risks": 0.8}, [], [], None, {})
    assert one.facts[0].fact.id == "general_risks"


def test_two_which_of_questions_are_both_answered() -> None:
    slots = {"recent_procedures": ["selective_neurectomy", "selective_myectomy"],
             "listed_options": ["selective_neurectomy", "selective_myectomy"]}
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_synkinesis", "which one of them divides muscles, and which one cuts nerve branches?", slots=slots))
    reply = texts(messages)
    assert "dividing facial muscles" in reply and "cutting specific facial nerve branches" in reply


def test_a_patient_telling_their_case_is_not_declined() -> None:
    text = "My facial nerve was cut when a tumour was taken out four years ago and my smile never came back."
    messages, _ = run(ActionOutOfScope(), tracker("out_of_scope", text))
    reply = texts(messages)
    assert "Thank you for telling me" in reply and "Sorry, I can only answer" not in reply
    messages, _ = run(ActionOutOfScope(), tracker("out_of_scope", "I have had a sore back for a few weeks now."))
    assert "Sorry, I can only answer" in texts(messages)


def test_general_figures_say_so_also_among_several_questions_about_one_procedure(sqlite_kb: KnowledgeBase) -> None:
    text = "Is the gracilis operation done under general anaesthetic, and how many weeks off work?"
    start = text.index("gracilis")
    answer = rank_answer(FactRanker(sqlite_kb), text, sqlite_kb.topic("anesthesia"), {"ask_anesthesia": 0.5},
                         ["gracilis"], [], None, {"gracilis": [(start, start + 8)]})
    assert {"anesthesia", "time_off_work"} <= {f.fact.id for f in answer.facts}
    assert answer.general_for == "gracilis"


def test_half_of_the_face_meets_the_pages_side() -> None:
    # "the good half of my face" is the page's "healthy side": the pair counts as one cue
    assert f"{stem('healthy')}_{stem('side')}" in terms("the healthy half of the face")


def test_signs_of_synkinesis_name_its_topic(use_kb: KnowledgeBase) -> None:
    synkinesis = next(t for t in FactRanker(use_kb).topics.values() if t.id == "synkinesis")
    for text in ("my cheek has gone stiff since the palsy got better", "my eye narrows whenever I laugh",
                 "the corner of my mouth twitches"):
        assert FactRanker.names_topic(synkinesis, text), text
    assert not FactRanker.names_topic(synkinesis, "how long will I be off work?")


def test_unsure_classifier_answers_when_the_words_name_its_likeliest_topic() -> None:
    # the classifier torn between synkinesis and "what can you do?"; the words describe synkinesis
    text = "since the palsy my cheek feels stiff and my eye goes small when I laugh, what helps?"
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", text, ranking=[
        {"name": "nlu_fallback", "confidence": 0.25}, {"name": "ask_synkinesis", "confidence": 0.48},
        {"name": "ask_capabilities", "confidence": 0.44}]))
    reply = texts(messages)
    # a broad "what helps?" gets the treatments' overview, as when the classifier is sure of the topic
    assert "Botox" in reply and "Physical therapy" in reply and "Selective myectomy" in reply
    assert "Yes, if you have facial palsy" not in reply


def test_a_question_beginning_with_when_is_not_a_condition() -> None:
    # "when is it used" asks; "when the nerve is dead" sets the condition of the question after it
    assert split_questions("When is it needed? Could they not just stitch the nerve instead?") == [
        "When is it needed", "Could they not just stitch the nerve instead"]
    assert len(split_questions("when would it be used and what are its risks?")) == 2
    assert len(split_questions("when the nerve is gone for good, what can they do?")) == 1


def test_what_is_weighed_before_deciding_is_the_considerations_not_the_tests(sqlite_kb: KnowledgeBase) -> None:
    index = FactRanker(sqlite_kb).index
    assert index.rank("what do doctors go by before deciding?", {})[0].fact.id == "considerations"
    assert index.rank("which blood tests or scans happen before deciding?", {})[0].fact.id == "diagnosis"


def test_a_lay_word_or_adjective_reaches_the_fact_in_the_page_s_words(sqlite_kb: KnowledgeBase) -> None:
    """Patients say "unconfident" where the page says "self-confidence", and ask whether it "usually
    works in the end" where the page speaks of most patients improving."""
    index = FactRanker(sqlite_kb).index
    assert index.rank("would I be less unconfident after", {})[0].fact.id == "clinic_mission"
    assert index.rank("does it usually work in the end", {})[0].fact.id == "most_improve"

