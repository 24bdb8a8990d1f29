"""The result card of a game, as text to paste in a chat and as an SVG image."""

from __future__ import annotations

from quiz.models import Outcome
from quiz.output import safe
from quiz.scores.rows import PlayedGame

SQUARES = {Outcome.RIGHT: "🟩", Outcome.WRONG: "🟥", Outcome.SKIPPED: "⬜", Outcome.TIMED_OUT: "🟧"}
# Emoji fonts are rare in SVG viewers: the image draws coloured blocks instead.
BLOCK_COLOURS = {
    Outcome.RIGHT: "green",
    Outcome.WRONG: "red",
    Outcome.SKIPPED: "grey50",
    Outcome.TIMED_OUT: "dark_orange",
}


def _title_and_result(game: PlayedGame) -> tuple[str, str]:
    limit = game.settings.time_limit
    timed = f" · {limit} s a question" if limit else ""
    return (
        f"Halpert Quiz · {safe(game.player)} · {game.played_at[:10]}",
        f"{game.correct}/{game.total} right · {game.score:,} points"
        f" · best streak {game.best_streak}{timed}",
    )


def share_lines(game: PlayedGame, replay: str) -> list[str]:
    """Title, score, one square a question, and the command that replays the quiz."""
    squares = "".join(SQUARES[Outcome(outcome)] for outcome in game.outcomes)
    return [*_title_and_result(game), squares, safe(replay)]


def svg_card(game: PlayedGame, replay: str) -> str:
    """The same card drawn by Rich in a terminal window and exported as an SVG image."""
    import io

    from rich.console import Console
    from rich.text import Text

    title, result = _title_and_result(game)
    blocks = Text()
    for outcome in game.outcomes:
        blocks.append("██", style=BLOCK_COLOURS[Outcome(outcome)]).append(" ")
    lines = [Text(title, style="bold"), Text(result), blocks, Text(safe(replay))]
    width = max(40, *(line.cell_len + 2 for line in lines))
    card = Console(record=True, width=width, file=io.StringIO(), color_system="truecolor")
    for line in lines:
        card.print(line)
    return card.export_svg(title="Halpert Quiz")
