"""Self-contained static HTML: an index, the brief of each story and each article; no external assets, works
from file://. Article text is untrusted: Jinja2 autoescaping is on and the pages forbid scripts (CSP)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 article", "2 articles", "1 story", "3 stories": a count a reader sees, in the singular for one
    (``plural`` where adding an "s" is wrong)."""
    return f"{n} {noun}" if n == 1 else f"{n} {plural or noun + 's'}"


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("corroborate.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["counted"] = counted  # {{ n|counted("article") }}
    from ..brief.render import quoted, timeline_date

    env.filters["timeline_date"] = timeline_date  # {{ entry|timeline_date }}: "week of 2020-09-28"
    env.filters["quoted"] = quoted  # {{ sentence|quoted }}: in quotation marks, its own quotations in single ones
    env.filters["marking"] = marking  # {{ entry.text|marking(entry.expression) }}: the words that date it marked
    from ..brief.build import anchor_id, statement_words

    env.filters["said_words"] = statement_words  # {{ s|said_words }}: a statement without its narration
    env.globals["anchor_id"] = anchor_id  # anchor_id(brief.anchors, article_id, start, end) -> "at-12-80" or None
    return env


def marking(text: str, words: str | None) -> Markup:
    """``text`` escaped, with the first occurrence of ``words`` in a ``<mark class="when">``: which of a sentence's
    days a timeline entry is ("... unveiled the legislation Friday to create a commission that would issue a
    report <mark>by Dec. 31</mark>")."""
    from ..brief.render import marked

    return Markup(marked({"text": text, "expression": words}, escape, Markup('<mark class="when">'), Markup("</mark>")))


def passages(
    text: str, anchors: list[list[Any]], marks: list[tuple[int, int, str]] = ()
) -> list[tuple[str | None, list[tuple[str, str | None]]]]:
    """An article's text as ``(anchor id or None, [(piece, css class or None), ...])`` runs: each cited passage
    (``anchors``: ``[start, end, id]``, in order, not overlapping) is one run a citation can link to, and the
    ``marks`` (statements, claims) are cut at the runs' edges so that no element spans two."""
    runs: list[tuple[str | None, int, int]] = []
    pos = 0
    for start, end, name in anchors:
        if start < pos or end > len(text):
            continue
        if start > pos:
            runs.append((None, pos, start))
        runs.append((name, start, end))
        pos = end
    runs.append((None, pos, len(text)))
    out = []
    for name, start, end in runs:
        if start >= end:
            continue
        inside = [(max(s, start) - start, min(e, end) - start, c) for s, e, c in marks if s < end and start < e]
        out.append((name, _cut_at_marks(text[start:end], inside)))
    return out


def _cut_at_marks(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The text cut into (piece, css class or None) so that marks never nest: earlier spans win overlaps."""
    spans = sorted((s, e, c) for s, e, c in spans if 0 <= s < e <= len(text))
    out: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, cls in spans:
        if start < pos:
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], cls))
        pos = end
    out.append((text[pos:], None))
    return [(t, c) for t, c in out if t]


def page_name(kind: str, item_id: str) -> str:
    """A file name that cannot escape the output folder, whatever the id holds."""
    return f"{kind}-{_SAFE_ID.sub('_', item_id)}.html"


def write_site(report: dict[str, Any], out_dir: str | Path) -> Path:
    out = Path(out_dir)
    (out / "articles").mkdir(parents=True, exist_ok=True)
    env = environment()
    env.globals["page_name"] = page_name
    index = env.get_template("index.html").render(report=report, articles=report["articles"], stories=report["stories"])
    (out / "index.html").write_text(index, encoding="utf-8")
    from ..brief.build import build_brief

    (out / "stories").mkdir(exist_ok=True)
    by_id = {a["id"]: a for a in report["articles"]}
    story_tpl = env.get_template("story.html")
    anchors: dict[str, list[list[Any]]] = {}  # an article is in one story: its brief names what its page marks
    for story in report["stories"]:
        brief = build_brief(story, by_id)
        anchors.update(brief["anchors"])
        html = story_tpl.render(
            brief=brief,
            generated_at=report.get("generated_at"),
            article_href=lambda i: "../articles/" + page_name("article", i),
        )
        (out / "stories" / page_name("story", story["id"])).write_text(html, encoding="utf-8")
    article_tpl = env.get_template("article.html")
    for article in report["articles"]:
        runs = passages(article["text"], anchors.get(article["id"], []))
        html = article_tpl.render(article=article, runs=runs)
        (out / "articles" / page_name("article", article["id"])).write_text(html, encoding="utf-8")
    return out / "index.html"
