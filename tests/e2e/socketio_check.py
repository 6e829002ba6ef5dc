"""The website widget's channel (socket.io): a new conversation's first reply has the disclaimer.

Talks to the running server the way the widget does: connect, ask for a session, take the id the
server issues (channels/web.py), send a message, collect ``bot_uttered`` events until they stop coming.
"""

from __future__ import annotations

import asyncio

import socketio


async def first_replies(url: str, text: str, quiet_seconds: float = 1.5, timeout: float = 30.0) -> list[str]:
    client = socketio.AsyncClient(reconnection=False)
    replies: list[str] = []
    received = asyncio.Event()

    @client.on("bot_uttered")
    async def on_bot_uttered(data: dict) -> None:
        replies.append(str(data.get("text") or ""))
        received.set()

    confirmed: asyncio.Queue[dict] = asyncio.Queue()
    client.on("session_confirm", confirmed.put_nowait)
    await client.connect(url, socketio_path="/socket.io", transports=["polling"])
    try:
        await client.emit("session_request", {})
        session = await asyncio.wait_for(confirmed.get(), timeout)
        await client.emit("user_uttered", {"message": text, "session_id": session["session_id"]})
        await asyncio.wait_for(received.wait(), timeout)
        while True:  # collect the rest of the turn: stop after a quiet spell
            received.clear()
            try:
                await asyncio.wait_for(received.wait(), quiet_seconds)
            except asyncio.TimeoutError:
                break
    finally:
        await client.disconnect()
    return replies


def socketio_first_replies(url: str, text: str) -> list[str]:
    return asyncio.run(first_replies(url, text))
