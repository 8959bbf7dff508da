"""Who said what inside one text: direct quotes, reported speech and "according to", from a spaCy parse.

A statement is found from its cue: a speech or cognition verb (said, told, warned, denied, insisted,
expressed concern…) or "according to". The cue's subject is the speaker mention; its clausal complement
(or, for "X said" placed after the content, the clause it governs) is the content. Quotation marks decide
the kind: content wholly inside quotes is direct, partly quoted is mixed, otherwise indirect. Quotes that
no cue governs ("“…,” he said" is governed; a quoted paragraph after an attributed one is not) become
direct statements of the nearest attributed speaker before them, or unattributed.
Offsets are character offsets into the text that was parsed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

# Cue lemmas and the stance they express.
STANCE_OF = {
    "deny": "deny",
    "reject": "deny",
    "dismiss": "deny",
    "refute": "deny",
    "dispute": "deny",
    "contest": "deny",
    "accuse": "accuse",
    "blame": "accuse",
    "allege": "accuse",
    "charge": "accuse",
    "condemn": "accuse",
    "criticize": "accuse",
    "criticise": "accuse",
    "warn": "warn",
    "caution": "warn",
    "threaten": "warn",
    "alert": "warn",
    "urge": "appeal",
    "call": "appeal",
    "appeal": "appeal",
    "demand": "appeal",
    "ask": "appeal",
    "plead": "appeal",
    "request": "appeal",
    "fear": "concern",
    "worry": "concern",
    "concern": "concern",
}
ASSERT_CUES = {
    "say",
    "tell",
    "claim",
    "insist",
    "state",
    "add",
    "announce",
    "argue",
    "note",
    "explain",
    "report",
    "assert",
    "acknowledge",
    "admit",
    "confirm",
    "reply",
    "respond",
    "stress",
    "emphasize",
    "emphasise",
    "declare",
    "maintain",
    "contend",
    "conclude",
    "write",
    "tweet",
    "post",
    "reveal",
    "suggest",
    "predict",
    "estimate",
    "vow",
    "promise",
    "pledge",
    "concede",
    "complain",
    "observe",
    "indicate",
    "point",
    "describe",
    "believe",
    "think",
    "recall",
    "testify",
    "inform",
    "assure",
    "remark",
    "comment",
    # Attribution beyond speech, as PolNeAR annotates it: findings, beliefs, intentions, knowledge.
    "show",
    "cite",
    "agree",
    "want",
    "plan",
    "know",
    "find",
    "learn",
    "question",
    "mention",
    "discuss",
    "hope",
    "expect",
    "intend",
    "feel",
    "recommend",
    "rule",
    "decide",
    "tweete",
    "email",
    "answer",
}
CUE_LEMMAS = ASSERT_CUES | set(STANCE_OF)
# Learned cues used: those that are a gold cue in at least half their PolNeAR-train uses (0.4, 0.5, 0.6 and 0.7
# were compared on dev: 0.5 gave the best content-overlap F1; see bench/README.md).
LEARNED_MIN_PRECISION = 0.5


@lru_cache(maxsize=1)
def learned_cues() -> frozenset[str]:
    """Verb lemmas that PolNeAR's train split uses as attribution cues often enough (bench/learn_cues.py)."""
    data = json.loads(resources.files(__package__).joinpath("cues.json").read_text(encoding="utf-8"))
    return frozenset(lemma for lemma, precision in data["cues"].items() if precision >= LEARNED_MIN_PRECISION) - {
        "accord"
    }


# "expressed concern / alarm", "voiced concern", "raised fears": the noun carries the stance.
CONCERN_NOUNS = {"concern", "alarm", "worry", "fear", "anxiety", "unease", "regret"}
EXPRESS_VERBS = {"express", "voice", "raise", "sound", "share"}
CONTENT_DEPS = {"ccomp", "xcomp", "advcl"}
# "the claim that …", "Trump's warning that …", "allegations by X that …": the noun is the cue.
NOUN_CUES = {
    "claim",
    "allegation",
    "charge",
    "assertion",
    "statement",
    "warning",
    "suggestion",
    "belief",
    "promise",
    "denial",
    "accusation",
    "argument",
    "insistence",
    "contention",
    "report",
    "reports",
    "fear",
    "hope",
    "pledge",
    "vow",
    "prediction",
    "announcement",
    "admission",
    "complaint",
    "assurance",
    "notion",
}
NOUN_STANCE = {
    "denial": "deny",
    "accusation": "accuse",
    "allegation": "accuse",
    "charge": "accuse",
    "warning": "warn",
    "fear": "concern",
}
SPEAKER_DEPS = {"nsubj", "nsubjpass"}
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“"}
_OPENERS = '“«"„'


@dataclass(slots=True)
class Statement:
    start: int  # content span (first to last character of all its pieces)
    end: int
    text: str
    cue: str
    cue_start: int
    cue_end: int
    kind: str  # direct | indirect | mixed
    stance: str  # assert | deny | accuse | warn | appeal | concern | other
    speaker: str | None = None  # the mention as written, None when the text names no one
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_heads: list[int] = field(default_factory=list)  # offsets of the mention's head and its appositions
    group: list[tuple[str, int, int]] = field(default_factory=list)  # conjoined speakers ("A and B deny")
    content_spans: list[tuple[int, int]] = field(default_factory=list)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, marks included; a quote may run on over paragraph breaks."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch in _OPENERS and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            close = QUOTE_PAIRS[ch]
            j = text.find(close, i + 1)
            # A paragraph that ends without closing its quote, and the next one reopening it: one long quote.
            para_end = text.find("\n", i + 1)
            while j != -1 and para_end != -1 and para_end < j:
                after = text[para_end:].lstrip()
                if not after.startswith(ch):
                    j = -1
                    break
                para_end = text.find("\n", para_end + 1 + (len(text[para_end:]) - len(after)))
            if j == -1:
                i += 1
                continue
            spans.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and the punctuation that only joins content to its cue."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _span(tokens) -> tuple[int, int]:
    tokens = list(tokens)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _speaker_tokens(subject):
    """The speaker mention: the subject with its compounds, titles and appositions, not relative clauses."""
    drop: set[int] = set()
    for child in subject.children:
        if child.dep_ in ("relcl", "acl"):
            drop |= {t.i for t in child.subtree}
    tokens = [t for t in subject.subtree if t.i not in drop]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens or [subject]


def _conjuncts(subject) -> list:
    return [subject, *[t for t in subject.conjuncts if t.i > subject.i]]


def _stance(cue, doc) -> str:
    lemma = cue.lemma_.lower()
    if lemma in EXPRESS_VERBS:
        return "concern"
    if any(child.dep_ == "neg" for child in cue.children):
        return "other"
    if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ == "for" for c in cue.children):
        return "assert"
    return STANCE_OF.get(lemma, "assert")


def _content_head(cue):
    """The clause a cue introduces: its complement, or the clause it is attached to when it follows."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    if lemma in EXPRESS_VERBS:  # "expressed concern about …"
        for child in children:
            if child.dep_ == "dobj" and child.lemma_.lower() in CONCERN_NOUNS:
                return child, "object"
        return None, None
    if lemma in ("call", "urge", "appeal"):  # "called for …", "urged Moscow to …"
        for child in children:
            if child.dep_ == "prep" and child.lower_ == "for" and child.i > cue.i:
                return child, "object"
    for child in children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and child.i > cue.i):
            return child, "child"
    if lemma in STANCE_OF and lemma not in ("ask",):
        for child in children:  # "denied allegations that …", "warned of …"
            if child.dep_ in ("dobj", "prep") and child.i > cue.i:
                return child, "object"
    if cue.dep_ in ("parataxis", "ccomp") and cue.head.i < cue.i:  # "The war spreads, he said."
        return cue.head, "governor"
    if lemma in learned_cues() and lemma not in CUE_LEMMAS:  # "endorsed the plan", "criticized the deal"
        for child in children:
            if child.dep_ in ("dobj", "prep") and child.i > cue.i:
                return child, "object"
    for child in children:
        if child.dep_ == "advcl" and child.i > cue.i and child.lemma_.lower() not in CUE_LEMMAS:
            return child, "child"
    return None, None


def extract_statements(text: str, nlp=None, doc=None) -> list[Statement]:
    """Statements in ``text`` (parsed with ``nlp`` unless a ``doc`` of it is given)."""
    if doc is None:
        if nlp is None:
            from ..nlp import load_spacy

            nlp = load_spacy()
        doc = nlp(text)
    quotes = quote_spans(text)
    statements: list[Statement] = []
    claimed: list[tuple[int, int]] = []
    for token in doc:
        if _inside(quotes, token.idx, token.idx + 1):
            continue  # speech reported inside a quote belongs to the quoted speaker's statement
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and (lemma in CUE_LEMMAS or lemma in EXPRESS_VERBS or lemma in learned_cues()):
            statement = _from_verb(token, text, quotes)
        elif lemma == "accord" and token.lower_ == "according":
            statement = _from_according(token, text, quotes)
        elif token.pos_ == "NOUN" and lemma in NOUN_CUES:
            statement = _from_noun(token, text, quotes)
        else:
            continue
        if statement and not _overlaps(claimed, statement.start, statement.end):
            statements.append(statement)
            claimed.extend(statement.content_spans)
    for statement in _line_attributions(text):
        if not _overlaps(claimed, statement.start, statement.end):
            statements.append(statement)
            claimed.extend(statement.content_spans)
    statements.extend(_unclaimed_quotes(doc, text, quotes, claimed, statements))
    statements.sort(key=lambda s: s.start)
    return statements


def _make(text: str, quotes, content_tokens, cue_tokens, stance: str, speaker_head) -> Statement | None:
    start, end = _trim(text, *_span(content_tokens))
    if end - start < 3:
        return None
    # A quote that the clause only partly covers ("“…,” said X" parses the quote as the clause) is taken whole.
    for qs, qe in quotes:
        if qs < end and start < qe and (qs < start or qe > end) and qe - qs < 2000:
            if not _overlaps([(cue_tokens[0].idx, cue_tokens[-1].idx + 1)], qs, qe):
                start, end = min(start, qs), max(end, qe)
    start, end = _trim(text, start, end)
    inside = _inside(quotes, start, end)
    kind = "direct" if inside else ("mixed" if _overlaps(quotes, start, end) else "indirect")
    cue_start, cue_end = _span(cue_tokens)
    st = Statement(
        start=start,
        end=end,
        text=text[start:end],
        cue=text[cue_start:cue_end],
        cue_start=cue_start,
        cue_end=cue_end,
        kind=kind,
        stance=stance,
        content_spans=[(start, end)],
    )
    if speaker_head is not None:
        s_start, s_end = _span(_speaker_tokens(speaker_head))
        st.speaker, st.speaker_start, st.speaker_end = text[s_start:s_end], s_start, s_end
        st.speaker_heads = [speaker_head.idx] + [c.idx for c in speaker_head.children if c.dep_ == "appos"]
        conj = _conjuncts(speaker_head)
        if len(conj) > 1:  # each member with its compounds: "the port authority and the shipping ministry"
            for t in conj:
                g_start, g_end = _span([c for c in t.lefts if c.dep_ in ("compound", "amod")] + [t])
                st.group.append((text[g_start:g_end], g_start, g_end))
    return st


def _from_verb(cue, text: str, quotes) -> Statement | None:
    head, how = _content_head(cue)
    if head is None:
        return None
    subject = next((c for c in cue.children if c.dep_ in SPEAKER_DEPS), None)
    if subject is None and cue.dep_ in ("advcl", "xcomp", "conj") and cue.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in cue.head.children if c.dep_ in SPEAKER_DEPS), None)  # "…, saying that …"
    if subject is not None and subject.dep_ == "nsubjpass":
        subject = None  # "it was reported that": no speaker
    if subject is not None and subject.lower_ == "there":
        subject = None
    if how == "governor":
        tokens = [t for t in head.subtree if t.i < cue.i and t not in list(cue.subtree)] or [head]
    elif how == "object":
        tokens = list(head.subtree)
    else:
        tokens = list(head.subtree)  # "that …" stays: the complementiser is part of what was said
    if not tokens:
        return None
    cue_tokens = [cue] + [c for c in cue.children if c.dep_ in ("aux", "neg", "prt") and c.i > cue.i - 3]
    cue_tokens.sort(key=lambda t: t.i)
    return _make(text, quotes, tokens, cue_tokens, _stance(cue, None), subject)


def _from_noun(cue, text: str, quotes) -> Statement | None:
    clause = next(
        (
            c
            for c in cue.children
            if c.dep_ in ("acl", "ccomp", "relcl") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    speaker = next((c for c in cue.children if c.dep_ == "poss"), None)
    if speaker is None:
        by = next((c for c in cue.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
        speaker = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    if speaker is not None and speaker.tag_ == "PRP$":
        speaker = None if speaker.lower_ in ("its",) else speaker
    return _make(text, quotes, list(clause.subtree), [cue], NOUN_STANCE.get(cue.lemma_.lower(), "assert"), speaker)


def _from_according(token, text: str, quotes) -> Statement | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    clause = token.head
    if source is None or clause is None:
        return None
    skip = set(t.i for t in token.subtree)
    tokens = [t for t in clause.subtree if t.i not in skip and not (t.is_punct and t.i == min(skip) - 1)]
    if not tokens:
        return None
    return _make(text, quotes, tokens, [token, to], "assert", source)


_COLON_LINE = re.compile(r"^[\"“]?(?P<source>[A-Z][^:\n\"“”]{1,60}?):\s+(?P<content>[^\n]{8,})$", re.M)
_DASH_LINE = re.compile(r"^(?P<content>[^\n]{8,}?)\s*[―—]\s*(?P<source>[A-Z][^\n―—]{1,60})$", re.M)


def _line_attributions(text: str) -> list[Statement]:
    """Headline, transcript and caption forms: 'Poll: Clinton leads …', '"PENCE: Well, …"', '“…” ― Name'."""
    out = []
    matches = [(m, ":") for m in _COLON_LINE.finditer(text)] + [(m, "―") for m in _DASH_LINE.finditer(text)]
    for match, cue in matches:
        inner = _COLON_LINE.match(text, match.start("content"), match.end("content")) if cue == ":" else None
        if inner is not None:  # 'Partial transcript: "WALLACE: …"' -> WALLACE says it
            match = inner
        source = match.group("source").strip()
        if len(source.split()) > 6 or re.fullmatch(r"[\d\s.:apm]+", source.lower()):
            continue
        start, end = _trim(text, match.start("content"), match.end("content"))
        if end - start < 8:
            continue
        s_start = match.start("source")
        cue_at = text.find(cue, match.start(), match.end())
        kind = "direct" if text[start] in _OPENERS else "indirect"
        out.append(
            Statement(
                start=start,
                end=end,
                text=text[start:end],
                cue=cue,
                cue_start=cue_at,
                cue_end=cue_at + 1,
                kind=kind,
                stance="assert",
                speaker=source,
                speaker_start=s_start,
                speaker_end=s_start + len(source),
                speaker_heads=[s_start + len(source) - 1],
                content_spans=[(start, end)],
            )
        )
    return out


def _unclaimed_quotes(doc, text: str, quotes, claimed, statements: list[Statement]) -> list[Statement]:
    """Quoted passages no cue governs: they continue the statement just before them, if there is one."""
    out: list[Statement] = []
    for qs, qe in quotes:
        if _overlaps(claimed, qs, qe):
            continue
        inner = text[qs + 1 : qe - 1]
        if len(re.findall(r"\w+", inner)) < 4:  # scare quotes and titles, not statements
            continue
        start, end = _trim(text, qs, qe)
        previous = [s for s in statements + out if s.end <= qs]
        last = max(previous, key=lambda s: s.end) if previous else None
        near = last is not None and qs - last.end < 400 and "\n\n\n" not in text[last.end : qs]
        st = Statement(
            start=start,
            end=end,
            text=text[start:end],
            cue="",
            cue_start=qs,
            cue_end=qs,
            kind="direct",
            stance="assert",
            content_spans=[(start, end)],
        )
        if not (near and last.speaker is not None):
            continue  # a quote no one is said to have said: a title or scare quotes more often than speech
        st.speaker, st.speaker_start, st.speaker_end = last.speaker, last.speaker_start, last.speaker_end
        st.speaker_heads = list(last.speaker_heads)
        st.cue = "(continues)"
        out.append(st)
    return out
