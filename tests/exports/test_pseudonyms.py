"""--pseudonymise: speakers and the personal names in the text become stable
pseudonyms in every output of a run, and no original name survives anywhere:
not in the report, the JSON, the exports (inside the .qdpx zip too), the
output file names or what the command prints. The key is written only when
asked, to its own file."""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from analyser.cli import main
from analyser.ingest import ingest_text
from analyser.pseudonyms import Pseudonymiser

NAMES = ["Gwendolyn", "Featherstone", "Rasmus", "Okonkwo", "Priya", "Raman", "Chloé", "Dupont"]
TRANSCRIPT = (
    "Interview with Gwendolyn Featherstone\n\n"
    "[00:00:05] Gwendolyn Featherstone: We never trusted Dr Priya Raman, honestly 🙂.\n"
    "[00:00:09] Rasmus Okonkwo: Gwendolyn is right; GWENDOLYN always is. No shared vision.\n"
    "[00:00:15] Interviewer: And power?\n"
    "[00:00:20] Chloé Dupont: Power sat with the board. Rasmus agreed.\n"
)
VTT = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Rasmus Okonkwo>I trust Chloé.\n<v Chloé Dupont>Thanks, Rasmus.\n"


def everything_written(folder: Path) -> str:
    """Every file's text, zip members included, and every file name."""
    parts = []
    for path in sorted(folder.rglob("*")):
        parts.append(path.name)
        if path.suffix == ".qdpx":
            with zipfile.ZipFile(path) as archive:
                parts += archive.namelist() + [archive.read(n).decode("utf-8") for n in archive.namelist()]
        elif path.is_file():
            parts.append(path.read_text(encoding="utf-8"))
    return "\n".join(parts)


def test_names_are_replaced_consistently_and_offsets_move_with_them():
    pseudonymiser = Pseudonymiser()
    document = pseudonymiser.apply(ingest_text(TRANSCRIPT, "interview_gwendolyn.txt"))
    said = [(b.speaker, document.text[b.start : b.end]) for b in document.blocks if b.kind == "turn"]
    assert said == [
        ("Participant 1", "We never trusted Dr Person 1, honestly 🙂."),
        ("Participant 2", "Participant 1 is right; Participant 1 always is. No shared vision."),
        ("Interviewer", "And power?"),
        ("Participant 3", "Power sat with the board. Participant 2 agreed."),
    ]
    assert document.metadata.source == "interview_Participant_1.txt"
    assert document.metadata.title == "Interview with Participant 1"
    again = pseudonymiser.apply(ingest_text("Rasmus Okonkwo: Chloé was late.\nChloé Dupont: Sorry.\n", "b.txt"))
    assert [b.speaker for b in again.blocks] == ["Participant 2", "Participant 3"]  # the same people, the same names
    assert pseudonymiser.key_csv().splitlines() == [
        "pseudonym,original", "Participant 1,Gwendolyn Featherstone", "Participant 2,Rasmus Okonkwo",
        "Participant 3,Chloé Dupont", "Person 1,Priya Raman"]


def test_no_original_name_survives_in_any_output(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "interview_gwendolyn.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (inputs / "meeting.vtt").write_text(VTT, encoding="utf-8")
    out = tmp_path / "out"
    runner = CliRunner()
    printed = []
    for args in (
        ["analyse", str(inputs / "interview_gwendolyn.txt"), "--format", "all", "--out", str(out), "--pseudonymise"],
        ["export", str(inputs), "--to", "qdpx", "--out", str(out / "project.qdpx"), "--pseudonymise"],
        ["export", str(inputs), "--to", "csv", "--out", str(out / "codings.csv"), "--pseudonymise"],
        ["export", str(inputs), "--to", "jsonl", "--out", str(out / "codings.jsonl"), "--pseudonymise",
         "--key", str(tmp_path / "key.csv")],
    ):
        result = runner.invoke(main, args)
        assert result.exit_code == 0, result.output
        printed.append(result.output)
    written = everything_written(out) + "\n".join(printed)
    assert sorted(p.name for p in out.iterdir()) == [
        "codings.csv", "codings.jsonl", "interview_Participant_1.html", "interview_Participant_1.json",
        "project.qdpx"]
    for name in NAMES:
        assert name.casefold() not in written.casefold(), name
    assert "Participant 1" in written and "Person 1" in written
    key = (tmp_path / "key.csv").read_text(encoding="utf-8")
    assert "Participant 1,Gwendolyn Featherstone" in key  # the key, and only the key, holds the names


def test_without_the_flag_nothing_is_replaced(tmp_path):
    path = tmp_path / "interview.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyse", str(path), "--format", "json", "--out", "-"])
    assert "Gwendolyn Featherstone" in result.output
