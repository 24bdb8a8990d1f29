"""Interactive prompts (the only module that imports questionary), with an optional countdown."""

from __future__ import annotations

import asyncio
import math
import os
import select
import shutil
import termios
import textwrap
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl

SKIP_LABEL = "(skip this question)"
# Short, so that prompt_toolkit (which wraps mid-word) never has to wrap it; the question
# itself is drawn with Rich above the prompt.
ANSWER_MESSAGE = "Your answer"
BAR_CELLS = 20


class TimedOut:
    """Returned by a prompt whose time ran out."""


TIMED_OUT = TimedOut()


@dataclass(frozen=True, slots=True)
class Answer:
    """What a game prompt returned, and the seconds from its first full drawing to the answer."""

    value: Any
    seconds: float


def discard_typed_ahead() -> None:
    """Drop every key pressed so far and not yet read, so it cannot answer what comes next."""
    from prompt_toolkit.application.current import get_app_session
    from prompt_toolkit.input.typeahead import clear_typeahead

    keys = get_app_session().input
    clear_typeahead(keys)  # read by the last prompt after its answer
    try:
        fd = keys.fileno()
    except NotImplementedError:
        return
    if os.isatty(fd):
        termios.tcflush(fd, termios.TCIFLUSH)  # also a half-typed line of a cooked terminal
        return
    while select.select([fd], [], [], 0)[0] and os.read(fd, 4096):
        pass


def countdown_bar(left: float, time_limit: float) -> StyleAndTextTuples:
    """`⏱ ██████░░░░ 12 s`: the bar shrinks as time runs out; colour only repeats it."""
    filled = math.ceil(BAR_CELLS * left / time_limit)
    style = "fg:ansigreen" if left > time_limit / 2 else "fg:ansiyellow"
    if left <= min(5.0, time_limit / 4):
        style = "fg:ansired bold"
    return [
        ("", "⏱ "),
        (style, "█" * filled),
        ("fg:ansibrightblack", "░" * (BAR_CELLS - filled)),
        ("", f" {math.ceil(left):>3} s"),
    ]


class _Clock:
    """Starts when the prompt is first fully drawn; the time limit runs from then."""

    def __init__(self, app: Application[Any], time_limit: float | None) -> None:
        self.app, self.time_limit = app, time_limit
        self.started: float | None = None
        self.expiry: asyncio.TimerHandle | None = None

    def on_render(self, _: object) -> None:
        if self.started is not None:
            return
        self.started = time.monotonic()
        if self.time_limit is not None:
            self.expiry = asyncio.get_running_loop().call_later(self.time_limit, self._expire)

    def _expire(self) -> None:
        if not self.app.is_done:
            self.app.exit(result=TIMED_OUT)

    def left(self) -> float:
        assert self.time_limit is not None
        if self.started is None:
            return self.time_limit
        return max(0.0, self.time_limit - (time.monotonic() - self.started))

    def seconds(self) -> float:
        return 0.0 if self.started is None else time.monotonic() - self.started


def _add_countdown(app: Application[Any], clock: _Clock, time_limit: float) -> None:
    bar = Window(FormattedTextControl(lambda: countdown_bar(clock.left(), time_limit)), height=1)
    app.layout = Layout(HSplit([bar, app.layout.container]))
    app.refresh_interval = 0.1


async def _run_timed(app: Application[Any], time_limit: float | None) -> Answer:
    clock = _Clock(app, time_limit)
    app.after_render += clock.on_render
    # Before the app reads anything (and before it asks the terminal where the cursor is).
    app.pre_run_callables.append(discard_typed_ahead)
    app.erase_when_done = True  # the reveal draws the answer; no countdown stays behind
    if time_limit is not None:
        _add_countdown(app, clock, time_limit)
    try:
        value = await app.run_async()
    finally:
        if clock.expiry is not None:
            clock.expiry.cancel()
    return Answer(value, clock.seconds())


def ask(question: questionary.Question) -> Any:
    """Ask; Ctrl-C raises KeyboardInterrupt, end of input EOFError."""
    return question.application.run()


def ask_in_game(question: questionary.Question, time_limit: float | None) -> Answer:
    """Ask a game question: keys pressed before it is drawn are dropped, the clock starts
    once it is drawn, time-out gives TIMED_OUT, and the prompt leaves nothing behind."""
    return asyncio.run(_run_timed(question.application, time_limit))


def _wrapped(text: str, indent: int) -> str:
    """An option's title wrapped at word boundaries, since prompt_toolkit would cut words."""
    from quiz.terminal.render_game import READING_WIDTH

    columns = shutil.get_terminal_size().columns
    width = max(10, min(columns, READING_WIDTH) - indent - 1)
    return ("\n" + " " * indent).join(textwrap.wrap(text, width) or [""])


def choose_one(options: Sequence[str], time_limit: float | None = None) -> Answer:
    """One option's text, "" to skip, or TIMED_OUT."""
    choices = [questionary.Choice(title=_wrapped(o, 3), value=o) for o in options]
    choices += [questionary.Separator(), questionary.Choice(title=SKIP_LABEL, value="")]
    prompt = questionary.select(ANSWER_MESSAGE, choices=choices, qmark="?")
    return ask_in_game(prompt, time_limit)


def choose_many(options: Sequence[str], time_limit: float | None = None) -> Answer:
    """The ticked options (none ticked is a skip), or TIMED_OUT."""
    prompt = questionary.checkbox(
        ANSWER_MESSAGE,
        choices=[questionary.Choice(title=_wrapped(o, 5), value=o) for o in options],
        qmark="?",
        instruction="",  # the hint is drawn with the question, where it can wrap
    )
    return ask_in_game(prompt, time_limit)


def type_answer(time_limit: float | None = None) -> Answer:
    """The typed text ("" to skip), or TIMED_OUT."""
    prompt = questionary.text(ANSWER_MESSAGE, qmark="?", instruction="(empty skips)")
    return ask_in_game(prompt, time_limit)


def wait_for_enter(message: str) -> None:
    """Show `message` and wait for Enter; keys pressed before it shows are dropped.

    Ctrl-C raises KeyboardInterrupt and Ctrl-D EOFError, as in every other prompt."""
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

    keys = KeyBindings()

    @keys.add("enter")
    def _next(event: KeyPressEvent) -> None:
        event.app.exit()

    @keys.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt)

    @keys.add("c-d")
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError)

    @keys.add("<any>")
    def _ignore(event: KeyPressEvent) -> None:
        """Any other key does nothing."""

    text = FormattedTextControl([("bold", message)], show_cursor=False)
    app: Application[None] = Application(layout=Layout(Window(text, height=1)), key_bindings=keys)
    asyncio.run(_run_timed(app, None))


def type_name(default: str) -> str:
    return write(
        "Your name:",
        default=default,
        validate=lambda text: bool(text.strip()) or "Please type a name.",
    )


def confirm(message: str, default: bool = True) -> bool:
    return bool(ask(questionary.confirm(message, default=default, qmark="?")))


Validator = Callable[[str], bool | str]


def pick(message: str, options: Sequence[tuple[str, str]], default: str | None = None) -> str:
    """One value from (title, value) pairs."""
    choices = [questionary.Choice(title=title, value=value) for title, value in options]
    chosen = next((c for c in choices if c.value == default), None)
    return str(ask(questionary.select(message, choices=choices, default=chosen, qmark="?")))


def write(
    message: str,
    *,
    default: str = "",
    validate: Validator | None = None,
    suggestions: Sequence[str] = (),
    instruction: str | None = None,
) -> str:
    """Typed text, checked by `validate` as it is typed; `suggestions` complete it."""
    if suggestions:
        prompt = questionary.autocomplete(
            message, choices=list(suggestions), default=default, validate=validate, qmark="?"
        )
    else:
        prompt = questionary.text(
            message, default=default, validate=validate, qmark="?", instruction=instruction
        )
    return str(ask(prompt)).strip()
