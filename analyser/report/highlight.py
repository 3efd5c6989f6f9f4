"""Highlighted document text: spans (concept mentions, citations) marked up
over `Document.text`, one block at a time.

Why a walk over boundaries rather than string insertion: spans may nest or,
in a malformed analysis, overlap. Walking every start and end point in order
and keeping a stack of open elements produces well-formed HTML whatever the
spans are: an element that would cross another's end is closed and reopened
(its later fragments are marked as continuations). Every piece of text is
escaped on the way out; nothing from the document is ever markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from analyser.report.environment import escape_document_text


@dataclass(frozen=True)
class Span:
    """One marked span. `open_first` opens its first fragment (with the id);
    `open_more` opens any later fragment; `tail` is markup placed at the end
    of the first fragment (its tooltip). `rank` orders spans that start and
    end together: lower is outer."""

    start: int
    end: int
    open_first: str
    open_more: str
    close: str
    tail: str = ""
    rank: int = 0


def highlight_range(text: str, start: int, end: int, spans: Iterable[Span]) -> Markup:
    """`text[start:end]` as HTML with every span that touches the range marked."""
    inside = sorted(
        (s for s in spans if s.start < end and s.end > start and s.end > s.start),
        key=lambda s: (max(s.start, start), -min(s.end, end), s.rank),
    )
    points = sorted({start, end, *(max(s.start, start) for s in inside), *(min(s.end, end) for s in inside)})
    out: list[str] = []
    stack: list[Span] = []
    opened: set[int] = set()  # ids of spans whose first fragment has been opened
    firsts: set[int] = set()  # spans whose currently open fragment is their first
    next_span = 0  # spans before it in `inside` are open or done
    position = start

    def open_span(span: Span) -> None:
        if span.start >= start and id(span) not in opened:
            out.append(span.open_first)
            firsts.add(id(span))
        else:
            out.append(span.open_more)
        opened.add(id(span))
        stack.append(span)

    def close_top() -> Span:
        span = stack.pop()
        if id(span) in firsts:
            out.append(span.tail)
            firsts.discard(id(span))
        out.append(span.close)
        return span

    for point in points:
        if point > position:
            out.append(escape_document_text(text[position:point]))
            position = point
        ending = [s for s in stack if min(s.end, end) <= point]
        if ending:
            deepest = min(stack.index(s) for s in ending)
            reopen = []
            while len(stack) > deepest:
                span = close_top()
                if min(span.end, end) > point:
                    reopen.append(span)
            for span in reversed(reopen):
                open_span(span)
        while next_span < len(inside) and max(inside[next_span].start, start) == point:
            open_span(inside[next_span])
            next_span += 1
    while stack:
        close_top()
    return Markup("".join(out))


def highlight_blocks(text: str, ranges: Sequence[tuple[int, int]], spans: Sequence[Span]) -> list[Markup]:
    """Each (start, end) range highlighted with the spans that touch it.

    One pass over the ranges and the spans, both in order of start: checking
    every span against every block took 8 minutes for 50,000 one-line
    paragraphs. A span stays in `active` from the first range it could touch
    until a range starts at or after its end."""
    order = sorted(range(len(ranges)), key=lambda i: ranges[i][0])
    # (position in `spans`, span): each range gets its spans in the order given,
    # which decides between spans that open at the same place
    pending = sorted(((i, s) for i, s in enumerate(spans) if s.end > s.start), key=lambda p: p[1].start)
    active: list[tuple[int, Span]] = []
    taken = 0
    result: list[Markup] = [Markup("")] * len(ranges)
    for index in order:
        start, end = ranges[index]
        while taken < len(pending) and pending[taken][1].start < end:
            active.append(pending[taken])
            taken += 1
        if active and min(s.end for _, s in active) <= start:
            active = [p for p in active if p[1].end > start]
        touching = sorted(p for p in active if p[1].start < end)
        result[index] = highlight_range(text, start, end, [s for _, s in touching])
    return result
