"""The Jingyun Warehouse plugin, loaded as users load it: by its entry point."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
import servicecodex_jingyun_warehouse as jw

import servicecodex as sc
from servicecodex.testing import make_organization

JW_RULE_ID = re.compile(r"^JW-\d{2}$")
HOOKS = (
    "servicecodex_appraisal_scheme",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
)


@pytest.fixture(scope="module")
def org() -> sc.Organization:
    return sc.Organization.load("jingyun-warehouse")


def citations(org: sc.Organization) -> list[sc.Citation]:
    """Every citation in every policy the plugin defines."""
    ladder, scheme = org.ladder, org.appraisal_scheme
    levels, penalties = org.service_levels, org.penalty_schedule
    return [
        ladder.cite,
        *(rung.cite for rung in ladder.rungs),
        scheme.cite,
        *(criterion.cite for criterion in scheme.criteria),
        levels.cite,
        *(target.cite for target in levels.targets),
        *(rule.cite for rule in penalties.rules),
    ]


def reasons(org: sc.Organization) -> list[sc.Reason]:
    """Every describable record of every policy the plugin defines."""
    ladder, scheme = org.ladder, org.appraisal_scheme
    levels, penalties = org.service_levels, org.penalty_schedule
    return [
        ladder.describe(),
        scheme.describe(),
        *(criterion.describe() for criterion in scheme.criteria),
        levels.describe(),
        *(target.describe() for target in levels.targets),
        *(rule.describe() for rule in penalties.rules),
    ]


# Loading ---------------------------------------------------------------------------------


def test_installed_under_its_entry_point() -> None:
    entry_point = sc.installed_plugins()["jingyun-warehouse"]
    assert entry_point.value == "servicecodex_jingyun_warehouse"
    assert entry_point.load() is jw


def test_loads_by_id(org: sc.Organization) -> None:
    assert org.plugins == ("jingyun-warehouse",)
    assert org.id == "jingyun-warehouse"
    assert org.implemented_hooks() == {"jingyun-warehouse": HOOKS}


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile.name.localize("zh_Hans") == "京云仓客服中心"
    assert profile.name.localize("zh_Hant") == "京雲倉客服中心"
    assert profile.name.localize("en") == "Jingyun Warehouse customer service centre"
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(jw)
    assert org.plugins == ("servicecodex_jingyun_warehouse",)
    assert org.profile is jw.PROFILE
    assert [r.id for r in org.ladder.rungs] == ["representative", "supervisor", "manager"]
    assert org.penalty_schedule.currency == "CNY"


def test_policies_the_source_does_not_give_stay_undefined(org: sc.Organization) -> None:
    policy = org.effective_policy()
    assert policy.salary_bands is None
    assert policy.shift_policy is None
    assert dict(policy.phrase_books) == {}
    with pytest.raises(sc.PolicyNotDefinedError):
        _ = org.salary_bands


# Ladder (JW-01) --------------------------------------------------------------------------


def test_three_rungs_lowest_first(org: sc.Organization) -> None:
    ladder = org.ladder
    assert [r.id for r in ladder.rungs] == ["representative", "supervisor", "manager"]
    assert [r.name.localize("zh_Hant") for r in ladder.rungs] == ["客服代表", "主管", "經理"]
    assert [r.name.localize("zh_Hans") for r in ladder.rungs] == ["客服代表", "主管", "经理"]
    assert all(r.band is None for r in ladder.rungs)


def test_above_and_below(org: sc.Organization) -> None:
    ladder = org.ladder
    above = ladder.above("representative")
    assert above is not None
    assert above.id == "supervisor"
    top = ladder.above("supervisor")
    assert top is not None
    assert top.id == "manager"
    assert ladder.above("manager") is None
    below = ladder.below("manager")
    assert below is not None
    assert below.id == "supervisor"
    assert ladder.below("representative") is None


# Appraisal (JW-05, JW-06) ----------------------------------------------------------------


def test_four_criteria_of_25_make_100(org: sc.Organization) -> None:
    scheme = org.appraisal_scheme
    assert [c.id for c in scheme.criteria] == [
        "service-attitude",
        "business-ability",
        "efficiency",
        "customer-satisfaction",
    ]
    assert [c.max_points for c in scheme.criteria] == [Decimal(25)] * 4
    assert scheme.total == Decimal(100)
    assert scheme.pass_mark is None
    assert {c.cite.rule_id for c in scheme.criteria} == {"JW-06"}
    assert scheme.cite.rule_id == "JW-05"


def test_appraised_monthly_and_annually(org: sc.Organization) -> None:
    assert org.appraisal_scheme.periods == (sc.PeriodKind.MONTH, sc.PeriodKind.YEAR)


# Service levels (JW-11, JW-12) -----------------------------------------------------------


def test_channels(org: sc.Organization) -> None:
    assert org.service_levels.channels == (
        sc.Channel.PHONE,
        sc.Channel.ONLINE_CHAT,
        sc.Channel.EMAIL,
    )


def test_phone_answered_within_three_rings(org: sc.Organization) -> None:
    (target,) = org.service_levels.targets
    assert target.channel is sc.Channel.PHONE
    assert target.rings == 3
    assert target.first_response is None
    assert target.cite.rule_id == "JW-12"


def test_no_numeric_target_for_email_or_chat(org: sc.Organization) -> None:
    targeted = {target.channel for target in org.service_levels.targets}
    assert sc.Channel.EMAIL not in targeted
    assert sc.Channel.ONLINE_CHAT not in targeted


# Penalties (JW-10) -----------------------------------------------------------------------


def test_four_failings_without_fines(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.currency == "CNY"
    assert [r.code for r in schedule.rules] == [
        "poor-work-attitude",
        "insufficient-business-ability",
        "low-customer-satisfaction",
        "low-efficiency",
    ]
    assert all(r.fine is None for r in schedule.rules)
    assert {r.cite.rule_id for r in schedule.rules} == {"JW-10"}


def test_sanctions_named() -> None:
    assert [s.localize("zh_Hant") for s in jw.SANCTIONS] == ["警告", "罰款", "降職"]


# Citations and explanations --------------------------------------------------------------


def test_every_citation_is_a_jw_rule(org: sc.Organization) -> None:
    cited = citations(org)
    assert cited
    for cite in cited:
        assert JW_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("000 篇"), cite
    assert {c.rule_id for c in cited} == {"JW-01", "JW-05", "JW-06", "JW-10", "JW-11", "JW-12"}


def test_no_pinyin_gloss_in_texts(org: sc.Organization) -> None:
    gloss = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
    names = [
        *(r.name for r in org.ladder.rungs),
        *(c.name for c in org.appraisal_scheme.criteria),
        *(r.name for r in org.penalty_schedule.rules),
        *jw.SANCTIONS,
        org.profile.name,
    ]
    for name in names:
        for locale in sc.SUPPORTED_LOCALES:
            assert not gloss.search(name.localize(locale)), name


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_explanations_render(org: sc.Organization, locale: str) -> None:
    for reason in reasons(org):
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered
