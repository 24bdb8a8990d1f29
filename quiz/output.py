"""The one place that makes consoles, cleans outside text, and prints errors, warnings and JSON."""

from __future__ import annotations

import json
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\ud800-\udfff]")  # json.dumps escapes the rest itself


def safe(text: str) -> str:
    """Outside text as it may reach a terminal: control sequences gone, tabs as spaces."""
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

    made = Console(stderr=stderr, highlight=False, emoji=False)
    made.push_render_hook(SafeSegments())
    return made


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


def print_json(data: object) -> None:
    """JSON on stdout, the only thing there; control characters kept, but as escapes."""
    utf8 = (sys.stdout.encoding or "").lower().replace("-", "") == "utf8"
    text = json.dumps(data, ensure_ascii=not utf8, indent=2)
    text = _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
    sys.stdout.write(text + "\n")
