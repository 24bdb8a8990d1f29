"""Tests of the score store on a real SQLite file."""
