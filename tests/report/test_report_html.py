"""The feedback report's HTML: what it shows, that it is safe, and that it is
one self-contained, deterministic file."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from crafted import HOSTILE_PARAGRAPH, crafted_analysis
from htmltree import parse

from analyser.ingest import ingest_text
from analyser.model import Analysis
from analyser.report import render_report
from analyser.report.view import FEEDBACK_LIMIT

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.fixture(scope="module")
def crafted():
    analysis = crafted_analysis()
    html = render_report(analysis)
    root, _ = parse(html)
    return analysis, html, root


def csp_of(root) -> str:
    meta = root.find("meta", where=lambda n: n.attrs.get("http-equiv") == "Content-Security-Policy")
    return meta.attrs["content"] or ""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


# --- one self-contained, safe file ------------------------------------------------------------


def test_csp_forbids_everything_but_our_own_inline_blocks(crafted):
    _, _, root = crafted
    csp = csp_of(root)
    assert "default-src 'none'" in csp
    styles, scripts = root.find_all("style"), root.find_all("script")
    assert len(styles) == 1 and len(scripts) == 1
    assert f"style-src {sha256(styles[0].text())};" in csp
    assert f"script-src {sha256(scripts[0].text())};" in csp
    assert "unsafe-inline" not in csp and "http" not in csp


def test_no_inline_handlers_styles_or_remote_references(crafted):
    _, html, root = crafted
    for node in root.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), f"<{node.tag} {name}>"
            assert name != "style", f"<{node.tag} style=>"
            if name in ("href", "src", "xlink:href", "action"):
                assert value and value.startswith("#") or node.tag == "a" and value.endswith((".html", ".json", ".csv"))
    assert not root.find_all("img") and not root.find_all("link") and not root.find_all("iframe")
    assert "url(" not in root.find("style").text() and "@import" not in html


def test_every_internal_link_has_a_target_and_ids_are_unique(crafted):
    _, _, root = crafted
    ids = [n.attrs["id"] for n in root.iter() if "id" in n.attrs]
    assert len(ids) == len(set(ids))
    for node in root.iter():
        href = node.attrs.get("href")
        if href and href.startswith("#"):
            assert href[1:] in ids, href
        for attribute in ("aria-describedby", "aria-labelledby"):
            for ref in (node.attrs.get(attribute) or "").split():
                assert ref in ids, ref


def test_document_text_is_escaped_text_and_never_markup(crafted):
    analysis, html, root = crafted
    assert html.count("<script") == 1  # ours, at the end
    assert "<img" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", "")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "{{ 7*7 }}" in html and "49" not in root.by_id("p-3").text()
    assert "\u202e" not in html and "\u202c" not in html  # bidi controls never reach the page raw
    paragraph = root.by_id("p-3").text(skip_classes={"tip"})
    assert paragraph.replace("U+202E", "\u202e").replace("U+202C", "\u202c") == HOSTILE_PARAGRAPH
    assert root.find("title").text().startswith("Trust & <power> in [U+202E]partnerships")


def test_metadata_strings_are_escaped(crafted):
    _, html, _ = crafted
    assert "students/&lt;b&gt;essay&lt;/b&gt;.docx" in html
    assert "<b>essay</b>" not in html


# --- what the page shows ------------------------------------------------------------------------


def test_every_mention_is_highlighted_with_its_concept_and_evidence(crafted):
    analysis, _, root = crafted
    classes = {c.id: f"k{i}" for i, c in enumerate(analysis.concepts)}
    for index, mention in enumerate(analysis.mentions):
        mark = root.by_id(f"m-{index}")
        assert mark.tag == "mark" and classes[mention.concept] in mark.classes
        assert mark.text(skip_classes={"tip"}) == mention.text
        assert mark.attrs["tabindex"] == "0"
        tip = root.by_id(mark.attrs["aria-describedby"])
        assert "tooltip" == tip.attrs["role"]
        tip_text = tip.text()
        assert mention.polarity in tip_text and mention.source in tip_text and mention.term in tip_text
        assert ("absent" in mark.classes) == (mention.polarity == "absent")
    absent = next(m for m in analysis.mentions if m.polarity == "absent")
    assert "a lack of" in root.by_id(f"m-{analysis.mentions.index(absent)}").text()


def test_citations_are_marked_and_problems_carry_message_and_fix(crafted):
    analysis, _, root = crafted
    for index, citation in enumerate(analysis.citations):
        node = root.by_id(f"c-{index}")
        assert node.text(skip_classes={"tip"}) == citation.text
        assert ("bad" in node.classes) == bool(citation.problems)
        if citation.problems:
            tip = root.by_id(node.attrs["aria-describedby"]).text()
            for problem in citation.problems:
                assert problem.message in tip and problem.suggestion in tip
    rows = root.find("table", cls="citations-table").find("tbody").find_all("tr")
    assert len(rows) == len(analysis.citations)
    assert "cited in Lind, 2013" in rows[1].text()
    assert "Write (Okafor, 2018)." in rows[2].text() and "has-problem" in rows[2].classes


def test_summary_counts_concepts_citations_and_problems(crafted):
    analysis, _, root = crafted
    cards = root.find("ul", cls="concept-cards").find_all("li")
    assert [c.find("span", cls="concept-name").text() for c in cards] == [c.label for c in analysis.concepts]
    trust = cards[1].text()
    assert "3 present" in trust and "1 absent" in trust
    stats = root.find("ul", cls="stats").text()
    assert "3 citations found, 1 secondary" in " ".join(stats.split())
    assert "3 referencing problems found" in " ".join(stats.split())


def test_feedback_points_are_the_top_findings_each_linking_to_its_passage(crafted):
    analysis, _, root = crafted
    points = root.find("ol", cls="feedback").find_all("li")
    assert len(points) == FEEDBACK_LIMIT
    ranked = sorted(analysis.findings, key=lambda f: -f.priority)
    assert [p.text().split(" ", 1)[1] for p in points] == [f.message for f in ranked[:FEEDBACK_LIMIT]]
    links = {p.text().split(" ", 1)[1]: p.find_all("a") for p in points}
    assert links["Paragraph 4 makes claims with no citation."][0].attrs["href"] == "#p-3"
    power_mention = next(i for i, m in enumerate(analysis.mentions) if m.text == "Power")
    assert links["Power is discussed only once, in paragraph 6."][0].attrs["href"] == f"#m-{power_mention}"
    assert links["1 of 3 citations is secondary: cite the source you read."] == []
    more = root.find("details", cls="more")
    assert "Note C." in more.text()


def test_concept_map_has_a_column_per_body_paragraph_linking_to_it(crafted):
    analysis, _, root = crafted
    svg = root.find("svg", cls="concept-map")
    links = svg.find_all("a", cls="map-col")
    targets = [a.attrs["href"] for a in links]
    mentioned = sorted({m.paragraph for m in analysis.mentions})
    assert targets == [f"#p-{i}" for i in mentioned]
    cell = svg.find("rect", where=lambda n: n.attrs.get("data-block") == "6" and "k3" in n.classes)
    assert "lv1" in cell.classes  # one power mention in the table cell
    assert "Power 1 mention" in links[-1].attrs["aria-label"]


def test_case_studies_show_concepts_from_shared_sentences(crafted):
    _, _, root = crafted
    rows = root.find("table", cls="cases-table").find("tbody").find_all("tr")
    jasmine, sheraz = (" ".join(r.text().split()) for r in rows)
    assert jasmine.startswith("Jasmine") and "Identity threats 1" in jasmine and "Trust 2" in jasmine
    assert "Power 1" in sheraz and "Trust 1" in sheraz


def test_reference_cross_check_and_source_counts(crafted):
    _, _, root = crafted
    references = root.find("table", cls="references-table").text()
    assert "Baxter (2015) is never cited." in references and "Cite it or remove it." in references
    table = root.find("table", cls="sources-table")
    sources = [[td.text() for td in row.find_all("td")] for row in table.find("tbody").find_all("tr")]
    assert ["Tuckman, 1965", "1", "1"] in sources and ["Smith, 2020", "1", ""] in sources


def test_stage_sources_are_shown_when_present_and_skipped_when_absent():
    with_sources = render_report(crafted_analysis(with_sources=True))
    assert "Source counts from the citation checker" in with_sources and ">primary<" in with_sources
    assert "Source counts from the citation checker" not in render_report(crafted_analysis())


@dataclass
class CountedSource:
    """The shape of the citation stage's source counts (duck-typed: the report
    reads fields, not a class)."""

    label: str
    authors: list[str]
    year: str
    citations: int = 0
    secondary: int = 0
    via: int = 0
    reference: int | None = None


def test_stage_source_counts_of_the_known_shape_get_their_own_table():
    analysis = crafted_analysis()
    analysis.sources = [  # type: ignore[attr-defined]
        CountedSource("Lind (2013)", ["Lind"], "2013", citations=0, via=1, reference=0),
        CountedSource("Tuckman (1965)", ["Tuckman"], "1965", secondary=1),
        CountedSource("Smith (2020)", ["Smith"], "2020", citations=1),
    ]
    root, _ = parse(render_report(analysis))
    table = root.find("table", cls="sources-table")
    rows = [[td.text() for td in row.find_all("td")] for row in table.find("tbody").find_all("tr")]
    assert rows == [["Lind (2013)", "0", "", "1", "yes"], ["Tuckman (1965)", "0", "1", "", "no"],
                    ["Smith (2020)", "1", "", "", "no"]]


def test_citations_resolved_to_reference_entries_link_to_them():
    analysis = crafted_analysis()
    analysis.citations[1].reference = 0  # type: ignore[attr-defined]
    root, _ = parse(render_report(analysis))
    rows = root.find("table", cls="citations-table").find("tbody").find_all("tr")
    assert rows[1].find("a", where=lambda n: n.attrs.get("href") == "#ref-0").text() == "entry 1"
    assert root.by_id("ref-0").find_all("td")[1].text().startswith("Lind, K. (2013)")
    assert "Reference entry" not in render_report(crafted_analysis())


def test_document_headings_never_skip_a_level(crafted):
    _, _, root = crafted
    levels = [int(n.tag[1]) for n in root.iter() if re.fullmatch(r"h[1-6]", n.tag)]
    assert levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1


def test_structure_snapshot(crafted):
    """The page's outline: landmarks, section ids and headings, table captions
    and how many highlights of each kind. Regenerate after an intended change
    with UPDATE_SNAPSHOTS=1."""
    import os

    _, _, root = crafted
    outline = []
    for node in root.iter():
        if node.tag in ("header", "nav", "main", "footer", "section", "article", "caption", "svg") or re.fullmatch(
            r"h[1-6]", node.tag
        ):
            titled = node.tag == "caption" or re.fullmatch(r"h[1-6]", node.tag)
            label = " ".join(node.text(skip_classes={"tip"}).split())[:60] if titled else ""
            outline.append(f"{node.tag}#{node.attrs.get('id', '')} {label}".rstrip())
    outline.append(f"marks: {len(root.find_all('mark', where=lambda n: 'id' in n.attrs))}")
    outline.append(f"bad citations: {len(root.find_all('span', cls='bad', where=lambda n: 'id' in n.attrs))}")
    snapshot = SNAPSHOTS / "report_outline.json"
    if os.environ.get("UPDATE_SNAPSHOTS") or not snapshot.exists():
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_text(json.dumps(outline, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert outline == json.loads(snapshot.read_text(encoding="utf-8"))


# --- determinism, size, and rendering from the JSON alone ---------------------------------------


def test_rendering_is_deterministic_and_needs_only_the_json(sample_analyses):
    analysis = sample_analyses["essay_jasmine_integration.docx"]
    html = render_report(analysis)
    assert render_report(analysis) == html
    again = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert render_report(again) == html
    assert not re.search(r"20\d\d-\d\d-\d\dT", html)  # no timestamps


@pytest.mark.parametrize("name", ["essay_jasmine_integration.docx", "essay_sheraz_safeguarding.pdf",
                                  "essay_shirley_charity.txt", "draft_with_problems.docx",
                                  "meeting_notes_steering_group.txt", "meeting_notes_project_board.md"])
def test_every_sample_renders_with_its_mentions_highlighted(sample_analyses, name):
    analysis = sample_analyses[name]
    root, _ = parse(render_report(analysis))
    marks = root.find_all("mark", where=lambda n: n.attrs.get("id", "").startswith("m-"))
    assert len(marks) == len(analysis.mentions)
    for mark in marks[:50]:
        assert mark.text(skip_classes={"tip"}) == analysis.mentions[int(mark.attrs["id"][2:])].text


def test_a_3000_word_essay_report_is_under_300_kb(pipeline, samples_dir):
    text = (samples_dir / "src" / "essay_jasmine_integration.md").read_text(encoding="utf-8")
    text += "\n\n" + (samples_dir / "essay_shirley_charity.txt").read_text(encoding="utf-8")
    analysis = pipeline.analyse_document(ingest_text(text, "long.md", "md"))
    assert analysis.document.metadata.word_count >= 3000
    size = len(render_report(analysis).encode("utf-8"))
    assert size < 300_000, size


def test_an_empty_analysis_still_renders():
    analysis = crafted_analysis()
    analysis.mentions, analysis.citations, analysis.findings, analysis.cases = [], [], [], []
    analysis.references, analysis.reference_section = [], None
    analysis.profile = {}
    root, _ = parse(render_report(analysis))
    assert "No reference list was found" in root.by_id("citations").text()
    assert "No feedback points" in root.by_id("summary").text()
    assert not root.find_all("section", where=lambda n: n.attrs.get("id") == "cases")
