"""What the batch overview shows, from the summary rows alone.

Every numeric column gets a small inline bar scaled to the column's largest
value, so a tutor can scan a class for outliers; the cohort chart shows, for
each concept, how many documents discuss it at all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from analyser.meetings import is_meeting
from analyser.model import ConceptInfo
from analyser.reflection.moves import MOVES
from analyser.report.concepts import ConceptStyle, concept_styles
from analyser.report.reflection import move_class

KIND_NAMES = {"essay": "essay", "meeting_notes": "meeting notes", "transcript": "transcript"}
BAR_WIDTH = 44
CHART_LABEL_WIDTH = 150
CHART_BAR_WIDTH = 340
CHART_ROW_HEIGHT = 30
CHART_TEXT_WIDTH = 380


@dataclass
class IndexColumn:
    key: str
    label: str
    numeric: bool
    css_class: str = ""


@dataclass
class IndexCell:
    text: str
    sort: str  # the value the table sorts by ("" sorts last)
    bar: float | None  # bar length in px, None for no bar
    css_class: str = ""
    detail: str = ""


@dataclass
class IndexRow:
    document: str
    title: str
    href: str | None
    json_href: str | None
    error: str | None
    cells: list[IndexCell]
    annotated_href: str | None = None  # the .docx with Word comments (batch --annotate)
    previous_href: str | None = None  # the same student's report in a previous run (batch --previous)


@dataclass
class CohortBar:
    label: str
    css_class: str
    y: int
    width: float
    text: str


@dataclass
class MoveBar:
    """A stacked bar of reflective moves: one essay's, or the cohort's."""

    segments: list[tuple[str, float, float, str]]  # (css class, x, width, "Experience 12 (30%)")
    label: str  # the whole bar in words, for screen readers and the cell


@dataclass
class IndexView:
    title: str
    total: int
    analysed: int
    failed: list[IndexRow]
    columns: list[IndexColumn]
    rows: list[IndexRow]
    styles: list[ConceptStyle]
    cohort: list[CohortBar]
    chart_width: int
    chart_height: int
    chart_label_width: int
    chart_bar_width: int
    chart_description: str
    mean_words: int | None
    total_citations: int
    total_problems: int
    move_bars: dict[str, MoveBar] | None = None  # document -> its moves; None when no essay is reflective
    cohort_moves: MoveBar | None = None
    move_legend: list[tuple[str, str]] | None = None  # (move, css class)


def _concepts(rows: Sequence[Mapping[str, Any]]) -> list[ConceptInfo]:
    """Every concept seen in the rows, in first-seen order (normally one lexicon)."""
    seen: dict[str, ConceptInfo] = {}
    for row in rows:
        for concept in row.get("concepts") or []:
            if concept["id"] not in seen:
                seen[concept["id"]] = ConceptInfo(concept["id"], concept.get("label") or concept["id"],
                                                  concept.get("colour", ""), "")
    return list(seen.values())


def _bar(value: float | None, maximum: float) -> float | None:
    if value is None:
        return None
    return round(BAR_WIDTH * value / maximum, 1) if maximum > 0 else 0.0


def _number_cell(value: float | None, maximum: float, css_class: str = "", text: str | None = None,
                 detail: str = "") -> IndexCell:
    if value is None:
        return IndexCell("—", "", None, css_class)
    shown = text if text is not None else f"{value:,}"
    return IndexCell(shown, f"{value:g}", _bar(value, maximum), css_class, detail)


def _counts(row: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    return {c["id"]: c for c in row.get("concepts") or []}


def build_index_view(rows: Sequence[Mapping[str, Any]], *, title: str) -> IndexView:
    ordered = sorted(rows, key=lambda r: (str(r["document"]).lower(), str(r["document"])))
    ok = [r for r in ordered if not r.get("error")]
    concepts = _concepts(ok)
    styles = concept_styles(concepts)
    columns = [IndexColumn("document", "Document", False)]
    students = any(r.get("identifier") for r in ordered)  # a VLE download (analyser/vle.py)
    if students:
        columns.append(IndexColumn("student", "Student", False))
    columns.append(IndexColumn("words", "Words", True))
    meetings = any(is_meeting(r.get("kind")) for r in ok)  # a folder of meetings, or a mix
    if meetings:
        columns += [IndexColumn("kind", "Kind", False), IndexColumn("speakers", "Speakers", True),
                    IndexColumn("turns", "Turns", True)]
    columns += [IndexColumn(f"concept-{s.id}", s.label, True, s.css_class) for s in styles]
    columns += [
        IndexColumn("citations", "Citations", True),
        IndexColumn("secondary", "Secondary share", True),
        IndexColumn("problems", "Problems", True),
        IndexColumn("link", "Report", False),
    ]

    def column_max(get) -> float:
        values = [get(r) for r in ok]
        return max([v for v in values if v is not None], default=0)

    max_words = column_max(lambda r: r.get("words"))
    max_citations = column_max(lambda r: r.get("citations"))
    max_problems = column_max(lambda r: r.get("problems"))
    max_speakers = column_max(lambda r: r.get("speakers"))
    max_turns = column_max(lambda r: r.get("turns"))
    max_concept = {
        s.id: column_max(lambda r, cid=s.id: _counts(r).get(cid, {}).get("present", 0)) for s in styles
    }
    view_rows = []
    for row in ordered:
        failed = bool(row.get("error"))
        counts = _counts(row)
        cells = [IndexCell(str(row["document"]), str(row["document"]).lower(), None)]
        if students:
            who = " ".join(x for x in (row.get("student") or "", f"({row['identifier']})" if row.get("identifier")
                                       else "") if x)
            cells.append(IndexCell(who or "—", who.lower(), None, "student", row.get("flag") or ""))
        cells.append(_number_cell(row.get("words"), max_words))
        if meetings:
            kind = KIND_NAMES.get(row.get("kind") or "", "")
            cells += [IndexCell(kind or "—", kind, None), _number_cell(row.get("speakers"), max_speakers),
                      _number_cell(row.get("turns"), max_turns)]
        for s in styles:
            concept = counts.get(s.id)
            if failed or concept is None:
                cells.append(_number_cell(None, 0, s.css_class))
            else:
                absent = concept.get("absent", 0)
                cells.append(_number_cell(concept.get("present", 0), max_concept[s.id], s.css_class,
                                          detail=f"+{absent} absent" if absent else ""))
        share = row.get("secondary_share")
        cells.append(_number_cell(row.get("citations"), max_citations))
        cells.append(_number_cell(share, 1.0, text=None if share is None else f"{round(share * 100)}%"))
        cells.append(_number_cell(row.get("problems"), max_problems, "problems"))
        cells.append(IndexCell("", "", None))
        view_rows.append(
            IndexRow(str(row["document"]), str(row.get("title") or row["document"]), row.get("report"),
                     row.get("json"), row.get("error"), cells, row.get("annotated"), row.get("previous"))
        )
    cohort = _cohort(ok, styles)
    reflective = [r for r in ok if r.get("moves") is not None]
    if reflective:
        columns.insert(-1, IndexColumn("moves", "Reflective moves", True))
        cohort_counts: dict[str, int] = {}
        for r in reflective:
            for move, n in r["moves"].items():
                cohort_counts[move] = cohort_counts.get(move, 0) + n
        for row, view_row in zip(ordered, view_rows):
            moves = row.get("moves")
            bar = move_bar(moves, BAR_WIDTH * 2) if moves is not None and not row.get("error") else None
            share = (moves or {}).get("Experience", 0) / (sum((moves or {}).values()) or 1)
            view_row.cells.insert(-1, IndexCell(f"{round(share * 100)}% description" if bar else "—",
                                                f"{share:.3f}" if bar else "", None))
    words = [r["words"] for r in ok if r.get("words") is not None]
    return IndexView(
        title=title,
        total=len(ordered),
        analysed=len(ok),
        failed=[r for r in view_rows if r.error],
        columns=columns,
        rows=view_rows,
        styles=styles,
        cohort=cohort,
        chart_width=CHART_LABEL_WIDTH + CHART_BAR_WIDTH + CHART_TEXT_WIDTH,
        chart_height=max(len(styles), 1) * CHART_ROW_HEIGHT + 8,
        chart_label_width=CHART_LABEL_WIDTH,
        chart_bar_width=CHART_BAR_WIDTH,
        chart_description="Concept coverage: " + "; ".join(f"{b.label}: {b.text}" for b in cohort),
        mean_words=round(sum(words) / len(words)) if words else None,
        total_citations=sum(r.get("citations") or 0 for r in ok),
        total_problems=sum(r.get("problems") or 0 for r in ok),
        move_bars={str(r["document"]): move_bar(r["moves"], BAR_WIDTH * 2) for r in reflective} if reflective else None,
        cohort_moves=move_bar(cohort_counts, CHART_BAR_WIDTH) if reflective else None,
        move_legend=[(m, move_class(m)) for m in MOVES] if reflective else None,
    )


def move_bar(moves: Mapping[str, int], width: float) -> MoveBar:
    """Moves as one stacked bar, in the fixed order of MOVES; the label names
    the share of description first (what a tutor looks for)."""
    total = sum(moves.values())
    segments = []
    x = 0.0
    for move in MOVES:
        n = moves.get(move, 0)
        if not n or not total:
            continue
        w = round(width * n / total, 1)
        segments.append((move_class(move), round(x, 1), w, f"{move} {n} ({round(100 * n / total)}%)"))
        x += w
    if not total:
        return MoveBar([], "no sentences")
    parts = [f"{m} {round(100 * moves.get(m, 0) / total)}%" for m in MOVES if moves.get(m, 0)]
    return MoveBar(segments, ", ".join(parts))


def _cohort(ok: Sequence[Mapping[str, Any]], styles: Sequence[ConceptStyle]) -> list[CohortBar]:
    """For each concept: how many documents mention it at all, and how often on average."""
    bars = []
    for index, style in enumerate(styles):
        present = [_counts(r).get(style.id, {}).get("present", 0) for r in ok]
        with_concept = sum(1 for n in present if n > 0)
        share = with_concept / len(ok) if ok else 0.0
        mean = sum(present) / len(ok) if ok else 0.0
        bars.append(
            CohortBar(
                label=style.label,
                css_class=style.css_class,
                y=4 + index * CHART_ROW_HEIGHT,
                width=round(CHART_BAR_WIDTH * share, 1),
                text=f"{with_concept} of {len(ok)} ({round(share * 100)}%) · {mean:.1f} mentions per document",
            )
        )
    return bars
