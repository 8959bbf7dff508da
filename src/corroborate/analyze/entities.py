"""Named entities of a story, merged into canonical people and bodies, with the roles seen for each.

spaCy's small English model finds the mentions; rules fix its usual errors (a country tagged PERSON, a
surname tagged ORG when the same surname is a person elsewhere in the story). Variants are merged when
they are the same name up to honorifics, possessives, a missing first name, a transliteration or a
misspelling (edit distance on the surname, with compatible first names), and never when two full names
disagree on either part.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..dates import WEEKDAYS
from ..nlp import TITLE_ABBREVIATIONS

TYPES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
# titles before a name: the words, and the abbreviations the parser keeps with the name ("Sgt.", "Reps.")
HONORIFICS = {
    "miss",
    "sir",
    "dame",
    "professor",
    "senator",
    "governor",
    "general",
    "colonel",
    "captain",
    "admiral",
    "president",
    "prime",
    "minister",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sheikh",
    "ayatollah",
    "judge",
    "justice",
    "mayor",
    "secretary",
    "ambassador",
    "director",
    "chief",
} | {title.rstrip(".").lower() for title in TITLE_ABBREVIATIONS}
ORG_WORDS = {
    "hydro",
    "transit",
    "authority",
    "ministry",
    "association",
    "union",
    "service",
    "board",
    "agency",
    "university",
    "party",
    "group",
    "corp",
    "inc",
    "ltd",
    "co",
    "bank",
    "council",
    "committee",
    "court",
    "police",
    "department",
    "office",
    "institute",
    "foundation",
    "company",
    "media",
    "news",
    "press",
    "times",
    "post",
    "daily",
    "monitor",
    "ledger",
    "observer",
    "courier",
    "dispatch",
    "review",
    "airlines",
    "energy",
    "power",
    "systems",
    "holdings",
    "federation",
    "republic",
    "kingdom",
    "organization",
    "organisation",
    "forces",
    "army",
    "navy",
    "command",
    "commission",
    "parliament",
    "assembly",
    "government",
    "kremlin",
}
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


@dataclass(slots=True)
class Mention:
    article_id: str
    text: str
    label: str
    start: int
    end: int
    role: str | None = None  # title or apposition seen with this mention
    modifier: bool = False  # the name only qualifies a noun or a person ("FDA authorization", "Biggs from Arizona")
    located: bool = False  # the name is where something is or goes ("in Jordan", "flew to Jordan"): a place


@dataclass(slots=True)
class Entity:
    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


def clean_name(text: str, person: bool = True) -> str:
    """Surface form without honorifics, leading articles, possessives and stray punctuation. A body's or a place's
    name (``person`` False) keeps a leading title word: "Justice Department", "General Motors", "King County"."""
    words = [w for w in re.split(r"\s+", text.strip()) if w]
    while words and ((person and words[0].lower().rstrip(".") in HONORIFICS) or words[0].lower() in ("the", "a", "an")):
        words = words[1:]
    joined = _POSSESSIVE.sub("", " ".join(words))
    name = joined.strip(" ,.;:“”\"'()")
    if _UNCLOSED.search(name):  # "World Health Organization (WHO", "Gene Pukall (14-13-2)" once stripped
        joined = name = _UNCLOSED.sub("", name).strip(" ,.;:“”\"'()")
    whole = _without_half_a_nickname(name) if person else name
    if whole != name:
        joined = name = whole
    if (_INITIALISM_CUT.search(name) or name.endswith((" Jr", " Sr"))) and joined.rstrip(" ,;:“”\"'()").endswith(
        name + "."
    ):
        name += "."  # "U.S.", "Washington, D.C.", "Martin Luther King Jr.": the last full stop is the name's
    return name


def _without_half_a_nickname(name: str) -> str:
    """A person's name the model's span cut inside a nickname's quotation marks: 'Chin" Gigante' of 'Vincent "Chin"
    Gigante' is Gigante, 'Vincent “Chin' is Vincent."""
    closing = name.count("”") > name.count("“") or (name.count('"') % 2 and not name.lstrip().startswith('"'))
    opening = name.count("“") > name.count("”") or (name.count('"') % 2 and name.lstrip().startswith('"'))
    if closing:
        return re.split(r"[”\"]", name)[-1].strip(" ,.;:'()") or name
    if opening:
        return re.split(r"[“\"]", name)[0].strip(" ,.;:'()") or name
    return name


_UNCLOSED = re.compile(r"\s*\([^()]*$")  # a parenthesis the model's span cut open: "(WHO" of "... (WHO)"
_INITIALISM_CUT = re.compile(r"(?:^|\s)(?:[A-Za-z]\.)+[A-Za-z]$")


def name_key(name: str) -> str:
    """How a body's or place's name is compared: lower-cased, one apostrophe ("Dockworkers’ Union" is "Dockworkers'
    Union"), and a dotted initialism by its letters ('U.S.', 'U.S' and 'US' are one name)."""
    name = name.replace("’", "'").replace("‘", "'")
    if _DOTTED.fullmatch(name):
        return name.replace(".", "").lower()
    key = _LEGAL_SUFFIX.sub("", name).lower() or name.lower()  # "Merck & Co." is Merck, "Pfizer Inc." Pfizer
    of_form = _OF_FORM.match(key)  # "Department of Justice" is the Justice Department
    return f"{of_form.group(2)} {of_form.group(1)}" if of_form else key


_OF_FORM = re.compile(r"(department|ministry)\s+of\s+(?:the\s+)?(.+)")


# a company's legal form after its name ("Merck & Co.", "Pfizer Inc.", "Alphabet Inc", "BioNTech SE")
_LEGAL_SUFFIX = re.compile(r"(?:,?\s+(?:&\s+)?(?:Inc|Corp|Co|Ltd|LLC|PLC|plc|AG|SE|SA|NV|N\.V|S\.A)\.?)+$")
# people who speak or act for the body named before them ("a Pfizer spokesman", "Defence Ministry officials")
SPEAKS_FOR_NOUNS = {"spokesman", "spokeswoman", "spokesperson", "official", "chief", "head", "leader"}
SPEAKS_FOR_NOUNS |= {"director", "minister", "representative", "source", "aide", "staff", "officer", "lawyer"}
SPEAKS_FOR_NOUNS |= {"attorney", "employee", "member", "executive", "analyst", "researcher", "scientist"}
SPEAKS_FOR_NOUNS |= {"investigator", "prosecutor", "team"}
# an industry word the model takes into a company's name at a sentence's start ("Drugmaker Merck said ...")
INDUSTRY_WORDS = {"drugmaker", "drugmakers", "automaker", "carmaker", "chipmaker", "retailer", "insurer", "lender"}
INDUSTRY_WORDS |= {"broadcaster", "conglomerate", "vaccinemaker", "pharma"}


_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?")


def entity_id(name: str, label: str) -> str:
    return "e-" + hashlib.sha256(f"{label}|{name.lower()}".encode()).hexdigest()[:12]


def doc_mentions(doc, article_id: str) -> list[Mention]:
    """PERSON/ORG/GPE/... mentions of one parsed article, with the title or apposition next to a person."""
    out = []
    taken = -1  # where a person's name the model cut short ends: the rest of it is no name of its own
    for ent in doc.ents:
        if ent.label_ not in TYPES or ent.start_char < taken:
            continue
        span = _with_surname(ent) if ent.label_ == "PERSON" else ent
        if span is not ent:
            taken = span.end_char  # "Ursula von der" + "Leyen" (tagged a place)
        name = clean_name(span.text, person=ent.label_ == "PERSON")
        start = ent.start_char
        first, _, rest = name.partition(" ")
        if ent.label_ == "ORG" and first.lower() in INDUSTRY_WORDS and rest[:1].isupper():
            name, start = rest, ent.end_char - len(rest) if ent.text.endswith(rest) else start
        if ent.label_ == "PERSON" and _swallowed_title(name):
            # 'Russian Foreign Intelligence Service Sergey Naryshkin': the model swallowed the title.
            name = " ".join(name_parts(name, GENERATIONS)[-2:])
            at = span.text.rfind(name)
            start = span.start_char + at if at >= 0 else span.end_char - len(name)
        if not name or not any(ch.isupper() for ch in name[:1]) or name.lower() in WEEKDAYS:
            continue  # "Wednesday" tagged as a body is a day, no one who speaks
        if all(w.lower().rstrip(".") in HONORIFICS for w in name.split()):
            continue  # a title alone ("for Lt. Gov. Tate Reeves": "Lt." tagged as a body) names no one
        mention = Mention(
            article_id, name, ent.label_, start, span.end_char, person_role(ent) if ent.label_ == "PERSON" else None
        )
        # "FDA authorization": the name does not act; "a Defence Ministry spokesman" speaks for it
        head = ent.root.head
        qualifies = ent.root.dep_ in ("compound", "amod", "nmod") and head.pos_ == "NOUN"
        # "Rep. Andy Biggs from Arizona", "Sen. Ted Cruz of Texas": the place says where a person is from
        of_a_person = ent.root.dep_ == "pobj" and head.lower_ in ("from", "of") and head.head.ent_type_ == "PERSON"
        mention.modifier = (qualifies and head.lemma_ not in SPEAKS_FOR_NOUNS) or of_a_person
        mention.located = ent.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS
        out.append(mention)
    return out


LOCATIVE_PREPOSITIONS = {"in", "at", "from", "to", "into", "near", "across", "outside", "inside", "throughout"}


# words a surname may open with ("Jean-Yves Le Drian", "Ursula von der Leyen", "Charles de Gaulle")
NAME_PARTICLES = {"le", "la", "de", "du", "da", "di", "dos", "das", "van", "von", "der", "den", "del", "al", "el"}
NAME_PARTICLES |= {"bin", "ibn", "ben", "abu"}


def _with_surname(ent):
    """A person's span the model ended on a particle of the surname ("Jean-Yves Le" of "Jean-Yves Le Drian")
    runs on to the surname."""
    doc, j = ent.doc, ent.end
    while j < len(doc) and doc[j - 1].lower_ in NAME_PARTICLES and doc[j].is_alpha:
        if not (doc[j].is_title or doc[j].lower_ in NAME_PARTICLES):
            break
        j += 1
    return doc[ent.start : j] if j > ent.end and doc[j - 1].is_title else ent


def person_role(ent) -> str | None:
    """'Kremlin spokesman Dmitry Peskov' -> 'Kremlin spokesman'; 'X, the head of Y,' -> 'the head of Y'."""
    root = ent.root
    left = [t for t in root.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod", "poss")]
    if left:
        first = min(t.left_edge.i for t in left)
        text = ent.doc[first : ent.start].text.strip(" ,")
        if text and len(text.split()) <= 8:
            return text
    for child in root.children:
        if child.dep_ == "appos":
            text = ent.doc[child.left_edge.i : child.right_edge.i + 1].text.strip(" ,")
            if text and len(text.split()) <= 14:
                return text
    if ent.root.dep_ == "appos":  # 'the head of the service, Sergei Naryshkin'
        head = ent.root.head
        text = ent.doc[head.left_edge.i : head.i + 1].text.strip(" ,")
        if text and len(text.split()) <= 14:
            return text
    return None


_TRANSLIT = [
    ("yu", "ju"),
    ("ya", "ja"),
    ("ye", "je"),
    ("iy", "i"),
    ("ij", "i"),
    ("ey", "ei"),
    ("ts", "c"),
    ("tz", "c"),
    ("kh", "h"),
    ("ks", "x"),
    ("w", "v"),
    ("ph", "f"),
    ("y", "i"),
]


def translit_key(name: str) -> str:
    """One spelling for common romanisation variants: Sergei/Sergey, Yuri/Jurij, Makovets/Makovec."""
    key = name.lower()
    for old, new in _TRANSLIT:
        key = key.replace(old, new)
    return key


def _similar(a: str, b: str) -> float:
    return max(
        SequenceMatcher(None, a.lower(), b.lower()).ratio(),
        SequenceMatcher(None, translit_key(a), translit_key(b)).ratio(),
    )


# "Robert S. Mueller III" is the "Robert Mueller" of other outlets; but "Donald Trump Jr." is not "Donald Trump",
# so "Jr." and "Sr." stay part of a name when people are told apart
ORDINALS = {"ii", "iii", "iv"}
GENERATIONS = ORDINALS | {"jr", "sr"}


def name_parts(name: str, drop=ORDINALS) -> list[str]:
    """A person's name word by word without an ordinal suffix ("III"): the surname is the last of them."""
    words = name.split()
    while len(words) > 1 and words[-1].rstrip(".,").lower() in drop:
        words = words[:-1]
    return words


def _name_word_count(name: str) -> int:
    """How many words name the person, initials and a generational suffix aside: "Andrew M. Cuomo" 2, as "Andrew
    Cuomo"; which of the two a story calls the person is then told by how often it uses each."""
    return len(
        [
            w
            for w in name_parts(name, GENERATIONS)
            if not re.fullmatch(r"[A-Z]\.?", w) and w.lower() not in NAME_PARTICLES
        ]
    )


def _swallowed_title(name: str) -> bool:
    """'Russian Foreign Intelligence Service Sergey Naryshkin': more than three name words ('Robert S. Mueller III'
    and 'Martin Luther King Jr.' are whole names)."""
    return _name_word_count(name) > 3


# short forms of English first names, each to its full form ("Dave Rossi" is "David Rossi" in another outlet)
SHORT_FIRST_NAMES = {
    "dave": "david", "bill": "william", "will": "william", "bob": "robert", "rob": "robert", "mike": "michael",
    "jim": "james", "jimmy": "james", "joe": "joseph", "tom": "thomas", "tony": "anthony", "chris": "christopher",
    "dan": "daniel", "danny": "daniel", "ed": "edward", "ted": "edward", "liz": "elizabeth", "beth": "elizabeth",
    "kate": "katherine", "kathy": "kathleen", "matt": "matthew", "nick": "nicholas", "pat": "patrick",
    "pete": "peter", "rick": "richard", "dick": "richard", "steve": "steven", "sam": "samuel", "ben": "benjamin",
    "andy": "andrew", "alex": "alexander", "greg": "gregory", "jeff": "jeffrey", "jon": "jonathan", "ron": "ronald",
    "don": "donald", "ken": "kenneth", "larry": "lawrence", "chuck": "charles", "charlie": "charles",
    "fred": "frederick", "sue": "susan", "jerry": "gerald", "tim": "timothy", "phil": "philip", "ray": "raymond",
}  # fmt: skip


def _full_first_name(word: str) -> str:
    """A first name in full and lower case: "Dave" -> "david", "Rossi." -> "rossi"."""
    word = word.rstrip(".").lower()
    return SHORT_FIRST_NAMES.get(word, word)


def same_person(a: str, b: str) -> bool:
    """Two person names that may be one person: same or near surname, compatible first names."""
    pa, pb = name_parts(a), name_parts(b)
    if not pa or not pb:
        return False
    last_a, last_b = pa[-1], pb[-1]
    if last_a.lower() != last_b.lower():
        if min(len(last_a), len(last_b)) < 5 or _similar(last_a, last_b) < 0.8:
            return False
        if last_a[0].lower() != last_b[0].lower() and min(len(last_a), len(last_b)) < 7:
            return False  # a short name spelt another way keeps its first letter: "Roice" is no "Ned Price"
    first_a, first_b = pa[:-1], pb[:-1]
    if not first_a or not first_b:
        return True
    fa, fb = first_a[0].rstrip("."), first_b[0].rstrip(".")
    if fa.lower() == fb.lower() or _full_first_name(fa) == _full_first_name(fb):
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0].lower() == fb[0].lower()
    return _similar(fa, fb) >= 0.75


def canonical_entities(mentions: list[Mention]) -> tuple[list[Entity], dict[int, str]]:
    """Merge a story's mentions into entities; returns the entities and mention index -> entity id.

    A person the story names only by surname gets a full name across the store later (analyze.phase.unify_people).
    """
    fix_labels(mentions)
    people = [i for i, m in enumerate(mentions) if m.label == "PERSON"]
    others = [i for i, m in enumerate(mentions) if m.label != "PERSON"]
    groups: list[list[int]] = []
    # Full names first (longest first), then single names join the full name they fit.
    for i in sorted(people, key=lambda i: (-len(mentions[i].text.split()), mentions[i].text, i)):
        name = mentions[i].text
        fits = [group for group in groups if same_person(mentions[group[0]].text, name)]
        home = _whose_surname(fits, mentions, i) if len(fits) > 1 else (fits[0] if fits else None)
        if home is None:
            groups.append([i])
        else:
            home.append(i)
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i in others:
        by_key[(mentions[i].label, name_key(mentions[i].text))].append(i)
    groups += list(by_key.values())
    _merge_acronyms(groups, mentions)
    _merge_short_forms(groups, mentions)
    entities: list[Entity] = []
    owner: dict[int, str] = {}
    for group in groups:
        if not group:
            continue
        forms = Counter(mentions[i].text for i in group)
        label = Counter(mentions[i].label for i in group).most_common(1)[0][0]
        name = max(
            forms,
            key=lambda f: (_name_word_count(f) if label == "PERSON" else _full_form(f, forms), forms[f], -len(f), f),
        )
        entity = Entity(entity_id(name, label), name, label)
        entity.aliases = sorted(f for f in forms if f != name)
        roles = Counter(mentions[i].role for i in group if mentions[i].role)
        entity.roles = [r for r, _ in sorted(roles.items(), key=lambda kv: (-kv[1], kv[0]))]
        entity.article_ids = sorted({mentions[i].article_id for i in group})
        entity.mentions = [
            mentions[i] for i in sorted(group, key=lambda i: (mentions[i].article_id, mentions[i].start))
        ]
        entities.append(entity)
        for i in group:
            owner[i] = entity.id
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, owner


def _whose_surname(groups: list[list[int]], mentions: list[Mention], i: int) -> list[int]:
    """Of the people a surname may be ("Conway": Kellyanne or George Conway), the one its article names in full
    first, as news writes it ("Hunter Biden, the son of ... Joe Biden ... For months, Biden denied"): the others it
    names in full each time. An article that uses the surname before any full name ("President Trump and first lady
    Melania Trump") means the one the story names in full most."""
    m = mentions[i]
    surname = name_parts(m.text)[-1].lower()
    bare = [
        x.start
        for x in mentions
        if x.article_id == m.article_id and len(name_parts(x.text)) == 1 and x.text.lower() == surname
    ]

    def first_in_full(group: list[int]) -> int:
        here = [mentions[j] for j in group if mentions[j].article_id == m.article_id]
        starts = [x.start for x in here if _is_full_name(x)]
        return min(starts, default=-1)

    introduced = [(start, k) for k, g in enumerate(groups) if (start := first_in_full(g)) >= 0]
    if introduced and min(introduced)[0] < min(bare, default=m.start):
        return groups[min(introduced)[1]]
    return max(groups, key=lambda g: (sum(_is_full_name(mentions[j]) for j in g), len(g)))


def _is_full_name(mention: Mention) -> bool:
    return len(name_parts(mention.text)) > 1


def fix_labels(mentions: list[Mention]) -> None:
    """The small model's usual slips: a place tagged PERSON or ORG, a person's surname tagged ORG or GPE."""
    places = {m.text.lower() for m in mentions if m.label in ("GPE", "LOC")}
    surnames = {name_parts(m.text)[-1].lower() for m in mentions if m.label == "PERSON" and len(name_parts(m.text)) > 1}
    place_parts = {part for p in places for part in re.split(r"[\s\-]+", p) if len(part) > 3}
    demonyms = {m.text.lower() for m in mentions if m.label == "NORP"}

    def is_place(key: str, single: bool) -> bool:
        if key in surnames:
            return False
        if key in places:
            return single  # one word the story also tags as a place is the place
        return single and (
            key in place_parts or any(d.startswith(key[:-1]) and 0 < len(d) - len(key) <= 2 for d in demonyms)
        )  # "Karabakh"; "Armenia" ~ "Armenian"

    alone = {m.text.lower() for m in mentions if len(m.text.split()) == 1}
    for m in mentions:
        key, single = m.text.lower(), len(m.text.split()) == 1
        words = m.text.split()
        if m.label in ("PERSON", "ORG") and is_place(key, single):
            m.label = "GPE"
        elif m.label == "PERSON" and any(w.lower().strip("’'s") in ORG_WORDS for w in words[1:]):
            m.label = "ORG"  # 'Varnhold Hydro', 'Brennick City Transit'
        elif (
            m.label == "ORG"
            and 2 <= len(words) <= 3
            and all(w[:1].isupper() for w in words)
            and not any(w.lower().strip("’'s") in ORG_WORDS for w in words)
            and words[-1].lower() in alone
        ):
            m.label = "PERSON"  # 'Lukas Fenner' ... 'Fenner said': bodies are not named by their last word
    person_names = {m.text.lower() for m in mentions if m.label == "PERSON"}
    # a surname the model tags as a place everywhere ("Mayorkas said") is still the person, unless the story uses it
    # as a place ("in Jordan")
    located = {m.text.lower() for m in mentions if m.located}
    for m in mentions:
        key, single = m.text.lower(), len(m.text.split()) == 1
        if m.label in ("ORG", "GPE", "NORP") and single and key in surnames and key not in located:
            m.label = "PERSON"
        elif m.label == "ORG" and key in person_names:
            m.label = "PERSON"
    companies = {name_key(m.text) for m in mentions if m.label == "ORG" and _LEGAL_SUFFIX.search(m.text)}
    for m in mentions:
        if m.label == "PERSON" and name_key(m.text) in companies:
            m.label = "ORG"  # "Merck" beside "Merck & Co.": the company, which the small model took for a person


def _merge_acronyms(groups: list[list[int]], mentions: list[Mention]) -> None:
    """'SVR' joins 'Foreign Intelligence Service', 'U.S.' 'United States', only if unambiguous: same initials, the
    same type, one candidate."""
    bodies = [g for g in groups if mentions[g[0]].label in ("ORG", "GPE")]
    for group in bodies:
        if not group:  # already merged into another
            continue
        label, name = mentions[group[0]].label, mentions[group[0]].text.replace(".", "")
        if not (name.isupper() and 2 <= len(name) <= 6):
            continue
        candidates = [
            g
            for g in bodies
            if g and g is not group and mentions[g[0]].label == label and name in _initial_forms(mentions[g[0]].text)
        ]
        if len(candidates) == 1:
            candidates[0].extend(group)
            group.clear()


def _merge_short_forms(groups: list[list[int]], mentions: list[Mention]) -> None:
    """'City Transit' joins 'Brennick City Transit' (the last two or more words of one longer name, and of one
    only: 'Supreme Court' stays apart when the story names a U.S. and a Texas Supreme Court)."""
    orgs = [g for g in groups if g and mentions[g[0]].label == "ORG"]
    for group in orgs:
        words = mentions[group[0]].text.lower().split()
        if len(words) < 2:
            continue
        longer = [g for g in orgs if g and g is not group and _ends_with(mentions[g[0]].text.lower().split(), words)]
        if len(longer) == 1:
            longer[0].extend(group)
            group.clear()


def _full_form(form: str, forms) -> bool:
    """Is ``form`` the full name the story's other forms shorten ('Brennick City Transit' of 'City Transit')?"""
    words = form.lower().split()
    return len(forms) > 1 and all(o == form or _ends_with(words, o.lower().split()) for o in forms)


def _ends_with(name: list[str], tail: list[str]) -> bool:
    return len(name) > len(tail) and name[-len(tail) :] == tail


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


_GREW = re.compile(r"^(.{6,}?)\s+and\s+[A-Z][\w-]+$")  # "Centers for Disease Control and Prevention"


def _initial_forms(name: str) -> set[str]:
    """The acronyms a body's name may go by: its initials, and those of the name before a last "and X" it grew
    after its acronym was set ("CDC" of "Centers for Disease Control and Prevention")."""
    forms = {_initials(name)}
    grew = _GREW.match(name)
    if grew:
        forms.add(_initials(grew.group(1)))
    return forms


_CAPITALISED = re.compile(r"\b(?:([A-Z][a-z]+)\s+)?([A-Z][a-z’'\-]{4,})\b")


def recover_person_variants(mentions: list[Mention], texts: dict[str, str]) -> list[Mention]:
    """Find misspelt or untagged forms of the story's people ('Pashniyan' beside 'Nikol Pashinyan').

    The small model often tags a misspelt surname as ORG or NORP, or not at all. A capitalised word
    close to a known surname (and not a place) becomes a PERSON mention,
    replacing whatever the model had tagged at that spot.
    """
    people = [m for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1]
    surnames = {name_parts(m.text)[-1] for m in people}
    places = {m.text.lower() for m in mentions if m.label in ("GPE", "LOC")}
    out = list(mentions)
    for article_id, text in texts.items():
        covered = [(m.start, m.end) for m in out if m.article_id == article_id and m.label == "PERSON"]
        for match in _CAPITALISED.finditer(text):
            word = match.group(2)
            if word.lower() in places or any(s <= match.start(2) < e for s, e in covered):
                continue
            close = [s for s in surnames if s != word and _similar(s, word) >= 0.8]
            exact = word in surnames
            if not close and not exact:
                continue
            first = match.group(1)
            start = match.start(1) if first and first.lower() not in _COMMON_CAPS else match.start(2)
            name = text[start : match.end(2)]
            out = [m for m in out if not (m.article_id == article_id and m.start < match.end(2) and start < m.end)]
            out.append(Mention(article_id, name, "PERSON", start, match.end(2)))
            covered.append((start, match.end(2)))
    return out


_COMMON_CAPS = {
    "the",
    "a",
    "an",
    "and",
    "but",
    "earlier",
    "later",
    "then",
    "when",
    "while",
    "as",
    "after",
    "before",
    "president",
    "minister",
    "prime",
    "foreign",
    "deputy",
    "russian",
    "turkish",
    "armenian",
    "mr",
    "mrs",
    "ms",
    "dr",
    "in",
    "on",
    "at",
    "by",
    "with",
    "from",
    "for",
    "of",
    "to",
    "said",
    "says",
    "told",
}
