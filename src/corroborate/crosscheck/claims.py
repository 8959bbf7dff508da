"""Claims: each sentence of a story's articles cut into propositions, attributed ones keeping their speaker."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from ..analyze.saying import cue_of_saying
from ..analyze.speakers import TRAILING_PHRASE
from ..analyze.statements import writer_speaking
from ..clean.boilerplate import dateline_end, label_end
from ..dates import MONTHS, WEEKDAYS
from ..nlp import first_person
from ..stories.features import stem
from .numbers import Quantity, find_quantities
from .timex import TimeExpr

OPINION_MODALS = {"should", "ought"}  # "must" in news mostly reports a rule
DENY_LEMMAS = {"deny", "reject", "refute", "dismiss", "dispute", "rebut"}
# the conjunction a clause cut from its sentence ends on ("Russia has a military base in Armenia and")
_TRAILING_CONJUNCTION_RE = r"[\s,;:–—-]+(?:and|but|or|yet|while|whereas)$"
_TRAILING_CONJUNCTION = re.compile(_TRAILING_CONJUNCTION_RE, re.I)
# a clause's leading conjunction and stray punctuation; "as" only where it joins a clause, not in "As of this
# week", "As a result", "As for", "As well as", "As many as", "As long as" ...; and its trailing conjunction
_EDGE = re.compile(
    r"^[\s,;:–—-]*(?:(?:and|but|while|whereas|as(?!\s+(?:of|a|an|for|to|well|such|part|many|much|long|soon|far)\b))"
    rf"\b)?[\s,;:–—-]*|{_TRAILING_CONJUNCTION_RE}|[\s,;:–—-]+$",
    re.I,
)


# a speaker shown as only a pronoun ("It says:", "Who says:") names no one: the claim is shown as its sentence
BARE_PRONOUNS = {"it", "this", "that", "who", "which", "he", "she", "they", "we", "i", "you"}
# shown as whom they stand for, in brackets, in a bare sentence; not "it" and "they", which no salience model
# resolves surely enough to be printed in place of the writer's word ("[Afghanistan] is unclear ...")
BRACKETED_PRONOUNS = {"he", "she"}


def sentence_case(text: str) -> str:
    """A clause taken out of its sentence starts as a sentence does ("and he hasn't recovered" -> "He hasn't
    recovered"); a word with a capital inside ("iPhone", "eBay") is left as written."""
    first = text.split(maxsplit=1)[0] if text.strip() else ""
    if first[:1].islower() and first[1:] == first[1:].lower():
        return text[:1].upper() + text[1:]
    return text


# verbs whose object names the act ("made a transfer", "held a meeting", "gave its approval")
LIGHT_VERBS = {"make", "hold", "give", "take", "conduct", "receive", "get"}


class Act(NamedTuple):
    """A verb with the head words of its subject and object, stemmed ("China ... declaring all transactions
    illegal" -> declar, china, transact; "made its first transfer" -> transfer); None where the sentence does
    not say."""

    verb: str
    subject: str | None
    object: str | None
    owner: str | None = None  # whose the subject is: "the administration's experts" -> administr
    subjects: frozenset[str] = frozenset()  # the subject's head and the heads coordinated with it
    objects: frozenset[str] = frozenset()  # the same of the object ("the FBI and U.S. attorneys' offices")


class Dated(NamedTuple):
    """A time expression of a claim and what it dates."""

    expr: TimeExpr
    verb: str | None  # lemma of the verb it dates ("gave way late Monday" -> "give")
    thing: str | None = None  # or the noun it names the day of ("the Jan. 6 insurrection" -> "insurrection")
    background: bool = False  # the verb is a relative clause's on a common noun ("the area where an earthquake ...")
    cited: str | None = None  # the source whose release it dates ("according to data released Sunday" -> "data")
    present: bool = False  # the verb is in the simple present ("heads into the recall Tuesday"): not a day passed
    clause: str | None = None  # the words that hold it when its sentence holds another day (see _clause_of)


@dataclass
class Claim:
    """One proposition as one article states it."""

    index: int
    article_id: str
    group: str  # independent-source key of the article (syndicated copies share it)
    start: int
    end: int
    text: str
    sentence: int  # index of the sentence in its article
    speaker: str | None = None  # canonical name of who says it, when attributed
    speaker_is_name: bool = False  # ``speaker`` is one entity's name ("Food and Drug Administration": one body)
    speaker_aliases: tuple[str, ...] = ()  # the entity's other names ("United States" of "U.S.")
    written_speaker: tuple[int, str] | None = None  # where the text names its speaker, and how ("They", "The ...")
    speaker_entity: str | None = None
    stance: str | None = None
    cue: str = ""  # the lemma of the cue of its statement ("show" of "data released on Wednesday showed")
    negated: bool = False
    negated_act: Act | None = None  # the act a negated claim says did not happen ("China has not declared ...")
    denied_about: frozenset[str] = frozenset()  # the subject of the clause a denial denies ("that cost played")
    denied_doer: bool = False  # that subject does the denied act ("his decision went against ..."), not a passive's
    acts: frozenset[Act] = frozenset()  # the acts it says happened, each verb with its subject and object
    conditional: bool = False  # "if anyone ignored a warning, ...": asserts nothing
    non_answer: bool = False  # negated as what a source cannot or will not tell ("could not say whether ...")
    answer_verbs: frozenset[str] = frozenset()  # verbs it says a source can tell ("I know what happened")
    negated_verbs: frozenset[str] = frozenset()  # the negated verb and those it governs ("will not begin requiring")
    all_stems: frozenset[str] = frozenset()  # stems of the lemmas of all its words, cue and stop words too
    said_no_to: frozenset[str] = frozenset()  # acts a word of no in it hangs on ("no gun has been recovered")
    lemmas: frozenset[str] = frozenset()  # Snowball stems of the content words ("warned", "warning" -> "warn")
    content: str = ""  # what is claimed: the statement's content when attributed, else the text
    said: str = ""  # what the speaker says, shown after "X says:" (the quotation or reported clause), or ""
    content_lemmas: frozenset[str] = frozenset()
    verbs: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()  # stems of the proper nouns
    names_outside_quotes: frozenset[str] = frozenset()  # those not inside quotation marks
    quantities: list[Quantity] = field(default_factory=list)
    times: list[Dated] = field(default_factory=list)
    published: str | None = None
    published_inferred: bool = False  # the article gave no date: ``published`` was inferred from its content

    @property
    def label(self) -> str:
        """The claim as the report states it: attributed claims say who says them."""
        acronym = self.speaker is not None and len(self.speaker) > 1 and self.speaker.isupper()  # "WHO": a body
        if not self.speaker or (self.speaker.lower() in BARE_PRONOUNS and not acronym):
            return sentence_case(self.text)  # "It says: ..." tells a reader nothing the sentence does not
        if not self.said and self.written_speaker:  # the sentence names its speaker: it is its own label
            at, written = self.written_speaker
            after = self.text[at + len(written) : at + len(written) + 1]
            named_before = re.search(rf"(?<!\w){re.escape(surname(self.speaker))}(?!\w)", self.text[:at], re.I)
            if (
                written.lower() in BRACKETED_PRONOUNS
                and self.text[at : at + len(written)] == written
                and after not in "'’"
                and not named_before  # not "Trump has ..., but [Donald Trump] signaled ..."
            ):
                # "He expressed concern about inflation": "[Biden] expressed concern about inflation"
                return sentence_case(f"{self.text[:at]}[{self.speaker}]{self.text[at + len(written) :]}")
            return sentence_case(self.text)  # "The New York Democrat plans to ..."
        names = (self.speaker, *self.speaker_aliases)
        if not self.said and any(re.search(rf"(?<!\w){re.escape(surname(n))}(?!\w)", self.text, re.I) for n in names):
            return sentence_case(self.text)  # "... after Mevlut Cavusoglu urged Moscow to ...": the sentence says who
        speaker = self.speaker[:1].upper() + self.speaker[1:]  # "two U.S. officials" opens a line
        many = _plural(self.speaker, self.speaker_is_name)
        verbs = LABEL_VERBS.get(self.stance or "") or LABEL_VERBS.get(self.cue) if self.said else None
        if verbs and self.stance == "deny" and self.said[:1] in '"“':
            verbs = None  # the words a denier is quoted with are said ("dismisses that suggestion, saying “...”")
        said = _closed_quote(self.said or self.text)
        if self.said and self.stance == "appeal":
            verbs, said = _appeal_verbs(self.cue, said, verbs)
        plural, singular = verbs or ("say", "says")
        if self.said and _ends_cut(self.text, self.said):
            said += " …"  # the excerpt stops mid-statement ("would need..."): the label must not read as whole
        return f"{speaker} {plural if many else singular}: {said}"


def cut_short(text: str) -> bool:
    """Does a text end where its excerpt or feed was cut ("... all active-duty troops would need...")?"""
    return text.rstrip().endswith(("...", "…"))


def _ends_cut(text: str, said: str) -> bool:
    """Does ``text`` end cut short right where ``said`` ends (and ``said`` does not show it)?"""
    if not cut_short(text) or cut_short(said):
        return False
    return text.rstrip(".… ").endswith(said.rstrip(".… ")[-40:])


# the verb of a label by its statement's stance, or its cue's lemma: "Aliyev and Turkey deny that Syrian militants
# have entered ..." is what they deny, not what they say; "They allege Kurdish militants are fighting ..." an
# allegation, not a statement of fact; "A new study finds: ...", not "says"
LABEL_VERBS = {"deny": ("deny", "denies"), "warn": ("warn", "warns"), "accuse": ("allege", "alleges")}
LABEL_VERBS |= {verb: (verb, verb + "s") for verb in ("show", "find", "reveal", "suggest", "indicate")}
# an appeal is told by its own verb: "Democrats demand: the FBI explain ...", "Biden urges: ..."
APPEAL_VERBS = {"urge", "demand", "request", "plead", "appeal"}


def _appeal_verbs(cue: str, said: str, otherwise):
    """The verbs an appeal's label is told by, and what follows them: "demand: the FBI explain ...", "calls for: an
    inquiry" (a call only before "for"), "asks: “Will the port reopen?”" (asked only as a quoted question: an answer
    quoted beside "asked" is said, and a reported ask loses its "whether" in the label); else ``otherwise``."""
    if cue in APPEAL_VERBS:
        return (cue, cue + "s"), said
    if cue == "call" and said.startswith("for "):
        return ("call for", "calls for"), said[4:]
    if cue == "ask" and said[:1] in '"“' and "?" in said:
        return ("ask", "asks"), said
    return otherwise, said


def _closed_quote(said: str) -> str:
    """A quotation of several sentences is claimed one sentence at a time; each shows in a pair of marks of its own
    (“There are no trifles in the fight against terrorism. / It is important ... ahead of the curve”)."""
    if '"' in said and ("“" in said or "”" in said):
        return said  # marks mixed with straight ones ('called "Forward: Notes on ...,” is'): nothing to pair surely
    if '"' in said:  # straight marks only: an odd one at an end is the one its pair is in the next sentence
        if said.count('"') % 2 and said.startswith('"'):
            return said.rstrip() + '"'
        if said.count('"') % 2 and said.rstrip().endswith('"'):
            return '"' + said
        return said
    opens, closes = said.count("“"), said.count("”")
    if opens > closes and said.rfind("“") > said.rfind("”"):
        return said.rstrip() + "”"
    if closes > opens and ("“" not in said or said.find("”") < said.find("“")):
        return "“" + said
    return said


# who speak as many ("Officials said ...", "Police say ...")
PLURAL_SPEAKERS = {"officials", "authorities", "police", "residents", "witnesses", "experts", "analysts", "critics"}
PLURAL_SPEAKERS |= {"sources", "investigators", "prosecutors", "lawmakers", "leaders", "officers", "doctors"}
PLURAL_SPEAKERS |= {"scientists", "researchers", "activists", "protesters", "rebels", "diplomats", "observers"}
PLURAL_SPEAKERS |= {"democrats", "republicans", "senators", "members", "students", "parents", "workers", "people"}
PLURAL_SPEAKERS |= {"they", "we", "you", "i"}  # "They say", "You say", "I say"
# what shows or finds, as a sentence opens on it ("Videos show: ...", not a name such as "Reuters")
PLURAL_SPEAKERS |= {"videos", "polls", "reports", "records", "documents", "emails", "photos", "images", "studies"}
PLURAL_SPEAKERS |= {"surveys", "figures", "statistics", "results", "estimates", "filings", "messages", "texts"}


QUANTIFIERS = {"percent", "some", "most", "all", "half", "majority", "one", "none"}  # of whom? the noun after
# the last word of one body's name, "and" or not ("Job Openings and Labor Turnover Survey")
ONE_BODY = {"administration", "agency", "association", "board", "bureau", "center", "centre", "commission"}
ONE_BODY |= {"committee", "council", "department", "foundation", "institute", "ministry", "office", "prevention"}
ONE_BODY |= {"organization", "organisation", "service", "survey", "act", "company", "group", "report", "study"}
PLURAL_QUANTIFIERS = {"many", "several", "both", "dozens", "hundreds", "thousands", "millions"}  # "Thousands of Cubans"


def _plural(speaker: str, is_name: bool = False) -> bool:
    """Is a speaker many ("Officials", "Security researchers", "Senate Democrats", "Ann Lee and Omar Diaz")? A
    capitalised last word ending in "s" is a name ("Reuters"); so is one entity's name with "and" in it."""
    words = speaker.split()
    core = TRAILING_PHRASE.split(speaker, maxsplit=1)[0].split() or words  # "members of the ...": "members"
    if core[-1].lower() in QUANTIFIERS:
        core = words  # "Fifty-nine percent of respondents", "One in four hospitals": the respondents, hospitals
    first, last = words[0].lower(), core[-1]
    return (
        (" and " in speaker and not is_name and last.lower() not in ONE_BODY)
        or last.lower() in PLURAL_QUANTIFIERS
        or first in PLURAL_SPEAKERS
        or last.lower() in PLURAL_SPEAKERS
        or (first == "the" and last.endswith("s") and not last.endswith(("ss", "us", "is")))
        or (last.islower() and last.endswith("s") and not last.endswith(("ss", "us", "is")))
    )


_SPOKEN_WHEN = re.compile(
    rf",?\s+(?:(?:on|late|early)\s+)?(?:(?:last|this)\s+)?(?:{'|'.join(WEEKDAYS)}|yesterday|today|week|night)$", re.I
)  # "Democratic lawmakers on Friday"


MAX_SHOWN_WORDS = 12  # a speaker described at more length than this is shown by the entity's name
_AMOUNT = re.compile(r"[$€£%]")
_POSSESSIVE_END = re.compile(r"(?:'s|’s)$")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)?")
_CLAUSE_AFTER = re.compile(r",\s|\s+(?:who|which|that|familiar with)\s")  # "Abbott, a Republican"


def shown_speaker(mention: str | None, entity) -> str | None:
    """How a claim names its speaker: by the entity's name, unless the entity only describes who speak, as their
    place, nationality or body ("two U.S. officials", "Democratic lawmakers", "a Pentagon spokesman", "ethnic
    Armenian forces in Nagorno-Karabakh"): they are not the country or the body ("Democratic says" is no sentence,
    and anonymous officials are not a government's word), so the mention's own words are shown."""
    if entity is None:
        return _POSSESSIVE_END.sub("", mention) if mention else mention  # "A Virginia father’s (charge)"
    if entity.type != "PERSON" and mention:
        shown = _PARENTHESIS.sub("", mention)  # "The Food and Drug Administration (FDA"
        shown = _SPOKEN_WHEN.sub("", _CLAUSE_AFTER.split(shown, maxsplit=1)[0])  # "Abbott, a Republican"
        shown = _POSSESSIVE_END.sub("", shown)  # "A Virginia father’s (claim)"
        words = shown.split()
        if words and words[0].lower() == "the":
            words = words[1:]
        names = {entity.name.lower(), *(a.lower() for a in entity.aliases)}
        within = any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", shown, re.I) for n in names)
        within = within or _names_its_people(words, names)  # "Democratic senators": of the Democrats
        if (
            words
            and within  # not "It" or "They" standing for the body, nor "The operator of the dam, Varnhold Hydro"
            and " ".join(words).lower() not in names  # not "Russia" or "the Kremlin"
            and len(words) <= MAX_SHOWN_WORDS
            and not _AMOUNT.search(shown)  # "The $3.5 trillion most House and Senate Democrats": a misparse
        ):
            return shown
    return entity.name


def _names_its_people(words: list[str], names: set[str]) -> bool:
    """Does a capitalised word of the mention name the entity's people or party ("Italian" of Italy, "Democratic"
    of the Democrats: the same stem of four letters or more)?"""
    name_words = {_POSSESSIVE_END.sub("", w) for n in names for w in n.split()}  # "facebook's oversight board"
    stems = {w[:4] for w in name_words if len(w) >= 4}
    return any(
        w[:1].isupper()
        and len(w) >= 4
        and w[:4].lower() in stems
        and _POSSESSIVE_END.sub("", w.lower()) not in name_words
        for w in words
    )  # not a word of the name itself ("Trump" of the Trump Organization is its short form, or a person)


def surname(name: str) -> str:
    """The last word of a name, suffixes ("Jr", "III") aside, lower-cased."""
    parts = [p for p in re.split(r"\s+", name.strip()) if p.rstrip(".") not in ("Jr", "Sr", "II", "III")]
    return parts[-1].lower() if parts else name.lower()


RELATIVE_WORDS = {"which", "who", "whom", "whose"}


def _listed(names: list[str]) -> str:
    """ "A", "A and B", "A, B and C" (not "A and B and C")."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def word_root(span):
    """The span's root word: spaCy's ``Span.root`` is the highest token, which may be a sentence's closing mark
    ("... than we had anticipated.”" hangs its "." on the sentence's verb); then the highest word."""
    root = span.root
    if not (root.is_punct or root.is_space):
        return root
    words = [t for t in span if not (t.is_punct or t.is_space) and not (span.start <= t.head.i < span.end)]
    return min(words, key=lambda t: len(list(t.ancestors))) if words else root


def said_text(content) -> str:
    """What a speaker says, to show after "X says:": the quotation, or the clause the cue reports ("He added
    that thousands of radicals ..." -> "thousands of radicals ..."); "" when the content is no clause of its
    own ("urged Moscow to be more active": to be shown in the sentence that says it)."""
    words = [t for t in content if not t.is_space and not t.is_punct]
    if len(words) < 4:
        return ""
    text = content.text.strip()
    quoted = text[:1] in '"“'
    if not (quoted or text[:1].isalnum()):
        return ""  # a piece of a sentence (markup, a dash) rather than a clause
    root = word_root(content)
    if not quoted and not any(t.dep_ in ("nsubj", "nsubjpass", "expl") and t.head == root for t in content):
        return ""
    if not quoted and root.pos_ not in ("VERB", "AUX"):
        return ""  # a verbless small clause ("declaring all transactions illegal"): "X says: all transactions illegal"
    if not quoted and content[0].lower_ in RELATIVE_WORDS:
        return ""  # "the FBI, which they say failed to act": "which ..." says nothing on its own
    if not quoted and content[0].lower_ == "that" and content[0].head.dep_ == "relcl":
        return ""  # "a mandate that could force millions to get shots, he said": a relative clause
    contracted = len(content) > 1 and content[1].text[:1] in "'’"  # "that's a lie", "That’s the news"
    if not quoted and content[0].lower_ in ("that", "whether") and content[0].text != "That" and not contracted:
        text = text[len(content[0].text) :].lstrip()  # "said that ...", not "That's roughly an 80% drop, CNN reported"
    text = re.sub(r"[,;:]\s*([’”\"]?[”\"]?)$", r"\1", text)  # “... including Russia,” -> “... including Russia”
    return _TRAILING_CONJUNCTION.sub("", text)  # "... since the late 1970s and" (a clause cut from its sentence)


def _said_aloud(statement, content) -> bool:
    """Is what a statement reports said, so that its claim reads "X says: ..."? A quotation, a "that" clause, a line
    form ("Kirby: ..."), or a cue of saying; not an act the attribution model also takes ("launching what is
    certain to be a lengthy debate")."""
    cue = statement.cue or ""
    if statement.kind == "direct" or not cue or cue.startswith("(") or content[0].lower_ == "that":
        return True
    return cue_of_saying(cue) or any(stem(w) in _FINDING_STEMS for w in cue.lower().split())  # "has shown"


_FINDING_STEMS = frozenset(stem(verb) for verb in ("show", "shown", "find", "found", "reveal", "suggest", "indicate"))


def _inside_quotes(doc, token_i: int, quotes: list[tuple[int, int]]) -> bool:
    idx = doc[token_i].idx
    return any(s <= idx < e for s, e in quotes)


def _pieces(sent) -> list[tuple[int, int]]:
    """Token ranges of the independent clauses of a sentence ("A did X, and B did Y" -> two)."""
    root = sent.root
    cuts = []
    for child in root.children:
        if (
            child.dep_ == "conj"
            and child.pos_ in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and child.left_edge.i > root.i
        ):
            cuts.append(child.left_edge.i)
    for token in sent:
        if token.text == ";" and sent.start < token.i < sent.end - 1:
            cuts.append(token.i + 1)
    bounds = [sent.start, *sorted(set(cuts)), sent.end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b - a >= 4]


def _cue_root(doc, statement):
    """The root token of a statement's cue ("said", "warning"), or None where the cue's characters are no tokens."""
    span = doc.char_span(statement.cue_start, statement.cue_end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _main_statement(doc, best, attributed):
    """The statement a sentence is labelled by: the one that covers most of it, unless that one says no clause
    and hangs on the cue of a statement of the same speaker that does ("Tensions with China are at their worst in
    40 years, Taiwan's defence minister has said, warning of the risk of an accidental strike": the warning of a
    risk is no claim of its own; "dismissed the report, saying ..." keeps what is said)."""
    cue = _cue_root(doc, best.statement)
    content = doc.char_span(best.statement.start, best.statement.end, alignment_mode="expand")
    if cue is None or content is None or word_root(content).pos_ in ("VERB", "AUX"):
        return best
    for other in attributed:
        same_speaker = (other.speaker_entity or other.speaker) == (best.speaker_entity or best.speaker)
        if other is best or not same_speaker:
            continue
        governing = _cue_root(doc, other.statement)
        said = doc.char_span(other.statement.start, other.statement.end, alignment_mode="expand")
        if governing is None or governing.i == cue.i or not governing.is_ancestor(cue) or said is None:
            continue
        if word_root(said).pos_ in ("VERB", "AUX"):
            return other
    return best


# a page's own stamp of when it was published or updated ("PUBLISHED: MONDAY, MARCH 11, 2013", "Monday, Sep 10,
# 2012 | Updated 9: 01 AM EDT", "... posted in Pedestrian Accidents on Wednesday, September 18, 2013."): two pages'
# stamps are no two dates of one event
PUBLICATION_STAMP = re.compile(
    r"(?i:\b(?:published|updated|posted|last modified)\s*:)|\|\s*(?i:updated|posted|published)\b|"
    r"(?<!was )(?<!were )(?<!been )(?<!is )\bposted in [^.]{0,60}? on "
    r"(?:\w+day,\s*)?[A-Z][a-z]+\.? \d{1,2},? (?:19|20)\d\d\.?\s*$"
)


def extract_claims(
    article_id: str,
    group: str,
    doc,
    statements: list,  # SpeakerStatement of this article
    entities: dict,  # entity id -> Entity
    quotes: list[tuple[int, int]],
    times: list[TimeExpr],
    published: str | None,
    start_index: int,
) -> list[Claim]:
    out: list[Claim] = []
    for s_index, sent in enumerate(doc.sents):
        words = [t for t in sent if t.is_alpha]
        if len(words) < 4 or sent.text.rstrip().endswith("?"):
            continue
        if not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue  # a heading, caption or byline fragment
        if PUBLICATION_STAMP.search(sent.text):
            continue  # "PUBLISHED: MONDAY, MARCH 11, 2013, 10: 34 PM": when the page was written, no news
        attributed = [
            s
            for s in statements
            if s.statement.start < sent.end_char
            and sent.start_char < s.statement.end
            and not (s.speaker_entity is None and writer_speaking(s.statement, quotes))  # the writer's own voice
            and not said_in_an_aside(doc, s.statement)
        ]
        if not attributed:
            if _imperative(sent):
                continue  # "Don't wear a mask.", "Read more here": an order or a plea, no claim of fact
            outside = [t for t in sent if not _inside_quotes(doc, t.i, quotes)]
            if any(first_person(t) for t in outside) or any(t.lower_ in OPINION_MODALS for t in outside):
                continue  # unattributed opinion
        pieces = [(sent.start, sent.end)] if attributed else _pieces(sent)
        for a, b in pieces:
            span = doc[a:b]
            start, end = span.start_char, span.end_char
            text = span.text
            trimmed = _EDGE.sub("", text)
            if trimmed != text and trimmed:
                start += text.find(trimmed)
                end = start + len(trimmed)
                text = trimmed
            lead = dateline_end(text) or label_end(text)  # "GRENNHAVEN, April 15 (CPA) – ", "Why it matters: "
            if lead and len(text) - lead > 20:
                start, text = start + lead, text[lead:]
            speaker = speaker_entity = stance = speaker_key = None
            speaker_is_name, speaker_aliases = False, ()
            written_speaker = None
            if attributed:
                best = max(
                    attributed,
                    key=lambda s: min(end, s.statement.end) - max(start, s.statement.start),
                )
                best = _main_statement(doc, best, attributed)
                speaker_entity = best.speaker_entity
                speaker_key = _speaker_key(doc, best.statement)
                together = [  # a group statement ("Azerbaijan and Turkey deny ...") has one row per speaker
                    shown_speaker(s.statement.antecedent or s.speaker, entities.get(s.speaker_entity or ""))
                    for s in attributed
                    if (s.statement.start, s.statement.end) == (best.statement.start, best.statement.end)
                ]
                together = list(dict.fromkeys(x for x in together if x))
                speaker = _listed(together) if together else None
                entity = entities.get(speaker_entity or "")
                speaker_is_name = entity is not None and together == [entity.name]
                speaker_aliases = tuple(entity.aliases) if speaker_is_name else ()
                written = best.statement.speaker  # "The New York Democrat plans to ...": the sentence says who
                at, until = best.statement.speaker_start, best.statement.speaker_end
                if written and at is not None and until is not None and start <= at and until <= end:
                    written_speaker = (at - start, written)
                stance = best.statement.stance
            content = span
            cue_chars = {i for s in attributed for i in range(s.statement.cue_start, s.statement.cue_end)}
            if attributed:
                # the statement's pieces in this sentence: a statement that runs on into the next sentence ("...,
                # Naryshkin said in a statement Tuesday. “We cannot but be concerned” that ...") spans its cue too
                pieces = [(a, b) for a, b in best.statement.content_spans if a < end and b > start]
                first, last = (min(a for a, _ in pieces), max(b for _, b in pieces)) if pieces else (0, len(doc.text))
                cs = max(start, best.statement.start, first)
                ce = min(end, best.statement.end, last)
                # (a statement may lie wholly in a dateline the claim leaves out: then the claim is the sentence)
                content = (doc.char_span(cs, ce, alignment_mode="expand") if cs < ce else None) or span
            root = word_root(content)
            said = said_text(content) if attributed and content is not span else ""
            if said and not _said_aloud(best.statement, content):
                said = ""  # "senators unveiled ..., launching what is certain to be a lengthy debate": an act
            heads = {root.i: root, span.root.i: span.root}
            cue_lemma = ""
            if attributed:  # "China has not declared ...", "evidence does not show ...": the cue is negated
                cue = doc.char_span(best.statement.cue_start, best.statement.cue_end, alignment_mode="expand")
                if cue is not None and len(cue):
                    heads[cue.root.i] = cue.root
                    cue_lemma = cue.root.lemma_.lower()
            negated_heads = [h for h in heads.values() if _negated_verb(h)]
            has_neg = len(negated_heads) % 2 == 1
            has_deny = any(_denies(h) for h in {span.root.i: span.root, root.i: root}.values())
            negated = has_neg != has_deny  # "does not deny" asserts
            negated_act = _act(negated_heads[0], speaker_key, quotes) if negated and negated_heads else None
            non_answer = negated and any(_non_answer(h) for h in negated_heads)
            negated_verbs = (
                frozenset(stem(t.lemma_.lower()) for t in _with_xcomps(negated_heads[0]))
                if negated_act
                else frozenset()
            )
            # an if-clause on the main verb; for a negated claim also wherever the parse hangs it ("would not have
            # placed him on injured reserve if ...")
            conditional = _has_condition(root.children) or (
                negated_act is not None and _has_condition([*span.root.children, *content])
            )
            answer_verbs = frozenset(
                stem(t.lemma_.lower())
                for t in span
                if t.pos_ in ("VERB", "AUX") and not _negated_verb(t) and _non_answer(t)
            )
            content_lemmas = frozenset(
                stem(t.lower_)
                for t in content
                if t.is_alpha
                and not t.is_stop
                and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
                and t.idx not in cue_chars
                and t.lemma_.lower() not in DENY_LEMMAS
            )
            lemmas = frozenset(
                stem(t.lower_)
                for t in span
                if t.is_alpha
                and not t.is_stop
                and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM")
                and t.idx not in cue_chars
            )
            verbs = frozenset(t.lemma_.lower() for t in span if t.pos_ == "VERB" and t.idx not in cue_chars)
            proper = [
                t
                for t in span
                if t.pos_ == "PROPN" and t.is_alpha and t.lower_ not in WEEKDAYS and t.lower_ not in MONTHS
            ]
            claim_times = []
            for expr in times:
                if start <= expr.start < end and not _spoken_deixis(expr, quotes):
                    claim_times.append(_dated(doc, expr))
            if len({d.expr.date for d in claim_times if d.thing is None}) > 1:
                claim_times = [d._replace(clause=_clause_of(doc, d.expr, claim_times, start, end)) for d in claim_times]
            out.append(
                Claim(
                    index=start_index + len(out),
                    article_id=article_id,
                    group=group,
                    start=start,
                    end=end,
                    text=text,
                    sentence=s_index,
                    speaker=speaker,
                    speaker_is_name=speaker_is_name,
                    speaker_aliases=speaker_aliases,
                    written_speaker=written_speaker,
                    speaker_entity=speaker_entity,
                    stance=stance,
                    cue=cue_lemma,
                    negated=negated,
                    negated_act=negated_act,
                    denied_about=_own_subject(root) if has_deny and attributed else frozenset(),
                    denied_doer=has_deny and attributed and any(c.dep_ == "nsubj" for c in root.children),
                    non_answer=non_answer,
                    negated_verbs=negated_verbs,
                    all_stems=frozenset(stem(t.lemma_.lower()) for t in span if t.is_alpha),
                    said_no_to=_said_no_to(span),
                    answer_verbs=answer_verbs,
                    acts=frozenset(
                        _act(t, speaker_key, quotes)
                        for h in heads.values()
                        for t in _asserted_verbs(h)
                        if not _negated_verb(t)
                    ),
                    conditional=conditional,
                    lemmas=lemmas,
                    names=frozenset(stem(t.lower_) for t in proper),
                    # not a title's ("“From the Desk of Donald J. Trump”")
                    names_outside_quotes=frozenset(
                        stem(t.lower_) for t in proper if not _inside_quotes(doc, t.i, quotes)
                    ),
                    content=content.text,
                    said=said,
                    content_lemmas=content_lemmas,
                    verbs=verbs,
                    quantities=find_quantities(text, span, offset=start),
                    times=claim_times,
                    published=published,
                )
            )
    return out


CLAIM_NOUNS = {"claim", "allegation", "accusation", "report", "charge", "suggestion", "assertion", "idea", "notion"}
CLAIM_NOUNS |= {"rumor", "rumour", "story", "account", "finding", "conclusion"}


def said_in_an_aside(doc, statement) -> bool:
    """The cue is a relative clause on a noun of the sentence, its speaker inside it: "AFP gave no details of the
    offer it said had been made by ..." (the offer "it said" was made; what AFP did is the writer's report). Not
    "progressives, who say ...", where the noun the clause hangs on is the speaker."""
    if statement.speaker_start is None or statement.speaker_end is None:
        return False
    span = doc.char_span(statement.cue_start, statement.cue_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    cue = span.root
    if cue.dep_ != "relcl" or cue.head.i > cue.i:
        return False
    if any(c.dep_ == "prep" and any(w.lower_ in RELATIVE_WORDS for w in c.children) for c in cue.children):
        return False  # "a speech in which she told migrants “do not come”": what she said is whole
    speaker = doc.char_span(statement.speaker_start, statement.speaker_end, alignment_mode="expand")
    if speaker is None or not len(speaker):
        return False
    return cue.head.idx < speaker.start_char and speaker[0].lower_ not in RELATIVE_WORDS | {"that"}


def _imperative(sent) -> bool:
    """A sentence in the imperative: its main verb in the base form with no subject and no modal."""
    root = sent.root
    return (
        root.tag_ == "VB"
        and root.i - sent.start <= 3
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in root.children)
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children)
    )


def _denies(verb) -> bool:
    """ "denied that ...", "rejected claims that ...", "denies any wrongdoing"; not "the court rejected the appeal"."""
    lemma = verb.lemma_.lower()
    if lemma not in DENY_LEMMAS:
        return False
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in COURTS for c in verb.children):
        return False  # "a federal court dismissed the complaint": a ruling, not a denial
    if lemma == "deny":  # not "denied the request by abortion providers", "denied bail": a decision, no denial
        return not any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in DECIDED for c in verb.children)
    return any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in CLAIM_NOUNS)
        for c in verb.children
    )


COURTS = {"court", "judge", "justice", "tribunal", "panel", "jury", "magistrate", "appeals"}
# what an authority grants or denies: denying one decides, it does not say a claim is false
DECIDED = {"request", "motion", "appeal", "application", "petition", "bail", "permit", "visa", "entry", "access"}
DECIDED |= {"bid", "waiver", "extension", "stay", "injunction", "license", "licence", "asylum", "parole", "permission"}
DECIDED |= {"approval", "exemption", "pardon", "clemency", "relief", "certiorari", "review", "hearing", "service"}


def _negated_verb(verb) -> bool:
    """Is this verb negated ("did not approve", "has not declared", "was not informed")? Not "not until" ("will
    not be released until he is charged": it will, then) nor "not X but Y" (Y is asserted)."""
    negated = any(_negates(c) for c in verb.children) or any(
        _negates(c) for aux in verb.children if aux.dep_ in ("aux", "auxpass") for c in aux.children
    )
    return negated and not _until(verb) and not _corrected(verb)


NON_ANSWERS = {"say", "know", "tell", "confirm", "disclose", "reveal", "specify", "explain", "indicate", "sure"}
NON_ANSWERS |= {"certain", "clear", "comment", "elaborate", "speculate", "identify", "name"}
QUESTION_WORDS = {"whether", "if", "what", "why", "how", "who", "whom", "which", "when", "where"}


def _non_answer(verb) -> bool:
    """ "Police could not say how many shots were fired", "did not know whether ...", "would not comment",
    "isn't sure what caused it": what a source does not know or will not tell, which asserts nothing either way."""
    head = verb
    if verb.lemma_.lower() == "be":  # "is not sure what ..."
        head = next((c for c in verb.children if c.dep_ == "acomp"), verb)
    lemma = head.lemma_.lower()
    if lemma not in NON_ANSWERS:
        return False
    if lemma in ("comment", "elaborate", "speculate"):
        return True
    for child in head.children:
        if child.dep_ in ("ccomp", "dobj", "xcomp", "advcl", "pobj", "prep"):
            if child.left_edge.lower_ in QUESTION_WORDS or any(
                t.lower_ in ("whether", "if") and t.dep_ == "mark" for t in child.children
            ):
                return True
    return False


def _has_condition(tokens) -> bool:
    """Is one of ``tokens`` an adverbial clause opened by "if" or "unless"?"""
    return any(
        t.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in t.children) for t in tokens
    )


def _with_xcomps(verb) -> list:
    """The verb and the verbs of its complements ("will not begin requiring proof": begin, require; "has not agreed
    to probe how the department handled ...": agree, probe, handle)."""
    out = [verb]
    for child in verb.children:
        if child.dep_ in ("xcomp", "ccomp") and child.pos_ in ("VERB", "AUX"):
            out.extend(_with_xcomps(child))
    return out


def _corrected(verb) -> bool:
    """ "The source was not one person, but a combination of several": the negation trades one complement for
    another, which is asserted (unlike "did not attend, but sent a message", where "but" joins two verbs)."""
    return any(
        c.dep_ in ("attr", "dobj", "acomp", "prep")
        and any(cc.dep_ == "cc" and cc.lower_ == "but" for cc in c.children)
        and any(x.dep_ == "conj" for x in c.children)
        for c in verb.children
    )


def _until(verb) -> bool:
    """ "It wasn't until May 30 that ...", "could not be rescued until the next morning": it happened then."""
    return any(
        c.lower_ in ("until", "till")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("until", "till") for m in c.children))
        for c in verb.children
    )


def _negates(token) -> bool:
    """A negation of its head, not the idiom "cannot but" (which asserts) nor a hedge ("is not completely new",
    "not only ... but", "not necessarily"), which qualifies the claim rather than denying it."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.dep_ == "neg" and not (nxt is not None and (nxt.lower_ == "but" or nxt.lower_ in NOT_HEDGES))


NOT_HEDGES = {"only", "just", "merely", "simply", "always", "necessarily", "completely", "entirely", "fully"}
NOT_HEDGES |= {"quite", "exactly", "all", "totally", "wholly"}


def _spoken_deixis(expr: TimeExpr, quotes: list[tuple[int, int]]) -> bool:
    """ "Tomorrow", "today", "yesterday" inside a quotation count from when the words were said (a tweet "on
    Monday"), which the publication date does not give: such an expression dates nothing."""
    return expr.kind == "relative_day" and any(s <= expr.start < e for s, e in quotes)


def _own_subject(verb) -> frozenset[str]:
    """The stemmed nouns of a clause's own subject ("that cost played any part" -> cost; "that any job cuts are
    planned" -> job, cut); none when the subject is a pronoun or borrowed ("deny deploying ...")."""
    head = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return frozenset()
    nouns = [head, *(c for c in head.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN"))]
    return frozenset(stem(t.lower_) for t in nouns)


def _dated(doc, expr: TimeExpr) -> Dated:
    """What a time expression dates: the verb it attaches to ("gave way late Monday" -> "give"), or, when it
    names the day of a thing ("the Jan. 6 insurrection", "his August 31 deadline"), that thing."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or not len(span):
        return Dated(expr, None)
    token = span.root
    if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
        return Dated(expr, None, token.head.lemma_.lower())
    token = _governing_verb(token, expr)
    if token is None:
        return Dated(expr, None)
    if token.lemma_.lower() == "date" and token.dep_ == "acl" and token.head.pos_ == "NOUN":
        return Dated(expr, None, token.head.lemma_.lower())  # "the letter dated April 16": the letter's day
    if token.lemma_.lower() in ("end", "begin", "start") and token.head.lemma_.lower() in PERIODS:
        return Dated(expr, None, token.head.lemma_.lower())  # "in the week ended July 3": the week's day
    if token.dep_ == "relcl" and token.head.pos_ in ("NOUN", "PROPN") and expr.precision != "day":
        # "a Trump-era rule that went into effect last year": background to the thing, not the news
        return Dated(expr, None, token.head.lemma_.lower())
    # "the area of Haiti where an earthquake on Saturday killed ...": a relative clause on a common noun
    # tells background; on a name ("Frances Haugen, who blasted her ex-employer on Tuesday") the news
    background = token.dep_ == "relcl" and token.head.pos_ == "NOUN"
    present = token.tag_ in ("VBZ", "VBP")
    return Dated(expr, token.lemma_.lower(), background=background, cited=_cited(token), present=present)


def _governing_verb(token, expr: TimeExpr):
    """The verb a time expression's word hangs on (at most six heads up, outside the expression), or None."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and not (expr.start <= token.idx < expr.end) and not _hyphened(token):
            return token
        if token.head == token:
            return None
        token = token.head
    return None


SEPARABLE = {"advcl", "conj", "relcl", "acl", "parataxis"}  # clauses a sentence's other day may sit in


def _clause_of(doc, expr: TimeExpr, dated: list[Dated], start: int, end: int) -> str | None:
    """The clause a time expression dates, without the clauses that hold the sentence's other days: "... will
    return to work on Monday after their union reached a deal ... late Sunday" gives "their union reached a deal
    with the port authority late Sunday" for Sunday and "Dockworkers ... will return to work on Monday" for Monday.
    None (the sentence is shown whole) unless that leaves one unbroken run of words that names who does it."""
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = _governing_verb(span.root, expr)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or subject.tag_ in ("WDT", "WP"):
        return None  # "which could come as soon as tomorrow": the clause names no one
    others = [d.expr for d in dated if d.expr.date != expr.date and d.thing is None]  # not "the Jan. 6 riot"
    drop = set()
    for child in verb.children:
        inside = list(child.subtree)
        lo, hi = inside[0].idx, inside[-1].idx + len(inside[-1])
        if any(lo <= o.start < hi for o in others) and not (lo <= expr.start < hi):
            if child.dep_ not in SEPARABLE:
                return None  # "moved to arrange the vote for Saturday": the other day is in what is done
            drop |= {t.i for t in inside}
    drop |= {c.i for c in verb.children if c.dep_ == "mark"}  # "after (their union reached a deal)"
    tokens = [t for t in verb.subtree if t.i not in drop and start <= t.idx < end]  # the claim's words only
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens or tokens[-1].i - tokens[0].i + 1 != len(tokens):
        return None  # a clause with a hole in it reads as a riddle
    text = _EDGE.sub("", doc[tokens[0].i : tokens[-1].i + 1].text)
    return sentence_case(text) if text else None


def _cited(verb) -> str | None:
    """The source a sentence cites whose release ``verb`` tells: "according to data released Sunday" -> "data"."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ != "NOUN" or noun.dep_ != "pobj":
        return None
    prep = noun.head
    return noun.lemma_.lower() if prep.lower_ == "to" and prep.head.lower_ == "according" else None


PERIODS = {"week", "month", "quarter", "year", "period", "session", "term"}


def _hyphened(token) -> bool:
    """Part of a hyphenated word ("would-be migrants"): not a verb of the sentence."""
    doc = token.doc
    return token.i > 0 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_


def _asserted_verbs(root) -> list:
    """The verbs a claim asserts from ``root`` (its main verb, its statement's or its cue): the root and those
    joined to it ("intensified its crackdown ..., declaring all transactions illegal"); not those it only reports
    or mentions ("instead of taking it personally that somehow I'm saying 'Facebook is killing people'")."""
    if root.dep_ == "xcomp" and root.head.lemma_.lower() in REFUSALS:
        return []  # "declined to take questions" does not assert "take"
    refused = root.lemma_.lower() in REFUSALS
    return [root, *(c for c in root.children if c.dep_ in ("conj", "advcl") or (c.dep_ == "xcomp" and not refused))]


NO_WORDS = {"not", "n't", "never", "no", "none", "nothing", "neither", "nor", "without", "nobody"}


def _said_no_to(span) -> frozenset[str]:
    """The acts a word of no in ``span`` hangs on, as stems of the verb and of its object (for a light verb's
    act): "No gun has been recovered" (recov), "declined to take questions" (declin, take, question)."""
    out = set()
    for token in span:
        if token.lower_ not in NO_WORDS and token.lemma_.lower() not in REFUSALS:
            continue
        head = token
        for _ in range(4):
            if head.pos_ in ("VERB", "AUX"):
                break
            head = head.head
        verbs = [head, *(c for c in head.children if c.dep_ == "xcomp")]
        for verb in verbs:
            out.add(stem(verb.lemma_.lower()))
            out |= {stem(c.lower_) for c in verb.children if c.dep_ == "dobj"}
    return frozenset(out)


REFUSALS = {"decline", "refuse", "fail", "avoid", "deny", "reject", "stop", "cease", "neglect", "forget"}


def _speaker_key(doc, statement) -> str | None:
    """The stemmed head of a statement's one speaker ("Caitlyn Jenner said ..." -> jenner), for the "she" of what
    the speaker says ("said Friday she is running"); None for a group or an unnamed source."""
    if statement.group or not statement.speaker_heads:
        return None
    span = doc.char_span(statement.speaker_heads[0], statement.speaker_heads[0] + 1, alignment_mode="expand")
    return stem(span.root.lower_) if span is not None and span.root.pos_ in ("NOUN", "PROPN") else None


SPEAKER_PRONOUNS = {"he", "she", "they"}


# "The court is set to hear ...", "is expected to": the subject does what follows; no passive act is done to it
RAISING = {"set", "expect", "schedule", "slate", "poise", "suppose", "say", "believe", "think", "report", "know"}


def _act(verb, speaker_key: str | None = None, quotes: list[tuple[int, int]] | None = None) -> Act:
    """The verb with its subject and object; a verb without its own subject ("..., declaring all transactions
    illegal") takes the one of the verb it hangs on; in what a speaker is reported to say, "he", "she" or "they"
    is the speaker (``speaker_key``: "Jenner said she is running"), not inside a quotation, where the speaker is "I"
    ("“he's a great coach,” DiLeo said" is about someone else)."""

    def is_the_speaker(head) -> bool:
        return (
            head is not None
            and speaker_key is not None
            and head.lower_ in SPEAKER_PRONOUNS
            and "subj" in head.dep_
            and not _inside_quotes(head.doc, head.i, quotes or [])
        )

    def arg(token, deps):
        head = next((c for c in token.children if c.dep_ in deps), None)
        if is_the_speaker(head):
            return speaker_key
        return stem(head.lower_) if head is not None and head.pos_ in ("NOUN", "PROPN") else None

    def args(token, deps) -> frozenset[str]:
        """The argument's head and the nouns coordinated with it (the parser often makes the first of "the FBI and
        U.S. attorneys' offices" a modifier of the last)."""
        head = next((c for c in token.children if c.dep_ in deps), None)
        if is_the_speaker(head):
            return frozenset({speaker_key})
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            return frozenset()
        joined = [c for c in head.children if c.dep_ in ("conj", "nmod") and c.pos_ in ("NOUN", "PROPN")]
        return frozenset(stem(t.lower_) for t in (head, *joined))

    def owner(token) -> str | None:
        head = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if head is None or head.pos_ not in ("NOUN", "PROPN"):
            return None
        poss = next((c for c in head.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None)
        return stem(poss.lower_) if poss is not None else None

    doer = verb
    subject, whose = arg(verb, ("nsubj", "nsubjpass")), owner(verb)
    if subject is None and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
        doer = verb.head
        subject, whose = arg(doer, ("nsubj", "nsubjpass")), owner(doer)
    subjects = args(doer, ("nsubj", "nsubjpass")) if subject else frozenset()
    raising = verb.lemma_.lower() in RAISING and any(c.dep_ == "xcomp" for c in verb.children)
    if verb.tag_ == "VBN" and not raising and any(c.dep_ == "nsubjpass" for c in doer.children):
        # the passive's subject is what the act is done to, its agent ("by YouTube") the doer: "Paul has not been
        # suspended from YouTube" is the act of "YouTube suspended Paul"
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        return Act(
            verb=stem(verb.lemma_.lower()),
            subject=arg(agent, ("pobj",)) if agent is not None else None,
            object=subject,
            subjects=args(agent, ("pobj",)) if agent is not None else frozenset(),
            objects=subjects,
        )
    if verb.lemma_.lower() in LIGHT_VERBS:
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if noun is not None:  # "made its first transfer": the act is the noun's ("transferred")
            return Act(stem(noun.lower_), subject, None, whose, subjects)
    return Act(stem(verb.lemma_.lower()), subject, arg(verb, ("dobj",)), whose, subjects, args(verb, ("dobj",)))
