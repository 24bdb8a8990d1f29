"""A whole `quiz join`: the player's name, the game in the room, and saving it."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from quiz import output
from quiz.cli.game_runner import choose_player
from quiz.cli.saving import Recorder
from quiz.errors import AbortedError, QuizError, UsageError
from quiz.models import GameResult

if TYPE_CHECKING:
    from quiz.net.player import LiveGame
    from quiz.terminal.live_interactive import PlayerScreen

ABORTED = "Left the room; nothing was saved."


class HostGoneError(QuizError):
    """The host went away mid-game; the line says what was kept."""

    label = ""


async def _join(
    host: str, port: int, code: str, name: str, screen: PlayerScreen | None
) -> LiveGame:
    from quiz.net.addresses import join_address
    from quiz.net.player import Player, PlayerView
    from quiz.net.tokens import load_token, save_token

    view: PlayerView
    if screen is None:
        from quiz.terminal.live_input import AsyncLines
        from quiz.terminal.live_plain import PlainPlayer

        view = PlainPlayer(AsyncLines())
    else:
        view = screen
    address = join_address(host, port)
    player = Player(
        host,
        port,
        code,
        name,
        view,
        token=load_token(address, code, name),
        on_token=lambda token: save_token(address, code, name, token),
    )
    return await player.play()


def room_asked(address: str | None, code: str | None, plain: bool) -> tuple[str, str]:
    """The room's address and code as given, the missing ones asked for on a terminal."""
    if address is not None and code is not None:
        return address, code
    if plain or not output.interactive_terminal():
        raise UsageError("give the room's ADDRESS:PORT and CODE, as the host shows them")
    from quiz.terminal import prompts

    address = address or prompts.write("Room address (ADDRESS:PORT):", validate=_filled)
    return address, code or prompts.write("Room code:", validate=_filled)


def _filled(text: str) -> bool | str:
    return bool(text.strip()) or "the host's screen shows it"


def run_join(host: str, port: int, code: str, name: str | None, *, plain: bool, save: bool) -> None:
    """Play one live game in the room at host:port, then keep it in this player's scores."""
    from quiz.net.player import Ending

    recorder = Recorder(save=save)
    interactive = not plain and output.interactive_terminal()
    screen = None
    if interactive:
        from quiz.terminal.live_interactive import PlayerScreen

        screen = PlayerScreen(output.console())
    clock = time.monotonic()
    try:
        player = choose_player(name, recorder.default_player, plain=not interactive)
        game = asyncio.run(_join(host, port, code, player, screen))
    except KeyboardInterrupt:
        raise AbortedError(ABORTED) from None
    saved = False
    lines = []
    if game.records and game.settings is not None:
        result = GameResult(
            game.name,
            game.settings,
            tuple(game.records),
            game.started_at,
            time.monotonic() - clock,
            uuid=game.game_id,
        )
        saved = recorder.save(result) is not None
        lines.append(f"Final score: {result.score:,} ({result.correct}/{result.total} correct)")
    if game.ending is Ending.HOST_GONE:
        output.say("\n".join(lines))
        kept = "your game up to there was saved" if saved else "your game was not saved"
        raise HostGoneError(f"The host ended the game after question {len(game.records)}; {kept}.")
    if screen is not None:
        screen.end(game.standings, game.place, game.of, len(game.records))
    output.say("\n".join([*lines, f"Final place: {game.place} of {game.of}"]))
