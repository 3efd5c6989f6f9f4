"""The analysis data model: one serialisable, versioned result that every stage
extends and every renderer or exporter reads.

All spans are character offsets (Python string indices, i.e. code points) into
``Document.text``: ``text[start:end]`` is the span's text. Field names that
appear in ``to_dict()`` output are a public contract (see
``analyser/schema/analysis.schema.json``): add fields freely, never rename.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

# 1.1: turns (speaker, start_time, end_time), document kind, speakers
# 1.2: document.submission (the student and identifier a VLE download names a file after)
# 1.3: optional "reflection"
# 1.4: reflection.account, account_moves_share and account_note (whether the document reads as a reflective account)
SCHEMA_VERSION = "1.6"

BlockKind = Literal["paragraph", "heading", "list_item", "table_cell", "turn"]
# essay: prose; meeting_notes: most blocks are turns of named speakers;
# transcript: nothing but timed turns (and headings), or a caption file
DocumentKind = Literal["essay", "meeting_notes", "transcript"]
Polarity = Literal["present", "absent"]
Origin = Literal["lexicon", "model"]
Severity = Literal["info", "warning", "problem"]


@dataclass
class Block:
    """A paragraph-level unit of the document (paragraph, heading, list item,
    table cell, or a speaker's turn), in reading order. A turn's span is what
    was said, without the "[00:03] Name:" label before it."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0  # heading level (1 = top); 0 for non-headings
    speaker: str | None = None  # transcripts: who is speaking in this block
    page: int | None = None  # PDF page (1-based) where the block starts
    start_time: float | None = None  # turns and a log's timed entries: seconds from the start, where given
    end_time: float | None = None


@dataclass
class Dropped:
    """Text removed during ingest (e.g. a PDF running footer), kept for the record."""

    text: str
    reason: str
    page: int | None = None


@dataclass
class Submission:
    """Who handed a document in, as the VLE's download names it (analyser/vle.py)."""

    vle: Literal["moodle", "blackboard", "canvas"]
    identifier: str  # Moodle participant number, Blackboard username, Canvas user id
    student: str | None = None  # None when the VLE hides it (Moodle blind marking)
    files: int = 1  # how many files this student handed in to the same batch
    flag: str | None = None  # e.g. "one of 2 files handed in by this student"


@dataclass
class Metadata:
    source: str
    format: str
    title: str | None = None
    author: str | None = None
    word_count: int = 0
    pages: int | None = None
    kind: DocumentKind | None = None  # set by the pipeline (detected, or --kind)
    submission: Submission | None = None  # set by a batch over a VLE download (schema 1.2)


@dataclass
class Document:
    """What ingest produces: the full text and its blocks."""

    text: str
    blocks: list[Block]
    metadata: Metadata
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int  # index into Document.blocks


@dataclass
class Evidence:
    """One feature that pushed a model suggestion towards its concept, and by
    how much (feature value × weight): what a researcher reads to see why."""

    feature: str  # e.g. "word:no say", "char:trus", "extra:lexicon:power"
    weight: float


@dataclass
class Mention:
    """One occurrence of a concept in the text, with its evidence."""

    concept: str
    term: str  # the lexicon term that matched (canonical form)
    start: int
    end: int
    text: str  # the text as written, == document text[start:end]
    sentence: int
    paragraph: int
    polarity: Polarity = "present"
    polarity_cue: str | None = None  # the words that made it "absent"
    entry: str = ""  # lexicon entry id, e.g. "trust/mistrust"
    source: str = ""  # where the lexicon entry comes from
    origin: Origin = "lexicon"
    score: float | None = None  # model suggestions carry a probability
    speaker: str | None = None  # the speaker of the turn it is in (meetings, transcripts)
    evidence: list[Evidence] = field(default_factory=list)  # model suggestions: the features that weighed most


@dataclass
class CaseMention:
    """A mention of one of the profile's case studies (by name or alias)."""

    case: str  # case study id from the profile
    start: int
    end: int
    text: str
    sentence: int
    paragraph: int


@dataclass
class Problem:
    code: str
    message: str
    suggestion: str | None = None
    severity: Severity = "problem"
    # read from text beside the citation, not its own (a page in its own bracket after its quotation, "e.g."
    # or a last ";" round it): told on the citation, but no rewriting of its text can mend it
    apart: bool = False


@dataclass
class CitedWork:
    """The fields that identify a cited work (also used for the `via` source)."""

    authors: list[str]
    year: str
    suffix: str = ""
    pages: str | None = None


@dataclass
class Citation:
    start: int
    end: int
    text: str
    authors: list[str]
    year: str
    suffix: str = ""
    pages: str | None = None
    narrative: bool = False
    via: CitedWork | None = None
    problems: list[Problem] = field(default_factory=list)
    sentence: int | None = None
    paragraph: int | None = None
    reference: int | None = None  # index into Analysis.references of the entry for the source relied on


@dataclass
class Reference:
    """One entry of the reference list, parsed but never rewritten."""

    start: int
    end: int
    text: str
    authors: list[str]
    year: str | None
    suffix: str = ""
    rest: str = ""
    problems: list[Problem] = field(default_factory=list)


@dataclass
class SourceCount:
    """How often one work is cited (for the report's "counts by source")."""

    label: str  # e.g. "Huxham and Vangen (2005)"
    authors: list[str]
    year: str
    suffix: str = ""
    citations: int = 0  # cited directly
    secondary: int = 0  # cited as the original of a "cited in" citation
    via: int = 0  # the source read for a "cited in" citation
    reference: int | None = None  # index into Analysis.references, if listed


@dataclass
class Finding:
    """A document-level feedback point, ranked by `priority` (higher first)."""

    code: str
    message: str
    severity: Severity = "info"
    priority: int = 0
    concept: str | None = None
    paragraph: int | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class SpeakerStat:
    """How much one speaker said: turns, words in them, and the share of all
    words said in turns."""

    name: str
    turns: int
    words: int
    share: float


@dataclass
class ConceptInfo:
    """The lexicon's description of a concept, copied so renderers need no lexicon."""

    id: str
    label: str
    colour: str
    description: str


@dataclass
class Analysis:
    document: Document
    sentences: list[Sentence]
    mentions: list[Mention] = field(default_factory=list)
    cases: list[CaseMention] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    reference_section: tuple[int, int] | None = None
    findings: list[Finding] = field(default_factory=list)
    sources: list[SourceCount] = field(default_factory=list)
    concepts: list[ConceptInfo] = field(default_factory=list)
    profile: dict[str, Any] = field(default_factory=dict)
    speakers: list[SpeakerStat] = field(default_factory=list)
    tool_version: str = ""
    schema_version: str = SCHEMA_VERSION
    reflection: Reflection | None = None  # None: the profile's essays are not reflective

    def to_dict(self) -> dict[str, Any]:
        """The JSON form. `document` nests `sentences` and `paragraphs` (the
        blocks) as the published schema requires."""
        doc = self.document
        return {
            "schema_version": self.schema_version,
            "tool_version": self.tool_version,
            "document": {
                "source": doc.metadata.source,
                "format": doc.metadata.format,
                "title": doc.metadata.title,
                "author": doc.metadata.author,
                "word_count": doc.metadata.word_count,
                "pages": doc.metadata.pages,
                "kind": doc.metadata.kind,
                "submission": asdict(doc.metadata.submission) if doc.metadata.submission else None,
                "text": doc.text,
                "paragraphs": [asdict(b) for b in doc.blocks],
                "sentences": [asdict(s) for s in self.sentences],
                "dropped": [asdict(d) for d in doc.dropped],
                "warnings": list(doc.warnings),
            },
            "concepts": [asdict(c) for c in self.concepts],
            "profile": self.profile,
            "mentions": [asdict(m) for m in self.mentions],
            "cases": [asdict(c) for c in self.cases],
            "citations": [asdict(c) for c in self.citations],
            "references": [asdict(r) for r in self.references],
            "reference_section": (
                {"start": self.reference_section[0], "end": self.reference_section[1]}
                if self.reference_section
                else None
            ),
            "findings": [asdict(f) for f in self.findings],
            "sources": [asdict(s) for s in self.sources],
            "speakers": [asdict(s) for s in self.speakers],
            **({"reflection": asdict(self.reflection)} if self.reflection is not None else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Analysis:
        """Rebuild an analysis from its JSON form (renderers and exporters use this)."""
        d = data["document"]
        document = Document(
            text=d["text"],
            blocks=[Block(**b) for b in d["paragraphs"]],
            metadata=Metadata(
                source=d["source"],
                format=d.get("format", ""),
                title=d.get("title"),
                author=d.get("author"),
                word_count=d.get("word_count", 0),
                pages=d.get("pages"),
                kind=d.get("kind"),  # absent before schema 1.1
                submission=Submission(**d["submission"]) if d.get("submission") else None,  # 1.2
            ),
            dropped=[Dropped(**x) for x in d.get("dropped", [])],
            warnings=list(d.get("warnings", [])),
        )
        section = data.get("reference_section")
        return cls(
            document=document,
            sentences=[Sentence(**s) for s in d["sentences"]],
            mentions=[
                Mention(**{**m, "evidence": [Evidence(**e) for e in m.get("evidence") or []]})
                for m in data.get("mentions", [])
            ],
            cases=[CaseMention(**c) for c in data.get("cases", [])],
            citations=[_citation_from_dict(c) for c in data.get("citations", [])],
            references=[
                Reference(**{**r, "problems": [Problem(**p) for p in r.get("problems", [])]})
                for r in data.get("references", [])
            ],
            reference_section=(section["start"], section["end"]) if section else None,
            findings=[Finding(**f) for f in data.get("findings", [])],
            sources=[SourceCount(**s) for s in data.get("sources", [])],
            concepts=[ConceptInfo(**c) for c in data.get("concepts", [])],
            profile=data.get("profile", {}),
            speakers=[SpeakerStat(**s) for s in data.get("speakers", [])],
            tool_version=data.get("tool_version", ""),
            schema_version=data["schema_version"],
            reflection=Reflection.from_dict(data["reflection"]) if data.get("reflection") else None,
        )


def _citation_from_dict(c: dict[str, Any]) -> Citation:
    via = c.get("via")
    return Citation(
        **{
            **c,
            "via": CitedWork(**via) if via else None,
            "problems": [Problem(**p) for p in c.get("problems", [])],
        }
    )


# --- reflection (schema 1.3): present when the profile says essays are reflective ---


@dataclass
class SentenceMove:
    """The reflective move of one sentence (index into Analysis.sentences)."""

    sentence: int
    move: str  # one of analyser.reflection.moves.MOVES
    score: float  # the model's probability for that move


@dataclass
class ParagraphReflection:
    """What one body paragraph does as reflection."""

    paragraph: int  # index into Document.blocks
    moves: dict[str, int]  # move -> sentences
    dominant: str | None
    description_share: float  # sentences whose move maps to the first progression stage
    first_person_share: float
    experience: bool  # an experience (by move) or a case study is told here
    concepts: list[str]  # concepts mentioned as present
    citations: int
    link: Literal["linked", "partial", "experience_only", "theory_only", "neither"]


@dataclass
class StageCoverage:
    """One stage of the profile's model of reflection (e.g. Gibbs' "Analysis")."""

    name: str
    question: str
    moves: list[str]
    sentences: int
    covered: bool
    first_sentence: int | None = None


@dataclass
class ActionPlan:
    """A Learning or Intention sentence, checked for who, what and when."""

    sentence: int
    move: str
    who: bool
    what: bool
    when: bool
    specific: bool


@dataclass
class EvidenceItem:
    evidence: str  # the evidence id the rubric names, e.g. "stages"
    text: str
    paragraph: int | None = None
    sentence: int | None = None


@dataclass
class RubricCriterion:
    """A marking criterion with the evidence found and missing — never a mark."""

    name: str
    descriptor: str
    found: list[EvidenceItem] = field(default_factory=list)
    missing: list[EvidenceItem] = field(default_factory=list)


@dataclass
class Reflection:
    framework: str
    moves: list[SentenceMove]
    balance: dict[str, int]  # move -> sentences, whole document (body text)
    stages: list[StageCoverage]
    paragraphs: list[ParagraphReflection]
    progression: list[str]  # stage names in the order a reflective account moves through them
    stage_positions: dict[str, float]  # stage -> mean relative position (0 start .. 1 end) of its sentences
    progresses: bool
    progression_text: str
    first_person_share: float
    action_plans: list[ActionPlan] = field(default_factory=list)
    rubric: list[RubricCriterion] = field(default_factory=list)
    # 1.4: does the document read as a reflective account? Only then does it get reflection feedback and
    # the rubric's evidence (an academic essay is not asked how it felt).
    account: bool = True
    account_moves_share: float = 0.0  # body sentences making one of the profile's account_moves
    account_note: str = ""  # why it does or does not read as an account, in a reader's words

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reflection:
        return cls(
            **{
                **data,
                "moves": [SentenceMove(**m) for m in data.get("moves", [])],
                "stages": [StageCoverage(**s) for s in data.get("stages", [])],
                "paragraphs": [ParagraphReflection(**p) for p in data.get("paragraphs", [])],
                "action_plans": [ActionPlan(**a) for a in data.get("action_plans", [])],
                "rubric": [
                    RubricCriterion(
                        r["name"], r["descriptor"], [EvidenceItem(**e) for e in r.get("found", [])],
                        [EvidenceItem(**e) for e in r.get("missing", [])],
                    )
                    for r in data.get("rubric", [])
                ],
            }
        )
