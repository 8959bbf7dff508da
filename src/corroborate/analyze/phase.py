"""Story-level map: analyse each changed story (entities, who said what, cross-check) and store the result."""

from __future__ import annotations

import json
import re

from ..store import Store
from .entities import entity_id, name_parts, same_person
from .story import SourceText, analyze_story


def stories_to_analyze(store: Store) -> list[str]:
    """Stories whose articles changed since their last analysis (or never analysed)."""
    return [
        r[0]
        for r in store.con.execute(
            "SELECT s.id FROM stories s LEFT JOIN story_analysis x ON x.story_id = s.id "
            "WHERE x.story_id IS NULL OR x.n_articles <> s.n_articles OR x.updated_run <> s.updated_run "
            "ORDER BY s.id"
        ).fetchall()
    ]


def story_sources(store: Store, story_id: str) -> list[SourceText]:
    """The story's English articles (or of unknown language), oldest first."""
    rows = store.con.execute(
        "SELECT a.id, a.text, a.source, a.published, a.syndication_group, a.title, a.published_inferred "
        "FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
        "WHERE sa.story_id = ? AND (a.language = 'en' OR a.language IS NULL) ORDER BY a.published NULLS LAST, a.id",
        [story_id],
    ).fetchall()
    return [SourceText(*row) for row in rows]


def analyze_stories(store: Store, story_ids: list[str], run_id: str) -> tuple[int, int]:
    """Entities, statements and the cross-check for these stories, replacing earlier ones; (entities, statements)."""
    if not story_ids:
        return 0, 0
    from ..nlp import load_spacy

    nlp = load_spacy()
    n_entities = n_statements = 0
    # the store's stem document frequencies (kept by the story phase) weigh the summary's terms
    df = dict(store.con.execute("SELECT substr(term, 3), df FROM term_stats WHERE starts_with(term, 'l:')").fetchall())
    frequencies = (df, store.count_articles()) if df else None
    for story_id in story_ids:
        sources = story_sources(store, story_id)
        result = analyze_story(sources, nlp, frequencies=frequencies)
        store.con.execute("DELETE FROM entities WHERE story_id = ?", [story_id])
        store.con.execute("DELETE FROM statements WHERE story_id = ?", [story_id])
        store.insert_many(
            "entities",
            ("story_id", "id", "name", "type", "aliases", "roles", "article_ids"),
            [
                (
                    story_id,
                    e.id,
                    e.name,
                    e.type,
                    json.dumps(e.aliases, ensure_ascii=False),
                    json.dumps(e.roles, ensure_ascii=False),
                    json.dumps(e.article_ids),
                )
                for e in result.entities
            ],
        )
        columns = ("id", "article_id", "speaker", "speaker_entity", "cue", "kind", "stance", "text", "start", "end")
        records = [s.record() for s in result.statements]
        store.insert_many(
            "statements",
            ("story_id", *[f'"{c}"' if c == "end" else c for c in columns], "pieces"),
            [(story_id, *[r[c] for c in columns], json.dumps(r["pieces"]) if "pieces" in r else None) for r in records],
            "ON CONFLICT (id) DO NOTHING",
        )
        store.con.execute(
            "INSERT OR REPLACE INTO story_crosscheck (story_id, claims, contradictions, timeline, summary) "
            "VALUES (?, ?, ?, ?, ?)",
            [
                story_id,
                json.dumps(result.claims, ensure_ascii=False),
                json.dumps(result.contradictions, ensure_ascii=False),
                json.dumps(result.timeline, ensure_ascii=False),
                json.dumps(result.summary, ensure_ascii=False),
            ],
        )
        for article_id, (date, inferred) in result.published.items():
            if inferred:  # an undated article takes the date its content and story give it, marked as inferred
                store.con.execute(
                    "UPDATE articles SET published = ?, published_inferred = TRUE "
                    "WHERE id = ? AND (published IS NULL OR published_inferred)",
                    [date, article_id],
                )
        # the story's span counts its members' inferred dates too, as a rerun that reads them from the store does
        store.con.execute(
            "UPDATE stories SET first_published = d.first, last_published = d.last FROM ("
            "SELECT min(a.published) AS first, max(a.published) AS last FROM story_articles sa "
            "JOIN articles a ON a.id = sa.article_id WHERE sa.story_id = ? AND a.published IS NOT NULL) d "
            "WHERE stories.id = ? AND d.first IS NOT NULL",
            [story_id, story_id],
        )
        store.con.execute(
            "INSERT INTO story_analysis SELECT id, n_articles, updated_run, ? FROM stories WHERE id = ? "
            "ON CONFLICT (story_id) DO UPDATE SET n_articles = excluded.n_articles, "
            "updated_run = excluded.updated_run, analysis_run = excluded.analysis_run",
            [run_id, story_id],
        )
        n_entities += len(result.entities)
        n_statements += len(result.statements)
    unify_people(store)
    return n_entities, n_statements


def unify_people(store: Store) -> None:
    """A person a story names only by surname takes the one full name the store knows for them; a person named in
    full with and without initials ("Charles E. Schumer", "Charles Schumer") takes the form most stories use."""
    _unify_initials(store)
    full = [
        r[0]
        for r in store.con.execute(
            "SELECT DISTINCT name FROM entities WHERE type = 'PERSON' AND contains(name, ' ') ORDER BY name"
        ).fetchall()
    ]
    singles = store.con.execute(
        "SELECT story_id, id, name, aliases FROM entities WHERE type = 'PERSON' AND NOT contains(name, ' ')"
    ).fetchall()
    for story_id, old_id, name, aliases in singles:
        fits = [f for f in full if same_person(f, name)]
        if len(fits) != 1:
            continue
        merged = sorted(set(json.loads(aliases)) | {name})
        _rename(store, story_id, old_id, entity_id(fits[0], "PERSON"), fits[0], merged)


_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")  # "E.", "H.W.", "E"


def _initials_key(name: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """(the name's words, its initials) of a full name: "Robert S. Mueller III" is ((robert, mueller), (S,)); an
    ordinal is no part of it, a generational suffix is ("Donald Trump Jr." is not Donald Trump)."""
    words = name_parts(name)
    plain = tuple(w.lower() for w in words if not _INITIAL.fullmatch(w))
    if len(plain) < 2:
        return None
    return plain, tuple(w.replace(".", "") for w in words if _INITIAL.fullmatch(w))


def _unify_initials(store: Store) -> None:
    """Full names of one person with and without initials become the form most stories use; where two forms
    carry different initials ("George W. Bush", "George H.W. Bush": two presidents) none of them is touched."""
    query = "SELECT name, count(DISTINCT story_id) FROM entities WHERE type = 'PERSON' AND contains(name, ' ')"
    forms: dict[tuple[str, ...], list[tuple[str, int, tuple[str, ...]]]] = {}
    for name, stories in store.con.execute(query + " GROUP BY name").fetchall():
        key = _initials_key(name)
        if key is not None:
            forms.setdefault(key[0], []).append((name, stories, key[1]))
    for variants in forms.values():
        if len(variants) < 2 or len({initials for _, _, initials in variants if initials}) > 1:
            continue
        canonical = max(variants, key=lambda v: (v[1], -len(v[0]), v[0]))[0]  # most stories, then the shorter
        for name, _, _ in variants:
            if name == canonical:
                continue
            for story_id, old_id, aliases in store.con.execute(
                "SELECT story_id, id, aliases FROM entities WHERE type = 'PERSON' AND name = ?", [name]
            ).fetchall():
                merged = sorted(set(json.loads(aliases)) | {name})
                _rename(store, story_id, old_id, entity_id(canonical, "PERSON"), canonical, merged)


def _rename(store: Store, story_id: str, old_id: str, new_id: str, name: str, aliases: list[str]) -> None:
    """One story's entity takes another id and name; its statements follow. Left as it is where the story already
    has an entity of that id."""
    taken = "SELECT count(*) FROM entities WHERE story_id = ? AND id = ?"
    if store.con.execute(taken, [story_id, new_id]).fetchone()[0]:
        return
    store.con.execute(
        "UPDATE entities SET id = ?, name = ?, aliases = ? WHERE story_id = ? AND id = ?",
        [new_id, name, json.dumps(aliases, ensure_ascii=False), story_id, old_id],
    )
    store.con.execute(
        "UPDATE statements SET speaker_entity = ? WHERE story_id = ? AND speaker_entity = ?",
        [new_id, story_id, old_id],
    )
