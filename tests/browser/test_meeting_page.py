"""The meeting report in a real browser: the speaker filter hides and shows
one speaker's turns, concept toggles still work, nothing is fetched and no
console error (a CSP violation is one) appears."""

from __future__ import annotations

MINUTES = "meeting_notes_steering_group.txt"


def test_the_speaker_filter_hides_one_speakers_turns(open_page, built):
    assert built.analyses[MINUTES]["document"]["kind"] == "meeting_notes"
    opened = open_page(built.reports[MINUTES])
    page = opened.page
    first = built.analyses[MINUTES]["speakers"][0]["name"]
    turns = page.locator("div.turn.s0")
    others = page.locator("div.turn:not(.s0)")
    assert turns.count() == built.analyses[MINUTES]["speakers"][0]["turns"]
    assert turns.first.locator(".speaker").inner_text() == first
    assert turns.first.is_visible() and others.first.is_visible()
    page.uncheck("#speaker-s0")
    assert not turns.first.is_visible() and others.first.is_visible()
    opened.screenshot("browser-meeting-speaker-hidden.png")
    page.check("#speaker-s0")
    assert turns.first.is_visible()
    opened.assert_clean()
