"""The inspection checklists: appearance, deportment and speech seen by the department head
(篇2 一 … 四), failures recorded on the ledger and priced by the schedule."""

from __future__ import annotations

import datetime as _dt
import re

import pendulum
import pytest
import servicecodex_hospital_desk as hd

import servicecodex as sc
from servicecodex.testing import organization_fixture

TZ = "Asia/Shanghai"
NURSE = "H-012"
HEAD = "部门负责人"
MARCH = sc.Month(2026, 3)
HD_RULE_ID = re.compile(r"^HD-\d{2}$")


org = organization_fixture("hospital-desk")


def at(day: int, hour: int = 7, minute: int = 50) -> pendulum.DateTime:
    return pendulum.datetime(2026, 3, day, hour, minute, tz=TZ)


def inspect(
    org: sc.Organization, checklist: str, when: _dt.datetime, *failed: str
) -> sc.Inspection:
    return org.penalty_schedule.checklist(checklist).inspect(NURSE, when, HEAD, failed=failed)


def assess(org: sc.Organization, *inspections: sc.Inspection) -> sc.Assessment:
    ledger = sc.Ledger()
    for inspection in inspections:
        for v in inspection.violations():
            assert ledger.record(v)
    return org.penalty_schedule.assess(NURSE, ledger, MARCH, org.calendar)


def yuan(amount: int) -> sc.Money:
    return sc.Money(amount, "CNY")


def test_three_checklists_on_the_schedule(org: sc.Organization) -> None:
    schedule = org.penalty_schedule
    assert schedule.checklists == hd.INSPECTION_CHECKLISTS
    assert [c.id for c in schedule.checklists] == ["appearance", "deportment", "speech"]
    assert [len(c.items) for c in schedule.checklists] == [11, 14, 3]


# (checklist, item, rule, clause, code, fine in yuan or None): every item of 篇2 一 … 四
# that the department head sees, with the fine the source gives.
ITEMS = [
    ("appearance", "clean", "HD-03", "一.1", "appearance-breach", 10),
    ("appearance", "no-odour", "HD-03", "一.2", "appearance-breach", 10),
    ("appearance", "make-up", "HD-04", "一.3", "appearance-breach", 10),
    ("appearance", "no-jewellery", "HD-04", "一.3", "appearance-breach", 10),
    ("appearance", "nails", "HD-04", "一.3", "appearance-breach", 10),
    ("appearance", "badge-scarf-flower-shoes", "HD-05", "一.4", "appearance-breach", 10),
    ("appearance", "posture", "HD-07", "一.5", "appearance-breach", 10),
    ("appearance", "uniform", "HD-06", "二.1", "appearance-breach", 10),
    ("appearance", "stockings", "HD-06", "二.1", "appearance-breach", 10),
    ("appearance", "buttons-sleeves", "HD-06", "二.3", "appearance-breach", 10),
    ("appearance", "pockets", "HD-06", "二.4", "appearance-breach", 10),
    ("deportment", "smile", "HD-08", "三.1", "inattentive", None),
    ("deportment", "eye-contact", "HD-08", "三.2", "inattentive", None),
    ("deportment", "hands", "HD-07", "三.3", "deportment", None),
    ("deportment", "no-running", "HD-07", "三.4", "deportment", None),
    ("deportment", "no-humming", "HD-07", "三.5", "deportment", None),
    ("deportment", "no-spitting", "HD-07", "三.6", "deportment", None),
    ("deportment", "personal-things", "HD-07", "三.7", "deportment", None),
    ("deportment", "cough", "HD-07", "三.8", "deportment", None),
    ("deportment", "no-smoking", "HD-07", "三.9", "deportment", None),
    ("deportment", "no-pointing", "HD-07", "三.10", "deportment", None),
    ("deportment", "listening", "HD-08", "三.11", "inattentive", None),
    ("deportment", "expression", "HD-07", "三.12", "deportment", None),
    ("deportment", "acknowledge", "HD-09", "三.13", "not-acknowledged", None),
    ("deportment", "no-phone", "HD-10", "三.14", "personal-phone", None),
    ("speech", "voice", "HD-11", "四.1", "voice", None),
    ("speech", "mandarin", "HD-12", "四.3", "no-mandarin", None),
    ("speech", "no-whispering", "HD-21", "四.11", "whispering", None),
]


def test_the_items_in_the_sources_order(org: sc.Organization) -> None:
    listed = [(c.id, i.id) for c in org.penalty_schedule.checklists for i in c.items]
    assert listed == [(checklist, item) for checklist, item, *_ in ITEMS]


@pytest.mark.parametrize(("checklist", "item_id", "rule_id", "clause", "code", "fine"), ITEMS)
def test_a_failed_item_is_recorded_under_its_code(
    org: sc.Organization,
    checklist: str,
    item_id: str,
    rule_id: str,
    clause: str,
    code: str,
    fine: int | None,
) -> None:
    item = org.penalty_schedule.checklist(checklist).item(item_id)
    assert item.cite == sc.Citation(rule_id, f"001 篇2 {clause}")
    inspection = inspect(org, checklist, at(2), item_id)
    assert inspection.reasons[0].rule_id == rule_id
    (violation,) = inspection.violations()
    assert violation.code == code
    march = assess(org, inspection)
    assert march.total == yuan(fine or 0)
    if fine is None:  # 篇2 names no amount: recorded, cited by the item's rule
        assert march.fines[0].reason.rule_id == rule_id
        assert march.explain("en")[0].endswith(f"recorded, no fixed fine ({rule_id})")
    else:  # 一.6: each breach found at the pre-shift check, 10 yuan
        assert march.fines[0].reason.rule_id == "HD-01"


def test_hd04_hd05_two_breaches_at_one_check_cost_20(org: sc.Organization) -> None:
    """HD-04 (earrings) and HD-05 (no head flower) at the 07:50 check: 一次罚款十元 each."""
    check = inspect(org, "appearance", at(2), "no-jewellery", "badge-scarf-flower-shoes")
    assert check.explain("zh_Hans") == [
        "H-012未通过检查项：不佩带项链、耳环、戒指等饰物（HD-04）",
        "H-012未通过检查项：佩带胸牌、丝巾、头花、工作鞋，不歪歪扭扭（HD-05）",
    ]
    march = assess(org, check)
    assert march.total == yuan(20)
    assert march.explain("zh_Hans")[0] == (
        "2026年3月2日上班前检查仪表、仪容，违反部门规定：罚款¥10.00（HD-01）"
    )


def test_hd03_hd06_a_month_of_checks(org: sc.Organization) -> None:
    """HD-03 (garlic at breakfast), HD-06 (a laddered stocking), a clean check, and HD-10
    (a phone at the desk, no fine): 20 yuan in March."""
    checks = (
        inspect(org, "appearance", at(2), "no-odour"),
        inspect(org, "appearance", at(9)),
        inspect(org, "appearance", at(16), "stockings"),
        inspect(org, "deportment", at(16, 15), "no-phone"),
    )
    assert [c.passed for c in checks] == [False, True, False, False]
    march = assess(org, *checks)
    assert march.total == yuan(20)
    assert [f.amount for f in march.fines] == [yuan(10), yuan(10), yuan(0)]
    assert march.explain("en")[-1] == (
        "Mobile phone, text messages, magazine or earphones at work on Mar 16, 2026: "
        "recorded, no fixed fine (HD-10)"
    )


def test_hd07_hd08_hd21_deportment_and_speech_are_recorded_not_fined(
    org: sc.Organization,
) -> None:
    """HD-07 (snacking), HD-08 (looking around while a patient speaks), HD-12 (dialect),
    HD-21 (whispering): four records, no money."""
    checks = (
        inspect(org, "deportment", at(3, 10), "no-smoking", "listening"),
        inspect(org, "speech", at(3, 11), "mandarin", "no-whispering"),
    )
    march = assess(org, *checks)
    assert march.total == yuan(0)
    # one inspection's violations share their time: they are ordered by id
    assert sorted(f.reason.rule_id for f in march.fines) == ["HD-07", "HD-08", "HD-12", "HD-21"]
    assert (
        march.explain("zh_Hans")[2]
        == "2026年3月3日上班时间未讲普通话：已记录，未定罚款金额（HD-12）"
    )


def test_hd09_the_gesture_to_an_approaching_patient(org: sc.Organization) -> None:
    """HD-09: the greeting is a phrase (test_hospital_courtesy.py); the gesture while the
    desk is on the phone is seen, and recorded with no fine."""
    check = inspect(org, "deportment", at(4, 10), "acknowledge")
    assert [v.code for v in check.violations()] == [hd.NOT_ACKNOWLEDGED]
    assert assess(org, check).total == yuan(0)


def test_hd11_the_voice_is_heard_not_read(org: sc.Organization) -> None:
    check = inspect(org, "speech", at(5, 10), "voice")
    assert check.explain("en") == [
        "H-012 failed the check: natural, clear, gentle voice; not affected, not too loud (HD-11)"
    ]


def test_an_inspection_recorded_twice_counts_once(org: sc.Organization) -> None:
    check = inspect(org, "appearance", at(2), "nails")
    ledger = sc.Ledger()
    assert [ledger.record(v) for v in (*check.violations(), *check.violations())] == [True, False]
    assert org.penalty_schedule.assess(NURSE, ledger, MARCH, org.calendar).total == yuan(10)


def test_an_unknown_item_is_refused(org: sc.Organization) -> None:
    with pytest.raises(sc.ValidationError, match="unknown item"):
        inspect(org, "appearance", at(2), "tattoo")


def test_every_item_cites_an_hd_rule_of_pian_2(org: sc.Organization) -> None:
    codes = {r.code for r in org.penalty_schedule.rules}
    for checklist in org.penalty_schedule.checklists:
        for item in checklist.items:
            assert HD_RULE_ID.match(item.cite.rule_id), item
            assert item.cite.clause.startswith("001 篇2 "), item
            assert item.code in codes, item


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_the_checklists_in_words(org: sc.Organization, locale: str) -> None:
    lines = [r.explain(locale) for c in org.penalty_schedule.checklists for r in c.describe()]
    assert len(lines) == len(ITEMS)
    assert all(line.endswith((")", "）")) for line in lines)
    if locale == "zh_Hans":
        assert lines[2] == "检查项：化淡妆（处罚代码appearance-breach）（HD-04）"
