"""Batch runs: analyse every supported document under a folder (or matching a
glob) in parallel, write one report per document, then the class overview
(`index.html`) and `summary.csv`.

    inputs = find_inputs("essays/")
    result = run_batch(inputs, Path("reports"), Settings(), jobs=2)

Why it is built this way:

- Worker processes each load the `Analyser` once and do everything for a
  document themselves (analyse, render, write) under its time and memory
  budget, sending back only a small plain-dict summary row: the parent never
  holds analyses. The parent knows which worker holds which document since
  when, so a worker that dies or hangs costs one document and is replaced.
- One bad file never stops the run: its row carries its one-line error, the
  others complete, and the caller decides the exit status.
- Outputs are deterministic: names come from each file's path relative to the
  input folder (`analyser/inputs.py`), and rows are sorted by it. The same inputs give the same bytes, and a
  rerun replaces every file atomically.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from analyser.annotate import ANNOTATED_SUFFIXES
from analyser.budget import KILL_GRACE, Budget, OverBudget, within_budget
from analyser.errors import AnalyserError, InputError, printable
from analyser.inputs import (
    BatchInput,
    BatchUsageError,
    check_output_folder,
    find_inputs,
    input_root,
    is_skipped,
    output_stems,
)
from analyser.model import Analysis, Submission
from analyser.output import temp_owners, to_json, write_atomic
from analyser.pipeline import Analyser, Settings
from analyser.pseudonyms import FoundName, Pseudonymiser
from analyser.reflection.moves import MOVES
from analyser.worksheet import plain_feedback

__all__ = [
    "BatchInput", "BatchInterrupted", "BatchResult", "BatchUsageError", "WORKER_DIED",
    "analyse_one", "check_output_folder", "find_inputs", "input_root", "is_skipped", "output_stems",
    "remove_stale_temporaries", "run_batch", "summary_csv", "validate_settings", "write_document_outputs",
]

FORMATS = ("html", "json", "all")
INDEX_NAME = "index.html"
OUTPUT_SUFFIXES = (".html", ".json", *ANNOTATED_SUFFIXES.values())  # what a document can have written
CSV_NAME = "summary.csv"

ProgressCallback = Callable[[int, int, dict[str, Any]], None]


@dataclass
class BatchResult:
    rows: list[dict[str, Any]]
    index_path: Path
    csv_path: Path
    seconds: float
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def succeeded(self) -> int:
        return len(self.rows) - len(self.failures)


def write_document_outputs(
    analysis: Analysis, out_dir: Path, stem: str, fmt: str, *, index_href: str | None = None
) -> dict[str, Path]:
    """Write the report and/or the JSON for one analysis, atomically.
    Returns {"html": path, "json": path} for what was written."""
    from analyser.report import render_report

    written = {}
    if fmt in ("html", "all"):
        written["html"] = out_dir / f"{stem}.html"
        write_atomic(written["html"], render_report(analysis, index_href=index_href))
    if fmt in ("json", "all"):
        written["json"] = out_dir / f"{stem}.json"
        write_atomic(written["json"], to_json(analysis.to_dict()))
    return written


# --- worker side -----------------------------------------------------------

_worker_analyser: Analyser | None = None
_worker_settings: Settings | None = None
_worker_pseudonymiser: Pseudonymiser | None = None  # --pseudonymise: the names of the whole run, learned first


def _start_worker(settings: Settings, pseudonymiser: Pseudonymiser | None = None, *, load: bool = True) -> None:
    """Load the pipeline once per worker process (not for a pass that only reads names)."""
    global _worker_analyser, _worker_settings, _worker_pseudonymiser
    _worker_settings = settings
    _worker_pseudonymiser = pseudonymiser
    _worker_analyser = Analyser(settings).load() if load else None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def analyse_one(path: str, name: str, stem: str, out_dir: str, fmt: str, submission: Submission | None = None,
                annotate: str | None = None, *, budget: Budget | None = None) -> dict[str, Any]:
    """Analyse one document and write its outputs, under `budget` (none: no
    limit); always returns a summary row (a failed row carries the one-line
    error instead of counts). `submission` (a VLE download) goes into the
    result and the row; `annotate` (a --show choice) also writes a copy of a
    .docx with the feedback as Word comments (analyser/annotate.py)."""
    from analyser.report import failed_row

    try:
        if budget is None:
            return _analyse_and_write(path, name, stem, out_dir, fmt, submission, annotate)
        with within_budget(budget):
            return _analyse_and_write(path, name, stem, out_dir, fmt, submission, annotate)
    except OverBudget as over:
        return _with_submission(failed_row(name, over.problem), submission)


def _failed(name: str, error: Exception, submission: Submission | None) -> dict[str, Any]:
    """The row of a document that could not be read or analysed, with its one-line error."""
    from analyser.report import failed_row

    problem = (error.problem if isinstance(error, InputError) else str(error) if isinstance(error, AnalyserError)
               else f"internal error ({type(error).__name__}: {error})")
    return _with_submission(failed_row(name, _one_line(problem)), submission)


def _with_submission(row: dict[str, Any], submission: Submission | None) -> dict[str, Any]:
    """The row with who handed the document in (blank keys when nobody is known)."""
    if submission is not None:
        row.update(student=submission.student, identifier=submission.identifier, flag=submission.flag)
    return row


def _analyse_and_write(path: str, name: str, stem: str, out_dir: str, fmt: str,
                       submission: Submission | None = None, annotate: str | None = None) -> dict[str, Any]:
    from analyser.report import failed_row, summary_row

    assert _worker_analyser is not None, "the worker was not initialised"
    try:
        if _worker_pseudonymiser is None:
            analysis = _worker_analyser.analyse_file(path)
        else:
            from analyser.ingest import ingest

            limits = _worker_analyser.settings
            document = _worker_pseudonymiser.replace(ingest(path, limits.max_bytes, limits.max_pages))
            analysis = _worker_analyser.analyse_document(document)
    except MemoryError:
        raise  # within_budget says how much was allowed
    except Exception as error:  # an unreadable file, or a bug: it must not stop the other documents
        return _failed(name, error, submission)
    analysis.document.metadata.source = name
    analysis.document.metadata.submission = submission
    try:
        written = write_document_outputs(analysis, Path(out_dir), stem, fmt, index_href=INDEX_NAME)
    except OSError as error:
        return failed_row(name, _one_line(f"cannot write its report ({error.strerror or error})"))
    report = written.get("html")
    data = written.get("json")
    row = _with_submission(summary_row(
        analysis, document=name, report=report.name if report else None, json=data.name if data else None
    ), submission)
    row["feedback"] = plain_feedback(analysis)  # for the grading worksheet (analyser/worksheet.py)
    if annotate:
        row["annotated"] = _annotated_copy(path, name, analysis, Path(out_dir), stem, annotate)
    return row


def _annotated_copy(path: str, name: str, analysis: Analysis, out_dir: Path, stem: str, show: str) -> str | None:
    """The commented copy's file name, for a .docx (None for other formats,
    or when the copy cannot be written: the report still stands)."""
    from analyser.annotate import SHOW_CHOICES, needs_docx, write_annotated_copy
    from analyser.ingest import read_file

    if (needs_docx(name) or _worker_analyser is None or show not in SHOW_CHOICES
            or analysis.document.metadata.format not in ("docx", "odt")):  # the content decides, not the name
        return None
    try:
        data = read_file(Path(path), name, _worker_analyser.settings.max_bytes)
        target = write_annotated_copy(data, analysis, out_dir, stem, show).path  # type: ignore[arg-type]  # checked
    except (AnalyserError, OSError, ValueError):
        return None
    return target.name


def names_one(path: str, name: str, stem: str, out_dir: str, fmt: str, submission: Submission | None = None,
              annotate: str | None = None, *, budget: Budget | None = None) -> dict[str, Any]:
    """The first pass of --pseudonymise: the names one document holds
    (`Pseudonymiser.names_in`), under `budget`, as a row with "names" (or
    its failed row). Takes `analyse_one`'s arguments: workers run either."""
    from analyser.ingest import ingest
    from analyser.report import failed_row

    assert _worker_pseudonymiser is not None, "the worker was not given the run's pseudonymiser"
    settings = _worker_settings or Settings()
    try:
        with within_budget(budget or Budget(None, None)):
            document = ingest(path, settings.max_bytes, settings.max_pages)
            return {"document": name, "names": _worker_pseudonymiser.names_in(document)}
    except OverBudget as over:
        return _with_submission(failed_row(name, over.problem), submission)
    except Exception as error:  # an unreadable file, or a bug: it must not stop the other documents
        return _failed(name, error, submission)


# --- parent side -----------------------------------------------------------


def validate_settings(settings: Settings) -> None:
    """Load the profile and lexicon once in the parent, so a bad data file is
    reported once (every problem, file:line) instead of breaking each worker."""
    from analyser.lexicon import load_lexicon
    from analyser.profile import load_profile

    profile = load_profile(settings.profile_path)
    load_lexicon(Path(settings.lexicon_path) if settings.lexicon_path else profile.lexicon_path)
    model_path = settings.model_path or profile.model_path
    if settings.use_model and model_path:
        from analyser.textmodel import load_model

        load_model(model_path)  # a bad model file: one line here, not one per worker


def run_batch(
    inputs: Sequence[BatchInput],
    out_dir: Path,
    settings: Settings | None = None,
    *,
    jobs: int = 1,
    fmt: str = "all",
    title: str = "Class overview",
    on_result: ProgressCallback | None = None,
    budget: Budget | None = None,
    annotate: str | None = None,
    previous: Mapping[str, str] | None = None,
    pseudonymiser: Pseudonymiser | None = None,
) -> BatchResult:
    """Analyse `inputs` with `jobs` worker processes, each document under
    `budget` (default: 30 s and 1 GB), then write the index and the CSV.
    With `pseudonymiser` (--pseudonymise) the workers first read the names
    every document holds, so that each person has one pseudonym in the whole
    run; documents, output files and students are then named by pseudonyms.
    Raises BatchInterrupted (after writing the index of what completed) on
    Ctrl-C or SIGTERM."""
    if fmt not in FORMATS:
        raise BatchUsageError(f"unknown format '{fmt}' (use one of: {', '.join(FORMATS)})")
    settings = settings or Settings()
    validate_settings(settings)
    out_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    budget = budget or Budget()
    rows: dict[str, dict[str, Any]] = {}

    def collect(row: dict[str, Any]) -> None:
        if previous:  # a previous run's report of the same student (--previous; analyser/compare.py)
            from analyser.compare import previous_key

            row["previous"] = previous.get(previous_key(row))
        rows[row["document"]] = row
        if on_result:
            on_result(len(rows), len(inputs), row)

    outputs = [INDEX_NAME, CSV_NAME]
    previous_term = _on_sigterm()
    try:
        from analyser.report import failed_row

        if pseudonymiser is not None:
            inputs = pseudonymised_inputs(inputs, settings, jobs, budget, pseudonymiser)
        outputs += [f"{item.stem}{suffix}" for item in inputs for suffix in OUTPUT_SUFFIXES]
        remove_stale_temporaries(out_dir, outputs)  # left by a run whose process was killed
        for item in inputs:
            if item.problem:
                collect(_with_submission(failed_row(item.name, item.problem), item.submission))
        tasks = [(str(item.path), item.name, item.stem, str(out_dir), fmt, item.submission, annotate)
                 for item in inputs if not item.problem]
        _run_workers(tasks, settings, jobs, budget, collect, pseudonymiser)
        ordered = [rows[item.name] for item in inputs]
        return _finish(ordered, out_dir, title, time.perf_counter() - started)
    except BatchInterrupted as stopped:
        # outputs of the documents in hand may be half replaced (a new report
        # beside an old JSON): removed, so what is there is what the index lists
        for task in stopped.unfinished:
            for suffix in OUTPUT_SUFFIXES:
                (out_dir / f"{task[2]}{suffix}").unlink(missing_ok=True)
        done = [rows[item.name] for item in inputs if item.name in rows]
        stopped.result = _finish(done, out_dir, title, time.perf_counter() - started)
        stopped.signal_name = "SIGTERM" if isinstance(stopped.__cause__, _Terminated) else "SIGINT"
        raise
    finally:
        _restore_sigterm(previous_term)
        remove_stale_temporaries(out_dir, outputs)  # left by a worker killed in this run


def pseudonymised_inputs(inputs: Sequence[BatchInput], settings: Settings, jobs: int, budget: Budget,
                         pseudonymiser: Pseudonymiser) -> list[BatchInput]:
    """The first pass of --pseudonymise: the workers read the names each
    document holds; `pseudonymiser` learns them (each student's first) in
    the documents' order, whichever worker finished first, and the inputs
    come back named by pseudonyms, with new output stems. A document whose
    names cannot be read gets that problem and is not analysed."""
    read: dict[str, dict[str, Any]] = {}
    tasks = [(str(item.path), item.name, item.stem, "", "", item.submission, None) for item in inputs
             if not item.problem]
    try:
        _run_workers(tasks, settings, jobs, budget, lambda row: read.__setitem__(row["document"], row),
                     pseudonymiser, names_only=True)
    except BatchInterrupted as stopped:
        stopped.unfinished = []  # nothing of theirs written
        raise
    for item in inputs:
        if item.submission and item.submission.student:
            pseudonymiser.learn([FoundName(item.submission.student, "Person")])
        pseudonymiser.learn(read.get(item.name, {}).get("names", []))
    names: list[str] = []
    for item in inputs:
        name = pseudonymiser.replace_names(item.name, any_case=True)
        clashes = sum(1 for n in names if n.casefold() == name.casefold())
        names.append(f"{name} ({clashes + 1})" if clashes else name)  # two people's files, one pseudonym
    stems = output_stems(names)
    result = []
    for item, name in zip(inputs, names):
        submission = item.submission
        if submission and submission.student:
            submission = replace(submission, student=pseudonymiser.replace_names(submission.student))
        problem = item.problem or read.get(item.name, {}).get("error")
        result.append(replace(item, name=name, stem=stems[name], submission=submission, problem=problem))
    return result


def _on_sigterm() -> Any:
    """SIGTERM ends the parent the way Ctrl-C does (workers killed, the index
    of what completed written), instead of leaving the workers running."""
    if threading.current_thread() is not threading.main_thread():
        return None

    def terminate(signum, frame):  # noqa: ARG001
        raise _Terminated()

    return signal.signal(signal.SIGTERM, terminate)


def _restore_sigterm(previous: Any) -> None:
    if previous is not None:
        signal.signal(signal.SIGTERM, previous)


def remove_stale_temporaries(out_dir: Path, names: Sequence[str]) -> None:
    """Delete the temporary files `write_atomic` leaves when its process is
    killed between creating one and renaming it into place, for our own
    output names only (nothing else in the folder is touched). The folder is
    listed once: once per name made a batch of 2,000 documents quadratic."""
    wanted = set(names)
    try:
        entries = list(os.scandir(out_dir))
    except OSError:
        return
    for entry in entries:
        if temp_owners(entry.name) & wanted:
            Path(entry.path).unlink(missing_ok=True)


Task = tuple[str, str, str, str, str, Submission | None, str | None]  # analyse_one's arguments
WORKER_DIED = "its worker process died while analysing it (killed, out of memory, or a crash in a file parser)"
_POLL = 0.5  # seconds between looks at the workers' clocks


@dataclass
class _Worker:
    process: Any  # multiprocessing's Process
    connection: Connection
    task: Task | None = None
    started: float = 0.0


def _worker_main(connection: Connection, settings: Settings, budget: Budget,
                 pseudonymiser: Pseudonymiser | None = None, names_only: bool = False) -> None:
    """A worker process: load the pipeline once, then analyse the documents
    it is sent (or, `names_only`, read the names they hold), one at a time,
    each under its budget. After a document over its budget the worker exits
    (a timer may have stopped a library half-way) and the parent starts a
    fresh one."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the parent decides
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _start_worker(settings, pseudonymiser, load=not names_only)
    work = names_one if names_only else analyse_one
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        row = work(*task, budget=budget)
        connection.send(row)
        if row.get("error") in (budget.time_message(), budget.memory_message()):
            return


def _run_workers(tasks: Sequence[Task], settings: Settings, jobs: int, budget: Budget,
                 collect: Callable[[dict[str, Any]], None], pseudonymiser: Pseudonymiser | None = None,
                 names_only: bool = False) -> None:
    """Analyse `tasks` in `jobs` worker processes, one document each at a time.

    The parent knows which document each worker holds and since when, so:
    a worker that dies (killed, out of memory, a crash in a parser) costs
    only its document, recorded as WORKER_DIED, and is replaced; a worker
    still busy `KILL_GRACE` seconds after the document's time budget (stuck
    in C code, where the worker's own timer cannot reach) is killed, its
    document recorded as over time, and replaced. On Ctrl-C or SIGTERM the
    workers are killed and the documents they held are returned through
    `BatchInterrupted.unfinished`. `pseudonymiser` and `names_only` go to
    every worker (see _worker_main)."""
    from analyser.report import failed_row

    context = multiprocessing.get_context()
    queue = deque(tasks)
    workers: list[_Worker] = []

    def start() -> None:
        ours, theirs = context.Pipe()
        process = context.Process(target=_worker_main, args=(theirs, settings, budget, pseudonymiser, names_only),
                                  daemon=True)
        process.start()
        theirs.close()
        workers.append(_Worker(process, ours))

    def retire(worker: _Worker, row: dict[str, Any] | None) -> None:
        workers.remove(worker)
        worker.connection.close()
        worker.process.join(timeout=5)
        if row is not None:
            collect(row)
        if queue and len(workers) < jobs:
            start()

    try:
        for _ in range(min(jobs, len(queue))):
            start()
        while workers:
            for worker in workers:
                if worker.task is None and queue:
                    worker.task, worker.started = queue.popleft(), time.monotonic()
                    worker.connection.send(worker.task)
            busy = [w for w in workers if w.task is not None]
            if not busy:
                for worker in list(workers):
                    worker.connection.send(None)
                    retire(worker, None)
                break
            ready = set(wait([w.connection for w in busy] + [w.process.sentinel for w in busy], timeout=_POLL))
            now = time.monotonic()
            for worker in busy:
                task = worker.task
                assert task is not None
                if worker.connection in ready:
                    try:
                        row = worker.connection.recv()
                    except (EOFError, OSError):
                        retire(worker, _with_submission(failed_row(task[1], WORKER_DIED), task[5]))
                        continue
                    worker.task = None
                    collect(row)
                    if row.get("error") in (budget.time_message(), budget.memory_message()):
                        retire(worker, None)  # it exits: a fresh one takes the next document
                elif worker.process.sentinel in ready:
                    retire(worker, _with_submission(failed_row(task[1], WORKER_DIED), task[5]))
                elif budget.seconds is not None and now - worker.started > budget.seconds + KILL_GRACE:
                    worker.process.kill()
                    retire(worker, _with_submission(failed_row(task[1], budget.time_message()), task[5]))
    except BaseException as error:  # Ctrl-C, SIGTERM (or a bug): end every worker now
        unfinished = [w.task for w in workers if w.task is not None]
        for worker in workers:
            worker.process.kill()
        for worker in workers:
            worker.process.join(timeout=5)
        if isinstance(error, (KeyboardInterrupt, _Terminated)):
            raise BatchInterrupted(unfinished) from error
        raise


class BatchInterrupted(Exception):
    """The batch was stopped (Ctrl-C or SIGTERM). `result` lists the documents
    that completed (their outputs, index.html and summary.csv are written);
    `signal_name` says which signal stopped it."""

    def __init__(self, unfinished: list[Task], result: BatchResult | None = None, signal_name: str = "SIGINT") -> None:
        super().__init__("interrupted")
        self.unfinished = unfinished
        self.result = result
        self.signal_name = signal_name


class _Terminated(BaseException):
    """SIGTERM, raised in the parent so that it cleans up as for Ctrl-C."""


def _finish(rows: list[dict[str, Any]], out_dir: Path, title: str, seconds: float) -> BatchResult:
    from analyser.report import render_index

    index_path = out_dir / INDEX_NAME
    csv_path = out_dir / CSV_NAME
    write_atomic(index_path, render_index(rows, title=title))
    write_atomic(csv_path, summary_csv(rows))
    return BatchResult(rows, index_path, csv_path, seconds, [r for r in rows if r.get("error")])


def _spreadsheet_safe(value: Any) -> Any:
    """Text that a spreadsheet would run as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def summary_csv(rows: Sequence[dict[str, Any]]) -> str:
    """The index's columns for a spreadsheet: one row per document. Control
    characters in names, titles and errors are shown escaped (`\\n`,
    `\\x1b`), as in the report and the terminal: a name cannot add a row."""
    concept_ids: list[str] = []
    for row in rows:
        concept_ids += [c["id"] for c in row.get("concepts") or [] if c["id"] not in concept_ids]
    students = any(row.get("identifier") for row in rows)  # a VLE download: who handed each file in
    annotated = any(row.get("annotated") for row in rows)  # batch --annotate
    header = ["document", "title", "words", *concept_ids, *(f"{c}_absent" for c in concept_ids),
              "citations", "secondary", "secondary_share", "problems", "kind", "speakers", "turns",
              *(["student", "identifier", "flag"] if students else []), "report", "json",
              *(["annotated"] if annotated else []), "error"]
    reflective = any(row.get("moves") is not None for row in rows)
    header += [f"move_{m}" for m in MOVES] if reflective else []  # sentences per reflective move
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in sorted(rows, key=lambda r: (r["document"].lower(), r["document"])):
        counts = {c["id"]: c for c in row.get("concepts") or []}
        share = row.get("secondary_share")

        def count(concept_id: str, key: str, counts=counts, row=row) -> Any:
            return "" if row.get("error") else counts.get(concept_id, {}).get(key, 0)

        values = [
            row["document"], row.get("title") or "", _blank(row.get("words")),
            *(count(c, "present") for c in concept_ids), *(count(c, "absent") for c in concept_ids),
            _blank(row.get("citations")), _blank(row.get("secondary")),
            "" if share is None else f"{share:.3f}", _blank(row.get("problems")),
            row.get("kind") or "", _blank(row.get("speakers")), _blank(row.get("turns")),
            *([row.get("student") or "", row.get("identifier") or "", row.get("flag") or ""] if students else []),
            row.get("report") or "", row.get("json") or "", *([row.get("annotated") or ""] if annotated else []),
            row.get("error") or "",
        ]
        if reflective:
            values += ["" if row.get("moves") is None else row["moves"].get(m, 0) for m in MOVES]
        writer.writerow([_spreadsheet_safe(printable(v) if isinstance(v, str) else v) for v in values])
    return buffer.getvalue()


def _blank(value: Any) -> Any:
    return "" if value is None else value
