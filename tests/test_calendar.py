"""Business calendars: China's 2026 holidays and in-lieu working days (调休)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pendulum
import pytest

import servicecodex as sc

CN = sc.BusinessCalendar("Asia/Shanghai", "CN")
NO_HOLIDAYS = sc.BusinessCalendar("Asia/Shanghai")


def test_national_day_is_a_public_holiday() -> None:
    national_day = dt.date(2026, 10, 1)  # a Thursday
    assert CN.is_public_holiday(national_day)
    assert not CN.is_working_day(national_day)
    assert CN.holiday_name(national_day, "en") == "National Day"


def test_saturday_14_february_2026_is_worked_in_lieu() -> None:
    saturday = dt.date(2026, 2, 14)
    assert saturday.weekday() == 5
    assert CN.is_in_lieu_working_day(saturday)
    assert CN.is_working_day(saturday)
    assert not CN.is_public_holiday(saturday)
    # The Friday it was swapped for is a day off.
    assert not CN.is_working_day(dt.date(2026, 2, 20))
    # The Sunday after is an ordinary weekend day.
    assert not CN.is_in_lieu_working_day(dt.date(2026, 2, 15))
    assert not CN.is_working_day(dt.date(2026, 2, 15))


def test_spring_festival_is_named_in_each_language() -> None:
    day = pendulum.date(2026, 2, 17)
    assert CN.holiday_name(day, "zh_Hans") == "春节"
    assert CN.holiday_name(day, "zh_Hans_CN") == "春节"
    assert CN.holiday_name(day, "zh_Hant") == "春節"
    english = CN.holiday_name(day, "en")
    assert english is not None
    assert english.isascii()
    assert "Spring Festival" in english


def test_an_ordinary_day_has_no_holiday_name() -> None:
    assert CN.holiday_name(dt.date(2026, 10, 8), "zh_Hans") is None
    assert CN.is_working_day(dt.date(2026, 10, 8))


def test_holiday_name_refuses_an_unsupported_language() -> None:
    with pytest.raises(sc.UnsupportedLocaleError):
        CN.holiday_name(dt.date(2026, 10, 1), "fr")


def test_a_calendar_without_a_country_has_no_holidays() -> None:
    assert NO_HOLIDAYS.country is None
    assert not NO_HOLIDAYS.is_public_holiday(dt.date(2026, 10, 1))
    assert NO_HOLIDAYS.holiday_name(dt.date(2026, 10, 1), "zh_Hans") is None
    assert NO_HOLIDAYS.is_working_day(dt.date(2026, 10, 1))
    assert not NO_HOLIDAYS.is_in_lieu_working_day(dt.date(2026, 2, 14))
    assert not NO_HOLIDAYS.is_working_day(dt.date(2026, 2, 14))


def test_working_days_of_october_2026() -> None:
    """22 weekdays; 1-2 and 5-7 October are off (National Day and days swapped away);
    Saturday 10 October is worked in lieu: 22 - 5 + 1 = 18."""
    working = CN.working_days(sc.Month(2026, 10))
    assert len(working) == 18
    assert working[0] == dt.date(2026, 10, 8)
    assert dt.date(2026, 10, 10) in working
    assert dt.date(2026, 10, 11) not in working
    assert working == tuple(sorted(working))
    assert len(NO_HOLIDAYS.working_days(sc.Month(2026, 10))) == 22


def test_a_six_day_week_counts_saturdays() -> None:
    # Sundays only: 31 - 4 Sundays - 6 holidays falling Monday to Saturday (1-3, 5-7) = 21.
    six_days = sc.BusinessCalendar("Asia/Shanghai", "CN", frozenset({6}))
    assert len(six_days.working_days(sc.Month(2026, 10))) == 21
    assert six_days.is_working_day(dt.date(2026, 10, 17))


def test_working_days_refuse_datetimes() -> None:
    with pytest.raises(sc.ValidationError):
        CN.is_working_day(pendulum.datetime(2026, 10, 1, 9, tz="Asia/Shanghai"))


@pytest.mark.parametrize("timezone", ["Mars/Olympus_Mons", "", "UTC+8", None])
def test_bad_timezone_is_a_policy_error(timezone: object) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.BusinessCalendar(timezone, "CN")  # type: ignore[arg-type]
    assert exc.value.field == "BusinessCalendar.timezone"


@pytest.mark.parametrize("timezone", ["Asia/Peking", "UTC+8", None])
def test_every_timezone_is_checked_alike(timezone: object) -> None:
    """Calendars, opening hours, callback registers and reports refuse a timezone with
    the same error, naming their own field."""
    cite = sc.Citation("ZZ-01", "test")
    rule = sc.CallbackRule(
        "monthly", sc.Text(en="Monthly", zh_Hans="每月回访"), cite, sc.CallbackKind.MONTHLY
    )
    refusals: dict[str, Callable[[], object]] = {
        "BusinessCalendar.timezone": lambda: sc.BusinessCalendar(timezone),  # type: ignore[arg-type]
        "BusinessHours.timezone": lambda: sc.BusinessHours.always(timezone),  # type: ignore[arg-type]
        "CallbackRegister.timezone": lambda: sc.CallbackRegister(timezone, [rule]),
        "timezone": lambda: sc.report([], "day", sc.Month(2026, 3), timezone),  # type: ignore[arg-type]
    }
    for field, refuse in refusals.items():
        with pytest.raises(sc.PolicyError) as exc:
            refuse()
        assert exc.value.field == field
        assert exc.value.problem == "not an IANA timezone name such as 'Asia/Shanghai'"
    assert sc.CallbackRegister(CN, [rule]).timezone == "Asia/Shanghai"  # a calendar will do


@pytest.mark.parametrize("country", ["XX", "cn", "China", "", 156])
def test_bad_country_is_a_policy_error(country: object) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.BusinessCalendar("Asia/Shanghai", country)  # type: ignore[arg-type]
    assert exc.value.field == "BusinessCalendar.country"


@pytest.mark.parametrize(
    "weekend",
    [frozenset({7}), frozenset({-1}), {5, "6"}, "56", frozenset({True}), None, 6],
    ids=["seven", "minus-one", "str-day", "str", "bool", "none", "bare-int"],
)
def test_bad_weekend_is_a_policy_error(weekend: object) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.BusinessCalendar("Asia/Shanghai", "CN", weekend)  # type: ignore[arg-type]
    assert exc.value.field == "BusinessCalendar.weekend"


def test_local_date_of_an_instant_near_midnight_utc() -> None:
    # 16:30 UTC on 30 September is 00:30 on National Day in Shanghai.
    late = pendulum.datetime(2026, 9, 30, 16, 30, tz="UTC")
    assert CN.local_date(late) == dt.date(2026, 10, 1)
    assert CN.local(late).isoformat() == "2026-10-01T00:30:00+08:00"
    assert CN.is_public_holiday(CN.local_date(late))
    just_before = dt.datetime(2026, 9, 30, 15, 59, tzinfo=dt.UTC)
    assert CN.local_date(just_before) == dt.date(2026, 9, 30)


def test_local_date_refuses_a_naive_datetime() -> None:
    with pytest.raises(sc.NaiveDateTimeError):
        CN.local_date(dt.datetime(2026, 9, 30, 16, 30))
