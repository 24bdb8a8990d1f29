"""A progress bar on stderr for long jobs, shown only on a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

SHOWN_FROM = 300  # a job of fewer steps ends before a bar would help


@contextmanager
def progress_bar(description: str) -> Iterator[Callable[[int, int], None]]:
    """A callback `(done, total)`; it draws a transient bar when stderr is a terminal and
    the job has at least SHOWN_FROM steps, and does nothing otherwise."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from quiz.output import console

    with Progress(
        TextColumn("{task.description}", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        console=console(stderr=True),
        transient=True,
    ) as bar:
        task = None

        def advance(done: int, total: int) -> None:
            nonlocal task
            if total < SHOWN_FROM:
                return
            if task is None:
                task = bar.add_task(description, total=total)
            if done % 50 == 0 or done == total:
                bar.update(task, completed=done)

        yield advance
