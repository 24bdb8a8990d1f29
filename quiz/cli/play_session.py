"""A whole session of `quiz play`: bank, selection, plain or interactive, play again."""

from __future__ import annotations

import random
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quiz import output
from quiz.cli.bank_report import load_for_command
from quiz.engine.filters import make_filters
from quiz.engine.game import Game
from quiz.engine.selection import pick
from quiz.engine.survival import Survival
from quiz.errors import AbortedError, QuizError
from quiz.models import GameSettings, Question
from quiz.output import note
from quiz.scores.recorder import Recorder
from quiz.terminal.review_words import count_of
from quiz.terminal.stopping import stoppable
from quiz.terminal.wording import survival_end

ABORTED = "Quiz aborted; nothing was saved."


@dataclass(frozen=True)
class PlayRequest:
    """Everything `quiz play` was asked for on the command line."""

    count: int = 10
    topics: tuple[str, ...] = ()
    difficulties: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    seed: int | None = None
    player: str | None = None
    time_limit: int | None = None
    plain: bool = False
    banks: tuple[Path, ...] = field(default=())
    lives: int | None = None
    lifeline: bool = False


def new_seed() -> int:
    return random.SystemRandom().randrange(1, 100_000)


def _first_seed(request: PlayRequest) -> int:
    """The seed asked for (0 included), or a fresh one."""
    return new_seed() if request.seed is None else request.seed


def setting_words(settings: GameSettings) -> list[str]:
    """The options that repeat a game's filters, time limit and lifeline."""
    words = []
    for flag, values in (
        ("--topic", settings.topics),
        ("--difficulty", settings.difficulties),
        ("--type", settings.types),
    ):
        for value in values:
            words += [flag, value]
    if settings.time_limit:
        words += ["--time-limit", str(settings.time_limit)]
    if settings.lifeline:
        words.append("--lifeline")
    return words


def replay_command(settings: GameSettings) -> str:
    """The command that plays this exact game again, for a friend to try."""
    words = ["quiz", "play", "--seed", str(settings.seed)]
    if settings.lives is None:
        words += ["--count", str(settings.count)]
    else:
        words += ["--lives", str(settings.lives)]
    return shlex.join(words + setting_words(settings))


def _new_game(
    request: PlayRequest,
    questions: tuple[Question, ...],
    seed: int,
    avoid: set[str],
    tell: Callable[[str], None] = note,
) -> Game:
    """The game asked for; `tell` gets what the player should know first (a shorter game)."""
    filters = make_filters(questions, request.topics, request.difficulties, request.types)
    survival = request.lives is not None
    # Survival goes on while there are questions: it asks for every match, in seeded order.
    count = (len(filters.apply(questions)) or 1) if survival else request.count
    selection = pick(questions, filters, count, seed, avoid)
    n = len(selection.asked)
    if n < min(count, selection.matching):
        tell(
            f"Playing {n} of the {selection.matching} questions that {filters.describe()}:"
            " the others would give away an answer in this game."
        )
    elif n < count:
        every = "it" if n == 1 else f"all {n}"
        tell(f"Only {count_of(n, 'question')} {filters.describe(n)}; playing {every}.")
    settings = GameSettings(
        seed=seed,
        count=count,
        topics=filters.topics,
        difficulties=filters.difficulties,
        types=filters.types,
        time_limit=request.time_limit,
        lives=request.lives,
        lifeline=request.lifeline,
    )
    return Survival(selection.asked, settings) if survival else Game(selection.asked, settings)


def ending(game: Game) -> list[str]:
    """What a mode says when its game is over: how a survival game ended."""
    return [survival_end(game)] if isinstance(game, Survival) else []


def _play_plain(request: PlayRequest, questions: tuple[Question, ...], recorder: Recorder) -> None:
    from quiz.terminal.plain import LineReader, final_lines, play_plain

    game = _new_game(request, questions, _first_seed(request), set())
    started_at, clock = time.time(), time.monotonic()
    try:
        play_plain(game, LineReader(sys.stdin))
    except EOFError:
        raise QuizError("input ended before the last answer; nothing was saved") from None
    player = request.player or recorder.default_player()
    result = game.result(player, started_at, time.monotonic() - clock)
    output.say("\n".join(ending(game) + final_lines(result, recorder.record(result))))


def _play_interactive(
    request: PlayRequest, questions: tuple[Question, ...], recorder: Recorder
) -> None:
    from quiz.output import console
    from quiz.terminal import prompts
    from quiz.terminal.interactive import TOP_GAMES, play_interactive, show_end

    out = console()
    player = request.player or prompts.type_name(recorder.default_player())
    seed, played = _first_seed(request), set[str]()
    while True:
        notices: list[str] = []
        game = _new_game(request, questions, seed, played, notices.append)
        started_at, clock = time.time(), time.monotonic()
        play_interactive(game, out, notices)
        result = game.result(player, started_at, time.monotonic() - clock)
        saved = recorder.save(result, top=TOP_GAMES)
        notes = ending(game) + (["Show it off: quiz share"] if saved else [])
        show_end(out, result, saved, replay_command(result.settings), notes)
        played |= {r.question.id for r in result.records}
        try:
            again = prompts.confirm("Play again?", default=False)
        except KeyboardInterrupt:
            raise AbortedError("Quiz ended.") from None  # the finished game stands
        except EOFError:  # Ctrl-D: no more games; the finished one stands
            again = False
        if not again:
            return
        seed = new_seed()


def run_play(request: PlayRequest, *, save: bool) -> None:
    """Play until the player stops, saving each finished game unless `save` is off."""
    questions = load_for_command(request.banks).questions
    recorder = Recorder(save=save)
    try:
        with stoppable(note):
            if request.plain or not output.interactive_terminal():
                _play_plain(request, questions, recorder)
            else:
                _play_interactive(request, questions, recorder)
    except KeyboardInterrupt:
        raise AbortedError(ABORTED) from None
    except EOFError:
        raise QuizError("input ended before the quiz was finished; nothing was saved") from None
