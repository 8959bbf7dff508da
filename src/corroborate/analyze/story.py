"""One story, analysed in memory: entities, who said what, and the cross-check (claims, contradictions, timeline).

Pure: texts in, records out. ``phase.py`` loads a story's articles from the store and saves what this returns;
the benchmarks call :func:`analyze_story` directly.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .entities import Entity, Mention, canonical_entities, doc_mentions, recover_person_variants
from .speakers import PEOPLE_PRONOUNS, possessor_named, resolve_speakers
from .statements import Statement, extract_statements, quote_spans


@dataclass
class SourceText:
    """An article as the story analysis sees it."""

    id: str
    text: str
    outlet: str | None = None
    published: str | None = None  # ISO date or datetime; None when unknown
    group: str | None = None  # syndication group (copies of one text share it); None = its own
    title: str | None = None
    published_inferred: bool = False

    @property
    def source_group(self) -> str:
        return self.group or self.id


MAX_ARTICLES = 150  # independent reports a story is cross-checked on (the most recent)


def representatives(sources, limit: int) -> list[str]:
    """One article per syndication group (its original when it is in the story), the ``limit`` most recent
    groups at most: copies add mentions, not claims, and a very large story is cross-checked on its latest
    ``limit`` independent reports."""
    chosen: dict[str, SourceText] = {}
    for s in sources:
        current = chosen.get(s.source_group)
        if current is None or (s.group == "g-" + s.id and current.group != "g-" + current.id):
            chosen[s.source_group] = s
    ordered = sorted(chosen.values(), key=lambda s: (s.published or "", s.id), reverse=True)
    return [s.id for s in ordered[:limit]]


@dataclass
class SpeakerStatement:
    """A statement with its speaker resolved (one per speaker for a group statement)."""

    id: str
    article_id: str
    statement: Statement
    speaker: str | None  # the mention as written
    speaker_entity: str | None  # canonical entity id, None when unresolved

    def record(self) -> dict[str, Any]:
        """The contract's statement; ``pieces`` only when its words lie apart, the narration between them
        ("“Azerbaijan isn’t alone,” Aliyev told Cavusoglu in the capital, Baku. “A world power ...”")."""
        st = self.statement
        out = {
            "id": self.id,
            "article_id": self.article_id,
            "speaker": self.speaker,
            "speaker_entity": self.speaker_entity,
            "cue": st.cue or None,
            "kind": st.kind,
            "stance": st.stance,
            "text": st.text,
            "start": st.start,
            "end": st.end,
        }
        if len(st.content_spans) > 1:
            out["pieces"] = [[a, b] for a, b in st.content_spans]
        return out


@dataclass
class StoryAnalysis:
    entities: list[Entity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    owner: dict[int, str] = field(default_factory=dict)  # mention index -> entity id
    statements: list[SpeakerStatement] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)  # contract records
    contradictions: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    summary: list[dict[str, Any]] = field(default_factory=list)  # cited summary sentences
    published: dict[str, tuple[str | None, bool]] = field(default_factory=dict)  # article -> (date, inferred)


def statement_id(article_id: str, st: Statement, speaker_id: str | None, mention: str | None) -> str:
    key = f"{article_id}|{st.start}|{st.end}|{speaker_id}|{mention}"
    return "q-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def analyze_story(
    sources: list[SourceText],
    nlp=None,
    docs=None,
    crosscheck: bool = True,
    summary_words: int = 100,
    frequencies: tuple[dict[str, int], int] | None = None,
) -> StoryAnalysis:
    """Entities, statements and (unless ``crosscheck`` is False) claims, contradictions, a timeline and the
    cited summary (``summary_words`` long; ``frequencies``: stem document frequencies of the whole store and its
    size, for the summary's term weights)."""
    if docs is None:
        if nlp is None:
            from ..nlp import load_spacy

            nlp = load_spacy()
        # a parse needs ~1 GB per 100,000 characters: an oversized text is analysed up to spaCy's limit
        limit = nlp.max_length - 1
        docs = list(nlp.pipe([s.text[:limit] for s in sources], batch_size=16))
    mentions: list[Mention] = []
    found: list[list[Statement]] = []
    quotes_of: dict[str, list[tuple[int, int]]] = {}
    for source, doc in zip(sources, docs):
        mentions.extend(doc_mentions(doc, source.id))
        quotes_of[source.id] = quote_spans(source.text)
        found.append(extract_statements(source.text, doc=doc, quotes=quotes_of[source.id]))
    mentions = recover_person_variants(mentions, {s.id: s.text for s in sources})
    entities, owner = canonical_entities(mentions)
    by_id = {e.id: e for e in entities}
    out = StoryAnalysis(entities=entities, mentions=mentions, owner=owner)
    for source, statements in zip(sources, found):
        article_mentions = sorted(
            ((m, owner[i]) for i, m in enumerate(mentions) if m.article_id == source.id),
            key=lambda pair: pair[0].start,
        )
        previous: list[tuple[int, list[str]]] = []
        described: tuple[list[str], str | None] = ([], None)  # the last statement's speakers and how it named them
        for st in statements:
            speakers = resolve_speakers(st, article_mentions, by_id, previous, quotes_of[source.id], source.text)
            ids = [eid for eid, _ in speakers if eid]
            if not ids and st.antecedent is None:
                st.antecedent = possessor_named(st, article_mentions, by_id, previous)  # "his office"
            elif (
                ids == described[0] and ids and st.antecedent is None and (st.speaker or "").lower() in PEOPLE_PRONOUNS
            ):
                st.antecedent = described[1]  # "ethnic Armenian forces ... claimed ... They showed videos ..."
            previous.append((st.end, ids))
            described = (ids, st.antecedent or (st.speaker if len(speakers) == 1 else None))
            for speaker_id, mention in speakers:
                out.statements.append(
                    SpeakerStatement(
                        statement_id(source.id, st, speaker_id, mention), source.id, st, mention, speaker_id
                    )
                )
    if crosscheck:
        from ..brief.summary import summarize
        from ..crosscheck import cross_check

        cross_check(sources, docs, out)
        out.summary = summarize(sources, docs, words=summary_words, frequencies=frequencies)
    return out
