"""The handbook's deduction points (EH-40, EH-42 … EH-67) and EH-12, on real half-years."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal

import pendulum
import pytest
import servicecodex_enterprise_handbook as eh

import servicecodex as sc
from servicecodex.testing import organization_fixture

TZ = "Asia/Shanghai"
AGENT = "S-007"
MARCH = sc.Month(2026, 3)
EH_RULE_ID = re.compile(r"^EH-\d{2}$")
LOCALES = ("zh_Hans", "zh_Hant", "en")
_ids = itertools.count(1)


org = organization_fixture("enterprise-handbook")


def violation(
    code: str, year: int, month: int, day: int, points: int | None = None
) -> sc.Violation:
    when = pendulum.datetime(year, month, day, 10, tz=TZ)
    return sc.Violation(f"E-{next(_ids)}", AGENT, code, when, reported_by="主管", points=points)


def ledger_of(*violations: sc.Violation) -> sc.Ledger:
    ledger = sc.Ledger()
    for v in violations:
        assert ledger.record(v)
    return ledger


def assess(org: sc.Organization, ledger: sc.Ledger, period: sc.Period = MARCH) -> sc.Assessment:
    return org.penalty_schedule.assess(AGENT, ledger, period, org.calendar)


def day(on: dt.date) -> sc.DateRange:
    """One day: the 6-month window then ends on that day."""
    return sc.DateRange(on, on)


# (code, points chosen or None): 5 + 5 + 3 + 4 + 5 + 5 + 3 = 30
THIRTY: tuple[tuple[str, int | None], ...] = (
    ("three-taboos", None),  # EH-46, 5
    ("late-early-or-absent", None),  # EH-47, 5
    ("arguing-with-customer", None),  # EH-62, 3
    ("left-post", 4),  # EH-55, 3–5: the assessor chose 4
    ("cliques", None),  # EH-56, 5
    ("divisive-gossip", None),  # EH-64, 5
    ("overstepping-authority", None),  # EH-65, 3
)
Day = tuple[int, int, int]
#: Within the 6 months to 31 March 2026 (1 October 2025 … 31 March 2026).
SIX_MONTHS: tuple[Day, ...] = (
    (2025, 10, 14),
    (2025, 11, 3),
    (2025, 12, 9),
    (2026, 1, 12),
    (2026, 2, 2),
    (2026, 3, 5),
    (2026, 3, 20),
)
#: The same seven over seven months: 5 September 2025 … 20 March 2026.
SEVEN_MONTHS: tuple[Day, ...] = ((2025, 9, 5), *SIX_MONTHS[:5], (2026, 3, 20))


def spread(dates: tuple[Day, ...], left_post: int = 4) -> sc.Ledger:
    return ledger_of(
        *(
            violation(code, *when, points=left_post if code == "left-post" else points)
            for (code, points), when in zip(THIRTY, dates, strict=True)
        )
    )


# The schedule ------------------------------------------------------------------------------


def test_the_hook_answers_the_deduction_schedule(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.currency == "CNY"
    assert schedule.rules == (eh.SHIRKING_RULE, *eh.DEDUCTION_RULES)
    assert schedule.points_limit == eh.POINTS_LIMIT
    assert schedule.warning_limit is None
    assert all(r.fine is None and r.consequence is None for r in schedule.rules)


def test_twenty_six_deduction_items_eh_42_to_eh_67(org: sc.Organization) -> None:
    rules = eh.DEDUCTION_RULES
    assert [r.cite.rule_id for r in rules] == [f"EH-{n}" for n in range(42, 68)]
    points = {r.cite.rule_id: (r.points.low, r.points.high) for r in rules if r.points}
    assert len(points) == 26
    one = {f"EH-{n}" for n in (42, 43, 44, 45, 48, 49, 50, 51, 52, 53, 54, 59, 60, 61)}
    expected = {rule: (Decimal(1), Decimal(1)) for rule in one}
    expected |= {f"EH-{n}": (Decimal(2), Decimal(2)) for n in (57, 58, 63)}
    expected |= {f"EH-{n}": (Decimal(3), Decimal(3)) for n in (62, 65)}
    expected |= {f"EH-{n}": (Decimal(5), Decimal(5)) for n in (46, 47, 56, 64)}
    expected |= {"EH-55": (Decimal(3), Decimal(5))}
    expected |= {f"EH-{n}": (Decimal(2), Decimal(5)) for n in (66, 67)}
    assert points == expected


def test_clauses_follow_the_deduction_list(org: sc.Organization) -> None:
    clauses = {r.cite.rule_id: r.cite.clause for r in org.penalty_schedule.rules}
    assert clauses["EH-12"] == "003 规章制度 一.6"
    assert clauses["EH-42"] == "003 扣分条款 一.1"
    assert clauses["EH-48"] == "003 扣分条款 二.3a"
    assert clauses["EH-63"] == "003 扣分条款 四.1d"
    assert clauses["EH-67"] == "003 扣分条款 (缺标题) 5"  # the heading is lost (AMB-47)
    assert eh.POINTS_LIMIT.cite == sc.Citation("EH-40", "003 扣分条款 注")


def test_the_schedule_in_words(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.rule("left-post").describe().explain("zh_Hans") == "擅离职守：扣3–5分（EH-55）"
    assert schedule.rule("bad-mood").describe().explain("zh_Hant") == (
        "帶不良情緒上班,影響工作質量：扣2–5分（EH-66）"
    )
    assert eh.POINTS_LIMIT.describe().explain("zh_Hans") == "6个月内累计扣满30分：辞退（EH-40）"
    assert eh.POINTS_LIMIT.describe().explain("en") == (
        "Points within 6 months reaching 30: dismissal (EH-40)"
    )


def test_eh_59_names_the_copying_too(org: sc.Organization) -> None:
    rule = org.penalty_schedule.rule("training-test-failed")
    assert rule.cite.rule_id == "EH-59"
    assert rule.name.localize("zh_Hans").endswith("(并罚抄试卷5遍)")
    assert "copies the test paper 5 times" in rule.name.localize("en")
    assert eh.TEST_PAPER_COPIES == 5
    assert eh.TEST_PAPER_COPIES_NAME.localize("zh_Hant") == "罰抄試卷5遍"


# Points per violation (AMB-48) ---------------------------------------------------------------


def test_a_fixed_item_takes_its_points(org: sc.Organization) -> None:
    march = assess(org, ledger_of(violation("three-taboos", 2026, 3, 9)))
    assert (march.points, march.total) == (Decimal(5), sc.Money(0, "CNY"))
    assert march.explain("en")[0] == (
        "Breaking any of the department's three taboos on Mar 9, 2026: points deducted: 5 (EH-46)"
    )
    assert march.explain("zh_Hans")[0] == "2026年3月9日违反部门三忌中任一条款：扣5分（EH-46）"


def test_a_range_item_takes_the_points_chosen(org: sc.Organization) -> None:
    march = assess(org, ledger_of(violation("left-post", 2026, 3, 9, points=4)))
    assert march.points == Decimal(4)
    assert march.explain("en")[0].endswith("points deducted: 4 (EH-55)")


@pytest.mark.parametrize("points", [3, 4, 5])
def test_eh_55_accepts_3_to_5(org: sc.Organization, points: int) -> None:
    rule = org.penalty_schedule.check(violation("left-post", 2026, 3, 9, points=points))
    assert rule.cite.rule_id == "EH-55"


@pytest.mark.parametrize("points", [2, 6])
def test_eh_55_refuses_points_outside_3_to_5(org: sc.Organization, points: int) -> None:
    with pytest.raises(sc.ValidationError, match=r"Violation\.points") as refused:
        org.penalty_schedule.check(violation("left-post", 2026, 3, 9, points=points))
    assert "outside 3–5 (EH-55)" in str(refused.value)


def test_points_6_on_eh_55_refuse_the_assessment(org: sc.Organization) -> None:
    ledger = ledger_of(violation("left-post", 2026, 3, 9, points=6))
    with pytest.raises(
        sc.ValidationError, match=r"violations\[.*\]\.points.*outside 3–5 \(EH-55\)"
    ):
        assess(org, ledger)


@pytest.mark.parametrize(
    ("code", "rule", "low"),
    [("left-post", "EH-55", 3), ("bad-mood", "EH-66", 2), ("shifting-responsibility", "EH-67", 2)],
)
def test_a_range_item_without_a_choice_counts_its_lower_bound(
    org: sc.Organization, code: str, rule: str, low: int
) -> None:
    """AMB-48: the assessor chooses within the range; the lower bound if none is given."""
    march = assess(org, ledger_of(violation(code, 2026, 3, 9)))
    assert march.points == Decimal(low)
    assert march.explain("en")[0].endswith(f": points deducted: {low} ({rule})")


def test_a_fixed_item_refuses_other_points(org: sc.Organization) -> None:
    org.penalty_schedule.check(violation("desk-not-tidy", 2026, 3, 9, points=1))
    with pytest.raises(sc.ValidationError, match=r"outside 1–1 \(EH-43\)"):
        org.penalty_schedule.check(violation("desk-not-tidy", 2026, 3, 9, points=2))


# EH-40: 30 points in a rolling 6 months (AMB-49) -----------------------------------------------


def test_thirty_points_within_six_months_end_the_employment(org: sc.Organization) -> None:
    march = assess(org, spread(SIX_MONTHS))
    assert march.points == Decimal(8)  # March's own: 5 + 3
    assert march.window_points == Decimal(30)
    assert march.total == sc.Money(0, "CNY")
    (dismissal,) = march.consequences
    assert dismissal.consequence is sc.Consequence.DISMISSAL
    assert dismissal.reason.rule_id == "EH-40"
    # reported on the day of the 30th point
    assert march.explain("en")[-1] == (
        "Points in the 6 months to Mar 20, 2026: 30, at or above 30: dismissal (EH-40)"
    )
    assert march.explain("zh_Hans")[-1] == (
        "截至2026年3月20日的6个月内累计扣30分，达到30分：辞退（EH-40）"
    )
    assert march.notes == ()


def test_twenty_nine_points_stay_below_the_limit(org: sc.Organization) -> None:
    march = assess(org, spread(SIX_MONTHS, left_post=3))
    assert march.window_points == Decimal(29)
    assert march.consequences == ()
    (note,) = march.notes
    assert note.rule_id == "EH-40"
    assert note.explain("en") == "Points in the 6 months to Mar 31, 2026: 29, below 30 (EH-40)"


def test_the_limit_is_reached_on_the_day_of_the_30th_point(org: sc.Organization) -> None:
    ledger = spread(SIX_MONTHS)
    assert assess(org, ledger, day(dt.date(2026, 3, 19))).window_points == Decimal(27)
    reached = assess(org, ledger, day(dt.date(2026, 3, 20)))
    assert [c.consequence for c in reached.consequences] == [sc.Consequence.DISMISSAL]


def test_a_limit_reached_mid_month_is_reported_though_points_leave_by_its_end(
    org: sc.Organization,
) -> None:
    """15 points on 20 January and 15 on 10 July: 30 on 10 July, though the 6 months to
    31 July (from 1 February) hold only 15."""
    ledger = ledger_of(
        violation("three-taboos", 2026, 1, 20),
        violation("cliques", 2026, 1, 20),
        violation("divisive-gossip", 2026, 1, 20),
        violation("late-early-or-absent", 2026, 7, 10),
        violation("three-taboos", 2026, 7, 10),
        violation("cliques", 2026, 7, 10),
    )
    july = assess(org, ledger, sc.Month(2026, 7))
    assert july.window_points == Decimal(30)
    assert july.explain("en")[-1] == (
        "Points in the 6 months to Jul 10, 2026: 30, at or above 30: dismissal (EH-40)"
    )
    assert assess(org, ledger, day(dt.date(2026, 7, 31))).window_points == Decimal(15)


def test_the_same_points_over_seven_months_never_reach_30(org: sc.Organization) -> None:
    ledger = spread(SEVEN_MONTHS)
    months = [sc.Month(2025, m) for m in range(9, 13)] + [sc.Month(2026, m) for m in range(1, 5)]
    for month in months:
        assessed = assess(org, ledger, month)
        assert assessed.window_points < 30, month
        assert assessed.consequences == (), month
    assert assess(org, ledger, MARCH).window_points == Decimal(25)  # 5 Sep has left the window
    # and on no single day does the 6-month window up to it hold 30
    first, last = dt.date(2025, 9, 1), dt.date(2026, 4, 30)
    windows = [
        assess(org, ledger, day(first + dt.timedelta(days=n))).window_points
        for n in range((last - first).days + 1)
    ]
    assert max(windows) == Decimal(27)  # 5 September … 2 February


def test_the_window_rolls_across_calendar_half_years(org: sc.Organization) -> None:
    """AMB-49: 15 points in Nov–Dec 2025 and 15 in Jan–Feb 2026 are 30 in a rolling half-year,
    though neither calendar half-year holds 30."""
    ledger = ledger_of(
        violation("three-taboos", 2025, 11, 20),
        violation("cliques", 2025, 12, 1),
        violation("divisive-gossip", 2025, 12, 15),
        violation("late-early-or-absent", 2026, 1, 8),
        violation("bad-mood", 2026, 1, 26, points=5),
        violation("shifting-responsibility", 2026, 2, 10, points=5),
    )
    february = assess(org, ledger, sc.Month(2026, 2))
    assert february.window_points == Decimal(30)
    assert [c.reason.rule_id for c in february.consequences] == ["EH-40"]
    assert assess(org, ledger, sc.HalfYear(2025, 2)).points == Decimal(15)
    assert assess(org, ledger, sc.HalfYear(2026, 1)).points == Decimal(15)


def test_a_reversal_takes_its_points_out_of_the_window(org: sc.Organization) -> None:
    wrongly = violation("arguing-with-customer", 2026, 3, 25)
    ledger = spread(SIX_MONTHS, left_post=3)
    ledger.record(wrongly)
    assert [c.consequence for c in assess(org, ledger).consequences] == [
        sc.Consequence.DISMISSAL
    ]  # 29 + 3 = 32
    ledger.reverse(wrongly.id, "the customer withdrew the complaint")
    reassessed = assess(org, ledger)
    assert reassessed.window_points == Decimal(29)
    assert reassessed.consequences == ()


# EH-12: no points, no fine ---------------------------------------------------------------------


def test_shirking_is_recorded_without_points_or_fine(org: sc.Organization) -> None:
    march = assess(org, ledger_of(violation(eh.SHIRKING_FIRST_RESPONSIBILITY, 2026, 3, 9)))
    assert (march.points, march.total, march.consequences) == (
        Decimal(0),
        sc.Money(0, "CNY"),
        (),
    )
    assert march.explain("zh_Hans")[0] == (
        "2026年3月9日第一责任者推卸、扯皮、不积极配合或态度蛮横：已记录，未定罚款金额（EH-12）"
    )
    assert [s.localize("zh_Hans") for s in eh.FIRST_RESPONSIBILITY_SANCTIONS] == [
        "批评",
        "教育",
        "处分",
    ]


def test_shirking_takes_no_points(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match=r"deducts no points \(EH-12\)"):
        org.penalty_schedule.check(
            violation(eh.SHIRKING_FIRST_RESPONSIBILITY, 2026, 3, 9, points=2)
        )


# Citations and explanations --------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_reason_cites_an_eh_rule_and_renders(org: sc.Organization, locale: str) -> None:
    ledger = spread(SIX_MONTHS)
    ledger.record(violation(eh.SHIRKING_FIRST_RESPONSIBILITY, 2026, 3, 9))
    reasons = [
        *assess(org, ledger).reasons,
        *assess(org, spread(SIX_MONTHS, left_post=3)).reasons,
        *(r.describe() for r in org.penalty_schedule.rules),
        eh.POINTS_LIMIT.describe(),
    ]
    for reason in reasons:
        assert EH_RULE_ID.match(reason.rule_id), reason
        rendered = reason.explain(locale)
        assert rendered.endswith((f"({reason.rule_id})", f"（{reason.rule_id}）"))


def test_every_citation_is_an_eh_rule_of_the_handbook(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.points_limit is not None
    for cite in (*(r.cite for r in schedule.rules), schedule.points_limit.cite):
        assert EH_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("003 "), cite
