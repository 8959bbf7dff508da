"""Copies and stories on the example corpus: groups, originals, story partition, incremental, order, language."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import EXAMPLES
from corroborate import service
from corroborate.settings import Settings
from test_example_corpus import GOLD, article_key


def run_corpus(db: Path, paths: list[str], root: Path = EXAMPLES, **settings) -> dict[str, dict]:
    service.ingest(paths, Settings(db=str(db), **settings))
    report = service.report(Settings(db=str(db)))
    articles = {article_key(a, root): a for a in report["articles"]}
    story_of = {a_id: s["id"] for s in report["stories"] for a_id in s["article_ids"]}
    return {"articles": articles, "stories": {s["id"]: s for s in report["stories"]}, "story_of": story_of}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, dict]:
    return run_corpus(tmp_path_factory.mktemp("stories") / "c.duckdb", [str(EXAMPLES)])


def story_key(corpus: dict, key: str) -> str:
    return corpus["story_of"][corpus["articles"][key]["id"]]


def test_wire_copies_are_grouped_with_the_wire_as_original(corpus) -> None:
    (copies,) = GOLD["copies"]
    original = corpus["articles"][copies["original"]]
    assert original["duplicate_of"] is None and original["syndication_group"]
    for key in copies["copies"]:
        copy = corpus["articles"][key]
        assert copy["duplicate_of"] == original["id"]
        assert copy["syndication_group"] == original["syndication_group"]
    grouped = {k for k, a in corpus["articles"].items() if a["syndication_group"]}
    assert grouped == {copies["original"], *copies["copies"]}  # nothing else is a copy


def test_independent_sources_count_groups_not_articles(corpus) -> None:
    (copies,) = GOLD["copies"]
    story = corpus["stories"][story_key(corpus, copies["original"])]
    groups = {
        corpus["articles"][k]["syndication_group"] or a_id
        for k, a in corpus["articles"].items()
        for a_id in [a["id"]]
        if a_id in story["article_ids"]
    }
    assert story["independent_sources"] == len(groups) == len(story["article_ids"]) - len(copies["copies"])


def test_no_story_mixes_two_gold_stories_and_short_stories_are_whole(corpus) -> None:
    english = {k for k, a in corpus["articles"].items() if a["language"] == "en"}
    gold_of = {k: slug for slug, s in GOLD["stories"].items() for k in s["articles"]}
    by_story: dict[str, set[str]] = {}
    for key in english:
        by_story.setdefault(story_key(corpus, key), set()).add(gold_of[key])
    assert all(len(slugs) == 1 for slugs in by_story.values()), by_story
    for slug in ("grennhaven-port-strike", "police-merger", "tesscard-flaw"):
        assert len({story_key(corpus, k) for k in GOLD["stories"][slug]["articles"]}) == 1, slug
    # The same minister in a different event months later is a different story.
    assert story_key(corpus, "wire.jsonl#cpa-2024-0709-004") != story_key(corpus, "wire.jsonl#cpa-2024-0305-001")


def test_article_in_another_language_forms_its_own_story(corpus) -> None:
    (spanish,) = [k for k, a in corpus["articles"].items() if a["language"] == "es"]
    story = corpus["stories"][story_key(corpus, spanish)]
    assert story["article_ids"] == [corpus["articles"][spanish]["id"]]


def test_story_fields(corpus) -> None:
    story = corpus["stories"][story_key(corpus, "wire.jsonl#cpa-2024-0415-002")]
    titles = {corpus["articles"][k]["title"] for k in GOLD["stories"]["grennhaven-port-strike"]["articles"]}
    assert story["title"] in titles
    assert story["first_published"].startswith("2024-04-15") and story["last_published"].startswith("2024-04-22")


def test_new_articles_join_existing_stories_without_reclustering(tmp_path: Path, corpus) -> None:
    work = tmp_path / "corpus"
    shutil.copytree(EXAMPLES, work)
    late = work / "valley-courier" / "dockers-vote.txt"
    held_back = tmp_path / "dockers-vote.txt"
    shutil.move(late, held_back)
    db = tmp_path / "inc.duckdb"
    before = run_corpus(db, [str(work)], root=work)
    shutil.move(held_back, late)
    result = service.ingest([str(work)], Settings(db=str(db)))
    assert (result.counts.added, result.assigned, result.new_stories) == (1, 1, 0)
    after = run_corpus(db, [str(work)], root=work)
    new_id = after["articles"]["valley-courier/dockers-vote.txt"]["id"]
    strike = after["story_of"][new_id]
    assert strike == after["story_of"][after["articles"]["wire.jsonl#cpa-2024-0415-002"]["id"]]
    for article_id, story_id in before["story_of"].items():  # nothing that was there moved
        assert after["story_of"][article_id] == story_id


def test_result_does_not_depend_on_input_order(tmp_path: Path, corpus) -> None:
    paths = sorted(
        str(p)
        for p in EXAMPLES.rglob("*")
        if p.is_file() and p.name not in ("gold.json", "README.md") and not p.name.startswith(".")
    )
    reversed_run = run_corpus(tmp_path / "rev.duckdb", paths[::-1], batch_size=3)

    def partition(run: dict) -> set[frozenset[str]]:
        return {frozenset(s["article_ids"]) for s in run["stories"].values()}

    assert partition(reversed_run) == partition(corpus)
    assert set(reversed_run["stories"]) == set(corpus["stories"])  # story ids too


def test_stories_cli(tmp_path: Path, runner, corpus) -> None:
    from corroborate.cli import main

    db = str(tmp_path / "cli.duckdb")
    service.ingest([str(EXAMPLES / "wire.jsonl")], Settings(db=db))
    listing = runner.invoke(main, ["--db", db, "stories"])
    assert listing.exit_code == 0 and "stories" in listing.output
    story_id = listing.output.split()[listing.output.split().index("title") + 1]
    shown = runner.invoke(main, ["--db", db, "show", story_id])
    assert shown.exit_code == 0 and "1 independent source" in shown.output and "1 statements" not in shown.output
    payload = json.loads(json.dumps(service.get_story(Settings(db=db), story_id), default=str))
    assert payload["id"] == story_id
