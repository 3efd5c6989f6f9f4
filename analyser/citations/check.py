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
from dataclasses import dataclass
from functools import lru_cache

from analyser.citations.parse import Token, tokens
from analyser.citations.patterns import QUOTE, SENTENCE_END, YEAR_NUMBER, load_data
from analyser.citations.references import uses_ampersand
from analyser.citations.resolve import Link, Resolution, normal_name, resolve_citations
from analyser.citations.style import Written, format_citation, year_text
from analyser.model import Citation, Document, Problem, Reference, Severity

_ABBREVIATIONS = {"al", "e.g", "i.e", "cf", "p", "pp", "vs", "etc", "n.d", "para", "ch", "no", "vol", "ed", "eds"}
_QUOTE_WINDOW = 400
_QUOTE_MARK = re.compile(r"[“\"‘]")


def check_citations(
    document: Document,
    citations: list[Citation],
    references: list[Reference] | None,
    style: str = "harvard",
) -> Resolution | None:
    """Add problems to every citation and reference entry, in place.

    `references=None` means "no reference list to check against" (a passage,
    or an essay without one: that is an essay-level finding, not a problem on
    every citation). Returns the links to the list, or None without one."""
    resolution = resolve_citations(citations, references, document.text) if references else None
    block_starts = [b.start for b in document.blocks]
    quotes = _quote_marks(document.text) if citations else []
    for number, citation in enumerate(citations):
        has_pages = bool(citation.pages or (citation.via and citation.via.pages))
        facts = _read_text(citation.text, citation.narrative, style, citation.via is not None, has_pages)
        fixes: dict[str, object] = {}
        found = [(code, variant, dict(fields)) for code, variant, fields in facts.problems]
        if not has_pages and quotes and _quoted(document, block_starts, quotes, citation):
            found.append(("no_page_for_quote", "message", {}))
        if resolution is not None and references is not None:
            found += _reference_problems(
                citation, resolution.links[number], resolution.via_links[number], references, fixes
            )
            link = resolution.via_links[number] or resolution.links[number]
            citation.reference = link.entry if link.entry is not None else resolution.links[number].entry
        if not found:
            continue
        suggestion = _suggest(citation, facts, _written(citation), fixes, style)
        for code, variant, fields in found:
            message = load_data().message(code, variant, **_fields(citation, style, fields))
            fix = suggestion
            if code == "no_page_for_quote":
                fix = _suggest(citation, facts, _written(citation, page_placeholder=True), fixes, style)
            citation.problems.append(Problem(code, message, fix, _severity(code)))
    _inconsistent_forms(document, citations, resolution, style)
    if references:
        _reference_list_problems(references, resolution.cited if resolution else set(), style)
    return resolution


def _quote_marks(text: str) -> list[int]:
    """Where the opening quotation marks are. Most essays have none: `in`
    answers that without the character-class scan of the whole text."""
    if '"' not in text and "“" not in text and "‘" not in text:
        return []
    return [m.start() for m in _QUOTE_MARK.finditer(text)]


def _severity(code: str) -> Severity:
    return "warning" if code in {"inconsistent_form", "and_ampersand", "page_label", "missing_comma"} else "problem"


def _written(citation: Citation, page_placeholder: bool = False) -> tuple[Written, Written | None]:
    """The citation's fields to write out; with `page_placeholder`, a
    "p. [page]" where the page number belongs (in the source read, if any)."""
    via = citation.via
    page = "[page]" if page_placeholder else None
    return (
        Written(list(citation.authors), citation.year, citation.suffix, citation.pages or (None if via else page)),
        Written(list(via.authors), via.year, via.suffix, via.pages or page) if via else None,
    )


def _fields(citation: Citation, style: str, extra: dict) -> dict:
    work = _label(citation.authors, citation.year, citation.suffix, style)
    via = _label(citation.via.authors, citation.via.year, citation.via.suffix, style) if citation.via else ""
    return {"work": work, "original": work, "via": via, "pages": (citation.pages or "").replace("-", "–"),
            "form": citation.text, **extra}


def _label(authors: list[str], year: str, suffix: str, style: str) -> str:
    names = authors[0] if len(authors) == 1 else (
        f"{authors[0]} and {authors[1]}" if len(authors) == 2 else f"{authors[0]} et al.")
    return f"{names} ({year_text(year, suffix, style)})"


# --- style ---------------------------------------------------------------------


@dataclass(frozen=True)
class _TextFacts:
    """What the annotate stage reads from a citation's text."""

    problems: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]  # (code, message variant, fields)
    prefix: str  # words inside the bracket before the first author ("see ")
    et_al: bool  # the cited work is given as "First et al."


# Citations already written correctly in the commonest shapes, "(Okafor, 2018,
# p. 45)", "Huxham and Vangen (2005)", "O'Neill et al. (2016, pp. 77–95)":
# they have no style problem in Harvard, so they need no scanning. (APA
# differs only in "and"/"&", checked by hand.) tests/citations checks that
# this gives what the full reading gives.
_NAMES = r"[A-Z][a-z'’\-]{1,30}+(?:[A-Z][a-z'’\-]{1,30}+)?(?: (?:(?:for|of|the) )?[A-Z][A-Za-z'’\-]{1,30}+){0,4}+"
_LOCATOR = r"(?:, p\. \d{1,5}|, pp\. \d{1,5}[–-]\d{1,5})?"
_CLEAN = re.compile(
    rf"""
    (?P<parenthetical> \( {_NAMES} (?: \ (?:and|&)\ {_NAMES} )? (?: \ et\ al\. )? ,\ {YEAR_NUMBER}[a-z]? {_LOCATOR} \) )
  | (?P<narrative> {_NAMES} (?: \ (?:and|&)\ {_NAMES} )? (?: \ et\ al\. )? \ \( {YEAR_NUMBER}[a-z]? {_LOCATOR} \) )
    """,
    re.VERBOSE,
)


@lru_cache(maxsize=8192)
def _read_text(text: str, narrative: bool, style: str, has_via: bool, has_pages: bool) -> _TextFacts:
    """Style problems and the other facts in a citation's text: a pure
    function of the text and a few flags, so a repeated citation is read once."""
    clean = None if has_via else _CLEAN.fullmatch(text)
    if clean is not None and (clean.group("narrative") is not None) == narrative:
        conjunction = None
        if "&" in text and (style == "harvard" or narrative):
            conjunction = "message_harvard" if style == "harvard" else "message_apa_narrative"
        elif style == "apa" and not narrative and " and " in text:
            conjunction = "message_apa_brackets"
        problems = (("and_ampersand", conjunction, ()),) if conjunction else ()
        return _TextFacts(problems, "", "et al" in text)
    return _read_text_fully(text, narrative, style, has_via, has_pages)


def _read_text_fully(text: str, narrative: bool, style: str, has_via: bool, has_pages: bool) -> _TextFacts:
    toks = tokens(text)
    problems = _style_problems(toks, style, narrative, has_via, has_pages)
    first = _first_name(toks)
    prefix = text[1:first] if first and toks and toks[0].text == "(" else ""
    et_al = "et al" in (text.split("(")[0] if narrative else _before_secondary(toks))
    return _TextFacts(tuple((c, v, tuple(f.items())) for c, v, f in problems), prefix, et_al)


def _style_problems(
    toks: list[Token], style: str, narrative: bool, has_via: bool, has_pages: bool
) -> list[tuple[str, str, dict]]:
    data = load_data()
    found: list[tuple[str, str, dict]] = []
    kinds = [t.kind for t in toks]
    bracket = _bracket_start(narrative, toks)
    secondary = [t for t in toks if t.kind == "secondary"]
    run_together = has_via and not secondary
    if run_together:
        found.append(("run_together", "message", {}))
    elif _missing_comma(toks, kinds, bracket):
        found.append(("missing_comma", "message", {}))
    if has_pages and _bare_pages(toks):
        found.append(("page_label", "message", {}))
    for token in toks:
        if token.kind == "pages":
            assert token.match is not None  # only brackets the finder adds have no match
            label = token.match.group("plabel").lower().rstrip(".")
            value = token.match.group("pvalue")
            ranged = re.search(r"[-–—]", value) is not None
            if label == "pp" and not ranged:
                found.append(("pp_single_page", "message", {}))
            elif label == "p" and ranged:
                found.append(("p_page_range", "message", {}))
            if ranged and re.search(r"\s[-–—]|[-–—]\s", value):
                found.append(("page_range_space", "message", {}))
    for i, token in enumerate(toks):
        if token.kind == "etal":
            if not re.search(r"al\.", token.text):
                found.append(("et_al_no_stop", "message", {}))
            if i > 0 and kinds[i - 1] == "comma":
                found.append(("comma_before_et_al", "message", {}))
    for token in secondary:
        phrase = re.sub(r"\s+", " ", token.text.lower())
        ok_harvard, ok_apa = data.secondary.get(phrase, (False, False))
        if not (ok_apa if style == "apa" else ok_harvard):
            found.append(("secondary_wording", f"message_{style}", {"phrase": token.text}))
    debris = [t for t in toks if t.kind == "debris"]
    if debris:
        found.append(("debris", "message", {"debris": debris[0].text}))
    variant = _conjunction_problem(toks, kinds, bracket, style)
    if variant:
        found.append(("and_ampersand", variant, {}))
    return _unique(found)


def _unique(found: list[tuple[str, str, dict]]) -> list[tuple[str, str, dict]]:
    seen: set[str] = set()
    out = []
    for item in found:
        if item[0] not in seen:
            seen.add(item[0])
            out.append(item)
    return out


def _bracket_start(narrative: bool, toks: list[Token]) -> int:
    """Index of the first token inside the citation's brackets (0 for a part
    of a bracket, which is all inside)."""
    if not narrative:
        return 0
    for i in range(len(toks) - 1):
        if toks[i].text == "(" and toks[i + 1].kind == "year":
            return i + 1
    return len(toks)


def _missing_comma(toks: list[Token], kinds: list[str], bracket: int) -> bool:
    for i, token in enumerate(toks):
        previous = kinds[i - 1] if i > 0 else ""
        if token.kind == "year" and i > bracket and previous in ("name", "etal"):
            return True
        if token.kind == "pages" and previous == "year":
            return True
        if token.kind == "secondary" and previous in ("year", "pages"):
            return True
    return False


def _bare_pages(toks: list[Token]) -> bool:
    """Pages given as ": 45" or ", 45" instead of "p. 45"."""
    for i, token in enumerate(toks):
        if token.kind == "number" and i > 0 and toks[i - 1].kind in ("colon", "comma"):
            if i > 1 and toks[i - 2].kind in ("year", "colon", "comma"):
                return True
    return False


def _conjunction_problem(toks: list[Token], kinds: list[str], bracket: int, style: str) -> str | None:
    """"&" in Harvard; in APA "and" inside brackets or "&" outside them. Only
    a conjunction between two names counts."""
    for i in range(1, len(toks) - 1):
        if kinds[i] not in ("and", "amp") or kinds[i - 1] not in ("name", "comma") or kinds[i + 1] != "name":
            continue
        inside = i >= bracket
        if style == "apa":
            if inside and kinds[i] == "and":
                return "message_apa_brackets"
            if not inside and kinds[i] == "amp":
                return "message_apa_narrative"
        elif kinds[i] == "amp":
            return "message_harvard"
    return None


def _quoted(document: Document, block_starts: list[int], quotes: list[int], citation: Citation) -> bool:
    """A direct quotation of three words or more in the citation's sentence.
    `quotes` are where the document's opening quotation marks are, found once."""
    text = document.text
    i = bisect.bisect_right(block_starts, citation.start) - 1
    block_start = document.blocks[i].start if i >= 0 else 0
    block_end = document.blocks[i].end if i >= 0 else len(text)
    lo = max(block_start, citation.start - _QUOTE_WINDOW)
    hi = min(block_end, citation.end + _QUOTE_WINDOW)
    near = bisect.bisect_left(quotes, lo)
    if near == len(quotes) or quotes[near] >= hi:
        return False
    start = lo
    for match in SENTENCE_END.finditer(text, lo, min(hi, citation.start + 3)):
        if match.end() <= citation.start and not _abbreviation(text, match.start()):
            start = match.end()
    end = hi
    for match in SENTENCE_END.finditer(text, citation.end, hi):
        if not _abbreviation(text, match.start()):
            end = match.start() + 1
            break
    for quote in QUOTE.finditer(text, start, end):
        if len(quote.group().split()) >= 3 and not (citation.start <= quote.start() < citation.end):
            return True
    return False


def _abbreviation(text: str, dot: int) -> bool:
    word = re.search(r"([\w.]{1,5})$", text[max(0, dot - 6) : dot])
    return word is not None and word.group(1).lower().lstrip(".") in _ABBREVIATIONS


# --- the reference list --------------------------------------------------------


def _reference_problems(
    citation: Citation, link: Link, via_link: Link | None, references: list[Reference], fixes: dict
) -> list[tuple[str, str, dict]]:
    if via_link is not None:
        if via_link.outcome == "missing":
            if link.outcome != "missing":
                return [("secondary_lists_original", "message", {})]
            return [("no_reference", "message_via", {})]
        return _link_problems(citation, via_link, references, fixes, via=True)
    return _link_problems(citation, link, references, fixes, via=False)


def _link_problems(citation: Citation, link: Link, references: list[Reference], fixes: dict, via: bool):
    if link.outcome == "ok":  # the usual case: nothing to say, nothing to look up
        return []
    work = citation.via if via and citation.via else citation
    entries = [references[i] for i in link.entries]
    if link.outcome == "missing":
        return [("no_reference", "message", {})]
    entry = references[link.entry] if link.entry is not None else entries[0]
    key = "via" if via else "work"
    if link.outcome == "year":
        fixes[key + "_year"] = entry.year
        return [("year_mismatch", "message", {"entry_year": entry.year, "year": work.year,
                                               "names": _label(work.authors, "", "", "harvard")[:-3]})]
    if link.outcome == "spelling":
        fixes[key + "_authors"] = list(entry.authors)
        return [("author_spelling", "message", {"cited": work.authors[0], "listed": entry.authors[0]})]
    if link.outcome == "suffix":
        fixes[key + "_suffix"] = entry.suffix
        listed = _label(entry.authors, entry.year or "", entry.suffix, "harvard")
        return [("suffix_mismatch", "message", {"entry": listed})]
    if link.outcome == "suffix_missing":
        listed = ", ".join(_label(e.authors, e.year or "", e.suffix, "harvard") for e in entries)
        return [("suffix_mismatch", "message_missing", {"author": work.authors[0], "year": work.year,
                                                         "entries": listed})]
    return []


def _reference_list_problems(references: list[Reference], cited: set[int], style: str) -> None:
    data = load_data()
    for index, reference in enumerate(references):
        if reference.year is None:
            reference.problems.append(Problem("unparsed", data.message("unparsed"), None, "warning"))
            continue
        if index not in cited:
            reference.problems.append(Problem("never_cited", data.message("never_cited"), None, "problem"))
        ampersand, conjunction = uses_ampersand(reference)
        if (style == "harvard" and ampersand) or (style == "apa" and conjunction and not ampersand):
            reference.problems.append(
                Problem("reference_and_ampersand", data.message("reference_and_ampersand", f"message_{style}"),
                        None, "warning")
            )


# --- consistency ------------------------------------------------------------------


def _inconsistent_forms(
    document: Document, citations: list[Citation], resolution: Resolution | None, style: str
) -> None:
    """The same work cited in different forms: flag the citations whose form
    differs from the form used most (the first used, on a tie)."""
    aliases = resolution.aliases if resolution else {}
    groups: dict[object, list[tuple[Citation, tuple | None]]] = defaultdict(list)
    for number, citation in enumerate(citations):
        if not citation.authors:
            continue
        link = resolution.links[number] if resolution else None
        key: object = ("entry", link.entry) if link and link.entry is not None else (
            aliases.get(normal_name(citation.authors[0]), normal_name(citation.authors[0])),
            citation.year, citation.suffix)
        groups[key].append((citation, _form(document.text, citation, aliases)))
    data = load_data()
    for members in groups.values():
        counts = Counter(form for _, form in members if form is not None)
        if len(counts) < 2:
            continue
        first_seen = {form: i for i, (_, form) in reversed(list(enumerate(members)))}
        usual = max(counts, key=lambda f: (counts[f], -first_seen[f]))
        example = next(c for c, form in members if form == usual)
        for citation, form in members:
            if form is None or form == usual or any(p.code == "author_spelling" for p in citation.problems):
                continue
            other = example.text.strip("()") if not example.narrative else example.text
            message = data.message("inconsistent_form", other=f"\"{other}\"")
            citation.problems.append(Problem("inconsistent_form", message, _reformat(citation, example, style),
                                             "warning"))


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
    whether "et al" is written before the year: the part of `_form` that
    depends only on the citation as written, so a repeated citation is
    read once."""
    names = tuple(n.replace("’", "'").casefold() for n in authors)
    head = text.split("(")[0] if narrative else text
    return names, "et al" in head


def _sentence_start(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip()
    return not before or before[-1] in ".!?\n"


def _reformat(citation: Citation, example: Citation, style: str) -> str:
    head = example.text.split("(")[0] if example.narrative else example.text
    written = Written(list(example.authors), citation.year, citation.suffix, citation.pages, "et al" in head)
    via = Written(list(citation.via.authors), citation.via.year, citation.via.suffix,
                  citation.via.pages) if citation.via else None
    return format_citation(written, style, citation.narrative, via, brackets=citation.text.startswith("("))


# --- suggestions --------------------------------------------------------------------


def _suggest(citation: Citation, facts: _TextFacts, written: tuple, fixes: dict, style: str) -> str:
    work, via = written
    if "work_year" in fixes:
        work.year = str(fixes["work_year"])
    if "work_suffix" in fixes:
        work.suffix = str(fixes["work_suffix"])
    if "work_authors" in fixes:
        work.authors = list(fixes["work_authors"])  # type: ignore[arg-type]
    if via is not None:
        via.year = str(fixes.get("via_year", via.year))
        via.suffix = str(fixes.get("via_suffix", via.suffix))
        via.authors = list(fixes.get("via_authors", via.authors))  # type: ignore[call-overload]
    work.et_al = facts.et_al
    if via is not None and via.authors:
        after = citation.text.rfind(via.authors[0])
        via.et_al = after >= 0 and "et al" in citation.text[after:]
    brackets = citation.text.startswith("(")
    possessive = citation.narrative and bool(re.search(r"['’]s\s*\($|['’]s\s*\(", citation.text.split("(")[0] + "("))
    out = format_citation(work, style, citation.narrative, via, brackets=brackets, possessive=possessive)
    if citation.narrative:
        acronym = re.search(r"\s\(([A-Z][A-Za-z.]{1,9})\)\s*\(", citation.text)
        if acronym:
            name, _, rest = out.partition(" (")
            out = f"{name} ({acronym.group(1)}) ({rest}"
    elif brackets and facts.prefix.strip():
        out = "(" + facts.prefix + out[1:]
    return out


def _before_secondary(toks: list[Token]) -> str:
    out = []
    for token in toks:
        if token.kind == "secondary":
            break
        out.append(token.text)
    return " ".join(out)


def _first_name(toks: list[Token]) -> int | None:
    return next((t.start for t in toks if t.kind == "name"), None)
