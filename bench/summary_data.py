"""Data, sentence splits, budget, ROUGE and the citation check for ``bench/summary.py``.

The NeuS / AllSides test split is read in place from ``../shared/data/mds/neus_allsides_test/test.jsonl`` (next
to the repository, never copied; see the README there): 307 clusters of three short article excerpts (one
left-, one center-, one right-rated outlet, random order, outlets not given) with the AllSides neutral
roundup as the reference summary. Only the roundup's text is the reference (its headline is not).

Scoring: rouge-score's ROUGE-1/2/Lsum F-measure with its Porter stemmer; a candidate is cut to the word budget
(whitespace words, sentence boundaries kept) and sentences are joined by newlines in both candidate and
reference, which is what rougeLsum splits on. The citation check asks, per summary sentence and cited
article, whether some sentence of that article covers >= 50 % of the summary sentence's content-word stems.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
NEUS = SHARED / "data" / "mds" / "neus_allsides_test"
NEUS_FILE = NEUS / "test.jsonl"
ROUGE_TYPES = ("rouge1", "rouge2", "rougeLsum")
SUPPORT_COVERAGE = 0.5


def data_missing() -> str | None:
    """Why the shared data cannot be used, or None when it is there."""
    if not NEUS_FILE.is_file():
        return f"shared data not found: {NEUS_FILE} (the bench reads ../shared/data/mds next to the repository)"
    return None


# ------------------------------------------------------------------------------------------------ data


@dataclass
class Sent:
    """One sentence of an article: where it is (character offsets into that article's text) and its text."""

    article_id: str
    start: int
    end: int
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Article:
    id: str
    title: str
    text: str
    sents: list[Sent] = field(default_factory=list)


@dataclass
class Cluster:
    id: str
    articles: list[Article]
    reference: str
    reference_title: str
    reference_sents: list[str] = field(default_factory=list)

    def article(self, article_id: str) -> Article | None:
        return next((a for a in self.articles if a.id == article_id), None)


def load_neus(limit: int | None = None) -> list[Cluster]:
    """The first ``limit`` clusters (all 307 by default); article ids are ``{cluster id}/{position}``."""
    from corroborate.clean.boilerplate import plain_spaces  # as `corroborate ingest` cleans the text

    clusters = []
    with NEUS_FILE.open(encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(clusters) >= limit:
                break
            row = json.loads(line)
            arts = [
                Article(f"{row['id']}/{a['position']}", a["title"], plain_spaces(a["text"])) for a in row["articles"]
            ]
            clusters.append(Cluster(row["id"], arts, row["summary"], row["summary_title"]))
    return clusters


def doc_sents(doc: Any, article_id: str) -> list[Sent]:
    """A spaCy Doc's sentences with their offsets, surrounding whitespace trimmed, blank ones dropped."""
    out = []
    for s in doc.sents:
        raw = s.text
        text = raw.strip()
        if not text:
            continue
        start = s.start_char + (len(raw) - len(raw.lstrip()))
        out.append(Sent(article_id, start, start + len(text), text))
    return out


def split_clusters(clusters: Sequence[Cluster], nlp: Any, batch_size: int = 64) -> None:
    """Parse every article and reference once (one ``nlp.pipe``) and store their sentence splits in place."""
    texts: list[str] = []
    for c in clusters:
        texts.extend(a.text for a in c.articles)
        texts.append(c.reference)
    docs = iter(nlp.pipe(texts, batch_size=batch_size))
    for c in clusters:
        for a in c.articles:
            a.sents = doc_sents(next(docs), a.id)
        c.reference_sents = [s.text for s in doc_sents(next(docs), "ref")]


# ------------------------------------------------------------------------------------------ budget, ROUGE


def truncate(sentences: Iterable[str], words: int) -> list[str]:
    """The sentences, in order, cut to ``words`` whitespace words in all (the last one may be cut short)."""
    out: list[str] = []
    left = words
    for s in sentences:
        toks = s.split()
        if left <= 0:
            break
        if toks:
            out.append(" ".join(toks[:left]))
            left -= len(toks[:left])
    return out


def pick(ranked: Iterable[Sent], words: int) -> list[Sent]:
    """Best-first sentences until the budget is reached (the last one overshoots; scoring truncates).

    A sentence whose text (case and spacing aside) was already picked is skipped: the three outlets sometimes
    carry the same wire sentence, and repeating it only wastes budget. Rank order is kept, so truncation cuts
    the least wanted words.
    """
    out: list[Sent] = []
    seen: set[str] = set()
    total = 0
    for s in ranked:
        if total >= words:
            break
        key = " ".join(s.text.lower().split())
        if key in seen:
            continue
        seen.add(key)
        out.append(s)
        total += s.words
    return out


@lru_cache(maxsize=1)
def scorer() -> Any:
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)


def rouge(candidate: Sequence[str], reference: Sequence[str]) -> dict[str, float]:
    """F-measures x 100 of candidate sentences against reference sentences (newline-joined for rougeLsum)."""
    scores = scorer().score("\n".join(reference), "\n".join(candidate))
    return {k: 100 * scores[k].fmeasure for k in ROUGE_TYPES}


# ---------------------------------------------------------------------------------------- citation check

WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from sumy.utils import get_stop_words

    return frozenset(w.lower() for w in get_stop_words("english"))


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def content_stems(text: str) -> frozenset[str]:
    """Lowercased alphabetic tokens not in sumy's English stop words, Snowball-stemmed."""
    stop = _stop_words()
    words = [w for w in WORD.findall(text.lower()) if w not in stop]
    return frozenset(_stemmer().stemWords(words))


def coverage(sentence: str, article_sents: Sequence[str]) -> float:
    """The largest share of ``sentence``'s content stems found in one sentence of the article (1.0 if it has none)."""
    need = content_stems(sentence)
    if not need:
        return 1.0
    return max((len(need & content_stems(s)) / len(need) for s in article_sents), default=0.0)


def supports(sentence: str, article_sents: Sequence[str]) -> bool:
    return coverage(sentence, article_sents) >= SUPPORT_COVERAGE - 1e-12


@dataclass
class CitationTally:
    """Citation figures over every sentence a summarize_story-style system returned."""

    sentences: int = 0
    own_supported: int = 0
    pairs: int = 0  # (sentence, other cited article)
    pairs_supported: int = 0
    unknown_ids: int = 0  # cited ids that are not articles of the cluster (counted as unsupported pairs)
    cited_total: int = 0
    multi: int = 0
    offsets_ok: int = 0
    no_content: int = 0
    evidence_pairs: int = 0  # (sentence, other cited article) pairs whose sentence the system names ("evidence")
    evidence_supported: int = 0  # ... and that very sentence holds >= 50 % of the content stems
    own_misses: list[dict[str, Any]] = field(default_factory=list)
    pair_misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, cluster: Cluster, item: dict[str, Any], keep: int = 50) -> None:
        text = str(item.get("text", ""))
        own = str(item.get("article_id", ""))
        cited = list(dict.fromkeys([own, *(str(i) for i in item.get("article_ids") or [])]))
        self.sentences += 1
        self.cited_total += len(cited)
        self.multi += len(cited) >= 2
        self.no_content += not content_stems(text)
        art = cluster.article(own)
        if art is not None:
            start, end = item.get("start"), item.get("end")
            if isinstance(start, int) and isinstance(end, int) and art.text[start:end].strip() == text.strip():
                self.offsets_ok += 1
        cov = coverage(text, [s.text for s in art.sents]) if art else 0.0
        if cov >= SUPPORT_COVERAGE - 1e-12:
            self.own_supported += 1
        elif len(self.own_misses) < keep:
            self.own_misses.append({"cluster": cluster.id, "article_id": own, "coverage": cov, "text": text})
        for e in item.get("evidence") or []:
            o = cluster.article(str(e.get("article_id")))
            if e.get("article_id") == own or o is None:
                continue
            self.evidence_pairs += 1
            self.evidence_supported += supports(text, [o.text[e["start"] : e["end"]]])
        for other in cited[1:]:
            self.pairs += 1
            o = cluster.article(other)
            if o is None:
                self.unknown_ids += 1
                cov = 0.0
            else:
                cov = coverage(text, [s.text for s in o.sents])
            if cov >= SUPPORT_COVERAGE - 1e-12:
                self.pairs_supported += 1
            elif len(self.pair_misses) < keep:
                self.pair_misses.append(
                    {"cluster": cluster.id, "article_id": own, "cited": other, "coverage": cov, "text": text}
                )

    def figures(self) -> dict[str, Any]:
        n = self.sentences

        def share(a: int, b: int) -> float | None:
            return a / b if b else None

        return {
            "sentences": n,
            "own_supported": share(self.own_supported, n),
            "pairs": self.pairs,
            "pairs_supported": share(self.pairs_supported, self.pairs),
            "unknown_ids": self.unknown_ids,
            "mean_cited": share(self.cited_total, n),
            "multi_cited": share(self.multi, n),
            "offsets_ok": share(self.offsets_ok, n),
            "no_content_words": self.no_content,
            "evidence_pairs": self.evidence_pairs,
            "evidence_supported": share(self.evidence_supported, self.evidence_pairs),
        }


# --------------------------------------------------------------------------------------------- self-test


def selftest() -> None:
    """The scorer, the budget and the citation check on hand-made cases."""
    ref = ["The senate passed the bill on Friday.", "The president is expected to sign it."]
    same = rouge(ref, ref)
    assert all(abs(v - 100) < 1e-9 for v in same.values()), same
    none = rouge(["Completely unrelated words here."], ref)
    assert all(v == 0 for v in none.values()), none
    half = rouge(["The senate passed the bill on Friday."], ref)
    assert 0 < half["rouge1"] < 100 and half["rougeLsum"] < 100, half
    # stemming: "passes"/"passed" match under the Porter stemmer
    assert rouge(["senate passes bill"], ["senate passed bill"])["rouge1"] > 99.9
    # Lsum works per sentence (newlines): swapped sentences still score 100, but not as one line each
    swapped = ["The president is expected to sign it.", "The senate passed the bill on Friday."]
    assert abs(rouge(swapped, ref)["rougeLsum"] - 100) < 1e-9
    assert rouge([" ".join(swapped)], [" ".join(ref)])["rougeLsum"] < 100

    assert truncate(["a b c", "d e f", "g"], 4) == ["a b c", "d"]
    assert truncate(["a  b\nc"], 60) == ["a b c"]
    assert truncate(["a b", "c"], 0) == []

    s = [Sent("x", 0, 5, t) for t in ("one two three", "One  two three", "four five", "six")]
    assert [p.text for p in pick(s, 4)] == ["one two three", "four five"]
    assert [p.text for p in pick(s, 3)] == ["one two three"]

    assert content_stems("The Senators were voting, and voted.") == frozenset({"senat", "vote"})
    arts = ["Senators voted on the tax bill on Friday.", "Nothing else here."]
    assert supports("The senate vote on the tax bill", arts)  # senat, vote, tax, bill: 4/4
    assert not supports("Wyden criticized the gun lobby", arts)
    assert coverage("Voters rejected the tax bill in court", arts) == 0.4  # tax, bill of voter/reject/tax/bill/court

    a0 = Article("c/0", "", "Senators voted on the tax bill. Wyden spoke.")
    a0.sents = [Sent("c/0", 0, 31, "Senators voted on the tax bill."), Sent("c/0", 32, 44, "Wyden spoke.")]
    a1 = Article("c/1", "", "The tax bill got a vote from senators.")
    a1.sents = [Sent("c/1", 0, 38, a1.text)]
    c = Cluster("c", [a0, a1], "", "")
    t = CitationTally()
    t.add(c, {"text": a0.sents[0].text, "article_id": "c/0", "start": 0, "end": 31, "article_ids": ["c/0", "c/1"]})
    t.add(c, {"text": "Wyden spoke.", "article_id": "c/0", "start": 32, "end": 44, "article_ids": ["c/1", "c/9"]})
    f = t.figures()
    assert f["own_supported"] == 1.0 and f["offsets_ok"] == 1.0, f
    assert f["pairs"] == 3 and f["pairs_supported"] == 1 / 3 and f["unknown_ids"] == 1, f
    assert f["mean_cited"] == 2.5 and f["multi_cited"] == 1.0, f
    t.add(c, {"text": "Wyden spoke.", "article_id": "c/1", "start": 0, "end": 3, "article_ids": []})
    f = t.figures()
    assert f["own_supported"] == 2 / 3 and f["offsets_ok"] == 2 / 3 and len(t.own_misses) == 1, f
