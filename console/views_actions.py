"""What staff do to a conversation: status and assignee, notes, callbacks, saved views, and the
takeover (pause, reply into the patient's channel, hand back). Every route is a POST guarded by
the session's CSRF token (checked in console.app) and leaves a line in the audit log."""

from __future__ import annotations

from flask import Blueprint, abort, flash, g, redirect, request, url_for
from sqlalchemy import delete
from sqlalchemy.orm import Session

from clinic.frontdesk import (
    CALLBACK_STATUSES,
    CONVERSATION_STATUSES,
    MAX_NOTE,
    CallbackRequest,
    ConversationState,
    Note,
    SavedView,
    utcnow,
)
from console.app import audit
from console.inbox import InboxFilter
from console.rasa_api import RasaUnavailable

actions = Blueprint("actions", __name__)
MAX_REPLY = 1000


def _conversation_id() -> str:
    conversation_id = request.form.get("conversation_id") or ""
    if not conversation_id or len(conversation_id) > 255 or not g.conversations.summaries([conversation_id]):
        abort(404)
    return conversation_id


def _back(conversation_id: str):
    return redirect(url_for("views.transcript", conversation_id=conversation_id))


def _state(session: Session, conversation_id: str) -> ConversationState:
    state = session.get(ConversationState, conversation_id)
    if state is None:
        state = ConversationState(conversation_id=conversation_id, status="new", assignee="", taken_over_by="")
        session.add(state)
    state.updated_at = utcnow()
    return state


@actions.post("/actions/status")
def set_status():
    conversation_id = _conversation_id()
    status = request.form.get("status") or ""
    assignee = (request.form.get("assignee") or "").strip()[:80]
    if status not in CONVERSATION_STATUSES:
        abort(400)
    with Session(g.engine, future=True) as session, session.begin():
        state = _state(session, conversation_id)
        changes = []
        if state.status != status:
            changes.append(("status", f"{state.status} -> {status}"))
            state.status = status
        if state.assignee != assignee:
            changes.append(("assign", f"{state.assignee or 'nobody'} -> {assignee or 'nobody'}"))
            state.assignee = assignee
    for action, detail in changes:
        audit(action, conversation_id, detail)
    return _back(conversation_id)


@actions.post("/actions/note")
def add_note():
    conversation_id = _conversation_id()
    text = (request.form.get("text") or "").strip()
    if not text or len(text) > MAX_NOTE:
        flash(f"A note needs 1 to {MAX_NOTE} characters.")
        return _back(conversation_id)
    with Session(g.engine, future=True) as session, session.begin():
        session.add(Note(conversation_id=conversation_id, author=g.staff.name, text=text))
    audit("note", conversation_id, "note added")
    return _back(conversation_id)


def _switch_assistant(conversation_id: str, *, paused: bool):
    """Pause (takeover) or resume (hand back) the assistant through Rasa, then record who holds it."""
    try:
        (g.rasa.pause if paused else g.rasa.resume)(conversation_id)
    except RasaUnavailable as problem:
        flash(f"Could not {'pause' if paused else 'resume'} the assistant: {problem}")
        return _back(conversation_id)
    with Session(g.engine, future=True) as session, session.begin():
        state = _state(session, conversation_id)
        state.taken_over_by = g.staff.name if paused else ""
        if paused and state.status == "new":
            state.status = "in_progress"
    audit("takeover" if paused else "hand_back", conversation_id,
          "assistant paused" if paused else "assistant resumed")
    return _back(conversation_id)


@actions.post("/actions/takeover")
def takeover():
    return _switch_assistant(_conversation_id(), paused=True)


@actions.post("/actions/hand-back")
def hand_back():
    return _switch_assistant(_conversation_id(), paused=False)


@actions.post("/actions/reply")
def staff_reply():
    conversation_id = _conversation_id()
    text = (request.form.get("text") or "").strip()
    if not text or len(text) > MAX_REPLY:
        flash(f"A reply needs 1 to {MAX_REPLY} characters.")
        return _back(conversation_id)
    if not any(s.paused for s in g.conversations.summaries([conversation_id])):
        flash("Take the conversation over before replying.")
        return _back(conversation_id)
    try:
        g.rasa.staff_reply(conversation_id, g.staff.name, text)
    except RasaUnavailable as problem:
        flash(f"The reply was not sent: {problem}")
        return _back(conversation_id)
    audit("staff_reply", conversation_id, f"{len(text)} characters")
    return _back(conversation_id)


@actions.post("/actions/callback")
def callback_status():
    status = request.form.get("status") or ""
    note = (request.form.get("note") or "").strip()[:MAX_NOTE]
    try:
        callback_id = int(request.form.get("callback_id") or "")
    except ValueError:
        abort(400)
    if status not in CALLBACK_STATUSES:
        abort(400)
    with Session(g.engine, future=True) as session, session.begin():
        callback = session.get(CallbackRequest, callback_id)
        if callback is None:
            abort(404)
        old, conversation_id = callback.status, callback.conversation_id
        callback.status, callback.handled_by, callback.updated_at = status, g.staff.name, utcnow()
        if note:
            callback.note = (callback.note + "\n" if callback.note else "") + f"{g.staff.name}: {note}"
    audit("callback", conversation_id, f"callback {callback_id}: {old} -> {status}")
    return redirect(url_for("views.callbacks"))


@actions.post("/views/save")
def save_view():
    name = (request.form.get("name") or "").strip()[:80]
    query = InboxFilter.from_args(request.form).query_string()
    if not name:
        flash("Give the view a name.")
        return redirect(url_for("views.inbox"))
    with Session(g.engine, future=True) as session, session.begin():
        session.execute(delete(SavedView).where(SavedView.user_id == g.staff.id, SavedView.name == name))
        session.add(SavedView(user_id=g.staff.id, name=name, query=query))
    audit("save_view", detail=name)
    return redirect(url_for("views.inbox") + (f"?{query}" if query else ""))


@actions.post("/views/delete")
def delete_view():
    with Session(g.engine, future=True) as session, session.begin():
        session.execute(delete(SavedView).where(SavedView.user_id == g.staff.id,
                                                SavedView.id == int(request.form.get("id") or 0)))
    return redirect(url_for("views.inbox"))

