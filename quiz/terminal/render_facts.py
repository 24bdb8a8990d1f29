"""Rich view of the facts map: each fact with the questions that ask and mention it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.console import Console, ConsoleOptions, RenderResult
from rich.padding import Padding
from rich.text import Text

from quiz.bank.facts import MAX_ASKING, Coverage
from quiz.output import safe
from quiz.terminal.tables import Column, FittedTable


def _ids(ids: Sequence[str], fallback: str) -> Text:
    return Text(safe(", ".join(ids)) if ids else fallback, style="" if ids else "dim")


def _asked(row: Coverage) -> Text:
    """Who asks the fact; flagged when too many do, or nobody asks a fact worth asking."""
    if not row.fact.quiz and not row.asked_by:
        return Text("(not for quizzing)", style="dim")
    cell = _ids(row.asked_by, "(nobody)")
    if not row.asked_by or len(row.asked_by) > MAX_ASKING:
        cell.stylize("bold red")
    return cell


def facts_table(rows: Sequence[Coverage]) -> FittedTable:
    """Ids whole; the statement and the question ids wrap; narrow screens lose the section."""
    columns = [
        Column("fact", style="cyan"),
        Column("section", drop=1),
        Column("statement", wrap=True, min_width=24),
        Column("asked by", wrap=True, min_width=12),
        Column("mentioned by", wrap=True, min_width=12),
    ]
    cells = [
        [
            Text(safe(r.fact.id)),
            Text(safe(r.fact.section)),
            Text(safe(r.fact.statement)),
            _asked(r),
            _ids(r.mentioned_by, "-"),
        ]
        for r in rows
    ]
    return FittedTable(columns, cells, box=box.SIMPLE_HEAD, pad_edge=False)


class FactsListing:
    """The facts table, or below 80 columns (where four wrapping columns would be slivers)
    each fact on its own lines: id and section, the statement, who asks and mentions it."""

    STACK_BELOW = 80

    def __init__(self, rows: Sequence[Coverage]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if options.max_width >= self.STACK_BELOW:
            yield facts_table(self.rows)
            return
        for r in self.rows:
            yield Text.assemble((safe(r.fact.id), "cyan"), (f"  {safe(r.fact.section)}", "dim"))
            for line in (
                Text(safe(r.fact.statement)),
                Text.assemble("asked by: ", _asked(r)),
                Text.assemble("mentioned by: ", _ids(r.mentioned_by, "-")),
            ):
                yield Padding(line, (0, 0, 0, 2))


def summary(rows: Sequence[Coverage]) -> str:
    """`120 facts: 80 asked once, 36 twice, 4 not for quizzing.`"""
    worth = [r for r in rows if r.fact.quiz or r.asked_by]
    asked = Counter(min(len(r.asked_by), MAX_ASKING + 1) for r in worth)
    parts = [
        f"{asked[n]} {word}"
        for n, word in ((1, "asked once"), (2, "twice"), (MAX_ASKING + 1, "more often"))
        if asked[n]
    ]
    if asked[0]:
        parts.append(f"{asked[0]} asked by nobody")
    if len(worth) < len(rows):
        parts.append(f"{len(rows) - len(worth)} not for quizzing")
    return f"{len(rows)} facts: {', '.join(parts)}." if parts else f"{len(rows)} facts."


def print_facts(console: Console, rows: Sequence[Coverage]) -> None:
    if not rows:
        console.print("The bank has no facts map (questions/facts.toml).", markup=False)
        return
    console.print(FactsListing(rows))
    console.print(summary(rows), markup=False)
