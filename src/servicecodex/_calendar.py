"""Business calendars: the organisation's timezone, weekend and public holidays.

Public holidays come from the maintained ``holidays`` package, never from hand-typed
tables.  For China it also knows the in-lieu working days (调休): weekend days that are
working days because a holiday was moved, e.g. Saturday 14 February 2026.
"""

from __future__ import annotations

import datetime as _dt
import functools
from collections.abc import Iterable
from typing import Any

import attrs
import pendulum

from servicecodex._errors import PolicyError
from servicecodex._i18n import catalog_locale
from servicecodex._time import Period, day, instant
from servicecodex._validate import iana_timezone, timezone_name

__all__ = ["BusinessCalendar"]

_HOLIDAY_LANGUAGE = {"zh_Hans": "zh_CN", "zh_Hant": "zh_TW", "en": "en_US"}


def _country(instance: object, attribute: attrs.Attribute[str | None], value: object) -> None:
    if value is None:
        return
    import holidays

    if not isinstance(value, str) or value not in holidays.list_supported_countries():
        raise PolicyError(
            "BusinessCalendar.country", value, "not a country code the holidays package knows"
        )


def _weekend(value: Iterable[int]) -> frozenset[int]:
    try:
        days = frozenset(value)
    except TypeError:
        raise PolicyError("BusinessCalendar.weekend", value, "a set of weekday numbers") from None
    if not all(isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days):
        raise PolicyError(
            "BusinessCalendar.weekend", value, "weekdays are 0 (Monday) to 6 (Sunday)"
        )
    return days


@functools.lru_cache(maxsize=256)
def _holidays(country: str, year: int, language: str | None) -> Any:
    import holidays

    # Unsupported languages fall back to the country's default names.
    return holidays.country_holidays(country, years=year, language=language)


@attrs.frozen
class BusinessCalendar:
    """When an organisation works.

    *country* is a ``holidays`` country code (``"CN"``) or ``None`` for no public
    holidays; *weekend* lists weekday numbers (0 = Monday).  A day is a working day when
    it is not a public holiday and either not a weekend day or an in-lieu working day.

    >>> cn = BusinessCalendar("Asia/Shanghai", "CN")
    >>> cn.is_working_day(pendulum.date(2026, 2, 14))   # Saturday, worked in lieu
    True
    >>> cn.is_working_day(pendulum.date(2026, 2, 17)), cn.holiday_name(pendulum.date(2026, 2, 17), "zh_Hans")
    (False, '春节')
    """

    timezone: str = attrs.field(validator=iana_timezone)
    country: str | None = attrs.field(default=None, validator=_country)
    weekend: frozenset[int] = attrs.field(default=frozenset({5, 6}), converter=_weekend)

    def _table(self, year: int, locale: str | None = None) -> Any:
        assert self.country is not None
        language = _HOLIDAY_LANGUAGE[catalog_locale(locale)] if locale else None
        return _holidays(self.country, year, language)

    def is_public_holiday(self, value: _dt.date) -> bool:
        """Whether the day is a public holiday (including days off given in lieu)."""
        d = day(value)
        return self.country is not None and d in self._table(d.year)

    def is_in_lieu_working_day(self, value: _dt.date) -> bool:
        """Whether the day is a weekend day that is worked because a holiday was moved."""
        d = day(value)
        if self.country is None:
            return False
        return d in getattr(self._table(d.year), "weekend_workdays", ())

    def holiday_name(self, value: _dt.date, locale: str = "en") -> str | None:
        """The public holiday's name in *locale*, or ``None`` on an ordinary day."""
        d = day(value)
        if self.country is None:
            return None
        name = self._table(d.year, locale).get(d)
        return None if name is None else str(name)

    def is_working_day(self, value: _dt.date) -> bool:
        """Whether the organisation's regular staff work that day."""
        d = day(value)
        if self.is_public_holiday(d):
            return False
        return d.weekday() not in self.weekend or self.is_in_lieu_working_day(d)

    def working_days(self, period: Period) -> tuple[pendulum.Date, ...]:
        """The working days of *period*, in order."""
        return tuple(d for d in period.days() if self.is_working_day(d))

    def local(self, value: _dt.datetime) -> pendulum.DateTime:
        """An instant in the organisation's timezone (naive datetimes are refused)."""
        return instant(value).in_timezone(self.timezone)

    def local_date(self, value: _dt.datetime) -> pendulum.Date:
        """The organisation's calendar day on which an instant falls."""
        return self.local(value).date()


def zone_of(value: object, field: str) -> str:
    """An IANA timezone name, given as a name or as a :class:`BusinessCalendar` (its
    timezone); anything else raises a PolicyError naming *field*
    (see :func:`~servicecodex._validate.timezone_name`)."""
    if isinstance(value, BusinessCalendar):
        return value.timezone
    return timezone_name(value, field)
