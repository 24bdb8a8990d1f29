"""`quiz host`: the options of a live room, handed to the host session."""

from __future__ import annotations

from typing import Annotated

import typer

from quiz.cli.options import (
    BankOption,
    DifficultyOption,
    PlainOption,
    TopicOption,
    TypeOption,
    WholeNumber,
)


def host(
    count: Annotated[
        int,
        typer.Option(
            "--count", "-n", click_type=WholeNumber(1, 100), metavar="N", help="How many questions."
        ),
    ] = 10,
    topic: TopicOption = None,
    difficulty: DifficultyOption = None,
    qtype: TypeOption = None,
    time_limit: Annotated[
        int,
        typer.Option(
            "--time-limit",
            click_type=WholeNumber(5, 300),
            metavar="SECONDS",
            help="Seconds for a choice or true/false question (5-300); typed and"
            " select-all answers get 1.5 times it, order questions twice.",
        ),
    ] = 20,
    seed: Annotated[
        int | None,
        typer.Option(
            click_type=WholeNumber(),
            metavar="SEED",
            help="Seed for a repeatable room: same seed and bank, same questions.",
        ),
    ] = None,
    bank: BankOption = None,
    port: Annotated[
        int | None,
        typer.Option(
            click_type=WholeNumber(1, 65535),
            metavar="PORT",
            help="The port to listen on (default 8765, or a free one when that is taken).",
            show_default=False,
        ),
    ] = None,
    bind: Annotated[
        str,
        typer.Option(
            metavar="ADDR",
            help="The address to listen on: 0.0.0.0 takes players from the network,"
            " 127.0.0.1 keeps the room on this machine.",
        ),
    ] = "0.0.0.0",
    code: Annotated[
        str | None,
        typer.Option(
            metavar="CODE",
            help="The room's code, 4-12 letters or digits, any case (default: 6 made up).",
            show_default=False,
        ),
    ] = None,
    max_players: Annotated[
        int,
        typer.Option(
            "--max-players", click_type=WholeNumber(1, 1000), metavar="N", help="Room size."
        ),
    ] = 100,
    start_with: Annotated[
        int | None,
        typer.Option(
            "--start-with",
            click_type=WholeNumber(1, 1000),
            metavar="K",
            help="Start by itself once K players are in (for scripts); else Enter starts.",
            show_default=False,
        ),
    ] = None,
    reveal_seconds: Annotated[
        int,
        typer.Option(
            "--reveal-seconds",
            click_type=WholeNumber(0, 30),
            metavar="S",
            help="With --plain: seconds each reveal stays before the next question (0-30).",
        ),
    ] = 3,
    plain: PlainOption = False,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Keep the room's games out of this machine's scores.")
    ] = False,
) -> None:
    """Host a live game: everyone answers the same question on their own terminal.

    Prints how to join (quiz join ADDRESS:PORT CODE) with this machine's addresses; the
    lobby shows players as they join and Enter starts. The host keeps the time and the
    score; after each question the answer, how the room answered and the top 5, and at
    the end a podium. Every player's game is saved here in mode live with the room's id.

    \b
    Examples:
      quiz host
      quiz host --count 5 --time-limit 15 --code JIMPAM
      quiz host --bind 127.0.0.1 --start-with 3 --plain
      quiz scores --room last
    """
    from quiz.cli.host_session import HostRequest, run_host
    from quiz.cli.picking import Pick
    from quiz.net.guards import check_code

    request = HostRequest(
        count=count,
        pick=Pick.given(topic, difficulty, qtype, bank, seed),
        time_limit=time_limit,
        port=port,
        bind=bind,
        code=None if code is None else check_code(code),
        max_players=max_players,
        start_with=start_with,
        reveal_seconds=reveal_seconds,
        plain=plain,
    )
    run_host(request, save=not no_save)
