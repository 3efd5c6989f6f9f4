"""scripts/real_concepts.py: the coded units are joined to texts the project
does not hold only when the words are those that were coded."""

from __future__ import annotations

import hashlib
import json

import pytest
from script_loader import load_script

ESSAY = "Trust grew slowly between the two teams.\nThe report was noted.\n"
MINUTES = "Apologies were received.\nThe council held the budget and decided alone.\n"


def _script():
    return load_script("real_concepts")


def _write_set(folder, texts, essay=ESSAY):
    """A two-text set in the project's format, coded as a reader would."""
    script = _script()
    (texts / "r01.txt").write_text(essay, encoding="utf-8")
    (texts / "r02.txt").write_text(MINUTES, encoding="utf-8")
    sources = [
        {"doc": "r01", "kind": "essay", "part": "dev", "url": "https://example.org/a", "title": "A",
         "sha256": hashlib.sha256(ESSAY.encode()).hexdigest()},
        {"doc": "r02", "kind": "minutes", "part": "heldout", "url": "https://example.org/b", "title": "B",
         "sha256": hashlib.sha256(MINUTES.encode()).hexdigest()},
    ]
    codes = [
        ("r01", 1, "Trust grew slowly between the two teams.", {"trust": "present"}),
        ("r01", 2, "The report was noted.", {}),
        ("r02", 1, "Apologies were received.", {}),
        ("r02", 2, "The council held the budget and decided alone.", {"power": "present"}),
    ]
    (folder / "sources.jsonl").write_text("".join(json.dumps(s) + "\n" for s in sources), encoding="utf-8")
    (folder / "codes.jsonl").write_text(
        "".join(json.dumps({"doc": d, "unit": u, "key": script.unit_key(t), "codes": c}) + "\n"
                for d, u, t, c in codes), encoding="utf-8")
    return script


def test_units_joined_to_their_codes(tmp_path):
    texts, out = tmp_path / "texts", tmp_path / "out"
    texts.mkdir()
    script = _write_set(tmp_path, texts)
    sources = script.read_sources(tmp_path / "sources.jsonl")
    path = script.coded_units([s for s in sources if s.part == "heldout"], tmp_path / "codes.jsonl", texts, out)
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["start"], r["end"], r["genre"], r["codes"]) for r in records] == [
        ("r02#1", 0, 24, "minutes", {}),
        ("r02#2", 25, 71, "minutes", {"power": "present"}),
    ]
    assert (out / "docs" / "r02.txt").read_text(encoding="utf-8") == MINUTES


def test_other_words_are_refused(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    script = _write_set(tmp_path, texts)
    (texts / "r01.txt").write_text(ESSAY.replace("slowly", "quickly"), encoding="utf-8")
    sources = script.read_sources(tmp_path / "sources.jsonl")
    with pytest.raises(SystemExit, match=r"r01\.txt: not the text that was coded"):
        script.coded_units(sources, tmp_path / "codes.jsonl", texts, tmp_path / "out")


def test_a_changed_unit_is_refused(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    script = _write_set(tmp_path, texts)
    codes = tmp_path / "codes.jsonl"
    lines = codes.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    first["key"] = script.unit_key("Trust grew slowly.")
    codes.write_text("\n".join([json.dumps(first), *lines[1:]]) + "\n", encoding="utf-8")
    sources = script.read_sources(tmp_path / "sources.jsonl")
    with pytest.raises(SystemExit, match=r"r01 unit 1: not the unit that was coded"):
        script.coded_units(sources, codes, texts, tmp_path / "out")


def test_a_missing_text_is_named(tmp_path):
    texts = tmp_path / "texts"
    texts.mkdir()
    script = _write_set(tmp_path, texts)
    (texts / "r02.txt").unlink()
    sources = script.read_sources(tmp_path / "sources.jsonl")
    with pytest.raises(SystemExit, match=r"r02\.txt: missing \(the text of https://example\.org/b\)"):
        script.coded_units(sources, tmp_path / "codes.jsonl", texts, tmp_path / "out")


def test_a_bad_source_line_is_reported_with_its_line(tmp_path):
    path = tmp_path / "sources.jsonl"
    path.write_text('{"doc": "r01", "kind": "essay", "part": "dev", "url": "u", "sha256": "x"}\n'
                    '{"doc": "r02", "kind": "letter", "part": "dev", "url": "u", "sha256": "x"}\n', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"sources\.jsonl:2: needs a 'part'"):
        _script().read_sources(path)


def test_the_shipped_codes_cover_every_source():
    """The set in the repository: every source has its units coded, and its
    parts are those the README describes (51 texts to read, 90 held out)."""
    script = _script()
    sources = script.read_sources(script.FOLDER / "sources.jsonl")
    coded = {r["doc"] for r in script.read_jsonl(script.FOLDER / "codes.jsonl")}
    assert coded == {s.doc for s in sources}
    assert [sum(s.part == p for s in sources) for p in script.PARTS] == [51, 90]


def test_the_target_prevalence_is_the_dev_part_s():
    """The shares at which `analyser train` chooses thresholds
    (analyser/data/prevalence.toml) are those of the `dev` part's essays and
    reflective accounts, to the fourth decimal: the cut applies to those,
    meetings having a floor of their own. Neither minutes nor the held-out
    part plays a part in them."""
    from analyser.thresholds import read_prevalence

    script = _script()
    dev = {s.doc for s in script.read_sources(script.FOLDER / "sources.jsonl")
           if s.part == "dev" and s.kind in ("essay", "reflective")}
    units = [r for r in script.read_jsonl(script.FOLDER / "codes.jsonl") if r["doc"] in dev]
    prevalence = read_prevalence()
    assert f"{len(dev)} texts, {len(units)} units" in prevalence.source
    for concept, share in prevalence.shares.items():
        assert share == round(sum(concept in r["codes"] for r in units) / len(units), 4), concept


def test_batches_select_their_sources_per_part(tmp_path):
    script = _script()
    source = {"kind": "transcript", "url": "https://example.org/m", "sha256": "0" * 64}
    rows = [{"doc": "q01", "part": "dev", "batch": 1}, {"doc": "q02", "part": "heldout", "batch": 1},
            {"doc": "q03", "part": "heldout", "batch": 2}, {"doc": "q04", "part": "heldout", "batch": 3}]
    (tmp_path / "sources.jsonl").write_text("".join(json.dumps({**source, **r}) + "\n" for r in rows), "utf-8")
    sources = script.read_sources(tmp_path / "sources.jsonl")
    chosen = script.select(sources, script.PARTS, [2, 3])
    assert [(part, [s.doc for s in group]) for part, group in chosen] == [("heldout", ["q03", "q04"])]
    everything = script.select(sources, script.PARTS)
    assert [(part, [s.doc for s in group]) for part, group in everything] == [
        ("dev", ["q01"]), ("heldout", ["q02", "q03", "q04"])]
    with pytest.raises(SystemExit, match=r"no source of batch 7 \(the set's batches: \[1, 2, 3\]\)"):
        script.select(sources, script.PARTS, [7])
