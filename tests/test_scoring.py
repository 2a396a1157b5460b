"""Appraisal schemes and scorecards: criteria, weights, plus/minus items, descriptors,
grade scales, pass marks and quarters derived from months."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest

import servicecodex as sc

T = sc.Text
MARCH = sc.Month(2026, 3)
Q1 = sc.Quarter(2026, 1)


def tb(rule: str, clause: str) -> sc.Citation:
    return sc.Citation(rule, f"002 第二篇 P3b {clause}")


TB_26 = tb("TB-26", "(2)")
TB_49 = tb("TB-49", "(e)")
PASS_60 = sc.PassMark(60, TB_49)


def tb_criteria() -> list[sc.Criterion]:
    """TB-27 … TB-30: the composite appraisal, 30/20/30/20 out of 100 (TB-26)."""
    return [
        sc.Criterion("group-task", T(en="Group task", zh_Hans="小组任务"), 30, tb("TB-27", "(a)")),
        sc.Criterion("handover", T(en="Handover", zh_Hans="工作交接"), 20, tb("TB-28", "(b)")),
        sc.Criterion(
            "callback", T(en="Callback satisfaction", zh_Hans="回访满意度"), 30, tb("TB-29", "(c)")
        ),
        sc.Criterion(
            "quality", T(en="Professional quality", zh_Hans="业务素质"), 20, tb("TB-30", "(d)")
        ),
    ]


def tb_adjustments() -> list[sc.Adjustment]:
    """TB-33 (+5 per time), TB-35 (+5 per time) and TB-37 (−2 per time)."""
    return [
        sc.Adjustment(
            "cover-shift", T(en="Covered a shift", zh_Hans="主动顶班"), 5, tb("TB-33", "(h)")
        ),
        sc.Adjustment(
            "zero-complaints", T(en="No valid complaint", zh_Hans="零投诉"), 5, tb("TB-35", "(h)")
        ),
        sc.Adjustment(
            "no-mandarin",
            T(en="Not speaking Mandarin", zh_Hans="未使用普通话"),
            -2,
            tb("TB-37", "(h)"),
        ),
    ]


def tb_descriptors() -> list[sc.Descriptor]:
    """TB-22: the attendance descriptors of the attitude table."""
    cite = sc.Citation("TB-22", "002 第二篇 P3a 第五條 1(2)")
    attitude = T(en="attitude", zh_Hans="态度")
    return [
        sc.Descriptor(
            "full-attendance",
            attitude,
            sc.Sign.PLUS,
            T(en="Full attendance", zh_Hans="全勤"),
            cite,
        ),
        sc.Descriptor(
            "unexcused-absence",
            attitude,
            sc.Sign.MINUS,
            T(en="Unexcused absence", zh_Hans="无故缺勤"),
            cite,
        ),
    ]


def tb_scheme(
    grades: sc.GradeScale | None = None,
    periods: tuple[sc.PeriodKind, ...] = (sc.PeriodKind.MONTH,),
    quarters: sc.QuarterRule = sc.QuarterRule.SCORED,
) -> sc.AppraisalScheme:
    return sc.AppraisalScheme(
        tb_criteria(),
        periods,
        TB_26,
        pass_mark=PASS_60,
        grades=grades,
        adjustments=tb_adjustments(),
        descriptors=tb_descriptors(),
        quarters=quarters,
    )


def points(task: object, handover: object, callback: object, quality: object) -> dict[str, object]:
    return {"group-task": task, "handover": handover, "callback": callback, "quality": quality}


SCALE_CITE = sc.Citation("EL-14", "002 第一篇 四")


def scored_scale() -> sc.GradeScale:
    """A ≥ 90, B ≥ 75, C ≥ 60, D below (AMB-21: A > B > C > D)."""
    return sc.GradeScale(
        [sc.Grade("A", 90), sc.Grade("B", 75), sc.Grade("C", 60), sc.Grade("D", 0)], SCALE_CITE
    )


def reviewer_scale() -> sc.GradeScale:
    return sc.GradeScale([sc.Grade(g) for g in "ABCD"], SCALE_CITE)


TB = tb_scheme()
TB_SCORED = tb_scheme(grades=scored_scale())
TB_REVIEWED = tb_scheme(grades=reviewer_scale())


NUMBER = re.compile(r"\d+(?:\.\d+)?")


def line_for(card: sc.Scorecard, rule: str, *facts: str, locale: str = "en") -> str:
    """The one line of *card*'s explanation citing *rule* that names every one of *facts*
    (words as written, numbers as whole numbers, as many times as listed)."""
    suffix = f" ({rule})" if locale == "en" else f"（{rule}）"
    found = []
    for line in card.explain(locale):
        if not line.endswith(suffix):
            continue
        body = line.removesuffix(suffix)
        words = [f for f in facts if not NUMBER.fullmatch(f)]
        if not all(w in body for w in words):
            continue
        for w in words:
            body = body.replace(w, " ", 1)
        if not Counter(f for f in facts if NUMBER.fullmatch(f)) - Counter(NUMBER.findall(body)):
            found.append(line)
    assert len(found) == 1, (rule, facts, card.explain(locale))
    return found[0]


# The TB composite appraisal -----------------------------------------------------------


def test_the_tb_composite_totals_100_points() -> None:
    assert tb_scheme().total == Decimal(100)


def test_80_points_pass() -> None:
    card = TB.score("A-017", MARCH, points(25, 15, 25, 15))
    assert card.total == Decimal(80)
    assert card.passed is True
    assert card.agent_id == "A-017"
    assert card.period == MARCH
    assert card.kind is sc.PeriodKind.MONTH
    assert "below" not in line_for(card, "TB-49", "80", "60")


def test_58_points_fail_and_the_verdict_cites_tb_49() -> None:
    card = TB.score("A-017", MARCH, points(18, 10, 20, 10))
    assert card.total == Decimal(58)
    assert card.passed is False
    assert "below" in line_for(card, "TB-49", "58", "60")
    line_for(card, "TB-49", "58", "60", locale="zh_Hans")


def test_exactly_the_pass_mark_passes() -> None:
    assert TB.score("A-017", MARCH, points(18, 12, 20, 10)).passed is True


def test_each_criterion_has_a_line_citing_its_rule() -> None:
    card = TB.score("A-017", MARCH, points(25, 15, 25, 15))
    assert [(line.item, line.points, line.max_points) for line in card.criteria] == [
        ("group-task", Decimal(25), Decimal(30)),
        ("handover", Decimal(15), Decimal(20)),
        ("callback", Decimal(25), Decimal(30)),
        ("quality", Decimal(15), Decimal(20)),
    ]
    assert [r.rule_id for r in card.reasons[:4]] == ["TB-27", "TB-28", "TB-29", "TB-30"]
    line_for(card, "TB-27", "Group task", "25", "30")


def test_plus_items_add_five_points_per_time() -> None:
    card = TB.score(
        "A-017", MARCH, points(18, 10, 20, 10), adjustments={"cover-shift": 2, "zero-complaints": 1}
    )
    assert card.total == Decimal(58 + 2 * 5 + 5)
    assert card.passed is True  # 73: the plus points lift a failing 58 over the line
    cover = next(line for line in card.adjustments if line.item == "cover-shift")
    assert (cover.times, cover.points) == (2, Decimal(10))
    assert "+10" in line_for(card, "TB-33", "Covered a shift", "2", "5", "10")


def test_minus_items_take_two_points_per_time() -> None:
    card = TB.score("A-017", MARCH, points(20, 12, 20, 10), adjustments={"no-mandarin": 3})
    assert card.total == Decimal(62 - 3 * 2)
    assert card.passed is False
    line_for(card, "TB-37", "Not speaking Mandarin", "3", "2", "6")


def test_a_plus_item_capped_per_period() -> None:
    """TB-31: the month's highest workload and quality, "5 分": once a month at most."""
    top = sc.Adjustment(
        "top-workload",
        T(en="Top workload", zh_Hans="工作量之首"),
        5,
        tb("TB-31", "(h)"),
        max_times=1,
    )
    scheme = sc.AppraisalScheme(tb_criteria(), [sc.PeriodKind.MONTH], TB_26, adjustments=[top])
    card = scheme.score("A-017", MARCH, points(25, 15, 25, 15), adjustments={"top-workload": 1})
    assert card.total == Decimal(85)
    with pytest.raises(sc.ValidationError) as exc:
        scheme.score("A-017", MARCH, points(25, 15, 25, 15), adjustments={"top-workload": 2})
    assert exc.value.field == "adjustments[top-workload]"
    assert exc.value.value == 2


def test_an_item_that_did_not_occur_adds_no_line() -> None:
    card = TB.score("A-017", MARCH, points(25, 15, 25, 15), adjustments={"cover-shift": 0})
    assert card.adjustments == ()
    assert card.total == Decimal(80)


@pytest.mark.parametrize("times", [-1, True])
def test_occurrences_are_a_whole_number_from_zero(times: int) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, points(25, 15, 25, 15), adjustments={"cover-shift": times})
    assert exc.value.field == "adjustments[cover-shift]"


def test_plus_points_may_take_the_total_above_100() -> None:
    card = TB.score("A-017", MARCH, points(30, 20, 30, 20), adjustments={"cover-shift": 3})
    assert card.total == Decimal(115)


def test_marked_descriptors_are_listed_without_points() -> None:
    card = TB.score(
        "A-017", MARCH, points(25, 15, 25, 15), marks=["full-attendance", "unexcused-absence"]
    )
    assert [d.id for d in card.marks] == ["full-attendance", "unexcused-absence"]
    assert card.total == Decimal(80)
    assert "+" in line_for(card, "TB-22", "Full attendance")
    assert any(sign in line_for(card, "TB-22", "Unexcused absence") for sign in "−—-")


# Refused points -----------------------------------------------------------------------


def test_points_above_the_maximum_are_refused_naming_the_criterion_and_value() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, points(31, 15, 25, 15))
    assert exc.value.field == "points[group-task]"
    assert exc.value.value == Decimal(31)
    assert "30" in exc.value.problem
    assert "TB-27" in exc.value.problem


def test_an_unknown_criterion_is_refused_naming_it() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, {**points(25, 15, 25, 15), "sales": 10})
    assert exc.value.field == "points[sales]"
    assert exc.value.value == 10
    assert "group-task" in exc.value.problem  # the known ones are listed


def test_a_missing_criterion_is_refused_naming_it() -> None:
    given = points(25, 15, 25, 15)
    del given["callback"]
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, given)
    assert exc.value.field == "points"
    assert "callback" in exc.value.problem
    assert "handover" not in exc.value.problem


def test_negative_points_are_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, points(25, -1, 25, 15))
    assert exc.value.field == "points[handover]"
    assert exc.value.value == Decimal(-1)


def test_float_points_are_refused() -> None:
    with pytest.raises(sc.FloatError) as exc:
        TB.score("A-017", MARCH, points(25, 15, 25.5, 15))
    error = exc.value
    assert isinstance(error, TypeError)
    assert not isinstance(error, sc.MoneyError)  # not money: a number of points, a speed
    assert error.field == "points[callback]"
    assert error.value == 25.5
    assert "float" in error.problem


def test_exact_fractional_points_are_kept_exactly() -> None:
    card = TB.score("A-017", MARCH, points(Decimal("24.5"), 15, "25.25", 15))
    assert card.total == Decimal("79.75")


def test_an_unknown_plus_or_minus_item_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, points(25, 15, 25, 15), adjustments={"overtime": 1})
    assert exc.value.field == "adjustments[overtime]"
    assert exc.value.value == "overtime"
    assert "cover-shift" in exc.value.problem
    assert not isinstance(exc.value, sc.PolicyError)  # the caller's input, not the policy


def test_an_unknown_descriptor_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, points(25, 15, 25, 15), marks=["punctual"])
    assert exc.value.field == "marks[punctual]"
    assert exc.value.value == "punctual"
    assert "full-attendance" in exc.value.problem
    assert not isinstance(exc.value, sc.PolicyError)


def test_a_period_kind_the_scheme_does_not_appraise_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", Q1, points(25, 15, 25, 15))
    assert exc.value.field == "period"
    assert exc.value.value == Q1


def test_a_blank_agent_id_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score(" ", MARCH, points(25, 15, 25, 15))
    assert exc.value.field == "agent_id"


def test_a_pass_mark_above_what_can_be_scored_is_a_policy_error() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.AppraisalScheme(
            tb_criteria(), [sc.PeriodKind.MONTH], TB_26, pass_mark=sc.PassMark(101, TB_49)
        )
    assert exc.value.field == "AppraisalScheme.pass_mark"


def test_duplicate_criteria_are_a_policy_error() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.AppraisalScheme([*tb_criteria(), tb_criteria()[0]], [sc.PeriodKind.MONTH], TB_26)
    assert exc.value.field == "AppraisalScheme.criteria"
    assert exc.value.value == "group-task"


# Weighted criteria (EH-34 … EH-36) ----------------------------------------------------


def eh_scheme() -> sc.AppraisalScheme:
    def part(id: str, en: str, zh: str, weight: str, rule: str) -> sc.Criterion:
        cite = sc.Citation(rule, "003 绩效考核 一")
        return sc.Criterion(id, T(en=en, zh_Hans=zh), 100, cite, weight=Decimal(weight))

    return sc.AppraisalScheme(
        [
            part("workload", "Weekly summaries", "工作小结", "0.6", "EH-34"),
            part("performance", "Monthly performance", "绩效考核", "0.3", "EH-35"),
            part("tests", "Other tests", "辅助测评", "0.1", "EH-36"),
        ],
        [sc.PeriodKind.MONTH],
        sc.Citation("EH-39", "003 绩效考核"),
    )


EH = eh_scheme()


def test_weighted_criteria_60_30_10() -> None:
    scheme = eh_scheme()
    assert scheme.total == Decimal(100)
    assert [c.contributes for c in scheme.criteria] == [Decimal(60), Decimal(30), Decimal(10)]
    card = scheme.score("A-017", MARCH, {"workload": 80, "performance": 90, "tests": 70})
    assert card.total == Decimal(82)  # 48 + 27 + 7
    assert [line.points for line in card.criteria] == [Decimal(48), Decimal(27), Decimal(7)]
    assert card.passed is None  # EH sets no pass mark
    assert card.grade is None


def test_weighted_criteria_refuse_points_above_the_unweighted_maximum() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        EH.score("A-017", MARCH, {"workload": 101, "performance": 90, "tests": 70})
    assert exc.value.field == "points[workload]"


def test_a_weighted_line_reads_consistently() -> None:
    """80 of 100 weighted 0.6 is 48 of 60: an explanation must not mix the two."""
    card = EH.score("A-017", MARCH, {"workload": 80, "performance": 90, "tests": 70})
    line = card.explain("en")[0]
    assert "48 of 100" not in line
    assert "80 of 100" in line or "48 of 60" in line


@pytest.mark.parametrize("weight", [0, -1])
def test_a_weight_is_above_zero(weight: int) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Criterion("workload", T(en="W", zh_Hans="工"), 100, TB_26, weight=weight)
    assert exc.value.field == "Criterion.weight"


# Grade scales -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "grade"),
    [
        (Decimal(100), "A"),
        (Decimal(90), "A"),
        (Decimal("89.99"), "B"),
        (Decimal(75), "B"),
        (Decimal(74), "C"),
        (Decimal(60), "C"),
        (Decimal(59), "D"),
        (Decimal(0), "D"),
        (Decimal(-4), "D"),  # minus points can take a total below every floor
    ],
)
def test_scored_floors_pick_the_grade(total: Decimal, grade: str) -> None:
    assert scored_scale().for_score(total) == grade


def test_a_reviewer_scale_does_not_grade_a_score() -> None:
    """Without floors there is no grade a total earns; the worst grade is not an answer."""
    with pytest.raises(sc.ValidationError):
        reviewer_scale().for_score(Decimal(100))


def test_a_scored_scale_grades_the_scorecard() -> None:
    scheme = tb_scheme(grades=scored_scale())
    assert scheme.score("A-017", MARCH, points(28, 19, 28, 18)).grade == "A"  # 93
    assert scheme.score("A-017", MARCH, points(25, 15, 25, 15)).grade == "B"  # 80
    card = scheme.score("A-017", MARCH, points(18, 10, 20, 10))  # 58
    assert card.grade == "D"
    line_for(card, "EL-14", "58", "D")


def test_a_scored_scale_accepts_the_matching_grade() -> None:
    card = TB_SCORED.score("A-017", MARCH, points(25, 15, 25, 15), grade="B")
    assert card.grade == "B"


def test_a_scored_scale_refuses_a_contradicting_grade() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB_SCORED.score("A-017", MARCH, points(25, 15, 25, 15), grade="A")
    assert exc.value.field == "grade"
    assert exc.value.value == "A"
    assert "80" in exc.value.problem
    assert "B" in exc.value.problem


def test_a_reviewer_scale_takes_the_given_grade() -> None:
    scheme = tb_scheme(grades=reviewer_scale())
    assert not reviewer_scale().scored
    card = scheme.score("A-017", MARCH, points(18, 10, 20, 10), grade="A")
    assert card.grade == "A"  # the reviewer's word, whatever the total
    assert card.passed is False


def test_a_reviewer_scale_needs_the_reviewers_grade() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB_REVIEWED.score("A-017", MARCH, points(25, 15, 25, 15))
    assert exc.value.field == "grade"


def test_a_reviewer_scale_refuses_an_unknown_grade() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB_REVIEWED.score("A-017", MARCH, points(25, 15, 25, 15), grade="E")
    assert exc.value.field == "grade"
    assert exc.value.value == "E"
    assert not isinstance(exc.value, sc.PolicyError)


def test_a_grade_on_a_scheme_without_a_scale_is_refused() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        TB.score("A-017", MARCH, points(25, 15, 25, 15), grade="A")
    assert exc.value.field == "grade"


def test_below_a_grade() -> None:
    assert scored_scale().below("B") == frozenset({"C", "D"})
    assert scored_scale().below("D") == frozenset()
    assert scored_scale().ids == ("A", "B", "C", "D")


def test_a_scale_with_floors_on_some_grades_only_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradeScale([sc.Grade("A", 90), sc.Grade("B"), sc.Grade("C", 60)], SCALE_CITE)
    assert exc.value.field == "GradeScale.grades"
    assert exc.value.value == ["A", "B", "C"]


def test_a_scale_whose_floors_rise_is_refused() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradeScale([sc.Grade("A", 75), sc.Grade("B", 90), sc.Grade("C", 60)], SCALE_CITE)
    assert exc.value.field == "GradeScale.grades"


def test_a_scale_whose_floors_do_not_fall_is_refused() -> None:
    """With A ≥ 90 and B ≥ 90, no total could ever earn B."""
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradeScale([sc.Grade("A", 90), sc.Grade("B", 90), sc.Grade("C", 60)], SCALE_CITE)
    assert exc.value.field == "GradeScale.grades"


def test_a_scale_refuses_a_grade_twice() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradeScale([sc.Grade("A"), sc.Grade("B"), sc.Grade("A")], SCALE_CITE)
    assert exc.value.value == "A"


def test_a_scale_has_grades() -> None:
    with pytest.raises(sc.PolicyError):
        sc.GradeScale([], SCALE_CITE)


# Quarters derived from months ---------------------------------------------------------


def mean_scheme(grades: sc.GradeScale | None = None) -> sc.AppraisalScheme:
    return tb_scheme(
        grades=grades,
        periods=(sc.PeriodKind.MONTH, sc.PeriodKind.QUARTER),
        quarters=sc.QuarterRule.MEAN_OF_MONTHS,
    )


def filled(total: Decimal) -> dict[str, object]:
    """TB points adding up to *total* (0 to 100), each criterion filled in turn."""
    given: dict[str, object] = {}
    rest = total
    for criterion in tb_criteria():
        share = min(rest, criterion.max_points)
        given[criterion.id] = share
        rest -= share
    return given


MEAN = mean_scheme()


def months_of(
    scheme: sc.AppraisalScheme,
    totals: tuple[int | Decimal, int | Decimal, int | Decimal],
    quarter: sc.Quarter = Q1,
    agent: str = "A-017",
) -> list[sc.Scorecard]:
    """The monthly cards of *quarter* with these totals."""
    return [
        scheme.score(agent, month, filled(Decimal(total)))
        for month, total in zip(quarter.months(), totals, strict=True)
    ]


def test_a_quarter_is_the_mean_of_its_three_months() -> None:
    scheme = mean_scheme()
    card = scheme.derive_quarter(Q1, months_of(scheme, (80, 85, 90)))
    assert card.total == Decimal(85)
    assert card.period == Q1
    assert card.kind is sc.PeriodKind.QUARTER
    assert card.agent_id == "A-017"
    assert card.passed is True
    assert [line.points for line in card.criteria] == [Decimal(80), Decimal(85), Decimal(90)]


def test_a_derived_quarter_is_rounded_to_hundredths() -> None:
    scheme = mean_scheme()
    assert scheme.derive_quarter(Q1, months_of(scheme, (80, 80, 81))).total == Decimal("80.33")
    assert scheme.derive_quarter(Q1, months_of(scheme, (80, 81, 81))).total == Decimal("80.67")


def test_a_derived_quarter_rounds_half_up() -> None:
    scheme = mean_scheme()
    months = months_of(scheme, (80, 80, Decimal("80.015")))  # mean 80.005
    assert scheme.derive_quarter(Q1, months).total == Decimal("80.01")


def test_the_months_may_come_in_any_order() -> None:
    scheme = mean_scheme()
    months = months_of(scheme, (80, 85, 90))
    assert scheme.derive_quarter(Q1, reversed(months)).total == Decimal(85)


def test_a_derived_quarter_is_graded_on_a_scored_scale() -> None:
    scheme = mean_scheme(grades=scored_scale())
    card = scheme.derive_quarter(Q1, months_of(scheme, (88, 90, 92)))
    assert card.grade == "A"
    failing = scheme.derive_quarter(Q1, months_of(scheme, (50, 60, 64)))
    assert (failing.total, failing.grade, failing.passed) == (Decimal(58), "D", False)


def test_a_derived_quarter_explains_the_mean() -> None:
    scheme = mean_scheme()
    card = scheme.derive_quarter(Q1, months_of(scheme, (80, 80, 81)))
    line_for(card, "TB-26", "Q1 2026", "80", "80", "81", "80.33")


def test_two_months_are_not_a_quarter() -> None:
    scheme = mean_scheme()
    with pytest.raises(sc.ValidationError) as exc:
        scheme.derive_quarter(Q1, months_of(scheme, (80, 85, 90))[:2])
    assert exc.value.field == "months"


def test_the_months_of_another_quarter_are_refused() -> None:
    scheme = mean_scheme()
    with pytest.raises(sc.ValidationError) as exc:
        scheme.derive_quarter(Q1, months_of(scheme, (80, 85, 90), quarter=sc.Quarter(2026, 2)))
    assert exc.value.field == "months"


def test_a_month_twice_is_refused() -> None:
    scheme = mean_scheme()
    jan, feb, _ = months_of(scheme, (80, 85, 90))
    with pytest.raises(sc.ValidationError) as exc:
        scheme.derive_quarter(Q1, [jan, feb, feb])
    assert exc.value.field == "months"


def test_the_months_of_two_agents_are_refused() -> None:
    scheme = mean_scheme()
    jan, feb, _ = months_of(scheme, (80, 85, 90))
    other = months_of(scheme, (80, 85, 90), agent="A-018")[2]
    with pytest.raises(sc.ValidationError) as exc:
        scheme.derive_quarter(Q1, [jan, feb, other])
    assert exc.value.field == "months"
    assert exc.value.value == ["A-017", "A-018"]


def test_a_scheme_scoring_quarters_on_their_own_does_not_derive_them() -> None:
    scheme = tb_scheme(periods=(sc.PeriodKind.MONTH, sc.PeriodKind.QUARTER))
    months = months_of(scheme, (80, 85, 90))
    with pytest.raises(sc.ValidationError) as exc:
        scheme.derive_quarter(Q1, months)
    assert exc.value.field == "quarter"
    assert scheme.score("A-017", Q1, points(25, 15, 25, 15)).kind is sc.PeriodKind.QUARTER


def test_a_derived_quarter_is_not_scored_directly() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        MEAN.score("A-017", Q1, points(25, 15, 25, 15))
    assert exc.value.field == "period"


def test_quarters_from_months_need_monthly_appraisals() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        tb_scheme(periods=(sc.PeriodKind.QUARTER,), quarters=sc.QuarterRule.MEAN_OF_MONTHS)
    assert exc.value.field == "AppraisalScheme.quarters"
