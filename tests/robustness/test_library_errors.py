"""Every library error becomes the tool's own InputError: pypdf's
DependencyError (not a PdfReadError), python-docx's package errors, odfpy's
XML errors, and anything else a parser raises on a hostile file."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from pathlib import Path

import pytest
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

import analyser.ingest as ingest_module
import analyser.ingest.pdf as pdf_reader
from analyser.errors import InputError, printable
from analyser.ingest import ingest, ingest_bytes

from . import fixtures


def _problem(data: bytes, fmt: str) -> str:
    with pytest.raises(InputError) as caught:
        ingest_bytes(data, f"file.{fmt}", fmt)
    return caught.value.problem


class _Raises:
    def __init__(self, error: BaseException) -> None:
        self.error = error

    def __call__(self, *args: object, **kwargs: object) -> None:
        raise self.error


@pytest.mark.parametrize("error,problem", [
    (DependencyError("cryptography is required for AES algorithm"),
     "is encrypted with AES, which needs the 'cryptography' package (pypdf[crypto]); "
     "reinstall analyser or save an unprotected copy"),
    (FileNotDecryptedError("File has not been decrypted"), "is encrypted; save an unprotected copy first"),
    (PdfReadError("Invalid Elementary Object starting with b'x'"), "is not a readable PDF (PdfReadError)"),
    (KeyError("/Root"), "is not a readable PDF (KeyError)"),
])
def test_pypdf_open_errors(error: Exception, problem: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """DependencyError is not a PdfReadError: it needs its own mapping."""
    assert not isinstance(DependencyError(), PdfReadError)
    monkeypatch.setattr(pdf_reader, "PdfReader", _Raises(error))
    assert _problem(fixtures.pdf_bytes(), "pdf") == problem


def test_pypdf_error_while_extracting(monkeypatch: pytest.MonkeyPatch) -> None:
    from pypdf import PageObject

    monkeypatch.setattr(PageObject, "extract_text", _Raises(ValueError("bad content stream")))
    assert _problem(fixtures.pdf_bytes(), "pdf") == "is a damaged PDF (ValueError)"


def test_aes_256_pdf_with_owner_password_only_is_read() -> None:
    """AES-256 needs the cryptography package, a declared dependency (pypdf[crypto])."""
    data = fixtures.pdf_bytes(encrypt=("owner", ""), method="AES_256")
    assert "Partnership working depends on trust" in ingest_bytes(data, "aes.pdf", "pdf").text


def test_pypdf_log_kept_as_a_warning_not_printed(capsys: pytest.CaptureFixture[str]) -> None:
    """pypdf logs what it repairs; it must not reach stderr, and it is recorded."""
    data = fixtures.pdf_bytes()
    damaged = re.sub(rb"startxref\n(\d+)", b"startxref\n0", data)  # pypdf rebuilds the xref table
    document = ingest_bytes(damaged, "repaired.pdf", "pdf")
    assert capsys.readouterr().err == ""
    assert len(document.warnings) == 1
    assert document.warnings[0].startswith("the PDF is damaged; pypdf repaired it (2 problem(s), first: incorrect")
    assert "Partnership working depends on trust" in document.text
    assert logging.getLogger("pypdf").propagate is True  # restored after reading


def test_python_docx_errors() -> None:
    """A zip with a Word-looking name list but no main document part."""
    data = fixtures.zip_bytes({"word/document.xml": b"<x/>"})
    assert _problem(data, "docx").startswith("is not a readable .docx file (")


def test_macro_enabled_docx() -> None:
    data = fixtures.docx_essay()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content_types = archive.read("[Content_Types].xml").decode()
    content_types = content_types.replace("wordprocessingml.document.main+xml",
                                          "ms-word.document.macroEnabled.main+xml")
    data = fixtures.replace_members(data, {"[Content_Types].xml": content_types.encode()})
    assert _problem(data, "docx") == "is a macro-enabled Word document (.docm); save it as .docx"


def test_odfpy_errors() -> None:
    """An .odt whose content.xml is not XML."""
    data = fixtures.replace_members(fixtures.odt_essay(), {"content.xml": b"not xml at all"})
    assert _problem(data, "odt") == "has malformed XML in content.xml (line 1)"


def test_deep_nesting_is_an_input_error() -> None:
    body = "<text:p>" + "<text:span>" * 5000 + "Deep text." + "</text:span>" * 5000 + "</text:p>"
    assert _problem(fixtures.odt_bytes(body), "odt") == "is nested too deeply to read as .odt"


@pytest.mark.parametrize("error,problem", [
    (RecursionError(), "is nested too deeply to read as .docx"),
    (MemoryError(), "is too large to read as .docx in memory"),
    (AttributeError("'NoneType' object has no attribute 'x'"), "could not be read as .docx (AttributeError)"),
    (IndexError("list index out of range"), "could not be read as .docx (IndexError)"),
])
def test_any_reader_error_becomes_an_input_error(
    error: BaseException, problem: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The boundary in ingest/__init__.py: whatever a reader raises."""
    monkeypatch.setattr(ingest_module, "read_docx", _Raises(error))
    assert _problem(fixtures.docx_essay(), "docx") == problem


def test_keyboard_interrupt_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ingest_module, "read_docx", _Raises(KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        ingest_bytes(fixtures.docx_essay(), "file.docx", "docx")


def test_os_errors_while_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "essay.txt"
    path.write_text(fixtures.ESSAY)

    def broken_open(self: Path, *args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "open", broken_open)
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert caught.value.problem == "cannot be read (Input/output error)"


def test_nul_in_file_name() -> None:
    with pytest.raises(InputError) as caught:
        ingest("essay\x00.txt")
    assert caught.value.problem == "is not a valid file name"
    assert str(caught.value) == "essay\\x00.txt: is not a valid file name"


def test_printable_makes_every_control_visible() -> None:
    assert printable("a\nb\r\x1b[2J\u202eevil\u2066") == "a\\nb\\r\\x1b[2J\\u202eevil\\u2066"
    assert printable("naïve café — “quoted”") == "naïve café — “quoted”"
