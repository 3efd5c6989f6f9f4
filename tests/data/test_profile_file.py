"""Course profiles: the default names the course's cases and readings; bad
values are reported with file and line."""

from __future__ import annotations

import pytest

from analyser.errors import DataFileError
from analyser.profile import load_profile


def test_default_profile():
    profile = load_profile()
    assert [c.name for c in profile.case_studies] == ["Jasmine", "Sheraz", "Shirley"]
    assert profile.citation_style == "harvard"
    assert ["Huxham", "Vangen"] in [k.authors for k in profile.key_readings]
    assert profile.thresholds.secondary_citation_share == 0.30
    assert profile.lexicon_path.name == "lexicon.toml" and profile.lexicon_path.is_file()


@pytest.mark.parametrize(
    "body, expected",
    [
        ('[profile]\ncitation_style = "mla"\n', ":2: citation_style 'mla' is not one of: harvard, apa"),
        ('[profile]\nname = "x"\ncolour = "red"\n', ":3: unknown key 'colour' in [profile]"),
        ("[thresholds]\nsecondary_citation_share = 3\n", ":2: threshold 'secondary_citation_share' is a share"),
        ('[[case_studies]]\nname = "Ann"\naliases = "Annie"\n', ":3: case study 'Ann': aliases must be a list"),
        ('[profile]\nlexicon = "missing.toml"\n', ":2: lexicon file not found"),
    ],
)
def test_profile_problems(tmp_path, body, expected):
    (tmp_path / "lexicon.toml").write_text("", encoding="utf-8")
    path = tmp_path / "profile.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        load_profile(path)
    assert any(p.startswith(str(path)) and expected in p for p in error.value.problems), error.value.problems


def test_custom_lexicon_through_the_profile(tmp_path):
    (tmp_path / "course.toml").write_text(
        '[[concepts]]\nid = "care"\nlabel = "Care"\ncolour = "#112233"\ndescription = "Care."\n'
        'terms = [{ term = "compassion", source = "codebook" }]\n',
        encoding="utf-8",
    )
    (tmp_path / "profile.toml").write_text('[profile]\nlexicon = "course.toml"\n', encoding="utf-8")
    from analyser.ingest import ingest_text
    from analyser.pipeline import Analyser, Settings

    analysis = Analyser(Settings(profile_path=str(tmp_path / "profile.toml"))).analyse_document(
        ingest_text("Compassion and trust.")
    )
    assert [(m.concept, m.text) for m in analysis.mentions] == [("care", "Compassion")]
    assert [c.id for c in analysis.concepts] == ["care"]
