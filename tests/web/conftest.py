"""Fixtures for the web app tests (``corroborate serve``).

One store is built per test session from the example corpus plus one hostile article (script, image
and link payloads in its text, a bare ``<script>`` in its title); tests that write get their own copy.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from corroborate import service
from corroborate.settings import Settings

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples" / "corpus"

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2">'
PAYLOAD_LINK = "[x](javascript:window.__pwned=3)"
HOSTILE_ID = "web-hostile-0001"
HOSTILE = {
    "id": HOSTILE_ID,
    "url": "https://tramline-gazette.example/2024/10/18/tesscard-portal-reopens",
    "source": "Tramline Gazette",
    "title": "TessCard portal reopens after <script> injection fix",
    "published": "2024-10-18T09:00:00Z",
    "text": "\n\n".join(
        [
            "Brennick City Transit reopened the TessCard top-up portal on Friday, three days after two students "
            "at Brennick Technical University showed that it ran code typed into the cardholder name field.",
            f"The students said a name such as {PAYLOAD_SCRIPT} had been copied into every receipt page "
            "unchanged, so the browser of anyone who opened the receipt ran it.",
            f"“Anyone could have typed {PAYLOAD_IMG} into the name field and it would have fired on every "
            "receipt,” Nadia Oberholt said on Friday.",
            f"A third test name, {PAYLOAD_LINK}, became a live link on the account history page, Emil Faske said.",
            "Spokesperson Rune Castell said the portal now escapes every field before it is displayed and that no "
            "customer data had been accessed.",
        ]
    ),
}
# The wire report that opens the Vellan Dam story (examples/corpus/wire.jsonl); its story has contradictions.
DAM_ARTICLE_ID = "cpa-2024-0305-001"


@dataclass
class Corpus:
    """What the pristine store holds, read through the service layer (not through the app under test)."""

    db: Path
    stories: list[dict]
    articles: list[dict]
    hostile_id: str = HOSTILE_ID
    hostile: dict = field(default_factory=lambda: dict(HOSTILE))
    payloads: tuple[str, ...] = (PAYLOAD_SCRIPT, PAYLOAD_IMG, PAYLOAD_LINK)

    def story_of(self, article_id: str) -> dict:
        (story,) = [s for s in self.stories if article_id in s["article_ids"]]
        return story

    @property
    def dam_story(self) -> dict:
        return self.story_of(DAM_ARTICLE_ID)

    @property
    def dam_article_id(self) -> str:
        return DAM_ARTICLE_ID

    @property
    def hostile_story(self) -> dict:
        return self.story_of(HOSTILE_ID)


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> Corpus:
    """The example corpus plus the hostile article, ingested and analysed once (about 10 s)."""
    root = tmp_path_factory.mktemp("web-corpus")
    extra = root / "extra"
    extra.mkdir()
    (extra / "hostile.jsonl").write_text(json.dumps(HOSTILE, ensure_ascii=False) + "\n", encoding="utf-8")
    settings = Settings(db=str(root / "pristine.duckdb"), workers=1)
    result = service.run([str(EXAMPLES), str(extra)], settings)
    assert result.ingest.rejects == [], result.ingest.rejects
    stories = service.list_stories(settings)
    articles = service.list_articles(settings)
    assert any(HOSTILE_ID in s["article_ids"] for s in stories)
    assert any(DAM_ARTICLE_ID in s["article_ids"] and s["contradictions"] for s in stories)
    return Corpus(Path(settings.db), stories, articles)


def copy_store(corpus: Corpus, dest: Path) -> Settings:
    """A private copy of the pristine store (for tests that write, or that need their own file)."""
    dest.mkdir(parents=True, exist_ok=True)
    db = dest / "store.duckdb"
    shutil.copyfile(corpus.db, db)
    return Settings(db=str(db), workers=1)


@pytest.fixture
def store_copy(corpus: Corpus, tmp_path: Path) -> Settings:
    return copy_store(corpus, tmp_path / "store")


@pytest.fixture(scope="module")
def module_store(corpus: Corpus, tmp_path_factory) -> Settings:
    return copy_store(corpus, tmp_path_factory.mktemp("module-store"))
