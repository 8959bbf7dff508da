from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from corroborate.settings import Settings

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples" / "corpus"

ARTICLE_PARAGRAPHS = [
    "The harbour authority of Port Celan said on Monday that the dock strike had stopped all container traffic.",
    "Union leader Aleksei Dorin told reporters that the workers would not return until wages were raised by "
    "eight percent.",
    "The shipping ministry said the dispute had cost the port about 40 million euros so far.",
]


def page(
    title: str,
    paragraphs: list[str],
    site: str = "Harbor Ledger",
    date: str | None = "2024-03-05T08:30:00Z",
    url: str | None = "https://harbor-ledger.example/news/strike",
) -> str:
    """A realistic news page with navigation, sidebar and footer around the article."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    meta_date = f'<meta property="article:published_time" content="{date}">' if date else ""
    canonical = f'<link rel="canonical" href="{url}">' if url else ""
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title} | {site}</title>
<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">{meta_date}{canonical}
</head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/biz">Business</a>
</li></ul></nav><header><p>Subscribe to our newsletter</p></header>
<main><article><h1>{title}</h1>{body}</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Another story entirely about something</a></li></ul></aside>
<footer><p>© 2024 {site} Media. All rights reserved.</p></footer></body></html>"""


def warc_bytes(pages: list[tuple[str, str]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(html.encode("utf-8")), http_headers=headers)
        )
    return buffer.getvalue()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "store.duckdb"), batch_size=4)


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def good_files(tmp_path: Path) -> Path:
    """A folder with one article of each kind."""
    folder = tmp_path / "inputs"
    (folder / "harbor-ledger").mkdir(parents=True)
    (folder / "harbor-ledger" / "strike.txt").write_text(
        "Dock Strike Halts Port Celan\n\nDate: 2024-03-04\n\n" + "\n\n".join(ARTICLE_PARAGRAPHS) + "\n",
        encoding="utf-8",
    )
    (folder / "page.html").write_text(
        page("Port Celan strike enters second week", ARTICLE_PARAGRAPHS[::-1]), encoding="utf-8"
    )
    records = [
        {
            "id": "wire-1",
            "url": "https://wire.example/1",
            "source": "Continental Press",
            "title": "Strike",
            "published": "2024-03-06T10:00:00Z",
            "text": "\n\n".join(ARTICLE_PARAGRAPHS),
            "section": "business",
        }
    ]
    (folder / "wire.jsonl").write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    return folder


def gz(data: bytes) -> bytes:
    return gzip.compress(data)
