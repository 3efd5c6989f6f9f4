"""Regex fragments and word lists for the citation stage, in one place.

Fragments are small strings composed into verbose patterns, one named group
per field, so that each pattern reads like the grammar it implements. Word
lists (secondary phrases, particles, reference headings, messages) are data in
``analyser/data/citations.toml``.

Every pattern here must run in linear time on any input: no unbounded
repetition inside another repetition, every run of name characters or spaces
bounded (``{0,40}``). The matcher is driven by brackets found with
``BRACKET`` (at most 300 characters between a "(" and its ")"), and all other
patterns run on those short pieces, so the whole stage is linear in the length
of the document (see bench/bench_citations.py).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from analyser.resources import data_path


def _char_class(predicate) -> str:
    """A character class of every BMP code point satisfying `predicate`
    (Python's `re` has no \\p{Lu}), written as compact ranges."""
    ranges: list[tuple[int, int]] = []
    for code in range(min(sys.maxunicode, 0xFFFF) + 1):
        if predicate(chr(code)):
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = [re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges]
    return "[" + "".join(parts) + "]"


UPPER = _char_class(lambda c: c.isupper() or c.istitle())
LETTER = r"[^\W\d_]"
APOS = "'’"

# A capitalised word of a name: letters, inner apostrophes and hyphens
# ("O'Neill", "Alban-Metcalfe", "King's"), inner dots ("Gov.UK"), a digit
# between a letter and a capital (a body's name, "Place2Be", "Kids4Care";
# not "Covid19" or "Smith2019", a year run on), and a trailing apostrophe
# for plural possessives ("Carers'").
NAME_WORD = (rf"{UPPER}(?:{LETTER}|[{APOS}\-](?={LETTER})|\.(?={UPPER})|(?<={LETTER})\d(?={UPPER})){{0,40}}"
             rf"(?:[{APOS}](?!{LETTER}))?")

YEAR_NUMBER = r"(?:1[5-9]\d\d|20\d\d)"
# a year as cited: 2018, 2013a (not "1990s"), n.d., n.d.-a, "n.d" and "nd" (no stops: flagged), in press,
# forthcoming, no date; a republished work's two years, original first, "1915/1957" (APA 7's form, one
# citation: `republished_year` is the one its entry gives)
YEAR = rf"""
    (?P<year>
        {YEAR_NUMBER}(?:/{YEAR_NUMBER})?(?![\d])(?P<suffix>[a-rt-z](?!{LETTER}))?(?!{LETTER})
      | (?:n\.\s?d(?:\.|(?!{LETTER})) | nd\.?(?!{LETTER})) (?:-?(?P<nd_suffix>[a-z])(?!{LETTER}))?
      | no\s date | in\s press | forthcoming
    )"""

def republished_year(year: str) -> str:
    """The year a reference entry gives for a citation's year: a republished
    work cited with both its years ("1915/1957", original first) is listed
    under the edition read, the later (APA 7: "Freud, S. (1957). ...
    (Original work published 1915)"); any other year is itself."""
    return year.rsplit("/", 1)[-1] if "/" in year else year


# A page may open with a letter or a supplement's numeral: "p. S10", an
# article number's "p. e13", a supplement's "p. i14", "pp. ii1-ii30".
PAGE_NUMBER = r"(?:(?:[A-Za-z]|ii|iii|iv)?\d{1,5}|[ivxlcdm]{1,7}(?![a-z]))"
# A chapter or section keeps its label as written ("chapter 6", "Section 1.2"):
# the guides give no abbreviation for it in the text (APA 7 capitalises it).
# "Ch" is a label only apart from the letters after it: "Child Health" is no "Ch ild".
PAGES = rf"""
    (?P<plabel> pp\.? | pgs?\.? | p\.? | P\.(?=\s{{0,2}}\d{{1,3}}(?!\d)) | pages? | paras?\.? | paragraphs?
              | [Cc]h(?:ap)?\.?(?![a-z]) | [Cc]hapter | [Ss]ection | [Ss]ect?\. )
    \s{{0,3}}
    (?P<pvalue> {PAGE_NUMBER} (?: \.\d{{1,3}} ){{0,3}} (?: \s{{0,2}} [-–—] \s{{0,2}} {PAGE_NUMBER} )? )
    (?![\w])"""

# A time in a recording, the locator both guides give for a quotation from a
# video or podcast: "(Paediatric Pain Network, 2020, 4:12)", "00:14:32".
_TIMESTAMP = re.compile(r"\d{1,2}(?::[0-5]\d){1,2}(?![\d:])")


# The number of a labelled part after its label: "1.3.1", "3", "4b".
LOCATOR_NUMBER = re.compile(r"\s{1,2}(?P<value>\d{1,3}(?:\.\d{1,3}){0,3}[a-z]?)(?![\w.]|\.\d)")


def timestamp_at(text: str, start: int) -> re.Match[str] | None:
    """The time in a recording written at text[start:] ("4:12", "00:14:32"), if one is."""
    return _TIMESTAMP.match(text, start)


def normalise_pages(label: str, value: str) -> str:
    """Pages without their label, a range with a plain hyphen and no spaces;
    paragraphs keep a label ("para. 3"), and chapters and sections the label
    as written ("chapter 6", "Section 1.2"), which a fix keeps."""
    value = re.sub(r"\s*[-–—]\s*", "-", value.strip())
    lowered = label.lower().rstrip(".")
    if lowered.startswith("para"):
        return f"para. {value}"
    if lowered.startswith(("ch", "sec")):
        return f"{label} {value}"
    return value


DEBRIS = r"Page\s{1,3}\d{1,4}\s{1,3}of\s{1,3}\d{1,4}(?!\d)"

# A bracket with no bracket inside: the unit the finder works on.
BRACKET = re.compile(r"\((?P<content>[^()]{1,300})\)")

# "et al." as written, also "et. al." (flagged): whether a citation uses it.
ET_AL = re.compile(r"\bet\.?\s{0,2}al\b")

# Anything that can start a year: candidates without one are skipped cheaply.
YEARISH = re.compile(rf"{YEAR_NUMBER}|n\.\s?d\b|\bnd\b|no date|in press|forthcoming", re.I)

# A bracket that names a work and a page but no year: "(Okafor, p. 45)".
# (Tried with `match` on brackets without a year, so it is bounded.)
NO_YEAR = re.compile(rf"\s{{0,2}}{UPPER}[^\d()]{{0,80}}?,\s{{0,2}}(?:pp?|pgs?|paras?|page)\.?\s{{0,2}}\d")
# A bracket of names ending in "et al." and nothing else: "(Brooks et al.)", a
# work cited without its year ("et al." stands only for authors, so the
# bracket is a citation whatever the names). Used with `fullmatch` on a
# bracket's content (at most 300 characters).
ET_AL_ONLY = re.compile(rf"\s{{0,2}}{UPPER}[^\d();:,]{{0,60}}?\set\.?\s{{0,2}}al\.?\s{{0,2}}")

# A year outside brackets after a name: "Patel 2019 argues", "described by
# Okoro and Finch, 2021.", 1900-2099. The
# pattern starts with its space so that `re` looks for a literal; the finder
# checks the letter before it and reads the name backwards.
BARE_YEAR = re.compile(r" (?P<year>(?:19|20)\d\d)(?=,? [a-z]|[.;](?:\s|$))")


# " that" after a word: where a reporting verb may stand just before
# ("Ingram also argues that"). A literal, so the scan of a text is quick; the
# words before it are checked in code.
THAT = re.compile(r" that\b")

# "s" and a space before a capitalised word: where "As Whitlock argues, ..."
# may start. The pattern starts with a literal, so the scan is quick; the
# finder checks that the word is "As" and for a reporting verb and a comma
# after the name.
AS_NAME = re.compile(r"s (?=[A-Z])")


@lru_cache(maxsize=1)
def reporting_verbs() -> re.Pattern[str]:
    """A reporting verb (or "who") just after a year: "Patel 2019 argues",
    "Lee and Adeleke 2019 who explain"; also a verb saying what the author
    says or put out ("McCormack and McCance 2017 say", "The World Health
    Organisation 2015 published": `[names].subject_verbs`,
    `publishing_verbs`), which a name and a year before it make a citation
    ("Jasmine says" alone names a person in a case), also after one of the
    adverbs that stand between a name and its verb ("Allen 2011 similarly
    argued", "Lymbery 2012 also says": `[names].reporting_adverbs`)."""
    data = load_data()
    verbs = sorted(data.reporting_verbs | data.subject_verbs | data.publishing_verbs)
    adverbs = _alternatives(sorted(data.reporting_adverbs))
    return re.compile(rf",? (?:(?:{adverbs}) )?(?:who|{_alternatives(verbs)})\b")


@lru_cache(maxsize=1)
def rule_verb_after() -> re.Pattern[str]:
    """A verb for what a body's guidance says just after a year: "as NICE
    2012 advises", "the NMC 2018 requires" (`[names].rule_verbs`). Weaker
    than a reporting verb ("Vision 2020 sets out a plan"), it makes a
    citation only of a name the text cites or defines elsewhere."""
    data = load_data()
    adverbs = _alternatives(sorted(data.reporting_adverbs))
    return re.compile(rf",? (?:(?:{adverbs}) )?(?:{_alternatives(sorted(data.rule_verbs))})\b")


@lru_cache(maxsize=1)
def model_after() -> re.Pattern[str]:
    """A model's name just after a year: "Using Gibbs 1988 reflective
    cycle", "Driscoll 2007 model" (at most three lower-case words, the last
    a model's word: `[quotations].model_words`), which makes a name and a
    year without brackets before it a narrative citation, as a reporting
    verb does."""
    words = _alternatives(sorted(load_data().model_words))
    return re.compile(rf" (?:[a-z][a-z-]{{0,30}} ){{0,2}}(?:{words})\b")


@lru_cache(maxsize=1)
def subject_verb() -> re.Pattern[str]:
    """What follows a citation that is the subject of its sentence: a
    reporting verb ("suggests", "has shown", `[names].subject_verbs`:
    "says") or "who"."""
    data = load_data()
    verbs = _alternatives(sorted(data.reporting_verbs | data.subject_verbs))
    return re.compile(rf"\s{{1,3}}(?:(?:has|have|had)\s{{1,3}})?(?:also\s{{1,3}})?(?:who|{verbs})\b")


@lru_cache(maxsize=1)
def secondary_between() -> re.Pattern[str]:
    """A secondary phrase of two words or more between two narrative
    citations: "Kowalczyk (2010) cited in Drummond (2020)". (Not "in" or
    "cited" alone: "Okafor (2018) cited Lind (2013)" says who cited whom.)"""
    phrases = [p for p in load_data().secondary if " " in p]
    return re.compile(rf",?\s{{1,3}}(?:{_alternatives(phrases)})\s{{1,3}}", re.I)


@lru_cache(maxsize=1)
def colleagues_pattern() -> re.Pattern[str]:
    """"and colleagues", "and co-workers": words standing for the other authors."""
    return re.compile(rf"(?:\band|&)\s{{1,3}}(?:{_alternatives(list(load_data().colleagues))})(?![\w-])")


@dataclass(frozen=True)
class CitationData:
    """What analyser/data/citations.toml says, ready to use."""

    secondary: tuple[str, ...]  # phrases joining a work to the source read ("cited in")
    personal: tuple[str, ...]  # phrases marking a personal communication
    particles: frozenset[str]
    surname_joiners: frozenset[str]  # "i" in "Roqué i Figuls, M." (an entry's surname of two parts)
    connectors: frozenset[str]
    connectors_in_brackets: frozenset[str]  # ... and those only inside a bracket ("Cruelty to Children")
    openers: frozenset[str]
    name_openers: frozenset[str]  # ... that open a name before a possessive ("His Majesty's Inspectorate")
    joining_openers: frozenset[str]  # ... only before a joining word: "Drawing on Donnelly's (2010)"
    not_authors: frozenset[str]
    name_endings: frozenset[str]  # not authors, except as the last word of a longer name ("Standards Unit")
    policy_endings: frozenset[str]  # not authors as the last word of a longer name ("Soft Drinks Industry Levy")
    report_words: frozenset[str]  # "Reed Report (1992)": after one surname, the report its chair is cited for
    surname_labels: frozenset[str]  # not authors, except as a surname alone with no number after it ("Page")
    surname_months: frozenset[str]  # ... and months that are surnames beside another author ("Alcock and May")
    titled_years: frozenset[str]  # words a year belongs to ("Care Act 2014"): not a year in the running text
    organisation_words: frozenset[str]  # last words of an organisation's name ("Trust", "Commissioner")
    remit_endings: frozenset[str]  # ... that may end a remit after "and" inside one name ("Social Services")
    nation_words: frozenset[str]  # "British", "Irish": one before "and"/"&" opens a body's name ("British & Irish ...")
    field_words: frozenset[str]  # "Maritime": one before "and" opens a body's name ("Maritime and Coastguard Agency")
    bracket_openers: frozenset[str]  # openers that introduce citations in a bracket ("(see Okafor, 2018)")
    given_names: frozenset[str]
    named_after_people: frozenset[str]  # two-word organisations that look like a person ("Marie Curie")
    titles: frozenset[str]  # "Dr", "Sergeant" before a cited person's name (compared as written)
    courtesy_titles: frozenset[str]  # "Mrs", "Mr": titles of a case's people, never of a cited author
    colleagues: frozenset[str]
    reporting_verbs: frozenset[str]
    reporting_adverbs: frozenset[str]
    sentence_adverbs: frozenset[str]  # "However (Adeyemi, 2019) says": a linking adverb before the subject
    subject_verbs: frozenset[str]  # "(Bradford, 2017) says": more verbs after a bracket used as the subject
    publishing_verbs: frozenset[str]  # "The World Health Organisation 2015 published": a work put out
    rule_verbs: frozenset[str]  # "The NMC requires ...": what a body's rules say, besides the reporting verbs
    apposition_nouns: frozenset[str]  # "the regulator (NMC)": a noun an abbreviation's bracket names
    roles: frozenset[str]  # "(Ward Manager, personal communication)": a role, not a person
    people_words: frozenset[str]  # "Critics", "Proponents": people in general before a reporting verb, no author
    place_prepositions: frozenset[str]  # "from Scotland suggests that", "failings at X found that": no subject
    object_prepositions: frozenset[str]  # "for the Department for Work and Pensions found that": no subject
    local_places: frozenset[str]  # "Mind in Bradford": a place ending a local organisation's name after "in"
    before_narrative: tuple[str, ...]  # words after which a citation is a part of the sentence ("according to")
    before_bare_year: tuple[str, ...]  # words making a name and a year without brackets a citation ("according to")
    headings: frozenset[str]
    online: tuple[str, ...]
    paged_documents: tuple[str, ...]  # "final report" in an online entry's title: a document with pages
    personal_entries: tuple[str, ...]  # words in an entry marking a personal communication (no pages)
    web_page_words: tuple[str, ...]  # words in a sentence saying its source is a web page
    model_words: frozenset[str]  # "framework", "model": a short quoted phrase before one names it
    model_determiners: frozenset[str]  # "a simpler 'What? So what?' model": a determiner before the name
    calling_words: frozenset[str]  # "calls it a '...' framework": the author's words, quoted
    locator_words: frozenset[str]  # "(standard 2.1)" after a quotation: its locator, no page asked
    example_words: frozenset[str]  # '(e.g., "Tell me about your week")': an example's wording, no page asked
    speech_words: frozenset[str]  # "said", "told": someone in the sentence spoke the quotation
    written_speakers: frozenset[str]  # "guidance", "report": before a speech word, a document, not a speaker
    listener_words: frozenset[str]  # "told me": the quotation was spoken to the writer (no page)
    writer_words: frozenset[str]  # "I", "our": the writer speaks again after a quotation (their own term)
    exempt_sections: tuple[str, ...]
    claim_cues: frozenset[str]
    min_claim_sentences: int
    problems: dict[str, dict[str, str]]

    def message(self, code: str, variant: str = "message", **fields: Any) -> str:
        """The message for a problem; a style's rules fill in its fields
        (`CitationStyle.fields`)."""
        texts = self.problems[code]
        template = texts.get(variant) or texts.get("message") or next(iter(texts.values()))
        return template.format(**fields)


@lru_cache(maxsize=1)
def load_data() -> CitationData:
    with data_path("citations.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    names = raw["names"]
    paragraphs = raw["paragraphs"]
    return CitationData(
        secondary=tuple(p.lower() for p in raw["secondary"]["phrases"]),
        personal=tuple(p.lower() for p in raw["secondary"]["personal"]),
        particles=frozenset(w.lower() for w in names["particles"]),
        surname_joiners=frozenset(w.lower() for w in names["surname_joiners"]),
        connectors=frozenset(w.lower() for w in names["connectors"]),
        connectors_in_brackets=frozenset(w.lower() for w in names["connectors_in_brackets"]),
        openers=frozenset(w.lower() for w in names["openers"]),
        name_openers=frozenset(w.lower() for w in names["name_openers"]),
        joining_openers=frozenset(w.lower() for w in names["joining_openers"]),
        not_authors=frozenset(w.lower() for w in names["not_authors"]),
        name_endings=frozenset(w.lower() for w in names["name_endings"]),
        policy_endings=frozenset(w.lower() for w in names["policy_endings"]),
        report_words=frozenset(w.lower() for w in names["report_words"]),
        surname_labels=frozenset(w.lower() for w in names["surname_labels"]),
        surname_months=frozenset(w.lower() for w in names["surname_months"]),
        titled_years=frozenset(w.lower() for w in names["titled_years"]),
        organisation_words=frozenset(w.lower() for w in names["organisation_words"]),
        remit_endings=frozenset(w.lower() for w in names["remit_endings"]),
        nation_words=frozenset(w.lower() for w in names["nation_words"]),
        field_words=frozenset(w.lower() for w in names["field_words"]),
        bracket_openers=frozenset(w.lower() for w in names["bracket_openers"]),
        given_names=frozenset(names["given"]),
        named_after_people=frozenset(names["named_after_people"]),
        titles=frozenset(names["titles"]),
        courtesy_titles=frozenset(names["courtesy_titles"]),
        colleagues=frozenset(w.lower() for w in names["colleagues"]),
        reporting_verbs=frozenset(w.lower() for w in names["reporting_verbs"]),
        reporting_adverbs=frozenset(w.lower() for w in names["reporting_adverbs"]),
        sentence_adverbs=frozenset(w.lower() for w in names["sentence_adverbs"]),
        subject_verbs=frozenset(w.lower() for w in names["subject_verbs"]),
        publishing_verbs=frozenset(w.lower() for w in names["publishing_verbs"]),
        rule_verbs=frozenset(w.lower() for w in names["rule_verbs"]),
        apposition_nouns=frozenset(w.lower() for w in names["apposition_nouns"]),
        roles=frozenset(w.lower() for w in names["roles"]),
        people_words=frozenset(w.lower() for w in names["people_words"]),
        place_prepositions=frozenset(w.lower() for w in names["place_prepositions"]),
        object_prepositions=frozenset(w.lower() for w in names["object_prepositions"]),
        local_places=frozenset(w.lower() for w in names["local_places"]),
        before_narrative=tuple(w.lower() for w in names["before_narrative"]),
        before_bare_year=tuple(w.lower() for w in names["before_bare_year"]),
        headings=frozenset(h.lower() for h in raw["references"]["headings"]),
        online=tuple(m.lower() for m in raw["references"]["online"]),
        paged_documents=tuple(w.lower() for w in raw["references"]["paged_documents"]),
        personal_entries=tuple(m.lower() for m in raw["references"]["personal"]),
        web_page_words=tuple(w.lower() for w in raw["quotations"]["web_page_words"]),
        model_words=frozenset(w.lower() for w in raw["quotations"]["model_words"]),
        model_determiners=frozenset(w.lower() for w in raw["quotations"]["model_determiners"]),
        calling_words=frozenset(w.lower() for w in raw["quotations"]["calling_words"]),
        locator_words=frozenset(w.lower() for w in raw["quotations"]["locator_words"]),
        example_words=frozenset(w.lower() for w in raw["quotations"]["example_words"]),
        speech_words=frozenset(w.lower() for w in raw["quotations"]["speech_words"]),
        written_speakers=frozenset(w.lower() for w in raw["quotations"]["written_speakers"]),
        listener_words=frozenset(w.lower() for w in raw["quotations"]["listener_words"]),
        writer_words=frozenset(w.lower() for w in raw["quotations"]["writer_words"]),
        exempt_sections=tuple(s.lower() for s in paragraphs["exempt_sections"]),
        claim_cues=frozenset(w.lower() for w in paragraphs["claim_cues"]),
        min_claim_sentences=int(paragraphs["min_claim_sentences"]),
        problems={code: dict(texts) for code, texts in raw["problems"].items()},
    )


def _alternatives(words: list[str]) -> str:
    """Longest first, so "as cited in" wins over "cited"."""
    escaped = [r"\s{1,3}".join(re.escape(w) for w in phrase.split()) for phrase in words]
    return "|".join(sorted(escaped, key=len, reverse=True))


@lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """The scanner for the inside of a bracket and the words before one: one
    named group per kind of token; whitespace between tokens is skipped."""
    data = load_data()
    particles = "|".join(sorted(data.particles, key=len, reverse=True))
    joiners = "|".join(sorted(data.surname_joiners))  # ("Roqué i Figuls": one surname)
    secondary = _alternatives(list(data.secondary))
    personal = _alternatives(list(data.personal))
    return re.compile(
        rf"""
        (?=P)(?P<debris> {DEBRIS} )
      | (?=[pP])(?P<personal> (?i:{personal})(?![\w]) )
      | (?=[pPcCsS])(?P<pages> {PAGES} )
      | (?=[A-Z][.,])(?P<initial> [A-Z]\.(?:\s?-?[A-Z]\.){{0,3}}(?!\w) | [A-Z](?=,) )
      | (?P<name> (?:(?=[a-z])(?:{particles})\s{{1,2}}){{0,3}}(?={UPPER}){NAME_WORD}
                  (?:\s{{1,2}}(?:{joiners})\s{{1,2}}(?={UPPER}){NAME_WORD})?
                | (?=[a-z][A-Z][A-Z]){ABBREVIATION_TEXT}(?![\w]) )
      | (?P<comma> , )
      | (?=[12nfi]){YEAR}
      | (?=[aciqrd])(?P<secondary> (?<![\w])(?:{secondary})(?![\w]) )
      | (?=e)(?P<etal> et\.?\s{{0,2}}al(?![\w])\.?(?:[{APOS}]s(?![\w]))? )
      | (?P<amp> & )
      | (?P<and> and(?![\w]) )
      | (?P<number> \d++(?:\s{{0,2}}[-–—]\s{{0,2}}\d++)?+(?:{LETTER}{{1,3}}+)?+ )
      | (?P<word> {LETTER}(?:[\w{APOS}\-]|\.(?=\w)){{0,40}}\.? )
      | (?P<semi> ; )
      | (?P<colon> : )
      | (?P<other> \S )
        """,
        re.VERBOSE,
    )


# --- the reference list ------------------------------------------------------

INITIALS = rf"(?:{UPPER}\.?(?:\s{{0,2}}-?\s{{0,2}}{UPPER}\.?){{0,3}})"
# (APA 7 dates a web page, a news item or a post to the day: "(2022, June 14)".)
ENTRY_YEAR = rf"""
    [(\[]\s{{0,2}}
    (?P<year> {YEAR_NUMBER} | n\.\s?d\. | no\s date | in\s press | forthcoming )
    (?:-?(?P<suffix>[a-z]))?
    (?: ,\s{{0,2}} {UPPER}[a-z]{{2,9}} (?: \s{{1,2}}\d{{1,2}} (?: \s{{0,2}}[-–]\s{{0,2}}\d{{1,2}} )? )? )?
    \s{{0,2}}[)\]]"""


def _surname() -> str:
    """A surname in a reference entry: particles, then one to three name words.
    A particle may be capitalised as the name's first word ("Van den Hoek, K.");
    a joining word may stand between two of them ("Roqué i Figuls, M.")."""
    words = load_data().particles
    particles = "|".join(sorted(words | {w.capitalize() for w in words}, key=len, reverse=True))
    joiners = "|".join(sorted(load_data().surname_joiners))
    return (rf"(?:(?:{particles})\s{{1,2}}){{0,3}}{NAME_WORD}"
            rf"(?:\s{{1,2}}(?:(?:{joiners})\s{{1,2}})?{NAME_WORD}){{0,2}}")


# The label of an edited book's editors between their names and the year:
# APA 7 "Knight, M., & Bunch, K. (Eds.). (2021)", Cite Them Right "Batsleer, J.
# and Davies, B. (eds) (2010)", "(ed.)". The names are the entry's authors.
EDITORS = r"(?:[Ee]ds?\.?|[Ee]ditors?|[Ee]d\.)"


# A comma inside an organisation's name, in a list of its fields that ends in
# "and": "Department for Levelling Up, Housing and Communities", "Department
# for Digital, Culture, Media and Sport". (Not "Smith, John (2019)": no "and"
# follows.) The look-ahead is bounded, so the pattern stays linear.
_ORG_COMMA = r",\s{1,2}(?=[^.,()\n]{1,40}(?:,[^.,()\n]{1,40}){0,3}\s(?:and|&)\s)"
# Bodies joined APA 7's way, a comma before the last one's "&" as between
# people: "Public Health England, & NHS England. (2015)." (or ", and").
_ORG_LAST = rf"(?:{_ORG_COMMA}|,\s{{1,2}}(?:&|and)\s{{1,2}})"


@lru_cache(maxsize=1)
def entry_head_pattern() -> re.Pattern[str]:
    """The start of a reference entry: its authors (people "Surname, I." or an
    organisation, or two each with its abbreviation, "Home Office (HO) and
    Department of Health (DH) (2019)") and the year in brackets. Used with ``match`` at line starts
    and after sentence ends, so run-together PDF entries can be split."""
    data = load_data()
    connectors = "|".join(sorted(data.connectors | {"and", "&"}, key=len, reverse=True))
    person = rf"{_surname()}\s{{0,2}},\s{{0,2}}{INITIALS}"
    return re.compile(
        rf"""
        (?P<authors>
            (?P<people> {person}
                (?: \s{{0,2}} (?: ,\s{{0,2}}(?:and\s{{1,2}}|&\s{{0,2}}|(?:\.\s?\.\s?\.|…)\s{{0,2}})?
                                | and\s{{1,2}} | &\s{{0,2}} )
                    {person} ){{0,20}}
                (?: ,?\s{{1,2}}et\s{{1,2}}al\.? )?
            )
          | (?P<org> (?:The\s{{1,2}})? {NAME_WORD}
                (?: (?: \s{{1,2}} (?:(?:{connectors})\s{{1,2}}){{0,2}} | \s{{1,2}} [a-z]{{2,12}} \s{{1,2}} (?=[A-Z])
                        | {_ORG_LAST} ) {NAME_WORD} ){{0,10}}  # (one small word between two capitalised ones:
                # "Medicines and Healthcare products Regulatory Agency (2017)", "Campaign to End Loneliness (no date)")
                (?: (?:(?<=Act)|(?<=Bill)) \s{{1,2}} {YEAR_NUMBER} (?=[\s,.]{{0,3}}[(\[]) )?  # "... Act 2005 (2014)"
                (?: \s{{1,2}} \( (?!{EDITORS}\)) (?P<acronym> {UPPER}[\w.]{{1,12}} ) \)
                    (?: \s{{1,2}} (?:and|&) \s{{1,2}} {NAME_WORD}  # a second body with its own abbreviation
                        (?: (?: \s{{1,2}} (?:(?:{connectors})\s{{1,2}}){{0,2}} | {_ORG_COMMA} ) {NAME_WORD} ){{0,10}}
                        \s{{1,2}} \( (?!{EDITORS}\)) {UPPER}[\w.]{{1,12}} \) )?
                )?
            )
        )
        (?: [\s,.]{{0,3}} \( (?P<editors> {EDITORS} ) \) )?
        [\s,.]{{0,3}}
        {ENTRY_YEAR}
        """,
        re.VERBOSE,
    )


@lru_cache(maxsize=1)
def person_pattern() -> re.Pattern[str]:
    """One "Surname, I." in a reference entry's author list."""
    return re.compile(rf"(?P<surname>{_surname()})\s{{0,2}},\s{{0,2}}{INITIALS}")


# Places where a new reference entry may start inside a line: after the end of
# a sentence or of a bracket ("... Routledge. Huxham, C. and ...").
ENTRY_BOUNDARY = re.compile(r"(?<=[.)\]])\s{1,3}(?=\S)")

# An abbreviation of an organisation's name: capitals (and stops), with a
# lower-case letter between two capitals standing for a joining word: "NICE",
# "D.H.S.C.", "CoP" (College of Policing), "DfE" (Department for Education);
# a body may write its first letter small before two capitals: "iHV"
# (Institute of Health Visiting), not "iPad"; and the last may be a word's
# opening letters after three capitals at least: "RCPsych" (Royal College of
# Psychiatrists), "RCPath".
ABBREVIATION_TEXT = (r"(?:[a-z](?=[A-Z][A-Z.]))?[A-Z](?:[A-Z.]|[a-z](?=[A-Z])){1,9}"
                     r"(?:(?<=[A-Z]{3})[a-z]{2,5}(?![A-Za-z]))?")
_ABBREVIATION_WORD = re.compile(ABBREVIATION_TEXT)


def is_abbreviation(word: str) -> bool:
    """Written as an organisation's abbreviation ("NICE", "CoP", "DfE"), not a
    name ("McKenzie", "Nice")."""
    return _ABBREVIATION_WORD.fullmatch(word) is not None


# An acronym defined in the text: "... Excellence (NICE)", "... Care [DHSC]",
# "... Care (DHSC, 2022)", "... Policing (CoP)", and one ending with the
# name's own last word, "... Nurses UK (ASCN UK, 2016)".
# (Two patterns, each starting with a literal: a scan for one character is
# several times quicker than for a class of two.)
ACRONYM = re.compile(rf"\((?P<acronym>{ABBREVIATION_TEXT}(?:[ ][A-Z]{{2,4}})?)(?:\)|,\s)")
ACRONYM_SQUARE = re.compile(rf"\[(?P<acronym>{ABBREVIATION_TEXT})\]")
# ... set off by commas inside a bracket: "(National Institute for Health and Care Excellence, NICE, 2021)",
# or by one before a narrative citation's year: "The Care Quality Commission, CQC (2022)".
ACRONYM_COMMA = re.compile(r"(?<=[a-z]),\s(?P<acronym>[A-Z](?:[A-Z]|[a-z](?=[A-Z])){1,9})(?:,\s|\s\((?=\d))")

# Direct quotations: double quotes (straight or curly) or single quotes
# (curly, or straight as Cite Them Right prints them). A single mark between
# two letters is an apostrophe ("it's", "it’s") and stays inside; a straight
# one opens only after a space or a bracket, before a letter ("Jones' view"
# opens nothing), and closes only after something other than a space.
# (An opening mark never appears inside, so a run of them cannot make each
# one scan the same 400 characters again. One pattern per kind of mark, each
# starting with its mark, so that `re` looks for a literal: one pattern of
# four alternatives scans twenty times slower.)
_INNER_APOSTROPHE = r"(?<=[^\W\d_])[’'](?=[^\W\d_])"
QUOTES = (
    re.compile(r"“[^“”\n]{1,400}”"),
    re.compile(r'"[^"\n]{1,400}"'),
    re.compile(rf"‘(?:[^‘’\n]|{_INNER_APOSTROPHE}){{1,400}}?’(?![^\W\d_])"),
    re.compile(rf"'(?<![\w'’]')(?=[^\W\d_])(?:[^'\n]|{_INNER_APOSTROPHE}){{1,400}}?(?<=\S)'(?![\w])"),
)


def quotations(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The quotations in text[start:end], in order; one inside another
    ("'...' within "..."") is part of it, not a quotation of its own."""
    found = sorted((m for pattern in QUOTES if text.find(pattern.pattern[0], start, end) >= 0
                    for m in pattern.finditer(text, start, end)), key=lambda m: m.start())
    out: list[re.Match[str]] = []
    for match in found:
        if not out or match.start() >= out[-1].end():
            out.append(match)
    return out


# A sentence end inside a window of text (abbreviations are checked in code).
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘']?[A-Z0-9])")


# One word in small letters after a name's word, before a narrative name run ("Healthcare products Regulatory
# Agency"), and a bracket opening with an abbreviation ("(MHRA, 2020)"): the finder reads the name past that
# word, and keeps it when the whole fits the abbreviation (`bracket._spelt`).
SMALL_WORD_BEFORE = re.compile(r"(?<=[A-Za-z] )[a-z]{2,20} $")
ABBREVIATION_FIRST = re.compile(r"\((?:The )?[A-Z][A-Za-z]{0,3}[A-Z]{1,8}\b")
