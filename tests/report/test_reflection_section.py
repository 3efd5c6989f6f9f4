"""The report's Reflection section, from analyses whose moves are set here."""

from __future__ import annotations

import pytest

from analyser.model import Reflection, SentenceMove
from analyser.pipeline import Analyser, Settings
from analyser.profile import load_profile
from analyser.reflection.depth import describe_reflection
from analyser.reflection.feedback import rubric_evidence
from analyser.report import render_report
from analyser.report.reflection import build_reflection_view, move_class
from analyser.report.view import build_report_view
from analyser.resources import default_profile_path

TEXT = (
    "On Monday I went to a strategy meeting with the duty social worker.\n\n"
    "I felt nervous. Looking back, the consultant had power over the agenda, as Huxham and Vangen (2005) argue.\n\n"
    "Next week I will ask my supervisor to plan the next meeting with me.\n"
)
MOVES = ["Experience", "Feeling", "Reflection", "Intention"]


@pytest.fixture()
def analysis(analyse):
    result = analyse(TEXT)
    settings = load_profile().reflection
    moves = [SentenceMove(i, m, 0.75) for i, m in enumerate(MOVES)]
    result.reflection = describe_reflection(result, moves, settings)
    result.reflection.rubric = rubric_evidence(result, result.reflection, settings)
    return result


def test_a_strip_per_paragraph_with_a_segment_per_sentence(analysis):
    view = build_reflection_view(analysis)
    assert view is not None
    assert [(s.number, s.href, [g.css_class for g in s.segments]) for s in view.strips] == [
        (1, "#p-0", ["mv-0"]), (2, "#p-1", ["mv-1", "mv-7"]), (3, "#p-2", ["mv-6"])]
    assert view.strips[1].label == "Paragraph 2: 1 Feeling, 1 Reflection"
    second = view.strips[1].segments
    assert second[0].x == 0 and second[1].x > second[0].x and second[1].title.startswith("Reflection: Looking back")


@pytest.mark.parametrize(
    ("stage", "covered", "href"),
    [("Description", True, "#s-0"), ("Feelings", True, "#s-1"), ("Analysis", True, "#s-2"),
     ("Evaluation", False, None), ("Conclusion", False, None), ("Action plan", True, "#s-3")],
)
def test_stages_covered_and_missing_link_to_their_first_sentence(analysis, stage, covered, href):
    row = next(s for s in build_reflection_view(analysis).stages if s.name == stage)
    assert (row.covered, row.href) == (covered, href)


def test_theory_practice_rows_and_plans_link_to_passages(analysis):
    view = build_reflection_view(analysis)
    # paragraph 2 has feeling and analysis but no experience; paragraph 3 (the plan) neither
    assert [(row.number, row.kind) for row in view.links] == [(1, "experience_only"), (2, "theory_only")]
    assert view.links[1].concepts == ["Power"] and view.links[1].citations == 1
    [plan] = view.plans
    assert (plan.href, plan.who, plan.what, plan.when, plan.specific) == ("#s-3", True, True, True, True)


def test_every_sentence_carries_its_move_in_the_page(analysis):
    html = render_report(analysis)
    for index, move in enumerate(MOVES):
        opening = f'class="s {move_class(move)}" id="s-{index}" data-move="{move}" title="Reflective move: {move} ('
        assert opening in html
    assert 'id="toggle-moves"' in html and '<section id="reflection"' in html
    assert '<a href="#reflection">Reflection</a>' in html
    assert "Marking criteria: evidence" in html and "not a mark" in html


def test_reflection_findings_link_to_their_sentence(analysis):
    from analyser.reflection.feedback import reflection_findings

    analysis.findings = reflection_findings(analysis, analysis.reflection, load_profile().reflection)
    view = build_report_view(analysis)
    hrefs = {p.message.split(":")[0]: p.href for p in view.feedback + view.more_feedback}
    # paragraph 1 is one sentence, so its span is that sentence's
    assert hrefs["In paragraph 1 you tell an experience with no course concept or source"] == "#s-0"
    assert hrefs["In paragraph 2 you discuss theory with no experience or case"] == "#p-1"
    assert hrefs["Your account does not answer “What else could you have done? What did you learn?” (Conclusion, in "
                 "Gibbs’ cycle)."] is None


def test_the_json_round_trip_keeps_the_reflection(analysis):
    from analyser.model import Analysis

    again = Analysis.from_dict(analysis.to_dict())
    assert isinstance(again.reflection, Reflection) and again.reflection == analysis.reflection
    old = analysis.to_dict()
    del old["reflection"]
    old["schema_version"] = "1.0"
    assert Analysis.from_dict(old).reflection is None
    assert "reflection" not in render_report(Analysis.from_dict(old)).split("<main")[1].split('id="document"')[0]


def test_an_academic_essay_profile_has_no_reflection_section(tmp_path):
    text = default_profile_path().read_text(encoding="utf-8").replace("reflective = true", "reflective = false")
    lexicon = (default_profile_path().parent / "lexicon.toml").as_posix()
    path = tmp_path / "academic.toml"
    model = (default_profile_path().parent / "reflection.model.json").as_posix()
    text = text.replace('lexicon = "lexicon.toml"', f'lexicon = "{lexicon}"')
    concepts = (default_profile_path().parent / "concepts.model.json").as_posix()
    text = text.replace('model = "concepts.model.json"', f'model = "{concepts}"')
    path.write_text(text.replace('model = "reflection.model.json"', f'model = "{model}"'), encoding="utf-8")
    from analyser.ingest import ingest_text

    result = Analyser(Settings(profile_path=str(path))).analyse_document(ingest_text(TEXT, "<t>", "txt"))
    assert result.reflection is None and "reflection" not in result.to_dict()
    assert not [f for f in result.findings if f.code.startswith("reflection.")]
    html = render_report(result)
    assert 'id="reflection"' not in html and 'id="toggle-moves"' not in html and 'id="s-0"' not in html
