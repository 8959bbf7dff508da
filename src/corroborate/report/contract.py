"""The report contract ``corroborate.report/1``: one JSON document, validated by the shipped schema."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..store import Store

SCHEMA_NAME = "corroborate.report/1"


@lru_cache(maxsize=1)
def report_schema() -> dict[str, Any]:
    return json.loads(resources.files(__package__).joinpath("schema.json").read_text(encoding="utf-8"))


def article_record(row: dict[str, Any]) -> dict[str, Any]:
    """A stored article as the contract names its fields."""
    return {
        "id": row["id"],
        "path": row["origin_path"],
        "record": row["origin_record"],
        "revision": row["revision"],
        "source": row["source"],
        "url": row["url"],
        "title": row["title"],
        "published": row["published"],
        "published_inferred": bool(row["published_inferred"]),
        "language": row["language"],
        "text": row["text"],
        "removed": row["removed"],
        "syndication_group": row["syndication_group"],
        "duplicate_of": row["duplicate_of"],
    }


def statement_with_pieces(statement: dict[str, Any]) -> dict[str, Any]:
    """A stored statement as the contract gives it: its ``pieces`` column decoded, and left out where its words are
    one span (NULL)."""
    pieces = statement.pop("pieces", None)
    if pieces is not None:
        statement["pieces"] = json.loads(pieces)
    return statement


def story_records(store: Store, story_ids: list[str] | None = None) -> list[dict[str, Any]]:
    """Stories as the contract names their fields, newest first; their articles oldest first."""
    where = "WHERE s.id IN (SELECT unnest(?))" if story_ids is not None else ""
    rows = store.con.execute(
        f"""SELECT s.id, s.title, list(sa.article_id ORDER BY a.published NULLS LAST, a.id), s.independent_sources,
                   s.first_published, s.last_published
            FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.id = sa.article_id
            {where} GROUP BY ALL ORDER BY s.last_published DESC NULLS LAST, s.id""",
        [story_ids] if story_ids is not None else [],
    ).fetchall()
    stories = [
        {
            "id": r[0],
            "title": r[1],
            "article_ids": list(r[2]),
            "independent_sources": r[3],
            "first_published": r[4],
            "last_published": r[5],
            "entities": [],
            "statements": [],
            "claims": [],
            "contradictions": [],
            "timeline": [],
            "summary": [],
        }
        for r in rows
    ]
    by_id = {s["id"]: s for s in stories}
    if not by_id:
        return stories
    ids = list(by_id)
    for sid, eid, name, etype, aliases, roles, article_ids in store.con.execute(
        "SELECT story_id, id, name, type, aliases, roles, article_ids FROM entities "
        "WHERE story_id IN (SELECT unnest(?)) ORDER BY story_id, json_array_length(article_ids) DESC, name",
        [ids],
    ).fetchall():
        by_id[sid]["entities"].append(
            {
                "id": eid,
                "name": name,
                "type": etype,
                "aliases": json.loads(aliases),
                "roles": json.loads(roles),
                "article_ids": json.loads(article_ids),
            }
        )
    for row in store.con.execute(
        'SELECT story_id, id, article_id, speaker, speaker_entity, cue, kind, stance, text, start, "end", pieces '
        "FROM statements WHERE story_id IN (SELECT unnest(?)) ORDER BY story_id, article_id, start, id",
        [ids],
    ).fetchall():
        names = ("id", "article_id", "speaker", "speaker_entity", "cue", "kind", "stance", "text", "start", "end")
        by_id[row[0]]["statements"].append(statement_with_pieces(dict(zip((*names, "pieces"), row[1:]))))
    for sid, claims, contradictions, timeline, summary in store.con.execute(
        "SELECT story_id, claims, contradictions, timeline, summary FROM story_crosscheck "
        "WHERE story_id IN (SELECT unnest(?))",
        [ids],
    ).fetchall():
        by_id[sid]["claims"] = json.loads(claims)
        by_id[sid]["contradictions"] = json.loads(contradictions)
        by_id[sid]["timeline"] = json.loads(timeline)
        by_id[sid]["summary"] = json.loads(summary or "[]")
    return stories


def build_report(store: Store) -> dict[str, Any]:
    articles = [article_record(row) for row in store.articles(order="published NULLS LAST, source, id")]
    return {
        "schema": SCHEMA_NAME,
        "generated_at": datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z"),
        "articles": articles,
        "stories": story_records(store),
    }


def validate_report(report: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when the report breaks the contract."""
    import jsonschema

    jsonschema.Draft202012Validator(report_schema()).validate(report)


def write_json(report: dict[str, Any], path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        json.dump(report, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    tmp.replace(path)  # a reader never sees half a report
    return path
