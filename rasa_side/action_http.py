"""One keep-alive HTTP session per endpoint instead of a new one for every custom action call.

Rasa's ``EndpointConfig.request`` opens a fresh ``aiohttp.ClientSession`` (and so a fresh TCP
connection) for every call to the action server and closes it afterwards: about 15 % of the Rasa
server's time per turn in the profile (README "One turn"). ``install`` makes ``session()`` hand out
one shared session per endpoint and event loop, kept open, so calls reuse a pooled connection.
A pooled connection the action server has closed in the meantime (it restarted) fails once with
``ServerDisconnectedError``; ``rasa_side.action_guard`` retries such a call once.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import TracebackType
from typing import Any

import aiohttp
from rasa.utils.endpoints import EndpointConfig

_MARK = "_clinic_shared"
_sessions: dict[tuple[int, int], aiohttp.ClientSession] = {}


class _Borrowed:
    """``async with`` over a shared session that does not close it on the way out."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        return None


def install() -> None:
    """Share sessions for every endpoint of this process (idempotent)."""
    create: Callable[[EndpointConfig], aiohttp.ClientSession] = EndpointConfig.session
    if getattr(create, _MARK, False):
        return

    def shared_session(self: EndpointConfig) -> Any:
        key = (id(self), id(asyncio.get_running_loop()))
        session = _sessions.get(key)
        if session is None or session.closed:
            session = create(self)
            _sessions[key] = session
        return _Borrowed(session)

    setattr(shared_session, _MARK, True)
    EndpointConfig.session = shared_session
