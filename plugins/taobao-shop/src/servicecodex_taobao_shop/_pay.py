"""TB-07 … TB-18 and TB-49: the shop's pay table, and the helpers around it.

P3b 二(二) 「工資包含:基本工資、績效獎金」 (TB-07) with 「年度核算月保底制度」 (TB-08), the
trial month (TB-09), the commission table (TB-11, missing) and the pool (TB-12); P3b (e)
the streak award (TB-13) and the fail deduction (TB-49); P1 六 the full-attendance bonus
and the awards (TB-14 … TB-17).  Every amount is in yuan (元).

How the pieces fit, with the Ambiguity defaults:

* **Base pay** (TB-02, TB-08, AMB-38).  The source says base pay is set by grade but gives
  no figures; AMB-38's default is "base pay = the year's guaranteed minimum".  A band's
  base cannot follow the service year (it belongs to the rung), so each of the four
  grades has a band of its own (ids = rung ids, TB-02) whose base is the **first-year**
  minimum, 2000; the guaranteed minimums 2000 / 2200 / 2500 by service year (TB-08,
  AMB-40) are settled **annually** and lift the pay of service years 2 and 3+ at the
  annual settlement.  In year 1 this is AMB-38 exactly; from year 2 on the settlement
  pays max(actual, 12 × minimum) rather than the minimum plus the month's bonuses (see
  the README).  A shop with its own per-grade figures passes them to
  :func:`salary_bands`.
* **Trial** (TB-09): 1600 for one month, no bonus, no guaranteed minimum.
* **Full attendance** (TB-14) 100, from the month's :class:`servicecodex.AttendanceFacts`
  (``sc.attendance(…).facts(agent, month)`` under the shift policy, ``_shifts``); **awards** (TB-15 … TB-17, AMB-35) top sales, top
  conversion and top composite service score, 100 each, stacking, the top-sales award
  counted once; the **streak award** (TB-13, AMB-41) 100 × streak ÷ 3 in the month the
  streak of firsts in the composite appraisal reaches a multiple of 3.
* **Fail deduction** (TB-49, AMB-42): 100 off a month appraised below 60.
* **Commission** (TB-11): marginal tiers, but the table is missing (AMB-38): none by
  default; a shop supplies its own with :func:`commission_tiers` and :func:`salary_bands`.
* **Performance bonus** (TB-07, TB-10, TB-12): pay is the base plus a performance bonus
  (``PERFORMANCE_PAY``, TB-07), so a payslip without one says so; the bonus is the
  results appraisal × the composite appraisal (TB-10): the month's results make the
  pool (its amount is the shop's: the commission table and the department's split are
  missing, AMB-38), and the pool is split by the appraisal totals, plus and minus points
  included (TB-12): :func:`pool_shares`.
* **Fines** (TB-18) come from the penalty schedule and are deducted on the payslip;
  ``PAYROLL`` states what payroll took off, the fines and a full-attendance bonus not
  earned.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal

import servicecodex as sc
from servicecodex_taobao_shop._ladder import RUNGS
from servicecodex_taobao_shop._penalties import CURRENCY
from servicecodex_taobao_shop._source import cite

__all__ = [
    "ATTENDANCE_BONUS",
    "AWARDS",
    "BASE_PAY",
    "BONUS_POOL",
    "COMMISSION_CITE",
    "FAIL_DEDUCTION",
    "GUARANTEED_MINIMUMS",
    "PAYROLL",
    "PERFORMANCE_PAY",
    "SALARY_BANDS",
    "STREAK_AWARD",
    "TOP_COMPOSITE",
    "TOP_CONVERSION",
    "TOP_SALES",
    "TRIAL_PAY",
    "commission_tiers",
    "pool_shares",
    "salary_bands",
    "service_year_months",
]


def _yuan(amount: int) -> sc.Money:
    return sc.Money(amount, CURRENCY)


# Base pay, minimums and trial (TB-02, TB-07 … TB-09) ----------------------------------------

_TB08 = cite("TB-08", "P3b 二(二)")
#: AMB-38: base pay = the year's guaranteed minimum; a band's base is one amount, so every
#: grade's band pays the first-year minimum, 2000 yuan (TB-08), and the later years'
#: minimums are reached through the annual settlement.
BASE_PAY = _yuan(2000)
#: The bands' citation: the amount is TB-08's first-year minimum (AMB-38); one band per
#: grade is TB-02's 「基本工資以客服職稱劃分」 (P3b 二(一)).
_BAND_CITE = cite("TB-08", "P3b 二(一); 二(二)")

#: TB-08: 「首年度保底2000元∕月、第二年度保底2200元∕月、第三年度保底2500元∕月」, by service
#: year from the hire date (AMB-40); the third year's 2500 holds for every later year.
GUARANTEED_MINIMUMS: tuple[sc.GuaranteedMinimum, ...] = tuple(
    sc.GuaranteedMinimum(year, _yuan(amount), _TB08)
    for year, amount in ((1, 2000), (2, 2200), (3, 2500))
)

#: TB-09: 「新入職客服試用期一個月,工資1600元/月,無獎金」: the hire month is paid 1600 yuan
#: with no bonus of any kind (full attendance, awards, streak, commission, pool share).
TRIAL_PAY = sc.TrialPay(_yuan(1600), 1, False, cite("TB-09", "P3b 二(二)"))

# Bonuses (TB-13 … TB-17) ----------------------------------------------------------------------

#: TB-14: 「整工作月 無遲到/早退/曠工/請假,即可追加100元全勤獎」.
ATTENDANCE_BONUS = sc.AttendanceBonus(_yuan(100), cite("TB-14", "P1 六(1)"))

#: Award codes (AMB-35), as passed in ``awards=``.
TOP_SALES = "top-sales"
TOP_CONVERSION = "top-conversion"
TOP_COMPOSITE = "top-composite"

#: TB-15 … TB-17 with AMB-35: three awards of 100 yuan that stack (TB-17 「如同時達到,獎項
#: 給于疊加」).  P1 六(3) and 六(4) both reward the month's top sales: one award, counted
#: once.  TB-16's 「綜合評分」 is P1's service score (「接單轉換率,成交付款率,回復響應速度以及
#: 接待客戶語氣服務」), not P3b's composite appraisal.  Who won is the shop's to say: pass
#: the codes as ``awards=[...]``.
AWARDS: tuple[sc.Award, ...] = (
    sc.Award(
        TOP_SALES,
        sc.Text(en="Top sales", zh_Hant="銷售業績第一"),
        _yuan(100),
        cite("TB-15", "P1 六(3); 六(4)"),
    ),
    sc.Award(
        TOP_CONVERSION,
        sc.Text(en="Highest conversion rate", zh_Hant="轉化率最高"),
        _yuan(100),
        cite("TB-17", "P1 六(4)"),
    ),
    sc.Award(
        TOP_COMPOSITE,
        sc.Text(en="Highest composite service score", zh_Hant="綜合評分最高"),
        _yuan(100),
        cite("TB-16", "P1 六(3)"),
    ),
)

#: TB-13 with AMB-41: one condition, first in the monthly composite appraisal (「部門優秀
#: 員工」 and 「綜合業績第一」 read as one); 100 × streak ÷ 3 in each month the streak reaches
#: a multiple of 3 (3 → 100, 6 → 200, 4 or 5 → nothing).  Pass the streak as
#: ``streaks={"first-in-composite": n}``, this month included.
STREAK_AWARD = sc.StreakAward(
    "first-in-composite",
    sc.Text(en="First in the composite appraisal", zh_Hant="綜合業績第一"),
    3,
    _yuan(100),
    cite("TB-13", "P3b (e)"),
)

# Deduction, commission, pool (TB-49, TB-11, TB-12) ----------------------------------------

#: TB-49: 「考核分不達60分扣100元/月」: a month whose composite appraisal fails (below 60,
#: AMB-42) has 100 yuan deducted.
FAIL_DEDUCTION = sc.FailDeduction(_yuan(100), cite("TB-49", "P3b (e)"))

#: TB-11: the citation of a shop's commission table (「客服部門績效提成表」, P3b 二(二)(1)).
COMMISSION_CITE = cite("TB-11", "P3b (1)")

#: TB-12: 「客服個人業績獎金額度=總業績提成獎金/所有客服人員總考評總分額*個人評分分值(含加減
#: 分)」; see :func:`pool_shares`.  The share is the agent's performance bonus, TB-10's
#: 「業績考評*綜合考評」: the results make the pool, the composite appraisal the share.
BONUS_POOL = sc.BonusPool(cite("TB-12", "P3b (g)"), formula=cite("TB-10", "P3b 二(二)"))

#: TB-07: 「工資包含:基本工資、績效獎金」: a month that could carry the bonus but was given
#: none is noted on the payslip.
PERFORMANCE_PAY = sc.PerformancePay(cite("TB-07", "P3b 二(二)"))

#: TB-18: 「結算工資時按公司相關規定扣除全勤獎金和相應罰款」 (P1 二.5).
PAYROLL = sc.PayrollDeductions(cite("TB-18", "P1 二.5"))


def commission_tiers(
    tiers: Iterable[tuple[sc.Money, Decimal | int | str]],
) -> sc.CommissionTiers:
    """A shop's own commission table, cited to TB-11: ``(threshold, rate)`` pairs,
    thresholds in yuan strictly rising, rates 0 to 1 (``Decimal("0.01")`` is 1%).

    Paid marginally, as TB-11 says (「每超過一個階段,前一階段原有提成以前一階段核算方式照常
    核算」): each tier's part of the sales at that tier's rate.  The source's table is
    missing (AMB-38), so the plugin sets none; pass the result to :func:`salary_bands`.

    >>> table = commission_tiers([(sc.Money(0, "CNY"), "0.01"), (sc.Money(50000, "CNY"), "0.02")])
    >>> table.commission(sc.Money(80000, "CNY")).amount  # 50000 × 1% + 30000 × 2%
    Decimal('1100.00')
    """
    return sc.CommissionTiers(
        [sc.CommissionTier(threshold, rate) for threshold, rate in tiers],
        COMMISSION_CITE,
    )


def salary_bands(
    *,
    commission: sc.CommissionTiers | None = None,
    bases: Mapping[str, sc.Money] | None = None,
) -> sc.SalaryBands:
    """The shop's pay table, in yuan.

    By default (the source with the Ambiguity defaults): every grade's base is 2000
    (AMB-38), minimums 2000 / 2200 / 2500 by service year settled annually (TB-08,
    AMB-40), trial 1600 for one month with no bonus (TB-09), full attendance 100 (TB-14),
    the three awards (TB-15 … TB-17, AMB-35), the streak award (TB-13, AMB-41), the fail
    deduction 100 (TB-49), the bonus pool (TB-12) paying the performance bonus (TB-07,
    TB-10), what payroll deducts (TB-18), and **no commission** (TB-11's table is
    missing, AMB-38).

    *commission* is the shop's own table (:func:`commission_tiers`); *bases* the shop's
    own base pay per grade, by rung id (grades left out keep 2000).  A shop answers
    ``servicecodex_salary_bands`` with the result from a plugin of its own, loaded with
    ``precedence`` over ``taobao-shop``.
    """
    given = dict(bases or {})
    known = [r.id for r in RUNGS]
    for grade in given:
        if grade not in known:
            raise sc.PolicyError("bases", grade, f"not a grade ({', '.join(known)})")
    return sc.SalaryBands(
        CURRENCY,
        tuple(
            sc.SalaryBand(rung.id, rung.name, given.get(rung.id, BASE_PAY), _BAND_CITE)
            for rung in RUNGS
        ),
        trial=TRIAL_PAY,
        minimums=GUARANTEED_MINIMUMS,
        settlement=sc.MinimumSettlement.ANNUAL,
        full_attendance=ATTENDANCE_BONUS,
        awards=AWARDS,
        streak_awards=(STREAK_AWARD,),
        fail_deduction=FAIL_DEDUCTION,
        commission=commission,
        bonus_pool=BONUS_POOL,
        performance_pay=PERFORMANCE_PAY,
        payroll_deductions=PAYROLL,
    )


#: The table the plugin answers: the defaults, no commission tiers.
SALARY_BANDS = salary_bands()


def pool_shares(pool: sc.Money, cards: Iterable[sc.Scorecard]) -> dict[str, sc.Money]:
    """TB-12: each agent's share of the month's bonus *pool*, in proportion to the totals
    of the month's scorecards *cards* (plus and minus points included, 「含加減分」).

    The split is :func:`servicecodex.split_pool`: shares rounded down to the cent, the
    cents left over to the largest remainders, so the shares add up to the pool.  Leave
    out agents in their trial month: TB-09 pays them no bonus, so a share would go unpaid.
    Each share goes on that agent's payslip as ``bonus=``.

    :raises servicecodex.ValidationError: no cards, cards of different months, two cards
        for one agent, or totals that cannot split a pool (negative, all zero).
    """
    return BONUS_POOL.shares(pool, cards)


def service_year_months(agent: sc.Agent, year: int) -> tuple[sc.Month, ...]:
    """The 12 months of *agent*'s service year *year* (1 = the first), as the payslips
    count it (AMB-40): the months whose last day is 12 × (*year* − 1) to 12 × *year* − 1
    whole months after the hire date, i.e. from the hire month on.  These are the months
    :func:`servicecodex.settle_year` settles together.

    >>> import datetime
    >>> a = sc.Agent("A-017", "王芳", hired=datetime.date(2025, 3, 2), rung="junior",
    ...              rung_since=datetime.date(2025, 3, 2))
    >>> months = service_year_months(a, 2)
    >>> months[0].label("en"), months[-1].label("en")
    ('March 2026', 'February 2027')
    """
    if not isinstance(year, int) or isinstance(year, bool) or year < 1:
        raise sc.ValidationError("year", year, "a service year is a whole number >= 1")
    month = sc.Month.of(agent.hired)
    for _ in range(12 * (year - 1)):
        month = month.next()
    months = [month]
    while len(months) < 12:
        months.append(months[-1].next())
    return tuple(months)
