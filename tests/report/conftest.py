from __future__ import annotations

from pathlib import Path

import pytest

from analyser.model import Analysis
from analyser.pipeline import Analyser

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file() and p.suffix in {".txt", ".md", ".docx", ".pdf"})


@pytest.fixture(scope="session")
def pipeline() -> Analyser:
    return Analyser().load()


@pytest.fixture(scope="session")
def sample_analyses(pipeline: Analyser) -> dict[str, Analysis]:
    return {path.name: pipeline.analyse_file(path) for path in SAMPLE_FILES}


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES
