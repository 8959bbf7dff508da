"""Claim alignment benchmark: does the cross-check put two outlets' claims in one group exactly when they tell one fact?

    .venv/bin/python bench/alignment.py            # both parts (~25 s)
    .venv/bin/python bench/alignment.py --show 10  # also print wrong decisions (claim texts from ../shared)

Gold (``bench/alignment_gold.jsonl``): 160 pairs of claims from two independent outlets of one AllSides 2021 story
(``../shared/data/mds``, read in place through ``crosscheck_data.load_allsides``), each given as its story, the two
claims' articles and character spans, and ``same``: 1 when the two tell one fact, so that one corroborates the other
(the same event, statement or figure, even reworded or with another figure: "More than 180 people were killed ..." /
"... at least 150 people killed ..."), 0 when they tell two facts of the story. Labelled by hand, by one engineer
reading the two claims (a judgement, not an independent annotation). The pairs were drawn at random, 20 per band of
the product's grouping similarity at the time (0.35-0.45, 0.45-0.55, 0.55-0.65, 0.65 and above), from the TUNE part
(80, where settings may be chosen) and the TEST part (80, reported only) of the cross-check benchmark's split. The
bands are sampled evenly, so the figures describe decisions near the threshold, not the whole population of pairs
(most pairs of a story are far below it and told apart).

For each pair the story is analysed as the product does (``analyze_story``) and two decisions are scored:
``grouped`` (the two claims end in one claim group of the report) and ``paired`` (their grouping similarity reaches
``ALIGN``, what the average-link grouping starts from). A sweep shows the pair decision at other thresholds, and the
ranking quality (ROC AUC) of the grouping similarity and of its parts. A claim is found by its span; when the
extraction has moved it, by the claim of that article that overlaps the span most (counted as ``moved``).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import crosscheck_data as cd  # noqa: E402

GOLD = Path(__file__).resolve().parent / "alignment_gold.jsonl"


def _find(claims, span) -> tuple[object | None, bool]:
    article, start, end = span
    exact = next((c for c in claims if (c.article_id, c.start, c.end) == (article, start, end)), None)
    if exact is not None:
        return exact, False
    best, overlap = None, 0
    for c in claims:
        if c.article_id == article:
            o = min(end, c.end) - max(start, c.start)
            if o > overlap:
                best, overlap = c, o
    return best, True


def run(pairs: list[dict], nlp, stories) -> list[dict]:
    """Each pair with the product's decisions and similarities."""
    from corroborate.analyze.story import SourceText, analyze_story
    from corroborate.crosscheck import check as ck

    captured: dict = {}
    grouping, similarity = ck._grouping_similarity, ck._similarity

    def spy(claims, sim):
        out = grouping(claims, sim)
        captured["claims"], captured["gsim"] = claims, out
        return out

    def spy_similarity(claims, vectors):
        captured["cos"] = vectors @ vectors.T
        sim, jac = similarity(claims, vectors)
        captured["jac"] = jac
        return sim, jac

    ck._grouping_similarity, ck._similarity = spy, spy_similarity
    try:
        by_story = defaultdict(list)
        for p in pairs:
            by_story[p["story"]].append(p)
        out = []
        for sid, ps in by_story.items():
            st = stories[sid]
            sources = [SourceText(id=a.id, text=a.text, outlet=a.outlet, published=st.date) for a in st.articles]
            captured.clear()
            analysis = analyze_story(sources, nlp)
            claims, gsim = captured["claims"], captured["gsim"]
            group_of = {(m["article_id"], m["start"]): r["id"] for r in analysis.claims for m in r["mentions"]}
            for p in ps:
                (a, moved_a), (b, moved_b) = _find(claims, p["a"]), _find(claims, p["b"])
                if a is None or b is None:
                    out.append({**p, "missing": True})
                    continue
                out.append(
                    {
                        **p,
                        "missing": False,
                        "moved": moved_a or moved_b,
                        "similarity": round(float(gsim[a.index, b.index]), 3),
                        "cosine": float(captured["cos"][a.index, b.index]),
                        "jaccard": float(captured["jac"][a.index, b.index]),
                        "paired": bool(gsim[a.index, b.index] >= ck.ALIGN),
                        "grouped": group_of.get((a.article_id, a.start)) == group_of.get((b.article_id, b.start)),
                        "text_a": a.text,
                        "text_b": b.text,
                    }
                )
        return out
    finally:
        ck._grouping_similarity, ck._similarity = grouping, similarity


def scores(rows: list[dict], decision) -> dict:
    """Precision, recall and F1 of ``decision`` (a row's key, or a function of the row) against ``same``."""
    found = [r for r in rows if not r["missing"]]
    said = decision if callable(decision) else (lambda r: r[decision])
    tp = sum(1 for r in found if said(r) and r["same"])
    fp = sum(1 for r in found if said(r) and not r["same"])
    fn = sum(1 for r in found if not said(r) and r["same"])
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}


def auc(rows: list[dict], key: str) -> float:
    """The chance that a pair telling one fact scores above a pair telling two (ties count half)."""
    found = [r for r in rows if not r["missing"]]
    pos = [r[key] for r in found if r["same"]]
    neg = [r[key] for r in found if not r["same"]]
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print N wrong grouping decisions of the shipped variant")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    missing = cd.data_missing(["perturb"])
    if missing:
        print(f"alignment: {missing}", file=sys.stderr)
        return 2
    from corroborate.nlp import load_spacy

    t0 = time.perf_counter()
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    stories = {s.id: s for s in cd.load_allsides(part="all")}
    nlp = load_spacy()
    figures: dict = {}
    rows = run(gold, nlp, stories)
    print(
        "| part | pairs (same) | moved / missing | grouped P / R / F1 | paired P / R / F1 "
        "| AUC: similarity / cosine / stem Jaccard |"
    )
    print("|---|---|---|---|---|---|")
    for part in ("tune", "test"):
        these = [r for r in rows if r["part"] == part]
        g, pr = scores(these, "grouped"), scores(these, "paired")
        moved = sum(1 for r in these if not r["missing"] and r["moved"])
        lost = sum(1 for r in these if r["missing"])
        aucs = {k: auc(these, k) for k in ("similarity", "cosine", "jaccard")}
        figures[part] = {"grouped": g, "paired": pr, "moved": moved, "missing": lost, "auc": aucs}
        print(
            f"| {part} | {len(these)} ({sum(r['same'] for r in these)}) | {moved} / {lost} | "
            f"{g['precision']:.2f} / {g['recall']:.2f} / {g['f1']:.2f} | "
            f"{pr['precision']:.2f} / {pr['recall']:.2f} / {pr['f1']:.2f} | "
            f"{aucs['similarity']:.3f} / {aucs['cosine']:.3f} / {aucs['jaccard']:.3f} |"
        )
    print("\npair decision at other thresholds of the grouping similarity (P / R / F1):")
    for threshold in (0.45, 0.5, 0.55, 0.6, 0.65):
        cells = []
        for part in ("tune", "test"):
            sc = scores([r for r in rows if r["part"] == part], lambda r, t=threshold: r["similarity"] >= t)
            figures[part][f"paired@{threshold}"] = sc
            cells.append(f"{part} {sc['precision']:.2f} / {sc['recall']:.2f} / {sc['f1']:.2f}")
        print(f"  {threshold:.2f}: " + "; ".join(cells))
    shown = 0
    for r in rows:
        if shown < args.show and not r["missing"] and r["grouped"] != bool(r["same"]):
            shown += 1
            what = "split" if r["same"] else "joined"
            print(f"  wrongly {what} ({r['part']} {r['n']}, similarity {r['similarity']}):")
            print(f"    A: {r['text_a'][:160]}\n    B: {r['text_b'][:160]}")
    print(f"{time.perf_counter() - t0:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
