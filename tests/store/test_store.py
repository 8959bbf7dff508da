"""Idempotent, revisioned, transactional storage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ARTICLE_PARAGRAPHS
from corroborate import service
from corroborate.settings import Settings
from corroborate.store import Store, StoreError
from corroborate.store.migrations import LATEST


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def record(i: int, text: str | None = None, **extra) -> dict:
    body = text or "\n\n".join(f"{p} Item {i}." for p in ARTICLE_PARAGRAPHS)
    return {"url": f"https://wire.example/{i}", "source": "Wire", "title": f"Story {i}", "text": body} | extra


def store_rows(settings: Settings) -> list[tuple]:
    with Store.open(settings.db, read_only=True) as store:
        return store.con.execute(
            "SELECT id, revision, content_hash, text, removed::VARCHAR FROM articles ORDER BY id"
        ).fetchall()


def test_rerun_adds_nothing(good_files: Path, settings: Settings) -> None:
    first = service.ingest([str(good_files)], settings)
    assert (first.counts.added, first.counts.rejected) == (3, 0)
    before = store_rows(settings)
    second = service.ingest([str(good_files)], settings)
    assert (second.counts.added, second.counts.revised, second.counts.unchanged) == (0, 0, 3)
    assert store_rows(settings) == before


def test_same_url_and_content_from_two_formats_is_one_article(tmp_path: Path, settings: Settings) -> None:
    write_jsonl(tmp_path / "a.jsonl", [record(1)])
    write_jsonl(tmp_path / "b.jsonl", [record(1) | {"url": "https://WIRE.example/1?utm_source=feed"}])
    result = service.ingest([str(tmp_path)], settings)
    assert (result.counts.added, result.counts.unchanged) == (1, 1)


def test_changed_version_of_a_url_is_a_new_revision(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "a.jsonl"
    write_jsonl(path, [record(1)])
    service.ingest([str(path)], settings)
    write_jsonl(path, [record(1, text="\n\n".join(ARTICLE_PARAGRAPHS) + "\n\nUpdate: the strike ended on Friday.")])
    result = service.ingest([str(path)], settings)
    assert result.counts.revised == 1
    with Store.open(settings.db, read_only=True) as store:
        (row,) = store.articles()
        assert row["revision"] == 2 and "the strike ended on Friday" in row["text"]
        assert [r["revision"] for r in store.revisions(row["id"])] == [1, 2]


def test_given_id_is_kept(tmp_path: Path, settings: Settings) -> None:
    write_jsonl(tmp_path / "a.jsonl", [record(1, id="cpa-2024-0001")])
    service.ingest([str(tmp_path)], settings)
    with Store.open(settings.db, read_only=True) as store:
        assert [r["id"] for r in store.articles()] == ["cpa-2024-0001"]


def test_rejects_are_recorded_once_per_input_and_reason(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    for _ in range(2):
        result = service.ingest([str(tmp_path)], settings)
        assert result.counts.rejected == 1
    with Store.open(settings.db, read_only=True) as store:
        (reject,) = store.rejects()
    assert reject["origin_path"].endswith("bad.jsonl") and reject["origin_record"] == 1
    assert reject["reason"].startswith("malformed JSON")


def test_a_run_killed_half_way_and_rerun_loses_nothing_and_doubles_nothing(tmp_path: Path, monkeypatch) -> None:
    records = [record(i) for i in range(20)]
    write_jsonl(tmp_path / "many.jsonl", records)
    reference = Settings(db=str(tmp_path / "reference.duckdb"), batch_size=4)
    service.ingest([str(tmp_path / "many.jsonl")], reference)

    crashed = Settings(db=str(tmp_path / "crashed.duckdb"), batch_size=4)
    original = Store.write_batch
    calls = {"n": 0}

    def dying_write(self, articles, rejects, run_id):
        calls["n"] += 1
        if calls["n"] == 3:  # the process dies inside the third batch's transaction
            self.con.execute("BEGIN TRANSACTION")
            self.con.execute("DELETE FROM articles")
            raise KeyboardInterrupt
        return original(self, articles, rejects, run_id)

    monkeypatch.setattr(Store, "write_batch", dying_write)
    with pytest.raises(KeyboardInterrupt):
        service.ingest([str(tmp_path / "many.jsonl")], crashed)
    monkeypatch.setattr(Store, "write_batch", original)
    with Store.open(crashed.db, read_only=True) as store:
        assert store.count_articles() == 8  # two whole batches, nothing of the third

    result = service.ingest([str(tmp_path / "many.jsonl")], crashed)
    assert (result.counts.added, result.counts.unchanged) == (12, 8)
    assert store_rows(crashed) == store_rows(reference)


def test_killed_process_then_rerun(tmp_path: Path) -> None:
    """A real SIGKILL in the middle of a run; the rerun completes the store exactly."""
    import signal
    import subprocess
    import sys

    write_jsonl(tmp_path / "many.jsonl", [record(i) for i in range(400)])
    db = tmp_path / "killed.duckdb"
    cmd = [
        sys.executable,
        "-m",
        "corroborate",
        "--db",
        str(db),
        "-v",
        "ingest",
        "--batch-size",
        "2",
        str(tmp_path / "many.jsonl"),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:  # wait until a few batches are committed, then kill without warning
        if "batch 5 stored" in line:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Store.open(str(db), read_only=True) as store:
        assert 10 <= store.count_articles() < 400  # killed part-way
    assert subprocess.run(cmd, capture_output=True).returncode == 0
    with Store.open(str(db), read_only=True) as store:
        assert store.count_articles() == 400
        assert store.con.execute("SELECT count(DISTINCT article_id), count(*) FROM article_revisions").fetchone() == (
            400,
            400,
        )


def test_schema_is_versioned_and_migrated_once(settings: Settings) -> None:
    with Store.open(settings.db) as store:
        assert store.schema_version() == LATEST
    with Store.open(settings.db) as store:
        assert store.con.execute("SELECT count(*) FROM schema_version").fetchone()[0] == LATEST


def test_outlet_lines_repeated_across_articles_are_removed_everywhere(tmp_path: Path, settings: Settings) -> None:
    footer = "Read the Harbor Ledger every morning for the latest updates on the port"
    records = [
        record(i, text="\n\n".join(f"{p} Case {i}." for p in ARTICLE_PARAGRAPHS) + f"\n\n{footer}") for i in range(4)
    ]
    write_jsonl(tmp_path / "a.jsonl", records[:2])
    service.ingest([str(tmp_path / "a.jsonl")], settings)
    write_jsonl(tmp_path / "b.jsonl", records[2:])
    result = service.ingest([str(tmp_path / "b.jsonl")], settings)
    assert result.cleaned_by_outlet_phase == 4
    with Store.open(settings.db, read_only=True) as store:
        rows = store.articles()
    assert all(footer not in row["text"] for row in rows)
    assert all(
        any(r["text"] == footer and r["reason"].startswith("repeated across articles of Wire") for r in row["removed"])
        for row in rows
    )
    again = service.ingest([str(tmp_path)], settings)
    assert again.cleaned_by_outlet_phase == 0


def test_a_store_in_a_folder_not_made_yet_is_created_with_it(tmp_path: Path) -> None:
    db = tmp_path / "out" / "run" / "store.duckdb"
    with Store.open(str(db)) as store:
        assert store.schema_version() == LATEST
    assert db.is_file()


def test_a_store_from_before_statement_pieces_is_migrated_and_keeps_its_statements(settings: Settings) -> None:
    import duckdb

    from corroborate.store.migrations import MIGRATIONS

    con = duckdb.connect(settings.db)  # a store as version 6 made it: no pieces column, one statement in it
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description VARCHAR, applied_at TIMESTAMP)")
    for version, description, sql in MIGRATIONS[:6]:
        con.execute(sql)
        con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [version, description])
    con.execute(
        "INSERT INTO statements VALUES ('q-1', 's-1', 'a-1', 'Fenner', NULL, 'said', 'direct', 'assert', "
        "'“We warned them,” Fenner said.', 0, 30)"
    )
    con.close()
    with pytest.raises(StoreError, match="schema version 6"), Store.open(settings.db, read_only=True):
        pass
    with Store.open(settings.db) as store:
        assert store.schema_version() == LATEST
        assert store.con.execute("SELECT id, text, pieces FROM statements").fetchall() == [
            ("q-1", "“We warned them,” Fenner said.", None)
        ]
