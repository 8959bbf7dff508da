"""Language of an article, from its cleaned text (py3langid: small, fast, offline)."""

from __future__ import annotations

from functools import lru_cache

MIN_CHARS = 40
NO_LANGUAGE = "zxx"  # the identifier's class for text of no language (base64, dumps): none of 3,382 real articles
SAMPLE_CHARS = 1000


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code, or None when the text is too short or too uncertain to say."""
    sample = text[:SAMPLE_CHARS]
    if sum(map(str.isalpha, sample)) < MIN_CHARS:
        return None
    code, probability = _identifier().classify(sample)
    return code if probability >= 0.5 else None
