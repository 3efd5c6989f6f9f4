"""Depth, structure and feedback rules as table cases: small accounts written
here, with the moves given per sentence (the model's output type), through
the real parse, concept, case and citation stages."""

from __future__ import annotations

import pytest

from analyser.model import SentenceMove
from analyser.profile import load_profile
from analyser.reflection.depth import check_action_plan, describe_reflection, load_cues
from analyser.reflection.feedback import EVIDENCE, RULES, reflection_findings, rubric_evidence
from analyser.reflection.settings import EVIDENCE_IDS, RULE_FIELDS

SETTINGS = load_profile().reflection

E, F, R, L, INT, OTHER, D, B = ("Experience", "Feeling", "Reflection", "Learning", "Intention", "Other",
                                "Difficulty", "Belief")

FULL_CYCLE = (
    "On Monday I went to a strategy meeting with the duty social worker.\n\n"
    "I felt nervous and out of my depth.\n\n"
    "My problem was that I did not know who held the case.\n\n"
    "Looking back, the consultant had power over the agenda, as Huxham and Vangen (2005) argue.\n\n"
    "I learned that silence is not agreement.\n\n"
    "Next week I will ask my supervisor to plan the next meeting with me.\n"
)
FULL_MOVES = [E, F, D, R, L, INT]


def run(text, moves, analyse):
    analysis = analyse(text)
    assert len(analysis.sentences) == len(moves), [analysis.document.text[s.start:s.end] for s in analysis.sentences]
    tagged = [SentenceMove(i, m, 0.9) for i, m in enumerate(moves)]
    reflection = describe_reflection(analysis, tagged, SETTINGS)
    return analysis, reflection, reflection_findings(analysis, reflection, SETTINGS)


CASES = [
    # (name, text, moves, codes that must appear, codes that must not)
    ("a full cycle in order gives no structural feedback", FULL_CYCLE, FULL_MOVES, set(),
     {"reflection.descriptive_run", "reflection.stage_missing", "reflection.no_progression",
      "reflection.vague_action_plan", "reflection.little_own_voice", "reflection.mostly_description"}),
    ("three descriptive paragraphs in a row",
     "I arrived at the hub at nine.\n\nThe sergeant showed me the desk.\n\nWe went to a home visit after lunch.\n\n"
     "I think I was too quiet, because I saw them as the experts.\n",
     [E, E, E, R], {"reflection.descriptive_run", "reflection.mostly_description"}, set()),
    ("stages missing: no feelings, no learning, no plan",
     "I arrived at the hub at nine.\n\nI think I was too quiet, because I saw them as the experts.\n",
     [E, R], {"reflection.stage_missing"}, {"reflection.vague_action_plan"}),
    ("a vague plan", FULL_CYCLE.replace("Next week I will ask my supervisor to plan the next meeting with me.",
                                        "I will try to be more confident."),
     FULL_MOVES, {"reflection.vague_action_plan"}, set()),
    ("plan before the experience: no progression",
     "Next week I will ask my supervisor to plan the next meeting with me.\n\n"
     "I learned that silence is not agreement.\n\n"
     "Looking back, I think the consultant held the power in that room.\n\nI felt nervous and out of my depth.\n\n"
     "My problem was that I did not know who held the case.\n\nOn Monday I went to a strategy meeting.\n",
     [INT, L, R, F, D, E], {"reflection.no_progression"}, {"reflection.stage_missing"}),
    ("literature summary in the third person",
     "Trust is built slowly between partners (Vangen and Huxham, 2003).\n\nPower shapes whose voice counts in a "
     "partnership (Huxham and Vangen, 2005).\n",
     [OTHER, OTHER], {"reflection.little_own_voice", "reflection.theory_without_experience"},
     {"reflection.experience_without_theory"}),
    ("a concept named but never tied to an experience",
     "On Monday I went to a strategy meeting with the duty social worker.\n\nTrust matters in partnerships.\n",
     [E, B], {"reflection.concept_not_applied", "reflection.experience_without_theory"}, set()),
    ("a concept in the writer's own voice counts as applied",
     "On Monday I went to a strategy meeting with the duty social worker.\n\nI think our team lacked trust.\n",
     [E, R], set(), {"reflection.concept_not_applied"}),
]


@pytest.mark.parametrize(("name", "text", "moves", "expected", "unexpected"), CASES, ids=[c[0] for c in CASES])
def test_feedback_rules(analyse, name, text, moves, expected, unexpected):
    _, _, findings = run(text, moves, analyse)
    codes = {f.code for f in findings}
    assert expected <= codes and not (unexpected & codes), [f.message for f in findings]


def test_messages_are_filled_from_the_profile(analyse):
    text = ("I arrived at the hub at nine.\n\nThe sergeant showed me the desk.\n\nWe went to a home visit.\n\n"
            "I think I was too quiet, because I saw them as the experts.\n")
    analysis, _, findings = run(text, [E, E, E, R], analyse)
    run_finding = next(f for f in findings if f.code == "reflection.descriptive_run")
    assert run_finding.message.startswith("Most of paragraphs 1–3 describe what happened;")
    assert (run_finding.paragraph, run_finding.start) == (0, 0) and run_finding.severity == "warning"
    concept = run(("On Monday I went to a strategy meeting with the duty social worker.\n\nTrust matters in "
                   "partnerships.\n"), [E, B], analyse)[2]
    applied = next(f for f in concept if f.code == "reflection.concept_not_applied")
    assert applied.message.startswith("You name Trust but never connect it") and applied.concept == "trust"


def test_structure_of_a_full_cycle(analyse):
    analysis, reflection, _ = run(FULL_CYCLE, FULL_MOVES, analyse)
    assert [s.name for s in reflection.stages if s.covered] == [
        "Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"]
    assert reflection.progresses
    assert reflection.progression_text == "Description (0%) → Analysis (60%) → Conclusion (80%) → Action plan (100%)"
    assert reflection.balance == {m: 1 for m in sorted(FULL_MOVES)}
    assert reflection.first_person_share == 0.833  # the "Looking back" sentence has no first person
    by_paragraph = {p.paragraph: p for p in reflection.paragraphs}
    assert by_paragraph[3].link == "theory_only" and by_paragraph[3].citations == 1
    assert by_paragraph[0].link == "experience_only" and by_paragraph[0].description_share == 1.0
    [learning, plan] = reflection.action_plans
    assert (learning.move, learning.specific) == ("Learning", False)
    assert (plan.move, plan.who, plan.what, plan.when, plan.specific) == ("Intention", True, True, True, True)


def test_an_experience_with_a_concept_and_a_source_is_linked(analyse):
    text = "At the hub I saw the teams come to trust each other, as Vangen and Huxham (2003) predict.\n"
    _, reflection, _ = run(text, [E], analyse)
    [paragraph] = reflection.paragraphs
    assert (paragraph.link, paragraph.concepts, paragraph.citations) == ("linked", ["trust"], 1)


@pytest.mark.parametrize(
    ("sentence", "who", "what", "when"),
    [
        ("Next week I will ask my supervisor to book a joint visit.", True, True, True),
        ("I will try to be more confident.", False, False, False),
        ("I will be more confident in meetings from now on.", False, False, True),
        ("I will ask the family to set the agenda.", True, True, False),
        ("I learned that trust takes time.", False, False, False),
        ("I plan to read more about power.", False, True, False),
    ],
)
def test_action_plans_say_who_what_when(sentence, who, what, when):
    assert check_action_plan(sentence, load_cues()) == (who, what, when)


def test_rubric_lists_found_and_missing_evidence_never_a_mark(analyse):
    analysis, reflection, _ = run(FULL_CYCLE, FULL_MOVES, analyse)
    criteria = {c.name: c for c in rubric_evidence(analysis, reflection, SETTINGS)}
    assert list(criteria) == ["Critical reflection", "Use of theory", "Learning and action", "Referencing"]
    learning = criteria["Learning and action"]
    assert [e.evidence for e in learning.found] == ["progression", "action_plan"] and learning.missing == []
    referencing = criteria["Referencing"]
    assert "Cites Huxham (2005)" in [e.text for e in referencing.found]
    assert "No reference list" in [e.text for e in referencing.missing]
    assert not hasattr(learning, "score") and not hasattr(learning, "mark")


def test_every_rule_and_evidence_named_in_settings_is_implemented():
    assert set(RULES) == set(RULE_FIELDS)
    assert set(EVIDENCE) == set(EVIDENCE_IDS)


def test_table_cells_and_headings_are_not_part_of_the_account():
    """A table's cells are labels, not reflective sentences: the reflection
    stage reads paragraphs and list items only, outside the reference list."""
    from analyser.model import Analysis, Block, Document, Metadata
    from analyser.reflection.depth import body_blocks

    text = ("Title\n\nI felt unsure.\n\nConcept\n\nTrust\n\n- Ask for supervision.\n\nReferences\n\n"
            "Smith, J. (2019) Book.")
    starts = [text.index(part) for part in ("Title", "I felt", "Concept", "Trust", "- Ask", "References", "Smith")]
    kinds = ["heading", "paragraph", "table_cell", "table_cell", "list_item", "heading", "paragraph"]
    blocks = [Block(kind, start, start + len(text[start:].split("\n")[0])) for kind, start in zip(kinds, starts)]
    section = (starts[5], len(text))
    analysis = Analysis(Document(text, blocks, Metadata("t.txt", "txt")), [], reference_section=section)
    assert body_blocks(analysis) == [1, 4]
