"""Where packaged data lives.

The course data (lexicon, profile) is kept in the repository's top-level
``models/`` folder; the wheel ships it as ``analyser/models/`` (see
pyproject.toml). Language data the code needs whatever the course
(abbreviations, polarity cues, templates, the JSON schema) lives inside the
package. Nothing is ever fetched from the network.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def models_dir() -> Path:
    """The folder holding the default lexicon and profile: the installed copy
    inside the package, or ``models/`` beside the package in a source checkout."""
    for candidate in (PACKAGE_DIR / "models", PACKAGE_DIR.parent / "models"):
        if (candidate / "lexicon.toml").is_file():
            return candidate
    raise FileNotFoundError("the default lexicon is missing from this installation")


def data_path(name: str) -> Path:
    """A file from ``analyser/data/``."""
    return PACKAGE_DIR / "data" / name


@lru_cache(maxsize=16)
def read_word_list(name: str) -> frozenset[str]:
    """A word list from ``analyser/data/``: one entry per line, ``#`` comments
    and blank lines ignored. Read once per process."""
    lines = data_path(name).read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


def schema_path() -> Path:
    return PACKAGE_DIR / "schema" / "analysis.schema.json"


def default_lexicon_path() -> Path:
    return models_dir() / "lexicon.toml"


def default_profile_path() -> Path:
    return models_dir() / "profile.toml"
