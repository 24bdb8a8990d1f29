"""Benchmarks, run on demand with `python -m tests.benchmarks` (not part of the test run)."""
