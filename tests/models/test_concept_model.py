"""The concept model: trained from coded files through the command line, a
round trip through the suggestion stage, refused when tampered or foreign,
off with --no-model, evaluated without splitting documents, and asked which
sentences to code next."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from analyser.cli import main
from analyser.features import extra_features, model_inputs, span_texts
from analyser.ingest import ingest_text
from analyser.model import Analysis
from analyser.pipeline import Analyser, Settings
from analyser.resources import default_profile_path
from analyser.suggestions import Uncertain, least_sure, score_spans
from analyser.textmodel import load_model
from analyser.training import PerConceptLogistic, grouped_folds

CONCEPTS = ("identity_threat", "trust", "vision", "power")
# (text, codes) written for these tests: enough of each concept for a fit
CODED = [
    ("The council decided everything and we were told afterwards.", {"power": "present"}),
    ("Only the funder had a say over the budget.", {"power": "present"}),
    ("The chair controlled the agenda and nobody challenged her.", {"power": "present"}),
    ("Small charities depended on the council's money.", {"power": "present"}),
    ("We could be open about our mistakes without blame.", {"trust": "present"}),
    ("Partners relied on each other to share information.", {"trust": "present"}),
    ("Staff felt safe to admit errors in the meeting.", {"trust": "present"}),
    ("Nobody believed the hospital would keep its word.", {"trust": "absent"}),
    ("The group agreed what it was for and wrote it down.", {"vision": "present"}),
    ("Everyone could see the bigger picture of the project.", {"vision": "present"}),
    ("We set out the outcomes the partnership should deliver.", {"vision": "present"}),
    ("Each agency pulled in a different direction.", {"vision": "absent"}),
    ("She began to doubt whether her training still counted.", {"identity_threat": "present"}),
    ("The nurses took over work the social workers used to do.", {"identity_threat": "present"}),
    ("He was no longer sure what his role was in the new team.", {"identity_threat": "present"}),
    ("I withdrew from colleagues and kept to my own profession.", {"identity_threat": "present"}),
    ("The meeting started at ten in the small room.", {}),
    ("Minutes were circulated on Friday.", {}),
    ("Coffee was provided by the hosts.", {}),
    ("The next session is in March.", {}),
]


def write_csv(path: Path, rows=CODED) -> Path:
    lines = ["text," + ",".join(CONCEPTS)]
    for text, codes in rows:
        lines.append(f'"{text}",' + ",".join(codes.get(c, "") for c in CONCEPTS))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_document_set(folder: Path) -> Path:
    """Two coded documents in folder/docs and their units in folder/docs.jsonl."""
    (folder / "docs").mkdir(parents=True)
    records = []
    for number, chunk in enumerate((CODED[:10], CODED[10:])):
        doc = f"d{number}"
        text = " ".join(t for t, _ in chunk)
        (folder / "docs" / f"{doc}.txt").write_text(text + "\n", encoding="utf-8")
        for unit, (sentence, codes) in enumerate(chunk):
            start = text.index(sentence)
            records.append({"id": f"{doc}#{unit}", "doc": doc, "unit": unit, "start": start,
                            "end": start + len(sentence), "text": sentence, "codes": codes})
    path = folder / "docs.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    """A model trained on the CSV through the command line."""
    folder = tmp_path_factory.mktemp("model")
    result = CliRunner().invoke(main, ["train", str(write_csv(folder / "coded.csv")), "--out", str(folder / "out")])
    assert result.exit_code == 0, result.output
    return folder / "out" / "concepts.model.json"


def test_train_on_a_csv_writes_the_model_and_its_card(trained):
    model = load_model(trained)
    assert model.labels == list(CONCEPTS)
    assert model.card["counts"]["power"] == {"present": 4, "absent": 0}
    assert model.card["counts"]["trust"] == {"present": 3, "absent": 1}
    card = (trained.parent / "concepts.model.md").read_text(encoding="utf-8")
    assert model.card["trained_on"]["sha256"] in card and "scikit-learn" in card
    assert all(f"| {c} |" in card for c in CONCEPTS)


def test_training_twice_gives_the_same_bytes(trained, tmp_path):
    result = CliRunner().invoke(main, ["train", str(write_csv(tmp_path / "coded.csv")), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "concepts.model.json").read_bytes() == trained.read_bytes()


def test_train_on_a_jsonl_document_set(tmp_path):
    coded = write_document_set(tmp_path / "set")
    result = CliRunner().invoke(main, ["train", str(coded), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    model = load_model(tmp_path / "out" / "concepts.model.json")
    assert model.card["documents"] == 2 and model.card["units"] == len(CODED)
    assert set(model.card["trained_on"]["files"]) == {"docs.jsonl", "docs/d0.txt", "docs/d1.txt"}


@pytest.mark.parametrize("content, expected", [
    ('text,trust\n"Fine.",present\n"Odd.",maybe\n', ":3: code for 'trust' must be present or absent"),
    ('words,trust\n"Fine.",present\n', ":1: needs a 'text' column"),
    ('text,honesty\n"Fine.",present\n', ":1: unknown column(s) honesty"),
])
def test_train_names_the_line_of_a_bad_csv(tmp_path, content, expected):
    bad = tmp_path / "bad.csv"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(main, ["train", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1 and result.output.startswith(f"error: {bad}{expected}")
    assert not (tmp_path / "out").exists()


def test_train_names_the_line_of_bad_jsonl(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "Fine.", "codes": {}}\n{"text": "Broken", \n', encoding="utf-8")
    result = CliRunner().invoke(main, ["train", str(bad), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {bad}:2: not valid JSON")


def test_a_unit_that_is_not_the_document_text_at_its_offsets_is_refused(tmp_path):
    coded = write_document_set(tmp_path / "set")
    lines = coded.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[1])
    record["end"] += 3
    lines[1] = json.dumps(record)
    coded.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["train", str(coded), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1 and f"{coded}:2: 'text' is not the text at" in result.output


TEXT = "Minutes were circulated on Friday. Nobody trusted the council."


def test_model_file_round_trip_through_the_stage(trained):
    # threshold 0: every concept the lexicon did not find is suggested, so the
    # expected mentions follow from the text alone, not from learned weights
    analyser = Analyser(Settings(model_path=str(trained), threshold=0.0)).load()
    analysis = analyser.analyse_document(ingest_text(TEXT, "<t>"))
    lexicon = [(m.concept, m.sentence) for m in analysis.mentions if m.origin == "lexicon"]
    assert lexicon == [("trust", 1)]
    model = [(m.concept, m.start, m.end, m.sentence) for m in analysis.mentions if m.origin == "model"]
    assert model == [(c, 0, 34, 0) for c in CONCEPTS] + [(c, 35, 62, 1) for c in CONCEPTS if c != "trust"]
    for mention in analysis.mentions[1:]:
        assert mention.text == TEXT[mention.start : mention.end]
        assert 0.0 <= mention.score <= 1.0 and len(mention.evidence) <= 3
        assert all(e.weight > 0 for e in mention.evidence)  # only features that pushed towards the concept
    assert any(m.evidence for m in analysis.mentions[1:])
    again = Analysis.from_dict(json.loads(json.dumps(analysis.to_dict())))
    assert again.mentions == analysis.mentions


def test_the_fast_features_are_scikit_learns(trained):
    analyser = Analyser(Settings(model_path=str(trained))).load()
    reading = analyser.lexicon_pass(ingest_text("The council decided (Smith, 2020). " + TEXT, "<t>"))
    spans = [(s.start, s.end) for s in reading.parsed.sentences]
    scores = score_spans(analyser.suggester_, reading.parsed, reading.mentions, reading.not_coded, spans)
    texts = span_texts(scores.table, scores.rows, len(spans), analyser.nlp_.vocab.strings)
    assert texts[0] == "the council decide"  # lemmas; the citation is not read
    extra = extra_features(scores.table, scores.rows, len(spans), spans, reading.mentions, analyser.suggester_.concepts)
    expected = analyser.suggester_.model.transform(model_inputs(texts), extra)
    assert abs(scores.features.csr() - expected).max() < 1e-12
    assert np.allclose(scores.features.decision, analyser.suggester_.model.decision(expected))


def test_a_suggestion_is_absent_when_a_negation_governs_its_strongest_word(trained):
    analyser = Analyser(Settings(model_path=str(trained), threshold=0.0)).load()
    analysis = analyser.analyse_document(ingest_text("The council never decided anything.", "<t>"))
    power = [m for m in analysis.mentions if m.concept == "power"]
    assert power and power[0].origin == "model"
    assert power[0].polarity == ("absent" if power[0].polarity_cue else "present")


def edited(path: Path, tmp_path: Path) -> Path:
    data = json.loads(path.read_text(encoding="utf-8"))
    data["model"]["thresholds"]["trust"] = 0.01
    target = tmp_path / "edited.model.json"
    target.write_text(json.dumps(data), encoding="utf-8")
    return target


@pytest.mark.parametrize("make, message", [
    (lambda path, tmp: edited(path, tmp), "checksum mismatch"),
    (lambda path, tmp: (tmp / "foreign.json").write_text('{"vocabulary": []}') and tmp / "foreign.json",
     "not an analyser model file"),
    (lambda path, tmp: (tmp / "cut.json").write_bytes(path.read_bytes()[:1000]) and tmp / "cut.json",
     "not valid JSON"),
    (lambda path, tmp: tmp / "missing.json", "no model file here"),
])
def test_analyse_refuses_a_tampered_or_foreign_model_in_one_line(trained, tmp_path, make, message):
    model = make(trained, tmp_path)
    source = tmp_path / "a.txt"
    source.write_text(TEXT + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["analyse", str(source), "--model", str(model), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1
    assert result.output.startswith(f"error: {model}: ") and message in result.output


SAMPLE = Path(__file__).parents[2] / "corpus" / "samples" / "essay_jasmine_integration.docx"


def test_no_model_gives_exactly_the_lexicon_only_output(tmp_path):
    profile = tmp_path / "profile.toml"
    text = default_profile_path().read_text(encoding="utf-8")
    assert 'model = "concepts.model.json"' in text
    lexicon = default_profile_path().parent / "lexicon.toml"
    profile.write_text(text.replace('model = "concepts.model.json"', 'model = ""')
                       .replace('lexicon = "lexicon.toml"', f'lexicon = "{lexicon}"'), encoding="utf-8")
    runs = {}
    for name, options in {"no-model": ["--no-model"], "no model in profile": ["--profile", str(profile)],
                          "model": []}.items():
        result = CliRunner().invoke(main, ["analyse", str(SAMPLE), "--format", "json", "--out", "-", *options])
        assert result.exit_code == 0, result.output
        runs[name] = json.loads(result.output)
    runs["no model in profile"]["profile"]["name"] = runs["no-model"]["profile"]["name"]
    assert runs["no-model"] == runs["no model in profile"]
    assert all(m["origin"] == "lexicon" for m in runs["no-model"]["mentions"])
    with_model = runs["model"]["mentions"]
    assert [m for m in with_model if m["origin"] == "lexicon"] == runs["no-model"]["mentions"]
    assert any(m["origin"] == "model" for m in with_model)


def test_nb_scaling_gives_no_weight_to_a_feature_as_common_in_both_classes():
    # column 0 only in the concept's units, column 3 only in the others; column 1 in every unit,
    # column 2 in half of each class: the last two say nothing about the concept
    y = np.array([1, 1, 1, 1, 0, 0, 0, 0])
    X = np.array([[1, 1, 1, 0], [1, 1, 0, 0], [1, 1, 1, 0], [1, 1, 0, 0],
                  [0, 1, 1, 1], [0, 1, 0, 1], [0, 1, 1, 1], [0, 1, 0, 1]], float)
    scaled = PerConceptLogistic(nb_power=0.5).fit(X, y[:, None])
    plain = PerConceptLogistic().fit(X, y[:, None])
    assert scaled.coef_[0, 1] == 0.0 and scaled.coef_[0, 2] == 0.0
    assert scaled.coef_[0, 0] > 0 > scaled.coef_[0, 3]
    assert plain.coef_[0, 1] != 0.0  # without the scaling the regression does weigh it
    assert (scaled.decision_function(X)[:, 0] > 0).tolist() == (y == 1).tolist()


def test_grouped_folds_never_split_a_document():
    groups = np.array([f"doc:{i % 7}" for i in range(60)] + [f"s{i}" for i in range(13)])
    folds = grouped_folds(groups, 5)
    assert len(folds) == 5
    seen: dict[str, int] = {}
    for number, (train, test) in enumerate(folds):
        assert not set(groups[train]) & set(groups[test])
        for group in set(groups[test].tolist()):
            assert group not in seen, f"{group} held out by folds {seen[group]} and {number}"
            seen[group] = number
    assert set(seen) == set(groups.tolist())


def test_evaluate_cross_validation_holds_out_whole_documents(tmp_path):
    coded = write_document_set(tmp_path / "set")
    csv_path = write_csv(tmp_path / "more.csv", CODED[:8])
    result = CliRunner().invoke(main, ["evaluate", str(coded), str(csv_path), "--cv", "--html",
                                       str(tmp_path / "curve.html")])
    assert result.exit_code == 0, result.output
    assert "grouped 5-fold cross-validation" in result.output
    page = (tmp_path / "curve.html").read_text(encoding="utf-8")
    assert "<svg class=\"curve\"" in page and "Content-Security-Policy" in page
    assert "micro F1, 95% interval (documents resampled)" in page


def test_cross_validate_folds_partition_the_documents():
    from analyser.evaluate_documents import cross_validate
    from analyser.training import CodedUnit, Prepared

    n = 40
    rng = np.random.default_rng(0)
    texts = [" ".join(rng.choice(["council", "decide", "trust", "share", "aim", "role"], 5)) for _ in range(n)]
    gold = np.array([[("decide" in t), ("trust" in t), ("aim" in t), ("role" in t)] for t in texts])
    units = [CodedUnit(f"x:{i}", t, {}, f"doc:{i // 4}") for i, t in enumerate(texts)]
    data = Prepared(units, list(CONCEPTS), texts, np.zeros((n, 13)), gold, np.zeros_like(gold),
                    np.array([f"doc:{i // 4}" for i in range(n)]))
    evaluation = cross_validate(data)
    held = [group for fold in evaluation.folds for group in fold]
    assert sorted(held) == sorted(set(data.groups.tolist())) and len(held) == len(set(held))


def test_micro_f1_by_kind_of_text_counts_each_genre_apart():
    from analyser.evaluate_documents import genre_scores
    from analyser.training import CodedUnit, Prepared

    genres = ["essay", "essay", "minutes", None]
    units = [CodedUnit(f"x:{i}", "t", {}, f"doc:{i}", genre=g) for i, g in enumerate(genres)]
    gold = np.array([[1, 0], [0, 1], [1, 1], [0, 0]], dtype=bool)
    lexicon = np.array([[1, 0], [0, 0], [0, 0], [1, 0]], dtype=bool)
    model = np.array([[0, 0], [0, 1], [1, 0], [0, 0]], dtype=bool)
    data = Prepared(units, ["trust", "power"], ["t"] * 4, np.zeros((4, 9)), gold, lexicon, np.arange(4))
    found = {g.part: (g.units, g.micro_f1) for g in genre_scores(data, model)}
    assert found == {
        "essay": (2, {"lexicon": 2 / 3, "model": 2 / 3, "both": 1.0}),  # gold 2; lexicon 1 of them, model the other
        "minutes": (1, {"lexicon": 0.0, "model": 2 / 3, "both": 2 / 3}),  # gold 2; the model finds one
        "other": (1, {"lexicon": 0.0, "model": 1.0, "both": 0.0}),  # nothing coded: the lexicon's call is wrong
    }
    no_genre = [CodedUnit(u.where, u.text, u.codes, u.group) for u in units]
    assert genre_scores(Prepared(no_genre, data.concepts, data.texts, data.extra, gold, lexicon, data.groups),
                        model) == []


def test_micro_f1_by_file_counts_each_file_apart():
    from analyser.evaluate_documents import file_scores
    from analyser.training import CodedUnit, Prepared

    wheres = ["a.jsonl:1", "a.jsonl:2", "diaries.jsonl:7"]
    units = [CodedUnit(w, "t", {}, f"doc:{i}") for i, w in enumerate(wheres)]
    gold = np.array([[1, 0], [0, 1], [1, 1]], dtype=bool)
    lexicon = np.array([[1, 0], [0, 0], [0, 0]], dtype=bool)
    model = np.array([[0, 0], [1, 1], [1, 0]], dtype=bool)
    data = Prepared(units, ["trust", "power"], ["t"] * 3, np.zeros((3, 9)), gold, lexicon, np.arange(3))
    found = {f.part: (f.units, f.micro_f1) for f in file_scores(data, model)}
    assert found == {
        "a.jsonl": (2, {"lexicon": 2 / 3, "model": 2 / 4, "both": 4 / 5}),  # gold 2; the model: 1 right, 1 wrong
        "diaries.jsonl": (1, {"lexicon": 0.0, "model": 2 / 3, "both": 2 / 3}),
    }
    one_file = [CodedUnit("a.jsonl:1", "t", {}, "doc:0")]
    assert file_scores(Prepared(one_file, data.concepts, ["t"], np.zeros((1, 9)), gold[:1], lexicon[:1],
                                np.arange(1)), model[:1]) == []


def test_evaluate_pooled_prints_micro_f1_by_file(trained, tmp_path):
    first, second = write_document_set(tmp_path / "a"), write_document_set(tmp_path / "b")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(first), "--heldout", str(second), "--pooled",
                                       "--model", str(trained)])
    assert result.exit_code == 0, result.output
    pooled = result.output[result.output.index("2 held-out sets pooled"):]
    rows = pooled[pooled.index("micro F1 by file"):].splitlines()[1:3]
    assert [row.split()[0] for row in rows] == [str(first), str(second)]
    assert [row.split()[-1] for row in rows] == ["20", "20"]


def test_evaluate_prints_micro_f1_by_kind_of_text(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    records = [json.loads(line) for line in coded.read_text(encoding="utf-8").splitlines()]
    for record in records:
        record["genre"] = "minutes" if record["doc"] == "d1" else "essay"
    coded.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--model", str(trained)])
    assert result.exit_code == 0, result.output
    table = result.output[result.output.index("micro F1 by kind"):].splitlines()
    assert [line.split()[0] for line in table[1:3]] == ["essay", "minutes"]
    assert [line.split()[-1] for line in table[1:3]] == ["10", "10"]



def test_evaluate_prints_each_systems_interval_around_its_micro_f1(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--model", str(trained)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    micro = next(i for i, line in enumerate(lines) if line.startswith("micro F1 "))
    assert lines[micro + 1].split()[:2] == ["95%", "interval"]
    figures = [float(x) for x in lines[micro].split()[2:5]]
    bounds = [tuple(float(b) for b in cell.split("-")) for cell in lines[micro + 1].split()[2:5]]
    assert all(low <= f <= high for f, (low, high) in zip(figures, bounds, strict=True))
    assert "whole documents resampled 1,000 times" in lines[micro + 1]

def test_least_sure_orders_by_distance_to_the_threshold():
    items = [Uncertain("a.txt", i, 10 * i, 10 * i + 9, f"s{i}", "trust", p, 0.4)
             for i, p in enumerate([0.9, 0.41, 0.05, 0.35, 0.5])]
    assert [u.sentence for u in least_sure(items, 3)] == [1, 3, 4]


def test_suggest_lists_the_least_sure_sentences_first(trained, tmp_path):
    source = tmp_path / "notes.txt"
    source.write_text(" ".join(t for t, _ in CODED[:12]) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", str(source), "--n", "5", "--model", str(trained)])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 5 and all(line.startswith(f"{source}:") for line in lines)
    margins = []
    for line in lines:
        probability, threshold = line.split("\t")[2].replace("(threshold ", "").rstrip(")").split()
        margins.append(abs(float(probability) - float(threshold)))
    assert all(a <= b + 0.001 for a, b in zip(margins, margins[1:])), margins  # printed to 3 decimals


def test_the_shipped_model_loads_with_the_shipped_lexicon():
    analyser = Analyser().load()
    assert analyser.suggester_ is not None and analyser.suggester_.concepts == list(CONCEPTS)
    assert (analyser.suggester_.path.parent / "concepts.model.md").is_file()


def test_evaluate_against_the_same_model_finds_no_difference(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--model", str(trained),
                                       "--against", str(trained)])
    assert result.exit_code == 0, result.output
    name = trained.name
    assert f"model less {name}: +0.000 (95% interval +0.000 to +0.000, the same documents resampled)" in result.output
    assert f"both less {name}: +0.000 (95% interval +0.000 to +0.000" in result.output


def test_evaluate_against_needs_a_model(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--no-model", "--against", str(trained)])
    assert result.exit_code == 2
    assert "--against compares two models" in result.output


# A lexicon of the same four concepts that finds only the word "trust".
TRUST_ONLY_LEXICON = """\
[lexicon]
name = "trust only"
language = "en"
version = "1"
""" + "".join(f"""
[[concepts]]
id = "{concept}"
label = "{concept}"
colour = "#{colour}"
description = "A test concept."
terms = [{{ term = "{term}", source = "codebook" }}]
""" for concept, colour, term in [("identity_threat", "D55E00", "zzidentity"), ("trust", "0072B2", "trust"),
                                  ("vision", "009E73", "zzvision"), ("power", "CC79A7", "zzpower")])


def both_f1(output: str, title: str) -> float:
    """The micro F1 of 'both' in the table of `title`."""
    table = output[output.index(title):]
    line = next(line for line in table.splitlines() if line.startswith("micro F1"))
    return float(line.split()[-1])


def test_evaluate_against_another_lexicon_compares_the_two_systems(trained, tmp_path):
    # At a threshold of 1 the model suggests nothing, so "both" is each
    # system's lexicon alone, and the difference is the two lexicons' F1s.
    coded = write_document_set(tmp_path / "set")
    small = tmp_path / "trust_only.toml"
    small.write_text(TRUST_ONLY_LEXICON, encoding="utf-8")
    base = ["evaluate", "--heldout", str(coded), "--model", str(trained), "--threshold", "1"]
    runner = CliRunner()
    default, only_trust = runner.invoke(main, base), runner.invoke(main, [*base, "--lexicon", str(small)])
    compared = runner.invoke(main, [*base, "--against", str(trained), "--against-lexicon", str(small)])
    assert compared.exit_code == 0, compared.output
    title = "(held out)"
    difference = both_f1(default.output, title) - both_f1(only_trust.output, title)
    assert difference > 0.1  # the default lexicon finds far more of these sentences
    assert f"both less {trained.name}: {difference:+.3f} (95% interval" in compared.output


def test_against_lexicon_that_does_not_load_is_one_line(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    broken = tmp_path / "broken.toml"
    broken.write_text("[lexicon\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--model", str(trained),
                                       "--against", str(trained), "--against-lexicon", str(broken)])
    assert result.exit_code == 1
    assert result.output == f"error: {broken}:1: TOML syntax error: Expected ']' at the end of a table declaration\n"


def test_against_lexicon_with_other_concepts_is_refused(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    reordered = tmp_path / "reordered.toml"
    head, *concepts = TRUST_ONLY_LEXICON.split("\n[[concepts]]")
    reordered.write_text(head + "".join("\n[[concepts]]" + c for c in reversed(concepts)), encoding="utf-8")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--model", str(trained),
                                       "--against", str(trained), "--against-lexicon", str(reordered)])
    assert result.exit_code == 2
    assert "--against-lexicon must code the same concepts, in the same order, as the lexicon evaluated" in \
        result.output


def test_against_lexicon_needs_against(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--model", str(trained),
                                       "--against-lexicon", str(default_profile_path())])
    assert result.exit_code == 2
    assert "--against-lexicon is the lexicon of the --against model" in result.output


def test_evaluate_pools_held_out_sets_keeping_same_named_documents_apart(trained, tmp_path):
    first, second = write_document_set(tmp_path / "a"), write_document_set(tmp_path / "b")  # both name d0, d1
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(first), "--heldout", str(second), "--pooled",
                                       "--model", str(trained)])
    assert result.exit_code == 0, result.output
    headers = [line for line in result.output.splitlines() if line.startswith("Lexicon, model and both")]
    assert headers[-1] == "Lexicon, model and both: 2 held-out sets pooled (40 units, 4 groups)"
    assert len(headers) == 3


def test_pooled_needs_two_held_out_sets(trained, tmp_path):
    coded = write_document_set(tmp_path / "set")
    result = CliRunner().invoke(main, ["evaluate", "--heldout", str(coded), "--pooled", "--model", str(trained)])
    assert result.exit_code == 2
    assert "--pooled scores two or more --heldout sets as one" in result.output
