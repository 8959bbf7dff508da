"""The story brief: a faithful cited summary, each rendering, and hostile article text kept inert."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from conftest import EXAMPLES
from corroborate import service
from corroborate.analyze.story import SourceText
from corroborate.brief.render import to_markdown
from corroborate.brief.summary import content_stems, summarize_story
from corroborate.cli import main
from corroborate.report import validate_report
from corroborate.settings import Settings

GOLD = json.loads((EXAMPLES / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    db = tmp_path_factory.mktemp("brief") / "b.duckdb"
    settings = Settings(db=str(db))
    service.ingest([str(EXAMPLES)], settings)
    report = service.report(settings)
    return {"settings": settings, "report": report, "articles": {a["id"]: a for a in report["articles"]}}


def supported(sentence: str, article_text: str) -> bool:
    """Some sentence of the article holds at least half of the summary sentence's content words."""
    want = content_stems(sentence)
    return any(len(want & content_stems(s)) >= 0.5 * len(want) for s in re.split(r"(?<=[.!?”\"])\s+", article_text))


def candidate_texts(text: str, weights=None) -> list[str]:
    """The summary's candidate sentences of one article holding ``text``."""
    from corroborate.brief import summary as S
    from corroborate.nlp import load_spacy

    candidates, _, _ = S._prepare(
        [SourceText("a", text, "Harbour Herald")], [load_spacy()(text)], weights or S.Weights(), None
    )
    return [c.text for c in candidates]


def test_every_summary_sentence_is_the_sources_own_words_and_cites_its_supporters(corpus) -> None:
    junk = {line for g in GOLD["articles"].values() for line in g.get("junk_lines", [])}
    multi_cited = 0
    for story in corpus["report"]["stories"]:
        english = [a for a in story["article_ids"] if corpus["articles"][a]["language"] == "en"]
        if not english:
            continue
        assert story["summary"], story["title"]
        words = sum(len(s["text"].split()) for s in story["summary"])
        assert words <= 100 + max(len(s["text"].split()) for s in story["summary"])  # the budget, give or take
        for s in story["summary"]:
            own = corpus["articles"][s["article_id"]]["text"]
            assert own[s["start"] : s["end"]] == s["text"]  # extractive: verbatim, with its offsets
            assert s["article_ids"][0] == s["article_id"]
            assert s["text"] not in junk
            for aid in s["article_ids"]:
                assert supported(s["text"], corpus["articles"][aid]["text"]), (s["text"], aid)
            multi_cited += len(s["article_ids"]) >= 2
    assert multi_cited >= 1
    validate_report(corpus["report"])


def test_copies_add_citations_never_candidates(corpus) -> None:
    for story in corpus["report"]["stories"]:
        texts = [s["text"] for s in story["summary"]]
        assert len(texts) == len(set(texts))
        for s in story["summary"]:
            source = corpus["articles"][s["article_id"]]
            assert source["duplicate_of"] is None or source["duplicate_of"] not in story["article_ids"]
    wire = next(a for a in corpus["report"]["articles"] if a["id"] == "cpa-2024-0305-001")
    copies = [a for a in corpus["report"]["articles"] if a["duplicate_of"] == wire["id"]]
    assert copies
    sources = [
        SourceText(a["id"], a["text"], a["source"], a["published"], group=a["syndication_group"])
        for a in [*copies, wire]  # the copies first: the original must still be the one quoted
    ]
    summary = summarize_story(sources, words=60)
    assert summary and all(s["article_id"] == wire["id"] for s in summary)
    texts = {a.id: a.text for a in sources}
    for s in summary:
        assert {c["id"] for c in copies} <= set(s["article_ids"])  # each reprint cited beside it
        # ... and its citation leads to the reprint's words of the sentence
        where = {e["article_id"]: texts[e["article_id"]][e["start"] : e["end"]] for e in s["evidence"]}
        assert {c["id"] for c in copies} <= set(where), s["evidence"]
        assert all(where[c["id"]] == s["text"] for c in copies)


def test_brief_sections_and_markdown(corpus) -> None:
    story = max(corpus["report"]["stories"], key=lambda s: len(s["article_ids"]))
    brief = service.get_brief(corpus["settings"], story["id"])
    assert brief["title"] == story["title"]
    assert [s["id"] for s in brief["sources"]] == story["article_ids"]
    assert brief["summary"] and all(s["cites"] for s in brief["summary"])
    assert all(f["sources"] >= 2 for f in brief["key_facts"])
    assert len(brief["coverage"]) == len(brief["sources"])
    for row in brief["coverage"]:
        assert sorted(row["reported"] + row["left_out"]) == list(range(len(brief["key_facts"])))
    md = to_markdown(brief)
    for heading in (
        "## Summary",
        "## Key facts",
        "## Contested",
        "## Who said what",
        "## Timeline",
        "## Coverage",
        "## Sources",
    ):
        assert heading in md
    assert re.search(r"\[\d+\]", md)
    # the key facts are numbered as the coverage table's columns name them ("fact 2" is the second key fact)
    assert brief["key_facts"], "the example's biggest story has corroborated facts"
    facts = md.split("## Key facts", 1)[1].split("## Contested", 1)[0]
    for n, fact in enumerate(brief["key_facts"], start=1):
        assert f"\n{n}. {fact['text'].split()[0]}" in facts and f"fact {n} " in md.split("## Coverage", 1)[1]


def test_brief_command_renders_each_format(corpus, tmp_path) -> None:
    story = corpus["report"]["stories"][0]
    db = corpus["settings"].db
    runner = CliRunner()
    term = runner.invoke(main, ["--db", db, "brief", story["id"][:8]], env={"COLUMNS": "160"})
    assert term.exit_code == 0, term.output
    assert "summary" in term.output and "sources" in term.output
    md_file = tmp_path / "b.md"
    res = runner.invoke(main, ["--db", db, "brief", story["id"], "--format", "markdown", "-o", str(md_file)])
    assert res.exit_code == 0 and md_file.read_text(encoding="utf-8").startswith("# ")
    res = runner.invoke(main, ["--db", db, "brief", story["id"], "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)["id"] == story["id"]
    assert runner.invoke(main, ["--db", db, "brief", "s-nosuch"]).exit_code == 2


HOSTILE = """Hostile Harbour Gazette

<script>alert('pwned')</script> Officials said the harbour crane collapsed on Monday, injuring three workers
at the north pier.

The harbour authority said an image <img src=x onerror=alert(1)> showed the crane's base had cracked before
the collapse at the north pier.

Inspectors said the crane collapsed because of a cracked base, [click here](javascript:alert(1)) according to
the harbour authority.
"""
CALM = """Calm Coast Courier

Officials said the harbour crane collapsed on Monday, injuring three workers at the north pier of the port.

The harbour authority said the crane's base had cracked before the collapse at the north pier, according to an image.
"""


def parse_tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element a browser would build from this HTML, with its attributes."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Collector().feed(html)
    return found


def test_hostile_article_text_stays_text_in_html_and_markdown(tmp_path) -> None:
    for outlet, text in (("gazette", HOSTILE), ("courier", CALM)):
        folder = tmp_path / "in" / outlet
        folder.mkdir(parents=True)
        (folder / "crane.txt").write_text(
            text.replace("Hostile Harbour Gazette", "Crane collapses at harbour"), encoding="utf-8"
        )
    settings = Settings(db=str(tmp_path / "h.duckdb"))
    result = CliRunner().invoke(
        main, ["--db", settings.db, "run", str(tmp_path / "in"), "--html", str(tmp_path / "site")]
    )
    assert result.exit_code == 0, result.output
    pages = list((tmp_path / "site").rglob("*.html"))
    assert any(p.parent.name == "stories" for p in pages)
    hostile_seen = False
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tags = parse_tags(html)
        assert "script" not in {t for t, _ in tags}
        assert not [(t, a) for t, attrs in tags for a, _ in attrs if a.startswith("on")]  # no event handlers
        assert not [
            v for _, attrs in tags for a, v in attrs if a == "href" and (v or "").lower().startswith("javascript:")
        ]
        hostile_seen |= "&lt;script&gt;" in html or "onerror=alert" in html
        assert "script-src" not in html and "default-src 'none'" in html  # the CSP forbids scripts anyway
    assert hostile_seen
    story_id = service.list_stories(settings)[0]["id"]
    md = to_markdown(service.get_brief(settings, story_id))
    assert "<script" not in md and "<img" not in md
    assert "&lt;script&gt;" in md or "&lt;img" in md
    assert not re.search(r"(?<!\\)\[[^\]]*(?<!\\)\]\(javascript:", md)  # no live link: brackets are escaped


STORY = [
    (
        "Senate passes flood relief bill",
        "The Senate on Tuesday passed a $12 billion flood relief bill for farmers in Iowa and Nebraska, "
        "sending the measure to the president. The vote was 71 to 28, with a dozen Republicans joining "
        "Democrats. The newsletter is delivered to subscribers every weekday morning and can be cancelled "
        "at any time without a fee.",
    ),
    (
        "Flood aid for farmers clears the Senate",
        "Farmers in Iowa and Nebraska will get $12 billion in flood relief after the Senate passed the bill "
        "on Tuesday by a vote of 71 to 28. The president is expected to sign the flood relief bill this week, "
        "the White House said.",
    ),
    (
        "Senate approves $12 billion in flood relief",
        "Lawmakers in the Senate approved $12 billion in flood relief for farmers on Tuesday after weeks of "
        "talks. Photos from the event were taken by staff photographers and are available in the gallery "
        "below the article.",
    ),
]


def test_learned_summary_model_loads_and_matches_the_features() -> None:
    from corroborate.brief import summary as S

    m = S.summary_model()
    assert m["features"] == list(S.FEATURES)
    assert len(m["mean"]) == len(m["scale"]) == len(m["coef"]) == len(S.FEATURES)
    assert all(v > 0 for v in m["scale"])
    sel = m["select"]
    need = (
        {"weight", "unigram", "top", "redundant", "lead_words"}
        if sel.get("method") == "cover"
        else {"diversity", "fit"}
    )
    assert need <= set(sel)
    trained = m["trained"]  # set on AllSides 2021 stories outside NeuS test, never on the benchmark
    held = trained["held_out"]
    assert sum(held["learned"].values()) > sum(held["hand_set"].values())
    assert S.learned_scores([]) == []


def test_learned_scorer_features_are_finite_and_rank_the_lead_over_filler() -> None:
    import math

    from corroborate.brief import summary as S
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    sources = [SourceText(f"a{i}", text, f"outlet{i}", title=title) for i, (title, text) in enumerate(STORY)]
    docs = list(nlp.pipe([s.text for s in sources]))
    candidates, vectors, rows = S._prepare(sources, docs, S.Weights(), None)
    assert len(candidates) == len(rows) == len(vectors) >= 5
    assert all(len(r) == len(S.FEATURES) and all(math.isfinite(v) for v in r) for r in rows)
    scores = S.learned_scores(rows)
    assert all(0.0 <= s <= 1.0 for s in scores)
    by_text = {c.text.split()[1]: s for c, s in zip(candidates, scores)}  # second word: unique per sentence
    lead, newsletter, photos = by_text["Senate"], by_text["newsletter"], by_text["from"]
    assert lead > newsletter and lead > photos
    assert max(scores) not in (newsletter, photos)
    summary = summarize_story(sources, nlp, words=60)
    texts = " ".join(s["text"] for s in summary)
    assert "newsletter" not in texts and "gallery" not in texts
    assert summary[0]["text"].startswith(("The Senate", "Farmers", "Lawmakers"))
    assert len(summary[0]["article_ids"]) >= 2  # the lead fact is corroborated and cited as such


def test_hand_set_scorer_is_still_available() -> None:
    from corroborate.brief.summary import Weights

    sources = [SourceText(f"a{i}", text, f"outlet{i}", title=title) for i, (title, text) in enumerate(STORY)]
    hand = summarize_story(sources, words=60, weights=Weights(learned=False))
    assert hand and all(s["article_ids"][0] == s["article_id"] for s in hand)


def test_a_summary_sentence_leaves_out_its_dateline_and_keeps_exact_offsets() -> None:
    from corroborate.brief import summary as S
    from corroborate.nlp import load_spacy

    text = (
        "PORT VALE (AP) — Divers found the wreck of the ferry that sank off the harbour wall on Monday night. "
        "The ferry had carried forty passengers and a crew of six when the storm reached the coast."
    )
    candidates, _, _ = S._prepare([SourceText("a", text, "Harbour Herald")], [load_spacy()(text)], S.Weights(), None)
    first = candidates[0]
    assert first.text.startswith("Divers found the wreck")  # where and by whom the report was filed is not news
    assert text[first.start : first.end] == first.text


def test_a_summary_sentence_leaves_out_a_section_label_and_keeps_exact_offsets() -> None:
    from corroborate.brief import summary as S
    from corroborate.nlp import load_spacy

    text = (
        "The harbour authority closed the port on Monday after the storm wrecked two ferries at their moorings. "
        "Why it matters: The port handles most of the island's food and fuel, and no date has been set to reopen it."
    )
    candidates, _, _ = S._prepare([SourceText("a", text, "Harbour Herald")], [load_spacy()(text)], S.Weights(), None)
    second = next(c for c in candidates if "food and fuel" in c.text)
    assert second.text.startswith("The port handles")  # the outlet's signpost is not news
    assert text[second.start : second.end] == second.text


def test_a_quote_that_does_not_say_whose_words_is_not_a_candidate() -> None:
    text = (
        "The council approved the new tram line to the harbour district on Monday after a long debate. "
        "“We cannot but be concerned” that costs may “rise again before the line opens in the coming years.” "
        "“We will watch every contract closely until the line opens,” the mayor said after the vote. "
        "Opponents said the line would cost far more than the council had planned for this decade."
    )
    texts = candidate_texts(text)
    assert not any(t.startswith("“We cannot") for t in texts)  # whose concern? not shown without a speaker
    assert any(t.startswith("“We will watch") for t in texts)  # attributed: the mayor said
    assert any(t.startswith("The council approved") for t in texts)


def test_selection_stops_before_the_budget_when_the_rest_scores_low() -> None:
    from types import SimpleNamespace

    from corroborate.brief.summary import select

    candidates = [SimpleNamespace(text=" ".join([w] * 12)) for w in ("alpha", "beta", "gamma")]
    vectors = [{"a": 1.0}, {"b": 1.0}, {"c": 1.0}]  # nothing redundant
    scores = [0.9, 0.5, 0.2]
    assert select(candidates, vectors, scores, 100, 0.0, 0.9) == [0, 1, 2]  # fills the budget
    assert select(candidates, vectors, scores, 100, 0.0, 0.9, stop=0.4) == [0, 1]
    assert select(candidates, vectors, scores, 100, 0.0, 0.9, stop=0.95) == [0]  # the best is always kept


def test_news_sentences_full_of_names_and_reported_advice_are_candidates_the_writers_are_not() -> None:
    from corroborate.brief import summary as S
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    text = (
        "The US will retaliate for Russian cyberattacks during the presidential election, officials warned. "
        "Sen. Bernie Sanders, I-Vt., has won the New Hampshire primary by a narrow margin over his rivals. "
        "Supreme Court Justice Ruth Bader Ginsburg made history Friday as the first woman to lie in state. "
        "The president said Republicans should stop wasting their time on immigration until the election. "
        "Readers should always check the facts twice before they share a story with their friends online. "
        "We think the whole affair shows how little the government has learned from its earlier mistakes. "
        "New Rules Ban Trucks From Crossing The Old Harbour Bridge After Midnight On Weekdays. "
        "Officials in the port city said the bridge would close to lorries on Friday, as a caravan of"
    )
    starts = {" ".join(t.split()[:2]) for t in candidate_texts(text)}
    assert "The US" in starts  # "US" is the country, not "us"
    assert "Sen. Bernie" in starts  # the "I" of "I-Vt." is a party label
    assert "Supreme Court" in starts  # names are not Title Case
    assert "The president" in starts  # what someone said should happen is reported speech
    assert "Readers should" not in starts  # the writer's advice
    assert "We think" not in starts  # the writer's opinion
    assert "New Rules" not in starts  # a heading
    assert "Officials in" in starts  # the excerpt's last sentence, cut mid-way
    heading = next(nlp.pipe(["New Rules Ban Trucks From Crossing The Old Harbour Bridge After Midnight On Weekdays."]))
    assert S._title_case(heading[:])
    assert not any(t.startswith("Officials in") for t in candidate_texts(text, S.Weights(cut_last=False)))
    # a fragment that does not end the article is not a candidate
    head = "Officials in the port city said the bridge would close to lorries, as a caravan of\n\nThe mayor agreed."
    assert not any(t.startswith("Officials in") for t in candidate_texts(head))


def test_a_cut_summary_sentence_is_shown_with_an_ellipsis_and_kept_exact_in_the_report() -> None:
    from corroborate.brief.build import build_brief

    cut = "Officials in the port city said the bridge would close to lorries on Friday, as a caravan of"
    whole = "The council approved the new tram line on Monday."
    story = {
        "id": "s1",
        "title": "Harbour",
        "article_ids": ["a", "b"],
        "summary": [{"text": whole, "article_ids": ["a"]}, {"text": cut, "article_ids": ["b", "a"]}],
    }
    brief = build_brief(story, {"a": {"id": "a", "source": "Herald"}, "b": {"id": "b", "source": "Post"}})
    assert [s["text"] for s in brief["summary"]] == [whole, cut + " …"]
    assert [s["cites"] for s in brief["summary"]] == [[1], [1, 2]]
    assert story["summary"][1]["text"] == cut
    assert to_markdown(brief).count(cut + " …") == 1


def one_speaker_brief(name: str, statements: list[dict]) -> dict:
    """The brief of a one-article story whose statements (text, kind, stance, cue) are all one speaker's."""
    from corroborate.brief.build import build_brief

    story = {
        "id": "s-1",
        "title": "Talks",
        "article_ids": ["a"],
        "entities": [{"id": "e-1", "name": name}],
        "statements": [{"speaker_entity": "e-1", "article_id": "a", **st} for st in statements],
    }
    return build_brief(story, {"a": {"id": "a", "source": "Herald", "title": "Talks", "text": "..."}})


def test_a_quoted_statement_is_shown_in_one_pair_of_quotation_marks() -> None:
    quote = "“We have no doubt that the parties will come to the table,”"
    mixed = "“Azerbaijan isn’t alone,” Aliyev told Cavusoglu. “Turkey is with us.”"
    reported = "that Turkey’s role is limited to political and moral support"
    brief = one_speaker_brief(
        "Ilham Aliyev",
        [
            {"text": t, "stance": "assert", "kind": k, "cue": "said"}
            for t, k in ((quote, "direct"), (mixed, "direct"), (reported, "indirect"))
        ],
    )
    shown = {s["text"] for s in brief["who_said_what"][0]["main"]}
    assert shown == {
        "We have no doubt that the parties will come to the table",  # its comma led back into the sentence
        "Azerbaijan isn’t alone,” Aliyev told Cavusoglu. “Turkey is with us.",
        reported,
    }
    markdown = to_markdown(brief)
    assert "““" not in markdown and "””" not in markdown
    # reported speech is not put in quotation marks of our own: they would claim its words verbatim
    assert f"assert: {reported} [1]" in markdown and f"“{reported}”" not in markdown
    assert "“We have no doubt that the parties will come to the table”" in markdown
    # an excerpt cut inside its last quote (AllSides: "““President Joe Biden will host ...,” CNBC reported Sunday.
    # “The visit marks the one-year...”"): its first mark is ours, and ours closes it after the cut
    cut = "“Aliyev will host the talks on Tuesday,” Aliyev said Sunday. “The visit marks the one-year..."
    markdown = to_markdown(one_speaker_brief("Ilham Aliyev", [{"text": cut, "stance": "assert", "kind": "direct"}]))
    assert f"{cut}”" in markdown and "““" not in markdown
    # the same in straight marks (AllSides: “"In one video by Al Jazeera English ..., an agent yells, 'This is why
    # your...”, its straight mark inside ours)
    straight = "\"In one video that circulated widely, an agent yells, 'This is why your..."
    markdown = to_markdown(
        one_speaker_brief("Ilham Aliyev", [{"text": straight, "stance": "assert", "kind": "direct"}])
    )
    assert f"“{straight[1:]}”" in markdown and '“"' not in markdown


def test_a_quotation_resumed_after_its_narration_is_shown_without_it() -> None:
    # the seeds: "“Azerbaijan isn’t alone,” Aliyev told Cavusoglu in the capital, Baku. “A world power like Turkey
    # is together with Azerbaijan.”" had been listed with "Aliyev told Cavusoglu ..." inside our quotation marks
    split = "“Azerbaijan isn’t alone,” Aliyev told Cavusoglu in the capital, Baku. “A world power is with us.”"
    # pieces that do not each resume a quotation, or that the cue does not stand between, would leave out words
    # the statement needs ("to Democratic leaders", "a political bombshell that"): such a statement is shown whole
    warning = "a stern warning to Democratic leaders that the infrastructure bill cannot pass the House"
    called = "the audit report, out on Friday, a political bombshell that “has uncovered evidence of FRAUD.”"

    def statement(text: str, cue: str, kind: str, second: str, first_end: int) -> dict:
        return {
            "text": text,
            "cue": cue,
            "stance": "assert",
            "kind": kind,
            "start": 40,
            "end": 40 + len(text),
            "pieces": [[40, 40 + first_end], [40 + text.index(second), 40 + len(text)]],
        }

    brief = one_speaker_brief(
        "Ilham Aliyev",
        [
            statement(split, "told", "direct", "“A world", len("“Azerbaijan isn’t alone,”")),
            statement(warning, "said", "indirect", "that the", len("a stern warning")),
            statement(called, "called", "mixed", "“has", len("the audit report, out on Friday")),
        ],
    )
    shown = {s["text"] for s in brief["who_said_what"][0]["main"]}
    assert shown == {"Azerbaijan isn’t alone … A world power is with us.", warning, called}
    assert "“Azerbaijan isn’t alone … A world power is with us.”" in to_markdown(brief)


def test_evidence_holding_a_quotation_is_quoted_in_single_marks_within_ours() -> None:
    # seeds: "... are "actively entering into the conflict zone."" was shown closing twice, “... zone."”
    from corroborate.brief.render import quoted
    from corroborate.report.html import environment

    said = 'Citing the SVR, the chief claimed that mercenaries are "actively entering into the conflict zone."'
    assert (
        quoted(said)
        == "“Citing the SVR, the chief claimed that mercenaries are ‘actively entering into the conflict zone.’”"
    )
    assert quoted("Putin “doesn’t know how to contain” Erdogan, said Dubnov.") == (
        "“Putin ‘doesn’t know how to contain’ Erdogan, said Dubnov.”"
    )
    assert quoted("A plain sentence.") == "“A plain sentence.”"
    # in HTML the result is still escaped: an article is untrusted
    html = environment().from_string("{{ e|quoted }}").render(e='<script>alert("x")</script>')
    assert "<script>" not in html and "&lt;script&gt;" in html


def _candidate(text: str, i: int):
    from corroborate.brief import summary as S

    return S.Candidate(f"a{i}", f"g{i}", 0, len(text), text, 0, S.content_stems(text))


def test_covering_selection_says_what_the_leads_say_in_few_words() -> None:
    from corroborate.brief import summary as S

    leads = [
        S.grams("The House passed the farm bill on Friday. The bill now goes to the Senate."),
        S.grams("On Friday the House passed a farm bill that cuts food aid; the Senate votes next week."),
    ]
    texts = [
        "The House passed the farm bill on Friday after a long debate.",  # what both leads say
        "The House passed the farm bill on Friday after a long debate in the chamber.",  # the same, longer
        "Lawmakers ate lunch in the crowded cafeteria near the old chamber before the vote.",  # no lead says it
        "The bill now goes to the Senate, which votes next week.",  # the leads' second point
    ]
    candidates = [_candidate(t, i) for i, t in enumerate(texts)]
    vectors = [dict(c.counts or {w: 1.0 for w in c.stems}) for c in candidates]
    scores = [0.5, 0.5, 0.5, 0.5]
    chosen = S.select_covering(candidates, vectors, scores, leads, words=60, weight=0.3, unigram=0.5, top=8)
    assert 0 in chosen and 3 in chosen
    assert 2 not in chosen  # words no lead uses lower the set's precision
    assert 1 not in chosen  # saying the first point again adds nothing a lead says
    # a small budget: the first point alone, no sentence starting past the budget
    short = S.select_covering(candidates, vectors, scores, leads, words=8, weight=0.3, unigram=0.5, top=8)
    assert short == [0] or sum(len(texts[i].split()) for i in short[:-1]) < 8
    # the learned score still counts: a much better scored sentence is in the set
    boosted = S.select_covering(candidates, vectors, [0.5, 0.5, 1.0, 0.5], leads, 60, weight=5.0, unigram=0.5)
    assert 2 in boosted
    # without leads (nothing to cover) the best scored sentence is taken
    assert S.select_covering(candidates, vectors, [0.1, 0.2, 0.9, 0.3], [], 60) == [2]


def test_a_summary_does_not_say_one_thing_twice() -> None:
    from corroborate.brief import summary as S

    texts = [
        "In two unsigned opinions Monday, the Marsovian Supreme Court ruled in favor of police officers seeking "
        "qualified immunity.",
        "The Marsovian Supreme Court Monday issued two unsigned opinions applying qualified immunity to police "
        "officers, reversing lower court decisions.",
        "The first case involved an officer kneeling on a man's back for eight seconds in Union City.",
    ]
    a, b, c = (_candidate(t, i) for i, t in enumerate(texts))
    assert S.repeats(a, b) and S.repeats(b, a)  # one holds at least half of the other and all its names
    assert not S.repeats(a, c)
    # a sentence that gives a figure or a name the other lacks tells something else
    cola = _candidate("The Marsovian Social Security Administration said Wednesday the adjustment will be 5.9%.", 3)
    more = _candidate(
        "The adjustment amounts to $92 a month, the Marsovian Social Security Administration said Wednesday.", 4
    )
    assert not S.repeats(cola, more)
    # names are the capitalised words inside the sentence, not the letters of an abbreviation or a quotation's first
    # word; a name after "Ms." is a name
    terms = S.key_terms("“This has to be done soon,” Ms. Granholm told the U.S. Senate on Sunday, citing 5.9%.")
    assert terms == {"granholm", "senat", "sunday", "5.9"}
    # a name written with and without its accent is one name
    assert S.repeats(
        _candidate("Haitian President Jovenel Moïse was assassinated at his home on Wednesday, officials said.", 5),
        _candidate("Haitian President Jovenel Moise was assassinated at his home on Wednesday by gunmen.", 6),
    )
    # each outlet leads with its own wording of the ruling, then goes on to what no candidate says
    more = " Advocates of police reform had hoped the justices would take up the doctrine in full this term."
    leads = [S.grams(texts[0] + more), S.grams(texts[1] + more)]
    candidates = [a, b, c]
    vectors = [dict(x.counts or {w: 1.0 for w in x.stems}) for x in candidates]
    both = S.select_covering(
        candidates, vectors, [0.6, 0.6, 0.4], leads, words=60, weight=0.2, unigram=1.0, top=6, distinct=False
    )
    assert {0, 1} <= set(both)  # what the leads' coverage alone takes: the ruling twice
    chosen = S.select_covering(candidates, vectors, [0.6, 0.6, 0.4], leads, words=60, weight=0.2, unigram=1.0, top=6)
    assert len({0, 1} & set(chosen)) == 1


def test_a_lede_that_says_when_is_marked() -> None:
    from corroborate.brief import summary as S
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    texts = [
        "The council approved the tram line to the harbour district on Tuesday after a long debate.",
        "The council approved the tram line to the harbour district after a long and heated debate.",
    ]
    sources = [SourceText(f"a{i}", t, f"outlet{i}") for i, t in enumerate(texts)]
    candidates, _, rows = S._prepare(sources, list(nlp.pipe(texts)), S.Weights(), None)
    when = {c.article_id: r[S.FEATURES.index("when")] for c, r in zip(candidates, rows)}
    assert when == {"a0": 1.0, "a1": 0.0}


def test_an_untitled_source_is_listed_by_its_opening_words() -> None:
    from corroborate.brief.build import build_brief

    story = {"id": "s-1", "title": "Dam gives way", "article_ids": ["a", "b"], "summary": [], "claims": []}
    articles = {
        "a": {
            "id": "a",
            "source": "seeds",
            "title": None,
            "text": "Amid renewed appeal by Kremlin to end the armed "
            "conflict in and around Nagorno-Karabakh, the spy chief said so.",
        },
        "b": {"id": "b", "source": "seeds", "title": "Russia sounds alarm", "text": "Russia said ..."},
    }
    brief = build_brief(story, articles)
    markdown = to_markdown(brief)
    assert "(no title) “Amid renewed appeal by Kremlin to end the armed conflict in and …”" in markdown
    assert "Russia sounds alarm" in markdown and markdown.count("(no title)") == 1


def test_who_said_what_lists_what_speakers_said_not_what_they_did() -> None:
    def statement(cue: str, kind: str, text: str) -> dict:
        return {"cue": cue, "kind": kind, "stance": "assert", "text": text}

    brief = one_speaker_brief(
        "Marsovian government",
        [
            statement("imposed", "indirect", "one of the world's strictest COVID-19 measures on Friday"),
            statement("voted", "indirect", "to extend the emergency decree until the end of the year"),
            statement("said", "indirect", "workers without a pass would be sent home without pay"),
            statement("According to", "indirect", "the pass will be required in every workplace from October"),
            statement("accepts", "indirect", "that the rule will be hard on small employers at first"),
            statement("said", "direct", "“Nobody will be fired for lacking a pass,” the minister said."),
            # NeuS test: "The Virginia Senate passed a "red flag" law ...": a quoted phrase does not make an act said
            statement("passed", "mixed", "a “green pass” law that would let employers check their staff"),
            statement("said", "mixed", "the “green pass” would be checked at the door of every workplace"),
        ],
    )
    (speaker,) = brief["who_said_what"]
    shown = [m["text"] for m in speaker["main"]]
    assert speaker["statements"] == 5 and len(shown) == 3, shown
    assert not any("strictest" in t or "emergency decree" in t or "green pass” law" in t for t in shown)


def _slant_story(slanted_text: str, neutral_text: str):
    from corroborate.brief import summary as S
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    sources = [SourceText("left", slanted_text, "Outlet A"), SourceText("right", neutral_text, "Outlet B")]
    return S._prepare(sources, list(nlp.pipe([s.text for s in sources])), S.Weights(), None)[0]


def test_where_equally_supported_sentences_differ_in_loaded_wording_the_summary_takes_the_neutral_one() -> None:
    slanted = (
        "Senator Mara Quill slammed the port authority's plan to close the northern terminal by the end of March. "
        "Starting in April, workers must show they were vaccinated against the CCP (Chinese Communist Party) virus."
    )
    neutral = (
        "The port authority plans to close the northern terminal at the end of March, its director said on Monday. "
        "Workers will have to show proof of vaccination from April, under rules the government approved this week."
    )
    candidates = _slant_story(slanted, neutral)
    texts = " ".join(c.text for c in candidates)
    assert "slammed" not in texts and "CCP" not in texts  # the same news in neutral words is there
    assert "director said on Monday" in texts and "proof of vaccination" in texts


def test_loaded_wording_stays_where_nothing_neutral_is_as_well_supported_or_it_is_quoted_or_literal() -> None:
    from corroborate.brief import summary as S

    # a quoted "disgraceful" is the speaker's word; a storm that "slammed into" a coast criticises no one
    text = (
        "The mayor called the closure “a disgraceful decision” at a meeting of the council on Tuesday evening. "
        "The storm slammed into the coast on Monday night and wrecked two ferries at their moorings in the port."
    )
    neutral = "The council will meet again on Friday to hear the port authority explain the reasons for it."
    kept = [c.text for c in _slant_story(text, neutral)]
    assert any("disgraceful" in t for t in kept) and any("slammed into" in t for t in kept)
    # a slanted sentence better supported than every neutral one stays: it is the story's attested wording
    a = "Senator Mara Quill slammed the port authority's plan to close the northern terminal by the end of March."
    b = "Senator Mara Quill slammed the port authority's plan to close the northern terminal at the end of March."
    candidates = _slant_story(a + " The ferry company expects to move its boats to the southern quay next year.", b)
    assert any("slammed" in c.text for c in candidates)
    assert S.SLANT <= S.LOADED  # the scorer's loaded-words feature counts slant too


def test_who_said_what_leaves_out_a_speaker_with_nothing_to_show_and_counts_in_the_singular() -> None:
    from corroborate.brief.build import build_brief
    from corroborate.report.html import environment

    story = {
        "id": "s-1",
        "title": "Talks",
        "article_ids": ["a"],
        "entities": [{"id": "e-1", "name": "Harbour Union"}, {"id": "e-2", "name": "Port Authority"}],
        "statements": [
            {
                "speaker_entity": "e-1",
                "article_id": "a",
                "text": "no",
                "stance": "deny",
                "kind": "indirect",
                "cue": "said",
            },
            {
                "speaker_entity": "e-2",
                "article_id": "a",
                "stance": "assert",
                "kind": "indirect",
                "cue": "said",
                "text": "that the northern terminal will close at the end of March",
            },
        ],
    }
    brief = build_brief(story, {"a": {"id": "a", "source": "Herald", "title": "Talks", "text": "..."}})
    assert [w["speaker"] for w in brief["who_said_what"]] == ["Port Authority"]
    markdown = to_markdown(brief)
    assert "Harbour Union" not in markdown and "(1 statement)" in markdown and "1 statements" not in markdown
    html = environment().get_template("_brief.html").render(brief=brief, article_href=lambda i: i)
    assert "Harbour Union" not in html and "(1 statement)" in html and "1 statements" not in html


def test_a_contested_value_is_shown_in_the_words_that_hold_it(corpus) -> None:
    from corroborate.brief.build import build_brief

    shown = 0
    for story in corpus["report"]["stories"]:
        brief = build_brief(story, corpus["articles"])
        for contradiction, point in zip(story["contradictions"], brief["contested"]):
            if contradiction["kind"] not in ("number", "role"):
                continue
            for position, seen in zip(contradiction["positions"], point["positions"]):
                for text in seen["evidence"]:
                    # a reader sees the value in its sentence ("... at least 14 people died ..."), not "at least 14"
                    assert any(e["text"] in text and len(text) > len(e["text"]) + 20 for e in position["evidence"])
                    assert any(text in corpus["articles"][a]["text"] for a in position["article_ids"])
                    shown += 1
    assert shown >= 4  # the example corpus has a number and a role conflict


def test_sources_that_share_a_folder_name_are_told_apart_by_their_file() -> None:
    # the seeds: five plain-text files in one folder were listed as "seeds" five times
    from corroborate.brief.build import build_brief

    story = {"id": "s1", "title": "Karabakh", "article_ids": ["a", "b", "c"]}
    articles = {
        "a": {"id": "a", "source": "seeds", "path": "/data/seeds/000_3547.txt", "title": "One"},
        "b": {"id": "b", "source": "seeds", "path": "/data/seeds/001_0d2c.txt", "title": "Two"},
        "c": {"id": "c", "source": "Herald", "path": "/data/herald.html", "url": "https://herald.example/a"},
    }
    brief = build_brief(story, articles)
    assert [s["outlet"] for s in brief["sources"]] == ["seeds (000_3547.txt)", "seeds (001_0d2c.txt)", "Herald"]
    assert [c["outlet"] for c in brief["coverage"]] == ["seeds (000_3547.txt)", "seeds (001_0d2c.txt)", "Herald"]
    alone = build_brief({"id": "s2", "title": "T", "article_ids": ["a", "c"]}, articles)
    assert [s["outlet"] for s in alone["sources"]] == ["seeds", "Herald"]


def test_markdown_keeps_a_plain_ampersand_and_escapes_an_entity() -> None:
    # "Merck &amp; Co." in every AllSides brief: a bare "&" is text in Markdown; only an entity needs escaping
    from corroborate.brief.render import md

    assert md("Merck & Co. and AT&T") == "Merck & Co. and AT&T"
    out = md("&lt;script&gt; &#60;b&#x3e;")
    assert out.startswith("&amp;lt;script&amp;gt; &amp;") and out.count("&amp;") == 4  # no entity left to read


def test_every_rendering_says_a_week_is_a_week(corpus) -> None:
    # "held several telephonic conversations over the last week" (the seeds) is dated by the week's Monday; the
    # terminal brief printed "2020-09-28" as if it were that day
    from io import StringIO

    from rich.console import Console

    from corroborate.brief.render import print_brief
    from corroborate.report.html import environment

    story = max(corpus["report"]["stories"], key=lambda s: len(s["article_ids"]))
    brief = service.get_brief(corpus["settings"], story["id"])
    brief["timeline"] = [
        {"date": "2020-09", "precision": "month", "text": "Fighting broke out in late September.", "cites": [1]},
        {"date": "2020-09-28", "precision": "week", "text": "The leaders spoke over the last week.", "cites": [1]},
        {"date": "2020-10-05", "precision": "day", "text": "The Kremlin said on October 5.", "cites": [1]},
    ]
    buf = StringIO()
    print_brief(brief, Console(file=buf, width=200, color_system=None))
    page = environment()
    page.globals["page_name"] = lambda kind, item: f"{kind}-{item}.html"
    rendered = page.get_template("story.html").render(brief=brief, article_href=lambda i: f"a-{i}.html")
    for out in (buf.getvalue(), to_markdown(brief), rendered):
        assert "week of 2020-09-28" in out
        assert "2020-10-05" in out and "week of 2020-10-05" not in out and "2020-10-05 (day)" not in out
        assert "2020-09" in out and "(month)" not in out


def test_a_summary_does_not_open_on_a_sentence_that_leans_on_one_before_it() -> None:
    # AllSides 2021: the unemployment-benefits brief opened "That's because this Labor Day coincides with the end
    # of enhanced federal unemployment benefits ..."; the scorer's leading-pronoun feature read "that's" as no pronoun
    from corroborate.brief import summary as S

    texts = [
        "That's because this Labor Day coincides with the end of enhanced federal jobless benefits.",
        "It’s the first cut in years.",
        "Expanded jobless benefits that kept millions afloat during the pandemic expired on Monday.",
        "Thatcher Hale, a welder, lost his benefits on Monday.",
    ]
    candidates = [_candidate(t, i) for i, t in enumerate(texts)]
    assert S.standalone_first(candidates, [0, 1, 2]) == [2, 0, 1]
    assert S.standalone_first(candidates, [3, 0]) == [3, 0]  # "Thatcher" is a name
    assert S.standalone_first(candidates, [0, 1]) == [0, 1]  # nothing stands alone: left as chosen
    for opener in ("However, the fund", "But the fund", "“But we won,” he", "Its board", "They’re"):
        assert S.leans_on_before(opener + " said so.")
    for opener in ("The board", "Hertz", "Butler", "Thesis", "Itself"):
        assert not S.leans_on_before(opener + " said so.")
    # and a summary holds its sentences in that order
    vectors = [dict.fromkeys(c.stems, 1.0) for c in candidates]
    sel = {"method": "mmr", "diversity": 0.0, "redundant": 1.0, "fit": 0.0, "stop": 0.0}
    chosen = S.pick_sentences(candidates, vectors, [0.9, 0.1, 0.8, 0.2], 30, sel)
    assert chosen[0] == 2 and 0 in chosen


def _passage(article_html: str, anchor: str) -> str:
    """The text of the passage an article page marks with ``anchor`` (marks inside it stripped)."""
    import html as html_lib

    opening = f'<span class="cited" id="{anchor}">'
    assert opening in article_html, anchor
    inside = article_html.split(opening, 1)[1].split("</span>", 1)[0]
    return html_lib.unescape(re.sub(r"<[^>]+>", "", inside))


def test_every_citation_leads_to_the_passage_it_stands_for(corpus, tmp_path) -> None:
    """Each [n] of the static site links to the words it cites on article n's page, and that passage is the
    article's own text at the offsets its anchor names: the summary sentence itself, the fact's sentence, the
    statement, the timeline entry's sentence."""
    import html as html_lib

    from corroborate.report.html import write_site

    write_site(corpus["report"], tmp_path / "site")
    pages = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "site" / "articles").glob("*.html")}
    by_page = {f"article-{re.sub(r'[^A-Za-z0-9_.-]', '_', a)}.html": a for a in corpus["articles"]}
    anchored = plain = 0
    for story_page in (tmp_path / "site" / "stories").glob("*.html"):
        for href in re.findall(r'class="cite" href="([^"]+)"', story_page.read_text(encoding="utf-8")):
            path, _, anchor = html_lib.unescape(href).partition("#")
            if not anchor:
                plain += 1
                continue
            anchored += 1
            name = path.rsplit("/", 1)[-1]
            start, end = (int(x) for x in anchor.removeprefix("at-").split("-"))
            text = corpus["articles"][by_page[name]]["text"]
            assert _passage(pages[name], anchor) == text[start:end]
    assert anchored > 0 and plain <= anchored // 10, (anchored, plain)


def test_a_summary_sentence_and_a_timeline_entry_say_where_each_cited_article_says_it(corpus) -> None:
    for story in corpus["report"]["stories"]:
        for s in story["summary"]:
            own, *others = s["evidence"]
            assert (own["article_id"], own["start"], own["end"]) == (s["article_id"], s["start"], s["end"])
            for e in others:
                assert e["article_id"] in s["article_ids"][1:]
                said = corpus["articles"][e["article_id"]]["text"][e["start"] : e["end"]]
                assert supported(s["text"], said), (s["text"], said)  # that very sentence holds its words
        for t in story["timeline"]:
            assert {m["article_id"] for m in t["mentions"]} == set(t["article_ids"])
            for m in t["mentions"]:
                assert corpus["articles"][m["article_id"]]["text"][m["start"] : m["end"]] == m["text"]
            assert any(t["expression"] in m["text"] for m in t["mentions"]), t
    validate_report(corpus["report"])


def test_a_timeline_entry_names_the_words_that_date_it_in_every_rendering() -> None:
    """AllSides 2021: "... unveiled the legislation Friday to create a 10-member commission that would issue a
    report by Dec. 31." was the Dec. 31 entry with nothing to say which of its two days it stood for."""
    from rich.console import Console

    from corroborate.analyze.story import analyze_story
    from corroborate.brief.build import build_brief
    from corroborate.brief.render import print_brief
    from corroborate.nlp import load_spacy
    from corroborate.report.html import environment

    text = (
        "Lawmakers approved the bill Friday to create a 10-member commission that would issue a report by Dec. 31. "
        "The House is expected to vote on the legislation Wednesday."
    )
    analysis = analyze_story([SourceText("a", text, "Harbour Herald", "2021-05-18")], load_spacy())
    entries = {t["date"]: t for t in analysis.timeline}
    assert entries["2021-12-31"]["expression"] == "by Dec. 31"
    assert entries["2021-05-14"]["text"] == "Lawmakers approved the bill Friday"  # the clause of its day
    assert entries["2021-05-19"]["expression"] == "Wednesday"
    shutdown = "Congress scrambled on Monday to avoid a government shutdown that would kick in Friday morning."
    analysis_2 = analyze_story([SourceText("b", shutdown, "Harbour Herald", "2021-09-28")], load_spacy())
    assert {t["expression"] for t in analysis_2.timeline} == {"on Monday", "Friday morning"}  # not "in Friday"
    story = {"id": "s-1", "title": "t", "article_ids": ["a"], "timeline": analysis.timeline}
    brief = build_brief(story, {"a": {"id": "a", "text": text, "source": "Harbour Herald"}})
    assert "report **by Dec. 31**." in to_markdown(brief)
    page = environment().from_string("{{ t.text|marking(t.expression) }}").render(t=brief["timeline"][-1])
    assert page.endswith('report <mark class="when">by Dec. 31</mark>.'), page
    hostile = environment().from_string("{{ t|marking('<b>') }}").render(t="a <b> c")
    assert hostile == 'a <mark class="when">&lt;b&gt;</mark> c'
    console = Console(record=True, width=200, force_terminal=True, highlight=False)
    print_brief(brief, console)
    assert "\x1b[1mby Dec. 31\x1b[0m" in console.export_text(styles=True)


def test_a_copy_cut_short_before_a_summary_sentence_is_not_cited_for_it() -> None:
    """ECB+: a reprint of an article's lede alone was cited, as a syndicated copy, for every summary sentence of
    its original, though it holds none but the first."""
    lede = "A jury in eastern Oklahoma has convicted a man of shooting dead his pregnant girlfriend on Thursday."
    full = (
        f"{lede}\n\nThe jury deliberated almost seven hours Thursday before convicting Christopher Kenyon Simpson, "
        "of Spiro, in the death of Ka'loni Flynn.\n\nThe jurors recommended the maximum sentence of life in prison "
        "without parole, the prosecutors said.\n\nSimpson is scheduled to be sentenced November 8."
    )
    sources = [
        SourceText("orig", full, "Tulsa World", "2013-09-20", group="g"),
        SourceText("cut", lede, "KFSM", "2013-09-20", group="g"),
    ]
    summary = summarize_story(sources, words=100)
    assert len(summary) >= 2
    for s in summary:
        cited = "cut" in s["article_ids"]
        assert cited == (s["text"] == lede), (s["text"], s["article_ids"])
        if cited:
            assert {"article_id": "cut", "start": 0, "end": len(lede)} in s["evidence"]
    # a reprint that rewords its original is cited at its own sentence that says it
    reworded = full.replace("The jurors recommended", "Jurors then recommended").replace("the prosecutors", "lawyers")
    sources[1] = SourceText("rew", reworded, "KFSM", "2013-09-20", group="g")
    for s in summarize_story(sources, words=100):
        where = {e["article_id"]: reworded[e["start"] : e["end"]] for e in s["evidence"] if e["article_id"] == "rew"}
        assert "rew" in s["article_ids"] and "rew" in where, s
        assert supported(s["text"], where["rew"]), (s["text"], where["rew"])


def test_the_dating_words_are_marked_and_the_rest_stays_inert() -> None:
    from rich.markup import escape

    from corroborate.brief.render import marked

    entry = {"text": "The [red]panel[/red] would report by Dec. 31.", "expression": "by Dec. 31"}
    assert marked(entry, escape, "[bold]", "[/bold]") == r"The \[red]panel\[/red] would report [bold]by Dec. 31[/bold]."
    undated = {"text": "No date words here.", "expression": "by Dec. 31"}
    assert marked(undated, escape, "*", "*") == "No date words here."


def test_a_report_written_before_citations_named_their_passages_still_renders() -> None:
    """A store or report from before ``evidence`` and ``mentions``: a summary sentence's citation leads to its own
    span, and a timeline entry's to the whole article."""
    from corroborate.brief.build import build_brief

    text = "The dam broke on Monday. Rescuers searched the valley."
    story = {
        "id": "s-old",
        "title": "t",
        "article_ids": ["a"],
        "summary": [{"text": text[:24], "article_id": "a", "start": 0, "end": 24, "article_ids": ["a"]}],
        "timeline": [{"date": "2024-03-04", "precision": "day", "text": text[:24], "article_ids": ["a"]}],
    }
    brief = build_brief(story, {"a": {"id": "a", "text": text, "source": "Herald"}})
    assert brief["summary"][0]["at"] == {1: "at-0-24"}
    assert brief["timeline"][0]["at"] == {} and brief["timeline"][0]["cites"] == [1]
    assert "**" not in to_markdown(brief).split("## Timeline", 1)[1].split("##", 1)[0]  # no dating words to mark


def test_a_statement_without_a_stance_word_is_shown_with_its_cue() -> None:
    # AllSides 2021: "Saul ... did not respond to requests for comment", "He questioned the legality of Biden's
    # decision" were shown as "other: to requests for comment"; the cue says what the speaker did with the words
    from rich.console import Console

    from corroborate.brief.render import print_brief
    from corroborate.report.html import environment

    brief = one_speaker_brief(
        "Andrew Saul",
        [
            {
                "text": "to requests for comment on Friday",
                "stance": "other",
                "kind": "indirect",
                "cue": "Did not respond",
            },
            {"text": "the legality of Biden's decision", "stance": "other", "kind": "indirect", "cue": "questioned"},
            {"text": "that he would not resign from the agency", "stance": "assert", "kind": "indirect", "cue": "said"},
        ],
    )
    labels = {s["text"][:20]: s["label"] for s in brief["who_said_what"][0]["main"]}
    assert labels == {
        "to requests for comm": "did not respond",
        "the legality of Bide": "questioned",
        "that he would not re": "assert",
    }
    markdown = to_markdown(brief)
    assert "- did not respond: to requests for comment on Friday [1]" in markdown
    assert "- questioned: the legality of Biden's decision [1]" in markdown
    assert "other:" not in markdown
    console = Console(record=True, width=200)
    print_brief(brief, console)
    assert "questioned: the legality" in console.export_text()
    html = environment().get_template("_brief.html").render(brief=brief, article_href=lambda i: i)
    assert '<span class="badge">did not respond</span>' in html and ">other<" not in html
    # a line form ("Kirby: ...") has no cue word to show
    line = one_speaker_brief(
        "John Kirby", [{"text": "Nothing to add today", "stance": "other", "kind": "indirect", "cue": "(line)"}]
    )
    assert line["who_said_what"][0]["main"][0]["label"] == "other"


def test_a_statement_the_excerpt_cuts_is_shown_cut() -> None:
    # AllSides 2021: "House Minority Leader Kevin McCarthy (R-Calif.) told reporters that Republicans aren’t
    # interested in “anything about tax increases” and..." ended the excerpt; the brief showed the statement as whole
    from corroborate.brief.build import build_brief

    text = (
        "The mayor said that the port will reopen on Monday. "
        "The union told reporters that its members aren’t interested in “anything about new shifts” and..."
    )
    whole = "that the port will reopen on Monday"
    cut = "that its members aren’t interested in “anything about new shifts” and"
    story = {
        "id": "s-1",
        "title": "Port",
        "article_ids": ["a"],
        "entities": [{"id": "e-1", "name": "Mayor"}, {"id": "e-2", "name": "Union"}],
        "statements": [
            {
                "speaker_entity": f"e-{n}",
                "article_id": "a",
                "stance": "assert",
                "kind": "indirect",
                "cue": cue,
                "text": t,
                "start": text.index(t),
                "end": text.index(t) + len(t),
            }
            for n, cue, t in ((1, "said", whole), (2, "told", cut))
        ],
    }
    brief = build_brief(story, {"a": {"id": "a", "source": "Herald", "title": "Port", "text": text}})
    shown = {w["speaker"]: w["main"][0]["text"] for w in brief["who_said_what"]}
    assert shown == {"Mayor": whole, "Union": cut + " …"}
    assert story["statements"][1]["text"] == cut  # the report keeps the exact words
    assert f"{cut} … [1]" in to_markdown(brief)


def test_a_verb_of_saying_the_cue_model_does_not_list_still_reports_words() -> None:
    from corroborate.brief.build import _spoken

    def spoken(cue: str, kind: str, text: str) -> bool:
        return _spoken({"cue": cue, "kind": kind, "stance": "assert", "text": text})

    assert spoken("has spoken", "mixed", "of his shock and sadness at the loss of “one of the kindest” dockers")
    assert spoken("decried", "mixed", "the strike as an “international embarrassment”")
    assert spoken("labelled", "mixed", "the flaw as “critical”")
    assert not spoken("passed", "mixed", "a “green pass” law that would let employers check their staff")
    assert not spoken("are known", "mixed", "as “Dreamers”")


def test_a_quoted_question_is_asked_and_a_place_one_finds_oneself_is_not_said() -> None:
    # ECB+: "appeal: “You just lied to this jury when you told them that, correct?”"; "Shondell McAllister: assert:
    # herself in a crowd that surrounded Kathina" (she "found herself in a crowd")
    brief = one_speaker_brief(
        "Peter Lynch",
        [
            {"text": "“You just lied to this jury, correct?”", "stance": "appeal", "kind": "direct", "cue": "asked"},
            {
                "text": "herself in a crowd that surrounded the girl",
                "stance": "assert",
                "kind": "indirect",
                "cue": "found",
            },
            {
                "text": "to keep the names of the witnesses quiet",
                "stance": "appeal",
                "kind": "indirect",
                "cue": "asked",
            },
        ],
    )
    labels = {s["text"][:12]: s["label"] for s in brief["who_said_what"][0]["main"]}
    assert labels == {"You just lie": "asks", "to keep the ": "appeal"}, labels
