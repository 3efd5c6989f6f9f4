"""Meetings and transcripts: what kind of document this is, who spoke how
much, and the feedback a meeting gets instead of an essay's.

    kind = detect_kind(document)                # "essay", "meeting_notes" or "transcript"
    speakers = speaker_stats(document)
    attach_speakers(mentions, document)
    findings = meeting_findings(document, mentions, concepts, speakers)

Why a stage of its own: a meeting has no reference list to check, and the
questions a researcher asks of it are about people — who talked, who raised
which concept, where someone said something was missing, who took a concept
up after whom. Every finding points at the turn it is about.
"""

from __future__ import annotations

import tomllib
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from analyser.ingest.builder import count_words
from analyser.ingest.transcript import format_time, minutes_header
from analyser.model import Block, ConceptInfo, Document, DocumentKind, Finding, Mention, SpeakerStat
from analyser.resources import data_path

KINDS: tuple[DocumentKind, ...] = ("essay", "meeting_notes", "transcript")
CAPTION_FORMATS = ("vtt", "srt")
TIMED_SHARE = 0.8  # of turns with a time, for a transcript


@dataclass(frozen=True)
class MeetingData:
    dominant_share: float
    min_speakers_for_dominance: int
    messages: dict[str, str]
    model_floor: float  # the least probability for a model suggestion in a meeting


@lru_cache(maxsize=1)
def load_meeting_data() -> MeetingData:
    """analyser/data/meetings.toml, read once per process."""
    with data_path("meetings.toml").open("rb") as handle:
        raw = tomllib.load(handle)
    return MeetingData(float(raw["dominant_share"]), int(raw["min_speakers_for_dominance"]), dict(raw["messages"]),
                       float(raw["model_floor"]))


def model_floor(kind: str | None) -> float:
    """The least probability at which the concept model suggests a code in a
    document of this kind: the meetings data's floor for meeting notes and
    transcripts (real talk is sparse in the concepts), 0 for anything else."""
    return load_meeting_data().model_floor if is_meeting(kind) else 0.0


def detect_kind(document: Document) -> DocumentKind:
    """A caption file, or a body of nothing but turns most of which carry a
    time, is a transcript; a body mostly of turns or a log's timed entries
    (with notes, actions or lists among them), or a text that opens as
    minutes do ("Present: ...", "Apologies: ..."), is meeting notes;
    anything else is an essay. Ingest makes turns and timed entries only
    when they hold a third of the body's text, so one "Note:" line never
    turns an essay into a meeting."""
    turns = [b for b in document.blocks if b.kind == "turn"]
    if not turns and not any(b.start_time is not None for b in document.blocks):
        return "meeting_notes" if minutes_header(document.text) else "essay"
    if document.metadata.format in CAPTION_FORMATS:
        return "transcript"
    body = [b for b in document.blocks if b.kind != "heading"]
    timed = sum(1 for b in turns if b.start_time is not None)
    if turns and len(turns) == len(body) and timed >= TIMED_SHARE * len(turns):
        return "transcript"
    return "meeting_notes"


def is_meeting(kind: str | None) -> bool:
    return kind in ("meeting_notes", "transcript")


def speaker_stats(document: Document) -> list[SpeakerStat]:
    """Turns and words per speaker, in order of first turn; `share` is of all
    words said in turns."""
    turns: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for block in document.blocks:
        if block.kind == "turn" and block.speaker:
            turns[block.speaker] += 1
            words[block.speaker] += count_words(document.text[block.start : block.end])
    total = sum(words.values())
    return [SpeakerStat(name, turns[name], words[name], round(words[name] / total, 4) if total else 0.0)
            for name in turns]


def attach_speakers(mentions: Sequence[Mention], document: Document) -> None:
    """Every mention carries the speaker of the block it is in."""
    for mention in mentions:
        mention.speaker = document.blocks[mention.paragraph].speaker


def _where(block: Block, number: int) -> str:
    time = format_time(block.start_time)
    return f"turn {number}, {time}" if time else f"turn {number}"


def meeting_findings(
    document: Document, mentions: Sequence[Mention], concepts: Sequence[ConceptInfo],
    speakers: Sequence[SpeakerStat],
) -> list[Finding]:
    """Talk share, the concepts each speaker raised, turns where a concept's
    absence is voiced, who took a concept up after whom, and concepts that
    never came up."""
    data = load_meeting_data()
    say = data.messages
    blocks = document.blocks
    labels = {c.id: c.label for c in concepts}
    turn_number = {i: n for n, i in enumerate((i for i, b in enumerate(blocks) if b.kind == "turn"), start=1)}
    findings: list[Finding] = []
    if not speakers:
        findings.append(Finding("meeting.no_speakers", say["no_speakers"], "warning", 70))
    else:
        ranked = sorted(speakers, key=lambda s: (-s.words, s.name))
        shares = "; ".join(f"{s.name} {round(s.share * 100)}% ({s.turns} {'turn' if s.turns == 1 else 'turns'})"
                           for s in ranked)
        findings.append(Finding("meeting.talk_share", say["talk_share"].format(shares=shares), "info", 90))
        top = ranked[0]
        if len(speakers) >= data.min_speakers_for_dominance and top.share > data.dominant_share:
            findings.append(Finding("meeting.dominant", say["dominant"].format(
                speaker=top.name, share=f"{round(top.share * 100)}%"), "warning", 85))
    by_speaker: dict[str, Counter[str]] = defaultdict(Counter)
    first_turn: dict[str, int] = {}
    for mention in mentions:
        if mention.speaker:
            by_speaker[mention.speaker][mention.concept] += 1
            first_turn.setdefault(mention.speaker, mention.paragraph)
    for stat in speakers:
        raised = by_speaker.get(stat.name)
        if raised:
            listed = ", ".join(f"{labels.get(c, c)} ({raised[c]})" for c in labels if raised[c])
            findings.append(Finding("meeting.speaker_concepts",
                                    say["speaker_concepts"].format(speaker=stat.name, concepts=listed),
                                    "info", 60, paragraph=first_turn[stat.name]))
        else:
            findings.append(Finding("meeting.speaker_no_concepts",
                                    say["speaker_no_concepts"].format(speaker=stat.name), "info", 40))
    for mention in mentions:
        if mention.polarity == "absent" and mention.paragraph in turn_number:
            block = blocks[mention.paragraph]
            findings.append(Finding(
                "meeting.absence_voiced",
                say["absence_voiced"].format(speaker=mention.speaker or "Someone",
                                             concept=labels.get(mention.concept, mention.concept),
                                             text=mention.text, where=_where(block, turn_number[mention.paragraph])),
                "info", 70, concept=mention.concept, paragraph=mention.paragraph,
                start=mention.start, end=mention.end))
    findings += _follow_ons(blocks, mentions, concepts, turn_number, say["follow_on"])
    raised_concepts = {m.concept for m in mentions}
    for concept in concepts:
        if concept.id not in raised_concepts:
            findings.append(Finding("meeting.concept_missing", say["concept_missing"].format(concept=concept.label),
                                    "warning", 80, concept=concept.id))
    return findings


def follow_on_chain(blocks: Sequence[Block], mentions: Sequence[Mention], concept: str) -> list[int]:
    """The turns (block indices) where a concept was raised, in order, keeping
    only a turn whose speaker differs from the turn before it in the chain:
    who raised it, then who took it up after them."""
    chain: list[int] = []
    for index in sorted({m.paragraph for m in mentions if m.concept == concept}):
        block = blocks[index]
        if block.kind != "turn" or not block.speaker:
            continue
        if not chain or blocks[chain[-1]].speaker != block.speaker:
            chain.append(index)
    return chain


def _follow_ons(blocks: Sequence[Block], mentions: Sequence[Mention], concepts: Sequence[ConceptInfo],
                turn_number: dict[int, int], message: str) -> list[Finding]:
    findings = []
    for concept in concepts:
        chain = follow_on_chain(blocks, mentions, concept.id)
        if len(chain) < 2:
            continue
        steps = [f"{blocks[i].speaker} ({_where(blocks[i], turn_number[i])})" for i in chain]
        text = "raised by " + steps[0] + ", then taken up by " + ", then ".join(steps[1:])
        findings.append(Finding("meeting.follow_on", message.format(concept=concept.label, chain=text), "info", 50,
                                concept=concept.id, paragraph=chain[0]))
    return findings
