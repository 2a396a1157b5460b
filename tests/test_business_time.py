"""Business-time clocks: the 7×24 desk with its 24-hour first answer (EH-03, EH-04), the
Taobao shop's 08:30–24:00 day (TB-51, TB-52, AMB-29), the hospital desk's lunch break
(HD-22, AMB-10), a night desk past midnight, China's 2026 National Day break and its
in-lieu Saturday, daylight-saving changes, pauses, bad input, and the properties the
issue asks for: a deadline lies in business hours, pausing never makes it earlier, and
the time elapsed up to a deadline is the duration asked for."""

from __future__ import annotations

import datetime as _dt

import pendulum
import pytest
from hypothesis import assume, given, reject, settings
from hypothesis import strategies as st

from servicecodex._business_time import BusinessHours, ClockPausedError, OpeningWindow, Pause
from servicecodex._calendar import BusinessCalendar
from servicecodex._errors import NaiveDateTimeError, PolicyError, ValidationError
from servicecodex._reasons import Source

SH = "Asia/Shanghai"
CN = BusinessCalendar(SH, "CN")
EH = Source("003")
TB = Source("002 第二篇")
HD = Source("001 篇2")
H = _dt.timedelta(hours=1)
MIN = _dt.timedelta(minutes=1)


def at(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, tz: str = SH
) -> pendulum.DateTime:
    return pendulum.datetime(year, month, day, hour, minute, tz=tz)


# EH-03: service hours 7×24; EH-04: customer questions answered within 24 hours
EH_DESK = BusinessHours.always(SH, cite=EH("EH-03", "服务时间"))
# TB-51 day shift 08:30–18:00 and TB-52 night shift 15:30–24:00 (AMB-29): the shop is
# staffed 08:30–24:00 every day
TB_SHOP = BusinessHours.daily(SH, ["08:30-18:00", "15:30-24:00"], cite=TB("TB-51", "P1 二.1"))
TB_HOLIDAYS = BusinessHours.daily(SH, "08:30-24:00", calendar=CN)
TB_BREAKS = BusinessHours.daily(SH, "08:30-24:00", calendar=CN, holiday_breaks=True)
# HD-22 (AMB-10): 08:00–18:00 with lunch 12:00–14:00; rest days rotate, so the desk
# is staffed every day
HOSPITAL = BusinessHours.daily(SH, ["08:00-12:00", "14:00-18:00"], cite=HD("HD-22", "五"))
OFFICE = BusinessHours.weekdays(SH, ["09:00-12:00", "13:30-18:00"], calendar=CN)
NIGHT = BusinessHours.daily("Europe/Berlin", "22:00-06:00")


# -- windows ---------------------------------------------------------------------------


def test_windows_parse_and_render() -> None:
    assert OpeningWindow.parse("08:30-24:00") == OpeningWindow(_dt.time(8, 30), _dt.time(0))
    assert OpeningWindow.parse(" 9:00 ~ 12:00 ") == OpeningWindow(_dt.time(9), _dt.time(12))
    assert str(OpeningWindow.parse("08:30–24:00")) == "08:30–24:00"
    assert OpeningWindow.parse("00:00-24:00").length == _dt.timedelta(hours=24)
    night = OpeningWindow.parse("22:00-06:00")
    assert night.ends_next_day
    assert night.length == 8 * H
    assert not OpeningWindow.parse("09:00-12:00").ends_next_day


def test_a_days_overlapping_windows_join() -> None:
    # the two shifts of the Taobao shop give one window
    assert TB_SHOP.week == ((OpeningWindow.parse("08:30-24:00"),),) * 7
    assert TB_SHOP.windows_on(pendulum.date(2026, 3, 2)) == (OpeningWindow.parse("08:30-24:00"),)
    touching = BusinessHours.daily(SH, ["13:00-14:00", "12:00-13:00"])
    assert touching.week[0] == (OpeningWindow.parse("12:00-14:00"),)


@pytest.mark.parametrize(
    "text", ["9-12", "09:00-12:60", "24:00-06:00", "09:00 12:00", "25:00-26:00", ""]
)
def test_a_bad_window_is_refused(text: str) -> None:
    with pytest.raises(PolicyError, match="OpeningWindow"):
        OpeningWindow.parse(text)


def test_bad_hours_are_refused() -> None:
    with pytest.raises(PolicyError, match="never run"):
        BusinessHours(SH, {})
    with pytest.raises(PolicyError, match="never run"):
        BusinessHours(SH, {0: []})
    with pytest.raises(PolicyError, match="weekdays are 0"):
        BusinessHours(SH, {7: "09:00-12:00"})
    with pytest.raises(PolicyError, match="timezone"):
        BusinessHours.daily("Asia/Peking", "09:00-12:00")
    with pytest.raises(PolicyError, match="whole minutes"):
        OpeningWindow(_dt.time(9, 0, 30), _dt.time(12))
    with pytest.raises(PolicyError, match="more than 24 hours"):
        BusinessHours.daily(SH, ["00:00-00:00", "22:00-06:00"])
    with pytest.raises(PolicyError, match="holiday_breaks"):
        BusinessHours.daily(SH, "09:00-12:00", holiday_breaks=True)
    with pytest.raises(PolicyError, match="OpeningWindow"):
        BusinessHours.daily(SH, [9])  # type: ignore[list-item]


# -- EH: 7×24, first answer within 24 hours ------------------------------------------------


def test_eh_24_hours_on_a_7x24_desk() -> None:
    asked = at(2026, 10, 2, 23, 10)  # National Day: a 7×24 desk does not close
    assert EH_DESK.is_open(asked)
    assert EH_DESK.add(asked, 24 * H) == at(2026, 10, 3, 23, 10)
    assert EH_DESK.add(asked, 24 * H).isoformat() == "2026-10-03T23:10:00+08:00"
    assert EH_DESK.elapsed(asked, at(2026, 10, 4, 11, 10)) == 36 * H
    assert EH_DESK.next_open(asked) == asked
    assert [r.explain("en") for r in EH_DESK.describe()] == [
        "Open around the clock, every day (EH-03)"
    ]
    assert EH_DESK.describe()[0].explain("zh_Hans").endswith("（EH-03）")


def test_eh_a_deadline_a_year_out() -> None:
    asked = at(2026, 1, 5, 9)
    assert EH_DESK.add(asked, 365 * 24 * H) == at(2027, 1, 5, 9)
    assert OFFICE.elapsed(asked, OFFICE.add(asked, 1800 * H)) == 1800 * H


# -- TB: 08:30–24:00 every day -------------------------------------------------------------


def test_tb_shop_day() -> None:
    assert TB_SHOP.is_open(at(2026, 3, 2, 8, 30))
    assert TB_SHOP.is_open(at(2026, 3, 2, 23, 59))
    assert not TB_SHOP.is_open(at(2026, 3, 3, 0, 0))  # midnight closes
    assert TB_SHOP.within(at(2026, 3, 3, 0, 0))
    assert not TB_SHOP.within(at(2026, 3, 3, 0, 1))
    assert TB_SHOP.next_open(at(2026, 3, 3, 2)) == at(2026, 3, 3, 8, 30)
    # a message at 23:00 with a 24-hour reply target: 1 h tonight, 15.5 h tomorrow,
    # 7.5 h the day after
    asked = at(2026, 3, 2, 23)
    assert TB_SHOP.add(asked, 24 * H) == at(2026, 3, 4, 16)
    # exactly at the closing instant: the deadline ends the window
    assert TB_SHOP.add(asked, H) == at(2026, 3, 3, 0)
    # TB-79: no response to a severe review within 48 hours → phone: 14 h on the day,
    # 15.5 h on each of the next two, 3 h on the third
    assert TB_SHOP.add(at(2026, 3, 2, 10), 48 * H) == at(2026, 3, 5, 11, 30)
    assert [r.explain("en") for r in TB_SHOP.describe()] == ["Open every day: 08:30–24:00 (TB-51)"]


# -- HD: lunch 12:00–14:00 -------------------------------------------------------------


def test_hospital_lunch_break() -> None:
    assert HOSPITAL.is_open(at(2026, 3, 2, 11, 59))
    assert not HOSPITAL.is_open(at(2026, 3, 2, 12))
    assert HOSPITAL.within(at(2026, 3, 2, 12))
    assert not HOSPITAL.within(at(2026, 3, 2, 13))
    assert HOSPITAL.next_open(at(2026, 3, 2, 12, 30)) == at(2026, 3, 2, 14)
    assert HOSPITAL.add(at(2026, 3, 2, 11, 30), H) == at(2026, 3, 2, 14, 30)
    assert HOSPITAL.elapsed(at(2026, 3, 2, 7), at(2026, 3, 2, 20)) == 8 * H
    assert HOSPITAL.add(at(2026, 3, 2, 17), 2 * H) == at(2026, 3, 3, 9)
    assert [r.explain("en") for r in HOSPITAL.describe()] == [
        "Open every day: 08:00–12:00 and 14:00–18:00 (HD-22)"
    ]


def test_zero_duration_is_the_next_open_instant() -> None:
    assert HOSPITAL.add(at(2026, 3, 2, 12, 30), _dt.timedelta(0)) == at(2026, 3, 2, 14)
    assert HOSPITAL.add(at(2026, 3, 2, 9), _dt.timedelta(0)) == at(2026, 3, 2, 9)
    assert HOSPITAL.add(at(2026, 3, 2, 12), _dt.timedelta(0)) == at(2026, 3, 2, 14)


# -- a night desk, 22:00–06:00 ----------------------------------------------------------


def test_night_desk_runs_past_midnight() -> None:
    tz = "Europe/Berlin"
    assert NIGHT.is_open(at(2026, 3, 3, 3, tz=tz))
    assert not NIGHT.is_open(at(2026, 3, 3, 6, tz=tz))
    assert NIGHT.next_open(at(2026, 3, 3, 7, tz=tz)) == at(2026, 3, 3, 22, tz=tz)
    assert NIGHT.add(at(2026, 3, 3, 5, tz=tz), 2 * H) == at(2026, 3, 3, 23, tz=tz)
    # a window belongs to the day it opens: Monday's night closes on Tuesday morning
    monday = pendulum.date(2026, 3, 2)
    assert [t.isoformat() for t in NIGHT.week[0][0].on(monday, tz)] == [
        "2026-03-02T22:00:00+01:00",
        "2026-03-03T06:00:00+01:00",
    ]


def test_a_holiday_closes_the_night_that_opens_on_it() -> None:
    night = BusinessHours.daily(SH, "22:00-06:00", calendar=CN)
    # 30 September opens at 22:00 and runs into 1 October; 1 October's night is closed
    assert night.is_open(at(2026, 10, 1, 5))
    assert not night.is_open(at(2026, 10, 1, 23))
    assert night.next_open(at(2026, 10, 1, 6)) == at(2026, 10, 4, 22)  # Sunday: no holiday


# -- daylight saving --------------------------------------------------------------------


def test_dst_on_a_7x24_desk_counts_real_hours() -> None:
    berlin = BusinessHours.always("Europe/Berlin")
    # 29 March 2026 has 23 hours in Berlin, 25 October 25 hours
    assert berlin.add(at(2026, 3, 28, 12, tz="Europe/Berlin"), 24 * H) == at(
        2026, 3, 29, 13, tz="Europe/Berlin"
    )
    assert berlin.add(at(2026, 10, 24, 12, tz="Europe/Berlin"), 24 * H) == at(
        2026, 10, 25, 11, tz="Europe/Berlin"
    )
    day = pendulum.date(2026, 3, 29)
    start, end = berlin.week[6][0].on(day, "Europe/Berlin")
    assert end - start == 23 * H


def test_dst_keeps_wall_clock_windows() -> None:
    tz = "Europe/Berlin"
    assert NIGHT.elapsed(at(2026, 10, 24, 22, tz=tz), at(2026, 10, 25, 6, tz=tz)) == 9 * H
    assert NIGHT.elapsed(at(2026, 3, 28, 22, tz=tz), at(2026, 3, 29, 6, tz=tz)) == 7 * H
    ny = "America/New_York"
    office = BusinessHours.weekdays(ny, "09:00-17:00")
    # Friday 6 March 16:00 EST + 2 h: 1 h on Friday, 1 h on Monday after the change
    due = office.add(at(2026, 3, 6, 16, tz=ny), 2 * H)
    assert due == at(2026, 3, 9, 10, tz=ny)
    assert due.isoformat() == "2026-03-09T10:00:00-04:00"
    # Friday 8 h, Monday to Friday 5 × 8 h: wall-clock hours, whatever the offset
    assert office.elapsed(at(2026, 3, 6, tz=ny), at(2026, 3, 14, tz=ny)) == 48 * H


def test_an_instant_in_another_zone_is_the_same_instant() -> None:
    asked = pendulum.datetime(2026, 3, 2, 3, 30, tz="UTC")  # 11:30 in Shanghai
    assert HOSPITAL.add(asked, H) == at(2026, 3, 2, 14, 30)
    assert HOSPITAL.add(asked, H).timezone_name == SH


# -- China's 2026 National Day ------------------------------------------------------------


def test_national_day_closes_the_clock() -> None:
    eve = at(2026, 9, 30, 17)
    # the office: 1 h on 30 September; 1–7 October closed; 8 October from 09:00
    assert OFFICE.add(eve, 2 * H) == at(2026, 10, 8, 10)
    for d in range(1, 8):
        assert not OFFICE.is_open(at(2026, 10, d, 10))
    # a shop open every day: the listed holidays close, Sunday 4 October is not listed
    asked = at(2026, 9, 30, 23)
    assert not TB_HOLIDAYS.is_open(at(2026, 10, 3, 10))
    assert TB_HOLIDAYS.is_open(at(2026, 10, 4, 10))
    assert TB_HOLIDAYS.add(asked, 24 * H) == at(2026, 10, 8, 16)
    # ... unless the whole break closes: 1 h, then 15.5 h on 8 October, 7.5 h on the 9th
    assert not TB_BREAKS.is_open(at(2026, 10, 4, 10))
    assert TB_BREAKS.add(asked, 24 * H) == at(2026, 10, 9, 16)
    assert TB_BREAKS.elapsed(asked, at(2026, 10, 8, 8, 30)) == H
    # with holidays_open the calendar changes nothing
    open_shop = BusinessHours.daily(SH, "08:30-24:00", calendar=CN, holidays_open=True)
    assert open_shop.is_open(at(2026, 10, 1, 10))


def test_in_lieu_saturday_opens_with_workday_hours() -> None:
    # Saturday 10 October 2026 is worked in lieu (调休); the Saturday after is not
    assert OFFICE.windows_on(pendulum.date(2026, 10, 10)) == OFFICE.week[0]
    assert OFFICE.windows_on(pendulum.date(2026, 10, 17)) == ()
    assert OFFICE.add(at(2026, 10, 9, 17), 2 * H) == at(2026, 10, 10, 10)
    # Sunday 20 September too
    assert OFFICE.is_open(at(2026, 9, 20, 9))
    # a weekend desk's in-lieu Saturday also keeps workday hours
    week = dict.fromkeys(range(5), "09:00-18:00") | {5: "10:00-16:00", 6: "10:00-16:00"}
    weekend = BusinessHours(SH, week, calendar=CN)
    assert weekend.is_open(at(2026, 10, 10, 9, 30))
    assert not weekend.is_open(at(2026, 10, 17, 9, 30))


def test_describe_with_a_calendar() -> None:
    hours = BusinessHours(
        SH,
        {0: "08:00-18:00", 1: "08:00-18:00", 2: "08:00-18:00", 4: "08:00-18:00", 5: "10:00-16:00"},
        calendar=CN,
        holiday_breaks=True,
        cite=HD("HD-22", "五"),
    )
    assert [r.explain("en") for r in hours.describe()] == [
        "Open Monday to Wednesday and Friday: 08:00–18:00 (HD-22)",
        "Open Saturday: 10:00–16:00 (HD-22)",
        "Closed on public holidays (HD-22)",
        "Closed for the whole holiday break, weekend days included (HD-22)",
        "Open on weekend days worked in lieu of a holiday: 08:00–18:00 (HD-22)",
    ]
    assert hours.describe()[0].explain("zh_Hans").startswith("星期一至星期三和星期五营业")
    assert OFFICE.describe() == []  # no citation, nothing to state


def test_a_calendar_closed_for_ever_is_refused() -> None:
    class Closed(BusinessCalendar):
        def is_public_holiday(self, value: _dt.date) -> bool:
            return True

    shut = BusinessHours.daily(SH, "09:00-12:00", calendar=Closed(SH, "CN"))
    assert not shut.is_open(at(2026, 3, 2, 10))
    assert shut.elapsed(at(2026, 1, 1), at(2029, 1, 1)) == _dt.timedelta(0)
    with pytest.raises(PolicyError, match="more than two years"):
        shut.add(at(2026, 3, 2, 10), H)
    with pytest.raises(PolicyError, match="more than two years"):
        shut.next_open(at(2026, 3, 2, 10))


# -- pauses -------------------------------------------------------------------------------


def test_pauses_stop_the_clock() -> None:
    opened = at(2026, 3, 2, 9)
    assert HOSPITAL.add(opened, 4 * H) == at(2026, 3, 2, 15)
    waiting: list[Pause] = [(at(2026, 3, 2, 10), at(2026, 3, 2, 11))]
    assert HOSPITAL.add(opened, 4 * H, waiting) == at(2026, 3, 2, 16)
    assert HOSPITAL.elapsed(opened, at(2026, 3, 2, 16), waiting) == 4 * H
    # overlapping pauses merge; a pause over lunch changes nothing over lunch
    overlapping: list[Pause] = [
        (at(2026, 3, 2, 10, 30), at(2026, 3, 2, 11)),
        (at(2026, 3, 2, 10), at(2026, 3, 2, 10, 45)),
        (at(2026, 3, 2, 12), at(2026, 3, 2, 14)),
    ]
    assert HOSPITAL.add(opened, 4 * H, overlapping) == at(2026, 3, 2, 16)
    # a pause covering the start: the clock starts when it ends
    assert HOSPITAL.add(opened, _dt.timedelta(0), [(at(2026, 3, 2, 8), opened.add(hours=1))]) == (
        at(2026, 3, 2, 10)
    )
    # a pause before the start changes nothing
    assert HOSPITAL.add(opened, H, [(at(2026, 3, 1, 9), at(2026, 3, 1, 20))]) == at(2026, 3, 2, 10)


def test_a_pause_still_running_holds_the_deadline() -> None:
    opened = at(2026, 3, 2, 9)
    waiting: list[Pause] = [(at(2026, 3, 2, 10), None)]
    with pytest.raises(ClockPausedError) as caught:
        HOSPITAL.add(opened, 4 * H, waiting)
    assert caught.value.since == at(2026, 3, 2, 10)
    assert caught.value.remaining == 3 * H
    # a deadline before the pause is still a deadline
    assert HOSPITAL.add(opened, 30 * MIN, waiting) == at(2026, 3, 2, 9, 30)
    assert HOSPITAL.elapsed(opened, at(2026, 3, 3, 18), waiting) == H


# -- bad input ------------------------------------------------------------------------------


def test_bad_input_is_refused() -> None:
    naive = _dt.datetime(2026, 3, 2, 9)
    with pytest.raises(NaiveDateTimeError, match="start"):
        HOSPITAL.add(naive, H)
    with pytest.raises(NaiveDateTimeError, match="moment"):
        HOSPITAL.is_open(naive)
    with pytest.raises(NaiveDateTimeError, match=r"pauses\[0\]\.end"):
        HOSPITAL.add(at(2026, 3, 2, 9), H, [(at(2026, 3, 2, 10), naive)])
    with pytest.raises(ValidationError, match="duration"):
        HOSPITAL.add(at(2026, 3, 2, 9), -H)
    with pytest.raises(ValidationError, match="duration"):
        HOSPITAL.add(at(2026, 3, 2, 9), 2)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="before start"):
        HOSPITAL.elapsed(at(2026, 3, 2, 9), at(2026, 3, 2, 8))
    with pytest.raises(ValidationError, match="before the pause's start"):
        HOSPITAL.add(at(2026, 3, 2, 9), H, [(at(2026, 3, 2, 10), at(2026, 3, 2, 9))])
    with pytest.raises(ValidationError, match="pair"):
        HOSPITAL.add(at(2026, 3, 2, 9), H, [(at(2026, 3, 2, 10),)])  # type: ignore[list-item]
    with pytest.raises(ValidationError, match="calendar date"):
        HOSPITAL.windows_on(at(2026, 3, 2, 9))
    with pytest.raises(ValidationError, match="100 years"):
        HOSPITAL.add(at(2026, 3, 2, 9), _dt.timedelta(days=100_000))


# -- properties ----------------------------------------------------------------------------

DESKS = [
    EH_DESK,
    TB_SHOP,
    TB_BREAKS,
    HOSPITAL,
    OFFICE,
    NIGHT,
    BusinessHours.weekdays("America/New_York", "09:00-17:00"),
    BusinessHours(
        "Europe/Berlin", {0: ["08:00-12:00", "22:00-02:00"], 2: "00:00-00:00", 5: "23:30-00:30"}
    ),
]
EPOCH = pendulum.datetime(2026, 1, 1, tz="UTC")
YEAR = 366 * 86400

desks = st.sampled_from(DESKS)
starts = st.integers(0, YEAR).map(lambda s: EPOCH.add(seconds=s))
durations = st.integers(0, 20 * 86400).map(lambda s: _dt.timedelta(seconds=s))


@st.composite
def pause_lists(draw: st.DrawFn, start: pendulum.DateTime) -> list[Pause]:
    pauses: list[Pause] = []
    for _ in range(draw(st.integers(0, 3))):
        begins = start.add(seconds=draw(st.integers(-2 * 86400, 15 * 86400)))
        length = draw(st.integers(0, 3 * 86400))
        still_paused = draw(st.integers(0, 4)) == 0  # one pause in five has no end yet
        pauses.append((begins, None if still_paused else begins.add(seconds=length)))
    return pauses


@settings(max_examples=80, deadline=None)
@given(desks, starts, durations, st.data())
def test_a_deadline_lies_in_business_hours_and_elapses_its_duration(
    hours: BusinessHours, start: pendulum.DateTime, duration: _dt.timedelta, data: st.DataObject
) -> None:
    pauses = data.draw(pause_lists(start))
    try:
        due = hours.add(start, duration, pauses)
    except ClockPausedError:
        reject()
    assert due >= start
    if duration:
        assert hours.within(due)
    else:
        assert due == hours.next_open(due)
    assert hours.elapsed(start, due, pauses) == duration


@settings(max_examples=80, deadline=None)
@given(desks, starts, durations, st.data())
def test_pausing_never_makes_a_deadline_earlier(
    hours: BusinessHours, start: pendulum.DateTime, duration: _dt.timedelta, data: st.DataObject
) -> None:
    fewer = data.draw(pause_lists(start))
    more = fewer + data.draw(pause_lists(start))
    try:
        due = hours.add(start, duration, fewer)
    except ClockPausedError:
        with pytest.raises(ClockPausedError):
            hours.add(start, duration, more)
        return
    try:
        later = hours.add(start, duration, more)
    except ClockPausedError:
        return  # no deadline yet: later than any
    assert later >= due
    assert hours.add(start, duration) <= due


@settings(max_examples=60, deadline=None)
@given(desks, starts, durations, durations)
def test_deadlines_add_up(
    hours: BusinessHours, start: pendulum.DateTime, first: _dt.timedelta, second: _dt.timedelta
) -> None:
    assume(second > _dt.timedelta(0))
    assert hours.add(hours.add(start, first), second) == hours.add(start, first + second)


@settings(max_examples=80, deadline=None)
@given(desks, starts)
def test_next_open_agrees_with_is_open(hours: BusinessHours, moment: pendulum.DateTime) -> None:
    following = hours.next_open(moment)
    assert following >= moment
    assert hours.is_open(following)
    assert (following == moment) == hours.is_open(moment)
    if following > moment:
        assert hours.elapsed(moment, following) == _dt.timedelta(0)


def test_the_calendar_keeps_the_hours_timezone() -> None:
    with pytest.raises(PolicyError, match="differs from the hours' Europe/Berlin"):
        BusinessHours.weekdays(
            "Europe/Berlin", "09:00-17:00", calendar=BusinessCalendar("Asia/Shanghai", "CN")
        )


# -- the business day and its close ------------------------------------------------------


def test_the_close_of_a_business_day() -> None:
    # TB-85: the shop's day closes at 24:00; a message at 02:00 is the next day's (TB-68)
    assert TB_SHOP.end_of_business_day(at(2026, 3, 3, 19, 40)) == at(2026, 3, 4)
    assert TB_SHOP.end_of_business_day(at(2026, 3, 4, 2)) == at(2026, 3, 5)
    assert TB_SHOP.business_day(at(2026, 3, 4)) == pendulum.date(2026, 3, 4)  # 24:00 closed
    # the hospital's lunch break is the same day; 18:00 is the next day's
    assert HOSPITAL.end_of_business_day(at(2026, 3, 2, 12, 30)) == at(2026, 3, 2, 18)
    assert HOSPITAL.end_of_business_day(at(2026, 3, 2, 18)) == at(2026, 3, 3, 18)
    # National Day: closed 1–7 October 2026, the eve's evening is due on the 8th
    assert OFFICE.close_of(pendulum.date(2026, 10, 1)) is None
    assert OFFICE.end_of_business_day(at(2026, 9, 30, 18, 1)) == at(2026, 10, 8, 18)
    # the in-lieu Saturday (10 October) is a business day
    assert OFFICE.end_of_business_day(at(2026, 10, 9, 19)) == at(2026, 10, 10, 18)
    # a 7×24 desk closes at midnight
    assert EH_DESK.end_of_business_day(at(2026, 3, 2, 23, 59)) == at(2026, 3, 3)
    assert EH_DESK.end_of_business_day(at(2026, 3, 3)) == at(2026, 3, 4)


def test_a_night_window_belongs_to_the_day_it_opens() -> None:
    berlin = "Europe/Berlin"
    assert NIGHT.business_day(at(2026, 3, 3, 3, tz=berlin)) == pendulum.date(2026, 3, 2)
    assert NIGHT.end_of_business_day(at(2026, 3, 3, 3, tz=berlin)) == at(2026, 3, 3, 6, tz=berlin)
    assert NIGHT.end_of_business_day(at(2026, 3, 3, 6, tz=berlin)) == at(2026, 3, 4, 6, tz=berlin)
    # the close of the night that spans the autumn change: 06:00 CET
    assert NIGHT.close_of(pendulum.date(2026, 10, 24)) == at(2026, 10, 25, 6, tz=berlin)
    # a holiday closes the night that opens on it (New Year's Day in Germany)
    german_nights = BusinessHours.daily(
        berlin, "22:00-06:00", calendar=BusinessCalendar(berlin, "DE")
    )
    assert german_nights.close_of(pendulum.date(2026, 1, 1)) is None
    assert german_nights.end_of_business_day(at(2026, 1, 1, 23, tz=berlin)) == at(
        2026, 1, 3, 6, tz=berlin
    )


def test_overlapping_days_count_for_the_later_day() -> None:
    desk = BusinessHours("Europe/Berlin", {0: "22:00-06:00", 1: "05:00-12:00"})
    berlin = "Europe/Berlin"
    assert desk.business_day(at(2026, 3, 3, 4, tz=berlin)) == pendulum.date(2026, 3, 2)
    assert desk.business_day(at(2026, 3, 3, 5, 30, tz=berlin)) == pendulum.date(2026, 3, 3)
    assert desk.end_of_business_day(at(2026, 3, 3, 5, 30, tz=berlin)) == at(
        2026, 3, 3, 12, tz=berlin
    )


def test_pauses_and_the_close_of_day() -> None:
    start = at(2026, 3, 2, 10)
    within_the_day = [(at(2026, 3, 2, 11), at(2026, 3, 2, 15))]
    assert HOSPITAL.end_of_business_day(start, within_the_day) == at(2026, 3, 2, 18)
    up_to_the_close = [(at(2026, 3, 2, 11), at(2026, 3, 2, 18))]
    assert HOSPITAL.end_of_business_day(start, up_to_the_close) == at(2026, 3, 3, 18)
    overnight = [(at(2026, 3, 2, 17), at(2026, 3, 4, 13))]  # ends at lunch on Wednesday
    assert HOSPITAL.end_of_business_day(start, overnight) == at(2026, 3, 4, 18)
    covering_the_start = [(at(2026, 3, 1, 9), at(2026, 3, 3, 9))]
    assert HOSPITAL.end_of_business_day(start, covering_the_start) == at(2026, 3, 3, 18)
    after_the_close = [(at(2026, 3, 2, 19), None)]
    assert HOSPITAL.end_of_business_day(start, after_the_close) == at(2026, 3, 2, 18)
    with pytest.raises(ClockPausedError) as caught:
        HOSPITAL.end_of_business_day(start, [(at(2026, 3, 2, 15), None)])
    assert caught.value.since == at(2026, 3, 2, 15)
    assert caught.value.remaining == 3 * H


def test_bad_input_for_the_business_day() -> None:
    with pytest.raises(NaiveDateTimeError, match="moment"):
        TB_SHOP.end_of_business_day(_dt.datetime(2026, 3, 2, 10))
    with pytest.raises(ValidationError, match="calendar date"):
        TB_SHOP.close_of(at(2026, 3, 2))


@settings(max_examples=80, deadline=None)
@given(desks, starts, st.data())
def test_the_close_of_day_ends_an_opening_window_after_the_moment(
    hours: BusinessHours, moment: pendulum.DateTime, data: st.DataObject
) -> None:
    close = hours.end_of_business_day(moment)
    assert close > moment
    assert hours.within(close)  # the end of an opening window …
    assert close == hours.close_of(hours.business_day(moment))  # … the day's last
    assert hours.next_open(moment) < close  # and the desk opens before it
    pauses = data.draw(pause_lists(moment))
    try:
        paused = hours.end_of_business_day(moment, pauses)
    except ClockPausedError:
        return
    assert paused >= close  # pausing never brings it forward
    assert hours.within(paused)
