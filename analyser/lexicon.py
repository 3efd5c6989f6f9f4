"""The concept lexicon: concepts and their terms, loaded from TOML and
validated with file and line for every problem.

A lexicon file looks like this (see models/lexicon.toml):

    [lexicon]
    name = "Partnership working"

    [[concepts]]
    id = "trust"
    label = "Trust"
    colour = "#0072B2"
    description = "Trust between people or organisations."
    exclude = ["trust fund"]           # other senses, never tagged
    terms = [
      { term = "trust", source = "004_bc8178f79712b1e0.txt ¶3" },
      { term = "mistrust", polarity = "absent", source = "codebook" },
    ]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.datafile import TomlFile
from analyser.resources import default_lexicon_path

LEXICON_KEYS = {"lexicon", "concepts"}
HEADER_KEYS = {"name", "language", "version", "description"}
CONCEPT_KEYS = {"id", "label", "colour", "description", "terms", "exclude"}
TERM_KEYS = {"term", "source", "polarity", "note"}
POLARITIES = {"present", "absent"}
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CONCEPT_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Term:
    text: str
    concept: str
    source: str
    polarity: str = "present"  # "absent": the term itself says the concept is missing

    @property
    def entry_id(self) -> str:
        return f"{self.concept}/{self.text}"


@dataclass
class Concept:
    id: str
    label: str
    colour: str
    description: str
    terms: list[Term] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)


@dataclass
class Lexicon:
    name: str
    path: str
    concepts: list[Concept]
    language: str = "en"

    def terms(self) -> list[Term]:
        return [t for c in self.concepts for t in c.terms]

    def concept(self, concept_id: str) -> Concept:
        for concept in self.concepts:
            if concept.id == concept_id:
                return concept
        raise KeyError(concept_id)

    @property
    def concept_ids(self) -> list[str]:
        return [c.id for c in self.concepts]


def normalise_term(term: str) -> str:
    """The form used to spot duplicates: case, hyphens and spacing ignored."""
    return " ".join(term.lower().replace("-", " ").split())


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Load and validate a lexicon; raises DataFileError listing every problem."""
    file = TomlFile(Path(path) if path else default_lexicon_path())
    lexicon = _parse(file)
    file.raise_if_problems()
    return lexicon


def check_lexicon(path: str | Path) -> list[str]:
    """Every problem in a lexicon file, as 'file:line: message' (empty if valid)."""
    from analyser.errors import DataFileError

    try:
        file = TomlFile(Path(path))
    except DataFileError as exc:
        return exc.problems
    _parse(file)
    return file.problems


def _parse(file: TomlFile) -> Lexicon:
    data = file.data
    file.check_keys(data, LEXICON_KEYS, "the file", 1)
    header = data.get("lexicon", {})
    if not isinstance(header, dict):
        file.problem(file.line_of("lexicon"), "'lexicon' must be a table: [lexicon]")
        header = {}
    file.check_keys(header, HEADER_KEYS, "[lexicon]", file.line_of("[lexicon]"))
    raw_concepts = data.get("concepts")
    if not isinstance(raw_concepts, list) or not raw_concepts:
        file.problem(1, "no concepts: add [[concepts]] tables")
        raw_concepts = []
    concepts: list[Concept] = []
    owner: dict[str, tuple[str, int]] = {}  # normalised term -> (concept, line)
    cursor = 1
    for raw in raw_concepts:
        concept, cursor = _parse_concept(file, raw, cursor, owner)
        if concept:
            if any(c.id == concept.id for c in concepts):
                file.problem(cursor, f"concept '{concept.id}' is defined twice")
            concepts.append(concept)
    return Lexicon(
        name=str(header.get("name", file.path.stem)),
        path=str(file.path),
        concepts=concepts,
        language=str(header.get("language", "en")),
    )


def _parse_concept(
    file: TomlFile, raw: Any, cursor: int, owner: dict[str, tuple[str, int]]
) -> tuple[Concept | None, int]:
    line = file.line_of("[[concepts]]", cursor)
    if not isinstance(raw, dict):
        file.problem(line, "each concept must be a table")
        return None, line + 1
    file.check_keys(raw, CONCEPT_KEYS, "a concept", line)
    concept_id = file.require_str(raw, "id", "a concept", line)
    where = f"concept '{concept_id}'"
    if concept_id and not _CONCEPT_ID.fullmatch(concept_id):
        file.problem(file.line_of(concept_id, line), f"{where}: id must be lower case letters, digits and _")
    colour = file.require_str(raw, "colour", where, line)
    if colour and not _COLOUR.fullmatch(colour):
        file.problem(file.line_of("colour", line), f"{where}: colour '{colour}' is not of the form #RRGGBB")
    concept = Concept(
        id=concept_id,
        label=file.require_str(raw, "label", where, line),
        colour=colour,
        description=file.require_str(raw, "description", where, line),
        exclude=_phrases(file, raw.get("exclude", []), where, line),
    )
    term_cursor = line
    raw_terms = raw.get("terms", [])
    if not isinstance(raw_terms, list) or not raw_terms:
        file.problem(line, f"{where} has no terms")
        raw_terms = []
    for raw_term in raw_terms:
        term, term_cursor = _parse_term(file, raw_term, concept_id, term_cursor, owner)
        if term:
            concept.terms.append(term)
    return concept, term_cursor + 1


def _phrases(file: TomlFile, value: Any, where: str, line: int) -> list[str]:
    """`exclude`: a list of phrases. A bare string would otherwise be read
    letter by letter."""
    if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
        file.problem(file.line_of("exclude", line), f'{where}: exclude must be a list of phrases, like ["trust fund"]')
        return []
    return value


def _parse_term(
    file: TomlFile, raw: Any, concept_id: str, cursor: int, owner: dict[str, tuple[str, int]]
) -> tuple[Term | None, int]:
    where = f"concept '{concept_id}'"
    if not isinstance(raw, dict):
        line = file.line_of(repr(raw).strip("'"), cursor)
        file.problem(line, f"{where}: each term must be a table like {{ term = \"...\", source = \"...\" }}")
        return None, line
    text = raw.get("term")
    if isinstance(text, str) and text:
        line = file.line_of(f'"{text}"', cursor, also="term")
    else:
        line = file.line_of("term", cursor + 1)
    file.check_keys(raw, TERM_KEYS, f"a term of {where}", line)
    if not isinstance(text, str) or not text.strip():
        file.problem(line, f"{where}: empty term")
        return None, line
    if not str(raw.get("source", "")).strip():
        file.problem(line, f"{where}: term '{text}' needs a source (course text file and paragraph, or 'codebook')")
    polarity = raw.get("polarity", "present")
    if not isinstance(polarity, str) or polarity not in POLARITIES:
        file.problem(line, f"{where}: term '{text}' has polarity '{polarity}' (expected present or absent)")
    key = normalise_term(text)
    if key in owner:
        other, other_line = owner[key]
        if other == concept_id:
            file.problem(line, f"{where}: duplicate term '{text}' (also on line {other_line})")
        else:
            file.problem(line, f"term '{text}' is in two concepts: '{other}' (line {other_line}) and '{concept_id}'")
        return None, line
    owner[key] = (concept_id, line)
    return Term(text.strip(), concept_id, str(raw.get("source", "")), str(polarity)), line
