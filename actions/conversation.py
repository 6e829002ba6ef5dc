"""Everything around the answers: small talk, the topic menu, out-of-scope and "did you mean"."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Tracker

from actions.alternatives import list_of_discussed
from actions.answers import answer_static_case, answer_topic
from actions.choose_option import answer_option, named_listed_option
from actions.constants import GUARD_NOTE_ENTITY, SPANISH_PREFIX, TOPIC_SLOT
from actions.fact_answers import answer_in_context, answer_with_facts
from actions.fact_checks import in_scope_after_all, runner_up_agrees, strong_match
from actions.fact_ranker import FactRanker
from actions.formatting import topic_button
from actions.named_procedures import mentioned_procedures
from actions.reply import ClinicAction, Reply
from actions.situation import describes_situation, listing_asked_for_case
from actions.turn import (
    choices_offered,
    intent_confidences,
    language_prefix,
    latest_intent,
    latest_text,
    previous_text,
    trusted_entity,
)
from actions.which_one import answer_which_of
from clinic.queries import KnowledgeBase
from clinic.question_parts import asks_logistics, asks_outright, looks_like_question
from clinic.question_split import split_questions
from nlp.message_guard import MAX_UNDERSTOOD_CHARS
from nlp.off_topic import declined_subjects

SMALL_TALK_INTENTS = frozenset({"greet", "goodbye", "thank", "bot_challenge", "ask_wellbeing", "affirm", "deny"})
# Small talk that opens or closes a message and may carry a question with it.
COURTESY_INTENTS = frozenset({"greet", "thank"})
SPANISH_COURTESIES = frozenset({"greet", "thank", "goodbye"})  # each has an "es." message
REPLY_TO_CHOICES = "something_else"
# A first message opening with a greeting ("Hello, hope you don't mind me popping in"): its "don't" or "ok" is
# no answer to anything, since nothing was asked yet.
_OPENS_WITH_GREETING = re.compile(r"^\W*(?:hello|hi|hiya|hey|good (?:morning|afternoon|evening)|greetings)\b",
                                  re.IGNORECASE)
# The clinic's topics' share of the classifier's belief that makes a question of what follows a
# courtesy; "hi, how are you?" leaves them next to nothing.
COURTESY_TOPIC_BELIEF = 0.3
# Thanks said while leaving ("Goodbye and thank you for your time"): the goodbye answers it.
_SAYS_GOODBYE = re.compile(r"\b(?:good ?bye|bye|see(?:ing|in'?)? (?:you|ya|u)|cya|take care|ttyl|cheerio|farewell|"
                           r"ta-?ra|ta ?ta|laters|night night|ciao|adios|talk (?:to you )?later)\b", re.IGNORECASE)
# A goodbye the classifier could not place ("Right, I'll be off then. Ta-ra."): at most this many words and no question.
MAX_LEAVING_WORDS = 12
# config.yml's FallbackClassifier threshold: at or above it, an unsure prediction was only close to
# its runner-up (the ambiguity rule), not weak, and context may settle it (see ActionDidYouMean).
MIN_CONFIDENCE_IN_CONTEXT = 0.25


def in_conversation(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]] | None:
    """An answer that leans on the conversation: "which of those two...", "anything more permanent?" after
    Botox (the list it is on), a correction, a follow-up."""
    which = answer_which_of(reply, tracker, kb)
    if which is not None:
        return which
    alternatives = list_of_discussed(tracker, kb, latest_text(tracker))
    if alternatives is not None:
        return answer_topic(reply, tracker, kb, alternatives, belief=1.0)
    return answer_in_context(reply, tracker, kb)


def static_or_in_conversation(reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]] | None:
    """Before guessing topics: a case that wants a face even at rest, not movement (``answer_static_case``),
    else an answer that leans on the conversation."""
    static = answer_static_case(reply, tracker, kb, mentioned_procedures(tracker))
    return static if static is not None else in_conversation(reply, tracker, kb)


def topics_asked_after_courtesy(tracker: Tracker, kb: KnowledgeBase, text: str) -> bool:
    """A greeting or thanks before a question ("hi, is it done under general, and for how long?"):
    the classifier's belief in small talk comes from the courtesy words, so the question is judged
    by the belief the classifier still gives the clinic's topics, when the words single out a fact
    ("thanks, anything else I should know?" singles out none)."""
    confidence = intent_confidences(tracker)
    topic_belief = sum(c for name, c in confidence.items() if kb.topic_for_intent(name))
    return (looks_like_question(text) and topic_belief >= COURTESY_TOPIC_BELIEF
            and strong_match(kb, text, confidence, None))


def asks_about_named(tracker: Tracker, text: str) -> bool:
    """A question that names one of the clinic's procedures, treatments or tests: a question about
    it, whatever the classifier filed it under (small talk, "what can you do?", out of scope)."""
    return bool(mentioned_procedures(tracker)) and looks_like_question(text)


class ActionSmallTalk(ClinicAction):
    """Greetings, thanks, "are you a bot?"...: the message keyed by the intent's name."""

    action_name = "action_small_talk"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        option = named_listed_option(tracker)
        procedure = kb.procedure(option) if option else None
        if procedure is not None:  # "physio sounds good, tell me about it" after a list
            return answer_option(reply, kb, procedure)
        # "no, I meant the other one"; "he's not bothered about smiling, just looking even" (the static kind)
        in_context = static_or_in_conversation(reply, tracker, kb)
        if in_context is not None:
            return in_context
        text, intent = latest_text(tracker), latest_intent(tracker)
        if asks_about_named(tracker, text):
            # a question naming a procedure is not small talk, whatever the classifier made of its typos
            return answer_with_facts(reply, tracker, kb, None, text)
        if intent in ("affirm", "deny") and asks_outright(text) and (topic := tracker.get_slot(TOPIC_SLOT)):
            # "What precisely does the injection accomplish?": a yes-word read in a question asked outright
            return answer_with_facts(reply, tracker, kb, kb.topic(str(topic)), text)
        # its belief is the courtesy words', not the question's; "something else" with nothing offered is no reply
        courtesy = intent in COURTESY_INTENTS or (intent == REPLY_TO_CHOICES and not choices_offered(tracker))
        if (in_scope_after_all(kb, text, 0.0 if courtesy else intent_confidences(tracker).get(intent, 0.0))
                or (courtesy and topics_asked_after_courtesy(tracker, kb, text))):
            # filed as small talk, barely ("can you make my face look level when it's still?"), or after
            # a greeting, but its own words single out a fact of the page: a question, answered
            return answer_with_facts(reply, tracker, kb, None, text)
        if intent in ("affirm", "deny") and not previous_text(tracker) and _OPENS_WITH_GREETING.match(text):
            intent = "greet"
        # "Goodbye and thank you for your time", "ok ta-ra": leaving, whatever courtesy comes with it
        if intent in ("thank", "affirm") and _SAYS_GOODBYE.search(text):
            intent = "goodbye"
        if language_prefix(tracker) == SPANISH_PREFIX and intent in SPANISH_COURTESIES:
            # "¡Hola, buenos días!": greeted back in Spanish, then told the assistant answers in English
            reply.disclaimer_key = f"{SPANISH_PREFIX}disclaimer"
            reply.say(kb.message(f"{SPANISH_PREFIX}{intent}"))
            reply.say(kb.message(f"{SPANISH_PREFIX}english_only"))
            return []
        try:
            reply.say(kb.message(intent))
        except KeyError:
            reply.say(kb.message("not_understood"))
        return []


class ActionShowMenu(ClinicAction):
    """"What can I ask you?": the topics as buttons with readable titles."""

    action_name = "action_show_menu"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        in_context = in_conversation(reply, tracker, kb)  # "what can be done about it?"
        if in_context is not None:
            return in_context
        text = latest_text(tracker)
        if asks_about_named(tracker, text):
            # "what do you use Botox for?" asks about the treatment, not about the assistant
            return answer_with_facts(reply, tracker, kb, None, text)
        if (listing := listing_asked_for_case(tracker, kb, text)) is not None:  # "...what can you offer me?"
            return answer_topic(reply, tracker, kb, listing)
        if in_scope_after_all(kb, text, intent_confidences(tracker).get(latest_intent(tracker), 0.0)):
            # "could you give me both pieces of information?" after a story that says which: filed as
            # "what can you tell me?", barely, while its words single out facts of the page
            return answer_with_facts(reply, tracker, kb, None, text)
        reply.say(kb.message("ask_capabilities"), [topic_button(t) for t in kb.menu()])
        return []


def answer_situation(reply: Reply, tracker: Tracker, kb: KnowledgeBase, text: str) -> list[dict[str, Any]]:
    """A patient's account of their case: acknowledged, then the page's facts its words point at."""
    reply.say(kb.message("situation_heard"))
    return answer_with_facts(reply, tracker, kb, None, text)


class ActionOutOfScope(ClinicAction):
    """Says what the assistant covers and offers the front desk; never invents logistics."""

    action_name = "action_out_of_scope"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        note = trusted_entity(tracker, GUARD_NOTE_ENTITY)
        if note == "other_language":
            reply.disclaimer_key = "es.disclaimer"
            reply.say(kb.message("es.english_only"))
            return []
        if note == "too_long":
            reply.say(kb.message("message_too_long", max_characters=f"{MAX_UNDERSTOOD_CHARS:,}"))
            return []
        if note in declined_subjects():  # nlp/off_topic.yml's: a medicine, an animal, orders to the assistant...
            reply.say(kb.message(f"declined.{note}"))
            return []
        in_context = in_conversation(reply, tracker, kb)  # a correction or follow-up mid-conversation
        if in_context is not None:
            return in_context
        text = latest_text(tracker)
        if asks_about_named(tracker, text) and not asks_logistics(text):
            # "do you do brow lifts?" names the clinic's own procedure and asks nothing of the front desk
            return answer_with_facts(reply, tracker, kb, None, text)
        confidence = intent_confidences(tracker)
        if (in_scope_after_all(kb, text, confidence.get("out_of_scope", 0.0))
                or runner_up_agrees(kb, text, confidence, "out_of_scope")):
            return answer_with_facts(reply, tracker, kb, None, text)
        if not asks_logistics(text) and describes_situation(FactRanker(kb), text):
            return answer_situation(reply, tracker, kb, text)
        reply.say(kb.message("out_of_scope"))
        return []


def says_goodbye_only(text: str) -> bool:
    """A short message that takes leave and asks nothing."""
    return (bool(_SAYS_GOODBYE.search(text)) and len(text.split()) <= MAX_LEAVING_WORDS
            and not any(map(looks_like_question, split_questions(text))))
