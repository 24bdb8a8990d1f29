"""`quiz play`: the options of a game, handed to the play session."""

from __future__ import annotations

from typing import Annotated

import typer

from quiz.cli.options import (
    BankOption,
    DifficultyOption,
    TopicOption,
    TypeOption,
    WholeNumber,
    values,
)


def play(
    count: Annotated[
        int,
        typer.Option(
            "--count",
            "-n",
            click_type=WholeNumber(1),
            metavar="N",
            help="How many questions to ask (at least 1).",
        ),
    ] = 10,
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
    time_limit: Annotated[
        int | None,
        typer.Option(
            "--time-limit",
            click_type=WholeNumber(5, 300),
            metavar="SECONDS",
            help="Timed mode: seconds per question (5-300); faster answers score more.",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Line-by-line mode for scripts and screen readers (automatic when piped).",
        ),
    ] = False,
    bank: BankOption = None,
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
      printf '1\\n\\n' | quiz play --plain --seed 7 --count 2
    """
    from quiz.cli.play_session import PlayRequest, player_name, run_play

    request = PlayRequest(
        count=count,
        topics=tuple(topic or ()),
        difficulties=values(difficulty),
        types=values(qtype),
        seed=seed,
        player=player_name(player),
        time_limit=time_limit,
        plain=plain,
        banks=tuple(bank or ()),
    )
    run_play(request, save=not no_save)
