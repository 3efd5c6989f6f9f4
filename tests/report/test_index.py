"""The batch overview page and the CSV, from summary rows."""

from __future__ import annotations

import csv
import io

from crafted import crafted_analysis
from htmltree import parse

from analyser.batch import summary_csv
from analyser.report import failed_row, render_index, summary_row


def rows():
    analysis = crafted_analysis()
    good = summary_row(analysis, document="b/essay.docx", report="b__essay.html", json="b__essay.json")
    other = crafted_analysis()
    other.mentions = [m for m in other.mentions if m.concept != "power"]
    other.citations = []
    second = summary_row(other, document="a/=cmd|' /C calc'!A0.docx", report="a__cmd.html")
    bad = failed_row("c/<broken>.docx", "is not a Word .docx document")
    return [good, second, bad]


def test_summary_row_counts():
    row = summary_row(crafted_analysis(), document="x.docx", report="x.html")
    assert row["words"] > 0 and row["citations"] == 3 and row["secondary"] == 1
    assert abs(row["secondary_share"] - 1 / 3) < 1e-9 and row["problems"] == 3
    trust = next(c for c in row["concepts"] if c["id"] == "trust")
    assert (trust["present"], trust["absent"]) == (3, 1)


def test_index_table_has_a_sortable_row_per_document_sorted_by_name():
    root, _ = parse(render_index(rows()))
    table = root.by_id("overview")
    headers = table.find("thead").find_all("th")
    assert [" ".join(h.text().split()) for h in headers] == [
        "Document", "Words", "Identity threats", "Trust", "Shared vision", "Power", "Citations",
        "Secondary share", "Problems", "Report"]
    assert all(h.find_all("button") for h in headers[:-1]) and headers[0].attrs["aria-sort"] == "ascending"
    body = table.find("tbody").find_all("tr")
    assert [r.find("th").find_all("a")[0].text() if r.find("th").find_all("a") else r.find("th").text()
            for r in body][:2] == ["a/=cmd|' /C calc'!A0.docx", "b/essay.docx"]
    power = body[1].find_all("td")[4]
    assert power.attrs["data-sort"] == "2" and power.find_all("svg", cls="bar")
    share = body[1].find_all("td")[6]
    assert share.attrs["data-sort"] == "0.333333" and "33%" in share.text()


def test_failed_documents_are_listed_with_their_error_and_sort_last():
    root, _ = parse(render_index(rows()))
    failures = root.by_id("failed").text()
    assert "c/<broken>.docx: is not a Word .docx document" in failures
    failed = root.by_id("overview").find("tbody").find_all("tr", cls="failed")
    assert len(failed) == 1
    assert all(td.attrs.get("data-sort") in ("", None) for td in failed[0].find_all("td"))
    assert "2 analysed" in root.find("header").text()


def test_cohort_chart_shows_concept_coverage():
    root, _ = parse(render_index(rows()))
    chart = root.find("svg", cls="cohort-chart")
    assert chart.attrs["role"] == "img"
    label = chart.attrs["aria-label"]
    assert "Power: 1 of 2 (50%)" in label and "Trust: 2 of 2 (100%)" in label


def test_index_is_deterministic_whatever_the_row_order():
    forward = rows()
    assert render_index(forward) == render_index(list(reversed(forward)))


def test_index_of_nothing_renders():
    root, _ = parse(render_index([failed_row("x.pdf", "is empty")]))
    assert "No document could be analysed" in root.by_id("cohort").text()


def test_csv_has_the_same_columns_and_defuses_formulas():
    text = summary_csv(rows())
    table = list(csv.reader(io.StringIO(text)))
    assert table[0][:4] == ["document", "title", "words", "identity_threat"]
    assert "secondary_share" in table[0] and table[0][-1] == "error"
    by_name = {r[0]: dict(zip(table[0], r)) for r in table[1:]}
    assert "'a/=cmd|' /C calc'!A0.docx" not in by_name  # the name starts with "a", so it is left alone
    assert by_name["b/essay.docx"]["trust"] == "3" and by_name["b/essay.docx"]["trust_absent"] == "1"
    assert by_name["b/essay.docx"]["secondary_share"] == "0.333"
    assert by_name["c/<broken>.docx"]["error"] == "is not a Word .docx document"
    assert by_name["c/<broken>.docx"]["words"] == ""
    formula = summary_csv([failed_row("=HYPERLINK(1)", "-1+1")])
    assert "'=HYPERLINK(1)" in formula and "'-1+1" in formula
    assert text == summary_csv(list(reversed(rows())))
