"""How a story's name mentions become entities: short forms of a body's name."""

from __future__ import annotations

from corroborate.analyze.entities import Mention, canonical_entities


def names(*mentions: tuple[str, str]) -> dict[str, list[str]]:
    found = [Mention("a", text, label, 10 * i, 10 * i + len(text)) for i, (text, label) in enumerate(mentions)]
    entities, _ = canonical_entities(found)
    return {e.name: e.aliases for e in entities}


def test_a_short_form_of_a_body_joins_its_full_name() -> None:
    assert names(("Brennick City Transit", "ORG"), ("City Transit", "ORG"), ("City Transit", "ORG")) == {
        "Brennick City Transit": ["City Transit"]
    }


def test_a_short_form_two_bodies_share_stays_apart() -> None:
    found = names(("U.S. Supreme Court", "ORG"), ("Texas Supreme Court", "ORG"), ("Supreme Court", "ORG"))
    assert sorted(found) == ["Supreme Court", "Texas Supreme Court", "U.S. Supreme Court"]


def test_one_word_is_no_short_form() -> None:
    assert sorted(names(("Brennick City Transit", "ORG"), ("Transit", "ORG"))) == ["Brennick City Transit", "Transit"]


def test_an_initialism_keeps_its_last_full_stop() -> None:
    from corroborate.analyze.entities import clean_name

    assert clean_name("the U.S.") == "U.S."
    assert clean_name("Washington, D.C.") == "Washington, D.C."
    assert clean_name("Reuters.") == "Reuters"


def test_dotted_and_plain_initialisms_and_the_full_name_are_one_place() -> None:
    found = names(("U.S.", "GPE"), ("U.S.", "GPE"), ("US", "GPE"), ("United States", "GPE"), ("UK", "GPE"))
    assert found == {"U.S.": ["US", "United States"], "UK": []}


def test_initials_join_only_a_name_of_the_same_type() -> None:
    assert sorted(names(("UN", "ORG"), ("United Nations", "ORG"), ("Ursa Nova", "GPE"))) == ["UN", "Ursa Nova"]


def test_a_name_written_with_either_apostrophe_is_one_body() -> None:
    found = names(("Valdorian Dockworkers’ Union", "ORG"), ("Valdorian Dockworkers' Union", "ORG"), ("Union", "ORG"))
    assert sorted(found) == ["Union", "Valdorian Dockworkers’ Union"]


def test_a_day_of_the_week_tagged_as_a_name_is_no_entity() -> None:
    from corroborate.analyze.entities import doc_mentions
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    doc = nlp("Wednesday's decision by the Oversight Board upheld the ban, the board said.")
    doc.ents = [doc.char_span(0, 9, label="ORG"), *[e for e in doc.ents if e.start_char > 9]]  # the model's slip
    assert "Wednesday" not in [m.text for m in doc_mentions(doc, "a")]


def test_a_company_with_or_without_its_legal_suffix_is_one_body() -> None:
    # AllSides 2021: "Merck" and "Merck & Co" spoke as two bodies in one story
    found = names(("Merck", "ORG"), ("Merck & Co.", "ORG"), ("Merck", "ORG"), ("Pfizer Inc.", "ORG"), ("Pfizer", "ORG"))
    assert found == {"Merck": ["Merck & Co."], "Pfizer": ["Pfizer Inc."]}


def test_an_industry_word_before_a_company_name_is_not_its_name() -> None:
    # AllSides 2021: "Drugmaker Merck said Friday ..." made a body "Drugmaker Merck" beside "Merck"
    from corroborate.analyze.entities import doc_mentions
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    text = "Drugmaker Merck said Friday that its pill works. Giant Eagle said it would sell it."
    doc = nlp(text)
    eagle = doc.char_span(text.index("Giant"), text.index(" said it"), label="ORG")
    doc.ents = [doc.char_span(0, 15, label="ORG"), eagle]
    mentions = [(m.text, text[m.start : m.end]) for m in doc_mentions(doc, "a")]
    assert mentions == [("Merck", "Merck"), ("Giant Eagle", "Giant Eagle")]


def test_a_name_the_story_also_gives_with_a_legal_form_is_that_company_not_a_person() -> None:
    # AllSides 2021: the small model tagged "Merck" a person beside "Merck & Co.", so the company spoke as two
    assert names(("Merck", "PERSON"), ("Merck & Co.", "ORG"), ("Merck", "PERSON")) == {"Merck": ["Merck & Co."]}


def test_a_body_keeps_the_title_word_its_name_opens_with() -> None:
    # AllSides 2021: "The Justice Department said ..." was spoken by "Department"; "General Motors" was "Motors"
    from corroborate.analyze.entities import clean_name, doc_mentions
    from corroborate.nlp import load_spacy

    assert clean_name("The Justice Department", person=False) == "Justice Department"
    assert clean_name("General Motors", person=False) == "General Motors"
    assert clean_name("Justice Ruth Bader Ginsburg") == "Ruth Bader Ginsburg"  # a person's title still goes
    doc = load_spacy()("The Justice Department on Friday said the Treasury Department must hand over the files.")
    assert "Justice Department" in [m.text for m in doc_mentions(doc, "a") if m.label == "ORG"]


def test_a_department_or_ministry_named_either_way_is_one_body() -> None:
    found = names(("Justice Department", "ORG"), ("Department of Justice", "ORG"), ("Justice Department", "ORG"))
    assert found == {"Justice Department": ["Department of Justice"]}
    found = names(("Ministry of Defence", "ORG"), ("Defence Ministry", "ORG"), ("Treasury Department", "ORG"))
    assert sorted(found) == ["Defence Ministry", "Treasury Department"] or sorted(found) == [
        "Ministry of Defence",
        "Treasury Department",
    ]
    assert len(names(("Department of State", "ORG"), ("Justice Department", "ORG"))) == 2


def test_a_name_the_model_cut_inside_a_parenthesis_ends_before_it() -> None:
    # AllSides 2021: "World Health Organization (WHO says: ...", "American Academy of Pediatrics (AAP"
    from corroborate.analyze.entities import clean_name, doc_mentions
    from corroborate.nlp import load_spacy

    assert clean_name("World Health Organization (WHO", person=False) == "World Health Organization"
    assert clean_name("Gene Pukall (14-13-2)") == "Gene Pukall"
    doc = load_spacy()("The World Health Organization (WHO) said on Monday that cases fell. The WHO said deaths rose.")
    found = names(*[(m.text, m.label) for m in doc_mentions(doc, "a")])
    every = [n for name, aliases in found.items() for n in (name, *aliases)]
    assert "World Health Organization" in every and not any("(" in n for n in every), found


def test_a_generational_suffix_and_initials_are_part_of_a_whole_name() -> None:
    # NeuS: "The special counsel, Robert S. Mueller III, ..." became "Mueller III", apart from "Robert Mueller";
    # "Martin Luther King Jr." became "King Jr" (a rule that cuts a title the model swallowed counted them as words)
    from corroborate.analyze.entities import doc_mentions, same_person
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    people = [m.text for m in doc_mentions(nlp("The special counsel, Robert S. Mueller III, has subpoenaed it."), "a")]
    assert "Robert S. Mueller III" in people, people
    king = [m.text for m in doc_mentions(nlp("Martin Luther King Jr. spoke in 1963."), "a")]
    assert king == ["Martin Luther King Jr."], king
    assert same_person("Robert S. Mueller III", "Robert Mueller") and same_person("Mueller", "Robert S. Mueller III")
    assert not same_person("Robert S. Mueller III", "Robert Mills Jr.")  # another surname, whatever the suffix
    found = names(("Robert S. Mueller III", "PERSON"), ("Robert Mueller", "PERSON"), ("Mueller", "PERSON"))
    assert len(found) == 1, found
    # the name shown is the one the story uses most among its whole forms, not the one with most initials
    found = names(("Andrew M. Cuomo", "PERSON"), ("Andrew Cuomo", "PERSON"), ("Andrew Cuomo", "PERSON"))
    assert found == {"Andrew Cuomo": ["Andrew M. Cuomo"]}, found
    # a son is not his father: "Jr." keeps two people apart, and a bare surname does not join the son
    found = names(("Donald Trump Jr.", "PERSON"), ("Donald Trump", "PERSON"), ("Trump", "PERSON"))
    assert found == {"Donald Trump": ["Trump"], "Donald Trump Jr.": []}, found


def test_a_name_the_model_ended_on_a_particle_runs_on_to_the_surname() -> None:
    # the seeds: "French Foreign Minister Jean-Yves Le Drian" was the speaker "Jean-Yves Le"
    from corroborate.analyze.entities import doc_mentions
    from corroborate.nlp import load_spacy

    nlp = load_spacy()
    for text, name in (
        (
            "After talks, French Foreign Minister Jean-Yves Le Drian condemned the violence late Monday.",
            "Jean-Yves Le Drian",
        ),
        (
            "European Commission President Ursula von der Leyen said on Monday that talks would go on.",
            "Ursula von der Leyen",
        ),
    ):
        found = [(m.text, text[m.start : m.end]) for m in doc_mentions(nlp(text), "a") if m.label == "PERSON"]
        assert found == [(name, name)], found
        assert not any(m.text == name.split()[-1] for m in doc_mentions(nlp(text), "a")), "the surname is no other name"


def test_one_person_named_with_and_without_a_middle_initial_is_one_person_across_stories(tmp_path) -> None:
    # AllSides 2021: "Chuck Schumer", "Charles E. Schumer" and "Charles Schumer" were three people of the store;
    # the initial is no other person ("Charles E. Schumer" is "Charles Schumer"), a suffix is ("Donald Trump Jr.")
    import json

    from corroborate.analyze.entities import entity_id
    from corroborate.analyze.phase import unify_people
    from corroborate.store.db import Store

    store = Store.open(str(tmp_path / "s.duckdb"))
    rows = [
        ("s1", "Charles E. Schumer"),
        ("s2", "Charles Schumer"),
        ("s3", "Charles Schumer"),
        ("s4", "Donald Trump Jr."),
        ("s5", "Donald Trump"),
        ("s6", "George W. Bush"),
        ("s7", "George H.W. Bush"),
        ("s8", "George Bush"),
    ]
    for story, name in rows:
        eid = entity_id(name, "PERSON")
        store.con.execute("INSERT INTO entities VALUES (?, ?, ?, 'PERSON', '[]', '[]', '[]')", [story, eid, name])
        store.con.execute(
            "INSERT INTO statements VALUES (?, ?, 'a', ?, ?, 'said', 'direct', 'assert', 'x', 0, 1, NULL)",
            [f"st-{story}", story, name, eid],
        )
    unify_people(store)
    names = dict(store.con.execute("SELECT story_id, name FROM entities").fetchall())
    assert names == {
        "s1": "Charles Schumer",
        "s2": "Charles Schumer",
        "s3": "Charles Schumer",
        "s4": "Donald Trump Jr.",
        "s5": "Donald Trump",
        # two presidents: which of them "George Bush" is, initials cannot tell
        "s6": "George W. Bush",
        "s7": "George H.W. Bush",
        "s8": "George Bush",
    }
    (aliases,) = store.con.execute("SELECT aliases FROM entities WHERE story_id = 's1'").fetchone()
    assert "Charles E. Schumer" in json.loads(aliases)
    speaker = store.con.execute("SELECT speaker_entity FROM statements WHERE story_id = 's1'").fetchone()[0]
    assert speaker == entity_id("Charles Schumer", "PERSON")


def test_a_surname_two_people_share_is_the_one_its_article_names_in_full_first() -> None:
    """NeuS test: "Kellyanne Conway told reporters ... "I never threatened anyone," Conway told a gaggle" was George
    Conway's, whom another outlet of the story names (the first full name that fitted, alphabetically)."""
    found = [
        Mention("husband", "Kellyanne Conway", "PERSON", 0, 16),
        Mention("husband", "George Conway", "PERSON", 40, 53),  # "her husband George Conway"
        Mention("husband", "Conway", "PERSON", 90, 96),  # still hers
        Mention("hers", "Kellyanne Conway", "PERSON", 0, 16),
        Mention("hers", "Conway", "PERSON", 80, 86),
        Mention("his", "George Conway", "PERSON", 0, 13),
        Mention("his", "Conway", "PERSON", 50, 56),
        Mention("later", "Conway", "PERSON", 5, 11),  # "Ms. Conway said ..." before any full name
        Mention("later", "George Conway", "PERSON", 30, 43),
        Mention("later", "Conway", "PERSON", 60, 66),  # one article, one bare Conway
        Mention("fourth", "Kellyanne Conway", "PERSON", 0, 16),
        Mention("fourth", "Kellyanne Conway", "PERSON", 50, 66),
    ]
    entities, owner = canonical_entities(found)
    name = {e.id: e.name for e in entities}
    assert [name[owner[i]] for i in (2, 4, 6, 7, 9)] == [
        "Kellyanne Conway",
        "Kellyanne Conway",
        "George Conway",
        "Kellyanne Conway",  # the story names her in full most
        "Kellyanne Conway",
    ]


def test_a_surname_one_person_has_joins_that_person_whatever_the_article() -> None:
    found = names(("Ravindra Gupta", "PERSON"), ("Gupta", "PERSON"), ("Gupta", "PERSON"))
    assert found == {"Ravindra Gupta": ["Gupta"]}


def test_a_surname_the_model_took_for_a_place_is_the_person_unless_used_as_a_place() -> None:
    """AllSides 2021: "Mayorkas commented that 212,672 migrants were encountered" was spoken by a place "Mayorkas",
    apart from "Alejandro Mayorkas", because every bare "Mayorkas" was tagged a place."""
    found = names(("Alejandro Mayorkas", "PERSON"), ("Mayorkas", "GPE"), ("Mayorkas", "GPE"))
    assert found == {"Alejandro Mayorkas": ["Mayorkas"]}
    jordan = [
        Mention("a", "Michael Jordan", "PERSON", 0, 14),
        Mention("a", "Jordan", "GPE", 40, 46, located=True),  # "... flew to Jordan"
        Mention("a", "Jordan", "GPE", 80, 86),
    ]
    entities, _ = canonical_entities(jordan)
    assert sorted((e.name, e.type) for e in entities) == [("Jordan", "GPE"), ("Michael Jordan", "PERSON")]


def test_half_a_nickname_is_no_part_of_a_name() -> None:
    """ECB+: 'Chin" Gigante', a span the model cut inside 'Vincent "Chin" Gigante', had become the name of the man."""
    from corroborate.analyze.entities import clean_name

    assert clean_name('Chin" Gigante') == "Gigante"
    assert clean_name("Vincent “Chin") == "Vincent"
    assert clean_name('Vincent "Chin" Gigante') == 'Vincent "Chin" Gigante'
    assert clean_name("“Chin” Gigante") == "Gigante"  # the surname, as when the span opens inside the marks


def test_an_acronym_older_than_its_name_joins_it() -> None:
    # AllSides 2021: "CDC" and "Centers for Disease Control and Prevention" were two speakers of one statement; the
    # name grew "and Prevention" after its acronym was set
    found = names(("CDC", "ORG"), ("Centers for Disease Control and Prevention", "ORG"), ("CDC", "ORG"))
    assert len(found) == 1 and sorted(next(iter(found.values())) + list(found)) == [
        "CDC",
        "Centers for Disease Control and Prevention",
    ]
    # initials of the whole name still match, and a name that only begins the same stays apart
    assert len(names(("NAACP", "ORG"), ("National Association for the Advancement of Colored People", "ORG"))) == 1
    assert (
        len(names(("CDC", "ORG"), ("Centers for Disease Control and Prevention", "ORG"), ("Cape Dock Co", "ORG"))) == 3
    )
