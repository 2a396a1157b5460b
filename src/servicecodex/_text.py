"""Text in three languages: names of rungs, criteria, channels and the like."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import attrs

from servicecodex._errors import PolicyError
from servicecodex._i18n import catalog_locale

if TYPE_CHECKING:
    from opencc import OpenCC

__all__ = ["Text", "to_simplified", "to_traditional"]


@functools.cache
def _converter(config: str) -> OpenCC:
    import opencc

    return opencc.OpenCC(config)


def to_traditional(text: str) -> str:
    """Simplified -> traditional Chinese (OpenCC ``s2t``).

    >>> to_traditional("不关我的事")
    '不關我的事'
    """
    return str(_converter("s2t").convert(text))


def to_simplified(text: str) -> str:
    """Traditional -> simplified Chinese (OpenCC ``t2s``).

    >>> to_simplified("經理")
    '经理'
    """
    return str(_converter("t2s").convert(text))


def _check_text(attribute: attrs.Attribute[str | None], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise PolicyError(f"Text.{attribute.name}", value, "must be a non-blank str")


def _required_text(instance: object, attribute: attrs.Attribute[str], value: object) -> None:
    _check_text(attribute, value)  # type: ignore[arg-type]


def _optional_text(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is not None:
        _check_text(attribute, value)


@attrs.frozen
class Text:
    """A short text in English and Chinese.

    Give ``en`` and at least one of ``zh_Hans`` / ``zh_Hant``; the other Chinese script
    is derived with OpenCC when it is not given.  :meth:`hans` and :meth:`hant` are short
    forms for English with one script.

    >>> rung = Text(en="Supervisor", zh_Hant="主管經理")
    >>> rung.localize("zh_Hans_CN"), rung.localize("zh_TW"), rung.localize("en")
    ('主管经理', '主管經理', 'Supervisor')
    """

    en: str = attrs.field(validator=_required_text)
    zh_Hans: str | None = attrs.field(default=None, validator=_optional_text)
    zh_Hant: str | None = attrs.field(default=None, validator=_optional_text)

    def __attrs_post_init__(self) -> None:
        if self.zh_Hans is None and self.zh_Hant is None:
            raise PolicyError("Text", self.en, "give zh_Hans or zh_Hant as well as en")

    @classmethod
    def hans(cls, en: str, zh_hans: str) -> Text:
        """English and simplified Chinese; the traditional script is derived.

        The short form for a plugin's many names and labels written in simplified
        script, as most regulations are:

        >>> label = Text.hans("Complaint hotline", "投诉热线")
        >>> label == Text(en="Complaint hotline", zh_Hans="投诉热线")
        True
        >>> label.localize("zh_Hant")
        '投訴熱線'
        """
        return cls(en=en, zh_Hans=zh_hans)

    @classmethod
    def hant(cls, en: str, zh_hant: str) -> Text:
        """English and traditional Chinese; the simplified script is derived.

        For a regulation written in traditional script:

        >>> label = Text.hant("Manager", "經理")
        >>> label == Text(en="Manager", zh_Hant="經理")
        True
        >>> label.localize("zh_Hans")
        '经理'
        """
        return cls(en=en, zh_Hant=zh_hant)

    def localize(self, locale: str = "en") -> str:
        """This text in *locale* (any locale servicecodex supports)."""
        match catalog_locale(locale):
            case "en":
                return self.en
            case "zh_Hans":
                return (
                    self.zh_Hans if self.zh_Hans is not None else to_simplified(self.zh_Hant or "")
                )
            case "zh_Hant":
                return (
                    self.zh_Hant if self.zh_Hant is not None else to_traditional(self.zh_Hans or "")
                )

    def __str__(self) -> str:
        return self.en
