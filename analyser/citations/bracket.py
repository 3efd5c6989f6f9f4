"""Read one bracket's citations: a pure function of the bracket's text.

The finder (`find.py`) decides where a bracket and the names before it are;
this module reads what they hold, token by token with the scanner
(`parse.py`): whether the bracket can hold a citation at all (`bracket_shape`),
and the works in it (`read_bracket`), with the bracket forms of personal
communications (named inside, undated, unnamed). Being pure, every function
here is memoised per distinct string: an essay repeats its citations.
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyser.citations.namewords import model_owner
from analyser.citations.parse import (
    ParsedCitation,
    Token,
    Work,
    narrative_authors,
    one_organisation,
    read_part,
    split_parts,
    tokens,
)
from analyser.citations.patterns import ET_AL_ONLY, NO_YEAR, YEARISH, is_abbreviation, load_data
from analyser.citations.resolve import acronym_fits

# (or with the secondary phrase: "Pryce-Jones (as cited in Cooper, 2017)", the original's year left out)
YEAR_FIRST = re.compile(r"\s*(?:1[5-9]\d\d|20\d\d|n\.\s?d\b|nd\b|no\sdate|in\spress|forthcoming|(?i:personal\s)"
                        r"|(?:as\s)?(?:cited|quoted)\s(?:in|by)\s"
                        r"|\[?(?:[a-z](?=[A-Z]{2}))?[A-Z](?:[A-Z&]|[a-z](?=[A-Z])){1,11}(?:(?<=[A-Z]{3})[a-z]{2,5})?(?:\s[A-Z]{2,4}(?=,|\s{1,2}(?:1[5-9]\d\d|20\d\d)))?\]?(?:,\s{0,2}|\s{1,2})"
                        r"(?:1[5-9]\d\d|20\d\d|n\.\s?d\b|nd\b|no\sdate))")
# A narrative bracket that holds only the page: "Carter and Osei (pp. 12-15)" (no year).
PAGE_FIRST = re.compile(r"\s{0,2}(?:pp?|pgs?|paras?|page)\.?\s{0,2}\d")

Read = tuple[int, int, tuple[str, ...], str, str, str | None, bool, tuple | None]


_DEFINED_FIRST = re.compile(r"\((?P<abbreviation>[A-Z][A-Za-z]{1,7})[ \t]*;")
_BEFORE_WORDS = re.compile(r"[^\W\d_]+")


def bracket_piece(text: str, names_at: int, open_at: int, close_at: int) -> str:
    """The text from a bracket's names to its end, as it is read, with an
    abbreviation opening the bracket before a semicolon blanked out when it
    spells the words just before the bracket (each word's and each hyphened
    part's initial): "... post-intensive care syndrome (PICS; Needham et
    al., 2012)". APA 7 (6.25) defines an abbreviation so, first in the
    citation's bracket with a semicolon after it; the abbreviation is no
    author, and the bracket is the one citation after it (offsets kept)."""
    piece = text[names_at:close_at]
    if (name := _NAME_AFTER.match(text, open_at)) is not None and name_after_abbreviation(text, name.start("name")):
        at = name.start("name") - names_at  # "(OHID (Office for ... Disparities), 2023)": read as "(OHID, 2023)"
        return piece[:at] + " " * (name.end("name") - name.start("name")) + piece[name.end("name") - names_at :]
    match = _DEFINED_FIRST.match(text, open_at)
    if match is None or not is_abbreviation(match.group("abbreviation")):
        return piece
    words = _BEFORE_WORDS.findall(text, max(0, open_at - 100), open_at)[-12:]
    if not any(acronym_fits(match.group("abbreviation"), " ".join(words[k:])) for k in range(len(words))):
        return piece
    at = open_at - names_at + 1
    return piece[:at] + " " * (match.end() - open_at - 1) + piece[match.end() - names_at :]


_NAME_AFTER = re.compile(r"\([ \t]{0,2}(?P<abbreviation>[A-Z][A-Za-z]{1,7})[ \t]{1,2}(?P<name>\([^()\n]{3,150}\))")


def name_after_abbreviation(text: str, inner: int) -> int | None:
    """Where the bracket opens whose abbreviation, first in it, the bracket
    at `inner` writes in full: "(OHID (Office for Health Improvement and
    Disparities), 2023)", the reverse of both guides' "(Name (ABBR), year)".
    The abbreviation is the author, the name its definition (no code covers
    the order: read, not told); None when the words do not fit so."""
    open_at = text.rfind("(", max(0, inner - 12), inner)
    match = _NAME_AFTER.match(text, open_at) if open_at >= 0 else None
    if match is None or match.start("name") != inner:
        return None
    name = match.group("name")[1:-1]
    return open_at if name[:1].isupper() and acronym_fits(match.group("abbreviation"), name) else None


@lru_cache(maxsize=8192)
def bracket_shape(content: str) -> bool | None:
    """None when the inside of a bracket cannot hold a citation (no year, or
    a blank line); otherwise whether it starts with the year (a narrative
    citation's bracket). Remembered per distinct content: an essay repeats
    its citations, and this saves two regex calls on each repeat."""
    if "\n\n" in content:
        return None
    if not YEARISH.search(content):  # "(Okafor, p. 45)" has no year, but is a citation
        lowered = content.lower()  # "(Ward Manager, personal communication)": read, to say what it lacks
        if (NO_YEAR.match(content) or ET_AL_ONLY.fullmatch(content)  # "(Brooks et al.)": read, to say it lacks one
                or any(phrase in lowered for phrase in load_data().personal)):
            return False
        return True if PAGE_FIRST.match(content) else None
    return YEAR_FIRST.match(content) is not None


@lru_cache(maxsize=8192)
def read_bracket(piece: str, nested: bool = False) -> tuple[Read, ...]:
    """The citations in `piece`: a bracket, preceded for a narrative citation
    by the words that may name its authors. A pure function of the string, so
    a citation repeated in an essay (or across a batch) is read once; offsets
    are relative to the start of `piece`. `nested`: the piece is one bracket
    holding an abbreviation's bracket ("(... Excellence (NICE), 2018)")."""
    open_at = 0 if nested else piece.rindex("(")
    out = []
    for parsed, narrative in _read_bracket(piece, open_at, len(piece)):
        via = None
        if parsed.via is not None:
            via = (tuple(parsed.via_authors), parsed.via.year, parsed.via.suffix, parsed.via.pages)
        work = parsed.work
        out.append((parsed.start, parsed.end, tuple(parsed.authors), work.year, work.suffix, work.pages,
                    narrative, via))
    return tuple(out)


def _spelt(text: str, before: list[Token], lead: tuple[Work, int] | None, abbreviation: str) -> tuple[Work, int] | None:
    """The name an abbreviation opening the year's bracket spells, read past
    one word in small letters inside it ("the Medicines and Healthcare
    products Regulatory Agency (MHRA, 2020)": the run of capitalised words
    stops at "products"), when the whole from the earlier run's start fits
    the abbreviation (`resolve.acronym_fits`, which begins at the name's first
    word); otherwise the lead as read."""
    if lead is None or acronym_fits(abbreviation, text[lead[1] : lead[0].pieces[-1][-1].end]):
        return lead
    at = next((k for k, token in enumerate(before) if token.start == lead[1]), 0)
    word = before[at - 1] if at >= 2 else None
    if word is None or word.kind != "word" or not word.text.isalpha() or not word.text.islower():
        return lead
    earlier = narrative_authors(text, before[: at - 1])
    if earlier is None or not acronym_fits(abbreviation, text[earlier[1] : lead[0].pieces[-1][-1].end]):
        return lead
    earlier[0].pieces = [*earlier[0].pieces, [word], *lead[0].pieces]
    earlier[0].end = lead[0].end
    return earlier


def _read_bracket(text: str, open_at: int, close_at: int) -> list[tuple[ParsedCitation, bool]]:
    inner = tokens(text[open_at + 1 : close_at - 1], open_at + 1)
    parts = split_parts(inner)
    if not parts:
        return []
    lead = None
    if parts[0][0].kind == "personal" and (named := _personal_named_inside(text, parts, open_at, close_at)):
        return named
    if parts[0][0].kind in ("year", "personal", "pages"):
        before = tokens(text[:open_at])
        lead = narrative_authors(text, before)
        if lead is None and parts[0][0].kind == "year" and (owner := model_owner(before)) is not None:
            lead = narrative_authors(text, before[:owner])  # "Bronfenbrenner's ecological model (1979, ...)"
        if lead is None:
            return _unnamed_personal(parts, open_at, close_at) or _name_after_year(text, parts, open_at, close_at)
    elif parts[0][0].kind == "secondary":  # "Pryce-Jones (as cited in Cooper, 2017)": the original's year left out
        lead = narrative_authors(text, tokens(text[:open_at]))
    elif (name_at := _acronym_first(parts[0], text[:open_at].rstrip())) is not None:  # "The Department of Health
        before = tokens(text[:open_at])  # and Social Care (DHSC, 2022)", or "([DHSC], 2022)" (told: `debris`)
        words = 1 + (not name_at and _name_word_after(parts[0], before))
        abbreviation = " ".join(token.text for token in parts[0][name_at : name_at + words])
        lead = _spelt(text, before, narrative_authors(text, before), abbreviation)
        if lead is not None and acronym_fits(abbreviation, text[lead[1] : lead[0].pieces[-1][-1].end]):
            parts[0] = parts[0][name_at + words + (name_at > 0) :]
            lead[0].pieces = [one_organisation(lead[0].pieces)]  # (the abbreviation spells one name)
        else:
            lead = None
    if lead is not None:
        work, start = lead
        out: list[tuple[ParsedCitation, bool]] = []
        first = read_part(text, parts[0], lead=work)
        for parsed in first:
            parsed.start, parsed.end = start, close_at
            out.append((parsed, True))
        for part in parts[1:]:
            if part[0].kind == "year" and first:  # "Lindqvist (2015a; 2015b)"
                for parsed in read_part(text, part, after=first[0].work):
                    parsed.start, parsed.end = start, close_at
                    out.append((parsed, True))
            else:
                out.extend((parsed, False) for parsed in read_part(text, part))
        return out
    found: list[ParsedCitation] = []
    for part in parts:
        after = found[-1].work if found and part[0].kind == "year" else None
        found.extend(read_part(text, part, after=after, among=len(parts) > 1))
    if not found:
        return _undated_personal(text, parts, open_at, close_at) or _role_personal(parts, open_at, close_at)
    if len(found) == 1:
        found[0].start, found[0].end = open_at, close_at
        if found[0].work.personal and _role(found[0].authors):
            found[0].authors = []  # "(AMHP, personal communication, 2023)": a role names nobody
    return [(parsed, False) for parsed in found]


def _personal_named_inside(
    text: str, parts: list[list[Token]], open_at: int, close_at: int
) -> list[tuple[ParsedCitation, bool]]:
    """"(personal communication, Tom Reilly, 2023)": the person is named
    after the phrase, inside the bracket, so the words before the bracket
    ("... came from GPs") are not a narrative citation's author. The
    bracket is one personal communication of that person, spanning it."""
    rest = parts[0][1:]
    if len(parts) != 1 or not rest or rest[0].kind != "comma" or not any(t.kind == "name" for t in rest):
        return []
    found = read_part(text, rest[1:])
    if len(found) != 1 or not found[0].authors:
        return []
    found[0].work.personal = True
    found[0].start, found[0].end = open_at, close_at
    return [(found[0], False)]


def _undated_personal(
    text: str, parts: list[list[Token]], open_at: int, close_at: int
) -> list[tuple[ParsedCitation, bool]]:
    """"(Ward Manager, personal communication)", "(J. Patel, personal
    communication)": a personal communication with no date (the phrase
    ends the bracket, after a comma), spanning the bracket; the checker
    reports the missing year. A role (`[names].roles`) or no name at all is
    nobody the reader can identify: no author."""
    part = parts[0]
    if len(parts) != 1 or len(part) < 3 or part[-1].kind != "personal" or part[-2].kind != "comma":
        return []
    before = [t for t in part[:-2] if t.kind != "initial"]
    found: list[ParsedCitation] = []
    if before and before[0].kind == "name" and not _role([t.text for t in before]):
        found = read_part(text, before, among=True)
        if not found:
            return []
    parsed = found[0] if found else ParsedCitation(Work([], "", "", open_at, close_at), [])
    parsed.work.personal = True
    parsed.start, parsed.end = open_at, close_at
    return [(parsed, False)]


def _role(words: list[str]) -> bool:
    """A personal communication's "author" that names a role, not a person
    ("Ward Manager", "AMHP": `[names].roles`): nobody the reader can identify."""
    roles = load_data().roles
    return any(word.lower() in roles for name in words for word in name.split())


def _role_personal(parts: list[list[Token]], open_at: int, close_at: int) -> list[tuple[ParsedCitation, bool]]:
    """"(supervisor, personal communication, 2022)", "(my practice
    assessor, personal communication, 4 May 2023)": a role written small
    before the phrase names nobody, as "(Ward Manager, ...)" does; the
    bracket is one personal communication without its person, with the
    year of its date (the checker reports it)."""
    part = parts[0]
    at = next((i for i, t in enumerate(part) if t.kind == "personal"), None)
    if len(parts) != 1 or at is None or at < 2 or part[at - 1].kind != "comma":
        return []
    before = [t.text for t in part[: at - 1]]
    if not all(w.islower() for w in before) or not _role(before[-1:]):
        return []
    year = next((t for t in part[at + 1 :] if t.kind == "year" and t.text[:1].isdigit()), None)
    work = Work([], year.text[:4] if year else "", "", open_at, close_at, personal=True)
    return [(ParsedCitation(work, [], start=open_at, end=close_at), False)]


def _unnamed_personal(parts: list[list[Token]], open_at: int, close_at: int) -> list[tuple[ParsedCitation, bool]]:
    """"(personal communication, 12 March 2024)" with nobody named before
    it: a personal communication cited without its person (the checker
    reports it), spanning the whole bracket, with the year of its date; or
    the phrase alone, "(personal communication)", without a year."""
    if len(parts) != 1 or parts[0][0].kind != "personal":
        return []
    year = next((t for t in parts[0] if t.kind == "year" and t.text[:1].isdigit()), None)
    if year is None and len(parts[0]) > 1:
        return []  # (the phrase alone, "(personal communication)", names neither person nor date: read)
    work = Work([], year.text[:4] if year else "", "", open_at, close_at, personal=True)
    return [(ParsedCitation(work, [], start=open_at, end=close_at), False)]


def _name_after_year(
    text: str, parts: list[list[Token]], open_at: int, close_at: int
) -> list[tuple[ParsedCitation, bool]]:
    """"(2021, National Academy for Social Prescribing)", with no name before
    the bracket: the year written before its author, the order both guides
    reverse; one bracket citation of the names after the comma, spanning the
    bracket (no code covers the order: read, not told). Only names follow
    the comma ("(2021, p. 4)" and "(2019, cited in ...)" are other shapes)."""
    part = parts[0]
    if len(parts) != 1 or len(part) < 3 or part[0].kind != "year" or part[1].kind != "comma":
        return []
    names = part[2:]
    if names[0].kind != "name" or any(t.kind not in ("name", "word", "and", "amp") for t in names):
        return []
    found = read_part(text, [*names, part[1], part[0]])
    if len(found) != 1 or not found[0].authors:
        return []
    found[0].start, found[0].end = open_at, close_at
    return [(found[0], False)]


def _acronym_first(part: list[Token], before: str) -> int | None:
    """Where the abbreviation is in a bracket opening with it and the year,
    "(DHSC, 2022)" (0), or with the abbreviation in square brackets,
    "([DHSC], 2022)" (1); None for any other bracket. `before`: the text
    before the bracket, whose last word may end the abbreviation too ("...
    Nurses UK (ASCN UK, 2016)")."""
    at = 1 if part and part[0].text == "[" else 0
    if at and not (len(part) > 2 and part[2].text == "]"):
        return None
    rest = part[at + 1 + at :]
    word_after = not at and len(rest) > 1 and rest[0].kind == "name" and is_abbreviation(rest[0].text) \
        and before.endswith(" " + rest[0].text)
    if word_after:
        rest = rest[1:]  # "(ASCN UK, 2016)": the name's own last word after its letters (`_name_word_after`)
    if (len(part) > at and part[at].kind == "name" and is_abbreviation(part[at].text) and len(rest) > 1
            and rest[0].kind == "comma" and rest[1].kind == "year"):
        return at
    if not at and len(part) > 1 and part[0].kind == "name" and is_abbreviation(part[0].text) \
            and (part[1].kind == "year" or word_after and rest[0].kind == "year"):
        return 0  # "(NCEPOD 2014)", "(ASCN UK 2016)": the comma left out (`missing_comma`), its name's bracket still
    return None


def _name_word_after(part: list[Token], before: list[Token]) -> bool:
    """Whether the abbreviation opening a bracket goes on with the last word
    of the name written before the bracket, in capitals: "The Association of
    Stoma Care Nurses UK (ASCN UK, 2016)", one abbreviation of two words."""
    return (len(part) > 2 and part[1].kind == "name" and is_abbreviation(part[1].text) and bool(before)
            and before[-1].text == part[1].text)
