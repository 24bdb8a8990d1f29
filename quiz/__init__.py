"""Halpert Quiz: a terminal trivia game about Jim Halpert of The Office."""

__version__ = "0.1.0"


def version_line() -> str:
    """What `quiz --version` prints (the entry point answers it before typer loads)."""
    return f"halpert-quiz {__version__}"
