"""Caption files: WebVTT (.vtt, as Teams and Zoom export) and SubRip (.srt),
read with webvtt-py and srt, become a document of speaker turns.

Why a document of our own making: a caption file splits speech into cues of
a few seconds, cut mid-sentence. Consecutive cues of one speaker are joined
into one turn, so sentences and phrases ("shared | vision") survive the cut.
The document text gives each turn a line, `[00:00:03] Ann Smith: what was
said`, which reads well in a QDA program and is read back as the same turns
if analysed as plain text; each turn's block is what was said, without its
label. A speaker comes from a `<v Name>` voice tag (every line of a cue is
read: webvtt-py's `voice` sees only a cue's first line, and a cue may hold
two voices) or a "Name:" label at the start of the cue's text; a cue with
neither continues the turn before it, as subtitles name a speaker only when
the speaker changes.
"""

from __future__ import annotations

import html
import io
import logging
import re
from dataclasses import dataclass

import srt
import webvtt
from webvtt.errors import MalformedCaptionError, MalformedFileError

from analyser.errors import InputError
from analyser.ingest.builder import BLOCK_SEPARATOR, count_words
from analyser.ingest.transcript import format_time, match_label, parse_time
from analyser.model import Block, Document, Metadata

_VOICE = re.compile(r"<v(?:\.[\w-]+)*[ \t]+([^>]+?)[ \t]*>")
_TAG = re.compile(r"</?[^<>\n]*>")  # no "<" inside: a line of "<<<<" stays linear
_TIMING_LINE = re.compile(r"(?m)^[^\n]*-->")
BREAK_GAP = 1.0  # seconds of silence that end an unattributed block at a sentence end
BREAK_WORDS = 150  # words after which an unattributed block ends at the next sentence end


@dataclass
class Segment:
    """What one voice said in one cue."""

    speaker: str | None
    start: float
    end: float
    text: str


def read_vtt(text: str, source: str) -> Document:
    if not text.lstrip("\ufeff \t\r\n").startswith("WEBVTT"):
        raise InputError(source, "is not a WebVTT file: it must begin with the line WEBVTT")
    try:
        captions = webvtt.from_buffer(io.StringIO(text)).captions
    except (MalformedFileError, MalformedCaptionError) as exc:
        raise InputError(source, f"is not a valid WebVTT file ({exc})") from None
    warnings = []
    skipped = len(_TIMING_LINE.findall(text)) - len(captions)
    if skipped > 0:
        warnings.append(f"{skipped} cue(s) with an unreadable timing line were left out")
    segments = []
    for caption in captions:
        segments += _cue_segments(caption.lines, parse_time(caption.start), parse_time(caption.end))
    return _document(segments, source, "vtt", warnings)


def read_srt(text: str, source: str) -> Document:
    warnings = []
    try:
        subtitles = list(srt.parse(text))
    except srt.SRTParseError as exc:
        bad = exc.expected_start + len(text[exc.expected_start :]) - len(text[exc.expected_start :].lstrip())
        line = text.count("\n", 0, bad) + 1
        srt_log = logging.getLogger("srt")  # it logs each part it skips; the warning below says it once
        srt_log.disabled = True
        try:
            subtitles = list(srt.parse(text, ignore_errors=True))
        finally:
            srt_log.disabled = False
        if not subtitles:
            raise InputError(source, f"is not a valid SubRip (.srt) file (nothing readable from line {line})") from None
        warnings.append(f"unreadable text from line {line} on was left out, up to the next readable cue")
    segments = []
    for subtitle in subtitles:
        segments += _cue_segments(subtitle.content.split("\n"), subtitle.start.total_seconds(),
                                  subtitle.end.total_seconds())
    return _document(segments, source, "srt", warnings)


def _clean(line: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", line)).split())


def _cue_segments(lines: list[str], start: float, end: float) -> list[Segment]:
    """One segment per voice in the cue; lines without a voice tag belong to
    the voice before them."""
    segments: list[Segment] = []
    for line in lines:
        voice = _VOICE.search(line)
        words = _clean(line)
        if voice:
            segments.append(Segment(_clean(voice.group(1)) or None, start, end, words))
            continue
        label = match_label(words, 0, len(words)) if not segments else None
        if label and not label.heading_only:
            segments.append(Segment(label.speaker, start, end, words[label.content :]))
        elif segments:
            segments[-1].text = f"{segments[-1].text} {words}".strip()
        elif words:
            segments.append(Segment(None, start, end, words))
    return [s for s in segments if s.text]


def _join(segments: list[Segment]) -> list[Segment]:
    """Consecutive segments of one speaker become one turn; a segment with no
    speaker continues the turn before it."""
    turns: list[Segment] = []
    for segment in segments:
        previous = turns[-1] if turns else None
        if previous is not None and segment.speaker in (None, previous.speaker):
            if previous.speaker is None and _ends_block(previous, segment):
                turns.append(Segment(None, segment.start, segment.end, segment.text))
                continue
            previous.text = f"{previous.text} {segment.text}"
            previous.end = max(previous.end, segment.end)
        else:
            turns.append(Segment(segment.speaker, segment.start, segment.end, segment.text))
    return turns


def _ends_block(previous: Segment, segment: Segment) -> bool:
    """Unattributed captions are cut into blocks at sentence ends after a pause
    or a long run, so a file without speakers is not one enormous block."""
    sentence_end = previous.text.rstrip("\"'”’)").endswith((".", "?", "!"))
    return sentence_end and (segment.start - previous.end >= BREAK_GAP or count_words(previous.text) >= BREAK_WORDS)


def _document(segments: list[Segment], source: str, fmt: str, warnings: list[str]) -> Document:
    if not segments:
        raise InputError(source, "has no captions with text to analyse")
    backwards = sum(1 for s in segments if s.end < s.start)
    if backwards:
        warnings.append(f"{backwards} cue(s) end before they start; their times are kept as written")
    parts: list[str] = []
    blocks: list[Block] = []
    length = 0
    turns = _join(segments)
    for turn in turns:
        label = f"[{format_time(turn.start)}] " + (f"{turn.speaker}: " if turn.speaker else "")
        if parts:
            parts.append(BLOCK_SEPARATOR)
            length += len(BLOCK_SEPARATOR)
        parts += [label, turn.text]
        blocks.append(Block("turn", length + len(label), length + len(label) + len(turn.text),
                            speaker=turn.speaker, start_time=turn.start, end_time=turn.end))
        length += len(label) + len(turn.text)
    words = sum(count_words(turn.text) for turn in turns)
    metadata = Metadata(source=source, format=fmt, word_count=words)
    return Document("".join(parts), blocks, metadata, warnings=warnings)


CAPTION_READERS = {"vtt": read_vtt, "srt": read_srt}
