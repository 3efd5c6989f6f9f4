"""The report made for meetings: turns with names and times, talk share, the
speaker × concept table, the concept map per turn, the speaker filter; no
essay advice; hostile speaker names shown as text; and the class overview
with meetings in it."""

from __future__ import annotations

from htmltree import parse

from analyser.ingest import ingest_text
from analyser.report import render_index, render_report, summary_row
from analyser.report.meeting_view import build_meeting_view

NOTES = """Board meeting, 3 May

[00:12:05] Ann Smith: There is mistrust on both sides.
[00:12:30] Bob Jones: We have no shared vision, and I do not trust them.
Action: Bob to draft terms.
[00:13:10] Chloé Dupont: The funders hold the power.
[00:13:40] Ann Smith: I trust Chloé.
"""


def meeting(analyser, text=NOTES, name="board.txt"):
    return analyser.analyse_document(ingest_text(text, name))


def test_view_has_speakers_turns_and_a_map_per_turn(analyser):
    view = build_meeting_view(meeting(analyser))
    # words: Ann 6 + 3, Bob 11, Chloé 5 = 25; the longest bar is the largest share (Bob's 0.44)
    assert [(s.name, s.css_class, s.turns, s.words, s.bar) for s in view.speakers] == [
        ("Ann Smith", "s0", 2, 9, round(320 * 0.36 / 0.44, 1)),
        ("Bob Jones", "s1", 1, 11, 320.0),
        ("Chloé Dupont", "s2", 1, 5, round(320 * 0.2 / 0.44, 1)),
    ]
    counts = {s.name: {style.id: (n, absent) for style, n, absent in s.concepts if n or absent} for s in view.speakers}
    assert counts == {"Ann Smith": {"trust": (1, 1)}, "Bob Jones": {"trust": (0, 1), "vision": (0, 1)},
                      "Chloé Dupont": {"power": (1, 0)}}
    assert [(t.number, t.speaker, t.time) for t in view.turns] == [
        (None, None, ""), (1, "Ann Smith", "00:12:05"), (2, "Bob Jones", "00:12:30"), (None, None, ""),
        (3, "Chloé Dupont", "00:13:10"), (4, "Ann Smith", "00:13:40")]
    assert (view.turn_count, view.duration, view.kind_label) == (4, "00:01:35", "Meeting notes")
    assert [c.label for c in view.concept_map.columns] == [
        "Turn 1 (Ann Smith): Trust 1 mention", "Turn 2 (Bob Jones): Trust 1 mention; Shared vision 1 mention",
        "Turn 3 (Chloé Dupont): Power 1 mention", "Turn 4 (Ann Smith): Trust 1 mention"]


def test_page_shows_turns_and_no_essay_advice(analyser):
    html = render_report(meeting(analyser))
    root, _ = parse(html)
    turn = root.by_id("p-1")
    assert "turn" in turn.classes and "s0" in turn.classes
    assert turn.find("p", cls="who").text() == "Ann Smith · 00:12:05 · turn 1"
    assert turn.find("p", cls="said").text().startswith("There is mistrust")
    assert [i.attrs["data-speaker-class"] for i in root.find_all("input", cls="speaker-toggle")] == ["s0", "s1", "s2"]
    assert ".doc.hide-s1 .turn.s1{display:none}" in html
    text = root.find("main").text()
    for essay_advice in ("reference list", "Reference list", "citation", "the course expects it"):
        assert essay_advice not in text
    assert "Talk share: Bob Jones 44% (1 turn); Ann Smith 36% (2 turns); Chloé Dupont 20% (1 turn)." in text


def test_an_essay_still_gets_the_essay_report(analyser):
    html = render_report(analyser.analyse_document(ingest_text("Trust in teams\n\nTrust grew.\n", "e.txt")))
    assert "Reference list" in html and "speaker-toggle" not in html


def test_hostile_speaker_names_are_text(analyser, tmp_path):
    from analyser.ingest import ingest

    path = tmp_path / "evil.vtt"
    path.write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v <img src=x onerror=alert(1)>We trust them.\n"
                    "<v Bob\u202e>Power.\n", encoding="utf-8")
    analysis = analyser.analyse_document(ingest(path))
    assert analysis.speakers[0].name == "<img src=x onerror=alert(1)"
    html = render_report(analysis)
    root, _ = parse(html)
    assert not root.find_all("img")
    assert "&lt;img src=x onerror=alert(1)" in html


def test_class_overview_with_meetings_and_essays(analyser):
    rows = [summary_row(meeting(analyser), document="board.txt", report="board.html"),
            summary_row(analyser.analyse_document(ingest_text("Trust in teams\n\nTrust grew.\n", "e.txt")),
                        document="essay.txt", report="essay.html")]
    assert {k: rows[0][k] for k in ("kind", "speakers", "turns", "citations", "problems")} == {
        "kind": "meeting_notes", "speakers": 3, "turns": 4, "citations": None, "problems": None}
    assert (rows[1]["kind"], rows[1]["citations"]) == ("essay", 0)
    root, _ = parse(render_index(rows))
    headers = [th.text().strip() for th in root.find("table").find_all("th") if th.attrs.get("scope") == "col"]
    assert headers[:5] == ["Document", "Words", "Kind", "Speakers", "Turns"]
    board = root.find("table").find_all("tr")[1]
    assert [td.text().strip() for td in board.find_all("td")][1:4] == ["meeting notes", "3", "4"]
