"""Bad and hostile input files, built at test time so no binary blobs live in git.

Every builder returns bytes. Run as a script to write them all to a folder
and try them by hand:

    python tests/robustness/fixtures.py /tmp/bad-inputs
    for f in /tmp/bad-inputs/*; do analyser analyse "$f" --format json --out /tmp/out; done

The .docx and .odt files are written member by member with zipfile, not
with python-docx or odfpy, so a test can put anything in them: entity
declarations, parts under other names, sizes no word processor would write.
"""

from __future__ import annotations

import io
import struct
import sys
import zipfile
import zlib
from pathlib import Path

ESSAY = """Trust and power in a carers' partnership

Partnership working depends on trust between organisations. When the council
holds the budget, the smaller partners feel that their knowledge is heard only
when it suits the council's plans (Huxham and Vangen, 2005).

A shared vision helps, but only if every partner helped to shape it. Without
it, mistrust grows and professional identity is threatened.
"""

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"

_CONTENT_TYPES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Default Extension="png" ContentType="image/png"/>
<Override PartName="/{{main}}" ContentType="{_DOCX_MAIN}"/>
</Types>"""

_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="{main}"/>
</Relationships>"""

_IMAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdImg" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"
 Target="media/image1.png"/>
</Relationships>"""


def paragraphs_xml(paragraphs: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t xml:space=\"preserve\">{p}</w:t></w:r></w:p>" for p in paragraphs)


def docx_bytes(body: str, *, doctype: str = "", main: str = "word/document.xml",
               extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx whose main part holds `body` (WordprocessingML inside
    <w:body>), optionally preceded by a DOCTYPE (for entity attacks) and stored
    under another name (declared in [Content_Types].xml, as Word allows)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>{body}</w:body></w:document>'
    )
    members = {
        "[Content_Types].xml": _CONTENT_TYPES.format(main=main).encode(),
        "_rels/.rels": _ROOT_RELS.format(main=main).encode(),
        main: document.encode(),
        **(extra or {}),
    }
    return zip_bytes(members)


def docx_paragraphs(paragraphs: list[str]) -> bytes:
    return docx_bytes(paragraphs_xml(paragraphs))


def docx_essay() -> bytes:
    return docx_paragraphs([p.replace("\n", " ") for p in ESSAY.split("\n\n")])


def docx_huge_table(rows: int = 2000, cols: int = 5) -> bytes:
    """A table of rows x cols cells, each a short sentence, after one paragraph."""
    cells = "".join(
        "<w:tr>" + "".join(
            f"<w:tc><w:p><w:r><w:t>Row {r} column {c}: trust was discussed.</w:t></w:r></w:p></w:tc>"
            for c in range(cols)
        ) + "</w:tr>"
        for r in range(rows)
    )
    return docx_bytes(paragraphs_xml(["The partners kept a log of every meeting."]) + f"<w:tbl>{cells}</w:tbl>")


def docx_only_image() -> bytes:
    """A .docx whose only content is a picture (as a scanned essay pasted into Word)."""
    drawing = (
        '<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/'
        'wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="scan"/>'
        '</wp:inline></w:drawing></w:r></w:p>'
    )
    return docx_bytes(drawing, extra={"word/_rels/document.xml.rels": _IMAGE_RELS.encode(),
                                      "word/media/image1.png": png_bytes()})


def billion_laughs_doctype(root: str = "w:document", levels: int = 9) -> str:
    """The classic entity bomb: lol9 expands to 10^9 "lol"s (3 GB)."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, levels + 1)
    ]
    return f"<!DOCTYPE {root} [{''.join(entities)}]>"


def docx_billion_laughs(levels: int = 9) -> bytes:
    return docx_bytes(paragraphs_xml([f"&lol{levels};"]), doctype=billion_laughs_doctype(levels=levels))


def docx_external_entity(secret: Path, *, main: str = "word/document.xml") -> bytes:
    """XXE: an external entity pointing at a local file, used in the text."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    return docx_bytes(paragraphs_xml(["Leaked: &xxe;"]), doctype=doctype, main=main)


def docx_parameter_entity(secret: Path) -> bytes:
    """XXE through a parameter entity in the internal subset."""
    doctype = f'<!DOCTYPE w:document [<!ENTITY % p SYSTEM "{secret.as_uri()}"> %p;]>'
    return docx_bytes(paragraphs_xml(["Some text."]), doctype=doctype)


def docx_entity_in_rels() -> bytes:
    """Entities in a part that is not the document: python-docx parses .rels too."""
    rels = _ROOT_RELS.format(main="word/document.xml").replace(
        "<Relationships", billion_laughs_doctype("Relationships", 5) + "<Relationships", 1
    )
    data = docx_essay()
    return replace_members(data, {"_rels/.rels": rels.encode()})


ODT_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"'
)
_ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"""


def odt_bytes(body: str, *, doctype: str = "") -> bytes:
    """A minimal .odt whose office:text holds `body`."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<office:document-content {ODT_NS}>'
        f"<office:body><office:text>{body}</office:text></office:body></office:document-content>"
    )
    return zip_bytes({
        "mimetype": b"application/vnd.oasis.opendocument.text",
        "META-INF/manifest.xml": _ODT_MANIFEST.encode(),
        "content.xml": content.encode(),
    })


def odt_paragraphs(paragraphs: list[str]) -> bytes:
    return odt_bytes("".join(f"<text:p>{p}</text:p>" for p in paragraphs))


def odt_essay() -> bytes:
    return odt_paragraphs([p.replace("\n", " ") for p in ESSAY.split("\n\n")])


def odt_billion_laughs() -> bytes:
    return odt_bytes("<text:p>&lol9;</text:p>", doctype=billion_laughs_doctype("office:document-content"))


def odt_external_entity(secret: Path) -> bytes:
    doctype = f'<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    return odt_bytes("<text:p>Leaked: &xxe;</text:p>", doctype=doctype)


def zip_bytes(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            # OpenDocument wants "mimetype" first and stored; harmless for .docx.
            archive.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else compression)
    return buffer.getvalue()


def replace_members(data: bytes, replacements: dict[str, bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members.update(replacements)
    return zip_bytes(members)


def zip_bomb_ratio(expanded: int = 64 * 1024 * 1024) -> bytes:
    """A .docx whose document part is `expanded` bytes of spaces inside a valid
    paragraph: ~1000:1, written in chunks so the test never holds it expanded."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES.format(main="word/document.xml"))
        archive.writestr("_rels/.rels", _ROOT_RELS.format(main="word/document.xml"))
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(expanded >> 20):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buffer.getvalue()


def zip_bomb_total(members: int = 300, size: int = 1024 * 1024) -> bytes:
    """A .docx with many 1 MiB parts that each compress ~1000:1 but stay at the
    per-part ratio floor: together they declare over 256 MiB."""
    buffer = io.BytesIO(docx_essay())
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as archive:
        for i in range(members):
            archive.writestr(f"word/media/filler{i}.bin", b"\0" * size)
    return buffer.getvalue()


def zip_lying_size(actual: int = 8 * 1024 * 1024, declared: int = 1000) -> bytes:
    """A .docx whose document part declares `declared` bytes but expands to
    `actual`: the size is patched in the local header and the central
    directory. Python's zipfile stops at the declared size and fails the CRC."""
    body = f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode() + b" " * actual
    data = replace_members(docx_bytes(""), {"word/document.xml": body})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        local_header = archive.getinfo("word/document.xml").header_offset
    patched = bytearray(data)
    struct.pack_into("<I", patched, local_header + 22, declared)  # uncompressed size
    position = patched.find(b"PK\x01\x02")  # central directory entries
    while position != -1:
        name_length = struct.unpack_from("<H", patched, position + 28)[0]
        if patched[position + 46 : position + 46 + name_length] == b"word/document.xml":
            struct.pack_into("<I", patched, position + 24, declared)
            break
        position = patched.find(b"PK\x01\x02", position + 4)
    return bytes(patched)


def png_bytes(width: int = 64, height: int = 64) -> bytes:
    """A small grey PNG, written by hand (no image library needed)."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def pdf_bytes(pages: list[str] | None = None, *, encrypt: tuple[str, str] | None = None,
              method: str = "AES_128") -> bytes:
    """A text PDF made with fpdf2; `encrypt` = (owner password, user password)."""
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for text in pages if pages is not None else [ESSAY.replace("'", "")]:
        pdf.add_page()
        pdf.multi_cell(0, 6, text)
    if encrypt:
        pdf.set_encryption(owner_password=encrypt[0], user_password=encrypt[1],
                           encryption_method=getattr(EncryptionMethod, method))
    return bytes(pdf.output())


def pdf_scanned(pages: int = 2) -> bytes:
    """Pages holding only a picture, as a scanner makes them: no text layer."""
    from fpdf import FPDF

    pdf = FPDF()
    for _ in range(pages):
        pdf.add_page()
        pdf.image(io.BytesIO(png_bytes(200, 280)), x=10, y=10, w=190)
    return bytes(pdf.output())


def pdf_many_pages(count: int) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for number in range(count):
        pdf.add_page()
        pdf.cell(0, 10, f"Page {number + 1}: partners met and trust grew.")
    return bytes(pdf.output())


def pdf_shared_content(pages: int, lines: int = 40) -> bytes:
    """A PDF of `pages` pages that all draw one content stream of `lines`
    lines of text, written by hand (no PDF library shares a stream this way):
    a small file whose text, page by page, is `pages` times the stream's."""
    line = b"BT /F1 10 Tf 40 %d Td (Line %d: the partners met and trust grew over the year.) Tj ET\n"
    text = b"".join(line % (800 - 18 * (i % 40), i) for i in range(lines))
    compressed = zlib.compress(text)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, b" ".join(b"%d 0 R" % (5 + i) for i in range(pages))),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(compressed) + compressed + b"\nendstream",
    ]
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
        b"/Contents 4 0 R >>"
        for _ in range(pages)
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def all_fixtures(secret: Path) -> dict[str, bytes]:
    """Every fixture by file name (for the script below)."""
    pdf = pdf_bytes()
    return {
        "empty.txt": b"",
        "whitespace.txt": b" \n\t\r\n   \n",
        "only_title.txt": b"Reflective essay on partnership working\n",
        "binary.txt": png_bytes(),
        "nul_inside.txt": ESSAY.encode().replace(b"trust", b"tr\x00ust", 1),
        "invalid_utf8.txt": ESSAY.replace("carers'", "carers\u2019").encode("cp1252"),
        "utf16_no_bom.txt": ESSAY.encode("utf-16-le"),
        "mixed_line_endings.txt": ESSAY.replace("\n", "\r\n", 3).replace("\n\n", "\r\r", 1).encode(),
        "not_a_zip.docx": ESSAY.encode(),
        "truncated.docx": docx_essay()[:400],
        "zip_bomb.docx": zip_bomb_ratio(),
        "only_images.docx": docx_only_image(),
        "huge_table.docx": docx_huge_table(),
        "billion_laughs.docx": docx_billion_laughs(),
        "external_entity.docx": docx_external_entity(secret),
        "billion_laughs.odt": odt_billion_laughs(),
        "external_entity.odt": odt_external_entity(secret),
        "password.pdf": pdf_bytes(encrypt=("owner", "user")),
        "scanned.pdf": pdf_scanned(),
        "truncated.pdf": pdf[: len(pdf) // 2],
        "many_pages.pdf": pdf_many_pages(2001),
        "unknown_extension.rtf": b"{\\rtf1\\ansi Partnership essay}",
        "essay.unknown": ESSAY.encode(),
        "docx_named.bin": docx_essay(),
    }


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "bad-inputs")
    folder.mkdir(parents=True, exist_ok=True)
    secret_file = folder / "secret.txt"
    secret_file.write_text("SECRET-TOKEN-not-to-be-read\n")
    for file_name, content in all_fixtures(secret_file.resolve()).items():
        (folder / file_name).write_bytes(content)
        print(folder / file_name)
