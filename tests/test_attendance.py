"""Attendance (TB-58): punches become present / late / left early / absent / missing
punch days, with the policy's grace; make-up punches within 3 days (TB-59), at most 5 a
month (TB-60), else the missing punch is a TB-42 violation; absence is TB-46; a meal over
35 minutes is recorded (TB-56, AMB-36); a full-attendance month is a fact pay uses; the
violations go into the ledger."""

from __future__ import annotations

import datetime as _dt

import pendulum
import pytest

import servicecodex as sc
from servicecodex._i18n import gettext

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
TB = sc.Source("002")
MARCH = sc.Month(2026, 3)


def t(hour: int, minute: int = 0) -> _dt.time:
    return _dt.time(hour, minute)


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


DAY = sc.ShiftPattern("day", text("Day shift", "白班"), t(8, 30), t(18), TB("TB-51", "P1 二.1"))
NIGHT = sc.ShiftPattern(
    "night", text("Night shift", "晚班"), t(15, 30), t(0), TB("TB-52", "P1 二.1")
)
SHIFTS = sc.ShiftPolicy([DAY, NIGHT])
POLICY = sc.AttendancePolicy(
    TB("TB-58", "P1 二.5"),
    grace=_dt.timedelta(minutes=5),
    makeup_cite=TB("TB-59", "P2 1)"),
    makeup_within=_dt.timedelta(days=3),
    makeups_per_month=5,
    makeup_limit_cite=TB("TB-60", "P2 1)"),
    meal_cap=_dt.timedelta(minutes=35),
    meal_cite=TB("TB-56", "P2 6)"),
    missing_punch_code="tb-42",
    absent_code="tb-46",
    meal_code="tb-56",
    full_attendance=TB("TB-14", "P1 二.5"),
)


def march(day: int) -> pendulum.Date:
    return pendulum.date(2026, 3, day)


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=TZ)


def rota(*assignments: sc.Assignment) -> sc.Rota:
    return sc.Rota(SHIFTS, CAL, assignments, ["li", "wang"])


def punch(agent: str, when: pendulum.DateTime, kind: str = "in") -> sc.Punch:
    return sc.Punch(agent, when, kind)


def worked(agent: str, day: int, start: tuple[int, int], end: tuple[int, int]) -> list[sc.Punch]:
    """In at *start*, out at *end* (an end before the start is the next day)."""
    clock_out = at(day, *end)
    if end < start:
        clock_out = clock_out.add(days=1)
    return [punch(agent, at(day, *start)), punch(agent, clock_out, "out")]


def one(report: sc.AttendanceReport) -> sc.AttendanceDay:
    assert len(report.days) == 1
    return report.days[0]


def assert_explained(reason: sc.Reason) -> None:
    assert isinstance(reason.message, str)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert reason.rule_id in reason.explain(locale)
        if locale != "en":
            assert gettext(reason.message, locale) != reason.message, reason.message


LI_MONDAY = rota(sc.Assignment("li", march(2), "day"))


# Days --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "statuses", "late", "early"),
    [
        ((8, 25), (18, 2), {"present"}, 0, 0),
        ((8, 35), (18, 0), {"present"}, 0, 0),  # 5 minutes' grace
        ((8, 36), (18, 0), {"late"}, 6, 0),
        ((8, 40), (17, 50), {"late", "left_early"}, 10, 10),
        ((8, 30), (17, 55), {"present"}, 0, 0),
        ((8, 30), (17, 54), {"left_early"}, 0, 6),
    ],
)
def test_punches_become_attendance_days(
    start: tuple[int, int],
    end: tuple[int, int],
    statuses: set[str],
    late: int,
    early: int,
) -> None:
    day = one(sc.attendance(LI_MONDAY, worked("li", 2, start, end), POLICY))
    assert {s.value for s in day.statuses} == statuses
    assert day.late_by == _dt.timedelta(minutes=late)
    assert day.early_by == _dt.timedelta(minutes=early)
    assert day.clock_in == at(2, *start)
    assert day.clock_out == at(2, *end)
    assert (day.agent_id, day.day) == ("li", march(2))
    assert day.codes == ()  # the policy fines neither lateness nor early leaving
    for reason in day.reasons:
        assert reason.rule_id == "TB-58"
        assert_explained(reason)


def test_lateness_in_words() -> None:
    day = one(sc.attendance(LI_MONDAY, worked("li", 2, (8, 40), (18, 0)), POLICY))
    assert [r.explain("en") for r in day.reasons] == [
        "Li clocked in 10 minutes late for Day shift on Mar 2, 2026 (TB-58)"
    ]
    assert day.reasons[0].explain("zh_Hans").startswith("li")


def test_lateness_and_early_leaving_carry_the_policy_codes() -> None:
    strict = sc.AttendancePolicy(TB("TB-58", "P1 二.5"), late_code="late", early_code="early")
    day = one(sc.attendance(LI_MONDAY, worked("li", 2, (8, 31), (17, 59)), strict))
    assert day.statuses == {sc.DayStatus.LATE, sc.DayStatus.LEFT_EARLY}
    assert day.codes == ("late", "early")
    report = sc.attendance(LI_MONDAY, worked("li", 2, (8, 31), (17, 59)), strict)
    # each violation is dated and evidenced by its own charge, not by the whole day
    late, early = report.violations()
    assert (late.at, early.at) == (at(2, 8, 31), at(2, 17, 59))
    assert late.evidence == "Li clocked in 1 minute late for Day shift on Mar 2, 2026 (TB-58)"
    assert "late" not in early.evidence


def test_no_punch_is_absence_tb_46() -> None:
    report = sc.attendance(LI_MONDAY, [], POLICY)
    day = one(report)
    assert day.statuses == {sc.DayStatus.ABSENT}
    assert day.codes == ("tb-46",)
    assert [r.explain("en") for r in day.reasons] == [
        "Li did not come to Day shift on Mar 2, 2026, without approved leave (TB-58)"
    ]
    assert_explained(day.reasons[0])
    assert [(v.code, v.agent_id, v.at) for v in report.violations()] == [
        ("tb-46", "li", at(2, 8, 30))
    ]


@pytest.mark.parametrize("kind", ["in", "out"])
def test_a_missing_punch_is_recorded_under_tb_42(kind: str) -> None:
    punches = [p for p in worked("li", 2, (8, 20), (18, 5)) if p.kind.value != kind]
    day = one(sc.attendance(LI_MONDAY, punches, POLICY))
    assert day.statuses == {sc.DayStatus.MISSING_PUNCH}
    assert day.codes == ("tb-42",)
    assert [r.rule_id for r in day.reasons] == ["TB-59"]
    missing = "clock in" if kind == "in" else "clock out"
    assert day.reasons[0].explain("en") == (
        f"Li has no {missing} punch for Day shift on Mar 2, 2026 and no accepted make-up (TB-59)"
    )
    assert_explained(day.reasons[0])


def test_a_night_shift_across_midnight_is_one_day() -> None:
    night = rota(sc.Assignment("wang", march(2), "night"), sc.Assignment("wang", march(3), "day"))
    punches = [
        *worked("wang", 2, (15, 28), (0, 1)),  # out at 00:01 on the 3rd
        *worked("wang", 3, (8, 29), (18, 0)),
    ]
    report = sc.attendance(night, punches, POLICY)
    assert [(d.day, d.shift.pattern.id, d.statuses) for d in report.days] == [
        (march(2), "night", frozenset({sc.DayStatus.PRESENT})),
        (march(3), "day", frozenset({sc.DayStatus.PRESENT})),
    ]
    assert report.days[0].clock_out == at(3, 0, 1)


def test_approved_leave_is_not_absence() -> None:
    report = sc.attendance(LI_MONDAY, [], POLICY, leave=[("li", march(2))])
    day = one(report)
    assert day.statuses == {sc.DayStatus.ON_LEAVE}
    assert day.codes == ()
    assert day.reasons == ()
    assert report.violations() == ()


def test_a_punch_for_an_unknown_agent_is_refused() -> None:
    with pytest.raises(sc.ValidationError, match="unknown agent; staff: li, wang") as caught:
        sc.attendance(LI_MONDAY, [punch("sun", at(2, 8, 30))], POLICY)
    assert caught.value.value == "sun"
    request = sc.MakeUpRequest("sun", "in", at(2, 8, 30), at(2, 12), "forgot")
    with pytest.raises(sc.ValidationError, match="unknown agent"):
        sc.attendance(LI_MONDAY, [], POLICY, makeups=[request])


def test_bad_punches() -> None:
    with pytest.raises(sc.NaiveDateTimeError):
        sc.Punch("li", _dt.datetime(2026, 3, 2, 8, 30))
    with pytest.raises(sc.ValidationError, match=r"Punch\.kind"):
        sc.Punch("li", at(2, 8, 30), "lunch")
    with pytest.raises(sc.ValidationError, match="expected a Punch"):
        sc.attendance(LI_MONDAY, ["08:30"], POLICY)  # type: ignore[list-item]
    with pytest.raises(sc.ValidationError, match="expected a Period"):
        sc.attendance(LI_MONDAY, [], POLICY, period=march(2))  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="expected a Rota"):
        sc.attendance(None, [], POLICY)  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="expected an AttendancePolicy"):
        sc.attendance(LI_MONDAY, [], None)  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="meal cap needs its citation"):
        sc.AttendancePolicy(TB("TB-58", "P1 二.5"), meal_cap=_dt.timedelta(minutes=35))
    with pytest.raises(sc.ValidationError, match="zero or more"):
        sc.AttendancePolicy(TB("TB-58", "P1 二.5"), grace=_dt.timedelta(minutes=-1))


def test_a_period_limits_the_days() -> None:
    two = rota(sc.Assignment("li", march(2), "day"), sc.Assignment("li", march(3), "day"))
    report = sc.attendance(two, [], POLICY, period=sc.DateRange(march(3), march(3)))
    assert [d.day for d in report.days] == [march(3)]


# Make-up punches ---------------------------------------------------------------------


def makeup(day: int, filed: pendulum.DateTime, kind: str = "out") -> sc.MakeUpRequest:
    missed = at(day, 18) if kind == "out" else at(day, 8, 30)
    return sc.MakeUpRequest("li", kind, missed, filed, "forgot to punch")


def test_a_make_up_within_three_days_is_a_punch_tb_59() -> None:
    punches = worked("li", 2, (8, 25), (18, 0))[:1]  # forgot to clock out
    request = makeup(2, at(5, 17, 59))  # 2 days 23:59 later
    report = sc.attendance(LI_MONDAY, punches, POLICY, makeups=[request])
    assert [d.accepted for d in report.makeups] == [True]
    assert report.makeups[0].punch() == sc.Punch("li", at(2, 18), "out")
    assert one(report).statuses == {sc.DayStatus.PRESENT}
    assert report.violations() == ()


def test_a_make_up_after_three_days_is_refused_and_the_punch_stays_missing() -> None:
    punches = worked("li", 2, (8, 25), (18, 0))[:1]
    # "3日内" counts calendar days: the 5th, whatever the hour, is day 3; the 6th is late
    assert (
        sc.attendance(LI_MONDAY, punches, POLICY, makeups=[makeup(2, at(5, 23, 59))])
        .makeups[0]
        .accepted
    )
    request = makeup(2, at(6, 9))
    report = sc.attendance(LI_MONDAY, punches, POLICY, makeups=[request])
    decision = report.makeups[0]
    assert not decision.accepted
    assert decision.refusal is not None
    assert decision.refusal.rule_id == "TB-59"
    assert decision.refusal.explain("en").startswith("Make-up for Mar 2, 2026")
    assert decision.refusal.explain("en").endswith("later than 72 hours (TB-59)")
    assert_explained(decision.refusal)
    with pytest.raises(sc.ValidationError, match="refused request makes no punch"):
        decision.punch()
    day = one(report)
    assert day.statuses == {sc.DayStatus.MISSING_PUNCH}
    assert [(v.code, v.agent_id) for v in report.violations()] == [("tb-42", "li")]


def test_at_most_five_make_ups_a_month_tb_60() -> None:
    weekdays = [d for d in range(2, 14) if march(d).weekday() < 5][:6]
    schedule = rota(*(sc.Assignment("li", march(d), "day") for d in weekdays))
    punches = [p for d in weekdays for p in worked("li", d, (8, 25), (18, 0))[:1]]
    requests = [makeup(d, at(d, 20)) for d in weekdays]
    report = sc.attendance(schedule, punches, POLICY, makeups=requests)
    assert [d.accepted for d in report.makeups] == [True] * 5 + [False]
    refusal = report.makeups[5].refusal
    assert refusal is not None
    assert refusal.rule_id == "TB-60"
    assert refusal.facts["count"] == 5
    assert refusal.facts["limit"] == 5
    assert refusal.explain("en").endswith("already 5 this month, at most 5 (TB-60)")
    assert_explained(refusal)
    sixth = report.days[5]
    assert sixth.statuses == {sc.DayStatus.MISSING_PUNCH}
    assert [v.code for v in report.violations()] == ["tb-42"]
    # a missing clock-out is dated when the shift ended
    assert report.violations()[0].at == at(weekdays[5], 18, 0)


def test_refused_make_ups_do_not_use_up_the_month_and_months_count_apart() -> None:
    late = makeup(2, at(9, 9))  # refused: too late
    march_ones = [makeup(d, at(d, 20)) for d in (3, 4, 5, 6, 9)]
    april = sc.MakeUpRequest("li", "in", at(1, 8, 30, month=4), at(1, 9, month=4), "forgot")
    decisions = sc.review_makeups(POLICY, [late, *march_ones, april])
    by_request = {d.request: d.accepted for d in decisions}
    assert by_request[late] is False
    assert all(by_request[r] for r in march_ones)
    assert by_request[april] is True
    # in filing order
    assert [d.request.filed_at for d in decisions] == sorted(d.request.filed_at for d in decisions)
    with pytest.raises(sc.ValidationError, match="expected MakeUpRequest items"):
        sc.review_makeups(POLICY, [late, "forgot"])  # type: ignore[list-item]
    with pytest.raises(sc.NaiveDateTimeError):
        sc.MakeUpRequest("li", "in", _dt.datetime(2026, 3, 2, 8), at(2, 9), "x")


# Meals -------------------------------------------------------------------------------


def test_a_meal_over_35_minutes_is_recorded_tb_56() -> None:
    punches = [
        *worked("li", 2, (8, 25), (18, 0)),
        punch("li", at(2, 12), "meal_out"),
        punch("li", at(2, 12, 40), "meal_in"),
    ]
    report = sc.attendance(LI_MONDAY, punches, POLICY)
    day = one(report)
    assert day.meals == (_dt.timedelta(minutes=40),)
    assert day.statuses == {sc.DayStatus.PRESENT}
    assert day.codes == ("tb-56",)
    assert [r.explain("en") for r in day.reasons] == [
        "Li's meal on Mar 2, 2026 lasted 40 minutes; at most 35 minutes (TB-56)"
    ]
    assert_explained(day.reasons[0])
    ok = [*punches[:2], punch("li", at(2, 12), "meal_out"), punch("li", at(2, 12, 35), "meal_in")]
    assert one(sc.attendance(LI_MONDAY, ok, POLICY)).reasons == ()


def test_two_long_meals_in_one_shift_are_two_violations() -> None:
    night = rota(sc.Assignment("wang", march(2), "night"))
    punches = [
        *worked("wang", 2, (15, 30), (0, 0)),
        punch("wang", at(2, 17), "meal_out"),
        punch("wang", at(2, 17, 40), "meal_in"),
        punch("wang", at(2, 21), "meal_out"),
        punch("wang", at(2, 21, 50), "meal_in"),
    ]
    report = sc.attendance(night, punches, POLICY)
    assert one(report).meals == (_dt.timedelta(minutes=40), _dt.timedelta(minutes=50))
    violations = report.violations()
    assert [v.code for v in violations] == ["tb-56", "tb-56"]
    ledger = sc.Ledger()
    assert [ledger.record(v) for v in violations] == [True, True]
    assert len(ledger.active()) == 2


# Pay and the ledger ------------------------------------------------------------------


def month_rota() -> tuple[sc.Rota, list[pendulum.Date]]:
    weekdays = [d for d in MARCH.days() if d.weekday() < 5]
    return (
        rota(*(sc.Assignment(a, d, "day") for d in weekdays for a in ("li", "wang"))),
        weekdays,
    )


def test_a_full_attendance_month_is_a_fact_pay_uses() -> None:
    schedule, weekdays = month_rota()
    punches = [p for d in weekdays for p in worked("li", d.day, (8, 25), (18, 1))]
    punches += [p for d in weekdays for p in worked("wang", d.day, (8, 25), (18, 1))]
    punches[-2] = punch("wang", at(weekdays[-1].day, 8, 45))  # wang is late once
    report = sc.attendance(schedule, punches, POLICY)
    li = report.facts("li", MARCH)
    assert li == sc.AttendanceFacts()
    assert li.full
    wang = report.facts("wang", MARCH)
    assert wang == sc.AttendanceFacts(late=1)
    assert not wang.full
    # another month has no days: nothing stands in the way
    assert report.facts("li", sc.Month(2026, 4)).full


def test_absence_missing_punches_and_leave_spoil_full_attendance() -> None:
    schedule, weekdays = month_rota()
    punches = [p for d in weekdays[3:] for p in worked("li", d.day, (8, 25), (18, 1))]
    punches += worked("li", weekdays[2].day, (8, 25), (18, 1))[:1]
    report = sc.attendance(schedule, punches, POLICY, leave=[("li", weekdays[1])])
    facts = report.facts("li", MARCH)
    # day 1 absent, day 2 on leave, day 3 a missing punch
    assert facts == sc.AttendanceFacts(absent=2, on_leave=1)
    assert not facts.full


def test_violations_flow_into_the_ledger() -> None:
    schedule, weekdays = month_rota()
    punches = [p for d in weekdays[1:] for p in worked("li", d.day, (8, 25), (18, 1))]
    punches = [p for p in punches if p.at != at(weekdays[3].day, 18, 1)]
    report = sc.attendance(schedule, punches, POLICY)
    violations = report.violations()
    li = [v for v in violations if v.agent_id == "li"]
    assert [(v.code, v.at) for v in li] == [
        ("tb-46", at(weekdays[0].day, 8, 30)),
        ("tb-42", at(weekdays[3].day, 18, 0)),
    ]
    assert li[0].id == f"li/{weekdays[0]}/day/tb-46"
    assert "did not come to Day shift" in li[0].evidence
    wang = [v for v in violations if v.agent_id == "wang"]
    assert len(wang) == len(weekdays)  # never came
    ledger = sc.Ledger()
    for v in violations:
        assert ledger.record(v)
    for v in violations:  # recording twice counts once
        assert not ledger.record(v)
    assert len(ledger.active()) == len(violations)
    assert {v.code for v in ledger.active()} == {"tb-42", "tb-46"}
