"""Speaker turns in meeting notes and transcripts written as text (.txt, .md,
.docx): each turn opens with a speaker label, with a time before or after the
name where the notes give one.

    [00:12:05] Ann Smith: I don't think we trust the board yet.
    00:03 Bob: Nor do I.
    Chloé (10:02): We never agreed a shared vision.
    Ann Smith   0:03            <- a heading line (Teams .docx): the turn
    Good morning, everyone.        is the text that follows it

`find_turns` re-points the blocks a format reader made: the document text is
never changed, so offsets still point into the file's text. A turn's block
is what was said, without its label; a line that opens with a label that is
not a name ("Action:", "Agreed:"), or a time and no name ("10:12 Agreed
to ..."), stays a block of its own with no speaker.
A document is read as turns only when at least two turns (with any timed
entries) hold a third of its body's text, so an essay with one "Note:" line
or a quoted exchange stays an essay, and minutes that mix narrative with
what was said are meeting notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from analyser.ingest.builder import count_words
from analyser.model import Block, Document
from analyser.resources import read_word_list

# A time: "00:03", "0:03", "00:03:12", "1:02:03.500", "00:03,5"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
# A name: up to four words, the first capitalised, the others capitalised,
# numbers ("Participant 3") or name particles ("van der Berg").
_NAME = (
    r"(?P<name>[^\W\d_][\w.'’-]{0,30}"
    r"(?:[ \t](?:[^\W\d_][\w.'’-]{0,30}|\d{1,3}\b(?!:\d))){0,3})"
)
# "[00:12:05] Name: text", "00:03 - Name: text", "(10:02) Name: text"
_TIME_FIRST = re.compile(
    rf"[\[(]?(?P<time>{TIME})[\])]?[ \t]*(?:[-–—|][ \t]*)?{_NAME}[ \t]*:(?:[ \t]+|$)"
)
# "Name [00:03:12]: text", "Name (10:02): text", "Name 00:03: text", "Name: text"
_NAME_FIRST = re.compile(rf"{_NAME}(?:[ \t]*[\[(]?(?P<time>{TIME})[\])]?)?[ \t]*:(?:[ \t]+|$)")
# A line that is only a name and a time (Teams and Zoom .docx transcripts)
_HEADER = re.compile(rf"{_NAME}[ \t]+[\[(]?(?P<time>{TIME})[\])]?[ \t]*$")
# A line that opens with a time but no speaker: an entry of its own in a
# timestamped log ("10:12 Agreed to draft the terms of reference"; in notes
# also "10.12", "10:12am", "10.12 -")
TIMED_LINE = re.compile(rf"[\[(]?(?:{TIME}|\d{{1,2}}\.\d{{2}})(?:[ \t]?[ap]\.?m\.?)?[\])]?(?:[ \t]|$)", re.IGNORECASE)
_PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "al", "el"}
)
MIN_TURNS = 2
# Of the body's characters: minutes that mix narrative ("JB welcomed members")
# with quoted turns are meeting notes too; an essay quoting an exchange is not.
MIN_TURN_SHARE = 1 / 3


@dataclass(frozen=True)
class Label:
    """A speaker label at the start of a line: who, when, and where what
    they said begins (`content` is a document offset)."""

    speaker: str
    time: float | None
    content: int
    heading_only: bool = False  # a line with only the name and time


def parse_time(value: str) -> float:
    """Seconds in "00:03", "1:02:03", "00:00:03.500" or "00:00:03,500"."""
    parts = value.replace(",", ".").split(":")
    seconds = 0.0
    for part in parts:
        seconds = seconds * 60 + float(part)
    return round(seconds, 3)


def format_time(seconds: float | None) -> str:
    """"00:12:05" (hours always shown: a column of times lines up)."""
    if seconds is None:
        return ""
    whole = int(seconds)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def _is_name(name: str) -> bool:
    words = name.split()
    if not words or not words[0][0].isupper() or name.lower() in read_word_list("not_speakers.txt"):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words[1:])


def match_label(text: str, start: int, end: int) -> Label | None:
    """The speaker label opening the line text[start:end], if there is one."""
    for pattern in (_TIME_FIRST, _NAME_FIRST, _HEADER):
        match = pattern.match(text, start, end)
        if match and _is_name(match.group("name")):
            time = match.group("time") if "time" in pattern.groupindex else None
            content = match.end()
            while content < end and text[content] in " \t":
                content += 1
            return Label(match.group("name"), parse_time(time) if time else None, content,
                         heading_only=pattern is _HEADER or content >= end)
    return None


def _lines(text: str, block: Block) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line of a block, without surrounding spaces."""
    position = block.start
    for line in text[block.start : block.end].split("\n"):
        start, end = position, position + len(line)
        position = end + 1
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            yield start, end


def _candidate(block: Block, guessed_headings: bool) -> bool:
    """Blocks that may hold turns: paragraphs, and headings that were only
    guessed from a short line without a full stop ("Ann: Agreed")."""
    return block.kind == "paragraph" or (block.kind == "heading" and guessed_headings)


def find_turns(document: Document, *, guessed_headings: bool) -> bool:
    """Re-point `document.blocks` at turns when most of the body is speaker
    turns; returns whether it did. `guessed_headings`: the reader's headings
    are guesses (plain text), so a heading may be a short turn."""
    if any(b.kind == "turn" for b in document.blocks):
        return True  # a caption reader made the turns already
    blocks = _split(document, guessed_headings)
    turns = [b for b in blocks if b.kind == "turn"]
    # a timestamped log's entries without a name count with the turns
    logged = [b for b in blocks if b.kind == "turn" or TIMED_LINE.match(document.text, b.start, b.end)]
    body = sum(b.end - b.start for b in blocks if b.kind != "heading")
    if len(turns) < MIN_TURNS or sum(b.end - b.start for b in logged) < MIN_TURN_SHARE * body:
        return False
    document.blocks = blocks
    document.metadata.word_count = sum(count_words(document.text[b.start : b.end]) for b in blocks)
    return True


def _other_label(text: str, start: int, end: int) -> bool:
    """A line opening with a label that is not a name: "Action: ...", "Agreed: ..."."""
    match = _NAME_FIRST.match(text, start, end)
    return bool(match and match.group("name").lower() in read_word_list("not_speakers.txt"))


def _split(document: Document, guessed_headings: bool) -> list[Block]:
    text = document.text
    blocks: list[Block] = []
    current: Block | None = None
    pending: Label | None = None  # a heading-only label: its turn is the text after it

    def close() -> None:
        nonlocal current
        if current is not None:
            blocks.append(current)
            current = None

    for block in document.blocks:
        if not _candidate(block, guessed_headings):
            close()
            pending = None
            blocks.append(block)
            continue
        if current is not None and current.kind != "turn":
            close()  # a paragraph without a speaker ends with its block
        if current is not None and pending is None:
            close()  # a labelled turn ends with its block
        for start, end in _lines(text, block):
            label = match_label(text, start, end)
            if label and label.heading_only:
                close()
                pending = label
                continue
            if label:
                close()
                pending = None
                current = Block("turn", label.content, end, speaker=label.speaker, start_time=label.time)
                continue
            if _other_label(text, start, end) or TIMED_LINE.match(text, start, end):
                close()  # "Action: ..." or "10:12 Agreed ..." inside a run of turns is a note of its own
                pending = None
            if current is None:
                if pending is not None:
                    current = Block("turn", start, end, speaker=pending.speaker, start_time=pending.time)
                else:
                    kind = "paragraph" if block.kind == "heading" and start != block.start else block.kind
                    current = Block(kind, start, end, block.level)
            else:
                current.end = end
        if pending is None:
            close()
    close()
    return blocks
