"""Keyword in context: a concept gives its mentions (variants included), a
term is found as written in any case as whole words; context stops at the
turn, so a label or the next speaker never shows."""

from __future__ import annotations

from click.testing import CliRunner

from analyser.cli import main
from analyser.ingest import ingest_text
from analyser.kwic import kwic

NOTES = ("[00:00:05] Ann: We never trusted the board, and the board knew it.\n"
         "[00:00:09] Bob: Trust takes time; BOARDS change.\n")


def test_a_concept_gives_its_mentions_with_speaker_and_context(analyser):
    analysis = analyser.analyse_document(ingest_text(NOTES, "m.txt"))
    lines = kwic(analysis, "Trust", document="m.txt", width=12)
    assert [(h.speaker, h.left, h.match, h.right, h.concept) for h in lines] == [
        ("Ann", "We never", "trusted", "the board, a", "trust"),
        ("Bob", "", "Trust", "takes time;", "trust"),
    ]
    assert NOTES[lines[0].start : lines[0].end] == "trusted"


def test_a_term_is_matched_as_a_whole_word_in_any_case(analyser):
    analysis = analyser.analyse_document(ingest_text(NOTES, "m.txt"))
    lines = kwic(analysis, "board", document="m.txt", width=10)
    assert [(h.left, h.match, h.right) for h in lines] == [
        ("rusted the", "board", ", and the"), ("d, and the", "board", "knew it.")]  # not "BOARDS"
    assert kwic(analysis, "boards", document="m.txt")[0].match == "BOARDS"


def test_kwic_command(tmp_path):
    path = tmp_path / "m.txt"
    path.write_text(NOTES, encoding="utf-8")
    result = CliRunner().invoke(main, ["kwic", "trust", str(path), "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "source,speaker,block,start,end,left,match,right",
        "m.txt,Ann,0,25,32,We never,trusted,\"the board, and the board knew it.\"",
        "m.txt,Bob,1,83,88,,Trust,takes time; BOARDS change.",  # 67 characters in the first line, 16 in the label
    ]
    text = CliRunner().invoke(main, ["kwic", "trust", str(path), "--width", "10"])
    assert text.stdout.splitlines()[0] == "  We never  [trusted]  the board,  m.txt · Ann · ¶1"
    assert "2 occurrence(s) in 1 document(s)" in text.stderr
