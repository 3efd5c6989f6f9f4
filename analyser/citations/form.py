"""The style problems a citation's own text shows, judged by a style's rules
(part of the *annotate* stage; check.py adds the cross-checks).

Read from the citation's text, token by token with the scanner the finder
uses, so a citation record is all this needs. A pure function of the text, a
style and a few facts of the record, so a citation repeated in an essay (or a
batch) is read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile
from typing import NamedTuple

from analyser.citations.namewords import is_opener, opens_organisation
from analyser.citations.parse import (
    GIVEN_AFTER_COMMA,
    Token,
    tokens,
)
from analyser.citations.patterns import (
    ACRONYM_COMMA,
    ET_AL,
    YEAR_NUMBER,
    colleagues_pattern,
    is_abbreviation,
    load_data,
    normalise_pages,
    subject_verb,
    timestamp_at,
)
from analyser.citations.resolve import acronym_fits
from analyser.citations.style import CitationStyle
from analyser.model import Citation

Found = tuple[str, str, tuple[tuple[str, str], ...]]  # (code, message variant, message fields)
# A group author's abbreviation after its name, "[DHSC]" (APA 7) or "(NICE)" inside the bracket.
_ABBREVIATION = re.compile(r"(?<=\s)(?:\[[A-Z][A-Za-z&.]{1,12}\]|\([A-Z][A-Za-z&.]{1,12}\))")
_PAGE_LABELS = {"p", "pp", "para"}  # (labels the guides write with a full stop)
EG_NO_COMMA = re.compile(r"\b(?:e\.\s?g|i\.\s?e)\.(?!,)")


@dataclass(frozen=True)
class TextFacts:
    """What the annotate stage reads from a citation's text."""

    problems: tuple[Found, ...]
    prefix: str  # words inside the bracket before the first author ("see ")
    et_al: bool  # the cited work is given as "First et al." (or "and colleagues")
    personal: bool  # a personal communication
    abbreviation: str  # a group author's abbreviation, "[DHSC]" or "(NICE)", kept in the fix
    others: str = ""  # the words written for the other authors when not "et al.": "and colleagues"
    listed: bool = False  # two complete works run together with a comma: "(Ellison, 2018, Home Office, 2021)"


class Shape(NamedTuple):
    """The facts of a citation record its text is judged with (a named
    tuple: it is a cache key for every citation, and hashes in C)."""

    narrative: bool
    has_via: bool
    has_pages: bool
    authors: int  # how many authors the finder read
    via_authors: int = 0  # ... for the source read
    given_name: bool = False  # a first name stands before the first author inside the bracket
    joined_names: tuple[str, ...] = ()  # authors whose own names hold "and" or "&" ("... Paediatrics and Child Health")


# Citations already written correctly in the commonest shapes, "(Okafor, 2018,
# p. 45)", "Huxham and Vangen (2005)", "O'Neill et al. (2016, pp. 77–95)":
# they have no style problem but the joining word, so they need no scanning.
# tests/citations checks that this gives what the full reading gives.
_NAMES = r"[A-Z][a-z'’\-]{1,30}+(?:[A-Z][a-z'’\-]{1,30}+)?(?: (?:(?:for|of|the) )?[A-Z][A-Za-z'’\-]{1,30}+){0,4}+"
_LOCATOR = r"(?:, p\. \d{1,5}|, pp\. \d{1,5}[–-]\d{1,5})?"
CLEAN = re.compile(
    rf"""
    (?P<parenthetical> \( {_NAMES} (?: \ (?:and|&)\ {_NAMES} )? (?: \ et\ al\. )? ,\ {YEAR_NUMBER}[a-z]? {_LOCATOR} \) )
  | (?P<narrative> {_NAMES} (?: \ (?:and|&)\ {_NAMES} )? (?: \ et\ al\. )? \ \( {YEAR_NUMBER}[a-z]? {_LOCATOR} \) )
    """,
    re.VERBOSE,
)
_CAPITALISED = re.compile(r"[A-Z][a-z]+")


@lru_cache(maxsize=8192)
def read_text(text: str, shape: Shape, style: CitationStyle) -> TextFacts:
    """Style problems and the other facts in a citation's text."""
    clean = None if shape.has_via or shape.authors >= style.et_al_from or shape.joined_names or (
        shape.authors >= 2 and "et al" in text) else CLEAN.fullmatch(text)
    if (
        clean is not None and (clean.group("narrative") is not None) == shape.narrative
        and (style.page, style.pages) == ("p.", "pp.")
        and not shape.given_name and not load_data().given_names.intersection(_CAPITALISED.findall(text))
    ):
        problems: tuple[Found, ...] = ()
        if shape.authors >= 2:
            join = style.join_in_text if shape.narrative else style.join_in_brackets
            found = "&" if "&" in text else "and"
            if found != join:
                variant = "message_text" if shape.narrative else "message_brackets"
                problems = (("and_ampersand", variant, (("join", join), ("found", found))),)
        return TextFacts(problems, "", "et al" in text, False, "")
    return read_text_fully(text, shape, style)


def read_text_fully(text: str, shape: Shape, style: CitationStyle) -> TextFacts:
    toks = tokens(text)
    problems = _style_problems(text, toks, shape, style)
    first = next((t.start for i, t in enumerate(toks) if t.kind in ("name", "initial") and not _opener(toks, i)), None)
    personal = any(t.kind == "personal" for t in toks)
    # (a personal communication's phrase before the name is no prefix: "(personal communication, Tom Reilly, 2023)")
    prefix = text[1:first] if first and toks and toks[0].text == "(" and not personal else ""
    if prefix[:1].isupper():  # "(See Okafor, 2018)": the guides write "see" inside the bracket
        prefix = prefix[0].lower() + prefix[1:]
    eg = EG_NO_COMMA.search(prefix) if style.comma_after_eg else None
    if eg:  # "(e.g. Collins, 2020)" in APA: the fix keeps the prefix, with its comma
        problems.append(("eg_comma", "message", {"found": eg.group()}))
        prefix = EG_NO_COMMA.sub(lambda m: m.group() + ",", prefix)
    listed = any(code == "run_together" and variant == "message_list" for code, variant, _ in problems)
    # (two works run together with a comma: the first work's text ends at its year, "(Public Health
    # England, 2021, Razai et al, 2021)": the second's "et al." is not the first's)
    secondary = next((t.start for t in toks if t.kind == ("year" if listed else "secondary")), len(text))
    head = text.split("(")[0] if shape.narrative else text[:secondary]
    written_et_al = ET_AL.search(head) is not None
    colleagues = None if written_et_al else colleagues_pattern().search(head)  # "and colleagues" kept in fixes
    et_al = written_et_al or colleagues is not None
    others = colleagues.group() if colleagues else ""
    join = style.join_in_text if shape.narrative else style.join_in_brackets
    if others.startswith("&") and join == "and":
        # "Lewis & colleagues (2021)": "and colleagues" stands for the other authors, so its joining word is the
        # style's between authors ("and" in the text; in Cite Them Right everywhere); APA 7's "&" in a bracket stays
        problems.append(("and_ampersand", "message_text" if shape.narrative else "message_brackets",
                         {"join": join, "found": "&"}))
        others = "and" + others[1:]
    square = _ABBREVIATION.search(head)
    comma = None if square or shape.narrative else ACRONYM_COMMA.search(head)  # "(..., NICE, 2021)": kept as "(NICE)"
    if comma is not None and not acronym_fits(comma.group("acronym"), head[1 : comma.start()]):
        comma = None
    return TextFacts(tuple((c, v, tuple(f.items())) for c, v, f in problems), prefix, et_al, personal,
                     square.group() if square else f"({comma.group('acronym')})" if comma else "",
                     others, listed)


def read_page_bracket(text: str, style: CitationStyle) -> tuple[Found, ...]:
    """The page problems of a page in its own bracket after a quotation,
    '"..." (pg. 57)', or after a paraphrase in the sentence of a narrative
    citation ("Alam (2018) found no change (pp. 45)"), told on the citation
    the page belongs to: the bracket is outside the citation's text, so the
    message names it and the form the style writes ("(p. 57)") rather than
    offering a fix."""
    toks = tokens(text)
    page = next((t for t in toks if t.kind == "pages"), None)
    if page is None or page.match is None:
        return ()
    right = f"({style.locator(normalise_pages(page.match.group('plabel'), page.match.group('pvalue')))})"
    found = []
    for code, variant, fields in _page_problems(toks, style):
        if code == "page_label":
            variant, fields = "message_quote", {**fields, "written": text, "right": right}
        found.append((code, variant, tuple(fields.items())))
    return tuple(found)


def _style_problems(
    text: str, toks: list[Token], shape: Shape, style: CitationStyle
) -> list[tuple[str, str, dict]]:
    found: list[tuple[str, str, dict]] = []
    kinds = [t.kind for t in toks]
    bracket = _bracket_start(shape.narrative, toks)
    secondary = [t for t in toks[bracket:] if t.kind == "secondary"]  # ("Office for Standards in ...": a name)
    personal = "personal" in kinds
    if shape.narrative and bracket == len(toks) and "year" in kinds:  # ("Ingram also argues": missing_year)
        found.append(("year_brackets", "message", {}))
    elif not shape.narrative and "year" in kinds and toks[max(0, kinds.index("year") - 1)].text == "(" \
            and kinds.index("year") > 1:
        if kinds[kinds.index("year") - 2] == "comma" and text.count("(") > text.count(")"):
            found.append(("debris", "message_bracket", {"debris": "("}))  # "(Madrid et al., (2016)": a stray "("
        else:
            found.append(("year_brackets", "message_nested", {}))  # "(World Health Organization (2009))"
    listed = shape.has_via and not secondary and _listed(toks, kinds, shape)
    if shape.has_via and not secondary:
        separator = {"found": toks[kinds.index("year") + 1].text} if listed else {}
        found.append(("run_together", "message_list" if listed else "message", separator))
    if (listed or not (shape.has_via and not secondary)) and _missing_comma(
            toks[: kinds.index("personal")] if personal else toks, kinds, bracket, style):
        # (works run together with nothing between them, "(Tuckman 1965 Lind 2013)", are one fault;
        # a list missing its semicolon may also miss a comma after a name: two)
        found.append(("missing_comma", "message", {}))
    if shape.narrative and 2 <= bracket < len(toks) and kinds[bracket - 2] == "comma":
        found.append(("stray_comma", "message", {}))
    if any(kinds[i] == kinds[i - 1] == "comma" for i in range(1, len(kinds))):
        found.append(("stray_comma", "message_double", {}))  # "(Snowdon,, 2018)"
    mark = _mark_for_comma(toks, kinds, bracket)
    if mark is not None:  # "(Dorresteijn et al.: 2014)", "(Department for Education. 2023)"
        found.append(("missing_comma", "message_mark", {"found": mark}))
    if not style.comma_before_secondary and any(
        kinds[i - 1] == "comma" for i, t in enumerate(toks) if t.kind == "secondary" and i
    ):
        found.append(("stray_comma", "message_secondary", {}))
    if shape.has_pages and _bare_pages(toks, text):
        found.append(("page_label", "message", {}))
    found += _page_problems(toks, style)
    for i, token in enumerate(toks):
        if token.kind == "etal":
            if not re.search(r"al\.", token.text):
                found.append(("et_al_no_stop", "message", {}))
            if token.text.startswith("et."):
                found.append(("et_al_stray_stop", "message", {}))
            if i > 0 and kinds[i - 1] == "comma" and not (style.names_before_et_al and shape.authors >= 2):
                found.append(("comma_before_et_al", "message", {}))  # (APA 7's "Kapoor, Bloom, Montez, et al.")
    closed = next((i for i in range(bracket, len(toks)) if toks[i].text == ")"), len(toks))
    if shape.narrative and any(t.kind == "secondary" for t in toks[closed:]):
        # "Kowalczyk (2010) cited in Drummond (2020)": the source read belongs inside the bracket
        found.append(("secondary_wording", "message_outside", {"phrase": secondary[0].text}))
    for token in secondary:
        if _squash(token.text) not in style.secondary_accepted:
            found.append(("secondary_wording", "message", {"phrase": token.text}))
    for token in toks:
        if token.kind == "year" and _squash(token.text) in style.in_press_refused:  # "forthcoming" in APA 7
            found.append(("in_press_form", "message", {"found": _squash(token.text)}))
        if token.kind == "year" and token.text[0] in "nN" and "press" not in token.text:
            written = re.sub(r"\s+", " ", token.text[: len(token.text) - len(_nd_suffix(token))].rstrip("-"))
            if written != style.no_date:
                found.append(("no_date_form", "message", {"found": written}))
    debris = [t for t in toks if t.kind == "debris"]
    if debris:
        found.append(("debris", "message", {"debris": debris[0].text}))
    if shape.narrative and bracket + 2 < len(toks) and toks[bracket].text == "[":
        # "National Institute for Health and Care Excellence ([NICE], 2011)": square brackets set an abbreviation
        # off inside a bracket that holds the name too (APA 7); after the name in the text, none go round it
        found.append(("debris", "message_square", {"debris": f"[{toks[bracket + 1].text}]"}))
    initials = (not personal or style.personal_listed) and (
        shape.given_name or _initials_or_given_names(toks, kinds, bracket, shape.narrative))
    if initials:
        # (APA 7 gives a personal communication's initials; Cite Them Right cites the person as any author)
        found.append(("initials_in_citation", "message", {}))
    courtesy = load_data().courtesy_titles  # ("(Ms D, personal communication, ...)": D names her, no initial)
    given = any(k == "initial" and not (i and toks[i - 1].text in courtesy and kinds[i + 1 : i + 2] != ["name"])
                for i, k in enumerate(kinds))
    if personal and (shape.authors == 0 or (not given if not style.personal_listed else not initials)):
        # (APA 7: initials, surname and date; Cite Them Right: the person like any author, and an entry:
        # "(Reilly, personal communication, 2023)" is APA's form. With initials, `initials_in_citation`
        # already tells it and its fix, "(Reilly, 2023)", mends both.)
        found.append(("personal_communication", "message_listed" if style.personal_listed else "message", {}))
    et_al_written = "etal" in kinds[: _secondary_index(kinds)]
    if shape.authors >= style.et_al_from and not et_al_written:
        found.append(("et_al_needed", "message", {}))
    elif et_al_written and 2 <= shape.authors and shape.authors + 1 >= style.et_al_from and not (
            style.names_before_et_al and _comma_et_al(kinds)):
        # "(Ardern, Glasgow, Cools et al., 2016)": "et al." follows the first name alone (the work has
        # more names than those written, enough for the style's "et al."); APA 7 (8.18) writes names
        # before ", et al." to tell two works apart, which only the writer's list can show: left alone
        found.append(("et_al_needed", "message", {}))
    if shape.via_authors >= style.et_al_from and "etal" not in kinds[_secondary_index(kinds):]:
        # "(Goffman, 1963, as cited in Purdam, Garratt, & Esmail, 2016)" in APA 7: the source read's names
        # follow the same threshold as the work cited's
        found.append(("et_al_needed", "message", {}))
    if max(shape.authors, shape.via_authors) >= 2:  # (beside et_al_needed too: the joining word is its own fault)
        conjunction = _conjunction_problem(text, toks, kinds, bracket, style, shape.joined_names)
        if conjunction:
            found.append(("and_ampersand", *conjunction))
    return _unique(found)


def _page_problems(toks: list[Token], style: CitationStyle) -> list[tuple[str, str, dict]]:
    found: list[tuple[str, str, dict]] = []
    for token in toks:
        if token.kind != "pages":
            continue
        assert token.match is not None  # only brackets the finder adds have no match
        written = token.match.group("plabel")
        label = written.lower().rstrip(".")
        value = token.match.group("pvalue")
        ranged = re.search(r"[-–—]", value) is not None
        if label in style.refused_page_labels:
            found.append(("page_label", "message_refused", {"label": written}))
        elif label.startswith(("pg", "page")) or (label in _PAGE_LABELS and not written.endswith(".")) or (
                written[0] == "P"):  # ("P. 45": the guides write "p.")
            variant = "message_paragraph" if label == "para" else "message_label"
            found.append(("page_label", variant, {"label": written}))
        elif label == "pp" and not ranged:
            found.append(("pp_single_page", "message", {}))
        elif label == "p" and ranged:
            found.append(("p_page_range", "message", {}))
        if ranged and re.search(r"\s[-–—]|[-–—]\s", value):
            found.append(("page_range_space", "message", {}))
    return found


def _listed(toks: list[Token], kinds: list[str], shape: Shape) -> bool:
    """Two works run together, each complete with its year, a comma (or a
    colon) after the first: "(Ellison and Grant, 2018, Home Office, 2021)",
    "(Bianchi, 2020: Greenhalgh, 2021)" are a list of two sources missing its
    semicolon, not a secondary citation ("(Tuckman 1965 Lind 2013)", with
    nothing between, stays one; "(Okafor, 2018: 45)" is a page)."""
    if shape.narrative or "year" not in kinds:
        return False
    year = kinds.index("year")
    return year + 2 < len(toks) and kinds[year + 1] in ("comma", "colon") and kinds[year + 2] == "name"


def _nd_suffix(token: Token) -> str:
    assert token.match is not None  # only brackets the finder adds have no match
    return token.match.group("nd_suffix") or ""


def _squash(phrase: str) -> str:
    """A phrase as the style lists it: lower case, single spaces."""
    return re.sub(r"\s+", " ", phrase.lower())


def _unique(found: list[tuple[str, str, dict]]) -> list[tuple[str, str, dict]]:
    seen: set[str] = set()
    out = []
    for item in found:
        if item[0] not in seen:
            seen.add(item[0])
            out.append(item)
    return out


def _opener(toks: list[Token], i: int) -> bool:
    """A capitalised word before the first author that belongs to the
    sentence, not the name: "(See Okafor, 2018)" (see parse.author_names)."""
    if not (i + 1 < len(toks) and toks[i + 1].kind == "name" and is_opener(toks, i)
            and all(t.kind not in ("name", "initial") for t in toks[:i])):
        return False
    name = list(takewhile(lambda t: t.kind in ("name", "word"), toks[i + 1 :]))
    return not (toks[0].text == "(" and opens_organisation(toks[i], name))


def _bracket_start(narrative: bool, toks: list[Token]) -> int:
    """Index of the first token inside the citation's brackets (0 for a part
    of a bracket, which is all inside; the end for a year without brackets)."""
    if not narrative:
        return 0
    for i in range(len(toks) - 1):
        if toks[i].text == "(" and toks[i + 1].kind in ("year", "personal", "pages", "secondary"):
            return i + 1
        if (toks[i].text == "(" and i + 3 < len(toks) and is_abbreviation(toks[i + 1].text)
                and toks[i + 2].kind == "comma" and toks[i + 3].kind == "year"):
            return i + 1  # "Department of Health and Social Care (DHSC, 2022)"
        if (toks[i].text == "(" and i + 2 < len(toks) and is_abbreviation(toks[i + 1].text)
                and toks[i + 2].kind == "year"):
            return i + 1  # "... Outcome and Death (NCEPOD 2014)": its comma left out (`missing_comma`)
        if (toks[i].text == "(" and 1 <= i < len(toks) - 4 and is_abbreviation(toks[i + 1].text)
                and toks[i + 2].text == toks[i - 1].text and toks[i + 3].kind == "comma"
                and toks[i + 4].kind == "year"):
            return i + 1  # "... Nurses UK (ASCN UK, 2016)": the name's own last word ends its abbreviation
        if (toks[i].text == "(" and 1 <= i < len(toks) - 3 and is_abbreviation(toks[i + 1].text)
                and toks[i + 2].text == toks[i - 1].text and toks[i + 3].kind == "year"):
            return i + 1  # "... Nurses UK (ASCN UK 2016)": so, with its comma left out (`missing_comma`)
        if (toks[i].text == "(" and i + 5 < len(toks) and toks[i + 1].text == "[" and toks[i + 3].text == "]"
                and is_abbreviation(toks[i + 2].text) and toks[i + 4].kind == "comma" and toks[i + 5].kind == "year"):
            return i + 1  # "... Excellence ([NICE], 2011)": square brackets where none go (`_square_abbreviation`)
    return len(toks)


def _secondary_index(kinds: list[str]) -> int:
    return kinds.index("secondary") if "secondary" in kinds else len(kinds)


def _missing_comma(toks: list[Token], kinds: list[str], bracket: int, style: CitationStyle) -> bool:
    """A year (or a page after it, or the secondary phrase) with no comma
    before it. Not after initials written as the list writes them, after
    the surname and its comma ("(West, M. 2021)"): the comma is there, and
    the initials are the fault (`initials_in_citation`), whose fix leaves
    "(West, 2021)"."""
    for i, token in enumerate(toks):
        previous = kinds[i - 1] if i > 0 else ""
        if token.kind == "year" and i > bracket and previous in ("name", "etal", "initial") and not (
                previous == "initial" and i > 2 and kinds[i - 2] == "comma" and kinds[i - 3] == "name"):
            return True
        if token.kind == "year" and i > bracket and previous == "other" and toks[i - 1].text in ("]", ")"):
            return True  # "(World Health Organization [WHO] 2020)", "(... (NICE) 2018)"
        if token.kind == "pages" and previous == "year":
            return True
        if (token.kind == "secondary" and previous in ("year", "pages") and style.comma_before_secondary
                and _squash(token.text) != "in"):
            # (before a phrase the style does not use too, "(1995 cited in ...)" in APA 7: two faults; a bare
            # "in", "(Laming, 2003 in Parker, 2017)", is no phrase of either guide: `secondary_wording` alone,
            # its fix bringing phrase and comma)
            return True
    return False


def _mark_for_comma(toks: list[Token], kinds: list[str], bracket: int) -> str | None:
    """A colon or full stop written where the comma goes between the name
    and the year: "(Dorresteijn et al.: 2014)", "(Department for Education.
    2023)". (A colon after the year is a page, `page_label`.)"""
    for i in range(max(bracket, 1), len(toks) - 1):
        if (kinds[i + 1] == "year" and kinds[i - 1] in ("name", "etal")
                and (kinds[i] == "colon" or toks[i].text == ".")):
            return toks[i].text
    return None


def _bare_pages(toks: list[Token], text: str) -> bool:
    """Pages given as ": 45" or ", 45" instead of "p. 45" (a time in a
    recording, ", 4:12", is no page), or set off from the year by a colon
    for the comma, "(2014: p. 45)"."""
    for i, token in enumerate(toks):
        if token.kind == "pages" and i > 1 and toks[i - 1].kind == "colon" and toks[i - 2].kind == "year":
            return True
        if token.kind == "number" and i > 0 and toks[i - 1].kind in ("colon", "comma"):
            if toks[i - 1].kind == "comma" and timestamp_at(text, token.start):
                continue
            if i > 1 and toks[i - 2].kind in ("year", "colon", "comma"):
                return True
    return False


def _initials_or_given_names(toks: list[Token], kinds: list[str], bracket: int, narrative: bool) -> bool:
    """Initials with the surname ("(Smith, J., 2019)", "Patel, J. (2019)"), a
    first name inside the bracket ("(John Smith, 2019)"), or a given name
    after the surname before it ("Kim, Jae-won (2020)")."""
    given = load_data().given_names
    end = _secondary_index(kinds)
    for i in range(end):
        if kinds[i] == "initial":
            return True
        if (narrative and i == bracket - 2 and kinds[i] == "name" and kinds[i - 1] == "comma"
                and GIVEN_AFTER_COMMA.fullmatch(toks[i].text)):
            return True  # "Kim, Jae-won (2020)"
        if (not narrative and kinds[i] == "name" and toks[i].text in given and i + 1 < end
                and kinds[i + 1] == "name" and (i + 2 == end or kinds[i + 2] != "name")):
            return True  # ("Joseph Rowntree Foundation" is an organisation: see parse.author_names)
    return False


def _conjunction_problem(
    text: str, toks: list[Token], kinds: list[str], bracket: int, style: CitationStyle,
    joined_names: tuple[str, ...] = (),
) -> tuple[str, dict] | None:
    """The word joining the last two authors, where the style wants another:
    "and" or "&" inside brackets, and in the running text. Only a
    conjunction between two names counts; where one follows a comma (a list
    of bodies, "(Department of Health and Social Care, NHS England, & Home
    Office, 2021)"), only those do, the others being words of a name, as is
    one inside a name the finder read as one author ("Royal College of
    Paediatrics and Child Health" after "Royal College of Nursing &")."""
    joins = [i for i in range(1, len(toks) - 1)
             if kinds[i] in ("and", "amp") and kinds[i - 1] in ("name", "comma") and kinds[i + 1] == "name"
             and not _inside_author(text, toks, i, joined_names)]
    if any(kinds[i - 1] == "comma" for i in joins):
        joins = [i for i in joins if kinds[i - 1] == "comma"]
    for i in joins:
        if _inside_spelt_name(text, toks, kinds, i):
            continue  # "(I CAN & Royal College of Speech and Language Therapists [RCSLT], 2018)": the name's own
        inside = i >= bracket
        join = style.join_in_brackets if inside else style.join_in_text
        found = "&" if kinds[i] == "amp" else "and"
        if found != join:
            return ("message_brackets" if inside else "message_text"), {"join": join, "found": found}
    return None


def _inside_author(text: str, toks: list[Token], i: int, joined_names: tuple[str, ...]) -> bool:
    """Whether the "and" or "&" at toks[i], with the words either side of it,
    lies inside one author's name as the finder read it."""
    if not joined_names:
        return False
    around = " ".join(text[toks[i - 1].start : toks[i + 1].end].split())
    return any(around in name for name in joined_names)


def _inside_spelt_name(text: str, toks: list[Token], kinds: list[str], i: int) -> bool:
    """Whether the "and" or "&" at toks[i] is a word of an organisation's
    name that the abbreviation in brackets after it spells ("Speech and
    Language Therapists [RCSLT]"), not the word joining two authors."""
    close = next((j for j in range(i + 1, len(toks)) if kinds[j] in ("comma", "year", "semi")), len(toks))
    opening = next((j for j in range(i + 1, close) if toks[j].text in ("[", "(")), None)
    if opening is None or opening + 1 >= close or not is_abbreviation(toks[opening + 1].text):
        return False
    return any(kinds[k] == "name" and acronym_fits(toks[opening + 1].text, text[toks[k].start : toks[opening].start])
               for k in range(i - 1, -1, -1))


# A word in small letters right after a bracket, as a noun it modifies: "the (RCOG, 2010) guideline".
_NOUN_AFTER = re.compile(r" [a-z]{3,}\b")


def used_in_sentence(text: str, citation: Citation) -> bool:
    """Whether a citation in brackets is used as a part of its sentence,
    where both guides name the author in the sentence (the narrative form,
    `year_brackets`): after "according to", "by" or "of" ("the findings of
    (R. Blake, 2021) who reported", `[names].before_narrative`), or opening
    the sentence (or following an opening phrase and its comma, or an
    adverb such as "Also" or "However", `[names].reporting_adverbs`,
    `sentence_adverbs`) before a reporting verb or "who" ("(Sarah Lennox,
    2019) suggests", "More recently, (Brooks, L., 2021) has shown", "Also
    (Bradford, 2017) says", "However (Adeyemi, 2019) argues"). Not "This approach
    (Okafor, 2018) suggests", where the bracket is an aside. Also between a
    determiner and a noun ("the (RCOG, 2010) guideline", `[quotations].model_determiners`):
    the bracket stands for the author, "the RCOG (2010) guideline"."""
    if citation.narrative or not citation.text.startswith("(") or not citation.authors:
        return False
    lead = text[max(0, citation.start - 40) : citation.start].rstrip().lower()
    data = load_data()
    if any(lead.endswith(" " + words) or lead == words for words in data.before_narrative):
        return True
    if lead.rpartition(" ")[2] in data.model_determiners and _NOUN_AFTER.match(text, citation.end):
        return True  # "learn about the (RCOG, 2010) guideline": the bracket names the guideline's author
    before, _, adverb = lead.rpartition(" ")
    if (adverb in data.reporting_adverbs or adverb in data.sentence_adverbs) and (not before or before[-1] in ".!?"):
        lead = before  # "Also (Bradford, 2017) says", "However (...) says": the adverb opens the sentence
    if lead and lead[-1] not in ".!?,":
        return False
    return subject_verb().match(text, citation.end) is not None


def _comma_et_al(kinds: list[str]) -> bool:
    """Whether "et al." follows a comma after the names ("Kapoor, Bloom, Montez, et al."): APA 7's form for
    telling two works apart; without the comma ("Ardern, Glasgow, Cools et al.") it is no style's form."""
    return any(kind == "etal" and i > 0 and kinds[i - 1] == "comma" for i, kind in enumerate(kinds))
