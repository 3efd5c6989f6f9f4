"""The concept model's commands, registered on the main command group
(`analyser.cli`): fit a model from human coding (`train`) and list the
sentences it is least sure of, to code next (`suggest`). Thin click commands
over `analyser.training` and `analyser.suggestions`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from analyser.cli import _fail, _settings, lexicon_option, model_option, profile_option
from analyser.errors import AnalyserError, printable, text_name


@click.command()
@click.argument("coded", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False),
              help="Folder for concepts.model.json and its card, concepts.model.md.")
@click.option("--prevalence", type=click.Path(exists=True, dir_okay=False),
              help="TOML of target shares of sentences per concept, at which thresholds are chosen "
                   "(default: the packaged shares, measured on real writing).")
@click.option("--training-prevalence", is_flag=True,
              help="Choose thresholds at the training data's own shares (for coded data as dense as the "
                   "writing the model will read).")
@profile_option
@lexicon_option
def train(coded, out, prevalence, training_prevalence, profile, lexicon) -> None:
    """Fit the concept model from human coding and write it with its card.

    CODED files are JSON Lines (records with "text" and "codes", and "doc",
    "start", "end" for units of a document in the docs/ folder beside the
    file) or CSV (a "text" column and one column per concept holding
    present, absent or nothing; optional "doc"). Units of one document are
    never split between cross-validation folds. Training the same data twice
    gives the same bytes.

    Each concept's threshold maximises the cross-validated F1 of lexicon or
    model (averaged over five neighbouring cuts, for a steadier choice),
    over the units outside meetings (a meeting has its own floor), with the
    concept as rare as in real essays and reflective accounts (the shares
    in analyser/data/prevalence.toml, or --prevalence FILE): coded training
    documents are denser in the concepts than the writing the tool reads.

    \b
    Example:
      analyser train corpus/annotated/concepts.jsonl corpus/annotated/docs.jsonl --out models/
    """
    from analyser.pipeline import Analyser
    from analyser.thresholds import read_prevalence
    from analyser.training import train as fit_and_write

    if prevalence and training_prevalence:
        raise click.UsageError("give --prevalence FILE or --training-prevalence, not both")
    try:
        target = None if training_prevalence else read_prevalence(Path(prevalence) if prevalence else None)
        model_path, card_path, fitted = fit_and_write(
            coded, out, Analyser(_settings(profile, lexicon, None, 20 * 1024 * 1024, no_model=True)),
            progress=lambda line: click.echo(line, err=True), prevalence=target)
    except AnalyserError as error:
        _fail(error)
    card = fitted.model.card
    click.echo(f"trained on {card['units']:,} units ({card['documents']} documents) in {fitted.seconds:.1f} s; "
               "thresholds " + ", ".join(f"{c} {t:.2f}" for c, t in fitted.thresholds.items()))
    if "cross_validation" in card:
        cv = card["cross_validation"]
        click.echo("cross-validated micro F1: " + ", ".join(f"{s} {cv[s]['micro_f1']:.3f}"
                                                            for s in ("lexicon", "model", "both")))
    click.echo(f"wrote {model_path}")
    click.echo(f"wrote {card_path}")


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(allow_dash=False, readable=False, path_type=str))
@click.option("--n", "count", type=click.IntRange(min=1), default=20, show_default=True,
              help="How many sentences to list.")
@profile_option
@lexicon_option
@model_option
def suggest(files, count, profile, lexicon, model) -> None:
    """List the sentences the model is least sure of, to code next.

    For each sentence of FILES, the concept whose probability is nearest its
    threshold; the N nearest are printed as FILE:START-END, the concept, the
    probability and the sentence. Code them and retrain.

    \b
    Example:
      analyser suggest interviews/*.txt --n 20
    """
    from analyser.ingest import ingest
    from analyser.pipeline import Analyser
    from analyser.suggestions import least_sure, uncertain_sentences

    tool = Analyser(_settings(profile, lexicon, None, 20 * 1024 * 1024, model=model))
    try:
        tool.load()
    except AnalyserError as error:
        _fail(error)
    suggester = tool.suggester_
    if suggester is None:
        _fail(AnalyserError("no concept model: the profile names none (give one with --model)"))
        return
    candidates = []
    failed = False
    for file in files:
        try:
            reading = tool.lexicon_pass(ingest(file, tool.settings.max_bytes, tool.settings.max_pages))
        except AnalyserError as error:
            click.echo(f"error: {error}", err=True)
            failed = True
            continue
        candidates += uncertain_sentences(suggester, reading.parsed, reading.mentions, reading.not_coded,
                                          printable(text_name(file)))
    for item in least_sure(candidates, count):
        click.echo(f"{item.source}:{item.start}-{item.end}\t{item.concept}\t{item.probability:.3f} "
                   f"(threshold {item.threshold:.2f})\t{printable(' '.join(item.text.split()))}")
    sys.exit(1 if failed else 0)


COMMANDS = [train, suggest]
