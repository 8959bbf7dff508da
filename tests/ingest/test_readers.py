"""Each reader turns its format into Articles (or named Rejects) through the ingest stages."""

from __future__ import annotations

import base64
import gzip
import json
import random
from pathlib import Path

from conftest import ARTICLE_PARAGRAPHS, page, warc_bytes
from corroborate.ingest import discover, read_files
from corroborate.model import Article, Reject
from corroborate.pipeline import LocalExecutor
from corroborate.settings import Settings
from corroborate.stages import ingest_stages


def process(paths: list[str], settings: Settings | None = None) -> tuple[list[Article], list[Reject]]:
    settings = settings or Settings()
    files, rejects = discover([str(p) for p in paths])
    executor = LocalExecutor(lambda: ingest_stages(settings), batch_size=3)
    articles: list[Article] = []
    out_rejects: list[Reject] = list(rejects)
    for batch in executor.run(read_files(files, settings)):
        articles += [i for i in batch if isinstance(i, Article)]
        out_rejects += [i for i in batch if isinstance(i, Reject)]
    return articles, out_rejects


def test_text_reader_takes_headline_date_header_and_folder_outlet(tmp_path: Path) -> None:
    folder = tmp_path / "north-star-daily"
    folder.mkdir()
    path = folder / "a.txt"
    path.write_text(
        "Published: March 4, 2024\nBy Jane Roe\n\nDock Strike Halts Port Celan\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS),
        encoding="utf-8",
    )
    (article,), rejects = process([path])
    assert rejects == []
    assert article.title == "Dock Strike Halts Port Celan"
    assert article.published == "2024-03-04"
    assert article.source == "north-star-daily"
    assert article.meta["author"] == "Jane Roe"
    assert article.text.split("\n\n") == ARTICLE_PARAGRAPHS
    assert article.origin.path == str(path) and article.origin.record is None
    assert article.raw == path.read_text(encoding="utf-8")
    assert article.language == "en"


def test_text_reader_lifts_a_date_glued_to_the_first_paragraph() -> None:
    fixture = Path(__file__).parent.parent / "fixtures" / "glued_date.txt"
    (article,), _ = process([fixture])
    assert article.published == "2023-06-07"
    assert article.title is None  # the first line is a paragraph, not a headline
    assert article.text.startswith("Amid a renewed appeal by the capital")
    assert "date 2023" not in article.text


def test_hard_wrapped_text_is_joined_into_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Port Strike Ends\n\n"
        "The harbour authority of Port Celan said on Monday that the dock\n"
        "strike had stopped all container traffic for nine days in a row,\n"
        "and that the backlog would take weeks to clear once the cranes\n"
        "were running again.\n\n"
        "Union leader Aleksei Dorin said the workers had accepted the new\n"
        "wage offer after a vote on Sunday evening.\n",
        encoding="utf-8",
    )
    (article,), _ = process([path])
    assert article.text.split("\n\n") == [
        "The harbour authority of Port Celan said on Monday that the dock strike had stopped all container traffic "
        "for nine days in a row, and that the backlog would take weeks to clear once the cranes were running again.",
        "Union leader Aleksei Dorin said the workers had accepted the new wage offer after a vote on Sunday evening.",
    ]


def test_html_reader_extracts_main_text_title_date_and_site_name(tmp_path: Path) -> None:
    path = tmp_path / "strike.html"
    path.write_text(page("Port Celan strike enters second week", ARTICLE_PARAGRAPHS), encoding="utf-8")
    (article,), rejects = process([path])
    assert rejects == []
    assert article.title == "Port Celan strike enters second week"
    assert article.published == "2024-03-05"
    assert article.url == "https://harbor-ledger.example/news/strike"
    assert article.source == "harbor-ledger.example"  # the URL's host comes before the site name
    assert all(p in article.text for p in ARTICLE_PARAGRAPHS)
    assert "Most read" not in article.text and "Subscribe" not in article.text
    assert "<p>" in article.raw  # the page itself is kept


def test_html_site_name_names_the_outlet_when_there_is_no_url(tmp_path: Path) -> None:
    path = tmp_path / "strike.html"
    path.write_text(page("Port Celan strike", ARTICLE_PARAGRAPHS, url=None, site="The Harbor Ledger"), encoding="utf-8")
    (article,), _ = process([path])
    assert article.source == "The Harbor Ledger"


def test_html_page_without_article_is_rejected_by_name(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    articles, (reject,) = process([path])
    assert articles == []
    assert reject.origin.path == str(path)
    assert "no article text" in reject.reason


def test_jsonl_reader_keeps_id_meta_and_reports_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    good = {
        "id": "cpa-1",
        "url": "https://wire.example/a?utm_source=x",
        "source": "Continental Press",
        "title": "Port strike",
        "published": "2024-03-06T10:00:00+01:00",
        "text": "\n\n".join(ARTICLE_PARAGRAPHS),
        "section": "business",
        "byline": "J. Roe",
    }
    html_record = {
        "url": "https://wire.example/b",
        "source": "Continental Press",
        "title": "Second",
        "html": "<p>" + "</p><p>".join(ARTICLE_PARAGRAPHS) + "</p>",
    }
    path.write_text(
        "\n".join(
            [json.dumps(good), "{not json", "", json.dumps([1, 2]), json.dumps({"id": "x"}), json.dumps(html_record)]
        )
        + "\n",
        encoding="utf-8",
    )
    articles, rejects = process([path])
    assert [a.given_id for a in articles] == ["cpa-1", None]
    first = articles[0]
    assert first.meta["section"] == "business" and first.meta["byline"] == "J. Roe"
    assert first.published == "2024-03-06T09:00:00Z"
    assert first.origin.record == 1
    assert articles[1].text.split("\n\n") == ARTICLE_PARAGRAPHS
    assert {(r.origin.record, r.reason.split(":")[0]) for r in rejects} == {
        (2, "malformed JSON"),
        (4, "a record must be a JSON object, got list"),
        (5, "record has neither a 'text' nor an 'html' string field"),
    }


def test_warc_reader_reads_html_responses_and_names_truncation(tmp_path: Path) -> None:
    pages = [
        (f"https://harbor-ledger.example/news/{i}", page(f"Story number {i}", ARTICLE_PARAGRAPHS)) for i in range(3)
    ]
    data = warc_bytes(pages)
    good = tmp_path / "crawl.warc.gz"
    good.write_bytes(data)
    articles, rejects = process([good])
    assert rejects == []
    assert [a.url for a in articles] == [u for u, _ in pages]
    assert [a.origin.record for a in articles] == [1, 2, 3]

    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[:-50])  # a download cut inside the last record
    articles, rejects = process([broken])
    assert [a.url for a in articles] == [u for u, _ in pages[:2]]  # the cut record is dropped, not half-read
    (reject,) = rejects
    assert reject.origin.path == str(broken)
    assert "truncated or corrupt WARC" in reject.reason


def test_warc_record_warcio_cannot_parse_is_named_and_the_records_before_it_kept(tmp_path: Path) -> None:
    pages = [
        (f"https://harbor-ledger.example/news/{i}", page(f"Story number {i}", ARTICLE_PARAGRAPHS)) for i in range(2)
    ]
    no_uri = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 5\r\n\r\nabcde\r\n\r\n"  # no WARC-Target-URI
    path = tmp_path / "crawl.warc"
    path.write_bytes(gzip.decompress(warc_bytes(pages)) + no_uri)
    articles, rejects = process([path])
    assert [a.url for a in articles] == [u for u, _ in pages]
    (reject,) = rejects
    assert reject.origin.path == str(path) and reject.origin.record == 3
    assert "truncated or corrupt WARC after record 2: malformed record headers" in reject.reason


def test_text_of_no_language_is_rejected_not_stored(tmp_path: Path) -> None:
    blob = base64.b64encode(random.Random(5).randbytes(30_000)).decode()
    (tmp_path / "dump.txt").write_text("\n".join(blob[i : i + 76] for i in range(0, len(blob), 76)), encoding="utf-8")
    (tmp_path / "story.txt").write_text("\n\n".join(ARTICLE_PARAGRAPHS), encoding="utf-8")
    articles, rejects = process([tmp_path])
    assert [Path(a.origin.path).name for a in articles] == ["story.txt"]
    (reject,) = rejects
    assert Path(reject.origin.path).name == "dump.txt" and reject.reason.startswith("no prose:")


RSS = """<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Harbor Ledger</title><link>https://harbor-ledger.example/</link><description>d</description>
<item><title>Strike halts port</title><link>https://harbor-ledger.example/1</link>
<pubDate>Tue, 05 Mar 2024 09:00:00 GMT</pubDate><guid>h-1</guid>
<content:encoded><![CDATA[{body}]]></content:encoded></item>
<item><title>Empty</title><link>https://harbor-ledger.example/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Lakeside Wire</title><id>urn:x</id>
<updated>2024-03-05T00:00:00Z</updated>
<entry><title>Strike day two</title><link href="https://lakeside.example/2"/><id>urn:2</id>
<updated>2024-03-06T12:00:00Z</updated><content type="html">{body}</content></entry></feed>"""


def test_rss_and_atom_entries_become_articles(tmp_path: Path) -> None:
    from html import escape

    body = "".join(f"<p>{p}</p>" for p in ARTICLE_PARAGRAPHS)
    (tmp_path / "h.rss").write_text(RSS.format(body=body), encoding="utf-8")
    (tmp_path / "l.atom").write_text(ATOM.format(body=escape(body)), encoding="utf-8")
    articles, rejects = process([tmp_path])
    by_source = {a.source: a for a in articles}
    assert set(by_source) == {"Harbor Ledger", "Lakeside Wire"}
    rss = by_source["Harbor Ledger"]
    assert rss.title == "Strike halts port" and rss.published == "2024-03-05T09:00:00Z"
    assert rss.text.split("\n\n") == ARTICLE_PARAGRAPHS
    assert "<item>" in rss.raw
    assert by_source["Lakeside Wire"].published == "2024-03-06T12:00:00Z"
    (reject,) = rejects
    assert reject.origin.record == 2 and "no content" in reject.reason


def test_wrong_charset_is_detected_not_rejected(tmp_path: Path) -> None:
    text = (
        "Grève au port de Célan\n\n" + "Les dockers de Célan ont cessé le travail lundi matin, a déclaré "
        "le syndicat, qui réclame une hausse des salaires de huit pour cent. " * 3
    )
    path = tmp_path / "latin.txt"
    path.write_bytes(text.encode("cp1252"))
    (article,), rejects = process([path])
    assert rejects == []
    assert "Célan" in article.text
    assert article.language == "fr"


def test_jsonl_record_with_an_empty_text_is_rejected_for_that_reason(tmp_path: Path) -> None:
    """A headline with an empty body (1 in 16 of ECB+ as JSONL) was rejected as "HTML extraction failed: TypeError:
    argument of type 'NoneType' is not iterable", a reason no user can act on."""
    path = tmp_path / "headlines.jsonl"
    records = [
        {"id": "h-1", "title": "A bomb exploded Friday at a bank branch in Woodburn, Oregon.", "text": ""},
        {"id": "h-2", "title": "Second headline", "text": "  \n", "html": " "},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles, rejects = process([path])
    assert articles == []
    assert [(r.origin.record, r.reason) for r in rejects] == [
        (1, "record has no article text: its 'text' is empty and it has no 'html'"),
        (2, "record has no article text: its 'text' and 'html' are empty"),
    ]


def test_jsonl_record_with_a_non_string_text_reads_its_html(tmp_path: Path) -> None:
    """The empty-text check must not stop the file: a record whose "text" is a number and whose "html" holds the
    article is read from its html, and the records after it are read too."""
    path = tmp_path / "mixed.jsonl"
    records = [
        {"id": "n-1", "text": 5, "html": "<p>" + "</p><p>".join(ARTICLE_PARAGRAPHS) + "</p>"},
        {"id": "n-2", "text": "\n\n".join(ARTICLE_PARAGRAPHS)},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles, rejects = process([path])
    assert rejects == []
    assert [a.given_id for a in articles] == ["n-1", "n-2"]
    assert articles[0].text.split("\n\n") == ARTICLE_PARAGRAPHS
