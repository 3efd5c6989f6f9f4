"""The shipped concept model was trained on exactly the project's coded data:
every file its card names has the SHA-256 it had at training time. A change
to `corpus/annotated/` or to CEReD's codes without retraining fails here,
with the command that retrains."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from script_loader import load_script

from analyser.textmodel import load_model

REPO = Path(__file__).resolve().parents[2]
ANNOTATED = REPO / "corpus" / "annotated"
CERED = REPO.parent / "shared" / "external" / "cered"
RETRAIN = ("python scripts/cered_concepts.py --export /tmp/cered.jsonl && analyser train "
           "corpus/annotated/concepts.jsonl corpus/annotated/docs.jsonl /tmp/cered.jsonl --out models/")


def _trained_on() -> dict[str, str]:
    return load_model(REPO / "models" / "concepts.model.json").card["trained_on"]["files"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_model_was_trained_on_the_projects_coded_documents():
    files = _trained_on()
    project = {name: digest for name, digest in files.items() if name != "cered.jsonl"}
    assert {"concepts.jsonl", "docs.jsonl"} <= set(project)
    stale = [name for name, digest in project.items()
             if not (ANNOTATED / name).is_file() or _sha(ANNOTATED / name) != digest]
    assert not stale, f"coded data changed since the model was trained ({', '.join(stale[:5])}): {RETRAIN}"
    documents = {f"docs/{p.name}" for p in (ANNOTATED / "docs").iterdir() if p.suffix in (".txt", ".md")}
    assert documents == {name for name in project if name.startswith("docs/")}


@pytest.mark.skipif(not CERED.is_dir(), reason="needs CEReD beside the project (../shared/external/cered)")
def test_the_model_was_trained_on_cereds_coded_sentences(tmp_path):
    exported = tmp_path / "cered.jsonl"
    assert load_script("cered_concepts").main(["--data", str(CERED), "--export", str(exported)]) == 0
    assert _sha(exported) == _trained_on()["cered.jsonl"], f"CEReD's codes changed since training: {RETRAIN}"
