"""One test per row of docs/bad-inputs.md: each bad input through the real
command (`analyser analyse`), with the exact exit status and message.

A refused file must give exit status 1 and exactly one line on stderr,
"error: <file>: <problem>", and no traceback. A file the tool can read with a
repair or a guess must give exit status 0 and say what it did in the
result's `document.warnings`.
"""

from __future__ import annotations

import codecs
import json
import os
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import fixtures

DOCS = Path(__file__).resolve().parents[2] / "docs" / "bad-inputs.md"


@dataclass(frozen=True)
class Refused:
    """The file is refused with this problem (exact, or these fragments in order)."""

    problem: str
    exact: bool = True


@dataclass(frozen=True)
class Read:
    """The file is read; this warning (exact) is on the document, or none at
    all; `more`: the warnings after it."""

    warning: str | None = None
    more: tuple[str, ...] = ()


@dataclass(frozen=True)
class Row:
    id: str
    name: str
    content: Callable[[Path], bytes] | None  # None: the test makes the path itself
    outcome: Refused | Read
    args: tuple[str, ...] = ()


UTF16_REPLACED = ("1 invalid UTF-16{} sequence(s) (a lone surrogate or a cut-off character) were replaced "
                  "with U+FFFD (�)")


def _essay(_: Path) -> bytes:
    return fixtures.ESSAY.encode()


ROWS = [
    Row("missing file", "missing.txt", None, Refused("no such file")),
    Row("a folder", "folder.txt", None, Refused("is a folder, not a file (use 'analyser batch' for folders)")),
    Row("a pipe", "pipe.txt", None, Refused("is not a regular file (a device, pipe or socket)")),
    Row("empty file", "empty.txt", lambda _: b"", Refused("is empty (0 bytes)")),
    Row("whitespace only", "blank.txt", lambda _: b" \n\t\r\n   \n",
        Refused("contains only whitespace: no text to analyse")),
    Row("only a title", "title.txt", lambda _: b"Reflective essay on partnership working\n",
        Refused('has only a title ("Reflective essay on partnership working") and no text to analyse')),
    Row("only headings", "headings.md", lambda _: b"# Essay\n\n## Introduction\n\n## Conclusion\n",
        Refused("has only headings and no body text to analyse")),
    Row("binary file named .txt", "picture.txt", lambda _: fixtures.png_bytes(),
        Refused("looks like a binary file (24 NUL bytes), not text")),
    Row("control characters named .txt", "controls.txt", lambda _: bytes(range(1, 32)) * 20 + b"text",
        Refused("looks like a binary file, not text (83% control characters)")),
    Row("NUL bytes inside text", "nul.txt",
        lambda _: fixtures.ESSAY.encode().replace(b"trust", b"tr\x00ust", 1),
        Read("removed 1 NUL byte(s) from the text")),
    Row("Windows-1252 text (invalid UTF-8)", "cp1252.txt",
        lambda _: fixtures.ESSAY.replace("carers'", "carers\u2019").encode("cp1252"),
        Read("the file is not UTF-8; it was read as Windows-1252")),
    Row("UTF-8 with a broken byte", "broken.txt",
        lambda _: fixtures.ESSAY.replace("carers'", "carers\u2019 \u2018x\u2019").encode() + b"\xe2\x80",
        Read("1 invalid UTF-8 byte sequence(s) were replaced with U+FFFD (\ufffd)")),
    Row("UTF-16 LE without BOM", "utf16le.txt", lambda _: fixtures.ESSAY.encode("utf-16-le"),
        Read("the file has no byte-order mark; it was read as UTF-16-LE")),
    Row("UTF-16 BE without BOM", "utf16be.txt", lambda _: fixtures.ESSAY.encode("utf-16-be"),
        Read("the file has no byte-order mark; it was read as UTF-16-BE")),
    Row("UTF-16 without BOM, cut short", "utf16cut.txt", lambda _: fixtures.ESSAY.encode("utf-16-le")[:-1],
        Read("the file has no byte-order mark; it was read as UTF-16-LE", (UTF16_REPLACED.format("-LE"),))),
    Row("UTF-16 with a lone surrogate", "surrogate.txt",
        lambda _: codecs.BOM_UTF16_LE + fixtures.ESSAY.encode("utf-16-le").replace(b"t\x00", b"\x00\xd8", 1),
        Read(UTF16_REPLACED.format(""))),
    Row("only zero-width characters", "invisible.txt", lambda _: "\u200b\u200d\n\u00ad\ufeff\u200e".encode(),
        Refused("contains only invisible characters (zero-width spaces, joiners, soft hyphens, direction marks): "
                "no text to analyse")),
    Row("a run of 32,000 commas", "commas.txt", lambda _: b"Trust grew. " + b"," * 32_000, Read()),
    Row(".odt with text:c of 400,000,000 spaces", "spaces.odt", lambda _: fixtures.odt_bytes(
        '<text:p>Trust grew.</text:p>' + '<text:p>x<text:s text:c="400000000"/>y</text:p>' * 3),
        Refused("has over 8,000,000 characters of text, the limit")),
    Row(".odt heading with a negative outline level", "level.odt", lambda _: fixtures.odt_bytes(
        '<text:h text:outline-level="-3">Trust</text:h><text:p>Trust grew between the partners.</text:p>'), Read()),
    Row(".docx with 34 MB of XML", "bigxml.docx", lambda _: fixtures.docx_bytes(
        "".join(f"<w:p><w:r><w:t>T{(i * 7919) % 1000003}.</w:t></w:r></w:p>" for i in range(1_000_000))),
        Refused("has |bytes of XML in word/document.xml, over the limit of 33,554,432; refused before reading it",
                exact=False)),
    Row(".docx with a 12 MB text node", "textnode.docx", lambda _: fixtures.docx_paragraphs(
        ["".join(random.Random(1).choices("abcdefghij klmnopqrstuvwxyz", k=12_000_000))]),
        Refused("has over 10,000,000 characters of text in one XML element, over lxml's limit; refused")),
    Row(".docx with 120 nested tables", "nested.docx", lambda _: fixtures.docx_bytes(
        "<w:tbl><w:tr><w:tc>" * 120 + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>" * 120),
        Refused("is nested too deeply to read as .docx (XML elements over 256 levels deep, e.g. tables inside "
                "tables); refused")),
    Row(".docx with a 60,000-character element name", "longname.docx", lambda _: fixtures.docx_bytes(
        "<w:" + "a" * 60_000 + "/><w:p><w:r><w:t>x</w:t></w:r></w:p>"),
        Refused("has an XML element or attribute name over lxml's length limit; refused")),
    Row("PDF of 2,000 pages sharing one content stream", "shared.pdf",
        lambda _: fixtures.pdf_shared_content(2_000, 500),
        Refused("has over 8,000,000 characters of text, the limit")),
    Row("PDF of 50 pages sharing a 4,000-line stream (20 KB)", "bigstream.pdf",
        lambda _: fixtures.pdf_shared_content(50, 4_000),
        Refused("has over 8,000,000 characters of text, the limit")),
    Row("mixed line endings", "mixed.txt",
        lambda _: fixtures.ESSAY.replace("\n", "\r\n", 3).replace("\n\n", "\r\r", 1).encode(), Read()),
    Row(".docx that is not a zip", "essay.docx", _essay,
        Refused("is not a Word .docx document (a .docx file is a zip archive; this file is not one)")),
    Row("truncated .docx", "cut.docx", lambda _: fixtures.docx_essay()[:400],
        Refused("is not a readable .docx file: the zip archive is damaged or truncated")),
    Row("zip bomb: one part expands 1000 times", "bomb.docx", lambda _: fixtures.zip_bomb_ratio(),
        Refused("looks like a zip bomb: part 'word/document.xml' would expand | times (to 67,109,010 bytes); "
                "the limit is 200 times", exact=False)),
    Row("zip bomb: parts add up to over 256 MiB", "bomb2.docx", lambda _: fixtures.zip_bomb_total(),
        Refused("looks like a zip bomb: it would expand to over 268,435,456 bytes (the limit); "
                "refused before expanding")),
    Row(".docx with only images", "scan.docx", lambda _: fixtures.docx_only_image(),
        Refused("contains no text to analyse (only images, drawings or empty paragraphs?)")),
    Row("encrypted .docx or old .doc", "old.docx", lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
        Refused("is not a readable .docx file: it is password-protected or an old binary .doc; "
                "save an unprotected copy as .docx")),
    Row(".odt that is a zip of something else", "other.odt", lambda _: fixtures.zip_bytes({"a.txt": b"hello"}),
        Refused("is a zip archive but not an OpenDocument .odt document")),
    Row(".docx with entity declarations (billion laughs)", "laughs.docx", lambda _: fixtures.docx_billion_laughs(),
        Refused("word/document.xml declares XML entities; refused (entity expansion can exhaust memory)")),
    Row(".odt with entity declarations (billion laughs)", "laughs.odt", lambda _: fixtures.odt_billion_laughs(),
        Refused("content.xml declares XML entities; refused (entity expansion can exhaust memory)")),
    Row(".docx with an external entity (XXE)", "xxe.docx", lambda tmp: fixtures.docx_external_entity(tmp / "secret"),
        Refused("word/document.xml declares an external XML entity; refused "
                "(it could read local files or reach the network)")),
    Row(".odt with an external entity (XXE)", "xxe.odt", lambda tmp: fixtures.odt_external_entity(tmp / "secret"),
        Refused("content.xml declares an external XML entity; refused "
                "(it could read local files or reach the network)")),
    Row("password-protected PDF", "locked.pdf", lambda _: fixtures.pdf_bytes(encrypt=("owner", "user")),
        Refused("is password-protected; save an unprotected copy first")),
    Row("PDF encrypted without a user password", "owner.pdf",
        lambda _: fixtures.pdf_bytes(encrypt=("owner", "")), Read()),
    Row("scanned PDF (no text layer)", "scan.pdf", lambda _: fixtures.pdf_scanned(),
        Refused("has no extractable text — is this a scan?")),
    Row("truncated PDF", "cut.pdf", lambda _: fixtures.pdf_bytes()[:700],
        Refused("is not a readable PDF (|); it looks truncated (no %%EOF at the end)", exact=False)),
    Row("PDF over the page limit", "long.pdf", lambda _: fixtures.pdf_many_pages(2001),
        Refused("has 2,001 pages, more than the limit of 2,000 (--max-pages)")),
    Row("PDF over --max-pages", "four.pdf", lambda _: fixtures.pdf_many_pages(4),
        Refused("has 4 pages, more than the limit of 3 (--max-pages)"), ("--max-pages", "3")),
    Row("file over the size limit", "big.txt", None,
        Refused("is 20,971,521 bytes, over the limit of 20,971,520 (--max-bytes)")),
    Row("file over --max-bytes", "small.txt", _essay,
        Refused("is 397 bytes, over the limit of 100 (--max-bytes)"), ("--max-bytes", "100")),
    Row("unknown extension, text inside", "essay.unknown", _essay,
        Read("unknown file type '.unknown'; it was read as plain text")),
    Row("unknown extension, .docx inside", "essay.bin", lambda _: fixtures.docx_essay(),
        Read("its name ends in '.bin' but it is a Word .docx document; it was read as .docx")),
    Row("PDF named .docx", "really-pdf.docx", lambda _: fixtures.pdf_bytes(),
        Read("its name ends in '.docx' but it is a PDF; it was read as .pdf")),
    Row("unknown extension, binary inside", "picture.png", lambda _: fixtures.png_bytes(),
        Refused("has an unknown file type '.png' and is not text; "
                "supported: .docx, .markdown, .md, .odt, .pdf, .srt, .text, .txt, .vtt")),
    Row("RTF document", "essay.rtf", lambda _: b"{\\rtf1\\ansi Partnership essay}",
        Refused("is an RTF document, not a supported format; open it in a word processor and save it as .docx")),
    Row("text that is not English", "essai.txt", lambda _: (
        "Le partenariat entre les organisations repose sur la confiance et une vision partagée. "
        "Les professionnels doivent apprendre à travailler ensemble, malgré les différences de culture "
        "et de pouvoir. Dans le cas de Jasmine, la travailleuse sociale a ressenti une menace pour son "
        "identité professionnelle lorsque son équipe a été intégrée au service de santé.\n").encode(),
        Read("text does not look like English; the lexicon is English")),
    Row("file name with control characters", "evil\n\x1b[31mname.txt", None,
        Refused("no such file")),
]


def _make(row: Row, tmp_path: Path) -> Path:
    path = tmp_path / row.name
    if row.content is not None:
        path.write_bytes(row.content(tmp_path))
    elif row.id == "a folder":
        path.mkdir()
    elif row.id == "a pipe":
        os.mkfifo(path)
    elif row.id == "file over the size limit":
        with path.open("wb") as handle:  # sparse: refused from its size, never read
            handle.truncate(20 * 1024 * 1024 + 1)
    return path


def _matches(problem: str, expected: Refused) -> bool:
    if expected.exact:
        return problem == expected.problem
    pattern = ".*".join(re.escape(part) for part in expected.problem.split("|"))
    return re.fullmatch(pattern, problem) is not None


@pytest.mark.parametrize("row", ROWS, ids=[r.id for r in ROWS])
def test_bad_input(row: Row, tmp_path: Path, run_cli) -> None:
    path = _make(row, tmp_path)
    result = run_cli("analyse", path, "--format", "json", "--out", "-", *row.args)
    assert result.exception is None, f"traceback: {result.exception!r}"
    if isinstance(row.outcome, Refused):
        assert result.exit_code == 1
        assert result.stdout == ""
        assert len(result.error_lines) == 1, result.stderr
        shown = str(path).replace("\n", "\\n").replace("\x1b", "\\x1b")
        prefix = f"error: {shown}: "
        line = result.error_lines[0]
        assert line.startswith(prefix), line
        assert _matches(line[len(prefix):], row.outcome), line
    else:
        assert result.exit_code == 0, result.stderr
        document = json.loads(result.stdout)["document"]
        expected = [row.outcome.warning, *row.outcome.more] if row.outcome.warning else []
        assert document["warnings"] == expected


@pytest.mark.parametrize("row", [r for r in ROWS if isinstance(r.outcome, Refused)], ids=lambda r: r.id)
def test_documented(row: Row) -> None:
    """docs/bad-inputs.md shows every refusal message as the tool prints it."""
    docs = DOCS.read_text(encoding="utf-8")
    assert row.id in docs
    for part in row.outcome.problem.split("|"):
        assert part.strip() in docs.replace("\\|", "|"), part


def test_read_rows_are_documented() -> None:
    docs = DOCS.read_text(encoding="utf-8").replace("\\|", "|")
    for row in ROWS:
        if isinstance(row.outcome, Read):
            assert row.id in docs
            if row.outcome.warning:
                assert row.outcome.warning in docs, row.id


def test_nul_bytes_removed_and_words_rejoined(tmp_path: Path, run_cli) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(fixtures.ESSAY.encode().replace(b"trust", b"tr\x00ust", 1))
    document = json.loads(run_cli("analyse", path, "--format", "json", "--out", "-").stdout)["document"]
    assert "\x00" not in document["text"]
    assert document["text"] == fixtures.ESSAY


def test_mixed_line_endings_offsets(tmp_path: Path, run_cli) -> None:
    """Every line ending becomes "\\n", so offsets count one character per line end."""
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Title\r\n\r\nFirst paragraph about trust.\rSecond line.\n\nLast one.\r\n")
    analysis = json.loads(run_cli("analyse", path, "--format", "json", "--out", "-").stdout)
    text = analysis["document"]["text"]
    assert text == "Title\n\nFirst paragraph about trust.\nSecond line.\n\nLast one.\n"
    spans = [text[p["start"] : p["end"]] for p in analysis["document"]["paragraphs"]]
    assert spans == ["Title", "First paragraph about trust.\nSecond line.", "Last one."]


def test_five_megabyte_single_line(tmp_path: Path, run_cli) -> None:
    """A whole essay saved without line breaks, repeated to 5 MB: one block,
    analysed end to end."""
    line = fixtures.ESSAY.replace("\n", " ")
    size = 5 * 1024 * 1024
    path = tmp_path / "one-line.txt"
    path.write_text((line * (size // len(line) + 1))[:size], encoding="utf-8")
    started = time.perf_counter()
    result = run_cli("analyse", path, "--format", "json", "--out", "-")
    elapsed = time.perf_counter() - started
    assert result.exit_code == 0, result.stderr
    analysis = json.loads(result.stdout)
    assert len(analysis["document"]["text"]) == size
    assert len(analysis["document"]["paragraphs"]) == 1
    assert len(analysis["mentions"]) > 10_000
    assert elapsed < 120, f"{elapsed:.0f} s"


def test_huge_table_docx(tmp_path: Path, run_cli) -> None:
    """2,000 rows x 5 columns: one block per cell, read and analysed."""
    path = tmp_path / "table.docx"
    path.write_bytes(fixtures.docx_huge_table(2000, 5))
    result = run_cli("analyse", path, "--format", "json", "--out", "-")
    assert result.exit_code == 0, result.stderr
    blocks = json.loads(result.stdout)["document"]["paragraphs"]
    assert len(blocks) == 1 + 2000 * 5
    assert sum(b["kind"] == "table_cell" for b in blocks) == 10_000


def test_nested_table_read_once(tmp_path: Path) -> None:
    from analyser.ingest import ingest

    inner = "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Inner cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    outer = (f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Outer cell</w:t></w:r></w:p>{inner}</w:tc>"
             "<w:tc><w:p><w:r><w:t>Second cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>")
    path = tmp_path / "nested.docx"
    path.write_bytes(fixtures.docx_bytes(fixtures.paragraphs_xml(["A paragraph before the table."]) + outer))
    document = ingest(path)
    cells = [document.text[b.start : b.end] for b in document.blocks if b.kind == "table_cell"]
    assert cells == ["Outer cell", "Inner cell", "Second cell"]


def test_stdin_empty(run_cli) -> None:
    result = run_cli("analyse", "-", "--format", "json", "--out", "-", stdin=b"")
    assert (result.exit_code, result.error_lines) == (1, ["error: -: is empty (0 bytes)"])


def test_stdin_pdf_is_sniffed(run_cli) -> None:
    """A PDF piped in is read as a PDF, without a warning: nothing was claimed."""
    result = run_cli("analyse", "-", "--format", "json", "--out", "-", stdin=fixtures.pdf_bytes())
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)["document"]
    assert (document["format"], document["warnings"]) == ("pdf", [])


def test_stdin_over_limit_is_not_read_whole(run_cli) -> None:
    result = run_cli("analyse", "-", "--max-bytes", "10", "--format", "json", "--out", "-", stdin=b"x" * 1000)
    assert result.error_lines == ["error: -: is over the limit of 10 bytes (--max-bytes)"]


DROP_FILE_CAPABILITIES = ["--inh-caps=-dac_override,-dac_read_search",
                          "--bounding-set=-dac_override,-dac_read_search"]


def test_no_read_permission(tmp_path: Path, run_cli) -> None:
    """A file of mode 000. Root reads any file, so as root the command runs in a
    child process that keeps uid 0 but drops the capabilities that bypass file
    permissions (setpriv, util-linux); as anyone else, in-process."""
    import shutil
    import subprocess
    import sys

    path = tmp_path / "locked.txt"
    path.write_bytes(fixtures.ESSAY.encode())
    path.chmod(0o000)
    expected = f"error: {path}: cannot be read (permission denied)"
    if os.geteuid() != 0:
        result = run_cli("analyse", path, "--format", "json", "--out", "-")
        assert (result.exit_code, result.error_lines) == (1, [expected])
        return
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv (util-linux): cannot make a file unreadable")
    command = [setpriv, *DROP_FILE_CAPABILITIES, sys.executable, "-m", "analyser",
               "analyse", str(path), "--format", "json", "--out", "-"]
    child = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if "setpriv:" in child.stderr:
        pytest.skip(f"setpriv cannot drop capabilities here: {child.stderr.strip()}")
    assert child.returncode == 1, child.stderr
    assert child.stdout == ""
    assert child.stderr.splitlines() == [expected]
