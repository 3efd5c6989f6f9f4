"""What one report shows, worked out from the analysis alone.

The renderer never runs NLP: every number, link and highlight here is read
or counted from the `Analysis`. Templates get plain dataclasses and do no
arithmetic, so what a page shows can be tested without parsing HTML.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from markupsafe import Markup

from analyser.citations.style import style_title
from analyser.model import Analysis, Citation, Problem
from analyser.report.concept_map import ConceptMap, build_concept_map
from analyser.report.concepts import ConceptStyle, concept_styles
from analyser.report.highlight import highlight_blocks
from analyser.report.marks import document_spans
from analyser.report.reflection import ReflectionView, build_reflection_view, sentence_spans

FEEDBACK_LIMIT = 6  # the summary shows at most this many points; the rest are one click away
SEVERITY_LABELS = {"problem": "Problem", "warning": "Check", "info": "Note"}
FIRST_DOCUMENT_HEADING = 3  # the page uses h1 (title) and h2 (sections)


@dataclass
class ConceptSummary:
    style: ConceptStyle
    present: int
    absent: int
    paragraphs: int
    href: str | None  # first mention
    suggested: int = 0  # model suggestions, counted apart from the lexicon's matches


@dataclass
class FeedbackPoint:
    message: str
    severity: str
    severity_label: str
    href: str | None


@dataclass
class BlockView:
    index: int
    number: int  # as findings count paragraphs: block index + 1
    kind: str
    tag: str  # "p", or "h3".."h6" for headings
    html: Markup
    in_references: bool


@dataclass
class BlockGroup:
    """Consecutive list items become one list; everything else stands alone."""

    is_list: bool
    blocks: list[BlockView]


@dataclass
class CitationRow:
    number: int
    href: str
    text: str
    authors: str
    year: str
    pages: str
    form: str
    via: str
    paragraph: int | None
    problems: list[Problem]
    reference: int | None = None  # number of the reference list entry it resolves to


@dataclass
class ReferenceRow:
    anchor: str
    text: str
    authors: str
    year: str
    problems: list[Problem]


@dataclass
class SourceRow:
    label: str
    count: int
    secondary: int  # of which cited through another work ("cited in")


@dataclass
class CaseRow:
    name: str
    description: str
    mentions: int
    href: str | None
    concepts: list[tuple[ConceptStyle, int]]


@dataclass
class StageSourceRow:
    """One work as counted by the citation stage (`Analysis.sources`)."""

    label: str
    direct: int
    secondary: int  # cited as the original of a "cited in" citation
    via: int  # the work read for a "cited in" citation
    listed: bool | None  # in the reference list (None: the stage did not say)


@dataclass
class GenericTable:
    """A table of values whose shape we do not control (e.g. a stage's `sources`)."""

    columns: list[str]
    rows: list[list[str]]


@dataclass
class ReportView:
    title: str
    source: str
    format: str
    author: str | None
    word_count: int
    pages: int | None
    profile_name: str
    lexicon_name: str
    citation_style: str
    tool_version: str
    concepts: list[ConceptSummary]
    feedback: list[FeedbackPoint]
    more_feedback: list[FeedbackPoint]
    citation_count: int
    secondary_count: int
    problem_count: int
    has_reference_list: bool
    groups: list[BlockGroup]
    concept_map: ConceptMap
    citations: list[CitationRow]
    citations_resolved: bool  # the citation stage linked citations to reference entries
    references: list[ReferenceRow]
    sources: list[SourceRow]
    stage_source_rows: list[StageSourceRow]
    stage_sources: GenericTable | None
    cases: list[CaseRow]
    has_case_studies: bool
    warnings: list[str] = field(default_factory=list)
    dropped: int = 0
    reflection: ReflectionView | None = None


def format_authors(authors: Sequence[str]) -> str:
    if not authors:
        return "—"
    if len(authors) == 1:
        return authors[0]
    if len(authors) == 2:
        return f"{authors[0]} and {authors[1]}"
    return f"{authors[0]} et al."


class BlockLocator:
    """Which block an offset falls in (citations do not always carry it)."""

    def __init__(self, analysis: Analysis) -> None:
        self._starts = [b.start for b in analysis.document.blocks]
        self._blocks = analysis.document.blocks

    def block_at(self, offset: int) -> int | None:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index >= 0 and offset <= self._blocks[index].end:
            return index
        return None


def problem_count(analysis: Analysis) -> int:
    """Referencing problems: those on citations plus those on reference entries."""
    return sum(len(c.problems) for c in analysis.citations) + sum(len(r.problems) for r in analysis.references)


def is_secondary(citation: Citation) -> bool:
    return citation.via is not None


def document_title(analysis: Analysis) -> str:
    meta = analysis.document.metadata
    if meta.title and meta.title.strip():
        return meta.title.strip()
    name = PurePath(meta.source.replace("\\", "/")).name if meta.source not in ("", "-") else ""
    return name or "Untitled document"


def _feedback(analysis: Analysis, locator: BlockLocator) -> list[FeedbackPoint]:
    mention_at: dict[int, int] = {}
    for index, mention in enumerate(analysis.mentions):
        mention_at.setdefault(mention.start, index)
    citation_at = {c.start: i for i, c in enumerate(analysis.citations)}
    sentence_at: dict[tuple[int, int | None], int] = (
        {(analysis.sentences[m.sentence].start, analysis.sentences[m.sentence].end): m.sentence
         for m in analysis.reflection.moves} if analysis.reflection else {})  # the sentences with an s-N anchor
    blocks = analysis.document.blocks
    points = []
    ranked = sorted(analysis.findings, key=lambda f: -f.priority)  # stable: keeps the stage's order on ties
    for finding in ranked:
        href = None
        if finding.start is not None:
            if finding.start in mention_at:
                href = f"#m-{mention_at[finding.start]}"
            elif finding.start in citation_at:
                href = f"#c-{citation_at[finding.start]}"
            elif (finding.start, finding.end) in sentence_at:  # a finding about one sentence (a reflective move)
                href = f"#s-{sentence_at[(finding.start, finding.end)]}"
            else:
                block = locator.block_at(finding.start)
                href = f"#p-{block}" if block is not None else None
        if href is None and finding.paragraph is not None and 0 <= finding.paragraph < len(blocks):
            href = f"#p-{finding.paragraph}"
        points.append(
            FeedbackPoint(finding.message, finding.severity, SEVERITY_LABELS.get(finding.severity, "Note"), href)
        )
    return points


def _concept_summaries(analysis: Analysis, styles: Sequence[ConceptStyle]) -> list[ConceptSummary]:
    summaries = []
    for style in styles:
        found = [(i, m) for i, m in enumerate(analysis.mentions) if m.concept == style.id and m.origin == "lexicon"]
        suggested = [(i, m) for i, m in enumerate(analysis.mentions) if m.concept == style.id and m.origin == "model"]
        summaries.append(
            ConceptSummary(
                style=style,
                present=sum(1 for _, m in found if m.polarity == "present"),
                absent=sum(1 for _, m in found if m.polarity == "absent"),
                paragraphs=len({m.paragraph for _, m in found}),
                href=f"#m-{found[0][0]}" if found else None,
                suggested=len(suggested),
            )
        )
    return summaries


def _heading_tags(analysis: Analysis) -> dict[int, str]:
    """h3… for document headings, never skipping a level (the page's outline
    must stay in order whatever levels the document used)."""
    blocks = analysis.document.blocks
    used = sorted({b.level or 1 for b in blocks if b.kind == "heading"})
    rank = {level: i for i, level in enumerate(used)}
    tags = {}
    previous = FIRST_DOCUMENT_HEADING - 1
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        level = min(FIRST_DOCUMENT_HEADING + rank[block.level or 1], previous + 1, 6)
        tags[index] = f"h{level}"
        previous = level
    return tags


def _groups(analysis: Analysis) -> list[BlockGroup]:
    document = analysis.document
    section = analysis.reference_section
    styles = {c.id: c for c in concept_styles(analysis.concepts)}
    ranges = [(b.start, b.end) for b in document.blocks]
    htmls = highlight_blocks(document.text, ranges, document_spans(analysis, styles) + sentence_spans(analysis))
    tags = _heading_tags(analysis)
    groups: list[BlockGroup] = []
    for index, (block, html) in enumerate(zip(document.blocks, htmls, strict=True)):
        tag = tags.get(index, "p")
        if tag != "p" and not document.text[block.start : block.end].strip():
            tag = "p"  # an empty heading would be an accessibility error
        view = BlockView(
            index=index,
            number=index + 1,
            kind=block.kind,
            tag=tag,
            html=html,
            in_references=bool(section and section[0] <= block.start < section[1]),
        )
        if block.kind == "list_item" and groups and groups[-1].is_list:
            groups[-1].blocks.append(view)
        else:
            groups.append(BlockGroup(block.kind == "list_item", [view]))
    return groups


def _citation_rows(analysis: Analysis, locator: BlockLocator) -> list[CitationRow]:
    rows = []
    for index, citation in enumerate(analysis.citations):
        via = ""
        if citation.via is not None:
            via = f"cited in {format_authors(citation.via.authors)}, {citation.via.year}{citation.via.suffix}"
        paragraph = citation.paragraph if citation.paragraph is not None else locator.block_at(citation.start)
        rows.append(
            CitationRow(
                number=index + 1,
                href=f"#c-{index}",
                text=citation.text,
                authors=format_authors(citation.authors),
                year=f"{citation.year}{citation.suffix}" or "—",
                pages=citation.pages or "",
                form="narrative" if citation.narrative else "in brackets",
                via=via,
                paragraph=paragraph + 1 if paragraph is not None else None,
                problems=list(citation.problems),
                reference=_reference_number(citation, len(analysis.references)),
            )
        )
    return rows


def _reference_number(citation: Citation, count: int) -> int | None:
    """1-based entry the citation stage resolved this citation to, if it did."""
    index = getattr(citation, "reference", None)
    return index + 1 if isinstance(index, int) and 0 <= index < count else None


def _source_rows(analysis: Analysis) -> list[SourceRow]:
    """How often each work is cited; a secondary citation counts for the work
    named (the one the student did not read) and is flagged as such."""
    counts: Counter[str] = Counter()
    secondary: Counter[str] = Counter()
    for citation in analysis.citations:
        label = f"{format_authors(citation.authors)}, {citation.year}{citation.suffix}"
        counts[label] += 1
        if is_secondary(citation):
            secondary[label] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [SourceRow(label, n, secondary[label]) for label, n in ranked]


def stage_source_rows(value: Any) -> list[StageSourceRow]:
    """The citation stage's source counts, when they have its known shape
    (records with `label` and `citations`); empty otherwise."""
    records = [_as_mapping(v) for v in value] if isinstance(value, (list, tuple)) else []
    if not records or not all(r is not None and "label" in r and "citations" in r for r in records):
        return []
    rows = [r for r in records if r is not None]  # all of them, as just checked
    return [
        StageSourceRow(
            label=str(r["label"]),
            direct=int(r.get("citations") or 0),
            secondary=int(r.get("secondary") or 0),
            via=int(r.get("via") or 0),
            listed=None if "reference" not in r else r["reference"] is not None,
        )
        for r in rows
    ]


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    if isinstance(value, (list, tuple)):
        return ", ".join(_cell(v) for v in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_cell(v)}" for k, v in value.items())
    return "" if value is None else str(value)


def generic_table(value: Any) -> GenericTable | None:
    """A table from a mapping (name → value) or a list of records; None for
    anything else. Lets the report show a field added by another stage (the
    citation stage's `sources`) without knowing its exact shape."""
    if isinstance(value, Mapping) and value:
        return GenericTable(["source", "count"], [[_cell(k), _cell(v)] for k, v in value.items()])
    if isinstance(value, (list, tuple)) and value:
        records = [_as_mapping(v) for v in value]
        if all(r is not None for r in records):
            columns: list[str] = []
            for record in records:
                columns += [str(k) for k in record if str(k) not in columns]  # type: ignore[union-attr]
            return GenericTable(columns, [[_cell(r.get(c)) for c in columns] for r in records])  # type: ignore[union-attr]
    return None


def _as_mapping(value: Any) -> Mapping[str, Any] | None:
    if isinstance(value, Mapping):
        return value
    if hasattr(value, "__dataclass_fields__"):
        return {name: getattr(value, name) for name in value.__dataclass_fields__}
    return None


def _case_rows(analysis: Analysis, styles: Sequence[ConceptStyle]) -> list[CaseRow]:
    """Which concepts each case study is discussed with: mentions that share a
    sentence with a mention of the case."""
    sentences_of: dict[str, set[int]] = defaultdict(set)
    first_mention: dict[str, int] = {}
    counts: Counter[str] = Counter()
    for mention in analysis.cases:
        sentences_of[mention.case].add(mention.sentence)
        first_mention.setdefault(mention.case, mention.paragraph)
        counts[mention.case] += 1
    rows = []
    for case in analysis.profile.get("case_studies", []) or []:
        case_id = str(case.get("id", ""))
        together = Counter(m.concept for m in analysis.mentions if m.sentence in sentences_of.get(case_id, ()))
        rows.append(
            CaseRow(
                name=str(case.get("name") or case_id),
                description=str(case.get("description") or ""),
                mentions=counts[case_id],
                href=f"#p-{first_mention[case_id]}" if case_id in first_mention else None,
                concepts=[(s, together[s.id]) for s in styles if together[s.id]],
            )
        )
    return rows


def build_report_view(analysis: Analysis) -> ReportView:
    meta = analysis.document.metadata
    styles = concept_styles(analysis.concepts)
    locator = BlockLocator(analysis)
    feedback = _feedback(analysis, locator)
    profile = analysis.profile or {}
    stage_sources = getattr(analysis, "sources", None)
    return ReportView(
        title=document_title(analysis),
        source=meta.source,
        format=meta.format,
        author=meta.author,
        word_count=meta.word_count,
        pages=meta.pages,
        profile_name=str(profile.get("name", "")),
        lexicon_name=str(profile.get("lexicon", "")),
        citation_style=style_title(str(profile.get("citation_style", ""))),
        tool_version=analysis.tool_version,
        concepts=_concept_summaries(analysis, styles),
        feedback=feedback[:FEEDBACK_LIMIT],
        more_feedback=feedback[FEEDBACK_LIMIT:],
        citation_count=len(analysis.citations),
        secondary_count=sum(1 for c in analysis.citations if is_secondary(c)),
        problem_count=problem_count(analysis),
        has_reference_list=analysis.reference_section is not None,
        groups=_groups(analysis),
        concept_map=build_concept_map(analysis, styles),
        citations=_citation_rows(analysis, locator),
        references=[
            ReferenceRow(f"ref-{i}", r.text, format_authors(r.authors) if r.authors else "", r.year or "",
                         list(r.problems))
            for i, r in enumerate(analysis.references)
        ],
        citations_resolved=any(getattr(c, "reference", None) is not None for c in analysis.citations),
        sources=_source_rows(analysis),
        stage_source_rows=stage_source_rows(stage_sources),
        stage_sources=None if stage_source_rows(stage_sources) else generic_table(stage_sources),
        cases=_case_rows(analysis, styles),
        has_case_studies=bool(profile.get("case_studies")),
        warnings=list(analysis.document.warnings),
        dropped=len(analysis.document.dropped),
        reflection=build_reflection_view(analysis),
    )
