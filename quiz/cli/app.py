"""The `quiz` command line: typer app, error handling at the edge, exit codes."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer._click.exceptions import (  # click vendored in typer 0.28
    ClickException,
    NoArgsIsHelpError,
    UsageError,
)
from typer.core import TyperGroup

from quiz import __version__
from quiz.cli.failures import report_failures
from quiz.errors import ExitCode
from quiz.output import error


class QuizGroup(TyperGroup):
    """Turns every failure into one line on stderr and the exit code the spec gives it."""

    def invoke(self, ctx: Any) -> Any:
        result = None

        def call() -> None:
            nonlocal result
            result = super(QuizGroup, self).invoke(ctx)

        code = report_failures(call)
        if code != ExitCode.OK:
            raise typer.Exit(code)
        return result

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        try:
            result = super().main(
                args, prog_name, complete_var, False, windows_expand_args, **extra
            )
        except NoArgsIsHelpError as exc:  # `quiz` or `quiz bank` alone: show the way in
            print(exc.ctx.get_help() if exc.ctx else "")
            result = ExitCode.OK
        except UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            error(f"{exc.format_message()}{hint}")
            result = exc.exit_code
        except ClickException as exc:
            error(exc.format_message())
            result = exc.exit_code
        except typer.Abort:  # typer raises it for end of input
            error("end of input")
            result = ExitCode.FAILURE
        code = result if isinstance(result, int) else 0
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(
    cls=QuizGroup,
    name="quiz",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # Plain help: Rich's formatter costs ~140 ms of start-up (see README, Performance).
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(f"halpert-quiz {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", help="Show the version and exit.", callback=_show_version, is_eager=True
    ),
) -> None:
    """Halpert Quiz: a trivia game about Jim Halpert of The Office.

    Start with 'quiz play'. Data (scores, your own questions) lives in $QUIZ_HOME.
    """


def _register() -> None:
    from quiz.cli.add import add
    from quiz.cli.bank import bank_app
    from quiz.cli.play import play
    from quiz.cli.scores import scores, stats

    app.command()(play)
    app.command()(scores)
    app.command()(stats)
    app.command()(add)
    app.add_typer(bank_app, name="bank")


_register()


def _keep_only(name: str) -> None:
    """Leave the app just the command `name`, when it has one by that name.

    typer builds every command it holds before running one (~10-15 ms for all, against
    one); help and unknown names keep them all, so listings and suggestions stay whole.
    """
    from typer.main import get_command_name

    commands = [
        c
        for c in app.registered_commands
        if c.callback and (c.name or get_command_name(c.callback.__name__)) == name
    ]
    groups = [g for g in app.registered_groups if g.name == name]
    if commands or groups:
        app.registered_commands, app.registered_groups = commands, groups


def run() -> None:
    """Console-script entry: run the app with the process's arguments."""
    _keep_only(sys.argv[1] if len(sys.argv) > 1 else "")
    app(prog_name="quiz")
