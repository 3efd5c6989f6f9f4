"""The whole analysis, stage by stage:

    ingest → parse (sentences) → citations & reference list → concepts
           → model suggestions → cases → findings

`Analyser` holds what is loaded once per process (profile, lexicon, spaCy
pipeline); `analyse_document` runs the stages on one `Document` and returns one
`Analysis`.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from analyser import __version__
from analyser.cases import find_cases
from analyser.citations import check_citations, citation_findings, find_citations, find_references
from analyser.concepts import tag_concepts
from analyser.findings import concept_findings, rank
from analyser.ingest import DEFAULT_MAX_BYTES, DEFAULT_MAX_PAGES, MAX_TEXT_CHARS, ingest
from analyser.lexicon import Lexicon, load_lexicon
from analyser.meetings import attach_speakers, detect_kind, is_meeting, meeting_findings, model_floor, speaker_stats
from analyser.model import Analysis, Citation, ConceptInfo, Document, Mention
from analyser.nlp import build_pipeline
from analyser.parse import ParsedDocument, parse
from analyser.polarity import PolarityCues, load_cues
from analyser.profile import Profile, load_profile
from analyser.reflection import load_move_model, reflect
from analyser.suggestions import ModelConceptsError, Suggester, load_suggester, suggest_mentions


@dataclass
class Settings:
    """What a user can choose; everything else comes from the profile."""

    profile_path: str | None = None
    lexicon_path: str | None = None  # overrides the profile's lexicon
    style: str | None = None  # overrides the profile's citation style
    max_bytes: int = DEFAULT_MAX_BYTES
    max_pages: int = DEFAULT_MAX_PAGES  # PDFs with more pages are refused
    kind: str | None = None  # "essay", "meeting_notes" or "transcript"; None: detect it
    use_model: bool = True  # False: lexicon matches only (--no-model)
    model_path: str | None = None  # overrides the profile's concept model
    threshold: float | None = None  # overrides the model's per-concept thresholds (--threshold)


class Analyser:
    """Loads lazily on first use, then analyses any number of documents."""

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self._loaded = False

    def load(self) -> Analyser:
        if self._loaded:
            return self
        s = self.settings
        self.profile_: Profile = load_profile(s.profile_path)
        lexicon_path = Path(s.lexicon_path) if s.lexicon_path else self.profile_.lexicon_path
        self.lexicon_: Lexicon = load_lexicon(lexicon_path)
        self.nlp_ = build_pipeline(str(lexicon_path.resolve()))
        # spaCy refuses texts over 1,000,000 characters to protect its parser's
        # memory; this pipeline has no parser, and ingest bounds the text instead.
        self.nlp_.max_length = max(self.nlp_.max_length, MAX_TEXT_CHARS + 1)
        self.cues_: PolarityCues = load_cues(self.nlp_)
        model_path = Path(s.model_path) if s.model_path else self.profile_.model_path
        self.suggester_: Suggester | None = None
        self.model_note_: str | None = None
        if s.use_model and model_path is not None:
            try:
                self.suggester_ = load_suggester(model_path, self.nlp_, self.cues_, self.lexicon_.concept_ids,
                                                 s.threshold)
            except ModelConceptsError as error:
                if s.model_path or not s.lexicon_path:
                    raise
                # a lexicon of its own (--lexicon) with the profile's model: lexicon only, and say so
                self.model_note_ = f"No model suggestions: {error}"
        self.style_ = (s.style or self.profile_.citation_style).lower()
        # The same for every document, so built here once rather than per
        # document (asdict over the profile's cases and readings is not cheap).
        # Each Analysis gets its own copy of the outer dict and list; what is
        # nested (case studies, readings, thresholds; ConceptInfo records) is
        # shared, and only ever read.
        self.profile_summary_: dict = {
            **self.profile_.summary(), "citation_style": self.style_, "lexicon": self.lexicon_.name,
        }
        reflection = self.profile_.reflection
        model_path = reflection.model_path if reflection.reflective else None
        self.move_model_ = load_move_model(model_path) if model_path else None
        self.concepts_: list[ConceptInfo] = [
            ConceptInfo(c.id, c.label, c.colour, c.description) for c in self.lexicon_.concepts
        ]
        # The pipeline's objects (vocabulary, matcher, lexicon) live as long as
        # the process. Moving them out of the garbage collector's reach stops
        # each full collection from walking ~100k objects that can never be
        # freed; per-document objects are collected as usual.
        gc.collect()
        gc.freeze()
        self._loaded = True
        return self

    def analyse_file(self, path: str | Path) -> Analysis:
        return self.analyse_document(ingest(path, self.settings.max_bytes, self.settings.max_pages))

    def kind_of(self, document: Document) -> str:
        """The kind the settings force, or the one the document reads as."""
        return self.settings.kind or detect_kind(document)

    def analyse_document(self, document: Document) -> Analysis:
        self.load()
        document.metadata.kind = self.kind_of(document)  # type: ignore[assignment]
        parsed = parse(document, self.nlp_)
        section, references = find_references(document)
        citations = find_citations(document, self.style_, exclude=[section])
        resolution = check_citations(document, citations, references or None, self.style_)
        not_coded = not_coded_spans(document, citations, section)
        mentions = tag_concepts(parsed, self.nlp_, self.cues_, not_coded)
        if self.suggester_ is not None:
            floor = model_floor(document.metadata.kind) if self.settings.threshold is None else 0.0
            mentions += suggest_mentions(self.suggester_, parsed, mentions, not_coded, floor)
        for citation in citations:
            citation.sentence = parsed.sentence_at(citation.start)
        concepts = list(self.concepts_)
        # feedback rests on the lexicon's matches; model suggestions are for a reader to check
        findings = concept_findings([m for m in mentions if m.origin == "lexicon"], concepts, self.profile_.thresholds)
        referencing, sources = citation_findings(
            document, citations, references, section, self.profile_, self.style_, resolution
        )
        findings += referencing
        speakers = speaker_stats(document)
        attach_speakers(mentions, document)
        if is_meeting(document.metadata.kind):  # a meeting gets meeting feedback, not an essay's
            findings = meeting_findings(document, mentions, concepts, speakers)
        if self.model_note_:
            document.warnings.append(self.model_note_)
        analysis = Analysis(
            document=document,
            sentences=parsed.sentences,
            mentions=mentions,
            cases=find_cases(parsed, self.profile_.case_studies, [section] if section else []),
            citations=citations,
            references=references,
            reference_section=section,
            findings=rank(findings),
            sources=sources,
            concepts=concepts,
            profile=dict(self.profile_summary_),
            speakers=speakers,
            tool_version=__version__,
        )
        if self.move_model_ is not None and not is_meeting(document.metadata.kind):
            analysis.reflection, advice = reflect(analysis, parsed, self.move_model_, self.profile_.reflection)
            analysis.findings = rank(analysis.findings + advice)
        return analysis

    def lexicon_pass(self, document: Document, code_headings: bool = False) -> LexiconPass:
        """What the concept model reads of a document: the parse, the lexicon's
        mentions and the spans not coded (training and evaluation use this).
        `code_headings`: a coded sentence on its own can look like a heading."""
        self.load()
        parsed = parse(document, self.nlp_)
        section, _ = find_references(document)
        citations = find_citations(document, self.style_, exclude=[section])
        not_coded = not_coded_spans(document, citations, section, code_headings)
        return LexiconPass(parsed, tag_concepts(parsed, self.nlp_, self.cues_, not_coded), not_coded)


@dataclass
class LexiconPass:
    parsed: ParsedDocument
    mentions: list[Mention]
    not_coded: list[tuple[int, int]]


def not_coded_spans(document: Document, citations: list[Citation], section: tuple[int, int] | None,
                    code_headings: bool = False) -> list[tuple[int, int]]:
    """Spans the codebook does not code: citations, headings, the reference list."""
    headings = [] if code_headings else [(b.start, b.end) for b in document.blocks if b.kind == "heading"]
    return [(c.start, c.end) for c in citations] + headings + ([section] if section else [])
