"""Global cleaning phase: lines that recur across many articles of one outlet are its page furniture.

Runs over the store after the map stages, for the outlets a run touched. Versions and copies of one
text (articles sharing most of their lines) count once, so a paragraph an outlet reprints in an
update is content, not furniture. A line already taken out by this phase still counts, so the
decision does not flip as articles arrive; reruns change nothing.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import RemovedLine
from ..store import Store
from .boilerplate import line_key, remove_repeated, words

REASON_PREFIX = "repeated across articles of"


def remove_outlet_repeats(store: Store, sources: set[str], min_articles: int, max_words: int) -> list[str]:
    """Remove outlet-level repeated lines from the articles of ``sources``; returns the ids changed."""
    changed: list[str] = []
    for source in sorted(sources):
        rows = store.articles("source = ?", [source], order="id", columns=("id", "text", "removed"))
        if len(rows) < min_articles:
            continue
        holders: dict[str, set[str]] = defaultdict(set)
        signature: dict[str, str] = {}
        for row in rows:
            text_lines = [line for line in row["text"].split("\n\n") if line]
            lines = text_lines + [r["text"] for r in row["removed"] if r["reason"].startswith(REASON_PREFIX)]
            # Copies and versions of one text share their longest paragraph; distinct articles do not.
            signature[row["id"]] = line_key(max(text_lines, key=len)) if text_lines else row["id"]
            for line in lines:
                key = line_key(line)
                if key and len(words(line)) <= max_words:
                    holders[key].add(row["id"])
        repeated = {
            key
            for key, ids in holders.items()
            if len(ids) >= min_articles and len({signature[i] for i in ids}) >= min_articles
        }
        if not repeated:
            continue
        reason = f"{REASON_PREFIX} {source} (outlet boilerplate)"
        for row in rows:
            text, removed = remove_repeated(row["text"], repeated, reason)
            if removed:
                previous = [RemovedLine(r["text"], r["reason"]) for r in row["removed"]]
                store.update_text(row["id"], text, previous + removed)
                changed.append(row["id"])
    return changed
