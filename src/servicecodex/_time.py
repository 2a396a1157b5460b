"""Time on pendulum: aware instants, calendar days, and periods.

* An *instant* (:func:`instant`) is a timezone-aware pendulum ``DateTime``; a naive
  datetime is refused with :class:`~servicecodex.NaiveDateTimeError`.
* A *day* (:func:`day`) is a pendulum ``Date``; a datetime is refused where a day is
  wanted, because which day an instant falls on depends on the timezone (use
  ``BusinessCalendar.local_date``).
* A *period* is a closed range of days, ``first`` to ``last`` inclusive: :class:`Month`,
  :class:`Quarter`, :class:`HalfYear`, :class:`Year`, or any :class:`DateRange`, such as a
  rolling window from :meth:`DateRange.months_before`.

Month arithmetic follows pendulum: adding or subtracting months keeps the day of the
month and clamps it to the month's last day (31 August minus 6 months is 28 February).
"""

from __future__ import annotations

import datetime as _dt
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from typing import Self

import attrs
import pendulum

from servicecodex._errors import NaiveDateTimeError, ValidationError
from servicecodex._i18n import N_, LabelledEnum, babel_locale, gettext, label_members

__all__ = [
    "CalendarPeriod",
    "DateRange",
    "HalfYear",
    "Month",
    "Period",
    "PeriodKind",
    "Quarter",
    "Year",
    "day",
    "instant",
    "months_between",
]


def instant(value: object, field: str = "datetime") -> pendulum.DateTime:
    """*value* as an aware pendulum ``DateTime``; naive datetimes are refused.

    >>> instant(pendulum.datetime(2026, 10, 1, 9, tz="Asia/Shanghai")).isoformat()
    '2026-10-01T09:00:00+08:00'
    >>> import datetime
    >>> instant(datetime.datetime(2026, 10, 1, 9), field="Turn.at")
    Traceback (most recent call last):
    ...
    servicecodex.NaiveDateTimeError: Turn.at: naive datetime (no timezone); give an aware one, e.g. pendulum.datetime(2026, 10, 1, 9, tz='Asia/Shanghai') (got datetime.datetime(2026, 10, 1, 9, 0))
    """
    if not isinstance(value, _dt.datetime):
        raise ValidationError(
            field, value, f"expected an aware datetime, not {type(value).__name__}"
        )
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise NaiveDateTimeError(
            field,
            value,
            "naive datetime (no timezone); give an aware one, "
            "e.g. pendulum.datetime(2026, 10, 1, 9, tz='Asia/Shanghai')",
        )
    if isinstance(value, pendulum.DateTime):
        return value
    return pendulum.instance(value)


def day(value: object, field: str = "date") -> pendulum.Date:
    """*value* (a ``date``, not a ``datetime``) as a pendulum ``Date``.

    >>> day(pendulum.date(2026, 2, 28))
    Date(2026, 2, 28)
    """
    if isinstance(value, _dt.datetime) or not isinstance(value, _dt.date):
        raise ValidationError(
            field,
            value,
            "expected a calendar date (datetime.date / pendulum.Date), not "
            f"{type(value).__name__}; for an instant use BusinessCalendar.local_date",
        )
    if isinstance(value, pendulum.Date):
        return value
    return pendulum.Date(value.year, value.month, value.day)


def months_between(start: _dt.date, end: _dt.date) -> int:
    """Whole months from *start* to *end*: the largest n with ``start + n months <= end``.

    Partial months are dropped (rounded down), and month ends follow pendulum's clamping:
    from 31 January, one month is complete on 28 February (29 in a leap year), two on
    31 March.  A negative span is an error.

    >>> months_between(pendulum.date(2026, 1, 31), pendulum.date(2026, 2, 28))
    1
    >>> months_between(pendulum.date(2026, 1, 15), pendulum.date(2027, 1, 14))
    11
    """
    first, last = day(start, "start"), day(end, "end")
    if last < first:
        raise ValidationError("end", last, f"is before start {first}")
    months = (last.year - first.year) * 12 + last.month - first.month
    if first.add(months=months) > last:
        months -= 1
    return months


class Period(ABC):
    """A closed range of calendar days, ``first`` to ``last``."""

    __slots__ = ()

    @property
    @abstractmethod
    def first(self) -> pendulum.Date:
        """The first day in the period."""

    @property
    @abstractmethod
    def last(self) -> pendulum.Date:
        """The last day in the period (inclusive)."""

    def __contains__(self, value: object) -> bool:
        """Whether a day lies in the period (a datetime is refused, see :func:`day`)."""
        return self.first <= day(value) <= self.last

    def days(self) -> Iterator[pendulum.Date]:
        """Every day of the period, in order."""
        current = self.first
        while current <= self.last:
            yield current
            current = current.add(days=1)

    def __len__(self) -> int:
        """The number of days."""
        return (self.last - self.first).in_days() + 1

    def months(self) -> tuple[Month, ...]:
        """The calendar months the period touches, in order."""
        result = [Month.of(self.first)]
        while result[-1].last < self.last:
            result.append(result[-1].next())
        return tuple(result)

    def overlaps(self, other: Period) -> bool:
        """Whether the two periods share at least one day."""
        return self.first <= other.last and other.first <= self.last

    def localize(self, locale: str = "en") -> str:
        """The period's label, so that a period can be a fact of a reason."""
        return self.label(locale)

    def label(self, locale: str = "en") -> str:
        """A short human name for the period in *locale*."""
        from babel.dates import format_date

        loc = babel_locale(locale)
        return gettext(N_("{first} to {last}"), locale).format(
            first=format_date(self.first, "medium", locale=loc),
            last=format_date(self.last, "medium", locale=loc),
        )


class CalendarPeriod(Period):
    """A month, quarter, half-year or year: periods that follow one another."""

    __slots__ = ()

    @classmethod
    @abstractmethod
    def of(cls, value: _dt.date) -> Self:
        """The period containing a day."""

    def next(self) -> Self:
        """The period after this one."""
        return self.of(self.last.add(days=1))

    def previous(self) -> Self:
        """The period before this one."""
        return self.of(self.first.subtract(days=1))


def _year(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9999:
        raise ValidationError(f"{type(instance).__name__}.{attribute.name}", value, "not a year")


def _in_range(low: int, high: int) -> Callable[[object, attrs.Attribute[int], object], None]:
    def check(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise ValidationError(
                f"{type(instance).__name__}.{attribute.name}", value, f"must be {low} to {high}"
            )

    return check


def _first_day(value: _dt.date) -> pendulum.Date:
    return day(value, "DateRange.first")


def _last_day(value: _dt.date) -> pendulum.Date:
    return day(value, "DateRange.last")


@attrs.frozen
class DateRange(Period):
    """Any closed range of days; rolling windows are built with the class methods.

    >>> window = DateRange.months_before(pendulum.date(2026, 10, 31), 6)
    >>> window.first, window.last, len(window)
    (Date(2026, 5, 1), Date(2026, 10, 31), 184)
    """

    first: pendulum.Date = attrs.field(converter=_first_day)
    last: pendulum.Date = attrs.field(converter=_last_day)

    def __attrs_post_init__(self) -> None:
        if self.last < self.first:
            raise ValidationError("DateRange.last", self.last, f"is before first {self.first}")

    @classmethod
    def months_before(cls, as_of: _dt.date, months: int) -> DateRange:
        """The *months* months ending on *as_of* (inclusive): "the 6 months before this date".

        The window starts the day after *as_of* minus *months* months (clamped at month
        ends), so that consecutive windows neither overlap nor leave a gap.
        """
        end = day(as_of, "as_of")
        if not isinstance(months, int) or isinstance(months, bool) or months < 1:
            raise ValidationError("months", months, "must be a whole number of months >= 1")
        return cls(end.subtract(months=months).add(days=1), end)

    @classmethod
    def days_before(cls, as_of: _dt.date, days: int) -> DateRange:
        """The *days* days ending on *as_of* (inclusive)."""
        end = day(as_of, "as_of")
        if not isinstance(days, int) or isinstance(days, bool) or days < 1:
            raise ValidationError("days", days, "must be a whole number of days >= 1")
        return cls(end.subtract(days=days - 1), end)


@attrs.frozen
class Month(CalendarPeriod):
    """A calendar month.

    >>> m = Month(2026, 2)
    >>> m.first, m.last, m.next(), m.label("zh_Hans")
    (Date(2026, 2, 1), Date(2026, 2, 28), Month(year=2026, month=3), '2026年2月')
    """

    year: int = attrs.field(validator=_year)
    month: int = attrs.field(validator=_in_range(1, 12))

    @classmethod
    def of(cls, value: _dt.date) -> Self:
        """The month containing a day."""
        d = day(value)
        return cls(d.year, d.month)

    @property
    def first(self) -> pendulum.Date:
        return pendulum.Date(self.year, self.month, 1)

    @property
    def last(self) -> pendulum.Date:
        return self.first.end_of("month")

    def label(self, locale: str = "en") -> str:
        from babel.dates import format_skeleton

        return str(format_skeleton("yMMMM", self.first, locale=babel_locale(locale)))


@attrs.frozen
class Quarter(CalendarPeriod):
    """A calendar quarter (1 = January to March).

    >>> Quarter.of(pendulum.date(2026, 11, 23)).label("zh_Hans"), Quarter(2026, 4).label("en")
    ('2026年第4季度', 'Q4 2026')
    """

    year: int = attrs.field(validator=_year)
    quarter: int = attrs.field(validator=_in_range(1, 4))

    @classmethod
    def of(cls, value: _dt.date) -> Self:
        """The quarter containing a day."""
        d = day(value)
        return cls(d.year, (d.month - 1) // 3 + 1)

    @property
    def first(self) -> pendulum.Date:
        return pendulum.Date(self.year, 3 * self.quarter - 2, 1)

    @property
    def last(self) -> pendulum.Date:
        return pendulum.Date(self.year, 3 * self.quarter, 1).end_of("month")

    def label(self, locale: str = "en") -> str:
        return gettext(N_("Q{quarter} {year}"), locale).format(quarter=self.quarter, year=self.year)


@attrs.frozen
class HalfYear(CalendarPeriod):
    """A calendar half-year (1 = January to June)."""

    year: int = attrs.field(validator=_year)
    half: int = attrs.field(validator=_in_range(1, 2))

    @classmethod
    def of(cls, value: _dt.date) -> Self:
        """The half-year containing a day."""
        d = day(value)
        return cls(d.year, 1 if d.month <= 6 else 2)

    @property
    def first(self) -> pendulum.Date:
        return pendulum.Date(self.year, 6 * self.half - 5, 1)

    @property
    def last(self) -> pendulum.Date:
        return pendulum.Date(self.year, 6 * self.half, 1).end_of("month")

    def label(self, locale: str = "en") -> str:
        """ "first half of 2026" / "2026年上半年"."""
        template = N_("first half of {year}") if self.half == 1 else N_("second half of {year}")
        return gettext(template, locale).format(year=self.year)


@attrs.frozen
class Year(CalendarPeriod):
    """A calendar year."""

    year: int = attrs.field(validator=_year)

    @classmethod
    def of(cls, value: _dt.date) -> Self:
        """The year containing a day."""
        return cls(day(value).year)

    @property
    def first(self) -> pendulum.Date:
        return pendulum.Date(self.year, 1, 1)

    @property
    def last(self) -> pendulum.Date:
        return pendulum.Date(self.year, 12, 31)

    def label(self, locale: str = "en") -> str:
        return gettext(N_("{year}"), locale).format(year=self.year)


class PeriodKind(LabelledEnum):
    """The kinds of calendar period a policy can name (an appraisal is monthly, …)."""

    MONTH = "month"
    QUARTER = "quarter"
    HALF_YEAR = "half_year"
    YEAR = "year"

    @classmethod
    def of_period(cls, period: Period) -> PeriodKind:
        """The kind of a calendar period."""
        for kind, klass in _KINDS.items():
            if type(period) is klass:
                return kind
        raise ValidationError("period", period, "expected a Month, Quarter, HalfYear or Year")

    def of(self, value: _dt.date) -> Period:
        """The period of this kind containing a day."""
        cls: type[Month | Quarter | HalfYear | Year] = _KINDS[self]
        return cls.of(value)


_KINDS: dict[PeriodKind, type[Month | Quarter | HalfYear | Year]] = {
    PeriodKind.MONTH: Month,
    PeriodKind.QUARTER: Quarter,
    PeriodKind.HALF_YEAR: HalfYear,
    PeriodKind.YEAR: Year,
}
label_members(
    {
        PeriodKind.MONTH: N_("monthly"),
        PeriodKind.QUARTER: N_("quarterly"),
        PeriodKind.HALF_YEAR: N_("half-yearly"),
        PeriodKind.YEAR: N_("annual"),
    }
)
