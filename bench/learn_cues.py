"""Learn the attribution cue lexicon from PolNeAR train (never dev or test).

    .venv/bin/python bench/learn_cues.py [--write]

For every verb lemma, how often a use of it that governs a clause or an object is the cue of a gold
attribution. Lemmas that are cues often enough become src/corroborate/analyze/cues.json, which the
statement extractor reads beside its hand-written list. Speech verbs that never appear in PolNeAR keep
their place through that list.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

import attribution_data as ad  # noqa: E402
from corroborate.nlp import load_spacy  # noqa: E402

OUT = ROOT / "src" / "corroborate" / "analyze" / "cues.json"
GOVERNS = {"ccomp", "xcomp", "dobj", "prep"}
MIN_COUNT = 4
MIN_PRECISION = 0.4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--limit", type=int)
    args = parser.parse_args()
    if problem := ad.shared_missing("train"):
        sys.exit(problem)
    corpus = ad.load_polnear("train", args.limit)
    nlp = load_spacy()
    uses: Counter = Counter()
    cues: Counter = Counter()
    texts = [article.text for article in corpus.articles]
    for article, doc in zip(corpus.articles, nlp.pipe(texts, batch_size=16)):
        cue_chars = {i for g in article.gold for start, end in g.cue for i in range(start, end)}
        for token in doc:
            if token.pos_ != "VERB" or not any(c.dep_ in GOVERNS for c in token.children):
                continue
            lemma = token.lemma_.lower()
            uses[lemma] += 1
            if token.idx in cue_chars:
                cues[lemma] += 1
    lexicon = {
        lemma: round(cues[lemma] / uses[lemma], 3)
        for lemma in sorted(cues)
        if cues[lemma] >= MIN_COUNT and cues[lemma] / uses[lemma] >= MIN_PRECISION
    }
    print(
        f"{len(corpus.articles)} train articles; {len(lexicon)} cue lemmas with >= {MIN_COUNT} gold uses "
        f"and precision >= {MIN_PRECISION}"
    )
    for lemma, precision in sorted(lexicon.items(), key=lambda kv: -cues[kv[0]])[:60]:
        print(f"  {lemma:14s} {cues[lemma]:5d} / {uses[lemma]:5d} = {precision:.2f}")
    if args.write:
        payload = {
            "source": "PolNeAR train, primary annotations (bench/learn_cues.py)",
            "min_count": MIN_COUNT,
            "min_precision": MIN_PRECISION,
            "cues": lexicon,
        }
        OUT.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
