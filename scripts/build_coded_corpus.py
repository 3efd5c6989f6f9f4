"""Build a coded document set from its documents and its two codings.

    python scripts/build_coded_corpus.py corpus/annotated
    python scripts/build_coded_corpus.py corpus/heldout

A set folder holds `docs/` (the documents), `manifest.jsonl` (one line per
document: doc, genre, setting, voice, words) and `coding/`: `writer.jsonl` (the
writer's coding), `reader.jsonl` (a reader who did not write the documents)
and `adjudication.jsonl` (a third reader's decision on every unit where the
two differ). Each coding has one line per unit: {"doc", "unit", "codes", "move"?}.

The units are the documents' lines split into sentences by the analyser's own
splitter (`units`), so they are recomputed here and every coding is checked
against them. The script prints the agreement of the two codings before
adjudication (Cohen's kappa per concept, on "coded or not" and on
none/present/absent; and on moves for reflective accounts), checks that the
adjudication covers every disagreement, and writes `docs.jsonl`: one record per
unit with its text, offsets, genre, adjudicated codes and move.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analyser.ingest import ingest  # noqa: E402
from analyser.nlp import sentence_starts  # noqa: E402
from analyser.resources import read_word_list  # noqa: E402

CONCEPTS = ["identity_threat", "trust", "vision", "power"]
MOVES = ["Experience", "Feeling", "Belief", "Difficulty", "Perspective", "Learning", "Intention", "Reflection", "Other"]


def units(path: Path) -> list[dict]:
    """The coding units of one document: each non-blank line, split into
    sentences, with offsets into the text as the analyser reads it."""
    abbreviations = read_word_list("abbreviations.txt")
    text = ingest(path).text
    found = []
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        if not line.strip():
            continue
        bounds = [0, *sentence_starts(line, abbreviations), len(line)]
        for a, b in zip(bounds, bounds[1:]):
            piece = line[a:b]
            stripped = piece.strip()
            if stripped:
                start = line_start + a + len(piece) - len(piece.lstrip())
                found.append({"doc": path.stem, "unit": len(found) + 1, "start": start,
                              "end": start + len(stripped), "text": stripped})
    return found


def read_coding(path: Path) -> dict[tuple[str, int], dict]:
    coding = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        record = json.loads(line)
        key = (record["doc"], int(record["unit"]))
        if key in coding:
            raise SystemExit(f"{path}:{number}: unit {key} coded twice")
        codes = record.get("codes", {})
        bad = [c for c, p in codes.items() if c not in CONCEPTS or p not in ("present", "absent")]
        if bad or ("move" in record and record["move"] not in MOVES):
            raise SystemExit(f"{path}:{number}: unknown concept, polarity or move in {record}")
        coding[key] = record
    return coding


def kappa(a: list, b: list) -> float:
    return float(cohen_kappa_score(a, b)) if len(set(a) | set(b)) > 1 else 1.0


def agreement(keys: list[tuple[str, int]], first: dict, second: dict, reflective: set[str]) -> list[str]:
    """Markdown rows: agreement of two codings per concept and on moves."""
    rows = ["| concept | units coded (first / second) | agreement | kappa (coded or not) | kappa (none/present/absent) |",
            "| --- | --- | --- | --- | --- |"]
    for concept in CONCEPTS:
        a = [first[k]["codes"].get(concept, "none") for k in keys]
        b = [second[k]["codes"].get(concept, "none") for k in keys]
        coded_a = [x != "none" for x in a]
        coded_b = [x != "none" for x in b]
        share = sum(x == y for x, y in zip(a, b)) / len(keys)
        rows.append(f"| {concept} | {sum(coded_a)} / {sum(coded_b)} | {share:.3f} | {kappa(coded_a, coded_b):.3f} "
                    f"| {kappa(a, b):.3f} |")
    moved = [k for k in keys if k[0] in reflective]
    if moved:
        a = [first[k].get("move", "Other") for k in moved]
        b = [second[k].get("move", "Other") for k in moved]
        share = sum(x == y for x, y in zip(a, b)) / len(moved)
        rows.append(f"| reflective move ({len(moved)} units) | — | {share:.3f} | — | {kappa(a, b):.3f} (9 moves) |")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    folder: Path = args.folder
    manifest = {}
    for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            manifest[record["doc"]] = record
    documents = sorted(p for p in (folder / "docs").iterdir() if p.suffix in (".md", ".txt"))
    missing = sorted(set(manifest) ^ {p.stem for p in documents})
    if missing:
        raise SystemExit(f"{folder}: documents and manifest differ: {missing}")
    all_units = [u for path in documents for u in units(path)]
    keys = [(u["doc"], u["unit"]) for u in all_units]
    writer = read_coding(folder / "coding" / "writer.jsonl")
    reader = read_coding(folder / "coding" / "reader.jsonl")
    for name, coding in (("writer", writer), ("reader", reader)):
        if set(coding) != set(keys):
            gap = sorted(set(keys) ^ set(coding))[:5]
            raise SystemExit(f"{folder}/coding/{name}.jsonl does not cover exactly the units (e.g. {gap})")
    reflective = {d for d, m in manifest.items() if m["genre"] == "reflective"}

    def same(key: tuple[str, int]) -> bool:
        w, r = writer[key], reader[key]
        return w["codes"] == r["codes"] and (key[0] not in reflective or w.get("move") == r.get("move"))

    disagreements = [k for k in keys if not same(k)]
    adjudication_path = folder / "coding" / "adjudication.jsonl"
    adjudicated = read_coding(adjudication_path) if adjudication_path.is_file() else {}
    unresolved = [k for k in disagreements if k not in adjudicated]
    print(f"{folder}: {len(documents)} documents, {len(keys)} units, {len(disagreements)} units where the "
          f"codings differ, {len(adjudicated)} adjudicated")
    print("\nAgreement before adjudication, writer vs reader:\n")
    print("\n".join(agreement(keys, writer, reader, reflective)))
    if unresolved:
        todo = folder / "coding" / "to_adjudicate.jsonl"
        with todo.open("w", encoding="utf-8") as handle:
            text = {(u["doc"], u["unit"]): u["text"] for u in all_units}
            for k in unresolved:
                record = {"doc": k[0], "unit": k[1], "text": text[k], "a": writer[k], "b": reader[k]}
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        raise SystemExit(f"\n{len(unresolved)} disagreements not adjudicated yet: listed in {todo}")
    out = []
    for u in all_units:
        key = (u["doc"], u["unit"])
        final = adjudicated.get(key) or writer[key]
        record = {"id": f"{u['doc']}#{u['unit']}", **u, "genre": manifest[u["doc"]]["genre"], "codes": final["codes"]}
        if u["doc"] in reflective:
            record["move"] = final.get("move", "Other")
        out.append(record)
    (folder / "docs.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), "utf-8")
    counts = Counter((c, p) for r in out for c, p in r["codes"].items())
    print(f"\nwrote {folder / 'docs.jsonl'}: {len(out)} units; "
          + ", ".join(f"{c} {counts[(c, 'present')]}+{counts[(c, 'absent')]}" for c in CONCEPTS)
          + f"; no code {sum(not r['codes'] for r in out)}")
    print("\nAgreement of each coding with the adjudicated codes:\n")
    final_codes = {(r["doc"], r["unit"]): r for r in out}
    for name, coding in (("writer", writer), ("reader", reader)):
        print(f"{name}:\n" + "\n".join(agreement(keys, coding, final_codes, reflective)) + "\n")


if __name__ == "__main__":
    main()
