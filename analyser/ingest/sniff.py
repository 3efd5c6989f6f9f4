"""What a file really is, from its first bytes.

Why: a file name is a claim, not a fact. Students rename files ("essay.pdf"
saved as "essay.docx"), tools drop extensions, and a hostile file can carry
any name. Each reader is only ever given content that looks like its format;
content that matches another supported format is read as that format (with a
warning, so nothing happens silently); anything else gets a one-line error
that says what the file seems to be.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from analyser.errors import InputError
from analyser.ingest.archive import ENCRYPTED

PDF, DOCX, ODT = "pdf", "docx", "odt"
ZIP, DAMAGED_ZIP, ENCRYPTED_ZIP = "zip", "damaged zip", "encrypted zip"
OLE, RTF, UNKNOWN = "ole", "rtf", "unknown"
BINARY_KINDS = {PDF, DOCX, ODT}

LABELS = {
    PDF: "a PDF",
    DOCX: "a Word .docx document",
    ODT: "an OpenDocument .odt document",
    ZIP: "a zip archive",
    DAMAGED_ZIP: "a damaged or truncated zip archive",
    ENCRYPTED_ZIP: "a password-protected zip archive",
    OLE: "an old-style Office file (.doc, or a password-protected .docx/.xlsx)",
    RTF: "an RTF document",
}

TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".vtt": "vtt", ".srt": "srt"}
BINARY_FORMATS = {".docx": DOCX, ".odt": ODT, ".pdf": PDF}
SUPPORTED_SUFFIXES = sorted({**TEXT_FORMATS, **BINARY_FORMATS})
SUPPORTED = "supported: " + ", ".join(SUPPORTED_SUFFIXES)

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")  # first member, or an empty archive
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_SMALL_MEMBER = 4096  # "mimetype" and [Content_Types].xml are read only if this small


def sniff(data: bytes) -> str:
    """The kind of content: PDF, DOCX, ODT, ZIP, DAMAGED_ZIP, ENCRYPTED_ZIP, OLE, RTF or UNKNOWN
    (UNKNOWN may still be text: decoding decides)."""
    if data[:1024].lstrip(b"\x00\t\n\r\x0c ").startswith(b"%PDF-"):
        return PDF
    if data.startswith(_ZIP_MAGICS):
        return _zip_kind(data)
    if data.startswith(_OLE_MAGIC):
        return OLE
    if data.startswith(b"{\\rtf"):
        return RTF
    return UNKNOWN


def _zip_kind(data: bytes) -> str:
    """DOCX, ODT, ZIP, DAMAGED_ZIP or ENCRYPTED_ZIP. Only the central directory and members of a
    few bytes are read: nothing large is expanded here."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = {info.filename: info for info in archive.infolist()}
            if any(info.flag_bits & 0x1 for info in infos.values()):
                return ENCRYPTED_ZIP
            if "word/document.xml" in infos:
                return DOCX
            mimetype = infos.get("mimetype")
            if mimetype is not None and mimetype.file_size <= _SMALL_MEMBER:
                if archive.read(mimetype).strip() == _ODT_MIMETYPE:
                    return ODT
            types = infos.get("[Content_Types].xml")
            if types is not None and types.file_size <= _SMALL_MEMBER * 4:
                if b"wordprocessingml.document.main" in archive.read(types):
                    return DOCX
            if "content.xml" in infos and mimetype is None:
                return ODT  # odfpy reads an OpenDocument file without a mimetype member
            return ZIP
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError):
        return DAMAGED_ZIP


def resolve_format(data: bytes, source: str, claimed: str | None, suffix: str) -> tuple[str, list[str]]:
    """The format to read `data` as, and any warning about the choice.

    `claimed` is the format the file name implies (None for an unknown or
    missing extension, or stdin). Text formats ("txt", "md") are returned when
    the content is not a recognised binary format; decoding then decides
    whether it really is text."""
    kind = sniff(data)
    if kind in BINARY_KINDS:
        if claimed == kind:
            return kind, []
        if claimed is None and not suffix:
            return kind, []  # stdin or no extension: nothing was claimed
        return kind, [f"its name ends in '{suffix}' but it is {LABELS[kind]}; it was read as .{kind}"]
    if kind == ENCRYPTED_ZIP:
        raise InputError(source, ENCRYPTED)
    if claimed in BINARY_KINDS:
        raise InputError(source, _not_the_claimed_format(claimed, kind))
    if kind in (OLE, RTF, ZIP, DAMAGED_ZIP):
        raise InputError(source, f"is {LABELS[kind]}, not a supported format; {_save_as(kind)}")
    return claimed or "txt", []


def _not_the_claimed_format(claimed: str, kind: str) -> str:
    label = LABELS[claimed]
    if kind == DAMAGED_ZIP:
        return f"is not a readable .{claimed} file: the zip archive is damaged or truncated"
    if kind == OLE and claimed == DOCX:
        return ("is not a readable .docx file: it is password-protected or an old binary .doc; "
                "save an unprotected copy as .docx")
    if kind == ZIP:
        return f"is a zip archive but not {label}"
    if claimed == PDF:
        return "is not a PDF (it does not start with %PDF-)"
    if kind in (OLE, RTF):
        return f"is {LABELS[kind]}, not {label}; {_save_as(kind)}"
    return f"is not {label} (a .{claimed} file is a zip archive; this file is not one)"


def _save_as(kind: str) -> str:
    if kind in (OLE, RTF):
        return "open it in a word processor and save it as .docx"
    return SUPPORTED
