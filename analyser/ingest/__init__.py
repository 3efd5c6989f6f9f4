"""Stage 1, ingest: a file (or stdin) becomes a `Document` whose blocks carry
character offsets into its text.

    document = ingest("essay.docx")
"""

from __future__ import annotations

import sys
from pathlib import Path

from analyser.errors import InputError
from analyser.ingest.decoding import decode
from analyser.ingest.docx import read_docx
from analyser.ingest.odt import read_odt
from analyser.ingest.pdf import read_pdf
from analyser.ingest.plaintext import read_plain_text
from analyser.model import Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
TEXT_FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md"}
BINARY_FORMATS = {".docx": "docx", ".odt": "odt", ".pdf": "pdf"}
SUPPORTED_SUFFIXES = sorted({**TEXT_FORMATS, **BINARY_FORMATS})

__all__ = ["ingest", "ingest_bytes", "ingest_text", "SUPPORTED_SUFFIXES", "DEFAULT_MAX_BYTES"]


def ingest(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """Read a supported file; "-" reads text from stdin."""
    name = str(path)
    if name == "-":
        return ingest_bytes(sys.stdin.buffer.read(), "-", "txt", max_bytes)
    file = Path(path)
    fmt = _format_of(file)
    try:
        if file.is_dir():
            raise InputError(name, "is a folder, not a file (use 'analyser batch' for folders)")
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(name, f"is {size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    return ingest_bytes(data, name, fmt, max_bytes)


def ingest_bytes(data: bytes, source: str, fmt: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    if len(data) > max_bytes:
        raise InputError(source, f"is {len(data):,} bytes, over the limit of {max_bytes:,}")
    if fmt == "docx":
        document = read_docx(data, source)
    elif fmt == "odt":
        document = read_odt(data, source)
    elif fmt == "pdf":
        document = read_pdf(data, source)
    else:
        return ingest_text(decode(data, source), source, fmt)
    return _require_text(document)


def ingest_text(text: str, source: str = "<text>", fmt: str = "txt") -> Document:
    """A document from a string already in memory (tests, stdin, other tools)."""
    return _require_text(read_plain_text(text, source, fmt))


def _require_text(document: Document) -> Document:
    if not document.text.strip():
        raise InputError(document.metadata.source, "is empty (no text to analyse)")
    return document


def _format_of(file: Path) -> str:
    suffix = file.suffix.lower()
    fmt = TEXT_FORMATS.get(suffix) or BINARY_FORMATS.get(suffix)
    if fmt is None:
        raise InputError(
            str(file),
            f"unsupported file type '{suffix or '(none)'}'; supported: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    return fmt
