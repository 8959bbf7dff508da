"""Cleaning: boilerplate lines out (each with its reason), language detected."""

from .boilerplate import CleanResult, classify_line, clean_text, line_key, remove_repeated
from .language import NO_LANGUAGE, detect_language

__all__ = [
    "NO_LANGUAGE",
    "CleanResult",
    "clean_text",
    "classify_line",
    "detect_language",
    "line_key",
    "remove_repeated",
]
