"""Bytes to text: refuse binary content, detect the character set before giving up."""

from __future__ import annotations

import codecs

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an office document)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x7fELF": "an executable",
    b"BZh": "bzip2-compressed data",
    b"\xfd7zXZ": "xz-compressed data",
    b"SQLite format 3": "an SQLite database",
}
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


class DecodeError(ValueError):
    """The bytes are not text we can read; the message is the reason shown to the user."""


def sniff_binary(data: bytes) -> str | None:
    """Name the kind of binary content, or None when the bytes may be text."""
    for magic, name in _MAGIC.items():
        if data.startswith(magic):
            return name
    head = data[:8192]
    if head.startswith(_BOMS):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if head and control / len(head) > 0.05:
        return "binary data (control bytes)"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Return (text, charset). Tries a declared charset, UTF-8, then charset detection."""
    if not data.strip():
        raise DecodeError("empty file")
    kind = sniff_binary(data)
    if kind:
        raise DecodeError(f"binary content ({kind}), not text")
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    candidates = [c for c in (declared, "utf-8") if c]
    for charset in candidates:
        try:
            return data.decode(charset), charset.lower()
        except (UnicodeDecodeError, LookupError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable bytes: not UTF-8 and no character set fits")
    return str(best), best.encoding
