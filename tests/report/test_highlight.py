"""The span walker: well-formed HTML whatever the spans, text preserved and escaped."""

from __future__ import annotations

from htmltree import parse
from hypothesis import given, settings
from hypothesis import strategies as st

from analyser.report.highlight import Span, highlight_blocks, highlight_range


def span(start: int, end: int, name: str, rank: int = 0) -> Span:
    return Span(start, end, f'<i class="{name}" id="{name}">', f'<i class="{name} more">', "</i>",
                tail=f'<b class="tip">{name}</b>', rank=rank)


def visible_text(html: str) -> str:
    root, _ = parse(f"<div>{html}</div>")
    return root.text(skip_classes={"tip"})


def test_no_spans_escapes_everything():
    assert highlight_range("<a href=x>&amp;</a>", 0, 19, []) == "&lt;a href=x&gt;&amp;amp;&lt;/a&gt;"


def test_nested_spans_stay_nested():
    html = highlight_range("abcdefgh", 0, 8, [span(1, 7, "outer"), span(2, 4, "inner", rank=1)])
    assert html == ('a<i class="outer" id="outer">b<i class="inner" id="inner">cd<b class="tip">inner</b></i>'
                    'efg<b class="tip">outer</b></i>h')


def test_crossing_spans_are_split_and_reopened():
    html = highlight_range("abcdefghij", 0, 10, [span(1, 5, "a"), span(3, 8, "b")])
    assert html == ('a<i class="a" id="a">bc<i class="b" id="b">de<b class="tip">b</b></i><b class="tip">a</b></i>'
                    '<i class="b more">fgh</i>ij')
    assert visible_text(html) == "abcdefghij"


def test_same_extent_orders_by_rank():
    html = highlight_range("abc", 0, 3, [span(0, 3, "inner", rank=1), span(0, 3, "outer", rank=0)])
    assert html.startswith('<i class="outer" id="outer"><i class="inner" id="inner">')


def test_span_crossing_a_block_boundary_is_clipped_into_both():
    first, second = highlight_blocks("abcd\n\nefgh", [(0, 4), (6, 10)], [span(2, 8, "x")])
    assert first == 'ab<i class="x" id="x">cd<b class="tip">x</b></i>'
    assert second == '<i class="x more">ef</i>gh'


def test_hidden_controls_are_shown_not_obeyed():
    html = highlight_range("a\u202eb\u0007c", 0, 5, [])
    assert "\u202e" not in html and "\u0007" not in html
    assert "U+202E" in html and "U+0007" in html


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="ab<>&\"' \n", min_size=1, max_size=30),
    raw=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30), st.integers(0, 2)), max_size=6),
)
def test_any_spans_give_well_formed_html_with_the_text_intact(text, raw):
    spans = [span(min(a, b), max(a, b), f"s{i}", rank) for i, (a, b, rank) in enumerate(raw)]
    html = highlight_range(text, 0, len(text), spans)
    assert visible_text(html) == text  # parse() also asserts every element closes in order
    for i, s in enumerate(spans):
        if s.start < s.end <= len(text):
            assert html.count(f'id="s{i}"') == 1
