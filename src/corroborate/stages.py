"""The map stages of ingestion: extract, clean, detect language, fingerprint."""

from __future__ import annotations

import hashlib

from .clean import NO_LANGUAGE, clean_text, detect_language
from .dates import parse_published
from .ingest.extract import ExtractionTimeout, NoArticle, extract_page, fragment_to_text, host_of
from .model import Article, Item, Reject
from .pipeline import Stage
from .settings import Settings

READER_FIELDS = (
    "raw",
    "content_type",
    "origin",
    "text",
    "url",
    "source",
    "title",
    "published",
    "meta",
    "given_id",
    "fallback_source",
)


class ExtractStage(Stage):
    """HTML to text with title, date and site name; plain text passes through."""

    name = "extract"
    reads = ("content_type", "text", "url")
    writes = ("text", "title", "published", "source", "url")

    def __init__(self, settings: Settings) -> None:
        self.timeout_s = settings.html_timeout_s

    def process_batch(self, articles: list[Article]) -> list[Item]:
        out: list[Item] = []
        for article in articles:
            try:
                self._extract(article)
            except (NoArticle, ExtractionTimeout) as exc:
                out.append(Reject(article.origin, str(exc), raw=article.raw[:2000]))
                continue
            except Exception as exc:  # noqa: BLE001 - one broken page must not stop the run
                out.append(
                    Reject(
                        article.origin, f"HTML extraction failed: {type(exc).__name__}: {exc}", raw=article.raw[:2000]
                    )
                )
                continue
            out.append(article)
        return out

    def _extract(self, article: Article) -> None:
        if article.content_type == "text/html":
            page = extract_page(article.text, article.url, self.timeout_s)
            article.text = page.text
            article.title = article.title or page.title
            article.published = article.published or page.published
            article.url = article.url or page.url
            if page.sitename:
                article.meta["sitename"] = page.sitename
            if page.author:
                article.meta.setdefault("author", page.author)
        elif article.content_type == "text/html-fragment":
            article.text = fragment_to_text(article.text)
        article.content_type = "text/plain"
        # The outlet: the record, the URL's host, the HTML site name, else the parent folder.
        article.source = (
            article.source
            or host_of(article.url)
            or article.meta.get("sitename")
            or article.fallback_source
            or "unknown"
        ).strip()


class CleanStage(Stage):
    """Boilerplate lines out, each kept with its reason; the headline found for plain text."""

    name = "clean"
    reads = ("text", "title")
    writes = ("text", "title", "removed", "content_hash")

    def __init__(self, settings: Settings) -> None:
        self.min_text_chars = settings.min_text_chars

    def process_batch(self, articles: list[Article]) -> list[Item]:
        out: list[Item] = []
        for article in articles:
            # The fingerprint is taken before cleaning, so a change in the cleaning rules is not a new revision.
            article.content_hash = content_hash(article.title, article.text)
            result = clean_text(article.text, article.title)
            article.text = result.text
            article.title = result.title
            article.removed = result.removed
            if result.title_flags:
                article.meta["title_flags"] = result.title_flags
            if article.published is None and result.published_from_text:
                article.published = parse_published(result.published_from_text)
            if len(article.text) < self.min_text_chars:
                out.append(
                    Reject(
                        article.origin,
                        f"no article text after cleaning ({len(article.text)} characters "
                        f"left, {len(result.removed)} lines removed as boilerplate)",
                        raw=article.raw[:2000],
                    )
                )
                continue
            out.append(article)
        return out


class LanguageStage(Stage):
    name = "language"
    reads = ("text",)
    writes = ("language",)

    def process_batch(self, articles: list[Article]) -> list[Item]:
        out: list[Item] = []
        for article in articles:
            article.language = detect_language(article.text)
            if article.language == NO_LANGUAGE:
                out.append(
                    Reject(
                        article.origin,
                        "no prose: the text reads as no human language (py3langid: 'zxx'), as encoded or binary "
                        "data does",
                        raw=article.raw[:2000],
                    )
                )
                continue
            out.append(article)
        return out


class FeaturesStage(Stage):
    """What copy detection and story clustering compare: MinHash signature, terms, entities, embedding."""

    name = "features"
    reads = ("text", "title", "language")
    writes = ("annotations",)

    def __init__(self, settings: Settings) -> None:
        self.embedder_name = settings.embedder
        self.mode = settings.story_features
        self.embedder = None
        self.nlp = None

    def setup(self) -> None:
        from .embed import get_embedder
        from .nlp import load_spacy

        self.embedder = get_embedder(self.embedder_name)
        self.nlp = load_spacy(("parser",)) if self.mode == "spacy" else None

    def process_batch(self, articles: list[Article]) -> list[Item]:
        from .dedup.minhash import signature
        from .stories.features import compute_features

        if self.embedder is None:
            self.setup()
        features = compute_features([(a.title, a.text, a.language) for a in articles], self.embedder, self.nlp)
        for article, feats in zip(articles, features):
            article.annotations["story_features"] = feats
            article.annotations["minhash"] = signature(article.text)
            article.annotations["embedder"] = self.embedder_name
        return list(articles)


def content_hash(title: str | None, text: str) -> str:
    normalized = " ".join(((title or "") + "\n" + text).split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def ingest_stages(settings: Settings, features: bool = True) -> list[Stage]:
    """The map stages; ``features`` adds what analysis compares (a bare ingest leaves it for the next run)."""
    stages: list[Stage] = [ExtractStage(settings), CleanStage(settings), LanguageStage()]
    return stages + [FeaturesStage(settings)] if features else stages
