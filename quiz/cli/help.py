"""`quiz help`: the list of help topics, or one topic."""

from __future__ import annotations

from typing import Annotated

import typer


def complete_help_topic(incomplete: str) -> list[str]:
    from quiz.help import topic_names

    return [name for name in topic_names() if name.startswith(incomplete)]


def topics_index() -> str:
    """The list of topics as Markdown: each name with its title."""
    from quiz.help import topic_names, topic_text, topic_title

    items = [f"- `{name}`: {topic_title(topic_text(name) or '')}" for name in topic_names()]
    return "\n".join(
        [
            "# Help topics",
            "",
            "Open one with `quiz help TOPIC`, for example `quiz help scoring`.",
            "",
            *items,
            "",
            "Every command explains itself too: `quiz play --help`.",
        ]
    )


def help_topic(
    topic: Annotated[
        str | None,
        typer.Argument(
            metavar="TOPIC",
            help="The topic to read; without it, the list of topics.",
            autocompletion=complete_help_topic,
            show_default=False,
        ),
    ] = None,
) -> None:
    """Read the manual: how to play, score, share, import, host; every command's options.

    \b
    Examples:
      quiz help
      quiz help scoring
      quiz help reference | less
    """
    from quiz.errors import UsageError
    from quiz.help import topic_names, topic_text
    from quiz.terminal.render_help import show_topic

    if topic is None:
        show_topic(topics_index())
        return
    text = topic_text(topic.lower())
    if text is None:
        raise UsageError(f"no help topic {topic!r}; the topics are {', '.join(topic_names())}")
    show_topic(text)
