"""Interactive prompts (the only module that imports questionary), with an optional countdown."""

from __future__ import annotations

import asyncio
import math
import os
import termios
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl

from quiz.engine.players import name_problem
from quiz.output import safe
from quiz.terminal.option_menu import STYLE, Entry, Kind, OptionMenu, stop_keys, wrapped
from quiz.terminal.wording import option_labels

if TYPE_CHECKING:
    import questionary

SKIP_LABEL = "(skip this question)"
# Short, so that prompt_toolkit (which wraps mid-word) never has to wrap it; the question
# itself is drawn with Rich above the prompt.
ANSWER_MESSAGE = "Your answer"
BAR_CELLS = 20
LIFELINE_LABEL = "50:50 (scores half)"


class TimedOut:
    """Returned by a prompt whose time ran out."""


TIMED_OUT = TimedOut()


class Lifeline:
    """Returned by a question's menu when the player picks the 50:50."""


LIFELINE = Lifeline()


@dataclass(frozen=True, slots=True)
class Answer:
    """What a game prompt returned, and the seconds from its first full drawing to the answer."""

    value: Any
    seconds: float


def discard_typed_ahead() -> None:
    """On a terminal, drop every key pressed and not yet used: those still in the terminal
    (a half-typed line too), and those the last prompt read after its answer (prompt_toolkit
    keeps them for the next one). Keys from anything else (a pipe, a test) are meant, and stay."""
    from prompt_toolkit.application.current import get_app_session
    from prompt_toolkit.input.typeahead import clear_typeahead

    keys = get_app_session().input
    try:
        fd = keys.fileno()
    except NotImplementedError:
        return
    if os.isatty(fd):
        clear_typeahead(keys)
        termios.tcflush(fd, termios.TCIFLUSH)


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

    def __init__(self, app: Application[Any], time_limit: float | None, used: float) -> None:
        self.app, self.time_limit, self.used = app, time_limit, used
        self.started: float | None = None
        self.expiry: asyncio.TimerHandle | None = None

    def on_render(self, _: object) -> None:
        if self.started is not None:
            return
        self.started = time.monotonic()
        if self.time_limit is not None:
            loop = asyncio.get_running_loop()
            self.expiry = loop.call_later(self.time_limit - self.used, self._expire)

    def _expire(self) -> None:
        if not self.app.is_done:
            self.app.exit(result=TIMED_OUT)

    def left(self) -> float:
        assert self.time_limit is not None
        since = 0.0 if self.started is None else time.monotonic() - self.started
        return max(0.0, self.time_limit - self.used - since)

    def seconds(self) -> float:
        return 0.0 if self.started is None else time.monotonic() - self.started


def _add_countdown(app: Application[Any], clock: _Clock, time_limit: float) -> None:
    bar = Window(FormattedTextControl(lambda: countdown_bar(clock.left(), time_limit)), height=1)
    app.layout = Layout(HSplit([bar, app.layout.container]))
    app.refresh_interval = 0.1


async def _run_timed(
    app: Application[Any], time_limit: float | None, used: float = 0.0, *, erase: bool = True
) -> Answer:
    """Run `app` with `time_limit` seconds for the question, of which `used` are gone (a
    50:50, an earlier step): the bar still measures the whole limit."""
    clock = _Clock(app, time_limit, used)
    app.after_render += clock.on_render
    # Before the app reads anything (and before it asks the terminal where the cursor is).
    app.pre_run_callables.append(discard_typed_ahead)
    app.erase_when_done = erase  # a game's reveal redraws the answer; no countdown stays
    if time_limit is not None:
        _add_countdown(app, clock, time_limit)
    try:
        value = await app.run_async()
    finally:
        if clock.expiry is not None:
            clock.expiry.cancel()
    return Answer(value, clock.seconds())


def ask(question: questionary.Question, time_limit: float | None = None) -> Any:
    """Ask; Ctrl-C raises KeyboardInterrupt, end of input EOFError, time-out gives TIMED_OUT.
    Keys pressed on a terminal before the prompt shows are dropped."""
    return asyncio.run(_run_timed(question.application, time_limit, erase=False)).value


def ask_in_game(
    question: questionary.Question, time_limit: float | None, used: float = 0.0
) -> Answer:
    """Ask a game question: keys pressed before it is drawn are dropped, the clock starts
    once it is drawn, time-out gives TIMED_OUT, and the prompt leaves nothing behind."""
    return asyncio.run(_run_timed(question.application, time_limit, used))


def _entries(options: Sequence[str], keys: Sequence[str] | None = None) -> list[Entry]:
    """The options with the keys that pick them: `1`..`6`, or letters when an option is itself
    a number (as in plain mode); only one-character keys."""
    labels = option_labels(options) if keys is None else keys
    return [Entry(o, o, k if len(k) == 1 else "") for o, k in zip(options, labels, strict=True)]


def _menu(menu: OptionMenu, time_limit: float | None, used: float) -> Answer:
    return asyncio.run(_run_timed(menu.application(), time_limit, used))


def choose_one(
    options: Sequence[str],
    time_limit: float | None = None,
    used: float = 0.0,
    *,
    lifeline: bool = False,
    keys: Sequence[str] | None = None,
) -> Answer:
    """One option's text, "" to skip, TIMED_OUT, or LIFELINE when offered and picked."""
    extras = [Entry(LIFELINE_LABEL, LIFELINE)] if lifeline else []
    extras.append(Entry(SKIP_LABEL, ""))
    return _menu(OptionMenu(ANSWER_MESSAGE, _entries(options, keys), extras), time_limit, used)


def choose_many(
    options: Sequence[str], time_limit: float | None = None, used: float = 0.0
) -> Answer:
    """The ticked options (none ticked is a skip), or TIMED_OUT."""
    menu = OptionMenu(ANSWER_MESSAGE, _entries(options), kind=Kind.MANY)
    return _menu(menu, time_limit, used)


def type_answer(time_limit: float | None = None, used: float = 0.0) -> Answer:
    """The typed text ("" to skip), or TIMED_OUT."""
    import questionary

    prompt = questionary.text(ANSWER_MESSAGE, qmark="?", instruction="(empty skips)")
    return ask_in_game(prompt, time_limit, used)


def wait_for_enter(message: str) -> None:
    """Show `message` and wait for Enter; keys pressed before it shows are dropped.

    Ctrl-C raises KeyboardInterrupt and Ctrl-D EOFError, as in every other prompt."""
    from prompt_toolkit.key_binding import KeyPressEvent

    keys = stop_keys()

    @keys.add("enter")
    def _next(event: KeyPressEvent) -> None:
        event.app.exit()

    @keys.add("<any>")
    def _ignore(event: KeyPressEvent) -> None:
        """Any other key does nothing."""

    text = FormattedTextControl([("bold", safe(message))], show_cursor=False)
    window = Window(text, wrap_lines=True, dont_extend_height=True)
    app: Application[None] = Application(layout=Layout(window), key_bindings=keys)
    asyncio.run(_run_timed(app, None))


def type_name(default: str) -> str:
    """A player name, cleaned of control characters before it is stored or shown."""
    return safe(
        write(
            "Your name:",
            default=default,
            validate=lambda text: name_problem(safe(text)) or True,
        )
    ).strip()


def tell(message: str) -> None:
    """A line for the player before a prompt, wrapped between words (a terminal would cut
    words at its edge)."""
    from rich.text import Text

    from quiz.output import console

    console().print(Text(safe(message)))


def _lines(message: str) -> str:
    """A prompt's message broken between words to fit the terminal: prompt_toolkit would
    break it mid-word."""
    return "\n".join(wrapped(message, 2))


def confirm(message: str, default: bool = True) -> bool:
    import questionary

    return bool(ask(questionary.confirm(_lines(message), default=default, qmark="?")))


Validator = Callable[[str], bool | str]


def pick(message: str, options: Sequence[tuple[str, str]], default: str | None = None) -> str:
    """One value from (title, value) pairs; the key beside a title picks it at once. The
    question and the title picked stay on screen, as after any other prompt."""
    from prompt_toolkit import print_formatted_text
    from prompt_toolkit.formatted_text import FormattedText

    titles = [title for title, _ in options]
    entries = [Entry(e.title, (e.title, value), e.key) for e, (_, value) in
               zip(_entries(titles), options, strict=True)]  # fmt: skip
    chosen = next((e.value for e in entries if e.value[1] == default), None)
    menu = OptionMenu(message, entries, default=chosen)
    title, value = _menu(menu, None, 0.0).value
    # The question and its answer, as after any other prompt, wrapped between words.
    text = "\n".join(wrapped(f"{message} {title}", 2, "? "))
    answer = [("class:qmark", text[:2]), ("class:message", text[2:])]
    print_formatted_text(FormattedText(answer), style=STYLE)
    return str(value)


def write(
    message: str,
    *,
    default: str = "",
    validate: Validator | None = None,
    suggestions: Sequence[str] = (),
    instruction: str | None = None,
) -> str:
    """Typed text, checked by `validate` as it is typed; `suggestions` complete it."""
    import questionary  # here, not above: a game's choice questions never need it

    if suggestions:
        prompt = questionary.autocomplete(
            _lines(message),
            choices=[safe(s) for s in suggestions],
            default=safe(default),
            validate=validate,
            qmark="?",
        )
    else:
        prompt = questionary.text(
            _lines(message),
            default=safe(default),
            validate=validate,
            qmark="?",
            instruction=instruction,
        )
    return str(ask(prompt)).strip()


def put_in_order(
    items: Sequence[str], time_limit: float | None = None, used: float = 0.0
) -> Answer:
    """The items in the order the player picks them: the first, then the next among those
    left, until one is left (Backspace takes the last pick back); [] to skip, or TIMED_OUT
    once `time_limit` runs out."""
    menu = OptionMenu(
        ANSWER_MESSAGE,
        _entries(items),
        [Entry(SKIP_LABEL, [])],
        kind=Kind.ORDER,
        instruction="(pick the first)",
    )
    return _menu(menu, time_limit, used)
