"""Time expressions: corroborate's news-aware resolver against dateparser, on the example corpus gold, in one run.

    .venv/bin/python bench/timex.py

Gold: ``examples/corpus/gold.json`` "dates": each expression as written in an article ("late Monday", "on the
night of March 3", "last week", "el jueves", ...) and the calendar date it denotes, given the article's
publication date. Both systems resolve every expression in its article:

* ``corroborate``: ``corroborate.crosscheck.timex.find_times(article_text, published)``; the expression counts as
  right when a found expression covering it resolves to the gold date.
* ``dateparser``: ``dateparser.search.search_dates(article_text, settings={"RELATIVE_BASE": published,
  "PREFER_DATES_FROM": "past"}, languages=["en", "es"])`` on the same article text: right when a match covering
  the expression resolves to the gold date. A second row gives dateparser the expression alone (its easiest
  case: no competing matches in the text).

The corpus is small (44 expressions) and written by us; it checks the news conventions the resolver claims
(weekday before publication, future tense, "last week" as a week, year-less dates), not general accuracy.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


def main() -> int:
    from dateparser.search import search_dates

    from corroborate import service
    from corroborate.crosscheck.timex import find_times
    from corroborate.settings import Settings
    from test_example_corpus import EXAMPLES, article_key

    gold = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))["dates"]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db=str(Path(tmp) / "t.duckdb"))
        service.ingest([str(EXAMPLES)], settings, analysis=False)
        articles = {article_key(a): a for a in service.report(settings)["articles"]}

    def locate(text: str, expression: str) -> tuple[int, int]:
        i = text.lower().find(expression.lower())
        return (i, i + len(expression)) if i >= 0 else (-1, -1)

    rows = {"corroborate": 0, "dateparser (article text)": 0, "dateparser (expression alone)": 0}
    seconds = dict.fromkeys(rows, 0.0)
    misses: dict[str, list[str]] = {k: [] for k in rows}
    english = 0
    for g in gold:
        a = articles[g["article"]]
        text, published = a["text"], a["published"]
        start, end = locate(text, g["expression"])
        assert start >= 0, g
        english += a["language"] == "en"
        t0 = time.perf_counter()
        found = find_times(text, published)
        seconds["corroborate"] += time.perf_counter() - t0
        ok = any(t.start < end and start < t.end and t.date == g["resolves_to"] for t in found)
        rows["corroborate"] += ok
        if not ok:
            misses["corroborate"].append(f"{g['expression']} ({a['language']})")
        base = datetime.fromisoformat(published[:10])
        settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
        t0 = time.perf_counter()
        matches = search_dates(text, settings=settings, languages=["en", "es"]) or []
        seconds["dateparser (article text)"] += time.perf_counter() - t0
        ok = False
        pos = 0
        for phrase, when in matches:
            i = text.find(phrase, pos)
            if i < 0:
                i = text.find(phrase)
            pos = max(pos, i + 1)
            if i < end and start < i + len(phrase) and when.date().isoformat() == g["resolves_to"]:
                ok = True
        rows["dateparser (article text)"] += ok
        if not ok:
            misses["dateparser (article text)"].append(g["expression"])
        t0 = time.perf_counter()
        alone = search_dates(g["expression"], settings=settings, languages=["en", "es"]) or []
        seconds["dateparser (expression alone)"] += time.perf_counter() - t0
        ok = any(when.date().isoformat() == g["resolves_to"] for _, when in alone)
        rows["dateparser (expression alone)"] += ok
        if not ok:
            misses["dateparser (expression alone)"].append(g["expression"])
    n = len(gold)
    print(f"{n} gold expressions ({english} in English articles, {n - english} in Spanish)\n")
    print("| system | right | accuracy | seconds |")
    print("|---|---|---|---|")
    for name, right in rows.items():
        print(f"| {name} | {right}/{n} | {right / n:.3f} | {seconds[name]:.2f} |")
    for name, missed in misses.items():
        print(f"\n{name} misses: {', '.join(missed) or '-'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
