"""Pages: login and logout, inbox (with its self-refreshing rows), transcript, callbacks queue,
insights, "ask the assistant", CSV export and the audit log."""

from __future__ import annotations

import secrets
from datetime import timedelta

from flask import (
    Blueprint,
    Response,
    abort,
    g,
    make_response,
    redirect,
    render_template,
    request,
    stream_with_context,
    url_for,
)
from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.wrappers import Response as BaseResponse

from clinic.frontdesk import CALLBACK_STATUSES, CONVERSATION_STATUSES, AuditEntry, SavedView, StaffUser
from console import auth
from console.app import LOGIN_CSRF_COOKIE, SESSION_COOKIE, audit
from console.ask import MAX_QUESTION, ask
from console.conversations import CHANNEL_PREFIXES, FLAGS
from console.inbox import InboxFilter, csv_export
from console.insights import insights
from console.paging import Cursor, every_match, inbox_page
from console.rasa_api import RasaUnavailable

views = Blueprint("views", __name__)
MAX_ID = 255


def _cookie(response: BaseResponse, name: str, value: str, max_age: int | None) -> None:
    response.set_cookie(name, value, max_age=max_age, httponly=True, samesite="Strict",
                        secure=g.settings.secure_cookies, path="/")


@views.get("/login")
def login(error: str = "", status: int = 200):
    if g.staff is not None and request.method == "GET":
        return redirect(url_for("views.inbox"))
    # Reuse the browser's token: a second GET /login (another tab, the favicon's redirect) must
    # not invalidate the form already on screen.
    existing = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    token = existing if 40 <= len(existing) <= 64 else secrets.token_urlsafe(32)
    response = make_response(render_template("login.html", csrf_token=token, error=error), status)
    _cookie(response, LOGIN_CSRF_COOKIE, token, 3600)
    return response


@views.post("/login")
def login_post():
    if not auth.tokens_match(request.cookies.get(LOGIN_CSRF_COOKIE, ""), request.form.get("csrf_token")):
        return login("The form expired. Please try again.", 403)
    name = (request.form.get("name") or "").strip()[:80]
    password = request.form.get("password") or ""
    keys = [f"name:{name.lower()}", f"ip:{request.remote_addr}"]
    settings = g.settings
    window = timedelta(minutes=settings.login_window_minutes)
    if auth.too_many_failures(g.engine, keys, settings.login_max_failures, window):
        return login(f"Too many failed attempts. Try again in {settings.login_window_minutes} minutes.", 429)
    user = auth.check_password(g.engine, name, password)
    if user is None:
        auth.record_failure(g.engine, keys)
        return login("Wrong name or password.", 401)
    token = auth.open_session(g.engine, user, settings.session_hours)
    response = redirect(url_for("views.inbox"))
    _cookie(response, SESSION_COOKIE, token, int(settings.session_hours * 3600))
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    g.staff = auth.staff_for_token(g.engine, token)
    audit("login")
    return response


@views.post("/logout")
def logout():
    audit("logout")
    auth.close_session(g.engine, request.cookies.get(SESSION_COOKIE))
    response = redirect(url_for("views.login"))
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


def _saved_views() -> list[SavedView]:
    with Session(g.engine, future=True) as session:
        return list(session.scalars(select(SavedView).where(SavedView.user_id == g.staff.id).order_by(SavedView.name)))


def _inbox_context() -> dict:
    chosen = InboxFilter.from_args(request.args)
    after = Cursor.decode(request.args.get("after"))
    page = inbox_page(g.conversations, chosen, after)
    query = chosen.query_string()
    older = f"?{query}&" if query else "?"
    return {"rows": page.all_rows, "chosen": chosen, "flags": FLAGS, "statuses": CONVERSATION_STATUSES,
            "channels": sorted({*CHANNEL_PREFIXES.values(), "rest", "socketio"}), "first_page": after is None,
            "older_link": f"{older}after={page.older.encode()}" if page.older else "",
            "urgent_ids": [r.conversation_id for r in page.pinned]}


@views.get("/")
def inbox():
    return render_template("inbox.html", saved_views=_saved_views(), refresh=g.settings.refresh_seconds,
                           **_inbox_context())


@views.get("/inbox/rows")
def inbox_rows_partial():
    return render_template("inbox_rows.html", **_inbox_context())


@views.get("/api/conversations")
def api_conversations():
    context = _inbox_context()
    return {"conversations": [{"id": r.conversation_id, "channel": r.channel, "flags": sorted(r.flags),
                               "status": r.status, "assignee": r.assignee, "first_question": r.first_question,
                               "last_activity": r.last_activity.isoformat()} for r in context["rows"]],
            "older": context["older_link"]}


@views.get("/export.csv")
def export_csv():
    """Every conversation the filter selects (not only the page on screen), streamed."""
    chosen = InboxFilter.from_args(request.args)
    audit("export", detail=f"filter: {chosen.query_string() or 'none'}")
    lines = csv_export(every_match(g.conversations, chosen))
    return Response(stream_with_context(lines), mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=conversations.csv"})


@views.get("/conversations/<path:conversation_id>")
def transcript(conversation_id: str):
    if len(conversation_id) > MAX_ID:
        abort(404)
    summaries = g.conversations.summaries([conversation_id])
    if not summaries:
        abort(404)
    audit("view_transcript", conversation_id)
    return render_template("transcript.html", summary=summaries[0],
                           turns=g.conversations.transcript(conversation_id),
                           statuses=CONVERSATION_STATUSES, staff_names=_staff_names())


def _staff_names() -> list[str]:
    with Session(g.engine, future=True) as session:
        return list(session.scalars(select(StaffUser.name).where(StaffUser.active.is_(True)).order_by(StaffUser.name)))


@views.get("/callbacks")
def callbacks():
    status = request.args.get("status", "open")
    chosen = status if status in CALLBACK_STATUSES else ""
    return render_template("callbacks.html", callbacks=g.conversations.callbacks(chosen or None),
                           statuses=CALLBACK_STATUSES, chosen=chosen)


@views.get("/insights")
def insights_page():
    try:
        days = min(max(int(request.args.get("days", "30")), 7), 365)
    except ValueError:
        days = 30
    return render_template("insights.html", data=insights(g.conversations, days), days=days)


@views.route("/ask", methods=["GET", "POST"])
def ask_page():
    preview, error, question = None, "", ""
    if request.method == "POST":
        question = (request.form.get("question") or "").strip()
        if not question:
            error = "Type the caller's question."
        elif len(question) > MAX_QUESTION:
            error = f"Please keep it under {MAX_QUESTION} characters."
        else:
            try:
                preview = ask(g.rasa, g.engine, question)
                audit("ask_assistant")
            except RasaUnavailable as problem:
                error = f"The assistant is not reachable ({problem})."
    return render_template("ask.html", preview=preview, error=error, question=question)


@views.get("/audit")
def audit_log():
    if not g.staff.is_admin:
        abort(403)
    with Session(g.engine, future=True) as session:
        entries = list(session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(500)))
    return render_template("audit.html", entries=entries)
