"""In-text citations: a simple detector for "(Author, 2013)" and "Author (2013)"
forms, enough to keep concept tagging out of citations. (To be replaced by
the full citation stage.)"""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyser.model import Citation, Document

_YEAR = r"(?:1[5-9]\d\d|20\d\d)[a-z]?|n\.d\."
_PARENTHETICAL = re.compile(rf"\((?=[A-Z][^()]{{0,200}}?(?:{_YEAR}))[^()]{{1,300}}\)")
_NARRATIVE = re.compile(rf"\b([A-Z][A-Za-z'’\-]+)(?: et al\.?| (?:and|&) [A-Z][A-Za-z'’\-]+)? \((?:{_YEAR})[^()]{{0,60}}\)")
_AUTHOR_YEAR = re.compile(rf"(?P<author>[A-Z][A-Za-z'’\-. ]*?)[, ]+(?P<year>{_YEAR})")


def find_citations(
    document: Document, style: str = "harvard", exclude: Sequence[tuple[int, int] | None] = ()
) -> list[Citation]:
    text = document.text
    skip = [s for s in exclude if s]
    found: list[Citation] = []
    for pattern, narrative in ((_PARENTHETICAL, False), (_NARRATIVE, True)):
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s <= start < e for s, e in skip):
                continue
            if any(c.start <= start < c.end or start <= c.start < end for c in found):
                continue
            found.append(_parse(text[start:end], start, end, narrative))
    return sorted(found, key=lambda c: c.start)


def _parse(raw: str, start: int, end: int, narrative: bool) -> Citation:
    match = _AUTHOR_YEAR.search(raw.replace("(", " "))
    author = match.group("author").strip() if match else ""
    year = match.group("year") if match else ""
    suffix = year[-1] if year and year[-1].isalpha() and year != "n.d." else ""
    return Citation(start, end, raw, [author] if author else [], year.rstrip(suffix) if suffix else year, suffix, narrative=narrative)
