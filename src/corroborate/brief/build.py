"""The brief of one story, built from its contract record: what a reader sees first.

Sections: title; summary with numbered citations; key facts (corroborated claims); contested points (each
contradiction with who says what); who said what (main statements per speaker); timeline; coverage (which
outlet reported which key fact and what each left out); sources with dates. Pure data: the renderers in
``render.py`` and the HTML templates only lay it out.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict
from pathlib import PurePath
from typing import Any

from ..analyze.saying import cue_of_saying

KEY_FACTS = 8
SPEAKERS = 8
STATEMENTS_PER_SPEAKER = 3


def _display_text(text: str) -> str:
    """A summary sentence as the brief shows it: one the article cut mid-way (an excerpt's or a feed's end)
    gets an ellipsis, so a reader sees it is cut; the report keeps the article's exact text."""
    return text if text[-1:] in '.!?"”’)…' else text + " …"


_OPEN, _CLOSE = "\"“‘'", "\"”’'"


def _unquoted(text: str) -> str:
    """A statement shown inside quotation marks: the marks of a fully quoted text are not doubled, nor is the
    comma that led back into the sentence kept (“... including Russia,” he said: “... including Russia”)."""
    if len(text) > 2 and text[0] in _OPEN and text[-1] in _CLOSE:
        return text[1:-1].removesuffix(",")
    if len(text) > 2 and text[0] == "“" and text.endswith(("...", "…")) and text.rfind("“") > text.rfind("”"):
        return text[1:]  # an excerpt cut inside its quote ("“The visit marks the one-year..."): its mark closes after
    if len(text) > 2 and text[0] == '"' and text.endswith(("...", "…")) and text.count('"') == 1:
        return text[1:]  # the same in straight marks ('"In one video ..., an agent yells, \'This is why your...')
    return text


_QUOTE_OPENERS = "“\"«„‘'"


def statement_pieces(statement: dict[str, Any]) -> list[str]:
    """A statement's words as a reader should see them: its pieces when a quotation resumes after the narration
    that says who spoke (“Azerbaijan isn’t alone,” Aliyev told Cavusoglu in the capital, Baku. “A world power like
    Turkey is together with Azerbaijan.”: the two quotations, not "Aliyev told Cavusoglu"), else its whole text.
    Pieces that do not each resume a quotation ("a stern warning" | "that a bipartisan bill cannot pass ...", around
    "to Democratic leaders"), or between which the cue is not ("the audit report ..., a political bombshell that
    “has uncovered ...”"), would drop words the statement needs, so the text is shown whole."""
    text, pieces, start = statement["text"], statement.get("pieces") or [], statement.get("start")
    cue = " ".join((statement.get("cue") or "").lower().split())
    if len(pieces) < 2 or not cue:
        return [text]
    parts = [text[a - start : b - start] for a, b in pieces]
    gaps = [" ".join(text[b - start : a - start].lower().split()) for (_, b), (a, _) in itertools.pairwise(pieces)]
    if not all(p[:1] in _QUOTE_OPENERS for p in parts[1:]) or not all(cue in gap for gap in gaps):
        return [text]
    return parts


def statement_words(statement: dict[str, Any]) -> str:
    """A statement's words as a list of statements shows them: its pieces (``statement_pieces``) joined by an
    ellipsis, each in its own quotation marks ("“Azerbaijan isn’t alone,” … “A world power ...”")."""
    return " … ".join(statement_pieces(statement))


OPENING_WORDS = 12


def _outlet_label(article: dict[str, Any], outlets: Counter[str]) -> str:
    """The outlet a reader sees; when other articles of the story carry the same name (``outlets``: how many carry
    each) and this one came from a file with no address, the file tells them apart ("seeds
    (000_3547f84209c162ff.txt)": five plain-text files in one folder all take the folder's name)."""
    outlet = article.get("source") or "?"
    path = article.get("path")
    if outlets[outlet] > 1 and path and not article.get("url"):
        return f"{outlet} ({PurePath(path).name})"
    return outlet


def _opening(text: str) -> str:
    """How an untitled source is told apart in the list: "(no title) “Amid renewed appeal by Kremlin to end …”"."""
    words = text.split()
    if not words:
        return "(no title)"
    shown = " ".join(words[:OPENING_WORDS]) + (" …" if len(words) > OPENING_WORDS else "")
    return f"(no title) “{shown}”"


def evidence_in_context(story: dict[str, Any], evidence: dict[str, Any]) -> str:
    """What a reader is shown of a contradiction's evidence: the words of the claim that holds it ("... he waited
    six hours to vote ..."), not the bare value ("six"), which the position already names; the evidence itself
    when no claim of its article holds it (the offsets stay the report's)."""
    aid, start, end = evidence.get("article_id"), evidence.get("start"), evidence.get("end")
    holding = [
        m
        for c in story.get("claims", [])
        for m in c["mentions"]
        if m["article_id"] == aid and start is not None and m["start"] <= start and end <= m["end"]
    ]
    if not holding:
        return evidence["text"]
    return min(holding, key=lambda m: m["end"] - m["start"])["text"]


Span = tuple[int, int]


def anchors_of(spans: dict[str, list[Span]], text_lengths: dict[str, int]) -> dict[str, list[list[Any]]]:
    """Article -> the passages a page of it marks, as ``[start, end, anchor id]``: the cited spans in text order
    that overlap no earlier one (a sentence cited as a fact and a statement inside it make one mark; the
    statement's citation leads to the sentence). Anchors are named by their offsets, so a link stays the same
    wherever the brief is rendered."""
    out: dict[str, list[list[Any]]] = {}
    for aid, found in spans.items():
        limit = text_lengths.get(aid)
        marked: list[list[Any]] = []
        for start, end in sorted(set(found), key=lambda se: (se[0], -se[1])):
            if not 0 <= start < end or (limit is not None and end > limit):
                continue  # offsets of another text (a record re-read since): no mark rather than a wrong one
            if marked and start < marked[-1][1]:
                continue
            marked.append([start, end, f"at-{start}-{end}"])
        if marked:
            out[aid] = marked
    return out


def anchor_id(anchors: dict[str, list[list[Any]]], article_id: str, start: int | None, end: int | None) -> str | None:
    """The anchor of the marked passage that holds (or overlaps) ``start``..``end`` of an article, or None."""
    if start is None or end is None:
        return None
    for a_start, a_end, name in anchors.get(article_id, []):
        if a_start < max(end, start + 1) and start < a_end:
            return name
    return None


REFLEXIVES = {"herself", "himself", "themselves", "itself", "myself", "ourselves", "yourself", "yourselves"}


def _spoken(statement: dict[str, Any]) -> bool:
    """Is a statement something said: a quotation, a clause ("accepts that ..."), or a cue of saying? Not "The
    Italian government imposed one of the world's strictest measures", which the report keeps as an attribution
    (PolNeAR counts such acts) but who said what does not list."""
    cue = (statement.get("cue") or "").lower().split()
    if statement["text"].split(" ", 1)[0].lower() in REFLEXIVES:
        return False  # "found herself in a crowd that surrounded Kathina": where she was, not what she found
    if statement["kind"] == "direct" or not cue or cue[0].startswith("("):
        return True  # quoted words, or a line form ("Kirby: ...", a quotation that goes on); not reported words
        # with a quoted phrase in them ("The Virginia Senate passed a “red flag” law ...": mixed, and done, not said)
    if statement["text"].lower().startswith("that "):
        return True
    return cue_of_saying(" ".join(cue))


def _cut_after(statement: dict[str, Any], articles: dict[str, dict[str, Any]]) -> bool:
    """Does the article end, cut, right after the statement ("... told reporters that Republicans aren’t interested
    in “anything about tax increases” and...": an excerpt's end)? The brief then shows it cut, as it shows a cut
    summary sentence; the report keeps the statement's exact words."""
    text = articles.get(statement["article_id"], {}).get("text")
    end = statement.get("end")
    if not isinstance(text, str) or not isinstance(end, int) or statement["text"].rstrip().endswith(("...", "…")):
        return False
    return text[end:].strip() in ("...", "…")


def _stance_label(statement: dict[str, Any]) -> str:
    """What a reader sees beside a statement: its stance ("assert", "deny", "warn", ...), or, for a stance that
    has no word of its own ("other": "did not respond to requests for comment", "questioned the legality of
    ..."), its cue as the article words it."""
    cue = " ".join((statement.get("cue") or "").split())
    asked = any(word.startswith("ask") for word in cue.lower().split())  # "asked", "was asking"; not "tasked"
    if asked and statement["kind"] == "direct" and "?" in statement["text"]:
        return "asks"  # “You just lied to this jury when you told them that, correct?”: a question, not an appeal
    if statement["stance"] != "other" or not cue or cue.startswith("("):
        return statement["stance"]
    return cue.lower()


def build_brief(story: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """``story``: a contract story record; ``articles``: contract article records by id (at least the story's)."""
    order = list(story["article_ids"])
    outlets = Counter(articles.get(i, {}).get("source") or "?" for i in order)
    sources = []
    number: dict[str, int] = {}
    for aid in order:
        a = articles.get(aid, {"id": aid})
        number[aid] = len(sources) + 1
        sources.append(
            {
                "n": number[aid],
                "id": aid,
                "outlet": _outlet_label(a, outlets),
                "title": a.get("title"),
                "untitled": None if a.get("title") else _opening(a.get("text") or ""),
                "url": a.get("url"),
                "published": a.get("published"),
                "published_inferred": bool(a.get("published_inferred")),
                "copy_of": a.get("duplicate_of"),
            }
        )

    def cite(ids) -> list[int]:
        return sorted({number[i] for i in ids if i in number})

    # every passage the brief cites, so that each citation can lead to the words it stands for (``at``)
    cited: dict[str, list[Span]] = defaultdict(list)

    def passages(spans) -> list[dict[str, Any]]:
        spans = [e for e in spans if e.get("article_id") in number and e.get("start") is not None]
        for e in spans:
            cited[e["article_id"]].append((e["start"], e["end"]))
        return spans

    def summary_spans(s: dict[str, Any]) -> list[dict[str, Any]]:
        if s.get("evidence"):
            return s["evidence"]
        return [{"article_id": s.get("article_id"), "start": s.get("start"), "end": s.get("end")}]  # older reports

    summary = [
        {
            "text": _display_text(s["text"]),
            "cites": cite(s["article_ids"]),
            "article_ids": s["article_ids"],
            "_spans": passages(summary_spans(s)),
        }
        for s in story.get("summary", [])
    ]
    claims = story.get("claims", [])
    for c in claims:
        passages(c["mentions"])  # the page of all claims links each mention too
    key_facts = [
        {
            "text": c["text"],
            "sources": c["independent_sources"],
            "cites": cite(m["article_id"] for m in c["mentions"]),
            "_spans": c["mentions"],
        }
        for c in claims
        if c["status"] == "corroborated"
    ][:KEY_FACTS]
    contested = [
        {
            "kind": c["kind"],
            "subject": c["subject"],
            "positions": [
                {
                    "value": p["value"],
                    "cites": cite(p["article_ids"]),
                    "evidence": list(dict.fromkeys(evidence_in_context(story, e) for e in p["evidence"][:3])),
                    "_spans": passages(p["evidence"]),
                }
                for p in c["positions"]
            ],
        }
        for c in story.get("contradictions", [])
    ]
    names = {e["id"]: e["name"] for e in story.get("entities", [])}
    by_speaker: dict[str, list[dict]] = defaultdict(list)
    for st in story.get("statements", []):
        if st["speaker_entity"] in names and _spoken(st):
            by_speaker[st["speaker_entity"]].append(st)
    who = []
    for entity_id, statements in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), names[kv[0]])):
        if len(who) == SPEAKERS:
            break
        name = names[entity_id]
        seen: set[str] = set()
        main = []
        for st in sorted(statements, key=lambda s: (s["kind"] != "direct", -len(s["text"]))):
            key = st["text"][:60].lower()
            if key in seen or len(st["text"]) < 20:
                continue
            seen.add(key)
            main.append(
                {
                    # only a direct quotation is shown in quotation marks: on reported speech ("that Turkey's
                    # role is limited ...") marks of our own would claim its words verbatim
                    "text": " … ".join(_unquoted(p) if st["kind"] == "direct" else p for p in statement_pieces(st))
                    + (" …" if _cut_after(st, articles) else ""),
                    "stance": st["stance"],
                    "label": _stance_label(st),
                    "kind": st["kind"],
                    "cites": cite([st["article_id"]]),
                    "_spans": passages([st]),
                }
            )
            if len(main) == STATEMENTS_PER_SPEAKER:
                break
        if main:  # a speaker whose every statement is a fragment ("..., the Taliban said.") has nothing to show
            who.append({"speaker": name, "entity_id": entity_id, "statements": len(statements), "main": main})
    timeline = [
        {
            "date": t["date"],
            "precision": t["precision"],
            "text": t["text"],
            "expression": t.get("expression"),
            "inferred": bool(t.get("inferred")),
            "cites": cite(t["article_ids"]),
            "_spans": passages(t.get("mentions", [])),
        }
        for t in story.get("timeline", [])
    ]
    lengths = {aid: len(a["text"]) for aid, a in articles.items() if isinstance(a.get("text"), str)}
    anchors = anchors_of(cited, lengths)
    for item in [*summary, *key_facts, *(p for c in contested for p in c["positions"]), *timeline] + [
        m for w in who for m in w["main"]
    ]:
        at: dict[int, str] = {}
        for e in item.pop("_spans"):
            n = number.get(e["article_id"])
            name = anchor_id(anchors, e["article_id"], e["start"], e["end"])
            if n is not None and name and n not in at:
                at[n] = name
        item["at"] = at
    coverage = []
    for s in sources:
        reported = [i for i, c in enumerate(key_facts) if s["n"] in c["cites"]]
        coverage.append(
            {
                "n": s["n"],
                "outlet": s["outlet"],
                "reported": reported,
                "left_out": [i for i in range(len(key_facts)) if i not in reported],
            }
        )
    return {
        "id": story["id"],
        "title": story.get("title") or "(no title)",
        "first_published": story.get("first_published"),
        "last_published": story.get("last_published"),
        "independent_sources": story.get("independent_sources"),
        "summary": summary,
        "key_facts": key_facts,
        "contested": contested,
        "who_said_what": who,
        "timeline": timeline,
        "coverage": coverage,
        "sources": sources,
        "anchors": anchors,
    }
