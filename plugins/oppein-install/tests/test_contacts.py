"""Installation calls, callbacks, home visits and reports (OP-02, OP-04 … OP-11), as the
plugin answers ``servicecodex_service_levels``.

The running example: order A-7731, a kitchen installed on Wednesday 20 May 2026."""

from __future__ import annotations

import json

import pendulum
import pytest
import servicecodex_oppein_install as op

import servicecodex as sc
from servicecodex.testing import run_cli

TZ = "Asia/Shanghai"
ORDER = "A-7731"
INSTALLATION = pendulum.date(2026, 5, 20)


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=TZ)


@pytest.fixture(scope="module")
def policy() -> sc.ServiceLevelPolicy:
    return sc.Organization.load("oppein-install").service_levels


def register() -> sc.CallbackRegister:
    """A-7731's four calls scheduled around its installation day."""
    callbacks = sc.CallbackRegister(TZ, op.SERVICE_LEVELS.callbacks)
    return callbacks.schedule_all(
        ["pre-install-call", "reconfirm-call", "first-callback", "second-callback"],
        ORDER,
        INSTALLATION,
    )


# The policy ------------------------------------------------------------------------------


def test_the_hook_answers_calls_and_home_visits(policy: sc.ServiceLevelPolicy) -> None:
    assert policy is op.SERVICE_LEVELS
    assert policy.channels == (sc.Channel.PHONE, sc.Channel.VISIT)
    assert policy.targets == ()  # the slides set no response target
    assert [r.id for r in policy.callbacks] == [
        "pre-install-call",
        "reconfirm-call",
        "first-callback",
        "second-callback",
    ]
    assert [s.id for s in policy.registers] == ["information-form", "installations", "callback-log"]
    cited = {r.cite.rule_id for r in policy.describe_all()}
    cited |= {s.cite.rule_id for s in policy.registers}
    cited |= {s.cite.rule_id for c in policy.case_rules.categories for s in c.playbook}
    assert {"OP-02", "OP-04", "OP-05", "OP-06", "OP-07", "OP-08"} <= cited
    assert {"OP-09", "OP-10", "OP-11"} <= cited


def test_the_calls_in_words(policy: sc.ServiceLevelPolicy) -> None:
    words = [r.explain("en") for r in policy.describe_all()]
    for line in (
        "Channels served: phone and home visit (OP-02)",
        "Pre-installation call: 3 days before the appointment, give or take 1 day (OP-02)",
        "Reconfirmation the day before the visit: 1 day before the appointment (OP-05)",
        "First callback: made by the dispatcher (OP-06)",
        "Second callback after use: made by the CS specialist (OP-06)",
        "Second callback after use: only after the first-callback callback is made (OP-06)",
    ):
        assert line in words
    assert all(r.explain("zh_Hans") for r in policy.describe_all())


# OP-02, OP-05: before the installation (AMB-54) ------------------------------------------


def test_the_call_3_days_ahead_give_or_take_1_and_the_reconfirmation_the_day_before() -> None:
    pre, reconfirm = (
        op.PRE_INSTALL_CALL.window(INSTALLATION),
        op.RECONFIRM_CALL.window(INSTALLATION),
    )
    assert (pre.first, pre.last) == (pendulum.date(2026, 5, 16), pendulum.date(2026, 5, 18))
    assert reconfirm.first == reconfirm.last == pendulum.date(2026, 5, 19)
    callbacks = register().record(("pre-install-call", ORDER), at(5, 17), by="小李")
    states = {s.callback.rule.id: s for s in callbacks.status(at(5, 19, 9))}
    assert states["pre-install-call"].state is sc.CallbackState.DONE
    assert states["reconfirm-call"].state is sc.CallbackState.DUE
    assert states["reconfirm-call"].explain("en") == (
        "Reconfirmation the day before the visit for A-7731 is due, 0 days left "
        "(May 19, 2026) (OP-05)"
    )
    late = register().record(("pre-install-call", ORDER), at(5, 19), by="小李")
    status = late.status(at(5, 19, 12))[0]
    assert status.state is sc.CallbackState.DONE_LATE
    assert status.explain("en").endswith("1 day late (May 16, 2026 to May 18, 2026) (OP-02)")


def test_a_missed_pre_installation_call_does_not_block_the_reconfirmation() -> None:
    callbacks = register().record(("reconfirm-call", ORDER), at(5, 19), by="小李")
    states = {s.callback.rule.id: s.state for s in callbacks.status(at(5, 19, 12))}
    assert states["pre-install-call"] is sc.CallbackState.OVERDUE
    assert states["reconfirm-call"] is sc.CallbackState.DONE


# OP-06: the dispatcher first, the CS specialist after use ---------------------------------


def test_two_callbacks_dispatcher_first_cs_specialist_second() -> None:
    callbacks = register()
    with pytest.raises(sc.CallbackRoleError) as wrong_role:
        callbacks.record(("first-callback", ORDER), at(5, 21), by="小李", role="cs-specialist")
    assert wrong_role.value.rule_id == "OP-06"
    with pytest.raises(sc.CallbackError, match="first-callback callback for A-7731 is not made"):
        callbacks.record(("second-callback", ORDER), at(5, 21), by="小陈", role="cs-specialist")
    callbacks = callbacks.record(("first-callback", ORDER), at(5, 21), by="老周", role="dispatcher")
    callbacks = callbacks.record(
        ("second-callback", ORDER), at(6, 3), by="小陈", role="cs-specialist", note="使用满意"
    )
    states = {s.callback.rule.id: s.state for s in callbacks.status(at(6, 11))}
    assert states["first-callback"] is sc.CallbackState.DONE
    assert states["second-callback"] is sc.CallbackState.DONE


def test_the_plugins_periods_after_the_visit() -> None:
    assert (op.FIRST_CALLBACK_DAYS, op.SECOND_CALLBACK_DAYS) == ((1, 1), (14, 7))
    first, second = op.FIRST_CALLBACK.window(INSTALLATION), op.SECOND_CALLBACK.window(INSTALLATION)
    assert (first.first, first.last) == (pendulum.date(2026, 5, 20), pendulum.date(2026, 5, 22))
    assert (second.first, second.last) == (pendulum.date(2026, 5, 27), pendulum.date(2026, 6, 10))
    overdue = register().overdue(at(6, 11))
    assert [s.callback.rule.id for s in overdue] == [
        "pre-install-call",
        "reconfirm-call",
        "first-callback",
        "second-callback",
    ]


def test_an_organisation_sets_its_own_callback_periods() -> None:
    first, second = op.callback_rules(first=(2, 0), second=(30, 5))
    policy = op.service_levels((first, second))
    assert policy.callback_rule("second-callback").days == 30
    assert policy.callback_rule("second-callback").follows == "first-callback"
    assert policy.callback_rule("pre-install-call") is op.PRE_INSTALL_CALL


# The installation order (OP-02, OP-04 … OP-08) -------------------------------------------


def test_an_order_from_confirmation_to_the_second_callback(policy: sc.ServiceLevelPolicy) -> None:
    assert {s.id: s.cite.rule_id for s in op.INSTALLATION.playbook} == {
        "pre-install-call": "OP-02",
        "site-conditions": "OP-04",
        "reconfirm": "OP-05",
        "guide-visit": "OP-07",
        "photo": "OP-07",
        "gift": "OP-07",
        "adviser-visit": "OP-08",
    }
    case = policy.open_case("A-7731", "installation", "phone", "王女士", "小李", at(5, 17))
    case = case.take("pre-install-call", at(5, 17), by="小李")
    with pytest.raises(sc.UnknownChoiceError, match="known: ready, not-ready"):
        case.take("site-conditions", at(5, 17), by="小李", option="maybe")
    case = case.take("site-conditions", at(5, 17), by="小李", option="ready")
    assert [r.explain("en") for r in case.review(at(5, 18))] == [
        "Case A-7731: the playbook step Reconfirm the day before is not yet taken (OP-05)"
    ]
    case = case.take("reconfirm", at(5, 19), by="小李")
    assert case.review(at(5, 19)) == []  # the home visits of OP-07, OP-08 are not required
    with pytest.raises(sc.TransitionError) as skipped:
        case.advance("first-callback", at(5, 20), by="小李")
    assert skipped.value.rule_id == "OP-06"
    case = case.advance("install", at(5, 20, 9), by="安装师傅")
    case = case.advance("first-callback", at(5, 21), by="老周")
    case = case.advance("install", at(5, 23), by="安装师傅")  # the worktop was left over
    case = case.advance("first-callback", at(5, 24), by="老周")
    case = case.advance("second-callback", at(6, 3), by="小陈")
    visit = sc.Contact(
        "v1", "visit", at(6, 5), agent="导购小张", customer="王女士", direction="outbound"
    )
    case = case.add_contact(visit)
    case = case.take("guide-visit", at(6, 5), by="导购小张")
    case = case.take("photo", at(6, 5), by="导购小张")
    case = case.take("gift", at(6, 5), by="导购小张")
    case = case.take("adviser-visit", at(6, 6), by="设计师小刘", option="designer")
    closed = case.close(at(6, 6), by="小陈")
    assert closed.closed_at == at(6, 6)
    assert "王女士" not in json.dumps(closed.to_dict(), ensure_ascii=False)


def test_only_phone_and_home_visits(policy: sc.ServiceLevelPolicy) -> None:
    with pytest.raises(sc.UnknownChoiceError, match="known: phone, visit"):
        policy.open_case("A-1", "installation", "qq", "王女士", "小李", at(5, 17))


# Registers (OP-09, OP-10, OP-11) ---------------------------------------------------------


def test_the_information_confirmation_form_grows_with_each_new_issue() -> None:
    form = op.INFORMATION_FORM.register()
    form = form.add(
        at(4, 2),
        order=ORDER,
        customer="王丽",
        product="kitchen",
        stage="signing",
        issue="吊柜高度以现场实测为准",
    )
    form = form.add(
        at(5, 20, 15),
        order=ORDER,
        customer="王丽",
        product="kitchen",
        stage="installation",
        issue="台面未到，另约安装",
    )
    assert [e["stage"] for e in form] == ["signing", "installation"]
    assert form.rows()[0]["customer"] == "王**"
    assert form.format("zh_Hans").splitlines()[0] == "信息确认单（OP-09）"
    with pytest.raises(sc.RegisterError, match="not one of the choices: kitchen, wardrobe"):
        form.add(
            at(5, 21), order=ORDER, customer="王丽", product="sofa", stage="after-sales", issue="x"
        )


def test_weekly_installation_statistics_by_outcome() -> None:
    book = op.INSTALLATIONS.register(
        [
            op.INSTALLATIONS.entry(at(5, 18), order="A", product="kitchen", outcome="complete"),
            op.INSTALLATIONS.entry(at(5, 20), order=ORDER, product="kitchen", outcome="leftover"),
            op.INSTALLATIONS.entry(at(5, 22), order="B", product="wardrobe", outcome="complete"),
            op.INSTALLATIONS.entry(at(5, 26), order="C", product="kitchen", outcome="unfinished"),
        ]
    )
    weeks = op.weekly_installations(
        book, sc.DateRange(pendulum.date(2026, 5, 18), pendulum.date(2026, 5, 31)), TZ
    )
    assert weeks.interval is sc.ReportInterval.WEEK
    assert [(str(r.period.first), r.group, r.count) for r in weeks.rows] == [
        ("2026-05-18", "complete", 2),
        ("2026-05-18", "unfinished", 0),
        ("2026-05-18", "leftover", 1),
        ("2026-05-25", "complete", 0),
        ("2026-05-25", "unfinished", 1),
        ("2026-05-25", "leftover", 0),
    ]
    assert weeks.explain("en")[0] == "4 entries in May 18, 2026 to May 31, 2026 (OP-10)"


def test_the_daily_callback_register_is_filled_from_the_callbacks() -> None:
    callbacks = (
        register()
        .record(("pre-install-call", ORDER), at(5, 17), by="小李")
        .record(("reconfirm-call", ORDER), at(5, 19), by="小李")
        .record(("first-callback", ORDER), at(5, 21), by="老周", role="dispatcher")
    )
    log = op.callback_log(callbacks, feedback=[(f"first-callback/{ORDER}/2026-05-20", "很满意")])
    assert [(e["callback"], e["agent"], e["role"], e["feedback"]) for e in log] == [
        ("pre-install-call", "小李", None, None),
        ("reconfirm-call", "小李", None, None),
        ("first-callback", "老周", "dispatcher", "很满意"),
    ]
    days = op.daily_callbacks(
        log, sc.DateRange(pendulum.date(2026, 5, 17), pendulum.date(2026, 5, 21)), TZ
    )
    assert days.interval is sc.ReportInterval.DAY
    assert days.counts() == {
        sc.DateRange(pendulum.date(2026, 5, d), pendulum.date(2026, 5, d)): n
        for d, n in ((17, 1), (18, 0), (19, 1), (20, 0), (21, 1))
    }
    assert days.explain("zh_Hans")[0].endswith("（OP-11）")


def test_reports_take_the_right_register() -> None:
    with pytest.raises(sc.ValidationError, match="not the installations"):
        op.weekly_installations(op.CALLBACK_LOG.register(), sc.Month(2026, 5), TZ)
    with pytest.raises(sc.ValidationError, match="not the callback register"):
        op.daily_callbacks(op.INSTALLATIONS.register(), sc.Month(2026, 5), TZ)


# The command line ------------------------------------------------------------------------


def test_inspect_lists_the_calls() -> None:
    for args, needle in ((["--locale", "en"], "(OP-02)"), (["--json"], "OP-06")):
        stdout = run_cli("inspect", "oppein-install", *args)
        assert needle in stdout
