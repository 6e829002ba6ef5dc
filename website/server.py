"""The demo clinic website: static files with the chat widget, behind a strict Content-Security-Policy.

    python -m website.server            # http://127.0.0.1:8080/ (SITE_HOST, SITE_PORT)

In production the files under ``website/static/`` are served as they are by nginx (README,
"The chat widget"); this server exists so ``make run`` shows the widget on a page, and it is what
the browser tests load. It fills the page's widget settings (``{{clinic_name}}`` and the like)
from the clinic's settings, sends the same security headers nginx would, serves only files under
``static/`` (no directory listings, no paths outside it), and only GET and HEAD.
"""

from __future__ import annotations

import argparse
import html
import mimetypes
import sys
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from clinic.settings import get_settings, get_site_settings

STATIC = Path(__file__).resolve().parent / "static"
TEMPLATED = {".html"}
MAX_PATH = 256


def websocket_origin(url: str) -> str:
    """``http://host:port`` -> ``ws://host:port`` (socket.io's websocket transport needs it in CSP)."""
    return "wss" + url[5:] if url.startswith("https") else "ws" + url[4:]


def security_headers(assistant_url: str) -> dict[str, str]:
    """What every response carries: the page may load its own files and talk to the assistant only."""
    connect = f"'self' {assistant_url} {websocket_origin(assistant_url)}"
    policy = (f"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; "
              f"connect-src {connect}; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
    return {
        "Content-Security-Policy": policy,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }


def page_values() -> dict[str, str]:
    """The widget settings written into the demo pages, HTML-escaped (they come from ``.env``)."""
    settings, site = get_settings(), get_site_settings()
    values = {
        "assistant_url": site.assistant_url,
        "clinic_name": settings.clinic_name,
        "clinic_phone": settings.clinic_phone,
        "emergency_number": settings.emergency_number,
    }
    return {key: html.escape(value, quote=True) for key, value in values.items()}


def static_file(url_path: str) -> Path | None:
    """The file under ``static/`` that ``url_path`` names, or None (missing, outside, hidden, a directory)."""
    if len(url_path) > MAX_PATH:
        return None
    relative = unquote(urlsplit(url_path).path).lstrip("/")
    if not relative or relative.endswith("/"):
        relative += "index.html"
    if any(part.startswith(".") for part in relative.split("/")) or "\\" in relative or "\x00" in relative:
        return None
    candidate = (STATIC / relative).resolve()
    if not candidate.is_relative_to(STATIC) or not candidate.is_file():
        return None
    return candidate


@lru_cache(maxsize=64)
def rendered(path: Path, mtime: float) -> bytes:
    """A file's bytes; pages get their ``{{placeholders}}`` filled (cached until the file changes)."""
    body = path.read_bytes()
    if path.suffix in TEMPLATED:
        text = body.decode("utf-8")
        for key, value in page_values().items():
            text = text.replace("{{" + key + "}}", value)
        body = text.encode("utf-8")
    return body


class SiteHandler(BaseHTTPRequestHandler):
    server_version = "clinic-site"
    sys_version = ""

    def do_GET(self) -> None:
        self.respond(head_only=False)

    def do_HEAD(self) -> None:
        self.respond(head_only=True)

    def respond(self, head_only: bool) -> None:
        path = static_file(self.path)
        if path is None:
            body, status, content_type = b"Not found\n", HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8"
        else:
            body, status = rendered(path, path.stat().st_mtime), HTTPStatus.OK
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            if content_type.startswith("text/") or content_type.endswith("javascript"):
                content_type += "; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in security_headers(get_site_settings().assistant_url).items():
            self.send_header(name, value)
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        sys.stderr.write(f"site: {self.address_string()} {format % args}\n")


def main() -> None:
    site = get_site_settings()
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=site.host)
    parser.add_argument("--port", type=int, default=site.port)
    args = parser.parse_args()
    if not (STATIC / "widget" / "clinic-chat.js").is_file():
        print("website/static/widget/clinic-chat.js is missing: run `make setup` (it builds the widget).",
              file=sys.stderr)
    server = ThreadingHTTPServer((args.host, args.port), SiteHandler)
    print(f"The clinic's demo page: http://{args.host}:{args.port}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
