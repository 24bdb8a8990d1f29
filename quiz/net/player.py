"""A player's side of a live game: join, answer each question, rejoin after a drop."""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Protocol

from quiz.engine.party import Standing
from quiz.engine.room_news import LiveQuestion, PlayerReveal
from quiz.errors import QuizError
from quiz.models import AnswerRecord, GameSettings
from quiz.net import protocol
from quiz.net.addresses import join_address
from quiz.net.protocol import Close, ProtocolError
from quiz.net.server import quiet_logger

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

REJOIN_WITHIN = 30.0  # seconds of automatic rejoining after a dropped connection
RETRY_EVERY = 1.0


class LiveError(QuizError):
    """Joining failed or the connection ended for good: one line says why."""


class PlayerView(Protocol):
    """What the player's screen (plain lines or Rich) shows, and how it asks."""

    def welcome(self, name: str, players: int, total: int, rejoined: bool) -> None: ...

    def lobby(self, players: int, joined: str | None, left: str | None) -> None: ...

    def ask(self, question: LiveQuestion) -> Awaitable[tuple[str, ...] | None]:
        """The response (empty: a skip), or None when the time ran out first."""
        ...

    def acked(self, number: int, result: str) -> None: ...

    def reveal(self, reveal: PlayerReveal) -> None: ...

    def reconnecting(self) -> None: ...


class Ending(StrEnum):
    OVER = "over"
    HOST_GONE = "host-gone"


@dataclass(slots=True)
class LiveGame:
    """One player's game as the host told it; what the player's store keeps."""

    name: str
    game_id: str = ""
    settings: GameSettings | None = None
    records: list[AnswerRecord] = field(default_factory=list)
    started_at: float = field(default_factory=time.time)
    ending: Ending | None = None
    standings: tuple[Standing, ...] = ()
    place: int = 0
    of: int = 0


def _refusal(code: int | None, reason: str, address: str, name: str) -> str | None:
    """The line for a connection the host ended on purpose; None for a dropped one."""
    seconds = re.search(r"\d+", reason)
    lines = {
        Close.WRONG_CODE: f"wrong code for the room at {address}",
        Close.WAIT: "too many wrong codes from this machine; wait"
        f" {seconds[0] if seconds else 10} s and try again",
        Close.FULL: f"the room at {address} is full",
        Close.STARTED: f"the room at {address} is already playing",
        Close.NAME_TAKEN: f"{name} is already in the room; pick another name with --player",
        Close.BAD_NAME: f"the host refused the name: {reason}",
        Close.VERSION: f"this quiz speaks live protocol {protocol.VERSION},"
        f" the host speaks {seconds[0] if seconds else 'another'}",
        Close.REPLACED: f"{name} joined the room again from somewhere else",
        Close.TOO_BIG: "the host closed the connection: a message was too big",
    }
    if code in lines:
        return lines[Close(code)]
    if code is not None and 4000 <= code < 5000 and code != Close.HOST_LEFT:
        return f"the host closed the connection: {reason or code}"
    return None


class Player:
    """Plays one player's game in a room, rejoining by itself after a drop."""

    def __init__(
        self,
        host: str,
        port: int,
        code: str,
        name: str,
        view: PlayerView,
        *,
        token: str | None = None,
        on_token: Callable[[str], None] = lambda token: None,
        rejoin_within: float = REJOIN_WITHIN,
    ) -> None:
        self.address = join_address(host, port)
        self.uri = f"ws://{self.address}/"
        self.code = code
        self.view = view
        self.token = token
        self.on_token = on_token
        self.rejoin_within = rejoin_within
        self.game = LiveGame(name)
        self.ws: ClientConnection | None = None
        self._asking: tuple[int, asyncio.Task[None]] | None = None
        self._welcomed = False
        self.input_ended = False

    async def play(self) -> LiveGame:
        """The game until its end, or until the host is gone; LiveError when it cannot be."""
        try:
            while self.game.ending is None:
                await self._connect_and_play()
                if self.input_ended:
                    raise LiveError("input ended before the game was over; you left the room")
        finally:
            self._stop_asking()
        return self.game

    async def _connect_and_play(self) -> None:
        from websockets.asyncio.client import connect
        from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

        try:
            self.ws = await connect(
                self.uri,
                max_size=64 * 1024,
                open_timeout=5,
                close_timeout=2,
                compression=None,
                logger=quiet_logger(),
            )
        except (OSError, TimeoutError) as exc:
            await self._unreachable(exc)
            return
        except (InvalidHandshake, InvalidURI) as exc:
            if not self._welcomed:
                raise LiveError(f"{self.address} is not a quiz room") from None
            await self._unreachable(exc)  # a host going down mid-handshake
            return
        try:
            await self.ws.send(
                protocol.encode(protocol.hello(self.code, self.game.name, self.token))
            )
            async for text in self.ws:
                self._on(protocol.decode(text))
        except ProtocolError as exc:
            await self.ws.close()
            raise LiveError(f"the host sent what is not the protocol: {exc}") from None
        except ConnectionClosed:
            pass
        self._closed(self.ws.close_code, self.ws.close_reason or "")

    async def _unreachable(self, exc: BaseException) -> None:
        """A first connection fails at once; a rejoin keeps trying, unless nothing listens."""
        refused = isinstance(exc, ConnectionRefusedError)
        if not self._welcomed:
            why = "nothing is listening there" if refused else str(exc) or "no answer"
            raise LiveError(f"cannot reach a room at {self.address}: {why}")
        if refused or time.monotonic() > self._dropped_at + self.rejoin_within:
            self.game.ending = Ending.HOST_GONE
            return
        await asyncio.sleep(RETRY_EVERY)

    def _closed(self, code: int | None, reason: str) -> None:
        if self.game.ending is not None or self.input_ended:
            return
        line = _refusal(code, reason, self.address, self.game.name)
        if line is not None:
            raise LiveError(line)
        if not self._welcomed:
            raise LiveError(f"the room at {self.address} closed the connection")
        if code in (Close.HOST_LEFT, 1001):
            self.game.ending = Ending.HOST_GONE
            return
        self._dropped_at = time.monotonic()
        self.view.reconnecting()

    _dropped_at = 0.0

    def _on(self, message: dict[str, Any]) -> None:
        kind = message["type"]
        handler = {
            "welcome": self._welcome,
            "lobby": self._lobby,
            "question": self._question,
            "ack": self._ack,
            "reveal": self._reveal,
            "end": self._end,
        }.get(kind)
        if handler is None:
            raise ProtocolError(f"an unknown message '{str(kind)[:20]}'")
        try:
            handler(message)
        except (KeyError, TypeError, ValueError) as exc:
            raise ProtocolError(f"a '{kind}' message the protocol does not know") from exc

    def _welcome(self, m: dict[str, Any]) -> None:
        if m["version"] != protocol.VERSION:
            raise LiveError(
                f"this quiz speaks live protocol {protocol.VERSION}, the host speaks {int(m['version'])}"
            )
        rejoined = bool(m.get("rejoined"))
        self.token = str(m["token"])
        self.on_token(self.token)
        self.game.name = str(m["player"])
        self.game.game_id = str(m["game_id"])
        self.game.settings = protocol.read_settings(m["settings"])
        self.game.records = [protocol.read_record(r) for r in m["history"]]
        self._welcomed = True
        self.view.welcome(self.game.name, int(m["players"]), int(m["total"]), rejoined)

    def _lobby(self, m: dict[str, Any]) -> None:
        joined, left = m.get("joined"), m.get("left")
        self.view.lobby(
            int(m["players"]),
            joined if isinstance(joined, str) else None,
            left if isinstance(left, str) else None,
        )

    def _question(self, m: dict[str, Any]) -> None:
        number = int(m["number"])
        if self._asking is not None and self._asking[0] == number:
            return  # asked again after a rejoin: the player is still answering it
        self._stop_asking()
        question = LiveQuestion(
            number=number,
            total=int(m["total"]),
            asked=protocol.read_asked(m["question"]),
            limit=float(m["limit"]),
            deadline=asyncio.get_running_loop().time() + float(m["remaining"]),
            answered=bool(m.get("answered")),
        )
        if question.answered:
            self.view.acked(number, "accepted")
            return
        self._asking = (number, asyncio.create_task(self._answer(question)))

    async def _answer(self, question: LiveQuestion) -> None:
        from websockets.exceptions import ConnectionClosed

        try:
            given = await self.view.ask(question)
        except EOFError:
            self.input_ended = True
            if self.ws is not None:
                await self.ws.close()
            return
        if given is None or self.ws is None:
            return
        with contextlib.suppress(ConnectionClosed):  # a rejoin asks again while it is open
            await self.ws.send(protocol.encode(protocol.answer(question.number, given)))

    def _stop_asking(self) -> None:
        if self._asking is not None:
            self._asking[1].cancel()
            self._asking = None

    def _ack(self, m: dict[str, Any]) -> None:
        self.view.acked(int(m["number"]), str(m["result"]))

    def _reveal(self, m: dict[str, Any]) -> None:
        self._stop_asking()
        record = protocol.read_record(m["record"])
        number = int(m["number"])
        self.game.records = [*self.game.records[: number - 1], record]
        self.view.reveal(
            PlayerReveal(
                number=number,
                total=int(m["total"]),
                record=record,
                parts=protocol.read_parts(m["parts"]),
                place=int(m["place"]),
                of=int(m["of"]),
                top=protocol.read_standings(m["top"]),
                tallies=protocol.read_tallies(m["tallies"]),
            )
        )

    def _end(self, m: dict[str, Any]) -> None:
        self.game.standings = protocol.read_standings(m["standings"])
        self.game.place = int(m["place"])
        self.game.of = int(m["of"])
        self.game.ending = Ending.OVER
