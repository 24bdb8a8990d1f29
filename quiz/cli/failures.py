"""Failures at the edge of every command: one line on stderr and the right exit code."""

from __future__ import annotations

import sys
from collections.abc import Callable

from quiz.errors import ExitCode, QuizError


def report_failures(action: Callable[[], object]) -> int:
    """Run a command; a QuizError or Ctrl-C becomes one line on stderr and its exit code."""
    try:
        action()
    except QuizError as exc:
        print(exc.report(), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("Interrupted.", file=sys.stderr)
        return ExitCode.INTERRUPTED
    return ExitCode.OK
