"""Contacts, cases, service levels and registers of the call centre (CC-03, CC-11 … CC-15,
CC-19).  The regulation gives no time limit (CC-12, AMB-06): the tests that check one
set it as a deployment would, and say so."""

from __future__ import annotations

import datetime as dt
import re

import attrs
import pendulum
import pytest
import servicecodex_callcenter_general as cc

import servicecodex as sc
from servicecodex.testing import organization_fixture

CC_RULE_ID = re.compile(r"^CC-\d{2}$")
#: Tuesday 10 March 2026, 10:00 in Shanghai: a member phones to move a booking.
T0 = pendulum.datetime(2026, 3, 10, 10, tz="Asia/Shanghai")
CALLER = "13912345678"
#: A deployment's own limit for CC-12, NOT the regulation's (it gives none).
DEPLOYMENT_LIMIT = dt.timedelta(hours=24)


org = organization_fixture("callcenter-general")


@pytest.fixture(scope="module")
def policy(org: sc.Organization) -> sc.ServiceLevelPolicy:
    return org.service_levels


def contact(ident: str, at: pendulum.DateTime, agent: str, content: str = "") -> sc.Contact:
    return sc.Contact(ident, "phone", at, agent, CALLER, content)


def booking(policy: sc.ServiceLevelPolicy) -> sc.Case:
    """Li Na (C-001) takes the call: she is the first asked, and owns the case."""
    first = contact("call-1", T0, "C-001", "会员要求把预订改到周五")
    return policy.open_case("K-1", "booking", "phone", CALLER, "C-001", T0, first)


# The hook ---------------------------------------------------------------------------------


def test_the_hook_answers_the_policy(org: sc.Organization) -> None:
    levels = org.service_levels
    assert levels is cc.SERVICE_LEVELS
    assert levels.channels == (sc.Channel.PHONE,)
    assert levels.cases is cc.CASE_RULES
    assert levels.registers == cc.REGISTERS
    assert levels.register("handover-log") is cc.HANDOVER_LOG
    assert (levels.hours, levels.escalations, levels.callbacks, levels.survey) == (
        None,
        (),
        (),
        None,
    )


def test_every_citation_is_a_cc_rule_of_001(policy: sc.ServiceLevelPolicy) -> None:
    configured = cc.service_levels(limit=DEPLOYMENT_LIMIT)
    rules = policy.case_rules
    cites = [
        policy.cite,
        *(t.cite for t in configured.targets),
        rules.workflow.cite,
        rules.ownership,
        rules.transfer,
        *(c.cite for c in rules.categories),
        cc.HUNG_UP_RULE.cite,
        *(spec.cite for spec in cc.REGISTERS),
    ]
    found = set()
    for cite in cites:
        assert cite is not None
        assert CC_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("001 篇1 "), cite
        found.add(cite.rule_id)
    # CC-04 is cited for 一.6's consultations and complaints, the categories it names
    assert found == {
        *("CC-03", "CC-04", "CC-11", "CC-12", "CC-13", "CC-14", "CC-15", "CC-19", "CC-21")
    }


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_the_policy_in_words(locale: str) -> None:
    for policy in (cc.SERVICE_LEVELS, cc.service_levels(limit=DEPLOYMENT_LIMIT)):
        for reason in policy.describe_all():
            rendered = reason.explain(locale)
            assert rendered.strip()
            assert reason.rule_id in rendered


def test_only_the_phone(policy: sc.ServiceLevelPolicy) -> None:
    with pytest.raises(sc.ServiceCodexError, match="phone"):
        policy.open_case("K-2", "consultation", "email", CALLER, "C-001", T0)


# CC-03: the matters a case is about --------------------------------------------------------


def test_categories(policy: sc.ServiceLevelPolicy) -> None:
    assert [(c.id, c.name.localize("zh_Hans"), c.cite.rule_id) for c in cc.CATEGORIES] == [
        ("consultation", "咨询", "CC-04"),
        ("complaint", "投诉", "CC-04"),
        ("booking", "预订", "CC-03"),
        ("feedback-callback", "反馈回访", "CC-03"),
        ("member-callback", "会员回访", "CC-03"),
    ]
    assert all(c.playbook == () for c in cc.CATEGORIES)  # no playbook is stated
    with pytest.raises(sc.UnknownChoiceError) as refused:
        policy.open_case("K-3", "refund", "phone", CALLER, "C-001", T0)
    assert "member-callback" in refused.value.known


# CC-12: tracked and handled within a limit that is not given (AMB-06) ----------------------


def test_no_time_limit_by_default(policy: sc.ServiceLevelPolicy) -> None:
    assert policy.targets == ()
    assert policy.target_for(sc.SlaKind.RESOLUTION, sc.Channel.PHONE, "booking") is None
    # a case left open for a month breaches nothing: there is nothing to breach
    assert policy.report(booking(policy), T0.add(months=1)).items == ()


def test_a_deployment_sets_the_limit(policy: sc.ServiceLevelPolicy) -> None:
    configured = cc.service_levels(limit=DEPLOYMENT_LIMIT)
    (target,) = configured.targets
    assert (target.channel, target.category, target.resolution) == (None, None, DEPLOYMENT_LIMIT)
    assert target.cite == sc.Citation("CC-12", "001 篇1 八.2")
    case = booking(policy)
    (late,) = configured.report(case, T0.add(hours=30)).breached()
    assert (late.kind, late.due, late.late_by) == (
        sc.SlaKind.RESOLUTION,
        T0.add(hours=24),
        dt.timedelta(hours=6),
    )
    closed = case.close(T0.add(hours=5), "C-001")
    (met,) = configured.report(closed, T0.add(hours=30)).items
    assert met.status is sc.SlaStatus.MET
    assert met.reason.rule_id == "CC-12"


def test_the_limit_counts_the_deployment_hours() -> None:
    """9 working hours on a 09:00–18:00 weekday desk: 8 from Tuesday 10:00, 1 on Wednesday."""
    desk = sc.BusinessHours.weekdays(
        "Asia/Shanghai", ["09:00-18:00"], calendar=sc.BusinessCalendar("Asia/Shanghai", "CN")
    )
    configured = cc.service_levels(limit=dt.timedelta(hours=9), hours=desk)
    (item,) = configured.report(booking(cc.SERVICE_LEVELS), T0.add(hours=1)).items
    assert item.due == pendulum.datetime(2026, 3, 11, 10, tz="Asia/Shanghai")


def test_the_limit_must_be_a_positive_span() -> None:
    with pytest.raises(sc.PolicyError):
        cc.service_levels(limit=dt.timedelta(0))


# CC-11: first-contact ownership; CC-13: to the department or a superior ------------------


def test_the_first_asked_owns_the_case(policy: sc.ServiceLevelPolicy) -> None:
    case = booking(policy).add_contact(
        contact("call-2", T0.add(hours=1), "C-002", "会员再次来电询问")
    )
    assert case.owner == "C-001"
    (finding,) = case.review(T0.add(hours=2))
    assert finding.rule_id == "CC-11"
    assert finding.explain("en").startswith("Case K-1: C-002 handled the contact of")


def test_a_transfer_needs_its_reason(policy: sc.ServiceLevelPolicy) -> None:
    case = booking(policy)
    with pytest.raises(sc.CaseError) as refused:
        case.transfer("M-007", "会员部", " ", T0.add(hours=1), "C-001")
    assert refused.value.rule_id == "CC-13"
    moved = case.transfer("M-007", "会员部", "会员积分调整，客服无权限", T0.add(hours=1), "C-001")
    assert moved.owner == "M-007"
    handled = moved.add_contact(contact("call-3", T0.add(hours=2), "M-007", "已调整"))
    assert handled.review(T0.add(hours=3)) == []


def test_a_superior_may_handle_after_escalation(policy: sc.ServiceLevelPolicy) -> None:
    case = booking(policy).escalate("S-01", T0.add(minutes=10), "C-001", "超出本人权限")
    case = case.add_contact(contact("call-4", T0.add(minutes=30), "S-01", "主管回电"))
    assert case.owner == "C-001"
    assert case.review(T0.add(hours=1)) == []


# CC-14: never hang up on a caller -----------------------------------------------------------


def test_hanging_up_is_a_violation_without_a_fine(org: sc.Organization) -> None:
    ledger = sc.Ledger()
    ledger.record(
        sc.Violation(
            "H-1",
            "C-001",
            cc.HUNG_UP_ON_CALLER,
            T0.add(hours=3),
            reported_by="值班经理",
            evidence="通话录音 call-9",
        )
    )
    assessed = org.penalty_schedule.assess("C-001", ledger, sc.Month(2026, 3), org.calendar)
    assert assessed.total == sc.Money(0, "CNY")
    assert assessed.explain("zh_Hans") == [
        "2026年3月10日私挂用户电话：已记录，未定罚款金额（CC-14）"
    ]


# CC-15, CC-19: registers -----------------------------------------------------------------


def test_a_problem_is_reported_with_a_suggestion() -> None:
    spec = cc.PROBLEM_REPORTS
    assert [f.id for f in spec.fields if f.required] == ["reporter", "problem", "suggestion"]
    with pytest.raises(sc.ValidationError, match="suggestion"):
        spec.entry(T0, reporter="C-001", problem="改期流程要转三次")
    book = spec.register().add(
        T0, reporter="C-001", problem="改期流程要转三次", suggestion="客服直接改期"
    )
    assert book.rows()[0]["suggestion"] == "客服直接改期"


def test_the_handover_log_states_the_three_items() -> None:
    spec = cc.HANDOVER_LOG
    assert spec.cite == sc.Citation("CC-19", "001 篇1 三.4")
    assert [f.id for f in spec.fields if f.required] == [
        "outgoing",
        "incoming",
        "equipment",
        "difficult-issues",
        "staff-changes",
    ]
    given = {"outgoing": "C-001", "incoming": "C-002", "equipment": "3号耳机杂音"}
    with pytest.raises(sc.ValidationError, match="difficult-issues: required"):
        spec.entry(T0, {**given, "staff-changes": "无"})
    entry = spec.entry(
        T0,
        {
            "outgoing": "C-001",
            "incoming": "C-002",
            "equipment": "3号耳机杂音，已报修",
            "difficult-issues": "K-1 会员积分待会员部回复",
            "staff-changes": "周五早班 C-003 与 C-004 换班",
        },
    )
    assert entry["equipment"] == "3号耳机杂音，已报修"
    # the core's handover log has the same three items
    names = {f.name for f in attrs.fields(sc.HandoverLog)}
    assert {"equipment", "problems", "staff_changes"} <= names
