"""Generate the deterministic synthetic benchmark corpus: N plain-text essays of
about W words each, built from sentence templates with a fixed seed, so every
run (and every machine) benchmarks the same bytes.

The mix is calibrated on the bundled sample essays (corpus/samples/): about 35
concept mentions and 12 citations per 1,000 words, 17-20 words per sentence,
paragraphs of 4-9 sentences, a reference list at the end.

    python bench/make_corpus.py            # 1,000 essays of ~3,000 words into bench/corpus/
    python bench/make_corpus.py --docs 50 --out /tmp/corpus
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SUBJECTS = ["The partnership", "Jasmine", "Sheraz", "Shirley", "The steering group", "The council",
            "The charity", "Each agency", "The integrated team", "The hub", "Staff", "The partners"]
CLAUSES = [
    "built trust slowly through small promises that were kept",
    "had no shared vision for the service",
    "felt de-skilled after the reorganisation",
    "held the budget and so had more power than the others",
    "agreed common objectives at the first meeting",
    "reported a lack of trust between the professions",
    "experienced role blurring in the new team",
    "noticed a power imbalance in every decision",
    "found that mistrust grew after the data breach",
    "kept a clear focus on outcomes for carers",
    "worked hard to keep continuity of staff",
    "did not trust each other at first",
    "felt overlooked by the senior managers",
]
NEUTRAL = [
    "met on Tuesdays in the community centre near the station",
    "reviewed the minutes and the action log before each meeting",
    "discussed the referral pathway in some detail with the duty team",
    "moved into a shared office on the second floor of the civic building",
    "prepared a report for the board on waiting times and staffing",
    "worked with families, schools and housing officers across the district",
    "described the daily routine of the service in the interviews",
    "changed the referral form twice during the first year of the project",
    "recorded the number of visits, calls and home assessments each month",
    "looked at how the new arrangements affected carers and older people",
]
CONNECTORS = ["while", "and", "because", "although", "after", "so"]
CITATIONS = ["(Huxham and Vangen, 2005)", "(Okafor, 2018, p. 45)", "(Lind and Berg, 2011)",
             "(Tuckman, 1965, cited in Lind, 2013, p. 12)", "(The Open University, 2017)",
             "(O'Neill et al., 2016)", "(Skills for Justice, 2019)"]
NARRATIVE = ["Huxham and Vangen (2005) argue that", "According to Okafor (2018),", "Mercer (2018) suggests that"]
REFERENCES = [
    "Huxham, C. and Vangen, S. (2005) Managing to collaborate. Abingdon: Routledge.",
    "Lind, K. (2013) Teams across boundaries. Bristol: Harbourside Press.",
    "Lind, K. and Berg, S. (2011) 'Building trust between professions', Journal of Interagency Practice, "
    "4(3), pp. 101-119.",
    "Okafor, N. (2018) Partnership in practice. London: Southbank Press.",
    "O'Neill, P., Hart, J. and Ames, R. (2016) 'Co-location and identity', "
    "Public Services Review, 9(2), pp. 77-95.",
    "Skills for Justice (2019) We need to do more with less. "
    "Available at: https://example.org (Accessed: 2 April 2024).",
    "The Open University (2017) Why do organisations work in partnership? Milton Keynes: The Open University.",
]


def sentence(rng: random.Random) -> str:
    roll = rng.random()
    first = rng.choice(CLAUSES) if rng.random() < 0.6 else rng.choice(NEUTRAL)
    body = first
    if rng.random() < 0.6:
        body += f" {rng.choice(CONNECTORS)} the team {rng.choice(NEUTRAL)}"
    if roll < 0.06:
        return f"{rng.choice(NARRATIVE)} {rng.choice(SUBJECTS).lower()} {body}."
    text = f"{rng.choice(SUBJECTS)} {body}"
    if roll < 0.25:
        text += f" {rng.choice(CITATIONS)}"
    return text + "."


def essay(index: int, words: int) -> str:
    rng = random.Random(index)
    parts = [f"Partnership working essay {index}", ""]
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng) for _ in range(rng.randint(4, 9)))
        count += len(paragraph.split())
        parts += [paragraph, ""]
    parts += ["References", "", *REFERENCES, ""]
    return "\n".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--words", type=int, default=3000)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "corpus")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(args.docs):
        (args.out / f"essay_{i:04d}.txt").write_text(essay(i, args.words), encoding="utf-8")
    print(f"wrote {args.docs} essays to {args.out}")


if __name__ == "__main__":
    main()
