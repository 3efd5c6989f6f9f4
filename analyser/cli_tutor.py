"""Commands for a tutor's and a student's workflow, registered on the main
command group (`analyser.cli`): feedback as Word comments on a copy of the
student's document (`annotate`), and two drafts compared (`compare`). Thin
click commands over `analyser.annotate` and `analyser.compare`."""

from __future__ import annotations

from pathlib import Path

import click

from analyser.annotate import SHOW_CHOICES
from analyser.cli import _fail, _settings, reading_options
from analyser.errors import AnalyserError, printable, text_name

show_option = click.option(
    "--show", type=click.Choice(SHOW_CHOICES), default="problems", show_default=True,
    help="Which comments: citation and reference problems with their fixes, concept mentions, or all. "
         "Essay-level findings always go on the title.")


@click.command()
@click.argument("file", type=click.Path(readable=False, path_type=str))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder for the commented copy.")
@show_option
@reading_options
def annotate(file, out, show, profile, lexicon, style, max_bytes) -> None:
    """Write a copy of a student's .docx (or .odt) with the feedback as comments.

    Writes OUT/<name>.annotated.docx (Word comments; for an .odt,
    OUT/<name>.annotated.odt with ODF annotations): the student's own
    document, its formatting, tracked changes and comments kept, with a
    comment on each citation problem (with its fix), each concept mention
    (--show concepts or all) and each essay-level finding (on the title). The
    original is never modified. Other formats get one line saying so.

    \b
    Examples:
      analyser annotate essay.docx --out marked/
      analyser annotate essay.docx --out marked/ --show all
    """
    from analyser.annotate import MAX_COMMENTS, needs_docx, write_annotated_copy
    from analyser.ingest import ingest_bytes, read_file
    from analyser.output import safe_stem
    from analyser.pipeline import Analyser

    shown = text_name(file)
    refusal = needs_docx(shown)
    if refusal:
        _fail(AnalyserError(f"{printable(shown)}: {refusal}"))
    settings = _settings(profile, lexicon, style, max_bytes)
    suffix = Path(shown).suffix.lower()
    try:
        data = read_file(Path(file), shown, max_bytes)
        analysis = Analyser(settings).analyse_document(
            ingest_bytes(data, shown, suffix.lstrip("."), max_bytes, settings.max_pages, suffix=suffix))
        if analysis.document.metadata.format not in ("docx", "odt"):  # content decides: a mis-named file
            raise AnalyserError(f"{printable(shown)}: {needs_docx('x.' + analysis.document.metadata.format)}")
        copy = write_annotated_copy(data, analysis, out, safe_stem(file), show)
    except AnalyserError as error:
        _fail(error)
    except OSError as error:
        _fail(AnalyserError(f"{error.filename or out}: cannot write ({error.strerror or error})"))
    missed = f" ({copy.wanted - copy.placed} could not be anchored)" if copy.placed < copy.wanted else ""
    capped = (f"; {copy.left_out:,} more left out, at most {MAX_COMMENTS} in a copy: the report has them"
              if copy.left_out else "")
    click.echo(f"{printable(shown)}: {copy.placed} comments{missed}{capped}")
    click.echo(f"wrote {copy.path}")


@click.command()
@click.argument("first", type=click.Path(readable=False, path_type=str))
@click.argument("second", type=click.Path(readable=False, path_type=str))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder for the page.")
@reading_options
def compare(first, second, out, profile, lexicon, style, max_bytes) -> None:
    """Compare two drafts of one essay: what a redraft changed.

    Writes OUT/<second>.compare.html, one self-contained page: concepts
    gained and lost, citation problems fixed, new and still open, references
    added, feedback points resolved and still open, and the second draft's
    text with what was added and removed marked. Any formats the analyser reads.

    
    Example:
      analyser compare draft1.docx draft2.docx --out feedback/
    """
    from analyser.compare import compare as compare_drafts
    from analyser.output import safe_stem, write_atomic
    from analyser.pipeline import Analyser
    from analyser.report.compare_page import render_comparison

    tool = Analyser(_settings(profile, lexicon, style, max_bytes))
    try:
        before, after = tool.analyse_file(first), tool.analyse_file(second)
        comparison = compare_drafts(before, after)
        target = out / f"{safe_stem(second)}.compare.html"
        write_atomic(target, render_comparison(comparison))
    except AnalyserError as error:
        _fail(error)
    except OSError as error:
        _fail(AnalyserError(f"{error.filename or out}: cannot write ({error.strerror or error})"))
    click.echo(f"{printable(text_name(second))}: {len(comparison.problems_fixed)} problems fixed, "
               f"{len(comparison.problems_new)} new, {len(comparison.problems_open)} still to fix; "
               f"{len(comparison.findings_resolved)} feedback points resolved")
    click.echo(f"wrote {target}")


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Any other than this computer's own (127.0.0.1) needs the token printed.")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@reading_options
@click.option("--max-files", type=click.IntRange(1), default=None,
              help="Most files a dropped folder may hold (default 300; the page shows it).")
@click.option("--max-total-bytes", type=click.IntRange(1), default=None,
              help="Most bytes a dropped folder's files may hold in all (default 100 MiB; the page shows it).")
def serve(host, port, profile, lexicon, style, max_bytes, max_files, max_total_bytes) -> None:
    """A page in your browser to drop a file on: an essay gives its report,
    a VLE's submissions zip or a folder the class overview.

    Listens on 127.0.0.1 (this computer only) unless --host says otherwise;
    then it prints a token that every request needs. Nothing is stored.
    Stop it with Ctrl-C.

    \b
    Example:
      analyser serve            # then open http://127.0.0.1:8765/
    """
    import uvicorn

    from analyser.serve import ServeSettings, build_app, needs_token, new_token

    token = new_token() if needs_token(host) else None
    limits = {"max_files": max_files, "max_total_bytes": max_total_bytes}
    app = build_app(ServeSettings(_settings(profile, lexicon, style, max_bytes), host, port, token,
                                  **{name: value for name, value in limits.items() if value is not None}))
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"analyser serve: open http://{shown}:{port}/" + (f"?token={token}" if token else ""))
    if token:
        click.echo(f"token (needed by every request): {token}")
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS = [annotate, compare, serve]
