"""Service-level targets, escalation chains and the report of one case at a moment, with
the regulations' numbers: EH-04 (24 h), EH-05 (complaints in 48 h), EH-06 (email in
24 h), JW-12 (3 rings), TB-45 (more than 5 rings), TB-79 (message, then phone after 48 h
of silence)."""

from __future__ import annotations

import datetime as dt

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import servicecodex as sc

EH_02 = sc.Citation("EH-02", "003 服务途径")
EH_03 = sc.Citation("EH-03", "003 服务时间")
EH_04 = sc.Citation("EH-04", "003 服务水平")
EH_05 = sc.Citation("EH-05", "003 服务水平")
EH_06 = sc.Citation("EH-06", "003 服务水平")
GM_06 = sc.Citation("GM-06", "精美客户服务管理…ppt")
JW_12 = sc.Citation("JW-12", "000 篇2 第四條.1")
TB_45 = sc.Citation("TB-45", "002 P2 2.4)")
TB_79 = sc.Citation("TB-79", "002 P1 四.2(2)")
TB_52 = sc.Citation("TB-52", "002 P1 二.1")

SH = "Asia/Shanghai"
PHONE, EMAIL, CHAT, SMS = sc.Channel.PHONE, sc.Channel.EMAIL, sc.Channel.ONLINE_CHAT, sc.Channel.SMS
HOURS = dt.timedelta(hours=1)
T0 = pendulum.datetime(2026, 3, 2, 9, tz=SH)  # a Monday


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


WORKFLOW = sc.Workflow(
    [
        sc.WorkflowStep(step, text(step, zh))
        for step, zh in (
            ("receive", "接收投诉"),
            ("analyse", "分析投诉"),
            ("handle", "处理投诉"),
            ("reply", "回复客户"),
        )
    ],
    GM_06,
)
CATEGORIES = (
    sc.CaseCategory("complaint", text("Complaint", "投诉"), EH_05),
    sc.CaseCategory("question", text("Question", "咨询"), EH_04),
    sc.CaseCategory("severe-review", text("Severe review", "严重差评"), TB_79),
)
CASES = sc.CaseRules([PHONE, EMAIL, CHAT, SMS], CATEGORIES, WORKFLOW)
REVIEW_CHAIN = sc.EscalationChain(
    "severe-review",
    text("Severe review", "严重差评"),
    TB_79,
    ["severe-review"],
    [
        sc.EscalationStep(text("message the buyer", "旺旺留言并发短信"), [CHAT, SMS]),
        sc.EscalationStep(
            text("phone the buyer", "电话沟通"),
            [PHONE],
            after=48 * HOURS,
            unless_answered=True,
            clock=sc.Clock.CALENDAR,
        ),
    ],
)


def handbook(hours: sc.BusinessHours | None = None) -> sc.ServiceLevelPolicy:
    """The enterprise handbook's levels, with a Taobao-style rings rule and review chain."""
    return sc.ServiceLevelPolicy(
        [PHONE, EMAIL, CHAT, SMS],
        EH_02,
        [
            sc.ResponseTarget(None, EH_04, first_response=24 * HOURS, next_response=24 * HOURS),
            sc.ResponseTarget(EMAIL, EH_06, first_response=24 * HOURS),
            sc.ResponseTarget(None, EH_05, resolution=48 * HOURS, category="complaint"),
            sc.ResponseTarget(PHONE, TB_45, rings=5, violation="unanswered-rings"),
        ],
        hours=hours or sc.BusinessHours.always(SH, cite=EH_03),
        cases=CASES,
        escalations=[REVIEW_CHAIN],
    )


def contact(
    ident: str,
    at: pendulum.DateTime,
    *,
    channel: sc.Channel = PHONE,
    outbound: bool = False,
    agent: str = "A-1",
    wait: dt.timedelta | None = None,
    customer: str = "13812345678",
) -> sc.Contact:
    direction = sc.Direction.OUTBOUND if outbound else sc.Direction.INBOUND
    return sc.Contact(ident, channel, at, agent, customer, "", direction=direction, wait=wait)


def complaint(policy: sc.ServiceLevelPolicy, wait: int = 10) -> sc.Case:
    first = contact("k1", T0, wait=dt.timedelta(seconds=wait))
    return policy.open_case("C-1", "complaint", PHONE, "13812345678", "A-1", T0, first)


# -- targets -----------------------------------------------------------------------------


def test_the_most_specific_target_sets_each_deadline() -> None:
    policy = handbook()
    email_first = policy.target_for(sc.SlaKind.FIRST_RESPONSE, EMAIL, "complaint")
    phone_first = policy.target_for(sc.SlaKind.FIRST_RESPONSE, PHONE, "complaint")
    resolution = policy.target_for(sc.SlaKind.RESOLUTION, EMAIL, "complaint")
    assert email_first is not None
    assert email_first.cite.rule_id == "EH-06"
    assert phone_first is not None
    assert phone_first.cite.rule_id == "EH-04"
    assert resolution is not None
    assert resolution.cite.rule_id == "EH-05"
    assert policy.target_for(sc.SlaKind.RESOLUTION, EMAIL, "question") is None


def test_rings_become_seconds_at_the_policy_rate() -> None:
    jw = sc.ServiceLevelPolicy([PHONE], JW_12, [sc.ResponseTarget(PHONE, JW_12, rings=3)])
    assert jw.answer_within(PHONE) == dt.timedelta(seconds=15)
    slow = sc.ServiceLevelPolicy(
        [PHONE], JW_12, [sc.ResponseTarget(PHONE, JW_12, rings=3)], seconds_per_ring=6
    )
    assert slow.answer_within() == dt.timedelta(seconds=18)
    with pytest.raises(sc.ValidationError, match="no rings target"):
        handbook().answer_within(EMAIL)


def test_a_target_must_name_a_known_category_and_a_served_channel() -> None:
    with pytest.raises(sc.PolicyError, match="not a category"):
        sc.ServiceLevelPolicy(
            [PHONE],
            EH_02,
            [sc.ResponseTarget(None, EH_05, resolution=48 * HOURS, category="refund")],
            cases=sc.CaseRules([PHONE], CATEGORIES, WORKFLOW),
        )
    with pytest.raises(sc.PolicyError, match="not a channel this organisation serves"):
        sc.ServiceLevelPolicy([PHONE], EH_02, cases=CASES)
    with pytest.raises(sc.PolicyError, match="give rings"):
        sc.ResponseTarget(None, EH_04)
    with pytest.raises(sc.PolicyError, match="positive timedelta"):
        sc.ResponseTarget(None, EH_04, resolution=-HOURS)


def test_unknown_channels_are_refused_with_the_served_ones() -> None:
    policy = handbook()
    assert policy.channel("sms") is SMS
    with pytest.raises(sc.ValidationError, match="use one of phone, email, online_chat, sms"):
        policy.channel("pigeon")
    with pytest.raises(sc.ValidationError, match="use one of"):
        policy.channel(sc.Channel.FAX)


def test_unknown_categories_are_refused() -> None:
    with pytest.raises(sc.ValidationError, match="complaint, question, severe-review"):
        handbook().open_case("C-9", "refund", PHONE, "c", "A-1", T0)


# -- the report --------------------------------------------------------------------------


def test_a_complaint_met_in_time() -> None:
    policy = handbook()
    case = complaint(policy)
    case = case.add_contact(contact("k2", T0 + 2 * HOURS, outbound=True))
    for hour, step in ((3, "analyse"), (4, "handle"), (30, "reply")):
        case = case.advance(step, T0 + hour * HOURS, "A-1")
    case = case.close(T0 + 40 * HOURS, "A-1", "refund sent")
    report = policy.report(case, T0 + 60 * HOURS)
    assert [i.status for i in report.items] == [sc.SlaStatus.MET] * 3
    assert report.breached() == ()
    assert report.explain("en")[1] == (
        "Case C-1: first response by Mar 2, 2026, 11:00:00\u202fAM, "
        "due Mar 3, 2026, 9:00:00\u202fAM: met (EH-04)"
    )


def test_the_eh05_breach_is_dated_and_measured() -> None:
    policy = handbook()
    case = complaint(policy).add_contact(contact("k2", T0 + HOURS, outbound=True))
    report = policy.report(case, T0 + 50 * HOURS)
    (late,) = report.breached()
    assert late.kind is sc.SlaKind.RESOLUTION
    assert late.due == T0 + 48 * HOURS
    assert late.late_by == 2 * HOURS
    assert late.reason.explain("zh_Hans").endswith("（EH-05）")
    # Before the deadline the same item is only due.
    early = policy.report(case, T0 + 47 * HOURS)
    assert [i.kind for i in early.due()] == [sc.SlaKind.RESOLUTION]


def test_seven_rings_breach_tb45_and_become_a_violation() -> None:
    policy = handbook()
    case = complaint(policy, wait=32)  # 32 s at 5 s a ring: the 7th ring
    report = policy.report(case, T0 + HOURS)
    (rings,) = report.breached()
    assert rings.kind is sc.SlaKind.ANSWER
    assert rings.late_by == dt.timedelta(seconds=7)
    assert "answered after 7 rings (32 s), more than 5" in rings.reason.explain("en")
    (violation,) = report.violations()
    assert (violation.agent_id, violation.code) == ("A-1", "unanswered-rings")
    assert violation.at == T0 + dt.timedelta(seconds=25)
    # The same report recorded twice counts once: its ids are stable.
    assert report.violations() == policy.report(case, T0 + HOURS).violations()


def test_five_rings_are_within_the_target() -> None:
    report = handbook().report(complaint(handbook(), wait=25), T0 + HOURS)
    assert report.items[0].status is sc.SlaStatus.MET


def test_every_next_response_is_timed() -> None:
    policy = handbook()
    case = complaint(policy)
    case = case.add_contact(contact("k2", T0 + HOURS, outbound=True))
    case = case.add_contact(contact("k3", T0 + 3 * HOURS, channel=CHAT))
    case = case.add_contact(contact("k4", T0 + 30 * HOURS, channel=CHAT, outbound=True))
    items = list(policy.report(case, T0 + 31 * HOURS).items)
    nxt = [i for i in items if i.kind is sc.SlaKind.NEXT_RESPONSE]
    assert len(nxt) == 1
    assert nxt[0].status is sc.SlaStatus.BREACHED
    assert nxt[0].late_by == 3 * HOURS
    assert nxt[0].contact_id == "k3"


def test_waiting_on_the_customer_stops_the_clock() -> None:
    policy = handbook()
    case = complaint(policy).add_contact(contact("k2", T0 + HOURS, outbound=True))
    case = case.wait_on_customer(T0 + 2 * HOURS)
    case = case.add_contact(contact("k3", T0 + 12 * HOURS))  # the customer answers
    report = policy.report(case, T0 + 50 * HOURS)
    resolution = next(i for i in report.items if i.kind is sc.SlaKind.RESOLUTION)
    assert resolution.due == T0 + 58 * HOURS
    assert resolution.status is sc.SlaStatus.DUE


def test_business_hours_move_the_deadline() -> None:
    # A desk open 09:00-12:00 and 13:30-18:00 on weekdays (7.5 hours a day): 24 business
    # hours from Monday 09:00 are three full days and 1.5 hours of Thursday.
    hours = sc.BusinessHours.weekdays(SH, ["09:00-12:00", "13:30-18:00"], cite=EH_03)
    policy = handbook(hours)
    case = complaint(policy)
    report = policy.report(case, T0 + HOURS)
    first = next(i for i in report.items if i.kind is sc.SlaKind.FIRST_RESPONSE)
    assert first.due == pendulum.datetime(2026, 3, 5, 10, 30, tz=SH)
    assert hours.within(first.due)


def test_a_report_before_the_case_opened_is_refused() -> None:
    policy = handbook()
    with pytest.raises(sc.ValidationError, match="before case C-1 opened"):
        policy.report(complaint(policy), T0 - HOURS)
    with pytest.raises(sc.NaiveDateTimeError):
        policy.report(complaint(policy), dt.datetime(2026, 3, 2, 12))


# -- escalation chains (TB-79) -----------------------------------------------------------


BUYER = "tb_buyer_77"


def steps(report: sc.SlaReport) -> list[sc.SlaItem]:
    return [i for i in report.items if i.kind is sc.SlaKind.ESCALATION]


def review_case(policy: sc.ServiceLevelPolicy) -> sc.Case:
    case = policy.open_case("R-1", "severe-review", CHAT, BUYER, "A-2", T0)
    return case.add_contact(
        contact("m1", T0 + HOURS, channel=SMS, outbound=True, agent="A-2", customer=BUYER)
    )


def test_the_phone_falls_due_48_hours_after_the_message() -> None:
    policy = handbook()
    report = policy.report(review_case(policy), T0 + 20 * HOURS)
    message, phone = steps(report)
    assert message.status is sc.SlaStatus.MET
    assert phone.status is sc.SlaStatus.DUE
    assert phone.due == T0 + 49 * HOURS
    assert "unless the customer answers" in phone.reason.explain("en")


def test_an_answer_ends_the_chain() -> None:
    policy = handbook()
    case = review_case(policy).add_contact(
        contact("m2", T0 + 30 * HOURS, channel=CHAT, customer=BUYER)
    )
    _message, phone = steps(policy.report(case, T0 + 60 * HOURS))
    assert phone.status is sc.SlaStatus.ENDED
    assert phone.contact_id == "m2"


def test_the_phone_call_is_taken_after_the_silence() -> None:
    policy = handbook()
    case = review_case(policy).add_contact(
        contact("m3", T0 + 50 * HOURS, outbound=True, agent="A-2", customer=BUYER)
    )
    items = steps(policy.report(case, T0 + 60 * HOURS))
    assert items[-1].status is sc.SlaStatus.MET
    assert items[-1].contact_id == "m3"


def test_the_policy_describes_itself() -> None:
    lines = [r.explain("en") for r in handbook().describe_all()]
    assert "Every channel: first response within 24 hours (EH-04)" in lines
    assert "Phone: answer within 5 rings (TB-45)" in lines
    assert "A ring is counted as 5 seconds (TB-45)" in lines
    assert any("Step 2: phone the buyer" in line for line in lines)


def test_the_report_as_json_holds_no_customer_data() -> None:
    policy = handbook()
    data = policy.report(complaint(policy, wait=32), T0 + HOURS).to_json()
    assert data["schema"] == "servicecodex.sla/1"
    assert "13812345678" not in repr(data)


@given(st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=4))
def test_pauses_never_bring_the_resolution_deadline_forward(waits: list[int]) -> None:
    policy = handbook(sc.BusinessHours.weekdays(SH, ["09:00-12:00", "13:30-18:00"]))
    case = complaint(policy)
    before = policy.report(case, T0 + HOURS)
    moment = T0 + HOURS
    for wait in waits:
        case = case.wait_on_customer(moment).resume(moment + wait * HOURS)
        moment = moment + (wait + 1) * HOURS
    after = policy.report(case, moment)
    due = [i.due for i in before.items if i.kind is sc.SlaKind.RESOLUTION]
    later = [i.due for i in after.items if i.kind is sc.SlaKind.RESOLUTION]
    assert due[0] is not None
    assert later[0] is not None
    assert later[0] >= due[0]


def test_a_wait_after_the_reply_does_not_move_the_first_response() -> None:
    policy = handbook()
    case = complaint(policy).add_contact(contact("k2", T0 + 2 * HOURS, outbound=True))
    case = case.wait_on_customer(T0 + 3 * HOURS).resume(T0 + 20 * HOURS)
    first = next(
        i for i in policy.report(case, T0 + 30 * HOURS).items if i.kind is sc.SlaKind.FIRST_RESPONSE
    )
    assert first.due == T0 + 24 * HOURS
    assert type(first.due) is pendulum.DateTime


def test_lateness_is_a_plain_timedelta() -> None:
    policy = handbook()
    for late in policy.report(complaint(policy), T0 + 50 * HOURS).breached():
        assert type(late.late_by) is dt.timedelta


def test_one_contact_takes_one_escalation_step() -> None:
    # Two steps on the same channel: the message that took step 1 does not take step 2.
    chain = sc.EscalationChain(
        "twice",
        text("Message twice", "两次留言"),
        TB_79,
        ["severe-review"],
        [
            sc.EscalationStep(text("message", "留言"), [SMS]),
            sc.EscalationStep(text("message again", "再次留言"), [SMS], within=24 * HOURS),
        ],
    )
    policy = sc.ServiceLevelPolicy(
        [PHONE, EMAIL, CHAT, SMS], EH_02, cases=CASES, escalations=[chain]
    )
    first, second = steps(policy.report(review_case(policy), T0 + 30 * HOURS))
    assert (first.status, first.contact_id) == (sc.SlaStatus.MET, "m1")
    assert second.status is sc.SlaStatus.BREACHED
    assert second.contact_id is None


def test_lateness_reads_in_whole_minutes_rounded_up() -> None:
    assert sc.whole_minutes(dt.timedelta(milliseconds=500)) == dt.timedelta(minutes=1)
    assert sc.whole_minutes(dt.timedelta(minutes=5, microseconds=10)) == dt.timedelta(minutes=6)
    due = T0 + 48 * HOURS
    assert sc.deadline_status(due, due, due) == (sc.SlaStatus.MET, None)
    assert sc.deadline_status(due, due, due, due_included=False) == (
        sc.SlaStatus.BREACHED,
        dt.timedelta(0),
    )
    assert sc.deadline_status(None, None, due) == (sc.SlaStatus.DUE, None)


# -- by the close of the business day (当日事当日毕) ---------------------------------------

TB_85 = sc.Citation("TB-85", "002 P2 二(三).9")
# an office open 09:00–12:00 and 13:30–18:00 on weekdays, public holidays closed
OFFICE = sc.BusinessHours.weekdays(
    SH, ["09:00-12:00", "13:30-18:00"], calendar=sc.BusinessCalendar(SH, "CN")
)


def same_day(hours: sc.BusinessHours = OFFICE, **kinds: object) -> sc.ServiceLevelPolicy:
    target = sc.ResponseTarget(None, TB_85, **kinds)  # type: ignore[arg-type]
    return sc.ServiceLevelPolicy(
        [PHONE, EMAIL, CHAT, SMS], EH_02, [target], hours=hours, cases=CASES
    )


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=SH)


def chat_case(policy: sc.ServiceLevelPolicy, when: pendulum.DateTime) -> sc.Case:
    first = contact("m1", when, channel=CHAT)
    return policy.open_case("Q-1", "question", CHAT, "13812345678", "A-1", when, first)


def test_a_target_can_be_due_by_the_close_of_day() -> None:
    target = sc.ResponseTarget(
        CHAT, TB_85, first_response=sc.CLOSE_OF_DAY, resolution=sc.CLOSE_OF_DAY
    )
    assert [r.explain("en") for r in target.describe()] == [
        "Online chat: first response by the close of the business day (TB-85)",
        "Online chat: resolved by the close of the business day (TB-85)",
    ]
    assert sc.CLOSE_OF_DAY is sc.CloseOfDay.CLOSE_OF_DAY
    with pytest.raises(sc.PolicyError, match="first_response"):
        sc.ResponseTarget(CHAT, TB_85, first_response="close of day")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("asked", "due"),
    [
        (at(2, 10), at(2, 18)),  # Monday morning: by Monday 18:00
        (at(2, 12, 30), at(2, 18)),  # the lunch break is still Monday
        (at(2, 18), at(3, 18)),  # at the closing bell: Tuesday's
        (at(6, 20), at(9, 18)),  # Friday evening: Monday's
        (at(30, 17, month=9), at(30, 18, month=9)),  # the eve of National Day
        (at(30, 19, month=9), at(8, 18, month=10)),  # after it: the first day after the break
    ],
)
def test_the_first_response_is_due_by_the_close(
    asked: pendulum.DateTime, due: pendulum.DateTime
) -> None:
    policy = same_day(first_response=sc.CLOSE_OF_DAY)
    (item,) = policy.report(chat_case(policy, asked), asked).items
    assert (item.kind, item.status, item.due) == (sc.SlaKind.FIRST_RESPONSE, sc.SlaStatus.DUE, due)
    assert policy.deadline(asked, sc.CLOSE_OF_DAY) == due


def test_met_due_and_breached_with_reasons() -> None:
    policy = same_day(first_response=sc.CLOSE_OF_DAY)
    case = chat_case(policy, at(2, 16))
    due = policy.report(case, at(2, 17)).items[0]
    assert due.reason.explain("en") == (
        "Case Q-1: first response due by the close of business on Mar 2, 2026 (TB-85)"
    )
    open_late = policy.report(case, at(3, 9, 30)).items[0]
    assert (open_late.status, open_late.late_by, open_late.agent_id) == (
        sc.SlaStatus.BREACHED,
        dt.timedelta(hours=15, minutes=30),
        "A-1",
    )
    assert open_late.reason.explain("en") == (
        "Case Q-1: first response due by the close of business on Mar 2, 2026, still open at "
        "Mar 3, 2026, 9:30:00\u202fAM: late by 930 minutes (TB-85)"
    )
    late = case.add_contact(contact("r1", at(3, 9, 5), channel=CHAT, outbound=True, agent="A-2"))
    item = policy.report(late, at(3, 10)).items[0]
    assert (item.status, item.late_by, item.agent_id) == (
        sc.SlaStatus.BREACHED,
        dt.timedelta(hours=15, minutes=5),
        "A-2",
    )
    assert item.reason.explain("en").endswith(
        "due by the close of business on Mar 2, 2026: late by 905 minutes (TB-85)"
    )
    on_time = case.add_contact(contact("r1", at(2, 18), channel=CHAT, outbound=True))
    item = policy.report(on_time, at(3, 10)).items[0]
    assert (item.status, item.done) == (sc.SlaStatus.MET, at(2, 18))  # at the close: met
    assert item.to_json()["due"] == "2026-03-02T18:00:00+08:00"
    for locale in ("zh_Hans", "zh_Hant", "en"):
        assert item.reason.explain(locale).endswith("TB-85）" if locale != "en" else "(TB-85)")


def test_next_responses_and_resolution_by_the_close() -> None:
    policy = same_day(next_response=sc.CLOSE_OF_DAY, resolution=sc.CLOSE_OF_DAY)
    case = chat_case(policy, at(2, 10))
    case = case.add_contact(contact("r1", at(2, 10, 5), channel=CHAT, outbound=True))
    case = case.add_contact(contact("m2", at(2, 17, 50), channel=CHAT))
    case = case.add_contact(contact("m3", at(2, 18, 30), channel=CHAT))  # the same run
    report = policy.report(case, at(3, 11))
    assert [(i.kind.value, i.status.value, i.due, i.contact_id) for i in report.items] == [
        ("next_response", "breached", at(2, 18), "m2"),
        ("resolution", "breached", at(2, 18), None),
    ]


def test_a_wait_on_the_customer_past_the_close_moves_it() -> None:
    policy = same_day(resolution=sc.CLOSE_OF_DAY)
    case = chat_case(policy, at(2, 10))
    short = case.wait_on_customer(at(2, 11), by="A-1").resume(at(2, 15), by="A-1")
    assert policy.report(short, at(2, 16)).items[0].due == at(2, 18)  # no change
    long = case.wait_on_customer(at(2, 11), by="A-1").resume(at(4, 9, 30), by="A-1")
    assert policy.report(long, at(4, 10)).items[0].due == at(4, 18)  # the day it ended
    waiting = case.wait_on_customer(at(2, 11), by="A-1")
    item = policy.report(waiting, at(5, 10)).items[0]  # still waiting: due, not breached
    assert (item.status, item.due) == (sc.SlaStatus.DUE, at(5, 18))
    with pytest.raises(sc.ClockPausedError) as paused:
        OFFICE.end_of_business_day(at(2, 10), [(at(2, 11), None)])
    assert paused.value.remaining == dt.timedelta(hours=5, minutes=30)


def test_the_calendar_clock_closes_at_midnight_where_the_desk_is() -> None:
    target = sc.ResponseTarget(None, TB_85, first_response=sc.CLOSE_OF_DAY, clock=sc.Clock.CALENDAR)
    policy = sc.ServiceLevelPolicy(
        [CHAT], EH_02, [target], hours=OFFICE, cases=sc.CaseRules([CHAT], CATEGORIES, WORKFLOW)
    )
    asked = pendulum.datetime(2026, 3, 2, 20, tz="UTC")  # Tuesday 04:00 in Shanghai
    assert policy.deadline(asked, sc.CLOSE_OF_DAY, sc.Clock.CALENDAR) == at(4, 0)
