"""Model suggestions in the report: marked apart from lexicon matches,
probability and evidence in the tooltip (escaped), counted separately."""

from __future__ import annotations

from crafted import crafted_analysis
from htmltree import parse

from analyser.model import Evidence, Mention
from analyser.report import render_report
from analyser.report.view import build_report_view


def with_suggestion():
    analysis = crafted_analysis()
    sentence = analysis.sentences[1]
    text = analysis.document.text
    analysis.mentions.append(Mention(
        concept="power", term="", start=sentence.start, end=sentence.end, text=text[sentence.start : sentence.end],
        sentence=1, paragraph=sentence.paragraph, entry="model/power", source="concept model concepts",
        origin="model", score=0.82,
        evidence=[Evidence("word:<script>alert(1)</script>", 0.5), Evidence("extra:cue:absence", 0.2)]))
    return analysis


def test_a_suggestion_is_marked_as_one_with_its_probability_and_evidence():
    analysis = with_suggestion()
    index = len(analysis.mentions) - 1
    root, _ = parse(render_report(analysis))
    mark = root.by_id(f"m-{index}")
    assert {"m", "suggested"} <= mark.classes
    tip = root.by_id(mark.attrs["aria-describedby"]).text()
    assert "suggested (0.82) by the model" in tip
    assert "“word:<script>alert(1)</script>”" in tip and "“extra:cue:absence”" in tip
    assert len(root.find_all("script")) == 1  # the page's own: the evidence stayed text
    lexicon_marks = [n for n in root.find_all("mark", cls="m") if n.attrs.get("id", "").startswith("m-")
                     and "suggested" not in n.classes]
    assert len(lexicon_marks) == index


def test_suggestions_are_counted_apart_from_lexicon_matches():
    plain = build_report_view(crafted_analysis())
    suggested = build_report_view(with_suggestion())
    power = [c for c in suggested.concepts if c.style.id == "power"][0]
    before = [c for c in plain.concepts if c.style.id == "power"][0]
    assert (power.present, power.absent, power.suggested) == (before.present, before.absent, 1)
    root, _ = parse(render_report(with_suggestion()))
    card = root.find("li", cls="concept-card", where=lambda n: "Power" in n.text())
    assert "+ 1 suggestion by the model" in card.text()
