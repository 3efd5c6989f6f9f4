"""Feedback as Word comments on a copy of the student's own .docx.

    notes = feedback_notes(analysis, show="problems")
    data, placed = annotate_docx(original_bytes, analysis.document.text, notes)

Why it is built this way:

- The analysis offsets point into the text ingest made of the document
  (paragraphs in reading order joined by a blank line, ingest/docx.py). The
  copy is mapped back paragraph by paragraph: each paragraph's text, read the
  way ingest reads it (`w:t`, tabs, breaks; tracked deletions are `w:delText`
  and so not text), is found in order in the document text, and each `w:t`
  gets its character range.
- A comment covers exactly the runs of its span: a run that a span starts or
  ends inside is split in two, both halves keeping the run's properties
  (`w:rPr`: bold, italics, fonts, highlighting), so formatting is unchanged.
  python-docx (>= 1.2) adds the comment to the comments part, after any the
  student's document already has.
- Where a split would not survive, the range grows instead: a span inside a
  field's result (a complex field between its `begin` and `end`, or a
  `w:fldSimple`) covers the whole field, since Word rewrites a field's result
  when it updates it. A span inside a hyperlink or a tracked insertion is
  split where it is, but the comment's reference mark goes after the link or
  insertion, so it never becomes part of the link or of the student's
  tracked change.
- The original's bytes are read once and never written; tracked changes and
  existing comments are kept because nothing but the split runs and the new
  range marks is touched.
"""

from __future__ import annotations

import copy
import io
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Literal, TypeVar

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from analyser.ingest.decoding import scrub
from analyser.model import Analysis, Citation, Reference
from analyser.output import write_atomic

T = TypeVar("T")

Show = Literal["concepts", "problems", "all"]
SHOW_CHOICES: tuple[Show, ...] = ("concepts", "problems", "all")
AUTHOR = "analyser"
# A copy holds at most this many comments. Past a few hundred a draft is
# unreadable in Word, and python-docx numbers each new comment by reading
# every comment before it, so thousands took minutes (4,000 in 77 s).
MAX_COMMENTS = 500
INITIALS = "AN"
_P, _R, _T = qn("w:p"), qn("w:r"), qn("w:t")
_TAB, _BR, _CR = qn("w:tab"), qn("w:br"), qn("w:cr")
_FLDCHAR, _FLDTYPE, _FLDSIMPLE = qn("w:fldChar"), qn("w:fldCharType"), qn("w:fldSimple")
_RPR = qn("w:rPr")
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(frozen=True)
class Note:
    """One comment to place: a span of the document text and what to say."""

    start: int
    end: int
    text: str


@dataclass
class _Atom:
    """One piece of a paragraph's text: a `w:t` (or a tab or break, one character)."""

    element: Any  # the lxml element
    start: int  # offsets in the paragraph's text
    end: int
    run: Any  # the w:r holding it
    field: tuple[Any, Any] | None  # the outermost complex field around it: (begin run, end run)


@dataclass
class _Paragraph:
    element: Any
    offset: int  # where the paragraph's text starts in the document text
    atoms: list[_Atom]


def feedback_notes(analysis: Analysis, show: Show = "problems") -> list[Note]:
    """The comments for `analysis`: concept mentions (show concepts or all),
    citation and reference problems with their fixes (problems or all), and
    every essay-level finding, on the title (or on its own span when it has one)."""
    notes: list[Note] = []
    labels = {c.id: c.label for c in analysis.concepts}
    if show in ("concepts", "all"):
        for m in analysis.mentions:
            said = "said to be missing" if m.polarity == "absent" else "discussed"
            cue = f" (\u201c{m.polarity_cue}\u201d)" if m.polarity_cue else ""
            source = f" Source: {m.source}." if m.source else ""
            notes.append(Note(m.start, m.end, f"{labels.get(m.concept, m.concept)}: {said}{cue}; "
                                              f"matched \u201c{m.term}\u201d.{source}"))
    if show in ("problems", "all"):
        spans: list[Citation | Reference] = [*analysis.citations, *analysis.references]
        for item in spans:
            for problem in item.problems:
                fix = f" Suggested: {problem.suggestion}" if problem.suggestion else ""
                notes.append(Note(item.start, item.end, f"{problem.message}{fix}"))
    title = _title_span(analysis)
    for finding in analysis.findings:
        if finding.start is not None and finding.end is not None:
            notes.append(Note(finding.start, finding.end, finding.message))
        elif title:
            notes.append(Note(*title, finding.message))
    return sorted(notes, key=lambda n: (n.start, n.end))


def _title_span(analysis: Analysis) -> tuple[int, int] | None:
    """The first heading (the title), or the first block when there is none."""
    blocks = analysis.document.blocks
    heading = next((b for b in blocks if b.kind == "heading"), blocks[0] if blocks else None)
    return (heading.start, heading.end) if heading else None


def annotate_docx(data: bytes, text: str, notes: Sequence[Note]) -> tuple[bytes, int]:
    """A copy of the .docx `data` with each note as a comment on its span of
    `text` (the document text ingest made of it). Returns the copy's bytes and
    how many notes were placed (a span that cannot be found in the copy, or
    that crosses paragraphs, is left out)."""
    package = docx.Document(io.BytesIO(data))
    paragraphs = list(_map_paragraphs(package.element.body, text))
    spans = [(p.offset, p.offset + (p.atoms[-1].end if p.atoms else 0)) for p in paragraphs]  # splits keep them
    placed = 0
    for note in notes:
        index = paragraph_holding(spans, note.start, note.end)
        if index is None:
            continue
        found = paragraphs[index]
        local_start, local_end = note.start - found.offset, note.end - found.offset
        _split_at(found, local_start)
        _split_at(found, local_end)
        inside = [a for a in found.atoms if a.start < local_end and a.end > local_start]
        if not inside or any(_ancestor_paragraph(a.run) is not found.element for a in inside):
            continue  # nothing there, or text in a text box: not anchored
        comment = package.comments.add_comment(text=note.text, author=AUTHOR, initials=INITIALS)
        _mark(found.element, inside[0], inside[-1], comment.comment_id)
        placed += 1
    out = io.BytesIO()
    package.save(out)
    return out.getvalue(), placed


# --- mapping the copy's paragraphs onto the document text ------------------------------------------------------


def place_in_order(pieces: Iterable[tuple[T, str]], text: str) -> Iterator[tuple[T, int]]:
    """Each (item, its own text) with the offset in `text` where that text
    starts, found in reading order; items whose text is blank or not found
    (text ingest dropped) are left out. Shared by the .docx and .odt
    annotators, whose paragraphs ingest flattened into `text`."""
    cursor = 0
    for item, own in pieces:
        stripped = scrub(own).strip()
        if not stripped:
            continue
        found = text.find(stripped, cursor)
        if found < 0:
            continue
        cursor = found + len(stripped)
        yield item, found - (len(own) - len(own.lstrip()))


def _map_paragraphs(body, text: str) -> Iterator[_Paragraph]:
    """Each body paragraph (tables, content controls included; a text box's
    paragraphs belong to the paragraph holding it, as in ingest) with its
    offset in `text`, found in order."""

    def pieces() -> Iterator[tuple[tuple[Any, list], str]]:
        for p in body.iter(_P):
            if _ancestor_paragraph(p) is None:
                atoms = _atoms(p)
                yield (p, atoms), "".join(_atom_text(a) for a in atoms)

    for (p, atoms), start in place_in_order(pieces(), text):
        yield _Paragraph(p, start, atoms)


def _ancestor_paragraph(element):
    parent = element.getparent()
    while parent is not None:
        if parent.tag == _P:
            return parent
        parent = parent.getparent()
    return None


def _atom_text(atom: _Atom) -> str:
    tag = atom.element.tag
    if tag == _T:
        return atom.element.text or ""
    return "\t" if tag == _TAB else "\n"


def _atoms(p) -> list[_Atom]:
    """The paragraph's text pieces in order, as ingest reads them, each with
    its run and the complex field it sits in (if any)."""
    atoms: list[_Atom] = []
    offset = 0
    fields: list[Any] = []  # begin runs of the open complex fields
    pending: list[_Atom] = []  # atoms in an open field, waiting for its end run
    for element in p.iter(_T, _TAB, _BR, _CR, _FLDCHAR):
        run = element.getparent()
        if element.tag == _FLDCHAR:
            kind = element.get(_FLDTYPE)
            if kind == "begin":
                fields.append(run)
            elif kind == "end" and fields:
                fields.pop()
                if not fields:
                    for atom in pending:
                        atom.field = (atom.field[0], run) if atom.field else None
                    pending = []
            continue
        length = len(element.text or "") if element.tag == _T else 1
        atom = _Atom(element, offset, offset + length, run, (fields[0], None) if fields else None)
        if fields:
            pending.append(atom)
        atoms.append(atom)
        offset += length
    for atom in pending:  # a field never closed: anchor on its begin run and the atom's own run
        atom.field = (atom.field[0], atom.run) if atom.field else None
    return atoms


def paragraph_holding(spans: Sequence[tuple[int, int]], start: int, end: int) -> int | None:
    """The index of the span in `spans` (paragraphs' (start, end) in the
    document text, in order and apart) that holds start..end, or None. One
    binary search: a copy with thousands of comments is not scanned once per
    comment. Shared by the .docx and .odt annotators."""
    index = bisect_right(spans, start, key=lambda span: span[0]) - 1
    return index if index >= 0 and end <= spans[index][1] else None


# --- splitting runs and marking ranges -------------------------------------------------------------------------


def _split_at(paragraph: _Paragraph, offset: int) -> None:
    """Split the run whose `w:t` has `offset` strictly inside it into two runs
    with the same properties; the paragraph's atoms are read again after."""
    atom = next((a for a in paragraph.atoms if a.start < offset < a.end and a.element.tag == _T), None)
    if atom is None or atom.field is not None or _in_simple_field(atom.run, paragraph.element):
        return  # a field's result is anchored whole (_mark), never split
    run, t = atom.run, atom.element
    cut = offset - atom.start
    whole = t.text or ""
    second = copy.deepcopy(run)
    content = [c for c in run if c.tag != _RPR]
    index = content.index(t)
    for child in content[index + 1:]:
        run.remove(child)
    for child in [c for c in second if c.tag != _RPR][:index]:
        second.remove(child)
    second_t = [c for c in second if c.tag != _RPR][0]
    t.text, second_t.text = whole[:cut], whole[cut:]
    for element in (t, second_t):
        element.set(_SPACE, "preserve")
    run.addnext(second)
    paragraph.atoms = _atoms(paragraph.element)


def _in_simple_field(run, p):
    parent = run.getparent()
    while parent is not None and parent is not p:
        if parent.tag == _FLDSIMPLE:
            return parent
        parent = parent.getparent()
    return None


def _mark(p, first: _Atom, last: _Atom, comment_id: int) -> None:
    """`w:commentRangeStart` before the first run and `w:commentRangeEnd`
    after the last (the whole field when either is in a field's result), and
    the comment's reference run after the last run's link or insertion, as a
    direct child of the paragraph."""
    start = first.field[0] if first.field else (_in_simple_field(first.run, p) or first.run)
    end = last.field[1] if last.field else (_in_simple_field(last.run, p) or last.run)
    start.addprevious(OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)}))
    end.addnext(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)}))
    holder = end.getnext()  # the commentRangeEnd
    while holder.getparent() is not p:
        holder = holder.getparent()
    reference = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    reference.append(properties)
    reference.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    holder.addnext(reference)


# --- one document, from its file -------------------------------------------------------------------------------

NEEDS_DOCX = ("comments need a .docx or .odt (this is {kind}); save it as .docx, or use 'analyser analyse' "
              "for a report")
ANNOTATED_SUFFIXES = {".docx": ".annotated.docx", ".odt": ".annotated.odt"}  # original's suffix -> the copy's


def needs_docx(name: str) -> str | None:
    """The one-line refusal for a file that cannot take comments, or None for a .docx or .odt."""
    suffix = PurePosixPath(name.replace("\\", "/")).suffix.lower()
    if suffix in ANNOTATED_SUFFIXES:
        return None
    return NEEDS_DOCX.format(kind=f"a {suffix} file" if suffix else "a file without an extension")


@dataclass(frozen=True)
class AnnotatedCopy:
    path: Path
    placed: int  # comments placed, the note of what was left out included
    wanted: int  # comments the copy tried to place
    left_out: int = 0  # notes past MAX_COMMENTS, not tried: the report has them


def capped(notes: Sequence[Note], analysis: Analysis) -> tuple[list[Note], int]:
    """At most MAX_COMMENTS notes: the first in reading order and, in place
    of the rest, one on the title saying how many were left out. Returns the
    notes and how many were left out."""
    if len(notes) <= MAX_COMMENTS:
        return list(notes), 0
    kept, left_out = list(notes[: MAX_COMMENTS - 1]), len(notes) - (MAX_COMMENTS - 1)
    title = _title_span(analysis) or (kept[0].start, kept[0].end)
    note = Note(*title, f"{left_out:,} more comments were left out: a copy holds at most {MAX_COMMENTS}. "
                        "The HTML report ('analyser analyse') shows them all.")
    return sorted([note, *kept], key=lambda n: (n.start, n.end)), left_out


def write_annotated_copy(data: bytes, analysis: Analysis, out_dir: Path, stem: str,
                         show: Show = "problems") -> AnnotatedCopy:
    """Write OUT/<stem>.annotated.docx (or .odt, for an .odt), atomically,
    from the original's bytes and their analysis, with at most MAX_COMMENTS
    comments (`capped`)."""
    from analyser.annotate_odt import annotate_odt

    notes, left_out = capped(feedback_notes(analysis, show), analysis)
    odt = analysis.document.metadata.format == "odt"
    copy_bytes, placed = (annotate_odt if odt else annotate_docx)(data, analysis.document.text, notes)
    target = out_dir / f"{stem}{ANNOTATED_SUFFIXES['.odt' if odt else '.docx']}"
    write_atomic(target, copy_bytes)
    return AnnotatedCopy(target, placed, len(notes), left_out)
