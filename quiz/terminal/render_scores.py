"""Rich views of the score store: the high-score table and a player's stats."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from rich import box
from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from quiz.output import safe
from quiz.scores.rows import RankedGame, Stats, Tally

SPARKS = "▁▂▃▄▅▆▇█"
BAR_WIDTH = 20


def local_time(played_at: str, *, with_time: bool = True) -> str:
    """A stored UTC timestamp as a local date (and time of day)."""
    moment = datetime.strptime(played_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M" if with_time else "%Y-%m-%d")


def duration(seconds: float) -> str:
    whole = round(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def score_table(games: Sequence[RankedGame], newest_id: int | None, width: int) -> Table:
    """The ranked games; the newest one is starred and bold. Narrow screens drop the hour."""
    wide = width >= 90
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1 if wide else 0))
    if newest_id in {g.game_id for g in games}:
        table.caption, table.caption_justify = "★ newest game", "left"
    table.add_column("#", justify="right")
    table.add_column("Player", overflow="fold", min_width=6, max_width=24)
    table.add_column("Score", justify="right")
    table.add_column("Right", justify="right")
    table.add_column("Acc.", justify="right")
    table.add_column("Streak" if wide else "Strk", justify="right")
    table.add_column("Time", justify="right")
    table.add_column("Date", no_wrap=True)
    for game in games:
        newest = game.game_id == newest_id
        table.add_row(
            f"{'★' if newest else ''}{game.rank}",
            Text(safe(game.player)),
            f"{game.score:,}",
            f"{game.correct}/{game.total}",
            f"{game.accuracy:.0%}",
            str(game.best_streak),
            duration(game.duration_s),
            local_time(game.played_at, with_time=wide),
            style="bold" if newest else None,
        )
    return table


def sparkline(values: Sequence[int]) -> str:
    low, high = min(values), max(values)
    span = (high - low) or 1
    return "".join(SPARKS[round((v - low) / span * (len(SPARKS) - 1))] for v in values)


def bar(fraction: float) -> str:
    filled = round(fraction * BAR_WIDTH)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def _tally_table(title: str, tallies: Sequence[Tally]) -> Table:
    table = Table(title=title, title_justify="left", box=None, padding=(0, 1), show_header=False)
    table.add_column(overflow="fold")
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for t in tallies:
        table.add_row(
            Text(safe(t.name)), bar(t.accuracy), f"{t.accuracy:.0%} ({t.correct}/{t.attempts})"
        )
    return table


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
    parts: list[Panel | Table | Text] = [
        Panel(head, title=Text(safe(who)), title_align="left", box=box.ROUNDED, expand=False)
    ]
    parts.append(_tally_table("Accuracy by topic", stats.by_topic))
    parts.append(_tally_table("Accuracy by difficulty", stats.by_difficulty))
    if stats.hardest:
        hardest = Table(title="Hardest questions", title_justify="left", box=box.SIMPLE_HEAD)
        hardest.add_column("Question", overflow="fold")
        hardest.add_column("Right", justify="right", no_wrap=True)
        for t in stats.hardest:
            hardest.add_row(
                Text(safe(prompts.get(t.name, t.name))), f"{t.accuracy:.0%} of {t.attempts}"
            )
        parts.append(hardest)
    if stats.player is None and len(stats.players) > 1:
        players = Table(title="Players", title_justify="left", box=box.SIMPLE_HEAD)
        for name in ("Player", "Games", "Best", "Average", "Accuracy"):
            players.add_column(name, justify="left" if name == "Player" else "right")
        for p in stats.players:
            players.add_row(
                Text(safe(p.player)),
                str(p.games),
                f"{p.best:,}",
                f"{p.average:,.0f}",
                f"{p.accuracy:.0%}",
            )
        parts.append(players)
    return Group(*parts)
