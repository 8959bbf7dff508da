"""The web app and REST API: FastAPI over the service module, pages rendered by the static site's templates.

Reads and writes share one DuckDB instance (``store.share``): request threads read through cursors, uploads and
the watched folder write one at a time under a lock. Rendered pages and API answers are cached until the next
write. Article text is untrusted: templates autoescape, every HTML answer forbids scripts (CSP), search terms
are bound parameters, ids are looked up (never used as paths) and request bodies are capped.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from .. import service
from ..settings import Settings
from ..store.db import share

log = logging.getLogger(__name__)

MAX_BODY = 1_000_000  # bytes a request may send
CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


class Cache:
    """Answers keyed by request, dropped whenever the store changes."""

    def __init__(self, size: int = 4096) -> None:
        self.size = size
        self.version = 0
        self.items: OrderedDict[tuple, tuple[int, Any]] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: tuple, make: Callable[[], Any]) -> Any:
        with self.lock:
            hit = self.items.get(key)
            if hit is not None and hit[0] == self.version:
                self.items.move_to_end(key)
                return hit[1]
            version = self.version
        value = make()
        with self.lock:
            if version == self.version:
                self.items[key] = (version, value)
                if len(self.items) > self.size:
                    self.items.popitem(last=False)
        return value

    def bump(self) -> None:
        with self.lock:
            self.version += 1
            self.items.clear()


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def highlight(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str | None]]:
    """The text cut into (piece, css class or None) so that marks never nest: earlier spans win overlaps."""
    spans = sorted((s, e, c) for s, e, c in spans if 0 <= s < e <= len(text))
    out: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, cls in spans:
        if start < pos:
            continue
        if start > pos:
            out.append((text[pos:start], None))
        out.append((text[start:end], cls))
        pos = end
    out.append((text[pos:], None))
    return [(t, c) for t, c in out if t]


def create_app(settings: Settings, token: str | None = None, watch: str | None = None) -> FastAPI:
    from ..report.html import environment

    share(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        watcher = getattr(app.state, "watcher", None)
        if watcher is not None:
            watcher.start()
        yield
        if watcher is not None:
            watcher.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="corroborate",
        description="Stories, briefs, claims, contradictions and who said what, from your own news corpus.",
        version="1",
    )
    env = environment()
    env.globals.update(article_href=article_href, entity_href=entity_href, story_href=story_href)
    cache = Cache()
    write_lock = threading.Lock()
    inbox = Path(settings.db).resolve().parent / "corroborate-uploads"
    app.state.cache = cache
    app.state.settings = settings

    def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status, headers=HEADERS)

    @app.middleware("http")
    async def limits(request: Request, call_next):
        too_big = JSONResponse({"detail": f"request body over {MAX_BODY} bytes"}, status_code=413)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            return too_big
        if request.method in ("POST", "PUT", "PATCH") and length is None:
            # a streamed (chunked) body: read it here, within the cap, and hand it on
            body = bytearray()
            async for chunk in request.stream():
                body += chunk
                if len(body) > MAX_BODY:
                    return too_big
            request._body = bytes(body)  # Starlette serves later .body()/.json() from this
        response = await call_next(request)
        for k, v in HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    # ---- pages -------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(
        date_from: str | None = Query(None, alias="from", max_length=32),
        date_to: str | None = Query(None, alias="to", max_length=32),
        outlet: str | None = Query(None, max_length=200),
        entity: str | None = Query(None, max_length=200),
    ):
        filters = {"from": date_from or "", "to": date_to or "", "outlet": outlet or "", "entity": entity or ""}
        key = ("index", date_from, date_to, outlet, entity)
        html = cache.get(
            key,
            lambda: env.get_template("web_index.html").render(
                stories=service.story_index(
                    settings, date_from or None, date_to or None, outlet or None, entity or None
                ),
                filters=filters,
            ),
        )
        return HTMLResponse(html, headers=HEADERS)

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str):
        def render() -> str | None:
            story = service.get_story_record(settings, story_id)
            if story is None:
                return None
            brief = service.brief_of(settings, story)
            return env.get_template("web_story.html").render(brief=brief, story=story)

        html = cache.get(("story", story_id), render)
        if html is None:
            return page("web_error.html", 404, message="No such story.")
        return HTMLResponse(html, headers=HEADERS)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str):
        def render() -> str | None:
            article = service.get_article_record(settings, article_id)
            if article is None:
                return None
            story = service.get_story_record(settings, article["story_id"]) if article["story_id"] else None
            spans: list[tuple[int, int, str]] = []
            names = {}
            if story:
                names = {e["id"]: e["name"] for e in story["entities"]}
                spans += [
                    (s["start"], s["end"], "statement") for s in story["statements"] if s["article_id"] == article_id
                ]
                spans += [
                    (m["start"], m["end"], "claim")
                    for c in story["claims"]
                    if c["status"] != "single_source"
                    for m in c["mentions"]
                    if m["article_id"] == article_id
                ]
            statements = [s for s in (story or {}).get("statements", []) if s["article_id"] == article_id]
            return env.get_template("web_article.html").render(
                article=article,
                story=story,
                pieces=highlight(article["text"], spans),
                statements=statements,
                names=names,
            )

        html = cache.get(("article", article_id), render)
        if html is None:
            return page("web_error.html", 404, message="No such article.")
        return HTMLResponse(html, headers=HEADERS)

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    def entity_page(entity_id: str):
        def render() -> str | None:
            entity = service.get_entity(settings, entity_id)
            return env.get_template("web_entity.html").render(entity=entity) if entity else None

        html = cache.get(("entity", entity_id), render)
        if html is None:
            return page("web_error.html", 404, message="No such person or body.")
        return HTMLResponse(html, headers=HEADERS)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query("", max_length=200)):
        results = cache.get(("search", q), lambda: service.search(settings, q))
        return page("web_search.html", q=q, results=results)

    # ---- API ---------------------------------------------------------------------------------------------
    @app.get("/api/stories", summary="Stories, newest first, with their counts")
    def api_stories(
        date_from: str | None = Query(None, alias="from", max_length=32),
        date_to: str | None = Query(None, alias="to", max_length=32),
        outlet: str | None = Query(None, max_length=200),
        entity: str | None = Query(None, max_length=200),
    ) -> dict[str, Any]:
        def make():
            rows = service.story_index(settings, date_from, date_to, outlet, entity)
            return {"stories": [_story_summary(r) for r in rows]}

        return cache.get(("api-stories", date_from, date_to, outlet, entity), make)

    @app.get("/api/stories/{story_id}", summary="One story as the report contract's story object")
    def api_story(story_id: str) -> dict[str, Any]:
        story = cache.get(("api-story", story_id), lambda: service.get_story_record(settings, story_id))
        if story is None:
            raise HTTPException(404, "no such story")
        return story

    @app.get("/api/articles/{article_id}", summary="One article as the report contract's article object")
    def api_article(article_id: str) -> dict[str, Any]:
        article = cache.get(("api-article", article_id), lambda: service.get_article_record(settings, article_id))
        if article is None:
            raise HTTPException(404, "no such article")
        return article

    @app.get("/api/entities/{entity_id}", summary="A person or body across stories, with everything it said")
    def api_entity(entity_id: str) -> dict[str, Any]:
        entity = cache.get(("api-entity", entity_id), lambda: service.get_entity(settings, entity_id))
        if entity is None:
            raise HTTPException(404, "no such entity")
        return entity

    @app.get("/api/search", summary="Articles and entity names holding q (plain substring)")
    def api_search(q: str = Query("", max_length=200)) -> dict[str, Any]:
        return cache.get(("api-search", q), lambda: service.search(settings, q))

    @app.post("/api/articles", summary="Add articles (JSON); analysed at once. Needs the server's token.")
    def api_add(request: Request, payload: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
        if not token:
            raise HTTPException(403, "writes are closed: start the server with --token")
        auth = request.headers.get("authorization", "")
        given = auth[7:] if auth.lower().startswith("bearer ") else ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise HTTPException(401, "a valid token is needed", headers={"WWW-Authenticate": "Bearer"})
        records = payload.get("articles")
        if not isinstance(records, list) or not records or not all(isinstance(r, dict) for r in records):
            raise HTTPException(422, "expected {'articles': [{'title', 'text', 'source', ...}, ...]}")
        if len(records) > 1000:
            raise HTTPException(413, "at most 1000 articles per request")
        with write_lock:
            result = service.add_articles(settings, records, inbox)
            cache.bump()
        ingest = result.ingest
        changed = list(ingest.counts.changed_ids)
        return {
            "article_ids": changed,
            "stories": service.stories_of(settings, changed),
            "added": ingest.counts.added,
            "revised": ingest.counts.revised,
            "unchanged": ingest.counts.unchanged,
            "rejects": [{"where": str(r.origin), "reason": r.reason} for r in ingest.rejects],
            "new_stories": ingest.new_stories,
        }

    if watch:
        app.state.watcher = Watcher(Path(watch), settings, write_lock, cache)
    return app


def _story_summary(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "title": r["title"],
        "n_articles": r["n_articles"],
        "independent_sources": r["independent_sources"],
        "first_published": r["first_published"],
        "last_published": r["last_published"],
        "n_contradictions": r["n_contradictions"],
        "n_claims": r["n_claims"],
        "outlets": list(r["outlets"] or []),
        "article_ids": list(r["article_ids"] or []),
    }


class Watcher:
    """Ingests files dropped into a folder: a file is taken once its size and time have held still for one
    poll, so a half-written file is never read; each batch runs the whole pipeline under the write lock."""

    def __init__(self, folder: Path, settings: Settings, lock: threading.Lock, cache: Cache, every: float = 1.0):
        self.folder = folder
        self.settings = settings
        self.lock = lock
        self.cache = cache
        self.every = every
        self.seen: dict[str, tuple[int, float]] = {}
        self.pending: dict[str, tuple[int, float]] = {}
        self.stop_event = threading.Event()
        self.thread = threading.Thread(target=self.loop, name="corroborate-watch", daemon=True)
        self.runs = 0
        self.errors: list[str] = []

    def start(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=10)

    def scan(self) -> list[str]:
        ready = []
        current: dict[str, tuple[int, float]] = {}
        for path in sorted(self.folder.rglob("*")):
            if not path.is_file() or path.name.startswith("."):
                continue
            st = path.stat()
            current[str(path)] = (st.st_size, st.st_mtime)
        for name, sig in current.items():
            if self.seen.get(name) == sig:
                continue
            if self.pending.get(name) == sig:
                ready.append(name)
            self.pending[name] = sig
        return ready

    def loop(self) -> None:
        while not self.stop_event.is_set():
            try:
                ready = self.scan()
                if ready:
                    with self.lock:
                        service.run(ready, self.settings)
                        self.cache.bump()
                    for name in ready:
                        self.seen[name] = self.pending.pop(name)
                    self.runs += 1
            except Exception as exc:  # a bad batch must not stop the watcher; its files are retried
                log.exception("watch: %s", exc)
                self.errors.append(str(exc))
                time.sleep(self.every)
            self.stop_event.wait(self.every)
