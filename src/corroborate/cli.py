"""The command line: parse arguments, call the service, render. Exit 0 all good, 1 inputs rejected, 2 usage."""

from __future__ import annotations

import json
import logging
import re
import sys
from typing import Any

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__, service
from .brief.build import evidence_in_context, statement_words
from .brief.render import marked, timeline_date
from .ingest.discover import InputFile
from .report.html import counted
from .settings import Settings, load_settings
from .store import StoreError

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


class RichProgress:
    """Bytes of input read, as a rich progress bar on standard error (only on a terminal)."""

    def __init__(self) -> None:
        self.bar = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            DownloadColumn(),
            TextColumn("{task.fields[info]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        )
        self.task = None
        self.articles = 0
        self.rejects = 0

    def __enter__(self) -> RichProgress:
        self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.__exit__(*exc)

    def start(self, total_bytes: int, files: int) -> None:
        self.task = self.bar.add_task("ingest", total=total_bytes or None, info=f"{files} files")

    def file_done(self, file: InputFile) -> None:
        self.bar.advance(self.task, file.size or 0)

    def batch_done(self, articles: int, rejects: int) -> None:
        self.articles += articles
        self.rejects += rejects
        self.bar.update(self.task, info=f"{self.articles} articles, {self.rejects} rejected")


def _settings(ctx: click.Context, **overrides: Any) -> Settings:
    try:
        return load_settings(ctx.obj.get("config"), db=ctx.obj.get("db"), **overrides)
    except (OSError, ValueError) as exc:
        raise click.UsageError(str(exc)) from exc


def _fail(message: str, code: int = 2) -> None:
    err.print(f"[red]error:[/red] {escape(message)}")
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="corroborate")
@click.option("--db", metavar="PATH", help="DuckDB store file [default: ./corroborate.duckdb].")
@click.option("--config", metavar="FILE", help="TOML settings file [default: ./corroborate.toml if present].")
@click.option("-v", "--verbose", is_flag=True, help="Log each stored batch and phase to standard error.")
@click.pass_context
def main(ctx: click.Context, db: str | None, config: str | None, verbose: bool) -> None:
    """corroborate: cross-check the news on your own corpus, offline.

    Feed it articles (txt, html, jsonl, warc, rss/atom, folders, globs, '-' for JSONL on stdin); it cleans
    and stores them and writes a report in which every line links back to its source sentences.
    """
    ctx.ensure_object(dict)
    ctx.obj.update(db=db, config=config)
    for console in (out, err):  # piped output: long lines stay whole, for grep and for logs
        console.width = console.width if console.is_terminal else 200
    if verbose:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(asctime)s %(message)s")


def _print_ingest_summary(result: service.IngestResult) -> None:
    c = result.counts
    out.print(
        f"{result.files} files: [green]{c.added} added[/green], {c.revised} revised, "
        f"{c.unchanged} unchanged, [{'red' if c.rejected else 'green'}]{c.rejected} rejected[/]"
    )
    if result.cleaned_by_outlet_phase:
        out.print(f"{result.cleaned_by_outlet_phase} articles lost lines repeated across their outlet's articles")
    if result.assigned:
        out.print(
            f"stories: {result.assigned} articles assigned, {result.new_stories} new stories, "
            f"{result.copies_found} copy pairs found"
        )
    for reject in result.rejects:
        err.print(f"[red]rejected[/red] {escape(str(reject.origin))}: {escape(reject.reason)}", soft_wrap=True)


def _db_option(f):
    return click.option("--db", "db_local", metavar="PATH", help="DuckDB store file (same as the global --db).")(f)


def _batch_options(f):
    f = click.option(
        "--workers",
        type=click.IntRange(0),
        help="Worker processes for extraction and cleaning (0 = one per core on large inputs).",
    )(f)
    return click.option("--batch-size", type=click.IntRange(1), help="Articles per batch (one transaction each).")(f)


def _ctx_db(ctx: click.Context, db_local: str | None) -> None:
    if db_local:
        ctx.obj["db"] = db_local


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@_batch_options
@click.pass_context
def ingest(
    ctx: click.Context, paths: tuple[str, ...], db_local: str | None, batch_size: int | None, workers: int | None
) -> None:
    """Read, clean and store articles from PATHS (files, folders, globs, '-' for JSONL on stdin).

    Copies, stories and who-said-what are left for `corroborate run`, which analyses the whole store.
    """
    _ctx_db(ctx, db_local)
    settings = _settings(ctx, batch_size=batch_size, workers=workers)
    try:
        with RichProgress() as progress:
            result = service.ingest(list(paths), settings, progress=progress, analysis=False)
    except StoreError as exc:
        _fail(str(exc))
    _print_ingest_summary(result)
    sys.exit(0 if result.ok else 1)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@_db_option
@click.option("--json", "json_path", metavar="FILE", help="Write the corroborate.report/1 JSON here.")
@click.option("--html", "html_dir", metavar="DIR", help="Write a self-contained static HTML site here.")
@_batch_options
@click.pass_context
def run(
    ctx: click.Context,
    paths: tuple[str, ...],
    db_local: str | None,
    json_path: str | None,
    html_dir: str | None,
    batch_size: int | None,
    workers: int | None,
) -> None:
    """The main job: ingest PATHS, run every analysis, and report over everything in the store."""
    _ctx_db(ctx, db_local)
    settings = _settings(ctx, batch_size=batch_size, workers=workers)
    try:
        with RichProgress() as progress:
            result = service.run(list(paths), settings, json_path=json_path, html_dir=html_dir, progress=progress)
    except StoreError as exc:
        _fail(str(exc))
    _print_ingest_summary(result.ingest)
    out.print(f"store {settings.db}: {result.articles_in_store} articles")
    if result.json_path:
        out.print(f"report: {result.json_path}")
    if result.html_path:
        out.print(f"html: {result.html_path}")
    sys.exit(0 if result.ingest.ok else 1)


@main.command()
@_db_option
@click.option("--source", help="Only this outlet.")
@click.option("--limit", type=click.IntRange(1), help="At most this many rows.")
@click.pass_context
def articles(ctx: click.Context, db_local: str | None, source: str | None, limit: int | None) -> None:
    """List the stored articles."""
    _ctx_db(ctx, db_local)
    try:
        rows = service.list_articles(_settings(ctx), source=source, limit=limit)
    except StoreError as exc:
        _fail(str(exc))
    table = Table(box=None)
    for name in ("id", "published", "source", "title", "lang", "from"):
        table.add_column(name, overflow="fold", no_wrap=name in ("id", "published", "lang"))
    for row in rows:
        published = (row["published"] or "—") + (" (inferred)" if row["published_inferred"] else "")
        origin = row["origin_path"] + (f":{row['origin_record']}" if row["origin_record"] else "")
        table.add_row(
            row["id"],
            published,
            escape(row["source"]),
            escape(row["title"] or "(no title)"),
            row["language"] or "?",
            escape(origin),
        )
    out.print(table)
    out.print(f"{len(rows)} articles")


@main.command()
@_db_option
@click.option("--limit", type=click.IntRange(1), help="At most this many stories.")
@click.pass_context
def stories(ctx: click.Context, db_local: str | None, limit: int | None) -> None:
    """List the stories, newest first, with their independent sources."""
    _ctx_db(ctx, db_local)
    try:
        rows = service.list_stories(_settings(ctx), limit=limit)
    except StoreError as exc:
        _fail(str(exc))
    table = Table(box=None)
    for name in ("story", "first", "last", "articles", "sources", "title"):
        table.add_column(name, overflow="fold", no_wrap=name in ("story", "first", "last"))
    for row in rows:
        table.add_row(
            row["id"],
            _shown_time(row["first_published"]),
            _shown_time(row["last_published"]),
            str(len(row["article_ids"])),
            str(row["independent_sources"]),
            escape(row["title"] or "(no title)"),
        )
    out.print(table)
    out.print(f"{len(rows)} stories")


_UTC_STAMP = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)(?::\d\d(?:\.\d+)?)?Z$")


def _shown_time(stamp: str | None, missing: str = "—") -> str:
    """A publication time as a reader scans it in a table: "2024-07-09 13:10 UTC"; a bare date as it is."""
    if not stamp:
        return missing
    m = _UTC_STAMP.match(stamp)
    return f"{m.group(1)} {m.group(2)} UTC" if m else stamp


def _show_story(story: dict) -> None:
    out.print(f"[bold]{escape(story['title'] or '(no title)')}[/bold]")
    first, last = _shown_time(story["first_published"], "?"), _shown_time(story["last_published"], "?")
    out.print(
        f"story {story['id']} · {counted(len(story['article_ids']), 'article')} · "
        f"{counted(story['independent_sources'], 'independent source')} · {first} → {last}"
    )
    table = Table(box=None)
    for name in ("article", "published", "source", "title", "copy of"):
        table.add_column(name, overflow="fold", no_wrap=name in ("article", "published"))
    for a in story["articles"]:
        published = _shown_time(a["published"]) + (" (inferred)" if a["published_inferred"] else "")
        table.add_row(
            a["id"], published, escape(a["source"]), escape(a["title"] or "(no title)"), a["duplicate_of"] or ""
        )
    out.print(table)
    speakers: dict[str, int] = {}
    names = {e["id"]: e["name"] for e in story.get("entities", [])}
    for st in story.get("statements", []):
        name = names.get(st["speaker_entity"], "(unresolved)")
        speakers[name] = speakers.get(name, 0) + 1
    people = [e for e in story.get("entities", []) if e["type"] in ("PERSON", "ORG")][:12]
    if people:
        out.rule("who is in it")
        for e in people:
            extra = "; ".join(filter(None, [", ".join(e["aliases"]), ", ".join(e["roles"][:2])]))
            out.print(f"{escape(e['name'])} [dim]({e['type']}{'; ' + escape(extra) if extra else ''})[/dim]")
    if speakers:
        out.rule("who said what (`corroborate quotes --story ID` for the statements)")
        for name, count in sorted(speakers.items(), key=lambda kv: -kv[1]):
            out.print(f"{escape(name)}: {counted(count, 'statement')}")


@main.command()
@click.argument("item_id")
@_db_option
@click.option("--raw", is_flag=True, help="Print an article's raw input as it was read.")
@click.pass_context
def show(ctx: click.Context, item_id: str, db_local: str | None, raw: bool) -> None:
    """Show a story (STORY_ID, s-…) or an article: metadata, cleaned text, lines removed (id or a prefix)."""
    _ctx_db(ctx, db_local)
    try:
        story = service.get_story(_settings(ctx), item_id) if item_id.startswith("s-") else None
        row = None if story else service.get_article(_settings(ctx), item_id)
    except StoreError as exc:
        _fail(str(exc))
    if story:
        _show_story(story)
        return
    if row is None:
        _fail(f"no story or article with id {item_id!r}")
    out.print(f"[bold]{escape(row['title'] or '(no title)')}[/bold]")
    published = (row["published"] or "undated") + (" (inferred)" if row["published_inferred"] else "")
    out.print(
        f"id {row['id']} · {escape(row['source'])} · {published} · language {row['language'] or '?'} · "
        f"revision {row['revision']}"
    )
    if row["url"]:
        out.print(escape(row["url"]))
    out.print(f"from {escape(row['origin'])}")
    if row["meta"]:
        out.print("meta: " + escape(", ".join(f"{k}={v}" for k, v in sorted(row["meta"].items()))))
    out.rule()
    out.print(escape(row["raw"] if raw else row["text"]))
    if not raw and row["removed"]:
        out.rule(f"{len(row['removed'])} lines removed")
        for removed in row["removed"]:
            out.print(f"[dim]- {escape(removed['text'])}[/dim]  [red]{escape(removed['reason'])}[/red]")


def _sources(story: dict, article_ids: list[str]) -> str:
    """'Outlet (date) id' for each article, copies of one text counted once in the story's sources."""
    by_id = {a["id"]: a for a in story["articles"]}
    parts = []
    for aid in article_ids:
        a = by_id.get(aid)
        if a is None:
            parts.append(aid)
            continue
        date = (a["published"] or "undated")[:10] + ("?" if a["published_inferred"] else "")
        parts.append(f"{a['source']} {date} {aid[:12]}")
    return "\n".join(parts)


@main.command()
@_db_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost only by default)."
)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--watch", "watch_dir", metavar="DIR", help="Ingest and analyse files dropped into DIR while serving.")
@click.option(
    "--token", envvar="CORROBORATE_TOKEN", metavar="TOKEN", help="Open POST /api/articles to this bearer token."
)
@click.option(
    "--warm/--no-warm",
    default=True,
    show_default=True,
    help="Prepare every story's pages and API answers in the background (at start and after each write).",
)
@click.option("--cache-mb", default=512, show_default=True, type=click.IntRange(1), help="Memory for finished answers.")
@click.pass_context
def serve(
    ctx: click.Context,
    db_local: str | None,
    host: str,
    port: int,
    watch_dir: str | None,
    token: str | None,
    warm: bool,
    cache_mb: int,
) -> None:
    """Browse stories, briefs, sources and people in a browser; REST API under /api (docs at /docs)."""
    import uvicorn

    from .serve import create_app

    _ctx_db(ctx, db_local)
    settings = _settings(ctx)
    try:
        app = create_app(settings, token=token, watch=watch_dir, warm=warm, cache_mb=cache_mb)
    except StoreError as exc:
        _fail(str(exc))
    err.print(f"corroborate: serving {settings.db} on http://{host}:{port}/" + (" (writes open)" if token else ""))
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.argument("story_id")
@_db_option
@click.option(
    "--format", "fmt", type=click.Choice(["terminal", "markdown", "json"]), default="terminal", show_default=True
)
@click.option("-o", "--output", metavar="FILE", help="Write to FILE instead of the terminal.")
@click.pass_context
def brief(ctx: click.Context, story_id: str, db_local: str | None, fmt: str, output: str | None) -> None:
    """The brief of a story: cited summary, key facts, contested points, who said what, timeline, coverage."""
    import json

    from .brief.render import print_brief, to_markdown

    _ctx_db(ctx, db_local)
    try:
        result = service.get_brief(_settings(ctx), story_id)
    except StoreError as exc:
        _fail(str(exc))
    if result is None:
        _fail(f"no story with id {story_id!r}")
    if fmt == "terminal" and not output:
        print_brief(result, out)
        return
    text = to_markdown(result) if fmt != "json" else json.dumps(result, ensure_ascii=False, indent=1) + "\n"
    if output:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)
        err.print(f"brief: {output}")
    else:
        sys.stdout.write(text)


@main.command()
@click.argument("story_id")
@_db_option
@click.option("--all", "show_all", is_flag=True, help="List single-source claims too (default: the first 15).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["terminal", "json"]),
    default="terminal",
    show_default=True,
    help="json: the story's claims, contradictions and timeline as the report contract names them.",
)
@click.pass_context
def check(ctx: click.Context, story_id: str, db_local: str | None, show_all: bool, fmt: str) -> None:
    """Cross-check a story: corroborated claims, single-source claims, contested points, timeline."""
    _ctx_db(ctx, db_local)
    try:
        story = service.get_story(_settings(ctx), story_id)
    except StoreError as exc:
        _fail(str(exc))
    if story is None:
        _fail(f"no story with id {story_id!r}")
    if fmt == "json":
        keys = ("id", "title", "article_ids", "independent_sources", "claims", "contradictions", "timeline")
        sys.stdout.write(json.dumps({k: story.get(k) for k in keys}, ensure_ascii=False, indent=2) + "\n")
        return
    out.print(f"[bold]{escape(story['title'] or '(no title)')}[/bold]")
    n_articles, n_sources = len(story["article_ids"]), story["independent_sources"]
    out.print(f"story {story['id']} · {counted(n_articles, 'article')} · {counted(n_sources, 'independent source')}")
    contested = story.get("contradictions", [])
    out.rule(f"contested ({len(contested)})")
    for c in contested:
        table = Table(title=f"[bold]{c['kind']}[/bold]: {escape(c['subject'])}", box=None, title_justify="left")
        for name in ("position", "evidence", "sources"):
            table.add_column(name, overflow="fold")
        for p in c["positions"]:
            shown = dict.fromkeys(evidence_in_context(story, e) for e in p["evidence"][:3])
            evidence = "\n".join(f"“{text}”" for text in shown)
            table.add_row(escape(p["value"]), escape(evidence), escape(_sources(story, p["article_ids"])))
        out.print(table)
    claims = story.get("claims", [])
    for status, title in (("corroborated", "corroborated"), ("single_source", "single source")):
        rows = [c for c in claims if c["status"] == status]
        shown = rows if (show_all or status == "corroborated") else rows[:15]
        out.rule(f"{title} ({len(rows)})")
        table = Table(box=None)
        for name in ("claim", "sources"):
            table.add_column(name, overflow="fold")
        for c in shown:
            ids = list(dict.fromkeys(m["article_id"] for m in c["mentions"]))
            table.add_row(escape(c["text"]), escape(_sources(story, ids)))
        out.print(table)
        if len(shown) < len(rows):
            out.print(f"[dim]… {len(rows) - len(shown)} more (--all)[/dim]")
    timeline = story.get("timeline", [])
    out.rule(f"timeline ({len(timeline)})")
    table = Table(box=None)
    for name in ("date", "what", "sources"):
        table.add_column(name, overflow="fold", no_wrap=name == "date")
    for t in timeline:
        what = marked(t, escape, "[bold]", "[/bold]")  # the words that date it ("by Dec. 31")
        table.add_row(timeline_date(t), what, escape(_sources(story, t["article_ids"])))
    out.print(table)


@main.command()
@_db_option
@click.option("--story", "story_id", metavar="ID", help="Only this story (id or prefix).")
@click.option("--speaker", metavar="NAME", help="Only speakers whose name or alias contains NAME.")
@click.pass_context
def quotes(ctx: click.Context, db_local: str | None, story_id: str | None, speaker: str | None) -> None:
    """Who said what: every quote and reported statement, with its speaker resolved."""
    _ctx_db(ctx, db_local)
    try:
        rows = service.list_statements(_settings(ctx), story_id, speaker)
    except StoreError as exc:
        _fail(str(exc))
    table = Table(box=None)
    for name in ("speaker", "as written", "stance", "kind", "statement", "source"):
        table.add_column(name, overflow="fold", no_wrap=name in ("stance", "kind"))
    for row in rows:
        table.add_row(
            escape(row["speaker_name"] or "(unresolved)"),
            escape(row["speaker"] or "—"),
            row["stance"],
            row["kind"],
            escape(statement_words(row)),
            escape(f"{row['source']} {row['article_id']}"),
        )
    out.print(table)
    out.print(counted(len(rows), "statement"))


@main.command()
@_db_option
@click.option("--run", "run_id", help="Only rejects seen in this run.")
@click.pass_context
def rejects(ctx: click.Context, db_local: str | None, run_id: str | None) -> None:
    """List inputs that were rejected, with the reason."""
    _ctx_db(ctx, db_local)
    try:
        rows = service.list_rejects(_settings(ctx), run_id)
    except StoreError as exc:
        _fail(str(exc))
    table = Table(box=None)
    table.add_column("input", overflow="fold")
    table.add_column("reason", overflow="fold")
    table.add_column("last run", no_wrap=True)
    for row in rows:
        origin = row["origin_path"] + (f":{row['origin_record']}" if row["origin_record"] else "")
        table.add_row(escape(origin), escape(row["reason"]), row["last_run"])
    out.print(table)
    out.print(f"{len(rows)} rejects")


@main.command()
@_db_option
@click.option("--format", "fmt", type=click.Choice(service.EXPORT_FORMATS), default="json", show_default=True)
@click.option("-o", "--output", metavar="FILE", help="Output file [default: corroborate-export.FORMAT].")
@click.pass_context
def export(ctx: click.Context, db_local: str | None, fmt: str, output: str | None) -> None:
    """Export the store: the JSON report, JSON Lines of articles, CSV or Parquet."""
    _ctx_db(ctx, db_local)
    try:
        path = service.export(_settings(ctx), fmt, output or f"corroborate-export.{fmt}")
    except StoreError as exc:
        _fail(str(exc))
    out.print(f"wrote {path}")


if __name__ == "__main__":  # pragma: no cover
    main()
