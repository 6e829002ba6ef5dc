"""Every action on trackers built inline, against a real (SQLite) knowledge base."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.reply as reply_module
from actions.answers import ActionAnswerQuestion, has_several_questions
from actions.choose_option import ActionChooseOption
from actions.conversation import ActionOutOfScope, ActionShowMenu, ActionSmallTalk
from actions.did_you_mean import ActionDefaultFallback, ActionDidYouMean
from actions.safety import ActionRedFlag, conversation_ref
from actions.which_one import pick
from clinic.content_checks import REQUIRED_MESSAGES
from clinic.db import get_engine
from clinic.queries import KnowledgeBase
from nlp.off_topic import declined_subjects

STARTED = [{"event": "action", "name": "action_session_start"}, {"event": "session_started"}]
SPOKE = [*STARTED, {"event": "user", "text": "hi"}, {"event": "bot", "text": "Hello!"}]


# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def tracker(intent: str, text: str = "", entities: list[dict[str, Any]] | None = None,
            slots: dict[str, Any] | None = None, events: list[dict[str, Any]] | None = None,
            ranking: list[dict[str, Any]] | None = None) -> Tracker:
    message = {"text": text or intent, "intent": {"name": intent, "confidence": 0.9},
               "entities": entities or [], "intent_ranking": ranking or [{"name": intent, "confidence": 0.9}]}
    return Tracker("patient-1", slots or {}, message, list(SPOKE if events is None else events), False, None,
                   None, "action_listen")


def run(action, tracker_: Tracker) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_, {}))
    return dispatcher.messages, events


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


MEMORY_SLOTS = ("previous_topic", "recent_procedures")  # actions/memory.py, tested in test_understanding.py


def slot_events(events: list[dict[str, Any]]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e["name"] not in MEMORY_SLOTS}


def test_risks_of_a_named_procedure(use_kb: KnowledgeBase) -> None:
    messages, events = run(ActionAnswerQuestion(), tracker(
        "ask_risks", "what are the risks of nerve transfer?",
        entities=[{"entity": "procedure", "value": "nerve_transfer"}], slots={"procedure": "nerve_transfer"}))
    reply = texts(messages)
    assert reply.index("incorrect nerve growth") < reply.index("hematoma")
    assert reply.rstrip().endswith("beforehand is essential.")
    assert slot_events(events) == {"topic": "risks"}


def test_follow_up_uses_the_procedure_slot() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", "what are the risks of that?",
                                                      slots={"procedure": "gracilis"}))
    assert "lack of blood flow" in texts(messages)


def test_carried_procedure_without_specific_facts_is_said_to_be_general() -> None:
    """Issue #9: the general figure says so also when the procedure comes from earlier."""
    messages, events = run(ActionAnswerQuestion(), tracker("ask_surgery_duration", "how long is surgery",
                                                           slots={"procedure": "gracilis"}))
    assert "in general, not for Muscle transplant" in texts(messages) and "Surgery time: 1-5 hours" in texts(messages)
    # the procedure stays for a later "going back to the transplant..."; the topic is remembered
    assert slot_events(events) == {"topic": "duration"}


def test_named_procedure_without_specific_facts_is_said_to_be_general() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_surgery_duration", "how long is gracilis surgery",
        entities=[{"entity": "procedure", "value": "gracilis", "start": 12, "end": 20}],
        slots={"procedure": "gracilis"}))
    assert "not for Muscle transplant (gracilis muscle facial reanimation) specifically" in texts(messages)
    assert "1-5 hours" in texts(messages)


def test_a_new_topic_keeps_the_procedure_for_going_back_to_it() -> None:
    _, events = run(ActionAnswerQuestion(), tracker("ask_diagnosis", slots={"procedure": "nerve_graft"}))
    assert slot_events(events) == {"topic": "diagnosis"}


def test_procedure_info_without_procedure_lists_the_options() -> None:
    messages, events = run(ActionAnswerQuestion(), tracker("ask_procedure_info", "what procedures are there"))
    assert "Static restoration" in texts(messages) and "1. Microsurgical facial nerve repair" in texts(messages)
    assert messages[0]["buttons"][5] == {"title": "Muscle transplant (gracilis muscle facial reanimation)",
                                         "payload": '/ask_procedure_info{"procedure":"gracilis"}'}
    assert slot_events(events)["listed_options"][0] == "nerve_repair"


def test_treatment_asked_as_procedure_goes_to_its_topic() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_procedure_info", "what is botox",
                                                      entities=[{"entity": "treatment", "value": "botox"}]))
    assert "block nerve signals" in texts(messages) and "neurectomy" not in texts(messages)


def test_two_questions_in_one_message() -> None:
    text = "how long is surgery and will I need to stay in hospital?"
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_duration", text))
    assert "1-5 hours" in texts(messages) and "Outpatient or Hospital Stay" in texts(messages)
    assert has_several_questions(text) and not has_several_questions("how long is the surgery?")


@pytest.mark.parametrize(("ordinal", "expected"), [("2", "neuromuscular retraining"), ("last", "terminal neurolysis"),
                                                   ("1", "block nerve signals")])
def test_choose_from_the_last_list(ordinal: str, expected: str) -> None:
    listed = ["botox", "physical_therapy", "selective_neurectomy", "selective_myectomy"]
    messages, events = run(ActionChooseOption(), tracker(
        "choose_option", "the second one", entities=[{"entity": "ordinal", "value": ordinal}],
        slots={"listed_options": listed}))
    assert expected in texts(messages)
    assert slot_events(events)["procedure"] in listed


def test_choose_without_a_list_or_out_of_range_shows_the_list() -> None:
    messages, events = run(ActionChooseOption(), tracker("choose_option", "the second one",
                                                         entities=[{"entity": "ordinal", "value": "2"}]))
    assert len(messages[0]["buttons"]) == 9 and slot_events(events)["listed_options"][1] == "nerve_graft"
    messages, _ = run(ActionChooseOption(), tracker("choose_option", "number 7",
                                                    entities=[{"entity": "ordinal", "value": "7"}],
                                                    slots={"listed_options": ["botox", "physical_therapy"]}))
    assert "isn't in the list" in texts(messages) and len(messages[0]["buttons"]) == 2
    assert pick(["a", "b"], "3") is None and pick([], "last") is None


def test_first_reply_of_a_conversation_carries_the_disclaimer(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionSmallTalk(), tracker("greet", events=STARTED))
    assert messages[0]["text"] == use_kb.message("disclaimer")
    assert "not a doctor" in messages[0]["text"] and "Hello" in messages[1]["text"]
    later, _ = run(ActionSmallTalk(), tracker("greet"))
    assert "not a doctor" not in texts(later)


def flag(kind: str, extractor: str = "RedFlagDetector") -> dict[str, Any]:
    """A red-flag entity as the NLU pipeline's red-flag component sets it."""
    return {"entity": "red_flag_kind", "value": kind, "extractor": extractor}


def test_urgent_turn_is_closed_and_recorded_after_the_rasa_side_advice(use_kb: KnowledgeBase) -> None:
    """The advice itself is written by the Rasa server (rasa_side/nlg.py); the action closes and records."""
    messages, events = run(ActionRedFlag(), tracker(
        "report_urgent_symptom", "my face dropped and my arm is weak", entities=[flag("stroke")]))
    assert texts(messages) == use_kb.message("red_flag.after")
    assert slot_events(events) == {"red_flag_kind": "stroke"}
    record = use_kb.red_flags()[0]
    assert (record.conversation_id, record.kind, record.message) == ("patient-1", "stroke",
                                                                      "my face dropped and my arm is weak")


def test_two_kinds_are_both_recorded_most_urgent_first(use_kb: KnowledgeBase) -> None:
    _, events = run(ActionRedFlag(), tracker("report_urgent_symptom", "pus from my scar and I want to die",
                                             entities=[flag("self_harm"), flag("post_op")]))
    assert slot_events(events) == {"red_flag_kind": "self_harm"}
    assert sorted(r.kind for r in use_kb.red_flags()) == ["post_op", "self_harm"]


def test_self_harm_turn_does_not_go_back_to_the_faq(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionRedFlag(), tracker("report_urgent_symptom", "i want to end my life",
                                               entities=[flag("self_harm")]))
    assert messages == []


def test_a_forged_kind_is_never_believed(use_kb: KnowledgeBase) -> None:
    """A kind typed into a payload comes from Rasa's RegexMessageHandler, not from the red-flag rules."""
    _, events = run(ActionRedFlag(), tracker("report_urgent_symptom", "/report_urgent_symptom",
                                             entities=[flag("self_harm", extractor="RegexMessageHandler")]))
    assert slot_events(events) == {"red_flag_kind": "unspecified"}
    assert [r.kind for r in use_kb.red_flags()] == ["unspecified"]


def test_spanish_urgent_turn_closes_in_spanish(use_kb: KnowledgeBase) -> None:
    language = {"entity": "language", "value": "es", "extractor": "RedFlagDetector"}
    messages, _ = run(ActionRedFlag(), tracker("report_urgent_symptom", "me duele el ojo y no cierra",
                                               entities=[flag("eye_emergency"), language]))
    assert texts(messages) == use_kb.message("es.red_flag.after")


def test_database_failure_is_graceful(monkeypatch, tmp_path) -> None:
    broken = KnowledgeBase(get_engine(f"sqlite:///{tmp_path / 'no-tables.db'}"))
    monkeypatch.setattr(reply_module, "_knowledge_base", broken)
    messages, events = run(ActionAnswerQuestion(), tracker("ask_risks"))
    assert "can't reach the clinic's information" in texts(messages) and events == []
    messages, _ = run(ActionRedFlag(), tracker("report_urgent_symptom", "my face dropped",
                                               entities=[flag("new_palsy")]))
    assert texts(messages) == broken.message("red_flag.after")  # from the content file: the database is down


def test_did_you_mean_offers_readable_topics_and_something_else() -> None:
    ranking = [{"name": "nlu_fallback", "confidence": 1.0}, {"name": "ask_recovery", "confidence": 0.4},
               {"name": "ask_time_off_work", "confidence": 0.35}, {"name": "greet", "confidence": 0.2}]
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", "how long", ranking=ranking))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles[:2] == ["Recovery time", "Time off work"] and titles[-1] == "Something else"
    assert messages[0]["buttons"][-1]["payload"] == "/something_else"


def test_did_you_mean_answers_words_that_single_out_a_fact_else_says_so() -> None:
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", "electromyography",
                                                  ranking=[{"name": "nlu_fallback", "confidence": 1.0}]))
    assert "ascertain the cause" in texts(messages)
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", "qwx zzv",
                                                  ranking=[{"name": "nlu_fallback", "confidence": 1.0}]))
    assert "didn't understand" in texts(messages) and not messages[0]["buttons"]


@pytest.mark.parametrize("intent", ["greet", "goodbye", "thank", "bot_challenge", "affirm", "deny", "something_else"])
def test_small_talk_has_a_message_per_intent(intent: str, use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionSmallTalk(), tracker(intent))
    assert texts(messages) == use_kb.message(intent)


def test_menu_out_of_scope_and_fallback(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionShowMenu(), tracker("ask_capabilities"))
    assert messages[0]["buttons"][0] == {"title": "What facial reanimation is", "payload": "/ask_about_reanimation"}
    messages, _ = run(ActionOutOfScope(), tracker("out_of_scope", "how much does it cost"))
    assert texts(messages) == use_kb.message("out_of_scope") and "front desk" in texts(messages)
    messages, _ = run(ActionDefaultFallback(), tracker("ask_risks"))
    assert texts(messages) == use_kb.message("not_understood")


def test_logs_do_not_carry_the_sender_id() -> None:
    assert conversation_ref("+15550100") != "+15550100" and len(conversation_ref("+15550100")) == 12


def test_possibly_urgent_message_leads_with_a_safety_note_and_is_logged(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_candidacy", "I had a stroke years ago, can I have surgery?",
        entities=[flag("possible")], events=STARTED))
    assert messages[0]["text"] == use_kb.message("red_flag.possible")
    assert "not a doctor" in messages[-1]["text"] and "if you have facial palsy" in texts(messages)
    assert use_kb.red_flags()[0].kind == "possible"


def test_check_in_answers_the_question_then_adds_one_gentle_line(use_kb: KnowledgeBase) -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_surgery_options", "I don't want to live with this face forever, what are my options?",
        entities=[flag("checkin")]))
    assert messages[-1]["text"] == use_kb.message("red_flag.checkin")
    assert "Static restoration" in texts(messages) and use_kb.message("red_flag.self_harm") not in texts(messages)
    assert [r.kind for r in use_kb.red_flags()] == ["checkin"]


@pytest.mark.parametrize(("note", "expected"), [
    ("other_language", "es.english_only"), ("too_long", "message_too_long"),
    ("medication", "declined.medication"), ("animal", "declined.animal"),
])
def test_guard_notes_get_their_own_decline(note: str, expected: str, use_kb: KnowledgeBase) -> None:
    entity = {"entity": "guard_note", "value": note, "extractor": "RedFlagDetector"}
    messages, _ = run(ActionOutOfScope(), tracker("out_of_scope", "…", entities=[entity]))
    assert texts(messages) == use_kb.message(expected, max_characters="2,000")


def test_every_declined_subject_has_its_required_message() -> None:
    """nlp/off_topic.yml names the subjects; the content checks require each one's message."""
    assert {f"declined.{s}" for s in declined_subjects()} <= REQUIRED_MESSAGES
    assert "cosmetic" in declined_subjects()


def test_a_few_words_that_could_mean_several_topics_are_asked_about() -> None:
    messages, events = run(ActionAnswerQuestion(), tracker("ask_surgery_duration", "how long?"))
    titles = [b["title"] for b in messages[0]["buttons"]]
    assert titles == ["How long surgery takes", "Recovery time", "Time off work", "Something else"]
    assert events == []


@pytest.mark.parametrize(("intent", "text", "fact"), [("ask_recovery", "recovery time?", "2 weeks to 2 years"),
                                                      ("ask_surgery_duration", "how long does the surgery take",
                                                       "1-5 hours")])
def test_short_questions_that_name_their_topic_are_answered(intent: str, text: str, fact: str) -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(intent, text))
    assert fact in texts(messages)


def test_short_follow_up_with_context_is_answered_not_asked() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_risks", "and risks of it?", slots={"procedure": "gracilis"}))
    assert "lack of blood flow" in texts(messages)


def test_named_procedure_turns_a_general_question_into_its_explanation() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_about_reanimation", "how does eyelid reanimation work",
        entities=[{"entity": "procedure", "value": "eyelid_reanimation"}]))
    assert "improve blinking and eyelid closure" in texts(messages)


def test_unsure_but_a_named_procedure_with_its_own_facts_is_answered() -> None:
    ranking = [{"name": "nlu_fallback", "confidence": 1.0}, {"name": "ask_procedure_info", "confidence": 0.45},
               {"name": "ask_about_reanimation", "confidence": 0.4}]
    messages, events = run(ActionDidYouMean(), tracker(
        "nlu_fallback", "dynamic one??", ranking=ranking,
        entities=[{"entity": "procedure", "value": "dynamic_restoration"}]))
    assert "restores movement" in texts(messages) and not messages[0].get("buttons")
    assert slot_events(events) == {"procedure": "dynamic_restoration", "topic": "procedure_info"}


def test_two_procedures_named_keep_the_options_answer() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_surgery_options", "static or dynamic surgery?",
        entities=[{"entity": "procedure", "value": "static_restoration"},
                  {"entity": "procedure", "value": "dynamic_restoration"}]))
    assert "Static restoration" in texts(messages) and "Dynamic restoration" in texts(messages)


@pytest.mark.parametrize(("text", "intent"), [("operation length?", "ask_surgery_duration"),
                                            ("eyelid help?", "ask_eye_treatment"), ("sore??", "ask_pain"),
                                            ("will the op work", "ask_results")])
def test_short_questions_with_a_content_word_are_answered(text: str, intent: str) -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(intent, text))
    assert not any(m.get("buttons") and m["buttons"][-1]["title"] == "Something else" for m in messages)


def user_event(intent: str, text: str) -> dict[str, Any]:
    return {"event": "user", "text": text, "parse_data": {"intent": {"name": intent, "confidence": 0.9}}}


def after_one_answer(first_intent: str, first: str, slots: dict[str, str], intent: str,
                     text: str) -> list[dict[str, Any]]:
    """The events of a conversation where ``first`` was answered (leaving ``slots``) and ``text`` follows it."""
    return [*STARTED, user_event(first_intent, first), {"event": "bot", "text": "..."},
            *({"event": "slot", "name": k, "value": v} for k, v in slots.items()), user_event(intent, text)]


def test_vague_follow_up_after_an_answer_is_answered_in_context() -> None:
    events = [*STARTED, user_event("ask_risks", "what are the risks"), {"event": "bot", "text": "..."},
              user_event("ask_personal_advice", "so should I do it?")]
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_personal_advice", "so should I do it?", events=events))
    assert "only your surgeon can assess" in texts(messages)
    assert not any(m.get("buttons") for m in messages)


def test_option_named_after_a_list_is_answered_whatever_the_intent() -> None:
    listed = ["botox", "physical_therapy", "selective_neurectomy", "selective_myectomy"]
    physio = [{"entity": "treatment", "value": "physical_therapy"}]
    for action, intent in ((ActionSmallTalk(), "affirm"), (ActionChooseOption(), "choose_option")):
        messages, events = run(action, tracker(intent, "physio sounds less scary, tell me about it",
                                               entities=physio, slots={"listed_options": listed}))
        assert "neuromuscular retraining" in texts(messages)
        assert slot_events(events) == {"procedure": "physical_therapy", "topic": "synkinesis"}
    messages, _ = run(ActionSmallTalk(), tracker("affirm", "ok physio", entities=physio))
    assert "neuromuscular retraining" not in texts(messages)  # no list shown: plain small talk


def test_procedure_named_in_a_question_that_does_not_use_it_is_described_too() -> None:
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_personal_advice", "why would i need a brow lift if my face is paralysed",
        entities=[{"entity": "procedure", "value": "brow_lift"}]))
    reply = texts(messages)
    assert "only your surgeon can assess" in reply and "restore symmetry" in reply
    assert reply.count("beforehand is essential") == 1


def test_second_question_follows_the_classifier_ranking() -> None:
    ranking = [{"name": "ask_candidacy", "confidence": 0.66}, {"name": "ask_diagnosis", "confidence": 0.3},
               {"name": "ask_about_reanimation", "confidence": 0.02}]
    messages, _ = run(ActionAnswerQuestion(), tracker(
        "ask_candidacy", "who can have facial reanimation and what tests do you do first", ranking=ranking))
    assert "if you have facial palsy" in texts(messages) and "electromyography" in texts(messages)
    assert "restore movement to the face" not in texts(messages)


def test_unsure_with_a_named_procedure_answers_what_the_page_says_of_it() -> None:
    ranking = [{"name": "nlu_fallback", "confidence": 1.0}, {"name": "ask_personal_advice", "confidence": 0.34},
               {"name": "ask_candidacy", "confidence": 0.34}]
    messages, events = run(ActionDidYouMean(), tracker(
        "nlu_fallback", "why would someone with facial palsy get a face lift", ranking=ranking,
        entities=[{"entity": "procedure", "value": "face_lift"}]))
    assert "restore symmetry" in texts(messages) and not messages[0].get("buttons")
    assert slot_events(events)["procedure"] == "face_lift"


def test_unsure_between_two_topics_answers_for_the_procedure_under_discussion() -> None:
    ranking = [{"name": "nlu_fallback", "confidence": 1.0}, {"name": "ask_recovery", "confidence": 0.45},
               {"name": "ask_results", "confidence": 0.43}]
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", "when would i see results from it",
                                                  ranking=ranking, slots={"procedure": "nerve_transfer"}))
    assert "months" in texts(messages) and not any(m.get("buttons") for m in messages)
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", "what about it", ranking=ranking))
    assert messages[-1]["buttons"][-1]["title"] == "Something else"  # no words to go on: ask


def test_context_confidence_is_the_configured_fallback_threshold() -> None:
    from pathlib import Path

    import yaml

    from actions.conversation import MIN_CONFIDENCE_IN_CONTEXT

    config = yaml.safe_load((Path(__file__).resolve().parents[2] / "config.yml").read_text(encoding="utf-8"))
    fallback = next(c for c in config["pipeline"] if c["name"] == "FallbackClassifier")
    assert fallback["threshold"] == MIN_CONFIDENCE_IN_CONTEXT


def test_unsure_between_two_kinds_of_small_talk_answers_the_likelier() -> None:
    ranking = [{"name": "nlu_fallback", "confidence": 1.0}, {"name": "goodbye", "confidence": 0.49},
               {"name": "thank", "confidence": 0.48}]
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", "thanks bye", ranking=ranking))
    assert texts(messages).startswith("Goodbye")
    messages, _ = run(ActionDidYouMean(), tracker("nlu_fallback", "zzkq", ranking=[
        {"name": "nlu_fallback", "confidence": 1.0}, {"name": "greet", "confidence": 0.1}]))
    assert "rephrase" in texts(messages)


class Broken(ActionAnswerQuestion):
    def respond(self, reply, tracker_, kb):
        reply.say("half an answer")
        raise RuntimeError("the patient wrote: my secret symptom")


def test_an_exception_in_an_action_still_replies_and_logs_no_patient_text(use_kb: KnowledgeBase, caplog) -> None:
    messages, events = run(Broken(), tracker("ask_risks", "my secret symptom"))
    assert texts(messages) == use_kb.message("cannot_answer") and events == []
    logged = caplog.text
    assert "RuntimeError" in logged and "test_actions.py" in logged and "secret symptom" not in logged


def test_an_unavailable_knowledge_base_adds_nothing_after_urgent_advice(monkeypatch, tmp_path) -> None:
    broken = KnowledgeBase(get_engine(f"sqlite:///{tmp_path / 'no-tables.db'}"))
    monkeypatch.setattr(reply_module, "_knowledge_base", broken)
    # The advice itself was sent by the Rasa server (rasa_side/nlg.py); the action only closes the turn.
    messages, _ = run(ActionRedFlag(), tracker("report_urgent_symptom", "my face dropped",
                                               entities=[{"entity": "red_flag_kind", "value": "stroke"}]))
    assert "can't reach" not in texts(messages) and "can't answer" not in texts(messages)


@pytest.mark.parametrize(("intent", "text"), [
    ("ask_surgery_duration", "how long does the operation take?"),
    ("ask_anesthesia", "will I be asleep?"),
    ("ask_hospital_stay", "do I have to stay in hospital?"),
    ("ask_time_off_work", "and time off work?"),
])
def test_a_general_figure_says_so_for_the_procedure_under_discussion(intent: str, text: str,
                                                                     use_kb: KnowledgeBase) -> None:
    """Issue #9: the page's figures are for surgery in general, also when the procedure came earlier."""
    messages, _ = run(ActionAnswerQuestion(), tracker(intent, text, slots={"procedure": "gracilis"}))
    note = use_kb.message("general_only_note", procedure=use_kb.procedure("gracilis").name)
    assert texts(messages).startswith(note), texts(messages)


def test_a_greeting_before_a_question_does_not_hide_the_question(use_kb: KnowledgeBase) -> None:
    # the classifier's belief in a greeting comes from its courtesy words, not from the question after it
    text = "good morning, would I be asleep for it or awake?"
    messages, _ = run(ActionSmallTalk(), tracker("greet", text, ranking=[
        {"name": "greet", "confidence": 0.6}, {"name": "ask_anesthesia", "confidence": 0.3}]))
    assert "Local, Sedation, or General" in texts(messages)
    messages, _ = run(ActionSmallTalk(), tracker("greet", "good morning, how are you today?", ranking=[
        {"name": "greet", "confidence": 0.6}, {"name": "ask_wellbeing", "confidence": 0.3}]))
    assert texts(messages) == use_kb.message("greet")
    # thanks and a question whose words single out no fact stays thanks, however the belief is spread
    messages, _ = run(ActionSmallTalk(), tracker("thank", "thanks, is there anything more I ought to know?", ranking=[
        {"name": "thank", "confidence": 0.45}, {"name": "ask_results", "confidence": 0.4}]))
    assert texts(messages) == use_kb.message("thank")


def test_a_first_message_opening_with_a_greeting_is_greeted_whatever_its_no(use_kb: KnowledgeBase) -> None:
    """"Hello, hope you don't mind me asking" reads as "deny" to the classifier; as the first message it is
    greeted, since nothing was asked yet. Later in a conversation a "no" stays an answer (session 23)."""
    messages, _ = run(ActionSmallTalk(), tracker("deny", "Hello, hope you don't mind me asking", events=STARTED))
    assert use_kb.message("greet") in texts(messages)
    asked = [*SPOKE, {"event": "user", "text": "what is botox?"}, {"event": "bot", "text": "Would you like more?"}]
    later, _ = run(ActionSmallTalk(), tracker("deny", "hi, no thanks", events=asked))
    assert texts(later) == use_kb.message("deny")
