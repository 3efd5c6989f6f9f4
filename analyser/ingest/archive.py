"""Zip containers (.docx, .odt) checked before python-docx or odfpy expand anything.

Why: both libraries read every member of the archive into memory, and their
XML parsers are the only thing between a hostile document and the machine.
So before they run:

- the sizes the zip *declares* are checked: too many members, a member that
  expands more than `MAX_RATIO` times, or a total over `MAX_EXPANDED_BYTES`
  is refused (a zip bomb). Declared sizes are enough: Python's zipfile stops
  a member's output at its declared size, so a member cannot lie its way past;
- every XML member the library will parse is streamed once through
  defusedxml's expat parser, which refuses any entity declaration (the
  "billion laughs" expansion) and any external entity or DTD reference (which
  can read local files or reach the network). python-docx already parses with
  ``resolve_entities=False`` and odfpy with defusedxml; this check makes the
  refusal explicit, one clear error instead of silently missing text.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from collections.abc import Iterator

from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden
from defusedxml.ElementTree import DefusedXMLParser, ParseError
from defusedxml.ElementTree import fromstring as safe_fromstring

from analyser.errors import InputError

MAX_MEMBERS = 10_000
MAX_EXPANDED_BYTES = 256 * 1024 * 1024  # all members together, as declared
MAX_RATIO = 200  # expanded / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024  # small members may compress very well (30:1 is usual for XML)
# An XML part the library parses into a tree: a tree costs 10-20 times the
# XML's size, and 32 MiB of paragraphs already took 700 MB (a 300-page thesis
# has a few MiB). Checked from the declared size, before anything is read.
MAX_XML_BYTES = 32 * 1024 * 1024
_CHUNK = 1 << 20
ENCRYPTED = "is password-protected (its contents are encrypted); save an unprotected copy"
ENTITIES = "declares XML entities; refused (entity expansion can exhaust memory)"
EXTERNAL = "declares an external XML entity; refused (it could read local files or reach the network)"
_CONTENT_TYPES = "[Content_Types].xml"


def check_archive(data: bytes, source: str, fmt: str) -> None:
    """Raise InputError unless `data` is a zip within the limits whose XML
    members declare no entities. `fmt` is "docx" or "odt"."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise InputError(source, f"is not a readable .{fmt} file: the zip archive is damaged or truncated") from None
    with archive:
        check_sizes(archive, source)
        for name in xml_members(archive, fmt, source):
            size = archive.getinfo(name).file_size
            if size > MAX_XML_BYTES:
                raise InputError(
                    source, f"has {size:,} bytes of XML in {name}, over the limit of {MAX_XML_BYTES:,}; "
                    "refused before reading it"
                )
            check_xml(archive, name, source)


def check_sizes(archive: zipfile.ZipFile, source: str, *, max_total: int = MAX_EXPANDED_BYTES) -> None:
    """Refuse a zip bomb from the central directory alone. `max_total` is
    larger for a VLE's download of a whole cohort (analyser/vle.py)."""
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise InputError(source, f"has {len(infos):,} parts in its zip archive, more than the limit of {MAX_MEMBERS:,}")
    total = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(source, ENCRYPTED)
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(
                source,
                f"looks like a zip bomb: part '{info.filename}' would expand {ratio:,} times "
                f"(to {info.file_size:,} bytes); the limit is {MAX_RATIO} times",
            )
        if total > max_total:
            raise InputError(
                source,
                f"looks like a zip bomb: it would expand to over {max_total:,} bytes "
                f"(the limit); refused before expanding",
            )


def xml_members(archive: zipfile.ZipFile, fmt: str, source: str) -> Iterator[str]:
    """The members the reading library will parse as XML.

    odfpy parses the `.xml` members (content, styles, meta, settings, the
    manifest, embedded objects). python-docx parses `.rels` members and every
    part whose declared content type is XML, whatever its name; images are
    never parsed (an SVG may legitimately declare entities)."""
    names = [info.filename for info in archive.infolist() if not info.is_dir()]
    if fmt != "docx":
        yield from (n for n in names if n.lower().endswith(".xml"))
        return
    xml_types = _docx_xml_types(archive, names, source)
    for name in names:
        lower = name.lower()
        if name == _CONTENT_TYPES:
            continue  # already checked by _docx_xml_types
        if lower.endswith((".xml", ".rels")) or xml_types(name):
            yield name


def _docx_xml_types(archive: zipfile.ZipFile, names: list[str], source: str):
    """A test: is this member declared an XML part (not an image) in [Content_Types].xml?"""
    if _CONTENT_TYPES not in names:
        return lambda name: False
    check_xml(archive, _CONTENT_TYPES, source)
    try:
        root = safe_fromstring(archive.read(_CONTENT_TYPES))
    except (ParseError, DefusedXmlException, ValueError):
        raise InputError(source, f"is not a readable .docx file: {_CONTENT_TYPES} is malformed") from None
    defaults: dict[str, str] = {}
    overrides: dict[str, str] = {}
    for element in root:
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "Default":
            defaults[element.get("Extension", "").lower()] = element.get("ContentType", "")
        elif tag == "Override":
            overrides[element.get("PartName", "").lstrip("/")] = element.get("ContentType", "")

    def is_xml(name: str) -> bool:
        extension = posixpath.splitext(name)[1].lstrip(".").lower()
        content_type = overrides.get(name) or defaults.get(extension, "")
        return content_type.endswith("xml") and not content_type.startswith("image/")

    return is_xml


class _Discard:
    """A parser target with no callbacks: the check needs expat to read every
    byte, not a tree (a tree of a 100 MB part would cost gigabytes)."""


def check_xml(archive: zipfile.ZipFile, name: str, source: str) -> None:
    """Stream one member through defusedxml; refuse entities and external references."""
    parser = DefusedXMLParser(target=_Discard(), forbid_dtd=False, forbid_entities=True, forbid_external=True)
    expat = getattr(parser, "parser", None)
    if expat is not None:
        # The pure-Python XMLParser routes all content through a Python default
        # handler, 6x slower; without it expat still rejects undefined entities.
        expat.DefaultHandlerExpand = None
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                parser.feed(chunk)
        parser.close()
    except EntitiesForbidden as exc:
        if exc.sysid or exc.pubid:
            raise InputError(source, f"{name} {EXTERNAL}") from None
        raise InputError(source, f"{name} {ENTITIES}") from None
    except (ExternalReferenceForbidden, DTDForbidden):
        raise InputError(source, f"{name} refers to an external DTD or entity; refused") from None
    except ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else "?"
        raise InputError(source, f"has malformed XML in {name} (line {line})") from None
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
        detail = "corrupt compressed data" if isinstance(exc, zlib.error) else type(exc).__name__
        raise InputError(source, f"has a damaged part {name} in its zip archive ({detail})") from None
    except RuntimeError:  # zipfile: "File is encrypted, password required"
        raise InputError(source, ENCRYPTED) from None
