"""Stage 1, ingest: a file (or stdin) becomes a `Document` whose blocks carry
character offsets into its text.

    document = ingest("essay.docx")

This is the boundary with untrusted input. Every way a file can be unusable —
missing, unreadable, empty, binary, mis-named, damaged, encrypted, a zip bomb,
hostile XML, too big, too many pages — ends here as one `InputError` naming
the file (the table is docs/bad-inputs.md). What the tool had to guess or
repair (an encoding, a mis-named format, NUL bytes, a language other than
English) is kept as a warning on the document, never done silently.
"""

from __future__ import annotations

import re
import stat
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from analyser.errors import InputError, text_name
from analyser.ingest.builder import MAX_TEXT_CHARS
from analyser.ingest.captions import CAPTION_READERS
from analyser.ingest.decoding import decode_text, normalise_newlines, scrub, scrub_warnings
from analyser.ingest.docx import read_docx
from analyser.ingest.language import WARNING as NOT_ENGLISH_WARNING
from analyser.ingest.language import looks_english
from analyser.ingest.odt import read_odt
from analyser.ingest.pdf import DEFAULT_MAX_PAGES, read_pdf
from analyser.ingest.plaintext import read_plain_text
from analyser.ingest.sniff import (
    BINARY_FORMATS,
    BINARY_KINDS,
    SUPPORTED,
    SUPPORTED_SUFFIXES,
    TEXT_FORMATS,
    resolve_format,
)
from analyser.ingest.transcript import find_turns
from analyser.model import Document

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# A character that shows: not whitespace, nor one that takes no space (soft
# hyphen, zero-width space and joiners, direction marks and embeddings, word
# joiner and invisible operators, byte-order mark).
_VISIBLE = re.compile("[^\\s\u00ad\u034f\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

__all__ = [
    "ingest", "ingest_bytes", "ingest_text", "SUPPORTED_SUFFIXES", "TEXT_FORMATS", "BINARY_FORMATS",
    "DEFAULT_MAX_BYTES", "DEFAULT_MAX_PAGES", "MAX_TEXT_CHARS",
]


def ingest(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """Read a supported file; "-" reads from stdin (text, or a document piped in)."""
    name = text_name(str(path))  # the name recorded and shown; a name that is not UTF-8 still opens
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise InputError(name, f"is over the limit of {max_bytes:,} bytes (--max-bytes)")
        return ingest_bytes(data, "-", None, max_bytes, max_pages)
    file = Path(path)
    suffix = file.suffix.lower()
    data = read_file(file, name, max_bytes)
    return ingest_bytes(data, name, format_for_suffix(suffix), max_bytes, max_pages, suffix=suffix)


def format_for_suffix(suffix: str) -> str | None:
    """The format a file name claims, or None for an unknown or missing extension."""
    return TEXT_FORMATS.get(suffix.lower()) or BINARY_FORMATS.get(suffix.lower())


def read_file(file: Path, name: str, max_bytes: int) -> bytes:
    """The file's bytes, reading at most `max_bytes` + 1 of them: a device such
    as /dev/zero, a pipe or a file growing while it is read cannot exhaust memory."""
    try:
        info = file.stat()
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "is a folder, not a file (use 'analyser batch' for folders)")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(name, "is not a regular file (a device, pipe or socket)")
        if info.st_size > max_bytes:
            raise InputError(name, f"is {info.st_size:,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
        with file.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise InputError(name, "is a folder, not a file") from None
    except ValueError:  # a NUL byte in the name
        raise InputError(name, "is not a valid file name") from None
    except OSError as exc:
        raise InputError(name, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    if len(data) > max_bytes:
        raise InputError(name, f"is over the limit of {max_bytes:,} bytes (--max-bytes)")
    return data


def ingest_bytes(
    data: bytes, source: str, fmt: str | None, max_bytes: int = DEFAULT_MAX_BYTES,
    max_pages: int = DEFAULT_MAX_PAGES, suffix: str = "",
) -> Document:
    """A document from a file's bytes. `fmt` is the format the name claims
    ("txt", "md", "docx", "odt", "pdf") or None when unknown; the content decides."""
    if len(data) > max_bytes:
        raise InputError(source, f"is {len(data):,} bytes, over the limit of {max_bytes:,} (--max-bytes)")
    if not data:
        raise InputError(source, "is empty (0 bytes)")
    kind, warnings = resolve_format(data, source, fmt, suffix)
    if kind in BINARY_KINDS:
        document = _read_binary(kind, data, source, max_pages)
    else:
        try:
            decoded = decode_text(data, source)
        except InputError as error:
            if fmt is None and suffix:
                raise InputError(source, f"has an unknown file type '{suffix}' and is not text; {SUPPORTED}") from None
            raise error
        if fmt is None and suffix:
            warnings.append(f"unknown file type '{suffix}'; it was read as plain text")
        caption_reader = CAPTION_READERS.get(kind)
        if caption_reader:
            document = caption_reader(decoded.text, source)
        else:
            document = read_plain_text(decoded.text, source, kind)
        warnings = decoded.warnings + warnings
    document.warnings[:0] = warnings
    return _finish(document, require_body=True)


def ingest_text(text: str, source: str = "<text>", fmt: str = "txt", require_body: bool = False) -> Document:
    """A document from a string already in memory (tests, evaluation of single
    sentences, other tools). As for files, line endings become "\n"; NUL
    characters and unpaired surrogates are scrubbed (with a warning) so the
    result can always be written as JSON.

    `require_body`: refuse a text that is only a title, as files are refused.
    Off by default because a single heading-like sentence is fair input here."""
    counts: Counter[str] = Counter()
    document = read_plain_text(normalise_newlines(scrub(text, counts)), source, fmt)
    document.warnings.extend(scrub_warnings(counts))
    return _finish(document, require_body)


def _read_binary(fmt: str, data: bytes, source: str, max_pages: int) -> Document:
    """Run a format reader. Third-party parsers raise whatever they like on a
    hostile file; here all of it becomes one InputError."""
    readers: dict[str, Callable[[bytes, str], Document]] = {
        "docx": read_docx,
        "odt": read_odt,
        "pdf": lambda d, s: read_pdf(d, s, max_pages),
    }
    try:
        return readers[fmt](data, source)
    except InputError:
        raise
    except RecursionError:
        raise InputError(source, f"is nested too deeply to read as .{fmt}") from None
    except MemoryError:
        raise InputError(source, f"is too large to read as .{fmt} in memory") from None
    except Exception as exc:  # noqa: BLE001 - the boundary: no library error may escape as a traceback
        raise InputError(source, f"could not be read as .{fmt} ({type(exc).__name__})") from None


def _finish(document: Document, require_body: bool) -> Document:
    source, text = document.metadata.source, document.text
    find_turns(document, guessed_headings=document.metadata.format in ("txt", "pdf"))
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(source, f"has {len(text):,} characters of text, over the limit of {MAX_TEXT_CHARS:,}")
    if not text.strip():
        problem = "contains only whitespace: no text to analyse" if text else "is empty (no text to analyse)"
        raise InputError(source, problem)
    if not _VISIBLE.search(text):
        raise InputError(source, "contains only invisible characters (zero-width spaces, joiners, soft hyphens, "
                                 "direction marks): no text to analyse")
    if not document.blocks:
        raise InputError(source, "has no text to analyse")
    if require_body and all(block.kind == "heading" for block in document.blocks):
        if len(document.blocks) == 1:
            title = text[document.blocks[0].start : document.blocks[0].end]
            shown = title if len(title) <= 60 else title[:57] + "..."
            raise InputError(source, f'has only a title ("{shown}") and no text to analyse')
        raise InputError(source, "has only headings and no body text to analyse")
    if not looks_english(text):
        document.warnings.append(NOT_ENGLISH_WARNING)
    return document
