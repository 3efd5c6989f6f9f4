"""Shared fixtures: one Analyser per test session (loading spaCy is the slow
part), and a helper that analyses a string."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from analyser.ingest import ingest_text
from analyser.model import Analysis
from analyser.pipeline import Analyser, Settings


@pytest.fixture(scope="session")
def analyser() -> Analyser:
    """The lexicon-only analysis: tests of the lexicon's tagging expect its
    mentions alone (the model's suggestions are tested in tests/models)."""
    return Analyser(Settings(use_model=False)).load()


@pytest.fixture(scope="session")
def analyse(analyser: Analyser) -> Callable[..., Analysis]:
    def run(text: str, fmt: str = "txt") -> Analysis:
        return analyser.analyse_document(ingest_text(text, "<test>", fmt))

    return run
