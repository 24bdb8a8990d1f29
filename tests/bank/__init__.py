"""Tests of bank files: loading, validating, writing, importing and the built-in questions."""
