"""The property-service plugin, loaded as users load it: by its entry point.  Its shift
policy (PS-07's swap and attendance rules, the handover rules) with no shift times, and a
site adding its own; the handover itself is tested in test_property_handover.py."""

from __future__ import annotations

import datetime as _dt
import re

import attrs
import pendulum
import pytest
import servicecodex_property_service as ps

import servicecodex as sc
from servicecodex.testing import check_plugin, make_organization, organization_fixture

TZ = "Asia/Shanghai"
HOOKS = (
    "servicecodex_organization_profile",
    "servicecodex_service_levels",
    "servicecodex_shift_policy",
)
LOCALES = ("zh_Hans", "zh_Hant", "en")
PS_RULE_ID = re.compile(r"^PS-\d{2}$")
D = pendulum.date
WANG, LI, ZHAO = "王工", "李工", "赵工"


org = organization_fixture("property-service")


# A site's own shift times.  篇3 gives none: these are the test's, not the source's.
DAY = ps.duty_shift("day", sc.Text(en="Day duty", zh_Hans="白班"), _dt.time(8), _dt.time(20))
NIGHT = ps.duty_shift(
    "night", sc.Text(en="Night duty", zh_Hans="夜班"), _dt.time(20), _dt.time(8), overnight=True
)


class Site:
    """A property site's plugin answering the shift hook with its own arrangement."""

    @sc.hookimpl
    def servicecodex_shift_policy(self) -> sc.ShiftPolicy:
        return ps.shift_policy([DAY, NIGHT])


@pytest.fixture(scope="module")
def site() -> sc.Organization:
    return make_organization(ps, Site(), precedence=["Site"])


@pytest.fixture
def rota(site: sc.Organization) -> sc.Rota:
    """Two days: 王工 days and 李工 nights on 2 March, the other way round on 4 March;
    赵工 is on the staff with no shift."""
    return site.rota(
        [
            sc.Assignment(WANG, D(2026, 3, 2), "day"),
            sc.Assignment(LI, D(2026, 3, 2), "night"),
            sc.Assignment(LI, D(2026, 3, 4), "day"),
            sc.Assignment(WANG, D(2026, 3, 4), "night"),
        ],
        staff=[ZHAO],
    )


def at(day: int, hour: int, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, 3, day, hour, minute, tz=TZ)


# Loading ---------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("property-service", ps, hooks=HOOKS)


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile is ps.PROFILE
    assert [profile.name.localize(loc) for loc in LOCALES] == [
        "物业管理公司客户服务部",
        "物業管理公司客戶服務部",
        "Property management customer service department",
    ]
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(ps)
    assert org.plugins == ("servicecodex_property_service",)
    assert org.profile == ps.PROFILE


def test_the_shift_policy_has_no_shift_times(org: sc.Organization) -> None:
    """篇3 sets no shift times: the hook answers the department's rules (PS-07's swaps and
    attendance, the handover) with no pattern, and no rest days, cover, meals, weekly
    events or leave rules."""
    assert ps.servicecodex_shift_policy() is ps.SHIFT_POLICY
    policy = org.shift_policy
    assert policy is ps.SHIFT_POLICY
    assert org.effective_policy().shift_policy is ps.SHIFT_POLICY
    assert policy.handover is ps.HANDOVER_POLICY
    assert policy.swaps is ps.SWAP_POLICY
    assert policy.attendance is ps.ATTENDANCE_POLICY
    assert (policy.patterns, policy.rest, policy.cover, policy.meals, policy.events) == (
        (),
        (),
        (),
        None,
        (),
    )
    assert policy.leave is None


def test_no_rota_without_a_sites_shift_times(org: sc.Organization) -> None:
    """Without a site's times there is no shift to put anyone on."""
    assert org.rota([], staff=[WANG]).staff == frozenset({WANG})
    with pytest.raises(sc.ValidationError, match="known: none"):
        org.rota([sc.Assignment(WANG, D(2026, 3, 2), "day")])


@pytest.mark.parametrize(
    "policy", ["ladder", "salary_bands", "penalty_schedule", "appraisal_scheme"]
)
def test_later_rounds_stay_undefined(org: sc.Organization, policy: str) -> None:
    with pytest.raises(sc.PolicyNotDefinedError):
        getattr(org, policy)


# Citations -------------------------------------------------------------------------------


def test_every_rule_of_the_handover_article_is_cited() -> None:
    assert list(ps.CITATIONS) == [f"PS-{n:02d}" for n in range(1, 14)]
    assert [c.clause for c in ps.CITATIONS.values()] == [
        *(f"001 篇3 1.{n}" for n in range(1, 7)),
        *(f"001 篇3 2.{n}" for n in range(1, 4)),
        "001 篇3 2.4⑴",
        "001 篇3 2.4⑵",
        "001 篇3 2.4⑶",
        "001 篇3 2.4⑷",
    ]
    assert all(rule_id == c.rule_id for rule_id, c in ps.CITATIONS.items())


def test_the_handover_policy() -> None:
    policy = ps.HANDOVER_POLICY
    cited = {
        f.name: getattr(policy, f.name).rule_id
        for f in attrs.fields(sc.HandoverPolicy)
        if f.name != "tolerance"
    }
    assert cited == {
        "major_incident": "PS-10",
        "equipment": "PS-11",
        "preparation": "PS-12",
        "fitness": "PS-13",
        "wait_for_incoming": "PS-06",
        "signatures": "PS-09",
        "items": "PS-05",
        "punctual": "PS-08",
        "pending": "PS-06",
        "explained": "PS-02",
    }
    assert policy.tolerance == _dt.timedelta(0)  # AMB-18


# The shift policy over a site's shift times (PS-07) -------------------------------------


def test_a_site_answering_too_needs_precedence() -> None:
    """The shift hook takes one answer: a site's plugin answering it beside this one is
    loaded with precedence, and answers with ``shift_policy`` to keep this plugin's
    rules."""
    with pytest.raises(sc.PluginConflictError, match="servicecodex_shift_policy"):
        make_organization(ps, Site()).shift_policy  # noqa: B018


def test_a_site_supplies_its_shift_times(site: sc.Organization) -> None:
    policy = site.shift_policy
    assert site.plugins == ("servicecodex_property_service", "Site")
    assert site.profile is ps.PROFILE
    assert policy.patterns == (DAY, NIGHT)
    assert {p.cite.rule_id for p in policy.patterns} == {"PS-07"}
    assert policy.handover is ps.HANDOVER_POLICY
    assert policy.swaps is ps.SWAP_POLICY
    assert policy.attendance is ps.ATTENDANCE_POLICY
    # 篇3 sets no rest days, cover, meals, weekly events or leave rules.
    assert (policy.rest, policy.cover, policy.meals, policy.events, policy.leave) == (
        (),
        (),
        None,
        (),
        None,
    )


def test_the_night_duty_crosses_midnight() -> None:
    assert NIGHT.crosses_midnight
    start, end = NIGHT.on(D(2026, 3, 2), TZ)
    assert (start, end) == (at(2, 20), at(3, 8))
    with pytest.raises(sc.PolicyError, match="overnight=True"):
        ps.duty_shift("night", NIGHT.name, _dt.time(20), _dt.time(8))


def test_shift_policy_adds_times_only() -> None:
    assert ps.shift_policy([]) == ps.SHIFT_POLICY
    assert attrs.evolve(ps.shift_policy([DAY, NIGHT]), patterns=()) == ps.SHIFT_POLICY


def test_a_configured_tolerance() -> None:
    lenient = attrs.evolve(ps.HANDOVER_POLICY, tolerance=_dt.timedelta(minutes=5))
    assert ps.shift_policy([DAY], handover=lenient).handover == lenient


def test_a_private_swap_is_refused(rota: sc.Rota) -> None:
    """PS-07 「不能私自调班、顶班」: without both people's consent and the superior's
    approval, a swap is refused, naming every missing part."""
    register = sc.SwapRegister(rota)
    decision = register.request(
        sc.SwapRequest("S-1", WANG, LI, D(2026, 3, 4), at(3, 9), payback=D(2026, 3, 2))
    )
    assert not decision.accepted
    assert decision.rota is None
    assert [b.rule_id for b in decision.breaches] == ["PS-07"] * 4
    assert decision.explain("zh_Hans") == [
        "王工未同意换班（PS-07）",
        "李工未同意换班（PS-07）",
        "换班未经部门经理批准（PS-07）",
        "未填写换班登记表（PS-07）",
    ]
    assert register.rota is rota


def test_a_cover_with_the_superiors_consent(rota: sc.Rota) -> None:
    """PS-07 「必须提前征得上级领导的同意,并安排调班、顶班」: 赵工 covers (顶班, no payback)
    王工's night duty with both consenting and the superior approving."""
    register = sc.SwapRegister(rota)
    decision = register.request(
        sc.SwapRequest(
            "S-2",
            WANG,
            ZHAO,
            D(2026, 3, 4),
            at(3, 9),
            consent={WANG, ZHAO},
            approved_by="客服主管",
            form="值班日志 第12页",
        )
    )
    assert decision.accepted, decision.explain("en")
    assert decision.rota is not None
    assert decision.rota.shift_of(ZHAO, D(2026, 3, 4)) is not None
    assert decision.rota.shift_of(WANG, D(2026, 3, 4)) is None
    assert register.owed(D(2026, 3, 31)) == []  # a cover has no payback


def test_attendance_has_no_grace(rota: sc.Rota, site: sc.Organization) -> None:
    """PS-07 「不得迟到、早退、无故缺勤」: one minute is late, one minute is early, and a
    duty not come to without approved leave is an absence."""
    punches = [
        sc.Punch(WANG, at(2, 8, 1)),
        sc.Punch(WANG, at(2, 20), sc.PunchKind.OUT),
        sc.Punch(LI, at(2, 20)),
        sc.Punch(LI, at(3, 7, 59), sc.PunchKind.OUT),
        sc.Punch(WANG, at(4, 20)),
        sc.Punch(WANG, at(5, 8), sc.PunchKind.OUT),
    ]
    report = sc.attendance(rota, punches, ps.ATTENDANCE_POLICY)
    assert site.shift_policy.attendance is ps.ATTENDANCE_POLICY
    statuses = {(d.agent_id, d.day.day): set(d.statuses) for d in report.days}
    assert statuses == {
        (WANG, 2): {sc.DayStatus.LATE},
        (LI, 2): {sc.DayStatus.LEFT_EARLY},
        (LI, 4): {sc.DayStatus.ABSENT},
        (WANG, 4): {sc.DayStatus.PRESENT},
    }
    reasons = [r for d in report.days for r in d.reasons]
    assert {r.rule_id for r in reasons} == {"PS-07"}
    assert [r.explain("zh_Hans") for r in reasons] == [
        "王工于2026年3月2日白班上班打卡迟到1分钟（PS-07）",
        "李工于2026年3月2日夜班下班打卡早退1分钟（PS-07）",
        "李工于2026年3月4日未到岗上白班，且无获批的请假（PS-07）",
    ]
    assert report.violations() == ()  # 篇3 sets no fine


def test_every_rule_id_is_this_organisations(site: sc.Organization) -> None:
    policy = site.shift_policy
    assert policy.handover is not None
    assert policy.swaps is not None
    assert policy.attendance is not None
    cites = [
        policy.attendance.cite,
        policy.swaps.approval,
        *(p.cite for p in policy.patterns),
        *(
            getattr(policy.handover, f.name)
            for f in attrs.fields(sc.HandoverPolicy)
            if f.name != "tolerance"
        ),
    ]
    assert all(c is not None and PS_RULE_ID.fullmatch(c.rule_id) for c in cites)
