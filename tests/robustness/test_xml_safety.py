"""XML inside .docx and .odt is parsed with entity expansion off: billion
laughs and external entities (XXE) are refused with a clear error, and a
local file's contents never reach the output."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from analyser.errors import InputError
from analyser.ingest import ingest

from . import fixtures

SECRET = "SECRET-TOKEN-7f3a9c"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET + "\n", encoding="utf-8")
    return path


def _document_xml(data: bytes, name: str = "word/document.xml") -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_the_xxe_fixture_is_a_real_attack(secret: Path) -> None:
    """With entity resolution on, lxml does read the local file: the tests
    below would prove nothing if it did not."""
    xml = _document_xml(fixtures.docx_external_entity(secret))
    unsafe = etree.fromstring(xml, etree.XMLParser(resolve_entities=True, no_network=True))
    assert SECRET in "".join(unsafe.itertext())


def test_python_docx_parser_does_not_resolve_entities(secret: Path) -> None:
    """python-docx's own parser (resolve_entities=False), checked by behaviour."""
    from docx.opc.oxml import parse_xml as parse_package_xml
    from docx.oxml.parser import parse_xml

    xml = _document_xml(fixtures.docx_external_entity(secret))
    for parse in (parse_xml, parse_package_xml):
        assert SECRET not in "".join(parse(xml).itertext())


@pytest.mark.parametrize("suffix,build,part", [
    ("docx", fixtures.docx_external_entity, "word/document.xml"),
    ("odt", fixtures.odt_external_entity, "content.xml"),
])
def test_external_entity_refused_and_secret_never_output(
    suffix: str, build, part: str, secret: Path, tmp_path: Path, run_cli
) -> None:
    path = tmp_path / f"xxe.{suffix}"
    path.write_bytes(build(secret))
    out = tmp_path / "out"
    result = run_cli("analyse", path, "--format", "json", "--out", out)
    assert result.exit_code == 1
    assert result.error_lines == [
        f"error: {path}: {part} declares an external XML entity; refused "
        "(it could read local files or reach the network)"
    ]
    assert SECRET not in result.stdout + result.stderr
    assert not out.exists() or all(SECRET not in f.read_text(errors="replace") for f in out.rglob("*") if f.is_file())


def test_parameter_entity_refused(secret: Path, tmp_path: Path) -> None:
    path = tmp_path / "param.docx"
    path.write_bytes(fixtures.docx_parameter_entity(secret))
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert caught.value.problem == (
        "word/document.xml declares an external XML entity; refused (it could read local files or reach the network)"
    )


def test_entities_in_a_part_under_another_name_refused(secret: Path, tmp_path: Path) -> None:
    """Word finds the main part through [Content_Types].xml and the
    relationships, not its name: a part called word/main.bin is still XML."""
    path = tmp_path / "renamed.docx"
    path.write_bytes(fixtures.docx_external_entity(secret, main="word/main.bin"))
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert caught.value.problem.startswith("word/main.bin declares an external XML entity")


def test_entities_in_relationships_refused(tmp_path: Path) -> None:
    path = tmp_path / "rels.docx"
    path.write_bytes(fixtures.docx_entity_in_rels())
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert caught.value.problem == "_rels/.rels declares XML entities; refused (entity expansion can exhaust memory)"


@pytest.mark.parametrize("suffix,build,part", [
    ("docx", fixtures.docx_billion_laughs, "word/document.xml"),
    ("odt", fixtures.odt_billion_laughs, "content.xml"),
])
def test_billion_laughs_refused_fast(suffix: str, build, part: str, tmp_path: Path) -> None:
    path = tmp_path / f"laughs.{suffix}"
    path.write_bytes(build())
    started = time.perf_counter()
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert time.perf_counter() - started < 2
    assert caught.value.problem == f"{part} declares XML entities; refused (entity expansion can exhaust memory)"


def test_without_the_check_the_libraries_still_do_not_expand(
    secret: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Defence in depth: with our pre-check switched off, python-docx keeps the
    entities unexpanded and odfpy (defusedxml) refuses them; either way the
    secret never appears."""
    import analyser.ingest.docx as docx_reader
    import analyser.ingest.odt as odt_reader

    monkeypatch.setattr(docx_reader, "check_archive", lambda *args: None)
    monkeypatch.setattr(odt_reader, "check_archive", lambda *args: None)
    for name, data in [("a.docx", fixtures.docx_external_entity(secret)),
                       ("b.docx", fixtures.docx_billion_laughs()),
                       ("c.odt", fixtures.odt_external_entity(secret)),
                       ("d.odt", fixtures.odt_billion_laughs())]:
        path = tmp_path / name
        path.write_bytes(data)
        started = time.perf_counter()
        try:
            document = ingest(path)
        except InputError as error:
            assert SECRET not in str(error)
        else:
            assert SECRET not in document.text
            assert "lollol" not in document.text
        assert time.perf_counter() - started < 5, name


def test_external_dtd_in_odt_manifest(tmp_path: Path) -> None:
    """OpenOffice 2 wrote a DOCTYPE naming an external DTD in
    META-INF/manifest.xml. Our check lets a bare DOCTYPE through (it declares
    no entity), but odfpy's defusedxml parser refuses any external DTD: the
    user gets a clear line saying what to do."""
    data = fixtures.odt_essay()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        manifest = archive.read("META-INF/manifest.xml").decode()
    manifest = manifest.replace(
        "<manifest:manifest", '<!DOCTYPE manifest:manifest PUBLIC "-//OpenOffice.org//DTD Manifest 1.0//EN" '
        '"Manifest.dtd"><manifest:manifest', 1)
    path = tmp_path / "old.odt"
    path.write_bytes(fixtures.replace_members(data, {"META-INF/manifest.xml": manifest.encode()}))
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert caught.value.problem == (
        "refers to an external DTD or entity in its XML (ExternalReferenceForbidden); refused: "
        "open it in a word processor and save it again"
    )


def test_a_doctype_without_entities_in_docx_is_read(tmp_path: Path) -> None:
    path = tmp_path / "doctype.docx"
    path.write_bytes(fixtures.docx_bytes(fixtures.paragraphs_xml(["Trust grew between the partners."]),
                                         doctype="<!DOCTYPE w:document>"))
    assert ingest(path).text == "Trust grew between the partners."


def test_malformed_xml_named(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(fixtures.replace_members(fixtures.docx_essay(), {"word/document.xml": b"<w:document><w:body>"}))
    with pytest.raises(InputError) as caught:
        ingest(path)
    assert caught.value.problem == "has malformed XML in word/document.xml (line 1)"
