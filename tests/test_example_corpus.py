"""The bundled example corpus against its gold file: what a perfect ingest finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import EXAMPLES
from corroborate import service
from corroborate.settings import Settings

GOLD = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))


def article_key(article: dict, root: Path = EXAMPLES) -> str:
    rel = Path(article["path"]).resolve().relative_to(root.resolve()).as_posix()
    if rel.endswith(".jsonl"):
        return f"{rel}#{article['id']}"
    if rel.endswith((".rss", ".atom", ".warc.gz")):
        return f"{rel}#{article['url']}"
    return rel


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> dict[str, dict]:
    db = tmp_path_factory.mktemp("corpus") / "corpus.duckdb"
    result = service.ingest([str(EXAMPLES)], Settings(db=str(db)))
    assert result.rejects == [], result.rejects
    return {article_key(a): a for a in service.report(Settings(db=str(db)))["articles"]}


def test_every_gold_article_is_ingested_and_nothing_else(report) -> None:
    assert set(report) == set(GOLD["articles"])
    assert len(report) >= 15
    assert len({a["source"] for a in report.values()}) >= 6


@pytest.mark.parametrize("key", sorted(GOLD["articles"]))
def test_article_fields_and_cleaning_match_gold(report, key: str) -> None:
    gold, article = GOLD["articles"][key], report[key]
    assert article["source"] == gold["source"]
    assert article["title"] == gold["title"]
    if gold["published"]:
        assert article["published"][:10] == gold["published"]
        assert not article["published_inferred"]
    else:  # undated: the story analysis gives it a date, marked as inferred, within its story's dates
        assert article["published_inferred"] is True
        story_dates = [
            a["published"][:10]
            for k, a in report.items()
            if GOLD["articles"][k]["story"] == gold["story"] and not a["published_inferred"]
        ]
        assert min(story_dates) <= article["published"][:10] <= max(story_dates)
    assert article["language"] == gold["language"]
    removed = {r["text"] for r in article["removed"]}
    for junk in gold.get("junk_lines", []):
        assert junk not in article["text"], junk
    if key.endswith(".txt"):  # in HTML, trafilatura drops most page furniture before our cleaning sees it
        for line in gold.get("junk_lines", []):
            if not line.startswith(("By ", "Published:", "Date:")):  # header lines become fields, not removals
                assert any(line in r for r in removed), line
    for sentence in gold.get("must_keep", []):
        assert sentence in article["text"], sentence


def test_every_format_is_in_the_corpus(report) -> None:
    suffixes = {Path(k.split("#")[0]).name.split(".", 1)[-1] for k in report}
    assert {"txt", "html", "jsonl", "rss", "atom", "warc.gz"} <= suffixes
