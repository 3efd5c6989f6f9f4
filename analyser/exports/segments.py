"""Coded segments as a table: one row per mention, with where it is (document,
block, speaker, time), what it is (concept, polarity, origin, score) and its
exact span and sentence, for Excel, R and pandas.

CSV is UTF-8 with a header row; `bom=True` adds the byte-order mark Excel
needs to read UTF-8, and prefixes cells that Excel would run as a formula
("=", "+", "-", "@") with a quote, as the batch overview's CSV does. Without
it, the cells are exactly the text (R and pandas read them unchanged).
JSON Lines holds the same fields with numbers as numbers and null for none.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import Literal

from analyser.ingest.transcript import format_time
from analyser.model import Analysis

TableFormat = Literal["csv", "jsonl"]


@dataclass
class CodedSegment:
    document: str
    block: int  # index of the block (paragraph or turn), as `paragraph` in the JSON result
    speaker: str | None
    time: str  # the turn's start time, hh:mm:ss, or ""
    case: str  # case studies named in the same sentence, "; "-separated
    concept: str
    polarity: str
    origin: str
    score: float | None
    start: int
    end: int
    segment: str  # document text[start:end]
    sentence: str
    term: str  # the lexicon term that matched


COLUMNS = [f.name for f in fields(CodedSegment)]


def coded_segments(analysis: Analysis, document: str) -> list[CodedSegment]:
    """One row per mention of `analysis`, named `document`."""
    text = analysis.document.text
    blocks = analysis.document.blocks
    names = {str(c.get("id")): str(c.get("name") or c.get("id")) for c in analysis.profile.get("case_studies", [])}
    cases_in: dict[int, list[str]] = {}
    for case in analysis.cases:
        found = cases_in.setdefault(case.sentence, [])
        if names.get(case.case, case.case) not in found:
            found.append(names.get(case.case, case.case))
    rows = []
    for mention in analysis.mentions:
        sentence = analysis.sentences[mention.sentence]
        block = blocks[mention.paragraph]
        rows.append(CodedSegment(
            document=document, block=mention.paragraph, speaker=mention.speaker or block.speaker,
            time=format_time(block.start_time), case="; ".join(cases_in.get(mention.sentence, [])),
            concept=mention.concept, polarity=mention.polarity, origin=mention.origin, score=mention.score,
            start=mention.start, end=mention.end, segment=text[mention.start : mention.end],
            sentence=text[sentence.start : sentence.end], term=mention.term,
        ))
    return rows


def write_table(rows: Iterable[CodedSegment], fmt: TableFormat, *, bom: bool = False) -> str:
    """The rows as CSV or JSON Lines text."""
    if fmt == "jsonl":
        return "".join(json.dumps(asdict(row), ensure_ascii=False) + "\n" for row in rows)
    from analyser.batch import _spreadsheet_safe  # one rule for every CSV a spreadsheet opens

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180; Excel, R and pandas all read it
    writer.writerow(COLUMNS)
    for row in rows:
        values = ["" if v is None else v for v in asdict(row).values()]
        writer.writerow([_spreadsheet_safe(v) for v in values] if bom else values)
    return ("\ufeff" if bom else "") + buffer.getvalue()
