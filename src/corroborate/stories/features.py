"""What the story clusterer compares: weighted terms (tokens, lemmas), named entities, a dense vector.

Computed once per article (a map stage) and stored, so clustering new articles never re-parses old ones.

Two ways to get lemmas and entities:
* "fast" (the default): Snowball stems as lemmas, and names found by their shape (runs of capitalised
  words, sentence-initial function words dropped). About 2-5 ms per article; on the clustering benchmark
  it scores as well as spaCy (bench/README.md), because what matters there is which names two articles
  share, not the names' types.
* "spacy": lemmas and typed entities from spaCy's small English model, about 45 ms per article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW", "WORK_OF_ART"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
TITLE_WEIGHT = 2  # headline terms count twice: the headline names the event
MAX_CHARS = 4000  # the lead carries the event; long tails add noise and parse time
_TOKEN = re.compile(r"[^\W_]+(?:[’'\-][^\W_]+)*", re.UNICODE)
_STOP = frozenset(
    """a about above after again against all am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of
off on once only or other our ours ourselves out over own same she should so some such than that the their theirs
them themselves then there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours yourself yourselves said says say also one two new
year years told would""".split()
)


@dataclass(slots=True)
class StoryFeatures:
    terms: Counter = field(default_factory=Counter)  # "t:word" tokens and "l:lemma" lemmas, title weighted
    entities: Counter = field(default_factory=Counter)  # normalised entity names
    embedding: np.ndarray | None = None

    def to_json(self) -> dict:
        return {"terms": dict(self.terms), "entities": dict(self.entities)}

    @classmethod
    def from_json(cls, data: dict, embedding: np.ndarray | None) -> StoryFeatures:
        return cls(Counter(data.get("terms", {})), Counter(data.get("entities", {})), embedding)


def normalize_entity(text: str) -> str:
    text = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
    text = re.sub(r"(?:'s|’s)$", "", text)
    return " ".join(_TOKEN.findall(text.lower()))


def _tokens(text: str) -> list[str]:
    return [w for w in _TOKEN.findall(text.lower()) if w not in _STOP and not w.isdigit() and len(w) > 1]


def text_for(title: str | None, text: str) -> tuple[str, str]:
    return (title or "").strip(), text[:MAX_CHARS]


_NAME = re.compile(r"\b[A-Z][\w’'\-.]*\w(?:\s+(?:(?:of|de|del|la|le|the|and|al|bin|van|von|da)\s+)?[A-Z][\w’'\-.]*\w)*")


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem, cached: news vocabulary repeats, stemming each occurrence again is the cost."""
    return _stemmer().stemWord(word)


def names_by_shape(text: str) -> Counter:
    """Names as runs of capitalised words; a lone capitalised function word is not a name."""
    out: Counter = Counter()
    for match in _NAME.finditer(text):
        words = match.group(0).split()
        if len(words) == 1 and words[0].lower() in _STOP:
            continue
        name = normalize_entity(match.group(0))
        if name and not name.isdigit():
            out[name] += 1
    return out


def compute_features(items: list[tuple[str | None, str, str | None]], embedder, nlp=None) -> list[StoryFeatures]:
    """Features for (title, text, language) items; with ``nlp`` (spaCy), its lemmas and entities for English."""
    out = [StoryFeatures() for _ in items]
    docs_in = [text_for(title, text) for title, text, _ in items]
    for feats, (title, body) in zip(out, docs_in):
        for part, weight in ((title, TITLE_WEIGHT), (body, 1)):
            counts = Counter(_tokens(part))
            for w, c in counts.items():
                feats.terms["t:" + w] += weight * c
                if nlp is None:
                    feats.terms["l:" + stem(w)] += weight * c
            if nlp is None:
                for name, count in names_by_shape(part).items():
                    feats.entities[name] += weight * count
    english = [i for i, (_, _, lang) in enumerate(items) if lang in (None, "en")]
    if nlp is not None and english:
        texts = [f"{docs_in[i][0]}\n\n{docs_in[i][1]}" if docs_in[i][0] else docs_in[i][1] for i in english]
        for i, doc in zip(english, nlp.pipe(texts, batch_size=32)):
            title_end = len(docs_in[i][0])
            feats = out[i]
            for tok in doc:
                if tok.pos_ in CONTENT_POS and not tok.is_stop and len(tok.lemma_) > 1 and tok.is_alpha:
                    feats.terms["l:" + tok.lemma_.lower()] += TITLE_WEIGHT if tok.idx < title_end else 1
            for ent in doc.ents:
                if ent.label_ in ENTITY_LABELS:
                    name = normalize_entity(ent.text)
                    if name and not name.isdigit():
                        feats.entities[name] += TITLE_WEIGHT if ent.start_char < title_end else 1
    if embedder is not None:
        vectors = embedder.encode([f"{t}. {b}" if t else b for t, b in docs_in])
        for feats, vector in zip(out, vectors):
            feats.embedding = np.asarray(vector, dtype=np.float32)
    return out
