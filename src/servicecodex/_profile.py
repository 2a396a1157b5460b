"""Who an organisation is: its name, locale, timezone, currency and holiday calendar."""

from __future__ import annotations

import attrs

from servicecodex._calendar import BusinessCalendar
from servicecodex._i18n import babel_locale
from servicecodex._text import Text
from servicecodex._validate import currency, of_type, slug

__all__ = ["OrganizationProfile"]


def _locale(instance: object, attribute: attrs.Attribute[str], value: str) -> None:
    babel_locale(value)


@attrs.frozen
class OrganizationProfile:
    """The answer of ``servicecodex_organization_profile``.

    *holidays* is a country code of the ``holidays`` package (``"CN"``), or ``None``.

    >>> p = OrganizationProfile("acme", Text(en="ACME", zh_Hans="顶点"), "zh_Hans_CN",
    ...                         "Asia/Shanghai", "CNY", "CN")
    >>> p.calendar.is_working_day(pendulum.date(2026, 10, 1))
    False
    """

    id: str = attrs.field(validator=slug)
    name: Text = attrs.field(validator=of_type(Text))
    locale: str = attrs.field(validator=_locale)
    timezone: str
    currency: str = attrs.field(validator=currency)
    holidays: str | None = None
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}))
    calendar: BusinessCalendar = attrs.field(init=False, eq=False, repr=False)

    @classmethod
    def mainland_china(cls, id: str, name: Text) -> OrganizationProfile:
        """A mainland-China organisation: simplified Chinese (zh_Hans_CN), Asia/Shanghai,
        CNY, China's public holidays and in-lieu working days."""
        return cls(id, name, "zh_Hans_CN", "Asia/Shanghai", "CNY", "CN")

    @calendar.default
    def _calendar(self) -> BusinessCalendar:
        return BusinessCalendar(self.timezone, self.holidays, self.weekend)
