"""Sources: format detection by content, stable ids, and a clear error for each kind of bad input."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsgraph.sources import content_id, iter_documents
from newsgraph.sources.readers import gunzip_bounded

PAGE = (
    "<html><head><title>Talks resume</title></head><body><article><p>Negotiators from both countries met "
    "in Geneva on Tuesday and agreed to keep talking about the disputed border.</p></article></body></html>"
)


def _warc(records: int, gz: bool = True) -> bytes:
    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(records):
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        payload = io.BytesIO(PAGE.replace("Tuesday", f"day {i}").encode())
        writer.write_record(writer.create_warc_record(f"https://news.example/{i}", "response",
                                                      payload=payload, http_headers=headers))
    return buf.getvalue()


def _docs(path: Path, **kw: int) -> list:
    return list(iter_documents([path], **kw))


def test_text_html_and_gzip_detected_by_content(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text(PAGE)  # HTML despite the extension
    (tmp_path / "dump.html").write_text("Talks resume\n\nNegotiators met in Geneva on Tuesday.\n")
    (tmp_path / "page.bin").write_bytes(gzip.compress(PAGE.encode()))
    by_name = {Path(d.uri).name: d for d in _docs(tmp_path)}
    assert by_name["page.txt"].media_type == "text/html"
    assert by_name["dump.html"].media_type == "text/plain"
    assert by_name["page.bin"].media_type == "text/html"
    assert by_name["page.bin"].data == PAGE.encode()


def test_id_is_content_hash_independent_of_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE)
    ids = {d.id for d in _docs(tmp_path)}
    assert ids == {content_id(PAGE.encode())}


def test_jsonl_lines_become_documents_with_hints(tmp_path: Path) -> None:
    lines = [
        {"text": "Ministers met in Oslo on Monday to discuss fishing rights.", "url": "https://x.example/1",
         "date": "2024-05-06", "outlet": "X News"},
        {"html": PAGE},
        {"title": "no body"},
    ]
    path = tmp_path / "feed.data"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n")
    docs = _docs(path)
    assert [d.media_type for d in docs[:2]] == ["text/plain", "text/html"]
    assert docs[0].hints == {"url": "https://x.example/1", "date": "2024-05-06", "outlet": "X News"}
    assert docs[2].error_code == "NG108" and "line 3" in (docs[2].error or "")
    assert docs[3].error_code == "NG108" and "not valid JSON" in (docs[3].error or "")


def test_warc_and_warc_gz_response_records(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(_warc(3))
    (tmp_path / "crawl.warc").write_bytes(_warc(2, gz=False))
    docs = _docs(tmp_path)
    assert sorted(d.uri for d in docs) == [f"https://news.example/{i}" for i in (0, 0, 1, 1, 2)]
    assert all(d.error is None and d.media_type == "text/html" for d in docs)


def test_truncated_warc_keeps_complete_records(tmp_path: Path) -> None:
    data = _warc(3)
    (tmp_path / "cut.warc.gz").write_bytes(data[:-60])
    docs = _docs(tmp_path)
    assert [d.error_code for d in docs] == [None, None, "NG105"]


def test_stdin(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class FakeStdin:
        buffer = io.BytesIO(PAGE.encode())

    monkeypatch.setattr("sys.stdin", FakeStdin)
    docs = list(iter_documents(["-"]))
    assert len(docs) == 1 and docs[0].uri == "<stdin>" and docs[0].media_type == "text/html"


def test_bad_inputs_each_get_a_specific_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"   \n\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(PAGE.encode() * 50)[:-30])
    with (tmp_path / "huge.txt").open("wb") as fh:  # 200 MB, sparse: refused by size before reading
        fh.truncate(200 * 1024 * 1024)
    codes = {Path(d.uri).name: d.error_code for d in _docs(tmp_path)}
    assert codes == {"blank.txt": "NG101", "empty.txt": "NG101", "image.png": "NG102",
                     "cut.html.gz": "NG105", "huge.txt": "NG104"}


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    docs = list(iter_documents([tmp_path / "nope.txt"]))
    assert docs[0].error_code == "NG109"


def test_gzip_bomb_is_bounded(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\0" * (8 * 1024 * 1024))  # 8 MB of zeros in ~8 KB
    (tmp_path / "bomb.gz").write_bytes(bomb)
    docs = _docs(tmp_path / "bomb.gz", max_bytes=1024 * 1024)
    assert docs[0].error_code == "NG106"


def test_gunzip_multi_member() -> None:
    data = gzip.compress(b"first ") + gzip.compress(b"second")
    assert gunzip_bounded(data, 1000) == b"first second"
