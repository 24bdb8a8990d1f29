"""`quiz bank ...`: list, show, validate and export the question bank."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from quiz import output
from quiz.cli import bank_facts
from quiz.cli.given import values
from quiz.cli.options import (
    BankOption,
    DifficultyOption,
    JsonOption,
    QuizCommand,
    TargetBankOption,
    TopicOption,
    TypeOption,
    complete_id,
)
from quiz.errors import ExitCode, QuizError, UsageError
from quiz.output import console, json_text, note, print_json, safe, say
from quiz.terminal.formatting import count_of, plural

if TYPE_CHECKING:  # annotations only: no command pays for the question types at start-up
    from quiz.models import Bank, Question

bank_app = typer.Typer(
    help="Browse, check and share the question bank.",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
)


class ExportFormat(StrEnum):
    json = "json"
    opentdb = "opentdb"
    csv = "csv"


@bank_app.command("list", cls=QuizCommand)
def list_questions(
    topic: TopicOption = None,
    difficulty: DifficultyOption = None,
    qtype: TypeOption = None,
    as_json: JsonOption = False,
    bank: BankOption = None,
) -> None:
    """List the questions, with counts per topic and difficulty.

    \b
    Examples:
      quiz bank list --topic "Pam Beesly" --difficulty hard
      quiz bank list --type text --json
    """
    from quiz.cli.bank_report import load_for_command
    from quiz.engine.filters import make_filters

    questions = load_for_command(bank).questions
    filters = make_filters(questions, topic or (), values(difficulty), values(qtype))
    chosen = filters.apply(questions)
    if as_json:
        print_json([q.export() for q in chosen])
        return
    from quiz.terminal.render_bank import print_question_list

    print_question_list(console(), chosen)


def _find(loaded: Bank, question_id: str) -> Question:
    """The question with this id in any case, or a usage error naming the closest ids."""
    question = loaded.get(question_id)
    if question is not None:
        return question
    from rapidfuzz import fuzz, process, utils

    ids = [q.id for q in loaded.questions]
    wanted = question_id.strip().casefold()
    starting = [i for i in ids if wanted and i.startswith(wanted)]
    alike = process.extract(
        wanted, ids, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=75
    )
    close = list(dict.fromkeys([*starting, *(m[0] for m in alike)]))[:3]
    hint = f"did you mean {', '.join(close)}?" if close else "'quiz bank list' shows them all"
    raise UsageError(f"no question with id '{question_id}'; {hint}")


@bank_app.command("show", cls=QuizCommand)
def show_question(
    question_id: Annotated[
        str, typer.Argument(metavar="ID", help="The question's id.", autocompletion=complete_id)
    ],
    bank: BankOption = None,
) -> None:
    """Show one question with its answers and explanation.

    \b
    Example:
      quiz bank show pam-kiss-episode
    """
    from quiz.cli.bank_report import load_for_command

    question = _find(load_for_command(bank), question_id)
    from quiz.terminal.render_bank import question_card

    console().print(question_card(question))


@bank_app.command("validate", cls=QuizCommand)
def validate(
    targets: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[PATH]...",
            help="Bank files or folders to check (default: the built-in and your own bank).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only problems.")
    ] = False,
) -> None:
    """Check bank files; exit 1 if anything is wrong.

    Every problem is listed at once, as file: question: field: what is wrong. Files
    given are checked together with the built-in bank, so clashing ids and prompts
    are caught too. With no PATH: the built-in bank and your own. The facts map
    (facts.toml) is checked too: every fact id a question names must be in it, every
    built-in question names the facts it asks, and each fact worth asking is asked
    by one or two built-in questions ('quiz bank facts' shows which).

    Warnings (for the files given, or every file without PATH) point at questions that
    can be answered without knowing the fact: a right option much longer than the wrong
    ones, or an answer that its own prompt names. They leave the exit code at 0 unless
    --strict is given.

    \b
    Examples:
      quiz bank validate my-questions.toml
      quiz bank validate --strict
    """
    from quiz.bank.loader import bank_files, expand, load_files
    from quiz.cli.bank_report import facts_problems, lint_warnings, skipped_files

    files = bank_files(targets or (), user=not targets)
    loaded = load_files(files)
    found = [*loaded.problems, *facts_problems(loaded.questions)]
    out = console()
    for file, problems in skipped_files(found):
        out.print(
            safe(f"{file}: {count_of(len(problems), 'problem')}"),
            style="bold red",
            markup=False,
            soft_wrap=True,
        )
        for problem in problems:
            out.print(safe(f"  {problem}"), markup=False, soft_wrap=True)
    asked_for = [f for target in targets for f in expand(target)] if targets else files
    warnings = lint_warnings(asked_for)
    for warning in warnings:
        out.print(safe(f"warning: {warning}"), style="yellow", markup=False, soft_wrap=True)
    checked = count_of(len(files), "file")
    warned = f"; {count_of(len(warnings), 'warning')}" if warnings else ""
    if found:
        bad = len(skipped_files(found))
        out.print(
            f"{count_of(len(found), 'problem')} in {bad} of {checked}{warned}.",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    if warnings and strict:
        out.print(
            f"{count_of(len(warnings), 'warning')} in {checked}, which --strict counts as failures.",
            markup=False,
            soft_wrap=True,
        )
        raise typer.Exit(1)
    out.print(
        f"OK: {count_of(len(loaded.questions), 'question')} in {checked}, no problems{warned}.",
        markup=False,
        soft_wrap=True,
    )


bank_app.command("facts", cls=QuizCommand)(bank_facts.facts)


@bank_app.command("export", cls=QuizCommand)
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option("--format", metavar="[json|opentdb|csv]", help="Output format."),
    ] = ExportFormat.json,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this file instead of stdout.",
            show_default=False,
        ),
    ] = None,
    bank: BankOption = None,
) -> None:
    """Export the bank as JSON (ours or Open Trivia DB's) or CSV.

    Open Trivia DB holds only choice and true/false questions; the others (text,
    multi, order) are left out with a note. CSV has the columns that 'quiz bank import'
    reads back.

    \b
    Examples:
      quiz bank export --output bank.json
      quiz bank export --format opentdb --output trivia.json
      quiz bank export --format csv --output bank.csv
    """
    from quiz.cli.bank_report import load_for_command

    questions = load_for_command(bank).questions
    data: object = [q.export() for q in questions]
    count = len(questions)
    if fmt is ExportFormat.opentdb:
        from quiz.bank.formats.opentdb import to_opentdb

        data, left_out = to_opentdb(questions)
        count -= len(left_out)
        if left_out:
            from quiz.models import QUESTION_TYPES

            kinds = [t for t in QUESTION_TYPES if any(q.type == t for q in left_out)]
            named = " and ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds)
            note(
                f"Left out {len(left_out):,} {named} {plural(len(left_out), 'question')}:"
                " Open Trivia DB cannot hold them."
            )
    if fmt is ExportFormat.csv:
        from quiz.bank.formats.csv_format import to_csv

        text = to_csv(questions)
    else:
        text = json_text(data) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    from quiz.files import write_text_atomic

    try:
        write_text_atomic(output, text)
    except OSError as exc:
        raise QuizError(f"cannot write {output}: {exc.strerror or exc}") from exc
    say(f"Exported {count_of(count, 'question')} to {output}")


class ImportFormat(StrEnum):
    opentdb = "opentdb"
    trivia_api = "trivia-api"
    json = "json"
    csv = "csv"
    mkdocs_quiz = "mkdocs-quiz"
    gift = "gift"
    anki = "anki"


@bank_app.command("import", cls=QuizCommand)
def import_questions(
    source: Annotated[Path, typer.Argument(metavar="FILE", help="The file to import.")],
    fmt: Annotated[
        ImportFormat | None,
        typer.Option(
            "--format",
            metavar="[opentdb|trivia-api|json|csv|mkdocs-quiz|gift|anki]",
            help="The file's format (default: detected from the content).",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Report what would happen; write nothing.")
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", "-v", help="List every skipped and invalid item, not a few."),
    ] = False,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding",
            metavar="CODEC",
            help="The file's text encoding, any Python knows (e.g. cp1252, latin-1).",
            show_default="utf-8",
        ),
    ] = None,
    columns: Annotated[
        str | None,
        typer.Option(
            "--columns",
            metavar="MAP",
            help="CSV only: the column of each field, as field=Header pairs (see the"
            " last example); fields: prompt, answers, choices, topic, difficulty, type,"
            " explanation.",
            show_default=False,
        ),
    ] = None,
    target: TargetBankOption = None,
) -> None:
    """Import questions from a trivia file.

    Reads Open Trivia DB JSON (any encoding), The Trivia API JSON, a 'quiz bank
    export' file, CSV, Moodle GIFT, Anki notes or cards in plain text and
    mkdocs-quiz Markdown; the format is told from the content. Duplicates of the bank (or of
    earlier items) are skipped; invalid items are listed with their position.
    Everything is written at once, or nothing.

    \b
    Examples:
      quiz bank import trivia.json --dry-run
      quiz bank import questions.gift --bank ~/quiz/moodle.toml
      quiz bank import deck.txt --format anki --verbose
      quiz bank import sheet.csv \\
        --encoding cp1252 --columns \\
        prompt=Q,answers=Right,choices=A|B
    """
    from quiz.bank.formats.csv_columns import parse_spec
    from quiz.bank.importing import import_file
    from quiz.terminal.progress import progress_bar

    mapping = None if columns is None else parse_spec(columns)
    with progress_bar("Importing") as progress:
        report = import_file(
            source,
            fmt.value if fmt else None,
            target,
            dry_run=dry_run,
            progress=progress,
            encoding=encoding,
            columns=mapping,
        )
    for line in report.lines(verbose=verbose):
        say(line)
    if report.invalid and not report.imported and not report.skipped:
        # Nothing in the file was usable: a script must be able to tell.
        raise typer.Exit(ExitCode.FAILURE)


@bank_app.command("remove", cls=QuizCommand)
def remove(
    question_id: Annotated[
        str, typer.Argument(metavar="ID", help="The question's id.", autocompletion=complete_id)
    ],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Remove without asking.")] = False,
    bank: BankOption = None,
) -> None:
    """Remove one of your own questions.

    Built-in questions stay. Asks first on a terminal; --yes skips that.

    \b
    Example:
      quiz bank remove my-question-id --yes
    """
    from quiz.bank.writer import remove_entry
    from quiz.cli.bank_report import load_for_command

    question = _find(load_for_command(bank), question_id)
    if question.is_builtin:
        raise UsageError(
            f"'{question_id}' is a built-in question and cannot be removed;"
            " only questions from your own bank files can"
        )
    path = Path(question.origin)
    if not yes:
        if not output.interactive_terminal():
            raise UsageError("removing needs --yes when not run on a terminal")
        from quiz.terminal import prompts

        if not prompts.confirm(f"Remove {question_id} from {path}?", default=False):
            print("Nothing was changed.")
            return
    remove_entry(path, question_id)
    say(f"Removed {question_id} from {path}")
