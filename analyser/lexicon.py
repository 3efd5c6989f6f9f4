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
    polarity = { damage = "absent" }   # how the concept reads each class of
                                       # polarity cue (analyser/data/polarity.toml)
    terms = [
      { term = "trust", source = "004_bc8178f79712b1e0.txt#L3" },
      { term = "mistrust", polarity = "absent", source = "codebook" },
      { term = "sense of identity", requires = ["threat"], source = "codebook" },
    ]

    [[concepts.patterns]]              # a term matched as a token pattern
    term = "explain decisions"         # its name
    source = "codebook"
    pattern = [{ LEMMA = "explain" }, { OP = "{0,3}" }, { LEMMA = { IN = ["decision", "why"] } }]

    [[concepts.exclude_patterns]]      # another sense, as a token pattern
    name = "the Trust as an organisation"
    pattern = [{ LOWER = "the" }, { ORTH = "Trust" }]

    [[cues]]                           # a named cue list, for `requires`
    id = "threat"
    source = "codebook"
    cues = [{ cue = "undermine", source = "codebook" }]

Sense rules: a term with `requires` only counts when a cue from one of the
named lists is in the same sentence ("professional identity" is a threat only
with "lost", "questioned", ... nearby). A pattern is a list of token tables
for spaCy's Matcher using LEMMA (lemmatised like the terms), LOWER, ORTH,
IS_TITLE, IS_UPPER, IS_PUNCT, IS_SENT_START, LIKE_NUM and OP.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.datafile import TomlFile
from analyser.resources import default_lexicon_path

LEXICON_KEYS = {"lexicon", "concepts", "cues"}
HEADER_KEYS = {"name", "language", "version", "description"}
CONCEPT_KEYS = {"id", "label", "colour", "description", "terms", "patterns", "exclude", "exclude_patterns", "polarity"}
TERM_KEYS = {"term", "source", "polarity", "note", "requires", "pattern"}
CUE_LIST_KEYS = {"id", "description", "source", "cues"}
CUE_KEYS = {"cue", "source", "note"}
EXCLUDE_PATTERN_KEYS = {"name", "pattern", "note"}
POLARITIES = {"present", "absent"}
# Token attributes a pattern may test. LEMMA is matched on NORM, which the
# pipeline sets to the lemma; the others are spaCy's own.
PATTERN_TEXT_ATTRS = {"LEMMA", "LOWER", "ORTH", "TEXT"}
PATTERN_FLAG_ATTRS = {"IS_TITLE", "IS_UPPER", "IS_PUNCT", "IS_SENT_START", "LIKE_NUM"}
_PATTERN_OP = re.compile(r"[?*+!]|\{\d*,?\d*\}")
_BOUNDED_OP = re.compile(r"\{(\d*),?\d*\}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_CONCEPT_ID = re.compile(r"[a-z][a-z0-9_]*")


@dataclass(frozen=True)
class Term:
    text: str
    concept: str
    source: str
    polarity: str = "present"  # "absent": the term itself says the concept is missing
    requires: tuple[str, ...] = ()  # cue lists: one of their cues must be in the sentence
    # a spaCy Matcher token pattern (LEMMA as written in the file); empty for a phrase
    pattern: tuple[dict[str, Any], ...] = field(default=(), hash=False)

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
    exclude_patterns: list[ExcludePattern] = field(default_factory=list)
    # how the concept reads each class of polarity cue other than negation
    # ("damage": "present" for a threat or an imbalance); unnamed classes read "absent"
    readings: dict[str, str] = field(default_factory=dict)

    def reading(self, cue_class: str) -> str:
        """The polarity a cue of this class gives a mention of the concept."""
        return self.readings.get(cue_class, "absent")


@dataclass(frozen=True)
class ExcludePattern:
    """Another sense of a concept word, as a token pattern ("the Trust")."""

    name: str
    pattern: tuple[dict[str, Any], ...] = field(hash=False)


@dataclass(frozen=True)
class CueList:
    """A named list of cue phrases (matched by lemma) that a term can require."""

    id: str
    description: str
    source: str
    cues: tuple[str, ...]


@dataclass
class Lexicon:
    name: str
    path: str
    concepts: list[Concept]
    language: str = "en"
    cue_lists: dict[str, CueList] = field(default_factory=dict)

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
    cue_lists = _parse_cue_lists(file, data.get("cues", []))
    raw_concepts = data.get("concepts")
    if not isinstance(raw_concepts, list) or not raw_concepts:
        file.problem(1, "no concepts: add [[concepts]] tables")
        raw_concepts = []
    concepts: list[Concept] = []
    owner: dict[str, tuple[str, int]] = {}  # normalised term -> (concept, line)
    cursor = 1
    for raw in raw_concepts:
        concept, cursor = _parse_concept(file, raw, cursor, owner, set(cue_lists))
        if concept:
            if any(c.id == concept.id for c in concepts):
                file.problem(cursor, f"concept '{concept.id}' is defined twice")
            concepts.append(concept)
    return Lexicon(
        name=str(header.get("name", file.path.stem)),
        path=str(file.path),
        concepts=concepts,
        language=str(header.get("language", "en")),
        cue_lists=cue_lists,
    )


def _parse_cue_lists(file: TomlFile, raw_lists: Any) -> dict[str, CueList]:
    """`[[cues]]` tables: named lists of cue phrases, each list and each cue
    with its source."""
    if not isinstance(raw_lists, list):
        file.problem(file.line_of("cues"), "'cues' must be tables: [[cues]]")
        return {}
    lists: dict[str, CueList] = {}
    cursor = 1
    for raw in raw_lists:
        line = file.line_of("[[cues]]", cursor)
        cursor = line + 1
        if not isinstance(raw, dict):
            file.problem(line, "each cue list must be a table: [[cues]]")
            continue
        file.check_keys(raw, CUE_LIST_KEYS, "a cue list", line)
        list_id = file.require_str(raw, "id", "a cue list", line)
        where = f"cue list '{list_id}'"
        if list_id and not _CONCEPT_ID.fullmatch(list_id):
            file.problem(line, f"{where}: id must be lower case letters, digits and _")
        if not str(raw.get("source", "")).strip():
            file.problem(line, f"{where} needs a source (course text file and line, or 'codebook')")
        raw_cues = raw.get("cues")
        if not isinstance(raw_cues, list) or not raw_cues:
            file.problem(line, f"{where} is empty: add cues = [{{ cue = \"...\", source = \"...\" }}]")
            raw_cues = []
        cues = []
        for raw_cue in raw_cues:
            if not isinstance(raw_cue, dict) or not isinstance(raw_cue.get("cue"), str) or not raw_cue["cue"].strip():
                file.problem(line, f"{where}: each cue must be a table like {{ cue = \"...\", source = \"...\" }}")
                continue
            cue_line = file.line_of(f'"{raw_cue["cue"]}"', cursor, also="cue")
            file.check_keys(raw_cue, CUE_KEYS, f"a cue of {where}", cue_line)
            if not str(raw_cue.get("source", "")).strip():
                file.problem(cue_line, f"{where}: cue '{raw_cue['cue']}' needs a source")
            cues.append(raw_cue["cue"].strip())
            cursor = max(cursor, cue_line)
        if list_id in lists:
            file.problem(line, f"cue list '{list_id}' is defined twice")
        if list_id:
            lists[list_id] = CueList(list_id, str(raw.get("description", "")), str(raw.get("source", "")), tuple(cues))
    return lists


def _parse_concept(
    file: TomlFile, raw: Any, cursor: int, owner: dict[str, tuple[str, int]], cue_ids: set[str]
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
        exclude_patterns=_exclude_patterns(file, raw.get("exclude_patterns", []), where, line),
        readings=_readings(file, raw.get("polarity", {}), where, line),
    )
    term_cursor = line
    raw_terms = raw.get("terms", [])
    if not isinstance(raw_terms, list) or not raw_terms:
        file.problem(line, f"{where} has no terms")
        raw_terms = []
    raw_patterns = raw.get("patterns", [])
    if not isinstance(raw_patterns, list):
        file.problem(file.line_of("patterns", line), f"{where}: patterns must be tables: [[concepts.patterns]]")
        raw_patterns = []
    for raw_term, is_pattern in [(t, False) for t in raw_terms] + [(t, True) for t in raw_patterns]:
        if is_pattern and isinstance(raw_term, dict) and "pattern" not in raw_term:
            at = file.line_of(f'"{raw_term.get("term")}"', term_cursor, also="term")
            file.problem(at, f"{where}: [[concepts.patterns]] entry '{raw_term.get('term')}' needs a pattern")
        term, term_cursor = _parse_term(file, raw_term, concept_id, term_cursor, owner, cue_ids)
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


def _readings(file: TomlFile, value: Any, where: str, line: int) -> dict[str, str]:
    """`polarity = { damage = "present" }`: how the concept reads classes of
    polarity cue. Negation is not a choice: a negated concept is absent."""
    from analyser.polarity import NEGATION, cue_classes

    at = file.line_of("polarity = {", line)
    if not isinstance(value, dict):
        file.problem(at, f'{where}: polarity must be a table like {{ damage = "present" }}')
        return {}
    classes = cue_classes()
    readings = {}
    for cue_class, reading in value.items():
        if cue_class == NEGATION:
            file.problem(at, f"{where}: polarity: negation always reads absent and cannot be changed")
        elif cue_class not in classes:
            known = ", ".join(sorted(c for c in classes if c != NEGATION))
            file.problem(at, f"{where}: polarity: unknown cue class '{cue_class}' (expected one of: {known})")
        elif reading not in POLARITIES:
            file.problem(at, f"{where}: polarity: {cue_class} reads '{reading}' (expected present or absent)")
        else:
            readings[cue_class] = reading
    return readings


def _exclude_patterns(file: TomlFile, value: Any, where: str, line: int) -> list[ExcludePattern]:
    if not isinstance(value, list):
        file.problem(file.line_of("exclude_patterns", line), f"{where}: exclude_patterns must be a list of tables")
        return []
    found = []
    cursor = file.line_of("exclude_patterns", line)
    for raw in value:
        name = raw.get("name") if isinstance(raw, dict) else None
        if not isinstance(name, str) or not name.strip():
            example = '{ name = "...", pattern = [...] }'
            file.problem(cursor, f"{where}: each exclude pattern needs a name, like {example}")
            continue
        cursor = file.line_of(f'"{name}"', cursor, also="name")
        file.check_keys(raw, EXCLUDE_PATTERN_KEYS, f"an exclude pattern of {where}", cursor)
        pattern = _pattern(file, raw.get("pattern"), f"{where}: exclude pattern '{name}'", cursor)
        if pattern:
            found.append(ExcludePattern(name, pattern))
    return found


def _pattern(file: TomlFile, value: Any, where: str, line: int) -> tuple[dict[str, Any], ...]:
    """A token pattern: a non-empty list of token tables using only the
    attributes the pipeline sets (PATTERN_TEXT_ATTRS, PATTERN_FLAG_ATTRS, OP)."""
    if not isinstance(value, list) or not value or not all(isinstance(t, dict) for t in value):
        file.problem(line, f'{where}: pattern must be a list of token tables, like [{{ LEMMA = "say" }}]')
        return ()
    ok = True
    for token in value:
        for attr, test in token.items():
            if attr == "OP":
                good = isinstance(test, str) and bool(_PATTERN_OP.fullmatch(test))
                expected = 'OP is one of "?", "*", "+", "!" or "{n,m}"'
            elif attr in PATTERN_FLAG_ATTRS:
                good, expected = isinstance(test, bool), f"{attr} is true or false"
            elif attr in PATTERN_TEXT_ATTRS:
                good = isinstance(test, str) and bool(test.strip()) or (
                    isinstance(test, dict) and len(test) == 1 and next(iter(test)) in ("IN", "NOT_IN")
                    and isinstance(next(iter(test.values())), list)
                    and all(isinstance(x, str) and x.strip() for x in next(iter(test.values())))
                )
                expected = f'{attr} is a word or {{ IN = ["...", ...] }}'
            else:
                allowed = ", ".join(sorted(PATTERN_TEXT_ATTRS | PATTERN_FLAG_ATTRS | {"OP"}))
                file.problem(line, f"{where}: unknown token attribute '{attr}' (expected one of: {allowed})")
                ok = False
                continue
            if not good:
                file.problem(line, f"{where}: {expected}, not {test!r}")
                ok = False
    if ok and not any(is_anchor(t) for t in value):
        file.problem(line, f"{where}: pattern needs a token that must match a word (LEMMA, LOWER or ORTH, no OP)")
        ok = False
    return tuple(value) if ok else ()


def is_anchor(token: dict[str, Any]) -> bool:
    """Can this pattern token anchor its pattern (see analyser/token_patterns.py):
    matched at least once, and tested against a word or a list of words?"""
    op = token.get("OP")
    if op is not None:
        bounded = _BOUNDED_OP.fullmatch(op) if isinstance(op, str) else None
        if op != "+" and not (bounded and bounded.group(1) not in ("", "0")):
            return False
    return any(
        attr in PATTERN_TEXT_ATTRS and (isinstance(test, str) or (isinstance(test, dict) and "IN" in test))
        for attr, test in token.items()
    )


def _parse_term(
    file: TomlFile, raw: Any, concept_id: str, cursor: int, owner: dict[str, tuple[str, int]], cue_ids: set[str]
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
    requires = raw.get("requires", [])
    well_formed = isinstance(requires, list) and bool(requires) and all(isinstance(r, str) for r in requires)
    if "requires" in raw and not well_formed:
        file.problem(line, f'{where}: term \'{text}\': requires must be a list of cue lists, like ["threat"]')
        requires = []
    for name in requires:
        if name not in cue_ids:
            known = ", ".join(sorted(cue_ids)) or "none defined"
            file.problem(line, f"{where}: term '{text}' requires unknown cue list '{name}' (defined: {known})")
    pattern: tuple[dict[str, Any], ...] = ()
    if "pattern" in raw:
        pattern = _pattern(file, raw["pattern"], f"{where}: term '{text}'", line)
    key = normalise_term(text)
    if key in owner:
        other, other_line = owner[key]
        if other == concept_id:
            file.problem(line, f"{where}: duplicate term '{text}' (also on line {other_line})")
        else:
            file.problem(line, f"term '{text}' is in two concepts: '{other}' (line {other_line}) and '{concept_id}'")
        return None, line
    owner[key] = (concept_id, line)
    return Term(text.strip(), concept_id, str(raw.get("source", "")), str(polarity), tuple(requires), pattern), line
