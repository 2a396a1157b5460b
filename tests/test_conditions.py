"""Ladder conditions: each kind met and unmet, with the facts that decided it; windows;
consecutive and non-consecutive counts; composition; a condition kind of one's own."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal

import attrs
import pendulum
import pytest

import servicecodex as sc

T = sc.Text
EL_07 = sc.Citation("EL-07", "002 第一篇 四.2 G")
EL_08 = sc.Citation("EL-08", "002 第一篇 四.2 H")
EL_10 = sc.Citation("EL-10", "002 第一篇 四.3 G")
EL_14 = sc.Citation("EL-14", "002 第一篇 四")
EL_16 = sc.Citation("EL-16", "002 第一篇 五.3")
TB_50 = sc.Citation("TB-50", "002 第二篇 P3b (e)")
CC_02 = sc.Citation("CC-02", "001 一.5")

HIRED = pendulum.date(2026, 1, 1)
JUNE_30 = pendulum.date(2026, 6, 30)
EXCELLENT = T(en="Excellent CS", zh_Hans="优秀客服")
SINCE_PROMOTION = sc.Window(since_promotion=True)

SCHEME = sc.AppraisalScheme(
    [sc.Criterion("appraisal", T(en="Appraisal", zh_Hans="考评"), 100, EL_14)],
    [sc.PeriodKind.MONTH, sc.PeriodKind.QUARTER],
    EL_14,
    pass_mark=sc.PassMark(60, sc.Citation("TB-49", "002 第二篇 P3b (e)")),
    grades=sc.GradeScale(
        [sc.Grade("A", 90), sc.Grade("B", 75), sc.Grade("C", 60), sc.Grade("D", 0)], EL_14
    ),
)
GRADE_POINTS = {"A": 95, "B": 80, "C": 65, "D": 40}


def agent(rung_since: pendulum.Date = HIRED, titles: Iterable[pendulum.Date] = ()) -> sc.Agent:
    return sc.Agent(
        "A-017",
        "王芳",
        hired=HIRED,
        rung="intermediate",
        rung_since=rung_since,
        titles=tuple(sc.Title("excellent-cs", on) for on in titles),
    )


def quarters(grades: dict[tuple[int, int], str]) -> list[sc.Scorecard]:
    """Quarterly cards graded as given, keyed by (year, quarter)."""
    return [
        SCHEME.score("A-017", sc.Quarter(y, q), {"appraisal": GRADE_POINTS[g]})
        for (y, q), g in grades.items()
    ]


def months(totals: dict[int, int], year: int = 2026) -> list[sc.Scorecard]:
    return [SCHEME.score("A-017", sc.Month(year, m), {"appraisal": t}) for m, t in totals.items()]


def ranks(positions: dict[int, int], year: int = 2026) -> list[sc.Rank]:
    return [sc.Rank("A-017", sc.Month(year, m), p, 8) for m, p in positions.items()]


def context(
    as_of: pendulum.Date = JUNE_30,
    *,
    a: sc.Agent | None = None,
    cards: Iterable[sc.Scorecard] = (),
    positions: Iterable[sc.Rank] = (),
    facts: Iterable[sc.DatedFact] = (),
) -> sc.Context:
    history = sc.History("A-017", scorecards=tuple(cards), ranks=tuple(positions), facts=facts)
    return sc.Context(agent() if a is None else a, history, as_of)


def en(check: sc.Check) -> str:
    return check.reason.explain("en")


NUMBER = re.compile(r"\d+(?:\.\d+)?")


def says(check: sc.Check, *facts: str, rule: str) -> None:
    """The check's English reason ends with the rule id and names every one of *facts*:
    words and dates as written, numbers as whole numbers, as many times as listed
    (so that "2", "3" means the count 2 against the 3 needed, whatever the wording)."""
    text = en(check)
    assert text.endswith(f" ({rule})"), text
    body = text.removesuffix(f" ({rule})")
    for fact in (f for f in facts if not NUMBER.fullmatch(f)):
        assert fact in body, (fact, text)
        body = body.replace(fact, " ", 1)
    wanted = Counter(f for f in facts if NUMBER.fullmatch(f))
    found = Counter(NUMBER.findall(body))
    assert not wanted - found, (sorted(wanted.elements()), text)


# Windows ------------------------------------------------------------------------------


def test_the_last_n_months_end_on_as_of() -> None:
    window = sc.Window(months=3).range(context(pendulum.date(2026, 9, 30)))
    assert (window.first, window.last) == (pendulum.date(2026, 7, 1), pendulum.date(2026, 9, 30))
    window = sc.Window(months=12).range(context(pendulum.date(2026, 12, 31)))
    assert (window.first, window.last) == (pendulum.date(2026, 1, 1), pendulum.date(2026, 12, 31))


def test_since_promotion_starts_on_rung_since() -> None:
    ctx = context(a=agent(rung_since=pendulum.date(2026, 3, 1)))
    window = sc.Window(since_promotion=True).range(ctx)
    assert (window.first, window.last) == (pendulum.date(2026, 3, 1), JUNE_30)


def test_n_months_after_promotion_is_capped_at_as_of() -> None:
    promoted = agent(rung_since=pendulum.date(2026, 3, 1))
    year = sc.Window(months=12, since_promotion=True)
    early = year.range(context(JUNE_30, a=promoted))
    assert (early.first, early.last) == (pendulum.date(2026, 3, 1), JUNE_30)
    late = year.range(context(pendulum.date(2027, 6, 30), a=promoted))
    assert (late.first, late.last) == (pendulum.date(2026, 3, 1), pendulum.date(2027, 2, 28))


def test_the_default_window_is_the_whole_record_up_to_as_of() -> None:
    window = sc.Window().range(context())
    assert window.last == JUNE_30
    assert window.first <= HIRED


def test_a_since_promotion_window_refuses_a_day_before_the_promotion() -> None:
    """As MonthsInRung does: a window "since the promotion" as of a day before it would
    otherwise read facts recorded after "as of"."""
    promoted = agent(rung_since=pendulum.date(2026, 3, 1))
    vote = sc.DatedFact("team-vote", pendulum.date(2026, 3, 1))
    ctx = context(pendulum.date(2026, 2, 20), a=promoted, facts=[vote])
    with pytest.raises(sc.ValidationError) as exc:
        sc.MonthsInRung(1).check(ctx, EL_07)
    assert exc.value.field == "as_of"
    with pytest.raises(sc.ValidationError) as exc:
        sc.FactRecorded("team-vote", window=SINCE_PROMOTION).check(ctx, EL_07)
    assert exc.value.field == "as_of"


@pytest.mark.parametrize("bad", [0, -3, True])
def test_a_window_of_months_is_a_whole_number_from_one(bad: int) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Window(months=bad)
    assert exc.value.field == "Window.months"


def test_windows_read_as_words() -> None:
    assert "3" in sc.Window(months=3).localize("en")
    assert "12" in sc.Window(months=12, since_promotion=True).localize("en")
    assert "promotion" in sc.Window(since_promotion=True).localize("en")


# Tenure -------------------------------------------------------------------------------


def test_months_employed_met_and_unmet() -> None:
    condition = sc.MonthsEmployed(3)
    met = condition.check(context(pendulum.date(2026, 4, 1)), EL_07)
    assert met.met
    says(met, "Jan 1, 2026", "3", "3", rule="EL-07")
    unmet = condition.check(context(pendulum.date(2026, 3, 31)), EL_07)
    assert not unmet.met
    says(unmet, "Jan 1, 2026", "2", "3", rule="EL-07")


def test_months_in_rung_met_and_unmet() -> None:
    promoted = agent(rung_since=pendulum.date(2026, 3, 31))
    condition = sc.MonthsInRung(3)  # TB-03: 3 months as junior
    met = condition.check(context(JUNE_30, a=promoted), EL_07)
    assert met.met
    says(met, "Mar 31, 2026", "3", "3", rule="EL-07")
    unmet = condition.check(context(pendulum.date(2026, 6, 29), a=promoted), EL_07)
    assert not unmet.met
    says(unmet, "Mar 31, 2026", "2", "3", rule="EL-07")


def test_a_condition_may_cite_its_own_rule() -> None:
    check = sc.MonthsEmployed(3, cite=sc.Citation("TB-03", "002 第二篇 P3b")).check(
        context(), EL_07
    )
    assert check.reason.rule_id == "TB-03"


# Average rank -------------------------------------------------------------------------


def test_average_rank_at_most_met() -> None:
    condition = sc.AverageRankAtMost(3, sc.Window(months=3))
    check = condition.check(context(positions=ranks({4: 2, 5: 3, 6: 4})), EL_07)
    assert check.met
    says(check, "3", "3", rule="EL-07")  # an average of 3 over 3 months, 3 needed
    assert "3.33" not in en(check)


def test_average_rank_at_most_unmet() -> None:
    condition = sc.AverageRankAtMost(3, sc.Window(months=3))
    check = condition.check(context(positions=ranks({4: 3, 5: 3, 6: 4})), EL_07)
    assert not check.met
    says(check, "3.33", "3", rule="EL-07")


def test_average_rank_only_reads_the_window() -> None:
    condition = sc.AverageRankAtMost(3, sc.Window(months=3))
    check = condition.check(context(positions=ranks({1: 8, 2: 8, 3: 8, 4: 1, 5: 1})), EL_07)
    assert check.met
    says(check, "1", "2", "3", rule="EL-07")  # an average of 1 over 2 months, 3 needed


def test_average_rank_without_ranks_is_unmet() -> None:
    check = sc.AverageRankAtMost(3, sc.Window(months=3)).check(context(), EL_07)
    assert not check.met
    says(check, "3", rule="EL-07")


# Grades -------------------------------------------------------------------------------


def test_one_quarterly_a_in_the_window_is_met() -> None:
    condition = sc.GradeCount("A", 1, window=sc.Window(months=3))  # EL-07
    check = condition.check(context(cards=quarters({(2026, 2): "A"})), EL_07)
    assert check.met
    says(check, "A", "1", "1", rule="EL-07")


def test_a_quarterly_a_outside_the_window_does_not_count() -> None:
    condition = sc.GradeCount("A", 1, window=sc.Window(months=3))
    check = condition.check(context(cards=quarters({(2026, 1): "A", (2026, 2): "B"})), EL_07)
    assert not check.met
    says(check, "A", "0", "1", rule="EL-07")


def test_monthly_cards_do_not_count_for_a_quarterly_grade() -> None:
    condition = sc.GradeCount("A", 1)
    check = condition.check(context(cards=months({4: 95, 5: 95, 6: 95})), EL_07)
    assert not check.met


def test_consecutive_grades_need_back_to_back_quarters() -> None:
    history = quarters({(2025, 3): "B", (2025, 4): "A", (2026, 1): "B", (2026, 2): "B"})
    two_bs = sc.GradeCount("B", 2, consecutive=True)  # EL-08
    ctx = context(pendulum.date(2026, 3, 31), cards=history[:3])
    check = two_bs.check(ctx, EL_08)
    assert not check.met
    says(check, "B", "1", "2", rule="EL-08")
    assert sc.GradeCount("B", 2).check(ctx, EL_10).met  # EL-10: 2 Bs, not necessarily in a row
    check = two_bs.check(context(cards=history), EL_08)
    assert check.met
    says(check, "B", "2", "2", rule="EL-08")


def test_a_grade_below_b_is_any_of_c_and_d() -> None:
    below_b = sc.GradeCount({"C", "D"}, 1)  # EL-08: "一次季度考核獲B等級以下"
    assert below_b.check(context(cards=quarters({(2026, 2): "D"})), EL_08).met
    assert below_b.check(context(cards=quarters({(2026, 2): "C"})), EL_08).met
    check = below_b.check(context(cards=quarters({(2026, 2): "B"})), EL_08)
    assert not check.met
    says(check, "C or D", "0", "1", rule="EL-08")


def test_grade_count_needs_grades() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradeCount(set(), 1)
    assert exc.value.field == "GradeCount.grades"


# Titles -------------------------------------------------------------------------------


def test_titles_at_least_met_and_unmet() -> None:
    condition = sc.TitlesAtLeast("excellent-cs", 3, EXCELLENT)  # EL-11
    two = agent(titles=[pendulum.date(2026, 2, 28), pendulum.date(2026, 4, 30)])
    check = condition.check(context(a=two), EL_07)
    assert not check.met
    says(check, "Excellent CS", "Jun 30, 2026", "2", "3", rule="EL-07")
    three = agent(titles=[pendulum.date(2026, m, 1) for m in (2, 4, 6)])
    assert condition.check(context(a=three), EL_07).met
    assert not condition.check(context(pendulum.date(2026, 5, 31), a=three), EL_07).met


# Ranks outside the top ----------------------------------------------------------------


def test_rank_outside_top_consecutive() -> None:
    condition = sc.RankOutsideTop(3, 3, consecutive=True)  # EL-08: 3 months in a row
    # outside in Jan, Feb | Apr: the longest run (2) counts, not the latest (1)
    broken = condition.check(context(positions=ranks({1: 4, 2: 5, 3: 2, 4: 6, 5: 3})), EL_08)
    assert not broken.met
    says(broken, "2", "3", "3", rule="EL-08")  # a run of 2 outside the top 3, 3 needed
    row = condition.check(context(positions=ranks({3: 1, 4: 4, 5: 8, 6: 5})), EL_08)
    assert row.met
    says(row, "3", "3", "3", rule="EL-08")


def test_rank_outside_top_not_necessarily_consecutive() -> None:
    condition = sc.RankOutsideTop(3, 3)  # EL-10: 3 months outside the top 3
    check = condition.check(context(positions=ranks({1: 4, 2: 5, 3: 2, 4: 6})), EL_10)
    assert check.met
    says(check, "3", "3", "3", rule="EL-10")


def test_third_place_is_inside_the_top_three() -> None:
    condition = sc.RankOutsideTop(3, 1)
    assert not condition.check(context(positions=ranks({4: 3, 5: 3, 6: 3})), EL_10).met


# Failed appraisals --------------------------------------------------------------------


def test_failed_appraisals_default_to_consecutive_months() -> None:
    condition = sc.FailedAppraisals(3)  # EL-06 (AMB-20): 3 consecutive failing months
    assert condition.consecutive
    assert condition.period is sc.PeriodKind.MONTH
    broken = condition.check(context(cards=months({1: 55, 2: 58, 3: 60, 4: 40, 5: 59})), EL_08)
    assert not broken.met
    says(broken, "2", "3", rule="EL-08")
    row = condition.check(context(cards=months({3: 59, 4: 40, 5: 12, 6: 90})), EL_08)
    assert row.met
    says(row, "3", "3", rule="EL-08")


def test_failed_appraisals_not_necessarily_consecutive() -> None:
    condition = sc.FailedAppraisals(3, consecutive=False)
    check = condition.check(context(cards=months({1: 55, 2: 58, 3: 60, 4: 40, 5: 59})), TB_50)
    assert check.met
    says(check, "4", "3", rule="TB-50")


def test_two_consecutive_failing_months_tb_50() -> None:
    condition = sc.FailedAppraisals(2)
    assert condition.check(context(cards=months({5: 59, 6: 30})), TB_50).met
    assert not condition.check(context(cards=months({4: 59, 5: 60, 6: 30})), TB_50).met


def test_a_scheme_without_a_pass_mark_fails_no_one() -> None:
    no_mark = sc.AppraisalScheme(
        [sc.Criterion("appraisal", T(en="Appraisal", zh_Hans="考评"), 100, EL_14)],
        [sc.PeriodKind.MONTH],
        EL_14,
    )
    cards = [no_mark.score("A-017", sc.Month(2026, m), {"appraisal": 0}) for m in (4, 5, 6)]
    assert not sc.FailedAppraisals(1).check(context(cards=cards), TB_50).met


# Facts --------------------------------------------------------------------------------


DEFENCE = T(en="promotion defence", zh_Hans="晋升答辩")


def defence(on: pendulum.Date, passed: bool) -> sc.DatedFact:
    return sc.DatedFact("promotion-defence", on, passed=passed)


def test_a_passed_defence_is_met() -> None:
    condition = sc.FactRecorded("promotion-defence", name=DEFENCE)  # EL-16
    check = condition.check(context(facts=[defence(pendulum.date(2026, 6, 15), True)]), EL_16)
    assert check.met
    says(check, "promotion defence", "passed", "Jun 15, 2026", rule="EL-16")


def test_a_failed_defence_after_a_passed_one_decides() -> None:
    condition = sc.FactRecorded("promotion-defence", name=DEFENCE)
    facts = [defence(pendulum.date(2026, 6, 15), False), defence(pendulum.date(2026, 3, 2), True)]
    check = condition.check(context(facts=facts), EL_16)
    assert not check.met
    says(check, "promotion defence", "failed", "Jun 15, 2026", rule="EL-16")


def test_a_passed_defence_after_a_failed_one_decides() -> None:
    condition = sc.FactRecorded("promotion-defence", name=DEFENCE)
    facts = [defence(pendulum.date(2026, 3, 2), False), defence(pendulum.date(2026, 6, 15), True)]
    assert condition.check(context(facts=facts), EL_16).met


def test_a_fact_after_as_of_is_not_yet_known() -> None:
    condition = sc.FactRecorded("promotion-defence", name=DEFENCE)
    facts = [defence(pendulum.date(2026, 3, 2), True), defence(pendulum.date(2026, 7, 1), False)]
    assert condition.check(context(facts=facts), EL_16).met


def test_no_fact_recorded_is_unmet() -> None:
    condition = sc.FactRecorded("promotion-defence", name=DEFENCE)
    check = condition.check(context(facts=[sc.DatedFact("team-vote", HIRED)]), EL_16)
    assert not check.met
    says(check, "promotion defence", rule="EL-16")


def test_a_fact_outside_the_window_does_not_count() -> None:
    condition = sc.FactRecorded("team-vote", window=sc.Window(months=3))  # EL-14's vote
    check = condition.check(
        context(facts=[sc.DatedFact("team-vote", pendulum.date(2026, 3, 2))]), EL_07
    )
    assert not check.met
    says(check, "team-vote", rule="EL-07")
    assert "Mar 2, 2026" not in en(check)


def test_the_latest_measurement_decides() -> None:
    typing = sc.MeasuredAtLeast(
        "typing-speed",
        80,
        T(en="typing speed", zh_Hans="打字速度"),
        T(en="chars/min", zh_Hans="字/分"),
    )  # CC-02: 80 characters a minute
    slower = [
        sc.DatedFact("typing-speed", pendulum.date(2026, 2, 1), value=85),
        sc.DatedFact("typing-speed", pendulum.date(2026, 5, 1), value=75),
    ]
    check = typing.check(context(facts=slower), CC_02)
    assert not check.met
    says(check, "typing speed", "75 chars/min", "May 1, 2026", "80 chars/min", rule="CC-02")
    faster = [
        sc.DatedFact("typing-speed", pendulum.date(2026, 2, 1), value=75),
        sc.DatedFact("typing-speed", pendulum.date(2026, 5, 1), value=85),
        sc.DatedFact("typing-speed", pendulum.date(2026, 6, 1)),  # no value: not a measurement
    ]
    check = typing.check(context(facts=faster), CC_02)
    assert check.met
    says(check, "85 chars/min", "May 1, 2026", "80 chars/min", rule="CC-02")


def test_a_measurement_after_as_of_is_not_yet_known() -> None:
    typing = sc.MeasuredAtLeast("typing-speed", 80)
    facts = [
        sc.DatedFact("typing-speed", pendulum.date(2026, 5, 1), value=85),
        sc.DatedFact("typing-speed", pendulum.date(2026, 7, 1), value=60),
    ]
    check = typing.check(context(JUNE_30, facts=facts), CC_02)
    assert check.met
    says(check, "May 1, 2026", "85", "80", rule="CC-02")
    assert "60" not in en(check)


def test_exactly_the_minimum_is_enough() -> None:
    typing = sc.MeasuredAtLeast("typing-speed", "80")
    facts = [sc.DatedFact("typing-speed", pendulum.date(2026, 2, 1), value=Decimal("80.0"))]
    assert typing.check(context(facts=facts), CC_02).met


def test_no_measurement_is_unmet() -> None:
    check = sc.MeasuredAtLeast("typing-speed", 80).check(context(), CC_02)
    assert not check.met
    says(check, "typing-speed", "80", rule="CC-02")


def test_a_measured_minimum_refuses_a_float() -> None:
    with pytest.raises(sc.FloatError) as exc:
        sc.MeasuredAtLeast("typing-speed", 80.0)
    error = exc.value
    assert isinstance(error, TypeError)
    assert not isinstance(error, sc.MoneyError)  # not money: a number of points, a speed
    assert error.field == "MeasuredAtLeast.minimum"


def test_fact_count() -> None:
    warnings = sc.FactCount("warning", 3, name=T(en="warning", zh_Hans="警告"))  # TB-50
    two = [sc.DatedFact("warning", pendulum.date(2026, m, 10)) for m in (2, 4)]
    check = warnings.check(context(facts=two), TB_50)
    assert not check.met
    says(check, "warning", "2", "3", rule="TB-50")
    three = [*two, sc.DatedFact("warning", pendulum.date(2026, 6, 10))]
    assert warnings.check(context(facts=three), TB_50).met


# Composition --------------------------------------------------------------------------


def el_07() -> sc.AllOf:
    last3 = sc.Window(months=3)
    return sc.AllOf(
        sc.AverageRankAtMost(3, last3), sc.GradeCount("A", 1, window=last3), sc.MonthsEmployed(3)
    )


def test_all_of_needs_every_part() -> None:
    ctx = context(positions=ranks({4: 2, 5: 3, 6: 5}), cards=quarters({(2026, 2): "A"}))
    check = el_07().check(ctx, EL_07)
    assert not check.met
    assert [p.met for p in check.parts] == [False, True, True]
    says(check, "2", "3", rule="EL-07")
    says(check.parts[0], "3.33", "3", rule="EL-07")


def test_all_of_met() -> None:
    ctx = context(positions=ranks({4: 2, 5: 3, 6: 4}), cards=quarters({(2026, 2): "A"}))
    check = el_07().check(ctx, EL_07)
    assert check.met
    assert all(p.reason.rule_id == "EL-07" for p in check.parts)


def test_any_of_needs_one_part() -> None:
    since = sc.Window(since_promotion=True)
    el_08 = sc.AnyOf(
        sc.RankOutsideTop(3, 3, consecutive=True, window=since),
        sc.GradeCount("B", 2, consecutive=True, window=since),
        sc.GradeCount({"C", "D"}, 1, window=since),
    )
    fine = el_08.check(context(cards=quarters({(2026, 1): "A", (2026, 2): "B"})), EL_08)
    assert not fine.met
    says(fine, "0", "3", rule="EL-08")
    low = el_08.check(context(cards=quarters({(2026, 1): "A", (2026, 2): "C"})), EL_08)
    assert low.met
    assert [p.met for p in low.parts] == [False, False, True]
    says(low, "1", "3", rule="EL-08")


def test_not_inverts_and_keeps_its_part() -> None:
    no_grade_below_b = sc.Not(sc.GradeCount({"C", "D"}, 1))
    check = no_grade_below_b.check(context(cards=quarters({(2026, 2): "B"})), EL_08)
    assert check.met
    assert len(check.parts) == 1
    assert not check.parts[0].met
    says(check, "C or D", "1", rule="EL-08")
    assert not no_grade_below_b.check(context(cards=quarters({(2026, 2): "D"})), EL_08).met


def test_composites_need_conditions() -> None:
    with pytest.raises(sc.PolicyError):
        sc.AllOf()
    with pytest.raises(sc.PolicyError):
        sc.AnyOf(sc.MonthsEmployed(3), "months")  # type: ignore[arg-type]


def test_check_lines_mark_and_indent_every_part() -> None:
    ctx = context(positions=ranks({4: 2, 5: 3, 6: 5}), cards=quarters({(2026, 2): "A"}))
    lines = el_07().check(ctx, EL_07).lines("en")
    # indentation and mark of each line: the whole, then its three parts
    assert [line[: len(line) - len(line.lstrip()) + 1] for line in lines] == [
        "✗",
        "  ✗",
        "  ✓",
        "  ✓",
    ]
    assert all(line.endswith("(EL-07)") for line in lines)
    assert "3.33" in lines[1]
    assert "Jan 1, 2026" in lines[3]
    zh = el_07().check(ctx, EL_07).lines("zh_Hans")
    assert [line.lstrip()[0] for line in zh] == ["✗", "✗", "✓", "✓"]
    assert "3.33" in zh[1]
    assert "（EL-07）" in zh[0]


def test_conditions_read_as_requirements() -> None:
    months = sc.MonthsEmployed(3).localize("en")
    assert "3" in months
    assert "hire" in months
    text = el_07().localize("en")
    assert text.startswith("all of")
    for part in el_07().conditions:  # every part's requirement, in order
        assert part.localize("en") in text
    assert text.index("rank") < text.index("graded A") < text.index("hire")


# A condition kind of one's own --------------------------------------------------------


@attrs.frozen
class NoValidComplaints(sc.Condition):
    """TB-35's "当月有效投诉率为零", as a plugin would add it: no valid complaint recorded in
    the last *months* months."""

    months: int

    def check(self, context: sc.Context, cite: sc.Citation) -> sc.Check:
        window = sc.Window(months=self.months).range(context)
        count = len(context.history.facts_of("valid-complaint", window))
        return sc.Check(
            count == 0,
            sc.Reason(
                cite,
                T(
                    en="{count} valid complaints in the last {months} months (needs none)",
                    zh_Hans="近{months}个月有效投诉{count}次（须为零）",
                ),
                {"count": count, "months": self.months},
            ),
        )

    def localize(self, locale: str = "en") -> str:
        return T(en="no valid complaint", zh_Hans="零有效投诉").localize(locale)


def complaint(on: pendulum.Date) -> sc.DatedFact:
    return sc.DatedFact("valid-complaint", on)


def test_a_custom_condition_works_inside_all_of() -> None:
    both = sc.AllOf(sc.MonthsEmployed(3), NoValidComplaints(1))
    check = both.check(context(facts=[complaint(pendulum.date(2026, 6, 20))]), EL_07)
    assert not check.met
    assert check.parts[1].reason.explain("en") == (
        "1 valid complaints in the last 1 months (needs none) (EL-07)"
    )
    assert check.parts[1].reason.explain("zh_Hans") == "近1个月有效投诉1次（须为零）（EL-07）"
    assert both.check(context(facts=[complaint(pendulum.date(2026, 5, 20))]), EL_07).met
    assert "no valid complaint" in both.localize("en")


def test_a_custom_condition_works_on_a_ladder() -> None:
    rule = sc.Citation("TB-35", "002 第二篇 P3b (h)")
    ladder = sc.GradingLadder(
        [
            sc.Rung("junior", T(en="Junior CS", zh_Hans="初级客服"), rule),
            sc.Rung("intermediate", T(en="Intermediate CS", zh_Hans="中级客服"), rule),
        ],
        rule,
        [
            sc.Transition(
                sc.Move.PROMOTE,
                "junior",
                "intermediate",
                sc.AllOf(sc.MonthsInRung(3), NoValidComplaints(3)),
                rule,
            )
        ],
    )
    junior = sc.Agent("A-017", "王芳", hired=HIRED, rung="junior", rung_since=HIRED)
    clean = ladder.evaluate(junior, sc.History("A-017"), JUNE_30)
    assert (clean.move, clean.target) == (sc.Move.PROMOTE, "intermediate")
    complained = sc.History("A-017", facts=[complaint(pendulum.date(2026, 5, 20))])
    decision = ladder.evaluate(junior, complained, JUNE_30)
    assert decision.move is sc.Move.STAY
    assert any("1 valid complaints" in line for line in decision.explain("en"))
    assert any("有效投诉1次" in line for line in decision.explain("zh_Hans"))
    assert "no valid complaint" in ladder.describe_transition(ladder.transitions[0]).explain("en")
