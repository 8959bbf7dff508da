"""Cross-check of one story: claims and their corroboration, contradictions, timeline."""

from .check import cross_check

__all__ = ["cross_check"]
