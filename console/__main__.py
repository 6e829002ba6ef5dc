"""``python -m console``: serve the staff console with waitress (a production WSGI server) on
CONSOLE_HOST:CONSOLE_PORT (default 127.0.0.1:8081). Applies RETENTION_DAYS once at start when set."""

from __future__ import annotations

import logging

from waitress import serve

from console.app import create_app
from console.retention import apply_retention
from console.settings import console_settings


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    settings = console_settings()
    if settings.retention_days > 0:
        apply_retention(settings, settings.retention_days)
    app = create_app(settings)
    print(f"Staff console on http://{settings.host}:{settings.port}/", flush=True)
    serve(app, host=settings.host, port=settings.port, threads=4, ident="console")


if __name__ == "__main__":
    main()
