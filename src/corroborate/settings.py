"""One settings object: dataclass defaults, overridden by a TOML file, overridden by CLI flags."""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_CONFIG_NAME = "corroborate.toml"


@dataclass(slots=True)
class Settings:
    db: str = "corroborate.duckdb"
    batch_size: int = 64
    workers: int = 0  # processes for the map stages; 0 = one per core (at most 4), 1 = this process only
    parallel_min_files: int = 200  # with workers = 0, fewer input files than this run in this process
    # Inputs
    max_document_bytes: int = 20_000_000  # one txt/html document, or one JSONL/WARC/feed record
    max_file_bytes: int = 2_000_000_000  # a whole container file (JSONL, WARC, feed)
    html_timeout_s: float = 15.0  # trafilatura per document
    min_text_chars: int = 80  # an article with less cleaned text than this is rejected
    # Cleaning
    repeated_line_min_articles: int = 3  # a line in this many articles of one outlet is boilerplate
    repeated_line_max_words: int = 40
    # Stories
    # the stories' embedder: "static" (model2vec, no torch) or "transformer" (the [transformer] extra); the
    # cross-check aligns claims with the static model whichever is set (bench/README.md, Cross-check)
    embedder: str = "static"
    story_features: str = "fast"  # "fast" (stems, names by shape) or "spacy" (lemmas, typed entities)
    clustering: dict[str, Any] = field(default_factory=dict)  # overrides of stories.cluster.ClusterParams

    def as_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def load_settings(config: str | Path | None = None, **overrides: Any) -> Settings:
    """Defaults < TOML file (``config`` or ./corroborate.toml if present) < explicit overrides.

    Overrides whose value is None are ignored, so CLI flags that were not given do not win.
    """
    settings = Settings()
    path = Path(config) if config else Path(DEFAULT_CONFIG_NAME)
    if config and not path.exists():
        raise FileNotFoundError(f"config file not found: {path}")
    if path.exists():
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        data = data.get("corroborate", data)
        _apply(settings, data, source=str(path))
    _apply(settings, {k: v for k, v in overrides.items() if v is not None}, source="flags")
    return settings


def _apply(settings: Settings, values: dict[str, Any], source: str) -> None:
    known = {f.name: f for f in dataclasses.fields(Settings)}
    for key, value in values.items():
        if key not in known:
            raise ValueError(f"{source}: unknown setting {key!r} (known: {', '.join(sorted(known))})")
        current = getattr(settings, key)
        if isinstance(current, bool) or current is None or isinstance(current, dict):
            setattr(settings, key, value)
        else:
            try:
                setattr(settings, key, type(current)(value))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{source}: setting {key!r} must be {type(current).__name__}: {exc}") from exc
