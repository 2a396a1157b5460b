"""The message catalogs are complete, compiled and in step with the source."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from servicecodex._i18n import LOCALE_DIR, SUPPORTED_LOCALES

SRC = Path(__file__).resolve().parents[1] / "src" / "servicecodex"


def _po(locale: str) -> Catalog:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "servicecodex.po").open("rb") as f:
        return read_po(f)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _messages(catalog: Catalog) -> dict[str, str]:
    return {str(m.id): str(m.string) for m in catalog if m.id}


def test_template_lists_every_marked_message_in_the_source() -> None:
    extracted = {
        message for _, _, message, _, _ in extract_from_dir(str(SRC), keywords={"N_": None})
    }
    with (LOCALE_DIR / "servicecodex.pot").open("rb") as f:
        template = set(_messages(read_po(f)))
    assert extracted == template, "run `nox -s i18n` to refresh the catalogs"


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_chinese_catalogs_translate_every_message_keeping_its_placeholders(locale: str) -> None:
    messages = _messages(_po(locale))
    assert messages
    for msgid, msgstr in messages.items():
        assert msgstr, f"{locale}: no translation for {msgid!r}"
        assert _fields(msgstr) == _fields(msgid), f"{locale}: placeholders differ in {msgid!r}"


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_compiled_catalogs_match_their_sources(locale: str) -> None:
    with (LOCALE_DIR / locale / "LC_MESSAGES" / "servicecodex.mo").open("rb") as f:
        compiled = _messages(read_mo(f))
    source = {k: v for k, v in _messages(_po(locale)).items() if v}
    assert compiled == source, "run `nox -s i18n` to recompile the catalogs"


def test_traditional_catalog_is_written_in_traditional_script() -> None:
    hant = _messages(_po("zh_Hant"))
    assert hant["{channel}: answer within {rings} rings"] == "{channel}：響鈴{rings}聲內接聽"
    assert hant["not defined"] == "未定義"
