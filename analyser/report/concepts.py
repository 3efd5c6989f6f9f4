"""How each concept looks in a page: a CSS class, its lexicon colour, a
light tint that dark text can sit on, and an underline style.

Why both a tint and a line style: the lexicon's colours (#D55E00, #0072B2,
#009E73, #CC79A7) are chosen to be told apart by colour-blind readers, but as
backgrounds under text several fail WCAG contrast. So the colour itself is
used only for borders, underlines and swatches; text sits on a tint of it;
and each concept also has its own underline style, so highlights stay
distinguishable in greyscale print and without colour vision.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from analyser.model import ConceptInfo

_HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
FALLBACK_COLOUR = "#6E7781"
LINE_STYLES = ("solid", "dashed", "dotted", "double")
TINT_STRENGTH = 0.16  # share of the concept colour in the highlight background


@dataclass(frozen=True)
class ConceptStyle:
    id: str
    label: str
    description: str
    css_class: str  # "k0", "k1", … — never derived from the id, so any id is safe
    colour: str
    tint: str
    line: str


def tint(colour: str, strength: float = TINT_STRENGTH) -> str:
    """`colour` mixed with white: a background on which #1F2328 text passes AA."""
    channels = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * strength) for c in channels]
    return "#" + "".join(f"{c:02X}" for c in mixed)


def concept_styles(concepts: Sequence[ConceptInfo]) -> list[ConceptStyle]:
    styles = []
    for index, concept in enumerate(concepts):
        colour = concept.colour.upper() if _HEX_COLOUR.fullmatch(concept.colour or "") else FALLBACK_COLOUR
        styles.append(
            ConceptStyle(
                id=concept.id,
                label=concept.label or concept.id,
                description=concept.description,
                css_class=f"k{index}",
                colour=colour,
                tint=tint(colour),
                line=LINE_STYLES[index % len(LINE_STYLES)],
            )
        )
    return styles


def concept_css(styles: Sequence[ConceptStyle]) -> str:
    """Per-concept CSS variables and the rule that hides a toggled-off concept.

    Only validated colours, fixed keywords and our own class names go in, so
    nothing from a lexicon file can end the style block.
    """
    rules = []
    for style in styles:
        k = style.css_class
        rules.append(f".{k}{{--c:{style.colour};--tint:{style.tint};--ls:{style.line}}}")
        rules.append(f".doc.hide-{k} mark.m.{k}{{background:transparent;border-bottom-color:transparent}}")
        rules.append(f".doc.hide-{k} mark.m.{k}::after{{content:none}}")
    return "\n" + "\n".join(rules) + "\n"
