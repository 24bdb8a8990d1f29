"""Rich views of the score store: the high-score table and a player's stats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.output import safe
from quiz.scores.rows import RankedGame, Stats, Tally
from quiz.terminal.formatting import duration, local_time
from quiz.terminal.tables import Bar, Column, FittedTable

SPARKS = "▁▂▃▄▅▆▇█"


def score_table(
    games: Sequence[RankedGame],
    highlight_id: int | None,
    width: int,
    mark: str | None = "newest game",
) -> FittedTable:
    """The ranked games, the highlighted one starred and bold. Narrow screens drop the hour,
    then whole columns (streak, time, accuracy, date, right answers): never the score."""
    wide = width >= 90
    columns = [
        Column("#", justify="right"),
        Column("Player", wrap=True, min_width=14, max_width=24),
        Column("Score", justify="right"),
        Column("Right", justify="right", drop=5),
        Column("Acc.", justify="right", drop=3),
        Column("Streak" if wide else "Strk", justify="right", drop=1),
        Column("Time", justify="right", drop=2),
        Column("Date", drop=4),
    ]
    rows: list[list[RenderableType]] = [
        [
            f"{'★' if game.game_id == highlight_id else ''}{game.rank}",
            Text(safe(game.player)),
            f"{game.score:,}",
            f"{game.correct}/{game.total}",
            f"{game.accuracy:.0%}",
            str(game.best_streak),
            duration(game.duration_s),
            local_time(game.played_at, with_time=wide),
        ]
        for game in games
    ]
    highlighted = highlight_id in {g.game_id for g in games}
    return FittedTable(
        columns,
        rows,
        row_styles=["bold" if g.game_id == highlight_id else None for g in games],
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        padding=(0, 1),
        caption=f"★ {mark}" if highlighted and mark else None,
        caption_justify="left",
    )


def sparkline(values: Sequence[int]) -> str:
    low, high = min(values), max(values)
    span = (high - low) or 1
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def _tally_table(title: str, tallies: Sequence[Tally]) -> FittedTable:
    columns = [Column(""), Column("", wrap=True), Column("", justify="right")]
    rows: list[list[RenderableType]] = [
        [Text(safe(t.name)), Bar(t.accuracy), f"{t.accuracy:.0%} ({t.correct}/{t.attempts})"]
        for t in tallies
    ]
    return FittedTable(
        columns,
        rows,
        title=title,
        title_justify="left",
        box=None,
        padding=(0, 1),
        show_header=False,
    )


def stats_view(stats: Stats, prompts: Mapping[str, str]) -> Group:
    """Everything `quiz stats` shows, top to bottom."""
    who = stats.player if stats.player is not None else "All players"
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("Games", str(stats.games))
    head.add_row("Best score", f"{stats.best:,}")
    head.add_row("Average score", f"{stats.average:,.0f}")
    head.add_row("Accuracy", f"{stats.accuracy:.0%}")
    if len(stats.history) > 1:
        head.add_row(
            "Recent scores",
            Text(f"{sparkline(stats.history)}  (last {len(stats.history)}, oldest first)"),
        )
    parts: list[RenderableType] = [
        Panel(head, title=Text(safe(who)), title_align="left", box=box.ROUNDED, expand=False)
    ]
    parts.append(_tally_table("Accuracy by topic", stats.by_topic))
    parts.append(_tally_table("Accuracy by difficulty", stats.by_difficulty))
    if stats.hardest:
        hardest = FittedTable(
            [Column("Question", wrap=True), Column("Right", justify="right")],
            [
                [Text(safe(prompts.get(t.name, t.name))), f"{t.accuracy:.0%} of {t.attempts}"]
                for t in stats.hardest
            ],
            title="Hardest questions",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        parts.append(hardest)
    if stats.player is None and len(stats.players) > 1:
        columns = [
            Column("Player", wrap=True),
            Column("Games", justify="right", drop=2),
            Column("Best", justify="right"),
            Column("Average", justify="right", drop=1),
            Column("Accuracy", justify="right", drop=3),
        ]
        rows: list[list[RenderableType]] = [
            [
                Text(safe(p.player)),
                str(p.games),
                f"{p.best:,}",
                f"{p.average:,.0f}",
                f"{p.accuracy:.0%}",
            ]
            for p in stats.players
        ]
        parts.append(
            FittedTable(columns, rows, title="Players", title_justify="left", box=box.SIMPLE_HEAD)
        )
    return Group(*parts)
