"""The brief as Markdown and in the terminal. Article text is untrusted: Markdown output escapes HTML and
Markdown control characters, the terminal output escapes rich markup."""

from __future__ import annotations

import re
from typing import Any

from ..report.html import counted

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|])")


def _said(statement: dict, text: str) -> str:
    """A direct quotation in quotation marks; reported speech as it was reported, without marks of our own."""
    return f"“{text}”" if statement.get("kind") == "direct" else text


_STRAIGHT_OPENING = re.compile(r'(^|[\s(\[—–-])"')


def quoted(text: str) -> str:
    """An article's sentence shown in quotation marks: the quotations it holds become quotations within a
    quotation, in single marks (“... are “actively entering into the conflict zone.”” would close twice)."""
    text = _STRAIGHT_OPENING.sub(lambda m: m.group(1) + "‘", text).replace('"', "’")
    return "“" + text.replace("“", "‘").replace("”", "’") + "”"


_ENTITY = re.compile(r"&(?=#\d+;|#[xX][0-9A-Fa-f]+;|[A-Za-z][A-Za-z0-9]*;)")  # where Markdown reads a character


def md(text: str) -> str:
    """Article text made inert in Markdown: no HTML, no links, no emphasis, no tables."""
    text = _ENTITY.sub("&amp;", text)  # "&lt;" in an article stays those characters; "Merck & Co." stays as it is
    return _MD_SPECIAL.sub(lambda m: {"<": "&lt;", ">": "&gt;"}.get(m.group(1), "\\" + m.group(1)), text).replace(
        "\n", " "
    )


def cites(numbers: list[int]) -> str:
    return "".join(f"[{n}]" for n in numbers)


def _date(s: dict[str, Any]) -> str:
    if not s["published"]:
        return "undated"
    return s["published"][:10] + (" (inferred)" if s["published_inferred"] else "")


def timeline_date(t: dict[str, Any]) -> str:
    """A timeline entry's date as a reader takes it: a week is dated by its Monday, so it says so ("week of
    2020-09-28"); a month ("2020-09") or a year reads as what it is; a day is the day. A date counted from an
    inferred publication date says so, as the sources' inferred dates do ("2008-10-07 (inferred)")."""
    if t["precision"] == "week":
        shown = f"week of {t['date']}"
    elif t["precision"] in ("day", "month", "year") or not t.get("precision"):
        shown = t["date"]
    else:
        shown = f"{t['date']} ({t['precision']})"
    return shown + (" (inferred)" if t.get("inferred") else "")


def marked(t: dict[str, Any], escape_text, open_mark: str, close_mark: str) -> str:
    """A timeline entry's text, escaped by ``escape_text``, with the words that date it (its ``expression``, where
    the text first holds them) between the marks."""
    text, words = t["text"], t.get("expression") or ""
    at = text.find(words) if words else -1
    if at < 0:
        return escape_text(text)
    end = at + len(words)
    return escape_text(text[:at]) + open_mark + escape_text(words) + close_mark + escape_text(text[end:])


def to_markdown(brief: dict[str, Any]) -> str:
    out = [f"# {md(brief['title'])}", ""]
    span = " to ".join(x[:10] for x in filter(None, [brief["first_published"], brief["last_published"]]))
    counts = (
        f"{counted(len(brief['sources']), 'article')}, {counted(brief['independent_sources'], 'independent source')}"
    )
    out += [counts + (f", {span}." if span else "."), ""]
    out += ["## Summary", ""]
    out += [f"{md(s['text'])} {cites(s['cites'])}" for s in brief["summary"]] or ["(no summary)"]
    out += ["", "## Key facts", ""]
    out += [
        f"{i}. {md(f['text'])} ({f['sources']} independent sources) {cites(f['cites'])}"
        for i, f in enumerate(brief["key_facts"], start=1)  # numbered: the coverage table's "fact N"
    ] or ["- none corroborated by two independent sources"]
    out += ["", "## Contested", ""]
    if not brief["contested"]:
        out.append("- no contradiction found")
    for c in brief["contested"]:
        out.append(f"- **{c['kind']}**: {md(c['subject'])}")
        for p in c["positions"]:
            evidence = "; ".join(quoted(md(e)) for e in p["evidence"])
            out.append(f"  - {md(p['value'])} {cites(p['cites'])}: {evidence}")
    out += ["", "## Who said what", ""]
    for w in brief["who_said_what"]:
        out.append(f"- **{md(w['speaker'])}** ({counted(w['statements'], 'statement')})")
        out += [f"  - {md(s['label'])}: {_said(s, md(s['text']))} {cites(s['cites'])}" for s in w["main"]]
    if not brief["who_said_what"]:
        out.append("- no attributed statement")
    out += ["", "## Timeline", ""]
    out += [f"- {timeline_date(t)}: {marked(t, md, '**', '**')} {cites(t['cites'])}" for t in brief["timeline"]] or [
        "- no dated event"
    ]
    out += ["", "## Coverage", ""]
    if brief["key_facts"]:
        header = "| source | " + " | ".join(f"fact {i + 1}" for i in range(len(brief["key_facts"]))) + " |"
        out += [header, "|---" * (len(brief["key_facts"]) + 1) + "|"]
        for c in brief["coverage"]:
            cells = ["yes" if i in c["reported"] else "—" for i in range(len(brief["key_facts"]))]
            out.append(f"| [{c['n']}] {md(c['outlet'])} | " + " | ".join(cells) + " |")
    else:
        out.append("(no corroborated facts to compare)")
    out += ["", "## Sources", ""]
    for s in brief["sources"]:
        title = md(s["title"] or s["untitled"])
        copy = f" (copy of {md(s['copy_of'])})" if s["copy_of"] else ""
        url = f" <{s['url']}>" if s["url"] and re.match(r"^https?://[^\s<>]+$", s["url"]) else ""
        out.append(f"{s['n']}. {md(s['outlet'])}, {_date(s)}: {title}{copy}{url}")
    return "\n".join(out) + "\n"


def print_brief(brief: dict[str, Any], console) -> None:
    """The brief in the terminal, with rich."""
    from rich.markup import escape
    from rich.table import Table

    console.print(f"[bold]{escape(brief['title'])}[/bold]")
    console.print(
        f"story {brief['id']} · {counted(len(brief['sources']), 'article')} · "
        f"{counted(brief['independent_sources'], 'independent source')}"
    )
    console.rule("summary")
    for s in brief["summary"]:
        console.print(f"{escape(s['text'])} [cyan]{cites(s['cites'])}[/cyan]")
    console.rule("key facts")
    for i, f in enumerate(brief["key_facts"], start=1):
        console.print(f"{i}. {escape(f['text'])} [cyan]{cites(f['cites'])}[/cyan]")
    console.rule("contested")
    for c in brief["contested"]:
        console.print(f"[bold red]{c['kind']}[/bold red]: {escape(c['subject'])}")
        for p in c["positions"]:
            console.print(
                f"   {escape(p['value'])} [cyan]{cites(p['cites'])}[/cyan]: " + escape("; ".join(p["evidence"]))
            )
    console.rule("who said what")
    for w in brief["who_said_what"]:
        console.print(f"[bold]{escape(w['speaker'])}[/bold] ({counted(w['statements'], 'statement')})")
        for s in w["main"]:
            console.print(f"   {escape(s['label'])}: {_said(s, escape(s['text']))} [cyan]{cites(s['cites'])}[/cyan]")
    console.rule("timeline")
    for t in brief["timeline"]:
        text = marked(t, escape, "[bold]", "[/bold]")
        console.print(f"{timeline_date(t)} {text} [cyan]{cites(t['cites'])}[/cyan]")
    if brief["key_facts"]:
        console.rule("coverage")
        table = Table(box=None)
        table.add_column("source")
        for i in range(len(brief["key_facts"])):
            table.add_column(f"fact {i + 1}", justify="center")
        for c in brief["coverage"]:
            table.add_row(
                f"[{c['n']}] {escape(c['outlet'])}",
                *["✓" if i in c["reported"] else "·" for i in range(len(brief["key_facts"]))],
            )
        console.print(table)
    console.rule("sources")
    for s in brief["sources"]:
        console.print(f"[{s['n']}] {escape(s['outlet'])}, {_date(s)}: {escape(s['title'] or s['untitled'])}")
