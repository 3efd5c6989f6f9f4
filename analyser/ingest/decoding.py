"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else a
single-byte Windows encoding (Word's smart quotes) found by charset-normalizer."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from analyser.errors import InputError

# Candidates for text that is not UTF-8. Limiting them matters: unrestricted,
# charset-normalizer reads cp1252 smart quotes as cp1250 ("naïve" -> "naďve").
FALLBACK_ENCODINGS = ["cp1252", "latin_1"]


def decode(data: bytes, path: str) -> str:
    """Decode a text file and normalise line endings to "\\n"."""
    if data.startswith(codecs.BOM_UTF8):
        text = _strict(data[3:], "utf-8", path)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", path)
    else:
        if b"\x00" in data:
            raise InputError(path, "looks like a binary file (it contains NUL bytes), not text")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            best = from_bytes(data, cp_isolation=FALLBACK_ENCODINGS).best()
            if best is None:
                raise InputError(path, "is not readable text in UTF-8 or Windows-1252") from None
            text = str(best)
    return normalise_newlines(text)


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"is not valid {encoding.upper()} ({exc.reason})") from None
