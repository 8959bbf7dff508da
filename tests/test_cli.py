"""The command line: help everywhere, exit codes 0/1/2, bad inputs named, good ones stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ARTICLE_PARAGRAPHS, page, warc_bytes
from corroborate.cli import main
from corroborate.report import validate_report
from corroborate.store import Store

COMMANDS = ["ingest", "run", "articles", "show", "rejects", "export", "stories"]


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_everywhere(runner, command) -> None:
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


@pytest.mark.parametrize(
    "args", [["run"], ["ingest", "--batch-size", "0", "x"], ["export", "--format", "xml"], ["frobnicate"]]
)
def test_usage_errors_exit_2(runner, args) -> None:
    assert runner.invoke(main, args).exit_code == 2


def test_good_inputs_exit_0_and_show_the_article(runner, good_files: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(main, ["--db", db, "ingest", str(good_files)])
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    listing = runner.invoke(main, ["--db", db, "articles"])
    assert listing.exit_code == 0 and "3 articles" in listing.output
    with Store.open(db, read_only=True) as store:
        article_id = store.articles("source = 'harbor-ledger'")[0]["id"]
    shown = runner.invoke(main, ["--db", db, "show", article_id[:8]])
    assert shown.exit_code == 0
    assert "Dock Strike Halts Port Celan" in shown.output and "harbor-ledger" in shown.output
    assert "2024-03-04" in shown.output
    assert runner.invoke(main, ["--db", db, "show", "nope"]).exit_code == 2


def test_bad_inputs_next_to_good_ones_exit_1_name_each_file_and_keep_the_good(
    runner, good_files: Path, tmp_path: Path
) -> None:
    (good_files / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    (good_files / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"id": "ok-1", "source": "Wire", "text": "\n\n".join(ARTICLE_PARAGRAPHS)}),
        '{"id": "broken", "text": "unterminated',
    ]
    (good_files / "mixed.jsonl").write_text("\n".join(lines) + "\n")
    data = warc_bytes([(f"https://x.example/{i}", page(f"Page {i}", ARTICLE_PARAGRAPHS)) for i in range(3)])
    (good_files / "cut.warc.gz").write_bytes(data[:-50])
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(main, ["--db", db, "run", str(good_files), "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 1
    output = result.output
    for name, reason in [
        ("photo.txt", "binary content"),
        ("empty.txt", "empty file"),
        ("mixed.jsonl:2", "malformed JSON"),
        ("cut.warc.gz", "truncated or corrupt WARC"),
    ]:
        assert any(name in line and reason in line for line in output.splitlines()), (name, output)
    with Store.open(db, read_only=True) as store:
        ids = {row["id"] for row in store.articles()}
        assert "ok-1" in ids and len(ids) == 3 + 1 + 2  # three good files, the good JSONL line, two WARC pages
        assert len(store.rejects()) == 4
    rejects = runner.invoke(main, ["--db", db, "rejects"])
    assert "mixed.jsonl" in rejects.output and "4 rejects" in rejects.output


def test_run_writes_a_valid_report_and_a_rerun_adds_nothing(runner, good_files: Path, tmp_path: Path) -> None:
    db, out = str(tmp_path / "s.duckdb"), tmp_path / "report.json"
    assert runner.invoke(main, ["--db", db, "run", str(good_files), "--json", str(out)]).exit_code == 0
    report = json.loads(out.read_text())
    validate_report(report)
    assert report["schema"] == "corroborate.report/1"
    assert len(report["articles"]) == 3
    (story,) = report["stories"]  # the three inputs carry the same text: one story, copies of one source
    assert sorted(story["article_ids"]) == sorted(a["id"] for a in report["articles"])
    assert story["independent_sources"] == 1
    again = runner.invoke(main, ["--db", db, "run", str(good_files), "--json", str(out)])
    assert "0 added" in again.output and "3 unchanged" in again.output
    assert [a["id"] for a in json.loads(out.read_text())["articles"]] == [a["id"] for a in report["articles"]]


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "parquet"])
def test_export_formats(runner, good_files: Path, tmp_path: Path, fmt: str) -> None:
    import duckdb

    db = str(tmp_path / "s.duckdb")
    runner.invoke(main, ["--db", db, "ingest", str(good_files)])
    target = tmp_path / f"export.{fmt}"
    result = runner.invoke(main, ["--db", db, "export", "--format", fmt, "-o", str(target)])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        validate_report(json.loads(target.read_text()))
    elif fmt == "jsonl":
        assert len([json.loads(line) for line in target.read_text().splitlines()]) == 3
    else:
        reader = "read_csv_auto" if fmt == "csv" else "read_parquet"
        rows = duckdb.sql(f"SELECT id, source, text FROM {reader}('{target}')").fetchall()
        assert len(rows) == 3 and all(ARTICLE_PARAGRAPHS[0] in text for _, _, text in rows)


def test_settings_file_and_flags(runner, good_files: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("corroborate.toml").write_text('db = "from-toml.duckdb"\nbatch_size = 2\n')
    assert runner.invoke(main, ["ingest", str(good_files)]).exit_code == 0
    assert Path("from-toml.duckdb").exists()
    Path("bad.toml").write_text("colour = 'blue'\n")
    result = runner.invoke(main, ["--config", "bad.toml", "articles"])
    assert result.exit_code == 2 and "unknown setting 'colour'" in result.output
    with Store.open("from-toml.duckdb", read_only=True) as store:
        (settings_json,) = store.con.execute("SELECT settings FROM runs").fetchone()
    assert json.loads(settings_json)["batch_size"] == 2  # the resolved settings are recorded with the run


def test_reading_a_missing_store_is_a_clear_error(runner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["--db", str(tmp_path / "none.duckdb"), "articles"])
    assert result.exit_code == 2 and "no store at" in result.output


def test_ingest_then_run_analyses_what_ingest_stored(runner, tmp_path: Path) -> None:
    from conftest import EXAMPLES

    db = str(tmp_path / "s.duckdb")
    assert runner.invoke(main, ["--db", db, "ingest", str(EXAMPLES / "wire.jsonl")]).exit_code == 0
    assert "0 stories" in runner.invoke(main, ["--db", db, "stories"]).output  # ingest alone does not analyse
    result = runner.invoke(main, ["--db", db, "run", str(EXAMPLES / "wire.jsonl")])
    assert result.exit_code == 0 and "4 unchanged" in result.output
    listing = runner.invoke(main, ["--db", db, "stories"]).output
    assert "0 stories" not in listing and "stories" in listing


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        ("2024-07-09T13:10:00Z", "2024-07-09 13:10 UTC"),
        ("2024-07-09T13:10:27.5Z", "2024-07-09 13:10 UTC"),
        ("2024-03-18", "2024-03-18"),
        ("2024-07-09T13:10:00+02:00", "2024-07-09T13:10:00+02:00"),  # an offset is kept as given
        (None, "—"),
    ],
)
def test_publication_times_read_as_a_reader_scans_them(stamp: str | None, shown: str) -> None:
    from corroborate.cli import _shown_time

    assert _shown_time(stamp) == shown
