"""Option types shared by several commands."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class DifficultyName(StrEnum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class TypeName(StrEnum):
    choice = "choice"
    truefalse = "truefalse"
    text = "text"
    multi = "multi"
    order = "order"


BankOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--bank",
        metavar="PATH",
        help="Extra bank file or folder of *.toml files to include (repeatable).",
        show_default=False,
    ),
]
TargetBankOption = Annotated[
    Path | None,
    typer.Option(
        "--bank",
        metavar="FILE",
        help="The bank file to add to (default: $QUIZ_HOME/bank/user.toml).",
        show_default=False,
    ),
]
TopicOption = Annotated[
    list[str] | None,
    typer.Option(
        "--topic",
        metavar="TOPIC",
        help="Only this topic, any case (repeatable).",
        show_default=False,
    ),
]
DifficultyOption = Annotated[
    list[DifficultyName] | None,
    typer.Option(
        "--difficulty",
        metavar="[easy|medium|hard]",
        help="Only this difficulty (repeatable).",
        show_default=False,
    ),
]
TypeOption = Annotated[
    list[TypeName] | None,
    typer.Option(
        "--type",
        metavar="[choice|truefalse|text|multi]",
        help="Only this question type (repeatable).",
        show_default=False,
    ),
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print JSON on stdout instead of a table.")
]


def values(items: list[DifficultyName] | list[TypeName] | None) -> tuple[str, ...]:
    return tuple(item.value for item in items or ())
