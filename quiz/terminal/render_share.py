"""The result card of a game, as text to paste in a chat and as an SVG image."""

from __future__ import annotations

from quiz.scores.rows import PlayedGame

SQUARES = {"right": "🟩", "wrong": "🟥", "skipped": "⬜", "timed out": "🟧"}


def share_lines(game: PlayedGame, replay: str) -> list[str]:
    """Title, score, one square a question, and the command that replays the quiz."""
    limit = game.settings.time_limit
    timed = f" · {limit} s a question" if limit else ""
    return [
        f"Halpert Quiz · {game.player} · {game.played_at[:10]}",
        f"{game.correct}/{game.total} right · {game.score:,} points"
        f" · best streak {game.best_streak}{timed}",
        "".join(SQUARES[outcome] for outcome in game.outcomes),
        replay,
    ]


def svg_card(lines: list[str]) -> str:
    """The same lines drawn by Rich in a terminal window and exported as an SVG image."""
    import io

    from rich.console import Console
    from rich.text import Text

    width = max(40, *(Text(line).cell_len + 2 for line in lines))
    card = Console(record=True, width=width, file=io.StringIO(), color_system="truecolor")
    card.print(Text(lines[0], style="bold"))
    for line in lines[1:]:
        card.print(Text(line))
    return card.export_svg(title="Halpert Quiz")
