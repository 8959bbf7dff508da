"""Online, incremental story clustering with a learned join decision.

New articles arrive in batches (taken in date order). For a batch, the nodes are its articles plus the
existing stories they could join (picked by embedding similarity, within a time window and the same
language). For every pair of nodes a logistic model, trained on labelled news events
(bench/train_clustering.py), gives the probability that both report the same story, from:

* TF-IDF cosine over tokens and lemmas (headline terms weighted up),
* TF-IDF cosine over named entities (who and where: what separates two events of the same kind),
* cosine of dense sentence embeddings,
* a Gaussian decay of the time gap (to the story's nearest article), when both sides are dated.

Average-link agglomeration over 1 - probability then forms the clusters: a cluster holding an existing
story adds its articles to it, any other cluster is a new story, and two existing stories are never
merged. Agglomeration does not depend on the order of the articles within a batch, and stories are only
extended, never reclustered, when later batches arrive. This follows Miranda et al. (2018): TF-IDF of
tokens, lemmas and entities, time decay and a learned join-or-new decision, with dense embeddings added
as Saravanakumar et al. (2021) found useful.
"""

from __future__ import annotations

import bisect
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import numpy as np

from .features import StoryFeatures

APART = 10.0  # a distance that average-link can never bring under the threshold
MAX_STORY_TERMS = 400
MAX_STORY_ENTITIES = 100


@dataclass(slots=True)
class JoinModel:
    """Logistic weights over the pair features (see ``pair_features``) and the merge threshold."""

    coef: list[float]
    intercept: float
    threshold: float
    rescue: float | None = None  # mean join probability at which a lone article joins its likeliest cluster

    @classmethod
    def packaged(cls) -> JoinModel:
        data = json.loads(resources.files(__package__).joinpath("join_model.json").read_text(encoding="utf-8"))
        return cls(data["coef"], data["intercept"], data["threshold"], data.get("rescue"))

    def probability(self, features: np.ndarray) -> np.ndarray:
        z = features @ np.asarray(self.coef) + self.intercept
        return 1.0 / (1.0 + np.exp(-z))


FEATURE_NAMES = (
    "terms_cos",
    "entities_cos",
    "embedding_cos",
    "terms_x_entities",
    "share_entities",
    "time_decay",
    "dated",
)


def pair_features(
    terms: np.ndarray, entities: np.ndarray, embedding: np.ndarray, decay: np.ndarray, dated: np.ndarray
) -> np.ndarray:
    """Stack the similarity matrices into the model's features, last axis = FEATURE_NAMES."""
    return np.stack(
        [terms, entities, embedding, terms * entities, (entities > 0).astype(np.float64), decay * dated, dated], axis=-1
    )


@dataclass(slots=True)
class ClusterParams:
    threshold: float | None = None  # join probability; None = the packaged model's tuned threshold
    sigma_days: float = 7.0
    grace_days: float = 2.0
    candidates: int = 10  # existing stories considered per article, by embedding similarity
    max_story_nodes: int = 1500  # existing stories in one batch's agglomeration, at most
    window_days: int = 45  # dated stories further than this from a dated article are not considered
    batch_size: int = 500
    rescue: float | None = None  # overrides the packaged model's rescue probability


@dataclass(slots=True)
class Story:
    id: str
    language: str | None
    terms: Counter = field(default_factory=Counter)
    entities: Counter = field(default_factory=Counter)
    emb_sum: np.ndarray | None = None
    members: list[str] = field(default_factory=list)
    days: list[int] = field(default_factory=list)  # sorted ordinal days of dated members


@dataclass(slots=True)
class Assignment:
    article_id: str
    story_id: str
    score: float  # mean join probability to the rest of its cluster (1.0 alone)
    new_story: bool


def to_day(published: str | None) -> int | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


def story_id_for(first_article_id: str) -> str:
    """A story's id comes from its first article, so reruns and other machines agree on it."""
    import hashlib

    return "s-" + hashlib.sha256(first_article_id.encode("utf-8")).hexdigest()[:12]


class StoryClusterer:
    """Holds the stories seen so far and assigns new articles to them, batch by batch."""

    def __init__(self, params: ClusterParams | None = None, model: JoinModel | None = None) -> None:
        self.params = params or ClusterParams()
        self.model = model or JoinModel.packaged()
        self.threshold = self.params.threshold if self.params.threshold is not None else self.model.threshold
        self.rescue = self.params.rescue if self.params.rescue is not None else self.model.rescue
        self.stories: dict[str, Story] = {}
        self.df: Counter = Counter()  # document frequency of terms, and of entities under "e:"
        self.n_docs = 0
        self._ids: list[str] = []  # row -> story id, for the embedding matrix
        self._matrix = np.zeros((0, 1), dtype=np.float32)
        self._row: dict[str, int] = {}
        self.dirty: set[str] = set()  # stories changed since the last save

    # -- public -------------------------------------------------------------------------------
    def add(
        self, items: list[tuple[str, str | None, str | None, StoryFeatures]], forced: dict[str, str] | None = None
    ) -> list[Assignment]:
        """Assign (article_id, published, language, features) items, in date order, batch by batch.

        ``forced`` maps an article to the article it copies: a copy always joins its original's story.
        """
        order = sorted(items, key=lambda it: (it[1] is None, (it[1] or "")[:10], it[0]))
        out: list[Assignment] = []
        size = self.params.batch_size
        for start in range(0, len(order), size):
            out += self._add_batch(order[start : start + size], forced or {})
        return out

    def restore(self, story: Story) -> None:
        """Put back a story loaded from the store."""
        self.stories[story.id] = story
        if story.emb_sum is not None:
            self._set_row(story)

    # -- one batch ----------------------------------------------------------------------------
    def _add_batch(self, batch, forced: dict[str, str]) -> list[Assignment]:
        for _, _, _, feats in batch:  # the batch is one step in time: its terms count at once
            self.df.update(set(feats.terms) | {"e:" + e for e in feats.entities})
        self.n_docs += len(batch)
        stories = self._candidate_stories(batch)
        n = len(batch)
        dist, prob = self._distances(batch, stories)
        index = {article_id: i for i, (article_id, *_rest) in enumerate(batch)}
        member_node = {a: n + j for j, s in enumerate(stories) for a in s.members}
        for copy, original in forced.items():  # a copy sits on its original
            if copy in index:
                other = index.get(original, member_node.get(original))
                if other is not None:
                    dist[index[copy], other] = dist[other, index[copy]] = 0.0
        labels = self._agglomerate(dist)
        clusters: dict[int, list[int]] = {}
        for node, label in enumerate(labels):
            clusters.setdefault(int(label), []).append(node)
        if self.rescue is not None:
            self._rescue_singletons(clusters, prob, dist, n)
        out: list[Assignment] = []
        for nodes in sorted((c for c in clusters.values() if c), key=min):
            docs = [i for i in nodes if i < n]
            if not docs:
                continue
            story_nodes = [i for i in nodes if i >= n]
            if story_nodes:  # several can only meet through forced copies; take the likeliest
                best = max(story_nodes, key=lambda j: prob[docs][:, j].mean())
                story, new = stories[best - n], False
            else:
                story, new = self._new_story(batch[docs[0]][0], batch[docs[0]][2]), True
            for i in docs:
                others = [k for k in nodes if k != i]
                score = float(prob[i, others].mean()) if others else 1.0
                article_id, published, _, feats = batch[i]
                out.append(Assignment(article_id, story.id, score, new and i == docs[0]))
                self._join(story, article_id, published, feats)
        return out

    def _rescue_singletons(self, clusters: dict[int, list[int]], prob: np.ndarray, dist: np.ndarray, n: int) -> None:
        """An article left alone joins the cluster it is likeliest to belong to, if likely enough.

        Average link is strict with articles whose text says little (a one-line item, a short brief);
        their best cluster by mean join probability is usually right. All lone articles are placed
        against the clusters as agglomeration left them, so the order does not matter; never across
        languages, never two lone articles into each other.
        """
        labels = sorted(clusters)
        lone = [label for label in labels if len(clusters[label]) == 1 and clusters[label][0] < n]
        if not lone or len(labels) < 2:
            return
        from scipy.sparse import csr_matrix

        rows = [node for label in labels for node in clusters[label]]
        cols = [k for k, label in enumerate(labels) for _ in clusters[label]]
        member = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(dist.shape[0], len(labels)))
        sizes = np.asarray(member.sum(axis=0)).ravel()
        docs = [clusters[label][0] for label in lone]
        full_prob = np.zeros((len(docs), dist.shape[0]))
        full_prob[:, : prob.shape[1]] = prob[docs]
        mean = np.asarray(member.T.dot(full_prob.T)).T / sizes
        blocked = np.asarray(member.T.dot((dist[docs] >= APART).astype(float).T)).T > 0
        for k, label in enumerate(labels):
            if label in lone:
                mean[:, k] = -1.0  # a lone article does not join another lone article (or itself)
        mean[blocked] = -1.0
        for row, label in enumerate(lone):
            target = int(np.argmax(mean[row]))
            if mean[row, target] >= self.rescue:
                clusters[labels[target]].append(docs[row])
                clusters[label] = []

    def _agglomerate(self, dist: np.ndarray) -> np.ndarray:
        """Average-link clusters whose mean distance stays below 1 - threshold."""
        if len(dist) == 1:
            return np.zeros(1, dtype=int)
        from scipy.cluster.hierarchy import fcluster, linkage
        from scipy.spatial.distance import squareform

        tree = linkage(squareform(dist, checks=False), method="average")
        return fcluster(tree, t=1.0 - self.threshold - 1e-12, criterion="distance")

    def _candidate_stories(self, batch) -> list[Story]:
        """Existing stories the batch's articles could join, most similar first, bounded in number."""
        if not self._ids:
            return []
        p = self.params
        matrix = self._matrix[: len(self._ids)]
        best: dict[str, float] = {}
        for _, published, language, feats in batch:
            if feats.embedding is None:
                continue
            sims = matrix @ feats.embedding
            day = to_day(published)
            taken = 0
            for row in np.argsort(-sims):
                story = self.stories[self._ids[row]]
                if language and story.language and story.language != language:
                    continue
                if (
                    day is not None
                    and story.days
                    and not (story.days[0] - p.window_days <= day <= story.days[-1] + p.window_days)
                ):
                    continue
                best[story.id] = max(best.get(story.id, -1.0), float(sims[row]))
                taken += 1
                if taken >= p.candidates:
                    break
        chosen = sorted(best, key=lambda sid: (-best[sid], sid))[: p.max_story_nodes]
        return [self.stories[sid] for sid in sorted(chosen)]

    def _distances(self, batch, stories: list[Story]) -> tuple[np.ndarray, np.ndarray]:
        """Distances between all nodes, and join probabilities of each article (rows) to every node."""
        n, m = len(batch), len(stories)
        term_rows = [feats.terms for _, _, _, feats in batch] + [s.terms for s in stories]
        ent_rows = [feats.entities for _, _, _, feats in batch] + [s.entities for s in stories]
        terms = self._cosines(term_rows, "", n)
        entities = self._cosines(ent_rows, "e:", n)
        embedding = self._embedding_cosines(batch, stories)
        decay, dated = self._time(batch, stories)
        prob = self.model.probability(pair_features(terms, entities, embedding, decay, dated))
        dist = np.full((n + m, n + m), APART)  # two existing stories are never merged
        dist[:n, :] = 1.0 - prob
        dist[n:, :n] = dist[:n, n:].T
        languages = np.array([lang or "" for _, _, lang, _ in batch], dtype=object)
        known = languages != ""
        clash = known[:, None] & known[None, :] & (languages[:, None] != languages[None, :])
        dist[:n, :n][clash] = APART
        np.fill_diagonal(dist, 0.0)
        return dist, prob

    def _cosines(self, rows: list[Counter], prefix: str, n: int) -> np.ndarray:
        """Cosines of the first ``n`` rows' sublinear TF-IDF vectors with every row's."""
        from scipy.sparse import csr_matrix, diags

        vocab: dict[str, int] = {}
        indptr, indices, data = [0], [], []
        log_n = self.n_docs + 1
        df = self.df
        for counts in rows:
            for term, count in counts.items():
                if count <= 0:
                    continue
                idf = math.log(log_n / (df.get(prefix + term, 0) + 1)) + 1.0
                indices.append(vocab.setdefault(term, len(vocab)))
                data.append((1.0 + math.log(count)) * idf)
            indptr.append(len(indices))
        matrix = csr_matrix(
            (np.asarray(data, dtype=np.float64), indices, indptr), shape=(len(rows), max(1, len(vocab)))
        )
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        matrix = diags(1.0 / norms) @ matrix
        return (matrix[:n] @ matrix.T).toarray()

    def _embedding_cosines(self, batch, stories: list[Story]) -> np.ndarray:
        vectors = [feats.embedding for _, _, _, feats in batch] + [
            None if s.emb_sum is None else s.emb_sum / (np.linalg.norm(s.emb_sum) or 1.0) for s in stories
        ]
        dim = next((v.shape[0] for v in vectors if v is not None), 1)
        matrix = np.stack([v if v is not None else np.zeros(dim, dtype=np.float32) for v in vectors]).astype(np.float64)
        return matrix[: len(batch)] @ matrix.T

    def _time(self, batch, stories: list[Story]) -> tuple[np.ndarray, np.ndarray]:
        """Gaussian decay of the gap in days (to a story's nearest article), and whether both sides are dated."""
        p = self.params
        n, m = len(batch), len(stories)
        days = np.array([to_day(published) or 0 for _, published, _, _ in batch], dtype=np.float64)
        has = np.array([to_day(published) is not None for _, published, _, _ in batch])
        gaps = np.zeros((n, n + m))
        dated = np.zeros((n, n + m))
        gaps[:, :n] = np.abs(days[:, None] - days[None, :])
        dated[:, :n] = (has[:, None] & has[None, :]).astype(np.float64)
        dated_stories = [j for j, story in enumerate(stories) if story.days]
        if dated_stories and has.any():
            story_days = [np.unique(stories[j].days) for j in dated_stories]
            starts = np.cumsum([0] + [len(d) for d in story_days[:-1]])
            flat = np.concatenate(story_days).astype(np.float64)
            rows = np.flatnonzero(has)
            nearest = np.minimum.reduceat(np.abs(days[rows, None] - flat[None, :]), starts, axis=1)
            columns = n + np.asarray(dated_stories)
            gaps[np.ix_(rows, columns)] = nearest
            dated[np.ix_(rows, columns)] = 1.0
        decay = np.exp(-(np.maximum(0.0, gaps - p.grace_days) ** 2) / (2 * p.sigma_days**2))
        return decay, dated

    # -- state --------------------------------------------------------------------------------
    def _new_story(self, article_id: str, language: str | None) -> Story:
        story = Story(id=story_id_for(article_id), language=language)
        self.stories[story.id] = story
        return story

    def _join(self, story: Story, article_id: str, published: str | None, feats: StoryFeatures) -> None:
        story.members.append(article_id)
        story.terms.update(feats.terms)
        story.entities.update(feats.entities)
        # A centroid keeps its strongest terms only, so a story's memory stays bounded however long it runs.
        if len(story.terms) > 2 * MAX_STORY_TERMS:
            story.terms = Counter(dict(story.terms.most_common(MAX_STORY_TERMS)))
        if len(story.entities) > 2 * MAX_STORY_ENTITIES:
            story.entities = Counter(dict(story.entities.most_common(MAX_STORY_ENTITIES)))
        day = to_day(published)
        if day is not None:
            bisect.insort(story.days, day)
        if feats.embedding is not None:
            story.emb_sum = (
                feats.embedding.astype(np.float32).copy() if story.emb_sum is None else story.emb_sum + feats.embedding
            )
            self._set_row(story)
        self.dirty.add(story.id)

    def _set_row(self, story: Story) -> None:
        vector = story.emb_sum / (np.linalg.norm(story.emb_sum) or 1.0)
        row = self._row.get(story.id)
        if row is None:
            if self._matrix.shape[1] != vector.shape[0]:
                self._matrix = np.zeros((0, vector.shape[0]), dtype=np.float32)
            if len(self._ids) == self._matrix.shape[0]:
                grown = np.zeros((max(16, 2 * len(self._ids)), vector.shape[0]), dtype=np.float32)
                grown[: len(self._ids)] = self._matrix[: len(self._ids)]
                self._matrix = grown
            row = len(self._ids)
            self._ids.append(story.id)
            self._row[story.id] = row
        self._matrix[row] = vector
