"""Progress of a batch run on the terminal, or one plain line per document
anywhere else (a log, a pipe, CI)."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from typing import Any

from analyser.errors import printable


class ProgressPrinter:
    """Progress of a batch run. On a terminal: one line redrawn in place with
    a bar, the count, the percentage and the time left. Anywhere else (a log,
    a pipe, CI): one plain line per finished document."""

    BAR = 24

    def __init__(self, total: int, stream: Any, *, terminal: bool | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total = total
        self.stream = stream
        self.terminal = stream.isatty() if terminal is None else terminal
        self.clock = clock
        self.started = clock()
        self.drawn = False

    def __call__(self, done: int, total: int, row: dict[str, Any]) -> None:
        name = printable(str(row["document"]))  # a file name must not rewrite the terminal
        status = "failed" if row.get("error") else "ok"
        if not self.terminal:
            self.stream.write(f"[{done}/{total}] {status} {name}\n")
            self.stream.flush()
            return
        elapsed = self.clock() - self.started
        left = elapsed / done * (total - done) if done else 0.0
        filled = round(self.BAR * done / total) if total else self.BAR
        line = (f"{'#' * filled}{'.' * (self.BAR - filled)} {done}/{total} "
                f"{round(100 * done / total) if total else 100:3d}%  ETA {_clock_time(left)}  {name}")
        width = max(20, _terminal_width() - 1)
        self.stream.write("\r" + line[:width].ljust(width))
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.terminal and self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def _clock_time(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    return f"{minutes // 60}:{minutes % 60:02d}:{secs:02d}" if minutes >= 60 else f"{minutes}:{secs:02d}"


def _terminal_width() -> int:
    return shutil.get_terminal_size((80, 24)).columns
