"""Halpert Quiz: a terminal trivia game about Jim Halpert of The Office."""

__version__ = "0.1.0"
