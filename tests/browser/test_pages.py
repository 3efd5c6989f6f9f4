"""The report and the batch overview in a real browser (Chromium via
Playwright, opened from disk): highlights where the analysis says, toggles,
the concept map, sorting, no console errors, no network, and axe-core."""

from __future__ import annotations

import pytest

DRAFT = "draft_with_problems.docx"


def test_report_highlights_are_where_the_analysis_says(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page
    mentions = built.analyses[DRAFT]["mentions"]
    concepts = [c["id"] for c in built.analyses[DRAFT]["concepts"]]
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll("mark.m[id]")).map(m => ({
            id: m.id, text: m.innerText, classes: Array.from(m.classList),
            visible: m.getBoundingClientRect().width > 0}))"""
    )
    assert len(shown) == len(mentions) > 0
    for item in shown:
        mention = mentions[int(item["id"][2:])]
        assert item["text"] == mention["text"]
        assert f"k{concepts.index(mention['concept'])}" in item["classes"]
        assert item["visible"]
    opened.screenshot("browser-report.png")
    opened.assert_clean()


def test_focusing_a_highlight_shows_its_evidence_and_escape_hides_it(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page
    mention = built.analyses[DRAFT]["mentions"][0]
    tip = page.locator("#tip-m-0")
    assert not tip.is_visible()
    page.focus("#m-0")
    assert tip.is_visible()
    assert mention["source"] in tip.inner_text() and mention["polarity"] in tip.inner_text()
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    opened.assert_clean()


def test_unticking_a_concept_hides_its_highlights(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page
    concepts = [c["id"] for c in built.analyses[DRAFT]["concepts"]]
    k = f"k{concepts.index('trust')}"

    def looks(selector: str) -> dict:
        return page.eval_on_selector(selector, """m => { const s = getComputedStyle(m);
            return {bg: s.backgroundColor, line: s.borderBottomColor, tab: m.tabIndex}; }""")

    first_trust = f"mark.m.{k}[id]"
    other = f"mark.m:not(.{k})[id]"
    before = looks(first_trust)
    assert before["bg"] != "rgba(0, 0, 0, 0)" and before["tab"] == 0
    page.uncheck(f"#toggle-{k}")
    hidden = looks(first_trust)
    assert hidden["bg"] == "rgba(0, 0, 0, 0)" and hidden["line"] == "rgba(0, 0, 0, 0)" and hidden["tab"] == -1
    assert looks(other)["bg"] != "rgba(0, 0, 0, 0)"  # other concepts untouched
    opened.screenshot("browser-report-trust-hidden.png")
    page.check(f"#toggle-{k}")
    assert looks(first_trust) == before
    opened.assert_clean()


def test_clicking_a_concept_map_cell_scrolls_to_its_paragraph(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page
    column = page.locator("a.map-col").last
    target = column.get_attribute("href")
    assert page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top") > 900
    column.locator("rect.map-cell:not(.empty)").first.click()
    page.wait_for_function(f"location.hash === '{target}'")
    top = page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top")
    assert 0 <= top < 900
    opened.screenshot("browser-report-after-map-click.png")
    opened.assert_clean()


def test_print_layout_hides_the_controls(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page
    page.emulate_media(media="print")
    assert not page.locator("fieldset.toggles").is_visible()
    assert not page.locator("nav.toc").is_visible()
    assert page.locator("mark.m[id]").first.is_visible()
    opened.assert_clean()


def test_a_hostile_document_shows_its_text_and_runs_nothing(open_page, built):
    opened = open_page(built.hostile)
    page = opened.page
    text = page.inner_text("#doc")
    assert "<script>window.pwned = 1; alert('x')</script>" in text
    assert '<img src=x onerror="window.pwned = 2">' in text and "{{ 7*7 }}" in text
    assert "U+202E" in text and "\u202e" not in text
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    page.locator("#document").scroll_into_view_if_needed()
    opened.screenshot("browser-report-hostile.png")
    opened.assert_clean()


def column_values(page, column: int) -> list[str]:
    return page.evaluate(
        f"""() => Array.from(document.querySelectorAll('#overview tbody tr')).map(
            r => r.cells[{column}].getAttribute('data-sort'))"""
    )


def test_index_sorts_by_any_column(open_page, built):
    opened = open_page(built.index)
    page = opened.page
    headers = page.locator("#overview thead th")
    names = column_values(page, 0)
    assert names == sorted(names)
    words_header = headers.nth(1)
    words_header.locator("button").click()
    assert words_header.get_attribute("aria-sort") == "descending"
    words = column_values(page, 1)
    numbers = [float(w) for w in words if w]
    assert numbers == sorted(numbers, reverse=True) and words[-1] == ""  # the failed file goes last
    words_header.locator("button").click()
    assert words_header.get_attribute("aria-sort") == "ascending"
    numbers = [float(w) for w in column_values(page, 1) if w]
    assert numbers == sorted(numbers)
    assert headers.nth(0).get_attribute("aria-sort") is None
    headers.nth(0).locator("button").click()
    headers.nth(0).locator("button").click()
    assert column_values(page, 0) == sorted(names, reverse=True)
    assert page.inner_text("#sort-status").startswith("Sorted by Document")
    opened.screenshot("browser-index.png", full_page=True)
    opened.assert_clean()


def test_index_links_open_the_reports(open_page, built):
    opened = open_page(built.index)
    page = opened.page
    page.click("#overview tbody tr th a")
    page.wait_for_selector("#doc")
    assert page.url.endswith(".html") and "feedback report" in page.title()
    page.click("header .eyebrow a")
    page.wait_for_selector("#overview")
    assert [r for r in opened.requests if not r.startswith("file://")] == []
    assert opened.problems == []


def axe_targets():
    return ["index", "hostile.txt", "essay_jasmine_integration.docx", "essay_sheraz_safeguarding.pdf",
            "essay_shirley_charity.txt", DRAFT, "meeting_notes_steering_group.txt", "meeting_notes_project_board.md"]


@pytest.mark.parametrize("target", axe_targets())
def test_axe_core_finds_no_violations(open_page, built, target):
    from axe_playwright_python.sync_playwright import Axe

    opened = open_page(built.index if target == "index" else built.reports[target])
    results = Axe().run(opened.page)
    assert results.violations_count == 0, results.generate_report()
    opened.assert_clean()
