"""HTML pages rendered from analysis results: the feedback report for one
document and the overview of a batch run.

    html = render_report(analysis)          # one self-contained page
    html = render_index(rows)               # rows from summary_row(...)

No NLP happens here: every page is drawn from the `Analysis` alone (or the
summary rows made from analyses), through jinja2 templates kept as package
files with autoescape on.
"""

from analyser.report.render import render_index, render_report
from analyser.report.summary import failed_row, summary_row

__all__ = ["render_report", "render_index", "summary_row", "failed_row"]
