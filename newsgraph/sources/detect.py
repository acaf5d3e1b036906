"""Format detection by content, not by file extension."""

from __future__ import annotations

import json
import re

GZIP_MAGIC = b"\x1f\x8b"
_HTML_MARKERS = re.compile(rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<div[\s>]|<p[\s>]", re.I)


def is_gzip(head: bytes) -> bool:
    """Return True for gzip data."""
    return head.startswith(GZIP_MAGIC)


def is_warc(head: bytes) -> bool:
    """Return True for (uncompressed) WARC data."""
    return head.lstrip()[:5] == b"WARC/"


def is_jsonl(head: bytes) -> bool:
    """Return True when the first line is a JSON object (JSON Lines)."""
    stripped = head.lstrip()
    if not stripped.startswith(b"{"):
        return False
    first_line = stripped.split(b"\n", 1)[0]
    try:
        return isinstance(json.loads(first_line), dict)
    except ValueError:
        return False


def detect_media_type(head: bytes) -> str:
    """Return "text/html" or "text/plain" for a decompressed page's first bytes."""
    return "text/html" if _HTML_MARKERS.search(head[:8192]) else "text/plain"
