"""Constructions the PolNeAR error study turned up: split quotes, parenthetical cues, '' quotes, subjects."""

from __future__ import annotations

import pytest

from corroborate.analyze.statements import attribution_model, extract_statements, quote_spans
from corroborate.nlp import load_spacy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def one(text: str, nlp, contains: str):
    found = [s for s in extract_statements(text, nlp) if contains in s.text]
    assert found, [s.text for s in extract_statements(text, nlp)]
    return found[0]


def test_quote_split_by_its_cue_is_one_statement_in_two_pieces(nlp) -> None:
    text = "“The levee will hold,” engineer Mara Quist said. “We are watching the river every hour.”"
    st = one(text, nlp, "levee will hold")
    assert st.speaker == "engineer Mara Quist" and st.kind == "direct"
    assert [text[a:b] for a, b in st.content_spans] == [
        "“The levee will hold,”",
        "“We are watching the river every hour.”",
    ]
    assert len([s for s in extract_statements(text, nlp) if "watching the river" in s.text]) == 1


def test_parenthetical_cue_inside_the_reported_sentence(nlp) -> None:
    text = "Too often, Mr. Morgan said, the debate over the harbour is decided by the loudest voices."
    st = one(text, nlp, "loudest voices")
    assert st.speaker == "Mr. Morgan"
    pieces = [text[a:b] for a, b in st.content_spans]
    assert pieces[0] == "Too often" and pieces[-1].startswith("the debate over the harbour")


def test_two_apostrophes_quote() -> None:
    text = "''We will rebuild the pier,'' the mayor said."
    assert [text[a:b] for a, b in quote_spans(text)] == ["''We will rebuild the pier,''"]


def test_according_to_at_the_end_is_not_content(nlp) -> None:
    text = "Three ships were damaged in the storm, according to the harbour master, who inspected them."
    st = one(text, nlp, "ships were damaged")
    assert st.text == "Three ships were damaged in the storm" and st.speaker == "the harbour master"


def test_speaker_of_a_dependent_cue_is_the_governing_subject(nlp) -> None:
    st = one("The mayor went on to say that the bridge would reopen in May.", nlp, "bridge would reopen")
    assert st.speaker == "The mayor"


def test_the_shipped_model_scores_a_plain_said_above_its_threshold() -> None:
    model = attribution_model()
    assert 0.0 < model.threshold < 1.0 and model.weights  # learned weights are shipped, no scikit-learn needed


def test_a_reason_clause_is_not_what_was_said(nlp) -> None:
    # the seeds: "it remains disputed because ..." gave a statement by Nagorno-Karabakh with cue "disputed"
    text = (
        "Nagorno-Karabakh is internationally recognised as a part of Azerbaijan but it remains disputed "
        "because the region is controlled by ethnic Armenians."
    )
    assert not [s for s in extract_statements(text, nlp) if "controlled by ethnic Armenians" in s.text]
    # a reason inside what was said stays in it
    st = one("The mayor warned that the bridge would close because the river was rising.", nlp, "bridge would close")
    assert st.speaker == "The mayor"


def test_the_us_as_a_subject_is_the_country_not_the_pronoun_us(nlp) -> None:
    from corroborate.analyze.statements import _subject_class

    doc = nlp("The US said the talks would resume. They told us the talks would resume.")
    us_country = next(t for t in doc if t.text == "US")
    us_pronoun = next(t for t in doc if t.text == "us")
    assert _subject_class(us_country) != "pron_we"  # a speaker like any country, not the writer's "we"
    assert _subject_class(us_pronoun) == "pron_we"


def test_what_was_added_is_not_what_was_said(nlp) -> None:
    assert extract_statements("The Marsovian economy added just 266,000 jobs in April.", nlp) == []
    st = one("The minister added that the harbour would reopen in May.", nlp, "harbour would reopen")
    assert st.speaker == "The minister"


def test_what_a_flaw_or_a_law_allows_is_not_what_anyone_said(nlp) -> None:
    flaw = "The flaw allowed text typed into the name field to be run as code in the browser of anyone viewing it."
    assert [s.speaker for s in extract_statements(flaw, nlp) if "typed" in s.text] == []
    assert extract_statements("The law allows police to detain suspects for 48 hours.", nlp) == []
    st = one("The minister allowed that mistakes were made at the harbour.", nlp, "mistakes were made")
    assert st.speaker == "The minister"


def test_what_a_rule_requires_someone_to_show_is_not_what_anyone_said(nlp) -> None:
    """AllSides 2021: "The Italian government imposed ... measures on Friday, requiring all workers in Italy to show a
    COVID-19 “Green Pass” ..." made the government the speaker of "a COVID-19 “Green Pass”"."""
    text = (
        "The Marsovian government imposed strict rules on Friday, requiring all workers in Marsovia to show a "
        "“green pass” before entering their place of work."
    )
    assert [s.text for s in extract_statements(text, nlp) if "pass" in s.text] == []
    assert extract_statements("The mandate requires workers to show proof of vaccination.", nlp) == []
