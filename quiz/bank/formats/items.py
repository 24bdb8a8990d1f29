"""What every format reader gives: the file's text in, one item per question out."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from quiz.errors import UsageError

NO_JSON = object()


class FormatError(UsageError):
    """A file that is not what its format needs, as a whole (one line, nothing imported)."""


@dataclass(frozen=True, slots=True)
class Item:
    """One question of the file: our question table, or the problem that keeps it from being one.

    `index` counts the file's questions from 1; `line` is where it starts in a text format."""

    index: int
    entry: dict[str, object] | None
    problem: str = ""
    line: int | None = None

    @property
    def where(self) -> str:
        return f"#{self.index}" if self.line is None else f"#{self.index} (line {self.line})"


def as_item(index: int, result: dict[str, object] | str, line: int | None = None) -> Item:
    """An Item from a reader's result: an entry, or the reason there is none."""
    if isinstance(result, str):
        return Item(index, None, result, line)
    return Item(index, result, "", line)


@dataclass
class Source:
    """The file being imported: where it is (for topics and messages), its text, the CSV
    columns that `--columns` names, and notes a reader leaves for the report."""

    path: Path
    text: str
    columns: dict[str, list[str]] | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def stem(self) -> str:
        """The file name without its extension: the topic when the file names none."""
        return self.path.stem

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()

    @cached_property
    def json(self) -> object:
        """The parsed JSON document, or NO_JSON when the text is not JSON."""
        if self.text.lstrip()[:1] not in ("{", "["):
            return NO_JSON
        try:
            return json.loads(self.text)
        except json.JSONDecodeError:
            return NO_JSON
        except RecursionError:
            raise FormatError(f"{self.path} is nested too deeply to read") from None

    def json_or_fail(self, what: str) -> object:
        """The parsed JSON document; FormatError (saying `what` is JSON) when the text is not."""
        data = self.json
        if data is NO_JSON:
            try:
                data = json.loads(self.text)
            except json.JSONDecodeError as exc:
                also = f"; {what} is JSON" if what else ""
                raise FormatError(f"{self.path} is not valid JSON ({exc}){also}") from exc
        return data

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()
