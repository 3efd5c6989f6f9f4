"""The tool's own errors. Every library error that a user's input can cause is
turned into one of these, so the CLI prints one line and never a traceback.

Messages are printed to a terminal and written to batch logs, and they carry
file names and words chosen by whoever wrote the input. `printable` makes
control characters visible, so a hostile name cannot break the one-line
promise with a newline, recolour or rewrite the terminal with an escape
sequence, or reorder what is shown with a bidirectional override.
"""

from __future__ import annotations

import re

# C0 and C1 controls, DEL, line and paragraph separators, bidi embeddings,
# overrides and isolates, and the Arabic letter mark.
_UNPRINTABLE = re.compile("[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


_SURROGATE = re.compile("[\ud800-\udfff]")


def text_name(name: str) -> str:
    """A file name as valid text. Python keeps the bytes of a name that is not
    UTF-8 as lone surrogates ("\\udce9"), which cannot be written to a report,
    JSON or a log: each is shown as the byte it stands for ("\\xe9")."""
    return _SURROGATE.sub(
        lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}" if "\udc80" <= m.group() <= "\udcff" else "\ufffd", name
    )


def printable(text: str) -> str:
    """`text` with every control character shown as an escape (``\\n``, ``\\x1b``, ``\\u202e``)."""
    return _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class AnalyserError(Exception):
    """Base class: the message is one line a user can act on."""


class InputError(AnalyserError):
    """A document cannot be read: missing, unsupported, malformed, empty, too big.

    `path` and `problem` are kept as given; the message shows the path through
    `printable`."""

    def __init__(self, path: str, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"{printable(path)}: {printable(problem)}")


class DataFileError(AnalyserError):
    """A lexicon, profile or annotation file is invalid. Carries every problem found,
    each as 'file:line: what is wrong' (made printable: keys and values come from the file)."""

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = [printable(p) for p in problems]
        super().__init__("\n".join(self.problems))
