"""CSV with a header row: reading it, and writing the bank as it (`bank export --format csv`)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from quiz.bank.drafting import truth
from quiz.bank.formats.items import FormatError, Item, Source, as_item
from quiz.models import Question

NAME = "csv"
COLUMNS = ("type", "topic", "difficulty", "prompt", "answers", "choices", "explanation")
OPTIONAL = ("id", "reject", "source")
DELIMITERS = (",", ";", "\t")
# Cells holding lists join their items with "|"; a "|" or "\" inside an item is escaped.
_LIST_PART = re.compile(r"\\[\\|]|\|")


def join_list(items: Sequence[str]) -> str:
    return "|".join(i.replace("\\", "\\\\").replace("|", "\\|") for i in items)


def split_list(cell: str) -> list[str]:
    if not cell.strip():
        return []
    items, current, start = [], [], 0
    for match in _LIST_PART.finditer(cell):
        current.append(cell[start : match.start()])
        if match[0] == "|":
            items.append("".join(current))
            current = []
        else:
            current.append(match[0][1])
        start = match.end()
    items.append("".join(current) + cell[start:])
    return [item.strip() for item in items]


def _header(line: str) -> tuple[str, list[str]] | None:
    """The delimiter and column names when `line` is our header row."""
    for delimiter in DELIMITERS:
        names = [n.strip().lower() for n in next(csv.reader([line], delimiter=delimiter), [])]
        if set(COLUMNS) <= set(names):
            return delimiter, names
    return None


def looks_like(source: Source) -> bool:
    return bool(source.lines) and _header(source.lines[0]) is not None


def _convert(row: dict[str, str]) -> dict[str, object]:
    qtype = row["type"].strip().lower()
    entry: dict[str, object] = {
        "topic": row["topic"].strip(),
        "difficulty": row["difficulty"].strip().lower(),
        "type": qtype,
        "prompt": row["prompt"].strip(),
    }
    if row.get("id", "").strip():
        entry = {"id": row["id"].strip(), **entry}
    choices = split_list(row["choices"])
    if choices:
        entry["choices"] = choices
    answers = split_list(row["answers"])
    entry["answers"] = [truth(a) for a in answers] if qtype == "truefalse" else answers
    reject = split_list(row.get("reject", ""))
    if reject:
        entry["reject"] = reject
    entry["explanation"] = row["explanation"].strip()
    entry["source"] = row.get("source", "").strip()
    return entry


def read(source: Source) -> list[Item]:
    found = _header(source.lines[0]) if source.lines else None
    if found is None:
        raise FormatError(
            f"{source.path}: the first row must name the columns {','.join(COLUMNS)}"
            f" (optional: {', '.join(OPTIONAL)})"
        )
    delimiter, names = found
    reader = csv.reader(io.StringIO(source.text, newline=""), delimiter=delimiter)
    next(reader)
    items: list[Item] = []
    try:
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                n = len(items) + 1
                if len(cells) != len(names):
                    problem = f"has {len(cells)} cells, the header row has {len(names)}"
                    items.append(as_item(n, problem, start))
                else:
                    items.append(as_item(n, _convert(dict(zip(names, cells, strict=True))), start))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FormatError(f"{source.path}, line {reader.line_num}: {exc}") from exc
    return items


def to_csv(questions: Sequence[Question]) -> str:
    """The questions as CSV with the header row that `read` expects."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for q in questions:
        lists = {"answers": join_list(q.answers), "choices": join_list(q.choices)}
        writer.writerow([lists[c] if c in lists else getattr(q, c) for c in COLUMNS])
    return out.getvalue()
