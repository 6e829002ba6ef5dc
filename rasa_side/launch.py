"""Starts the Rasa server the clinic's way: ``python -m rasa_side.launch [rasa run options]``.

What plain ``rasa run`` does not do:
- the API token is read from ``RASA_API_TOKEN`` (or ``var/api_token``) and handed to Rasa inside
  this process, so it never appears in a process list, a shell history or a URL;
- CORS allows only ``CLINIC_SITE_ORIGINS`` (space or comma separated), never ``*``;
- Rasa's telemetry is off, and its log level is never DEBUG (that level quotes every message);
- custom actions are guarded (``rasa_side.action_guard``): a failing action server still gets the
  patient a reply; their responses are checked with a compiled schema (``rasa_side.action_response``) and
  their HTTP calls reuse one kept-alive connection (``rasa_side.action_http``) and carry the
  recent events only (``rasa_side.action_payload``);
- start-up stops with a clear error when the model or our spaCy pipeline is missing or the model
  cannot be loaded, instead of a server that answers every message with nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from clinic.settings import ROOT

TOKEN_FILE = ROOT / "var" / "api_token"
EXIT_CANNOT_START = 2


class CannotStart(RuntimeError):
    """A reason the Rasa server must not start, worded for the person starting it."""


def api_token(environ: dict[str, str] | os._Environ[str] = os.environ, token_file: Path = TOKEN_FILE) -> str:
    """The HTTP API token: ``RASA_API_TOKEN``, else the file setup generated."""
    token = environ.get("RASA_API_TOKEN", "").strip()
    if not token and token_file.is_file():
        token = token_file.read_text(encoding="utf-8").strip()
    if not token:
        raise CannotStart(f"no API token: set RASA_API_TOKEN or create {token_file} (scripts/env.sh does)")
    return token


def site_origins(value: str) -> list[str]:
    """The allowed browser origins; "*" is refused (it would let any site use the API with a token)."""
    origins = [o for o in re.split(r"[\s,]+", value.strip()) if o]
    if "*" in origins:
        raise CannotStart("CLINIC_SITE_ORIGINS may not contain '*': list the clinic's site origins")
    return origins


def spacy_pipelines(config_path: Path) -> list[Path]:
    """The spaCy pipelines ``config.yml`` loads by path."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    return [ROOT / str(step["model"]) for step in config.get("pipeline") or []
            if isinstance(step, dict) and step.get("name") == "SpacyNLP" and step.get("model")]


def check_files(model: str | None, config_path: Path = ROOT / "config.yml") -> None:
    """Fail early, and say what to run, when the model or a spaCy pipeline is missing."""
    if not model or not Path(model).is_file():
        raise CannotStart(f"no trained model at {model or '(no --model given)'}: run `make setup`")
    for pipeline in spacy_pipelines(config_path):
        if not (pipeline / "config.cfg").is_file():
            raise CannotStart(f"the spaCy pipeline {pipeline} is missing: run `make setup` (python -m nlp.build)")


def stop_when_model_does_not_load() -> None:
    """Rasa logs a model that fails to load and serves on with no model: stop instead."""
    import rasa.core.run

    load = rasa.core.run.load_agent_on_start

    async def load_or_stop(*args: Any, **kwargs: Any) -> Any:
        agent = await load(*args, **kwargs)
        if not agent.is_ready():
            print("The Rasa server cannot start: the model could not be loaded (the error is above).",
                  file=sys.stderr, flush=True)
            os._exit(EXIT_CANNOT_START)
        return agent

    rasa.core.run.load_agent_on_start = load_or_stop


def rasa_arguments(argv: list[str], environ: dict[str, str] | os._Environ[str] = os.environ) -> list[str]:
    """``rasa run`` arguments: the caller's, the API token and the allowed origins."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--model", "-m")
    parser.add_argument("--enable-api", action="store_true")
    known, _ = parser.parse_known_args(argv)
    if any(a in ("--auth-token", "-t", "--cors") or a.startswith(("--auth-token=", "--cors=")) for a in argv):
        raise CannotStart("pass the token in RASA_API_TOKEN and origins in CLINIC_SITE_ORIGINS, not as arguments")
    check_files(known.model)
    arguments = ["run", *argv]
    if known.enable_api:
        arguments += ["--auth-token", api_token(environ)]
    origins = site_origins(environ.get("CLINIC_SITE_ORIGINS", ""))
    if origins:
        arguments += ["--cors", *origins]
    return arguments


def main(argv: list[str] | None = None) -> int:
    os.environ["RASA_TELEMETRY_ENABLED"] = "false"
    if os.environ.get("LOG_LEVEL", "").upper() == "DEBUG":
        # Rasa's debug log quotes every message and sender id: patient data has no place in logs.
        print("LOG_LEVEL=DEBUG would log patients' messages; the Rasa server logs at INFO.", file=sys.stderr)
        os.environ["LOG_LEVEL"] = "INFO"
    try:
        arguments = rasa_arguments(list(sys.argv[1:] if argv is None else argv))
    except CannotStart as error:
        print(f"The Rasa server cannot start: {error}", file=sys.stderr)
        return EXIT_CANNOT_START
    os.environ.pop("RASA_API_TOKEN", None)  # Rasa has it now; nothing else in this process needs it

    from rasa.__main__ import main as rasa_main

    from rasa_side import action_guard, action_http, action_payload, action_response

    action_guard.install()
    action_http.install()
    action_payload.install()
    action_response.install()
    stop_when_model_does_not_load()
    sys.argv = ["rasa", *arguments]
    rasa_main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
