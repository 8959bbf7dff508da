"""HTML pages: the raw page is kept; the extract stage pulls the main text with trafilatura."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, Item, Origin, Reject
from ..settings import Settings
from .base import folder_source, read_document
from .decode import DecodeError
from .discover import InputFile


def read_html(file: InputFile, settings: Settings) -> Iterator[Item]:
    origin = Origin(file.path)
    try:
        _, raw, charset = read_document(file, settings)
    except DecodeError as exc:
        yield Reject(origin, str(exc))
        return
    yield Article(
        raw=raw,
        content_type="text/html",
        origin=origin,
        text=raw,
        meta={"charset": charset, "format": "html"},
        fallback_source=folder_source(file.path),
    )
