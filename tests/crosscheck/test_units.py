"""Time expressions, quantities and the one-story cross-check on hand-made articles."""

from __future__ import annotations

import pytest

from corroborate.analyze.story import SourceText, analyze_story
from corroborate.crosscheck.numbers import compatible, find_quantities
from corroborate.crosscheck.timex import find_times, infer_published
from corroborate.nlp import load_spacy


def resolve(text: str, published: str | None) -> list[tuple[str, str, str]]:
    return [(t.text, t.date, t.precision) for t in find_times(text, published)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("The dam gave way late Monday.", "2024-03-05", ("late Monday", "2024-03-04", "day")),  # a Tuesday
        ("Talks resumed on Monday.", "2024-04-15", ("on Monday", "2024-04-15", "day")),  # same day
        ("The union will vote on Saturday.", "2024-04-19", ("on Saturday", "2024-04-20", "day")),  # future
        ("The order will go into effect at 11:59 p.m. Saturday.", "2021-07-15", ("Saturday", "2021-07-17", "day")),
        ("The Senate may vote as soon as Wednesday.", "2024-09-20", ("Wednesday", "2024-09-25", "day")),  # future
        ("The board may have met on Wednesday.", "2024-09-20", ("on Wednesday", "2024-09-18", "day")),
        ("In May officials said on Tuesday the dam held.", "2024-09-20", ("on Tuesday", "2024-09-17", "day")),
        ("They met last Thursday.", "2024-10-17", ("last Thursday", "2024-10-10", "day")),
        (  # the future is in a relative clause about her, not in the clause that dates her vow
            "Kathy Hochul, who will make history as the first female governor of New York, on Sunday vowed to act.",
            "2021-08-16",
            ("on Sunday", "2021-08-15", "day"),
        ),
        (  # "would-be" is no future tense
            "Harris issued a stark warning to would-be migrants from Guatemala on Monday.",
            "2021-06-09",
            ("on Monday", "2021-06-07", "day"),
        ),
        ("Fighting resumed on Sept. 27.", "2020-10-07", ("Sept. 27", "2020-09-27", "day")),
        # said on a Sunday, "this week" that is still to come is the coming one (AllSides 2021, CNBC, 23 May)
        ("Biden will host the family at the White House this week.", "2021-05-23", ("this week", "2021-05-24", "week")),
        ("The Senate votes later this week.", "2021-05-22", ("later this week", "2021-05-24", "week")),
        ("Biden hosted the family this week.", "2021-05-23", ("this week", "2021-05-17", "week")),
        ("The Senate will vote this week.", "2021-05-19", ("this week", "2021-05-17", "week")),
        ("This week, the Senate will vote.", "2021-05-19", ("This week", "2021-05-17", "week")),
        ("She plans to announce it THIS WEEK.", "2021-05-19", ("THIS WEEK", "2021-05-17", "week")),  # shouted
        ("At a briefing on November 5, she spoke.", "2020-11-07", ("November 5", "2020-11-05", "day")),
        ("The hearing is on January 8.", "2024-12-20", ("January 8", "2025-01-08", "day")),  # next year is nearer
        # more than 80 days ahead: the past, unless the text speaks of the future, a deadline or a scheduled event
        ("The panel investigating the Jan. 6 riot met.", "2021-07-23", ("Jan. 6", "2021-01-06", "day")),
        ("The panel set to investigate the Jan. 6 riot.", "2021-07-23", ("Jan. 6", "2021-01-06", "day")),
        ("Voters head to the polls in the Nov. 3 election.", "2020-07-01", ("Nov. 3", "2020-11-03", "day")),
        ("The report is due by Dec. 31.", "2021-07-20", ("Dec. 31", "2021-12-31", "day")),
        ("The pause on loan payments now runs through Jan. 31.", "2021-08-06", ("Jan. 31", "2022-01-31", "day")),
        # a month without a year: last year's when it is more than a month ahead, unless still to come
        ("Schools reopened in September after the summer.", "2021-06-22", ("in September", "2020-09", "month")),
        ("Children will be back in their classrooms in September.", "2021-06-22", ("in September", "2021-09", "month")),
        (
            "The deal extends the debt limit through early December.",
            "2021-10-08",
            ("early December", "2021-12", "month"),
        ),
        ("It covers the bills until December, she said.", "2021-10-06", ("until December", "2021-12", "month")),
        ("The clinic has been closed since December.", "2021-10-06", ("since December", "2020-12", "month")),
        ("The museum will stay closed until January.", "2021-10-06", ("until January", "2022-01", "month")),
        ("It happened 27 September 2020.", None, ("27 September 2020", "2020-09-27", "day")),
        ("Marsk visited last week.", "2024-03-11", ("last week", "2024-03-04", "week")),
    ],
)
def test_news_time_expressions_resolve_against_the_publication_date(text, published, expected) -> None:
    assert expected in resolve(text, published)


def test_without_a_publication_date_only_dated_expressions_are_placed() -> None:
    assert resolve("On Monday, on March 3 and on 4 March 2024 it rained.", None) == [
        ("4 March 2024", "2024-03-04", "day")
    ]


def test_a_capitalised_today_inside_a_sentence_is_a_name_not_a_date() -> None:
    # from the seeds: "conducted by Russia Today news agency director-general Dmitry Kiselyov this week"
    assert resolve("An interview conducted by Russia Today this week.", "2020-11-05") == [
        ("this week", "2020-11-02", "week")
    ]
    assert resolve("She told NBC's Today show she would run.", "2020-11-05") == []
    assert resolve("Today, the court ruled. It met today.", "2020-11-05") == [
        ("Today", "2020-11-05", "day"),
        ("today", "2020-11-05", "day"),
    ]


def test_may_the_verb_is_not_a_month() -> None:
    assert resolve("Officials said the toll may rise in the coming days.", "2024-03-05") == []
    assert resolve("It stands in contrast to a vote in May, when 35 joined.", "2021-06-30") == [
        ("in May", "2021-05", "month")
    ]


def test_an_undated_article_takes_the_latest_fitting_date_of_its_text() -> None:
    known = [("a", "2020-10-07"), ("b", None)]
    assert infer_published(known, "At a news briefing on November 5, the ministry spoke.") == "2020-11-05"
    # a date the text gives is a floor: the story's next known date is the likelier day of publication
    assert infer_published(known, "Fighting resumed on Sept. 27.") == "2020-10-07"
    assert infer_published(known, "No dates here at all.") == "2020-10-07"  # the story's latest
    assert infer_published(known, "It began on 1 May 1998.") == "2020-10-07"  # a history date does not fit
    assert infer_published([("b", None)], "No dates here.") is None


def q(text: str):
    (quantity,) = find_quantities(text)
    return quantity


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("about 3,000", "3,050", True),  # rounding
        ("at least six", "12", True),  # a lower bound
        ("12", "at least 14", False),
        ("roughly 40 percent", "roughly two fifths", True),
        ("hundreds", "thousands", False),
        ("millions", "roughly 39 million", True),  # "millions of families": anything in the millions
        ("millions", "hundreds of thousands", False),
        ("78 percent", "87 percent", False),
        ("$2,000", "$1,500", False),
        ("more than twenty", "Thirty-one", True),
        ("3%", "3.1%", True),  # the same figure rounded to fewer decimals
        ("2.6 million", "2.55 million", True),
        ("3%", "4.4%", False),
        ("3.5 million", "3.9 million", False),
    ],
)
def test_quantity_intervals(a, b, same) -> None:
    assert compatible(q(a), q(b)) is same


def test_years_times_and_dates_are_not_counts() -> None:
    assert find_quantities("In 2020, at 10:30, on March 3 and on the 5th, nothing was counted.") == []


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def check(nlp, *articles: tuple[str, str, str]):
    sources = [SourceText(id=i, text=t, outlet=i, published=d) for i, t, d in articles]
    return analyze_story(sources, nlp)


def claim_labels(nlp, *articles: tuple[str, str, str | None]) -> list[str]:
    """The claims' labels ("Ann Lee says: ...") of a story of ``articles`` (id, text, published)."""
    return [c["text"] for c in check(nlp, *articles).claims]


def kinds(result) -> list[str]:
    return sorted(c["kind"] for c in result.contradictions)


def test_a_different_death_toll_on_the_same_day_is_a_number_contradiction(nlp) -> None:
    texts = {
        "a": "Officials said on Thursday that 12 people died in the flood after the dam collapsed.",
        "b": "The number of people killed by the dam collapse has risen to at least 14, officials said.",
    }
    result = check(nlp, *[(i, t, "2024-03-07") for i, t in texts.items()])
    assert kinds(result) == ["number"]
    positions = result.contradictions[0]["positions"]
    assert {p["value"]: p["article_ids"] for p in positions} == {"12": ["a"], "at least 14": ["b"]}
    for p in positions:
        (ev,) = p["evidence"]
        assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"] == p["value"]


def test_a_toll_in_an_article_without_a_date_may_be_an_update(nlp) -> None:
    texts = {
        "a": "Officials said that 12 people died in the flood after the dam collapsed.",
        "b": "The number of people killed by the dam collapse has risen to at least 24, officials said.",
    }

    def numbers(date_a, date_b) -> list[str]:
        return kinds(check(nlp, ("a", texts["a"], date_a), ("b", texts["b"], date_b)))

    assert numbers("2024-03-07", "2024-03-07") == ["number"]
    assert numbers(None, "2024-03-07") == []  # the first may be days older: a rising toll, not two reports of one
    assert numbers(None, None) == []
    # a figure that does not rise is still compared without dates
    bill = "The Marsovian Senate passed a {} flood relief bill after the dam collapsed, officials said."
    result = check(nlp, ("a", bill.format("$2 billion"), None), ("b", bill.format("$3 billion"), None))
    assert kinds(result) == ["number"]


def test_one_figure_told_with_two_verbs_of_one_kind_is_a_number_contradiction(nlp) -> None:
    result = check(
        nlp,
        (
            "a",
            "Marsovia is to donate 750 million more doses of the Velax vaccine to poorer nations from next year.",
            "2021-09-22",
        ),
        (
            "b",
            "President Dunn will announce Wednesday that Marsovia is purchasing an additional 500 million doses of "
            "the Velax vaccine to give to the rest of the world, bringing its total pledge to more than a billion "
            "shots.",
            "2021-09-22",
        ),
    )
    assert kinds(result) == ["number"]  # "donate" and "give": one gift


def test_time_spans_beside_an_agreed_figure_are_each_writers_frame(nlp) -> None:
    result = check(
        nlp,
        (
            "a",
            "Marsovian employers added 850,000 jobs in June, well above the average of the previous three months.",
            "2021-07-02",
        ),
        ("b", "The Marsovian economy added 850,000 new jobs in June, after two months of weak growth.", "2021-07-02"),
    )
    assert kinds(result) == []
    other = check(
        nlp,
        ("a", "Marsovian employers added 850,000 jobs in June, the most in three months.", "2021-07-02"),
        ("b", "Marsovian employers added 640,000 jobs in June, the most in three months.", "2021-07-02"),
    )
    assert kinds(other) == ["number"]  # the jobs figure itself still counts


def test_rounding_and_updates_days_apart_are_not_contradictions(nlp) -> None:
    result = check(
        nlp,
        ("a", "About 3,000 residents were evacuated from the valley after the dam burst.", "2024-03-05"),
        ("b", "Some 3,050 residents were evacuated from the valley after the dam burst.", "2024-03-06"),
        ("c", "At least six people were killed when the dam burst.", "2024-03-05"),
        ("d", "Fourteen people were killed when the dam burst, officials said.", "2024-03-08"),
    )
    assert result.contradictions == []


def test_two_peoples_ages_and_a_figure_the_other_report_also_gives_are_not_contradictions(nlp) -> None:
    result = check(
        nlp,
        ("a", "The 69-year-old suffered several injuries in the attack at the harbour chapel.", "2024-10-15"),
        ("b", "Police said a 25-year-old man was arrested after the attack at the harbour chapel.", "2024-10-15"),
        ("c", "Employers added 235,000 jobs last month, the statistics office reported on Friday.", "2024-10-15"),
        (
            "d",
            "The statistics office said employment rose by 235,000 last month, down from 943,000 jobs added the "
            "month before.",
            "2024-10-15",
        ),
    )
    assert result.contradictions == []


def test_one_persons_age_given_two_ways_is_a_number_contradiction(nlp) -> None:
    result = check(
        nlp,
        ("a", "Ann Lee, a 69-year-old teacher, was injured in the attack at the harbour chapel.", "2024-10-15"),
        ("b", "Ann Lee, a 59-year-old teacher, was injured in the attack at the harbour chapel.", "2024-10-15"),
    )
    (number,) = result.contradictions
    assert number["kind"] == "number" and number["subject"].startswith("age of")
    assert {p["value"]: p["article_ids"] for p in number["positions"]} == {"69": ["a"], "59": ["b"]}


def test_a_claim_and_its_denial(nlp) -> None:
    result = check(
        nlp,
        ("a", "The union says the automation plan would eliminate about 600 jobs at the port.", "2024-04-15"),
        ("b", "The port authority denies that any job cuts are planned at the port.", "2024-04-16"),
    )
    assert kinds(result) == ["denial"]
    asserted, denied = result.contradictions[0]["positions"]
    assert asserted["value"].startswith("asserted") and asserted["article_ids"] == ["a"]
    assert denied["value"].startswith("denied") and "port authority" in denied["value"].lower()
    assert denied["article_ids"] == ["b"]


def test_a_fact_said_no_in_two_ways_is_not_a_claim_and_its_negation(nlp) -> None:
    result = check(
        nlp,
        ("a", "The mayor declined to take questions from reporters after the council vote on Tuesday.", "2024-05-08"),
        ("b", "The mayor did not take questions from reporters after the council vote on Tuesday.", "2024-05-08"),
    )
    assert result.contradictions == []
    negated = check(
        nlp,
        ("a", "The mayor took questions from reporters after the council vote on Tuesday.", "2024-05-08"),
        ("b", "The mayor did not take questions from reporters after the council vote on Tuesday.", "2024-05-08"),
    )
    assert kinds(negated) == ["denial"]
    memo = (
        "In a memo, Secretary Ann Lee {} the port authority should prioritise combating illegal acts committed by "
        "“unscrupulous” employers, whom she noted often pay dock workers substandard wages."
    )
    denied = check(nlp, ("a", memo.format("said"), "2024-05-08"), ("b", memo.format("denied"), "2024-05-08"))
    assert kinds(denied) == ["denial"]  # "denied" says no as "did not" does


def test_a_report_that_an_act_did_not_happen_negates_a_report_of_that_act(nlp) -> None:
    result = check(
        nlp,
        (
            "a",
            "Marsovia has not banned all cryptocurrency trading, a move that would deepen the crackdown by its "
            "government.",
            "2021-09-25",
        ),
        (
            "b",
            "Marsovia deepened its campaign against digital currencies on Friday, banning all cryptocurrency "
            "trading, ordering miners to shut down and warning banks to cut ties with exchanges.",
            "2021-09-25",
        ),
    )
    assert kinds(result) == ["denial"]  # worded apart, but the same act (ban, Marsovia, trading) negated


def test_an_actor_and_its_own_people_do_one_act_whatever_else_the_report_negates(nlp) -> None:
    result = check(
        nlp,
        (
            "a",
            "The Marsovian health ministry's experts are coalescing around the view that adults will need boosters, "
            "according to officials who discussed a decision not yet made.",
            "2021-08-17",
        ),
        ("b", "The Marsovian health ministry is not coalescing around a plan to give adults boosters.", "2021-08-17"),
    )
    assert kinds(result) == ["denial"]
    other_people = check(
        nlp,
        (
            "a",
            "The Marsovian health ministry's critics are coalescing around the view that adults will need boosters, "
            "according to officials who discussed a decision not yet made.",
            "2021-08-17",
        ),
        ("b", "The Marsovian doctors union is not coalescing around a plan to give boosters to adults.", "2021-08-17"),
    )
    assert kinds(other_people) == []


NOT_DENIALS = [
    (  # what a source cannot say asserts nothing either way
        "Police chief Tim Fanning said no one else was injured in the shooting at the office.",
        "Tim Fanning could not say if anyone else was in the building, but said no one else was injured in the "
        "shooting at the office.",
    ),
    (  # "not ... until": it will be, then
        "The name of the suspect will be released after he is formally charged, police said on Monday.",
        "The identity of the suspect will not be released until he is formally charged, police said on Monday.",
    ),
    (  # a counterfactual
        "The Saints placed running back Reggie Bush on injured reserve, ending his season.",
        "The Saints would not have placed running back Reggie Bush on injured reserve if they were still in "
        "playoff contention.",
    ),
    (  # the same act, done by others
        "Stars Jennifer Lawrence and Josh Hutcherson are signed for the Hunger Games sequels.",
        "Unlike Jennifer Lawrence and Josh Hutcherson, director Gary Ross is not signed for the Hunger Games sequels.",
    ),
    (  # the negation is of what the other report does not say
        "Jackson gave a blood sample for a blood-alcohol test after his arrest on Saturday.",
        "Jackson gave a blood sample for a blood-alcohol test after his arrest on Saturday, but the results won't "
        "be known for a few weeks.",
    ),
    (  # the negated act is one the other report does not mention
        "Vincent Jackson was arrested on suspicion of drunken driving early Tuesday morning in San Diego.",
        "The arrest of Vincent Jackson on suspicion of drunken driving in San Diego will not affect his status.",
    ),
    (  # "not X, but Y" asserts Y
        "LaRue said the source for the reporters on the Watergate story was probably a combination of people.",
        "LaRue said the source for the reporters on the Watergate story was not one person, but probably a "
        "combination of people.",
    ),
    (  # a hedge, not a denial
        "Peter Capaldi is to be the new star of Doctor Who, the BBC announced.",
        "Peter Capaldi is not completely new to Doctor Who, the BBC announced.",
    ),
    (  # a court denying a request decides it; it does not deny a claim
        "The Marsovian abortion law went into effect on Wednesday after the Supreme Court did not act on emergency "
        "requests to block it.",
        "Just before midnight, the Supreme Court denied the request by Marsovian abortion providers for an emergency "
        "order to block the law.",
    ),
    (  # a court that dismisses a complaint rules on it
        "A Marsovian judge on Monday threw out antitrust lawsuits brought against Facebook by the trade commission.",
        "A Marsovian federal court on Monday dismissed the trade commission's antitrust complaint against Facebook, as "
        "well as a parallel case brought by 48 state attorneys general.",
    ),
    (  # an order is no claim of fact
        "The Marsovian health agency said all adults and students should wear masks in schools.",
        "Don't wear a mask in schools.",
    ),
    (  # one fact, said no to in two ways, whatever else a sentence says
        "No gun has been recovered, police said on Tuesday after the shooting in the harbour district.",
        "The gun has not been recovered, police said on Tuesday after the shooting in the harbour district.",
    ),
    (
        "Although no financial terms of the deal were disclosed, it is expected to close within HP's first quarter.",
        "HP did not disclose financial terms of the deal, which is expected to close within its first quarter.",
    ),
]


def test_a_negated_verb_is_looked_for_with_the_verbs_it_governs(nlp) -> None:
    county = "Health officials in Marsh County {} proof of vaccination for patrons at indoor bars and nightclubs."
    result = check(
        nlp,
        ("a", county.format("will require"), "2021-08-13"),
        ("b", county.format("will not begin requiring"), "2021-08-13"),
    )
    assert kinds(result) == ["denial"]  # "begin" is not in the other report, "requiring" is


STILL_DENIALS = [
    (  # a copula: the same sentence negated
        "Worse was the dishonesty of the mayor's pitch for the harbour budget.",
        "Worse was not the dishonesty of the mayor's pitch for the harbour budget.",
    ),
    (  # a verb the parse takes for a speech cue is still the act negated
        "You can still witness the cynical takes from the mayor's defenders on the evening news.",
        "You can not still witness the cynical takes from the mayor's defenders on the evening news.",
    ),
    (  # "receive a sentence" is being sentenced
        "Former police officer Derek Lund was sentenced to 22 years in prison on Friday for the murder of Ann Holm.",
        "Former police officer Derek Lund did not receive a 270-month prison sentence on Friday for the murder of "
        "Ann Holm.",
    ),
]


@pytest.mark.parametrize("asserted,negated", STILL_DENIALS)
def test_a_claim_and_the_same_act_negated_stay_a_denial(nlp, asserted, negated) -> None:
    result = check(nlp, ("a", asserted, "2021-06-25"), ("b", negated, "2021-06-25"))
    assert kinds(result) == ["denial"]


@pytest.mark.parametrize("asserted,negated", NOT_DENIALS)
def test_a_negation_that_leaves_the_claim_standing_is_no_contradiction(nlp, asserted, negated) -> None:
    result = check(nlp, ("a", asserted, "2013-08-05"), ("b", negated, "2013-08-05"))
    assert kinds(result) == []


def test_a_court_dismissing_a_challenge_denies_nothing_and_can_be_negated(nlp) -> None:
    court = "The Supreme Court {} a challenge to the Healthcare Access Act on Thursday."
    result = check(
        nlp, ("a", court.format("dismissed"), "2021-06-18"), ("b", court.format("did not dismiss"), "2021-06-18")
    )
    assert kinds(result) == ["denial"]
    assert [p["value"] for p in result.contradictions[0]["positions"]] == ["asserted", "negated"]


def test_an_act_named_by_a_light_verb_and_its_noun_is_the_same_act(nlp) -> None:
    result = check(
        nlp,
        (
            "a",
            "The Marsovian administration did not make its first transfer of a Fort Kell inmate to his home country "
            "as it pushes to close the prison.",
            "2021-07-20",
        ),
        (
            "b",
            "The Marsovian administration on Monday transferred a Fort Kell detainee to his home country for the "
            "first time, a shift from the previous government.",
            "2021-07-20",
        ),
    )
    assert kinds(result) == ["denial"]  # "did not make its first transfer" / "transferred": one act


def test_an_act_a_claim_only_mentions_is_not_asserted(nlp) -> None:
    result = check(
        nlp,
        ("a", "“Facebook isn’t killing people,” Biden said.", "2021-07-20"),
        (
            "b",
            "Biden added that he hopes Facebook will do more to fight “the outrageous misinformation” about "
            "vaccines on its platform “instead of taking it personally that somehow I’m saying ‘Facebook is "
            "killing people.’”",
            "2021-07-20",
        ),
    )
    assert kinds(result) == []


def test_a_quoted_tomorrow_dates_nothing(nlp) -> None:
    result = check(
        nlp,
        (
            "a",
            "Governor Ann Lee is sending 50 guard troops to the harbour to help secure the port, she announced "
            "Tuesday.",
            "2024-07-03",
        ),
        (
            "b",
            "“Tomorrow morning I am officially sending 50 guard troops to the harbour to help secure the port,” "
            "Governor Ann Lee tweeted on Monday.",
            "2024-07-03",
        ),
    )
    assert [c for c in result.contradictions if c["kind"] == "date"] == []
    dates = {e["date"] for e in result.timeline}
    assert "2024-07-04" not in dates  # "tomorrow" from the publication date: not when it was said
    assert {"2024-07-01", "2024-07-02"} <= dates  # tweeted on Monday, announced Tuesday


def test_a_claim_label_says_who_says_what_once(nlp) -> None:
    texts = {
        "a": "Harbour chief Ann Lee spoke to reporters on Monday. She added that thousands of workers are hoping "
        "to find jobs at the new container port.",
        "b": "“The dredging of the northern channel will be finished before the spring storms,” said Lee.",
        "c": "Her comments came after Transport Minister Omar Diaz urged the council to approve the port plan.",
    }
    result = check(nlp, *[(i, t, "2024-06-03") for i, t in texts.items()])
    label_of = {m["text"][:12]: r["text"] for r in result.claims for m in r["mentions"]}
    assert (
        label_of["She added th"]
        == "Ann Lee says: thousands of workers are hoping to find jobs at the new container port"
    )
    assert label_of["“The dredgin"] == (
        "Ann Lee says: “The dredging of the northern channel will be finished before the spring storms”"
    )
    assert label_of["Her comments"] == texts["c"]  # it says who urged what; its main clause is no one's statement
    run_on = check(  # a statement that runs on into a quotation in the next sentence
        nlp,
        (
            "a",
            "The conflict is drawing in extremists “like a magnet” particularly from northern groups, Marsovian "
            "Foreign Intelligence Service Director Ivan Petrov said in a website statement Tuesday. “We cannot but be "
            "concerned” that militants may “subsequently infiltrate into states adjacent to Marsovia and Velaria.”",
            "2024-06-03",
        ),
    )
    assert run_on.claims[0]["text"] == (
        "Ivan Petrov says: The conflict is drawing in extremists “like a magnet” particularly from northern groups"
    )


def test_an_office_given_to_two_people_and_two_offices_given_to_one(nlp) -> None:
    result = check(
        nlp,
        ("a", "Russian President Vladimir Putin called for a ceasefire in the region.", "2020-10-07"),
        ("b", "Russian President Vladimir Putin spoke to Erdogan by phone about the fighting.", "2020-10-07"),
        ("c", "Russian President Vladimir Lukashenko held talks with the Armenian leader.", "2020-10-07"),
    )
    (role,) = result.contradictions
    assert role["kind"] == "role" and "Russian President" in role["subject"]
    assert [(p["value"], p["article_ids"]) for p in role["positions"]] == [
        ("Vladimir Putin", ["a", "b"]),
        ("Vladimir Lukashenko", ["c"]),
    ]


def test_a_chamber_leader_is_also_its_member_but_not_its_other_leader(nlp) -> None:
    both = check(
        nlp,
        ("a", "Senate Minority Leader Mitch McConnell opposed the Marsovian trade bill on Tuesday.", "2021-06-02"),
        ("b", "Senator Mitch McConnell opposed the Marsovian trade bill on Tuesday, aides said.", "2021-06-02"),
        ("c", "Speaker Nancy Pelosi backed the Marsovian trade bill; so did Rep. Nancy Pelosi.", "2021-06-02"),
    )
    assert kinds(both) == []
    wrong = check(
        nlp,
        ("a", "Senate Minority Leader Mitch McConnell opposed the Marsovian trade bill on Tuesday.", "2021-06-02"),
        ("b", "Senator Mitch McConnell opposed the Marsovian trade bill on Tuesday, aides said.", "2021-06-02"),
        ("c", "Senate Majority Leader Mitch McConnell opposed the Marsovian trade bill.", "2021-06-02"),
        ("d", "Rep. Mitch McConnell opposed the Marsovian trade bill.", "2021-06-02"),
    )
    (role,) = wrong.contradictions
    assert role["kind"] == "role" and len(role["positions"]) == 4


def test_a_state_courts_judge_is_its_justice_but_not_its_chief_justice(nlp) -> None:
    same = check(
        nlp,
        ("a", "Marsovia Supreme Court Judge Ivan Petrov sentenced the harbour master on Tuesday.", "2021-06-02"),
        ("b", "Justice Ivan Petrov sentenced the harbour master to nine years on Tuesday.", "2021-06-02"),
    )
    assert kinds(same) == []
    other = check(
        nlp,
        ("a", "Marsovia Supreme Court Judge Ivan Petrov sentenced the harbour master on Tuesday.", "2021-06-02"),
        ("b", "Chief Justice Ivan Petrov sentenced the harbour master to nine years on Tuesday.", "2021-06-02"),
    )
    assert kinds(other) == ["role"]


def test_a_title_spaced_with_a_no_break_space_is_still_an_office(nlp) -> None:
    texts = {
        "a": "The Senate will vote on the harbour bill on Wednesday, Majority Leader\xa0Ann Lee announced.",
        "b": "The Senate may vote as soon as Wednesday on the harbour bill, Minority Leader Ann Lee said.",
    }
    result = check(nlp, *[(i, t, "2024-09-20") for i, t in texts.items()])
    (role,) = result.contradictions
    assert role["kind"] == "role" and "Ann Lee" in role["subject"]
    values = {p["value"]: p["article_ids"] for p in role["positions"]}
    assert values == {"Majority Leader": ["a"], "Minority Leader": ["b"]}
    for p in role["positions"]:
        (ev,) = p["evidence"]
        assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
        assert p["value"].split()[0] in ev["text"]  # the evidence holds the title, not only the name


def test_the_same_event_dated_to_two_days_is_a_date_contradiction(nlp) -> None:
    result = check(
        nlp,
        ("a", "The Vellan Dam gave way late Monday, flooding the towns of Ferrow and Tarnholm.", "2024-03-05"),
        (
            "b",
            "The Vellan Dam gave way on the night of March 3, flooding the towns of Ferrow and Tarnholm.",
            "2024-03-11",
        ),
    )
    assert kinds(result) == ["date"]
    assert sorted(p["value"] for p in result.contradictions[0]["positions"]) == ["2024-03-03", "2024-03-04"]


def date_values(result) -> list[list[str]]:
    """The days each date contradiction sets against each other."""
    return [sorted(p["value"] for p in c["positions"]) for c in result.contradictions if c["kind"] == "date"]


BURNS = (
    "CIA Director William Burns met in person with Taliban leader Abdul Ghani Baradar in Kabul {}.",
    "Burns held a secret meeting {} in Kabul with Abdul Ghani Baradar, the de facto leader of the Taliban.",
)


def lede_dates(nlp, first: str, second: str, published: str = "2021-08-27") -> list[list[str]]:
    """The date contradictions between two outlets' ledes (each then followed by a sentence of its own)."""
    result = check(
        nlp,
        ("a", BURNS[0].format(first) + " The meeting was not announced.", published),
        ("b", BURNS[1].format(second) + " Officials would not comment on it.", published),
    )
    return date_values(result)


def test_two_ledes_that_date_the_story_apart_are_a_date_contradiction(nlp) -> None:
    # other verbs (met / held a meeting): their ledes are what the story is about, and they name the same people
    assert lede_dates(nlp, "on Monday", "Thursday") == [["2021-08-23", "2021-08-26"]]
    assert lede_dates(nlp, "on Monday", "Monday") == []


SAID = (
    "Marsovian Foreign Minister Ana Dunn said Monday that the northern border would reopen to trade within weeks.",
    "Ana Dunn, Marsovia's foreign minister, told reporters on Thursday that trucks could cross the border again soon.",
)


def said_dates(nlp, before: str = "") -> list[list[str]]:
    result = check(nlp, *[(k, before + t + " Traders welcomed it.", "2021-08-27") for k, t in zip("ab", SAID)])
    return date_values(result)


def test_two_ledes_date_one_statement_even_in_two_speech_verbs(nlp) -> None:
    assert said_dates(nlp) == [["2021-08-23", "2021-08-26"]]
    # further down an article, "said Monday" / "told reporters on Thursday" may be two statements
    assert said_dates(nlp, "Trade had stalled for a year. Prices of fuel had doubled. ") == []


def test_a_lede_that_also_dates_a_things_background_still_dates_one_event(nlp) -> None:
    background = SAID[1].replace("the border again", "the border, which closed last year, again")
    result = check(nlp, ("a", SAID[0] + " Traders welcomed it.", "2021-08-27"), ("b", background, "2021-08-27"))
    assert date_values(result) == [["2021-08-23", "2021-08-26"]]  # "last year" dates the border's closing


def test_a_weekday_counted_from_an_inferred_publication_date_sets_no_date_against_another(nlp) -> None:
    assert lede_dates(nlp, "on Monday", "Thursday") == [["2021-08-23", "2021-08-26"]]
    result = check(
        nlp,
        ("a", BURNS[0].format("on Monday") + " The meeting was not announced.", "2021-08-27"),
        ("b", BURNS[1].format("Thursday") + " Officials would not comment on it.", None),  # an undated article
    )
    assert result.published["b"][1]  # its date was inferred (and is shown as such) ...
    assert date_values(result) == []  # ... so which Thursday it means is not known well enough to contradict


def test_a_timeline_date_counted_from_an_inferred_publication_date_is_marked_inferred(nlp) -> None:
    from corroborate.brief.render import timeline_date

    result = check(
        nlp,
        ("a", "The Marsovian council approved the dam budget on Monday, its chair said.", "2021-08-27"),
        ("b", "Inspectors visited the Vellan dam on Tuesday. The repairs began on Aug. 2, 2021.", None),  # undated
    )
    assert result.published["b"][1]  # its publication date is inferred from its text
    by_text = {e["expression"]: e for e in result.timeline}
    assert not by_text["on Monday"].get("inferred")  # counted from a date the article gives
    tuesday = by_text["on Tuesday"]
    assert tuesday["inferred"] is True  # counted from the inferred date: a guess
    assert timeline_date(tuesday) == f"{tuesday['date']} (inferred)"
    assert not by_text["on Aug. 2, 2021"].get("inferred")  # a full date needs no publication date


def test_ledes_a_day_apart_two_dates_or_a_day_behind_are_not_contradictions(nlp) -> None:
    assert lede_dates(nlp, "on Monday", "Tuesday") == []  # a day apart: two steps of a story, or two time zones
    assert lede_dates(nlp, "on Monday", "Thursday, having arrived on Aug. 24,") == []  # which day?
    # Thursday's article: "early Friday" would be six days back, more likely a publication date a day behind
    assert lede_dates(nlp, "on Tuesday", "early Friday", "2021-08-26") == []
    assert lede_dates(nlp, "on Tuesday", "Thursday", "2021-08-26") == [["2021-08-24", "2021-08-26"]]


def test_the_day_a_thing_is_named_by_is_not_the_day_of_an_act(nlp) -> None:
    biden = "President Joe Biden {} to his {} for the withdrawal of U.S. troops from Afghanistan."
    result = check(
        nlp,
        ("a", biden.format("on Tuesday stuck", "plan"), "2021-08-25"),
        ("b", biden.format("stuck", "August 31 deadline"), "2021-08-25"),
    )
    assert kinds(result) == []  # the deadline's day, not the day he stuck to it


def test_one_thing_named_by_two_days_is_a_date_contradiction(nlp) -> None:
    result = check(
        nlp,
        (
            "a",
            "Speaker Nancy Pelosi named a committee to investigate the Jan. 6 insurrection at the Capitol.",
            "2021-03-01",
        ),
        (
            "b",
            "Speaker Nancy Pelosi said her committee on the Jan. 12 insurrection at the Capitol will do its job.",
            "2021-03-01",
        ),
    )
    assert kinds(result) == ["date"]
    assert sorted(p["value"] for p in result.contradictions[0]["positions"]) == ["2021-01-06", "2021-01-12"]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # one kind of event in two nouns
            "Speaker Nancy Pelosi named a committee to investigate the Jan. 6 insurrection at the Capitol.",
            "Speaker Nancy Pelosi said her committee on the Jan. 12 riot at the Capitol will do its job.",
        ),
        (  # one act told as a noun and as a verb
            "Andrew Yang will start the party in conjunction with the Oct. 11 release of his new book, Forward.",
            "Andrew Yang will start the party when his new book, Forward, is released on Oct. 5, sources said.",
        ),
    ],
)
def test_one_event_named_in_other_words_by_two_days_is_a_date_contradiction(nlp, first, second) -> None:
    result = check(nlp, ("a", first, "2021-07-01"), ("b", second, "2021-07-01"))
    assert kinds(result) == ["date"]


def test_the_same_act_dated_two_ways_is_found_past_another_dated_act(nlp) -> None:
    sentenced = (
        "A Florida man who was charged with a felony after breaching the Senate chamber in the United States Capitol "
        "during a riot on Jan. 6 was sentenced {} to eight months in jail."
    )
    other = (
        "A man who pleaded guilty to breaching the Senate chamber during the US Capitol insurrection was sentenced "
        "Monday to eight months in prison."
    )
    result = check(nlp, ("a", sentenced.format("Wednesday"), "2021-07-20"), ("b", other, "2021-07-20"))
    assert date_values(result) == [["2021-07-14", "2021-07-19"]]
    # the sentencing agrees: the breach's Jan. 6 is not set against the sentencing's Monday
    assert kinds(check(nlp, ("a", sentenced.format("Monday"), "2021-07-20"), ("b", other, "2021-07-20"))) == []
    # the first dates agree: another act's date is not looked for (an ECB+ story: a range and one of its ends)
    blackmore = (
        'Blackmore, alleged to have 19 wives, is charged with "practicing polygamy" between May 1, 2005, and Dec. 8, '
        "2006."
    )
    both = (
        'Blackmore has been charged with "practising polygamy" on May 1, 2005 and Oler has been charged with the '
        "same crime on Nov. 1, 2004."
    )
    assert kinds(check(nlp, ("c", blackmore, "2009-01-08"), ("d", both, "2009-01-08"))) == []


def test_a_thing_dated_by_a_participle_is_that_things_day(nlp) -> None:
    dated = (
        "In the letter dated April 16, condominium association president Jean Wodnicki explained to residents why "
        "$15 million in repairs was necessary."
    )
    named = (
        "In the April 9 letter, the Surfside condo board president, Jean Wodnicki, wrote how the building was in "
        "desperate need of repairs."
    )
    assert date_values(check(nlp, ("a", dated, "2021-06-28"), ("b", named, "2021-06-28"))) == [
        ["2021-04-09", "2021-04-16"]
    ]


def test_things_of_two_kinds_dated_apart_are_not_one_event(nlp) -> None:
    result = check(
        nlp,
        ("a", "Speaker Nancy Pelosi named a committee to investigate the Jan. 6 insurrection at the Capitol.", None),
        ("b", "Speaker Nancy Pelosi said her committee will hold a Jan. 12 hearing at the Capitol.", None),
    )
    assert kinds(result) == []


def test_an_act_negated_of_coordinated_objects_the_parser_splits_differently_is_a_denial(nlp) -> None:
    directed = (
        "In a memorandum released Monday evening, Attorney General Merrick Garland directed the FBI and U.S. "
        "attorneys' offices to meet in the next 30 days with federal, state and local law enforcement leaders."
    )
    negated = (
        "Garland did not direct the FBI and U.S. attorneys in the next 30 days to convene meetings with federal, "
        "state, and local leaders within 30 days."
    )
    assert kinds(check(nlp, ("a", directed, "2021-10-05"), ("b", negated, "2021-10-05"))) == ["denial"]
    # another object altogether is another act
    other = negated.replace("the FBI and U.S. attorneys", "the Justice Department's prosecutors")
    assert kinds(check(nlp, ("a", directed, "2021-10-05"), ("c", other, "2021-10-05"))) == []


def test_an_act_negated_in_the_passive_is_the_act_told_in_the_active(nlp) -> None:
    suspended = (
        "Chirp suspended Senator Ana Dunn for seven days on Tuesday night for posting a video disputing whether "
        "masks stop the spread of the virus."
    )
    negated = (
        "Sen. Ana Dunn has not been suspended from Chirp for a week over a video claiming that masks are ineffective."
    )
    assert kinds(check(nlp, ("a", suspended, "2021-08-11"), ("b", negated, "2021-08-11"))) == ["denial"]
    # done to someone else: another act
    other = negated.replace("Sen. Ana Dunn", "Her aide")
    assert kinds(check(nlp, ("a", suspended, "2021-08-11"), ("c", other, "2021-08-11"))) == []


def test_the_same_act_by_the_same_doer_said_alike_is_one_act_whatever_its_object(nlp) -> None:
    declined = (
        "Prize-winning journalist Ana Dunn announced Tuesday that she has declined a tenured professorship at the "
        "University of Marsovia."
    )
    negated = (
        "Ana Dunn, founder of the Marsovia Project, did not decline the University of Marsovia's offer of a tenured "
        "professorship and will instead join another faculty."
    )
    assert kinds(check(nlp, ("a", declined, "2021-07-07"), ("b", negated, "2021-07-07"))) == ["denial"]
    # the same doer and verb, but little else in common: another act
    other = "Ana Dunn, founder of the Marsovia Project, did not decline an invitation to the governor's gala dinner."
    assert kinds(check(nlp, ("a", declined, "2021-07-07"), ("c", other, "2021-07-07"))) == []


def test_the_subject_of_is_set_to_does_what_follows(nlp) -> None:
    from corroborate.crosscheck.claims import _act

    doc = nlp("The court is set to hear the case, and the senator was suspended by the network.")
    set_, suspended = (next(t for t in doc if t.lemma_ == lemma) for lemma in ("set", "suspend"))
    assert (_act(set_).subject, _act(set_).object) == ("court", None)  # not something done to the court
    assert (_act(suspended).subject, _act(suspended).object) == ("network", "senat")


def test_one_body_saying_an_act_happened_and_did_not_is_a_denial_whatever_places_each_names(nlp) -> None:
    arrested = (
        "Essex Police said a 25-year-old man had been arrested on suspicion of murder, and that counterterror "
        "detectives were investigating his motivations."
    )
    negated = (
        "Police said a 25-year-old man was not arrested on suspicion of murder after the attack at a church in "
        "Leigh-on-Sea."
    )
    assert kinds(check(nlp, ("a", arrested, "2021-10-15"), ("b", negated, "2021-10-15"))) == ["denial"]


def test_a_speaker_saying_she_does_and_does_not_is_a_denial(nlp) -> None:
    running = (
        "Caitlyn Jenner, the former Olympian, reality TV star and transgender activist, said Friday she is running "
        "to be governor of California, as a recall of the sitting Democratic governor moves forward."
    )
    negated = (
        "Former Olympian, reality TV star, and conservative firebrand Caitlyn Jenner has announced she is not "
        "running for governor against incumbent Gov. Gavin Newsom (D) in the impending recall election."
    )
    assert kinds(check(nlp, ("a", running, "2021-04-24"), ("b", negated, "2021-04-24"))) == ["denial"]
    # "she" is the speaker; someone else named as the subject is not
    daughter = negated.replace("she is not", "her daughter is not")
    assert kinds(check(nlp, ("a", running, "2021-04-24"), ("c", daughter, "2021-04-24"))) == []
    # inside a quotation "he" is someone else (the speaker is "I"): an ECB+ story
    quoted = "\"I think it's unfortunate for Mo, he's a great coach, but my dad is ready to step in,\" DiLeo said."
    never = "DiLeo has never been an NBA coach."
    assert kinds(check(nlp, ("d", quoted, "2009-04-21"), ("e", never, "2009-04-21"))) == []


def test_two_caps_on_one_plan_disagree_two_bounds_of_a_count_need_not(nlp) -> None:
    sending = (
        "Noem's announcement that she will send up to 25 South Dakota National Guard troops to Texas comes as the GOP "
        "ramps up a political fight with President Joe Biden over border security."
    )
    tweeted = (
        "“Tomorrow morning I’m officially announcing up to 50 National Guard troops to Texas to help secure our "
        "border,” South Dakota Governor Kristi Noem tweeted on Monday."
    )
    assert kinds(check(nlp, ("a", sending, "2021-06-30"), ("b", tweeted, "2021-06-30"))) == ["number"]
    fewer = sending.replace("she will send up to 25", "fewer than 25 people will send")
    came = tweeted.replace("officially announcing up to 50", "officially announcing that fewer than 50 people sent")
    assert kinds(check(nlp, ("c", fewer, "2021-06-30"), ("d", came, "2021-06-30"))) == []


def test_copies_of_one_text_count_as_one_source(nlp) -> None:
    text = "Heavy rain closed the mountain pass for three days, the road agency said."
    sources = [
        SourceText("wire", text, "Wire", "2024-01-02", group="g1"),
        SourceText("copy", text, "Reprint", "2024-01-02", group="g1"),
    ]
    result = analyze_story(sources, nlp)
    (claim,) = [c for c in result.claims if "mountain pass" in c["text"]]
    assert claim["independent_sources"] == 1 and claim["status"] == "single_source"
    assert len(claim["mentions"]) == 2
    sources.append(
        SourceText(
            "own", "The road agency said heavy rain closed the mountain pass for three days.", "Own", "2024-01-02"
        )
    )
    result = analyze_story(sources, nlp)
    (claim,) = [c for c in result.claims if "mountain pass" in c["text"] and c["independent_sources"] == 2]
    assert claim["status"] == "corroborated"


def test_a_shared_figure_joins_groups_that_average_link_keeps_apart() -> None:
    from types import SimpleNamespace

    import numpy as np

    from corroborate.crosscheck.check import ALIGN, _group

    # Two pairs of reports, each pair close; across the pairs only claims 0 and 2 are similar enough, and
    # they give the same figure ("thousands of radicals" / "thousands of militants").
    claims = [SimpleNamespace(article_id=a) for a in "abcd"]
    sim = np.full((4, 4), 0.3, dtype=np.float32)
    sim[0, 1] = sim[1, 0] = sim[2, 3] = sim[3, 2] = 0.9
    sim[0, 2] = sim[2, 0] = ALIGN + 0.02
    anchors = np.zeros((4, 4), dtype=bool)
    assert sorted(_group(claims, sim, ALIGN, anchors)) == [[0, 1], [2, 3]]
    anchors[0, 2] = anchors[2, 0] = True
    assert _group(claims, sim, ALIGN, anchors) == [[0, 1, 2, 3]]
    # a shared figure below the threshold joins nothing, and two claims of one article never join
    sim[0, 2] = sim[2, 0] = ALIGN - 0.02
    assert sorted(_group(claims, sim, ALIGN, anchors)) == [[0, 1], [2, 3]]
    claims[2].article_id = "a"
    sim[0, 2] = sim[2, 0] = 0.9
    assert sorted(_group(claims, sim, ALIGN, anchors)) == [[0, 1], [2, 3]]


def test_a_sentence_about_the_us_is_a_claim_and_the_writers_opinion_is_not(nlp) -> None:
    result = check(
        nlp,
        ("a", "The US sent three warships to the Gulf on Monday. Our readers deserve better than this.", None),
        ("b", "Washington sent three warships to the Gulf on Monday, officials said.", None),
    )
    mentions = {(m["article_id"], m["text"]): c for c in result.claims for m in c["mentions"]}
    claim = mentions.get(("a", "The US sent three warships to the Gulf on Monday."))
    assert claim is not None  # "US" is the country, not the first-person "us"
    assert claim["status"] == "corroborated" and claim["independent_sources"] == 2
    assert not any("Our readers" in text for _, text in mentions)  # the writer's opinion is not a claim


def test_the_writers_we_is_not_resolved_to_a_body_of_the_story_nor_made_a_claim(nlp) -> None:
    text = (
        "The US sent three warships to the Gulf on Monday. We think the warships came far too late. "
        "“We will not back down,” the Iranian foreign minister said on Tuesday."
    )
    result = check(nlp, ("a", text, None))
    writer = [s for s in result.statements if s.statement.text.startswith("the warships came")]
    assert writer and all(s.speaker_entity is None for s in writer)  # not "US says"
    assert not any("came far too late" in m["text"] for c in result.claims for m in c["mentions"])
    quoted = [s for s in result.statements if "back down" in s.statement.text]
    assert quoted and all(s.speaker == "the Iranian foreign minister" for s in quoted)  # a quoted "we" keeps its
    # speaker, who is a person: not the nationality "Iranian", the only name it shares with the story
    assert all(s.speaker_entity is None for s in quoted)


def test_a_group_that_speaks_is_not_the_member_it_names(nlp) -> None:
    text = (
        "Ravindra Gupta, a virologist at Cambridge, signed the letter on Thursday. "
        "“More investigation is still needed,” said the 18 scientists, including Ravindra Gupta. "
        "“The origin is unclear,” said Gupta, a professor at Cambridge."
    )
    result = check(nlp, ("a", text, "2021-05-14"))
    group = [s for s in result.statements if "More investigation" in s.statement.text]
    assert group and all(s.speaker_entity is None for s in group)  # the 18 scientists, not Gupta alone
    gupta = [s for s in result.statements if "origin is unclear" in s.statement.text]
    assert gupta and all(s.speaker_entity for s in gupta)


def test_the_counted_noun_is_found_past_more_and_additional(nlp) -> None:
    for text in ("The US will donate 750 million more doses.", "The US will buy 500 million additional doses."):
        doc = nlp(text)
        (quantity,) = find_quantities(text, doc[:])
        assert quantity.noun and quantity.noun == next(t.lemma_.lower() for t in doc if t.text == "doses")


def test_a_figure_in_a_breakdown_is_a_part_not_the_total(nlp) -> None:
    parts = (
        "According to the self-reported numbers, Harbor Pharmacy reported wasting 2.6 million doses, Dockside "
        "Drug reported 2.2 million, Quay Mart reported 1.6 million and Pier Health reported 1.1 million."
    )

    def numbers(other: str) -> list[list[str]]:
        result = check(nlp, ("a", parts, "2021-09-01"), ("b", other, "2021-09-01"))
        return [sorted(p["value"] for p in c["positions"]) for c in result.contradictions if c["kind"] == "number"]

    assert numbers("The 15.1 million wasted doses reported by pharmacies might even be an undercount.") == []
    # a report on one of the parts is still set against it
    assert numbers("Harbor Pharmacy reported wasting 3.9 million doses, according to the self-reported numbers.")


def test_a_places_population_is_not_a_count_of_the_people_at_the_event(nlp) -> None:
    result = check(
        nlp,
        ("a", "A gunman opened fire at the Harbour Chapel in Marlow, a town of about 17,000 people.", "2019-12-30"),
        ("b", "About 250 people were inside the Harbour Chapel in Marlow when the gunman opened fire.", "2019-12-30"),
    )
    assert kinds(result) == []


def test_distances_from_two_places_are_two_quantities(nlp) -> None:
    def numbers(first: str, second: str) -> list[list[str]]:
        result = check(
            nlp,
            ("a", f"The quake struck at 6:20 a.m. {first}, the Geological Survey said.", "2014-08-24"),
            ("b", f"The quake struck at 6:20 a.m. {second}, the Geological Survey said.", "2014-08-24"),
        )
        return [sorted(p["value"] for p in c["positions"]) for c in result.contradictions if c["kind"] == "number"]

    assert numbers("about 50 miles from Napa", "around 130 miles north of San Francisco") == []
    assert numbers("about 50 miles from Napa", "about 80 miles from Napa") == [["about 50", "about 80"]]
    # a converted figure in parentheses is measured from where its original is
    assert numbers("75 kilometers (50 miles) west of the city of Marlow", "about 85 miles from the city of Marlow") == [
        ["50", "about 85"]
    ]
    assert numbers("75 kilometers (50 miles) west of the city of Marlow", "at a depth of 22 miles") == []
    # a distance whose reference one report gives and the other does not is not known to be the same distance
    assert numbers("about 50 miles from Napa", "at a depth of about 80 miles") == []
    assert numbers("about 50 miles from Napa", "about 80 miles out") == []


def test_a_measure_written_into_a_noun_is_that_things_size(nlp) -> None:
    def numbers(first: str, second: str) -> list[list[str]]:
        result = check(nlp, ("a", first, "2012-06-11"), ("b", second, "2012-06-11"))
        return [sorted(p["value"] for p in c["positions"]) for c in result.contradictions if c["kind"] == "number"]

    # "a 15-nautical-mile radius" and "13 nautical miles from the ship" are two distances
    assert (
        numbers(
            "The destroyer must stay in touch with merchant vessels within a 15-nautical-mile radius, the navy said.",
            "The merchant vessel, which was 13 nautical miles from the destroyer, fired back, the navy said.",
        )
        == []
    )
    # "the 11-inch Air" and "the 13-inch laptop" are two screens
    assert (
        numbers(
            "Apple said the 11-inch Air gets a faster chip when it ships next week.",
            "Apple said the 13-inch laptop gets a brighter screen when it ships next week.",
        )
        == []
    )


def test_a_span_written_into_a_noun_measures_that_noun(nlp) -> None:
    def nouns(text):
        return [q.noun for q in find_quantities(text, nlp(text)[:])]

    assert nouns("The bill would create an eight-year path to citizenship.") == ["year path"]
    assert nouns("The 10 - year plan was passed.") == ["year plan"]
    assert nouns("It is the biggest surge at the border in 20 years.") == ["year"]


def test_figures_of_two_named_months_or_years_are_two_occasions_in_undated_articles_too(nlp) -> None:
    october = "Marsovian employers added a solid 128,000 jobs in October, a figure held down by a strike."
    november = "Marsovian employers added 266,000 jobs in November, the statistics office said."
    assert check(nlp, ("a", october, None), ("b", november, None)).contradictions == []
    again = "Marsovian employers added 310,000 jobs in October, the statistics office said."
    assert kinds(check(nlp, ("a", october, None), ("b", again, None))) == ["number"]
    later = "Petrov died while serving a 12-year sentence imposed in 1997 after he was convicted of racketeering."
    first = "It was smuggling that first sent Petrov to prison, in 1959, when he received a five-year sentence."
    assert check(nlp, ("a", later, None), ("b", first, None)).contradictions == []


def test_a_tally_noun_counts_people_only_when_it_is_a_toll(nlp) -> None:
    def nouns(text):
        return [q.noun for q in find_quantities(text, nlp(text)[:])]

    assert nouns("The death toll has risen to 14.") == ["people"]
    assert "people" not in nouns("Last week's figure was revised down to 405,000.")


def test_a_figure_revised_to_two_values_is_a_number_conflict_but_not_the_revision_itself(nlp) -> None:
    result = check(
        nlp,
        ("a", "Jobless claims fell to 385,000. Last week’s figure was revised down by 1,000 to 607,500.", "2021-06-03"),
        ("b", "Jobless claims fell to 385,000. The prior week’s reading was revised down to 405,000.", "2021-06-03"),
    )
    numbers = [c for c in result.contradictions if c["kind"] == "number"]
    assert len(numbers) == 1  # "to 607,500" parsed under "by 1,000" still reports the level revised to
    assert sorted(p["value"] for p in numbers[0]["positions"]) == sorted(["607,500", "405,000"])


def test_a_day_dates_the_verb_of_its_clause_not_a_hyphenated_word(nlp) -> None:
    from corroborate.crosscheck.claims import _dated

    text = "Vice President Harris issued a stark warning to would-be migrants from Guatemala on Monday."
    (expr,) = find_times(text, "2021-06-09")
    assert expr.date == "2021-06-07"  # "would-be" is no future tense
    assert _dated(nlp(text), expr).verb == "issue"  # not the "be" of "would-be"


def test_the_day_a_week_ended_names_the_week_not_an_act(nlp) -> None:
    from corroborate.crosscheck.claims import _dated

    text = "Data released Thursday showed 373,000 people filed claims in the week ended July 3."
    days = {t.text: t for t in find_times(text, "2021-07-08")}
    doc = nlp(text)
    assert _dated(doc, days["July 3"]).thing == "week"
    assert _dated(doc, days["Thursday"]).verb == "release"


def test_a_long_contradiction_subject_is_cut_at_a_word_with_an_ellipsis() -> None:
    from corroborate.crosscheck.check import _short

    text = "The head of the Foreign Intelligence Service, Sergei Naryshkin, previously stated that mercenaries " * 4
    short = _short(text)
    assert len(short) <= 200 and short.endswith("…")
    assert text.startswith(short[:-1]) and text[len(short) - 1] == " "
    assert _short("Azerbaijan and Turkey deny deploying any mercenaries.") == (
        "Azerbaijan and Turkey deny deploying any mercenaries."
    )


def test_two_prices_per_unit_are_one_figure_and_a_past_price_is_another(nlp) -> None:
    from corroborate.crosscheck.numbers import find_quantities

    def nouns(text: str) -> list[str]:
        doc = nlp(text)
        return [q.noun for q in find_quantities(text, doc[:])]

    assert nouns("Gas prices are up, with an average gallon costing Marsovian drivers $3.04.") == ["per gallon"]
    assert nouns("The average price of unleaded gasoline is $4.56 per gallon.") == ["per gallon"]
    assert nouns("Last year we had gasoline under $2 a gallon.") == ["per gallon then"]
    assert nouns("The bill costs $3.5 trillion.") == ["#cost"]  # the thing's price, not a rate
    result = check(
        nlp,
        (
            "a",
            "According to the auto club, Marsovian gas prices are up 58% with an average gallon costing $3.04.",
            "2021-07-02",
        ),
        (
            "b",
            "The average price of a gallon of unleaded gasoline in Marsovia is $4.56 per gallon, the auto club said.",
            "2021-07-02",
        ),
        (
            "c",
            "The Marsovian president said we had gasoline under $2 a gallon months ago, and the auto club agreed.",
            "2021-07-02",
        ),
    )
    (contradiction,) = result.contradictions
    assert contradiction["kind"] == "number" and contradiction["subject"] == "$ price per gallon"
    assert sorted(p["value"] for p in contradiction["positions"]) == ["$3.04", "$4.56"]


def test_an_age_is_an_age_in_tokenised_text_too() -> None:
    from corroborate.crosscheck.numbers import find_quantities

    for text in ("a 36-year-old climber", "a 36 - year - old climber", "a 36 year old climber"):
        assert [(q.text, q.unit) for q in find_quantities(text)] == [("36", "age")]
    assert [q.unit for q in find_quantities("He climbed for 36 years.")] == ["count"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Orioles offered $140-$150 million.", [("$140-$150 million", 140e6, 150e6)]),
        ("Some 5-10% of voters are undecided.", [("5-10%", 5, 10)]),
        ("Between 40 and 50 people died.", [("Between 40 and 50", 40, 50)]),
        ("The damage was estimated at €1 million ($1.52 million).", [("€1 million", 1e6, 1e6)]),  # a conversion
        ("The program ($5 billion) was cut.", [("$5 billion", 5e9, 5e9)]),  # a word ending in "m" is no amount
        ("Jobless claims were revised down by 1,000 to 607,500.", [("1,000", 1e3, 1e3), ("607,500", 607.5e3, 607.5e3)]),
        ("The Chiefs won 24-21 on Sunday.", []),  # a score is no range (nor two counts); a vote's tally: below
        # tokenised text (ECB+) splits "21,000" as "21, 000", which had read as 21 and 000
        ("A camp of roughly 21, 000 people was hit.", [("roughly 21, 000", 21000 * 0.85, 21000 * 1.15)]),
        ("On Oct. 5, 300 people marched.", [("300", 300 * 0.995, 300 * 1.005)]),
    ],
)
def test_a_range_is_one_figure_and_a_conversion_none(text, expected) -> None:
    from corroborate.crosscheck.numbers import find_quantities

    found = [(q.text, q.low, q.high) for q in find_quantities(text)]
    assert [x[0] for x in found] == [x[0] for x in expected]
    for (_, low, high), (_, want_low, want_high) in zip(found, expected):
        assert low <= want_low <= high and low <= want_high <= high and high <= want_high * 1.03


def test_a_range_agrees_with_both_its_bounds_given_elsewhere(nlp) -> None:
    result = check(
        nlp,
        ("a", "The Marsovian Orioles offered Teixeira $140-$150 million over seven years, reports said.", "2008-12-20"),
        ("b", "The Marsovian Orioles offered Teixeira $145 million over seven years, reports said.", "2008-12-20"),
    )
    assert kinds(result) == []
    wrong = check(
        nlp,
        ("a", "The Marsovian Orioles offered Teixeira $140-$150 million over seven years, reports said.", "2008-12-20"),
        ("b", "The Marsovian Orioles offered Teixeira $190 million over seven years, reports said.", "2008-12-20"),
    )
    assert kinds(wrong) == ["number"]


def test_a_story_told_over_days_dates_each_days_news_not_one_event_twice(nlp) -> None:
    appeal = (
        "The 5th U.S. Circuit Court of Appeals late Friday temporarily allowed Marsovia's near-total abortion ban to "
        "again be enforced after freezing a federal judge's order."
    )
    judge = (
        "A federal judge on Wednesday ordered Marsovia to suspend its near-total abortion ban, the strictest in the "
        "nation, after the Justice Department sued."
    )
    assert kinds(check(nlp, ("a", appeal, "2021-10-09"), ("b", judge, "2021-10-07"))) == []
    weekly = check(
        nlp,
        ("a", "New jobless claims in Marsovia fell to 473,000 for the week ended May 8, data showed.", "2021-05-13"),
        ("b", "New jobless claims in Marsovia fell to 444,000 for the week ended May 15, data showed.", "2021-05-20"),
    )
    assert "date" not in kinds(weekly)  # each weekly report names its own week


def test_two_ledes_of_one_event_need_little_wording_in_common(nlp) -> None:
    # one act (announced), one name, each its article's lede; their wording shares little else
    left = (
        "The last military flights have left Marsovia, ending two decades of war there, Gen. Ana Dunn announced {} "
        "at the ministry in the capital. Crowds cheered."
    )
    flown = (
        "Gen. Ana Dunn announced {} evening that the last of the troops stationed at the airport had flown out of "
        "Marsovia, a day before the president's deadline. Nobody commented."
    )
    day = "2021-08-31"
    result = check(nlp, ("a", left.format("Monday"), day), ("b", flown.format("Thursday"), day))
    assert date_values(result) == [["2021-08-26", "2021-08-30"]]
    assert date_values(check(nlp, ("a", left.format("Monday"), day), ("b", flown.format("Monday"), day))) == []


def test_a_lede_in_the_present_tense_dates_no_passed_event(nlp) -> None:
    urged = (
        "In a last-minute rally, Gov. Ana Dunn urged voters Sunday to turn back a looming recall vote that could "
        "remove her from office. Crowds cheered."
    )
    heads = (
        "Gov. Ana Dunn heads into the recall Tuesday with the wind at her back after the last polls show voters want "
        "to keep her. Nobody commented."
    )
    # Tuesday is the publication day: "heads into" tells today's or a coming event, not the news that passed Sunday
    assert date_values(check(nlp, ("a", urged, "2021-08-31"), ("b", heads, "2021-08-31"))) == []


def test_one_statement_quoted_in_two_articles_is_dated_once(nlp) -> None:
    stands = (
        "President Ana Dunn said she stands “squarely behind” her decision to withdraw the troops from Marsovia, "
        "speaking from the palace Monday as critics attacked the chaotic evacuation. Crowds gathered outside."
    )
    said = (
        "Critics called the evacuation a disaster. The opposition demanded an inquiry. "
        '"I stand squarely behind my decision," President Ana Dunn said {}.'
    )
    day = "2021-08-17"
    result = check(nlp, ("a", stands, day), ("b", said.format("Thursday"), day))
    assert date_values(result) == [["2021-08-12", "2021-08-16"]]
    assert date_values(check(nlp, ("a", stands, day), ("b", said.format("Monday"), day))) == []
    # her words on something else: another statement, perhaps on another day
    other = said.replace("I stand squarely behind my decision", "The evacuation will go on")
    assert date_values(check(nlp, ("a", stands, day), ("c", other.format("Thursday"), day))) == []


def test_a_lede_dates_its_news_not_what_a_relative_clause_tells(nlp) -> None:
    storm = (
        "Marsovia was struck by the Atlantic's latest tropical storm on Monday as the country continues to recover "
        "from a massive earthquake that killed hundreds of people."
    )
    quake = (
        "A tropical storm system has dumped heavy rain on the area of Marsovia where a 7.2-magnitude earthquake on "
        "Saturday killed at least 1,419 people."
    )
    assert date_values(check(nlp, ("a", storm, "2021-08-17"), ("b", quake, "2021-08-17"))) == []


def test_two_ledes_share_a_name_outside_quotation_marks_to_date_one_event(nlp) -> None:
    suspended = (
        "Chirp suspended an account on Thursday that appeared to be circumventing its ban on former President Ivan "
        "Petrov by posting messages he shared on his own website."
    )
    revealed = (
        "An account pulled from Chirp was not created by the former president's team, The Post has learned. The 45th "
        "president on Tuesday revealed his new website, “From the Desk of Ivan Petrov,” which lets him post messages."
    )
    assert date_values(check(nlp, ("a", suspended, "2021-05-06"), ("b", revealed, "2021-05-06"))) == []


def test_a_lede_dates_its_news_not_the_release_of_the_source_it_cites(nlp) -> None:
    skipping = (
        "Millions of Americans are skipping the second COVID-19 vaccine shot, according to data released Sunday by "
        "the U.S. Centers for Disease Control and Prevention."
    )
    outdoors = (
        "Fully vaccinated people can venture outdoors without masks, according to updated guidance from the Centers "
        "for Disease Control and Prevention issued Tuesday."
    )
    assert date_values(check(nlp, ("a", skipping, "2021-04-27"), ("b", outdoors, "2021-04-27"))) == []
    # one lede cites a release, the other dates another act of the same body: two events
    unveiled = (
        "The U.S. Centers for Disease Control and Prevention unveiled updated guidance on Tuesday for millions of "
        "Americans who got their second COVID-19 vaccine shot."
    )
    assert date_values(check(nlp, ("a", skipping, "2021-04-27"), ("c", unveiled, "2021-04-27"))) == []
    # the other lede dates that very release: one event, two days
    released = (
        "Millions of Americans are skipping their second COVID-19 vaccine shot, the U.S. Centers for Disease Control "
        "and Prevention said in data it released on Tuesday."
    )
    assert date_values(check(nlp, ("a", skipping, "2021-04-27"), ("d", released, "2021-04-27"))) == [
        ["2021-04-25", "2021-04-27"]
    ]


NOT_NUMBER_CONFLICTS = [
    (  # a forecast is not the figure
        "Marsovian payrolls increased by only 266,000 jobs in April, the statistics office said on Friday.",
        "Forecasters had anticipated that the Marsovian economy would add nearly 1 million payroll jobs in April.",
    ),
    (  # the world's tally is not the country's
        "Marsovia has logged 40 million Covid-19 cases since the start of the pandemic, the health ministry said.",
        "The global tally of confirmed Covid-19 cases climbed above 221 million on Tuesday, the health ministry said.",
    ),
    (  # parts of two other wholes
        "At least 28 Marsovians, including nine children, have been reported killed in the port strikes.",
        "Seven of the Marsovians killed in the port strikes were of a single family, including three children.",
    ),
    (  # what is added is not the total
        "The new agreement means that the drug maker will supply 200 million doses of the Velax vaccine to Marsovia.",
        "The drug maker will supply 100 million more doses of the Velax vaccine to Marsovia by this summer.",
    ),
    (  # the parts add up to the whole
        "Marsovia is donating 200 million doses this year and 300 million doses in the first half of 2022.",
        "Marsovia formally announced its plan to donate 500 million doses to 92 poorer countries.",
    ),
    (  # figures of two acts: fully vaccinated, one dose received
        "By Tuesday, 37.3% of Marsovian adults were fully vaccinated against Covid-19, with about 2.7 million shots "
        "each day.",
        "Over 55% of adults have received at least one dose of a Covid-19 vaccine, and 39% have been fully "
        "vaccinated, according to the Marsovian health ministry.",
    ),
    (  # when each measure was taken, not a figure the reports give
        "The effectiveness of the Velax vaccine falls below 50 percent after five months, according to a new study "
        "published in The Lancet.",
        "The effectiveness of the Velax vaccine against infection tumbles over several months, falling from a peak "
        "of 88% a month after the second shot to 47% six months later, according to a study published in The Lancet.",
    ),
]


@pytest.mark.parametrize(("first", "second"), NOT_NUMBER_CONFLICTS)
def test_a_forecast_a_world_tally_a_subset_an_addition_or_a_sum_is_another_figure(nlp, first, second) -> None:
    assert "number" not in kinds(check(nlp, ("a", first, "2021-06-10"), ("b", second, "2021-06-10")))


def test_two_rows_of_a_list_are_two_figures_however_alike_their_wording(nlp) -> None:
    rows = "Army: 40% fully vaccinated with 57% with one dose. Navy: 73% fully vaccinated, 79% with at least one dose."
    result = check(nlp, ("a", "Here are the figures by branch. " + rows, "2021-08-24"), ("b", rows, "2021-08-24"))
    assert "number" not in kinds(result)


def test_two_tolls_of_one_act_told_in_other_verbs_still_disagree(nlp) -> None:
    result = check(
        nlp,
        ("a", "Twelve people died in the flood after the dam collapsed in Marsovia on Thursday.", "2024-03-08"),
        ("b", "At least 14 people were killed in the flood after the dam collapsed in Marsovia.", "2024-03-08"),
    )
    assert kinds(result) == ["number"]
    cables = check(
        nlp,
        ("a", "Marsovia lost internet access after two undersea cables suffered heavy damage on Friday.", "2008-02-01"),
        ("b", "Marsovia lost internet access on Friday when three undersea cables were damaged.", "2008-02-01"),
    )
    assert kinds(cables) == ["number"]  # "suffered damage" / "were damaged": one act


def test_two_reports_of_one_forecast_or_one_subset_still_disagree(nlp) -> None:
    forecast = check(
        nlp,
        (
            "a",
            "Forecasters had anticipated that the Marsovian economy would add nearly 1 million jobs in April.",
            "2021-05-07",
        ),
        ("b", "Forecasters had anticipated that the Marsovian economy would add 400,000 jobs in April.", "2021-05-07"),
    )
    assert kinds(forecast) == ["number"]
    same_whole = check(
        nlp,
        ("a", "At least 28 Marsovians, including nine children, were killed in the port strikes.", "2021-05-11"),
        ("b", "At least 28 Marsovians, including 12 children, were killed in the port strikes.", "2021-05-11"),
    )
    assert kinds(same_whole) == ["number"]


def test_a_figure_of_an_earlier_occasion_is_not_set_against_todays(nlp) -> None:
    today = "The vote on the Marsovian committee was 222-190 with two Republicans joining Democrats."
    march = (
        "The 220-to-190 party-line vote on the Marsovian committee stands in contrast to a vote in March, when 35 "
        "House Republicans joined Democrats."
    )
    assert kinds(check(nlp, ("a", today, "2021-06-30"), ("b", march, "2021-06-30"))) == []
    june = march.replace("a vote in March", "a vote on Monday")  # the same occasion, this week: 35 against two
    assert kinds(check(nlp, ("a", today, "2021-06-30"), ("b", june, "2021-06-30"))) == ["number"]


def test_an_office_someone_is_nominated_for_is_not_yet_theirs(nlp) -> None:
    nominee = (
        "President Joe Biden's nominee for attorney general, Merrick Garland, said at his confirmation hearing on "
        "Monday that the attacks on the Marsovian courthouses may not qualify."
    )
    judge = "For Merrick Garland, a federal judge, there was a condition under which he would accept the nomination."
    assert kinds(check(nlp, ("a", nominee, "2021-02-22"), ("b", judge, "2021-02-22"))) == []
    held = nominee.replace(
        "President Joe Biden's nominee for attorney general, Merrick Garland,", "Attorney General Merrick Garland"
    )
    assert kinds(check(nlp, ("a", held, "2021-02-22"), ("b", judge, "2021-02-22"))) == ["role"]


@pytest.mark.parametrize(
    ("speaker", "verb"),
    [
        ("Security researchers", "say"),
        ("Senate Democrats", "say"),
        ("Marsovian health officials", "say"),
        ("Ann Lee", "says"),
        ("Reuters", "says"),
        ("Brennick City Transit", "says"),
        ("the press", "says"),
        ("two U.S. officials", "say"),
        ("members of the Marsovian parliament", "say"),
        ("The No. 3 Republican in the U.S. House of Representatives", "says"),
        ("Fifty-nine percent of respondents", "say"),
        ("Thousands of Marsovians", "say"),
        ("The Bureau of Labor Statistics' Job Openings and Labor Turnover Survey", "says"),
        ("Ann Lee and Omar Diaz", "say"),
        ("Residents of both towns", "say"),
        ("Videos", "say"),  # "Videos show: ...": common plurals opening a sentence are many, unlike "Reuters"
        ("Polls", "say"),
        ("Reuters", "says"),
    ],
)
def test_a_claim_label_agrees_with_a_plural_speaker(speaker: str, verb: str) -> None:
    from corroborate.crosscheck.claims import Claim

    claim = Claim(index=0, article_id="a", group="a", start=0, end=5, text="Bugs remain common.", sentence=0)
    claim.speaker, claim.said = speaker, "bugs remain common"
    assert claim.label == f"{speaker[0].upper()}{speaker[1:]} {verb}: bugs remain common"  # a line opens capitalised


@pytest.mark.parametrize("speaker", ["they", "You", "It", "Who", "He"])
def test_a_pronoun_speaker_is_no_label_but_an_acronym_is_a_name(speaker: str) -> None:
    from corroborate.crosscheck.claims import Claim

    claim = Claim(index=0, article_id="a", group="a", start=0, end=5, text="bugs remain common.", sentence=0)
    claim.speaker, claim.said = speaker, "bugs remain common"
    assert claim.label == "Bugs remain common."  # "They say: ..." names no one; the sentence says as much
    claim.speaker = "WHO"  # the World Health Organization, not the pronoun
    assert claim.label == "WHO says: bugs remain common"


def test_a_denial_answers_only_a_claim_about_what_it_denies(nlp) -> None:
    denial = ("b", "Varnhold Hydro denies that cost played any part in its maintenance schedule.", "2024-03-08")
    scheduled = (
        "Chief executive Greta Holmfeld said sealing work on the spillway had been scheduled for regular summer "
        "maintenance."
    )
    assert kinds(check(nlp, ("a", scheduled, "2024-03-08"), denial)) == []  # says nothing of cost
    costs = "Former inspector Lukas Fenner says cost played a part in the maintenance schedule of the dam."
    assert kinds(check(nlp, ("c", costs, "2024-03-08"), denial)) == ["denial"]


def test_a_person_described_is_not_the_body_whose_name_shares_a_word(nlp) -> None:
    text = (
        "The National Dam Safety Board said it would review all inspection records. "
        "A former state safety inspector says he warned the operator about widening cracks in the spillway."
    )
    result = check(nlp, ("a", text, "2024-03-07"))
    board = [s for s in result.statements if "review all inspection" in s.statement.text]
    inspector = [s for s in result.statements if "widening cracks" in s.statement.text]
    assert board and all(s.speaker_entity for s in board)
    assert inspector and all(s.speaker_entity != board[0].speaker_entity for s in inspector)


def test_a_place_nationality_or_body_that_describes_the_speakers_is_not_named_as_the_speaker(nlp) -> None:
    text = (
        "Marsovian officials said the border would reopen. Two U.S. officials said the talks had stalled. "
        "Democratic lawmakers on Friday said the report fell short. Russia said it would send observers."
    )
    labels = claim_labels(nlp, ("a", text, "2021-09-28"))
    assert "Marsovian officials say: the border would reopen" in labels, labels
    assert "Two U.S. officials say: the talks had stalled" in labels, labels
    assert "Democratic lawmakers say: the report fell short" in labels, labels  # not "Democratic says"
    assert "Russia says: it would send observers" in labels, labels  # the country itself speaks
    text = (
        "The Marsovian Defence Ministry said the drills were over. A Marsovian Defence Ministry spokesman said "
        "the troops had left. It said the border was calm."
    )
    labels = claim_labels(nlp, ("a", text, "2021-09-28"))
    assert "Marsovian Defence Ministry says: the drills were over" in labels, labels
    assert "A Marsovian Defence Ministry spokesman says: the troops had left" in labels, labels
    assert "Marsovian Defence Ministry says: the border was calm" in labels, labels  # "It" stands for the body


def test_a_label_knows_one_body_by_its_name_and_the_sentence_that_names_it_another_way() -> None:
    from corroborate.crosscheck.claims import Claim

    claim = Claim(index=0, article_id="a", group="a", start=0, end=5, text="Bugs remain common.", sentence=0)
    claim.speaker, claim.said, claim.speaker_is_name = "Procter and Gamble", "bugs remain common", True
    assert claim.label == "Procter and Gamble says: bugs remain common"  # one company, "and" in its name
    text = "The Federal Trade Commission filed a new complaint against Facebook on Thursday."
    claim = Claim(index=0, article_id="a", group="a", start=0, end=len(text), text=text, sentence=0)
    claim.speaker, claim.speaker_is_name, claim.speaker_aliases = "FTC", True, ("Federal Trade Commission",)
    assert claim.label == text  # the sentence says who: no "FTC says:" before it


def test_a_denier_saying_the_same_no_elsewhere_is_not_on_the_asserting_side(nlp) -> None:
    own = (
        "a",
        "The Marsovian Port Authority says the automation project is about capacity and that no job cuts have "
        "been decided at the port.",
        "2024-04-16",
    )
    union = (
        "b",
        "The dockworkers' union says the automation project would eliminate about 600 jobs at the port.",
        "2024-04-16",
    )
    denial = ("c", "The Marsovian Port Authority denies that any job cuts at the port are planned.", "2024-04-17")
    found = [c for c in check(nlp, own, union, denial).contradictions if c["kind"] == "denial"]
    assert found, "the union's claim against the authority's denial"
    asserting = {e["article_id"] for c in found for e in c["positions"][0]["evidence"]}
    assert asserting == {"b"}, found
    # what one outlet says the speaker said and another says the speaker denied is still set against the denial,
    # a "without" in it being no "no" of the speaker's
    said = (
        "a",
        "WHO Director-General Tedros Adhanom Ghebreyesus spoke to reporters. The World Health Organization (WHO) "
        "chief said on Thursday that there was a “premature push” to rule out the COVID-19 lab leak theory without "
        "enough evidence.",
        "2021-07-16",
    )
    denied = (
        "b",
        "Tedros denied there had been a “premature push” to rule out a lab leak as the origin of the pandemic.",
        "2021-07-16",
    )
    assert kinds(check(nlp, said, denied)) == ["denial"]


def test_a_claim_leaves_out_the_dateline_it_opens_with(nlp) -> None:
    text = "GRENNHAVEN, April 15 (CPA) – Dockworkers at Grennhaven walked off the job on Monday over automation plans."
    (claim,) = check(nlp, ("a", text, "2024-04-15")).claims
    assert claim["text"] == "Dockworkers at Grennhaven walked off the job on Monday over automation plans."
    assert claim["mentions"][0]["start"] == text.index("Dockworkers")


def test_a_timeline_entry_shows_the_clause_of_its_day_when_a_sentence_holds_two(nlp) -> None:
    text = (
        "Dockworkers at the port of Grennhaven will return to work on Monday after their union reached a deal with "
        "the port authority late Sunday, ending a week-long strike."
    )
    timeline = {e["date"]: e["text"] for e in check(nlp, ("a", text, "2024-04-22")).timeline}
    assert timeline == {
        "2024-04-21": "Their union reached a deal with the port authority late Sunday, ending a week-long strike",
        "2024-04-22": "Dockworkers at the port of Grennhaven will return to work on Monday",
    }
    one_day = check(nlp, ("a", "The union reached a deal with the port authority late Sunday.", "2024-04-22"))
    assert [e["text"] for e in one_day.timeline] == ["The union reached a deal with the port authority late Sunday."]


def test_a_statement_inside_the_section_label_a_claim_leaves_out_does_not_break_it(nlp) -> None:
    # NeuS test 038: "Why it matters:" reads as "it matters" with a statement of its own, in the words left out
    text = (
        "President Trump announced on Monday that the government will distribute 150 million rapid tests. Why it "
        "matters: The Trump administration has stressed the importance of reopening schools."
    )
    claims = claim_labels(nlp, ("a", text, "2020-09-28"))
    assert "The Trump administration has stressed the importance of reopening schools." in claims, claims


def test_a_claim_opening_with_a_name_that_starts_like_a_conjunction_keeps_it_whole(nlp) -> None:
    # the edge trim took "And", "But", "As" off any word ("rew Cuomo resigned ...", "ler County reported ...")
    text = "Andrew Cuomo resigned on Tuesday after a damning report. Butler County reported twelve new cases on Monday."
    claims = claim_labels(nlp, ("a", text, "2021-08-11"))
    assert claims == [
        "Andrew Cuomo resigned on Tuesday after a damning report.",
        "Butler County reported twelve new cases on Monday.",
    ]


def test_a_claim_keeps_a_leading_as_that_joins_no_clause_and_opens_as_a_sentence(nlp) -> None:
    # "As of this week, ..." had become "of this week, ..."; a clause cut out of its sentence ("..., and he
    # hasn't recovered") was shown starting in lower case
    text = (
        "As of this week, nearly 100 container ships idled off the Harbour coast, unable to unload their goods. "
        "His approval rating fell in late August for the first time, and he has not recovered since then."
    )
    claims = claim_labels(nlp, ("a", text, "2021-10-14"))
    assert claims[0].startswith("As of this week, nearly 100 container ships")
    assert "He has not recovered since then." in claims
    assert not any(c[:1].islower() for c in claims)


def test_a_verbless_small_clause_is_not_shown_as_what_the_speaker_says(nlp) -> None:
    # "China says: all financial transactions involving cryptocurrencies illegal and issuing ..." (AllSides)
    text = (
        "China intensified its crackdown on cryptocurrency on Friday, declaring all financial transactions "
        "involving cryptocurrencies illegal and issuing a nationwide ban on cryptocurrency mining."
    )
    (claim,) = claim_labels(nlp, ("a", text, "2021-09-24"))
    assert not claim.startswith("China says: all financial")
    assert claim.startswith("China intensified its crackdown")


def test_a_number_contradiction_names_what_is_counted_in_the_plural(nlp) -> None:
    texts = {  # AllSides 2021: "he waited six hours to vote" / "waited in line ... for seven hours"
        "a": "Hervis Rogers waited six hours to vote at his Houston polling place in the Texas primary last year.",
        "b": "Hervis Rogers waited in line at his Houston polling place for seven hours to vote in the Texas primary.",
    }
    result = check(nlp, *[(i, t, "2021-07-09") for i, t in texts.items()])
    assert [c["subject"] for c in result.contradictions if c["kind"] == "number"] == ["how many hours"]


def test_counts_an_order_of_magnitude_apart_count_two_things_but_a_slip_of_scale_is_flagged(nlp) -> None:
    texts = {  # AllSides 2021, the 2020 census: two groups of people, not two reports of one figure
        "a": "The 2020 census counted 3.7 million people who identify as Native American, the bureau said on Thursday.",
        "b": "The 2020 census counted about 204.3 million people who described themselves as white, the bureau said on "
        "Thursday.",
    }
    assert kinds(check(nlp, *[(i, t, "2021-08-12") for i, t in texts.items()])) == []
    slip = {  # the same digits in another scale: one report slipped, and a reader should see it
        "a": "The city council approved a budget of $1.2 million for the new harbour bridge on Tuesday.",
        "b": "On Tuesday the city council approved a budget of $1.2 billion for the new harbour bridge.",
    }
    assert kinds(check(nlp, *[(i, t, "2021-08-12") for i, t in slip.items()])) == ["number"]


def test_a_number_subject_reads_as_english() -> None:
    from corroborate.crosscheck.check import _number_subject

    assert _number_subject("count", "dos", "doses") == "how many doses"  # the tagger's lemma of "doses" is "dos"
    assert _number_subject("count", "city", "") == "how many cities"
    assert _number_subject("percent", "", "") == "a percentage"  # was "percentage of percent"
    assert _number_subject("percent", "adult", "adults") == "percentage of adults"
    # ECB+ and NeuS runs: "how many injures", "how many magnitudes", "how many year sentence", "percentage of traffics"
    assert _number_subject("count", "#injure", "") == "how many injured"
    assert _number_subject("count", "#kill", "") == "how many killed"
    assert _number_subject("count", "#fall", "") == "how much fell"
    assert _number_subject("count", "#make", "") == "how many made"  # "made 60 of 90 shots"
    assert _number_subject("count", "magnitude", "magnitude") == "the magnitude"
    assert _number_subject("count", "#measure", "") == "the reading"  # "the quake measured 6.1"
    assert _number_subject("count", "caliber", "caliber") == "the caliber"
    assert _number_subject("count", "year sentence", "") == "how many years (sentence)"
    assert _number_subject("percent", "traffic", "traffic") == "percentage of traffic"


def test_a_figure_in_a_when_clause_of_last_month_is_that_months_event(nlp) -> None:
    # AllSides 2021, June 30: "... stands in contrast to a vote in May, when 35 House Republicans joined Democrats"
    today = "The vote on the Marsovian committee was 222-190 with two Republicans joining Democrats."
    may = (
        "The 220-to-190 party-line vote on the Marsovian committee stands in contrast to a vote in May, when 35 "
        "House Republicans joined Democrats."
    )
    assert kinds(check(nlp, ("a", today, "2021-06-30"), ("b", may, "2021-06-30"))) == []
    # a monthly figure of last month is no other occasion: "added 266,000 jobs in May" in a June report
    jobs = "The economy added 266,000 jobs in May, the Labor Department said on Friday."
    other = "The economy added 559,000 jobs in May, the Labor Department said on Friday in its monthly report."
    assert kinds(check(nlp, ("a", jobs, "2021-06-04"), ("b", other, "2021-06-04"))) == ["number"]


def test_a_denial_of_what_a_thing_did_answers_no_claim_that_only_names_it(nlp) -> None:
    # AllSides 2021: "Biden denied that his decision to withdraw all troops from Afghanistan went against the
    # advice of his generals" had been set against "Biden announced his decision to end U.S. military involvement"
    denial = (
        "In an interview on Aug. 18, Mayor Vera Lind denied that her decision to close the harbour went against "
        "the advice of her engineers."
    )
    claim = "Mayor Vera Lind announced her decision to close the harbour to all ferries in April, the council said."
    assert kinds(check(nlp, ("a", denial, "2021-09-28"), ("b", claim, "2021-09-28"))) == []
    # what the denial says the thing did, the other report says it did: a denial
    did = "Her decision to close the harbour went against the advice of her engineers, two of them told the council."
    assert kinds(check(nlp, ("a", denial, "2021-09-28"), ("b", did, "2021-09-28"))) == ["denial"]


def test_a_speaker_who_calls_the_reports_nonsense_is_not_on_their_side(nlp) -> None:
    # NeuS test: "President Trump said Wednesday that new reports saying his associates had contact with Russian
    # officials ... are 'non-sense'" had been listed among those asserting the contacts
    reports = "Marsovian intelligence officials made repeated contact with the mayor's campaign staff, new reports say."
    dismissal = (
        "Mayor Vera Lind said Wednesday that new reports saying her aides had contact with Marsovian intelligence "
        "officials during the campaign are “non-sense.”"
    )
    denial = "Top city officials have denied that there were any contacts between the campaign and Marsovian officials."
    result = check(nlp, ("a", reports, "2017-02-15"), ("b", dismissal, "2017-02-15"), ("c", denial, "2017-02-15"))
    (contradiction,) = [c for c in result.contradictions if c["kind"] == "denial"]
    asserting = contradiction["positions"][0]
    assert asserting["value"].startswith("asserted") and "Vera Lind" not in asserting["value"], asserting["value"]
    assert asserting["article_ids"] == ["a"]


def test_you_outside_quotes_is_the_writer_addressing_the_reader_not_a_speaker(nlp) -> None:
    # AllSides 2021: "You say: you were watching protests anywhere else in Latin America"
    text = (
        "Unprecedented scenes took place across the island on Sunday, although you would have been excused if you "
        "thought you were watching protests in another country."
    )
    labels = claim_labels(nlp, ("a", text, "2021-07-12"))
    assert labels and not any(label.startswith(("You say", "You says")) for label in labels), labels


def test_a_speaker_shown_only_as_a_pronoun_is_shown_as_its_sentence(nlp) -> None:
    # AllSides 2021: "It says: critical race theory is a complicated, controversial, or new idea", "Who says: ..."
    text = (
        "Watching the news, it would be easy to think that the harbour plan is a new idea. The World Health "
        "Organization (WHO) said the largest decrease in new weekly cases was reported from the Eastern region."
    )
    labels = claim_labels(nlp, ("a", text, "2021-06-01"))
    assert not any(label.startswith(("It says", "Who says")) for label in labels), labels
    assert any(label.startswith("Watching the news, it would be easy") for label in labels), labels
    assert not any(label.startswith("Watching") and "says:" in label for label in labels)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # AllSides 2021 (jobs report, 2021-08-06): "since August last year" had been this year's August
        (
            "It was the biggest job gain since August last year, when more than 1 million jobs were added.",
            "2021-08-06",
            [("since August last year", "2020-08", "month")],
        ),
        ("The plant closed in August of last year.", "2021-08-06", [("in August of last year", "2020-08", "month")]),
        ("Prices fell in May this year.", "2021-08-06", [("in May this year", "2021-05", "month")]),
        ("The vote is set for March next year.", "2021-08-06", [("March next year", "2022-03", "month")]),
        ("The ban began on Nov. 3 last year.", "2021-08-06", [("Nov. 3 last year", "2020-11-03", "day")]),
        # "last" before a month: last year's (a month of this year is written bare); "this past": the latest one
        # before this month; "this": this year's; "next": the first after this month
        ("He was arrested last March.", "2021-08-06", [("last March", "2020-03", "month")]),
        ("The pandemic struck last March.", "2021-05-13", [("last March", "2020-03", "month")]),
        ("Sales rose this past July.", "2021-08-06", [("this past July", "2021-07", "month")]),
        ("Last August, the company said it would close.", "2021-08-06", [("Last August", "2020-08", "month")]),
        ("Talks are planned for next January.", "2021-08-06", [("next January", "2022-01", "month")]),
        ("The law takes effect this October.", "2021-08-06", [("this October", "2021-10", "month")]),
        # "... two weeks ago on August 24" names one day, not a week and a day
        (
            "Cases averaged 137,000, down from the 151,000 average two weeks ago on August 24.",
            "2021-09-07",
            [("August 24", "2021-08-24", "day")],
        ),
        ("The genocide began 106 years ago today.", "2021-04-24", [("106 years ago", "1915", "year")]),
    ],
)
def test_last_this_next_and_a_span_beside_its_day_resolve_as_one_date(text, published, expected) -> None:
    assert resolve(text, published) == expected


def test_this_may_the_modal_is_not_a_month() -> None:
    assert resolve("Some think this may end soon.", "2021-08-06") == []


def test_a_month_is_a_whole_word_after_a_day() -> None:
    # AllSides 2021: "voters have 13 mayoral candidates" was a timeline entry on 13 May
    assert resolve("Democratic Party voters have 13 mayoral candidates on their ballots.", "2021-06-22") == []
    assert resolve("It took 3 decades and 20 marches to get here.", "2021-06-22") == []
    assert resolve("The 13 may be freed soon.", "2021-06-22") == []  # the modal, as after "this"
    assert resolve("The vote on 13 May was close, and on 20 Dec. 2020 it was not.", "2021-06-22") == [
        ("13 May", "2021-05-13", "day"),
        ("20 Dec. 2020", "2020-12-20", "day"),
    ]


def test_the_point_a_record_is_measured_since_is_not_a_timeline_event(nlp) -> None:
    # AllSides 2021: "It is the first time since June 30 that ..." and "the best since August 2020" were entries on
    # June 30 and in August 2020, though what they tell happened on the day of publication
    text = (
        "It is the first time since June 30 that the national average is lower than two weeks earlier. "
        "The payroll increase was the best since August 2020. "
        "Protesters have occupied the square since Tuesday. "
        "Claims rose by the most since late March. "
        "The state has banned most abortions since Sept. 1."
    )
    timeline = [(e["date"], e["text"]) for e in check(nlp, ("a", text, "2021-09-09")).timeline]
    assert timeline == [
        ("2021-09-01", "The state has banned most abortions since Sept. 1."),
        ("2021-09-07", "Protesters have occupied the square since Tuesday."),
    ]


def test_a_claim_said_in_a_relative_clause_is_not_shown_from_its_pronoun(nlp) -> None:
    # AllSides 2021: "Gymnasts Simone Biles and Maggie Nichols and Aly Raisman and McKayla Maroney say: which they
    # say failed to act on repeated reports ..."
    text = (
        "Gymnasts Simone Biles, Maggie Nichols, Aly Raisman, and McKayla Maroney shocked Congress on Wednesday, "
        "revealing details of the sexual abuse they suffered at the hands of former USA Gymnastics team doctor Larry "
        "Nassar and blistering the FBI, which they say failed to act on repeated reports that American gymnasts and "
        "may have even covered up evidence of an abusive system."
    )
    (claim,) = check(nlp, ("a", text, "2021-09-16")).claims
    assert claim["text"] == text  # the sentence says who
    group = "Simone Biles, Aly Raisman and McKayla Maroney told senators the FBI failed to act on repeated reports."
    (claim,) = check(nlp, ("a", group, "2021-09-16")).claims
    said = "the FBI failed to act on repeated reports"
    assert claim["text"] == f"Simone Biles, Aly Raisman and McKayla Maroney say: {said}"


@pytest.mark.parametrize(
    ("text", "tally"),
    [
        ("The House voted 220-190 to pass the bill.", "220-190"),
        ("The House passed the bill 222-to-190 on Thursday.", "222-to-190"),
        ("The measure passed by a vote of 220 to 190.", "220 to 190"),
        ("The court ruled 6-3 that the law stands.", "6-3"),
        ("In a 5–4 decision, the justices struck down the rule.", "5–4"),
    ],
)
def test_a_vote_tally_is_one_figure(text: str, tally: str) -> None:
    found = find_quantities(text)
    assert [(q.text, q.unit) for q in found] == [(tally, "tally")]


def test_a_range_or_a_score_is_no_vote_tally() -> None:
    assert [q.unit for q in find_quantities("Prices rose 5-10% last year.")] == ["percent"]
    assert all(q.unit != "tally" for q in find_quantities("The Chiefs won 24-21 on Sunday."))
    assert all(q.unit != "tally" for q in find_quantities("Between 200 and 300 people attended the vote."))
    assert all(q.unit != "tally" for q in find_quantities("The FDA approved the vaccine for children ages 5-11."))
    assert all(q.unit != "tally" for q in find_quantities("The Senate voted after a 10-15 minute break."))
    assert all(q.unit != "tally" for q in find_quantities("He won a decision over Gene Pukall (14-13-2)."))


def test_two_tallies_of_one_vote_contradict_and_one_tally_written_two_ways_does_not(nlp) -> None:
    # NeuS test: "220-to-190" / "222-190" on one House vote had not been compared
    a = "The House voted 220-190 on Wednesday to impeach the president, with 10 Republicans joining Democrats."
    b = "The House voted 222-190 on Wednesday to impeach the president, with 10 Republicans joining Democrats."
    c = "The House voted 220 to 190 on Wednesday to impeach the president, with 10 Republicans joining the Democrats."
    result = check(nlp, ("a", a, "2021-01-14"), ("b", b, "2021-01-14"))
    assert kinds(result) == ["number"]
    assert {p["value"] for p in result.contradictions[0]["positions"]} == {"220-190", "222-190"}
    assert kinds(check(nlp, ("a", a, "2021-01-14"), ("c", c, "2021-01-14"))) == []


def test_two_votes_of_one_story_are_not_one_tally(nlp) -> None:
    # AllSides 2021: the Senate's failed vote on Monday and the bill it passed on Thursday
    a = "The Senate was unable to pass a federal funding bill on Monday after it received a 48 to 50 vote."
    b = "The Senate passed the federal funding bill 65-35, and the House passed it a few hours later."
    assert kinds(check(nlp, ("a", a, "2021-09-29"), ("b", b, "2021-09-30"))) == []


def test_figures_of_two_named_days_are_two_occasions_in_undated_articles_too(nlp) -> None:
    # NeuS test, undated: jobless claims of two weeks, a year apart, had been set against each other
    a = "Continuing claims for unemployment benefits during the week ending May 30 fell 339,000 to 20,929,000."
    b = "New jobless claims fell 34,000 to 444,000 for the week ended May 15th, data from the Labor Department showed."
    c = "New jobless claims fell 34,000 to 444,000 for the week ended May 30, data from the Labor Department showed."
    assert kinds(check(nlp, ("a", a, None), ("b", b, None))) == []
    assert kinds(check(nlp, ("a", a, None), ("c", c, None))) == ["number"]  # the same week: a contradiction


def test_a_named_day_is_no_weekday() -> None:
    # AllSides 2021 (July): "on Super Tuesday in March 2020" had been dated 2021-07-06
    text = "He was the last person in line to cast a vote at 1 a.m. on Super Tuesday in March 2020."
    assert resolve(text, "2021-07-11") == [("in March 2020", "2020-03", "month")]
    assert resolve("Shoppers lined up on Black Friday.", "2021-11-30") == []
    assert resolve("Bombs hit two churches on Palm Sunday.", "2017-04-10") == []
    assert resolve("President Biden Tuesday signed the bill.", "2021-07-08") == [("Tuesday", "2021-07-06", "day")]
    # AllSides 2021: '"I don't think we're going to see lockdowns," Anthony Fauci said on ABC's "This Week."'
    assert resolve('"We are going to see no lockdowns," Ann Lee said on ABC\'s "This Week."', "2021-08-01") == []


def test_a_day_that_names_a_thing_does_not_date_the_claim_on_the_timeline(nlp) -> None:
    # AllSides 2021: 54 timeline entries sat on 2021-01-06, nearly all of them July news that names "the Jan. 6 riot"
    text = (
        "House Speaker Nancy Pelosi has vetoed two Republican nominees to the panel set to investigate the Jan. 6 "
        "insurrection at the U.S. Capitol. A mob of Trump supporters stormed the Capitol on Jan. 6."
    )
    timeline = [(e["date"], e["text"]) for e in check(nlp, ("a", text, "2021-07-22")).timeline]
    assert timeline == [("2021-01-06", "A mob of Trump supporters stormed the Capitol on Jan. 6.")]
    # near publication such a name dates the news itself, and a document's day is when its words were written
    near = "A Thursday attack outside the airport in Kabul killed 13 U.S. service members."
    assert [e["date"] for e in check(nlp, ("a", near, "2021-08-28")).timeline] == ["2021-08-26"]
    cable = "The July 13 cable called on Washington to be firm in describing atrocities by the Taliban."
    assert [e["date"] for e in check(nlp, ("a", cable, "2021-08-20")).timeline] == ["2021-07-13"]


def test_two_outlets_words_for_one_event_of_one_day_are_one_timeline_entry() -> None:
    # AllSides 2021: "The World Health Organization called on Wednesday for a moratorium ..." / "On Wednesday, the
    # World Health Organization (WHO) called for a moratorium ..." were two entries: the aligner keeps a pair apart
    # when the rest of a claim group is worded apart (average link), so the timeline joins one day's pairs itself
    import numpy as np

    from corroborate.crosscheck.check import _timeline
    from corroborate.crosscheck.claims import Claim, Dated
    from corroborate.crosscheck.timex import TimeExpr

    texts = [
        ("a", "On Wednesday, the WHO called for a moratorium on booster shots.", {"who"}),
        ("b", "The WHO called on Wednesday for a moratorium on booster shots to free up doses.", {"who"}),
        ("c", "The Senate confirmed a new ambassador to Japan on Wednesday.", {"senat", "japan"}),
        ("d", "The WHO's chief said on Wednesday that rich countries hoard doses.", {"who"}),
    ]
    claims = []
    for i, (aid, text, names) in enumerate(texts):
        at = text.index("Wednesday")
        expr = TimeExpr(at, at + 9, "Wednesday", "2021-08-04", "day", True, "weekday")
        claims.append(Claim(i, aid, aid, 0, len(text), text, 0, names=frozenset(names), times=[Dated(expr, "call")]))
    sim = np.array([[1, 0.7, 0.2, 0.4], [0.7, 1, 0.2, 0.45], [0.2, 0.2, 1, 0.1], [0.4, 0.45, 0.1, 1]])
    entries = sorted((e["date"], sorted(e["article_ids"])) for e in _timeline(claims, [[0], [1], [2], [3]], sim))
    assert entries == [("2021-08-04", ["a", "b"]), ("2021-08-04", ["c"]), ("2021-08-04", ["d"])]
    # alike but naming no one in common: two events
    claims[2].names = frozenset({"who"})
    sim[0, 2] = sim[2, 0] = 0.65
    claims[1].names = frozenset({"moratorium"})
    entries = sorted((e["date"], sorted(e["article_ids"])) for e in _timeline(claims, [[0], [1], [2], [3]], sim))
    assert ("2021-08-04", ["a", "c"]) in entries and ("2021-08-04", ["b"]) in entries


def test_two_outlets_words_for_one_event_of_one_week_are_one_entry_but_a_day_is_not_that_week() -> None:
    # AllSides 2021: "Speaker Pelosi told Members she plans to announce WHETHER she will create a select committee
    # THIS WEEK." / "House Speaker Nancy Pelosi will announce this week whether ..." were two entries
    import numpy as np

    from corroborate.crosscheck.check import _timeline
    from corroborate.crosscheck.claims import Claim, Dated
    from corroborate.crosscheck.timex import TimeExpr

    texts = [
        ("a", "Pelosi told members she plans to announce this week whether she will create a committee.", "week"),
        ("b", "Speaker Nancy Pelosi will announce this week whether she will create a select committee.", "week"),
        ("c", "Pelosi spoke to members on Monday about whether she will create a select committee.", "day"),
    ]
    claims = []
    for i, (aid, text, precision) in enumerate(texts):
        word = "this week" if precision == "week" else "Monday"
        at = text.index(word)
        expr = TimeExpr(at, at + len(word), word, "2021-06-21", precision, True, "relative_span")
        claim = Claim(i, aid, aid, 0, len(text), text, 0, names=frozenset({"pelosi"}), times=[Dated(expr, "tell")])
        claims.append(claim)
    sim = np.array([[1, 0.7, 0.7], [0.7, 1, 0.7], [0.7, 0.7, 1]])
    entries = sorted(
        (e["date"], e["precision"], sorted(e["article_ids"])) for e in _timeline(claims, [[0], [1], [2]], sim)
    )
    # the week's two are one entry; Monday 21 June is a day of that week, not its entry
    assert entries == [("2021-06-21", "day", ["c"]), ("2021-06-21", "week", ["a", "b"])]


def test_a_denial_is_labelled_as_denied_not_as_said(nlp) -> None:
    # the seeds: "Aliyev and Turkey deny that Syrian militants have entered Azerbaijan" was shown as
    # "Ilham Aliyev and Turkey say: Syrian militants have entered Azerbaijan", the opposite of what they said
    texts = {
        "a": "Marsovian President Ivo Pell and Talvia deny that foreign fighters have entered Marsovia to join the "
        "fighting. Port official Ann Lee dismissed the report, saying “we don’t see much evidence of that.”",
    }
    labels = claim_labels(nlp, *[(i, t, "2024-06-03") for i, t in texts.items()])
    assert "Ivo Pell and Talvia deny: foreign fighters have entered Marsovia to join the fighting" in labels, labels
    assert not any(" say: foreign fighters" in x for x in labels), labels
    assert "Ann Lee says: “we don’t see much evidence of that.”" in labels, labels  # her words, not what she denies


def test_a_clause_cut_from_its_sentence_does_not_end_on_its_conjunction(nlp) -> None:
    # the seeds: "Russia has a military base in Armenia and" / "The two nations have a mutual-defense pact ..."
    text = (
        "Marsovia has a naval base in Talvia and the two nations have a mutual-defense pact, though it is old. "
        "Some ports only admit vaccinated crews, others are open to all crews with a negative test or and/or"
    )  # an excerpt cut off there
    texts = claim_labels(nlp, ("a", text, "2024-06-03"))
    assert any(t.endswith("negative test or and/or") for t in texts), texts  # "or" of "and/or" is no conjunction
    assert "Marsovia has a naval base in Talvia" in texts, texts
    assert not any(t.rstrip().endswith(" and") for t in texts), texts
    cut = "Surveys also show that dock fees are rising at a rate not seen since the late 1970s and..."  # an excerpt
    said = claim_labels(nlp, ("a", cut, None))
    assert said and not any(x.endswith(" and") for x in said), said  # what is said ends where its clause does


def test_a_statement_in_a_relative_clause_does_not_make_the_sentence_its_speakers(nlp) -> None:
    # the seeds: "AFP gave no details of the offer it said had been made by Prime Minister Nikol Pashinyan." was
    # shown as "Azerbaijan says: AFP gave no details ...": the offer is what "it" said; the rest is the writer's
    text = (
        "The agency said Talvia had offered concessions. AFP gave no details of the offer it said had been made by "
        "Prime Minister Ivo Pell. Local residents, who say the port plan is too weak, will march on Monday. "
        "Ann Lee gave a speech Monday in Talvia, in which she told would-be migrants “do not come” to Marsovia."
    )
    labels = claim_labels(nlp, ("a", text, "2024-06-03"))
    assert "AFP gave no details of the offer it said had been made by Prime Minister Ivo Pell." in labels, labels
    assert not any(" says: AFP gave" in x or " say: AFP gave" in x for x in labels), labels
    assert "Local residents say: the port plan is too weak" in labels, labels  # the noun it hangs on speaks
    assert "Ann Lee says: “do not come” to Marsovia" in labels, labels  # "in which she told ...": all she said


def test_each_sentence_of_a_quotation_is_shown_in_its_own_pair_of_marks(nlp) -> None:
    # the seeds: "Oleg Syromolotov says: “There are no trifles in the fight against terrorism." and
    # "Oleg Syromolotov says: It is important to analyze any risks, ... to work ahead of the curve”"
    text = (
        "Harbour chief Ann Lee spoke to reporters on Monday.\n\n“There are no trifles in the fight against piracy. "
        "It is important to analyze any risks, including potential ones, to work ahead of the curve,” she said."
    )
    labels = claim_labels(nlp, ("a", text, "2024-06-03"))
    assert "Ann Lee says: “There are no trifles in the fight against piracy.”" in labels, labels
    second = (
        "Ann Lee says: “It is important to analyze any risks, including potential ones, to work ahead of the curve”"
    )
    assert second in labels, labels
    from corroborate.crosscheck.claims import _closed_quote

    mixed = 'His book, called "Forward: Notes on the Future,” is about the “era of failure”'
    assert _closed_quote(mixed) == mixed  # a straight mark opens what a curly one closes: left as written
    assert _closed_quote("the rules will “protect Americans...") == "the rules will “protect Americans...”"
    # straight marks as the example corpus writes them: "Nobody in this valley will be left ... for months. / That
    # is a promise, and you can hold me to it," the minister said.
    assert _closed_quote('"Nobody will be left on a camp bed.') == '"Nobody will be left on a camp bed."'
    assert (
        _closed_quote('That is a promise, and you can hold me to it"')
        == '"That is a promise, and you can hold me to it"'
    )
    assert _closed_quote('the "Fire Fauci Act" is designed') == 'the "Fire Fauci Act" is designed'


def test_a_day_of_a_month_is_no_count_whichever_way_it_is_written() -> None:
    # ECB+: "on 27 December" / "on 20 December" was a number contradiction, "how many decembers"; "September 14"
    # slipped too (the month's name was looked for in the 8 characters before the day, too few for "September ")
    for text in (
        "The air attacks began on 27 December.",
        "The truce broke down on the 20th of December.",
        "Voters go to the polls on September 14.",
        "The deal was signed on 3 Feb. in Geneva.",
    ):
        assert find_quantities(text) == [], text
    for text, figure in (("27 Marines died in the attack.", "27"), ("About 5 may lose their jobs.", "About 5")):
        assert [q.text for q in find_quantities(text)] == [figure], text


def test_a_reported_clause_keeps_its_subject_that(nlp) -> None:
    # AllSides 2021: "That's roughly an 80% drop since January, CNN reported." was "CNN says: 's roughly an 80% drop"
    text = (
        "Deaths fell to 684 a day on Wednesday. That's roughly an 80% drop since January, the Harbour Herald reported. "
        "The mayor said that the port would reopen. “It is a lie on a news network ... that's a lie that they are "
        "conscious of,” Ann Lee said."
    )
    labels = claim_labels(nlp, ("a", text, "2021-06-03"))
    assert "Harbour Herald says: That's roughly an 80% drop since January" in labels, labels
    assert any(x.endswith("says: the port would reopen") for x in labels), labels
    assert not any(": 's" in x for x in labels), labels
    # a relative clause says nothing on its own: "Joe Biden says: could force millions to get shots" before
    text = "The mayor announced a rule that could force thousands of dockers to get shots, the Harbour Herald said."
    labels = claim_labels(nlp, ("a", text, "2021-06-03"))
    assert not any("says: could force" in x or "says: that could force" in x for x in labels), labels


def test_a_warning_and_an_allegation_are_labelled_as_such(nlp) -> None:
    # the seeds: "They allege Kurdish militants are fighting alongside Armenians" was "... say: Kurdish militants
    # are fighting alongside Armenians", a statement of fact; "Russia warned that ..." read "Russia says: ..."
    text = (
        "Talvia warned that the enclave could become a launchpad for militants. The lawsuit alleges that the port "
        "authority violated the labour code. Harbour chief Ann Lee said the port would reopen on Monday. A new study "
        "from the harbour authority found that dockers are twice as likely to be injured at night."
    )
    labels = claim_labels(nlp, ("a", text, "2021-06-03"))
    assert "Talvia warns: the enclave could become a launchpad for militants" in labels, labels
    assert "The lawsuit alleges: the port authority violated the labour code" in labels, labels
    assert "Ann Lee says: the port would reopen on Monday" in labels, labels
    assert any(x.endswith("finds: dockers are twice as likely to be injured at night") for x in labels), labels


def test_an_appeal_is_labelled_by_its_verb(nlp) -> None:
    # AllSides 2021: "Seven Senate Judiciary Committee Democrats say: the FBI explain its use of a novel tip line"
    text = (
        "Seven harbour councillors demanded the port authority explain its use of a novel tip line. "
        "The union urged that the night shifts be cut. The mayor asked that the dockers return to work on Monday. "
        "Talvia called for the port to reopen its borders. "
        "“Everything I said, I have said before,” asked Ann Lee. "
        "“Will the port reopen?” asked Ann Lee."
    )
    labels = claim_labels(nlp, ("a", text, "2021-06-03"))
    assert "Seven harbour councillors demand: the port authority explain its use of a novel tip line" in labels, labels
    assert "The union urges: the night shifts be cut" in labels, labels
    assert "The mayor says: the dockers return to work on Monday" in labels, labels  # a reported ask: no question
    assert "Talvia calls for: the port to reopen its borders" in labels, labels
    assert "Ann Lee says: “Everything I said, I have said before”" in labels, labels  # no question: said, not asked
    assert any(x.endswith("asks: “Will the port reopen?”") for x in labels), labels


def test_a_time_of_day_in_tokenised_text_is_no_count() -> None:
    # ECB+ writes "3: 33 a. m.": "how many m." had been a number contradiction ("33" / "30" / "7")
    for text in ("The call came in at 3: 33 a. m. from a neighbour.", "Crews had put it out by 7 a. m. on Tuesday."):
        assert find_quantities(text) == [], text
    assert [q.text for q in find_quantities("At 10: 45 p. m. Tuesday, 12 people died.")] == ["12"]
    assert [q.text for q in find_quantities("He scored 30 points: 12 in the first half.")][:2] == ["30", "12"]


def test_a_sentence_said_then_glossed_is_labelled_by_what_was_said(nlp) -> None:
    # AllSides 2021: "..., Taiwan's defence minister has said, warning of the risk ..." was shown as the bare
    # sentence, the statement that covers most of it ("of the risk of an accidental strike") being no clause
    text = (
        "Tensions with China are at their worst in 40 years, Taiwan's defence minister has said, warning of the "
        "risk of an accidental strike between the two sides of the strait."
    )
    result = check(nlp, ("a", text, "2021-10-06"))
    (claim,) = result.claims
    assert claim["text"] == "Taiwan's defence minister says: Tensions with China are at their worst in 40 years"


def test_a_quotation_closing_a_paragraph_keeps_its_speakers_label(nlp) -> None:
    # AllSides 2021 (Fox News): the closing mark, once joined to its sentence, must not become the root of what is
    # said: the claim had fallen back to the bare sentence
    from corroborate.crosscheck.claims import word_root

    text = (
        'President Biden addressed the nation Monday, saying he stands "squarely behind" his decision, while '
        'admitting that the fall of the country to the Taliban "did unfold more quickly than we had anticipated."'
        "\n\nThe president spoke from the White House."
    )
    doc = nlp(text)
    said = doc.char_span(text.index("he stands"), text.index("anticipated.") + len('anticipated."'))
    assert word_root(said).text == "stands"
    result = check(nlp, ("a", text, "2021-08-16"))
    (claim,) = [c for c in result.claims if c["mentions"][0]["text"].startswith("President Biden addressed")]
    assert claim["text"].startswith("Biden says: he stands"), claim["text"]


def test_a_claim_is_told_in_a_mention_no_excerpt_cut_short(nlp) -> None:
    # AllSides 2021: the key fact read "Austin announced on Aug. 9 that all active-duty..." (The Epoch Times'
    # excerpt ends there) though another outlet told the same claim whole
    result = check(
        nlp,
        (
            "a",
            "Defense Secretary Lloyd Austin announced on Aug. 9 that all active-duty troops would need...",
            "2021-08-25",
        ),
        (
            "b",
            "Defense Secretary Lloyd Austin announced on Aug. 9 that all active-duty troops would need the vaccine "
            "by the middle of September.",
            "2021-08-25",
        ),
    )
    (claim,) = [c for c in result.claims if len(c["mentions"]) == 2]
    assert claim["text"].endswith("by the middle of September"), claim["text"]


def test_a_statement_an_excerpt_cuts_short_is_shown_cut(nlp) -> None:
    # "Lloyd Austin says: all active-duty troops would need" read as a whole claim; the excerpt ends "would need..."
    text = "Defense Secretary Lloyd Austin announced on Aug. 9 that all active-duty troops would need..."
    (claim,) = check(nlp, ("a", text, "2021-08-25")).claims
    assert claim["text"] == "Lloyd Austin says: all active-duty troops would need …", claim["text"]


def test_a_sentence_that_describes_its_speaker_is_its_own_label(nlp) -> None:
    # AllSides 2021: "Chuck Schumer says: The New York Democrat plans to bring up the legislation ..."
    text = (
        "Senate Majority Leader Chuck Schumer met Democrats on Monday. The New York Democrat plans to bring up the "
        "legislation in time for the House to clear it for President Joe Biden's signature."
    )
    labels = claim_labels(nlp, ("a", text, "2021-08-09"))
    assert not any(label.startswith("Chuck Schumer says: The New York Democrat") for label in labels), labels
    assert any(label.startswith("The New York Democrat plans") for label in labels), labels


def test_a_pronoun_that_names_the_source_of_a_bare_sentence_is_shown_as_whom_it_stands_for(nlp) -> None:
    # AllSides 2021: "Essex Police say: They recovered a knife ..." claimed the police said "They recovered ..."
    # and "Biden says: He expressed concern about inflation and the national debt." what Biden did, not said
    text = (
        "President Joe Biden spoke to reporters on Monday, the White House said. He expressed concern about "
        "inflation and the national debt."
    )
    labels = claim_labels(nlp, ("a", text, "2021-10-15"))
    assert "[Joe Biden] expressed concern about inflation and the national debt." in labels, labels
    # "it" and "they" are left as written: "They recovered a knife ..." is not "Essex Police say: They ..."
    text = (
        "Essex Police said a man had been arrested after the stabbing on Friday. They recovered a knife and are "
        "not looking for anyone else in connection with the incident."
    )
    labels = claim_labels(nlp, ("a", text, "2021-10-15"))
    assert "They recovered a knife and are not looking for anyone else in connection with the incident." in labels


@pytest.mark.parametrize(
    "text, published, expected",
    [
        # AllSides 2021, September 20: the reopening of U.S. travel "in early November" had been dated 2020-11
        (
            "Jeff Zients said the new rules, which go into effect in early November, will protect Americans.",
            "2021-09-20",
            ("early November", "2021-11", "month"),
        ),
        (
            "The changes, to take effect in November, will allow families to plan.",
            "2021-09-20",
            ("in November", "2021-11", "month"),
        ),
        (
            "Starting in early November, foreign nationals will be allowed to fly into the U.S.",
            "2021-09-20",
            ("early November", "2021-11", "month"),
        ),
        # what already took effect stays in the past
        ("The rules, which took effect in November, were strict.", "2021-09-20", ("in November", "2020-11", "month")),
        ("Starting in November, foreign nationals were barred.", "2021-09-20", ("in November", "2020-11", "month")),
        # AllSides 2021: a start told by a long clause about the future ("will deliver ..., starting in July")
        (
            "A poverty-fighting measure included in the COVID-19 relief bill passed this year will deliver monthly "
            "payments to households including 88% of children in the United States, starting in July, officials said.",
            "2021-05-17",
            ("in July", "2021-07", "month"),
        ),
        (
            "The shortage of workers in restaurants across the country grew into a wider crisis of labor, "
            "starting in July.",
            "2021-05-17",
            ("in July", "2020-07", "month"),
        ),
    ],
)
def test_a_month_that_takes_effect_or_opens_a_clause_about_the_future_is_still_to_come(
    text, published, expected
) -> None:
    assert expected in resolve(text, published), resolve(text, published)


def test_a_pronoun_after_its_name_in_the_same_sentence_is_left_as_written(nlp) -> None:
    # NeuS test: "President Donald Trump has expressed his support ..., but [Donald Trump] signaled his frustration"
    text = (
        "President Donald Trump has expressed his support for the immigration bill, but he signaled his "
        "frustration with the process on Friday."
    )
    labels = claim_labels(nlp, ("a", text, "2018-06-16"))
    assert not any("[" in label for label in labels), labels


def test_a_quotation_within_the_quotation_drops_the_comma_that_led_back_into_the_sentence(nlp) -> None:
    # NeuS test: "Lee Merritt says: “You didn’t hear the officer shout, ‘Gun, gun, gun,’”"
    text = (
        "“You didn’t hear the officer shout, ‘Gun, gun, gun,’” attorney Lee Merritt said after viewing video "
        "taken from the officer’s bodycam."
    )
    labels = claim_labels(nlp, ("a", text, "2019-10-14"))
    assert "Lee Merritt says: “You didn’t hear the officer shout, ‘Gun, gun, gun’”" in labels, labels


def test_an_excerpt_cut_short_corroborates_only_what_its_words_say(nlp) -> None:
    # AllSides 2021: "Democrats accepted the deal because..." (an excerpt's cut end) counted as a second outlet for
    # "The Senate voted 50-48 ... after Democrats and Republicans reached a deal ..."
    full = (
        "The Senate voted 50-48 Thursday evening to extend the nation's debt limit through early December after "
        "Democrats and Republicans reached a deal to avert economic disaster."
    )
    result = check(
        nlp,
        ("a", full, "2021-10-08"),
        ("b", "Senate leaders spoke to reporters on Thursday. Democrats accepted the deal because...", "2021-10-08"),
        (
            "c",
            "The Senate voted 50-48 Thursday evening to extend the nation's debt limit through early...",
            "2021-10-08",
        ),
    )
    (claim,) = [c for c in result.claims if any(m["text"] == full for m in c["mentions"])]
    assert sorted(m["article_id"] for m in claim["mentions"]) == ["a", "c"], claim["mentions"]


def test_a_cut_end_pairs_only_with_a_sentence_that_holds_most_of_its_words() -> None:
    import numpy as np

    from corroborate.crosscheck.check import _grouping_similarity
    from corroborate.crosscheck.claims import Claim

    def claim(i: int, text: str, lemmas: str) -> Claim:
        return Claim(i, f"a{i}", f"g{i}", 0, len(text), text, 0, lemmas=frozenset(lemmas.split()))

    claims = [
        claim(0, "The Senate voted 50-48 to extend the debt limit after Democrats reached a deal.",
              "senat vote 50-48 extend debt limit democrat reach deal"),
        claim(1, "Democrats accepted the deal because...", "democrat accept deal"),  # two words in common
        claim(2, "The Senate voted 50-48 to extend the debt...", "senat vote 50-48 extend debt"),  # five
        claim(3, "Republicans blocked the plan to raise the debt...", "republican block plan rais debt"),  # one
    ]  # fmt: skip
    sim = np.full((4, 4), 0.9)
    gated = _grouping_similarity(claims, sim)
    assert gated[0, 1] == gated[1, 0] == 0.0
    assert gated[0, 2] == 0.9
    assert gated[0, 3] == gated[3, 0] == 0.0


def test_a_party_or_state_that_speakers_stand_for_leaves_their_own_words_in_the_label(nlp) -> None:
    """Democratic senators speak for the Democrats and "The Italian government" for Italy, but a label says who
    spoke in the article's words ("Democrats say: ..." had dropped "senators"), and a misparsed possessive
    ("A Virginia father’s charge that ...") is no plural ("A Virginia father’s allege")."""
    text = (
        "Democrats want a vote this week. Democratic senators said that they will accept the proposal on Thursday. "
        "Italy moved first. The Italian government said that all workers must show a pass from October. "
        "A Virginia father’s charge that the school hid an assault was heard on Tuesday."
    )
    labels = claim_labels(nlp, ("a", text, "2021-10-07"))
    assert any(label.startswith("Democratic senators say: ") for label in labels), labels
    assert any(label.startswith("The Italian government says: ") for label in labels), labels
    assert not any("father’s" in label.split(":")[0] for label in labels), labels


def test_a_short_form_of_a_bodys_name_is_shown_by_the_name() -> None:
    from corroborate.analyze.entities import Entity
    from corroborate.crosscheck.claims import shown_speaker

    board = Entity("e-1", "Facebook's Oversight Board", "ORG")
    assert shown_speaker("Facebook", board) == "Facebook's Oversight Board"
    assert shown_speaker("The Italian government", Entity("e-2", "Italy", "GPE")) == "The Italian government"
    assert shown_speaker("It", Entity("e-2", "Italy", "GPE")) == "Italy"


def test_the_month_a_figure_is_compared_with_is_not_its_date(nlp) -> None:
    # AllSides 2021: "In July, US Customs and Border Protection apprehended 212,672 people, up from June" was an entry
    # in June as well as in July; "the quickest since June 1992" and "the highest since records began in December
    # 2000" were entries in 1992 and 2000
    text = (
        "In July, border agents apprehended 212,672 people, up from June and amid the hottest weeks of summer. "
        "The consumer price index rose 0.3 percent in August from July. "
        "Quits slipped in May from a record high in April. "
        "Core inflation rose 3.8%, the quickest since June 1992. "
        "That is the highest since records began in December 2000. "
        "Growth rose steadily from January to March. "
        "The economy added far fewer jobs than expected in April. "
        "New jobless claims fell to 473,000 in early September, data from the Department of Labor showed "
        "Thursday."
    )
    timeline = check(nlp, ("a", text, "2021-09-14")).timeline
    # January starts a span; April's figure is fewer than expected; Thursday is when the data showed it
    assert sorted(e["date"] for e in timeline) == ["2021-01", "2021-04", "2021-05", "2021-07", "2021-08", "2021-09"] + [
        "2021-09-09"
    ]
    assert "expected" in next(e["text"] for e in timeline if e["date"] == "2021-04")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AllSides 2021 (June): "Anthony Fauci's emails from March and April 2020" were dated March 2021
        ("The Post obtained Fauci's emails from March and April 2020 by FOIA.", ("from March", "2020-03", "month")),
        ("The shots were given in January, February and March 2020.", ("in January", "2020-01", "month")),
        # a year of another clause is not the month's
        ("Prices rose in March and fell in April 2020.", ("in March", "2021-03", "month")),
    ],
)
def test_a_month_listed_with_a_dated_month_takes_its_year(text, expected) -> None:
    assert expected in resolve(text, "2021-06-02"), resolve(text, "2021-06-02")


@pytest.mark.parametrize(
    ("text", "published", "expected", "absent"),
    [
        # ECB+: "as of Tuesday, February 3, 2009" (published 18 February) stood on Tuesday 17 February as well
        (
            "Williams' case had not been submitted as of Tuesday, February 3, 2009.",
            "2009-02-18",
            ("February 3, 2009", "2009-02-03", "day"),
            "Tuesday",
        ),
        (
            "The senate voted on Tuesday, Feb. 3, after a long debate.",
            "2015-02-05",
            ("Feb. 3", "2015-02-03", "day"),
            "on Tuesday",
        ),
        # a weekday and a date that are two times stay two
        ("He spoke Tuesday, and on Feb. 3 he left.", "2015-02-05", ("Tuesday", "2015-02-03", "day"), None),
        # what is set for a day is still to come
        ("The vote is set for Friday, officials said.", "2015-02-05", ("Friday", "2015-02-06", "day"), None),
        ("The trial is slated for Monday.", "2015-02-05", ("Monday", "2015-02-09", "day"), None),
    ],
)
def test_a_weekday_beside_its_date_is_that_date_and_what_is_set_for_a_day_is_to_come(
    text, published, expected, absent
) -> None:
    found = resolve(text, published)
    assert expected in found, found
    assert absent is None or all(t[0] != absent for t in found), found


def test_two_pages_stamps_of_when_they_were_published_are_no_date_conflict(nlp) -> None:
    """ECB+: "PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM" in one article and "PUBLISHED: WEDNESDAY, MARCH 13, 2013,
    ..." in another were reported as one event dated two ways once the weekday beside each date stopped counting
    as a second date; a page's stamp is no claim."""
    from corroborate.analyze.story import SourceText, analyze_story

    sources = [
        SourceText(
            "a",
            "PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM\n\nThe pope was elected on Wednesday after five ballots.",
            "Daily Mail",
        ),
        SourceText(
            "b",
            "PUBLISHED: WEDNESDAY, MARCH 13, 2013, 10: 34 PM\n\nCardinals elected a new pope after five ballots.",
            "Daily Mail",
        ),
    ]
    analysis = analyze_story(sources, nlp)
    assert not [c for c in analysis.contradictions if c["kind"] == "date"], analysis.contradictions
    assert not [c for c in analysis.claims if "PUBLISHED" in c["text"]]
    kept = analyze_story([SourceText("c", "The photo was posted in a group on March 3, 2020, and shared widely.")], nlp)
    assert any("posted in a group" in c["text"] for c in kept.claims)


def test_two_ledes_of_one_doers_act_in_other_words_and_no_name_in_common_are_dated_once(nlp) -> None:
    blocked = (
        "On {}, a federal judge in Texas blocked a decade-old program protecting young immigrants from deportation, "
        "halting new applications. Advocates vowed to appeal."
    )
    issued = (
        "{} issued an injunction on {} ordering the government to stop accepting applications to the Marsovian "
        "Arrivals program. Officials did not comment."
    )
    day = "2021-07-18"

    def dates(doer: str, first: str, second: str) -> list[list[str]]:
        return date_values(check(nlp, ("a", blocked.format(first), day), ("b", issued.format(doer, second), day)))

    # no name in common and little wording: the one doer of both dated acts (a federal judge) makes them one event
    assert dates("A federal judge", "Friday", "Wednesday") == [["2021-07-14", "2021-07-16"]]
    assert dates("A federal judge", "Friday", "Friday") == []
    assert dates("A state senator", "Friday", "Wednesday") == []  # another doer: another act


def test_an_act_the_attribution_model_takes_is_labelled_by_its_sentence(nlp) -> None:
    # NeuS test: "Senators say: what is certain to be a lengthy debate over President Joe Biden's big priority" (the
    # senators launched the debate; they said nothing)
    text = (
        "After much delay, harbour councillors unveiled a nearly $1 billion port package, launching what is certain "
        "to be a lengthy debate over the mayor's big priority. Harbour chief Ann Lee said the port would reopen. "
        "An analysis of almost 20,000 infections across Talvia has shown the Delta variant of the virus almost "
        "doubles the risk of people being admitted to hospital."
    )
    labels = claim_labels(nlp, ("a", text, "2021-06-03"))
    assert not any(x.startswith("Harbour councillors") for x in labels), labels
    assert any("launching what is certain to be a lengthy debate" in x for x in labels), labels
    assert "Ann Lee says: the port would reopen" in labels, labels
    assert any(
        x.endswith("shows: the Delta variant of the virus almost doubles the risk of people being admitted to hospital")
        for x in labels
    ), labels


def test_an_article_whose_figures_each_disagree_with_different_figures_is_set_beside_no_one(nlp) -> None:
    # ECB+ (basketball recaps): "how many points" had sixteen values, each player's points set against another's
    from types import SimpleNamespace

    from corroborate.crosscheck.check import _torn_articles
    from corroborate.crosscheck.numbers import find_quantities

    def figures(article_id: str, text: str):
        return [(SimpleNamespace(article_id=article_id), q) for q in find_quantities(text)]

    def crosswise(x, y):
        return [(a, qa, b, qb) for a, qa in x for b, qb in y]

    box_a = figures("a", "Doug McDermott scored 23 points and Will Artino 14 points.")
    box_b = figures("b", "Seth VanDeest had 13 points and Richard Carter 12 points.")
    assert _torn_articles(crosswise(box_a, box_b)) == {"a", "b"}
    # both of one article's figures against the one figure the others agree on: that article is the odd one out
    odd = figures("a", "prices rose 2.7 percent in June after 0.6 percent in May")
    agreed = figures("b", "prices rose 0.9 percent in June") + figures("c", "the index rose 0.9 percent")
    assert _torn_articles(crosswise(odd, agreed)) == set()
    # figures far apart are plainly two things: today's toll and the 2004 tsunami's
    (today_a, past_a), (today_b, past_b) = figures("a", "24 people and 230,000 people"), figures("b", "12 and 170,000")
    assert _torn_articles([(*today_a, *today_b), (*past_a, *past_b)]) == set()


def test_a_figure_no_other_article_disputes_does_not_tear_its_article(nlp) -> None:
    # "up to five candidates" beside "13 mayoral candidates": the 13 / 26 disagreement stands
    result = check(
        nlp,
        (
            "a",
            "Democratic Party voters have 13 mayoral candidates on their ballots in New York on Tuesday. They can "
            "choose and rank up to five candidates in order of preference.",
            "2021-06-22",
        ),
        (
            "b",
            "Democratic Party voters in New York have 26 mayoral candidates on their ballots on Tuesday, the city "
            "said.",
            "2021-06-22",
        ),
    )
    assert [sorted(p["value"] for p in c["positions"]) for c in result.contradictions] == [["13", "26"]]


def test_two_disagreements_over_one_noun_are_two_reports(nlp) -> None:
    # ECB+: today's quake toll ("24" / "Twelve") and the 2004 tsunami's ("230,000" / "170,000") had been one
    # report of four values; each article's two figures are far apart, so each is still compared
    result = check(
        nlp,
        (
            "a",
            "The earthquake killed 24 people in Aceh on Tuesday, officials said. In 2004, a huge earthquake off Aceh "
            "triggered a tsunami that killed 230,000 people across Asia.",
            "2013-07-03",
        ),
        (
            "b",
            "Twelve people were killed in Aceh on Tuesday when the earthquake struck, officials said. A massive quake "
            "struck off Aceh in 2004, sparking a tsunami that killed 170,000 people in the province.",
            "2013-07-03",
        ),
    )
    reports = sorted(
        sorted((p["value"], tuple(p["article_ids"])) for p in c["positions"])
        for c in result.contradictions
        if c["kind"] == "number"
    )
    assert reports == [[("170,000", ("b",)), ("230,000", ("a",))], [("24", ("a",)), ("Twelve", ("b",))]]


def test_a_weekday_further_into_a_clause_about_the_future_is_still_to_come() -> None:
    # AllSides 2021, published on Tuesday 28 September: the House hearing "on Wednesday" had been the 22nd
    text = (
        "Joint Chiefs of Staff Chairman Mark Milley, Defense Secretary Lloyd Austin and U.S. Central Command Gen. "
        "Kenneth McKenzie will testify before the Senate Armed Services Committee on Tuesday and House Armed Services "
        "Committee on Wednesday."
    )
    assert [(t.text, t.date) for t in find_times(text, "2021-09-28")] == [
        ("on Tuesday", "2021-09-28"),
        ("on Wednesday", "2021-09-29"),
    ]
    scheduled = "Schumer has scheduled a procedural vote on a motion to begin debate on the package for Wednesday."
    assert [t.date for t in find_times(scheduled, "2021-07-20")] == ["2021-07-21"]
    # a clause that closes between the future and the day leaves the day in the past
    for past in (
        '"We will celebrate my brother\'s life in a very special way," Bridgett Floyd, his sister, said at a virtual '
        "press conference Thursday.",
        "President Joe Biden will direct agencies to mitigate the financial risk of climate change to homeowners in a "
        "sweeping executive order signed Thursday.",
        "Dockworkers at the port will return to work on the docks after their union reached a deal with the port "
        "authority late Thursday.",
        # a noun's "plan to" is no future tense
        "Sen. Mark Kelly criticized President Biden for not laying out a comprehensive plan to address the surge of "
        "migrants at the border during his first address to a joint session of Congress on Thursday.",
    ):
        assert [t.date for t in find_times(past, "2021-05-21")] == ["2021-05-20"], past
