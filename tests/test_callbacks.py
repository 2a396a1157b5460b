"""Callbacks (回访): the enterprise handbook's monthly callback per brand account (EH-13,
AMB-51), Oppein's calls 3 days (±1, AMB-54) and 1 day before an installation (OP-02,
OP-05) and its two callbacks after installation, dispatcher first, CS specialist second
(OP-06), the hospital desk's follow-up call to each day's patients (HD-38, AMB-13); due,
overdue, done, done late and done too early, by the organisation's calendar days."""

from __future__ import annotations

import datetime as _dt

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._callbacks import (
    CallbackError,
    CallbackKind,
    CallbackRegister,
    CallbackRoleError,
    CallbackRule,
    CallbackState,
    DuplicateCallbackError,
    NotScheduledError,
)

TZ = "Asia/Shanghai"
CAL = sc.BusinessCalendar(TZ, "CN")
EH = sc.Source("003 客户服务部运行手册")
OP = sc.Source("003 客户服务管理客服流程和规范PPT课件")
HD = sc.Source("001 篇4")


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


def at(y: int, m: int, d: int, hour: int = 10, minute: int = 0, tz: str = TZ) -> pendulum.DateTime:
    return pendulum.datetime(y, m, d, hour, minute, tz=tz)


MONTHLY = CallbackRule(
    "monthly",
    text("Monthly brand callback", "品牌月度回访"),
    EH("EH-13", "七.1–3"),
    CallbackKind.MONTHLY,
)
PRE_INSTALL = CallbackRule(
    "pre-install",
    text("Pre-installation call", "安装前电话"),
    OP("OP-02", "关键要点; AMB-54"),
    "before",
    days=3,
    tolerance=1,
)
RECONFIRM = CallbackRule(
    "reconfirm",
    text("Reconfirmation call", "上门前确认"),
    OP("OP-05", "关键要点"),
    CallbackKind.BEFORE,
    days=1,
)
FIRST = CallbackRule(
    "first-callback",
    text("First callback", "第一次回访"),
    OP("OP-06", "二次回访机制"),
    CallbackKind.AFTER,
    days=1,
    role="dispatcher",
)
SECOND = CallbackRule(
    "second-callback",
    text("Second callback after use", "使用后第二次回访"),
    OP("OP-06", "二次回访机制"),
    CallbackKind.AFTER,
    days=14,
    tolerance=7,
    role="cs-specialist",
    follows="first-callback",
)
PATIENTS = CallbackRule(
    "patient-follow-up",
    text("Patient follow-up call", "就诊患者电话回访"),
    HD("HD-38", ".7; AMB-13"),
    CallbackKind.AFTER,
    days=1,
)

BRANDS = CallbackRegister(CAL, [MONTHLY])
OPPEIN = CallbackRegister(TZ, [PRE_INSTALL, RECONFIRM, FIRST, SECOND])
INSTALLATION = pendulum.date(2026, 5, 20)  # a Wednesday


# -- EH-13: once per brand account per calendar month ------------------------------------


def march_brands() -> CallbackRegister:
    register = BRANDS
    for brand in ("brand-a", "brand-b", "brand-c"):
        register = register.schedule("monthly", brand, sc.Month(2026, 3))
    return register


def test_monthly_window_is_the_calendar_month() -> None:
    callback = march_brands().callback("monthly/brand-a/2026-03")
    assert callback.window == sc.DateRange(pendulum.date(2026, 3, 1), pendulum.date(2026, 3, 31))
    assert callback.due_from == at(2026, 3, 1, 0)
    assert callback.due_until == at(2026, 4, 1, 0)
    assert callback.event is None


def test_monthly_statuses_through_the_month() -> None:
    register = march_brands()
    register = register.record(("monthly", "brand-a"), at(2026, 3, 12), by="li", note="no issues")
    register = register.record("monthly/brand-c/2026-03", at(2026, 4, 3), by="wang")
    mid = {s.callback.customer: s for s in register.status(at(2026, 3, 20))}
    assert mid["brand-a"].state is CallbackState.DONE
    assert mid["brand-b"].state is CallbackState.DUE
    assert mid["brand-b"].days == 11  # 21 … 31 March left after today
    # brand-c is recorded on 3 April: on 20 March it is not made yet
    assert mid["brand-c"].state is CallbackState.DUE
    april = {s.callback.customer: s for s in register.status(at(2026, 4, 5))}
    assert april["brand-a"].state is CallbackState.DONE
    assert april["brand-b"].state is CallbackState.OVERDUE
    assert april["brand-b"].days == 5
    assert april["brand-c"].state is CallbackState.DONE_LATE
    assert april["brand-c"].days == 3
    assert april["brand-c"].explain("en") == (
        "Monthly brand callback for brand-c was made on Apr 3, 2026 by wang, 3 days late "
        "(March 2026) (EH-13)"
    )
    assert april["brand-b"].reason.cite == EH("EH-13", "七.1–3")
    assert [s.callback.customer for s in register.overdue(at(2026, 4, 5))] == ["brand-b"]
    assert register.callback("monthly/brand-a/2026-03").note == "no issues"


def test_each_month_is_scheduled_on_its_own() -> None:
    register = BRANDS
    for month in (sc.Month(2026, 3), sc.Month(2026, 4)):
        register = register.schedule(MONTHLY, "brand-a", month)
    register = register.record(("monthly", "brand-a"), at(2026, 3, 30), by="li")
    # the March callback is the one recorded; April's is left
    assert register.callback("monthly/brand-a/2026-03").done
    assert not register.callback("monthly/brand-a/2026-04").done
    register = register.record(("monthly", "brand-a"), at(2026, 4, 2), by="li")
    assert all(s.state is CallbackState.DONE for s in register.status(at(2026, 5, 1)))


def test_a_second_monthly_callback_for_the_same_account_and_month_is_refused() -> None:
    register = march_brands()
    with pytest.raises(DuplicateCallbackError, match=r"brand-a already has a monthly callback"):
        register.schedule("monthly", "brand-a", sc.Month(2026, 3), id="another-id")
    with pytest.raises(DuplicateCallbackError, match="this id is scheduled"):
        register.schedule("monthly", "brand-d", sc.Month(2026, 3), id="monthly/brand-a/2026-03")


def test_the_calendar_day_is_the_organisations() -> None:
    register = march_brands()
    # 23:30 on 31 March in Shanghai, given in UTC: still March
    late_evening = pendulum.datetime(2026, 3, 31, 15, 30, tz="UTC")
    # 00:30 on 1 April in Shanghai, given in UTC: April, a day late
    after_midnight = pendulum.datetime(2026, 3, 31, 16, 30, tz="UTC")
    register = register.record(("monthly", "brand-a"), late_evening, by="li")
    register = register.record(("monthly", "brand-b"), after_midnight, by="li")
    states = {s.callback.customer: s.state for s in register.status(at(2026, 4, 2))}
    assert states["brand-a"] is CallbackState.DONE
    assert states["brand-b"] is CallbackState.DONE_LATE
    # the same moments in a register kept in UTC are both in March
    utc = CallbackRegister("UTC", [MONTHLY]).schedule("monthly", "brand-b", sc.Month(2026, 3))
    utc = utc.record(("monthly", "brand-b"), after_midnight, by="li")
    assert utc.status(at(2026, 4, 2))[0].state is CallbackState.DONE


# -- OP-02, OP-05: before the installation ----------------------------------------------


def test_calls_before_an_installation() -> None:
    register = OPPEIN.schedule_all([PRE_INSTALL, "reconfirm"], "order-7731", INSTALLATION)
    pre = register.callback("pre-install/order-7731/2026-05-20")
    confirm = register.callback("reconfirm/order-7731/2026-05-20")
    # OP-02: 3 days before the 20th, ±1 day (AMB-54); OP-05: the day before
    assert pre.window == sc.DateRange(pendulum.date(2026, 5, 16), pendulum.date(2026, 5, 18))
    assert confirm.window == sc.DateRange(pendulum.date(2026, 5, 19), pendulum.date(2026, 5, 19))
    upcoming = {s.callback.rule.id: s for s in register.status(at(2026, 5, 15))}
    assert upcoming["pre-install"].state is CallbackState.UPCOMING
    assert upcoming["pre-install"].days == 1
    assert upcoming["reconfirm"].days == 4
    on_19 = {s.callback.rule.id: s for s in register.status(at(2026, 5, 19, 8))}
    assert on_19["pre-install"].state is CallbackState.OVERDUE
    assert on_19["reconfirm"].state is CallbackState.DUE
    assert on_19["reconfirm"].explain("en") == (
        "Reconfirmation call for order-7731 is due, 0 days left (May 19, 2026) (OP-05)"
    )


@pytest.mark.parametrize(
    ("called", "state", "days"),
    [
        (pendulum.date(2026, 5, 15), CallbackState.DONE_EARLY, 1),
        (pendulum.date(2026, 5, 16), CallbackState.DONE, 0),
        (pendulum.date(2026, 5, 17), CallbackState.DONE, 0),
        (pendulum.date(2026, 5, 18), CallbackState.DONE, 0),
        (pendulum.date(2026, 5, 19), CallbackState.DONE_LATE, 1),
    ],
)
def test_about_three_days_before_is_one_day_either_side(
    called: pendulum.Date, state: CallbackState, days: int
) -> None:
    register = OPPEIN.schedule(PRE_INSTALL, "order-7731", INSTALLATION)
    register = register.record(
        ("pre-install", "order-7731"), at(called.year, called.month, called.day), by="zhao"
    )
    status = register.status(at(2026, 5, 25))[0]
    assert (status.state, status.days) == (state, days)
    assert status.state.done


def test_too_early_is_said() -> None:
    register = OPPEIN.schedule(PRE_INSTALL, "order-7731", INSTALLATION)
    register = register.record(("pre-install", "order-7731"), at(2026, 5, 13), by="zhao")
    assert register.status(at(2026, 5, 21))[0].explain("en") == (
        "Pre-installation call for order-7731 was made on May 13, 2026 by zhao, 3 days before "
        "its window (May 16, 2026 to May 18, 2026) (OP-02)"
    )


def test_an_installation_given_as_an_instant_falls_on_the_local_day() -> None:
    # 01:00 on 20 May in Shanghai is still 19 May in UTC
    moment = pendulum.datetime(2026, 5, 19, 17, tz="UTC")
    register = OPPEIN.schedule(RECONFIRM, "order-7731", moment)
    callback = register.callbacks[0]
    assert callback.event == INSTALLATION
    assert callback.window.first == pendulum.date(2026, 5, 19)


# -- OP-06: dispatcher first, CS specialist second, after use ----------------------------


def installed() -> CallbackRegister:
    return OPPEIN.schedule_all(["first-callback", "second-callback"], "order-7731", INSTALLATION)


def test_two_callbacks_after_installation() -> None:
    register = installed()
    second = register.callback("second-callback/order-7731/2026-05-20")
    assert second.window == sc.DateRange(pendulum.date(2026, 5, 27), pendulum.date(2026, 6, 10))
    register = register.record(
        ("first-callback", "order-7731"), at(2026, 5, 21), by="zhou", role="dispatcher"
    )
    register = register.record(
        ("second-callback", "order-7731"), at(2026, 6, 1), by="li", role="cs-specialist"
    )
    assert [s.state for s in register.status(at(2026, 6, 2))] == [CallbackState.DONE] * 2
    assert register.callback("second-callback/order-7731/2026-05-20").role == "cs-specialist"


def test_the_callback_is_made_in_the_rules_role() -> None:
    register = installed()
    with pytest.raises(CallbackRoleError, match=r"made by the dispatcher \(OP-06\)") as caught:
        register.record(
            ("first-callback", "order-7731"), at(2026, 5, 21), by="li", role="cs-specialist"
        )
    assert caught.value.rule_id == "OP-06"
    assert isinstance(caught.value, sc.ServiceCodexError)
    with pytest.raises(CallbackRoleError):
        register.record(("first-callback", "order-7731"), at(2026, 5, 21), by="li")


def test_the_second_callback_waits_for_the_first() -> None:
    register = installed()
    with pytest.raises(CallbackError, match="first-callback callback for order-7731 is not made"):
        register.record(
            ("second-callback", "order-7731"), at(2026, 6, 1), by="li", role="cs-specialist"
        )
    # the first one recorded later than the second's moment does not count either
    register = register.record(
        ("first-callback", "order-7731"), at(2026, 6, 2), by="zhou", role="dispatcher"
    )
    with pytest.raises(CallbackError, match="it comes first"):
        register.record(
            ("second-callback", "order-7731"), at(2026, 6, 1), by="li", role="cs-specialist"
        )


# -- HD-38: each day's patients -----------------------------------------------------------


def test_each_days_patients_are_called_back() -> None:
    register = CallbackRegister(CAL, [PATIENTS])
    for patient in ("P-0301", "P-0302", "P-0303"):
        register = register.schedule(PATIENTS, patient, at(2026, 3, 2, 9))
    register = register.schedule(PATIENTS, "P-0304", pendulum.date(2026, 3, 3))
    register = register.record(("patient-follow-up", "P-0301"), at(2026, 3, 3, 16), by="nurse-he")
    overdue = register.overdue(at(2026, 3, 5))
    assert [(s.callback.customer, s.days) for s in overdue] == [
        ("P-0302", 2),
        ("P-0303", 2),
        ("P-0304", 1),
    ]
    assert overdue[0].explain("en") == (
        "Patient follow-up call for P-0302 is overdue by 2 days (Mar 3, 2026) (HD-38)"
    )


# -- bad input ----------------------------------------------------------------------------


def test_recording_what_is_not_scheduled() -> None:
    register = march_brands()
    with pytest.raises(NotScheduledError, match="no monthly callback is scheduled for brand-z"):
        register.record(("monthly", "brand-z"), at(2026, 3, 3), by="li")
    with pytest.raises(LookupError):
        register.record("monthly/brand-a/2026-04", at(2026, 4, 3), by="li")
    with pytest.raises(sc.ValidationError, match="callback rule: unknown; known: monthly"):
        register.record(("weekly", "brand-a"), at(2026, 3, 3), by="li")
    with pytest.raises(sc.ValidationError, match="a callback id or a"):
        register.record(("monthly",), at(2026, 3, 3), by="li")  # type: ignore[arg-type]


def test_recording_twice() -> None:
    register = march_brands().record(("monthly", "brand-a"), at(2026, 3, 3), by="li")
    with pytest.raises(DuplicateCallbackError, match="already recorded as made"):
        register.record("monthly/brand-a/2026-03", at(2026, 3, 4), by="wang")
    with pytest.raises(DuplicateCallbackError, match="already recorded"):
        register.record(("monthly", "brand-a"), at(2026, 3, 4), by="wang")


def test_naive_datetimes_are_refused() -> None:
    naive = _dt.datetime(2026, 3, 3, 10)
    register = march_brands()
    with pytest.raises(sc.NaiveDateTimeError):
        register.record(("monthly", "brand-a"), naive, by="li")
    with pytest.raises(sc.NaiveDateTimeError):
        register.status(naive)
    with pytest.raises(sc.NaiveDateTimeError):
        OPPEIN.schedule(PRE_INSTALL, "order-1", naive)


def test_the_wrong_kind_of_day() -> None:
    with pytest.raises(sc.ValidationError, match="needs a Month"):
        BRANDS.schedule("monthly", "brand-a", pendulum.date(2026, 3, 1))
    with pytest.raises(sc.ValidationError, match="needs the day of the appointment"):
        OPPEIN.schedule("reconfirm", "order-1", sc.Month(2026, 5))
    with pytest.raises(sc.ValidationError, match="non-blank"):
        BRANDS.schedule("monthly", " ", sc.Month(2026, 3))
    with pytest.raises(sc.ValidationError, match="name the agent"):
        march_brands().record(("monthly", "brand-a"), at(2026, 3, 3), by="")


def test_several_open_callbacks_are_told_apart_by_their_window() -> None:
    register = OPPEIN.schedule(RECONFIRM, "cust-1", pendulum.date(2026, 5, 20))
    register = register.schedule(RECONFIRM, "cust-1", pendulum.date(2026, 6, 20))
    register = register.record(("reconfirm", "cust-1"), at(2026, 6, 19), by="li")
    assert register.callback("reconfirm/cust-1/2026-06-20").done
    with pytest.raises(CallbackError, match="several callbacks match; give the id"):
        register.schedule(RECONFIRM, "cust-1", pendulum.date(2026, 7, 20)).record(
            ("reconfirm", "cust-1"), at(2026, 5, 1), by="li"
        )


def test_rules_are_checked() -> None:
    name = text("Call", "电话")
    cite = OP("OP-02", "关键要点")
    with pytest.raises(sc.PolicyError, match="1 day or more"):
        CallbackRule("call", name, cite, "before", days=0)
    with pytest.raises(sc.PolicyError, match="reach the appointment's day"):
        CallbackRule("call", name, cite, "before", days=1, tolerance=1)
    with pytest.raises(sc.PolicyError, match="start before the event"):
        CallbackRule("call", name, cite, "after", days=1, tolerance=2)
    with pytest.raises(sc.PolicyError, match="calendar month"):
        CallbackRule("call", name, cite, "monthly", days=1)
    with pytest.raises(sc.PolicyError, match="unknown; use one of monthly, before, after"):
        CallbackRule("call", name, cite, "weekly")
    with pytest.raises(sc.PolicyError, match="follow itself"):
        CallbackRule("call", name, cite, "after", days=2, follows="call")
    with pytest.raises(sc.PolicyError, match="not a callback rule of this register"):
        CallbackRegister(TZ, [SECOND])
    with pytest.raises(sc.PolicyError, match="duplicate id"):
        CallbackRegister(TZ, [MONTHLY, MONTHLY])
    with pytest.raises(sc.PolicyError, match="IANA"):
        CallbackRegister("Mars/Olympus", [MONTHLY])
    with pytest.raises(sc.ValidationError, match="differs from this register's rule"):
        BRANDS.schedule(attrs.evolve(MONTHLY, cite=cite), "brand-a", sc.Month(2026, 3))


def test_the_register_is_a_value() -> None:
    before = march_brands()
    after = before.record(("monthly", "brand-a"), at(2026, 3, 3), by="li")
    assert not before.callback("monthly/brand-a/2026-03").done
    assert after.callback("monthly/brand-a/2026-03").done
    assert before != after
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        before.callbacks = ()  # type: ignore[misc]


def test_rules_in_words() -> None:
    assert [r.explain("en") for r in SECOND.describe()] == [
        "Second callback after use: 14 days after the event, give or take 7 days (OP-06)",
        "Second callback after use: made by the cs-specialist (OP-06)",
        "Second callback after use: only after the first-callback callback is made (OP-06)",
    ]
    # With the role's name, the name is shown, not the id.
    named = attrs.evolve(SECOND, role_name=sc.Text(en="CS specialist", zh_Hans="客服专员"))
    assert named.describe()[1].explain("zh_Hans") == "使用后第二次回访：由客服专员负责（OP-06）"
    assert named.describe()[1].explain("en") == (
        "Second callback after use: made by the CS specialist (OP-06)"
    )
    with pytest.raises(sc.PolicyError, match="names no role"):
        attrs.evolve(MONTHLY, role_name=sc.Text(en="Dispatcher", zh_Hans="调度"))
    assert [r.explain("en") for r in MONTHLY.describe()] == [
        "Monthly brand callback: once per account each calendar month (EH-13)"
    ]
    assert RECONFIRM.describe()[0].explain("en") == (
        "Reconfirmation call: 1 day before the appointment (OP-05)"
    )
    assert CallbackState.DONE_EARLY.localize("en") == "done too early"


# -- properties ---------------------------------------------------------------------------


@st.composite
def valid_rules(draw: st.DrawFn) -> CallbackRule:
    kind = draw(st.sampled_from(["before", "after"]))
    days = draw(st.integers(1 if kind == "before" else 0, 30))
    tolerance = draw(st.integers(0, days - 1 if kind == "before" else days))
    return CallbackRule(
        "r", text("Call", "电话"), OP("OP-02", "x"), kind, days=days, tolerance=tolerance
    )


moments = st.datetimes(
    min_value=_dt.datetime(2026, 1, 1), max_value=_dt.datetime(2026, 12, 31)
).map(lambda d: pendulum.instance(d, tz="UTC"))
events = st.dates(min_value=_dt.date(2026, 2, 1), max_value=_dt.date(2026, 11, 30))
zones = st.sampled_from(["Asia/Shanghai", "UTC", "America/New_York", "Pacific/Kiritimati"])


@settings(max_examples=200, deadline=None)
@given(valid_rules(), events, moments, zones)
def test_an_open_callbacks_state_follows_its_window_instants(
    rule: CallbackRule, event: _dt.date, moment: pendulum.DateTime, zone: str
) -> None:
    """Whatever zone the moment is given in, an unmade callback is upcoming before its
    window's local midnight, overdue from the midnight after it, due in between; a
    window before an appointment never reaches the appointment's day, one after an
    event never starts before it."""
    register = CallbackRegister(zone, [rule]).schedule(rule, "c", event)
    callback = register.callbacks[0]
    status = callback.status(moment)
    if moment < callback.due_from:
        assert status.state is CallbackState.UPCOMING
    elif moment >= callback.due_until:
        assert status.state is CallbackState.OVERDUE
    else:
        assert status.state is CallbackState.DUE
    assert status.days >= 0
    if rule.kind is CallbackKind.BEFORE:
        assert callback.window.last < event
    else:
        assert callback.window.first >= event
    assert len(callback.window) == 2 * rule.tolerance + 1


@settings(max_examples=200, deadline=None)
@given(valid_rules(), events, moments, zones)
def test_a_made_callback_is_on_time_exactly_within_its_window(
    rule: CallbackRule, event: _dt.date, moment: pendulum.DateTime, zone: str
) -> None:
    register = CallbackRegister(zone, [rule]).schedule(rule, "c", event)
    register = register.record(("r", "c"), moment, by="li")
    status = register.status(moment)[0]
    callback = register.callbacks[0]
    on_time = callback.due_from <= moment < callback.due_until
    assert (status.state is CallbackState.DONE) == on_time
    assert status.state.done
    assert (status.days == 0) == on_time
    # before it was made, it was not done
    assert not register.status(moment.subtract(microseconds=1))[0].state.done
