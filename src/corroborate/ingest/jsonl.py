"""JSON Lines: one article per line, with id/url/source/title/published and text or html."""

from __future__ import annotations

import gzip
import io
import json
import sys
import zlib
from collections.abc import Iterator
from typing import IO

from ..dates import parse_published
from ..model import Article, Item, Origin, Reject
from ..settings import Settings
from .base import folder_source
from .decode import DecodeError, decode_bytes
from .discover import STDIN, InputFile

KNOWN_FIELDS = {"id", "url", "source", "title", "published", "text", "html"}
_PREVIEW = 200


def read_jsonl(file: InputFile, settings: Settings) -> Iterator[Item]:
    if file.size is not None and file.size > settings.max_file_bytes:
        yield Reject(Origin(file.path), f"file is {file.size:,} bytes, over the max_file_bytes limit")
        return
    if file.path == STDIN:
        yield from _read_lines(sys.stdin.buffer, file, settings)
        return
    opener = gzip.open if file.path.lower().endswith(".gz") else open
    with opener(file.path, "rb") as fh:  # type: ignore[operator]
        yield from _read_lines(fh, file, settings)


def _read_lines(fh: IO[bytes], file: InputFile, settings: Settings) -> Iterator[Item]:
    fallback = "stdin" if file.path == STDIN else folder_source(file.path)
    lineno = 0
    nonempty = 0
    try:
        for lineno, line in enumerate(_lines(fh, settings.max_document_bytes), start=1):
            if isinstance(line, _TooLong):
                yield Reject(
                    Origin(file.path, lineno),
                    f"line is over the {settings.max_document_bytes:,}-byte "
                    "limit for one record (setting max_document_bytes)",
                )
                continue
            if not line.strip():
                continue
            nonempty += 1
            yield parse_record(line, Origin(file.path, lineno), fallback)
    except (EOFError, OSError, zlib.error) as exc:
        yield Reject(Origin(file.path, lineno + 1), f"truncated or corrupt compressed data after line {lineno}: {exc}")
        return
    if nonempty == 0 and lineno == 0:
        yield Reject(Origin(file.path), "empty file")


class _TooLong(bytes):
    pass


def _lines(fh: IO[bytes], limit: int) -> Iterator[bytes]:
    """Lines of a binary stream, never holding more than ``limit`` bytes of one line in memory."""
    reader = io.BufferedReader(fh) if not isinstance(fh, io.BufferedIOBase) else fh
    while True:
        line = reader.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the oversized line
                rest = reader.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield _TooLong(b"")
            continue
        yield line


def parse_record(line: bytes, origin: Origin, fallback_source: str) -> Item:
    try:
        text, _ = decode_bytes(line)
    except DecodeError as exc:
        return Reject(origin, f"line is not text: {exc}", raw=repr(line[:_PREVIEW]))
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        return Reject(origin, f"malformed JSON: {exc.msg} at column {exc.colno}", raw=text[:_PREVIEW])
    if not isinstance(record, dict):
        return Reject(origin, f"a record must be a JSON object, got {type(record).__name__}", raw=text[:_PREVIEW])
    return record_to_article(record, text, origin, fallback_source)


def record_to_article(record: dict, raw: str, origin: Origin, fallback_source: str) -> Item:
    body_text, body_html = record.get("text"), record.get("html")
    if not isinstance(body_text, str) and not isinstance(body_html, str):
        return Reject(origin, "record has neither a 'text' nor an 'html' string field", raw=raw[:_PREVIEW])
    if _blank(body_text) and _blank(body_html):  # a headline alone is no article to check
        if isinstance(body_text, str) and isinstance(body_html, str):
            why = "its 'text' and 'html' are empty"
        elif isinstance(body_text, str):
            why = "its 'text' is empty and it has no 'html'"
        else:
            why = "its 'html' is empty and it has no 'text'"
        return Reject(origin, f"record has no article text: {why}", raw=raw[:_PREVIEW])
    for key in ("id", "url", "source", "title", "published"):
        value = record.get(key)
        if value is not None and not isinstance(value, (str, int)):
            return Reject(origin, f"field {key!r} must be a string, got {type(value).__name__}", raw=raw[:_PREVIEW])
    published_raw = record.get("published")
    published = parse_published(str(published_raw)) if published_raw not in (None, "") else None
    meta = {k: v for k, v in record.items() if k not in KNOWN_FIELDS}
    meta["format"] = "jsonl"
    if published_raw not in (None, "") and published is None:
        meta["unparsed_published"] = published_raw
    if isinstance(body_text, str) and body_text.strip():
        content_type, content = "text/plain", body_text
    else:
        content_type = "text/html" if _is_full_page(body_html) else "text/html-fragment"
        content = body_html
    return Article(
        raw=raw,
        content_type=content_type,
        origin=origin,
        given_id=str(record["id"]) if record.get("id") not in (None, "") else None,
        url=str(record["url"]) if record.get("url") else None,
        source=str(record.get("source") or ""),
        title=str(record["title"]).strip() if record.get("title") else None,
        published=published,
        text=content,
        meta=meta,
        fallback_source=fallback_source,
    )


def _blank(field: object) -> bool:
    """A body field that holds no text: absent, not a string, or only whitespace."""
    return not isinstance(field, str) or not field.strip()


def _is_full_page(html: str | None) -> bool:
    head = (html or "")[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype" in head
