"""No string from a document, a file name, a lexicon or a profile ever
becomes markup in a page. Property-based: hypothesis writes documents full
of markup, template syntax ({{ }}, {% %}, ${}), quotes, ampersands, control
and bidi characters, with hostile file names, titles, authors, lexicon
labels, descriptions, terms and sources, and profile, case-study and
key-reading names; the real pipeline analyses them and the real renderers
(and, for the overview, a real batch run) draw the pages.

Each page is parsed with html5lib, which implements the HTML5 parsing
algorithm browsers use (the standard library's html.parser does not: it
knows nothing of foreign SVG content, implied end tags or the tokenizer's
states, so it could disagree with a browser about where markup is). Every
page must:

- parse without a single HTML5 parse error, and end with `</html>`;
- hold exactly the elements and attributes of a *baseline*: the same
  analysis (or rows) with every character that could open markup or
  template syntax (< > & " ' ` = { } % $) swapped for an inert private-use
  character, which keeps every offset, length, equality and truthiness
  the page depends on. Text that became markup adds an element or an
  attribute the baseline does not have;
- use only elements and attributes that the report package's templates
  and its Python markup can write (an allowlist read from those sources);
- have one <script> (the package's own, no `src`), one <style>, the
  Content-Security-Policy meta tag whose hashes match them, no `on*`,
  `style`, `src` or `srcdoc` attribute, no link but to an anchor on the page
  or an output file beside it (so no `javascript:` URL), unique ids;
- (reports) show each block of the document as text, exactly: every
  hidden control as its visible code point, nothing added or lost.
"""

from __future__ import annotations

import ast
import json
import re
import tempfile
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import HealthCheck, Phase, event, given, reject, settings
from hypothesis import strategies as st

import analyser.report
from analyser.batch import find_inputs, run_batch
from analyser.errors import InputError, text_name
from analyser.ingest import ingest_text
from analyser.lexicon import normalise_term
from analyser.model import Analysis
from analyser.pipeline import Analyser, Settings
from analyser.report import render_index, render_report
from analyser.report.environment import content_security_policy, load_asset

HTML_NS = "http://www.w3.org/1999/xhtml"
SVG_NS = "http://www.w3.org/2000/svg"
SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

# --- what hostile input is made of ----------------------------------------------------------------

MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>", "</script><script>alert(1)</script>",
    "</style><script>alert(1)</script>", "</title><script>alert(1)</script>", "</textarea>", "<!--", "-->",
    "<![CDATA[x]]>", "<!DOCTYPE html>", "<?xml version='1.0'?>", '<a href="javascript:alert(1)">link</a>',
    "<iframe srcdoc='<script>alert(1)</script>'>", '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<base href='//evil.example/'>", "<math><mi xlink:href='javascript:alert(1)'>x</mi></math>",
    "<template><script>alert(1)</script></template>", "<noscript><p title='</noscript><img src=x onerror=alert(1)>'>",
    "<plaintext>", "<xmp>", "<table><td>", '<p id="main">', '<form action="https://evil.example/"><input name=x>',
    "<input autofocus onfocus=alert(1)>", '" onmouseover="alert(1)', "' onfocus='alert(1)' x='",
    "` onclick=`alert(1)`", "<b>bold</b>", "</p></div></main>", "<br/>", "&lt;script&gt;", "&amp;",
    "&#x3C;script&#x3E;", "&#60;", "&", "&#0;", "&nbsp", "&unknown;", "javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=", "url(javascript:alert(1))", "@import 'x';", "</svg>", "<style>",
]
TEMPLATE = [
    "{{ 7*7 }}", "{{ config }}", "{{", "}}", "{% raw %}", "{% endraw %}", "{% include 'base.html.j2' %}", "{#",
    "#}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "{{ r.title | safe }}", "{% set x = 1 %}", "%}", "{{ inline_script }}",
]
QUOTES = ['"', "'", "`", "“", "”", "‘", "’", "«", "»", "\\", '\\"', "\\'"]
CONTROLS = [chr(c) for c in range(0x00, 0x20)] + [
    "\x7f", "\x85", "\x9b", "\u200b", "\u200d", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d",
    "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u061c", "\ufeff", "\u2028", "\u2029", "\ufffd", "\u0301",
]
WORDS = [
    "trust", "mistrust", "a lack of trust", "power", "shared vision", "de-skilled", "professional identity",
    "Jasmine", "Sheraz's case", "(Smith, 2020)", "(Smith 2020)", "Huxham and Vangen (2005)",
    "(Tuckman, 1965, cited in Lind, 2013)", "Smith (2020, p. 4) argues", "et al.", "p. 12",
]
SEPARATORS = [" ", " ", "\n", "\n\n", "\n\n# ", "\n\n## ", "\n\n- ", "\n\n1. ", "\r\n", "\t", ". "]
CHARS = list("<>&\"'`={}%$#;:/\\()[]!-. abcXYZ") + CONTROLS + ["é", "漢", "😀", "ß"]

hostile_bits = st.text(alphabet=st.sampled_from(CHARS), max_size=24)
hostile_string = st.one_of(st.sampled_from(MARKUP + TEMPLATE + QUOTES), hostile_bits,
                           st.lists(st.sampled_from(MARKUP + TEMPLATE + QUOTES + CONTROLS), max_size=4).map("".join))
# never blank (a lexicon label or term must say something): something hostile, then something visible
nonblank = st.tuples(hostile_string, st.sampled_from(["x", "<i>", "Zoë", "{{ y }}", "漢", "'s"])).map("".join)


def text_of(extra: list[str], *, controls: bool = True) -> st.SearchStrategy[str]:
    """Documents: what the analysis looks for (and `extra` phrases, such as a
    lexicon's terms) and hostile pieces, between separators that make
    headings, lists and paragraphs; sometimes a reference list whose entries
    are hostile too. Without `controls`, few enough control characters that
    a file is not refused as binary."""
    hostile = [st.sampled_from(MARKUP + TEMPLATE), st.sampled_from(QUOTES + (CONTROLS if controls else [])),
               hostile_bits if controls else st.sampled_from(["&", "<", "{{", "}}", "\u202e"])]
    piece = st.one_of(st.sampled_from(WORDS), st.sampled_from(extra or WORDS), *hostile)
    body = st.lists(st.tuples(piece, st.sampled_from(SEPARATORS)).map("".join), min_size=1, max_size=40).map("".join)
    entry = hostile_string.map(lambda s: f"Smith, J. (2020) {s}. London: Press.")
    references = st.lists(entry, max_size=3).map(lambda es: "\n\n## References\n\n" + "\n\n".join(es) if es else "")
    return st.tuples(body, references).map("".join)


# --- the baseline: the same content, with nothing that could open markup ----------------------------

_INERT = {c: chr(0xE000 + i) for i, c in enumerate("<>&\"'`={}%$")}  # private use: no case, not space, not control
_DEFANG = str.maketrans(_INERT)
assert not set(_INERT.values()) & set("".join(MARKUP + TEMPLATE + QUOTES + CONTROLS + WORDS + CHARS))


def defang(value: Any) -> Any:
    """Every string inside `value` with markup characters swapped, one for one
    (offsets and lengths stay valid, equal strings stay equal, different ones
    different). Dict keys are field names, left alone."""
    if isinstance(value, str):
        return value.translate(_DEFANG)
    if isinstance(value, dict):
        return {k: defang(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [defang(v) for v in value]
    return value


def baseline_report(analysis: Analysis, **kwargs: Any) -> str:
    return render_report(Analysis.from_dict(defang(analysis.to_dict())), **kwargs)


# --- the allowlist: what the report package itself can write ------------------------------------------


@lru_cache(maxsize=1)
def package_vocabulary() -> dict[str, frozenset[str]]:
    """Element → attribute names, read from the page templates (jinja syntax
    removed) and from every string in the package's Python modules that
    holds markup (highlights, tooltips, visible control characters)."""
    package = Path(analyser.report.__file__).parent
    sources = []
    for path in sorted((package / "templates").glob("*.j2")):
        text = re.sub(r"\{#.*?#\}", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"\{\{.*?\}\}", "v", text, flags=re.S)
        sources.append(re.sub(r"\{%.*?%\}", "", text, flags=re.S))
    for path in sorted(package.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.JoinedStr):
                sources.append("".join(v.value if isinstance(v, ast.Constant) else "v" for v in node.values))
            elif isinstance(node, ast.Constant) and isinstance(node.value, str) and "<" in node.value:
                sources.append(node.value)
    vocabulary: dict[str, set[str]] = defaultdict(set)

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            vocabulary[tag].update(name for name, _ in attrs)

        handle_startendtag = handle_starttag

    for text in sources:
        collector = Collect()
        collector.feed(text)
        collector.close()
    # The one element whose name the template takes from the view: `<{{ b.tag }} …>`,
    # a document block, "p" or a heading (view._heading_tags).
    dynamic = vocabulary.pop("v")
    for tag in ("p", "h1", "h2", "h3", "h4", "h5", "h6"):
        vocabulary[tag] |= dynamic
    return {tag: frozenset(names) for tag, names in vocabulary.items()}


# --- checking a page -----------------------------------------------------------------------------------


def parse5(html: str):
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=False, namespaceHTMLElements=True)
    return parser.parse(html), parser.errors


def split(name: str) -> tuple[str, str]:
    """`{namespace}local` → (namespace, local)."""
    if name.startswith("{"):
        namespace, local = name[1:].split("}", 1)
        return namespace, local
    return "", name


def elements(root) -> list:
    return [el for el in root.iter() if isinstance(el.tag, str)]


def shape(root) -> Counter:
    """Every element as (namespace, name, its attribute names), counted."""
    return Counter((el.tag, tuple(sorted(el.attrib))) for el in root.iter())


def text_content(el, *, skip_classes: frozenset[str] = frozenset({"tip"})) -> str:
    """An element's text as a reader sees it, a `U+XXXX` control marker
    turned back into its character."""
    classes = set((el.get("class") or "").split())
    if "ctl" in classes:
        return chr(int((el.text or "")[2:], 16))
    parts = [el.text or ""]
    for child in el:
        if not (set((child.get("class") or "").split()) & skip_classes):
            parts.append(text_content(child, skip_classes=skip_classes))
        parts.append(child.tail or "")
    return "".join(parts)


def is_local_file(href: str) -> bool:
    """An output file beside the page: a safe name (letters of any script,
    digits, combining marks after them, "_", ".", "-") with an output suffix;
    no scheme, path, query or fragment."""
    stem, dot, suffix = href.rpartition(".")
    return bool(stem) and not stem.startswith(".") and dot == "." and suffix in ("html", "json", "csv") and all(
        ch.isalnum() or ch in "_.-" or unicodedata.category(ch) in ("Mn", "Mc") for ch in stem)


def check_page(html: str, baseline: str, script: str) -> Any:
    """Every property in the module docstring that holds for any page; returns the tree."""
    assert html.endswith("</html>\n")
    root, errors = parse5(html)
    assert errors == [], errors[:5]
    base_root, base_errors = parse5(baseline)
    assert base_errors == []
    assert shape(root) == shape(base_root), sorted((shape(root) - shape(base_root)).items())[:5]

    vocabulary = package_vocabulary()
    for el in elements(root):
        namespace, tag = split(el.tag)
        assert namespace in (HTML_NS, SVG_NS), el.tag
        assert tag.lower() in vocabulary, f"<{tag}> is not in any template"
        for name in el.attrib:
            attr_namespace, attr = split(name)
            assert not attr_namespace and attr.lower() in vocabulary[tag.lower()], f"<{tag} {name}>"
            assert not attr.lower().startswith("on") and attr.lower() not in ("style", "src", "srcdoc", "action")

    ns = {"h": HTML_NS}
    scripts = [el for el in elements(root) if split(el.tag)[1] == "script"]
    assert len(scripts) == 1 and scripts[0].tag == f"{{{HTML_NS}}}script" and not scripts[0].attrib
    assert scripts[0].text == load_asset(script)
    assert scripts[0] in list(root.find("h:body", ns))
    styles = [el for el in elements(root) if split(el.tag)[1] == "style"]
    assert len(styles) == 1 and not styles[0].attrib
    head = root.find("h:head", ns)
    assert [(split(el.tag)[1], tuple(sorted(el.attrib))) for el in head] == [
        ("meta", ("charset",)), ("meta", ("content", "http-equiv")), ("meta", ("content", "name")),
        ("meta", ("content", "name")), ("meta", ("content", "name")), ("title", ()), ("style", ()),
    ]
    csp = head[1]
    assert csp.get("http-equiv") == "Content-Security-Policy"
    assert csp.get("content") == content_security_policy(styles[0].text, scripts[0].text)
    assert csp.get("content").startswith("default-src 'none'; ")

    ids = [el.get("id") for el in elements(root) if el.get("id") is not None]
    assert len(ids) == len(set(ids))
    for el in elements(root):
        href = el.get("href")
        if href is not None:
            assert (href.startswith("#") and href[1:] in ids) or is_local_file(href), href
    return root


def check_document_text(root, analysis: Analysis) -> None:
    """Each block shows exactly its text: nothing from the document turned into
    markup, dropped or changed."""
    # what the examples exercised (pytest --hypothesis-show-statistics)
    absent = any(m.polarity == "absent" for m in analysis.mentions)
    event(f"mentions: {min(len(analysis.mentions), 3)}+, absent: {absent}")
    event(f"citations with problems: {any(c.problems for c in analysis.citations)}")
    event(f"reference list: {analysis.reference_section is not None}, case mentions: {bool(analysis.cases)}")
    by_id = {el.get("id"): el for el in elements(root) if el.get("id")}
    text = analysis.document.text
    for index, block in enumerate(analysis.document.blocks):
        assert text_content(by_id[f"p-{index}"]) == text[block.start : block.end]


# --- the report of one document -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def default_pipeline() -> Analyser:
    return Analyser().load()


def analyse(pipeline: Analyser, text: str, source: str, title: str | None, author: str | None,
            warning: str | None) -> Analysis:
    try:
        document = ingest_text(text, source=source)
    except InputError:
        reject()  # only whitespace: refused, as documented
    if title is not None:
        document.metadata.title = title  # as a .docx's core properties would give it
    document.metadata.author = author
    if warning is not None:
        document.warnings.append(warning)  # warnings quote names and extensions from the file
    return pipeline.analyse_document(document)


@settings(max_examples=80, **SETTINGS)
@given(text=text_of([]), source=hostile_string, title=st.none() | hostile_string, author=st.none() | hostile_string,
       warning=st.none() | hostile_string, index_href=st.sampled_from([None, "index.html"]))
def test_report_of_a_hostile_document(default_pipeline, text, source, title, author, warning, index_href):
    analysis = analyse(default_pipeline, text, source, title, author, warning)
    html = render_report(analysis, index_href=index_href)
    root = check_page(html, baseline_report(analysis, index_href=index_href), "report.js")
    check_document_text(root, analysis)


def test_the_baseline_is_faithful(default_pipeline):
    """The baseline differs from the page only where markup characters were:
    rendering through the JSON changes nothing, and a document with markup
    characters really gives different bytes (so the comparison is not vacuous)."""
    analysis = analyse(default_pipeline, "Trust <b>me</b> & {{ x }} (Smith 2020).\n\nPower.", "a<b>.txt",
                       None, "O'Brien", None)
    assert render_report(Analysis.from_dict(analysis.to_dict())) == render_report(analysis)
    assert baseline_report(analysis) != render_report(analysis)
    # and the check catches markup that did get through:
    leaked = render_report(analysis).replace("&lt;b&gt;me&lt;/b&gt;", "<b>me</b>", 1)
    assert leaked != render_report(analysis)
    with pytest.raises(AssertionError):
        check_page(leaked, baseline_report(analysis), "report.js")


# --- hostile course data: lexicon and profile ----------------------------------------------------------


def toml_string(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for char in value:
        if char in '"\\':
            out.append("\\" + char)
        elif ord(char) < 0x20 or char == "\x7f":
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


@st.composite
def course_data(draw) -> dict[str, Any]:
    """A lexicon and a profile in which every free-text value is hostile."""
    terms = draw(st.lists(nonblank, min_size=1, max_size=5, unique_by=normalise_term)
                 .filter(lambda ts: all(normalise_term(t) for t in ts)))
    count = draw(st.integers(1, min(3, len(terms))))
    concepts = [
        {"id": f"c{index}", "label": draw(nonblank), "description": draw(nonblank),
         "colour": draw(st.sampled_from(["#D55E00", "#0072B2", "#009E73"])), "terms": terms[index::count],
         "sources": [draw(nonblank) for _ in terms[index::count]], "exclude": draw(st.lists(nonblank, max_size=2))}
        for index in range(count)
    ]
    aliases = draw(st.lists(nonblank, min_size=1, max_size=3))
    return {
        "lexicon_name": draw(hostile_string), "concepts": concepts,
        "profile_name": draw(hostile_string), "profile_description": draw(hostile_string),
        "cases": [{"id": draw(hostile_string), "name": alias, "description": draw(hostile_string),
                   "aliases": draw(st.lists(nonblank, max_size=2))} for alias in aliases],
        "reading": {"authors": draw(st.lists(nonblank, min_size=1, max_size=2)), "year": draw(nonblank),
                    "title": draw(hostile_string)},
        "terms": terms,
    }


def write_course_data(folder: Path, data: dict[str, Any]) -> Path:
    lines = ["[lexicon]", f"name = {toml_string(data['lexicon_name'])}", ""]
    for concept in data["concepts"]:
        exclude = ", ".join(toml_string(e) for e in concept["exclude"])
        lines += ["[[concepts]]", f'id = "{concept["id"]}"', f"label = {toml_string(concept['label'])}",
                  f'colour = "{concept["colour"]}"', f"description = {toml_string(concept['description'])}",
                  f"exclude = [{exclude}]", "terms = ["]
        lines += [f"  {{ term = {toml_string(t)}, source = {toml_string(s)} }},"
                  for t, s in zip(concept["terms"], concept["sources"], strict=True)]
        lines += ["]", ""]
    (folder / "lexicon.toml").write_text("\n".join(lines), encoding="utf-8")
    lines = ["[profile]", f"name = {toml_string(data['profile_name'])}",
             f"description = {toml_string(data['profile_description'])}", 'lexicon = "lexicon.toml"', ""]
    for case in data["cases"]:
        aliases = ", ".join(toml_string(a) for a in case["aliases"])
        lines += ["[[case_studies]]", f"id = {toml_string(case['id'])}", f"name = {toml_string(case['name'])}",
                  f"aliases = [{aliases}]", f"description = {toml_string(case['description'])}", ""]
    reading = data["reading"]
    authors = ", ".join(toml_string(a) for a in reading["authors"])
    lines += ["[[key_readings]]", f"authors = [{authors}]", f"year = {toml_string(reading['year'])}",
              f"title = {toml_string(reading['title'])}", ""]
    profile = folder / "profile.toml"
    profile.write_text("\n".join(lines), encoding="utf-8")
    return profile


def phrases_of(data: dict[str, Any]) -> list[str]:
    """What a document should say so that the hostile terms and names are found."""
    cases = [a for case in data["cases"] for a in [case["name"], *case["aliases"]]]
    return [f" {p} " for p in data["terms"] + cases]


@settings(max_examples=15, **SETTINGS)
@given(data=course_data(), draw=st.data())
def test_report_with_hostile_lexicon_and_profile(data, draw):
    with tempfile.TemporaryDirectory() as folder:
        profile = write_course_data(Path(folder), data)
        pipeline = Analyser(Settings(profile_path=str(profile))).load()
        phrases = phrases_of(data)
        text = phrases[0] + draw.draw(text_of(phrases), label="text")
        analysis = analyse(pipeline, text, "essay.txt", None, None, None)
        assert [c.label for c in analysis.concepts] == [c["label"] for c in data["concepts"]]
        html = render_report(analysis)
        root = check_page(html, baseline_report(analysis), "report.js")
        check_document_text(root, analysis)


def test_case_aliases_that_end_in_s_or_change_when_capitalised(tmp_path):
    """Found by the test above: such aliases made the analysis raise KeyError."""
    data = {"lexicon_name": "L", "concepts": [{"id": "c0", "label": "Trust", "description": "d", "colour": "#D55E00",
                                                "terms": ["trust"], "sources": ["codebook"], "exclude": []}],
            "profile_name": "P", "profile_description": "",
            "cases": [{"id": "jo", "name": "Jo's", "description": "", "aliases": []},
                      {"id": "sa", "name": "ßa", "description": "", "aliases": []}],
            "reading": {"authors": ["Smith"], "year": "2020", "title": ""}}
    pipeline = Analyser(Settings(profile_path=str(write_course_data(tmp_path, data)))).load()
    analysis = pipeline.analyse_document(ingest_text("Jo's trust. Jo's's view. SSa said so, and ßa agreed."))
    assert [(c.case, c.text) for c in analysis.cases] == [("jo", "Jo's"), ("jo", "Jo's's"), ("sa", "SSa"),
                                                         ("sa", "ßa")]


# --- the overview of a batch run, and its reports ----------------------------------------------------------

# File names as a file system allows them (no "/" or NUL, not hidden, not a
# temporary file the batch skips), with everything else a name can hold:
# markup, quotes, controls, bidi overrides, backslashes, reserved Windows
# names, letters of other scripts, bytes that are not UTF-8 (surrogate escapes).
NAME_CHARS = [c for c in CHARS if c not in "/\x00"] + ["\udce9", "\udcff", "Е", "с", "é", "ＣＯＮ", "CON", "nul"]
file_names = (
    st.tuples(st.sampled_from(["", "x", "CON", "aux.", "Ессе", "Ésai", "<b>", "{{ 1 }}"]),
              st.lists(st.sampled_from(NAME_CHARS), max_size=30).map("".join), st.sampled_from([".txt", ".md", ".TXT"]))
    .map("".join)
    .filter(lambda n: not n.startswith((".", "~$", "#")) and len(n.encode("utf-8", "surrogateescape")) < 200)
)


# No shrinking: each example is a whole batch run, and shrinking one takes minutes. A failure
# prints its seed; rerun with --hypothesis-seed=... to see it again.
@settings(max_examples=12, phases=[Phase.explicit, Phase.reuse, Phase.generate], **SETTINGS)
@given(data=course_data(), title=hostile_string, draw=st.data())
def test_batch_overview_and_reports_of_hostile_files(data, title, draw):
    files = draw.draw(st.lists(st.tuples(file_names, text_of(phrases_of(data), controls=False)), min_size=1,
                               max_size=4, unique_by=lambda f: f[0]), label="files")
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "in", Path(tmp) / "out"
        folder.mkdir()
        profile = write_course_data(Path(tmp), data)
        for name, text in files:
            (folder / name).write_bytes(text.encode("utf-8"))
        inputs = find_inputs(str(folder))
        assert sorted(i.name for i in inputs) == sorted(text_name(name) for name, _ in files)  # none skipped
        result = run_batch(inputs, out, Settings(profile_path=str(profile)), jobs=1, fmt="all", title=title)
        index = result.index_path.read_text(encoding="utf-8")
        event(f"documents failed: {len(result.failures)} of {len(result.rows)}")
        check_page(index, render_index(defang(result.rows), title=defang(title)), "index.js")
        for row in result.rows:
            if row["error"]:
                continue
            analysis = Analysis.from_dict(json.loads((out / row["json"]).read_text(encoding="utf-8")))
            html = (out / row["report"]).read_text(encoding="utf-8")
            assert html == render_report(analysis, index_href="index.html")
            root = check_page(html, baseline_report(analysis, index_href="index.html"), "report.js")
            check_document_text(root, analysis)
