#!/usr/bin/env python3
"""Build the bundled sample documents in corpus/samples/ from their sources.

Sources live in corpus/samples/src/ and are written in a small subset of
Markdown:

* an optional front-matter block between two ``---`` lines at the top, with
  ``title:``, ``short_title:`` (used for the PDF running header) and
  ``author:`` keys;
* ``# `` heading 1, ``## `` heading 2;
* ``- `` bullet list items;
* pipe tables (``| a | b |`` rows, the second row being ``| --- | --- |``);
* anything else is body text; consecutive non-blank lines form one paragraph.

Outputs (written next to src/, i.e. in corpus/samples/):

* essay_jasmine_integration.md  -> essay_jasmine_integration.docx
* draft_with_problems.md        -> draft_with_problems.docx (the .md is copied too)
* essay_sheraz_safeguarding.md  -> essay_sheraz_safeguarding.pdf
* essay_shirley_charity.txt, meeting_notes_*                -> copied unchanged

The outputs are deterministic: fixed document dates, and the .docx zip is
rewritten with fixed member timestamps.

Usage:  python scripts/build_samples.py [--verify]
Needs python-docx and fpdf2 (and pypdf for --verify).
"""

from __future__ import annotations

import argparse
import io
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "corpus" / "samples"
SRC = SAMPLES / "src"

# Fixed timestamp for document metadata so that rebuilds are byte-identical.
FIXED_DATE = datetime(2024, 5, 1, 9, 0, 0, tzinfo=UTC)
ZIP_DATE = (2024, 5, 1, 9, 0, 0)

DOCX_JOBS = [
    ("essay_jasmine_integration.md", "essay_jasmine_integration.docx"),
    ("draft_with_problems.md", "draft_with_problems.docx"),
]
PDF_JOBS = [
    ("essay_sheraz_safeguarding.md", "essay_sheraz_safeguarding.pdf"),
]
COPY_PATTERNS = [
    "essay_shirley_charity.txt",
    "meeting_notes_*",
    "draft_with_problems.md",
]


# --------------------------------------------------------------------------
# Parsing
# --------------------------------------------------------------------------


@dataclass
class Block:
    kind: str  # "h1", "h2", "bullet", "table", "para"
    text: str = ""
    rows: list[list[str]] = field(default_factory=list)


@dataclass
class Document:
    meta: dict[str, str]
    blocks: list[Block]

    @property
    def title(self) -> str:
        return self.meta.get("title", "")

    @property
    def short_title(self) -> str:
        return self.meta.get("short_title") or self.title

    @property
    def author(self) -> str:
        return self.meta.get("author", "")


_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")


def _strip_inline(text: str) -> str:
    """Drop the little inline Markdown there is (bold/italic markers)."""
    text = re.sub(r"\*\*(.+?)\*\*", r"\1", text)
    text = re.sub(r"(?<!\w)\*(?!\s)(.+?)(?<!\s)\*(?!\w)", r"\1", text)
    return text


def _split_row(line: str) -> list[str]:
    inner = line.strip()
    if inner.startswith("|"):
        inner = inner[1:]
    if inner.endswith("|"):
        inner = inner[:-1]
    return [_strip_inline(c.strip()) for c in inner.split("|")]


def parse_markdown(text: str) -> Document:
    lines = text.splitlines()
    meta: dict[str, str] = {}
    i = 0
    if lines and lines[0].strip() == "---":
        for j in range(1, len(lines)):
            if lines[j].strip() == "---":
                for raw in lines[1:j]:
                    if ":" in raw:
                        key, value = raw.split(":", 1)
                        meta[key.strip()] = value.strip()
                i = j + 1
                break

    blocks: list[Block] = []
    para: list[str] = []

    def flush_para() -> None:
        if para:
            blocks.append(Block("para", _strip_inline(" ".join(para))))
            para.clear()

    while i < len(lines):
        line = lines[i].rstrip()
        stripped = line.strip()
        if not stripped:
            flush_para()
            i += 1
            continue
        if stripped.startswith("## "):
            flush_para()
            blocks.append(Block("h2", _strip_inline(stripped[3:].strip())))
        elif stripped.startswith("# "):
            flush_para()
            blocks.append(Block("h1", _strip_inline(stripped[2:].strip())))
        elif stripped.startswith("- "):
            flush_para()
            blocks.append(Block("bullet", _strip_inline(stripped[2:].strip())))
        elif stripped.startswith("|"):
            flush_para()
            rows: list[list[str]] = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = _split_row(lines[i])
                if not all(_SEPARATOR_CELL.match(c) for c in cells if c):
                    rows.append(cells)
                i += 1
            blocks.append(Block("table", rows=rows))
            continue
        else:
            para.append(stripped)
        i += 1
    flush_para()
    return Document(meta, blocks)


# --------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------


def _normalise_zip(path: Path) -> None:
    """Rewrite a zip with fixed member timestamps and a stable order."""
    with zipfile.ZipFile(path) as zin:
        members = [(info.filename, zin.read(info.filename)) for info in zin.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zout.writestr(info, data)
    path.write_bytes(buf.getvalue())


def build_docx(doc: Document, out: Path) -> None:
    import docx  # python-docx

    d = docx.Document()
    props = d.core_properties
    props.title = doc.title
    props.author = doc.author
    props.last_modified_by = doc.author
    props.created = FIXED_DATE.replace(tzinfo=None)
    props.modified = FIXED_DATE.replace(tzinfo=None)
    props.revision = 1
    props.subject = "Sample essay for the analyser (fictional)"
    props.keywords = "partnership working; sample"
    props.comments = ""
    props.category = ""

    if doc.title:
        d.add_paragraph(doc.title, style="Title")
    for block in doc.blocks:
        if block.kind == "h1":
            d.add_paragraph(block.text, style="Heading 1")
        elif block.kind == "h2":
            d.add_paragraph(block.text, style="Heading 2")
        elif block.kind == "bullet":
            d.add_paragraph(block.text, style="List Bullet")
        elif block.kind == "table":
            rows = block.rows
            ncols = max(len(r) for r in rows)
            table = d.add_table(rows=len(rows), cols=ncols)
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c in range(ncols):
                    cell = table.cell(r, c)
                    cell.text = row[c] if c < len(row) else ""
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True
        else:
            d.add_paragraph(block.text, style="Normal")
    out.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(out))
    _normalise_zip(out)


# --------------------------------------------------------------------------
# PDF
# --------------------------------------------------------------------------

_PDF_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
    "\u2013": "-", "\u2014": "--", "\u2212": "-", "\u2010": "-", "\u2011": "-",
    "\u2026": "...", "\u2022": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " ",
}


def pdf_safe(text: str) -> str:
    """Map text to what the Helvetica core font (latin-1) can encode."""
    for bad, good in _PDF_REPLACEMENTS.items():
        text = text.replace(bad, good)
    return text.encode("latin-1", errors="replace").decode("latin-1")


def build_pdf(doc: Document, out: Path) -> None:
    from fpdf import FPDF
    from fpdf.fonts import FontFace

    header_text = pdf_safe(doc.short_title)

    class EssayPDF(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 6, header_text, align="R", new_x="LMARGIN", new_y="NEXT")
            self.set_draw_color(180, 180, 180)
            self.line(self.l_margin, self.get_y(), self.w - self.r_margin, self.get_y())
            self.set_text_color(0, 0, 0)
            self.ln(6)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", "", 8)
            self.set_text_color(90, 90, 90)
            self.cell(0, 8, f"Page {self.page_no()} of {{nb}}", align="C")
            self.set_text_color(0, 0, 0)

    pdf = EssayPDF(format="A4", unit="mm")
    pdf.alias_nb_pages("{nb}")
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(True, margin=22)
    pdf.set_title(pdf_safe(doc.title))
    pdf.set_author(pdf_safe(doc.author))
    pdf.set_subject("Sample essay for the analyser (fictional)")
    pdf.set_creator("scripts/build_samples.py")
    pdf.set_lang("en-GB")
    pdf.set_creation_date(FIXED_DATE)
    pdf.add_page()

    body_h = 5.6
    if doc.title:
        pdf.set_font("Helvetica", "B", 17)
        pdf.multi_cell(0, 8, pdf_safe(doc.title), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
        if doc.author:
            pdf.set_font("Helvetica", "", 10)
            pdf.cell(0, 6, pdf_safe(doc.author), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)

    for block in doc.blocks:
        if block.kind in ("h1", "h2"):
            size = 14 if block.kind == "h1" else 12
            pdf.ln(3 if block.kind == "h1" else 1)
            # keep a heading with at least a couple of lines of what follows
            if pdf.will_page_break(size + 3 * body_h):
                pdf.add_page()
            pdf.set_font("Helvetica", "B", size)
            pdf.multi_cell(0, size * 0.5, pdf_safe(block.text), new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1.5)
        elif block.kind == "bullet":
            pdf.set_font("Helvetica", "", 11)
            indent = 6
            pdf.set_x(pdf.l_margin + 2)
            pdf.cell(indent - 2, body_h, "-")
            pdf.multi_cell(
                pdf.w - pdf.r_margin - pdf.l_margin - indent, body_h,
                pdf_safe(block.text), align="L", new_x="LMARGIN", new_y="NEXT",
            )
            pdf.ln(1)
        elif block.kind == "table":
            pdf.set_font("Helvetica", "", 9)
            ncols = max(len(r) for r in block.rows)
            rows = [[pdf_safe(c) for c in r] + [""] * (ncols - len(r)) for r in block.rows]
            widths = (22, 48, 30) if ncols == 3 else None
            with pdf.table(
                col_widths=widths,
                line_height=4.6,
                headings_style=FontFace(emphasis="BOLD", fill_color=(230, 230, 230)),
                text_align="LEFT",
            ) as table:
                for r in rows:
                    row = table.row()
                    for c in r:
                        row.cell(c)
            pdf.ln(3)
        else:
            pdf.set_font("Helvetica", "", 11)
            pdf.multi_cell(0, body_h, pdf_safe(block.text), align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2.5)

    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))


# --------------------------------------------------------------------------
# Verification (optional)
# --------------------------------------------------------------------------


def verify(outputs: list[Path]) -> int:
    problems = 0
    for path in outputs:
        if path.suffix == ".docx":
            import docx

            d = docx.Document(str(path))
            words = sum(len(p.text.split()) for p in d.paragraphs)
            words += sum(
                len(c.text.split()) for t in d.tables for row in t.rows for c in row.cells
            )
            print(f"  {path.name}: {len(d.paragraphs)} paragraphs, {len(d.tables)} table(s), "
                  f"{words} words, title={d.core_properties.title!r}")
            if not d.paragraphs or d.paragraphs[0].style.name != "Title":
                print("    ! first paragraph is not in the Title style")
                problems += 1
        elif path.suffix == ".pdf":
            from pypdf import PdfReader

            reader = PdfReader(str(path))
            text = "\n".join(page.extract_text() or "" for page in reader.pages)
            n = len(reader.pages)
            print(f"  {path.name}: {n} pages, {len(text.split())} words extracted, "
                  f"title={reader.metadata.title!r}")
            if f"Page {n} of {n}" not in text:
                print("    ! footer 'Page N of M' not found")
                problems += 1
    return problems


# --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--verify", action="store_true",
                        help="re-open the outputs with python-docx / pypdf and report")
    args = parser.parse_args(argv)

    outputs: list[Path] = []
    for src_name, out_name in DOCX_JOBS:
        doc = parse_markdown((SRC / src_name).read_text(encoding="utf-8"))
        out = SAMPLES / out_name
        build_docx(doc, out)
        outputs.append(out)
    for src_name, out_name in PDF_JOBS:
        doc = parse_markdown((SRC / src_name).read_text(encoding="utf-8"))
        out = SAMPLES / out_name
        build_pdf(doc, out)
        outputs.append(out)
    for pattern in COPY_PATTERNS:
        for src in sorted(SRC.glob(pattern)):
            dest = SAMPLES / src.name
            shutil.copyfile(src, dest)
            outputs.append(dest)

    for out in outputs:
        print(out.relative_to(ROOT))
    if args.verify:
        return 1 if verify(outputs) else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
