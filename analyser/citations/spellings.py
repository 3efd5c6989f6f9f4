"""A first author written two ways across the citations of one year, where
no reference list decides (part of the *annotate* stage;
`consistency.inconsistent_forms` calls these): in another form than every
lettered citation of that author and year, with a final "s" the other
citations lack, or a body's name with "&" where others write "and" (or
with an apostrophe others leave out). All
are `inconsistent_form` with no fix: which form is meant only the writer
knows."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from analyser.citations.patterns import load_data
from analyser.citations.resolve import Resolution, body_openings, normal_name
from analyser.citations.rewrite import Rewrites, with_authors
from analyser.citations.style import CitationStyle
from analyser.model import Citation, Problem


def squashed(name: str) -> str:
    """A name's letters alone: "van der berg" and "vanderberg" are one."""
    return "".join(c for c in name if c.isalpha())


def _unlinked(citations: list[Citation], resolution: Resolution | None) -> list[Citation]:
    linked = {id(c) for c, link in zip(citations, resolution.links, strict=True) if link.entry is not None} \
        if resolution else set()
    return [c for c in citations if c.authors and c.year and id(c) not in linked]


def unlettered_spellings(citations: list[Citation], resolution: Resolution | None) -> None:
    """"Kings Fund (2022)" beside "(The King's Fund, 2022a)" and "(The
    King's Fund, 2022b)": an author written in another form (its letters
    the same, spaced or punctuated otherwise) than every other citation of
    that author and year, all of which carry a letter, is one of those works
    in another form, whichever is meant: `inconsistent_form`. No fix: which
    letter belongs there only the writer knows (the letter alone is not
    told: APA 7 wants it, but which work is meant is the writer's to say).
    Only where the reference list does not decide."""
    lettered: dict[tuple[str, str], list[Citation]] = defaultdict(list)  # (letters, year) -> citations
    for citation in _unlinked(citations, resolution):
        lettered[(squashed(normal_name(citation.authors[0])), citation.year)].append(citation)
    for (_, year), members in lettered.items():
        bare = [c for c in members if not c.suffix]
        forms = {tuple(normal_name(a) for a in c.authors) for c in members if c.suffix}
        if not year or not bare or len(forms) != 1 or len(bare) == len(members):
            continue
        form = next(iter(forms))
        example = next(c for c in members if c.suffix)
        for citation in bare:
            if tuple(normal_name(a) for a in citation.authors) == form or any(
                    p.code == "inconsistent_form" for p in citation.problems):
                continue
            other = example.text.strip("()") if not example.narrative else example.text
            message = load_data().message("inconsistent_form", "message_which", other=f"\"{other}\"")
            citation.problems.append(Problem("inconsistent_form", message, None, "warning"))


def final_s_spellings(citations: list[Citation], resolution: Resolution | None) -> None:
    """"(Engels, 1977)" after "(Engel, 1977)": a first author written with a
    final "s" in one citation and without it in another of the same year,
    letter and number of names, no list deciding. Names too short for
    `consistency._misspelt_lead` (which fixes one letter's difference in
    names of eight letters or more) may still be two authors ("Peter" and
    "Peters"), so the later form is `inconsistent_form` with no fix and a
    message asking the writer to write one author's name one way."""
    seen: dict[tuple, Citation] = {}
    for citation in _unlinked(citations, resolution):
        name = normal_name(citation.authors[0])
        key = (name, citation.year, citation.suffix, len(citation.authors))
        seen.setdefault(key, citation)
        if name.endswith("s") and len(name) > 3:
            first = seen.get((name[:-1], *key[1:]))
        else:
            first = seen.get((name + "s", *key[1:]))
        if first is None or first is citation or any(p.code == "inconsistent_form" for p in citation.problems):
            continue
        if citation.start < first.start:
            continue
        other = first.text.strip("()") if not first.narrative else first.text
        message = load_data().message("inconsistent_form", "message_final_s", other=f"\"{other}\"")
        citation.problems.append(Problem("inconsistent_form", message, None, "warning"))


_AMPERSAND = re.compile(r"\s*&\s*")


def ampersand_spellings(citations: list[Citation], resolution: Resolution | None) -> None:
    """"(Royal College of Speech and Language Therapists, 2021)" after "The
    Royal College of Speech & Language Therapists (2021)": a body's name
    written with "&" in one citation and with "and" in another of the same
    year, or with an apostrophe in one and without it in another ("The
    Victims' Commissioner (2021)", "(Victims Commissioner, 2021)"), no list
    deciding. The "&" is a word of the name, not the joining word between
    authors (`and_ampersand`), and bodies write their own names either way,
    so the form used less (the later, on a tie) is `inconsistent_form` with
    no fix, asking the writer to write the name as the body does,
    throughout. With a list, the entry decides (`author_spelling`)."""
    groups: dict[tuple, list[tuple[Citation, str]]] = defaultdict(list)
    for citation in _unlinked(citations, resolution):
        name = normal_name(citation.authors[0])
        if " " in name:  # (a body's name: "Victims' Commissioner" and "Victims Commissioner" share a key)
            key = (_AMPERSAND.sub(" and ", name).replace("'", ""), citation.year, citation.suffix,
                   len(citation.authors))
            groups[key].append((citation, name))
    for members in groups.values():
        counts = Counter(form for _, form in members)
        if len(counts) < 2:
            continue
        usual = max(counts, key=lambda f: (counts[f], -next(i for i, (_, g) in enumerate(members) if g == f)))
        example = next(c for c, form in members if form == usual)
        for citation, form in members:
            if form == usual or any(p.code in ("inconsistent_form", "author_spelling") for p in citation.problems):
                continue
            other = example.text.strip("()") if not example.narrative else example.text
            if ("&" in form) != ("&" in usual):
                message = load_data().message("inconsistent_form", "message_ampersand", other=f"\"{other}\"",
                                              found="&" if "&" in form else "and", usual="&" if "&" in usual else "and")
            else:  # (an apostrophe written in one form and not in the other)
                message = load_data().message("inconsistent_form", "message_apostrophe", other=f"\"{other}\"")
            citation.problems.append(Problem("inconsistent_form", message, None, "warning"))


def cut_bodies(citations: list[Citation], resolution: Resolution | None, rules: CitationStyle,
               rewrites: Rewrites) -> None:
    """"(House of Lords, 2014)" beside "House of Lords Select Committee on
    the Mental Capacity Act 2005 (2014)": a body's name cut to its first
    words (two or more; the rest not joined on by "and"), or to its last
    ("(Health Committee, 2019)" beside "House of Commons Health Committee
    (2019)": `_body_endings`), where another
    citation of the same year gives it in full, no list deciding. One
    author in two forms, of which only the full one can be right (a writer
    cuts a long name short, never adds to it): `inconsistent_form`, fixed
    with the full name, when one full name fits. With a list, the entry
    decides (`author_spelling`, `resolve.ReferenceIndex.cut_body`)."""
    unlinked = [c for c in _unlinked(citations, resolution) if len(c.authors) == 1]
    full: dict[str, list[int]] = defaultdict(list)
    for number, citation in enumerate(unlinked):
        full[normal_name(citation.authors[0])].append(number)
    for citation in unlinked:
        if any(p.code in ("inconsistent_form", "author_spelling") for p in citation.problems):
            continue
        cut = normal_name(citation.authors[0])
        fits = {normal_name(unlinked[i].authors[0]): unlinked[i] for i in
                body_openings(cut, full) + _body_endings(cut, full)
                if (unlinked[i].year, unlinked[i].suffix) == (citation.year, citation.suffix)}
        if len(fits) != 1:
            continue
        other = next(iter(fits.values()))
        names = list(other.authors)
        if names[0].startswith("The ") and not citation.authors[0].startswith("The "):
            names[0] = names[0][4:]  # (the article as this citation writes it: "(Select Committee, 2016)")
        fix = with_authors(citation, rewrites.of(citation), names, False, rules)
        shown = other.text.strip("()") if not other.narrative else other.text
        message = load_data().message("inconsistent_form", other=f"\"{shown}\"")
        citation.problems.append(Problem("inconsistent_form", message, fix, "warning"))


def _body_endings(cut: str, by_name: dict[str, list[int]]) -> list[int]:
    """The items filed under a longer name that the normal name `cut`, of two
    words or more, ends, the words before it a name of their own: not
    ending in a joining word ("and", "of", "for": "Department of Health
    and Social Care" is not "Social Care" cut short)."""
    if " " not in cut:
        return []
    joining = load_data().connectors | {"and", "&"}
    return [i for full, items in by_name.items() if full.endswith(" " + cut)
            and full[: -len(cut) - 1].rsplit(" ", 1)[-1] not in joining for i in items]
