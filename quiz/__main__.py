"""Entry point: answers `--version` before the CLI framework loads, then runs the app."""

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
        from quiz import __version__

        print(f"halpert-quiz {__version__}")
        return
    from quiz.cli.app import run

    run()


if __name__ == "__main__":
    main()
