"""RSS and Atom feeds: each entry with its full content is an article."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC
from urllib.parse import urlsplit

from ..dates import to_iso
from ..model import Article, Item, Origin, Reject
from ..settings import Settings
from .base import read_document
from .decode import DecodeError
from .discover import InputFile


def read_feed(file: InputFile, settings: Settings) -> Iterator[Item]:
    import feedparser

    origin = Origin(file.path)
    try:
        data, text, _ = read_document(file, settings)
    except DecodeError as exc:
        yield Reject(origin, str(exc))
        return
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries:
        problem = f": {parsed.bozo_exception}" if parsed.bozo else ""
        kind = "not an RSS or Atom feed" if not parsed.version else "feed has no entries"
        yield Reject(origin, f"{kind}{problem}")
        return
    feed_title = (parsed.feed.get("title") or "").strip()
    blocks = _entry_blocks(text)
    blocks = blocks if len(blocks) == len(parsed.entries) else []
    for number, entry in enumerate(parsed.entries, start=1):
        entry_origin = Origin(file.path, number)
        content = _entry_content(entry)
        if not content:
            yield Reject(entry_origin, "feed entry has no content or summary")
            continue
        link = entry.get("link") or None
        source = feed_title or (urlsplit(link).hostname or "" if link else "")
        published = entry.get("published_parsed") or entry.get("updated_parsed")
        meta = {"format": "feed", "feed_title": feed_title, "guid": entry.get("id")}
        if entry.get("author"):
            meta["author"] = entry["author"]
        yield Article(
            raw=blocks[number - 1] if blocks else _entry_fields(entry),
            content_type="text/html-fragment",
            origin=entry_origin,
            url=link,
            source=source,
            title=(entry.get("title") or "").strip() or None,
            published=to_iso_struct(published),
            text=content,
            meta=meta,
        )


def _entry_content(entry) -> str:
    contents = entry.get("content") or []
    best = max((c.get("value", "") for c in contents), key=len, default="")
    summary = entry.get("summary", "") or ""
    return best if len(best) >= len(summary) else summary


def _entry_blocks(feed_text: str) -> list[str]:
    """Each entry's own XML, cut out of the feed, to keep as its raw input."""
    import re

    return [m.group(0) for m in re.finditer(r"<(item|entry)\b.*?</\1>", feed_text, flags=re.DOTALL | re.IGNORECASE)]


def _entry_fields(entry) -> str:
    import json

    return json.dumps({k: entry.get(k) for k in ("id", "title", "link", "published", "summary")}, default=str)


def to_iso_struct(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    from datetime import datetime

    return to_iso(datetime(*value[:6], tzinfo=UTC))
