"""Essay-level findings about referencing, and counts by source.

Per-citation problems say what is wrong with one citation; these findings
say what a tutor would write at the end of the essay: no reference list, a
reliance on secondary citations or on one source, body paragraphs that make
general claims without citing anything, key readings not used. Each finding
has a stable code (``citations.*``), a plain-language message, a priority
and, where there is one, the passage it is about.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from analyser.citations.patterns import SENTENCE_END, load_data
from analyser.citations.resolve import Resolution, normal_name
from analyser.citations.style import CitationStyle, citation_style
from analyser.model import Citation, Document, Finding, Reference, SourceCount
from analyser.profile import Profile

_CROSS_CHECK = {"no_reference", "year_mismatch", "suffix_mismatch", "author_spelling", "secondary_lists_original"}
_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


@dataclass
class _Source:
    count: SourceCount
    first: Citation


def citation_findings(
    document: Document,
    citations: list[Citation],
    references: list[Reference],
    section: tuple[int, int] | None,
    profile: Profile,
    style: str | CitationStyle,
    resolution: Resolution | None = None,
) -> tuple[list[Finding], list[SourceCount]]:
    """Findings about the referencing of the whole document, and how often
    each source is cited."""
    style = citation_style(style)
    sources = count_sources(citations, references, resolution, style)
    findings: list[Finding] = []
    if not citations and not references:
        findings.append(Finding(
            "citations.none",
            "No citations or reference list were found. If this is an essay, support your points with sources.",
            "info", 20))
        return findings, [s.count for s in sources]
    if section is None and citations:
        findings.append(Finding(
            "citations.no_reference_list",
            "There is no reference list. Every source you cite needs an entry in a list headed "
            "\"References\" at the end.", "problem", 90))
    findings += _problem_summaries(citations, references, style)
    findings += _shares(citations, sources, profile)
    findings += _uncited_paragraphs(document, citations, section, profile)
    findings += _key_readings(citations, references, profile, style)
    findings += _conjunctions(citations, references, style)
    if sources:
        top = max(sources, key=lambda s: s.count.citations + s.count.via)
        total = top.count.citations + top.count.via
        findings.append(Finding(
            "citations.sources",
            f"You cite {len(sources)} different source{'s' if len(sources) != 1 else ''} in {len(citations)} "
            f"citation{'s' if len(citations) != 1 else ''}; the one you use most is {top.count.label} "
            f"({total} time{'s' if total != 1 else ''}).", "info", 10))
    return findings, [s.count for s in sources]


def count_sources(
    citations: list[Citation], references: list[Reference], resolution: Resolution | None, style: CitationStyle
) -> list[_Source]:
    """Every cited work with its counts, most used first. Works are the same
    when they point at the same entry, or have the same first author (in
    normal form), year and suffix."""
    table: dict[object, _Source] = {}

    def source(authors: list[str], year: str, suffix: str, entry: int | None, citation: Citation) -> SourceCount:
        key: object = ("entry", entry) if entry is not None else (
            normal_name(authors[0]) if authors else "", year, suffix)
        if key not in table:
            shown = references[entry].authors if entry is not None and references[entry].authors else authors
            label = style.label(shown, year if entry is None else references[entry].year or year,
                                suffix if entry is None else references[entry].suffix)
            table[key] = _Source(SourceCount(label, list(shown), year, suffix, reference=entry), citation)
        return table[key].count

    for number, citation in enumerate(citations):
        link = resolution.links[number] if resolution else None
        via_link = resolution.via_links[number] if resolution else None
        work = source(citation.authors, citation.year, citation.suffix, link.entry if link else None, citation)
        if citation.via is None:
            work.citations += 1
        else:
            work.secondary += 1
            via = citation.via
            source(via.authors, via.year, via.suffix, via_link.entry if via_link else None, citation).via += 1
    return sorted(table.values(), key=lambda s: (-(s.count.citations + s.count.via), s.first.start))


def _problem_summaries(
    citations: list[Citation], references: list[Reference], style: CitationStyle
) -> list[Finding]:
    findings = []
    # (most citations have no problem: `c.problems and` skips building a generator for them)
    missing = [c for c in citations if c.problems and any(p.code == "no_reference" for p in c.problems)]
    if missing:
        first = missing[0]
        findings.append(Finding(
            "citations.missing_entries",
            f"{len(missing)} citation{'s have' if len(missing) != 1 else ' has'} no entry in the reference list, "
            f"starting with {first.text}.", "problem", 85, paragraph=first.paragraph, start=first.start,
            end=first.end))
    uncited = [r for r in references if r.problems and any(p.code == "never_cited" for p in r.problems)]
    if uncited:
        names = "; ".join(style.label(r.authors, r.year or "", r.suffix) for r in uncited[:5])
        findings.append(Finding(
            "citations.uncited_entries",
            f"{len(uncited)} entr{'ies' if len(uncited) != 1 else 'y'} in the reference list "
            f"{'are' if len(uncited) != 1 else 'is'} never cited in the text: {names}.",
            "warning", 60, start=uncited[0].start, end=uncited[0].end))
    styled = [c for c in citations if c.problems and any(p.code not in _CROSS_CHECK for p in c.problems)]
    if styled:
        first = styled[0]
        findings.append(Finding(
            "citations.style_problems",
            f"{len(styled)} of {len(citations)} citations are not written in {style.title} "
            f"style; each has a suggested correction.", "warning", 45, paragraph=first.paragraph,
            start=first.start, end=first.end))
    return findings


def _shares(citations: list[Citation], sources: list[_Source], profile: Profile) -> list[Finding]:
    findings = []
    thresholds = profile.thresholds
    total = len(citations)
    secondary = [c for c in citations if c.via is not None]
    if total >= 4 and len(secondary) / total > thresholds.secondary_citation_share:
        findings.append(Finding(
            "citations.secondary_share",
            f"{round(100 * len(secondary) / total)}% of your citations ({len(secondary)} of {total}) are "
            f"secondary (\"cited in\"). Try to read and cite more of the original sources.",
            "warning", 55, paragraph=secondary[0].paragraph, start=secondary[0].start, end=secondary[0].end))
    if sources and total >= 5:
        top = sources[0]
        used = top.count.citations + top.count.via
        if used / total > thresholds.dominant_source_share:
            findings.append(Finding(
                "citations.dominant_source",
                f"{used} of your {total} citations are to {top.count.label}. Draw on a wider range of sources "
                f"so the argument does not rest on one.", "warning", 50, paragraph=top.first.paragraph,
                start=top.first.start, end=top.first.end))
    return findings


def _uncited_paragraphs(
    document: Document, citations: list[Citation], section: tuple[int, int] | None, profile: Profile
) -> list[Finding]:
    """Body paragraphs of general claims with no citation. Headings, lists,
    tables, the reference list, paragraphs before the first heading and the
    introduction, conclusion and similar sections are left out; a sentence
    about one of the course's case studies describes the case, not a claim."""
    data = load_data()
    text = document.text
    cited_blocks = {c.paragraph for c in citations}
    case_names = [n.lower() for case in profile.case_studies for n in case.aliases]
    min_words = profile.thresholds.uncited_paragraph_min_words
    findings = []
    heading: str | None = None
    has_headings = any(b.kind == "heading" for b in document.blocks)
    paragraphs = [i for i, b in enumerate(document.blocks) if b.kind == "paragraph"]
    for index, block in enumerate(document.blocks):
        if section and section[0] <= block.start < section[1]:
            break
        if block.kind == "heading":
            heading = text[block.start : block.end].strip().lower()
            continue
        if block.kind != "paragraph" or index in cited_blocks:
            continue
        if has_headings and (heading is None or heading.startswith(data.exempt_sections)):
            continue
        if not has_headings and paragraphs and index in (paragraphs[0], paragraphs[-1]):
            continue
        body = text[block.start : block.end]
        split = body.split()
        words = len(split)
        needed = data.min_claim_sentences
        if words < min_words or _claims(body, case_names, data.claim_cues, needed) < needed:
            continue
        opening = " ".join(split[:8])
        findings.append(Finding(
            "citations.uncited_paragraph",
            f"This paragraph ({words} words, beginning \"{opening} ...\") makes general claims but cites no "
            f"source. Support the claims with citations, or make clear they are your own view.",
            "warning", 65, paragraph=index, start=block.start, end=block.end))
    return findings


def _claims(body: str, case_names: list[str], cues: frozenset[str], at_least: int = 0) -> int:
    """Sentences with a claim cue that are not about one of the case studies.

    With `at_least`, a paragraph with fewer cue words than that is answered
    without finding its sentences (it cannot have that many claim sentences):
    the count returned is then only known to be below `at_least`."""
    cue, case = _cue_patterns(cues, tuple(case_names))
    lower = body.lower()  # (case-sensitive patterns on lower case: sre can skip ahead by first letter)
    starts = [
        m.start() for m in cue.finditer(lower)
        if not (m.start() and lower[m.start() - 1].isalpha())  # a whole word ("most", not "almost")
    ]
    if len(starts) < at_least:
        return len(starts)
    ends = [m.end() for m in SENTENCE_END.finditer(body)]
    claims = {bisect.bisect_right(ends, start) for start in starts}
    if case is not None and claims:
        claims -= {bisect.bisect_right(ends, m.start()) for m in case.finditer(lower)}
    return len(claims)


@lru_cache(maxsize=16)
def _cue_patterns(cues: frozenset[str], case_names: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
    """The cue words as one pattern, written as a tree of shared prefixes
    ("m(?:a(?:jority|ny)|o(?:re|st))") so the matcher decides letter by
    letter instead of trying thirty words at every position; and it is only
    tried at the start of an ASCII word (the whole-word test in `_claims`
    rejects the rest anyway)."""
    cue = re.compile("(?<![a-z])" + _prefix_tree(cues) + r"(?![a-z])")
    case = re.compile("|".join(re.escape(n.lower()) for n in case_names)) if case_names else None
    return cue, case


def _prefix_tree(words: frozenset[str]) -> str:
    """An alternation matching exactly `words`, factored by common prefixes."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict) -> str:
        branches = [re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + pattern(tree) + ")"


def _key_readings(
    citations: list[Citation], references: list[Reference], profile: Profile, style: CitationStyle
) -> list[Finding]:
    if not profile.key_readings:
        return []
    used = {(normal_name(c.authors[0]), c.year) for c in citations if c.authors}  # the works cited
    used.update((normal_name(c.via.authors[0]), c.via.year)  # and the sources read
                for c in citations if c.via and c.via.authors)
    cited: list[str] = []
    missing: list[str] = []
    for reading in profile.key_readings:
        label = style.label(reading.authors, reading.year)
        (cited if (normal_name(reading.authors[0]), reading.year) in used else missing).append(label)
    findings = [
        Finding("citations.key_reading_missing",
                f"The key reading {label} is not cited. The course expects you to draw on it.", "warning", 58)
        for label in missing
    ]
    if cited:
        findings.append(Finding(
            "citations.key_readings_cited",
            f"You cite {len(cited)} of the {len(profile.key_readings)} key readings: {'; '.join(cited)}.",
            "info", 15))
    return findings


def _conjunctions(citations: list[Citation], references: list[Reference], style: CitationStyle) -> list[Finding]:
    """"and" and "&" mixed across the essay and its reference list."""
    wrong = [c for c in citations if c.problems and any(p.code == "and_ampersand" for p in c.problems)]
    wrong_refs = [r for r in references if r.problems and any(p.code == "reference_and_ampersand"
                                                              for p in r.problems)]
    if not wrong and not wrong_refs:
        return []
    ampersands = sum("&" in c.text for c in citations) + sum(
        "&" in r.text[: r.text.find("(")] for r in references if "(" in r.text)
    joins = {style.join_in_brackets, style.join_in_text, style.join_in_references}
    if joins == {"and"}:
        message = (f"You join authors with \"&\" in {ampersands} place{'s' if ampersands != 1 else ''} but with "
                   f"\"and\" elsewhere. {style.title} uses \"and\" throughout, in the text and the reference list.")
    else:
        message = (f"Authors are joined inconsistently: {style.title} uses \"{style.join_in_brackets}\" inside "
                   f"brackets, \"{style.join_in_references}\" in the reference list and \"{style.join_in_text}\" "
                   f"in the running text.")
    first = wrong[0] if wrong else None
    return [Finding("citations.and_inconsistent", message, "warning", 40,
                    paragraph=first.paragraph if first else None,
                    start=first.start if first else wrong_refs[0].start,
                    end=first.end if first else wrong_refs[0].end)]
