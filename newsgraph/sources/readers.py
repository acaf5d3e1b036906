"""Readers for files, folders, stdin, gzip, WARC and JSONL, yielding RawDocuments.

Bad input never raises out of ``iter_documents``: it becomes a RawDocument carrying an error, so the
batch can record it and go on.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from newsgraph.errors import (
    BadInputError,
    BinaryDocumentError,
    DecompressionBombError,
    DocumentTooLargeError,
    EmptyDocumentError,
    MalformedRecordError,
    TruncatedArchiveError,
    UnreadablePathError,
)
from newsgraph.records import RawDocument
from newsgraph.sources.decode import looks_binary
from newsgraph.sources.detect import detect_media_type, is_gzip, is_jsonl, is_warc

DEFAULT_MAX_BYTES = 50 * 1024 * 1024  # per document, after decompression
_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def content_id(data: bytes) -> str:
    """Return the stable id of a document: the first 80 bits of the SHA-256 of its content."""
    return hashlib.sha256(data).hexdigest()[:20]


def _error_doc(uri: str, error: BadInputError, key: bytes) -> RawDocument:
    """Return a RawDocument that records ``error``; ``key`` makes its id stable across runs."""
    return RawDocument(
        id=content_id(key), uri=uri, data=b"", media_type="", error=error.message, error_code=error.code
    )


def iter_documents(paths: Iterable[str | Path], max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument]:
    """Yield the documents of files, folders (recursive, sorted) and '-' (stdin)."""
    for path in paths:
        if str(path) == "-":
            yield from _from_stream(sys.stdin.buffer, "<stdin>", max_bytes)
            continue
        p = Path(path)
        if p.is_dir():
            for child in sorted(q for q in p.rglob("*") if q.is_file()):
                if child.name not in _SKIP_NAMES and not child.name.startswith("."):
                    yield from _from_file(child, max_bytes)
        elif p.is_file():
            yield from _from_file(p, max_bytes)
        else:
            err = UnreadablePathError(f"no such file or folder: {p}")
            yield _error_doc(str(p), err, f"missing:{p}".encode())


def _from_file(path: Path, max_bytes: int) -> Iterator[RawDocument]:
    """Yield the documents of one file."""
    uri = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(64)
            fh.seek(0)
            if is_gzip(head) and _gzip_is_warc(path):
                yield from _from_warc(fh, uri, max_bytes)
                return
            if size > max_bytes and not is_warc(head):
                too_large = DocumentTooLargeError(f"{size:,} bytes is over the limit of {max_bytes:,} bytes")
                yield _error_doc(uri, too_large, head + f":{size}".encode())
                return
            if is_warc(head):
                yield from _from_warc(fh, uri, max_bytes)
                return
            data = fh.read()
    except OSError as exc:
        unreadable = UnreadablePathError(f"cannot read {path}: {exc.strerror or exc}")
        yield _error_doc(uri, unreadable, f"unreadable:{path}".encode())
        return
    yield from _from_bytes(data, uri, max_bytes)


def _from_stream(stream: BinaryIO, uri: str, max_bytes: int) -> Iterator[RawDocument]:
    """Yield the documents read from a binary stream such as stdin."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        err = DocumentTooLargeError(f"input is over the limit of {max_bytes:,} bytes")
        yield _error_doc(uri, err, data[:4096])
        return
    if is_warc(data[:64]) or (is_gzip(data[:2]) and _bytes_gzip_is_warc(data)):
        yield from _from_warc(io.BytesIO(data), uri, max_bytes)
        return
    yield from _from_bytes(data, uri, max_bytes)


def _from_bytes(data: bytes, uri: str, max_bytes: int) -> Iterator[RawDocument]:
    """Yield the documents of one file's bytes (gzip, WARC, JSONL, HTML or text)."""
    if not data.strip():
        yield _error_doc(uri, EmptyDocumentError("the file is empty"), f"empty:{uri}".encode())
        return
    if is_gzip(data[:2]):
        try:
            data = gunzip_bounded(data, max_bytes)
        except BadInputError as err:
            yield _error_doc(uri, err, data[:4096])
            return
        if is_warc(data[:64]):
            yield from _from_warc(io.BytesIO(data), uri, max_bytes)
            return
        if not data.strip():
            yield _error_doc(uri, EmptyDocumentError("the gzip file holds no data"), f"empty:{uri}".encode())
            return
    if looks_binary(data):
        binary = BinaryDocumentError("binary data (NUL or control bytes), not a text or HTML page")
        yield _error_doc(uri, binary, data)
        return
    if is_jsonl(data[:65536]):
        yield from _from_jsonl(data, uri)
        return
    yield RawDocument(id=content_id(data), uri=uri, data=data, media_type=detect_media_type(data))


def gunzip_bounded(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip ``data`` (all members), refusing output over ``max_bytes`` and truncated input."""
    out = bytearray()
    pending = data
    while pending:
        decomp = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += decomp.decompress(pending, max_bytes + 1 - len(out))
        except zlib.error as exc:
            raise TruncatedArchiveError(f"corrupt gzip data: {exc}") from exc
        if len(out) > max_bytes or decomp.unconsumed_tail:
            raise DecompressionBombError(f"decompresses to over {max_bytes:,} bytes")
        if not decomp.eof:
            raise TruncatedArchiveError("the gzip stream ends before its end marker (truncated file)")
        pending = decomp.unused_data  # the next gzip member, if any
        if not pending.startswith(b"\x1f\x8b"):
            break  # trailing garbage after the last member is ignored, as gzip(1) does
    return bytes(out)


def _gzip_is_warc(path: Path) -> bool:
    """Return True when a gzip file holds WARC records."""
    try:
        with gzip.open(path, "rb") as fh:
            return is_warc(fh.read(64))
    except (OSError, EOFError, zlib.error):
        return False


def _bytes_gzip_is_warc(data: bytes) -> bool:
    """Return True when gzip bytes hold WARC records."""
    try:
        return is_warc(zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:4096], 64))
    except zlib.error:
        return False


def _from_jsonl(data: bytes, uri: str) -> Iterator[RawDocument]:
    """Yield one document per JSON Lines object with a 'text' or 'html' field."""
    for n, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        line_uri = f"{uri}#L{n}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            err = MalformedRecordError(f"line {n} is not valid JSON: {exc}")
            yield _error_doc(line_uri, err, line)
            continue
        body = obj.get("html") if isinstance(obj, dict) else None
        media_type = "text/html"
        if not body and isinstance(obj, dict):
            body, media_type = obj.get("text"), "text/plain"
        if not isinstance(body, str) or not body.strip():
            err = MalformedRecordError(f"line {n} has no non-empty 'text' or 'html' string")
            yield _error_doc(line_uri, err, line)
            continue
        hints = {k: str(obj[k]) for k in ("url", "date", "outlet", "title") if obj.get(k)}
        payload = body.encode("utf-8")
        if obj.get("url"):
            line_uri = str(obj["url"])
        yield RawDocument(id=content_id(payload), uri=line_uri, data=payload, media_type=media_type, hints=hints)


def _from_warc(stream: BinaryIO, uri: str, max_bytes: int) -> Iterator[RawDocument]:
    """Yield the HTML response records of a WARC / WARC.gz stream."""
    n = 0
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            n += 1
            target = record.rec_headers.get_header("WARC-Target-URI") or f"{uri}#record-{n}"
            ctype = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
            payload = record.content_stream().read(max_bytes + 1)
            if len(payload) > max_bytes:
                err = DocumentTooLargeError(f"WARC record over the limit of {max_bytes:,} bytes")
                yield _error_doc(target, err, payload[:4096])
                continue
            if getattr(record.raw_stream, "limit", 0) > 0:  # bytes the header promised but the file lacks
                raise TruncatedArchiveError(f"record {n} ends {record.raw_stream.limit:,} bytes early")
            if ctype and "html" not in ctype.lower() and "text" not in ctype.lower():
                continue  # images, PDFs and scripts are not news pages
            if not payload.strip():
                continue  # redirects and empty responses
            media_type = detect_media_type(payload)
            hints = {"url": target} if "://" in target else {}
            doc = RawDocument(id=content_id(payload), uri=target, data=payload, media_type=media_type, hints=hints)
            yield doc
    except TruncatedArchiveError as truncated:
        yield _error_doc(f"{uri}#record-{n}", truncated, f"warc:{uri}:{n}".encode())
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        corrupt = TruncatedArchiveError(f"WARC archive is truncated or corrupt after {n} records: {exc}")
        yield _error_doc(f"{uri}#record-{n + 1}", corrupt, f"warc:{uri}:{n}".encode())

