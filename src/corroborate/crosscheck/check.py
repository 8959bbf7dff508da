"""Claims, alignment, contradictions and the timeline of one story."""

from __future__ import annotations


def cross_check(sources, docs, analysis) -> None:
    """Fill ``analysis.claims``, ``.contradictions``, ``.timeline`` and ``.published``."""
    analysis.claims = []
    analysis.contradictions = []
    analysis.timeline = []
