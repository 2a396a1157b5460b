"""The handbook's shift rules: EH-28's Wednesday-afternoon product training checked on a
company's rota, EH-47's lateness, early leaving and absence deducting 5 points, and
EH-30 … EH-33 left to the supervisor as deduction items."""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

import pendulum
import pytest
import servicecodex_enterprise_handbook as eh

import servicecodex as sc
from servicecodex.testing import make_organization, organization_fixture

TZ = "Asia/Shanghai"
LOCALES = ("zh_Hans", "zh_Hant", "en")
EH_RULE_ID = re.compile(r"^EH-\d{2}$")
WEDNESDAY = pendulum.date(2026, 3, 4)  # no public holiday in China
THURSDAY = WEDNESDAY.add(days=1)
MARCH = sc.Month(2026, 3)
COMPANY = sc.Source("the company's working hours")


def clock(hour: int, minute: int = 0) -> _dt.time:
    return _dt.time(hour, minute)


def at(day: _dt.date, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=TZ)


#: A company's own shift times (the handbook gives none): a day shift with lunch, and a
#: morning shift that ends before the training.
DAY = sc.ShiftPattern(
    "day",
    sc.Text(en="Day shift", zh_Hans="白班"),
    clock(8, 30),
    clock(17, 30),
    COMPANY("CO-01", "1"),
    breaks=[sc.Break(clock(12), clock(13, 30), sc.Text(en="lunch", zh_Hans="午饭"))],
)
MORNING = sc.ShiftPattern(
    "morning",
    sc.Text(en="Morning shift", zh_Hans="早班"),
    clock(8, 30),
    clock(15),
    COMPANY("CO-01", "2"),
)
#: A shift whose break falls in the training.
SPLIT = sc.ShiftPattern(
    "split",
    sc.Text(en="Split shift", zh_Hans="两头班"),
    clock(8, 30),
    clock(20),
    COMPANY("CO-01", "3"),
    breaks=[sc.Break(clock(14), clock(17), sc.Text(en="break", zh_Hans="休息"))],
)


class CompanyShifts:
    """The company's plugin: its shift times under the handbook's rules."""

    @sc.hookimpl
    def servicecodex_shift_policy(self) -> sc.ShiftPolicy:
        return eh.shift_policy([DAY, MORNING, SPLIT])


org = organization_fixture("enterprise-handbook")


@pytest.fixture(scope="module")
def company() -> sc.Organization:
    return sc.Organization.from_plugins(
        [("enterprise-handbook", eh), ("company-shifts", CompanyShifts())],
        precedence=["company-shifts"],
    )


def assert_in_every_locale(reason: sc.Reason) -> None:
    assert EH_RULE_ID.match(reason.rule_id), reason
    for locale in LOCALES:
        rendered = reason.explain(locale)
        assert rendered.endswith((f"({reason.rule_id})", f"（{reason.rule_id}）")), rendered


# The policy ------------------------------------------------------------------------------


def test_the_hook_answers_a_policy_without_shift_times(org: sc.Organization) -> None:
    assert eh.servicecodex_shift_policy() is eh.SHIFT_POLICY
    policy = org.shift_policy
    assert policy is eh.SHIFT_POLICY
    assert make_organization(eh).shift_policy == eh.SHIFT_POLICY
    assert policy.patterns == ()  # the handbook gives no shift times
    assert policy.events == (eh.PRODUCT_TRAINING,)
    assert policy.attendance is eh.ATTENDANCE_POLICY
    # nor rest days, cover, meals, swaps, handover or leave
    assert (policy.rest, policy.cover, policy.meals) == ((), (), None)
    assert (policy.swaps, policy.handover, policy.leave) == (None, None, None)


def test_without_shift_times_no_shift_can_be_rostered(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="unknown; known: none"):
        org.rota([sc.Assignment("S-007", WEDNESDAY, "day")])
    assert org.rota([], staff=["S-007"]).check(MARCH).ok


def test_eh_28_every_wednesday_afternoon() -> None:
    training = eh.PRODUCT_TRAINING
    assert (training.id, training.weekday, training.start, training.end) == (
        "product-training",
        2,  # Wednesday
        clock(14),
        clock(17),
    )
    hours = eh.TRAINING_HOURS
    assert hours == (training.start, training.end)
    assert training.cite == sc.Citation("EH-28", "003 规章制度 十.2")
    assert training.name.localize("zh_Hans") == "产品培训学习"
    assert training.name.localize("zh_Hant") == "產品培訓學習"


def test_the_company_sets_its_training_hours() -> None:
    training = eh.product_training(clock(13, 30), clock(16, 30))
    assert (training.start, training.end, training.weekday) == (clock(13, 30), clock(16, 30), 2)
    assert training.cite.rule_id == "EH-28"
    policy = eh.shift_policy([DAY], training=training)
    assert policy.events == (training,)
    assert policy.patterns == (DAY,)
    with pytest.raises(sc.PolicyError, match="must end after it starts"):
        eh.product_training(clock(17), clock(14))


# EH-28 on the company's rota -------------------------------------------------------------


def test_the_company_policy_wins_over_the_handbooks(company: sc.Organization) -> None:
    assert company.shift_policy.patterns == (DAY, MORNING, SPLIT)
    assert company.shift_policy.events == (eh.PRODUCT_TRAINING,)
    assert company.penalty_schedule.rule(eh.LATE_EARLY_OR_ABSENT).cite.rule_id == "EH-47"


def test_a_wednesday_day_shift_covers_the_training(company: sc.Organization) -> None:
    rota = company.rota(
        [sc.Assignment("S-007", WEDNESDAY, "day"), sc.Assignment("S-008", WEDNESDAY, "day")]
    )
    assert rota.check(sc.DateRange(WEDNESDAY, WEDNESDAY)).ok


def test_the_training_not_covered_by_a_shift_breaks_eh_28(company: sc.Organization) -> None:
    rota = company.rota(
        [
            sc.Assignment("S-007", WEDNESDAY, "morning"),  # gone at 15:00
            sc.Assignment("S-008", WEDNESDAY, "day"),
            sc.Assignment("S-009", WEDNESDAY, "split"),  # on a break 14:00–17:00
            sc.Assignment("S-010", THURSDAY, "morning"),  # no training on Thursdays
        ]
    )
    check = rota.check(sc.DateRange(WEDNESDAY, THURSDAY))
    assert [(b.rule_id, b.agent_id, b.day, b.code) for b in check.breaches] == [
        ("EH-28", "S-007", WEDNESDAY, None),
        ("EH-28", "S-009", WEDNESDAY, None),
    ]
    assert check.explain("en")[0] == (
        "S-007 works on Mar 4, 2026 but is not on duty for the product training "
        "(14:00–17:00) (EH-28)"
    )
    assert check.explain("zh_Hans")[0] == (
        "S-007于2026年3月4日上班，但产品培训学习（14:00–17:00）时不在岗（EH-28）"
    )
    assert check.explain("zh_Hant")[0] == (
        "S-007於2026年3月4日上班，但產品培訓學習（14:00–17:00）時不在崗（EH-28）"
    )
    for breach in check.breaches:
        assert_in_every_locale(breach.reason)


def test_a_month_of_wednesdays(company: sc.Organization) -> None:
    # S-007 works the morning shift every weekday of March: four Wednesdays missed
    days = [d for d in MARCH.days() if d.weekday() < 5]
    check = company.rota([sc.Assignment("S-007", d, "morning") for d in days]).check(MARCH)
    assert [b.day for b in check.breaches] == [pendulum.date(2026, 3, d) for d in (4, 11, 18, 25)]
    assert {b.rule_id for b in check.breaches} == {"EH-28"}


# EH-47: lateness, early leaving, absence -------------------------------------------------


def test_attendance_deducts_under_eh_47() -> None:
    policy = eh.ATTENDANCE_POLICY
    assert policy.cite == sc.Citation("EH-47", "003 扣分条款 二.2")
    assert policy.grace == _dt.timedelta(0)
    assert (policy.late_code, policy.early_code, policy.absent_code) == (
        eh.LATE_EARLY_OR_ABSENT,
    ) * 3
    assert (policy.missing_punch_code, policy.meal_code, policy.meal_cap) == (None, None, None)
    assert eh.penalty_schedule().rule(eh.LATE_EARLY_OR_ABSENT).cite.rule_id == "EH-47"


def test_a_late_punch_costs_5_points(company: sc.Organization) -> None:
    rota = company.rota(
        [sc.Assignment("S-007", WEDNESDAY, "day"), sc.Assignment("S-008", WEDNESDAY, "day")],
        staff=["S-009"],
    )
    punches = [
        sc.Punch("S-007", at(WEDNESDAY, 8, 31)),  # one minute late: no grace
        sc.Punch("S-007", at(WEDNESDAY, 17, 30), "out"),
        sc.Punch("S-008", at(WEDNESDAY, 8, 20)),
        sc.Punch("S-008", at(WEDNESDAY, 17, 35), "out"),
    ]
    report = sc.attendance(rota, punches, company.shift_policy.attendance or eh.ATTENDANCE_POLICY)
    late = report.of("S-007")[0]
    assert {s.value for s in late.statuses} == {"late"}
    assert late.reasons[0].explain("en") == (
        "S-007 clocked in 1 minute late for Day shift on Mar 4, 2026 (EH-47)"
    )
    assert late.reasons[0].explain("zh_Hans") == "S-007于2026年3月4日白班上班打卡迟到1分钟（EH-47）"
    assert_in_every_locale(late.reasons[0])
    assert {s.value for s in report.of("S-008")[0].statuses} == {"present"}

    ledger = sc.Ledger()
    for violation in report.violations():
        assert ledger.record(violation)
    assert [(v.agent_id, v.code) for v in report.violations()] == [
        ("S-007", eh.LATE_EARLY_OR_ABSENT)
    ]
    march = company.penalty_schedule.assess("S-007", ledger, MARCH, company.calendar)
    assert march.points == Decimal(5)
    assert march.explain("zh_Hans")[0] == "2026年3月4日无故迟到、早退、旷工：扣5分（EH-47）"


def test_late_and_early_on_one_day_are_two_deductions(company: sc.Organization) -> None:
    rota = company.rota([sc.Assignment("S-007", WEDNESDAY, "day")])
    punches = [
        sc.Punch("S-007", at(WEDNESDAY, 8, 45)),
        sc.Punch("S-007", at(WEDNESDAY, 17), "out"),
    ]
    report = sc.attendance(rota, punches, eh.ATTENDANCE_POLICY)
    assert {s.value for s in report.days[0].statuses} == {"late", "left_early"}
    ledger = sc.Ledger()
    for violation in report.violations():
        ledger.record(violation)
    assessed = company.penalty_schedule.assess("S-007", ledger, MARCH, company.calendar)
    assert assessed.points == Decimal(10)


def test_an_excused_lateness_is_reversed(company: sc.Organization) -> None:
    # 「无故」: a reason the supervisor accepts takes the deduction back
    rota = company.rota([sc.Assignment("S-007", WEDNESDAY, "day")])
    report = sc.attendance(
        rota,
        [sc.Punch("S-007", at(WEDNESDAY, 9)), sc.Punch("S-007", at(WEDNESDAY, 17, 30), "out")],
        eh.ATTENDANCE_POLICY,
    )
    (violation,) = report.violations()
    ledger = sc.Ledger()
    ledger.record(violation)
    ledger.reverse(violation.id, "地铁停运，主管认可")
    assessed = company.penalty_schedule.assess("S-007", ledger, MARCH, company.calendar)
    assert assessed.points == Decimal(0)


def test_absence_without_leave_costs_5_points(company: sc.Organization) -> None:
    rota = company.rota([sc.Assignment("S-007", THURSDAY, "morning")])
    report = sc.attendance(rota, [], eh.ATTENDANCE_POLICY)
    assert {s.value for s in report.days[0].statuses} == {"absent"}
    assert report.days[0].reasons[0].explain("en") == (
        "S-007 did not come to Morning shift on Mar 5, 2026, without approved leave (EH-47)"
    )
    assert [v.code for v in report.violations()] == [eh.LATE_EARLY_OR_ABSENT]


# EH-30 … EH-33: no shift rules -----------------------------------------------------------


def test_the_discipline_rules_are_deduction_items() -> None:
    assert list(eh.DISCIPLINE_VIOLATIONS) == ["EH-30", "EH-31", "EH-32", "EH-33"]
    schedule = eh.penalty_schedule()
    rules = {
        rule_id: [schedule.rule(code).cite.rule_id for code in codes]
        for rule_id, codes in eh.DISCIPLINE_VIOLATIONS.items()
    }
    assert rules == {
        "EH-30": ["EH-42"],  # own area / shared area per the duty roster
        "EH-31": ["EH-52", "EH-51", "EH-53", "EH-54"],
        "EH-32": ["EH-48"],  # a private call over 3 minutes
        "EH-33": ["EH-43"],
    }
    assert schedule.rule("private-call").points == sc.PointsRange(1, 1)
