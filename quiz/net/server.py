"""The room's WebSocket server: admits players, carries questions and answers, keeps the limits."""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quiz.engine.room import Ack, OpenQuestion, Phase, Refusal, Reveal, Room, RoomRefusedError
from quiz.models import GameSettings
from quiz.net import protocol
from quiz.net.addresses import DEFAULT_PORT
from quiz.net.guards import CodeGuard, Limits, RateGuard, same_code
from quiz.net.protocol import Close, ProtocolError, encode

if TYPE_CHECKING:
    from websockets.asyncio.server import Server, ServerConnection

TOP = 5  # players a reveal names
MAX_REASON = 120  # bytes a WebSocket close reason may hold (123), with room to spare

REFUSALS = {
    Refusal.BAD_NAME: Close.BAD_NAME,
    Refusal.NAME_TAKEN: Close.NAME_TAKEN,
    Refusal.FULL: Close.FULL,
    Refusal.STARTED: Close.STARTED,
}


class RefusedError(Exception):
    """Ends one connection, with a close code and a short reason."""

    def __init__(self, code: Close, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason.encode()[:MAX_REASON].decode(errors="ignore")


@dataclass(frozen=True, slots=True)
class Joined:
    name: str
    players: int
    rejoined: bool = False


@dataclass(frozen=True, slots=True)
class Left:
    name: str
    players: int


@dataclass(frozen=True, slots=True)
class Answered:
    answered: int
    players: int


Event = Joined | Left | Answered


def quiet_logger() -> logging.Logger:
    """A logger that says nothing: a client's misbehaviour is no news on the host's screen."""
    logger = logging.getLogger("quiz.net.quiet")
    logger.propagate = False
    logger.disabled = True
    return logger


class Link:
    """One player's connection; messages leave in order through a writer of their own, so a
    player who stops reading holds up nobody else."""

    def __init__(self, ws: ServerConnection, seat_token: str, read_within: float) -> None:
        self.ws = ws
        self.token = seat_token
        self.read_within = read_within
        self._out: asyncio.Queue[str | tuple[Close, str]] = asyncio.Queue()
        self._writer = asyncio.create_task(self._write())

    def send(self, text: str) -> None:
        self._out.put_nowait(text)

    def close(self, code: Close, reason: str) -> None:
        """Close once every message before has gone out."""
        self._out.put_nowait((code, reason))

    async def _write(self) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            while True:
                item = await self._out.get()
                if isinstance(item, tuple):
                    await self.ws.close(*item)
                    return
                async with asyncio.timeout(self.read_within):  # no task a message
                    await self.ws.send(item)
        except TimeoutError:
            await self.ws.close(Close.NOT_READING, "not reading the host's messages")
        except ConnectionClosed:
            pass

    async def done(self) -> None:
        await asyncio.wait({self._writer})


class RoomServer:
    """A room on the network: the host is the only clock and the only judge."""

    def __init__(
        self,
        room: Room,
        code: str,
        settings: GameSettings,
        limits: Limits | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.room = room
        self.code = code
        self.settings = settings
        self.limits = limits or Limits()
        self.clock = clock
        self.links: dict[str, Link] = {}  # by the player's token
        self.events: asyncio.Queue[Event] = asyncio.Queue()
        self.codes = CodeGuard(self.limits.wrong_codes, self.limits.wrong_code_wait)
        self._server: Server | None = None

    async def start(self, bind: str, port: int | None) -> int:
        """Listen on `port` (the default one, or any free one when that is taken); the port."""
        from websockets.asyncio.server import serve

        options: dict[str, Any] = {
            "max_size": self.limits.max_size,
            "ping_interval": self.limits.read_within / 2,
            "ping_timeout": self.limits.read_within / 2,
            "close_timeout": 2,
            "compression": None,
            "logger": quiet_logger(),
        }
        try:
            self._server = await serve(
                self._handle, bind, DEFAULT_PORT if port is None else port, **options
            )
        except OSError:
            if port is not None:
                raise
            self._server = await serve(self._handle, bind, 0, **options)
        return int(self._server.sockets[0].getsockname()[1])

    async def _handle(self, ws: ServerConnection) -> None:
        from websockets.exceptions import ConnectionClosed

        link: Link | None = None
        try:
            link = await self._admit(ws)
            await self._listen(link)
        except RefusedError as refused:
            await ws.close(refused.code, refused.reason)
        except ConnectionClosed:
            pass
        finally:
            if link is not None:
                self._gone(link)

    async def _admit(self, ws: ServerConnection) -> Link:
        address = str(ws.remote_address[0]) if ws.remote_address else ""
        if self.codes.waiting(address, self.clock()):
            raise RefusedError(
                Close.WAIT, f"too many wrong codes; wait {self.limits.wrong_code_wait:g} s"
            )
        try:
            first = await asyncio.wait_for(ws.recv(), self.limits.hello_within)
        except TimeoutError:
            raise RefusedError(Close.SILENT, f"silent for {self.limits.hello_within:g} s") from None
        try:
            version, code, name, token = protocol.read_hello(protocol.decode(first))
        except ProtocolError as exc:
            raise RefusedError(Close.NOT_PROTOCOL, str(exc)) from None
        if version != protocol.VERSION:
            raise RefusedError(Close.VERSION, f"the host speaks version {protocol.VERSION}")
        if not same_code(code, self.code):
            self.codes.wrong(address, self.clock())
            raise RefusedError(Close.WRONG_CODE, "wrong code")
        seat = self.room.rejoin(token) if token else None
        rejoined = seat is not None
        if seat is None:
            try:
                seat = self.room.join(name, secrets.token_urlsafe(16), str(uuid.uuid4()))
            except RoomRefusedError as exc:
                raise RefusedError(REFUSALS[exc.reason], exc.detail or exc.reason.value) from None
        old = self.links.pop(seat.token, None)
        if old is not None:
            old.close(Close.REPLACED, "the player joined again from elsewhere")
        link = Link(ws, seat.token, self.limits.read_within)
        self.links[seat.token] = link
        link.send(encode(self._welcome(seat.token, rejoined)))
        current = self.room.current
        if self.room.phase is Phase.QUESTION and current is not None:
            remaining = current.deadline - self.clock()
            link.send(encode(protocol.question(current, remaining, self.room.answered(seat))))
        players = self.room.present_count
        self.events.put_nowait(Joined(seat.name, players, rejoined))
        if not rejoined:
            self._to_all({"type": "lobby", "players": players, "joined": seat.name}, but=link)
        return link

    def _welcome(self, token: str, rejoined: bool) -> dict[str, Any]:
        seat = self.room.seat_of_token(token)
        assert seat is not None
        return {
            "type": "welcome",
            "version": protocol.VERSION,
            "player": seat.name,
            "token": seat.token,
            "game_id": seat.game_id,
            "settings": protocol.settings_json(self.settings),
            "total": self.room.total,
            "players": self.room.present_count,
            "history": [protocol.record_json(r) for r in self.room.told(seat)],
            "rejoined": rejoined,
        }

    async def _listen(self, link: Link) -> None:
        rate = RateGuard(self.limits.rate)
        async for text in link.ws:
            now = self.clock()
            if not rate.allows(now):
                raise RefusedError(Close.FLOOD, f"more than {self.limits.rate} messages a second")
            try:
                number, given = protocol.read_answer(protocol.decode(text))
            except ProtocolError as exc:
                raise RefusedError(Close.NOT_PROTOCOL, str(exc)) from None
            seat = self.room.seat_of_token(link.token)
            if seat is None or self.links.get(link.token) is not link:
                return
            ack = self.room.answer(seat, number, given, now)
            link.send(encode({"type": "ack", "number": number, "result": ack.value}))
            if ack is Ack.ACCEPTED:
                self.events.put_nowait(
                    Answered(self.room.answered_count(), self.room.present_count)
                )

    def _gone(self, link: Link) -> None:
        link.close(Close.GAME_OVER, "")  # ends its writer
        if self.links.get(link.token) is not link:
            return
        del self.links[link.token]
        seat = self.room.seat_of_token(link.token)
        if seat is None or self.room.phase is Phase.OVER:
            return
        lobby = self.room.phase is Phase.LOBBY
        self.room.leave(seat)
        players = self.room.present_count
        self.events.put_nowait(Left(seat.name, players))
        if lobby:
            self._to_all({"type": "lobby", "players": players, "left": seat.name})

    def _to_all(self, message: dict[str, Any], but: Link | None = None) -> None:
        text = encode(message)
        for link in self.links.values():
            if link is not but:
                link.send(text)

    def start_game(self) -> None:
        self.room.start(self.clock())

    def open_next(self) -> OpenQuestion:
        """Send the next question to everyone; its time runs from now."""
        current = self.room.open_next(self.clock())
        self._to_all(protocol.question(current, current.limit))
        return current

    def close_question(self) -> Reveal:
        """Close the open question; each player hears their own points and place."""
        reveal = self.room.close(self.clock())
        common = {
            "type": "reveal",
            "number": reveal.question.number,
            "total": reveal.question.total,
            "top": [protocol.standing_json(s) for s in reveal.standings[:TOP]],
            "tallies": [protocol.tally_json(t) for t in reveal.tallies],
            "of": len(self.room.seats),
        }
        placed = self.room.places()
        for link in self.links.values():
            seat = self.room.seat_of_token(link.token)
            if seat is None:
                continue
            mine = {
                "record": protocol.record_json(seat.records[-1]),
                "parts": protocol.parts_json(seat.parts[-1]),
                "place": placed[seat.token],
            }
            link.send(encode(common | mine))
        return reveal

    def finish(self) -> None:
        """The game is over: the final standings to each player, then goodbye."""
        standings = [protocol.standing_json(s) for s in self.room.standings()]
        placed = self.room.places()
        for link in self.links.values():
            place = placed[link.token]
            link.send(
                encode(
                    {
                        "type": "end",
                        "standings": standings,
                        "place": place,
                        "of": len(self.room.seats),
                    }
                )
            )
            link.close(Close.GAME_OVER, "game over")

    async def stop(self, *, host_left: bool = False) -> None:
        """Close every connection (telling players the host left, when it did) and stop
        listening; waits a little for the goodbyes to go out."""
        self.room.end()
        if host_left:
            reason = f"host left after question {self.room.closed_questions}"
            for link in self.links.values():
                link.close(Close.HOST_LEFT, reason)
        links = list(self.links.values())
        if links:
            await asyncio.wait([asyncio.ensure_future(link.done()) for link in links], timeout=3)
        if self._server is not None:
            self._server.close()
            await asyncio.wait_for(self._server.wait_closed(), 5)
