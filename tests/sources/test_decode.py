"""Encoding detection: UTF-8, declared and detected legacy encodings, undecodable bytes."""

from __future__ import annotations

import random

import pytest

from newsgraph.errors import BinaryDocumentError, EmptyDocumentError, EncodingDetectionError
from newsgraph.sources.decode import decode_text

RUSSIAN = "Министр иностранных дел заявил в пятницу, что переговоры продолжатся на следующей неделе в Женеве."


def test_utf8_and_bom() -> None:
    assert decode_text("Zelenskyy — «мир»".encode()) == "Zelenskyy — «мир»"
    assert decode_text(b"\xef\xbb\xbfHello there") == "Hello there"


def test_declared_html_charset() -> None:
    html = f'<html><head><meta charset="windows-1251"></head><body><p>{RUSSIAN}</p></body></html>'
    assert RUSSIAN in decode_text(html.encode("cp1251"))


def test_detected_legacy_encoding() -> None:
    text = ("Le ministre des Affaires étrangères a déclaré vendredi à Genève que les négociations "
            "reprendraient la semaine prochaine, malgré les désaccords persistants.")
    assert decode_text(text.encode("latin-1")) == text


def test_undecodable_bytes() -> None:
    rng = random.Random(1)
    with pytest.raises(EncodingDetectionError):
        decode_text(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))


def test_binary_and_empty() -> None:
    with pytest.raises(BinaryDocumentError):
        decode_text(b"GIF89a\x00\x01\x00")
    with pytest.raises(EmptyDocumentError):
        decode_text(b" \n\t ")
