"""The test suite: run it with pytest from the repository root."""
