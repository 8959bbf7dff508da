"""The few typed records that flow through corroborate.

Character offsets anywhere in the project refer to an article's cleaned ``text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True, frozen=True)
class Origin:
    """Where an input came from: a file and, inside it, a line or record number (1-based)."""

    path: str
    record: int | None = None  # JSONL line, WARC record, feed entry; None for one-document files

    def __str__(self) -> str:
        return self.path if self.record is None else f"{self.path}:{self.record}"


@dataclass(slots=True)
class RemovedLine:
    """A line taken out of an article's text during cleaning, and why."""

    text: str
    reason: str


@dataclass(slots=True)
class Article:
    """One news article, from raw input to cleaned text.

    Readers fill what the container format knows (``raw``, ``content_type``, ``origin`` and any of
    url/source/title/published given by the record); the stages fill the rest.
    """

    raw: str
    content_type: str  # of `text` before extraction: "text/plain", "text/html" (a page), "text/html-fragment"
    origin: Origin
    id: str = ""
    source: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SSZ" (UTC)
    published_inferred: bool = False
    language: str | None = None
    text: str = ""  # the document in content_type until the extract stage, then plain cleaned text
    removed: list[RemovedLine] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    given_id: str | None = None  # id carried by the input record, kept as the article id
    fallback_source: str = ""  # used when nothing better names the outlet (the parent folder)
    content_hash: str = ""
    syndication_group: str | None = None
    duplicate_of: str | None = None
    # Stage outputs that are stored beside the article, not in it (features, signatures), by name.
    annotations: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True, frozen=True)
class Reject:
    """An input that could not become an article, recorded instead of lost."""

    origin: Origin
    reason: str
    raw: str | None = None  # what could be kept of the input (may be truncated)

    def __str__(self) -> str:
        return f"{self.origin}: {self.reason}"


Item = Article | Reject
