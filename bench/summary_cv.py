"""A steadier estimate of one summary choice on the training stories (never NeuS test).

    .venv/bin/python bench/summary_cv.py [--reshuffles 3] [--variant '{"distinct": false}']

The AllSides 2021 stories of ``bench/learn_summary.py`` (outside NeuS test, references cut to their leading
sentences within 65 words) are split into 5 folds, ``--reshuffles`` times over; on each split the logistic scorer
is refitted on four folds (the shipped label and C: precision, 10) and the fifth is summarised twice on the same
fit, with the shipped selection (``summary_model.json``) and with it changed by ``--variant``: a paired comparison,
so the fit's own noise cancels. Prints mean ROUGE-1 / 2 / Lsum (60 words) and their sum for each, and how many
summaries differ. The parse is cached as in ``learn_summary.py`` (``--cache``).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import learn_summary as L  # noqa: E402
from corroborate.brief import summary as S  # noqa: E402
from tune_summary import ALLSIDES  # noqa: E402

FOLDS = 5


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reshuffles", type=int, default=3)
    ap.add_argument("--variant", default='{"distinct": false}', help="JSON: selection settings to change")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/learn_summary.spacy"), help="spaCy parse cache")
    args = ap.parse_args(argv)
    if not ALLSIDES.exists():
        print(f"summary_cv: {ALLSIDES} not found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    stories = L.load_stories(args.cache)
    shipped = dict(S.summary_model()["select"])
    variants = {"shipped": shipped, "variant": {**shipped, **json.loads(args.variant)}}
    print(f"{len(stories)} stories ({time.perf_counter() - t0:.0f} s); variant: {variants['variant']}")
    total = {k: np.zeros(3) for k in variants}
    n = differ = 0
    for r in range(args.reshuffles):
        order = list(range(len(stories)))
        random.Random(100 + r).shuffle(order)
        for f in range(FOLDS):
            held = [stories[i] for k, i in enumerate(order) if k % FOLDS == f]
            model = L.fit_model([stories[i] for k, i in enumerate(order) if k % FOLDS != f], "precision", 10.0)
            for s in held:
                if not s.candidates:
                    continue
                scores = S.learned_scores(s.x.tolist(), model)
                texts = {k: s.summary(scores, sel) for k, sel in variants.items()}
                for k in variants:
                    total[k] += s.rouge(texts[k])
                differ += texts["shipped"] != texts["variant"]
                n += 1
        print(f"reshuffle {r}: " + ", ".join(f"{k} {float(v.sum() / n):.2f}" for k, v in total.items()), flush=True)
    for k, v in total.items():
        v = v / n
        print(f"{k:8} R1 {v[0]:.2f}  R2 {v[1]:.2f}  RLsum {v[2]:.2f}  sum {v.sum():.2f}")
    print(f"summaries that differ: {differ} of {n}; {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
