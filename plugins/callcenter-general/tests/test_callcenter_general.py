"""The call-centre plugin, loaded as users load it: by its entry point."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import attrs
import pendulum
import pytest
import servicecodex_callcenter_general as cc
from hypothesis import given
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex.testing import check_plugin, make_organization, organization_fixture

CC_RULE_ID = re.compile(r"^CC-\d{2}$")
HOOKS = (
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
)
HIRED = dt.date(2026, 3, 2)


org = organization_fixture("callcenter-general")


def candidate() -> sc.Agent:
    """A candidate taken on as a CS representative on 2 March 2026, checked that day."""
    return sc.Agent("C-001", "李娜", hired=HIRED, rung="agent", rung_since=HIRED)


def history(
    *,
    typing: int | None = 85,
    mandarin: bool | None = True,
    dialect: bool | None = True,
    on: dt.date = HIRED,
) -> sc.History:
    """The candidate's assessments; ``None`` leaves one out, ``False`` records it failed."""
    facts = []
    if mandarin is not None:
        facts.append(sc.DatedFact(cc.MANDARIN_ASSESSMENT, on, passed=mandarin))
    if dialect is not None:
        facts.append(sc.DatedFact(cc.DIALECT_COMPREHENSION, on, passed=dialect))
    if typing is not None:
        facts.append(sc.DatedFact(cc.WUBI_TYPING_SPEED, on, value=typing))
    return sc.History("C-001", facts=facts)


def qualifies(org: sc.Organization, facts: sc.History) -> sc.Check:
    check = org.ladder.qualifies(candidate(), facts, HIRED)
    assert check is not None
    return check


def walk(check: sc.Check) -> Iterator[sc.Check]:
    yield check
    for part in check.parts:
        yield from walk(part)


def failing(check: sc.Check) -> list[sc.Check]:
    """The unmet leaf checks: the conditions that decided a refusal."""
    return [c for c in walk(check) if not c.met and not c.parts]


def conditions(condition: sc.Condition) -> Iterator[sc.Condition]:
    yield condition
    if isinstance(condition, sc.AllOf | sc.AnyOf):
        for part in condition.conditions:
            yield from conditions(part)


# Loading ---------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("callcenter-general", cc, hooks=HOOKS)


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile.name.localize("zh_Hans") == "客服部"
    assert profile.name.localize("en") == "Call-centre customer service department"
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(cc)
    assert org.plugins == ("servicecodex_callcenter_general",)
    assert org.profile is cc.PROFILE
    assert org.ladder is cc.GRADING_LADDER


def test_policies_the_source_does_not_give_stay_undefined(org: sc.Organization) -> None:
    policy = org.effective_policy()
    assert policy.salary_bands is None
    assert policy.appraisal_scheme is None
    # service levels without a time limit: CC-12's is not given (AMB-06)
    assert policy.service_levels is cc.SERVICE_LEVELS
    assert policy.service_levels.targets == ()
    # the shift policy has rules but no shift times (the regulation gives none)
    assert policy.shift_policy is cc.SHIFT_POLICY
    assert policy.shift_policy.patterns == ()
    with pytest.raises(sc.PolicyNotDefinedError):
        _ = org.appraisal_scheme


# Ladder ----------------------------------------------------------------------------------


def test_one_rung_the_cs_representative(org: sc.Organization) -> None:
    (rung,) = org.ladder.rungs
    assert rung.id == "agent"
    assert [rung.name.localize(loc) for loc in ("zh_Hans", "zh_Hant", "en")] == [
        "客服代表",
        "客服代表",
        "CS representative",
    ]
    assert rung.band is None
    assert rung.requirements is cc.REPRESENTATIVE_REQUIREMENTS
    assert org.ladder.transitions == ()


def test_requirements_in_words(org: sc.Organization) -> None:
    (rung,) = org.ladder.rungs
    assert rung.requirements is not None
    zh = rung.requirements.localize("zh_Hans")
    assert "普通话标准、流利" in zh
    assert "能听懂本地方言" in zh
    assert "“五笔打字速度”至少80 字/分" in zh
    assert "of at least 80 characters/min" in rung.requirements.localize("en")


# CC-01, CC-02: who qualifies -------------------------------------------------------------


def test_typing_85_with_mandarin_and_dialect_qualifies(org: sc.Organization) -> None:
    check = qualifies(org, history(typing=85))
    assert check.met
    assert all(c.met for c in walk(check))
    typing_line = check.lines("en")[-1]
    assert typing_line == (
        "  ✓ Latest “Wubi typing speed”: 85 characters/min on Mar 2, 2026 "
        "(needs 80 characters/min) (CC-02)"
    )


def test_typing_79_is_refused_naming_cc_02_and_the_numbers(org: sc.Organization) -> None:
    check = qualifies(org, history(typing=79))
    assert not check.met
    (typing,) = failing(check)
    assert typing.reason.rule_id == "CC-02"
    assert typing.reason.explain("en") == (
        "Latest “Wubi typing speed”: 79 characters/min on Mar 2, 2026 "
        "(needs 80 characters/min) (CC-02)"
    )
    assert typing.reason.explain("zh_Hans") == (
        "最近一次“五笔打字速度”：2026年3月2日为79 字/分（需至少80 字/分）（CC-02）"
    )


def test_exactly_80_is_enough(org: sc.Organization) -> None:
    assert qualifies(org, history(typing=80)).met


@given(st.integers(min_value=0, max_value=200))
def test_qualifies_exactly_from_80_characters_a_minute(speed: int) -> None:
    check = cc.GRADING_LADDER.qualifies(candidate(), history(typing=speed), HIRED)
    assert check is not None
    assert check.met is (speed >= 80)


def test_the_latest_typing_test_decides(org: sc.Organization) -> None:
    retest = sc.History(
        "C-001",
        facts=[
            sc.DatedFact(cc.MANDARIN_ASSESSMENT, HIRED),
            sc.DatedFact(cc.DIALECT_COMPREHENSION, HIRED),
            sc.DatedFact(cc.WUBI_TYPING_SPEED, HIRED, value=79),
            sc.DatedFact(cc.WUBI_TYPING_SPEED, dt.date(2026, 3, 9), value=Decimal("82")),
        ],
    )
    check = org.ladder.qualifies(candidate(), retest, dt.date(2026, 3, 9))
    assert check is not None
    assert check.met
    assert "82 characters/min on Mar 9, 2026" in check.lines("en")[-1]


def test_no_typing_test_is_refused_naming_cc_02(org: sc.Organization) -> None:
    (typing,) = failing(qualifies(org, history(typing=None)))
    assert typing.reason.explain("en") == (
        "No “Wubi typing speed” measured (needs 80 characters/min) (CC-02)"
    )


def test_no_mandarin_assessment_is_refused_naming_cc_01(org: sc.Organization) -> None:
    check = qualifies(org, history(mandarin=None))
    assert not check.met
    (mandarin,) = failing(check)
    assert mandarin.reason.rule_id == "CC-01"
    english = mandarin.reason.explain("en")
    assert english.startswith("No “Standard, fluent Mandarin” recorded")
    assert english.endswith("(CC-01)")
    assert "“普通话标准、流利”" in mandarin.reason.explain("zh_Hans")


def test_a_failed_mandarin_assessment_is_refused(org: sc.Organization) -> None:
    (mandarin,) = failing(qualifies(org, history(mandarin=False)))
    assert mandarin.reason.explain("en") == (
        "“Standard, fluent Mandarin” failed on Mar 2, 2026 (CC-01)"
    )


def test_not_understanding_the_dialect_is_refused_naming_cc_01(org: sc.Organization) -> None:
    (dialect,) = failing(qualifies(org, history(dialect=False)))
    assert dialect.reason.rule_id == "CC-01"
    assert "Understands the local dialect" in dialect.reason.explain("en")


def test_every_unmet_requirement_is_listed(org: sc.Organization) -> None:
    check = qualifies(org, sc.History("C-001"))
    assert [c.reason.rule_id for c in failing(check)] == ["CC-01", "CC-01", "CC-02"]
    assert check.lines("en")[0] == "✗ 0 of 3 conditions met, all needed (CC-01)"


def test_assessments_passed_during_recruitment_count(org: sc.Organization) -> None:
    """Tests taken before the hire date (CC-01's assessments, CC-02's typing) count."""
    recruited = history(typing=85, on=dt.date(2026, 2, 20))
    check = qualifies(org, recruited)
    assert check.met
    assert "“Standard, fluent Mandarin” passed on Feb 20, 2026 (CC-01)" in check.lines("en")[1]


# Penalties (CC-25, CC-29, CC-14) -------------------------------------------------------


def test_penalty_rules_without_amounts(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.currency == "CNY"
    assert [(rule.code, rule.cite) for rule in schedule.rules[:5]] == [
        ("unclear-swap-handover", sc.Citation("CC-25", "001 篇1 七.5")),
        ("absenteeism", sc.Citation("CC-29", "001 篇1 七.1")),
        ("lateness", sc.Citation("CC-29", "001 篇1 七.1")),
        ("early-leaving", sc.Citation("CC-29", "001 篇1 七.1")),
        ("hung-up-on-caller", sc.Citation("CC-14", "001 篇1 五.5")),
    ]
    assert schedule.rules[5:] == cc.INSPECTION_RULES
    for rule in schedule.rules:
        assert (rule.fine, rule.points, rule.consequence) == (None, None, None)
    assert (schedule.points_limit, schedule.warning_limit) == (None, None)
    assert [rule.describe().explain("zh_Hans") for rule in schedule.rules[:5]] == [
        "换班交代不清造成误班、空班(按旷工处理)：未定罚款金额（CC-25）",
        "无故旷工：未定罚款金额（CC-29）",
        "迟到：未定罚款金额（CC-29）",
        "早退：未定罚款金额（CC-29）",
        "私挂用户电话：未定罚款金额（CC-14）",
    ]


def test_both_parties_are_recorded_and_nothing_is_fined(org: sc.Organization) -> None:
    """Li Na swapped her 19 March evening shift with Zhou Min; neither said who came."""
    when = pendulum.datetime(2026, 3, 19, 18, tz="Asia/Shanghai")
    ledger = sc.Ledger()
    for vid, agent, share in [("S-1", "C-001", "换班人，主要责任"), ("S-2", "C-002", "次要责任")]:
        ledger.record(sc.Violation(vid, agent, cc.UNCLEAR_SWAP_HANDOVER, when, evidence=share))
    march = sc.Month(2026, 3)
    for agent, share in (("C-001", "换班人，主要责任"), ("C-002", "次要责任")):
        assessed = org.penalty_schedule.assess(agent, ledger, march, org.calendar)
        assert assessed.total == sc.Money(0, "CNY")
        assert assessed.consequences == ()
        assert assessed.explain("en") == [
            "Missed or empty shift from an unclear swap hand-off (treated as absenteeism) "
            "on Mar 19, 2026: recorded, no fixed fine (CC-25)"
        ]
        assert [f.violation.evidence for f in assessed.fines] == [share]


# Citations and explanations --------------------------------------------------------------


def shift_citations(policy: sc.ShiftPolicy) -> list[sc.Citation]:
    """Every citation of the shift policy's rules."""
    cites: list[sc.Citation] = []
    for rules in (policy.swaps, policy.handover, policy.attendance, policy.leave):
        assert rules is not None
        for field in attrs.fields(type(rules)):
            value = getattr(rules, field.name)
            if isinstance(value, sc.Citation):
                cites.append(value)
    assert policy.leave is not None
    return cites + [t.cite for t in policy.leave.types]


def citations(org: sc.Organization) -> list[sc.Citation]:
    ladder = org.ladder
    cites = [ladder.cite, *(rung.cite for rung in ladder.rungs)]
    for rung in ladder.rungs:
        if rung.requirements is not None:
            for condition in conditions(rung.requirements):
                cite = getattr(condition, "cite", None)
                if cite is not None:
                    cites.append(cite)
    return cites


def test_every_citation_is_a_cc_rule(org: sc.Organization) -> None:
    cited = [
        *citations(org),
        *(r.cite for r in org.penalty_schedule.rules),
        *(e.cite for e in org.phrase_book().entries),
        *shift_citations(org.shift_policy),
    ]
    for cite in cited:
        assert CC_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("001 篇1 "), cite
    assert {(c.rule_id, c.clause) for c in cited} == {
        ("CC-01", "001 篇1 一.4"),
        ("CC-02", "001 篇1 一.5"),
        ("CC-04", "001 篇1 一.6"),
        ("CC-05", "001 篇1 一.7"),
        ("CC-06", "001 篇1 一.7"),
        ("CC-10", "001 篇1 八.5"),
        ("CC-14", "001 篇1 五.5"),
        ("CC-16", "001 篇1 三.1"),
        ("CC-17", "001 篇1 三.2"),
        ("CC-22", "001 篇1 七.3"),
        ("CC-23", "001 篇1 七.4"),
        ("CC-24", "001 篇1 七.4"),
        ("CC-25", "001 篇1 七.5"),
        ("CC-26", "001 篇1 七.6"),
        ("CC-27", "001 篇1 七.7"),
        ("CC-29", "001 篇1 七.1"),
        ("CC-30", "001 篇1 七.1"),
        # the inspection codes (module _inspection)
        ("CC-07", "001 篇1 一.7"),
        ("CC-08", "001 篇1 二.3"),
        ("CC-09", "001 篇1 二.4"),
        ("CC-18", "001 篇1 三.3"),
        ("CC-20", "001 篇1 六.6"),
        ("CC-28", "001 篇1 五.7"),
        ("CC-31", "001 篇1 二.5"),
        ("CC-32", "001 篇1 四.5"),
        ("CC-33", "001 篇1 四.1"),
        ("CC-34", "001 篇1 五.5"),
        ("CC-35", "001 篇1 五.6"),
        ("CC-36", "001 篇1 五.8"),
        ("CC-37", "001 篇1 四.2–3; 五.3–4"),
        ("CC-38", "001 篇1 六.3–4"),
    }


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_explanations_render(org: sc.Organization, locale: str) -> None:
    reasons = [
        org.ladder.describe(),
        *(c.reason for c in walk(qualifies(org, history()))),
        *(c.reason for c in walk(qualifies(org, sc.History("C-001")))),
        *(r.describe() for r in org.penalty_schedule.rules),
        *(e.describe() for e in org.phrase_book().entries),
    ]
    for reason in reasons:
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered
