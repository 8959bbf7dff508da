"""Sentences as the pipeline's spaCy splits them: an abbreviated title before a name never ends one."""

from __future__ import annotations

import pytest

from corroborate.analyze.statements import extract_statements
from corroborate.nlp import load_spacy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


@pytest.mark.parametrize(
    "text",
    [
        # NeuS test (Portland, January 2021): the summary showed "..., Portland police Sgt." as a sentence
        "Rioters threw rocks and eggs and vandalized the Immigration and Customs Enforcement building, Portland "
        "police Sgt. Kevin Allen said.",
        "She then opened fire on the others, Philadelphia Homicide Capt. James Clark said.",
        "He met Dr. Anthony Fauci on Monday, said Capt. John Smith of the U.S. Army.",
        "President Joe Biden met with the family of Marine Corps Lance Cpl. Jared Schmitz on Sunday.",
        "The call went to Supt. David Brown and Amb. Nikki Haley.",
    ],
)
def test_a_title_before_a_name_does_not_end_the_sentence(nlp, text) -> None:
    doc = nlp(text + " He added more.")
    assert [s.text for s in doc.sents] == [text, "He added more."]


def test_a_sentence_may_still_end_on_a_street_or_a_suffix(nlp) -> None:
    assert len(list(nlp("He lives on Main St. The house is old.").sents)) == 2
    assert len(list(nlp("It was written by Martin Luther King Jr. He died in 1968.").sents)) == 2


def test_a_title_at_a_paragraph_end_still_ends_it(nlp) -> None:
    assert len(list(nlp("Photo: Sgt.\nKevin Allen said more.").sents)) == 2


def test_the_officer_after_the_title_is_the_speaker(nlp) -> None:
    text = "Rioters vandalized the ICE building, Portland police Sgt. Kevin Allen said."
    (st,) = [s for s in extract_statements(text, nlp) if "vandalized" in s.text]
    assert st.speaker is not None and "Kevin Allen" in st.speaker
    assert text[st.start : st.end].startswith("Rioters vandalized")


def test_a_name_after_the_verb_is_not_part_of_the_speaker(nlp) -> None:
    # AllSides 2021: joined to its sentence, "Reps. Jim Banks ..." was hung on McCarthy across "said"
    text = (
        "House GOP Leader Kevin McCarthy said on Wednesday that Republicans won’t participate after Pelosi rejected "
        "two of the Republicans he chose to sit on the panel, Reps. Jim Banks of Indiana and Jim Jordan of Ohio."
    )
    (st,) = [s for s in extract_statements(text, nlp) if "participate" in s.text]
    assert st.speaker == "House GOP Leader Kevin McCarthy"


def test_a_plural_or_military_title_is_not_part_of_the_name() -> None:
    from corroborate.analyze.entities import clean_name

    assert clean_name("Reps. Jim Banks", person=True) == "Jim Banks"
    assert clean_name("Sgt. Kevin Allen", person=True) == "Kevin Allen"


def speakers(nlp, text: str, published: str) -> dict[str, str | None]:
    """What each statement of a one-article story says, and the name of the entity it is resolved to."""
    from corroborate.analyze.story import SourceText, analyze_story

    analysis = analyze_story([SourceText(id="a", text=text, published=published)], nlp)
    names = {e.id: e.name for e in analysis.entities}
    return {s.statement.text: names.get(s.speaker_entity) for s in analysis.statements}


def speakers_by_opening(nlp, text: str, published: str, chars: int = 20) -> dict[str, str | None]:
    """As ``speakers``, keyed by the first ``chars`` characters of what each statement says."""
    return {said[:chars]: name for said, name in speakers(nlp, text, published).items()}


def test_an_administration_named_for_a_person_is_not_that_person(nlp) -> None:
    text = (
        "President Donald Trump defended the strike on Friday. The Trump administration claimed that the decision "
        "to kill Soleimani was because of an imminent attack. Trump said the threat was real."
    )
    by_text = speakers_by_opening(nlp, text, "2020-01-10")
    assert by_text["that the decision to"] is None  # shown as "The Trump administration", not as Donald Trump
    assert by_text["the threat was real"] == "Donald Trump"


def test_a_closing_quotation_mark_at_a_paragraph_end_stays_with_its_sentence(nlp) -> None:
    # AllSides 2021 (Fox News): the summary showed '... "did unfold more quickly than we had anticipated.' unclosed
    first = (
        'President Biden addressed the nation Monday, saying he stands "squarely behind" his decision, while '
        'admitting that the fall of the country to the Taliban "did unfold more quickly than we had anticipated."'
    )
    doc = nlp(first + "\n\nThe president, speaking from the White House Monday, said more.")
    assert [s.text.strip() for s in doc.sents] == [
        first,
        "The president, speaking from the White House Monday, said more.",
    ]


def test_a_title_alone_is_no_entity(nlp) -> None:
    # NeuS test: once "Lt." was one token, the model tagged it as a body ("for Lt. Gov. Tate Reeves")
    from corroborate.analyze.entities import doc_mentions

    doc = nlp("Trump held a rally in Tupelo, Mississippi, for Lt. Gov. Tate Reeves, the Republican candidate.")
    names = [m.text for m in doc_mentions(doc, "a")]
    assert "Tate Reeves" in names and not any(n.rstrip(".") in ("Lt", "Gov") for n in names), names


def test_the_state_democrat_is_the_person_named_before_not_the_party(nlp) -> None:
    # AllSides 2021: "The New York Democrat said ..." was spoken by the entity "Democrat"
    text = (
        "Senate Majority Leader Chuck Schumer met Democrats on Monday to discuss the bill. "
        "The New York Democrat said the package would pass before the August recess."
    )
    (name,) = [name for said, name in speakers(nlp, text, "2021-07-12").items() if "package would pass" in said]
    assert name == "Chuck Schumer"


def test_the_state_republican_is_not_the_person_of_the_clause_that_opens_the_sentence(nlp) -> None:
    # AllSides 2021: "Painting Biden’s calls for unity as “empty platitudes,” the South Carolina Republican accused
    # Democrats ..." had been Biden's accusation, the person named last; the description is Tim Scott, named before
    text = (
        "That was the gist of Senator Tim Scott’s rebuttal to the president’s first address to Congress on Wednesday "
        "night. Painting Biden’s calls for unity as empty platitudes, the South Carolina Republican said that "
        "Democrats were dividing Americans."
    )
    (name,) = [name for said, name in speakers(nlp, text, "2021-04-29").items() if "dividing Americans" in said]
    assert name == "Tim Scott"
    # a sentence that opens on a name ("Fred", not a participle) has no such clause
    text = "Senator Tim Scott spoke on Wednesday. Fred Upton met reporters on Thursday, the Michigan Republican said."
    (name,) = [name for said, name in speakers(nlp, text, "2021-04-29").items() if "met reporters" in said]
    assert name == "Fred Upton"


def test_a_nationality_or_place_that_only_qualifies_the_speakers_is_not_the_speaker(nlp) -> None:
    """AllSides 2021: "The Italian government" spoke as "Italian", "Israeli forces" as "Israeli", "Star U.S.
    gymnasts" as the U.S., "Republican lawmakers" as "Republican"."""
    text = (
        "Italy imposed a new rule on Friday. The Italian government said that all workers must show a pass. "
        "Star U.S. gymnasts said that the FBI had failed them. U.S. officials said that talks would resume. "
        "Republicans oppose the plan. Republican lawmakers said that the bill was too costly. Cubans rallied on "
        "Sunday. Thousands of Cubans said that they were not afraid. The Indian Navy sank a pirate ship. Indian "
        "authorities said that the ship had attacked first. Residents of Cobb, Kelseyville and Hidden Valley Lake told "
        "Lake County News that they felt the quake."
    )
    by_text = speakers_by_opening(nlp, text, "2021-10-15")
    assert by_text["that all workers mus"] == "Italy"  # a state's government speaks for the state
    assert by_text["that the FBI had fai"] is None  # athletes do not speak for their country
    assert by_text["that talks would res"] == "U.S."
    assert by_text["that the bill was to"] == "Republicans"  # a party's lawmakers, the party's members
    assert by_text["that they were not a"] == "Cubans"  # a number of them: them
    assert by_text["that the ship had at"] != "Indian Navy"  # nor a body that shares their adjective
    assert by_text["that they felt the q"] is None  # the residents of places are not the places, nor "Lake"


def test_a_place_in_a_role_still_names_whose_role_it_is(nlp) -> None:
    """ECB+: "The president of South Sudan" is Salva Kiir, President of South Sudan, though the place alone names no
    speaker; "The de facto Hamas prime minister in Gaza, Ismail Haniyeh" is Haniyeh, not the prime minister named
    before him."""
    text = (
        "Israeli Prime Minister Ehud Olmert met his cabinet on Sunday. South Sudan's President Salva Kiir flew to "
        "Juba. The president of South Sudan said that the border was calm. The de facto Hamas prime minister in Gaza, "
        "Ismail Haniyeh, said that the truce was over."
    )
    by_text = speakers_by_opening(nlp, text, "2012-04-20")
    assert by_text["that the border was "] == "Salva Kiir"
    assert by_text["that the truce was o"] == "Ismail Haniyeh"


def test_whose_office_or_wife_speaks_is_not_the_person_named(nlp) -> None:
    """AllSides 2021 and ECB+: "The office of New York state Attorney General Letitia James" and "James's office"
    spoke as her spokesman, Fabien Levy ("a spokesperson for the attorney general's office"), and "One of the wives
    of former Fundamentalist LDS Church leader Winston Blackmore" as Blackmore himself."""
    text = (
        "Fabien Levy, a spokesperson for the attorney general's office, said that the inquiry had widened. The office "
        "of New York state Attorney General Letitia James confirmed a change in its investigation on Tuesday. "
        "James's office said that the case was now criminal. Former Fundamentalist LDS Church leader Winston "
        "Blackmore was arrested on Wednesday. One of the wives of Winston Blackmore confirmed that he had been "
        "arrested. Winston Blackmore said that he would fight the charge."
    )
    by_text = speakers_by_opening(nlp, text, "2021-05-19")
    assert by_text["that the inquiry had"] == "Fabien Levy"
    assert by_text["a change in its inve"] is None  # an office's words are not its principal's, nor its spokesman's
    assert by_text["that the case was no"] is None
    assert by_text["that he had been arr"] is None
    assert by_text["that he would fight "] == "Winston Blackmore"


def test_a_number_of_a_body_speaks_for_it_but_a_book_of_a_reporter_does_not(nlp) -> None:
    """AllSides 2021: "68 of the 100-member Senate" and "More than half of the 95-member House Progressive Caucus" are
    of the body they name; "passages of “Peril,” a book from Woodward and fellow Washington Post reporter" are not the
    Post's own words."""
    text = (
        "The Progressive Caucus met on Monday. More than half of the 95-member House Progressive Caucus said that they "
        "would vote against the bill. According to passages of a book from Bob Woodward and fellow Washington Post "
        "reporter Robert Costa, the general called Beijing twice."
    )
    by_text = speakers_by_opening(nlp, text, "2021-09-15")
    assert by_text["that they would vote"] == "Progressive Caucus"
    assert by_text["the general called B"] is None


def test_an_office_is_no_court_and_a_name_after_the_group_is_who_speaks(nlp) -> None:
    """ECB+: "The District Attorney's office" spoke as the District Court of Appeals once its attorney's role no
    longer stood for it; "one of the rebel leaders, Abdel Aziz al-Hilu" is al-Hilu, whom the next "he" is too."""
    text = (
        "District Attorney Steve Cooley charged him. The District Court of Appeals upheld the verdict. The District "
        "Attorney's office said that the jury found him guilty. Sudan's President Omar al-Bashir vowed to crush the "
        'rebels. But one of the rebel leaders, Abdel Aziz al-Hilu, said "We are ready to fight." "We are prepared '
        'for a long war," he added.'
    )
    by_text = speakers_by_opening(nlp, text, "2011-09-05")
    assert by_text["that the jury found "] is None
    assert by_text['"We are ready to fig'] == "Abdel Aziz al-Hilu"
    assert by_text['"We are prepared for'] == "Abdel Aziz al-Hilu"


def test_an_all_caps_da_is_the_district_attorney_not_a_name_particle(nlp) -> None:
    """The particles that name no one alone ("al", "da", "de") are lower-case words of names: "the DA" is the
    district attorney the story names ("Manhattan DA Alvin Bragg"), and "Lula da Silva"'s "da" still names no one."""
    text = (
        "Manhattan DA Alvin Bragg charged the former president on Tuesday. Brazilian President Luiz Inacio Lula da "
        "Silva visited New York. The DA said that the case was strong. Trump's lawyer Joe Tacopina said that the "
        "charges were political."
    )
    by_text = speakers_by_opening(nlp, text, "2023-04-05")
    assert by_text["that the case was st"] == "Alvin Bragg"
    assert by_text["that the charges wer"] == "Joe Tacopina"


def test_another_body_s_spokesperson_and_a_plural_are_no_one_person(nlp) -> None:
    """AllSides 2021: "A Central Command spokesperson" spoke as John Kirby ("Pentagon spokesman John Kirby"), though
    whose spokesperson each is differs. "The justices" spoke as Clarence Thomas, one of the "Justices Clarence Thomas,
    Samuel Alito and Neil Gorsuch"."""
    text = (
        "Pentagon spokesman John Kirby said that the toll had risen. A Central Command spokesperson said that another "
        "service member had died. Justices Clarence Thomas, Samuel Alito and Neil Gorsuch would have heard the case. "
        "The justices said that they would not hear the appeal. The Pentagon spokesman said that the gate was shut."
    )
    by_text = speakers_by_opening(nlp, text, "2021-08-27")
    assert by_text["that another service"] is None
    assert by_text["that they would not "] is None
    assert by_text["that the gate was sh"] == "John Kirby"
    # a role's words in lower case tell no other body: Raisi is the "hard-line judiciary chief" and Iran's new leader
    text = "Voters chose hard-line judiciary chief Ebrahim Raisi. Iran's new political leader said that talks resume."
    by_text = speakers_by_opening(nlp, text, "2021-06-21", chars=12)
    assert by_text["that talks r"] == "Ebrahim Raisi"


def test_the_leaders_of_two_bodies_speak_for_both(nlp) -> None:
    """AllSides 2021: "The leaders of the Food and Drug Administration and the Centers for Disease Control and
    Prevention are telling White House COVID-19 advisers that ..." spoke as the CDC alone."""
    from corroborate.analyze.story import SourceText, analyze_story

    text = (
        "The Food and Drug Administration and the Centers for Disease Control and Prevention met on Monday. The "
        "leaders of the Food and Drug Administration and the Centers for Disease Control and Prevention are telling "
        "advisers that there is not enough data to recommend boosters."
    )
    analysis = analyze_story([SourceText(id="a", text=text, published="2021-09-01")], nlp)
    names = {e.id: e.name for e in analysis.entities}
    spoken = [names.get(s.speaker_entity) for s in analysis.statements if "not enough data" in s.statement.text]
    assert sorted(spoken) == ["Centers for Disease Control and Prevention", "Food and Drug Administration"]
