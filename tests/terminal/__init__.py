"""Tests of what the player sees: views, prompts and both game loops."""
