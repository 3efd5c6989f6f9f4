"""Table-driven from the hand-annotated set (corpus/annotated/citations.jsonl):
every passage must come out exactly as annotated (spans, fields, problem codes)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from citation_helpers import codes, run

from analyser.evaluate import evaluate_citations, is_citation_file, read_jsonl

ROOT = Path(__file__).resolve().parents[2]
ANNOTATED = ROOT / "corpus" / "annotated" / "citations.jsonl"
RECORDS = [json.loads(line) for line in ANNOTATED.read_text(encoding="utf-8").splitlines() if line.strip()]
COURSE_TEXTS = Path("/work/shared/course-texts")


def test_the_set_is_big_enough_and_covers_both_styles():
    assert len(RECORDS) >= 40
    assert sum(len(r["citations"]) for r in RECORDS) >= 200
    assert {r["style"] for r in RECORDS} == {"harvard", "apa", "harvard-local"}
    assert any(not r["citations"] for r in RECORDS), "passages of non-citations are part of the set"


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_offsets_point_at_the_citation_text(record):
    for citation in record["citations"]:
        assert record["text"][citation["start"] : citation["end"]] == citation["text"]


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_passage_comes_out_as_annotated(record):
    document, found, _ = run(record["text"], record["style"])
    got = [
        {
            "start": c.start, "end": c.end, "text": c.text, "authors": c.authors, "year": c.year,
            "suffix": c.suffix, "pages": c.pages, "narrative": c.narrative,
            "via": None if c.via is None else {"authors": c.via.authors, "year": c.via.year,
                                               "suffix": c.via.suffix, "pages": c.via.pages},
            "problems": codes(c),
        }
        for c in found
    ]
    expected = [{**{k: v for k, v in c.items() if k != "note"}, "problems": sorted(c["problems"])}
                for c in record["citations"]]
    fixes = [c.pop("fix", None) for c in expected]
    assert got == expected
    for citation, fix in zip(found, fixes, strict=True):
        if fix is not None:  # the annotator wrote the fix the style guide gives
            assert {p.suggestion for p in citation.problems} == {fix}, citation.text
    for citation in found:
        assert document.text[citation.start : citation.end] == citation.text


def test_evaluation_meets_the_target():
    result = evaluate_citations(ANNOTATED)
    assert result.precision >= 0.98 and result.recall >= 0.98
    assert result.problem_precision >= 0.95 and result.problem_recall >= 0.90
    assert result.suggestions > 60 and result.suggestions_wrong == 0
    assert set(result.by_style) == {"harvard", "apa", "harvard-local"}
    assert sum(part.annotated for part in result.by_style.values()) == result.annotated
    assert result.annotated == sum(len(r["citations"]) for r in RECORDS)


def test_citation_files_are_told_from_concept_files():
    assert is_citation_file(read_jsonl(ANNOTATED))
    assert not is_citation_file(read_jsonl(ROOT / "corpus" / "annotated" / "concepts.jsonl"))


@pytest.mark.skipif(not COURSE_TEXTS.is_dir(), reason="course texts not on this machine")
def test_no_passage_shares_nine_words_with_the_course_texts():
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))

    grams = set()
    for path in COURSE_TEXTS.glob("*.txt"):
        w = words(path.read_text(encoding="utf-8"))
        grams |= {tuple(w[i : i + 9]) for i in range(len(w) - 8)}
    for record in RECORDS:
        w = words(record["text"])
        shared = [" ".join(w[i : i + 9]) for i in range(len(w) - 8) if tuple(w[i : i + 9]) in grams]
        assert not shared, (record["id"], shared)


def _one_citation_set(tmp_path, text: str, cited: str, **annotation) -> Path:
    """A one-passage annotated set (Harvard) whose only citation is `cited`,
    annotated with `annotation` over defaults for a plain citation."""
    start = text.index(cited)
    citation = {"start": start, "end": start + len(cited), "text": cited, "suffix": "", "pages": None,
                "via": None, "problems": [], **annotation}
    path = tmp_path / "set.jsonl"
    record = {"id": "t1", "style": "harvard", "text": text, "citations": [citation]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("annotated_fix", "wrong"), [
    ("(Okafor, 2018, pp. 23-25)", 0),  # the annotator's hyphen against the guides' en dash: the same fix
    ("(Okafor, 2018, pp. 23—25)", 0),
    ("(Okafor, 2018, pp. 23-26)", 1),  # another page range is still wrong
])
def test_fixes_compare_with_dashes_normalised(tmp_path, annotated_fix, wrong):
    path = _one_citation_set(tmp_path, "Links are fragile (Okafor, 2018, pp. 23 - 25).", "(Okafor, 2018, pp. 23 - 25)",
                             authors=["Okafor"], year="2018", pages="23-25", narrative=False,
                             problems=["page_range_space"], fix=annotated_fix)
    result = evaluate_citations(path)
    assert (result.correct, result.suggestions, result.suggestions_wrong) == (1, 1, wrong)


@pytest.mark.parametrize(("annotated_year", "correct"), [
    ("n.d.", 1),  # the conventions' value
    ("no date", 1),  # the passage's words: the same value
    ("n.d", 1),
    ("2019", 0),  # another year is still another work
])
def test_no_date_and_nd_are_one_year_value(tmp_path, annotated_year, correct):
    path = _one_citation_set(tmp_path, "Carers need breaks (Carers Voice Network, no date).",
                             "(Carers Voice Network, no date)", authors=["Carers Voice Network"],
                             year=annotated_year, narrative=False)
    assert evaluate_citations(path).correct == correct


@pytest.mark.parametrize(("annotated_year", "correct"), [
    ("in press", 1),  # the conventions' value (APA 7's word)
    ("forthcoming", 1),  # Cite Them Right's word, as the passage writes it
    ("2025", 0),
])
def test_forthcoming_and_in_press_are_one_year_value(tmp_path, annotated_year, correct):
    path = _one_citation_set(tmp_path, "Ellison (forthcoming) argues that carers carry the risk.",
                             "Ellison (forthcoming)", authors=["Ellison"], year=annotated_year, narrative=True)
    assert evaluate_citations(path).correct == correct
