"""The command line: thin click commands over the library API.

Exit status: 0 success, 1 an input or data file could not be used, 2 usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from analyser import __version__
from analyser.errors import AnalyserError, DataFileError

FORMATS = ["json"]


class Context:
    """Options shared by commands that analyse documents."""

    def __init__(self) -> None:
        self.analyser = None


def _settings(profile, lexicon, style, max_bytes):
    from analyser.pipeline import Settings

    return Settings(profile_path=profile, lexicon_path=lexicon, style=style, max_bytes=max_bytes)


def _fail(error: AnalyserError) -> None:
    """Print a one-line error (one line per problem for data files) and exit 1."""
    lines = error.problems if isinstance(error, DataFileError) else [str(error)]
    for line in lines:
        click.echo(f"error: {line}", err=True)
    sys.exit(1)


profile_option = click.option(
    "--profile", type=click.Path(dir_okay=False), help="Course profile (TOML). Default: the packaged profile."
)
lexicon_option = click.option(
    "--lexicon", type=click.Path(dir_okay=False), help="Concept lexicon (TOML); overrides the profile's lexicon."
)
style_option = click.option(
    "--style", type=click.Choice(["harvard", "apa"]), help="Citation style; overrides the profile's style."
)
max_bytes_option = click.option(
    "--max-bytes", type=click.IntRange(min=1), default=20 * 1024 * 1024, show_default=True,
    help="Refuse input files larger than this.",
)


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="""Examples:

\b
  analyser analyse essay.docx --out reports/
  analyser analyse notes.txt --format json --out -
  cat draft.txt | analyser analyse - --out -
  analyser lexicon show
  analyser lexicon check my-course-lexicon.toml
  analyser evaluate corpus/annotated/concepts.jsonl

Run 'analyser COMMAND --help' for a command's options.""",
)
@click.version_option(__version__, prog_name="analyser")
def main() -> None:
    """Analyse reflective essays, case studies and meeting notes on partnership
    working: tag the course's concepts (identity threats, trust, vision,
    power) sentence by sentence with the evidence, and check citations."""


@main.command()
@click.argument("file", type=click.Path(allow_dash=True, path_type=str))
@click.option(
    "--out", "-o", default="reports", show_default=True,
    help="Output folder, or '-' to write to standard output.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="What to write.")
@profile_option
@lexicon_option
@style_option
@max_bytes_option
def analyse(file, out, fmt, profile, lexicon, style, max_bytes) -> None:
    """Analyse one document (.txt, .md, .docx, .odt, .pdf; '-' reads text from stdin).

    Writes OUT/<name>.json, the analysis result (schema:
    analyser/schema/analysis.schema.json), and prints where it is.

    \b
    Examples:
      analyser analyse corpus/samples/essay_jasmine_integration.docx --out reports/
      analyser analyse notes.md --format json --out - | jq '.mentions | length'
    """
    from analyser.output import safe_stem, to_json, write_atomic
    from analyser.pipeline import Analyser

    try:
        analysis = Analyser(_settings(profile, lexicon, style, max_bytes)).analyse_file(file)
    except AnalyserError as error:
        _fail(error)
    payload = to_json(analysis.to_dict())
    if out == "-":
        click.echo(payload, nl=False)
        return
    target = Path(out) / f"{safe_stem(file)}.json"
    if file != "-" and target.resolve() == Path(file).resolve():
        _fail(AnalyserError(f"{target}: refusing to overwrite the input file"))
    try:
        write_atomic(target, payload)
    except OSError as error:
        _fail(AnalyserError(f"{target}: cannot write ({error.strerror})"))
    counts = {}
    for mention in analysis.mentions:
        counts[mention.concept] = counts.get(mention.concept, 0) + 1
    summary = ", ".join(f"{c.id} {counts.get(c.id, 0)}" for c in analysis.concepts)
    click.echo(f"{file}: {analysis.document.metadata.word_count} words; {summary}; "
               f"{len(analysis.citations)} citations")
    click.echo(f"wrote {target}")


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
    """
    from analyser.lexicon import check_lexicon

    problems = check_lexicon(file)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{len(problems)} problem(s) in {file}", err=True)
        sys.exit(1)
    click.echo(f"{file}: OK")


@main.command()
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False))
@profile_option
@lexicon_option
@click.option("--errors", "show_errors", is_flag=True, help="Also list every disagreement.")
def evaluate(files, profile, lexicon, show_errors) -> None:
    """Compare the tool with human coding.

    FILES are JSON Lines files of coded sentences (default:
    corpus/annotated/concepts.jsonl). Prints per-concept precision, recall, F1
    and Cohen's kappa.
    """
    from analyser.evaluate import evaluate_concepts, format_concept_evaluation
    from analyser.pipeline import Analyser

    paths = list(files) or [p for p in ["corpus/annotated/concepts.jsonl"] if Path(p).is_file()]
    if not paths:
        raise click.UsageError("give an annotated file (none found at corpus/annotated/concepts.jsonl)")
    tool = Analyser(_settings(profile, lexicon, None, 20 * 1024 * 1024))
    try:
        for path in paths:
            result = evaluate_concepts(path, tool)
            click.echo(format_concept_evaluation(result))
            if show_errors:
                for error in result.errors:
                    click.echo(f"  {path}:{error['line']}: {error['error']} {error['concept']}: {error['text']}")
    except AnalyserError as error:
        _fail(error)
