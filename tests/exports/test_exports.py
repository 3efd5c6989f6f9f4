"""Exports for QDA programs: a .qdpx whose project.qde is valid against the
REFI-QDA schema and reads back through our importer with identical codings
(CRLF text, accented names and emoji keep exact offsets), CSV and JSON Lines
one row per coded segment, and the .qdc codebook."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from analyser.cli import main
from analyser.exports import build_qdc, build_qdpx, coded_segments, read_codings, write_table
from analyser.exports.codings import newline_map
from analyser.ingest import ingest
from analyser.lexicon import load_lexicon

# The published REFI-QDA schema (MIT licence, notice inside), copied from
# ../shared/refi-qda/ so the suite runs on a clean clone.
XSD = Path(__file__).resolve().parent / "Project-mrt2019.xsd"
NS = "urn:QDA-XML:project:1.0"

# CRLF line ends, accented names, an emoji before a coded word, a two-voice VTT
TRANSCRIPT = ("Interview 7\r\n\r\n[00:00:05] Chloé Dupont: 🙂 We never trusted the board.\r\n"
              "[00:00:09] Søren: There was no shared vision 👍🏽 and power sat with them.\r\n")
VTT = ("WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Ann>We trust them.\n<v Bob>I don't — no shared vision.\n")


@pytest.fixture(scope="module")
def results(analyser, tmp_path_factory):
    folder = tmp_path_factory.mktemp("docs")
    (folder / "interview.txt").write_bytes(TRANSCRIPT.encode("utf-8"))
    (folder / "meeting.vtt").write_text(VTT, encoding="utf-8")
    names = ("interview.txt", "meeting.vtt")
    return folder, [(name, analyser.analyse_document(ingest(folder / name))) for name in names]


def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD)))


def test_project_is_valid_against_the_refi_qda_schema(results):
    _, analyses = results
    with zipfile.ZipFile(io.BytesIO(build_qdpx(analyses))) as archive:
        project = etree.fromstring(archive.read("project.qde"))
        names = archive.namelist()
    validator = schema()
    assert validator.validate(project), validator.error_log
    sources = project.findall(f"{{{NS}}}Sources/{{{NS}}}TextSource")
    assert [s.get("name") for s in sources] == ["interview.txt", "meeting.vtt"]
    assert sorted(names) == sorted(["project.qde"] + [f"sources/{s.get('guid')}.txt" for s in sources])
    codes = project.findall(f"{{{NS}}}CodeBook/{{{NS}}}Codes/{{{NS}}}Code")
    assert [(c.get("name"), c.get("color")) for c in codes][:2] == [
        ("Identity threats", "#D55E00"), ("Trust", "#0072B2")]
    assert [child.get("name") for child in codes[1].findall(f"{{{NS}}}Code")] == ["Trust: present", "Trust: absent"]
    users = project.findall(f"{{{NS}}}Users/{{{NS}}}User")
    assert [u.get("name") for u in users] == ["analyser"]
    cases = project.findall(f"{{{NS}}}Cases/{{{NS}}}Case")
    assert [c.get("name") for c in cases] == ["Chloé Dupont", "Søren", "Ann", "Bob"]


def test_a_broken_project_fails_the_schema(results):
    """The validation can fail: a selection without its required endPosition does."""
    _, analyses = results
    with zipfile.ZipFile(io.BytesIO(build_qdpx(analyses))) as archive:
        project = etree.fromstring(archive.read("project.qde"))
    del project.find(f".//{{{NS}}}PlainTextSelection").attrib["endPosition"]
    assert not schema().validate(project)


def test_offsets_are_exact_in_the_exported_text_and_round_trip(results, tmp_path):
    _, analyses = results
    path = tmp_path / "project.qdpx"
    path.write_bytes(build_qdpx(analyses))
    with zipfile.ZipFile(path) as archive:
        project = etree.fromstring(archive.read("project.qde"))
        for source in project.iter(f"{{{NS}}}TextSource"):
            text = archive.read("sources/" + source.get("plainTextPath").removeprefix("internal://")).decode("utf-8")
            for selection in source.iter(f"{{{NS}}}PlainTextSelection"):
                start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
                assert text[start:end] == selection.get("name")
    coded = read_codings(path, analyses[0][1].concepts)
    expected = [(name, m.start, m.end, m.concept, m.polarity, "analyser", m.text)
                for name, analysis in analyses for m in analysis.mentions]
    assert [(c.document, c.start, c.end, c.concept, c.polarity, c.coder, c.text) for c in coded.codings] == expected
    # the emoji before "trusted" counts as one character, and CRLF became one "\n"
    interview = coded.documents["interview.txt"]
    assert interview.index("trusted") == TRANSCRIPT.replace("\r\n", "\n").index("trusted")
    assert ("interview.txt", "trusted") in {(c.document, c.text) for c in coded.codings}


def test_a_foreign_project_with_crlf_text_maps_offsets_to_the_text_as_read(tmp_path):
    """Another program stores the text with CRLF and counts "\\r\\n" as two characters."""
    raw = "Ann: We trust them.\r\nBob: 🙂 Power is shared.\r\n"
    start = raw.index("Power")
    project = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="p"><Users><User guid="00000000-0000-0000-0000-000000000001" name="Jo"/></Users>
<CodeBook><Codes><Code guid="00000000-0000-0000-0000-00000000000a" name="Power" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="00000000-0000-0000-0000-0000000000b1" name="m.txt" plainTextPath="internal://m.txt">
<PlainTextSelection guid="00000000-0000-0000-0000-0000000000c1" startPosition="{start}" endPosition="{start + 5}">
<Coding guid="00000000-0000-0000-0000-0000000000d1" creatingUser="00000000-0000-0000-0000-000000000001">
<CodeRef targetGUID="00000000-0000-0000-0000-00000000000a"/></Coding></PlainTextSelection></TextSource></Sources>
</Project>"""
    assert schema().validate(etree.fromstring(project.encode()))
    path = tmp_path / "foreign.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", project)
        archive.writestr("sources/m.txt", raw.encode("utf-8"))
    coded = read_codings(path, load_concepts())
    [coding] = coded.codings
    assert (coding.concept, coding.coder, coding.text) == ("power", "Jo", "Power")
    assert coded.documents["m.txt"][coding.start : coding.end] == "Power"


def load_concepts():
    from analyser.model import ConceptInfo

    return [ConceptInfo(c.id, c.label, c.colour, c.description) for c in load_lexicon(None).concepts]


def test_newline_map():
    text, to_text = newline_map("a\r\nb\rc\r\nd")
    assert text == "a\nb\nc\nd"
    assert [to_text(i) for i in (0, 1, 3, 5, 6, 8)] == [0, 1, 2, 4, 5, 6]


def test_csv_one_row_per_coded_segment_reads_back(results, tmp_path):
    _, analyses = results
    rows = [row for name, analysis in analyses for row in coded_segments(analysis, name)]
    text = write_table(rows, "csv")
    parsed = list(csv.DictReader(io.StringIO(text)))
    first = parsed[0]
    assert {k: first[k] for k in ("document", "speaker", "time", "concept", "polarity", "segment")} == {
        "document": "interview.txt", "speaker": "Chloé Dupont", "time": "00:00:05", "concept": "trust",
        "polarity": "absent", "segment": "trusted"}
    assert first["sentence"] == "🙂 We never trusted the board."
    path = tmp_path / "codings.csv"
    path.write_text(text, encoding="utf-8", newline="")
    back = read_codings(path)
    assert [(c.document, c.start, c.end, c.concept, c.polarity) for c in back.codings] == [
        (r.document, r.start, r.end, r.concept, r.polarity) for r in rows]


def test_csv_for_excel_has_a_bom_and_quotes_formulas(results):
    _, analyses = results
    rows = coded_segments(analyses[0][1], "=cmd.txt")
    text = write_table(rows, "csv", bom=True)
    assert text.startswith("\ufeffdocument,")
    assert list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))[0]["document"] == "'=cmd.txt"
    assert write_table(rows, "csv").splitlines()[1].startswith("=cmd.txt,")  # plain CSV: the data as it is


def test_jsonl_has_numbers_as_numbers(results):
    _, analyses = results
    records = [json.loads(line) for line in write_table(coded_segments(analyses[1][1], "meeting.vtt"), "jsonl")
               .splitlines()]
    assert [(r["speaker"], r["segment"], r["score"], type(r["start"])) for r in records] == [
        ("Ann", "trust", None, int), ("Bob", "shared vision", None, int)]


def test_codebook_from_the_lexicon():
    data = build_qdc(load_lexicon(None))
    root = etree.fromstring(data)
    assert root.tag == "{urn:QDA-XML:codebook:1.0}CodeBook"
    # same structure as the project's CodeBook: valid once placed in a project
    project = etree.fromstring(f'<Project xmlns="{NS}" name="check"/>'.encode())
    project.append(etree.fromstring(data.replace(b"urn:QDA-XML:codebook:1.0", NS.encode())))
    assert schema().validate(project), schema().error_log
    trust = root.findall("{urn:QDA-XML:codebook:1.0}Codes/{urn:QDA-XML:codebook:1.0}Code")[1]
    description = trust.find("{urn:QDA-XML:codebook:1.0}Description").text
    assert "Terms: " in description and "mistrust" in description


def test_export_command_writes_each_format(results, tmp_path):
    folder, _ = results
    runner = CliRunner()
    for fmt in ("csv", "jsonl", "qdpx"):
        out = tmp_path / f"out.{fmt}"
        result = runner.invoke(main, ["export", str(folder), "--to", fmt, "--out", str(out), "--no-model"])
        assert result.exit_code == 0, result.output
        assert f"wrote {out}: 5 coded segments from 2 document(s)" in result.output
    result = runner.invoke(main, ["export", "--to", "qdc", "--out", str(tmp_path / "c.qdc")])
    assert result.exit_code == 0 and (tmp_path / "c.qdc").read_bytes().startswith(b"<?xml")
    result = runner.invoke(main, ["import-codings", str(tmp_path / "out.qdpx")])
    assert result.exit_code == 0
    assert "5 codings of 2 document(s) by 1 coder(s)" in result.output
    assert "analyser: power 1, trust 2, vision 2" in result.output


def test_export_goes_on_past_a_bad_file(results, tmp_path):
    folder, _ = results
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "good.txt").write_text("Ann: We trust them.\nBob: Power is shared.\n", encoding="utf-8")
    (bad / "broken.vtt").write_text("not a caption file\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(bad), "--to", "csv", "--out", str(tmp_path / "o.csv")])
    assert result.exit_code == 1
    assert "broken.vtt: is not a WebVTT file: it must begin with the line WEBVTT" in result.stderr
    assert "from 1 document(s)" in result.stdout


def test_export_reads_saved_results(results, tmp_path):
    """A saved .json result is exported without analysing again, under its own source name."""
    from analyser.output import to_json

    _, analyses = results
    saved = tmp_path / "saved.json"
    saved.write_text(to_json(analyses[1][1].to_dict()), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    result = CliRunner().invoke(main, ["export", str(saved), "--to", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["document"] for r in records} == {analyses[1][1].document.metadata.source}
    assert [r["segment"] for r in records] == ["trust", "shared vision"]


def test_export_includes_model_suggestions_unless_told_not_to(results, tmp_path):
    """Model suggestions are coded segments too, told apart by their origin."""
    folder, _ = results
    out = tmp_path / "all.jsonl"
    result = CliRunner().invoke(main, ["export", str(folder), "--to", "jsonl", "--out", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert sum(row["origin"] == "lexicon" for row in rows) == 5
    assert {row["origin"] for row in rows} <= {"lexicon", "model"}
