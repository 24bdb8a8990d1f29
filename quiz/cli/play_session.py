"""A whole session of `quiz play`: the request, the game it deals, and play again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quiz.cli.game_runner import choose_player, play_game, show_end, stopping, use_plain
from quiz.cli.given import name_given
from quiz.cli.picking import Pick, new_seed
from quiz.cli.replay import replay_command
from quiz.cli.saving import Recorder
from quiz.engine.filters import Filters
from quiz.engine.game import Game
from quiz.engine.selection import pick
from quiz.engine.survival import Survival, deal_count
from quiz.errors import AbortedError, UsageError
from quiz.models import GameSettings, Question
from quiz.terminal.formatting import count_of
from quiz.terminal.wording import survival_end


@dataclass(frozen=True)
class PlayRequest:
    """Everything `quiz play` was asked for on the command line."""

    pick: Pick = field(default_factory=Pick)
    count: int = 10
    player: str | None = None
    time_limit: int | None = None
    plain: bool = False
    lives: int | None = None
    lifeline: bool = False


def play_command(
    count: int | None,
    topic: Sequence[str] | None,
    difficulty: Sequence[str] | None,
    qtype: Sequence[str] | None,
    seed: int | None,
    player: str | None,
    time_limit: int | None,
    plain: bool,
    bank: Sequence[Path] | None,
    lives: int | None,
    lifeline: bool,
    no_save: bool,
) -> None:
    """`quiz play` with the options typer or the fast path read, by their parameter names."""
    if count is not None and lives is not None:
        raise UsageError(
            "--count and --lives do not go together: survival asks until lives run out"
        )
    request = PlayRequest(
        pick=Pick.given(topic, difficulty, qtype, bank, seed),
        count=10 if count is None else count,
        player=name_given(player),
        time_limit=time_limit,
        plain=plain,
        lives=lives,
        lifeline=lifeline,
    )
    run_play(request, save=not no_save)


def _new_game(
    request: PlayRequest,
    questions: tuple[Question, ...],
    filters: Filters,
    seed: int,
    avoid: set[str],
    notices: list[str],
) -> Game:
    """The game asked for; `notices` gets what the player should know first (a shorter game)."""
    count = deal_count(request.count, request.lives, len(filters.apply(questions)))
    selection = pick(questions, filters, count, seed, avoid)
    n = len(selection.asked)
    if n < min(count, selection.matching):
        notices.append(
            f"Playing {n} of the {selection.matching} questions that {filters.describe()}:"
            " the others would give away an answer in this game."
        )
    elif n < count:
        every = "it" if n == 1 else f"all {n}"
        notices.append(f"Only {count_of(n, 'question')} {filters.describe(n)}; playing {every}.")
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
    if request.lives is None:
        return Game(selection.asked, settings)
    return Survival(selection.asked, settings)


def _ending(game: Game) -> list[str]:
    """What a mode says when its game is over: how a survival game ended."""
    return [survival_end(game)] if isinstance(game, Survival) else []


def run_play(request: PlayRequest, *, save: bool) -> None:
    """Play until the player stops, saving each finished game unless `save` is off."""
    questions, filters = request.pick.load()
    recorder = Recorder(save=save)
    plain = use_plain(request.plain)
    seed, played = request.pick.first_seed(), set[str]()
    with stopping():
        player = choose_player(request.player, recorder.default_player, plain=plain)
        while True:
            notices: list[str] = []
            game = _new_game(request, questions, filters, seed, played, notices)
            result = play_game(game, player, plain=plain, notices=notices)
            if plain:
                show_end(result, plain=True, headline=recorder.record(result), ending=_ending(game))
                return
            from quiz.terminal.interactive import TOP_GAMES

            saved = recorder.save(result, top=TOP_GAMES)
            notes = ["Show it off: quiz share"] if saved else [_not_saved(save)]
            replay = replay_command(result.settings)
            show_end(
                result, plain=False, ending=_ending(game), notes=notes, saved=saved, replay=replay
            )
            played |= {r.question.id for r in result.records}
            if not _again():
                return
            seed = new_seed()


def _not_saved(save: bool) -> str:
    """Why the end of a game shows no place on the board."""
    return "Not saved: played with --no-save." if not save else "This game was not saved."


def _again() -> bool:
    """Whether the player wants another game; the finished one stands either way."""
    from quiz.terminal import prompts

    try:
        return prompts.confirm("Play again?", default=False)
    except KeyboardInterrupt:
        raise AbortedError("Quiz ended.") from None
    except EOFError:  # Ctrl-D: no more games
        return False
