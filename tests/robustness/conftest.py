"""Helpers for the robustness tests: run the CLI in-process and read what it
printed, with stdout and stderr apart (an error must be one line on stderr)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyser.cli import main


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    exception: BaseException | None

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


@pytest.fixture
def run_cli() -> Callable[..., Run]:
    """`run_cli("analyse", path, ...)`: the CLI's exit code, stdout and stderr.
    A traceback would show as an exception other than SystemExit."""

    def run(*args: str | Path, stdin: bytes | None = None) -> Run:
        result = CliRunner().invoke(main, [str(a) for a in args], input=stdin, catch_exceptions=True)
        exception = result.exception if not isinstance(result.exception, SystemExit) else None
        return Run(result.exit_code, result.stdout, result.stderr, exception)

    return run
