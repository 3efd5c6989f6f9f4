"""The marked spans of a report's document text: concept mentions and
citations, each with a tooltip that says what the analysis found there.

Anchor ids are part of the page's contract (feedback points, the concept
map and the citations table link to them): `p-N` is block N, `m-N` is
mention N and `c-N` is citation N, numbered as in the analysis.
"""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import escape

from analyser.model import Analysis, Citation, Mention
from analyser.report.concepts import ConceptStyle
from analyser.report.environment import visible_controls
from analyser.report.highlight import Span

MENTION_RANK = 1  # mentions sit inside citations if they ever overlap
CITATION_RANK = 0


def _text(value: object) -> str:
    """Escaped plain text with hidden controls made visible (for tooltips)."""
    return str(escape(visible_controls(str(value))))


def mention_description(mention: Mention, style: ConceptStyle | None) -> str:
    """One line for a mention's tooltip and accessible description (HTML)."""
    label = style.label if style else mention.concept
    parts = [f"<b>{_text(label)}</b>"]
    if mention.origin == "model":
        return " · ".join(parts + _suggestion_description(mention))
    if mention.text.lower() == mention.term.lower():
        parts.append(f"term “{_text(mention.term)}”")
    else:
        parts.append(f"“{_text(mention.text)}” matched term “{_text(mention.term)}”")
    if mention.polarity == "absent":
        cue = f" (cue: “{_text(mention.polarity_cue)}”)" if mention.polarity_cue else ""
        parts.append(f"polarity: absent{cue}")
    else:
        parts.append("polarity: present")
    if mention.source:
        parts.append(f"source: {_text(mention.source)}")
    return " · ".join(parts)


def _suggestion_description(mention: Mention) -> list[str]:
    """A model suggestion: its probability, polarity and the features that weighed most."""
    score = f" ({mention.score:.2f})" if mention.score is not None else ""
    parts = [f"suggested{score} by the model, not a lexicon match"]
    if mention.polarity == "absent":
        cue = f" (cue: “{_text(mention.polarity_cue)}”)" if mention.polarity_cue else ""
        parts.append(f"polarity: absent{cue}")
    else:
        parts.append("polarity: present")
    if mention.evidence:
        parts.append("why: " + ", ".join(f"“{_text(e.feature)}”" for e in mention.evidence))
    return parts


def citation_description(citation: Citation) -> str:
    """Tooltip for a citation with problems: each message and its suggested fix."""
    lines = []
    for problem in citation.problems:
        fix = f" <i>Fix:</i> {_text(problem.suggestion)}" if problem.suggestion else ""
        lines.append(f"<span class=\"tip-line\"><b>{_text(problem.message)}</b>{fix}</span>")
    return "".join(lines)


def mention_span(index: int, mention: Mention, style: ConceptStyle | None) -> Span:
    k = style.css_class if style else "k-unknown"
    absent = " absent" if mention.polarity == "absent" else ""
    suggested = " suggested" if mention.origin == "model" else ""
    classes = f"m {k}{absent}{suggested}"
    tip_id = f"tip-m-{index}"
    return Span(
        start=mention.start,
        end=mention.end,
        open_first=(
            f'<mark class="{classes}" id="m-{index}" data-concept="{_text(mention.concept)}" '
            f'tabindex="0" aria-describedby="{tip_id}">'
        ),
        open_more=f'<mark class="{classes} more" data-concept="{_text(mention.concept)}">',
        close="</mark>",
        tail=f'<span class="tip" role="tooltip" id="{tip_id}">{mention_description(mention, style)}</span>',
        rank=MENTION_RANK,
    )


def citation_span(index: int, citation: Citation) -> Span:
    if not citation.problems:
        return Span(
            start=citation.start,
            end=citation.end,
            open_first=f'<span class="cite" id="c-{index}">',
            open_more='<span class="cite more">',
            close="</span>",
            rank=CITATION_RANK,
        )
    tip_id = f"tip-c-{index}"
    return Span(
        start=citation.start,
        end=citation.end,
        open_first=f'<span class="cite bad" id="c-{index}" tabindex="0" aria-describedby="{tip_id}">',
        open_more='<span class="cite bad more">',
        close="</span>",
        tail=f'<span class="tip" role="tooltip" id="{tip_id}">{citation_description(citation)}</span>',
        rank=CITATION_RANK,
    )


def document_spans(analysis: Analysis, styles: Mapping[str, ConceptStyle]) -> list[Span]:
    spans = [citation_span(i, c) for i, c in enumerate(analysis.citations)]
    spans += [mention_span(i, m, styles.get(m.concept)) for i, m in enumerate(analysis.mentions)]
    return spans
