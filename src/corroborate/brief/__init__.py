"""The story brief: a cited extractive summary and the cross-check, as terminal, Markdown, HTML and JSON."""

from .summary import summarize, summarize_story

__all__ = ["summarize", "summarize_story"]
