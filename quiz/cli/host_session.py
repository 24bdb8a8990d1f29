"""A whole `quiz host`: the room's questions, the server, the host's screen, and saving."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from quiz import output
from quiz.cli.picking import Pick
from quiz.cli.replay import board_command
from quiz.cli.saving import Recorder
from quiz.engine.room import Room
from quiz.engine.selection import pick
from quiz.errors import AbortedError, QuizError
from quiz.models import GameResult, GameSettings
from quiz.output import note
from quiz.terminal.formatting import count_of

if TYPE_CHECKING:
    from quiz.net.host import HostView
    from quiz.net.server import RoomServer


@dataclass(frozen=True)
class HostRequest:
    """Everything `quiz host` was asked for on the command line."""

    count: int = 10
    pick: Pick = field(default_factory=Pick)
    time_limit: int = 20
    port: int | None = None
    bind: str = "0.0.0.0"
    code: str | None = None
    max_players: int = 100
    start_with: int | None = None
    reveal_seconds: int = 3
    plain: bool = False


def _new_room(request: HostRequest) -> tuple[Room, GameSettings]:
    """The room's questions, chosen as `play` chooses them (no give-aways), and its settings."""
    questions, filters = request.pick.load()
    seed = request.pick.first_seed()
    selection = pick(questions, filters, request.count, seed)
    asked = selection.asked
    if len(asked) < request.count:
        note(f"Only {count_of(len(asked), 'question')} for this room ({filters.describe()}).")
    settings = GameSettings(
        seed=seed,
        count=len(asked),
        topics=filters.topics,
        difficulties=filters.difficulties,
        types=filters.types,
        time_limit=request.time_limit,
        room_id=uuid.uuid4().hex[:8],
    )
    return Room(asked, request.time_limit, request.max_players), settings


def _save(room: Room, settings: GameSettings, recorder: Recorder, started_at: float) -> str | None:
    """Every player's game as far as the room went, each with the UUID the player got."""
    saved = 0
    for seat in room.seats:
        records = tuple(room.told(seat))
        if not records:
            continue
        duration = sum(r.seconds for r in records)
        result = GameResult(seat.name, settings, records, started_at, duration, uuid=seat.game_id)
        saved += recorder.save(result) is not None
    return (
        f"Saved {count_of(saved, 'game')} as room {settings.room_id}: {board_command(settings)}"
        if saved
        else None
    )


async def _host(request: HostRequest, server: RoomServer, interactive: bool) -> None:
    from quiz.net.addresses import join_address, own_addresses
    from quiz.net.host import run_room
    from quiz.terminal.live_input import AsyncLines

    port = await server.start(request.bind, request.port)
    joins = [
        f"quiz join {join_address(a, port)} {server.code}" for a in own_addresses(request.bind)
    ]
    view: HostView
    if interactive:
        from quiz.terminal.live_interactive import HostScreen

        view = HostScreen(output.console(), AsyncLines(), joins)
    else:
        from quiz.terminal.live_plain import PlainHost

        plain = PlainHost(AsyncLines(), request.reveal_seconds)
        plain.say(*(f"Join with: {line}" for line in joins))
        view = plain
    try:
        await run_room(server, view, request.start_with)
    finally:
        await server.stop(host_left=not server.room.finished)


def run_host(request: HostRequest, *, save: bool) -> None:
    """Open the room, play it to the podium, then save every player's game here."""
    from quiz.net.guards import new_code
    from quiz.net.server import RoomServer

    room, settings = _new_room(request)
    recorder = Recorder(save=save)
    server = RoomServer(room, request.code or new_code(), settings)
    interactive = not request.plain and output.interactive_terminal()
    started_at = time.time()
    try:
        asyncio.run(_host(request, server, interactive))
    except KeyboardInterrupt:
        line = _save(room, settings, recorder, started_at)
        raise AbortedError("Room closed." + (f" {line}" if line else "")) from None
    except OSError as exc:
        raise QuizError(f"cannot open the room on {request.bind}: {exc.strerror or exc}") from None
    line = _save(room, settings, recorder, started_at)
    if line:
        output.say(line)
