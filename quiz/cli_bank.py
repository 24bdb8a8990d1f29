"""`quiz bank ...`: list, show, validate and export the question bank."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from quiz.bank_report import load_for_command, skipped_files
from quiz.cli_options import (
    BankOption,
    DifficultyOption,
    JsonOption,
    TopicOption,
    TypeOption,
    values,
)
from quiz.errors import QuizError, UsageError
from quiz.filters import make_filters
from quiz.output import console, print_json

bank_app = typer.Typer(help="Browse, check and share the question bank.", no_args_is_help=True)


class ExportFormat(StrEnum):
    json = "json"


@bank_app.command("list")
def list_questions(
    topic: TopicOption = None,
    difficulty: DifficultyOption = None,
    qtype: TypeOption = None,
    as_json: JsonOption = False,
    bank: BankOption = None,
) -> None:
    """List the questions in the bank, with counts per topic and difficulty.

    Example: quiz bank list --topic "Pam Beesly" --difficulty hard
    """
    questions = load_for_command(bank).questions
    filters = make_filters(questions, topic or (), values(difficulty), values(qtype))
    chosen = filters.apply(questions)
    if as_json:
        print_json([q.export() for q in chosen])
        return
    from quiz.render_bank import print_question_list

    print_question_list(console(), chosen)


@bank_app.command("show")
def show_question(
    question_id: Annotated[str, typer.Argument(metavar="ID", help="The question's id.")],
    bank: BankOption = None,
) -> None:
    """Show one question as a player sees it, with its answers and explanation.

    Example: quiz bank show pam-first-kiss-episode
    """
    loaded = load_for_command(bank)
    question = loaded.get(question_id)
    if question is None:
        from rapidfuzz import process

        ids = [q.id for q in loaded.questions]
        close = [m[0] for m in process.extract(question_id, ids, limit=3) if m[1] >= 60]
        hint = f"; did you mean {', '.join(close)}?" if close else " (see 'quiz bank list')"
        raise UsageError(f"no question with id '{question_id}'{hint}")
    from quiz.render_bank import question_card

    console().print(question_card(question))


@bank_app.command("validate")
def validate(
    targets: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Bank files or folders to check (default: the built-in and your own bank).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check bank files for every problem at once; exit 1 when any is found.

    Files given are checked together with the built-in bank, so clashing ids and
    prompts are caught too. Example: quiz bank validate my-questions.toml
    """
    from quiz.bank import bank_files, load_files

    files = bank_files(targets or (), user=not targets)
    loaded = load_files(files)
    out = console()
    for file, problems in skipped_files(loaded.problems):
        out.print(
            f"{file}: {len(problems)} problem(s)", style="bold red", markup=False, soft_wrap=True
        )
        for problem in problems:
            out.print(f"  {problem}", markup=False, soft_wrap=True)
    checked = f"{len(files)} file(s)"
    if loaded.problems:
        bad = len(skipped_files(loaded.problems))
        out.print(
            f"{len(loaded.problems)} problem(s) in {bad} of {checked}.",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    out.print(f"OK: {len(loaded.questions)} questions in {checked}, no problems.", soft_wrap=True)


@bank_app.command("export")
def export(
    fmt: Annotated[
        ExportFormat, typer.Option("--format", help="Output format.")
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write to this file instead of stdout.", show_default=False
        ),
    ] = None,
    bank: BankOption = None,
) -> None:
    """Export the whole effective bank.

    Example: quiz bank export --output bank.json
    """
    data = [q.export() for q in load_for_command(bank).questions]
    if output is None:
        print_json(data)
        return
    from quiz.atomic import write_text_atomic

    try:
        write_text_atomic(output, json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    except OSError as exc:
        raise QuizError(f"cannot write {output}: {exc.strerror or exc}") from exc
    print(f"Exported {len(data)} questions to {output}")
