"""The callback form: name, phone or e-mail, preferred time, one line about the question.

Started by the ``request_callback`` intent ("can someone call me?", the widget's "talk to the front
desk" entry, the button offered after two misunderstandings). On messaging channels (sender ids
``sms:``, ``wa:``, ``tg:``) the number or chat is already known, so the contact is not asked. The
patient can cancel at any point: the ``cancel_callback`` intent (a rule) or a bare "cancel"/"stop"
typed as an answer (checked here, in case the classifier reads it as something else).
"""

from __future__ import annotations

import logging
import re
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.exc import SQLAlchemyError

from actions.conversation import ActionSmallTalk
from actions.reply import knowledge_base
from actions.turn import bot_spoke_this_session, latest_text
from clinic.callbacks import (
    MAX_QUESTION,
    MAX_TIME,
    Contact,
    clean_line,
    known_contact,
    record_callback,
    valid_contact,
    valid_name,
)
from clinic.question_parts import looks_like_question

log = logging.getLogger(__name__)

FORM = "callback_form"
NAME, CONTACT, TIME, QUESTION = "callback_name", "callback_contact", "callback_time", "callback_question"
CONTACT_KIND = "callback_contact_kind"
FORM_SLOTS = (NAME, CONTACT, TIME, QUESTION)
ASK_MESSAGE = {NAME: "callback.ask_name", CONTACT: "callback.ask_contact", TIME: "callback.ask_time",
               QUESTION: "callback.ask_question"}
# A word of cancelling anywhere in a message ("can you cancel my callback?"), not only as the whole of it.
CANCELLING = re.compile(r"\b(?:cancel\w*|stop|never ?mind|forget (?:it|that|about it)|don'?t bother)\b", re.IGNORECASE)
CANCEL_WORDS = re.compile(r"\s*(cancel|stop|quit|exit|never ?mind|forget it|no thanks?)[\s.!]*", re.IGNORECASE)
VIA_MESSAGE = {"phone": "callback.via_phone", "email": "callback.via_email", "sms": "callback.via_number",
               "whatsapp": "callback.via_number", "telegram": "callback.via_chat"}


def cancelled_by_text(tracker: Tracker) -> bool:
    """A bare "cancel" or "stop" typed as an answer ends the form whatever the classifier said."""
    text = latest_text(tracker)
    return len(text) < 40 and CANCEL_WORDS.fullmatch(text) is not None


def clear_form() -> list[dict[str, Any]]:
    return [SlotSet(slot, None) for slot in (*FORM_SLOTS, CONTACT_KIND)]


class ValidateCallbackForm(FormValidationAction):
    """Checks each answer; a bad one is re-asked with a message that says what is expected."""

    def name(self) -> str:
        return "validate_callback_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        if known_contact(tracker.sender_id) is not None:
            return [slot for slot in domain_slots if slot != CONTACT]
        return domain_slots

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        if tracker.get_slot("requested_slot") and cancelled_by_text(tracker):
            dispatcher.utter_message(text=knowledge_base().message("callback.cancelled"))
            return [*clear_form(), SlotSet("requested_slot", None), ActiveLoop(None)]
        return await super().run(dispatcher, tracker, domain)

    def _reject(self, dispatcher: CollectingDispatcher, slot: str, message: str) -> dict[str, Any]:
        dispatcher.utter_message(text=knowledge_base().message(message))
        return {slot: None}

    def validate_callback_name(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        name = valid_name(str(value or ""))
        return {NAME: name} if name else self._reject(dispatcher, NAME, "callback.invalid_name")

    def validate_callback_contact(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                  domain: DomainDict) -> dict[str, Any]:
        contact = valid_contact(str(value or ""))
        if contact is None:
            return self._reject(dispatcher, CONTACT, "callback.invalid_contact")
        return {CONTACT: contact.value, CONTACT_KIND: contact.kind}

    def validate_callback_time(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                               domain: DomainDict) -> dict[str, Any]:
        line = clean_line(str(value or ""), MAX_TIME)
        return {TIME: line} if line else self._reject(dispatcher, TIME, "callback.invalid_time")

    def validate_callback_question(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker,
                                   domain: DomainDict) -> dict[str, Any]:
        line = clean_line(str(value or ""), MAX_QUESTION)
        return {QUESTION: line} if line else self._reject(dispatcher, QUESTION, "callback.invalid_question")


class AskCallbackSlot(Action, ABC):
    """``action_ask_<slot>``: the question for one slot, worded in knowledge/messages.yml. The first
    question of the form (asked before Rasa sets ``requested_slot``) is led by how to cancel."""

    @property
    @abstractmethod
    def slot(self) -> str:
        """The form slot this action asks for."""

    def name(self) -> str:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        kb = knowledge_base()
        if not bot_spoke_this_session(tracker):  # the form opened the conversation: disclaimer first
            dispatcher.utter_message(text=kb.message("disclaimer"))
        if tracker.get_slot("requested_slot") is None:  # the form's first question, not a re-ask
            dispatcher.utter_message(text=kb.message("callback.start"))
        dispatcher.utter_message(text=kb.message(ASK_MESSAGE[self.slot]))
        return []


class ActionAskCallbackName(AskCallbackSlot):
    slot = NAME


class ActionAskCallbackContact(AskCallbackSlot):
    slot = CONTACT


class ActionAskCallbackTime(AskCallbackSlot):
    slot = TIME


class ActionAskCallbackQuestion(AskCallbackSlot):
    slot = QUESTION


def form_contact(tracker: Tracker) -> Contact | None:
    known = known_contact(tracker.sender_id)
    if known is not None:
        return known
    value, kind = tracker.get_slot(CONTACT), tracker.get_slot(CONTACT_KIND)
    return Contact(str(kind), str(value)) if value and kind else None


class ActionFinishCallback(Action):
    """After the form: store the request and confirm when to expect the call. A form that ended
    without its answers (cancelled by a typed "cancel") stores nothing."""

    def name(self) -> str:
        return "action_finish_callback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        kb = knowledge_base()
        contact = form_contact(tracker)
        name, when, question = (tracker.get_slot(s) for s in (NAME, TIME, QUESTION))
        if not (name and contact and when and question):
            return clear_form()
        try:
            record_callback(kb.engine, conversation_id=tracker.sender_id,
                            channel=str(tracker.get_latest_input_channel() or ""), name=str(name),
                            contact=contact, preferred_time=str(when), question=str(question))
        except SQLAlchemyError:
            log.exception("a callback request could not be stored")
            dispatcher.utter_message(text=kb.message("callback.failed"))
            return clear_form()
        via = kb.message(VIA_MESSAGE.get(contact.kind, "callback.via_phone"), contact=contact.value)
        dispatcher.utter_message(text=kb.message("callback.confirm", name=str(name), via=via))
        return clear_form()


class ActionCancelCallback(Action):
    """"Cancel": ends the form if one is running, clears what it collected. With nothing to cancel, a
    message that asks something and says no word of cancelling was read as "cancel" by mistake (the
    classifier was unsure of "Kindly share details about the myectomy."): it is answered instead."""

    def name(self) -> str:
        return "action_cancel_callback"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> list[dict]:
        collected = any(tracker.get_slot(slot) for slot in FORM_SLOTS) or tracker.get_slot("requested_slot")
        running = collected or tracker.active_loop_name == FORM
        text = latest_text(tracker)
        if not running and looks_like_question(text) and not CANCELLING.search(text):
            # "Kindly share details about the myectomy." read as a cancellation with nothing to cancel:
            # a question, answered as any question filed under a word of no topic
            return await ActionSmallTalk().run(dispatcher, tracker, domain)
        key = "callback.cancelled" if running else "callback.nothing_to_cancel"
        dispatcher.utter_message(text=knowledge_base().message(key))
        return [*clear_form(), SlotSet("requested_slot", None)]
