"""The tool's own errors. Every library error that a user's input can cause is
turned into one of these, so the CLI prints one line and never a traceback."""

from __future__ import annotations


class AnalyserError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(AnalyserError):
    """A document cannot be read: missing, unsupported, malformed, empty, too big."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{path}: {problem}")


class DataFileError(AnalyserError):
    """A lexicon, profile or annotation file is invalid. Carries every problem found,
    each as 'file:line: what is wrong'."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(problems))
