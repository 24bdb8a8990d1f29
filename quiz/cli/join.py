"""`quiz join`: a player's way into a live room, handed to the join session."""

from __future__ import annotations

from typing import Annotated

import typer

from quiz.cli.given import name_given
from quiz.cli.options import NameOption, PlainOption


def join(
    address: Annotated[
        str | None,
        typer.Argument(
            metavar="ADDRESS:PORT",
            help="Where the room is, as the host shows (asked for on a terminal).",
            show_default=False,
        ),
    ] = None,
    code: Annotated[
        str | None,
        typer.Argument(
            metavar="CODE",
            help="The room's code, any case (asked for on a terminal).",
            show_default=False,
        ),
    ] = None,
    player: NameOption = None,
    plain: PlainOption = False,
    no_save: Annotated[
        bool, typer.Option("--no-save", help="Keep this game out of this machine's scores.")
    ] = False,
) -> None:
    """Join a live game that someone hosts with 'quiz host'.

    Wait in the lobby, then answer each question before the host's countdown ends; after
    each question see your points and your place. A dropped connection rejoins by itself
    for 30 s; after that, the same command with the same name rejoins.

    \b
    Examples:
      quiz join 192.168.1.20:8765 K7PQ2M --player Pam
      quiz join 127.0.0.1:8765 k7pq2m --plain
    """
    from quiz.cli.join_session import room_asked, run_join
    from quiz.net.addresses import parse_address
    from quiz.net.guards import check_code

    address, code = room_asked(address, code, plain)
    host, port = parse_address(address)
    run_join(
        host, port, check_code(code, "CODE"), name_given(player), plain=plain, save=not no_save
    )
