"""Handover (交接班): the duty log both people sign (PS-09), refusals while a major event
is open (PS-10), equipment starts or stops (PS-11), preparation is incomplete (PS-12) or
the incoming person is unfit without a substitute (PS-13); the outgoing agent waits for
the incoming one (CC-17); items checked face to face (PS-05); punctuality (PS-08,
AMB-18); unfinished problems carry over (PS-03)."""

from __future__ import annotations

import datetime as _dt

import pendulum
import pytest

import servicecodex as sc
from servicecodex._i18n import gettext

TZ = "Asia/Shanghai"
PS = sc.Source("001 篇3")
CC = sc.Source("001 客服中心管理制度")
POLICY = sc.HandoverPolicy(
    major_incident=PS("PS-10", "2.4⑴"),
    equipment=PS("PS-11", "2.4⑵"),
    preparation=PS("PS-12", "2.4⑶"),
    fitness=PS("PS-13", "2.4⑷"),
    wait_for_incoming=CC("CC-17", "三.2"),
    signatures=PS("PS-09", "2.3"),
    items=PS("PS-05", "1.5"),
    punctual=PS("PS-08", "2.2"),
)
CHANGE = pendulum.datetime(2026, 3, 2, 18, tz=TZ)  # the day shift hands over to the night


def log(**changes: object) -> sc.HandoverLog:
    fields: dict[str, object] = {
        "at": CHANGE,
        "outgoing": "li",
        "incoming": "wang",
        "equipment": "all consoles up; printer 2 out of toner",
        "problems": [
            sc.OpenProblem("order 1182 refund: customer called twice, refund pending", done=False),
            sc.OpenProblem("phone line 3 dropped calls: carrier fixed it at 16:10", done=True),
        ],
        "instructions": ["supervisor: promote the March offer"],
        "staff_changes": ["zhao swaps Tuesday with chen"],
        "items": [sc.HandedItem("show-flat key", 2), sc.HandedItem("receipt book")],
        "signed_by_outgoing": True,
        "signed_by_incoming": True,
    }
    fields.update(changes)
    return sc.HandoverLog(**fields)  # type: ignore[arg-type]


def arrived(minutes_before: int = 10, **changes: object) -> sc.HandoverConditions:
    return sc.HandoverConditions(
        incoming_arrived_at=CHANGE.subtract(minutes=minutes_before),
        **changes,  # type: ignore[arg-type]
    )


def assert_explained(reason: sc.Reason) -> None:
    assert isinstance(reason.message, str)
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert reason.rule_id in reason.explain(locale)
        if locale != "en":
            assert gettext(reason.message, locale) != reason.message, reason.message


def test_a_clean_handover_is_allowed_and_carries_over_unfinished_problems() -> None:
    decision = sc.review_handover(POLICY, log(), arrived(), scheduled=CHANGE)
    assert decision.allowed
    assert decision.breaches == ()
    assert decision.explain("zh_Hans") == []
    assert [p.summary for p in decision.carried_over] == [
        "order 1182 refund: customer called twice, refund pending"
    ]
    assert decision.carried_over == decision.log.carried_over()


@pytest.mark.parametrize(
    ("conditions", "rule_id", "en"),
    [
        (
            arrived(major_incident_open=True),
            "PS-10",
            "No handover while a major or emergency event is open (PS-10)",
        ),
        (
            arrived(equipment_starting_or_stopping=True),
            "PS-11",
            "No handover while major equipment is starting or stopping (PS-11)",
        ),
        (
            arrived(preparation_complete=False),
            "PS-12",
            "No handover before the preparation is complete (PS-12)",
        ),
        (
            arrived(incoming_fit=False),
            "PS-13",
            "Wang is not fit to take over and no substitute is found (PS-13)",
        ),
        (
            sc.HandoverConditions(),
            "CC-17",
            "Li may not leave before wang arrives (CC-17)",
        ),
        (
            sc.HandoverConditions(incoming_arrived_at=CHANGE.add(minutes=5)),
            "CC-17",
            "Li may not leave before wang arrives (CC-17)",
        ),
    ],
)
def test_each_blocking_condition_is_refused_with_its_rule(
    conditions: sc.HandoverConditions, rule_id: str, en: str
) -> None:
    decision = sc.review_handover(POLICY, log(), conditions, scheduled=CHANGE)
    assert not decision.allowed
    assert [r.rule_id for r in decision.breaches] == [rule_id]
    assert decision.explain("en") == [en]
    assert_explained(decision.breaches[0])
    # unfinished problems carry over whether or not the handover may happen
    assert len(decision.carried_over) == 1


def test_an_unfit_incoming_person_with_a_substitute_may_take_over() -> None:
    unfit = arrived(incoming_fit=False, substitute="zhao")
    decision = sc.review_handover(POLICY, log(incoming="zhao"), unfit, scheduled=CHANGE)
    assert decision.allowed
    # the log names who actually takes over: the substitute, not the unfit person
    decision = sc.review_handover(POLICY, log(), unfit, scheduled=CHANGE)
    assert [r.rule_id for r in decision.breaches] == ["PS-13"]
    assert decision.explain("en") == ["The substitute zhao takes over, not wang (PS-13)"]


def test_the_outgoing_agent_may_leave_once_the_incoming_one_arrives() -> None:
    on_time = sc.HandoverConditions(incoming_arrived_at=CHANGE)
    assert sc.review_handover(POLICY, log(), on_time, scheduled=CHANGE).allowed
    late = sc.HandoverConditions(incoming_arrived_at=CHANGE.add(minutes=40))
    assert not sc.review_handover(POLICY, log(), late, scheduled=CHANGE).allowed
    # the handover happens when wang arrives: li stayed until then (CC-17 is kept); it is
    # 40 minutes after the scheduled change, which only the punctuality rule minds
    later = sc.review_handover(POLICY, log(at=CHANGE.add(minutes=40)), late, scheduled=CHANGE)
    assert [r.rule_id for r in later.breaches] == ["PS-08"]


def test_both_sign_the_duty_log_ps_09() -> None:
    for signed in (
        {"signed_by_outgoing": False},
        {"signed_by_incoming": False},
        {"signed_by_outgoing": False, "signed_by_incoming": False},
    ):
        decision = sc.review_handover(POLICY, log(**signed), arrived(), scheduled=CHANGE)
        assert [r.rule_id for r in decision.breaches] == ["PS-09"]
        assert decision.explain("en") == ["Both li and wang sign the duty log (PS-09)"]
        assert_explained(decision.breaches[0])


def test_items_are_checked_face_to_face_ps_05() -> None:
    items = [
        sc.HandedItem("show-flat key", 2, checked=False),
        sc.HandedItem("receipt book"),
        sc.HandedItem("walkie-talkie", checked=False),
    ]
    decision = sc.review_handover(POLICY, log(items=items), arrived(), scheduled=CHANGE)
    assert [r.rule_id for r in decision.breaches] == ["PS-05"]
    assert decision.explain("en") == [
        "Items not checked face to face: show-flat key and walkie-talkie (PS-05)"
    ]
    assert_explained(decision.breaches[0])


@pytest.mark.parametrize(
    ("offset", "tolerance", "allowed"),
    [
        (0, 0, True),
        (1, 0, False),  # AMB-18: no tolerance by default
        (-1, 0, False),  # early is not on time either
        (5, 5, True),
        (-5, 5, True),
        (6, 5, False),
    ],
)
def test_punctuality_ps_08_within_the_tolerance(offset: int, tolerance: int, allowed: bool) -> None:
    policy = sc.HandoverPolicy(
        punctual=PS("PS-08", "2.2"), tolerance=_dt.timedelta(minutes=tolerance)
    )
    at = CHANGE.add(minutes=offset)
    decision = sc.review_handover(policy, log(at=at), sc.HandoverConditions(), scheduled=CHANGE)
    assert decision.allowed is allowed
    if not allowed:
        assert [r.rule_id for r in decision.breaches] == ["PS-08"]
        assert decision.breaches[0].facts["scheduled"] == CHANGE
        assert_explained(decision.breaches[0])
    # a policy with a punctuality rule needs the scheduled time
    with pytest.raises(sc.ValidationError, match="scheduled"):
        sc.review_handover(policy, log(at=at), sc.HandoverConditions())


def test_every_blocking_condition_is_named_at_once() -> None:
    conditions = sc.HandoverConditions(
        major_incident_open=True,
        equipment_starting_or_stopping=True,
        preparation_complete=False,
        incoming_fit=False,
    )
    decision = sc.review_handover(
        POLICY,
        log(signed_by_incoming=False, items=[sc.HandedItem("key", checked=False)]),
        conditions,
        scheduled=CHANGE.subtract(minutes=15),
    )
    assert [r.rule_id for r in decision.breaches] == [
        "PS-10",
        "PS-11",
        "PS-12",
        "PS-13",
        "CC-17",
        "PS-09",
        "PS-05",
        "PS-08",
    ]
    for reason in decision.breaches:
        assert_explained(reason)


def test_a_policy_without_rules_refuses_nothing() -> None:
    conditions = sc.HandoverConditions(major_incident_open=True, incoming_fit=False)
    decision = sc.review_handover(
        sc.HandoverPolicy(), log(signed_by_outgoing=False), conditions, scheduled=CHANGE
    )
    assert decision.allowed


def test_bad_input() -> None:
    with pytest.raises(sc.ValidationError, match="a handover to oneself"):
        log(incoming="li")
    with pytest.raises(sc.NaiveDateTimeError):
        log(at=_dt.datetime(2026, 3, 2, 18))
    with pytest.raises(sc.NaiveDateTimeError):
        sc.HandoverConditions(incoming_arrived_at=_dt.datetime(2026, 3, 2, 18))
    with pytest.raises(sc.NaiveDateTimeError):
        sc.review_handover(POLICY, log(), arrived(), scheduled=_dt.datetime(2026, 3, 2, 18))  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="zero or more"):
        sc.HandoverPolicy(tolerance=_dt.timedelta(minutes=-1))
    with pytest.raises(sc.ValidationError, match="expected a HandoverPolicy"):
        sc.review_handover(None, log(), arrived())  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="expected a HandoverLog"):
        sc.review_handover(POLICY, None, arrived())  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError, match="expected HandoverConditions"):
        sc.review_handover(POLICY, log(), None)  # type: ignore[arg-type]
    with pytest.raises(sc.ValidationError):
        sc.OpenProblem("  ")
    with pytest.raises(sc.ValidationError, match="zero or more"):
        sc.HandedItem("key", count=-1)
    with pytest.raises(sc.ValidationError, match="whole number"):
        sc.HandedItem("key", count=True)
