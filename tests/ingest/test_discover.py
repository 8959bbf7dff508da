"""Folders, globs, ignore files, standard input, and the bad inputs each named with a reason."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import ARTICLE_PARAGRAPHS
from corroborate.ingest.decode import DecodeError, decode_bytes
from corroborate.ingest.discover import discover
from ingest.test_readers import process


def test_folders_are_walked_recursively_in_order_skipping_hidden_and_ignored(tmp_path: Path) -> None:
    for rel in ["b/two.txt", "a/one.html", "a/deep/three.jsonl", ".hidden/x.txt", "a/.DS_Store", "gold.json"]:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    (tmp_path / ".corroborateignore").write_text("# not articles\ngold.json\n")
    files, rejects = discover([str(tmp_path)])
    assert [Path(f.path).relative_to(tmp_path).as_posix() for f in files] == [
        "a/one.html",
        "a/deep/three.jsonl",
        "b/two.txt",
    ]
    assert [f.format for f in files] == ["html", "jsonl", "text"]
    assert rejects == []


def test_globs_missing_paths_and_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x")
    (tmp_path / "y.docx").write_text("x")
    files, rejects = discover(
        [str(tmp_path / "*.txt"), str(tmp_path / "nope.txt"), str(tmp_path / "y.docx"), str(tmp_path / "*.none")]
    )
    assert [Path(f.path).name for f in files] == ["x.txt"]
    reasons = {Path(r.origin.path).name: r.reason for r in rejects}
    assert reasons["nope.txt"] == "no such file or folder"
    assert reasons["y.docx"].startswith("unknown file extension .docx")
    assert reasons["*.none"] == "no file matches this pattern"


def test_stdin_reads_jsonl(monkeypatch, tmp_path: Path) -> None:
    import io
    import sys

    record = {"id": "s-1", "source": "Pipe News", "title": "From a pipe", "text": "\n\n".join(ARTICLE_PARAGRAPHS)}
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((json.dumps(record) + "\n").encode())))
    (article,), rejects = process(["-"])
    assert article.given_id == "s-1" and article.source == "Pipe News"
    assert article.origin.path == "-" and article.origin.record == 1


def test_bad_inputs_each_get_one_named_reason(tmp_path: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage" * 50)
    (tmp_path / "image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"   \n\n ")
    (tmp_path / "broken.jsonl.gz").write_bytes(__import__("gzip").compress(b"\n" * 5000)[:30])
    (tmp_path / "notes.feed").write_text("x")
    (tmp_path / "junk.xml").write_text("<root><a>not a feed</a></root>")
    (tmp_path / "empty.warc.gz").write_bytes(b"")
    big = tmp_path / "big.txt"
    big.write_text("word " * 1000)
    from corroborate.settings import Settings

    articles, rejects = process([tmp_path], Settings(max_document_bytes=4000))
    assert articles == []
    reasons = {Path(r.origin.path).name: r.reason for r in rejects}
    assert reasons["binary.txt"] == "binary content (binary data (NUL bytes)), not text"
    assert reasons["image.html"] == "binary content (a PNG image), not text"
    assert reasons["empty.txt"] == "empty file" and reasons["blank.html"] == "empty file"
    assert reasons["broken.jsonl.gz"].startswith("truncated or corrupt compressed data")
    assert reasons["notes.feed"].startswith("unknown file extension .feed")
    assert reasons["junk.xml"].startswith("not an RSS or Atom feed")
    assert reasons["empty.warc.gz"] == "empty file"
    assert "over the 4,000-byte limit" in reasons["big.txt"]
    assert len(rejects) == 9


def test_oversized_jsonl_line_is_rejected_and_the_next_line_still_read(tmp_path: Path) -> None:
    from corroborate.settings import Settings

    small = {"title": "Fine", "source": "S", "text": "\n\n".join(ARTICLE_PARAGRAPHS)}
    huge = {"title": "Huge", "source": "S", "text": "x " * 5000}
    (tmp_path / "mixed.jsonl").write_text(json.dumps(huge) + "\n" + json.dumps(small) + "\n")
    (article,), (reject,) = process([tmp_path / "mixed.jsonl"], Settings(max_document_bytes=2000))
    assert article.title == "Fine" and article.origin.record == 2
    assert reject.origin.record == 1 and "over the 2,000-byte limit" in reject.reason


def test_decode_refuses_undecodable_bytes_with_a_reason() -> None:
    try:
        decode_bytes(bytes(range(128, 256)) * 3 + b"\x00")
    except DecodeError as exc:
        assert "binary" in str(exc) or "undecodable" in str(exc)
    else:
        raise AssertionError("random high bytes with a NUL must not decode")
