"""Self-contained static HTML: an index, the brief of each story and each article; no external assets, works
from file://. Article text is untrusted: Jinja2 autoescaping is on and the pages forbid scripts (CSP)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

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
    return env


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
    for story in report["stories"]:
        brief = build_brief(story, by_id)
        html = story_tpl.render(
            brief=brief,
            generated_at=report.get("generated_at"),
            article_href=lambda i: "../articles/" + page_name("article", i),
        )
        (out / "stories" / page_name("story", story["id"])).write_text(html, encoding="utf-8")
    article_tpl = env.get_template("article.html")
    for article in report["articles"]:
        html = article_tpl.render(article=article, paragraphs=article["text"].split("\n\n"))
        (out / "articles" / page_name("article", article["id"])).write_text(html, encoding="utf-8")
    return out / "index.html"
