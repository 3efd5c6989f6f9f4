"""The reference list (the *find* stage for entries): where it is, and each
entry's authors, year, suffix and the rest, without losing the raw text.

The section starts at a heading such as "References" or "Bibliography"
(`[references].headings` in analyser/data/citations.toml), also when the
heading is an ordinary paragraph, the first line of a block, or a line of
its own inside a block (a passage pasted with single line breaks); failing that,
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
from functools import lru_cache
from typing import NamedTuple

from analyser.citations.patterns import ENTRY_BOUNDARY, ET_AL, entry_head_pattern, load_data, person_pattern
from analyser.model import Block, Document, Reference

_SPACE = re.compile(r"\s+")
_LINE_BREAK = re.compile(r"\n[ \t]*")
_SECTION_NUMBER = re.compile(r"\s*(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+)?")  # "7. References", "7.1 Sources"


def find_references(document: Document) -> tuple[tuple[int, int] | None, list[Reference]]:
    """The span of the reference section (heading included) and its entries."""
    text = document.text
    blocks = document.blocks
    inline = _inline_heading(text)
    for index, block in enumerate(blocks):
        heading = _heading_line(text, block)
        section_start = block.start
        if heading is None and inline is not None and block.start < inline.start() < block.end:
            section_start, heading = inline.start() + 1, min(inline.end() + 1, block.end)
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
        return (section_start, end), parse_entries(text, spans)
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
    newline = text.find("\n", block.start, block.end)
    first_end = block.end if newline < 0 else newline
    if first_end - block.start > 40:  # decided without copying the block (most are long paragraphs)
        return None
    first = text[block.start : first_end]
    number = _SECTION_NUMBER.match(first)
    assert number is not None  # every part of the pattern is optional: it always matches
    heading = first[number.end() :].rstrip(" \t:.").lower()
    if heading not in load_data().headings:
        return None
    rest = text[first_end + 1 : block.end] if newline >= 0 else ""
    return block.start + len(first) + 1 if rest.strip() else block.end


@lru_cache(maxsize=1)
def _inline_heading_pattern() -> re.Pattern[str]:
    """A reference heading on a line of its own after a line break. It starts
    with the line break, a literal, so one search of the text is quick."""
    headings = "|".join(sorted((re.escape(h).replace(r"\ ", r"[ \t]{1,3}") for h in load_data().headings),
                               key=len, reverse=True))
    number = r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?[ \t]{1,3})?"
    return re.compile(rf"\n[ \t]{{0,8}}{number}(?i:{headings})[ \t:.]{{0,3}}(?=\n)")


def _inline_heading(text: str) -> re.Match[str] | None:
    """The first reference heading standing on its own line inside a block
    ("... a third.\nReferences\nHuxham, C. ..."), followed by more text."""
    return _inline_heading_pattern().search(text)


def _is_entry(text: str, block: Block) -> bool:
    """A "heading" that is really an entry (a short PDF line in bold)."""
    return entry_head_pattern().match(text, block.start, block.end) is not None


def _trailing_entries(text: str, blocks: list[Block]) -> list[Block]:
    """The run of entry-shaped blocks at the end of a document with no
    reference heading, holding at least two lines that start like an entry:
    one stray line is not a list, and neither is a passage whose first line
    opens "Thornbury (2020) captures ..." and goes on in prose."""
    run: list[Block] = []
    head = entry_head_pattern()
    for block in reversed(blocks):
        if block.kind in ("paragraph", "list_item") and head.match(text, block.start, block.end):
            run.insert(0, block)
        else:
            break
    heads = 0
    for block in run:
        starts = [block.start] + [m.end() for m in _LINE_BREAK.finditer(text, block.start, block.end)]
        heads += sum(1 for at in starts if head.match(text, at, block.end))
        if heads >= 2:
            return run
    return []


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
            # an entry head ends with its year in brackets: none can start
            # after the line's last bracket, so the boundaries past it are
            # not tried (most sentence ends in an entry are in its title)
            last_bracket = max(text.rfind("(", first, line_end), text.rfind("[", first, line_end))
            if last_bracket <= first:
                continue
            for boundary in ENTRY_BOUNDARY.finditer(text, first, line_end):
                at = boundary.end()
                if at > last_bracket:
                    break
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


class _EntryHead(NamedTuple):
    """What the start of one entry says: the fields of its `Reference` and
    the facts the later stages ask about (an organisation's acronym, how its
    authors are joined)."""

    authors: tuple[str, ...]
    year: str
    suffix: str
    rest: str
    acronym: str | None  # given in brackets after an organisation's name
    ampersand: bool  # "&" between the authors of a people entry
    conjunction: bool  # "and" between them


# An organisation's abbreviation in brackets after its name in an entry's head: "Home Office (HO)".
_ACRONYM_BRACKET = re.compile(r"\s{0,2}\([^()]{1,14}\)")
_MEMO_MAX_CHARS = 2_000  # longer "entries" (a PDF's run-together list, hostile input) are not remembered


# The comma APA 7 writes before the last of several bodies' "&" (as between
# people): not part of either name.
_COMMA_BEFORE_LAST = re.compile(r",(?=\s{1,2}(?:&|and)\s)")


def _read_head(raw: str) -> _EntryHead | None:
    """The head of an entry, read once per distinct entry text: the finder,
    the resolver (`entry_acronym`) and the checker (`uses_ampersand`) each
    need it, and the same entries recur across a batch (a course's key
    readings). Only entries of ordinary length are remembered, so the memo's
    size stays bounded whatever the input."""
    return _read_head_memo(raw) if len(raw) <= _MEMO_MAX_CHARS else _parse_head(raw)


@lru_cache(maxsize=4096)
def _read_head_memo(raw: str) -> _EntryHead | None:
    return _parse_head(raw)


def _parse_head(raw: str) -> _EntryHead | None:
    """The head pattern has no lookbehind, so matching the entry's own text
    gives what matching it in place in the document gives."""
    head = entry_head_pattern().match(raw)
    if head is None:
        return None
    authors_text = _SPACE.sub(" ", head.group("authors")).strip()
    people = head.group("people")
    acronym = head.group("acronym")
    if people:
        authors = tuple(_SPACE.sub(" ", m.group("surname")) for m in person_pattern().finditer(authors_text))
    else:
        name = _ACRONYM_BRACKET.sub("", authors_text).strip() if acronym else authors_text  # (each body's)
        name = _COMMA_BEFORE_LAST.sub("", name)  # "Public Health England, & NHS England": APA 7's comma
        authors = (name,)
    year = head.group("year")
    if year[0].isalpha():
        year = "n.d." if year.startswith("n") else _SPACE.sub(" ", year.lower())
    rest = _SPACE.sub(" ", raw[head.end() :]).strip().lstrip(".").strip()
    return _EntryHead(
        authors, year, head.group("suffix") or "", rest,
        acronym if head.group("org") else None,
        bool(people) and "&" in people,
        bool(people) and re.search(r"\band\b", people) is not None,
    )


def _entry(text: str, start: int, end: int) -> Reference:
    raw = text[start:end]
    head = _read_head(raw)
    if head is None:
        return Reference(start, end, raw, [], None, rest=raw)
    return Reference(start, end, raw, list(head.authors), head.year, head.suffix, rest=head.rest)


def entry_acronym(reference: Reference) -> str | None:
    """The acronym an organisation entry gives in brackets after its name
    ("National Institute for Health and Care Excellence (NICE) (2019)")."""
    head = _read_head(reference.text)
    return head.acronym if head else None


def later_initials(reference: Reference) -> str:
    """The first author's initials after the first, as capitals ("Hart, J.T."
    gives "T"); "" for an organisation or a single initial."""
    match = person_pattern().match(reference.text)
    if match is None:
        return ""
    return "".join(c for c in reference.text[match.end("surname") : match.end()] if c.isupper())[1:]


def lists_et_al(reference: Reference) -> bool:
    """Whether an entry gives its first author and "et al." for the rest
    ("Knight, M. et al. (eds) (2022)", as Cite Them Right allows for four
    authors or more): a work of more authors than its list of names."""
    head = reference.text[: len(reference.text) - len(reference.rest)] if reference.rest else reference.text
    return ET_AL.search(head) is not None


def uses_ampersand(reference: Reference) -> tuple[bool, bool]:
    """(has "&", has "and") between the authors of a people entry."""
    head = _read_head(reference.text)
    if head is None:
        return False, False
    return head.ampersand, head.conjunction


def listed_bodies(text: str, skip: list[tuple[int, int]]) -> frozenset[str]:
    """The list's bodies whose names hold a comma or a word in small letters
    ("and", "to", "products"), as normal names: "Friends, Families and
    Travellers. (2020)", "Campaign to End Loneliness (no date)", filed with no
    initials."""
    from analyser.citations.resolve import normal_name  # (resolve reads this module)

    return frozenset(normal_name(r.authors[0]) for r in parse_entries(text, skip)
                     if len(r.authors) == 1 and ("," in r.authors[0]
                                                 or any(w.islower() for w in r.authors[0].split()[1:])))


_ENTRY_SURNAME = re.compile(r"(?m)^[ \t]{0,8}(?P<surname>[^\W\d_][\w'’\-]{0,40}),")


def listed_surnames(text: str, skip: list[tuple[int, int]]) -> list[str]:
    """The first surname of each line of the reference list ("Patel, R. (2019) ...")."""
    return [m.group("surname") for start, end in skip for m in _ENTRY_SURNAME.finditer(text, start, end)]


def listed_later_initials(text: str, skip: list[tuple[int, int]]) -> dict[str, str]:
    """The initials after the first of each listed first author, by surname ("Hart, J.T." gives "hart": "T")."""
    from analyser.citations.resolve import normal_name  # (resolve reads this module)

    return {normal_name(r.authors[0]): later_initials(r) for r in parse_entries(text, skip) if r.authors}
