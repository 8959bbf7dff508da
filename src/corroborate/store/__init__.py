"""Storage: one embedded DuckDB file with a versioned schema."""

from .db import Store, StoreError, WriteCounts, normalize_url

__all__ = ["Store", "StoreError", "WriteCounts", "normalize_url"]
