"""The hospital desk's shifts, attendance and leave (HD-22 … HD-30): a week of shifts A,
B and C, a week without its rest day, a late punch, the eight leave types, leave filed
too late, and emergencies phoned in late or with late paperwork, explained in zh_Hans,
zh_Hant and en."""

from __future__ import annotations

import datetime as _dt
import re

import pendulum
import pytest
import servicecodex_hospital_desk as hd

import servicecodex as sc
from servicecodex.testing import make_organization, organization_fixture

TZ = "Asia/Shanghai"
LOCALES = ("zh_Hans", "zh_Hant", "en")
HD_RULE_ID = re.compile(r"^HD-\d{2}$")
MONDAY = pendulum.date(2026, 3, 2)  # no public holiday in China that week
WEEK = sc.DateRange(MONDAY, MONDAY.add(days=6))
MARCH = sc.Month(2026, 3)
TENTH = pendulum.date(2026, 3, 10)
HEAD = "部门负责人"

#: The department head's week for four nurses: A, B or C, "-" the rotating rest day
#: (HD-26), a different day for each.
WEEK_PLAN = {
    "H-011": "aabc-ca",
    "H-012": "bcaab-c",
    "H-013": "c-bcaab",
    "H-014": "-bcaabb",
}


org = organization_fixture("hospital-desk")


def clock(hour: int, minute: int = 0) -> _dt.time:
    return _dt.time(hour, minute)


def at(day: _dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=TZ)


def march(day: int) -> pendulum.Date:
    return pendulum.date(2026, 3, day)


def assignments(plan: dict[str, str], first: pendulum.Date = MONDAY) -> list[sc.Assignment]:
    return [
        sc.Assignment(agent, first.add(days=i), shift)
        for agent, days in plan.items()
        for i, shift in enumerate(days)
        if shift != "-"
    ]


def week_rota(org: sc.Organization) -> sc.Rota:
    return org.rota(assignments(WEEK_PLAN))


def leave(
    kind: str = "personal",
    first: pendulum.Date = TENTH,
    last: pendulum.Date | None = None,
    *,
    filed: pendulum.DateTime | None = None,
    approved_by: str | None = HEAD,
) -> sc.LeaveRequest:
    return sc.LeaveRequest(
        "L-1",
        "H-012",
        kind,
        first,
        last or first,
        filed or at(march(5), 9),
        approved_by=approved_by,
    )


def emergency(
    reported: pendulum.DateTime | None, paperwork: pendulum.Date | None
) -> sc.LeaveRequest:
    """H-012 falls ill on 10 March and is off the 10th and 11th: back on the 12th."""
    return sc.LeaveRequest(
        "L-2",
        "H-012",
        "sick",
        march(10),
        march(11),
        at(march(10), 7),
        approved_by=HEAD,
        emergency=True,
        reported_at=reported,
        paperwork_on=paperwork,
    )


def assert_in_every_locale(reason: sc.Reason) -> None:
    assert HD_RULE_ID.match(reason.rule_id), reason
    for locale in LOCALES:
        rendered = reason.explain(locale)
        assert rendered.endswith((f"({reason.rule_id})", f"（{reason.rule_id}）")), rendered


# The policy ------------------------------------------------------------------------------


def test_the_hook_answers_the_shift_policy(org: sc.Organization) -> None:
    assert hd.servicecodex_shift_policy() is hd.SHIFT_POLICY
    assert org.shift_policy is hd.SHIFT_POLICY
    assert make_organization(hd).shift_policy == hd.SHIFT_POLICY
    policy = org.shift_policy
    assert policy.patterns == hd.SHIFT_PATTERNS
    assert policy.rest == (hd.WEEKLY_REST, hd.MONTHLY_REST)
    assert policy.attendance is hd.ATTENDANCE_POLICY
    assert policy.leave == hd.LEAVE_POLICY
    # 篇2 sets none of these
    assert (policy.cover, policy.meals, policy.events) == ((), None, ())
    assert (policy.swaps, policy.handover) == (None, None)


def test_amb_10_shift_table(org: sc.Organization) -> None:
    rows = [
        (p.id, p.start, p.end, [(b.start, b.end) for b in p.breaks], p.cite.rule_id)
        for p in org.shift_policy.patterns
    ]
    assert rows == [
        ("a", clock(8), clock(18), [(clock(12), clock(14))], "HD-22"),
        ("b", clock(8), clock(16), [(clock(11, 30), clock(12))], "HD-23"),
        ("c", clock(12), clock(20), [(clock(17, 30), clock(18))], "HD-24"),  # dinner assumed
    ]
    assert [p.length for p in hd.SHIFT_PATTERNS] == [_dt.timedelta(hours=h) for h in (10, 8, 8)]
    assert not any(p.crosses_midnight for p in hd.SHIFT_PATTERNS)
    assert [b.name.localize("zh_Hans") for p in hd.SHIFT_PATTERNS for b in p.breaks] == [
        "午饭",
        "午饭",
        "晚饭",
    ]


def test_shift_c_has_no_lunch_inside_it() -> None:
    # row C's "11:30吃饭 12:00上班" lies before a shift that starts at 12:00 (AMB-10)
    assert all(b.start >= hd.SHIFT_C.start for b in hd.SHIFT_C.breaks)
    assert hd.SHIFT_C.breaks_on(MONDAY, TZ) == ((at(MONDAY, 17, 30), at(MONDAY, 18)),)


def test_the_patterns_in_words() -> None:
    assert [p.describe().explain("en") for p in hd.SHIFT_PATTERNS] == [
        "Shift A: 08:00 to 18:00, breaks 12:00–14:00 (HD-22)",
        "Shift B: 08:00 to 16:00, breaks 11:30–12:00 (HD-23)",
        "Shift C: 12:00 to 20:00, breaks 17:30–18:00 (HD-24)",
    ]
    for pattern in hd.SHIFT_PATTERNS:
        assert_in_every_locale(pattern.describe())
    assert hd.SHIFT_A.name.localize("zh_Hant") == "A班"


def test_every_citation_is_an_hd_rule_of_pian_2() -> None:
    policy = hd.SHIFT_POLICY
    assert policy.attendance is not None
    assert policy.leave is not None
    leave = policy.leave
    cites = [
        *(p.cite for p in policy.patterns),
        *(r.cite for r in policy.rest),
        policy.attendance.cite,
        *(t.cite for t in leave.types),
        leave.approval,
        leave.notice_cite,
        leave.emergency,
    ]
    for cite in cites:
        assert cite is not None
        assert HD_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("001 篇2 "), cite
    assert [r.cite.rule_id for r in policy.rest] == ["HD-26", "HD-27"]
    assert (leave.approval, leave.notice_cite, leave.emergency) == (
        sc.Citation("HD-29", "001 篇2 六.2"),
        sc.Citation("HD-29", "001 篇2 六.2"),
        sc.Citation("HD-30", "001 篇2 六.2"),
    )
    # no other leave rule is the hospital's (holidays, swaps, resignation: not in 篇2)
    assert (leave.holidays, leave.swap_days, leave.resignation, leave.absence_code) == (
        None,
        None,
        None,
        None,
    )


# Rotas -----------------------------------------------------------------------------------


def test_a_week_of_shifts_a_b_c_passes(org: sc.Organization) -> None:
    rota = week_rota(org)
    assert len(rota.shifts) == 24
    assert rota.staff == frozenset(WEEK_PLAN)
    check = rota.check(WEEK)
    assert check.ok, check.explain()
    # everyone rests one day, each on another day (the department head's choice)
    rest_days = {agent: days.index("-") for agent, days in WEEK_PLAN.items()}
    assert sorted(rest_days.values()) == [0, 1, 4, 5]
    shift = rota.shift_of("H-013", MONDAY)
    assert shift is not None
    assert (shift.start, shift.end) == (at(MONDAY, 12), at(MONDAY, 20))
    assert shift.on_duty() == [
        (at(MONDAY, 12), at(MONDAY, 17, 30)),
        (at(MONDAY, 18), at(MONDAY, 20)),
    ]


def test_a_week_without_a_rest_day_breaks_hd_26(org: sc.Organization) -> None:
    plan = {**WEEK_PLAN, "H-012": "bcaabac"}  # the rest day on Saturday worked as A
    check = org.rota(assignments(plan)).check(WEEK)
    assert [(b.rule_id, b.agent_id, b.day, b.code) for b in check.breaches] == [
        ("HD-26", "H-012", MONDAY, None)
    ]
    assert check.explain("en") == [
        "H-012: rest days from Mar 2, 2026 to Mar 8, 2026: 0; at least 1 in a week (HD-26)"
    ]
    assert check.explain("zh_Hans") == [
        "H-012自2026年3月2日至2026年3月8日休息0天；每周至少1天（HD-26）"
    ]
    assert check.explain("zh_Hant") == [
        "H-012自2026年3月2日至2026年3月8日休息0天；每週至少1天（HD-26）"
    ]
    assert_in_every_locale(check.breaches[0].reason)


def test_two_rest_days_in_a_week_are_allowed(org: sc.Organization) -> None:
    plan = {**WEEK_PLAN, "H-011": "aab--ca"}
    assert org.rota(assignments(plan)).check(WEEK).ok


def test_a_month_of_weekly_rest_days_passes_hd_26_and_hd_27(org: sc.Organization) -> None:
    # March 2026: every Sunday off (1, 8, 15, 22, 29), shift A on every other day
    days = [d for d in MARCH.days() if d.weekday() != 6]
    check = org.rota([sc.Assignment("H-012", d, "a") for d in days]).check(MARCH)
    assert check.ok, check.explain()


def test_rest_days_not_taken_within_the_month_are_flagged_hd_27(org: sc.Organization) -> None:
    # February 2026 runs Sunday 1 to Saturday 28: its three whole weeks (2–22) each hold a
    # rest day, but Sunday 1 and 23–28 are worked, the rest days taken in January and
    # March.  HD-26 is kept; February holds 3 rest days, fewer than its 4 weeks' worth.
    february = sc.Month(2026, 2)
    rest = {pendulum.date(2026, 2, d) for d in (2, 9, 16)}
    days = [d for d in february.days() if d not in rest]
    check = org.rota([sc.Assignment("H-012", d, "b") for d in days]).check(february)
    assert [(b.rule_id, b.agent_id, b.code) for b in check.breaches] == [
        ("HD-27", "H-012", None)  # no fine: the leadership decides (院领导研究另行解决)
    ]
    assert check.explain("en") == [
        "H-012: rest days from Feb 1, 2026 to Feb 28, 2026: 3; at least 4 in a month (HD-27)"
    ]
    assert_in_every_locale(check.breaches[0].reason)


def test_overlapping_shifts_for_one_nurse_are_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="overlapping shifts"):
        org.rota([sc.Assignment("H-012", MONDAY, "a"), sc.Assignment("H-012", MONDAY, "c")])


def test_an_unknown_shift_lists_a_b_c(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="a, b, c"):
        org.rota([sc.Assignment("H-012", MONDAY, "d")])


# Attendance (HD-25) ----------------------------------------------------------------------


def test_no_grace_and_no_fine() -> None:
    policy = hd.ATTENDANCE_POLICY
    assert policy.cite == sc.Citation("HD-25", "001 篇2 五")
    assert policy.grace == _dt.timedelta(0)
    codes = (
        policy.late_code,
        policy.early_code,
        policy.absent_code,
        policy.missing_punch_code,
        policy.meal_code,
    )
    assert codes == (None, None, None, None, None)
    assert (policy.meal_cap, policy.makeups_per_month, policy.full_attendance) == (None, None, None)


def test_a_punctual_day_is_present(org: sc.Organization) -> None:
    rota = week_rota(org)
    punches = [sc.Punch("H-011", at(MONDAY, 7, 52)), sc.Punch("H-011", at(MONDAY, 18, 3), "out")]
    report = sc.attendance(rota, punches, hd.ATTENDANCE_POLICY)
    day = report.of("H-011")[0]
    assert {s.value for s in day.statuses} == {"present"}
    assert day.reasons == ()


def test_a_late_punch_breaks_hd_25(org: sc.Organization) -> None:
    rota = week_rota(org)
    punches = [
        sc.Punch("H-011", at(MONDAY, 8, 1)),  # one minute late for A: no grace
        sc.Punch("H-011", at(MONDAY, 18, 0), "out"),
        sc.Punch("H-013", at(MONDAY, 11, 55)),
        sc.Punch("H-013", at(MONDAY, 19, 45), "out"),  # C ends at 20:00
    ]
    report = sc.attendance(rota, punches, hd.ATTENDANCE_POLICY, period=sc.DateRange(MONDAY, MONDAY))
    late, early = report.of("H-011")[0], report.of("H-013")[0]
    assert {s.value for s in late.statuses} == {"late"}
    assert late.late_by == _dt.timedelta(minutes=1)
    assert {s.value for s in early.statuses} == {"left_early"}
    assert early.early_by == _dt.timedelta(minutes=15)
    assert [r.rule_id for r in (*late.reasons, *early.reasons)] == ["HD-25", "HD-25"]
    assert late.reasons[0].explain("en") == (
        "H-011 clocked in 1 minute late for Shift A on Mar 2, 2026 (HD-25)"
    )
    assert late.reasons[0].explain("zh_Hans") == (
        "H-011于2026年3月2日A班上班打卡迟到1分钟（HD-25）"
    )
    assert early.reasons[0].explain("en") == (
        "H-013 clocked out 15 minutes early from Shift C on Mar 2, 2026 (HD-25)"
    )
    for reason in (*late.reasons, *early.reasons):
        assert_in_every_locale(reason)
    # H-012 (B) came to no shift that Monday and H-014 rests: absent, and on no rota day
    assert {s.value for s in report.of("H-012")[0].statuses} == {"absent"}
    assert report.of("H-014") == ()
    # 篇2 fines none of it: nothing goes to the ledger
    assert report.violations() == ()


def test_approved_leave_is_no_absence(org: sc.Organization) -> None:
    rota = week_rota(org)
    report = sc.attendance(
        rota,
        [],
        hd.ATTENDANCE_POLICY,
        leave=[("H-012", MONDAY)],
        period=sc.DateRange(MONDAY, MONDAY),
    )
    assert {s.value for s in report.of("H-012")[0].statuses} == {"on_leave"}


def test_a_punch_for_an_unknown_nurse_is_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="unknown agent"):
        sc.attendance(week_rota(org), [sc.Punch("H-099", at(MONDAY, 8))], hd.ATTENDANCE_POLICY)


# Leave (HD-28, HD-29) --------------------------------------------------------------------


def test_the_eight_leave_types_in_the_sources_order() -> None:
    assert [t.name.localize("zh_Hans") for t in hd.LEAVE_TYPES] == [
        "事假",
        "病假",
        "婚假",
        "产假",
        "丧假",
        "换休假",
        "带薪假",
        "工伤假",
    ]
    assert [t.id for t in hd.LEAVE_TYPES] == [
        "personal",
        "sick",
        "marriage",
        "maternity",
        "bereavement",
        "in-lieu",
        "paid",
        "work-injury",
    ]
    assert {t.cite for t in hd.LEAVE_TYPES} == {sc.Citation("HD-28", "001 篇2 六.2")}
    assert hd.LEAVE_POLICY.type("in-lieu").name.localize("zh_Hant") == "換休假"


@pytest.mark.parametrize("kind", [t.id for t in hd.LEAVE_TYPES])
def test_each_leave_type_is_granted_with_approval(org: sc.Organization, kind: str) -> None:
    policy = org.shift_policy.leave
    assert policy is not None
    decision = sc.review_leave(policy, leave(kind), week_rota(org))
    assert decision.accepted, decision.explain()
    assert decision.leave_type.id == kind


def test_an_unknown_leave_type_is_refused_with_the_list() -> None:
    with pytest.raises(sc.ValidationError) as caught:
        sc.review_leave(hd.LEAVE_POLICY, leave("annual"))
    assert str(caught.value) == (
        "leave type: unknown; known: personal, sick, marriage, maternity, bereavement, "
        "in-lieu, paid, work-injury (got 'annual')"
    )


def test_the_list_is_open() -> None:
    annual = hd.leave_type("annual", sc.Text(en="Annual leave", zh_Hans="年假"))
    assert annual.cite.rule_id == "HD-28"
    policy = hd.shift_policy([annual])
    assert policy.leave is not None
    assert [t.id for t in policy.leave.types][-2:] == ["work-injury", "annual"]
    assert sc.review_leave(policy.leave, leave("annual")).accepted
    assert policy.patterns == hd.SHIFT_PATTERNS
    with pytest.raises(sc.PolicyError, match="duplicate"):
        hd.leave_policy([hd.leave_type("sick", sc.Text(en="Sick", zh_Hans="病假"))])


def test_leave_without_approval_is_refused_hd_29() -> None:
    decision = sc.review_leave(hd.LEAVE_POLICY, leave("sick", approved_by=None))
    assert [r.rule_id for r in decision.breaches] == ["HD-29"]
    assert decision.explain("en") == [
        "Leave for H-012 from Mar 10, 2026 to Mar 10, 2026 is not approved (HD-29)"
    ]
    assert decision.explain("zh_Hans") == [
        "H-012自2026年3月10日至2026年3月10日的请假未获批准（HD-29）"
    ]
    for reason in decision.breaches:
        assert_in_every_locale(reason)


@pytest.mark.parametrize(
    ("filed", "accepted"),
    [
        (at(march(5), 9), True),
        (at(march(9), 23, 59), True),  # no minimum notice (AMB-12)
        (at(march(10), 0), True),  # filed as the first day starts
        (at(march(10), 7, 30), False),  # the leave has started: not 事先
        (at(march(11), 9), False),
    ],
)
def test_leave_is_filed_in_advance_with_no_minimum_notice_hd_29(
    org: sc.Organization, filed: pendulum.DateTime, accepted: bool
) -> None:
    decision = sc.review_leave(hd.LEAVE_POLICY, leave("personal", filed=filed), week_rota(org))
    assert decision.accepted is accepted
    if not accepted:
        assert [r.rule_id for r in decision.breaches] == ["HD-29"]
        for reason in decision.breaches:
            assert_in_every_locale(reason)


# Emergencies (HD-30) ---------------------------------------------------------------------


def test_an_emergency_phoned_in_with_paperwork_on_return_is_granted() -> None:
    decision = sc.review_leave(hd.LEAVE_POLICY, emergency(at(march(10), 7, 30), march(12)))
    assert decision.accepted, decision.explain()
    # phoned the head by the end of the first day, paperwork done before return
    assert sc.review_leave(hd.LEAVE_POLICY, emergency(at(march(11), 0), march(11))).accepted


def test_an_emergency_reported_after_26_hours_is_refused() -> None:
    reported = at(march(10), 0).add(hours=26)  # 02:00 on the 11th
    decision = sc.review_leave(hd.LEAVE_POLICY, emergency(reported, march(12)))
    assert [r.rule_id for r in decision.breaches] == ["HD-30"]
    assert decision.explain("en") == ["An emergency absence is reported within 24 hours (HD-30)"]
    assert decision.explain("zh_Hans") == ["紧急缺勤须在24小时内报告（HD-30）"]
    assert decision.explain("zh_Hant")[0].endswith("（HD-30）")
    assert "24" in decision.explain("zh_Hant")[0]
    assert_in_every_locale(decision.breaches[0])


def test_paperwork_a_day_late_is_refused() -> None:
    decision = sc.review_leave(hd.LEAVE_POLICY, emergency(at(march(10), 7, 30), march(13)))
    assert [r.rule_id for r in decision.breaches] == ["HD-30"]
    assert decision.explain("en") == [
        "The leave paperwork is completed on the day of return, Mar 12, 2026 (HD-30)"
    ]
    assert decision.explain("zh_Hans") == ["请假手续须在返岗当日（2026年3月12日）补办（HD-30）"]
    assert_in_every_locale(decision.breaches[0])


def test_an_emergency_never_phoned_in_breaks_both() -> None:
    decision = sc.review_leave(hd.LEAVE_POLICY, emergency(None, None))
    assert [r.rule_id for r in decision.breaches] == ["HD-30", "HD-30"]


def test_an_emergency_still_needs_the_heads_consent() -> None:
    request = sc.LeaveRequest(
        "L-3",
        "H-012",
        "sick",
        march(10),
        march(10),
        at(march(10), 7),
        emergency=True,
        reported_at=at(march(10), 7),
        paperwork_on=march(11),
    )
    decision = sc.review_leave(hd.LEAVE_POLICY, request)
    assert [r.rule_id for r in decision.breaches] == ["HD-29"]  # 经同意方能休假


def test_the_day_of_return_after_a_rest_day_is_the_next_shift(org: sc.Organization) -> None:
    # H-012 rests on Sunday 8 March; off sick on Saturday 7th, back on Monday 9th, when she
    # does the paperwork
    rota = org.rota(assignments({"H-012": "bcaabc-b"}))
    request = sc.LeaveRequest(
        "L-4",
        "H-012",
        "sick",
        march(7),
        march(7),
        at(march(7), 7),
        approved_by=HEAD,
        emergency=True,
        reported_at=at(march(7), 7),
        paperwork_on=march(9),
    )
    decision = sc.review_leave(hd.LEAVE_POLICY, request, rota)
    assert decision.accepted, decision.explain()
