"""PDF via pypdf. Page text comes as lines; we drop running headers and
footers (page numbers, lines repeated at the top or bottom of most pages),
rejoin words hyphenated across line ends, and rebuild paragraphs from line
shapes. Everything dropped is recorded on the document."""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError
from pypdf.generic import ArrayObject, IndirectObject

from analyser.errors import InputError
from analyser.ingest.builder import MAX_TEXT_CHARS, DocumentBuilder, too_much_text
from analyser.ingest.transcript import TIMED_LINE
from analyser.model import Document, Dropped
from analyser.resources import read_word_list

DEFAULT_MAX_PAGES = 2000
MAX_CONTENT_BYTES = 100 * 1024 * 1024  # page content parsed per PDF, a shared stream counted once per page

_PAGE_NUMBER = re.compile(
    r"(?:page\s+\d+(?:\s*(?:of|/)\s*\d+)?|\d+\s*(?:of|/)\s*\d+|[-–]?\s*\d{1,4}\s*[-–]?)",
    re.IGNORECASE,
)
# The look-behind lets a match start only where a word starts: without it a long
# run of letters is rescanned from every position (quadratic).
_HYPHEN_END = re.compile(r"(?<![A-Za-z])([A-Za-z]+)-$")
_PARAGRAPH_END = re.compile(r"[.?!;\"”’)]$")
_BULLET = re.compile(r"(?:[•▪◦●·\-–*]|\d{1,3}[.)])\s+")
_DIGITS = re.compile(r"\d+")


def _kept_hyphen_prefixes() -> frozenset[str]:
    return read_word_list("hyphen_prefixes.txt")


def read_pdf(data: bytes, source: str, max_pages: int = DEFAULT_MAX_PAGES) -> Document:
    """Text of a PDF, refusing encrypted, damaged, over-long and text-less files
    with one clear error each. pypdf's own complaints about a damaged file it
    could still read are kept as one warning instead of going to stderr."""
    with _pypdf_log() as log:
        reader = _open(data, source)
        try:
            # The count the page tree declares is checked first: counting the
            # pages themselves walks the whole tree.
            count = max(_declared_pages(reader), 0)
            if count <= max_pages:
                count = len(reader.pages)
            if count > max_pages:
                raise InputError(source, f"has {count:,} pages, more than the limit of {max_pages:,} (--max-pages)")
            pages = [text.split("\n") for text in _page_texts(reader, source)]
            info = reader.metadata
            title, author = (_clean(info.title), _clean(info.author)) if info is not None else (None, None)
        except InputError:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf raises many types on damaged files
            raise InputError(source, f"is a damaged PDF ({type(exc).__name__}){_truncation_hint(data)}") from None
    builder = DocumentBuilder(source, "pdf")
    builder.metadata.pages = count
    builder.metadata.title, builder.metadata.author = title, author
    if log:
        count_problems, first = len(log), log[0][:120]
        builder.warnings.append(f"the PDF is damaged; pypdf repaired it ({count_problems} problem(s), first: {first})")
    pages = _drop_running_lines(pages, builder.dropped)
    for kind, text, page in _paragraphs(pages, builder.dropped):
        builder.add(kind, text, level=2 if kind == "heading" else 0, page=page)
    if not builder.block_count:
        raise InputError(source, "has no extractable text — is this a scan?")
    return builder.build()


def _page_texts(reader: PdfReader, source: str) -> list[str]:
    """Each page's text, with the work bounded before it is done.

    Pages that draw the same content streams with equal resources have the
    same text, so it is extracted once: 2,000 pages sharing one stream (a
    427 KB PDF) were otherwise each parsed in full, for over 7 minutes. The
    content parsed (shared streams counted each time) may not pass
    MAX_CONTENT_BYTES, and the text may not pass MAX_TEXT_CHARS: both are
    counted before the work or the copy is made (one string stands for every
    page that shares it)."""
    texts: list[str] = []
    seen: dict[tuple, list[tuple[object, str]]] = {}
    parsed = chars = 0
    for page in reader.pages:
        key = _reference(page.raw_get("/Contents")) if "/Contents" in page else None
        resources = page.get("/Resources")
        text = next((known for res, known in seen.get(key, ()) if res == resources), None) if key else None
        if text is None:
            parsed += _content_size(page)
            if parsed > MAX_CONTENT_BYTES:
                raise InputError(
                    source, f"has over {MAX_CONTENT_BYTES:,} bytes of page content to read (pages drawing "
                    "the same content again and again?), the limit"
                )
            text = page.extract_text() or ""
            if key:
                seen.setdefault(key, []).append((resources, text))
        chars += len(text)
        if chars > MAX_TEXT_CHARS:
            raise too_much_text(source)
        texts.append(text)
    return texts


def _reference(value: object) -> tuple | None:
    """The object numbers a page's /Contents refers to, or None when the
    content is written inline (then it is not shared)."""
    if isinstance(value, IndirectObject):
        return ((value.idnum, value.generation),)
    if isinstance(value, ArrayObject) and value and all(isinstance(v, IndirectObject) for v in value):
        return tuple((v.idnum, v.generation) for v in value)
    return None


def _content_size(page) -> int:
    """Decoded bytes of a page's content streams (pypdf keeps the decoded
    data, so extracting the text does not decode them again)."""
    contents = page.get("/Contents")
    streams = contents if isinstance(contents, ArrayObject) else [contents] if contents is not None else []
    return sum(len(stream.get_object().get_data()) for stream in streams)


def _open(data: bytes, source: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(source, "is password-protected; save an unprotected copy first")
        return reader
    except InputError:
        raise
    except DependencyError:  # AES without the cryptography package: not a PdfReadError
        raise InputError(
            source, "is encrypted with AES, which needs the 'cryptography' package (pypdf[crypto]); "
            "reinstall analyser or save an unprotected copy"
        ) from None
    except FileNotDecryptedError:
        raise InputError(source, "is encrypted; save an unprotected copy first") from None
    except (PdfReadError, Exception) as exc:  # noqa: BLE001 - whatever pypdf raises becomes one line
        raise InputError(source, f"is not a readable PDF ({type(exc).__name__}){_truncation_hint(data)}") from None


def _declared_pages(reader: PdfReader) -> int:
    """/Count of the root page tree, or -1 when it cannot be read."""
    try:
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[index]
    except Exception:  # noqa: BLE001 - a damaged tree is found when the pages are counted
        return -1


def _truncation_hint(data: bytes) -> str:
    """A PDF ends with %%EOF (possibly followed by a little whitespace): its
    absence is the usual sign of an interrupted download or copy."""
    return "; it looks truncated (no %%EOF at the end)" if b"%%EOF" not in data[-2048:] else ""


class _ListHandler(logging.Handler):
    def __init__(self, messages: list[str]) -> None:
        super().__init__(logging.WARNING)
        self.messages = messages

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(" ".join(record.getMessage().split()))


@contextmanager
def _pypdf_log() -> Iterator[list[str]]:
    """Collects what pypdf logs or warns while reading one file. Without it
    Python's last-resort handler prints pypdf's warnings to stderr, breaking
    the one-line error promise."""
    messages: list[str] = []
    handler = _ListHandler(messages)
    logger = logging.getLogger("pypdf")
    propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield messages
        messages.extend(" ".join(str(w.message).split()) for w in caught)
    finally:
        logger.removeHandler(handler)
        logger.propagate = propagate


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
    punctuation is a heading; bullets start list items, and a time ("10:05")
    starts a paragraph. Paragraphs continue across page breaks."""
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
            hyphenated = bool(current) and bool(_HYPHEN_END.search(current[-1])) and line[:1].islower()
            if current and not hyphenated and (
                bullet
                or TIMED_LINE.match(line)  # an entry of a timestamped log
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
            if hyphenated:
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
        and not line.endswith("-")
        and line[:1].isupper()
    )
