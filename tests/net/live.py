"""Helpers for live-play tests: a real room on 127.0.0.1 and real WebSocket clients."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from quiz.engine.party import Standing
from quiz.engine.room import OpenQuestion, Reveal, Room
from quiz.models import AskedQuestion, GameSettings
from quiz.net.guards import Limits
from quiz.net.server import RoomServer
from tests.samples import CHOICE, ORDER, TEXT, TRUE

T = TypeVar("T")
CODE = "ABCD23"
ASKED = (
    AskedQuestion(CHOICE, CHOICE.choices),
    AskedQuestion(TRUE, ()),
    AskedQuestion(TEXT, ()),
    AskedQuestion(ORDER, ORDER.choices),
)
RIGHT = {
    1: ["Casino Night"],
    2: ["true"],
    3: ["Krasinski"],
    4: list(ORDER.answers),
}
QUICK = Limits(hello_within=0.5, read_within=1.0, wrong_code_wait=0.5)


def run(coro: Coroutine[Any, Any, T], timeout: float = 30) -> T:
    """Run a test's coroutine, bounded in time."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


async def open_room(
    limits: Limits = QUICK, time_limit: float = 5, max_players: int = 100
) -> tuple[RoomServer, int]:
    room = Room(ASKED, time_limit, max_players)
    settings = GameSettings(seed=1, count=len(ASKED), time_limit=int(time_limit), room_id="r1")
    server = RoomServer(room, CODE, settings, limits)
    return server, await server.start("127.0.0.1", 0)


async def dial(port: int) -> ClientConnection:
    return await connect(f"ws://127.0.0.1:{port}/", compression=None, max_size=None)


def hello(name: str, code: str = CODE, token: str | None = None, version: int = 1) -> str:
    message = {"type": "hello", "version": version, "code": code, "name": name, "token": token}
    return json.dumps(message)


async def player(port: int, name: str, token: str | None = None) -> ClientConnection:
    """A player in the room, its welcome read."""
    ws = await dial(port)
    await ws.send(hello(name, token=token))
    await next_of(ws, "welcome")
    return ws


async def next_of(ws: ClientConnection, kind: str, seen: list[str] | None = None) -> dict[str, Any]:
    """The next message of this type (the raw frames before it kept in `seen`)."""
    while True:
        text = await asyncio.wait_for(ws.recv(), 10)
        assert isinstance(text, str)
        if seen is not None:
            seen.append(text)
        message = json.loads(text)
        if message["type"] == kind:
            return dict(message)


async def closing(ws: ClientConnection) -> tuple[int | None, str]:
    """How the host ended this connection."""
    try:
        while True:
            await asyncio.wait_for(ws.recv(), 10)
    except ConnectionClosed:
        pass
    return ws.close_code, ws.close_reason or ""


async def refused(port: int, first: str | bytes) -> tuple[int | None, str]:
    ws = await dial(port)
    with contextlib.suppress(ConnectionClosed):  # refused before it could say anything
        await ws.send(first)
    return await closing(ws)


def answer(number: int, given: list[str]) -> str:
    return json.dumps({"type": "answer", "number": number, "given": given})


@dataclass
class Watcher:
    """A host view for tests: records what the host's screen is told; never asks to start."""

    shown: list[str] = field(default_factory=list)
    reveals: list[Reveal] = field(default_factory=list)
    podiums: list[list[Standing]] = field(default_factory=list)
    pause: float = 0.0  # seconds between a reveal and the next question

    def joined(self, name: str, players: int, rejoined: bool) -> None:
        self.shown.append(f"{'rejoined' if rejoined else 'joined'} {name} {players}")

    def left(self, name: str, players: int) -> None:
        self.shown.append(f"left {name} {players}")

    def question(self, current: OpenQuestion, players: int) -> None:
        self.shown.append(f"question {current.number}")

    def answered(self, current: OpenQuestion, answered: int, players: int) -> None:
        self.shown.append(f"answered {answered}/{players}")

    def reveal(self, reveal: Reveal) -> None:
        self.reveals.append(reveal)

    def podium(self, standings: list[Standing]) -> None:
        self.podiums.append(standings)

    async def wait_start(self) -> None:
        await asyncio.Event().wait()

    async def wait_next(self) -> None:
        await asyncio.sleep(self.pause)


async def answering(ws: ClientConnection, pick: Callable[[int], list[str]]) -> list[str]:
    """Answer every question with `pick(number)` until the end; every raw frame received."""
    frames: list[str] = []
    try:
        while True:
            text = await asyncio.wait_for(ws.recv(), 20)
            assert isinstance(text, str)
            frames.append(text)
            message = json.loads(text)
            if message["type"] == "question":
                await ws.send(answer(message["number"], pick(message["number"])))
    except ConnectionClosed:
        return frames


async def both(*aws: Awaitable[T]) -> list[T]:
    return list(await asyncio.gather(*aws))
