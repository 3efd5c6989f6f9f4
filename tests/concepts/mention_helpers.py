"""Shared assertion for the concept table tests."""

from __future__ import annotations

from analyser.model import Analysis


def assert_mentions(analysis: Analysis, expected: list[tuple[str, str, str]]) -> None:
    """The analysis's mentions, as (concept, text, polarity), are `expected`,
    and every mention's text is its span of the document."""
    assert [(m.concept, m.text, m.polarity) for m in analysis.mentions] == expected
    for mention in analysis.mentions:
        assert analysis.document.text[mention.start : mention.end] == mention.text
