"""`quiz bank facts`: every fact of the facts map with the questions that ask and mention it."""

from __future__ import annotations

from quiz.cli.options import BankOption, JsonOption


def facts(as_json: JsonOption = False, bank: BankOption = None) -> None:
    """Show the facts and the questions asking them.

    Every fact of the facts map (questions/facts.toml), with the questions that ask
    and mention it. A question asks a fact when a right answer shows the player knows it, and mentions
    it when its prompt, options or explanation tell it. No game deals two questions
    where one asks a fact the other asks or mentions. Each fact worth asking is asked
    by one or two built-in questions; 'quiz bank validate' checks it.

    \b
    Examples:
      quiz bank facts
      quiz bank facts --json
    """
    from quiz.bank.facts import coverage, read_facts
    from quiz.cli.bank_report import load_for_command
    from quiz.output import console, print_json

    rows = coverage(read_facts(), load_for_command(bank).questions)
    if as_json:
        print_json([row.export() for row in rows])
        return
    from quiz.terminal.render_facts import print_facts

    print_facts(console(), rows)
