"""``make staff-user NAME=alice [ROLE=admin]``: create a console account or reset its password.

The password comes from STAFF_PASSWORD when set (scripts, tests), otherwise it is prompted for
twice without echo. Resetting a password ends that account's sessions.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from clinic.db import get_engine
from clinic.frontdesk import ROLES, create_frontdesk_schema
from console.auth import set_password
from console.settings import console_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Create or reset a staff console account.")
    parser.add_argument("name")
    parser.add_argument("--role", default="front_desk", choices=ROLES)
    args = parser.parse_args(argv)
    password = os.environ.get("STAFF_PASSWORD")
    if not password:
        password = getpass.getpass(f"Password for {args.name}: ")
        if password != getpass.getpass("Again: "):
            print("The two passwords differ; nothing changed.", file=sys.stderr)
            return 1
    engine = get_engine(console_settings().database_url)
    create_frontdesk_schema(engine)
    try:
        created = set_password(engine, args.name, password, args.role)
    except ValueError as problem:
        print(f"Not saved: {problem}.", file=sys.stderr)
        return 1
    print(f"{'Created' if created else 'Reset'} {args.role.replace('_', ' ')} account {args.name!r}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
