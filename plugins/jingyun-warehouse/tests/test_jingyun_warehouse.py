"""The Jingyun Warehouse plugin, loaded as users load it: by its entry point."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import pendulum
import pytest
import servicecodex_jingyun_warehouse as jw

import servicecodex as sc
from servicecodex.testing import check_plugin, make_organization, organization_fixture

JW_RULE_ID = re.compile(r"^JW-\d{2}$")
HOOKS = (
    "servicecodex_appraisal_scheme",
    "servicecodex_courtesy_phrases",
    "servicecodex_grading_ladder",
    "servicecodex_organization_profile",
    "servicecodex_penalty_schedule",
    "servicecodex_service_levels",
)


org = organization_fixture("jingyun-warehouse")


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
        *(entry.cite for entry in org.phrase_book().entries),
    ]


def reasons(org: sc.Organization) -> list[sc.Reason]:
    """Every describable record of every policy the plugin defines."""
    ladder, scheme = org.ladder, org.appraisal_scheme
    levels, penalties = org.service_levels, org.penalty_schedule
    return [
        ladder.describe(),
        scheme.describe(),
        *(criterion.describe() for criterion in scheme.criteria),
        *levels.describe_all(),
        *(rule.describe() for rule in penalties.rules),
        *(entry.describe() for entry in org.phrase_book().entries),
    ]


# Loading ---------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("jingyun-warehouse", jw, hooks=HOOKS)


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
    assert set(policy.phrase_books) == {"zh_Hans", "zh_Hant"}  # no English book
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


# Service levels (JW-11, JW-12; the rest in test_contacts.py) --------------------------


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
    assert [r.code for r in schedule.rules[:4]] == [
        "poor-work-attitude",
        "insufficient-business-ability",
        "low-customer-satisfaction",
        "low-efficiency",
    ]
    assert schedule.rules[4:] == jw.INSPECTION_RULES
    assert all(r.fine is None for r in schedule.rules)
    assert {r.cite.rule_id for r in schedule.rules[:4]} == {"JW-10"}


def test_sanctions_named() -> None:
    assert [s.localize("zh_Hant") for s in jw.SANCTIONS] == ["警告", "罰款", "降職"]


def test_no_failing_draws_a_sanction_by_itself(org: sc.Organization) -> None:
    """The source lists warning, fine and demotion without tying one to a failing."""
    schedule = org.penalty_schedule
    assert all(r.points is None and r.consequence is None for r in schedule.rules)
    assert (schedule.points_limit, schedule.warning_limit) == (None, None)


def test_a_failing_is_recorded_and_costs_nothing(org: sc.Organization) -> None:
    ledger = sc.Ledger()
    for vid, code, day in [
        ("J-1", "low-customer-satisfaction", 6),
        ("J-2", "low-efficiency", 20),
        ("J-3", "low-efficiency", 27),
    ]:
        when = pendulum.datetime(2026, 3, day, 17, tz="Asia/Shanghai")
        ledger.record(sc.Violation(vid, "JW-R01", code, when, reported_by="主管"))
    march = org.penalty_schedule.assess("JW-R01", ledger, sc.Month(2026, 3), org.calendar)
    assert march.total == sc.Money(0, "CNY")
    assert (march.consequences, march.points) == ((), Decimal(0))
    assert [f.reason.rule_id for f in march.fines] == ["JW-10"] * 3
    assert march.explain("zh_Hant")[0] == "2026年3月6日客戶滿意度低：已記錄，未定罰款金額（JW-10）"
    assert march.explain("en")[2] == (
        "Low work efficiency on Mar 27, 2026: recorded, no fixed fine (JW-10)"
    )


# Hiring and training (JW-02, JW-03, JW-04) -----------------------------------------------

HIRED = dt.date(2026, 3, 2)


def representative() -> sc.Agent:
    """Hired as a CS representative on 2 March 2026."""
    return sc.Agent("JW-R01", "陳靜", hired=HIRED, rung="representative", rung_since=HIRED)


def hiring_record(
    *,
    written: bool | None = True,
    interview: bool | None = True,
    induction: dt.date | None = dt.date(2026, 3, 6),
) -> sc.History:
    """Written test on 10 Feb and interview on 12 Feb 2026 (before hire), induction after."""
    facts = []
    if written is not None:
        facts.append(sc.DatedFact(jw.WRITTEN_TEST, dt.date(2026, 2, 10), passed=written))
    if interview is not None:
        facts.append(sc.DatedFact(jw.INTERVIEW, dt.date(2026, 2, 12), passed=interview))
    if induction is not None:
        facts.append(sc.DatedFact(jw.INDUCTION_TRAINING, induction))
    return sc.History("JW-R01", facts=facts)


def qualifies(
    org: sc.Organization, record: sc.History, as_of: dt.date = dt.date(2026, 3, 9)
) -> sc.Check:
    check = org.ladder.qualifies(representative(), record, as_of)
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


def test_only_the_entry_rung_has_requirements(org: sc.Organization) -> None:
    rungs = {r.id: r for r in org.ladder.rungs}
    assert rungs["representative"].requirements is jw.REPRESENTATIVE_REQUIREMENTS
    assert rungs["supervisor"].requirements is None
    assert rungs["manager"].requirements is None
    assert org.ladder.transitions == ()


def test_requirements_in_words(org: sc.Organization) -> None:
    requirements = jw.REPRESENTATIVE_REQUIREMENTS
    assert [getattr(c, "cite", None) for c in requirements.conditions] == [
        sc.Citation("JW-02", "000 篇1 第四條"),
        sc.Citation("JW-02", "000 篇1 第四條"),
        sc.Citation("JW-03", "000 篇1 第五條"),
    ]
    assert [getattr(c, "kind", None) for c in requirements.conditions] == [
        "written-test",
        "interview",
        "induction-training",
    ]
    zh = requirements.localize("zh_Hant")
    assert "“筆試”" in zh
    assert "“面試”" in zh
    assert "“公司統一培訓”" in zh
    assert "“笔试”" in requirements.localize("zh_Hans")


def test_tests_passed_and_induction_completed_qualifies(org: sc.Organization) -> None:
    check = qualifies(org, hiring_record())
    assert check.met
    assert check.lines("en") == [
        "✓ 3 of 3 conditions met, all needed (JW-01)",
        "  ✓ “Written test” passed on Feb 10, 2026 (JW-02)",
        "  ✓ “Interview” passed on Feb 12, 2026 (JW-02)",
        "  ✓ “Unified induction training” passed on Mar 6, 2026 (JW-03)",
    ]


def test_before_the_induction_training_not_yet_qualified(org: sc.Organization) -> None:
    check = qualifies(org, hiring_record(), as_of=dt.date(2026, 3, 3))
    assert not check.met
    (induction,) = failing(check)
    assert induction.reason.rule_id == "JW-03"
    assert "Unified induction training" in induction.reason.explain("en")


def test_a_failed_interview_is_refused_naming_jw_02(org: sc.Organization) -> None:
    (interview,) = failing(qualifies(org, hiring_record(interview=False)))
    assert interview.reason.explain("en") == "“Interview” failed on Feb 12, 2026 (JW-02)"
    assert interview.reason.explain("zh_Hant") == "“面試”於2026年2月12日未通過（JW-02）"


def test_no_written_test_is_refused_naming_jw_02(org: sc.Organization) -> None:
    (written,) = failing(qualifies(org, hiring_record(written=None)))
    assert written.reason.rule_id == "JW-02"
    assert written.reason.explain("en").startswith("No “Written test” recorded")


def test_a_passed_retest_replaces_a_failed_written_test(org: sc.Organization) -> None:
    record = sc.History(
        "JW-R01",
        facts=[
            *hiring_record(written=False).facts,
            sc.DatedFact(jw.WRITTEN_TEST, dt.date(2026, 2, 24)),
        ],
    )
    assert qualifies(org, record).met


def test_hiring_qualities_and_induction_topics() -> None:
    assert [q.localize("zh_Hant") for q in jw.HIRING_QUALITIES] == [
        "良好的溝通能力和服務意識",
        "熟悉公司業務和產品知識",
        "一定的計算機操作能力",
        "團隊合作精神",
    ]
    assert [t.localize("zh_Hant") for t in jw.INDUCTION_TOPICS] == [
        "公司文化、規章制度",
        "產品知識、業務流程",
        "客戶服務技巧、溝通技巧",
        "系統操作培訓",
    ]


def test_periodic_training_is_recorded_but_never_required(org: sc.Organization) -> None:
    """JW-04: "定期" sets no number, so no condition counts periodic training."""
    kinds = {
        getattr(condition, "kind", None)
        for rung in org.ladder.rungs
        if rung.requirements is not None
        for condition in conditions(rung.requirements)
    }
    assert jw.PERIODIC_TRAINING not in kinds
    assert kinds >= {jw.WRITTEN_TEST, jw.INTERVIEW, jw.INDUCTION_TRAINING}
    # Recorded training changes nothing for the entry rung.
    record = sc.History(
        "JW-R01",
        facts=[*hiring_record().facts, sc.DatedFact(jw.PERIODIC_TRAINING, dt.date(2026, 3, 25))],
    )
    assert qualifies(org, record, dt.date(2026, 3, 31)).met


# Alternative scorecards (JW-07, JW-08; AMB-04) -------------------------------------------


def test_the_hook_keeps_pian1s_scheme(org: sc.Organization) -> None:
    assert org.appraisal_scheme is jw.APPRAISAL_SCHEME
    assert {c.cite.rule_id for c in org.appraisal_scheme.criteria} == {"JW-06"}


def test_pian2_five_items_of_20() -> None:
    scheme = jw.APPRAISAL_SCHEME_PIAN2
    assert [c.id for c in scheme.criteria] == [
        "business-knowledge",
        "service-attitude",
        "efficiency",
        "customer-satisfaction",
        "teamwork",
    ]
    assert [c.name.localize("zh_Hant") for c in scheme.criteria] == [
        "業務知識掌握程度",
        "服務態度",
        "工作效率",
        "客戶滿意度",
        "團隊協作能力",
    ]
    assert [c.max_points for c in scheme.criteria] == [Decimal(20)] * 5
    assert scheme.total == Decimal(100)
    assert [c.cite.clause for c in scheme.criteria] == [
        f"000 篇2 第十三條.{n}" for n in range(1, 6)
    ]
    assert {c.cite.rule_id for c in scheme.criteria} == {"JW-07"}
    assert scheme.periods == (sc.PeriodKind.MONTH, sc.PeriodKind.YEAR)
    assert scheme.cite.rule_id == "JW-05"
    assert scheme.pass_mark is None


def test_pian3_four_dimensions_of_25() -> None:
    scheme = jw.APPRAISAL_SCHEME_PIAN3
    assert [c.id for c in scheme.criteria] == [
        "work-attitude",
        "business-ability",
        "customer-satisfaction",
        "efficiency",
    ]
    assert [c.name.localize("zh_Hans") for c in scheme.criteria] == [
        "工作态度",
        "业务能力",
        "客户满意度",
        "工作效率",
    ]
    assert [c.max_points for c in scheme.criteria] == [Decimal(25)] * 4
    assert scheme.total == Decimal(100)
    assert {c.cite.rule_id for c in scheme.criteria} == {"JW-08"}
    assert scheme.cite == sc.Citation("JW-05", "000 篇3 第八條")
    assert scheme.periods == (sc.PeriodKind.MONTH, sc.PeriodKind.YEAR)
    assert scheme.pass_mark is None


def test_scoring_on_the_alternative_scorecards() -> None:
    march = sc.Month(2026, 3)
    pian2 = jw.APPRAISAL_SCHEME_PIAN2.score(
        "JW-R01",
        march,
        {
            "business-knowledge": 18,
            "service-attitude": 16,
            "efficiency": 20,
            "customer-satisfaction": 15,
            "teamwork": 12,
        },
    )
    assert pian2.total == Decimal(81)
    assert [r.rule_id for r in pian2.reasons] == ["JW-07"] * 5
    pian3 = jw.APPRAISAL_SCHEME_PIAN3.score(
        "JW-R01",
        sc.Year(2026),
        {
            "work-attitude": 20,
            "business-ability": 22,
            "customer-satisfaction": 19,
            "efficiency": 24,
        },
    )
    assert pian3.total == Decimal(85)
    with pytest.raises(sc.ValidationError, match=r"maximum of 20 \(JW-07\)"):
        jw.APPRAISAL_SCHEME_PIAN2.score(
            "JW-R01",
            march,
            {
                "business-knowledge": 21,
                "service-attitude": 16,
                "efficiency": 20,
                "customer-satisfaction": 15,
                "teamwork": 12,
            },
        )


def test_a_deployment_can_choose_pian3s_scheme() -> None:
    class Pian3:
        @sc.hookimpl
        def servicecodex_appraisal_scheme(self) -> sc.AppraisalScheme:
            return jw.APPRAISAL_SCHEME_PIAN3

    org = make_organization(("jingyun-warehouse", jw), ("pian3", Pian3()), precedence=["pian3"])
    assert org.appraisal_scheme is jw.APPRAISAL_SCHEME_PIAN3
    assert org.ladder is jw.GRADING_LADDER


def every_citation(org: sc.Organization) -> list[sc.Citation]:
    """citations() plus the rung requirements and the alternative scorecards."""
    cited = citations(org)
    for rung in org.ladder.rungs:
        if rung.requirements is not None:
            for condition in conditions(rung.requirements):
                cite = getattr(condition, "cite", None)
                if cite is not None:
                    cited.append(cite)
    for scheme in (jw.APPRAISAL_SCHEME_PIAN2, jw.APPRAISAL_SCHEME_PIAN3):
        cited += [scheme.cite, *(c.cite for c in scheme.criteria)]
    return cited


def test_every_record_of_this_round_cites_a_jw_rule(org: sc.Organization) -> None:
    cited = every_citation(org)
    for cite in cited:
        assert JW_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("000 篇"), cite
    assert {c.rule_id for c in cited} == {
        "JW-01",
        "JW-02",
        "JW-03",
        "JW-05",
        "JW-06",
        "JW-07",
        "JW-08",
        "JW-10",
        "JW-11",
        "JW-12",
        "JW-22",
        "JW-23",
        "JW-24",
        "JW-25",
        "JW-26",
    }
    assert sc.Citation("JW-02", "000 篇1 第四條") in cited
    assert sc.Citation("JW-03", "000 篇1 第五條") in cited


def test_no_pinyin_gloss_in_the_new_texts() -> None:
    gloss = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")
    names = [
        *jw.HIRING_QUALITIES,
        *jw.INDUCTION_TOPICS,
        *(c.name for c in jw.APPRAISAL_SCHEME_PIAN2.criteria),
        *(c.name for c in jw.APPRAISAL_SCHEME_PIAN3.criteria),
    ]
    for name in names:
        for locale in sc.SUPPORTED_LOCALES:
            assert not gloss.search(name.localize(locale)), name


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_new_explanations_render(org: sc.Organization, locale: str) -> None:
    reasons = [
        *(c.reason for c in walk(qualifies(org, hiring_record()))),
        *(c.reason for c in walk(qualifies(org, sc.History("JW-R01")))),
        *(s.describe() for s in (jw.APPRAISAL_SCHEME_PIAN2, jw.APPRAISAL_SCHEME_PIAN3)),
        *(c.describe() for c in jw.APPRAISAL_SCHEME_PIAN2.criteria),
        *(c.describe() for c in jw.APPRAISAL_SCHEME_PIAN3.criteria),
    ]
    for reason in reasons:
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered


# Citations and explanations --------------------------------------------------------------


def test_every_citation_is_a_jw_rule(org: sc.Organization) -> None:
    cited = citations(org)
    assert cited
    for cite in cited:
        assert JW_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("000 篇"), cite
    assert {c.rule_id for c in cited} == {
        "JW-01",
        "JW-05",
        "JW-06",
        "JW-10",
        "JW-11",
        "JW-12",
        "JW-22",
        "JW-23",
        "JW-24",
        "JW-25",
        "JW-26",
    }


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
