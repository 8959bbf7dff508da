"""The web app in a real browser: Debian's Chromium driven by Playwright against ``corroborate serve``.

The server runs as its own process (the CLI, on a free localhost port) over the example corpus plus one
hostile article. Screenshots go to tests/web/screenshots/ (not committed). Skipped only when
/usr/bin/chromium is absent (``apt-get install chromium``; .ci/run installs it). Playwright's own
browser downloads are not used.
"""

from __future__ import annotations

import http.client
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium); browser tests not run", allow_module_level=True)

from playwright.sync_api import Browser, Page, expect, sync_playwright  # noqa: E402

from corroborate import service  # noqa: E402
from corroborate.settings import Settings  # noqa: E402

SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(module_store: Settings, tmp_path_factory):
    """``corroborate serve`` in a subprocess; yields its base URL."""
    port = free_port()
    log = tmp_path_factory.mktemp("server") / "server.log"
    env = dict(os.environ)
    env.pop("CORROBORATE_TOKEN", None)
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "corroborate", "serve", "--db", module_store.db, "--host", "127.0.0.1"]
            + ["--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"corroborate serve exited with {proc.returncode}:\n{log.read_text(errors='replace')}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                conn.request("GET", "/api/stories")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"corroborate serve did not answer in 60 s:\n{log.read_text(errors='replace')}")
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="module")
def browser():
    SCREENSHOTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


def new_page(browser: Browser, bypass_csp: bool = False) -> tuple[Page, list[str]]:
    """A page in a fresh context; returns it with the list that collects any dialog (alert/confirm) shown."""
    context = browser.new_context(bypass_csp=bypass_csp, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []

    def on_dialog(dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return page, dialogs


def shot(page: Page, name: str) -> None:
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def test_list_story_article_entity(browser, server, corpus) -> None:
    page, dialogs = new_page(browser)
    dam = corpus.dam_story
    brief = service.get_brief(Settings(db=str(corpus.db)), dam["id"])

    page.goto(server + "/")
    expect(page.locator("li.story")).to_have_count(len(corpus.stories))
    expect(page.locator("li.story a.story-link").first).to_have_text(corpus.stories[0]["title"])
    shot(page, "01-index")

    page.locator(f"a.story-link[href='/stories/{dam['id']}']").click()
    page.wait_for_url(f"{server}/stories/{dam['id']}")
    expect(page.locator("h1")).to_have_text(dam["title"])
    summary = page.locator("#summary")
    expect(summary).to_contain_text(brief["summary"][0]["text"])
    assert summary.locator("a[href]").count() >= 1, "summary sentences cite no source"
    expect(page.locator("#contested")).to_contain_text("at least 14")
    expect(page.locator("#contested")).to_contain_text("12")
    expect(page.locator("#sources li a")).to_have_count(len(dam["article_ids"]))
    shot(page, "02-story-dam")

    wire = next(a for a in corpus.articles if a["id"] == corpus.dam_article_id)
    page.locator(f"#sources li a[href='/articles/{wire['id']}']").click()
    page.wait_for_url(f"{server}/articles/{wire['id']}")
    expect(page.locator("h1")).to_have_text(wire["title"])
    assert page.locator("article#text mark.statement").count() >= 1
    expect(page.locator("article#text")).to_contain_text("Our first duty is to reach every family")
    shot(page, "03-article-wire")

    page.go_back()
    speaker = page.locator("#who h3 a.entity-link").first
    name = speaker.inner_text().strip()
    speaker.click()
    page.wait_for_url(f"{server}/entities/**")
    expect(page.locator("h1")).to_have_text(name)
    assert page.locator("ul#statements li").count() >= 1
    shot(page, "04-entity")

    page.goto(server + "/search?q=Marsk")
    expect(page.locator("ul#entity-results li a", has_text="Helena Marsk")).to_have_count(1)
    assert page.locator("ul#article-results li a").count() >= 1
    shot(page, "05-search")

    page.goto(server + "/")
    page.locator("form#filters input[name=outlet]").fill("Tramline Gazette")
    page.locator("form#filters input[name=outlet]").press("Enter")
    page.wait_for_url("**/?*outlet=Tramline*")
    expect(page.locator("li.story a.story-link")).to_have_count(1)
    expect(page.locator("li.story a.story-link")).to_have_attribute("href", f"/stories/{corpus.hostile_story['id']}")
    shot(page, "06-index-filtered")
    assert dialogs == []


def assert_inert(page: Page, dialogs: list[str]) -> None:
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert dialogs == []
    assert page.locator("script", has_text="__pwned").count() == 0
    assert page.locator("[onerror], [onload], [onclick]").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "escaping-alone"])
def test_hostile_article_is_inert_and_shown_literally(browser, server, corpus, bypass_csp) -> None:
    """The payloads must not run; with the page's CSP switched off, escaping alone must stop them."""
    page, dialogs = new_page(browser, bypass_csp=bypass_csp)
    suffix = "-nocsp" if bypass_csp else ""

    page.goto(f"{server}/articles/{corpus.hostile_id}")
    assert_inert(page, dialogs)
    expect(page.locator("h1")).to_have_text(corpus.hostile["title"])
    text = page.locator("article#text").inner_text()
    for payload in corpus.payloads:
        assert payload in text
    shot(page, f"10-hostile-article{suffix}")

    story = corpus.hostile_story
    page.goto(f"{server}/stories/{story['id']}")
    assert_inert(page, dialogs)
    assert corpus.payloads[0] in page.locator("body").inner_text()
    shot(page, f"11-hostile-story{suffix}")

    oberholt = next(e for e in story["entities"] if e["name"] == "Nadia Oberholt")
    page.goto(f"{server}/entities/{oberholt['id']}")
    assert_inert(page, dialogs)
    expect(page.locator("ul#statements")).to_contain_text(corpus.payloads[1])

    # The corpus's own TessCard page quotes <script>alert(1)</script> and links to javascript:alert(...).
    for article_id in story["article_ids"]:
        page.goto(f"{server}/articles/{article_id}")
        assert_inert(page, dialogs)
    page.goto(f"{server}/search?q=receipt")
    assert_inert(page, dialogs)


TRAVERSALS = [
    "/static/../../pyproject.toml",
    "/static/../../../../../../etc/passwd",
    "/static/..%2F..%2Fpyproject.toml",
    "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/%2Fetc%2Fpasswd",
    "/articles/..%2F..%2Fetc%2Fpasswd",
    "/articles/../../etc/passwd",
    "/api/articles/..%2F..%2Fetc%2Fpasswd",
    "/../../etc/passwd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_on_the_wire(server, path) -> None:
    """Request lines sent as written (no client-side normalisation) to the real server."""
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    conn.putrequest("GET", path, skip_accept_encoding=True)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    assert response.status in (400, 404), (response.status, body[:200])
    assert b"root:x:0:0" not in body and b"[build-system]" not in body
