"""REFI-QDA (QDA-XML 1.0) exports: a project (.qdpx) holding each document's
plain text and the analyser's codings, and a codebook (.qdc) of the lexicon.

Why this shape, so a researcher can import it beside their own coding:

- the analyser is a User of its own, so the QDA program can compare its
  codings with a human coder's;
- the codebook has a code per concept (its colour and description) with two
  child codes, "<concept>: present" and "<concept>: absent"; a mention is
  coded to the child code of its polarity;
- each document is a TextSource whose plain text (UTF-8, in `sources/`) is
  `document.text`, and each mention a PlainTextSelection, in characters
  (code points) of that text, carrying one Coding;
- each speaker is a Case whose selections are the mentions in their turns.

GUIDs are derived from names and offsets (uuid5), and the zip has fixed
timestamps: the same analyses give the same bytes.
"""

from __future__ import annotations

import io
import re
import uuid
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from analyser import __version__
from analyser.lexicon import Lexicon
from analyser.model import Analysis, ConceptInfo, Polarity

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
USER_NAME = "analyser"
POLARITIES: tuple[Polarity, ...] = ("present", "absent")
_NAMESPACE = uuid.UUID("5b0f3f0e-6f4c-4f0e-9a51-2f3c8f6d9a11")  # of the analyser's GUIDs
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")


def guid(*parts: object) -> str:
    """A stable GUID for one thing in a project (a code, a source, a selection)."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(str(p) for p in parts)))


def code_guid(concept: str, polarity: str | None = None) -> str:
    return guid("code", concept, polarity or "")


def child_code_name(label: str, polarity: str) -> str:
    return f"{label}: {polarity}"


@dataclass(frozen=True)
class CodeSpec:
    """A concept as a code: what the project and the codebook both need."""

    id: str
    label: str
    colour: str
    description: str


def _codes(parent: ET.Element, concepts: Sequence[CodeSpec], ns: str) -> None:
    codes = ET.SubElement(parent, f"{{{ns}}}Codes")
    for concept in concepts:
        code = ET.SubElement(codes, f"{{{ns}}}Code", guid=code_guid(concept.id), name=concept.label,
                             isCodable="true")
        _colour(code, concept.colour)
        ET.SubElement(code, f"{{{ns}}}Description").text = concept.description
        for polarity in POLARITIES:
            child = ET.SubElement(code, f"{{{ns}}}Code", guid=code_guid(concept.id, polarity),
                                  name=child_code_name(concept.label, polarity), isCodable="true")
            _colour(child, concept.colour)
            ET.SubElement(child, f"{{{ns}}}Description").text = (
                f"{concept.label} said to be there." if polarity == "present" else
                f"{concept.label} said to be missing or lacking.")


def _colour(code: ET.Element, colour: str) -> None:
    if _COLOUR.fullmatch(colour or ""):  # the schema's RGBType; a result's colour may be anything
        code.set("color", colour)


def _xml(root: ET.Element, ns: str) -> bytes:
    ET.register_namespace("", ns)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def build_qdpx(documents: Sequence[tuple[str, Analysis]], *, name: str = "analyser export") -> bytes:
    """A .qdpx zip of `documents` ((name, analysis) pairs, names unique)."""
    ns = PROJECT_NS
    user = guid("user", USER_NAME)
    root = ET.Element(f"{{{ns}}}Project", name=name, origin=f"analyser {__version__}", creatingUserGUID=user)
    users = ET.SubElement(root, f"{{{ns}}}Users")
    ET.SubElement(users, f"{{{ns}}}User", guid=user, name=USER_NAME, id=USER_NAME)
    concepts: dict[str, CodeSpec] = {}
    for _, analysis in documents:
        for c in analysis.concepts:
            concepts.setdefault(c.id, _spec(c))
    if concepts:
        _codes(ET.SubElement(root, f"{{{ns}}}CodeBook"), list(concepts.values()), ns)
    cases: dict[str, list[str]] = {}
    sources = ET.Element(f"{{{ns}}}Sources")
    files: dict[str, bytes] = {}
    for document_name, analysis in documents:
        source_guid = guid("source", document_name)
        files[f"sources/{source_guid}.txt"] = analysis.document.text.encode("utf-8")
        source = ET.SubElement(sources, f"{{{ns}}}TextSource", guid=source_guid, name=document_name,
                               plainTextPath=f"internal://{source_guid}.txt", creatingUser=user)
        for mention in analysis.mentions:
            if mention.concept not in concepts:
                continue
            selection_guid = guid("selection", document_name, mention.start, mention.end, mention.concept)
            selection = ET.SubElement(source, f"{{{ns}}}PlainTextSelection", guid=selection_guid,
                                      name=mention.text, startPosition=str(mention.start),
                                      endPosition=str(mention.end), creatingUser=user)
            detail = f"term “{mention.term}”" + (f"; source: {mention.source}" if mention.source else "")
            if mention.speaker:
                detail += f"; speaker: {mention.speaker}"
                cases.setdefault(mention.speaker, []).append(selection_guid)
            ET.SubElement(selection, f"{{{ns}}}Description").text = detail
            coding = ET.SubElement(selection, f"{{{ns}}}Coding", guid=guid("coding", selection_guid),
                                   creatingUser=user)
            ET.SubElement(coding, f"{{{ns}}}CodeRef", targetGUID=code_guid(mention.concept, mention.polarity))
    if cases:  # the schema's order: Users, CodeBook, Variables, Cases, Sources
        case_list = ET.SubElement(root, f"{{{ns}}}Cases")
        for speaker, selections in cases.items():
            case = ET.SubElement(case_list, f"{{{ns}}}Case", guid=guid("case", speaker), name=speaker)
            for selection_guid in selections:
                ET.SubElement(case, f"{{{ns}}}SelectionRef", targetGUID=selection_guid)
    if len(sources):
        root.append(sources)
    return _zip({"project.qde": _xml(root, ns), **files})


def _spec(concept: ConceptInfo) -> CodeSpec:
    return CodeSpec(concept.id, concept.label or concept.id, concept.colour, concept.description)


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            info = zipfile.ZipInfo(member, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()


def build_qdc(lexicon: Lexicon) -> bytes:
    """A stand-alone codebook (.qdc) for coding by hand: a code per concept,
    its description followed by the lexicon's terms, and the polarity codes."""
    specs = []
    for concept in lexicon.concepts:
        terms = ", ".join(t.text for t in concept.terms)
        description = f"{concept.description} Terms: {terms}." if terms else concept.description
        specs.append(CodeSpec(concept.id, concept.label, concept.colour, description))
    root = ET.Element(f"{{{CODEBOOK_NS}}}CodeBook")
    _codes(root, specs, CODEBOOK_NS)
    return _xml(root, CODEBOOK_NS)
