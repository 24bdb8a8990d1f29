"""The player's client against a real room: a whole game, rejoining by itself, the host gone."""

from __future__ import annotations

import asyncio
import socket
from dataclasses import dataclass, field

import pytest

from quiz.engine.room_news import LiveQuestion, PlayerReveal
from quiz.net.host import run_room
from quiz.net.player import Ending, LiveError, LiveGame, Player
from quiz.net.server import RoomServer
from tests.net.live import CODE, RIGHT, Watcher, open_room, run


@dataclass
class Script:
    """A player's view that answers every question right and notes what it is told."""

    told: list[str] = field(default_factory=list)
    reveals: list[PlayerReveal] = field(default_factory=list)

    def welcome(self, name: str, players: int, total: int, rejoined: bool) -> None:
        self.told.append(f"{'rejoined' if rejoined else 'welcome'} {name}")

    def lobby(self, players: int, joined: str | None, left: str | None) -> None:
        self.told.append(f"lobby {players}")

    async def ask(self, question: LiveQuestion) -> tuple[str, ...] | None:
        assert question.asked.question.answers == ()  # nothing tells the answer while open
        return tuple(RIGHT[question.number])

    def acked(self, number: int, result: str) -> None:
        self.told.append(f"ack {number} {result}")

    def reveal(self, reveal: PlayerReveal) -> None:
        self.reveals.append(reveal)

    def reconnecting(self) -> None:
        self.told.append("reconnecting")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _with_player(
    server: RoomServer, port: int, script: Script, tokens: list[str]
) -> asyncio.Task[LiveGame]:
    me = Player("127.0.0.1", port, CODE.lower(), "Jim", script, on_token=tokens.append)
    return asyncio.create_task(me.play())


def test_a_whole_game_with_a_drop_in_the_middle() -> None:
    async def scenario() -> tuple[LiveGame, Script, list[str]]:
        server, port = await open_room()
        script, tokens = Script(), list[str]()
        game = await _with_player(server, port, script, tokens)
        host = asyncio.create_task(run_room(server, Watcher(pause=0.5), start_with=1))
        while len(script.reveals) < 2:
            await asyncio.sleep(0.05)
        next(iter(server.links.values())).ws.transport.abort()  # the network drops it
        played = await game
        await host
        await server.stop()
        return played, script, tokens

    played, script, tokens = run(scenario())
    assert played.ending is Ending.OVER
    assert [r.correct for r in played.records] == [True] * len(played.records)
    assert len(played.records) == 4 and played.place == 1 and played.of == 1
    assert "reconnecting" in script.told and "rejoined Jim" in script.told
    assert len(set(tokens)) == 1  # the same seat, kept


def test_the_host_leaving_ends_the_game_where_it_was() -> None:
    async def scenario() -> LiveGame:
        server, port = await open_room()
        script: Script = Script()
        game = await _with_player(server, port, script, [])
        host = asyncio.create_task(run_room(server, Watcher(pause=0.5), start_with=1))
        while not script.reveals:
            await asyncio.sleep(0.05)
        host.cancel()
        await server.stop(host_left=True)
        return await game

    played = run(scenario())
    assert played.ending is Ending.HOST_GONE and len(played.records) == 1


def test_a_host_killed_is_gone_once_nothing_listens() -> None:
    async def scenario() -> LiveGame:
        server, port = await open_room()
        script = Script()
        game = await _with_player(server, port, script, [])
        host = asyncio.create_task(run_room(server, Watcher(pause=0.5), start_with=1))
        while not script.reveals:
            await asyncio.sleep(0.05)
        host.cancel()
        assert server._server is not None
        server._server.close(close_connections=False)
        for link in server.links.values():
            link.ws.transport.abort()
        return await game

    played = run(scenario())
    assert played.ending is Ending.HOST_GONE and len(played.records) == 1


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("WRONG9", "wrong code for the room at 127.0.0.1:{port}"),
        (None, "cannot reach a room at 127.0.0.1:{port}: nothing is listening there"),
    ],
)
def test_joining_fails_with_one_line(code: str | None, line: str) -> None:
    async def scenario() -> tuple[str, int]:
        if code is None:
            port = free_port()
        else:
            _, port = await open_room()
        me = Player("127.0.0.1", port, code or CODE, "Jim", Script())
        with pytest.raises(LiveError) as caught:
            await me.play()
        return str(caught.value), port

    message, port = run(scenario())
    assert message == line.format(port=port)
