"""Story-level map: parse each changed story's articles, find entities and statements, store them."""

from __future__ import annotations

import hashlib
import json

from ..store import Store
from .entities import canonical_entities, doc_mentions, entity_id, recover_person_variants, same_person
from .speakers import resolve_speakers
from .statements import extract_statements


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


def analyze_stories(store: Store, story_ids: list[str], run_id: str) -> tuple[int, int]:
    """Entities and statements for these stories, replacing earlier ones; returns (entities, statements)."""
    if not story_ids:
        return 0, 0
    from ..nlp import load_spacy

    nlp = load_spacy()
    n_entities = n_statements = 0
    for story_id in story_ids:
        rows = store.con.execute(
            "SELECT a.id, a.text FROM story_articles sa JOIN articles a ON a.id = sa.article_id "
            "WHERE sa.story_id = ? AND (a.language = 'en' OR a.language IS NULL) ORDER BY a.published NULLS LAST, a.id",
            [story_id],
        ).fetchall()
        mentions, found = [], []
        for (article_id, text), doc in zip(rows, nlp.pipe([text for _, text in rows], batch_size=16)):
            mentions.extend(doc_mentions(doc, article_id))
            found.append((article_id, extract_statements(text, doc=doc)))
        mentions = recover_person_variants(mentions, dict(rows))
        entities, owner = canonical_entities(mentions)
        by_id = {e.id: e for e in entities}
        statement_rows = []
        for article_id, statements in found:
            article_mentions = sorted(
                ((m, owner[i]) for i, m in enumerate(mentions) if m.article_id == article_id),
                key=lambda pair: pair[0].start,
            )
            previous: list[tuple[int, list[str]]] = []
            for st in statements:
                speakers = resolve_speakers(st, article_mentions, by_id, previous)
                previous.append((st.end, [eid for eid, _ in speakers if eid]))
                for speaker_id, mention in speakers:
                    key = f"{article_id}|{st.start}|{st.end}|{speaker_id}|{mention}"
                    statement_rows.append(
                        (
                            "q-" + hashlib.sha256(key.encode()).hexdigest()[:12],
                            story_id,
                            article_id,
                            mention,
                            speaker_id,
                            st.cue or None,
                            st.kind,
                            st.stance,
                            st.text,
                            st.start,
                            st.end,
                        )
                    )
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
                for e in entities
            ],
        )
        store.insert_many(
            "statements",
            (
                "id",
                "story_id",
                "article_id",
                "speaker",
                "speaker_entity",
                "cue",
                "kind",
                "stance",
                "text",
                "start",
                '"end"',
            ),
            statement_rows,
            "ON CONFLICT (id) DO NOTHING",
        )
        store.con.execute(
            "INSERT INTO story_analysis SELECT id, n_articles, updated_run, ? FROM stories WHERE id = ? "
            "ON CONFLICT (story_id) DO UPDATE SET n_articles = excluded.n_articles, "
            "updated_run = excluded.updated_run, analysis_run = excluded.analysis_run",
            [run_id, story_id],
        )
        n_entities += len(entities)
        n_statements += len(statement_rows)
    unify_people(store)
    return n_entities, n_statements


def unify_people(store: Store) -> None:
    """A person a story names only by surname takes the one full name the store knows for them."""
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
        new_id = entity_id(fits[0], "PERSON")
        merged = sorted(set(json.loads(aliases)) | {name})
        if store.con.execute(
            "SELECT count(*) FROM entities WHERE story_id = ? AND id = ?", [story_id, new_id]
        ).fetchone()[0]:
            continue  # the story already has the full name as another entity: leave both as they are
        store.con.execute(
            "UPDATE entities SET id = ?, name = ?, aliases = ? WHERE story_id = ? AND id = ?",
            [new_id, fits[0], json.dumps(merged, ensure_ascii=False), story_id, old_id],
        )
        store.con.execute(
            "UPDATE statements SET speaker_entity = ? WHERE story_id = ? AND speaker_entity = ?",
            [new_id, story_id, old_id],
        )
