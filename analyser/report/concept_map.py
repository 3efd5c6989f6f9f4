"""The concept map: an inline SVG grid, one column per body paragraph and one
row per concept, showing where each concept appears in the essay.

Why one link per column (not per cell): clicking anywhere in a paragraph's
column goes to that paragraph, and a keyboard user tabs through paragraphs
that mention something rather than through every filled cell. Geometry is
computed here so the template only places elements.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from analyser.model import Analysis
from analyser.report.concepts import ConceptStyle

LABEL_WIDTH = 156
MAP_WIDTH = 880  # the width the map aims to fill; columns shrink to fit long documents
MIN_COLUMN_WIDTH = 12
MAX_COLUMN_WIDTH = 30
CELL_GAP = 2
ROW_HEIGHT = 24
CELL_HEIGHT = 18
AXIS_HEIGHT = 18
RIGHT_MARGIN = 8


@dataclass
class MapCell:
    x: int
    y: int
    css_class: str  # the concept's class, or "empty"
    level: int  # 0 none, 1 one mention, 2 two, 3 three or more


@dataclass
class MapColumn:
    block: int
    number: int
    x: int
    label: str  # accessible name of the column link
    cells: list[MapCell]
    linked: bool  # only columns with a mention are links
    section_start: bool  # first paragraph after a heading
    show_number: bool


@dataclass
class MapRow:
    label: str
    css_class: str
    y: int


@dataclass
class ConceptMap:
    width: int
    height: int
    grid_top: int
    grid_height: int
    label_width: int
    cell_width: int
    cell_height: int
    columns: list[MapColumn]
    rows: list[MapRow]
    description: str


def _level(count: int) -> int:
    return min(count, 3)


def _mentions_label(count: int) -> str:
    return f"{count} mention{'' if count == 1 else 's'}"


def build_concept_map(analysis: Analysis, styles: Sequence[ConceptStyle], *, per_turn: bool = False) -> ConceptMap:
    """`per_turn`: one column per speaker's turn (meetings), numbered by turn."""
    blocks = analysis.document.blocks
    section = analysis.reference_section
    counts: Counter[tuple[int, str]] = Counter((m.paragraph, m.concept) for m in analysis.mentions)
    body = [
        i for i, b in enumerate(blocks)
        if b.kind != "heading" and not (section and section[0] <= b.start < section[1])
        and (b.kind == "turn" or not per_turn)
    ]
    unit = "Turn" if per_turn else "Paragraph"
    rows = [
        MapRow(s.label, s.css_class, AXIS_HEIGHT + r * ROW_HEIGHT + (ROW_HEIGHT - CELL_HEIGHT) // 2)
        for r, s in enumerate(styles)
    ]
    column_width = max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, (MAP_WIDTH - LABEL_WIDTH) // max(len(body), 1)))
    columns = []
    previous_block = -1
    for c, index in enumerate(body):
        x = LABEL_WIDTH + c * column_width
        cells = []
        said = []
        for row, style in zip(rows, styles, strict=True):
            count = counts[(index, style.id)]
            cells.append(MapCell(x, row.y, style.css_class if count else "empty", _level(count)))
            if count:
                said.append(f"{style.label} {_mentions_label(count)}")
        number = c + 1 if per_turn else index + 1
        who = f" ({blocks[index].speaker})" if per_turn and blocks[index].speaker else ""
        heading_before = any(blocks[j].kind == "heading" for j in range(previous_block + 1, index))
        columns.append(
            MapColumn(
                block=index,
                number=number,
                x=x,
                label=f"{unit} {number}{who}: " + ("; ".join(said) if said else "no concepts"),
                cells=cells,
                linked=bool(said),
                section_start=heading_before and c > 0,
                show_number=c == 0 or number % 5 == 0,
            )
        )
        previous_block = index
    grid_height = len(styles) * ROW_HEIGHT
    mentioned = sum(1 for col in columns if col.linked)
    return ConceptMap(
        width=LABEL_WIDTH + len(body) * column_width + RIGHT_MARGIN,
        height=AXIS_HEIGHT + grid_height + 4,
        grid_top=AXIS_HEIGHT,
        grid_height=grid_height,
        label_width=LABEL_WIDTH,
        cell_width=column_width - CELL_GAP,
        cell_height=CELL_HEIGHT,
        columns=columns,
        rows=rows,
        description=(
            f"Concept map: {len(body)} {unit.lower()}s across, {len(styles)} concepts down; "
            f"{mentioned} {unit.lower()}s mention a concept. Each column links to its {unit.lower()}."
        ),
    )
