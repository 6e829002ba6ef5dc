"""The web channel's trust boundary, tested against the running server the way an attacker would
go at it: a second socket.io client that learned the first one's session id, forged tokens,
messages posted into another conversation, and a socket opened from another website."""

from __future__ import annotations

import asyncio
import os
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import socketio

ATTACKER_ORIGIN = "http://evil.example"


class Client:
    """A socket.io client that keeps what it receives."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sio = socketio.AsyncClient(reconnection=False)
        self.replies: list[dict] = []
        self.confirmed: asyncio.Queue[dict] = asyncio.Queue()
        self.sio.on("bot_uttered", self.replies.append)
        self.sio.on("session_confirm", self.confirmed.put_nowait)

    async def __aenter__(self) -> Client:
        await self.sio.connect(self.url, socketio_path="/socket.io", transports=["websocket"],
                               headers={"Origin": os.environ.get("WIDGET_SITE_ORIGIN", "")})
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.sio.disconnect()

    async def session(self, request: dict) -> dict:
        await self.sio.emit("session_request", request)
        return await asyncio.wait_for(self.confirmed.get(), 10)

    async def say(self, text: str, session_id: str | None) -> dict:
        return await self.sio.call("user_uttered", {"message": text, "session_id": session_id}, timeout=10)


def run(scenario):
    """Runs a coroutine function on its own thread's event loop (Playwright's synchronous API may hold
    this thread's loop when the browser tests ran first)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, scenario()).result()


async def settle(*clients: Client, quiet: float = 2.0, timeout: float = 30.0) -> None:
    """Waits until no client has received anything for ``quiet`` seconds."""
    loop = asyncio.get_running_loop()
    end, last, counts = loop.time() + timeout, loop.time(), None
    while loop.time() < end:
        now = [len(c.replies) for c in clients]
        if now != counts:
            counts, last = now, loop.time()
        elif loop.time() - last >= quiet:
            return
        await asyncio.sleep(0.1)


def test_a_second_client_with_the_first_ones_session_id_gets_nothing_and_posts_nothing(servers) -> None:
    async def scenario() -> tuple[dict, list[dict], list[dict], list[dict]]:
        async with Client(servers.rasa) as patient, Client(servers.rasa) as intruder:
            mine = await patient.session({})
            tries = [
                await intruder.session({"session_id": mine["session_id"]}),
                await intruder.session({"session_id": mine["session_id"], "session_token": "1." + "A" * 43}),
            ]
            own = await intruder.session({})
            stolen_id = {"session_id": mine["session_id"], "session_token": own["session_token"]}
            tries.append(await intruder.session(stolen_id))
            acks = [await intruder.say("hello from the intruder", mine["session_id"]),
                    await intruder.say("hello again", None)]
            assert (await patient.say("what are the risks of a nerve transfer?", mine["session_id"]))["ok"]
            await settle(patient, intruder)
            return mine, tries, acks, [patient.replies, intruder.replies]

    mine, tries, acks, (patient_replies, intruder_replies) = run(scenario)
    assert all(t["session_id"] != mine["session_id"] and not t["resumed"] for t in tries)
    assert acks[0] == {"ok": False, "error": "session_mismatch"}
    assert acks[1] == {"ok": True}  # into the intruder's own conversation
    assert any("incorrect nerve growth" in (r.get("text") or "") for r in patient_replies)
    assert not any("incorrect nerve growth" in (r.get("text") or "") for r in intruder_replies)
    user_events = [e for e in servers.tracker_events("web:" + mine["session_id"]) if e.get("event") == "user"]
    assert [e.get("text") for e in user_events] == ["what are the risks of a nerve transfer?"]
    assert {e.get("input_channel") for e in user_events} == {"web"}


def test_the_first_client_resumes_with_its_token_after_reconnecting(servers) -> None:
    async def scenario() -> tuple[dict, dict]:
        async with Client(servers.rasa) as first:
            mine = await first.session({})
        async with Client(servers.rasa) as again:
            back = await again.session({"session_id": mine["session_id"], "session_token": mine["session_token"]})
        return mine, back

    mine, back = run(scenario)
    assert back["session_id"] == mine["session_id"] and back["resumed"]


def test_bad_messages_get_a_reason(servers) -> None:
    async def scenario() -> list[dict]:
        async with Client(servers.rasa) as client:
            before = await client.sio.call("user_uttered", {"message": "hi"}, timeout=10)
            mine = await client.session({})
            return [before] + [await client.sio.call("user_uttered", data, timeout=10) for data in
                               ({"message": ""}, {"message": "x" * 5000}, {"message": ["a"]}, "just text",
                                {"message": "hi", "session_id": mine["session_id"], "metadata": {"admin": True}})]

    assert [a.get("error") for a in run(scenario)] == [
        "no_session", "empty", "too_long", "invalid", "invalid", None]


def connects(url: str, origin: str, transport: str) -> bool:
    async def attempt() -> bool:
        client = socketio.AsyncClient(reconnection=False)
        try:
            await client.connect(url, socketio_path="/socket.io", transports=[transport], headers={"Origin": origin},
                                 wait_timeout=3)
        except socketio.exceptions.ConnectionError:
            return False
        await client.disconnect()
        return True

    return run(attempt)


def test_only_the_clinic_site_may_open_a_socket(servers) -> None:
    site = os.environ["WIDGET_SITE_ORIGIN"]
    for transport in ("polling", "websocket"):
        assert connects(servers.rasa, site, transport), transport
        assert not connects(servers.rasa, ATTACKER_ORIGIN, transport), transport


def test_the_polling_transport_has_one_cors_header_for_the_site(servers) -> None:
    """Two Access-Control-Allow-Origin headers make browsers refuse the response: no polling fallback."""
    request = urllib.request.Request(f"{servers.rasa}/socket.io/?EIO=4&transport=polling",
                                     headers={"Origin": os.environ["WIDGET_SITE_ORIGIN"]})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.headers.get_all("Access-Control-Allow-Origin") == [os.environ["WIDGET_SITE_ORIGIN"]]
