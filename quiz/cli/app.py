"""The `quiz` command line: typer app, error handling at the edge, exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

import typer
from typer._click.exceptions import (  # click vendored in typer 0.28
    BadParameter,
    ClickException,
    NoArgsIsHelpError,
    UsageError,
)
from typer.core import TyperGroup

from quiz import __version__
from quiz.cli.failures import error_line, help_hint
from quiz.cli.menu import run_menu
from quiz.errors import ExitCode, QuizError
from quiz.output import error, interactive_terminal, safe

COMPLETE_VAR = "_QUIZ_COMPLETE"


def usage_message(exc: UsageError) -> str:
    """Click's usage error in our words: `--count: 'abc' is not a whole number`."""
    message = exc.format_message()
    param = exc.param if isinstance(exc, BadParameter) else None
    if param is not None and exc.message:
        named = param.param_type_name == "option"
        message = f"{max(param.opts, key=len)}: {exc.message}" if named else exc.message
    return " ".join(message.split()).rstrip(".")  # click lists choices on lines of their own


class QuizGroup(TyperGroup):
    """Turns every failure into one line on stderr and the exit code the spec gives it."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizError as exc:
            usage = exc.exit_code == ExitCode.USAGE and exc.command_path
            line = error_line(exc) + (help_hint(exc.command_path) if usage else "")
            print(safe(line), file=sys.stderr)
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            print("Interrupted.", file=sys.stderr)
            raise typer.Exit(ExitCode.INTERRUPTED) from None

    def _main_shell_completion(
        self, ctx_args: Any, prog_name: str, complete_var: str | None = None
    ) -> None:
        """Answer the shell's completion request (`quiz completion` prints the script that
        asks); typer registers its shell classes only when asked, so start-up pays nothing."""
        if os.environ.get(COMPLETE_VAR):
            from typer._completion_classes import completion_init

            completion_init()
        super()._main_shell_completion(ctx_args, prog_name, COMPLETE_VAR)

    def command_path_of(self, args: Sequence[str] | None) -> str:
        """`quiz bank show` from the command line, for errors raised before a context exists."""
        words: list[str] = ["quiz"]
        group: object = self
        for word in sys.argv[1:] if args is None else args:
            command = group.commands.get(word) if isinstance(group, TyperGroup) else None
            if command is None:
                break
            words.append(word)
            group = command
        return " ".join(words)

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
            if exc.ctx and exc.ctx.parent is None and interactive_terminal():
                result = run_menu(
                    lambda line: self.main(list(line), prog_name, standalone_mode=False)
                )
            else:
                print(exc.ctx.get_help() if exc.ctx else "")
                result = ExitCode.OK
        except UsageError as exc:
            path = exc.ctx.command_path if exc.ctx else self.command_path_of(args)
            error(usage_message(exc) + help_hint(path))
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

    Start with 'quiz play' ('quiz' alone on a terminal opens a menu). Data (scores, your
    own questions) lives in $QUIZ_HOME.
    """


def _register() -> None:
    from quiz.cli.add import add
    from quiz.cli.bank import bank_app
    from quiz.cli.completion import completion
    from quiz.cli.daily import daily
    from quiz.cli.options import QuizCommand
    from quiz.cli.party import party
    from quiz.cli.play import play
    from quiz.cli.practice import practice
    from quiz.cli.scores import scores, stats
    from quiz.cli.share import share

    for command in (play, party, scores, stats, add, practice, daily, share, completion):
        app.command(cls=QuizCommand)(command)
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
