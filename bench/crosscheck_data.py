"""Data loading, the perturbers and the contradiction scorer for ``bench/crosscheck.py``.

Kept apart from the runner so that the perturbers and the scorer can be checked on hand-made examples
(``crosscheck.py --selftest``). spaCy is never imported here: the perturbers take parsed ``Doc`` objects.
The data is read in place from ``../shared/data/mds`` (next to the repository), never copied: the texts
are publishers' news, for research use inside the project only (see the READMEs there).

Perturbations (one per story and mode, chosen by a seeded RNG among the kinds that apply):

* ``number``: a digit number of a CARDINAL / MONEY / PERCENT / QUANTITY entity (``25``, ``1,200``, the
  ``1.9`` of ``$1.9 trillion``, the ``25`` of ``25%``) scaled by 2, 3, 1.5 or 0.5 (never below 30 % off,
  same decimals, thousands separators kept), or a number word (``three`` -> ``six``, ``hundreds`` ->
  ``thousands``). "one" is never touched (mostly not a count), nor numbers glued to letters, hyphens or
  slashes (``COVID-19``, ``9/11``, ``AR-15``), nor DATE / TIME / ORDINAL entities.
* ``role``: a title from ``ROLE_SWAPS`` right before a PERSON entity (``Senate Majority Leader Chuck
  Schumer``) or in apposition right after one (``Jen Psaki, the White House press secretary``) swapped for
  another office of the same kind; after a name the AP lower case is kept.
* ``negation``: in a sentence with no negation already, either the speech verb of ``X said (that) Y``
  becomes ``denied`` / ``denies``, or the main clause (the root, or the reported clause of a speech verb)
  is negated from its parse: ``not`` after the first auxiliary (``would not``, ``has not been``), after a
  finite ``be`` (``is not``), or do-support for a finite main verb (``signed`` -> ``did not sign``).
* ``date``: a weekday of a DATE entity moved 2-5 days (``Tuesday`` -> ``Thursday``), the day of a
  ``Month D`` date moved 3-7 days (``May 4`` -> ``May 9``), or a year of a DATE entity moved back 2-4
  years (``2019`` -> ``2017``).

The changed characters of an edit (``Edit.mark``) are the new value, the negated verb group (``would
not``, ``did not sign``, ``denied``) or the new title, as offsets into the edited text.

In ``inplace`` mode an edit is used only where another outlet of the story states the same value
(``supporting_articles``): the same number string, the same person with the original title (before the
full or last name, or in apposition after it), the same date expression (same weekday / month and day /
year), or for a negation a sentence holding >= half of the target sentence's content-word lemmas.

Scoring (``score_perturbed``, ``score_control``): a contradiction *hits* the planted change when one of its
evidence spans lies in the perturbed article and overlaps ``Edit.mark`` and another evidence span lies in
any other article. Every contradiction reported on a control run is a false alarm; on a perturbed run,
those whose evidence does not touch the change are. Contradictions that touch the change but have no
evidence in another article ("one-sided") and extra hitting ones ("duplicates") are counted apart and
charged to neither side.
"""

from __future__ import annotations

import csv
import json
import random
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MDS = SHARED / "data" / "mds"
ALLSIDES = MDS / "allsides_roundups_2021" / "stories.jsonl"
CLAIMDIFF = MDS / "claimdiff" / "ClaimDiff-weak-test.json"
FNC_STANCES = MDS / "fnc1_competition_test" / "competition_test_stances.csv"
FNC_BODIES = MDS / "fnc1_competition_test" / "competition_test_bodies.csv"
NEUS = MDS / "neus_allsides_test" / "test.jsonl"
ECBPLUS = SHARED / "data" / "news-clustering" / "ecbplus" / "ecbplus_docs.jsonl"
SUITE_FILES = {
    "untouched": (ALLSIDES, NEUS, ECBPLUS),
    "perturb": (ALLSIDES,),
    "speed": (ALLSIDES,),
    "claimdiff": (CLAIMDIFF,),
    "fnc": (FNC_STANCES, FNC_BODIES),
}

KINDS = ("number", "role", "negation", "date")
EXPECTED_KIND = {"number": "number", "role": "role", "negation": "denial", "date": "date"}
MODES = ("copy", "inplace")
PERTURBED_OUTLET = "Perturbed Wire"

Span = tuple[int, int]


def data_missing(suites: Iterable[str]) -> str | None:
    """Why the shared data cannot be used for these suites, or None when every file is there."""
    if not MDS.is_dir():
        return f"shared data not found: {MDS} (the bench reads ../shared/data/mds next to the repository)"
    for suite in suites:
        for path in SUITE_FILES[suite]:
            if not path.is_file():
                return f"shared data incomplete: {path} is missing (needed by the {suite} suite)"
    return None


# ------------------------------------------------------------------------------------------------ loading


@dataclass
class Article:
    id: str  # "{story id}-{side}"
    outlet: str
    text: str
    side: str


@dataclass
class Story:
    id: str
    date: str | None  # ISO day of the AllSides story
    issue: str
    articles: list[Article]


def load_allsides(limit: int | None = None, part: str = "all") -> list[Story]:
    """Stories with >= 2 non-empty articles, in file order (the first ``limit`` of them), of one part.

    ``part``: "tune" (about 30% of stories, sha1 of the id, as in the clustering benchmark), "test", or "all".
    The detector's thresholds are set on TUNE; figures are reported on TEST.
    """
    from cluster_data import allsides_part
    from corroborate.clean.boilerplate import plain_spaces  # as `corroborate ingest` cleans the text

    stories: list[Story] = []
    with ALLSIDES.open(encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            raw = json.loads(line)
            sid = str(raw["id"])
            if part != "all" and allsides_part(raw["id"]) != part:
                continue
            arts = [
                Article(f"{sid}-{a['side']}", a.get("outlet") or a["side"], plain_spaces(a["text"]), a["side"])
                for a in raw.get("articles", [])
                if (a.get("text") or "").strip()
            ]
            if len(arts) < 2:
                continue
            stories.append(Story(sid, (raw.get("date") or "")[:10] or None, raw.get("issue", ""), arts))
            if limit and len(stories) >= limit:
                break
    return stories


def load_untouched() -> dict[str, list[Story]]:
    """Real multi-outlet stories no one edited, for counting what a detector reports on them.

    * ``neus``: NeuS test clusters (three outlets' excerpts, undated), those whose story is also an AllSides 2021
      roundup (``neus_overlap``, the perturbation suite's stories) left out;
    * ``ecb-dev`` / ``ecb-test``: ECB+ gold event clusters of the train + dev topics / the test topics (36-45),
      undated; line 0 of a document is its headline and is left out, as in the clustering benchmark. ECB+ text
      is tokenised ("8: 30 p. m.", "didn ’ t"), which makes a few of its figures artifacts.
    """
    from corroborate.clean.boilerplate import plain_spaces

    overlap = set()
    for line in ALLSIDES.read_text(encoding="utf-8").splitlines():
        if line.strip():
            overlap |= {o["line"] for o in json.loads(line).get("neus_overlap") or [] if o.get("split") == "test"}
    neus = []
    for n, line in enumerate(NEUS.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or n in overlap:
            continue
        row = json.loads(line)
        arts = [
            Article(f"{row['id']}/{a['position']}", f"outlet {a['position']}", plain_spaces(a["text"]), "")
            for a in row["articles"]
            if (a.get("text") or "").strip()
        ]
        if len(arts) >= 2:
            neus.append(Story(row["id"], None, "", arts))
    ecb: dict[str, dict[str, list[Article]]] = {"ecb-dev": {}, "ecb-test": {}}
    for line in ECBPLUS.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        lines = row["text"].split("\n")
        text = "\n".join(lines[1:]).strip() or lines[0]
        part = "ecb-test" if row["split"] == "test" else "ecb-dev"
        ecb[part].setdefault(row["cluster_id"], []).append(Article(row["doc_id"], row["doc_id"], text, ""))
    out = {"neus": neus}
    for part, clusters in ecb.items():
        out[part] = [Story(cid, None, "", arts) for cid, arts in sorted(clusters.items()) if len(arts) >= 2]
    return out


@dataclass
class ClaimPair:
    pair_id: str
    claim_a: str
    claim_b: str
    article_a: str  # headline of claim_a's article (used as its outlet)
    article_b: str
    date: str | None
    weakens: bool  # gold: claim_a weakens claim_b


def load_claimdiff() -> list[ClaimPair]:
    data = json.loads(CLAIMDIFF.read_text(encoding="utf-8"))["data"]
    return [
        ClaimPair(
            d["pair_id"], d["claim_a"], d["claim_b"], d["article_a"], d["article_b"], d.get("date"), d["relation"] == 1
        )
        for d in data
    ]


@dataclass
class StancePair:
    row: int  # 0-based row of competition_test_stances.csv
    headline: str
    body_id: str
    stance: str


def load_fnc(limit: int, seed: int) -> tuple[list[StancePair], dict[str, str], dict[str, int]]:
    """A sample of ``limit`` pairs keeping the class ratio (0 = every pair), the bodies, and the full counts.

    Each stance contributes ``round(limit * its share)`` rows drawn by a seeded RNG; the sample is returned
    in file order.
    """
    with FNC_STANCES.open(encoding="utf-8", newline="") as fh:
        rows = [StancePair(k, r["Headline"], r["Body ID"], r["Stance"]) for k, r in enumerate(csv.DictReader(fh))]
    with FNC_BODIES.open(encoding="utf-8", newline="") as fh:
        bodies = {r["Body ID"]: r["articleBody"] for r in csv.DictReader(fh)}
    counts: dict[str, int] = {}
    for r in rows:
        counts[r.stance] = counts.get(r.stance, 0) + 1
    if not limit or limit >= len(rows):
        return rows, bodies, counts
    rng = random.Random(f"fnc:{seed}")
    keep: list[StancePair] = []
    for stance in sorted(counts):
        of_class = [r for r in rows if r.stance == stance]
        keep += rng.sample(of_class, round(limit * len(of_class) / len(rows)))
    return sorted(keep, key=lambda r: r.row), bodies, counts


# ------------------------------------------------------------------------------------------------- edits


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` (== ``old``) by ``new``; ``new[lo:hi]`` is the changed part."""

    kind: str
    start: int
    end: int
    old: str
    new: str
    lo: int
    hi: int
    key: str  # what another outlet must state for the inplace mode (see ``supporting_articles``)
    sent: Span  # the sentence of the edit, in the original text

    def apply(self, text: str) -> str:
        if text[self.start : self.end] != self.old:
            raise ValueError(f"edit does not match the text: {text[self.start : self.end]!r} != {self.old!r}")
        return text[: self.start] + self.new + text[self.end :]

    @property
    def mark(self) -> Span:
        """The changed characters, as offsets into the edited text (nothing before ``start`` moves)."""
        return self.start + self.lo, self.start + self.hi

    @property
    def new_sent(self) -> Span:
        """The edited sentence, as offsets into the edited text."""
        return self.sent[0], self.sent[1] + len(self.new) - len(self.old)

    def describe(self) -> str:
        return f"{self.old!r} -> {self.new!r}"


def _edit(kind: str, start: int, old: str, new: str, key: str, sent: Span, lo: int = 0, hi: int | None = None) -> Edit:
    return Edit(kind, start, start + len(old), old, new, lo, len(new) if hi is None else hi, key, sent)


def _sent_span(token: Any) -> Span:
    s = token.sent
    return s.start_char, s.end_char


# numbers ----------------------------------------------------------------------------------------------

NUMBER_ENTS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
NUM_RE = re.compile(r"(?<![\w.,/\-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w/\-]|[.,]\d)")
SMALL = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
WORD_VALUE = {w: i for i, w in enumerate(SMALL) if i >= 2} | {w: 20 + 10 * i for i, w in enumerate(TENS)}
VAGUE_SWAPS = {
    "dozens": "hundreds",
    "hundreds": "thousands",
    "thousands": "hundreds",
    "millions": "thousands",
    "billions": "millions",
}
FACTORS = (2.0, 3.0, 1.5, 0.5)


def number_word(n: int) -> str:
    """English words for 0..99 (``twenty-four``)."""
    if n < 20:
        return SMALL[n]
    tens, unit = divmod(n, 10)
    return TENS[tens - 2] + (f"-{SMALL[unit]}" if unit else "")


def scale_number(number: str, rng: random.Random) -> str | None:
    """``number`` (digits, optional thousands commas and decimals) scaled to a clearly different value.

    Same number of decimals; commas when the old had them or the value grows past 999. None when no
    factor gives a value at least 30 % off (0, leading zeros).
    """
    whole, _, frac = number.partition(".")
    digits = whole.replace(",", "")
    if not digits or (len(digits) > 1 and digits.startswith("0")):
        return None
    value = float(digits + ("." + frac if frac else ""))
    if value == 0:
        return None
    factors = list(FACTORS)
    rng.shuffle(factors)
    for f in factors:
        if f < 1 and value < 4:
            continue
        new_value = value * f
        commas = "," in whole or (value < 1000 <= new_value)
        new = f"{new_value:,.{len(frac)}f}" if commas else f"{new_value:.{len(frac)}f}"
        back = float(new.replace(",", ""))
        if new != number and abs(back - value) / value >= 0.3:
            return new
    return None


def number_edits(doc: Any, rng: random.Random) -> list[Edit]:
    text: str = doc.text
    out: list[Edit] = []
    for m in NUM_RE.finditer(text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or not all(t.ent_type_ in NUMBER_ENTS for t in span):
            continue
        number = m.group(0)
        new = scale_number(number, rng)
        if new is not None:
            out.append(_edit("number", m.start(), number, new, number, _sent_span(span[0])))
    for tok in doc:
        word = tok.lower_
        if tok.ent_type_ not in NUMBER_ENTS or not tok.is_alpha:
            continue
        around = text[max(0, tok.idx - 1) : tok.idx] + text[tok.idx + len(tok) : tok.idx + len(tok) + 1]
        if "-" in around:  # part of "twenty-five", "one-third", "two-thirds"
            continue
        if word in VAGUE_SWAPS:
            new = VAGUE_SWAPS[word]
        elif word in WORD_VALUE:
            n = WORD_VALUE[word]
            new = number_word(n * 2 if n * 2 <= 99 else n // 2)
        else:
            continue
        if tok.text[0].isupper():
            new = new[0].upper() + new[1:]
        out.append(_edit("number", tok.idx, tok.text, new, word, _sent_span(tok)))
    return out


# roles ------------------------------------------------------------------------------------------------

ROLE_SWAPS: dict[str, tuple[str, ...]] = {
    "President": ("Vice President",),
    "Vice President": ("President",),
    "Senate Majority Leader": ("Senate Minority Leader", "House Speaker"),
    "Senate Minority Leader": ("Senate Majority Leader", "House Minority Leader"),
    "House Speaker": ("Senate Majority Leader", "House Minority Leader"),
    "House Majority Leader": ("House Minority Leader", "Senate Majority Leader"),
    "House Minority Leader": ("House Majority Leader", "Senate Minority Leader"),
    "Speaker": ("Senate Majority Leader", "House Minority Leader"),
    "Majority Leader": ("Minority Leader",),
    "Minority Leader": ("Majority Leader",),
    "Sen.": ("Rep.", "Gov."),
    "Rep.": ("Sen.", "Gov."),
    "Gov.": ("Sen.", "Rep."),
    "Senator": ("Representative", "Governor"),
    "Representative": ("Senator", "Governor"),
    "Governor": ("Senator", "Mayor"),
    "Mayor": ("Governor",),
    "Secretary of State": ("Defense Secretary", "Attorney General"),
    "Attorney General": ("Secretary of State", "Homeland Security Secretary"),
    "Defense Secretary": ("Secretary of State", "Treasury Secretary"),
    "Treasury Secretary": ("Commerce Secretary", "Defense Secretary"),
    "Homeland Security Secretary": ("Attorney General", "Defense Secretary"),
    "Commerce Secretary": ("Treasury Secretary", "Labor Secretary"),
    "Labor Secretary": ("Commerce Secretary", "Education Secretary"),
    "Education Secretary": ("Labor Secretary", "Energy Secretary"),
    "Energy Secretary": ("Transportation Secretary", "Education Secretary"),
    "Transportation Secretary": ("Energy Secretary", "Commerce Secretary"),
    "White House Press Secretary": ("White House Chief of Staff", "National Security Adviser"),
    "White House Chief of Staff": ("White House Press Secretary", "National Security Adviser"),
    "Press Secretary": ("Chief of Staff",),
    "Chief of Staff": ("Press Secretary",),
    "National Security Adviser": ("White House Press Secretary", "Secretary of State"),
    "Prime Minister": ("President", "Foreign Minister"),
    "Foreign Minister": ("Prime Minister", "Defense Minister"),
    "Defense Minister": ("Foreign Minister", "Prime Minister"),
    "Chancellor": ("Prime Minister", "Foreign Minister"),
    "Chief Justice": ("Justice",),
    "Justice": ("Chief Justice",),
}
PROPER_TITLE_WORDS = {"Senate", "House", "White"}  # stay capitalised in AP lower-case titles
_BY_LENGTH = sorted(ROLE_SWAPS, key=len, reverse=True)
_TITLE_ALT = "|".join(re.escape(t) for t in _BY_LENGTH)
TITLE_BEFORE = re.compile(rf"(?<![\w.])({_TITLE_ALT})[ \u00a0]+$")
TITLE_AT = re.compile(rf"({_TITLE_ALT})[ \u00a0]+(?=[A-Z])")
_FULL_WORD_TITLES = "|".join(re.escape(t) for t in _BY_LENGTH if not t.endswith("."))
TITLE_AFTER = re.compile(rf"\s*,\s+(?:the\s+|a\s+)?(?:former\s+|then-)?({_FULL_WORD_TITLES})\b", re.IGNORECASE)


def lower_title(title: str) -> str:
    """AP style after a name: ``the Senate majority leader``, ``the White House press secretary``."""
    return " ".join(w if w in PROPER_TITLE_WORDS else w.lower() for w in title.split())


def _canonical_title(written: str) -> str | None:
    for t in ROLE_SWAPS:
        if t.lower() == written.lower():
            return t
    return None


def _name_parts(name: str) -> tuple[str, str]:
    name = re.sub(r"[’']s$", "", name.strip())
    return name, name.split()[-1] if name.split() else name


def role_edits(doc: Any, rng: random.Random) -> list[Edit]:
    text: str = doc.text
    out: list[Edit] = []
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        start, end = ent.start_char, ent.end_char
        inside = TITLE_AT.match(text, start, end)
        if inside and inside.end() < end:  # the model put the title inside the entity
            title_start, title, start = start, inside.group(1), inside.end()
        else:
            before = TITLE_BEFORE.search(text, max(0, start - 60), start)
            title_start, title = (before.start(1), before.group(1)) if before else (-1, "")
        name, _ = _name_parts(text[start:end])
        if not name:
            continue
        sent = (ent.sent.start_char, ent.sent.end_char)
        if title:
            new = rng.choice(ROLE_SWAPS[title])
            out.append(_edit("role", title_start, title, new, f"{title}|{name}", sent))
            continue
        after = TITLE_AFTER.match(text, end)
        if not after:
            continue
        rest = text[after.end() : after.end() + 2]
        if rest[:1] in ("'", "’") or (len(rest) > 1 and rest[0] == " " and rest[1].isupper()):
            continue  # "the president's", or the title of the next name in a list
        written = after.group(1)
        canonical = _canonical_title(written)
        if canonical is None:
            continue
        new = rng.choice(ROLE_SWAPS[canonical])
        if written == lower_title(written) and written != canonical:
            new = lower_title(new)
        out.append(_edit("role", after.start(1), written, new, f"{canonical}|{name}", sent))
    return out


# negation ---------------------------------------------------------------------------------------------

NEGATIVE_WORDS = {
    "not",
    "n't",
    "never",
    "no",
    "nobody",
    "nothing",
    "none",
    "neither",
    "nor",
    "without",
    "deny",
    "denied",
    "denies",
    "denying",
    "refused",
    "refuses",
    "rejected",
    "rejects",
}
SPEECH_LEMMAS = {"say", "tell", "claim", "insist", "argue", "announce", "state", "report", "write", "add"}
DENY_FORMS = {"VBD": "denied", "VBZ": "denies"}
DO_SUPPORT = {"VBD": "did", "VBZ": "does", "VBP": "do"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj"}
CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}


def content_lemmas(tokens: Iterable[Any]) -> set[str]:
    """Lower-case lemmas of the content words (nouns, names, verbs, adjectives, numbers; no stop words)."""
    return {
        t.lemma_.lower()
        for t in tokens
        if t.pos_ in CONTENT_POS and not t.is_stop and (t.is_alpha or t.like_num) and len(t.text) > 1
    }


def _negate_clause(verb: Any) -> tuple[Any, str] | None:
    """(token to replace, its replacement) negating the finite clause headed by ``verb``, or None."""
    if not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    if auxes:
        aux = auxes[0]
        if aux.tag_ == "TO" or not aux.text.isalpha():  # infinitive, or a contraction ("'ll", "'s")
            return None
        return aux, f"{aux.text} not"
    if verb.lemma_ == "be" and verb.tag_ in DO_SUPPORT and verb.text.isalpha():
        return verb, f"{verb.text} not"
    if verb.pos_ == "VERB" and verb.tag_ in DO_SUPPORT and verb.text.isalpha() and verb.lemma_.isalpha():
        do = DO_SUPPORT[verb.tag_]
        if verb.text[0].isupper():
            do = do.capitalize()
        return verb, f"{do} not {verb.lemma_.lower()}"
    return None


def negation_edits(doc: Any) -> list[Edit]:
    out: list[Edit] = []
    for sent in doc.sents:
        words = [t for t in sent if t.is_alpha]
        if len(words) < 6 or "?" in sent.text or any(t.dep_ == "neg" or t.lower_ in NEGATIVE_WORDS for t in sent):
            continue
        span = (sent.start_char, sent.end_char)
        key = " ".join(sorted(content_lemmas(sent)))
        root = sent.root
        targets = [root]
        if root.lemma_ in SPEECH_LEMMAS:
            ccomps = [c for c in root.children if c.dep_ == "ccomp"]
            targets = ccomps[:1]
            if ccomps and root.lemma_ == "say" and root.tag_ in DENY_FORMS and ccomps[0].i > root.i:
                out.append(_edit("negation", root.idx, root.text, DENY_FORMS[root.tag_], key, span))
        for verb in targets:
            neg = _negate_clause(verb)
            if neg is not None:
                tok, new = neg
                out.append(_edit("negation", tok.idx, tok.text, new, key, span))
    return out


# dates ------------------------------------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
MONTH_ABBR = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
MONTH_INDEX = {m: k for k, m in enumerate(MONTHS)} | {m: k for k, m in enumerate(MONTH_ABBR)} | {"Sep.": 8}
_MONTH_ALT = "|".join(re.escape(m) for m in sorted(MONTH_INDEX, key=len, reverse=True))
MONTH_DAY = re.compile(rf"(?<![\w.])({_MONTH_ALT})[ \u00a0]+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![,.]?\d)")
YEAR = re.compile(r"^(?:19[5-9]\d|20[0-4]\d)$")


def date_edits(doc: Any, rng: random.Random) -> list[Edit]:
    text: str = doc.text
    out: list[Edit] = []
    for tok in doc:
        if tok.ent_type_ != "DATE":
            continue
        if tok.text in WEEKDAYS:
            new = WEEKDAYS[(WEEKDAYS.index(tok.text) + rng.choice((2, 3, 4, 5))) % 7]
            out.append(_edit("date", tok.idx, tok.text, new, tok.text, _sent_span(tok)))
        elif YEAR.match(tok.text) and text[tok.idx + len(tok) : tok.idx + len(tok) + 1] not in ("-", "/", "–"):
            new = str(int(tok.text) - rng.choice((2, 3, 4)))
            out.append(_edit("date", tok.idx, tok.text, new, tok.text, _sent_span(tok)))
    for m in MONTH_DAY.finditer(text):
        month_tok = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        day = int(m.group(2))
        if month_tok is None or month_tok[0].ent_type_ != "DATE" or not 1 <= day <= 31:
            continue
        shift = rng.choice((3, 4, 5, 6, 7))
        new_day = day + shift if day + shift <= 28 else day - shift
        key = f"{MONTH_INDEX[m.group(1)]}-{day}"
        out.append(_edit("date", m.start(2), m.group(2), str(new_day), key, _sent_span(month_tok[0])))
    return out


def all_edits(doc: Any, rng: random.Random) -> dict[str, list[Edit]]:
    """Every candidate edit of one article, by kind (same order on every run; values drawn from ``rng``)."""
    edits = {
        "number": number_edits(doc, rng),
        "role": role_edits(doc, rng),
        "negation": negation_edits(doc),
        "date": date_edits(doc, rng),
    }
    # one edit per character position: a number inside a date expression etc. stays with the first kind
    seen: set[int] = set()
    for kind in KINDS:
        kept = []
        for e in edits[kind]:
            if not seen.intersection(range(e.start, e.end)):
                kept.append(e)
                seen.update(range(e.start, e.end))
        edits[kind] = kept
    return edits


# inplace support --------------------------------------------------------------------------------------


def states_same_value(edit: Edit, other_text: str, other_doc: Any) -> bool:
    """Does another outlet's article state the value ``edit`` changes (see the module docstring)?"""
    if edit.kind == "number":
        flags = re.IGNORECASE if edit.key.isalpha() else 0
        pattern = rf"(?<![\w.,/\-]){re.escape(edit.key)}(?![\w/\-]|[.,]\d)"
        return re.search(pattern, other_text, flags) is not None
    if edit.kind == "role":
        title, name = edit.key.split("|", 1)
        full, last = _name_parts(name)
        names = "|".join(re.escape(n) for n in dict.fromkeys((full, last)))
        # every title before / after the name, longest first, so "Vice President X" is not "President X"
        before = rf"(?<![\w.])(?i:({_TITLE_ALT}))[ \u00a0]+(?:[A-Z][\w.'’\-]*[ \u00a0]+)*?(?:{names})\b"
        after = rf"\b(?:{names})\s*,\s+(?:the\s+|a\s+)?(?:former\s+)?(?i:({_TITLE_ALT}))\b"
        return any(
            _canonical_title(m.group(1)) == title
            for pattern in (before, after)
            for m in re.finditer(pattern, other_text)
        )
    if edit.kind == "date":
        if "-" in edit.key:
            month, day = (int(x) for x in edit.key.split("-"))
            return any(
                MONTH_INDEX[m.group(1)] == month and int(m.group(2)) == day for m in MONTH_DAY.finditer(other_text)
            )
        return re.search(rf"\b{re.escape(edit.key)}\b", other_text) is not None
    if edit.kind == "negation":
        target = set(edit.key.split())
        if len(target) < 3:
            return False
        return any(len(target & content_lemmas(s)) >= 0.5 * len(target) for s in other_doc.sents)
    raise ValueError(edit.kind)


def supporting_articles(edit: Edit, others: Sequence[tuple[str, str, Any]]) -> list[str]:
    """Ids of the other articles ``(id, text, doc)`` that state the value ``edit`` changes."""
    return [aid for aid, text, doc in others if states_same_value(edit, text, doc)]


PAIR_WORDS = 6  # content words besides the value that a paired sentence shares with the edited one


def paired_sentence(edit: Edit, doc: Any, others: Sequence[tuple[str, str, Any]]) -> bool:
    """Does another article ``(id, text, doc)`` state the value in a sentence a reader would set beside the edited
    one: one sentence of it states the value and shares ``PAIR_WORDS`` or more other content words (and a fifth of
    the shorter sentence's) with the edited sentence of ``doc`` (the original article)? A diagnostic of the inplace
    mode, independent of any detector: the mode itself asks only that the value appear somewhere in the other."""
    span = doc.char_span(edit.sent[0], edit.sent[1], alignment_mode="expand")
    if span is None:
        return False
    value = {w.lower() for w in re.findall(r"\w+", edit.old)}
    mine = content_lemmas(span) - value
    for _aid, _text, other in others:
        for sent in other.sents:
            if not states_same_value(edit, sent.text, sent):
                continue
            theirs = content_lemmas(sent) - value
            shared = len(mine & theirs)
            if shared >= PAIR_WORDS and shared >= 0.3 * min(len(mine), len(theirs)):
                return True
    return False


# --------------------------------------------------------------------------------------------- planting


@dataclass
class Planted:
    """One planted contradiction: ``edit`` applied to article ``target_id``'s text, run as ``perturbed_id``."""

    story_id: str
    mode: str
    kind: str
    edit: Edit
    target_id: str
    perturbed_id: str  # "{story}-pert" in copy mode, the target's own id in inplace mode
    text: str  # the perturbed article
    support: list[str] = field(default_factory=list)  # other outlets stating the original value
    paired: bool = False  # inplace: another outlet states the value in a sentence that pairs with the edited one

    @property
    def mark(self) -> Span:
        return self.edit.mark

    def original_text(self) -> str:
        e = self.edit
        return self.text[: e.start] + e.old + self.text[e.start + len(e.new) :]

    def record(self) -> dict[str, Any]:
        s0, s1 = self.edit.new_sent
        return {
            "story": self.story_id,
            "mode": self.mode,
            "kind": self.kind,
            "target": self.target_id,
            "perturbed_id": self.perturbed_id,
            "old": self.edit.old,
            "new": self.edit.new,
            "mark": list(self.mark),
            "sentence": self.text[s0:s1],
            "original_sentence": self.original_text()[self.edit.sent[0] : self.edit.sent[1]],
            "support": self.support,
            "paired": self.paired,
            "edit": asdict(self.edit),
        }


@dataclass
class StoryPlan:
    story_id: str
    applicable: dict[str, set[str]]  # mode -> kinds with at least one usable edit
    planted: dict[str, Planted | None]  # mode -> the chosen perturbation (None: nothing applies)


def plan_story(
    story_id: str, articles: Sequence[tuple[str, str, Any]], seed: int, edits: Mapping[str, dict[str, list[Edit]]]
) -> StoryPlan:
    """Choose one perturbation per mode: a kind uniformly among those that apply, then one of its edits.

    ``articles`` = ``(id, text, doc)`` of the story, ``edits`` = ``all_edits`` of each article id.
    """
    candidates: dict[str, dict[str, list[tuple[str, Edit, list[str]]]]] = {m: {k: [] for k in KINDS} for m in MODES}
    for aid, _text, _doc in articles:
        others = [a for a in articles if a[0] != aid]
        for kind in KINDS:
            for e in edits[aid][kind]:
                candidates["copy"][kind].append((aid, e, []))
                support = supporting_articles(e, others)
                if support:
                    candidates["inplace"][kind].append((aid, e, support))
    texts = {aid: text for aid, text, _ in articles}
    plan = StoryPlan(story_id, {}, {})
    for mode in MODES:
        kinds = [k for k in KINDS if candidates[mode][k]]
        plan.applicable[mode] = set(kinds)
        if not kinds:
            plan.planted[mode] = None
            continue
        rng = random.Random(f"{seed}:{story_id}:{mode}")
        kind = rng.choice(kinds)
        aid, e, support = rng.choice(candidates[mode][kind])
        pid = f"{story_id}-pert" if mode == "copy" else aid
        paired = mode == "inplace" and paired_sentence(
            e, next(d for i, _, d in articles if i == aid), [a for a in articles if a[0] in support]
        )
        plan.planted[mode] = Planted(story_id, mode, kind, e, aid, pid, e.apply(texts[aid]), support, paired)
    return plan


# ---------------------------------------------------------------------------------------------- scoring


def evidence_spans(contradiction: Mapping[str, Any]) -> list[tuple[str, int, int]] | None:
    """``(article_id, start, end)`` of every evidence span, or None when the record is malformed."""
    out: list[tuple[str, int, int]] = []
    try:
        for pos in contradiction.get("positions") or []:
            for ev in pos.get("evidence") or []:
                out.append((str(ev["article_id"]), int(ev["start"]), int(ev["end"])))
    except (AttributeError, KeyError, TypeError, ValueError):
        return None
    return out


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def touches(contradiction: Mapping[str, Any], article_id: str, mark: Span) -> bool:
    return any(aid == article_id and overlaps((s, e), mark) for aid, s, e in evidence_spans(contradiction) or [])


def is_hit(contradiction: Mapping[str, Any], article_id: str, mark: Span) -> bool:
    """Evidence in ``article_id`` overlapping ``mark`` and evidence in some other article."""
    spans = evidence_spans(contradiction) or []
    return any(a == article_id and overlaps((s, e), mark) for a, s, e in spans) and any(
        a != article_id for a, _, _ in spans
    )


def links(contradiction: Mapping[str, Any], a: str, b: str, kind: str | None = None) -> bool:
    """Has evidence in both articles ``a`` and ``b`` (and is of ``kind``, when given)."""
    if kind is not None and contradiction.get("kind") != kind:
        return False
    ids = {aid for aid, _, _ in evidence_spans(contradiction) or []}
    return a in ids and b in ids


@dataclass
class PerturbedScore:
    hit: bool
    kind_right: bool
    false_alarms: list[dict[str, Any]]
    one_sided: int
    duplicates: int
    malformed: int


def score_perturbed(contradictions: Sequence[Mapping[str, Any]], planted: Planted) -> PerturbedScore:
    expected = EXPECTED_KIND[planted.kind]
    hits = [c for c in contradictions if is_hit(c, planted.perturbed_id, planted.mark)]
    touching = [c for c in contradictions if touches(c, planted.perturbed_id, planted.mark)]
    return PerturbedScore(
        hit=bool(hits),
        kind_right=any(c.get("kind") == expected for c in hits),
        false_alarms=[dict(c) for c in contradictions if not touches(c, planted.perturbed_id, planted.mark)],
        one_sided=len(touching) - len(hits),
        duplicates=max(0, len(hits) - 1),
        malformed=sum(evidence_spans(c) is None for c in contradictions),
    )


def score_control(contradictions: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Every contradiction on an untouched story is a false alarm."""
    return [dict(c) for c in contradictions]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def binary_scores(gold: Sequence[bool], pred: Sequence[bool]) -> dict[str, float | int]:
    """P/R/F1 of the positive class, F1 of the negative class, their macro mean, accuracy, counts."""
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    tn = len(gold) - tp - fp - fn
    p, r, f1 = prf(tp, fp, fn)
    _, _, f1_neg = prf(tn, fn, fp)
    return {
        "p": p,
        "r": r,
        "f1": f1,
        "f1_neg": f1_neg,
        "macro_f1": (f1 + f1_neg) / 2,
        "acc": (tp + tn) / len(gold) if gold else 0.0,
        "n": len(gold),
        "n_pos": tp + fn,
        "n_pred": tp + fp,
        "tp": tp,
    }


DENIAL_WORD = re.compile(r"\b(?:deny|denied|denies|not|no|never|false|reject|rejects|rejected)\b|n['’]t\b", re.I)


def has_denial_word(text: str) -> bool:
    """The word baseline: deny/denied/denies/not/no/never/false/reject(s/ed), or a contraction in n't."""
    return DENIAL_WORD.search(text) is not None


# ------------------------------------------------------------------------------------------- self-test


def selftest_scorer() -> None:
    """The scorer and the pure helpers on hand-made records (no spaCy needed)."""
    text = "Officials said 25 people were hurt."
    e = _edit("number", 15, "25", "50", "25", (0, len(text)))
    assert e.apply(text) == "Officials said 50 people were hurt." and e.mark == (15, 17)
    planted = Planted("s1", "copy", "number", e, "s1-left", "s1-pert", e.apply(text))
    assert planted.original_text() == text and planted.record()["original_sentence"] == text
    e2 = _edit("negation", 4, "would", "would not", "", (0, 20))
    assert e2.mark == (4, 13) and e2.new_sent == (0, 24)

    def contra(kind: str, *ev: tuple[str, int, int]) -> dict[str, Any]:
        return {
            "id": "c",
            "kind": kind,
            "subject": "x",
            "positions": [
                {"value": "v", "article_ids": [a], "evidence": [{"article_id": a, "start": s, "end": t}]}
                for a, s, t in ev
            ],
        }

    right = contra("number", ("s1-left", 15, 17), ("s1-pert", 15, 17))
    wrong_kind = contra("date", ("s1-left", 0, 30), ("s1-pert", 0, 30))
    elsewhere = contra("number", ("s1-left", 20, 25), ("s1-pert", 20, 25))
    one_sided = contra("number", ("s1-pert", 16, 17))
    adjacent = contra("number", ("s1-left", 15, 17), ("s1-pert", 17, 19))  # end-exclusive: no overlap
    s = score_perturbed([right], planted)
    assert s.hit and s.kind_right and not s.false_alarms, s
    s = score_perturbed([wrong_kind], planted)
    assert s.hit and not s.kind_right and not s.false_alarms, s
    s = score_perturbed([], planted)
    assert not s.hit and not s.false_alarms
    s = score_perturbed([elsewhere, one_sided, adjacent], planted)
    assert not s.hit and len(s.false_alarms) == 2 and s.one_sided == 1, s
    s = score_perturbed([right, right, {"kind": "number", "positions": [{"evidence": [{"start": 1}]}]}], planted)
    assert s.hit and s.duplicates == 1 and s.malformed == 1 and len(s.false_alarms) == 1, s
    assert score_control([right, elsewhere]) == [right, elsewhere]
    assert links(right, "s1-left", "s1-pert") and not links(right, "s1-left", "s1-pert", kind="denial")
    assert not links(one_sided, "s1-left", "s1-pert")
    b = binary_scores([True, True, False, False], [True, False, True, False])
    assert (b["p"], b["r"], b["f1"], b["macro_f1"], b["acc"]) == (0.5, 0.5, 0.5, 0.5, 0.5), b
    assert binary_scores([True, False], [True, True])["f1"] == 2 / 3
    assert has_denial_word("He denied it") and has_denial_word("It isn't so") and not has_denial_word("Nothing new")
    rng = random.Random(0)
    for old in ("25", "1,200", "3.5", "1", "2", "600", "0.5", "12.75", "2000"):
        for _ in range(20):
            new = scale_number(old, rng)
            assert new is not None and new != old, (old, new)
            v, w = float(old.replace(",", "")), float(new.replace(",", ""))
            assert abs(w - v) / v >= 0.3, (old, new)
            assert ("," in new) == (w >= 1000 and ("," in old or v < 1000)), (old, new)
            assert len(new.partition(".")[2]) == len(old.partition(".")[2]), (old, new)
    assert scale_number("0", rng) is None and scale_number("007", rng) is None
    assert number_word(24) == "twenty-four" and number_word(6) == "six" and number_word(40) == "forty"
    assert lower_title("Senate Majority Leader") == "Senate majority leader"
    assert lower_title("White House Press Secretary") == "White House press secretary"
