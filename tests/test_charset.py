"""Text comes out right whatever charset a page declares (or fails to declare)."""

from __future__ import annotations

import pytest

from scraper.extract.article import extract_article
from scraper.extract.charset import choose_encoding, is_mostly_utf8
from scraper.extract.document import decode_text

FRENCH = "Le café de la rue Saint-Honoré coûte cher : « déjà vu », naïve façade, 20 €, l’été."
LATIN1 = "Le café de la rue Saint-Honoré coûte cher : « déjà vu », naïve façade, déçu."
JAPANESE = "日本銀行は金融政策決定会合で、短期金利の誘導目標を据え置くことを決めた。円相場は下落した。"
RUSSIAN = "Центральный банк России сохранил ключевую ставку, сообщили в пресс-службе регулятора."


def _page(text: str, declared: str | None) -> str:
    meta = f'<meta charset="{declared}">' if declared else ""
    paragraphs = f"<p>{text}</p>" * 4
    return f"<html><head>{meta}<title>{text}</title></head><body><h1>{text}</h1>{paragraphs}</body></html>"


CASES = [
    # (text, real encoding, <meta> charset, HTTP Content-Type)
    (FRENCH, "cp1252", "utf-8", None),
    (LATIN1, "latin-1", "utf-8", None),
    (JAPANESE, "shift_jis", "utf-8", None),
    (JAPANESE, "euc-jp", "utf-8", None),
    (FRENCH, "cp1252", None, "text/html; charset=UTF-8"),
    (JAPANESE, "shift_jis", None, "text/html; charset=utf-8"),
    (FRENCH, "cp1252", "utf-8", "text/html; charset=utf-8"),
    (FRENCH, "utf-8", "windows-1252", None),
    (FRENCH, "utf-8", "iso-8859-1", None),
    (JAPANESE, "utf-8", "shift_jis", None),
    (FRENCH, "utf-8", None, "text/html; charset=iso-8859-1"),
    (JAPANESE, "utf-8", None, "text/html; charset=shift_jis"),
    (FRENCH, "cp1252", None, None),
    (LATIN1, "latin-1", None, None),
    (JAPANESE, "shift_jis", None, None),
    (RUSSIAN, "cp1251", "windows-1251", None),
    (RUSSIAN, "cp1251", None, "text/html; charset=windows-1251"),
    (FRENCH, "cp1252", "windows-1252", None),
    (JAPANESE, "shift_jis", "shift_jis", None),
]


@pytest.mark.parametrize(("text", "encoding", "declared", "content_type"), CASES)
def test_decoded_text_is_right(
    text: str, encoding: str, declared: str | None, content_type: str | None
) -> None:
    data = _page(text, declared).encode(encoding)
    assert text in decode_text(data, content_type)


@pytest.mark.parametrize(("text", "encoding", "declared", "content_type"), CASES[:12])
def test_extracted_text_is_right(
    text: str, encoding: str, declared: str | None, content_type: str | None
) -> None:
    data = _page(text, declared).encode(encoding)
    record = extract_article(data, url="http://127.0.0.1/a.html", content_type=content_type)
    assert text in f"{record['headline']}\n{record['body']}"


def test_a_few_damaged_bytes_do_not_flip_a_utf8_page() -> None:
    data = _page(FRENCH * 20, "utf-8").encode("utf-8")
    damaged = data[:200] + b"\xff" + data[201:]
    assert is_mostly_utf8(damaged)
    assert choose_encoding(damaged, "utf-8") == "utf-8"
    assert FRENCH in decode_text(damaged)


def test_ascii_defers_to_declared_7bit_and_wide_encodings() -> None:
    assert choose_encoding(b"<p>plain</p>", "iso-2022-jp") == "iso2022_jp"
    assert choose_encoding(b"<p>plain</p>", None) == "utf-8"
    assert choose_encoding(b"<p>plain</p>", "bogus-charset") == "utf-8"


def test_bom_wins() -> None:
    data = b"\xef\xbb\xbf" + _page(FRENCH, "shift_jis").encode("utf-8")
    assert FRENCH in decode_text(data, "text/html; charset=shift_jis")
    utf16 = "\ufeff".encode("utf-16-le") + _page(JAPANESE, None).encode("utf-16-le")
    assert JAPANESE in decode_text(utf16)
