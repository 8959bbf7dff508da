"""Plain-text articles: headline first, optional metadata header lines, paragraphs after."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..dates import parse_published
from ..model import Article, Item, Origin, Reject
from ..settings import Settings
from .base import folder_source, read_document
from .decode import DecodeError
from .discover import InputFile

# "Date: 2020-10-07", "Published: March 4, 2024", "By Jane Doe", " date 2020-10-07 First sentence..."
_HEADER = re.compile(
    r"^\s*(?P<key>date|dated|published|updated|posted|by|author|source|url|link|title)\s*(?::|\s)\s*"
    r"(?P<value>.+?)\s*$",
    re.IGNORECASE,
)
_GLUED_DATE = re.compile(
    r"^\s*(?:date|dated|published|posted)\s*:?\s*(?P<date>\d{4}-\d{2}-\d{2}(?:[T ][\d:]+Z?)?)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
HEADER_WINDOW = 8  # metadata is only looked for among the first non-empty lines


def parse_header(raw: str) -> tuple[str, dict[str, str]]:
    """Lift leading metadata lines into fields; return the remaining text and the fields."""
    lines = raw.splitlines()
    fields: dict[str, str] = {}
    seen_nonempty = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen_nonempty += 1
        if seen_nonempty > HEADER_WINDOW:
            break
        glued = _GLUED_DATE.match(line)
        if glued and parse_published(glued["date"]):
            fields.setdefault("published", glued["date"])
            lines[i] = glued["rest"]
            break  # the rest of the line is the body
        match = _HEADER.match(line)
        if not match:
            continue
        key, value = match["key"].lower(), match["value"]
        if key in ("date", "dated", "published", "posted", "updated"):
            if parse_published(value) is None:
                continue
            name = "updated" if key == "updated" else "published"
        elif key in ("by", "author"):
            if key == "by" and (len(value.split()) > 6 or value[-1:] in ".!?"):
                continue  # a sentence that starts with "By", not a byline
            name = "author"
        elif key in ("url", "link"):
            if not re.match(r"https?://\S+$", value):
                continue
            name = "url"
        elif key == "source":
            if len(value.split()) > 6:
                continue
            name = "source"
        else:
            name = "title"
        fields.setdefault(name, value)
        lines[i] = ""
    return "\n".join(lines), fields


def read_text(file: InputFile, settings: Settings) -> Iterator[Item]:
    origin = Origin(file.path)
    try:
        _, raw, charset = read_document(file, settings)
    except DecodeError as exc:
        yield Reject(origin, str(exc))
        return
    body, fields = parse_header(raw)
    published = parse_published(fields.get("published"))
    meta = {"charset": charset, "format": "text"}
    if "author" in fields:
        meta["author"] = fields["author"]
    if "updated" in fields:
        meta["updated"] = parse_published(fields["updated"])
    article = Article(
        raw=raw,
        content_type="text/plain",
        origin=origin,
        url=fields.get("url"),
        source=fields.get("source", ""),
        title=fields.get("title"),
        published=published,
        text=body,
        meta=meta,
        fallback_source=folder_source(file.path),
    )
    yield article
