"""A shell command broken between words into lines of a width, each but the last ending `\\`."""

from __future__ import annotations

import shlex


def continued_lines(command: str, width: int) -> list[str]:
    """`command`'s words on lines of at most `width` columns (a word longer than that alone on
    its line), the next lines indented two spaces, every line but the last ending ` \\`, so
    that the lines pasted into a shell run `command`."""
    words = [shlex.quote(word) for word in shlex.split(command)]
    room = width - 2  # for the ` \` that continues a line
    lines = [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > room:
            lines.append("  ")
        lines[-1] += f" {word}" if lines[-1].strip() else word
    return [line + " \\" for line in lines[:-1]] + lines[-1:]
