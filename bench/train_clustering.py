"""Train the story clusterer's join decision and pick its threshold, on tuning data only.

    .venv/bin/python bench/train_clustering.py [--embedder static] [--write]

Pairs of documents from ECB+ train+dev and the AllSides TUNE part (see cluster_data.py) give a logistic
model over the pair features of corroborate.stories.cluster (term, entity and embedding cosines, time
decay). The merge threshold is the one that maximises the mean B-cubed F1 of the whole clusterer over
the two tuning sets. Test splits are never read here. ``--write`` stores the model in
src/corroborate/stories/join_model.json (the packaged default).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from cluster_data import bcubed, load_allsides, load_ecbplus, shared_missing  # noqa: E402
from corroborate.stories.cluster import (  # noqa: E402
    FEATURE_NAMES,
    ClusterParams,
    JoinModel,
    StoryClusterer,
    pair_features,
)
from corroborate.stories.evaluate import cluster_features, featurize  # noqa: E402

CACHE = ROOT / "bench" / "results"
TIE = 0.005
MODEL_PATH = ROOT / "src" / "corroborate" / "stories" / "join_model.json"


def cached_features(name: str, docs: list[dict], embedder: str):
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"features-{name}-{embedder}-fast.pkl"
    if path.exists():
        cached = pickle.loads(path.read_bytes())
        if [d["id"] for d in docs] == cached["ids"]:
            return cached["features"]
    started = time.perf_counter()
    features = featurize(docs, embedder)
    print(f"  features for {name}: {len(docs)} docs in {time.perf_counter() - started:.1f} s")
    path.write_bytes(pickle.dumps({"ids": [d["id"] for d in docs], "features": features}))
    return features


def pairs(docs: list[dict], features, gold: list[str], params: ClusterParams) -> tuple[np.ndarray, np.ndarray]:
    """All document pairs of one set, as the clusterer sees them inside one batch."""
    clusterer = StoryClusterer(params, JoinModel([0.0] * len(FEATURE_NAMES), 0.0, 0.5))
    batch = [(d["id"], d["published"], None, f) for d, f in zip(docs, features)]
    for *_, f in batch:
        clusterer.df.update(set(f.terms) | {"e:" + e for e in f.entities})
    clusterer.n_docs = len(batch)
    terms = clusterer._cosines([f.terms for f in features], "", len(features))
    entities = clusterer._cosines([f.entities for f in features], "e:", len(features))
    embedding = clusterer._embedding_cosines(batch, [])
    decay, dated = clusterer._time(batch, [])
    x = pair_features(terms, entities, embedding, decay, dated)
    g = np.asarray(gold)
    y = (g[:, None] == g[None, :]).astype(int)
    upper = np.triu_indices(len(docs), 1)
    return x[upper], y[upper]


def params_for(args: argparse.Namespace) -> ClusterParams:
    return ClusterParams(sigma_days=args.sigma, grace_days=args.grace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--embedder", default="static")
    parser.add_argument("--write", action="store_true", help="store the model as the packaged default")
    parser.add_argument("--sigma", type=float, default=ClusterParams.sigma_days, help="time decay sigma (days)")
    parser.add_argument("--grace", type=float, default=ClusterParams.grace_days, help="gap without decay (days)")
    args = parser.parse_args()
    if problem := shared_missing():
        sys.exit(problem)
    from sklearn.linear_model import LogisticRegression

    sets = {"ecbplus": load_ecbplus().tune, "allsides": load_allsides().tune}
    feats = {name: cached_features(f"{name}-tune", split.docs, args.embedder) for name, split in sets.items()}
    params = ClusterParams(sigma_days=args.sigma, grace_days=args.grace)
    xs, ys = zip(*(pairs(split.docs, feats[name], split.gold, params) for name, split in sets.items()))
    x, y = np.concatenate(xs), np.concatenate(ys)
    lr = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000).fit(x, y)
    print(f"trained on {len(y):,} pairs ({int(y.sum()):,} same-story)")
    for name, weight in zip(FEATURE_NAMES, lr.coef_[0]):
        print(f"  {name:16s} {weight:+.3f}")
    print(f"  {'intercept':16s} {lr.intercept_[0]:+.3f}")
    results = []
    for threshold in np.arange(0.50, 0.99, 0.025):
        model = JoinModel([float(c) for c in lr.coef_[0]], float(lr.intercept_[0]), float(threshold))
        scores = {}
        for name, split in sets.items():
            labels = cluster_features(
                split.docs, feats[name], ClusterParams(sigma_days=args.sigma, grace_days=args.grace), model
            )
            scores[name] = bcubed(labels, split.gold)[2]
        mean = sum(scores.values()) / len(scores)
        print(
            f"  threshold {threshold:.3f}: "
            + ", ".join(f"{k} B3 F1 {v:.3f}" for k, v in scores.items())
            + f", mean {mean:.3f}"
        )
        results.append((mean, model))
    # Among thresholds within TIE of the best tuning score, the lowest: it keeps long-running stories whole.
    top = max(mean for mean, _ in results)
    best = min((r for r in results if r[0] >= top - TIE), key=lambda r: r[1].threshold)
    print(f"chosen threshold {best[1].threshold:.3f} (mean tuning B-cubed F1 {best[0]:.3f}; best {top:.3f})")
    # Then the rescue of lone articles: the best tuning score; among equal scores, the highest (the least guessing).
    rescued = []
    for rescue in (None, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        model = JoinModel(best[1].coef, best[1].intercept, best[1].threshold, rescue)
        scores = {
            name: bcubed(cluster_features(split.docs, feats[name], params_for(args), model), split.gold)[2]
            for name, split in sets.items()
        }
        mean = sum(scores.values()) / len(scores)
        print(
            f"  rescue {rescue}: " + ", ".join(f"{k} B3 F1 {v:.3f}" for k, v in scores.items()) + f", mean {mean:.3f}"
        )
        rescued.append((mean, model))
    top = max(round(mean, 3) for mean, _ in rescued)
    best = max((r for r in rescued if round(r[0], 3) == top), key=lambda r: r[1].rescue or 1.0)
    print(f"chosen rescue {best[1].rescue} (mean tuning B-cubed F1 {best[0]:.3f})")
    if args.write:
        payload = {
            "features": list(FEATURE_NAMES),
            "coef": best[1].coef,
            "intercept": best[1].intercept,
            "threshold": round(best[1].threshold, 3),
            "rescue": best[1].rescue,
            "embedder": args.embedder,
            "sigma_days": args.sigma,
            "grace_days": args.grace,
            "trained_on": "ECB+ train+dev, AllSides 2021 TUNE part (bench/cluster_data.py)",
            "command": f"python bench/train_clustering.py --sigma {args.sigma} --grace {args.grace} --write",
        }
        MODEL_PATH.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {MODEL_PATH}")


if __name__ == "__main__":
    main()
