"""The web app through its ASGI interface (``fastapi.testclient.TestClient``, no server, no browser).

Covers every REST route, the token rules for writes, the body limit, the report contract's schema for
story and article objects, search strings that would break a query built by string pasting, path
traversal, upload-then-read, the watched folder, and the server-rendered pages (structure, filters and
escaping of hostile article text).
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator

from corroborate import service
from corroborate.report.contract import report_schema
from corroborate.serve import create_app
from corroborate.settings import Settings

TOKEN = "web-test-token-7c1e0b"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# The fields /api/stories gives for each story (the contract of the list answer).
STORY_LIST_FIELDS = {
    "id",
    "title",
    "article_ids",
    "independent_sources",
    "first_published",
    "last_published",
    "n_contradictions",
}
ENTITY_FIELDS = {"id", "name", "type", "aliases", "roles", "stories", "statements"}
# A follow-up to the Vellan Dam story with a word found nowhere else in the corpus ("Quarvik").
NEW_ARTICLE = {
    "title": "Engineers tell Vellan Dam inquiry the spillway cracks were known for a year",
    "source": "Kastell Evening Post",
    "url": "https://kastell-evening.example/2024/03/20/vellan-inquiry-engineers",
    "published": "2024-03-20T17:00:00Z",
    "text": "\n\n".join(
        [
            "Two engineers who worked on the Vellan Dam told the independent inquiry on Wednesday that cracks in "
            "the eastern spillway wall had been recorded in the operator's own logs for more than a year before "
            "the breach that flooded the Marro valley.",
            "Edda Quarvik, a structural engineer who inspected the spillway for Varnhold Hydro in 2023, said the "
            "cracks had been marked for repair three times and that each time the work was postponed.",
            "“We wrote it down, we photographed it, and we were told it could wait until the summer,” Quarvik "
            "told the panel chaired by the retired judge Ottilie Grann.",
            "Varnhold Hydro said it would answer the engineers' evidence when the inquiry calls its chief "
            "executive, Greta Holmfeld, next month.",
        ]
    ),
}


def schema_for(name: str) -> Draft202012Validator:
    full = report_schema()
    return Draft202012Validator({"$schema": full["$schema"], "$defs": full["$defs"], "$ref": f"#/$defs/{name}"})


def ids_of(items: list) -> list[str]:
    """Ids of a list that holds either ids or objects with an id."""
    return [item if isinstance(item, str) else item["id"] for item in items]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def html(response) -> lxml.html.HtmlElement:
    assert response.status_code == 200, (response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("text/html")
    return lxml.html.fromstring(response.text)


def text_of(doc: lxml.html.HtmlElement, selector: str) -> str:
    found = doc.cssselect(selector)
    assert found, f"nothing matches {selector!r}"
    return norm(" ".join(el.text_content() for el in found))


@pytest.fixture(scope="module")
def client(module_store: Settings):
    """A read-only server (no token: writes closed) over a copy of the corpus store."""
    with TestClient(create_app(module_store)) as c:
        yield c


@pytest.fixture
def writer(store_copy: Settings):
    """A server that accepts writes with TOKEN, over a private copy of the store."""
    with TestClient(create_app(store_copy, token=TOKEN)) as c:
        yield c


@pytest.fixture(scope="module")
def report(corpus) -> dict:
    """The contract's report over the pristine store, built by the service layer (the expected answers)."""
    return service.report(Settings(db=str(corpus.db)))


def raw_get(client: TestClient, raw_path: bytes) -> tuple[int, bytes]:
    """GET a path exactly as written, as uvicorn would pass it (httpx would normalise ``..`` away)."""

    async def call() -> tuple[int, bytes]:
        scope = {
            "type": "http",
            "asgi": {"version": "3.0"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": unquote(raw_path.decode("ascii")),
            "raw_path": raw_path,
            "root_path": "",
            "query_string": b"",
            "headers": [(b"host", b"testserver")],
            "client": ("127.0.0.1", 50000),
            "server": ("testserver", 80),
            "state": {},
        }
        sent = [{"type": "http.request", "body": b"", "more_body": False}]
        status, body = 0, b""

        async def receive():
            return sent.pop(0) if sent else {"type": "http.disconnect"}

        async def send(message):
            nonlocal status, body
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body":
                body += message.get("body", b"")

        await client.app(scope, receive, send)
        return status, body

    return client.portal.call(call)


# ---- OpenAPI --------------------------------------------------------------------------------------------


def test_openapi_documents_every_api_route(client) -> None:
    doc = client.get("/openapi.json").json()
    paths = {re.sub(r"\{[^}]+\}", "{}", p): ops for p, ops in doc["paths"].items()}
    for path in ("/api/stories", "/api/stories/{}", "/api/articles/{}", "/api/entities/{}", "/api/search"):
        assert "get" in paths.get(path, {}), path
    assert "post" in paths.get("/api/articles", {})


# ---- reading --------------------------------------------------------------------------------------------


def test_story_list_newest_first_with_counts(client, corpus) -> None:
    r = client.get("/api/stories")
    assert r.status_code == 200
    stories = r.json()["stories"]
    assert [s["id"] for s in stories] == [s["id"] for s in corpus.stories]
    for got, want in zip(stories, corpus.stories):
        assert STORY_LIST_FIELDS <= set(got), STORY_LIST_FIELDS - set(got)
        assert got["title"] == want["title"]
        assert got["article_ids"] == want["article_ids"]
        assert got["independent_sources"] == want["independent_sources"]
        assert got["n_contradictions"] == len(want["contradictions"])
    last = [(s["last_published"] or "")[:10] for s in stories]
    assert last == sorted(last, reverse=True)
    dam = next(s for s in stories if s["id"] == corpus.dam_story["id"])
    assert dam["n_contradictions"] >= 1


def test_story_objects_follow_the_contract(client, corpus, report) -> None:
    validator = schema_for("story")
    expected = {s["id"]: s for s in report["stories"]}
    for story in corpus.stories:
        r = client.get(f"/api/stories/{story['id']}")
        assert r.status_code == 200, story["id"]
        body = r.json()
        errors = [e.message for e in validator.iter_errors(body)]
        assert not errors, (story["id"], errors[:5])
        want = expected[story["id"]]
        assert {k: body.get(k) for k in want} == want


def test_article_objects_follow_the_contract(client, corpus, report) -> None:
    validator = schema_for("article")
    expected = {a["id"]: a for a in report["articles"]}
    assert len(expected) == len(corpus.articles)
    for article_id, want in expected.items():
        r = client.get(f"/api/articles/{article_id}")
        assert r.status_code == 200, article_id
        body = r.json()
        errors = [e.message for e in validator.iter_errors(body)]
        assert not errors, (article_id, errors[:5])
        assert {k: body.get(k) for k in want} == want


def test_hostile_article_is_returned_verbatim(client, corpus) -> None:
    body = client.get(f"/api/articles/{corpus.hostile_id}").json()
    assert body["title"] == corpus.hostile["title"]
    for payload in corpus.payloads:
        assert payload in body["text"]


def speaker_entity(story: dict) -> tuple[dict, int]:
    """The entity of a story quoted most often, and how many statements it has there."""
    counts: dict[str, int] = {}
    for s in story["statements"]:
        if s["speaker_entity"]:
            counts[s["speaker_entity"]] = counts.get(s["speaker_entity"], 0) + 1
    entity_id = max(counts, key=counts.get)
    (entity,) = [e for e in story["entities"] if e["id"] == entity_id]
    return entity, counts[entity_id]


def test_entity(client, corpus) -> None:
    entity, n = speaker_entity(corpus.dam_story)
    r = client.get(f"/api/entities/{entity['id']}")
    assert r.status_code == 200
    body = r.json()
    assert ENTITY_FIELDS <= set(body), ENTITY_FIELDS - set(body)
    assert body["id"] == entity["id"]
    assert body["name"] == entity["name"]
    assert body["type"] == entity["type"]
    assert set(entity["aliases"]) <= set(body["aliases"])
    assert set(entity["roles"]) <= set(body["roles"])
    assert corpus.dam_story["id"] in ids_of(body["stories"])
    assert len(body["statements"]) >= n


def test_search_finds_articles_and_people(client, corpus) -> None:
    known = {a["id"] for a in corpus.articles}
    r = client.get("/api/search", params={"q": "Marsk"})
    assert r.status_code == 200
    body = r.json()
    assert set(body) >= {"articles", "entities"}
    assert "Helena Marsk" in [e["name"] for e in body["entities"]]
    assert body["articles"] and set(ids_of(body["articles"])) <= known
    r = client.get("/api/search", params={"q": "receipt page unchanged"})
    assert corpus.hostile_id in ids_of(r.json()["articles"])


# Strings that break or widen a query built by pasting q into SQL or into a LIKE pattern unescaped.
HOSTILE_QUERIES = [
    "' OR 1=1 --",
    "' OR '1'='1",
    '" OR ""="',
    "'; DROP TABLE articles; --",
    "x' UNION SELECT id, title, text FROM articles --",
    "%",
    "_",
    "%%",
    "%_%",
    "\\",
    "\\%",
    "'",
    "[",
    "*",
    "\x00",
]


@pytest.mark.parametrize("q", HOSTILE_QUERIES, ids=repr)
def test_search_strings_are_bound_not_pasted(client, corpus, report, q) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text[:300]
    body = r.json()
    articles, entities = ids_of(body["articles"]), body["entities"]
    assert len(articles) < len(corpus.articles), "search returned every article"
    n_entities = len({e["id"] for s in corpus.stories for e in s["entities"]})
    assert len(entities) < n_entities, "search returned every entity"
    if q in ("%", "_", "%%", "%_%", "\\%"):  # a plain substring search finds only texts that hold q literally
        by_id = {a["id"]: a for a in report["articles"]}
        for article_id in articles:
            a = by_id[article_id]
            assert any(q in (a[k] or "") for k in ("title", "text", "source")), article_id
    assert client.get("/api/stories").json()["stories"], "the store lost its stories"


# ---- unknown ids and path traversal ---------------------------------------------------------------------

UNKNOWN = ["does-not-exist-0000", "s-000000000000", "e-000000000000", "q-000000000000"]


@pytest.mark.parametrize("prefix", ["/api/stories/", "/api/articles/", "/api/entities/", "/stories/", "/articles/"])
@pytest.mark.parametrize("item_id", UNKNOWN)
def test_unknown_ids_are_404(client, prefix, item_id) -> None:
    assert client.get(prefix + item_id).status_code == 404


@pytest.mark.parametrize("item_id", UNKNOWN)
def test_unknown_entity_page_is_404(client, item_id) -> None:
    assert client.get("/entities/" + item_id).status_code == 404


@pytest.mark.parametrize("path", ["/api/stories/s", "/api/stories/s-", "/stories/s", "/api/entities/e", "/entities/e"])
def test_ambiguous_prefixes_are_not_errors(client, path) -> None:
    assert client.get(path).status_code in (400, 404)


TRAVERSALS = [
    b"/static/../../pyproject.toml",
    b"/static/../../../../../../etc/passwd",
    b"/static/..%2F..%2Fpyproject.toml",
    b"/static/%2e%2e/%2e%2e/pyproject.toml",
    b"/static/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd",
    b"/static/%2Fetc%2Fpasswd",
    b"/static//etc/passwd",
    b"/static/..\\..\\pyproject.toml",
    b"/articles/..%2F..%2Fetc%2Fpasswd",
    b"/articles/../../etc/passwd",
    b"/stories/..%2F..%2Fpyproject.toml",
    b"/entities/..%2F..%2Fetc%2Fpasswd",
    b"/api/articles/..%2F..%2Fetc%2Fpasswd",
    b"/api/stories/..%2F..%2Fpyproject.toml",
]


@pytest.mark.parametrize("raw_path", TRAVERSALS, ids=lambda p: p.decode())
def test_path_traversal_never_serves_a_file(client, raw_path) -> None:
    status, body = raw_get(client, raw_path)
    assert status in (400, 404), (status, body[:200])
    assert b"root:x:0:0" not in body and b"[build-system]" not in body


# ---- writing --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("headers", [{}, AUTH, {"Authorization": "Bearer anything"}], ids=["none", "token", "other"])
def test_writes_are_closed_without_a_server_token(client, headers) -> None:
    r = client.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers=headers)
    assert r.status_code == 403
    assert client.get("/api/search", params={"q": "Quarvik"}).json()["articles"] == []


@pytest.mark.parametrize(
    "auth",
    [None, "Bearer wrong-token", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}", "Bearer ", TOKEN, f"Basic {TOKEN}"],
    ids=["missing", "wrong", "longer", "shorter", "empty", "no-scheme", "basic"],
)
def test_wrong_or_missing_token_is_401(writer, auth) -> None:
    headers = {"Authorization": auth} if auth is not None else {}
    r = writer.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers=headers)
    assert r.status_code == 401
    assert writer.get("/api/search", params={"q": "Quarvik"}).json()["articles"] == []


def big_body(size: int = 1_200_000) -> bytes:
    article = dict(NEW_ARTICLE, text=NEW_ARTICLE["text"] + "\n\n" + "The dam held. " * (size // 14))
    return json.dumps({"articles": [article]}).encode()


def test_body_over_the_limit_is_413(writer) -> None:
    body = big_body()
    assert len(body) > 1_000_000
    r = writer.post("/api/articles", content=body, headers=AUTH | {"Content-Type": "application/json"})
    assert r.status_code == 413


def test_streamed_body_over_the_limit_is_413(writer) -> None:
    """Without a Content-Length (chunked upload) the limit must still hold while reading."""
    body = big_body(3_000_000)

    def chunks():
        for start in range(0, len(body), 65536):
            yield body[start : start + 65536]

    r = writer.post("/api/articles", content=chunks(), headers=AUTH | {"Content-Type": "application/json"})
    assert r.status_code == 413
    assert writer.get("/api/search", params={"q": "Quarvik"}).json()["articles"] == []


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"articles": [', b"", b"\xff\xfe", b'{"articles": "nope"}', b"[1, 2, 3]", b'"articles"'],
    ids=["garbage", "truncated", "empty", "binary", "not-a-list", "top-level-list", "string"],
)
def test_malformed_json_is_a_client_error(writer, body) -> None:
    r = writer.post("/api/articles", content=body, headers=AUTH | {"Content-Type": "application/json"})
    assert r.status_code in (400, 422), (r.status_code, r.text[:300])


def story_containing(client: TestClient, article_id: str) -> str:
    """The one story (read item by item from /api/stories/{id}) that holds article_id."""
    ids = [s["id"] for s in client.get("/api/stories").json()["stories"]]
    containing = [sid for sid in ids if article_id in client.get(f"/api/stories/{sid}").json()["article_ids"]]
    assert len(containing) == 1, containing
    return containing[0]


def test_posted_article_is_searchable_and_in_a_story(writer, corpus) -> None:
    r = writer.post("/api/articles", json={"articles": [NEW_ARTICLE]}, headers=AUTH)
    assert r.status_code == 200, r.text[:500]
    body = r.json()
    assert body["added"] == 1
    assert body["rejects"] == []

    found = writer.get("/api/search", params={"q": "Quarvik"}).json()["articles"]
    assert len(found) == 1
    (new_id,) = ids_of(found)
    article = writer.get(f"/api/articles/{new_id}").json()
    assert not list(schema_for("article").iter_errors(article))
    assert article["title"] == NEW_ARTICLE["title"]
    assert article["source"] == NEW_ARTICLE["source"]
    assert article["url"] == NEW_ARTICLE["url"]
    assert article["published"].startswith("2024-03-20")
    assert "Edda Quarvik" in article["text"]

    story_id = story_containing(writer, new_id)
    story = writer.get(f"/api/stories/{story_id}").json()
    assert not list(schema_for("story").iter_errors(story))
    page = html(writer.get(f"/articles/{new_id}"))
    assert text_of(page, "h1") == NEW_ARTICLE["title"]
    assert f"/articles/{new_id}" in [
        a.get("href") for a in html(writer.get(f"/stories/{story_id}")).cssselect("#sources li a")
    ]
    # The rest of the store is untouched.
    assert len(writer.get("/api/stories").json()["stories"]) >= len(corpus.stories)
    # The answer names the stories the upload went into.
    assert story_id in ids_of(body["stories"])


def test_posted_article_keeps_its_given_id(writer) -> None:
    r = writer.post("/api/articles", json={"articles": [dict(NEW_ARTICLE, id="web-post-0001")]}, headers=AUTH)
    assert r.status_code == 200, r.text[:500]
    assert r.json()["added"] == 1
    article = writer.get("/api/articles/web-post-0001")
    assert article.status_code == 200
    assert article.json()["title"] == NEW_ARTICLE["title"]


def test_posting_several_articles_reports_rejects(writer) -> None:
    short = {"title": "Too short", "text": "Dam.", "source": "Kastell Evening Post"}
    r = writer.post("/api/articles", json={"articles": [NEW_ARTICLE, short]}, headers=AUTH)
    assert r.status_code == 200, r.text[:500]
    body = r.json()
    assert body["added"] == 1
    assert len(body["rejects"]) == 1


def test_watched_folder_is_ingested_while_serving(store_copy: Settings, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    record = dict(NEW_ARTICLE, id="watch-0001")
    with TestClient(create_app(store_copy, watch=str(inbox))) as c:
        assert c.get("/api/search", params={"q": "Quarvik"}).json()["articles"] == []
        staging = tmp_path / "staging.jsonl"
        staging.write_text(json.dumps(record) + "\n", encoding="utf-8")
        staging.rename(inbox / "dropped.jsonl")
        deadline = time.monotonic() + 90
        found: list = []
        while time.monotonic() < deadline and not found:
            time.sleep(1)
            assert c.get("/").status_code == 200  # still answering while it ingests
            found = c.get("/api/search", params={"q": "Quarvik"}).json()["articles"]
        assert found, "the dropped file was not ingested within 90 s"
        (new_id,) = ids_of(found)
        story_containing(c, new_id)


# ---- pages ----------------------------------------------------------------------------------------------


def test_story_list_page(client, corpus) -> None:
    doc = html(client.get("/"))
    items = doc.cssselect("li.story")
    assert len(items) == len(corpus.stories)
    for li, story in zip(items, corpus.stories):
        (link,) = li.cssselect("a.story-link")
        assert link.get("href") == f"/stories/{story['id']}"
        assert norm(link.text_content()) == norm(story["title"])
        numbers = {int(n) for n in re.findall(r"\d+", text_of(li, ".sources"))}
        assert numbers & {story["independent_sources"], len(story["article_ids"])}
        assert len(story["contradictions"]) in {int(n) for n in re.findall(r"\d+", text_of(li, ".contested"))}
    (form,) = doc.cssselect("form#filters")
    assert (form.get("method") or "get").lower() == "get"
    assert {"from", "to", "outlet", "entity"} <= {i.get("name") for i in form.cssselect("input, select")}


def listed(client, params: dict) -> list[str]:
    doc = html(client.get("/", params=params))
    return [a.get("href").removeprefix("/stories/") for a in doc.cssselect("li.story a.story-link")]


def test_story_list_filters(client, corpus) -> None:
    dam, tess = corpus.dam_story["id"], corpus.hostile_story["id"]
    everything = [s["id"] for s in corpus.stories]
    # A browser submits every field of the form, empty ones included.
    assert listed(client, {"from": "", "to": "", "outlet": "", "entity": ""}) == everything
    after = listed(client, {"from": "2024-10-01"})
    assert tess in after and dam not in after
    before = listed(client, {"to": "2024-03-31"})
    assert dam in before and tess not in before
    assert listed(client, {"outlet": "Tramline Gazette"}) == [tess]
    marsk = listed(client, {"entity": "Helena Marsk"})
    assert dam in marsk and tess not in marsk


def test_story_page(client, corpus) -> None:
    story = corpus.dam_story
    brief = service.get_brief(Settings(db=str(corpus.db)), story["id"])
    doc = html(client.get(f"/stories/{story['id']}"))
    assert text_of(doc, "h1") == norm(story["title"])
    for section in ("#summary", "#key-facts", "#contested", "#who", "#timeline", "#coverage", "#sources"):
        assert doc.cssselect(section), section
    assert norm(brief["summary"][0]["text"]) in text_of(doc, "#summary")
    assert doc.cssselect("#summary a[href]"), "summary sentences cite no source"
    contested = text_of(doc, "#contested")
    assert "12" in contested and "at least 14" in contested
    sources = {a.get("href") for a in doc.cssselect("#sources li a")}
    assert sources == {f"/articles/{a}" for a in story["article_ids"]}
    speakers = doc.cssselect("#who h3 a.entity-link")
    assert speakers and all(a.get("href").startswith("/entities/") for a in speakers)


def test_article_page(client, corpus, report) -> None:
    article = next(a for a in report["articles"] if a["id"] == corpus.dam_article_id)
    story = corpus.dam_story
    doc = html(client.get(f"/articles/{article['id']}"))
    assert text_of(doc, "h1") == norm(article["title"])
    shown = text_of(doc, "article#text")
    assert norm(article["text"]) in shown
    statements = [s["text"] for s in story["statements"] if s["article_id"] == article["id"]]
    marks = [norm(m.text_content()) for m in doc.cssselect("article#text mark.statement")]
    assert statements and marks
    assert all(any(m in norm(s) for s in statements) for m in marks)
    if any(
        m["article_id"] == article["id"]
        for c in story["claims"]
        if c["status"] != "single_source"
        for m in c["mentions"]
    ):
        assert doc.cssselect("article#text mark.claim")
    with_removed = next(a for a in report["articles"] if a["removed"])
    doc = html(client.get(f"/articles/{with_removed['id']}"))
    removed = text_of(doc, "details#removed")
    for line in with_removed["removed"]:
        assert norm(line["text"]) in removed


def test_each_citation_on_a_story_page_leads_to_the_words_it_cites(client, corpus, report) -> None:
    """A [n] of the summary, the key facts, the contested points, the timeline or the list of all claims links
    to the passage it cites on the article's page, and that passage is the article's text at those offsets."""
    story = corpus.dam_story
    texts = {a["id"]: a["text"] for a in report["articles"]}
    doc = html(client.get(f"/stories/{story['id']}"))
    pages: dict[str, lxml.html.HtmlElement] = {}
    anchored = 0
    for a in doc.cssselect("a.cite"):
        path, _, anchor = a.get("href").partition("#")
        if not anchor:
            continue
        article_id = unquote(path.removeprefix("/articles/"))
        if article_id not in pages:
            pages[article_id] = html(client.get(path))
        (passage,) = pages[article_id].cssselect(f"article#text span.cited#{anchor}")
        start, end = (int(x) for x in anchor.removeprefix("at-").split("-"))
        assert passage.text_content() == texts[article_id][start:end]
        anchored += 1
    assert anchored >= len(doc.cssselect("#summary a.cite")) > 0


def test_entity_page(client, corpus) -> None:
    entity, n = speaker_entity(corpus.dam_story)
    doc = html(client.get(f"/entities/{entity['id']}"))
    assert text_of(doc, "h1") == entity["name"]
    api = client.get(f"/api/entities/{entity['id']}").json()
    assert len(doc.cssselect("ul#statements li")) == len(api["statements"]) >= n
    # each statement shown as written, with the marks it has: no quotation marks of ours around reported speech
    shown = [norm(s.text_content()) for s in doc.cssselect("ul#statements li .said")]
    assert shown == [norm(s["text"]) for s in api["statements"]] and not doc.cssselect("ul#statements q")


def test_search_page(client) -> None:
    doc = html(client.get("/search", params={"q": "Marsk"}))
    articles = doc.cssselect("ul#article-results li a")
    assert articles and all(a.get("href").startswith("/articles/") for a in articles)
    people = {norm(a.text_content()): a.get("href") for a in doc.cssselect("ul#entity-results li a")}
    assert people.get("Helena Marsk", "").startswith("/entities/")
    doc = html(client.get("/search", params={"q": "' OR 1=1 --"}))
    assert len(doc.cssselect("ul#article-results li a")) < 5


def assert_inert(doc: lxml.html.HtmlElement) -> None:
    """Nothing from the hostile article became markup."""
    assert not [s for s in doc.iter("script") if "__pwned" in (s.text or "")]
    assert not doc.xpath("//*[@onerror or @onload or @onclick or @onmouseover]")
    assert not [a for a in doc.iter("a") if (a.get("href") or "").strip().lower().startswith("javascript:")]
    assert not doc.xpath("//img[@src='x']")


def test_hostile_text_is_shown_as_text(client, corpus) -> None:
    story = corpus.hostile_story
    doc = html(client.get(f"/articles/{corpus.hostile_id}"))
    assert_inert(doc)
    assert text_of(doc, "h1") == corpus.hostile["title"]
    shown = text_of(doc, "article#text")
    for payload in corpus.payloads:
        assert payload in shown
    doc = html(client.get(f"/stories/{story['id']}"))
    assert_inert(doc)
    assert corpus.payloads[0] in doc.text_content()  # the summary quotes the script sentence
    oberholt = next(e for e in story["entities"] if e["name"] == "Nadia Oberholt")
    doc = html(client.get(f"/entities/{oberholt['id']}"))
    assert_inert(doc)
    assert corpus.payloads[1] in text_of(doc, "ul#statements")
    for path in ("/", "/search?q=receipt", "/search?q=%3Cscript%3E", f"/search?q={corpus.payloads[1]}"):
        assert_inert(html(client.get(path)))


def test_pages_forbid_scripts(client, corpus) -> None:
    r = client.get(f"/articles/{corpus.hostile_id}")
    csp = r.headers.get("content-security-policy", "")
    assert "script-src" in csp or "default-src 'none'" in csp
