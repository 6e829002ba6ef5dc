"""A broad question after the patient's own case: the overview, led by the option the case points at; whether
something about the patient weighs in: what the surgeon weighs, framed as the surgeon's decision."""

from __future__ import annotations

import pytest

from actions.answers import MAX_REPLY, ActionAnswerQuestion, say_other_topic, say_overview
from actions.fact_checks import asks_one_option, option_for_case
from actions.formatting import answer_text, overview_led_by
from actions.reply import Reply
from clinic.queries import KnowledgeBase
from clinic.question_parts import story_before_question
from tests.unit.test_actions import SPOKE, run, texts, tracker

# every test here answers from a loaded SQLite knowledge base (tests/conftest.py, use_kb)
pytestmark = pytest.mark.usefixtures("use_kb")


def broad(text: str, entities: list | None = None) -> str:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", text, entities=entities, ranking=[
        {"name": "ask_surgery_options", "confidence": 0.6}, {"name": "ask_personal_advice", "confidence": 0.2}]))
    return texts(messages)


def test_the_story_is_the_sentences_before_the_question() -> None:
    assert story_before_question("My uncle's nerve was cut. It never healed. Can anything help?") == (
        "My uncle's nerve was cut. It never healed.")
    assert story_before_question("what kinds of surgery are there?") == ""


def test_a_case_pointing_at_one_option_leads_the_overview_with_it() -> None:
    reply = broad("My uncle's facial nerve was cut in an accident years ago and the doctors say it will never "
                  "recover. Is there any surgery he could still have?")
    assert reply.startswith("Regional muscle transfers may be employed when nerve function cannot be restored")
    assert "Techniques include:" in reply and "Browlifts" in reply and "discussing risks and benefits" in reply
    assert len(reply) <= MAX_REPLY


def test_a_story_of_constraints_or_of_a_named_procedure_gets_the_plain_overview(sqlite_kb: KnowledgeBase) -> None:
    overview = answer_text(sqlite_kb.answer("options"), sqlite_kb)
    assert broad("I drive a bus for a living and cannot be off work for long. What kinds of surgery are there?"
                 ).startswith(overview)
    # a story naming a procedure is about that one, not about another option its words point at
    story = "My surgeon spoke of a static operation for me, since my nerve will never recover."
    answer = sqlite_kb.answer("options")
    assert option_for_case(sqlite_kb, answer, story, []) is not None
    assert option_for_case(sqlite_kb, answer, story, ["static_restoration"]) is None


def test_only_a_fact_describing_a_listed_option_can_lead(sqlite_kb: KnowledgeBase) -> None:
    answer = sqlite_kb.answer("options")
    # a story about a nerve transfer's risk points at the risks, not at what the option is for
    assert option_for_case(sqlite_kb, answer, "My neighbour's nerve grew back wrongly after her nerve transfer.",
                           []) is None
    # the synkinesis overview already holds each of its treatments: nothing to lead with
    synkinesis = sqlite_kb.answer("synkinesis")
    assert option_for_case(sqlite_kb, synkinesis, "My cheek is tight and my eye narrows when I eat.", []) is None


def test_the_led_overview_leaves_out_its_least_related_facts_to_stay_short(sqlite_kb: KnowledgeBase) -> None:
    answer = sqlite_kb.answer("options")
    case = option_for_case(sqlite_kb, answer, "My father's facial nerve was damaged over a long stretch in a crash.",
                           [])
    assert case is not None and case[0].fact.id == "nerve_graft"
    reply = overview_led_by(answer, sqlite_kb, case[0].fact, MAX_REPLY, case[1])
    assert len(reply) <= MAX_REPLY and reply.startswith("When extensive nerve damage occurs")
    assert "1. Microsurgical facial nerve repair" in reply and "Static restoration" in reply


def test_the_lead_never_lengthens_a_turn_already_past_the_limit(sqlite_kb: KnowledgeBase) -> None:
    answer = sqlite_kb.answer("options")
    case = option_for_case(sqlite_kb, answer, "My father's facial nerve was damaged over a long stretch in a crash.",
                           [])
    reply = Reply()
    reply.say("x" * 300)  # a safety note said before the answer
    said = say_overview(reply, sqlite_kb, answer, case)
    assert said.startswith("When extensive nerve damage occurs")
    assert len(said) <= len(answer_text(answer, sqlite_kb))


def test_a_topic_word_the_patient_rules_out_is_no_second_question() -> None:
    """"The nerve won't recover" asks nothing about recovery time: no "You also asked about" line."""
    reply = broad("My facial nerve was removed with a tumour and the surgeon says it won't recover. "
                  "What kinds of surgery are there, and how long is the recovery?")
    assert "Full recovery: 2 weeks to 2 years" in reply  # asked in so many words: still answered
    reply = broad("My facial nerve was removed with a tumour and the surgeon says it won't recover. "
                  "What kinds of surgery are there?")
    assert "You also asked" not in reply


def test_a_question_about_one_listed_option_is_no_question_for_the_overview(sqlite_kb: KnowledgeBase) -> None:
    answer = sqlite_kb.answer("options")
    asked = asks_one_option(sqlite_kb, answer, "Which muscles do surgeons use once the nerve cannot be fixed?")
    assert asked is not None and asked.fact.id == "regional_muscle_transfer"
    # the overview's own words, or questions about the options as a whole, keep the overview
    assert asks_one_option(sqlite_kb, answer, "What kinds of surgery use a muscle from elsewhere?") is None
    assert asks_one_option(sqlite_kb, answer, "what can you offer me?") is None


def test_the_overview_belief_is_no_prior_for_a_question_about_one_option() -> None:
    # the classifier is sure of the overview's topic; the words ask what the lifts are for
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_surgery_options", "so what would the lifts do?", ranking=[
        {"name": "ask_surgery_options", "confidence": 0.9}]))
    assert texts(messages).startswith("Techniques include procedures like face lifts and browlifts")


def personal(text: str, events: list | None = None) -> str:
    messages, _ = run(ActionAnswerQuestion(), tracker("ask_personal_advice", text, events=events, ranking=[
        {"name": "ask_personal_advice", "confidence": 0.8}]))
    return texts(messages)


def test_after_only_the_surgeon_can_assess_comes_what_the_page_ties_to_such_a_case(sqlite_kb: KnowledgeBase) -> None:
    reply = personal("My cousin's facial nerve was cut in an accident ten years ago and it will never recover. "
                     "What would you advise for her?")
    note = sqlite_kb.message("case_option")
    assert reply.startswith("I can't tell whether you need surgery")
    assert note in reply and "Regional muscle transfers may be employed" in reply.split(note)[1]
    # a case pointing at no option gets the decision factors alone
    assert note not in personal("I have a busy job and two children. What would you advise for me?")


def test_a_short_question_after_the_case_is_read_with_the_case_but_not_its_question() -> None:
    story = "My brother's facial nerve was damaged over a long stretch in a crash. Can you help him?"
    events = [*SPOKE, {"event": "user", "text": story}, {"event": "bot", "text": "..."},
              {"event": "user", "text": "what would suit him?"}]
    assert "When extensive nerve damage occurs" in personal("what would suit him?", events)


def test_a_second_topic_is_offered_when_the_check_in_room_would_be_taken(sqlite_kb: KnowledgeBase) -> None:
    time_off = sqlite_kb.topic("time_off_work")
    assert time_off is not None
    answer = sqlite_kb.answer("time_off_work")
    reply = Reply()
    reply.say("x" * 700)  # an overview
    say_other_topic(reply, sqlite_kb, time_off, answer)
    assert "1-5 weeks" in " ".join(text for text, _, _ in reply.messages)  # room enough: answered
    reply = Reply(reserved=180)  # the check-in line still to come
    reply.say("x" * 700)
    say_other_topic(reply, sqlite_kb, time_off, answer)
    said = [(text, buttons) for text, buttons, _ in reply.messages[1:]]
    assert len(said) == 1 and said[0][1] and "1-5 weeks" not in said[0][0]  # offered as a button


def follow_up(intent: str, text: str, slots: dict, ranking: list) -> str:
    events = [*SPOKE, {"event": "user", "text": "tell me about it"}, {"event": "bot", "text": "..."}]
    messages, _ = run(ActionAnswerQuestion(), tracker(intent, text, slots=slots, events=events, ranking=ranking))
    return texts(messages)


@pytest.mark.parametrize("text", [
    "My doctor thinks a virus caused my palsy. Would the cause matter for surgery?",
    "I'm 67 and on blood pressure tablets, does that rule me out?",
    "My mum has had it since 1990. Is that too long?",
])
def test_whether_something_about_the_patient_weighs_in_is_answered_with_what_is_weighed(text: str) -> None:
    """Filed under results with a procedure under discussion, it still gets what the surgeon weighs,
    first, framed as the surgeon's decision (never a verdict on the patient's case)."""
    reply = follow_up("ask_results", text, {"topic": "results", "procedure": "nerve_transfer"},
                      [{"name": "ask_results", "confidence": 0.5}, {"name": "ask_candidacy", "confidence": 0.2}])
    assert reply.startswith("Only your surgeon can say whether surgery is right for you.")
    assert "age and medical history" in reply.split("\n")[2]  # the frame, the page's line, then what is weighed


@pytest.mark.parametrize("text", [
    "Will my scar be a problem?",          # a risk asked about, not the patient's case
    "Does the operation change anything about eating?",
    "How long until my smile moves?",
])
def test_questions_that_only_sound_alike_keep_their_answer(text: str) -> None:
    from actions.situation import asks_if_case_weighs
    assert not asks_if_case_weighs(text)

