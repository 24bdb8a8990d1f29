"""Saved games: the store interface, its SQLite implementation and the recorder."""
