"""The bonus (EH-37, EH-38, EH-39; AMB-50) on a payslip, with the handbook's numbers.

The handbook sets no base pay and no bonus amount, so the plugin answers no
``servicecodex_salary_bands``.  These tests play a company that does: its own band
(``COMPANY_BAND``, a test fixture cited to the company's policy, not to the handbook) and a
base bonus of 500 yuan, answered by a plugin of its own (``CompanyPay``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pendulum
import pytest
import servicecodex_enterprise_handbook as eh

import servicecodex as sc

MARCH = sc.Month(2026, 3)
APRIL = sc.Month(2026, 4)
PARTS = ("weekly-work", "monthly-appraisal", "supplementary-tests")
AGENT = "S-007"
#: The company's own base pay: the handbook gives none, so this is the test's company.
COMPANY_BAND = sc.SalaryBand(
    "specialist",
    sc.Text(en="CS specialist", zh_Hans="客服专员"),
    sc.Money(3000, "CNY"),
    sc.Citation("CO-01", "the company's pay policy (test fixture)"),
)
BASE_BONUS = sc.Money(500, "CNY")


def cny(amount: int | str) -> sc.Money:
    return sc.Money(amount, "CNY")


def points(a: object, b: object, c: object) -> dict[str, object]:
    """Points for parts A, B and C (EH-34, EH-35, EH-36), each out of 100."""
    return dict(zip(PARTS, (a, b, c), strict=True))


class CompanyPay:
    """A company's own plugin: its band and base bonus, with the handbook's bonus."""

    def __init__(self, base_bonus: sc.Money) -> None:
        self.base_bonus = base_bonus

    @sc.hookimpl
    def servicecodex_salary_bands(self) -> sc.SalaryBands:
        return eh.salary_bands(self.base_bonus, [COMPANY_BAND])


@pytest.fixture(scope="module")
def org() -> sc.Organization:
    """The handbook with the company's pay plugin."""
    handbook = sc.installed_plugins()["enterprise-handbook"].load()
    return sc.Organization.from_plugins(
        [("enterprise-handbook", handbook), ("company-pay", CompanyPay(BASE_BONUS))]
    )


@pytest.fixture(scope="module")
def specialist() -> sc.Agent:
    return sc.Agent(
        AGENT, "李静", hired=date(2025, 6, 2), rung="specialist", rung_since=date(2025, 6, 2)
    )


def card_for(month: sc.Month, a: object, b: object, c: object) -> sc.Scorecard:
    return eh.APPRAISAL_SCHEME.score(AGENT, month, points(a, b, c))


# No pay of the handbook's own (EH-38) ----------------------------------------------------


def test_the_handbook_alone_defines_no_pay(specialist: sc.Agent) -> None:
    alone = sc.Organization.load("enterprise-handbook")
    assert "servicecodex_salary_bands" not in alone.implemented_hooks()["enterprise-handbook"]
    assert alone.effective_policy().salary_bands is None
    with pytest.raises(sc.PolicyNotDefinedError, match="servicecodex_salary_bands"):
        alone.payslip(specialist, MARCH)


def test_the_bonus_formula_cites_eh_37() -> None:
    bonus = eh.weighted_bonus(BASE_BONUS)
    assert (bonus.base, bonus.out_of, bonus.cite) == (
        cny("500"),
        Decimal(100),
        sc.Citation("EH-37", "003 绩效考核 二"),
    )
    assert bonus.out_of == eh.APPRAISAL_SCHEME.total
    assert eh.BONUS_CITE is bonus.cite
    assert bonus.describe().explain("zh_Hans_CN") == ("奖金：¥500.00 × 加权考核总分 ÷ 100（EH-37）")
    assert bonus.describe().explain("en") == (
        "Bonus: CN¥500.00 × the weighted appraisal total ÷ 100 (EH-37)"
    )


def test_the_table_is_the_company_band_and_the_handbook_bonus() -> None:
    table = eh.salary_bands(BASE_BONUS, [COMPANY_BAND])
    assert table.currency == "CNY"
    assert table.bands == (COMPANY_BAND,)
    assert table.weighted_bonus == eh.weighted_bonus(BASE_BONUS)
    assert [r.rule_id for r in table.describe_all()] == ["CO-01", "EH-37"]
    assert table.trial is None
    assert table.bonus_pool is None


@pytest.mark.parametrize(
    ("base_bonus", "problem"),
    [
        (500, "expected Money"),
        (cny(0), "must be above 0"),
        (cny("500.005"), "whole cents"),
    ],
    ids=["not Money", "zero", "fraction of a cent"],
)
def test_a_base_bonus_must_be_a_positive_amount(base_bonus: object, problem: str) -> None:
    with pytest.raises(sc.PolicyError, match=problem):
        eh.salary_bands(base_bonus, [COMPANY_BAND])  # type: ignore[arg-type]


def test_a_table_needs_the_company_bands() -> None:
    with pytest.raises(sc.PolicyError, match="must not be empty"):
        eh.salary_bands(BASE_BONUS, [])
    with pytest.raises(sc.PolicyError, match="not in USD"):
        eh.salary_bands(sc.Money(500, "USD"), [COMPANY_BAND])


def test_a_float_base_bonus_is_refused() -> None:
    # Money itself refuses a float, before any table is built.
    with pytest.raises(sc.FloatMoneyError):
        eh.salary_bands(sc.Money(500.0, "CNY"), [COMPANY_BAND])


# The month's bonus: 500 yuan × 82 ÷ 100 = 410 (AMB-50) -----------------------------------


def test_80_90_70_earn_410_of_a_500_base_bonus(org: sc.Organization, specialist: sc.Agent) -> None:
    card = org.appraisal_scheme.score(AGENT, MARCH, points(80, 90, 70))
    assert card.total == Decimal(82)  # 0.6 × 80 + 0.3 × 90 + 0.1 × 70
    assert [r.rule_id for r in card.reasons] == ["EH-34", "EH-35", "EH-36"]
    assert org.appraisal_scheme.cite.rule_id == "EH-39"  # the score is the bonus's basis

    slip = org.payslip(specialist, MARCH, appraisal=card)
    assert [(line.code, line.amount) for line in slip.lines] == [
        ("base", cny("3000.00")),
        ("bonus", cny("410.00")),
    ]
    bonus = slip.lines[1]
    assert (bonus.kind, bonus.reason.rule_id, bonus.reason.cite.clause) == (
        sc.LineKind.EARNING,
        "EH-37",
        "003 绩效考核 二",
    )
    assert bonus.reason.explain("en") == (
        "Bonus: CN¥500.00 × appraisal total 82 ÷ 100 = CN¥410.00 (EH-37)"
    )
    assert bonus.reason.explain("zh_Hans_CN") == (
        "奖金：¥500.00 × 考核总分82 ÷ 100 = ¥410.00（EH-37）"
    )
    assert (slip.gross, slip.net) == (cny("3410.00"), cny("3410.00"))
    data = slip.to_dict("zh_Hans")
    assert [(entry["code"], entry["amount"]) for entry in data["lines"]] == [
        ("base", "3000.00"),
        ("bonus", "410.00"),
    ]
    assert data["rounding"] == {
        "mode": "ROUND_HALF_UP",
        "quantum": "0.01",
        "applies_to": "each line",
    }


@pytest.mark.parametrize(
    ("parts", "base_bonus", "total", "bonus"),
    [
        # EH-37: all work on time and full marks earn the whole base bonus.
        ((100, 100, 100), "500", "100", "500.00"),
        ((80, 90, 70), "500", "82", "410.00"),
        # 52.5 + 27.75 + 6.65 = 86.9; 500 × 86.9 ÷ 100 = 434.5
        (("87.5", "92.5", "66.5"), "500", "86.9", "434.50"),
        # 82.001: 410.005 is rounded half-up to 410.01 (not to the even 410.00)
        ((80, 90, "70.01"), "500", "82.001", "410.01"),
        # 82.003: 410.015 is rounded half-up to 410.02
        ((80, 90, "70.03"), "500", "82.003", "410.02"),
        # 333.33 × 82 ÷ 100 = 273.3306 → 273.33
        ((80, 90, 70), "333.33", "82", "273.33"),
        # 1234.56 × 86.9 ÷ 100 = 1072.83264 → 1072.83
        (("87.5", "92.5", "66.5"), "1234.56", "86.9", "1072.83"),
    ],
)
def test_the_bonus_is_rounded_half_up_to_the_cent(
    specialist: sc.Agent,
    parts: tuple[object, object, object],
    base_bonus: str,
    total: str,
    bonus: str,
) -> None:
    card = card_for(MARCH, *parts)
    assert card.total == Decimal(total)
    slip = sc.payslip(
        specialist, MARCH, eh.salary_bands(cny(base_bonus), [COMPANY_BAND]), appraisal=card
    )
    (line,) = [line for line in slip.lines if line.code == "bonus"]
    assert line.amount == cny(bonus)
    assert str(line.amount.amount) == bonus
    exact = Decimal(base_bonus) * Decimal(total) / 100
    assert abs(line.amount.amount - exact) <= Decimal("0.005")


def test_the_base_bonus_follows_the_company_results(specialist: sc.Agent) -> None:
    # EH-38: no fixed amount; the company sets each month's base bonus from its results.
    march = sc.payslip(
        specialist,
        MARCH,
        eh.salary_bands(cny(500), [COMPANY_BAND]),
        appraisal=card_for(MARCH, 80, 90, 70),
    )
    april = sc.payslip(
        specialist,
        APRIL,
        eh.salary_bands(cny(600), [COMPANY_BAND]),
        appraisal=card_for(APRIL, 80, 90, 70),
    )
    assert [line.amount for line in march.lines if line.code == "bonus"] == [cny("410.00")]
    assert [line.amount for line in april.lines if line.code == "bonus"] == [cny("492.00")]


def test_a_score_of_0_earns_no_bonus(org: sc.Organization, specialist: sc.Agent) -> None:
    slip = org.payslip(specialist, MARCH, appraisal=card_for(MARCH, 0, 0, 0))
    assert [line.code for line in slip.lines] == ["base"]
    (note,) = slip.notes
    assert note.rule_id == "EH-37"
    assert note.explain("en") == "Bonus: CN¥500.00 × appraisal total 0 ÷ 100 = CN¥0.00 (EH-37)"


def test_without_the_month_s_scores_no_bonus_is_computed(
    org: sc.Organization, specialist: sc.Agent
) -> None:
    # EH-39: the scores are the basis of the bonus; no scorecard, no bonus line, and a note
    # saying so.
    slip = org.payslip(specialist, MARCH)
    assert [line.code for line in slip.lines] == ["base"]
    (note,) = slip.notes
    assert note.explain("en") == "No bonus: the month has no appraisal scorecard (EH-37)"


def test_another_month_s_scores_are_refused(org: sc.Organization, specialist: sc.Agent) -> None:
    with pytest.raises(sc.ValidationError, match="appraisal"):
        org.payslip(specialist, APRIL, appraisal=card_for(MARCH, 80, 90, 70))


def test_late_work_costs_points_not_money(org: sc.Organization, specialist: sc.Agent) -> None:
    # EH-37: late work loses points per the appraisal; EH-58 deducts 2 points, no money.
    ledger = sc.Ledger()
    ledger.record(
        sc.Violation(
            "E-1",
            AGENT,
            "task-overdue",
            pendulum.datetime(2026, 3, 9, 10, tz="Asia/Shanghai"),
            reported_by="主管",
        )
    )
    slip = org.payslip(specialist, MARCH, appraisal=card_for(MARCH, 80, 90, 70), violations=ledger)
    assert [(line.code, line.amount) for line in slip.lines] == [
        ("base", cny("3000.00")),
        ("bonus", cny("410.00")),
    ]
    assert slip.fines == cny(0)
    assert [note.rule_id for note in slip.notes] == ["EH-58"]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_pay_explanations_render(org: sc.Organization, specialist: sc.Agent, locale: str) -> None:
    slip = org.payslip(specialist, MARCH, appraisal=card_for(MARCH, 80, 90, 70))
    reasons = [*org.salary_bands.describe_all(), *slip.reasons]
    for reason in reasons:
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered
    assert "410" in slip.format(locale)
