"""The page of `analyser compare`: what changed between two drafts, as one
self-contained HTML page (same environment, escaping and CSP as the reports)."""

from __future__ import annotations

from analyser import __version__
from analyser.compare import Comparison
from analyser.report.environment import render_page


def render_comparison(comparison: Comparison) -> str:
    return render_page("compare.html.j2", {"c": comparison, "tool_version": __version__},
                       css=["base.css", "compare.css"], js=[])
