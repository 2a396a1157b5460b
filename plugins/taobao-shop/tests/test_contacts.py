"""The shop's contacts, cases and service levels (TB-45, TB-66 … TB-86, TB-93, TB-29) on
real cases of March 2026.

The complaint walked through here (and in docs/contacts.md): on Monday 2 March at 10:00
the buyer 张丽 calls about a kettle that leaks; the phone rings 35 seconds, 7 rings,
before the sales agent 王芳 picks up (TB-45: more than 5).  王芳 opens a quality case
(TB-75) and transfers it to the after-sales agent 李娜 (TB-84), who asks for photos on
Wangwang and waits; the photos come on Tuesday at 19:40, 李娜 replies at 20:12 (TB-85: by
the end of the day), confirms the fault, apologises and exchanges the kettle, and closes
the case with its record on Friday (TB-76), calls the buyer back that day and the buyer
scores the callback (TB-29).
"""

from __future__ import annotations

import datetime as dt
import doctest
import re
from collections.abc import Callable
from decimal import Decimal

import pendulum
import pytest
import servicecodex_taobao_shop as tb
from servicecodex_taobao_shop import _contacts

import servicecodex as sc
from servicecodex.testing import organization_fixture

TZ = "Asia/Shanghai"
MARCH = sc.Month(2026, 3)
LOCALES = ("zh_Hans", "zh_Hant", "en")
TB_RULE_ID = re.compile(r"^TB-\d{2}$")
BUYER = "张丽"
PHONE = "13812345678"
SECONDS = dt.timedelta(seconds=1)


org = organization_fixture("taobao-shop")


@pytest.fixture(scope="module")
def policy(org: sc.Organization) -> sc.ServiceLevelPolicy:
    return org.service_levels


def at(day: int, hour: int, minute: int = 0, second: int = 0, month: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, second, tz=TZ)


def call(
    id: str, when: pendulum.DateTime, wait_seconds: int, agent: str = "王芳", content: str = ""
) -> sc.Contact:
    """An inbound call that rang *wait_seconds* before *agent* picked up."""
    return sc.Contact(
        id,
        "phone",
        when,
        agent,
        BUYER,
        content,
        wait=dt.timedelta(seconds=wait_seconds),
        handling=dt.timedelta(minutes=4),
    )


def chat(
    id: str,
    when: pendulum.DateTime,
    content: str,
    outbound: bool = False,
    agent: str = "李娜",
    channel: str = "online_chat",
) -> sc.Contact:
    direction = sc.Direction.OUTBOUND if outbound else sc.Direction.INBOUND
    return sc.Contact(id, channel, when, agent, BUYER, content, direction=direction)


def complaint(policy: sc.ServiceLevelPolicy, upto: pendulum.DateTime | None = None) -> sc.Case:
    """The kettle complaint, every change dated up to *upto* applied (all by default)."""
    case = policy.open_case(
        "TB-0302-01",
        "quality",
        "phone",
        BUYER,
        "王芳",
        at(2, 10),
        contact=call("C-1", at(2, 10), 35, content=f"水壶底部漏水，回电{PHONE}"),
    )
    steps: list[tuple[pendulum.DateTime, Callable[[sc.Case], sc.Case]]] = [
        (
            at(2, 10, 5),
            lambda c: c.transfer(
                "李娜", "售后客服", "质量问题属售后，销售客服无法处理", at(2, 10, 5), by="王芳"
            ),
        ),
        (at(2, 10, 6), lambda c: c.advance("handle", at(2, 10, 6), by="李娜")),
        (
            at(2, 10, 10),
            lambda c: c.add_contact(
                chat("C-2", at(2, 10, 10), "亲，麻烦把漏水的位置拍照发给我们", True)
            ),
        ),
        (at(2, 10, 10), lambda c: c.take("photos", at(2, 10, 10), by="李娜")),
        (at(2, 10, 11), lambda c: c.wait_on_customer(at(2, 10, 11), by="李娜", note="等买家拍照")),
        (at(3, 19, 40), lambda c: c.add_contact(chat("C-3", at(3, 19, 40), "照片发您了"))),
        (at(3, 20, 10), lambda c: c.take("judge", at(3, 20, 10), by="李娜", option="confirmed")),
        (at(3, 20, 12), lambda c: c.take("apologise", at(3, 20, 12), by="李娜")),
        (
            at(3, 20, 12),
            lambda c: c.add_contact(
                chat("C-4", at(3, 20, 12), "亲，非常抱歉，给您换一个新的", True)
            ),
        ),
        (at(3, 20, 15), lambda c: c.take("resolve", at(3, 20, 15), by="李娜", option="exchange")),
        (at(6, 11), lambda c: c.advance("record", at(6, 11), by="李娜")),
        (
            at(6, 11, 5),
            lambda c: c.close(
                at(6, 11, 5),
                by="李娜",
                summary=f"{BUYER}的水壶底部漏水，确认质量问题，已换货；电话{PHONE}",
            ),
        ),
    ]
    for when, change in steps:
        if upto is not None and when > upto:
            break
        case = change(case)
    return case


def statuses(report: sc.SlaReport) -> list[tuple[str, str, str]]:
    return [(i.kind.value, i.status.value, i.cite.rule_id) for i in report.items]


# The hook ------------------------------------------------------------------------------------


def test_the_hook_answers_the_policy(org: sc.Organization) -> None:
    assert org.service_levels is tb.SERVICE_LEVELS
    assert "servicecodex_service_levels" in org.implemented_hooks()["taobao-shop"]


def test_every_record_cites_a_tb_rule(policy: sc.ServiceLevelPolicy) -> None:
    reasons = policy.describe_all()
    assert reasons
    for reason in reasons:
        assert TB_RULE_ID.match(reason.rule_id)
        assert reason.cite.clause.startswith("002 第二篇 ")
        for locale in LOCALES:
            assert reason.rule_id in reason.explain(locale)[-8:]
    cited = {r.rule_id for r in reasons}
    assert {"TB-45", "TB-51", "TB-69", "TB-70", "TB-75", "TB-76", "TB-78", "TB-79"} <= cited
    assert {"TB-84", "TB-85", "TB-29"} <= cited


# Channels and hours (TB-79, TB-51, TB-52, AMB-29) ---------------------------------------------


def test_channels_are_the_three_of_tb79(policy: sc.ServiceLevelPolicy) -> None:
    assert policy.channels == (sc.Channel.ONLINE_CHAT, sc.Channel.SMS, sc.Channel.PHONE)
    assert policy.cite.rule_id == "TB-79"
    assert policy.describe().explain("en") == "Channels served: online chat, SMS, and phone (TB-79)"
    with pytest.raises(sc.ServiceCodexError, match="use one of online_chat, sms, phone"):
        policy.channel("email")
    with pytest.raises(sc.UnknownChoiceError, match="known: online_chat, sms, phone"):
        policy.open_case("X-1", "quality", "qq", BUYER, "王芳", at(2, 10))


@pytest.mark.parametrize(
    ("moment", "open_"),
    [
        (at(2, 8, 29), False),
        (at(2, 8, 30), True),  # TB-51: 白班 8:30
        (at(2, 12, 0), True),  # no lunch closing: meals in rotation (TB-47)
        (at(2, 23, 59), True),  # TB-52: 晚班 until midnight (AMB-29)
        (at(3, 0, 0), False),
        (at(1, 10, 0), True),  # a Sunday
        (pendulum.datetime(2026, 10, 1, 10, tz=TZ), True),  # National Day
        (pendulum.datetime(2026, 2, 17, 10, tz=TZ), True),  # Spring Festival
    ],
)
def test_the_shop_is_staffed_0830_to_midnight_every_day(
    policy: sc.ServiceLevelPolicy, moment: pendulum.DateTime, open_: bool
) -> None:
    assert policy.hours is tb.SERVICE_HOURS
    assert tb.SERVICE_HOURS.is_open(moment) is open_


def test_business_time_skips_the_night(policy: sc.ServiceLevelPolicy) -> None:
    hours = tb.SERVICE_HOURS
    assert hours.next_open(at(3, 1)) == at(3, 8, 30)
    assert policy.deadline(at(2, 23, 30), dt.timedelta(hours=1)) == at(3, 9)
    assert policy.deadline(at(2, 23, 30), dt.timedelta(hours=1), sc.Clock.CALENDAR) == at(3, 0, 30)
    assert [r.explain("en") for r in hours.describe()] == [
        "Open every day: 08:30–24:00 (TB-51)",
        "Open on public holidays (TB-51)",
    ]


# Rings (TB-45, AMB-33) --------------------------------------------------------------------------


def test_five_rings_are_25_seconds(policy: sc.ServiceLevelPolicy) -> None:
    assert tb.RINGS == 5
    assert policy.seconds_per_ring == 5
    assert policy.answer_within() == dt.timedelta(seconds=25)
    assert tb.RING_TARGET.violation == tb.UNANSWERED_RINGS
    assert tb.RING_TARGET.describe()[0].explain("zh_Hans") == "电话：响铃5声内接听（TB-45）"


@pytest.mark.parametrize(
    ("wait", "rings", "status", "late"),
    [
        (10, 2, sc.SlaStatus.MET, None),
        (25, 5, sc.SlaStatus.MET, None),  # the 5th ring: still in time
        (26, 6, sc.SlaStatus.BREACHED, 1),  # 「超過五聲未接」
        (35, 7, sc.SlaStatus.BREACHED, 10),
    ],
)
def test_a_call_is_answered_within_five_rings(
    policy: sc.ServiceLevelPolicy, wait: int, rings: int, status: sc.SlaStatus, late: int | None
) -> None:
    case = policy.open_case(
        "TB-R", "quality", "phone", BUYER, "王芳", at(2, 10), contact=call("C-1", at(2, 10), wait)
    )
    (item,) = policy.report(case, at(2, 11)).items
    assert (item.kind, item.status, item.cite.rule_id) == (sc.SlaKind.ANSWER, status, "TB-45")
    assert item.late_by == (None if late is None else late * SECONDS)
    assert f"after {rings} rings ({wait} s)" in item.reason.explain("en")
    assert item.agent_id == "王芳"


def test_a_late_answer_is_a_ledger_violation_fined_from_the_third(
    org: sc.Organization, policy: sc.ServiceLevelPolicy
) -> None:
    """TB-45, AMB-33: the 3rd call left ringing more than 5 times in a month costs 5 yuan,
    and each further one; a report recorded twice counts once."""
    ledger = sc.Ledger()
    for n, day in enumerate((2, 9, 16, 23), start=1):
        case = policy.open_case(
            f"TB-{n}", "quality", "phone", BUYER, "王芳", at(day, 10), call("C-1", at(day, 10), 35)
        )
        for violation in policy.report(case, at(day, 11)).violations():
            assert ledger.record(violation)
    again = policy.report(
        policy.open_case(
            "TB-1", "quality", "phone", BUYER, "王芳", at(2, 10), call("C-1", at(2, 10), 35)
        ),
        at(2, 11),
    ).violations()
    assert [v.id for v in again] == ["sla:TB-1:answer:C-1"]
    assert [v.code for v in ledger.active(agent_id="王芳")] == [tb.UNANSWERED_RINGS] * 4
    assessment = org.penalty_schedule.assess("王芳", ledger, MARCH, org.calendar)
    assert assessment.total == sc.Money(10, "CNY")
    assert assessment.explain("en")[0] == (
        "Verified complaint about a call left ringing more than five times on Mar 2, 2026: "
        "occurrence 1 in March 2026, free up to 2 (TB-45)"
    )


# Categories and playbooks (TB-70 … TB-75, TB-78, TB-79) ----------------------------------------

RESOLUTIONS = ("compensate", "return", "exchange")
Step = tuple[str, tuple[str, ...], bool]
PLAYBOOKS: dict[str, tuple[str, list[Step]]] = {
    # TB-70: 「以上無效后,轉入現金補償,退貨及換貨流程」: resolving is conditional
    "not-as-expected": (
        "TB-70",
        [("apologise", (), True), ("explain", (), True), ("resolve", RESOLUTIONS, False)],
    ),
    # TB-71: 「轉入現金補償,退換貨流程即可」
    "service": (
        "TB-71",
        [
            ("read-chat", (), True),
            ("record-fault", (), True),
            ("intent", (), True),
            ("resolve", RESOLUTIONS, True),
        ],
    ),
    "short-shipment": (
        "TB-72",
        [
            ("apologise", (), True),
            ("check-order", (), True),
            ("photos", (), False),
            ("reship", (), True),
            ("coupon", (), False),
        ],
    ),
    "late-delivery": (
        "TB-73",
        [
            ("logistics", (), True),
            ("cause", ("late-dispatch", "incomplete-address", "courier"), True),
            ("chase-courier", (), True),
            ("apologise", (), True),
            ("tell-buyer", (), True),
            ("follow-up", (), True),
        ],
    ),
    "transit-damage": (
        "TB-74",
        [
            ("signed", ("signed", "not-signed"), True),
            ("photos", (), False),
            ("resolve", RESOLUTIONS, False),
            ("reship", (), False),
            ("courier", (), False),
        ],
    ),
    "quality": (
        "TB-75",
        [
            ("photos", (), True),
            ("judge", ("confirmed", "not-confirmed"), True),
            ("apologise", (), False),
            ("resolve", RESOLUTIONS, False),
        ],
    ),
}


@pytest.mark.parametrize("category", list(PLAYBOOKS))
def test_after_sales_playbooks_as_printed(policy: sc.ServiceLevelPolicy, category: str) -> None:
    rule, expected = PLAYBOOKS[category]
    found = policy.category(category)
    assert found.cite.rule_id == rule
    steps = [(s.id, s.options, s.required) for s in found.playbook]
    assert steps == expected
    assert {s.cite.rule_id for s in found.playbook} == {rule}
    assert not found.major


def test_the_category_names_in_the_source_script(policy: sc.ServiceLevelPolicy) -> None:
    assert [c.name.localize("zh_Hant") for c in policy.case_rules.categories] == [
        "與想象不符",
        "服務不滿意",
        "少發貨缺貨",
        "到貨延遲",
        "運輸破損",
        "質量問題",
        "中差評",
    ]
    assert [c.id for c in tb.CATEGORIES] == [c.id for c in policy.case_rules.categories]


def test_the_review_playbook(policy: sc.ServiceLevelPolicy) -> None:
    """TB-78 registered, TB-79 read the chat, message and SMS, phone only on silence."""
    review = policy.category("negative-review")
    assert [(s.id, s.cite.rule_id, s.required) for s in review.playbook] == [
        ("register", "TB-78", True),
        ("read-chat", "TB-79", True),
        ("details", "TB-79", True),
        ("wangwang", "TB-79", True),
        ("sms", "TB-79", True),
        ("phone", "TB-79", False),
    ]


def test_unknown_category_lists_the_known(policy: sc.ServiceLevelPolicy) -> None:
    with pytest.raises(sc.UnknownChoiceError, match="known: not-as-expected, service, short"):
        policy.open_case("X-1", "broken", "phone", BUYER, "王芳", at(2, 10))


def test_playbook_steps_taken_and_missing(policy: sc.ServiceLevelPolicy) -> None:
    """TB-72, the shop at fault: apologise, check, reship, coupon; no photos needed."""
    case = policy.open_case("TB-S", "short-shipment", "online_chat", BUYER, "李娜", at(4, 9))
    case = case.take("apologise", at(4, 9, 1), by="李娜")
    assert [r.explain("en") for r in case.review(at(4, 9, 2))] == [
        "Case TB-S: the playbook step check the chat log, the order quantity, split-parcel "
        "numbers and staff error is not yet taken (TB-72)",
        "Case TB-S: the playbook step register and reship is not yet taken (TB-72)",
    ]
    case = case.take("check-order", at(4, 9, 5), by="李娜")
    case = case.take("reship", at(4, 9, 10), by="李娜")
    case = case.take("coupon", at(4, 9, 11), by="李娜")
    assert case.review(at(4, 9, 12)) == []
    with pytest.raises(sc.CaseError, match="taken with one of: compensate, return, exchange"):
        policy.open_case("TB-Q", "quality", "phone", BUYER, "李娜", at(4, 9)).take(
            "resolve", at(4, 9, 1), by="李娜"
        )
    with pytest.raises(sc.UnknownChoiceError, match="known: compensate, return, exchange"):
        policy.open_case("TB-Q", "quality", "phone", BUYER, "李娜", at(4, 9)).take(
            "resolve", at(4, 9, 1), by="李娜", option="refund-twice"
        )


# Workflow, transfer, major matters (TB-76, TB-84, TB-85) ----------------------------------------


def test_workflow_receive_handle_record(policy: sc.ServiceLevelPolicy) -> None:
    assert [s.id for s in tb.WORKFLOW.steps] == ["receive", "handle", "record"]
    assert [s.name.localize("zh_Hant") for s in tb.WORKFLOW.steps] == ["接待", "處理", "記錄"]
    case = policy.open_case("TB-W", "quality", "phone", BUYER, "王芳", at(2, 10))
    with pytest.raises(sc.TransitionError, match="allowed next: handle") as refused:
        case.advance("record", at(2, 10, 1), by="王芳")
    assert refused.value.rule_id == "TB-76"
    with pytest.raises(sc.TransitionError, match="cannot go from 'receive' to 'close'"):
        case.close(at(2, 10, 1), by="王芳", summary="done")
    case = case.advance("handle", at(2, 10, 1), by="王芳").advance("record", at(2, 11), by="王芳")
    with pytest.raises(sc.CaseError, match="closes with a written summary") as unrecorded:
        case.close(at(2, 11, 1), by="王芳", summary="  ")
    assert unrecorded.value.rule_id == "TB-76"
    closed = case.close(at(2, 11, 1), by="王芳", summary="漏水，换货")
    assert closed.closed_at == at(2, 11, 1)


def test_a_transfer_to_a_colleague_needs_a_reason(policy: sc.ServiceLevelPolicy) -> None:
    """TB-84 「自己無法解決的求助同事或客服主管」."""
    case = complaint(policy, at(2, 10))
    with pytest.raises(sc.CaseError, match="a transfer needs a reason") as refused:
        case.transfer("李娜", "售后客服", " ", at(2, 10, 5), by="王芳")
    assert refused.value.rule_id == "TB-84"
    moved = complaint(policy, at(2, 10, 5))
    assert (moved.owner, moved.owner_at(at(2, 10, 4)), moved.owner_at(at(2, 10, 5))) == (
        "李娜",
        "王芳",
        "李娜",
    )
    (event,) = moved.transfers
    assert (event.previous, event.to, event.department, event.note) == (
        "王芳",
        "李娜",
        "售后客服",
        "质量问题属售后，销售客服无法处理",
    )


def test_an_abnormal_issue_goes_to_the_supervisor_at_once(policy: sc.ServiceLevelPolicy) -> None:
    """TB-85 「日常工作中出現非正常問題,必須及時向客服主管請示和匯報」."""
    case = policy.case_rules
    assert case.ownership is None  # the source has no first-contact ownership rule
    odd = sc.Case.open(case, "TB-M", "service", "phone", BUYER, "李娜", at(5, 9), major=True)
    assert [r.rule_id for r in odd.review(at(5, 9, 5))][-1] == "TB-85"
    odd = odd.escalate("客服主管", at(5, 9, 10), by="李娜", reason="买家称要投诉到平台")
    assert "TB-85" not in [r.rule_id for r in odd.review(at(5, 9, 15))]


# The kettle complaint: waiting, same-day replies, the report (TB-85, TB-67, TB-68) -------------


def test_waiting_on_the_buyer_pauses_the_clock(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy)
    assert case.waiting_periods(at(6, 12)) == ((at(2, 10, 11), at(3, 19, 40)),)
    paused = case.waiting_periods(at(6, 12))
    # 24 hours of shop time from the call: Tuesday 17:30 without the wait, later with it
    assert policy.deadline(case.opened_at, dt.timedelta(hours=24)) == at(3, 18, 30)
    # 11 minutes on Monday, paused until Tuesday 19:40, 4:20 on Tuesday, 15:30 on
    # Wednesday, the last 3:59 on Thursday from 08:30
    assert policy.deadline(case.opened_at, dt.timedelta(hours=24), pauses=paused) == at(5, 12, 29)
    assert case.closed_at is not None
    worked = tb.SERVICE_HOURS.elapsed(case.opened_at, case.closed_at, paused)
    # 0:11 + 4:20 + 15:30 + 15:30 + 2:35 (Friday 08:30–11:05)
    assert worked == dt.timedelta(hours=38, minutes=6)


def test_the_report_while_a_reply_is_due(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy, at(3, 20))
    report = tb.service_report(case, at(3, 20))
    assert statuses(report) == [
        ("answer", "breached", "TB-45"),
        ("next_response", "due", "TB-85"),
    ]
    due = report.items[1]
    assert (due.due, due.contact_id, due.agent_id) == (at(4, 0), "C-3", "李娜")
    assert report.explain("en") == [
        "Case TB-0302-01: call C-1 answered after 7 rings (35 s), more than 5 (TB-45)",
        "Case TB-0302-01: next response due by the close of business on Mar 3, 2026 (TB-85)",
    ]
    assert report == policy.report(case, at(3, 20))  # the core's report, TB-85 included


def test_the_report_when_the_case_is_closed(policy: sc.ServiceLevelPolicy) -> None:
    report = tb.service_report(complaint(policy), at(6, 12))
    assert statuses(report) == [
        ("answer", "breached", "TB-45"),
        ("next_response", "met", "TB-85"),
    ]
    assert [i.late_by for i in report.breached()] == [10 * SECONDS]
    assert [v.code for v in report.violations()] == [tb.UNANSWERED_RINGS]
    assert report.items[1].to_json()["done"] == "2026-03-03T20:12:00+08:00"
    assert report.explain("en")[1] == (
        "Case TB-0302-01: next response by Mar 3, 2026, 8:12:00\u202fPM, due by the close of "
        "business on Mar 3, 2026: met (TB-85)"
    )


@pytest.mark.parametrize(
    ("sent", "reply", "status", "due", "late"),
    [
        (at(3, 19, 40), at(3, 20, 12), "met", at(4, 0), None),
        (at(3, 23, 50), at(4, 0, 10), "breached", at(4, 0), dt.timedelta(minutes=10)),
        # TB-68: a message left while the shop is closed is the next day's first task
        (at(4, 2, 0), at(4, 8, 45), "met", at(5, 0), None),
        (at(4, 2, 0), None, "due", at(5, 0), None),
    ],
)
def test_every_message_is_answered_the_same_day(
    policy: sc.ServiceLevelPolicy,
    sent: pendulum.DateTime,
    reply: pendulum.DateTime | None,
    status: str,
    due: pendulum.DateTime,
    late: dt.timedelta | None,
) -> None:
    case = policy.open_case("TB-D", "late-delivery", "online_chat", BUYER, "李娜", sent)
    case = case.add_contact(chat("M-1", sent, "到哪了？"))
    if reply is not None:
        case = case.add_contact(chat("M-2", reply, "亲，已催快递，明天到", True))
    (item,) = tb.service_report(case, at(4, 23)).items
    assert (item.kind, item.status.value, item.due, item.late_by) == (
        sc.SlaKind.FIRST_RESPONSE,
        status,
        due,
        late,
    )


def test_an_unanswered_message_breaches_after_midnight(policy: sc.ServiceLevelPolicy) -> None:
    case = policy.open_case("TB-U", "service", "sms", BUYER, "李娜", at(9, 15))
    case = case.add_contact(chat("M-1", at(9, 15), "客服态度太差", channel="sms"))
    (item,) = tb.service_report(case, at(10, 0, 30)).items
    assert (item.status, item.late_by, item.agent_id) == (
        sc.SlaStatus.BREACHED,
        dt.timedelta(minutes=30),
        "李娜",
    )
    assert item.violation is None  # the source fines nothing for it
    assert item.reason.explain("en").endswith("late by 30 minutes (TB-85)")


def test_same_day_replies_are_core_close_of_day_targets(policy: sc.ServiceLevelPolicy) -> None:
    """TB-85 is the core's CLOSE_OF_DAY: no hand-rolled end of day."""
    assert policy.targets == (tb.RING_TARGET, *tb.SAME_DAY_REPLIES)
    assert [r.explain("en") for t in tb.SAME_DAY_REPLIES for r in t.describe()] == [
        "Online chat: first response by the close of the business day (TB-85)",
        "SMS: first response by the close of the business day (TB-85)",
        "Every channel: every next response by the close of the business day (TB-85)",
    ]
    assert all(t.violation is None for t in tb.SAME_DAY_REPLIES)
    first = sc.SlaKind.FIRST_RESPONSE
    assert policy.target_for(first, sc.Channel.SMS, "quality") is tb.SAME_DAY_REPLIES[1]
    assert policy.target_for(first, sc.Channel.PHONE, "quality") is None  # TB-45 answers it
    assert tb.SERVICE_HOURS.end_of_business_day(at(3, 19, 40)) == at(4, 0)
    assert tb.SERVICE_HOURS.end_of_business_day(at(4, 2)) == at(5, 0)  # TB-68


def test_the_buyer_waited_on_keeps_the_day_open(policy: sc.ServiceLevelPolicy) -> None:
    """A wait on the buyer that runs past 24:00 moves the reply to the day it ends."""
    case = policy.open_case("TB-W", "short-shipment", "online_chat", BUYER, "王芳", at(9, 22))
    case = case.add_contact(chat("W-1", at(9, 22), "少发了一个杯子", agent="王芳"))
    case = case.wait_on_customer(at(9, 22, 5), by="王芳", note="等买家拍照")
    (waiting,) = policy.report(case, at(10, 9)).items
    assert (waiting.status, waiting.due) == (sc.SlaStatus.DUE, at(11, 0))
    case = case.add_contact(chat("W-2", at(10, 9, 30), "照片", agent="王芳"))
    case = case.add_contact(chat("W-3", at(10, 11), "亲，马上给您补发", True, agent="王芳"))
    (item,) = policy.report(case, at(10, 12)).items
    assert (item.status, item.due, item.done) == (sc.SlaStatus.MET, at(11, 0), at(10, 11))


def test_a_call_needs_no_separate_reply(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy, at(2, 10))
    assert statuses(tb.service_report(case, at(2, 23))) == [("answer", "breached", "TB-45")]


# Masking -----------------------------------------------------------------------------------------


def test_the_buyer_is_masked_unless_revealed(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy)
    shown = case.format("zh_Hans")
    assert BUYER not in shown
    assert PHONE not in shown
    assert "张**" in shown
    assert "138****5678" in shown
    data = case.to_dict()
    assert data["customer"] == "张**"
    assert data["summary"] == "张**的水壶底部漏水，确认质量问题，已换货；电话138****5678"
    revealed = case.to_dict(reveal=True)
    assert revealed["customer"] == BUYER
    assert PHONE in revealed["contacts"][0]["content"]
    assert PHONE in case.format("en", reveal=True)


# The review chain (TB-79) ------------------------------------------------------------------------


def review_case(policy: sc.ServiceLevelPolicy) -> sc.Case:
    case = policy.open_case("TB-V", "negative-review", "online_chat", BUYER, "李娜", at(9, 9))
    case = case.add_contact(chat("V-1", at(9, 9, 30), "亲，看到您的评价，非常抱歉", True))
    return case.add_contact(chat("V-2", at(9, 9, 35), "亲，已给您发旺旺", True, channel="sms"))


def test_review_chain_message_sms_then_phone(policy: sc.ServiceLevelPolicy) -> None:
    chain = tb.REVIEW_CHAIN
    assert (chain.cite.rule_id, chain.categories) == ("TB-79", ("negative-review",))
    assert [s.channels for s in chain.steps] == [
        (sc.Channel.ONLINE_CHAT,),
        (sc.Channel.SMS,),
        (sc.Channel.PHONE,),
    ]
    assert chain.steps[2].after == tb.REVIEW_SILENCE == dt.timedelta(hours=48)
    assert chain.steps[2].unless_answered
    assert chain.steps[2].clock is sc.Clock.CALENDAR
    assert all(s.within is None for s in chain.steps)  # 「優先處理」 sets no deadline
    case = review_case(policy)
    early = policy.report(case, at(11, 9))
    # TB-85 first: the review case opened on Wangwang gets its first message that day
    assert [(i.kind.value, i.status.value, i.due) for i in early.items] == [
        ("first_response", "met", at(10, 0)),
        ("escalation", "met", None),
        ("escalation", "met", None),
        ("escalation", "due", at(11, 9, 35)),
    ]
    assert early.explain("en")[3] == (
        "Case TB-V: Review follow-up step 3 (phone call) falls due at Mar 11, 2026, "
        "9:35:00\u202fAM unless the customer answers (TB-79)"
    )
    silent = policy.report(case, at(11, 10))
    assert [(i.status.value, i.due) for i in silent.items][3] == ("due", None)
    assert silent.breached() == ()
    phoned = case.add_contact(
        sc.Contact("V-3", "phone", at(11, 10), "李娜", BUYER, direction="outbound")
    )
    assert [i.status.value for i in policy.report(phoned, at(11, 11)).items] == ["met"] * 4


def test_review_chain_ends_when_the_buyer_answers(policy: sc.ServiceLevelPolicy) -> None:
    case = review_case(policy).add_contact(chat("V-3", at(10, 21), "好吧，我改评价"))
    report = policy.report(case, at(12, 9))
    # TB-85: the first reply met, the buyer's answer of Tuesday 21:00 unanswered by 24:00
    assert [(i.kind.value, i.status.value) for i in report.items] == [
        ("first_response", "met"),
        ("next_response", "breached"),
        ("escalation", "met"),
        ("escalation", "met"),
        ("escalation", "ended"),
    ]
    assert (report.items[1].due, report.items[1].contact_id) == (at(11, 0), "V-3")


# Checks for people (TB-67, TB-73) ----------------------------------------------------------------


def test_one_character_replies(policy: sc.ServiceLevelPolicy) -> None:
    """TB-67 「禁止不回復或者單字回復」."""
    case = policy.open_case("TB-O", "not-as-expected", "online_chat", BUYER, "王芳", at(9, 10))
    for n, (minute, text, outbound) in enumerate(
        [
            (0, "颜色和图片不一样", False),
            (1, "嗯", True),
            (2, "？？", True),
            (3, "好的，亲，给您看看实拍图", True),
            (4, "", True),
        ]
    ):
        case = case.add_contact(chat(f"O-{n}", at(9, 10, minute), text, outbound, agent="王芳"))
    found = tb.reply_findings(case, at(9, 11))
    assert [r.rule_id for r in found] == ["TB-67", "TB-67"]
    assert found[0].explain("en") == (
        "Case TB-O: the reply of Mar 9, 2026, 10:01:00\u202fAM by 王芳 is a one-character "
        "reply: “嗯” (TB-67)"
    )
    assert tb.reply_findings(case, at(9, 10, 1)) == found[:1]


def test_the_buyer_never_has_to_chase(policy: sc.ServiceLevelPolicy) -> None:
    """TB-73 「一定第一時間告訴買家,主動跟進,決不允許買家再三催促」."""
    case = policy.open_case("TB-L", "late-delivery", "online_chat", BUYER, "李娜", at(9, 10))
    for n, (when, outbound) in enumerate(
        [(at(9, 10), False), (at(9, 15), False), (at(9, 16), True), (at(10, 9), False)]
    ):
        case = case.add_contact(chat(f"L-{n}", when, "还没到？", outbound))
    chased = tb.buyer_chases(case, at(10, 12))
    assert [r.explain("en") for r in chased] == [
        "Case TB-L: the buyer had to ask again at Mar 9, 2026, 3:00:00\u202fPM, with no word "
        "from the shop since Mar 9, 2026, 10:00:00\u202fAM (TB-73)"
    ]
    case = case.add_contact(chat("L-4", at(10, 13), "到底什么时候到？"))
    assert len(tb.buyer_chases(case, at(10, 14))) == 2
    other = policy.open_case("TB-N", "service", "online_chat", BUYER, "李娜", at(9, 10))
    assert tb.buyer_chases(other, at(9, 11)) == []


# Callbacks (TB-69, TB-29) ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ordered", "round_day"),
    [
        (at(2, 9), 2),
        (at(2, 15, 59), 2),
        (at(2, 16), 3),  # the 16:00 round has started: tomorrow's
        (at(2, 23, 30), 3),
    ],
)
def test_the_16_00_payment_round(ordered: pendulum.DateTime, round_day: int) -> None:
    """TB-69 「每天下午16.00對未付款訂單進行催付」."""
    assert dt.time(16) == tb.PAYMENT_ROUND
    assert tb.payment_reminder_day(ordered) == pendulum.date(2026, 3, round_day)


def test_payment_reminders_due_done_overdue() -> None:
    register = tb.callback_register()
    register = tb.schedule_payment_reminder(register, "buyer-a", at(2, 11))
    register = tb.schedule_payment_reminder(register, "buyer-b", at(2, 17))
    with pytest.raises(sc.DuplicateCallbackError, match="TB-69"):
        tb.schedule_payment_reminder(register, "buyer-a", at(2, 14))  # flagged once a day
    register = register.record(("payment-reminder", "buyer-a"), at(2, 16, 5), by="陈静")
    found = [(s.callback.customer, s.state.value) for s in register.status(at(3, 10))]
    assert found == [("buyer-a", "done"), ("buyer-b", "due")]
    assert [s.callback.customer for s in register.overdue(at(4, 9))] == ["buyer-b"]
    assert register.status(at(4, 9))[1].explain("en") == (
        "Payment reminder for buyer-b is overdue by 1 day (Mar 3, 2026) (TB-69)"
    )


def test_the_after_sales_callback_is_made_the_day_the_case_closes(
    policy: sc.ServiceLevelPolicy,
) -> None:
    case = complaint(policy)
    rule = policy.callback_rule("after-sales-callback")
    assert (rule.cite.rule_id, rule.kind, rule.days, rule.tolerance) == (
        "TB-29",
        sc.CallbackKind.AFTER,
        0,
        0,
    )
    assert case.closed_at is not None
    register = tb.callback_register().schedule(rule, case.id, case.closed_at)
    assert register.status(at(6, 12))[0].state is sc.CallbackState.DUE
    assert "售后回访" in register.overdue(at(7, 9))[0].explain("zh_Hans")
    on_time = register.record((rule.id, case.id), at(6, 15), by="李娜")
    assert on_time.status(at(7, 9))[0].state is sc.CallbackState.DONE
    late = register.record((rule.id, case.id), at(7, 10), by="李娜")
    assert late.status(at(7, 11))[0].state is sc.CallbackState.DONE_LATE


# The survey (TB-29) ------------------------------------------------------------------------------


def test_the_survey_feeds_callback_satisfaction(
    org: sc.Organization, policy: sc.ServiceLevelPolicy
) -> None:
    survey = policy.survey
    assert survey is tb.SURVEY
    assert (survey.criterion, survey.scale, survey.cite.rule_id) == (
        "callback-satisfaction",
        (1, 5),
        "TB-29",
    )
    criterion = survey.criterion_in(org.appraisal_scheme)
    assert criterion.max_points == 30
    answers = [
        survey.response(f"S-{n}", "李娜", f"TB-03{n:02d}", at(day, 15), {"satisfaction": score})
        for n, (day, score) in enumerate([(6, 5), (10, 4), (17, 5), (24, 3)], start=1)
    ]
    answers.append(survey.response("S-9", "王芳", "TB-0399", at(6, 16), {"satisfaction": 1}))
    result = survey.summarise(answers, "李娜", MARCH, TZ)
    assert (result.count, result.overall) == (4, Decimal("4.25"))
    assert result.points(criterion) == Decimal("24.38")  # (4.25 − 1) ÷ 4 × 30
    card = org.appraisal_scheme.score(
        "李娜",
        MARCH,
        {
            "team-task": 26,
            "handover": 18,
            "callback-satisfaction": result.points(criterion),
            "professional-quality": 17,
        },
    )
    assert (card.total, card.passed) == (Decimal("85.38"), True)
    with pytest.raises(sc.SurveyError, match="outside the scale of 1 to 5 \\(TB-29\\)"):
        survey.response("S-0", "李娜", "TB-0301", at(6, 15), {"satisfaction": 6})


# Registers (TB-76, TB-78, TB-80, TB-82) ---------------------------------------------------------


def test_the_review_register_has_the_fields_of_tb78(policy: sc.ServiceLevelPolicy) -> None:
    spec = policy.register("reviews")
    assert spec is tb.REVIEW_REGISTER
    assert spec.cite.rule_id == "TB-78"
    assert [f.name.localize("zh_Hant") for f in spec.fields] == [
        "旺旺id",
        "聯繫電話",
        "購買物品",
        "評價內容",
        "嚴重程度",
        "處理狀態",
        "進展情況",
    ]  # and 時間, the entry's moment
    assert [f.id for f in spec.fields if not f.required] == ["progress"]
    book = spec.register().add(
        at(9, 8),
        wangwang="kettle_lover88",
        phone=PHONE,
        item="电热水壶",
        review=f"漏水！客服{PHONE}不接电话",
        severity="severe",
        status="待处理",
    )
    (row,) = book.rows()
    assert (row["wangwang"], row["phone"], row["review"]) == (
        "k**",
        "138****5678",
        "漏水！客服138****5678不接电话",
    )
    assert book.rows(reveal=True)[0]["phone"] == PHONE
    assert "严重程度：严重" in book.format("zh_Hans")
    with pytest.raises(sc.RegisterError, match="not one of the choices: severe, ordinary"):
        book.add(
            at(9, 9), wangwang="b", phone=PHONE, item="x", review="y", severity="high", status="z"
        )
    with pytest.raises(sc.RegisterError, match="required by the register reviews"):
        book.add(at(9, 9), wangwang="b", phone=PHONE, item="x", review="y", severity="ordinary")


def test_every_after_sales_case_is_recorded_for_the_monday_meeting(
    policy: sc.ServiceLevelPolicy,
) -> None:
    """TB-76, TB-80: each closed case a line; the week's lines handed over on Sunday."""
    spec = policy.register("after-sales")
    assert (spec.cite.rule_id, [c.id for c in spec.field("category").choices]) == (
        "TB-76",
        [c.id for c in tb.CATEGORIES],
    )
    book = tb.record_case(spec.register(), complaint(policy))
    with pytest.raises(sc.ValidationError, match="not closed yet"):
        tb.record_case(book, complaint(policy, at(3, 21)))
    review = review_case(policy).advance("handle", at(9, 10), by="李娜")
    review = review.advance("record", at(11, 10, 30), by="李娜")
    review = review.close(at(11, 10, 31), by="李娜", summary="电话沟通后买家改为好评")
    book = tb.record_case(book, review)
    (row, _) = book.rows()
    assert (row["case"], row["category"], row["buyer"], row["agent"]) == (
        "TB-0302-01",
        "quality",
        "张**",
        "李娜",
    )
    assert row["details"] == "张**的水壶底部漏水，确认质量问题，已换货；电话138****5678"
    weekly = book.report("week", MARCH, TZ, by="category")
    counts = {(str(r.period.first), r.group): r.count for r in weekly.rows if r.count}
    assert counts == {("2026-03-02", "quality"): 1, ("2026-03-09", "negative-review"): 1}
    assert weekly.explain("en")[0] == "2 entries in March 2026 (TB-76)"
    monthly = book.report("month", MARCH, TZ)  # TB-85's monthly report to the supervisor
    assert [r.count for r in monthly.rows] == [2]


def test_poor_quality_customers_are_recorded(policy: sc.ServiceLevelPolicy) -> None:
    """TB-82 「對劣質客戶加以區分并上報客服主管,由客服主管確認并備案記錄」."""
    spec = policy.register("poor-customers")
    assert spec.cite.rule_id == "TB-82"
    book = spec.register().add(
        at(12, 17),
        wangwang="张丽88",
        reason="三次收货后以质量为由要求仅退款",
        reported_by="王芳",
        confirmed_by="客服主管",
    )
    assert book.rows()[0]["wangwang"] == "张**"
    with pytest.raises(sc.RegisterError, match="required by the register poor-customers"):
        book.add(at(12, 18), wangwang="b", reason="x", reported_by="王芳")


# Guidance (TB-66 … TB-93) ------------------------------------------------------------------------


def test_the_rules_for_people() -> None:
    assert [g.cite.rule_id for g in tb.CONTACT_GUIDANCE] == [
        "TB-66",
        "TB-68",
        "TB-71",
        "TB-77",
        "TB-79",
        "TB-80",
        "TB-81",
        "TB-82",
        "TB-83",
        "TB-85",
        "TB-86",
        "TB-93",
    ]
    last = tb.CONTACT_GUIDANCE[-1].describe()
    assert last.explain("zh_Hant") == "嚴禁長時間離開旺旺不掛起、旺旺隱身、電腦設置密碼（TB-93）"
    for guidance in tb.CONTACT_GUIDANCE:
        for locale in LOCALES:
            assert guidance.describe().explain(locale)


def test_the_module_doctests() -> None:
    failures, tried = doctest.testmod(_contacts, optionflags=doctest.ELLIPSIS)
    assert tried
    assert not failures
