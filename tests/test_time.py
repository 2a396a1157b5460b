"""Instants, days and periods on pendulum."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from zoneinfo import ZoneInfo

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import servicecodex as sc

SHANGHAI = ZoneInfo("Asia/Shanghai")


class _NoOffset(dt.tzinfo):
    """A tzinfo that does not know its offset: the datetime is still naive."""

    def utcoffset(self, value: dt.datetime | None) -> dt.timedelta | None:
        return None

    def dst(self, value: dt.datetime | None) -> dt.timedelta | None:
        return None

    def tzname(self, value: dt.datetime | None) -> str | None:
        return None


# Instants ---------------------------------------------------------------------------


def test_instant_refuses_a_naive_datetime_naming_the_field() -> None:
    with pytest.raises(sc.NaiveDateTimeError) as exc:
        sc.instant(dt.datetime(2026, 10, 1, 9), field="Turn.at")
    assert exc.value.field == "Turn.at"
    assert str(exc.value).startswith("Turn.at: ")
    assert "naive" in str(exc.value)
    assert isinstance(exc.value, ValueError)
    assert isinstance(exc.value, sc.ServiceCodexError)


def test_instant_refuses_a_tzinfo_without_an_offset() -> None:
    with pytest.raises(sc.NaiveDateTimeError):
        sc.instant(dt.datetime(2026, 10, 1, 9, tzinfo=_NoOffset()))


@pytest.mark.parametrize(
    "value", [dt.date(2026, 10, 1), pendulum.date(2026, 10, 1), "2026-10-01T09:00+08:00", 0, None]
)
def test_instant_refuses_what_is_not_a_datetime(value: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.instant(value, field="Turn.at")
    assert not isinstance(exc.value, sc.NaiveDateTimeError)
    assert exc.value.field == "Turn.at"


@pytest.mark.parametrize(
    "aware",
    [
        dt.datetime(2026, 10, 1, 9, tzinfo=SHANGHAI),
        dt.datetime(2026, 10, 1, 9, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        dt.datetime(2026, 10, 1, 1, tzinfo=dt.UTC),
    ],
)
def test_instant_converts_stdlib_aware_datetimes_to_pendulum(aware: dt.datetime) -> None:
    result = sc.instant(aware)
    assert isinstance(result, pendulum.DateTime)
    assert result == aware
    assert result.in_timezone("Asia/Shanghai").isoformat() == "2026-10-01T09:00:00+08:00"


def test_instant_returns_a_pendulum_datetime_unchanged() -> None:
    at = pendulum.datetime(2026, 10, 1, 9, tz="Asia/Shanghai")
    assert sc.instant(at) is at


# Days -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        dt.datetime(2026, 10, 1, 9),
        dt.datetime(2026, 10, 1, 9, tzinfo=SHANGHAI),
        pendulum.datetime(2026, 10, 1, 9, tz="Asia/Shanghai"),
        "2026-10-01",
        20261001,
    ],
)
def test_day_refuses_datetimes_and_non_dates(value: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.day(value, field="Shift.on")
    assert exc.value.field == "Shift.on"


def test_day_converts_a_stdlib_date() -> None:
    result = sc.day(dt.date(2026, 10, 1))
    assert isinstance(result, pendulum.Date)
    assert result == pendulum.date(2026, 10, 1)


# Calendar periods -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("period", "first", "last", "days"),
    [
        (sc.Month(2026, 2), dt.date(2026, 2, 1), dt.date(2026, 2, 28), 28),
        (sc.Month(2028, 2), dt.date(2028, 2, 1), dt.date(2028, 2, 29), 29),
        (sc.Month(2026, 10), dt.date(2026, 10, 1), dt.date(2026, 10, 31), 31),
        (sc.Quarter(2026, 1), dt.date(2026, 1, 1), dt.date(2026, 3, 31), 90),
        (sc.Quarter(2028, 1), dt.date(2028, 1, 1), dt.date(2028, 3, 31), 91),
        (sc.Quarter(2026, 4), dt.date(2026, 10, 1), dt.date(2026, 12, 31), 92),
        (sc.HalfYear(2026, 1), dt.date(2026, 1, 1), dt.date(2026, 6, 30), 181),
        (sc.HalfYear(2026, 2), dt.date(2026, 7, 1), dt.date(2026, 12, 31), 184),
        (sc.Year(2026), dt.date(2026, 1, 1), dt.date(2026, 12, 31), 365),
        (sc.Year(2028), dt.date(2028, 1, 1), dt.date(2028, 12, 31), 366),
    ],
)
def test_first_last_and_length(period: sc.Period, first: dt.date, last: dt.date, days: int) -> None:
    assert period.first == first
    assert period.last == last
    assert len(period) == days
    assert len(list(period.days())) == days


def test_month_next_and_previous_cross_year_ends() -> None:
    assert sc.Month(2026, 12).next() == sc.Month(2027, 1)
    assert sc.Month(2027, 1).previous() == sc.Month(2026, 12)
    assert sc.Month(2026, 10).next() == sc.Month(2026, 11)
    assert sc.Month(2028, 1).next().last == dt.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("value", "month", "quarter", "half"),
    [
        (dt.date(2026, 1, 1), 1, 1, 1),
        (dt.date(2026, 6, 30), 6, 2, 1),
        (dt.date(2026, 7, 1), 7, 3, 2),
        (pendulum.date(2026, 11, 23), 11, 4, 2),
    ],
)
def test_of_finds_the_containing_period(
    value: dt.date, month: int, quarter: int, half: int
) -> None:
    assert sc.Month.of(value) == sc.Month(2026, month)
    assert sc.Quarter.of(value) == sc.Quarter(2026, quarter)
    assert sc.HalfYear.of(value) == sc.HalfYear(2026, half)
    assert sc.Year.of(value) == sc.Year(2026)
    assert sc.PeriodKind.MONTH.of(value) == sc.Month(2026, month)
    assert sc.PeriodKind.QUARTER.of(value) == sc.Quarter(2026, quarter)
    assert sc.PeriodKind.HALF_YEAR.of(value) == sc.HalfYear(2026, half)
    assert sc.PeriodKind.YEAR.of(value) == sc.Year(2026)


def test_of_refuses_a_datetime() -> None:
    with pytest.raises(sc.ValidationError):
        sc.Month.of(pendulum.datetime(2026, 10, 31, 23, tz="Asia/Shanghai"))
    with pytest.raises(sc.ValidationError):
        sc.PeriodKind.QUARTER.of(dt.datetime(2026, 10, 31, 23, tzinfo=SHANGHAI))


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: sc.Month(2026, 13), "Month.month"),
        (lambda: sc.Month(2026, 0), "Month.month"),
        (lambda: sc.Month(0, 1), "Month.year"),
        (lambda: sc.Month(True, 1), "Month.year"),
        (lambda: sc.Quarter(2026, 5), "Quarter.quarter"),
        (lambda: sc.HalfYear(2026, 3), "HalfYear.half"),
        (lambda: sc.Year(10_000), "Year.year"),
    ],
)
def test_periods_validate_their_fields(make: Callable[[], sc.Period], field: str) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        make()
    assert exc.value.field == field


def test_in_works_on_dates() -> None:
    october = sc.Month(2026, 10)
    assert dt.date(2026, 10, 1) in october
    assert pendulum.date(2026, 10, 31) in october
    assert dt.date(2026, 11, 1) not in october
    assert dt.date(2026, 9, 30) not in october


@pytest.mark.parametrize(
    "value",
    [dt.datetime(2026, 10, 1, 9, tzinfo=SHANGHAI), pendulum.datetime(2026, 10, 1, 9, tz="UTC")],
)
def test_in_refuses_datetimes(value: dt.datetime) -> None:
    with pytest.raises(sc.ValidationError):
        _ = value in sc.Month(2026, 10)


def test_months_touched_and_overlap() -> None:
    window = sc.DateRange(dt.date(2026, 5, 1), dt.date(2026, 10, 31))
    assert window.months() == tuple(sc.Month(2026, m) for m in range(5, 11))
    assert sc.DateRange(dt.date(2026, 12, 31), dt.date(2027, 1, 1)).months() == (
        sc.Month(2026, 12),
        sc.Month(2027, 1),
    )
    assert window.overlaps(sc.Quarter(2026, 4))
    assert not window.overlaps(sc.Quarter(2026, 1))
    assert sc.Month(2026, 10).overlaps(sc.DateRange(dt.date(2026, 10, 31), dt.date(2026, 11, 5)))


def test_month_labels_come_from_babel() -> None:
    assert sc.Month(2026, 10).label("en") == "October 2026"
    assert sc.Month(2026, 10).label("zh_Hans") == "2026年10月"


# Date ranges ------------------------------------------------------------------------


def test_date_range_refuses_last_before_first() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.DateRange(dt.date(2026, 10, 31), dt.date(2026, 10, 1))
    assert exc.value.field == "DateRange.last"


def test_date_range_of_one_day() -> None:
    national_day = sc.DateRange(dt.date(2026, 10, 1), dt.date(2026, 10, 1))
    assert len(national_day) == 1
    assert list(national_day.days()) == [pendulum.date(2026, 10, 1)]


def test_date_range_refuses_datetimes() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.DateRange(pendulum.datetime(2026, 10, 1, tz="UTC"), dt.date(2026, 10, 31))
    assert exc.value.field == "DateRange.first"


def test_months_before_is_the_six_months_ending_on_as_of() -> None:
    window = sc.DateRange.months_before(dt.date(2026, 10, 31), 6)
    assert window == sc.DateRange(dt.date(2026, 5, 1), dt.date(2026, 10, 31))
    assert len(window) == 184


def test_months_before_clamps_at_month_ends() -> None:
    # 31 August minus 6 months is 28 February; the window starts the day after.
    assert sc.DateRange.months_before(dt.date(2026, 8, 31), 6).first == dt.date(2026, 3, 1)
    # EL-16: the 12-month window ending on a leap day.
    assert sc.DateRange.months_before(dt.date(2028, 2, 29), 12).first == dt.date(2027, 3, 1)


def test_one_month_before_keeps_the_day_of_the_month() -> None:
    # The window is not the calendar month: it starts the day after as_of minus a month.
    assert sc.DateRange.months_before(dt.date(2026, 10, 31), 1) == sc.DateRange(
        dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    )
    assert sc.DateRange.months_before(dt.date(2026, 2, 28), 1) == sc.DateRange(
        dt.date(2026, 1, 29), dt.date(2026, 2, 28)
    )
    assert sc.DateRange.months_before(dt.date(2026, 10, 15), 3) == sc.DateRange(
        dt.date(2026, 7, 16), dt.date(2026, 10, 15)
    )


@pytest.mark.parametrize("months", [0, -3, True, "6"])
def test_months_before_refuses_a_bad_count(months: object) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.DateRange.months_before(dt.date(2026, 10, 31), months)  # type: ignore[arg-type]
    assert exc.value.field == "months"


def test_months_before_refuses_a_datetime() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.DateRange.months_before(pendulum.datetime(2026, 10, 31, tz="UTC"), 6)
    assert exc.value.field == "as_of"


def test_days_before() -> None:
    week = sc.DateRange.days_before(dt.date(2026, 10, 31), 7)
    assert (week.first, week.last) == (dt.date(2026, 10, 25), dt.date(2026, 10, 31))
    assert len(sc.DateRange.days_before(dt.date(2026, 3, 1), 1)) == 1
    assert sc.DateRange.days_before(dt.date(2028, 3, 1), 2).first == dt.date(2028, 2, 29)


@pytest.mark.parametrize("days", [0, -1, True])
def test_days_before_refuses_a_bad_count(days: int) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.DateRange.days_before(dt.date(2026, 10, 31), days)
    assert exc.value.field == "days"


# Properties -------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@given(dates, st.integers(min_value=1, max_value=24))
def test_consecutive_month_windows_neither_overlap_nor_leave_a_gap(as_of: dt.date, n: int) -> None:
    window = sc.DateRange.months_before(as_of, n)
    earlier = sc.DateRange.months_before(sc.day(as_of).subtract(months=n), n)
    assert not window.overlaps(earlier)
    assert earlier.last.add(days=1) == window.first
    assert as_of in window
    assert 28 * n <= len(window) <= 31 * n


@given(dates)
def test_every_day_of_a_year_lies_in_exactly_one_quarter(value: dt.date) -> None:
    year = sc.Year.of(value)
    quarters = [sc.Quarter(year.year, q) for q in range(1, 5)]
    assert sum(value in q for q in quarters) == 1
    assert sum(len(q) for q in quarters) == len(year)
    assert sc.Quarter.of(value) in quarters
    assert value in sc.Quarter.of(value)


@given(dates)
def test_every_day_lies_in_its_month_and_half_year(value: dt.date) -> None:
    month = sc.Month.of(value)
    assert value in month
    assert month.next().previous() == month
    assert month.next().first == month.last.add(days=1)
    assert value in sc.HalfYear.of(value)
    assert sc.HalfYear.of(value).first <= month.first
