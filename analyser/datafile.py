"""Shared loading for the TOML data files (lexicon, profile): parse errors and
semantic problems are reported as 'file:line: what is wrong'."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from analyser.errors import DataFileError, printable

_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


class TomlFile:
    """A parsed TOML file that remembers its lines, so a problem found in the
    parsed data can be traced back to the line that caused it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            raw = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise DataFileError(str(path), [f"{path}: no such file"]) from None
        except UnicodeDecodeError as exc:
            problem = f"{path}: is not UTF-8 text (byte {exc.start:,} cannot be decoded); save it as UTF-8"
            raise DataFileError(str(path), [problem]) from None
        except OSError as exc:
            raise DataFileError(str(path), [f"{path}: cannot be read ({exc.strerror or exc})"]) from None
        try:
            self.data: dict[str, Any] = tomllib.loads(raw)
        except tomllib.TOMLDecodeError as exc:
            match = _TOML_POSITION.search(str(exc))
            line = match.group(1) if match else "1"
            reason = _TOML_POSITION.sub("", str(exc)).strip()
            raise DataFileError(str(path), [f"{path}:{line}: TOML syntax error: {reason}"]) from None
        self.lines = raw.splitlines()
        self.problems: list[str] = []

    def line_of(self, needle: str, after: int = 0, also: str = "") -> int:
        """1-based number of the first line at or after `after` containing
        `needle` (and `also`, if given); falls back to the first such line
        anywhere, then to line 1."""
        for number in range(max(after, 1), len(self.lines) + 1):
            line = self.lines[number - 1]
            if needle in line and also in line:
                return number
        for number, line in enumerate(self.lines, start=1):
            if needle in line and also in line:
                return number
        return 1

    def problem(self, line: int, message: str) -> None:
        # printable: keys and values come from the file and are printed to a terminal
        self.problems.append(printable(f"{self.path}:{line}: {message}"))

    def check_keys(self, table: dict[str, Any], allowed: set[str], where: str, line: int) -> None:
        for key in table:
            if key not in allowed:
                self.problem(
                    self.line_of(key, line),
                    f"unknown key '{key}' in {where} (expected one of: {', '.join(sorted(allowed))})",
                )

    def array_of_tables(self, raw: Any, header: str, what: str, keys: set[str],
                        where: str = "") -> Iterator[tuple[dict[str, Any], int]]:
        """Each table of the array `[[header]]` with the line after its header,
        its keys checked against `keys` (as in `where`, default "a {what}").
        A value that is not a list of tables is reported with its line and
        skipped, so a bad entry never stops the rest being read."""
        if not isinstance(raw, list):
            key = header.rsplit(".", 1)[-1]
            self.problem(self.line_of(key), f"'{key}' must be a list of tables: [[{header}]]")
            return
        cursor = 1
        for table in raw:
            cursor = self.line_of(f"[[{header}]]", cursor) + 1
            if not isinstance(table, dict):
                self.problem(cursor, f"each {what} must be a table: [[{header}]]")
                continue
            self.check_keys(table, keys, where or f"a {what}", cursor)
            yield table, cursor

    def read_word_lists(self, keys: Sequence[str]) -> dict[str, list[str]]:
        """A file of top-level word lists (cue words, name rules): exactly
        `keys`, each a non-empty list of words or phrases; raises
        DataFileError naming every bad line."""
        self.check_keys(self.data, set(keys), "the file", 1)
        for key in keys:
            value = self.data.get(key)
            if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
                self.problem(self.line_of(key), f"'{key}' must be a list of words or phrases")
        self.raise_if_problems()
        return {key: list(self.data[key]) for key in keys}

    def read_numbers(self, table: dict[str, Any], defaults: Any, where: str, line: int,
                     is_share: Callable[[str], bool]) -> dict[str, Any]:
        """The values of a table of thresholds whose defaults are the dataclass
        instance `defaults`: each a non-negative number of its default's type,
        at most 1 where `is_share(name)`. Unknown keys and bad values become
        problems and are left out, so the default stands."""
        known = {f.name for f in fields(defaults)}
        self.check_keys(table, known, where, line)
        values = {}
        for name, value in table.items():
            if name not in known:
                continue
            expected = type(getattr(defaults, name))
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                self.problem(self.line_of(name, line), f"threshold '{name}' must be a non-negative number")
            elif expected is float and is_share(name) and value > 1:
                self.problem(self.line_of(name, line), f"threshold '{name}' is a share between 0 and 1")
            else:
                values[name] = expected(value)
        return values

    def require_str(self, table: dict[str, Any], key: str, where: str, line: int) -> str:
        value = table.get(key)
        if not isinstance(value, str) or not value.strip():
            self.problem(line, f"{where} needs a non-empty text value for '{key}'")
            return ""
        return value

    def raise_if_problems(self) -> None:
        if self.problems:
            raise DataFileError(str(self.path), self.problems)
