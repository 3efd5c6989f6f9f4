"""The profile's `[reflection]` section: whether the course's essays are
reflective, the model of reflection its stages map moves onto (Gibbs by
default; a course team can map to Driscoll or Borton instead), the feedback
rules' thresholds and messages, and the marking rubric. All data, loaded
with file:line problems like the rest of the profile."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analyser.datafile import TomlFile
from analyser.model import Severity
from analyser.reflection.move_features import DOMAINS
from analyser.reflection.moves import MOVES
from analyser.resources import models_dir

SECTION_KEYS = {"reflective", "model", "framework", "progression", "stages", "thresholds", "feedback", "rubric",
                "account_moves", "move_domain"}
STAGE_KEYS = {"name", "question", "moves"}
RULE_KEYS = {"message", "severity", "priority"}
CRITERION_KEYS = {"name", "descriptor", "evidence"}
SEVERITIES = ("info", "warning", "problem")
DEFAULT_MODEL = "reflection.model.json"
PLACEHOLDER = re.compile(r"\{(\w*)\}")

# Each feedback rule and the placeholders its message may use (the rules
# themselves are in analyser/reflection/feedback.py, keyed by these names).
RULE_FIELDS: dict[str, frozenset[str]] = {
    "descriptive_run": frozenset({"first", "last", "count"}),
    "mostly_description": frozenset({"share"}),
    "stage_missing": frozenset({"stage", "question"}),
    "concept_not_applied": frozenset({"concept"}),
    "experience_without_theory": frozenset({"paragraphs"}),
    "theory_without_experience": frozenset({"paragraphs"}),
    "vague_action_plan": frozenset({"missing"}),
    "no_progression": frozenset({"order"}),
    "little_own_voice": frozenset({"share"}),
}
# What a rubric criterion can draw on (computed in analyser/reflection/feedback.py).
EVIDENCE_IDS = ("stages", "progression", "description_balance", "theory_practice", "concepts", "cases",
            "citations", "key_readings", "own_voice", "action_plan", "feelings", "perspectives")


@dataclass
class ReflectionThresholds:
    description_share: float = 0.6  # a paragraph this descriptive (share of sentences) counts as description
    descriptive_run: int = 2  # flag this many descriptive body paragraphs in a row
    essay_description_share: float = 0.5  # flag an account where description is more than this share
    min_stage_sentences: int = 1  # a stage is covered with at least this many sentences
    own_voice_share: float = 0.25  # flag when fewer sentences than this are in the first person
    action_specifics: int = 2  # an action plan is specific with this many of who, what, when
    # A document reads as a reflective account (and gets reflection feedback and the rubric's evidence) when
    # at least this share of its body sentences is in the first person and at least account_moves_share
    # make one of the profile's account_moves (telling an experience, a feeling).
    account_first_person_share: float = 0.3
    account_moves_share: float = 0.25


@dataclass
class Stage:
    name: str
    question: str
    moves: list[str]


@dataclass
class FeedbackRule:
    name: str
    message: str
    severity: Severity
    priority: int


@dataclass
class Criterion:
    name: str
    descriptor: str
    evidence: list[str]


@dataclass
class ReflectionSettings:
    reflective: bool = False
    model_path: Path | None = None
    framework: str = ""
    progression: list[str] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    thresholds: ReflectionThresholds = field(default_factory=ReflectionThresholds)
    feedback: dict[str, FeedbackRule] = field(default_factory=dict)
    rubric: list[Criterion] = field(default_factory=list)
    account_moves: list[str] = field(default_factory=lambda: ["Experience", "Feeling"])
    move_domain: str = "practice"  # which writing the move model reads the essays as (move_features.DOMAINS)


def fill(template: str, values: dict[str, Any]) -> str:
    """A message with its {placeholders} filled. Not str.format: a profile's
    text must not be able to reach attributes of the values."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


def load_reflection_settings(file: TomlFile) -> ReflectionSettings:
    """The `[reflection]` table of a profile; off when there is none."""
    raw = file.data.get("reflection")
    if raw is None:
        return ReflectionSettings()
    line = file.line_of("[reflection]")
    if not isinstance(raw, dict):
        file.problem(file.line_of("reflection"), "'reflection' must be a table: [reflection]")
        return ReflectionSettings()
    file.check_keys(raw, SECTION_KEYS, "[reflection]", line)
    reflective = raw.get("reflective", False)
    if not isinstance(reflective, bool):
        file.problem(file.line_of("reflective", line), "'reflective' must be true or false")
        reflective = False
    stages = _stages(file, raw.get("stages", []))
    names = [s.name for s in stages]
    progression = raw.get("progression", [])
    if not isinstance(progression, list) or not all(isinstance(p, str) and p in names for p in progression):
        file.problem(file.line_of("progression", line),
                     f"'progression' must list stage names from [[reflection.stages]] ({', '.join(names)})")
        progression = []
    if reflective and not stages:
        file.problem(line, "a reflective profile needs [[reflection.stages]] mapping moves to stages")
    model = raw.get("model", DEFAULT_MODEL)
    if not isinstance(model, str):
        file.problem(file.line_of("model", line), "'model' must be a file name in quotes")
        model = DEFAULT_MODEL
    model_path = (file.path.parent / model).resolve()
    if not model_path.is_file() and model == DEFAULT_MODEL:
        model_path = models_dir() / DEFAULT_MODEL  # a copy of the default profile elsewhere uses the shipped model
    if reflective and not model_path.is_file():
        file.problem(file.line_of("model", line), f"move model not found: {model_path} "
                     "(train one with python scripts/train_reflection.py)")
    account_moves = raw.get("account_moves", ReflectionSettings().account_moves)
    if not isinstance(account_moves, list) or not account_moves or any(m not in MOVES for m in account_moves):
        file.problem(file.line_of("account_moves", line), f"'account_moves' must be a list of: {', '.join(MOVES)}")
        account_moves = ReflectionSettings().account_moves
    move_domain = raw.get("move_domain", "practice")
    if move_domain not in DOMAINS:
        file.problem(file.line_of("move_domain", line), f"'move_domain' must be one of: {', '.join(DOMAINS)}")
        move_domain = "practice"
    return ReflectionSettings(
        reflective=reflective,
        model_path=model_path,
        framework=str(raw.get("framework", "")),
        progression=list(progression),
        stages=stages,
        thresholds=_thresholds(file, raw.get("thresholds", {})),
        feedback=_rules(file, raw.get("feedback", {})),
        rubric=_rubric(file, raw.get("rubric", [])),
        account_moves=list(account_moves),
        move_domain=move_domain,
    )


def _stages(file: TomlFile, raw: Any) -> list[Stage]:
    stages = []
    for table, cursor in file.array_of_tables(raw, "reflection.stages", "stage", STAGE_KEYS):
        name = file.require_str(table, "name", "a stage", cursor)
        moves = table.get("moves", [])
        unknown = [m for m in moves if m not in MOVES] if isinstance(moves, list) else ["?"]
        if unknown or not moves:
            file.problem(file.line_of("moves", cursor),
                         f"stage '{name}': moves must be a list of: {', '.join(MOVES)}")
            moves = [m for m in moves if m in MOVES] if isinstance(moves, list) else []
        stages.append(Stage(name, str(table.get("question", "")), list(moves)))
    if not isinstance(raw, list):
        file.problem(file.line_of("stages"), "'stages' must be a list of tables: [[reflection.stages]]")
    return stages


def _thresholds(file: TomlFile, raw: Any) -> ReflectionThresholds:
    line = file.line_of("[reflection.thresholds]")
    if not isinstance(raw, dict):
        file.problem(line, "'thresholds' must be a table: [reflection.thresholds]")
        return ReflectionThresholds()
    # every float threshold here is a share
    return ReflectionThresholds(**file.read_numbers(raw, ReflectionThresholds(), "[reflection.thresholds]", line,
                                                    lambda name: True))


def _rules(file: TomlFile, raw: Any) -> dict[str, FeedbackRule]:
    if not isinstance(raw, dict):
        file.problem(file.line_of("feedback"), "'feedback' must be tables: [reflection.feedback.RULE]")
        return {}
    rules = {}
    for name, table in raw.items():
        line = file.line_of(f"[reflection.feedback.{name}]")
        if name not in RULE_FIELDS:
            file.problem(line, f"unknown feedback rule '{name}' (expected one of: {', '.join(RULE_FIELDS)})")
            continue
        if not isinstance(table, dict):
            file.problem(line, f"feedback rule '{name}' must be a table")
            continue
        file.check_keys(table, RULE_KEYS, f"feedback rule '{name}'", line)
        message = file.require_str(table, "message", f"feedback rule '{name}'", line)
        unknown = set(PLACEHOLDER.findall(message)) - RULE_FIELDS[name]
        if unknown:
            allowed = ", ".join("{" + f + "}" for f in sorted(RULE_FIELDS[name])) or "none"
            file.problem(file.line_of("message", line),
                         f"feedback rule '{name}': unknown placeholder {{{sorted(unknown)[0]}}} (allowed: {allowed})")
        severity = table.get("severity", "info")
        if severity not in SEVERITIES:
            file.problem(file.line_of("severity", line), f"feedback rule '{name}': severity must be one of "
                         f"{', '.join(SEVERITIES)}")
            severity = "info"
        priority = table.get("priority", 40)
        if not isinstance(priority, int) or isinstance(priority, bool):
            file.problem(file.line_of("priority", line), f"feedback rule '{name}': priority must be a whole number")
            priority = 40
        rules[name] = FeedbackRule(name, message, severity, priority)
    return rules


def _rubric(file: TomlFile, raw: Any) -> list[Criterion]:
    criteria = []
    for table, cursor in file.array_of_tables(raw, "reflection.rubric", "criterion", CRITERION_KEYS,
                                              "a rubric criterion"):
        name = file.require_str(table, "name", "a rubric criterion", cursor)
        evidence = table.get("evidence", [])
        if not isinstance(evidence, list) or not evidence or any(e not in EVIDENCE_IDS for e in evidence):
            file.problem(file.line_of("evidence", cursor),
                         f"criterion '{name}': evidence must be a list of: {', '.join(EVIDENCE_IDS)}")
            evidence = [e for e in evidence if e in EVIDENCE_IDS] if isinstance(evidence, list) else []
        criteria.append(Criterion(name, str(table.get("descriptor", "")), list(evidence)))
    return criteria
