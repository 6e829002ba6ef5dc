"""Shared fixtures: the knowledge base on SQLite and on a real PostgreSQL server; the clinic's spaCy pipeline
and the shipped red-flag rules compiled for it."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from sqlalchemy.engine import Engine

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

from clinic.content import load, validated_content
from clinic.db import get_engine
from clinic.queries import KnowledgeBase
from nlp.build import PIPELINE_DIR, build
from nlp.red_flags import RedFlagRules
from nlp.red_flags.engine import default_rules
from tests.postgres_server import postgres_server, server_bin_dir


@pytest.fixture(scope="session")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Language:
    """The clinic's own pipeline; built into a temporary folder when it has not been built yet."""
    if (PIPELINE_DIR / "config.cfg").exists():
        return spacy.load(PIPELINE_DIR)
    target = tmp_path_factory.mktemp("clinic_en")
    build(pipeline_dir=target, synonyms_path=target / "synonyms.yml", force=True)
    return spacy.load(target)


@pytest.fixture(scope="session")
def rules(nlp: Language) -> RedFlagRules:
    """The shipped red-flag rules, compiled once for the session (and shared with the detectors built on ``nlp``)."""
    return default_rules(nlp.vocab)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A PostgreSQL server for the whole session. Skipped only where none is installed and the
    run does not demand it (``make test`` sets REQUIRE_POSTGRES=1, so there it must work)."""
    if server_bin_dir() is None and not os.environ.get("REQUIRE_POSTGRES"):
        pytest.skip("PostgreSQL is not installed (make test installs it)")
    with postgres_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """An empty database of each kind the clinic supports."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'clinic.db'}"
    else:
        url = request.getfixturevalue("postgres_url")
    engine = get_engine(url)
    yield engine
    if request.param == "postgresql":
        from clinic.models import Base

        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE IF EXISTS fact_search")
        Base.metadata.drop_all(engine)
    engine.dispose()


@pytest.fixture
def loaded_engine(engine: Engine) -> Engine:
    load(engine, validated_content())
    return engine


@pytest.fixture
def kb(loaded_engine: Engine) -> KnowledgeBase:
    return KnowledgeBase(loaded_engine)


@pytest.fixture(scope="session")
def loaded_sqlite_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content validated and loaded once into an SQLite file. Hundreds of tests answer from it, and
    validating and loading for each took half a second apiece, half the unit tests' time (session 52)."""
    path = tmp_path_factory.mktemp("knowledge_base") / "kb.db"
    engine = get_engine(f"sqlite:///{path}")
    load(engine, validated_content())
    engine.dispose()
    return path


@pytest.fixture
def sqlite_kb(loaded_sqlite_file: Path, tmp_path: Path) -> KnowledgeBase:
    """A loaded SQLite knowledge base, for tests that need no second backend: a copy of the one loaded for
    the session, so what one test writes (a logged red flag, a callback) no other test sees."""
    path = tmp_path / "kb.db"
    shutil.copyfile(loaded_sqlite_file, path)
    return KnowledgeBase(get_engine(f"sqlite:///{path}"))


@pytest.fixture
def use_kb(sqlite_kb: KnowledgeBase, monkeypatch: pytest.MonkeyPatch) -> KnowledgeBase:
    """``sqlite_kb`` as the knowledge base the actions answer from (files whose every test runs an action mark
    themselves with ``pytestmark = pytest.mark.usefixtures("use_kb")``)."""
    import actions.reply as reply_module  # here, not at the top: most tests never load the actions

    monkeypatch.setattr(reply_module, "_knowledge_base", sqlite_kb)
    return sqlite_kb
