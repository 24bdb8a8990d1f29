"""Rich views of the score store: the high-score table and a player's stats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.output import safe
from quiz.scores.rows import RankedGame, Stats, Tally
from quiz.terminal.formatting import duration, local_time
from quiz.terminal.tables import Bar, Column, FittedTable

SPARKS = "▁▂▃▄▅▆▇█"
PERCENT = len("100%")
MIN_BAR, MAX_BAR = 5, 20  # a bar's cells


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


class AccuracyBars:
    """Accuracy by topic and by difficulty in one layout: every bar starts in the same column
    and is as long as the others, and every `%` sits in the same column, whatever the lengths
    of names and counts. Below 5 cells a bar says nothing, so a narrow screen leaves it out."""

    def __init__(self, sections: Sequence[tuple[str, Sequence[Tally]]]) -> None:
        self.sections = sections

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        tallies = [t for _, section in self.sections for t in section]
        if not tallies:
            return
        widest = max(cell_len(safe(t.name)) for t in tallies)
        counts = max(len(_count(t)) for t in tallies)
        room = options.max_width - PERCENT - counts - 2 * 3  # one cell either side of a column
        words = max(cell_len(word) for t in tallies for word in safe(t.name).split() or [""])
        label = max(words, min(widest, room - 2 - MIN_BAR))  # names wrap to keep a bar
        bar = min(MAX_BAR, room - 2 - label)
        if bar < MIN_BAR:  # no bar worth reading: the names take its room
            label = max(words, min(widest, room))
        for title, section in self.sections:
            table = Table(
                title=title, title_justify="left", box=None, padding=(0, 1), show_header=False
            )
            table.add_column(width=label, overflow="fold")
            if bar >= MIN_BAR:
                table.add_column(width=bar, no_wrap=True, overflow="fold")
            table.add_column(width=PERCENT, justify="right", overflow="fold")
            table.add_column(width=counts, overflow="fold")
            for t in section:
                shown = [Bar(t.accuracy)] if bar >= MIN_BAR else []
                table.add_row(Text(safe(t.name)), *shown, f"{t.accuracy:.0%}", _count(t))
            yield table


def _count(tally: Tally) -> str:
    return f"({tally.correct}/{tally.attempts})"


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
    parts.append(
        AccuracyBars(
            [("Accuracy by topic", stats.by_topic), ("Accuracy by difficulty", stats.by_difficulty)]
        )
    )
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
