"""The call centre's shift rules (CC-16 … CC-30) on a rota of its own: swaps (CC-22 …
CC-24, CC-27), handover (CC-16, CC-17), attendance (CC-29) and leave (CC-26, CC-27, CC-30).

The regulation gives no shift times, so the tests roster a deployment's own two shifts:
早班 08:00–16:00 and 晚班 16:00–24:00.  On weekdays C-001 works early and C-002 late; at
weekends C-003 early and C-004 late; C-005 is on the staff without shifts.
"""

from __future__ import annotations

import datetime as dt
import itertools

import attrs
import pendulum
import pytest
import servicecodex_callcenter_general as cc
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex.testing import organization_fixture

TZ = "Asia/Shanghai"
STAFF = ("C-001", "C-002", "C-003", "C-004", "C-005")
#: The deployment's own rota document: not a rule of the catalogue.
ROTA_DOC = sc.Citation("LOC-01", "客服部排班表")
EARLY = sc.ShiftPattern(
    "early",
    sc.Text(en="Early shift", zh_Hans="早班"),
    dt.time(8),
    dt.time(16),
    ROTA_DOC,
    breaks=[sc.Break(dt.time(12), dt.time(12, 30), sc.Text(en="Lunch", zh_Hans="午饭"))],
)
LATE = sc.ShiftPattern(
    "late",
    sc.Text(en="Late shift", zh_Hans="晚班"),
    dt.time(16),
    dt.time(0),
    ROTA_DOC,
    breaks=[sc.Break(dt.time(19), dt.time(19, 30), sc.Text(en="Dinner", zh_Hans="晚饭"))],
)
POLICY = attrs.evolve(cc.SHIFT_POLICY, patterns=[EARLY, LATE])
MARCH = sc.Month(2026, 3)
LOCALES = ("zh_Hans", "zh_Hant", "en")


org = organization_fixture("callcenter-general")


def march(day: int) -> pendulum.Date:
    return pendulum.date(2026, 3, day)


def october(day: int) -> pendulum.Date:
    return pendulum.date(2026, 10, day)


def at(day: pendulum.Date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=TZ)


def rota(first: pendulum.Date = MARCH.first, last: pendulum.Date = MARCH.last) -> sc.Rota:
    assignments = []
    for i in range((last - first).days + 1):
        day = first.add(days=i)
        weekend = day.weekday() >= 5
        assignments.append(sc.Assignment("C-003" if weekend else "C-001", day, "early"))
        assignments.append(sc.Assignment("C-004" if weekend else "C-002", day, "late"))
    return sc.Rota(POLICY, sc.BusinessCalendar(TZ, "CN"), assignments, STAFF)


def register(
    first: pendulum.Date = MARCH.first, last: pendulum.Date = MARCH.last
) -> sc.SwapRegister:
    return sc.SwapRegister(rota(first, last))


def swap(
    sid: str,
    requester: str,
    partner: str,
    day: pendulum.Date,
    payback: pendulum.Date | None = None,
    *,
    consent: tuple[str, ...] | None = None,
    approved_by: str | None = "部门经理",
    form: str | None = "换班登记表",
) -> sc.SwapRequest:
    """A swap filed three days ahead, by default with both consents, the manager's
    signature and the register form (CC-22)."""
    return sc.SwapRequest(
        sid,
        requester,
        partner,
        day,
        at(day, 9).subtract(days=3),
        payback=payback,
        consent=(requester, partner) if consent is None else consent,
        approved_by=approved_by,
        form=form,
    )


def accept(reg: sc.SwapRegister, request: sc.SwapRequest) -> sc.SwapDecision:
    decision = reg.request(request)
    assert decision.accepted, decision.explain()
    return decision


def refused(decision: sc.SwapDecision) -> list[tuple[str, str | None]]:
    assert not decision.accepted
    assert decision.rota is None
    return [(b.rule_id, b.agent_id) for b in decision.breaches]


def leave(
    agent: str,
    first: pendulum.Date,
    last: pendulum.Date | None = None,
    *,
    approved_by: str | None = "客服主管",
    kind: str = cc.LEAVE,
) -> sc.LeaveRequest:
    return sc.LeaveRequest(
        f"L-{agent}-{first}",
        agent,
        kind,
        first,
        last or first,
        at(first, 9).subtract(days=2),
        approved_by=approved_by,
    )


def review(
    request: sc.LeaveRequest, reg: sc.SwapRegister | None = None, on: sc.Rota | None = None
) -> sc.LeaveDecision:
    return sc.review_leave(cc.LEAVE_POLICY, request, on or (reg.rota if reg else None), reg)


def assert_explained(reasons: list[sc.Reason]) -> None:
    """Every reason renders in the three locales, naming its rule."""
    assert reasons
    for reason in reasons:
        assert reason.rule_id.startswith("CC-")
        rendered = [reason.explain(locale) for locale in LOCALES]
        for text in rendered:
            assert text.strip()
            assert reason.rule_id in text
        assert len(set(rendered)) == 3, rendered


# The policy ------------------------------------------------------------------------------


def test_the_hook_gives_the_rules_without_shift_times(org: sc.Organization) -> None:
    policy = org.shift_policy
    assert policy is cc.SHIFT_POLICY
    assert policy.patterns == ()
    assert (policy.rest, policy.cover, policy.meals, policy.events) == ((), (), None, ())
    assert (policy.swaps, policy.handover, policy.attendance, policy.leave) == (
        cc.SWAP_POLICY,
        cc.HANDOVER_POLICY,
        cc.ATTENDANCE_POLICY,
        cc.LEAVE_POLICY,
    )
    # a rota needs the deployment's shift times
    with pytest.raises(sc.ValidationError, match="early"):
        org.rota([sc.Assignment("C-001", march(2), "early")], STAFF)


def test_the_swap_rules_cite_section_seven() -> None:
    swaps = cc.SWAP_POLICY
    assert swaps.max_per_month == cc.MAX_SWAPS_PER_MONTH == 3
    assert swaps.min_rest == dt.timedelta(0)  # AMB-08: no minimum rest is stated
    assert {
        name: (cite.rule_id, cite.clause)
        for name in ("approval", "limit", "consecutive", "back_to_back", "holidays", "leave")
        if (cite := getattr(swaps, name)) is not None
    } == {
        "approval": ("CC-22", "001 篇1 七.3"),
        "limit": ("CC-23", "001 篇1 七.4"),
        "consecutive": ("CC-24", "001 篇1 七.4"),
        "back_to_back": ("CC-24", "001 篇1 七.4"),
        "holidays": ("CC-27", "001 篇1 七.7"),
        "leave": ("CC-26", "001 篇1 七.6"),
    }


def test_a_deployment_adds_its_shift_times_in_a_plugin_of_its_own() -> None:
    class Rota:
        """The deployment's shift times, over the call centre's rules."""

        @sc.hookimpl
        def servicecodex_shift_policy(self) -> sc.ShiftPolicy:
            return attrs.evolve(cc.SHIFT_POLICY, patterns=[EARLY, LATE])

    org = sc.Organization.from_plugins(
        {"callcenter-general": cc, "our-rota": Rota()}, precedence=["our-rota"]
    )
    assert org.id == "callcenter-general"
    assert [p.id for p in org.shift_policy.patterns] == ["early", "late"]
    assert org.shift_policy.swaps is cc.SWAP_POLICY
    on_duty = org.rota([sc.Assignment("C-001", march(2), "early")], STAFF)
    shift = on_duty.shift_of("C-001", march(2))
    assert shift is not None
    assert (shift.start, shift.end) == (at(march(2), 8), at(march(2), 16))
    # without precedence the two answers conflict
    with pytest.raises(sc.PluginConflictError):
        _ = sc.Organization.from_plugins(
            {"callcenter-general": cc, "our-rota": Rota()}
        ).shift_policy


# Swaps: CC-22 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("missing", "en"),
    [
        ({"consent": ("C-001",)}, "C-003 has not consented to the swap (CC-22)"),
        ({"approved_by": None}, "The swap is not approved by the manager (CC-22)"),
        ({"form": None}, "No swap registration form is filed (CC-22)"),
    ],
)
def test_consent_form_and_manager_signature_cc_22(missing: dict[str, object], en: str) -> None:
    reg = register()
    decision = reg.request(swap("S1", "C-001", "C-003", march(2), **missing))  # type: ignore[arg-type]
    assert [rule for rule, _ in refused(decision)] == ["CC-22"]
    assert decision.explain("en") == [en]
    assert reg.accepted == []
    assert reg.rota.shift_of("C-001", march(2)) is not None


def test_nothing_signed_names_each_missing_step_cc_22() -> None:
    decision = register().request(
        swap("S1", "C-001", "C-003", march(2), consent=(), approved_by="", form="")
    )
    assert refused(decision) == [
        ("CC-22", "C-001"),
        ("CC-22", "C-003"),
        ("CC-22", None),
        ("CC-22", None),
    ]
    assert decision.explain("zh_Hans") == [
        "C-001未同意换班（CC-22）",
        "C-003未同意换班（CC-22）",
        "换班未经部门经理批准（CC-22）",
        "未填写换班登记表（CC-22）",
    ]
    assert decision.explain("zh_Hant") == [
        "C-001未同意換班（CC-22）",
        "C-003未同意換班（CC-22）",
        "換班未經部門經理批准（CC-22）",
        "未填寫換班登記表（CC-22）",
    ]
    assert_explained([b.reason for b in decision.breaches])


# Swaps: CC-23 -----------------------------------------------------------------------------


def test_a_fourth_swap_in_a_month_is_refused_counting_both_people_cc_23() -> None:
    reg = register()
    accept(reg, swap("S1", "C-001", "C-003", march(2)))
    accept(reg, swap("S2", "C-001", "C-003", march(4)))
    accept(reg, swap("S3", "C-001", "C-004", march(11)))
    assert len(reg.swaps_of("C-001", MARCH)) == 3
    assert len(reg.swaps_of("C-003", MARCH)) == 2
    # C-003 asks C-001 to work her Saturday: her third swap, but C-001's fourth
    decision = reg.request(swap("S4", "C-003", "C-001", march(14)))
    assert refused(decision) == [("CC-23", "C-001")]
    assert [b.day for b in decision.breaches] == [march(14)]
    assert decision.explain("en") == ["C-001 would swap 4 times in March 2026; at most 3 (CC-23)"]
    assert decision.explain("zh_Hans") == ["C-001在2026年3月将换班4次；最多3次（CC-23）"]
    assert_explained([b.reason for b in decision.breaches])
    # C-003 may still swap a third time with someone else
    accept(reg, swap("S5", "C-003", "C-002", march(21)))
    # and now the two of them are each at three: both are named
    assert len(reg.swaps_of("C-003", MARCH)) == 3
    decision = reg.request(swap("S6", "C-001", "C-003", march(25)))
    assert refused(decision) == [("CC-23", "C-001"), ("CC-23", "C-003")]


def test_a_swap_and_its_payback_count_once_amb_08() -> None:
    """AMB-08: each approved swap counts once for each of the two people, its payback
    (还班) included, in the month of the swapped day."""
    reg = register(march(1), pendulum.date(2026, 4, 30))
    accept(reg, swap("S1", "C-001", "C-003", march(2), march(7)))
    accept(reg, swap("S2", "C-001", "C-003", march(10), march(14)))
    # swapped on 31 March, paid back on 4 April: a March swap
    accept(reg, swap("S3", "C-001", "C-003", march(31), pendulum.date(2026, 4, 4)))
    for person in ("C-001", "C-003"):
        assert len(reg.swaps_of(person, MARCH)) == 3
        assert reg.swaps_of(person, sc.Month(2026, 4)) == []
    assert refused(reg.request(swap("S4", "C-001", "C-004", march(18)))) == [("CC-23", "C-001")]
    accept(reg, swap("S5", "C-001", "C-004", pendulum.date(2026, 4, 8)))


# Swaps: CC-24 -----------------------------------------------------------------------------


def test_no_consecutive_swaps_cc_24() -> None:
    reg = register()
    # C-001 gives Monday 2 March to C-003 and pays it back on Saturday 7 March
    accept(reg, swap("S1", "C-001", "C-003", march(2), march(7)))
    # the next day
    decision = reg.request(swap("S2", "C-001", "C-004", march(3)))
    assert refused(decision) == [("CC-24", "C-001")]
    assert decision.explain("en") == [
        "C-001 swaps on Mar 3, 2026 and on Mar 2, 2026: no consecutive swaps (CC-24)"
    ]
    assert decision.explain("zh_Hans") == [
        "C-001于2026年3月3日和2026年3月2日换班：不允许连续换班（CC-24）"
    ]
    assert_explained([b.reason for b in decision.breaches])
    # the day before the payback
    assert ("CC-24", "C-001") in refused(reg.request(swap("S3", "C-001", "C-004", march(6))))
    # the swapped shift swapped again on the same day
    assert refused(reg.request(swap("S4", "C-003", "C-004", march(2)))) == [("CC-24", "C-003")]
    # two days apart is not consecutive
    accept(reg, swap("S5", "C-001", "C-004", march(4)))


def test_no_back_to_back_shifts_after_a_swap_cc_24() -> None:
    """连班: C-002 works Monday's late shift; taking C-001's early shift as well gives
    him 08:00–24:00 (AMB-08: refused)."""
    decision = register().request(swap("S1", "C-001", "C-002", march(2)))
    assert refused(decision) == [("CC-24", "C-002")]
    assert decision.explain("en") == [
        "C-002 would work back to back: Early shift on Mar 2, 2026 and Late shift on "
        "Mar 2, 2026 (CC-24)"
    ]
    assert decision.explain("zh_Hant") == [
        "C-002將連班：2026年3月2日早班和2026年3月2日晚班（CC-24）"
    ]
    assert_explained([b.reason for b in decision.breaches])
    # the one paying back is held to it too: C-001 repaying with C-002's late shift of
    # Tuesday 3 March would work early and late that day
    decision = register().request(swap("S2", "C-001", "C-002", march(2), march(3)))
    assert refused(decision) == [("CC-24", "C-001"), ("CC-24", "C-002")]
    assert decision.explain("zh_Hans")[0] == (
        "C-001将连班：2026年3月3日早班和2026年3月3日晚班（CC-24）"
    )


def test_a_night_then_the_next_morning_is_no_double_shift_amb_08() -> None:
    """The regulation states no minimum rest: C-004's Sunday late shift ends at 24:00 and
    Monday's early shift starts at 08:00, not back to back."""
    decision = accept(register(), swap("S1", "C-001", "C-004", march(2)))
    assert decision.rota is not None
    sunday, monday = decision.rota.agent("C-004")[:2]
    assert (sunday.day, sunday.end, monday.start) == (march(1), at(march(2), 0), at(march(2), 8))


# Swaps: CC-27 -----------------------------------------------------------------------------


def test_no_swap_on_national_day_cc_27() -> None:
    reg = register(pendulum.date(2026, 9, 28), october(31))
    decision = reg.request(swap("S1", "C-001", "C-003", october(1)))
    assert [(b.rule_id, b.day) for b in decision.breaches] == [("CC-27", october(1))]
    assert decision.explain("en") == ["Oct 1, 2026 is a public holiday: no swaps (CC-27)"]
    assert decision.explain("zh_Hans") == ["2026年10月1日是法定节假日：不允许换班（CC-27）"]
    assert_explained([b.reason for b in decision.breaches])
    # nor paid back on one: Saturday 3 October is in the National Day holiday
    decision = reg.request(swap("S2", "C-001", "C-003", pendulum.date(2026, 9, 29), october(3)))
    assert [(b.rule_id, b.day) for b in decision.breaches] == [("CC-27", october(3))]
    # the week after is a working week again
    accept(reg, swap("S3", "C-001", "C-003", october(8)))


def test_every_broken_rule_is_named_at_once() -> None:
    reg = register(pendulum.date(2026, 9, 28), october(31))
    accept(reg, swap("S0", "C-001", "C-003", pendulum.date(2026, 9, 30)))
    for sid, day in (("S1", 9), ("S2", 13), ("S3", 20)):
        accept(reg, swap(sid, "C-001", "C-004", october(day)))
    decision = reg.request(swap("S4", "C-001", "C-002", october(1), consent=("C-001",), form=None))
    assert refused(decision) == [
        ("CC-22", "C-002"),  # no consent
        ("CC-22", None),  # no register form
        ("CC-23", "C-001"),  # a fourth swap in October
        ("CC-24", "C-001"),  # the day after 30 September's swap
        ("CC-27", None),  # National Day
        ("CC-24", "C-002"),  # 连班: early and late on 1 October
    ]
    for locale in LOCALES:
        assert len(decision.explain(locale)) == 6


# Accepted swaps and their payback ---------------------------------------------------------


def test_an_accepted_swap_changes_the_rota_and_its_payback_is_tracked() -> None:
    reg = register()
    before = reg.rota
    decision = accept(reg, swap("S1", "C-001", "C-003", march(2), march(7)))
    assert decision.explain("zh_Hans") == []
    new = decision.rota
    assert new is reg.rota
    assert new is not None
    assert new.shift_of("C-001", march(2)) is None
    assert new.shift_of("C-003", march(7)) is None
    for agent, day in (("C-003", march(2)), ("C-001", march(7))):
        shift = new.shift_of(agent, day)
        assert shift is not None
        assert shift.pattern is EARLY
    assert before.shift_of("C-001", march(2)) is not None  # the old rota is kept
    # the payback is owed, overdue once its day has passed, and done when worked
    (request,) = reg.accepted
    assert reg.owed(march(5)) == [(request, False)]
    assert reg.owed(march(8)) == [(request, True)]
    reg.paid_back("S1", march(7))
    assert reg.owed(march(8)) == []


def test_a_swap_without_payback_owes_nothing() -> None:
    reg = register()
    accept(reg, swap("S1", "C-001", "C-003", march(2)))
    assert reg.owed(march(31)) == []
    with pytest.raises(sc.ValidationError, match="has no payback"):
        reg.paid_back("S1", march(7))


def test_bad_swaps_raise() -> None:
    reg = register()
    with pytest.raises(sc.ValidationError, match="a swap with oneself"):
        swap("S1", "C-001", "C-001", march(2))
    with pytest.raises(sc.ValidationError, match="unknown agent"):
        reg.request(swap("S1", "C-001", "C-009", march(2)))
    with pytest.raises(sc.ValidationError, match="C-001 has no shift that day"):
        reg.request(swap("S1", "C-001", "C-003", march(7)))


# Leave: CC-26, CC-27, CC-30 ----------------------------------------------------------------


def test_leave_needs_a_superiors_approval_cc_30() -> None:
    decision = review(leave("C-001", march(10), approved_by=None))
    assert [r.rule_id for r in decision.breaches] == ["CC-30"]
    assert decision.explain("en") == [
        "Leave for C-001 from Mar 10, 2026 to Mar 10, 2026 is not approved (CC-30)"
    ]
    assert decision.explain("zh_Hans") == [
        "C-001自2026年3月10日至2026年3月10日的请假未获批准（CC-30）"
    ]
    assert_explained(list(decision.breaches))
    approved = review(leave("C-001", march(10)))
    assert approved.accepted
    assert approved.leave_type.name.localize("zh_Hant") == "請假"


def test_no_notice_period_is_required() -> None:
    """CC-30 names no notice: approved leave asked for the same morning is granted."""
    same_day = sc.LeaveRequest(
        "L-1", "C-001", cc.LEAVE, march(10), march(10), at(march(10), 7), approved_by="客服主管"
    )
    assert review(same_day, on=rota()).accepted


def test_the_only_leave_type_is_leave() -> None:
    assert [t.id for t in cc.LEAVE_POLICY.types] == [cc.LEAVE]
    with pytest.raises(sc.ValidationError, match="unknown; known: leave"):
        review(leave("C-001", march(10), kind="sick"))


def test_no_leave_on_a_swapped_or_payback_day_cc_26() -> None:
    reg = register()
    accept(reg, swap("S1", "C-001", "C-003", march(2), march(7)))
    # C-003 works the swapped shift on 2 March, C-001 the payback on 7 March
    for agent, day in (("C-003", march(2)), ("C-001", march(7))):
        decision = review(leave(agent, day), reg)
        assert [(r.rule_id, r.facts["day"]) for r in decision.breaches] == [("CC-26", day)]
        assert_explained(list(decision.breaches))
    decision = review(leave("C-001", march(6), march(8)), reg)
    assert decision.explain("en") == [
        "Mar 7, 2026 is a swapped or payback day of C-001: no leave (CC-26)"
    ]
    assert decision.explain("zh_Hans") == ["2026年3月7日是C-001的换班或还班日：不得请假（CC-26）"]
    # other days are free
    assert review(leave("C-001", march(10)), reg).accepted


def test_staff_on_duty_on_a_public_holiday_take_no_leave_cc_27() -> None:
    holiday_rota = rota(pendulum.date(2026, 9, 28), october(31))
    # C-001 works the early shift on Thursday 1 and Friday 2 October
    decision = review(leave("C-001", october(1), october(2)), on=holiday_rota)
    assert [(r.rule_id, r.facts["day"]) for r in decision.breaches] == [
        ("CC-27", october(1)),
        ("CC-27", october(2)),
    ]
    assert decision.explain("en")[0] == (
        "C-001 is on duty on the public holiday Oct 1, 2026: no leave (CC-27)"
    )
    assert decision.explain("zh_Hans")[0] == "C-001在法定节假日2026年10月1日当班，不得请假（CC-27）"
    assert_explained(list(decision.breaches))
    # C-003 works weekends: Thursday and Friday are not her shifts
    assert review(leave("C-003", october(1), october(2)), on=holiday_rota).accepted
    # after the holiday C-001 may take leave again
    assert review(leave("C-001", october(8)), on=holiday_rota).accepted


# Handover: CC-16, CC-17 --------------------------------------------------------------------


def handover(**conditions: object) -> sc.HandoverDecision:
    """C-001 hands the desk over to C-002 at 16:00 on Monday 2 March."""
    log = sc.HandoverLog(
        at(march(2), 16),
        "C-001",
        "C-002",
        equipment="正常",
        problems=[sc.OpenProblem("会员20260302退订待回访")],
        staff_changes=["3月7日C-001与C-003换班"],
        signed_by_outgoing=True,
        signed_by_incoming=True,
    )
    given = {"incoming_arrived_at": at(march(2), 15, 55), **conditions}
    return sc.review_handover(
        cc.HANDOVER_POLICY,
        log,
        sc.HandoverConditions(**given),  # type: ignore[arg-type]
    )


def test_the_outgoing_agent_stays_until_the_incoming_one_arrives_cc_17() -> None:
    for arrived in (None, at(march(2), 16, 10)):
        decision = handover(incoming_arrived_at=arrived)
        assert not decision.allowed
        assert [r.rule_id for r in decision.breaches] == ["CC-17"]
        assert decision.explain("en") == ["C-001 may not leave before C-002 arrives (CC-17)"]
        assert decision.explain("zh_Hans") == ["C-002未到岗，C-001不得离岗（CC-17）"]
        assert_explained(list(decision.breaches))
    assert handover().allowed


def test_no_handover_before_the_preparation_is_done_cc_16() -> None:
    decision = handover(preparation_complete=False)
    assert [r.rule_id for r in decision.breaches] == ["CC-16"]
    assert decision.explain("en") == ["No handover before the preparation is complete (CC-16)"]
    assert_explained(list(decision.breaches))


def test_what_the_regulation_does_not_set_does_not_block_a_handover() -> None:
    """No rule of the regulation on incidents, equipment, fitness, signatures or
    punctuality: the handover goes ahead, and the open problem is carried over."""
    decision = handover(
        major_incident_open=True, equipment_starting_or_stopping=True, incoming_fit=False
    )
    assert decision.allowed
    assert [p.summary for p in decision.carried_over] == ["会员20260302退订待回访"]


# Attendance: CC-29, and CC-26's absenteeism ------------------------------------------------


def test_late_early_and_absent_are_recorded_without_a_fine_cc_29(org: sc.Organization) -> None:
    monday, tuesday, wednesday = march(2), march(3), march(4)
    punches = [
        sc.Punch("C-001", at(monday, 8, 1)),  # one minute late: no grace
        sc.Punch("C-001", at(monday, 15, 50), "out"),  # ten minutes early
        # C-001 does not come on Tuesday; on Wednesday she has approved leave
    ]
    for day in (monday, tuesday, wednesday):
        punches.append(sc.Punch("C-002", at(day, 15, 58)))
        punches.append(sc.Punch("C-002", at(day.add(days=1), 0), "out"))
    report = sc.attendance(
        rota(monday, wednesday),
        punches,
        cc.ATTENDANCE_POLICY,
        leave=[("C-001", wednesday)],
        period=sc.DateRange(monday, wednesday),
    )
    statuses = {(d.agent_id, d.day): d.statuses for d in report.days}
    assert statuses == {
        ("C-001", monday): {sc.DayStatus.LATE, sc.DayStatus.LEFT_EARLY},
        ("C-001", tuesday): {sc.DayStatus.ABSENT},
        ("C-001", wednesday): {sc.DayStatus.ON_LEAVE},
        ("C-002", monday): {sc.DayStatus.PRESENT},
        ("C-002", tuesday): {sc.DayStatus.PRESENT},
        ("C-002", wednesday): {sc.DayStatus.PRESENT},
    }
    assert [(v.agent_id, v.code) for v in report.violations()] == [
        ("C-001", cc.LATENESS),
        ("C-001", cc.EARLY_LEAVING),
        ("C-001", cc.ABSENTEEISM),
    ]
    ledger = sc.Ledger()
    for violation in report.violations():
        ledger.record(violation)
    assessed = org.penalty_schedule.assess("C-001", ledger, MARCH, org.calendar)
    assert assessed.total == sc.Money(0, "CNY")
    assert assessed.explain("zh_Hans") == [
        # lateness at the clock-in, early leaving at the clock-out
        "2026年3月2日迟到：已记录，未定罚款金额（CC-29）",
        "2026年3月2日早退：已记录，未定罚款金额（CC-29）",
        "2026年3月3日无故旷工：已记录，未定罚款金额（CC-29）",
    ]
    reasons = [r for d in report.days for r in d.reasons]
    assert_explained(reasons)


def test_staying_away_on_a_refused_swap_day_is_absenteeism_cc_26(org: sc.Organization) -> None:
    """「换班和还班均不得请假,否则按旷工处理」: C-003 took C-001's Monday; her leave for it
    is refused, she stays away, and the day is recorded as absenteeism."""
    reg = register()
    accept(reg, swap("S1", "C-001", "C-003", march(2), march(7)))
    decision = review(leave("C-003", march(2)), reg)
    assert not decision.accepted
    report = sc.attendance(
        reg.rota, [], cc.ATTENDANCE_POLICY, period=sc.DateRange(march(2), march(2))
    )
    absent = [(v.agent_id, v.code) for v in report.violations() if v.agent_id == "C-003"]
    assert absent == [("C-003", cc.ABSENTEEISM)]
    assert cc.LEAVE_POLICY.absence_code == cc.ABSENTEEISM
    ledger = sc.Ledger()
    for violation in report.violations():
        ledger.record(violation)
    assessed = org.penalty_schedule.assess("C-003", ledger, MARCH, org.calendar)
    assert assessed.explain("en") == [
        "Absence without approved leave (absenteeism) on Mar 2, 2026: recorded, no fixed "
        "fine (CC-29)"
    ]


def test_make_up_punches_have_no_deadline() -> None:
    """The regulation sets no make-up rule: a make-up filed weeks later still counts."""
    missed = at(march(2), 8)
    late_form = sc.MakeUpRequest("C-001", "in", missed, at(march(30), 9), "打卡机故障")
    report = sc.attendance(
        rota(march(2), march(2)),
        [sc.Punch("C-001", at(march(2), 16), "out")],
        cc.ATTENDANCE_POLICY,
        makeups=[late_form],
        period=sc.DateRange(march(2), march(2)),
    )
    assert report.makeups[0].accepted
    assert report.of("C-001")[0].statuses == {sc.DayStatus.PRESENT}


# Properties ------------------------------------------------------------------------------

_DAYS = st.integers(min_value=1, max_value=31)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(STAFF[:4]),
            st.sampled_from(STAFF[:4]),
            _DAYS,
            st.one_of(st.none(), _DAYS),
        ),
        max_size=12,
    )
)
def test_accepted_swaps_keep_every_rule(requests: list[tuple[str, str, int, int | None]]) -> None:
    """Whatever is asked, what is accepted keeps CC-23, CC-24 and CC-27: at most 3 swaps a
    month each, no two swap days of a person within a day of each other, nobody with two
    shifts on one date, nothing on a holiday — and every shift still worked by someone."""
    reg = register()
    for i, (requester, partner, day, payback) in enumerate(requests):
        if requester == partner or payback == day:
            continue
        if reg.rota.shift_of(requester, march(day)) is None:
            continue
        if payback is not None and reg.rota.shift_of(partner, march(payback)) is None:
            continue
        decision = reg.request(
            swap(f"S{i}", requester, partner, march(day), march(payback) if payback else None)
        )
        assert decision.accepted == (decision.rota is not None)
    for person in STAFF[:4]:
        assert len(reg.swaps_of(person, MARCH)) <= 3
        mine = [s for s in reg.accepted if person in s.people]
        for a, b in itertools.combinations(mine, 2):
            assert all(abs((x - y).days) > 1 for x in a.days for y in b.days)
        shifts = reg.rota.agent(person)
        assert len({s.day for s in shifts}) == len(shifts)
    assert len(reg.rota.shifts) == 2 * 31
    for day in range(1, 32):
        assert sorted(s.pattern.id for s in reg.rota.on(march(day))) == ["early", "late"]
