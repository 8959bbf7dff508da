"""PolNeAR loading and attribution scoring for ``bench/attribution.py``.

Kept apart from the runner so the scorer can be checked (``selftest``) without spaCy or any system loaded.
The data is read from ``../shared`` (next to the repository) and never copied into the repository: the
article texts are copyrighted news with no licence (see the dataset README).

Scoring follows the recipe in ``shared/data/quotes/polnear/README.md``, micro-averaged (counts summed over
documents). One matching per document drives every number, so exact, overlap, partial, speaker and cue
figures always talk about the same pairs:

* content = the set of character offsets covered by the content spans, each span trimmed of whitespace and
  of the outer punctuation ``.,;:`` at both ends (per piece, so ``"A," he said, "B."`` trims both pieces);
* pairs = a one-to-one assignment of predictions to gold that maximises the total character overlap
  (Hungarian, ``scipy.optimize.linear_sum_assignment``); only pairs with overlap > 0 count as matched;
* exact = a matched pair whose two character sets are identical.  While gold contents are disjoint (PolNeAR
  is univocal: one test article has one overlapping pair) a prediction equal to a gold content is always
  paired with it, so this is the README's "matched predictions / predictions" criterion.

Slices (gold ``quote_type_heuristic`` "direct" vs the rest): recall uses only the gold of the slice. A
prediction belongs to the slice of the gold it is matched to; unmatched predictions belong to no slice and are
charged only to the "all" precision (we cannot tell which slice a false alarm was aiming at, and charging
them to both slices would count them twice). Slice precision is therefore "of the predictions that landed in
this slice, how much is right": optimistic next to the "all" precision, and for the partial match (where every
matched prediction is a hit) 1 by construction; read the slice tables for recall and content quality.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
POLNEAR = SHARED / "data" / "quotes" / "polnear"
SPLITS = ("dev", "test")
SLICES = ("all", "direct", "indirect+mixed")
OUTER_PUNCT = ".,;:"
GGT_LENIENT, GGT_STRICT = 0.3, 0.8  # Gender Gap Tracker content thresholds on |gold ∩ pred| / |gold|

Span = tuple[int, int]


@dataclass(frozen=True)
class Attribution:
    """One attribution, gold or predicted: character spans into the article text (``end`` exclusive).

    ``kind`` is the gold ``quote_type_heuristic`` ("direct" | "mixed" | "indirect") for gold, and whatever the
    system says (or None) for predictions; only the gold kind is used for slicing.
    """

    content: tuple[Span, ...]
    source: tuple[Span, ...] = ()
    cue: tuple[Span, ...] = ()
    kind: str | None = None


@dataclass
class Article:
    """The primary annotation of one article: its text and its complete gold attributions."""

    doc_id: str
    text: str
    gold: list[Attribution]


@dataclass
class Corpus:
    """The scored articles of one split, plus what was left out and why (printed in the run header)."""

    split: str
    articles: list[Article]
    skipped_incomplete: int
    path: Path


def shared_missing(split: str) -> str | None:
    """Why the PolNeAR split cannot be read, or None when it is there."""
    path = POLNEAR / f"polnear_{split}.jsonl"
    if not SHARED.is_dir():
        return f"shared data not found: {SHARED} (the bench reads ../shared next to the repository root)"
    if not path.is_file():
        return f"PolNeAR {split} split not found: {path}"
    return None


def _spans(raw: Iterable[dict]) -> tuple[Span, ...]:
    return tuple(sorted((int(s["start"]), int(s["end"])) for s in raw))


def load_polnear(split: str, limit: int | None = None) -> Corpus:
    """Primary records of ``split`` in file order (first ``limit`` articles), incomplete attributions skipped.

    Only primary records: double-annotated articles would otherwise be scored twice against two different
    gold versions. Incomplete attributions (no cue or no content) cannot be matched on content at all.
    """
    path = POLNEAR / f"polnear_{split}.jsonl"
    articles: list[Article] = []
    skipped = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(articles) >= limit:
                break
            rec = json.loads(line)
            if not rec.get("primary"):
                continue
            gold: list[Attribution] = []
            for a in rec["attributions"]:
                if a.get("incomplete") or not a["content"]:
                    skipped += 1
                    continue
                gold.append(
                    Attribution(
                        content=_spans(a["content"]),
                        source=_spans(a["source"]),
                        cue=_spans(a["cue"]),
                        kind=a.get("quote_type_heuristic"),
                    )
                )
            articles.append(Article(doc_id=rec["doc_id"], text=rec["text"], gold=gold))
    return Corpus(split=split, articles=articles, skipped_incomplete=skipped, path=path)


def gold_slice(kind: str | None) -> str:
    """The slice a gold attribution is reported in besides "all"."""
    return "direct" if kind == "direct" else "indirect+mixed"


# ------------------------------------------------------------------------------------------------ scoring


def trim(text: str, start: int, end: int, punct: str = OUTER_PUNCT) -> Span:
    """Shrink a span past whitespace and ``punct`` at both ends, so "said." and "said" compare equal."""
    start, end = max(0, start), min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in punct):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in punct):
        end -= 1
    return start, end


def charset(text: str, spans: Iterable[Span], punct: str = OUTER_PUNCT) -> frozenset[int]:
    """Character offsets covered by ``spans`` after trimming each piece (empty pieces vanish)."""
    out: set[int] = set()
    for s, e in spans:
        a, b = trim(text, s, e, punct)
        out.update(range(a, b))
    return frozenset(out)


@dataclass
class Tally:
    """Counts for one slice, summed over documents; every ratio is computed from these at the end."""

    n_gold: int = 0
    n_pred: int = 0  # the slice's prediction denominator (see the module docstring)
    gold_chars: int = 0
    pred_chars: int = 0
    overlap: int = 0  # Σ |gold ∩ pred| over matched pairs
    exact: int = 0  # matched pairs with identical character sets
    hits: int = 0  # matched pairs (overlap > 0): the one-to-one partial match
    ggt_lenient: int = 0  # matched pairs with |gold ∩ pred| / |gold| > 0.3
    ggt_strict: int = 0  # ... > 0.8
    spk_n: int = 0  # matched pairs whose gold has a source
    spk_overlap: int = 0  # ... whose predicted speaker overlaps the gold source
    spk_exact: int = 0  # ... whose predicted speaker equals the gold source
    cue_n: int = 0  # matched pairs whose gold has a cue
    cue_partial: int = 0
    cue_exact: int = 0
    any_gold: int = 0  # gold overlapping any prediction at all (many-to-one, PARC-style "partial")
    any_pred: int = 0  # predictions overlapping any gold at all (only meaningful for "all")

    def add(self, other: Tally) -> None:
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def ratio(num: float, den: float) -> float | None:
    """num / den, or None when there is nothing to divide (printed as "-", never as a fake 0 or 1)."""
    return num / den if den else None


def f1(p: float | None, r: float | None) -> float | None:
    if p is None or r is None:
        return None
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Metrics:
    """The reported figures of one slice for one system (None = undefined, e.g. no predictions)."""

    exact_p: float | None
    exact_r: float | None
    exact_f1: float | None
    overlap_p: float | None
    overlap_r: float | None
    overlap_f1: float | None
    partial_p: float | None
    partial_r: float | None
    speaker_overlap: float | None
    speaker_exact: float | None
    cue_partial: float | None
    cue_exact: float | None
    ggt_lenient_r: float | None
    ggt_strict_r: float | None
    any_p: float | None
    any_r: float | None
    tally: Tally = field(repr=False, default_factory=Tally)


def metrics(t: Tally) -> Metrics:
    """Turn summed counts into the reported ratios."""
    ep, er = ratio(t.exact, t.n_pred), ratio(t.exact, t.n_gold)
    op, orr = ratio(t.overlap, t.pred_chars), ratio(t.overlap, t.gold_chars)
    return Metrics(
        exact_p=ep,
        exact_r=er,
        exact_f1=f1(ep, er),
        overlap_p=op,
        overlap_r=orr,
        overlap_f1=f1(op, orr),
        partial_p=ratio(t.hits, t.n_pred),
        partial_r=ratio(t.hits, t.n_gold),
        speaker_overlap=ratio(t.spk_overlap, t.spk_n),
        speaker_exact=ratio(t.spk_exact, t.spk_n),
        cue_partial=ratio(t.cue_partial, t.cue_n),
        cue_exact=ratio(t.cue_exact, t.cue_n),
        ggt_lenient_r=ratio(t.ggt_lenient, t.n_gold),
        ggt_strict_r=ratio(t.ggt_strict, t.n_gold),
        any_p=ratio(t.any_pred, t.n_pred),
        any_r=ratio(t.any_gold, t.n_gold),
        tally=t,
    )


def _mention(text: str, spans: Sequence[Span]) -> frozenset[int]:
    """Characters of a source/cue mention: whitespace trimmed only (a final "." of "Sen." or "Inc." counts)."""
    return charset(text, spans, punct="")


def _mention_exact(text: str, pred: Sequence[Span], gold: Sequence[Span]) -> bool:
    """Equal to the whole gold mention or to one of its pieces (9 train records have two source spans)."""
    p = _mention(text, pred)
    if not p:
        return False
    return p == _mention(text, gold) or any(p == _mention(text, [g]) for g in gold)


def match(gold_sets: Sequence[frozenset[int]], pred_sets: Sequence[frozenset[int]]) -> list[tuple[int, int, int]]:
    """One-to-one (gold index, pred index, overlap) pairs maximising total overlap; zero-overlap pairs dropped."""
    if not gold_sets or not pred_sets:
        return []
    ov = np.array([[len(g & p) for p in pred_sets] for g in gold_sets], dtype=np.int64)
    rows, cols = linear_sum_assignment(ov, maximize=True)
    return [(int(i), int(j), int(ov[i, j])) for i, j in zip(rows, cols) if ov[i, j] > 0]


def score_document(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution]) -> dict[str, Tally]:
    """Counts of one document for every slice (see the module docstring for the matching and slice rules)."""
    tallies = {s: Tally() for s in SLICES}
    gold_sets = [charset(text, g.content) for g in gold]
    pred_sets = [charset(text, p.content) for p in pred]
    gslice = [gold_slice(g.kind) for g in gold]

    for i, gs in enumerate(gold_sets):
        for s in ("all", gslice[i]):
            t = tallies[s]
            t.n_gold += 1
            t.gold_chars += len(gs)
            t.any_gold += any(gs & ps for ps in pred_sets)
    tallies["all"].n_pred = len(pred)
    tallies["all"].pred_chars = sum(len(ps) for ps in pred_sets)
    tallies["all"].any_pred = sum(1 for ps in pred_sets if any(ps & gs for gs in gold_sets))

    for i, j, ov in match(gold_sets, pred_sets):
        g, p, gs, ps = gold[i], pred[j], gold_sets[i], pred_sets[j]
        sl = gslice[i]
        tallies[sl].n_pred += 1
        tallies[sl].pred_chars += len(ps)
        for s in ("all", sl):
            t = tallies[s]
            t.overlap += ov
            t.hits += 1
            t.exact += gs == ps
            t.ggt_lenient += ov / len(gs) > GGT_LENIENT
            t.ggt_strict += ov / len(gs) > GGT_STRICT
            if _mention(text, g.source):
                t.spk_n += 1
                t.spk_overlap += bool(_mention(text, g.source) & _mention(text, p.source))
                t.spk_exact += _mention_exact(text, p.source, g.source)
            if _mention(text, g.cue):
                t.cue_n += 1
                t.cue_partial += bool(_mention(text, g.cue) & _mention(text, p.cue))
                t.cue_exact += _mention_exact(text, p.cue, g.cue)
    return tallies


def score_corpus(
    texts: Sequence[str], golds: Sequence[Sequence[Attribution]], preds: Sequence[Sequence[Attribution]]
) -> dict[str, Metrics]:
    """Micro-averaged metrics per slice: document counts summed, ratios taken once at the end."""
    total = {s: Tally() for s in SLICES}
    for text, gold, pred in zip(texts, golds, preds, strict=True):
        for s, t in score_document(text, gold, pred).items():
            total[s].add(t)
    return {s: metrics(t) for s, t in total.items()}


# ---------------------------------------------------------------------------------------------- self-test


def _span(text: str, needle: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``needle`` in ``text`` as a span (keeps hand-made cases readable)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def selftest() -> None:
    """Check trimming, matching and every ratio on hand-computed examples; raise AssertionError on a mismatch.

    Example 1 (one sentence each way, every number worked out by hand in the comments below):
      gold A (direct, discontinuous)  '"We will win," Trump said, "and win big."'  source Trump, cue said
      gold B (indirect)               'Aides said the plan was dead.'              content 'the plan was dead'
      gold C (indirect)               'Polls show he leads by two points.'        content 'he leads by two points'
      pred 1: both quote pieces, trailing ',' / '.' kept or not -> exact match of A after trimming, speaker Trump
      pred 2: 'plan was dead' (13 of B's 17 characters), speaker 'Aides', no cue
      pred 3: a false alarm over 'Polls show' (10 chars, overlaps nothing)
    """
    text = '"We will win," Trump said, "and win big." Aides said the plan was dead. Polls show he leads by two points.'
    a_content = (_span(text, '"We will win,"'), _span(text, '"and win big."'))
    gold = [
        Attribution(a_content, (_span(text, "Trump"),), (_span(text, "said"),), "direct"),
        Attribution(
            (_span(text, "the plan was dead."),), (_span(text, "Aides"),), (_span(text, "said", 1),), "indirect"
        ),
        Attribution((_span(text, "he leads by two points"),), (), (_span(text, "show"),), "indirect"),
    ]
    pred = [
        # the second piece given with its trailing space: trimming must make it identical to gold
        Attribution((_span(text, '"We will win," '), _span(text, '"and win big." ')), (_span(text, "Trump said"),)),
        Attribution((_span(text, "plan was dead"),), (_span(text, "Aides"),)),
        Attribution((_span(text, "Polls show"),)),
    ]
    checks: list[tuple[str, object, object]] = []
    checks.append(("trim", trim(" ;x.", 0, 4), (2, 3)))
    checks.append(("trim empty", trim(" .,", 0, 3), (3, 3)))
    checks.append(("charset trims each piece", len(charset(text, a_content)), 14 + 14))
    m = score_corpus([text], [gold], [pred])
    a, d, i = m["all"], m["direct"], m["indirect+mixed"]
    # all: 3 gold, 3 pred; pairs A-1 (28 chars, exact) and B-2 (13 of 17: "the plan was dead" trimmed); C unmatched
    gold_chars = 28 + 17 + 22
    pred_chars = 28 + 13 + 10
    checks += [
        ("all exact P", a.exact_p, 1 / 3),
        ("all exact R", a.exact_r, 1 / 3),
        ("all overlap P", a.overlap_p, (28 + 13) / pred_chars),
        ("all overlap R", a.overlap_r, (28 + 13) / gold_chars),
        ("all partial P", a.partial_p, 2 / 3),
        ("all partial R", a.partial_r, 2 / 3),
        # speaker: A (Trump vs "Trump said": overlap yes, exact no), B (Aides: both yes); C has no gold source
        ("all speaker overlap", a.speaker_overlap, 2 / 2),
        ("all speaker exact", a.speaker_exact, 1 / 2),
        ("all cue partial", a.cue_partial, 0 / 2),
        ("all GGT lenient R", a.ggt_lenient_r, 2 / 3),  # B: 13/17 = 0.76 > 0.3
        ("all GGT strict R", a.ggt_strict_r, 1 / 3),  # B: 0.76 is not > 0.8
        ("all any-overlap P", a.any_p, 2 / 3),
        # direct slice: gold A only; only pred 1 is matched into it
        ("direct exact P", d.exact_p, 1.0),
        ("direct overlap R", d.overlap_r, 1.0),
        ("direct n pred", d.tally.n_pred, 1),
        # indirect slice: gold B, C; pred 2 matched into it; the false alarm (pred 3) is charged to "all" only
        ("indirect overlap P", i.overlap_p, 1.0),
        ("indirect overlap R", i.overlap_r, 13 / (17 + 22)),
        ("indirect partial R", i.partial_r, 1 / 2),
        ("indirect exact R", i.exact_r, 0.0),
        ("indirect n pred", i.tally.n_pred, 1),
    ]
    # Example 2: one-to-one. One long prediction covering both gold contents hits only one of them (the larger
    # overlap), while the many-to-one "any overlap" recall credits both.
    t2 = "He said taxes will rise. She said they will not."
    g2 = [
        Attribution((_span(t2, "taxes will rise"),), (_span(t2, "He"),), (), "indirect"),
        Attribution((_span(t2, "they will not"),), (_span(t2, "She"),), (), "indirect"),
    ]
    p2 = [Attribution(((0, len(t2)),), (_span(t2, "She"),))]
    m2 = score_corpus([t2], [g2], [p2])["all"]
    covered = len(charset(t2, [(0, len(t2))]))
    checks += [
        ("one-to-one partial R", m2.partial_r, 1 / 2),
        ("many-to-one any R", m2.any_r, 1.0),
        ("one-to-one overlap R", m2.overlap_r, 15 / (15 + 13)),  # matched to "taxes will rise" (15 > 13 chars)
        ("one-to-one overlap P", m2.overlap_p, 15 / covered),
        ("speaker judged on the matched gold", m2.speaker_overlap, 0.0),  # He vs She
    ]
    # Example 3: nothing predicted -> precision undefined (None, printed "-"), recall 0; no gold -> recall None.
    m3 = score_corpus([t2], [g2], [[]])["all"]
    m4 = score_corpus([t2], [[]], [p2])["all"]
    checks += [
        ("no predictions: P undefined", m3.overlap_p, None),
        ("no predictions: R = 0", m3.partial_r, 0.0),
        ("no gold: R undefined", m4.partial_r, None),
        ("no gold: P = 0", m4.partial_p, 0.0),
    ]

    def same(got: object, want: object) -> bool:
        if isinstance(want, float) and isinstance(got, float):
            return abs(got - want) < 1e-12
        return got == want

    failed = [f"{name}: got {got!r}, want {want!r}" for name, got, want in checks if not same(got, want)]
    if failed:
        raise AssertionError("attribution scorer self-test failed:\n" + "\n".join(failed))
