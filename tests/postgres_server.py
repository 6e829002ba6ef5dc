"""A throw-away PostgreSQL server on 127.0.0.1 for tests: initdb, start, yield a URL, stop.

Runs the server programs of the Debian package (``scripts/ensure-postgres.sh`` installs them).
PostgreSQL refuses to run as root, so as root the data directory is handed to the ``postgres``
system user and the programs run under ``runuser``.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def server_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    for candidate in reversed(candidates):
        if Path(candidate, "initdb").exists():
            return Path(candidate)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *command]
    return command


@contextmanager
def postgres_server(database: str = "clinic_test") -> Iterator[str]:
    """Start a server, create ``database``, yield its SQLAlchemy URL; always stop and clean up."""
    bin_dir = server_bin_dir()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL server programs not found (run scripts/ensure-postgres.sh)")
    workdir = Path(tempfile.mkdtemp(prefix="clinic-pg-"))
    data_dir = workdir / "data"
    port = _free_port()
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres", "postgres")
    workdir.chmod(0o700)
    run = lambda *cmd: subprocess.run(_as_server_user([str(c) for c in cmd]), check=True,  # noqa: E731
                                      capture_output=True, text=True, cwd="/tmp")
    try:
        run(bin_dir / "initdb", "-D", data_dir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        options = f"-c listen_addresses=127.0.0.1 -p {port} -k {workdir} -c fsync=off"
        run(bin_dir / "pg_ctl", "-D", data_dir, "-o", options, "-l", workdir / "server.log", "-w", "start")
        try:
            run(bin_dir / "createdb", "-h", "127.0.0.1", "-p", port, "-U", "postgres", database)
            yield f"postgresql+psycopg2://postgres@127.0.0.1:{port}/{database}"
        finally:
            run(bin_dir / "pg_ctl", "-D", data_dir, "-m", "fast", "-w", "stop")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
