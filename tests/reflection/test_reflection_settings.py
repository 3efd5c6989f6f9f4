"""The profile's [reflection] section: on, off, and bad data reported with file and line."""

from __future__ import annotations

import pytest

from analyser.errors import DataFileError
from analyser.profile import load_profile
from analyser.resources import default_profile_path


def profile_with(tmp_path, reflection: str):
    text = default_profile_path().read_text(encoding="utf-8").split("\n[reflection]\n")[0]
    lexicon = default_profile_path().parent / "lexicon.toml"
    text = text.replace('lexicon = "lexicon.toml"', f'lexicon = "{lexicon.as_posix()}"')
    path = tmp_path / "profile.toml"
    path.write_text(text + reflection, encoding="utf-8")
    return path


def test_the_default_profile_is_reflective_with_gibbs_stages():
    settings = load_profile().reflection
    assert settings.reflective and settings.model_path and settings.model_path.is_file()
    assert [s.name for s in settings.stages] == [
        "Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]
    assert settings.progression == ["Description", "Analysis", "Conclusion", "Action plan"]
    assert {"descriptive_run", "vague_action_plan", "concept_not_applied"} <= set(settings.feedback)


def test_a_copy_of_the_default_profile_elsewhere_uses_the_shipped_model(tmp_path):
    settings = load_profile(profile_with(tmp_path, "\n[reflection]\n" + DRISCOLL.split("[reflection]\n")[1])).reflection
    assert settings.model_path == default_profile_path().parent / "reflection.model.json"


def test_a_profile_without_the_section_is_not_reflective(tmp_path):
    assert not load_profile(profile_with(tmp_path, "")).reflection.reflective


DRISCOLL = """
[reflection]
reflective = true
progression = ["What?", "So what?", "Now what?"]
[[reflection.stages]]
name = "What?"
moves = ["Experience"]
[[reflection.stages]]
name = "So what?"
moves = ["Feeling", "Reflection", "Perspective", "Belief", "Difficulty"]
[[reflection.stages]]
name = "Now what?"
moves = ["Learning", "Intention"]
"""


def test_a_course_team_can_map_moves_to_driscoll(tmp_path):
    settings = load_profile(profile_with(tmp_path, DRISCOLL)).reflection
    assert [(s.name, s.moves) for s in settings.stages][2] == ("Now what?", ["Learning", "Intention"])
    assert settings.feedback == {} and settings.rubric == []


BAD = [
    # (the [reflection] table's body, the line the problem must be reported on, the problem)
    ("reflective = \"yes\"\n", "reflective =", "'reflective' must be true or false"),
    ("reflective = true\n[[reflection.stages]]\nname = \"X\"\nmoves = [\"Musing\"]\n", "moves =",
     "moves must be a list of"),
    ("reflective = false\nprogression = [\"Nowhere\"]\n", "progression =", "'progression' must list stage names"),
    ("reflective = false\n[reflection.thresholds]\ndescription_share = 2\n", "description_share =",
     "is a share between 0 and 1"),
    ("reflective = false\n[reflection.feedback.nagging]\nmessage = \"x\"\n", "[reflection.feedback.nagging]",
     "unknown feedback rule 'nagging'"),
    ("reflective = false\n[reflection.feedback.stage_missing]\nmessage = \"No {stage} in {essay}\"\n", "message =",
     "unknown placeholder {essay}"),
    ("reflective = false\n[reflection.feedback.stage_missing]\nmessage = \"x\"\nseverity = \"fatal\"\n", "severity =",
     "severity must be one of"),
    ("reflective = false\n[[reflection.rubric]]\nname = \"Use of theory\"\nevidence = [\"vibes\"]\n", "evidence =",
     "evidence must be a list of"),
    ("reflective = true\n", "[reflection]", "needs [[reflection.stages]]"),
    ("reflective = true\nmodel = \"nowhere.model.json\"\n", "model =", "move model not found: "),
    ("reflective = false\naccount_moves = [\"Musing\"]\n", "account_moves =", "'account_moves' must be a list of"),
    ("reflective = false\nmove_domain = \"nursing\"\n", "move_domain =", "'move_domain' must be one of: practice"),
    ("reflective = false\n[reflection.thresholds]\naccount_moves_share = 1.5\n", "account_moves_share =",
     "is a share between 0 and 1"),
]


@pytest.mark.parametrize(("body", "needle", "message"), BAD, ids=[b[2] for b in BAD])
def test_bad_reflection_data_is_reported_with_file_and_line(tmp_path, body, needle, message):
    path = profile_with(tmp_path, "\n[reflection]\n" + body)
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index("[reflection]")
    line = next(n for n, text in enumerate(lines[start:], start=start + 1) if text.startswith(needle))
    with pytest.raises(DataFileError) as error:
        load_profile(path)
    assert any(f"{path}:{line}: " in p and message in p for p in error.value.problems), (line, error.value.problems)
