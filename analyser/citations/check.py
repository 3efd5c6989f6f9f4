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

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from analyser.citations.form import Shape, TextFacts, read_page_bracket, read_text, used_in_sentence
from analyser.citations.patterns import ET_AL, SENTENCE_END, load_data, quotations
from analyser.citations.references import uses_ampersand
from analyser.citations.resolve import (
    Link,
    Resolution,
    acronym_fits,
    defined_acronyms,
    normal_name,
    resolve_citations,
)
from analyser.citations.style import CitationStyle, Written, citation_style, format_citation
from analyser.model import Citation, Document, Problem, Reference, Severity

_ABBREVIATIONS = {"al", "e.g", "i.e", "cf", "p", "pp", "vs", "etc", "n.d", "para", "ch", "no", "vol", "ed", "eds"}
_QUOTE_WINDOW = 400
# What may stand between a quotation and the bracket of its citation: '"...", (Okafor, 2018)',
# '"..." (Lind, 2013; ...' (a work in a bracket of several starts after the bracket).
_RIGHT_AFTER = re.compile(r"\s{0,2}[,.]?\s{0,2}\(?")
# A page in its own bracket just after a quotation: '"..." (p. 45)'.
_PAGE_BRACKET = re.compile(r"[\s,]{0,3}\((?:pp?|pgs?|paras?|page|paragraph)\.?\s{0,2}[\divxlc]")
# A group author's abbreviation in a narrative citation: "Excellence (NICE) (2019)", "Care (DHSC, 2022)",
# or the faulty "Excellence (NICE), (2019)" (`own` holds the comma), which the fix writes in the style's form.
_NARRATIVE_ABBREVIATION = re.compile(
    r"\s\((?P<abbr>[A-Z][A-Za-z.&]{1,9})(?:\)\s*(?P<own>,?)\s*\(|(?P<year>,)\s)")
_POSSESSIVE = re.compile(r"(?:['’]s|s['’])\s*\($")  # "Okafor's (2018)", "Jones' (2019)"
_WARNINGS = {"no_date_form", "eg_comma", "bracket_order", "et_al_stray_stop",
             "inconsistent_form", "and_ampersand", "page_label", "missing_comma", "stray_comma", "initials_in_citation"}


@dataclass
class _Rewrite:
    """What one citation's fix is written from: the facts of its text, the
    corrections the checks found (the reference list's year or names, "et
    al." or not), and a placeholder where a missing page belongs. Every
    problem of a citation offers the same fix, written once all of them are
    known, so following any one suggestion corrects the whole citation."""

    facts: TextFacts
    fixes: dict[str, object] = field(default_factory=dict)
    locator: str | None = None  # "[page]", "para. [number]"
    as_subject: bool = False  # a bracket used as a part of the sentence: the fix is the narrative form


class _Rewrites:
    """Each citation's `_Rewrite`, made when a problem first needs it (most
    citations have none)."""

    def __init__(self, citations: list[Citation], text: str) -> None:
        self.citations = citations
        self.text = text
        self.facts: list[TextFacts] = []  # per citation, in order
        self.made: dict[int, _Rewrite] = {}
        self.numbers: dict[int, int] | None = None

    def of(self, citation: Citation) -> _Rewrite:
        if self.numbers is None:
            self.numbers = {id(c): n for n, c in enumerate(self.citations)}
        number = self.numbers[id(citation)]
        rewrite = self.made.get(number)
        if rewrite is None:
            rewrite = self.made[number] = _Rewrite(self.facts[number],
                                                   as_subject=used_in_sentence(self.text, citation))
        return rewrite


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
    quoted, page_brackets = _quotations(document, citations, [c.start for c in citations]) if citations else ({}, {})
    rewrites = _Rewrites(citations, document.text)
    for number, citation in enumerate(citations):
        has_pages = bool(citation.pages or (citation.via and citation.via.pages))
        shape = Shape(citation.narrative, citation.via is not None, has_pages, len(citation.authors),
                      len(citation.via.authors) if citation.via else 0,
                      not citation.narrative and _given_name_before(citation))
        facts = read_text(citation.text, shape, rules)
        rewrites.facts.append(facts)
        fixes: dict[str, object] = {}
        locator = None
        found = [(code, variant, dict(fields)) for code, variant, fields in facts.problems]
        if not citation.year:
            found.append(("missing_year", "message", {}))
        entry = meant = None  # the entry linked by the names as written; the one meant, even misspelt
        if resolution is not None and references is not None:
            if citation.authors and not (facts.personal and not rules.personal_listed):
                found += _reference_problems(
                    citation, resolution.links[number], resolution.via_links[number], references, fixes, rules
                )
            link = resolution.via_links[number] or resolution.links[number]
            citation.reference = link.entry if link.entry is not None else resolution.links[number].entry
            linked = resolution.links[number]
            meant = references[linked.entry] if linked.entry is not None else None
            entry = meant if linked.outcome != "spelling" else None
            if entry is not None and facts.et_al and 2 <= len(entry.authors) < rules.et_al_from:
                found.append(("et_al_too_few", "message", {"count": str(len(entry.authors))}))
                fixes["work_authors"], fixes["work_et_al"] = list(entry.authors), False
        sentence = quoted.get(number) if not has_pages and not facts.personal else None
        if sentence is not None and not (meant is not None and _personal(meant)):
            unpaginated = citation.year == "n.d." or (meant is not None and _online(meant)) or _online_in_text(
                document.text[sentence[0] : sentence[1]])
            if not unpaginated:
                found.append(("no_page_for_quote", "message", {}))
                locator = "[page]"
            elif rules.unpaginated_quote:
                found.append(("no_page_for_quote", "message_unpaginated", {}))
                locator = f"{rules.unpaginated_quote.rstrip('.')}. [number]"
        outside = []  # the faults of a page in its own bracket after a quotation this citation is cited by
        if number in page_brackets:
            bracket = document.text[page_brackets[number][0] : page_brackets[number][1]]
            outside = [(code, variant, dict(fields)) for code, variant, fields in read_page_bracket(bracket, rules)]
        if not found and not outside:
            continue
        rewrite = rewrites.made[number] = _Rewrite(facts, fixes, locator, used_in_sentence(document.text, citation))
        suggestion = _suggest(citation, rewrite, rules) if found else None  # (the page bracket is not its text)
        for code, variant, fields in found + outside:
            message = load_data().message(code, variant, **_fields(citation, rules, fields))
            citation.problems.append(Problem(code, message, suggestion, _severity(code, rules, variant)))
    _inconsistent_forms(document, citations, resolution, references or [], rules, rewrites)
    _undefined_abbreviations(document.text, citations, resolution, rules, rewrites)
    if rules.alphabetical_in_brackets:
        _bracket_order(document.text, citations, rules)
    if references:
        _reference_list_problems(references, resolution.cited if resolution else set(), rules)
    return resolution


_GIVEN_NAME = re.compile(r"(?<![\w.])[A-Z][a-z]{1,20}\s{1,3}$")


def _given_name_before(citation: Citation) -> bool:
    """A first name written before the first author inside a bracket, which
    the finder left out of the name: "(Gemma Whitcombe, 2022)". (Asked of
    citations in brackets only: a narrative one may name its author in full.)"""
    if not citation.authors:
        return False
    at = citation.text.find(citation.authors[0])
    given = _GIVEN_NAME.search(citation.text, 0, at) if at > 1 else None
    return given is not None and given.group().strip().lower() not in load_data().openers


def _personal(entry: Reference) -> bool:
    """An entry for a personal communication ("Okafor, R. (2024) Conversation
    with Sarah Bell, 14 May."): it has no pages to give for a quotation."""
    rest = entry.rest.lower()
    return any(marker in rest for marker in load_data().personal_entries)


def _online(entry: Reference) -> bool:
    """An entry for a source read online with no page numbers (a web page)."""
    rest = entry.rest.lower()
    return any(marker in rest for marker in load_data().online) and "pp." not in rest


def _severity(code: str, rules: CitationStyle, variant: str) -> Severity:
    if code == "page_label" and variant == "message_refused":
        return "problem"
    return "warning" if code in _WARNINGS else "problem"


def _written(citation: Citation, locator: str | None = None) -> tuple[Written, Written | None]:
    """The citation's fields to write out; with a `locator` ("[page]",
    "para. [number]"), a placeholder where the page belongs (in the source
    read, if any)."""
    via = citation.via
    return (
        Written(list(citation.authors), citation.year, citation.suffix, citation.pages or (None if via else locator)),
        Written(list(via.authors), via.year, via.suffix, via.pages or locator) if via else None,
    )


def _fields(citation: Citation, rules: CitationStyle, extra: dict) -> dict:
    """What a message may name: the works, the citation as written, and the style's rules."""
    work = rules.label(citation.authors, citation.year or "[year]", citation.suffix)
    via = rules.label(citation.via.authors, citation.via.year, citation.via.suffix) if citation.via else ""
    return {"work": work, "original": work, "via": via, "pages_value": (citation.pages or "").replace("-", "–"),
            "form": citation.text, **style_fields(rules), **extra}


@lru_cache(maxsize=32)
def style_fields(rules: CitationStyle) -> dict[str, str]:
    """A style's rules as message fields (read only: built once per style)."""
    return {"style": rules.title, "secondary": rules.secondary, "join": rules.join_in_brackets,
            "page": rules.page, "pages": rules.pages, "paragraph": rules.paragraph, "no_date": rules.no_date,
            "et_al_from": str(rules.et_al_from), "reference_entry": rules.reference_entry}


# --- quotations -------------------------------------------------------------------


def _quotations(
    document: Document, citations: list[Citation], starts: list[int]
) -> tuple[dict[int, tuple[int, int]], dict[int, tuple[int, int]]]:
    """The citations that direct quotations of three words or more are cited
    by (`_cited_by`), by number: those whose quotation has no page, each with
    the quotation's sentence (which never leaves its block); and those whose
    quotation has its page in its own bracket after it, each with that
    bracket ('Okafor (2018) ... "..." (pg. 45)': its label is checked). `starts`
    are where the citations start, in order."""
    text = document.text
    if '"' not in text and "'" not in text and "“" not in text and "‘" not in text:
        return {}, {}
    block_starts = [b.start for b in document.blocks]
    first, last = (bisect.bisect_right(block_starts, starts[i]) - 1 for i in (0, -1))
    lo = document.blocks[first].start if first >= 0 else 0
    hi = document.blocks[last].end if last >= 0 else len(text)
    owners: dict[int, tuple[int, int]] = {}
    page_brackets: dict[int, tuple[int, int]] = {}
    for quote in quotations(text, lo, hi):  # (from the first citation's block to the last's)
        if len(quote.group().split()) < 3:
            continue
        page = _PAGE_BRACKET.match(text, quote.end())  # 'Okafor (2018) ... "quotation" (p. 45)'
        inside = bisect.bisect_right(starts, quote.start()) - 1
        if inside >= 0 and citations[inside].end > quote.start():
            continue  # a quotation inside a citation's own text
        if inside >= 0 and _names_a_model(text, quote, citations[inside]):
            continue
        start, end = _sentence(document, block_starts, quote.start(), quote.end())
        owner = _cited_by(text, quote, citations, starts, bisect.bisect_left(starts, start),
                          bisect.bisect_left(starts, end))
        if owner is None:
            continue
        if page is None:
            owners.setdefault(owner, (start, end))
        elif (close := text.find(")", page.end(), page.end() + 40)) > 0:
            page_brackets.setdefault(owner, (text.index("(", page.start()), close + 1))
    return owners, page_brackets


_WORD_AFTER = re.compile(r"\s{1,3}([A-Za-z]+)")


def _names_a_model(text: str, quote: re.Match[str], before: Citation) -> bool:
    """A short quoted phrase (five words at most) right after a possessive
    citation and right before a word naming a model is the model's name,
    not a quotation with a page to give: "Hendry's (2015) 'notice,
    question, act' framework" (`[quotations].model_words`)."""
    if len(quote.group().split()) > 5 or text[before.end : quote.start()].strip():
        return False
    if not (before.narrative and _POSSESSIVE.search(before.text.split("(")[0] + "(")):
        return False
    word = _WORD_AFTER.match(text, quote.end())
    return word is not None and word.group(1).lower() in load_data().model_words


def _sentence(document: Document, block_starts: list[int], start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] (a quotation, which may hold sentence ends of its own), looked for
    no further than `_QUOTE_WINDOW` characters either side and never outside its block."""
    text = document.text
    i = bisect.bisect_right(block_starts, start) - 1
    lo = max(document.blocks[i].start if i >= 0 else 0, start - _QUOTE_WINDOW)
    hi = min(document.blocks[i].end if i >= 0 else len(text), end + _QUOTE_WINDOW)
    first = lo
    for match in SENTENCE_END.finditer(text, lo, start + 1):
        if not _abbreviation(text, match.start()):
            first = match.end()
    for match in SENTENCE_END.finditer(text, max(start, end - 2), hi):
        if not _abbreviation(text, match.start()):  # (from the quotation's last character: '... destination." Staff')
            return first, match.start() + len(match.group().rstrip())
    return first, hi


def _cited_by(
    text: str, quote: re.Match[str], citations: list[Citation], starts: list[int], first: int, last: int
) -> int | None:
    """Which citation of its sentence (numbers `first` to `last - 1`) a
    quotation is cited by: the one right after it ('"..." (Okafor, 2018)');
    else the last narrative citation before it, which introduces it ('Okafor
    (2018) calls it "..."'); else the first after it; else the last before
    it. The other citations of the sentence cite something else ('"..."
    (Okafor, 2018, p. 4), which Lind (2019) also finds'), and are not asked
    for its page."""
    after = bisect.bisect_left(starts, quote.end(), first, last)
    if after < last and not citations[after].narrative and _RIGHT_AFTER.fullmatch(
            text, quote.end(), citations[after].start):
        return after
    before = [n for n in range(min(after, last) - 1, first - 1, -1) if citations[n].end <= quote.start()]
    narrative = next((n for n in before if citations[n].narrative), None)
    if narrative is not None:
        return narrative
    if after < last:
        return after
    return before[0] if before else None


def _online_in_text(sentence: str) -> bool:
    """The sentence says its source is a web page ("Mind (2021) states on its
    website that ..."): a quotation from it has no page to give."""
    lowered = sentence.lower()
    return any(word in lowered for word in load_data().web_page_words)


def _abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]{1,5})$", text[max(0, dot - 6) : dot])
    return word is not None and word.group(1).lower().lstrip(".") in _ABBREVIATIONS


# --- the reference list --------------------------------------------------------


def _reference_problems(
    citation: Citation, link: Link, via_link: Link | None, references: list[Reference], fixes: dict,
    rules: CitationStyle,
) -> list[tuple[str, str, dict]]:
    if via_link is not None:
        if via_link.outcome == "missing":
            if link.outcome != "missing":
                return [("secondary_lists_original", "message", {})]
            return [("no_reference", "message_via", {})]
        return _link_problems(citation, via_link, references, fixes, rules, via=True)
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
    if link.outcome == "year":
        fixes[key + "_year"] = entry.year
        if not work.year:  # reported as missing_year; the fix takes the entry's year
            return []
        return [("year_mismatch", "message", {"entry_year": entry.year, "year": work.year,
                                               "names": rules.label(work.authors)})]
    if link.outcome == "spelling":
        fixes[key + "_authors"] = list(entry.authors)
        return [("author_spelling", "message", {"cited": work.authors[0], "listed": entry.authors[0]})]
    if link.outcome == "suffix":
        fixes[key + "_suffix"] = entry.suffix
        listed = rules.label(entry.authors, entry.year or "", entry.suffix)
        return [("suffix_mismatch", "message", {"entry": listed})]
    if link.outcome == "suffix_missing":
        listed = ", ".join(rules.label(e.authors, e.year or "", e.suffix) for e in entries)
        return [("suffix_mismatch", "message_missing", {"author": work.authors[0], "year": work.year,
                                                         "entries": listed})]
    return []


def _co_author_spelling(cited: list[str], listed: list[str], key: str, fixes: dict) -> list[tuple[str, str, dict]]:
    """"Delaney and Fox (2021)" for "Delaney, M., & Foxe, R. (2021)": the
    entry was found by its first author, and a later name is spelt another way."""
    if len(cited) != len(listed):
        return []
    for name, entry_name in zip(cited, listed, strict=True):
        if normal_name(name) != normal_name(entry_name):
            fixes[key + "_authors"] = list(listed)
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


# --- consistency ------------------------------------------------------------------


def _inconsistent_forms(
    document: Document, citations: list[Citation], resolution: Resolution | None, references: list[Reference],
    rules: CitationStyle, rewrites: _Rewrites,
) -> None:
    """The same work cited in different forms. Forms the style decides
    between are style problems: "et al." for a work whose names are given in
    full elsewhere, with fewer authors than the style's `et_al_from`, is
    `et_al_too_few`. Of the rest, the citations whose form differs from the
    form used most (the first used, on a tie) are `inconsistent_form`, with a
    fix only when it cannot teach a wrong form: the forms name as many
    authors, or the reference list says which is right. The same names and
    year in another order, with no entry to tell them apart, are one work's
    ("Nguyen and Baxter (2022)", then "(Baxter and Nguyen, 2022)"): the
    order used most (the first, on a tie) is the fix."""
    aliases = resolution.aliases if resolution else {}
    groups: dict[object, list[tuple[Citation, tuple | None]]] = defaultdict(list)
    entry_of: dict[object, int] = {}
    first_author: dict[tuple, str] = {}  # the names of a work in any order -> its first author as first cited
    for number, citation in enumerate(citations):
        if not citation.authors:
            continue
        link = resolution.links[number] if resolution else None
        lead = normal_name(citation.authors[0])
        if len(citation.authors) >= 2 and not (link and link.entry is not None):
            # "Nguyen and Baxter (2022)" then "(Baxter and Nguyen, 2022)": one work, its names reversed
            lead = first_author.setdefault(
                (tuple(sorted(normal_name(a) for a in citation.authors)), citation.year, citation.suffix), lead)
        key: object = ("entry", link.entry) if link and link.entry is not None else (
            aliases.get(lead, lead), citation.year, citation.suffix)
        if link and link.entry is not None:
            entry_of[key] = link.entry
        groups[key].append((citation, _form(document.text, citation, aliases)))
    data = load_data()
    for key, members in groups.items():
        if len(members) < 2 or _all_the_same(members):
            continue
        entry = references[entry_of[key]] if key in entry_of else None
        full = [c for c, form in members if form is not None and not form[-1] and len(c.authors) >= 2]
        names = list(entry.authors) if entry and entry.authors else (max((c.authors for c in full), key=len)
                                                                       if full else [])
        corrected: list[tuple | None] = []
        for citation, form in members:
            if form is not None and form[-1] and 2 <= len(names) < rules.et_al_from:
                if not any(p.code == "et_al_too_few" for p in citation.problems):
                    _add_et_al_too_few(citation, names, rules, rewrites.of(citation))
                form = (*(n.casefold() for n in names), False)
            corrected.append(None if form is None else _as_style_writes(form, rules))
        counts = Counter(form for form in corrected if form is not None)
        if len(counts) < 2:
            continue
        first_seen = {form: i for i, form in reversed(list(enumerate(corrected)))}
        usual = max(counts, key=lambda f: (counts[f], -first_seen[f]))
        example = next(c for (c, _), form in zip(members, corrected, strict=True) if form == usual)
        for (citation, _), form in zip(members, corrected, strict=True):
            if form is None or form == usual or any(p.code == "author_spelling" for p in citation.problems):
                continue
            other = example.text.strip("()") if not example.narrative else example.text
            rewrite = rewrites.of(citation)
            if len(form) == len(usual) and form[-1] == usual[-1]:
                fix: str | None = _with_authors(citation, rewrite, list(example.authors), usual[-1], rules)
                message = data.message("inconsistent_form", other=f"\"{other}\"")
            else:
                fix = _with_authors(citation, rewrite, list(entry.authors), False, rules) if entry and entry.authors \
                    else None
                message = data.message("inconsistent_form", "message_unsure", other=f"\"{other}\"")
            citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


_SAME_BRACKET = re.compile(r"\s{0,3};\s{0,3}")


def _bracket_order(text: str, citations: list[Citation], rules: CitationStyle) -> None:
    """Works in one bracket out of alphabetical order: "(Walsh, 2017; Baker,
    2019)" flags Baker. Neighbouring parts joined by a plain ";" are
    compared; a part after "see also" (which APA puts last) ends the run.
    No fix is offered: a fix rewrites one part, and the order is the bracket's."""
    previous: Citation | None = None
    for citation in citations:
        if citation.narrative or citation.text.startswith("(") or not citation.authors:
            previous = None
            continue
        if previous is not None and _SAME_BRACKET.fullmatch(text, previous.end, citation.start):
            before, name = normal_name(previous.authors[0]), normal_name(citation.authors[0])
            if name < before:
                fields = {**_fields(citation, rules, {}), "previous": rules.label(previous.authors),
                          "work_name": rules.label(citation.authors)}
                message = load_data().message("bracket_order", **fields)
                citation.problems.append(Problem("bracket_order", message, None, "warning"))
        previous = citation


def _undefined_abbreviations(
    text: str, citations: list[Citation], resolution: Resolution | None, rules: CitationStyle,
    rewrites: _Rewrites,
) -> None:
    """"The Local Government Association (2021) ... (LGA, 2021)": an
    abbreviation the essay never defines, for an organisation it cites in
    full, is the same work cited in another form; the fix gives the name."""
    short = [c for c in citations if len(c.authors) == 1 and _abbreviation_of(c).isupper()
             and 2 <= len(_abbreviation_of(c)) <= 8]
    if not short:
        return
    defined = resolution.aliases if resolution else defined_acronyms(text)
    named: dict[tuple[str, str], list[Citation]] = defaultdict(list)  # organisations by year (a linear pass)
    for c in citations:
        if len(c.authors) == 1 and " " in c.authors[0]:
            named[(c.year, c.suffix)].append(c)
    for citation in short:
        abbreviation = _abbreviation_of(citation)
        if abbreviation.casefold() in defined or any(p.code == "inconsistent_form" for p in citation.problems):
            continue
        full = next((c for c in named[(citation.year, citation.suffix)][:8]
                     if c is not citation and acronym_fits(abbreviation, c.authors[0])), None)
        if full is None:
            continue
        name = full.authors[0][4:] if full.authors[0].startswith("The ") else full.authors[0]
        if abbreviation != citation.authors[0]:  # "The DHSC (2021)": the sentence's "The" stays
            name = f"The {name}"
        message = load_data().message("inconsistent_form", other=f"\"{full.text}\"")
        fix = _with_authors(citation, rewrites.of(citation), [name], False, rules)
        citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


def _abbreviation_of(citation: Citation) -> str:
    """The first author without a leading "The ": "The DHSC (2021)" names DHSC."""
    name = citation.authors[0]
    return name[4:] if name.startswith("The ") else name


def _all_the_same(members: list[tuple[Citation, tuple | None]]) -> bool:
    """Every citation of the work written in one form (the usual case)."""
    first = members[0][1]
    return first is not None and all(form == first for _, form in members)


def _as_style_writes(form: tuple, rules: CitationStyle) -> tuple:
    """A form as the style would write it: the first name and "et al." from
    `et_al_from` names."""
    *names, et_al = form
    if et_al or len(names) >= rules.et_al_from:
        return (names[0], True)
    return form


def _add_et_al_too_few(citation: Citation, names: list[str], rules: CitationStyle, rewrite: _Rewrite) -> None:
    fields = {**_fields(citation, rules, {}), "count": str(len(names))}
    message = load_data().message("et_al_too_few", **fields)
    fix = _with_authors(citation, rewrite, names, False, rules)
    citation.problems.append(Problem("et_al_too_few", message, fix, "problem"))


def _form(text: str, citation: Citation, aliases: dict[str, str]) -> tuple | None:
    """The author part as written, for comparing forms: case does not count,
    nor an acronym the essay defines. None when the form cannot be told: a
    "The" opening a sentence may be the article or part of the name."""
    names, et_al = _written_form(tuple(citation.authors), citation.text, citation.narrative)
    if names and names[0].startswith("the ") and citation.narrative and _sentence_start(text, citation.start):
        return None
    if names and names[0] in aliases:
        names = (aliases[names[0]], *names[1:])
    return (*names, et_al)


@lru_cache(maxsize=8192)
def _written_form(authors: tuple[str, ...], text: str, narrative: bool) -> tuple[tuple[str, ...], bool]:
    """The names as compared (case and curly apostrophes not counting) and
    whether "et al" (or "and colleagues") is written before the year: the
    part of `_form` that depends only on the citation as written, so a
    repeated citation is read once."""
    names = tuple(n.replace("’", "'").casefold() for n in authors)
    head = text.split("(")[0] if narrative else text
    return names, ET_AL.search(head) is not None or any(w in head for w in load_data().colleagues)


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip()
    return not before or before[-1] in ".!?\n"


def _with_authors(
    citation: Citation, rewrite: _Rewrite, authors: list[str], et_al: bool, rules: CitationStyle
) -> str | None:
    """The citation's fix with these authors (and every other correction it
    already has), now offered by each of its problems."""
    rewrite.fixes["work_authors"], rewrite.fixes["work_et_al"] = list(authors), et_al
    fix = _suggest(citation, rewrite, rules)
    for problem in citation.problems:
        if problem.suggestion is not None:
            problem.suggestion = fix
    return fix


# --- suggestions --------------------------------------------------------------------


def _suggest(citation: Citation, rewrite: _Rewrite, rules: CitationStyle) -> str | None:
    """The citation written correctly, with every correction found so far.
    None for a personal communication in a style that cites it with its
    date (APA 7): the date is not kept in the fields, and no fix is better
    than one that drops it. A style that lists it (Cite Them Right) cites
    it as any other work: "(Okonjo, 2024)", when it names the person."""
    facts, fixes = rewrite.facts, rewrite.fixes
    if facts.personal and not (rules.personal_listed and citation.authors):
        return None
    work, via = _written(citation, rewrite.locator)
    work.year = str(fixes.get("work_year") or work.year or "[year]")
    if "work_suffix" in fixes:
        work.suffix = str(fixes["work_suffix"])
    if "work_authors" in fixes:
        work.authors = list(fixes["work_authors"])  # type: ignore[call-overload]
    if via is not None:
        via.year = str(fixes.get("via_year", via.year))
        via.suffix = str(fixes.get("via_suffix", via.suffix))
        via.authors = list(fixes.get("via_authors", via.authors))  # type: ignore[call-overload]
    work.et_al = bool(fixes.get("work_et_al", facts.et_al))
    if "work_et_al" not in fixes:
        work.others = facts.others
    work.abbreviation = facts.abbreviation
    if rules.abbreviation_brackets and facts.abbreviation:  # "(NICE)" written "[NICE]" in APA 7
        pair = rules.abbreviation_brackets
        work.abbreviation = f"{pair[:1]}{facts.abbreviation[1:-1]}{pair[1:]}"
    if via is not None and via.authors:
        after = citation.text.rfind(via.authors[0])
        via.et_al = after >= 0 and "et al" in citation.text[after:]
    brackets = citation.text.startswith("(") and not rewrite.as_subject
    possessive = citation.narrative and _POSSESSIVE.search(citation.text.split("(")[0] + "(") is not None
    if facts.listed and via is not None:  # two sources missing their semicolon, not a secondary citation
        works = [work, via]
        if rules.alphabetical_in_brackets:
            works.sort(key=lambda w: normal_name(w.authors[0]) if w.authors else "")
        out = "; ".join(format_citation(w, rules, brackets=False) for w in works)
        out = f"({out})" if brackets else out
    else:
        out = format_citation(work, rules, citation.narrative or rewrite.as_subject, via, brackets=brackets,
                              possessive=possessive)
    if citation.narrative:
        acronym = _NARRATIVE_ABBREVIATION.search(citation.text)
        if acronym:
            name, _, rest = out.partition(" (")
            abbreviation = acronym.group("abbr")
            with_year = acronym.group("year") is not None or (  # (the writer's correct form is kept)
                acronym.group("own") == "," and rules.narrative_abbreviation_with_year)
            out = f"{name} ({abbreviation}, {rest}" if with_year else f"{name} ({abbreviation}) ({rest}"
    elif brackets and facts.prefix.strip():
        out = "(" + facts.prefix + out[1:]
    return out
