"""Entry point: answers `--version`, and plain `play` and `scores`, before typer loads."""

import sys


def main() -> None:
    """Run the `quiz` command."""
    if sys.argv[1:] == ["--version"]:
        from quiz import __version__

        print(f"halpert-quiz {__version__}")
        return
    if sys.argv[1:2] in (["play"], ["scores"]):
        from quiz.cli.quick import run_directly

        code = run_directly(sys.argv[1:])
        if code is not None:
            sys.exit(code)
    from quiz.cli.app import run

    run()


if __name__ == "__main__":
    main()
