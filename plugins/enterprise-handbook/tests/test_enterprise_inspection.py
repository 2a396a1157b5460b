"""The inspection checklists (the month-end training test, EH-27 and EH-29; workplace
discipline, EH-30 … EH-33, EH-49, EH-50), the deduction items no other test walks (EH-45,
EH-61) and the month-by-month base bonus (EH-38)."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

import pendulum
import pytest
import servicecodex_enterprise_handbook as eh

import servicecodex as sc
from servicecodex.testing import organization_fixture

TZ = "Asia/Shanghai"
AGENT = "S-007"
SUPERVISOR = "主管"
MARCH, APRIL = sc.Month(2026, 3), sc.Month(2026, 4)
EH_RULE_ID = re.compile(r"^EH-\d{2}$")


org = organization_fixture("enterprise-handbook")


def at(day: int, hour: int = 16, month: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, tz=TZ)


def inspect(
    org: sc.Organization,
    checklist: str,
    when: _dt.datetime,
    *failed: str,
    agent: str = AGENT,
) -> sc.Inspection:
    return org.penalty_schedule.checklist(checklist).inspect(agent, when, SUPERVISOR, failed=failed)


def assess(org: sc.Organization, *inspections: sc.Inspection) -> sc.Assessment:
    ledger = sc.Ledger()
    for inspection in inspections:
        for v in inspection.violations():
            assert ledger.record(v)
    return org.penalty_schedule.assess(AGENT, ledger, MARCH, org.calendar)


def test_two_checklists_on_the_schedule(org: sc.Organization) -> None:
    assert org.penalty_schedule.checklists == eh.INSPECTION_CHECKLISTS
    assert [c.id for c in org.penalty_schedule.checklists] == ["training-test", "workplace"]


# The month-end training test (EH-27, EH-29, EH-59) -----------------------------------------


def test_eh29_a_failed_month_end_test_costs_eh59s_point() -> None:
    """EH-29: the test at the end of March; failing it is EH-59's 1 point (and the test
    paper copied 5 times)."""
    handbook = sc.Organization.load("enterprise-handbook")
    test = inspect(handbook, "training-test", at(31), "passed")
    assert test.explain("zh_Hans") == ["S-007未通过检查项：培训时思想集中，月底测试合格（EH-29）"]
    march = assess(handbook, test)
    assert march.points == Decimal(1)
    assert march.fines[0].reason.rule_id == "EH-59"
    assert march.explain("en") == [
        "Inattentive in training and failed the test (and copies the test paper 5 times) "
        "on Mar 31, 2026: points deducted: 1 (EH-59)",
        "Points in the 6 months to Mar 31, 2026: 1, below 30 (EH-40)",
    ]
    assert eh.TEST_PAPER_COPIES == 5


def test_eh27_a_product_not_mastered_is_noted_without_points(org: sc.Organization) -> None:
    """EH-27: every CS employee knows every company product; the test finds the gap, the
    handbook deducts nothing for it on its own."""
    test = inspect(org, "training-test", at(31), "product-knowledge")
    assert test.explain("en") == ["S-007 failed the check: knows every company product (EH-27)"]
    assert test.violations() == []
    item = org.penalty_schedule.checklist("training-test").item("product-knowledge")
    assert item.cite == sc.Citation("EH-27", "003 规章制度 十.1")
    assert item.describe().explain("zh_Hans") == "检查项：熟悉掌握公司每一种产品（EH-27）"


def test_eh29_who_took_no_test_in_the_month() -> None:
    """EH-29, every month: S-008 was tested on 1 April, not in March; S-009 not at all."""
    handbook = sc.Organization.load("enterprise-handbook")
    tests = [
        inspect(handbook, "training-test", at(31), agent="S-007"),
        inspect(handbook, "training-test", at(1, month=4), agent="S-008"),
        inspect(handbook, "workplace", at(31), agent="S-009"),  # no training test
    ]
    missing = eh.untested(tests, ["S-007", "S-008", "S-009"], MARCH)
    assert [r.explain("en") for r in missing] == [
        "S-008 took no month-end training test in March 2026 (EH-29)",
        "S-009 took no month-end training test in March 2026 (EH-29)",
    ]
    assert missing[0].explain("zh_Hans") == "S-0082026年3月未参加月底培训测试（EH-29）"
    assert eh.untested(tests, ["S-008"], APRIL) == []


def test_eh29_a_test_late_on_the_31st_belongs_to_its_local_month() -> None:
    """23:30 on 31 March in Shanghai is March there, and already April in Tokyo."""
    handbook = sc.Organization.load("enterprise-handbook")
    late = inspect(handbook, "training-test", pendulum.datetime(2026, 3, 31, 23, 30, tz=TZ))
    assert eh.untested([late], [AGENT], MARCH) == []
    assert len(eh.untested([late], [AGENT], MARCH, timezone="Asia/Tokyo")) == 1
    assert eh.untested([late], [AGENT], APRIL, timezone="Asia/Tokyo") == []


# Workplace discipline (EH-30 … EH-33, EH-49, EH-50) ----------------------------------------

# (item, rule, clause, code or None, points)
WORKPLACE = [
    ("area-cleaned", "EH-30", "规章制度 五.1", "area-not-cleaned", 1),
    ("posture", "EH-31", "规章制度 五.2", None, 0),
    ("quiet", "EH-31", "规章制度 五.3", "noise-horseplay", 1),
    ("no-chat", "EH-31", "规章制度 五.3", "text-chatting", 1),
    ("no-reading-music", "EH-31", "规章制度 五.3", "non-work-reading-music", 1),
    ("no-websites", "EH-31", "规章制度 五.3", "non-work-websites", 1),
    ("private-calls", "EH-32", "规章制度 五.4", "private-call", 1),
    ("no-visitors", "EH-49", "扣分条款 二.3b", "unauthorised-visitor", 1),
    ("no-grooming", "EH-50", "扣分条款 二.3c", "grooming-at-work", 1),
    ("desk-tidy", "EH-33", "规章制度 五.5", "desk-not-tidy", 1),
]


@pytest.mark.parametrize(("item_id", "rule_id", "clause", "code", "points"), WORKPLACE)
def test_a_workplace_item_failed(
    org: sc.Organization,
    item_id: str,
    rule_id: str,
    clause: str,
    code: str | None,
    points: int,
) -> None:
    item = org.penalty_schedule.checklist("workplace").item(item_id)
    assert (item.cite, item.code) == (sc.Citation(rule_id, f"003 {clause}"), code)
    check = inspect(org, "workplace", at(10), item_id)
    assert [v.code for v in check.violations()] == ([code] if code else [])
    assert assess(org, check).points == Decimal(points)


def test_the_workplace_items_follow_discipline_violations(org: sc.Organization) -> None:
    items = org.penalty_schedule.checklist("workplace").items
    for rule_id, codes in eh.DISCIPLINE_VIOLATIONS.items():
        of_rule = {i.code for i in items if i.cite.rule_id == rule_id} - {None}
        assert of_rule == set(codes), rule_id


def test_eh49_eh50_a_visitor_and_nail_trimming_cost_a_point_each(
    org: sc.Organization,
) -> None:
    """EH-49 (a friend received at the desk) and EH-50 (nails trimmed at work): 1 point
    each, 2 in March."""
    check = inspect(org, "workplace", at(12, 15), "no-visitors", "no-grooming")
    march = assess(org, check)
    assert march.points == Decimal(2)
    assert sorted(f.reason.rule_id for f in march.fines) == ["EH-49", "EH-50"]
    assert march.total == sc.Money(0, "CNY")
    assert "2026年3月12日擅自接待与公司无业务关系人员：扣1分（EH-49）" in march.explain("zh_Hans")


# Deduction items recorded directly (EH-45, EH-61) ------------------------------------------


@pytest.mark.parametrize(
    ("code", "rule_id", "clause"),
    [
        ("unfriendly-to-colleagues", "EH-45", "003 扣分条款 一.4"),
        ("unauthorised-visitor", "EH-49", "003 扣分条款 二.3b"),
        ("grooming-at-work", "EH-50", "003 扣分条款 二.3c"),
        ("unprofessional-answers", "EH-61", "003 扣分条款 四.1b"),
    ],
)
def test_one_point_items(org: sc.Organization, code: str, rule_id: str, clause: str) -> None:
    """EH-45 (unfriendly to a colleague), EH-49, EH-50, EH-61 (an unprofessional answer):
    1 point each, never more."""
    rule = org.penalty_schedule.rule(code)
    assert (rule.cite, rule.points) == (sc.Citation(rule_id, clause), sc.PointsRange(1, 1))
    ledger = sc.Ledger()
    for day in (3, 17):
        ledger.record(sc.Violation(f"{code}-{day}", AGENT, code, at(day), reported_by=SUPERVISOR))
    march = org.penalty_schedule.assess(AGENT, ledger, MARCH, org.calendar)
    assert march.points == Decimal(2)
    assert all(f.reason.rule_id == rule_id for f in march.fines)
    with pytest.raises(sc.ValidationError, match="outside 1–1"):
        org.penalty_schedule.check(
            sc.Violation("X", AGENT, code, at(4), reported_by=SUPERVISOR, points=Decimal(2))
        )


def test_eh61_an_unprofessional_answer_in_words(org: sc.Organization) -> None:
    reason = org.penalty_schedule.rule("unprofessional-answers").describe()
    assert reason.explain("zh_Hans") == "回答问题不规范,不专业：扣1分（EH-61）"
    assert reason.explain("en") == "Non-standard or unprofessional answers: points 1 (EH-61)"


# The base bonus, month by month (EH-38) ----------------------------------------------------


def test_eh38_the_base_bonus_is_set_each_month() -> None:
    """EH-38: no fixed amount; the company sets 500 yuan for March and 600 for April (a
    better month); May is not set yet."""
    set_by_company = {MARCH: sc.Money(500, "CNY"), APRIL: sc.Money(600, "CNY")}
    assert eh.monthly_bonus(set_by_company, MARCH) == eh.weighted_bonus(sc.Money(500, "CNY"))
    assert eh.monthly_bonus(set_by_company, APRIL).base == sc.Money(600, "CNY")
    with pytest.raises(sc.PolicyError, match=r"no base bonus set for this month.*\(EH-38\)"):
        eh.monthly_bonus(set_by_company, sc.Month(2026, 5))
    assert sc.Citation("EH-38", "003 绩效考核 三") == eh.BONUS_AMOUNT_CITE


def test_every_item_cites_an_eh_rule(org: sc.Organization) -> None:
    codes = {r.code for r in org.penalty_schedule.rules}
    for checklist in org.penalty_schedule.checklists:
        for item in checklist.items:
            assert EH_RULE_ID.match(item.cite.rule_id), item
            assert item.cite.clause.startswith("003 "), item
            assert item.code is None or item.code in codes, item
