"""Interactive prompts (the only module that imports questionary), with an optional countdown."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Any

import questionary
from prompt_toolkit.application import Application
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl

from quiz.engine.players import name_problem
from quiz.output import safe

SKIP_LABEL = "(skip this question)"
LIFELINE_LABEL = "50:50 (scores half)"


class TimedOut:
    """Returned by a prompt whose time ran out."""


TIMED_OUT = TimedOut()


class Lifeline:
    """Returned by a question's menu when the player picks the 50:50."""


LIFELINE = Lifeline()


def _add_countdown(app: Application[Any], deadline: float) -> None:
    def remaining() -> StyleAndTextTuples:
        left = max(0.0, deadline - time.monotonic())
        style = "fg:ansired bold" if left < 5 else "fg:ansiyellow"
        return [(style, f"  ⏱ {left:4.1f} s left")]

    bar = Window(FormattedTextControl(remaining), height=1)
    app.layout = Layout(HSplit([app.layout.container, bar]))
    app.refresh_interval = 0.1


async def _run(app: Application[Any], time_limit: float | None) -> Any:
    if time_limit is None:
        return await app.run_async()
    _add_countdown(app, time.monotonic() + time_limit)

    def expire() -> None:
        if not app.is_done:
            app.exit(result=TIMED_OUT)

    handle = asyncio.get_running_loop().call_later(time_limit, expire)
    try:
        return await app.run_async()
    finally:
        handle.cancel()


def _discard_typed_ahead(app: Application[Any]) -> None:
    """On a terminal, drop keys pressed before `app` shows: those still in the terminal,
    and those an earlier prompt read but did not use (prompt_toolkit keeps them for the
    next one). Keys from anything else (a pipe, a test) are meant, and stay."""
    import sys

    if not sys.stdin.isatty():
        return
    import termios

    from prompt_toolkit.input.typeahead import clear_typeahead

    clear_typeahead(app.input)
    termios.tcflush(sys.stdin, termios.TCIFLUSH)


def ask(question: questionary.Question, time_limit: float | None = None) -> Any:
    """Ask; Ctrl-C raises KeyboardInterrupt, end of input EOFError, time-out gives TIMED_OUT.

    Keys pressed before the prompt shows are dropped: a fast double Enter on the screen
    before never answers this question."""
    _discard_typed_ahead(question.application)
    return asyncio.run(_run(question.application, time_limit))


def choose_one(
    message: str,
    options: Sequence[str],
    time_limit: float | None = None,
    *,
    lifeline: bool = False,
) -> Any:
    """One option's text, "" to skip, TIMED_OUT, or LIFELINE when offered and picked."""
    choices: list[questionary.Choice | questionary.Separator]
    choices = [questionary.Choice(title=safe(o), value=o) for o in options]
    choices.append(questionary.Separator())
    if lifeline:
        choices.append(questionary.Choice(title=LIFELINE_LABEL, value=LIFELINE))
    choices.append(questionary.Choice(title=SKIP_LABEL, value=""))
    return ask(questionary.select(safe(message), choices=choices, qmark="?"), time_limit)


def choose_many(message: str, options: Sequence[str], time_limit: float | None = None) -> Any:
    """The ticked options (none ticked is a skip), or TIMED_OUT."""
    prompt = questionary.checkbox(
        safe(message),
        choices=[questionary.Choice(title=safe(o), value=o) for o in options],
        qmark="?",
        instruction="(space ticks, enter submits; tick none to skip)",
    )
    return ask(prompt, time_limit)


def type_answer(message: str, time_limit: float | None = None) -> Any:
    """The typed text ("" to skip), or TIMED_OUT."""
    prompt = questionary.text(safe(message), qmark="?", instruction="(empty skips)")
    return ask(prompt, time_limit)


def type_name(default: str) -> str:
    """A player name, cleaned of control characters before it is stored or shown."""
    return safe(
        write(
            "Your name:",
            default=default,
            validate=lambda text: name_problem(safe(text)) or True,
        )
    ).strip()


def wait_for_enter(message: str) -> None:
    """Show `message` (literally; lines wrap mid-word, so break long ones first) and wait
    for Enter. Keys pressed before it shows are dropped; other keys do nothing."""
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.key_binding.key_processor import KeyPressEvent

    keys = KeyBindings()

    @keys.add("enter")
    def _done(event: KeyPressEvent) -> None:
        event.app.exit()

    @keys.add("c-c")
    def _interrupt(event: KeyPressEvent) -> None:
        event.app.exit(exception=KeyboardInterrupt())

    @keys.add("c-d")
    def _end(event: KeyPressEvent) -> None:
        event.app.exit(exception=EOFError())

    @keys.add("<any>")
    def _ignore(event: KeyPressEvent) -> None:
        pass

    control = FormattedTextControl([("bold", message)], show_cursor=False)
    app: Application[None] = Application(
        layout=Layout(Window(control, wrap_lines=True, dont_extend_height=True)),
        key_bindings=keys,
    )
    _discard_typed_ahead(app)
    asyncio.run(app.run_async())


def confirm(message: str, default: bool = True) -> bool:
    return bool(ask(questionary.confirm(safe(message), default=default, qmark="?")))


Validator = Callable[[str], bool | str]


def pick(message: str, options: Sequence[tuple[str, str]], default: str | None = None) -> str:
    """One value from (title, value) pairs."""
    choices = [questionary.Choice(title=safe(title), value=value) for title, value in options]
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
            message,
            choices=[safe(s) for s in suggestions],
            default=safe(default),
            validate=validate,
            qmark="?",
        )
    else:
        prompt = questionary.text(
            message, default=safe(default), validate=validate, qmark="?", instruction=instruction
        )
    return str(ask(prompt)).strip()


def put_in_order(message: str, items: Sequence[str], time_limit: float | None = None) -> Any:
    """The items in the order the player picks them: the first, then the next among those
    left, until one is left; [] to skip, or TIMED_OUT once `time_limit` runs out."""
    deadline = None if time_limit is None else time.monotonic() + time_limit
    left, picked = list(items), list[str]()
    while len(left) > 1:
        choices = [questionary.Choice(title=safe(item), value=item) for item in left]
        if picked:
            title, instruction = f"Then ({len(picked) + 1} of {len(items)}):", None
        else:
            title, instruction = safe(message), "(pick the first)"
            choices += [questionary.Separator(), questionary.Choice(title=SKIP_LABEL, value="")]
        remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
        prompt = questionary.select(title, choices=choices, qmark="?", instruction=instruction)
        answer = ask(prompt, remaining)
        if answer is TIMED_OUT or answer == "":
            return answer if answer is TIMED_OUT else []
        picked.append(answer)
        left.remove(answer)
    return [*picked, *left]
