"""The Reflection section in a real browser: every sentence carries its
move, the "Reflective moves" toggle colours them, strips lead to their
paragraphs, the class overview shows move balance, and axe-core finds no
violations with the moves shown."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

DRAFT = "draft_with_problems.docx"


def test_every_body_sentence_shows_its_move_on_hover(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page
    moves = built.analyses[DRAFT]["reflection"]["moves"]
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll("#doc span.s[id]")).map(s => ({
            id: s.id, move: s.dataset.move, title: s.title}))"""
    )
    assert len(shown) == len(moves) > 5
    for item, move in zip(shown, moves):
        assert item["id"] == f"s-{move['sentence']}" and item["move"] == move["move"]
        assert item["title"].startswith(f"Reflective move: {move['move']} (")
    opened.assert_clean()


def test_the_moves_toggle_colours_sentences_beside_concept_highlights(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page

    def background(selector: str) -> str:
        return page.eval_on_selector(selector, "e => getComputedStyle(e).backgroundColor")

    first = "#" + page.evaluate("document.querySelector('#doc span.s[id]').id")
    mark_before = background("mark.m[id]")
    assert background(first) == "rgba(0, 0, 0, 0)"
    page.check("#toggle-moves")
    assert background(first) != "rgba(0, 0, 0, 0)"
    assert background("mark.m[id]") == mark_before  # concept highlights stay as they were
    page.locator("#document").scroll_into_view_if_needed()
    opened.screenshot("browser-report-moves.png")
    page.uncheck("#toggle-moves")
    assert background(first) == "rgba(0, 0, 0, 0)"
    opened.assert_clean()


def test_a_paragraph_strip_goes_to_its_paragraph(open_page, built):
    opened = open_page(built.reports[DRAFT])
    page = opened.page
    strip = page.locator("ol.move-strips a.strip").last
    target = strip.get_attribute("href")
    assert strip.get_attribute("aria-label").startswith("Paragraph ")
    page.locator("#reflection").scroll_into_view_if_needed()
    opened.screenshot("browser-report-reflection.png")
    strip.click()
    page.wait_for_function(f"location.hash === '{target}'")
    top = page.evaluate(f"document.querySelector('{target}').getBoundingClientRect().top")
    assert 0 <= top < 900
    opened.assert_clean()


def test_the_class_overview_shows_move_balance(open_page, built):
    opened = open_page(built.index)
    page = opened.page
    assert page.locator("#moves svg.cohort-moves rect.seg").count() > 1
    essays = [name for name, a in built.analyses.items() if a.get("reflection")]
    assert page.locator("#overview td.moves-cell svg.move-bar").count() == len(essays) > 0
    opened.assert_clean()


@pytest.mark.parametrize("target", ["essay_jasmine_integration.docx", DRAFT, "essay_shirley_charity.txt"])
def test_axe_finds_no_violations_with_moves_shown(open_page, built, target):
    from axe_playwright_python.sync_playwright import Axe

    opened = open_page(built.reports[target])
    opened.page.check("#toggle-moves")
    results = Axe().run(opened.page)
    assert results.violations_count == 0, results.generate_report()
    opened.assert_clean()
