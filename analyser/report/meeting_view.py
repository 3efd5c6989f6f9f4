"""What a meeting's report shows: the text as turns with speaker names and
times, talk share as bars, a speaker × concept table, the concept map one
column per turn, and a filter by speaker. Built from the `Analysis` alone,
on top of the essay report's view (highlights, concept cards, feedback),
so the two pages mark text the same way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from markupsafe import Markup

from analyser.ingest.transcript import format_time
from analyser.model import Analysis
from analyser.report.concept_map import ConceptMap, build_concept_map
from analyser.report.concepts import ConceptStyle, concept_styles
from analyser.report.view import ReportView, build_report_view

BAR_WIDTH = 320
KIND_LABELS = {"meeting_notes": "Meeting notes", "transcript": "Transcript"}


@dataclass
class SpeakerRow:
    name: str
    css_class: str  # "s0", "s1", … — never derived from the name
    turns: int
    words: int
    share: float
    bar: float  # px
    concepts: list[tuple[ConceptStyle, int, int]]  # style, present, absent


@dataclass
class TurnView:
    index: int  # block index: the anchor is p-{index}, as in the essay report
    number: int | None  # turn number; None for a block that is not a turn (a heading, an action)
    kind: str
    speaker: str | None
    css_class: str
    time: str
    html: Markup


@dataclass
class MeetingView:
    base: ReportView
    kind_label: str
    speakers: list[SpeakerRow]
    styles: list[ConceptStyle]
    turns: list[TurnView]
    turn_count: int
    duration: str
    concept_map: ConceptMap


def speaker_classes(analysis: Analysis) -> dict[str, str]:
    """A CSS class per speaker, in order of first turn."""
    names = [s.name for s in analysis.speakers]
    for block in analysis.document.blocks:
        if block.speaker and block.speaker not in names:
            names.append(block.speaker)
    return {name: f"s{i}" for i, name in enumerate(names)}


def speaker_css(classes: dict[str, str]) -> str:
    """The rules that hide a speaker's turns when the filter unticks them
    (only our own class names go in)."""
    return "\n" + "\n".join(f".doc.hide-{c} .turn.{c}{{display:none}}" for c in classes.values()) + "\n"


def build_meeting_view(analysis: Analysis) -> MeetingView:
    base = build_report_view(analysis)
    styles = concept_styles(analysis.concepts)
    classes = speaker_classes(analysis)
    present: Counter[tuple[str, str]] = Counter()
    absent: Counter[tuple[str, str]] = Counter()
    for mention in analysis.mentions:
        if mention.speaker:
            (absent if mention.polarity == "absent" else present)[(mention.speaker, mention.concept)] += 1
    top = max((s.share for s in analysis.speakers), default=0.0)
    speakers = [
        SpeakerRow(s.name, classes[s.name], s.turns, s.words, s.share,
                   round(BAR_WIDTH * s.share / top, 1) if top else 0.0,
                   [(st, present[(s.name, st.id)], absent[(s.name, st.id)]) for st in styles])
        for s in analysis.speakers
    ]
    html = {b.index: b.html for group in base.groups for b in group.blocks}
    turns, number = [], 0
    for index, block in enumerate(analysis.document.blocks):
        if block.kind == "turn":
            number += 1
        turns.append(TurnView(index, number if block.kind == "turn" else None, block.kind, block.speaker,
                              classes.get(block.speaker or "", ""), format_time(block.start_time), html[index]))
    times = [t for b in analysis.document.blocks for t in (b.start_time, b.end_time) if t is not None]
    return MeetingView(
        base=base,
        kind_label=KIND_LABELS.get(analysis.document.metadata.kind or "", "Meeting"),
        speakers=speakers,
        styles=styles,
        turns=turns,
        turn_count=number,
        duration=format_time(max(times) - min(times)) if len(times) > 1 else "",
        concept_map=build_concept_map(analysis, styles, per_turn=True),
    )
