"""Time expressions in news text, resolved against the article's publication date.

News writes dates relative to the day of publication ("late Monday", "on Tuesday", "last week") and omits the
year ("Sept. 27"). The conventions handled here, which a general date parser gets wrong:

* a bare weekday is the latest such day on or before publication ("on Monday" in a Monday article is that
  day), unless the clause speaks of the future ("will vote on Saturday"), then the first one on or after it;
  "next Friday" is never the day of publication;
* "last Thursday" is the latest Thursday strictly before publication;
* a month and day without a year take the year that puts the date nearest to publication, but one more than 80
  days ahead is the last that has passed ("the Jan. 6 riot" in a July article) unless the text speaks of the future
  or of a deadline or scheduled event ("will vote on Nov. 3", "by Sept. 27", "the Nov. 3 election"), and a deadline
  more than 80 days back is next year's ("extends the pause through Jan. 31" in August);
* "last week" / "this week" / "last month" have week or month precision, never a made-up day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..dates import MONTHS, WEEKDAYS

_MONTH = r"(?P<month>january|february|march|april|may|june|july|august|september|october|november|december|" \
    r"jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?)"  # fmt: skip
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY = r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_REL_YEAR = r"(?:,?\s+(?:of\s+)?(?P<rely>last|this|next)\s+year\b)"  # "Nov. 3 last year", "August of last year"
_ANY_MONTH = _MONTH.replace("(?P<month>", "(?:")
# the year a month shares with the months it is listed with ("from March and April 2020", "in January, February
# and March 2021")
_LISTED_YEAR = re.compile(
    rf"(?:\s*,\s*{_ANY_MONTH})*\s*,?\s+(?:and|or|to|through|until|till)\s+(?:early\s+|late\s+|mid-?)?{_ANY_MONTH}"
    rf",?\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month_day", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR}\b|{_REL_YEAR})?", re.I)),
    # the month a whole word: "13 mayoral candidates", "3 decades" name no day
    ("day_month", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?![a-z])(?:,?\s+{_YEAR}\b|{_REL_YEAR})?", re.I)),
    # "since August last year", "March next year"; "last March", "this past August", "next January"
    ("month_rel", re.compile(rf"\b(?:(?:in|since|until|by|from|early|late|mid-?)\s+)?{_MONTH}{_REL_YEAR}", re.I)),
    ("month_rel", re.compile(rf"\b(?P<mod>last|this past|past|this|next)\s+{_MONTH}\b(?!\s*\d)", re.I)),
    (
        "month_year",
        re.compile(rf"\b(?:in|since|until|by|of|from|early|late|mid-?)\s+{_MONTH}(?:,?\s+{_YEAR})?\b", re.I),
    ),
    ("year", re.compile(rf"\b(?:in|since|until|by|from|early|late|mid-?)\s+{_YEAR}\b", re.I)),
    (
        "weekday",
        re.compile(
            rf"\b(?:(?P<mod>last|this|next|on|late|early|since|by|until|from)\s+(?:on\s+)?)?{_WEEKDAY}\b{_PART}", re.I
        ),
    ),
    ("bare_year", re.compile(r"(?<![\d,.$])\b(?P<year>(?:19|20)\d\d)\b(?![\d,.%]\d|\s*(?:percent|%))")),
    ("relative_day", re.compile(r"\b(?P<rel>yesterday|today|tonight|tomorrow|this morning|this afternoon)\b", re.I)),
    (
        "relative_span",
        re.compile(r"\b(?P<mod>last|this|next|earlier this|later this)\s+(?P<unit>week|month|year)\b", re.I),
    ),
    (
        "ago",
        re.compile(
            r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<unit>day|week|month|year)s?\s+ago\b",
            re.I,
        ),
    ),
]
_SMALL = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_SMALL |= {"eight": 8, "nine": 9, "ten": 10}
# a word of the future, not part of a compound ("would-be migrants")
_FUTURE = re.compile(
    r"\b(?:will|shall|would|'ll|to be held|is due|are due|scheduled|expected to|plans? to|set to|is to|are to|"
    r"(?:is|are) set for|slated|"
    r"going to|upcoming|next|as soon as|as early as|no later than|(?-i:may|might) (?!have\b|not\b)[a-z]+|"
    r"(?:go|goes|take|takes) (?:into )?effect)\b(?!-)",
    re.I,
)


@dataclass(frozen=True)
class TimeExpr:
    start: int
    end: int
    text: str
    date: str  # ISO: YYYY-MM-DD for day and week precision (a week is its Monday), YYYY-MM, YYYY
    precision: str  # day | week | month | year
    relative: bool  # resolved against the publication date
    kind: str = ""  # the pattern that found it: iso, month_day, weekday, relative_span, ...


def _iso_day(d: date) -> str:
    return d.isoformat()


def _nearest_year(month: int, day: int, anchor: date) -> date | None:
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            cand = date(year, month, day)
        except ValueError:
            continue
        # ties and near-ties go to the past: news mostly reports what has happened
        score = abs((cand - anchor).days) + (15 if cand > anchor else 0)
        if best is None or score < best[0]:
            best = (score, cand)
    return best[1] if best else None


def _occurrence(month: int, day: int, anchor: date, step: int) -> date | None:
    """The last such day on or before ``anchor`` (``step`` -1) or the first on or after it (1)."""
    for k in range(5):  # Feb 29 comes every four years
        try:
            cand = date(anchor.year + step * k, month, day)
        except ValueError:
            continue
        if (cand - anchor).days * step >= 0:
            return cand
    return None


# A month and day more than this ahead of publication is the past unless the text says otherwise: in AllSides 2021
# (all 255 months and days without a year in its 1,479 excerpts) the 40 that the nearest-year rule put 84 days or more
# ahead all named past events (the Jan. 6 riot, the September 11 attacks, a Jan. 8 call), while announced future
# dates ran up to 71 days ahead.
FAR_DAYS = 80
_UNTIL_WORDS = "by|until|till|through"
_UNTIL = re.compile(rf"\b(?:{_UNTIL_WORDS})\s+$", re.I)  # a deadline months back is next year's
_DEADLINE = re.compile(rf"\b(?:{_UNTIL_WORDS}|before|ahead of|beginning|starting)\s+$", re.I)
_EVENT_AFTER = re.compile(
    r"\s+(?:\w+\s+){0,2}?(?:deadline|target|election|primary|vote|summit|conference|hearing|trial|launch)s?\b", re.I
)


# a date naming a thing ("the Jan. 6 insurrection", "his Jan. 8 phone call"): a word follows it, not a function word;
# the tense of its clause ("the panel set to investigate the Jan. 6 insurrection") is not about that day
_NAMES_THING = re.compile(
    r"\s+(?!(?:and|or|to|at|in|on|for|of|with|by|from|as|after|before|that|when|while|until|through|the|a|an|this|"
    r"last|next|is|was|will|would|has|had|but)\b)[A-Za-z]",
    re.I,
)


def names_a_thing(after: str) -> bool:
    """Do the words ``after`` a date make it the name of a thing ("the Jan. 6 insurrection", "his Aug. 31
    deadline"), not the day something happens ("stormed the Capitol on Jan. 6.")?"""
    return _NAMES_THING.match(after[:20]) is not None


def _scheduled(text: str, start: int, end: int) -> bool:
    """Written as a deadline or a scheduled event: "by Sept. 27", "until Oct. 3", "the Nov. 3 election", "the
    Aug. 31 withdrawal completion target"."""
    return bool(_DEADLINE.search(text[max(0, start - 20) : start]) or _EVENT_AFTER.match(text[end : end + 40]))


_CLOCK = re.compile(r"\b[ap]\.m\.", re.I)  # not the end of a sentence
_RELATIVE_CLAUSE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,]*,", re.I)


_ONSET = re.compile(r"\b(?:starting|beginning)\s+$", re.I)


def _clause_before(text: str, start: int) -> str:
    """The words of the sentence before ``start`` (at most 240 characters), a clock's "p.m." not ending it ("will go
    into effect at 11:59 p.m. Saturday")."""
    return re.split(r"[.;!?\n]", _CLOCK.sub("h", text[max(0, start - 240) : start]))[-1]


def _future(text: str, start: int, end: int | None = None) -> bool:
    """Does the clause before the expression speak of the future? An expression that opens its sentence
    ("Starting in early November, foreign nationals will be allowed ...": ``end`` given) is told by what follows.
    One that says when something starts ("will deliver monthly payments to households including 88% of children
    in the United States, starting in July") is told by the whole clause before it, however long."""
    left = _RELATIVE_CLAUSE.sub(
        " ", _clause_before(text, start)
    )  # "Hochul, who will make history ..., on Sunday vowed": not its clause
    if _FUTURE.search(left if _ONSET.search(left) else left[-80:]):
        return True
    if end is None or len(left.split()) > 2:
        return False
    right = re.split(r"[.;!?\n]", _CLOCK.sub("h", text[end : end + 120]))[0]
    return bool(_FUTURE.search(right[:80]))


# the future as a verb tells it ("a comprehensive plan to address ..." is a noun's, and "would" or "next" may
# speak of a past that was still to come)
_FUTURE_TENSE = re.compile(
    r"\b(?:will|shall|'ll|scheduled|slated|set to|(?:is|are) set for|is to|are to|going to|is due|are due|"
    r"to be held)\b(?!-)",
    re.I,
)
# what closes a clause: a comma or quotation mark, a verb in the past ("reached", "said"; not "Armed Services"), or a
# word that opens another clause
_CLAUSE_CLOSED = re.compile(
    r"[,\"“”]|\b(?:(?-i:[a-z]+ed)|said|says|told|wrote|was|were|had|did|when|while|because|which|who|that)\b", re.I
)


def _future_clause(text: str, start: int) -> bool:
    """Is a weekday still to come further into its clause than ``_future`` looks? "... McKenzie will testify before
    the Senate Armed Services Committee on Tuesday and House Armed Services Committee on Wednesday" (published on a
    Tuesday: the Wednesday after), "has scheduled a procedural vote on a motion to begin debate on the infrastructure
    package for Wednesday". Only where nothing between the word of the future and the day closes that clause: no
    comma, quotation mark, past report or other verb in the past, nor a word that opens another clause ('"We will
    celebrate ...," his sister said at a press conference Thursday'; "will direct agencies ... in an order signed
    Thursday"; "will return to work on Monday after their union reached a deal ... late Sunday")."""
    left = _clause_before(text, start)
    found = list(_FUTURE_TENSE.finditer(left))
    if not found:
        return False
    return not _CLAUSE_CLOSED.search(left[found[-1].end() :])


def _month_year(month: int, m: re.Match[str], text: str, anchor: date) -> str:
    """A month without a year ("in December", "through early December"): this year's if it is past or next month,
    else last year's, unless the clause speaks of the future or of a deadline ("until December", "the limit
    runs through early December" in October: this year's); a month three or more back that the clause says is
    still to come is next year's ("will stay closed until January" in October)."""
    lead = m.group(0).split()[0].lower()
    deadline = lead in ("until", "by") or bool(_UNTIL.search(text[max(0, m.start() - 9) : m.start()]))
    future = _future(text, m.start(), m.end())
    ahead = lead != "since" and (deadline or future)
    year = anchor.year if month <= anchor.month + 1 else anchor.year - 1
    if year < anchor.year and ahead:
        year = anchor.year
    elif month < anchor.month - 2 and deadline and future:
        year = anchor.year + 1
    return f"{year:04d}-{month:02d}"


_YEAR_STEP = {"last": -1, "this": 0, "next": 1}


def _year_of_relative_month(month: int, g: dict, anchor: date) -> int:
    """The year of "August last year" (last year's), "last March" (last year's: "the murder of George Floyd last
    May" in June 2021, "the pandemic struck last March" in May 2021; a month of this year is written bare),
    "this past August" (the latest before this month), "this October" (this year's) and "next January" (the
    first after this month)."""
    if g.get("rely"):
        return anchor.year + _YEAR_STEP[g["rely"].lower()]
    mod = " ".join(g["mod"].lower().split())
    if mod == "this":
        return anchor.year
    if mod == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if mod == "last":
        return anchor.year - 1
    return anchor.year if month < anchor.month else anchor.year - 1  # "this past", "past"


_NAMED_DAY = re.compile(r"\b(?:Super|Black|Cyber|Easter|Good|Ash|Bloody|Palm|Giving|Holy|Maundy|Shrove|Fat|Mad)\s+$")


def _part_of_a_name(text: str, start: int, word: str) -> bool:
    """ "Russia Today", "USA Today", "the Today show", "The Tonight Show": a capitalised day word inside a sentence
    is part of a name; "today" as a date is written in lower case there."""
    if not word[:1].isupper() or word.isupper():
        return False
    left = text[max(0, start - 3) : start].rstrip(" \t\u201c\u201d\"'(")
    return bool(left) and left[-1] not in ".!?:;\n"


def find_times(text: str, published: str | None) -> list[TimeExpr]:
    """Every time expression in ``text`` that can be placed on the calendar, in text order.

    ``published`` is the ISO publication date (or datetime) that relative expressions count from; without it
    only expressions that carry their year are returned.
    """
    anchor = date.fromisoformat(published[:10]) if published else None
    taken: list[tuple[int, int]] = []
    found: list[TimeExpr] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            expr = _resolve(kind, m, text, anchor)
            if expr is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(expr)
    found.sort(key=lambda t: t.start)
    beside = [found[max(0, i - 1) : i] + found[i + 1 : i + 2] for i in range(len(found))]
    return [t for t, near in zip(found, beside) if not _names_the_day_beside(t, near, text)]


_BESIDE = re.compile(r"\s*,?\s*(?:on\s+)?")
_WEEKDAY_DATE = re.compile(r"\s*,\s*(?:the\s+)?")


def _names_the_day_beside(expr: TimeExpr, neighbours: list[TimeExpr], text: str) -> bool:
    """ "two weeks ago on August 24", "Aug. 24, two weeks ago": the day is named beside the span that counts back
    to it, so the span is not a time of its own."""
    if expr.kind == "relative_day" and expr.text.lower() == "today":  # "106 years ago today": one date, the span's
        return any(o.kind == "ago" and not text[o.end : expr.start].strip() for o in neighbours)
    if expr.kind == "weekday":  # "as of Tuesday, February 3, 2009", "Monday, July 13": the date names that day
        return any(
            o.kind in ("month_day", "day_month", "iso") and _WEEKDAY_DATE.fullmatch(text[expr.end : o.start])
            for o in neighbours
            if o.start >= expr.end
        )
    if expr.kind != "ago":
        return False
    for other in neighbours:
        if other.kind not in ("month_day", "day_month", "iso"):
            continue
        lo, hi = (expr.end, other.start) if other.start >= expr.end else (other.end, expr.start)
        if lo <= hi and _BESIDE.fullmatch(text[lo:hi]):
            return True
    return False


def _resolve(kind: str, m: re.Match[str], text: str, anchor: date | None) -> TimeExpr | None:
    g = m.groupdict()
    start, end = m.start(), m.end()

    def make(d: date | str, precision: str, relative: bool) -> TimeExpr:
        iso = d if isinstance(d, str) else _iso_day(d)
        return TimeExpr(start, end, text[start:end], iso, precision, relative, kind)

    try:
        if kind == "iso":
            return make(date(int(g["year"]), int(g["month"]), int(g["day"])), "day", False)
        if kind in ("month_day", "day_month"):
            month = MONTHS[g["month"].lower().rstrip(".")]
            day = int(g["day"])
            if not 1 <= day <= 31:
                return None
            if g.get("year"):
                return make(date(int(g["year"]), month, day), "day", False)
            if kind == "month_day" and text[end : end + 1].isdigit():
                return None
            if kind == "day_month" and g["month"] == "may":
                return None  # "the 13 may be freed": the modal; "13 May" is the month
            if anchor is None:
                return None
            if g.get("rely"):
                return make(date(anchor.year + _YEAR_STEP[g["rely"].lower()], month, day), "day", True)
            resolved = _nearest_year(month, day, anchor)
            far = timedelta(days=FAR_DAYS)
            said_ahead = _future(text, start) and not names_a_thing(text[end:])
            if resolved and resolved > anchor + far and not (said_ahead or _scheduled(text, start, end)):
                resolved = _occurrence(month, day, anchor, -1)  # "the Jan. 6 riot" in a July article
            elif resolved and resolved < anchor - far and _UNTIL.search(text[max(0, start - 9) : start]):
                resolved = _occurrence(month, day, anchor, 1)  # "extends the pause through Jan. 31" in August
            return make(resolved, "day", True) if resolved else None
        if kind == "month_year":
            month = MONTHS[g["month"].lower().rstrip(".")]
            if g["month"] != "May" and g["month"].lower() == "may" and not g.get("year"):
                return None  # the modal verb ("by may" in a lower-case heading); "in May" is the month
            year = g.get("year")
            listed = None if year else _LISTED_YEAR.match(text, m.end())
            if year or listed:
                return make(f"{int(year or listed.group('year')):04d}-{month:02d}", "month", False)
            if anchor is None:
                return None
            return make(_month_year(month, m, text, anchor), "month", True)
        if kind in ("year", "bare_year"):
            return make(g["year"], "year", False)
        if anchor is None:
            return None
        if kind == "month_rel":
            month = MONTHS[g["month"].lower().rstrip(".")]
            if g["month"].lower() == "may" and g["month"] != "May":
                return None  # "this may end"
            return make(f"{_year_of_relative_month(month, g, anchor):04d}-{month:02d}", "month", True)
        if kind == "weekday":
            if _NAMED_DAY.search(text[max(0, start - 12) : start]):
                return None  # "Super Tuesday", "Black Friday": a day's name, not a day of this week
            target = WEEKDAYS[g["weekday"].lower()]
            mod = (g.get("mod") or "").lower()
            back = (anchor.weekday() - target) % 7
            if mod == "next" or (
                mod not in ("last", "since") and (_future(text, start) or _future_clause(text, start))
            ):
                ahead = (target - anchor.weekday()) % 7
                if mod == "next":
                    ahead = ahead or 7
                return make(anchor + timedelta(days=ahead), "day", True)
            if mod == "last":
                back = back or 7
            return make(anchor - timedelta(days=back), "day", True)
        if kind == "relative_day":
            if _part_of_a_name(text, start, g["rel"]):
                return None
            rel = g["rel"].lower()
            shift = {"yesterday": -1, "tomorrow": 1}.get(rel, 0)
            return make(anchor + timedelta(days=shift), "day", True)
        if kind == "relative_span":
            if g["unit"][:1].isupper() and not g["unit"].isupper():
                return None  # ABC's "This Week": a programme's name (a sentence opens "This week, ...")
            mod, unit = g["mod"].lower(), g["unit"].lower()
            step = _YEAR_STEP.get(mod, 0)
            if unit == "week":
                coming = mod == "later this" or (mod == "this" and _future(text, start))
                if coming and anchor.weekday() >= 5:
                    step = 1  # "will host the family at the White House this week", said on a Sunday: the coming one
                monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
                return make(monday, "week", True)
            if unit == "month":
                month_index = anchor.year * 12 + anchor.month - 1 + step
                return make(f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month", True)
            return make(f"{anchor.year + step:04d}", "year", True)
        if kind == "ago":
            n = int(g["n"]) if g["n"].isdigit() else _SMALL[g["n"].lower()]
            unit = g["unit"].lower()
            if unit == "day":
                return make(anchor - timedelta(days=n), "day", True)
            if unit == "week":
                d = anchor - timedelta(weeks=n)
                return make(d - timedelta(days=d.weekday()), "week", True)
            if unit == "month":
                month_index = anchor.year * 12 + anchor.month - 1 - n
                return make(f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "month", True)
            return make(f"{anchor.year - n:04d}", "year", True)
    except (ValueError, KeyError):
        return None
    return None


# a record or a first measured against a past point: "the first time since June 30", "the best since August 2020"
_RECORD = re.compile(
    r"\b(?:(?:first|only)\s+(?:\w+\s+)?time|highest|lowest|biggest|largest|smallest|greatest|fastest|slowest|"
    r"strongest|weakest|deadliest|sharpest|steepest|longest|shortest|hottest|coldest|busiest|best|worst|fewest|"
    r"quickest|heaviest|warmest|wettest|driest|tightest|loosest|richest|poorest|"
    r"the\s+(?:most|least))\b[^.;:!?]{0,80}$",  # "the most since", not "banned most evictions ... since September"
    re.I,
)


def measured_since(left: str, expr: str) -> bool:
    """Is the time expression ``expr``, after the words ``left``, the point a record or a first is measured from
    ("the first time since June 30 that the average fell", "the biggest gain since August last year")? What such a
    sentence tells happened later, not then."""
    left = left[-120:]
    if not expr.lower().startswith("since"):
        # "since June", "since records began in December 2000": the point is the first of a few words after "since"
        m = re.search(r"\bsince\s+(?:[^\s.,;:!?—]+\s+){0,4}$", left, re.I)
        between = m is not None and m.end() - m.start() > len("since ")
        if not m or (between and not re.search(r"\s(?:in|on)\s+$", f" {left}{expr[:3]}", re.I)):
            return False
        left = left[: m.start()]
    return bool(_RECORD.search(left))


# a change measured from a past point ("rose 0.3 percent in August from July", "up from June", "slipped in May from a
# record high in April", "slightly less than in April"): that point is what the figure is set against
_CHANGE = re.compile(
    r"\b(?:up|down|rose|rises?|risen|rising|fell|falls?|fallen|falling|drop\w*|jump\w*|gain\w*|declin\w*|"
    r"increas\w*|decreas\w*|climb\w*|slip\w*|grew|grows?|grown|growing|shr[aiu]nk\w*|chang\w*|compared)\b"
    r"(?:[^.;:!?—]|\.(?=\d)){0,80}$",  # "rose 0.3 percent in August from July"
    re.I,
)
_POINT_AFTER = re.compile(
    r"\b(from|than|compared\s+(?:with|to)|versus|vs\.)\s+((?:[^\s.;:!?—]+\s+){0,4})$",
    re.I,
)
_EXPECTED = re.compile(r"(?:expected|anticipated|forecasts?|predicted|estimated|projected|economists)\b", re.I)


def compared_with(left: str, expr: str, right: str) -> bool:
    """Is the time expression ``expr`` (between the words ``left`` and ``right``) the past point a change or a
    comparison is measured from ("up from June and amid ...")? Not the start of a span ("from January to March"), nor
    what was expected ("far fewer jobs than expected in April" tells of April). A bound ("more than six months ago")
    is no date of its own either."""
    left = left[-160:]
    head = re.match(r"(from|than)\s+", expr, re.I)
    if head:  # "from July" is one expression: its "from" is read with the words before it
        left += head.group(0)
    m = _POINT_AFTER.search(left)
    if m is None or re.match(r"\s*(?:to|through|until|till)\b|\s*[-–]", right, re.I):
        return False
    word, between = m.group(1).lower(), m.group(2)
    if any(w[:1].isupper() for w in between.split()):
        return False  # "fell to 473,000 ..., data from the Department of Labor showed Thursday": whence, not since
    if word == "from" and not _CHANGE.search(left[: m.start()]):
        return False  # "visitors from Canada and Mexico starting in early November"
    return not (word == "than" and _EXPECTED.match(between))


def infer_published(texts_dates: list[tuple[str, str | None]], text: str) -> str | None:
    """A publication date for an undated article.

    The latest calendar date its text gives that fits the story's known dates (a month before the first to two
    months after the last) is a floor: the article takes the story's earliest known date on or after it, or the
    floor itself when the story has none that late. Without such a date, the story's latest known date; None
    when nothing is known.
    """
    known = sorted(d[:10] for _, d in texts_dates if d)
    explicit = [t.date for t in find_times(text, None) if t.precision == "day"]
    if not known:
        return max(explicit) if explicit else None
    # a later article of a story can come weeks after its first: allow a month before and two after
    lo = date.fromisoformat(known[0]) - timedelta(days=30)
    hi = date.fromisoformat(known[-1]) + timedelta(days=60)
    fitting = [d for d in explicit if lo <= date.fromisoformat(d) <= hi]
    # month and day without a year: the year that puts them nearest the story
    fitting += [
        t.date
        for t in find_times(text, known[-1])
        if t.kind in ("month_day", "day_month") and t.relative and lo <= date.fromisoformat(t.date) <= hi
    ]
    if not fitting:
        return known[-1]
    # what the text dates has happened by publication: the earliest known date of the story on or after it,
    # else that date itself
    floor = max(fitting)
    later = [d for d in known if d >= floor]
    return later[0] if later else floor
