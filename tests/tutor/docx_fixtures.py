"""Word documents built for the annotate tests: runs split mid-word, a
hyperlink, a complex field, a tracked insertion and deletion, and a comment
the student already had."""

from __future__ import annotations

import io

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

W = nsdecls("w", "r")


def _append(paragraph, xml: str) -> None:
    for element in parse_xml(f"<w:wrap {W}>{xml}</w:wrap>"):
        paragraph._p.append(element)


def _run(text: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r>'


def tricky_docx() -> bytes:
    """A short essay whose spans fall across every awkward structure."""
    document = docx.Document()
    document.add_paragraph("Reflections on partnership", style="Title")
    p1 = document.add_paragraph()
    _append(p1, _run("At first the team lacked tr") + _run("ust", bold=True)
            + _run(", and the council held the power."))
    p2 = document.add_paragraph()
    rel = document.part.relate_to("https://example.org/", docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK,
                                  is_external=True)
    _append(p2, _run("Staff felt de-skilled ") + f'<w:hyperlink r:id="{rel}">' + _run("(Huxam and Vangen, 2005)")
            + "</w:hyperlink>" + _run("."))
    p3 = document.add_paragraph()
    later = p3.add_run("Later ")
    _append(p3, '<w:ins w:id="90" w:author="Student" w:date="2024-03-01T10:00:00Z">' + _run("a shared vision")
            + "</w:ins>" + _run(" grew")
            + '<w:del w:id="91" w:author="Student" w:date="2024-03-01T10:00:00Z"><w:r><w:delText xml:space="preserve">'
              " slowly</w:delText></w:r></w:del>" + _run("."))
    document.add_comment(later, text="My own note to self", author="Student", initials="S")
    p4 = document.add_paragraph()
    _append(p4, '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> QUOTE "x" '
                '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + _run("Our trust was rebuilt")
            + '<w:r><w:fldChar w:fldCharType="end"/></w:r>' + _run(" over time (Huxham and Vangen, 2005)."))
    document.add_paragraph("References", style="Heading 1")
    document.add_paragraph("Huxham, C. and Vangen, S. (2005) Managing to collaborate: the theory and practice "
                           "of collaborative advantage. Abingdon: Routledge.")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def comment_ranges(data: bytes) -> dict[int, str]:
    """Comment id -> the text between its range start and end, in document order."""
    body = docx.Document(io.BytesIO(data)).element.body
    open_ids: set[int] = set()
    text: dict[int, list[str]] = {}
    for element in body.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:t")):
        if element.tag == qn("w:commentRangeStart"):
            open_ids.add(int(element.get(qn("w:id"))))
            text.setdefault(int(element.get(qn("w:id"))), [])
        elif element.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(element.get(qn("w:id"))))
        else:
            for comment_id in open_ids:
                text[comment_id].append(element.text or "")
    return {k: "".join(v) for k, v in text.items()}
