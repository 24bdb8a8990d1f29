"""One game played to its end in plain or interactive mode, for practice and the daily quiz."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence

from quiz import output
from quiz.engine.game import Game
from quiz.errors import AbortedError, QuizError
from quiz.models import GameResult
from quiz.terminal.stopping import stoppable

ABORTED = "Quiz aborted; nothing was saved."


def use_plain(asked_for: bool) -> bool:
    """Plain mode when asked for, or when stdin or stdout is not a terminal."""
    return asked_for or not output.interactive_terminal()


def choose_player(given: str | None, default: str, *, plain: bool) -> str:
    """The --player name; else, on a terminal, the name typed (default offered); else default."""
    if given:
        return given
    if plain:
        return default
    from quiz.terminal import prompts

    return prompts.type_name(default)


def play_game(game: Game, player: str, *, plain: bool, notices: Sequence[str] = ()) -> GameResult:
    """Ask every question, the `notices` first (on stderr in plain mode, on the first
    question's screen on a terminal); Ctrl-C and end of input stop it with nothing saved."""
    started_at, clock = time.time(), time.monotonic()
    try:
        with stoppable(output.note):
            if plain:
                from quiz.terminal.plain import LineReader, play_plain

                for notice in notices:
                    output.note(notice)
                play_plain(game, LineReader(sys.stdin))
            else:
                from quiz.terminal.interactive import play_interactive

                play_interactive(game, output.console(), notices)
    except KeyboardInterrupt:
        raise AbortedError(ABORTED) from None
    except EOFError:
        raise QuizError("input ended before the last answer; nothing was saved") from None
    return game.result(player, started_at, time.monotonic() - clock)


def show_end(
    result: GameResult, headline: str | None, lines: Sequence[str], *, plain: bool
) -> None:
    """The result: the plain closing lines, or the review and the result panel."""
    if plain:
        from quiz.terminal.plain import final_lines

        output.say("\n".join([*final_lines(result, headline), *lines]))
        return
    from quiz.terminal.interactive import show_end as show_end_screen

    show_end_screen(output.console(), result, None, notes=lines, banner=headline or "")
