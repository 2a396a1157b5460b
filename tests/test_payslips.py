"""Payslips: one agent's month of pay line by line, each line with its reason, and the
annual settlement of the guaranteed minimum.

Real numbers from the regulations: EL-18 (junior 2200), TB-08 (guaranteed 2000 / 2200 /
2500 by service year, settled annually, AMB-40), TB-09 (trial 1600 for one month, no
bonus), TB-13 (streak awards, AMB-41), TB-14 (full attendance 100), TB-15 … TB-17 (awards
of 100 that stack, AMB-35), TB-11 (marginal commission; the tier table is ours, AMB-38),
TB-12 (bonus pool), TB-39 (fines 50, 100, … doubling), TB-49 (−100 below 60), EH-34 …
EH-37 (weighted bonus, AMB-50).  Every table is built here, not taken from a plugin.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from decimal import Decimal

import pendulum
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex.testing import make_organization

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
MARCH = sc.Month(2026, 3)
RULE_AT_END = re.compile(r"[(（][A-Z]{2,4}-\d{2,3}[)）]$")


def cny(amount: Decimal | int | str) -> sc.Money:
    return sc.Money(amount, "CNY")


def usd(amount: Decimal | int | str) -> sc.Money:
    return sc.Money(amount, "USD")


def amounts(slip: sc.Payslip) -> list[tuple[str, str]]:
    """Each line's code and amount, as printed."""
    return [(line.code, str(line.amount.amount)) for line in slip.lines]


# Citations: rule ids and clauses from RULES.md.
EL17 = sc.Citation("EL-17", "002 第一篇 六.1")
EL18 = sc.Citation("EL-18", "002 第一篇 六.2")
EL19 = sc.Citation("EL-19", "002 第一篇 六.3")
TB08 = sc.Citation("TB-08", "002 P3b 二(二)")
TB09 = sc.Citation("TB-09", "002 P3b 二(二)")
TB11 = sc.Citation("TB-11", "002 P3b (1)")
TB12 = sc.Citation("TB-12", "002 P3b (g)")
TB13 = sc.Citation("TB-13", "002 P3b (e)")
TB14 = sc.Citation("TB-14", "002 P1 六(1)")
TB15 = sc.Citation("TB-15", "002 P1 六(3)")
TB16 = sc.Citation("TB-16", "002 P1 六(3)")
TB17 = sc.Citation("TB-17", "002 P1 六(4)")
TB26 = sc.Citation("TB-26", "002 P3b (2)")
TB39 = sc.Citation("TB-39", "002 第二篇 P1 七(1)")
TB45 = sc.Citation("TB-45", "002 P2 2.獎懲制度 4)")
TB49 = sc.Citation("TB-49", "002 P3b (e)")
EH34 = sc.Citation("EH-34", "003 绩效考核 一.A")
EH35 = sc.Citation("EH-35", "003 绩效考核 一.B")
EH36 = sc.Citation("EH-36", "003 绩效考核 一.C")
EH37 = sc.Citation("EH-37", "003 绩效考核 二")

# EL-17 … EL-19: the lower rungs of the ecommerce-ladder table.
EL_TRIAL = sc.SalaryBand(
    "trial", sc.Text(en="New CS on trial", zh_Hant="新員工(試用期)"), cny(1800), EL17
)
EL_JUNIOR = sc.SalaryBand("junior", sc.Text(en="Junior CS", zh_Hant="初級客服"), cny(2200), EL18)
EL_MIDDLE = sc.SalaryBand(
    "intermediate", sc.Text(en="Intermediate CS", zh_Hant="中級客服"), cny(2500), EL19
)
# AMB-38: taobao-shop names no base pay; the base is the first year's minimum (TB-08).
TB_JUNIOR = sc.SalaryBand("junior", sc.Text(en="Junior CS", zh_Hant="初級客服"), cny(2000), TB08)

FULL_ATTENDANCE = sc.AttendanceBonus(cny(100), TB14)
FAIL = sc.FailDeduction(cny(100), TB49)
TOP_SALES = sc.Award("top-sales", sc.Text(en="Top sales", zh_Hant="銷售業績第一"), cny(100), TB15)
TOP_COMPOSITE = sc.Award(
    "top-composite", sc.Text(en="Top composite score", zh_Hant="綜合評分最高"), cny(100), TB16
)
TOP_CONVERSION = sc.Award(
    "top-conversion", sc.Text(en="Top conversion rate", zh_Hant="轉化率最高"), cny(100), TB17
)
FIRST_COMPOSITE = sc.StreakAward(
    "first-composite",
    sc.Text(en="First in composite score", zh_Hant="綜合業績第一"),
    3,
    cny(100),
    TB13,
)
# AMB-38: the source has no tier table; a plausible one, documented here only.
TIERS = sc.CommissionTiers(
    [(cny(0), Decimal("0.01")), (cny(10000), Decimal("0.02")), (cny(30000), Decimal("0.03"))],
    TB11,
)
MINIMUMS = (
    sc.GuaranteedMinimum(1, cny(2000), TB08),
    sc.GuaranteedMinimum(2, cny(2200), TB08),
    sc.GuaranteedMinimum(3, cny(2500), TB08),
)


def el_bands() -> sc.SalaryBands:
    """EL's pay with full attendance and the fail deduction, no minimum."""
    return sc.SalaryBands(
        "CNY",
        [EL_TRIAL, EL_JUNIOR, EL_MIDDLE],
        full_attendance=FULL_ATTENDANCE,
        fail_deduction=FAIL,
    )


def tb_bands(
    settlement: sc.MinimumSettlement = sc.MinimumSettlement.ANNUAL,
    *,
    base: sc.Money | None = None,
    trial: bool = True,
) -> sc.SalaryBands:
    """The taobao-shop table (TB-07 … TB-18, TB-49)."""
    band = TB_JUNIOR if base is None else sc.SalaryBand("junior", TB_JUNIOR.name, base, TB08)
    return sc.SalaryBands(
        "CNY",
        [band],
        trial=sc.TrialPay(cny(1600), 1, False, TB09) if trial else None,
        minimums=MINIMUMS,
        settlement=settlement,
        full_attendance=FULL_ATTENDANCE,
        awards=[TOP_SALES, TOP_COMPOSITE, TOP_CONVERSION],
        streak_awards=[FIRST_COMPOSITE],
        fail_deduction=FAIL,
        commission=TIERS,
        bonus_pool=sc.BonusPool(TB12),
    )


MONTHLY = sc.MinimumSettlement.MONTHLY
ANNUAL = sc.MinimumSettlement.ANNUAL

# TB-26 / TB-49: the composite appraisal out of 100, pass mark 60.
COMPOSITE = sc.AppraisalScheme(
    [sc.Criterion("composite", sc.Text(en="Composite appraisal", zh_Hant="綜合考評"), 100, TB26)],
    [sc.PeriodKind.MONTH],
    TB26,
    pass_mark=sc.PassMark(60, TB49),
)
UNMARKED = sc.AppraisalScheme(
    [sc.Criterion("composite", sc.Text(en="Composite appraisal", zh_Hant="綜合考評"), 100, TB26)],
    [sc.PeriodKind.MONTH],
    TB26,
)
# EH-34 … EH-36: 60% / 30% / 10%.
WEIGHTED = sc.AppraisalScheme(
    [
        sc.Criterion(
            "workload", sc.Text(en="Workload", zh_Hans="工作量"), 100, EH34, Decimal("0.6")
        ),
        sc.Criterion(
            "appraisal", sc.Text(en="Appraisal", zh_Hans="绩效考核"), 100, EH35, Decimal("0.3")
        ),
        sc.Criterion(
            "tests", sc.Text(en="Other tests", zh_Hans="其它测评"), 100, EH36, Decimal("0.1")
        ),
    ],
    [sc.PeriodKind.MONTH],
    EH37,
)


def composite(month: sc.Month, score: Decimal | int | str, agent_id: str = "A-017") -> sc.Scorecard:
    return COMPOSITE.score(agent_id, month, {"composite": score})


def hire(
    on: dt.date,
    *,
    rung: str = "junior",
    agent_id: str = "A-017",
    status: sc.AgentStatus = sc.AgentStatus.REGULAR,
    probation_end: dt.date | None = None,
) -> sc.Agent:
    return sc.Agent(
        agent_id,
        "王芳",
        hired=on,
        rung=rung,
        rung_since=on,
        status=status,
        probation_end=probation_end,
    )


# Hired 5 January 2025: March 2026 is in service year 2 (14 whole months on 31 March).
VETERAN = hire(pendulum.date(2025, 1, 5))
# Hired 2 March 2026: March 2026 is the trial month (TB-09).
NEWCOMER = hire(pendulum.date(2026, 3, 2))

# TB-39: 50 the first time in a month, doubled on each repeat; TB-45: free twice, then 5.
PHONE = sc.PenaltyRule(
    "phone-at-work",
    sc.Text(en="Phone or TV at work", zh_Hans="上班看电视"),
    TB39,
    sc.DoublingFine(cny(50)),
)
UNANSWERED = sc.PenaltyRule(
    "phone-unanswered",
    sc.Text(en="Customer complaint verified", zh_Hans="客户投诉属实"),
    TB45,
    sc.ThresholdFine(cny(5), free=2),
)
SCHEDULE = sc.PenaltySchedule("CNY", [PHONE, UNANSWERED])


def at(day: int, hour: int = 10, month: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, tz=TZ)


def violations(code: str, days: Iterable[int], agent_id: str = "A-017") -> list[sc.Violation]:
    return [sc.Violation(f"V-{code}-{d}", agent_id, code, at(d)) for d in days]


def assess(vs: list[sc.Violation], month: sc.Month = MARCH) -> sc.Assessment:
    return SCHEDULE.assess("A-017", vs, month, CAL)


# A junior's month (EL-18, TB-14) ---------------------------------------------------------


def test_a_junior_with_full_attendance_is_paid_base_and_bonus() -> None:
    agent = hire(pendulum.date(2025, 9, 1))
    slip = sc.payslip(agent, MARCH, el_bands(), attendance=sc.AttendanceFacts())
    assert amounts(slip) == [("base", "2200.00"), ("full-attendance", "100.00")]
    assert [line.kind for line in slip.lines] == [sc.LineKind.EARNING, sc.LineKind.EARNING]
    assert [line.reason.rule_id for line in slip.lines] == ["EL-18", "TB-14"]
    assert slip.earnings == slip.lines
    assert (slip.gross, slip.deductions, slip.fines) == (cny(2300), cny(0), cny(0))
    assert slip.pay == cny(2300)
    assert slip.net == cny(2300)
    assert slip.band is EL_JUNIOR
    assert (slip.agent_id, slip.agent_name, slip.rung, slip.month) == (
        "A-017",
        "王芳",
        "junior",
        MARCH,
    )
    assert (slip.service_year, slip.trial, slip.currency) == (1, False, "CNY")
    assert slip.minimum is None
    assert slip.settlement is None
    assert not slip.minimum_applied
    assert slip.minimum_line is None
    assert slip.notes == ()
    assert slip.explain("en") == [
        "Junior CS: base pay CN¥2,200.00 a month (EL-18)",
        "A whole month worked with no lateness, early leaving, absence or leave: CN¥100.00 (TB-14)",
    ]


def test_a_month_with_lateness_or_leave_earns_no_attendance_bonus_and_says_why() -> None:
    agent = hire(pendulum.date(2025, 9, 1))
    facts = sc.AttendanceFacts(late=2, on_leave=1)
    slip = sc.payslip(agent, MARCH, el_bands(), attendance=facts)
    assert amounts(slip) == [("base", "2200.00")]
    assert slip.net == cny(2200)
    assert [n.rule_id for n in slip.notes] == ["TB-14"]
    assert slip.notes[0].explain("en") == (
        "No full-attendance bonus of CN¥100.00: times late: 2 and days on leave: 1 (TB-14)"
    )
    assert slip.notes[0].explain("zh_Hans_CN") == "无全勤奖¥100.00：迟到2次和请假1天（TB-14）"
    assert slip.notes[0].explain("zh_Hant_TW") == "無全勤獎CN¥100.00：遲到2次和請假1天（TB-14）"


@pytest.mark.parametrize(
    "facts",
    [
        sc.AttendanceFacts(late=1),
        sc.AttendanceFacts(left_early=1),
        sc.AttendanceFacts(absent=1),
        sc.AttendanceFacts(on_leave=1),
        sc.AttendanceFacts(whole_month=False),
    ],
)
def test_any_shortfall_loses_the_attendance_bonus(facts: sc.AttendanceFacts) -> None:
    assert not facts.full
    slip = sc.payslip(VETERAN, MARCH, el_bands(), attendance=facts)
    assert "full-attendance" not in [line.code for line in slip.lines]
    assert len(facts.shortfalls()) == 1


def test_without_attendance_facts_no_attendance_bonus_is_considered() -> None:
    slip = sc.payslip(VETERAN, MARCH, el_bands())
    assert amounts(slip) == [("base", "2200.00")]
    assert slip.notes == ()


@pytest.mark.parametrize("field", ["late", "left_early", "absent", "on_leave"])
@pytest.mark.parametrize("value", [-1, True, 1.0])
def test_attendance_counts_are_whole_numbers(field: str, value: object) -> None:
    with pytest.raises(sc.ValidationError) as info:
        sc.AttendanceFacts(**{field: value})  # type: ignore[arg-type]
    assert info.value.field == f"AttendanceFacts.{field}"


def test_the_band_comes_from_the_ladder_when_one_is_given() -> None:
    # Without a ladder the rung id is the band id; an unknown rung is refused.
    agent = hire(pendulum.date(2025, 9, 1), rung="intermediate")
    assert sc.payslip(agent, MARCH, el_bands()).band is EL_MIDDLE
    stranger = hire(pendulum.date(2025, 9, 1), rung="expert")
    with pytest.raises(sc.ValidationError, match="known: trial, junior, intermediate"):
        sc.payslip(stranger, MARCH, el_bands())


# Trial months (TB-09, AMB-44) ------------------------------------------------------------


def test_a_trial_month_is_paid_1600_without_any_bonus() -> None:
    slip = sc.payslip(
        NEWCOMER,
        MARCH,
        tb_bands(MONTHLY),
        attendance=sc.AttendanceFacts(),
        awards=["top-sales"],
        streaks={"first-composite": 3},
        sales=cny(45000),
        bonus=cny(300),
    )
    assert slip.trial
    assert amounts(slip) == [("trial-pay", "1600.00")]
    assert slip.lines[0].reason.rule_id == "TB-09"
    assert slip.lines[0].reason.explain("en") == (
        "Within 1 month of the hire date Mar 2, 2026: trial pay CN¥1,600.00 (TB-09)"
    )
    assert (slip.gross, slip.net) == (cny(1600), cny(1600))
    # No guaranteed minimum applies in a trial month, even though 1600 < 2000.
    assert slip.minimum is None
    assert not slip.minimum_applied
    assert slip.explain("en")[1:] == [
        "Not paid in a trial month, which carries no bonus: Full-attendance bonus CN¥100.00 (TB-09)",
        "Not paid in a trial month, which carries no bonus: Top sales CN¥100.00 (TB-09)",
        "Not paid in a trial month, which carries no bonus: First in composite score CN¥100.00 (TB-09)",
        "Not paid in a trial month, which carries no bonus: Commission CN¥950.00 (TB-09)",
        "Not paid in a trial month, which carries no bonus: Bonus CN¥300.00 (TB-09)",
        "Trial month: no guaranteed minimum applies (TB-09)",
    ]
    assert "（试用月）" in slip.format("zh_Hans_CN")


def test_the_month_after_the_trial_is_paid_in_full() -> None:
    slip = sc.payslip(
        NEWCOMER, sc.Month(2026, 4), tb_bands(MONTHLY), attendance=sc.AttendanceFacts()
    )
    assert not slip.trial
    assert amounts(slip) == [("base", "2000.00"), ("full-attendance", "100.00")]
    assert slip.minimum == MINIMUMS[0]
    assert not slip.minimum_applied


def test_an_agent_still_on_probation_is_paid_the_trial_amount() -> None:
    agent = hire(
        pendulum.date(2026, 1, 5),
        status=sc.AgentStatus.PROBATION,
        probation_end=pendulum.date(2026, 4, 30),
    )
    slip = sc.payslip(agent, sc.Month(2026, 4), tb_bands(MONTHLY))
    assert slip.trial
    assert amounts(slip) == [("trial-pay", "1600.00")]
    assert slip.lines[0].reason.explain("en") == (
        "On probation on Apr 30, 2026: trial pay CN¥1,600.00 (TB-09)"
    )
    after = sc.payslip(agent, sc.Month(2026, 5), tb_bands(MONTHLY))
    assert not after.trial
    assert amounts(after) == [("base", "2000.00")]


def test_a_trial_with_bonuses_pays_them() -> None:
    # AMB-44: each table sets its own trial pay and length (EL-17: 1800, with bonuses here).
    bands = sc.SalaryBands(
        "CNY",
        [EL_JUNIOR],
        trial=sc.TrialPay(cny(1800), 3, True, EL17),
        full_attendance=FULL_ATTENDANCE,
    )
    agent = hire(pendulum.date(2026, 1, 1))
    slips = [
        sc.payslip(agent, sc.Month(2026, m), bands, attendance=sc.AttendanceFacts())
        for m in (1, 3, 4)
    ]
    assert [s.trial for s in slips] == [True, True, False]
    assert [amounts(s) for s in slips] == [
        [("trial-pay", "1800.00"), ("full-attendance", "100.00")],
        [("trial-pay", "1800.00"), ("full-attendance", "100.00")],
        [("base", "2200.00"), ("full-attendance", "100.00")],
    ]


# The guaranteed minimum (TB-08, AMB-40) --------------------------------------------------


def test_a_month_below_the_minimum_is_topped_up_and_says_so() -> None:
    slip = sc.payslip(VETERAN, MARCH, tb_bands(MONTHLY))
    assert slip.service_year == 2
    assert slip.minimum == MINIMUMS[1]
    assert slip.settlement is MONTHLY
    assert amounts(slip) == [("base", "2000.00"), ("minimum-top-up", "200.00")]
    assert slip.minimum_applied
    top_up = slip.minimum_line
    assert top_up is not None
    assert top_up.kind is sc.LineKind.EARNING
    assert top_up.reason.rule_id == "TB-08"
    assert top_up.reason.explain("en") == (
        "Pay of CN¥2,000.00 is below the guaranteed minimum of CN¥2,200.00 for service year 2:"
        " topped up by CN¥200.00 (TB-08)"
    )
    assert top_up.title("zh_Hans") == "保底补足"
    assert (slip.gross, slip.pay, slip.net) == (cny(2200), cny(2200), cny(2200))
    assert "Guaranteed minimum CN¥2,200.00 applied" in slip.format("en")
    assert "已按保底¥2,200.00发放" in slip.format("zh_Hans_CN")
    data = slip.to_dict()
    assert (data["minimum"], data["minimum_applied"], data["settlement"]) == (
        "2200.00",
        True,
        "monthly",
    )


@pytest.mark.parametrize(
    ("month", "year", "minimum"),
    [
        (sc.Month(2025, 1), 1, "2000.00"),
        (sc.Month(2025, 12), 1, "2000.00"),  # 11 whole months on 31 December
        (sc.Month(2026, 1), 2, "2200.00"),  # 12 whole months on 31 January
        (sc.Month(2026, 12), 2, "2200.00"),
        (sc.Month(2027, 1), 3, "2500.00"),
        (sc.Month(2031, 6), 7, "2500.00"),  # year 3 and later: 2500 (AMB-40)
    ],
)
def test_the_minimum_follows_the_service_year(month: sc.Month, year: int, minimum: str) -> None:
    slip = sc.payslip(VETERAN, month, tb_bands(MONTHLY, trial=False))
    assert slip.service_year == year
    assert slip.minimum is not None
    assert slip.minimum.amount == cny(minimum)
    assert slip.pay == slip.minimum.amount  # a 2000 base is topped up from year 2 on
    assert slip.minimum_applied is (year > 1)


def test_a_month_above_the_minimum_is_not_topped_up() -> None:
    slip = sc.payslip(VETERAN, MARCH, tb_bands(MONTHLY), sales=cny(45000), awards=["top-sales"])
    assert amounts(slip) == [
        ("base", "2000.00"),
        ("award:top-sales", "100.00"),
        ("commission", "950.00"),
    ]
    assert not slip.minimum_applied
    assert slip.notes[-1].explain("en") == (
        "Pay of CN¥3,050.00 meets the guaranteed minimum of CN¥2,200.00 for service year 2 (TB-08)"
    )


def test_fines_come_after_the_minimum() -> None:
    # The minimum guarantees pay before fines: 2000 is topped up to 2200, then 150 is fined.
    slip = sc.payslip(
        VETERAN, MARCH, tb_bands(MONTHLY), assessment=assess(violations("phone-at-work", [3, 10]))
    )
    assert amounts(slip) == [
        ("base", "2000.00"),
        ("minimum-top-up", "200.00"),
        ("fine:V-phone-at-work-3", "50.00"),
        ("fine:V-phone-at-work-10", "100.00"),
    ]
    assert (slip.pay, slip.fines, slip.net) == (cny(2200), cny(150), cny(2050))


def test_the_fail_deduction_counts_against_the_minimum() -> None:
    # Pay = earnings less deductions: 2000 − 100 = 1900 is topped up to 2200.
    slip = sc.payslip(VETERAN, MARCH, tb_bands(MONTHLY), appraisal=composite(MARCH, 55))
    assert amounts(slip) == [
        ("base", "2000.00"),
        ("fail-deduction", "100.00"),
        ("minimum-top-up", "300.00"),
    ]
    assert (slip.gross, slip.deductions, slip.pay) == (cny(2300), cny(100), cny(2200))


def test_an_annually_settled_month_only_notes_the_minimum() -> None:
    slip = sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL))
    assert amounts(slip) == [("base", "2000.00")]
    assert not slip.minimum_applied
    assert slip.minimum == MINIMUMS[1]
    assert slip.settlement is ANNUAL
    assert slip.notes[-1].explain("en") == (
        "Guaranteed minimum of CN¥2,200.00 a month for service year 2, settled annually"
        " (pay this month CN¥2,000.00) (TB-08)"
    )
    assert slip.to_dict()["settlement"] == "annual"


# Annual settlement (TB-08, AMB-40) -------------------------------------------------------


def test_a_year_is_settled_to_the_sum_of_its_monthly_minimums() -> None:
    # Hired 1 July 2025: January to June 2026 are service year 1 (2000 a month), July to
    # December year 2 (2200).  Base 2000 a month; appraisals failed in February and
    # March (−100 each, TB-49); full attendance in April (+100, TB-14).
    agent = hire(pendulum.date(2025, 7, 1))
    bands = tb_bands(ANNUAL)
    slips = [
        sc.payslip(
            agent,
            sc.Month(2026, m),
            bands,
            appraisal=composite(sc.Month(2026, m), 55 if m in (2, 3) else 75),
            attendance=sc.AttendanceFacts() if m == 4 else sc.AttendanceFacts(late=1),
        )
        for m in range(1, 13)
    ]
    assert [s.service_year for s in slips] == [1] * 6 + [2] * 6
    assert not any(s.minimum_applied for s in slips)
    settled = sc.settle_year(slips)
    assert settled.agent_id == "A-017"
    assert settled.months == tuple(sc.Month(2026, m) for m in range(1, 13))
    assert settled.actual == cny(23900)  # 12 × 2000 − 2 × 100 + 100
    assert settled.guaranteed == cny(25200)  # 6 × 2000 + 6 × 2200
    assert settled.top_up == cny(1300)
    assert settled.settled == cny(25200)
    assert settled.reason.rule_id == "TB-08"
    assert settled.explain("zh_Hans_CN") == (
        "按12个月年度结算：工资¥23,900.00，保底合计¥25,200.00，补足¥1,300.00（TB-08）"
    )
    assert settled.explain("en") == (
        "Annual settlement of 12 months: pay CN¥23,900.00, guaranteed CN¥25,200.00,"
        " top-up CN¥1,300.00 (TB-08)"
    )


def test_a_year_above_its_minimums_needs_no_top_up() -> None:
    bands = tb_bands(ANNUAL, trial=False)
    slips = [
        sc.payslip(VETERAN, sc.Month(2025, m), bands, sales=cny(20000)) for m in range(1, 13)
    ]  # 2000 + 300 commission a month, against 2000
    settled = sc.settle_year(reversed(slips))
    assert settled.actual == cny(27600)
    assert settled.guaranteed == cny(24000)
    assert settled.top_up == cny(0)
    assert settled.settled == cny(27600)
    assert settled.months[0] == sc.Month(2025, 1)  # in order, whatever the order given


def test_a_trial_month_is_left_out_of_the_settlement() -> None:
    agent = hire(pendulum.date(2026, 1, 1))
    bands = tb_bands(ANNUAL)
    slips = [
        sc.payslip(
            agent,
            sc.Month(2026, m),
            bands,
            appraisal=composite(sc.Month(2026, m), 55 if m == 2 else 80),
        )
        for m in range(1, 13)
    ]
    assert slips[0].trial
    assert slips[0].minimum is None
    settled = sc.settle_year(slips)
    assert len(settled.months) == 11
    assert settled.actual == cny(21900)  # 11 × 2000 − 100; the 1600 trial month is not counted
    assert settled.guaranteed == cny(22000)
    assert settled.top_up == cny(100)


def test_monthly_settled_slips_never_need_an_annual_top_up() -> None:
    slips = [sc.payslip(VETERAN, sc.Month(2026, m), tb_bands(MONTHLY)) for m in range(1, 13)]
    settled = sc.settle_year(slips)
    assert settled.actual == settled.guaranteed == cny(26400)
    assert settled.top_up == cny(0)


def test_settle_year_refuses_what_is_not_one_agents_year() -> None:
    bands = tb_bands(ANNUAL)
    march = sc.payslip(VETERAN, MARCH, bands)
    with pytest.raises(sc.ValidationError) as info:
        sc.settle_year([])
    assert info.value.field == "payslips"
    other = hire(pendulum.date(2025, 1, 5), agent_id="A-018")
    with pytest.raises(sc.ValidationError, match="more than one agent"):
        sc.settle_year([march, sc.payslip(other, sc.Month(2026, 4), bands)])
    with pytest.raises(sc.ValidationError, match="same month"):
        sc.settle_year([march, march])
    thirteen = [sc.payslip(VETERAN, sc.Month(2025, m), bands) for m in range(1, 13)] + [march]
    with pytest.raises(sc.ValidationError, match="at most 12"):
        sc.settle_year(thirteen)
    with pytest.raises(sc.ValidationError, match="no payslip has a guaranteed minimum"):
        sc.settle_year([sc.payslip(VETERAN, MARCH, el_bands_for_veteran())])
    dollars = sc.SalaryBands(
        "USD",
        [sc.SalaryBand("junior", TB_JUNIOR.name, usd(300), TB08)],
        minimums=[sc.GuaranteedMinimum(1, usd(300), TB08)],
    )
    with pytest.raises(sc.CurrencyMismatchError):
        sc.settle_year([march, sc.payslip(VETERAN, sc.Month(2026, 4), dollars)])


def el_bands_for_veteran() -> sc.SalaryBands:
    return sc.SalaryBands("CNY", [sc.SalaryBand("junior", EL_JUNIOR.name, cny(2200), EL18)])


# The fail deduction (TB-49) --------------------------------------------------------------


def test_a_failed_appraisal_deducts_100() -> None:
    card = composite(MARCH, 55)
    assert card.passed is False
    slip = sc.payslip(VETERAN, MARCH, el_bands(), appraisal=card)
    assert amounts(slip) == [("base", "2200.00"), ("fail-deduction", "100.00")]
    line = slip.lines[1]
    assert line.kind is sc.LineKind.DEDUCTION
    assert line.reason.rule_id == "TB-49"
    assert line.reason.explain("en") == (
        "Appraisal total 55 for March 2026 is below the pass mark: CN¥100.00 deducted (TB-49)"
    )
    assert (slip.gross, slip.deductions, slip.pay, slip.net) == (
        cny(2200),
        cny(100),
        cny(2100),
        cny(2100),
    )


@pytest.mark.parametrize("score", [60, 75, 100])
def test_a_passed_appraisal_deducts_nothing(score: int) -> None:
    card = composite(MARCH, score)
    assert card.passed is True
    slip = sc.payslip(VETERAN, MARCH, el_bands(), appraisal=card)
    assert amounts(slip) == [("base", "2200.00")]
    assert slip.deductions == cny(0)


def test_an_appraisal_without_a_pass_mark_deducts_nothing() -> None:
    card = UNMARKED.score("A-017", MARCH, {"composite": 10})
    assert card.passed is None
    slip = sc.payslip(VETERAN, MARCH, el_bands(), appraisal=card)
    assert slip.deductions == cny(0)


def test_the_appraisal_must_be_the_agents_own_for_the_month() -> None:
    with pytest.raises(sc.ValidationError, match="another agent") as info:
        sc.payslip(VETERAN, MARCH, el_bands(), appraisal=composite(MARCH, 55, "A-018"))
    assert info.value.field == "appraisal"
    with pytest.raises(sc.ValidationError, match="February 2026") as info:
        sc.payslip(VETERAN, MARCH, el_bands(), appraisal=composite(sc.Month(2026, 2), 55))
    assert info.value.field == "appraisal"
    with pytest.raises(sc.ValidationError) as info:
        sc.payslip(VETERAN, MARCH, el_bands(), appraisal=55)  # type: ignore[arg-type]
    assert info.value.field == "appraisal"


# Fines (TB-39) ---------------------------------------------------------------------------


def test_fines_are_lines_with_their_reasons_and_lower_the_net() -> None:
    assessment = assess(violations("phone-at-work", [3, 10]))
    assert assessment.total == cny(150)  # 50 + 100 (TB-39 doubling)
    plain = sc.payslip(VETERAN, MARCH, el_bands())
    slip = sc.payslip(VETERAN, MARCH, el_bands(), assessment=assessment)
    fines = [line for line in slip.lines if line.kind is sc.LineKind.FINE]
    assert [(f.code, str(f.amount.amount)) for f in fines] == [
        ("fine:V-phone-at-work-3", "50.00"),
        ("fine:V-phone-at-work-10", "100.00"),
    ]
    assert [f.title("zh_Hans") for f in fines] == ["上班看电视", "上班看电视"]
    assert [f.reason.explain("en") for f in fines] == [
        "Phone or TV at work on Mar 3, 2026: occurrence 1 in March 2026, CN¥50.00 × 1 = CN¥50.00 (TB-39)",
        "Phone or TV at work on Mar 10, 2026: occurrence 2 in March 2026, CN¥50.00 × 2 = CN¥100.00 (TB-39)",
    ]
    assert slip.fines == cny(150)
    assert slip.pay == plain.pay  # fines are not deductions
    assert slip.net == plain.net - cny(150) == cny(2050)
    text = slip.format("zh_Hans_CN")
    assert "罚款合计：¥150.00" in text
    assert "实发合计：¥2,050.00" in text


def test_a_free_occurrence_is_a_note_not_a_line() -> None:
    assessment = assess(violations("phone-unanswered", [2, 9, 16]))
    slip = sc.payslip(VETERAN, MARCH, el_bands(), assessment=assessment)
    assert amounts(slip) == [("base", "2200.00"), ("fine:V-phone-unanswered-16", "5.00")]
    assert [n.rule_id for n in slip.notes] == ["TB-45", "TB-45"]
    assert slip.net == cny(2195)


def test_fines_larger_than_the_pay_leave_a_negative_net() -> None:
    assessment = assess(violations("phone-at-work", range(1, 8)))  # 50 × (2^7 − 1) = 6350
    slip = sc.payslip(VETERAN, MARCH, el_bands(), assessment=assessment)
    assert slip.fines == cny(6350)
    assert slip.net == cny(2200 - 6350)
    assert slip.to_dict()["net"] == "-4150.00"


def test_the_assessment_must_be_the_agents_own_for_the_month_in_the_tables_currency() -> None:
    march = assess(violations("phone-at-work", [3]))
    with pytest.raises(sc.ValidationError, match="not of April 2026") as info:
        sc.payslip(VETERAN, sc.Month(2026, 4), el_bands(), assessment=march)
    assert info.value.field == "assessment"
    other = SCHEDULE.assess("A-018", violations("phone-at-work", [3], "A-018"), MARCH, CAL)
    with pytest.raises(sc.ValidationError, match="another agent") as info:
        sc.payslip(VETERAN, MARCH, el_bands(), assessment=other)
    assert info.value.field == "assessment"
    dollars = sc.PenaltySchedule(
        "USD", [sc.PenaltyRule("phone-at-work", PHONE.name, TB39, sc.DoublingFine(usd(7)))]
    )
    in_usd = dollars.assess("A-017", violations("phone-at-work", [3]), MARCH, CAL)
    with pytest.raises(sc.CurrencyMismatchError) as info:
        sc.payslip(VETERAN, MARCH, el_bands(), assessment=in_usd)
    assert info.value.field == "assessment"


# Commission (TB-11, AMB-38) --------------------------------------------------------------


def test_commission_is_computed_marginally_with_its_breakdown() -> None:
    slip = sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), sales=cny(45000))
    assert amounts(slip) == [("base", "2000.00"), ("commission", "950.00")]
    line = slip.lines[1]
    assert line.reason.rule_id == "TB-11"
    assert line.reason.explain("en") == (
        "Commission on sales of CN¥45,000.00, each tier at its own rate:"
        " CN¥10,000.00 × 1% + CN¥20,000.00 × 2% + CN¥15,000.00 × 3% = CN¥950.00 (TB-11)"
    )
    assert "¥10,000.00 × 1% + ¥20,000.00 × 2% + ¥15,000.00 × 3% = ¥950.00" in line.reason.explain(
        "zh_Hans_CN"
    )
    assert slip.gross == cny(2950)


def test_no_sales_earn_no_commission_and_say_so() -> None:
    slip = sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), sales=cny(0))
    assert "commission" not in [line.code for line in slip.lines]
    assert slip.notes[0].explain("en") == "Sales of CN¥0.00: no commission (TB-11)"


# Streak awards (TB-13, AMB-41) and awards (TB-15 … TB-17, AMB-35) ------------------------


@pytest.mark.parametrize(
    ("run", "paid"),
    [(1, None), (2, None), (3, "100.00"), (4, None), (5, None), (6, "200.00"), (9, "300.00")],
)
def test_a_streak_award_is_paid_when_the_run_reaches_a_multiple_of_3(
    run: int, paid: str | None
) -> None:
    slip = sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), streaks={"first-composite": run})
    lines = {line.code: str(line.amount.amount) for line in slip.lines}
    assert lines.get("streak:first-composite") == paid
    if paid is None:
        assert slip.notes[0].explain("en") == (
            f"First in composite score: {run} month{'s' if run > 1 else ''} in a row, paid when"
            " the run reaches a multiple of 3 (TB-13)"
        )
    else:
        assert slip.lines[1].reason.explain("en") == (
            f"First in composite score: {run} months in a row, CN¥100.00 × {run} ÷ 3 ="
            f" CN¥{paid} (TB-13)"
        )


def test_a_streak_of_0_is_neither_paid_nor_noted() -> None:
    slip = sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), streaks={"first-composite": 0})
    assert amounts(slip) == [("base", "2000.00")]
    assert len(slip.notes) == 1  # only the annual minimum's note


@pytest.mark.parametrize(
    ("streaks", "field"),
    [
        ({"best-smile": 3}, "streaks[best-smile]"),
        ({"first-composite": -1}, "streaks[first-composite]"),
        ({"first-composite": True}, "streaks[first-composite]"),
        ({"first-composite": 3.0}, "streaks[first-composite]"),
    ],
)
def test_streaks_are_known_codes_with_whole_runs(streaks: dict[str, object], field: str) -> None:
    with pytest.raises(sc.ValidationError) as info:
        sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), streaks=streaks)  # type: ignore[arg-type]
    assert info.value.field == field


def test_awards_stack() -> None:
    # TB-17 / AMB-35: one agent winning two awards gets both.
    slip = sc.payslip(
        VETERAN, MARCH, tb_bands(ANNUAL), awards=["top-sales", "top-conversion", "top-composite"]
    )
    assert amounts(slip) == [
        ("base", "2000.00"),
        ("award:top-sales", "100.00"),
        ("award:top-conversion", "100.00"),
        ("award:top-composite", "100.00"),
    ]
    assert [line.reason.rule_id for line in slip.lines[1:]] == ["TB-15", "TB-17", "TB-16"]
    assert slip.lines[1].reason.explain("en") == "Top sales in March 2026: CN¥100.00 (TB-15)"
    assert slip.lines[2].title("zh_Hans") == "转化率最高"
    assert slip.gross == cny(2300)


@pytest.mark.parametrize(
    ("awards", "field"),
    [
        (["top-sales", "top-sales"], "awards[top-sales]"),  # counted once (AMB-35)
        (["best-smile"], "awards[best-smile]"),
        ("top-sales", "awards"),
    ],
)
def test_awards_are_known_codes_each_once(awards: object, field: str) -> None:
    with pytest.raises(sc.ValidationError) as info:
        sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), awards=awards)  # type: ignore[arg-type]
    assert info.value.field == field


# Bonuses: weighted (EH-34 … EH-37, AMB-50) and from a pool (TB-12) ------------------------


def test_the_weighted_bonus_is_base_times_total_over_100() -> None:
    bands = sc.SalaryBands("CNY", [EL_JUNIOR], weighted_bonus=sc.WeightedBonus(cny(500), EH37))
    card = WEIGHTED.score("A-017", MARCH, {"workload": 80, "appraisal": 90, "tests": 70})
    assert card.total == 82
    slip = sc.payslip(VETERAN, MARCH, bands, appraisal=card)
    assert amounts(slip) == [("base", "2200.00"), ("bonus", "410.00")]
    assert slip.lines[1].reason.explain("en") == (
        "Bonus: CN¥500.00 × appraisal total 82 ÷ 100 = CN¥410.00 (EH-37)"
    )
    assert slip.gross == cny("2610.00")
    # Without an appraisal there is nothing to weigh.
    assert amounts(sc.payslip(VETERAN, MARCH, bands)) == [("base", "2200.00")]


def test_a_share_of_the_pool_is_paid_as_the_bonus() -> None:
    shares = sc.split_pool(cny("1000.00"), {"A-017": 90, "A-018": 85, "A-019": 70})
    slip = sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), bonus=shares["A-017"])
    assert amounts(slip) == [("base", "2000.00"), ("bonus", "367.35")]
    assert slip.lines[1].reason.explain("en") == "Share of the bonus pool: CN¥367.35 (TB-12)"


def test_a_given_bonus_wins_over_the_weighted_bonus() -> None:
    bands = sc.SalaryBands("CNY", [EL_JUNIOR], weighted_bonus=sc.WeightedBonus(cny(500), EH37))
    card = WEIGHTED.score("A-017", MARCH, {"workload": 80, "appraisal": 90, "tests": 70})
    slip = sc.payslip(VETERAN, MARCH, bands, appraisal=card, bonus=cny(123))
    assert amounts(slip) == [("base", "2200.00"), ("bonus", "123.00")]
    assert slip.lines[1].reason.explain("en") == "Performance bonus: CN¥123.00 (EH-37)"


# What pay is made of, what the share pays, what payroll takes off (TB-07, TB-10, TB-18) ---

TB07 = sc.Citation("TB-07", "002 P3b 二(二)")
TB10 = sc.Citation("TB-10", "002 P3b 二(二)")
TB18 = sc.Citation("TB-18", "002 P1 二.5")


def tb_pay_bands() -> sc.SalaryBands:
    """The taobao-shop table with TB-07, TB-10 and TB-18."""
    bands = tb_bands(ANNUAL)
    return sc.SalaryBands(
        "CNY",
        bands.bands,
        trial=bands.trial,
        minimums=bands.minimums,
        settlement=ANNUAL,
        full_attendance=FULL_ATTENDANCE,
        fail_deduction=FAIL,
        bonus_pool=sc.BonusPool(TB12, formula=TB10),
        performance_pay=sc.PerformancePay(TB07),
        payroll_deductions=sc.PayrollDeductions(TB18),
    )


def test_a_month_without_its_performance_bonus_says_so() -> None:
    """TB-07: pay = base + performance bonus; a slip without the bonus notes it, once."""
    slip = sc.payslip(VETERAN, MARCH, tb_pay_bands())
    assert [n.explain("en") for n in slip.notes if n.rule_id == "TB-07"] == [
        "Pay = base salary + performance bonus: no performance bonus given for March 2026 (TB-07)"
    ]
    paid = sc.payslip(VETERAN, MARCH, tb_pay_bands(), bonus=cny(300))
    assert all(n.rule_id != "TB-07" for n in paid.notes)
    # The trial month has no bonus at all (TB-09): nothing is missing.
    assert all(n.rule_id != "TB-07" for n in sc.payslip(NEWCOMER, MARCH, tb_pay_bands()).notes)


def test_a_weighted_bonus_is_the_performance_bonus() -> None:
    """With a weighted bonus the table computes the bonus itself, or says why not."""
    bands = sc.SalaryBands(
        "CNY",
        [EL_JUNIOR],
        weighted_bonus=sc.WeightedBonus(cny(500), EH37),
        performance_pay=sc.PerformancePay(EH37),
    )
    card = WEIGHTED.score("A-017", MARCH, {"workload": 80, "appraisal": 90, "tests": 70})
    assert amounts(sc.payslip(VETERAN, MARCH, bands, appraisal=card))[1] == ("bonus", "410.00")
    without = sc.payslip(VETERAN, MARCH, bands)
    assert [n.explain("en") for n in without.notes] == [
        "No bonus: the month has no appraisal scorecard (EH-37)"
    ]


def test_performance_pay_needs_a_way_to_pay_the_bonus() -> None:
    with pytest.raises(sc.PolicyError, match="give a bonus_pool or a weighted_bonus"):
        sc.SalaryBands("CNY", [EL_JUNIOR], performance_pay=sc.PerformancePay(TB07))
    with pytest.raises(sc.ValidationError):
        sc.PerformancePay("TB-07")  # type: ignore[arg-type]


def test_the_pool_share_is_the_performance_bonus_when_a_formula_is_cited() -> None:
    """TB-10: the bonus line cites the formula; the table describes it after the split."""
    slip = sc.payslip(VETERAN, MARCH, tb_pay_bands(), bonus=cny("367.35"))
    assert slip.lines[1].reason.explain("zh_Hans") == (
        "绩效奖金（业绩考评 × 综合考评）：奖金分配份额¥367.35（TB-10）"
    )
    said = [r.rule_id for r in tb_pay_bands().describe_all()]
    assert said[0] == "TB-07"
    assert said[said.index("TB-12") + 1] == "TB-10"
    assert said[-1] == "TB-18"
    assert sc.BonusPool(TB12).describe_formula() is None


def test_pool_shares_follow_the_scorecards() -> None:
    """TB-12 on scorecards: 92 / 73 / 58 of 223 share 1000.00; the two cents left after
    rounding down go to the largest remainders (A-3 lost 0.97 of a cent, A-1 0.61)."""
    cards = [
        composite(MARCH, score, agent) for agent, score in (("A-1", 92), ("A-2", 73), ("A-3", 58))
    ]
    pool = sc.BonusPool(TB12, formula=TB10)
    shares = pool.shares(cny("1000.00"), cards)
    assert shares == sc.split_pool(cny("1000.00"), {"A-1": 92, "A-2": 73, "A-3": 58})
    assert [str(s.amount) for s in shares.values()] == ["412.56", "327.35", "260.09"]
    april = composite(sc.Month(2026, 4), 80, "A-4")
    for bad, message in (
        ([], "give the month's scorecards"),
        (["A-1"], "give the month's scorecards"),
        ([cards[0], april], "one month's pool at a time"),
        ([cards[0], cards[0]], "two scorecards for one agent"),
    ):
        with pytest.raises(sc.ValidationError, match=message):
            pool.shares(cny("1000.00"), bad)  # type: ignore[arg-type]


def test_payroll_says_what_it_took_off() -> None:
    """TB-18: the fines (TB-39: 50 then 100) and an attendance bonus not earned (TB-14)."""
    fined = assess(violations("phone-at-work", [5, 19]))
    both = sc.payslip(
        VETERAN, MARCH, tb_pay_bands(), assessment=fined, attendance=sc.AttendanceFacts(late=1)
    )
    assert both.fines == cny(150)
    assert both.notes[-1].explain("en") == (
        "Deducted at payroll: fines of CN¥150.00, and the full-attendance bonus of CN¥100.00 "
        "is withheld (TB-18)"
    )
    lost = sc.payslip(VETERAN, MARCH, tb_pay_bands(), attendance=sc.AttendanceFacts(absent=1))
    assert lost.notes[-1].explain("zh_Hant") == "結算工資時扣除：未得的全勤獎CN¥100.00（TB-18）"
    clean = sc.payslip(VETERAN, MARCH, tb_pay_bands(), attendance=sc.AttendanceFacts())
    assert all(n.rule_id != "TB-18" for n in clean.notes)
    # A trial month pays no bonus (TB-09): a late newcomer has none withheld.
    trial = sc.payslip(NEWCOMER, MARCH, tb_pay_bands(), attendance=sc.AttendanceFacts(late=1))
    assert all(n.rule_id != "TB-18" for n in trial.notes)
    # Without the rule, fines are still deducted, with no payroll note.
    plain = sc.payslip(VETERAN, MARCH, tb_bands(ANNUAL), assessment=fined)
    assert plain.fines == cny(150)
    assert all(n.rule_id != "TB-18" for n in plain.notes)


@given(st.lists(st.integers(min_value=1, max_value=31), max_size=6))
@settings(max_examples=40, deadline=None)
def test_the_payroll_note_states_the_fines_on_the_slip(days: list[int]) -> None:
    fined = assess(violations("phone-unanswered", sorted(set(days))))
    slip = sc.payslip(VETERAN, MARCH, tb_pay_bands(), assessment=fined)
    notes = [n for n in slip.notes if n.rule_id == "TB-18"]
    if slip.fines.amount == 0:
        assert notes == []
    else:
        assert [n.facts["fines"] for n in notes] == [slip.fines]


# Rounding --------------------------------------------------------------------------------


ONE_CRITERION = sc.AppraisalScheme(
    [sc.Criterion("score", sc.Text(en="Score", zh_Hans="得分"), 100, EH37)],
    [sc.PeriodKind.MONTH],
    EH37,
)


def rounding_bands() -> sc.SalaryBands:
    return sc.SalaryBands(
        "CNY",
        [EL_JUNIOR],
        weighted_bonus=sc.WeightedBonus(cny(500), EH37),
        commission=sc.CommissionTiers([(cny(0), Decimal("0.01"))], TB11),
    )


@pytest.mark.parametrize(
    ("total", "bonus"),
    [
        ("66.667", "333.34"),  # 333.335 → 333.34
        ("66.669", "333.35"),  # 333.345 → 333.35 half-up (half-even would give 333.34)
        ("66.665", "333.33"),  # 333.325 → 333.33
        ("66.6649", "333.32"),  # 333.3245 → 333.32
    ],
)
def test_each_line_is_rounded_half_up_to_the_cent(total: str, bonus: str) -> None:
    card = ONE_CRITERION.score("A-017", MARCH, {"score": Decimal(total)})
    slip = sc.payslip(VETERAN, MARCH, rounding_bands(), appraisal=card)
    assert amounts(slip) == [("base", "2200.00"), ("bonus", bonus)]
    assert slip.lines[1].reason.explain("en").endswith(f"= CN¥{bonus} (EH-37)")


def test_totals_are_sums_of_the_rounded_lines() -> None:
    # Bonus 500 × 66.667 ÷ 100 = 333.335 → 333.34; commission 500.50 × 1% = 5.005 → 5.01.
    # The exact sum 2538.340 would round to 2538.34; the slip adds the printed lines.
    card = ONE_CRITERION.score("A-017", MARCH, {"score": Decimal("66.667")})
    slip = sc.payslip(VETERAN, MARCH, rounding_bands(), appraisal=card, sales=cny("500.50"))
    assert amounts(slip) == [("base", "2200.00"), ("commission", "5.01"), ("bonus", "333.34")]
    assert slip.gross == cny("2538.35")
    assert slip.net == cny("2538.35")
    for line in slip.lines:
        assert line.amount.amount.as_tuple().exponent == -2
    data = slip.to_dict()
    assert data["gross"] == "2538.35"
    assert data["rounding"] == {
        "mode": "ROUND_HALF_UP",
        "quantum": "0.01",
        "applies_to": "each line",
    }
    assert sc.PAYSLIP_ROUNDING.localize("en") == (
        "Each line is rounded half-up to 0.01; totals are sums of the rounded lines"
    )
    assert slip.format("en").endswith(sc.PAYSLIP_ROUNDING.localize("en"))


def test_a_payslip_refuses_lines_that_break_its_rules() -> None:
    reason = EL_JUNIOR.describe()
    base: dict[str, object] = {
        "agent_id": "A-017",
        "agent_name": "王芳",
        "month": MARCH,
        "rung": "junior",
        "band": EL_JUNIOR,
        "currency": "CNY",
        "service_year": 1,
        "trial": False,
        "notes": (),
    }
    for amount, error in (
        (cny("2200.005"), sc.ValidationError),
        (cny(-1), sc.ValidationError),
        (usd(2200), sc.CurrencyMismatchError),
    ):
        line = sc.PayLine(sc.LineKind.EARNING, "base", EL_JUNIOR.name, amount, reason)
        with pytest.raises(error) as info:
            sc.Payslip(lines=(line,), **base)  # type: ignore[arg-type]
        assert info.value.field == "Payslip.lines[base].amount"


# Rendering -------------------------------------------------------------------------------


def full_slip() -> sc.Payslip:
    """A slip with an earning, a deduction, a fine and a note."""
    return sc.payslip(
        VETERAN,
        MARCH,
        el_bands(),
        appraisal=composite(MARCH, 55),
        assessment=assess(violations("phone-at-work", [3])),
        attendance=sc.AttendanceFacts(late=1),
    )


def test_format_in_simplified_chinese_shows_yuan_amounts() -> None:
    text = full_slip().format("zh_Hans_CN")
    assert text.splitlines()[:2] == [
        "工资条：王芳（A-017），2026年3月",
        "薪级：初级客服 · 第2服务年度",
    ]
    assert "  初级客服：¥2,200.00" in text
    assert "应发合计：¥2,200.00" in text
    assert "扣款合计：¥100.00" in text
    assert "罚款合计：¥50.00" in text
    assert "实发合计：¥2,050.00" in text
    assert "CN¥" not in text
    assert "US$" not in text


def test_format_renders_in_traditional_chinese_and_english() -> None:
    hant = full_slip().format("zh_Hant_TW")
    assert hant.splitlines()[0] == "工資條：王芳（A-017），2026年3月"
    assert "實發合計：CN¥2,050.00" in hant
    en = full_slip().format("en")
    assert en.splitlines()[:3] == [
        "Payslip: 王芳 (A-017), March 2026",
        "Band: Junior CS · service year 2",
        "Earnings",
    ]
    assert "Net pay: CN¥2,050.00" in en
    assert "  Appraisal deduction: CN¥100.00" in en
    assert "Notes" in en


def test_format_says_none_for_an_empty_section() -> None:
    text = sc.payslip(VETERAN, MARCH, el_bands()).format("en")
    assert text.splitlines()[5:10] == [
        "Deductions",
        "  none",
        "Fines",
        "  none",
        "Gross pay: CN¥2,200.00",
    ]
    assert "Notes" not in text
    assert "Guaranteed minimum" not in text


@pytest.mark.parametrize("locale", ["en", "zh_Hans_CN", "zh_Hant_TW", "zh_Hans", "zh_Hant"])
def test_every_explanation_ends_with_its_rule_id(locale: str) -> None:
    slip = full_slip()
    lines = slip.explain(locale)
    assert len(lines) == len(slip.lines) + len(slip.notes) == 4
    ids = []
    for line in lines:
        found = RULE_AT_END.search(line)
        assert found is not None, line
        ids.append(found.group(0)[1:-1])
    assert ids == ["EL-18", "TB-49", "TB-39", "TB-14"]
    assert ids == [r.rule_id for r in slip.reasons]


def test_an_unsupported_locale_is_refused() -> None:
    with pytest.raises(sc.UnsupportedLocaleError):
        full_slip().format("fr")


def test_to_dict_is_json_with_amounts_as_strings() -> None:
    slip = full_slip()
    data = slip.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["schema"] == "servicecodex.payslip/1"
    assert (data["agent_id"], data["month"], data["band"], data["currency"]) == (
        "A-017",
        "2026-03",
        "junior",
        "CNY",
    )
    assert (data["gross"], data["deductions"], data["fines"], data["pay"], data["net"]) == (
        "2200.00",
        "100.00",
        "50.00",
        "2100.00",
        "2050.00",
    )
    assert [(x["kind"], x["code"], x["amount"]) for x in data["lines"]] == [
        ("earning", "base", "2200.00"),
        ("deduction", "fail-deduction", "100.00"),
        ("fine", "fine:V-phone-at-work-3", "50.00"),
    ]
    assert [x["reason"]["rule_id"] for x in data["lines"]] == ["EL-18", "TB-49", "TB-39"]
    assert all(isinstance(x["amount"], str) for x in data["lines"])
    assert data["minimum"] is None
    assert data["minimum_applied"] is False
    assert [n["rule_id"] for n in data["notes"]] == ["TB-14"]
    zh = slip.to_dict("zh_Hans_CN")
    assert zh["lines"][0]["label"] == "初级客服"
    assert zh["lines"][0]["reason"]["message"] == "初级客服：月基本工资¥2,200.00（EL-18）"
    json.dumps(zh, ensure_ascii=False)


# Bad input -------------------------------------------------------------------------------


def test_a_month_before_the_hire_month_is_refused_naming_the_month() -> None:
    with pytest.raises(
        sc.ValidationError, match="February 2026 is before A-017's hire date"
    ) as info:
        sc.payslip(NEWCOMER, sc.Month(2026, 2), tb_bands())
    assert info.value.field == "month"
    assert info.value.value == sc.Month(2026, 2)
    # The hire month itself is paid (whole, not prorated).
    assert sc.payslip(NEWCOMER, MARCH, tb_bands()).gross == cny(1600)


def test_a_month_before_the_current_rung_is_refused() -> None:
    agent = sc.Agent(
        "A-017",
        "王芳",
        hired=pendulum.date(2025, 1, 5),
        rung="intermediate",
        rung_since=pendulum.date(2026, 3, 1),
    )
    with pytest.raises(sc.ValidationError, match="entered rung intermediate") as info:
        sc.payslip(agent, sc.Month(2026, 2), el_bands())
    assert info.value.field == "month"


@pytest.mark.parametrize("month", ["2026-03", sc.Quarter(2026, 1), pendulum.date(2026, 3, 1)])
def test_a_payslip_is_for_a_month(month: object) -> None:
    with pytest.raises(sc.ValidationError) as info:
        sc.payslip(VETERAN, month, el_bands())  # type: ignore[arg-type]
    assert info.value.field == "month"


def test_sales_without_commission_tiers_are_refused() -> None:
    with pytest.raises(sc.ValidationError, match="no commission tiers") as info:
        sc.payslip(VETERAN, MARCH, el_bands(), sales=cny(45000))
    assert info.value.field == "sales"


def test_a_bonus_without_a_pool_or_weighted_bonus_is_refused() -> None:
    with pytest.raises(sc.ValidationError, match="no bonus_pool, no weighted_bonus") as info:
        sc.payslip(VETERAN, MARCH, el_bands(), bonus=cny(300))
    assert info.value.field == "bonus"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [({"sales": usd(45000)}, "sales"), ({"bonus": usd(300)}, "bonus")],
)
def test_money_in_another_currency_is_refused(kwargs: dict[str, sc.Money], field: str) -> None:
    with pytest.raises(sc.CurrencyMismatchError, match="USD") as info:
        sc.payslip(VETERAN, MARCH, tb_bands(), **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field
    assert isinstance(info.value, sc.ServiceCodexError)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"sales": cny(-1)}, "sales"),
        ({"bonus": cny(-1)}, "bonus"),
        ({"sales": 45000}, "sales"),
        ({"bonus": "300"}, "bonus"),
        ({"attendance": {"late": 0}}, "attendance"),
        ({"assessment": []}, "assessment"),
        ({"streaks": [("first-composite", 3)]}, "streaks"),
    ],
)
def test_other_bad_facts_are_refused_naming_them(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(sc.ValidationError) as info:
        sc.payslip(VETERAN, MARCH, tb_bands(), **kwargs)  # type: ignore[arg-type]
    assert info.value.field == field


def test_bands_must_be_salary_bands() -> None:
    with pytest.raises(sc.ValidationError) as info:
        sc.payslip(VETERAN, MARCH, [EL_JUNIOR])  # type: ignore[arg-type]
    assert info.value.field == "bands"


# Organization.payslip --------------------------------------------------------------------


class TaobaoPay:
    """A plugin giving the TB table and the TB-39 schedule."""

    @sc.hookimpl
    def servicecodex_salary_bands(self, profile: sc.OrganizationProfile) -> sc.SalaryBands:
        return tb_bands(MONTHLY)

    @sc.hookimpl
    def servicecodex_penalty_schedule(self, profile: sc.OrganizationProfile) -> sc.PenaltySchedule:
        return SCHEDULE


class BandsOnly:
    @sc.hookimpl
    def servicecodex_salary_bands(self, profile: sc.OrganizationProfile) -> sc.SalaryBands:
        return el_bands()


def test_an_organisation_pays_with_its_own_table_and_assesses_violations() -> None:
    org = make_organization(TaobaoPay())
    ledger = sc.Ledger()
    for v in violations("phone-at-work", [3, 10]):
        ledger.record(v)
    slip = org.payslip(VETERAN, MARCH, violations=ledger, attendance=sc.AttendanceFacts())
    assert amounts(slip) == [
        ("base", "2000.00"),
        ("full-attendance", "100.00"),
        ("minimum-top-up", "100.00"),
        ("fine:V-phone-at-work-3", "50.00"),
        ("fine:V-phone-at-work-10", "100.00"),
    ]
    assert slip.net == cny(2050)
    assert slip == sc.payslip(
        VETERAN,
        MARCH,
        tb_bands(MONTHLY),
        assessment=assess(violations("phone-at-work", [3, 10])),
        attendance=sc.AttendanceFacts(),
    )


def test_an_organisation_without_the_policies_says_which_is_missing() -> None:
    with pytest.raises(sc.PolicyNotDefinedError, match="salary band table"):
        make_organization().payslip(VETERAN, MARCH)
    org = make_organization(BandsOnly())
    assert org.payslip(VETERAN, MARCH).net == cny(2200)
    with pytest.raises(sc.PolicyNotDefinedError, match="penalty schedule"):
        org.payslip(VETERAN, MARCH, violations=violations("phone-at-work", [3]))
    with pytest.raises(sc.ValidationError) as info:
        org.payslip(NEWCOMER, sc.Month(2026, 2))
    assert info.value.field == "month"


# Properties ------------------------------------------------------------------------------

AWARD_CODES = ["top-sales", "top-composite", "top-conversion"]


@st.composite
def months_of_service(draw: st.DrawFn) -> tuple[sc.Agent, sc.Month]:
    hired = draw(st.dates(dt.date(2020, 1, 1), dt.date(2026, 12, 31)))
    offset = draw(st.integers(0, 60))
    first = sc.Month(hired.year, hired.month)
    index = first.year * 12 + first.month - 1 + offset
    probation = draw(st.booleans())
    agent = hire(
        hired,
        status=sc.AgentStatus.PROBATION if probation else sc.AgentStatus.REGULAR,
        probation_end=hired + dt.timedelta(days=draw(st.integers(0, 120))) if probation else None,
    )
    return agent, sc.Month(index // 12, index % 12 + 1)


attendance_facts = st.builds(
    sc.AttendanceFacts,
    late=st.integers(0, 3),
    left_early=st.integers(0, 3),
    absent=st.integers(0, 3),
    on_leave=st.integers(0, 3),
    whole_month=st.booleans(),
)
bases = st.integers(1, 600_000).map(lambda cents: cny(Decimal(cents).scaleb(-2)))


@settings(max_examples=200, deadline=None)
@given(
    months_of_service(),
    bases,
    st.none() | attendance_facts,
    st.none() | st.decimals(0, 100, places=1),
    st.lists(st.sampled_from(AWARD_CODES), unique=True),
    st.booleans(),
)
def test_pay_is_never_below_a_monthly_minimum(
    service: tuple[sc.Agent, sc.Month],
    base: sc.Money,
    attendance: sc.AttendanceFacts | None,
    score: Decimal | None,
    awards: list[str],
    trial: bool,
) -> None:
    agent, month = service
    bands = tb_bands(MONTHLY, base=base, trial=trial)
    card = None if score is None else composite(month, score)
    slip = sc.payslip(agent, month, bands, appraisal=card, attendance=attendance, awards=awards)
    natural = slip.pay - (slip.minimum_line.amount if slip.minimum_line else cny(0))
    if slip.minimum is None:
        assert slip.trial
        assert not slip.minimum_applied
        return
    assert slip.settlement is MONTHLY
    assert slip.pay >= slip.minimum.amount
    assert slip.minimum.amount == bands.minimum_for(slip.service_year).amount  # type: ignore[union-attr]
    if slip.minimum_applied:
        assert natural < slip.minimum.amount
        assert slip.pay == slip.minimum.amount
    else:
        assert slip.pay == natural >= slip.minimum.amount
    assert slip.net == slip.pay - slip.fines


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(1, 600_000), min_size=12, max_size=12),
    st.lists(st.booleans(), min_size=12, max_size=12),
)
def test_the_annual_settlement_is_the_larger_of_pay_and_the_minimums(
    bases_in_cents: list[int], failed: list[bool]
) -> None:
    slips = []
    for m, (cents, fail) in enumerate(zip(bases_in_cents, failed, strict=True), start=1):
        month = sc.Month(2026, m)
        bands = tb_bands(ANNUAL, base=cny(Decimal(cents).scaleb(-2)))
        slips.append(
            sc.payslip(VETERAN, month, bands, appraisal=composite(month, 50 if fail else 70))
        )
    settled = sc.settle_year(slips)
    actual = sum((s.pay.amount for s in slips), Decimal(0))
    assert settled.actual == cny(actual)
    assert settled.guaranteed == cny(26400)  # 12 × 2200 in service year 2
    assert settled.settled == cny(max(actual, Decimal(26400)))
    assert settled.top_up >= cny(0)


@given(st.floats())
def test_no_float_enters_a_payslip(value: float) -> None:
    for field in ("sales", "bonus"):
        with pytest.raises(sc.FloatMoneyError) as info:
            sc.payslip(VETERAN, MARCH, tb_bands(), **{field: value})  # type: ignore[arg-type]
        assert info.value.field == field


violation_times = st.lists(
    st.tuples(
        st.sampled_from(["phone-at-work", "phone-unanswered"]),
        st.integers(1, 31),
        st.integers(8, 20),
    ),
    max_size=10,
    unique=True,
)


@settings(max_examples=150, deadline=None)
@given(violation_times, st.integers(0, 10), st.sampled_from([MONTHLY, ANNUAL]), st.booleans())
def test_more_fines_never_raise_the_net(
    times: list[tuple[str, int, int]], keep: int, settlement: sc.MinimumSettlement, failed: bool
) -> None:
    every = [
        sc.Violation(f"V-{i}", "A-017", code, at(day, hour))
        for i, (code, day, hour) in enumerate(sorted(times, key=lambda t: (t[1], t[2])))
    ]
    assume(keep <= len(every))
    bands = tb_bands(settlement)
    card = composite(MARCH, 50 if failed else 70)

    def net(vs: list[sc.Violation]) -> sc.Money:
        return sc.payslip(VETERAN, MARCH, bands, appraisal=card, assessment=assess(vs)).net

    fewer, more = net(every[:keep]), net(every)
    assert more <= fewer
    assert fewer - more == assess(every).total - assess(every[:keep]).total
