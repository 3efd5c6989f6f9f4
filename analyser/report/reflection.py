"""What the report's Reflection section shows, from `Analysis.reflection`.

A strip per body paragraph, one segment per sentence coloured by its move
(like the concept map, each strip links to its paragraph); the stages of the
profile's model of reflection covered and missing; theory linked to
practice; voice and action plans; the rubric's evidence found and missing.
Every sentence of the document text is wrapped in a span (`s-N`) that shows
its move on hover and can be coloured with the "Reflective moves" toggle.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import escape

from analyser.model import Analysis, EvidenceItem, Reflection
from analyser.reflection.moves import MOVES
from analyser.report.highlight import Span

STRIP_WIDTH = 560  # px; a strip's segments share it by sentence length
SENTENCE_RANK = -1  # the outermost span: mentions and citations sit inside sentences
# What each move means, in a reader's words (the legend and the hover text).
MOVE_HINTS = {
    "Experience": "tells what happened",
    "Feeling": "says how you felt",
    "Belief": "states a view or value",
    "Difficulty": "names a problem or mistake",
    "Perspective": "gives another person's view",
    "Learning": "says what you learned",
    "Intention": "says what you will do",
    "Reflection": "explains, weighs or links to theory",
    "Other": "none of these (context, summary, headings)",
}
LINK_LABELS = {
    "linked": "experience, concept and source together",
    "partial": "experience with a concept or a source, not both",
    "experience_only": "experience with no concept or source",
    "theory_only": "concept or source with no experience",
}


def move_class(move: str) -> str:
    """"mv-0" … "mv-8": a fixed class per known move, never built from data."""
    return f"mv-{MOVES.index(move)}" if move in MOVES else "mv-unknown"


@dataclass
class LegendItem:
    move: str
    css_class: str
    hint: str
    count: int
    percent: int


@dataclass
class Segment:
    css_class: str
    x: float  # px from the strip's left
    width: float  # px
    title: str


@dataclass
class Strip:
    number: int
    href: str
    label: str  # accessible name: what the paragraph does
    segments: list[Segment]
    link: str  # theory-practice class, as a short label ("" for neither)


@dataclass
class StageRow:
    name: str
    question: str
    covered: bool
    sentences: int
    href: str | None


@dataclass
class LinkRow:
    number: int
    href: str
    kind: str
    label: str
    concepts: list[str]
    citations: int


@dataclass
class PlanRow:
    href: str
    text: str
    move: str
    who: bool
    what: bool
    when: bool
    specific: bool


@dataclass
class EvidenceRow:
    text: str
    href: str | None


@dataclass
class CriterionRow:
    name: str
    descriptor: str
    found: list[EvidenceRow]
    missing: list[EvidenceRow]


@dataclass
class ReflectionView:
    framework: str
    legend: list[LegendItem]
    strips: list[Strip]
    stages: list[StageRow]
    covered: int
    progression_text: str
    progresses: bool
    links: list[LinkRow]
    linked: int
    first_person_percent: int
    strip_width: int
    plans: list[PlanRow]
    rubric: list[CriterionRow]
    account: bool  # reads as a reflective account: stages, links, plans and rubric are shown
    account_note: str


def _href(item: EvidenceItem) -> str | None:
    if item.sentence is not None:
        return f"#s-{item.sentence}"
    return f"#p-{item.paragraph}" if item.paragraph is not None else None


def build_reflection_view(analysis: Analysis) -> ReflectionView | None:
    r: Reflection | None = analysis.reflection
    if r is None:
        return None
    text = analysis.document.text
    sentences = analysis.sentences
    move_of = {m.sentence: m for m in r.moves}
    total = sum(r.balance.values())
    legend = [LegendItem(m, move_class(m), MOVE_HINTS[m], r.balance.get(m, 0),
                         round(100 * r.balance.get(m, 0) / total) if total else 0) for m in MOVES]
    # the sentences with a move, by paragraph, in one pass (a scan per paragraph was quadratic on many short ones)
    by_paragraph: dict[int, list[int]] = {}
    for i, s in enumerate(sentences):
        if i in move_of:
            by_paragraph.setdefault(s.paragraph, []).append(i)
    strips = []
    for p in r.paragraphs:
        inside = by_paragraph.get(p.paragraph, [])
        length = sum(max(sentences[i].end - sentences[i].start, 1) for i in inside) or 1
        segments, x = [], 0.0
        for i in inside:
            width = round(STRIP_WIDTH * max(sentences[i].end - sentences[i].start, 1) / length, 1)
            title = f"{move_of[i].move}: {text[sentences[i].start:sentences[i].end][:80]}"
            segments.append(Segment(move_class(move_of[i].move), x, max(width - 1, 0.5), title))
            x = round(x + width, 1)
        counts = Counter(move_of[i].move for i in inside)
        said = ", ".join(f"{n} {m}" for m, n in sorted(counts.items(), key=lambda kv: (-kv[1], MOVES.index(kv[0])
                                                                                          if kv[0] in MOVES else 99)))
        strips.append(Strip(
            number=p.paragraph + 1,
            href=f"#p-{p.paragraph}",
            label=f"Paragraph {p.paragraph + 1}: {said}",
            segments=segments,
            link=LINK_LABELS.get(p.link, ""),
        ))
    links = [LinkRow(p.paragraph + 1, f"#p-{p.paragraph}", p.link, LINK_LABELS[p.link],
                     [c.label for c in analysis.concepts if c.id in p.concepts], p.citations)
             for p in r.paragraphs if p.link in LINK_LABELS]
    plans = [PlanRow(f"#s-{a.sentence}", text[sentences[a.sentence].start:sentences[a.sentence].end], a.move,
                     a.who, a.what, a.when, a.specific) for a in r.action_plans]
    return ReflectionView(
        framework=r.framework,
        legend=legend,
        strips=strips,
        stages=[StageRow(s.name, s.question, s.covered, s.sentences,
                         f"#s-{s.first_sentence}" if s.first_sentence is not None else None) for s in r.stages],
        covered=sum(1 for s in r.stages if s.covered),
        progression_text=r.progression_text,
        progresses=r.progresses,
        links=links,
        linked=sum(1 for row in links if row.kind == "linked"),
        first_person_percent=round(100 * r.first_person_share),
        strip_width=STRIP_WIDTH,
        plans=plans,
        rubric=[CriterionRow(c.name, c.descriptor, [EvidenceRow(e.text, _href(e)) for e in c.found],
                             [EvidenceRow(e.text, _href(e)) for e in c.missing]) for c in r.rubric],
        account=r.account,
        account_note=r.account_note,
    )


def sentence_spans(analysis: Analysis) -> list[Span]:
    """One span per tagged sentence: its move on hover, coloured when the
    reader ticks "Reflective moves". Empty when there is no reflection."""
    if analysis.reflection is None:
        return []
    spans = []
    for m in analysis.reflection.moves:
        if not 0 <= m.sentence < len(analysis.sentences):
            continue
        s = analysis.sentences[m.sentence]
        title = escape(f"Reflective move: {m.move} ({MOVE_HINTS.get(m.move, '')}), {round(m.score * 100)}% sure")
        css = move_class(m.move)
        spans.append(Span(
            start=s.start, end=s.end,
            open_first=f'<span class="s {css}" id="s-{m.sentence}" data-move="{escape(m.move)}" title="{title}">',
            open_more=f'<span class="s {css} more" title="{title}">',
            close="</span>", rank=SENTENCE_RANK,
        ))
    return spans
