"""The command line: typer commands, and the sessions that wire each command together."""
