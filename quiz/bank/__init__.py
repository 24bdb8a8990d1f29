"""The question bank: loading, validating, writing, and the import and export formats."""
