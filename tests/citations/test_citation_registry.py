"""Citation styles as data: the registry, loading a style table (and its
problems, file:line), a course's own styles named in its profile, and the
style chosen on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyser.citations import citation_style, register_styles, style_names
from analyser.citations.style import load_styles, style_title
from analyser.cli import main
from analyser.errors import DataFileError
from analyser.resources import default_profile_path


@pytest.fixture(autouse=True)
def _registry_restored():
    """Styles a test registers are taken out again (the registry is process-wide)."""
    from analyser.citations import style

    before = dict(style._builtin())
    yield
    style._REGISTRY.clear()
    style._REGISTRY.update(before)


def test_the_shipped_styles_are_registered_by_name():
    assert style_names()[:3] == ["harvard", "apa", "harvard-local"]
    harvard, apa, local = (citation_style(n) for n in ("harvard", "apa", "harvard-local"))
    assert (harvard.et_al_from, apa.et_al_from, local.et_al_from) == (4, 3, 3)
    assert (harvard.join_in_brackets, apa.join_in_brackets, apa.join_in_text) == ("and", "&", "and")
    assert (harvard.secondary, apa.secondary) == ("cited in", "as cited in")
    # the local variant starts from Cite Them Right and changes three rules
    assert local.join_in_references == harvard.join_in_references and local.secondary == harvard.secondary
    assert (local.comma_before_secondary, local.refused_page_labels) == (False, ("pg",))
    assert style_title("apa") == "APA 7" and style_title("chicago") == "chicago"


def test_one_function_writes_every_author_label():
    apa = citation_style("apa")
    assert apa.authors(["Lind", "Berg"], in_brackets=True) == "Lind & Berg"
    assert apa.authors(["Lind", "Berg"], in_brackets=False) == "Lind and Berg"
    assert citation_style("harvard").label(["Okafor", "Reid", "Hale"], "2016") == "Okafor, Reid and Hale (2016)"
    assert apa.label(["Okafor", "Reid", "Hale"], "n.d.", "a") == "Okafor et al. (n.d.-a)"
    assert citation_style("harvard").authors(["Okafor"], False, possessive=True) == "Okafor's"


def test_unknown_style_is_one_clear_error():
    with pytest.raises(DataFileError, match="unknown citation style 'mla'"):
        citation_style("mla")


BAD = [
    ('[x]\nbased_on = "chicago"\n', ":2: [x] is based on unknown style 'chicago'"),
    ('[x]\nbased_on = "harvard"\net_al_from = "three"\n', ":3: 'et_al_from' in [x] must be a whole number"),
    ('[x]\nbased_on = "harvard"\ncolour = "red"\n', ":3: unknown key 'colour' in [x]"),
    ('[x]\ntitle = "X"\n', ":1: [x] lacks abbreviation_brackets, alphabetical_in_brackets, comma_after_eg"),
    ('[x]\nbased_on = "harvard"\ncomma_before_secondary = "no"\n', ":3: 'comma_before_secondary' in [x] must be true"),
]


@pytest.mark.parametrize(("body", "expected"), BAD, ids=[b[1] for b in BAD])
def test_bad_style_tables_are_reported_with_file_and_line(tmp_path, body, expected):
    path = tmp_path / "styles.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        load_styles(path, {"harvard": citation_style("harvard")})
    assert any(p.startswith(str(path) + expected) for p in caught.value.problems), caught.value.problems


def test_a_style_table_written_before_the_newer_keys_still_loads(tmp_path):
    """A stand-alone table (no based_on) with every key but the three added
    later loads, with their older behaviour."""
    harvard = citation_style("harvard")
    lines = [f"{key} = {_toml(getattr(harvard, key))}" for key in sorted(vars(harvard))
             if key not in ("name", "secondary_year_optional", "names_before_et_al", "year_commas_in_brackets")]
    path = tmp_path / "styles.toml"
    path.write_text("[old-harvard]\n" + "\n".join(lines) + "\n", encoding="utf-8")
    old = load_styles(path)["old-harvard"]
    assert (old.secondary_year_optional, old.names_before_et_al, old.year_commas_in_brackets) == (False,) * 3
    assert old.et_al_from == harvard.et_al_from and old.secondary == harvard.secondary


def _toml(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, int):
        return str(value)
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def test_a_course_adds_its_own_style_in_its_profile(tmp_path):
    """A course team writes one table and names the file in its profile; the
    checker then judges and writes by it."""
    (tmp_path / "styles.toml").write_text(
        '[our-harvard]\nbased_on = "harvard"\ntitle = "Our Harvard"\nsecondary = "quoted in"\n'
        'secondary_accepted = ["quoted in"]\n', encoding="utf-8")
    profile = default_profile_path().read_text(encoding="utf-8")
    lexicon = default_profile_path().parent / "lexicon.toml"
    profile = profile.replace('lexicon = "lexicon.toml"', f'lexicon = "{lexicon}"\ncitation_styles = "styles.toml"')
    profile = profile.replace('model = "concepts.model.json"', f'model = "{lexicon.parent / "concepts.model.json"}"')
    profile = profile.replace('citation_style = "harvard"', 'citation_style = "our-harvard"')
    (tmp_path / "profile.toml").write_text(profile, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyse", "-", "--profile", str(tmp_path / "profile.toml"),
                                       "--format", "json", "--out", "-"],
                                input="Stages matter (Tuckman, 1965, cited in Lind, 2013).\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["profile"]["citation_style"] == "our-harvard"
    (citation,) = data["citations"]
    (problem,) = citation["problems"]
    assert problem["code"] == "secondary_wording" and "Our Harvard" in problem["message"]
    assert problem["suggestion"] == "(Tuckman, 1965, quoted in Lind, 2013)"
    assert "our-harvard" in style_names()


def test_the_style_option_lists_the_registry_and_selects_the_local_variant():
    help_text = CliRunner().invoke(main, ["analyse", "--help"]).output
    assert "harvard-local" in help_text
    result = CliRunner().invoke(main, ["analyse", "-", "--style", "harvard-local", "--format", "json", "--out", "-"],
                                input="It is so (Okafor, Reid and Hale, 2016).\n")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["profile"]["citation_style"] == "harvard-local"
    assert [p["code"] for p in data["citations"][0]["problems"]] == ["et_al_needed"]
    bad = CliRunner().invoke(main, ["analyse", "-", "--style", "mla"], input="x\n")
    assert bad.exit_code == 2


def test_register_styles_returns_the_names(tmp_path):
    path = Path(tmp_path / "more.toml")
    path.write_text('[apa-uk]\nbased_on = "apa"\ntitle = "APA 7 (UK dates)"\n', encoding="utf-8")
    assert register_styles(path) == ["apa-uk"]
    assert citation_style("apa-uk").et_al_from == 3
