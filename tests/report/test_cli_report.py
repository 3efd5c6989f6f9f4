"""`analyser analyse` output formats and `analyser batch`, through click's CliRunner."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyser.cli import main

ESSAY = "Trust\n\nThe council held the power and there was little trust (Huxham and Vangen, 2005).\n"


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def essay(tmp_path) -> Path:
    path = tmp_path / "my essay.txt"
    path.write_text(ESSAY, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", [[], ["analyse"], ["batch"]])
def test_help(runner, command):
    result = runner.invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output
    if command == ["batch"]:
        assert "--jobs" in result.output and "--quiet" in result.output and "--force" in result.output
    if command == ["analyse"]:
        assert "html|json|all" in result.output


def test_analyse_writes_the_html_report_by_default(runner, essay, tmp_path):
    result = runner.invoke(main, ["analyse", str(essay), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    report = tmp_path / "out" / "my_essay.html"
    assert f"wrote {report}" in result.stdout
    html = report.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'href="index.html"' not in html
    assert not (tmp_path / "out" / "my_essay.json").exists()


def test_analyse_all_writes_both(runner, essay, tmp_path):
    result = runner.invoke(main, ["analyse", str(essay), "--out", str(tmp_path), "--format", "all"])
    assert result.exit_code == 0, result.output
    assert "my_essay.html" in result.stdout and "my_essay.json" in result.stdout
    assert json.loads((tmp_path / "my_essay.json").read_text())["document"]["text"].startswith("Trust")


def test_analyse_json_to_stdout(runner, essay):
    result = runner.invoke(main, ["analyse", str(essay), "--format", "json", "--out", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema_version"]


def test_analyse_html_to_stdout_and_stdin(runner):
    result = runner.invoke(main, ["analyse", "-", "--out", "-"], input=ESSAY)
    assert result.exit_code == 0 and result.stdout.startswith("<!DOCTYPE html>")


def test_analyse_all_to_stdout_is_a_usage_error(runner, essay):
    result = runner.invoke(main, ["analyse", str(essay), "--format", "all", "--out", "-"])
    assert result.exit_code == 2 and "one format" in result.stderr


def test_analyse_bad_file_is_one_line_and_exit_1(runner, tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    result = runner.invoke(main, ["analyse", str(bad), "--out", str(tmp_path)])
    assert result.exit_code == 1 and result.stderr.count("\n") == 1 and result.stderr.startswith("error:")


def batch_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    for name in ("a/essay.txt", "b/essay.txt", "notes.md"):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(ESSAY, encoding="utf-8")
    (folder / "~$essay.docx").write_bytes(b"lock file")
    return folder


def test_batch_all_good_exits_0_with_plain_progress_lines(runner, tmp_path):
    folder = batch_folder(tmp_path)
    result = runner.invoke(main, ["batch", str(folder), "--out", str(tmp_path / "out"), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "[1/3] ok a/essay.txt" in result.stderr and "[3/3] ok notes.md" in result.stderr
    assert "analysed 3 of 3 documents" in result.stdout and "index.html" in result.stdout
    assert (tmp_path / "out" / "a__essay.html").exists() and (tmp_path / "out" / "b__essay.json").exists()


def test_batch_with_a_bad_file_exits_1_and_names_it(runner, tmp_path):
    folder = batch_folder(tmp_path)
    (folder / "broken.docx").write_bytes(b"not a zip")
    result = runner.invoke(main, ["batch", str(folder), "--out", str(tmp_path / "out"), "-j", "1", "--quiet"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "broken.docx" in lines[0]
    assert result.stdout == ""
    assert "broken.docx" in (tmp_path / "out" / "index.html").read_text()
    assert (tmp_path / "out" / "notes.html").exists()


def test_batch_usage_errors_exit_2(runner, tmp_path):
    folder = batch_folder(tmp_path)
    inside = runner.invoke(main, ["batch", str(folder), "--out", str(folder / "reports")])
    assert inside.exit_code == 2 and "--force" in inside.stderr
    assert runner.invoke(main, ["batch", str(folder)]).exit_code == 2  # --out is required
    assert runner.invoke(main, ["batch", str(folder), "--out", str(tmp_path / "o"), "--jobs", "0"]).exit_code == 2
    forced = runner.invoke(main, ["batch", str(folder), "--out", str(folder / "reports"), "--force", "-q", "-j", "1"])
    assert forced.exit_code == 0, forced.output
    again = runner.invoke(main, ["batch", str(folder), "--out", str(folder / "reports"), "--force", "-q", "-j", "1"])
    assert again.exit_code == 0 and "reports/" not in (folder / "reports" / "summary.csv").read_text()


def test_batch_of_nothing_exits_1(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(main, ["batch", str(tmp_path / "empty"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and "no documents" in result.stderr
    missing = runner.invoke(main, ["batch", str(tmp_path / "nope"), "--out", str(tmp_path / "out")])
    assert missing.exit_code == 1 and "no such file or folder" in missing.stderr
