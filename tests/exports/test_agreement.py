"""Agreement between coders: kappa and alpha against values worked out by
hand on small tables, confusion counts and disagreements over real units,
and `analyser agree` end to end."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from analyser.agreement import Unit, cohen_kappa, compare, kappa_interval, krippendorff_alpha
from analyser.bootstrap import Interval
from analyser.cli import main
from analyser.exports import Coding
from analyser.model import ConceptInfo

# 10 units: both coded 3, A only 1, B only 2, neither 4.
A = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0]
B = [1, 1, 1, 0, 1, 1, 0, 0, 0, 0]


def test_cohen_kappa_by_hand():
    # p_o = (3 + 4) / 10 = 0.7; A codes 4/10, B 5/10:
    # p_e = 0.4 * 0.5 + 0.6 * 0.5 = 0.5; kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4
    assert cohen_kappa(A, B) == pytest.approx(0.4)


def test_krippendorff_alpha_by_hand():
    # 20 pairable values: nine 1s, eleven 0s. Coincidences: o_11 = 6, o_00 = 8,
    # o_01 = o_10 = 3. alpha = 1 - (n - 1) * o_01 / (n_0 * n_1) = 1 - 19 * 3 / (11 * 9) = 42/99
    assert krippendorff_alpha(A, B) == pytest.approx(42 / 99)


def test_a_second_table_by_hand():
    # 8 units: both 2, A only 2, B only 0, neither 4. p_o = 6/8 = 0.75;
    # p_e = 0.5 * 0.25 + 0.5 * 0.75 = 0.5; kappa = 0.5.
    # alpha: n = 16, n_1 = 6, n_0 = 10, o_01 = 2: 1 - 15 * 2 / 60 = 0.5
    a, b = [1, 1, 1, 1, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0, 0]
    assert cohen_kappa(a, b) == pytest.approx(0.5)
    assert krippendorff_alpha(a, b) == pytest.approx(0.5)


def test_undefined_when_neither_coder_varies():
    assert cohen_kappa([0, 0, 0], [0, 0, 0]) is None
    assert krippendorff_alpha([1, 1], [1, 1]) is None
    assert cohen_kappa([0, 0, 0, 0], [0, 0, 0, 1]) == pytest.approx(0.0)  # one varies: kappa is defined


def test_compare_counts_overlaps_per_unit_and_lists_disagreements():
    text = "We trust them. Power is theirs. No vision. Fine."
    units = [Unit("d", i, text.index(s), text.index(s) + len(s), s, "Ann" if i < 2 else "Bob")
             for i, s in enumerate(["We trust them.", "Power is theirs.", "No vision.", "Fine."])]
    concepts = [ConceptInfo("trust", "Trust", "#0072B2", ""), ConceptInfo("power", "Power", "#CC79A7", "")]
    human = [Coding("d", 3, 8, "trust"), Coding("d", 15, 20, "power"), Coding("d", 10, 20, "trust")]
    tool = [Coding("d", 3, 8, "trust"), Coding("d", 35, 41, "vision", "absent")]
    report = compare(units, human, tool, concepts, names=("human", "tool"))
    rows = {c.concept: (c.both, c.only_a, c.only_b, c.neither, c.percent) for c in report.concepts}
    # human's second trust coding (10-20) spans units 0 and 1
    assert rows == {"trust": (1, 1, 0, 2, 0.75), "power": (0, 1, 0, 3, 0.75), "vision": (0, 0, 1, 3, 0.75)}
    assert [(d.unit.index, d.concept, d.coded_by) for d in report.disagreements] == [
        (1, "power", "a"), (1, "trust", "a"), (2, "vision", "b")]


def test_agree_command_human_project_against_the_tool(tmp_path, analyser):
    """A human coder who coded one sentence the tool missed and skipped one it found."""
    doc = tmp_path / "meeting.txt"
    doc.write_text("Ann: We trust the board.\nBob: The funders hold all the cards.\nAnn: Fair.\n", encoding="utf-8")
    from analyser.ingest import ingest

    analysis = analyser.analyse_document(ingest(doc))
    text = analysis.document.text
    assert [m.concept for m in analysis.mentions] == ["trust"]
    human = tmp_path / "human.csv"
    start = text.index("hold all the cards")
    human.write_text(f"document,start,end,concept,polarity\nmeeting.txt,{start},{start + 18},power,present\n",
                     encoding="utf-8")
    # the tool as the lexicon reads it (the fixture above), so the premise does not move with the model
    result = CliRunner().invoke(main, ["agree", str(human), "tool", "--documents", str(doc), "--unit", "turn",
                                       "--no-model", "--html", str(tmp_path / "agree.html")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert "3 turns in 1 document(s)" in lines
    trust = next(line for line in lines if line.startswith("Trust"))
    power = next(line for line in lines if line.startswith("Power"))
    # By hand, trust over 3 turns: human [0, 0, 0], tool [1, 0, 0]. p_o = 2/3,
    # p_e = 1 * 2/3 = 2/3, kappa = 0. alpha: n = 6, n_1 = 1, n_0 = 5, o_01 = 1:
    # 1 - 5 * 1 / (5 * 1) = 0. Power is the mirror image.
    # kappa's interval (one document: its turns resampled): every draw where it is defined gives 0 again
    assert trust.split()[1:] == ["0", "0", "1", "2", "66.7%", "0.000", "0.000", "0.00", "to", "0.00"]
    assert power.split()[1:] == ["0", "1", "0", "2", "66.7%", "0.000", "0.000", "0.00", "to", "0.00"]
    assert "(kappa's 95% interval: units resampled 1,000 times)" in lines
    assert "  meeting.txt turn 2 [Power: only human.csv] Bob: The funders hold all the cards." in lines
    page = (tmp_path / "agree.html").read_text(encoding="utf-8")
    assert "The funders hold all the cards." in page and "66.7%" not in page and "67%" in page
    assert "Kappa, 95% interval" in page and "<td class=\"num\">0.00 to 0.00</td>" in page
    assert "resampling the units 1,000 times" in page


def test_agree_needs_the_documents_for_a_table(tmp_path):
    human = tmp_path / "human.csv"
    human.write_text("document,start,end,concept\nx.txt,0,4,trust\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["agree", str(human), "tool"])
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no text for the coded document(s) x.txt: give them with --documents"


@pytest.mark.parametrize(("xs", "ys", "groups", "expected"), [
    # two documents with the same table (kappa 0.5 in each): every draw gives 0.5
    ([1, 1, 0, 0] * 2, [1, 0, 0, 0] * 2, ["d1"] * 4 + ["d2"] * 4, Interval(0.5, 0.5)),
    # one document of perfect agreement (kappa 1), one of none (kappa -1): mixed draws give 0
    ([1, 0, 1, 0], [1, 0, 0, 1], ["d1", "d1", "d2", "d2"], Interval(-1.0, 1.0)),
])
def test_kappa_interval_resamples_whole_documents(xs, ys, groups, expected):
    found = kappa_interval(xs, ys, groups)
    assert found is not None
    assert (found.low, found.high) == pytest.approx((expected.low, expected.high))


def test_kappa_interval_is_none_when_no_draw_varies():
    assert kappa_interval([0, 0, 0, 0], [0, 0, 0, 0], ["d1", "d1", "d2", "d2"]) is None


def test_compare_resamples_documents_when_there_are_several():
    units = [Unit(doc, i, 0, 1, "x") for doc in ("a.txt", "b.txt") for i in range(2)]
    report = compare(units, [], [], [])
    assert report.resampled == "documents"
    assert compare(units[:2], [], [], []).resampled == "units"


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(1, 4)), min_size=1, max_size=8),
       st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6)), max_size=8))
def test_units_a_coding_overlaps_are_those_a_scan_finds(gaps_and_lengths, spans):
    """The binary search finds exactly the units that checking every unit
    against every coding finds (units in reading order, gaps between them)."""
    from analyser.agreement import _coded
    from analyser.exports.codings import Coding

    units, at = [], 0
    for index, (gap, length) in enumerate(gaps_and_lengths):
        units.append(Unit("d.txt", index, at + gap, at + gap + length, "x" * length))
        at += gap + length
    codings = [Coding("d.txt", start, start + length, "trust") for start, length in spans]
    scanned = {("d.txt", u.index, "trust") for c in codings for u in units
               if c.start < u.end and c.end > u.start or (c.start == c.end and u.start <= c.start < u.end)}
    assert _coded(units, codings) == scanned
