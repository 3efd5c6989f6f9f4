"""The shipped move model is exactly what scripts/train_reflection.py makes
from CEReD: retrain and compare bytes."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from script_loader import load_script

from analyser.reflection.moves import MOVES, load_move_model

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "models" / "reflection.model.json"
CERED = REPO.parent / "shared" / "external" / "cered"


def _script():
    return load_script("train_reflection")


@pytest.mark.slow
def test_training_reproduces_the_shipped_model_byte_for_byte(tmp_path):
    if not (CERED / "train.tsv").is_file():
        pytest.skip(f"CEReD is not at {CERED} (it is in CI): cannot retrain the move model")
    out = tmp_path / "reflection.model.json"
    assert _script().main(["--data", str(CERED), "--out", str(out)]) == 0
    # compared by digest: pytest's diff of two megabyte strings ran for over ten minutes in CI
    made, shipped = (hashlib.sha256(path.read_bytes()).hexdigest() for path in (out, SHIPPED))
    assert made == shipped, "retrain it: python scripts/train_reflection.py --out models/reflection.model.json"


def test_the_shipped_model_card_names_its_data_figures_and_licence():
    card = load_move_model(SHIPPED).model.card
    assert set(card["data"]["fingerprint_sha256"]) == {"train.tsv", "val.tsv", "test.tsv"}
    assert card["attribution"]["licence"] == "Apache License 2.0"
    assert any("10.1007/s10639-022-11254-7" in c for c in card["attribution"]["cite"])
    test = card["test"]
    assert set(test["per_class"]) == set(MOVES)
    assert 0.5 < test["accuracy"] < 1 and 0 < test["kappa"] < 1
    matrix = test["confusion"]["rows_gold_columns_predicted"]
    assert sum(map(sum, matrix)) == test["sentences"]
    assert sum(matrix[i][i] for i in range(len(MOVES))) == round(test["accuracy"] * test["sentences"])


def test_no_sentence_of_the_dataset_is_shipped():
    if not (CERED / "test.tsv").is_file():
        pytest.skip(f"CEReD is not at {CERED} (it is in CI)")
    import csv

    shipped = SHIPPED.read_text(encoding="utf-8")
    with (CERED / "test.tsv").open(encoding="utf-8", newline="") as handle:
        sentences = [r["sentence"] for r in csv.DictReader(handle, delimiter="\t") if len(r["sentence"]) > 40]
    assert sentences and not [s for s in sentences if s in shipped]


def test_the_script_says_which_files_are_missing(tmp_path, capsys):
    assert _script().main(["--data", str(tmp_path), "--out", str(tmp_path / "m.json")]) == 1
    assert "train.tsv" in capsys.readouterr().err and not (tmp_path / "m.json").exists()
