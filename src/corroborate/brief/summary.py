"""Extractive multi-document summary in which every sentence cites every article that supports it.

Candidates are the sentences of the story's articles (one article per syndication group: copies add citations,
not candidates), without questions, fragments, unattributed first-person opinion or "should" advice. Each gets

* centrality: cosine of its TF-IDF vector (Snowball stems) to the story's centroid, the classic MDS signal;
* corroboration: how many independent sources carry a sentence that covers at least half of its content
  words (the same test the citations use), so facts that more outlets confirm come first;
* position: news puts the main facts first;
* a penalty per loaded word ("slammed", "radical", ...), so the neutral wording of a fact wins.

Sentences are picked by maximal marginal relevance (so a second sentence adds something new) up to the word
budget, most important first, as news is written (``Weights.reading_order`` prints them as the articles run).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from ..stories.features import stem

STOP = frozenset(
    """a about above after again against all also am an and any are as at be because been before being below
    between both but by can could did do does doing down during each few for from further had has have having he
    her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not
    now of off on once only or other our ours ourselves out over own same she should so some such than that the
    their theirs them themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves said says say
    told mr mrs ms""".split()
)
LOADED = frozenset(
    """slam slams slammed blast blasts blasted rip rips ripped radical radicals extremist disastrous disaster
    shocking outrageous outrage scheme schemes lie lies lied bombshell destroy destroys destroyed crush crushed
    eviscerate eviscerated furious fury chaos chaotic disgraceful shameful shameless reckless absurd ridiculous
    insane hysteria hysterical meltdown brutal devastating catastrophic woke""".split()
)
PRONOUNS = {"he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
SUPPORT = 0.5  # share of a sentence's content stems another article's sentence must hold to support it
WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def content_stems(text: str) -> set[str]:
    return {stem(w.lower()) for w in WORD_RE.findall(text) if w.lower() not in STOP and len(w) > 1}


@dataclass(frozen=True)
class Weights:
    """How the summary scores a sentence; the defaults were set on AllSides 2021 stories that are not in the
    NeuS test set (``bench/tune_summary.py``)."""

    centrality: float = 1.0
    corroboration: float = 0.15
    position: float = 0.3
    loaded: float = 0.1
    pronoun: float = 0.1
    diversity: float = 0.3
    redundant: float = 0.6  # cosine above which a sentence repeats a chosen one
    min_words: int = 10
    max_words: int = 60
    reading_order: bool = False  # most important first (the inverted pyramid); True: as the articles run


@dataclass
class Candidate:
    article_id: str
    group: str
    start: int
    end: int
    text: str
    position: int  # sentence index in its article
    stems: set[str]
    counts: Counter = field(default_factory=Counter)
    score: float = 0.0
    support: list[str] = field(default_factory=list)  # articles that support it, its own first


def _quoted(text: str, idx: int) -> bool:
    before = text[:idx]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


def _candidates(sources, docs, w: Weights) -> tuple[list[Candidate], dict[str, list[set[str]]]]:
    """Candidate sentences (one article per syndication group) and every article's sentence stems."""
    out: list[Candidate] = []
    stems_of: dict[str, list[set[str]]] = {}
    from ..analyze.story import MAX_ARTICLES, representatives

    reps = set(representatives(sources, MAX_ARTICLES))
    pairs = [(s, d) for s, d in zip(sources, docs) if s.id in reps]
    for source, doc in pairs:
        sents = list(doc.sents)
        stems_of[source.id] = [content_stems(s.text) for s in sents]
        for i, sent in enumerate(sents):
            text = sent.text.strip()
            words = text.split()
            if (
                not w.min_words <= len(words) <= w.max_words
                or text[-1:] not in '.!"”’)'
                or not (text[:1].isupper() or text[:1] in '“"')
            ):
                continue  # a question, a fragment, a heading or a caption without its full stop
            long_words = [w for w in words if len(w) > 3]
            if long_words and sum(w[:1].isupper() for w in long_words) > 0.6 * len(long_words):
                continue  # Title Case: a headline
            if not any(t.pos_ in ("VERB", "AUX") for t in sent) or text.endswith(":"):
                continue
            in_quote = [_quoted(source.text, t.idx) for t in sent]
            if any(t.lower_ in FIRST_PERSON and not q for t, q in zip(sent, in_quote)):
                continue  # the writer's own opinion
            if any(t.lower_ in ("should", "ought") and not q for t, q in zip(sent, in_quote)):
                continue
            start = sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
            stems = content_stems(text)
            if len(stems) < 3:
                continue
            counts = Counter(stem(w.lower()) for w in WORD_RE.findall(text) if w.lower() not in STOP)
            out.append(Candidate(source.id, source.source_group, start, start + len(text), text, i, stems, counts))
    return out, stems_of


def supporting_articles(stems: set[str], stems_of: dict[str, list[set[str]]]) -> list[str]:
    """Articles with a sentence that holds at least half of these content stems."""
    if not stems:
        return []
    need = SUPPORT * len(stems)
    return [aid for aid, sents in stems_of.items() if any(len(stems & s) >= need for s in sents)]


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def document_frequencies(texts) -> tuple[dict[str, int], int]:
    """Stem document frequencies over a collection (a store, a benchmark's articles) and its size."""
    df: Counter = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update({stem(w.lower()) for w in WORD_RE.findall(text) if w.lower() not in STOP})
    return dict(df), n


def summarize(
    sources,
    docs,
    words: int = 100,
    weights: Weights | None = None,
    frequencies: tuple[dict[str, int], int] | None = None,
) -> list[dict]:
    """The summary of one story: sentences as ``{text, article_id, start, end, article_ids}``.

    ``frequencies``: stem document frequencies of a larger collection (the store) and its size; without them
    the story's own sentences give the term weights, which are noisy for a story of two or three articles.
    """
    w = weights or Weights()
    diversity = w.diversity
    candidates, stems_of = _candidates(sources, docs, w)
    if not candidates:
        return []
    group_of = {s.id: s.source_group for s in sources}
    n = len(candidates)
    df: Counter = Counter()
    for c in candidates:
        df.update(set(c.counts))
    if frequencies is not None:
        global_df, total = frequencies
        idf = {t: math.log((total + 1) / (global_df.get(t, 0) + 1)) + 1 for t in df}
    else:
        idf = {t: math.log((n + 1) / (d + 0.5)) for t, d in df.items()}
    vectors = [{t: tf * idf[t] for t, tf in c.counts.items()} for c in candidates]
    centroid: Counter = Counter()
    for v in vectors:
        centroid.update(v)
    centroid = {t: w / n for t, w in centroid.items()}
    groups_total = len({c.group for c in candidates}) or 1
    copies_of: dict[str, list[str]] = {}
    rep_of_group = {s.source_group: s.id for s in sources if s.id in stems_of}
    for s in sources:
        if s.id not in stems_of and s.source_group in rep_of_group:
            copies_of.setdefault(rep_of_group[s.source_group], []).append(s.id)
    for c, v in zip(candidates, vectors):
        c.support = supporting_articles(c.stems, stems_of)
        c.support += [copy for a in list(c.support) for copy in copies_of.get(a, [])]
        if c.article_id in c.support:
            c.support.remove(c.article_id)
        c.support.insert(0, c.article_id)
        independent = len({group_of[a] for a in c.support})
        loaded = sum(1 for w in WORD_RE.findall(c.text) if w.lower() in LOADED)
        c.score = (
            w.centrality * _cosine(v, centroid)
            + w.corroboration * (independent - 1) / max(1, groups_total - 1)
            + w.position / (1 + c.position)
            - w.loaded * loaded
            - (w.pronoun if c.text.split()[0].lower() in PRONOUNS else 0.0)  # "He warned ...": who?
        )
    chosen: list[int] = []
    used = 0
    remaining = set(range(n))
    while remaining and used < words:
        best, best_value = None, -1e9
        for i in remaining:
            redundancy = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            value = (1 - diversity) * candidates[i].score - diversity * redundancy
            if value > best_value:
                best, best_value = i, value
        remaining.discard(best)
        if any(_cosine(vectors[best], vectors[j]) > w.redundant for j in chosen):
            continue  # says again what a chosen sentence says
        chosen.append(best)
        used += len(candidates[best].text.split())
    if w.reading_order:
        order = [s.id for s in sources]
        chosen.sort(key=lambda i: (candidates[i].position, order.index(candidates[i].article_id)))
    return [
        {
            "text": candidates[i].text,
            "article_id": candidates[i].article_id,
            "start": candidates[i].start,
            "end": candidates[i].end,
            "article_ids": candidates[i].support,
        }
        for i in chosen
    ]


def summarize_story(
    sources, nlp=None, words: int = 100, weights: Weights | None = None, frequencies=None
) -> list[dict]:
    """Parse the sources and summarize them (for scripts and benchmarks)."""
    if nlp is None:
        from ..nlp import load_spacy

        nlp = load_spacy()
    docs = list(nlp.pipe([s.text for s in sources], batch_size=16))
    return summarize(sources, docs, words, weights, frequencies)
