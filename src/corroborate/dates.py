"""Publication-date parsing: strict formats first, dateparser only as the last resort."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache

# month and weekday names as news spells them, with their numbers (January = 1, Monday = 0)
MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
# A string that is a full calendar date (day, month and year), in the common news spellings.
FULL_DATE_RE = re.compile(
    rf"^(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)[a-z]*,?\s+)?"
    rf"(?:\d{{4}}-\d{{1,2}}-\d{{1,2}}(?:[T ][\d:.]+(?:Z|[+-]\d{{2}}:?\d{{2}})?)?"
    rf"|\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{4}})"
    rf"(?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?$",
    re.IGNORECASE,
)


def to_iso(value: datetime | date) -> str:
    """ISO text that sorts correctly: a date, or a UTC timestamp with a Z."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        if (value.hour, value.minute, value.second) == (0, 0, 0):
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat() + "Z"
    return value.isoformat()


def parse_published(text: str | None) -> str | None:
    """Parse a publication date given by a record or header; None when it is not a date."""
    if not text:
        return None
    text = str(text).strip()
    if not text or len(text) > 64:
        return None
    if _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text).isoformat()
        except ValueError:
            return None
    try:
        return to_iso(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return to_iso(parsedate_to_datetime(text))  # RFC 822 / 2822, as in RSS
    except (TypeError, ValueError, IndexError):
        pass
    return _dateparser(text)


@lru_cache(maxsize=4096)
def _dateparser(text: str) -> str | None:
    if not re.search(r"\d{4}", text):  # a publication date without a year is not one we trust
        return None
    import dateparser  # slow to import; only needed for unusual spellings

    parsed = dateparser.parse(
        text,
        languages=None,
        settings={"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True, "REQUIRE_PARTS": ["year"]},
    )
    return to_iso(parsed) if parsed else None
