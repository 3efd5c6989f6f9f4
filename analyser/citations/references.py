"""The reference list (the *find* stage for entries): where it is, and each
entry's authors, year, suffix and the rest, without losing the raw text.

The section starts at a heading such as "References" or "Bibliography"
(`[references].headings` in analyser/data/citations.toml), also when the
heading is an ordinary paragraph or the first line of a block; failing that,
it is the trailing run of blocks that look like entries. It ends at the next
heading of the same or a higher level.

Entries are found line by line. A line that starts with an entry head
("Surname, I. (Year)" or "Organisation (Year)") starts an entry; any other
line continues the previous one (hard-wrapped text files). A PDF reader may
join entries into one line ("... Routledge. Huxham, C. and Vangen, S. (2005)
..."), so a head after the end of a sentence starts a new entry as well.
"""

from __future__ import annotations

import re

from analyser.citations.patterns import ENTRY_BOUNDARY, entry_head_pattern, load_data, person_pattern
from analyser.model import Block, Document, Reference

_SPACE = re.compile(r"\s+")
_SECTION_NUMBER = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?")  # "7. References", "7.1 Sources"


def find_references(document: Document) -> tuple[tuple[int, int] | None, list[Reference]]:
    """The span of the reference section (heading included) and its entries."""
    text = document.text
    blocks = document.blocks
    for index, block in enumerate(blocks):
        heading = _heading_line(text, block)
        if heading is None:
            continue
        level = block.level if block.kind == "heading" else 99
        following = blocks[index + 1 :]
        end_index = next(
            (i for i, b in enumerate(following) if b.kind == "heading" and b.level <= level and not _is_entry(text, b)),
            len(following),
        )
        body = following[:end_index]
        spans = [(heading, block.end)] if heading < block.end else []
        spans += [(b.start, b.end) for b in body]
        end = body[-1].end if body else block.end
        return (block.start, end), parse_entries(text, spans)
    trailing = _trailing_entries(text, blocks)
    if trailing:
        spans = [(b.start, b.end) for b in trailing]
        return (trailing[0].start, trailing[-1].end), parse_entries(text, spans)
    return None, []


def _heading_line(text: str, block: Block) -> int | None:
    """Where the entries start if this block opens the reference list: after
    the block (a heading on its own) or after its first line ("References\\n
    Alban-Metcalfe, J. ..."). None if it does not."""
    if block.kind == "table_cell":  # (a list item may be a numbered heading: "7. References")
        return None
    content = text[block.start : block.end]
    first, _, rest = content.partition("\n")
    if len(first) > 40:
        return None
    heading = first[_SECTION_NUMBER.match(first).end() :].rstrip(" \t:.").lower()
    if heading not in load_data().headings:
        return None
    return block.start + len(first) + 1 if rest.strip() else block.end


def _is_entry(text: str, block: Block) -> bool:
    """A "heading" that is really an entry (a short PDF line in bold)."""
    return entry_head_pattern().match(text, block.start, block.end) is not None


def _trailing_entries(text: str, blocks: list[Block]) -> list[Block]:
    """The run of entry-shaped blocks at the end of a document with no
    reference heading; at least two, so one stray line is not a list."""
    run: list[Block] = []
    head = entry_head_pattern()
    for block in reversed(blocks):
        if block.kind in ("paragraph", "list_item") and head.match(text, block.start, block.end):
            run.insert(0, block)
        else:
            break
    lines = sum(text[b.start : b.end].count("\n") + 1 for b in run)
    return run if lines >= 2 else []


def parse_entries(text: str, spans: list[tuple[int, int]]) -> list[Reference]:
    """Entries in the given spans of the document text, in order."""
    head = entry_head_pattern()
    starts: list[int] = []  # where entries start
    ends: list[int] = []  # the end of the text each entry may run to
    for span_start, span_end in spans:
        pos = span_start
        new_block = True  # each block (a docx paragraph) starts an entry
        for line in text[span_start:span_end].split("\n"):
            line_start, line_end = pos, pos + len(line)
            pos = line_end + 1
            stripped = line.strip()
            if not stripped:
                continue
            first = line_start + len(line) - len(line.lstrip())
            if new_block or head.match(text, first, line_end):
                starts.append(first)
                ends.append(line_end)
            else:
                ends[-1] = line_end
            new_block = False
            for boundary in ENTRY_BOUNDARY.finditer(text, first, line_end):
                at = boundary.end()
                if at > first and head.match(text, at, line_end) and _previous_entry_done(text, starts[-1], at):
                    ends[-1] = boundary.start()
                    starts.append(at)
                    ends.append(line_end)
    return [_entry(text, start, _trim_end(text, start, end)) for start, end in zip(starts, ends)]


def _previous_entry_done(text: str, start: int, at: int) -> bool:
    """A head inside a line only starts a new entry when the current entry
    already has its own year: "Okafor, N., Reid, J." is one list of names."""
    head = entry_head_pattern().match(text, start, at)
    return head is not None and head.end() <= at


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _entry(text: str, start: int, end: int) -> Reference:
    raw = text[start:end]
    head = entry_head_pattern().match(text, start, end)
    if head is None:
        return Reference(start, end, raw, [], None, rest=raw)
    authors_text = _SPACE.sub(" ", head.group("authors")).strip()
    if head.group("people"):
        authors = [_SPACE.sub(" ", m.group("surname")) for m in person_pattern().finditer(authors_text)]
    else:
        acronym = head.group("acronym")
        name = authors_text[: authors_text.rfind("(")].strip() if acronym else authors_text
        authors = [name]
    year = head.group("year")
    if year[0].isalpha():
        year = "n.d." if year.startswith("n") else _SPACE.sub(" ", year.lower())
    rest = _SPACE.sub(" ", text[head.end() : end]).strip().lstrip(".").strip()
    return Reference(start, end, raw, authors, year, head.group("suffix") or "", rest=rest)


def entry_acronym(reference: Reference) -> str | None:
    """The acronym an organisation entry gives in brackets after its name
    ("National Institute for Health and Care Excellence (NICE) (2019)")."""
    match = entry_head_pattern().match(reference.text)
    return match.group("acronym") if match and match.group("org") else None


def uses_ampersand(reference: Reference) -> tuple[bool, bool]:
    """(has "&", has "and") between the authors of a people entry."""
    match = entry_head_pattern().match(reference.text)
    if match is None or not match.group("people"):
        return False, False
    authors = match.group("people")
    return "&" in authors, re.search(r"\band\b", authors) is not None
