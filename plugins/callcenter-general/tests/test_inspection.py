"""The call centre's inspection checklists (CC-07 … CC-09, CC-18, CC-20, CC-28,
CC-31 … CC-38) and the swap register form (CC-21)."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
import servicecodex_callcenter_general as cc

import servicecodex as sc
from servicecodex.testing import organization_fixture

MONDAY = pendulum.datetime(2026, 3, 9, 9, 30, tz="Asia/Shanghai")
MARCH = sc.Month(2026, 3)

#: (checklist, item, rule id cited, violation code, clause): one row per catalogue rule,
#: the item the regulation's own words put first.
ITEMS = [
    ("service", "inspected-or-not", "CC-07", "unequal-service", "一.7"),
    ("service", "patient", "CC-08", "improper-speech", "二.3"),
    ("service", "answers-promptly", "CC-09", "not-customer-centred", "二.4"),
    ("shift-start", "announcements-read", "CC-18", "briefing-not-read", "三.3"),
    ("hygiene", "shared-areas-cleaned", "CC-20", "hygiene-duty-neglected", "六.6"),
    ("on-duty", "no-eating-on-calls", "CC-28", "eating-at-post", "五.7"),
    ("on-duty", "at-post", "CC-31", "left-post", "二.5"),
    ("on-duty", "time-away-within-limit", "CC-32", "away-too-long", "四.5"),
    ("on-duty", "no-post-visiting", "CC-33", "workplace-disorder", "四.1"),
    ("on-duty", "phone-on-vibrate", "CC-34", "off-task-on-duty", "五.5"),
    ("on-duty", "zhongpin-pages-only", "CC-35", "non-work-internet", "五.6"),
    ("on-duty", "no-long-private-calls", "CC-36", "private-calls", "五.8"),
    ("workstation", "monitor-right", "CC-37", "untidy-workstation", "四.2"),
    ("appearance", "sleeves-down", "CC-38", "untidy-appearance", "六.3–4"),
]


org = organization_fixture("callcenter-general")


def test_the_schedule_carries_six_checklists(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert [(c.id, len(c.items)) for c in schedule.checklists] == [
        ("shift-start", 3),
        ("service", 12),
        ("on-duty", 16),
        ("workstation", 8),
        ("hygiene", 2),
        ("appearance", 6),
    ]
    codes = {rule.code for rule in schedule.rules}
    for checklist in schedule.checklists:
        for item in checklist.items:
            assert item.code in codes


@pytest.mark.parametrize(("checklist", "item", "rule_id", "code", "clause"), ITEMS)
def test_a_failed_item_is_a_violation_without_a_fine(
    org: sc.Organization, checklist: str, item: str, rule_id: str, code: str, clause: str
) -> None:
    """Each rule's item, failed, is one violation under its code, recorded at no cost:
    the regulation names no fine for any of them."""
    schedule = org.penalty_schedule
    found = schedule.checklist(checklist).item(item)
    assert found.cite == sc.Citation(rule_id, f"001 篇1 {clause}")
    assert found.code == code
    assert schedule.rule(code).cite.rule_id == rule_id or (rule_id, code) == (
        "CC-31",
        "workplace-disorder",
    )
    inspection = schedule.checklist(checklist).inspect("C-001", MONDAY, "主管王芳", failed=[item])
    assert not inspection.passed
    (violation,) = inspection.violations()
    assert (violation.code, violation.agent_id, violation.reported_by) == (
        code,
        "C-001",
        "主管王芳",
    )
    ledger = sc.Ledger()
    ledger.record(violation)
    assessed = schedule.assess("C-001", ledger, MARCH, org.calendar)
    assert assessed.total == sc.Money(0, "CNY")
    (line,) = assessed.explain("zh_Hans")
    assert line.startswith("2026年3月9日")
    assert line.endswith("已记录，未定罚款金额（" + rule_id + "）")


def test_a_clean_inspection_records_nothing(org: sc.Organization) -> None:
    for checklist in org.penalty_schedule.checklists:
        inspection = checklist.inspect("C-001", MONDAY, "主管王芳")
        assert inspection.passed
        assert inspection.violations() == []


def test_cc07_four_sames(org: sc.Organization) -> None:
    """CC-07 四个一样: four items, strangers and acquaintances, inspected or not, busy or
    idle, in any mood."""
    items = [
        i for i in org.penalty_schedule.checklist("service").items if i.cite.rule_id == "CC-07"
    ]
    assert [i.text.localize("zh_Hans") for i in items] == [
        "生人熟人一个样",
        "有无检查一个样",
        "工作忙闲一个样",
        "情绪好坏一个样",
    ]


def test_cc08_six_qualities_and_cc09(org: sc.Organization) -> None:
    """CC-08: 「礼貌、亲切、简练、清晰、耐心、周到」, one item each; CC-09 two items."""
    service = org.penalty_schedule.checklist("service")
    assert [i.text.localize("zh_Hans") for i in service.items if i.cite.rule_id == "CC-08"] == [
        "礼貌",
        "亲切",
        "简练",
        "清晰",
        "耐心",
        "周到",
    ]
    assert [i.id for i in service.items if i.cite.rule_id == "CC-09"] == [
        "customer-always-right",
        "answers-promptly",
    ]


def test_cc37_workstation_layout_in_words(org: sc.Organization) -> None:
    """CC-37: monitor right, headset left, notebook in place … keyboard in the drawer."""
    workstation = org.penalty_schedule.checklist("workstation")
    assert [r.explain("zh_Hans") for r in workstation.describe()[:2]] == [
        "检查项：电脑显示器位于台面右侧（处罚代码untidy-workstation）（CC-37）",
        "检查项：耳机悬挂于机台左侧（处罚代码untidy-workstation）（CC-37）",
    ]
    assert [i.cite.clause for i in workstation.items] == [
        "001 篇1 四.2",
        "001 篇1 四.2",
        "001 篇1 四.3",
        "001 篇1 五.3",
        "001 篇1 四.4",
        "001 篇1 五.4",
        "001 篇1 五.4",
        "001 篇1 五.4",
    ]


def test_cc38_appearance_three_failures_in_one_round(org: sc.Organization) -> None:
    """CC-38: creased clothes, rolled sleeves and hair down, three violations, 0 yuan."""
    appearance = org.penalty_schedule.checklist("appearance")
    inspection = appearance.inspect(
        "C-002",
        MONDAY,
        "主管王芳",
        failed=["not-creased", "sleeves-down", "long-hair-tied"],
        notes={"long-hair-tied": "长发披肩"},
    )
    assert inspection.explain("en") == [
        "C-002 failed the check: Clothes not creased (CC-38)",
        "C-002 failed the check: Sleeves not rolled up (CC-38)",
        "C-002 failed the check: Long hair tied up (CC-38)",
    ]
    ledger = sc.Ledger()
    for violation in inspection.violations():
        ledger.record(violation)
    assessed = org.penalty_schedule.assess("C-002", ledger, MARCH, org.calendar)
    assert len(assessed.fines) == 3
    assert assessed.total == sc.Money(0, "CNY")
    assert sorted(f.violation.evidence for f in assessed.fines) == ["", "", "长发披肩"]


def test_cc14_hanging_up_on_the_duty_checklist(org: sc.Organization) -> None:
    """The on-duty round also hears a hang-up (CC-14), recorded under its own code."""
    item = org.penalty_schedule.checklist("on-duty").item("no-hanging-up")
    assert (item.cite.rule_id, item.code) == ("CC-14", cc.HUNG_UP_ON_CALLER)


def test_cc32_gives_no_limit(org: sc.Organization) -> None:
    """CC-32's 「规定时限」 is not stated (AMB-06): the item names no number."""
    item = org.penalty_schedule.checklist("on-duty").item("time-away-within-limit")
    assert item.text.localize("zh_Hans") == "出入办公区不超过规定时限(特殊情况请示值班经理)"
    assert not any(ch.isdigit() for ch in item.text.localize("en"))


def test_recording_one_inspection_twice_counts_once(org: sc.Organization) -> None:
    """CC-35: the same round entered twice is one violation."""
    on_duty = org.penalty_schedule.checklist("on-duty")
    inspection = on_duty.inspect("C-003", MONDAY, "主管王芳", failed=["no-games-or-films"])
    ledger = sc.Ledger()
    for _ in range(2):
        for violation in inspection.violations():
            ledger.record(violation)
    assessed = org.penalty_schedule.assess("C-003", ledger, MARCH, org.calendar)
    assert len(assessed.fines) == 1


def test_unknown_items_are_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="unknown item"):
        org.penalty_schedule.checklist("hygiene").inspect(
            "C-001", MONDAY, "主管王芳", failed=["windows-bright"]
        )


# The swap register form (CC-21, CC-22) ---------------------------------------------------


def test_cc21_a_swap_form_records_the_personal_matter(org: sc.Organization) -> None:
    """CC-21: a swap is allowed to deal with something in person during working hours;
    the 换班登记表 (CC-22) states it with both parties' consent and the manager's name."""
    register = cc.SWAP_FORM.register()
    register = register.add(
        MONDAY,
        requester="李娜",
        partner="周敏",
        day=dt.date(2026, 3, 19),
        reason=cc.PERSONAL_MATTER,
        consent=True,
        manager="王经理",
    )
    (entry,) = register
    assert entry["payback"] is None
    assert entry["reason"] == "personal-matter"
    assert cc.SWAP_FORM.cite == sc.Citation("CC-21", "001 篇1 七.2")
    assert cc.SWAP_FORM.field("reason").display("personal-matter", "zh_Hans") == (
        "工作时间内亲自处理事情"
    )
    assert cc.SWAP_FORM in org.service_levels.registers


@pytest.mark.parametrize(
    ("field", "value"), [("reason", "holiday-trip"), ("reason", None), ("manager", None)]
)
def test_cc21_a_form_without_the_ground_or_signature_is_refused(
    field: str, value: str | None
) -> None:
    values: dict[str, object] = {
        "requester": "李娜",
        "partner": "周敏",
        "day": dt.date(2026, 3, 19),
        "reason": cc.PERSONAL_MATTER,
        "consent": True,
        "manager": "王经理",
    }
    if value is None:
        del values[field]
    else:
        values[field] = value
    with pytest.raises(sc.RegisterError):
        cc.SWAP_FORM.check(values)
