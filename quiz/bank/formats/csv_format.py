"""CSV with a header row: reading it, and writing the bank as it (`bank export --format csv`)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from quiz.bank.drafting import truth
from quiz.bank.formats.csv_columns import mapped, recognise
from quiz.bank.formats.csv_rows import cell_count as _cell_count
from quiz.bank.formats.csv_rows import read_rows
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


def _our_header(names: list[str]) -> bool:
    return set(COLUMNS) <= {n.strip().lower() for n in names}


def _dialect(text: str) -> tuple[str, str, list[str]] | None:
    """The delimiter, the quote character and the header row, when the first row is a header
    we know (ours, or one people write); None otherwise."""
    first = text.split("\n", 1)[0]
    for quote in _quotes(text):
        for delimiter in DELIMITERS:
            names = next(csv.reader([first], delimiter=delimiter, quotechar=quote), [])
            if len(names) > 1 and (_our_header(names) or recognise(names).usable):
                return delimiter, quote, names
    return None


def _quotes(text: str) -> tuple[str, ...]:
    """Quote characters to try, the one the sample uses most around fields first."""
    sample = text[:65536]
    single = len(re.findall(r"(?:^|[,;\t])'", sample, re.MULTILINE))
    double = len(re.findall(r'(?:^|[,;\t])"', sample, re.MULTILINE))
    return ("'", '"') if single > double else ('"', "'")


def _any_header(text: str) -> tuple[str, str, list[str]]:
    """The header row split by the delimiter that gives it the most columns (for --columns)."""
    first = text.split("\n", 1)[0]
    quote = _quotes(text)[0]
    rows = [next(csv.reader([first], delimiter=d, quotechar=quote), []) for d in DELIMITERS]
    best = max(range(len(DELIMITERS)), key=lambda i: len(rows[i]))
    return DELIMITERS[best], quote, rows[best]


def looks_like(source: Source) -> bool:
    return _dialect(source.text) is not None


_FORMULA = re.compile(r"^'*[=+\-@\t\r]")


def _unguarded(cell: str) -> str:
    """A cell as `to_csv` was given it: the apostrophe that kept it from being a formula gone."""
    return cell[1:] if _FORMULA.match(cell) and cell.startswith("'") else cell


def _guarded(cell: str) -> str:
    """A cell that no spreadsheet reads as a formula: one apostrophe before a leading
    `=`, `+`, `-`, `@`, tab or carriage return (and before apostrophes already leading one)."""
    return "'" + cell if _FORMULA.match(cell) else cell


def _convert(row: dict[str, str]) -> dict[str, object]:
    row = {key: _unguarded(value) for key, value in row.items()}
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
    found = _dialect(source.text) if source.columns is None else _any_header(source.text)
    if found is None:
        raise FormatError(
            f"{source.path}: the first row must name the columns: a question and an answer"
            f" column at least (Question, Answer...), or ours ({','.join(COLUMNS)}); name"
            " others with --columns prompt=...,answers=..."
        )
    delimiter, quote, names = found
    reader = csv.reader(io.StringIO(source.text, newline=""), delimiter=delimiter, quotechar=quote)
    next(reader)
    rows: list[tuple[int, list[str]]] = []
    try:
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((start, cells))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FormatError(f"{source.path}, line {reader.line_num}: {exc}") from exc
    if source.columns is None and _our_header(names):
        lower = [n.strip().lower() for n in names]
        return [
            as_item(n, _convert(dict(zip(lower, cells, strict=True))), line)
            if len(cells) == len(names)
            else as_item(n, _cell_count(cells, names), line)
            for n, (line, cells) in enumerate(rows, start=1)
        ]
    columns = recognise(names) if source.columns is None else mapped(source.columns, names)
    return read_rows(source, columns, names, rows)


def to_csv(questions: Sequence[Question]) -> str:
    """The questions as CSV with the header row that `read` expects."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for q in questions:
        lists = {"answers": join_list(q.answers), "choices": join_list(q.choices)}
        writer.writerow([_guarded(lists[c] if c in lists else getattr(q, c)) for c in COLUMNS])
    return out.getvalue()
