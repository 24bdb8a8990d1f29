"""The rules of the game: filters, selection, scoring and games. Pure: no I/O."""
