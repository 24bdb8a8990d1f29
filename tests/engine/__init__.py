"""Tests of the pure game rules: selection, scoring, judging."""
