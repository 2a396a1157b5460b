"""The shop's penalties (TB-39 … TB-48, TB-50, TB-65) on real months of one agent's ledger."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from decimal import Decimal

import pendulum
import pytest
import servicecodex_taobao_shop as tb

import servicecodex as sc
from servicecodex.testing import make_organization, organization_fixture

TZ = "Asia/Shanghai"
AGENT = "A-017"
MARCH, APRIL = sc.Month(2026, 3), sc.Month(2026, 4)
TB_RULE_ID = re.compile(r"^TB-\d{2}$")
LOCALES = ("zh_Hans", "zh_Hant", "en")
_ids = itertools.count(1)


org = organization_fixture("taobao-shop")


def at(month: int, day: int, hour: int = 10) -> pendulum.DateTime:
    """A moment of 2026 in the shop's timezone."""
    return pendulum.datetime(2026, month, day, hour, tz=TZ)


def violation(code: str, when: pendulum.DateTime, agent: str = AGENT) -> sc.Violation:
    return sc.Violation(f"V-{next(_ids)}", agent, code, when, reported_by="S-001")


def ledger_of(*violations: sc.Violation) -> sc.Ledger:
    ledger = sc.Ledger()
    for v in violations:
        assert ledger.record(v)
    return ledger


def yuan(amount: int | str) -> sc.Money:
    return sc.Money(Decimal(amount), "CNY")


def assess(org: sc.Organization, ledger: sc.Ledger, period: sc.Period = MARCH) -> sc.Assessment:
    return org.penalty_schedule.assess(AGENT, ledger, period, org.calendar)


def fines(assessment: sc.Assessment) -> list[Decimal]:
    return [line.amount.amount for line in assessment.fines]


# The schedule ------------------------------------------------------------------------------


def test_the_hook_answers_the_default_schedule(org: sc.Organization) -> None:
    assert org.penalty_schedule is tb.PENALTY_SCHEDULE
    assert org.penalty_schedule.currency == "CNY"
    assert org.penalty_schedule.points_limit is None  # the shop deducts no points


def test_rules_in_the_sources_order(org: sc.Organization) -> None:
    found = [(r.code, r.cite.rule_id, r.cite.clause) for r in org.penalty_schedule.rules]
    assert found == [
        ("phone-at-work", "TB-39", "002 第二篇 P1 七(1)"),
        ("service-complaint", "TB-40", "002 第二篇 P1 七(2)"),
        ("swearing-at-customer", "TB-41", "002 第二篇 P1 七(3)"),
        ("missed-punch", "TB-42", "002 第二篇 P2 2.1)"),
        ("left-post", "TB-43", "002 第二篇 P2 2.2)"),
        ("wangwang-offline", "TB-44", "002 第二篇 P2 2.3)"),
        ("unanswered-rings", "TB-45", "002 第二篇 P2 2.4)"),
        ("absenteeism", "TB-46", "002 第二篇 P2 2.5)"),
        ("unanswered-during-meals", "TB-47", "002 第二篇 P2 2.6)"),
        ("meal-overrun", "TB-56", "002 第二篇 P2 2.6)"),
        ("quitting-suddenly", "TB-65", "002 第二篇 P1 二.6"),
        ("warning", "TB-50", "002 第二篇 P3b (e)"),
    ]


def test_fines_as_the_source_gives_them(org: sc.Organization) -> None:
    rule = org.penalty_schedule.rule
    month = sc.PeriodKind.MONTH
    assert rule(tb.PHONE_AT_WORK).fine == sc.DoublingFine(yuan(50), month)
    assert rule(tb.SERVICE_COMPLAINT).fine == sc.DoublingFine(yuan(50), month)
    assert rule(tb.SWEARING_AT_CUSTOMER).fine == sc.FixedFine(yuan(50))
    assert rule(tb.MISSED_PUNCH).fine == sc.FixedFine(yuan(10))
    assert rule(tb.LEFT_POST).fine == sc.FixedFine(yuan(20))
    assert rule(tb.WANGWANG_OFFLINE).fine == sc.BatchFine(yuan(10), 3, month)
    assert rule(tb.UNANSWERED_RINGS).fine == sc.ThresholdFine(yuan(5), 2, month)
    assert rule(tb.ABSENTEEISM).fine == sc.FixedFine(yuan(30))
    assert rule(tb.UNANSWERED_DURING_MEALS).fine == sc.FixedFine(yuan(5))
    assert rule(tb.MEAL_OVERRUN).fine is None  # AMB-36: recorded without a fine
    assert rule(tb.QUITTING_SUDDENLY).fine is None
    assert rule(tb.WARNING).fine is None
    assert rule(tb.WARNING).consequence is sc.Consequence.WARNING
    assert all(r.points is None for r in org.penalty_schedule.rules)
    assert [r.consequence for r in org.penalty_schedule.rules].count(None) == 11


def test_the_schedule_in_words(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.rule(tb.PHONE_AT_WORK).describe().explain("zh_Hans") == (
        "工作期间长时间打电话,玩游戏,看电视影响正常工作：罚款¥50.00，每重复一次翻倍（按月度计）（TB-39）"
    )
    assert schedule.rule(tb.WANGWANG_OFFLINE).describe().explain("en") == (
        "On duty and not logged in to Aliwangwang: fine CN¥10.00 for each full 3 "
        "(monthly count) (TB-44)"
    )
    assert schedule.rule(tb.QUITTING_SUDDENLY).describe().explain("zh_Hant") == (
        "臨時辭職不予通報：未定罰款金額（TB-65）"
    )
    assert tb.WARNING_LIMIT.describe().explain("zh_Hans") == "警告满3次：辞退（TB-50）"


# TB-39: doubling within a month (AMB-31) ------------------------------------------------------


def test_three_phone_violations_in_march_cost_350(org: sc.Organization) -> None:
    ledger = ledger_of(*(violation(tb.PHONE_AT_WORK, at(3, d)) for d in (3, 10, 17)))
    march = assess(org, ledger)
    assert fines(march) == [Decimal(50), Decimal(100), Decimal(200)]
    assert march.total == yuan(350)
    third = march.fines[2].reason
    assert third.rule_id == "TB-39"
    assert march.explain("en")[2] == (
        "Long phone calls, games or TV at work on Mar 17, 2026: "
        "occurrence 3 in March 2026, CN¥50.00 × 4 = CN¥200.00 (TB-39)"
    )
    assert march.explain("zh_Hans")[2] == (
        "2026年3月17日工作期间长时间打电话,玩游戏,看电视影响正常工作："
        "2026年3月第3次，¥50.00 × 4 = ¥200.00（TB-39）"
    )
    assert march.consequences == ()


def test_the_doubling_restarts_in_april(org: sc.Organization) -> None:
    ledger = ledger_of(
        *(violation(tb.PHONE_AT_WORK, at(3, d)) for d in (3, 10, 17)),
        violation(tb.PHONE_AT_WORK, at(4, 2)),
    )
    april = assess(org, ledger, APRIL)
    assert fines(april) == [Decimal(50)]
    assert april.explain("en") == [
        "Long phone calls, games or TV at work on Apr 2, 2026: "
        "occurrence 1 in April 2026, CN¥50.00 × 1 = CN¥50.00 (TB-39)"
    ]
    assert assess(org, ledger).total == yuan(350)  # March is unchanged


def test_the_month_is_the_shops_month(org: sc.Organization) -> None:
    """16:30 UTC on 31 March is 00:30 on 1 April in Shanghai: an April violation."""
    utc = pendulum.datetime(2026, 3, 31, 16, 30, tz="UTC")
    ledger = ledger_of(
        violation(tb.PHONE_AT_WORK, at(3, 30)),
        violation(tb.PHONE_AT_WORK, utc),
    )
    assert fines(assess(org, ledger)) == [Decimal(50)]
    april = assess(org, ledger, APRIL)
    assert fines(april) == [Decimal(50)]
    assert "on Apr 1, 2026" in april.explain("en")[0]


def test_the_count_runs_over_the_whole_month_of_the_ledger(org: sc.Organization) -> None:
    """Assessing only the second half of March still counts the first half's repeats."""
    ledger = ledger_of(*(violation(tb.PHONE_AT_WORK, at(3, d)) for d in (3, 10, 17)))
    late_march = sc.DateRange(dt.date(2026, 3, 16), dt.date(2026, 3, 31))
    assert fines(assess(org, ledger, late_march)) == [Decimal(200)]


# TB-40: a service complaint (AMB-34) ---------------------------------------------------------


def test_service_complaints_double_by_p1(org: sc.Organization) -> None:
    ledger = ledger_of(
        violation(tb.SERVICE_COMPLAINT, at(3, 5)),
        violation(tb.SERVICE_COMPLAINT, at(3, 25)),
    )
    march = assess(org, ledger)
    assert march.total == yuan(150)
    assert [f.reason.rule_id for f in march.fines] == ["TB-40", "TB-40"]


def test_p2s_five_yuan_is_the_alternative(org: sc.Organization) -> None:
    schedule = tb.penalty_schedule("P2")
    rule = schedule.rule(tb.SERVICE_COMPLAINT)
    assert (rule.cite.rule_id, rule.fine) == ("TB-48", sc.FixedFine(yuan(5)))
    ledger = ledger_of(
        violation(tb.SERVICE_COMPLAINT, at(3, 5)),
        violation(tb.SERVICE_COMPLAINT, at(3, 25)),
    )
    march = schedule.assess(AGENT, ledger, MARCH, org.calendar)
    assert march.total == yuan(10)
    assert march.explain("en")[1] == (
        "Customer complaint about service attitude, damaging the company's image "
        "on Mar 25, 2026: fine CN¥5.00 (TB-48)"
    )
    # every other rule is the default schedule's
    default = [r for r in tb.PENALTY_RULES if r.code != tb.SERVICE_COMPLAINT]
    assert [r for r in schedule.rules if r.code != tb.SERVICE_COMPLAINT] == default


def test_a_shop_chooses_p2_by_a_plugin_of_its_own() -> None:
    class P2Complaints:
        @sc.hookimpl
        def servicecodex_penalty_schedule(self) -> sc.PenaltySchedule:
            return tb.penalty_schedule("P2")

    org = make_organization(tb, P2Complaints(), precedence=["P2Complaints"])
    assert org.penalty_schedule.rule(tb.SERVICE_COMPLAINT).cite.rule_id == "TB-48"


def test_an_unknown_template_is_refused() -> None:
    with pytest.raises(sc.PolicyError, match="'P1' \\(TB-40\\) or 'P2' \\(TB-48\\)"):
        tb.penalty_schedule("P3")  # type: ignore[arg-type]


# TB-41 … TB-47: fixed, batch and threshold fines -----------------------------------------------


def test_one_of_each_fixed_fine_in_march(org: sc.Organization) -> None:
    codes = (
        tb.SWEARING_AT_CUSTOMER,
        tb.MISSED_PUNCH,
        tb.LEFT_POST,
        tb.ABSENTEEISM,
        tb.UNANSWERED_DURING_MEALS,
    )
    ledger = ledger_of(*(violation(code, at(3, n)) for n, code in enumerate(codes, start=2)))
    march = assess(org, ledger)
    assert fines(march) == [Decimal(50), Decimal(10), Decimal(20), Decimal(30), Decimal(5)]
    assert march.total == yuan(115)
    assert [f.reason.rule_id for f in march.fines] == ["TB-41", "TB-42", "TB-43", "TB-46", "TB-47"]
    assert march.explain("zh_Hans")[3] == "2026年3月5日旷工：罚款¥30.00（TB-46）"


@pytest.mark.parametrize(
    ("times", "total"),
    [(1, 0), (2, 0), (3, 10), (4, 10), (5, 10), (6, 20), (9, 30)],
)
def test_wangwang_offline_10_yuan_per_full_three(
    org: sc.Organization, times: int, total: int
) -> None:
    """TB-44, AMB-32: 10 yuan for each full 3 times in a calendar month."""
    ledger = ledger_of(*(violation(tb.WANGWANG_OFFLINE, at(3, d, 12)) for d in range(1, times + 1)))
    assert assess(org, ledger).total == yuan(total)


def test_wangwang_batches_do_not_carry_over_months(org: sc.Organization) -> None:
    """Two times at the end of March and one in April complete no batch."""
    ledger = ledger_of(
        violation(tb.WANGWANG_OFFLINE, at(3, 30, 12)),
        violation(tb.WANGWANG_OFFLINE, at(3, 31, 12)),
        violation(tb.WANGWANG_OFFLINE, at(4, 1, 12)),
    )
    assert assess(org, ledger).total == yuan(0)
    assert assess(org, ledger, APRIL).total == yuan(0)
    explained = assess(org, ledger, APRIL).explain("en")
    assert explained == [
        "On duty and not logged in to Aliwangwang on Apr 1, 2026: occurrence 1 in April 2026, "
        "fined CN¥10.00 for each full 3 (TB-44)"
    ]


@pytest.mark.parametrize(("complaints", "total"), [(1, 0), (2, 0), (3, 5), (4, 10)])
def test_unanswered_rings_fined_from_the_third_complaint(
    org: sc.Organization, complaints: int, total: int
) -> None:
    """TB-45, AMB-33: verified complaints counted per calendar month, the 3rd fined 5."""
    ledger = ledger_of(
        *(violation(tb.UNANSWERED_RINGS, at(3, d)) for d in range(1, complaints + 1))
    )
    march = assess(org, ledger)
    assert march.total == yuan(total)
    if complaints >= 3:
        assert march.explain("en")[2] == (
            "Verified complaint about a call left ringing more than five times on Mar 3, 2026: "
            "occurrence 3 in March 2026, past the 2 free: CN¥5.00 (TB-45)"
        )


# TB-65: no amount ------------------------------------------------------------------------------


def test_quitting_suddenly_is_recorded_without_an_amount(org: sc.Organization) -> None:
    march = assess(org, ledger_of(violation(tb.QUITTING_SUDDENLY, at(3, 20))))
    assert march.total == yuan(0)
    assert march.consequences == ()
    assert march.explain("en") == [
        "Quitting without a month's written notice on Mar 20, 2026: recorded, no fixed fine (TB-65)"
    ]


# Reversal ----------------------------------------------------------------------------------------


def test_reversing_a_fixed_fine_lowers_the_total_by_exactly_that_fine(
    org: sc.Organization,
) -> None:
    absent = violation(tb.ABSENTEEISM, at(3, 12))
    ledger = ledger_of(
        *(violation(tb.PHONE_AT_WORK, at(3, d)) for d in (3, 10, 17)),
        absent,
        violation(tb.LEFT_POST, at(3, 18)),
    )
    assert assess(org, ledger).total == yuan(400)  # 350 + 30 + 20
    assert ledger.reverse(absent.id, "leave was approved; the form was misfiled")
    assert assess(org, ledger).total == yuan(370)
    assert [e.kind for e in ledger.entries()][-1] is sc.EntryKind.REVERSE


def test_reversing_a_doubled_fine_re_ranks_the_repeats(org: sc.Organization) -> None:
    """Reported in error, the 10 March call was never the second: 17 March is, at 100."""
    phones = [violation(tb.PHONE_AT_WORK, at(3, d)) for d in (3, 10, 17)]
    ledger = ledger_of(*phones)
    assert ledger.reverse(phones[1].id, "the call was the customer's callback")
    march = assess(org, ledger)
    assert fines(march) == [Decimal(50), Decimal(100)]
    assert march.total == yuan(150)
    assert "occurrence 2 in March 2026" in march.explain("en")[1]


def test_other_agents_violations_do_not_count(org: sc.Organization) -> None:
    ledger = ledger_of(
        violation(tb.PHONE_AT_WORK, at(3, 3), agent="A-018"),
        violation(tb.PHONE_AT_WORK, at(3, 10)),
    )
    assert fines(assess(org, ledger)) == [Decimal(50)]


# TB-50: warnings and dismissal -----------------------------------------------------------------


def test_two_warnings_are_warnings_only(org: sc.Organization) -> None:
    ledger = ledger_of(violation(tb.WARNING, at(2, 3)), violation(tb.WARNING, at(3, 10)))
    march = assess(org, ledger)
    assert march.total == yuan(0)
    assert [(c.consequence, c.reason.rule_id) for c in march.consequences] == [
        (sc.Consequence.WARNING, "TB-50")
    ]
    assert march.explain("en")[-1] == "Warning on Mar 10, 2026: a warning (TB-50)"


def test_the_third_warning_leads_to_dismissal(org: sc.Organization) -> None:
    ledger = ledger_of(
        violation(tb.WARNING, at(1, 20)),
        violation(tb.WARNING, at(2, 3)),
        violation(tb.WARNING, at(3, 10)),
    )
    march = assess(org, ledger)
    *warnings, dismissal = march.consequences
    assert [c.consequence for c in warnings] == [sc.Consequence.WARNING]  # March's own
    assert dismissal.consequence is sc.Consequence.DISMISSAL
    assert dismissal.violation is None  # a limit reached, not one violation
    assert dismissal.reason.rule_id == "TB-50"
    assert (
        march.explain("en")[-1] == "Warnings by Mar 10, 2026: 3, at or above 3: dismissal (TB-50)"
    )
    assert march.explain("zh_Hans")[-1] == "截至2026年3月10日共3次警告，达到3次：辞退（TB-50）"
    # February knew only two
    february = assess(org, ledger, sc.Month(2026, 2))
    assert sc.Consequence.DISMISSAL not in [c.consequence for c in february.consequences]


def test_a_reversed_warning_no_longer_counts(org: sc.Organization) -> None:
    first = violation(tb.WARNING, at(1, 20))
    ledger = ledger_of(first, violation(tb.WARNING, at(2, 3)), violation(tb.WARNING, at(3, 10)))
    ledger.reverse(first.id, "withdrawn on appeal")
    consequences = [c.consequence for c in assess(org, ledger).consequences]
    assert consequences == [sc.Consequence.WARNING]


def test_the_ladder_reads_the_same_warnings(org: sc.Organization) -> None:
    """warning_facts() hands the ledger's warnings to the ladder's TB-50 dismissal."""
    ledger = ledger_of(
        violation(tb.WARNING, at(1, 20)),
        violation(tb.WARNING, at(2, 3)),
        violation(tb.PHONE_AT_WORK, at(2, 5)),
        violation(tb.WARNING, at(3, 10, hour=23)),
    )
    facts = tb.warning_facts(ledger, AGENT, org.calendar)
    assert [(f.kind, f.on) for f in facts] == [
        ("warning", dt.date(2026, 1, 20)),
        ("warning", dt.date(2026, 2, 3)),
        ("warning", dt.date(2026, 3, 10)),
    ]
    agent = sc.Agent(
        AGENT,
        "王芳",
        hired=dt.date(2026, 1, 10),
        rung="junior",
        rung_since=dt.date(2026, 1, 10),
    )
    decision = org.ladder.evaluate(agent, sc.History(AGENT, facts=facts), dt.date(2026, 3, 31))
    assert (decision.move, decision.reason.rule_id) == (sc.Move.DISMISS, "TB-50")
    assert sc.Consequence.DISMISSAL in [c.consequence for c in assess(org, ledger).consequences]


# Refusals ------------------------------------------------------------------------------------------


def test_an_unknown_code_is_refused(org: sc.Organization) -> None:
    ledger = ledger_of(violation("late", at(3, 3)))  # lateness has no fine (TB-14, TB-63)
    with pytest.raises(sc.ValidationError, match=r"(Violation|violations\[.*\])\.code"):
        assess(org, ledger)


def test_points_are_refused_the_shop_deducts_none(org: sc.Organization) -> None:
    with_points = sc.Violation("V-P", AGENT, tb.LEFT_POST, at(3, 3), points=2)
    with pytest.raises(sc.ValidationError, match=r"deducts no points \(TB-43\)"):
        org.penalty_schedule.check(with_points)


# Citations and explanations ----------------------------------------------------------------------


def a_busy_month() -> sc.Ledger:
    return ledger_of(
        *(violation(tb.PHONE_AT_WORK, at(3, d)) for d in (3, 10, 17)),
        violation(tb.SERVICE_COMPLAINT, at(3, 4)),
        violation(tb.SWEARING_AT_CUSTOMER, at(3, 5)),
        violation(tb.MISSED_PUNCH, at(3, 6)),
        violation(tb.LEFT_POST, at(3, 7)),
        *(violation(tb.WANGWANG_OFFLINE, at(3, d, 12)) for d in (8, 9, 11)),
        *(violation(tb.UNANSWERED_RINGS, at(3, d)) for d in (12, 13, 14)),
        violation(tb.ABSENTEEISM, at(3, 15)),
        violation(tb.UNANSWERED_DURING_MEALS, at(3, 16, 12)),
        violation(tb.QUITTING_SUDDENLY, at(3, 30)),
        *(violation(tb.WARNING, at(3, d)) for d in (18, 19, 20)),
    )


def test_a_busy_month_adds_up(org: sc.Organization) -> None:
    march = assess(org, a_busy_month())
    # 350 + 50 + 50 + 10 + 20 + 10 + 5 + 30 + 5
    assert march.total == yuan(530)
    assert [c.consequence for c in march.consequences] == [
        *[sc.Consequence.WARNING] * 3,
        sc.Consequence.DISMISSAL,
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_reason_cites_a_tb_rule_and_renders(org: sc.Organization, locale: str) -> None:
    march = assess(org, a_busy_month())
    assert len(march.reasons) == len(march.fines) + len(march.consequences)
    for reason in march.reasons:
        assert TB_RULE_ID.match(reason.rule_id), reason
        rendered = reason.explain(locale)
        assert rendered.endswith((f"{reason.rule_id})", f"{reason.rule_id}）"))
