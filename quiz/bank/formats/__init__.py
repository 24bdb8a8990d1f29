"""The import formats: telling a file's format from its content, and reading it as items."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

from quiz.bank.formats import anki, csv_format, gift, mkdocs_quiz, opentdb, ours, trivia_api
from quiz.bank.formats.items import NO_JSON, FormatError, Item, Source
from quiz.bank.loader import UnreadableBankError, read_source

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


def decode(path: Path) -> Source:
    """The file as text (UTF-8, with or without a byte-order mark)."""
    if not path.exists():
        raise FormatError(f"no such file: {path}")
    if path.is_dir():
        raise FormatError(f"{path} is a folder; give one file to import")
    try:
        data = read_source(path, MAX_IMPORT_BYTES)  # never waits on a pipe or a device
    except UnreadableBankError as exc:
        raise FormatError(f"{path} {exc}") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FormatError(
            f"{path} is not UTF-8 text (byte {data[exc.start]:#04x} at offset {exc.start});"
            " save it as UTF-8 and import it again"
        ) from exc
    if not text.strip():
        raise FormatError(f"{path} is empty; there is nothing to import")
    return Source(path, text.replace("\r\n", "\n"))


def read_items(path: Path, fmt: str | None) -> tuple[str, list[Item]]:
    """The format's name and every item of the file; FormatError when it cannot be read at all."""
    source = decode(path)
    reader = detect(source) if fmt is None else READERS[FORMATS.index(fmt)]
    items: list[Item] = reader.read(source)
    return reader.NAME, items


__all__ = ["FORMATS", "FormatError", "Item", "Source", "read_items"]
