"""The web app and REST API: FastAPI over the service module, pages rendered by the static site's templates.

Reads and writes share one DuckDB instance (``store.share``): request threads read through cursors, uploads and
the watched folder write one at a time under a lock. Rendered pages and API answers are cached until the next
write. Article text is untrusted: templates autoescape, every HTML answer forbids scripts (CSP), search terms
are bound parameters, ids are looked up (never used as paths) and request bodies are capped.
"""

from __future__ import annotations

import hmac
import json
import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Body, FastAPI, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse, Response

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
HEADER_BYTES = [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]


@dataclass(frozen=True, slots=True)
class Answer:
    """A finished answer: its bytes, media type and status, and the story it shows (None: it spans stories)."""

    body: bytes
    media_type: str
    status: int = 200
    story: str | None = None


class Cache:
    """Finished answers keyed by request, least recently used dropped first beyond ``max_bytes``.

    A write drops the answers of the stories it changed and every answer that spans stories (lists, search,
    people, not-found answers); ``generation`` counts writes, so an answer built from the store as it was
    before a write is never kept after it.
    """

    def __init__(self, max_bytes: int = 512 * 2**20) -> None:
        self.max_bytes = max_bytes
        self.bytes = 0
        self.generation = 0
        self.items: OrderedDict[tuple, Answer] = OrderedDict()
        self.lock = threading.Lock()

    def __len__(self) -> int:
        return len(self.items)

    def __contains__(self, key: tuple) -> bool:
        return key in self.items

    def lookup(self, key: tuple) -> Answer | None:
        with self.lock:
            hit = self.items.get(key)
            if hit is not None:
                self.items.move_to_end(key)
            return hit

    def put(self, key: tuple, answer: Answer, generation: int) -> bool:
        """Keep ``answer`` unless the store changed since ``generation`` (then it may be stale)."""
        with self.lock:
            if generation != self.generation:
                return False
            old = self.items.pop(key, None)
            if old is not None:
                self.bytes -= len(old.body)
            self.items[key] = answer
            self.bytes += len(answer.body)
            while self.bytes > self.max_bytes and len(self.items) > 1:
                _, dropped = self.items.popitem(last=False)
                self.bytes -= len(dropped.body)
            return True

    def invalidate(self, stories: set[str] | None = None) -> None:
        """After a write: drop the answers of ``stories`` (all answers when None) and all cross-story ones."""
        with self.lock:
            self.generation += 1
            for key in [k for k, a in self.items.items() if stories is None or a.story is None or a.story in stories]:
                self.bytes -= len(self.items.pop(key).body)


def article_href(article_id: str) -> str:
    return "/articles/" + quote(article_id, safe="")


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


def story_href(story_id: str) -> str:
    return "/stories/" + quote(story_id, safe="")


def create_app(
    settings: Settings,
    token: str | None = None,
    watch: str | None = None,
    warm: bool = True,
    cache_mb: float = 512,
) -> FastAPI:
    """The app over the store at ``settings.db``. ``warm``: render every story's pages and API answers in a
    background thread at start and after each write (newest stories first), so a reader's first request is
    served from memory; ``cache_mb`` bounds the finished answers kept."""
    from ..brief.build import build_brief
    from ..report.html import environment, passages

    share(settings.db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        for worker in (warmer, app.state.watcher):
            if worker is not None:
                worker.start()
        yield
        for worker in (app.state.watcher, warmer):
            if worker is not None:
                worker.stop()

    app = FastAPI(
        lifespan=lifespan,
        title="corroborate",
        description="Stories, briefs, claims, contradictions and who said what, from your own news corpus.",
        version="1",
    )
    app.add_middleware(Limits)
    env = environment()
    env.globals.update(article_href=article_href, entity_href=entity_href, story_href=story_href)
    cache = Cache(int(cache_mb * 2**20))
    write_lock = threading.Lock()
    inbox = Path(settings.db).resolve().parent / "corroborate-uploads"
    app.state.cache = cache
    app.state.settings = settings
    app.state.watcher = None

    def html(template: str, _tag: str | None = None, _status: int = 200, **context: Any) -> Answer:
        body = env.get_template(template).render(**context).encode()
        return Answer(body, "text/html; charset=utf-8", _status, _tag)

    def as_json(value: Any, story: str | None = None) -> Answer:
        return Answer(json.dumps(value, ensure_ascii=False, default=str).encode(), "application/json", 200, story)

    def respond(answer: Answer) -> Response:
        return Response(answer.body, status_code=answer.status, media_type=answer.media_type, headers=HEADERS)

    not_found = {
        "story": lambda: html("web_error.html", _status=404, message="No such story."),
        "article": lambda: html("web_error.html", _status=404, message="No such article."),
        "entity": lambda: html("web_error.html", _status=404, message="No such person or body."),
        "api-story": lambda: Answer(b'{"detail":"no such story"}', "application/json", 404),
        "api-article": lambda: Answer(b'{"detail":"no such article"}', "application/json", 404),
        "api-entity": lambda: Answer(b'{"detail":"no such entity"}', "application/json", 404),
    }

    # ---- rendering: every answer about one story is made from its bundle (story + its articles) -------
    def story_answers(
        story: dict[str, Any], articles: dict[str, dict[str, Any]], brief: dict[str, Any] | None = None
    ) -> dict[tuple, Answer]:
        sid = story["id"]
        brief = brief or build_brief(story, articles)
        return {
            ("story", sid): html("web_story.html", sid, brief=brief, story=story),
            ("api-story", sid): as_json(story, sid),
        }

    def article_answers(
        article: dict[str, Any], story: dict[str, Any] | None, anchors: list[list[Any]]
    ) -> dict[tuple, Answer]:
        """``anchors``: the passages of the article its story's brief cites (``brief["anchors"]``)."""
        aid = article["id"]
        spans: list[tuple[int, int, str]] = []
        names: dict[str, str] = {}
        statements: list[dict[str, Any]] = []
        if story:
            names = {e["id"]: e["name"] for e in story["entities"]}
            statements = [s for s in story["statements"] if s["article_id"] == aid]
            spans += [(s["start"], s["end"], "statement") for s in statements]
            spans += [
                (m["start"], m["end"], "claim")
                for c in story["claims"]
                if c["status"] != "single_source"
                for m in c["mentions"]
                if m["article_id"] == aid
            ]
        tag = story["id"] if story else None
        page = html(
            "web_article.html",
            tag,
            article=article,
            story=story,
            runs=passages(article["text"], anchors, spans),
            statements=statements,
            names=names,
        )
        return {("article", aid): page, ("api-article", aid): as_json(article, tag)}

    def bundle_answers(story: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[tuple, Answer]:
        brief = build_brief(story, articles)
        answers = story_answers(story, articles, brief)
        for article in articles.values():
            answers.update(article_answers(article, story, brief["anchors"].get(article["id"], [])))
        return answers

    def fetch(key: tuple) -> Answer:
        """A missed answer, made from the store and kept (unless a write came in meanwhile)."""
        generation = cache.generation
        kind, ident = key[0], key[1]
        made: dict[tuple, Answer] = {}
        if kind in ("story", "api-story"):
            for story, articles in service.story_bundles(settings, [ident]):
                made.update(story_answers(story, articles))
        elif kind == "api-article":
            article = service.get_article_record(settings, ident)
            if article is not None:
                made[key] = as_json(article, article["story_id"])
        elif kind == "article":
            article = service.get_article_record(settings, ident)
            if article is not None:
                bundles = service.story_bundles(settings, [article["story_id"]]) if article["story_id"] else []
                story = bundles[0][0] if bundles else None
                anchors = build_brief(*bundles[0])["anchors"].get(ident, []) if bundles else []
                made.update(article_answers(article, story, anchors))
        elif kind == "entity":
            entity = service.get_entity(settings, ident)
            if entity is not None:
                made[key] = html("web_entity.html", entity=entity)
        elif kind == "api-entity":
            entity = service.get_entity(settings, ident)
            if entity is not None:
                made[key] = as_json(entity)
        answer = made.get(key) or not_found[kind]()
        made[key] = answer
        for k, a in made.items():
            cache.put(k, a, generation)
        return answer

    async def cached(key: tuple, make: Callable[[], Answer] | None = None) -> Response:
        hit = cache.lookup(key)
        if hit is None:
            if make is None:
                hit = await run_in_threadpool(fetch, key)
            else:
                generation = cache.generation
                hit = await run_in_threadpool(make)
                cache.put(key, hit, generation)
        return respond(hit)

    def index_answer(date_from=None, date_to=None, outlet=None, entity=None) -> Answer:
        filters = {"from": date_from or "", "to": date_to or "", "outlet": outlet or "", "entity": entity or ""}
        rows = service.story_index(settings, date_from or None, date_to or None, outlet or None, entity or None)
        return html("web_index.html", stories=rows, filters=filters)

    def stories_answer(date_from=None, date_to=None, outlet=None, entity=None) -> Answer:
        rows = service.story_index(settings, date_from, date_to, outlet, entity)
        return as_json({"stories": [_story_summary(r) for r in rows]})

    warmer = (
        Warmer(
            settings,
            cache,
            bundle_answers,
            {("index", None, None, None, None): index_answer, ("api-stories", None, None, None, None): stories_answer},
        )
        if warm
        else None
    )
    app.state.warmer = warmer

    def after_write() -> None:
        """Under the write lock, after the store changed: drop what the write made stale, warm it again."""
        if warmer is not None:
            warmer.changed()
        else:
            cache.invalidate()

    # ---- pages -------------------------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index(
        date_from: str | None = Query(None, alias="from", max_length=32),
        date_to: str | None = Query(None, alias="to", max_length=32),
        outlet: str | None = Query(None, max_length=200),
        entity: str | None = Query(None, max_length=200),
    ):
        key = ("index", date_from or None, date_to or None, outlet or None, entity or None)
        return await cached(key, lambda: index_answer(*key[1:]))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    async def story_page(story_id: str):
        return await cached(("story", story_id))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    async def article_page(article_id: str):
        return await cached(("article", article_id))

    @app.get("/entities/{entity_id}", response_class=HTMLResponse, include_in_schema=False)
    async def entity_page(entity_id: str):
        return await cached(("entity", entity_id))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_page(q: str = Query("", max_length=200)):
        return await cached(("search", q), lambda: html("web_search.html", q=q, results=service.search(settings, q)))

    # ---- API (answers are sent as stored bytes; the annotations describe them in the OpenAPI) ------------
    @app.get("/api/stories", summary="Stories, newest first, with their counts")
    async def api_stories(
        date_from: str | None = Query(None, alias="from", max_length=32),
        date_to: str | None = Query(None, alias="to", max_length=32),
        outlet: str | None = Query(None, max_length=200),
        entity: str | None = Query(None, max_length=200),
    ) -> dict[str, Any]:
        key = ("api-stories", date_from, date_to, outlet, entity)
        return await cached(key, lambda: stories_answer(*key[1:]))

    @app.get(
        "/api/stories/{story_id}",
        summary="One story as the report contract's story object",
        responses={404: {"description": "no such story"}},
    )
    async def api_story(story_id: str) -> dict[str, Any]:
        return await cached(("api-story", story_id))

    @app.get(
        "/api/articles/{article_id}",
        summary="One article as the report contract's article object",
        responses={404: {"description": "no such article"}},
    )
    async def api_article(article_id: str) -> dict[str, Any]:
        return await cached(("api-article", article_id))

    @app.get(
        "/api/entities/{entity_id}",
        summary="A person or body across stories, with everything it said",
        responses={404: {"description": "no such entity"}},
    )
    async def api_entity(entity_id: str) -> dict[str, Any]:
        return await cached(("api-entity", entity_id))

    @app.get("/api/search", summary="Articles and entity names holding q (plain substring)")
    async def api_search(q: str = Query("", max_length=200)) -> dict[str, Any]:
        return await cached(("api-search", q), lambda: as_json(service.search(settings, q)))

    @app.get("/api/status", summary="What the server holds and how far its answers are prepared")
    def api_status() -> dict[str, Any]:
        status: dict[str, Any] = {"cached_answers": len(cache), "cached_bytes": cache.bytes, "writes": cache.generation}
        status["warm"] = warmer.status() if warmer is not None else None
        return status

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
            try:
                result = service.add_articles(settings, records, inbox)
            finally:
                after_write()
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
        app.state.watcher = Watcher(Path(watch), settings, write_lock, after_write)
    return app


class Limits:
    """Request size limits and the security headers, as plain ASGI (no per-request task or copy of the
    answer): a declared body over ``MAX_BODY`` is refused at once, a streamed one as soon as it passes it."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
            await self.too_big(scope, receive, send)
            return
        if scope["method"] in ("POST", "PUT", "PATCH") and length is None:
            body = bytearray()
            while True:  # a streamed (chunked) body: read it here, within the cap, and replay it
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                if len(body) > MAX_BODY:
                    await self.too_big(scope, receive, send)
                    return
                if not message.get("more_body"):
                    break
            receive = _replay(bytes(body), receive)

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in HEADER_BYTES if k not in present]
                message = dict(message, headers=list(message.get("headers", [])) + extra)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    async def too_big(scope, receive, send) -> None:
        response = JSONResponse({"detail": f"request body over {MAX_BODY} bytes"}, status_code=413, headers=HEADERS)
        await response(scope, receive, send)


def _replay(body: bytes, receive):
    """An ASGI ``receive`` that hands over ``body`` first, then defers to the connection's."""
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


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


class Warmer:
    """Renders every story's answers (its page, its API object, its articles' pages and API objects) into the
    cache in a background thread: all stories at start, newest first, and after each write the stories it
    changed, so readers are answered from memory. Stops adding when the cache is nearly full, so the
    newest stories stay warm rather than thrashing it."""

    def __init__(
        self,
        settings: Settings,
        cache: Cache,
        render: Callable[[dict[str, Any], dict[str, dict[str, Any]]], dict[tuple, Answer]],
        lists: dict[tuple, Callable[..., Answer]],
        batch: int = 16,
    ) -> None:
        self.settings = settings
        self.cache = cache
        self.render = render
        self.lists = lists
        self.batch = batch
        self.fingerprints: dict[str, int] | None = None
        self.queue: deque[str] = deque()
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.stop_event = threading.Event()
        self.thread: threading.Thread | None = None
        self.warmed = 0
        self.busy = 0
        self.began = time.monotonic()
        self.seconds: float | None = None
        self.full = False
        self.errors: list[str] = []

    def start(self) -> None:
        """Start the thread (again after a stop: an app's lifespan may run more than once)."""
        if self.thread is not None and self.thread.is_alive():
            return
        self.stop_event.clear()
        self.thread = threading.Thread(target=self.loop, name="corroborate-warm", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        self.wake.set()
        if self.thread is not None:
            self.thread.join(timeout=10)

    def status(self) -> dict[str, Any]:
        with self.lock:
            pending = len(self.queue) + self.busy
        ready = self.fingerprints is not None and pending == 0
        return {
            "state": "full" if self.full else "ready" if ready else "warming",
            "stories": len(self.fingerprints or {}),
            "warmed": self.warmed,
            "pending": pending,
            "seconds": self.seconds,
            "errors": len(self.errors),
        }

    def changed(self) -> None:
        """Called under the write lock after a write: drop the answers of the stories whose fingerprint
        changed (or that are gone) and every cross-story answer, then warm those stories first."""
        try:
            new = service.story_fingerprints(self.settings)
        except Exception as exc:  # never keep stale answers: drop them all and warm everything again
            log.exception("warm: fingerprints: %s", exc)
            self.errors.append(str(exc))
            self.cache.invalidate()
            return
        old = self.fingerprints or {}
        stale = {sid for sid in old.keys() | new.keys() if old.get(sid) != new.get(sid)}
        self.cache.invalidate(stale if self.fingerprints is not None else None)
        with self.lock:
            self.fingerprints = new
            fresh = [sid for sid in new if sid in stale]
            self.queue = deque(fresh + [sid for sid in self.queue if sid not in stale and sid in new])
            self.full = False
            self.began = time.monotonic()
            self.seconds = None
        self.wake.set()

    def loop(self) -> None:
        if self.fingerprints is None:
            try:
                fingerprints = service.story_fingerprints(self.settings)
            except Exception as exc:
                log.exception("warm: %s", exc)
                self.errors.append(str(exc))
                return
            with self.lock:
                if self.fingerprints is None:  # a write may have come first and set them already
                    self.fingerprints = fingerprints
                    self.queue.extend(fingerprints)
            self.wake.set()
        while not self.stop_event.is_set():
            self.wake.wait()
            if self.stop_event.is_set():
                return
            try:
                self.step()
            except Exception as exc:  # a story that fails to render stays cold; the rest are warmed
                log.exception("warm: %s", exc)
                self.errors.append(str(exc))
                with self.lock:
                    self.busy = 0
                time.sleep(1.0)

    def step(self) -> None:
        generation = self.cache.generation
        for key, make in self.lists.items():
            if key not in self.cache:
                self.cache.put(key, make(), generation)
        with self.lock:
            batch = [self.queue.popleft() for _ in range(min(self.batch, len(self.queue)))]
            self.busy = len(batch)  # still pending until rendered
        full = False
        for story, articles in service.story_bundles(self.settings, batch) if batch else []:
            answers = self.render(story, articles)
            if self.cache.bytes + sum(len(a.body) for a in answers.values()) > 0.9 * self.cache.max_bytes:
                full = True  # keep what is there (the newer stories) rather than push it out
                break
            for key, answer in answers.items():
                if not self.cache.put(key, answer, generation):
                    break
            time.sleep(0)  # let request threads in between stories
        with self.lock:
            if self.cache.generation != generation:  # a write came in: what this batch made was refused
                self.queue.extendleft(reversed([sid for sid in batch if sid in (self.fingerprints or {})]))
            else:
                self.warmed += len(batch)
            self.busy = 0
            if full:
                self.full = True
                self.queue.clear()
            if not self.queue:
                if self.seconds is None:
                    self.seconds = time.monotonic() - self.began
                self.wake.clear()


class Watcher:
    """Ingests files dropped into a folder: a file is taken once its size and time have held still for one
    poll, so a half-written file is never read; each batch runs the whole pipeline under the write lock."""

    def __init__(
        self,
        folder: Path,
        settings: Settings,
        lock: threading.Lock,
        after_write: Callable[[], None],
        every: float = 1.0,
    ):
        self.folder = folder
        self.settings = settings
        self.lock = lock
        self.after_write = after_write
        self.every = every
        self.seen: dict[str, tuple[int, float]] = {}
        self.pending: dict[str, tuple[int, float]] = {}
        self.stop_event = threading.Event()
        self.thread: threading.Thread | None = None
        self.runs = 0
        self.errors: list[str] = []

    def start(self) -> None:
        if self.thread is not None and self.thread.is_alive():
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        self.stop_event.clear()
        self.thread = threading.Thread(target=self.loop, name="corroborate-watch", daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.stop_event.set()
        if self.thread is not None:
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
                        try:
                            service.run(ready, self.settings)
                        finally:
                            self.after_write()
                    for name in ready:
                        self.seen[name] = self.pending.pop(name)
                    self.runs += 1
            except Exception as exc:  # a bad batch must not stop the watcher; its files are retried
                log.exception("watch: %s", exc)
                self.errors.append(str(exc))
                time.sleep(self.every)
            self.stop_event.wait(self.every)
