"""The context layer: neighbours in reading order, its inputs (the
neighbours' log-odds and the struct inputs), its output and evidence for a
hand-made layer, and its file: written beside the model by `train`, named
with its checksum, refused when changed, swapped, placed elsewhere or of the
older logistic kind."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from test_concept_model import CONCEPTS, write_document_set

from analyser.cli import main
from analyser.context import (
    context_evidence,
    context_feature_names,
    context_features,
    context_input_names,
    context_inputs,
    in_reading_order,
    neighbours,
    struct_features,
    with_context,
)
from analyser.pipeline import Analyser, Settings
from analyser.textmodel import LinearTextModel, ModelFileError, load_model, save_model
from analyser.trees import TreeEnsemble, load_trees, save_trees


@pytest.mark.parametrize("groups, starts, previous, following", [
    (["a", "a", None, "b", "a"], [10, 0, 0, 5, 20], [1, -1, -1, -1, 0], [4, 0, -1, -1, -1]),
    ([None, None], [0, 10], [-1, -1], [-1, -1]),  # coded sentences on their own have no neighbours
    ([], [], [], []),
])
def test_neighbours_are_the_spans_either_side_in_the_same_document(groups, starts, previous, following):
    found = neighbours(groups, starts)
    assert found[0].tolist() == previous and found[1].tolist() == following


@pytest.mark.parametrize("n, previous, following", [(3, [-1, 0, 1], [1, 2, -1]), (1, [-1], [-1]), (0, [], [])])
def test_in_reading_order(n, previous, following):
    found = in_reading_order(n)
    assert found[0].tolist() == previous and found[1].tolist() == following


def test_context_features_are_log_odds_of_the_span_and_its_neighbours():
    probabilities = np.array([[0.5, 0.8], [0.2, 0.5]])
    features = context_features(probabilities, np.array([-1, 0]), np.array([1, -1]))
    logit = np.log(4.0)  # log(0.8 / 0.2)
    expected = [
        # self | previous | next | previous2 | next2 | rest of the document | has previous, next, previous2, next2
        [0.0, logit, 0.0, 0.0, -logit, 0.0, 0.0, 0.0, 0.0, 0.0, -logit, 0.0, 0.0, 1.0, 0.0, 0.0],
        [-logit, 0.0, 0.0, logit, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, logit, 1.0, 0.0, 0.0, 0.0],
    ]
    assert np.allclose(features, expected)
    assert context_feature_names(["trust", "power"]) == [
        "self:trust", "self:power", "previous:trust", "previous:power", "next:trust", "next:power",
        "previous2:trust", "previous2:power", "next2:trust", "next2:power", "document:trust", "document:power",
        "has:previous", "has:next", "has:previous2", "has:next2"]


def test_the_second_neighbours_and_the_document_mean_stay_inside_a_document():
    logits = np.array([1.0, 2.0, 5.0, 7.0, 3.0])
    probabilities = (1 / (1 + np.exp(-logits)))[:, None]
    previous, following = neighbours(["a", "a", "b", None, "a"], [0, 10, 0, 0, 20])  # a: rows 0, 1, 4
    features = context_features(probabilities, previous, following)
    assert np.allclose(features[:, 3], [0.0, 0.0, 0.0, 0.0, 1.0])  # previous2: only row 4 has one (row 0)
    assert np.allclose(features[:, 4], [3.0, 0.0, 0.0, 0.0, 0.0])  # next2: row 0's is row 4
    assert np.allclose(features[:, 5], [2.5, 2.0, 0.0, 0.0, 1.5])  # mean of the document's other rows


STRUCT_TEXTS = [
    "Priya: Shall we start?",  # 4 words, a question, a speaker label
    "  10:32 we agreed the budget",
    "It took a year to rebuild trust between us.",
]


def test_struct_inputs_of_a_small_text():
    log = np.log1p
    previous, following = in_reading_order(3)
    assert np.allclose(struct_features(STRUCT_TEXTS, previous, following), [
        # words, previous's, next's | question, previous's | speaker or time | place in the document
        [log(4), 0.0, log(5), 1.0, 0.0, 1.0, 0.0],
        [log(5), log(4), log(9), 0.0, 1.0, 1.0, 0.5],
        [log(9), log(5), 0.0, 0.0, 0.0, 0.0, 1.0],
    ])


@pytest.mark.parametrize("text, opener", [
    ("Q: and then", 1.0), ("[09.15] start", 1.0), ("Dr O'Neil-Smith: yes", 1.0), ("we met: Priya", 0.0),
    ("at 10:32 we met", 0.0), ("A speaker whose label is far too long to be one: no", 0.0), ("", 0.0),
])
def test_speaker_label_or_time(text, opener):
    assert struct_features([text], *in_reading_order(1))[0].tolist() == [
        np.log1p(len(text.split())), 0.0, 0.0, 0.0, 0.0, opener, 0.5]  # alone: in the middle of its document


def test_place_in_the_document_follows_the_links_and_a_unit_alone_is_in_the_middle():
    previous, following = neighbours(["a", "a", None, "a", "b"], [20, 0, 0, 10, 0])
    assert struct_features(["x"] * 5, previous, following)[:, 6].tolist() == [1.0, 0.0, 0.5, 0.5, 0.5]
    assert struct_features([], *in_reading_order(0)).shape == (0, 7)


def test_place_in_a_long_shuffled_document_counts_every_link():
    starts = np.random.default_rng(0).permutation(37) * 10  # one document of 37 units, listed out of order
    previous, following = neighbours(["a"] * 37, starts.tolist())
    assert np.allclose(struct_features(["x"] * 37, previous, following)[:, 6], starts / 360)


def stump(feature: str, labels=("trust", "power"), label: int = 0, cut: float = 0.0,
          below: float = -2.0, above: float = 2.0) -> TreeEnsemble:
    """A context layer by hand: one split on `feature` adding to one label."""
    names = context_input_names(list(labels))
    return TreeEnsemble(
        name="concepts-context", labels=list(labels), feature_names=names, baseline=np.zeros(len(labels)),
        roots=np.array([0]), tree_label=np.array([label]), feature=np.array([names.index(feature), 0, 0]),
        threshold=np.array([cut, 0.0, 0.0]), left=np.array([1, -1, -1]), right=np.array([2, -1, -1]),
        value=np.array([0.0, below, above]), missing_left=np.zeros(3, dtype=bool))


def test_a_layer_that_reads_only_the_previous_sentence_passes_its_call_on():
    probabilities = np.array([[0.9, 0.1], [0.1, 0.1], [0.3, 0.6]])
    result = with_context(stump("previous:trust"), probabilities, ["a", "b", "c"], *in_reading_order(3))
    high, low = 1 / (1 + np.exp(-2.0)), 1 / (1 + np.exp(2.0))
    assert np.allclose(result, [[low, 0.5], [high, 0.5], [low, 0.5]])  # the first has no previous: log-odds 0


def two_neighbours(labels=("trust", "power")) -> TreeEnsemble:
    """Trust goes up by 1 when the previous sentence's trust log-odds is
    above 0 and by 3 when the next sentence's power log-odds is; it goes
    down by 1 when the sentence has no sentence after the next."""
    names = context_input_names(list(labels))
    split = [names.index("previous:trust"), names.index("next:power"), names.index("has:next2")]
    return TreeEnsemble(
        name="concepts-context", labels=list(labels), feature_names=names, baseline=np.zeros(len(labels)),
        roots=np.array([0, 3, 6]), tree_label=np.array([0, 0, 0]),
        feature=np.array([split[0], 0, 0, split[1], 0, 0, split[2], 0, 0]),
        threshold=np.array([0.0, 0, 0, 0.0, 0, 0, 0.5, 0, 0]),
        left=np.array([1, -1, -1, 4, -1, -1, 7, -1, -1]), right=np.array([2, -1, -1, 5, -1, -1, 8, -1, -1]),
        value=np.array([0, 0, 1.0, 0, 0, 3.0, 0, -1.0, 0]), missing_left=np.zeros(9, dtype=bool))


def sigmoid(x: float) -> float:
    return float(1 / (1 + np.exp(-x)))


@pytest.mark.parametrize("probabilities, label, named, drop", [
    # the previous sentence's trust pushes (log-odds 1 - 1 = 0); without it, -1
    ([[0.9, 0.5], [0.5, 0.5], [0.5, 0.5]], 0, "context:previous sentence: trust", 0.5 - sigmoid(-1)),
    # the next sentence's power pushes more than the previous one's trust (1 + 3 - 1 = 3; without it 0)
    ([[0.9, 0.5], [0.5, 0.5], [0.5, 0.9]], 0, "context:next sentence: power", sigmoid(3) - 0.5),
    # nothing around pushes trust (a missing sentence after the next pulls it down, not up)
    ([[0.1, 0.5], [0.5, 0.5], [0.5, 0.1]], 0, None, 0.0),
    # power reads no neighbour at all
    ([[0.9, 0.9], [0.9, 0.9], [0.9, 0.9]], 1, None, 0.0),
])
def test_context_evidence_names_the_neighbour_whose_removal_lowers_the_call_most(probabilities, label, named, drop):
    inputs = context_inputs(np.array(probabilities), ["a", "b", "c"], *in_reading_order(3))
    (found,) = context_evidence(two_neighbours(), inputs[[1]], [label])
    assert found == ([(named, pytest.approx(drop))] if named else [])


def test_context_evidence_for_several_suggestions_at_once():
    inputs = context_inputs(np.array([[0.9, 0.5], [0.5, 0.5], [0.5, 0.9], [0.5, 0.5]]), ["a"] * 4,
                            *in_reading_order(4))
    found = context_evidence(two_neighbours(), inputs[[1, 3, 1]], [0, 0, 1])
    assert [[name for name, _ in f] for f in found] == [
        ["context:next sentence: power"], [], []]
    assert context_evidence(two_neighbours(), inputs[:0], []) == []


@pytest.fixture(scope="module")
def trained_on_documents(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("context")
    coded = write_document_set(folder / "set")
    result = CliRunner().invoke(main, ["train", str(coded), "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return folder / "out" / "concepts.model.json"


def test_train_writes_the_context_layer_named_with_its_checksum(trained_on_documents):
    model = load_model(trained_on_documents)
    entry = model.card["context"]
    assert entry["file"] == "concepts.context.json"
    context = load_trees(trained_on_documents.parent / entry["file"], feature_names=context_input_names(CONCEPTS))
    assert context.to_json()["sha256"] == entry["sha256"]
    assert context.labels == list(CONCEPTS) and len(context.feature_names) == 6 * 4 + 4 + 7
    assert model.card["thresholds"] == context.thresholds  # the cuts the analysis uses


def test_the_suggester_uses_the_context_layer(trained_on_documents):
    analyser = Analyser(Settings(model_path=str(trained_on_documents))).load()
    assert analyser.suggester_ is not None and analyser.suggester_.context is not None
    assert analyser.suggester_.thresholds == analyser.suggester_.context.thresholds


def copy_model(source: Path, folder: Path) -> Path:
    folder.mkdir()
    for name in ("concepts.model.json", "concepts.context.json"):
        (folder / name).write_bytes((source.parent / name).read_bytes())
    return folder / "concepts.model.json"


def swap_context(folder: Path) -> None:
    """A valid context file, but not the one the model was written with."""
    path = folder / "concepts.context.json"
    other = load_trees(path, feature_names=context_input_names(CONCEPTS))
    other.baseline = other.baseline + 1.0
    save_trees(other, path)


def logistic_context(folder: Path) -> None:
    """An older context layer (a logistic regression per concept), named with its checksum."""
    names = context_feature_names(CONCEPTS)
    old = LinearTextModel(name="concepts-context", labels=list(CONCEPTS), text_features=[], extra_features=names,
                          coef=np.zeros((len(CONCEPTS), len(names))), intercept=np.zeros(len(CONCEPTS)))
    save_model(old, folder / "concepts.context.json")
    path = folder / "concepts.model.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["model"]["card"]["context"]["sha256"] = old.to_json()["sha256"]
    from analyser.textmodel import payload_digest

    data["sha256"] = payload_digest(data["model"])
    path.write_text(json.dumps(data), encoding="utf-8")


def rename_context(folder: Path) -> None:
    path = folder / "concepts.model.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["model"]["card"]["context"]["file"] = "../concepts.context.json"
    from analyser.textmodel import payload_digest

    data["sha256"] = payload_digest(data["model"])
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("change, message", [
    (lambda folder: (folder / "concepts.context.json").unlink(), "no model file here"),
    (lambda folder: (folder / "concepts.context.json").write_text("{}"), "not an analyser tree-ensemble file"),
    (logistic_context, "an older context layer.*retrain with 'analyser train'"),
    (swap_context, "was not fitted with concepts.model.json"),
    (rename_context, "must be a file name beside the model"),
])
def test_a_missing_changed_or_foreign_context_file_is_refused(trained_on_documents, tmp_path, change, message):
    model = copy_model(trained_on_documents, tmp_path / "copy")
    change(model.parent)
    with pytest.raises(ModelFileError, match=message):
        Analyser(Settings(model_path=str(model))).load()
