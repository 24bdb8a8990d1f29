"""Rich view of the facts map: each fact with the questions that ask and mention it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from quiz.bank.facts import MAX_ASKING, Coverage
from quiz.output import safe
from quiz.terminal.formatting import count_of

STATEMENT_MIN = 30  # a statement column narrower than this reads worse than stacked records


def _ids(ids: Sequence[str], fallback: str) -> Text:
    """Question ids one a line (never cut), or `fallback` dimmed when there are none."""
    return Text(safe("\n".join(ids)) if ids else fallback, style="" if ids else "dim")


def _asked(row: Coverage) -> Text:
    """Who asks the fact; flagged when too many do, or nobody asks a fact worth asking."""
    if not row.fact.quiz and not row.asked_by:
        return Text("(not for quizzing)", style="dim")
    cell = _ids(row.asked_by, "(nobody)")
    if not row.asked_by or len(row.asked_by) > MAX_ASKING:
        cell.stylize("bold red")
    return cell


def facts_table(rows: Sequence[Coverage]) -> tuple[Table, int]:
    """Ids whole, one a line; only the statement wraps. Also the least width it fits in."""
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
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    headers = ("fact", "section", "statement", "asked by", "mentioned by")
    needed = 2 * len(headers)  # the edges and the padding between columns
    for i, header in enumerate(headers):
        widest = max(cell_len(line) for row in cells for line in row[i].plain.split("\n"))
        whole = header != "statement"
        width = max(widest, len(header)) if whole else min(widest, STATEMENT_MIN)
        needed += width
        style = "cyan" if header == "fact" else None
        table.add_column(header, style=style, no_wrap=whole, min_width=width)
    for row in cells:
        table.add_row(*row)
    return table, needed


class FactsListing:
    """The facts table when it fits with ids whole and room for the statements, else each
    fact on its own lines: id and section, the statement, who asks and mentions it."""

    def __init__(self, rows: Sequence[Coverage]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        table, needed = facts_table(self.rows)
        if needed <= options.max_width:
            yield table
            return
        for r in self.rows:
            yield Text.assemble((safe(r.fact.id), "cyan"), (f"  {safe(r.fact.section)}", "dim"))
            lines = [Text(safe(r.fact.statement))]
            for label, ids in (
                ("asked by", _asked(r)),
                ("mentioned by", _ids(r.mentioned_by, "-")),
            ):
                lines.append(Text.assemble(f"{label}: ", Text(", ").join(ids.split("\n"))))
            yield Padding(Group(*lines), (0, 0, 0, 2))


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
    facts = count_of(len(rows), "fact")
    return f"{facts}: {', '.join(parts)}." if parts else f"{facts}."


def print_facts(console: Console, rows: Sequence[Coverage]) -> None:
    if not rows:
        console.print("The bank has no facts map (questions/facts.toml).", markup=False)
        return
    console.print(FactsListing(rows))
    console.print(summary(rows), markup=False)
