"""Every command through click's CliRunner, plus the help every command has."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from analyser import __version__
from analyser.cli import main


def all_commands(group=main, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if hasattr(command, "commands"):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("command", list(all_commands()), ids=" ".join)
def test_every_command_has_help_with_a_description(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output
    body = result.output.split("\n\n", 2)[1].strip()
    assert len(body) > 20, result.output


def test_top_level_help_has_examples_and_version():
    result = CliRunner().invoke(main, ["--help"])
    assert "Examples:" in result.output and "analyser analyse" in result.output
    assert CliRunner().invoke(main, ["--version"]).output.strip() == f"analyser, version {__version__}"


def test_analyse_writes_json_and_says_where(tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text("Trust grew between partners.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["analyse", str(source), "--format", "json", "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = out / "notes.json"
    assert f"wrote {written}" in result.output
    data = json.loads(written.read_text(encoding="utf-8"))
    assert [(m["concept"], m["text"]) for m in data["mentions"]] == [("trust", "Trust")]


def test_analyse_to_stdout_and_from_stdin():
    result = CliRunner().invoke(
        main, ["analyse", "-", "--format", "json", "--out", "-"], input="There was no shared vision.\n"
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["document"]["source"] == "-"
    assert [(m["term"], m["polarity"]) for m in data["mentions"]] == [("shared vision", "absent")]


@pytest.mark.parametrize(
    "args, message",
    [
        (["analyse", "missing.txt", "--out", "-"], "error: missing.txt: no such file\n"),
        (
            ["analyse", "essay.xyz", "--out", "-"],
            "error: essay.xyz: has an unknown file type '.xyz' and is not text; supported:",
        ),
    ],
)
def test_user_mistakes_are_one_line_errors(tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "essay.xyz").write_bytes(b"\x00\x01\x02 binary")
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert result.output.startswith(message)
    assert "Traceback" not in result.output


def test_custom_lexicon_option(tmp_path):
    lexicon = tmp_path / "lex.toml"
    lexicon.write_text(
        '[[concepts]]\nid = "care"\nlabel = "Care"\ncolour = "#112233"\ndescription = "Care."\n'
        'terms = [{ term = "compassion", source = "codebook" }]\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["analyse", "-", "--lexicon", str(lexicon), "--format", "json", "--out", "-"], input="Compassion.\n"
    )
    assert [m["concept"] for m in json.loads(result.output)["mentions"]] == ["care"]


def test_lexicon_show_lists_terms_with_sources():
    result = CliRunner().invoke(main, ["lexicon", "show", "--concept", "trust"])
    assert result.exit_code == 0
    assert "trust — Trust #0072B2" in result.output
    assert "mistrust" in result.output and "[absent]" in result.output
    assert "003_fbf8c27489fad9b0.txt#L46" in result.output
    assert "identity_threat" not in result.output


def test_lexicon_check_ok_and_problems(tmp_path):
    from analyser.resources import default_lexicon_path

    ok = CliRunner().invoke(main, ["lexicon", "check", str(default_lexicon_path())])
    assert ok.exit_code == 0 and ok.output.strip().endswith(": OK")
    assert "warning" not in ok.output
    bad = tmp_path / "bad.toml"
    bad.write_text('[[concepts]]\nid = "x"\nlabel = "X"\ncolour = "red"\ndescription = "d"\nterms = []\n', "utf-8")
    result = CliRunner().invoke(main, ["lexicon", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:4: concept 'x': colour 'red' is not of the form #RRGGBB" in result.output
    assert f"{bad}:1: concept 'x' has no terms" in result.output


def test_lexicon_check_warns_of_a_word_read_as_a_function_word(tmp_path):
    """The lemma table reads "wills" as "will": the term would fire on every
    "will", so the check says so (a warning: the file is still valid)."""
    lexicon = tmp_path / "wills.toml"
    lexicon.write_text('[lexicon]\nname = "t"\n\n[[concepts]]\nid = "power"\nlabel = "Power"\n'
                       'colour = "#000000"\ndescription = "d"\n'
                       'terms = [{ term = "wills", source = "s" }, { term = "veto", source = "s" }]\n', "utf-8")
    result = CliRunner().invoke(main, ["lexicon", "check", str(lexicon)])
    assert result.exit_code == 0 and result.output.strip().endswith(": OK")
    assert f"{lexicon}: warning: 'wills' (in wills) is matched as 'will'" in result.output
    assert "veto" not in result.output


def test_evaluate_on_a_small_coded_file(tmp_path):
    coded = tmp_path / "coded.jsonl"
    rows = [
        {"text": "Partners trusted each other.", "codes": {"trust": "present"}},
        {"text": "There was no shared vision.", "codes": {"vision": "absent"}},
        {"text": "Meetings were on Tuesdays.", "codes": {}},
        {"text": "Nobody could say what the group was for.", "codes": {"vision": "absent"}},
    ]
    coded.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", str(coded), "--no-model"])  # the lexicon's figures
    assert result.exit_code == 0, result.output
    lines = {line.split()[0]: line.split() for line in result.output.splitlines() if line.split()}
    # trust: 1 of 1 found; vision: 2 coded, 2 found (the second by the phrase "what the group was for")
    assert lines["trust"][1:6] == ["1", "1", "1.00", "1.00", "1.00"]
    assert lines["vision"][1:6] == ["2", "2", "1.00", "1.00", "1.00"]
    assert lines["power"][1:3] == ["0", "0"]
