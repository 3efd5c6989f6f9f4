"""TomlFile.array_of_tables: each [[table]] with its line; anything else a
problem naming the file and line, and the rest still read."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyser.datafile import TomlFile


@pytest.mark.parametrize("toml, read, problems", [
    ('[[things]]\nname = "a"\n\n[[things]]\nname = "b"\n', [("a", 2), ("b", 5)], []),
    ('[[things]]\nname = "a"\ncolour = "red"\n', [("a", 2)],
     ["3: unknown key 'colour' in a thing (expected one of: name)"]),
    ('things = 3\n', [], ["1: 'things' must be a list of tables: [[things]]"]),
    ('things = [1, {name = "a"}]\n', [("a", 2)], ["2: each thing must be a table: [[things]]"]),
])
def test_array_of_tables(tmp_path: Path, toml: str, read: list[tuple[str, int]], problems: list[str]):
    path = tmp_path / "data.toml"
    path.write_text(toml, encoding="utf-8")
    file = TomlFile(path)
    found = [(table["name"], line) for table, line in file.array_of_tables(file.data["things"], "things", "thing",
                                                                          {"name"})]
    assert found == read
    assert file.problems == [f"{path}:{p}" for p in problems]
