"""The host's side of a live game: the lobby, each question's time, the reveals, the podium."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any, Protocol

from quiz.engine.party import Standing
from quiz.engine.room import OpenQuestion, Reveal
from quiz.net.server import Answered, Event, Joined, Left, RoomServer


class HostView(Protocol):
    """What the host's screen (plain lines or Rich) shows, and when the host goes on."""

    def joined(self, name: str, players: int, rejoined: bool) -> None: ...

    def left(self, name: str, players: int) -> None: ...

    def question(self, current: OpenQuestion, players: int) -> None: ...

    def answered(self, current: OpenQuestion, answered: int, players: int) -> None: ...

    def reveal(self, reveal: Reveal) -> None: ...

    def podium(self, standings: list[Standing]) -> None: ...

    def wait_start(self) -> Awaitable[None]:
        """Resolves when the host asks to start (Enter); never, when nobody can ask."""
        ...

    def wait_next(self) -> Awaitable[None]:
        """Resolves when the host goes on from a reveal."""
        ...


def _show(view: HostView, event: Event, current: OpenQuestion | None) -> None:
    if isinstance(event, Joined):
        view.joined(event.name, event.players, event.rejoined)
    elif isinstance(event, Left):
        view.left(event.name, event.players)
    elif isinstance(event, Answered) and current is not None:
        view.answered(current, event.answered, event.players)


async def _next_event(server: RoomServer, view: HostView, going_on: asyncio.Future[None]) -> None:
    """Show the next join or leave, or return once `going_on` is done."""
    event = asyncio.ensure_future(server.events.get())
    either: set[asyncio.Future[Any]] = {going_on, event}
    await asyncio.wait(either, return_when=asyncio.FIRST_COMPLETED)
    if event.done():
        _show(view, event.result(), None)
    else:
        event.cancel()


async def _lobby(server: RoomServer, view: HostView, start_with: int | None) -> None:
    """Until the host starts with at least one player in, or `start_with` have joined."""
    asked = asyncio.ensure_future(view.wait_start())
    try:
        while True:
            players = server.room.present_count
            if players and (asked.done() or (start_with is not None and players >= start_with)):
                return
            if asked.done():  # Enter with nobody in: wait for the first to join
                asked = asyncio.ensure_future(view.wait_start())
            await _next_event(server, view, asked)
    finally:
        asked.cancel()


async def _question(server: RoomServer, view: HostView) -> Reveal:
    """One question, open until everyone present has answered or its time is up."""
    current = server.open_next()
    view.question(current, server.room.present_count)
    while not server.room.all_answered():
        left = current.deadline - server.clock()
        if left <= 0:
            break
        try:
            async with asyncio.timeout(left):  # no task made for each answer, as wait_for would
                _show_all(view, [await server.events.get()], server, current)
        except TimeoutError:
            break
    _show_all(view, [], server, current)
    return server.close_question()


def _show_all(
    view: HostView, events: list[Event], server: RoomServer, current: OpenQuestion
) -> None:
    """These events and any others waiting; of answers that came in together, the last count."""
    while not server.events.empty():
        events.append(server.events.get_nowait())
    last = max((n for n, e in enumerate(events) if isinstance(e, Answered)), default=None)
    for n, event in enumerate(events):
        if not isinstance(event, Answered) or n == last:
            _show(view, event, current)


async def run_room(server: RoomServer, view: HostView, start_with: int | None) -> None:
    """A whole live game, from the lobby to the podium."""
    await _lobby(server, view, start_with)
    server.start_game()
    while not server.room.finished:
        view.reveal(await _question(server, view))
        await _between(server, view)
    server.finish()
    view.podium(server.room.standings())


async def _between(server: RoomServer, view: HostView) -> None:
    """The pause after a reveal, while joins and leaves still show."""
    going_on = asyncio.ensure_future(view.wait_next())
    try:
        while not going_on.done():
            await _next_event(server, view, going_on)
    finally:
        going_on.cancel()
