"""The one game runner: plain or interactive, timed, stopped by Ctrl-C or end of input, and
the end of a game shown; play, survival, daily, practice and party all run through it."""

from __future__ import annotations

import contextlib
import contextvars
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from quiz import output
from quiz.engine.turns import Turn, game_turns, party_turns
from quiz.errors import AbortedError, QuizError
from quiz.models import GameResult
from quiz.terminal.stopping import stoppable

if TYPE_CHECKING:
    from quiz.engine.game import Game
    from quiz.engine.party import Party
    from quiz.scores.recorder import SavedGame

Clock = Callable[[], float]


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


# Set within `stopping`: an inner one (a game inside a session) leaves it to the outer one.
_STOPPING: contextvars.ContextVar[bool] = contextvars.ContextVar("stopping", default=False)


@contextlib.contextmanager
def stopping(what: str = "Quiz", until: str = "the last answer") -> Iterator[None]:
    """Within: Ctrl-C, end of input, SIGTERM and SIGHUP end the session with nothing saved,
    in the words of the outermost `stopping`."""
    if _STOPPING.get():
        yield
        return
    token = _STOPPING.set(True)
    try:
        with stoppable(output.note):
            yield
    except KeyboardInterrupt:
        raise AbortedError(f"{what} aborted; nothing was saved.") from None
    except EOFError:
        raise QuizError(f"input ended before {until}; nothing was saved") from None
    finally:
        _STOPPING.reset(token)


def party_stopping() -> contextlib.AbstractContextManager[None]:
    """`stopping` in a party's words."""
    return stopping("Party", until="the party was over")


def _timed(turns: Iterable[Turn], spent: dict[Game, float], clock: Clock) -> Iterator[Turn]:
    """The turns; each one's time, from its start until the loop asks for the next, is added
    to its game's seconds."""
    for turn in turns:
        start = clock()
        yield turn
        spent[turn.game] = spent.get(turn.game, 0.0) + clock() - start


def _play(
    turns: Iterable[Turn], *, plain: bool, notices: Sequence[str], party: Party | None, clock: Clock
) -> dict[Game, float]:
    """Every turn through the one loop, plain or interactive, the `notices` first (on stderr in
    plain mode, on the first question's screen on a terminal); the seconds each game took."""
    spent: dict[Game, float] = {}
    if plain:
        from quiz.terminal.plain import LineReader, Lines, play_plain

        for notice in notices:
            output.note(notice)
        lines = Lines()
        if party is not None:
            from quiz.terminal.party_plain import PartyLines

            lines = PartyLines(party)
        play_plain(_timed(turns, spent, clock), LineReader(sys.stdin), sys.stdout, lines)
    else:
        from quiz.terminal.interactive import Screens, play_interactive

        screens = Screens()
        if party is not None:
            from quiz.terminal.party_interactive import PartyScreens

            screens = PartyScreens(party)
        play_interactive(_timed(turns, spent, clock), output.console(), notices, screens)
    return spent


def play_game(
    game: Game,
    player: str,
    *,
    plain: bool,
    notices: Sequence[str] = (),
    clock: Clock = time.monotonic,
) -> GameResult:
    """Ask every question of one game, timed; Ctrl-C and end of input stop it, nothing saved."""
    started_at = time.time()
    with stopping():
        spent = _play(game_turns(game), plain=plain, notices=notices, party=None, clock=clock)
    return game.result(player, started_at, spent.get(game, 0.0))


def play_party(
    party: Party, *, plain: bool, notices: Sequence[str] = (), clock: Clock = time.monotonic
) -> list[GameResult]:
    """Play every turn of a party to the podium: each player's game, timed by their own turns
    (hand-over, question and reveal), in turn order; Ctrl-C and end of input stop it."""
    started_at = time.time()
    with party_stopping():
        spent = _play(party_turns(party), plain=plain, notices=notices, party=party, clock=clock)
    return [
        game.result(name, started_at, spent.get(game, 0.0))
        for name, game in zip(party.players, party.games, strict=True)
    ]


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
