"""The installed console script works from another directory: the lexicon and
profile are packaged, not read from the checkout."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parents[2] / "corpus" / "samples" / "essay_jasmine_integration.docx"


def installed_script() -> str | None:
    beside_python = Path(sys.executable).with_name("analyser")
    return str(beside_python) if beside_python.exists() else shutil.which("analyser")


@pytest.mark.skipif(installed_script() is None, reason="the analyser console script is not installed")
def test_console_script_from_another_directory(tmp_path):
    result = subprocess.run(
        [installed_script(), "analyse", str(SAMPLE), "--format", "json", "--out", "out"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads((tmp_path / "out" / "essay_jasmine_integration.json").read_text(encoding="utf-8"))
    assert data["document"]["source"] == str(SAMPLE)
    assert len(data["concepts"]) == 4 and data["mentions"]


def test_python_dash_m_works(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "analyser", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stdout.startswith("analyser, version ")
