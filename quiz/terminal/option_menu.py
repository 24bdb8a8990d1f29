"""A menu of options on a terminal: the arrows and Enter, or the key shown beside an option.

One menu serves a question's options (pick one, tick several, or put them in order) and every
other choice the program offers; prompt_toolkit draws it, and its lines wrap between words.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.layout import Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.styles import Style

from quiz.output import safe

# Menus stay in a band this wide, however wide the terminal; text wraps between words in it.
MENU_WIDTH = 76
SEPARATOR = "─" * 15
STYLE = Style.from_dict(
    {
        "qmark": "bold fg:ansicyan",
        "message": "bold",
        "instruction": "fg:ansibrightblack",
        "pointer": "bold fg:ansicyan",
        "current": "bold",
        "key": "fg:ansicyan",
        "ticked": "fg:ansigreen",
        "picked": "fg:ansigreen",
        "separator": "fg:ansibrightblack",
    }
)


class Kind(Enum):
    """What Enter and an option's key do: pick it, tick it, or put it next in order."""

    ONE = "one"
    MANY = "many"
    ORDER = "order"


@dataclass(frozen=True, slots=True)
class Entry:
    """A line of the menu: what it shows, what it gives, and the key that picks it at once."""

    title: str
    value: Any
    key: str = ""


@dataclass
class _State:
    pointer: int = 0
    ticked: set[int] = field(default_factory=set)
    picked: list[int] = field(default_factory=list)


def wrapped(text: str, indent: int, first: str = "") -> list[str]:
    """`text` in lines that fit the menu's band, broken between words: the first line after
    `first`, the next ones indented `indent` columns."""
    columns = min(shutil.get_terminal_size().columns, MENU_WIDTH)
    width = max(10, columns - indent - 1)
    return textwrap.wrap(
        safe(text), width, initial_indent=first, subsequent_indent=" " * indent
    ) or [first]


def stop_keys() -> KeyBindings:
    """Ctrl-C raises KeyboardInterrupt and Ctrl-D EOFError, as in every other prompt."""
    keys = KeyBindings()

    @keys.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt)

    @keys.add("c-d")
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError)

    return keys


class OptionMenu:
    """The options (with their keys) and, under a line, `extras` such as skip: Up and Down move,
    Enter or an option's key acts (Space too for ticks); Backspace takes an order's last pick
    back; Ctrl-C raises KeyboardInterrupt and Ctrl-D EOFError."""

    def __init__(
        self,
        message: str,
        options: Sequence[Entry],
        extras: Sequence[Entry] = (),
        *,
        kind: Kind = Kind.ONE,
        instruction: str = "",
        default: Any = None,
    ) -> None:
        self.message, self.instruction = message, instruction
        self.options, self.extras, self.kind = list(options), list(extras), kind
        self.state = _State()
        rows = self._rows()
        self.state.pointer = next((i for i, e in enumerate(rows) if e.value == default), 0)

    def _left(self) -> list[int]:
        """The options still offered: in an order, those not picked yet."""
        return [i for i in range(len(self.options)) if i not in self.state.picked]

    def _rows(self) -> list[Entry]:
        """What Up and Down move over: the options left, then the extras (an order offers its
        extras only before the first pick)."""
        extras = self.extras if not self.state.picked else []
        return [self.options[i] for i in self._left()] + extras

    def _move(self, step: int) -> None:
        self.state.pointer = max(0, min(len(self._rows()) - 1, self.state.pointer + step))

    def _act(self, app: Application[Any], entry: Entry) -> None:
        """What Enter or a key does to `entry`."""
        if entry in self.extras or self.kind is Kind.ONE:
            app.exit(result=entry.value)
            return
        index = self.options.index(entry)
        if self.kind is Kind.MANY:
            self.state.ticked ^= {index}
            return
        self.state.picked.append(index)
        self.state.pointer = 0
        if len(self._left()) == 1:
            app.exit(result=[self.options[i].value for i in self.state.picked + self._left()])

    def _finish(self, app: Application[Any]) -> None:
        """Enter: act on the pointed line, or hand in the ticks of a select-all."""
        entry = self._rows()[self.state.pointer]
        if self.kind is Kind.MANY and entry not in self.extras:
            ticked = sorted(self.state.ticked)
            app.exit(result=[self.options[i].value for i in ticked])
        else:
            self._act(app, entry)

    def _take_back(self) -> None:
        if self.state.picked:
            self.state.picked.pop()
            self.state.pointer = 0

    def _keys(self) -> KeyBindings:
        keys = stop_keys()
        keys.add("up")(lambda event: self._move(-1))
        keys.add("down")(lambda event: self._move(1))
        keys.add("enter")(lambda event: self._finish(event.app))
        keys.add("backspace")(lambda event: self._take_back())

        @keys.add(" ")
        def _tick(event: KeyPressEvent) -> None:
            entry = self._rows()[self.state.pointer]
            if self.kind is Kind.MANY and entry not in self.extras:
                self._act(event.app, entry)

        for entry in self.options + self.extras:
            for key in {entry.key.lower(), entry.key.upper()} - {""}:
                keys.add(key)(self._key_handler(entry))
        return keys

    def _key_handler(self, entry: Entry) -> Any:
        def handle(event: KeyPressEvent) -> None:
            if entry in self._rows():
                self.state.pointer = self._rows().index(entry)
                self._act(event.app, entry)

        return handle

    def _lines(self) -> StyleAndTextTuples:
        """The menu as drawn now."""
        lines: StyleAndTextTuples = [("class:qmark", "? ")]
        lines.append(("class:message", "\n".join(wrapped(self.message, 2)) + "\n"))
        instruction = self.instruction
        if self.state.picked:
            step = f"{len(self.state.picked) + 1} of {len(self.options)}"
            instruction = f"(pick the next: {step}; Backspace takes the last pick back)"
        if instruction:
            lines.append(("class:instruction", "\n".join(wrapped(instruction, 2, "  ")) + "\n"))
        if self.state.picked:
            picks = enumerate(self.state.picked, start=1)
            order = "  ".join(f"{n}. {self.options[i].title}" for n, i in picks)
            lines.append(("class:picked", "\n".join(wrapped(order, 4, "  Your order: ")) + "\n"))
        for at, entry in enumerate(self._rows()):
            if self.extras and entry is self.extras[0]:
                lines.append(("class:separator", f"  {SEPARATOR}\n"))
            lines += self._row(entry, current=at == self.state.pointer)
        lines[-1] = (lines[-1][0], lines[-1][1].removesuffix("\n"))  # no blank line under it
        return lines

    def _row(self, entry: Entry, *, current: bool) -> StyleAndTextTuples:
        """`» 2) The option`, with `●`/`○` before the key in a select-all."""
        row: StyleAndTextTuples = [("class:pointer", "» " if current else "  ")]
        if self.kind is Kind.MANY and entry not in self.extras:
            ticked = self.options.index(entry) in self.state.ticked
            row.append(("class:ticked", "● " if ticked else "○ "))
        label = f"{entry.key}) " if entry.key else ""
        indent = sum(len(text) for _, text, *_ in row) + len(label)
        text = "\n".join(wrapped(entry.title, indent, label))[len(label) :]
        row += [("class:key", label), ("class:current" if current else "", text + "\n")]
        return row

    def application(self) -> Application[Any]:
        control = FormattedTextControl(self._lines, show_cursor=False)
        window = Window(control, wrap_lines=True, dont_extend_height=True)
        return Application(layout=Layout(window), key_bindings=self._keys(), style=STYLE)
