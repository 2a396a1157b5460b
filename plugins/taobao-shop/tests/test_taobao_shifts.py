"""The shop's shifts, roster, swaps, attendance and leave (TB-51 … TB-65) on a real month.

March 2026, two shifts, eight agents: 王芳's day team A-011 … A-014 (A-011 is 王芳) works
08:30–18:00 (TB-51), the night team A-015 … A-018 works 15:30–24:00 (TB-52, AMB-29).  In
each team the k-th agent rests on the days d with d ≡ 2k + 1 (mod 8), four days a month
(TB-53 asks for 2), so on odd days three of a team work and on even days four; lunches
are staggered from 11:30 and dinners from 18:00, 35 minutes each (TB-56), so someone
always answers (TB-47) and nobody eats during the Monday meeting (TB-54).
"""

from __future__ import annotations

import datetime as dt
import doctest
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

import pendulum
import pytest
import servicecodex_taobao_shop as tb
from servicecodex_taobao_shop import _shifts

import servicecodex as sc
from servicecodex.testing import make_organization, organization_fixture

TZ = "Asia/Shanghai"
MARCH = sc.Month(2026, 3)
LOCALES = ("zh_Hans", "zh_Hant", "en")
TB_RULE_ID = re.compile(r"^TB-\d{2}$")
DAY_TEAM = ("A-011", "A-012", "A-013", "A-014")
NIGHT_TEAM = ("A-015", "A-016", "A-017", "A-018")
WANG = sc.Agent(
    "A-011", "王芳", hired=dt.date(2025, 9, 2), rung="junior", rung_since=dt.date(2025, 9, 2)
)


org = organization_fixture("taobao-shop")


def march(day: int) -> pendulum.Date:
    return pendulum.date(2026, 3, day)


def at(day: int, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, 3, day, hour, minute, tz=TZ)


def rests(k: int, day: int) -> bool:
    """The k-th agent of a team rests on days 2k + 1, 2k + 9, 2k + 17, 2k + 25."""
    return day % 8 == 2 * k + 1


def plan(month: sc.Month = MARCH) -> list[sc.Assignment]:
    """The month's roster (TB-55), meals staggered 35 minutes apart."""
    out = []
    for day in month.days():
        for team, pattern, first in ((DAY_TEAM, "day", (11, 30)), (NIGHT_TEAM, "night", (18, 0))):
            working = [a for k, a in enumerate(team) if not rests(k, day.day)]
            for i, agent in enumerate(working):
                start = dt.datetime(2000, 1, 1, *first) + i * tb.MEAL_CAP
                meal = tb.meal_break(start.hour, start.minute)
                out.append(sc.Assignment(agent, day, pattern, meals=[meal]))
    return out


PLAN = plan()


def with_meal(
    assignments: Iterable[sc.Assignment],
    agent: str | None,
    day: int,
    meal: tuple[int, int],
    pattern: str = "day",
) -> list[sc.Assignment]:
    """*assignments* with *agent*'s meal on *day* moved (when *agent* is None, the meal
    of everyone on the *pattern* shift that day)."""
    return [
        sc.Assignment(a.agent_id, a.day, a.pattern, meals=[tb.meal_break(*meal)])
        if a.day == march(day) and (a.agent_id == agent or (agent is None and a.pattern == pattern))
        else a
        for a in assignments
    ]


def worked(
    agent: str, day: int, clock_in: tuple[int, int], clock_out: tuple[int, int]
) -> list[sc.Punch]:
    out_day = at(day, *clock_out)
    if clock_out < clock_in:  # the night shift's clock-out after midnight
        out_day = out_day.add(days=1)
    return [sc.Punch(agent, at(day, *clock_in)), sc.Punch(agent, out_day, "out")]


def week(first: int, last: int) -> sc.DateRange:
    return sc.DateRange(march(first), march(last))


def assert_explained(reason: sc.Reason) -> None:
    """The reason renders in every locale, with its TB rule id."""
    assert TB_RULE_ID.fullmatch(reason.rule_id), reason.rule_id
    rendered = {locale: reason.explain(locale) for locale in LOCALES}
    for locale, text in rendered.items():
        assert reason.rule_id in text, (locale, text)
    assert rendered["en"].endswith(f"({reason.rule_id})")
    assert rendered["zh_Hans"].endswith(f"（{reason.rule_id}）")
    assert rendered["zh_Hans"] != rendered["en"]


def assess(org: sc.Organization, agent: str, ledger: sc.Ledger) -> sc.Assessment:
    return org.penalty_schedule.assess(agent, ledger, MARCH, org.calendar)


# The policy --------------------------------------------------------------------------------


def test_the_hook_answers_the_policy(org: sc.Organization) -> None:
    assert org.shift_policy is tb.SHIFT_POLICY
    assert tb.servicecodex_shift_policy() is tb.SHIFT_POLICY
    assert tb.shift_policy() == tb.SHIFT_POLICY
    assert tb.servicecodex_shift_policy.__doc__
    assert "servicecodex_shift_policy" in tb.__all__


def test_two_shifts_the_night_ends_at_midnight() -> None:
    """TB-51, TB-52 with AMB-29: 「晚班15:30-12:00」 is 15:30–24:00."""
    day, night = tb.PATTERNS
    assert (day.id, day.start, day.end, day.cite.rule_id) == (
        "day",
        dt.time(8, 30),
        dt.time(18),
        "TB-51",
    )
    assert (night.id, night.start, night.end, night.cite.rule_id) == (
        "night",
        dt.time(15, 30),
        dt.time(0),
        "TB-52",
    )
    assert day.length == dt.timedelta(hours=9, minutes=30)
    assert night.length == dt.timedelta(hours=8, minutes=30)
    assert night.crosses_midnight
    assert not night.overnight
    assert night.on(march(2), TZ) == (at(2, 15, 30), at(3, 0))
    assert day.breaks == night.breaks == ()  # no meal window in the source: each agent's own
    assert night.name.localize("zh_Hans") == "晚班"
    assert night.describe().explain("en") == "Night shift: 15:30 to 00:00, breaks — (TB-52)"


def test_the_rules_and_their_citations() -> None:
    policy = tb.SHIFT_POLICY
    assert policy.rest == (tb.REST_DAYS,)
    assert (tb.REST_DAYS.count, tb.REST_DAYS.per, tb.REST_DAYS.cite.rule_id) == (
        2,
        sc.RestPer.MONTH,
        "TB-53",
    )
    assert policy.cover == (tb.COVER,)
    assert (tb.COVER.agents, tb.COVER.start, tb.COVER.end, tb.COVER.code) == (
        1,
        dt.time(8, 30),
        dt.time(0),
        None,
    )
    assert tb.COVER.cite == sc.Citation("TB-47", "002 第二篇 P2 2.6)")
    assert (dt.time(8, 30), dt.time(0)) == tb.OPENING_HOURS
    assert policy.meals == tb.MEALS
    assert (tb.MEALS.max_minutes, tb.MEALS.min_on_duty, tb.MEALS.code, tb.MEALS.overrun_code) == (
        35,
        1,
        tb.UNANSWERED_DURING_MEALS,
        tb.MEAL_OVERRUN,
    )
    (meeting,) = policy.events
    assert meeting == tb.WEEKLY_MEETING
    assert (meeting.weekday, meeting.start, meeting.end, meeting.cite.rule_id) == (
        0,
        dt.time(15, 30),
        dt.time(18),
        "TB-54",
    )
    assert (
        policy.swaps
        == tb.SWAP_POLICY
        == sc.SwapPolicy(approval=sc.Citation("TB-55", "002 第二篇 P2 2.2)"))
    )
    assert policy.handover is None  # TB has no handover rule (TB-28 is an appraisal item)
    attendance = tb.ATTENDANCE_POLICY
    assert policy.attendance is attendance
    assert attendance.grace == dt.timedelta(0)
    assert attendance.makeup_within == dt.timedelta(days=3)
    assert attendance.makeups_per_month == 5
    assert attendance.meal_cap == dt.timedelta(minutes=35)
    assert [
        c.rule_id if c else None
        for c in (
            attendance.cite,
            attendance.makeup_cite,
            attendance.makeup_limit_cite,
            attendance.meal_cite,
            attendance.full_attendance,
        )
    ] == ["TB-58", "TB-59", "TB-60", "TB-56", "TB-14"]
    assert (
        attendance.missing_punch_code,
        attendance.absent_code,
        attendance.late_code,
        attendance.early_code,
        attendance.meal_code,
    ) == (tb.MISSED_PUNCH, tb.ABSENTEEISM, None, tb.LEFT_POST, tb.MEAL_OVERRUN)
    leave = tb.LEAVE_POLICY
    assert policy.leave is leave
    assert [t.id for t in leave.types] == ["personal"]
    assert tb.PERSONAL_LEAVE.name.localize("zh_Hans") == "事假"
    assert leave.notice == dt.timedelta(days=1)
    assert leave.resignation_months == 1
    assert leave.absence_code == tb.ABSENTEEISM
    assert [
        c.rule_id if c else None
        for c in (leave.approval, leave.notice_cite, leave.resignation, leave.holidays)
    ] == ["TB-64", "TB-63", "TB-65", None]


def test_every_code_the_policy_names_is_priced_by_the_schedule(org: sc.Organization) -> None:
    policy = org.shift_policy
    assert policy.meals is not None
    assert policy.attendance is not None
    assert policy.leave is not None
    named = {
        policy.meals.code,
        policy.meals.overrun_code,
        policy.attendance.missing_punch_code,
        policy.attendance.absent_code,
        policy.attendance.early_code,
        policy.attendance.meal_code,
        policy.leave.absence_code,
        *(c.code for c in policy.cover),
    } - {None}
    codes = {r.code for r in org.penalty_schedule.rules}
    assert named <= codes
    assert named == {
        "unanswered-during-meals",
        "meal-overrun",
        "missed-punch",
        "absenteeism",
        "left-post",
    }


def test_a_shop_sets_its_own_meeting_hour_grace_and_leave_types() -> None:
    sick = sc.LeaveType("sick", sc.Text(en="Sick leave", zh_Hant="病假"), tb.PERSONAL_LEAVE.cite)
    policy = tb.shift_policy(
        meeting=(dt.time(16), dt.time(17)),
        grace=dt.timedelta(minutes=5),
        leave_types=[*tb.LEAVE_TYPES, sick],
    )
    assert (policy.events[0].start, policy.events[0].end) == (dt.time(16), dt.time(17))
    assert policy.attendance is not None
    assert policy.attendance.grace == dt.timedelta(minutes=5)
    assert policy.leave is not None
    assert [t.id for t in policy.leave.types] == ["personal", "sick"]
    assert policy.patterns == tb.PATTERNS

    class MyShop:
        @sc.hookimpl
        def servicecodex_shift_policy(self) -> sc.ShiftPolicy:
            return policy

    org = make_organization(tb, MyShop(), precedence=["MyShop"])
    assert org.shift_policy is policy


def test_a_meeting_ending_before_it_starts_is_refused() -> None:
    with pytest.raises(sc.PolicyError, match="must end after it starts"):
        tb.shift_policy(meeting=(dt.time(17), dt.time(16)))


def test_a_meal_break_is_35_minutes() -> None:
    assert tb.meal_break(11, 30) == (dt.time(11, 30), dt.time(12, 5))
    assert tb.meal_break(23, 40) == (dt.time(23, 40), dt.time(0, 15))


def test_the_duty_guidance_cites_its_rules() -> None:
    assert [g.cite.rule_id for g in tb.DUTY_GUIDANCE] == [
        "TB-54",
        "TB-55",
        "TB-57",
        "TB-61",
        "TB-62",
    ]
    for guidance in tb.DUTY_GUIDANCE:
        assert_explained(guidance.describe())
    assert tb.DUTY_GUIDANCE[3].describe().explain("zh_Hans").startswith("下班放好个人物品")


# The roster (TB-51 … TB-56, TB-47) -----------------------------------------------------------


def test_the_march_roster_passes(org: sc.Organization) -> None:
    rota = org.rota(PLAN)
    assert len(rota.staff) == 8
    assert len(rota.shifts) == 31 * 8 - 4 * 8  # each agent rests 4 days
    check = rota.check(MARCH)
    assert check.ok, check.explain()
    # three or four agents per shift, and someone answering at every moment
    for day in (march(9), march(10)):
        runs = rota.on_duty(at(day.day, 8, 30), at(day.day, 23, 59))
        assert min(count for _, _, count in runs) >= 2


def test_the_check_does_not_depend_on_the_order_of_the_roster(org: sc.Organization) -> None:
    broken = with_meal(PLAN, None, 10, (12, 0))
    assert org.rota(broken).check(MARCH) == org.rota(reversed(broken)).check(MARCH)


def test_one_rest_day_in_a_month_is_a_breach(org: sc.Organization) -> None:
    """TB-53: A-011 works three of her four rest days."""
    extra = [sc.Assignment("A-011", march(d), "day") for d in (1, 9, 17)]
    check = org.rota([*PLAN, *extra]).check(MARCH)
    (breach,) = check.breaches
    assert (breach.rule_id, breach.agent_id, breach.day, breach.code) == (
        "TB-53",
        "A-011",
        march(1),
        None,
    )
    assert_explained(breach.reason)
    assert breach.reason.explain("zh_Hans") == (
        "A-011自2026年3月1日至2026年3月31日休息1天；每月至少2天（TB-53）"
    )
    # two rest days are enough
    assert org.rota([*PLAN, *extra[:2]]).check(MARCH).ok


def test_everyone_at_lunch_at_once_is_tb_47(org: sc.Organization) -> None:
    """On 10 March the four day agents all eat at 12:00: nobody answers until 12:35."""
    check = org.rota(with_meal(PLAN, None, 10, (12, 0))).check(MARCH)
    (breach,) = check.breaches
    assert (breach.rule_id, breach.day, breach.code, breach.agent_id) == (
        "TB-47",
        march(10),
        tb.UNANSWERED_DURING_MEALS,
        None,
    )
    assert_explained(breach.reason)
    assert check.explain("en") == [
        "Mar 10, 2026 12:00–12:35: 0 on duty while others eat; at least 1 must answer (TB-47)"
    ]
    assert check.explain("zh_Hant") == [
        "2026年3月10日 12:00–12:35：他人用餐時僅0人在崗；至少須1人接聽（TB-47）"
    ]
    # two eating together while two answer is rotation enough
    two = [
        sc.Assignment(a.agent_id, a.day, a.pattern, meals=[tb.meal_break(12)])
        if a.day == march(10) and a.agent_id in DAY_TEAM[:2]
        else a
        for a in PLAN
    ]
    assert org.rota(two).check(MARCH).ok


def test_a_dinner_that_empties_the_night_desk(org: sc.Organization) -> None:
    """On 11 March (A-015 rests) the three night agents all eat at 19:00."""
    check = org.rota(with_meal(PLAN, None, 11, (19, 0), "night")).check(MARCH)
    assert [(b.rule_id, b.day, b.code) for b in check.breaches] == [
        ("TB-47", march(11), tb.UNANSWERED_DURING_MEALS)
    ]
    assert check.explain("zh_Hans") == [
        "2026年3月11日 19:00–19:35：他人用餐时仅0人在岗；至少须1人接听（TB-47）"
    ]


def test_a_night_without_anyone_is_a_roster_gap(org: sc.Organization) -> None:
    """No night shift on 12 March: nobody answers from 18:00 to midnight."""
    gap = [a for a in PLAN if not (a.pattern == "night" and a.day == march(12))]
    check = org.rota(gap).check(MARCH)
    (breach,) = check.breaches
    assert (breach.rule_id, breach.day, breach.code) == ("TB-47", march(12), None)
    assert breach.reason.explain("en") == (
        "Mar 12, 2026 18:00–00:00: 0 on duty; at least 1 required (TB-47)"
    )
    assert_explained(breach.reason)


def test_the_monday_meeting(org: sc.Organization) -> None:
    """TB-54: A-015 eats at 17:00 on Monday 2 and Tuesday 3 March: only Monday is a
    breach, the meeting being on Mondays."""
    rota = org.rota(with_meal(with_meal(PLAN, "A-015", 2, (17, 0)), "A-015", 3, (17, 0)))
    check = rota.check(MARCH)
    (breach,) = check.breaches
    assert (breach.rule_id, breach.agent_id, breach.day) == ("TB-54", "A-015", march(2))
    assert_explained(breach.reason)
    assert breach.reason.explain("en") == (
        "A-015 works on Mar 2, 2026 but is not on duty for the weekly meeting (15:30–18:00) (TB-54)"
    )
    assert "周一例会" in breach.reason.explain("zh_Hans")
    assert "周一例會" in breach.reason.explain("zh_Hant")
    # a meeting at the shop's own hour: a 17:00 meal clashes, a 16:00 meeting does not
    own = make_organization(
        tb,
        _policy_plugin(tb.shift_policy(meeting=(dt.time(16), dt.time(16, 30)))),
        precedence=["Own"],
    )
    assert own.rota(with_meal(PLAN, "A-015", 2, (17, 0))).check(MARCH).ok


def _policy_plugin(policy: sc.ShiftPolicy) -> object:
    class Own:
        @sc.hookimpl
        def servicecodex_shift_policy(self) -> sc.ShiftPolicy:
            return policy

    return Own()


def test_a_rota_outside_the_policy_is_bad_input(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match=r"pattern: unknown; known: day, night"):
        org.rota([sc.Assignment("A-011", march(2), "evening")])
    with pytest.raises(sc.ValidationError, match="overlapping shifts for one person"):
        org.rota(
            [sc.Assignment("A-011", march(2), "day"), sc.Assignment("A-011", march(2), "night")]
        )
    with pytest.raises(sc.ValidationError, match="a meal must lie inside the shift"):
        org.rota([sc.Assignment("A-011", march(2), "day", meals=[tb.meal_break(19)])])


# Swaps (TB-55) -------------------------------------------------------------------------------


def swap(
    sid: str = "S-1",
    requester: str = "A-011",
    partner: str = "A-012",
    day: int = 11,
    payback: int | None = 17,
    *,
    approved_by: str | None = "客服主管",
    form: str | None = "調班申請-0311",
    consent: Iterable[str] | None = None,
) -> sc.SwapRequest:
    return sc.SwapRequest(
        sid,
        requester,
        partner,
        march(day),
        at(day - 3, 10),
        payback=None if payback is None else march(payback),
        consent=frozenset((requester, partner) if consent is None else consent),
        approved_by=approved_by,
        form=form,
    )


def test_a_swap_refused_then_accepted(org: sc.Organization) -> None:
    """A-011 asks A-012 (resting on the 11th) to work her day shift on 11 March and pays
    it back on the 17th (A-011's rest day, A-012's shift)."""
    register = sc.SwapRegister(org.rota(PLAN))
    refused = register.request(swap(approved_by=None))
    assert not refused.accepted
    assert refused.rota is None
    assert [(b.rule_id, b.day) for b in refused.breaches] == [("TB-55", march(11))]
    for breach in refused.breaches:
        assert_explained(breach.reason)
    assert refused.explain("en") == ["The swap is not approved by the manager (TB-55)"]
    # not arranged with the colleague either: both are named
    unarranged = register.request(swap(approved_by=None, consent=["A-011"], form=None))
    assert [b.reason.explain("en") for b in unarranged.breaches] == [
        "A-012 has not consented to the swap (TB-55)",
        "The swap is not approved by the manager (TB-55)",
        "No swap registration form is filed (TB-55)",
    ]
    assert register.accepted == []

    accepted = register.request(swap())
    assert accepted.accepted, accepted.explain()
    rota = accepted.rota
    assert rota is not None
    assert register.rota is rota
    assert rota.shift_of("A-011", march(11)) is None
    assert rota.shift_of("A-012", march(11)) is not None
    assert rota.shift_of("A-011", march(17)) is not None
    assert rota.shift_of("A-012", march(17)) is None
    assert rota.check(MARCH).ok
    assert [(s.id, overdue) for s, overdue in register.owed(march(18))] == [("S-1", True)]
    register.paid_back("S-1", march(17))
    assert register.owed(march(18)) == []


def test_a_colleague_already_on_shift_cannot_take_a_swap(org: sc.Organization) -> None:
    """TB sets no rule on back-to-back shifts, so a swap that gives someone two
    overlapping shifts is bad input, not a refusal."""
    register = sc.SwapRegister(org.rota(PLAN))
    with pytest.raises(sc.ValidationError, match="A-015 would work two overlapping shifts"):
        register.request(swap(partner="A-015", day=12, payback=None))


def test_every_swap_is_checked_against_the_cover(org: sc.Organization) -> None:
    """A swap hands a shift over whole, meal included, so the desk stays covered: the
    core checks it anyway, and an accepted swap never leaves a gap."""
    register = sc.SwapRegister(org.rota(PLAN))
    first = register.request(swap())
    second = register.request(swap("S-2", "A-015", "A-016", day=11, payback=17))
    assert first.accepted, first.explain()
    assert second.accepted, second.explain()
    assert register.rota.check(MARCH).ok


# Attendance (TB-58 … TB-60, TB-42, TB-43, TB-46, TB-56, TB-14) --------------------------------

#: 王芳 (A-011) in the week of 2 March: on time, late, absent, no clock-out, out early,
#: a 40-minute lunch.
WANG_WEEK = [
    *worked("A-011", 2, (8, 25), (18, 2)),
    *worked("A-011", 3, (8, 40), (18, 0)),
    # the 4th: no punch at all
    sc.Punch("A-011", at(5, 8, 30)),
    *worked("A-011", 6, (8, 30), (17, 30)),
    *worked("A-011", 7, (8, 29), (18, 0)),
    sc.Punch("A-011", at(7, 12, 0), "meal_out"),
    sc.Punch("A-011", at(7, 12, 40), "meal_in"),
]


def wang_week(
    org: sc.Organization, makeups: Iterable[sc.MakeUpRequest] = ()
) -> sc.AttendanceReport:
    assert org.shift_policy.attendance is not None
    return sc.attendance(
        org.rota(PLAN), WANG_WEEK, org.shift_policy.attendance, makeups=makeups, period=week(2, 7)
    )


def test_punches_become_attendance_days(org: sc.Organization) -> None:
    days = wang_week(org).of("A-011")
    assert [(d.day.day, sorted(s.value for s in d.statuses), d.codes) for d in days] == [
        (2, ["present"], ()),
        (3, ["late"], ()),  # lateness costs the bonus only (TB-14, TB-63)
        (4, ["absent"], (tb.ABSENTEEISM,)),
        (5, ["missing_punch"], (tb.MISSED_PUNCH,)),
        (6, ["left_early"], (tb.LEFT_POST,)),
        (7, ["present"], (tb.MEAL_OVERRUN,)),
    ]
    assert days[1].late_by == dt.timedelta(minutes=10)
    assert days[4].early_by == dt.timedelta(minutes=30)
    assert days[5].meals == (dt.timedelta(minutes=40),)
    assert [r.rule_id for d in days for r in d.reasons] == [
        "TB-58",
        "TB-58",
        "TB-59",
        "TB-58",
        "TB-56",
    ]
    for day in days:
        for reason in day.reasons:
            assert_explained(reason)
    assert days[1].reasons[0].explain("en") == (
        "A-011 clocked in 10 minutes late for Day shift on Mar 3, 2026 (TB-58)"
    )
    assert days[5].reasons[0].explain("zh_Hans") == (
        "A-011于2026年3月7日用餐40分钟；最多35分钟（TB-56）"
    )


def test_no_grace_one_minute_late_is_late(org: sc.Organization) -> None:
    assert org.shift_policy.attendance is not None
    report = sc.attendance(
        org.rota(PLAN),
        worked("A-011", 2, (8, 31), (18, 0)),
        org.shift_policy.attendance,
        period=week(2, 2),
    )
    assert report.of("A-011")[0].statuses == {sc.DayStatus.LATE}


def test_a_night_shift_is_punched_out_after_midnight(org: sc.Organization) -> None:
    assert org.shift_policy.attendance is not None
    report = sc.attendance(
        org.rota(PLAN),
        worked("A-015", 2, (15, 28), (0, 1)),
        org.shift_policy.attendance,
        period=week(2, 2),
    )
    (day,) = report.of("A-015")
    assert day.statuses == {sc.DayStatus.PRESENT}
    assert day.clock_out == at(3, 0, 1)


def test_the_weeks_violations_priced_by_the_schedule(org: sc.Organization) -> None:
    ledger = sc.Ledger()
    for violation in wang_week(org).violations():
        assert ledger.record(violation)
    march_fines = assess(org, "A-011", ledger)
    assert [(f.reason.rule_id, f.amount.amount) for f in march_fines.fines] == [
        ("TB-46", Decimal(30)),
        ("TB-42", Decimal(10)),
        ("TB-43", Decimal(20)),
        ("TB-56", Decimal(0)),  # recorded, no fine (AMB-36)
    ]
    assert march_fines.total == sc.Money(60, "CNY")
    explained = march_fines.explain("zh_Hans")
    assert explained[-1] == "2026年3月7日用餐时间超过35分钟：已记录，未定罚款金额（TB-56）"
    assert (
        "2026年3月5日忘记打卡未填写补卡申请表(视为擅自离岗、脱岗)：罚款¥10.00（TB-42）" in explained
    )


def makeup(
    missed: pendulum.DateTime, filed: pendulum.DateTime, agent: str = "A-011"
) -> sc.MakeUpRequest:
    return sc.MakeUpRequest(agent, "out", missed, filed, "忘記打卡")


def test_a_make_up_on_day_3_is_accepted(org: sc.Organization) -> None:
    """The clock-out missed at 18:00 on 5 March, the form filed on the 8th at 17:00."""
    report = wang_week(org, [makeup(at(5, 18), at(8, 17))])
    (decision,) = report.makeups
    assert decision.accepted
    fifth = report.of("A-011")[3]
    assert fifth.statuses == {sc.DayStatus.PRESENT}
    assert tb.MISSED_PUNCH not in [v.code for v in report.violations()]
    # "3日內" counts calendar days: filed at 23:30 on the 8th is still day 3; the 9th is late
    (evening,) = wang_week(org, [makeup(at(5, 18), at(8, 23, 30))]).makeups
    assert evening.accepted
    (late,) = wang_week(org, [makeup(at(5, 18), at(9, 9))]).makeups
    assert not late.accepted


def test_a_make_up_on_day_4_is_refused_and_costs_10_yuan(org: sc.Organization) -> None:
    report = wang_week(org, [makeup(at(5, 18), at(9, 9))])
    (decision,) = report.makeups
    assert not decision.accepted
    assert decision.refusal is not None
    assert decision.refusal.rule_id == "TB-59"
    assert_explained(decision.refusal)
    assert decision.refusal.explain("en").endswith("later than 72 hours (TB-59)")
    ledger = sc.Ledger()
    for violation in report.violations():
        ledger.record(violation)
    (missed,) = ledger.active(code=tb.MISSED_PUNCH)
    assert missed.id == "A-011/2026-03-05/day/missed-punch"
    fine = next(f for f in assess(org, "A-011", ledger).fines if f.reason.rule_id == "TB-42")
    assert fine.amount == sc.Money(10, "CNY")


def test_the_sixth_make_up_in_a_month_is_refused(org: sc.Organization) -> None:
    """TB-60: five forms a month; A-012 forgets her clock-out on six days."""
    assert org.shift_policy.attendance is not None
    days = (2, 4, 6, 8, 10, 12)
    punches = [sc.Punch("A-012", at(d, 8, 30)) for d in days]
    forms = [makeup(at(d, 18), at(d + 1, 9), "A-012") for d in days]
    report = sc.attendance(
        org.rota(PLAN),
        punches,
        org.shift_policy.attendance,
        makeups=forms,
        period=sc.DateRange(march(2), march(12)),
    )
    assert [d.accepted for d in report.makeups] == [True] * 5 + [False]
    refusal = report.makeups[5].refusal
    assert refusal is not None
    assert refusal.rule_id == "TB-60"
    assert_explained(refusal)
    assert refusal.explain("en").endswith("already 5 this month, at most 5 (TB-60)")
    ledger = sc.Ledger()
    for violation in report.violations():
        if violation.code == tb.MISSED_PUNCH:
            ledger.record(violation)
    (twelfth,) = ledger.active()
    assert twelfth.at == at(12, 18)  # the clock-out that is missing: the shift's end
    assert assess(org, "A-012", ledger).total == sc.Money(10, "CNY")


def test_a_40_minute_meal_is_recorded_without_a_fine(org: sc.Organization) -> None:
    """TB-56, AMB-36."""
    ledger = sc.Ledger()
    for violation in wang_week(org).violations():
        if violation.code == tb.MEAL_OVERRUN:
            ledger.record(violation)
    (meal,) = ledger.active()
    assert meal.at == at(7, 12)  # when the meal began
    assert "lasted 40 minutes" in meal.evidence
    assessment = assess(org, "A-011", ledger)
    assert [(f.reason.rule_id, f.amount.amount) for f in assessment.fines] == [
        ("TB-56", Decimal(0))
    ]
    assert assessment.total == sc.Money(0, "CNY")
    assert assessment.explain("en") == [
        "Meal break over 35 minutes on Mar 7, 2026: recorded, no fixed fine (TB-56)"
    ]
    # 35 minutes is within the cap
    assert org.shift_policy.attendance is not None
    on_time = sc.attendance(
        org.rota(PLAN),
        [
            *worked("A-011", 10, (8, 30), (18, 0)),
            sc.Punch("A-011", at(10, 11, 30), "meal_out"),
            sc.Punch("A-011", at(10, 12, 5), "meal_in"),
        ],
        org.shift_policy.attendance,
        period=week(10, 10),
    )
    assert on_time.of("A-011")[0].codes == ()


def test_an_unknown_agent_punching_is_refused(org: sc.Organization) -> None:
    assert org.shift_policy.attendance is not None
    with pytest.raises(sc.ValidationError, match="unknown agent"):
        sc.attendance(
            org.rota(PLAN), [sc.Punch("A-099", at(2, 8, 30))], org.shift_policy.attendance
        )


# Full attendance (TB-14) ---------------------------------------------------------------------------


def full_month(agent: str, k: int, late_on: int | None = None) -> Iterator[sc.Punch]:
    for day in MARCH.days():
        if not rests(k, day.day):
            start = (8, 45) if day.day == late_on else (8, 20)
            yield from worked(agent, day.day, start, (18, 5))


def test_a_full_month_pays_the_attendance_bonus(org: sc.Organization) -> None:
    assert org.shift_policy.attendance is not None
    rota = org.rota(PLAN)
    report = sc.attendance(rota, full_month("A-011", 0), org.shift_policy.attendance, period=MARCH)
    facts = report.facts("A-011", MARCH)
    assert facts == sc.AttendanceFacts()
    assert facts.full
    assert len(report.of("A-011")) == 27  # days attended (TB-58)
    card = org.appraisal_scheme.score(
        "A-011",
        MARCH,
        {"team-task": 25, "handover": 15, "callback-satisfaction": 25, "professional-quality": 15},
    )
    slip = org.payslip(WANG, MARCH, appraisal=card, attendance=facts)
    assert [(line.code, line.amount.amount, line.reason.rule_id) for line in slip.lines] == [
        ("base", Decimal("2000.00"), "TB-08"),
        ("full-attendance", Decimal("100.00"), "TB-14"),
    ]
    # one lateness costs it (TB-14, TB-18)
    late = sc.attendance(
        rota, full_month("A-011", 0, late_on=10), org.shift_policy.attendance, period=MARCH
    ).facts("A-011", MARCH)
    assert late == sc.AttendanceFacts(late=1)
    slip = org.payslip(WANG, MARCH, appraisal=card, attendance=late)
    assert [line.code for line in slip.lines] == ["base"]
    assert any("TB-14" in note.explain("en") for note in slip.notes)


# Leave and resignation (TB-62 … TB-65, AMB-34) ------------------------------------------------------


def leave(
    first: int,
    last: int | None = None,
    *,
    filed: pendulum.DateTime,
    approved_by: str | None = "客服主管",
    agent: str = "A-011",
    kind: str = "personal",
) -> sc.LeaveRequest:
    return sc.LeaveRequest(
        f"L-{agent}-{first}",
        agent,
        kind,
        march(first),
        march(last or first),
        filed,
        approved_by=approved_by,
    )


def test_leave_a_day_ahead_in_writing_is_granted(org: sc.Organization) -> None:
    decision = tb.review_leave(leave(10, filed=at(8, 17)), org.rota(PLAN))
    assert decision.accepted, decision.explain()
    assert decision.leave_type is tb.PERSONAL_LEAVE


def test_leave_filed_less_than_a_day_ahead_is_refused(org: sc.Organization) -> None:
    """TB-63 "提前一天": for 10 March, filed at 10:00 on the 10th (the 9th is in time)."""
    assert tb.review_leave(leave(10, filed=at(9, 10)), org.rota(PLAN)).accepted
    decision = tb.review_leave(leave(10, filed=at(10, 8)), org.rota(PLAN))
    assert not decision.accepted
    (reason,) = decision.breaches
    assert reason.rule_id == "TB-63"
    assert_explained(reason)
    assert reason.explain("en").startswith("Leave is requested at least 24 hours ahead")


def test_leave_without_written_approval_is_refused(org: sc.Organization) -> None:
    """TB-64: and taken anyway, it is absenteeism (TB-46)."""
    decision = tb.review_leave(leave(10, filed=at(8, 17), approved_by=None))
    assert [r.rule_id for r in decision.breaches] == ["TB-64"]
    assert_explained(decision.breaches[0])
    assert tb.leave_days([decision]) == ()
    assert org.shift_policy.attendance is not None
    report = sc.attendance(
        org.rota(PLAN),
        [],
        org.shift_policy.attendance,
        leave=tb.leave_days([decision]),
        period=week(10, 10),
    )
    assert report.of("A-011")[0].codes == (tb.ABSENTEEISM,)


def test_leave_of_an_unknown_type_is_refused() -> None:
    with pytest.raises(sc.ValidationError, match="leave type"):
        tb.review_leave(leave(10, filed=at(8, 17), kind="sick"))


def test_leave_needs_another_agent_to_cover(org: sc.Organization) -> None:
    """TB-62: the only night agent on 20 March asks for the day off."""
    alone = [sc.Assignment("A-015", march(20), "night"), sc.Assignment("A-011", march(20), "day")]
    rota = org.rota(alone)
    decision = tb.review_leave(leave(20, filed=at(15, 9), agent="A-015"), rota)
    (reason,) = decision.breaches
    assert reason.rule_id == "TB-62"
    assert_explained(reason)
    assert reason.explain("en") == (
        "A-015 works Night shift on Mar 20, 2026; with A-015 away nobody answers from "
        "18:00 to 00:00: arrange another agent's cover first (TB-62)"
    )
    assert reason.explain("zh_Hans") == (
        "A-015于2026年3月20日上晚班,请假则18:00至00:00无人值班:须先协商其它客服补班（TB-62）"
    )
    # with a second night agent the leave is covered
    covered = org.rota([*alone, sc.Assignment("A-016", march(20), "night")])
    assert tb.review_leave(leave(20, filed=at(15, 9), agent="A-015"), covered).accepted
    # a day she does not work needs no cover
    assert tb.review_leave(leave(21, filed=at(15, 9), agent="A-015"), rota).accepted


def test_approved_leave_is_not_absence_but_costs_full_attendance(org: sc.Organization) -> None:
    decisions = [tb.review_leave(leave(10, 11, filed=at(5, 9)), org.rota(PLAN))]
    assert tb.leave_days(decisions) == (("A-011", march(10)), ("A-011", march(11)))
    assert org.shift_policy.attendance is not None
    punches = [p for p in full_month("A-011", 0) if p.at.day not in (10, 11)]
    report = sc.attendance(
        org.rota(PLAN),
        punches,
        org.shift_policy.attendance,
        leave=tb.leave_days(decisions),
        period=MARCH,
    )
    assert [v for v in report.violations() if v.agent_id == "A-011"] == []
    facts = report.facts("A-011", MARCH)
    assert facts == sc.AttendanceFacts(on_leave=2)
    assert not facts.full


def test_resignation_needs_a_months_notice() -> None:
    """TB-65: filed on 2 March, leaving on the 16th (two weeks) is refused; on 2 April
    it is a month."""
    short = sc.Resignation("A-011", at(2, 10), march(16))
    (reason,) = sc.review_resignation(tb.LEAVE_POLICY, short)
    assert reason.rule_id == "TB-65"
    assert_explained(reason)
    assert reason.explain("en") == (
        "Resignation filed Mar 2, 2026 with last day Mar 16, 2026; the notice period runs "
        "to Apr 2, 2026 (TB-65)"
    )
    assert (
        sc.review_resignation(
            tb.LEAVE_POLICY, sc.Resignation("A-011", at(2, 10), pendulum.date(2026, 4, 2))
        )
        == ()
    )


def test_quitting_without_notice_is_recorded_without_a_fine(org: sc.Organization) -> None:
    ledger = sc.Ledger()
    ledger.record(sc.Violation("Q-1", "A-011", tb.QUITTING_SUDDENLY, at(16, 18)))
    assessment = assess(org, "A-011", ledger)
    assert assessment.total == sc.Money(0, "CNY")
    assert assessment.explain("en")[0].endswith("recorded, no fixed fine (TB-65)")


# Aliwangwang (TB-57, TB-44) --------------------------------------------------------------------------


def test_wangwang_offline_on_duty(org: sc.Organization) -> None:
    rota = org.rota(PLAN)
    # on shift (at noon, at her meal too): a violation; off shift or a special reason: none
    found = [
        tb.wangwang_offline(rota, f"W-{d}", "A-011", at(d, 12, 10), reported_by="客服主管")
        for d in (2, 3, 4)
    ]
    assert all(v is not None and v.code == tb.WANGWANG_OFFLINE for v in found)
    assert tb.wangwang_offline(rota, "W-5", "A-011", at(5, 19)) is None  # after her shift
    assert tb.wangwang_offline(rota, "W-9", "A-011", at(9, 12)) is None  # her rest day
    assert tb.wangwang_offline(rota, "W-6", "A-011", at(6, 12), special_reason="斷網") is None
    ledger = sc.Ledger()
    for v in found:
        assert v is not None
        ledger.record(v)
    assessment = assess(org, "A-011", ledger)
    assert assessment.total == sc.Money(10, "CNY")  # one full 3 (TB-44, AMB-32)
    assert {f.reason.rule_id for f in assessment.fines} == {"TB-44"}
    with pytest.raises(sc.ValidationError, match="unknown agent"):
        tb.wangwang_offline(rota, "W-7", "A-099", at(2, 12))
    with pytest.raises(sc.NaiveDateTimeError):
        tb.wangwang_offline(rota, "W-8", "A-011", dt.datetime(2026, 3, 2, 12))


def test_the_module_doctests() -> None:
    failures, tried = doctest.testmod(_shifts, optionflags=doctest.ELLIPSIS)
    assert tried >= 3
    assert failures == 0
