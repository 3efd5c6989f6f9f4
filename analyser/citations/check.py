"""Judge each citation and entry, and explain every problem with a fix (the
*annotate* stage).

Style problems are read from the citation's own text, token by token (the
same scanner the finder uses), so this stage needs no private state from the
finder: a citation record is enough. Cross-check problems come from the
`Resolution` (resolve.py). Each problem has a stable code, a message from
analyser/data/citations.toml and a suggestion: the citation's text rewritten
correctly in the chosen style (style.py).
"""

from __future__ import annotations

import re
import unicodedata

from rapidfuzz import fuzz

from analyser.citations.around import detached_source, inside_bracket, page_apart, source_et_al
from analyser.citations.consistency import (
    at_sentence_start,
    bracket_order,
    inconsistent_forms,
    shared_surnames,
    undefined_abbreviations,
    year_key,
    years_cited,
)
from analyser.citations.form import EG_NO_COMMA, Shape, read_page_bracket, read_text, used_in_sentence
from analyser.citations.patterns import SENTENCE_END, load_data, normalise_pages
from analyser.citations.prose import abbreviation_alone
from analyser.citations.quotes import QUOTE_WINDOW, abbreviation_stop, cited_quotations, heard
from analyser.citations.references import lists_et_al, uses_ampersand
from analyser.citations.resolve import NEAR_MISS, Link, Resolution, normal_name, resolve_citations
from analyser.citations.rewrite import Rewrite, Rewrites, message_fields, style_fields, suggest
from analyser.citations.style import CitationStyle, citation_style
from analyser.model import Citation, CitedWork, Document, Problem, Reference, Severity
from analyser.names import name_rules

_WARNINGS = {"no_date_form", "in_press_form", "eg_comma", "bracket_order", "et_al_stray_stop",
             "inconsistent_form", "and_ampersand", "page_label", "missing_comma", "stray_comma", "initials_in_citation"}


def check_citations(
    document: Document,
    citations: list[Citation],
    references: list[Reference] | None,
    style: str | CitationStyle = "harvard",
) -> Resolution | None:
    """Add problems to every citation and reference entry, in place.

    `references=None` means "no reference list to check against" (a passage,
    or an essay without one: that is an essay-level finding, not a problem on
    every citation). Returns the links to the list, or None without one."""
    rules = citation_style(style)
    resolution = resolve_citations(citations, references, document.text) if references else None
    quoted, page_brackets = cited_quotations(document, citations, [c.start for c in citations]) if citations \
        else ({}, {})
    rewrites = Rewrites(citations, document.text)
    direct = {link.entry for c, link in zip(citations, resolution.links, strict=True) if c.via is None} \
        if resolution else set()  # the entries cited as read
    years: dict[tuple, tuple[str, str] | None] | None = None  # each work's year as cited elsewhere, when needed
    first_dated = _first_dated(citations)
    for number, citation in enumerate(citations):
        has_pages = bool(citation.pages or (citation.via and citation.via.pages))
        source = detached_source(document.text, citation)  # "Birchwood (1998) ... (cited in McGorry, 2008)"
        shape = Shape(citation.narrative, citation.via is not None and source is None, has_pages,
                      len(citation.authors), len(citation.via.authors) if citation.via and source is None else 0,
                      _given_name_before(citation), _joined_names(citation))
        facts = read_text(citation.text, shape, rules)
        rewrites.facts.append(facts)
        fixes: dict[str, object] = {}
        locator = None
        found = [(code, variant, dict(fields)) for code, variant, fields in facts.problems]
        if source is not None:  # the source read, in a bracket of its own: its phrase judged as inside one
            fixes["via_et_al"] = source_et_al(document.text, source)
            if re.sub(r"\s+", " ", source.group("phrase").lower()) not in rules.secondary_accepted:
                found.append(("secondary_wording", "message", {"phrase": source.group("phrase")}))
        alone = abbreviation_alone(citation)  # "... says ... (HCPC).": its form needs the name, outside the bracket
        if not citation.year and not (citation.via is not None and rules.secondary_year_optional) and not (
                _repeats_dated(citation, first_dated)):
            found.append(("missing_year", "message_alone" if alone else "message", {}))  # (not APA 7's "(Tuckman,
            # as cited in Lind, 2013)")
        entry = meant = None  # the entry linked by the names as written; the one meant, even misspelt
        if resolution is not None and references is not None:
            if citation.authors and not (facts.personal and not rules.personal_listed):
                found += _reference_problems(
                    citation, resolution.links[number], resolution.via_links[number], references, fixes, rules,
                    direct)
            link = resolution.via_links[number] or resolution.links[number]
            citation.reference = link.entry if link.entry is not None else resolution.links[number].entry
            linked = resolution.links[number]
            meant = references[linked.entry] if linked.entry is not None else None
            entry = meant if linked.outcome != "spelling" else None
            if entry is not None and (at := _particle_case(document.text, citation, entry)) is not None:
                names = {"cited": citation.authors[at], "listed": entry.authors[at]}
                found.append(("author_spelling", "message", names))
                fixes["work_authors"] = list(entry.authors)
            elif entry is not None and (marked := _marks_differ(citation, entry)) is not None:
                at, list_dropped = marked  # "Kübler-Ross (1969)" for "Kubler-Ross, E.": the list dropped the mark
                names = {"cited": citation.authors[at], "listed": entry.authors[at]}
                found.append(("author_spelling", "message_marks" if list_dropped else "message", names))
                if not list_dropped:  # ("Kubler-Ross (1969)" for "Kübler-Ross, E.": the citation, fixed to the list)
                    fixes["work_authors"] = list(entry.authors)
            if meant is not None and facts.et_al and 2 <= len(meant.authors) < rules.et_al_from:
                # (also for the entry meant by a misspelt name: "Simons et al." for "Simmons, Franck and Roberson")
                found.append(("et_al_too_few", "message", {"count": str(len(meant.authors))}))
                fixes["work_authors"], fixes["work_et_al"] = list(meant.authors), False
            elif entry is not None and _first_names_of(citation, entry, facts.et_al, rules):
                # "Pryjmachuk, Graham and Haddad (2012)" for a work of four: the style's "et al." (its threshold
                # counts the work's names, not those written); the fix writes the first and "et al."
                found.append(("et_al_needed", "message", {}))
                fixes["work_authors"], fixes["work_et_al"] = list(entry.authors), True
        if not citation.year and citation.authors and "work_year" not in fixes:
            # "(Brooks et al.)" after "(Brooks, Lee and Ode, 2021)": the fix gives the year it is cited with
            years = years_cited(citations) if years is None else years
            if known := years.get(year_key(citation)):
                fixes["work_year"], fixes["work_suffix"] = known
        told = (meant is None and not rules.personal_listed and not facts.personal
                and _told_the_writer(document.text, citation))
        if told:  # "A nurse told me that ... (Nurse, 2022)" in APA 7: not written as a personal communication
            found.append(("personal_communication", "message", {}))
        subject = used_in_sentence(document.text, citation)
        if subject:  # "(Bradford, 2017) found that": the author belongs in the sentence, the year in brackets
            found.append(("year_brackets", "message_subject", {}))
        nested = rules.year_commas_in_brackets and inside_bracket(document.text, citation)
        if nested:  # "(as echoed by the Law Commission (2017))": APA 7 writes "Law Commission, 2017" there
            found.append(("year_brackets", "message_nested", {}))
        sentence = quoted.get(number) if not has_pages and not facts.personal else None
        if sentence is not None and meant is None and _role_only(citation):
            sentence = None  # "'...' (Volunteer, 2023)": someone the student spoke to, with no page to give
        if sentence is not None and not (meant is not None and _personal(meant)):
            unpaginated = citation.year == "n.d." or (meant is not None and _online(meant)) or _online_in_text(
                document.text[sentence[0] : sentence[1]])
            if not unpaginated:
                found.append(("no_page_for_quote", "message", {}))
                after = _PAGE_AFTER.match(document.text, citation.end) if citation.narrative else None
                # ("Beresford (2014) p.56 says '...'": the page is given, after the bracket; the fix moves it in)
                locator = normalise_pages(after.group("label"), after.group("value")) if after else "[page]"
            elif rules.unpaginated_quote:
                found.append(("no_page_for_quote", "message_unpaginated", {}))
                locator = f"{rules.unpaginated_quote.rstrip('.')}. [number]"
        # the faults just outside the citation's text (a page in its own bracket after a quotation it cites,
        # "e.g." or a last ";" round a work among several, a page after the bracket): told, with no fix
        outside = _outside_problems(document.text, citation, rules)
        apart = page_brackets.get(number)  # (its quotation's page; else a paraphrase's, "Alam (2018) ... (pp. 45)")
        if apart is None and number not in quoted:
            apart = page_apart(document.text, citations, number)
        if apart is not None:
            bracket = document.text[apart[0] : apart[1]]
            outside += [(code, variant, dict(fields)) for code, variant, fields in read_page_bracket(bracket, rules)]
        if not found and not outside:
            continue
        rewrite = rewrites.made[number] = Rewrite(facts, fixes, locator, subject, nested)
        # (the page bracket is not its text; a personal communication's initials and date only the writer knows)
        repeated = alone or _named_before(document.text, citation) or (  # "(cited in Loveday et al., 2014)": the
            citation.via is None and _SOURCE_ALONE.match(citation.text) is not None)  # original is not named in it
        repeated = repeated or (facts.listed and not citation.text.endswith(")")
                                and _RUN_GOES_ON.match(document.text, citation.end) is not None)
        # (a bracket read as one work though a dated part after a ";" was not read, "(Become, 2023; Barnardo's
        # 2022)": the fix, written from the one work, would drop the other)
        repeated = repeated or (citation.text.startswith("(") and _LOST_WORK.search(citation.text) is not None)
        suggestion = suggest(citation, rewrite, rules) if found and not told and not repeated else None
        for at, (code, variant, fields) in enumerate(found + outside):
            message = load_data().message(code, variant, **message_fields(citation, rules, fields))
            citation.problems.append(
                Problem(code, message, suggestion, _severity(code, rules, variant), apart=at >= len(found)))
    inconsistent_forms(document, citations, resolution, references or [], rules, rewrites)
    undefined_abbreviations(document.text, citations, resolution, rules, rewrites)
    shared_surnames(document.text, citations, rules)
    if rules.alphabetical_in_brackets:
        bracket_order(document.text, citations, rules)
    if references:
        _reference_list_problems(references, resolution.cited if resolution else set(), rules)
    for citation in citations:  # a "fix" that repeats the citation mends nothing (a list's fault): none is offered
        for problem in citation.problems:
            if problem.suggestion == citation.text:
                problem.suggestion = None
    return resolution


# A third work after two run together, still in their bracket: "(Okafor, 2017, Lind, 2016, Hart, 2016)". The
# two works' fix, "Okafor, 2017; Lind, 2016", would leave the third run on after its comma: none is offered.
_RUN_GOES_ON = re.compile(r"\s{0,2},\s{0,2}[^\W\d_]")
# (a year before the ";" and one after: not APA 7's "(PICS; Needham et al., 2012)", an abbreviation defined first)
_LOST_WORK = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)[a-z]?\b[^;()]{0,40};[^;()]{0,120}?\b(?:1[5-9]\d\d|20\d\d)\b")
_SOURCE_ALONE = re.compile(r"\((?:as\s)?(?:cited|quoted)\s(?:in|by)\s", re.I)


def _first_dated(citations: list[Citation]) -> dict[tuple[int | None, str], int]:
    """Per (paragraph, first author's normal name), where the paragraph's
    first citation of that author with a year starts: one pass, so that
    `_repeats_dated` costs a look-up, not a scan of every citation (a
    paragraph of thousands of names without years stays linear)."""
    first: dict[tuple[int | None, str], int] = {}
    for c in citations:
        if c.year and c.authors:
            key = (c.paragraph, normal_name(c.authors[0]))
            first[key] = min(first.get(key, c.start), c.start)
    return first


def _repeats_dated(citation: Citation, first_dated: dict[tuple[int | None, str], int]) -> bool:
    """A name alone before a reporting verb ("Vygotsky argued that") whose
    author a citation with its year names earlier in the paragraph
    ("Vygotsky's (1978) idea ..."): a repeated narrative citation, which
    APA 7 (8.16) lets drop its year in the paragraph; no `missing_year`."""
    if not citation.narrative or citation.via is not None or "(" in citation.text or not citation.authors:
        return False
    start = first_dated.get((citation.paragraph, normal_name(citation.authors[0])))
    return start is not None and start < citation.start


def _joined_names(citation: Citation) -> tuple[str, ...]:
    """The authors (and the source read's) whose own names hold "and" or "&"."""
    names = [*citation.authors, *(citation.via.authors if citation.via else [])]
    return tuple(" ".join(n.split()) for n in names if " and " in n or " & " in n)


def _named_before(text: str, citation: Citation) -> bool:
    """The bracket's first author also stands right before it in the running
    text ("said by Brooker (Brooker 2007)"): the narrative form, "Brooker
    (2007)", is the fix, but it reaches outside the bracket, so none is
    offered (the bracket's own fix would keep the name twice)."""
    if citation.narrative or not citation.authors or not citation.text.startswith("("):
        return False
    surname = citation.authors[0].split()[-1]
    before = text[max(0, citation.start - len(surname) - 3) : citation.start].rstrip()
    return before.endswith(surname) and not before[: -len(surname)][-1:].isalnum()


_GIVEN_NAME = re.compile(r"(?<![\w.])[A-Z][^\W\dA-Z_]{1,20}\s{1,3}$")  # ("Renée Okafor-Lee (2019)": any letters)


def _first_names_of(citation: Citation, entry: Reference, et_al: bool, rules: CitationStyle) -> bool:
    """Whether a citation writes out, without "et al.", the first names of
    an entry of the style's "et al." threshold or above, fewer than the
    threshold: "Pryjmachuk, Graham and Haddad (2012)" for
    "Pryjmachuk, S., Graham, T., Haddad, M. and Tylee, A. (2012)" in Cite
    Them Right; the first name alone too ("(Ndosi, 2014)" for a work of
    four). An entry giving "et al." after its names is a work at the
    style's threshold at least, the list shortening only such works ("Hewlett,
    S. et al. (2011)", "O'Cathain, A., Knowles, E., Bishop-Edwards, L. et
    al."): names past those it lists are not compared. A later name may be
    the listed one misspelt or one part of it ("Bishop" for "Bishop-Edwards",
    `_spelt_as`): the first and "et al." drop it."""
    names, listed, etc = citation.authors, entry.authors, lists_et_al(entry)
    size = max(len(listed) + 1, rules.et_al_from) if etc else len(listed)
    if et_al or not 1 <= len(names) < rules.et_al_from <= size or (len(names) > len(listed) and not etc):
        return False
    return normal_name(names[0]) == normal_name(listed[0]) and all(
        _spelt_as(n, m) for n, m in zip(names[1:], listed[1:], strict=False))


def _spelt_as(cited: str, listed: str) -> bool:
    """A name as written for a listed one: the same, a near miss, or one part of a double-barrelled name."""
    a, b = normal_name(cited), normal_name(listed)
    return a == b or fuzz.ratio(a, b) >= NEAR_MISS or cited.lower() in listed.lower().split("-")


def _given_name_before(citation: Citation) -> bool:
    """A first name written before the first author inside a bracket, which
    the finder left out of the name: "(Gemma Whitcombe, 2022)", and before a
    narrative citation's, "Sarah Bowman (2021) found", or a title ("Dr.
    Comfort Momoh (2010)", `[names].titles`): both guides give the surname
    alone in either form."""
    if not citation.authors:
        return False
    at = citation.text.find(citation.authors[0])
    if at > 1 and load_data().titles.intersection(w.strip("(.") for w in citation.text[:at].split()):
        return True  # "Dr. Comfort Momoh (2010)", "(Sergeant Davies, ...)": a title, which neither guide writes
    given = _GIVEN_NAME.search(citation.text, 0, at) if at > 1 else None
    if given is None or given.group().strip().lower() in load_data().openers:
        return False
    word = given.group().strip()  # (before a narrative one, only a first name: not "The Francis (2013) report";
    # one no list knows, "Shadd Maruna (2001)", when the finder left it out of the name, as no everyday word)
    return (not citation.narrative or word in load_data().given_names or name_rules().kind(word) == "name"
            or word.lower() not in name_rules().everyday)


def _particle_case(text: str, citation: Citation, entry: Reference) -> int | None:
    """"Van Rooyen's (2019)" mid-sentence for the entry "van Rooyen, H.", or
    "Fairbairn and De la Cruz (2019)" for "Fairbairn, L., & de la Cruz, M.":
    an author's particle written in another case than the list's (names
    otherwise compare without case). Both guides write the name as its
    owner does; APA 7 capitalises a lower-case particle only to open a
    sentence, which is no fault. A lower-case particle cited for an entry
    that opens with it capitalised ("(van der Steen et al., 2018)" for "Van
    der Steen, J.T.") is left alone: an entry's first letter may be
    capitalised for opening the line, so it cannot tell the owner's case."""
    if len(citation.authors) != len(entry.authors) or citation.authors == entry.authors:
        return None
    for at, (cited_name, listed_name) in enumerate(zip(citation.authors, entry.authors, strict=True)):
        cited, listed = cited_name.split(" ", 1)[0], listed_name.split(" ", 1)[0]
        if cited == listed or cited.lower() != listed.lower() or cited.lower() not in load_data().particles:
            continue  # ("Fairbairn and De la Cruz (2019)" for "Fairbairn, L., & de la Cruz, M.": the second)
        if at == 0 and cited[0].islower():
            continue  # (the list's capital may only open its entry)
        if not (at == 0 and citation.narrative and at_sentence_start(text, citation.start) and listed[0].islower()):
            return at  # (the author, by number, whose particle is written otherwise)
    return None


def _marks_differ(citation: Citation, entry: Reference) -> tuple[int, bool] | None:
    """The first author, by number, whose name the citation and its entry
    write with and without a diacritic ("Kübler-Ross" and "Kubler-Ross";
    names otherwise compare without them), and whether the list is the one
    without: a name loses its marks in typing far more often than it gains
    one, so the citation with the mark is the owner's spelling and no fix
    follows the list there. None when the two agree."""
    if len(citation.authors) != len(entry.authors) or citation.authors == entry.authors:
        return None
    for at, (cited, listed) in enumerate(zip(citation.authors, entry.authors, strict=True)):
        if cited.casefold() == listed.casefold() or normal_name(cited) != normal_name(listed):
            continue
        cited_marks, listed_marks = _marks(cited), _marks(listed)
        if cited_marks != listed_marks:
            return at, cited_marks > listed_marks
    return None


def _marks(name: str) -> int:
    """How many diacritics a name is written with."""
    return sum(1 for c in unicodedata.normalize("NFKD", name) if unicodedata.combining(c))


def _told_the_writer(text: str, citation: Citation) -> bool:
    """A citation in brackets closing a sentence that says someone told the
    writer ("A nurse on my placement told me that ... (Nurse, 2022)",
    `_heard`) and cites a role or a quotation: a personal communication,
    which APA 7 writes with the person's initials and the exact date."""
    closes = text[citation.end : citation.end + 1] in (".", "!", "?")
    if citation.narrative or not text.startswith("(", citation.start) or not closes:
        return False
    lo = max(0, citation.start - QUOTE_WINDOW)
    first = lo
    for match in SENTENCE_END.finditer(text, lo, citation.start):
        if not abbreviation_stop(text, match.start()):
            first = match.end()
    opening = text[first : citation.start]
    return heard(opening) and (_role_only(citation) or any(mark in opening for mark in "\"'“‘"))


def _role_only(citation: Citation) -> bool:
    """A citation whose one author is a role ("(Volunteer, 2023)", "(Ward
    Nurse, 2022)"), not in the list: a person the student spoke to, whose
    words have no page (the entry, when there is one, decides)."""
    roles = load_data().roles
    return len(citation.authors) == 1 and all(w.lower() in roles for w in citation.authors[0].split())


def _personal(entry: Reference) -> bool:
    """An entry for a personal communication ("Okafor, R. (2024) Conversation
    with Sarah Bell, 14 May."): it has no pages to give for a quotation."""
    rest = entry.rest.lower()
    return any(marker in rest for marker in load_data().personal_entries)


def _online(entry: Reference) -> bool:
    """An entry for a source read online with no page numbers (a web page);
    not a report or a review put online (`[references].paged_documents` in
    its title, before the address): a document printed with pages, whose
    quotation both guides give a page (the conventions' web page is a
    page, not every source with an address)."""
    data = load_data()
    rest = entry.rest.lower()
    marker = min((at for m in data.online if (at := rest.find(m)) >= 0), default=-1)
    if marker < 0 or "pp." in rest:
        return False
    return not any(re.search(rf"\b{re.escape(word)}\b", rest[:marker]) for word in data.paged_documents)


def _severity(code: str, rules: CitationStyle, variant: str) -> Severity:
    if code == "page_label" and variant == "message_refused":
        return "problem"
    return "warning" if code in _WARNINGS else "problem"


_PAGE_AFTER = re.compile(r" {1,2}(?P<label>pp?|pgs?|page)\.? {0,2}(?P<value>\d{1,5}(?:\s{0,2}[-–]\s{0,2}\d{1,5})?)\b")
_PART_BEFORE = re.compile(r"\((?P<prefix>[^();]{0,20})$")
_PART_AFTER = re.compile(r"\s{0,2}(?P<separator>[;,])\s{0,2}\)")


def _outside_problems(text: str, citation: Citation, rules: CitationStyle) -> list[tuple[str, str, dict]]:
    """Faults next to a citation but outside its text, which a fix of the
    citation cannot mend: "Ng (2020) pg. 7 notes" (the page after the
    bracket), and for the first or last of several works in one bracket
    "(e.g. Ellison et al., 2018; ...)" without APA 7's comma and
    "(...; Oyelowo et al., 2021;)" with a separator before the bracket closes."""
    found: list[tuple[str, str, dict]] = []
    if citation.narrative:
        page = _PAGE_AFTER.match(text, citation.end)
        if page is not None and not citation.pages:
            right = f"{citation.text[:-1]}, {rules.locator(normalise_pages(page.group('label'), page.group('value')))})"
            found.append(("page_label", "message_outside", {"written": page.group().strip(), "right": right}))
        return found
    if citation.text.startswith("("):
        return found
    before = _PART_BEFORE.search(text, max(0, citation.start - 21), citation.start)
    if before is not None and rules.comma_after_eg and (eg := EG_NO_COMMA.search(before.group("prefix"))):
        found.append(("eg_comma", "message", {"found": eg.group()}))
    after = _PART_AFTER.match(text, citation.end)
    if after is not None:
        found.append(("debris", "message_separator", {"debris": after.group("separator")}))
    return found


def _online_in_text(sentence: str) -> bool:
    """The sentence says its source is a web page ("Mind (2021) states on its
    website that ..."): a quotation from it has no page to give."""
    lowered = sentence.lower()
    return any(word in lowered for word in load_data().web_page_words)


# --- the reference list --------------------------------------------------------


def _chapter_in(entry: Reference, via: CitedWork | None) -> bool:
    """Whether the entry is a chapter in a book the source read's author
    edited ("Gilling, D. (2005) 'Partnership ...', in Tilley, N. (ed.)
    Handbook ...", APA's "In N. Tilley (Ed.)"): the work cited is then the
    chapter, listed as read, and "in Tilley" names its book, not a source
    read in place of the original."""
    if via is None or not via.authors:
        return False
    editor = re.escape(via.authors[0])
    book = rf"\b[Ii]n:?\s+(?:[A-Z]\.\s?){{0,3}}{editor}\b[^()]{{0,40}}\((?:[Ee]ds?)\b"
    return re.search(book, entry.text) is not None


def _reference_problems(
    citation: Citation, link: Link, via_link: Link | None, references: list[Reference], fixes: dict,
    rules: CitationStyle, direct: set[int | None],
) -> list[tuple[str, str, dict]]:
    """What the list says of a citation: its entry missing, another year,
    suffix or spelling; for a secondary citation, the original listed in
    place of the source read, or beside it when the essay never cites the
    original as read (both guides list only the source read)."""
    if via_link is not None:
        if via_link.outcome == "missing":
            if link.outcome != "missing":
                if link.entry is not None and _chapter_in(references[link.entry], citation.via):
                    return []  # "Gilling (2005 in Tilley, 2005)": a chapter in Tilley's edited book, listed as read
                return [("secondary_lists_original", "message", {})]
            return [("no_reference", "message_via", {})]
        found = _link_problems(citation, via_link, references, fixes, rules, via=True)
        if not found and link.outcome == "ok" and link.entry is not None and link.entry not in direct:
            return [("secondary_lists_original", "message_both", {})]
        return found
    return _link_problems(citation, link, references, fixes, rules, via=False)


def _link_problems(
    citation: Citation, link: Link, references: list[Reference], fixes: dict, rules: CitationStyle, via: bool
) -> list[tuple[str, str, dict]]:
    work = citation.via if via and citation.via else citation
    key = "via" if via else "work"
    if link.outcome == "ok":  # the usual case: only a co-author's name left to compare
        if len(work.authors) < 2 or link.entry is None:
            return []
        return _co_author_spelling(work.authors, references[link.entry].authors, key, fixes)
    entries = [references[i] for i in link.entries]
    if link.outcome == "missing":
        return [("no_reference", "message", {})]
    entry = references[link.entry] if link.entry is not None else entries[0]
    if link.outcome == "year":  # (a republished work keeps its original's year: "1915/1957")
        fixes[key + "_year"] = f"{work.year.split('/')[0]}/{entry.year}" if "/" in work.year else entry.year
        spelling = _co_author_spelling(work.authors, entry.authors, key, fixes) if len(work.authors) > 1 else []
        if not work.year:  # reported as missing_year; the fix takes the entry's year
            return spelling
        return [*spelling, ("year_mismatch", "message", {"entry_year": entry.year, "year": work.year,
                                                          "names": rules.label(work.authors)})]
    if link.outcome == "spelling":
        fixes[key + "_authors"] = _with_article(work.authors, entry.authors)
        return [("author_spelling", "message", {"cited": work.authors[0], "listed": entry.authors[0]})]
    if link.outcome == "suffix":
        unlettered = [e for e in entries if not e.suffix]
        if work.suffix and len(unlettered) >= 2:  # "(GPhC, 2017b)" beside two works of 2017 listed without
            # letters: the list is the one at fault (both guides letter both), so no fix mends the citation
            listed = rules.label(entry.authors, entry.year or "", "")
            return [("suffix_mismatch", "message_unlettered", {"entry": listed, "count": str(len(unlettered))})]
        fixes[key + "_suffix"] = entry.suffix
        listed = rules.label(entry.authors, entry.year or "", entry.suffix)
        return [("suffix_mismatch", "message", {"entry": listed})]
    if link.outcome == "suffix_missing":
        listed = ", ".join(rules.label(e.authors, e.year or "", e.suffix) for e in entries)
        return [("suffix_mismatch", "message_missing", {"author": work.authors[0], "year": work.year,
                                                         "entries": listed})]
    return []


def _with_article(cited: list[str], listed: list[str]) -> list[str]:
    """The entry's names for a fix, keeping the capitalised "The" the citation
    writes before a body's name ("The Women & Equalities Committee (2019)" for
    "Women and Equalities Committee"): lists file a body without its article,
    and the article as written is part of the name in the text (the conventions)."""
    names = list(listed)
    if names and cited and cited[0].startswith("The ") and not names[0].startswith(("The ", "the ")):
        names[0] = f"The {names[0]}"
    return names


def _co_author_spelling(cited: list[str], listed: list[str], key: str, fixes: dict) -> list[tuple[str, str, dict]]:
    """"Delaney and Fox (2021)" for "Delaney, M., & Foxe, R. (2021)": the
    entry was found by its first author, and a later name is spelt another way."""
    if len(cited) != len(listed):
        return []
    for name, entry_name in zip(cited, listed, strict=True):
        if normal_name(name) != normal_name(entry_name):
            fixes[key + "_authors"] = _with_article(cited, listed)
            return [("author_spelling", "message", {"cited": name, "listed": entry_name})]
    return []


def _reference_list_problems(references: list[Reference], cited: set[int], rules: CitationStyle) -> None:
    data = load_data()
    fields = style_fields(rules)
    for index, reference in enumerate(references):
        if reference.year is None:
            reference.problems.append(Problem("unparsed", data.message("unparsed", **fields), None, "warning"))
            continue
        if index not in cited:
            reference.problems.append(Problem("never_cited", data.message("never_cited"), None, "problem"))
        ampersand, conjunction = uses_ampersand(reference)
        join = rules.join_in_references
        wrong = "&" if join == "and" and ampersand else "and" if join == "&" and conjunction and not ampersand else ""
        if wrong:
            message = data.message("reference_and_ampersand", **{**fields, "join": join, "found": wrong})
            reference.problems.append(Problem("reference_and_ampersand", message, None, "warning"))
