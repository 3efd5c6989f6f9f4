"""The concept coder on real writing: CEReD's student-teacher diaries, coded for the four concepts.

    python scripts/cered_concepts.py [--data DIR] [--codes FILE] [--model FILE] [--lexicon FILE] [--part dev] [--errors]
    python scripts/cered_concepts.py --export FILE [--part dev --part train --part dev2]

Every other coded set in the project was written by language-model writers
for the project. CEReD's English sentences (`../shared/external/cered`, or
`--data DIR`; Apache-2.0, © its authors) are real reflective diaries by
student teachers, translated from Czech: not about partnership working, but
first-person writing about colleagues, mentors, pupils and parents, where the
codebook's concepts turn up as real writers put them, and where a coder that
over-reads feelings or everyday words shows it.

`corpus/cered_concepts/codes.jsonl` holds, per sentence, only its CEReD id
("train-1139": split and idx), its part and the adjudicated codes. The parts:
`dev` (1,200 sentences of the train split, read to find error classes and
trained on), `train` (1,600 more, only trained on), `dev2` (1,296 more, read
for error classes and trained on), `heldout` (the whole validation and test
splits) and `heldout2` (the other 2,000 sentences of the train split). The two
held-out parts are never read to change anything and never trained on. The
sentences stay in CEReD's files, as its README asks. Each sentence is analysed as the analysis reads a document:
in its window of the diary (two sentences each side, from CEReD's `context`),
and a concept is predicted when a mention of it (lexicon match or model
suggestion) overlaps the sentence. Prints precision, recall and F1 per
concept and micro-F1 for the lexicon alone, the model alone and both, per part.

`--export FILE` writes the coded sentences of `dev`, `train` and `dev2` (or
the parts named) in the project's coded format, each sentence alone, for
`analyser train`; the held-out parts are refused, so the figures on them stay
those of writing the model has never seen.
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analyser.bootstrap import Interval  # noqa: E402
from analyser.evaluate_documents import micro_f1_interval  # noqa: E402
from analyser.ingest import ingest_text  # noqa: E402
from analyser.output import write_atomic  # noqa: E402
from analyser.pipeline import Analyser, Settings  # noqa: E402

_spec = importlib.util.spec_from_file_location("try_reflection", REPO / "scripts" / "try_reflection.py")
assert _spec and _spec.loader
try_reflection = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = try_reflection
_spec.loader.exec_module(try_reflection)
tr = try_reflection.tr  # train_reflection: DEFAULT_DATA, repair

DEFAULT_CODES = REPO / "corpus" / "cered_concepts" / "codes.jsonl"
SYSTEMS = ("lexicon", "model", "both")
PARTS = ("dev", "train", "dev2", "heldout", "heldout2")
SCORED = ("dev", "dev2", "heldout", "heldout2")  # the parts scored by default; `train` is only trained on
TRAINABLE = ("dev", "train", "dev2")  # what the shipped model is trained on; the held-out parts stay unseen by it


@dataclass
class Coded:
    """One coded CEReD sentence, joined to its text."""

    id: str
    part: str
    codes: dict[str, str]
    sentence: str = ""
    context: str = ""


@dataclass
class Window:
    """The sentence in its window of the diary, as the analysis reads it."""

    text: str
    start: int
    end: int


@dataclass
class Tally:
    """Sentence counts per concept: true positives, false positives, false negatives."""

    tp: dict[str, int] = field(default_factory=dict)
    fp: dict[str, int] = field(default_factory=dict)
    fn: dict[str, int] = field(default_factory=dict)
    calls: list[tuple[list[bool], list[bool]]] = field(default_factory=list)  # (gold, predicted) per sentence

    def add(self, concepts: Sequence[str], gold: set[str], predicted: set[str]) -> None:
        self.calls.append(([c in gold for c in concepts], [c in predicted for c in concepts]))
        for c in concepts:
            if c in gold and c in predicted:
                self.tp[c] = self.tp.get(c, 0) + 1
            elif c in predicted:
                self.fp[c] = self.fp.get(c, 0) + 1
            elif c in gold:
                self.fn[c] = self.fn.get(c, 0) + 1

    def scores(self, concept: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 of one concept, or micro over all (None)."""
        pick = (lambda d: d.get(concept, 0)) if concept else (lambda d: sum(d.values()))
        tp, fp, fn = pick(self.tp), pick(self.fp), pick(self.fn)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def interval(self) -> Interval:
        """The micro-F1 95% interval, each sentence resampled alone (a
        sentence's diary is not known for every part)."""
        gold, predicted = (np.array([call[i] for call in self.calls], dtype=bool) for i in (0, 1))
        return micro_f1_interval(gold, predicted, np.arange(len(self.calls)))


def window(sentence: str, context: str) -> Window:
    """The sentence with up to two sentences of its context each side. CEReD
    translated the context separately, so the sentence is placed where the
    context's closest sentence is, and read as itself."""
    sides = try_reflection.context_neighbours(sentence, context)
    before = " ".join(s for s in (sides["previous2"], sides["previous"]) if s)
    after = " ".join(s for s in (sides["next"], sides["next2"]) if s)
    start = len(before) + 1 if before else 0
    text = " ".join(s for s in (before, sentence, after) if s)
    return Window(text, start, start + len(sentence))


def read_codes(path: Path) -> list[Coded]:
    """The coded ids; a bad line is reported with file and line."""
    coded = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        if record.get("part") not in PARTS or not isinstance(record.get("codes"), dict):
            raise SystemExit(f"{path}:{number}: needs 'id', 'part' ({' or '.join(PARTS)}) and 'codes'")
        coded.append(Coded(record["id"], record["part"], record["codes"]))
    return coded


def join_text(coded: list[Coded], data: Path) -> None:
    """Each coded sentence's text and context from CEReD's own files."""
    rows = {}
    for split in ("train", "val", "test"):
        with (data / f"{split}.tsv").open(encoding="utf-8", newline="") as handle:
            for record in csv.DictReader(handle, delimiter="\t"):
                rows[f"{split}-{record['idx']}"] = record
    for item in coded:
        if item.id not in rows:
            raise SystemExit(f"{item.id}: not in {data}")
        item.sentence = tr.repair(rows[item.id]["sentence"])
        item.context = tr.repair(rows[item.id]["context"])


def export(coded: Sequence[Coded], parts: Sequence[str], path: Path) -> int:
    """Write the coded sentences of `parts` as training records ("text",
    "codes"; read alone, as a reflective account's sentence) and return how
    many. Refuses a part that is never to be trained on."""
    refused = sorted(set(parts) - set(TRAINABLE))
    if refused:
        raise SystemExit(f"--export: part {', '.join(refused)} is never trained on (export {', '.join(TRAINABLE)})")
    chosen = [c for c in coded if c.part in parts]
    lines = [json.dumps({"id": f"cered-{c.id}", "register": "reflective", "text": c.sentence, "codes": c.codes},
                        ensure_ascii=False) + "\n" for c in chosen]
    write_atomic(path, "".join(lines))
    return len(chosen)


def predict(analyser: Analyser, item: Coded) -> dict[str, set[str]]:
    """The concepts each system finds in the sentence, read in its window."""
    at = window(item.sentence, item.context)
    analysis = analyser.analyse_document(ingest_text(at.text, item.id))
    found: dict[str, set[str]] = {s: set() for s in SYSTEMS}
    for mention in analysis.mentions:
        if mention.start < at.end and mention.end > at.start:
            found[mention.origin].add(mention.concept)
            found["both"].add(mention.concept)
    return found


def report(title: str, tallies: dict[str, Tally], concepts: Sequence[str], sentences: int) -> str:
    lines = [f"{title} ({sentences} sentences)",
             f"{'system':<9}{'concept':<17}{'coded':>6}{'P':>7}{'R':>7}{'F1':>7}"]
    for system in SYSTEMS:
        tally = tallies[system]
        for concept in concepts:
            p, r, f = tally.scores(concept)
            coded = tally.tp.get(concept, 0) + tally.fn.get(concept, 0)
            lines.append(f"{system:<9}{concept:<17}{coded:>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
        p, r, f = tally.scores()
        lines.append(f"{system:<9}{'micro':<17}{'':>6}{p:>7.3f}{r:>7.3f}{f:>7.3f}")
        if tally.calls:
            interval = tally.interval()
            lines.append(f"{system:<9}{'  95% interval':<17}{'':>20}{interval.low:>7.3f}-{interval.high:.3f}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=tr.DEFAULT_DATA, help="folder with CEReD's train/val/test.tsv")
    parser.add_argument("--codes", type=Path, default=DEFAULT_CODES, help="the coded ids (JSON Lines)")
    parser.add_argument("--model", type=Path, help="a concept model (JSON) other than the profile's")
    parser.add_argument("--lexicon", type=Path, help="a concept lexicon (TOML) other than the profile's")
    parser.add_argument("--part", choices=PARTS, action="append",
                        help=f"only this part (default: {', '.join(SCORED)}; "
                             f"with --export, {', '.join(TRAINABLE)})")
    parser.add_argument("--errors", action="store_true", help="also list every disagreement of 'both'")
    parser.add_argument("--export", type=Path, metavar="FILE",
                        help="write the coded sentences as training data (JSON Lines) instead of scoring")
    args = parser.parse_args(argv)
    for split in ("train", "val", "test"):
        if not (args.data / f"{split}.tsv").is_file():
            print(f"{args.data}: no {split}.tsv (the CEReD English files)", file=sys.stderr)
            return 1
    coded = read_codes(args.codes)
    join_text(coded, args.data)
    if args.export:
        count = export(coded, args.part or TRAINABLE, args.export)
        print(f"wrote {count} coded sentences to {args.export}")
        return 0
    analyser = Analyser(Settings(model_path=str(args.model) if args.model else None,
                                 lexicon_path=str(args.lexicon) if args.lexicon else None))
    analyser.load()
    concepts = list(analyser.lexicon_.concept_ids)
    for part in args.part or SCORED:
        items = [c for c in coded if c.part == part]
        tallies = {s: Tally() for s in SYSTEMS}
        for item in items:
            found = predict(analyser, item)
            for system in SYSTEMS:
                tallies[system].add(concepts, set(item.codes), found[system])
            if args.errors and found["both"] != set(item.codes):
                print(f"{item.id}\tcoded {sorted(item.codes)}\tfound {sorted(found['both'])}\t{item.sentence}")
        print(report(f"CEReD {part}", tallies, concepts, len(items)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
