"""Citation styles as data, and writing a citation correctly in one: the
`suggestion` every problem carries.

A style (`CitationStyle`) is one table of `analyser/data/citation_styles.toml`
(or of a course's own file, named in its profile), registered by name:

    Cite Them Right  (Okafor, 2018, p. 45)   (Lind and Berg, 2011)   (Okafor, Reid and Hale, 2016)
                     (Okafor et al., 2016)   (Tuckman, 1965, cited in Lind, 2013, p. 12)
    APA 7            (Lind & Berg, 2011)     Lind and Berg (2011)    (Okafor et al., 2016)
                     (Tuckman, 1965, as cited in Lind, 2013)

How many authors before "et al.", the word joining authors in and outside
brackets, the secondary-citation phrase, "n.d." and the page labels all come
from the style; nothing in the checker names a style. Page ranges use an en
dash. A suggestion rewrites exactly the text of the citation's span, so a
report can offer it as a replacement: a work that is one part of a bracket
holding several is written without brackets ("Okafor, 2018").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from analyser.datafile import TomlFile
from analyser.errors import DataFileError
from analyser.resources import data_path

# A page opening with a letter or a supplement's numeral: "S10", "e13", "i14", "ii1-ii30".
_LETTERED_PAGE = re.compile(r"(?:[A-Za-z]|ii|iii|iv)\d")


@dataclass(frozen=True, eq=False)
class CitationStyle:
    """The rules of one citation style, as the checker uses them. Compared
    and hashed by identity (one object per registered name), so using a
    style as a cache key costs nothing."""

    name: str
    title: str
    et_al_from: int
    join_in_brackets: str
    join_in_text: str
    join_in_references: str
    secondary: str
    secondary_accepted: tuple[str, ...]
    comma_before_secondary: bool
    no_date: str
    no_date_suffix: str
    in_press: str  # a work accepted but not yet published: "forthcoming" (Cite Them Right), "in press" (APA 7)
    in_press_refused: tuple[str, ...]  # other words for it the style does not write (`in_press_form`)
    page: str
    pages: str
    paragraph: str
    refused_page_labels: tuple[str, ...]
    unpaginated_quote: str
    personal_listed: bool
    reference_entry: str
    comma_after_eg: bool
    alphabetical_in_brackets: bool
    abbreviation_brackets: str  # "[]", or "" to keep the writer's brackets
    narrative_abbreviation_with_year: bool  # a fix writes "Excellence (NICE, 2019)", not "(NICE) (2019)"
    initials_for_shared_surname: bool  # first authors sharing a surname keep their initials (APA 7, 8.20)
    secondary_year_optional: bool  # an original read in another source may go without its year (APA 7)
    names_before_et_al: bool  # "(Kapoor, Bloom, Montez, et al., 2020)" tells two works apart (APA 7, 8.18)
    year_commas_in_brackets: bool  # inside a bracket, "Law Commission, 2017", not "Law Commission (2017)" (APA 7)

    def authors(
        self, names: list[str], in_brackets: bool, et_al: bool = False, possessive: bool = False, others: str = ""
    ) -> str:
        """The author part of a citation: "Okafor", "Lind and Berg", "Okafor,
        Reid and Hale", "Okafor et al.". `et_al` keeps an "et al." the writer
        used (only the first name is known then), or the words written in
        its place (`others`: "and colleagues", which a fix for another
        problem keeps rather than guess how many names it stands for)."""
        if not names:
            text = ""
        elif et_al or len(names) >= self.et_al_from:
            text = f"{names[0]} {others or 'et al.'}"
        elif len(names) == 1:
            text = names[0]
        else:
            joiner = self.join_in_brackets if in_brackets else self.join_in_text
            text = f"{', '.join(names[:-1])} {joiner} {names[-1]}"
        if possessive and text:
            text += "'" if text.endswith("s") and not text.endswith("et al.") else "'s"
        return text

    def year(self, year: str, suffix: str = "") -> str:
        if year in self.in_press_refused:  # "forthcoming" written "in press" in APA 7
            return f"{self.in_press}{suffix}"
        if year == "n.d.":
            return self.no_date_suffix.format(no_date=self.no_date, suffix=suffix) if suffix else self.no_date
        return f"{year}{suffix}"

    def locator(self, pages: str | None) -> str:
        """"p. 45", "pp. 45–47", "para. 3", a time "4:12" from the normalised field."""
        if not pages:
            return ""
        if pages.startswith("para."):
            return f"{self.paragraph} {pages[5:].strip()}"
        if (pages[:1].isalpha() and not _LETTERED_PAGE.match(pages)) or ":" in pages:
            # "chapter 6", "Section 1.2", a time "4:12": as written (a page opening with a letter,
            # "S10", "e13", "i14", is a page)
            return pages
        if "-" in pages:
            return f"{self.pages} " + pages.replace("-", "–")
        return f"{self.page} {pages}"

    def label(self, names: list[str], year: str | None = None, suffix: str = "") -> str:
        """A work named in a sentence of a message or report: "Huxham and
        Vangen (2005)", or only the names without a year."""
        shown = self.authors(names, in_brackets=False) or "?"
        return shown if year is None else f"{shown} ({self.year(year, suffix)})"


# --- the registry ---------------------------------------------------------------

_FIELDS = {f.name: f.type for f in fields(CitationStyle) if f.name != "name"}
# Keys added after course teams began writing their own style tables: a table
# without them (and without `based_on`) keeps loading, with the older behaviour.
_OPTIONAL = {"secondary_year_optional": False, "names_before_et_al": False, "year_commas_in_brackets": False}
_REGISTRY: dict[str, CitationStyle] = {}


def load_styles(path: Path, known: dict[str, CitationStyle] | None = None) -> dict[str, CitationStyle]:
    """The styles defined in one TOML file, one table each; a table may start
    from a style already known (or defined earlier in the file) with
    `based_on`. Every problem is reported as file:line."""
    file = TomlFile(path)
    styles: dict[str, CitationStyle] = {}
    base_of = dict(known or {})
    for name, table in file.data.items():
        line = file.line_of(f"[{name}]")
        if not isinstance(table, dict):
            file.problem(line, f"'{name}' must be a table: [{name}]")
            continue
        values: dict[str, Any] = {}
        base_name = table.get("based_on")
        if base_name is not None:
            base = base_of.get(str(base_name))
            if base is None:
                file.problem(file.line_of("based_on", line), f"[{name}] is based on unknown style '{base_name}'")
                continue
            values = {k: getattr(base, k) for k in _FIELDS}
        file.check_keys(table, {*_FIELDS, "based_on"}, f"[{name}]", line)
        for key, value in table.items():
            if key in _FIELDS:
                values[key] = _value(file, name, key, value, line)
        for key, default in _OPTIONAL.items():
            values.setdefault(key, default)
        missing = sorted(set(_FIELDS) - set(values))
        if missing:
            file.problem(line, f"[{name}] lacks {', '.join(missing)}")
            continue
        if None in values.values():
            continue
        style = CitationStyle(name=name, **values)
        styles[name] = base_of[name] = style
    file.raise_if_problems()
    return styles


def _value(file: TomlFile, table: str, key: str, value: Any, line: int) -> Any:
    kind = _FIELDS[key]
    where = file.line_of(key, line)
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool) and value >= 2:
            return value
        file.problem(where, f"'{key}' in [{table}] must be a whole number of 2 or more")
    elif kind == "bool":
        if isinstance(value, bool):
            return value
        file.problem(where, f"'{key}' in [{table}] must be true or false")
    elif kind.startswith("tuple"):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return tuple(v.lower().rstrip(".") if key == "refused_page_labels" else v.lower() for v in value)
        file.problem(where, f"'{key}' in [{table}] must be a list of texts in quotes")
    elif isinstance(value, str):
        return value
    else:
        file.problem(where, f"'{key}' in [{table}] must be text in quotes")
    return None


def _builtin() -> dict[str, CitationStyle]:
    if not _REGISTRY:
        _REGISTRY.update(load_styles(data_path("citation_styles.toml")))
    return _REGISTRY


def register_styles(path: str | Path) -> list[str]:
    """Add a course's own styles (a TOML file of style tables) to the
    registry; returns their names. A name already registered is replaced."""
    styles = load_styles(Path(path), _builtin())
    _REGISTRY.update(styles)
    return list(styles)


def style_names() -> list[str]:
    """The names of every registered style (the choices of `--style`)."""
    return list(_builtin())


def style_title(name: str) -> str:
    """A style's title for a report ("Harvard (Cite Them Right)"); a name not
    registered here (a result from another installation) as it is."""
    found = _builtin().get(name.lower())
    return found.title if found else name


def citation_style(style: str | CitationStyle) -> CitationStyle:
    """The registered style of this name (a style object is returned as it is)."""
    if isinstance(style, CitationStyle):
        return style
    found = _builtin().get(style.lower())
    if found is None:
        raise DataFileError("citation style", [f"unknown citation style '{style}' (one of: {', '.join(_REGISTRY)})"])
    return found


# --- writing a citation -----------------------------------------------------------


@dataclass
class Written:
    """The fields of a work to write out."""

    authors: list[str]
    year: str
    suffix: str = ""
    pages: str | None = None
    et_al: bool = False  # cited as "First et al." whatever the number of names given
    others: str = ""  # ... or as written in its place: "First and colleagues"
    abbreviation: str = ""  # a group author's abbreviation at first use: "[DHSC]"


def _tail(work: Written, style: CitationStyle) -> list[str]:
    parts = [style.year(work.year, work.suffix)]
    if work.pages:
        parts.append(style.locator(work.pages))
    return parts


def _names(work: Written, style: CitationStyle, in_brackets: bool, possessive: bool = False) -> str:
    """The authors as the style writes them, then a group author's
    abbreviation; where the first name alone is written before "et al." (or
    "and colleagues"), the abbreviation can only be that body's and follows
    its name: "(National Institute for Health and Care Excellence [NICE] et
    al., 2020)", never "... Excellence et al. [NICE]"."""
    names = style.authors(work.authors, in_brackets, work.et_al, possessive, work.others)
    if not work.abbreviation:
        return names
    first = work.authors[0] if work.authors else ""
    if first and names.startswith(first + " ") and not any(other in names for other in work.authors[1:]):
        return f"{first} {work.abbreviation}{names[len(first):]}"  # (the others not written: "et al.")
    return f"{names} {work.abbreviation}"


def format_citation(
    work: Written,
    style: str | CitationStyle = "harvard",
    narrative: bool = False,
    via: Written | None = None,
    brackets: bool = True,
    possessive: bool = False,
) -> str:
    """The citation written correctly. `brackets=False` for one work of a
    bracket holding several."""
    rules = citation_style(style)
    tail = [part for part in _tail(work, rules) if part]  # (no year: "(Tuckman, as cited in Lind, 2013)")
    if via is not None:
        secondary = f"{rules.secondary} {_names(via, rules, True)}"
        head, *rest = _tail(via, rules)
        if rules.comma_before_secondary or not tail:
            tail += [secondary, head, *rest]
        else:
            tail[-1] += f" {secondary}"
            tail += [head, *rest]
    if narrative:
        return f"{_names(work, rules, False, possessive)} ({', '.join(tail)})"
    inner = ", ".join([_names(work, rules, True), *tail])
    return f"({inner})" if brackets else inner
