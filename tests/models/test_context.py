"""The context layer: neighbours in reading order, its inputs, its output
for a hand-made layer, and its file: written beside the model by `train`,
named with its checksum, refused when changed, swapped or placed elsewhere."""

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
    in_reading_order,
    neighbours,
    with_context,
)
from analyser.pipeline import Analyser, Settings
from analyser.textmodel import LinearTextModel, ModelFileError, load_model, save_model


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


def layer(weights: dict[str, float], labels=("trust", "power")) -> LinearTextModel:
    """A context layer by hand: the named inputs weigh into every label."""
    names = context_feature_names(list(labels))
    coef = np.zeros((len(labels), len(names)))
    for name, weight in weights.items():
        coef[:, names.index(name)] = weight
    return LinearTextModel(name="concepts-context", labels=list(labels), text_features=[], extra_features=names,
                           coef=coef, intercept=np.zeros(len(labels)))


def test_a_layer_that_reads_only_the_previous_sentence_passes_its_probability_on():
    probabilities = np.array([[0.9, 0.1], [0.1, 0.1], [0.3, 0.6]])
    result = with_context(layer({"previous:trust": 1.0}), probabilities, *in_reading_order(3))
    assert np.allclose(result[:, 0], [0.5, 0.9, 0.1])  # the first sentence has no previous one: log-odds 0


def test_context_evidence_names_the_neighbour_that_pushed():
    context = layer({"previous:trust": 1.0, "next:power": 2.0})
    features = context_features(np.array([[0.9, 0.5], [0.5, 0.5], [0.5, 0.2]]), *in_reading_order(3))
    evidence = context_evidence(context, features[1], 0)
    assert [name for name, _ in evidence] == ["context:previous sentence: trust"]  # next:power pushes down
    assert evidence[0][1] == pytest.approx(np.log(9.0))


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
    context = load_model(trained_on_documents.parent / entry["file"], extra_features=context_feature_names(CONCEPTS))
    assert context.to_json()["sha256"] == entry["sha256"]
    assert context.labels == list(CONCEPTS) and context.coef.shape == (4, 28)
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
    other = load_model(path, extra_features=context_feature_names(CONCEPTS))
    other.coef = other.coef + 1.0
    save_model(other, path)


def rename_context(folder: Path) -> None:
    path = folder / "concepts.model.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["model"]["card"]["context"]["file"] = "../concepts.context.json"
    from analyser.textmodel import _digest

    data["sha256"] = _digest(data["model"])
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize("change, message", [
    (lambda folder: (folder / "concepts.context.json").unlink(), "no model file here"),
    (lambda folder: (folder / "concepts.context.json").write_text("{}"), "not an analyser model file"),
    (swap_context, "was not fitted with concepts.model.json"),
    (rename_context, "must be a file name beside the model"),
])
def test_a_missing_changed_or_foreign_context_file_is_refused(trained_on_documents, tmp_path, change, message):
    model = copy_model(trained_on_documents, tmp_path / "copy")
    change(model.parent)
    with pytest.raises(ModelFileError, match=message):
        Analyser(Settings(model_path=str(model))).load()
