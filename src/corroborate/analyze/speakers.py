"""Resolve a statement's speaker mention to a canonical entity, or say it is unresolved.

A named speaker is the entity its mention contains (a person before an organisation). A pronoun takes
the most recent person (he, she) or body or group (they, we) before it in the article, preferring the
speaker of the statement just before. A role noun ("the spy chief", "the ministry") takes the entity
whose roles in this story share its words, most recent first; without such evidence it stays unresolved.
"""

from __future__ import annotations

import os
import re

from .entities import Entity, Mention
from .statements import writer_speaking

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"they", "we", "them"}
PARTY_MEMBERS = {"democrat", "republican"}  # "the California Democrat": one of them, named before
# pronouns for people, who may have been described ("a Pentagon spokesman ... He added"); "it" is the body itself
PEOPLE_PRONOUNS = PERSON_PRONOUNS | GROUP_PRONOUNS
# Role words and the words that may stand for them in a title ("spy chief" ~ "head of the intelligence service").
SYNONYMS = {
    "chief": {"chief", "head", "director", "leader"},
    "head": {"chief", "head", "director", "leader"},
    "director": {"chief", "head", "director", "leader"},
    "leader": {"chief", "head", "director", "leader"},
    "spy": {"intelligence", "spy", "svr", "espionage"},
    "intelligence": {"intelligence", "spy", "svr"},
    "spokesman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokeswoman": {"spokesman", "spokeswoman", "spokesperson"},
    "spokesperson": {"spokesman", "spokeswoman", "spokesperson"},
    "official": set(),
}
ORG_HEADS = {
    "ministry",
    "government",
    "office",
    "kremlin",
    "agency",
    "service",
    "department",
    "company",
    "union",
    "authority",
    "army",
    "military",
    "police",
    "committee",
    "council",
    "party",
    "court",
    "operator",
    "firm",
}
_WORDS = re.compile(r"[^\W\d_]+")
# where a noun phrase's head ends and a phrase after it begins ("the UN refugee agency on Friday")
TRAILING_PHRASE = re.compile(r"\s(?:on|in|at|of|from|for|with|during|after|before)\s")
TRAILING_PHRASE_ANY_CASE = re.compile(TRAILING_PHRASE.pattern, re.I)
OF = re.compile(r" of ", re.I)
MEMBERS = re.compile(r",?\s+(?:including|among them|such as)\s", re.I)
_STOP = {
    "the",
    "a",
    "an",
    "of",
    "for",
    "and",
    "in",
    "on",
    "at",
    "to",
    "s",
    "country",
    "top",
    "its",
    "their",
    "his",
    "her",
    "said",
    "russian",
    "foreign",
}
# particles of names, no name alone ("one of the rebel leaders, Abdel Aziz al-Hilu" is not Omar al-Bashir)
NAME_PARTICLES = {"al", "el", "bin", "ibn", "de", "van", "von", "der", "da", "di", "du"}
_STOP |= NAME_PARTICLES


def _lower(word: str) -> str:
    """A word as speakers are matched on it; an all-caps particle is an abbreviation ("DA", the district attorney)."""
    low = word.lower()
    return low.upper() if low in NAME_PARTICLES and word.isupper() and len(word) > 1 else low


def _words(text: str) -> set[str]:
    return {_lower(w) for w in _WORDS.findall(text)} - _STOP


def resolve_speakers(
    statement,
    article_mentions: list[tuple[Mention, str]],
    entities: dict[str, Entity],
    previous: list[tuple[int, list[str]]],
    quotes: list[tuple[int, int]] | None = None,
    text: str | None = None,
) -> list[tuple[str | None, str | None]]:
    """(entity id or None, mention) for each speaker: one per member of a group, unresolved ones kept.
    ``quotes``: the article's quotation spans; an "I" or "we" outside them is the writer, left unresolved.
    ``text``: the article's text, whose paragraphs tell whom "he" or "she" stands for."""
    if quotes is not None and writer_speaking(statement, quotes):
        return [(None, statement.speaker)]
    if statement.group:
        out: list[tuple[str | None, str | None]] = []
        for text, start, end in statement.group:
            found = _named(start, end, article_mentions, entities)
            ids = [found] if found else _by_role(text, statement.speaker_start, article_mentions, entities)
            pair = (ids[0] if ids else None, text)
            if pair not in out:
                out.append(pair)
        if any(eid for eid, _ in out):
            return out
    ids = resolve(statement, article_mentions, entities, previous, text)
    return [(eid, statement.speaker) for eid in ids] or [(None, statement.speaker)]


def resolve(
    statement,
    article_mentions: list[tuple[Mention, str]],
    entities: dict[str, Entity],
    previous: list[tuple[int, list[str]]],
    text: str | None = None,
) -> list[str]:
    """Entity ids for the statement's speaker (several for a group), or [] when unresolved.

    ``article_mentions``: this article's mentions with their entity ids, in text order.
    ``previous``: (end offset, entity ids) of statements already resolved in this article.
    """
    if statement.speaker is None or statement.speaker_start is None:
        return []
    if statement.group:
        ids = []
        for text, start, end in statement.group:
            found = _named(start, end, article_mentions, entities)
            found_ids = [found] if found else _by_role(text, statement.speaker_start, article_mentions, entities)
            ids += [i for i in found_ids if i not in ids]
        if ids:
            return ids
    # "the 18 scientists, including Ravindra Gupta": the group speaks; the name is one of its members
    speaker = MEMBERS.split(statement.speaker, maxsplit=1)[0]
    words = speaker.lower().split()
    # "the New York Democrat", "The top Republican on the House Foreign Affairs Committee": one of them
    party_member = len(words) > 1 and words[0] == "the" and PARTY_MEMBERS & {words[-1], _head_word(statement).lower()}
    named = _named_head(statement.speaker_heads, article_mentions, entities)
    if party_member and named and entities[named].type != "PERSON":
        named = None  # the party is what they are, not who they are
    before = statement.speaker_start
    if named and entities[named].type == "NORP" and _unnamed_head(statement, article_mentions):
        # "DeSantis, a Republican" with "DeSantis" tagged as no one: the party only describes the speaker
        by_head = _by_role(_head_word(statement), before, article_mentions, entities)
        if by_head and entities[by_head[0]].type == "PERSON":
            return by_head
    if named:
        return [named]
    # he, she, and "the New York Democrat": the person who spoke or was named last (not the party)
    if (len(words) == 1 and words[0] in PERSON_PRONOUNS) or party_member:
        paragraph = text.rfind("\n", 0, before) + 1 if text else 0
        if party_member and text:
            before = _before_a_fronted_clause(text, before, article_mentions)
        return _recent(
            before, article_mentions, entities, previous, PEOPLE, lambda types, n: types == PEOPLE, paragraph
        )
    if len(words) == 1 and words[0] in GROUP_PRONOUNS:  # they, we: several speakers, or a body
        return _recent(
            before,
            article_mentions,
            entities,
            previous,
            GROUPS,
            lambda types, n: n > 1 or bool(types & GROUPS),
            text=text,
        )
    if words == ["it"]:  # "Brennick City Transit said ... It said it had hired an outside firm": one body
        return _recent(
            before, article_mentions, entities, previous, BODIES, lambda types, n: n == 1 and types <= BODIES
        )
    return _by_role(speaker, before, article_mentions, entities)


_SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+")
_FRONTED_OPENER = re.compile(r"(?:[A-Z][a-z]+(?:ing|ed)|After|Before|While|When|Despite|Following|Amid|In|On|At|As)\b")


def _before_a_fronted_clause(text: str, before: int, article_mentions) -> int:
    """Where to look back from for whom a description ("the South Carolina Republican") stands: before the clause
    that opens its sentence and ends at the description ("Painting Biden’s calls for unity as “empty platitudes,”
    the South Carolina Republican accused ..."), whose people are what the speaker spoke of, not the speaker, who was
    named before ("Senator Tim Scott’s rebuttal ..."); else ``before`` itself. A sentence that opens on a name ("Ted
    Cruz met Biden, the Texas Republican said") has no such clause."""
    start = max((m.end() for m in _SENTENCE_END.finditer(text, 0, before)), default=0)
    start = max(start, text.rfind("\n", 0, before) + 1)
    if any(m.start == start for m, _ in article_mentions):
        return before
    if text[start:before].rstrip().rstrip('"”’').endswith(",") and _FRONTED_OPENER.match(text, start):
        return start
    return before


def _named_head(heads: list[int], article_mentions, entities) -> str | None:
    """The entity whose mention holds the speaker's head word (or an apposition to it): a person first."""
    covering = [(m, eid) for m, eid in article_mentions for h in heads if m.start <= h < m.end]
    if not covering:
        return None
    people = [(m, eid) for m, eid in covering if entities[eid].type == "PERSON"]
    return (people or covering)[0][1]


def _unnamed_head(statement, article_mentions) -> bool:
    """Whether the speaker's head word is in no mention, though an apposition to it may be."""
    heads = statement.speaker_heads
    return len(heads) > 1 and not any(m.start <= heads[0] < m.end for m, _ in article_mentions)


def _head_word(statement) -> str:
    """The word at the speaker's head ("DeSantis" of "DeSantis, a Republican")."""
    if not statement.speaker_heads or statement.speaker_start is None:
        return ""
    at = statement.speaker_heads[0] - statement.speaker_start
    rest = statement.speaker[at:].split() if 0 <= at < len(statement.speaker) else []
    return rest[0].strip(",;:") if rest else ""


def _named(start: int, end: int, article_mentions, entities) -> str | None:
    inside = [(m, eid) for m, eid in article_mentions if m.start >= start and m.end <= end]
    if not inside:
        return None
    people = [(m, eid) for m, eid in inside if entities[eid].type == "PERSON"]
    pick = (people or inside)[-1]  # the name nearest the head: 'Kremlin spokesman Dmitry Peskov' -> Peskov
    return pick[1]


PEOPLE, GROUPS, BODIES = {"PERSON"}, {"ORG", "GPE", "NORP"}, {"ORG", "GPE"}


def _recent(
    before: int,
    article_mentions,
    entities,
    previous,
    kinds: set[str],
    speaks_for,
    paragraph: int = 0,
    text: str | None = None,
) -> list[str]:
    """Whom a pronoun before offset ``before`` stands for: the speakers of the statement just before it, if
    ``speaks_for(their types, how many)``, else the entity of one of ``kinds`` named last before it. A paragraph
    (from offset ``paragraph``) that names someone else before the pronoun speaks of that one: "For Jana Velk, who
    runs a grocery, the water rose faster than anyone expected. "We heard the sirens ...," she said." after a
    paragraph of Piet Ansgar's words. With the article's ``text``, "they" may stand for the people listed last."""
    for end, ids in sorted(previous, key=lambda p: -p[0]):
        if end <= before and not ids and kinds == BODIES:
            break  # "A Defence Ministry spokesman said ... It said ...": "it" reaches no further back than its body
        if end <= before and ids:
            named_since = paragraph > end and any(
                paragraph <= m.start and m.end <= before and eid not in ids and entities[eid].type in kinds
                for m, eid in article_mentions
            )
            if speaks_for({entities[i].type for i in ids}, len(ids)) and not named_since:
                return ids
            break
    if kinds == GROUPS and text is not None:
        people = _people_named_last(before, article_mentions, entities, text)
        if len(people) > 1:
            return people
    for m, eid in reversed(article_mentions):
        if m.end <= before and entities[eid].type in kinds and not m.modifier and not _disease(entities[eid].name):
            return [eid]  # not a name that only qualifies a noun: "will seek FDA authorization ..., they said"
    return []


def _people_named_last(before: int, article_mentions, entities, text: str) -> list[str]:
    """The people listed together last before offset ``before`` in its paragraph, with no body, place or group
    named after them ("some politicians, like former president Donald Trump, Sen. Ted Cruz of Texas, and Rep. Andy
    Biggs from Arizona, ... even though they offered no evidence"): whom "they" may stand for. A list joins its
    names by commas or "and" ("Biden ... revoked a proclamation signed by then-President Trump that prevented
    immigrants ... unless they proved ...": no list)."""
    paragraph = text.rfind("\n", 0, before) + 1
    people: list[str] = []
    after = None  # the start of the person named after the one at hand
    for m, eid in reversed(article_mentions):
        if m.end > before or m.modifier:
            continue
        if m.start < paragraph or entities[eid].type != "PERSON":
            break
        if after is not None and not _in_a_list(text[m.end : after]):
            break
        after = m.start
        if eid not in people:
            people.insert(0, eid)
    return people


def _in_a_list(gap: str) -> bool:
    """Is ``gap`` what lies between two names of a list: a comma or "and", with titles and a few words of where
    one is from (", Sen. ", " of Texas, and Rep. ")?"""
    return len(gap) <= 40 and not any(ch in gap for ch in "\n;:") and ("," in gap or " and " in f" {gap} ")


# a disease or a virus the small model tags as a body or a person: it never speaks ("They argue ..." was
# "COVID-19 says: mainstream outlets have played down ...")
DISEASES = {"covid", "covid-19", "coronavirus", "sars-cov-2", "delta", "omicron", "ebola", "zika", "mers", "h1n1"}


def _disease(name: str) -> bool:
    return name.lower() in DISEASES  # entity names are cleaned: no leading "the"


def possessor_named(statement, article_mentions, entities, previous) -> str | None:
    """An unresolved "his office", "her spokesman", "its publisher" named by whose it is ("Nikol Pashinyan's
    office"), the possessive taking whom a pronoun would; None when the mention is no such phrase or no one fits.
    The statement stays unresolved: an office's words are not its principal's own."""
    words = (statement.speaker or "").split()
    if len(words) < 2 or statement.speaker_start is None:
        return None
    kinds = {"his": PEOPLE, "her": PEOPLE, "their": GROUPS | PEOPLE, "its": BODIES}.get(words[0].lower())
    if kinds is None:
        return None
    before = statement.speaker_start
    here = [  # "Nikol Pashinyan traveled ..., his office said": whose is named in what the office says
        eid
        for m, eid in article_mentions
        if statement.start <= m.start and m.end <= before and entities[eid].type in kinds
    ]
    found = here[-1:] or _recent(before, article_mentions, entities, previous, kinds, lambda types, n: types <= kinds)
    if len(found) != 1 or any(ch.isdigit() for ch in entities[found[0]].name):
        return None  # "COVID-19" tagged as a person is no one's administration
    return f"{entities[found[0]].name}’s {' '.join(words[1:])}"


def _by_role(mention: str, before: int, article_mentions, entities) -> list[str]:
    words = _words(mention)
    if not words:
        return []
    seen_here = [eid for m, eid in article_mentions if m.end <= before]
    order = list(dict.fromkeys(reversed(seen_here))) + [eid for eid in entities if eid not in seen_here]
    after_head = TRAILING_PHRASE_ANY_CASE.search(mention)  # "the UN refugee agency[ on ]Friday"
    core_text = mention[: after_head.start()] if after_head else mention
    core = core_text.lower().split()
    core_words = _words(core_text)
    # the words of a phrase of whom the speakers are ("One of the wives of Winston Blackmore", "The office of
    # Attorney General Letitia James"): a person named only there is not who speaks
    of_phrase = after_head is not None and after_head.group().strip().lower() == "of"
    whose_words = _words(mention[after_head.end() :]) - core_words if of_phrase else set()
    quantity = core and (core[-1] in QUANTITY_HEADS or core[-1].isdigit())  # "Thousands of Cubans", "68 of ..."
    if quantity and " of " in mention.lower():  # "Thousands of Cubans": the Cubans; "68 of the Senate": the Senate
        core_text = TRAILING_PHRASE_ANY_CASE.split(OF.split(mention, maxsplit=1)[1], maxsplit=1)[0]
        core = core_text.lower().split()
        whose_words = set()  # they are of whom they are: the phrase is the speakers' own
    head = _lower(core_text.split()[-1]) if core else ""
    head_word = _lower((_WORDS.findall(core_text) or [""])[-1])
    one_person = head not in ORG_HEADS and not head.endswith("s")  # "inspector", not "officials" or "agency"
    # the words of places and peoples that only qualify the speakers ("Indian authorities", "Residents of Cobb,
    # Kelseyville and Hidden Valley Lake", "New Zealand media reports"): no other name or role is matched by them
    names = {eid: _words(entities[eid].name) for eid in order}
    qualifying = set()
    for eid, name_words in names.items():
        place_or_people = entities[eid].type in PLACES_AND_PEOPLES
        if place_or_people and name_words and name_words <= words and head_word not in name_words:
            qualifying |= name_words
    own_words = words - qualifying
    own_wanted, wanted, own_person_wanted = set(), set(), set()
    for w in words:
        wanted |= SYNONYMS.get(w, {w})
        if w in own_words:
            own_wanted |= SYNONYMS.get(w, {w})
            if w not in whose_words:  # "One of the wives of ... leader Winston Blackmore" is no leader
                own_person_wanted |= SYNONYMS.get(w, {w})
    head_wanted = SYNONYMS.get(head_word, {head_word})
    # a plural the story gives several people as a role ("Justices Clarence Thomas, Samuel Alito and Neil Gorsuch") is
    # none of them: "The justices" are the court's
    plural_head = head_word.endswith("s") and not head_word.endswith(("ss", "us", "is")) and head_word not in ORG_HEADS
    # whose spokesperson, chief ... the mention says in capitals ("A Central Command spokesperson")
    capitalised_modifiers = _capitalised_words(TRAILING_PHRASE.split(mention, maxsplit=1)[0]) - {head_word}
    last_word = _lower((_WORDS.findall(mention) or [""])[-1])
    best, best_score, best_named = None, 0, False
    stand_in = None
    for eid in order:
        entity = entities[eid]
        role_words = set()
        for role in entity.roles:
            role_head = _role_head(role) if entity.type == "PERSON" else set()
            if entity.type == "PERSON" and head_word in ORG_HEADS and not head_wanted & role_head:
                continue  # a body's words are not those of its spokesperson ("a spokesperson for the ... office")
            if capitalised_modifiers and head_wanted & role_head:
                role_modifiers = _capitalised_words(TRAILING_PHRASE.split(role, maxsplit=1)[0]) - role_head
                if role_modifiers and not role_modifiers & capitalised_modifiers:
                    continue  # "A Central Command spokesperson" is not "Pentagon spokesman John Kirby"
            for w in _words(role):
                role_words |= SYNONYMS.get(w, {w})
        # a body merged under its acronym ("CDC") is still named by its full name, when the mention gives it whole
        forms = [names[eid], *(f for f in (_words(alias) for alias in entity.aliases) if len(f) > 1 and f <= words)][:2]
        name_words = set().union(*forms)
        place_or_people = entity.type in PLACES_AND_PEOPLES
        named = bool((words if place_or_people else own_words) & name_words)
        if named and (words & name_words) <= whose_words and not place_or_people:
            # "One of the wives of Winston Blackmore" is not Blackmore, nor "passages of “Peril,” a book from Woodward
            # and fellow Washington Post reporter" the Post; "All 19 members of the committee" speak for it
            named = entity.type != "PERSON" and head_word in SPEAK_FOR_THEIR_BODY
        if named and entity.type == "ORG" and head_word in ORG_HEADS and head_word not in name_words:
            # "The District Attorney's office" is no "District Court of Appeals", nor "A federal court" the FTC; "the
            # Ansa news agency" and "The UN refugee agency" name theirs in full
            named = any(form and form <= words for form in forms)
        if named and entity.type != "PERSON" and one_person and head not in name_words:
            named = False  # "a former state safety inspector" is a person, not the National Dam Safety Board
        if named and entity.type == "PERSON" and head_word in ENTOURAGE_HEADS and head_word not in name_words:
            named = False  # "The Trump administration", "a Biden spokesman": their words are not the person's own
        if named and place_or_people and head_word not in name_words:
            # a place or a people that only qualifies the speakers: "U.S. officials" speak for the U.S., "Star U.S.
            # gymnasts" do not, and "The Italian government" is Italy's, not "Italian" (below)
            named = entity.type == "GPE" and head_word in STATE_HEADS
            if entity.type == "NORP" and stand_in is None:
                stand_in = _stand_in(entity, head_word, entities)
        # a place's words count toward a role that the mention's head names ("The president of South Sudan": the
        # President of South Sudan), not alone ("New Zealand media reports": no New Zealand climber); the name the
        # mention ends on wins a tie with another's role ("The de facto Hamas prime minister in Gaza, Ismail Haniyeh")
        if plural_head and entity.type == "PERSON" and {head_word, head_word[:-1]} & role_words:
            role_words = set()  # the plural is their shared role, not "excerpts from a book by his ... adviser"
        role_hits = (
            wanted if head_wanted & role_words else own_person_wanted if entity.type == "PERSON" else own_wanted
        ) & role_words
        score = len(role_hits) + (2 if named else 0)
        by_name = named and last_word in name_words  # the name the mention ends on: its head or an apposition
        if score > best_score or (score == best_score and by_name and not best_named):
            best, best_score, best_named = eid, score, by_name
    if of_phrase and " and " in mention.lower() and head_word in SPEAK_FOR_THEIR_BODY:
        # "The leaders of the Food and Drug Administration and the Centers for Disease Control and Prevention": both
        bodies = [
            eid
            for eid in order
            if entities[eid].type in ("ORG", "GPE")
            and names[eid]
            and names[eid] <= whose_words
            and not any(names[eid] < names[other] <= whose_words for other in order if other != eid)
        ]
        if len(bodies) > 1:
            return sorted(bodies, key=lambda eid: mention.lower().find(entities[eid].name.lower()))
    if stand_in is not None and (best is None or best_score < 2):
        return [stand_in]
    heads = words & ORG_HEADS
    if mention.lower().split()[0] in ("his", "her", "their", "its"):
        heads = set()  # 'his office' names a body through a person we cannot see: no guess
    if best is not None and (best_score >= 2 or (best_score >= 1 and len(words) == 1)):
        return [best]
    if heads:  # 'the ministry': the most recent body named before it whose name holds that word
        for m, eid in reversed(article_mentions):
            if m.end <= before and entities[eid].type == "ORG" and heads & _words(entities[eid].name):
                return [eid]
    if heads & BUSINESS_HEADS and len(core) <= 2:  # "the company", "the firm", not "the parent company of ..."
        for m, eid in reversed(article_mentions):  # the most recent business named before it
            name = entities[eid].name
            if m.end <= before and entities[eid].type == "ORG" and not _public_body(name):
                return [eid]
    return []


def _capitalised_words(text: str) -> set[str]:
    """The capitalised words of a phrase, lower-cased, but for a determiner or a title's small words: whose body or
    place a role is of ("Central", "Command" in "A Central Command spokesperson")."""
    return {_lower(w) for w in _WORDS.findall(text) if w[0].isupper()} - _STOP


def _role_head(role: str) -> set[str]:
    """The head of a role and the words that may stand for it: "spokesperson" for "a spokesperson for the attorney
    general's office", "general" for "New York Attorney General"."""
    core = [_lower(w) for w in _WORDS.findall(TRAILING_PHRASE_ANY_CASE.split(role, maxsplit=1)[0])]
    return SYNONYMS.get(core[-1], {core[-1]}) if core else set()


# what a person's name may qualify without the words being that person's ("the Trump administration", "the Biden
# campaign", "Cuomo aides", "a Trump spokesman"): like "his office", they stay apart from the person
ENTOURAGE_HEADS = ORG_HEADS | {
    "administration", "campaign", "camp", "team", "family", "aide", "aides", "allies", "lawyer", "lawyers",
    "attorney", "attorneys", "adviser", "advisers", "advisor", "advisors", "associates", "spokesman", "spokeswoman",
    "spokesperson", "officials", "supporters", "house", "white", "organization", "foundation",
}  # fmt: skip

PLACES_AND_PEOPLES = {"GPE", "LOC", "NORP"}
# what speaks for a state when a place's or a people's name qualifies it ("U.S. officials", "the Italian government")
STATE_HEADS = {
    "government", "officials", "official", "authorities", "forces", "troops", "military", "army", "navy", "ministry",
    "diplomats", "diplomat", "regulators", "prosecutors", "police", "embassy", "state", "intelligence", "envoy",
    "department", "negotiators", "investigators", "spokesman", "spokeswoman", "spokesperson", "leaders", "leadership",
}  # fmt: skip
# how many of them speak ("Thousands of Cubans", "dozens of protesters"): they are who speak
QUANTITY_HEADS = {
    "thousands", "hundreds", "dozens", "millions", "scores", "some", "many", "most", "all", "several", "half",
    "majority",
}  # fmt: skip
# a party's people ("Republican lawmakers" are of the Republicans)
MEMBER_HEADS = {
    "senators", "lawmakers", "leaders", "members", "governors", "representatives", "legislators", "congressmen",
    "congresswomen", "candidates",
}  # fmt: skip
# the people of a body named after them who speak for it ("All 19 members of the committee", "officials of the FDA")
SPEAK_FOR_THEIR_BODY = MEMBER_HEADS | STATE_HEADS


def _stand_in(people: Entity, head: str, entities: dict[str, Entity]) -> str | None:
    """Whom "Republican lawmakers" or "the Italian government" speak for: the party's members the story names
    ("Republicans"), or the state whose people's adjective qualifies a state's voice ("Italy" for "Italian",
    "Israel" for "Israeli"); None when the story names neither."""
    adjective = people.name.lower()
    if head in MEMBER_HEADS:
        plurals = {adjective + "s", adjective[:-2] + "s" if adjective.endswith("ic") else ""}  # Democratic: Democrats
        for eid, entity in entities.items():
            if entity.type == "NORP" and entity.name.lower() in plurals:
                return eid
    if head in STATE_HEADS:
        best, best_key = None, None
        for eid, entity in entities.items():
            place = entity.name.lower()
            if entity.type != "GPE" or " " in place:
                continue
            shared = len(os.path.commonprefix([place, adjective]))
            if shared >= 4 and shared >= min(len(place), len(adjective)) - 3:  # Italy / Italian, Britain / British
                key = (shared - len(place), len(entity.mentions))  # India, not Indiana, for "Indian"
                if best_key is None or key > best_key:
                    best, best_key = eid, key
        return best
    return None


# "the company said" is the business the article last named, as news writes it (Merck, then "the company");
# public bodies the article names between (the FDA, the Senate, the World Health Organization) are no company
BUSINESS_HEADS = {"company", "firm"}
PUBLIC_BODY_WORDS = {
    "administration", "agency", "assembly", "board", "bureau", "cabinet", "center", "centers", "commission",
    "committee", "congress", "council", "court", "department", "government", "house", "institute", "ministry",
    "office", "organization", "parliament", "party", "police", "senate", "service", "union", "university",
}  # fmt: skip
PUBLIC_ACRONYMS = {"fda", "cdc", "ftc", "sec", "fbi", "cia", "nih", "who", "epa", "fcc", "irs", "doj", "dhs", "un"}


def _public_body(name: str) -> bool:
    """A government body, court, party or international organisation, or a disease the tagger took for a body."""
    words = _words(name)
    return (
        bool(words & PUBLIC_BODY_WORDS or words & PUBLIC_ACRONYMS)
        or any(ch.isdigit() for ch in name)
        or ("covid" in name.lower())
    )
