"""The gate on reflection feedback: a course's profile says its essays are
reflective, but only a document that reads as a reflective account (enough
first-person sentences, enough telling an experience or a feeling; the
thresholds are the profile's) is given reflection feedback and rubric
evidence. Table cases: small texts written here, moves given per sentence
where the rule is the subject, the real model where the whole stage is."""

from __future__ import annotations

import dataclasses

import pytest

from analyser.model import SentenceMove
from analyser.profile import load_profile
from analyser.reflection import reflect
from analyser.reflection.depth import describe_reflection, reads_as_account
from analyser.reflection.feedback import reflection_findings

SETTINGS = load_profile().reflection
E, F, R, B, OTHER = "Experience", "Feeling", "Reflection", "Belief", "Other"

ACADEMIC = (
    "Trust between partner agencies is built slowly (Vangen and Huxham, 2003).\n\n"
    "Power shapes whose voice counts in a partnership, and professionals guard their identity.\n\n"
    "A shared vision is often assumed rather than agreed, which weakens joint work.\n\n"
    "The literature therefore suggests that integration depends on relationships more than structures.\n"
)
ACCOUNT = (
    "On Monday I went to a strategy meeting with the duty social worker.\n\n"
    "I felt nervous and out of my depth when the consultant spoke over me.\n\n"
    "Looking back, I think the consultant held the power in that room.\n\n"
    "Next week I will ask my supervisor to plan the next meeting with me.\n"
)

CASES = [
    # (name, text, moves, reads as an account)
    ("a third-person academic essay", ACADEMIC, [R, B, B, R], False),
    ("third person even where the moves tell events", ACADEMIC, [E, E, F, R], False),
    ("a first-person account of an experience and a feeling", ACCOUNT, [E, F, R, "Intention"], True),
    ("first person, but nothing told or felt: argument in the writer's voice",
     "I argue that trust is built slowly.\n\nI would suggest that power matters.\n\n"
     "I conclude that vision must be agreed.\n\nI believe structures matter less.\n", [R, B, R, B], False),
]


@pytest.mark.parametrize(("name", "text", "moves", "account"), CASES, ids=[c[0] for c in CASES])
def test_only_a_reflective_account_gets_reflection_feedback(analyse, name, text, moves, account):
    analysis = analyse(text)
    assert len(analysis.sentences) == len(moves)
    reflection = describe_reflection(analysis, [SentenceMove(i, m, 0.9) for i, m in enumerate(moves)], SETTINGS)
    assert reflection.account is account, reflection.account_note
    assert reflection.account_note.startswith("Reads as a reflective account" if account
                                              else "Reads as an academic essay")


@pytest.mark.parametrize(
    ("first_person", "moves_share", "account"),
    [(0.30, 0.25, True), (0.29, 0.90, False), (0.90, 0.24, False), (0.0, 0.0, False), (1.0, 1.0, True)],
)
def test_the_thresholds_are_both_needed_at_their_edges(first_person, moves_share, account):
    assert SETTINGS.thresholds.account_first_person_share == 0.3
    assert SETTINGS.thresholds.account_moves_share == 0.25
    assert reads_as_account(first_person, moves_share, SETTINGS)[0] is account


def test_the_note_says_why_in_figures():
    _, note = reads_as_account(0.05, 0.1, SETTINGS)
    assert note == ("Reads as an academic essay rather than a reflective account: 5% of its sentences are in the "
                    "first person and 10% tell an experience or feeling (a reflective account has at least 30% and "
                    "25%), so no reflection feedback is given.")


def test_a_profile_sets_its_own_thresholds_and_moves():
    lenient = dataclasses.replace(SETTINGS, account_moves=["Feeling"], thresholds=dataclasses.replace(
        SETTINGS.thresholds, account_first_person_share=0.0, account_moves_share=0.1))
    assert reads_as_account(0.0, 0.1, lenient) == (True, "Reads as a reflective account: 0% of its sentences are in "
                                                   "the first person and 10% tell a feeling.")


def test_the_stage_gives_an_academic_essay_no_feedback_and_an_account_its_feedback(analyser, analyse):
    """Through the whole stage with the shipped model: the essay keeps its
    moves but gets no reflection finding and no rubric; the account gets both."""
    for text, account in ((ACADEMIC, False), (ACCOUNT + "\nI will try to be better.\n", True)):
        analysis = analyse(text)
        assert analysis.reflection is not None and analysis.reflection.account is account
        assert len(analysis.reflection.moves) == len(analysis.sentences)
        codes = {f.code for f in analysis.findings if f.code.startswith("reflection.")}
        assert bool(codes) is account and bool(analysis.reflection.rubric) is account


def test_reflect_returns_no_findings_when_the_gate_is_shut(analyser, analyse):
    analysis = analyse(ACADEMIC)
    analysis.reflection = None
    from analyser.parse import parse

    reflection, findings = reflect(analysis, parse(analysis.document, analyser.nlp_), analyser.move_model_,
                                   SETTINGS)
    assert not reflection.account and findings == [] and reflection.rubric == []
    assert reflection_findings(analysis, reflection, SETTINGS)  # the rules would have spoken
