"""The enterprise-handbook plugin, loaded as users load it: by its entry point."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import servicecodex_enterprise_handbook as eh
from hypothesis import given
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex.testing import check_plugin, make_organization, organization_fixture

EH_RULE_ID = re.compile(r"^EH-\d{2}$")
HOOKS = (
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
)
MARCH = sc.Month(2026, 3)
PARTS = ("weekly-work", "monthly-appraisal", "supplementary-tests")


org = organization_fixture("enterprise-handbook")


def points(a: object, b: object, c: object) -> dict[str, object]:
    """Points for parts A, B and C, each out of 100."""
    return dict(zip(PARTS, (a, b, c), strict=True))


# Loading ---------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("enterprise-handbook", eh, hooks=HOOKS)


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile.name.localize("zh_Hans") == "客户服务部"
    assert profile.name.localize("zh_Hant") == "客戶服務部"
    assert profile.name.localize("en") == "Enterprise customer service department"
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(eh)
    assert org.plugins == ("servicecodex_enterprise_handbook",)
    assert org.profile is eh.PROFILE
    assert org.appraisal_scheme is eh.APPRAISAL_SCHEME


def test_policies_of_later_rounds_stay_undefined(org: sc.Organization) -> None:
    # No salary bands: the handbook fixes no pay (EH-38); see test_enterprise_pay.py.
    policy = org.effective_policy()
    assert policy.grading_ladder is None
    assert policy.salary_bands is None
    assert policy.shift_policy is eh.SHIFT_POLICY  # EH-28, EH-47: test_enterprise_shifts.py
    assert policy.service_levels is eh.SERVICE_LEVELS  # EH-01 … EH-26: test_contacts.py
    with pytest.raises(sc.PolicyNotDefinedError):
        _ = org.ladder


# The scheme (EH-34, EH-35, EH-36) --------------------------------------------------------


def test_three_parts_weighted_60_30_10(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    assert [c.id for c in scheme.criteria] == list(PARTS)
    assert [c.max_points for c in scheme.criteria] == [Decimal(100)] * 3
    assert [c.weight for c in scheme.criteria] == [
        Decimal("0.6"),
        Decimal("0.3"),
        Decimal("0.1"),
    ]
    assert [c.contributes for c in scheme.criteria] == [Decimal(60), Decimal(30), Decimal(10)]
    assert [c.cite.rule_id for c in scheme.criteria] == ["EH-34", "EH-35", "EH-36"]
    assert [c.name.localize("zh_Hans") for c in scheme.criteria] == [
        "每星期五的工作小结与工作计划（工作量）",
        "每月的绩效考核分数",
        "其它辅助测评成绩",
    ]


def test_out_of_100_monthly_without_pass_mark_or_grades(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    assert scheme.describe().explain("en") == (
        "Appraisals (monthly) out of 100 points (criteria: 3) (EH-39)"
    )
    assert scheme.total == Decimal(100)
    assert scheme.periods == (sc.PeriodKind.MONTH,)
    assert scheme.pass_mark is None
    assert scheme.grades is None
    assert scheme.adjustments == ()
    assert scheme.descriptors == ()


def test_80_90_70_scores_exactly_82(org: sc.Organization) -> None:
    card = org.appraisal_scheme.score("S-007", MARCH, points(80, 90, 70))
    # 0.6 × 80 + 0.3 × 90 + 0.1 × 70 = 48 + 27 + 7
    assert [line.points for line in card.criteria] == [Decimal(48), Decimal(27), Decimal(7)]
    assert card.total == Decimal(82)
    assert isinstance(card.total, Decimal)
    assert (card.passed, card.grade) == (None, None)


def test_full_and_zero_marks(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    assert scheme.score("S-007", MARCH, points(100, 100, 100)).total == Decimal(100)
    assert scheme.score("S-007", MARCH, points(0, 0, 0)).total == Decimal(0)


def test_half_points_stay_exact(org: sc.Organization) -> None:
    card = org.appraisal_scheme.score(
        "S-007", MARCH, points(Decimal("87.5"), Decimal("92.5"), Decimal("66.5"))
    )
    # 52.5 + 27.75 + 6.65
    assert card.total == Decimal("86.9")


@given(
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=0, max_value=100),
    st.integers(min_value=0, max_value=100),
)
def test_total_is_the_weighted_sum(a: int, b: int, c: int) -> None:
    card = eh.APPRAISAL_SCHEME.score("S-007", MARCH, points(a, b, c))
    assert card.total == Decimal("0.6") * a + Decimal("0.3") * b + Decimal("0.1") * c
    assert Decimal(0) <= card.total <= Decimal(100)


def test_points_above_100_are_refused_naming_the_rule(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match=r"maximum of 100 \(EH-34\)"):
        org.appraisal_scheme.score("S-007", MARCH, points(101, 90, 70))
    with pytest.raises(sc.ValidationError, match=r"maximum of 100 \(EH-36\)"):
        org.appraisal_scheme.score("S-007", MARCH, points(80, 90, Decimal("100.5")))


def test_negative_points_are_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="cannot be negative"):
        org.appraisal_scheme.score("S-007", MARCH, points(80, -1, 70))


def test_an_unknown_part_is_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match=r"points\[bonus\]: unknown criterion"):
        org.appraisal_scheme.score("S-007", MARCH, {**points(80, 90, 70), "bonus": 5})


def test_a_missing_part_is_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="no points for supplementary-tests"):
        org.appraisal_scheme.score("S-007", MARCH, {"weekly-work": 80, "monthly-appraisal": 90})


def test_only_months_are_scored(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="does not score annual appraisals"):
        org.appraisal_scheme.score("S-007", sc.Year(2026), points(80, 90, 70))


def test_explanations_cite_eh_34_35_36(org: sc.Organization) -> None:
    card = org.appraisal_scheme.score("S-007", MARCH, points(80, 90, 70))
    assert [r.rule_id for r in card.reasons] == ["EH-34", "EH-35", "EH-36"]
    english = card.explain("en")
    assert english[0].startswith(
        "Weekly work summaries and plans (workload): 80 of 100, weighted 0.6 = 48"
    )
    assert english[0].endswith("(EH-34)")
    assert english[1].startswith(
        "Monthly performance-appraisal score: 90 of 100, weighted 0.3 = 27"
    )
    assert english[1].endswith("(EH-35)")
    assert english[2].startswith("Other supplementary test results: 70 of 100, weighted 0.1 = 7")
    assert english[2].endswith("(EH-36)")
    assert card.explain("zh_Hans")[0].startswith(
        "每星期五的工作小结与工作计划（工作量）：80分（满分100），权重0.6，计48分"
    )


def test_a_weighted_line_does_not_mix_weighted_points_and_raw_maximum(
    org: sc.Organization,
) -> None:
    card = org.appraisal_scheme.score("S-007", MARCH, points(80, 90, 70))
    assert "48 of 100" not in card.explain("en")[0]


def test_criteria_describe_their_weight(org: sc.Organization) -> None:
    described = [c.describe().explain("en") for c in org.appraisal_scheme.criteria]
    assert described == [
        "Weekly work summaries and plans (workload): up to 100 points, weighted 0.6 (EH-34)",
        "Monthly performance-appraisal score: up to 100 points, weighted 0.3 (EH-35)",
        "Other supplementary test results: up to 100 points, weighted 0.1 (EH-36)",
    ]


# Citations and explanations --------------------------------------------------------------


def test_every_citation_is_an_eh_rule(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    cited = [scheme.cite, *(c.cite for c in scheme.criteria)]
    for cite in cited:
        assert EH_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("003 绩效考核"), cite
    assert [(c.rule_id, c.clause) for c in cited] == [
        ("EH-39", "003 绩效考核"),
        ("EH-34", "003 绩效考核 一.A"),
        ("EH-35", "003 绩效考核 一.B"),
        ("EH-36", "003 绩效考核 一.C"),
    ]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_explanations_render(org: sc.Organization, locale: str) -> None:
    scheme = org.appraisal_scheme
    card = scheme.score("S-007", MARCH, points(80, 90, 70))
    reasons = [scheme.describe(), *(c.describe() for c in scheme.criteria), *card.reasons]
    for reason in reasons:
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered
