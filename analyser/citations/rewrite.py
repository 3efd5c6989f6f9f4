"""Write a citation's fix (part of the *annotate* stage): every correction
the checks found for one citation, gathered in a `Rewrite`, written out once
in the chosen style, so that every problem of the citation offers the same,
complete fix (check.py and consistency.py find the corrections)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from analyser.citations.form import TextFacts, used_in_sentence
from analyser.citations.patterns import load_data
from analyser.citations.resolve import normal_name
from analyser.citations.style import CitationStyle, Written, format_citation
from analyser.model import Citation

# A group author's abbreviation in a narrative citation: "Excellence (NICE) (2019)", "Care (DHSC, 2022)",
# or the faulty "Excellence (NICE), (2019)" (`own` holds the comma) and "Excellence ([NICE], 2011)" (`square`),
# which the fix writes in the style's form; "Death (NCEPOD 2014)", its comma left out, keeps the writer's form
# ("Nurses UK (ASCN UK, 2016)": the name's last word may end the abbreviation).
# Also one set off by a comma before the year's bracket, "The Care Quality Commission, CQC (2022)" (`comma`).
_NARRATIVE_ABBREVIATION = re.compile(
    r"\s\((?P<square>\[)?(?P<abbr>(?:[a-z](?=[A-Z]))?[A-Z][A-Za-z.&]{1,9}(?:[ ][A-Z]{2,4})?)\]?"
    r"(?:\)\s*(?P<own>,?)\s*\(|(?P<year>,\s|\s(?=\d)))"
    r"|(?P<comma>,)\s(?P<comma_abbr>[A-Z](?:[A-Z]|[a-z](?=[A-Z])){1,9})\s\((?=\d)")  # (not initials, "S.")
POSSESSIVE = re.compile(r"(?:['’]s|s['’])\s*\($")  # "Okafor's (2018)", "Jones' (2019)"
# A model's name between a possessive and the year: "Tuckman's stages of group development (1965, ...)".
_OWNED = re.compile(r"(?:['’]s|s['’])\s{1,2}(?P<model>[a-z][^()]{0,160}?)\s*\($")
# A report's word after the name it is cited by: "Bradley Report (", "Boorman review" (`[names].report_words`).
_REPORT_WORD = re.compile(r"[ \t]{1,2}(?P<word>[A-Za-z]+)[ \t]*\($")


@dataclass
class Rewrite:
    """What one citation's fix is written from: the facts of its text, the
    corrections the checks found (the reference list's year or names, "et
    al." or not), and a placeholder where a missing page belongs. Every
    problem of a citation offers the same fix, written once all of them are
    known, so following any one suggestion corrects the whole citation."""

    facts: TextFacts
    fixes: dict[str, object] = field(default_factory=dict)
    locator: str | None = None  # "[page]", "para. [number]"
    as_subject: bool = False  # a bracket used as a part of the sentence: the fix is the narrative form
    in_brackets: bool = False  # a narrative citation inside a bracket: the year set off by commas (APA 7)


class Rewrites:
    """Each citation's `Rewrite`, made when a problem first needs it (most
    citations have none)."""

    def __init__(self, citations: list[Citation], text: str) -> None:
        self.citations = citations
        self.text = text
        self.facts: list[TextFacts] = []  # per citation, in order
        self.made: dict[int, Rewrite] = {}
        self.numbers: dict[int, int] | None = None

    def of(self, citation: Citation) -> Rewrite:
        if self.numbers is None:
            self.numbers = {id(c): n for n, c in enumerate(self.citations)}
        number = self.numbers[id(citation)]
        rewrite = self.made.get(number)
        if rewrite is None:
            rewrite = self.made[number] = Rewrite(self.facts[number],
                                                   as_subject=used_in_sentence(self.text, citation))
        return rewrite

def written(citation: Citation, locator: str | None = None) -> tuple[Written, Written | None]:
    """The citation's fields to write out; with a `locator` ("[page]",
    "para. [number]"), a placeholder where the page belongs (in the source
    read, if any)."""
    via = citation.via
    return (
        Written(list(citation.authors), citation.year, citation.suffix, citation.pages or (None if via else locator)),
        Written(list(via.authors), via.year, via.suffix, via.pages or locator) if via else None,
    )


def message_fields(citation: Citation, rules: CitationStyle, extra: dict) -> dict:
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
            "in_press": rules.in_press, "et_al_from": str(rules.et_al_from), "reference_entry": rules.reference_entry}


def suggest(citation: Citation, rewrite: Rewrite, rules: CitationStyle) -> str | None:
    """The citation written correctly, with every correction found so far.
    None for a personal communication in a style that cites it with its
    date (APA 7): the date is not kept in the fields, and no fix is better
    than one that drops it. A style that lists it (Cite Them Right) cites
    it as any other work: "(Okonjo, 2024)", when it names the person."""
    facts, fixes = rewrite.facts, rewrite.fixes
    if facts.personal and not (rules.personal_listed and citation.authors):
        return None
    work, via = written(citation, rewrite.locator)
    year_optional = via is not None and rules.secondary_year_optional  # "(Tuckman, as cited in Lind, 2013)"
    work.year = str(fixes.get("work_year") or work.year or ("" if year_optional else "[year]"))
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
        via.et_al = bool(fixes.get("via_et_al", after >= 0 and "et al" in citation.text[after:]))
    brackets = citation.text.startswith("(") and not rewrite.as_subject
    head = citation.text.split("(")[0] + "("
    owned = _OWNED.search(head) if citation.narrative else None  # (its model's name is kept in the fix)
    possessive = citation.narrative and (owned is not None or POSSESSIVE.search(head) is not None)
    if facts.listed and via is not None:  # two sources missing their semicolon, not a secondary citation
        works = [work, via]
        if rules.alphabetical_in_brackets:
            works.sort(key=lambda w: normal_name(w.authors[0]) if w.authors else "")
        out = "; ".join(format_citation(w, rules, brackets=False) for w in works)
        out = f"({out})" if brackets else out
    else:
        out = format_citation(work, rules, citation.narrative or rewrite.as_subject, via, brackets=brackets,
                              possessive=possessive)
    if owned is not None:
        name, _, rest = out.partition(" (")
        out = f"{name} {owned.group('model')} ({rest}"
    elif (report := _report_word(citation, head)) is not None:  # "Bradley Report ([year])": the word is kept
        name, _, rest = out.partition(" (")
        out = f"{name} {report} ({rest}"
    if citation.narrative:
        acronym = _NARRATIVE_ABBREVIATION.search(citation.text)
        if acronym:
            name, _, rest = out.partition(" (")
            abbreviation = acronym.group("abbr") or acronym.group("comma_abbr")
            faulty = (acronym.group("own") == "," or acronym.group("square") is not None  # ("([NICE], 2011)")
                      or acronym.group("comma") is not None)  # ("The Care Quality Commission, CQC (2022)")
            with_year = (acronym.group("year") is not None and acronym.group("square") is None) or (
                faulty and rules.narrative_abbreviation_with_year)  # (the writer's correct form is kept)
            out = f"{name} ({abbreviation}, {rest}" if with_year else f"{name} ({abbreviation}) ({rest}"
    elif brackets and facts.prefix.strip():
        out = "(" + facts.prefix + out[1:]
    if rewrite.in_brackets and citation.narrative:  # "Law Commission (2017)" inside a bracket: "Law Commission, 2017"
        name, _, rest = out.partition(" (")
        out = f"{name}, {rest[:-1]}"
    return out


def _report_word(citation: Citation, head: str) -> str | None:
    """The report's word a narrative citation of one name writes after it
    ("the Bradley Report argued that", "the Reed Report (1992)": the chair's
    report, cited by the chair; `[names].report_words`), which its fix keeps
    where it stands."""
    if not citation.narrative or len(citation.authors) != 1 or not head.startswith(citation.authors[0]):
        return None
    match = _REPORT_WORD.fullmatch(head, len(citation.authors[0]))
    return match.group("word") if match and match.group("word").lower() in load_data().report_words else None


def with_authors(
    citation: Citation, rewrite: Rewrite, authors: list[str], et_al: bool, rules: CitationStyle, key: str = "work"
) -> str | None:
    """The citation's fix with these authors (and every other correction it
    already has), now offered by each of its problems; `key` "via": the
    source read's authors."""
    rewrite.fixes[f"{key}_authors"], rewrite.fixes[f"{key}_et_al"] = list(authors), et_al
    fix = suggest(citation, rewrite, rules)
    for problem in citation.problems:
        if problem.suggestion is not None:
            problem.suggestion = fix
    return fix
