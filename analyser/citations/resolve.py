"""Link each citation to its reference-list entry (the *resolve* stage).

Names are compared in a normal form: case, accents, curly apostrophes and a
leading "The" do not count, so "De Souza" matches "de Souza, M." and "King's
Fund" matches "The King's Fund". An organisation cited by its acronym
("NICE") matches the entry under its full name when the acronym is defined
in the essay ("... Excellence (NICE)"), given in brackets in the entry, or
fits the initials of the name. A name that matches no entry is compared with
every entry's first author by edit distance (rapidfuzz), which finds
"Huxam" for "Huxham".

The outcome for each work is a `Link`: the entry (or None) and what differs.
Judging and explaining the difference is the *annotate* stage's job.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain

from rapidfuzz import fuzz, process

from analyser.citations.patterns import (
    ACRONYM,
    ACRONYM_COMMA,
    ACRONYM_SQUARE,
    ET_AL,
    colleagues_pattern,
    is_abbreviation,
    load_data,
    republished_year,
)
from analyser.citations.references import entry_acronym, later_initials, lists_et_al
from analyser.model import Citation, CitedWork, Reference

NEAR_MISS = 80  # rapidfuzz ratio (0-100) above which two surnames are one name misspelt
_SHORT_NAME = 4  # letters at most of a name whose one letter wrong falls under NEAR_MISS ("Reid" for "Reed")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
_AS_CITED = re.compile(r"(?i)\b(?:as\s+)?(?:cited|quoted)\b")
_CITED = re.compile(r"(?i)\b(?:cited|quoted)\b")


@lru_cache(maxsize=1)
def _joining() -> frozenset[str]:
    """Words of an organisation's name not counted as its initials: the
    connectors of citations.toml ("for", "of", "to", ...) and "and"."""
    data = load_data()
    return data.connectors | data.connectors_in_brackets | {"and"}


@lru_cache(maxsize=4096)
def normal_name(name: str) -> str:
    """The form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = _SPACE.sub(" ", plain.replace("’", "'").casefold()).strip()
    return plain[4:] if plain.startswith("the ") else plain


@dataclass
class Link:
    """How one cited work relates to the reference list."""

    outcome: str  # ok | year | suffix | suffix_missing | spelling | missing
    entry: int | None = None  # index into the references
    entries: list[int] = field(default_factory=list)  # every entry this work may mean


@dataclass
class Resolution:
    links: list[Link]  # per citation, for the work cited (the original of a secondary citation)
    via_links: list[Link | None]  # per citation, for the source read
    cited: set[int]  # entries some citation points at
    aliases: dict[str, str]  # acronym -> normal name of the organisation


class ReferenceIndex:
    """Entries by the normal form of their first author."""

    def __init__(self, references: list[Reference], aliases: dict[str, str]) -> None:
        self.references = references
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for index, reference in enumerate(references):
            if reference.authors:
                self.by_name[normal_name(reference.authors[0])].append(index)
        self.aliases = dict(aliases)
        for reference in references:
            acronym = entry_acronym(reference)
            if acronym and reference.authors:
                self.aliases.setdefault(acronym.casefold(), normal_name(reference.authors[0]))
        self.names = list(self.by_name)
        self._candidates: dict[str, list[int]] = {}

    def candidates(self, name: str) -> list[int]:
        """The entries under this name (or its acronym, or the acronym the
        entry is listed under). Remembered per name: an essay cites the same
        authors again and again, and a name not in the list would otherwise
        be tried against every entry's initials each time."""
        found = self._candidates.get(name)
        if found is None:
            found = self._candidates[name] = self._lookup(name)
        return found

    def _lookup(self, name: str) -> list[int]:
        key = normal_name(name)
        found = self.by_name.get(key)
        if found:
            return found
        alias = self.aliases.get(key)
        if alias and alias in self.by_name:
            # the body listed again under another spelling of its name ("World Health Organisation (2015)"
            # beside "World Health Organization (2023)"): the acronym stands for both
            return self.by_name[alias] + [i for n in self.names if n != alias and acronym_fits(name, n)
                                          and fuzz.ratio(n, alias) >= NEAR_MISS for i in self.by_name[n]]
        if (name.isupper() or is_abbreviation(name)) and 2 <= len(name) <= 8:  # ("DoH": "Department of Health")
            fits = [n for n in self.names if acronym_fits(name, n)]
            if len(fits) == 1:
                return self.by_name[fits[0]]
        for long_name, entries in self.by_name.items():  # the entry is the acronym, the text the full name
            if long_name.isalpha() and len(long_name) <= 8 and acronym_fits(long_name.upper(), key):
                references = [self.references[i] for i in entries]
                if all(r.authors and r.authors[0].isupper() for r in references):
                    return entries
        return []

    def split_surname(self, name: str) -> list[int]:
        """"Tudor Hart" for "Hart, J.T.": the entries under a two-word name's
        last word whose later initials hold the first word's initial (the
        list files the surname under its last word; text and list disagree)."""
        first, _, last = name.rpartition(" ")
        if not first or " " in first or not first[:1].isupper() or first.lower() in load_data().openers:
            return []
        return [i for i in self.candidates(last) if first[0] in later_initials(self.references[i])]

    def cut_body(self, name: str) -> list[int]:
        """"House of Lords Select Committee (2014)" for "House of Lords Select
        Committee on the Mental Capacity Act 2005 (2014)": the entries whose
        body's name opens with the cited name of two words or more, going on
        with anything but "and" (a writer cuts a long name short; "Department
        of Health" is not "Department of Health and Social Care")."""
        return body_openings(normal_name(name), self.by_name)

    def near(self, name: str, year: str) -> list[int]:
        """The entries under the name nearest a name no entry is filed under
        (rapidfuzz, `NEAR_MISS`: "Huxam" for "Huxham"); or, for a short
        name, under one of its length differing in one letter after the
        first, of the same year ("Reid (2020)" for "Reed, S. (2020)"): one
        letter of four is a ratio under `NEAR_MISS`, but the year's agreeing
        makes the entry the work meant, misspelt (a name one letter off of
        another year stays unlisted: "Lund (2019)" beside "Lind (2012)")."""
        key = normal_name(name)
        if len(key) < 4 or not self.names:
            return []
        best = process.extractOne(key, self.names, scorer=fuzz.ratio, score_cutoff=NEAR_MISS)
        if best:
            return self.by_name[best[0]]
        if len(key) > _SHORT_NAME or " " in key:
            return []
        return [i for n in self.names if len(n) == len(key) and n[0] == key[0]
                and sum(a != b for a, b in zip(n, key)) == 1
                for i in self.by_name[n] if self.references[i].year == year]


def body_openings(cut: str, by_name: dict[str, list[int]]) -> list[int]:
    """The items filed under a longer name that the normal name `cut`, of two
    words or more, opens, the rest not joined on by "and" or "&"."""
    if " " not in cut:
        return []
    return [i for full, items in by_name.items() if full.startswith(cut + " ")
            and full[len(cut) + 1 :].split(" ", 1)[0] not in ("and", "&") for i in items]


def acronym_fits(acronym: str, name: str) -> bool:
    """"NICE" fits "national institute for health and care excellence": its
    letters are taken in order from the starts of the name's words (each
    hyphened part a word), beginning with the first word that is no joining
    word; a word gives its initial and may give the letters after it too
    ("GPhC": "General Pharmaceutical Council", "APTUK": "... Technicians
    UK", "CHERRIES": "Checklist for Reporting Results of Internet
    E-Surveys"); a word may give none ("Health" in NICE). A joining word
    gives its initial in capitals ("SAPHNA": "School and Public Health
    Nurses Association") or small ("CoP": "College of Policing", "DfE":
    "Department for Education"); a small letter after the first is never
    another word's initial ("iHV": the first word's, written small). Two
    words give letters at least: one word spells no abbreviation of itself.
    An abbreviation in capitals of four letters or more may also take every
    capitalised word's initial, each once, in another order ("SCTAPPG":
    "All-Party Parliamentary Group on Sickle Cell and Thalassaemia", its
    subject first)."""
    letters = [c for c in acronym if c.isalpha()]
    words = [(w, w.lower() in _joining()) for w in _WORD.findall(name.replace("-", " "))]
    if len(letters) >= 4 and acronym.isupper() and sorted(letters) == sorted(
            w[0] for w, joining in words if not joining and w[0].isupper()):
        return True
    first = next((k for k, (_, joining) in enumerate(words) if not joining), None)
    if len(letters) < 2 or first is None or letters[0].upper() != words[first][0][0].upper():
        return False
    failed: set[tuple[int, int]] = set()

    def rest_fits(i: int, w: int) -> bool:  # letters[i:] from words[w:]
        if i == len(letters):
            return True
        if (i, w) in failed:
            return False
        for v in range(w, len(words) if i else first + 1):
            word, joining = words[v]
            if v < first or letters[i].upper() != word[0].upper() or (
                    i and letters[i].islower() and not joining):
                continue
            k = 1
            while True:
                if (i or k < len(letters)) and rest_fits(i + k, v + 1):  # (two words at least: "MHRA" no name)
                    return True
                if i + k == len(letters) or k == len(word) or letters[i + k].upper() != word[k].upper():
                    break
                k += 1
        failed.add((i, w))
        return False

    return rest_fits(0, first)


# Between two words of one name only spaces, commas, "&" and hyphens stand.
_BREAK_IN_NAME = re.compile(r"[^\s,&\-–]")


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the essay defines: "National Institute for Health and Care
    Excellence (NICE)" maps "nice" to the normal form of the full name."""
    aliases: dict[str, str] = {}
    for match in chain(ACRONYM.finditer(text), ACRONYM_SQUARE.finditer(text), ACRONYM_COMMA.finditer(text)):
        acronym = match.group("acronym")
        line = text[max(0, match.start() - 120) : match.start()].split("\n")[-1]
        found = list(_WORD.finditer(line))[-12:]
        for k in range(len(found) - 1, -1, -1):  # the name is the run of capitalised and joining words
            # just before the acronym: "... Excellence (NICE)", nothing in "... agree (LGA, 2021)"
            word = found[k].group()
            gap = line[found[k].end() : found[k + 1].start() if k + 1 < len(found) else len(line)]
            if _small_word_inside(found, k):
                continue  # "Medicines and Healthcare products Regulatory Agency (MHRA)": one small word inside
            if not (word[0].isupper() or word in _joining()) or _BREAK_IN_NAME.search(gap):
                found = found[k + 1 :]  # (nor across a year or a sentence's end: "Committee, 2019). Slow (PSNC")
                break
        for first in found:
            # the name as written, "&" and all ("Fire & Rescue Services"), so it compares with its citations
            name = line[first.start() : found[-1].end()]
            if first.group()[0].isupper() and acronym_fits(acronym, name):
                aliases.setdefault(acronym.casefold(), normal_name(name))
                break
    return aliases


def _small_word_inside(found: list[re.Match[str]], k: int) -> bool:
    """A word in small letters between two capitalised words of a name, a
    space either side ("Healthcare products Regulatory"): read past, so the
    abbreviation after the name may spell it all."""
    word = found[k].group()
    if not word.islower() or word in _joining() or not 0 < k < len(found) - 1:
        return False
    left, right = found[k - 1], found[k + 1]
    return left.group()[0].isupper() and right.group()[0].isupper() and left.end() + 1 == found[k].start() \
        and found[k].end() + 1 == right.start()


def _compatible(reference: Reference, authors: list[str], et_al: bool) -> bool:
    """Could this entry be the work cited with these authors? "et al." fits
    an entry of two names or more, or one that writes "et al." itself."""
    if et_al:
        return len(reference.authors) >= 2 or lists_et_al(reference)
    if len(authors) != len(reference.authors):
        return False
    if len(authors) >= 2:
        return fuzz.ratio(normal_name(authors[1]), normal_name(reference.authors[1])) >= NEAR_MISS
    return True


def link_work(index: ReferenceIndex, authors: list[str], year: str, suffix: str, et_al: bool) -> Link:
    if not authors:
        return Link("missing")
    outcome_if_found = "ok"
    candidates = index.candidates(authors[0])
    if len(authors) >= 2 and not any(index.references[i].year == year for i in candidates):
        # two organisations listed as one name, "LGA and ADASS (2019)", the first perhaps listed alone too
        joined = [" and ".join(authors)] if index.candidates(" and ".join(authors)) else [" & ".join(authors)]
        if index.candidates(joined[0]) and (not candidates or any(
                index.references[i].year == republished_year(year) for i in index.candidates(joined[0]))):
            authors, candidates = joined, index.candidates(joined[0])
    if not candidates:
        candidates = (index.split_surname(authors[0]) or index.near(authors[0], republished_year(year))
                      or index.cut_body(authors[0]))
        outcome_if_found = "spelling"
    references = index.references
    year = republished_year(year)  # ("1915/1957": the entry gives the edition read, 1957)
    exact = [i for i in candidates if references[i].year == year and references[i].suffix == suffix]
    if (named := _all_names_elsewhere(references, candidates, authors, year, et_al)) is not None:
        return Link("year", named, [named])
    if exact:
        best = [i for i in exact if _compatible(references[i], authors, et_al)] or exact
        return Link(outcome_if_found, best[0], best)
    same_year = [i for i in candidates if references[i].year == year]
    if same_year:
        best = [i for i in same_year if _compatible(references[i], authors, et_al)] or same_year
        if outcome_if_found == "spelling":
            return Link("spelling", best[0], best)
        if not suffix and all(references[i].suffix for i in best) and len(best) > 1:
            return Link("suffix_missing", None, best)
        return Link("suffix", best[0], best)
    if outcome_if_found == "spelling":
        return Link("missing")
    compatible = [i for i in candidates if _compatible(references[i], authors, et_al)]
    if compatible:
        nearest = min(compatible, key=lambda i: _year_distance(references[i].year, year))  # an index, not a list
        return Link("year", nearest, [nearest])
    return Link("missing")


def _all_names_elsewhere(references: list[Reference], candidates: list[int], authors: list[str], year: str,
                         et_al: bool) -> int | None:
    """The entry of another year holding every name of a citation of three
    names or more when no entry of its year could be it ("Stock, Feragen
    and Rumsey (2016)" against "Stock, N. M., & Feragen, K. B. (2016)" and
    "Stock, N. M., Feragen, K. B., & Rumsey, N. (2015)"): one slip in the
    year is likelier than a name added to another work, so that entry is
    the work, its year wrong (`year_mismatch`)."""
    if et_al or len(authors) < 3:
        return None
    if any(references[i].year == year and _compatible(references[i], authors, et_al) for i in candidates):
        return None
    if not any(references[i].year == year for i in candidates):
        return None  # (no entry of that year: the usual year link below)
    named = [i for i in candidates if len(references[i].authors) == len(authors) and all(
        fuzz.ratio(normal_name(a), normal_name(b)) >= NEAR_MISS
        for a, b in zip(authors, references[i].authors, strict=True))]
    return min(named, key=lambda i: _year_distance(references[i].year, year)) if named else None


def _year_distance(a: str | None, b: str) -> int:
    try:
        return abs(int(a or "") - int(b))
    except ValueError:
        return 10_000


def trim_narrative(citation: Citation, index: ReferenceIndex) -> None:
    """"Similarly Okafor (2018)": when a narrative citation's first name is
    not in the list but its last words are, the extra words were not part of
    the name. Moves the citation's start accordingly."""
    if (not citation.narrative or not citation.authors or index.candidates(citation.authors[0])
            or index.split_surname(citation.authors[0])):
        return  # (nor "Tudor Hart (1971)" for "Hart, J.T.": one surname, which the list files otherwise)
    words = citation.authors[0].split()
    for k in range(1, len(words)):
        shorter = " ".join(words[k:])
        if index.candidates(shorter):
            offset = citation.text.find(words[k])
            if offset > 0:
                citation.start += offset
                citation.text = citation.text[offset:]
            citation.authors[0] = shorter
            return


def resolve_citations(
    citations: list[Citation], references: list[Reference], text: str
) -> Resolution:
    """Link every citation (and the source read, for a secondary citation) to
    the reference list."""
    index = ReferenceIndex(references, defined_acronyms(text))
    links: list[Link] = []
    via_links: list[Link | None] = []
    cited: set[int] = set()
    seen: dict[tuple, Link] = {}  # the same work cited again links the same way

    def link(authors: list[str], year: str, suffix: str, et_al: bool) -> Link:
        key = (tuple(authors), year, suffix, et_al)
        if key not in seen:
            seen[key] = link_work(index, authors, year, suffix, et_al)
        return seen[key]

    for citation in citations:
        trim_narrative(citation, index)
        work_link = link(citation.authors, citation.year, citation.suffix, _et_al_in_brackets(citation))
        links.append(work_link)
        via_link = None
        if citation.via is not None:
            via_link = link(citation.via.authors, citation.via.year, citation.via.suffix,
                            _et_al_for(citation.via, citation.text))
            cited.update(via_link.entries)
        via_links.append(via_link)
    links = _another_work(citations, links, references)
    for work_link in links:
        cited.update(work_link.entries)
    return Resolution(links, via_links, cited, index.aliases)


def _another_work(citations: list[Citation], links: list[Link], references: list[Reference]) -> list[Link]:
    """"(... Webster et al., 2011)" when the list holds only "Webster, R., &
    Blatchford, P. (2019)", which the passage cites as it is ("Webster and
    Blatchford (2019)"): linked by its first author alone, the citation
    differs from that entry in its year and in "et al.", which neither
    guide writes for two authors. Two faults in a work the writer cites
    rightly elsewhere are less likely than a third work left out of the
    list: it is missing (`no_reference`), not that entry with the wrong year
    (`year_mismatch`) and too few names (`et_al_too_few`). One difference
    alone, or an entry cited nowhere as it is, keeps the link, save a year
    more than one from that of an entry the writer cites rightly elsewhere
    ("Later guidance from the WHO (2023)" beside "WHO (2008, p. 10)"): a
    writer who knows the entry's year slips by one ("Ashworth (2013)" for
    2012), not by three or fifteen, so that is another work too (a
    republished work's original year, "1915/1950", names the work: only
    its edition is in doubt, and the link stays)."""
    rightly = {link.entry for link in links if link.outcome == "ok"}
    out = list(links)
    for at, (citation, link) in enumerate(zip(citations, links, strict=True)):
        if link.outcome != "year" or link.entry is None or link.entry not in rightly or not citation.year:
            continue
        if (len(references[link.entry].authors) == 2 and _et_al_in_brackets(citation)) or (
                "/" not in citation.year and _year_distance(references[link.entry].year, citation.year) > 1):
            out[at] = Link("missing")
    return out


def _et_al_in_brackets(citation: Citation) -> bool:
    """Whether the main work (not the via) is cited with "et al." or words
    standing for it ("Swinburn and colleagues (2019)": the entry's other
    names)."""
    if "al" not in citation.text and "co" not in citation.text:
        return False
    head = _AS_CITED.split(citation.text)[0]
    return ET_AL.search(head) is not None or colleagues_pattern().search(head) is not None


def _et_al_for(via: CitedWork, text: str) -> bool:
    if "et al" not in text:
        return False
    tail = _CITED.split(text)[-1]
    return "et al" in tail and len(via.authors) == 1
