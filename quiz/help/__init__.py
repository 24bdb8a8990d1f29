"""The help topics: Markdown files shipped beside this module, one a topic, named by its file."""

from __future__ import annotations

from pathlib import Path

# The package is a plain folder (never zipped), so its topics sit beside this module.
HELP_DIR = Path(__file__).parent


def topic_names() -> list[str]:
    """Every topic, by name (`scoring` for scoring.md), in alphabetical order."""
    return sorted(path.stem for path in HELP_DIR.glob("*.md"))


def topic_text(name: str) -> str | None:
    """A topic's Markdown, or None when there is no topic of that name."""
    if name not in topic_names():
        return None
    return (HELP_DIR / f"{name}.md").read_text(encoding="utf-8")


def topic_title(text: str) -> str:
    """A topic's title: its first line, the `# Title` heading."""
    return text.partition("\n")[0].lstrip("#").strip()
