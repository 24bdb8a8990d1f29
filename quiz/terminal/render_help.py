"""A help topic on screen: Rich Markdown on a terminal, plain text for a pipe or a file."""

from __future__ import annotations

import shutil
import sys
from typing import TYPE_CHECKING, ClassVar

from quiz.terminal.help_text import code_lines, plain_topic, terminal_links

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.markdown import Markdown

READABLE = 100  # columns: wider lines are hard to follow, whatever the terminal's width


def _help_markdown() -> type[Markdown]:
    """Rich's Markdown, with code blocks whose long lines go on between words: Rich's own
    fold them at the last column, through a word."""
    from rich.console import ConsoleOptions, RenderResult
    from rich.markdown import CodeBlock, Markdown
    from rich.syntax import Syntax

    class WrappedCode(CodeBlock):
        def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
            lines = str(self.text).rstrip().splitlines()
            code = "\n".join(code_lines(lines, options.max_width - 2, margin=""))
            yield Syntax(code, self.lexer_name, theme=self.theme, word_wrap=False, padding=1)

    class HelpMarkdown(Markdown):
        elements: ClassVar = {**Markdown.elements, "fence": WrappedCode, "code_block": WrappedCode}

    return HelpMarkdown


def rich_topic(markdown: str) -> RenderableType:
    """The topic as Rich draws Markdown, kept to a readable width."""
    from rich.constrain import Constrain

    drawn = _help_markdown()(terminal_links(markdown), code_theme="ansi_dark")
    return Constrain(drawn, READABLE)


def show_topic(markdown: str, console: Console | None = None) -> None:
    """Print a topic: drawn on a terminal, reflowed plain text anywhere else."""
    if console is None and not sys.stdout.isatty():
        width = min(shutil.get_terminal_size((80, 24)).columns, READABLE)
        sys.stdout.write(plain_topic(markdown, width))
        return
    if console is None:
        from quiz.output import console as make_console

        console = make_console()
    console.print(rich_topic(markdown))
