"""The `quiz` command line: typer app, error handling at the edge, exit codes."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping, Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from quiz import version_line
from quiz.cli.commands import COMMANDS, COMPLETE_VAR
from quiz.cli.failures import help_hint, report_line
from quiz.cli.menu import run_menu
from quiz.compat import (
    BadParameter,
    ClickException,
    NoArgsIsHelpError,
    UsageError,
    register_completion_shells,
)
from quiz.errors import ExitCode, QuizError
from quiz.output import error, interactive_terminal, safe


def lower_first(message: str) -> str:
    """Click's `No such command ...` as every error of ours starts: `no such command ...`."""
    return message[:1].lower() + message[1:]


def usage_message(exc: UsageError) -> str:
    """Click's usage error in our words: `--count: 'abc' is not a whole number`."""
    message = exc.format_message()
    param = exc.param if isinstance(exc, BadParameter) else None
    if param is not None and exc.message:
        named = param.param_type_name == "option"
        message = f"{max(param.opts, key=len)}: {exc.message}" if named else exc.message
    return lower_first(" ".join(message.split()).rstrip("."))  # click lists choices on lines


def build_command(name: str, found: typer.Typer | Callable[..., Any]) -> Any:
    """The click command of a typer function or sub-app, built with public typer calls."""
    from quiz.cli.options import QuizCommand

    if not isinstance(found, typer.Typer):
        single = typer.Typer(add_completion=False, rich_markup_mode=None)
        single.command(name=name, cls=QuizCommand)(found)
        found = single
    command = typer.main.get_command(found)
    command.name = name
    return command


class LazyCommands(MutableMapping[str, Any]):
    """The table's commands, each imported and built the first time it is looked up."""

    def __init__(self) -> None:
        self.built: dict[str, Any] = {}

    def __getitem__(self, name: str) -> Any:
        if name not in self.built:
            entry = COMMANDS[name]
            found = getattr(importlib.import_module(entry.module), entry.attribute)
            self.built[name] = build_command(name, found)
        return self.built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self.built[name] = command

    def __delitem__(self, name: str) -> None:
        del self.built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)


class QuizGroup(TyperGroup):
    """Turns every failure into one line on stderr and the exit code the spec gives it;
    its commands come from the lazy table of `quiz.cli.commands`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands()

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """The table's summaries: `quiz --help` imports no command."""
        with formatter.section("Commands"):
            formatter.write_dl([(name, entry.summary) for name, entry in COMMANDS.items()])

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except QuizError as exc:
            print(safe(report_line(exc, exc.command_path)), file=sys.stderr)
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
            register_completion_shells()
        super()._main_shell_completion(ctx_args, prog_name, COMPLETE_VAR)

    def command_path_of(self, args: Sequence[str] | None) -> str:
        """`quiz bank show` from the command line, for errors raised before a context exists."""
        words: list[str] = ["quiz"]
        group: object = self
        for word in sys.argv[1:] if args is None else args:
            known = isinstance(group, TyperGroup) and word in group.commands
            command = group.commands[word] if known else None  # type: ignore[attr-defined]
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
            error(lower_first(exc.format_message()))
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
    # Plain help: Rich's formatter costs ~140 ms of start-up (see 'quiz help performance').
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _show_version(value: bool) -> None:
    if value:
        print(version_line())
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


def run() -> None:
    """Console-script entry: run the app with the process's arguments."""
    app(prog_name="quiz")
