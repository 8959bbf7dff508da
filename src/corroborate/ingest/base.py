"""What every reader shares: reading a whole document within limits, and the outlet fallback."""

from __future__ import annotations

import os
from pathlib import Path

from ..settings import Settings
from .decode import DecodeError, decode_bytes
from .discover import InputFile


def folder_source(path: str) -> str:
    """The parent folder's name: the outlet of last resort."""
    parent = Path(os.path.abspath(path)).parent.name
    return parent or "unknown"


def read_document(file: InputFile, settings: Settings) -> tuple[bytes, str, str]:
    """Read a one-document file (txt, html): (bytes, text, charset). Raises DecodeError with the reason."""
    if file.size is not None and file.size > settings.max_document_bytes:
        raise DecodeError(
            f"file is {file.size:,} bytes, over the {settings.max_document_bytes:,}-byte limit for one "
            "document (setting max_document_bytes)"
        )
    with open(file.path, "rb") as fh:
        data = fh.read()
    text, charset = decode_bytes(data, declared=_declared_charset(data) if file.format == "html" else None)
    return data, text, charset


def _declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in its first bytes, if any."""
    import re

    match = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", data[:4096], re.IGNORECASE)
    return match.group(1).decode("ascii", "replace") if match else None
