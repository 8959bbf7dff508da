"""Global phase: copies and partial copies among stored articles, grouped, earliest as the original."""

from __future__ import annotations

from ..store import Store
from .minhash import CopyPair, candidate_pairs, groups, shingles, verify


def update_syndication(store: Store, new_ids: list[str], run_id: str) -> int:
    """Find copies of the new articles, regroup, and set syndication_group/duplicate_of; returns pairs found."""
    if not new_ids:
        return 0
    signatures = store.con.execute(
        "SELECT article_id, minhash FROM article_features WHERE minhash IS NOT NULL ORDER BY article_id"
    ).fetchall()
    pairs = candidate_pairs(signatures, set(new_ids))
    found: list[CopyPair] = []
    if pairs:
        ids = sorted({i for pair in pairs for i in pair})
        grams = {
            i: shingles(t)
            for i, t in store.con.execute("SELECT id, text FROM articles WHERE list_contains(?, id)", [ids]).fetchall()
        }
        for a, b in sorted(pairs):
            if a in grams and b in grams:
                pair = verify(a, grams[a], b, grams[b])
                if pair:
                    found.append(pair)
    if found:
        store.insert_many(
            "copies",
            ("article_id", "other_id", "kind", "jaccard", "containment", "run_id"),
            [(p.article_id, p.other_id, p.kind, p.jaccard, p.containment, run_id) for p in found],
            "ON CONFLICT (article_id, other_id) DO UPDATE SET kind = excluded.kind, jaccard = excluded.jaccard, "
            "containment = excluded.containment",
        )
    regroup(store)
    return len(found)


def regroup(store: Store) -> None:
    """Recompute every group from the copies table; the earliest article of a group is its original."""
    rows = store.con.execute("SELECT article_id, other_id, kind, jaccard, containment FROM copies").fetchall()
    members = sorted({r[0] for r in rows} | {r[1] for r in rows})
    group_of = groups(members, [CopyPair(*r) for r in rows])
    info = {
        row[0]: row[1:]
        for row in store.con.execute(
            "SELECT id, published, first_run FROM articles WHERE list_contains(?, id)", [members]
        ).fetchall()
    }
    by_group: dict[str, list[str]] = {}
    for article_id, root in group_of.items():
        if article_id in info:
            by_group.setdefault(root, []).append(article_id)
    updates: list[tuple[str, str | None, str | None]] = []
    for ids in by_group.values():
        if len(ids) < 2:
            continue
        original = min(ids, key=lambda i: _age_key(info[i][0], info[i][1], i))
        group_id = "g-" + original
        updates += [(i, group_id, None if i == original else original) for i in ids]
    store.con.execute(
        "UPDATE articles SET syndication_group = NULL, duplicate_of = NULL WHERE syndication_group IS NOT NULL"
    )
    if updates:
        store.con.execute("CREATE OR REPLACE TEMP TABLE group_updates (id VARCHAR, grp VARCHAR, dup VARCHAR)")
        store.insert_many("group_updates", ("id", "grp", "dup"), updates)
        store.con.execute(
            "UPDATE articles SET syndication_group = g.grp, duplicate_of = g.dup "
            "FROM group_updates g WHERE articles.id = g.id"
        )


def _age_key(published: str | None, first_run: str, article_id: str) -> tuple:
    """Earliest first: by day; within a day a known time beats a bare date; undated last."""
    if not published:
        return (1, "", 1, "", first_run, article_id)
    day, _, time = published.partition("T")
    return (0, day, 0 if time else 1, time, first_run, article_id)
