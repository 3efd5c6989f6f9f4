"""Each concept's model threshold is chosen for the density of real writing
(`analyser/thresholds.py`): units without the concept are weighted so that its
share matches a target prevalence, the targets are data checked with file and
line, and `analyser train` records them in the card."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from test_concept_model import write_csv

from analyser.cli import main
from analyser.errors import DataFileError
from analyser.textmodel import load_model
from analyser.thresholds import choose_thresholds, f1, prior_weights, read_prevalence, smoothed


@pytest.mark.parametrize("gold, target, expected", [
    # half the units carry the concept; at a target of 1 in 5, each unit without it counts 4 times
    ([1, 1, 0, 0], 0.2, [1, 1, 4, 4]),
    # a quarter carry it; at the same share, nothing changes
    ([1, 0, 0, 0], 0.25, [1, 1, 1, 1]),
    # a quarter carry it; at a target of a half, each unit without it counts a third
    ([1, 0, 0, 0], 0.5, [1, 1 / 3, 1 / 3, 1 / 3]),
    # no target, or no unit with the concept: all count once
    ([1, 0, 0, 0], None, [1, 1, 1, 1]),
    ([0, 0, 0, 0], 0.1, [1, 1, 1, 1]),
])
def test_prior_weights(gold, target, expected):
    assert prior_weights(np.array(gold, dtype=bool), target) == pytest.approx(expected)


def test_weighted_f1_counts_each_unit_with_its_weight():
    gold = np.array([True, True, False, False])
    predicted = np.array([True, False, True, False])
    assert f1(gold, predicted) == pytest.approx(0.5)  # tp 1, fp 1, fn 1
    assert f1(gold, predicted, np.array([1.0, 1.0, 4.0, 4.0])) == pytest.approx(2 / 7)  # tp 1, fp 4, fn 1


def test_a_rarer_concept_gets_a_higher_cut():
    """Four units with the concept (probabilities 0.9, 0.8, 0.6, 0.4) and four
    without (0.7, 0.5, 0.3, 0.1); the lexicon finds none. At the data's own
    share (a half) the F1 of "lexicon or model" is best for cuts 0.31-0.40
    (tp 4, fp 2); at a share of 1 in 20 each false suggestion counts 19
    times, and the best cuts are 0.71-0.80 (tp 2, no false suggestion).
    Smoothed over five grid points, each curve's top is the highest cut two
    points inside its best stretch: 0.38 and 0.78."""
    probabilities = np.array([[0.9], [0.8], [0.6], [0.4], [0.7], [0.5], [0.3], [0.1]])
    gold = np.array([[True]] * 4 + [[False]] * 4)
    lexicon = np.zeros_like(gold)
    assert choose_thresholds(probabilities, gold, lexicon, ["trust"]) == {"trust": 0.38}
    assert choose_thresholds(probabilities, gold, lexicon, ["trust"], {"trust": 0.05}) == {"trust": 0.78}
    assert choose_thresholds(probabilities, gold, lexicon, ["trust"], {"vision": 0.05}) == {"trust": 0.38}


def test_a_cut_is_chosen_on_the_units_outside_meetings():
    """A meeting's suggestions need the meeting floor whatever the cut, so
    its units (floor 0.9) have no say in the cut; with no unit outside a
    meeting, all have."""
    from analyser.training import CodedUnit, Prepared

    units = [CodedUnit(f"x:{i}", "t", {}, f"doc:{i}") for i in range(3)]
    probabilities = np.array([[0.1], [0.2], [0.3]])
    gold = np.array([[True], [False], [True]])
    lexicon = np.array([[False], [True], [False]])
    data = Prepared(units, ["trust"], ["t"] * 3, np.zeros((3, 1)), gold, lexicon, np.arange(3),
                    floor=np.array([0.0, 0.9, 0.0]))
    kept, kept_gold, kept_lexicon = data.cut_rows(probabilities)
    assert (kept.ravel().tolist(), kept_gold.ravel().tolist(), kept_lexicon.ravel().tolist()) == (
        [0.1, 0.3], [True, True], [False, False])
    data.floor = np.full(3, 0.9)
    assert data.cut_rows(probabilities)[0].ravel().tolist() == [0.1, 0.2, 0.3]


@pytest.mark.parametrize("curve, width, expected", [
    ([0, 0, 3, 0, 0], 3, [0, 1, 1, 1, 0]),
    ([1, 2, 3, 4, 5], 5, [2, 2.5, 3, 3.5, 4]),  # each end averages the points it has
    ([4, 8], 1, [4, 8]),
])
def test_smoothed_is_a_moving_average(curve, width, expected):
    assert smoothed(np.array(curve, dtype=float), width) == pytest.approx(expected)



def test_the_packaged_targets_are_read():
    prevalence = read_prevalence()
    assert set(prevalence.shares) == {"identity_threat", "trust", "vision", "power"}
    assert all(0 < share < 0.2 for share in prevalence.shares.values())
    assert "corpus/real_concepts" in prevalence.source


@pytest.mark.parametrize("body, line, message", [
    ('source = "x"\n\n[prevalence]\ntrust = 1.5\n', 4, "between 0 and 1"),
    ('source = "x"\n\n[prevalence]\ntrust = "low"\n', 4, "between 0 and 1"),
    ('[prevalence]\ntrust = 0.1\n', 1, "'source'"),
    ('source = "x"\n', 1, "[prevalence] table"),
    ('source = "x"\nshares = 2\n[prevalence]\ntrust = 0.1\n', 2, "unknown key 'shares'"),
])
def test_a_bad_prevalence_file_names_its_line(tmp_path, body, line, message):
    path = tmp_path / "prevalence.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        read_prevalence(path)
    assert any(p.startswith(f"{path}:{line}:") and message in p for p in error.value.problems), error.value.problems


def test_train_records_the_targets_in_the_card(tmp_path: Path):
    target = tmp_path / "shares.toml"
    target.write_text('source = "a test"\n\n[prevalence]\ntrust = 0.02\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["train", str(write_csv(tmp_path / "coded.csv")), "--out",
                                       str(tmp_path / "out"), "--prevalence", str(target)])
    assert result.exit_code == 0, result.output
    model = load_model(tmp_path / "out" / "concepts.model.json")
    assert model.card["prevalence"] == {"target": {"trust": 0.02}, "source": "a test"}
    card = (tmp_path / "out" / "concepts.model.md").read_text(encoding="utf-8")
    assert "the shares in a test" in card and "| trust | 3 | 1 | 2.00% |" in card
    assert "| vision | 3 | 1 | as trained |" in card


def test_train_at_the_training_data_s_own_shares(tmp_path: Path):
    result = CliRunner().invoke(main, ["train", str(write_csv(tmp_path / "coded.csv")), "--out",
                                       str(tmp_path / "out"), "--training-prevalence"])
    assert result.exit_code == 0, result.output
    assert load_model(tmp_path / "out" / "concepts.model.json").card["prevalence"]["target"] is None


def test_both_prevalence_options_are_refused(tmp_path: Path):
    target = tmp_path / "shares.toml"
    target.write_text('source = "a test"\n\n[prevalence]\ntrust = 0.02\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["train", str(write_csv(tmp_path / "coded.csv")), "--out",
                                       str(tmp_path / "out"), "--prevalence", str(target), "--training-prevalence"])
    assert result.exit_code == 2 and "not both" in result.output
