"""The score store's failures in the command line's words: what went wrong, and the fix."""

from __future__ import annotations

from quiz.errors import QuizError
from quiz.scores.errors import (
    CorruptStoreError,
    ForeignStoreError,
    NewerStoreError,
    ReadOnlyStoreError,
    StoreFailureError,
    StoreFullError,
    StoreIOError,
    StoreLockedError,
)


def _words(exc: StoreFailureError) -> str:
    where, detail = exc.where, exc.detail
    if isinstance(exc, CorruptStoreError):
        return (
            f"{where} is not a readable score database ({detail}). It was left as it is;"
            " 'quiz scores --reset' moves it aside to a backup and starts a fresh one"
        )
    if isinstance(exc, ForeignStoreError):
        return (
            f"{where} is not a Halpert Quiz score database (another program's SQLite file?);"
            " it was left untouched: move it away, or set QUIZ_HOME to another folder"
        )
    if isinstance(exc, NewerStoreError):
        return (
            f"{where} holds schema {detail}, written by a newer halpert-quiz;"
            " upgrade halpert-quiz to use it"
        )
    if isinstance(exc, StoreLockedError):
        from quiz.scores.sqlite import BUSY_TIMEOUT_S

        return (
            f"{where} stayed locked by another quiz for {BUSY_TIMEOUT_S:.0f} s;"
            " try again in a moment"
        )
    if isinstance(exc, ReadOnlyStoreError):
        return (
            f"cannot use {where} ({detail}): permission denied on the file or its folder,"
            " and SQLite must write both; make them writable (chmod u+w), or set QUIZ_HOME"
            " to another folder"
        )
    if isinstance(exc, StoreFullError | StoreIOError):
        return (
            f"cannot write {where} ({detail}): the disk may be full or failing;"
            " free some space and try again"
        )
    return (
        f"cannot use {where} ({detail}); check that the folder is writable,"
        " or point QUIZ_HOME somewhere else"
    )


def describe(exc: QuizError) -> str:
    """What a store failure means, for the line `cli.failures` prints."""
    return _words(exc) if isinstance(exc, StoreFailureError) else str(exc)
