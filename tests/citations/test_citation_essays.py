"""The whole pipeline on the bundled samples: the good essays have no false
problems, the draft's deliberate faults are all found, and the essay-level
findings and counts by source are in the result."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from analyser.model import Analysis
from analyser.resources import schema_path

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
GOOD = ["essay_jasmine_integration.docx", "essay_sheraz_safeguarding.pdf", "essay_shirley_charity.txt"]


@pytest.fixture(scope="module")
def results(analyser):
    names = [*GOOD, "draft_with_problems.docx", "draft_with_problems.md", "meeting_notes_steering_group.txt"]
    return {name: analyser.analyse_file(SAMPLES / name) for name in names}


@pytest.mark.parametrize("name", GOOD)
def test_good_essays_have_no_citation_or_reference_problems(results, name):
    analysis = results[name]
    assert len(analysis.citations) >= 19 and len(analysis.references) >= 11
    assert [(c.text, [p.code for p in c.problems]) for c in analysis.citations if c.problems] == []
    assert [(r.text[:30], [p.code for p in r.problems]) for r in analysis.references if r.problems] == []
    codes = {f.code for f in analysis.findings}
    assert not codes & {"citations.missing_entries", "citations.uncited_entries", "citations.no_reference_list",
                        "citations.key_reading_missing"}
    secondary = [c for c in analysis.citations if c.via]
    assert [(c.authors, c.via.authors) for c in secondary] == [(["Tuckman"], ["Lind"])]


@pytest.mark.parametrize("name", ["draft_with_problems.docx", "draft_with_problems.md"])
def test_the_drafts_deliberate_faults_are_found(results, name):
    analysis = results[name]
    by_text = {c.text: sorted(p.code for p in c.problems) for c in analysis.citations}
    expected = {
        "O'Neill et al (2016)": ["et_al_no_stop"],
        "(Okafor, et al., 2016)": ["comma_before_et_al"],
        "(Lind, 2013, pp. 12)": ["pp_single_page"],
        "Okafor (2018, pp. 45- 47)": ["page_range_space"],
        "(Okafor 2018)": ["missing_comma"],
        "(Tuckman, 1965, cited by Lind, 2013)": ["secondary_wording"],
        "(Tuckman 1965 Lind 2013)": ["run_together"],
        "(Okafor, 2018)": ["no_page_for_quote"],
        "(Dawson, 2017)": ["no_reference"],
        "Lind and Berg (2012)": ["year_mismatch"],
        "Huxam and Vangen (2005)": ["author_spelling"],
        "Huxham & Vangen (2005)": ["and_ampersand"],
    }
    for text, codes in expected.items():
        assert by_text[text] == codes, text
    # fault 7; the same citation also quotes without a page number
    assert "secondary_wording" in by_text["(Grant, 2012, quoted in The King's Fund, 2020)"]
    problems = {(r.authors[0], p.code) for r in analysis.references for p in r.problems}
    assert problems == {("Baxter", "never_cited"), ("Alban-Metcalfe", "reference_and_ampersand")}
    findings = {f.code: f for f in analysis.findings}
    for code in ("citations.missing_entries", "citations.uncited_entries", "citations.and_inconsistent",
                 "citations.uncited_paragraph", "citations.style_problems"):
        assert code in findings, code
    paragraph = findings["citations.uncited_paragraph"]
    assert analysis.document.text[paragraph.start : paragraph.end].startswith("Integrated teams are becoming")


def test_counts_by_source_are_in_the_result_and_survive_json(results):
    analysis = results["essay_jasmine_integration.docx"]
    top = analysis.sources[0]
    assert top.label == "Huxham and Vangen (2005)" and top.citations == 6
    lind = next(s for s in analysis.sources if s.label == "Lind (2013)")
    tuckman = next(s for s in analysis.sources if s.authors == ["Tuckman"])
    assert (lind.via, tuckman.secondary, tuckman.reference) == (1, 1, None)
    data = json.loads(json.dumps(analysis.to_dict()))
    jsonschema.validate(data, json.loads(schema_path().read_text(encoding="utf-8")))
    again = Analysis.from_dict(data)
    assert again.sources == analysis.sources and again.citations == analysis.citations


def test_no_citations_at_all_is_one_quiet_finding(results, analyse):
    essay = analyse("Trust in teams\n\nTrust grew slowly between the partners. Power stayed with the council.\n")
    assert [f.code for f in essay.findings if f.code.startswith("citations.")] == ["citations.none"]
    # minutes of a meeting get meeting feedback: no citation advice at all (issue 11)
    analysis = results["meeting_notes_steering_group.txt"]
    assert analysis.document.metadata.kind == "meeting_notes"
    assert [f.code for f in analysis.findings if f.code.startswith("citations.")] == []


def test_essay_level_findings(analyse):
    secondary = " ".join(f"Point {i} holds (Tuckman, 1965, cited in Lind, 2013)." for i in range(3))
    text = f"Intro\n\n{secondary} Another holds (Okafor, 2018). A last one holds (Okafor, 2018).\n"
    analysis = analyse(text)
    codes = {f.code for f in analysis.findings}
    assert {"citations.secondary_share", "citations.no_reference_list"} <= codes
    shares = analyse("Body\n\n" + " ".join("It holds (Okafor, 2018)." for _ in range(5)) + " Also (Lind, 2013).")
    assert "citations.dominant_source" in {f.code for f in shares.findings}


def test_citation_spans_are_not_coded_as_concepts(analyse):
    analysis = analyse("Leaders build trust slowly (Trust Partnership Board, 2019).")
    (citation,) = analysis.citations
    assert all(not (citation.start <= m.start < citation.end) for m in analysis.mentions)
