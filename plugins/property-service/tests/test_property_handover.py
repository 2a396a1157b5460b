"""Duty handover (交接班) by 001 篇3, checked by the core's ``review_handover`` under the
plugin's ``HANDOVER_POLICY``: the duty log (PS-01, PS-02, PS-03, PS-04, PS-05, PS-09),
when handover is refused (PS-10 … PS-13), waiting and pending matters (PS-06, AMB-17),
punctuality (PS-08, AMB-18)."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import attrs
import pendulum
import pytest
import servicecodex_property_service as ps

import servicecodex as sc

TZ = "Asia/Shanghai"
OUT, IN, SUB = "王工", "李工", "赵工"
#: The change from day to night duty at 20:00 on 2 March 2026 (a site's time, not 篇3's).
CHANGE = pendulum.datetime(2026, 3, 2, 20, tz=TZ)
LOCALES = ("zh_Hans", "zh_Hant", "en")

LIFT = sc.OpenProblem(
    "3号楼2号电梯困人",
    cause="电梯门机故障",
    course="19:10接报，通知工程部，19:25放出业主",
    result="电梯停用待修，工程部明早检修",
    major=True,
)
LEAK = sc.OpenProblem(
    "地下车库B2消防管渗水",
    cause="管件老化",
    course="18:30巡查发现，已关阀并报工程部",
    result="已修复",
    major=True,
    done=True,
)
PARCEL = sc.OpenProblem(
    "业主来电催快递",
    cause="快递员放错楼栋",
    course="已查监控，快递放在前台",
    result="业主已取走",
    done=True,
)
TAP = sc.OpenProblem("业主报修厨房水龙头", cause="阀芯老化", course="已登记", result="未派单")


def log(**changes: Any) -> sc.HandoverLog:
    """A proper duty log at the change time: equipment and public-area repairs stated,
    major problems handled and not, the superior's instruction, the shared items checked
    together and both signatures."""
    fields: dict[str, Any] = {
        "at": CHANGE,
        "outgoing": OUT,
        "incoming": IN,
        "equipment": "监控、门禁正常；3号楼2号电梯停用待修",
        "repairs": ("3号楼大堂吊灯：已报修，待更换",),
        "problems": (LIFT, LEAK, PARCEL),
        "instructions": ("经理：明早9点前通知3号楼业主电梯检修",),
        "items": (
            sc.HandedItem("样板间钥匙", 3),
            sc.HandedItem("对讲机", 2),
            sc.HandedItem("值班日志"),
        ),
        "signed_by_outgoing": True,
        "signed_by_incoming": True,
    }
    fields.update(changes)
    return sc.HandoverLog(**fields)


def ready(**changes: Any) -> sc.HandoverConditions:
    """Nothing forbids the handover; the incoming person came ten minutes early."""
    fields: dict[str, Any] = {"incoming_arrived_at": CHANGE.subtract(minutes=10)}
    fields.update(changes)
    return sc.HandoverConditions(**fields)


def review(
    the_log: sc.HandoverLog | None = None,
    conditions: sc.HandoverConditions | None = None,
    *,
    scheduled: pendulum.DateTime = CHANGE,
    policy: sc.HandoverPolicy = ps.HANDOVER_POLICY,
) -> sc.HandoverDecision:
    return sc.review_handover(policy, the_log or log(), conditions or ready(), scheduled)


def rule_ids(decision: sc.HandoverDecision) -> list[str]:
    return [r.rule_id for r in decision.breaches]


# A proper handover -----------------------------------------------------------------------


def test_a_proper_handover_is_allowed() -> None:
    decision = review()
    assert decision.allowed, decision.explain("en")
    assert decision.breaches == ()
    assert decision.explain("zh_Hans") == []


def test_unfinished_major_problems_carry_over() -> None:
    """PS-03 「已处理的、未处理的都应该交接,便于接班人接着工作」: the log holds the major
    problems done and not done; the one not done goes on into the next shift."""
    decision = review()
    assert decision.log.problems == (LIFT, LEAK, PARCEL)
    assert decision.carried_over == (LIFT,)
    assert decision.log.carried_over() == (LIFT,)


# PS-10 … PS-13: when handover is refused --------------------------------------------------


@pytest.mark.parametrize(
    ("conditions", "rule_id", "zh_hans"),
    [
        (
            ready(major_incident_open=True),
            "PS-10",
            "重大或紧急事件未处理完，不得交接（PS-10）",
        ),
        (
            ready(equipment_starting_or_stopping=True),
            "PS-11",
            "重大设备启动或停机时，不得交接（PS-11）",
        ),
        (
            ready(preparation_complete=False),
            "PS-12",
            "交接班准备工作未完成，不得交接（PS-12）",
        ),
        (
            ready(incoming_fit=False),
            "PS-13",
            "李工不适合接班，且未找到替班人员（PS-13）",
        ),
    ],
    ids=["PS-10", "PS-11", "PS-12", "PS-13"],
)
def test_handover_refused(conditions: sc.HandoverConditions, rule_id: str, zh_hans: str) -> None:
    decision = review(conditions=conditions)
    assert not decision.allowed
    assert rule_ids(decision) == [rule_id]
    assert decision.breaches[0].cite == ps.CITATIONS[rule_id]
    assert decision.explain("zh_Hans") == [zh_hans]


def test_a_major_event_still_open_keeps_the_outgoing_person() -> None:
    """AMB-17: a major or emergency event in progress blocks the handover (PS-10), and the
    problems not done still carry over."""
    decision = review(conditions=ready(major_incident_open=True))
    assert rule_ids(decision) == ["PS-10"]
    assert decision.carried_over == (LIFT,)


def test_an_unfit_incoming_person_with_a_substitute() -> None:
    """PS-13 「且又未找到顶班人时」: once a substitute is found, the handover goes on to
    the substitute, who is the log's incoming person and signs it."""
    conditions = ready(incoming_fit=False, substitute=SUB)
    assert review(log(incoming=SUB), conditions).allowed


def test_the_substitute_is_who_takes_over() -> None:
    """PS-13: a substitute found but the log still handing over to the unfit person is
    refused, naming both."""
    decision = review(conditions=ready(incoming_fit=False, substitute=SUB))
    assert rule_ids(decision) == ["PS-13"]
    assert decision.explain("zh_Hans") == ["应由替班人员赵工接班，而不是李工（PS-13）"]
    assert decision.explain("en") == ["The substitute 赵工 takes over, not 李工 (PS-13)"]


@pytest.mark.parametrize("field", ["substitute", "special_circumstance"])
@pytest.mark.parametrize("blank", ["", "  "])
def test_blank_conditions_are_refused(field: str, blank: str) -> None:
    """A substitute (PS-13) or a special circumstance (PS-06) says who or what it is."""
    with pytest.raises(sc.ValidationError) as exc:
        ready(**{field: blank})
    assert exc.value.field == f"HandoverConditions.{field}"


def test_every_refusal_at_once() -> None:
    conditions = ready(
        major_incident_open=True,
        equipment_starting_or_stopping=True,
        preparation_complete=False,
        incoming_fit=False,
    )
    assert rule_ids(review(conditions=conditions)) == ["PS-10", "PS-11", "PS-12", "PS-13"]


# PS-06: the outgoing person stays ---------------------------------------------------------


@pytest.mark.parametrize("arrived", [None, CHANGE.add(minutes=1)], ids=["not yet", "after"])
def test_the_outgoing_person_waits_for_the_incoming(arrived: pendulum.DateTime | None) -> None:
    """PS-06 「交班人…才能离开」: handover is face to face (1.5), so the outgoing person
    may not leave before the incoming one is there."""
    decision = review(conditions=ready(incoming_arrived_at=arrived))
    assert rule_ids(decision) == ["PS-06"]
    assert decision.explain("zh_Hans") == ["李工未到岗，王工不得离岗（PS-06）"]


def test_arriving_at_the_change_time_is_enough() -> None:
    assert review(conditions=ready(incoming_arrived_at=CHANGE)).allowed


def test_routine_pending_matters_are_finished_first() -> None:
    """PS-06 「无特殊情况,交班人必须将未处理的事务处理完毕,才能离开」 (AMB-17): a routine
    problem not done keeps the outgoing person; a major one is handed over (PS-03)."""
    decision = review(log(problems=(LIFT, TAP)))
    assert rule_ids(decision) == ["PS-06"]
    assert decision.breaches[0].cite == ps.CITATIONS["PS-06"]
    assert decision.breaches[0].facts["matters"] == ("业主报修厨房水龙头",)
    assert decision.explain("zh_Hans") == [
        "王工须处理完未完成的事务才能离开：业主报修厨房水龙头（PS-06）"
    ]
    assert decision.explain("zh_Hant") == [
        "王工須處理完未完成的事務才能離開：业主报修厨房水龙头（PS-06）"
    ]
    assert decision.explain("en") == [
        "王工 finishes the pending matters before leaving: 业主报修厨房水龙头 (PS-06)"
    ]
    assert decision.carried_over == (LIFT, TAP)


def test_a_routine_matter_done_does_not_keep_anyone() -> None:
    assert review(log(problems=(LIFT, attrs.evolve(TAP, done=True)))).allowed


def test_a_special_circumstance_carries_routine_matters_over() -> None:
    """「无特殊情况」: with a special circumstance stated, routine matters not done carry
    over to the incoming person too."""
    conditions = ready(special_circumstance="工程部停电检修，系统无法派单")
    decision = review(log(problems=(LIFT, TAP)), conditions)
    assert decision.allowed
    assert decision.carried_over == (LIFT, TAP)


def test_the_pending_matters_and_the_other_rules_together() -> None:
    decision = review(
        log(problems=(TAP,), signed_by_incoming=False),
        ready(incoming_arrived_at=None),
    )
    assert rule_ids(decision) == ["PS-06", "PS-09", "PS-06"]


# PS-05: shared items checked face to face ------------------------------------------------


def test_the_shared_items_of_the_source() -> None:
    assert ps.SHARED_ITEMS == ("办公用品", "通讯器材", "资料", "样板间钥匙")


def test_items_are_checked_face_to_face() -> None:
    """PS-05 「样板间钥匙等公用物品…当面验清交接」: an item not checked together refuses the
    handover, naming it."""
    items = (
        sc.HandedItem("样板间钥匙", 3, checked=False),
        sc.HandedItem("对讲机", 2),
        sc.HandedItem("资料", checked=False),
    )
    decision = review(log(items=items))
    assert rule_ids(decision) == ["PS-05"]
    assert decision.explain("zh_Hans") == ["未当面验清交接的物品：样板间钥匙和资料（PS-05）"]
    assert decision.explain("en") == ["Items not checked face to face: 样板间钥匙 and 资料 (PS-05)"]


def test_every_shared_item_checked() -> None:
    items = tuple(sc.HandedItem(name) for name in ps.SHARED_ITEMS)
    assert review(log(items=items)).allowed


# PS-09: the duty log and both signatures; PS-04: instructions ----------------------------


@pytest.mark.parametrize(("outgoing", "incoming"), [(True, False), (False, True), (False, False)])
def test_both_sign_the_duty_log(outgoing: bool, incoming: bool) -> None:
    """PS-09 「交接时,交接人员应在值班日志上签字」."""
    the_log = log(signed_by_outgoing=outgoing, signed_by_incoming=incoming)
    decision = review(the_log)
    assert rule_ids(decision) == ["PS-09"]
    assert decision.explain("zh_Hans") == ["王工和李工须在值班日志上签字（PS-09）"]


def test_the_log_holds_the_preparation() -> None:
    """PS-09's preparation (unfinished work, new instructions from leaders, public-area
    repairs) and PS-04's instructions from above are in the log the next shift reads."""
    the_log = log()
    assert the_log.instructions == ("经理：明早9点前通知3号楼业主电梯检修",)
    assert the_log.repairs == ("3号楼大堂吊灯：已报修，待更换",)
    assert "电梯停用待修" in the_log.equipment
    assert the_log.carried_over() == (LIFT,)


@pytest.mark.parametrize("field", ["repairs", "instructions"])
def test_no_blank_line_in_the_log(field: str) -> None:
    with pytest.raises(sc.ValidationError) as exc:
        log(**{field: ("  ",)})
    assert exc.value.field == f"HandoverLog.{field}"


# PS-08: punctual to the minute (AMB-18) ---------------------------------------------------


@pytest.mark.parametrize("minutes", [1, -1, 30], ids=["late", "early", "half an hour"])
def test_handover_on_the_minute(minutes: int) -> None:
    """PS-08 「正点进行交接」: tolerance 0 (AMB-18), early or late."""
    when = CHANGE.add(minutes=minutes)
    decision = review(log(at=when), ready(incoming_arrived_at=CHANGE.subtract(minutes=40)))
    assert rule_ids(decision) == ["PS-08"]
    assert decision.breaches[0].facts == {"at": when, "scheduled": CHANGE}


def test_handover_exactly_on_time() -> None:
    assert review(log(at=CHANGE)).allowed


def test_punctuality_needs_the_scheduled_time() -> None:
    """PS-08 cannot be checked without the scheduled change time: the review refuses to
    go on rather than skip the rule."""
    with pytest.raises(sc.ValidationError) as exc:
        sc.review_handover(ps.HANDOVER_POLICY, log(), ready())
    assert exc.value.field == "scheduled"


def test_a_configured_tolerance() -> None:
    lenient = attrs.evolve(ps.HANDOVER_POLICY, tolerance=_dt.timedelta(minutes=5))
    assert review(log(at=CHANGE.add(minutes=5)), policy=lenient).allowed
    assert rule_ids(review(log(at=CHANGE.add(minutes=6)), policy=lenient)) == ["PS-08"]


def test_the_scheduled_time_from_a_duty_shift() -> None:
    day = ps.duty_shift("day", sc.Text(en="Day duty", zh_Hans="白班"), _dt.time(8), _dt.time(20))
    _, end = day.on(pendulum.date(2026, 3, 2), TZ)
    assert review(log(at=CHANGE), scheduled=end).allowed


# PS-01: national standard time -----------------------------------------------------------


def test_naive_times_are_refused() -> None:
    """PS-01 「必须按国家标准时间统一计时」: a log time with no time zone is refused."""
    with pytest.raises(sc.NaiveDateTimeError, match=r"HandoverLog\.at"):
        log(at=_dt.datetime(2026, 3, 2, 20))
    with pytest.raises(sc.NaiveDateTimeError, match="incoming_arrived_at"):
        ready(incoming_arrived_at=_dt.datetime(2026, 3, 2, 19))


def test_one_clock_whatever_the_zone() -> None:
    """An aware time is one instant: 12:00 UTC is 20:00 Beijing time, on time."""
    utc = pendulum.datetime(2026, 3, 2, 12, tz="UTC")
    assert review(log(at=utc)).allowed
    assert rule_ids(review(log(at=utc.add(minutes=1)))) == ["PS-08"]


# PS-02: cause, course and result ----------------------------------------------------------


def test_a_problem_states_cause_course_and_result() -> None:
    assert (LIFT.summary, LIFT.cause, LIFT.result) == (
        "3号楼2号电梯困人",
        "电梯门机故障",
        "电梯停用待修，工程部明早检修",
    )
    assert all(p.unexplained() == () for p in (LIFT, LEAK, PARCEL, TAP))
    assert (LIFT.major, LIFT.done) == (True, False)
    assert (PARCEL.major, PARCEL.done) == (False, True)


@pytest.mark.parametrize("part", ["cause", "course", "result"])
@pytest.mark.parametrize("blank", ["", " \n"])
def test_no_part_of_a_problem_is_blank(part: str, blank: str) -> None:
    """PS-02 「将所要交接的问题的原因、经过、结果填写清楚」: a problem handed over with a part
    left blank refuses the handover, done or not, major or routine."""
    parts: dict[str, Any] = {part: blank}
    outage = attrs.evolve(LEAK, summary="2号楼停电", **parts)
    decision = review(log(problems=(LIFT, outage)))
    assert rule_ids(decision) == ["PS-02"]
    assert decision.breaches[0].cite == ps.CITATIONS["PS-02"]
    zh = {"cause": "原因", "course": "经过", "result": "结果"}[part]
    assert decision.explain("zh_Hans") == [f"交接的问题“2号楼停电”未写明{zh}（PS-02）"]
    assert decision.explain("en") == [f"“2号楼停电” is handed over without its {part} (PS-02)"]


def test_a_problem_with_nothing_but_a_summary() -> None:
    bare = sc.OpenProblem("业主投诉噪音", done=True)
    decision = review(log(problems=(bare,)))
    assert decision.explain("zh_Hans") == [
        "交接的问题“业主投诉噪音”未写明原因、经过和结果（PS-02）"
    ]
    assert decision.explain("zh_Hant") == [
        "交接的問題“业主投诉噪音”未寫明原因、經過和結果（PS-02）"
    ]


# Explanations ----------------------------------------------------------------------------


def test_a_handover_breaking_every_rule_explained() -> None:
    the_log = log(
        at=CHANGE.add(minutes=15),
        problems=(LIFT, TAP, sc.OpenProblem("业主报修", done=True)),
        items=(sc.HandedItem("样板间钥匙", 3, checked=False),),
        signed_by_incoming=False,
    )
    conditions = sc.HandoverConditions(
        major_incident_open=True,
        equipment_starting_or_stopping=True,
        preparation_complete=False,
        incoming_fit=False,
        incoming_arrived_at=CHANGE.add(minutes=20),
    )
    decision = review(the_log, conditions)
    assert rule_ids(decision) == [
        "PS-10",
        "PS-11",
        "PS-12",
        "PS-13",
        "PS-06",
        "PS-09",
        "PS-05",
        "PS-06",
        "PS-02",
        "PS-08",
    ]
    assert decision.explain("zh_Hans") == [
        "重大或紧急事件未处理完，不得交接（PS-10）",
        "重大设备启动或停机时，不得交接（PS-11）",
        "交接班准备工作未完成，不得交接（PS-12）",
        "李工不适合接班，且未找到替班人员（PS-13）",
        "李工未到岗，王工不得离岗（PS-06）",
        "王工和李工须在值班日志上签字（PS-09）",
        "未当面验清交接的物品：样板间钥匙（PS-05）",
        "王工须处理完未完成的事务才能离开：业主报修厨房水龙头（PS-06）",
        "交接的问题“业主报修”未写明原因、经过和结果（PS-02）",
        "交接于2026年3月2日 20:15:00，规定时间为2026年3月2日 20:00:00（PS-08）",
    ]
    assert decision.explain("zh_Hant")[:6] == [
        "重大或緊急事件未處理完，不得交接（PS-10）",
        "重大設備啟動或停機時，不得交接（PS-11）",
        "交接班準備工作未完成，不得交接（PS-12）",
        "李工不適合接班，且未找到替班人員（PS-13）",
        "李工未到崗，王工不得離崗（PS-06）",
        "王工和李工須在值班日誌上簽字（PS-09）",
    ]
    assert decision.explain("en") == [
        "No handover while a major or emergency event is open (PS-10)",
        "No handover while major equipment is starting or stopping (PS-11)",
        "No handover before the preparation is complete (PS-12)",
        "李工 is not fit to take over and no substitute is found (PS-13)",
        "王工 may not leave before 李工 arrives (PS-06)",
        "Both 王工 and 李工 sign the duty log (PS-09)",
        "Items not checked face to face: 样板间钥匙 (PS-05)",
        "王工 finishes the pending matters before leaving: 业主报修厨房水龙头 (PS-06)",
        "“业主报修” is handed over without its cause, course, and result (PS-02)",
        "Handover at Mar 2, 2026, 8:15:00\u202fPM, scheduled for Mar 2, 2026, 8:00:00\u202fPM (PS-08)",
    ]
    assert all(r.cite == ps.CITATIONS[r.rule_id] for r in decision.breaches)
    assert decision.carried_over == (LIFT, TAP)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_explanation_names_its_rule(locale: str) -> None:
    decision = review(conditions=ready(major_incident_open=True, incoming_fit=False))
    lines = decision.explain(locale)
    assert len(lines) == 2
    assert lines[0].endswith("PS-10）" if locale != "en" else "(PS-10)")
    assert lines[1].endswith("PS-13）" if locale != "en" else "(PS-13)")
