"""When the classifier is unsure: settle the message by its context, an option shown, the patient's own case
or a goodbye; else answer a topic the words name, or offer the likeliest topics instead of guessing one."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker

from actions.alternatives import list_of_alternatives
from actions.answers import answer_topic
from actions.constants import NON_TOPIC_INTENTS, PROCEDURE_SLOT
from actions.conversation import (
    MIN_CONFIDENCE_IN_CONTEXT,
    SMALL_TALK_INTENTS,
    answer_situation,
    says_goodbye_only,
    static_or_in_conversation,
)
from actions.fact_answers import answer_with_facts
from actions.fact_checks import strong_match
from actions.fact_ranker import FactRanker
from actions.formatting import offer_topics
from actions.named_procedures import mentioned_procedures
from actions.reply import ClinicAction, Reply
from actions.situation import describes_situation
from actions.turn import (
    intent_confidences,
    intent_ranking,
    latest_text,
)
from actions.which_one import listed_option_meant
from clinic.queries import KnowledgeBase, TopicView
from clinic.question_parts import looks_like_question
from clinic.question_split import split_questions

MAX_SUGGESTIONS = 3
MIN_SUGGESTION_CONFIDENCE = 0.1


def suggested_topics(tracker: Tracker, kb: KnowledgeBase) -> list[TopicView]:
    """Likely topics: the classifier's FAQ candidates first, then full-text search of the facts."""
    suggestions: list[TopicView] = []
    for candidate in intent_ranking(tracker):
        name = candidate.get("name") or ""
        if name in NON_TOPIC_INTENTS or float(candidate.get("confidence") or 0) < MIN_SUGGESTION_CONFIDENCE:
            continue
        topic = kb.topic_for_intent(name)
        if topic is not None and topic not in suggestions:
            suggestions.append(topic)
    for topic in kb.suggest_topics(latest_text(tracker), limit=MAX_SUGGESTIONS):
        if topic not in suggestions:
            suggestions.append(topic)
    return suggestions[:MAX_SUGGESTIONS]


def answer_by_option(reply: Reply, tracker: Tracker, kb: KnowledgeBase, text: str) -> list[dict[str, Any]] | None:
    """An option the message points at, whatever topic the classifier was unsure of: one of the list just
    shown ("how does the 1st one you mentioned work?"), or the list of one set aside by name ("fed up of
    Botox... what else is there apart from the injections?"). None when it points at none."""
    listed = listed_option_meant(tracker)
    if listed:
        return answer_with_facts(reply, tracker, kb, None, text, named=listed)
    alternatives_of = list_of_alternatives(tracker, kb, text)
    if alternatives_of is not None:
        return answer_topic(reply, tracker, kb, alternatives_of, belief=1.0)
    return None


def settled_before_topics(reply: Reply, tracker: Tracker, kb: KnowledgeBase, text: str) -> list[dict[str, Any]] | None:
    """What an unsure classification is, read without its topics: the conversation's context, an option of the
    list shown, the patient's own case, or a goodbye ("I'll be off then, ta-ra": its "off" is no time off work)."""
    in_context = static_or_in_conversation(reply, tracker, kb)
    if in_context is not None:
        return in_context
    by_option = answer_by_option(reply, tracker, kb, text)
    if by_option is not None:
        return by_option
    if describes_situation(FactRanker(kb), text):
        return answer_situation(reply, tracker, kb, text)
    if says_goodbye_only(text):
        reply.say(kb.message("goodbye"))
        return []
    return None


class ActionDidYouMean(ClinicAction):
    """When the classifier is unsure, offer the likeliest topics instead of guessing one."""

    action_name = "action_did_you_mean"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        text = latest_text(tracker)
        if not text.strip():
            reply.say(kb.message("empty_message"))
            return []
        settled = settled_before_topics(reply, tracker, kb, text)
        if settled is not None:
            return settled
        parts = split_questions(text)
        topics = suggested_topics(tracker, kb)
        if topics and FactRanker.names_topic(topics[0], text) and sum(map(looks_like_question, parts)) < 2:
            # words that name the classifier's likeliest topic ("my face feels tight and my eye narrows
            # when I smile, what can help?" is synkinesis to both, however close its runner-up): answered
            # as if the classifier were sure, so a broad question gets the topic's overview; not when it
            # asks a second question the overview would drop ("what does reanimation mean, and how many kinds
            # of surgery are there?" had only the kinds)
            return answer_topic(reply, tracker, kb, topics[0], belief=1.0)
        if topics and (len(parts) > 1
                       or strong_match(kb, text, intent_confidences(tracker), topics[0].id)):
            # Several questions at once split the classifier's belief (each part is ranked alone);
            # words that single out one fact answer a question the classifier was unsure of.
            return answer_with_facts(reply, tracker, kb, topics[0], text)
        if not topics:
            # "thanks bye" is close between two kinds of small talk, not a question: answer the
            # likelier one rather than asking the patient to rephrase.
            small_talk = [name for name, confidence in intent_confidences(tracker).items()
                          if name in SMALL_TALK_INTENTS and confidence >= MIN_CONFIDENCE_IN_CONTEXT]
            reply.say(kb.message(small_talk[0]) if small_talk else kb.message("not_understood"))
            return []
        named = mentioned_procedures(tracker)
        context = tracker.get_slot(PROCEDURE_SLOT)
        if named:
            # A named procedure makes a middling guess safe to answer: the facts about it that
            # best match the question, within the likeliest topics.
            return answer_with_facts(reply, tracker, kb, topics[0], text)
        if (context
              and intent_confidences(tracker).get(topics[0].intent, 0.0) >= MIN_CONFIDENCE_IN_CONTEXT):
            # Mid-conversation about one procedure, a short follow-up ("when would I see results
            # from it?") is often close between two topics; the likeliest reading, for the
            # procedure being discussed, is what the patient expects rather than a question back.
            return answer_with_facts(reply, tracker, kb, topics[0], text)
        offer_topics(reply, kb, topics, None)
        return []


class ActionDefaultFallback(ClinicAction):
    """Replaces Rasa's default fallback (which needs a domain response) with the clinic's text."""

    action_name = "action_default_fallback"

    def respond(self, reply: Reply, tracker: Tracker, kb: KnowledgeBase) -> list[dict[str, Any]]:
        reply.say(kb.message("empty_message" if not latest_text(tracker).strip() else "not_understood"))
        return []
