"""HTML to text: trafilatura for whole pages (under a timeout), lxml for article-body fragments."""

from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..dates import parse_published

_BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "figcaption",
    "tr",
    "section",
    "article",
    "header",
    "footer",
    "pre",
    "dd",
    "dt",
    "ul",
    "ol",
    "table",
    "figure",
    "hr",
}


class ExtractionTimeout(Exception):
    pass


class NoArticle(ValueError):
    """The page holds no article text."""


@dataclass(slots=True)
class Extracted:
    text: str
    title: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None
    author: str | None = None


@contextmanager
def time_limit(seconds: float):
    """Raise ExtractionTimeout after ``seconds`` (main thread only; elsewhere no limit can be set)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def _expired(signum, frame):
        raise ExtractionTimeout(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract_page(html: str, url: str | None, timeout_s: float) -> Extracted:
    """Main text with trafilatura; only the metadata we use (title, date via htmldate, site name, URL).

    trafilatura's full metadata pass also hunts authors, categories, tags and licences in the page body,
    which costs a third of the extraction time; we take its cheaper helpers for the fields we store.
    """
    import trafilatura
    from trafilatura.utils import load_html

    with time_limit(timeout_s):
        tree = load_html(html)
        if tree is None:
            raise NoArticle("not parseable as HTML")
        meta = page_metadata(tree, url)
        doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, include_tables=False)
    if doc is None or not (doc.text or "").strip():
        raise NoArticle("no article text found in the HTML page")
    return Extracted(
        text=doc.text,
        title=meta.title or doc.title or None,
        published=parse_published(meta.date) if meta.date else None,
        sitename=_clean_sitename(meta.sitename),
        url=meta.url or None,
        author=meta.author or None,
    )


def page_metadata(tree, url: str | None):
    """Title, site name, canonical URL, meta author and publication date (htmldate) of a parsed page."""
    from htmldate import find_date
    from trafilatura.metadata import examine_meta, extract_meta_json, extract_sitename, extract_title, extract_url

    meta = examine_meta(tree)
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - broken JSON-LD must not lose the page
        pass
    meta.title = meta.title or extract_title(tree)
    meta.url = meta.url or extract_url(tree, url)
    meta.sitename = meta.sitename or extract_sitename(tree)
    meta.date = find_date(tree, extensive_search=True, original_date=True, url=meta.url)
    return meta


def _clean_sitename(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip()
    if name.startswith("@"):  # a Twitter handle, not a site name
        return None
    return name or None


def fragment_to_text(html: str) -> str:
    """Paragraphs of an HTML fragment (feed entry content), one per line."""
    import lxml.html

    if "<" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception as exc:  # noqa: BLE001 - lxml raises several types on junk
        raise NoArticle(f"unparseable HTML fragment: {exc}") from exc
    for bad in root.xpath(".//script|.//style|.//noscript|.//iframe"):
        bad.drop_tree()
    parts: list[str] = []
    _walk(root, parts)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def _walk(el, parts: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    block = tag.lower() in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if el.text and tag:
        parts.append(el.text)
    for child in el:
        _walk(child, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host or None
