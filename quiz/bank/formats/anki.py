"""Anki "notes in plain text": front and back become a typed-answer question and its answer."""

from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass, field

from quiz.bank.formats.items import FormatError, Item, Source, as_item
from quiz.models import DIFFICULTIES

NAME = "anki"
SOURCE = "Anki"
DIFFICULTY = "medium"
SEPARATORS = {
    "comma": ",",
    "semicolon": ";",
    "tab": "\t",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
_HEADER = re.compile(r"^#([a-z ]+):(.*)$")
_KNOWN = ("separator", "html", "tags", "columns", "notetype", "deck")
_SPECIAL_COLUMNS = ("tags column", "deck column", "notetype column", "guid column")
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"(?i)<br\s*/?>|</div>|</p>")
_SOUND = re.compile(r"\[sound:[^\]]*\]")
_CLOZE = re.compile(r"\{\{c\d+::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


@dataclass
class _Headers:
    separator: str | None = None
    html: bool = False
    tags: list[str] = field(default_factory=list)
    deck: str = ""
    columns: dict[str, int] = field(default_factory=dict)  # special column -> 0-based index
    end: int = 0  # lines taken by the headers


def _headers(lines: list[str]) -> _Headers:
    found = _Headers()
    for number, line in enumerate(lines):
        if number == 0 and line.startswith("tags:"):  # the old way, allowed before the headers
            found.tags += line[5:].split()
            found.end = 1
            continue
        match = _HEADER.match(line.strip())
        if not match:
            break
        key, value = match.group(1).strip(), match.group(2).strip()
        if key == "separator":
            found.separator = SEPARATORS.get(value.lower(), value[:1] or None)
        elif key == "html":
            found.html = value.lower() == "true"
        elif key == "tags":
            found.tags += value.split()
        elif key == "deck":
            found.deck = value
        elif key in _SPECIAL_COLUMNS and value.isdigit() and int(value) >= 1:
            found.columns[key] = int(value) - 1
        found.end = number + 1
    return found


def looks_like(source: Source) -> bool:
    """Anki's own headers, or else lines of tab-separated fields."""
    head = source.lines[:12]
    if any(
        (m := _HEADER.match(line.strip())) and m.group(1).strip() in (*_KNOWN, *_SPECIAL_COLUMNS)
        for line in head
    ):
        return True
    data = [line for line in head if line.strip() and not line.startswith("#")]
    return bool(data) and all("\t" in line for line in data)


def _plain(text: str, as_html: bool) -> str:
    if as_html:
        text = html.unescape(_TAG.sub("", _BREAK.sub(" ", _SOUND.sub("", text))))
    return " ".join(text.split())


def _topic(deck: str, fallback: str) -> str:
    """A deck `Languages::French::Verbs` gives the topic `Verbs`."""
    return deck.split("::")[-1].strip() or fallback


def _convert(cells: list[str], headers: _Headers, topic: str) -> dict[str, object] | str:
    special = headers.columns
    regular = [c for i, c in enumerate(cells) if i not in special.values()] + ["", ""]
    tags = list(headers.tags)
    if "tags column" in special and special["tags column"] < len(cells):
        tags += cells[special["tags column"]].split()
    if "deck column" in special and special["deck column"] < len(cells):
        topic = _topic(cells[special["deck column"]], topic)
    front, back = (_plain(c, headers.html) for c in regular[:2])
    clozes = _CLOZE.findall(front)
    if clozes:  # a cloze note: the gap is the answer
        if len({answer for answer, _ in clozes}) > 1:
            return "a cloze note with more than one gap"
        back = clozes[0][0]
        front = _CLOZE.sub(lambda m: f"_____ ({m[2]})" if m[2] else "_____", front)
    if not front or not back:
        return "needs a front and a back"
    difficulty = next((t.lower() for t in tags if t.lower() in DIFFICULTIES), DIFFICULTY)
    return {
        "topic": topic,
        "difficulty": difficulty,
        "type": "text",
        "prompt": front,
        "answers": [back],
        "explanation": "",
        "source": SOURCE,
    }


def _guess_separator(lines: list[str]) -> str:
    first = next((line for line in lines if line.strip() and not line.startswith("#")), "")
    return next((s for s in ("\t", ";", ",") if s in first), "\t")


def read(source: Source) -> list[Item]:
    lines = source.lines
    headers = _headers(lines)
    body = lines[headers.end :]
    separator = headers.separator or _guess_separator(body)
    topic = _topic(headers.deck, source.stem)
    # Comment lines are blanked rather than removed, so that line numbers stay right.
    text = "\n".join("" if line.startswith("#") else line for line in body)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    items: list[Item] = []
    try:
        start = reader.line_num + 1
        for cells in reader:
            if any(cell.strip() for cell in cells):
                line = headers.end + start
                items.append(as_item(len(items) + 1, _convert(cells, headers, topic), line))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FormatError(f"{source.path}, line {headers.end + reader.line_num}: {exc}") from exc
    return items
