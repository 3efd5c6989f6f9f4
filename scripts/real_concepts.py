"""The concept coder on real writing about partnership working: public student
essays, reflective accounts and published minutes of partnership boards,
coded for the four concepts.

    python scripts/real_concepts.py --texts DIR [--part dev|heldout] [--batch N] [--model FILE] [--threshold P]

Every other coded set on the course's topic was written by language-model
writers for the project, and flatters the tool. These 56 texts were not: they
are the openings of public web pages (`corpus/real_concepts/sources.jsonl`
gives each one's address, kind and SHA-256), coded unit by unit by two
readers and adjudicated by a third (`codes.jsonl`, and `coding/` for the two
readings). The project does not hold the texts, which belong to their
authors: DIR holds them as `<doc>.txt`, and each is checked against its
SHA-256 before it is read, so a figure is never computed on other words.

Parts: `dev` (29 texts), read to find error classes and to choose
settings; `heldout` (27), scored once per shipped model and never read to
change anything. Prints, per part, lexicon alone, model alone and both per
concept with micro and macro F1 and micro F1 per kind of text, as
`analyser evaluate --heldout` does for the project's own sets.

`--folder corpus/real_meetings` scores real committee talk instead (its
texts are rebuilt from QMSum by `scripts/qmsum_texts.py`). Its sources name
the batch each meeting came in; `--batch N` scores only those batches, the
way its README reports them (the third, fifth... batches stay unread).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_coded_corpus import units  # noqa: E402

from analyser.evaluate import read_jsonl  # noqa: E402
from analyser.evaluate_documents import evaluate_systems, format_systems  # noqa: E402
from analyser.pipeline import Analyser, Settings  # noqa: E402

FOLDER = REPO / "corpus" / "real_concepts"
PARTS = ("dev", "heldout")
GENRES = {"essay": "essay", "reflective": "reflective", "minutes": "minutes", "transcript": "transcript"}


@dataclass
class Source:
    """One coded text: where it came from and the fingerprint of the words coded."""

    doc: str
    kind: str
    part: str
    url: str
    sha256: str
    batch: int | None = None  # the batch it was gathered in, where the set records one


def unit_key(text: str) -> str:
    """A short fingerprint of a unit's words, to catch a splitter that has changed."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def read_sources(path: Path) -> list[Source]:
    sources = []
    for record in read_jsonl(path):
        if record.get("part") not in PARTS or record.get("kind") not in GENRES:
            raise SystemExit(f"{path}:{record['_line']}: needs a 'part' ({' or '.join(PARTS)}) and a 'kind' "
                             f"({', '.join(GENRES)})")
        sources.append(Source(record["doc"], record["kind"], record["part"], record["url"], record["sha256"],
                              record.get("batch")))
    return sources


def select(sources: Sequence[Source], parts: Sequence[str],
           batches: Sequence[int] = ()) -> list[tuple[str, list[Source]]]:
    """The sources to score, per part in `parts`: all of them, or only those
    of the given batches (a part with none of them is left out). A batch no
    source has is an error, so a mistyped number never scores nothing."""
    if batches:
        missing = sorted(set(batches) - {s.batch for s in sources})
        if missing:
            raise SystemExit(f"no source of batch {', '.join(map(str, missing))} "
                             f"(the set's batches: {sorted({s.batch for s in sources if s.batch is not None})})")
    chosen = [(part, [s for s in sources if s.part == part and (not batches or s.batch in batches)]) for part in parts]
    return [(part, group) for part, group in chosen if group]


def coded_units(sources: Sequence[Source], codes: Path, texts: Path, out: Path) -> Path:
    """Write each text into `out/docs/` and its coded units into `out/docs.jsonl`
    (the project's coded-set format), after checking the text and every unit
    against the fingerprints they were coded on."""
    by_unit = {(r["doc"], int(r["unit"])): r for r in read_jsonl(codes)}
    (out / "docs").mkdir(parents=True, exist_ok=True)
    records = []
    for source in sources:
        path = texts / f"{source.doc}.txt"
        if not path.is_file():
            raise SystemExit(f"{path}: missing (the text of {source.url})")
        data = path.read_bytes()
        if hashlib.sha256(data).hexdigest() != source.sha256:
            raise SystemExit(f"{path}: not the text that was coded (its SHA-256 differs)")
        copy = out / "docs" / path.name
        copy.write_bytes(data)
        for unit in units(copy):
            coded = by_unit.get((source.doc, unit["unit"]))
            if coded is None or coded["key"] != unit_key(unit["text"]):
                raise SystemExit(f"{source.doc} unit {unit['unit']}: not the unit that was coded "
                                 "(the sentence splitter has changed)")
            records.append({"id": f"{source.doc}#{unit['unit']}", **unit, "genre": GENRES[source.kind],
                            "codes": coded["codes"]})
    target = out / "docs.jsonl"
    target.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--texts", type=Path, required=True, help="folder holding the texts as <doc>.txt")
    parser.add_argument("--part", choices=PARTS, action="append", help="only this part (default: both)")
    parser.add_argument("--batch", type=int, action="append", default=[],
                        help="only the sources of this batch (repeatable; corpus/real_meetings records them)")
    parser.add_argument("--model", type=Path, help="a concept model (JSON) other than the profile's")
    parser.add_argument("--threshold", type=float, help="one model threshold for every concept")
    parser.add_argument("--folder", type=Path, default=FOLDER, help="sources.jsonl and codes.jsonl")
    args = parser.parse_args(argv)
    sources = read_sources(args.folder / "sources.jsonl")
    tool = Analyser(Settings(model_path=str(args.model) if args.model else None)).load()
    plain = Analyser(Settings(use_model=False)).load()
    if tool.suggester_ is None:
        print("no concept model to score", file=sys.stderr)
        return 1
    for part, group in select(sources, args.part or PARTS, args.batch):
        title = f"real writing, {part}" + (f", batch {', '.join(map(str, args.batch))}" if args.batch else "")
        with tempfile.TemporaryDirectory() as scratch:
            path = coded_units(group, args.folder / "codes.jsonl", args.texts, Path(scratch))
            result = evaluate_systems([str(path)], plain, tool.suggester_.model, args.threshold,
                                      title=title, context=tool.suggester_.context)
        print(format_systems(result))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
