"""The clusterer on plain documents, outside the store: what bench/clustering.py measures.

Documents are dicts {"id", "title", "text", "published"}; labels come back in input order.
"""

from __future__ import annotations

from ..embed import get_embedder
from ..nlp import load_spacy
from .cluster import ClusterParams, JoinModel, StoryClusterer
from .features import StoryFeatures, compute_features


def featurize(docs: list[dict], embedder: str = "static", batch: int = 256, mode: str = "fast") -> list[StoryFeatures]:
    embed = get_embedder(embedder)
    nlp = load_spacy(("parser",)) if mode == "spacy" else None
    out: list[StoryFeatures] = []
    for start in range(0, len(docs), batch):
        chunk = docs[start : start + batch]
        out += compute_features([(d.get("title"), d.get("text") or "", d.get("language")) for d in chunk], embed, nlp)
    return out


def cluster_features(
    docs: list[dict], features: list[StoryFeatures], params: ClusterParams | None = None, model: JoinModel | None = None
) -> list[str]:
    """One batch of documents (as large as they come) through the clusterer."""
    params = params or ClusterParams()
    params.batch_size = max(params.batch_size, len(docs))
    clusterer = StoryClusterer(params, model)
    assignments = clusterer.add([(d["id"], d.get("published"), d.get("language"), f) for d, f in zip(docs, features)])
    label = {a.article_id: a.story_id for a in assignments}
    return [label[d["id"]] for d in docs]


def cluster_texts(docs: list[dict], embedder: str = "static", params: ClusterParams | None = None) -> list[str]:
    return cluster_features(docs, featurize(docs, embedder), params)


class StreamClusterer:
    """Batches arrive one after another; earlier stories stay and new articles join them."""

    def __init__(self, embedder: str = "static", params: ClusterParams | None = None) -> None:
        self.embedder = embedder
        self.clusterer = StoryClusterer(params)

    def add(self, docs: list[dict]) -> list[str]:
        feats = featurize(docs, self.embedder)
        assignments = self.clusterer.add(
            [(d["id"], d.get("published"), d.get("language"), f) for d, f in zip(docs, feats)]
        )
        label = {a.article_id: a.story_id for a in assignments}
        return [label[d["id"]] for d in docs]
