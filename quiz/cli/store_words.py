"""The score store's failures in the command line's words: what went wrong, and the fix."""

from __future__ import annotations

import contextlib
import reprlib
from collections.abc import Iterator

from quiz.errors import QuizError
from quiz.scores import errors

# Each failure's words; `{where}` names the file or folder, `{detail}` is what was said.
WORDS: dict[type[errors.StoreFailureError], str] = {
    errors.CorruptStoreError: (
        "{where} is not a readable score database ({detail}). It was left as it is;"
        " 'quiz scores --reset' moves it aside to a backup and starts a fresh one"
    ),
    errors.ForeignStoreError: (
        "{where} is not a Halpert Quiz score database (another program's SQLite file?);"
        " it was left untouched: move it away, or set QUIZ_HOME to another folder"
    ),
    errors.NewerStoreError: (
        "{where} holds schema {detail}, written by a newer halpert-quiz;"
        " upgrade halpert-quiz to use it"
    ),
    errors.StoreLockedError: (
        "{where} stayed locked by another quiz for {seconds:.0f} s; try again in a moment"
    ),
    errors.ReadOnlyStoreError: (
        "cannot use {where} ({detail}): permission denied on the file or its folder, and"
        " SQLite must write both; make them writable (chmod u+w), or set QUIZ_HOME to another"
        " folder"
    ),
    errors.StoreFullError: (
        "cannot write {where} ({detail}): the disk may be full or failing;"
        " free some space and try again"
    ),
    errors.DamagedRowsError: (
        "{where} holds rows that quiz never wrote (changed by hand?), such as"
        " {detail} = {value}; they were left out"
    ),
    errors.MissingGameError: "{where} holds no game {detail}; it may have been reset meanwhile",
    errors.DanglingLinkError: (
        "{where} is a symbolic link to {detail}, which does not exist; remove the link or"
        " point it at a score database"
    ),
    errors.StoreIsFolderError: (
        "{where} is a folder, not a score database; move it away or set QUIZ_HOME"
    ),
    errors.HomeNotFolderError: "{where} is not a folder; QUIZ_HOME must name a folder, or be unset",
    errors.StoreAccessError: (
        "cannot open {where}: permission denied; give yourself read and write access to it"
        " (chmod u+rw), or set QUIZ_HOME to another folder"
    ),
    errors.StoreCreateError: (
        "cannot create a score database in {where} ({detail}); point QUIZ_HOME at a writable folder"
    ),
    errors.BackupError: "cannot back up {where} ({detail}); nothing was cleared",
    errors.PostgresMissingError: (
        "{where} is set, but PostgreSQL support is not installed:"
        " pip install 'halpert-quiz[postgres]' (or unset the variable to play on this"
        " computer alone)"
    ),
    errors.BadServerUrlError: (
        "{where} is not a valid PostgreSQL URL; expected"
        " postgresql://USER:PASSWORD@HOST:PORT/DATABASE"
    ),
    errors.ServerOfflineError: (
        "cannot reach the score server, {where} ({detail});"
        " check QUIZ_DATABASE_URL and that the server is up"
    ),
    errors.ServerRefusedError: "the score server, {where}, refused: {detail}",
    errors.GameKeptOnDiskError: (
        "{detail}. The game is kept on this computer ({where}) and the next quiz command that"
        " reaches the server sends it"
    ),
    errors.OutboxLockError: "cannot lock the outbox with {where} ({detail})",
    errors.OutboxDamagedError: (
        "the outbox {where} was damaged ({detail}); it was moved to {aside} and saving goes on"
    ),
    errors.OutboxRefusedGameError: (
        "the score server refused a game of the outbox {where} ({detail});"
        " the game was moved to {aside}"
    ),
    errors.GamesForOtherServerError: (
        "the outbox {where} keeps {detail} for {other}, not this server; they are sent"
        " when QUIZ_DATABASE_URL names that server"
    ),
    errors.OutboxUnreadableError: (
        "the outbox {where} cannot be read ({detail}); games in it were not sent"
    ),
    errors.OutboxWriteError: "cannot write the outbox {where} ({detail})",
}
WORDS[errors.StoreIOError] = WORDS[errors.StoreFullError]
OTHER = (
    "cannot use {where} ({detail}); check that the folder is writable,"
    " or point QUIZ_HOME somewhere else"
)


def describe(exc: QuizError) -> str:
    """What a store failure means, for the line `cli.failures` prints."""
    if not isinstance(exc, errors.StoreFailureError):
        return str(exc)
    from quiz.scores.sqlite import BUSY_TIMEOUT_S

    words = next((WORDS[kind] for kind in type(exc).__mro__ if kind in WORDS), OTHER)
    detail = describe(exc.cause) if isinstance(exc, errors.GameKeptOnDiskError) else exc.detail
    return words.format(
        where=exc.where,
        detail=detail,
        seconds=BUSY_TIMEOUT_S,
        aside=getattr(exc, "aside", ""),
        value=reprlib.repr(getattr(exc, "value", "")),
        other=getattr(exc, "other", ""),
    )


@contextlib.contextmanager
def noticing() -> Iterator[None]:
    """Whatever the store noticed meanwhile (rows left out, an outbox set aside) is said at
    the end, in one warning each, even when the command fails."""
    try:
        yield
    finally:
        warn_notices()


def warn_notices() -> None:
    """One warning for each thing the store noticed and went on from (an outbox set aside)."""
    from quiz.output import warn
    from quiz.scores.notices import drain

    for fact in drain():
        warn(describe(fact))
