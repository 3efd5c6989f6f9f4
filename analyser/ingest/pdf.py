"""PDF via pypdf. Page text comes as lines; we drop running headers and
footers (page numbers, lines repeated at the top or bottom of most pages),
rejoin words hyphenated across line ends, and rebuild paragraphs from line
shapes. Everything dropped is recorded on the document."""

from __future__ import annotations

import io
import re
from collections import Counter
from functools import lru_cache

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from analyser.errors import InputError
from analyser.ingest.builder import DocumentBuilder
from analyser.model import Document, Dropped
from analyser.resources import data_path

DEFAULT_MAX_PAGES = 2000

_PAGE_NUMBER = re.compile(
    r"(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|[-–]?\s*\d{1,4}\s*[-–]?)",
    re.IGNORECASE,
)
_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_PARAGRAPH_END = re.compile(r"[.?!;\"”’)]$")
_BULLET = re.compile(r"(?:[•▪◦●·\-–*]|\d{1,3}[.)])\s+")
_DIGITS = re.compile(r"\d+")


@lru_cache(maxsize=1)
def _kept_hyphen_prefixes() -> frozenset[str]:
    lines = data_path("hyphen_prefixes.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def read_pdf(data: bytes, source: str, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    reader = _open(data, source)
    builder = DocumentBuilder(source, "pdf")
    try:
        count = len(reader.pages)
        if count > max_pages:
            raise InputError(source, f"has {count} pages, more than the limit of {max_pages}")
        pages = [(page.extract_text() or "").split("\n") for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        raise InputError(source, f"is a damaged PDF ({type(exc).__name__})") from None
    builder.metadata.pages = count
    if info is not None:
        builder.metadata.title = _clean(info.title)
        builder.metadata.author = _clean(info.author)
    pages = _drop_running_lines(pages, builder.dropped)
    for kind, text, page in _paragraphs(pages, builder.dropped):
        builder.add(kind, text, level=2 if kind == "heading" else 0, page=page)
    if not builder._blocks:
        raise InputError(source, "has no extractable text — is this a scan?")
    return builder.build()


def _open(data: bytes, source: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source, "is password-protected; save an unprotected copy first")
        return reader
    except InputError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise InputError(source, "is encrypted; save an unprotected copy first") from None
    except (PdfReadError, Exception) as exc:
        raise InputError(source, f"is not a readable PDF ({type(exc).__name__})") from None


def _clean(value: object) -> str | None:
    text = str(value).strip() if value else ""
    return text or None


def _drop_running_lines(pages: list[list[str]], dropped: list[Dropped]) -> list[list[str]]:
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    edge_counts: Counter[str] = Counter()
    for lines in pages:
        edges = [x.strip() for x in lines[:2] + lines[-2:] if x.strip()]
        edge_counts.update({_DIGITS.sub("#", x) for x in edges})
    threshold = max(2, (len(pages) + 1) // 2)
    running = {shape for shape, n in edge_counts.items() if n >= threshold} if len(pages) > 1 else set()
    kept_pages = []
    for number, lines in enumerate(pages, start=1):
        kept = []
        for index, line in enumerate(lines):
            stripped = line.strip()
            at_edge = index < 2 or index >= len(lines) - 2
            if at_edge and _PAGE_NUMBER.fullmatch(stripped):
                dropped.append(Dropped(stripped, "page number", number))
            elif at_edge and _DIGITS.sub("#", stripped) in running:
                dropped.append(Dropped(stripped, "running header or footer", number))
            else:
                kept.append(line.rstrip())
        kept_pages.append(kept)
    return kept_pages


def _paragraphs(pages: list[list[str]], dropped: list[Dropped]):
    """Rebuild paragraphs from line shapes: every line of a paragraph but the
    last is (nearly) full width, so a short line ends its paragraph unless it
    ends with a colon ("Available at:"); a short first line without closing
    punctuation is a heading; bullets start list items. Paragraphs continue
    across page breaks."""
    widths = sorted(len(x.strip()) for lines in pages for x in lines if x.strip())
    full = widths[int(len(widths) * 0.9)] if widths else 0
    current: list[str] = []
    kind, start_page = "paragraph", 1
    previous_short = False

    def flush():
        nonlocal current, kind
        block = (kind, " ".join(current), start_page)
        current, kind = [], "paragraph"
        return block

    for number, lines in enumerate(pages, start=1):
        for raw in lines:
            line = raw.strip()
            if not line:
                if current:
                    yield flush()
                continue
            short = len(line) < 0.75 * full
            bullet = _BULLET.match(line)
            heading = short and _is_heading(line)
            if current and (
                bullet
                or (previous_short and not current[-1].endswith(":"))
                or (heading and _PARAGRAPH_END.search(current[-1]))
            ):
                yield flush()
            previous_short = short
            if bullet:
                kind, start_page, current = "list_item", number, [line[bullet.end():]]
                continue
            if not current:
                start_page = number
                if heading:
                    kind, current = "heading", [line]
                    yield flush()
                    continue
            if current and _HYPHEN_END.search(current[-1]) and line[:1].islower():
                current[-1] = _rejoin(current[-1], line, dropped, number)
            else:
                current.append(line)
            if short and _PARAGRAPH_END.search(line):
                yield flush()
    if current:
        yield flush()


def _rejoin(previous: str, line: str, dropped: list[Dropped], page: int) -> str:
    head = _HYPHEN_END.search(previous)
    assert head is not None
    word = head.group(1)
    first, _, rest = line.partition(" ")
    keep_hyphen = word.lower() in _kept_hyphen_prefixes()
    joined = f"{word}-{first}" if keep_hyphen else f"{word}{first}"
    if not keep_hyphen:
        dropped.append(Dropped(f"{word}-|{first}", "hyphen at line end", page))
    return previous[: head.start()] + joined + (" " + rest if rest else "")


def _is_heading(line: str) -> bool:
    return (
        len(line.split()) <= 10
        and not _PARAGRAPH_END.search(line)
        and line[:1].isupper()
    )
