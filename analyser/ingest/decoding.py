"""Bytes to text, and text fit to analyse.

The order of guesses, and why:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) is trusted;
2. UTF-16 without a BOM (Windows Notepad's "Unicode" from some tools) shows as
   NUL bytes on every other position: detected and decoded, with a warning;
3. a few stray NUL bytes in otherwise ordinary text (a bad copy, a broken
   editor) are removed, with a warning; many mean a binary file: refused;
4. valid UTF-8 is read as UTF-8; UTF-8 with a few broken sequences keeps its
   good characters and shows U+FFFD for the broken ones (a warning counts
   them), rather than turning every curly quote into mojibake;
5. anything else is a single-byte Windows encoding (Word's smart quotes),
   found by charset-normalizer among a short list, with a warning;
6. text full of control characters is a binary file: refused.

Line endings are normalised to "\\n" (Windows, old Mac and mixed files alike).
Nothing here is slower than linear in the size of the file.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

from analyser.errors import InputError

# Candidates for text that is not UTF-8. Limiting them matters: unrestricted,
# charset-normalizer reads cp1252 smart quotes as cp1250 ("naïve" -> "naďve").
FALLBACK_ENCODINGS = ["cp1252", "latin_1"]
ENCODING_NAMES = {"cp1252": "Windows-1252", "latin_1": "Latin-1", "utf_8": "UTF-8"}

MAX_NUL_SHARE = 0.01  # more NUL bytes than this (outside UTF-16) means a binary file
MAX_CONTROL_SHARE = 0.01  # likewise for other control characters after decoding
UTF16_SAMPLE = 8192  # bytes examined to recognise UTF-16 without a BOM
UTF16_NUL_SHARE = 0.3  # NUL bytes needed on one side (ASCII-heavy UTF-16 has ~0.5)
UTF16_OTHER_SIDE = 0.05  # ... and allowed on the other

# C0 controls other than tab, line feed, vertical tab, form feed and carriage
# return; DEL; C1 controls.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_NON_ASCII = re.compile("[^\x00-\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass
class Decoded:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(data: bytes, path: str) -> str:
    """Decode a text file and normalise line endings to "\\n" (warnings dropped:
    use `decode_text` to keep them)."""
    return decode_text(data, path).text


def decode_text(data: bytes, path: str) -> Decoded:
    """Decode a text file; raise InputError for empty, binary or undecodable data."""
    if not data:
        raise InputError(path, "is empty (0 bytes)")
    warnings: list[str] = []
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text, encoding = _unicode(data, "utf-32", path, warnings), "UTF-32"
    elif data.startswith(codecs.BOM_UTF8):
        text, encoding = _unicode(data[3:], "utf-8", path, warnings), "UTF-8"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _unicode(data, "utf-16", path, warnings), "UTF-16"
    elif (utf16 := utf16_without_bom(data)) is not None:
        encoding = utf16.upper()
        warnings.append(f"the file has no byte-order mark; it was read as {encoding}")
        text = _unicode(data, utf16, path, warnings)
    else:
        nuls = data.count(0)
        if nuls > MAX_NUL_SHARE * len(data):
            raise InputError(path, f"looks like a binary file ({nuls:,} NUL bytes), not text")
        if nuls:
            data = data.replace(b"\x00", b"")
            warnings.append(f"removed {nuls:,} NUL byte(s) from the text")
        text, encoding, note = _utf8_or_fallback(data, path)
        if note:
            warnings.append(note)
    _refuse_control_characters(text, path)
    return Decoded(normalise_newlines(text), encoding, warnings)


def utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" when NUL bytes sit on one side of the byte
    pairs only, as in UTF-16 text that is mostly Latin script; else None."""
    if len(data) < 4:
        return None
    sample = data[: min(UTF16_SAMPLE, len(data) - len(data) % 2)]
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul >= UTF16_NUL_SHARE and even_nul <= UTF16_OTHER_SIDE:
        return "utf-16-le"
    if even_nul >= UTF16_NUL_SHARE and odd_nul <= UTF16_OTHER_SIDE:
        return "utf-16-be"
    return None


def _utf8_or_fallback(data: bytes, path: str) -> tuple[str, str, str | None]:
    """(text, encoding, warning or None)."""
    try:
        return data.decode("utf-8"), "UTF-8", None
    except UnicodeDecodeError:
        pass
    replaced = data.decode("utf-8", errors="replace")
    broken = replaced.count("\ufffd") - data.count("\ufffd".encode())
    good_multibyte = len(_NON_ASCII.findall(replaced)) - replaced.count("\ufffd")
    if good_multibyte > broken:
        return replaced, "UTF-8", f"{broken:,} invalid UTF-8 byte sequence(s) were replaced with U+FFFD (�)"
    best = from_bytes(data, cp_isolation=FALLBACK_ENCODINGS).best()
    if best is None:
        raise InputError(path, "is not readable text (not UTF-8, UTF-16 or Windows-1252)")
    name = ENCODING_NAMES.get(best.encoding, best.encoding)
    return str(best), name, f"the file is not UTF-8; it was read as {name}"


def _refuse_control_characters(text: str, path: str) -> None:
    controls = len(_CONTROL.findall(text))
    if controls > 1 and controls > MAX_CONTROL_SHARE * len(text):
        share = 100 * controls / len(text)
        raise InputError(path, f"looks like a binary file, not text ({share:.0f}% control characters)")


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def scrub(text: str, counts: Counter[str] | None = None) -> str:
    """Remove NUL characters and replace unpaired surrogates with U+FFFD.

    Why: neither can be written as UTF-8 JSON or shown safely, and both can
    come from PDF text layers or from callers of `ingest_text`. Each change is
    counted in `counts` (see `scrub_warnings`)."""
    if "\x00" in text:
        if counts is not None:
            counts["nul"] += text.count("\x00")
        text = text.replace("\x00", "")
    if _SURROGATE.search(text):
        text, replaced = _SURROGATE.subn("\ufffd", text)
        if counts is not None:
            counts["surrogate"] += replaced
    return text


def scrub_warnings(counts: Counter[str]) -> list[str]:
    warnings = []
    if counts["nul"]:
        warnings.append(f"removed {counts['nul']:,} NUL character(s) from the text")
    if counts["surrogate"]:
        warnings.append(f"replaced {counts['surrogate']:,} unpaired surrogate(s) with U+FFFD (�)")
    return warnings


def _unicode(data: bytes, encoding: str, path: str, warnings: list[str]) -> str:
    """Decode a Unicode encoding with one policy for all of them (UTF-8,
    UTF-16, UTF-32): a sequence that does not decode — a broken byte, a lone
    surrogate, a character cut off at the end — becomes U+FFFD and is counted
    in a warning, as long as the good characters outnumber the broken ones;
    otherwise the file is refused. (A lone surrogate used to refuse a whole
    UTF-16 file while bad UTF-8 was replaced.)"""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        first = exc
    replaced = data.decode(encoding, errors="replace")
    broken = replaced.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")
    label = encoding.upper().replace("_", "-")
    if broken >= len(replaced) - broken:
        raise InputError(path, f"is not valid {label} ({first.reason} at byte {first.start:,})") from None
    if encoding == "utf-8":
        warnings.append(f"{broken:,} invalid UTF-8 byte sequence(s) were replaced with U+FFFD (�)")
    else:
        warnings.append(f"{broken:,} invalid {label} sequence(s) (a lone surrogate or a cut-off character) "
                        "were replaced with U+FFFD (�)")
    return replaced
