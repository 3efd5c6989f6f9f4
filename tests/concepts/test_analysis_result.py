"""The analysis result: JSON that validates against the published schema,
keeps the contract's field names, round-trips, and whose spans are exact."""

from __future__ import annotations

import json

import jsonschema
import pytest

from analyser.model import Analysis
from analyser.output import to_json
from analyser.resources import schema_path

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
TEXT = (
    "# Trust in the hub\n\n"
    "Jasmine felt de-skilled and there was no shared vision (Okafor, 2018, p. 4). "
    "The council held the budget, so power was unequal.\n\n"
    "## References\n\n"
    "Okafor, N. (2018) Partnership in practice. London: Southbank Press.\n"
)


@pytest.fixture(scope="module")
def result(analyse):
    return analyse(TEXT, "md")


def test_validates_against_schema(result):
    jsonschema.validate(json.loads(to_json(result.to_dict())), SCHEMA)


def test_contract_field_names(result):
    data = result.to_dict()
    assert {"schema_version", "document", "mentions", "citations", "findings"} <= set(data)
    assert {"source", "text", "sentences", "paragraphs"} <= set(data["document"])
    assert {"concept", "term", "start", "end", "polarity", "origin"} <= set(data["mentions"][0])
    citation_fields = {"start", "end", "text", "authors", "year", "suffix", "pages", "narrative", "via", "problems"}
    assert citation_fields <= set(data["citations"][0])
    assert data["schema_version"] == "1.6"


def test_every_span_is_exact(result):
    text = result.document.text
    for item in [*result.mentions, *result.citations, *result.cases, *result.references]:
        assert text[item.start : item.end] == item.text
    for sentence in result.sentences:
        assert text[sentence.start : sentence.end].strip() == text[sentence.start : sentence.end]
    starts = [s.start for s in result.sentences]
    assert starts == sorted(starts)


def test_round_trip(result):
    data = json.loads(to_json(result.to_dict()))
    assert Analysis.from_dict(data).to_dict() == data


def test_json_is_deterministic(analyse):
    assert to_json(analyse(TEXT, "md").to_dict()) == to_json(analyse(TEXT, "md").to_dict())


def test_findings_point_at_concepts(analyse):
    analysis = analyse("Partners trusted each other.")
    codes = {(f.code, f.concept) for f in analysis.findings}
    assert ("concept.missing", "power") in codes
    assert ("concept.sparse", "trust") in codes
    sparse = next(f for f in analysis.findings if f.code == "concept.sparse")
    assert sparse.message == "Trust is discussed only once, in paragraph 1."
    assert (sparse.start, sparse.end) == (9, 16)
