"""The agreement page: the figures `analyser agree` prints, as one
self-contained HTML page (same environment, escaping and CSP as the reports)."""

from __future__ import annotations

from analyser import __version__
from analyser.agreement import AgreementReport, format_figure, format_interval
from analyser.bootstrap import RESAMPLES
from analyser.report.environment import render_page


def render_agreement(report: AgreementReport) -> str:
    return render_page("agreement.html.j2", {"a": report, "tool_version": __version__, "figure": format_figure,
                                                "interval": format_interval, "resamples": RESAMPLES},
                       css=["base.css"], js=[])
