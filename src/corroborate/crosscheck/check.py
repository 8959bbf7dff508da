"""The cross-check of one story: claims grouped across articles, contradictions, timeline.

Alignment. Two claims from different articles state the same thing when their static-embedding cosine and
their content-lemma overlap together pass a threshold; claims are grouped by average link, never two claims
of one article in a group. A group's independent sources are the distinct source keys of its articles:
syndicated copies share one key, and so do two articles of one outlet.

Contradictions (each needs evidence from two sides):

* number: two aligned claims report the same kind of quantity (same unit, same counted noun) as intervals that
  do not meet ("12 people" against "at least 14 people"), from articles published within a day of each other;
* role: one person given two different offices ("Interior Minister" / "Prime Minister"), or one office given to
  two people ("Russian President Vladimir Putin" / "Russian President Vladimir Lukashenko");
* date: two aligned claims date the event they describe to different days;
* denial: a statement denying what another speaker or outlet asserts, or two aligned claims of which one is
  negated.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from ..analyze.statements import quote_spans
from ..analyze.story import MAX_ARTICLES, representatives
from ..dates import MONTHS, WEEKDAYS
from ..stories.features import stem
from .claims import NO_WORDS, PERIODS, Claim, cut_short, extract_claims, sentence_case, surname
from .numbers import TIME_SPANS, Quantity, comparable, compatible, counted_noun, too_far_apart
from .timex import compared_with, find_times, infer_published, measured_since, names_a_thing

ALIGN = 0.55  # combined similarity for two claims to be one claim
LOOSE_ALIGN = 0.45  # looser, where the pair is tied otherwise: the same figure's noun, dated verb or negated act
FIGURE_BONUS = 0.15
NUMBER_OVERLAP = 0.15  # a reworded report of a figure shares this much wording and a name
TWIN_OVERLAP = 0.6  # stem Jaccard above which two claims are one sentence reworded
DENIAL_MATCH = 0.55  # what a denial denies against what another claim asserts
MAX_EVIDENCE = 6
NEGATION_OVERLAP = 0.5
DOER_MATCH = 0.8  # content similarity at which the same act by the same doer is one act, whatever its object
ACT_OVERLAP = 0.2  # looser when the negated claim says the very act of the other did not happen
TITLE_BEFORE = re.compile(
    r"(?:\b(?:[Ff]ormer|[A-Z][a-z]+)\s+)?\b(?:Sen\.|Rep\.|Gov\.|Senator|Governor|(?:Vice )?President|"
    r"(?:Deputy )?Prime Minister|Speaker|Chancellor|Mayor|Secretary(?: of State)?|(?:Chief )?Justice)\s*$"
)
EXCLUSIVE_UNQUALIFIED = {"prime minister", "vice president", "chancellor", "speaker", "attorney general"}
PROSPECTIVE = re.compile(
    r"(?i)\b(?:nominee|nominated|nomination|pick|picked|choice|candidate|candidacy|bid|run|running|tapped|named)"
    r"\s+(?:for|to be|as|to become|to serve as)\s+(?:the\s+|a\s+)?$"
)
PAST = re.compile(r"\b(former|ex-|then-|late|outgoing|incoming|acting|designate|elect)\b", re.I)


def _key(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:12]


def _source_keys(sources) -> dict[str, str]:
    """Article -> independent-source key: syndicated copies share one (as the story's ``independent_sources``).

    The outlet name is not used: for files it is often only the folder they were found in.
    """
    return {s.id: s.source_group for s in sources}


def _days_apart(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)


def _similarity(claims: list[Claim], vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Combined similarity (embedding cosine and weighted stem overlap) and the plain stem Jaccard.

    The overlap weighs each lemma by its rarity among the story's claims and divides by the smaller claim's
    weight, so a short report of a fact matches the long sentence that also carries it.
    """
    cos = vectors @ vectors.T
    n = len(claims)
    df: dict[str, int] = defaultdict(int)
    for c in claims:
        for lemma in c.lemmas:
            df[lemma] += 1
    weight = {lemma: float(np.log((n + 1) / d)) for lemma, d in df.items()}
    totals = [sum(weight[x] for x in c.lemmas) for c in claims]
    jac = np.zeros((n, n), dtype=np.float32)
    lex = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        li = claims[i].lemmas
        if not li:
            continue
        for j in range(i + 1, n):
            lj = claims[j].lemmas
            if not lj:
                continue
            inter = li & lj
            if inter:
                jac[i, j] = jac[j, i] = len(inter) / len(li | lj)
                lex[i, j] = lex[j, i] = sum(weight[x] for x in inter) / max(1e-9, min(totals[i], totals[j]))
    sim = 0.5 * cos + 0.5 * lex
    for i, j in np.argwhere(np.triu(_shared_figures(claims, jac), k=1)):
        bonus = FIGURE_BONUS  # the same figure of the same thing is strong evidence of one fact
        if claims[i].speaker_entity and claims[i].speaker_entity == claims[j].speaker_entity:
            bonus += FIGURE_BONUS  # the same person quoted with the same figure: one claim, reworded
        sim[i, j] = sim[j, i] = sim[i, j] + bonus
    return sim, jac


def _shared_figures(claims: list[Claim], jac: np.ndarray) -> np.ndarray:
    """Pairs of claims that give the same figure of the same thing and share a word beside it."""
    n = len(claims)
    shared = np.zeros((n, n), dtype=bool)
    for i in range(n):
        if not claims[i].quantities:
            continue
        for j in range(i + 1, n):
            if jac[i, j] and _same_figure(claims[i], claims[j]):
                shared[i, j] = shared[j, i] = True
    return shared


def _content_similarity(claims: list[Claim], vectors: np.ndarray) -> np.ndarray:
    """Similarity of what two claims assert, speakers and speech verbs left out (for denials)."""
    cos = vectors @ vectors.T
    n = len(claims)
    lex = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        li = claims[i].content_lemmas
        for j in range(i + 1, n):
            lj = claims[j].content_lemmas
            inter = li & lj
            if inter:
                lex[i, j] = lex[j, i] = len(inter) / min(len(li), len(lj))
    return np.minimum(cos, 1.0) * 0.5 + 0.5 * lex


def _same_figure(a: Claim, b: Claim) -> bool:
    for qa in a.quantities:
        for qb in b.quantities:
            if qa.unit == qb.unit and qa.low == qb.low and qa.high == qb.high and (qa.noun == qb.noun or not qa.exact):
                return True
    return False


def _group(
    claims: list[Claim], sim: np.ndarray, threshold: float, anchors: np.ndarray | None = None
) -> list[list[int]]:
    """Average-link groups above ``threshold``; a group never holds two claims of one article.

    ``anchors`` marks pairs that give the same figure: such a pair above the threshold joins its groups even
    when their other members are worded apart ("thousands of militants are being sent" / "thousands of
    radicals hope to earn money in the war": the figure is the fact the outlets share).
    """
    group_of = list(range(len(claims)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(claims))}
    articles: dict[int, set[str]] = {i: {c.article_id} for i, c in enumerate(claims)}
    pairs = np.argwhere(np.triu(sim >= threshold, k=1))
    order = sorted(pairs.tolist(), key=lambda p: -sim[p[0], p[1]])
    for i, j in order:
        gi, gj = group_of[i], group_of[j]
        if gi == gj or articles[gi] & articles[gj]:
            continue
        anchored = anchors is not None and anchors[i, j]
        if not anchored and sim[np.ix_(members[gi], members[gj])].mean() < threshold:
            continue
        for k in members[gj]:
            group_of[k] = gi
        members[gi].extend(members.pop(gj))
        articles[gi] |= articles.pop(gj)
    return [sorted(m) for m in members.values()]


def _evidence(claim: Claim, start: int | None = None, end: int | None = None, text: str | None = None) -> dict:
    if start is None:
        return {"article_id": claim.article_id, "text": claim.text, "start": claim.start, "end": claim.end}
    return {"article_id": claim.article_id, "text": text, "start": start, "end": end}


def cross_check(sources, docs, analysis, embedder=None) -> None:
    """Fill ``analysis.claims``, ``.contradictions``, ``.timeline`` and ``.published``."""
    if embedder is None:
        from ..embed import get_embedder

        embedder = get_embedder("static")
    keys = _source_keys(sources)
    known = [(s.id, s.published) for s in sources]
    published: dict[str, str | None] = {}
    for s in sources:
        if s.published and not s.published_inferred:
            published[s.id] = s.published
            analysis.published[s.id] = (s.published, False)
        else:
            inferred = infer_published(known, s.text)
            published[s.id] = inferred
            if inferred:
                analysis.published[s.id] = (inferred, True)
    entities = {e.id: e for e in analysis.entities}
    by_article = defaultdict(list)
    for st in analysis.statements:
        by_article[st.article_id].append(st)
    claims: list[Claim] = []
    reps = set(representatives(sources, MAX_ARTICLES))
    for s, doc in zip(sources, docs):
        if s.id not in reps:
            continue  # a copy repeats its original's claims (added below as mentions); beyond the cap: skipped
        times = find_times(s.text, published[s.id])
        extracted = extract_claims(
            s.id, keys[s.id], doc, by_article[s.id], entities, quote_spans(s.text), times, published[s.id], len(claims)
        )
        inferred = analysis.published.get(s.id, (None, False))[1]
        for c in extracted:
            c.published_inferred = inferred
        claims.extend(extracted)
    contradictions: list[dict] = []
    groups: list[list[int]] = []
    if claims:
        vectors = embedder.encode([c.text for c in claims])
        sim, jac = _similarity(claims, vectors)
        content_vectors = embedder.encode([c.content or c.text for c in claims])
        content_sim = _content_similarity(claims, content_vectors)
        groups = _group(claims, _grouping_similarity(claims, sim), ALIGN, _shared_figures(claims, jac))
        contradictions += _number_conflicts(claims, sim, jac)
        contradictions += _date_conflicts(claims, sim, jac)
        contradictions += _denials(claims, sim, jac, content_sim)
    contradictions += _role_conflicts(analysis, sources)
    for c in contradictions:
        c["id"] = "x-" + _key(c["kind"], c["subject"], *[e["start"] for p in c["positions"] for e in p["evidence"]])
    disputed = {
        (e["article_id"], e["start"])
        for c in contradictions
        if c["kind"] != "role"  # a wrong title marks the title, not every claim that names the person
        for p in c["positions"]
        for e in p["evidence"]
    }
    analysis.claims = _claim_records(claims, groups, disputed, sim if claims else None)
    _add_copy_mentions(analysis.claims, sources, reps)
    analysis.contradictions = contradictions
    analysis.timeline = _timeline(claims, groups, sim if claims else None)


def _add_copy_mentions(records: list[dict], sources, reps: set[str]) -> None:
    """A claim of an original is also stated, word for word, by its copies: add those mentions."""
    copies = defaultdict(list)
    rep_group = {s.source_group: s.id for s in sources if s.id in reps}
    for s in sources:
        if s.id not in reps and s.source_group in rep_group:
            copies[rep_group[s.source_group]].append(s)
    if not copies:
        return
    for record in records:
        extra = []
        for m in record["mentions"]:
            for copy in copies.get(m["article_id"], []):
                at = copy.text.find(m["text"])
                if at >= 0:
                    extra.append({"article_id": copy.id, "text": m["text"], "start": at, "end": at + len(m["text"])})
        record["mentions"].extend(extra)


CUT_SHARED = 3  # content words an excerpt's cut end must share with a sentence to stand for the same fact


def _grouping_similarity(claims: list[Claim], sim: np.ndarray) -> np.ndarray:
    """The similarity by which claims are grouped, without the pairs in which an excerpt's cut end shares too
    few words with the other sentence to tell one fact: the overlap divides by the smaller claim, so two words of
    "Democrats accepted the deal because..." matched "The Senate voted 50-48 ... after Democrats and Republicans
    reached a deal", and "The court has a 6-3 conservative..." a sentence on the court's conservative majority. A
    cut end that shares more keeps its pairs ("“He was frail but had a lot of spirit until his last days,” Magill
    told the news agency, adding that...")."""
    gated = sim.copy()
    for i, claim in enumerate(claims):
        if not cut_short(claim.text):
            continue
        for j, other in enumerate(claims):
            if j != i and len(claim.lemmas & other.lemmas) < CUT_SHARED:
                gated[i, j] = gated[j, i] = 0.0
    return gated


def _claim_records(claims: list[Claim], groups: list[list[int]], disputed, sim) -> list[dict]:
    records = []
    for members in groups:
        mentions = [claims[i] for i in members]
        touched = any(any(c.article_id == a and c.start <= s < c.end for a, s in disputed) for c in mentions)
        independent = len({c.group for c in mentions})
        if len(members) > 1:  # the mention most like the others, told whole where one is ("would need...": cut)
            central = max(members, key=lambda i: (not cut_short(claims[i].text), sim[i, members].sum()))
        else:
            central = members[0]
        status = "disputed" if touched else ("corroborated" if independent >= 2 else "single_source")
        records.append(
            {
                "id": "c-" + _key(*[(c.article_id, c.start) for c in mentions]),
                "text": claims[central].label,
                "status": status,
                "independent_sources": independent,
                "mentions": [
                    {"article_id": c.article_id, "text": c.text, "start": c.start, "end": c.end} for c in mentions
                ],
            }
        )
    rank = {"disputed": 0, "corroborated": 1, "single_source": 2}
    records.sort(key=lambda r: (rank[r["status"]], -r["independent_sources"], r["mentions"][0]["article_id"]))
    return records


def _pairs(claims: list[Claim], sim: np.ndarray, threshold: float):
    """Pairs of claims from independent sources whose similarity passes ``threshold``."""
    for i, j in np.argwhere(np.triu(sim >= threshold, k=1)).tolist():
        if claims[i].group != claims[j].group:
            yield claims[i], claims[j]


# counts that rise as a story unfolds (as ``numbers.counted_noun`` names them): casualties, the missing, the arrested
TOLLS = {"people", "injured", "wounded", "missing", "casualty", "case", "infection", "body", "evacuee", "arrest"}


Hit = tuple[Claim, Quantity, Claim, Quantity]  # two articles' figures of one thing that disagree


def _number_conflicts(claims: list[Claim], sim: np.ndarray, jac: np.ndarray) -> list[dict]:
    found: dict[tuple[str, str], list[Hit]] = defaultdict(list)
    for a, b in _pairs(claims, sim, LOOSE_ALIGN):
        if a.negated != b.negated:
            continue
        apart = _days_apart(a.published, b.published)
        if apart is not None and apart > 1:
            continue  # figures move: a toll two days later is an update, not a contradiction
        undated = not (a.published and b.published) or a.published_inferred or b.published_inferred
        if not (_verb_classes(a.verbs) & _verb_classes(b.verbs)) and jac[a.index, b.index] < 0.3:
            continue
        if _rows_of_a_list(a, b):
            continue  # "Army: 40% fully vaccinated ..." / "Navy: 73% fully vaccinated ...": a list's two rows
        twins = jac[a.index, b.index] >= TWIN_OVERLAP  # one sentence, reworded little: its figures line up
        if not twins and (_another_occasion(a, b) or _another_occasion(b, a) or _dated_apart(a, b)):
            continue  # "when 35 House Republicans joined Democrats in a vote in May" / "the vote was 222-190 with
            # two Republicans": figures of two occasions
        if not twins and jac[a.index, b.index] < NUMBER_OVERLAP:
            continue  # two different figures of one story (a company's share, the total) are not one report

        def same_thing(x, y, twins=twins):
            if _other_acts(x, y):
                return False
            return comparable(x, y) or (twins and x.unit == y.unit and not (x.noun and y.noun))

        for qa in a.quantities:
            for qb in b.quantities:
                if not same_thing(qa, qb) or compatible(qa, qb, twins):
                    continue
                if too_far_apart(qa, qb) and not twins:
                    continue  # "3.7 million people" (Native American) / "about 204.3 million people" (white)
                if (qa.frames ^ qb.frames) & {"forecast", "world", "increment"}:
                    continue  # "the nearly 1 million jobs economists expected" / "added 266,000 jobs"; "the global
                    # tally ... above 221 million" / "the country has logged 40 million cases"; "will supply 100
                    # million more doses" / "will supply 200 million doses"
                if "when" in qa.frames | qb.frames and not twins:
                    continue  # "falls below 50 percent after five months" / "47% six months later": when each
                    # measure was taken (the measures may differ), not a figure the reports give
                if ("subset" in qa.frames or "subset" in qb.frames) and not _same_whole(a, qa, b, qb):
                    continue  # "at least 28 Palestinians, including nine children" / "seven of the deaths were of a
                    # single family, including three children": parts of two other wholes
                if not twins and (_sum_of_parts(a, qa, qb) or _sum_of_parts(b, qb, qa)):
                    continue  # "donating 200 million doses this year and 300 million doses in 2022" / "500 million"
                if not twins and (_breakdown(a, qa, b) or _breakdown(b, qb, a)):
                    continue  # "Walgreens reported wasting 2.6 million doses, CVS 2.2 million, Walmart 1.6 million
                    # ...": a figure in a breakdown is a part, not the whole another report gives
                if undated and not twins and (counted_noun(qa.noun) in TOLLS or counted_noun(qb.noun) in TOLLS):
                    continue  # "Twelve people were killed" / "We have recorded 24 people dead": a toll rises, and
                    # an article that gives no date may be days older or newer (so may one whose date is inferred)
                if qa.unit == "age" and not twins:
                    continue  # "the 69-year-old" and "a 25-year-old man": two people, unless one sentence reworded
                if qa.noun in TIME_SPANS and not twins and _agree_on_another_figure(a, b, qa):
                    continue  # "added 850,000 jobs ..., above the average of the previous three months" / "added
                    # 850,000 new jobs ..., after two months of disappointing growth": each writer's own frame
                if any(compatible(qa, o, twins) for o in b.quantities if _may_report_again(qa, o, same_thing)) or any(
                    compatible(qb, o, twins) for o in a.quantities if _may_report_again(qb, o, same_thing)
                ):
                    continue  # the other report has this figure too (a list of figures; "rose by 235,000 ...
                    # down from 943,000 jobs": the figures beside it are other quantities)
                found[(qa.unit, qa.noun)].append((a, qa, b, qb))
    out = []
    for (unit, noun), hits in found.items():
        torn = _torn_articles(hits)
        hits = [h for h in hits if h[0].article_id not in torn and h[2].article_id not in torn]
        for part in _disagreements(hits):
            report = _number_report(unit, noun, part)
            if report is not None:
                out.append(report)
    return out


def _number_report(unit: str, noun: str, hits: list[Hit]) -> dict | None:
    """One number contradiction: the figures of ``hits`` grouped into positions of values that agree, or None when
    they all agree."""
    positions: list[dict] = []
    seen: set[tuple[str, int]] = set()
    for a, qa, b, qb in hits:
        for claim, q in ((a, qa), (b, qb)):
            if (claim.article_id, q.start) in seen:
                continue
            seen.add((claim.article_id, q.start))
            home = next((p for p in positions if all(compatible(q, o, True) for o in p["_q"])), None)
            if home is None:
                home = {"value": q.value, "article_ids": [], "evidence": [], "_q": []}
                positions.append(home)
            home["_q"].append(q)
            if claim.article_id not in home["article_ids"]:
                home["article_ids"].append(claim.article_id)
            home["evidence"].append(_evidence(claim, q.start, q.end, q.text))
    if len(positions) < 2:
        return None
    for p in positions:
        p.pop("_q")
    written = next((q.noun_text for _, qa, _, qb in hits for q in (qa, qb) if q.noun_text), "")
    return {"kind": "number", "subject": _number_subject(unit, noun, written), "positions": positions}


def _torn_articles(hits: list[Hit]) -> set[str]:
    """Articles that set two figures of one noun against different figures of other articles, figures no one report
    could give of one quantity yet close enough that either could be it (each player's points in two box scores: "23
    points" / "17 points" against "14 points" / "13 points"): the noun does not tell which of them another article's
    figure is to be set beside, so neither is. Far apart they are plainly two things (the quake's "24 people" dead and
    the 2004 tsunami's "230,000 people"), and each is still compared; so are two figures that both disagree with the
    one figure the others agree on ("rose 2.7 percent in the past month, ... 0.6 percent in May" against "0.9%"), and
    a figure no other article disputes does not count ("13 mayoral candidates" and "rank up to five candidates")."""
    against: dict[str, dict[int, tuple[Quantity, list[Quantity]]]] = defaultdict(dict)
    for a, qa, b, qb in hits:
        against[a.article_id].setdefault(qa.start, (qa, []))[1].append(qb)
        against[b.article_id].setdefault(qb.start, (qb, []))[1].append(qa)
    torn = set()
    for article_id, by_start in against.items():
        for (x, xs), (y, ys) in itertools.combinations(by_start.values(), 2):
            if compatible(x, y) or too_far_apart(x, y):
                continue
            if any(not compatible(u, v) for u in xs for v in ys):
                torn.add(article_id)
                break
    return torn


def _disagreements(hits: list[Hit]) -> list[list[Hit]]:
    """The hits in groups that share a figure: each group is one disagreement ("24" / "Twelve" dead today) and
    another (the 2004 tsunami's "230,000" / "170,000") is reported apart, not as a third and fourth value of it."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def root(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, qa, b, qb in hits:
        parent[root((a.article_id, qa.start))] = root((b.article_id, qb.start))
    groups: dict[tuple[str, int], list[Hit]] = defaultdict(list)
    for hit in hits:
        groups[root((hit[0].article_id, hit[1].start))].append(hit)
    return list(groups.values())


ROW_LABEL = re.compile(r"^\s*([A-Z][\w.,'& -]{0,40}?):\s")  # "Army: ", "Air Force, which includes ...: "


def _rows_of_a_list(a: Claim, b: Claim) -> bool:
    """Two rows of a list or breakdown, alike but about two things: other labels ("Army: ..." / "Navy: ..."), or
    names with none in common."""
    la, lb = ROW_LABEL.match(a.text), ROW_LABEL.match(b.text)
    if la and lb and la.group(1).lower() != lb.group(1).lower():
        return True
    return bool(a.names and b.names and not a.names & b.names)


_IRREGULAR_PLURALS = {"person": "people", "child": "children", "man": "men", "woman": "women", "foot": "feet"}
_SAME_PLURAL = {"people", "police", "staff", "personnel", "cattle", "sheep", "fish", "deer", "aircraft", "series"}


def plural_noun(lemma: str) -> str:
    """The plural of a counted noun's lemma, for a subject a reader sees ("how many hours", not "how many
    hour"); a phrase ("per gallon") or a noun that is its own plural is left as it is."""
    if not lemma.isalpha() or lemma.lower() in _SAME_PLURAL:
        return lemma
    if lemma.lower() in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[lemma.lower()]
    if lemma.endswith("s") and not lemma.endswith(("ss", "us")):
        return lemma  # a plural the lemmatizer kept ("Republicans"), or "news"
    if lemma.endswith(("s", "x", "z", "ch", "sh")):
        return lemma + "es"
    if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        return lemma[:-1] + "ies"
    return lemma + "s"


# what a figure measures rather than counts
MEASURE_NOUNS = {"magnitude", "caliber", "calibre", "gauge", "grade", "level", "category", "rating", "size"}
# verbs whose figure is an amount that moved ("fell 34,000", "rose 0.6%"), not a count of those who did it
AMOUNT_VERBS = {"fall", "rise", "drop", "climb", "increase", "decrease", "decline", "jump", "grow", "gain", "slip"}
_PARTICIPLES = {"fall": "fell", "rise": "rose", "grow": "grew", "lose": "lost", "win": "won", "hit": "hit"}
_PARTICIPLES |= {"hold": "held", "leave": "left", "cut": "cut", "shoot": "shot", "strike": "struck", "make": "made"}
_PARTICIPLES |= {"take": "taken", "give": "given", "get": "got", "see": "seen"}


def _participle(verb: str) -> str:
    """The past form a subject reads well with ("injure" -> "injured", "kill" -> "killed", "fall" -> "fell")."""
    if verb in _PARTICIPLES:
        return _PARTICIPLES[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    if len(verb) <= 4 and verb.endswith("p") and verb[-2:-1] in "aeiou" and verb[-3:-2] not in "aeiou":
        return verb + "ped"  # "drop" -> "dropped"
    return verb + "ed"


def _number_subject(unit: str, noun: str, written: str = "") -> str:
    """What a number contradiction is about: "how many people", "$ price per gallon", "percentage of adults".
    ``written``: the counted noun as an article writes it, shown when it is a plural ("doses", not the tagger's
    lemma "dos")."""
    what = noun.lstrip("#")  # "#add": a figure named by its verb
    many = written if written.endswith("s") and written != what else plural_noun(what)
    if unit == "percent":
        return f"percentage of {written or what}" if what else "a percentage"  # "of traffic", not "of traffics"
    if unit == "age":
        return f"age of {what or unit}"
    if unit == "count" and what in ("measure", "register", "read") and noun.startswith("#"):
        return "the reading"  # "the quake measured 6.1"
    if unit == "count" and noun.startswith("#") and what.isalpha():
        done = _participle(what)  # "seven were injured": "how many injured"; "claims fell 34,000": "how much fell"
        return f"how much {done}" if what in AMOUNT_VERBS else f"how many {done}"
    if unit == "count" and what in MEASURE_NOUNS:
        return f"the {what}"  # "a 7.1 magnitude quake", "a .38 caliber revolver": a measure, not a count
    span, _, rest = what.partition(" ")
    if unit == "count" and span in TIME_SPANS and rest:
        return f"how many {plural_noun(span)} ({rest})"  # "a five-year sentence"
    if unit == "tally":
        return "the vote's tally"
    if unit == "count":
        return f"how many {many}" if what else "a count"
    currency = unit.removeprefix("money:")
    if what.startswith("per "):
        return f"{currency} price {what}"  # "$ price per gallon"
    return f"{currency} amount for {what}" if what else f"{currency} amount"


IN_A_MONTH = re.compile(
    r"\b(?:in|during|for|of|through)\s+(January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b"
)
ON_A_DAY = re.compile(
    r"\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|"
    r"Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+([0-3]?\d)(?:st|nd|rd|th)?\b(?![\d,.:]\d)"
)
OCCASIONS = {"month_year", "month_day", "day_month", "iso"}  # "in May", "on June 3": not "a month ago"


def _near_a_figure(claim: Claim, at: int) -> bool:
    """Is character ``at`` (a date) within 80 characters of one of the claim's figures, so likely its date?"""
    return any(abs(q.start - at) <= 80 for q in claim.quantities)


_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.I)


def _another_occasion(a: Claim, b: Claim) -> bool:
    """Does ``a`` date its figure to a time well before ``b`` was published (two months or more before its month,
    a day more than a week before), a time ``b`` does not give?"""
    if not b.published:
        return False
    published = b.published[:10]
    for d in a.times:
        expr = d.expr
        if d.thing or (expr.relative and a.published_inferred) or expr.kind not in OCCASIONS:
            continue
        if re.match(r"(?i)(?:from|since|until|by)\b", expr.text):
            continue  # "growth from January to March": a span the figure is set against, not its occasion
        if not _near_a_figure(a, expr.start):
            continue  # a date far from the claim's figures dates something else
        months_back = (int(published[:4]) - int(expr.date[:4])) * 12 + int(published[5:7]) - int(expr.date[5:7])
        if expr.precision == "month" and months_back >= 2:  # not "added 266,000 jobs in April" in a May report
            far = True
        elif expr.precision == "month" and months_back == 1 and _WHEN_AFTER.match(a.text, max(0, expr.end - a.start)):
            far = True  # "stands in contrast to a vote in May, when 35 House Republicans joined": that month's event
        elif expr.precision == "day" and (_days_apart(expr.date, published) or 0) > 7 and expr.date < published:
            far = True
        else:
            far = False
        if far and not any(x.expr.date[:7] == expr.date[:7] for x in b.times):
            return True
    return False


def _dated_apart(a: Claim, b: Claim) -> bool:
    """Do both claims date their figures, to months or years that differ ("added 266,000 jobs in November" / "added
    128,000 jobs in October"; "a 12-year sentence imposed in 1997" / "in 1959, ... a five-year sentence")? Two
    occasions, whenever the articles were published."""

    def near(c: Claim, found) -> set:
        return {x for at, x in found if _near_a_figure(c, at)}

    def months(c: Claim) -> set[int]:  # the month of the year only: "in November" takes its year from the article
        found = [(c.start + m.start(), MONTHS[m.group(1).lower()]) for m in IN_A_MONTH.finditer(c.text)]
        found += [(d.expr.start, int(d.expr.date[5:7])) for d in c.times if not d.thing and d.expr.kind in OCCASIONS]
        return near(c, found)  # named in the text too, as an undated article names it

    def years(c: Claim) -> set[str]:
        return near(
            c,
            [
                (d.expr.start, d.expr.date[:4])
                for d in c.times
                if not d.thing
                and not d.expr.relative
                and (d.expr.kind in OCCASIONS or (d.expr.kind == "year" and d.expr.text.lower().startswith("in ")))
            ],
        )

    def days(c: Claim) -> set[tuple[int, int]]:  # "the week ending May 30" / "the week ended May 15th"
        found = [
            (c.start + m.start(), (MONTHS[m.group(1).lower()], int(m.group(2)))) for m in ON_A_DAY.finditer(c.text)
        ]
        return near(c, found)

    ma, mb, ya, yb, da, db = months(a), months(b), years(a), years(b), days(a), days(b)
    return bool((ma and mb and not ma & mb) or (ya and yb and not ya & yb) or (da and db and not da & db))


def _same_whole(a: Claim, qa, b: Claim, qb) -> bool:
    """Are two parts ("including nine children") parts of one whole: both parts, after wholes that agree?"""

    def whole(claim: Claim, q):
        return next((x for x in reversed(claim.quantities) if x.start < q.start and "subset" not in x.frames), None)

    wa, wb = whole(a, qa), whole(b, qb)
    return "subset" in qa.frames and "subset" in qb.frames and wa is not None and wb is not None and compatible(wa, wb)


def _sum_of_parts(claim: Claim, q, total) -> bool:
    """Is ``total`` the sum of ``q`` and the claim's other figures of the same thing?"""
    parts = [x for x in claim.quantities if comparable(x, q) and x.exact]
    if len(parts) < 2 or not total.exact:
        return False
    whole = sum(x.point for x in parts)
    return abs(whole - total.point) <= 0.02 * max(whole, total.point)


def _breakdown(claim: Claim, q, other: Claim) -> bool:
    """Is ``q`` one of three or more figures of one unit in a claim (a breakdown by who or where), set against a
    report that names none of the parts (a total, not one part's figure: "Walgreens ..., with nearly 2.6 million")?"""
    return sum(1 for x in claim.quantities if x.unit == q.unit) >= 3 and not claim.names & other.names


def _agree_on_another_figure(a: Claim, b: Claim, q) -> bool:
    """Do the two claims give the same exact figure of something other than ``q``'s noun?"""
    return any(
        x.noun != q.noun and comparable(x, y) and x.exact and y.exact and compatible(x, y, False)
        for x in a.quantities
        for y in b.quantities
    )


def _may_report_again(q, other, same_thing) -> bool:
    """Might ``other`` be ``q`` reported again: a figure of the same thing, or the same exact figure whatever
    noun the parse gave it ("235,000 jobs" / "rose by 235,000")? A bound ("more than a dozen") is not."""
    return same_thing(q, other) or (other.unit == q.unit and q.exact and other.exact)


VERB_CLASSES = {"die": "die", "kill": "die", "drown": "die", "perish": "die", "injure": "hurt", "wound": "hurt"}
VERB_CLASSES |= {"evacuate": "evacuate", "flee": "evacuate", "displace": "evacuate", "arrest": "arrest"}
VERB_CLASSES |= {"detain": "arrest", "cut": "cut", "eliminate": "cut", "lose": "cut", "slash": "cut"}
VERB_CLASSES |= {v: "gain" for v in ("add", "gain", "increase", "rise", "grow", "create", "climb", "jump")}
VERB_CLASSES |= {v: "fall" for v in ("fall", "drop", "decline", "decrease", "dip", "sink", "plunge", "slide")}
VERB_CLASSES |= {v: "give" for v in ("donate", "give", "send", "ship", "share", "provide", "deliver")}


def _verb_class(verb: str) -> str:
    return VERB_CLASSES.get(verb, verb)


def _verb_classes(verbs: frozenset[str]) -> set[str]:
    return {_verb_class(v) for v in verbs}


def _other_acts(x, y) -> bool:
    """Are two figures the subjects of verbs of two acts? "37.3% of adults were fully vaccinated" / "over 55% of
    adults have received at least one dose"; "12 people died" / "14 people were injured" count different things."""
    return bool(x.predicate and y.predicate) and _verb_class(x.predicate) != _verb_class(y.predicate)


def _date_conflicts(claims: list[Claim], sim: np.ndarray, jac: np.ndarray) -> list[dict]:
    out = []
    seen: set[tuple[str, int]] = set()
    for a, b in itertools.chain(_pairs(claims, sim, LOOSE_ALIGN), _lede_pairs(claims, sim)):
        twins = jac[a.index, b.index] >= TWIN_OVERLAP
        pair = _differing_dates(a, b, twins)
        if pair is None:
            continue
        da, db = pair
        ta, va, thing = da.expr, da.verb, da.thing or db.thing
        tb, vb = db.expr, db.verb
        if (ta.relative and a.published_inferred) or (tb.relative and b.published_inferred):
            continue  # "on Thursday" counted from a publication date the article did not give: too unsure
        published_apart = _days_apart(a.published, b.published) or 0
        if thing in PERIODS and (not twins or published_apart >= 1):
            continue  # "the week ended May 8" / "the week ended May 15": each weekly report names its own week
        if not twins and (ta.relative or tb.relative) and published_apart >= 1:
            continue  # a story told over days: each day's article dates its own news ("a federal judge froze the
            # law on Wednesday" / "the appeals court late Friday allowed it to be enforced again")
        # two ledes of one event, told in other verbs; not a day apart: often two steps of the story (a panel
        # votes Thursday, the director signs off Friday), or one night in two time zones
        worded_apart = sim[a.index, b.index] < LOOSE_ALIGN  # a pair from _lede_pairs
        ledes = (
            not twins
            and bool(va and vb)
            and _ledes_of_one_event(a, b, worded_apart)
            and _days_apart(ta.date, tb.date) >= 2
        )
        if worded_apart and not ledes:
            continue  # a pair worded this far apart is one event only as two ledes of one doer's act
        # one statement quoted in both ("'I stand squarely behind my decision,' the president said Thursday" /
        # "Biden said he stands 'squarely behind' his decision, speaking from the White House Monday"): its day
        quoted = not twins and _one_statement(a, b) and _days_apart(ta.date, tb.date) >= 2
        one_event = ledes or quoted  # told as one event whatever the verbs and the wording
        if not twins:
            # a reworded report of one event: the same verb dated (or the same thing, or one event), a name in
            # common, some shared wording
            same_act = va and vb and _verb_class(va) == _verb_class(vb)
            if not (thing or same_act or one_event):
                continue
            if (jac[a.index, b.index] < NUMBER_OVERLAP and not one_event) or not (a.names & b.names or one_event):
                continue
        if (va in SPEECH or vb in SPEECH) and jac[a.index, b.index] < 0.5 and not one_event:
            continue  # "said on Tuesday" / "said on Wednesday": two statements, not one event
        if va in SPEECH and vb in SPEECH and va != vb and not one_event:
            continue  # "tweeted on Monday" that she would announce it, "announced Tuesday": two acts of speech
        if ta.kind == tb.kind == "weekday" and published_apart >= 3:
            continue  # "on Monday" a week apart is two Mondays
        if (a.article_id, ta.start) in seen or (b.article_id, tb.start) in seen:
            continue
        seen |= {(a.article_id, ta.start), (b.article_id, tb.start)}
        subject = f"date of: {min((a.text, b.text), key=len)}"
        out.append(
            {
                "kind": "date",
                "subject": _short(subject),
                "positions": [
                    {
                        "value": ta.date,
                        "article_ids": [a.article_id],
                        "evidence": [_evidence(a, ta.start, ta.end, ta.text)],
                    },
                    {
                        "value": tb.date,
                        "article_ids": [b.article_id],
                        "evidence": [_evidence(b, tb.start, tb.end, tb.text)],
                    },
                ],
            }
        )
    return out


SPEECH = {"say", "tell", "add", "state", "claim", "note", "explain", "write", "ask", "comment", "insist", "argue"}
SPEECH |= {"report", "announce", "tweet", "post", "reply", "respond", "warn", "told"}


LEDE = 1  # a story's news is in its articles' first sentences (0 and 1)


LEDE_ALIGN = 0.25  # two ledes whose dated acts have one doer, worded apart ("issued an injunction" / "invalidated")


def _lede_pairs(claims: list[Claim], sim: np.ndarray):
    """Pairs of ledes of independent sources below the alignment threshold whose dated acts share a doer: one
    event may be told in other words ("A federal judge issued an injunction on Friday ordering ..." / "A federal
    judge in Texas on Friday invalidated an Obama-era initiative ...")."""
    ledes = [c for c in claims if c.sentence <= LEDE and c.times]
    for a, b in itertools.combinations(ledes, 2):
        if a.group != b.group and LEDE_ALIGN <= sim[a.index, b.index] < LOOSE_ALIGN and _dated_acts_share_a_doer(a, b):
            yield a, b


def _ledes_of_one_event(a: Claim, b: Claim, worded_apart: bool = False) -> bool:
    """Both claims lead their articles, name someone in common and each date one thing only, a day that has
    passed: the story's main event, told twice. A lede with two dates ("claims fell in the week ended Aug. 14,
    data showed Thursday") or a plan ("may vote as soon as Wednesday") does not say which day is the event's.
    ``worded_apart``: the two are worded further apart than claims are aligned at (see ``_lede_pairs``)."""
    if a.sentence > LEDE or b.sentence > LEDE:
        return False
    named = bool(a.names_outside_quotes & b.names_outside_quotes)
    if not named and not _dated_acts_share_a_doer(a, b):
        return False  # a name in common outside quotation marks (not a website's title "... of Donald J. Trump"),
        # or the one doer of both dated acts ("A federal judge issued an injunction on Wednesday ordering ..." /
        # "A federal judge in Texas on Friday invalidated an Obama-era initiative ...")
    cited = {d.cited for c in (a, b) for d in c.times if not d.thing}
    if len(cited) == 2 and None not in cited:
        return False  # "according to data released Sunday" / "according to guidance issued Tuesday": the days two
        # sources the ledes cite came out, not the day of one event
    for c, other in ((a, b), (b, a)):
        if any(_cites_another_release(d, other) for d in c.times if d.cited and not d.thing):
            return False
    for c in (a, b):
        acts = [d for d in c.times if not d.thing]  # "in the week ended July 3" names the week, dates no act
        if len(acts) != 1 or (c.published and acts[0].expr.date > c.published[:10]):
            return False
        if acts[0].present:
            return False  # "Newsom heads into the recall Tuesday": today's or a coming day, not the news that passed
        if acts[0].background:
            return False  # "... on the area of Haiti where a 7.2-magnitude earthquake on Saturday killed ...": the
            # day of what a relative clause tells, not of the lede's news (a storm that "struck Haiti on Monday")
        if acts[0].expr.kind == "weekday" and _days_apart(acts[0].expr.date, c.published) == 6:
            return False  # "early Friday" in a lede dated Thursday: more likely a day-behind date than last week
    # one doer only, or little wording in common: both must date the news the same way ("on Friday" / "on
    # Wednesday"); a lede that dates its act by the calendar beside one dated by its weekday tells an earlier act
    # ("When officials signed off Aug. 29 on a Hellfire strike" / "Top officials acknowledged the error on Friday")
    if worded_apart or not named:
        return len({d.expr.kind for c in (a, b) for d in c.times if not d.thing}) == 1
    return True


def _dated_acts_share_a_doer(a: Claim, b: Claim) -> bool:
    """Do the acts two claims date have a subject noun in common ("a federal judge ... blocked" / "A federal judge
    issued")?"""

    def doers(c: Claim) -> set[str]:
        verbs = {stem(d.verb) for d in c.times if d.verb and not d.thing}
        return {x for act in c.acts if act.verb in verbs for x in act.subjects}

    return bool(doers(a) & doers(b))


MIN_QUOTED = 2  # words of a quotation two claims share to quote one statement


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['’][a-z]+)?", text.lower())


def _one_statement(a: Claim, b: Claim) -> bool:
    """Do two claims quote one statement: the same speaker, and words one puts in quotation marks stand, in that
    order, in the other?"""
    if a.speaker_entity is None or a.speaker_entity != b.speaker_entity:
        return False
    for x, y in ((a, b), (b, a)):
        other = " " + " ".join(_words(y.text)) + " "
        for start, end in quote_spans(x.text):
            words = _words(x.text[start:end])
            if len(words) >= MIN_QUOTED and f" {' '.join(words)} " in other:
                return True
    return False


def _cites_another_release(dated, other: Claim) -> bool:
    """Does a lede's date only say when a source it cites came out ("according to data released Sunday"), while
    ``other`` neither names that source nor dates a release ("the CDC unveiled updated guidelines on Tuesday")?"""
    other_acts = {_verb_class(d.verb) for d in other.times if d.verb}
    return stem(dated.cited) not in other.all_stems and _verb_class(dated.verb) not in other_acts


def _differing_dates(a: Claim, b: Claim, twins: bool):
    """The two time expressions on which two claims disagree, or None.

    Any two claims: their first day-precise dates of an act (a verb), else the days they give one thing ("the
    Jan. 6 insurrection"). One sentence reworded little (twins): its dates in order, whatever their precision
    ("the 2020 election" / "the 2017 election", "until January 2002"), when both date an act or the same thing.
    """
    if twins:
        for x, y in zip(a.times, b.times):
            if (
                x.expr.precision == y.expr.precision
                and x.expr.date != y.expr.date
                and (x.thing == y.thing or _one_thing(x, y))
            ):
                return x, y
        return None
    days_a = [d for d in a.times if d.expr.precision == "day" and d.verb]
    days_b = [d for d in b.times if d.expr.precision == "day" and d.verb]
    if days_a and days_b and days_a[0].expr.date != days_b[0].expr.date:
        # the first dates of two acts differ: the dates of one act, if both date it, decide ("breaching the Senate
        # chamber ... on Jan. 6 was sentenced Wednesday" / "was sentenced Monday"; "sentenced Monday" in both agree)
        same_verb = [(x, y) for x in days_a for y in days_b if _verb_class(x.verb) == _verb_class(y.verb)]
        if not same_verb:
            return days_a[0], days_b[0]
        return next(((x, y) for x, y in same_verb if x.expr.date != y.expr.date), None)
    for x in a.times:  # the day of one thing ("the Jan. 6 insurrection" / "the Jan. 12 riot at the Capitol")
        for y in b.times:
            if _one_thing(x, y) and x.expr.precision == y.expr.precision == "day" and x.expr.date != y.expr.date:
                return x, y
    return None


THING_CLASSES = {n: "attack" for n in ("attack", "riot", "insurrection", "siege", "storming", "assault", "uprising")}


def _one_thing(x, y) -> bool:
    """Do two dated expressions date one thing: one noun or one kind of event ("the Jan. 6 insurrection" / "the
    Jan. 12 riot"), or one act told as a noun and as a verb ("the Oct. 11 release of his book" / "the book is
    released on Oct. 5")?"""
    if x.thing and y.thing:
        return THING_CLASSES.get(x.thing, x.thing) == THING_CLASSES.get(y.thing, y.thing)
    noun, verb = (x, y) if x.thing else (y, x)
    return bool(noun.thing) and noun.thing == verb.verb and not verb.cited


NEGATIVE_WORDING = re.compile(
    r"\b(?:(not|never|no|none|nothing|neither|nor|without)\b|(declin|refus|fail|avoid|den(?=y|ie))\w*)|n[’']t\b", re.I
)


def _negative_words(text: str) -> Counter:
    """The ways a sentence says no: negators, denials and verbs of not doing ("declined to", "failed")."""
    return Counter((m.group(1) or m.group(2) or "not").lower() for m in NEGATIVE_WORDING.finditer(text))


# a claim that itself says no ("that no job cuts have been decided"); "without enough evidence" is no such no
_SAYING_NO = sorted(NO_WORDS - {"without", "neither", "nor", "n't"})  # "n't" is matched on the word it ends
SAYS_NO = re.compile(rf"\b(?:{'|'.join(_SAYING_NO)})\b|n[’']t\b", re.I)
# a speaker who calls what is asserted nonsense denies it: "Trump said ... new reports saying his associates had
# contact with Russian officials ... are 'non-sense'" is no assertion of those contacts
DISMISSES = re.compile(
    r"\b(?:non-?sense|a hoax|fake news|untrue|baseless|unfounded|groundless|bogus|fabricated|a lie|lies)\b", re.I
)


def _denials(claims: list[Claim], sim: np.ndarray, jac: np.ndarray, content_sim: np.ndarray) -> list[dict]:
    """A denial against what others assert; an assertion against its negation."""
    out = []
    used: set[int] = set()
    deniers = [c for c in claims if c.negated and c.stance == "deny" and c.speaker]
    for d in deniers:
        if d.index in used:
            continue
        asserted = sorted(
            (
                c
                for c in claims
                if c.index != d.index
                and not c.negated
                and not c.conditional
                and c.stance != "deny"
                and (c.speaker_entity is None or c.speaker_entity != d.speaker_entity or c.group != d.group)
                and not (c.speaker_entity and c.speaker_entity == d.speaker_entity and SAYS_NO.search(c.said))
                and not (c.speaker and DISMISSES.search(c.said or c.text))
                and content_sim[d.index, c.index] >= DENIAL_MATCH
                and _names_what_is_denied(d, c)
            ),
            key=lambda c: -content_sim[d.index, c.index],
        )[:MAX_EVIDENCE]
        if not asserted:
            continue
        same_denial = [
            o
            for o in deniers
            if o.index != d.index and o.index not in used and content_sim[d.index, o.index] >= DENIAL_MATCH
        ]
        deny_side = [d, *same_denial]
        used |= {c.index for c in deny_side}
        who_denies = sorted({c.speaker or "unattributed" for c in deny_side})
        who_asserts = sorted({c.speaker or "reported" for c in asserted})
        out.append(
            {
                "kind": "denial",
                "subject": _short(asserted[0].text),
                "positions": [
                    {
                        "value": f"asserted ({', '.join(who_asserts)})",
                        "article_ids": sorted({c.article_id for c in asserted}),
                        "evidence": [_evidence(c) for c in asserted],
                    },
                    {
                        "value": f"denied ({', '.join(who_denies)})",
                        "article_ids": sorted({c.article_id for c in deny_side}),
                        "evidence": [_evidence(c) for c in deny_side],
                    },
                ],
            }
        )
    for a, b in _pairs(claims, sim, LOOSE_ALIGN):
        if a.negated == b.negated or a.index in used or b.index in used:
            continue
        if (a.stance == "deny" and a.negated) or (b.stance == "deny" and b.negated):
            continue  # a denial: handled above ("the court dismissed the challenge" denies nothing)
        pos, neg = (a, b) if b.negated else (b, a)
        overlap = jac[a.index, b.index]
        if a.conditional != b.conditional or (a.conditional and overlap < TWIN_OVERLAP):
            continue  # "would not have placed him on injured reserve if they were still in contention" / "placed
            # him on injured reserve": a condition on one side only (the same condition on both can disagree)
        if neg.non_answer and not (neg.negated_act and neg.negated_act.verb in pos.answer_verbs):
            continue  # "could not say if anyone else was inside, but said no one else was hurt" / "said no one
            # else was hurt": not knowing is no denial, unless the other says the source knows ("I know what ...")
        undone = _undone(neg, pos) or (content_sim[a.index, b.index] >= DOER_MATCH and _done_by_the_same(neg, pos))
        if undone:
            if overlap < ACT_OVERLAP:
                continue
        elif _done_by_another(neg, pos):
            continue  # "Ross is not signed for a sequel" / "the main stars ... are all signed on"
        elif _negates_something_else(neg, pos):
            continue  # "The patch applies only to 32-bit versions" / "The patch applies only to 32-bit versions
            # and is not being rolled out automatically": the negation is of what the other does not say
        elif sim[a.index, b.index] < ALIGN or overlap < NEGATION_OVERLAP:
            continue
        if a.names and b.names and not a.names & b.names and not _same_speaker(a, b):
            continue  # other names, unless one body says both ("Essex Police said a man had been arrested")
        no_in_asserted, no_in_negated = _negative_words(pos.text), _negative_words(neg.text)
        asserted_outright = undone and neg.negated_act.verb not in pos.said_no_to
        if not asserted_outright and (no_in_asserted - no_in_negated or not no_in_negated - no_in_asserted):
            continue  # "declined to take questions" / "did not take questions": one fact, worded two ways; not
            # asked of an act the other asserts outright, whatever else it negates ("experts are coalescing around
            # the view ..., according to people who discussed a decision not yet made")
        used |= {a.index, b.index}
        out.append(
            {
                "kind": "denial",
                "subject": _short(pos.text),
                "positions": [
                    {"value": "asserted", "article_ids": [pos.article_id], "evidence": [_evidence(pos)]},
                    {"value": "negated", "article_ids": [neg.article_id], "evidence": [_evidence(neg)]},
                ],
            }
        )
    return out


def _names_what_is_denied(denial: Claim, claim: Claim) -> bool:
    """A claim a denial answers names what the denied clause is about: "Varnhold Hydro denies that cost played any
    part in its maintenance schedule" answers no claim that does not speak of cost ("sealing work had been
    scheduled for regular summer maintenance")."""
    about = denial.denied_about
    if not about:
        return True
    if not about & (claim.lemmas | claim.all_stems):
        return False
    if not denial.denied_doer:
        return True  # "deny that any job cuts are planned": what is denied is done to it, as the claim may say
    # what does the denied act must act in the claim too, or the act be the same: "Biden denied that his decision
    # to withdraw ... went against the generals' advice" answers no "Biden announced his decision to end ..."
    doers = {x for act in claim.acts for x in (*act.subjects, act.subject) if x}
    denied = denial.negated_act.verb if denial.negated_act else None
    return bool(about & doers) or any(act.verb == denied for act in claim.acts)


def _same_speaker(a: Claim, b: Claim) -> bool:
    return a.speaker_entity is not None and a.speaker_entity == b.speaker_entity


def _undone(neg: Claim, pos: Claim) -> bool:
    """Does ``neg`` say an act of ``pos`` did not happen: the same verb, the same subject and object where both
    say them, and at least one of the two said by both ("China has not declared all transactions illegal" /
    "China ..., declaring all financial transactions involving cryptocurrencies illegal")?"""
    act = neg.negated_act
    if act is None:
        return False
    for other in pos.acts:
        if other.verb != act.verb:
            continue
        pairs = [(x, y) for x, y in ((act.subjects, other.subjects), (act.objects, other.objects)) if x and y]
        if pairs and all(x & y for x, y in pairs):
            return True  # coordinated heads count: "the FBI and U.S. attorneys" / "the FBI and U.S. attorneys' offices"
        own_people = act.subject and act.subject == other.owner and act.owner in (None, other.subject)
        if own_people and (act.object is None or other.object is None or act.object == other.object):
            return True  # "the administration is not coalescing around a plan" / "the administration's experts are
            # coalescing around the view": an actor and its own people
    return False


def _done_by_the_same(neg: Claim, pos: Claim) -> bool:
    """Does ``pos`` give the negated act with the same doer, whatever it is done to?"""
    act = neg.negated_act
    return act is not None and any(o.verb == act.verb and act.subjects & o.subjects for o in pos.acts)


def _done_by_another(neg: Claim, pos: Claim) -> bool:
    """Does ``pos`` say the negated act was done, but by someone else: the same verb with another subject, and the
    negated claim's subject not named in ``pos`` at all ("the legislation, which is called the ... Act, clocks in
    at 2,702 pages" is the Act's)? A passive without its doer compares what the act is done to ("Ross is not
    signed" / "Lawrence and Hutcherson are signed")."""
    act = neg.negated_act
    if act is None:
        return False
    role = "subject" if act.subject is not None else "object"  # a passive without its doer: "Ross is not signed"
    who = getattr(act, role)
    if who is None or who in pos.lemmas:
        return False
    return any(o.verb == act.verb and getattr(o, role) and getattr(o, role) != who for o in pos.acts)


def _negates_something_else(neg: Claim, pos: Claim) -> bool:
    """Does ``neg`` negate an act that ``pos`` does not mention ("Results of the test have not been released" /
    "He gave a blood sample for a test")? The negated verb and the verbs it governs ("will not begin requiring")
    are looked for in ``pos``; a negated "be", "have" or "do" says little by itself ("is not a tough case"), so
    there ``neg`` must also say nearly all that ``pos`` says."""
    act = neg.negated_act
    if act is None or not pos.lemmas:
        return False
    mentioned = pos.all_stems | pos.lemmas  # lemmas ("spoke": speak) and words, the speech cue's too ("can witness")
    if neg.negated_verbs & mentioned or act.verb in mentioned:
        return False
    if act.verb in WEAK_VERBS:  # nearly all of ``pos`` and more ("Worse was not the dishonesty ..." against the
        # same sentence without "not" is that sentence negated)
        return len(pos.lemmas - neg.lemmas) <= 0.2 * len(pos.lemmas) and len(neg.lemmas - pos.lemmas) >= 2
    return True


WEAK_VERBS = {"be", "have", "do", "get"}


@dataclass(frozen=True)
class Office:
    core: str  # "president", "vice president", "secretary of state", "minority leader", ...
    qualifier: str  # whose office: "russian", "house", "" when the text does not say
    past: bool  # "former", "then-", "ex-", "late"

    @property
    def label(self) -> str:
        return " ".join(w for w in ("former" if self.past else "", self.qualifier, self.core) if w).title()


_CORES = (
    "secretary of state|secretary-general|secretary general|attorney general|prime minister|chief of staff|"
    "majority leader|minority leader|majority whip|minority whip|press secretary|speaker of the house|"
    "president|premier|chancellor|minister|secretary|speaker|governor|mayor|senator|representative|congressman|"
    "congresswoman|justice|judge|king|queen|ambassador|sen\\.|rep\\.|gov\\."
)
CORE_RE = re.compile(rf"(?i)\b(?:(vice|deputy|lieutenant|chief|assistant|associate)[- ])?({_CORES})(?:\b|(?<=\.))")
_ABBREV = {"sen.": "senator", "rep.": "representative", "gov.": "governor", "congressman": "representative"}
_ABBREV |= {"congresswoman": "representative", "premier": "prime minister", "secretary general": "secretary-general"}
_ABBREV |= {"speaker of the house": "speaker"}
NOT_QUALIFIERS = {"the", "a", "former", "then", "now", "and", "of"} | set(WEEKDAYS) | set(MONTHS)
PORTFOLIOS = {"interior", "foreign", "defense", "defence", "finance", "health", "justice", "education", "treasury"}
PORTFOLIOS |= {"labor", "labour", "commerce", "energy", "agriculture", "transportation", "transport", "economy"}
PORTFOLIOS |= {"trade", "environment", "housing", "shipping", "culture", "home", "homeland", "veterans", "war"}
CHAMBERS = {"senate", "house", "assembly"}
_GENERIC = {"secretary": ("secretary of state",), "minister": ("prime minister",)}


def _office(role: str) -> Office | None:
    """The office a title names: "Russian President" -> (president, russian); "former Sen." -> (senator, past)."""
    role = " ".join(role.split())  # "Majority Leader\xa0": web text spaces with no-break spaces
    m = CORE_RE.search(role)
    if not m:
        return None
    after = role[m.end() :].strip(" ,")
    if after and not after.lower().startswith(("of ", "for ", "in ")):
        return None  # "President Trump's personal lawyer": the office is someone else's
    core = _ABBREV.get(m.group(2).lower(), m.group(2).lower())
    if m.group(1):
        core = f"{m.group(1).lower()} {core}"
    before = role[: m.start()]
    past = bool(PAST.search(before))
    qualifier = [w.lower() for w in re.findall(r"[A-Z][\w-]+", before) if w.lower() not in NOT_QUALIFIERS]
    return Office(core, " ".join(qualifier[-2:]), past)


def _same_office(a: Office, b: Office) -> bool:
    """One office under two names? "Secretary X" and "Secretary of State X" yes; "Vice President" and
    "President" no; "Interior Minister" and "Foreign Minister" no, "Russian Foreign Minister" and "Foreign
    Minister" yes (for ministers and secretaries the words before the title name the portfolio)."""
    if {a.core, b.core} == {"judge", "justice"}:
        return True  # "Brooklyn Supreme Court Judge Vincent Del Giudice" / "Justice Vincent Del Giudice": a state
        # court's judges are its justices (not "Chief Justice", another core)
    if a.core != b.core:
        generic = (
            (a, b) if b.core in _GENERIC.get(a.core, ()) else (b, a) if a.core in _GENERIC.get(b.core, ()) else None
        )
        return generic is not None and not generic[0].qualifier
    if a.core in ("minister", "secretary", "deputy minister") and a.qualifier and b.qualifier:
        pa, pb = set(a.qualifier.split()) & PORTFOLIOS, set(b.qualifier.split()) & PORTFOLIOS
        return not (pa and pb) or bool(pa & pb)
    if a.core.endswith(("leader", "whip")) and a.qualifier and b.qualifier:
        ca, cb = set(a.qualifier.split()) & CHAMBERS, set(b.qualifier.split()) & CHAMBERS
        return not (ca and cb) or bool(ca & cb)
    return True


def _held_together(a: Office, b: Office) -> bool:
    """Two offices one person holds at once: a chamber's leader, whip or speaker is also a member of it ("Senate
    Minority Leader Mitch McConnell" / "Sen. Mitch McConnell"). Not "Justice" / "Chief Justice": outlets name the
    chief justice as such, and "Chief Justice Brett Kavanaugh" is more likely an error than a second name."""
    for x, y in ((a, b), (b, a)):
        chambers = set(y.qualifier.split()) & CHAMBERS
        if y.core.endswith(("leader", "whip")) or y.core == "speaker":
            if x.core == "senator" and (chambers <= {"senate"}) and y.core != "speaker":
                return True
            if x.core == "representative" and chambers <= {"house"}:
                return True
    return False


def _holder_key(office: Office) -> str | None:
    """An office only one person holds at a time, as the story names it; None when several people do."""
    if office.past or office.core in ("senator", "representative", "ambassador", "governor", "mayor", "judge"):
        return None
    if office.core in ("justice", "secretary", "minister", "press secretary", "chief of staff", "deputy minister"):
        return None  # several at once (justices, ministers of different portfolios)
    if office.qualifier or office.core in EXCLUSIVE_UNQUALIFIED:
        return " ".join(w for w in (office.qualifier, office.core) if w)
    return None


def _role_conflicts(analysis, sources) -> list[dict]:
    names = {e.id: e.name for e in analysis.entities}
    texts = {s.id: s.text for s in sources}
    seen: dict[str, list[tuple[Office, dict]]] = defaultdict(list)  # person -> offices with evidence
    for i, m in enumerate(analysis.mentions):
        if m.label != "PERSON":
            continue
        written = (m.role or "").strip()  # as the article writes it
        text = texts[m.article_id]
        if not written or not CORE_RE.search(written):  # "Sen. Joe Manchin": a title the parser did not attach
            title = TITLE_BEFORE.search(text[max(0, m.start - 60) : m.start])
            written = title.group(0).strip() if title else written
        if not written:
            continue
        office = _office(written)
        if office is None:
            continue
        role_start = text.rfind(written, max(0, m.start - 200), m.end + len(written) + 40)
        if role_start >= 0 and PROSPECTIVE.search(text[max(0, role_start - 40) : role_start]):
            continue  # "Biden's nominee for U.S. attorney general, Merrick Garland": an office not yet held
        start, end = (
            (min(role_start, m.start), max(role_start + len(written), m.end)) if role_start >= 0 else (m.start, m.end)
        )
        seen[analysis.owner[i]].append(
            (office, {"article_id": m.article_id, "text": text[start:end], "start": start, "end": end})
        )
    out = []
    flagged: set[str] = set()
    # one office, two people
    holders: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for person, offices in seen.items():
        for office, ev in offices:
            key = _holder_key(office)
            if key:
                holders[key][person].append(ev)
    for key, people in holders.items():
        if len(people) < 2:
            continue
        if len({surname(names.get(p, p)) for p in people}) < len(people):
            continue  # "Chuck Schumer" / "Charles E. Schumer": one person under two names
        articles = [{e["article_id"] for e in ev} for ev in people.values()]
        if all(a & b for a in articles for b in articles):
            continue  # named side by side in the same articles: a list, not a conflict
        ranked = sorted(people.items(), key=lambda kv: (-len({e["article_id"] for e in kv[1]}), names.get(kv[0], "")))
        out.append(
            {
                "kind": "role",
                "subject": f"who is {key.title()}",
                "positions": [
                    {"value": names.get(p, p), "article_ids": sorted({e["article_id"] for e in ev}), "evidence": ev}
                    for p, ev in ranked
                ],
            }
        )
        flagged |= set(people)
    # one person, two offices
    for person, offices in seen.items():
        groups: list[tuple[Office, list[dict]]] = []
        for office, ev in sorted(offices, key=lambda oe: (oe[0].core, oe[1]["article_id"])):
            home = next((g for g in groups if _same_office(g[0], office)), None)
            if home is None:
                groups.append((office, [ev]))
            else:
                home[1].append(ev)
                if office.qualifier and not home[0].qualifier:  # keep the fuller name of the office
                    groups[groups.index(home)] = (office, home[1])
        if len(groups) < 2 or all(_held_together(a[0], b[0]) for a, b in itertools.combinations(groups, 2)):
            continue
        articles = [{e["article_id"] for e in ev} for _, ev in groups]
        if all(a == articles[0] for a in articles):
            continue  # every article gives both: two offices held at once
        if person in flagged and len(groups) == 2 and any(g[0].past for g in groups):
            continue
        positions = [
            {"value": office.label, "article_ids": sorted({e["article_id"] for e in ev}), "evidence": ev}
            for office, ev in sorted(groups, key=lambda g: -len({e["article_id"] for e in g[1]}))
        ]
        out.append({"kind": "role", "subject": f"{names.get(person, person)}'s office", "positions": positions})
    return out


def _short(text: str, limit: int = 200) -> str:
    """A contradiction's subject within ``limit`` characters, cut at a word with an ellipsis, not mid-word."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


THING_DAYS = 14  # a day that names a thing this far from publication is another occasion's
# a document's day is when its words were written ("The July 13 cable called on Washington to ...", "In the April 9
# letter, ... wrote"), a period's when what it tells happened ("Over the July 4 weekend, gatherings ...")
DOCUMENT_AND_PERIOD_NOUNS = {"letter", "memo", "cable", "report", "statement", "release", "note", "tweet", "email"}
DOCUMENT_AND_PERIOD_NOUNS |= {"speech", "interview", "filing", "order", "ruling"}
DOCUMENT_AND_PERIOD_NOUNS |= {"weekend", "week", "night", "morning", "evening"}


def _compared_with(c: Claim, dated) -> bool:
    """Is the date the past point a change the claim reports is measured from, when the claim dates that change
    too ("rose 0.3 percent in August from July")? A claim with no other date keeps it: it says when, if anything."""
    a, b = dated.expr.start - c.start, dated.expr.end - c.start
    if not compared_with(c.text[:a], c.text[a:b], c.text[b:]):
        return False
    return any(o.expr.start != dated.expr.start and o.expr.precision in ("day", "week", "month") for o in c.times)


def _names_a_past_or_coming_thing(c: Claim, dated) -> bool:
    """Does the date name a thing of another occasion ("the Jan. 6 insurrection" in July, "the Oct. 5 release of his
    book")? Near publication such a name dates the claim's own news ("A Thursday attack ... killed 13", "in a
    Tuesday letter, senators accused ...")."""
    if dated.thing is None or dated.thing in DOCUMENT_AND_PERIOD_NOUNS or c.start > dated.expr.start:
        return False
    if dated.expr.kind not in ("month_day", "day_month", "weekday", "iso"):
        return False  # "six months ago", "this weekend": no day's name
    if not names_a_thing(c.text[dated.expr.end - c.start :]):
        return False
    apart = _days_apart(dated.expr.date, c.published)  # a day: the kinds above are all of day precision
    return apart is None or apart > THING_DAYS


# two claims of one day this alike (combined similarity) that name someone or something in common tell one event on
# the timeline (AllSides 2021: the 22 pairs of entries this joins each told one event; at 0.5, 4 of 25 pairs read
# told two, "a federal judge on Monday threw out antitrust lawsuits" / "Shares of Facebook rose ... on Monday")
SAME_EVENT = 0.6


def _same_event_groups(
    dated: list[tuple[Claim, object]], group_of: dict[int, int], sim
) -> dict[tuple[str, str, int], int]:
    """(date, precision, claim group) -> the group whose entry tells that day's or that week's event: two outlets'
    words for one event ("Jeff Bezos ... went to space on Tuesday" / "Jeff Bezos blasted off to space ... on
    Tuesday"; "Jobless claims held nearly steady last week" / "The number of Americans filing for unemployment
    benefits rose slightly last week") make one entry that cites both, though the aligner kept the claims apart."""
    by_when: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for c, d in dated:
        if d.expr.precision in ("day", "week"):
            by_when[(d.expr.date, d.expr.precision)].append(c)
    home: dict[tuple[str, str, int], int] = {}
    for (when, precision), cs in by_when.items():
        parent = {group_of[c.index]: group_of[c.index] for c in cs}
        for a, b in itertools.combinations(cs, 2):
            ga, gb = _group_root(parent, group_of[a.index]), _group_root(parent, group_of[b.index])
            if ga != gb and a.article_id != b.article_id and sim[a.index, b.index] >= SAME_EVENT and a.names & b.names:
                parent[max(ga, gb)] = min(ga, gb)
        for g in parent:
            home[(when, precision, g)] = _group_root(parent, g)
    return home


def _group_root(parent: dict[int, int], g: int) -> int:
    """The claim group that ``g`` was joined into (union-find over one day's groups)."""
    while parent[g] != g:
        g = parent[g]
    return g


def _timeline(claims: list[Claim], groups: list[list[int]], sim=None) -> list[dict]:
    entries: dict[tuple[str, str, int], dict] = {}
    group_of = {i: g for g, members in enumerate(groups) for i in members}
    dated = []
    for c in claims:
        for d in c.times:
            if d.expr.precision == "year":
                continue
            if c.start <= d.expr.start and measured_since(c.text[: d.expr.start - c.start], d.expr.text):
                continue  # "the first time since June 30 that ...": told of a later day
            if c.start <= d.expr.start and _compared_with(c, d):
                continue  # "apprehended 212,672 people in July, up from June": June is what July is set against
            if _names_a_past_or_coming_thing(c, d):
                continue  # "vetoed two nominees to the panel set to investigate the Jan. 6 insurrection" (July): the
                # day names what the panel looks into, not when the veto was
            dated.append((c, d))
    home = _same_event_groups(dated, group_of, sim) if sim is not None else {}
    for c, d in dated:
        expr, group = d.expr, group_of[c.index]
        group = home.get((expr.date, expr.precision, group), group)
        key = (expr.date, expr.precision, group)
        # the entry shows the words that hold its date: a claim's label gives only what is said ("Fenner says:
        # he filed a report in November 2023"), not a date outside it ("Fenner, who inspected dams until the
        # end of February, told the Ledger that ..."), so then the whole sentence is shown, or, when it holds
        # several days, the clause of this one, when it still names who speaks or acts ("Lawmakers approved the
        # bill Friday", not "Y happened Friday" of "X said Monday that Y happened Friday")
        if d.clause and not c.speaker:
            shown = d.clause  # opens with a capital (claims._clause_of)
        elif d.clause and c.speaker in d.clause and d.clause != sentence_case(c.text).rstrip(" .!?"):
            shown = d.clause  # a part of the sentence that names who speaks or acts
        else:
            shown = c.label if expr.text in c.label else sentence_case(c.text)
        # "on Tuesday", "last April" or "Jan. 21" counted from a publication date the article did not give (inferred
        # from its text): the day is a guess until an article that gives its date, or a full date, says it too
        guessed = expr.relative and c.published_inferred
        entry = entries.get(key)
        if entry is None:
            entry = entries[key] = {
                "date": expr.date,
                "precision": expr.precision,
                "text": shown,
                "expression": _expression(c, expr),
                "article_ids": [],
                "mentions": [],
                "_len": len(c.text),
                "_guessed": guessed,
            }
        elif len(c.text) < entry["_len"]:
            entry["text"], entry["expression"], entry["_len"] = shown, _expression(c, expr), len(c.text)
        entry["_guessed"] = entry["_guessed"] and guessed
        if c.article_id not in entry["article_ids"]:
            entry["article_ids"].append(c.article_id)
        mention = {"article_id": c.article_id, "text": c.text, "start": c.start, "end": c.end}
        if mention not in entry["mentions"]:
            entry["mentions"].append(mention)
    out = sorted(entries.values(), key=lambda e: (e["date"], -len(e["article_ids"]), e["text"]))
    for e in out:
        e.pop("_len")
        if e.pop("_guessed"):
            e["inferred"] = True
    return out


# not "in": "a shutdown that would kick in Friday morning"; a month's "in" is part of its expression
_LEADING_TIME_WORD = re.compile(r"\b(?:by|until|till|through|before|after|since|from|on)\s+$", re.I)


def _expression(c: Claim, expr) -> str:
    """The words that date a timeline entry as its claim writes them, with the word that says how ("by Dec. 31",
    "on Tuesday"): a reader then sees which of a sentence's days the entry is."""
    at = expr.start - c.start
    if not 0 <= at <= len(c.text):
        return expr.text
    lead = _LEADING_TIME_WORD.search(c.text[max(0, at - 8) : at])
    if lead is None or expr.text.lower().startswith(lead.group(0).split()[0].lower()):
        return expr.text  # "in July" holds its own word
    return lead.group(0) + expr.text
