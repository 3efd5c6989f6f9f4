"""Lexicon and profile files with syntax errors, unknown keys or bad values:
every problem is reported as file:line: what is wrong and what is expected,
exit status 1, never a traceback (rows of docs/bad-inputs.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyser.errors import DataFileError
from analyser.lexicon import load_lexicon
from analyser.profile import load_profile
from analyser.resources import default_lexicon_path

from . import fixtures
from .test_bad_inputs import DOCS

CONCEPT = '[[concepts]]\nid = "trust"\nlabel = "Trust"\ncolour = "#000000"\ndescription = "d"\n'
LEXICON = default_lexicon_path()

LEXICON_ROWS = [
    ("lexicon: TOML syntax error", "[lexicon\n",
     ["{f}:1: TOML syntax error: Expected ']' at the end of a table declaration"]),
    ("lexicon: unknown key", f'[lexicon]\nname = "x"\nfoo = 1\n{CONCEPT}terms = [{{ term = "trust", source = "s" }}]\n',
     ["{f}:3: unknown key 'foo' in [lexicon] (expected one of: description, language, name, version)"]),
    ("lexicon: unknown key in a term", f'{CONCEPT}terms = [{{ term = "trust", source = "s", weight = 2 }}]\n',
     ["{f}:6: unknown key 'weight' in a term of concept 'trust' "
      "(expected one of: note, pattern, polarity, requires, source, term)"]),
    ("lexicon: bad colour", CONCEPT.replace("#000000", "red") + 'terms = [{ term = "trust", source = "s" }]\n',
     ["{f}:4: concept 'trust': colour 'red' is not of the form #RRGGBB"]),
    ("lexicon: bad polarity", f'{CONCEPT}terms = [{{ term = "trust", source = "s", polarity = "maybe" }}]\n',
     ["{f}:6: concept 'trust': term 'trust' has polarity 'maybe' (expected present or absent)"]),
    ("lexicon: exclude not a list", f'{CONCEPT}exclude = "trust fund"\nterms = [{{ term = "trust", source = "s" }}]\n',
     ["{f}:6: concept 'trust': exclude must be a list of phrases, like [\"trust fund\"]"]),
    ("lexicon: term without a source", f'{CONCEPT}terms = [{{ term = "trust" }}]\n',
     ["{f}:6: concept 'trust': term 'trust' needs a source (course text file and paragraph, or 'codebook')"]),
    ("lexicon: header not a table", 'lexicon = "x"\n' + CONCEPT + 'terms = [{ term = "trust", source = "s" }]\n',
     ["{f}:1: 'lexicon' must be a table: [lexicon]"]),
    ("lexicon: not UTF-8", b"\xff\xfe[lexicon]",
     ["{f}: is not UTF-8 text (byte 0 cannot be decoded); save it as UTF-8"]),
]

PROFILE_ROWS = [
    ("profile: TOML syntax error", '[profile\nname = "x"\n',
     ["{f}:1: TOML syntax error: Expected ']' at the end of a table declaration"]),
    ("profile: unknown key", f'[profile]\nname = "x"\nlexicon = "{LEXICON}"\ncolour = "red"\n',
     ["{f}:4: unknown key 'colour' in [profile] (expected one of: citation_style, citation_styles, description, "
      "lexicon, model, name)"]),
    ("profile: bad citation style", f'[profile]\nlexicon = "{LEXICON}"\ncitation_style = "mla"\n',
     ["{f}:3: citation_style 'mla' is not one of: harvard, apa, harvard-local"]),
    ("profile: bad thresholds",
     f'[profile]\nlexicon = "{LEXICON}"\n[thresholds]\ndominant_source_share = 3\nmin_mentions_per_concept = "two"\n',
     ["{f}:4: threshold 'dominant_source_share' is a share between 0 and 1",
      "{f}:5: threshold 'min_mentions_per_concept' must be a non-negative number"]),
    ("profile: thresholds not a table", f'thresholds = 5\n[profile]\nlexicon = "{LEXICON}"\n',
     ["{f}:1: 'thresholds' must be a table: [thresholds]"]),
    ("profile: case study not a table", f'case_studies = [1]\n[profile]\nlexicon = "{LEXICON}"\n',
     ["{f}:1: each entry of 'case_studies' must be a table: [[case_studies]]"]),
    ("profile: aliases not a list", f'[profile]\nlexicon = "{LEXICON}"\n[[case_studies]]\nname = "A"\naliases = "B"\n',
     ["{f}:5: case study 'A': aliases must be a list of names"]),
    ("profile: name not text", f'[profile]\nlexicon = "{LEXICON}"\nname = {{ a = 1 }}\n',
     ["{f}:3: 'name' in [profile] must be text in quotes"]),
    ("profile: lexicon file missing", '[profile]\nlexicon = "nope.toml"\n',
     ["{f}:2: lexicon file not found: {d}/nope.toml"]),
]


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def _expected(lines: list[str], path: Path) -> list[str]:
    return [line.format(f=path, d=path.parent.resolve()) for line in lines]


@pytest.mark.parametrize("row_id,content,problems", LEXICON_ROWS, ids=[r[0] for r in LEXICON_ROWS])
def test_bad_lexicon(row_id: str, content: str, problems: list[str], tmp_path: Path, run_cli) -> None:
    lexicon = _write(tmp_path, "lexicon.toml", content)
    essay = _write(tmp_path, "essay.txt", fixtures.ESSAY)
    result = run_cli("analyse", essay, "--lexicon", lexicon, "--format", "json", "--out", "-")
    assert result.exception is None
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.error_lines == [f"error: {p}" for p in _expected(problems, lexicon)]
    check = run_cli("lexicon", "check", lexicon)
    assert check.exit_code == 1
    assert check.stdout.splitlines() == _expected(problems, lexicon)


@pytest.mark.parametrize("row_id,content,problems", PROFILE_ROWS, ids=[r[0] for r in PROFILE_ROWS])
def test_bad_profile(row_id: str, content: str, problems: list[str], tmp_path: Path, run_cli) -> None:
    profile = _write(tmp_path, "profile.toml", content)
    essay = _write(tmp_path, "essay.txt", fixtures.ESSAY)
    result = run_cli("analyse", essay, "--profile", profile, "--format", "json", "--out", "-")
    assert result.exception is None
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.error_lines == [f"error: {p}" for p in _expected(problems, profile)]


@pytest.mark.parametrize("row_id", [r[0] for r in LEXICON_ROWS + PROFILE_ROWS])
def test_documented(row_id: str) -> None:
    assert row_id in DOCS.read_text(encoding="utf-8")


def test_control_characters_in_a_key_are_shown_escaped(tmp_path: Path, run_cli) -> None:
    """A key written as "\\u001b[31m" would recolour the terminal if printed raw."""
    lexicon = _write(tmp_path, "lexicon.toml",
                     f'{CONCEPT}"\\u001b[2J" = 1\nterms = [{{ term = "trust", source = "s" }}]\n')
    check = run_cli("lexicon", "check", lexicon)
    assert "\x1b" not in check.stdout
    assert "unknown key '\\x1b[2J' in a concept" in check.stdout


# Any TOML document at all, under the keys the loaders know: they report
# problems, never crash.
_SCALARS = st.one_of(
    st.text(max_size=12), st.integers(-5, 5), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(
        ["id", "label", "colour", "description", "terms", "exclude", "term", "source", "polarity", "name",
         "aliases", "authors", "year", "x"]), inner, max_size=4),
    max_leaves=12,
)


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml(v)}" for k, v in value.items()) + "}"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(st.sampled_from(
    ["lexicon", "concepts", "profile", "case_studies", "key_readings", "thresholds", "other"]), _VALUES, max_size=4))
def test_any_toml_is_reported_not_crashed(tmp_path: Path, data: dict[str, object]) -> None:
    path = tmp_path / "any.toml"
    path.write_text("".join(f"{key} = {_toml(value)}\n" for key, value in data.items()), encoding="utf-8")
    for loader in (load_lexicon, load_profile):
        try:
            loader(path)
        except DataFileError as error:
            assert error.problems and all(p.startswith(f"{path}:") for p in error.problems)
