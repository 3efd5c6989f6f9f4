"""Writing citations in Harvard (Cite Them Right) and APA 7."""

from __future__ import annotations

import pytest

from analyser.citations import Written, format_citation

CASES = [
    (Written(["Okafor"], "2018", pages="45"), "harvard", False, None, "(Okafor, 2018, p. 45)"),
    (Written(["Okafor"], "2018", pages="45"), "harvard", True, None, "Okafor (2018, p. 45)"),
    (Written(["Lind", "Berg"], "2011"), "harvard", False, None, "(Lind and Berg, 2011)"),
    (Written(["Lind", "Berg"], "2011"), "apa", False, None, "(Lind & Berg, 2011)"),
    (Written(["Lind", "Berg"], "2011"), "apa", True, None, "Lind and Berg (2011)"),
    # Cite Them Right names up to three authors and uses "et al." from four; APA 7 from three
    (Written(["Okafor", "Reid", "Hale"], "2016"), "harvard", False, None, "(Okafor, Reid and Hale, 2016)"),
    (Written(["Okafor", "Reid", "Hale"], "2016"), "harvard", True, None, "Okafor, Reid and Hale (2016)"),
    (Written(["Okafor", "Reid", "Hale", "Mensah"], "2016"), "harvard", False, None, "(Okafor et al., 2016)"),
    (Written(["Okafor", "Reid", "Hale"], "2016"), "apa", False, None, "(Okafor et al., 2016)"),
    (Written(["Okafor", "Reid", "Hale"], "2016"), "harvard-local", False, None, "(Okafor et al., 2016)"),
    (Written(["Tuckman"], "1965"), "harvard-local", False, Written(["Lind"], "2013"),
     "(Tuckman, 1965 cited in Lind, 2013)"),
    (Written(["Department of Health and Social Care"], "2021", abbreviation="[DHSC]"), "apa", False, None,
     "(Department of Health and Social Care [DHSC], 2021)"),
    (Written(["Okafor"], "2016", et_al=True), "apa", True, None, "Okafor et al. (2016)"),
    (Written(["Okafor"], "2018", pages="45-47"), "apa", False, None, "(Okafor, 2018, pp. 45–47)"),
    (Written(["Mind Tools"], "2017", pages="para. 3"), "harvard", False, None, "(Mind Tools, 2017, para. 3)"),
    (Written(["Lind"], "2013", "a"), "harvard", True, None, "Lind (2013a)"),
    (Written(["Gov.UK"], "n.d.", "b"), "apa", False, None, "(Gov.UK, n.d.-b)"),
    (Written(["Tuckman"], "1965"), "harvard", False, Written(["Lind"], "2013", pages="12"),
     "(Tuckman, 1965, cited in Lind, 2013, p. 12)"),
    (Written(["Tuckman"], "1965"), "apa", False, Written(["Lind"], "2013"), "(Tuckman, 1965, as cited in Lind, 2013)"),
    (Written(["Tuckman"], "1965"), "harvard", True, Written(["Lind", "Berg"], "2013"),
     "Tuckman (1965, cited in Lind and Berg, 2013)"),
    (Written(["Tuckman"], "1965"), "apa", True, Written(["Lind", "Berg"], "2013"),
     "Tuckman (1965, as cited in Lind & Berg, 2013)"),
]


@pytest.mark.parametrize(("work", "style", "narrative", "via", "expected"), CASES, ids=[c[4] for c in CASES])
def test_format(work, style, narrative, via, expected):
    assert format_citation(work, style, narrative, via) == expected


def test_a_work_inside_a_bracket_of_several_has_no_brackets():
    assert format_citation(Written(["Okafor"], "2018"), "harvard", brackets=False) == "Okafor, 2018"
