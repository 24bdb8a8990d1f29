"""`quiz party`: the options of a hot-seat party, handed to the party session."""

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
from quiz.output import safe


def party(
    player: Annotated[
        list[str] | None,
        typer.Option(
            "--player",
            metavar="NAME",
            autocompletion=complete_player,
            help="A player, in turn order (repeatable, 2-8; asked for on a terminal).",
            show_default=False,
        ),
    ] = None,
    rounds: Annotated[
        int,
        typer.Option(
            "--rounds",
            click_type=WholeNumber(1, 50),
            metavar="N",
            help="Rounds: one question each per round.",
        ),
    ] = 5,
    topic: TopicOption = None,
    difficulty: DifficultyOption = None,
    qtype: TypeOption = None,
    seed: Annotated[
        int | None,
        typer.Option(
            metavar="S", help="Seed for a repeatable party: same seed and bank, same quiz."
        ),
    ] = None,
    time_limit: TimeLimitOption = None,
    plain: PlainOption = False,
    bank: BankOption = None,
    lifeline: Annotated[
        bool,
        typer.Option(
            "--lifeline",
            help="One 50:50 for each player, on a choice question of 4+ options (scores half).",
        ),
    ] = False,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Do not record the party's games.")
    ] = False,
) -> None:
    """Play a party on one keyboard: 2-8 players take turns.

    Each round every player answers a question of their own, all of the same difficulty
    (rounds climb from easy to hard), and passes the keyboard on. Standings after each
    round, a podium at the end; every player's game is saved under one party id
    ('quiz scores --party last' shows them).

    \b
    Examples:
      quiz party --player Jim --player Pam --player Dwight
      quiz party --player Jim --player Pam --rounds 3 --time-limit 20
      quiz scores --party last
    """
    from quiz.cli.party_session import PartyRequest, run_party
    from quiz.cli.picking import Pick

    request = PartyRequest(
        pick=Pick.given(topic, difficulty, qtype, bank, seed),
        players=tuple(safe(name) for name in player or ()),
        rounds=rounds,
        time_limit=time_limit,
        plain=plain,
        lifeline=lifeline,
    )
    run_party(request, save=not no_save)
