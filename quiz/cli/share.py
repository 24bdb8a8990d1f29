"""`quiz share`: the last game as a few lines for a chat, or as an SVG card."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from quiz.cli.options import complete_player
from quiz.errors import QuizError
from quiz.output import note, say


def share(
    player: Annotated[
        str | None,
        typer.Option(
            metavar="NAME",
            help="Share this player's last game (default: the last player to play on their own).",
            autocompletion=complete_player,
        ),
    ] = None,
    svg: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Also write the card as an SVG image to FILE."),
    ] = None,
) -> None:
    """Share your last game: score, one square a question, and the line that replays it.

    Squares: 🟩 right, 🟥 wrong, ⬜ skipped, 🟧 timed out.

    \b
    Examples:
      quiz share
      quiz share --player Pam --svg pam.svg
    """
    from quiz.cli.replay import board_command, replay_command
    from quiz.scores.store import open_store
    from quiz.terminal.render_share import share_lines, svg_card

    if svg is not None and (svg.is_dir() or not svg.parent.is_dir()):
        where = "it is a folder" if svg.is_dir() else f"the folder {svg.parent} does not exist"
        raise QuizError(f"cannot write the card to {svg}: {where}")
    store = open_store()
    game = store.last_game(player or store.default_player())  # not a party's last turn
    if game is None:
        whose = f" for {player}" if player is not None else ""
        raise QuizError(f"no games yet{whose}: play one with 'quiz play', then share it")
    # A party's or live room's turn cannot be replayed alone: its line shows the whole board.
    replay = board_command(game.settings) or replay_command(game.settings)
    say("\n".join(share_lines(game, replay)))
    if svg is not None:
        from quiz.files import write_text_atomic

        try:
            write_text_atomic(svg, svg_card(game, replay))
        except OSError as exc:
            raise QuizError(f"cannot write {svg} ({exc.strerror or exc})") from None
        note(f"Card written to {svg}")
