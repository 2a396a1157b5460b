"""The shop's pay (TB-07 … TB-18, TB-49) on real months of real agents.

王芳 (A-017) was hired on 2 September 2025 as a junior: March 2026 is her 7th month,
service year 1.  刘洋 (A-009) was hired on 2 March 2025: from March 2026 he is in service
year 2, whose guaranteed minimum is 2200.  李娜 (A-031) starts on 2 March 2026: March is
her trial month.
"""

from __future__ import annotations

import datetime as dt
import doctest
import itertools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import NamedTuple

import pendulum
import pytest
import servicecodex_taobao_shop as tb
from servicecodex_taobao_shop import _pay

import servicecodex as sc

TZ = "Asia/Shanghai"
MARCH = sc.Month(2026, 3)
TB_RULE_ID = re.compile(r"^TB-\d{2}$")
LOCALES = ("zh_Hans", "zh_Hant", "en")
CRITERIA = ("team-task", "handover", "callback-satisfaction", "professional-quality")
STREAK = "first-in-composite"
_ids = itertools.count(1)

WANG = sc.Agent(
    "A-017", "王芳", hired=dt.date(2025, 9, 2), rung="junior", rung_since=dt.date(2025, 9, 2)
)
LIU = sc.Agent(
    "A-009",
    "刘洋",
    hired=dt.date(2025, 3, 2),
    rung="intermediate",
    rung_since=dt.date(2025, 6, 2),
)
CHEN = sc.Agent(
    "A-012", "陈静", hired=dt.date(2024, 5, 6), rung="senior", rung_since=dt.date(2025, 5, 6)
)
LI = sc.Agent(
    "A-031", "李娜", hired=dt.date(2026, 3, 2), rung="junior", rung_since=dt.date(2026, 3, 2)
)


@pytest.fixture(scope="module")
def org() -> sc.Organization:
    return sc.Organization.load("taobao-shop")


def yuan(amount: int | str) -> sc.Money:
    return sc.Money(Decimal(amount), "CNY")


def card(
    org: sc.Organization,
    agent: sc.Agent,
    month: sc.Month,
    points: tuple[int, int, int, int],
    adjustments: dict[str, int] | None = None,
) -> sc.Scorecard:
    """The month's composite appraisal (TB-26 … TB-30): criteria (a)–(d) in P3b's order."""
    return org.appraisal_scheme.score(
        agent.id, month, dict(zip(CRITERIA, points, strict=True)), adjustments
    )


def ledger_of(agent: sc.Agent, *found: tuple[str, int]) -> sc.Ledger:
    """Violations of March 2026, as (code, day)."""
    ledger = sc.Ledger()
    for code, day in found:
        when = pendulum.datetime(2026, 3, day, 10, tz=TZ)
        assert ledger.record(sc.Violation(f"V-{next(_ids)}", agent.id, code, when))
    return ledger


def lines(slip: sc.Payslip) -> list[tuple[str, str, Decimal]]:
    return [(line.kind.value, line.code, line.amount.amount) for line in slip.lines]


def totals(slip: sc.Payslip) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    return slip.gross.amount, slip.deductions.amount, slip.fines.amount, slip.net.amount


# The table ---------------------------------------------------------------------------------


def test_the_hook_answers_the_default_table(org: sc.Organization) -> None:
    assert org.salary_bands is tb.SALARY_BANDS
    bands = org.salary_bands
    assert bands.currency == "CNY"
    assert [(b.id, b.base) for b in bands.bands] == [
        ("junior", yuan(2000)),
        ("intermediate", yuan(2000)),
        ("senior", yuan(2000)),
        ("senior-expert", yuan(2000)),
    ]
    assert {b.cite for b in bands.bands} == {sc.Citation("TB-08", "002 第二篇 P3b 二(一); 二(二)")}
    assert [b.name for b in bands.bands] == [r.name for r in org.ladder.rungs]
    # every grade is paid from the band of its id (TB-02)
    assert [r.band for r in org.ladder.rungs] == [b.id for b in bands.bands]


def test_the_rest_of_the_table_as_the_source_gives_it(org: sc.Organization) -> None:
    bands = org.salary_bands
    assert [(m.from_service_year, m.amount) for m in bands.minimums] == [
        (1, yuan(2000)),
        (2, yuan(2200)),
        (3, yuan(2500)),
    ]
    assert bands.minimum_for(7) == bands.minimums[2]  # year 3 and later: 2500 (AMB-40)
    assert bands.settlement is sc.MinimumSettlement.ANNUAL  # 「年度核算月保底」 (AMB-40)
    assert bands.trial == tb.TRIAL_PAY
    assert (tb.TRIAL_PAY.amount, tb.TRIAL_PAY.months, tb.TRIAL_PAY.bonus_eligible) == (
        yuan(1600),
        1,
        False,
    )
    assert bands.full_attendance == tb.ATTENDANCE_BONUS
    assert tb.ATTENDANCE_BONUS.amount == yuan(100)
    assert [(a.code, a.amount, a.cite.rule_id) for a in bands.awards] == [
        (tb.TOP_SALES, yuan(100), "TB-15"),
        (tb.TOP_CONVERSION, yuan(100), "TB-17"),
        (tb.TOP_COMPOSITE, yuan(100), "TB-16"),
    ]
    assert [(s.code, s.step, s.amount) for s in bands.streak_awards] == [(STREAK, 3, yuan(100))]
    assert bands.fail_deduction == tb.FAIL_DEDUCTION
    assert tb.FAIL_DEDUCTION.amount == yuan(100)
    assert bands.commission is None  # TB-11's table is missing (AMB-38)
    assert bands.bonus_pool == tb.BONUS_POOL
    assert bands.weighted_bonus is None


def test_the_table_in_words(org: sc.Organization) -> None:
    said = [r.explain("zh_Hans") for r in org.salary_bands.describe_all()]
    assert said == [
        "工资 = 基本工资 + 绩效奖金（TB-07）",
        "初级客服：月基本工资¥2,000.00（TB-08）",
        "中级客服：月基本工资¥2,000.00（TB-08）",
        "高级客服：月基本工资¥2,000.00（TB-08）",
        "资深客服：月基本工资¥2,000.00（TB-08）",
        "试用期工资：入职起1个月内每月¥1,600.00，无奖金（TB-09）",
        "自第1服务年度起保底：每月¥2,000.00（TB-08）",
        "自第2服务年度起保底：每月¥2,200.00（TB-08）",
        "自第3服务年度起保底：每月¥2,500.00（TB-08）",
        "保底按年度结算：一并结算各月的工资补足至各月保底之和（TB-08）",
        "全勤奖：整月无迟到、早退、旷工、请假，奖励¥100.00（TB-14）",
        "销售业绩第一：奖励¥100.00（TB-15）",
        "转化率最高：奖励¥100.00（TB-17）",
        "综合评分最高：奖励¥100.00（TB-16）",
        "综合业绩第一：每连续3个月奖励¥100.00，连续月数达到3个月的倍数时发放（TB-13）",
        "考核不及格：当月扣¥100.00（TB-49）",
        "个人奖金＝奖金总额 ÷ 所有人考评总分 × 个人评分（含加减分）；"
        "各份向下取整到分，余下的分按余数从大到小逐一分配（TB-12）",
        "绩效奖金 = 业绩考评 × 综合考评：业绩决定奖金总额，综合考评决定个人份额（TB-10）",
        "结算工资时扣除当月罚款，未得的全勤奖不予发放（TB-18）",
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_table_cites_tb_rules(org: sc.Organization, locale: str) -> None:
    for reason in org.salary_bands.describe_all():
        assert TB_RULE_ID.match(reason.rule_id), reason
        assert reason.explain(locale).endswith(
            f"（{reason.rule_id}）" if locale.startswith("zh") else f"({reason.rule_id})"
        )


# One month of a regular agent (TB-07, TB-14, TB-15, TB-49) -------------------------------


class PayCase(NamedTuple):
    """王芳's March 2026 with these facts, and her payslip's lines and totals."""

    name: str
    points: tuple[int, int, int, int]
    attendance: sc.AttendanceFacts
    awards: tuple[str, ...]
    lines: list[tuple[str, str, int]]
    net: int


PAY_CASES = [
    PayCase(
        # 2000 + 100 + 100 = 2200
        "passed-full-attendance-top-sales",
        (25, 15, 25, 15),  # 80: passes
        sc.AttendanceFacts(),
        (tb.TOP_SALES,),
        [
            ("earning", "base", 2000),
            ("earning", "full-attendance", 100),
            ("earning", "award:top-sales", 100),
        ],
        2200,
    ),
    PayCase(
        # the same with 58: 2200 − 100 (TB-49)
        "failed-full-attendance-top-sales",
        (18, 12, 18, 10),  # 58: below 60
        sc.AttendanceFacts(),
        (tb.TOP_SALES,),
        [
            ("earning", "base", 2000),
            ("earning", "full-attendance", 100),
            ("earning", "award:top-sales", 100),
            ("deduction", "fail-deduction", 100),
        ],
        2100,
    ),
    PayCase(
        # exactly 60 passes (AMB-42); one lateness costs the attendance bonus (TB-18)
        "sixty-late-once",
        (18, 12, 18, 12),
        sc.AttendanceFacts(late=1),
        (),
        [("earning", "base", 2000)],
        2000,
    ),
    PayCase(
        # the awards stack (TB-17, AMB-35): 2000 + 100 + 3 × 100
        "every-award",
        (28, 18, 28, 18),
        sc.AttendanceFacts(),
        (tb.TOP_SALES, tb.TOP_CONVERSION, tb.TOP_COMPOSITE),
        [
            ("earning", "base", 2000),
            ("earning", "full-attendance", 100),
            ("earning", "award:top-sales", 100),
            ("earning", "award:top-conversion", 100),
            ("earning", "award:top-composite", 100),
        ],
        2400,
    ),
    PayCase(
        # a day of leave is not full attendance (TB-14); a failed month still −100
        "failed-one-day-leave",
        (10, 10, 10, 10),
        sc.AttendanceFacts(on_leave=1),
        (),
        [("earning", "base", 2000), ("deduction", "fail-deduction", 100)],
        1900,
    ),
]


@pytest.mark.parametrize("case", PAY_CASES, ids=lambda c: c.name)
def test_a_month_of_pay(org: sc.Organization, case: PayCase) -> None:
    slip = org.payslip(
        WANG,
        MARCH,
        appraisal=card(org, WANG, MARCH, case.points),
        attendance=case.attendance,
        awards=case.awards,
    )
    assert lines(slip) == [(k, c, Decimal(a)) for k, c, a in case.lines]
    assert slip.net == yuan(case.net)
    assert (slip.band.id, slip.service_year, slip.trial) == ("junior", 1, False)
    assert slip.minimum == tb.GUARANTEED_MINIMUMS[0]
    assert slip.settlement is sc.MinimumSettlement.ANNUAL
    assert not slip.minimum_applied  # annual: never topped up on the slip


def test_the_month_of_2200_line_by_line(org: sc.Organization) -> None:
    appraisal = card(org, WANG, MARCH, (25, 15, 25, 15))
    assert (appraisal.total, appraisal.passed) == (Decimal(80), True)
    slip = org.payslip(
        WANG, MARCH, appraisal=appraisal, attendance=sc.AttendanceFacts(), awards=[tb.TOP_SALES]
    )
    assert totals(slip) == (
        Decimal("2200.00"),
        Decimal("0.00"),
        Decimal("0.00"),
        Decimal("2200.00"),
    )
    assert slip.format("zh_Hans_CN") == "\n".join(
        [
            "工资条：王芳（A-017），2026年3月",
            "薪级：初级客服 · 第1服务年度",
            "收入",
            "  初级客服：¥2,000.00",
            "    初级客服：月基本工资¥2,000.00（TB-08）",
            "  全勤奖：¥100.00",
            "    整月出勤，无迟到、早退、旷工、请假：¥100.00（TB-14）",
            "  销售业绩第一：¥100.00",
            "    2026年3月销售业绩第一：¥100.00（TB-15）",
            "扣款",
            "  无",
            "罚款",
            "  无",
            "说明",
            "  工资 = 基本工资 + 绩效奖金：2026年3月未给出绩效奖金（TB-07）",
            "  第1服务年度保底每月¥2,000.00，按年度结算（本月工资¥2,200.00）（TB-08）",
            "应发合计：¥2,200.00",
            "扣款合计：¥0.00",
            "罚款合计：¥0.00",
            "实发合计：¥2,200.00",
            "每项四舍五入至0.01；合计为各项取整后之和",
        ]
    )


def test_a_failed_month_explained(org: sc.Organization) -> None:
    appraisal = card(org, WANG, MARCH, (18, 12, 18, 10))
    assert (appraisal.total, appraisal.passed) == (Decimal(58), False)
    slip = org.payslip(WANG, MARCH, appraisal=appraisal, attendance=sc.AttendanceFacts(late=2))
    assert slip.explain("en") == [
        "Junior CS: base pay CN¥2,000.00 a month (TB-08)",
        "Appraisal total 58 for March 2026 is below the pass mark: CN¥100.00 deducted (TB-49)",
        "No full-attendance bonus of CN¥100.00: times late: 2 (TB-14)",
        "Pay = base salary + performance bonus: no performance bonus given for March 2026 (TB-07)",
        "Guaranteed minimum of CN¥2,000.00 a month for service year 1, settled annually "
        "(pay this month CN¥1,900.00) (TB-08)",
        "Withheld at payroll: the full-attendance bonus of CN¥100.00, not earned (TB-18)",
    ]
    assert slip.pay == yuan(1900)  # below the minimum: the annual settlement looks at it


def test_plus_points_count_towards_the_pass_mark(org: sc.Organization) -> None:
    """58 with zero valid complaints (+5, TB-35) is 63: no deduction (TB-12 「含加減分」)."""
    appraisal = card(org, WANG, MARCH, (18, 12, 18, 10), {"zero-complaints": 1})
    slip = org.payslip(WANG, MARCH, appraisal=appraisal)
    assert (appraisal.total, slip.deductions) == (Decimal(63), yuan("0.00"))


def test_to_dict(org: sc.Organization) -> None:
    slip = org.payslip(
        WANG,
        MARCH,
        appraisal=card(org, WANG, MARCH, (18, 12, 18, 10)),
        attendance=sc.AttendanceFacts(),
        awards=[tb.TOP_SALES],
    )
    data = slip.to_dict("zh_Hans_CN")
    assert {k: v for k, v in data.items() if k not in ("lines", "notes", "rounding")} == {
        "schema": "servicecodex.payslip/1",
        "agent_id": "A-017",
        "agent_name": "王芳",
        "month": "2026-03",
        "rung": "junior",
        "band": "junior",
        "currency": "CNY",
        "service_year": 1,
        "trial": False,
        "gross": "2200.00",
        "deductions": "100.00",
        "fines": "0.00",
        "pay": "2100.00",
        "net": "2100.00",
        "minimum": "2000.00",
        "minimum_applied": False,
        "settlement": "annual",
    }
    assert [(x["code"], x["amount"], x["reason"]["rule_id"]) for x in data["lines"]] == [
        ("base", "2000.00", "TB-08"),
        ("full-attendance", "100.00", "TB-14"),
        ("award:top-sales", "100.00", "TB-15"),
        ("fail-deduction", "100.00", "TB-49"),
    ]
    assert data["lines"][3]["reason"]["clause"] == "002 第二篇 P3b (e)"
    assert data["lines"][3]["label"] == "考核扣款"
    assert [n["rule_id"] for n in data["notes"]] == ["TB-07", "TB-08"]


def test_an_award_is_paid_once_a_month(org: sc.Organization) -> None:
    """AMB-35: top sales is one award, however P1 六(3) and 六(4) both name it."""
    with pytest.raises(sc.ValidationError, match="an award is paid once a month"):
        org.payslip(WANG, MARCH, awards=[tb.TOP_SALES, tb.TOP_SALES])
    with pytest.raises(sc.ValidationError, match=r"awards\[top-seller\]"):
        org.payslip(WANG, MARCH, awards=["top-seller"])


# The trial month (TB-09) ----------------------------------------------------------------------


def test_the_trial_month_pays_1600_and_no_bonus(org: sc.Organization) -> None:
    slip = org.payslip(
        LI,
        MARCH,
        appraisal=card(org, LI, MARCH, (25, 15, 25, 15)),
        attendance=sc.AttendanceFacts(),
        awards=[tb.TOP_SALES],
    )
    assert slip.trial
    assert lines(slip) == [("earning", "trial-pay", Decimal("1600.00"))]
    assert slip.net == yuan(1600)
    assert slip.minimum is None  # no guaranteed minimum in a trial month
    assert slip.explain("zh_Hans") == [
        "入职日期2026年3月2日起1个月内：试用期工资¥1,600.00（TB-09）",
        "试用月无奖金，不发：全勤奖¥100.00（TB-09）",
        "试用月无奖金，不发：销售业绩第一¥100.00（TB-09）",
        "试用月：不适用保底（TB-09）",
    ]
    assert slip.format("zh_Hans_CN").splitlines()[1] == "薪级：初级客服（试用月）· 第1服务年度"


def test_the_trial_is_one_month(org: sc.Organization) -> None:
    april = org.payslip(LI, sc.Month(2026, 4), attendance=sc.AttendanceFacts())
    assert not april.trial
    assert lines(april) == [
        ("earning", "base", Decimal("2000.00")),
        ("earning", "full-attendance", Decimal("100.00")),
    ]


def test_the_trial_month_still_fails_below_60(org: sc.Organization) -> None:
    """TB-49 is a deduction, not a bonus: it applies in the trial month too."""
    slip = org.payslip(LI, MARCH, appraisal=card(org, LI, MARCH, (10, 10, 10, 10)))
    assert slip.net == yuan(1500)


# Fines at payroll (TB-18, TB-39, TB-42) -------------------------------------------------------


def test_the_months_fines_are_on_the_slip(org: sc.Organization) -> None:
    ledger = ledger_of(WANG, (tb.PHONE_AT_WORK, 5), (tb.PHONE_AT_WORK, 19))
    slip = org.payslip(WANG, MARCH, violations=ledger, attendance=sc.AttendanceFacts())
    assert [(line.code.split(":")[0], line.amount, line.reason.rule_id) for line in slip.lines] == [
        ("base", yuan(2000), "TB-08"),
        ("full-attendance", yuan(100), "TB-14"),
        ("fine", yuan(50), "TB-39"),
        ("fine", yuan(100), "TB-39"),
    ]
    assert totals(slip) == (
        Decimal("2100.00"),
        Decimal("0.00"),
        Decimal("150.00"),
        Decimal("1950.00"),
    )
    assert slip.pay == yuan(2100)  # the minimum guarantees pay before fines
    assert slip.explain("zh_Hans")[3] == (
        "2026年3月19日工作期间长时间打电话,玩游戏,看电视影响正常工作："
        "2026年3月第2次，¥50.00 × 2 = ¥100.00（TB-39）"
    )


def test_a_busy_month_of_fines(org: sc.Organization) -> None:
    ledger = ledger_of(WANG, (tb.PHONE_AT_WORK, 5), (tb.MISSED_PUNCH, 12), (tb.PHONE_AT_WORK, 19))
    slip = org.payslip(WANG, MARCH, violations=ledger)
    assert [line.amount.amount for line in slip.lines if line.kind is sc.LineKind.FINE] == [
        Decimal("50.00"),
        Decimal("10.00"),
        Decimal("100.00"),
    ]
    assert slip.net == yuan(1840)


def test_violations_of_another_month_add_no_fine(org: sc.Organization) -> None:
    ledger = ledger_of(WANG, (tb.PHONE_AT_WORK, 5))
    april = org.payslip(WANG, sc.Month(2026, 4), violations=ledger)
    assert april.fines == yuan("0.00")


# Streaks (TB-13, AMB-41) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("streak", "paid"), [(1, None), (2, None), (3, 100), (4, None), (5, None), (6, 200), (9, 300)]
)
def test_the_streak_award(org: sc.Organization, streak: int, paid: int | None) -> None:
    slip = org.payslip(WANG, MARCH, streaks={STREAK: streak})
    found = [line for line in slip.lines if line.code == f"streak:{STREAK}"]
    if paid is None:
        assert found == []
        assert slip.explain("en")[1].endswith(
            "in a row, paid when the run reaches a multiple of 3 (TB-13)"
        )
    else:
        assert [line.amount for line in found] == [yuan(paid)]
        assert slip.net == yuan(2000 + paid)


def test_the_streak_award_explained(org: sc.Organization) -> None:
    slip = org.payslip(WANG, MARCH, streaks={STREAK: 6})
    assert slip.explain("zh_Hans")[1] == (
        "综合业绩第一：连续6个月，¥100.00 × 6 ÷ 3 = ¥200.00（TB-13）"
    )


def test_first_in_the_composite_appraisal_comes_from_the_ranking(org: sc.Organization) -> None:
    """Who is first is the team's ranking of the month's scorecards (AMB-41)."""
    cards = [
        card(org, WANG, MARCH, (28, 18, 28, 18)),
        card(org, LIU, MARCH, (25, 15, 25, 15)),
    ]
    first = [r.agent_id for r in sc.top(sc.rank_team(cards), 1)]
    assert first == [WANG.id]


# The annual settlement (TB-08, AMB-40) -----------------------------------------------------------


def test_service_year_months_match_the_payslips(org: sc.Organization) -> None:
    months = tb.service_year_months(LIU, 2)
    assert (months[0], months[-1]) == (sc.Month(2026, 3), sc.Month(2027, 2))
    assert {org.payslip(LIU, m).service_year for m in months} == {2}
    assert org.payslip(LIU, months[0].previous()).service_year == 1
    assert org.payslip(LIU, months[-1].next()).service_year == 3
    with pytest.raises(sc.ValidationError, match="a service year is a whole number"):
        tb.service_year_months(LIU, 0)


def year_of_slips(
    org: sc.Organization, agent: sc.Agent, months: Iterable[sc.Month]
) -> list[sc.Payslip]:
    """A year: late once in every 4th month, failed in the 6th, top sales in the 2nd and
    the 9th."""
    slips = []
    for i, month in enumerate(months, start=1):
        points = (10, 10, 10, 10) if i == 6 else (25, 15, 25, 15)
        slips.append(
            org.payslip(
                agent,
                month,
                appraisal=card(org, agent, month, points),
                attendance=sc.AttendanceFacts(late=1 if i % 4 == 0 else 0),
                awards=[tb.TOP_SALES] if i in (2, 9) else [],
            )
        )
    return slips


def test_a_year_2_agent_is_settled_to_12_times_2200(org: sc.Organization) -> None:
    slips = year_of_slips(org, LIU, tb.service_year_months(LIU, 2))
    assert [s.pay.amount for s in slips[:6]] == [
        Decimal("2100.00"),
        Decimal("2200.00"),
        Decimal("2100.00"),
        Decimal("2000.00"),  # late: no attendance bonus
        Decimal("2100.00"),
        Decimal("2000.00"),  # failed: 2000 + 100 − 100
    ]
    assert sum(s.pay < yuan(2200) for s in slips) == 10  # all but the two top-sales months
    settled = sc.settle_year(slips)
    # 12 × 2000 + 9 × 100 (attendance) + 2 × 100 (top sales) − 100 (TB-49) = 25000
    assert (settled.actual, settled.guaranteed, settled.top_up) == (
        yuan(25000),
        yuan(26400),
        yuan(1400),
    )
    assert settled.settled == yuan(26400)  # max(actual, 12 × 2200)
    assert len(settled.months) == 12
    assert settled.explain("zh_Hans_CN") == (
        "按12个月年度结算：工资¥25,000.00，保底合计¥26,400.00，补足¥1,400.00（TB-08）"
    )


def test_a_year_above_the_minimum_needs_no_top_up(org: sc.Organization) -> None:
    slips = year_of_slips(org, WANG, tb.service_year_months(WANG, 1)[1:])  # after the trial
    settled = sc.settle_year(slips)
    assert len(settled.months) == 11
    assert settled.guaranteed == yuan(22000)  # 11 × 2000
    assert settled.actual > settled.guaranteed
    assert settled.top_up == yuan("0.00")


def test_the_trial_month_is_left_out_of_the_settlement(org: sc.Organization) -> None:
    months = tb.service_year_months(LI, 1)
    slips = [org.payslip(LI, m, appraisal=card(org, LI, m, (10, 10, 10, 10))) for m in months]
    settled = sc.settle_year(slips)
    # every month failed: 1600 − 100 in the trial month, then 11 × (2000 − 100)
    assert settled.months == months[1:]
    assert (settled.actual, settled.guaranteed, settled.top_up) == (
        yuan(20900),
        yuan(22000),
        yuan(1100),
    )


# The bonus pool (TB-12) -----------------------------------------------------------------------


def team_cards(org: sc.Organization) -> list[sc.Scorecard]:
    return [
        card(org, WANG, MARCH, (28, 18, 28, 18), {"zero-complaints": 1}),  # 92 + 5 = 97
        card(org, LIU, MARCH, (25, 15, 25, 15)),  # 80
        card(org, CHEN, MARCH, (20, 15, 18, 10), {"no-mandarin": 2}),  # 63 − 4 = 59
    ]


def test_the_pool_is_split_by_totals_with_plus_and_minus_points(org: sc.Organization) -> None:
    cards = team_cards(org)
    assert [c.total for c in cards] == [Decimal(97), Decimal(80), Decimal(59)]
    shares = tb.pool_shares(yuan("5000.00"), cards)
    # 5000 ÷ 236 × 97 = 2055.084…, × 80 = 1694.915…, × 59 = 1250.000 (down to the cent,
    # the cent left over to the largest remainder)
    assert {a: s.amount for a, s in shares.items()} == {
        "A-017": Decimal("2055.08"),
        "A-009": Decimal("1694.92"),
        "A-012": Decimal("1250.00"),
    }
    assert sum(s.amount for s in shares.values()) == Decimal("5000.00")


@pytest.mark.parametrize("pool", ["1000.00", "999.99", "0.01", "12345.67"])
def test_the_shares_always_add_up_to_the_pool(org: sc.Organization, pool: str) -> None:
    shares = tb.pool_shares(yuan(pool), team_cards(org))
    assert sum((s for s in shares.values()), yuan(0)) == yuan(pool)


def test_a_share_goes_on_the_payslip(org: sc.Organization) -> None:
    shares = tb.pool_shares(yuan("5000.00"), team_cards(org))
    slip = org.payslip(WANG, MARCH, bonus=shares["A-017"])
    assert lines(slip) == [
        ("earning", "base", Decimal("2000.00")),
        ("earning", "bonus", Decimal("2055.08")),
    ]
    assert slip.explain("zh_Hans")[1] == (
        "绩效奖金（业绩考评 × 综合考评）：奖金分配份额¥2,055.08（TB-10）"
    )
    assert all(reason.rule_id != "TB-07" for reason in slip.notes)  # the bonus is there


# Pay = base + performance bonus, the bonus = results × composite, payroll (TB-07, TB-10,
# TB-18) ----------------------------------------------------------------------------------


def test_pay_is_base_plus_performance_bonus_tb07(org: sc.Organization) -> None:
    """TB-07 「工資包含:基本工資、績效獎金」: a month that could carry the bonus but was
    given none says so; the trial month (no bonus, TB-09) does not."""
    assert org.salary_bands.performance_pay == tb.PERFORMANCE_PAY
    without = org.payslip(WANG, MARCH)
    assert [(n.rule_id, n.explain("en")) for n in without.notes if n.rule_id == "TB-07"] == [
        (
            "TB-07",
            "Pay = base salary + performance bonus: no performance bonus given for March 2026 (TB-07)",
        )
    ]
    trial = org.payslip(LI, MARCH)
    assert all(n.rule_id != "TB-07" for n in trial.notes)
    with pytest.raises(sc.PolicyError, match="pays none: give a bonus_pool or a weighted_bonus"):
        sc.SalaryBands("CNY", org.salary_bands.bands, performance_pay=tb.PERFORMANCE_PAY)


def test_the_performance_bonus_is_results_times_composite_tb10(org: sc.Organization) -> None:
    """TB-10 「績效獎金通過業績考評*綜合考評兩部分考核評分進行獎勵」: the month's results make
    the pool (5000 yuan), the composite appraisal (97 / 80 / 59 of 236) each share: twice
    the results, twice every share; a better composite, a bigger share."""
    cards = team_cards(org)
    once = tb.pool_shares(yuan("5000.00"), cards)
    twice = tb.pool_shares(yuan("10000.00"), cards)
    assert {a: s.amount for a, s in twice.items()} == {
        "A-017": Decimal("4110.17"),
        "A-009": Decimal("3389.83"),
        "A-012": Decimal("2500.00"),
    }
    assert all(abs(twice[a].amount - 2 * once[a].amount) <= Decimal("0.01") for a in once)
    assert once["A-017"] > once["A-009"] > once["A-012"]
    slip = org.payslip(WANG, MARCH, bonus=once["A-017"])
    bonus = next(line for line in slip.lines if line.code == "bonus")
    assert (bonus.reason.rule_id, bonus.reason.cite.clause) == ("TB-10", "002 第二篇 P3b 二(二)")
    described = [r for r in org.salary_bands.describe_all() if r.rule_id == "TB-10"]
    assert [r.explain("en") for r in described] == [
        "Performance bonus = results appraisal × composite appraisal: the results make the "
        "pool, the composite appraisal each one's share of it (TB-10)"
    ]


def test_payroll_deducts_fines_and_the_lost_attendance_bonus_tb18(org: sc.Organization) -> None:
    """TB-18 「結算工資時按公司相關規定扣除全勤獎金和相應罰款」: two forgotten punches
    (TB-42, 10 yuan each) are 20 yuan of fines; a late arrival costs the 100-yuan
    full-attendance bonus (TB-14)."""
    late = ledger_of(WANG, (tb.MISSED_PUNCH, 3), (tb.MISSED_PUNCH, 17))
    slip = org.payslip(WANG, MARCH, violations=late, attendance=sc.AttendanceFacts(late=1))
    assert slip.fines == yuan("20.00")
    assert all(line.code != "full-attendance" for line in slip.lines)
    assert [n.explain("zh_Hans") for n in slip.notes if n.rule_id == "TB-18"] == [
        "结算工资时扣除：罚款¥20.00，并扣除全勤奖¥100.00（TB-18）"
    ]
    fines_only = org.payslip(WANG, MARCH, violations=late, attendance=sc.AttendanceFacts())
    assert [n.explain("en") for n in fines_only.notes if n.rule_id == "TB-18"] == [
        "Deducted at payroll: fines of CN¥20.00 (TB-18)"
    ]
    clean = org.payslip(WANG, MARCH, attendance=sc.AttendanceFacts())
    assert all(n.rule_id != "TB-18" for n in clean.notes)


def test_no_share_in_the_trial_month(org: sc.Organization) -> None:
    slip = org.payslip(LI, MARCH, bonus=yuan("300.00"))
    assert slip.net == yuan(1600)
    assert "试用月无奖金，不发：奖金¥300.00（TB-09）" in slip.explain("zh_Hans")


def test_pool_shares_refuses_mixed_inputs(org: sc.Organization) -> None:
    cards = team_cards(org)
    april = card(org, LIU, sc.Month(2026, 4), (25, 15, 25, 15))
    with pytest.raises(sc.ValidationError, match="one month's pool at a time"):
        tb.pool_shares(yuan(1000), [cards[0], april])
    with pytest.raises(sc.ValidationError, match="two scorecards for one agent"):
        tb.pool_shares(yuan(1000), [cards[1], cards[1]])
    with pytest.raises(sc.ValidationError, match="give the month's scorecards"):
        tb.pool_shares(yuan(1000), [])
    with pytest.raises(sc.FloatMoneyError):
        tb.pool_shares(0.5, cards)  # type: ignore[arg-type]


# Commission (TB-11, AMB-38) -------------------------------------------------------------------

#: ILLUSTRATIVE ONLY, NOT FROM THE SOURCE: P3b's 「客服部門績效提成表」 is missing (AMB-38).
#: A made-up table to test the marginal computation: 1% up to 50,000, 2% up to 100,000,
#: 3% above.
ILLUSTRATIVE_TIERS = (
    (yuan(0), "0.01"),
    (yuan(50000), "0.02"),
    (yuan(100000), "0.03"),
)


def test_no_commission_by_default(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="no commission tiers"):
        org.payslip(WANG, MARCH, sales=yuan(80000))


@pytest.mark.parametrize(
    ("sales", "commission"),
    [
        ("0", "0"),
        ("30000", "300.00"),  # 30000 × 1%
        ("50000", "500.00"),  # the whole first tier
        ("80000", "1100.00"),  # 50000 × 1% + 30000 × 2%
        ("100000", "1500.00"),  # 500 + 1000
        ("123456.78", "2203.70"),  # 500 + 1000 + 23456.78 × 3% = 2203.7034
    ],
)
def test_commission_is_marginal(sales: str, commission: str) -> None:
    tiers = tb.commission_tiers(ILLUSTRATIVE_TIERS)
    assert tiers.cite == tb.COMMISSION_CITE
    assert tiers.commission(yuan(sales)).rounded().amount == Decimal(commission)


def test_a_commission_table_is_checked() -> None:
    with pytest.raises(sc.FloatError, match="floats are not accepted"):
        tb.commission_tiers([(yuan(0), 0.01)])  # type: ignore[list-item]
    with pytest.raises(sc.PolicyError, match="thresholds must rise strictly"):
        tb.commission_tiers([(yuan(0), "0.01"), (yuan(0), "0.02")])
    with pytest.raises(sc.PolicyError, match="not in CNY"):
        tb.salary_bands(commission=tb.commission_tiers([(sc.Money(0, "USD"), "0.01")]))


class MyShop:
    """A shop's own plugin: the taobao-shop table with its own commission table."""

    @sc.hookimpl
    def servicecodex_salary_bands(self) -> sc.SalaryBands:
        return tb.salary_bands(commission=tb.commission_tiers(ILLUSTRATIVE_TIERS))


def test_a_shop_supplies_its_tiers() -> None:
    org = sc.Organization.from_plugins(
        [("taobao-shop", tb), ("my-shop", MyShop())], precedence=["my-shop"]
    )
    slip = org.payslip(WANG, MARCH, sales=yuan(80000))
    assert lines(slip) == [
        ("earning", "base", Decimal("2000.00")),
        ("earning", "commission", Decimal("1100.00")),
    ]
    assert slip.explain("zh_Hans_CN")[1] == (
        "销售额¥80,000.00的提成，各阶段按各自比例：¥50,000.00 × 1% + ¥30,000.00 × 2% = "
        "¥1,100.00（TB-11）"
    )
    # the rest of the table is the plugin's
    assert org.salary_bands.minimums == tb.GUARANTEED_MINIMUMS


def test_a_shop_supplies_its_bases() -> None:
    bands = tb.salary_bands(bases={"senior": yuan(2600), "senior-expert": yuan(3000)})
    assert [b.base.amount for b in bands.bands] == [2000, 2000, 2600, 3000]
    with pytest.raises(sc.PolicyError, match=r"bases: not a grade"):
        tb.salary_bands(bases={"reserve-supervisor": yuan(4000)})
    with pytest.raises(sc.PolicyError, match="not in CNY"):
        tb.salary_bands(bases={"junior": sc.Money(300, "USD")})


# Bad input --------------------------------------------------------------------------------------


def test_bad_input_is_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.FloatMoneyError, match="floats are not accepted for money"):
        org.payslip(WANG, MARCH, bonus=300.0)  # type: ignore[arg-type]
    with pytest.raises(sc.CurrencyMismatchError, match="does not match the pay table's CNY"):
        org.payslip(WANG, MARCH, bonus=sc.Money(300, "USD"))
    with pytest.raises(sc.ValidationError, match="before A-031's hire date 2026-03-02"):
        org.payslip(LI, sc.Month(2026, 2))
    with pytest.raises(sc.ValidationError, match="a scorecard of another agent"):
        org.payslip(WANG, MARCH, appraisal=card(org, LIU, MARCH, (25, 15, 25, 15)))
    with pytest.raises(sc.ValidationError, match=r"streaks\[first-in-appraisal\]"):
        org.payslip(WANG, MARCH, streaks={"first-in-appraisal": 3})


# Every reason cites a TB rule ---------------------------------------------------------------------


def busy_slips(org: sc.Organization) -> list[sc.Payslip]:
    ledger = ledger_of(WANG, (tb.PHONE_AT_WORK, 5), (tb.PHONE_AT_WORK, 19), (tb.MISSED_PUNCH, 12))
    return [
        org.payslip(
            WANG,
            MARCH,
            appraisal=card(org, WANG, MARCH, (18, 12, 18, 10)),
            violations=ledger,
            attendance=sc.AttendanceFacts(late=1),
            awards=[tb.TOP_SALES, tb.TOP_CONVERSION],
            streaks={STREAK: 4},
            bonus=yuan("123.45"),
        ),
        org.payslip(
            LI, MARCH, attendance=sc.AttendanceFacts(), awards=[tb.TOP_COMPOSITE], bonus=yuan(50)
        ),
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_reason_cites_a_tb_rule(org: sc.Organization, locale: str) -> None:
    for slip in busy_slips(org):
        assert slip.reasons
        for reason in slip.reasons:
            assert TB_RULE_ID.match(reason.rule_id), reason
            assert reason.rule_id in reason.explain(locale)
        assert slip.format(locale)


def test_the_module_examples_hold() -> None:
    result = doctest.testmod(_pay, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 3
    assert result.failed == 0
