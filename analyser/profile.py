"""A course profile: what a course team sets once — the lexicon, the course's
case studies and their aliases, the key readings students should cite, the
citation style and the thresholds feedback rules use. See models/profile.toml."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from analyser.citations.style import register_styles, style_names
from analyser.datafile import TomlFile
from analyser.reflection.settings import ReflectionSettings, load_reflection_settings
from analyser.resources import default_profile_path

PROFILE_KEYS = {"profile", "case_studies", "key_readings", "thresholds", "reflection"}
HEADER_KEYS = {"name", "description", "lexicon", "citation_style", "citation_styles", "model"}
CASE_KEYS = {"id", "name", "aliases", "description"}
READING_KEYS = {"authors", "year", "title"}


@dataclass
class CaseStudy:
    id: str
    name: str
    aliases: list[str]
    description: str = ""


@dataclass
class KeyReading:
    authors: list[str]
    year: str
    title: str = ""


@dataclass
class Thresholds:
    """Numbers the feedback rules compare against."""

    secondary_citation_share: float = 0.30  # flag when more citations than this are "cited in"
    dominant_source_share: float = 0.50  # flag when one source carries more than this share
    min_mentions_per_concept: int = 2  # fewer mentions: "concept barely discussed"
    uncited_paragraph_min_words: int = 60  # body paragraphs this long should cite something


@dataclass
class Profile:
    name: str
    path: str
    lexicon_path: Path
    model_path: Path | None = None  # the concept model suggesting what the lexicon misses; None: lexicon only
    citation_style: str = "harvard"
    description: str = ""
    case_studies: list[CaseStudy] = field(default_factory=list)
    key_readings: list[KeyReading] = field(default_factory=list)
    thresholds: Thresholds = field(default_factory=Thresholds)
    reflection: ReflectionSettings = field(default_factory=ReflectionSettings)

    def summary(self) -> dict[str, Any]:
        """What the analysis result records about the profile used."""
        return {
            "name": self.name,
            "citation_style": self.citation_style,
            "case_studies": [asdict(c) for c in self.case_studies],
            "key_readings": [asdict(k) for k in self.key_readings],
            "thresholds": asdict(self.thresholds),
            "reflective": self.reflection.reflective,
        }


def load_profile(path: str | Path | None = None) -> Profile:
    """Load and validate a profile; raises DataFileError listing every problem."""
    file = TomlFile(Path(path) if path else default_profile_path())
    data = file.data
    file.check_keys(data, PROFILE_KEYS, "the file", 1)
    header = data.get("profile", {})
    header_line = file.line_of("[profile]")
    if not isinstance(header, dict):
        file.problem(file.line_of("profile"), "'profile' must be a table: [profile]")
        header = {}
    for key in ("name", "description", "lexicon", "citation_style", "citation_styles", "model"):
        if key in header and not isinstance(header[key], str):
            file.problem(file.line_of(key, header_line), f"'{key}' in [profile] must be text in quotes")
            header = {k: v for k, v in header.items() if k != key}
    file.check_keys(header, HEADER_KEYS, "[profile]", header_line)
    if "citation_styles" in header:  # the course's own styles (README: "Adding a citation style")
        register_styles((file.path.parent / header["citation_styles"]).resolve())
    style = str(header.get("citation_style", "harvard")).lower()
    if style not in style_names():
        file.problem(file.line_of("citation_style"),
                     f"citation_style '{style}' is not one of: {', '.join(style_names())}")
    lexicon_path = (file.path.parent / str(header.get("lexicon", "lexicon.toml"))).resolve()
    if not lexicon_path.is_file():
        file.problem(file.line_of("lexicon", header_line), f"lexicon file not found: {lexicon_path}")
    model = str(header.get("model", "")).strip()  # "" or absent: no model
    profile = Profile(
        name=str(header.get("name", file.path.stem)),
        path=str(file.path),
        lexicon_path=lexicon_path,
        model_path=(file.path.parent / model).resolve() if model else None,
        citation_style=style,
        description=str(header.get("description", "")),
        case_studies=_case_studies(file),
        key_readings=_key_readings(file),
        thresholds=_thresholds(file),
        reflection=load_reflection_settings(file),
    )
    file.raise_if_problems()
    return profile


def _case_studies(file: TomlFile) -> list[CaseStudy]:
    cases = []
    cursor = 1
    for raw in _tables(file, "case_studies"):
        cursor = file.line_of("[[case_studies]]", cursor) + 1
        file.check_keys(raw, CASE_KEYS, "a case study", cursor)
        name = file.require_str(raw, "name", "a case study", cursor)
        aliases = raw.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            file.problem(file.line_of("aliases", cursor), f"case study '{name}': aliases must be a list of names")
            aliases = []
        case_id = str(raw.get("id") or name.lower())
        aliases = [name, *[a for a in aliases if a != name]]
        cases.append(CaseStudy(case_id, name, aliases, str(raw.get("description", ""))))
    return cases


def _key_readings(file: TomlFile) -> list[KeyReading]:
    readings = []
    cursor = 1
    for raw in _tables(file, "key_readings"):
        cursor = file.line_of("[[key_readings]]", cursor) + 1
        file.check_keys(raw, READING_KEYS, "a key reading", cursor)
        authors = raw.get("authors")
        if not isinstance(authors, list) or not authors:
            file.problem(cursor, "a key reading needs authors = [\"Surname\", ...]")
            continue
        year = str(raw.get("year", "")).strip()
        if not year:
            file.problem(cursor, f"key reading by {authors[0]} needs a year (or \"n.d.\")")
        readings.append(KeyReading([str(a) for a in authors], year, str(raw.get("title", ""))))
    return readings


def _thresholds(file: TomlFile) -> Thresholds:
    raw = file.data.get("thresholds", {})
    line = file.line_of("[thresholds]")
    if not isinstance(raw, dict):
        file.problem(file.line_of("thresholds"), "'thresholds' must be a table: [thresholds]")
        raw = {}
    return Thresholds(**file.read_numbers(raw, Thresholds(), "[thresholds]", line, lambda name: name.endswith("share")))


def _tables(file: TomlFile, key: str) -> list[dict[str, Any]]:
    """The [[key]] tables; anything else written under that key is a problem
    reported with its line, not a crash."""
    raw = file.data.get(key, [])
    if not isinstance(raw, list):
        file.problem(file.line_of(key), f"'{key}' must be a list of tables: [[{key}]]")
        return []
    tables = [item for item in raw if isinstance(item, dict)]
    if len(tables) != len(raw):
        file.problem(file.line_of(key), f"each entry of '{key}' must be a table: [[{key}]]")
    return tables
