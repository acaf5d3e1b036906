"""Bytes → text with encoding detection (charset-normalizer), refusing binary data."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

from newsgraph.errors import BinaryDocumentError, EmptyDocumentError, EncodingDetectionError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)
# share of control characters (other than whitespace) above which bytes are taken as binary
_MAX_CONTROL_SHARE = 0.01
_WEB_ENCODINGS = ["utf_8", "cp1252", "latin_1", "cp1251", "gb18030", "shift_jis", "euc_kr", "big5", "cp1250",
                  "iso8859_2", "koi8_r", "cp1256", "cp1253", "cp1254", "cp1255", "cp1257", "iso8859_15"]


def looks_binary(data: bytes) -> bool:
    """Return True when ``data`` is binary (NUL bytes or many control characters)."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13, 27))
    return bool(head) and controls / len(head) > _MAX_CONTROL_SHARE


def decode_text(data: bytes) -> str:
    """Decode ``data``: BOM, then UTF-8, then a declared HTML charset, then detection."""
    if not data.strip():
        raise EmptyDocumentError("the document is empty")
    if looks_binary(data):
        raise BinaryDocumentError("binary data (NUL or control bytes), not a text or HTML page")
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    matches = list(from_bytes(data))
    if not matches:
        raise EncodingDetectionError("undecodable bytes: no text encoding fits this document")
    # equally plausible candidates are common for short texts (cp1250 vs cp1252 for French):
    # break ties with how common each encoding is on the web
    best = min(matches, key=lambda m: (round(m.chaos, 3), -round(m.coherence, 3), _prior(m.encoding)))
    return str(best)


def _prior(encoding: str) -> int:
    """Return the rank of ``encoding`` among legacy encodings of web pages (lower is more common)."""
    return _WEB_ENCODINGS.index(encoding) if encoding in _WEB_ENCODINGS else len(_WEB_ENCODINGS)
