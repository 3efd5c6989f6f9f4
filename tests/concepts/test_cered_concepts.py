"""scripts/cered_concepts.py: the sentence read in its window of the diary,
the counts behind precision and recall, and its errors on bad input."""

from __future__ import annotations

import pytest
from script_loader import load_script


def _script():
    return load_script("cered_concepts")


CONTEXT = "We sat down. I was nervous at first. The mentor trusted me! Then I calmed down. It went well."


@pytest.mark.parametrize("sentence, text, start", [
    # as in the window: two sentences each side, the span on the sentence
    ("The mentor trusted me!", CONTEXT, 37),
    # translated a little differently: read as itself, where the closest sentence was
    ("The mentor really trusted me.",
     "We sat down. I was nervous at first. The mentor really trusted me. Then I calmed down. It went well.", 37),
    # the window's first sentence: nothing before it
    ("We sat down.", "We sat down. I was nervous at first. The mentor trusted me!", 0),
])
def test_window(sentence, text, start):
    at = _script().window(sentence, CONTEXT)
    assert (at.text, at.start, at.end) == (text, start, start + len(sentence))
    assert at.text[at.start:at.end] == sentence


def test_tally_counts_sentences_per_concept():
    script = _script()
    tally = script.Tally()
    concepts = ["trust", "power"]
    tally.add(concepts, {"trust"}, {"trust", "power"})  # trust right, power extra
    tally.add(concepts, {"power"}, set())  # power missed
    tally.add(concepts, set(), set())  # nothing either way
    tally.add(concepts, {"trust"}, {"trust"})
    assert tally.scores("trust") == (1.0, 1.0, 1.0)
    assert tally.scores("power") == (0.0, 0.0, 0.0)
    precision, recall, f1 = tally.scores()  # micro: tp 2, fp 1, fn 1
    assert (precision, recall) == (2 / 3, 2 / 3)
    assert f1 == pytest.approx(2 / 3)


def test_tally_interval_resamples_sentences():
    script = _script()
    tally = script.Tally()
    for _ in range(20):
        tally.add(["trust"], {"trust"}, {"trust"})
    assert (tally.interval().low, tally.interval().high) == (1.0, 1.0)  # every sentence right: nothing to vary
    for _ in range(20):
        tally.add(["trust"], {"trust"}, set())
    low, high = tally.interval().low, tally.interval().high
    assert 0.5 < low < 2 / 3 < high < 0.8  # half found: F1 2/3, and 40 sentences leave it that uncertain


def test_a_bad_codes_line_names_file_and_line(tmp_path):
    codes = tmp_path / "codes.jsonl"
    codes.write_text('{"id": "val-1", "part": "dev", "codes": {}}\n{"id": "val-2", "part": "test", "codes": {}}\n')
    with pytest.raises(SystemExit, match=r"codes.jsonl:2: needs"):
        _script().read_codes(codes)


def test_the_script_says_which_file_is_missing(tmp_path, capsys):
    (tmp_path / "train.tsv").write_text("idx\tcontext\tsentence\ty\tconfidence\ty_requires_context\n")
    assert _script().main(["--data", str(tmp_path)]) == 1
    assert "val.tsv" in capsys.readouterr().err


HEADER = "idx\tcontext\tsentence\ty\tconfidence\ty_requires_context\n"


def _cered(tmp_path):
    """A CEReD folder of five sentences and codes putting one in each part."""
    data = tmp_path / "cered"
    data.mkdir()
    (data / "train.tsv").write_text(HEADER + "1\t\tMy mentor let me teach alone.\tExperience\t[5]\t\n"
                                    "2\t\tI doubted I was a real teacher.\tFeeling\t[5]\t\n"
                                    "3\t\tThe class was ruled by one boy.\tExperience\t[4]\t\n"
                                    "4\t\tWe planned the week.\tExperience\t[4]\t\n", encoding="utf-8")
    (data / "val.tsv").write_text(HEADER + "7\t\tThe head decided everything.\tOther\t[4]\t\n", encoding="utf-8")
    (data / "test.tsv").write_text(HEADER, encoding="utf-8")
    codes = tmp_path / "codes.jsonl"
    codes.write_text('{"id": "train-1", "part": "dev", "codes": {"trust": "present"}}\n'
                     '{"id": "train-2", "part": "train", "codes": {"identity_threat": "present"}}\n'
                     '{"id": "train-3", "part": "dev2", "codes": {"power": "present"}}\n'
                     '{"id": "val-7", "part": "heldout", "codes": {"power": "present"}}\n'
                     '{"id": "train-4", "part": "heldout2", "codes": {}}\n', encoding="utf-8")
    return data, codes


@pytest.mark.parametrize("parts, ids", [
    ([], ["cered-train-1", "cered-train-2", "cered-train-3"]),  # default: dev, train and dev2, never a held-out part
    (["--part", "train"], ["cered-train-2"]),
])
def test_export_writes_the_trainable_parts_as_coded_sentences(tmp_path, parts, ids):
    import json

    data, codes = _cered(tmp_path)
    out = tmp_path / "cered.jsonl"
    assert _script().main(["--data", str(data), "--codes", str(codes), "--export", str(out), *parts]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == ids
    second = next(r for r in records if r["id"] == "cered-train-2")
    assert second["text"] == "I doubted I was a real teacher."
    assert second["codes"] == {"identity_threat": "present"}


@pytest.mark.parametrize("part", ["heldout", "heldout2"])
def test_export_refuses_the_parts_the_model_never_sees(tmp_path, part):
    data, codes = _cered(tmp_path)
    out = tmp_path / "cered.jsonl"
    with pytest.raises(SystemExit, match=f"part {part} is never trained on"):
        _script().main(["--data", str(data), "--codes", str(codes), "--export", str(out), "--part", part])
    assert not out.exists()


# coding/<sample>_first.jsonl, _second.jsonl and _adjudication.jsonl, and the parts each sample became
SAMPLES = {"train": {"train"}, "train2": {"dev2", "heldout2"}}


def test_each_sample_is_its_readers_agreed_or_decided_codes():
    """Every sentence of the samples coded since the eleventh round was coded
    by two readers; its code is theirs where they agree and the third reader's
    where they differ, and the third reader decided exactly the sentences they
    differed on."""
    import json

    folder = _script().DEFAULT_CODES.parent

    def read(name):
        lines = (folder / "coding" / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        return {r["id"]: r["codes"] for r in map(json.loads, lines)}

    coded = _script().read_codes(_script().DEFAULT_CODES)
    codes = {r.id: r.codes for r in coded}
    for sample, parts in SAMPLES.items():
        first, second, decided = (read(f"{sample}_{who}") for who in ("first", "second", "adjudication"))
        assert set(first) == set(second) == {r.id for r in coded if r.part in parts}
        assert set(decided) == {i for i in first if first[i] != second[i]}
        assert all(codes[i] == decided.get(i, first[i]) for i in first)
