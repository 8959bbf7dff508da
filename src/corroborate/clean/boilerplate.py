"""Line-level boilerplate removal for scraped news text.

Every line is kept or removed with a reason. Rules combine phrases (ads, prompts, credits) with
structural evidence (number-only lines, date-only lines, headline-shaped short lines, link lists,
repeated lines), so outlets never seen before are handled too. A line that reads as a sentence is
only removed by a phrase rule that is anchored to prompt-like wording, never by shape alone.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from ..dates import FULL_DATE_RE
from ..model import RemovedLine

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_TERMINAL = tuple(".!?:;…")
_CLOSERS = "\"'”’»)]"
_WORD = re.compile(r"[^\W_]+(?:[’'\-.][^\W_]+)*", re.UNICODE)

# (reason, pattern) — matched against the whole stripped line, case-insensitively.
_WHOLE_LINE_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "advertisement marker",
        re.compile(
            r"(?:advertisements?|advert|ad|sponsored(?: content| post)?|promoted(?: content)?|paid (?:post|content)|"
            r"story continues below(?: advertisement)?|continue reading (?:below|the main story)|"
            r"scroll (?:down )?to continue(?: with content)?|article continues (?:below|after (?:this )?advertisement))"
            r"[\s.:\-–—]*",
            re.I,
        ),
    ),
    (
        "reading-time widget",
        re.compile(
            r"(?:(?:estimated )?reading time\s*:?\s*(?:\d+|less than (?:a|one))\s*(?:min(?:ute)?s?)?|"
            r"\d+\s*min(?:ute)?s?\s+read|time to read\s*:?.*)\.?",
            re.I,
        ),
    ),
    (
        "image caption prompt",
        re.compile(
            r"(?:click|tap) (?:here )?to (?:see|view|enlarge|open|expand)(?: the)?(?: full[- ]?size| larger| full)?"
            r"(?: image| photo| picture| gallery| version)?\.?"
            r"|(?:view|open) (?:image )?gallery|enlarge (?:this )?image",
            re.I,
        ),
    ),
    (
        "sharing widget",
        re.compile(
            r"%d bloggers like this:?|like this:?|like loading\.*|loading\.*|share this:?"
            r"|share(?: this)?(?: article| story| post| page)?(?: on| via)?"
            r"(?: (?:facebook|twitter|x|whatsapp|linkedin|email|telegram|reddit)[,\s]*)*|"
            r"(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|copy link)"
            r"(?:\s*[|,•·/]?\s*(?:tweet|email|print|whatsapp|facebook|twitter|linkedin|pinterest|reddit|telegram|"
            r"copy link|share))*",
            re.I,
        ),
    ),
    (
        "related-links prompt",
        re.compile(
            r"(?:you may (?:also )?(?:want to read|like|be interested in)|you might (?:also )?like|related(?: posts| "
            r"articles| stories| coverage| news| content)?|read (?:more|also|next)|see also|more (?:from|on|stories)"
            r"(?: [\w .'’-]{0,40})?|most (?:read|popular|viewed)|trending(?: now)?|recommended(?: for you)?|"
            r"editor'?s? picks?|don'?t miss|also read|further reading)\b[\s.:…\-–—]*",
            re.I,
        ),
    ),
    ("tags line", re.compile(r"(?:tags|tagged|filed under|topics|categories)\s*:.*", re.I)),
]

# Prompt-shaped lines: matched at the start of a short line (≤ PROMPT_MAX_WORDS words).
PROMPT_MAX_WORDS = 25
_PROMPT_RULES: list[tuple[str, re.Pattern[str]]] = [
    (
        "donation prompt",
        re.compile(
            r"(?:please )?(?:do you (?:like|enjoy|value) (?:this|our)|consider (?:helping|supporting|donating|"
            r"making a donation)|(?:help|support) us\b|support (?:our|independent) (?:work|journalism|reporting)|"
            r"donate\b|make a donation|become a (?:patron|member|supporter|subscriber)|if you (?:like|liked|enjoy|"
            r"value) (?:this|our|what)|we rely on (?:readers|your support)|chip in)",
            re.I,
        ),
    ),
    (
        "subscription prompt",
        re.compile(
            r"(?:subscribe\b|sign up (?:for|to)|get (?:our|the) (?:\w+ )?newsletter|join (?:our|us on|the)|"
            r"follow us\b|like us on|already a subscriber|register (?:now|for free|to)|log ?in to|"
            r"get the latest|download (?:our|the) app|newsletter\b|to continue reading)",
            re.I,
        ),
    ),
    (
        "cookie notice",
        re.compile(
            r"(?:we use cookies|this (?:site|website) uses cookies|accept (?:all )?cookies|"
            r"cookie (?:policy|settings|preferences))",
            re.I,
        ),
    ),
    (
        "photo credit",
        re.compile(
            r"(?:photo|image|picture|photograph|file photo|credit|illustration|video|graphic)s?(?: credit)?\s*"
            r"(?:[:/|©]|by\b)",
            re.I,
        ),
    ),
    (
        "copyright line",
        re.compile(r"(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}|by\b|$)|all rights reserved)", re.I),
    ),
]

_ALL_RIGHTS = re.compile(r"all rights reserved", re.I)
# "… shows a soldier. EPA-EFE/AGENCY NAME", "… (Reuters/Jane Doe)", "… AP Photo/John Smith", "… Getty Images"
_CREDITS_LINE = re.compile(
    r"\(?(?:(?:additional )?(?:reporting|writing|editing|compiled|translated)(?: by)? [^()]{2,120}"
    r"|[A-Z][\w .'\-]+ contributed (?:reporting|to this report)[^()]*)\)?\.?",
    re.I,
)
_CREDIT_TAIL = re.compile(
    r"(?:(?:^|[\s.(])(?:[A-Z][A-Z0-9\-]+/)+[A-Z][A-Za-z0-9 .,'\-]{1,60}\)?"
    r"|\b(?:AP|AFP|Reuters|EPA|Getty|Shutterstock|Xinhua|Anadolu)(?: Photo| Images| via Getty Images)?"
    r"\s*/\s*[A-Z][\w .'\-]{1,60}\)?"
    r"|\((?:photo|image|picture|credit)s?:?[^)]{1,80}\)"
    r"|\b(?:Photo|Picture|Image|Credit|Photograph)s?(?: credit)?:\s*[A-Z][\w .'\-]{1,60}(?:/[\w .'\-]{1,60})?"
    r"|\b(?:via )?Getty Images\)?|\bShutterstock\)?)\s*\.?$"
)
_NUMBER_WIDGET = re.compile(r"[\d\s.,:/%+\-–$€£¥₽#*×x]*\d[\d\s.,:/%+\-–$€£¥₽#*×x]*", re.I)
_DATE_ONLY = re.compile(
    rf"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_MONTH}\.?\s+\d{{4}}|\d{{4}}\s+{_MONTH}|"
    rf"{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})",
    re.I,
)
_LINK_LIST = re.compile(r"(?:[^|•·»>]{1,40}\s*[|•·»]\s*){2,}[^|•·»]{0,40}")
_BULLET = re.compile(r"^(?:[-*•·▪‣]|\d{1,2}[.)])\s+")
_TITLE_FLAGS = re.compile(
    r"^(?:updated|update|breaking(?: news)?|exclusive|watch|live|video|analysis|opinion)"
    r"\s*[:|\-–—]\s+",
    re.I,
)
HEADING_MAX_WORDS = 12


@dataclass(slots=True)
class CleanResult:
    text: str
    title: str | None
    removed: list[RemovedLine] = field(default_factory=list)
    title_flags: list[str] = field(default_factory=list)
    published_from_text: str | None = None


def plain_spaces(text: str) -> str:
    """No-break and thin spaces as plain spaces (same length: offsets hold). The tagger reads a no-break space as
    a word of its own ("the\xa0New York Post\xa0publicized" is misparsed)."""
    return text.replace("\u00a0", " ").replace("\u2009", " ").replace("\u202f", " ")


def normalize_line(line: str) -> str:
    """NFC, no-break and zero-width spaces resolved, runs of spaces collapsed."""
    line = plain_spaces(unicodedata.normalize("NFC", line))
    line = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff]", "", line)
    return re.sub(r"[ \t\f\v]+", " ", line).strip()


def words(line: str) -> list[str]:
    return _WORD.findall(line)


def line_key(line: str) -> str:
    """Comparison key for repeated-line detection: case, punctuation and spacing ignored."""
    return " ".join(words(line.lower()))


def is_sentence(line: str) -> bool:
    """Ends like a sentence, allowing closing quotes and brackets after the full stop."""
    return line.rstrip(_CLOSERS).endswith(_TERMINAL)


def reads_as_headline(line: str, max_words: int = 30) -> bool:
    """A headline: short, not ending like a sentence, mostly words."""
    ws = words(line)
    if not 2 <= len(ws) <= max_words:
        return False
    if line.endswith((".", ",", ";")) and not line.endswith("..."):
        return False
    letters = sum(ch.isalpha() for ch in line)
    return letters >= 0.6 * len(line.replace(" ", ""))


# "Published: Monday, March 11, 2013, 10:34 PM", "Updated May 24, 2005 3:23 PM ET", "Posted on June 3, 2021 at 10:00
# am": when the page says it was published or changed, not what happened
_TIMESTAMP = re.compile(
    r"(?P<label>(?:last |first )?(?:updated|update|published|posted|modified))(?: on)?\s*[:|\-–—]?\s*(?P<date>.+)",
    re.I,
)


def timestamp(line: str) -> tuple[str, str] | None:
    """(label, date) of a line that only stamps the page with a date ("Published: March 4, 2024"), else None."""
    m = _TIMESTAMP.fullmatch(line.strip())
    if not m or not FULL_DATE_RE.match(m.group("date").strip()):
        return None
    return m.group("label").lower(), m.group("date").strip()


def classify_line(line: str) -> str | None:
    """Reason a single line is boilerplate, or None to keep it. Context-free rules only."""
    if not line:
        return None
    for reason, pattern in _WHOLE_LINE_RULES:
        if pattern.fullmatch(line):
            return reason
    if _CREDITS_LINE.fullmatch(line):
        return "reporting credits"
    if _NUMBER_WIDGET.fullmatch(line):
        return "number-only line (widget counter)"
    stripped = line.strip("()[]-–—|•· ")
    if _DATE_ONLY.fullmatch(stripped) or FULL_DATE_RE.match(stripped):
        return "date-only line (page chrome)"
    if timestamp(line):
        return "timestamp line (page chrome)"
    n_words = len(words(line))
    if n_words <= PROMPT_MAX_WORDS:
        for reason, pattern in _PROMPT_RULES:
            if pattern.match(line):
                return reason
        if _ALL_RIGHTS.search(line):
            return "copyright line"
    if _CREDIT_TAIL.search(line) and not dateline_end(line):  # "LONDON (Reuters) - The ...": a story's opening
        return "image caption with photo credit"
    if n_words <= 15 and _LINK_LIST.fullmatch(line) and not is_sentence(line):
        return "list of links (navigation)"
    return None


# A story's dateline: "BAGHDAD — ", "WASHINGTON (AP) — ", "NEW YORK, N.Y. (Reuters) - ", "LONDON, England (CNN) -- ",
# "GENEVA, Oct. 7 (Reuters) - ",
# "(CNN) — ", "(CNN)": a place in capitals, an agency in brackets, or both, then a dash (the agency alone may run
# straight into the sentence). It says where the report was filed and who wrote it, not what happened.
_PLACE = r"(?:[A-Z]{2,}\. )?[A-Z][A-Z'’\-]{2,}(?: [A-Z][A-Z.'’\-]+)*(?:, (?:[A-Z][A-Za-z.'’\-]+ ?){1,3})?"
_PLACE += r"(?:, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2})?"  # "GENEVA, Oct. 7 ("
_AGENCY = r"\((?:[A-Z][A-Za-z.&]*)(?: [A-Z][A-Za-z.&]*){0,3}\)"
_DASH = r"(?:—|–|--)"
DATELINE_RE = re.compile(
    rf"(?:{_PLACE}\s*(?:{_DASH}|{_AGENCY}\s*(?:{_DASH}|-))|{_AGENCY}\s*(?:{_DASH}|-)?)\s*(?=[A-Z“\"‘'])"
)


def dateline_end(text: str) -> int:
    """Where the sentence after a leading dateline starts (0: the text opens with no dateline)."""
    m = DATELINE_RE.match(text)
    return m.end() if m else 0


# A section label a sentence opens with, as Axios writes its stories ("Why it matters: The new guidance comes ...",
# "Driving the news: ..."): the outlet's signpost, not what happened.
LABEL_RE = re.compile(
    r"(?:Why it matters|Driving the news|The big picture|Between the lines|What they[’']re saying|By the numbers|"
    r"State of play|Details|Reality check|The bottom line|What[’']s next|Yes, but|Zoom in|Zoom out|The latest|"
    r"Catch up quick|Flashback|The backstory|Our thought bubble|What to watch|What we[’']re watching|"
    r"The other side|Where it stands|The intrigue|Be smart|Go deeper|Worth noting|Of note|For the record|"
    r"Key quote|Context|Background)\s*:\s+(?=[A-Z“\"‘'])"
)


def label_end(text: str) -> int:
    """Where the sentence after a leading section label starts (0: the text opens with none)."""
    m = LABEL_RE.match(text)
    return m.end() if m else 0


def split_lines(text: str) -> list[str]:
    """Paragraph lines of a text: one per line, or blank-line blocks joined when the text is hard-wrapped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not looks_hard_wrapped(text):
        return [line for line in (normalize_line(raw) for raw in text.split("\n")) if line]
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for raw_line in block.split("\n"):
            line = normalize_line(raw_line)
            if not line:
                continue
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    out.append(current)
                current = line
        if current:
            out.append(current)
    return out


def looks_hard_wrapped(text: str) -> bool:
    """Text wrapped at a fixed width (mail, wire copy): no long lines, most long-ish lines stop mid-sentence."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    long_lines = [line for line in lines if len(line) >= 40]
    if len(long_lines) < 3 or max(len(line) for line in lines) > 100:
        return False
    open_ended = sum(not is_sentence(line) for line in long_lines)
    return open_ended >= 0.5 * len(long_lines)


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped paragraph: a long line that stops mid-sentence, followed by its continuation."""
    if len(previous) < 40 or is_sentence(previous) or _BULLET.match(line):
        return False
    return True


def clean_text(text: str, title: str | None) -> CleanResult:
    """Clean one article's extracted text.

    When the title is unknown, the first kept line that reads as a headline becomes it.
    """
    lines = split_lines(text)
    removed: list[RemovedLine] = []
    kept: list[str] = []
    flags: list[str] = []
    published_from_text: str | None = None
    title_key = line_key(title) if title else None
    seen: set[str] = set()
    body_started = False

    for line in lines:
        reason = classify_line(line)
        if reason == "date-only line (page chrome)" and not body_started and FULL_DATE_RE.match(line):
            published_from_text = published_from_text or line
        stamp = timestamp(line) if reason == "timestamp line (page chrome)" else None
        if stamp and ("published" in stamp[0] or "posted" in stamp[0]):  # not "updated": that is later
            published_from_text = published_from_text or stamp[1]
        if reason is None and title is None and not body_started:
            if reads_as_headline(line):
                title, title_key = line, line_key(line)
                continue
        key = line_key(line)
        if reason is None and title_key and key == title_key:
            reason = "repeated headline"
        if reason is None and key and key in seen:
            reason = "repeated line"
        if (
            reason is None
            and not is_sentence(line)
            and len(words(line)) <= HEADING_MAX_WORDS
            and not _BULLET.match(line)
        ):
            reason = "heading, caption or link (not a sentence)"
        if reason:
            removed.append(RemovedLine(line, reason))
            continue
        seen.add(key)
        kept.append(line)
        body_started = True

    if title:
        title = normalize_line(title)
        match = _TITLE_FLAGS.match(title)
        if match:
            flags.append(match.group(0).strip(" :|-–—").lower())
            title = title[match.end() :].strip()
    return CleanResult("\n\n".join(kept), title or None, removed, flags, published_from_text)


def remove_repeated(text: str, repeated_keys: set[str], reason: str) -> tuple[str, list[RemovedLine]]:
    """Take lines whose key is in ``repeated_keys`` out of an already cleaned text."""
    kept, removed = [], []
    for line in text.split("\n\n"):
        if line and line_key(line) in repeated_keys:
            removed.append(RemovedLine(line, reason))
        else:
            kept.append(line)
    return "\n\n".join(kept), removed
