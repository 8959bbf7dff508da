"""The server's prepared answers: the cache, the background warmer and what a write drops.

A warmed answer must be byte for byte the answer the server makes on demand, a write must drop exactly the
answers it made stale (the stories it changed and every cross-story answer), and the cache must keep to its
byte budget and never keep an answer made from the store as it was before a write.
"""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from corroborate.serve import create_app
from corroborate.serve.app import Answer, Cache
from corroborate.settings import Settings

TOKEN = "warm-test-token-3f0a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def wait_ready(client: TestClient, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status = client.get("/api/status").json()
        if status["warm"]["state"] == "ready":
            return status
        time.sleep(0.2)
    raise AssertionError(f"the warmer did not finish in {timeout:.0f} s: {status}")


def answer(i: int, size: int = 10, story: str | None = "s") -> Answer:
    return Answer(bytes([i % 256]) * size, "text/plain", 200, story)


# ---- the cache -----------------------------------------------------------------------------------------


def test_cache_keeps_to_its_byte_budget_dropping_the_least_recently_used() -> None:
    cache = Cache(max_bytes=35)
    for i in range(3):
        assert cache.put(("k", i), answer(i), cache.generation)
    assert cache.lookup(("k", 0)) is not None  # 0 is now the most recently used
    cache.put(("k", 3), answer(3), cache.generation)
    assert ("k", 1) not in cache
    assert [("k", 0) in cache, ("k", 2) in cache, ("k", 3) in cache] == [True, True, True]
    assert cache.bytes == 30
    cache.put(("k", 0), answer(0, size=20), cache.generation)  # replacing an answer counts its new size only
    assert cache.bytes <= 35 and ("k", 0) in cache


def test_cache_refuses_an_answer_made_before_a_write() -> None:
    cache = Cache()
    generation = cache.generation
    cache.invalidate({"other"})
    assert not cache.put(("story", "s"), answer(1), generation)
    assert ("story", "s") not in cache
    assert cache.put(("story", "s"), answer(1), cache.generation)


def test_invalidate_drops_the_named_stories_and_every_cross_story_answer() -> None:
    cache = Cache()
    g = cache.generation
    cache.put(("story", "a"), answer(1, story="a"), g)
    cache.put(("article", "a1"), answer(2, story="a"), g)
    cache.put(("story", "b"), answer(3, story="b"), g)
    cache.put(("index",), answer(4, story=None), g)
    cache.invalidate({"a"})
    assert ("story", "b") in cache
    assert all(k not in cache for k in [("story", "a"), ("article", "a1"), ("index",)])
    assert cache.bytes == 10
    cache.invalidate()
    assert len(cache) == 0 and cache.bytes == 0


# ---- the warmer ----------------------------------------------------------------------------------------


def test_warmed_answers_are_the_answers_made_on_demand(module_store: Settings, corpus) -> None:
    with TestClient(create_app(module_store, warm=True)) as warm:
        status = wait_ready(warm)
        assert status["warm"]["stories"] == len(corpus.stories)
        assert status["warm"]["warmed"] == len(corpus.stories)
        assert status["warm"]["errors"] == 0
        cache = warm.app.state.cache
        urls = []
        for story in corpus.stories:
            assert ("story", story["id"]) in cache and ("api-story", story["id"]) in cache
            urls += [f"/stories/{story['id']}", f"/api/stories/{story['id']}"]
            for aid in story["article_ids"]:
                assert ("article", aid) in cache and ("api-article", aid) in cache
                urls += [f"/articles/{aid}", f"/api/articles/{aid}"]
        warmed = {url: warm.get(url) for url in urls}
    with TestClient(create_app(module_store, warm=False)) as cold:
        assert cold.get("/api/status").json()["warm"] is None
        for url, got in warmed.items():
            made = cold.get(url)
            assert (got.status_code, got.headers["content-type"]) == (made.status_code, made.headers["content-type"])
            assert got.content == made.content, url


def test_a_write_drops_only_what_it_changed_and_warms_it_again(store_copy: Settings, corpus) -> None:
    from web.test_api import NEW_ARTICLE  # a follow-up to the Vellan Dam inquiry

    with TestClient(create_app(store_copy, token=TOKEN, warm=True)) as c:
        wait_ready(c)
        cache = c.app.state.cache
        before = {s["id"]: c.get(f"/api/stories/{s['id']}").content for s in corpus.stories}
        sizes = {s["id"]: len(s["article_ids"]) for s in c.get("/api/stories").json()["stories"]}
        r = c.post("/api/articles", json={"articles": [dict(NEW_ARTICLE, id="warm-0001")]}, headers=AUTH)
        assert r.status_code == 200, r.text[:300]
        (changed,) = r.json()["stories"]
        assert changed in before  # the follow-up joined a story the server had prepared
        # Straight after the write: the changed story is not served stale, the list is made again, and the
        # stories the write did not touch are still prepared and unchanged.
        assert ("story", changed) not in cache or b"warm-0001" in cache.lookup(("story", changed)).body
        assert "warm-0001" in c.get(f"/api/stories/{changed}").json()["article_ids"]
        assert "warm-0001" in c.get(f"/stories/{changed}").text
        (row,) = [s for s in c.get("/api/stories").json()["stories"] if s["id"] == changed]
        assert len(row["article_ids"]) == sizes[changed] + 1
        for sid, body in before.items():
            if sid != changed:
                assert ("api-story", sid) in cache, sid
                assert c.get(f"/api/stories/{sid}").content == body
        status = wait_ready(c)
        assert status["writes"] == 1
        assert ("article", "warm-0001") in cache and ("story", changed) in cache
        warmed = {u: c.get(u).content for u in ("/articles/warm-0001", f"/stories/{changed}", "/api/stories")}
    with TestClient(create_app(store_copy, warm=False)) as cold:
        for url, body in warmed.items():
            assert cold.get(url).content == body, url


def test_a_small_cache_warms_the_newest_stories_and_stops(module_store: Settings, corpus) -> None:
    with TestClient(create_app(module_store, warm=True, cache_mb=0.25)) as c:
        deadline = time.monotonic() + 60
        while (status := c.get("/api/status").json())["warm"]["state"] == "warming":
            assert time.monotonic() < deadline
            time.sleep(0.2)
        cache = c.app.state.cache
        assert cache.bytes <= 0.25 * 2**20
        assert status["warm"]["state"] == "full"  # 256 kB cannot hold the corpus's 0.5 MB of answers
        newest = c.get("/api/stories").json()["stories"][0]["id"]
        assert ("story", newest) in cache
        # Whatever was not prepared is still answered on demand.
        for story in corpus.stories:
            assert c.get(f"/stories/{story['id']}").status_code == 200


@pytest.mark.parametrize("path", ["/api/stories/s-nope", "/stories/s-nope", "/api/articles/nope"])
def test_not_found_answers_are_dropped_by_a_write(store_copy: Settings, path: str) -> None:
    with TestClient(create_app(store_copy, token=TOKEN, warm=False)) as c:
        assert c.get(path).status_code == 404
        assert any(a.status == 404 for a in c.app.state.cache.items.values())
        c.post("/api/articles", json={"articles": [{"title": "x", "text": "too short", "source": "X"}]}, headers=AUTH)
        assert all(a.status != 404 for a in c.app.state.cache.items.values())
