"""Case studies: where the profile's cases (by name or alias) are mentioned,
so reports can show which concepts each case is discussed with."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyser.concepts import SpanSet
from analyser.model import CaseMention
from analyser.parse import ParsedDocument
from analyser.profile import CaseStudy

_POSSESSIVE = re.compile(r"['’]s$")


def find_cases(
    parsed: ParsedDocument, cases: Sequence[CaseStudy], excluded: Sequence[tuple[int, int]] = ()
) -> list[CaseMention]:
    if not cases:
        return []
    # each form the pattern matches, as written: a lookup by lower case or with
    # "'s" stripped misses aliases like "Jo's" or "ßa" (capitalised "SSa")
    form_to_case = {form: case.id for case in cases for alias in case.aliases for form in _forms(alias)}
    pattern = _names_pattern([a for case in cases for a in case.aliases])
    text = parsed.document.text
    skip = SpanSet(excluded)
    blocks = parsed.document.blocks
    found = []
    block_index = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if start and (text[start - 1].isalnum() or text[start - 1] == "_"):
            continue  # inside a longer word
        if skip.overlaps(start, end):
            continue
        while block_index + 1 < len(blocks) and blocks[block_index + 1].start <= start:
            block_index += 1
        written = match.group()
        case_id = form_to_case.get(written) or form_to_case[_POSSESSIVE.sub("", written)]
        found.append(CaseMention(case_id, start, end, written, parsed.sentence_at(start), block_index))
    return found


def _forms(alias: str) -> tuple[str, str]:
    return alias, alias[:1].upper() + alias[1:]


def _names_pattern(aliases: list[str]) -> re.Pattern[str]:
    """Names as written and capitalised (case studies are proper names). No
    leading \\b: a pattern that starts with literals scans much faster, so the
    left word boundary is checked in code."""
    forms = {form for alias in aliases for form in _forms(alias)}
    names = sorted(forms, key=len, reverse=True)
    return re.compile("(?:" + "|".join(re.escape(n) for n in names) + r")(?:['’]s)?\b")
