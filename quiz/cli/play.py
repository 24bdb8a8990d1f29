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
    complete_player,
)


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
            metavar="NAME",
            autocompletion=complete_player,
            help="Your name. Default: the last player's name (your login name the first"
            " time); a terminal asks, offering it.",
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

    On a terminal each question has a screen of its own: pick with the arrow keys, see
    the answer revealed, press Enter for the next. With --plain, or when piped, each
    question is printed and one line answers it (see 'quiz help play').

    \b
    Examples:
      quiz play --count 5 --difficulty hard
      quiz play --topic "Pam Beesly" --time-limit 20
      quiz play --lives 3 --lifeline
      printf '1\\n\\n' | quiz play --plain --seed 7 --count 2
    """
    given = locals()  # the fast path (quiz.cli.fast) calls play_command with the same names
    from quiz.cli.play_session import play_command

    play_command(**given)
