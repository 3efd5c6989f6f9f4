"""scripts/try_reflection.py finds a CEReD sentence in its context window and
reads its neighbours from there (the context candidates of README's tried table)."""

from __future__ import annotations

import pytest
from script_loader import load_script


def _script():
    return load_script("try_reflection")


WINDOW = "We sat down. I was nervous at first. The pupils were loud! Then I calmed down. It went well."


@pytest.mark.parametrize("sentence, expected", [
    # the sentence as in the window: one and two sentences each side
    ("The pupils were loud!", {"previous": "I was nervous at first.", "next": "Then I calmed down.",
                               "previous2": "We sat down.", "next2": "It went well."}),
    # translated a little differently from the window: the closest sentence by shared words
    ("The pupils were very loud.", {"previous": "I was nervous at first.", "next": "Then I calmed down.",
                                    "previous2": "We sat down.", "next2": "It went well."}),
    # at the window's start: nothing before it
    ("We sat down.", {"previous": "", "next": "I was nervous at first.", "previous2": "",
                      "next2": "The pupils were loud!"}),
    # at its end: nothing after it
    ("It went well.", {"previous": "Then I calmed down.", "next": "", "previous2": "The pupils were loud!",
                       "next2": ""}),
])
def test_context_neighbours(sentence, expected):
    assert _script().context_neighbours(sentence, WINDOW) == expected


def test_an_empty_context_has_no_neighbours():
    assert set(_script().context_neighbours("I was nervous.", "  ").values()) == {""}


def test_the_script_says_which_file_is_missing(tmp_path, capsys):
    assert _script().main(["--data", str(tmp_path)]) == 1
    assert "train.tsv" in capsys.readouterr().err
