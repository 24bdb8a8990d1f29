"""Loading the effective bank for a command, with one warning per skipped file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import groupby
from pathlib import Path

from quiz.bank.lints import lint
from quiz.bank.loader import load_bank, read_bank_file
from quiz.models import Bank, Problem, Question
from quiz.output import warn


def skipped_files(problems: Iterable[Problem]) -> list[tuple[str, list[Problem]]]:
    """Problems grouped by file, in the order the files were read."""
    return [(file, list(group)) for file, group in groupby(problems, key=lambda p: p.file)]


def load_for_command(extra: Iterable[Path] | None = None) -> Bank:
    """The effective bank; a file that fails to load is named once on stderr and left out."""
    bank = load_bank(extra or ())
    for file, problems in skipped_files(bank.problems):
        more = f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""
        warn(
            f"skipped bank file {file}: {str(problems[0]).removeprefix(file + ': ')}{more};"
            f" run 'quiz bank validate {file}' for details"
        )
    return bank


def lint_warnings(files: Iterable[Path]) -> list[Problem]:
    """The quality warnings for every question that loads from `files`, file by file."""
    return [
        Problem(str(path), message, question.id, field)
        for path in files
        for question in read_bank_file(path).questions
        for field, message in lint(question)
    ]


def facts_problems(questions: Sequence[Question]) -> list[Problem]:
    """The built-in facts map's problems, and the facts the built-in bank asks too often or never."""
    from quiz.bank.facts import coverage_problems, read_facts

    return coverage_problems(read_facts(), questions)
