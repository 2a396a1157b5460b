"""The hospital-desk plugin, loaded as users load it: by its entry point."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

import pendulum
import pytest
import servicecodex_hospital_desk as hd

import servicecodex as sc
from servicecodex.testing import check_plugin, make_organization, organization_fixture, run_cli

TZ = "Asia/Shanghai"
NURSE = "H-012"
MARCH, APRIL = sc.Month(2026, 3), sc.Month(2026, 4)
HD_RULE_ID = re.compile(r"^HD-\d{2}$")
HOOKS = (
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
)
LOCALES = ("zh_Hans", "zh_Hant", "en")
_ids = itertools.count(1)


org = organization_fixture("hospital-desk")


def violation(code: str, month: int, day: int, hour: int = 8, agent: str = NURSE) -> sc.Violation:
    when = pendulum.datetime(2026, month, day, hour, tz=TZ)
    return sc.Violation(f"H-{next(_ids)}", agent, code, when, reported_by="部门负责人")


def ledger_of(*violations: sc.Violation) -> sc.Ledger:
    ledger = sc.Ledger()
    for v in violations:
        assert ledger.record(v)
    return ledger


def assess(org: sc.Organization, ledger: sc.Ledger, period: sc.Period = MARCH) -> sc.Assessment:
    return org.penalty_schedule.assess(NURSE, ledger, period, org.calendar)


def yuan(amount: int) -> sc.Money:
    return sc.Money(amount, "CNY")


# Loading ---------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("hospital-desk", hd, hooks=HOOKS)


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile is hd.PROFILE
    assert [profile.name.localize(loc) for loc in LOCALES] == [
        "医院客服部",
        "醫院客服部",
        "Hospital customer service department",
    ]
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(hd)
    assert org.plugins == ("servicecodex_hospital_desk",)
    assert org.penalty_schedule is hd.PENALTY_SCHEDULE


@pytest.mark.parametrize(
    "policy",
    ["ladder", "salary_bands", "appraisal_scheme"],
)
def test_later_rounds_stay_undefined(org: sc.Organization, policy: str) -> None:
    with pytest.raises(sc.PolicyNotDefinedError):
        getattr(org, policy)


def test_phrases_in_both_scripts(org: sc.Organization) -> None:
    """The courtesy phrases (HD-09 … HD-20) are tested in test_hospital_courtesy.py."""
    books = org.effective_policy().phrase_books
    assert set(books) == {"zh_Hans", "zh_Hant"}
    assert books["zh_Hans"] == hd.PHRASE_BOOK


# The schedule ----------------------------------------------------------------------------


def test_two_fixed_fines_in_yuan(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.currency == "CNY"
    assert [(r.code, r.cite.rule_id, r.cite.clause, r.fine) for r in schedule.rules[:2]] == [
        ("appearance-breach", "HD-01", "001 篇2 一.6", sc.FixedFine(yuan(10))),
        ("uniform-outside", "HD-02", "001 篇2 二.2", sc.FixedFine(yuan(20))),
    ]
    # the rules of 三 and 四 are recorded with no fine (test_hospital_inspection.py)
    assert all(r.fine is None for r in schedule.rules[2:])
    assert all(r.points is None and r.consequence is None for r in schedule.rules)
    assert (schedule.points_limit, schedule.warning_limit) == (None, None)


def test_the_schedule_in_words(org: sc.Organization) -> None:
    appearance, uniform = (r.describe() for r in org.penalty_schedule.rules[:2])
    assert appearance.explain("zh_Hans") == (
        "上班前检查仪表、仪容，违反部门规定：每次罚款¥10.00（HD-01）"
    )
    assert uniform.explain("zh_Hant") == "穿工作服出院外或進食堂：每次罰款CN¥20.00（HD-02）"
    assert uniform.explain("en") == (
        "Uniform worn outside the hospital or into the canteen: fine CN¥20.00 each time (HD-02)"
    )


# Assessments -------------------------------------------------------------------------------


def test_two_appearance_breaches_and_one_uniform_breach_cost_40(org: sc.Organization) -> None:
    ledger = ledger_of(
        violation(hd.APPEARANCE_BREACH, 3, 2),
        violation(hd.UNIFORM_OUTSIDE, 3, 11, hour=12),
        violation(hd.APPEARANCE_BREACH, 3, 23),
    )
    march = assess(org, ledger)
    assert [f.amount.amount for f in march.fines] == [Decimal(10), Decimal(20), Decimal(10)]
    assert march.total == yuan(40)
    assert march.total.format("zh_Hans_CN") == "¥40.00"
    assert march.consequences == ()
    assert march.explain("zh_Hans") == [
        "2026年3月2日上班前检查仪表、仪容，违反部门规定：罚款¥10.00（HD-01）",
        "2026年3月11日穿工作服出院外或进食堂：罚款¥20.00（HD-02）",
        "2026年3月23日上班前检查仪表、仪容，违反部门规定：罚款¥10.00（HD-01）",
    ]


def test_each_breach_costs_the_same_no_escalation(org: sc.Organization) -> None:
    ledger = ledger_of(*(violation(hd.APPEARANCE_BREACH, 3, d) for d in range(2, 7)))
    assert assess(org, ledger).total == yuan(50)


def test_each_month_on_its_own(org: sc.Organization) -> None:
    ledger = ledger_of(
        violation(hd.APPEARANCE_BREACH, 3, 30),
        violation(hd.UNIFORM_OUTSIDE, 4, 1, hour=12),
    )
    assert assess(org, ledger).total == yuan(10)
    assert assess(org, ledger, APRIL).total == yuan(20)


def test_a_reversed_breach_is_not_fined(org: sc.Organization) -> None:
    wrong = violation(hd.UNIFORM_OUTSIDE, 3, 11, hour=12)
    ledger = ledger_of(violation(hd.APPEARANCE_BREACH, 3, 2), wrong)
    ledger.reverse(wrong.id, "she was on an errand for the ward, not out of the hospital")
    assert assess(org, ledger).total == yuan(10)


def test_only_the_nurses_own_breaches(org: sc.Organization) -> None:
    ledger = ledger_of(
        violation(hd.APPEARANCE_BREACH, 3, 2),
        violation(hd.APPEARANCE_BREACH, 3, 2, agent="H-013"),
    )
    assert assess(org, ledger).total == yuan(10)


def test_an_unknown_code_is_refused(org: sc.Organization) -> None:
    ledger = ledger_of(violation("late", 3, 2))  # HD-25 is not a fine
    with pytest.raises(sc.ValidationError, match=r"(Violation|violations\[.*\])\.code"):
        assess(org, ledger)


def test_the_schedule_is_in_yuan_whatever_the_profile() -> None:
    class Dollars:
        @sc.hookimpl
        def servicecodex_organization_profile(self) -> sc.OrganizationProfile:
            return sc.OrganizationProfile(
                id="hd-usd",
                name=sc.Text(en="Hospital desk (USD)", zh_Hans="医院客服部"),
                locale="en_US",
                timezone="Asia/Shanghai",
                currency="USD",
            )

    org = make_organization(hd, Dollars(), precedence=["Dollars"])
    with pytest.raises(sc.PolicyError, match="pays in USD"):
        _ = org.penalty_schedule


# Citations and explanations --------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_reason_cites_an_hd_rule_and_renders(org: sc.Organization, locale: str) -> None:
    ledger = ledger_of(violation(hd.APPEARANCE_BREACH, 3, 2), violation(hd.UNIFORM_OUTSIDE, 3, 3))
    reasons = [*(r.describe() for r in org.penalty_schedule.rules), *assess(org, ledger).reasons]
    for reason in reasons:
        assert HD_RULE_ID.match(reason.rule_id), reason
        assert reason.explain(locale).endswith((f"({reason.rule_id})", f"（{reason.rule_id}）"))


def test_every_citation_is_an_hd_rule_of_pian_2(org: sc.Organization) -> None:
    for rule in org.penalty_schedule.rules:
        assert HD_RULE_ID.match(rule.cite.rule_id), rule.cite
        assert rule.cite.clause.startswith("001 篇2 "), rule.cite


def test_inspect_renders_the_plugin() -> None:
    stdout = run_cli("inspect", "hospital-desk", "--locale", "zh_Hans")
    assert "医院客服部" in stdout
    assert "（HD-01）" in stdout
    assert "（HD-02）" in stdout
    for rule_id in ("HD-22", "HD-23", "HD-24"):  # the shifts
        assert f"（{rule_id}）" in stdout
