"""Reading one bracket: tokens in, works (author, year, pages, via) out.

The finder hands over the inside of a bracket, and for a narrative citation
("Okafor (2018)") the words just before it. Both are cut into tokens by the
scanner in `patterns.token_pattern` and read by a small state machine rather
than one large regex: students write every order and punctuation, and a
machine that walks tokens once cannot backtrack, whatever the input.

The result is plain data (`Work`, `ParsedCitation`); turning it into model
objects, and judging its style, happens elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyser.citations.namewords import (
    abbreviation_bracket,
    adjacent,
    adjacent_words,
    initials_before,
    is_opener,
    law_in_name,
    listed_before_et_al,
    one_organisation_in_bracket,
    opens_organisation,
    organisations,
    serial_bodies,
    surname_word,
    term_abbreviation,
    titled_year,
    two_bodies,
    verb_inside,
)
from analyser.citations.patterns import (
    LOCATOR_NUMBER,
    is_abbreviation,
    load_data,
    normalise_pages,
    timestamp_at,
    token_pattern,
)
from analyser.citations.resolve import acronym_fits
from analyser.names import name_rules

_SPACE = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"['’]s$")
_PLURAL_POSSESSIVE = re.compile(r"(?<=s)['’]$")  # "Jones' (2019)": the name is Jones
_COMMA_AFTER = re.compile(r"\s{0,2},")  # a name set off from its year, as an author is in a bracket
# A given name written after the surname and a comma, "Kim, Jae-won (2020)": a romanised given name of two
# syllables with a lower-case second part, which no double-barrelled surname has ("Lloyd-Evans",
# "Sandhu-Grewal"); or an initial without its full stop, "Harvey, L (2008)" (no surname is one capital).
GIVEN_AFTER_COMMA = re.compile(r"[A-Z](?:[a-z]{1,12}-[a-z]{1,12})?")


@dataclass(slots=True)
class Token:
    kind: str
    text: str
    start: int  # offsets into the document text
    end: int
    match: re.Match[str] | None  # None for a bracket added by the finder


def tokens(text: str, offset: int = 0) -> list[Token]:
    """Scan `text` (which starts at document offset `offset`). A lone "in"
    between two capitalised everyday words is a word of an organisation's
    name, not the secondary phrase (`_in_a_name`)."""
    found = [
        Token(m.lastgroup or "other", m.group(), offset + m.start(), offset + m.end(), m)
        for m in token_pattern().finditer(text)
    ]
    for i in range(1, len(found) - 1):
        if found[i].kind == "secondary" and _in_a_name(found[i - 1], found[i], found[i + 1]):
            found[i].kind = "word"  # (a connector, as in "Office for Standards in Education")
    return found


def _in_a_name(before: Token, phrase: Token, after: Token) -> bool:
    """Whether "in" joins two words of an organisation's name ("(Women in
    Prison, 2021)", "Skills in Care", "Research in Practice", "Mind in
    Bradford") rather than a work to the source read ("(Tuckman in Lind,
    2013)"): the word before is a capitalised everyday word
    (`data/everyday_words.txt`), which a surname seldom is, and the word
    after is one too or a place a local organisation is named for
    (`[names].local_places`)."""
    everyday = name_rules().everyday
    if phrase.text != "in" or not all(t.kind == "name" and t.text[:1].isupper() for t in (before, after)):
        return False
    return before.text.lower() in everyday and (
        after.text.lower() in everyday or after.text.lower() in load_data().local_places)


@dataclass
class Work:
    """One cited work as written: author pieces, year, pages."""

    pieces: list[list[Token]]
    year: str
    suffix: str
    start: int
    end: int
    pages: str | None = None
    et_al: bool = False
    sibling: bool = False  # a second year for the same authors: "(Lind, 2013a, 2013b)"
    secondary: Token | None = None  # the "cited in" phrase before this work
    joined_by_and: bool = False  # "(Okafor, 2018 and Lind, 2013)"
    personal: bool = False  # a personal communication
    apart: bool = False  # its last name is one its abbreviation spells, apart from those before ("I CAN & ...")


@dataclass
class ParsedCitation:
    work: Work
    authors: list[str]
    via: Work | None = None
    via_authors: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0


def piece_text(text: str, piece: list[Token]) -> str:
    return _SPACE.sub(" ", text[piece[0].start : piece[-1].end])


def author_names(
    text: str, pieces: list[list[Token]], possessive: bool = False, bracketed: bool = False, apart: bool = False
) -> list[str] | None:
    """Surnames or organisation names as written, or None when the words are
    not authors ("Figure 2", "the Care Act"). Pieces are joined back into one
    organisation when any holds a joining word: "Department of Health" and
    "Social Care" are one name, "Huxham" and "Vangen" two; not when the last
    is the one organisation its abbreviation spells (`apart`: "I CAN & Royal
    College of Speech and Language Therapists [RCSLT]")."""
    data = load_data()
    if not pieces:
        return None
    for piece in pieces:
        for at, token in enumerate(piece):
            word = _POSSESSIVE.sub("", token.text).rstrip("'’").lower()
            if token.kind == "name" and (word in data.not_authors and not law_in_name(piece, at) or (
                    word in data.name_endings and not (at and at == len(piece) - 1))):
                if not surname_word(text, word, piece, len(pieces)):
                    return None
            if (token.kind == "name" and word in data.policy_endings and at and at == len(piece) - 1
                    and not any(t.text in data.given_names or name_rules().kind(t.text) == "name" for t in piece[:-1])):
                return None  # "the Soft Drinks Industry Levy (2018)": a tax, dated (not "Sacha Levy (2018)")
    in_name = bracketed and opens_organisation(pieces[0][0], pieces[-1])  # "(Later Life Alliance, n.d.)"
    if len(pieces[0]) >= 2 and is_opener(pieces[0], 0) and not in_name:
        pieces = [pieces[0][1:], *pieces[1:]]  # "(See Okafor, 2018)": a word of the sentence, capitalised
    pieces = [_without_given_name(piece, data.given_names) for piece in pieces]
    if len(pieces) >= 2 and len(pieces[-1]) == 1 and is_abbreviation(pieces[-1][0].text) and acronym_fits(
            pieces[-1][0].text, text[pieces[0][0].start : pieces[-2][-1].end]):
        pieces = pieces[:-1]  # "(National Institute for Health and Care Excellence, NICE, 2021)": its abbreviation
    if bracketed and not apart and (serial := serial_bodies(text, pieces)):
        names = serial  # "(Home Office, Department for Education, & Ministry of Justice, 2020)": APA 7's list
    elif len(pieces) > 1 and not apart and two_bodies(text, pieces):
        # "Department of Health and Department for Children, Schools and Families": two bodies, the second whole
        names = [piece_text(text, pieces[0]), _SPACE.sub(" ", text[pieces[1][0].start : pieces[-1][-1].end])]
    elif (len(pieces) > 1 and not apart and any(t.kind == "word" for piece in pieces for t in piece)
            and not organisations(pieces)):
        names = [_SPACE.sub(" ", text[pieces[0][0].start : pieces[-1][-1].end])]
    else:
        names = [piece_text(text, piece) for piece in pieces]
    if possessive:
        names[-1] = _PLURAL_POSSESSIVE.sub("", _POSSESSIVE.sub("", names[-1]))
    elif _POSSESSIVE.search(names[-1]) and not _COMMA_AFTER.match(text, pieces[-1][-1].end):
        return None  # "(Okafor's 2018 study)" is prose, not a citation; "(Barnardo's, 2022)" a body so named
    return names


def _without_given_name(piece: list[Token], given: frozenset[str]) -> list[Token]:
    """"John Smith" is Smith: a first name before a surname is dropped (the
    checker reports it). Only in a name of two words: "Joseph Rowntree
    Foundation" is an organisation named after a person, not a person."""
    if len(piece) == 2 and piece[0].text in given and piece[1].kind == "name":
        return piece[1:]
    return piece


def has_given_name(piece: list[Token]) -> bool:
    return _without_given_name(piece, load_data().given_names) is not piece


class _PartReader:
    """Reads the tokens of one part of a bracket (between semicolons)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.works: list[Work] = []
        self.pieces: list[list[Token]] = []
        self.current: list[Token] = []
        self.pending_connectors: list[Token] = []  # "for the" in "Department for the Environment"
        self.et_al = False
        self.secondary: Token | None = None
        self.after_and = False
        self.colon = False
        self.previous: str = ""
        self.square = False  # inside "[WHO]" after an organisation's name
        self.spelt = False  # ... before its first token, when the names before it are joined
        self.apart = False  # the last name is the one the abbreviation spells, the names before it others
        self.personal: list[list[Token]] | None = None  # the author of a personal communication, awaiting its date
        self.skip_to = 0  # the end of a labelled locator already read: its number's tokens are passed over


    def _join_spelt(self, token: Token) -> None:
        """The names before an abbreviation's bracket joined into the one
        organisation it spells ("Department of Health and Social Care
        [DHSC]"): only as many of the last names as it spells, so that "I
        CAN & Royal College of Speech and Language Therapists [RCSLT]" keeps
        I CAN apart; all of them when it spells none."""
        self.spelt = False
        if not self.pieces:
            return
        names = [*self.pieces, self.current]
        at = 0
        if token.kind == "name" and is_abbreviation(token.text):
            end = self.current[-1].end
            at = next((k for k in range(len(names) - 1, -1, -1)
                       if acronym_fits(token.text, self.text[names[k][0].start : end])), 0)
        self.current = [t for piece in names[at:] for t in piece]
        self.pieces = self.pieces[:at]
        self.apart = at > 0

    def _reset_authors(self) -> None:
        self.pieces, self.current, self.pending_connectors, self.et_al = [], [], [], False
        self.apart = False

    def _close_piece(self) -> None:
        if self.current:
            self.pieces.append(self.current)
            self.current = []
        self.pending_connectors = []

    def feed(self, token: Token) -> None:
        kind = token.kind
        data = load_data()
        if token.text in ("[", "(") and self.current:  # "World Health Organization [WHO], 2020" (or
            self.square = True  # "(WHO)" inside a bracket, as Cite Them Right writes it): one organisation
            self.spelt = True  # (the names before it joined when its abbreviation is read)
            return
        if self.square:
            if self.spelt:
                self._join_spelt(token)
            self.square = token.text not in ("]", ")")
            return
        if self.personal is not None and kind != "year":
            return  # the date of a personal communication: "3 March 2020"
        if token.start < self.skip_to:
            return
        if kind in ("name", "word") and self._labelled_locator(token):
            return
        if kind == "initial":
            self.previous = "name" if self.current else "comma"
            return  # "(Smith, J., 2019)", "(J. Smith, 2019)": initials are not part of the name
        if kind == "personal":
            self._close_piece()
            if self.pieces:
                self.personal = self.pieces
            elif self.works:
                self.works[-1].personal = True
            self.previous = kind
            return
        if kind == "name":
            if self.current and self.pending_connectors:
                self.current += [*self.pending_connectors, token]
                self.pending_connectors = []
            elif self.current and self.previous == "name":
                self.current.append(token)
            else:
                self._close_piece()
                self.current = [token]
        elif kind == "word":
            word = token.text.lower()
            if (self.current and len(self.pending_connectors) < 2
                    and (word in data.connectors or word in data.connectors_in_brackets)):
                self.pending_connectors.append(token)  # ("Prevention of Cruelty to Children", "for the")
            elif self.current or self.pieces:
                self._reset_authors()
        elif kind in ("and", "amp"):
            if self.current or self.pieces:
                self._close_piece()
            elif self.works:
                self.after_and = True
        elif kind == "comma":
            self._close_piece()
        elif kind == "etal":
            self._close_piece()
            self.et_al = bool(self.pieces)
        elif kind == "year":
            self._year(token)
        elif kind == "pages" and not self.works and (self.pieces or self.current) and self.secondary is None:
            self._no_year(token)  # "(Okafor, p. 45)": a citation without its year
        elif kind == "pages" and self.works:
            last = self.works[-1]
            assert token.match is not None  # only brackets the finder adds have no match
            last.pages = normalise_pages(token.match.group("plabel"), token.match.group("pvalue"))
            last.end = token.end
        elif kind == "colon":
            self.colon = True
        elif kind == "number" and self.works and self.previous in ("colon", "comma") and not self.current:
            last = self.works[-1]
            if last.pages is None and self.previous == "comma" and (stamp := timestamp_at(self.text, token.start)):
                last.pages, last.end = stamp.group(), stamp.end()  # "(Speak Up Together, 2021, 03:15)"
            elif last.pages is None and re.fullmatch(r"\d{1,5}(?:\s*[-–—]\s*\d{1,5})?", token.text):
                last.pages = normalise_pages("p", token.text)
                last.end = token.end
        elif kind == "secondary":
            if not self.works and (self.pieces or self.current):  # "(Tuckman in Lind, 2013)", "Pryce-Jones
                self._close_piece()  # (as cited in Cooper, 2017)": the original, its year unknown or left out
                self.works.append(Work(self.pieces, "", "", self.pieces[0][0].start, self.pieces[-1][-1].end,
                                       et_al=self.et_al))
            if self.works:
                self.secondary = token
            self._reset_authors()
        elif kind in ("number", "other") and (self.current or self.pieces):
            self._reset_authors()
        if kind != "colon" and kind != "comma":
            self.colon = False
        self.previous = kind

    def _labelled_locator(self, token: Token) -> bool:
        """A part's label and number after the year, "(NICE, 2012, recommendation
        1.3.1)": the locator the source gives, kept in `pages` as written."""
        if not self.works or self.previous != "comma" or self.current or self.pieces or self.works[-1].pages:
            return False
        if token.text.lower().rstrip(".") not in load_data().locator_words:
            return False
        number = LOCATOR_NUMBER.match(self.text, token.end)
        if number is None:
            return False
        last = self.works[-1]
        last.pages = f"{token.text} {number.group('value')}"
        last.end = self.skip_to = number.end()
        self.previous = "pages"
        return True

    def _no_year(self, token: Token) -> None:
        assert token.match is not None
        self._close_piece()
        work = Work(self.pieces, "", "", self.pieces[0][0].start, token.end, et_al=self.et_al)
        work.pages = normalise_pages(token.match.group("plabel"), token.match.group("pvalue"))
        self.works.append(work)
        self._reset_authors()

    def _year(self, token: Token) -> None:
        match = token.match
        assert match is not None  # only brackets the finder adds have no match
        suffix = match.group("suffix") or match.group("nd_suffix") or ""
        year = token.text[: len(token.text) - len(suffix)] if suffix else token.text
        year = _SPACE.sub(" ", year).rstrip("-")
        if year[0].isalpha():
            year = "n.d." if year.startswith(("n", "N")) and "press" not in year else year.lower()
        self._close_piece()
        if self.personal is not None:
            self.pieces, self.personal = self.personal, None
            self.works.append(Work(self.pieces, year, suffix, self.pieces[0][0].start, token.end,
                                   et_al=self.et_al, personal=True))
        elif self.pieces:  # (a work's initials before it in a bracket of several are its: "...; D. Oliver, 2016")
            start = initials_before(self.text, self.pieces[0][0].start)
            self.works.append(
                Work(self.pieces, year, suffix, start, token.end, et_al=self.et_al, secondary=self.secondary,
                     joined_by_and=self.after_and, apart=self.apart)
            )
        elif self.works and self.secondary is None:
            self.works.append(Work(self.works[-1].pieces, year, suffix, token.start, token.end,
                                   et_al=self.works[-1].et_al, sibling=True))
        else:
            return
        self.secondary = None
        self.after_and = False
        self._reset_authors()


_NAME_ONLY = frozenset(("name", "and", "amp", "comma", "etal"))


def read_part(
    text: str, part: list[Token], lead: Work | None = None, after: Work | None = None, among: bool = False
) -> list[ParsedCitation]:
    """The citations in one part. `lead` is a narrative citation's authors,
    already read from before the bracket, waiting for their year; `after` is
    the last work of the previous part, whose authors a part that is only a
    year keeps ("(Lindqvist, 2015a; 2015b)"). `among`: the part is one of
    several works in a bracket, where a part of names alone is a work cited
    without its year ("(Baxter and Nguyen, 2022; Holloway)"); so is a part
    of names ending in "et al.", which stands only for authors ("(Brooks et
    al.)")."""
    reader = _PartReader(text)
    if lead is not None:
        reader.pieces, reader.et_al = lead.pieces, lead.et_al
    if after is not None:
        reader.works = [after]
    for i, token in enumerate(part):
        if _stop_for_comma(part, i):  # "(Department for Education. 2023)": read as the comma it stands for
            token = Token("comma", token.text, token.start, token.end, None)
        reader.feed(token)
    alone = among or part[-1].kind == "etal"  # ("(Brooks et al.)": names and "et al." alone are a work too)
    if alone and not reader.works and part[0].kind == "name" and all(t.kind in _NAME_ONLY for t in part):
        reader._close_piece()
        if reader.pieces:
            reader.works.append(Work(reader.pieces, "", "", part[0].start, part[-1].end, et_al=reader.et_al))
    out: list[ParsedCitation] = []
    for work in reader.works:
        if work is after:
            continue
        bracketed = lead is None or work is not reader.works[0]
        if bracketed and one_organisation_in_bracket(work.pieces):
            work.pieces = [one_organisation(work.pieces)]
        authors = author_names(text, work.pieces, possessive=not bracketed, bracketed=bracketed, apart=work.apart)
        if authors is None:
            continue
        previous = out[-1] if out else None
        is_via = work.secondary is not None or (
            not work.sibling and not work.joined_by_and and previous is not None
            and previous.via is None and not previous.work.sibling
        )
        if previous is not None and is_via and previous.via is None and not work.sibling:
            previous.via, previous.via_authors = work, authors
            previous.end = work.end
            continue
        out.append(ParsedCitation(work, authors, start=work.start, end=work.end))
    return out


def _stop_for_comma(part: list[Token], i: int) -> bool:
    """A full stop between a name and a year, where the comma goes (the
    checker tells it, `missing_comma`)."""
    return (part[i].text == "." and 0 < i < len(part) - 1 and part[i - 1].kind == "name"
            and part[i + 1].kind == "year")


def split_parts(content: list[Token]) -> list[list[Token]]:
    parts: list[list[Token]] = [[]]
    for token in content:
        if token.kind == "semi":
            parts.append([])
        else:
            parts[-1].append(token)
    return [p for p in parts if p]


def narrative_authors(text: str, before: list[Token]) -> tuple[Work, int] | None:
    """Authors written just before a "(year)" bracket, read backwards: the
    names, "and"/"&" and commas of a list (or commas alone before "et al.":
    `listed_before_et_al`), "et al.", a possessive, and an acronym in
    brackets ("... Excellence (NICE) (2019)") or after a comma ("The Care
    Quality Commission, CQC (2022)": the name it spells is the author, as
    inside a bracket, `author_names`). Returns a lead work
    (no year yet) and the offset where the citation starts, or None."""
    data = load_data()
    i = len(before) - 1
    i -= i >= 1 and before[i].kind == "comma"  # "Okafor et al., (2016)" (the checker reports the comma)
    i -= abbreviation_bracket(before, i)  # "... Excellence (NICE) (2019)": the name before it is the author
    while i >= 1 and before[i].kind == "initial":  # "Patel, J. (2019)"
        i -= 1
        if before[i].kind == "comma":
            i -= 1
    if (i >= 2 and before[i].kind == "name" and GIVEN_AFTER_COMMA.fullmatch(before[i].text)
            and before[i - 1].kind == "comma" and before[i - 2].kind == "name"):
        i -= 2  # "Kim, Jae-won (2020)": the checker reports the given name
    i -= (in_name := titled_year(text, before, i))  # "... Capacity Act 2005 (2014)": the law's year, the name's
    if i < 0:
        return None
    et_al = False
    if i >= 2 and before[i].kind == "word" and before[i].text.lower().rstrip("'’") in data.colleagues \
            and before[i - 1].kind in ("and", "amp"):  # "Brannigan and colleagues (2014)"
        et_al = True
        i -= 2
    elif before[i].kind == "etal":
        et_al = True
        i -= 1
        i -= i >= 0 and before[i].kind == "comma"
        while i >= 1 and before[i].kind == "initial":  # "Cemlyn, S. et al. (2009)" (the checker reports them)
            i -= 1
            if before[i].kind == "comma":
                i -= 1
    if i < 0 or before[i].kind != "name":
        return None
    pieces: list[list[Token]] = []
    seen_and = et_al and listed_before_et_al(before, i)  # ("Okafor, Lind, Moss et al. (2015)": commas alone)
    while i >= 0 and before[i].kind == "name":
        j = i
        while j > 0:
            prev = before[j - 1]
            if prev.kind == "name" and adjacent(text, prev, before[j]):
                j -= 1
            elif (prev.kind == "word" and prev.text.lower() in data.connectors and j > 1
                  and before[j - 2].kind == "name"):
                j -= 2
            elif (prev.kind == "secondary" and prev.text.lower() in data.connectors and j > 2
                  and before[j - 2].kind == "name" and before[j - 3].kind in ("name", "word")
                  and (before[j - 3].kind == "name" or before[j - 3].text.lower() in data.connectors)):
                j -= 2  # "Office for Standards in Education": "in" inside a name, not "Laming in Parker"
            elif (prev.kind == "word" and prev.text.lower() in data.connectors and j > 2
                  and before[j - 2].kind == "word" and before[j - 2].text.lower() in data.connectors
                  and before[j - 3].kind == "name"):  # "Department for the Environment (2019)"
                j -= 3
            else:
                break
        piece = before[j : i + 1 + (0 if pieces else in_name)]
        trimmed = False
        if verb := verb_inside(piece):  # a title-case heading, "A Reflective Account Using Rolfe et al.'s (2001) ..."
            piece, trimmed = piece[verb + 1 :], True
        while piece and (piece[0].kind != "name" or is_opener(piece, 0)):
            piece, trimmed = piece[1:], True
        if not piece:
            break
        pieces.insert(0, piece)
        if trimmed:
            break
        k = j - 1
        if k >= 1 and before[k].kind in ("and", "amp"):
            k2 = k - 1
            if before[k2].kind == "comma" and k2 >= 1:
                k2 -= 1
            if before[k2].kind == "name" and before[k2].text.lower() not in data.openers:
                if k2 < k - 1 and term_abbreviation(before, k2, pieces):
                    break  # "... people with SCI, and Post & van Leeuwen (2012)": the clause before ends there
                seen_and = True
                i = k2
                continue
            break
        if (k >= 1 and before[k].kind == "comma" and seen_and and before[k - 1].kind == "name"
                and not _place_after_preposition(before, k - 1)):
            i = k - 1
            continue
        break
    if not pieces or len(pieces) > 12:
        return None
    first = before.index(pieces[0][0])
    if (len(pieces) == 1 and len(pieces[0]) == 1 and is_abbreviation(pieces[0][0].text) and first >= 2
            and before[first - 1].kind == "comma"):  # "The Care Quality Commission, CQC (2022)": the name
        named = narrative_authors(text, before[: first - 1])  # its abbreviation, set off by a comma, spells
        if named is not None and acronym_fits(pieces[0][0].text, text[named[1] : before[first - 2].end]):
            pieces = [one_organisation(named[0].pieces)]
            first = before.index(pieces[0][0])
    if len(pieces) == 2 and not organisations(pieces) and not two_bodies(text, pieces) and (
        pieces[0][0].text == "The" and len(pieces[0]) + len(pieces[1]) >= 4
        or first and before[first - 1].text == "the" and len(pieces[0]) + len(pieces[1]) >= 3
        or one_organisation_in_bracket(pieces)  # ("Health and Care Professions Council (2023)")
    ):  # "The Northmoor Health and Wellbeing Board (2021)", "the Nursing and Midwifery Council (2018)"
        pieces = [one_organisation(pieces)]
    start = pieces[0][0].start
    if first and before[first - 1].kind == "initial":  # "J. Patel (personal communication, ...)"
        start = before[first - 1].start
    lead = Work(pieces, "", "", start, before[-1].end, et_al=et_al)
    return lead, start


def _place_after_preposition(before: list[Token], at: int) -> bool:
    """"In England, Bretherton and Pleace (2015)": a place (`[names].local_places`)
    after a preposition opening the clause, and a comma, is where the
    sentence is set, not the first of a list of names; so are up to three
    capitalised words after a preposition and "the" ("In the UK, Burnett
    and Peel (2001)", "Across the United States, ..."), whatever they are."""
    data = load_data()
    if (before[at].text.lower() in data.local_places and at >= 1
            and before[at - 1].text.lower() in data.place_prepositions):
        return True
    # "In the UK, Burnett and Peel (2001)", "Across the United States, ...": an article after the preposition
    # makes the capitalised words a place (or a thing), never the first of the names
    k = at
    while k > 0 and at - k < 3 and before[k - 1].kind == "name" and adjacent_words(before[k - 1], before[k]):
        k -= 1
    return k >= 2 and before[k - 1].text.lower() == "the" and before[k - 2].text.lower() in data.place_prepositions


def one_organisation(pieces: list[list[Token]]) -> list[Token]:
    """The pieces of a name split at "and" read as one organisation's name:
    "The Health and Care Professions Council" is one group author, not
    "The Health" and "Care Professions Council". Only a name that opens with
    "The" or follows "the" (no person's name does: "the Nursing and
    Midwifery Council", though "the Tuckman and Jensen (1977) model" keeps
    two one-word names apart), or that its abbreviation spells, is joined."""
    return [token for piece in pieces for token in piece]
