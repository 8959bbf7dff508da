"""Extractive multi-document summary in which every sentence cites every article that supports it.

Candidates are the sentences of the story's articles (one article per syndication group: copies add citations,
not candidates), without questions, fragments, headings, the writer's first-person opinion or "should" advice
(reported speech keeps them: "the president said Republicans should ..."); an article's last sentence cut
mid-way, as excerpts and feed summaries end, is a candidate (the brief shows it with an ellipsis). A sentence
in slanted words ("slammed the ruling", "the CCP virus") is left out when a neutral one is as well supported
(``prefer_neutral``). Each gets a row of ``FEATURES``, among them

* centrality: cosine of its TF-IDF vector (Snowball stems) to the story's centroid, the classic MDS signal;
* corroboration and coverage: how many independent sources carry a sentence that covers at least half of its
  content words (the same test the citations use), and how much of it the best such sentence holds;
* position, length, overlap with the articles' titles, numbers, names, quotes, a leading pronoun, loaded
  words ("slammed", "radical", ...).

A learned logistic model (``summary_model.json``, fitted by ``bench/learn_summary.py`` on AllSides 2021
roundups outside the NeuS test set; plain numpy here) turns the row into a score: the chance that the
sentence's words are more often the neutral roundup's words than its story's median sentence, i.e. what a
sentence gives per word of the budget. ``Weights(learned=False)`` scores with the earlier hand-set terms
(centrality, corroboration, position, less loaded words and a leading pronoun) instead.

The model also names how sentences are picked (``select``). ``cover`` (``select_covering``): among the best
scored candidates, the set that best says what the story's independent articles lead with (their opening ~100
words stand in for the roundup a person would write: the mean word and word-pair F-measure of the set's text,
cut at the budget, against each lead) plus the mean score of its sentences; the F-measure rewards saying much of
what the outlets lead with in few words, so a sentence that repeats a chosen one, or brings words no lead
uses, lowers it. ``mmr``: maximal marginal relevance (so a second sentence adds something new) up to the budget.
Either way the sentences run most important first, as news is written (``Weights.reading_order`` prints them as
the articles run).
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import numpy as np

from ..clean.boilerplate import dateline_end, label_end
from ..dates import WEEKDAYS
from ..nlp import first_person
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
# slant: words by which a writer takes a side (an attack verb for a criticism, a sneer, an epithet for a
# disease or a group); a summary in its own voice does not use them where a neutral sentence says as much
SLANT = frozenset(
    """slam slams slammed blast blasts blasted rip rips ripped eviscerate eviscerates eviscerated bombshell
    outrageous disgraceful shameful shameless absurd ridiculous insane hysteria hysterical meltdown woke""".split()
)
SLANT_VERBS = {"slam", "blast", "rip", "eviscerate"}  # a criticism when they take an object ("slammed the plan")
SLANT_PHRASES = re.compile(
    r"\b(?:CCP|Chinese Communist Party|China|Chinese|Wuhan)\s*(?:\([^)]*\)\s*)?virus\b"
    r"(?!\s+(?:research|lab|expert|scien))"
    r"|\bkung flu\b|\billegal aliens?\b|\billegals\b|\bdeath tax\b",
    re.IGNORECASE,
)
# loaded words, the scorer's feature: slant and words that raise the temperature, which news also uses plainly
LOADED = SLANT | frozenset(
    """radical radicals extremist disastrous disaster shocking outrage scheme schemes lie lies lied destroy
    destroys destroyed crush crushed furious fury chaos chaotic reckless brutal devastating catastrophic""".split()
)
PRONOUNS = {"he", "she", "they", "it", "this", "that", "these", "those", "his", "her", "their", "its"}
# lemmas that say whose words a quote is ("..., he said", "according to ...")
SPEECH = {"say", "tell", "accord", "announce", "state", "add", "claim", "argue", "write", "warn", "insist", "note"}
SPEECH |= {"explain", "ask", "declare", "stress", "tweet", "post", "testify", "recall", "acknowledge", "admit"}
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
    learned: bool = True  # score with the learned model (summary_model.json); False: the hand-set terms above
    cut_last: bool = True  # an article's last sentence cut mid-way (a feed's or an excerpt's end) is a candidate


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
    support_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # where each other article says it
    slant: tuple[str, ...] = ()  # its slanted wording outside quotation marks (``slanted``)


def _quoted(text: str, idx: int) -> bool:
    before = text[:idx]
    return (before.count("“") > before.count("”")) or before.count('"') % 2 == 1


def slanted(sent, in_quote: list[bool]) -> tuple[str, ...]:
    """The slanted words and phrases of a sentence in the writer's own voice (outside quotation marks: a
    speaker's "disgraceful" is reported speech): ``SLANT`` words ("slam", "blast" and "rip" only with an
    object: "the storm slammed into the coast" is no criticism) and ``SLANT_PHRASES`` ("the CCP virus")."""
    found = []
    for t, q in zip(sent, in_quote):
        if q or t.lower_ not in SLANT:
            continue
        if t.lemma_.lower() in SLANT_VERBS and not _criticises(t):
            continue
        found.append(t.text)
    for m in SLANT_PHRASES.finditer(sent.text):
        if not _quoted(sent.doc.text, sent.start_char + m.start()):
            found.append(m.group(0))
    return tuple(found)


def _criticises(verb) -> bool:
    """An attack verb used of words, not force: it takes an object, and no particle or "with" / "into" /
    "through" ("Bezos blasted off", "Israel slammed Gaza with airstrikes", "the storm ripped through")."""
    deps = [(c.dep_, c.lower_) for c in verb.children]
    if any(d == "prt" or (d == "prep" and w in ("with", "into", "through", "across")) for d, w in deps):
        return False
    return any(d in ("dobj", "obj") for d, _ in deps)


def prefer_neutral(candidates: list[Candidate], group_of: dict[str, str]) -> list[Candidate]:
    """The candidates without a slanted one that is no better supported than a neutral one: where equally
    supported sentences differ in loaded wording, the summary takes the neutral one (a slanted sentence that
    more independent sources support than any neutral one stays, as the story's best-attested wording)."""

    def sources(c: Candidate) -> int:
        return len({group_of.get(a, a) for a in c.support})

    neutral = max((sources(c) for c in candidates if not c.slant), default=0)
    return [c for c in candidates if not c.slant or sources(c) > neutral]


def _title_case(sent) -> bool:
    """A Title Case heading: most of its common words (nouns, verbs, adjectives, adverbs after the first) are
    capitalised, or every word of four letters or more is (the tagger takes a capitalised heading for names).
    A sentence full of names is not one ("Supreme Court Justice Ruth Bader Ginsburg made history Friday")."""
    common = [t for t in list(sent)[1:] if t.pos_ in ("NOUN", "VERB", "ADJ", "ADV") and t.is_alpha]
    if len(common) >= 3 and sum(t.text[:1].isupper() for t in common) > 0.6 * len(common):
        return True
    long_words = [t.text for t in sent if t.is_alpha and len(t.text) > 3]
    return len(long_words) >= 5 and all(x[:1].isupper() for x in long_words)


def _independent(sources, docs) -> list[tuple[object, object]]:
    """(source, doc) of one article per syndication group: copies add citations, not candidates or leads."""
    from ..analyze.story import MAX_ARTICLES, representatives

    reps = set(representatives(sources, MAX_ARTICLES))
    return [(s, d) for s, d in zip(sources, docs) if s.id in reps]


def _news_text(sent) -> tuple[int, str]:
    """Where a sentence's news starts in its article, and its text: stripped, and without a leading dateline
    ("WASHINGTON (AP) — ": where and by whom, not what happened) or section label ("Why it matters: ")."""
    text = sent.text.strip()
    skip = dateline_end(text)
    skip += label_end(text[skip:])
    return sent.start_char + (len(sent.text) - len(sent.text.lstrip())) + skip, text[skip:]


def _candidates(sources, docs, w: Weights) -> tuple[list[Candidate], dict[str, list[set[str]]], dict]:
    """Candidate sentences (one article per syndication group), every article's sentence stems, and where each
    of those sentences is (start and end offsets in its article)."""
    out: list[Candidate] = []
    stems_of: dict[str, list[set[str]]] = {}
    spans_of: dict[str, list[tuple[int, int]]] = {}
    for source, doc in _independent(sources, docs):
        sents = list(doc.sents)
        stems_of[source.id] = [content_stems(s.text) for s in sents]
        spans_of[source.id] = [_trimmed(s) for s in sents]
        for i, sent in enumerate(sents):
            start, text = _news_text(sent)
            words = text.split()
            # an excerpt or a feed's summary cut mid-sentence: its last sentence ends on a lower-case word
            cut = w.cut_last and i == len(sents) - 1 and (text[-1:].islower() or text.endswith(("…", "...")))
            if (
                not w.min_words <= len(words) <= w.max_words
                or (text[-1:] not in '.!"”’)' and not cut)
                or not (text[:1].isupper() or text[:1] in '“"')
            ):
                continue  # a question, a fragment, a heading or a caption without its full stop
            if _title_case(sent):
                continue  # a headline
            if not any(t.pos_ in ("VERB", "AUX") for t in sent) or text.endswith(":"):
                continue
            in_quote = [_quoted(source.text, t.idx) for t in sent]
            first = [first_person(t) for t in sent]
            if any(f and not q for f, q in zip(first, in_quote)):
                continue  # the writer's own opinion
            attributed = any(t.lemma_.lower() in SPEECH and t.pos_ == "VERB" for t in sent)
            if any(first) and not attributed:
                continue  # "“We cannot but be concerned” that ...": a quote that does not say whose words
            if not attributed and any(t.lower_ in ("should", "ought") and not q for t, q in zip(sent, in_quote)):
                continue  # the writer's advice (what someone said should happen is reported speech)
            stems = content_stems(text)
            if len(stems) < 3:
                continue
            counts = Counter(stem(w.lower()) for w in WORD_RE.findall(text) if w.lower() not in STOP)
            slant = slanted(sent, in_quote)
            out.append(
                Candidate(source.id, source.source_group, start, start + len(text), text, i, stems, counts, slant=slant)
            )
    return out, stems_of, spans_of


def _trimmed(sent) -> tuple[int, int]:
    """A sentence's offsets in its article without the white space around it."""
    text = sent.text
    start = sent.start_char + len(text) - len(text.lstrip())
    return start, max(start, sent.end_char - (len(text) - len(text.rstrip())))


_SENTENCE_END = re.compile(r"(?<=[.!?”\"])\s+")


def _split_sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of a text the summary does not parse (a syndicated copy), split at sentence
    ends."""
    spans, pos = [], 0
    for m in _SENTENCE_END.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    return spans + [(pos, len(text))]


def supporting_sentences(stems: set[str], stems_of: dict[str, list[set[str]]]) -> dict[str, int]:
    """Article -> the index of its sentence that holds the most of these content stems, for every article with a
    sentence that holds at least half of them."""
    if not stems:
        return {}
    need = SUPPORT * len(stems)
    out: dict[str, int] = {}
    for aid, sents in stems_of.items():
        best, held = -1, need
        for i, s in enumerate(sents):
            n = len(stems & s)
            if n >= held and (best < 0 or n > held):
                best, held = i, n
        if best >= 0:
            out[aid] = best
    return out


_FIGURE_RE = re.compile(r"\d[\d,.]*\d|\d")
_NAME_RE = re.compile(r"(?<![“\"‘'])(?<!^)\b[A-Z][A-Za-z'’-]*")


def key_terms(text: str) -> set[str]:
    """The names and figures of a sentence: its capitalised words of three letters or more that do not open it or a
    quotation (stemmed: "Biden", "Monday", "COVID-19"; not the "U" and "S" of "U.S." or "Ms.") and its figures
    ("5.9", "84")."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))  # Moïse
    words = (w.split("'")[0].split("’")[0] for w in _NAME_RE.findall(plain.strip()))
    names = {stem(w.lower()) for w in words if len(w.rstrip("-")) > 2}
    return names | {f.rstrip(".,").replace(",", "") for f in _FIGURE_RE.findall(text)}


def repeats(a: Candidate, b: Candidate) -> bool:
    """Does one sentence say again what the other says: it holds at least half of the other's content stems (as a
    citation's supporting sentence does) and every name and figure the other gives ("In two unsigned opinions
    Monday, the Supreme Court ruled in favor of police officers seeking qualified immunity ..." / "The Supreme Court
    Monday issued two unsigned opinions applying qualified immunity to disputes over alleged excessive use of force
    by police officers, reversing ...")? A sentence that gives a figure or a name the other lacks tells something
    else ("the cost-of-living adjustment ... will be 5.9%" / "amounts to $92 a month")."""
    for x, y in ((a, b), (b, a)):
        if len(x.stems & y.stems) >= SUPPORT * len(x.stems) and key_terms(x.text) <= key_terms(y.text) | y.stems:
            return True
    return False


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


FEATURES = (
    "centrality",  # cosine of the TF-IDF vector to the story's centroid
    "centrality_rel",  # the same over the story's best
    "corroboration",  # share of the other independent sources that support it (the citation test)
    "coverage",  # the largest share of its content stems one sentence of another source holds
    "overlap",  # idf-weighted share of its content stems that another source uses anywhere
    "first",  # its article's first sentence
    "inv_position",  # 1 / (1 + sentence index)
    "rel_position",  # sentence index over the article's last index
    "words",  # length in words / 30
    "short",  # fewer than 15 words
    "long",  # more than 40 words
    "title",  # share of its content stems in a title of the story's articles
    "title_cover",  # share of a title's content stems it holds (the best title)
    "specificity",  # mean idf of its content stems over the story's mean
    "digits",  # holds a number
    "names",  # share of capitalised words after the first
    "quote",  # holds quotation marks
    "said",  # an attribution verb ("said", "according to", ...)
    "pronoun",  # starts with a pronoun ("He warned ...": who?)
    "loaded",  # loaded words ("slammed", ...)
    "when",  # names the day ("on Tuesday", "late Monday", "yesterday"): a hard-news lede says when
)
WHEN_RE = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}|today|yesterday|tonight|this week|last week)\b", re.IGNORECASE)
SAID = frozenset("said says say told according announced stated added claimed argued wrote".split())
QUOTES = set('"“”')


@lru_cache(maxsize=1)
def summary_model() -> dict:
    """The learned sentence scorer (``bench/learn_summary.py``, AllSides 2021 stories outside NeuS test)."""
    return json.loads(resources.files(__package__).joinpath("summary_model.json").read_text(encoding="utf-8"))


def _features(candidates, vectors, centroid, idf, stems_of, group_of, titles) -> list[list[float]]:
    """One row of ``FEATURES`` per candidate (its ``support`` already set)."""
    scale = {c.article_id: max(1, len(stems_of[c.article_id]) - 1) for c in candidates}
    groups_total = len({c.group for c in candidates}) or 1
    groups_of_stem: dict[str, set[str]] = {}
    postings: dict[str, list[tuple[str, int]]] = {}  # stem -> the (article, sentence) that hold it
    for aid, sents in stems_of.items():
        for k, sent in enumerate(sents):
            for t in sent:
                groups_of_stem.setdefault(t, set()).add(group_of[aid])
                postings.setdefault(t, []).append((aid, k))
    title_stems = [t for t in (content_stems(x) for x in titles) if t]
    cent = [_cosine(v, centroid) for v in vectors]
    best = max(cent) or 1.0
    spec = [sum(idf.get(t, 1.0) for t in c.stems) / len(c.stems) for c in candidates]
    mean_spec = sum(spec) / len(spec) or 1.0
    rows = []
    for c, centrality, specificity in zip(candidates, cent, spec):
        total = sum(idf.get(t, 1.0) for t in c.stems) or 1.0
        shared = [t for t in c.stems if groups_of_stem.get(t, set()) - {c.group}]
        hits: Counter = Counter((aid, k) for t in c.stems for aid, k in postings.get(t, ()) if group_of[aid] != c.group)
        coverage = max(hits.values(), default=0) / len(c.stems)
        independent = len({group_of[a] for a in c.support})
        words = WORD_RE.findall(c.text)
        n = len(c.text.split())
        caps = sum(x[:1].isupper() for x in words[1:])
        rows.append(
            [
                centrality,
                centrality / best,
                (independent - 1) / max(1, groups_total - 1),
                coverage,
                sum(idf.get(t, 1.0) for t in shared) / total,
                float(c.position == 0),
                1 / (1 + c.position),
                c.position / scale[c.article_id],
                n / 30,
                float(n < 15),
                float(n > 40),
                max((len(c.stems & t) / len(c.stems) for t in title_stems), default=0.0),
                max((len(c.stems & t) / len(t) for t in title_stems), default=0.0),
                specificity / mean_spec,
                float(any(ch.isdigit() for ch in c.text)),
                caps / max(1, len(words) - 1),
                float(any(ch in QUOTES for ch in c.text)),
                float(any(x.lower() in SAID for x in words)),
                float(c.text.split()[0].lower() in PRONOUNS),
                float(sum(1 for x in words if x.lower() in LOADED)),
                float(bool(WHEN_RE.search(c.text))),
            ]
        )
    return rows


def learned_scores(rows: list[list[float]], model: dict | None = None) -> list[float]:
    """The learned model's score of each feature row: a linear model over standardised features, through a
    logistic (``link: logistic``, scores in [0, 1]) or as it is (``link: identity``)."""
    m = model or summary_model()
    if list(m["features"]) != list(FEATURES):
        raise ValueError("summary_model.json was trained on other features: run bench/learn_summary.py --write")
    if not rows:
        return []
    x = (np.asarray(rows, dtype=float) - np.asarray(m["mean"])) / np.asarray(m["scale"])
    z = x @ np.asarray(m["coef"]) + float(m["intercept"])
    if m.get("link", "logistic") == "logistic":
        z = 1 / (1 + np.exp(-z))
    return [float(v) for v in z]


def _prepare(sources, docs, w: Weights, frequencies=None):
    """Candidates (support set), their TF-IDF vectors, and their feature rows."""
    candidates, stems_of, spans_of = _candidates(sources, docs, w)
    if not candidates:
        return [], [], []
    group_of = {s.id: s.source_group for s in sources}
    copies_of: dict[str, list[str]] = {}
    rep_of_group = {s.source_group: s.id for s in sources if s.id in stems_of}
    for s in sources:
        if s.id not in stems_of and s.source_group in rep_of_group:
            copies_of.setdefault(rep_of_group[s.source_group], []).append(s.id)
    texts = {s.id: s.text for s in sources}
    # a copy's sentences and their stems, read once (a copy is not parsed: its original stands for it)
    copy_sentences = {copy: _split_sentences(texts[copy]) for copies in copies_of.values() for copy in copies}
    copy_stems = {copy: [content_stems(texts[copy][s:e]) for s, e in spans] for copy, spans in copy_sentences.items()}
    for c in candidates:
        found = supporting_sentences(c.stems, stems_of)
        c.support = list(found)
        c.support_spans = {aid: spans_of[aid][i] for aid, i in found.items() if aid != c.article_id}
        for a in list(c.support):
            start, end = c.support_spans.get(a, (c.start, c.end))
            said = texts[a][start:end]
            for copy in copies_of.get(a, []):
                at = texts[copy].find(said) if said else -1
                if at >= 0:  # a copy says it in its original's words, wherever its own text puts them
                    c.support.append(copy)
                    c.support_spans[copy] = (at, at + len(said))
                elif held := supporting_sentences(c.stems, {copy: copy_stems[copy]}):
                    c.support.append(copy)  # a reworded copy: cited at its sentence that holds the most of it
                    c.support_spans[copy] = copy_sentences[copy][held[copy]]
                # a copy cut short before the sentence (ECB+: a reprint of the lede alone) does not support it
        if c.article_id in c.support:
            c.support.remove(c.article_id)
        c.support.insert(0, c.article_id)
    candidates = prefer_neutral(candidates, group_of)
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
    centroid = {t: x / n for t, x in centroid.items()}
    titles = [s.title for s in sources if s.id in stems_of and getattr(s, "title", None)]
    rows = _features(candidates, vectors, centroid, idf, stems_of, group_of, titles)
    return candidates, vectors, rows


def _hand_scores(rows: list[list[float]], w: Weights) -> list[float]:
    """The hand-set score: centrality, corroboration and position, less loaded words and a leading pronoun."""
    f = {name: i for i, name in enumerate(FEATURES)}
    return [
        w.centrality * r[f["centrality"]]
        + w.corroboration * r[f["corroboration"]]
        + w.position * r[f["inv_position"]]
        - w.loaded * r[f["loaded"]]
        - w.pronoun * r[f["pronoun"]]
        for r in rows
    ]


def select(
    candidates, vectors, scores, words: int, diversity: float, redundant: float, fit: float = 0.0, stop: float = 0.0
):
    """Indices picked by maximal marginal relevance until ``words``; ``fit`` discounts a sentence by the share
    of it that would run past the budget (a long sentence when few words are left); after the first sentence,
    none scoring under ``stop`` is added (the budget is a limit, not a quota)."""
    chosen: list[int] = []
    used = 0
    remaining = set(range(len(candidates)))
    lengths = [len(c.text.split()) for c in candidates]
    while remaining and used < words:
        best, best_value = None, -1e9
        left = words - used
        for i in sorted(remaining):
            redundancy = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            value = (1 - diversity) * scores[i] - diversity * redundancy
            if fit:
                value -= fit * max(0, lengths[i] - left) / lengths[i]
            if value > best_value:
                best, best_value = i, value
        remaining.discard(best)
        if chosen and scores[best] < stop:
            break
        if any(_cosine(vectors[best], vectors[j]) > redundant for j in chosen):
            continue  # says again what a chosen sentence says
        chosen.append(best)
        used += lengths[best]
    return chosen


GRAM_RE = re.compile(r"[a-z0-9]+")


def gram_tokens(text: str) -> list[str]:
    """A text's lower-cased, stemmed words, stop words kept, as ROUGE tokenises it."""
    return [stem(t) for t in GRAM_RE.findall(text.lower())]


def grams(text: str) -> tuple[Counter, Counter]:
    """Stemmed word and word-pair counts of a text, as ROUGE-1 and ROUGE-2 count them."""
    toks = gram_tokens(text)
    return Counter(toks), Counter(zip(toks, toks[1:]))


def lead_grams(sources, docs, words: int) -> list[tuple[Counter, Counter]]:
    """What each independent article leads with: its opening sentences within ``words`` (at least the first),
    as word and word-pair counts, one per syndication group (the articles the candidates come from)."""
    out = []
    for _source, doc in _independent(sources, docs):
        kept: list[str] = []
        n = 0
        for sent in doc.sents:
            _start, text = _news_text(sent)
            if not text:
                continue
            if kept and n + len(text.split()) > words:
                break
            kept.append(text)
            n += len(text.split())
        if kept:
            out.append(grams(" ".join(kept)))
    return out


def select_covering(
    candidates,
    vectors,
    scores,
    leads,
    words: int,
    weight: float = 0.3,
    unigram: float = 0.5,
    top: int = 8,
    redundant: float = 1.0,
    distinct: bool = True,
) -> list[int]:
    """Indices of the set of sentences that best says what the story's articles lead with.

    Among the ``top`` best-scored candidates, every set (sentences in score order, each starting inside the
    budget) is scored: the mean, over the articles' leads (``lead_grams``), of ``unigram`` x the word-overlap
    F-measure plus the word-pair F-measure of the set's text cut at ``words``, plus ``weight`` x the mean
    score of its sentences. The leads stand in for the roundup a person would write: what most outlets say
    first is what a summary should say; the F-measure asks the set to say much of it (recall) in few words
    (precision), so a sentence that repeats a chosen one, or adds words no lead uses, lowers it. Sets holding
    two sentences whose TF-IDF cosine exceeds ``redundant`` are skipped, and with ``distinct`` sets holding a
    sentence that says again what another says (``repeats``). Exhaustive: at most 2**top sets."""
    import itertools

    ranked = sorted(range(len(candidates)), key=lambda i: -scores[i])[:top]
    if not ranked:
        return []
    lengths = {i: len(candidates[i].text.split()) for i in ranked}
    # the only words and word pairs a set's text can hold: its sentences' own, and pairs across two of them
    toks = {i: gram_tokens(candidates[i].text) for i in ranked}
    uni_keys = sorted({t for i in ranked for t in toks[i]})
    bi_keys = {p for i in ranked for p in zip(toks[i], toks[i][1:])}
    bi_keys |= {(toks[i][-1], toks[j][0]) for i in ranked for j in ranked if toks[i] and toks[j]}
    bi_keys = sorted(bi_keys)
    uni_col = {k: n for n, k in enumerate(uni_keys)}
    bi_col = {k: n for n, k in enumerate(bi_keys)}
    lead_uni = np.array([[lu.get(k, 0) for k in uni_keys] for lu, _ in leads], dtype=float).reshape(
        len(leads), len(uni_keys)
    )
    lead_bi = np.array([[lb.get(k, 0) for k in bi_keys] for _, lb in leads], dtype=float).reshape(
        len(leads), len(bi_keys)
    )
    uni_total = np.array([sum(lu.values()) for lu, _ in leads], dtype=float)
    bi_total = np.array([sum(lb.values()) for _, lb in leads], dtype=float)

    def f1(counts: Counter, col: dict, lead_counts: np.ndarray, lead_total: np.ndarray) -> np.ndarray:
        v = np.zeros(lead_counts.shape[1])
        for k, n in counts.items():
            v[col[k]] = n
        overlap = np.minimum(lead_counts, v).sum(axis=1)
        total = lead_total + sum(counts.values())
        return np.divide(2 * overlap, total, out=np.zeros_like(overlap), where=total > 0)

    twice = {(i, j) for i, j in itertools.combinations(ranked, 2) if distinct and repeats(candidates[i], candidates[j])}
    best: tuple[float, list[int]] = (-math.inf, ranked[:1])
    for k in range(1, len(ranked) + 1):
        grew = False
        for combo in itertools.combinations(ranked, k):  # ranked is in score order, so each combo is too
            if sum(lengths[i] for i in combo[:-1]) >= words:
                continue  # its last sentence would start past the budget
            grew = True
            if redundant < 1.0 and any(
                _cosine(vectors[i], vectors[j]) > redundant for i, j in itertools.combinations(combo, 2)
            ):
                continue
            if twice and any(pair in twice for pair in itertools.combinations(combo, 2)):
                continue  # one thing said twice
            kept = " ".join(candidates[i].text for i in combo).split()[:words]
            uni, bi = grams(" ".join(kept))
            cover = 0.0
            if leads:
                cover = float(
                    np.mean(unigram * f1(uni, uni_col, lead_uni, uni_total) + f1(bi, bi_col, lead_bi, bi_total))
                )
            value = cover + weight * sum(scores[i] for i in combo) / k
            if value > best[0]:
                best = (value, list(combo))
        if not grew:
            break  # every set of this size runs past the budget, and so will larger ones
    return best[1]


# a sentence that opens on one of these leans on what came before it ("That's because ...", "But the agency ...")
LEANS_ON_BEFORE = PRONOUNS | {"but", "and", "so", "yet", "still", "however", "also", "meanwhile", "instead"}


def leans_on_before(text: str) -> bool:
    """Does the sentence open on a pronoun or a connective that points back ("That's because this Labor Day ...",
    "It’s", "However, ...")? Such a sentence cannot open a summary."""
    first = WORD_RE.match(text.lstrip("\"“‘'([ "))
    if first is None:
        return False
    word = re.split(r"['’]", first.group(0).lower())[0]  # "that's", "it’s" -> "that", "it"
    return word in LEANS_ON_BEFORE


def standalone_first(candidates, chosen: list[int]) -> list[int]:
    """The chosen sentences with one that stands on its own first: a summary opening "That's because ..." reads
    as a fragment. The rest keep their order."""
    for k, i in enumerate(chosen):
        if not leans_on_before(candidates[i].text):
            return [i, *chosen[:k], *chosen[k + 1 :]]
    return chosen


def pick_sentences(candidates, vectors, scores, words: int, sel: dict, leads=()) -> list[int]:
    """Indices of the candidates a model's ``select`` settings pick, in the order to show them: ``method`` "cover"
    (``select_covering``, which needs the story's ``leads``) or MMR (``select``, the default)."""
    if sel.get("method") == "cover":
        chosen = select_covering(
            candidates,
            vectors,
            scores,
            list(leads),
            words,
            sel["weight"],
            sel["unigram"],
            sel["top"],
            sel["redundant"],
            sel.get("distinct", True),
        )
    else:
        chosen = select(
            candidates, vectors, scores, words, sel["diversity"], sel["redundant"], sel["fit"], sel.get("stop", 0.0)
        )
    return standalone_first(candidates, chosen)


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
    candidates, vectors, rows = _prepare(sources, docs, w, frequencies)
    if not candidates:
        return []
    if w.learned:
        m = summary_model()
        scores = learned_scores(rows, m)
        sel = m["select"]
        leads = lead_grams(sources, docs, sel["lead_words"]) if sel.get("method") == "cover" else []
        chosen = pick_sentences(candidates, vectors, scores, words, sel, leads)
    else:
        scores = _hand_scores(rows, w)
        chosen = select(candidates, vectors, scores, words, w.diversity, w.redundant)
    for c, s in zip(candidates, scores):
        c.score = s
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
            "evidence": _evidence(candidates[i]),
        }
        for i in chosen
    ]


def _evidence(c: Candidate) -> list[dict]:
    """Where each article a summary sentence cites says it: its own sentence first, then each other article's
    supporting sentence, then each syndicated copy's words of its original's sentence where the copy holds them
    unchanged, or, in a reworded copy, its sentence that holds the most of the summary sentence."""
    own = {"article_id": c.article_id, "start": c.start, "end": c.end}
    return [own] + [{"article_id": aid, "start": s, "end": e} for aid, (s, e) in c.support_spans.items()]


def summarize_story(
    sources, nlp=None, words: int = 100, weights: Weights | None = None, frequencies=None
) -> list[dict]:
    """Parse the sources and summarize them (for scripts and benchmarks)."""
    if nlp is None:
        from ..nlp import load_spacy

        nlp = load_spacy()
    docs = list(nlp.pipe([s.text for s in sources], batch_size=16))
    return summarize(sources, docs, words, weights, frequencies)
