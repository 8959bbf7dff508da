"""The embedded DuckDB store: migrations, transactional batch writes, queries."""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..model import Article, Origin, Reject, RemovedLine
from .migrations import LATEST, MIGRATIONS

ARTICLE_COLUMNS = (
    "id",
    "revision",
    "source",
    "url",
    "title",
    "published",
    "published_inferred",
    "language",
    "text",
    "removed",
    "origin_path",
    "origin_record",
    "meta",
    "content_hash",
    "syndication_group",
    "duplicate_of",
    "first_run",
    "last_run",
    "ingested_at",
)


REVISION_COLUMNS = (
    "article_id",
    "revision",
    "content_hash",
    "title",
    "published",
    "raw",
    "origin_path",
    "origin_record",
    "run_id",
    "ingested_at",
)
GLOBAL_PHASES = ("outlet", "copies")  # run by service.analyze over the articles queued for them
FEATURE_COLUMNS = ("article_id", "content_hash", "minhash", "shingles", "terms", "entities", "embedding", "embedder")
REJECT_COLUMNS = ("id", "origin_path", "origin_record", "reason", "raw", "first_run", "last_run", "seen_at")


def _removed_json(article: Article) -> str:
    return json.dumps([{"text": r.text, "reason": r.reason} for r in article.removed], ensure_ascii=False)


def _article_row(a: Article, revision: int, run_id: str, now: datetime, first_run: str) -> tuple:
    meta = json.dumps(a.meta | {"content_type": a.content_type}, ensure_ascii=False, default=str)
    return (
        a.id,
        revision,
        a.source,
        a.url,
        a.title,
        a.published,
        a.published_inferred,
        a.language,
        a.text,
        _removed_json(a),
        a.origin.path,
        a.origin.record,
        meta,
        a.content_hash,
        a.syndication_group,
        a.duplicate_of,
        first_run,
        run_id,
        now,
    )


def _revision_row(a: Article, revision: int, run_id: str, now: datetime) -> tuple:
    return (a.id, revision, a.content_hash, a.title, a.published, a.raw, a.origin.path, a.origin.record, run_id, now)


def _feature_row(a: Article) -> tuple:
    feats = a.annotations["story_features"]
    minhash, shingles = a.annotations.get("minhash", (None, None))
    embedding = None if feats.embedding is None else [float(x) for x in feats.embedding]
    return (
        a.id,
        a.content_hash,
        minhash,
        shingles,
        json.dumps(dict(feats.terms), ensure_ascii=False),
        json.dumps(dict(feats.entities), ensure_ascii=False),
        embedding,
        a.annotations.get("embedder"),
    )


class StoreError(RuntimeError):
    pass


@dataclass(slots=True)
class WriteCounts:
    added: int = 0
    revised: int = 0
    unchanged: int = 0
    rejected: int = 0
    changed_ids: list[str] = field(default_factory=list)

    def add(self, other: WriteCounts) -> None:
        self.added += other.added
        self.revised += other.revised
        self.unchanged += other.unchanged
        self.rejected += other.rejected
        self.changed_ids.extend(other.changed_ids)

    def as_dict(self) -> dict[str, int]:
        return {"added": self.added, "revised": self.revised, "unchanged": self.unchanged, "rejected": self.rejected}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]


def normalize_url(url: str | None) -> str | None:
    """One spelling per URL: lower-case scheme and host, no fragment, no tracking parameters."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    if not parts.scheme or not parts.netloc:
        return url.strip()
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not k.lower().startswith(("utm_", "fbclid", "gclid"))
        ]
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


_SHARED: dict[str, Any] = {}


def share(path: str) -> None:
    """Keep one read-write connection to ``path`` for this process; every ``Store`` on it then opens a cursor.

    DuckDB lets one process write a file; a server that reads (many threads) and writes (uploads, a watched
    folder) in one process must go through one database instance, not reopen the file per request.
    """
    key = os.path.abspath(path)
    if key in _SHARED:
        return
    store = Store(path)  # creates and migrates the file
    _SHARED[key] = store.con


def unshare(path: str) -> None:
    con = _SHARED.pop(os.path.abspath(path), None)
    if con is not None:
        con.close()


class Store:
    """One DuckDB file. Open it with ``Store.open(path)``; use as a context manager."""

    def __init__(self, path: str, read_only: bool = False) -> None:
        import duckdb

        self.path = path
        self.read_only = read_only
        shared = _SHARED.get(os.path.abspath(path))
        if shared is not None:  # a server process holds the file open: every Store is a cursor on it
            self.con = shared.cursor()
            return
        if read_only and not os.path.exists(path):
            raise StoreError(f"no store at {path}: run `corroborate ingest` or `corroborate run` first")
        if not read_only and path != ":memory:":
            try:
                os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)  # `--db out/run.duckdb`
            except OSError as exc:
                raise StoreError(f"cannot open store {path}: {exc}") from exc
        try:
            self.con = duckdb.connect(path, read_only=read_only)
        except duckdb.IOException as exc:
            raise StoreError(f"cannot open store {path}: {exc}") from exc
        if not read_only:
            self.migrate()
        elif self.schema_version() < LATEST:
            raise StoreError(
                f"store {path} has schema version {self.schema_version()}; open it once for writing "
                f"(e.g. `corroborate ingest`) to migrate it to {LATEST}"
            )

    @classmethod
    def open(cls, path: str, read_only: bool = False) -> Store:
        return cls(path, read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------
    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
        ).fetchone()[0]
        if not exists:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return row[0] or 0

    def migrate(self) -> None:
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
            "description VARCHAR, applied_at TIMESTAMP)"
        )
        current = self.schema_version()
        if current > LATEST:
            raise StoreError(
                f"store {self.path} has schema version {current}, newer than this corroborate "
                f"({LATEST}); upgrade corroborate"
            )
        for version, description, sql in MIGRATIONS:
            if version <= current:
                continue
            with self.transaction():
                self.con.execute(sql)
                self.con.execute("INSERT INTO schema_version VALUES (?, ?, ?)", [version, description, _now()])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- runs -----------------------------------------------------------------------------------
    def start_run(self, command: str, settings: dict[str, Any], inputs: list[str]) -> str:
        run_id = f"{_now():%Y%m%dT%H%M%S}-{uuid.uuid4().hex[:6]}"
        self.con.execute(
            "INSERT INTO runs (id, command, started_at, settings, inputs) VALUES (?, ?, ?, ?, ?)",
            [run_id, command, _now(), json.dumps(settings, default=str), json.dumps(inputs)],
        )
        return run_id

    def finish_run(self, run_id: str, counts: dict[str, Any]) -> None:
        self.con.execute(
            "UPDATE runs SET finished_at = ?, counts = ? WHERE id = ?",
            [_now(), json.dumps(counts, default=str), run_id],
        )

    # -- writes ---------------------------------------------------------------------------------
    def write_batch(self, articles: list[Article], rejects: list[Reject], run_id: str) -> WriteCounts:
        """Store a batch in one transaction: new articles, new revisions, rejects. Idempotent."""
        counts = WriteCounts()
        with self.transaction():
            self._assign_ids(articles)
            # The same article twice in one batch (a file named twice, a feed repeating an entry): keep the last.
            unique = list({a.id: a for a in articles}.values())
            counts.unchanged += len(articles) - len(unique)
            existing = self._existing([a.id for a in unique])
            now = _now()
            article_rows, revision_rows, unchanged = [], [], []
            for article in unique:
                previous = existing.get(article.id)
                if previous is None:
                    revision = 1
                    counts.added += 1
                elif previous[1] == article.content_hash:
                    unchanged.append(article.id)
                    continue
                else:
                    revision = self._max_revision(article.id) + 1
                    counts.revised += 1
                first_run = previous[2] if previous else run_id
                article_rows.append(_article_row(article, revision, run_id, now, first_run))
                revision_rows.append(_revision_row(article, revision, run_id, now))
                counts.changed_ids.append(article.id)
            counts.unchanged += len(unchanged)
            if unchanged:
                self.con.execute("UPDATE articles SET last_run = ? WHERE list_contains(?, id)", [run_id, unchanged])
            updates = ", ".join(f"{c} = excluded.{c}" for c in ARTICLE_COLUMNS if c not in ("id", "first_run"))
            self.insert_many("articles", ARTICLE_COLUMNS, article_rows, f"ON CONFLICT (id) DO UPDATE SET {updates}")
            self.insert_many("article_revisions", REVISION_COLUMNS, revision_rows)
            changed = set(counts.changed_ids)
            self.write_features([a for a in unique if a.id in changed])
            self.add_pending(counts.changed_ids, GLOBAL_PHASES)
            reject_rows = {}
            for reject in rejects:
                reject_id = _hash("reject", reject.origin.path, str(reject.origin.record), reject.reason)
                reject_rows[reject_id] = (
                    reject_id,
                    reject.origin.path,
                    reject.origin.record,
                    reject.reason,
                    reject.raw,
                    run_id,
                    run_id,
                    now,
                )
            self.insert_many(
                "rejects",
                REJECT_COLUMNS,
                list(reject_rows.values()),
                "ON CONFLICT (id) DO UPDATE SET last_run = excluded.last_run, seen_at = excluded.seen_at",
            )
            counts.rejected += len(rejects)
        return counts

    def add_pending(self, article_ids: list[str], phases: tuple[str, ...]) -> None:
        """Queue work for the global phases, in the same transaction as the articles it is about."""
        rows = [(a, phase) for a in article_ids for phase in phases]
        self.insert_many("pending", ("article_id", "phase"), rows, "ON CONFLICT DO NOTHING")

    def take_pending(self, phase: str) -> list[str]:
        """The articles waiting for a phase; they leave the queue when the caller's transaction commits."""
        ids = [
            r[0]
            for r in self.con.execute(
                "SELECT article_id FROM pending WHERE phase = ? ORDER BY article_id", [phase]
            ).fetchall()
        ]
        self.con.execute("DELETE FROM pending WHERE phase = ?", [phase])
        return ids

    def write_features(self, articles: list[Article]) -> None:
        """Store the feature and signature annotations of these articles (replacing older ones)."""
        rows = [_feature_row(a) for a in articles if "story_features" in a.annotations]
        updates = ", ".join(f"{c} = excluded.{c}" for c in FEATURE_COLUMNS[1:])
        self.insert_many("article_features", FEATURE_COLUMNS, rows, f"ON CONFLICT (article_id) DO UPDATE SET {updates}")

    def insert_many(self, table: str, columns: tuple[str, ...], rows: list[tuple], suffix: str = "") -> None:
        """One multi-row INSERT per batch: DuckDB pays a fixed cost per statement, not per row."""
        if not rows:
            return
        placeholders = "(" + ", ".join("?" * len(columns)) + ")"
        values = ", ".join([placeholders] * len(rows))
        params = [value for row in rows for value in row]
        self.con.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} {suffix}", params)

    def _assign_ids(self, articles: list[Article]) -> None:
        """The record's id; else one id per URL (the first seen); else a hash of outlet and content."""
        for article in articles:
            article.url = normalize_url(article.url)
        urls = sorted({a.url for a in articles if a.url and not a.given_id})
        known: dict[str, str] = {}
        if urls:
            rows = self.con.execute(
                "SELECT url, id FROM articles WHERE list_contains(?, url) ORDER BY first_run", [urls]
            ).fetchall()
            for url, article_id in rows:
                known.setdefault(url, article_id)
        for article in articles:
            if article.given_id:
                article.id = article.given_id
            elif article.url:
                article.id = known.get(article.url) or _hash("url", article.url)
            else:
                article.id = _hash("content", article.source, article.content_hash)

    def _existing(self, ids: list[str]) -> dict[str, tuple[str, str, str]]:
        if not ids:
            return {}
        rows = self.con.execute(
            "SELECT id, content_hash, first_run FROM articles WHERE list_contains(?, id)", [ids]
        ).fetchall()
        return {row[0]: row for row in rows}

    def _max_revision(self, article_id: str) -> int:
        row = self.con.execute(
            "SELECT max(revision) FROM article_revisions WHERE article_id = ?", [article_id]
        ).fetchone()
        return row[0] or 0

    def update_text(self, article_id: str, text: str, removed: list[RemovedLine]) -> None:
        """Rewrite an article's cleaned text after a global cleaning phase (same revision)."""
        payload = json.dumps([{"text": r.text, "reason": r.reason} for r in removed], ensure_ascii=False)
        self.con.execute("UPDATE articles SET text = ?, removed = ? WHERE id = ?", [text, payload, article_id])

    # -- reads ----------------------------------------------------------------------------------
    def count_articles(self) -> int:
        return self.con.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(
        self,
        where: str = "",
        params: list[Any] | None = None,
        order: str = "published, id",
        limit: int | None = None,
        columns: tuple[str, ...] = ARTICLE_COLUMNS,
    ) -> list[dict[str, Any]]:
        sql = f"SELECT {', '.join(columns)} FROM articles"
        if where:
            sql += f" WHERE {where}"
        sql += f" ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        cursor = self.con.execute(sql, params or [])
        names = [d[0] for d in cursor.description]
        return [_decode_row(dict(zip(names, row))) for row in cursor.fetchall()]

    def find_article(self, id_or_prefix: str) -> dict[str, Any] | None:
        rows = self.articles("id = ?", [id_or_prefix])
        if not rows:
            rows = self.articles("starts_with(id, ?)", [id_or_prefix], limit=2)
            if len(rows) > 1:
                raise StoreError(f"article id prefix {id_or_prefix!r} is ambiguous")
        return rows[0] if rows else None

    def raw(self, article_id: str, revision: int | None = None) -> str | None:
        """The raw input of an article's current (or given) revision, exactly as it was read."""
        row = self.con.execute(
            "SELECT raw FROM article_revisions WHERE article_id = ? AND revision = coalesce(?, "
            "(SELECT max(revision) FROM article_revisions WHERE article_id = ?))",
            [article_id, revision, article_id],
        ).fetchone()
        return row[0] if row else None

    def revisions(self, article_id: str) -> list[dict[str, Any]]:
        cursor = self.con.execute(
            "SELECT revision, content_hash, title, origin_path, origin_record, run_id, "
            "ingested_at FROM article_revisions WHERE article_id = ? ORDER BY revision",
            [article_id],
        )
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def rejects(self, run_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT origin_path, origin_record, reason, first_run, last_run FROM rejects"
        params: list[Any] = []
        if run_id:
            sql += " WHERE last_run = ?"
            params.append(run_id)
        cursor = self.con.execute(sql + " ORDER BY origin_path, origin_record NULLS FIRST", params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def _decode_row(row: dict[str, Any]) -> dict[str, Any]:
    for key in ("removed", "meta"):
        if key in row and isinstance(row[key], str):
            row[key] = json.loads(row[key])
    if "origin_path" in row:
        row["origin"] = str(Origin(row["origin_path"], row.get("origin_record")))
    return row
