"""Who said what on the example corpus: pronouns, role nouns, groups, spelling variants, the CLI and the report."""

from __future__ import annotations

import pytest

from conftest import EXAMPLES
from corroborate import service
from corroborate.report import validate_report
from corroborate.settings import Settings


@pytest.fixture(scope="module")
def analysed(tmp_path_factory):
    db = tmp_path_factory.mktemp("quotes") / "q.duckdb"
    settings = Settings(db=str(db))
    service.ingest([str(EXAMPLES)], settings)
    report = service.report(settings)
    entities = {e["id"]: e for s in report["stories"] for e in s["entities"]}
    statements = [st for s in report["stories"] for st in s["statements"]]
    return {
        "settings": settings,
        "report": report,
        "entities": entities,
        "statements": statements,
        "articles": {a["id"]: a for a in report["articles"]},
    }


def speakers_of(analysed, phrase: str) -> list[str | None]:
    found = [s for s in analysed["statements"] if phrase in s["text"]]
    assert found, phrase
    return [analysed["entities"][s["speaker_entity"]]["name"] if s["speaker_entity"] else None for s in found]


def test_pronoun_speakers_resolve_to_the_person_named_before(analysed) -> None:
    assert speakers_of(analysed, "We need every pair of hands") == ["Piet Ansgar"]
    assert speakers_of(analysed, "Every day costs us customers") == ["Marit Skoll"]
    assert speakers_of(analysed, "criminals know exactly where the seams are") == ["Helena Marsk"]
    # a new paragraph that names someone else before "she" speaks of that one, not of the last speaker (Ansgar)
    assert speakers_of(analysed, "We heard the sirens") == ["Jana Velk"]


def test_it_as_a_speaker_is_the_body_that_spoke_before(analysed) -> None:
    # "Brennick City Transit said it had found no evidence ... It said it had hired an outside firm ..."
    assert speakers_of(analysed, "hired an outside firm") == speakers_of(analysed, "found no evidence that the flaw")
    assert speakers_of(analysed, "hired an outside firm")[0] is not None


def test_role_noun_speaker_resolves_by_the_roles_seen_in_the_story(analysed) -> None:
    assert speakers_of(analysed, "they know what to write and where to sign") == ["Jurij Makovec"]


def test_group_denial_is_one_statement_per_speaker_and_unknowns_stay_unresolved(analysed) -> None:
    rows = [s for s in analysed["statements"] if "job cuts are planned" in s["text"]]
    assert {s["speaker"] for s in rows} == {"port authority", "shipping ministry"}
    assert all(s["stance"] == "deny" for s in rows)
    resolved = {s["speaker"]: s["speaker_entity"] for s in rows}
    assert analysed["entities"][resolved["port authority"]]["name"] == "Grennhaven Port Authority"
    assert resolved["shipping ministry"] is None  # no body of that name was found: reported, not guessed


def test_spelling_variants_are_one_person(analysed) -> None:
    makovec = [e for e in analysed["entities"].values() if e["name"] == "Jurij Makovec"]
    assert makovec and any("Makovets" in alias for e in makovec for alias in e["aliases"])
    assert speakers_of(analysed, "bought off") == ["Jurij Makovec"]  # written 'Yuri Makovets' there


def test_entities_keep_roles_and_articles(analysed) -> None:
    (marsk,) = {e["id"]: e for e in analysed["entities"].values() if e["name"] == "Helena Marsk"}.values()
    assert any("Minister" in role for role in marsk["roles"])
    assert marsk["type"] == "PERSON" and marsk["article_ids"]


def test_statement_offsets_point_into_the_article_text(analysed) -> None:
    validate_report(analysed["report"])
    for st in analysed["statements"]:
        assert analysed["articles"][st["article_id"]]["text"][st["start"] : st["end"]] == st["text"]


def test_quotes_cli_filters_by_speaker(analysed, runner) -> None:
    from corroborate.cli import main

    result = runner.invoke(main, ["--db", analysed["settings"].db, "quotes", "--speaker", "Makovec"])
    assert result.exit_code == 0
    assert "Jurij Makovec" in result.output and "Piet Ansgar" not in result.output


def test_a_quotation_resumed_after_its_narration_keeps_its_pieces(analysed, runner) -> None:
    """“I put it in writing, ...,” Fenner said. “They ignored the warnings ...”: the report spans both quotations
    and names each, so who said what shows his words without "Fenner said"."""
    from corroborate.cli import main

    (fenner,) = [s for s in analysed["statements"] if s["text"].startswith("“I put it in writing")]
    text = analysed["articles"][fenner["article_id"]]["text"]
    first, second = (text[a:b] for a, b in fenner["pieces"])
    assert first.startswith("“I put it in writing") and first.endswith("summer,”")
    assert second.startswith("“They ignored the warnings") and second.endswith("money.”")
    assert "Fenner said" in fenner["text"] and "Fenner said" not in first + second
    assert (fenner["pieces"][0][0], fenner["pieces"][-1][1]) == (fenner["start"], fenner["end"])
    # a statement in one span names no pieces
    assert any("pieces" not in s and s["kind"] == "direct" for s in analysed["statements"])
    result = runner.invoke(
        main, ["--db", analysed["settings"].db, "quotes", "--speaker", "Fenner"], env={"COLUMNS": "400"}
    )
    assert result.exit_code == 0
    shown = " ".join(result.output.split())  # the table wraps its cells
    assert "summer,” … “They ignored the warnings" in shown and "summer,” Fenner said" not in shown
