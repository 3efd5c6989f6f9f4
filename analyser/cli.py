"""The command line: thin click commands over the library API.

Exit status: 0 success, 1 an input or data file could not be used, 2 usage error.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from analyser import __version__
from analyser.arguments import DashFileCommand
from analyser.citations.style import style_names
from analyser.errors import AnalyserError, DataFileError, printable, text_name

FORMATS = ["html", "json", "all"]
UNPACKED_FOLDER = ".analyser-submissions"  # where `batch` expands a submissions zip, inside --out
Option = Callable[[Callable[..., Any]], Callable[..., Any]]  # a shared click option (typed for cli_research)


class Context:
    """Options shared by commands that analyse documents."""

    def __init__(self) -> None:
        self.analyser = None


def _settings(profile, lexicon, style, max_bytes, max_pages=None, kind=None, *, no_model=False, model=None,
              threshold=None):
    from analyser.pipeline import Settings

    settings = Settings(profile_path=profile, lexicon_path=lexicon, style=style, max_bytes=max_bytes, kind=kind,
                        use_model=not no_model, model_path=model, threshold=threshold)
    if max_pages is not None:
        settings.max_pages = max_pages
    return settings


def write_key(pseudonymiser, key_path: Path | None) -> None:
    """The pseudonym key, only when asked for, in a file of its own."""
    from analyser.output import write_atomic

    if pseudonymiser is not None and key_path is not None:
        write_atomic(key_path, pseudonymiser.key_csv())
        click.echo(f"wrote the pseudonym key to {key_path} (keep it apart from the outputs)")


def _fail(error: AnalyserError) -> None:
    """Print a one-line error (one line per problem for data files) and exit 1."""
    lines = error.problems if isinstance(error, DataFileError) else [str(error)]
    for line in lines:
        click.echo(f"error: {line}", err=True)
    sys.exit(1)


profile_option: Option = click.option(
    "--profile", type=click.Path(dir_okay=False), help="Course profile (TOML). Default: the packaged profile."
)
lexicon_option: Option = click.option(
    "--lexicon", type=click.Path(dir_okay=False), help="Concept lexicon (TOML); overrides the profile's lexicon."
)
style_option: Option = click.option(
    "--style", type=click.Choice(style_names()), help="Citation style; overrides the profile's style."
)
max_bytes_option: Option = click.option(
    "--max-bytes", type=click.IntRange(min=1), default=20 * 1024 * 1024, show_default=True,
    help="Refuse input files larger than this.",
)
kind_option: Option = click.option(
    "--kind", type=click.Choice(["essay", "meeting_notes", "transcript"]), default=None,
    help="What the documents are; overrides detection. Meetings get meeting feedback (talk share, "
         "concepts per speaker), not essay feedback.  [default: detected]",
)
pseudonymise_option: Option = click.option(
    "--pseudonymise", is_flag=True,
    help="Replace speakers' names and the personal names found in the text with stable pseudonyms "
         "(Participant 1, ...), the same in every output of this run.")
key_option: Option = click.option(
    "--key", "key_path", type=click.Path(dir_okay=False, path_type=Path),
    help="With --pseudonymise: also write the key (pseudonym, original name) to this CSV file. "
         "Keep it apart from the outputs.")
no_model_option: Option = click.option(
    "--no-model", is_flag=True, help="Lexicon matches only: no model suggestions.")
model_option: Option = click.option(
    "--model", type=click.Path(dir_okay=False), help="Concept model (JSON); overrides the profile's model.")
threshold_option: Option = click.option(
    "--threshold", type=click.FloatRange(0, 1), default=None,
    help="Suggest a concept at this model probability or above (default: each concept's trained threshold, "
         "and at least 0.9 in meeting notes and transcripts: analyser/data/meetings.toml).")
max_pages_option = click.option(
    "--max-pages", type=click.IntRange(min=1), default=2000, show_default=True,
    help="Refuse PDFs with more pages than this.",
)
timeout_option = click.option(
    "--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, metavar="SECONDS",
    help="Stop a document that takes longer than this, and report it like a bad file.",
)
max_memory_option = click.option(
    "--max-memory", type=click.IntRange(min=64), default=1024, show_default=True, metavar="MB",
    help="Stop a document that needs more memory than this, and report it like a bad file.",
)



def options(*decorators: Callable[[Callable], Callable]) -> Callable[[Callable], Callable]:
    """Several click options as one decorator, in the order given (as if
    stacked top to bottom), so commands that read documents share one list."""
    def apply(function: Callable) -> Callable:
        for decorator in reversed(decorators):
            function = decorator(function)
        return function
    return apply


#: How a command reads documents: the course profile, the lexicon, the style and the size limit.
reading_options: Callable[[Callable], Callable] = options(
    profile_option, lexicon_option, style_option, max_bytes_option)
#: Everything `analyse` and `batch` share: reading, limits, privacy and the concept model.
analysis_options: Callable[[Callable], Callable] = options(
    reading_options, max_pages_option, kind_option, pseudonymise_option, key_option,
    timeout_option, max_memory_option, no_model_option, model_option, threshold_option)


def _budget(timeout: float, max_memory: int):
    from analyser.budget import Budget

    return Budget(seconds=timeout, memory_mb=max_memory)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""Examples:

\b
  analyser analyse essay.docx --out reports/
  analyser batch submissions/ --out reports/ --jobs 2
  analyser analyse notes.txt --format json --out -
  cat draft.txt | analyser analyse - --out -
  analyser lexicon show
  analyser lexicon check my-course-lexicon.toml
  analyser evaluate corpus/annotated/citations.jsonl

Run 'analyser COMMAND --help' for a command's options.""",
)
@click.version_option(__version__, prog_name="analyser")
def main() -> None:
    """Analyse reflective essays, case studies and meeting notes on partnership
    working: tag the course's concepts (identity threats, trust, vision,
    power) sentence by sentence with the evidence, and check citations."""


@main.command(cls=DashFileCommand)
@click.argument("file", type=click.Path(allow_dash=True, readable=False, path_type=str))  # ingest reports problems
@click.option(
    "--out", "-o", default="reports", show_default=True,
    help="Output folder, or '-' to write one format (html or json) to standard output.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="html", show_default=True,
              help="What to write: the HTML feedback report, the JSON result, or all of them.")
@analysis_options
def analyse(file, out, fmt, profile, lexicon, style, max_bytes, max_pages, kind, pseudonymise, key_path,
            timeout, max_memory, no_model, model, threshold) -> None:
    """Analyse one document (.txt, .md, .docx, .odt, .pdf, .vtt, .srt; '-' reads text from stdin).

    Writes OUT/<name>.html, the feedback report: one self-contained page that
    opens in any browser, from disk, with nothing fetched. With --format json
    or all it writes OUT/<name>.json, the analysis result (schema:
    analyser/schema/analysis.schema.json). Prints where it wrote.

    \b
    Examples:
      analyser analyse corpus/samples/essay_jasmine_integration.docx --out reports/
      analyser analyse essay.docx --format all --out reports/
      analyser analyse notes.md --format json --out - | jq '.mentions | length'
    """
    from analyser.batch import write_document_outputs
    from analyser.output import safe_stem, to_json
    from analyser.pipeline import Analyser

    if out == "-" and fmt == "all":
        raise click.UsageError("--out - writes one format to standard output: use --format html or --format json")
    from analyser.budget import OverBudget, within_budget

    shown = text_name(file)
    tool = Analyser(_settings(profile, lexicon, style, max_bytes, max_pages, kind, no_model=no_model, model=model,
                              threshold=threshold))
    pseudonymiser = None
    try:
        tool.load()  # not part of the document's budget
        with within_budget(_budget(timeout, max_memory)):
            if pseudonymise:
                from analyser.ingest import ingest
                from analyser.pseudonyms import Pseudonymiser, case_names

                pseudonymiser = Pseudonymiser(spare=case_names(tool.profile_))
                analysis = tool.analyse_document(pseudonymiser.apply(ingest(file, max_bytes, max_pages)))
                shown = analysis.document.metadata.source
            else:
                analysis = tool.analyse_file(file)
    except AnalyserError as error:
        _fail(error)
    except OverBudget as over:
        _fail(AnalyserError(f"{printable(text_name(file))}: {over.problem}"))
    if out == "-":
        if fmt == "json":
            click.echo(to_json(analysis.to_dict()), nl=False)
        else:
            from analyser.report import render_report

            click.echo(render_report(analysis), nl=False)
        return
    stem = safe_stem(shown if pseudonymise else file)
    for suffix in {"html": [".html"], "json": [".json"], "all": [".html", ".json"]}[fmt]:
        target = Path(out) / f"{stem}{suffix}"
        if file != "-" and target.resolve() == Path(file).resolve():
            _fail(AnalyserError(f"{target}: refusing to overwrite the input file"))
    try:
        written = write_document_outputs(analysis, Path(out), stem, fmt)
    except OSError as error:
        _fail(AnalyserError(f"{error.filename or out}: cannot write ({error.strerror or error})"))
    counts: dict[str, int] = {}
    suggested: dict[str, int] = {}
    for mention in analysis.mentions:
        tally = counts if mention.origin == "lexicon" else suggested
        tally[mention.concept] = tally.get(mention.concept, 0) + 1
    summary = ", ".join(f"{c.id} {counts.get(c.id, 0)}" + (f" (+{suggested[c.id]} suggested)" if c.id in suggested
                                                          else "") for c in analysis.concepts)
    click.echo(f"{printable(shown)}: {analysis.document.metadata.word_count} words; {summary}; "
               f"{len(analysis.citations)} citations")
    for path in written.values():
        click.echo(f"wrote {path}")
    write_key(pseudonymiser, key_path)


@main.command(cls=DashFileCommand)
@click.argument("inputs", nargs=-1, required=True, metavar="DIR_OR_GLOB...")
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder for the reports, index.html and summary.csv.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes.  [default: the number of CPU cores]")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="all", show_default=True,
              help="What to write per document: the HTML report, the JSON result, or both.")
@click.option("--title", default="Class overview", show_default=True, help="Heading of index.html.")
@click.option("--quiet", "-q", is_flag=True, help="No progress and no summary; errors are still printed.")
@click.option("--force", is_flag=True, help="Allow an output folder inside the input folder.")
@click.option("--annotate", is_flag=True,
              help="Also write a copy of each .docx with the feedback as Word comments (see 'analyser annotate').")
@click.option("--show", type=click.Choice(["concepts", "problems", "all"]), default="problems", show_default=True,
              help="With --annotate: which comments (as for 'analyser annotate').")
@click.option("--previous", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="A previous run's output folder: the overview links each student's earlier report.")
@click.option("--worksheet", type=click.Path(dir_okay=False, path_type=Path),
              help="A Moodle offline grading worksheet (CSV): writes a copy to OUT with each student's "
                   "'Feedback comments' filled in (grades and every other column untouched). Without it, a batch "
                   "of a VLE download writes OUT/worksheet.csv with the same columns.")
@analysis_options
def batch(inputs, out, jobs, fmt, title, quiet, force, annotate, show, previous, worksheet, profile, lexicon,
          style, max_bytes, max_pages, kind, pseudonymise, key_path, timeout, max_memory, no_model, model,
          threshold) -> None:
    """Analyse every document in a folder (recursively), matching a glob, or
    in a VLE's "download all submissions" zip (Moodle, Blackboard, Canvas).

    Writes one report per document (and its JSON) to OUT, with names made
    from each file's path inside the input folder, plus OUT/index.html, a
    sortable class overview, and OUT/summary.csv with the same columns.
    Hidden and temporary files (~$essay.docx, .~lock...) are skipped. A file
    that cannot be analysed is listed in the overview and on stderr; the
    others still complete. Exit status 1 if any file failed.

    \b
    Examples:
      analyser batch submissions/ --out reports/
      analyser batch 'submissions/**/*.docx' --out reports/ --jobs 2 --quiet
      analyser batch cohort-download.zip --out marked/ --annotate

    From a VLE's download (the zip, or the folder it unpacks to) each report,
    the overview and summary.csv name the student and identifier; a student
    with two files gets both, flagged.

    With --pseudonymise every name (speakers, people named in the text,
    students) is replaced by the same pseudonym in every report, in the
    overview, in summary.csv and in the output file names; the names of all
    the documents are read first, so that one person has one pseudonym.
    """
    import os

    from analyser.batch import (
        BatchInterrupted,
        BatchUsageError,
        check_output_folder,
        find_inputs,
        run_batch,
    )
    from analyser.compare import previous_reports
    from analyser.ingest import SUPPORTED_SUFFIXES
    from analyser.progress import ProgressPrinter
    from analyser.vle import attach_submissions, is_submissions_zip, open_submissions_zip
    from analyser.worksheet import read_worksheet

    if pseudonymise and (annotate or worksheet):
        raise click.UsageError("--pseudonymise cannot be used with --annotate or --worksheet: they write the "
                               "original documents and the students' names")
    zipped = any(is_submissions_zip(spec) for spec in inputs)
    unpacked = out / UNPACKED_FOLDER  # a VLE download's documents, expanded inside --out, removed at the end
    try:
        sheet = read_worksheet(worksheet) if worksheet else None
        if worksheet and (out / worksheet.name).resolve() == worksheet.resolve():
            raise AnalyserError(f"{out / worksheet.name}: refusing to overwrite the worksheet given; "
                                "choose another --out")
        if zipped and len(inputs) > 1:
            raise BatchUsageError("a submissions zip must be the only input of a batch")
        if zipped:
            shutil.rmtree(unpacked, ignore_errors=True)  # left by a killed run
            found = open_submissions_zip(Path(inputs[0]), unpacked, max_bytes)
        else:
            found = find_inputs(inputs, exclude=out)
            check_output_folder(inputs, out, force=force)
        found = attach_submissions(found)
    except BatchUsageError as error:  # one line, like every other error; exit status 2 as for usage errors
        click.echo(f"error: {printable(text_name(str(error)))}", err=True)
        sys.exit(2)
    except AnalyserError as error:
        _fail(error)
    except OSError as error:
        if zipped:
            shutil.rmtree(unpacked, ignore_errors=True)
        _fail(AnalyserError(f"{error.filename or out}: cannot write ({error.strerror or error})"))
    if not found:
        if zipped:
            shutil.rmtree(unpacked, ignore_errors=True)
        _fail(AnalyserError(f"{' '.join(inputs)}: no documents to analyse ({', '.join(SUPPORTED_SUFFIXES)})"))
    progress = None if quiet else ProgressPrinter(len(found), sys.stderr)
    pseudonymiser = None
    try:
        if pseudonymise:
            from analyser.profile import load_profile
            from analyser.pseudonyms import Pseudonymiser, case_names

            pseudonymiser = Pseudonymiser(spare=case_names(load_profile(profile)))
        result = run_batch(found, out, _settings(profile, lexicon, style, max_bytes, max_pages, kind,
                                                 no_model=no_model, model=model, threshold=threshold),
                           jobs=jobs or os.cpu_count() or 1, fmt=fmt, title=title, on_result=progress,
                           budget=_budget(timeout, max_memory), annotate=show if annotate else None,
                           previous=previous_reports(previous, out) if previous else None,
                           pseudonymiser=pseudonymiser)
    except AnalyserError as error:
        _fail(error)
    except OSError as error:
        _fail(AnalyserError(f"{error.filename or out}: cannot write ({error.strerror or error})"))
    except BatchInterrupted as stopped:
        done = stopped.result.succeeded if stopped.result else 0
        if progress:
            progress.close()
            progress = None
        click.echo(f"interrupted ({stopped.signal_name}): {done} of {len(found)} documents analysed; "
                   f"{out / 'index.html'} lists them", err=True)
        sys.exit(143 if stopped.signal_name == "SIGTERM" else 130)
    except KeyboardInterrupt:
        click.echo("\ninterrupted: reports written so far are complete; index.html was not updated", err=True)
        sys.exit(130)
    finally:
        if progress:
            progress.close()
        if zipped:
            shutil.rmtree(unpacked, ignore_errors=True)
    where = {item.name: Path(inputs[0]) / item.name if zipped else item.path for item in found}
    for row in result.failures:  # pseudonymised, a document is named as in the overview
        click.echo(f"error: {printable(text_name(str(where.get(row['document'], row['document']))))}: "
                   f"{printable(row['error'])}", err=True)
    if not pseudonymise:
        _write_worksheet(result.rows, sheet, worksheet, out, quiet)
    if not quiet:
        click.echo(f"analysed {result.succeeded} of {len(result.rows)} documents in {result.seconds:.1f} s"
                   + (f"; {len(result.failures)} failed" if result.failures else ""))
        click.echo(f"wrote {result.index_path}")
        click.echo(f"wrote {result.csv_path}")
    write_key(pseudonymiser, key_path)
    sys.exit(1 if result.failures else 0)


def _write_worksheet(rows, sheet, given: Path | None, out: Path, quiet: bool) -> None:
    """The grading worksheet: the tutor's, with the feedback filled in, or a
    new one for a VLE download (analyser/worksheet.py)."""
    from analyser.output import write_atomic
    from analyser.worksheet import fill_worksheet, new_worksheet, student_feedback, worksheet_bytes

    feedback = student_feedback(rows)
    if sheet is None:
        if not feedback:
            return
        sheet = new_worksheet(rows)
    target = out / sheet.name  # never the worksheet given: checked before the batch
    filled = fill_worksheet(sheet, feedback)
    write_atomic(target, worksheet_bytes(filled.sheet))
    for identifier in filled.unmatched:
        click.echo(f"warning: {printable(str(given or target))}: no row for student {printable(identifier)}", err=True)
    if not quiet:
        kept = f"; {filled.kept} kept as the tutor wrote them" if filled.kept else ""
        click.echo(f"wrote {target} ({filled.filled} feedback comments filled{kept})")


@main.group()
def lexicon() -> None:
    """Inspect and validate concept lexicons."""


@lexicon.command("show")
@lexicon_option
@click.option("--concept", help="Show one concept only (by id).")
def lexicon_show(lexicon, concept) -> None:
    """List the concepts and their terms, with each term's source.

    \b
    Example:
      analyser lexicon show --concept trust
    """
    from analyser.lexicon import load_lexicon

    try:
        lex = load_lexicon(lexicon)
    except AnalyserError as error:
        _fail(error)
    chosen = [c for c in lex.concepts if concept in (None, c.id)]
    if not chosen:
        _fail(AnalyserError(f"no concept '{concept}' (have: {', '.join(lex.concept_ids)})"))
    click.echo(f"{lex.name} ({lex.path})")
    for c in chosen:
        click.echo(f"\n{c.id} — {c.label} {c.colour} ({len(c.terms)} terms)")
        click.echo(f"  {c.description}")
        for term in c.terms:
            flag = " [absent]" if term.polarity == "absent" else ""
            click.echo(f"  {term.text:<36}{flag:<10} {term.source}")
        if c.exclude:
            click.echo(f"  never tagged: {', '.join(c.exclude)}")


@lexicon.command("check")
@click.argument("file", type=click.Path(dir_okay=False))
def lexicon_check(file) -> None:
    """Validate a lexicon file: prints each problem as FILE:LINE: message.

    Checks unknown keys, missing fields, empty or duplicate terms, a term in two
    concepts, bad colours (#RRGGBB) and polarities. Exit status 1 if any.
    A valid file is also checked for words the lemma table reads as a
    function word ("willing" as "will"), printed as warnings.
    """
    from analyser.lexicon import check_lexicon, load_lexicon
    from analyser.nlp import lemma_collisions

    problems = check_lexicon(file)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} problem(s) in {file}", err=True)
        sys.exit(1)
    for warning in lemma_collisions(load_lexicon(file), str(file)):
        click.echo(f"{file}: warning: {warning}")
    click.echo(f"{file}: OK")


DEFAULT_EVALUATION_SETS = ["corpus/annotated/concepts.jsonl", "corpus/annotated/citations.jsonl"]


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@profile_option
@lexicon_option
@no_model_option
@model_option
@threshold_option
@click.option("--heldout", "heldout", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="A held-out coded set (e.g. corpus/heldout/docs.jsonl): lexicon, model and both, never trained on.")
@click.option("--cv", "cross", is_flag=True,
              help="Grouped 5-fold cross-validation over the coded FILES (whole documents per fold; refits the model).")
@click.option("--html", "html", type=click.Path(dir_okay=False),
              help="Also write a learning curve (F1 against training documents) to this HTML page (implies --cv).")
@click.option("--errors", "show_errors", is_flag=True, help="Also list every disagreement.")
@click.option("--pooled", is_flag=True,
              help="With two or more --heldout sets, also score them as one set (their documents together: a "
                   "tighter interval than any one set's).")
@click.option("--against", "against", type=click.Path(exists=True, dir_okay=False), metavar="MODEL",
              help="Also compare with this concept model (JSON) on the same units: the difference in micro F1 of "
                   "model and of both, with a 95% interval from resampling the same documents for the two.")
@click.option("--against-lexicon", "against_lexicon", type=click.Path(exists=True, dir_okay=False),
              metavar="FILE",
              help="With --against: the other system reads this lexicon (TOML), so a new lexicon and model "
                   "are compared with the lexicon and model they would replace.")
def evaluate(files, profile, lexicon, no_model, model, threshold, heldout, cross, html, show_errors,
             pooled, against, against_lexicon) -> None:
    """Compare the tool with human annotation.

    FILES are JSON Lines (or CSV, as for train) files; each is recognised by its records: coded
    units ("codes") get per-concept precision, recall, F1 and Cohen's kappa of
    the analysis, then lexicon alone, model alone and both with micro and
    macro F1 (micro F1 with a 95% interval from resampling whole documents:
    a set of a few documents cannot tell apart figures closer than that),
    and micro F1 per kind of text when units give a "genre", and per file
    when there are several (with --cv, real diaries apart from the
    project's own documents). Units with "doc", "start", "end" are read
    from the whole document in the docs/ folder beside the file. Annotated
    passages ("citations") get citation precision and recall. Default: both
    sets, corpus/annotated/concepts.jsonl and corpus/annotated/citations.jsonl.

    \b
    Examples:
      analyser evaluate corpus/annotated/concepts.jsonl --no-model
      analyser evaluate --heldout corpus/heldout/docs.jsonl
      analyser evaluate corpus/annotated/concepts.jsonl corpus/annotated/docs.jsonl --cv --html curve.html
      analyser evaluate --heldout corpus/heldout/docs.jsonl --heldout corpus/heldout2/docs.jsonl --pooled
      analyser evaluate --heldout corpus/heldout/docs.jsonl --model new/concepts.model.json \
        --against models/concepts.model.json
      analyser evaluate --heldout corpus/heldout/docs.jsonl --lexicon new/lexicon.toml \
        --model new/concepts.model.json --against models/concepts.model.json --against-lexicon models/lexicon.toml
    """
    from analyser.evaluate import (
        evaluate_citations,
        evaluate_concepts,
        format_citation_evaluation,
        format_concept_evaluation,
        is_citation_file,
        read_jsonl,
    )
    from analyser.evaluate_documents import (
        Rival,
        cross_validate,
        evaluate_systems,
        format_systems,
        learning_curve,
        render_learning_curve,
    )
    from analyser.pipeline import Analyser

    paths = list(files) or ([] if heldout else [p for p in DEFAULT_EVALUATION_SETS if Path(p).is_file()])
    if not paths and not heldout:
        raise click.UsageError(f"give an annotated file (none found at {' or '.join(DEFAULT_EVALUATION_SETS)})")
    tool = Analyser(_settings(profile, lexicon, None, 20 * 1024 * 1024, no_model=no_model, model=model,
                              threshold=threshold))
    plain = Analyser(_settings(profile, lexicon, None, 20 * 1024 * 1024, no_model=True))
    rival = None
    if against_lexicon and not against:
        raise click.UsageError("--against-lexicon is the lexicon of the --against model: give --against too")
    concept_files = []
    try:
        if against:
            other = Analyser(_settings(profile, against_lexicon or lexicon, None, 20 * 1024 * 1024,
                                       model=against)).load().suggester_
            if other is None or no_model:
                raise click.UsageError("--against compares two models: give a model file, and not --no-model")
            reader = Analyser(_settings(profile, against_lexicon, None, 20 * 1024 * 1024, no_model=True)) \
                if against_lexicon else None
            if reader is not None and reader.load().lexicon_.concept_ids != plain.load().lexicon_.concept_ids:
                raise click.UsageError("--against-lexicon must code the same concepts, in the same order, "
                                       "as the lexicon evaluated")
            rival = Rival(Path(against).name, other.model, other.context, reader)
        for number, path in enumerate(paths):
            if number:
                click.echo()
            if Path(path).suffix.lower() != ".csv" and is_citation_file(read_jsonl(path)):
                cited = evaluate_citations(path, tool.load().style_)
                click.echo(format_citation_evaluation(cited))
                if show_errors:
                    for error in cited.errors:
                        detail = f" expected {error['expected']}, found {error['found']}" if "expected" in error else ""
                        click.echo(f"  {path}:{error['line']}: {error['error']} {error['text']!r}{detail}")
                continue
            concept_files.append(path)
            if Path(path).suffix.lower() != ".csv":  # per-sentence agreement of the analysis (JSON Lines sets)
                result = evaluate_concepts(path, tool)
                click.echo(format_concept_evaluation(result))
                if show_errors:
                    for error in result.errors:
                        click.echo(f"  {path}:{error['line']}: {error['error']} {error['concept']}: {error['text']}")
                click.echo()
            suggester = tool.load().suggester_
            if suggester is not None:
                click.echo(format_systems(evaluate_systems([path], plain, suggester.model, threshold,
                                                           context=suggester.context, against=rival)))
        if pooled and len(heldout) < 2:
            raise click.UsageError("--pooled scores two or more --heldout sets as one")
        for paths, title in [*(([path], f"{path} (held out)") for path in heldout),
                             *([(list(heldout), f"{len(heldout)} held-out sets pooled")] if pooled else [])]:
            suggester = tool.load().suggester_
            if suggester is None:
                raise click.UsageError("--heldout compares lexicon and model: it needs a model (not --no-model)")
            click.echo()
            click.echo(format_systems(evaluate_systems(paths, plain, suggester.model, threshold, title=title,
                                                       context=suggester.context, against=rival)))
        if cross or html:
            from analyser.training import prepare, read_coded

            if not concept_files:
                raise click.UsageError("--cv and --html need coded concept FILES to cross-validate over")
            data = prepare(read_coded(concept_files, plain.load().lexicon_.concept_ids), plain)
            cv = cross_validate(data)
            click.echo()
            click.echo(format_systems(cv))
            if html:
                from analyser.output import write_atomic

                page = render_learning_curve(learning_curve(data), cv, f"Concept model: {', '.join(concept_files)}")
                write_atomic(Path(html), page)
                click.echo(f"wrote {html}")
    except AnalyserError as error:
        _fail(error)


# The researchers' commands (export, import-codings, agree, kwic) live in
# their own module; registered here so `analyser --help` lists them all.
from analyser.cli_research import COMMANDS  # noqa: E402  (it imports the options above)

for _command in COMMANDS:
    main.add_command(_command)

# The tutor's and student's commands (annotate, compare), likewise.
from analyser.cli_tutor import COMMANDS as TUTOR_COMMANDS  # noqa: E402

for _command in TUTOR_COMMANDS:
    main.add_command(_command)

# The concept model's commands (train, suggest), likewise.
from analyser.cli_models import COMMANDS as MODEL_COMMANDS  # noqa: E402

for _command in MODEL_COMMANDS:
    main.add_command(_command)
