"""Which line breaks inside a block the writer made by hand, and so start a
sentence, and which only wrap a paragraph to a width, and so read as spaces.

Notes are often typed a line per point, without full stops:

    Budget update from the CCG lead
    The CCG holds the purse strings so they decide what gets funded
    10:12 Agreed to draft a statement of what the partnership is for

Read as one paragraph, those lines were one sentence, and a concept found in
one line was reported for all three. Hard-wrapped prose must still read as
one paragraph, so that "shared\\nvision" is still the phrase "shared vision".

Wrapping is greedy: an editor ends a line only where the next word would not
fit. So a break is by hand when the next word would have fitted well within
the block's longest line, or when the next line opens a timed or listed
entry ("10:12 ...", "- ...", "2) ..."), or when no line reaches any wrap
width and the next line does not go on in lower case. Once a block has a
break by hand its lines are items, and every line that opens with a capital
or a digit starts a new one. A word broken by a hyphen at the end of a line
never breaks, and a blank line always does.
"""

from __future__ import annotations

import re

from analyser.ingest.plaintext import LIST_MARKER
from analyser.ingest.transcript import TIMED_LINE

# A line ends by hand when the next word would have fitted within this share
# of the longest line: room for text copied from a page set in a
# proportional font, whose lines differ in characters though not in width.
FIT_SHARE = 0.8
# No one wraps text narrower than this: a block of shorter lines was typed a
# line at a time (a line that opens in lower case still goes on from the last).
MIN_WRAP = 40
_WORD_BROKEN = re.compile(r"[^\W\d_]-$")


def hand_breaks(text: str) -> list[int]:
    """Offsets in `text` (a block's text) of each "\\n" that starts a new
    sentence, in order; [] for a block of one line."""
    if "\n" not in text:
        return []
    lines: list[str] = []
    newlines: list[int] = []  # offset of the "\n" before each line but the first
    position = 0
    for number, line in enumerate(text.split("\n")):
        if number:
            newlines.append(position - 1)
        lines.append(line.strip())
        position += len(line) + 1
    width = max(len(line) for line in lines)
    if width < MIN_WRAP:  # typed a line at a time: a line that goes on in lower case continues
        return [offset for offset, before, after in zip(newlines, lines, lines[1:])
                if not (before and after[:1].islower())]
    by_hand: list[bool] = []
    fitted = False  # a break that only a writer could have made
    for before, after in zip(lines, lines[1:]):
        if not before or not after:
            by_hand.append(True)  # a blank line
        elif _WORD_BROKEN.search(before) and after[:1].islower():
            by_hand.append(False)
        elif TIMED_LINE.match(after) or LIST_MARKER.match(after):
            by_hand.append(True)
        else:
            fits = len(before) + 1 + len(after.split(None, 1)[0]) <= FIT_SHARE * width
            fitted = fitted or fits
            by_hand.append(fits)
    if fitted:
        by_hand = [
            hand or (bool(after) and (after[0].isupper() or after[0].isdigit()) and not _WORD_BROKEN.search(before))
            for hand, before, after in zip(by_hand, lines, lines[1:])
        ]
    return [offset for offset, hand in zip(newlines, by_hand) if hand]
