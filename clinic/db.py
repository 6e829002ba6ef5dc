"""Engine and session creation; one engine per database URL per process.

SQLite gets foreign keys switched on and its folder created, so the embedded default needs no
setup at all; any other URL (PostgreSQL in production) is used as given.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine, create_engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from clinic.models import Base
from clinic.search import create_search_index
from clinic.settings import get_settings


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_private_file(path: Path) -> None:
    """Create the SQLite file (and its folder) readable by its owner only: it holds the red-flag
    log, which quotes patients. An existing file keeps its content and loses group/other access."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for ``url`` (default: ``DATABASE_URL`` from the settings)."""
    url = url or get_settings().database_url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            create_private_file(Path(parsed.database))
        engine = create_engine(url, future=True, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


CONTENT_TABLES = ("fact_topics", "fact_procedures", "facts", "topics", "procedures", "messages", "content_state")


def _content_schema_changed(engine: Engine) -> bool:
    """Whether an existing content table lacks a column the models now have."""
    existing = inspect(engine)
    for name in CONTENT_TABLES:
        if existing.has_table(name):
            columns = {c["name"] for c in existing.get_columns(name)}
            if not {c.name for c in Base.metadata.tables[name].columns} <= columns:
                return True
    return False


def _add_missing_columns(engine: Engine, table_name: str) -> None:
    """Add new nullable columns to a table whose rows must be kept (the red-flag log)."""
    existing = inspect(engine)
    if not existing.has_table(table_name):
        return
    present = {c["name"] for c in existing.get_columns(table_name)}
    table = Base.metadata.tables[table_name]
    with engine.begin() as conn:
        for column in table.columns:
            if column.name not in present:
                column_type = column.type.compile(dialect=engine.dialect)
                conn.exec_driver_sql(f'ALTER TABLE {table_name} ADD COLUMN "{column.name}" {column_type}')


def create_schema(engine: Engine) -> None:
    """Create missing tables and the full-text index (idempotent).

    Content tables only mirror the files in knowledge/, so when a release changes their shape they
    are dropped and rebuilt by the next load. The red-flag log is the clinic's own record and is
    never dropped: new columns are added to it instead.
    """
    if _content_schema_changed(engine):
        tables = [Base.metadata.tables[name] for name in CONTENT_TABLES]
        Base.metadata.drop_all(engine, tables=tables)
    _add_missing_columns(engine, "red_flag_events")
    Base.metadata.create_all(engine)
    create_search_index(engine)


def session_factory(engine: Engine) -> sessionmaker:
    return sessionmaker(bind=engine, future=True, expire_on_commit=False)


def open_session(url: str | None = None) -> Session:
    return session_factory(get_engine(url))()
