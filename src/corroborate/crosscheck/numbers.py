"""Quantities in a sentence, as intervals, with the thing they count.

"at least 14 people" is [14, inf) people; "about 3,000" is 3,000 give or take 15%; "hundreds" is [200, 1000),
"millions" [2 million, 1 billion); "two fifths" is 40 percent. Two reports of one quantity contradict only when
their intervals do not meet, so rounding, "about" and lower bounds never raise a false alarm.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace

WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12, "dozen": 12,
}  # fmt: skip
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "k": 1e3, "m": 1e6, "bn": 1e9}
VAGUE = {"dozens": (24, 100), "scores": (40, 100), "hundreds": (200, 1000), "thousands": (2000, 10000)}
# "millions of families" is written of 39 million as of 3 million: anything in the millions, short of billions
VAGUE |= {"tens of thousands": (20000, 100000), "hundreds of thousands": (200000, 1e6), "millions": (2e6, 1e9)}
FRACTIONS = {"half": 50, "a third": 100 / 3, "one third": 100 / 3, "two thirds": 200 / 3, "a quarter": 25}
FRACTIONS |= {"one quarter": 25, "three quarters": 75, "one fifth": 20, "a fifth": 20, "two fifths": 40}
FRACTIONS |= {"three fifths": 60, "four fifths": 80}
# words that say how many or which, not what is counted ("500 million additional doses" are doses)
NOT_KINDS = {"additional", "more", "new", "other", "extra", "further", "total", "overall", "least", "first", "last"}
NOT_KINDS |= {"latest", "some", "many", "few", "several", "estimated", "about", "nearly", "roughly", "only", "just"}
TO_COUNTED = {"nummod", "quantmod", "compound", "amod", "nmod", "det", "pobj", "advmod", "prep"}  # number -> noun
TALLY_NOUNS = {"number", "toll", "total", "count", "tally", "figure", "reading"}
APPROX = r"about|around|roughly|some|nearly|almost|approximately|an estimated|estimated|close to|just under|just over"
LOWER = r"at least|more than|over|upwards of|no fewer than|no less than|in excess of"
CAPS = r"up to|at most|no more than"  # the most a plan or limit allows; the other upper bounds bound a count
UPPER = rf"{CAPS}|fewer than|less than|under"
_WORD_NUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|"
    r"eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|a dozen|dozen)"
)
NUMBER_RE = re.compile(
    rf"(?P<mod>\b(?:{APPROX}|{LOWER}|{UPPER})\s+)?"
    rf"(?P<cur>[$€£]\s?)?"
    rf"(?:(?P<num>\d{{1,3}}(?:,\d{{3}}|, 0\d\d(?!\d))+(?:\.\d+)?|\d+(?:\.\d+)?)"  # "21, 000": tokenised text
    rf"|(?P<frac>\b(?:half|a third|one third|two thirds|a quarter|one quarter|three quarters|one fifth|a fifth|"
    rf"two fifths|three fifths|four fifths)\b)"
    rf"|(?P<vague>\b(?:tens of thousands|hundreds of thousands|dozens|scores|hundreds|thousands|millions)\b)"
    rf"|(?P<word>\b{_WORD_NUM}\b))"
    rf"(?:\s*(?P<scale>thousand|million|billion|trillion|bn|k|m)\b)?"
    rf"(?:\s*(?P<unit>%|percent|per cent|percentage points?|dollars|euros|pounds))?",
    re.I,
)
# digits that are not counts: years, times, ordinals, dates, phone-like strings
_NOT_COUNT_AFTER = re.compile(
    r"^(?:st|nd|rd|th|:\d|:\s\d|[-/]\d|\s*(?:a\.\s?m|p\.\s?m|am\b|pm\b|GMT|UTC))", re.I
)  # "3:30 p.m.", and tokenised text's "3: 30 p. m."
_TIME_BEFORE = re.compile(r"\d:\s$")  # the minutes of tokenised text's "3: 30"
# a day of a month written day first: "on 27 December", "the 20th of December"
_MONTH_AFTER = re.compile(  # a month's name as written, not "27 Marines" or "5 may"
    r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?(?!\w)"
)
# "a 25-year-old man": an age, which names a person; also as tokenised text spaces it ("a 25 - year - old man")
_AGE_AFTER = re.compile(r"^(?:-| - | )years?(?:-| - | )old\b", re.I)
_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$|(?:no\.|number|page|article)\s*$",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    text: str
    low: float
    high: float
    unit: str  # percent | money:$ | count
    noun: str  # lemma of what is counted ("people", "militant"), "" when unknown
    exact: bool  # a plain figure with no hedge
    hedge: str = ""  # "" (exact), approx, lower ("at least"), upper ("up to"), vague ("hundreds")
    point: float = 0.0  # the figure as written, before its hedge widens it
    kind_of: frozenset[str] = frozenset()  # the counted noun's modifiers ("infrastructure" package)
    frames: frozenset[str] = frozenset()  # forecast, subset ("including nine"), world, increment ("100 more"), when
    predicate: str = ""  # lemma of the verb it is the subject of ("37.3% of adults were fully vaccinated")
    noun_text: str = ""  # the counted noun as written, lower-cased ("doses", whose lemma the tagger gives as "dos")
    anchor: frozenset[str] = frozenset()  # a distance's reference: "from Napa" (napa), "a depth of" (depth)

    @property
    def value(self) -> str:
        return self.text.strip()


def _hedge(mod: str) -> str:
    mod = mod.lower().strip()
    if not mod:
        return ""
    if re.fullmatch(LOWER, mod):
        return "lower"
    if re.fullmatch(UPPER, mod):
        return "upper"
    return "approx"


def _interval(value: float, mod: str, exact_tolerance: float) -> tuple[float, float]:
    mod = mod.lower().strip()
    if not mod:
        return value * (1 - exact_tolerance), value * (1 + exact_tolerance)
    if re.fullmatch(LOWER, mod):
        return value, math.inf
    if re.fullmatch(UPPER, mod):
        return 0.0, value
    return value * 0.85, value * 1.15  # about, roughly, nearly, ...


def _word_value(word: str) -> float:
    word = word.lower().replace("-", " ")
    if word in WORDS:
        return WORDS[word]
    parts = word.split()
    return sum(WORDS.get(p, 0) for p in parts)


def find_quantities(text: str, doc=None, offset: int = 0) -> list[Quantity]:
    """Quantities in ``text`` (a sentence); with its spaCy span ``doc`` the counted noun is found from the parse.

    ``offset`` is added to the returned character offsets (the sentence's place in the article).
    """
    out: list[Quantity] = []
    for m in NUMBER_RE.finditer(text):
        g = m.groupdict()
        mod = g["mod"] or ""
        if g["num"]:
            range_end = (  # "5-10%", "140-150 million": the upper bound of a range (joined below)
                text[max(0, m.start("num") - 2) : m.start("num")][:1].isdigit()
                and text[m.start("num") - 1] in "-–"
                and (g["unit"] or g["scale"])
            )
            if (
                (
                    text[max(0, m.start("num") - 1) : m.start("num")] in (":", "/", "-", "#")
                    or _TIME_BEFORE.search(text[max(0, m.start("num") - 4) : m.start("num")])
                )
                and not range_end
                or _NOT_COUNT_AFTER.match(text[m.end("num") : m.end("num") + 5])
                or _MONTH_BEFORE.search(text[max(0, m.start("num") - 12) : m.start("num")])
                or _MONTH_AFTER.match(text[m.end("num") : m.end("num") + 14])
            ):
                continue
            raw = g["num"].replace(",", "").replace(" ", "")
            if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
                continue  # "000" or "007": a code or a piece of a split figure, not a count
            value = float(raw)
            if not g["cur"] and not g["unit"] and not g["scale"] and "." not in raw and 1900 <= value <= 2100:
                continue  # a year
            value *= SCALES.get((g["scale"] or "").lower(), 1)
            low, high = _interval(value, mod, 0.005)
            exact = not mod
        elif g["word"]:
            value = _word_value(g["word"]) * SCALES.get((g["scale"] or "").lower(), 1)
            if value == 1 and not g["unit"] and not g["scale"]:
                continue  # "one of the ...": rarely a count worth comparing
            low, high = _interval(value, mod, 0.0)
            exact = not mod
        elif g["vague"]:
            low, high = VAGUE[g["vague"].lower()]
            exact = False
        else:
            value = FRACTIONS[g["frac"].lower()]
            low, high = _interval(value, mod or "about", 0)
            exact = False
        unit = "age" if _AGE_AFTER.match(text[m.end() : m.end() + 16]) else "count"
        if g["unit"]:
            u = g["unit"].lower()
            unit = "percent" if ("%" in u or "percent" in u or "per cent" in u) else ("money:" + u)
        elif g["frac"]:
            unit = "percent"
        if g["cur"]:
            unit = "money:" + g["cur"].strip()
        start, end = m.start(), m.end()
        if g["mod"]:
            start = m.start("mod")
        hedge = _hedge(mod) if not g["vague"] else "vague"
        point = low if hedge == "vague" else value
        out.append(Quantity(start + offset, end + offset, text[start:end], low, high, unit, "", exact, hedge, point))
    out = _conversions_dropped(text, _ranges_joined(text, out, offset), offset)
    if doc is not None and out:
        out = [_with_predicate(_with_frames(_with_measured_noun(_with_noun(q, doc), doc), doc), doc) for q in out]
    return _tallies(text, out, offset)


# a vote or a ruling's split: "voted 220-190", "222-to-190", "by a vote of 220 to 190", "a 6-3 ruling"; not a
# boxer's record ("Gene Pukall (14-13-2)")
_TALLY = re.compile(
    r"(?<![\d.,$–-])(?P<a>\d{1,3})\s?(?:-|–|—|-to-|\s+to\s+)\s?(?P<b>\d{1,3})"
    r"(?![\d%]|[.,]\d|\s*(?:percent|%)|\s?[-–]\s?\d)"
)
_VOTE_BEFORE = re.compile(
    r"\b(?:vot(?:e|ed|es|ing)|rul(?:ed|ing)|decision|margin|majority|passed|approved|confirmed|rejected|split|tally|"
    r"ballot|roll call|upheld|struck|sided|acquitted|convicted)\b[^.;:]{0,40}$",
    re.I,
)
_VOTE_AFTER = re.compile(r"^\s*(?:\w+\s+){0,2}?(?:votes?|vote\b|ruling|decision|majority|margin|split|tally)\b", re.I)
_NOT_TALLY_BEFORE = re.compile(
    r"\b(?:ages?|aged|between|from|children|kids|grades?|scores?|won|lost|beat|defeated)\s*$", re.I
)
_NOT_TALLY_AFTER = re.compile(
    r"^\s*(?:-?\s*years?|-?\s*year-olds?|months?|weeks?|days?|hours?|minutes?|seconds?|points?|percent|%|million|"
    r"billion|thousand|inches|feet|miles|degrees|people|players|games|wins|losses|record|win|loss|victory|defeat)\b",
    re.I,
)
TALLY_BASE = 1000  # a tally "a-b" is kept as the one figure a * TALLY_BASE + b


def _tallies(text: str, found: list[Quantity], offset: int) -> list[Quantity]:
    """A vote's or a ruling's tally is one figure ("220-190", "6-3"), compared only as a whole: not two counts, and
    not a range (a sports score, "won 24-21", is neither)."""
    for m in _TALLY.finditer(text):
        before, after = text[max(0, m.start() - 60) : m.start()], text[m.end() : m.end() + 40]
        if _NOT_TALLY_BEFORE.search(before) or _NOT_TALLY_AFTER.match(after):
            continue  # "approved for children ages 5-11", "voted for 10-15 minutes", "won 24-21"
        if not (_VOTE_BEFORE.search(before) or _VOTE_AFTER.match(after)):
            continue
        a, b = int(m.group("a")), int(m.group("b"))
        start, end = m.start() + offset, m.end() + offset
        found = [q for q in found if not (q.start < end and start < q.end)]
        point = float(a * TALLY_BASE + b)
        found.append(Quantity(start, end, m.group(0), point, point, "tally", "vote", True, "", point))
    return sorted(found, key=lambda q: q.start)


FORECAST_VERBS = {"expect", "anticipate", "forecast", "predict", "project", "estimate", "eye", "foresee"}
FORECAST_NOUNS = {"forecast", "expectation", "projection", "prediction", "estimate", "consensus"}
INCREMENT_WORDS = {"more", "additional", "extra", "another", "further"}
WORLD_WORDS = {"global", "globally", "worldwide"}  # not "world": "to give to the rest of the world"
TIME_SPANS = {"second", "minute", "hour", "day", "week", "month", "year", "decade"}  # counted time: a span
TIME_ANCHORS = {"after", "later", "before", "earlier", "ago", "since"}  # "six months after", "after five months"


def _tokens_of(q: Quantity, span) -> list:
    """The tokens of ``span`` that write the quantity ("$", "140", "million")."""
    return [t for t in span if q.start <= t.idx < q.end]


def _with_frames(q: Quantity, span) -> Quantity:
    """How a figure is framed: "forecast" when it is what someone expected ("the nearly 1 million jobs economists
    expected", "forecasters had anticipated that the economy would add nearly 1 million jobs"), "subset" when it is
    a part named inside another figure ("at least 28 Palestinians, including nine children"), "world" when its
    sentence counts the world ("the global tally of confirmed cases climbed above 221 million"), "increment" when it
    is added to a total ("100 million more doses", "an additional 400 million doses")."""
    inside = _tokens_of(q, span)
    if not inside:
        return q
    frames = set()
    head = inside[-1]
    for _ in range(8):
        lemma = head.lemma_.lower()
        if head.lower_ == "including" or (head.dep_ == "pobj" and head.head.lower_ == "including"):
            frames.add("subset")
        if head.pos_ == "NOUN" and (
            lemma in FORECAST_NOUNS
            or any(c.dep_ == "relcl" and c.lemma_.lower() in FORECAST_VERBS for c in head.children)
        ):
            frames.add("forecast")  # "the consensus forecast of 1 million", "the 1 million jobs economists expected"
        if head.pos_ in ("VERB", "AUX") and not (q.start <= head.idx < q.end):
            if lemma in FORECAST_VERBS and not any(c.dep_ == "xcomp" for c in head.children):
                frames.add("forecast")  # not "officials expect the toll of 14 to rise": 14 is the toll now
            elif (
                head.dep_ in ("ccomp", "xcomp")
                and head.head.lemma_.lower() in FORECAST_VERBS
                and (head.tag_ in ("VB", "VBG") or any(c.lower_ in ("would", "will") for c in head.children))
            ):
                frames.add("forecast")  # "had anticipated that the economy would add ...", "forecast payrolls rising"
            break
        if head.head is head:
            break
        head = head.head
    last = inside[-1]
    counted = last.head if last.dep_ in ("nummod", "compound", "quantmod") else None
    after = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if (counted is not None and any(c.lower_ in INCREMENT_WORDS for c in counted.children)) or (
        after is not None and after.lower_ in ("more", "additional", "extra")
    ):
        frames.add("increment")  # "100 million more doses", "an additional 400 million doses": added to a total
    if counted is not None and counted.lemma_.lower() in TIME_SPANS and counted.head.lower_ in TIME_ANCHORS:
        frames.add("when")  # "falls below 50 percent after five months", "47% six months later": when a measure is
        # taken, not what is measured
    if any(t.lower_ in WORLD_WORDS for t in span) or re.search(
        r"(?i)\b(?:around|across) the (?:world|globe)\b", span.text
    ):
        frames.add("world")
    return replace(q, frames=frozenset(frames)) if frames else q


def _with_measured_noun(q: Quantity, span) -> Quantity:
    """A span written into a noun ("an eight-year path", "a 10-day quarantine") measures that noun: its noun is
    "year path", not "year", so it is not set against "the biggest surge in 20 years"."""
    if q.noun not in TIME_SPANS:
        return q
    # "eight-year", or "10 - year" as tokenised text writes it
    unit = next((t for t in span if q.end < t.idx <= q.end + 3 and t.lemma_.lower() == q.noun), None)
    joined = unit is not None and unit.i > 0 and unit.nbor(-1).text == "-"
    if joined and unit.dep_ in ("compound", "amod", "nmod") and unit.head.pos_ == "NOUN":
        return replace(q, noun=f"{q.noun} {unit.head.lemma_.lower()}")
    return q


def _with_predicate(q: Quantity, span) -> Quantity:
    """The act a figure is the subject of, through the noun it counts: "37.3% of adults were fully vaccinated"
    (vaccinate), "12 people died" (die); after a verb of undergoing its object names it ("55% of adults have received
    a dose": dose, "two cables suffered severe damage": damage)."""
    inside = _tokens_of(q, span)
    if not inside or q.unit not in ("count", "percent"):
        return q  # "the $13 billion acquisition will help ...": an amount qualifies its noun, whatever that does
    head = inside[-1]
    while head.dep_ in ("nummod", "quantmod", "compound") and head.head is not head:
        head = head.head  # "12" -> "people"
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.pos_ == "VERB":
        verb = head.head
        lemma = verb.lemma_.lower()
        if lemma in UNDERGOING_VERBS:  # "two cables suffered severe damage": the act is the damage
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            lemma = obj.lemma_.lower() if obj is not None else lemma
        return replace(q, predicate=lemma)
    return q


# a subject that undergoes what the object names ("suffered damage", "received a dose"); not claims.LIGHT_VERBS,
# whose subject does the act ("made a transfer", "held a meeting")
UNDERGOING_VERBS = {
    "suffer",
    "sustain",
    "experience",
    "undergo",
    "have",
    "get",
    "take",
    "make",
    "receive",
    "see",
    "face",
}


# "$140-$150 million", "5-10%", "between 40 and 50 people", "2 to 3 million": one figure between two bounds
_RANGE_START = re.compile(
    r"(?i:\bbetween\s+)?(?P<cur>[$€£]\s?)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*$"
)
# "from 5 to 10 million", "revised down by 1,000 to 607,500", "rose 5 to 10": a change, not a range
_CHANGE_BEFORE = re.compile(
    r"\b(?:from|by|rose|fell|increased|decreased|grew|dropped|jumped|climbed|slid|up|down)\s+[$€£]?\s?[\d,.]+\s*$",
    re.I,
)
_SCALE_WORD = re.compile(rf"(?i)\b({'|'.join(SCALES)})\b")  # "million" in "$140-$150 million"
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")


def _ranges_joined(text: str, found: list[Quantity], offset: int) -> list[Quantity]:
    """A figure written as a range is one quantity from the lower bound to the upper: the upper's scale and unit
    apply to both ("$140-$150 million" is not $140). Not "from 5 to 10 million" (a change) or "8-1" (a score)."""
    out: list[Quantity] = []
    for q in found:
        start = q.start - offset
        m = None
        for join in re.finditer(r"(?:-|–|—|\bto\b|\band\b)", text[max(0, start - 4) : start]):
            m = join
        if m is None or q.hedge or not _RANGE_JOIN.match(text[max(0, start - 4) + m.start() : start]):
            out.append(q)
            continue
        left = text[: max(0, start - 4) + m.start()]
        lower = _RANGE_START.search(left)
        if lower is None or _CHANGE_BEFORE.search(left):
            out.append(q)
            continue
        is_and = m.group(0) == "and"
        if is_and != bool(re.match(r"between\b", lower.group(0), re.I)):
            out.append(q)
            continue  # "and" joins a range only after "between"
        value = float(lower.group("num").replace(",", ""))
        scale_word = _SCALE_WORD.search(q.text)
        scale = SCALES[scale_word.group(1).lower()] if scale_word else 1.0
        low = value * (scale if value * scale <= q.point else 1.0)
        if not low < q.point:
            out.append(q)
            continue  # "8-1", "220-212": a score or a tally, not a range
        begin = len(left) - len(lower.group(0)) + offset
        out = [x for x in out if not (begin <= x.start < q.start)]  # the lower bound read on its own
        unit = q.unit
        if lower.group("cur") and unit == "count":
            unit = "money:" + lower.group("cur").strip()  # "$140-150 million"
        out.append(
            replace(
                q,
                unit=unit,
                start=begin,
                text=text[begin - offset : q.end - offset],
                low=low * 0.98,
                high=q.point * 1.02,
                exact=False,
                hedge="range",
            )
        )
    return out


# "€110 billion (", "$US1m (": not a word that only ends in "m" ("the program ($5 billion)")
_AFTER_AN_AMOUNT = re.compile(r"(?:\d|(?<![A-Za-z])(?:million|billion|trillion|bn|m))\s*\(\s*(?:[A-Z]{1,3})?$")


def _conversions_dropped(text: str, found: list[Quantity], offset: int) -> list[Quantity]:
    """An amount in parentheses right after another amount is that amount in another currency ("€110 billion
    ($143 billion)", "$US1 million ($1.52 million)"): not a figure of its own."""
    out = []
    for q in found:
        before = text[max(0, q.start - offset - 16) : q.start - offset]
        if q.unit.startswith("money:") and _AFTER_AN_AMOUNT.search(before):
            continue
        out.append(q)
    return out


def _with_noun(q: Quantity, span) -> Quantity:
    """The noun the number counts: its syntactic head ("14 people", "3,000 residents", "$2,000 salary").

    Token offsets (``token.idx``) are the article's, as are the quantity's.
    """
    rate = _rate(q, span) if q.unit.startswith("money:") else None
    if rate:  # a price changes: one a past-tense clause gives ("we had gasoline under $2 a gallon") was another
        return replace(q, noun=rate + (" then" if _in_past_clause(q, span) else ""), kind_of=frozenset())
    for token in span:
        if not (q.start <= token.idx < q.end) or token.pos_ not in ("NUM", "NOUN", "SYM", "ADJ", "DET"):
            continue
        for child in token.children:  # "thousands of militants", "40 percent of traffic"
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")]
                if objs:
                    return replace(q, noun=objs[0].lemma_.lower())
        head = token
        for _ in range(3):
            # "750 million more doses": the number hangs on "more", which hangs on what is counted
            more = head.dep_ == "npadvmod" and head.head.lower_ in NOT_KINDS
            if head.dep_ not in TO_COUNTED and not more:
                break
            head = head.head
            if head.pos_ in ("NOUN", "PROPN") and not (q.start <= head.idx < q.end):
                kind_of = frozenset(
                    c.lemma_.lower()
                    for c in head.children
                    if c.dep_ in ("compound", "amod")
                    and c.is_alpha
                    and c.lemma_.lower() not in NOT_KINDS
                    and not (q.start <= c.idx < q.end)
                )
                anchor = _anchor(head) if head.lemma_.lower() in DISTANCES else frozenset()
                noun = head.lemma_.lower()
                of = head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
                if of is not None and of.head.lemma_.lower() in PLACES:  # "a town of about 17,000 people"
                    noun = f"{of.head.lemma_.lower()} population"
                written = head.lower_ if noun == head.lemma_.lower() else ""
                return replace(q, noun=noun, kind_of=kind_of, noun_text=written, anchor=anchor)
        verb = token.head.head if token.dep_ == "pobj" else token.head  # "has risen to 14"
        if token.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head  # "revised down by 1,000 to 607,500", "to" parsed under "by"
        if verb.pos_ in ("VERB", "AUX") and token.dep_ in ("pobj", "attr", "dobj"):
            for subj in verb.children:  # "the number of people killed ... has risen to at least 14"
                if subj.dep_ in ("nsubj", "nsubjpass") and subj.lemma_.lower() in TALLY_NOUNS:
                    counted = [
                        o
                        for p in subj.children
                        if p.dep_ == "prep" and p.lower_ == "of"
                        for o in p.children
                        if o.dep_ == "pobj"
                    ]
                    # a toll counts people; "last week's figure was revised to 405,000" does not say what it
                    # counts, but two reports of one figure revised, or risen, to a value are one figure
                    noun = counted[0].lemma_.lower() if counted else ("people" if subj.lemma_ == "toll" else "")
                    if not noun and token.dep_ == "pobj" and token.head.lower_ == "to":
                        noun = "#" + verb.lemma_.lower()
                    return replace(q, noun=noun)
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "npadvmod") and token.head.pos_ in ("VERB", "AUX"):
            return replace(q, noun="#" + token.head.lemma_.lower())
    return q


RATE_ARTICLES = {"per", "a", "an", "each"}
CHANGE_WORDS = {"higher", "lower", "more", "less", "cheaper", "dearer", "up", "down", "above", "below"}


def _rate(q: Quantity, span) -> str | None:
    """A price per unit: "$4.56 per gallon", "$15 an hour", "an average gallon costing drivers $3.04", "a barrel
    cost $80": "per gallon". Two prices of one unit are one figure whatever else the sentence says they are of."""
    inside = _tokens_of(q, span)
    if not inside:
        return None
    last = inside[-1]
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.lower_ in RATE_ARTICLES and nxt.i + 1 < len(nxt.doc):
        unit = nxt.nbor(1)
        if unit.pos_ == "NOUN" and unit.is_alpha:
            after = unit.nbor(1).lower_ if unit.i + 1 < len(unit.doc) else ""
            change = " change" if after in CHANGE_WORDS else ""  # "$1.08 per gallon higher than last year"
            return "per " + unit.lemma_.lower() + change
    for token in inside:  # "a gallon costing drivers $3.04": the money is what one of a unit costs
        verb = token.head
        if token.dep_ not in ("dobj", "attr", "npadvmod") or verb.lemma_.lower() != "cost":
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
            subjects.append(verb.head)
        for subj in subjects:
            if any(c.dep_ == "det" and c.lower_ in ("a", "an", "each", "per") for c in subj.children):
                return "per " + subj.lemma_.lower()
    return None


def _in_past_clause(q: Quantity, span) -> bool:
    """Is the quantity's clause in the simple past or past perfect ("had", "cost $2", "had been")?"""
    inside = _tokens_of(q, span)
    head = inside[0] if inside else None
    for _ in range(8):
        if head is None:
            return False
        if head.pos_ in ("VERB", "AUX") and head.dep_ != "acl":
            if head.tag_ == "VBD":
                return True
            return any(c.dep_ == "aux" and c.tag_ == "VBD" and c.lower_ == "had" for c in head.children)
        if head.head is head:
            return False
        head = head.head
    return False


PLACES = {"town", "city", "village", "country", "nation", "state", "county", "island", "region", "community"}
DISTANCES = {"mile", "kilometer", "kilometre", "km", "meter", "metre", "foot", "feet", "yard", "block", "inch"}
BEARINGS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "away", "off"}
BEARINGS |= {"north-northeast", "north-northwest", "south-southeast", "south-southwest", "offshore"}


def _anchor(unit, converted: bool = False) -> frozenset[str]:
    """What a distance is measured from or of: "50 miles from Pyongyang" (pyongyang), "130 miles north of the border"
    (north, border), "at a depth of 22 miles" (depth), "55 kilometers (34 miles) west of the town of Bireun" (west,
    town, bireun; the converted figure in parentheses too), "was 13 nautical miles from the Mysore" (mysore), "a
    15-nautical-mile radius" (radius), "the 11-inch Air" (air). Two distances from or of two things are two
    quantities."""
    words: set[str] = set()

    def objects(prep) -> set[str]:
        found = set()
        for o in prep.children:
            if o.dep_ == "pobj":
                found.add(o.lemma_.lower())
                for p in o.children:  # "the town of Bireun", "the main city of Manokwari"
                    if p.dep_ == "prep" and p.lower_ == "of":
                        found |= {x.lemma_.lower() for x in p.children if x.dep_ == "pobj"}
        return found

    head = unit.head
    if unit.dep_ == "npadvmod" and head is not unit:  # "50 miles from X", "130 miles north of X"
        if head.lower_ != "from":
            words.add(head.lemma_.lower())
        for prep in [head, *[c for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "from")]]:
            words |= objects(prep)
    elif unit.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":  # "a depth of 22 miles"
        words.add(head.head.lemma_.lower())
    elif unit.dep_ in ("compound", "amod") and head.pos_ in ("NOUN", "PROPN"):  # "a 15-nautical-mile radius"
        words.add(head.lemma_.lower())
    elif unit.dep_ == "appos" and head.lemma_.lower() in DISTANCES and not converted:  # "55 kilometers (34 miles)"
        return _anchor(head, converted=True)
    for child in unit.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):  # "13 nautical miles from the Mysore"
            words |= objects(child)
        elif child.lower_ in BEARINGS and child.dep_ in ("appos", "advmod", "npadvmod", "amod"):
            words.add(child.lower_)  # "55 kilometers ... west of the town of Bireun"
            for prep in child.children:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
                    words |= objects(prep)
    return frozenset(words)


def compatible(a: Quantity, b: Quantity, same_report: bool = False) -> bool:
    """Can both reports be true of one quantity? Intervals that meet, widened by 2% for rounding.

    With ``same_report`` (one sentence, reworded little), two bounds of the same sort ("more than 200" / "more
    than 100") report one figure and must agree on it; so must two caps anywhere ("up to 25 troops" / "up to 50").
    """
    if a.unit == "tally" or b.unit == "tally":
        return a.point == b.point  # "220-190" / "222-190": a vote has one count
    if (same_report and a.hedge == b.hedge and a.hedge in ("lower", "upper")) or (_cap(a) and _cap(b)):
        return abs(a.point - b.point) <= 0.02 * max(a.point, b.point)
    return (a.low <= b.high * 1.02 and b.low <= a.high * 1.02) or _rounded_alike(a, b)


# two reports of one count rarely differ twentyfold ("35" against "two" House Republicans on one vote is a
# conflict): figures further apart count two things ("3.7 million people" who identify as Native American /
# "about 204.3 million people" who described themselves as white)
FAR_APART = 20.0


def too_far_apart(a: Quantity, b: Quantity) -> bool:
    """Are two figures too far apart to be two reports of one quantity? More than ``FAR_APART`` times apart,
    neither a vague word ("hundreds" / "thousands" is a real disagreement of scale), and not the same digits in
    another scale: "$1.2 million" / "$1.2 billion" and "35" / "350" are a slip one report made, so they stay."""
    if a.unit == "tally" and b.unit == "tally":
        # one vote counted two ways differs by a few ("220-190" / "222-190", "6-3" / "5-4"); "48 to 50" (a bill
        # that failed on Monday) / "65-35" (the one passed on Thursday) are two votes
        (ya, na), (yb, nb) = divmod(int(a.point), TALLY_BASE), divmod(int(b.point), TALLY_BASE)
        return abs(ya - yb) + abs(na - nb) > max(4, 0.1 * max(ya + na, yb + nb))
    if a.hedge == "vague" or b.hedge == "vague" or min(a.point, b.point) <= 0:
        return False
    if max(a.point, b.point) / min(a.point, b.point) <= FAR_APART:
        return False
    return _digits(a.text) != _digits(b.text) or not _digits(a.text)


def _digits(text: str) -> str:
    """The significant digits a figure is written with ("1.2 billion" -> "12", "350" -> "35", "two" -> "")."""
    return "".join(ch for ch in text if ch.isdigit()).strip("0")


CAP = re.compile(rf"(?i)(?:{CAPS})\s")


def _cap(q: Quantity) -> bool:
    """The most a plan or a limit allows ("will send up to 25 troops"): two reports of it name one figure ("up to 50
    troops" says another), unlike two bounds of a count ("fewer than 100" / "fewer than 50" can both be true)."""
    return q.hedge == "upper" and CAP.match(q.text) is not None


_WRITTEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.(\d+))?|\d+(?:\.(\d+))?")


def _rounded_alike(a: Quantity, b: Quantity) -> bool:
    """Is one exact figure the other rounded to fewer decimals ("wages rose 3%" / "rose 3.1%", "2.6 million" /
    "2.55 million")? Both written in the same scale ("million"), the coarser one within half its last digit."""
    if not (a.exact and b.exact) or a.unit != b.unit:
        return False
    written = []
    for q in (a, b):
        m = _WRITTEN.search(q.text)
        if m is None:
            return False
        value = float(m.group(0).replace(",", ""))
        if not value:
            return False
        written.append((len(m.group(1) or m.group(2) or ""), value, q.point / value))
    (da, va, sa), (db, vb, sb) = sorted(written)
    if da == db or abs(sa - sb) > 1e-9 * max(sa, sb):
        return False
    return abs(va - vb) <= 0.5 * 10**-da + 1e-9


def comparable(a: Quantity, b: Quantity) -> bool:
    """Do both count the same kind of thing?"""
    if a.unit != b.unit:
        return False
    if a.kind_of and b.kind_of and not (a.kind_of & b.kind_of):
        return False  # "the infrastructure package" and "the spending package" are two packages
    if (a.anchor or b.anchor) and not (a.anchor & b.anchor):
        return False  # "75 kilometers west of Manokwari" / "a depth of 22 miles"; "13 nautical miles from the
        # Mysore" / "a 15-nautical-mile radius": a distance from, or of, one thing and another's, or one whose
        # reference the other does not give
    if a.noun and b.noun:
        return counted_noun(a.noun) == counted_noun(b.noun)
    return False


# what casualty and headcount reports count, spelled several ways
_SAME_NOUN = {"person": "people", "dead": "people", "death": "people", "victim": "people", "fatality": "people"}


def counted_noun(noun: str) -> str:
    """The noun a count is of, with the spellings of a casualty or headcount report made one ("death" -> "people")."""
    return _SAME_NOUN.get(noun, noun)
