"""Feedback as Word comments (analyser/annotate.py): each comment covers
exactly its span, formatting, tracked changes and the student's comments
survive, the original is untouched, and LibreOffice opens the copy."""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import zipfile

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn

from analyser.annotate import annotate_docx, feedback_notes
from analyser.cli import main
from analyser.ingest import ingest_bytes

from .docx_fixtures import comment_ranges, tricky_docx


@pytest.fixture(scope="module")
def tricky(analyser):
    data = tricky_docx()
    analysis = analyser.analyse_document(ingest_bytes(data, "tricky.docx", "docx", suffix=".docx"))
    notes = feedback_notes(analysis, "all")
    copy, placed = annotate_docx(data, analysis.document.text, notes)
    return data, analysis, notes, copy, placed


def _texts(copy: bytes) -> dict[str, list[int]]:
    """Comment text -> the ids of the comments saying it."""
    found: dict[str, list[int]] = {}
    for comment in docx.Document(io.BytesIO(copy)).comments:
        found.setdefault(comment.text, []).append(comment.comment_id)
    return found


def _range_of(copy: bytes, starts_with: str) -> str:
    ranges = comment_ranges(copy)
    ids = [i for text, ids in _texts(copy).items() if text.startswith(starts_with) for i in ids]
    assert len(ids) == 1, (starts_with, ids)
    return ranges[ids[0]]


def test_every_note_is_placed_and_the_copy_reads_as_the_same_text(tricky):
    data, analysis, notes, copy, placed = tricky
    assert placed == len(notes) > 10
    assert ingest_bytes(copy, "c.docx", "docx", suffix=".docx").text == analysis.document.text


@pytest.mark.parametrize("comment, anchored", [
    ("Trust: said to be missing", "trust"),  # "tr" + bold "ust": split mid-word
    ("Power: discussed", "power"),  # inside a longer run: split on both sides
    ('The author\'s name is spelt "Huxam"', "(Huxam and Vangen, 2005)"),  # inside a hyperlink
    ("Shared vision: discussed", "shared vision"),  # a tracked insertion
    ("Trust: discussed", "Our trust was rebuilt"),  # inside a field's result: the whole field
    ("You cite 1 of the 4 key readings", "Reflections on partnership"),  # essay-level finding: the title
])
def test_each_comment_covers_its_span(tricky, comment, anchored):
    assert _range_of(tricky[3], comment) == anchored


def test_the_citation_problem_carries_its_fix(tricky):
    texts = _texts(tricky[3])
    assert any(t.startswith('The author\'s name is spelt "Huxam"') and "Suggested: (Huxham and Vangen, 2005)" in t
               for t in texts)


def test_split_runs_keep_their_formatting(tricky):
    body = docx.Document(io.BytesIO(tricky[3])).element.body
    runs = {"".join(t.text for t in r.iter(qn("w:t"))): r for r in body.iter(qn("w:r"))}
    assert runs["ust"].find(qn("w:rPr")).find(qn("w:b")) is not None
    assert runs["tr"].find(qn("w:rPr")) is None and runs["At first the team lacked "].find(qn("w:rPr")) is None


def test_tracked_changes_and_the_students_comment_are_kept(tricky):
    body = docx.Document(io.BytesIO(tricky[3])).element.body
    assert [e.get(qn("w:author")) for e in body.iter(qn("w:ins"), qn("w:del"))] == ["Student", "Student"]
    assert [t.text for t in body.iter(qn("w:delText"))] == [" slowly"]
    assert _texts(tricky[3])["My own note to self"] == [0]
    assert comment_ranges(tricky[3])[0] == "Later "


def test_reference_marks_never_join_a_link_an_insertion_or_a_field(tricky):
    body = docx.Document(io.BytesIO(tricky[3])).element.body
    for reference in body.iter(qn("w:commentReference")):
        assert reference.getparent().getparent().tag == qn("w:p")
    # the field's result is untouched: one run between "separate" and "end"
    field = next(p for p in body.iter(qn("w:p")) if p.find(".//" + qn("w:instrText")) is not None)
    pieces = [e for e in field.iter(qn("w:fldChar"), qn("w:r"))
              if e.tag == qn("w:fldChar") or e.find(qn("w:t")) is not None]
    kinds = [e.get(qn("w:fldCharType")) or "".join(t.text for t in e.iter(qn("w:t"))) for e in pieces]
    assert kinds[:4] == ["begin", "separate", "Our trust was rebuilt", "end"]


def test_show_chooses_the_comments(tricky):
    analysis = tricky[1]
    problems = feedback_notes(analysis, "problems")
    concepts = feedback_notes(analysis, "concepts")
    assert not any(n.text.startswith("Trust:") for n in problems)
    assert any(n.text.startswith('The author\'s name is spelt') for n in problems)
    assert not any(n.text.startswith('The author\'s name is spelt') for n in concepts)
    assert any(n.text.startswith("Trust:") for n in concepts)
    findings = {f.message for f in analysis.findings}
    assert findings <= {n.text for n in problems} and findings <= {n.text for n in concepts}


def test_cli_writes_a_copy_and_never_touches_the_original(tmp_path):
    source = tmp_path / "essay.docx"
    source.write_bytes(tricky_docx())
    before = (hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime_ns)
    result = CliRunner().invoke(main, ["annotate", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert (hashlib.sha256(source.read_bytes()).hexdigest(), source.stat().st_mtime_ns) == before
    copy = (tmp_path / "out" / "essay.annotated.docx").read_bytes()
    assert result.output.splitlines()[0] == f"{source}: {len(docx.Document(io.BytesIO(copy)).comments) - 1} comments"


@pytest.mark.parametrize("name", ["essay.pdf", "essay.md", "essay.txt", "essay"])
def test_other_formats_get_one_line(tmp_path, name):
    source = tmp_path / name
    source.write_text("Trust grew.")
    result = CliRunner().invoke(main, ["annotate", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "comments need a .docx or .odt" in result.stderr
    assert not (tmp_path / "out").exists()


def test_a_hostile_docx_is_refused_like_ingest_does(tmp_path):
    source = tmp_path / "bomb.docx"
    with zipfile.ZipFile(source, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (3 * 1024 * 1024))
    result = CliRunner().invoke(main, ["annotate", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "looks like a zip bomb" in result.stderr


@pytest.mark.slow
def test_libreoffice_opens_the_copy_with_every_comment(tricky, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui)")
        pytest.skip("LibreOffice is not installed")
    copy = tmp_path / "essay.annotated.docx"
    copy.write_bytes(tricky[3])
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(copy)],
                   check=True, capture_output=True, timeout=180)
    content = zipfile.ZipFile(tmp_path / "essay.annotated.odt").read("content.xml").decode()
    assert content.count("<office:annotation ") == tricky[4] + 1  # ours and the student's own
    assert content.count("<text:changed-region") == 2  # the insertion and the deletion


def test_batch_annotate_writes_a_commented_copy_per_docx(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.docx").write_bytes(tricky_docx())
    (folder / "b.txt").write_text("Trust grew between the partners (Huxam and Vangen, 2005).\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["batch", str(folder), "--out", str(out), "--jobs", "1", "-q",
                                       "--annotate", "--show", "all"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir() if p.suffix == ".docx") == ["a.annotated.docx"]
    assert ingest_bytes((out / "a.annotated.docx").read_bytes(), "a", "docx", suffix=".docx").text.startswith(
        "Reflections on partnership")
    assert len(docx.Document(out / "a.annotated.docx").comments) > 10
    index = (out / "index.html").read_text()
    assert 'href="a.annotated.docx"' in index
    import csv
    rows = {r["document"]: r for r in csv.DictReader(io.StringIO((out / "summary.csv").read_text()))}
    assert rows["a.docx"]["annotated"] == "a.annotated.docx" and rows["b.txt"]["annotated"] == ""


SENTENCE = "The partnership lacked trust at first, and the council held the power (Huxam and Vangen, 2005)."


def _one_paragraph_docx(pieces: list[tuple[str, bool]], extra_xml: str = "") -> bytes:
    from .docx_fixtures import _append, _run

    document = docx.Document()
    paragraph = document.add_paragraph()
    _append(paragraph, "".join(_run(text, bold) for text, bold in pieces) + extra_xml)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.mark.parametrize("cuts", [
    list(range(1, len(SENTENCE))),  # one character per run
    [3, 25, 26, 27, 40, 71, 80],  # mid-word, mid-citation
    [],
])
def test_runs_split_anywhere_still_anchor_exactly(analyser, cuts):
    bounds = [0, *cuts, len(SENTENCE)]
    pieces = [(SENTENCE[a:b], i % 2 == 1) for i, (a, b) in enumerate(zip(bounds, bounds[1:]))]
    data = _one_paragraph_docx(pieces)
    analysis = analyser.analyse_document(ingest_bytes(data, "s.docx", "docx", suffix=".docx"))
    notes = feedback_notes(analysis, "all")
    copy, placed = annotate_docx(data, analysis.document.text, notes)
    assert placed == len(notes) >= 3
    ranges = comment_ranges(copy)
    wanted = sorted(analysis.document.text[n.start:n.end] for n in notes)
    assert sorted(ranges.values()) == wanted
    body = docx.Document(io.BytesIO(copy)).element.body
    bold = "".join(t.text for r in body.iter(qn("w:r")) if r.find(qn("w:rPr")) is not None for t in r.iter(qn("w:t")))
    assert bold == "".join(text for text, is_bold in pieces if is_bold)  # formatting follows the characters


def test_an_unclosed_field_and_a_text_box_do_not_break_the_copy(analyser):
    text_box = ('<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent>'
                '<w:p><w:r><w:t>power in a box</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')
    data = _one_paragraph_docx([("Trust grew", False)],
                               '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t> and power</w:t></w:r>'
                               + text_box)
    analysis = analyser.analyse_document(ingest_bytes(data, "s.docx", "docx", suffix=".docx"))
    notes = feedback_notes(analysis, "concepts")
    copy, placed = annotate_docx(data, analysis.document.text, notes)
    ranges = comment_ranges(copy)
    assert "Trust" in ranges.values()
    assert all("box" not in text for text in ranges.values())  # text in a text box is not anchored
    assert ingest_bytes(copy, "c.docx", "docx", suffix=".docx").text == analysis.document.text


def test_a_text_file_named_docx_is_refused_by_its_content(tmp_path):
    source = tmp_path / "essay.docx"
    source.write_text("Trust grew between the partners.\n")
    result = CliRunner().invoke(main, ["annotate", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "is not a Word .docx document (a .docx file is a zip archive; this file is not one)" in result.stderr
    assert not (tmp_path / "out").exists()
