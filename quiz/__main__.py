"""Entry point: answers `--version` and plain `play` before the CLI framework loads."""

import sys


def main() -> None:
    """Run the `quiz` command."""
    if sys.argv[1:] == ["--version"]:
        from quiz import __version__

        print(f"halpert-quiz {__version__}")
        return
    if sys.argv[1:2] == ["play"]:
        from quiz.cli.quick import play_directly

        code = play_directly(sys.argv[2:])
        if code is not None:
            sys.exit(code)
    from quiz.cli.app import run

    run()


if __name__ == "__main__":
    main()
