"""Two drafts compared (analyser/compare.py and its page)."""

from __future__ import annotations

import html5lib
import pytest
from click.testing import CliRunner

from analyser import compare as compare_module
from analyser.cli import main
from analyser.compare import compare, text_changes

FIRST = ("Trust and power\n\nThe partnership lacked trust at first (Huxam and Vangen, 2005). "
         "The council held the power (Smith 2010).\n\nReferences\n\n"
         "Huxham, C. and Vangen, S. (2005) Managing to collaborate. Abingdon: Routledge.\n")
SECOND = ("Trust and power\n\nThe partnership lacked trust at first (Huxham and Vangen, 2005). "
          "A shared vision grew over time <script>alert(1)</script> (Smith 2010).\n\nReferences\n\n"
          "Huxham, C. and Vangen, S. (2005) Managing to collaborate. Abingdon: Routledge.\n\n"
          "Mercer, J. (2018) Partnership working. London: Sage.\n")


@pytest.mark.parametrize("before, after, expected", [
    ("a b c", "a b c", [("same", "a b c")]),
    ("a b c", "a x c", [("same", "a "), ("removed", "b "), ("added", "x "), ("same", "c")]),
    ("a c", "a b c", [("same", "a "), ("added", "b "), ("same", "c")]),
    ("a  b", "a b", [("same", "a b")]),  # spacing alone is not a change
    ("", "new text", [("added", "new text")]),
])
def test_text_changes(before, after, expected):
    segments = text_changes(before, after)
    assert [(s.kind, s.text) for s in segments] == expected
    assert "".join(s.text for s in segments if s.kind != "removed") == after


def test_long_texts_are_compared_line_by_line(monkeypatch):
    monkeypatch.setattr(compare_module, "MAX_WORD_DIFF", 2)
    segments = text_changes("one two\nthree four\n", "one two\nthree five\n")
    assert [(s.kind, s.text) for s in segments] == [("same", "one two\n"), ("removed", "three four\n"),
                                                    ("added", "three five\n")]


def test_what_changed_between_drafts(analyse):
    result = compare(analyse(FIRST), analyse(SECOND))
    concepts = {c.concept: (c.before, c.after, c.status) for c in result.concepts}
    assert concepts["vision"] == (0, 1, "gained") and concepts["power"] == (1, 0, "lost")
    assert [p.where for p in result.problems_fixed] == ["(Huxam and Vangen, 2005)"]
    assert "(Smith 2010)" in [p.where for p in result.problems_open]
    assert any(p.where.startswith("Mercer") for p in result.problems_new)
    assert result.references_added == ["Mercer, J. (2018) Partnership working. London: Sage."]
    assert result.references_removed == []
    resolved = " ".join(p.message for p in result.findings_resolved)
    assert "Shared vision is not discussed" in resolved


def test_cli_writes_one_safe_page(tmp_path):
    (tmp_path / "d1.txt").write_text(FIRST)
    (tmp_path / "d2.txt").write_text(SECOND)
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "d1.txt"), str(tmp_path / "d2.txt"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out" / "d2.compare.html").read_text()
    root = html5lib.parse(page, namespaceHTMLElements=False)
    assert [s.text for s in root.iter("script") if s.text and "alert" in s.text] == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'http-equiv="Content-Security-Policy"' in page
    added = ["".join(e.itertext()) for e in root.iter("ins")]
    removed = ["".join(e.itertext()) for e in root.iter("del")]
    assert "(Huxham " in added and "(Huxam " in removed


def test_a_bad_draft_is_one_line(tmp_path):
    (tmp_path / "d1.txt").write_text(FIRST)
    result = CliRunner().invoke(main, ["compare", str(tmp_path / "d1.txt"), str(tmp_path / "nope.txt"),
                                       "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and "nope.txt" in result.stderr


def test_the_overview_links_each_students_earlier_report(tmp_path):
    import csv
    import io
    import zipfile

    for number, text in ((1, FIRST), (2, SECOND)):
        with zipfile.ZipFile(tmp_path / f"draft{number}.zip", "w") as archive:
            # the file a student hands in is named anew each time: matched on the identifier
            archive.writestr(f"Ann Example_1001_assignsubmission_file_/essay v{number}.txt", text)
            archive.writestr(f"Bo Li_1002_assignsubmission_file_/bo{number}.txt", text)
    first_out, second_out = tmp_path / "run1", tmp_path / "run2"
    runs = (("draft1.zip", first_out, []), ("draft2.zip", second_out, ["--previous", str(first_out)]))
    for zipped, out, extra in runs:
        result = CliRunner().invoke(main, ["batch", str(tmp_path / zipped), "--out", str(out), "-j", "1", "-q", *extra])
        assert result.exit_code == 0, result.output
    earlier = {r["identifier"]: r["report"]
               for r in csv.DictReader(io.StringIO((first_out / "summary.csv").read_text()))}
    root = html5lib.parse((second_out / "index.html").read_text(), namespaceHTMLElements=False)
    links = {a.get("href") for a in root.iter("a") if "".join(a.itertext()).startswith("Earlier report")}
    assert links == {f"../run1/{earlier['1001']}", f"../run1/{earlier['1002']}"}
    assert all((second_out / link).is_file() for link in links)
