"""Feedback as ODF annotations on a copy of an .odt (analyser/annotate_odt.py)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile

import pytest
from click.testing import CliRunner
from lxml import etree
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import H, Note, NoteBody, NoteCitation, P, S, Span

from analyser.annotate import feedback_notes
from analyser.annotate_odt import OFFICE, TEXT, annotate_odt
from analyser.cli import main
from analyser.ingest import ingest_bytes


def tricky_odt() -> bytes:
    document = OpenDocumentText()
    bold = Style(name="Bold", family="text")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    document.text.addElement(H(outlinelevel=1, text="Reflections on partnership"))
    first = P(text="At first the team lacked tr")
    first.addElement(Span(stylename=bold, text="ust"))
    first.addText(",")
    first.addElement(S(c=3))
    first.addText("and the council held the power (Huxam and Vangen, 2005).")
    note = Note(noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="A footnote about trust."))
    note.addElement(body)
    first.addElement(note)
    document.text.addElement(first)
    document.text.addElement(H(outlinelevel=1, text="References"))
    document.text.addElement(P(text="Huxham, C. and Vangen, S. (2005) Managing to collaborate. Abingdon: Routledge."))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def annotation_ranges(data: bytes) -> dict[str, str]:
    """Annotation name -> the text between it and its end, as ingest would read it."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("content.xml"))
    open_names: list[str] = []
    found: dict[str, list[str]] = {}
    skip = {f"{{{OFFICE}}}annotation", f"{{{TEXT}}}note"}

    def walk(element) -> None:
        for child in element:
            if child.tag == f"{{{OFFICE}}}annotation":
                open_names.append(child.get(f"{{{OFFICE}}}name"))
                found[open_names[-1]] = []
            elif child.tag == f"{{{OFFICE}}}annotation-end":
                open_names.remove(child.get(f"{{{OFFICE}}}name"))
            elif child.tag == f"{{{TEXT}}}s":
                for name in open_names:
                    found[name].append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
            elif child.tag not in skip:
                for name in open_names:
                    found[name].append(child.text or "")
                walk(child)
            if child.tail:
                for name in open_names:
                    found[name].append(child.tail)

    walk(root)
    return {name: "".join(parts) for name, parts in found.items()}


@pytest.fixture(scope="module")
def annotated(analyser):
    data = tricky_odt()
    analysis = analyser.analyse_document(ingest_bytes(data, "t.odt", "odt", suffix=".odt"))
    notes = feedback_notes(analysis, "all")
    copy, placed = annotate_odt(data, analysis.document.text, notes)
    return data, analysis, notes, copy, placed


def test_every_note_is_an_annotation_on_its_span(annotated):
    data, analysis, notes, copy, placed = annotated
    assert placed == len(notes) > 5
    ranges = annotation_ranges(copy)
    assert sorted(ranges.values()) == sorted(analysis.document.text[n.start:n.end] for n in notes)
    assert "trust" in ranges.values() and "(Huxam and Vangen, 2005)" in ranges.values()


def test_the_copy_reads_as_the_same_text_and_keeps_the_rest(annotated):
    data, analysis, _, copy, _ = annotated
    assert ingest_bytes(copy, "c.odt", "odt", suffix=".odt").text == analysis.document.text
    original, commented = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(copy))
    assert commented.namelist() == original.namelist() and commented.namelist()[0] == "mimetype"
    assert commented.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
    for name in original.namelist():
        if name != "content.xml":
            assert commented.read(name) == original.read(name)
    content = commented.read("content.xml").decode()
    assert content.count('text:style-name="Bold"') == 1 and 'text:style-name="Bold">ust<' in content  # not split
    assert "A footnote about trust." in content


def test_cli_annotates_an_odt(tmp_path):
    source = tmp_path / "essay.odt"
    source.write_bytes(tricky_odt())
    before = source.read_bytes()
    result = CliRunner().invoke(main, ["annotate", str(source), "--out", str(tmp_path / "out"), "--show", "all"])
    assert result.exit_code == 0, result.output
    assert source.read_bytes() == before
    assert annotation_ranges((tmp_path / "out" / "essay.annotated.odt").read_bytes())


@pytest.mark.slow
def test_libreoffice_reads_the_annotations(annotated, tmp_path):
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice is not installed (.ci/run installs libreoffice-writer-nogui)")
        pytest.skip("LibreOffice is not installed")
    copy = tmp_path / "essay.annotated.odt"
    copy.write_bytes(annotated[3])
    subprocess.run([soffice, "--headless", "--norestore", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "docx", "--outdir", str(tmp_path), str(copy)],
                   check=True, capture_output=True, timeout=180)
    import docx

    comments = docx.Document(str(tmp_path / "essay.annotated.docx")).comments
    assert len(comments) == annotated[4]
    assert {c.author for c in comments} == {"analyser"}
