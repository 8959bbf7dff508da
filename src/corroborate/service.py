"""The functions the CLI (and later the API and web pages) call. They parse nothing and render nothing."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from .analyze.phase import analyze_stories, stories_to_analyze
from .clean.repeated import remove_outlet_repeats
from .dedup.syndication import update_syndication
from .ingest import discover, read_files
from .ingest.discover import InputFile
from .model import Article, Reject
from .pipeline import LocalExecutor, ProcessExecutor, Stage, check_contracts
from .report import build_report, validate_report, write_json
from .report.contract import statement_with_pieces
from .settings import Settings
from .stages import READER_FIELDS, FeaturesStage, ingest_stages
from .store import Store, StoreError, WriteCounts
from .stories.cluster import ClusterParams
from .stories.phase import assign_stories

EXPORT_FORMATS = ("json", "jsonl", "csv", "parquet")
log = logging.getLogger("corroborate")


class Progress(Protocol):
    def start(self, total_bytes: int, files: int) -> None: ...
    def file_done(self, file: InputFile) -> None: ...
    def batch_done(self, articles: int, rejects: int) -> None: ...


class NoProgress:
    def start(self, total_bytes: int, files: int) -> None:
        pass

    def file_done(self, file: InputFile) -> None:
        pass

    def batch_done(self, articles: int, rejects: int) -> None:
        pass


@dataclass(slots=True)
class IngestResult:
    run_id: str
    files: int
    counts: WriteCounts
    rejects: list[Reject] = field(default_factory=list)
    stage_stats: dict[str, dict[str, float]] = field(default_factory=dict)
    cleaned_by_outlet_phase: int = 0
    copies_found: int = 0
    assigned: int = 0
    new_stories: int = 0
    entities: int = 0
    statements: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejects


@dataclass(slots=True)
class RunResult:
    ingest: IngestResult
    articles_in_store: int
    json_path: Path | None = None
    html_path: Path | None = None


def ingest(
    paths: list[str],
    settings: Settings,
    progress: Progress | None = None,
    command: str = "ingest",
    store: Store | None = None,
    analysis: bool = True,
) -> IngestResult:
    """Read, extract, clean and store every input; bad inputs become rejects and the run goes on.

    ``analysis``: also run copies, stories and who-said-what over the store (``corroborate run``);
    without it only the cleaning phase runs and the rest waits, queued, for the next analysis.
    """
    progress = progress or NoProgress()
    files, rejects = discover(paths, exclude=(settings.db, settings.db + ".wal", settings.db + ".tmp"))
    own_store = store is None
    store = store or Store.open(settings.db)
    try:
        run_id = store.start_run(command, settings.as_dict(), paths)
        counts = WriteCounts()
        if rejects:
            counts.add(store.write_batch([], rejects, run_id))
        all_rejects = list(rejects)
        build = partial(ingest_stages, settings, analysis)
        check_contracts(build(), READER_FIELDS)
        executor = make_executor(build, settings, files)
        progress.start(sum(f.size or 0 for f in files), len(files))
        for number, batch in enumerate(executor.run(read_files(files, settings, on_file_done=progress.file_done)), 1):
            articles = [item for item in batch if isinstance(item, Article)]
            batch_rejects = [item for item in batch if isinstance(item, Reject)]
            counts.add(store.write_batch(articles, batch_rejects, run_id))
            log.info("batch %d stored: %d articles, %d rejects", number, len(articles), len(batch_rejects))
            all_rejects.extend(batch_rejects)
            progress.batch_done(len(articles), len(batch_rejects))
        result = IngestResult(run_id, len(files), counts, all_rejects, executor.stats.as_dict())
        analyze(store, settings, result, full=analysis)
        store.finish_run(run_id, counts.as_dict() | {"files": len(files), "stages": result.stage_stats})
        return result
    finally:
        if own_store:
            store.close()


def make_executor(build: Callable[[], list[Stage]], settings: Settings, files: list[InputFile]):
    """A process pool when there is enough work to repay starting it, else this process."""
    workers = settings.workers or min(os.cpu_count() or 1, 4)
    enough = len(files) >= settings.parallel_min_files or sum(f.size or 0 for f in files) >= 50_000_000
    if workers > 1 and (enough or settings.workers > 1):
        return ProcessExecutor(build, workers, batch_size=settings.batch_size)
    return LocalExecutor(build, batch_size=settings.batch_size)


def analyze(store: Store, settings: Settings, result: IngestResult, full: bool = True) -> None:
    """Global phases over the store: outlet boilerplate, then (``full``) copies, stories, who said what.

    Each phase takes its work from a queue filled in the same transaction as the articles, and all
    phases commit together, so a run killed here redoes the analysis on the next run.
    """
    with store.transaction():
        queued = store.take_pending("outlet")
        if queued:
            touched = store.articles("list_contains(?, id)", [queued], columns=("source",))
            recleaned = remove_outlet_repeats(
                store,
                {row["source"] for row in touched},
                settings.repeated_line_min_articles,
                settings.repeated_line_max_words,
            )
            result.cleaned_by_outlet_phase = len(recleaned)
            if recleaned:  # their text changed: their features are stale
                store.con.execute("DELETE FROM article_features WHERE list_contains(?, article_id)", [recleaned])
        if not full:
            return
        backfilled = backfill_features(store, settings)
        store.add_pending(backfilled, ("copies",))
        result.copies_found = update_syndication(store, store.take_pending("copies"), result.run_id)
        result.assigned, result.new_stories = assign_stories(store, cluster_params(settings), result.run_id)
        result.entities, result.statements = analyze_stories(store, stories_to_analyze(store), result.run_id)
    log.info(
        "analysis: %d outlet-recleaned, %d copies, %d articles into stories (%d new stories), "
        "%d entities, %d statements",
        result.cleaned_by_outlet_phase,
        result.copies_found,
        result.assigned,
        result.new_stories,
        result.entities,
        result.statements,
    )


def backfill_features(store: Store, settings: Settings) -> list[str]:
    """Compute features for stored articles that lack them (older stores, re-cleaned text)."""
    from .model import Origin

    rows = store.con.execute(
        "SELECT id, title, text, language, content_hash, origin_path, origin_record FROM articles "
        "WHERE id NOT IN (SELECT article_id FROM article_features) ORDER BY id"
    ).fetchall()
    if not rows:
        return []
    stage = FeaturesStage(settings)
    stage.setup()
    done: list[str] = []
    for start in range(0, len(rows), settings.batch_size):
        articles = []
        for article_id, title, text, language, chash, path, record in rows[start : start + settings.batch_size]:
            article = Article(
                raw="",
                content_type="text/plain",
                origin=Origin(path, record),
                id=article_id,
                title=title,
                text=text,
                language=language,
                content_hash=chash,
            )
            articles.append(article)
        stage.process_batch(articles)
        store.write_features(articles)
        done += [a.id for a in articles]
    return done


def cluster_params(settings: Settings) -> ClusterParams:
    return ClusterParams(**settings.clustering) if settings.clustering else ClusterParams()


def run(
    paths: list[str],
    settings: Settings,
    json_path: str | None = None,
    html_dir: str | None = None,
    progress: Progress | None = None,
) -> RunResult:
    """The main job: ingest, every analysis stage that exists, and the report over the whole store."""
    with Store.open(settings.db) as store:
        result = ingest(paths, settings, progress=progress, command="run", store=store)
        report = build_report(store)
        total = store.count_articles()
    validate_report(report)
    out = RunResult(result, total)
    if json_path:
        out.json_path = write_json(report, json_path)
    if html_dir:
        from .report.html import write_site

        out.html_path = write_site(report, html_dir)
    return out


def report(settings: Settings) -> dict[str, Any]:
    with Store.open(settings.db, read_only=True) as store:
        return build_report(store)


def list_articles(settings: Settings, source: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    columns = (
        "id",
        "source",
        "title",
        "published",
        "published_inferred",
        "language",
        "origin_path",
        "origin_record",
        "url",
        "revision",
    )
    with Store.open(settings.db, read_only=True) as store:
        where, params = ("source = ?", [source]) if source else ("", [])
        return store.articles(where, params, order="published NULLS LAST, source, id", limit=limit, columns=columns)


def get_article(settings: Settings, article_id: str) -> dict[str, Any] | None:
    with Store.open(settings.db, read_only=True) as store:
        row = store.find_article(article_id)
        if row is not None:
            row["revisions"] = store.revisions(row["id"])
            row["raw"] = store.raw(row["id"])
        return row


def list_stories(settings: Settings, limit: int | None = None) -> list[dict[str, Any]]:
    from .report.contract import story_records

    with Store.open(settings.db, read_only=True) as store:
        stories = story_records(store)
    return stories[:limit] if limit else stories


def get_story(settings: Settings, story_id: str) -> dict[str, Any] | None:
    """One story with its articles (id, source, title, published, copy relations)."""
    from .report.contract import story_records

    with Store.open(settings.db, read_only=True) as store:
        ids = [
            r[0]
            for r in store.con.execute(
                "SELECT id FROM stories WHERE id = ? OR starts_with(id, ?) LIMIT 2", [story_id, story_id]
            ).fetchall()
        ]
        if len(ids) > 1 and story_id not in ids:
            raise StoreError(f"story id prefix {story_id!r} is ambiguous")
        if not ids:
            return None
        sid = story_id if story_id in ids else ids[0]
        (story,) = story_records(store, [sid])
        story["articles"] = store.articles(
            "list_contains(?, id)",
            [story["article_ids"]],
            order="published NULLS LAST, id",
            columns=(
                "id",
                "source",
                "title",
                "published",
                "published_inferred",
                "language",
                "syndication_group",
                "duplicate_of",
                "url",
            ),
        )
        return story


def get_brief(settings: Settings, story_id: str) -> dict[str, Any] | None:
    """The brief of one story (id or unique prefix): summary, key facts, contested points, who said what,
    timeline, coverage and sources; None when there is no such story."""
    story = get_story(settings, story_id)
    return brief_of(settings, story) if story is not None else None


def brief_of(settings: Settings, story: dict[str, Any]) -> dict[str, Any]:
    """The brief of a story record (as ``get_story_record`` gives it)."""
    from .brief.build import build_brief
    from .report.contract import article_record

    with Store.open(settings.db, read_only=True) as store:
        rows = store.articles("id IN (SELECT unnest(?))", [story["article_ids"]], order="published NULLS LAST, id")
    return build_brief(story, {r["id"]: article_record(r) for r in rows})


def list_statements(settings: Settings, story_id: str | None = None, speaker: str | None = None) -> list[dict]:
    """Who said what: statements with their speaker's canonical name, optionally for one story or speaker."""
    sql = (
        "SELECT s.story_id, s.article_id, a.source, s.speaker, e.name, s.cue, s.kind, s.stance, s.text, s.start, "
        's."end", s.pieces FROM statements s JOIN articles a ON a.id = s.article_id '
        "LEFT JOIN entities e ON e.id = s.speaker_entity AND e.story_id = s.story_id WHERE TRUE"
    )
    params: list[Any] = []
    if story_id:
        sql += " AND starts_with(s.story_id, ?)"
        params.append(story_id)
    if speaker:
        sql += " AND (e.name ILIKE ? OR s.speaker ILIKE ? OR json_extract_string(e.aliases, '$') ILIKE ?)"
        params += [f"%{speaker}%"] * 3
    sql += " ORDER BY s.story_id, a.published NULLS LAST, s.article_id, s.start"
    names = (
        "story_id",
        "article_id",
        "source",
        "speaker",
        "speaker_name",
        "cue",
        "kind",
        "stance",
        "text",
        "start",
        "end",
        "pieces",
    )
    with Store.open(settings.db, read_only=True) as store:
        return [statement_with_pieces(dict(zip(names, row))) for row in store.con.execute(sql, params).fetchall()]


def list_rejects(settings: Settings, run_id: str | None = None) -> list[dict[str, Any]]:
    with Store.open(settings.db, read_only=True) as store:
        return store.rejects(run_id)


def export(settings: Settings, fmt: str, out: str) -> Path:
    """Write the store as the JSON report, JSON Lines of articles, CSV or Parquet."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    path = Path(out)
    path.parent.mkdir(parents=True, exist_ok=True)
    with Store.open(settings.db, read_only=True) as store:
        if fmt == "json":
            report_doc = build_report(store)
            validate_report(report_doc)
            return write_json(report_doc, path)
        if fmt == "jsonl":
            report_doc = build_report(store)
            with path.open("w", encoding="utf-8") as fh:
                for article in report_doc["articles"]:
                    fh.write(json.dumps(article, ensure_ascii=False) + "\n")
            return path
        columns = (
            "id, revision, source, url, title, published, published_inferred, language, origin_path, "
            "origin_record, text, CAST(removed AS VARCHAR) AS removed, syndication_group, duplicate_of"
        )
        target = str(path).replace("'", "''")
        option = "FORMAT csv, HEADER" if fmt == "csv" else "FORMAT parquet"
        store.con.execute(
            f"COPY (SELECT {columns} FROM articles ORDER BY published NULLS LAST, id) TO '{target}' ({option})"
        )
        return path


# -- the web layer's queries (thin wrappers over the store; every parameter is bound) --------------------------


def story_index(
    settings: Settings,
    date_from: str | None = None,
    date_to: str | None = None,
    outlet: str | None = None,
    entity: str | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """Stories newest first with their counts, filtered by date range, outlet and entity name (substrings)."""
    sql = """
        WITH members AS (
            SELECT sa.story_id, list(DISTINCT a.source ORDER BY a.source) AS outlets,
                   list(sa.article_id ORDER BY a.published NULLS LAST, a.id) AS article_ids,
                   bool_or(CAST(? AS VARCHAR) IS NULL OR contains(lower(a.source), lower(?))) AS outlet_ok
            FROM story_articles sa JOIN articles a ON a.id = sa.article_id GROUP BY sa.story_id
        ), people AS (
            SELECT story_id FROM entities WHERE CAST(? AS VARCHAR) IS NOT NULL AND contains(lower(name), lower(?))
            GROUP BY story_id
        )
        SELECT s.id, s.title, s.n_articles, s.independent_sources, s.first_published, s.last_published,
               coalesce(json_array_length(x.contradictions), 0) AS n_contradictions,
               coalesce(json_array_length(x.claims), 0) AS n_claims, m.outlets, m.article_ids
        FROM stories s JOIN members m ON m.story_id = s.id LEFT JOIN story_crosscheck x ON x.story_id = s.id
        WHERE (CAST(? AS VARCHAR) IS NULL OR s.last_published >= ?)
          AND (CAST(? AS VARCHAR) IS NULL OR s.first_published <= ? || 'T99')
          AND m.outlet_ok
          AND (CAST(? AS VARCHAR) IS NULL OR s.id IN (SELECT story_id FROM people))
        ORDER BY s.last_published DESC NULLS LAST, s.id
        LIMIT ?"""
    params = [outlet, outlet, entity, entity, date_from, date_from, date_to, date_to, entity, limit]
    with Store.open(settings.db, read_only=True) as store:
        cursor = store.con.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def get_story_record(settings: Settings, story_id: str) -> dict[str, Any] | None:
    """The report contract's story object (exact id)."""
    from .report.contract import story_records

    with Store.open(settings.db, read_only=True) as store:
        if not store.con.execute("SELECT count(*) FROM stories WHERE id = ?", [story_id]).fetchone()[0]:
            return None
        (story,) = story_records(store, [story_id])
        return story


def story_bundles(settings: Settings, story_ids: list[str]) -> list[tuple[dict[str, Any], dict[str, dict[str, Any]]]]:
    """Stories (exact ids; unknown ids are left out) with their articles, read in bulk: for each, the contract's
    story object and its articles' contract objects by id (each with its ``story_id``). What the web server
    renders a story's page and its articles' pages from."""
    from .report.contract import article_record, story_records

    if not story_ids:
        return []
    with Store.open(settings.db, read_only=True) as store:
        stories = story_records(store, list(story_ids))
        rows = store.articles(
            "id IN (SELECT article_id FROM story_articles WHERE story_id IN (SELECT unnest(?)))", [list(story_ids)]
        )
    records = {r["id"]: article_record(r) for r in rows}
    return [
        (story, {aid: dict(records[aid], story_id=story["id"]) for aid in story["article_ids"] if aid in records})
        for story in stories
    ]


def story_fingerprints(settings: Settings) -> dict[str, int]:
    """A hash per story (newest first) of everything its pages show: its row, its articles' metadata and
    content hashes, its entities, statements and cross-check. A write changes the hash of every story it
    touches, so the web server knows which finished pages to drop."""
    sql = """
        WITH m AS (SELECT sa.story_id, bit_xor(hash(a.id, a.content_hash, a.title, a.published, a.published_inferred,
                          a.source, a.url, a.language, a.syndication_group, a.duplicate_of)) AS h
                   FROM story_articles sa JOIN articles a ON a.id = sa.article_id GROUP BY sa.story_id),
             e AS (SELECT story_id, bit_xor(hash(id, name, type, aliases, roles, article_ids)) AS h
                   FROM entities GROUP BY story_id),
             st AS (SELECT story_id, bit_xor(hash(id, article_id, speaker, speaker_entity, cue, kind, stance, text,
                           start, "end")) AS h FROM statements GROUP BY story_id)
        SELECT s.id, hash(s.title, s.independent_sources, s.first_published, s.last_published, m.h, e.h, st.h,
                          x.claims, x.contradictions, x.timeline, x.summary)
        FROM stories s LEFT JOIN m ON m.story_id = s.id LEFT JOIN e ON e.story_id = s.id
             LEFT JOIN st ON st.story_id = s.id LEFT JOIN story_crosscheck x ON x.story_id = s.id
        ORDER BY s.last_published DESC NULLS LAST, s.id"""
    with Store.open(settings.db, read_only=True) as store:
        return dict(store.con.execute(sql).fetchall())


def get_article_record(settings: Settings, article_id: str) -> dict[str, Any] | None:
    """The report contract's article object (exact id), with the story it belongs to and its statements."""
    from .report.contract import article_record

    with Store.open(settings.db, read_only=True) as store:
        rows = store.articles("id = ?", [article_id])
        if not rows:
            return None
        record = article_record(rows[0])
        row = store.con.execute("SELECT story_id FROM story_articles WHERE article_id = ?", [article_id]).fetchone()
        record["story_id"] = row[0] if row else None
        return record


def get_entity(settings: Settings, entity_id: str) -> dict[str, Any] | None:
    """One canonical person or body across stories: names, roles, the stories it is in, everything it said."""
    with Store.open(settings.db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT e.story_id, e.name, e.type, e.aliases, e.roles, s.title, s.last_published FROM entities e "
            "JOIN stories s ON s.id = e.story_id WHERE e.id = ? ORDER BY s.last_published DESC NULLS LAST",
            [entity_id],
        ).fetchall()
        if not rows:
            return None
        aliases: dict[str, None] = {}
        roles: dict[str, None] = {}
        for r in rows:
            aliases.update(dict.fromkeys(json.loads(r[3])))
            roles.update(dict.fromkeys(json.loads(r[4])))
        cursor = store.con.execute(
            "SELECT st.id, st.story_id, st.article_id, a.source, a.title, a.published, st.speaker, st.cue, st.kind, "
            'st.stance, st.text, st.start, st."end", st.pieces '
            "FROM statements st JOIN articles a ON a.id = st.article_id "
            "WHERE st.speaker_entity = ? ORDER BY a.published DESC NULLS LAST, st.article_id, st.start",
            [entity_id],
        )
        names = [d[0] for d in cursor.description]
        statements = [statement_with_pieces(dict(zip(names, row))) for row in cursor.fetchall()]
    return {
        "id": entity_id,
        "name": rows[0][1],
        "type": rows[0][2],
        "aliases": list(aliases),
        "roles": list(roles),
        "stories": [{"id": r[0], "title": r[5], "last_published": r[6]} for r in rows],
        "statements": statements,
    }


def search(settings: Settings, q: str, limit: int = 50) -> dict[str, list[dict[str, Any]]]:
    """Articles whose title or text holds ``q`` and entities whose name or alias does (plain substring,
    case-insensitive: ``%`` and ``_`` are characters like any other)."""
    q = (q or "").strip()
    if not q:
        return {"articles": [], "entities": []}
    with Store.open(settings.db, read_only=True) as store:
        cursor = store.con.execute(
            "SELECT id, title, source, published FROM articles WHERE contains(lower(coalesce(title, '')), lower(?)) "
            "OR contains(lower(text), lower(?)) ORDER BY contains(lower(coalesce(title, '')), lower(?)) DESC, "
            "published DESC NULLS LAST, id LIMIT ?",
            [q, q, q, limit],
        )
        names = [d[0] for d in cursor.description]
        articles = [dict(zip(names, row)) for row in cursor.fetchall()]
        cursor = store.con.execute(
            "SELECT id, any_value(name) AS name, any_value(type) AS type, count(DISTINCT story_id) AS stories "
            "FROM entities WHERE contains(lower(name), lower(?)) "
            "OR contains(lower(CAST(aliases AS VARCHAR)), lower(?)) GROUP BY id ORDER BY stories DESC, name LIMIT ?",
            [q, q, limit],
        )
        names = [d[0] for d in cursor.description]
        entities = [dict(zip(names, row)) for row in cursor.fetchall()]
    return {"articles": articles, "entities": entities}


UPLOAD_FIELDS = ("id", "title", "text", "source", "url", "published", "language")


def stories_of(settings: Settings, article_ids: list[str]) -> list[str]:
    """The stories these articles belong to."""
    with Store.open(settings.db, read_only=True) as store:
        rows = store.con.execute(
            "SELECT DISTINCT story_id FROM story_articles WHERE list_contains(?, article_id) ORDER BY story_id",
            [article_ids],
        ).fetchall()
    return [r[0] for r in rows]


def add_articles(settings: Settings, records: list[dict[str, Any]], inbox: str | Path) -> RunResult:
    """Store uploaded articles: the records are written as a JSONL file in ``inbox`` (kept: the raw input) and
    run through the whole pipeline like any other input, so rejects, copies, stories and analysis behave the same.
    """
    inbox = Path(inbox)
    inbox.mkdir(parents=True, exist_ok=True)
    body = "\n".join(
        json.dumps({k: r.get(k) for k in UPLOAD_FIELDS if r.get(k) is not None}, ensure_ascii=False) for r in records
    )
    digest = hashlib.sha256(body.encode()).hexdigest()[:16]
    path = inbox / f"upload-{datetime.now(UTC).strftime('%Y%m%dT%H%M%S')}-{digest}.jsonl"
    path.write_text(body + "\n", encoding="utf-8")
    return run([str(path)], settings)
