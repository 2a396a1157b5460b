"""Locales and message catalogs.

servicecodex speaks three languages: simplified Chinese (``zh_Hans``), traditional
Chinese (``zh_Hant``) and English (``en``).  Any locale babel can parse is accepted and
mapped to one of them (``zh_Hans_CN`` and ``zh`` -> ``zh_Hans``; ``zh_TW``, ``zh_HK`` and
``zh_Hant_TW`` -> ``zh_Hant``; ``en_US`` -> ``en``); the full locale is still used to
format numbers, money and dates.

Catalogs are babel/gettext ``.mo`` files under ``servicecodex/locale``, loaded the first
time a message in that language is rendered (never on import).  Core code marks each
message with :func:`N_` so that ``nox -s i18n`` can extract it.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from servicecodex._errors import UnsupportedLocaleError

if TYPE_CHECKING:
    from babel import Locale
    from babel.support import NullTranslations

__all__ = [
    "N_",
    "SUPPORTED_LOCALES",
    "CatalogLocale",
    "LabelledEnum",
    "babel_locale",
    "catalog_locale",
    "gettext",
    "label_members",
]

CatalogLocale = Literal["zh_Hans", "zh_Hant", "en"]
SUPPORTED_LOCALES: tuple[CatalogLocale, ...] = ("zh_Hans", "zh_Hant", "en")
_HANT_TERRITORIES = frozenset({"TW", "HK", "MO"})
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "servicecodex"


def N_(msgid: str) -> str:
    """Mark *msgid* for extraction into the catalogs; returns it unchanged."""
    return msgid


@functools.lru_cache(maxsize=64)
def babel_locale(locale: str) -> Locale:
    """Parse *locale* (``zh_Hans_CN``, ``zh-Hant-TW``, ``en``) into a babel ``Locale``.

    >>> babel_locale("zh-Hant-TW")
    Locale('zh', territory='TW', script='Hant')
    """
    from babel import Locale, UnknownLocaleError

    if not isinstance(locale, str) or not locale.strip():
        raise UnsupportedLocaleError("locale", locale, "a locale is a non-empty string")
    try:
        return Locale.parse(locale.strip().replace("-", "_"))
    except (ValueError, UnknownLocaleError) as exc:
        raise UnsupportedLocaleError(
            "locale", locale, f"not a locale babel knows ({exc}); use e.g. zh_Hans_CN or en"
        ) from None


def catalog_locale(locale: str) -> CatalogLocale:
    """The message catalog used for *locale*.

    >>> catalog_locale("zh_TW"), catalog_locale("zh_Hans_CN"), catalog_locale("en_GB")
    ('zh_Hant', 'zh_Hans', 'en')
    """
    parsed = babel_locale(locale)
    if parsed.language == "en":
        return "en"
    if parsed.language == "zh":
        if parsed.script == "Hant" or (
            parsed.script is None and parsed.territory in _HANT_TERRITORIES
        ):
            return "zh_Hant"
        return "zh_Hans"
    raise UnsupportedLocaleError(
        "locale", locale, f"no messages in this language; supported: {', '.join(SUPPORTED_LOCALES)}"
    )


@functools.cache
def _translations(locale: CatalogLocale) -> NullTranslations:
    from babel.support import Translations

    # An "en" catalog with no translations is fine: gettext falls back to the msgid.
    return Translations.load(str(LOCALE_DIR), [locale], DOMAIN)


def gettext(msgid: str, locale: str) -> str:
    """Translate *msgid* into *locale*; an untranslated message falls back to *msgid*."""
    return _translations(catalog_locale(locale)).gettext(msgid)


class LabelledEnum(enum.Enum):
    """An enum whose members render in a locale; each subclass registers its members'
    labels (catalog msgids) with :func:`label_members`."""

    def localize(self, locale: str = "en") -> str:
        """The member's label in *locale*."""
        return gettext(_LABELS[self], locale)


_LABELS: dict[LabelledEnum, str] = {}


def label_members(labels: Mapping[LabelledEnum, str]) -> None:
    """Register the labels of an enum's members (all of them)."""
    members = {type(member) for member in labels}
    for cls in members:
        missing = [m.name for m in cls if m not in labels]
        if missing:
            raise TypeError(f"{cls.__name__}: no label for {missing}")
    _LABELS.update(labels)


def loaded_catalogs() -> int:
    """How many catalogs are loaded so far (used to check that import loads none)."""
    return _translations.cache_info().currsize
