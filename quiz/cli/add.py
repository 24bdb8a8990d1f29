"""`quiz add`: a new question from flags (for scripts) or from the wizard (on a terminal)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from quiz import output
from quiz.cli.options import TargetBankOption
from quiz.errors import AbortedError, UsageError
from quiz.models import Difficulty, QuestionType

if TYPE_CHECKING:
    from quiz.models import Question


def _missing(
    qtype: str, topic: str, difficulty: str, prompt: str, answer: list[str], wrong: list[str]
) -> list[str]:
    needed = {
        "--type": qtype,
        "--topic": topic,
        "--difficulty": difficulty,
        "--prompt": prompt,
        "--answer": answer,
    }
    if qtype in ("choice", "multi"):
        needed["--wrong"] = wrong
    return [flag for flag, value in needed.items() if not value]


def add(
    qtype: Annotated[
        QuestionType | None,
        typer.Option(
            "--type", metavar="[choice|truefalse|text|multi|order]", help="Question type."
        ),
    ] = None,
    topic: Annotated[str, typer.Option(metavar="TOPIC", help="Topic; a new one is fine.")] = "",
    difficulty: Annotated[
        Difficulty | None, typer.Option(metavar="[easy|medium|hard]", help="Difficulty.")
    ] = None,
    prompt: Annotated[str, typer.Option(metavar="TEXT", help="The question.")] = "",
    answer: Annotated[
        list[str] | None,
        typer.Option(
            metavar="TEXT",
            help="A right answer (repeatable): the right option(s) of choice/multi, true or"
            " false, each accepted spelling of a text answer, or each item of an order"
            " question in the right order.",
            show_default=False,
        ),
    ] = None,
    wrong: Annotated[
        list[str] | None,
        typer.Option(
            metavar="TEXT",
            help="A wrong option of choice/multi (repeatable); for text, a look-alike to refuse.",
            show_default=False,
        ),
    ] = None,
    explanation: Annotated[str, typer.Option(metavar="TEXT", help="Shown after answering.")] = "",
    source: Annotated[str, typer.Option(metavar="TEXT", help="Where the fact comes from.")] = "",
    question_id: Annotated[
        str, typer.Option("--id", metavar="ID", help="The id (default: made from the prompt).")
    ] = "",
    bank: TargetBankOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Add it even if a question is very like it.")
    ] = False,
) -> None:
    """Add a question to your bank.

    On a terminal a wizard asks for whatever the flags leave out; in scripts give every
    field as a flag. The new question's id is printed.

    \b
    Examples:
      quiz add
      quiz add --type choice --topic "Pam Beesly" --difficulty easy \\
        --prompt "Who does Pam marry?" --answer "Jim Halpert" --wrong Roy --wrong Dwight
    """
    from quiz import paths
    from quiz.bank.drafting import build_entry, reasons_to_refuse, slug, unique_id
    from quiz.bank.loader import bank_files, load_files, origin_of
    from quiz.bank.writer import add_entries, check_target, writing

    target = bank or paths.default_user_bank()
    if target.is_dir():
        raise UsageError(f"--bank must be a file, and {target} is a folder")
    check_target(target)
    origin = origin_of(target)

    def current_bank() -> list[Question]:
        return list(load_files(bank_files([target] if target.exists() else [])).questions)

    kind, level = qtype.value if qtype else "", difficulty.value if difficulty else ""
    missing = _missing(kind, topic, level, prompt, answer or [], wrong or [])
    if missing and output.interactive_terminal():
        from quiz.terminal.wizard import Draft, Wizard

        draft = Draft(
            kind, topic, level, prompt, list(answer or []), list(wrong or []),
            explanation, source, question_id,
        )  # fmt: skip
        try:
            Wizard(target, origin, current_bank(), force).run(draft)
        except KeyboardInterrupt:
            raise AbortedError("Cancelled; the question in progress was not written.") from None
        return
    if missing:
        raise UsageError(f"missing {', '.join(missing)} (or run 'quiz add' on a terminal)")
    if kind == "order" and wrong:
        raise UsageError(
            "an order question has no wrong options: give every item with --answer,"
            " in the right order"
        )
    with writing(target):  # no other quiz changes the file between these checks and the write
        questions = current_bank()
        entry = build_entry(
            qtype=kind,
            topic=topic,
            difficulty=level,
            prompt=prompt,
            answers=answer or [],
            wrong=wrong or [],
            explanation=explanation,
            source=source,
            question_id=question_id or unique_id(slug(prompt), {q.id for q in questions}),
        )
        reasons = reasons_to_refuse(entry, origin, questions, force=force)
        if reasons:
            raise UsageError(f"cannot add this question: {'; '.join(reasons)}")
        add_entries(target, [entry])
    output.note(f"Added {entry['id']} to {target}")
    output.say(str(entry["id"]))
