"""Global cleaning phase: lines that recur across many articles of one outlet are its page furniture.

Runs over the store after the map stages, for the outlets a run touched. A line already taken out by
this phase still counts, so the decision does not flip as articles arrive; reruns change nothing.
"""

from __future__ import annotations

from collections import defaultdict

from ..model import RemovedLine
from ..store import Store
from .boilerplate import line_key, remove_repeated, words

REASON_PREFIX = "repeated across articles of"


def remove_outlet_repeats(store: Store, sources: set[str], min_articles: int, max_words: int) -> int:
    """Remove outlet-level repeated lines from the articles of ``sources``; returns articles changed."""
    changed = 0
    for source in sorted(sources):
        rows = store.articles("source = ?", [source], order="id", columns=("id", "text", "removed"))
        if len(rows) < min_articles:
            continue
        holders: dict[str, set[str]] = defaultdict(set)
        for row in rows:
            lines = row["text"].split("\n\n") + [r["text"] for r in row["removed"]
                                                 if r["reason"].startswith(REASON_PREFIX)]
            for line in lines:
                if line and len(words(line)) <= max_words:
                    holders[line_key(line)].add(row["id"])
        repeated = {key for key, ids in holders.items() if key and len(ids) >= min_articles}
        if not repeated:
            continue
        reason = f"{REASON_PREFIX} {source} (outlet boilerplate)"
        for row in rows:
            text, removed = remove_repeated(row["text"], repeated, reason)
            if removed:
                previous = [RemovedLine(r["text"], r["reason"]) for r in row["removed"]]
                store.update_text(row["id"], text, previous + removed)
                changed += 1
    return changed
