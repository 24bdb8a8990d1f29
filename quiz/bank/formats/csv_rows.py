"""Rows of a CSV file with headers of its own, as question tables."""

from __future__ import annotations

import json
import re

from quiz.bank.drafting import truth
from quiz.bank.formats.csv_columns import Columns
from quiz.bank.formats.items import Item, Source, as_item

SOURCE = "CSV"
DIFFICULTY = "medium"
_NUMBER = re.compile(r"^[0-9]{1,2}$")
_LETTER = re.compile(r"^[A-Fa-f]$")
_TYPES = {
    "multiple": "choice", "multiple choice": "choice", "mcq": "choice", "choice": "choice",
    "boolean": "truefalse", "true/false": "truefalse", "truefalse": "truefalse",
    "true false": "truefalse", "text": "text", "short answer": "text", "open": "text",
    "multi": "multi", "order": "order",
}  # fmt: skip


def cell_count(cells: list[str], names: list[str]) -> str:
    return f"has {len(cells)} cells, the header row has {len(names)}"


def _list_cell(cell: str) -> list[str]:
    """A cell listing options: a JSON list, or items joined by `|` or `;`."""
    cell = cell.strip()
    if cell.startswith("["):
        try:
            found = json.loads(cell)
        except json.JSONDecodeError:
            found = None
        if isinstance(found, list) and all(isinstance(x, str) for x in found):
            return [x.strip() for x in found if x.strip()]
    splitter = "|" if "|" in cell else ";"
    return [part.strip() for part in cell.split(splitter) if part.strip()]


def _numbering(columns: Columns, rows: list[tuple[int, list[str]]]) -> int | None:
    """0 or 1: where the answer column's option numbers count from, when it holds numbers."""
    answer = columns.fields["answers"]
    if not columns.options:
        return None
    values = [cells[answer].strip() for _, cells in rows if answer < len(cells)]
    values = [v for v in values if v]
    if not values or not all(_NUMBER.match(v) for v in values):
        return None
    return 0 if "0" in {str(int(v)) for v in values} else 1


def _pick(answer: str, options: list[str], base: int | None) -> str | None:
    """The right option that an answer cell names by number, by letter, or by its text."""
    if base is not None and _NUMBER.match(answer):
        index = int(answer) - base
        return options[index] if 0 <= index < len(options) else None
    if _LETTER.match(answer) and answer.casefold() not in (o.casefold() for o in options):
        index = ord(answer.lower()) - ord("a")
        return options[index] if index < len(options) else None
    return answer


def _convert(
    cells: list[str], columns: Columns, base: int | None, topic: str
) -> dict[str, object] | str:
    def cell(name: str) -> str:
        index = columns.fields.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    prompt, answer = cell("prompt"), cell("answers")
    if not prompt:
        return "the question cell is empty"
    if not answer:
        return "the answer cell is empty"
    options = [cells[i].strip() for i in columns.options if i < len(cells) and cells[i].strip()]
    wrong = [cells[i].strip() for i in columns.wrong if i < len(cells) and cells[i].strip()]
    if columns.wrong_list is not None and columns.wrong_list < len(cells):
        wrong += _list_cell(cells[columns.wrong_list])
    named_type = _TYPES.get(cell("type").casefold(), "")
    entry: dict[str, object] = {
        "topic": cell("topic") or topic,
        "difficulty": cell("difficulty").lower() or DIFFICULTY,
        "prompt": prompt,
    }
    if options:
        right = _pick(answer, options, base)
        if right is None:
            return f"the answer '{answer}' names no option (there are {len(options)})"
        entry |= {"type": named_type or "choice", "choices": options, "answers": [right]}
    elif wrong:
        entry |= {"type": named_type or "choice", "choices": [answer, *wrong], "answers": [answer]}
    elif named_type == "truefalse" or (not named_type and truth(answer) in ("true", "false")):
        entry |= {"type": "truefalse", "answers": [truth(answer)]}
    else:
        entry |= {"type": named_type or "text", "answers": [answer]}
    return entry | {"explanation": cell("explanation"), "source": SOURCE}


def read_rows(
    source: Source, columns: Columns, names: list[str], rows: list[tuple[int, list[str]]]
) -> list[Item]:
    """Every row as an item; a note on the source says how option numbers were read."""
    base = _numbering(columns, rows)
    if base is not None:
        header = names[columns.fields["answers"]].strip()
        why = "a 0 appears in it" if base == 0 else "no 0 appears in it"
        source.notes.append(
            f"The '{header}' column holds option numbers, read as counting from {base} ({why})."
        )
    return [
        as_item(n, _convert(cells, columns, base, source.stem), line)
        for n, (line, cells) in enumerate(rows, start=1)
    ]
