"""Commands for researchers, registered on the main command group
(`analyser.cli`): export codings to QDA programs, read codings back, measure
agreement with a human coder, and keyword in context. Thin click commands
over `analyser.exports`, `analyser.agreement` and `analyser.kwic`."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from analyser.cli import (
    _fail,
    _settings,
    key_option,
    kind_option,
    lexicon_option,
    max_bytes_option,
    model_option,
    no_model_option,
    profile_option,
    pseudonymise_option,
    write_key,
)
from analyser.errors import AnalyserError, InputError, printable, text_name

EXPORT_FORMATS = ["csv", "jsonl", "qdpx", "qdc"]


def _analyses(inputs, settings, pseudonymise=False):
    """(name, analysis) for every document named by `inputs` (folders, globs,
    files; a .json file is read as an analysis result), the one-line errors
    of those that failed, and with `pseudonymise` the run's Pseudonymiser
    (None without): it learns the names of every document before any is
    analysed, so a name found in one is replaced in all."""
    import json

    from analyser.batch import find_inputs
    from analyser.ingest import ingest
    from analyser.model import Analysis
    from analyser.pipeline import Analyser
    from analyser.pseudonyms import Pseudonymiser, case_names

    analyser = Analyser(settings)
    results, errors = [], []
    results_json = [spec for spec in inputs if spec.lower().endswith(".json") and Path(spec).is_file()]
    documents = [spec for spec in inputs if spec not in results_json]
    try:
        found = find_inputs(documents) if documents else []
        pseudonymiser = Pseudonymiser(spare=case_names(analyser.load().profile_)) if pseudonymise else None
    except AnalyserError as error:
        _fail(error)
    for spec in results_json:
        try:
            analysis = Analysis.from_dict(json.loads(Path(spec).read_text(encoding="utf-8")))
            results.append((analysis.document.metadata.source or Path(spec).name, analysis))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            errors.append(f"{printable(text_name(spec))}: is not an analysis result ({type(exc).__name__})")
    read = []
    for item in found:
        try:
            read.append((item.name, ingest(item.path, settings.max_bytes, settings.max_pages)))
        except InputError as error:
            errors.append(str(error))
    if pseudonymiser is not None:
        for _, document in read:
            pseudonymiser.learn(pseudonymiser.names_in(document))
        errors = [pseudonymiser.replace_names(line, any_case=True) for line in errors]
    for name, document in read:
        if pseudonymiser is not None:
            document = pseudonymiser.replace(document)
            name = pseudonymiser.replace_names(name, any_case=True)
        try:
            analysis = analyser.analyse_document(document)
        except AnalyserError as error:
            _fail(error)
        analysis.document.metadata.source = name
        results.append((name, analysis))
    return results, errors, pseudonymiser


@click.command("export")
@click.argument("inputs", nargs=-1, metavar="FILES_OR_DIR...")
@click.option("--to", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="csv or jsonl: one row per coded segment; qdpx: a REFI-QDA project for NVivo, ATLAS.ti, "
                   "MAXQDA, QualCoder; qdc: the lexicon as a REFI-QDA codebook (no documents needed).")
@click.option("--out", "-o", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The file to write.")
@click.option("--excel", is_flag=True, help="CSV for Excel: a UTF-8 byte-order mark, and formula-like cells quoted.")
@profile_option
@lexicon_option
@kind_option
@max_bytes_option
@pseudonymise_option
@key_option
@no_model_option
@model_option
def export(inputs, fmt, out, excel, profile, lexicon, kind, max_bytes, pseudonymise, key_path, no_model,
           model) -> None:
    """Export the analyser's codings of documents (or of saved .json results).

    \b
    Examples:
      analyser export interviews/ --to qdpx --out interviews.qdpx
      analyser export notes.txt meeting.vtt --to csv --excel --out codings.csv
      analyser export --to qdc --out codebook.qdc
    """
    from analyser.exports import build_qdc, build_qdpx, coded_segments, write_table
    from analyser.output import write_atomic

    settings = _settings(profile, lexicon, None, max_bytes, kind=kind, no_model=no_model, model=model)
    if fmt == "qdc":
        from analyser.lexicon import load_lexicon
        from analyser.profile import load_profile

        try:
            lexicon_path = Path(lexicon) if lexicon else load_profile(profile).lexicon_path
            write_atomic(out, build_qdc(load_lexicon(lexicon_path)))
        except AnalyserError as error:
            _fail(error)
        click.echo(f"wrote {out}")
        return
    if not inputs:
        raise click.UsageError(f"give the documents to export with --to {fmt}")
    results, errors, pseudonymiser = _analyses(inputs, settings, pseudonymise)
    for line in errors:
        click.echo(f"error: {line}", err=True)
    if not results:
        _fail(AnalyserError(f"{' '.join(inputs)}: no documents to export"))
    if fmt == "qdpx":
        write_atomic(out, build_qdpx(results, name=out.stem))
        count = sum(len(a.mentions) for _, a in results)
    else:
        rows = [row for name, analysis in results for row in coded_segments(analysis, name)]
        write_atomic(out, write_table(rows, fmt, bom=excel))
        count = len(rows)
    click.echo(f"wrote {out}: {count} coded segments from {len(results)} document(s)")
    write_key(pseudonymiser, key_path)
    sys.exit(1 if errors else 0)


@click.command("import-codings")
@click.argument("file", type=click.Path(dir_okay=False, allow_dash=False))
@click.option("--out", "-o", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the codings as a table (.csv or .jsonl) for R, pandas or 'analyser agree'.")
@lexicon_option
def import_codings(file, out, lexicon) -> None:
    """Read codings made in a QDA program (.qdpx) or a table (.csv, .jsonl)
    and list them by coder and concept. Codes are matched to the lexicon's
    concepts by name ("Trust", "Trust: absent").

    \b
    Examples:
      analyser import-codings coded-in-nvivo.qdpx
      analyser import-codings coded-in-nvivo.qdpx --out human.csv
    """
    import json

    from analyser.exports import read_codings
    from analyser.lexicon import load_lexicon
    from analyser.output import write_atomic

    try:
        lex = load_lexicon(lexicon)
        coded = read_codings(file, [_concept_info(c) for c in lex.concepts])
    except AnalyserError as error:
        _fail(error)
    for warning in coded.warnings:
        click.echo(f"warning: {printable(warning)}", err=True)
    documents = {c.document for c in coded.codings} | set(coded.documents)
    click.echo(printable(f"{text_name(file)}: {len(coded.codings)} codings of {len(documents)} document(s) "
                         f"by {len(coded.coders)} coder(s)"))
    for coder in coded.coders:
        counts = Counter(c.concept for c in coded.codings if c.coder == coder)
        click.echo(printable(f"  {coder}: " + ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))))
    if out:
        keys = ["document", "start", "end", "concept", "polarity", "coder", "text"]
        if out.suffix.lower() == ".jsonl":
            content = "".join(json.dumps({k: getattr(c, k) for k in keys}, ensure_ascii=False) + "\n"
                              for c in coded.codings)
        else:
            import csv
            import io

            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerow(keys)
            writer.writerows([getattr(c, k) for k in keys] for c in coded.codings)
            content = buffer.getvalue()
        write_atomic(out, content)
        click.echo(f"wrote {out}")


def _concept_info(concept):
    from analyser.model import ConceptInfo

    return ConceptInfo(concept.id, concept.label, concept.colour, concept.description)


@click.command("agree")
@click.argument("a")
@click.argument("b")
@click.option("--unit", type=click.Choice(["sentence", "turn", "paragraph"]), default="sentence", show_default=True,
              help="What is compared: each sentence, each speaker's turn, or each paragraph.")
@click.option("--documents", "document_specs", multiple=True, metavar="PATH",
              help="The coded documents (files or a folder), when neither side is a .qdpx that holds them.")
@click.option("--coder-a", help="The coder to take from A when it holds several.")
@click.option("--coder-b", help="The coder to take from B when it holds several.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write the figures and the disagreements as an HTML page.")
@profile_option
@lexicon_option
@no_model_option
@model_option
def agree(a, b, unit, document_specs, coder_a, coder_b, html_path, profile, lexicon, no_model, model) -> None:
    """Agreement between two codings of the same documents, per concept:
    Cohen's kappa, Krippendorff's alpha, percent agreement, the confusion
    counts and every unit where the two disagree. Kappa comes with a 95%
    interval from resampling whole documents (a single document: its units),
    to say how far it could move with other documents like these.

    A and B are each a .qdpx project, a CSV or JSON Lines table of codings,
    or the word 'tool' for the analyser's own coding of the same documents.

    \b
    Examples:
      analyser agree human.qdpx tool
      analyser agree coder1.csv coder2.csv --documents interviews/ --unit turn
      analyser agree human.qdpx tool --html agreement.html
    """
    from analyser.agreement import compare, format_agreement, units_of
    from analyser.exports import Coding, read_codings
    from analyser.ingest import ingest_text
    from analyser.model import ConceptInfo
    from analyser.output import write_atomic
    from analyser.pipeline import Analyser
    from analyser.report.agreement_page import render_agreement

    if a == "tool" and b == "tool":
        raise click.UsageError("compare the tool with a coder: at most one side may be 'tool'")
    analyser = Analyser(_settings(profile, lexicon, None, 20 * 1024 * 1024, no_model=no_model, model=model)).load()
    concepts: list[ConceptInfo] = list(analyser.concepts_)
    sides = {}
    texts: dict[str, str] = {}
    try:
        for label, spec, coder in (("A", a, coder_a), ("B", b, coder_b)):
            if spec == "tool":
                continue
            coded = read_codings(spec, concepts)
            texts.update(coded.documents)
            if coder:
                if coder not in coded.coders:
                    raise AnalyserError(f"{spec}: has no coder '{coder}' (has: {', '.join(coded.coders) or 'none'})")
                coded = coded.by_coder(coder)
            elif len(coded.coders) > 1:
                raise AnalyserError(f"{spec}: holds several coders ({', '.join(coded.coders)}); "
                                    f"choose one with --coder-{label.lower()}")
            sides[label] = coded
        analyses = {}
        if document_specs:
            results, errors, _ = _analyses(document_specs, analyser.settings)
            for line in errors:
                click.echo(f"error: {line}", err=True)
            analyses = dict(results)
        for name, text in texts.items():
            if name not in analyses:
                analyses[name] = analyser.analyse_document(ingest_text(text, name))
    except AnalyserError as error:
        _fail(error)
    named = {c.document for side in sides.values() for c in side.codings}
    missing = sorted(named - set(analyses))
    if missing:
        _fail(AnalyserError(f"no text for the coded document(s) {', '.join(missing)}: give them with --documents"))
    tool = [Coding(name, m.start, m.end, m.concept, m.polarity, "analyser", m.text)
            for name, analysis in analyses.items() for m in analysis.mentions]
    units = [u for name, analysis in sorted(analyses.items()) for u in units_of(analysis, unit, name)]
    if not units:
        _fail(AnalyserError(f"the documents have no {unit}s to compare" +
                            ("; try --unit sentence" if unit == "turn" else "")))
    codings = {label: (tool if spec == "tool" else sides[label].codings) for label, spec in (("A", a), ("B", b))}
    names = tuple("analyser" if spec == "tool" else Path(text_name(spec)).name for spec in (a, b))
    report = compare(units, codings["A"], codings["B"], concepts, names=names, kind=unit)  # type: ignore[arg-type]
    click.echo(format_agreement(report))
    if html_path:
        write_atomic(html_path, render_agreement(report))
        click.echo(f"wrote {html_path}")


@click.command("kwic")
@click.argument("query", metavar="TERM_OR_CONCEPT")
@click.argument("inputs", nargs=-1, required=True, metavar="FILES_OR_DIR...")
@click.option("--width", type=click.IntRange(min=5, max=200), default=40, show_default=True,
              help="Characters of context on each side.")
@click.option("--format", "fmt", type=click.Choice(["text", "csv"]), default="text", show_default=True,
              help="Aligned lines for reading, or CSV (source, speaker, block, start, end, left, match, right).")
@profile_option
@lexicon_option
@kind_option
@max_bytes_option
@pseudonymise_option
def kwic(query, inputs, width, fmt, profile, lexicon, kind, max_bytes, pseudonymise) -> None:
    """Keyword in context: each occurrence of a term (as written, any case)
    or each mention of a concept (by id or label, e.g. 'trust' or 'Shared
    vision'), with its context, source and speaker.

    
    Examples:
      analyser kwic trust interviews/
      analyser kwic "shared vision" meeting.vtt --width 60
      analyser kwic power notes/ --format csv > power.csv
    """
    import csv
    import io

    from analyser.kwic import format_kwic
    from analyser.kwic import kwic as find

    results, errors, _ = _analyses(inputs, _settings(profile, lexicon, None, max_bytes, kind=kind), pseudonymise)
    for line in errors:
        click.echo(f"error: {line}", err=True)
    found = [hit for name, analysis in results for hit in find(analysis, query, document=name, width=width)]
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["source", "speaker", "block", "start", "end", "left", "match", "right"])
        writer.writerows([h.source, h.speaker or "", h.block, h.start, h.end, h.left, h.match, h.right] for h in found)
        click.echo(buffer.getvalue(), nl=False)
    else:
        if found:
            click.echo(format_kwic(found, width))
        click.echo(f"{len(found)} occurrence(s) in {len(results)} document(s)", err=True)
    sys.exit(1 if errors else 0)


COMMANDS = [export, import_codings, agree, kwic]
