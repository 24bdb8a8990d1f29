"""Tests of the commands as a user runs them, through the installed `quiz` too."""
