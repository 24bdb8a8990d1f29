"""The import formats: telling a file's format from its content, and reading it as items."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from quiz.bank.formats import anki, csv_format, gift, mkdocs_quiz, opentdb, ours, trivia_api
from quiz.bank.formats.items import NO_JSON, FormatError, Item, Source
from quiz.bank.loader import UnreadableBankError, read_source
from quiz.errors import UsageError

MAX_IMPORT_BYTES = 64 * 1024 * 1024

# Tried in this order: the JSON formats, then the text formats from the most distinctive.
# Anki comes before GIFT: its header lines are certain, while a random note id such as
# `hFLWPYPV{#` can look like GIFT's syntax.
READERS: tuple[ModuleType, ...] = (opentdb, trivia_api, ours, csv_format, anki, mkdocs_quiz, gift)
FORMATS = tuple(reader.NAME for reader in READERS)
# When the content says nothing clear, the extension decides.
BY_SUFFIX = {
    ".csv": csv_format,
    ".gift": gift,
    ".md": mkdocs_quiz,
    ".markdown": mkdocs_quiz,
    ".txt": anki,
    ".tsv": anki,
}


def detect(source: Source) -> ModuleType:
    """The reader for `source`, from its content first and its extension second."""
    for reader in READERS:
        looks_like: Callable[[Source], bool] = reader.looks_like
        if looks_like(source):
            return reader
    if source.suffix in BY_SUFFIX:
        return BY_SUFFIX[source.suffix]
    if source.suffix == ".json" or source.json is not NO_JSON:
        source.json_or_fail("")
        raise FormatError(
            f"{source.path} is JSON, but neither Open Trivia DB, The Trivia API"
            " nor a 'quiz bank export' file"
        )
    raise FormatError(
        f"{source.path}: cannot tell its format; name it with --format ({', '.join(FORMATS)})"
    )


def decode(path: Path, encoding: str | None = None) -> Source:
    """The file as text: UTF-8 (with or without a byte-order mark) unless `encoding` names
    another codec."""
    if not path.exists():
        raise FormatError(f"no such file: {path}")
    if path.is_dir():
        raise FormatError(f"{path} is a folder; give one file to import")
    codec = _codec(encoding)
    try:
        data = read_source(path, MAX_IMPORT_BYTES)  # never waits on a pipe or a device
    except UnreadableBankError as exc:
        raise FormatError(f"{path} {exc}") from exc
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        what = "UTF-8" if encoding is None else encoding
        raise FormatError(
            f"{path} is not {what} text (byte {data[exc.start]:#04x} at offset {exc.start});"
            " name the encoding it was saved in, e.g. --encoding cp1252"
        ) from exc
    if not text.strip():
        raise FormatError(f"{path} is empty; there is nothing to import")
    return Source(path, text.replace("\r\n", "\n").removeprefix("\ufeff"))


def _codec(encoding: str | None) -> str:
    if encoding is None:
        return "utf-8-sig"
    try:
        name = codecs.lookup(encoding).name
        b"".decode(name)  # refuses codecs that are not for text, such as rot13 or zlib
    except LookupError:
        raise UsageError(f"--encoding: '{encoding}' is not a text encoding Python knows") from None
    return name


@dataclass(frozen=True, slots=True)
class Reading:
    """What reading a file gave: its format's name, its items, and notes for the report."""

    fmt: str
    items: list[Item]
    notes: list[str]


def read_items(
    path: Path,
    fmt: str | None,
    *,
    encoding: str | None = None,
    columns: dict[str, list[str]] | None = None,
) -> Reading:
    """Every item of the file; FormatError when it cannot be read at all. `columns` (from
    --columns) is for CSV only."""
    if columns is not None and fmt not in (None, csv_format.NAME):
        raise UsageError("--columns is for CSV files only")
    source = decode(path, encoding)
    if columns is not None:
        source.columns, fmt = columns, csv_format.NAME
    reader = detect(source) if fmt is None else READERS[FORMATS.index(fmt)]
    items: list[Item] = reader.read(source)
    return Reading(reader.NAME, items, source.notes)


__all__ = ["FORMATS", "FormatError", "Item", "Reading", "Source", "read_items"]
