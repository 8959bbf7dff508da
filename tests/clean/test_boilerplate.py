"""Cleaning rules, on fixtures that reproduce the junk of real scraped news (written in our own words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborate.clean import classify_line, clean_text
from corroborate.clean.boilerplate import plain_spaces
from corroborate.ingest.text import parse_header

FIXTURES = Path(__file__).parent.parent / "fixtures"


def clean_fixture(name: str):
    body, fields = parse_header((FIXTURES / name).read_text(encoding="utf-8"))
    return clean_text(body, fields.get("title")), fields


def removed_map(result) -> dict[str, str]:
    return {r.text: r.reason for r in result.removed}


def test_widget_numbers_chrome_date_repeated_headline_caption_prompt_and_donation() -> None:
    result, _ = clean_fixture("widget_and_chrome.txt")
    assert result.title == "How Far Will It Go? Valdoria Voices Worry Over Fighters Near Its Border"
    removed = removed_map(result)
    for line in ["0 $", "2,500 $", "5,000 $", "132 $"]:
        assert removed[line].startswith("number-only line")
    assert removed["JUNE 2023"].startswith("date-only line")
    assert removed[result.title] == "repeated headline"
    assert removed["Click to see full-size image"] == "image caption prompt"
    assert removed["Do you like this content? Consider helping us!"] == "donation prompt"
    paragraphs = result.text.split("\n\n")
    assert paragraphs[0].startswith("The Valdorian Foreign Ministry does not rule out")
    assert "The pay reportedly is $1,800 per month for a three-month trip." in paragraphs
    assert any(p.startswith("1. It may be that") for p in paragraphs)  # numbered list items are content
    assert paragraphs[-1].startswith("Regardless, it looks as if")
    assert len(paragraphs) == 7


def test_ad_marker_copyright_related_headline_and_repeated_title() -> None:
    result, _ = clean_fixture("ad_and_copyright.txt")
    removed = removed_map(result)
    assert result.title == "Valdoria Raises Alarm Over Militant Risk From Selm Valley War"
    assert removed["ADVERTISEMENT"] == "advertisement marker"
    assert removed["Valdoria, Ostria Renew Push for Selm Valley Truce"].startswith("heading")
    assert removed[result.title] == "repeated headline"
    assert removed["©2023 Lakeside Wire L.P."] == "copyright line"
    # A long line without a full stop is a real sentence that lost its punctuation: it stays.
    assert (
        "The confrontation over the Selm valley adds to tensions between Valdoria and its southern neighbour"
        in result.text
    )
    assert "like a magnet" in result.text


def test_reading_time_photo_credit_related_links_and_bloggers() -> None:
    result, _ = clean_fixture("caption_and_widgets.txt")
    removed = removed_map(result)
    assert result.title == "Valdoria warns the Selm valley could become a militant stronghold"
    assert result.title_flags == ["updated"]
    assert removed["Reading Time: 3 minutes"] == "reading-time widget"
    assert any(
        r == "image caption with photo credit" and t.endswith("EPA-EFE/OSTRIA DEFENCE MINISTRY")
        for t, r in removed.items()
    )
    assert removed["You may want to read..."] == "related-links prompt"
    assert removed["%d bloggers like this:"] == "sharing widget"
    assert "\u00a0" not in result.text
    assert "the president said he was in constant contact with the Ostrian leader." in result.text
    assert "in a phone call with her counterpart," in result.text  # a cut-off sentence is kept


def test_caption_line_under_the_headline_and_subheading_are_not_sentences() -> None:
    result, _ = clean_fixture("caption_after_title.txt")
    assert removed_map(result)["Marek Dolan, head of the Valdorian Intelligence Service"].startswith("heading")
    result, fields = clean_fixture("glued_date.txt")
    assert fields["published"] == "2023-06-07"
    assert removed_map(result)["Dolan-Holm talks"].startswith("heading")
    assert result.title is None


@pytest.mark.parametrize(
    "line",
    [
        "The charity asked people to donate blood after the floods, the minister said.",
        "Subscribers to the national grid lost power for nine hours on Tuesday, officials said.",
        "Photographs published by the ministry showed the damaged dam wall.",
        "The agency said 2,500 people had been evacuated by Monday.",
        "LONDON (Reuters) - The union said the strike would go on.",
        "Copyright lawyers for the publisher said the claim had no merit and would be fought in court.",
        "“Share the burden,” the prime minister told parliament.",
    ],
)
def test_real_sentences_are_never_classified_as_boilerplate(line: str) -> None:
    assert classify_line(line) is None


@pytest.mark.parametrize(
    "line,reason",
    [
        ("Advertisement", "advertisement marker"),
        ("Story continues below advertisement", "advertisement marker"),
        ("5 min read", "reading-time widget"),
        ("Share this article", "sharing widget"),
        ("Facebook Twitter Email", "sharing widget"),
        ("Sign up for our morning newsletter", "subscription prompt"),
        ("Support independent journalism: donate today", "donation prompt"),
        ("Photo: Jana Novak/Harbor Ledger", "photo credit"),
        ("Home | World | Business | Sport | Culture", "list of links (navigation)"),
        ("Tuesday, 5 March 2024", "date-only line (page chrome)"),
        ("Updated: May 24, 2005, 3:23 PM ET", "timestamp line (page chrome)"),
        ("Posted on June 3, 2021 at 10:00 am", "timestamp line (page chrome)"),
        ("Related articles", "related-links prompt"),
        ("We use cookies to improve your experience", "cookie notice"),
        ("© 2024 Harbor Ledger Media. All rights reserved.", "copyright line"),
    ],
)
def test_boilerplate_lines_from_unseen_outlets(line: str, reason: str) -> None:
    assert classify_line(line) == reason


def test_a_published_stamp_dates_the_article_and_an_updated_stamp_does_not() -> None:
    from corroborate.dates import parse_published

    story = "The port of Celan closed on Monday after a storm damaged two cranes, the harbour master said."
    lead = "Published on the ministry's website on March 3, 2013, the report says the port is closed."
    result = clean_text(
        f"Port Closed After Storm\n\nUpdated: March 12, 2013, 9:36 AM\n\nPUBLISHED: MONDAY, MARCH 11, 2013, 10:34 PM"
        f"\n\n{story}\n\n{lead}",
        None,
    )
    assert [r.reason for r in result.removed] == ["timestamp line (page chrome)"] * 2
    assert (parse_published(result.published_from_text) or "").startswith("2013-03-11")
    assert result.text == f"{story}\n\n{lead}"  # a sentence that opens with "Published" is content


def test_repeated_paragraph_inside_an_article_is_removed_once() -> None:
    para = "The dam operator said the spillway had been inspected in January and found sound."
    result = clean_text(f"Dam Holds\n\n{para}\n\nOther news from the valley follows here today.\n\n{para}", None)
    assert result.text.count(para) == 1
    assert [r.reason for r in result.removed] == ["repeated line"]


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        ("HARBOURTON — The council approved the tram line.", "HARBOURTON — "),
        ("PORT VALE (AP) — Divers found the wreck on Monday.", "PORT VALE (AP) — "),
        ("NEW HARBOUR, Valdoria (Reuters) - Prices rose.", "NEW HARBOUR, Valdoria (Reuters) - "),
        ("ST. LUCAS (AP) — A jury ruled.", "ST. LUCAS (AP) — "),
        ("(CNN) — The minister resigned.", "(CNN) — "),
        ("(CNN)The minister resigned.", "(CNN)"),
        ("HARBOURTON -- “We will rebuild,” she said.", "HARBOURTON -- "),
        ("GRENNHAVEN, April 15 (CPA) – Dockworkers walked out.", "GRENNHAVEN, April 15 (CPA) – "),
        ("GENEVA, Oct. 7 (Reuters) - Talks resumed.", "GENEVA, Oct. 7 (Reuters) - "),
        # not datelines: a sentence that opens with a name, an abbreviation or an ordinary dash
        ("U.S. - Valdoria talks resumed.", ""),
        ("The mayor — who had resigned — spoke.", ""),
        ("FBI Director Ann Lee said so.", ""),
        ("Mr. Lee — the mayor — spoke.", ""),
    ],
)
def test_a_dateline_is_where_and_by_whom_not_the_sentence(text: str, dateline: str) -> None:
    from corroborate.clean.boilerplate import dateline_end

    assert text[: dateline_end(text)] == dateline


def test_no_break_and_thin_spaces_become_plain_spaces_at_the_same_offsets() -> None:
    text = "the\u00a0New York Post\u00a0said 5\u202f000 people\u2009came"
    plain = plain_spaces(text)
    assert plain == "the New York Post said 5 000 people came"
    assert len(plain) == len(text)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Why it matters: The new guidance comes after two attacks.", "Why it matters: "),
        ("Driving the news: But in an unusual move, the director overruled the panel.", "Driving the news: "),
        ("What they’re saying: “We will rebuild,” the mayor said.", "What they’re saying: "),
        # not labels: a sentence that only has a colon, or a label that does not open a sentence
        ("The mayor said: Rebuild the pier.", ""),
        ("Context matters: the vote was close.", ""),
        ("Details: none given.", ""),
    ],
)
def test_a_section_label_is_the_outlets_signpost_not_the_sentence(text: str, label: str) -> None:
    from corroborate.clean.boilerplate import label_end

    assert text[: label_end(text)] == label
