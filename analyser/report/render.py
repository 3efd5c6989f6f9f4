"""One render function per page. Each takes data only (an `Analysis`, or the
plain-dict rows a batch run collects) and returns the complete HTML page as
a string: same input, same bytes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from analyser import __version__
from analyser.meetings import is_meeting
from analyser.model import Analysis
from analyser.report.concepts import concept_css, concept_styles
from analyser.report.environment import render_page
from analyser.report.index_view import build_index_view
from analyser.report.meeting_view import build_meeting_view, speaker_classes, speaker_css
from analyser.report.view import build_report_view


def render_report(analysis: Analysis, *, index_href: str | None = None) -> str:
    """The feedback report for one document. `index_href` links back to a
    batch run's overview (reports written by `analyser batch` sit beside it).
    A meeting or transcript gets the meeting report."""
    if is_meeting(analysis.document.metadata.kind):
        return render_meeting(analysis, index_href=index_href)
    view = build_report_view(analysis)
    return render_page(
        "report.html.j2",
        {"r": view, "tool_version": analysis.tool_version or __version__, "index_href": index_href},
        css=["base.css", "report.css"],
        js=["report.js"],
        extra_css=concept_css(concept_styles(analysis.concepts)),
    )


def render_meeting(analysis: Analysis, *, index_href: str | None = None) -> str:
    """The report for meeting notes and transcripts: turns, speakers, talk share."""
    view = build_meeting_view(analysis)
    return render_page(
        "meeting.html.j2",
        {"v": view, "tool_version": analysis.tool_version or __version__, "index_href": index_href},
        css=["base.css", "report.css", "meeting.css"],
        js=["report.js", "meeting.js"],
        extra_css=concept_css(view.styles) + speaker_css(speaker_classes(analysis)),
    )


def render_index(rows: Sequence[Mapping[str, Any]], *, title: str = "Class overview") -> str:
    """The overview of a batch run: one row per document (see `summary_row`)."""
    view = build_index_view(rows, title=title)
    return render_page(
        "index.html.j2",
        {"v": view, "tool_version": __version__},
        css=["base.css", "index.css"],
        js=["index.js"],
        extra_css=concept_css(view.styles),
    )
