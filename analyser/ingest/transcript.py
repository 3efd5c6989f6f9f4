"""Speaker turns in meeting notes and transcripts written as text (.txt, .md,
.docx): each turn opens with a speaker label, with a time before or after the
name where the notes give one.

    [00:12:05] Ann Smith: I don't think we trust the board yet.
    00:03 Bob: Nor do I.
    Chloé (10:02): We never agreed a shared vision.
    Ann Smith   0:03            <- a heading line (Teams .docx): the turn
    Good morning, everyone.        is the text that follows it
    Ann Smith   0:03   Morning.    <- Teams pasted one turn a line

`find_turns` re-points the blocks a format reader made: the document text is
never changed, so offsets still point into the file's text. A turn's block
is what was said, without its label; a line that opens with a label that is
not a name ("Action:", "Agreed:"), or a time and no name ("10:12 Agreed
to ..."), stays a block of its own with no speaker; a timed one keeps its
time. In a timed line, initials and a dash name the speaker too ("10:12 RP -
GPs were not asked"), and so do initials and a verb of saying ("10:40 MH
said the budget is fixed": the turn keeps the note-taker's words).
A document is read as turns only when at least two turns (with any timed
entries) hold a third of its body's text, so an essay with one "Note:" line
or a quoted exchange stays an essay, and minutes that mix narrative with
what was said are meeting notes. A log with no names at all is read so when
at least three timed entries, their times in order, hold half its text;
minutes that open with "Present:" and "Apologies:" (or "On the call:",
"There -", a title such as "my notes" or "Huddle board", and how the record
was made, "typed up from the whiteboard": `minutes_header`) need only two
turns. A bullet is a turn only with a time ("- 10:05 RP: ..."). A log's
times are the clock's when none has seconds and the first is 06:00 or later,
or says it is the clock's ("05.40", "5:40am"), or the record says it was
typed up from notes or a board.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from analyser.ingest.builder import count_words
from analyser.model import Block, BlockKind, Document
from analyser.resources import read_word_list

# A time: "00:03", "0:03", "00:03:12", "1:02:03.500", "00:03,5"
TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
# A name: up to four words, the first capitalised, the others capitalised,
# numbers ("Participant 3") or name particles ("van der Berg").
_NAME = (
    r"(?P<name>[^\W\d_][\w.'’-]{0,30}"
    r"(?:[ \t](?:[^\W\d_][\w.'’-]{0,30}|\d{1,3}\b(?!:\d))){0,3})"
)
# A role in brackets after the name, as chat exports and minutes give it:
# "Dawn Okafor (Site Manager):". It opens with a letter, so "Smith (2019):"
# is not a label.
_ROLE = r"(?:[ \t]*\([^\W\d_][^()\n]{0,59}\))?"
# A day or date before the time, as chat exports give it: "[Fri 11/10 19:42]",
# "[11/10/2024, 19:42]", "[Thu 10:02]"
_DAY = r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?[ \t]+)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?,?[ \t]+)?"
# "[00:12:05] Name: text", "00:03 - Name: text", "(10:02) Name (role): text"
_TIME_FIRST = re.compile(
    rf"[\[(]?{_DAY}(?P<time>{TIME})[\])]?[ \t]*(?:[-–—|][ \t]*)?{_NAME}{_ROLE}[ \t]*:(?:[ \t]+|$)"
)
# "Name [00:03:12]: text", "Name (10:02): text", "Name 00:03: text", "Name: text", "Name (role): text"
_NAME_FIRST = re.compile(rf"{_NAME}(?:[ \t]*[\[(]?(?P<time>{TIME})[\])]?|{_ROLE})[ \t]*:(?:[ \t]+|$)")
# A line that is only a name and a time (Teams and Zoom .docx transcripts)
_HEADER = re.compile(rf"{_NAME}[ \t]+[\[(]?(?P<time>{TIME})[\])]?[ \t]*$")
# A Teams transcript pasted one turn a line, name, time and words set apart
# by tabs or runs of spaces: "Morag Kennedy   0:03   ok i think we're recording"
_INLINE = re.compile(rf"{_NAME}(?:\t+|[ ]{{2,}})[\[(]?(?P<time>{TIME})[\])]?(?:\t+|[ ]{{2,}})(?=\S)")
# A clock time in typed notes: "10:12", "10.12"
_CLOCK = rf"{TIME}|\d{{1,2}}\.\d{{2}}"
# A typed note's time opening a line, in brackets or not, after a day or date: "10:12", "[10.12]", "(Fri 10:02)"
_NOTE_TIME = rf"[\[(]?{_DAY}(?P<time>{_CLOCK})[\])]?[ \t]*"
# "10:12 RP - text", "[10.12] KO – text": a note-taker's initials and a dash.
# Only in a timed line, and only capitals: "Finance - Q3" is a topic.
_TIME_INITIALS = re.compile(rf"{_NOTE_TIME}(?P<name>[A-Z]{{2,4}})[ \t]*[-–—](?:[ \t]+|$)")
# "10:40 MH said the budget is fixed", "[10.52] - KO asked who signs it off":
# a note-taker's initials and a verb of saying (analyser/data/speech_verbs.txt)
# after a time. The turn is the whole entry after the time (`said`), so it
# still reads as the note-taker wrote it. Not when the verb ends the clause
# or "by" follows it: "10:05 DSA agreed by all", "10:12 TOR agreed." are a
# document's fate, told in the passive.
_TIME_INITIALS_SAID = re.compile(
    rf"{_NOTE_TIME}(?:[-–—][ \t]*)?"
    r"(?P<said>(?P<name>[A-Z]{2,4})[ \t]+(?P<verb>[a-z]+)\b)(?![ \t]*(?:[.,;]|by\b|$))"
)
# A line that opens with a time but no speaker: an entry of its own in a
# timestamped log ("10:12 Agreed to draft the terms of reference"; in notes
# also "10.12", "10:12am", "10.12 -")
TIMED_LINE = re.compile(rf"[\[(]?{_DAY}(?P<time>{_CLOCK})(?:[ \t]?(?P<half>[ap])\.?m\.?)?[\])]?(?:[ \t]|$)",
                        re.IGNORECASE)
_PARTICLES = frozenset(
    {"de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "la", "le", "bin", "al", "el"}
)
MIN_TURNS = 2
# Of the body's characters: minutes that mix narrative ("JB welcomed members")
# with quoted turns are meeting notes too; an essay quoting an exchange is not.
MIN_TURN_SHARE = 1 / 3
# A log with no speaker names: at least this many timed entries, in time
# order, holding at least this share of the body's characters. Stricter than
# for turns, as a line opening "2.10" may be a numbered paragraph.
MIN_LOG_ENTRIES = 3
MIN_LOG_SHARE = 1 / 2
CLOCK_FROM = 6 * 60  # "06:00", in parse_time's units: a log from this time on is on the clock
_RAW_TIME = re.compile(_CLOCK)
# "am" or "pm" right after a time ("5:40am", "5.40 p.m."); not initials with a colon ("05:40 AM: ...")
_HALF_DAY = re.compile(r"[ \t]?(?:[ap]\.?m\b|[AP]\.?M\b)(?![ \t]*:)")
_TABLE_TIME = re.compile(rf"[\[(]?(?:{TIME})[\])]?")  # a transcript table's time cell: "0:03", "[00:01:12]"
# Minutes that open with a header ("Present:", "Apologies:", "Chair:";
# analyser/data/minutes_labels.txt) need only two turns, not a third of the
# text: their narrative ("YM explained the purpose") is the meeting's too.
MINUTES_LABELS = 2  # distinct header labels
HEADER_LINES = 40  # where the header is looked for: the first non-blank lines
LABEL_REACH = 60  # characters: a dash after a label is this near its line's start
TITLE_REACH = 200  # characters of a line read for a title: a paragraph's words further on are not one
# A meeting record's title (read in lower case): "Minutes of the meeting",
# "notes from today's call", "ops group – my notes", "GRT forum - minutes",
# "DECISION LOG", "Flipchart write-up", "Typed up from my notebook"
_MINUTES_TITLE = re.compile(
    r"\b(?:minutes?|notes) (?:of|from) (?:the |a |today's )?(?:meeting|call)\b|\bminutes of\b"
    r"|\b(?:my|rough|meeting|mtg|highlight) notes\b|[-–—] (?:draft )?(?:minutes|notes)\b|\bnotes by\b"
    r"|\b(?:decision|action) log\b|\bflipchart write-?up\b|\bwr(?:ite|itten)[- ]?up (?:of|from) the\b"
    r"|\b(?:handover|huddle|morning) board\b|\bsafety huddle\b"
)
# How a meeting record was made, which counts as a header label of its own
# (read in lower case): "typed up from my notebook", "typed from the
# whiteboard photo", "Written up by Pauline Ward (RA secretary) from my notes"
_RECORD_MADE = re.compile(
    r"\btyped (?:up )?from (?:the |my |a |our )?(?:office |team |ward )?(?:notebook|whiteboard|board|flipchart)\b"
    r"|\bwritten up (?:by [^.;\n]{1,60}? )?from (?:my|our|the) notes\b"
)
_TITLE_WORDS = re.compile("minute|notes|log|writ|board|huddle")  # one of these in a line before a title is sought
# a label at the start of a line or of a sentence in it ("... DH (me). Apols: Police."),
# with a colon or a dash after it ("Present – approx 14 carers")
_LABEL = re.compile(r"(?P<label>[^\W\d_][^\W\d_ \t/'’-]*(?:[ \t][^\W\d_]+){0,4})(?:[ \t]*:|[ \t]+[-–—](?:[ \t]|$))")
_SENTENCE_BREAK = re.compile(r"(?<=[.;])[ \t]+")
_DASHES = re.compile(r"[ \t][-–—](?:[ \t]|$)")  # a label's dash: "Present – approx 14 carers"


@dataclass(frozen=True)
class Label:
    """A speaker label at the start of a line: who, when, and where what
    they said begins (`content` is a document offset)."""

    speaker: str
    time: float | None
    content: int
    heading_only: bool = False  # a line with only the name and time


def parse_time(value: str) -> float:
    """Seconds in "00:03", "1:02:03", "00:00:03.500" or "00:00:03,500"; a
    note-taker's "10.12" is "10:12"."""
    if ":" not in value:
        value = value.replace(".", ":")
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


def _not_a_speaker(name: str) -> bool:
    """A label such as "Action", "Action 3" or "AOB" (analyser/data/not_speakers.txt)."""
    labels = read_word_list("not_speakers.txt")
    return name.lower() in labels or name.split(None, 1)[0].lower() in labels


def _is_name(name: str) -> bool:
    words = name.split()
    if not words or not words[0][0].isupper() or _not_a_speaker(name):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words[1:])


def match_label(text: str, start: int, end: int) -> Label | None:
    """The speaker label opening the line text[start:end], if there is one."""
    for pattern in (_TIME_FIRST, _NAME_FIRST, _HEADER, _INLINE, _TIME_INITIALS, _TIME_INITIALS_SAID):
        match = pattern.match(text, start, end)
        if match and _is_name(match.group("name")):
            if "verb" in pattern.groupindex and match.group("verb") not in read_word_list("speech_verbs.txt"):
                continue
            time = match.group("time") if "time" in pattern.groupindex else None
            content = match.start("said") if "said" in pattern.groupindex else match.end()
            while content < end and text[content] in " \t":
                content += 1
            return Label(match.group("name"), parse_time(time) if time else None, content,
                         heading_only=pattern is _HEADER or content >= end)
    return None


def table_turns(rows: Sequence[Sequence[str]]) -> list[str | None] | None:
    """A transcript kept as a Word or ODF table, one turn a row: "Speaker |
    text" or "Speaker | 0:03 | text". Each turn row as a line the turn
    reader reads ("Speaker [0:03]: text": name, time and words in the
    table's order, so a comment on the words still finds them), None for a
    row that is not one (a header: "Speaker | Time | Text"); None for the
    whole table unless two thirds of its rows are turns and a speaker comes
    back (a table of terms, or of people and their roles, names each once)."""
    lines = [_table_turn([cell.strip() for cell in cells]) for cells in rows]
    names = [cells[0].strip() for cells, line in zip(rows, lines) if line is not None]
    # speakers come back: a table of terms or of people and their roles names each once
    talk = len(names) > len(set(names)) >= MIN_TURNS
    return lines if talk and 3 * len(names) >= 2 * len(lines) else None


def could_hold_turns(widths: Sequence[int]) -> bool:
    """Whether a table whose rows are this many cells wide may be a
    transcript (`table_turns`): two or three cells a row, and one row more
    than the fewest turns, as a speaker must come back. Readers ask this
    before they read any cell's text."""
    return len(widths) > MIN_TURNS and all(width in (2, 3) for width in widths)


def table_blocks(rows: Sequence[Sequence[str]]) -> list[tuple[BlockKind, str, int]] | None:
    """A reader's blocks for a transcript table (`table_turns`): a paragraph
    per turn, the other rows' cells as cells; None for any other table."""
    turns = table_turns(rows)
    if turns is None:
        return None
    blocks: list[tuple[BlockKind, str, int]] = []
    for cells, line in zip(rows, turns):
        blocks += [("paragraph", line, 0)] if line else [("table_cell", cell, 0) for cell in cells]
    return blocks


def _table_turn(cells: list[str]) -> str | None:
    if len(cells) not in (2, 3) or not cells[-1] or "\n" in cells[0]:
        return None
    name, said = cells[0], cells[-1].replace("\n\n", "\n")
    if len(cells) == 3 and not _TABLE_TIME.fullmatch(cells[1]):
        return None
    line = f"{name} [{cells[1].strip('[]()')}]: {said}" if len(cells) == 3 else f"{name}: {said}"
    label = match_label(line, 0, len(line))
    return line if label is not None and label.speaker == name else None


def entry_time(text: str, start: int, end: int) -> float | None:
    """The time opening the line text[start:end] ("10:12", "10.12", "2:05pm"),
    in parse_time's units with the afternoon's hours added, or None."""
    match = TIMED_LINE.match(text, start, end)
    if match is None:
        return None
    fields = re.split(r"[:.]", match.group("time"))
    seconds = parse_time(match.group("time"))
    if (match.group("half") or "").lower() == "p" and int(fields[0]) < 12:
        seconds += 12 * 60 ** (len(fields) - 1)  # the hours field, in the same units
    return seconds


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
    """Blocks that may hold turns: paragraphs, list items (notes typed as
    bullets), and headings that were only guessed from a short line without
    a full stop ("Ann: Agreed")."""
    return block.kind in ("paragraph", "list_item") or (block.kind == "heading" and guessed_headings)


def _listed_speaker(label: Label) -> bool:
    """In a bulleted list a label is a speaker's only with a time ("- 10:05
    RP: ..."): without one, "- SA: book the room" names an action's owner
    and "- Trust: the belief that ..." a glossary's term."""
    return label.time is not None


def find_turns(document: Document, *, guessed_headings: bool) -> bool:
    """Re-point `document.blocks` at turns when most of the body is speaker
    turns; returns whether it did. `guessed_headings`: the reader's headings
    are guesses (plain text), so a heading may be a short turn."""
    if any(b.kind == "turn" for b in document.blocks):
        return True  # a caption reader made the turns already
    blocks = _split(document, guessed_headings)
    # minutes end a turn with its line's last sentence: read again if these are minutes
    minutes = any(b.kind == "turn" for b in blocks) and minutes_header(document.text)
    if minutes:
        blocks = _split(document, guessed_headings, minutes=True)
    turns = [b for b in blocks if b.kind == "turn"]
    # a timestamped log's entries without a name count with the turns
    logged = [b for b in blocks if b.kind == "turn" or b.start_time is not None]
    body = sum(b.end - b.start for b in blocks if b.kind != "heading")
    share = sum(b.end - b.start for b in logged) / body if body else 0.0
    if len(turns) >= MIN_TURNS:
        read = share >= MIN_TURN_SHARE or minutes
    else:
        times = [b.start_time for b in logged if b.start_time is not None]
        read = len(times) >= MIN_LOG_ENTRIES and share >= MIN_LOG_SHARE and times == sorted(times)
    if not read:
        return False
    _clock_times(document.text, blocks)
    document.blocks = blocks
    document.metadata.word_count = sum(count_words(document.text[b.start : b.end]) for b in blocks)
    return True


def _clock_times(text: str, blocks: list[Block]) -> None:
    """A recording's transcript gives times from its start ("00:03" is 3 s);
    a note-taker's log gives the clock ("10:12" is 10 h 12 min). When no
    time in the notes has seconds, they are the clock's if the first is
    06:00 or later, or if the first says so before then (a night shift's
    "05.40" or "5:40am": a dot or am/pm, which no recording gives). Each is
    then scaled from minutes and seconds to hours and minutes (so a report
    shows 10:12:00). A night log typed "05:40" stays a recording's, unless
    its first lines say it was typed up from notes or a board (`_typed_up`):
    a note-taker's record, never a recording."""
    timed = [b for b in blocks if b.start_time is not None]
    first = _written_time(text, timed[0]) if timed else None
    if first is None:
        return
    night = (timed[0].start_time or 0.0) < CLOCK_FROM
    if night and ":" in first.group() and not _HALF_DAY.match(text, first.end()) and not _typed_up(text):
        return  # "05:40": a recording's 5 min 40 s
    if any(_written_time(text, block) is None for block in timed[1:]):
        return
    for block in timed:
        block.start_time = (block.start_time or 0.0) * 60


def _written_time(text: str, block: Block) -> re.Match[str] | None:
    """The time as written on the block's line, if it has no seconds (None:
    seconds given, or no time found where it was read)."""
    line = text.rfind("\n", 0, block.start) + 1
    raw = _RAW_TIME.search(text, line, max(block.start, line + 40))
    return raw if raw is not None and raw.group().count(":") + raw.group().count(".") == 1 else None


def minutes_header(text: str) -> bool:
    """Whether the text opens as minutes do: two or more distinct header
    labels ("Present:", "Apologies –", "On the call:", or the label alone on
    its line) among its first lines, a meeting record's title ("Minutes of
    the meeting", "my notes", "Decision log", "Huddle board") counting as
    one and how it was made ("typed up from the whiteboard", "written up
    from my notes") as another. Of a bilingual
    label ("Lleoliad / Venue:") the last half is read."""
    labels, last_words = _header_labels()
    found: set[str] = set()
    for line in _first_lines(text, HEADER_LINES):
        lower = line.lower()
        for half in (lower, lower.rsplit(" / ", 1)[-1]) if " / " in lower else (lower,):
            if half.rstrip(":") in labels:
                found.add(half.rstrip(":"))  # the label alone on its line
            colon = ":" in half
            if not colon and not _DASHES.search(half, 0, LABEL_REACH):
                continue
            for part in _SENTENCE_BREAK.split(half) if colon else (half,):
                match = _LABEL.match(part)
                label = match.group("label") if match else ""
                if label in labels:
                    found.add(label)
                elif label.rsplit(" ", 1)[-1] in last_words:
                    found.add(label.rsplit(" ", 1)[-1])
        title = lower[:TITLE_REACH]
        if _TITLE_WORDS.search(title) and _MINUTES_TITLE.search(title):
            found.add("minutes")
        if _says_how_made(title):
            found.add("typed up")
    return len(found) >= MINUTES_LABELS


def _says_how_made(title: str) -> bool:
    """Whether a line (lower case) says how the record was made: "typed up
    from my notebook", "written up ... from my notes"."""
    return ("typed" in title or "written up" in title) and _RECORD_MADE.search(title) is not None


def _typed_up(text: str) -> bool:
    """Whether the text's first lines say it was typed or written up from
    notes, a notebook or a board."""
    return any(_says_how_made(line.lower()[:TITLE_REACH]) for line in _first_lines(text, HEADER_LINES))


@cache
def _header_labels() -> tuple[frozenset[str], frozenset[str]]:
    """The minutes header labels, and the words that also end a longer one
    (marked "*" in analyser/data/minutes_labels.txt)."""
    entries = read_word_list("minutes_labels.txt")
    return (frozenset(entry.lstrip("*") for entry in entries),
            frozenset(entry[1:] for entry in entries if entry.startswith("*")))


def _first_lines(text: str, count: int) -> Iterator[str]:
    """The first `count` non-blank lines of `text`, stripped (the rest of a
    long document is never copied)."""
    start = 0
    while count and start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        start = end + 1
        if line:
            count -= 1
            yield line


def _other_label(text: str, start: int, end: int) -> bool:
    """A line opening with a label that is not a name: "Action: ...", "Agreed: ..."."""
    match = _NAME_FIRST.match(text, start, end)
    return bool(match and _not_a_speaker(match.group("name")))


def _narrative(text: str, previous_end: int, start: int) -> bool:
    """In minutes typed a point a line, a line after a finished sentence that
    opens with a capital or a digit ("Dr A asked whether ...") is the
    note-taker's, not the speaker's above it."""
    return text[previous_end - 1] in ".?!" and (text[start].isupper() or text[start].isdigit())


def _split(document: Document, guessed_headings: bool, minutes: bool = False) -> list[Block]:
    """The blocks re-pointed at turns. `minutes`: the text opens as minutes
    do, so a turn ends with its line's last sentence (`_narrative`)."""
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
        if block.kind == "list_item":
            close()  # a bullet is never said under the name on the line above it
            pending = None
        if current is not None and current.kind != "turn":
            close()  # a paragraph without a speaker ends with its block
        if current is not None and pending is None:
            close()  # a labelled turn ends with its block
        for start, end in _lines(text, block):
            label = match_label(text, start, end)
            if label and block.kind == "list_item" and not _listed_speaker(label):
                label = None
            if label and label.heading_only:
                close()
                pending = label
                continue
            if label:
                close()
                pending = None
                current = Block("turn", label.content, end, speaker=label.speaker, start_time=label.time)
                continue
            time = entry_time(text, start, end)
            told = minutes and current is not None and current.kind == "turn" and _narrative(text, current.end, start)
            if _other_label(text, start, end) or time is not None or told:
                close()  # "Action: ...", "10:12 Agreed ..." or minutes' "Dr A asked ..." is a note of its own
                pending = None
            if current is None:
                if pending is not None:
                    current = Block("turn", start, end, speaker=pending.speaker, start_time=pending.time)
                elif time is not None:  # a timed entry is never a heading
                    current = Block("list_item" if block.kind == "list_item" else "paragraph", start, end,
                                    start_time=time)
                else:
                    kind = "paragraph" if block.kind == "heading" and start != block.start else block.kind
                    # a bullet keeps the reader's mark of an action's owner ("- SA: book the room")
                    owner = block.speaker if kind == "list_item" else None
                    current = Block(kind, start, end, block.level, speaker=owner)
            else:
                current.end = end
        if pending is None:
            close()
    close()
    return blocks
