"""Checks across the citations of a document (part of the *annotate*
stage): the same work cited in different forms, an abbreviation the essay
never defines for an organisation it cites in full, and works in one bracket
out of the style's order. check.py calls them once every citation's own
problems are known; their fixes are written with the same `Rewrite`."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from itertools import chain, islice

from rapidfuzz.distance import Levenshtein

from analyser.citations.patterns import ACRONYM, ACRONYM_SQUARE, ET_AL, YEAR_NUMBER, is_abbreviation, load_data
from analyser.citations.resolve import Resolution, acronym_fits, defined_acronyms, normal_name
from analyser.citations.rewrite import Rewrite, Rewrites, message_fields, with_authors
from analyser.citations.spellings import (
    ampersand_spellings,
    cut_bodies,
    final_s_spellings,
    squashed,
    unlettered_spellings,
)
from analyser.citations.style import CitationStyle
from analyser.model import Citation, Document, Problem, Reference

# A blank line (and spaces) right before a point: a paragraph opens there.
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n[ \t]*$")


def inconsistent_forms(
    document: Document, citations: list[Citation], resolution: Resolution | None, references: list[Reference],
    rules: CitationStyle, rewrites: Rewrites,
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
    order used most (the first, on a tie) is the fix. Three names or more in
    another order are not: a team's works of one year often take turns at
    the lead ("Drake, Bond and Becker (2012)", "Bond, Drake and Becker
    (2012)": two works), and both guides keep each work's order. So is a first author
    spelt two ways with no entry to say which is right ("Abernethy-Clarke"
    and "Abernathy-Clarke", one year: `_misspelt_lead`)."""
    aliases = resolution.aliases if resolution else {}
    groups: dict[object, list[tuple[Citation, tuple | None]]] = defaultdict(list)
    entry_of: dict[object, int] = {}
    first_author: dict[tuple, str] = {}  # the names of a work in any order -> its first author as first cited
    leads: dict[tuple, dict[str, None]] = defaultdict(dict)  # (year, suffix, names) -> first authors seen, no entry
    for number, citation in enumerate(citations):
        if not citation.authors:
            continue
        link = resolution.links[number] if resolution else None
        lead = normal_name(citation.authors[0])
        if len(citation.authors) == 2 and not (link and link.entry is not None):
            # "Nguyen and Baxter (2022)" then "(Baxter and Nguyen, 2022)": one work, its names reversed
            lead = first_author.setdefault(
                (tuple(sorted(normal_name(a) for a in citation.authors)), citation.year, citation.suffix), lead)
        if not (link and link.entry is not None):
            lead = _misspelt_lead(lead, leads[(citation.year, citation.suffix, len(citation.authors))])
        key: object = ("entry", link.entry) if link and link.entry is not None else (
            aliases.get(lead, lead), citation.year, citation.suffix)
        if link and link.entry is not None:
            entry_of[key] = link.entry
        groups[key].append((citation, _form(document.text, citation, aliases)))
    data = load_data()
    for key, members in groups.items():
        if len(members) < 2 or _all_the_same(members) or _side_by_side(document.text, members):
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
            misspelt = any(p.code in ("author_spelling", "et_al_needed") for p in citation.problems)
            corrected.append(None if form is None or misspelt else _as_style_writes(form, rules))  # (the list
            # decides a misspelt name; the style, "(Ndosi, 2014)" for a work of four: `et_al_needed`, not a form)
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
                fix: str | None = with_authors(citation, rewrite, list(example.authors), usual[-1], rules)
                message = data.message("inconsistent_form", other=f"\"{other}\"")
            else:
                fix = with_authors(citation, rewrite, list(entry.authors), False, rules) if entry and entry.authors \
                    else None
                message = data.message("inconsistent_form", "message_unsure", other=f"\"{other}\"")
            citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))
    for members in groups.values():
        _particle_cases(document.text, members, rules, rewrites)
        _inner_cases(members, rules, rewrites)
    _cut_names(citations, resolution, rules, rewrites)
    cut_bodies(citations, resolution, rules, rewrites)
    unlettered_spellings(citations, resolution)
    final_s_spellings(citations, resolution)
    ampersand_spellings(citations, resolution)
    _source_et_al_too_few(citations, resolution, references, rules, rewrites)


def _source_et_al_too_few(
    citations: list[Citation], resolution: Resolution | None, references: list[Reference], rules: CitationStyle,
    rewrites: Rewrites,
) -> None:
    """"Schön (1983, cited in Rolfe et al., 2001)" beside "Rolfe, Freshwater
    and Jasper (2001)": the source read given with "et al." where its names,
    in its entry or in a citation of it elsewhere, number fewer than the
    style's `et_al_from` is `et_al_too_few`, as for the work cited; the fix
    writes the source's names."""
    written: dict[tuple[str, str, str], list[str]] = {}  # (first author, year, suffix) -> names written in full
    for citation in citations:
        if citation.via is None and len(citation.authors) >= 2 and not ET_AL.search(citation.text):
            written.setdefault((normal_name(citation.authors[0]), citation.year, citation.suffix),
                               list(citation.authors))
    for number, citation in enumerate(citations):
        via = citation.via
        if via is None or not via.authors or any(p.code == "et_al_too_few" for p in citation.problems):
            continue
        after = citation.text.rfind(via.authors[0])
        if after < 0 or not ET_AL.search(citation.text, after):
            continue
        link = resolution.via_links[number] if resolution else None
        entry = references[link.entry] if link is not None and link.entry is not None else None
        names = list(entry.authors) if entry is not None else written.get(
            (normal_name(via.authors[0]), via.year, via.suffix), [])
        if 2 <= len(names) < rules.et_al_from:
            fields = {**message_fields(citation, rules, {}), "count": str(len(names))}
            message = load_data().message("et_al_too_few", "message_via", **fields)
            fix = with_authors(citation, rewrites.of(citation), names, False, rules, key="via")
            citation.problems.append(Problem("et_al_too_few", message, fix, "problem"))


def _cut_names(
    citations: list[Citation], resolution: Resolution | None, rules: CitationStyle, rewrites: Rewrites
) -> None:
    """A first author cut to one word of the name another citation of the
    same year gives in full: without its particle ("(Netten et al., 2020)"
    beside "Van Netten et al. (2020)") or as one part of a double-barrelled
    surname ("(Agudelo, 2016)" beside "(Conde-Agudelo and Diaz-Rossello,
    2016)"). One work in two forms, of which only the full one can be
    right (a writer drops a word of a name, never adds one): the cut one is
    `inconsistent_form`, fixed with the full names. Only where the reference
    list does not decide (it gives `author_spelling`), and only when one
    full name fits; "Hart" beside "Tudor Hart" is left alone ("Tudor" is
    no particle, and may be a first name)."""
    linked = {id(c) for c, link in zip(citations, resolution.links, strict=True) if link.entry is not None} \
        if resolution else set()
    full: dict[tuple[str, str, str], dict[str, Citation]] = defaultdict(dict)  # (word, year, suffix) -> names
    particles = load_data().particles
    for citation in citations:
        if not citation.authors or id(citation) in linked:
            continue
        name = normal_name(citation.authors[0])
        words = name.split(" ")
        if len(words) > 1 and all(w in particles for w in words[:-1]):
            full[(words[-1], citation.year, citation.suffix)].setdefault(name, citation)
        elif len(words) == 1 and "-" in name:
            for part in name.split("-"):
                full[(part, citation.year, citation.suffix)].setdefault(name, citation)
    if not full:
        return
    for citation in citations:
        if not citation.authors or id(citation) in linked or any(
                p.code in ("inconsistent_form", "author_spelling") for p in citation.problems):
            continue
        name = normal_name(citation.authors[0])
        fits = full.get((name, citation.year, citation.suffix), {})
        if " " in name or "-" in name or len(name) < 3 or len(fits) != 1:
            continue
        other = next(iter(fits.values()))
        _, et_al = _written_form(tuple(other.authors), other.text, other.narrative)
        fix = with_authors(citation, rewrites.of(citation), list(other.authors), et_al, rules)
        shown = other.text.strip("()") if not other.narrative else other.text
        message = load_data().message("inconsistent_form", other=f"\"{shown}\"")
        citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


def _particle_cases(
    text: str, members: list[tuple[Citation, tuple | None]], rules: CitationStyle, rewrites: Rewrites
) -> None:
    """One work's first author written with its particle in two cases, "van
    der Kolk (2014)" and later "(Van der Kolk, 2014)" (forms otherwise
    compare without case): both guides write the name as its owner does, so
    the case used most (the first, on a tie) is the fix of the others
    (`inconsistent_form`). A narrative citation opening its sentence does
    not count (APA 7 capitalises a lower-case particle there), nor does a
    citation already told another fault of its form or spelling."""
    particles = load_data().particles
    written: list[tuple[Citation, str, tuple | None]] = []
    for citation, form in members:
        first = citation.authors[0].split(" ", 1)[0]
        if " " in citation.authors[0] and first.lower() in particles and not (
                citation.narrative and at_sentence_start(text, citation.start)):
            written.append((citation, first, form))
    cases = Counter(first for _, first, _ in written)
    if len(cases) < 2:
        return
    order = {first: i for i, (_, first, _) in reversed(list(enumerate(written)))}
    usual = max(cases, key=lambda f: (cases[f], -order[f]))
    for citation, first, form in written:
        if first == usual or any(p.code in ("inconsistent_form", "author_spelling") for p in citation.problems):
            continue
        authors = [usual + citation.authors[0][len(first):], *citation.authors[1:]]
        fix = with_authors(citation, rewrites.of(citation), authors, bool(form and form[-1]), rules)
        example = next(c for c, f, _ in written if f == usual)
        other = example.text.strip("()") if not example.narrative else example.text
        message = load_data().message("inconsistent_form", other=f"\"{other}\"")
        citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


def _inner_cases(members: list[tuple[Citation, tuple | None]], rules: CitationStyle, rewrites: Rewrites) -> None:
    """One work's author written with its inner capitals in two ways,
    "Prochaska and DiClemente's (1983)" and later "(Prochaska and Diclemente,
    1983)", "McKee"/"Mckee" (forms otherwise compare without case): both
    guides write the name as its owner does, so the one used most (the
    first, on a tie) is the fix of the others (`inconsistent_form`), as for
    a particle's case. Only the letters after the first may differ, and a
    name in capitals ("NICE") is an abbreviation, left alone."""
    for at in range(max((len(c.authors) for c, _ in members), default=0)):
        spellings: dict[str, list[tuple[Citation, str, tuple | None]]] = defaultdict(list)
        for citation, form in members:
            if len(citation.authors) > at and not citation.authors[at].isupper():
                spellings[citation.authors[at].casefold()].append((citation, citation.authors[at], form))
        for written in spellings.values():
            cases = Counter(name for _, name, _ in written)
            if len(cases) < 2 or len({name[:1] for name in cases}) != 1:
                continue  # (one spelling, or a particle's case: `_particle_cases`)
            order = {name: i for i, (_, name, _) in reversed(list(enumerate(written)))}
            usual = max(cases, key=lambda n: (cases[n], -order[n]))
            example = next(c for c, n, _ in written if n == usual)
            for citation, name, form in written:
                if name == usual or any(p.code in ("inconsistent_form", "author_spelling")
                                        for p in citation.problems):
                    continue
                authors = [usual if i == at else a for i, a in enumerate(citation.authors)]
                fix = with_authors(citation, rewrites.of(citation), authors, bool(form and form[-1]), rules)
                other = example.text.strip("()") if not example.narrative else example.text
                message = load_data().message("inconsistent_form", other=f"\"{other}\"")
                citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


_SAME_BRACKET = re.compile(r"\s{0,3};\s{0,3}")


def _side_by_side(text: str, members: list[tuple[Citation, tuple | None]]) -> bool:
    """Whether two of the citations are works next to each other in one
    bracket ("(McNally, 2016; McNally & Schinkel-Dunn, 2016)"): a writer
    citing them together means two works, not one in two forms."""
    ordered = sorted((c for c, _ in members), key=lambda c: c.start)
    return any(_SAME_BRACKET.fullmatch(text, a.end, b.start) for a, b in zip(ordered, ordered[1:]))


def bracket_order(text: str, citations: list[Citation], rules: CitationStyle) -> None:
    """Works in one bracket out of alphabetical order: "(Walsh, 2017; Baker,
    2019)" flags Baker. Neighbouring parts joined by a plain ";" are
    compared; a part after "see also" (which APA puts last) ends the run.
    The same authors' works go by year, undated first and in press last
    (APA 7, 8.12): "(Braun & Clarke, 2019; Braun & Clarke, 2006)" flags 2006.
    No fix is offered: a fix rewrites one part, and the order is the bracket's.
    One bracket's order is one fault, told on its first work out of place:
    "(Zarit, 1998; Lind, 2016; Brown, 2003)" flags Lind, not Brown too."""
    previous: Citation | None = None
    told = False  # the bracket being read already has its fault
    for citation in citations:
        if citation.narrative or citation.text.startswith("(") or not citation.authors:
            previous = None
            continue
        same_bracket = previous is not None and _SAME_BRACKET.fullmatch(text, previous.end, citation.start)
        told = told and bool(same_bracket)
        if previous is not None and same_bracket and not told:
            before, name = normal_name(previous.authors[0]), normal_name(citation.authors[0])
            same = ([normal_name(a) for a in previous.authors] == [normal_name(a) for a in citation.authors]
                    and bool(ET_AL.search(previous.text)) == bool(ET_AL.search(citation.text)))
            if name < before or same and _year_order(citation) < _year_order(previous):
                fields = {**message_fields(citation, rules, {}), "previous": rules.label(previous.authors),
                          "work_name": rules.label(citation.authors),
                          "previous_work": rules.label(previous.authors, previous.year, previous.suffix),
                          "work": rules.label(citation.authors, citation.year, citation.suffix)}
                message = load_data().message("bracket_order", "message_year" if same else "message", **fields)
                citation.problems.append(Problem("bracket_order", message, None, "warning"))
                told = True
        previous = citation


def _year_order(citation: Citation) -> tuple[int, str]:
    """Where a work's year puts it among the same authors' (APA 7, 8.12): undated first, in press last."""
    year = citation.year.split("/")[-1]
    if year[:4].isdigit():
        return int(year[:4]), citation.suffix
    return (-1 if year == "n.d." else 10_000 if year else -2), citation.suffix


_INITIALS = re.compile(r"(?:[A-Z]\.\s?){1,3}$")
_INITIALS_AFTER = re.compile(r",\s?(?P<initials>(?:[A-Z]\.\s?){1,3})(?=[\s,(])")  # "Khan, R. (2020)"


def shared_surnames(text: str, citations: list[Citation], rules: CitationStyle) -> None:
    """First authors who share a surname but not their initials ("(A. Khan,
    2018)", "(R. Khan, 2020)"): a style that tells them apart by their
    initials (APA 7, 8.20, whatever the years) does not count the initials
    as a fault, and a citation of one of them without its initials ("Khan
    (2018)", the year one initial was seen with) is `inconsistent_form`,
    fixed with them. Initials are read just before the first author, inside
    the citation's text or, for a work among several in a bracket, before it."""
    if not rules.initials_for_shared_surname:
        return
    read: list[str] = []
    after: set[int] = set()  # citations whose initials follow the surname, "Khan, R. (2020)"
    seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # surname -> initials -> years
    for number, citation in enumerate(citations):
        initials = ""
        if citation.authors:
            at = citation.text.find(citation.authors[0])
            before = citation.text[:at] if at > 0 else text[max(0, citation.start - 12) : citation.start]
            found = _INITIALS.search(before.lstrip("("))
            initials = found.group().replace(" ", "") if found else ""
            following = _INITIALS_AFTER.match(citation.text, at + len(citation.authors[0])) if at >= 0 else None
            if not initials and following:
                initials = following.group("initials").replace(" ", "")
                after.add(number)
            if initials:
                seen[normal_name(citation.authors[0])][initials].add(citation.year)
        read.append(initials)
    shared = {name for name, by in seen.items() if len(by) > 1}
    if not shared:
        return
    data = load_data()
    for number, (citation, initials) in enumerate(zip(citations, read, strict=True)):
        name = normal_name(citation.authors[0]) if citation.authors else ""
        if name not in shared:
            continue
        if number in after:  # a fault still, whose fix keeps the initials, before the name: "R. Khan (2020)"
            for problem in citation.problems:
                if problem.suggestion and citation.authors[0] in problem.suggestion:
                    head, _, tail = problem.suggestion.partition(citation.authors[0])
                    problem.suggestion = f"{head}{initials.replace('.', '. ').strip()} {citation.authors[0]}{tail}"
                if problem.code == "initials_in_citation" and problem.suggestion:
                    problem.message = load_data().message("initials_in_citation", "message_shared", style=rules.title,
                                                          name=citation.authors[0], other=f'"{problem.suggestion}"')
            continue
        if initials:
            citation.problems = [p for p in citation.problems if p.code != "initials_in_citation"]
            continue
        meant = [i for i, years in seen[name].items() if citation.year in years]
        if len(meant) != 1 or citation.problems:
            continue  # (which author is meant is unknown, or another fix is being written)
        at = citation.text.find(citation.authors[0])
        fix = f"{citation.text[:at]}{meant[0].replace('.', '. ').strip()} {citation.text[at:]}"
        message = data.message("inconsistent_form", "message_initials", style=rules.title, other=f'"{fix}"')
        citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


def undefined_abbreviations(
    text: str, citations: list[Citation], resolution: Resolution | None, rules: CitationStyle,
    rewrites: Rewrites,
) -> None:
    """"The Local Government Association (2021) ... (LGA, 2021)", "(College
    of Policing, 2021) ... the CoP (2021)": an abbreviation the essay never
    defines, for an organisation it cites in full, is the same work cited in
    another form; the fix gives the name. Beside the name in full with
    another year only ("NICE (2006) recommends ... (National Institute for
    Health and Clinical Excellence, 2017)"), it is another work by the body
    the essay names, cited by an abbreviation it never defines: told with
    no fix, since where the name and its abbreviation go first is the
    writer's to choose."""
    short = [c for c in citations if len(c.authors) == 1 and is_abbreviation(_abbreviation_of(c))
             and 2 <= len(_abbreviation_of(c)) <= 8]
    if not short:
        return
    defined = resolution.aliases if resolution else defined_acronyms(text)
    named: dict[tuple[str, str], list[tuple[Citation, int]]] = defaultdict(list)  # bodies by year (a linear pass)
    for c in citations:
        for at, author in enumerate(c.authors[:8]):
            if " " in author and (len(c.authors) == 1 or not is_abbreviation(author)):
                named[(c.year, c.suffix)].append((c, at))
    for citation in short:
        abbreviation = _abbreviation_of(citation)
        if abbreviation.casefold() in defined or any(p.code == "inconsistent_form" for p in citation.problems):
            continue
        # the same work: the body the abbreviation spells is its first author ("(EPUAP et al., 2019)" beside
        # the three bodies in full); another work: a body the essay names anywhere, in another year
        full = next((c for c, at in named[(citation.year, citation.suffix)][:8]
                     if c is not citation and at == 0 and acronym_fits(abbreviation, c.authors[0])), None)
        if full is None:
            other = next((c for key, group in named.items() if key != (citation.year, citation.suffix)
                          for c, at in group[:8] if acronym_fits(abbreviation, c.authors[at])), None)
            if other is not None:
                message = load_data().message("inconsistent_form", "message_undefined", abbreviation=abbreviation,
                                              other=f"\"{other.text}\"")
                citation.problems.append(Problem("inconsistent_form", message, None, "warning"))
            continue
        name = full.authors[0][4:] if full.authors[0].startswith("The ") else full.authors[0]
        name = _defined_abbreviation(text, name, citation.start) or name  # (both guides: the one defined)
        if abbreviation != citation.authors[0]:  # "The DHSC (2021)": the sentence's "The" stays
            name = f"The {name}"
        names = [name, *full.authors[1:]]
        rewrite = rewrites.of(citation)
        if ET_AL.search(citation.text) and 2 <= len(names) < rules.et_al_from:
            _add_et_al_too_few(citation, names, rules, rewrite)  # "(EPUAP et al., 2019)" for three bodies
        message = load_data().message("inconsistent_form", other=f"\"{full.text}\"")
        fix = with_authors(citation, rewrite, names, len(names) >= rules.et_al_from, rules)
        citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


def _defined_abbreviation(text: str, name: str, before: int) -> str | None:
    """The abbreviation the essay defined for this organisation before this
    point ("Department of Health and Social Care [DHSC]"), as written: once
    defined, both guides cite the organisation by it (APA 7, 8.21), so a
    wrong one ("DH (2021)") is fixed to it, not to the name in full."""
    key = normal_name(name)
    found = [m for m in chain(ACRONYM.finditer(text, 0, before), ACRONYM_SQUARE.finditer(text, 0, before))
             if defined_acronyms(text[max(0, m.start() - 120) : m.end()]).get(m.group("acronym").casefold()) == key]
    return min(found, key=lambda m: m.start()).group("acronym") if found else None


_MISSPELT_FROM = 8  # letters a surname needs before one letter's difference makes it the same name misspelt


def _misspelt_lead(lead: str, seen: dict[str, None]) -> str:
    """The first author of a work cited earlier with the same year and as
    many names, of which `lead` is a misspelling: one letter different
    (Levenshtein), both names of eight letters or more ("Rensberg" for
    "Rensburg"; "Thomson" and "Thompson", "Hansen" and "Hanson" are kept
    apart, being too short to tell), or the same letters spaced another way
    ("Vanderberg" for "Van der Berg", any length). Otherwise `lead`, now
    seen. Only for citations the reference list does not decide (it gives
    `author_spelling`)."""
    if lead in seen:
        return lead
    long = _letters(lead) >= _MISSPELT_FROM
    for other in islice(seen, 8):  # (a bounded look, first seen first: linear in the citations)
        if squashed(other) == squashed(lead) or (long and _letters(other) >= _MISSPELT_FROM
                                                   and Levenshtein.distance(lead, other, score_cutoff=1) <= 1):
            return other
    seen[lead] = None
    return lead


def same_work(one: Citation, other: Citation) -> bool:
    """Two citations of one work as far as their text tells: the same year
    and suffix, and first authors alike or one a misspelling of the other."""
    if not (one.authors and other.authors) or (one.year, one.suffix) != (other.year, other.suffix):
        return False
    first, second = normal_name(one.authors[0]), normal_name(other.authors[0])
    return first == second or _misspelt_lead(second, {first: None}) == first


def years_cited(citations: list[Citation]) -> dict[tuple, tuple[str, str] | None]:
    """The year (and letter) each work is cited with elsewhere in the text,
    by its author form (`_year_key`): what a fix for a citation of it
    written without a year gives, "(Brooks et al.)" after "(Brooks, Lee and
    Ode, 2021)". None when the form is cited with more than one year (which
    work is meant is then unknown)."""
    years: dict[tuple, tuple[str, str] | None] = {}
    for citation in citations:
        if not citation.year or not citation.authors:
            continue
        for key in _year_keys(citation):
            seen = years.setdefault(key, (citation.year, citation.suffix))
            if seen is not None and seen != (citation.year, citation.suffix):
                years[key] = None
    return years


def year_key(citation: Citation) -> tuple:
    """A citation without a year, by its first author and how many names its
    work has as written: "et al." (or "and colleagues") for a work of three
    names or more, otherwise the names themselves."""
    names, et_al = _written_form(tuple(citation.authors), citation.text, citation.narrative)
    return (names[0], "et al.") if et_al else names


def _year_keys(citation: Citation) -> tuple[tuple, ...]:
    """The forms a citation with its year answers to: its names, and "et
    al." after its first name when it writes that or names three or more
    ("(Brooks, Lee and Ode, 2021)" is the work of "(Brooks et al.)")."""
    names, et_al = _written_form(tuple(citation.authors), citation.text, citation.narrative)
    if et_al:
        return ((names[0], "et al."),)
    return (names, (names[0], "et al.")) if len(names) >= 3 else (names,)


def _letters(name: str) -> int:
    return sum(c.isalpha() for c in name)


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


def _add_et_al_too_few(citation: Citation, names: list[str], rules: CitationStyle, rewrite: Rewrite) -> None:
    fields = {**message_fields(citation, rules, {}), "count": str(len(names))}
    message = load_data().message("et_al_too_few", "message_via", **fields)
    fix = with_authors(citation, rewrite, names, False, rules)
    citation.problems.append(Problem("et_al_too_few", message, fix, "problem"))


def _form(text: str, citation: Citation, aliases: dict[str, str]) -> tuple | None:
    """The author part as written, for comparing forms: case does not count,
    nor an acronym the essay defines. None when the form cannot be told: a
    "The" opening a sentence may be the article or part of the name, and a
    year after another of the same names is written without them."""
    if citation.authors[0].casefold() not in citation.text.casefold():
        return None  # "(Rowe et al., 2019a, 2019b)": "2019b" stands for the names before it, written once
    names, et_al = _written_form(tuple(citation.authors), citation.text, citation.narrative)
    if names and names[0].startswith("the ") and citation.narrative and at_sentence_start(text, citation.start):
        return None
    names = tuple(aliases.get(name, name) for name in names)  # (each body's: "SCoR and BMUS (2022)")
    return (*names, et_al)


@lru_cache(maxsize=8192)
def _written_form(authors: tuple[str, ...], text: str, narrative: bool) -> tuple[tuple[str, ...], bool]:
    """The names as compared (case and curly apostrophes not counting) and
    whether "et al" (or "and colleagues") is written before the year: the
    part of `_form` that depends only on the citation as written, so a
    repeated citation is read once."""
    names = tuple(n.replace("’", "'").casefold() for n in authors)
    year = None if narrative else _FIRST_YEAR.search(text)
    # (a bracket's own work ends at its year: "(SafeLives, 2015, Howarth et al, 2009)" writes SafeLives alone,
    # and "(Goffman, 1963, as cited in Purdam et al., 2016)" Goffman; the "et al." is the other work's)
    head = text.split("(")[0] if narrative else text[: year.start()] if year else text
    return names, ET_AL.search(head) is not None or any(w in head for w in load_data().colleagues)


_FIRST_YEAR = re.compile(rf"\b{YEAR_NUMBER}\b")


def at_sentence_start(text: str, offset: int) -> bool:
    """After a sentence's end, or opening a paragraph: one under a heading
    with no full stop ("Discharge planning\n\nThe National ...") opens a
    sentence too (a single line break may be a wrapped line's)."""
    if _PARAGRAPH_BREAK.search(text, max(0, offset - 8), offset):
        return True
    before = text[max(0, offset - 3) : offset].rstrip()
    return not before or before[-1] in ".!?\n"
