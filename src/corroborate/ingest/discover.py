"""Turn the user's PATH arguments (files, folders, globs, '-') into a sorted list of inputs."""

from __future__ import annotations

import fnmatch
import glob
import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Origin, Reject

IGNORE_FILE = ".corroborateignore"
STDIN = "-"

# Longest suffix first so that ".warc.gz" wins over ".gz".
FORMATS: dict[str, str] = {
    ".warc.gz": "warc",
    ".warc": "warc",
    ".jsonl.gz": "jsonl",
    ".ndjson.gz": "jsonl",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".xml": "feed",
}


@dataclass(slots=True, frozen=True)
class InputFile:
    path: str  # as the user will recognise it; "-" for standard input
    format: str
    size: int | None


def detect_format(path: str) -> str | None:
    name = path.lower()
    for suffix in sorted(FORMATS, key=len, reverse=True):
        if name.endswith(suffix):
            return FORMATS[suffix]
    return None


def discover(paths: list[str], exclude: tuple[str, ...] = ()) -> tuple[list[InputFile], list[Reject]]:
    """Expand paths; files with unknown extensions and missing paths become rejects.

    ``exclude``: files never to read, such as the store itself when it lies inside an input folder.
    """
    files: list[InputFile] = []
    rejects: list[Reject] = []
    seen: set[str] = {os.path.abspath(p) for p in exclude}

    def add(path: str) -> None:
        key = os.path.abspath(path)
        if key in seen:
            return
        seen.add(key)
        fmt = detect_format(path)
        if fmt is None:
            supported = ", ".join(sorted(FORMATS))
            ext = "".join(Path(path).suffixes[-2:]) or "(none)"
            rejects.append(Reject(Origin(path), f"unknown file extension {ext}; supported: {supported}"))
            return
        files.append(InputFile(path, fmt, os.path.getsize(path)))

    for arg in paths:
        if arg == STDIN:
            files.append(InputFile(STDIN, "jsonl", None))
        elif os.path.isdir(arg):
            for path in _walk(arg):
                add(path)
        elif os.path.isfile(arg):
            add(arg)
        elif glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                rejects.append(Reject(Origin(arg), "no file matches this pattern"))
            for match in matches:
                if os.path.isdir(match):
                    for path in _walk(match):
                        add(path)
                elif os.path.isfile(match):
                    add(match)
        else:
            rejects.append(Reject(Origin(arg), "no such file or folder"))
    return files, rejects


def _walk(root: str) -> list[str]:
    """Files under root, sorted, skipping hidden entries and patterns in .corroborateignore files."""
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        patterns = _ignore_patterns(dirpath)
        for name in sorted(filenames):
            if name.startswith(".") or any(fnmatch.fnmatch(name, p) for p in patterns):
                continue
            out.append(os.path.join(dirpath, name))
    return out


def _ignore_patterns(folder: str) -> list[str]:
    path = os.path.join(folder, IGNORE_FILE)
    if not os.path.isfile(path):
        return []
    with open(path, encoding="utf-8", errors="replace") as fh:
        return [line.strip() for line in fh if line.strip() and not line.lstrip().startswith("#")]
