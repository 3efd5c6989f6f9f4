"""Exports for researchers: coded segments as CSV or JSON Lines, a REFI-QDA
project (.qdpx) and codebook (.qdc) for NVivo, ATLAS.ti, MAXQDA, QualCoder
and other QDA programs, and the reader that takes codings back in.

    rows = coded_segments(analysis, name)          # one per mention
    write_table(rows, "csv")                       # or "jsonl"
    project = build_qdpx(documents, concepts)      # bytes of a .qdpx zip
    coded = read_codings("human.qdpx")             # or a CSV / JSON Lines table

Every export reads only `Analysis` results; offsets are Python string indices
(Unicode code points) into `document.text`, the text that goes into the
project as each source's plain text.
"""

from analyser.exports.codings import Coding, CodingSet, read_codings
from analyser.exports.qdpx import build_qdc, build_qdpx
from analyser.exports.segments import CodedSegment, coded_segments, write_table

__all__ = [
    "Coding", "CodingSet", "read_codings", "build_qdpx", "build_qdc", "CodedSegment", "coded_segments",
    "write_table",
]
