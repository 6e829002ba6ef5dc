"""Reading the current turn from a tracker: intent, entities, text, whether the bot spoke yet."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rasa_sdk import Tracker

from actions.constants import (
    LANGUAGE_ENTITY,
    NON_TOPIC_INTENTS,
    PREVIOUS_TOPIC_SLOT,
    RED_FLAG_EXTRACTOR,
    RED_FLAG_KIND_ENTITY,
    SPANISH_PREFIX,
)
from clinic.out_of_action import (
    as_time_off_question,
    as_time_to_work_question,
    asks_time_out_of_action,
    asks_time_to_work,
)
from clinic.verdict_asked import asks_for_verdict


def latest_text(tracker: Tracker) -> str:
    return str(tracker.latest_message.get("text") or "")


# The operation's length, the time off work and the recovery (whose answer tells when the operation starts to
# work), as the topics' intents are named (knowledge/topics.yml)
OPERATION_LENGTH_INTENT, OUT_OF_ACTION_INTENT = "ask_surgery_duration", "ask_time_off_work"
RECOVERY_INTENT = "ask_recovery"


def _how_long_meant(read: str, text: str) -> tuple[str, Callable[[str], str]] | None:
    """The intent a "how long" question means where the classifier ``read`` another, with how its text is said
    for the fact ranking (``clinic.out_of_action``); None when it means what was read. "How long must I close
    the cafe?" read as the operation's length asks how long the person is out of action ("how long" said as
    "how much time off": "how long would he need to take it easy?" has the surgery time's words); "how long does
    it take to work?" read as either asks when the operation works ("how soon")."""
    if read == OPERATION_LENGTH_INTENT and asks_time_out_of_action(text):
        return OUT_OF_ACTION_INTENT, as_time_off_question
    if _asks_when_it_works(read, text):
        return RECOVERY_INTENT, as_time_to_work_question
    return None


def _asks_when_it_works(read: str, text: str) -> bool:
    return read in (OPERATION_LENGTH_INTENT, OUT_OF_ACTION_INTENT) and asks_time_to_work(text)


def latest_intent(tracker: Tracker) -> str:
    """The classifier's intent, or the one its "how long" means (``_how_long_meant``)."""
    read = _classified_intent(tracker)
    meant = _how_long_meant(read, latest_text(tracker))
    return meant[0] if meant else read


def question_text(tracker: Tracker) -> str:
    """The latest message as the facts are ranked for it: a re-read "how long" said as what it asks
    (``_how_long_meant``)."""
    text = latest_text(tracker)
    meant = _how_long_meant(_classified_intent(tracker), text)
    return meant[1](text) if meant else text


def _classifier_intent(tracker: Tracker) -> str:
    return str((tracker.latest_message.get("intent") or {}).get("name") or "")


# The topic whose answer is how the decision is made ("only your surgeon can assess"), and the intents no
# question about a fact is read as instead of it (small talk, out of scope, the case's own topics)
VERDICT_INTENT = "ask_personal_advice"
_NO_FACT_INTENTS = NON_TOPIC_INTENTS | {VERDICT_INTENT, "ask_candidacy", "request_callback"}
MIN_FACT_READING = 0.03  # below this the classifier's runner-up is noise, not a reading of the question


def _classified_intent(tracker: Tracker) -> str:
    """The classifier's intent; a question filed as asking for a verdict on one's case that has no word
    asking for one ("will the difference show by summer?") is read as the likeliest topic of a fact instead
    (``clinic.verdict_asked``)."""
    read = _classifier_intent(tracker)
    if read != VERDICT_INTENT or asks_for_verdict(latest_text(tracker)):
        return read
    fact_readings = [r for r in intent_ranking(tracker) if str(r.get("name")) not in _NO_FACT_INTENTS]
    best = fact_readings[0] if fact_readings else {}
    return str(best["name"]) if float(best.get("confidence") or 0.0) >= MIN_FACT_READING else read


def time_to_work_asked(tracker: Tracker) -> bool:
    """The classifier read the operation's length or the time off work where the question asks how long
    before the operation works."""
    return _asks_when_it_works(_classified_intent(tracker), latest_text(tracker))


def previous_user_event(tracker: Tracker) -> dict[str, Any]:
    """The patient's message before this one as an event ({} at the start of a conversation)."""
    user_events = [e for e in tracker.events if e.get("event") == "user"]
    return user_events[-2] if len(user_events) >= 2 else {}


def slot_before_message(tracker: Tracker, name: str) -> Any:
    """A slot's value before the latest message filled it from its own entities: what the
    conversation was about, as opposed to what this message names."""
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    if last_user < 0 or not any(e.get("event") == "slot" and e.get("name") == name for e in events[last_user:]):
        return tracker.get_slot(name)  # this message set nothing: the slot is as it was
    value = None
    for event in events[:last_user]:
        if event.get("event") == "slot" and event.get("name") == name:
            value = event.get("value")
        elif event.get("event") in ("restart", "session_started"):
            value = None
    return value


def previous_intent(tracker: Tracker) -> str:
    """The intent of the patient's message before this one ("nlu_fallback" at the start of a conversation)."""
    parse_data = previous_user_event(tracker).get("parse_data") or {}
    return str((parse_data.get("intent") or {}).get("name") or "nlu_fallback")


def previous_text(tracker: Tracker) -> str:
    """The patient's message before this one ("" at the start of a conversation)."""
    return str(previous_user_event(tracker).get("text") or "")


def intent_ranking(tracker: Tracker) -> list[dict[str, Any]]:
    return list(tracker.latest_message.get("intent_ranking") or [])


def intent_confidences(tracker: Tracker) -> dict[str, float]:
    """The classifier's confidence per intent for the latest message (unranked intents are absent), the
    operation's length and the time off work traded when the question is of the latter, the intent read and
    the recovery when it asks how long before the operation works (``latest_intent``)."""
    confidence = {str(r.get("name")): float(r.get("confidence") or 0.0) for r in intent_ranking(tracker)}
    read, classified = _classified_intent(tracker), _classifier_intent(tracker)
    if read != classified:  # a fact's topic read where the classifier filed a verdict asked for
        confidence = _traded(confidence, classified, read)
    return _as_meant(confidence, read, latest_text(tracker))


def _as_meant(confidence: dict[str, float], read: str, text: str) -> dict[str, float]:
    """``confidence`` with the intent read and the one its "how long" means traded (``_how_long_meant``)."""
    meant = _how_long_meant(read, text)
    return _traded(confidence, read, meant[0]) if meant else confidence


def _traded(confidence: dict[str, float], read: str, meant: str) -> dict[str, float]:
    """``confidence`` with the intent the classifier read and the one the question means traded
    (``latest_intent``)."""
    return {**confidence, read: confidence.get(meant, 0.0), meant: confidence.get(read, 0.0)}


def question_part_confidences(tracker: Tracker) -> list[tuple[str, dict[str, float]]]:
    """Each question of a several-question message with the classifier's confidence per intent for
    it alone (``nlp.intent_model.part_rankings``); empty for one question. Malformed entries are
    skipped: this is read from the tracker, not trusted to have the shape the classifier gave it."""
    found = []
    for part in tracker.latest_message.get("question_parts") or []:
        if not isinstance(part, dict) or not isinstance(part.get("text"), str):
            continue
        if not isinstance(part.get("intents"), dict):
            continue
        intents = {str(k): float(v) for k, v in part["intents"].items() if isinstance(v, (int, float))}
        # "...and how long would he need to take it easy?" read as the operation's length: the time off, and
        # "...how long till it works?" the recovery, as for one question
        read = max(intents, key=intents.__getitem__, default="")
        found.append((part["text"], _as_meant(intents, read, part["text"])))
    return found


def entity_value(tracker: Tracker, *entity_types: str) -> str | None:
    """The first value of any of ``entity_types`` in the latest message, in message order."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") in entity_types and entity.get("value") is not None:
            return str(entity["value"])
    return None


def trusted_red_flag_kinds(tracker: Tracker) -> list[str]:
    """The red-flag kinds the NLU pipeline's red-flag component found, most urgent first.

    Only that component's entities count: a kind typed into a "/intent{...}" payload, or set by
    any other extractor, is never believed (it could forge an urgent event in the staff's log).
    """
    return list(dict.fromkeys(
        str(e["value"]) for e in tracker.latest_message.get("entities") or []
        if e.get("entity") == RED_FLAG_KIND_ENTITY and e.get("extractor") == RED_FLAG_EXTRACTOR and e.get("value")
    ))


def trusted_entity(tracker: Tracker, entity_type: str) -> str | None:
    """The first value of a guard entity (language, guard_note) that the red-flag component set."""
    for e in tracker.latest_message.get("entities") or []:
        if e.get("entity") == entity_type and e.get("extractor") == RED_FLAG_EXTRACTOR and e.get("value"):
            return str(e["value"])
    return None


def language_prefix(tracker: Tracker) -> str:
    """The content key prefix of this message's language: "es." for Spanish, "" for English."""
    return SPANISH_PREFIX if trusted_entity(tracker, LANGUAGE_ENTITY) == "es" else ""


def _last_bot_message(tracker: Tracker) -> dict[str, Any] | None:
    """The assistant's latest message since the conversation (session) started, if any."""
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "bot":
            return event
        if kind == "session_started":
            return None
    return None


def bot_spoke_this_session(tracker: Tracker) -> bool:
    """Whether the assistant already replied since the conversation (session) started."""
    return _last_bot_message(tracker) is not None


def choices_offered(tracker: Tracker) -> bool:
    """Whether the assistant's last message offered choices (buttons): only then can "something else" or
    "a different one" be a reply to it rather than words of a question ("is the eyelid operation a
    different one from the smile one?")."""
    message = _last_bot_message(tracker)
    return message is not None and bool((message.get("data") or {}).get("buttons"))


def earlier_topic(tracker: Tracker) -> str | None:
    """The topic discussed before the current one (the one a patient goes back to), if any."""
    return tracker.get_slot(PREVIOUS_TOPIC_SLOT) or None
