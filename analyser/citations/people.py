"""A person's name where a citation's author stands (part of the *find*
stage; find.py asks once its own pass is done): the title and first names
before a cited surname, which both guides leave out ("Dr. Comfort Momoh
(2010)", "(Gemma Whitcombe, 2022)": the finder keeps the surname, the
checker tells the rest), and the people of a case a writer names before a
reporting verb ("Mrs D explained that", "Patient A reported that"), who
are no authors at all.

Each is read from the citation's words and the data lists of
analyser/data/citations.toml alone, as the rest of the stage is.
"""

from __future__ import annotations

import re

from analyser.citations.patterns import CitationData, load_data
from analyser.citations.resolve import acronym_fits, normal_name
from analyser.model import Citation
from analyser.names import fold, name_rules

# A capitalised word (and its full stop) just before a narrative citation's names: "Dr. " in "Dr. Comfort Momoh".
_WORD_BEFORE_NAME = re.compile(r"(?<![\w.])(?P<title>[A-Z][a-z]{1,13})\.?[ \t]{1,2}$")

# A courtesy title and a single capital opening a bracket: "Ms D" in "(Ms D, personal communication, 2023)".
_TITLED_LETTER = re.compile(r"[A-Z][a-z]{1,3}\.?[ \t]{1,2}(?P<letter>[A-Z])\.?(?=,)")

# A single initial opening a narrative citation's span: "K. " in "K. Harvey (2008)".
_CASE_INITIAL = re.compile(r"[A-Z]\.[ \t]{1,2}(?=[A-Z])")


def drop_titles(text: str, found: list[Citation]) -> None:
    """"Dr. Comfort Momoh (2010)", "(Sergeant Davies, personal communication,
    2023)": a title before a cited name (`[names].titles` in citations.toml)
    says the words after it are one person's names, of which the last (with
    its particles: "Dr van der Merwe") is the surname both guides cite. A
    narrative citation's span takes in a title just before it. The checker
    reports the title (`check._given_name_before`). Left alone when the
    last word could be no surname: an organisation's ("Lord Chancellor's
    Department", "Sir Halley Stewart Trust"), or an everyday word
    ("Lord Chancellor") unless a first name stands before it ("Dame Carol
    Black (2021)": Black is her surname). A courtesy title before an
    initial opening the span ("Mr K. Harvey (2008)", `[names].courtesy_titles`)
    names a person of the case, "Mr K.": the span leaves both out; in a
    bracket, "(Ms D, personal communication, 2023)", the capital is the
    person's name and the author, the title left out."""
    data = load_data()
    for citation in found:
        if not citation.authors:
            continue
        if not citation.narrative and citation.authors == [citation.authors[0]] \
                and citation.authors[0] in data.courtesy_titles \
                and (letter := _TITLED_LETTER.match(citation.text, 1)) is not None:
            citation.authors = [letter.group("letter")]  # "(Ms D, personal communication, ...)": D, a person
            continue
        if citation.narrative and (case := _CASE_INITIAL.match(citation.text)) and (before := _WORD_BEFORE_NAME.search(
                text, max(0, citation.start - 16), citation.start)) and before.group("title") in data.courtesy_titles:
            # "... with Mr K. Harvey (2008) explains": a courtesy title and an initial name a person of the
            # case ("Mr K."), never a cited author; the citation is the surname and year after them
            citation.start, citation.text = citation.start + case.end(), citation.text[case.end() :]
            continue
        words = citation.authors[0].split(" ")
        if words[0].rstrip(".") in data.titles and len(words) >= 2:
            rest = words[1:]
            title_at = None
        elif citation.narrative and (before := _WORD_BEFORE_NAME.search(
                text, max(0, citation.start - 16), citation.start)) and before.group("title") in data.titles:
            rest, title_at = words, before.start()
        else:
            continue
        last = rest[-1]
        everyday = last.lower() in name_rules().everyday and not (len(rest) >= 2 and _first_name(rest[-2], data))
        if everyday or last.lower() in data.organisation_words or any(w.endswith(("'s", "’s")) for w in rest):
            continue
        at = len(rest) - 1
        while at > 0 and rest[at - 1] in data.particles:
            at -= 1
        citation.authors[0] = " ".join(rest[at:])
        if title_at is not None:
            citation.start, citation.text = title_at, text[title_at : citation.end]


# An author read as two name words, the first of which may be a first name: "Gemma Whitcombe"; letters
# outside ASCII and a capital after a hyphen are a surname's too ("Elisabeth Kübler-Ross", "Anna Ní Dhuibhir").
_LOWER = r"[^\W\dA-Z_]"
_TWO_NAMES = re.compile(rf"(?P<given>[A-Z]{_LOWER}{{1,20}}) (?P<surname>[A-Z]{_LOWER}{{0,2}}[A-Z]?{_LOWER}{{1,30}}"
                        rf"(?:[\-'’][A-Z]?{_LOWER}{{1,30}})*)")


# A first name set off after someone the writer calls theirs: "My supervisor, Jo, said", "my mentor, Sam,".
_CALLED = re.compile(r"\b[Mm]y\s{1,2}(?:[a-z]+\s{1,2}){0,2}?[a-z]+,\s{1,2}(?P<name>[A-Z][a-z]{1,14}),")


def names_called(text: str) -> set[str]:
    """The first names the writer gives the people around them ("My
    supervisor, Jo, said that"): such a name before a surname in a citation
    ("(Jo Finch, 2023)") is that person's first name, whatever the lists
    know of it."""
    return {m.group("name") for m in _CALLED.finditer(text)}


def drop_given_names(found: list[Citation], known: set[str], later: dict[str, str],
                     called: frozenset[str] = frozenset()) -> None:
    """"(Gemma Whitcombe, 2022)" when Whitcombe is an author elsewhere in the
    text (`known`: another citation's, a reference entry's, or a name before
    a reporting verb: "Whitcombe suggests that"), or when the first word is
    a given name (`_person`): the first word is a first name, which the
    parser drops only when it knows the name (`[names].given` in
    citations.toml). Not when the two words joined by a hyphen are an author
    elsewhere ("Lloyd Evans" for "Lloyd-Evans": a double-barrelled surname
    missing its hyphen), nor when the first is a particle opening the name
    ("Van Netten et al. (2020)" beside "(Netten et al., 2020)": the name's
    own word, capitalised), nor when it is no first name the lists know and
    its initial is one of the list's later initials for the surname
    (`later`: "Tudor Hart (1971)" for "Hart, J.T. (1971)": a surname of two
    words, which the list files under its last with the first as an
    initial; the checker tells the two apart, `author_spelling`, as both
    guides want text and list to agree). A first name the writer calls
    someone by (`called`: `names_called`) is one too. A report's word after
    one name ("Reed Report (1992)", `[names].report_words`) is no surname:
    the name is the chair's, the author. Changes the authors in place; the
    checker reports the first name (`initials_in_citation`)."""
    data = load_data()
    for citation in found:
        if not (citation.authors and " " in citation.authors[0] and _TWO_NAMES.fullmatch(citation.authors[0])):
            continue
        given, surname = citation.authors[0].split(" ")
        if surname.lower() in data.report_words:
            citation.authors[0] = given  # "Reed Report (1992)": the chair's report, cited by the chair's name
            continue
        if (given.lower() in data.openers or given.lower() in data.particles or normal_name(given) in known
                or normal_name(f"{given}-{surname}") in known):
            continue  # ("Lloyd Evans (2021)" for a listed "Lloyd-Evans"; "Van Netten": a particle, capitalised)
        if given[0] in later.get(normal_name(surname), "") and given not in data.given_names and (
                name_rules().kind(given) != "name"):
            continue  # "Tudor Hart (1971)" for "Hart, J.T.": a two-word surname the list files under its last
        if normal_name(surname) in known or given in called or _person(given, surname, data):
            citation.authors[0] = surname


def _person(given: str, surname: str, data: CitationData) -> bool:
    """"Moira Campbell": a first name that is only a name in the
    pseudonymiser's list (data/given_names.txt; not "Hope", "Grace", "May"),
    before a word that is no organisation's ("Grace Hospital", "Austin
    Trust") and a pair that is not a charity named after a person ("Marie
    Curie", `[names].named_after_people` in citations.toml)."""
    rules = name_rules()
    return (rules.kind(given) == "name" and fold(surname) not in rules.organisations
            and f"{given} {surname}" not in data.named_after_people)


def _first_name(word: str, data: CitationData) -> bool:
    return word in data.given_names or name_rules().kind(word) == "name"


def case_person(name: str) -> bool:
    """Whether a name written before a reporting verb, with no year, is one
    of the people of a case rather than an author: a courtesy title before
    a name ("Mrs Okoye explained that", `[names].courtesy_titles`), or a
    name ending in a single capital, the initial or letter a reflective
    account gives a patient or service user in place of a name ("Mrs D",
    "Patient A", "Service User B", "Dr K"). An author is cited by surname,
    and both guides leave courtesy titles out; a title such as "Professor"
    or "Dame" before a surname ("Professor Black argues that") may still be
    an author's."""
    words = name.replace(".", " ").split()
    if len(words) < 2:
        return False
    last = words[-1]
    return words[0] in load_data().courtesy_titles or (len(last) == 1 and last.isupper())


# An abbreviation in its own bracket right after a narrative citation's names: "... Travellers (FFT) (2022)".
_ABBREVIATION_AFTER = re.compile(r"[ \t]{0,2}[(\[](?P<abbreviation>[A-Z][A-Za-z&]{1,11})[)\]]")
_SPACES = re.compile(r"\s+")


def bodies_named_as_lists(text: str, found: list[Citation], listed_bodies: frozenset[str]) -> None:
    """Names joined by commas and "and" that are one body's name, whose words
    happen to be a list of nouns ("Friends, Families and Travellers (FFT)
    (2022)"): one author when the abbreviation in its own bracket right after
    them spells all of them (and then wherever the passage cites the same
    words), or when the reference list files the whole as one body, with no
    initials after its words (`listed_bodies`, normal names). Only single
    words: two bodies each named in full stay two. People are given no
    abbreviation, and a list names each person with initials, so "Banks, Woods and Rivers (2019)" stays three."""
    written: list[tuple[Citation, str]] = []
    known = set(listed_bodies)
    for citation in found:
        if len(citation.authors) < 2 or any(" " in name for name in citation.authors):
            continue  # (only single words: two bodies each named in full stay two, "Home Office and ...")
        first = text.find(citation.authors[0], citation.start, citation.end)
        last = text.find(citation.authors[-1], first + 1, citation.end) if first >= 0 else -1
        if last < 0:
            continue
        end = last + len(citation.authors[-1])
        whole = _SPACES.sub(" ", text[first:end])
        after = _ABBREVIATION_AFTER.match(text, end)
        if after is not None and acronym_fits(after.group("abbreviation"), whole):
            known.add(normal_name(whole))  # (and so is the same name cited again without it)
        written.append((citation, whole))
    for citation, whole in written:
        if normal_name(whole) in known:
            citation.authors = [whole]


# Names and commas right before a narrative citation's first name: "Fear, Jones, " in "Fear, Jones, Murphy et al.".
_NAMES_BEFORE = re.compile(r"(?:(?<![\w'’-])[A-Z][\w'’-]{1,30},[ \t]{1,2}){1,5}$")


def names_before_et_al(text: str, found: list[Citation], listed: list[list[str]]) -> None:
    """"Fear, Jones, Murphy et al. (2010)": names written out before "et
    al.", joined by commas, which the reader ends at the last; they are the
    work's first authors when an entry of the list begins with them all, in
    that order (`listed`: each entry's names, as normal names). Without the
    list a capitalised word and a comma before a citation may be a place or
    an opener ("In Leeds, Okafor et al. (2019)"), so it is left alone."""
    for citation in found:
        if not citation.narrative or len(citation.authors) != 1 or " et al" not in citation.text:
            continue
        before = _NAMES_BEFORE.search(text, max(0, citation.start - 160), citation.start)
        if before is None:
            continue
        names = [n.strip() for n in before.group().split(",") if n.strip()]
        wanted = [normal_name(n) for n in [*names, citation.authors[0]]]
        if any(entry[: len(wanted)] == wanted for entry in listed):
            citation.authors = [*names, *citation.authors]
            citation.start = before.start()
            citation.text = text[citation.start : citation.end]
