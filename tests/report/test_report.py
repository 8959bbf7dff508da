"""The report contract and its static HTML rendering, including hostile article text."""

from __future__ import annotations

import copy
from pathlib import Path

import jsonschema
import pytest

from conftest import ARTICLE_PARAGRAPHS
from corroborate import service
from corroborate.report import report_schema, validate_report
from corroborate.settings import Settings

HOSTILE = '<script>alert("x")</script> and <img src=x onerror=alert(1)> inside the article text, said the hacker.'


def test_schema_requires_contract_fields(good_files: Path, settings: Settings) -> None:
    service.ingest([str(good_files)], settings)
    report = service.report(settings)
    validate_report(report)
    assert report_schema()["title"] == "corroborate.report/1"
    broken = copy.deepcopy(report)
    del broken["articles"][0]["removed"]
    with pytest.raises(jsonschema.ValidationError):
        validate_report(broken)
    broken = copy.deepcopy(report)
    broken["articles"][0]["published"] = "last Tuesday"
    with pytest.raises(jsonschema.ValidationError):
        validate_report(broken)


def test_html_site_escapes_hostile_article_text(tmp_path: Path, settings: Settings) -> None:
    folder = tmp_path / "in" / "evil-news"
    folder.mkdir(parents=True)
    (folder / "x.txt").write_text(
        "Headline <b onmouseover=alert(2)>bold</b>\n\n" + HOSTILE + "\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS)
    )
    result = service.run([str(tmp_path / "in")], settings, html_dir=str(tmp_path / "site"))
    index = result.html_path.read_text()
    (page,) = list((tmp_path / "site" / "articles").glob("*.html"))
    html = page.read_text()
    for doc in (index, html):
        assert "<script>alert" not in doc and "<img src=x" not in doc and "<b onmouseover" not in doc
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert "Content-Security-Policy" in html and "http" not in html.split("<body>")[0].replace("http-equiv", "")


def test_a_story_spans_the_inferred_date_of_its_undated_article(tmp_path: Path, settings: Settings) -> None:
    import json

    body = "\n\n".join(ARTICLE_PARAGRAPHS)
    later = "On March 14, 2024, the dock strike at Port Celan entered its third week.\n\n" + body
    records = [
        {"id": "a", "source": "Harbor Ledger", "title": "Dock strike", "published": "2024-03-04", "text": body},
        {"id": "b", "source": "Port Daily", "title": "Port strike", "published": "2024-03-05", "text": body},
        {"id": "c", "source": "Coast Herald", "title": "Strike goes on", "text": later},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    service.run([str(path)], settings)
    report = service.report(settings)
    undated = next(a for a in report["articles"] if a["source"] == "Coast Herald")
    assert undated["published_inferred"] and undated["published"][:10] == "2024-03-14"
    (story,) = [s for s in report["stories"] if undated["id"] in s["article_ids"]]
    assert len(story["article_ids"]) == 3
    assert story["first_published"][:10] == "2024-03-04" and story["last_published"][:10] == "2024-03-14"


def test_the_index_counts_in_the_singular_and_names_an_untitled_article_by_whole_words(
    tmp_path: Path, settings: Settings
) -> None:
    import json

    body = "\n\n".join(ARTICLE_PARAGRAPHS)
    record = {"id": "a", "source": "Harbor Ledger", "published": "2024-03-04", "html": f"<p>{body}</p>"}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n")
    result = service.run([str(path)], settings, html_dir=str(tmp_path / "site"))
    index = result.html_path.read_text()
    assert "1 article, 1 story." in index  # not "1 articles, 1 stories"
    assert "1 article, 1 independent source," in index
    (story_page,) = list((tmp_path / "site" / "stories").glob("*.html"))
    assert "1 article · 1 independent source" in story_page.read_text()
    (article,) = service.report(settings)["articles"]
    assert not article["title"]
    opening = article["text"][:60].rsplit(" ", 1)[0]
    assert f"(no title) “{opening}" in index and "…”" in index  # its opening words, not cut mid-word
