"""Case studies: where the profile's cases (by name or alias) are mentioned,
so reports can show which concepts each case is discussed with."""

from __future__ import annotations

import re
from collections.abc import Sequence

from analyser.concepts import SpanSet
from analyser.model import CaseMention
from analyser.parse import ParsedDocument
from analyser.profile import CaseStudy


def find_cases(
    parsed: ParsedDocument, cases: Sequence[CaseStudy], excluded: Sequence[tuple[int, int]] = ()
) -> list[CaseMention]:
    if not cases:
        return []
    alias_to_case = {alias.lower(): case.id for case in cases for alias in case.aliases}
    names = sorted(alias_to_case, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")(?:['’]s)?\b", re.I)
    text = parsed.document.text
    skip = SpanSet(excluded)
    blocks = parsed.document.blocks
    found = []
    block_index = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        if skip.overlaps(start, end):
            continue
        while block_index + 1 < len(blocks) and blocks[block_index + 1].start <= start:
            block_index += 1
        name = re.sub(r"['’]s$", "", match.group()).lower()
        found.append(
            CaseMention(alias_to_case[name], start, end, match.group(), parsed.sentence_at(start), block_index)
        )
    return found
