"""A time and memory budget per document.

    with within_budget(Budget(seconds=30, memory_mb=1024)):
        analysis = analyser.analyse_file(path)

Why: every stage is meant to be linear in its input, but the parsers we call
(pypdf, lxml, odfpy, spaCy) are third-party code, and a tutor's batch must
not wait minutes or swap because one file found a slow path in one of them.
A document over its budget is reported like any bad file
("took longer than 30 s (--timeout); skipped") and the batch goes on.

How, and where it stops short:

- time: an interval timer raises `OverBudget` in the main thread when the
  budget is spent. Python runs the handler when control comes back to
  Python code, so a single long call inside C (one regular expression, one
  lxml parse) finishes first. Batch workers are also watched by the parent,
  which kills a worker still busy `KILL_GRACE` seconds after its budget
  (see batch.py) and starts a new one;
- memory: the soft address-space limit (RLIMIT_AS) is set to what the
  process maps now plus the budget, so an allocation past it fails with
  MemoryError, turned into `OverBudget`. The previous limits are restored on
  exit, so `analyse` run inside another program (or a test) leaves it as it
  was. Where RLIMIT_AS is missing (Windows, macOS ignores it) only the time
  limit holds.
"""

from __future__ import annotations

import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

DEFAULT_SECONDS = 30.0
DEFAULT_MEMORY_MB = 1024
KILL_GRACE = 10.0  # seconds a batch worker may run past its budget before the parent kills it


class OverBudget(BaseException):
    """A document took longer, or needed more memory, than its budget.

    A BaseException, as KeyboardInterrupt is: the timer can fire inside any
    library, and the `except Exception` with which every reader turns a
    library's errors into one line must not swallow it."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__(problem)


@dataclass(frozen=True)
class Budget:
    """The limits for one document; None switches a limit off."""

    seconds: float | None = DEFAULT_SECONDS
    memory_mb: int | None = DEFAULT_MEMORY_MB

    def time_message(self) -> str:
        return f"took longer than {_seconds(self.seconds or 0)} s (--timeout); skipped"

    def memory_message(self) -> str:
        return f"needed more than {self.memory_mb:,} MB of memory (--max-memory); skipped"


def _seconds(value: float) -> str:
    return f"{value:g}"


def _mapped_bytes() -> int:
    """What the process maps now (VmSize), or 0 where /proc is missing."""
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return 0


@contextmanager
def within_budget(budget: Budget) -> Iterator[None]:
    """Run the block under `budget`; raise OverBudget when it is spent."""
    timer = budget.seconds is not None and threading.current_thread() is threading.main_thread()
    previous_handler = None
    expired: list[bool] = []  # set by the handler: its exception can be lost (below)
    if timer:
        def expire(signum, frame):  # noqa: ARG001 - the signal handler's signature
            expired.append(True)
            raise OverBudget(budget.time_message())

        previous_handler = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, float(budget.seconds))  # type: ignore[arg-type]
    limits = None
    mapped = _mapped_bytes()
    if budget.memory_mb is not None and mapped:
        limits = resource.getrlimit(resource.RLIMIT_AS)
        wanted = mapped + budget.memory_mb * 1024 * 1024
        hard = limits[1]
        if hard == resource.RLIM_INFINITY or wanted <= hard:
            resource.setrlimit(resource.RLIMIT_AS, (wanted, hard))
        else:
            limits = None
    try:
        yield
    except MemoryError:
        raise OverBudget(budget.memory_message()) from None
    except Exception:
        # The timer's exception became another one: a library wrapped it
        # (a parser's callback) and a reader turned that into its own error.
        if expired:
            raise OverBudget(budget.time_message()) from None
        raise
    finally:  # the timer first: it must not fire once the block is done
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous_handler)
        if limits is not None:
            resource.setrlimit(resource.RLIMIT_AS, limits)
    # The handler ran but its exception was lost: raised inside a __del__, a
    # garbage-collector callback or a bare `except:` in a library, where
    # Python prints or drops it. The document still took too long.
    if expired:
        raise OverBudget(budget.time_message())
