"""Summary benchmark: extractive multi-document summaries of NeuS / AllSides clusters, every system in one run.

    .venv/bin/python bench/summary.py                                  # all default systems, 307 clusters
    .venv/bin/python bench/summary.py --limit 40 --show 3              # quick look, 3 example summaries
    .venv/bin/python bench/summary.py --systems standin,lead,lexrank   # harness check without the real summarizer
    .venv/bin/python bench/summary.py --systems corroborate,mypkg.mod:summarize --words 60
    .venv/bin/python bench/summary.py --json /tmp/summary.json         # figures also written there
    .venv/bin/python bench/summary.py --selftest                       # scorer, budget and citation check only

Data (read in place from ``../shared/data/mds/neus_allsides_test``, never copied; see the README there): 307
clusters of three article excerpts (left / center / right outlet, random order); the reference is the AllSides
neutral roundup (its text only, not its headline). Published on this set (rouge-score, stemming, 60 words):
TF-IDF centroid 39.8/17.8/34.0, oracle extract 52.7/28.0/45.5 (R1/R2/RLsum).

Systems (``--systems``, comma list; default ``corroborate,lexrank,textrank,lead,tfidf-centroid``):

* ``corroborate``: ``corroborate.brief.summarize_story(sources, nlp, words=--words)`` from the checkout's ``src``
  (sources: ``SourceText(id, text, title=headline)``; returns one dict per sentence with ``text``,
  ``article_id``/``start``/``end`` and ``article_ids``). It parses the texts itself, so its seconds include its
  parse. When the import fails the row says "not available"; a call that raises scores as an empty summary and
  is listed under errors.
* ``standin``: a stand-in with that signature and return format (round-robin lead; it cites another article
  when one of its sentences shares >= 40 % of the sentence's content stems), to exercise the harness and the
  citation check while the real summarizer does not exist. Never picked automatically.
* ``lexrank`` / ``textrank``: sumy 0.13's ``LexRankSummarizer`` / ``TextRankSummarizer`` with sumy's English
  stop words and ``Stemmer("english")`` (NLTK Snowball, no data needed), fed our sentence splits through
  ``ObjectDocumentModel`` (one paragraph per article) and a regex word tokenizer (sumy's own tokenizer needs
  NLTK punkt, which is not installed). Sentences are taken best-rated first; when LexRank's power method
  yields NaN (tiny clusters where every term's idf is <= 0) the cluster falls back to document order (counted).
* ``lead``: first sentences of each article in turn (article order as given, i.e. random outlet order).
* ``tfidf-centroid``: sklearn ``TfidfVectorizer(stop_words="english", sublinear_tf=True)`` fitted on every
  sentence of the loaded clusters; sentences ranked by cosine to their cluster's mean sentence vector; a
  sentence with cosine > 0.5 to one already chosen is skipped (redundancy).
* ``oracle``: greedy extract maximising R1+R2 F against the reference (an upper bound; it reads the reference).
* ``oracle-candidates``: the same over only the sentences ``corroborate`` keeps as candidates (after its
  filters): the ceiling of its ranking.
* ``corroborate-story``: the same with term weights from the story's own sentences only (what it does
  without a store).
* ``module:function``: any importable callable with ``summarize_story``'s signature.

Shared splits: each article and reference is parsed once with ``corroborate.nlp.load_spacy()`` (``nlp.pipe``);
every baseline picks from the same sentences, and ROUGE's reference sentences come from the same parse. Every
system gets the same budget: picked sentences are cut to ``--words`` (60) whitespace words before scoring
(a duplicate sentence text is skipped when picking). ROUGE-1/2/Lsum F (rouge-score, ``use_stemmer=True``;
newlines between sentences in candidate and reference for Lsum), averaged over clusters, x 100. Seconds are
each system's own time over all clusters (the shared parse is reported once, apart).

Citation check (summarize_story-style systems): for each returned sentence, its own article and every other
cited article "supports" it when one of that article's sentences (the shared splits) holds >= 50 % of the
sentence's content-word stems (lowercased alphabetic tokens not in sumy's English stop words, Snowball stems).
Reported: own-article support (target 100 %), supported (sentence, other cited article) pairs (target >= 95 %),
mean articles cited per sentence, share citing >= 2, and how many ``text`` equal ``source.text[start:end]``.
Targets for corroborate: ROUGE >= 42 / 19 / 36.

Figures go to ``bench/results/summary.json`` (gitignored) and ``--json PATH``; every summary to
``bench/results/summary-outputs.jsonl``.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import math
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import summary_data as sd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # benchmark the checkout, not whatever is installed

RESULTS = ROOT / "bench" / "results"
DEFAULT_SYSTEMS = ("corroborate", "lexrank", "textrank", "lead", "tfidf-centroid")
BUILTIN = (*DEFAULT_SYSTEMS, "corroborate-story", "standin", "oracle", "oracle-candidates")
TARGETS = {"rouge1": 42.0, "rouge2": 19.0, "rougeLsum": 36.0}
TARGET_OWN, TARGET_PAIRS = 1.0, 0.95
CENTROID_REDUNDANCY = 0.5
STANDIN_CITE = 0.4
PUBLISHED = "published on this set: TF-IDF centroid 39.8 / 17.8 / 34.0, oracle extract 52.7 / 28.0 / 45.5"


def _first_line(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}".splitlines()[0][:200]


# ------------------------------------------------------------------------------------ baseline rankers


class RegexTokenizer:
    """What sumy's document model needs from a tokenizer, without NLTK data: words by a regex."""

    WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

    def to_words(self, text: str) -> tuple[str, ...]:
        return tuple(self.WORDS.findall(text))

    def to_sentences(self, text: str) -> tuple[str, ...]:  # not used: sentences come from spaCy
        return (text,)


def lead_rank(cluster: sd.Cluster) -> list[sd.Sent]:
    """Sentence 1 of each article, then sentence 2 of each, ... (articles in the given order)."""
    out = []
    depth = max((len(a.sents) for a in cluster.articles), default=0)
    for i in range(depth):
        out.extend(a.sents[i] for a in cluster.articles if i < len(a.sents))
    return out


class SumyRanker:
    """Rank a cluster's sentences with a sumy summarizer (LexRank or TextRank) over our splits."""

    def __init__(self, kind: str) -> None:
        from sumy.nlp.stemmers import Stemmer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        cls = LexRankSummarizer if kind == "lexrank" else TextRankSummarizer
        self.summarizer = cls(Stemmer("english"))
        self.summarizer.stop_words = get_stop_words("english")
        self.tokenizer = RegexTokenizer()
        self.fallbacks = 0

    def __call__(self, cluster: sd.Cluster) -> list[sd.Sent]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

        flat = [s for a in cluster.articles for s in a.sents]
        if not flat:
            return []
        document = ObjectDocumentModel(
            [Paragraph([Sentence(s.text, self.tokenizer) for s in a.sents]) for a in cluster.articles if a.sents]
        )
        infos: list[Any] = []

        def everything(rated: list[Any]) -> list[Any]:  # sumy's ``count`` hook: sees (sentence, order, rating)
            infos.extend(rated)
            return rated

        self.summarizer(document, everything)
        ratings = {i.order: float(i.rating) for i in infos}
        if len(ratings) != len(flat) or any(math.isnan(r) for r in ratings.values()):
            self.fallbacks += 1
            return list(flat)
        return [flat[o] for o in sorted(ratings, key=lambda o: (-ratings[o], o))]


class CentroidRanker:
    """TF-IDF centroid: sentences nearest the cluster's mean sentence vector, near-duplicates skipped."""

    def __init__(self, clusters: Sequence[sd.Cluster]) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        texts = [s.text for c in clusters for a in c.articles for s in a.sents]
        self.vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit(texts or ["empty"])

    def __call__(self, cluster: sd.Cluster) -> list[sd.Sent]:
        import numpy as np

        flat = [s for a in cluster.articles for s in a.sents]
        if not flat:
            return []
        x = self.vectorizer.transform([s.text for s in flat])  # rows are L2-normalised
        centroid = np.asarray(x.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        sims = x @ centroid / norm if norm else np.zeros(len(flat))
        pair = (x @ x.T).toarray()
        chosen: list[int] = []
        for i in sorted(range(len(flat)), key=lambda i: (-sims[i], i)):
            if all(pair[i, j] <= CENTROID_REDUNDANCY for j in chosen):
                chosen.append(i)
        return [flat[i] for i in chosen]


class OracleRanker:
    """Greedy extract maximising R1 + R2 F of the budget-cut summary against the reference."""

    def __init__(self, words: int) -> None:
        self.words = words

    def __call__(self, cluster: sd.Cluster) -> list[sd.Sent]:
        pool = [s for a in cluster.articles for s in a.sents]
        chosen: list[sd.Sent] = []
        best = -1.0
        while pool and sum(s.words for s in chosen) < self.words:
            scored = []
            for s in pool:
                r = sd.rouge(sd.truncate([c.text for c in (*chosen, s)], self.words), cluster.reference_sents)
                scored.append((r["rouge1"] + r["rouge2"], s))
            top, s = max(scored, key=lambda t: t[0])
            if top <= best:
                break
            best = top
            chosen.append(s)
            pool.remove(s)
        return chosen


class CandidateOracle(OracleRanker):
    """The oracle restricted to the sentences the product keeps as candidates (its filters: no headings,
    fragments, unattributed first person...): the ceiling of any ranking of those candidates."""

    def __call__(self, cluster: sd.Cluster) -> list[sd.Sent]:
        from corroborate.analyze.story import SourceText
        from corroborate.brief.summary import Weights, _prepare
        from corroborate.nlp import load_spacy

        nlp = load_spacy()
        sources = [SourceText(a.id, a.text, a.id, title=a.title) for a in cluster.articles]
        candidates, _, _ = _prepare(sources, list(nlp.pipe([x.text for x in sources])), Weights(), None)
        keep = {c.text.strip() for c in candidates}
        articles = [replace(a, sents=[x for x in a.sents if x.text.strip() in keep]) for a in cluster.articles]
        return super().__call__(replace(cluster, articles=articles))


# ------------------------------------------------------------------------- summarize_story-style systems


def standin_summarize(sources: list[Any], nlp: Any, words: int = 100) -> list[dict[str, Any]]:
    """A stand-in for ``corroborate.brief.summarize_story``: round-robin lead in its return format."""
    docs = list(nlp.pipe([s.text for s in sources]))
    arts = [sd.Article(s.id, s.title or "", s.text, sd.doc_sents(d, s.id)) for s, d in zip(sources, docs)]
    cluster = sd.Cluster("standin", arts, "", "")
    out = []
    for s in sd.pick(lead_rank(cluster), words):
        others = [
            a.id
            for a in arts
            if a.id != s.article_id and sd.coverage(s.text, [t.text for t in a.sents]) >= STANDIN_CITE
        ]
        out.append(
            {
                "text": s.text,
                "article_id": s.article_id,
                "start": s.start,
                "end": s.end,
                "article_ids": [s.article_id, *others],
            }
        )
    return out


def load_story_fn(spec: str) -> tuple[Callable[..., Any] | None, str]:
    """The callable for ``corroborate``, ``standin`` or ``module:function``, with a line saying what was loaded."""
    if spec == "standin":
        return standin_summarize, "standin: bench/summary.py standin_summarize (round-robin lead; NOT corroborate)"
    module, func = ("corroborate.brief", "summarize_story") if spec == "corroborate" else spec.split(":", 1)
    try:
        fn = getattr(importlib.import_module(module), func)
    except Exception as exc:  # the module is being written: report, never crash the run
        return None, f"{spec}: not available ({_first_line(exc)})"
    where = getattr(sys.modules.get(module), "__file__", None) or "?"
    try:
        where = str(Path(where).resolve().relative_to(ROOT))
    except ValueError:
        pass
    return fn, f"{spec}: using {module}.{func} from {where}"


# --------------------------------------------------------------------------------------------- running


@dataclass
class Run:
    """One system's summaries, scores, time and failures."""

    name: str
    kind: str  # "ranker" | "story"
    fn: Callable[..., Any] | None
    note: str = ""
    seconds: float = 0.0
    summaries: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    citations: sd.CitationTally | None = None
    source_cls: Any = None  # SourceText, for the summarize_story-style systems

    @property
    def available(self) -> bool:
        return self.fn is not None

    def summarize(self, cluster: sd.Cluster, nlp: Any, words: int) -> list[dict[str, Any]]:
        assert self.fn is not None
        t0 = time.perf_counter()
        try:
            if self.kind == "ranker":
                out = [
                    {
                        "text": s.text,
                        "article_id": s.article_id,
                        "start": s.start,
                        "end": s.end,
                        "article_ids": [s.article_id],
                    }
                    for s in sd.pick(self.fn(cluster), words)
                ]
            else:
                sources = [self.source_cls(a.id, a.text, title=a.title) for a in cluster.articles]
                raw = self.fn(sources, nlp, words=words)
                out = [d for d in (raw or []) if isinstance(d, dict) and isinstance(d.get("text"), str)]
                if len(out) != len(raw or []):
                    self.errors.append(f"{cluster.id}: {len(raw) - len(out)} returned items without a text")
        except Exception as exc:  # a half-written system: report and score the cluster as an empty summary
            self.errors.append(f"{cluster.id}: {_first_line(exc)}")
            out = []
        finally:
            self.seconds += time.perf_counter() - t0
        return out


def build_runs(names: list[str], clusters: list[sd.Cluster], words: int) -> list[Run]:
    runs = []
    for name in names:
        if name in ("lexrank", "textrank"):
            t0 = time.perf_counter()
            ranker = SumyRanker(name)
            run = Run(name, "ranker", ranker, seconds=time.perf_counter() - t0)
        elif name == "lead":
            run = Run(name, "ranker", lead_rank)
        elif name == "tfidf-centroid":
            t0 = time.perf_counter()
            run = Run(name, "ranker", CentroidRanker(clusters), seconds=time.perf_counter() - t0)
        elif name == "oracle":
            run = Run(name, "ranker", OracleRanker(words))
        elif name == "oracle-candidates":
            run = Run(name, "ranker", CandidateOracle(words))
        else:
            fn, note = load_story_fn("corroborate" if name == "corroborate-story" else name)
            if fn is not None and name == "corroborate":
                # as in a store: term weights from the document frequencies of every loaded article
                from corroborate.brief.summary import document_frequencies

                freqs = document_frequencies(a.text for c in clusters for a in c.articles)
                fn = functools.partial(fn, frequencies=freqs)
                note += f" (term weights from the {freqs[1]} loaded articles, as a store gives them)"
            run = Run(name, "story", fn, note=note, citations=sd.CitationTally())
            print(note)
            if fn is not None:
                from corroborate.analyze.story import SourceText

                run.source_cls = SourceText
        runs.append(run)
    return runs


def bench(clusters: list[sd.Cluster], runs: list[Run], nlp: Any, words: int) -> None:
    for c in clusters:
        for run in runs:
            if not run.available:
                continue
            out = run.summarize(c, nlp, words)
            run.summaries[c.id] = out
            run.scores[c.id] = sd.rouge(sd.truncate([d["text"] for d in out], words), c.reference_sents)
            if run.citations is not None:
                for item in out:
                    run.citations.add(c, item)


# ------------------------------------------------------------------------------------------- reporting


def mean_scores(run: Run) -> dict[str, float]:
    n = len(run.scores)
    return {k: sum(s[k] for s in run.scores.values()) / n for k in sd.ROUGE_TYPES} if n else {}


def _pct(v: float | None) -> str:
    return "n/a" if v is None else f"{100 * v:.1f} %"


def report(runs: list[Run], clusters: list[sd.Cluster], words: int) -> dict[str, Any]:
    print(f"\nROUGE F x 100, mean over {len(clusters)} clusters, summaries cut to {words} words\n")
    print("| system | R1 | R2 | RLsum | seconds | sentences/summary | words before cut |")
    print("|---|---|---|---|---|---|---|")
    figures: dict[str, Any] = {}
    for run in runs:
        if not run.available:
            print(f"| {run.name} | {run.note.split(': ', 1)[1]} | | | | | |")
            figures[run.name] = {"available": False, "note": run.note}
            continue
        m = mean_scores(run)
        sums = list(run.summaries.values())
        sents = sum(len(s) for s in sums) / max(len(sums), 1)
        n_words = sum(len(d["text"].split()) for s in sums for d in s) / max(len(sums), 1)
        print(
            f"| {run.name} | {m['rouge1']:.1f} | {m['rouge2']:.1f} | {m['rougeLsum']:.1f} | {run.seconds:.1f} "
            f"| {sents:.1f} | {n_words:.0f} |"
        )
        figures[run.name] = {
            "available": True,
            "note": run.note,
            **m,
            "seconds": run.seconds,
            "sentences_per_summary": sents,
            "words_before_cut": n_words,
            "errors": len(run.errors),
            "error_examples": run.errors[:20],
        }
    print(f"   {PUBLISHED}")
    for run in runs:
        if run.name == "corroborate" and run.available:
            m = mean_scores(run)
            ok = ", ".join(f"{k} {m[k]:.1f} {'>=' if m[k] >= t else '<'} {t:.0f}" for k, t in TARGETS.items())
            print(f"   corroborate targets: {ok}")
        if isinstance(run.fn, SumyRanker) and run.fn.fallbacks:
            print(f"   {run.name}: {run.fn.fallbacks} clusters fell back to document order (NaN ratings)")
            figures[run.name]["fallbacks"] = run.fn.fallbacks
        if run.errors:
            print(f"   {run.name}: {len(run.errors)} failing clusters (scored empty), e.g. {run.errors[0]}")

    cited = [r for r in runs if r.available and r.citations is not None]
    if cited:
        print(
            "\ncitation check (support = one sentence of the article holds >= 50 % of the summary sentence's "
            "content stems)\n"
        )
        print(
            "| system | sentences | own article supports | other cited supports (pairs) | articles cited / sentence "
            "| cites >= 2 | text == source[start:end] |"
        )
        print("|---|---|---|---|---|---|---|")
        notes: list[str] = []
        for run in cited:
            assert run.citations is not None
            f = run.citations.figures()
            mc = "n/a" if f["mean_cited"] is None else f"{f['mean_cited']:.2f}"
            print(
                f"| {run.name} | {f['sentences']} | {_pct(f['own_supported'])} | {_pct(f['pairs_supported'])} "
                f"({f['pairs']}) | {mc} | {_pct(f['multi_cited'])} | {_pct(f['offsets_ok'])} |"
            )
            if f["evidence_pairs"]:
                notes.append(
                    f"{run.name}: the sentence it names in each other cited article (evidence) supports it: "
                    f"{_pct(f['evidence_supported'])} of {f['evidence_pairs']}"
                )
            if f["unknown_ids"]:
                notes.append(f"{run.name}: {f['unknown_ids']} cited ids are not articles of the cluster")
            if f["no_content_words"]:
                notes.append(
                    f"{run.name}: {f['no_content_words']} sentences without content words (count as supported)"
                )
            if run.name == "corroborate":
                notes.append(
                    f"corroborate targets: own {_pct(f['own_supported'])} (target {_pct(TARGET_OWN)}), "
                    f"pairs {_pct(f['pairs_supported'])} (target >= {_pct(TARGET_PAIRS)})"
                )
            figures[run.name]["citations"] = {
                **f,
                "own_misses": run.citations.own_misses,
                "pair_misses": run.citations.pair_misses,
            }
        for note in notes:
            print(f"   {note}")
    return figures


def show(clusters: list[sd.Cluster], runs: list[Run], words: int, n: int) -> None:
    if n <= 0 or not clusters:
        return
    step = max(len(clusters) // n, 1)
    for c in clusters[::step][:n]:
        print(f"\n--- {c.id}: {c.reference_title}")
        for a in c.articles:
            print(f"  [{a.id.rsplit('/', 1)[1]}] {a.title}")
        print(f"  reference: {c.reference}")
        for run in runs:
            if not run.available:
                continue
            out = run.summaries.get(c.id, [])
            cut = sd.truncate([d["text"] for d in out], words)
            r = run.scores[c.id]
            print(f"  {run.name} ({r['rouge1']:.0f}/{r['rouge2']:.0f}/{r['rougeLsum']:.0f}):")
            for d, text in zip(out, cut):
                ids = ",".join(
                    str(i).rsplit("/", 1)[-1] for i in dict.fromkeys([d["article_id"], *d.get("article_ids", [])])
                )
                print(f"    [{ids}] {text}")


# ------------------------------------------------------------------------------------------------- main


def parse_systems(value: str, ap: argparse.ArgumentParser) -> list[str]:
    names = list(dict.fromkeys(v.strip().lower() if ":" not in v else v.strip() for v in value.split(",") if v.strip()))
    bad = [n for n in names if n not in BUILTIN and ":" not in n]
    if bad:
        ap.error(f"unknown system(s) {', '.join(bad)}; choose from {', '.join(BUILTIN)} or module:function")
    return names


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, metavar="N", help="only the first N clusters (default: all 307)")
    ap.add_argument("--words", type=int, default=60, help="word budget of every summary (default 60)")
    ap.add_argument(
        "--systems",
        default=",".join(DEFAULT_SYSTEMS),
        help=f"comma list of {', '.join(BUILTIN)} or module:function (default: {','.join(DEFAULT_SYSTEMS)})",
    )
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print N example summaries with the reference")
    ap.add_argument("--json", type=Path, metavar="PATH", help="also write every figure to PATH")
    ap.add_argument("--selftest", action="store_true", help="check the scorer, budget and citation check, and exit")
    args = ap.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be >= 1")
    if args.words < 1:
        ap.error("--words must be >= 1")
    systems = parse_systems(args.systems, ap)

    sd.selftest()  # cheap; a broken scorer must never print figures
    if args.selftest:
        print("summary self-test: ok (ROUGE identical = 100 / disjoint = 0, budget cut, picking, citation check)")
        return 0
    missing = sd.data_missing()
    if missing:
        print(f"summary bench: {missing}", file=sys.stderr)
        return 2

    t_start = time.perf_counter()
    import spacy

    from corroborate.nlp import MODEL, load_spacy

    nlp = load_spacy()
    print(f"spaCy {spacy.__version__}, {MODEL} {nlp.meta.get('version')} ({', '.join(nlp.pipe_names)})")
    clusters = sd.load_neus(args.limit)
    t0 = time.perf_counter()
    sd.split_clusters(clusters, nlp)
    parse_s = time.perf_counter() - t0
    n_sents = sum(len(a.sents) for c in clusters for a in c.articles)
    print(
        f"NeuS test: {len(clusters)} clusters, {3 * len(clusters)} articles, {n_sents} sentences; "
        f"shared parse {parse_s:.1f} s (not in the baselines' seconds)"
    )
    runs = build_runs(systems, clusters, args.words)
    bench(clusters, runs, nlp, args.words)
    figures: dict[str, Any] = {
        "args": {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()},
        "spacy": f"{spacy.__version__} {MODEL} {nlp.meta.get('version')}",
        "clusters": len(clusters),
        "sentences": n_sents,
        "parse_seconds": parse_s,
        "systems": report(runs, clusters, args.words),
    }
    show(clusters, runs, args.words, args.show)
    figures["seconds"] = time.perf_counter() - t_start
    RESULTS.mkdir(parents=True, exist_ok=True)
    paths = [RESULTS / "summary.json", *([args.json] if args.json else [])]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(figures, indent=1, ensure_ascii=False, default=str) + "\n", encoding="utf-8")
    with (RESULTS / "summary-outputs.jsonl").open("w", encoding="utf-8") as fh:
        for c in clusters:
            row = {"id": c.id, "reference": c.reference}
            row.update({r.name: r.summaries.get(c.id) for r in runs if r.available})
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"\nfigures: {', '.join(str(p) for p in paths)}; whole run {figures['seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
