"""The one game runner: plain or interactive, timed, stopped by Ctrl-C or end of input, and
the end of a game shown; play, survival, daily, practice and party all run through it."""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from quiz import output
from quiz.errors import AbortedError, QuizError
from quiz.models import GameResult
from quiz.terminal.stopping import stoppable

if TYPE_CHECKING:
    from quiz.engine.game import Game
    from quiz.scores.recorder import SavedGame


def use_plain(asked_for: bool) -> bool:
    """Plain mode when asked for, or when stdin or stdout is not a terminal."""
    return asked_for or not output.interactive_terminal()


def choose_player(given: str | None, default: Callable[[], str], *, plain: bool) -> str:
    """The --player name; else, on a terminal, the name typed (default offered); else default.

    `default` is worked out only when no name was given (it may read the score store)."""
    if given:
        return given
    if plain:
        return default()
    from quiz.terminal import prompts

    return prompts.type_name(default())


@contextlib.contextmanager
def stopping(what: str = "Quiz", until: str = "the last answer") -> Iterator[None]:
    """Within: Ctrl-C, end of input, SIGTERM and SIGHUP end the session with nothing saved."""
    try:
        with stoppable(output.note):
            yield
    except KeyboardInterrupt:
        raise AbortedError(f"{what} aborted; nothing was saved.") from None
    except EOFError:
        raise QuizError(f"input ended before {until}; nothing was saved") from None


def play_game(game: Game, player: str, *, plain: bool, notices: Sequence[str] = ()) -> GameResult:
    """Ask every question, timing the game, the `notices` first (on stderr in plain mode, on
    the first question's screen on a terminal); Ctrl-C and end of input stop it, nothing saved."""
    started_at, clock = time.time(), time.monotonic()
    with stopping():
        if plain:
            from quiz.terminal.plain import LineReader, play_plain

            for notice in notices:
                output.note(notice)
            play_plain(game, LineReader(sys.stdin))
        else:
            from quiz.terminal.interactive import play_interactive

            play_interactive(game, output.console(), notices)
    return game.result(player, started_at, time.monotonic() - clock)


def show_end(
    result: GameResult,
    *,
    plain: bool,
    headline: str | None = None,
    ending: Sequence[str] = (),
    notes: Sequence[str] = (),
    saved: SavedGame | None = None,
    replay: str | None = None,
) -> None:
    """The result: the plain closing lines, or the review and the result panel.

    `ending` says how the mode ended (before the final score line), `notes` what comes next.
    """
    if plain:
        from quiz.terminal.plain import final_lines

        output.say("\n".join([*ending, *final_lines(result, headline), *notes]))
        return
    from quiz.terminal.interactive import show_end as show_end_screen

    show_end_screen(
        output.console(), result, saved, replay, [*ending, *notes], banner=headline or ""
    )
