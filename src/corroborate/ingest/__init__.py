"""Readers, one per format, and the function that streams every input as Articles or Rejects."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..model import Item, Reject
from ..settings import Settings
from .discover import InputFile, discover
from .feed import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import read_warc

READERS: dict[str, Callable[[InputFile, Settings], Iterator[Item]]] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "warc": read_warc,
    "feed": read_feed,
}


def read_files(
    files: list[InputFile], settings: Settings, on_file_done: Callable[[InputFile], None] | None = None
) -> Iterator[Item]:
    """Stream every file's items; an unexpected reader failure becomes a reject, never a crash."""
    from ..model import Origin

    for file in files:
        try:
            yield from READERS[file.format](file, settings)
        except Exception as exc:  # noqa: BLE001 - a broken file must not stop the run
            yield Reject(Origin(file.path), f"could not read {file.format} input: {type(exc).__name__}: {exc}")
        if on_file_done:
            on_file_done(file)


__all__ = ["READERS", "InputFile", "discover", "read_files"]
