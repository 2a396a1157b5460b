"""Penalty schedules: the four kinds of fine, deduction points, warnings, the limits that
end employment, and the reasons behind every line (TB-39…TB-50, EH-40…EH-67, HD-01/02,
AMB-31…AMB-36, AMB-47…AMB-49).  Schedules are built here, not taken from a plugin."""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable
from decimal import Decimal

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
AGENT = "A-017"
MARCH = sc.Month(2026, 3)
APRIL = sc.Month(2026, 4)
DISMISSAL = sc.Consequence.DISMISSAL
WARNING = sc.Consequence.WARNING
CJK = re.compile(r"[\u4e00-\u9fff]")


def cny(amount: Decimal | int | str) -> sc.Money:
    return sc.Money(amount, "CNY")


def at(
    month: int, day: int, hour: int = 10, minute: int = 0, year: int = 2026
) -> pendulum.DateTime:
    return pendulum.datetime(year, month, day, hour, minute, tz=TZ)


# Citations: rule ids and clauses from RULES.md.
HD01 = sc.Citation("HD-01", "001 篇2 一.6")
HD02 = sc.Citation("HD-02", "001 篇2 二.2")
TB39 = sc.Citation("TB-39", "002 第二篇 P1 七(1)")
TB44 = sc.Citation("TB-44", "002 P2 2.獎懲制度 3)")
TB45 = sc.Citation("TB-45", "002 P2 2.獎懲制度 4)")
TB50 = sc.Citation("TB-50", "002 P3b (e)")
TB56 = sc.Citation("TB-56", "002 P2 6)")
JW10 = sc.Citation("JW-10", "000 篇3 第九條")
EH40 = sc.Citation("EH-40", "003 扣分条款 注")
EH42 = sc.Citation("EH-42", "003 一.1")
EH47 = sc.Citation("EH-47", "003 二.2")
EH55 = sc.Citation("EH-55", "003 二.5")

# HD-01: 10 yuan per breach of the appearance rules.
APPEARANCE = sc.PenaltyRule(
    "appearance",
    sc.Text(en="Appearance rules broken", zh_Hans="违反仪容仪表规定"),
    HD01,
    sc.FixedFine(cny(10)),
)
# HD-02: 20 yuan, given as a bare Money.
UNIFORM = sc.PenaltyRule(
    "uniform-outside", sc.Text(en="Uniform worn outside", zh_Hans="穿工作服出院"), HD02, cny(20)
)
# TB-39 / AMB-31: 50, 100, 200 … restarting each calendar month.
PHONE = sc.PenaltyRule(
    "phone-at-work",
    sc.Text(en="Phone or TV at work", zh_Hans="上班看电视"),
    TB39,
    sc.DoublingFine(cny(50)),
)
# TB-44 / AMB-32: 10 yuan for each full 3 times in a calendar month.
NOT_LOGGED_IN = sc.PenaltyRule(
    "not-logged-in",
    sc.Text(en="Not logged in to Aliwangwang", zh_Hant="未登錄阿里旺旺"),
    TB44,
    sc.BatchFine(cny(10), every=3),
)
# TB-45 / AMB-33: 5 yuan from the 3rd verified complaint in a calendar month.
UNANSWERED = sc.PenaltyRule(
    "phone-unanswered",
    sc.Text(en="Phone left ringing", zh_Hans="电话响铃超过五声未接"),
    TB45,
    sc.ThresholdFine(cny(5), free=2),
)
# AMB-36: a meal overrun is recorded without a fine.
MEAL = sc.PenaltyRule(
    "meal-overrun", sc.Text(en="Meal break over 35 minutes", zh_Hans="用餐超时"), TB56
)
# EH-47: 5 points; EH-42: 1 point; EH-55: 3–5 points (AMB-48).
LATE = sc.PenaltyRule(
    "late",
    sc.Text(en="Late without excuse", zh_Hans="无故迟到"),
    EH47,
    points=sc.PointsRange.exactly(5),
)
DESK = sc.PenaltyRule(
    "desk-untidy",
    sc.Text(en="Area not cleaned", zh_Hans="未保持整洁"),
    EH42,
    points=sc.PointsRange.exactly(1),
)
LEFT_POST = sc.PenaltyRule(
    "left-post",
    sc.Text(en="Left the post without permission", zh_Hans="擅离职守"),
    EH55,
    points=sc.PointsRange(3, 5),
)
# JW-10: a warning.
ATTITUDE = sc.PenaltyRule(
    "poor-attitude",
    sc.Text(en="Poor service attitude", zh_Hans="服务态度差"),
    JW10,
    consequence=WARNING,
)
RULES = (
    APPEARANCE,
    UNIFORM,
    PHONE,
    NOT_LOGGED_IN,
    UNANSWERED,
    MEAL,
    LATE,
    DESK,
    LEFT_POST,
    ATTITUDE,
)
POINTS_LIMIT = sc.PointsLimit(30, 6, DISMISSAL, EH40)  # EH-40, AMB-49: rolling 6 months
WARNING_LIMIT = sc.WarningLimit(3, DISMISSAL, TB50)  # TB-50: 3 warnings
SCHEDULE = sc.PenaltySchedule("CNY", RULES, POINTS_LIMIT, WARNING_LIMIT)


def v(
    vid: str,
    rule: sc.PenaltyRule,
    when: pendulum.DateTime,
    *,
    agent: str = AGENT,
    points: Decimal | int | None = None,
) -> sc.Violation:
    return sc.Violation(vid, agent, rule.code, when, points=points)


def ledger_of(violations: Iterable[sc.Violation]) -> sc.Ledger:
    ledger = sc.Ledger()
    for violation in violations:
        assert ledger.record(violation)
    return ledger


def assess(
    violations: sc.Ledger | Iterable[sc.Violation],
    period: sc.Period = MARCH,
    schedule: sc.PenaltySchedule = SCHEDULE,
) -> sc.Assessment:
    return schedule.assess(AGENT, violations, period, CAL)


def amounts(assessment: sc.Assessment) -> list[Decimal]:
    return [line.amount.amount for line in assessment.fines]


def fine_texts(assessment: sc.Assessment, locale: str = "en") -> list[str]:
    return [line.reason.explain(locale) for line in assessment.fines]


def consequences(assessment: sc.Assessment) -> list[tuple[sc.Consequence, str]]:
    return [(c.consequence, c.reason.rule_id) for c in assessment.consequences]


def repeated(rule: sc.PenaltyRule, days: Iterable[int], month: int = 3) -> list[sc.Violation]:
    return [v(f"{rule.code}-{month}-{d}", rule, at(month, d)) for d in days]


# Fixed fines -------------------------------------------------------------------------


def test_fixed_fine_hd01_ten_yuan_each_time() -> None:
    a = assess(repeated(APPEARANCE, [2, 9]))
    assert a.total == cny(20)
    assert amounts(a) == [10, 10]
    assert all(line.reason.rule_id == "HD-01" for line in a.fines)
    assert a.explain("en")[0] == "Appearance rules broken on Mar 2, 2026: fine CN¥10.00 (HD-01)"


def test_a_bare_money_fine_is_a_fixed_fine() -> None:
    assert UNIFORM.fine == sc.FixedFine(cny(20))
    assert UNIFORM.currency == "CNY"
    a = assess(repeated(UNIFORM, [5]))
    assert a.total == cny(20)


def test_fixed_fine_does_not_escalate() -> None:
    a = assess(repeated(APPEARANCE, range(1, 11)))
    assert amounts(a) == [10] * 10
    assert a.total == cny(100)


# Doubling fines ----------------------------------------------------------------------


def test_doubling_fine_tb39_doubles_within_the_month_and_restarts_next_month() -> None:
    history = [*repeated(PHONE, [3, 10, 17]), v("phone-4-2", PHONE, at(4, 2))]
    ledger = ledger_of(history)

    march = assess(ledger)
    assert amounts(march) == [50, 100, 200]
    assert march.total == cny(350)
    third = march.explain("en")[2]
    assert "occurrence 3" in third
    assert "× 4" in third
    assert third.endswith("(TB-39)")
    assert third == (
        "Phone or TV at work on Mar 17, 2026: occurrence 3 in March 2026, "
        "CN¥50.00 × 4 = CN¥200.00 (TB-39)"
    )

    april = assess(ledger, APRIL)  # AMB-31: the doubling restarts each month
    assert amounts(april) == [50]
    assert april.total == cny(50)
    assert "occurrence 1 in April 2026" in april.explain("en")[0]


def test_doubling_goes_on_doubling() -> None:
    a = assess(repeated(PHONE, range(1, 7)))
    assert amounts(a) == [50, 100, 200, 400, 800, 1600]
    assert a.total == cny(3150)  # 50 × (2^6 − 1)


def test_doubling_counts_the_month_in_the_organisations_timezone() -> None:
    # 23:30 on 31 March and 00:30 on 1 April in Shanghai are both 31 March in UTC.
    ledger = ledger_of(
        [
            v("V-1", PHONE, at(3, 31, 23, 30)),
            v("V-2", PHONE, at(4, 1, 0, 30)),
        ]
    )
    assert amounts(assess(ledger, MARCH)) == [50]
    assert amounts(assess(ledger, APRIL)) == [50]


def test_doubling_per_quarter_restarts_each_quarter() -> None:
    rule = sc.PenaltyRule(
        "phone-at-work",
        PHONE.name,
        TB39,
        sc.DoublingFine(cny(50), per=sc.PeriodKind.QUARTER),
    )
    schedule = sc.PenaltySchedule("CNY", [rule])
    ledger = ledger_of(
        [v("V-1", rule, at(2, 10)), v("V-2", rule, at(3, 10)), v("V-3", rule, at(4, 10))]
    )
    assert amounts(assess(ledger, MARCH, schedule)) == [100]
    assert amounts(assess(ledger, APRIL, schedule)) == [50]


def test_doubling_in_a_range_spanning_two_months() -> None:
    ledger = ledger_of(
        [
            v("V-1", PHONE, at(3, 3)),
            v("V-2", PHONE, at(3, 20)),
            v("V-3", PHONE, at(4, 2)),
            v("V-4", PHONE, at(4, 10)),
        ]
    )
    mid = sc.DateRange(pendulum.date(2026, 3, 16), pendulum.date(2026, 4, 15))
    a = assess(ledger, mid)
    assert [line.violation.id for line in a.fines] == ["V-2", "V-3", "V-4"]
    assert amounts(a) == [100, 50, 100]
    assert a.total == cny(250)


def test_doubling_counts_each_rule_separately() -> None:
    games = sc.Text(en="Games at work", zh_Hans="上班玩游戏")
    other = sc.PenaltyRule("games-at-work", games, TB39, sc.DoublingFine(cny(50)))
    schedule = sc.PenaltySchedule("CNY", [PHONE, other])
    a = assess(
        [v("V-1", PHONE, at(3, 2)), v("V-2", other, at(3, 3)), v("V-3", PHONE, at(3, 4))],
        schedule=schedule,
    )
    assert amounts(a) == [50, 50, 100]


def test_doubling_counts_each_agent_separately() -> None:
    ledger = ledger_of(
        [
            v("V-1", PHONE, at(3, 2), agent="A-018"),
            v("V-2", PHONE, at(3, 3), agent="A-018"),
            v("V-3", PHONE, at(3, 4)),
        ]
    )
    assert amounts(assess(ledger)) == [50]


# Threshold fines ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("times", "total", "lines"),
    [(1, 0, [0]), (2, 0, [0, 0]), (3, 5, [0, 0, 5]), (4, 10, [0, 0, 5, 5])],
)
def test_threshold_fine_tb45_from_the_third_time_in_a_month(
    times: int, total: int, lines: list[int]
) -> None:
    a = assess(repeated(UNANSWERED, range(1, times + 1)))
    assert a.total == cny(total)
    assert amounts(a) == lines


def test_threshold_fine_explains_free_and_fined_occurrences() -> None:
    a = assess(repeated(UNANSWERED, [2, 3, 4]))
    free, _, fined = fine_texts(a)
    assert free == (
        "Phone left ringing on Mar 2, 2026: occurrence 1 in March 2026, free up to 2 (TB-45)"
    )
    assert fined == (
        "Phone left ringing on Mar 4, 2026: occurrence 3 in March 2026, "
        "past the 2 free: CN¥5.00 (TB-45)"
    )


def test_threshold_fine_restarts_each_month() -> None:
    ledger = ledger_of([*repeated(UNANSWERED, [20, 25]), *repeated(UNANSWERED, [1], month=4)])
    assert assess(ledger, APRIL).total == cny(0)


def test_threshold_of_zero_fines_every_time() -> None:
    rule = sc.PenaltyRule("phone-unanswered", UNANSWERED.name, TB45, sc.ThresholdFine(cny(5), 0))
    a = assess(repeated(rule, [1, 2]), schedule=sc.PenaltySchedule("CNY", [rule]))
    assert amounts(a) == [5, 5]


# Batch fines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("times", "total"), [(1, 0), (2, 0), (3, 10), (4, 10), (5, 10), (6, 20), (9, 30)]
)
def test_batch_fine_tb44_ten_yuan_for_each_full_three(times: int, total: int) -> None:
    a = assess(repeated(NOT_LOGGED_IN, range(1, times + 1)))
    assert a.total == cny(total)
    assert [i + 1 for i, amount in enumerate(amounts(a)) if amount] == list(range(3, times + 1, 3))


def test_batch_fine_explains_each_occurrence() -> None:
    a = assess(repeated(NOT_LOGGED_IN, [2, 3, 4]))
    first, _, third = fine_texts(a)
    assert first == (
        "Not logged in to Aliwangwang on Mar 2, 2026: occurrence 1 in March 2026, "
        "fined CN¥10.00 for each full 3 (TB-44)"
    )
    assert third == (
        "Not logged in to Aliwangwang on Mar 4, 2026: occurrence 3 in March 2026 "
        "completes a batch of 3: CN¥10.00 (TB-44)"
    )


def test_batch_fine_restarts_each_month() -> None:
    ledger = ledger_of([*repeated(NOT_LOGGED_IN, [20, 25]), *repeated(NOT_LOGGED_IN, [1], 4)])
    assert assess(ledger, APRIL).total == cny(0)
    assert assess(ledger, MARCH).total == cny(0)


# No fine -----------------------------------------------------------------------------


def test_a_rule_without_a_fine_records_a_zero_line() -> None:
    a = assess(repeated(MEAL, [2]))  # AMB-36
    assert a.total == cny(0)
    assert a.total.currency == "CNY"
    assert a.explain("en")[0] == (
        "Meal break over 35 minutes on Mar 2, 2026: recorded, no fixed fine (TB-56)"
    )


def test_no_violations_cost_nothing() -> None:
    a = assess([])
    assert a.total == sc.Money.zero("CNY")
    assert a.fines == ()
    assert a.consequences == ()
    assert a.points == 0
    assert a.window_points == 0


# Fine and schedule validation --------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "field"),
    [
        (lambda: sc.FixedFine(10), "FixedFine.amount"),  # type: ignore[arg-type]
        (lambda: sc.DoublingFine(cny(50), per="month"), "DoublingFine.per"),  # type: ignore[arg-type]
        (lambda: sc.ThresholdFine(cny(5), free=-1), "ThresholdFine.free"),
        (lambda: sc.ThresholdFine(cny(5), free=True), "ThresholdFine.free"),
        (lambda: sc.BatchFine(cny(10), every=0), "BatchFine.every"),
        (lambda: sc.BatchFine(cny(10), every=-3), "BatchFine.every"),
        (lambda: sc.BatchFine(cny(10), every=True), "BatchFine.every"),
        (lambda: sc.PenaltyRule("late", LATE.name, EH47, "10"), "PenaltyRule.fine"),
        (lambda: sc.PenaltyRule("Late", LATE.name, EH47), "PenaltyRule.code"),
        (lambda: sc.PenaltyRule("late", "Late", EH47), "PenaltyRule.name"),  # type: ignore[arg-type]
        (lambda: sc.PenaltyRule("late", LATE.name, "EH-47"), "PenaltyRule.cite"),  # type: ignore[arg-type]
        (
            lambda: sc.PenaltyRule("late", LATE.name, EH47, points=5),  # type: ignore[arg-type]
            "PenaltyRule.points",
        ),
        (
            lambda: sc.PenaltyRule("late", LATE.name, EH47, consequence="warning"),  # type: ignore[arg-type]
            "PenaltyRule.consequence",
        ),
    ],
)
def test_bad_fines_and_rules_are_policy_errors(build: Callable[[], object], field: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        build()
    assert exc.value.field == field


@pytest.mark.parametrize(
    "fine",
    [
        sc.FixedFine(sc.Money(10, "USD")),
        sc.DoublingFine(sc.Money(50, "USD")),
        sc.ThresholdFine(sc.Money(5, "USD"), free=2),
        sc.BatchFine(sc.Money(10, "USD"), every=3),
        sc.Money(20, "USD"),
    ],
)
def test_a_fine_in_another_currency_than_the_schedule_is_refused(fine: object) -> None:
    rule = sc.PenaltyRule("phone-at-work", PHONE.name, TB39, fine)
    assert rule.currency == "USD"
    with pytest.raises(sc.PolicyError) as exc:
        sc.PenaltySchedule("CNY", [APPEARANCE, rule])
    assert "phone-at-work" in exc.value.field
    assert exc.value.value == "USD"


def test_rules_without_fines_have_no_currency() -> None:
    assert LATE.currency is None
    assert sc.PenaltySchedule("USD", [LATE, MEAL, ATTITUDE]).currency == "USD"


def test_schedule_validation() -> None:
    with pytest.raises(sc.PolicyError):
        sc.PenaltySchedule("CNY", [])
    with pytest.raises(sc.PolicyError) as exc:
        sc.PenaltySchedule("CNY", [PHONE, PHONE])
    assert exc.value.value == "phone-at-work"
    with pytest.raises(sc.PolicyError) as exc:
        sc.PenaltySchedule("RMB", [PHONE])
    assert exc.value.field == "PenaltySchedule.currency"
    with pytest.raises(sc.PolicyError):
        sc.PenaltySchedule("CNY", [PHONE], points_limit=30)  # type: ignore[arg-type]


def test_rule_lookup() -> None:
    assert SCHEDULE.rule("late") is LATE
    with pytest.raises(sc.PolicyError) as exc:
        SCHEDULE.rule("sleeping")
    assert "phone-at-work" in str(exc.value)  # the known codes are listed


# Points ------------------------------------------------------------------------------


def test_points_range() -> None:
    r = sc.PointsRange("3", Decimal(5))
    assert (r.low, r.high) == (Decimal(3), Decimal(5))
    assert r.localize() == "3–5"
    assert sc.PointsRange.exactly(1) == sc.PointsRange(1, 1)
    assert sc.PointsRange.exactly(1).localize("zh_Hans") == "1"


def test_points_range_high_below_low_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PointsRange(5, 3)
    assert exc.value.field == "PointsRange.high"


@pytest.mark.parametrize(("low", "high"), [(0, 5), (0, 0), (-1, 3), (3, 0), (Decimal("-0.5"), 1)])
def test_points_range_of_zero_or_less_is_refused(low: int | Decimal, high: int) -> None:
    with pytest.raises(sc.PolicyError):
        sc.PointsRange(low, high)


@pytest.mark.parametrize(("low", "high"), [(3.0, 5), (3, 5.0), (2.5, 2.5)])
def test_points_range_of_floats_is_refused(low: object, high: object) -> None:
    with pytest.raises(sc.FloatError):
        sc.PointsRange(low, high)


@pytest.mark.parametrize("points", [True, "three", None, Decimal("NaN")])
def test_points_range_of_non_numbers_is_refused(points: object) -> None:
    with pytest.raises(sc.ValidationError):
        sc.PointsRange.exactly(points)


def test_check_unknown_code_is_a_validation_error_naming_violation_code() -> None:
    schedule = sc.PenaltySchedule("CNY", [PHONE, LATE])
    with pytest.raises(sc.ValidationError) as exc:
        schedule.check(sc.Violation("V-1", AGENT, "sleeping", at(3, 2)))
    assert not isinstance(exc.value, sc.PolicyError)  # the user's input, not the policy
    assert exc.value.field == "Violation.code"
    assert exc.value.value == "sleeping"
    assert "phone-at-work" in str(exc.value)
    assert "late" in str(exc.value)


@pytest.mark.parametrize("points", [3, 4, 5, Decimal("3.5"), "5"])
def test_check_points_inside_eh55_range(points: int | Decimal | str) -> None:
    violation = sc.Violation("V-1", AGENT, "left-post", at(3, 2), points=points)
    assert SCHEDULE.check(violation) is LEFT_POST


@pytest.mark.parametrize("points", [2, 6, 0, -3, Decimal("2.99"), Decimal("5.01")])
def test_check_points_outside_eh55_range_name_violation_points(points: int | Decimal) -> None:
    violation = v("V-1", LEFT_POST, at(3, 2), points=points)
    with pytest.raises(sc.ValidationError) as exc:
        SCHEDULE.check(violation)
    assert exc.value.field == "Violation.points"
    assert exc.value.value == Decimal(points)
    assert "EH-55" in str(exc.value)
    with pytest.raises(sc.ValidationError):
        assess([violation])


def test_a_range_rule_without_points_counts_its_low_bound() -> None:
    """AMB-48: the assessor chooses within the range; the lower bound if none is given."""
    violation = v("V-1", LEFT_POST, at(3, 2))
    assert SCHEDULE.check(violation).code == LEFT_POST.code
    a = assess(ledger_of([violation]), sc.Month(2026, 3))
    assert a.points == Decimal(3)


@pytest.mark.parametrize("rule", [PHONE, MEAL, ATTITUDE, APPEARANCE])
def test_check_points_given_for_a_rule_without_points_are_refused(rule: sc.PenaltyRule) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        SCHEDULE.check(v("V-1", rule, at(3, 2), points=3))
    assert exc.value.field == "Violation.points"
    assert rule.cite.rule_id in str(exc.value)


def test_a_fixed_points_rule_counts_its_value_without_points() -> None:
    assert SCHEDULE.check(v("V-1", LATE, at(3, 2))) is LATE
    assert SCHEDULE.check(v("V-1", LATE, at(3, 2), points=5)) is LATE
    with pytest.raises(sc.ValidationError):
        SCHEDULE.check(v("V-1", LATE, at(3, 2), points=4))
    a = assess([v("V-1", LATE, at(3, 2)), v("V-2", DESK, at(3, 3)), v("V-3", LATE, at(3, 4))])
    assert a.points == Decimal(11)
    assert a.total == cny(0)
    assert a.explain("en")[0] == "Late without excuse on Mar 2, 2026: points deducted: 5 (EH-47)"


def test_chosen_points_count() -> None:
    a = assess([v("V-1", LEFT_POST, at(3, 2), points=4), v("V-2", LEFT_POST, at(3, 3), points=3)])
    assert a.points == Decimal(7)
    assert a.window_points == Decimal(7)


# Points limit (EH-40, AMB-49) ----------------------------------------------------------


def _late_each_month(months: Iterable[int], day: int = 10, year: int = 2026) -> list[sc.Violation]:
    return [v(f"late-{year}-{m}", LATE, at(m, day, year=year)) for m in months]


def test_thirty_points_within_six_months_is_dismissal_citing_eh40() -> None:
    ledger = ledger_of(_late_each_month(range(1, 7)))  # 6 × 5 points, Jan … Jun
    a = assess(ledger, sc.Month(2026, 6))
    assert a.points == Decimal(5)
    assert a.window_points == Decimal(30)
    assert consequences(a) == [(DISMISSAL, "EH-40")]
    (line,) = a.consequences
    assert line.violation is None
    assert a.notes == ()
    assert a.explain("en")[-1] == (
        "Points in the 6 months to Jun 10, 2026: 30, at or above 30: dismissal (EH-40)"
    )


def test_twenty_nine_points_is_no_consequence_but_a_note() -> None:
    history = [*_late_each_month(range(1, 6)), v("V-4", LEFT_POST, at(6, 10), points=4)]
    a = assess(ledger_of(history), sc.Month(2026, 6))
    assert a.window_points == Decimal(29)
    assert a.consequences == ()
    (note,) = a.notes
    assert note.rule_id == "EH-40"
    assert note.explain("en") == "Points in the 6 months to Jun 30, 2026: 29, below 30 (EH-40)"
    assert a.reasons[-1] == note


def test_points_spread_so_no_six_month_window_reaches_thirty_are_no_consequence() -> None:
    # 30 points in the year, but at most 15 in any 6 months (AMB-49: rolling).
    ledger = ledger_of(_late_each_month([1, 3, 5, 7, 9, 11], day=15))
    for month in range(1, 13):
        a = assess(ledger, sc.Month(2026, month))
        assert a.consequences == (), month
        assert a.window_points <= 15
    assert assess(ledger, sc.Year(2026)).points == Decimal(30)


def test_the_window_rolls_across_calendar_half_years() -> None:
    # 15 points in May and 15 in August: 15 in each calendar half-year, 30 in 6 rolling months.
    history = [
        *(v(f"may-{d}", LATE, at(5, d)) for d in (4, 5, 6)),
        *(v(f"aug-{d}", LATE, at(8, d)) for d in (3, 4, 5)),
    ]
    ledger = ledger_of(history)
    assert consequences(assess(ledger, sc.Month(2026, 8))) == [(DISMISSAL, "EH-40")]
    # By the end of November May has left the window.
    late_autumn = assess(ledger, sc.Month(2026, 11))
    assert late_autumn.window_points == Decimal(15)
    assert late_autumn.consequences == ()


def test_the_limit_is_reached_on_the_day_the_rolling_window_holds_thirty_points() -> None:
    """15 points on 30 September 2025 and 15 on 1 March 2026: five months apart, so the 6
    months to 1 March hold 30 points ("半年内累计扣分达到30分", AMB-49 rolling).  The
    March assessment must say so, not only look at the window ending on 31 March."""
    history = [
        *(v(f"sep-{h}", LATE, at(9, 30, h, year=2025)) for h in (9, 10, 11)),
        *(v(f"mar-{h}", LATE, at(3, 1, h)) for h in (9, 10, 11)),
    ]
    ledger = ledger_of(history)
    # The one-day assessment of 1 March sees it ...
    first_of_march = sc.DateRange(pendulum.date(2026, 3, 1), pendulum.date(2026, 3, 1))
    assert consequences(assess(ledger, first_of_march)) == [(DISMISSAL, "EH-40")]
    # ... and so must the assessment of the month that contains 1 March.
    assert consequences(assess(ledger, MARCH)) == [(DISMISSAL, "EH-40")]


def test_reversed_points_do_not_count() -> None:
    ledger = ledger_of(_late_each_month(range(1, 7)))
    ledger.reverse("late-2026-3", "the clock was wrong")
    a = assess(ledger, sc.Month(2026, 6))
    assert a.window_points == Decimal(25)
    assert a.consequences == ()


def test_points_of_other_agents_do_not_count() -> None:
    history = [
        *_late_each_month(range(1, 6)),
        v("other", LATE, at(6, 1), agent="A-018"),
        v("own", DESK, at(6, 1)),
    ]
    a = assess(ledger_of(history), sc.Month(2026, 6))
    assert a.window_points == Decimal(26)


def test_points_limit_with_a_plain_list_counts_only_the_list() -> None:
    a = assess(_late_each_month([6]), sc.Month(2026, 6))
    assert a.window_points == Decimal(5)


@pytest.mark.parametrize(
    ("build", "error"),
    [
        (lambda: sc.PointsLimit(0, 6, DISMISSAL, EH40), sc.PolicyError),
        (lambda: sc.PointsLimit(30, 0, DISMISSAL, EH40), sc.PolicyError),
        (lambda: sc.PointsLimit(30, True, DISMISSAL, EH40), sc.PolicyError),
        (lambda: sc.PointsLimit(30.0, 6, DISMISSAL, EH40), sc.FloatError),
        (lambda: sc.PointsLimit(30, 6, "dismissal", EH40), sc.PolicyError),  # type: ignore[arg-type]
        (lambda: sc.WarningLimit(0, DISMISSAL, TB50), sc.PolicyError),
        (lambda: sc.WarningLimit(3, "dismissal", TB50), sc.PolicyError),  # type: ignore[arg-type]
    ],
)
def test_limit_validation(build: Callable[[], object], error: type[Exception]) -> None:
    with pytest.raises(error):
        build()


@pytest.mark.parametrize("months", [0, -1, True, "6"])
def test_warning_limit_months_must_be_whole_months(months: object) -> None:
    with pytest.raises(sc.PolicyError):
        sc.WarningLimit(3, DISMISSAL, TB50, months=months)  # type: ignore[arg-type]


# Warnings (TB-50) ------------------------------------------------------------------------


def test_each_warning_violation_gives_a_consequence_line() -> None:
    history = [v("W-1", ATTITUDE, at(3, 2)), v("W-2", ATTITUDE, at(3, 9))]
    a = assess(history)
    assert consequences(a) == [(WARNING, "JW-10"), (WARNING, "JW-10")]
    assert [c.violation for c in a.consequences] == history
    assert a.consequences[-1].reason.explain("en") == (
        "Poor service attitude on Mar 9, 2026: a warning (JW-10)"
    )


def test_the_third_warning_is_dismissal() -> None:
    ledger = ledger_of(
        [
            v("W-1", ATTITUDE, at(1, 12)),
            v("W-2", ATTITUDE, at(2, 12)),
            v("W-3", ATTITUDE, at(3, 12)),
        ]
    )
    february = assess(ledger, sc.Month(2026, 2))
    assert consequences(february) == [(WARNING, "JW-10")]
    march = assess(ledger, MARCH)
    assert consequences(march) == [(WARNING, "JW-10"), (DISMISSAL, "TB-50")]
    dismissal = march.consequences[-1]
    assert dismissal.violation is None
    assert dismissal.reason.explain("en") == (
        "Warnings by Mar 12, 2026: 3, at or above 3: dismissal (TB-50)"
    )


def test_three_warnings_in_one_month_is_dismissal() -> None:
    a = assess(repeated(ATTITUDE, [2, 3, 4]))
    assert consequences(a).count((DISMISSAL, "TB-50")) == 1
    assert consequences(a).count((WARNING, "JW-10")) == 3


def test_reversed_warnings_do_not_count() -> None:
    ledger = ledger_of(repeated(ATTITUDE, [2, 3, 4]))
    ledger.reverse("poor-attitude-3-3", "the customer withdrew the complaint")
    assert (DISMISSAL, "TB-50") not in consequences(assess(ledger))


def test_warning_limit_within_months_forgets_older_warnings() -> None:
    limit = sc.WarningLimit(3, DISMISSAL, TB50, months=2)
    schedule = sc.PenaltySchedule("CNY", [ATTITUDE], warning_limit=limit)
    ledger = ledger_of(
        [
            v("W-1", ATTITUDE, at(1, 12)),
            v("W-2", ATTITUDE, at(2, 12)),
            v("W-3", ATTITUDE, at(3, 12)),
        ]
    )
    assert (DISMISSAL, "TB-50") not in consequences(assess(ledger, MARCH, schedule))
    ledger.record(v("W-4", ATTITUDE, at(3, 20)))
    assert (DISMISSAL, "TB-50") in consequences(assess(ledger, MARCH, schedule))


# assess(): what it is given ------------------------------------------------------------


def test_a_listed_violation_of_another_agent_is_refused_naming_it() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        assess([v("V-1", PHONE, at(3, 2)), v("V-2", PHONE, at(3, 3), agent="A-018")])
    assert exc.value.value == "V-2"
    assert "A-018" in str(exc.value)


def test_a_listed_violation_outside_the_period_is_refused_naming_it() -> None:
    # 00:30 on 1 April in Shanghai, still 31 March in UTC: outside March.
    with pytest.raises(sc.ValidationError) as exc:
        assess([v("V-1", PHONE, at(3, 2)), v("V-2", PHONE, at(4, 1, 0, 30))])
    assert "V-2" in exc.value.field
    assert "V-2" in str(exc.value)
    # 23:30 on 31 March in Shanghai lies in March.
    assert assess([v("V-3", PHONE, at(3, 31, 23, 30))]).total == cny(50)


def test_a_listed_violation_that_does_not_fit_its_rule_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        assess([sc.Violation("V-1", AGENT, "sleeping", at(3, 2))])
    assert exc.value.field == "violations[V-1].code"


def test_the_ledger_counts_earlier_occurrences_in_the_month() -> None:
    ledger = ledger_of(
        [
            *repeated(PHONE, [3, 10, 17]),
            *repeated(UNANSWERED, [4, 11, 18]),
            *repeated(NOT_LOGGED_IN, [5, 12, 19]),
            v("other", PHONE, at(3, 6), agent="A-018"),
        ]
    )
    second_half = sc.DateRange(pendulum.date(2026, 3, 16), pendulum.date(2026, 3, 31))
    a = assess(ledger, second_half)
    assert [line.violation.id for line in a.fines] == [
        "phone-at-work-3-17",
        "phone-unanswered-3-18",
        "not-logged-in-3-19",
    ]
    assert amounts(a) == [200, 5, 10]
    assert a.total == cny(215)
    assert a.period == second_half
    assert a.agent_id == AGENT
    # A plain list knows no history: the 17th is then the first time.
    alone = assess(repeated(PHONE, [17]), second_half)
    assert alone.total == cny(50)


def test_later_occurrences_do_not_count_towards_earlier_ones() -> None:
    ledger = ledger_of(repeated(PHONE, [3, 10, 17, 24]))
    first_half = sc.DateRange(pendulum.date(2026, 3, 1), pendulum.date(2026, 3, 15))
    assert amounts(assess(ledger, first_half)) == [50, 100]


def test_the_same_instant_is_ordered_by_id() -> None:
    a = assess([v("V-2", PHONE, at(3, 2)), v("V-1", PHONE, at(3, 2))])
    assert [(line.violation.id, line.amount.amount) for line in a.fines] == [
        ("V-1", Decimal(50)),
        ("V-2", Decimal(100)),
    ]


def test_the_same_violation_listed_twice_is_refused() -> None:
    """The ledger counts a violation recorded twice once; a list must not count it twice
    either: it is refused."""
    once = v("V-1", PHONE, at(3, 2))
    with pytest.raises(sc.ValidationError, match="listed twice"):
        assess([once, once])


def test_reasons_are_fines_then_consequences_then_notes() -> None:
    a = assess(ledger_of([v("V-1", PHONE, at(3, 2)), v("V-2", ATTITUDE, at(3, 3))]))
    # The warning-only rule draws its consequence line alone, no ¥0 fine line.
    assert [r.rule_id for r in a.reasons] == ["TB-39", "JW-10", "EH-40"]
    assert len(a.explain("en")) == 3


# Explanations in three languages ------------------------------------------------------


def _everything() -> sc.Assessment:
    history = [
        *repeated(APPEARANCE, [2]),
        *repeated(UNIFORM, [2]),
        *repeated(PHONE, [3, 10, 17]),
        *repeated(UNANSWERED, [4, 11, 18]),
        *repeated(NOT_LOGGED_IN, [5, 12, 19]),
        *repeated(MEAL, [6]),
        *repeated(LATE, [6]),
        *repeated(DESK, [6]),
        v("left-post-3-7", LEFT_POST, at(3, 7), points=4),
        *repeated(ATTITUDE, [9, 16, 23]),
    ]
    return assess(ledger_of(history))


@pytest.mark.parametrize(
    ("locale", "open_", "close"),
    [("en", "(", ")"), ("zh_Hans", "（", "）"), ("zh_Hant", "（", "）")],
)
def test_every_reason_renders_in_each_locale_with_its_rule_id(
    locale: str, open_: str, close: str
) -> None:
    a = _everything()
    texts = a.explain(locale)
    assert len(texts) == len(a.reasons) == len(a.fines) + len(a.consequences) + len(a.notes)
    for reason, text in zip(a.reasons, texts, strict=True):
        assert text.endswith(f"{open_}{reason.rule_id}{close}"), text
        assert "{" not in text, text
        assert bool(CJK.search(text)) == (locale != "en"), text
    ids = {r.rule_id for r in a.reasons}
    assert ids == {
        "HD-01", "HD-02", "TB-39", "TB-45", "TB-44", "TB-56", "EH-47", "EH-42", "EH-55",
        "JW-10", "TB-50", "EH-40",
    }  # fmt: skip


def test_the_doubling_line_in_chinese() -> None:
    a = assess(repeated(PHONE, [3, 10, 17]))
    assert a.explain("zh_Hans")[2] == (
        "2026年3月17日上班看电视：2026年3月第3次，¥50.00 × 4 = ¥200.00（TB-39）"
    )
    hant = a.explain("zh_Hant")[2]
    assert hant.startswith("2026年3月17日上班看電視：")  # name converted with OpenCC
    assert "第3次" in hant
    assert hant.endswith("（TB-39）")
    assert a.explain("zh_Hans_CN") == a.explain("zh_Hans")
    assert a.explain("zh_TW") == a.explain("zh_Hant")


def test_the_limits_in_chinese() -> None:
    a = _everything()
    dismissal, note = a.consequences[-1].reason, a.notes[0]
    assert dismissal.explain("zh_Hans") == "截至2026年3月23日共3次警告，达到3次：辞退（TB-50）"
    assert dismissal.explain("zh_Hant") == "截至2026年3月23日共3次警告，達到3次：辭退（TB-50）"
    assert note.explain("zh_Hans") == "截至2026年3月31日的6个月内累计扣10分，未达30分（EH-40）"
    assert note.explain("zh_Hant") == "截至2026年3月31日的6個月內累計扣10分，未達30分（EH-40）"


def test_an_unsupported_locale_is_refused() -> None:
    with pytest.raises(sc.UnsupportedLocaleError):
        _everything().explain("fr")


@pytest.mark.parametrize("locale", ["en", "zh_Hans", "zh_Hant"])
def test_rules_and_limits_describe_themselves(locale: str) -> None:
    described = [rule.describe() for rule in RULES]
    described += [POINTS_LIMIT.describe(), WARNING_LIMIT.describe()]
    for reason in described:
        text = reason.explain(locale)
        assert reason.rule_id in text
        assert "{" not in text
        assert bool(CJK.search(text)) == (locale != "en")
    if locale == "en":
        assert PHONE.describe().explain("en").startswith("Phone or TV at work: fine CN¥50.00")
        assert LEFT_POST.describe().explain("en") == (
            "Left the post without permission: points 3–5 (EH-55)"
        )
        assert POINTS_LIMIT.describe().explain("en") == (
            "Points within 6 months reaching 30: dismissal (EH-40)"
        )
        assert WARNING_LIMIT.describe().explain("en") == "Warnings reaching 3: dismissal (TB-50)"


# Properties --------------------------------------------------------------------------

ZONES = ("Asia/Shanghai", "UTC", "America/New_York", "Europe/Berlin")
FINE_CODES = ("fixed", "doubling", "threshold", "batch")


def _in_march(day: int, hour: int, minute: int, zone: str) -> pendulum.DateTime:
    """An instant in March in Shanghai, written in another timezone."""
    return at(3, day, hour, minute).in_timezone(zone)


march_instants = st.builds(
    _in_march,
    st.integers(1, 31),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(ZONES),
)


@st.composite
def fine_schedules(draw: st.DrawFn) -> sc.PenaltySchedule:
    money = st.integers(1, 500).map(cny)
    per = st.sampled_from(list(sc.PeriodKind))
    fines: list[sc.FixedFine | sc.DoublingFine | sc.ThresholdFine | sc.BatchFine] = [
        sc.FixedFine(draw(money)),
        sc.DoublingFine(draw(money), draw(per)),
        sc.ThresholdFine(draw(money), draw(st.integers(0, 5)), draw(per)),
        sc.BatchFine(draw(money), draw(st.integers(1, 5)), draw(per)),
    ]
    rules = [
        sc.PenaltyRule(code, sc.Text(en=code, zh_Hans="罚款"), TB39, fine)
        for code, fine in zip(FINE_CODES, fines, strict=True)
    ]
    return sc.PenaltySchedule("CNY", rules)


@settings(deadline=None)
@given(
    fine_schedules(),
    st.lists(st.tuples(st.sampled_from(FINE_CODES), march_instants, st.booleans()), max_size=30),
)
def test_more_violations_never_lower_the_fines(
    schedule: sc.PenaltySchedule,
    draws: list[tuple[str, pendulum.DateTime, bool]],
) -> None:
    everything = [
        sc.Violation(f"V-{i}", AGENT, code, when) for i, (code, when, _) in enumerate(draws)
    ]
    subset = [violation for violation, (*_, keep) in zip(everything, draws, strict=True) if keep]
    more = assess(everything, schedule=schedule)
    fewer = assess(subset, schedule=schedule)
    assert more.total >= fewer.total
    assert all(line.amount >= sc.Money.zero("CNY") for line in more.fines)
    # And adding them one by one never lowers the total either.
    ledger, previous = sc.Ledger(), sc.Money.zero("CNY")
    for violation in everything:
        ledger.record(violation)
        total = assess(ledger, schedule=schedule).total
        assert total >= previous
        previous = total
    assert previous == more.total  # the ledger and the list agree when all lie in March


AGENTS = (AGENT, "A-018")


@st.composite
def valid_violations(draw: st.DrawFn, vid: str) -> sc.Violation:
    rule = draw(st.sampled_from(RULES))
    month = draw(st.integers(1, 5))
    when = at(month, draw(st.integers(1, 28)), draw(st.integers(0, 23)), draw(st.integers(0, 59)))
    points = None
    if rule.points is not None and rule.points.low != rule.points.high:
        points = draw(st.integers(int(rule.points.low), int(rule.points.high)))
    agent = draw(st.sampled_from(AGENTS))
    return sc.Violation(
        vid, agent, rule.code, when.in_timezone(draw(st.sampled_from(ZONES))), points=points
    )


@st.composite
def histories(draw: st.DrawFn) -> list[sc.Violation]:
    return [draw(valid_violations(f"V-{i}")) for i in range(draw(st.integers(0, 15)))]


periods = st.sampled_from(
    [
        sc.Month(2026, 2),
        MARCH,
        APRIL,
        sc.DateRange(pendulum.date(2026, 3, 16), pendulum.date(2026, 4, 15)),
        sc.Quarter(2026, 1),
    ]
)


@settings(deadline=None)
@given(histories(), valid_violations("V-extra"), periods)
def test_a_reversal_restores_the_earlier_assessment_exactly(
    history: list[sc.Violation], extra: sc.Violation, period: sc.Period
) -> None:
    ledger = ledger_of(history)
    before = assess(ledger, period)
    assert ledger.record(extra)
    assert ledger.reverse("V-extra", "reported in error")
    after = assess(ledger, period)
    assert after.total == before.total
    assert after.fines == before.fines
    assert after.consequences == before.consequences
    assert after.points == before.points
    assert after.window_points == before.window_points
    assert after.explain("en") == before.explain("en")
    assert after == before


@settings(deadline=None)
@given(histories(), valid_violations("V-extra"))
def test_an_extra_violation_in_the_period_never_lowers_the_assessment(
    history: list[sc.Violation], extra: sc.Violation
) -> None:
    ledger = ledger_of(history)
    period = sc.Month.of(CAL.local_date(extra.at))
    before = SCHEDULE.assess(extra.agent_id, ledger, period, CAL)
    ledger.record(extra)
    after = SCHEDULE.assess(extra.agent_id, ledger, period, CAL)
    assert after.total >= before.total
    assert after.points >= before.points
    assert after.window_points >= before.window_points
    assert len(after.consequences) >= len(before.consequences)


FLOAT_PATHS: list[tuple[str, Callable[[float], object]]] = [
    ("Money.amount", lambda f: sc.Money(f, "CNY")),
    ("Money * factor", lambda f: operator.mul(cny(50), f)),
    ("Money * factor", lambda f: operator.mul(f, cny(50))),
    ("Money / divisor", lambda f: operator.truediv(cny(50), f)),
    ("Money.amount", lambda f: sc.FixedFine(sc.Money(f, "CNY"))),
    ("Money.amount", lambda f: sc.DoublingFine(sc.Money(f, "CNY"))),
    ("Violation.points", lambda f: sc.Violation("V-1", AGENT, "left-post", at(3, 2), points=f)),
    ("PointsRange", lambda f: sc.PointsRange(f, 5)),
    ("PointsRange", lambda f: sc.PointsRange(3, f)),
    ("PointsRange", lambda f: sc.PointsRange.exactly(f)),
    ("PointsRange", lambda f: sc.PointsLimit(f, 6, DISMISSAL, EH40)),
]


@pytest.mark.parametrize(("field", "build"), FLOAT_PATHS)
@given(value=st.floats())
def test_no_float_ever_enters_a_money_or_points_path(
    field: str, build: Callable[[float], object], value: float
) -> None:
    with pytest.raises(sc.FloatError) as exc:
        build(value)
    assert exc.value.field == field


@given(value=st.floats())
def test_a_float_fine_is_refused(value: float) -> None:
    with pytest.raises(sc.ValidationError):
        sc.PenaltyRule("late", LATE.name, EH47, value)
