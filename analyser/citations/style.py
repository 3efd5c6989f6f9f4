"""Writing a citation correctly in Harvard (Cite Them Right) or APA 7: the
`suggestion` every problem carries.

    Harvard  (Okafor, 2018, p. 45)   Okafor (2018, p. 45)   (Lind and Berg, 2011)
             (Okafor et al., 2016)   (Tuckman, 1965, cited in Lind, 2013, p. 12)
    APA      (Okafor, 2018, p. 45)   (Lind & Berg, 2011)    Lind and Berg (2011)
             (Tuckman, 1965, as cited in Lind, 2013)

Three or more authors become "First et al." in both styles. Page ranges use
an en dash. The suggestion rewrites exactly the text of the citation's span,
so a report can offer it as a replacement: a work that is one part of a
bracket holding several is written without brackets ("Okafor, 2018").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Written:
    """The fields of a work to write out."""

    authors: list[str]
    year: str
    suffix: str = ""
    pages: str | None = None
    et_al: bool = False  # cited as "First et al." whatever the number of names given


def authors_text(
    authors: list[str], style: str, in_brackets: bool, possessive: bool = False, et_al: bool = False
) -> str:
    if not authors:
        names = ""
    elif len(authors) >= 3 or et_al:
        names = f"{authors[0]} et al."
    elif len(authors) == 2:
        joiner = "&" if style == "apa" and in_brackets else "and"
        names = f"{authors[0]} {joiner} {authors[1]}"
    else:
        names = authors[0]
    if possessive and names:
        names += "'" if names.endswith("s") and not names.endswith("et al.") else "'s"
    return names


def year_text(year: str, suffix: str, style: str) -> str:
    if not suffix:
        return year
    if year == "n.d.":
        return f"n.d.-{suffix}" if style == "apa" else f"n.d.{suffix}"
    return f"{year}{suffix}"


def pages_text(pages: str | None) -> str:
    """"p. 45", "pp. 45–47", "para. 3" from the normalised field."""
    if not pages:
        return ""
    if pages.startswith(("para.", "ch.")):
        return pages
    if "-" in pages:
        return "pp. " + pages.replace("-", "–")
    return f"p. {pages}"


def _tail(work: Written, style: str) -> list[str]:
    parts = [year_text(work.year, work.suffix, style)]
    if work.pages:
        parts.append(pages_text(work.pages))
    return parts


def format_citation(
    work: Written,
    style: str = "harvard",
    narrative: bool = False,
    via: Written | None = None,
    brackets: bool = True,
    possessive: bool = False,
) -> str:
    """The citation written correctly. `brackets=False` for one work of a
    bracket holding several."""
    secondary = "as cited in" if style == "apa" else "cited in"
    via_parts: list[str] = []
    if via is not None:
        via_parts = [f"{secondary} {authors_text(via.authors, style, True, et_al=via.et_al)}", *_tail(via, style)]
    if narrative:
        inner = ", ".join(_tail(work, style) + via_parts)
        return f"{authors_text(work.authors, style, False, possessive, work.et_al)} ({inner})"
    inner = ", ".join([authors_text(work.authors, style, True, et_al=work.et_al), *_tail(work, style), *via_parts])
    return f"({inner})" if brackets else inner
