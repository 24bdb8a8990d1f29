"""The main menu that `quiz` alone opens on a terminal: one entry a command."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from quiz.errors import ExitCode

# (title, the command line it runs): adding a command to the menu is adding a line here.
ENTRIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Play a quiz", ("play",)),
    ("Daily challenge", ("daily",)),
    ("Practice what you missed", ("practice",)),
    ("Party (hot seat)", ("party",)),
    ("Host a live game", ("host",)),
    ("Join a live game", ("join",)),
    ("High scores", ("scores",)),
    ("Stats", ("stats",)),
    ("Add a question", ("add",)),
)
QUIT = "quit"


BACK = "Press Enter to return to the menu"


def run_menu(run_command: Callable[[Sequence[str]], int]) -> int:
    """Offer the menu until Quit; each pick runs its command, whose last screen stays until
    Enter brings the menu back. Ctrl-C leaves with 130, Ctrl-D as Quit does."""
    from quiz.output import console
    from quiz.terminal import prompts

    commands = dict(ENTRIES)
    options = [(title, title) for title in commands] + [("Quit", QUIT)]
    chosen = options[0][1]
    while True:
        try:
            chosen = prompts.pick("Halpert Quiz", options, chosen)
            if chosen == QUIT:
                return ExitCode.OK
            code = run_command(commands[chosen])
            if code == ExitCode.INTERRUPTED:
                return code
            prompts.wait_for_enter(BACK)
        except KeyboardInterrupt:
            return ExitCode.INTERRUPTED
        except EOFError:
            return ExitCode.OK
        console().clear()
