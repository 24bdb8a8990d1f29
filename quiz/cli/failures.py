"""Failures at the edge of every command: one line on stderr and the right exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable

from quiz.errors import ExitCode, QuizError


def help_hint(command_path: str) -> str:
    """The same pointer at the end of every usage error."""
    return f" (see '{command_path} --help')"


def words(exc: QuizError) -> str:
    """What went wrong, in the words users see: the engine's problems carry data only."""
    from quiz.engine.problems import NotEnoughQuestionsError, TooSmallError, UnknownTopicError

    if isinstance(exc, NotEnoughQuestionsError):
        return f"no questions {exc.filters.describe()}; 'quiz bank list' shows what there is"
    if isinstance(exc, TooSmallError):
        return f"--{exc.quantity} must be at least {exc.least}, not {exc.given}"
    if isinstance(exc, UnknownTopicError):
        which = "could be any of" if exc.ambiguous else f"is not a topic {exc.where}; topics"
        return f"'{exc.name}' {which}: {', '.join(exc.candidates)}"
    return str(exc)


def report_line(exc: QuizError, command_path: str) -> str:
    """The one line on stderr for `exc` raised by `command_path`: label, words, help hint."""
    line = exc.report(words(exc))
    usage = exc.exit_code == ExitCode.USAGE and command_path
    return line + (help_hint(command_path) if usage else "")


def report_failures(action: Callable[[], object], command_path: str) -> int:
    """Run command `command_path` (`quiz play`) without typer; a QuizError or Ctrl-C becomes
    one line on stderr, as the typer app words it, and the exit code it deserves."""
    try:
        action()
    except QuizError as exc:
        print(report_line(exc, command_path), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    return ExitCode.OK
