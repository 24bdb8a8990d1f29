"""Exit codes and the error types that the CLI turns into one readable line."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1
    USAGE = 2
    INTERRUPTED = 130


class QuizError(Exception):
    """A failure to report as one line on stderr, with the exit code it deserves."""

    exit_code: ExitCode = ExitCode.FAILURE
    label = "Error"
    command_path = ""  # the command that raised it, for the usage hint

    def report(self, words: str | None = None) -> str:
        """The line to print on stderr: the label, then `words` (default: the message)."""
        text = str(self) if words is None else words
        return f"{self.label}: {text}" if self.label else text


class UsageError(QuizError):
    """The user asked for something that cannot be done as asked."""

    exit_code = ExitCode.USAGE


class StoreError(QuizError):
    """The score database cannot be read or written."""


class StoreOfflineError(StoreError):
    """The shared score server cannot be reached now; finished games wait in the outbox."""


class GameKeptError(StoreError):
    """A finished game could not reach the shared score server and waits in the outbox."""


class AbortedError(QuizError):
    """The player stopped the game (Ctrl-C); nothing is saved."""

    exit_code = ExitCode.INTERRUPTED
    label = ""
