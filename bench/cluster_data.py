"""Data loading, the scaling stream and clustering metrics for ``bench/clustering.py``.

Stdlib only on purpose: every benchmarked system runs in a fresh spawned child that re-imports this module,
so anything heavy imported here would be charged to every system's peak RSS.

The data is read from ``../shared`` (next to the repository), never copied into the repository.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Hashable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypedDict

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ECBPLUS = SHARED / "data" / "news-clustering" / "ecbplus" / "ecbplus_docs.jsonl"
ALLSIDES = SHARED / "data" / "mds" / "allsides_roundups_2021" / "stories.jsonl"


class Doc(TypedDict):
    """The document dict every system receives (the contract of ``cluster_texts``)."""

    id: str
    title: str | None
    text: str
    published: str | None


@dataclass
class Split:
    """Documents and their gold cluster labels, in the same order."""

    name: str
    docs: list[Doc]
    gold: list[str]

    def describe(self) -> str:
        return f"{len(self.docs)} docs, {len(set(self.gold))} gold clusters"


@dataclass
class Dataset:
    """A tuning split (for thresholds) and a test split (the one reported)."""

    name: str
    tune: Split
    test: Split
    note: str


def shared_missing() -> str | None:
    """Why the shared data cannot be used, or None when it is there."""
    for path in (ECBPLUS, ALLSIDES):
        if not path.is_file():
            return f"shared data not found: {path} (the bench reads ../shared next to the repository)"
    return None


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def ecb_doc(row: dict) -> Doc:
    """ECB+ has no title field: line 0 (usually the headline) becomes the title, the rest the text.

    The title is not repeated in the text, as in AllSides, where the body excerpt does not contain the
    headline. 60 of the 982 documents are a single line; their text is that line too, so no system ever
    gets an empty text.
    """
    lines = row["text"].split("\n")
    title = lines[0].strip()
    body = "\n".join(lines[1:]).strip()
    return Doc(id=row["doc_id"], title=title or None, text=body or title, published=None)


def load_ecbplus() -> Dataset:
    """ECB+ documents as event clusters: tune on train + dev, test on the usual test topics (36-45)."""
    rows = _read_jsonl(ECBPLUS)
    tune = [r for r in rows if r["split"] in ("train", "dev")]
    test = [r for r in rows if r["split"] == "test"]
    return Dataset(
        name="ecbplus",
        tune=Split("train+dev", [ecb_doc(r) for r in tune], [r["cluster_id"] for r in tune]),
        test=Split("test", [ecb_doc(r) for r in test], [r["cluster_id"] for r in test]),
        note="no dates (published=None); title = line 0, text = the other lines",
    )


def allsides_part(story_id: int | str) -> str:
    """Stable TUNE/TEST assignment of a story: sha1(str(id)) mod 10 < 3 -> tune (about 30%)."""
    return "tune" if int(hashlib.sha1(str(story_id).encode()).hexdigest(), 16) % 10 < 3 else "test"


def allsides_docs(stories: Sequence[dict]) -> tuple[list[Doc], list[str]]:
    """One document per article; gold cluster = story id; published = the story's date (date part)."""
    docs: list[Doc] = []
    gold: list[str] = []
    for story in stories:
        for i, art in enumerate(story["articles"]):
            docs.append(
                Doc(
                    id=f"{story['id']}-{i}",
                    title=(art.get("title") or "").strip() or None,
                    text=art.get("text") or "",
                    published=story["date"][:10] if story.get("date") else None,
                )
            )
            gold.append(str(story["id"]))
    return docs, gold


def load_allsides() -> Dataset:
    """AllSides 2021 roundups split by a stable hash of the story id into TUNE (~30%) and TEST."""
    stories = _read_jsonl(ALLSIDES)
    parts: dict[str, list[dict]] = {"tune": [], "test": []}
    for story in stories:
        parts[allsides_part(story["id"])].append(story)
    tune = Split("TUNE", *allsides_docs(parts["tune"]))
    test = Split("TEST", *allsides_docs(parts["test"]))

    def count(part: str) -> str:
        with_articles = sum(1 for s in parts[part] if s["articles"])
        return f"{len(parts[part])} stories ({with_articles} with articles)"

    return Dataset(
        name="allsides",
        tune=tune,
        test=test,
        note=(
            f"{len(stories)} stories split by sha1(id) mod 10 < 3: TUNE {count('tune')}, TEST {count('test')}; "
            "published = story date; gold = story id"
        ),
    )


LOADERS = {"ecbplus": load_ecbplus, "allsides": load_allsides}


# ---------------------------------------------------------------------------------------------- metrics


def _contingency(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[Counter, Counter, Counter]:
    if len(pred) != len(gold):
        raise ValueError(f"{len(pred)} predicted labels for {len(gold)} gold labels")
    return Counter(zip(pred, gold)), Counter(pred), Counter(gold)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall, F1 (Bagga & Baldwin 1998), averaged over items, each item counting itself.

    Per item i: P_i = |C(i) & G(i)| / |C(i)|, R_i = |C(i) & G(i)| / |G(i)|. Items sharing a (predicted,
    gold) cell share P_i and R_i, so the sums are taken over cells: P = 1/N * sum n_cg^2 / |C|.
    Singletons count: a predicted singleton has P_i = 1 and R_i = 1 / |G(i)|.
    """
    cells, pred_sizes, gold_sizes = _contingency(pred, gold)
    n = len(pred)
    if n == 0:
        return 0.0, 0.0, 0.0
    p = sum(k * k / pred_sizes[c] for (c, _), k in cells.items()) / n
    r = sum(k * k / gold_sizes[g] for (_, g), k in cells.items()) / n
    return p, r, _f1(p, r)


def pairwise(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """Pairwise precision, recall, F1 over unordered pairs of distinct items.

    P = pairs together in both / pairs together in the prediction; R = ... / pairs together in the gold.
    With no predicted pairs (all singletons) P is 1.0 by convention (nothing wrongly joined); likewise R
    when the gold has no pairs.
    """
    cells, pred_sizes, gold_sizes = _contingency(pred, gold)

    def pairs(counts: Counter) -> int:
        return sum(k * (k - 1) // 2 for k in counts.values())

    both, in_pred, in_gold = pairs(cells), pairs(pred_sizes), pairs(gold_sizes)
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return p, r, _f1(p, r)


def _bcubed_bruteforce(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """The definition written out item by item, O(n^2): a reference for the self-test only."""
    n = len(pred)
    ps, rs = 0.0, 0.0
    for i in range(n):
        same_c = {j for j in range(n) if pred[j] == pred[i]}
        same_g = {j for j in range(n) if gold[j] == gold[i]}
        ps += len(same_c & same_g) / len(same_c)
        rs += len(same_c & same_g) / len(same_g)
    return ps / n, rs / n, _f1(ps / n, rs / n)


def _pairwise_bruteforce(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    n = len(pred)
    both = in_pred = in_gold = 0
    for i in range(n):
        for j in range(i + 1, n):
            c, g = pred[i] == pred[j], gold[i] == gold[j]
            in_pred += c
            in_gold += g
            both += c and g
    p = both / in_pred if in_pred else 1.0
    r = both / in_gold if in_gold else 1.0
    return p, r, _f1(p, r)


def selftest() -> None:
    """Check the metrics on a hand-computed case, edge cases, and against the brute-force definitions.

    Hand case: gold A A A B B C, pred 1 1 1 1 2 2.
      B-cubed P = (3/4 * 3 + 1/4 + 1/2 + 1/2) / 6 = 7/12; R = (1 + 1 + 1 + 1/2 + 1/2 + 1) / 6 = 5/6;
      F1 = 35/51.  Pairs: predicted 6 + 1 = 7, gold 3 + 1 = 4, shared 3 -> P 3/7, R 3/4, F1 6/11.
    All in one cluster: B-cubed P = (3*3 + 2*2 + 1*1) / 36 = 7/18, R = 1, F1 = 14/25; pairs P = 4/15, F1 = 8/19.
    All singletons: B-cubed P = 1, R = (3 * 1/3 + 2 * 1/2 + 1) / 6 = 1/2; pairs P = 1 (no pairs), R = 0.
    """
    gold = ["A", "A", "A", "B", "B", "C"]
    pred = [1, 1, 1, 1, 2, 2]

    def close(got: tuple[float, ...], want: tuple[float, ...]) -> bool:
        return all(abs(a - b) < 1e-12 for a, b in zip(got, want, strict=True))

    checks = [
        ("bcubed hand case", bcubed(pred, gold), (7 / 12, 5 / 6, 35 / 51)),
        ("pairwise hand case", pairwise(pred, gold), (3 / 7, 3 / 4, 6 / 11)),
        ("bcubed perfect", bcubed(gold, gold), (1.0, 1.0, 1.0)),
        ("pairwise perfect", pairwise(gold, gold), (1.0, 1.0, 1.0)),
        ("bcubed all singletons", bcubed(list(range(6)), gold), (1.0, 0.5, 2 / 3)),
        ("pairwise all singletons", pairwise(list(range(6)), gold), (1.0, 0.0, 0.0)),
        ("bcubed one cluster", bcubed([0] * 6, gold), (7 / 18, 1.0, 14 / 25)),
        ("pairwise one cluster", pairwise([0] * 6, gold), (4 / 15, 1.0, 8 / 19)),
    ]
    rng = random.Random(0)
    for k in range(200):
        n = rng.randint(1, 25)
        g = [rng.randint(0, rng.randint(0, 6)) for _ in range(n)]
        c = [rng.randint(0, rng.randint(0, 8)) for _ in range(n)]
        checks.append((f"bcubed random #{k}", bcubed(c, g), _bcubed_bruteforce(c, g)))
        checks.append((f"pairwise random #{k}", pairwise(c, g), _pairwise_bruteforce(c, g)))
    failed = [f"{name}: got {got}, want {want}" for name, got, want in checks if not close(got, want)]
    if failed:
        raise AssertionError("metric self-test failed:\n" + "\n".join(failed))


# ----------------------------------------------------------------------------------------- scaling stream

_SENT = re.compile(r"(?<=[.!?])\s+|\n+")
_EPOCH = dt.date(2021, 4, 22)  # first AllSides story date; ECB+ clusters are spread over the same window
_WINDOW_DAYS = 180
COPY_SHIFT_DAYS = 60


def _stable_int(key: str) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest()[:12], 16)


@dataclass
class _Base:
    doc: Doc
    date: dt.date


def _stream_base() -> list[_Base]:
    """All ECB+ (every split) and AllSides articles with a date each.

    ECB+ has no dates, so each gold cluster gets a base date inside the AllSides window (stable hash of the
    cluster id) and each document 0-3 days after it, so an event's reports arrive together, as in news.
    """
    base: list[_Base] = []
    for row in _read_jsonl(ECBPLUS):
        day0 = _stable_int("cluster:" + row["cluster_id"]) % _WINDOW_DAYS
        date = _EPOCH + dt.timedelta(days=day0 + _stable_int("doc:" + row["doc_id"]) % 4)
        base.append(_Base(ecb_doc(row), date))
    docs, _ = allsides_docs(_read_jsonl(ALLSIDES))
    for doc in docs:
        assert doc["published"] is not None
        base.append(_Base(doc, dt.date.fromisoformat(doc["published"])))
    return base


def _perturb(text: str, seed: str) -> str:
    """Drop or swap one sentence (deterministic per copy and document), so replayed copies are not identical."""
    sents = [s for s in _SENT.split(text) if s.strip()]
    if len(sents) < 2:
        return text
    rng = random.Random(seed)
    i = rng.randrange(len(sents))
    if rng.random() < 0.5:
        del sents[i]
    else:
        j = (i + 1) % len(sents)
        sents[i], sents[j] = sents[j], sents[i]
    return "\n".join(sents)


def replay_stream(size: int, batch_size: int = 500) -> Iterator[list[Doc]]:
    """The first ``size`` articles, in date order, of an endless replay of ECB+ and AllSides, in batches.

    Copy k shifts every date by k * 60 days, suffixes ids with ``#k`` and (for k > 0) drops or swaps one
    sentence. Copies overlap in time (the window is 180 days), so old stories come back while new ones run.
    Only an index (date, copy, source) is sorted up front; documents are built batch by batch, so the
    clusterer under test, not the input, dominates the child's peak memory.
    """
    base = _stream_base()
    copies = -(-size // len(base)) + _WINDOW_DAYS // COPY_SHIFT_DAYS + 1  # enough that the date prefix is exact
    order = sorted(
        (b.date + dt.timedelta(days=k * COPY_SHIFT_DAYS), k, i) for k in range(copies) for i, b in enumerate(base)
    )[:size]
    for start in range(0, len(order), batch_size):
        batch: list[Doc] = []
        for date, k, i in order[start : start + batch_size]:
            src = base[i].doc
            text = src["text"] if k == 0 else _perturb(src["text"], f"{k}:{src['id']}")
            batch.append(Doc(id=f"{src['id']}#{k}", title=src["title"], text=text, published=date.isoformat()))
        yield batch
