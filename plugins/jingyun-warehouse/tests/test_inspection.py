"""The appearance-and-manner checklist (JW-25, JW-26), the appraisal as the basis for
promotion (JW-09) and the training record (JW-04)."""

from __future__ import annotations

import pendulum
import pytest
import servicecodex_jingyun_warehouse as jw

import servicecodex as sc
from servicecodex.testing import organization_fixture

MONDAY = pendulum.datetime(2026, 3, 9, 9, tz="Asia/Shanghai")
MARCH = sc.Month(2026, 3)


org = organization_fixture("jingyun-warehouse")


# JW-25, JW-26 ----------------------------------------------------------------------------


def test_the_checklist_is_pian2_article_5(org: sc.Organization) -> None:
    """JW-26 (5.1) uniform, JW-25 (5.3) Mandarin, speed, tone and (5.4) the smile."""
    (checklist,) = org.penalty_schedule.checklists
    assert checklist is jw.APPEARANCE_AND_MANNER
    assert [(i.id, i.cite.rule_id, i.cite.clause, i.code) for i in checklist.items] == [
        ("company-uniform", "JW-26", "000 篇2 第五條.1", "uniform-breach"),
        ("uniform-tidy", "JW-26", "000 篇2 第五條.1", "uniform-breach"),
        ("standard-mandarin", "JW-25", "000 篇2 第五條.3", "voice-and-manner-breach"),
        ("moderate-speed", "JW-25", "000 篇2 第五條.3", "voice-and-manner-breach"),
        ("friendly-tone", "JW-25", "000 篇2 第五條.3", "voice-and-manner-breach"),
        ("smiling", "JW-25", "000 篇2 第五條.4", "voice-and-manner-breach"),
    ]
    assert [i.text.localize("zh_Hant") for i in checklist.items] == [
        "著公司統一工作服",
        "保持整潔、大方",
        "使用標準普通話",
        "語速適中",
        "語調親切",
        "保持微笑,展現親和力",
    ]


@pytest.mark.parametrize(
    ("item", "rule_id", "code"),
    [
        ("company-uniform", "JW-26", "uniform-breach"),
        ("standard-mandarin", "JW-25", "voice-and-manner-breach"),
        ("smiling", "JW-25", "voice-and-manner-breach"),
    ],
)
def test_a_failed_item_is_recorded_without_a_fine(
    org: sc.Organization, item: str, rule_id: str, code: str
) -> None:
    """篇2 第五條 names no sanction: the violation is recorded and costs 0 yuan."""
    schedule = org.penalty_schedule
    inspection = schedule.checklist("appearance-and-manner").inspect(
        "JW-R01", MONDAY, "主管", failed=[item]
    )
    (violation,) = inspection.violations()
    assert violation.code == code
    assert schedule.rule(code).cite.rule_id == rule_id
    rule = schedule.rule(code)
    assert (rule.fine, rule.points, rule.consequence) == (None, None, None)
    ledger = sc.Ledger()
    ledger.record(violation)
    assessed = schedule.assess("JW-R01", ledger, MARCH, org.calendar)
    assert assessed.total == sc.Money(0, "CNY")
    (line,) = assessed.explain("zh_Hant")
    assert line.endswith(f"（{rule_id}）")


def test_no_uniform_in_words(org: sc.Organization) -> None:
    """JW-26: a representative without the uniform, in the supervisor's words."""
    inspection = org.penalty_schedule.checklist("appearance-and-manner").inspect(
        "JW-R01", MONDAY, "主管", failed=["company-uniform"], notes={"company-uniform": "便裝"}
    )
    assert inspection.explain("zh_Hans") == ["JW-R01未通过检查项：着公司统一工作服（JW-26）"]
    assert inspection.explain("en") == [
        "JW-R01 failed the check: Wears the company uniform (JW-26)"
    ]
    assert [v.evidence for v in inspection.violations()] == ["便裝"]


def test_a_clean_round_records_nothing(org: sc.Organization) -> None:
    inspection = jw.APPEARANCE_AND_MANNER.inspect("JW-R01", MONDAY, "主管")
    assert inspection.passed
    assert inspection.violations() == []


# JW-09 -----------------------------------------------------------------------------------


def test_jw09_appraisal_results_weighed_before_promotion(org: sc.Organization) -> None:
    """JW-09: 「考核結果作為晉升、加薪、獎懲的重要依據」 — on the supervisor and manager
    rungs, a reviewer checklist item; the entry rung is reached by hiring, not promotion."""
    checklists = {rung.id: rung.checklist for rung in org.ladder.rungs}
    assert checklists == {
        "representative": (),
        "supervisor": (jw.APPRAISAL_BASIS,),
        "manager": (jw.APPRAISAL_BASIS,),
    }
    assert jw.APPRAISAL_BASIS.cite == sc.Citation("JW-09", "000 篇1 第十五條; 篇2 第十四條")
    supervisor = org.ladder.rungs[1]
    assert jw.APPRAISAL_BASIS.describe(supervisor.name).explain("zh_Hant") == (
        "主管評審要點第十五條：月度和年度考核結果,作為晉升的重要依據（JW-09）"
    )


def test_jw09_no_condition_decides_a_promotion(org: sc.Organization) -> None:
    """JW-09 gives no score or grade: reviewers weigh it; no transition is automatic."""
    assert org.ladder.transitions == ()
    assert org.ladder.rungs[1].requirements is None


# JW-04 -----------------------------------------------------------------------------------


def test_jw04_training_record_company_and_external(org: sc.Organization) -> None:
    """JW-04: the company's periodic training and 篇3 第十二條's external training, kept in
    the training record; nothing is due (「定期」 gives no interval)."""
    assert jw.TRAINING_RECORD in org.service_levels.registers
    assert jw.TRAINING_RECORD.cite.rule_id == "JW-04"
    record = (
        jw.TRAINING_RECORD.register()
        .add(MONDAY, agent="JW-R01", course="新品知識", organiser="company")
        .add(MONDAY.add(days=14), agent="JW-R01", course="溝通技巧", organiser="external")
    )
    report = sc.report(record, "month", MARCH, org.calendar, by="organiser")
    assert {(r.group, r.count) for r in report.rows} == {("company", 1), ("external", 1)}
    with pytest.raises(sc.RegisterError):
        jw.TRAINING_RECORD.check({"agent": "JW-R01", "course": "自學", "organiser": "self"})
