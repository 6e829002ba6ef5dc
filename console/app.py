"""The console's Flask application: sessions, CSRF and security headers around every request.

Every route except the login page and the vendored scripts needs a session; without one a page
redirects to the login and an API or htmx request gets 401, so no patient text leaves the server.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

from flask import Flask, g, jsonify, redirect, request, send_from_directory, url_for
from sqlalchemy.engine import Engine

from clinic.db import get_engine
from clinic.frontdesk import AuditEntry, create_frontdesk_schema
from console import auth
from console.conversations import Conversations
from console.rasa_api import RasaClient
from console.settings import ConsoleSettings, console_settings

SESSION_COOKIE = "console_session"
LOGIN_CSRF_COOKIE = "console_login_csrf"
PUBLIC_ENDPOINTS = frozenset({"views.login", "views.login_post", "vendor", "static", "favicon"})
VENDOR_DIR = Path(__file__).resolve().parent / "node_modules"
VENDOR_FILES = {"htmx.min.js": "htmx.org/dist/htmx.min.js", "chart.umd.min.js": "chart.js/dist/chart.umd.min.js"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def tracker_engine(url: str) -> Engine:
    """The tracker store, opened read-only where the driver allows it (SQLite)."""
    if url.startswith("sqlite:///") and "?" not in url:
        from sqlalchemy import create_engine

        path = Path(url.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true", future=True,
                             connect_args={"check_same_thread": False})
    return get_engine(url)


def audit(action: str, conversation_id: str = "", detail: str = "") -> None:
    """One line of the audit log for the signed-in staff member (never patient text)."""
    from sqlalchemy.orm import Session

    with Session(g.engine, future=True) as session, session.begin():
        session.add(AuditEntry(staff=g.staff.name, action=action, conversation_id=conversation_id[:255],
                               detail=detail[:500]))


def create_app(settings: ConsoleSettings | None = None) -> Flask:
    settings = settings or console_settings()
    app = Flask(__name__)
    app.config.update(MAX_CONTENT_LENGTH=64 * 1024, SETTINGS=settings, SECRET_KEY=secrets.token_bytes(32),
                      SESSION_COOKIE_HTTPONLY=True, SESSION_COOKIE_SAMESITE="Strict",
                      SESSION_COOKIE_SECURE=settings.secure_cookies,  # Flask's cookie carries only flash messages
                      PERMANENT_SESSION_LIFETIME=timedelta(hours=settings.session_hours))
    engine = get_engine(settings.database_url)
    create_frontdesk_schema(engine)
    conversations = Conversations(tracker_engine(settings.tracker_store_url), engine)
    rasa = RasaClient(settings.rasa_url, settings.rasa_token, settings.action_server_url)

    install_session_checks(app, engine, conversations, rasa, settings)
    install_static_routes(app)

    from console.views import views
    from console.views_actions import actions

    app.register_blueprint(views)
    app.register_blueprint(actions)
    return app


def install_session_checks(app: Flask, engine: Engine, conversations: Conversations, rasa: RasaClient,
                           settings: ConsoleSettings) -> None:
    """Every request: who is signed in; no session, no page; every POST carries the CSRF token."""
    @app.before_request
    def require_session():
        g.engine, g.conversations, g.rasa, g.settings = engine, conversations, rasa, settings
        g.staff = auth.staff_for_token(engine, request.cookies.get(SESSION_COOKIE))
        if request.endpoint in PUBLIC_ENDPOINTS:
            return None
        if g.staff is None:
            if request.path.startswith("/api/") or request.headers.get("HX-Request"):
                return jsonify(error="login required"), 401
            return redirect(url_for("views.login"))
        if request.method == "POST":
            given = request.form.get("csrf_token") or request.headers.get("X-CSRF-Token")
            if not auth.tokens_match(g.staff.csrf_token, given):
                return jsonify(error="missing or wrong CSRF token"), 403
        return None


def install_static_routes(app: Flask) -> None:
    """Security headers on every response; the favicon; the vendored browser scripts."""
    @app.after_request
    def security_headers(response):
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if request.endpoint not in ("vendor", "static"):
            response.headers["Cache-Control"] = "no-store"
        return response

    @app.get("/favicon.ico")
    def favicon():
        return "", 204

    @app.get("/vendor/<name>")
    def vendor(name: str):
        if name not in VENDOR_FILES:
            return "not found", 404
        relative = Path(VENDOR_FILES[name])
        return send_from_directory(VENDOR_DIR / relative.parent, relative.name, max_age=3600)
