"""The one place that makes consoles, cleans outside text, and prints errors, warnings and JSON."""

from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from typing import TextIO

    from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderResult

# Whole sequences first, so that no leftover half of one is shown as text.
_CONTROL = re.compile(
    r"(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC (titles, links): to BEL or ST
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC: to ST
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI (colours, cursor, clear screen)
    r"|\x1b[ -/]*[0-~]?"  # every other escape sequence, or a bare ESC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # what is left of C0 (newline and tab stay), DEL, C1
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")  # an undecodable byte kept by surrogateescape
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\ud800-\udfff]")  # JSON writers escape the rest themselves


def safe(text: str) -> str:
    """Outside text as it may reach a terminal: control sequences gone, tabs as spaces."""
    if text.isprintable():  # no control character, tab or surrogate: nothing to clean
        return text
    cleaned = _CONTROL.sub("", text.replace("\t", " "))
    return _SURROGATE.sub("\ufffd", cleaned)


class _Cleaned:
    """A renderable drawn as usual, with whatever a view forgot to clean cleaned on its way out."""

    def __init__(self, inner: ConsoleRenderable) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        for segment in console.render(self.inner, options):
            cleaned = segment.text if segment.control else safe(segment.text)
            yield segment if cleaned == segment.text else Segment(cleaned, segment.style)


def console(*, stderr: bool = False) -> Console:
    """A console for stdout or stderr; Rich itself honours NO_COLOR and non-TTY streams."""
    from rich.console import Console, RenderHook

    class SafeSegments(RenderHook):
        def process_renderables(
            self, renderables: list[ConsoleRenderable]
        ) -> list[ConsoleRenderable]:
            return [_Cleaned(r) for r in renderables]

    stream = sys.stderr if stderr else sys.stdout
    # A pipe or a file gets lines without the spaces Rich pads table cells with.
    file = None if stream.isatty() else cast("TextIO", _TrimmedLines(stream))
    made = Console(file=file, stderr=stderr, highlight=False, emoji=False)
    made.push_render_hook(SafeSegments())
    return made


class _TrimmedLines:
    """A text stream that drops the spaces at the end of each line written through it."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.spaces = ""  # the end of the last line so far: dropped if the line ends there

    def write(self, text: str) -> int:
        *done, last = (self.spaces + text).split("\n")
        kept = last.rstrip(" ")
        self.spaces = last[len(kept) :]
        lines = [line.rstrip(" ") for line in done]
        self.stream.write("\n".join([*lines, kept]))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:
        return self.stream.encoding


def interactive_terminal() -> bool:
    """Both ends are a terminal: prompts can be shown and answered."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def say(message: str) -> None:
    """One line on stdout, cleaned of control sequences."""
    print(safe(message), flush=True)


def error(message: str) -> None:
    """One plain line on stderr; user text in it is never read as markup."""
    print(f"Error: {safe(message)}", file=sys.stderr)


def warn(message: str) -> None:
    print(f"Warning: {safe(message)}", file=sys.stderr)


def note(message: str) -> None:
    print(safe(message), file=sys.stderr)


def json_text(data: object, *, ensure_ascii: bool = False) -> str:
    """What `json.dumps(data, ensure_ascii=..., indent=2)` writes. orjson writes UTF-8 JSON:
    json's own encoder is pure Python once it indents (~5x slower on a few thousand questions)."""
    if not ensure_ascii:
        import orjson

        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
        except orjson.JSONEncodeError:  # what json writes and orjson refuses: a lone surrogate
            pass
    import json

    return json.dumps(data, ensure_ascii=ensure_ascii, indent=2)


def print_json(data: object) -> None:
    """JSON on stdout, the only thing there; control characters kept, but as escapes."""
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    text = json_text(data, ensure_ascii=not utf8)
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")
