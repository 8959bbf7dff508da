"""The story brief: a faithful cited summary, each rendering, and hostile article text kept inert."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from corroborate import service
from corroborate.analyze.story import SourceText
from corroborate.brief.render import to_markdown
from corroborate.brief.summary import content_stems, summarize_story
from corroborate.cli import main
from corroborate.report import validate_report
from corroborate.settings import Settings

GOLD = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    db = tmp_path_factory.mktemp("brief") / "b.duckdb"
    settings = Settings(db=str(db))
    service.ingest([str(EXAMPLES)], settings)
    report = service.report(settings)
    return {"settings": settings, "report": report, "articles": {a["id"]: a for a in report["articles"]}}


def supported(sentence: str, article_text: str) -> bool:
    """Some sentence of the article holds at least half of the summary sentence's content words."""
    want = content_stems(sentence)
    return any(len(want & content_stems(s)) >= 0.5 * len(want) for s in re.split(r"(?<=[.!?”\"])\s+", article_text))


def test_every_summary_sentence_is_the_sources_own_words_and_cites_its_supporters(corpus) -> None:
    junk = {line for g in GOLD["articles"].values() for line in g.get("junk_lines", [])}
    multi_cited = 0
    for story in corpus["report"]["stories"]:
        english = [a for a in story["article_ids"] if corpus["articles"][a]["language"] == "en"]
        if not english:
            continue
        assert story["summary"], story["title"]
        words = sum(len(s["text"].split()) for s in story["summary"])
        assert words <= 100 + max(len(s["text"].split()) for s in story["summary"])  # the budget, give or take
        for s in story["summary"]:
            own = corpus["articles"][s["article_id"]]["text"]
            assert own[s["start"] : s["end"]] == s["text"]  # extractive: verbatim, with its offsets
            assert s["article_ids"][0] == s["article_id"]
            assert s["text"] not in junk
            for aid in s["article_ids"]:
                assert supported(s["text"], corpus["articles"][aid]["text"]), (s["text"], aid)
            multi_cited += len(s["article_ids"]) >= 2
    assert multi_cited >= 1
    validate_report(corpus["report"])


def test_copies_add_citations_never_candidates(corpus) -> None:
    for story in corpus["report"]["stories"]:
        texts = [s["text"] for s in story["summary"]]
        assert len(texts) == len(set(texts))
        for s in story["summary"]:
            source = corpus["articles"][s["article_id"]]
            assert source["duplicate_of"] is None or source["duplicate_of"] not in story["article_ids"]
    wire = next(a for a in corpus["report"]["articles"] if a["id"] == "cpa-2024-0305-001")
    copies = [a for a in corpus["report"]["articles"] if a["duplicate_of"] == wire["id"]]
    assert copies
    sources = [
        SourceText(a["id"], a["text"], a["source"], a["published"], group=a["syndication_group"])
        for a in [*copies, wire]  # the copies first: the original must still be the one quoted
    ]
    summary = summarize_story(sources, words=60)
    assert summary and all(s["article_id"] == wire["id"] for s in summary)
    for s in summary:
        assert {c["id"] for c in copies} <= set(s["article_ids"])  # each reprint cited beside it


def test_brief_sections_and_markdown(corpus) -> None:
    story = max(corpus["report"]["stories"], key=lambda s: len(s["article_ids"]))
    brief = service.get_brief(corpus["settings"], story["id"])
    assert brief["title"] == story["title"]
    assert [s["id"] for s in brief["sources"]] == story["article_ids"]
    assert brief["summary"] and all(s["cites"] for s in brief["summary"])
    assert all(f["sources"] >= 2 for f in brief["key_facts"])
    assert len(brief["coverage"]) == len(brief["sources"])
    for row in brief["coverage"]:
        assert sorted(row["reported"] + row["left_out"]) == list(range(len(brief["key_facts"])))
    md = to_markdown(brief)
    for heading in (
        "## Summary",
        "## Key facts",
        "## Contested",
        "## Who said what",
        "## Timeline",
        "## Coverage",
        "## Sources",
    ):
        assert heading in md
    assert re.search(r"\[\d+\]", md)


def test_brief_command_renders_each_format(corpus, tmp_path) -> None:
    story = corpus["report"]["stories"][0]
    db = corpus["settings"].db
    runner = CliRunner()
    term = runner.invoke(main, ["--db", db, "brief", story["id"][:8]], env={"COLUMNS": "160"})
    assert term.exit_code == 0, term.output
    assert "summary" in term.output and "sources" in term.output
    md_file = tmp_path / "b.md"
    res = runner.invoke(main, ["--db", db, "brief", story["id"], "--format", "markdown", "-o", str(md_file)])
    assert res.exit_code == 0 and md_file.read_text(encoding="utf-8").startswith("# ")
    res = runner.invoke(main, ["--db", db, "brief", story["id"], "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["id"] == story["id"]
    assert runner.invoke(main, ["--db", db, "brief", "s-nosuch"]).exit_code == 2


HOSTILE = """Hostile Harbour Gazette

<script>alert('pwned')</script> Officials said the harbour crane collapsed on Monday, injuring three workers
at the north pier.

The harbour authority said an image <img src=x onerror=alert(1)> showed the crane's base had cracked before
the collapse at the north pier.

Inspectors said the crane collapsed because of a cracked base, [click here](javascript:alert(1)) according to
the harbour authority.
"""
CALM = """Calm Coast Courier

Officials said the harbour crane collapsed on Monday, injuring three workers at the north pier of the port.

The harbour authority said the crane's base had cracked before the collapse at the north pier, according to an image.
"""


def parse_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element a browser would build from this HTML, with its attributes."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def test_hostile_article_text_stays_text_in_html_and_markdown(tmp_path) -> None:
    for outlet, text in (("gazette", HOSTILE), ("courier", CALM)):
        folder = tmp_path / "in" / outlet
        folder.mkdir(parents=True)
        (folder / "crane.txt").write_text(
            text.replace("Hostile Harbour Gazette", "Crane collapses at harbour"), encoding="utf-8"
        )
    settings = Settings(db=str(tmp_path / "h.duckdb"))
    result = CliRunner().invoke(
        main, ["--db", settings.db, "run", str(tmp_path / "in"), "--html", str(tmp_path / "site")]
    )
    assert result.exit_code == 0, result.output
    pages = list((tmp_path / "site").rglob("*.html"))
    assert any(p.parent.name == "stories" for p in pages)
    hostile_seen = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tags = parse_tags(html)
        assert "script" not in {t for t, _ in tags}
        assert not [(t, a) for t, attrs in tags for a, _ in attrs if a.startswith("on")]  # no event handlers
        assert not [
            v for _, attrs in tags for a, v in attrs if a == "href" and (v or "").lower().startswith("javascript:")
        ]
        hostile_seen |= "&lt;script&gt;" in html or "onerror=alert" in html
        assert "script-src" not in html and "default-src 'none'" in html  # the CSP forbids scripts anyway
    assert hostile_seen
    story_id = service.list_stories(settings)[0]["id"]
    md = to_markdown(service.get_brief(settings, story_id))
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md or "&lt;img" in md
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(javascript:", md)  # no live link: brackets are escaped
