"""WARC / WARC.gz web archives: every HTML response record is an article."""

from __future__ import annotations

import zlib
from collections.abc import Iterator

from ..model import Article, Item, Origin, Reject
from ..settings import Settings
from .base import folder_source
from .decode import DecodeError, decode_bytes
from .discover import InputFile

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc(file: InputFile, settings: Settings) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    if file.size is not None and file.size > settings.max_file_bytes:
        yield Reject(Origin(file.path), f"file is {file.size:,} bytes, over the max_file_bytes limit")
        return
    if file.size == 0:
        yield Reject(Origin(file.path), "empty file")
        return
    number = 0
    held: Item | None = None  # the newest record waits until we know the file was not cut inside it
    with open(file.path, "rb") as fh:
        records = ArchiveIterator(fh)
        while True:
            try:
                record = next(records, None)
            except (ArchiveLoadFailed, EOFError, OSError, zlib.error, ValueError) as exc:
                reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            except (AttributeError, TypeError, KeyError, IndexError) as exc:
                # warcio's own failure on a header it cannot parse (a response record without WARC-Target-URI)
                reason = f"malformed record headers (warcio: {type(exc).__name__}: {exc})"
            else:
                if record is None:
                    break
                number += 1
                item = _record_to_item(record, Origin(file.path, number), file, settings)
                if item is not None:
                    if held is not None:
                        yield held
                    held = item
                continue
            if held is not None:
                yield held
            yield Reject(Origin(file.path, number + 1), f"truncated or corrupt WARC after record {number}: {reason}")
            return
    if number == 0:
        yield Reject(Origin(file.path), "no WARC records found")
    elif file.path.lower().endswith(".gz") and not gzip_complete(file.path):
        # warcio stops quietly at a cut gzip member, and the record it was reading may be partial: drop it.
        yield Reject(
            Origin(file.path, number),
            f"truncated or corrupt WARC: the gzip data ends inside record {number}; "
            f"records before it were read, the cut record was dropped",
        )
    elif held is not None:
        yield held


def gzip_complete(path: str, chunk: int = 1 << 20) -> bool:
    """True when every gzip member in the file is whole (a cut download fails this)."""
    decomp = None
    with open(path, "rb") as fh:
        while data := fh.read(chunk):
            while data:
                if decomp is None or decomp.eof:
                    decomp = zlib.decompressobj(wbits=31)
                try:
                    decomp.decompress(data)
                except zlib.error:
                    return False
                data = decomp.unused_data if decomp.eof else b""
    return decomp is not None and decomp.eof


def _record_to_item(record, origin: Origin, file: InputFile, settings: Settings) -> Item | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not any(t in content_type for t in _HTML_TYPES):
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    if status and not status.startswith("2"):
        return Reject(origin, f"HTTP status {status} for {url}")
    data = record.content_stream().read(settings.max_document_bytes + 1)
    if len(data) > settings.max_document_bytes:
        return Reject(origin, f"response for {url} is over the {settings.max_document_bytes:,}-byte limit")
    declared = content_type.split("charset=")[-1].strip() if "charset=" in content_type else None
    try:
        html, charset = decode_bytes(data, declared=declared)
    except DecodeError as exc:
        return Reject(origin, f"response for {url}: {exc}")
    return Article(
        raw=html,
        content_type="text/html",
        origin=origin,
        url=url,
        text=html,
        meta={"format": "warc", "charset": charset, "warc_date": record.rec_headers.get_header("WARC-Date")},
        fallback_source=folder_source(file.path),
    )
