"""Who said what inside one text: direct quotes, reported speech and "according to", from a spaCy parse.

A statement is found from its cue: a speech or cognition verb (said, told, warned, denied, insisted,
expressed concern…) or "according to". The cue's subject is the speaker mention; its clausal complement
(or, for "X said" placed after the content, the clause it governs) is the content. Quotation marks decide
the kind: content wholly inside quotes is direct, partly quoted is mixed, otherwise indirect. Quotes that
no cue governs ("“…,” he said" is governed; a quoted paragraph after an attributed one is not) become
direct statements of the nearest attributed speaker before them, or unattributed. A cue whose clause ends in a
colon introduces what follows it ("Dr. Ward stated: “…”"); a cue the parse left without a subject takes the
noun phrase it is inverted with ('“…,” added Murphy'), the subject of the verb a "by saying" hangs on, or a
passive's agent. Candidates are accepted best-scored first, so one content goes to its likeliest cue.
Offsets are character offsets into the text that was parsed.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..dates import WEEKDAYS

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
# cues of doubt, where the learned cue model finds them: "He questioned the legality of Biden's decision" asserts no
# "legality of ..." (not cues of their own, unlike STANCE_OF's: "The warship challenged them" reports no words)
DOUBT_CUES = {"question", "challenge"}
# Learned cue lexicon and attribution model (bench/learn_cues.py, PolNeAR train only): every verb lemma used as
# an attribution cue at least a few times, with the share of its uses that are cues, and a logistic model over
# features of each candidate (lemma, that share, how the content and speaker attach, quotes, tense, nesting)
# that decides which candidates are statements.


@lru_cache(maxsize=1)
def _learned() -> dict:
    return json.loads(resources.files(__package__).joinpath("cues.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[str, float]:
    """Verb lemma -> share of its clause- or object-governing PolNeAR-train uses that are gold cues."""
    return {lemma: float(p) for lemma, p in _learned()["cues"].items() if lemma != "accord"}


def learned_cues() -> frozenset[str]:
    """The learned lemmas that are cues in at least half their uses."""
    return frozenset(lemma for lemma, p in cue_lexicon().items() if p >= 0.5)


@dataclass(frozen=True)
class AttributionModel:
    """Logistic regression over sparse features: P(candidate is a gold attribution) = sigmoid(bias + w . x)."""

    bias: float
    weights: dict[str, float]
    threshold: float

    def score(self, features: dict[str, float]) -> float:
        z = self.bias + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


@lru_cache(maxsize=1)
def attribution_model() -> AttributionModel:
    """The shipped model; without one, the hand rule: listed cues, and learned ones used as cues half the time."""
    data = _learned().get("model")
    if data:
        return AttributionModel(float(data["bias"]), dict(data["weights"]), float(data["threshold"]))
    return AttributionModel(-10.0, {"listed": 20.0, "lex_p": 0.0, "lex_half": 20.0}, 0.5)


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
QUOTE_PAIRS = {"“": "”", "«": "»", '"': '"', "„": "“", "''": "''"}
_OPENERS = '“«"„'
# A straight mark after a word or a sentence's punctuation closes a quote ('pandemic,"'), it never opens one.
_BEFORE_A_CLOSE = frozenset(".,!?;…")
_STRAIGHT_CLOSE = re.compile(r'(?<=[^\s“])"(?!\w)')


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
    # who the speaker is when the mention does not say: a relative pronoun's noun ("progressives, who say"), or
    # whose "his office" is ("Nikol Pashinyan’s office", set when speakers are resolved)
    antecedent: str | None = None
    content_spans: list[tuple[int, int]] = field(default_factory=list)


def _closes_here(text: str, i: int) -> bool:
    return text[i - 1].isalnum() or text[i - 1] in _BEFORE_A_CLOSE


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, marks included; a quote may run on over paragraph breaks."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    kept = text.rstrip()
    cut_at = len(kept) if kept.endswith(("...", "…")) else None
    while i < n:
        ch = text[i]
        if text.startswith("''", i) and (i == 0 or not text[i - 1].isalnum()):
            ch = "''"  # two apostrophes for a quotation mark, as some newspapers' feeds write it
        if ch in QUOTE_PAIRS and (ch in ("“", "«", "„") or i == 0 or not _closes_here(text, i)):
            close = QUOTE_PAIRS[ch]
            j = text.find(close, i + len(ch))
            # A paragraph that ends without closing its quote, and the next one reopening it: one long quote.
            para_end = text.find("\n", i + 1)
            while j != -1 and para_end != -1 and para_end < j:
                after = text[para_end:].lstrip()
                if not after.startswith(ch):
                    j = -1
                    break
                para_end = text.find("\n", para_end + 1 + (len(text[para_end:]) - len(after)))
            if j == -1 and ch in ("“", '"'):
                # an outlet that mixes its marks closes its quote in the paragraph with the other kind:
                # “... pandemic," Becerra said; 'Dubbed the "Fairness in Women's Sports Act,” Florida’s new law ...'
                para_end = text.find("\n", i + 1)
                limit = n if para_end == -1 else para_end
                if ch == "“":
                    straight = _STRAIGHT_CLOSE.search(text, i + 1, limit)
                    if straight is not None:
                        j, close = straight.start(), '"'
                else:
                    j, close = text.find("”", i + 1, limit), "”"
            if j == -1 and cut_at is not None and "\n" not in text[i:cut_at]:
                spans.append((i, cut_at))  # an excerpt cut inside its last quote, as a feed's summary is
                break
            if j == -1:
                i += 1
                continue
            spans.append((i, j + len(close)))
            i = j + len(close)
        else:
            i += 1
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def writer_speaking(statement: Statement, quotes: list[tuple[int, int]]) -> bool:
    """The statement's speaker is "I", "we" or "you" outside every quotation (``quote_spans``): the article's
    own voice ("We think the sanctions came late.", "If you were watching, you would say ..."), not a person or
    body of the story."""
    if statement.speaker is None or statement.speaker_start is None or statement.speaker_end is None:
        return False
    if statement.speaker.strip().lower() not in ("i", "we", "you"):
        return False
    return not _inside(quotes, statement.speaker_start, statement.speaker_end)


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
    if subject.i < subject.head.i:  # a name the parse hung on the subject across its verb is not the speaker's
        drop |= {t.i for t in subject.subtree if t.i >= subject.head.i}  # ("McCarthy said ..., Reps. Jim Banks")
    tokens = [t for t in subject.subtree if t.i not in drop]
    breaks = [k for k, t in enumerate(tokens) if "\n" in t.text]
    if breaks:  # a heading or timestamp line parsed into the subject ("12:15 p.m.\n\nTrump says"): the line nearest
        segments = [tokens[a + 1 : b] for a, b in zip([-1, *breaks], [*breaks, len(tokens)])]
        segments = [seg for seg in segments if any(not t.is_punct for t in seg)]
        if segments:
            tokens = segments[-1] if subject.head.i > subject.i else segments[0]
    opened = [k for k, t in enumerate(tokens) if t.text == "("]
    if opened and opened[-1] > 0 and not any(t.text == ")" for t in tokens[opened[-1] :]):
        tokens = tokens[: opened[-1]]  # "Pediatrics (AAP" with no ")": the name before it
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space) and not _closes(tokens):
        tokens = tokens[:-1]
    while len(tokens) > 1 and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    return tokens or [subject]


def _closes(tokens) -> bool:
    """Is the last token the ")" of a "(" the mention holds ("the American Academy of Pediatrics (AAP)")?"""
    return tokens[-1].text == ")" and sum(t.text == "(" for t in tokens) > sum(t.text == ")" for t in tokens[:-1])


def _description(token) -> bool:
    """A singular noun without determiner, possessive or number ("reality TV star", "Former Olympian"): a
    description of someone, not a speaker of its own (plurals go bare: "Residents and officials said")."""
    if token.tag_ == "NNP" and token.ent_type_ != "NORP":
        return False
    return token.tag_ in ("NN", "NNP") and not any(c.dep_ in ("det", "poss", "nummod") for c in token.children)


DESCRIBING = {"PUNCT", "CCONJ", "ADJ", "NOUN", "PROPN"}
MAX_DESCRIBING = 12  # tokens of descriptions before the name: a few, not a clause


def _named_after_descriptions(subject, cue):
    """'Former Olympian, reality TV star, and conservative firebrand Caitlyn Jenner has announced': descriptions
    listed before a name are that one person's (the parser makes them the subject, or conjoins them); the speaker
    is the name's head."""
    members = _conjuncts(subject)
    if not all(_description(m) for m in members):
        return subject
    doc = subject.doc
    for ent in doc.ents:
        if ent.label_ != "PERSON" or ent.start <= subject.i or ent.end > cue.i:
            continue
        if all(t.pos_ in DESCRIBING for t in doc[subject.i : ent.start]) and ent.start - subject.i <= MAX_DESCRIBING:
            return ent.root
        break
    return subject


def _conjuncts(subject) -> list:
    return [subject, *[t for t in subject.conjuncts if t.i > subject.i]]


def _stance(cue) -> str:
    lemma = cue.lemma_.lower()
    if lemma in EXPRESS_VERBS:
        return "concern"
    if any(child.dep_ == "neg" for child in cue.children):
        return "other"
    following = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    calls_for = any(c.dep_ == "prep" and c.lower_ == "for" for c in cue.children) or (
        following is not None and following.lower_ == "for"  # "called for the port to reopen": "for" marks the clause
    )
    if lemma == "call" and not calls_for:
        return "assert"
    if lemma in DOUBT_CUES:
        return "other"
    return STANCE_OF.get(lemma, "assert")


def _parenthetical(cue) -> bool:
    """'…, he said' / '… ” said X': the cue's own phrase follows the clause it reports, set off by punctuation."""
    left = cue.left_edge
    before = cue.doc[left.i - 1] if left.i > 0 else None
    return left.is_punct or (before is not None and (before.is_punct or before.is_space))


def _gap(cue, child) -> int:
    """Tokens between the cue and a child's phrase, a clause break (; : or a new paragraph) counting as far."""
    lo, hi = (child.right_edge.i, cue.i) if child.i < cue.i else (cue.i, child.left_edge.i)
    between = cue.doc[lo + 1 : hi]
    breaks = sum(1 for t in between if t.text in (";", ":") or "\n" in t.text)
    return hi - lo + 100 * breaks


# cues whose object is what was added, not what was said ("the economy added 266,000 jobs"); they report
# speech with a clause ("added that ...") or a quote
OBJECT_IS_NOT_SAID = frozenset({"add"})

# subordinators of a clause that says why, when or on what condition, not what was said
CIRCUMSTANCE_MARKS = frozenset("because since after before when while until unless although though if once".split())


def _has_subject(clause) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)


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
    comps = [c for c in children if c.dep_ == "ccomp" or (c.dep_ == "xcomp" and c.i > cue.i)]
    marked = [c for c in comps if any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]
    if marked and all(c.dep_ == "ccomp" and not _has_subject(c) for c in comps if c not in marked):
        comps = marked  # "said live on “Fox & Friends” that the new law ...": "live" is no clause of its own
    if comps:  # the nearest: "It's unlikely; Clinton's team says she'll continue" parses both as complements
        return min(comps, key=lambda c: _gap(cue, c)), "child"
    if lemma in STANCE_OF and lemma not in ("ask",):
        for child in children:  # "denied allegations that …", "warned of …"
            if child.dep_ in ("dobj", "prep") and child.i > cue.i:
                return child, "object"
    if cue.dep_ in ("parataxis", "ccomp") and cue.head.i < cue.i and _parenthetical(cue):
        return cue.head, "governor"  # "The war spreads, he said."
    if cue.dep_ == "parataxis" and _parenthetical(cue) and cue.right_edge.i + 1 < len(cue.doc):
        if cue.doc[cue.right_edge.i].is_punct or cue.doc[cue.right_edge.i + 1].is_punct:
            return cue.head, "governor"  # "Too often, Mr. Clarke said, the debate is infected …"
    if lemma in cue_lexicon() and lemma not in OBJECT_IS_NOT_SAID:  # "endorsed the plan", "criticized the deal"
        for child in children:
            if child.dep_ in ("dobj", "prep") and child.i > cue.i:
                return child, "object"
    for child in children:
        if child.dep_ == "advcl" and child.i > cue.i and child.lemma_.lower() not in CUE_LEMMAS:
            if any(m.dep_ == "mark" and m.lower_ in CIRCUMSTANCE_MARKS for m in child.children):
                continue  # "remains disputed because the region is ...": a reason or a time, not what was said
            return child, "advcl"
    return None, None


@dataclass(slots=True)
class Candidate:
    """A possible statement and what the attribution model judges it by."""

    statement: Statement
    features: dict[str, float]
    cue_index: int | None = None  # the cue token, None for line forms


_PRONOUN_CLASS = {
    "he": "he", "she": "he", "him": "he", "her": "he",
    "they": "they", "them": "they",
    "i": "i", "me": "i", "we": "we", "us": "we", "you": "you",
    "it": "it", "this": "it", "that": "it",
    "who": "rel", "which": "rel", "whom": "rel",
}  # fmt: skip
_MODALS = {"will", "would", "could", "can", "may", "might", "should", "must", "shall"}


def _subject_class(subject) -> str:
    if subject is None:
        return "none"
    low = subject.lower_
    if low in _PRONOUN_CLASS and not subject.text.isupper():  # "US" is the country, not "us"
        return "pron_" + _PRONOUN_CLASS[low]
    if subject.ent_type_:
        return "ent_" + subject.ent_type_
    if subject.pos_ == "PROPN":
        return "propn"
    return "noun"


def _features(origin: str, cue, st: Statement, head, how: str, subject, quotes, lexicon) -> dict[str, float]:
    """What the attribution model sees of one candidate (names are keys of the learned weights)."""
    lemma = cue.lemma_.lower()
    f: dict[str, float] = {
        "origin=" + origin: 1.0,
        "lemma=" + lemma: 1.0,
        f"how={how}": 1.0,
        f"{origin}:{how}": 1.0,
        f"lemma_how={lemma}:{how}": 1.0,
        "lex_p": lexicon.get(lemma, 0.0),
        f"kind={st.kind}": 1.0,
        f"tag={cue.tag_}": 1.0,
        f"cdep={cue.dep_}": 1.0,
    }
    if lemma in CUE_LEMMAS or lemma in EXPRESS_VERBS:
        f["listed"] = 1.0
    if lexicon.get(lemma, 0.0) >= 0.5:
        f["lex_half"] = 1.0
    if origin != "verb":
        f["listed"] = 1.0
    if head is not None:
        f[f"hdep={head.dep_}"] = 1.0
        if head.dep_ == "prep":
            f[f"prep={head.lower_}"] = 1.0
        for child in head.children:
            if child.dep_ == "mark":
                f[f"mark={child.lower_}"] = 1.0
        if head.pos_ in ("VERB", "AUX"):
            f["head_verb"] = 1.0
    sc = _subject_class(subject)
    f["subj=" + sc] = 1.0
    if subject is not None:
        if sc in ("noun", "propn"):
            f["subj_lemma=" + subject.lemma_.lower()] = 1.0
        if subject.i > cue.i:
            f["subj_after"] = 1.0
    for child in cue.children:
        if child.dep_ == "aux" and child.lower_ in _MODALS:
            f["modal=" + child.lower_] = 1.0
            f["modal"] = 1.0
        elif child.dep_ == "neg":
            f["neg"] = 1.0
        elif child.dep_ in ("auxpass", "nsubjpass"):
            f["passive"] = 1.0
    if cue.dep_ in ("xcomp", "ccomp", "advcl", "conj", "relcl", "pcomp", "acl"):
        hl = cue.head.lemma_.lower()
        f["chead_cue"] = 1.0 if (hl in CUE_LEMMAS or lexicon.get(hl, 0.0) >= 0.5) else 0.0
        if cue.dep_ in ("xcomp", "acl", "advcl"):
            f[f"chead={hl}"] = 1.0
    n_tokens = sum(len(st.text[a - st.start : b - st.start].split()) for a, b in st.content_spans)
    f["log_len"] = math.log1p(n_tokens)
    if n_tokens < 4:
        f["short"] = 1.0
    if st.cue_start > st.end:
        f["cue_after"] = 1.0
    sent = cue.sent
    if _overlaps(quotes, sent.start_char, sent.end_char):
        f["sent_quote"] = 1.0
    if sent.start == 0:
        f["first_sent"] = 1.0
    if cue.i == sent.start or cue.i == sent.start + 1:
        f["cue_sent_start"] = 1.0
    return f


def _line_features(st: Statement, text: str, sources: dict[str, int]) -> dict[str, float]:
    words = (st.speaker or "").split()
    f = {"origin=line" + st.cue: 1.0, "listed": 1.0, f"kind={st.kind}": 1.0, "line_words": float(len(words))}
    if sources.get((st.speaker or "").lower(), 0) > 1:  # the same name opening several lines: a transcript
        f["line_repeat"] = 1.0
    if st.speaker_start and text[st.speaker_start - 1] in _OPENERS:
        f["line_quoted"] = 1.0
    if "\n" in st.text:
        f["line_paragraphs"] = 1.0
    if st.speaker and st.speaker.isupper():
        f["line_upper"] = 1.0
    if words and all(w[:1].isupper() for w in words):
        f["line_caps"] = 1.0
    if st.speaker_start is not None and "\n" not in text[: st.speaker_start].strip():
        f["first_sent"] = 1.0
    return f


def extract_statements(text: str, nlp=None, doc=None, quotes=None) -> list[Statement]:
    """Statements in ``text`` (parsed with ``nlp`` unless a ``doc`` of it is given; ``quotes``: its
    ``quote_spans`` when the caller has them)."""
    if doc is None:
        if nlp is None:
            from ..nlp import load_spacy

            nlp = load_spacy()
        doc = nlp(text)
    if quotes is None:
        quotes = quote_spans(text)
    model = attribution_model()
    statements: list[Statement] = []
    claimed: list[tuple[int, int]] = []
    scored = [(model.score(c.features), k, c) for k, c in enumerate(candidates(doc, text, quotes))]
    for score, _, cand in sorted(scored, key=lambda x: (-x[0], x[1])):
        if score < model.threshold:
            continue
        statement = cand.statement
        if not _overlaps(claimed, statement.start, statement.end):
            statements.append(statement)
            claimed.extend(statement.content_spans)
    statements.extend(_unclaimed_quotes(doc, text, quotes, claimed, statements))
    statements.sort(key=lambda s: s.start)
    return statements


def candidates(doc, text: str, quotes=None) -> list[Candidate]:
    """Every cue the extractor considers, in text order (line forms last), each with its model features."""
    if quotes is None:
        quotes = quote_spans(text)
    out: list[Candidate] = []
    lexicon = cue_lexicon()
    for token in doc:
        if _inside(quotes, token.idx, token.idx + 1):
            continue  # speech reported inside a quote belongs to the quoted speaker's statement
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and (lemma in CUE_LEMMAS or lemma in EXPRESS_VERBS or lemma in lexicon):
            if lemma in PERMITTING and not _finite_clause(token):
                continue  # "The flaw allowed text ... to be run as code": no one says anything
            if _required_of_someone(token):
                continue  # "requiring all workers to show a “Green Pass”": the showing is required, not done
            if _names_the_source(token, lexicon):
                continue  # "..., the Times reported, citing two people briefed on the matter": whence, not what
            found = _from_verb(token, text, quotes)
            origin = "verb"
        elif lemma == "accord" and token.lower_ == "according":
            found = _from_according(token, text, quotes)
            origin = "according"
        elif token.pos_ == "NOUN" and lemma in NOUN_CUES:
            found = _from_noun(token, text, quotes)
            origin = "noun"
        else:
            continue
        if found is not None:
            statement, head, how, subject = found
            feats = _features(origin, token, statement, head, how, subject, quotes, lexicon)
            out.append(Candidate(statement, feats, token.i))
    lines = _line_attributions(text)
    sources: dict[str, int] = {}
    for statement in lines:
        key = (statement.speaker or "").lower()
        sources[key] = sources.get(key, 0) + 1
    for statement in lines:
        out.append(Candidate(statement, _line_features(statement, text, sources)))
    # Nested speech: a cue inside another candidate's content ("Aides said Trump told them …").
    spans = [(k, a, b) for k, c in enumerate(out) for a, b in c.statement.content_spans]
    for k, cand in enumerate(out):
        at = cand.statement.cue_start
        if any(a <= at < b and j != k for j, a, b in spans):
            cand.features["nested"] = 1.0
    return out


def _names_the_source(token, lexicon) -> bool:
    """A participle of citing on another cue names where that cue's statement comes from ("the New York Times
    reported on Thursday, citing two people briefed on the matter", "Citing information available to SVR, the
    chief claimed ..."): the statement is the cue's, and "two people briefed on the matter" says nothing."""
    if token.lemma_.lower() != "cite" or token.tag_ != "VBG":
        return False
    head = token.head
    return head is not token and (head.lemma_.lower() in CUE_LEMMAS or lexicon.get(head.lemma_.lower(), 0.0) >= 0.5)


# verbs of letting and requiring report speech only with a finite clause ("he allowed that mistakes were made"),
# not with an object and an infinitive ("the law allows police to detain suspects", "the rule requires firms to")
PERMITTING = {"allow", "permit", "let", "enable", "require"}


FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def _required_of_someone(verb) -> bool:
    """An infinitive that a verb of letting or requiring asks of its object ("the rule requires workers to show
    proof", "allowing them to say"): no one has said anything yet."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in PERMITTING
        and any(c.dep_ == "dobj" and c.i < verb.i for c in head.children)
    )


def _finite_clause(verb) -> bool:
    """Does ``verb`` govern a clause with a tensed verb ("that mistakes were made"), not a participle or an
    infinitive ("text typed into the field to be run as code")?"""
    return any(
        c.dep_ == "ccomp"
        and (c.tag_ in FINITE_TAGS or any(g.dep_ in ("aux", "auxpass") and g.tag_ in FINITE_TAGS for g in c.children))
        for c in verb.children
    )


def _runs(tokens) -> list[list]:
    """Contiguous runs of tokens, those of punctuation alone dropped."""
    ordered = sorted(tokens, key=lambda t: t.i)
    runs = [[ordered[0]]]
    for t in ordered[1:]:
        if t.i == runs[-1][-1].i + 1:
            runs[-1].append(t)
        else:
            runs.append([t])
    return [r for r in runs if any(not (t.is_punct or t.is_space) for t in r)]


def _make(
    text: str, quotes, content_tokens, cue_tokens, stance: str, speaker_head, pieces=None, span=None
) -> Statement | None:
    """A statement from its content tokens (``pieces``: the content in parts, around a parenthetical cue;
    ``span``: a character span instead of tokens)."""
    if pieces is None and span is None and content_tokens:
        pieces = _runs(content_tokens)  # "X, according to Y." leaves X and the full stop: only X
    if pieces:
        spans = [_trim(text, *_span(p)) for p in pieces]
        spans = [(a, b) for a, b in spans if b - a >= 3]
        if len(spans) > 1:  # each piece takes in the whole of a quote it runs into ('… ,” he said, “A. B.”')
            cue_at = (cue_tokens[0].idx, cue_tokens[-1].idx + 1)
            grown = []
            for a, b in spans:
                for qs, qe in quotes:
                    if qs < b and a < qe and (qs < a or qe > b) and qe - qs < 2000 and not _overlaps([cue_at], qs, qe):
                        a, b = min(a, qs), max(b, qe)
                grown.append(_trim(text, a, b))
            spans = sorted(grown)
            merged = [spans[0]]
            for a, b in spans[1:]:
                if a <= merged[-1][1]:
                    merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
                else:
                    merged.append((a, b))
            spans = merged
        if len(spans) == 1:
            span = spans[0]
        elif len(spans) > 1:
            st = _make(text, quotes, [], cue_tokens, stance, speaker_head, None, (spans[0][0], spans[-1][1]))
            if st is not None:
                st.content_spans = spans
                st.start, st.end = spans[0][0], spans[-1][1]
                st.text = text[
                    st.start : st.end
                ]  # the report keeps text == article[start:end]; pieces in content_spans
            return st
    start, end = _trim(text, *(span or _span(content_tokens)))
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
    mention = None
    if speaker_head is not None:
        speaker_head = _named_after_descriptions(speaker_head, cue_tokens[0])
        mention = _complete_mention(_speaker_tokens(speaker_head))
    if speaker_head is not None and mention:
        s_start, s_end = _span(mention)
        st.speaker, st.speaker_start, st.speaker_end = text[s_start:s_end], s_start, s_end
        named = _antecedent(speaker_head)  # the mention stays "who" (PolNeAR marks it); its noun names the speaker
        st.speaker_heads = [named.idx] + [c.idx for c in named.children if c.dep_ == "appos"]
        if named is not speaker_head:
            a_start, a_end = _span(_speaker_tokens(named))
            st.antecedent = text[a_start:a_end]
        conj = _conjuncts(named)
        if len(conj) > 1 and _one_body_name(conj):
            conj = [conj[-1]]  # "The FDA's Vaccines and Related Biological Products Advisory Committee": one body
            st.speaker_heads = [conj[0].idx] + [c.idx for c in conj[0].children if c.dep_ == "appos"]
        if len(conj) > 1:  # each member with its compounds: "the port authority and the shipping ministry"
            for t in conj:
                # "its partner Ridgeback Biotherapeutics": the name; "Pharmaceutical giant Merck": Merck, not the
                # description before it; "the shipping ministry": the noun with its compounds
                name = next((c for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
                head = name if name is not None and t.pos_ == "NOUN" else t
                lefts = [
                    c
                    for c in head.lefts
                    if c.dep_ in ("compound", "amod")
                    and not (head.text[:1].isupper() and c.dep_ == "compound" and c.pos_ == "NOUN" and c.text.islower())
                ]
                g_start, g_end = _span(lefts + [head])
                st.group.append((text[g_start:g_end], g_start, g_end))
    return st


# the last word of a body's name, and the small words its name may hold between capitalised ones
BODY_NAME_HEADS = frozenset(
    "administration agency association authority board bureau center centers commission committee council "
    "department foundation institute institutes ministry office service services".split()
)
_NAME_SMALL = frozenset({"and", "&", ",", "of", "for", "on"})
_BODIES_ALONE = frozenset("senate house congress parliament pentagon kremlin police army navy government".split())


def _one_body_name(conjuncts) -> bool:
    """Do the conjuncts make one body's name ("Food and Drug Administration", "Vaccines and Related Biological
    Products Advisory Committee")? Every word from the first to the last is capitalised or a small word of names,
    the last ends in a body's head word, and no earlier member is a body, an acronym, a person or a place of its own
    ("the Department of Justice and the FBI", "The CDC and US Food and Drug Administration" stay two)."""
    first, last = conjuncts[0], conjuncts[-1]
    if last.lower_ not in BODY_NAME_HEADS or not last.text[:1].isupper():
        return False
    for t in conjuncts[:-1]:
        if t.lower_ in BODY_NAME_HEADS | _BODIES_ALONE or t.ent_type_ in ("PERSON", "GPE") or t.text.isupper():
            return False  # "The CDC and US Food and Drug Administration": an acronym is a body of its own
    return all(t.text[:1].isupper() or t.lower_ in _NAME_SMALL for t in first.doc[first.i : last.i + 1])


def _complete_mention(tokens) -> list:
    """The mention, unless an excerpt that stops mid-sentence cut it on a word that needs more after it: then the
    name before its apposition ("Jay Denton, chief analyst for..." -> "Jay Denton"), or nothing when no name is
    left ("according to the most recent data from...", "told the outlet of...")."""
    if len(tokens) < 2 or tokens[-1].pos_ not in ("ADP", "DET", "CCONJ", "SCONJ"):
        return tokens
    breaks = [k for k, t in enumerate(tokens) if t.text in (",", "(", "—", "–")]
    head = tokens[: breaks[-1]] if breaks else []
    return head if any(t.pos_ in ("PROPN", "NOUN") for t in head) else []


RELATIVE_PRONOUNS = {"who", "which", "that"}


def _antecedent(subject):
    """A relative pronoun's noun ("Biden, who replied, …": Biden); any other subject as it is."""
    verb = subject.head
    if subject.lower_ in RELATIVE_PRONOUNS and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        if verb.head.pos_ in ("NOUN", "PROPN"):
            return verb.head
    if subject.lower_ in ("who", "which") and subject.tag_ in ("WP", "WDT") and subject.i >= 2:
        comma, before = subject.nbor(-1), subject.nbor(-2)  # "provider Fastly, which said ...", parsed as advcl
        if comma.text == "," and before.pos_ in ("NOUN", "PROPN"):
            return before
    return subject


def _a_day(token) -> bool:
    """A weekday or "today" standing alone: when the cue was, never who spoke ("Wednesday's report" may speak)."""
    return (token.lower_ in WEEKDAYS or token.lower_ in ("today", "yesterday")) and not any(
        c.dep_ in ("compound", "poss", "det", "case") for c in token.children
    )


# what is left of a contraction that tokenised text splits ("I ’ d have called", "they don ’ t believe"): no subject
_CONTRACTION_PIECES = frozenset({"t", "d", "s", "m", "ll", "re", "ve"})
_LIST_WORDS = frozenset({",", "and", "or", "&", "as", "well", "along", "with", "plus", "nor", "both", "either"})


def _subject_of(verb):
    """A verb's subject. Of two before it, the parse has run two pieces together when something other than a list
    stands between them ("Milley and McKenzie ... contradicted President Joe Biden’s claim last month that top
    military advisers didn’t recommend ...", both subjects of "recommend"; a heading, "State of play: DHS said ..."),
    and the nearer one is the verb's. Subjects merely listed ("House Speaker Nancy Pelosi (D-CA) and moderate
    Democrats struck a compromise", parsed as two) keep the first, as do an aside in parentheses ("Biden, who ...
    (so, all of them), believed ...") and an object the parse took for a subject ("the newspaper’s review of her
    interview ... hours after the shooting shows")."""
    subjects = [c for c in verb.children if c.dep_ in SPEAKER_DEPS]
    before = [c for c in subjects if c.i < verb.i and c.text not in _CONTRACTION_PIECES]
    if len(before) > 1:
        doc, nearer = verb.doc, before[-1]
        between = doc[before[-2].right_edge.i + 1 : nearer.left_edge.i]
        aside = any(t.text == "(" for t in between) and any(t.text == ")" for t in doc[nearer.i : verb.i])
        opener = doc[nearer.left_edge.i - 1]
        governed = opener.pos_ == "ADP" or (opener.dep_ == "mark" and opener.lower_ != "that")
        if not aside and not governed and any(t.lower_ not in _LIST_WORDS for t in between):
            return nearer
    return subjects[0] if subjects else None


def _find_subject(cue):
    """The cue's subject, or the subject of the verb it depends on ("…, saying that …", "Trump went on to say",
    "he is determined to warn"), or the noun it describes ("Dean, a doctor, saying …"). None when passive."""
    subject = _subject_of(cue)
    if subject is not None:
        if subject.dep_ == "nsubjpass":
            return None  # "it was reported that": no speaker
        if subject.lower_ == "that" and cue.dep_ == "relcl" and cue.head.pos_ in ("NOUN", "PROPN"):
            return cue.head  # "a group that advocates …": the antecedent (PolNeAR marks it, not the "that")
        return subject
    cur = cue
    extraposed = False
    for _ in range(4):
        if cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN") and (cur.tag_ == "VBG" or cur.head.ent_type_):
            return cur.head
        if cur.dep_ not in ("advcl", "xcomp", "conj", "acomp") or cur.head is cur:
            return None
        cur = cur.head
        extraposed = extraposed or any(  # "to be hard to convince": the adjective beside the verb climbed to
            t.lemma_.lower() in EXTRAPOSING for t in (cur, *(c for c in cur.children if c.dep_ == "acomp"))
        )
        subject = _subject_of(cur)
        if subject is not None:
            if extraposed and subject.lower_ == "it":
                return None  # "It may take weeks to find out who won", "it's safe to say ...": no one says it
            return subject
    return None


# words whose "it" stands for the infinitive that follows ("It may take several weeks to find out who won", "it
# remains to be seen whether ...", "it's hard to think of any heavyweight ..."), not for someone who speaks; unlike
# "It was quick to deny that ..."
EXTRAPOSING = frozenset(
    "take remain easy hard difficult safe fair early soon premature impossible possible unclear clear tough "
    "important necessary interesting wrong".split()
)


def _passive_participle(verb) -> bool:
    """A past participle with no auxiliary or subject of its own, joined to a passive verb ("were arrested and
    charged", "was reported and denied") or standing as an adjunct ("have been arrested in Canada, charged with
    ...", "Asked about the deal, ..."): passive too, unlike "was arrested and said" or "was arrested and has said"."""
    if verb.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return False
    return verb.dep_ == "advcl" or (verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.head.children))


_NP_DEPS = {"nsubj", "dobj", "attr", "appos", "npadvmod", "dative", "conj", "pobj", "compound", "oprd"}


def _np_head(token):
    """The head of the noun phrase a token belongs to (``Murphy`` of "Sen. Chris Murphy")."""
    while token.dep_ == "compound" and token.head.i > token.i and token.head.pos_ in ("NOUN", "PROPN"):
        token = token.head
    return token


def _speaker_fallback(cue, content_before: bool):
    """A speaker for a cue the parse gave no subject: "… by saying", '"…," added Murphy' (parsed as an object),
    '…, the candidate stated' (the subject parsed into a phrase before it), "was written by X"."""
    if any(c.dep_ == "nsubjpass" for c in cue.children):
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    cur = cue
    for _ in range(3):  # "began by saying", "after announcing", "stopped short of calling"
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.pos_ in ("VERB", "AUX"):
            verb = cur.head.head
            subject = next((c for c in verb.children if c.dep_ in SPEAKER_DEPS), None) or _find_subject(verb)
            if subject is not None and subject.dep_ != "nsubjpass":
                return subject
            cur = verb
        else:
            break
    doc = cue.doc
    if content_before:  # '"…," added Murphy', '"…," wrote a man calling himself …'
        k = cue.i + 1
        while (
            k < len(doc)
            and doc[k].head.i == cue.i
            and doc[k].dep_ in ("prt", "advmod", "npadvmod")
            and doc[k].pos_ != "PROPN"
        ):
            k += 1
        if k < len(doc):
            t = doc[k]
            while t.pos_ == "DET" or (t.dep_ in ("amod", "compound", "nummod") and t.head.i > t.i):
                if t.head.i <= t.i or t.head.i > k + 6:
                    break
                t = t.head
            if t.pos_ in ("NOUN", "PROPN") and t.dep_ in _NP_DEPS and t.lower_ not in ("it",):
                return _np_head(t)
    k = cue.i - 1
    while k >= 0 and doc[k].head.i == cue.i and doc[k].dep_ in ("aux", "advmod", "neg", "npadvmod"):
        k -= 1
    if k >= 0 and cue.tag_ in ("VBD", "VBZ", "VBP") and not doc[k].is_sent_end:  # finite: "a cudgel to repeat" is not
        t = doc[k]
        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in _NP_DEPS and t.head.i != cue.i and t.i < cue.i:
            return _np_head(t)
    return None


def _adjacent_quote(cue, text: str, quotes) -> tuple[int, int] | None:
    """The quote right before the cue's phrase ('“…?” Trump asked') or right after it ('Trump said: “…”')."""
    if cue.dep_ not in ("ROOT", "parataxis", "ccomp", "conj"):
        return None
    # The cue's own phrase: the verb with its subject, auxiliaries and adverbs before it, not its whole subtree
    # (a ROOT "said" after a quote the parse splits into clauses spans the quote too).
    left = cue
    for child in sorted(cue.lefts, key=lambda t: -t.i):
        if child.dep_ in SPEAKER_DEPS or child.dep_ in ("aux", "auxpass", "neg", "advmod", "npadvmod"):
            if child.i == left.i - 1 or (child.right_edge.i == left.i - 1):
                left = child.left_edge
                continue
        break
    start = left.idx
    end = cue.idx + len(cue.text)
    for qs, qe in quotes:
        if qe <= start and not text[qe:start].strip(" ,—–-"):
            if _is_title(text[qs + 1 : qe - 1]) and _after_preposition(text, qs):
                continue  # 'during an appearance on “Fox & Friends,” the Florida Republican highlighted': a show
            return qs, qe
        if qs >= end and not text[end:qs].strip(" ,:—–-"):
            return qs, qe
    return None


# "painted Romney as an out-of-touch rich guy", "called the citation a ploy": what follows the object belongs to
# the content, except adjuncts of when and where.
_OBJECT_TAIL_DEPS = {"oprd", "prep", "xcomp", "ccomp", "acomp", "attr"}
_ADJUNCT_PREPS = {"at", "during", "after", "before", "since"}


def _colon_content(cue, text: str, quotes) -> tuple[int, int] | None:
    """What follows a colon closing the cue's own clause: the quote opening right after it, else the rest of the
    sentence, or the next paragraph when the colon ends one."""
    doc = cue.doc
    colon = next((t for t in doc[cue.i + 1 : min(len(doc), cue.i + 14)] if t.text == ":"), None)
    if colon is None or _inside(quotes, colon.idx, colon.idx + 1):
        return None
    between = doc[cue.i + 1 : colon.i]
    if any(t.text in (".", ";", "?", "!") or "\n" in t.text for t in between):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.dep_ in ("ccomp", "conj", "ROOT", "parataxis") for t in between):
        return None  # the colon closes another clause
    start = colon.idx + 1
    while start < len(text) and text[start].isspace():
        start += 1
    for qs, qe in quotes:
        if qs == start:
            return qs, qe
    if "\n" in text[colon.idx : start]:  # "Dr. Ward stated:\n\n<paragraph>"
        end = text.find("\n", start)
        return start, len(text) if end == -1 else end
    sent_end = colon.sent.end_char
    return (start, sent_end) if sent_end - start >= 8 else None


_TRAILING_ASIDE_DEPS = {"relcl", "appos"}


def _drop_trailing_aside(tokens, quotes) -> list:
    """Content ending in a comma-set aside on its last noun (", who has been battered …", ", a party that …"):
    the aside describes the noun for the reader and PolNeAR leaves it out of what was said."""
    if len(tokens) < 4:
        return tokens
    at = {t.i for t in tokens}
    last = max(at)
    cut = None
    for t in tokens:
        if t.dep_ not in _TRAILING_ASIDE_DEPS or t.right_edge.i < last - 1 or t.left_edge.i - 1 not in at:
            continue
        comma = t.doc[t.left_edge.i - 1]
        if comma.text == "," and comma.i > min(at) + 2 and not _inside(quotes, comma.idx, comma.idx + 1):
            cut = comma.i if cut is None else min(cut, comma.i)
    return tokens if cut is None else [t for t in tokens if t.i < cut]


def _clip(head, cue, quotes) -> list:
    """The content phrase after its cue, up to a semicolon outside quotes ("…; they only learned on Friday …")."""
    tokens = list(head.subtree)
    if head.i > cue.i:
        for k, t in enumerate(tokens):
            if t.text == ";" and t.i > cue.i and not _inside(quotes, t.idx, t.idx + 1):
                return tokens[:k]
    return tokens


def _from_verb(cue, text: str, quotes):
    if _passive_participle(cue):
        return None  # "Asked whether ..., Mr Biden ...", "charged with ...", "Dubbed the ...": no one says it here
    head, how = _content_head(cue)
    if head is None or how in ("object", "advcl"):
        quote = _adjacent_quote(cue, text, quotes)
        if quote is not None:  # '“Who would have believed …?” Trump said': the parse often misses the link
            subject = _find_subject(cue)
            if subject is None:
                subject = _speaker_fallback(cue, quote[1] <= cue.idx)
            cue_tokens = [cue] + [c for c in cue.children if c.dep_ in ("aux", "neg", "prt") and c.i > cue.i - 3]
            st = _make(text, quotes, [], sorted(cue_tokens, key=lambda t: t.i), _stance(cue), subject, None, quote)
            return None if st is None else (st, None, "quote", subject)
        span = _colon_content(cue, text, quotes)
        if span is not None:  # "Trump went even further: “If he goes forward …”", "Dr. Ward stated:\n\n…"
            subject = _find_subject(cue) or _speaker_fallback(cue, False)
            cue_tokens = [cue] + [c for c in cue.children if c.dep_ in ("aux", "neg", "prt") and c.i > cue.i - 3]
            st = _make(text, quotes, [], sorted(cue_tokens, key=lambda t: t.i), _stance(cue), subject, None, span)
            return None if st is None else (st, None, "colon", subject)
    if head is None:
        return None
    subject = _find_subject(cue)
    if subject is None:
        subject = _speaker_fallback(cue, how == "governor" or head.i < cue.i)
    if subject is not None and (subject.lower_ == "there" or _a_day(subject)):
        subject = None  # "its Oversight Board — the outside group ... — said Wednesday that": the day is no one
    pieces = None
    if how == "governor":
        inner = {t.i for t in cue.subtree}
        tokens = [t for t in head.subtree if t.i < cue.left_edge.i and t.i not in inner] or [head]
        after = [t for t in head.subtree if t.i > cue.right_edge.i and t.i not in inner]
        if after and tokens[-1].i < cue.left_edge.i:
            pieces = [tokens, after]
            tokens = tokens + after
    else:
        tokens = _clip(head, cue, quotes)  # "that …" stays: the complementiser is part of what was said
        if how == "object" and head.dep_ == "dobj":  # "painted Romney as …", "called the citation a ploy"
            for sib in cue.rights:
                if sib.i <= head.i:
                    continue
                if sib.dep_ not in _OBJECT_TAIL_DEPS or (sib.dep_ == "prep" and sib.lower_ in _ADJUNCT_PREPS):
                    break
                tokens += list(sib.subtree)
        tokens = _drop_trailing_aside(tokens, quotes)
    if not tokens:
        return None
    cue_tokens = [cue] + [c for c in cue.children if c.dep_ in ("aux", "neg", "prt") and c.i > cue.i - 3]
    cue_tokens.sort(key=lambda t: t.i)
    st = _make(text, quotes, tokens, cue_tokens, _stance(cue), subject, pieces)
    return None if st is None else (st, head, how, subject)


def _from_noun(cue, text: str, quotes):
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
    st = _make(text, quotes, list(clause.subtree), [cue], NOUN_STANCE.get(cue.lemma_.lower(), "assert"), speaker)
    return None if st is None else (st, clause, "noun", speaker)


def _from_according(token, text: str, quotes):
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    clause = token.head
    if source is None or clause is None or source.lower_ in ("the", "a", "an"):
        return None  # "..., according to the." (a feed's excerpt cut off): no source named
    skip = set(t.i for t in token.subtree)
    tokens = [t for t in clause.subtree if t.i not in skip and not (t.is_punct and t.i == min(skip) - 1)]
    if not tokens:
        return None
    st = _make(text, quotes, tokens, [token, to], "assert", source)
    return None if st is None else (st, clause, "according", source)


_COLON_LINE = re.compile(r"^[\"“]?(?P<source>[A-Z][^:\n\"“”]{1,60}?):\s+(?P<content>[^\n]{8,})$", re.M)
# '“…” ― Name': a quotation signed by a name (not a tweet's "— Name (@handle) date" signature: PolNeAR leaves
# embedded tweets unannotated).
_DASH_LINE = re.compile(r"^(?P<content>[“\"][^\n]{8,}?)\s*[―—]\s*(?P<source>[A-Z][^\n―—@<\d]{1,60})$", re.M)


def _turn_end(text: str, end: int, opener: str) -> int:
    """The end of a quoted transcript turn: the following paragraphs that reopen the quote and name no speaker."""
    while True:
        nxt = text.find("\n", end)
        if nxt == -1:
            return end
        k = nxt
        while k < len(text) and text[k].isspace():
            k += 1
        line_end = text.find("\n", k)
        line_end = len(text) if line_end == -1 else line_end
        if k >= len(text) or text[k] != opener or _COLON_LINE.match(text, k, line_end):
            return end
        end = _trim(text, k, line_end)[1]


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
        opener = text[match.start()]
        if cue == ":" and opener in _OPENERS:  # a transcript turn runs on over paragraphs reopening the quote
            end = _turn_end(text, end, opener)
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


# the small words a title leaves in lower case ("Justice Against Sponsors of Terrorism Act")
_TITLE_SMALL = {
    "a", "an", "the", "of", "and", "or", "nor", "but", "in", "on", "at", "to", "for", "by", "with", "from", "as",
}  # fmt: skip


def _is_title(quoted: str) -> bool:
    """A quotation whose every word but the small ones is capitalised names a work, a law or a show ('Dubbed the
    "Fairness in Women's Sports Act"', '“From the Desk of Donald J. Trump”'): it continues no one's words."""
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", quoted) if w.lower() not in _TITLE_SMALL]
    return len(words) >= 2 and all(w[0].isupper() for w in words)


_PREPOSITION_BEFORE = re.compile(r"\b(?:on|in|at|of|to|from|with|by|during|for|about)\s*$", re.I)


def _after_preposition(text: str, at: int) -> bool:
    """Does a preposition end the text just before character ``at``?"""
    return bool(_PREPOSITION_BEFORE.search(text, max(0, at - 20), at))


def _one_sentence(doc, a: int, b: int) -> bool:
    """Are characters ``a`` and ``b`` of the text in one sentence of ``doc``?"""
    ta = doc.char_span(a, a + 1, alignment_mode="expand")
    tb = doc.char_span(b, b + 1, alignment_mode="expand")
    return ta is not None and tb is not None and ta[0].sent.start == tb[0].sent.start


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
        if _is_title(inner) and not (
            near and last.cue_end <= last.start and _one_sentence(doc, last.end - 1, qs)
        ):  # a title ends what it is said of in the same clause ("revealed his new website, “From the Desk of Donald
            # J. Trump”"); elsewhere it is no one's words going on ('“A,” Granholm told CNN’s “State of the Union.”')
            continue
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
        if near and "\n" not in text[last.end : qs] and last.cue_start < qs:
            # '“A,” he said. “B.”': one attribution whose content has two pieces (PolNeAR annotates it so)
            last.content_spans.append((start, end))
            last.end = end
            last.text = text[last.start : end]
            last.kind = "direct" if last.kind == "direct" else "mixed"
            claimed.append((start, end))
            continue
        if not (near and last.speaker is not None) or _is_title(inner):
            continue  # a quote no one is said to have said: a title or scare quotes more often than speech
        st.speaker, st.speaker_start, st.speaker_end = last.speaker, last.speaker_start, last.speaker_end
        st.speaker_heads = list(last.speaker_heads)
        st.cue = "(continues)"
        out.append(st)
    return out
