"""`quiz help`: every topic listed, and each one readable at 40, 80 and 200 columns."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from quiz.cli.help import complete_help_topic, topics_index
from quiz.help import topic_names, topic_text, topic_title
from quiz.terminal.help_text import plain_topic, terminal_links
from quiz.terminal.render_help import rich_topic
from tests.conftest import run_cli

WORD = re.compile(r"\w+")
WIDTHS = [40, 80, 200]
TOPICS = topic_names()
EXPECTED = {
    "architecture", "bank", "completion", "data", "format", "import", "live", "office",
    "party", "performance", "play", "practice", "reference", "scores", "scoring",
}  # fmt: skip


def markdown(name: str) -> str:
    text = topic_text(name) if name != "(index)" else topics_index()
    assert text is not None
    return text


def drawn(text: str, width: int) -> str:
    console = Console(
        record=True, width=width, file=io.StringIO(), color_system=None, force_terminal=False
    )
    console.print(rich_topic(text))
    return console.export_text()


def cut_words(source: str, rendered: str, width: int) -> set[str]:
    """Pieces of words in `rendered` that are no word of `source`: words cut in two. A word
    longer than a line (an id, a command) may break."""
    source = terminal_links(source)
    known = set(WORD.findall(source))
    long = [word for word in source.split() if len(word) > width - 8]
    return {
        piece
        for piece in WORD.findall(rendered)
        if piece not in known and not any(piece in word for word in long)
    }


def test_every_topic_is_there() -> None:
    assert set(TOPICS) == EXPECTED


def test_quiz_help_lists_every_topic_with_its_title() -> None:
    listing = " ".join(run_cli("help").stdout.split())
    for name in TOPICS:
        assert f"- {name}: {topic_title(markdown(name))}" in listing


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", [*TOPICS, "(index)"])
def test_a_topic_wraps_between_words_at_any_width(name: str, width: int) -> None:
    text = markdown(name)
    for rendered in (plain_topic(text, width), drawn(text, width)):
        assert max(len(line) for line in rendered.splitlines()) <= width
        assert cut_words(text, rendered, width) == set()


@pytest.mark.parametrize("width", WIDTHS)
def test_quiz_help_topic_opens_at_any_width(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    for name in TOPICS:
        done = run_cli("help", name.upper())
        assert done.exit_code == 0, done.stderr
        assert " ".join(done.stdout.split()).startswith(topic_title(markdown(name)))
        assert max(len(line) for line in done.stdout.splitlines()) <= width


def test_an_unknown_topic_is_a_usage_error_naming_the_topics() -> None:
    done = run_cli("help", "[red]nope")
    assert done.exit_code == 2
    assert done.stdout == ""
    assert done.stderr.splitlines() == [
        f"Error: no help topic '[red]nope'; the topics are {', '.join(TOPICS)} "
        "(see 'quiz help --help')"
    ]


def test_topics_are_lists_not_tables_so_narrow_screens_never_cut_a_cell() -> None:
    for name in TOPICS:
        assert not any(line.startswith("|") for line in markdown(name).splitlines()), name


def test_tab_completes_help_topics() -> None:
    assert complete_help_topic("sco") == ["scores", "scoring"]


def command_lines(text: str) -> list[str]:
    """The lines a reader types: every line of an `sh` block, the `$` lines of a `console`
    block with their continuations."""
    typed: list[str] = []
    block = ""
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            block = "" if block else line.strip().strip("`") or "text"
        elif block == "sh" or (block == "console" and (line.startswith("$ ") or typed_on(typed))):
            typed.append(line)
    return typed


def typed_on(typed: list[str]) -> bool:
    return bool(typed) and typed[-1].endswith("\\")


@pytest.mark.parametrize("name", TOPICS)
def test_example_commands_fit_in_40_columns(name: str) -> None:
    """Rich draws a code block with a column of padding on each side."""
    assert [line for line in command_lines(markdown(name)) if len(line) > 38] == []
