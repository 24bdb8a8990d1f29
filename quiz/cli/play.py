"""`quiz play`: the options of a game, handed to the play session."""

from __future__ import annotations

from typing import Annotated

import typer

from quiz.cli.options import (
    BankOption,
    DifficultyOption,
    PlainOption,
    TimeLimitOption,
    TopicOption,
    TypeOption,
    WholeNumber,
    name_given,
    values,
)
from quiz.errors import UsageError


def play(
    count: Annotated[
        int | None,
        typer.Option(
            "--count",
            "-n",
            click_type=WholeNumber(1),
            metavar="N",
            help="How many questions to ask (at least 1; default 10).",
        ),
    ] = None,
    topic: TopicOption = None,
    difficulty: DifficultyOption = None,
    qtype: TypeOption = None,
    seed: Annotated[
        int | None,
        typer.Option(
            click_type=WholeNumber(),
            metavar="SEED",
            help="Seed for a repeatable game: same seed and bank, same quiz.",
        ),
    ] = None,
    player: Annotated[
        str | None,
        typer.Option(
            metavar="NAME", help="Your name (default: the last player, or asked for on a terminal)."
        ),
    ] = None,
    time_limit: TimeLimitOption = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    lives: Annotated[
        int | None,
        typer.Option(
            "--lives",
            click_type=WholeNumber(1, 99),
            metavar="N",
            help="Survival: questions keep coming until N answers are wrong (ranked apart).",
        ),
    ] = None,
    lifeline: Annotated[
        bool,
        typer.Option(
            "--lifeline",
            help="One 50:50 a game on a choice question of 4+ options; that question scores half.",
        ),
    ] = False,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not record this game in the high scores.")
    ] = False,
) -> None:
    """Play a quiz: answer, build streaks, beat the high score.

    On a terminal you pick answers with the arrow keys; with --plain, or when piped,
    each question is printed and one line answers it (see the README).

    \b
    Examples:
      quiz play --count 5 --difficulty hard
      quiz play --topic "Pam Beesly" --time-limit 20
      quiz play --lives 3 --lifeline
      printf '1\\n\\n' | quiz play --plain --seed 7 --count 2
    """
    from quiz.cli.play_session import PlayRequest, run_play

    if count is not None and lives is not None:
        raise UsageError(
            "--count and --lives do not go together: survival asks until lives run out"
        )
    request = PlayRequest(
        count=10 if count is None else count,
        topics=tuple(topic or ()),
        difficulties=values(difficulty),
        types=values(qtype),
        seed=seed,
        player=name_given(player),
        time_limit=time_limit,
        plain=plain,
        banks=tuple(bank or ()),
        lives=lives,
        lifeline=lifeline,
    )
    run_play(request, save=not no_save)
