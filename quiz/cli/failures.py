"""Failures at the edge of every command: one line on stderr and the right exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable

from quiz.errors import ExitCode, QuizError


def help_hint(command_path: str) -> str:
    """The same pointer at the end of every usage error."""
    return f" (see '{command_path} --help')"


def error_line(exc: QuizError) -> str:
    """The line for a failure; the score store's own are worded in `store_words`."""
    from quiz.errors import StoreError

    if isinstance(exc, StoreError):
        from quiz.cli.store_words import error_line as store_line

        return store_line(exc)
    return exc.report()


def report_failures(action: Callable[[], object], command_path: str) -> int:
    """Run command `command_path` (`quiz play`) without typer; a QuizError or Ctrl-C becomes
    one line on stderr, as the typer app words it, and the exit code it deserves."""
    try:
        action()
    except QuizError as exc:
        usage = exc.exit_code == ExitCode.USAGE
        print(error_line(exc) + (help_hint(command_path) if usage else ""), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    return ExitCode.OK
