"""The documentation's checks and generators: examples, the command reference, the screenshot."""
