"""Language: declared first, else identified from the body."""

from __future__ import annotations

import pytest
from lxml import html

from scraper.extract.language import detect_language, guess_language
from scraper.extract.metadata import read_metadata


def _language(html_attrs: str = "", head: str = "", body: str = "") -> str | None:
    tree = html.document_fromstring(f"<html{html_attrs}><head>{head}</head><body><p>x</p></body></html>")
    return detect_language(read_metadata(tree), body)


def test_declared_sources_in_order() -> None:
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "inLanguage": "fr-FR"}</script>'
    assert _language(' lang="en-US"', ld) == "fr"
    assert _language(' lang="en-GB"') == "en"
    assert _language(head='<meta property="og:locale" content="de_DE">') == "de"
    assert _language(head='<meta http-equiv="content-language" content="pt-BR">') == "pt"


def test_declaration_beats_the_guess() -> None:
    english = "The quick brown fox and the dog are in the garden of the house."
    assert _language(' lang="de"', body=english) == "de"


def test_malformed_declaration_falls_back_to_the_guess() -> None:
    body = "Der Hund und die Katze sind nicht mit dem Auto in die Stadt gefahren, auch nicht im Regen."
    assert _language(' lang="{{lang}}"', body=body) == "de"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("North Korea delayed sending cheap laborers who can help Russia rebuild, according to the outlet, "
         "and this is the plan that was reported by the agency with the source.", "en"),
        ("Le gouvernement a annoncé que les prix sont en hausse dans la région et que les habitants "
         "qui vivent dans le centre ne sont pas contents avec cette décision.", "fr"),
        ("El gobierno dijo que los precios de las casas subieron por la demanda y que las familias con "
         "hijos no pueden pagar más para sus viviendas como antes.", "es"),
        ("Il governo ha detto che i prezzi sono aumentati per una crisi che non è finita, e gli abitanti "
         "della città sono preoccupati anche per il futuro della regione.", "it"),
        ("O governo disse que os preços das casas subiram e que as famílias não conseguem pagar mais "
         "como antes, segundo os dados da associação para o setor.", "pt"),
        ("De regering heeft gezegd dat het plan niet voor het einde van het jaar klaar is, en dat er "
         "ook naar een oplossing met de gemeenten wordt gezocht bij het ministerie.", "nl"),
    ],
)
def test_guess(text: str, code: str) -> None:
    assert guess_language(text) == code


def test_too_little_evidence_is_none() -> None:
    assert guess_language("") is None
    assert guess_language("Apple Inc. 3.5% Nasdaq") is None
    assert guess_language("東京で会議が開かれた") is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("서울시는 내년부터 대중교통 요금을 인상하기로 결정했다고 밝혔다. "
         "시민들은 부담이 커질 것이라고 우려했다.", "ko"),
        ("Правительство объявило, что цены на жильё в регионе выросли, "
         "и жители центра недовольны этим решением.", "ru"),
        ("東京都は来年から公共交通機関の運賃を値上げすると発表した。"
         "市民からは負担が増えるとの声が上がっている。", "ja"),
        ("Η κυβέρνηση ανακοίνωσε ότι οι τιμές των κατοικιών στην περιοχή αυξήθηκαν σημαντικά φέτος.", "el"),
    ],
)
def test_guess_any_script(text: str, code: str) -> None:
    assert guess_language(text) == code

