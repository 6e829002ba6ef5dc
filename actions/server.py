"""Starts the action server the clinic's way: ``python -m actions.server --port 5055``.

- It listens on 127.0.0.1 unless ``SANIC_HOST`` says otherwise: it has no authentication, and only
  the Rasa server on the same host should reach it (rasa-sdk's own default is 0.0.0.0).
- It refuses to start, with a clear error, when the knowledge base is unreachable or empty
  (``make content`` loads it), instead of answering every question with an apology.
- ``/health/knowledge`` checks the database as well as the process (rasa-sdk's ``/health`` only
  says the process is up); it answers 503 when the database cannot be read.
- No CORS: no browser ever talks to it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from rasa_sdk.endpoint import create_app
from sanic import response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.reply import knowledge_base
from clinic.errors import KnowledgeBaseError

log = logging.getLogger(__name__)

DEFAULT_HOST = "127.0.0.1"
EXIT_CANNOT_START = 2


async def knowledge_health(_: Request) -> HTTPResponse:
    try:
        fingerprint = knowledge_base().check()
    except KnowledgeBaseError as error:
        return response.json({"status": "unavailable", "reason": str(error)}, status=503)
    return response.json({"status": "ok", "content": fingerprint[:12]})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT") or 5055))
    args = parser.parse_args(argv)
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO").upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    host = os.environ.get("SANIC_HOST") or DEFAULT_HOST
    try:
        kb = knowledge_base()
        kb.check()
        content = kb.content()
    except KnowledgeBaseError as error:
        print(f"The action server cannot start: {error}", file=sys.stderr)
        return EXIT_CANNOT_START
    app = create_app("actions", cors_origins=None)
    app.add_route(knowledge_health, "/health/knowledge", methods=["GET"])
    log.info("action server on http://%s:%s with %d topics in memory", host, args.port, len(content.topics))
    app.run(host, args.port, workers=1, access_log=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
