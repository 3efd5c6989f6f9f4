"""Hand-built analyses for report tests: every field the report reads is set
on purpose (problems with fixes, secondary citations, findings of each
severity, case studies, hostile document text), independent of how the NLP
stages happen to behave today."""

from __future__ import annotations

from analyser.model import (
    Analysis,
    Block,
    CaseMention,
    Citation,
    CitedWork,
    ConceptInfo,
    Document,
    Finding,
    Mention,
    Metadata,
    Problem,
    Reference,
    Sentence,
)

CONCEPTS = [
    ConceptInfo("identity_threat", "Identity threats", "#D55E00", "Identity under threat."),
    ConceptInfo("trust", "Trust", "#0072B2", "Trust between people."),
    ConceptInfo("vision", "Shared vision", "#009E73", "A shared purpose."),
    ConceptInfo("power", "Power", "#CC79A7", "Power and status."),
]

PROFILE = {
    "name": "Test profile",
    "citation_style": "harvard",
    "lexicon": "Test lexicon",
    "case_studies": [
        {"id": "jasmine", "name": "Jasmine", "aliases": ["Jasmine"], "description": "A social worker."},
        {"id": "sheraz", "name": "Sheraz", "aliases": ["Sheraz"], "description": "A police sergeant."},
    ],
    "key_readings": [],
    "thresholds": {},
}

HOSTILE_PARAGRAPH = (
    "Jasmine wrote <script>alert('x')</script> and <img src=x onerror=alert(1)> "
    "then {{ 7*7 }} and {% raw %} and \u202eevil\u202c with trust here."
)


class _Builder:
    """Appends blocks to a text and records offsets, so tests never count by hand."""

    def __init__(self) -> None:
        self.text = ""
        self.blocks: list[Block] = []
        self.sentences: list[Sentence] = []

    def add(self, kind: str, content: str, level: int = 0) -> int:
        if self.text:
            self.text += "\n\n"
        start = len(self.text)
        self.text += content
        self.blocks.append(Block(kind, start, len(self.text), level))  # type: ignore[arg-type]
        index = len(self.blocks) - 1
        self.sentences.append(Sentence(start, len(self.text), index))
        return index

    def span(self, block: int, phrase: str, occurrence: int = 0) -> tuple[int, int]:
        b = self.blocks[block]
        position = b.start - 1
        for _ in range(occurrence + 1):
            position = self.text.index(phrase, position + 1, b.end)
        return position, position + len(phrase)


def crafted_analysis(*, with_sources: bool = False) -> Analysis:
    doc = _Builder()
    title = doc.add("heading", "Trust & <power> in \u202epartnerships", 1)
    intro = doc.add("paragraph", "Jasmine felt de-skilled and her trust in the team fell (Smith, 2020).")
    doc.add("heading", "Discussion", 2)
    hostile = doc.add("paragraph", HOSTILE_PARAGRAPH)
    items = [doc.add("list_item", "a lack of trust"), doc.add("list_item", "a shared vision")]
    power = doc.add(
        "paragraph",
        "Power was held by the council (Tuckman, 1965, cited in Lind, 2013) and (Okafor 2018) says so.",
    )
    cell = doc.add("table_cell", "Sheraz: power and trust")
    refs_heading = doc.add("heading", "References", 2)
    ref1 = doc.add("paragraph", "Lind, K. (2013) Teams. London: Press.")
    ref2 = doc.add("paragraph", "Baxter, R. (2015) Never cited. Leeds: Press.")

    def mention(block: int, phrase: str, concept: str, *, polarity: str = "present", cue: str | None = None,
                occurrence: int = 0, term: str | None = None) -> Mention:
        start, end = doc.span(block, phrase, occurrence)
        return Mention(concept, term or phrase.lower(), start, end, doc.text[start:end], block, block,
                       polarity=polarity, polarity_cue=cue, entry=f"{concept}/{term or phrase.lower()}",
                       source="codebook")  # type: ignore[arg-type]

    mentions = [
        mention(intro, "de-skilled", "identity_threat"),
        mention(intro, "trust", "trust", term="trust"),
        mention(hostile, "trust", "trust"),
        mention(items[0], "trust", "trust", polarity="absent", cue="a lack of"),
        mention(items[1], "shared vision", "vision"),
        mention(power, "Power", "power", term="power"),
        mention(cell, "power", "power"),
        mention(cell, "trust", "trust"),
    ]
    mentions.sort(key=lambda m: m.start)

    def citation(block: int, phrase: str, authors: list[str], year: str, **extra) -> Citation:
        start, end = doc.span(block, phrase)
        return Citation(start, end, phrase, authors, year, sentence=block, **extra)

    citations = [
        citation(intro, "(Smith, 2020)", ["Smith"], "2020",
                 problems=[Problem("reference.missing", "No reference list entry for Smith (2020).",
                                   "Add Smith (2020) to the reference list.")]),
        citation(power, "(Tuckman, 1965, cited in Lind, 2013)", ["Tuckman"], "1965",
                 via=CitedWork(["Lind"], "2013")),
        citation(power, "(Okafor 2018)", ["Okafor"], "2018",
                 problems=[Problem("comma.missing", "No comma between author and year.", "Write (Okafor, 2018).")]),
    ]
    cases = []
    for name, block in (("Jasmine", intro), ("Jasmine", hostile), ("Sheraz", cell)):
        start, end = doc.span(block, name)
        cases.append(CaseMention(name.lower(), start, end, name, block, block))
    ref_start = doc.blocks[refs_heading].start
    references = [
        Reference(doc.blocks[ref1].start, doc.blocks[ref1].end, doc.text[doc.blocks[ref1].start:doc.blocks[ref1].end],
                  ["Lind"], "2013"),
        Reference(doc.blocks[ref2].start, doc.blocks[ref2].end, doc.text[doc.blocks[ref2].start:doc.blocks[ref2].end],
                  ["Baxter"], "2015",
                  problems=[Problem("reference.uncited", "Baxter (2015) is never cited.", "Cite it or remove it.")]),
    ]
    p_start, p_end = doc.span(power, "Power")
    findings = [
        Finding("citations.secondary", "1 of 3 citations is secondary: cite the source you read.", "warning", 70),
        Finding("concept.sparse", "Power is discussed only once, in paragraph 6.", "warning", 60, "power",
                power, p_start, p_end),
        Finding("paragraph.uncited", "Paragraph 4 makes claims with no citation.", "problem", 90, None, hostile),
        Finding("references.uncited", "Baxter (2015) is in the reference list but never cited.", "info", 20),
        Finding("note.a", "Note A.", "info", 10),
        Finding("note.b", "Note B.", "info", 9),
        Finding("note.c", "Note C.", "info", 8),
    ]
    analysis = Analysis(
        document=Document(doc.text, doc.blocks, Metadata(
            "students/<b>essay</b>.docx", "docx", title="Trust & <power> in \u202epartnerships",
            author="A. Student", word_count=len(doc.text.split()))),
        sentences=doc.sentences,
        mentions=mentions,
        cases=cases,
        citations=citations,
        references=references,
        reference_section=(ref_start, doc.blocks[ref2].end),
        findings=findings,
        concepts=list(CONCEPTS),
        profile=dict(PROFILE),
        tool_version="0.0.test",
    )
    assert title == 0
    if with_sources:
        analysis.sources = {"primary": 2, "secondary": 1}  # type: ignore[attr-defined]
    return analysis
