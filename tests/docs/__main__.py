"""Makes what the documentation holds from the program: the command reference topic, the
README's game screen, and (with --examples) the output shown under every example.

Usage: python -m tests.docs [--examples]
"""

from __future__ import annotations

import argparse

from tests.docs import examples, reference, screenshot


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.docs", description=__doc__)
    parser.add_argument(
        "--examples", action="store_true", help="run every example and write what it prints"
    )
    args = parser.parse_args()
    reference.REFERENCE.write_text(reference.reference(), encoding="utf-8")
    print(f"wrote {reference.REFERENCE}")
    screenshot.SCREENSHOT.write_text(screenshot.screenshot(), encoding="utf-8")
    print(f"wrote {screenshot.SCREENSHOT}")
    if args.examples:
        for document in examples.documents():
            if examples.rewrite(document):
                print(f"rewrote the examples' output in {document}")


if __name__ == "__main__":
    main()
