"""Learn the summary's sentence scorer on AllSides 2021 roundups that are NOT in NeuS test (never on NeuS test).

    .venv/bin/python bench/learn_summary.py [--write] [--cache /tmp/learn_summary.spacy] [--ref-words 65]

Data: the stories ``bench/tune_summary.py`` ``load()`` keeps (``../shared/data/mds/allsides_roundups_2021``,
>= 2 article excerpts, ``neus_overlap`` naming no NeuS test line); reference = the roundup's neutral summary,
its leading sentences within ``--ref-words`` (65): these 2021 roundups run to ~110 words, the NeuS roundups
the benchmark scores against to 55 (median, its README), and a 60-word summary is fitted to the short form.
Each article is a ``SourceText`` with its headline as ``title`` (as the benchmark gives NeuS test articles).

1. Candidates and features come from the product itself (``corroborate.brief.summary._prepare``: the same
   filters, support sets and ``FEATURES`` rows), with term weights from the document frequencies of every
   loaded article, as ``bench/summary.py`` gives them.
2. Labels: each candidate's ROUGE against the reference on its own (rouge-score, stemming). ``precision``: a
   candidate is positive when its ROUGE-1 + ROUGE-2 precision (the share of its words and word pairs the
   reference uses: what a sentence gives per word of the budget) is above its story's median;
   ``top2_precision``: among its story's two best by that precision; ``top2_f``: among its story's two best by
   ROUGE-1 + ROUGE-2 F (which favours long sentences: a long sentence recalls more of a long reference).
3. Model: a logistic regression (scikit-learn, here only: the product multiplies the exported weights) over
   standardised features. A fixed 20 % of the stories is held out. On the other 80 %, the label, the
   regularisation ``C`` and how sentences are picked are chosen by 5-fold cross-validation: the covering
   selection (``select_covering``: its score weight, word weight and number of candidates) or MMR (``select``:
   diversity, redundancy cut-off, budget-fit discount and stopping score, no sentence after the first scoring
   under it) (a model fitted on four folds picks summaries for the fifth, scored like
   ``bench/summary.py``: cut to 60 words, mean ROUGE-1 + ROUGE-2 + ROUGE-Lsum F). The chosen setting, fitted on
   the 80 %, is then compared with the hand-set scorer (``Weights(learned=False)``) on the held-out 20 %, and
   finally refitted on every story and written to ``src/corroborate/brief/summary_model.json`` with
   ``--write``, with both sets of figures.

The parse is cached with ``--cache`` (a DocBin; keep it outside the repository: the texts are copyrighted).
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import summary_data as sd  # noqa: E402
from corroborate.analyze.story import SourceText  # noqa: E402
from corroborate.brief import summary as S  # noqa: E402
from corroborate.nlp import load_spacy  # noqa: E402
from tune_summary import ALLSIDES, load  # noqa: E402

OUT = ROOT / "src" / "corroborate" / "brief" / "summary_model.json"
WORDS = 60
FOLDS = 5
HELD_OUT = 0.2
SEED = 13
LABELS = ("precision", "top2_precision", "top2_f")
C_GRID = (0.1, 1.0, 10.0)
DIVERSITY = (0.15, 0.3, 0.45)
REDUNDANT = (0.5, 0.6, 0.7)
FIT = (0.0, 0.3)
# AllSides 2021 roundups run to ~110 words (median 113); the NeuS roundups the benchmark scores against are
# shorter (its README: mean 66, median 55 words), so training references keep their leading sentences within
# this many words: the summary is fitted to what a ~60-word roundup says.
REF_WORDS = 65
STOP = (0.0, 0.3, 0.4, 0.5, 0.6)  # no sentence after the first scoring under this (0: fill the budget)
# the covering selection (summary.select_covering): weight of the mean score beside the leads' coverage, weight of
# word overlap beside word-pair overlap, redundancy cut-off (1: none); leads cut at LEAD_WORDS, TOP candidates
# (weights 0.05 / 0.15 / 0.5, word weight 2, 12 candidates and a redundancy cut-off of 0.6 were tried and never chosen)
COVER_WEIGHT = (0.1, 0.2, 0.3)
COVER_UNIGRAM = (0.5, 1.0)
COVER_REDUNDANT = (1.0,)
LEAD_WORDS = 100
TOP = (6, 7, 8)


def parse(texts: list[str], cache: Path | None) -> list:
    nlp = load_spacy()
    if cache is not None and cache.is_file():
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(texts) and all(d.text == t for d, t in zip(docs, texts)):
            return docs
    docs = list(nlp.pipe(texts, batch_size=16))
    if cache is not None:
        from spacy.tokens import DocBin

        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return docs


class Story:
    """One training story: its candidates, their vectors, feature rows and labels, and its reference."""

    def __init__(self, sid, sources, docs, ref_sents, freqs, weights: S.Weights | None = None) -> None:
        self.id = sid
        self.ref = ref_sents
        self.candidates, self.vectors, rows = S._prepare(sources, docs, weights or S.Weights(), freqs)
        self.leads = S.lead_grams(sources, docs, LEAD_WORDS)
        self.x = np.asarray(rows, dtype=float).reshape(len(rows), len(S.FEATURES))
        ref = "\n".join(ref_sents)
        own = [sd.scorer().score(ref, c.text) for c in self.candidates]
        f12 = np.asarray([r["rouge1"].fmeasure + r["rouge2"].fmeasure for r in own])
        p12 = np.asarray([r["rouge1"].precision + r["rouge2"].precision for r in own])
        self.labels = {
            "precision": (p12 > np.median(p12)).astype(float) if len(p12) else p12,
            "top2_precision": self._top(p12, 2),
            "top2_f": self._top(f12, 2),
        }

    @staticmethod
    def _top(gain: np.ndarray, k: int) -> np.ndarray:
        y = np.zeros(len(gain))
        y[np.argsort(-gain, kind="stable")[:k]] = 1
        return y

    def summary(self, scores, sel: dict) -> list[str]:
        """The summary ``sel`` picks (``S.pick_sentences``: "cover" or "mmr")."""
        if not self.candidates:
            return []
        chosen = S.pick_sentences(self.candidates, self.vectors, scores, WORDS, sel, self.leads)
        return [self.candidates[i].text for i in chosen]

    def rouge(self, texts) -> np.ndarray:
        r = sd.rouge(sd.truncate(texts, WORDS), self.ref)
        return np.asarray([r[k] for k in sd.ROUGE_TYPES])


def fit_model(stories: list[Story], label: str, c: float) -> dict:
    from sklearn.linear_model import LogisticRegression

    x = np.vstack([s.x for s in stories if len(s.candidates)])
    y = np.concatenate([s.labels[label] for s in stories if len(s.candidates)])
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=2000).fit((x - mean) / scale, y)
    return {
        "features": list(S.FEATURES),
        "mean": [round(float(v), 6) for v in mean],
        "scale": [round(float(v), 6) for v in scale],
        "coef": [round(float(v), 6) for v in clf.coef_[0]],
        "intercept": round(float(clf.intercept_[0]), 6),
        "link": "logistic",
    }


def _r(v: np.ndarray) -> dict[str, float]:
    return dict(zip(sd.ROUGE_TYPES, (round(float(x), 2) for x in v)))


def lead_sentences(sents: list[str], words: int) -> list[str]:
    """The leading sentences of a reference within ``words`` (at least one; all when ``words`` is 0)."""
    if not words:
        return sents
    out: list[str] = []
    for s in sents:
        if out and sum(len(x.split()) for x in out) + len(s.split()) > words:
            break
        out.append(s)
    return out


def load_stories(cache: Path | None, ref_words: int = REF_WORDS, limit: int | None = None) -> list[Story]:
    """The training stories (``tune_summary.load``), parsed (cached at ``cache``), each reference cut to its leading
    sentences within ``ref_words``, term weights from every loaded article."""
    raw = load(limit)
    texts = [a["text"] for s in raw for a in s["articles"]] + [s["summary"] for s in raw]
    docs = parse(texts, cache)
    n_art = sum(len(s["articles"]) for s in raw)
    art_docs, ref_docs = iter(docs[:n_art]), iter(docs[n_art:])
    sources_docs = []
    for s in raw:
        sources = [
            SourceText(f"{s['id']}-{i}", a["text"], a.get("outlet"), title=a.get("title"))
            for i, a in enumerate(s["articles"])
        ]
        sources_docs.append((s, sources, [next(art_docs) for _ in sources], next(ref_docs)))
    freqs = S.document_frequencies(x.text for _, sources, _, _ in sources_docs for x in sources)
    return [
        Story(
            s["id"],
            sources,
            d,
            lead_sentences([x.text.strip() for x in ref.sents if x.text.strip()], ref_words),
            freqs,
        )
        for s, sources, d, ref in sources_docs
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help=f"write the model to {OUT.relative_to(ROOT)}")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/learn_summary.spacy"), help="spaCy parse cache")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--label", choices=LABELS, action="append", help="labels to try (default: all)")
    ap.add_argument("--C", type=float, action="append", dest="c", help=f"regularisation to try (default: {C_GRID})")
    ap.add_argument(
        "--ref-words",
        type=int,
        default=REF_WORDS,
        help=f"keep each reference's leading sentences within this many words, 0 = all [{REF_WORDS}]",
    )
    args = ap.parse_args(argv)
    if not ALLSIDES.exists():
        print(f"learn_summary: {ALLSIDES} not found", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    stories = load_stories(args.cache, args.ref_words, args.limit)
    n_cand = sum(len(s.candidates) for s in stories)
    print(
        f"{len(stories)} AllSides 2021 stories outside NeuS test, {n_cand} candidates "
        f"({time.perf_counter() - t0:.0f} s)"
    )

    rng = random.Random(SEED)
    order = list(range(len(stories)))
    rng.shuffle(order)
    n_held = round(HELD_OUT * len(stories))
    held = [stories[i] for i in sorted(order[:n_held])]
    tune = [stories[i] for i in sorted(order[n_held:])]
    rng.shuffle(tune)
    fold_of = {i: i % FOLDS for i in range(len(tune))}  # folds: every FOLDS-th story of a shuffled list
    hand = S.Weights(learned=False)

    def hand_rouge(group: list[Story]) -> np.ndarray:
        tot = np.zeros(3)
        for s in group:
            sel = {"method": "mmr", "diversity": hand.diversity, "redundant": hand.redundant, "fit": 0.0, "stop": 0.0}
            tot += s.rouge(s.summary(S._hand_scores(s.x.tolist(), hand), sel))
        return tot / len(group)

    def show(v: np.ndarray) -> str:
        return " / ".join(f"{x:.2f}" for x in v)

    print(f"tuning: {len(tune)} stories in {FOLDS} folds; held out: {len(held)} stories")
    print(f"hand-set scorer, tuning stories: {show(hand_rouge(tune))}")
    results = []
    for label in args.label or LABELS:
        for c in args.c or C_GRID:
            scores_of: dict[int, list[float]] = {}
            for k in range(FOLDS):
                model = fit_model([s for i, s in enumerate(tune) if fold_of[i] != k], label, c)
                for i, s in enumerate(tune):
                    if fold_of[i] == k:
                        scores_of[i] = S.learned_scores(s.x.tolist(), model)
            selections = [
                {"method": "mmr", "diversity": div, "redundant": red, "fit": fit, "stop": stop}
                for div, red, fit, stop in itertools.product(DIVERSITY, REDUNDANT, FIT, STOP)
            ] + [
                {
                    "method": "cover",
                    "weight": wt,
                    "unigram": uni,
                    "redundant": red,
                    "lead_words": LEAD_WORDS,
                    "top": top,
                    "distinct": True,  # no set that says one thing twice (summary.repeats): a rule, not a setting
                }
                for wt, uni, red, top in itertools.product(COVER_WEIGHT, COVER_UNIGRAM, COVER_REDUNDANT, TOP)
            ]
            for sel in selections:
                tot = np.zeros(3)
                for i, s in enumerate(tune):
                    tot += s.rouge(s.summary(scores_of[i], sel))
                results.append((tot / len(tune), {"label": label, "C": c, **sel}))
            for method in ("mmr", "cover"):
                best = max(
                    (r for r in results if (r[1]["label"], r[1]["C"], r[1]["method"]) == (label, c, method)),
                    key=lambda r: r[0].sum(),
                )
                print(f"{label} C={c} {method}: best cross-validated {show(best[0])} {best[1]}", flush=True)
    results.sort(key=lambda r: -r[0].sum())
    cv, setting = results[0]
    sel = {k: v for k, v in setting.items() if k not in ("label", "C")}
    print(f"chosen: {setting}, cross-validated {show(cv)}")

    model = fit_model(tune, setting["label"], setting["C"])
    learned = np.zeros(3)
    for s in held:
        learned += s.rouge(s.summary(S.learned_scores(s.x.tolist(), model), sel))
    learned /= len(held)
    base = hand_rouge(held)
    print(f"held-out {len(held)} stories: learned {show(learned)} vs hand-set {show(base)}")

    model = fit_model(stories, setting["label"], setting["C"])
    model["select"] = sel
    model["trained"] = {
        "data": "AllSides 2021 roundups outside NeuS test (bench/tune_summary.py load()), 60-word budget",
        "stories": len(stories),
        "candidates": n_cand,
        "label": setting["label"],
        "C": setting["C"],
        "cross_validated": {"stories": len(tune), "folds": FOLDS, "learned": _r(cv), "hand_set": _r(hand_rouge(tune))},
        "held_out": {"stories": len(held), "learned": _r(learned), "hand_set": _r(base)},
    }
    for name, w in sorted(zip(S.FEATURES, model["coef"]), key=lambda t: -abs(t[1])):
        print(f"  {name:16s} {w:+.3f}")
    if args.write:
        OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    print(f"{time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
