"""Set the summary's weights on AllSides 2021 roundups that are NOT in the NeuS test set (the benchmark's data).

    .venv/bin/python bench/tune_summary.py                 # grid over the main weights, prints the best
    .venv/bin/python bench/tune_summary.py --limit 100

The grid tunes the hand-set scorer (``Weights(learned=False)``); the product's default, the learned scorer,
is fitted by ``bench/learn_summary.py`` (which reuses ``load()`` below) and printed here for comparison.

Data: ``../shared/data/mds/allsides_roundups_2021/stories.jsonl``: stories with >= 2 article excerpts whose
``neus_overlap`` names no test line (their headlines are not in NeuS test); reference = the roundup's neutral
summary (``summary``). Same budget (60 words) and ROUGE as ``bench/summary.py``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
import summary_data as sd  # noqa: E402

ALLSIDES = ROOT.parent / "shared" / "data" / "mds" / "allsides_roundups_2021" / "stories.jsonl"


def load(limit: int | None) -> list[dict]:
    from corroborate.clean.boilerplate import plain_spaces  # as `corroborate ingest` cleans the text

    out = []
    for line in ALLSIDES.read_text(encoding="utf-8").splitlines():
        s = json.loads(line)
        if any(o.get("split") == "test" for o in s.get("neus_overlap") or []):
            continue
        arts = [{**a, "text": plain_spaces(a["text"])} for a in s["articles"] if (a.get("text") or "").strip()]
        if len(arts) >= 2 and s.get("summary"):
            out.append({"id": s["id"], "articles": arts, "summary": s["summary"]})
        if limit and len(out) >= limit:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--words", type=int, default=60)
    args = ap.parse_args(argv)
    if not ALLSIDES.exists():
        print(f"tune_summary: {ALLSIDES} not found", file=sys.stderr)
        return 2
    from corroborate.analyze.story import SourceText
    from corroborate.brief.summary import Weights, document_frequencies, summarize
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    stories = load(args.limit)
    parsed = []
    for s in stories:
        sources = [
            SourceText(f"{s['id']}-{i}", a["text"], a.get("outlet"), title=a.get("title"))
            for i, a in enumerate(s["articles"])
        ]
        docs = list(nlp.pipe([x.text for x in sources]))
        ref = [x.text for x in nlp(s["summary"]).sents]
        parsed.append((sources, docs, ref))
    print(f"{len(parsed)} AllSides stories outside NeuS test")
    freqs = document_frequencies(x.text for sources, _, _ in parsed for x in sources)

    use_global = True

    def score(w: Weights) -> tuple[float, float, float]:
        tot = [0.0, 0.0, 0.0]
        for sources, docs, ref in parsed:
            summ = summarize(sources, docs, args.words, w, freqs if use_global else None)
            r = sd.rouge(sd.truncate([x["text"] for x in summ], args.words), ref)
            for k, key in enumerate(sd.ROUGE_TYPES):
                tot[k] += r[key]
        return tuple(round(t / len(parsed), 2) for t in tot)

    print("learned scorer (summary_model.json, fitted on these stories: in-sample)", score(Weights()))
    base = Weights(learned=False)
    use_global = False
    print("default, story idf", base, score(base))
    use_global = True
    print("default, collection idf", base, score(base))
    grid = {
        "reading_order": [True, False],
        "position": [0.1, 0.3],
        "pronoun": [0.0, 0.1],
        "min_words": [6, 10],
    }
    results = []
    for values in itertools.product(*grid.values()):
        w = replace(base, **dict(zip(grid, values)))
        results.append((score(w), dict(zip(grid, values))))
        print(results[-1], flush=True)
    results.sort(key=lambda r: -sum(r[0]))
    print("best", results[:3])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
