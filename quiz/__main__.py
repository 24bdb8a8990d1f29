"""Entry point: answers `--version`, and a plain `play` or `scores`, before typer loads."""

import io
import sys


def main() -> None:
    """Run the `quiz` command."""
    if sys.stdin is None:  # started with stdin closed: as if reading an empty file
        sys.stdin = io.StringIO()
    for stream in (sys.stdout, sys.stderr):  # a character the locale cannot show becomes "?"
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="replace")
    if sys.argv[1:] == ["--version"]:
        from quiz import version_line

        print(version_line())
        return
    if sys.argv[1:2] in (["play"], ["scores"]):
        from quiz.cli.fast import run_directly

        code = run_directly(sys.argv[1:])
        if code is not None:
            sys.exit(code)
    from quiz.cli.app import run

    run()


if __name__ == "__main__":
    main()
