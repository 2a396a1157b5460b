"""Shift patterns and rotas: overnight shifts placed in time (DST-safe, on the day they
start, in any time zone), bad input, and the rota checks (rest days HD-26 / TB-53, cover
gaps with their times, meal cover TB-47, the Monday meeting TB-54), in order and
independent of the order the assignments are listed."""

from __future__ import annotations

import datetime as _dt
import re

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._i18n import gettext
from servicecodex.testing import make_organization

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
HD = sc.Source("001 篇2")
TB = sc.Source("002")
MONDAY = pendulum.date(2026, 3, 2)  # a Monday, no public holiday in China
TUESDAY = MONDAY.add(days=1)  # no meeting (TB-54 is on Mondays)


def t(hour: int, minute: int = 0) -> _dt.time:
    return _dt.time(hour, minute)


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


# Hospital desk (HD-22…HD-26, AMB-10's reading of the shift table)
SHIFT_A = sc.ShiftPattern(
    "a",
    text("Shift A", "A班"),
    t(8),
    t(18),
    HD("HD-22", "五"),
    breaks=[sc.Break(t(12), t(14), text("lunch", "午饭"))],
)
SHIFT_B = sc.ShiftPattern(
    "b",
    text("Shift B", "B班"),
    t(8),
    t(16),
    HD("HD-23", "五"),
    breaks=[sc.Break(t(11, 30), t(12), text("lunch", "午饭"))],
)
SHIFT_C = sc.ShiftPattern(
    "c",
    text("Shift C", "C班"),
    t(12),
    t(20),
    HD("HD-24", "五"),
    breaks=[sc.Break(t(17, 30), t(18), text("dinner", "晚饭"))],
)
HD_POLICY = sc.ShiftPolicy(
    [SHIFT_A, SHIFT_B, SHIFT_C], rest=[sc.RestDays(1, "week", HD("HD-26", "六.1"))]
)

# Taobao shop (TB-47, TB-51…TB-56, AMB-29: the night shift ends at midnight)
DAY = sc.ShiftPattern(
    "day",
    text("Day shift", "白班"),
    t(8, 30),
    t(18),
    TB("TB-51", "P1 二.1"),
    breaks=[sc.Break(t(12), t(12, 30), text("lunch", "午饭"))],
)
NIGHT = sc.ShiftPattern(
    "night",
    text("Night shift", "晚班"),
    t(15, 30),
    t(0),
    TB("TB-52", "P1 二.1"),
    breaks=[sc.Break(t(18), t(18, 30), text("dinner", "晚饭"))],
)
COVER = sc.MinimumCover(1, t(8, 30), t(0), TB("TB-62", "P1 二.4"), code="tb-43")
MEALS = sc.MealRule(TB("TB-47", "P2 6)"), max_minutes=35, code="tb-47")
MEETING = sc.WeeklyEvent(
    "weekly-meeting", text("the weekly meeting", "周例会"), 0, t(14), t(15), TB("TB-54", "P1 二.3")
)
TB_POLICY = sc.ShiftPolicy(
    [DAY, NIGHT],
    rest=[sc.RestDays(2, "month", TB("TB-53", "P1 二.2"))],
    cover=[COVER],
    meals=MEALS,
    events=[MEETING],
)


def shanghai(day: _dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=TZ)


def tb_rota(*assignments: sc.Assignment, staff: tuple[str, ...] = ()) -> sc.Rota:
    return sc.Rota(TB_POLICY, CAL, assignments, staff)


def one_day(day: _dt.date = MONDAY) -> sc.DateRange:
    return sc.DateRange(day, day)


def assert_explained(reason: sc.Reason) -> None:
    """The reason renders in every locale, translated, ending with its rule id."""
    assert re.fullmatch(r"[A-Z]{2,4}-\d{2,3}", reason.rule_id)
    assert isinstance(reason.message, str)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        rendered = reason.explain(locale)
        assert reason.rule_id in rendered
        if locale != "en":
            assert gettext(reason.message, locale) != reason.message, reason.message
    assert reason.explain("en").endswith(f"({reason.rule_id})")


# Patterns ----------------------------------------------------------------------------


def test_a_shift_ending_before_it_starts_must_be_marked_overnight() -> None:
    with pytest.raises(sc.PolicyError, match=r"overnight=True") as caught:
        sc.ShiftPattern("late", text("Late", "晚班"), t(22), t(6), TB("TB-52", "P1 二.1"))
    assert isinstance(caught.value, sc.ServiceCodexError)
    assert caught.value.field == "ShiftPattern[late].end"
    night = sc.ShiftPattern(
        "late", text("Late", "晚班"), t(22), t(6), TB("TB-52", "P1 二.1"), overnight=True
    )
    assert night.crosses_midnight
    assert night.length == _dt.timedelta(hours=8)


def test_an_end_of_midnight_is_the_end_of_the_start_day() -> None:
    # TB-52 "15:30-12:00" read as 15:30-24:00 (AMB-29): no overnight flag needed
    assert NIGHT.crosses_midnight
    assert not NIGHT.overnight
    assert NIGHT.length == _dt.timedelta(hours=8, minutes=30)
    start, end = NIGHT.on(MONDAY, TZ)
    assert start == shanghai(MONDAY, 15, 30)
    assert end == shanghai(MONDAY.add(days=1), 0)


@pytest.mark.parametrize(
    ("start", "end", "overnight", "problem"),
    [
        (t(8), t(18), True, "marked overnight but ends after it starts"),
        (t(8), t(8), False, "cannot end when it starts"),
    ],
)
def test_inconsistent_patterns_are_refused(
    start: _dt.time, end: _dt.time, overnight: bool, problem: str
) -> None:
    with pytest.raises(sc.PolicyError, match=problem):
        sc.ShiftPattern(
            "x", text("X", "X班"), start, end, TB("TB-51", "P1 二.1"), overnight=overnight
        )


def test_pattern_times_are_wall_clock_times() -> None:
    aware = _dt.time(8, tzinfo=_dt.UTC)
    with pytest.raises(sc.PolicyError, match="no tzinfo"):
        sc.ShiftPattern("x", text("X", "X班"), aware, t(18), TB("TB-51", "P1 二.1"))
    with pytest.raises(sc.PolicyError, match="whole minutes"):
        sc.ShiftPattern("x", text("X", "X班"), _dt.time(8, 0, 30), t(18), TB("TB-51", "P1 二.1"))


def test_a_break_must_lie_inside_its_shift() -> None:
    with pytest.raises(sc.PolicyError, match="inside the shift"):
        sc.ShiftPattern(
            "c",
            text("Shift C", "C班"),
            t(12),
            t(20),
            HD("HD-24", "五"),
            # the table's row C lists "11:30 eat, 12:00 start" (AMB-10): outside the shift
            breaks=[sc.Break(t(11, 30), t(12), text("lunch", "午饭"))],
        )


def test_amb_10_shift_table() -> None:
    assert [(p.id, p.length) for p in HD_POLICY.patterns] == [
        ("a", _dt.timedelta(hours=10)),
        ("b", _dt.timedelta(hours=8)),
        ("c", _dt.timedelta(hours=8)),
    ]
    assert SHIFT_A.breaks_on(MONDAY, TZ) == ((shanghai(MONDAY, 12), shanghai(MONDAY, 14)),)
    assert SHIFT_C.breaks_on(MONDAY, TZ) == ((shanghai(MONDAY, 17, 30), shanghai(MONDAY, 18)),)
    assert SHIFT_A.describe().explain("en") == "Shift A: 08:00 to 18:00, breaks 12:00–14:00 (HD-22)"
    assert SHIFT_A.describe().explain("zh_Hans").endswith("（HD-22）")
    assert_explained(SHIFT_A.describe())


def test_a_night_shift_is_placed_across_midnight() -> None:
    late = sc.ShiftPattern(
        "late",
        text("Late", "夜班"),
        t(22),
        t(6),
        TB("TB-52", "P1 二.1"),
        breaks=[sc.Break(t(2), t(2, 30), text("meal", "夜宵"))],
        overnight=True,
    )
    start, end = late.on(MONDAY, TZ)
    assert (start, end) == (shanghai(MONDAY, 22), shanghai(MONDAY.add(days=1), 6))
    assert late.breaks_on(MONDAY, TZ) == (
        (shanghai(MONDAY.add(days=1), 2), shanghai(MONDAY.add(days=1), 2, 30)),
    )
    # the dinner of the TB night shift stays on the start day
    assert NIGHT.breaks_on(MONDAY, TZ) == ((shanghai(MONDAY, 18), shanghai(MONDAY, 18, 30)),)


BERLIN = "Europe/Berlin"
LATE_BERLIN = sc.ShiftPattern(
    "late", text("Late", "夜班"), t(22), t(6), TB("TB-52", "P1 二.1"), overnight=True
)


@pytest.mark.parametrize(
    ("day", "hours", "offsets"),
    [
        (pendulum.date(2026, 3, 28), 7, ("+01:00", "+02:00")),  # clocks go forward
        (pendulum.date(2026, 10, 24), 9, ("+02:00", "+01:00")),  # clocks go back
        (pendulum.date(2026, 3, 29), 8, ("+02:00", "+02:00")),
        (pendulum.date(2026, 10, 25), 8, ("+01:00", "+01:00")),
    ],
)
def test_patterns_keep_wall_clock_times_across_daylight_saving(
    day: pendulum.Date, hours: int, offsets: tuple[str, str]
) -> None:
    start, end = LATE_BERLIN.on(day, BERLIN)
    assert (start.date(), start.hour, start.minute) == (day, 22, 0)
    assert (end.date(), end.hour, end.minute) == (day.add(days=1), 6, 0)
    assert (start.isoformat()[-6:], end.isoformat()[-6:]) == offsets
    assert end - start == _dt.timedelta(hours=hours)
    assert LATE_BERLIN.length == _dt.timedelta(hours=8)


def test_a_day_shift_on_the_day_of_a_daylight_saving_change_keeps_its_times() -> None:
    early = sc.ShiftPattern("early", text("Early", "早班"), t(0), t(8), TB("TB-51", "P1 二.1"))
    spring = early.on(pendulum.date(2026, 3, 29), BERLIN)
    autumn = early.on(pendulum.date(2026, 10, 25), BERLIN)
    assert [(x.hour, x.minute) for x in (*spring, *autumn)] == [(0, 0), (8, 0)] * 2
    assert spring[1] - spring[0] == _dt.timedelta(hours=7)
    assert autumn[1] - autumn[0] == _dt.timedelta(hours=9)


# Rota: bad input ---------------------------------------------------------------------


def test_overlapping_shifts_for_one_person_are_refused() -> None:
    with pytest.raises(sc.ValidationError, match="overlapping shifts for one person") as caught:
        tb_rota(sc.Assignment("li", MONDAY, "day"), sc.Assignment("li", MONDAY, "night"))
    assert caught.value.value == "li"
    with pytest.raises(sc.ValidationError, match="overlapping"):
        sc.Rota(
            HD_POLICY, CAL, [sc.Assignment("li", MONDAY, "a"), sc.Assignment("li", MONDAY, "c")]
        )
    with pytest.raises(sc.ValidationError, match="overlapping"):
        tb_rota(sc.Assignment("li", MONDAY, "day"), sc.Assignment("li", MONDAY, "day"))
    # the night shift ends at midnight: the next day's day shift does not overlap it
    rota = tb_rota(
        sc.Assignment("li", MONDAY, "night"), sc.Assignment("li", MONDAY.add(days=1), "day")
    )
    assert [s.pattern.id for s in rota.agent("li")] == ["night", "day"]


def test_an_unknown_pattern_is_named() -> None:
    with pytest.raises(sc.ValidationError, match=r"unknown; known: day, night") as caught:
        tb_rota(sc.Assignment("li", MONDAY, "day"), sc.Assignment("wang", MONDAY, "evening"))
    assert caught.value.field == "assignments[1].pattern"
    assert "'evening'" in str(caught.value)


def test_times_are_refused_where_days_or_aware_instants_are_wanted() -> None:
    with pytest.raises(sc.ValidationError, match="calendar date"):
        sc.Assignment("li", _dt.datetime(2026, 3, 2, 8, 30), "day")
    rota = tb_rota(sc.Assignment("li", MONDAY, "day"))
    with pytest.raises(sc.NaiveDateTimeError):
        rota.on_duty(_dt.datetime(2026, 3, 2, 9), shanghai(MONDAY, 10))  # type: ignore[arg-type]
    with pytest.raises(sc.NaiveDateTimeError):
        rota.on_duty(shanghai(MONDAY, 9), _dt.datetime(2026, 3, 2, 10))  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="not after start"):
        rota.on_duty(shanghai(MONDAY, 10), shanghai(MONDAY, 9))
    with pytest.raises(sc.ValidationError, match="Period"):
        rota.check(MONDAY)  # type: ignore[arg-type]


def test_meals_of_an_assignment_are_wall_clock_pairs_inside_the_shift() -> None:
    with pytest.raises(sc.ValidationError, match="inside the shift"):
        tb_rota(sc.Assignment("li", MONDAY, "day", meals=[(t(18), t(18, 30))]))
    with pytest.raises(sc.ValidationError, match=r"\(start, end\) pair"):
        sc.Assignment("li", MONDAY, "day", meals=[(t(12),)])
    with pytest.raises(sc.ValidationError, match="wall-clock times"):
        sc.Assignment("li", MONDAY, "day", meals=[(_dt.time(12, tzinfo=_dt.UTC), t(12, 30))])
    with pytest.raises(sc.ValidationError, match=r"\(start, end\) pairs"):
        sc.Assignment("li", MONDAY, "day", meals="12:00")


def test_unknown_agents_and_foreign_assignments() -> None:
    with pytest.raises(sc.ValidationError, match="not one string"):
        tb_rota(sc.Assignment("li", MONDAY, "day"), staff="zhao")  # type: ignore[arg-type]
    rota = tb_rota(sc.Assignment("li", MONDAY, "day"), staff=("zhao",))
    assert rota.staff == {"li", "zhao"}
    assert rota.agent("zhao") == ()
    assert rota.shift_of("zhao", MONDAY) is None
    with pytest.raises(sc.ValidationError, match="unknown agent; staff: li, zhao"):
        rota.agent("chen")
    with pytest.raises(sc.ValidationError, match="not an assignment of this rota"):
        rota.replace(remove=[sc.Assignment("zhao", MONDAY, "day")])


def test_replace_gives_a_new_rota() -> None:
    li = sc.Assignment("li", MONDAY, "day")
    rota = tb_rota(li, staff=("zhao",))
    zhao = sc.Assignment("zhao", MONDAY, "day")
    new = rota.replace(remove=[li], add=[zhao])
    assert [s.agent_id for s in new.on(MONDAY)] == ["zhao"]
    assert [s.agent_id for s in rota.on(MONDAY)] == ["li"]
    assert new.staff == rota.staff
    assert repr(new) == "<Rota 1 shifts, 2 staff>"


# Rota checks -------------------------------------------------------------------------


def test_one_rest_day_a_week_hd_26() -> None:
    week = [MONDAY.add(days=i) for i in range(7)]
    every_day = sc.Rota(HD_POLICY, CAL, [sc.Assignment("li", d, "a") for d in week], ["zhao"])
    check = every_day.check(sc.DateRange(week[0], week[-1]))
    assert [(b.rule_id, b.agent_id, b.day) for b in check.breaches] == [("HD-26", "li", MONDAY)]
    reason = check.breaches[0].reason
    assert reason.facts["rest"] == 0
    assert check.explain("en") == [
        "Li: rest days from Mar 2, 2026 to Mar 8, 2026: 0; at least 1 in a week (HD-26)"
    ]
    assert_explained(reason)
    six = sc.Rota(HD_POLICY, CAL, [sc.Assignment("li", d, "a") for d in week[:6]])
    assert six.check(sc.DateRange(week[0], week[-1])).ok


def test_rest_days_are_counted_in_whole_weeks_of_the_period() -> None:
    # March 2026 holds four whole weeks (2–8, 9–15, 16–22, 23–29)
    month = sc.Month(2026, 3)
    days = list(month.days())
    rota = sc.Rota(HD_POLICY, CAL, [sc.Assignment("li", d, "b") for d in days])
    breaches = rota.check(month).breaches
    assert [b.day for b in breaches] == [MONDAY.add(weeks=i) for i in range(4)]
    assert {b.rule_id for b in breaches} == {"HD-26"}


def test_two_rest_days_a_month_tb_53() -> None:
    month = sc.Month(2026, 3)
    days = list(month.days())
    policy = sc.ShiftPolicy([DAY, NIGHT], rest=[sc.RestDays(2, "month", TB("TB-53", "P1 二.2"))])
    # 30 days worked out of 31: one rest day
    rota = sc.Rota(policy, CAL, [sc.Assignment("li", d, "day") for d in days[:30]])
    check = rota.check(month)
    assert [(b.rule_id, b.agent_id, b.day, b.reason.facts["rest"]) for b in check.breaches] == [
        ("TB-53", "li", pendulum.date(2026, 3, 1), 1)
    ]
    assert "at least 2 in a month" in check.explain("en")[0]
    assert_explained(check.breaches[0].reason)
    rested = sc.Rota(policy, CAL, [sc.Assignment("li", d, "day") for d in days[:29]])
    assert rested.check(month).ok
    # a period shorter than a month checks no month
    assert rota.check(sc.DateRange(days[0], days[20])).ok


def test_cover_gaps_are_reported_with_their_times() -> None:
    # li works the day shift without a meal; nobody works the night: 18:00–24:00 is empty
    rota = tb_rota(sc.Assignment("li", MONDAY, "day", meals=()))
    check = rota.check(one_day())
    assert [(b.rule_id, b.day, b.code, b.agent_id) for b in check.breaches] == [
        ("TB-62", MONDAY, "tb-43", None)
    ]
    facts = check.breaches[0].reason.facts
    assert (facts["start"], facts["end"], facts["count"], facts["needed"]) == (t(18), t(0), 0, 1)
    assert check.explain("en") == [
        "Mar 2, 2026 18:00–00:00: 0 on duty; at least 1 required (TB-62)"
    ]
    assert_explained(check.breaches[0].reason)
    assert rota.on_duty(shanghai(MONDAY, 8), shanghai(MONDAY, 20)) == [
        (shanghai(MONDAY, 8), shanghai(MONDAY, 8, 30), 0),
        (shanghai(MONDAY, 8, 30), shanghai(MONDAY, 18), 1),
        (shanghai(MONDAY, 18), shanghai(MONDAY, 20), 0),
    ]


def test_several_gaps_in_a_day_each_with_its_times() -> None:
    cover = sc.MinimumCover(2, t(9), t(17), TB("TB-62", "P1 二.4"))
    policy = sc.ShiftPolicy([DAY, NIGHT], cover=[cover])
    rota = sc.Rota(
        policy,
        CAL,
        [
            sc.Assignment("li", MONDAY, "day", meals=[(t(12), t(12, 30))]),
            sc.Assignment("wang", MONDAY, "night", meals=[(t(18), t(18, 30))]),
        ],
    )
    check = rota.check(one_day())
    # no meal rule: the lunch gap is a plain cover gap; each stretch has its own count
    assert [
        (b.reason.facts["start"], b.reason.facts["end"], b.reason.facts["count"], b.code)
        for b in check.breaches
    ] == [
        (t(9), t(12), 1, None),
        (t(12), t(12, 30), 0, None),
        (t(12, 30), t(15, 30), 1, None),
    ]
    assert check.explain("en")[1] == (
        "Mar 2, 2026 12:00–12:30: 0 on duty; at least 2 required (TB-62)"
    )


def test_everyone_at_lunch_at_once_breaks_the_meal_rule_tb_47() -> None:
    rota = tb_rota(
        sc.Assignment("li", TUESDAY, "day"),
        sc.Assignment("zhao", TUESDAY, "day"),
        sc.Assignment("wang", TUESDAY, "night", meals=[(t(17), t(17, 30))]),
    )
    check = rota.check(one_day(TUESDAY))
    assert [(b.rule_id, b.code) for b in check.breaches] == [("TB-47", "tb-47")]
    breach = check.breaches[0]
    assert (breach.reason.facts["start"], breach.reason.facts["end"]) == (t(12), t(12, 30))
    assert breach.day == TUESDAY
    assert check.explain("en") == [
        "Mar 3, 2026 12:00–12:30: 0 on duty while others eat; at least 1 must answer (TB-47)"
    ]
    assert_explained(breach.reason)


def test_staggered_meals_keep_the_desk_answered() -> None:
    rota = tb_rota(
        sc.Assignment("li", TUESDAY, "day", meals=[(t(12), t(12, 30))]),
        sc.Assignment("zhao", TUESDAY, "day", meals=[(t(12, 30), t(13, 5))]),
        sc.Assignment("wang", TUESDAY, "night", meals=[(t(17), t(17, 30))]),
    )
    assert rota.check(one_day(TUESDAY)).ok


def test_a_lone_agent_eating_leaves_the_desk_empty() -> None:
    # the night shift's dinner 18:00–18:30 once the day shift has gone
    rota = tb_rota(
        sc.Assignment("li", TUESDAY, "day", meals=[(t(13), t(13, 30))]),
        sc.Assignment("zhao", TUESDAY, "day", meals=[(t(12), t(12, 30))]),
        sc.Assignment("wang", TUESDAY, "night"),
    )
    check = rota.check(one_day(TUESDAY))
    assert [
        (b.rule_id, b.reason.facts["start"], b.reason.facts["end"]) for b in check.breaches
    ] == [("TB-47", t(18), t(18, 30))]


def test_meals_are_checked_without_a_cover_rule() -> None:
    meals_only = sc.ShiftPolicy([DAY, NIGHT], meals=MEALS)
    together = sc.Rota(
        meals_only,
        CAL,
        [sc.Assignment("li", TUESDAY, "day"), sc.Assignment("zhao", TUESDAY, "day")],
    )
    check = together.check(one_day(TUESDAY))
    assert [
        (b.rule_id, b.code, b.reason.facts["start"], b.reason.facts["end"]) for b in check.breaches
    ] == [("TB-47", "tb-47", t(12), t(12, 30))]
    assert check.breaches[0].reason.facts["needed"] == 1
    assert_explained(check.breaches[0].reason)
    staggered = sc.Rota(
        meals_only,
        CAL,
        [
            sc.Assignment("li", TUESDAY, "day"),
            sc.Assignment("zhao", TUESDAY, "day", meals=[(t(12, 30), t(13))]),
        ],
    )
    assert staggered.check(one_day(TUESDAY)).ok


def test_meals_outside_the_cover_window_are_checked_once() -> None:
    daytime = sc.MinimumCover(1, t(8, 30), t(18), TB("TB-62", "P1 二.4"))
    policy = sc.ShiftPolicy([DAY, NIGHT], cover=[daytime], meals=MEALS)
    rota = sc.Rota(
        policy,
        CAL,
        [
            sc.Assignment("li", TUESDAY, "day"),
            sc.Assignment("zhao", TUESDAY, "day"),
            sc.Assignment("wang", TUESDAY, "night"),
            sc.Assignment("chen", TUESDAY, "night", meals=[(t(17, 50), t(18, 20))]),
        ],
    )
    check = rota.check(one_day(TUESDAY))
    # lunch inside the window (the cover check), dinner after it (the meal check)
    assert [
        (b.rule_id, b.reason.facts["start"], b.reason.facts["end"]) for b in check.breaches
    ] == [
        ("TB-47", t(12), t(12, 30)),
        ("TB-47", t(18), t(18, 20)),
    ]


def test_the_monday_meeting_tb_54() -> None:
    # wang's night shift starts at 15:30: not on duty for the 14:00–15:00 meeting
    rota = tb_rota(
        sc.Assignment("li", MONDAY, "day"),
        sc.Assignment("wang", MONDAY, "night", meals=[(t(17), t(17, 30))]),
    )
    check = rota.check(one_day())
    assert [(b.rule_id, b.agent_id, b.day) for b in check.breaches] == [
        ("TB-47", None, MONDAY),
        ("TB-54", "wang", MONDAY),
    ]
    assert check.explain("en")[1] == (
        "Wang works on Mar 2, 2026 but is not on duty for the weekly meeting (14:00–15:00) (TB-54)"
    )
    for breach in check.breaches:
        assert_explained(breach.reason)
    # Tuesday has no meeting
    tuesday = MONDAY.add(days=1)
    rota = tb_rota(
        sc.Assignment("li", tuesday, "day", meals=[(t(13), t(13, 30))]),
        sc.Assignment("zhao", tuesday, "day", meals=[(t(12), t(12, 30))]),
        sc.Assignment("wang", tuesday, "night", meals=[(t(17), t(17, 30))]),
    )
    assert rota.check(one_day(tuesday)).ok


def test_a_meeting_during_a_break_is_missed() -> None:
    meeting = sc.WeeklyEvent(
        "meeting", text("the meeting", "例会"), 0, t(12), t(13), TB("TB-54", "P1 二.3")
    )
    policy = sc.ShiftPolicy([SHIFT_A, SHIFT_B], events=[meeting])
    rota = sc.Rota(
        policy, CAL, [sc.Assignment("li", MONDAY, "a"), sc.Assignment("zhao", MONDAY, "b")]
    )
    # A's lunch is 12:00–14:00; B's lunch 11:30–12:00 is over by then
    assert [b.agent_id for b in rota.check(one_day()).breaches] == ["li"]


def test_breaches_are_sorted_by_day_then_rule_then_agent() -> None:
    policy = sc.ShiftPolicy(
        [DAY, NIGHT],
        rest=[sc.RestDays(1, "week", HD("HD-26", "六.1"))],
        cover=[COVER],
        meals=MEALS,
        events=[MEETING],
    )
    week = [MONDAY.add(days=i) for i in range(7)]
    assignments = [sc.Assignment(a, d, "night") for d in week for a in ("wang", "chen")]
    assignments += [sc.Assignment("li", d, "day", meals=()) for d in week[:3]]
    rota = sc.Rota(policy, CAL, assignments)
    check = rota.check(sc.DateRange(week[0], week[-1]))
    keys = [(b.day, b.rule_id, b.agent_id or "") for b in check.breaches]
    assert keys == sorted(keys)
    assert keys[:5] == [
        (MONDAY, "HD-26", "chen"),
        (MONDAY, "HD-26", "wang"),
        (MONDAY, "TB-47", ""),  # both night agents at dinner 18:00–18:30
        (MONDAY, "TB-54", "chen"),
        (MONDAY, "TB-54", "wang"),
    ]
    # from Thursday nobody is there before the night shift
    thursday = [b for b in check.breaches if b.day == week[3]]
    assert [(b.rule_id, b.reason.facts["start"], b.reason.facts["end"]) for b in thursday] == [
        ("TB-47", t(18), t(18, 30)),
        ("TB-62", t(8, 30), t(15, 30)),
    ]


ZONES = [
    "Asia/Shanghai",
    "Europe/Berlin",
    "America/New_York",
    "America/Santiago",  # DST changes at midnight
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "America/St_Johns",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
]
LATE = sc.ShiftPattern(
    "late", text("Late", "夜班"), t(22), t(6), TB("TB-52", "P1 二.1"), overnight=True
)
NIGHTS_POLICY = sc.ShiftPolicy([LATE, NIGHT], rest=[sc.RestDays(1, "week", HD("HD-26", "六.1"))])


@settings(max_examples=150, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    start=st.dates(min_value=_dt.date(2024, 1, 1), max_value=_dt.date(2030, 12, 31)),
    pattern=st.sampled_from(["late", "night"]),
    worked=st.sets(st.integers(0, 6)),
)
def test_a_night_shift_counts_on_the_day_it_starts_in_any_time_zone(
    zone: str, start: _dt.date, pattern: str, worked: set[int]
) -> None:
    monday = pendulum.Date(start.year, start.month, start.day)
    monday = monday.subtract(days=monday.weekday())
    days = [monday.add(days=i) for i in sorted(worked)]
    rota = sc.Rota(
        NIGHTS_POLICY,
        sc.BusinessCalendar(zone),
        [sc.Assignment("li", d, pattern) for d in days],
        ["li"],
    )
    for d, shift in zip(days, rota.agent("li"), strict=True):
        assert shift.day == d
        assert shift.start.date() == d
        assert shift.end.date() == d.add(days=1)
        assert shift.end > shift.start
        assert rota.on(d) == (shift,)
        assert rota.shift_of("li", d) is shift
    check = rota.check(sc.DateRange(monday, monday.add(days=6)))
    assert check.ok == (len(worked) < 7)
    if not check.ok:
        assert check.breaches[0].reason.facts["rest"] == 0


def _week_assignments() -> list[sc.Assignment]:
    week = [MONDAY.add(days=i) for i in range(7)]
    out = [sc.Assignment("li", d, "day", meals=[(t(12), t(12, 30))]) for d in week]
    out += [sc.Assignment("zhao", d, "day") for d in week[::2]]
    out += [sc.Assignment("wang", d, "night") for d in week[1:]]
    out += [sc.Assignment("chen", d, "night", meals=[(t(17), t(17, 30))]) for d in week[::3]]
    return out


@settings(max_examples=60, deadline=None)
@given(order=st.permutations(_week_assignments()))
def test_a_rota_check_does_not_depend_on_the_order_of_the_assignments(
    order: list[sc.Assignment],
) -> None:
    period = sc.DateRange(MONDAY, MONDAY.add(days=6))
    expected = tb_rota(*_week_assignments()).check(period)
    got = tb_rota(*order).check(period)
    assert got.breaches == expected.breaches
    assert got.explain("zh_Hans") == expected.explain("zh_Hans")
    assert not expected.ok  # the fixture does break rules


class _Shop:
    @sc.hookimpl
    def servicecodex_organization_profile(self) -> sc.OrganizationProfile:
        return sc.OrganizationProfile("shop", text("Shop", "网店"), "zh_Hans", TZ, "CNY", "CN")


class _ShopShifts:
    @sc.hookimpl
    def servicecodex_shift_policy(self, profile: sc.OrganizationProfile) -> sc.ShiftPolicy:
        return TB_POLICY


def test_an_organisation_rota_uses_its_shift_policy_and_holiday_calendar() -> None:
    with pytest.raises(sc.PolicyNotDefinedError):
        make_organization(_Shop()).rota([])
    org = make_organization(_Shop(), _ShopShifts())
    rota = org.rota([sc.Assignment("li", MONDAY, "day")], staff=["zhao"])
    assert rota.policy is TB_POLICY
    assert rota.calendar.timezone == TZ
    assert rota.calendar.is_public_holiday(pendulum.date(2026, 10, 1))
    assert rota.staff == {"li", "zhao"}
