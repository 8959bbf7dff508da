"""Global phase: new articles join the stories in the store, or start new ones; story fields refreshed."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np

from ..store import Store
from .cluster import ClusterParams, Story, StoryClusterer
from .features import StoryFeatures


def load_clusterer(store: Store, params: ClusterParams) -> StoryClusterer:
    clusterer = StoryClusterer(params)
    for sid, language, terms, entities, emb_sum, days, members in store.con.execute(
        "SELECT s.id, s.language, s.terms, s.entities, s.emb_sum, s.days, "
        "list(sa.article_id ORDER BY sa.article_id) FROM stories s JOIN story_articles sa ON sa.story_id = s.id "
        "GROUP BY ALL ORDER BY s.id"
    ).fetchall():
        clusterer.restore(
            Story(
                id=sid,
                language=language,
                terms=Counter(json.loads(terms)),
                entities=Counter(json.loads(entities)),
                emb_sum=None if emb_sum is None else np.asarray(emb_sum, dtype=np.float32),
                members=list(members),
                days=sorted(days or []),
            )
        )
    clusterer.df = Counter(dict(store.con.execute("SELECT term, df FROM term_stats").fetchall()))
    row = store.con.execute("SELECT value FROM kv WHERE key = 'n_docs'").fetchone()
    clusterer.n_docs = int(json.loads(row[0])) if row else 0
    return clusterer


def assign_stories(store: Store, params: ClusterParams, run_id: str) -> tuple[int, int]:
    """Cluster the articles that have no story yet; returns (articles assigned, stories created)."""
    rows = store.con.execute(
        "SELECT a.id, a.published, a.language, a.duplicate_of, f.terms, f.entities, f.embedding "
        "FROM articles a JOIN article_features f ON f.article_id = a.id "
        "WHERE a.id NOT IN (SELECT article_id FROM story_articles) ORDER BY a.id"
    ).fetchall()
    if not rows:
        return 0, 0
    clusterer = load_clusterer(store, params)
    df_before = Counter(clusterer.df)
    items, forced = [], {}
    for article_id, published, language, duplicate_of, terms, entities, embedding in rows:
        feats = StoryFeatures.from_json(
            {"terms": json.loads(terms), "entities": json.loads(entities)},
            None if embedding is None else np.asarray(embedding, dtype=np.float32),
        )
        items.append((article_id, published, language, feats))
        if duplicate_of:
            forced[article_id] = duplicate_of
    assignments = clusterer.add(items, forced)
    store.insert_many(
        "story_articles",
        ("article_id", "story_id", "score", "run_id"),
        [(a.article_id, a.story_id, a.score, run_id) for a in assignments],
    )
    delta = clusterer.df - df_before
    store.insert_many(
        "term_stats",
        ("term", "df"),
        list(delta.items()),
        "ON CONFLICT (term) DO UPDATE SET df = term_stats.df + excluded.df",
    )
    store.con.execute(
        "INSERT INTO kv VALUES ('n_docs', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [json.dumps(clusterer.n_docs)],
    )
    save_stories(store, clusterer, sorted(clusterer.dirty), run_id)
    return len(assignments), sum(a.new_story for a in assignments)


def save_stories(store: Store, clusterer: StoryClusterer, story_ids: list[str], run_id: str) -> None:
    if not story_ids:
        return
    members = {sid: clusterer.stories[sid].members for sid in story_ids}
    all_ids = sorted({m for ms in members.values() for m in ms})
    info = {
        r[0]: r[1:]
        for r in store.con.execute(
            "SELECT a.id, a.title, a.published, coalesce(a.syndication_group, a.id), f.embedding "
            "FROM articles a LEFT JOIN article_features f ON f.article_id = a.id WHERE list_contains(?, a.id)",
            [all_ids],
        ).fetchall()
    }
    rows = []
    for sid in story_ids:
        story = clusterer.stories[sid]
        ids = [m for m in story.members if m in info]
        dates = sorted(info[m][1] for m in ids if info[m][1])
        rows.append(
            (
                sid,
                story.language,
                central_title(story, ids, info),
                dates[0] if dates else None,
                dates[-1] if dates else None,
                len({info[m][2] for m in ids}),
                len(ids),
                json.dumps(dict(story.terms), ensure_ascii=False),
                json.dumps(dict(story.entities), ensure_ascii=False),
                None if story.emb_sum is None else [float(x) for x in story.emb_sum],
                story.days,
                run_id,
            )
        )
    columns = (
        "id",
        "language",
        "title",
        "first_published",
        "last_published",
        "independent_sources",
        "n_articles",
        "terms",
        "entities",
        "emb_sum",
        "days",
        "updated_run",
    )
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
    store.insert_many("stories", columns, rows, f"ON CONFLICT (id) DO UPDATE SET {updates}")
    clusterer.dirty.clear()


def central_title(story: Story, ids: list[str], info: dict) -> str | None:
    """The headline of the member closest to the story's centroid (its most central headline)."""
    titled = [m for m in ids if info[m][0]]
    if not titled:
        return None
    if story.emb_sum is None:
        return info[sorted(titled)[0]][0]
    centroid = story.emb_sum / (np.linalg.norm(story.emb_sum) or 1.0)

    def closeness(m: str) -> float:
        emb = info[m][3]
        return float(np.dot(np.asarray(emb, dtype=np.float32), centroid)) if emb is not None else -1.0

    return info[max(sorted(titled), key=closeness)][0]
