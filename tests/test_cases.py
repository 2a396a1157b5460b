"""Contacts and cases: the Taobao shop's after-sales categories and their playbooks
(TB-70..75), the JW-15 ticket workflow 接單 → 分配 → 處理 → 回復 → 總結 with its summary,
JW-20's six-step complaint flow, GM-06 receive → analyse → handle → reply, first-contact
ownership (CC-11, EH-07) and transfers with a reason (CC-13, EH-10), escalation of major
matters (EH-11, EH-16), waiting on the customer (TB-79: no response within 48 hours),
masking of customer data, and the refusals."""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Callable

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicecodex as sc
from servicecodex._cases import (
    Case,
    CaseCategory,
    CaseClosedError,
    CaseError,
    CaseEventKind,
    CaseRules,
    Contact,
    Direction,
    PlaybookStep,
    TransitionError,
    UnknownChoiceError,
    Workflow,
    WorkflowStep,
)
from servicecodex._channels import Channel

TZ = "Asia/Shanghai"
T0 = pendulum.datetime(2026, 3, 2, 9, 30, tz=TZ)  # a Monday morning
MIN = _dt.timedelta(minutes=1)

# The Taobao shop (002 第二篇 P1 四.1) ---------------------------------------------------

TB = sc.Source("002 第二篇")
TB70, TB71, TB72 = TB("TB-70", "P1 四.1(1)"), TB("TB-71", "P1 四.1(2)"), TB("TB-72", "P1 四.1(3)")
TB73, TB74, TB75 = TB("TB-73", "P1 四.1(4)"), TB("TB-74", "P1 四.1(5)"), TB("TB-75", "P1 四.1(6)")
RESOLVE = ("compensate", "return", "exchange")


def step(
    id: str, en: str, zh: str, cite: sc.Citation, *options: str, required: bool = True
) -> PlaybookStep:
    return PlaybookStep(id, sc.Text(en=en, zh_Hant=zh), cite, options, required=required)


TB_CATEGORIES = (
    CaseCategory(
        "not-as-expected",
        sc.Text(en="not as expected", zh_Hant="與想象不符"),
        TB70,
        [
            step("apologise", "apologise", "道歉", TB70),
            step("explain", "explain performance and value", "介紹產品性能與性價", TB70),
            # "if that fails" (TB-70): only then compensation, return or exchange
            step("resolve", "resolve", "處理", TB70, *RESOLVE, required=False),
        ],
    ),
    CaseCategory(
        "service",
        sc.Text(en="unhappy with service", zh_Hant="服務不滿意"),
        TB71,
        [
            step("check-chat", "check the chat record", "查看聊天記錄", TB71),
            step("record-fault", "record the service fault", "記錄服務過失", TB71),
            step("resolve", "resolve", "處理", TB71, *RESOLVE),
        ],
    ),
    CaseCategory(
        "short-shipment",
        sc.Text(en="short shipment", zh_Hant="少發貨缺貨"),
        TB72,
        [
            step("apologise", "apologise", "道歉", TB72),
            step("check-chat", "check chat, quantity and tracking numbers", "核對記錄", TB72),
            # only if the shipment was correct
            step("ask-photos", "ask for photos", "讓買家拍照", TB72, required=False),
            step("resend", "register and resend", "登記補發", TB72),
            step("coupon", "low-threshold shop coupon", "店鋪低門檻優惠卷", TB72, required=False),
        ],
    ),
    CaseCategory(
        "late-delivery",
        sc.Text(en="late delivery", zh_Hant="到貨延遲"),
        TB73,
        [
            step("logistics", "pull the logistics details", "調取物流信息", TB73),
            step("chase-courier", "chase the courier", "催促快遞", TB73),
            step("apologise", "apologise and explain", "道歉解釋", TB73),
        ],
    ),
    CaseCategory(
        "transit-damage",
        sc.Text(en="damaged in transit", zh_Hant="運輸破損"),
        TB74,
        [
            step("ask-photos", "ask for photos", "拍照取證", TB74, required=False),
            step("resolve", "resolve", "處理", TB74, *RESOLVE, "resend"),
        ],
    ),
    CaseCategory(
        "quality",
        sc.Text(en="quality problem", zh_Hant="質量問題"),
        TB75,
        [
            step("ask-photos", "ask for photos and the fault", "提供照片及質量問題", TB75),
            step("judge", "judge the fault", "判斷", TB75),
            step("apologise", "apologise", "道歉", TB75),
            step("resolve", "resolve", "處理", TB75, *RESOLVE),
        ],
    ),
)

# GM-06 (003, generic manual): receive → analyse → handle → reply
GM06 = sc.Citation("GM-06", "003 精美客户服务管理含动画培训ppt")
GM_WORKFLOW = Workflow(
    [
        WorkflowStep("receive", sc.Text(en="receive", zh_Hans="接收投诉")),
        WorkflowStep("analyse", sc.Text(en="analyse", zh_Hans="分析投诉")),
        WorkflowStep("handle", sc.Text(en="handle", zh_Hans="处理投诉")),
        WorkflowStep("reply", sc.Text(en="reply", zh_Hans="回复客户")),
    ],
    GM06,
)
TB_RULES = CaseRules([Channel.ONLINE_CHAT, Channel.SMS, Channel.PHONE], TB_CATEGORIES, GM_WORKFLOW)

# 京云倉 (000): JW-15 ticket workflow with its summary, JW-20 complaint flow ------------------

JW = sc.Source("000")
JW15 = JW("JW-15", "篇3 第六條")
JW18 = JW("JW-18", "篇1 第十二條")
JW20 = JW("JW-20", "篇2 第九條")
JW_WORKFLOW = Workflow(
    [
        WorkflowStep("intake", sc.Text(en="intake", zh_Hant="接單")),
        WorkflowStep("assign", sc.Text(en="assign", zh_Hant="分配")),
        WorkflowStep("handle", sc.Text(en="handle", zh_Hant="處理")),
        WorkflowStep("reply", sc.Text(en="reply", zh_Hant="回復")),
        WorkflowStep("summarise", sc.Text(en="summarise", zh_Hant="總結")),
    ],
    JW15,
    summary_cite=JW15,
    back={"reply": ["handle"]},  # the customer rejects the solution: back to the department
)
JW_RULES = CaseRules(
    [Channel.PHONE, Channel.ONLINE_CHAT, Channel.EMAIL],
    [
        CaseCategory(
            "complaint",
            sc.Text(en="complaint", zh_Hant="投訴"),
            JW18,
            [
                PlaybookStep(
                    "record", sc.Text(en="record the customer", zh_Hant="記錄客戶信息"), JW15
                )
            ],
        )
    ],
    JW_WORKFLOW,
)
JW20_WORKFLOW = Workflow(
    [
        WorkflowStep("receive", sc.Text(en="receive", zh_Hant="接收投訴")),
        WorkflowStep("analyse", sc.Text(en="analyse the cause", zh_Hant="分析原因")),
        WorkflowStep("plan", sc.Text(en="draft a solution", zh_Hant="制定解決方案")),
        WorkflowStep("execute", sc.Text(en="carry it out", zh_Hant="執行方案")),
        WorkflowStep("feedback", sc.Text(en="report the result", zh_Hant="反饋結果")),
        WorkflowStep("lessons", sc.Text(en="write up lessons", zh_Hant="總結經驗")),
    ],
    JW20,
    summary_cite=JW20,
    back={"execute": ["plan"], "feedback": ["analyse", "plan"]},
)

# The enterprise handbook (003): ownership, transfer, major matters ------------------------

EH = sc.Source("003")
EH07, EH10, EH11 = EH("EH-07", "规章制度 一.1"), EH("EH-10", "一.4"), EH("EH-11", "一.5")
EH16 = EH("EH-16", "四 请示制度 1")
EH_RULES = CaseRules(
    [Channel.PHONE, Channel.EMAIL, Channel.SMS, Channel.QQ, Channel.FAX, Channel.WEBSITE],
    [
        CaseCategory(
            "fault-report",
            sc.Text(en="fault report", zh_Hans="故障申告"),
            EH("EH-01", "提供何种服务"),
        ),
        CaseCategory(
            "major-error", sc.Text(en="major error", zh_Hans="重大差错"), EH16, major=True
        ),
    ],
    GM_WORKFLOW,
    ownership=EH07,
    transfer=EH10,
    major=EH11,
)
CC = sc.Source("001 篇1")
CC11, CC13 = CC("CC-11", "八.1"), CC("CC-13", "八.4")

PHONE_NO = "13812345678"


def chat(id: str, at: _dt.datetime, **changes: object) -> Contact:
    fields: dict[str, object] = {
        "id": id,
        "channel": Channel.ONLINE_CHAT,
        "at": at,
        "agent": "xiaomei",
        "customer": "tb_buyer_88",
        "content": "",
        "handling": 3 * MIN,
    }
    fields.update(changes)
    return Contact(**fields)  # type: ignore[arg-type]


def short_shipment() -> Case:
    first = chat("w1", T0, content="两件只收到一件", wait=20 * _dt.timedelta(seconds=1))
    return Case.open(
        TB_RULES, "TB-0302-07", "short-shipment", "online_chat", "tb_buyer_88", "xiaomei", T0, first
    )


# Contacts -------------------------------------------------------------------------------


def test_a_contact_records_its_channel_start_agent_customer_and_times() -> None:
    call = Contact(
        "c1",
        "phone",
        T0,
        agent="li",
        customer="王女士",
        content="洗衣機漏水",
        handling=4 * MIN,
        wait=_dt.timedelta(seconds=12),
    )
    assert call.channel is Channel.PHONE
    assert call.direction is Direction.INBOUND
    assert call.ends_at == T0.add(minutes=4)
    assert call.wait == _dt.timedelta(seconds=12)
    outbound = Contact("c2", Channel.SMS, T0, "li", "王女士", direction="outbound")
    assert outbound.direction is Direction.OUTBOUND
    assert outbound.handling == _dt.timedelta(0)
    assert outbound.wait is None


@pytest.mark.parametrize(
    ("changes", "field", "problem"),
    [
        ({"handling": -MIN}, "Contact.handling", "cannot be negative"),
        ({"wait": -MIN}, "Contact.wait", "cannot be negative"),
        ({"handling": 180}, "Contact.handling", "expected a timedelta"),
        ({"channel": "wangwang"}, "Contact.channel", "unknown; known: phone, online_chat"),
        ({"direction": "sideways"}, "Contact.direction", "use one of inbound, outbound"),
        ({"agent": " "}, "Contact.agent", "non-blank"),
        ({"customer": ""}, "Contact.customer", "non-blank"),
    ],
)
def test_a_bad_contact_is_refused(changes: dict[str, object], field: str, problem: str) -> None:
    with pytest.raises(sc.ValidationError, match=problem) as err:
        chat("w1", T0, **changes)
    assert err.value.field == field
    assert not isinstance(err.value, sc.PolicyError)  # a user's input, not policy data


def test_a_contact_needs_an_aware_start() -> None:
    with pytest.raises(sc.NaiveDateTimeError):
        chat("w1", _dt.datetime(2026, 3, 2, 9, 30))


# Opening ---------------------------------------------------------------------------------


def test_a_case_opens_at_the_first_step_with_its_first_contact() -> None:
    case = short_shipment()
    assert case.id == "TB-0302-07"
    assert case.category.id == "short-shipment"
    assert case.category.cite.rule_id == "TB-72"
    assert case.channel is Channel.ONLINE_CHAT
    assert case.customer == "tb_buyer_88"
    assert case.owner == "xiaomei"
    assert case.opened_at == T0
    assert case.step.id == "receive"
    assert [c.id for c in case.contacts] == ["w1"]
    assert [e.kind for e in case.history] == [CaseEventKind.OPENED, CaseEventKind.CONTACT]
    assert case.closed_at is None
    assert not case.closed
    assert case.escalated_at is None
    assert case.transfers == ()
    assert case.summary == ""
    assert not case.major


def test_an_unknown_category_is_refused_listing_the_known_ones() -> None:
    with pytest.raises(UnknownChoiceError) as err:
        Case.open(TB_RULES, "TB-1", "broken", Channel.ONLINE_CHAT, "tb_buyer_88", "xiaomei", T0)
    assert err.value.known == (
        "not-as-expected",
        "service",
        "short-shipment",
        "late-delivery",
        "transit-damage",
        "quality",
    )
    assert "known: not-as-expected, service, short-shipment" in str(err.value)
    assert err.value.case_id == "TB-1"
    assert isinstance(err.value, LookupError)
    assert isinstance(err.value, sc.ServiceCodexError)


@pytest.mark.parametrize("channel", ["walk_in", "wangwang", Channel.EMAIL])
def test_a_channel_the_rules_do_not_serve_is_refused(channel: object) -> None:
    with pytest.raises(UnknownChoiceError, match="known: online_chat, sms, phone") as err:
        Case.open(TB_RULES, "TB-1", "quality", channel, "tb_buyer_88", "xiaomei", T0)  # type: ignore[arg-type]
    assert err.value.known == ("online_chat", "sms", "phone")


def test_the_opening_contact_may_not_start_before_the_case_opens() -> None:
    with pytest.raises(CaseError, match="before the case opened") as err:
        Case.open(
            TB_RULES,
            "TB-1",
            "quality",
            "online_chat",
            "tb_buyer_88",
            "xiaomei",
            T0,
            chat("w1", T0.subtract(minutes=1)),
        )
    assert err.value.case_id == "TB-1"


def test_a_major_category_makes_a_major_case_and_open_may_mark_one() -> None:
    major = Case.open(EH_RULES, "EH-1", "major-error", Channel.PHONE, "刘经理", "zhou", T0)
    assert major.major
    marked = Case.open(EH_RULES, "EH-2", "fault-report", "phone", "刘经理", "zhou", T0, major=True)
    assert marked.major
    assert not Case.open(EH_RULES, "EH-3", "fault-report", "phone", "刘经理", "zhou", T0).major


# Playbooks -------------------------------------------------------------------------------


def test_tb72_short_shipment_playbook_steps_are_recorded_and_reviewed() -> None:
    case = short_shipment()
    missing = case.review(T0)
    assert [r.rule_id for r in missing] == ["TB-72"] * 3  # apologise, check-chat, resend
    assert [r.facts["step"].id for r in missing] == ["apologise", "check-chat", "resend"]  # type: ignore[attr-defined]
    assert missing[0].explain("en") == (
        "Case TB-0302-07: the playbook step apologise is not yet taken (TB-72)"
    )
    case = (
        case.take("apologise", T0.add(minutes=1), by="xiaomei")
        .take("check-chat", T0.add(minutes=5), by="xiaomei")
        .take("resend", T0.add(minutes=8), by="xiaomei", option=None)
        .take("coupon", T0.add(minutes=9), by="xiaomei")
    )
    assert [(e.step, e.option) for e in case.taken] == [
        ("apologise", None),
        ("check-chat", None),
        ("resend", None),
        ("coupon", None),
    ]
    assert case.review(T0.add(minutes=10)) == []
    # as of 09:36 the resend was not yet recorded
    assert [r.facts["step"].id for r in case.review(T0.add(minutes=6))] == ["resend"]  # type: ignore[attr-defined]


def test_tb75_quality_problem_resolves_with_one_of_its_options() -> None:
    case = Case.open(TB_RULES, "TB-9", "quality", "online_chat", "tb_buyer_88", "xiaomei", T0)
    case = case.take("ask-photos", T0.add(minutes=2), by="xiaomei")
    case = case.wait_on_customer(T0.add(minutes=2), by="xiaomei", note="photos asked")
    case = case.add_contact(chat("w2", T0.add(hours=3), content="照片已发"))
    for i, playbook_step in enumerate(("judge", "apologise")):
        case = case.take(playbook_step, T0.add(hours=3, minutes=5 + i), by="xiaomei")
    with pytest.raises(CaseError, match="taken with one of: compensate, return, exchange") as err:
        case.take("resolve", T0.add(hours=4), by="xiaomei")
    assert err.value.rule_id == "TB-75"
    with pytest.raises(UnknownChoiceError, match="known: compensate, return, exchange"):
        case.take("resolve", T0.add(hours=4), by="xiaomei", option="resend")
    case = case.take("resolve", T0.add(hours=4), by="xiaomei", option="return")
    assert case.taken[-1].option == "return"
    assert case.review(T0.add(hours=4)) == []
    assert case.waiting_periods(T0.add(days=1)) == ((T0.add(minutes=2), T0.add(hours=3)),)


def test_unknown_playbook_steps_and_stray_options_are_refused() -> None:
    case = short_shipment()
    with pytest.raises(UnknownChoiceError, match="known: apologise, check-chat, ask-photos") as err:
        case.take("refund", T0.add(minutes=1), by="xiaomei")
    assert err.value.rule_id == "TB-72"
    with pytest.raises(CaseError, match="has no options"):
        case.take("apologise", T0.add(minutes=1), by="xiaomei", option="compensate")


def test_a_case_closed_without_its_playbook_says_so() -> None:
    case = Case.open(TB_RULES, "TB-5", "late-delivery", "phone", "tb_buyer_88", "xiaomei", T0)
    for i, workflow_step in enumerate(("analyse", "handle", "reply"), start=1):
        case = case.advance(workflow_step, T0.add(hours=i), by="xiaomei")
    case = case.take("logistics", T0.add(hours=3), by="xiaomei").close(T0.add(hours=4), "xiaomei")
    assert [r.explain("en") for r in case.review(T0.add(days=1))] == [
        "Case TB-5 was closed without the playbook step chase the courier (TB-73)",
        "Case TB-5 was closed without the playbook step apologise and explain (TB-73)",
    ]


def test_categories_describe_their_playbooks() -> None:
    assert TB_CATEGORIES[4].describe().explain("en") == (
        "Damaged in transit: ask for photos and resolve (TB-74)"
    )
    none = CaseCategory("other", sc.Text(en="other", zh_Hans="其他"), TB70)
    assert none.describe().explain("en") == "Other: no prescribed playbook (TB-70)"
    rules = EH_RULES.describe()
    assert [r.rule_id for r in rules] == ["GM-06", "EH-01", "EH-16", "EH-07", "EH-10", "EH-11"]
    assert rules[0].explain("en") == "Case workflow: receive, analyse, handle, and reply (GM-06)"
    assert JW_RULES.describe()[1].explain("en") == "A case closes with a written summary (JW-15)"


# Workflow --------------------------------------------------------------------------------


def jw_case() -> Case:
    return Case.open(JW_RULES, "JW-0302-1", "complaint", "phone", "陳先生", "li", T0)


def test_jw15_ticket_runs_intake_assign_handle_reply_summarise_and_closes_with_a_summary() -> None:
    case = jw_case()
    for i, workflow_step in enumerate(("assign", "handle", "reply", "summarise"), start=1):
        case = case.advance(workflow_step, T0.add(hours=i), by="li", note=f"step {i}")
    assert case.step.id == "summarise"
    advanced = [e for e in case.history if e.kind is CaseEventKind.ADVANCED]
    assert [(e.previous, e.step) for e in advanced] == [
        ("intake", "assign"),
        ("assign", "handle"),
        ("handle", "reply"),
        ("reply", "summarise"),
    ]
    with pytest.raises(CaseError, match="closes with a written summary") as err:
        case.close(T0.add(hours=5), by="li", summary="  ")
    assert err.value.rule_id == "JW-15"
    closed = case.close(T0.add(hours=5), by="li", summary="倉庫錯發尺碼，已補發")
    assert closed.closed_at == T0.add(hours=5)
    assert closed.summary == "倉庫錯發尺碼，已補發"
    assert closed.history[-1].kind is CaseEventKind.CLOSED
    assert case.closed_at is None  # the case before closing is unchanged


def test_a_skipped_step_is_refused_naming_the_allowed_next_steps() -> None:
    case = jw_case().advance("assign", T0.add(minutes=5), by="li")
    with pytest.raises(TransitionError) as err:
        case.advance("reply", T0.add(minutes=6), by="li")
    assert (err.value.current, err.value.wanted, err.value.allowed) == (
        "assign",
        "reply",
        ("handle",),
    )
    assert err.value.rule_id == "JW-15"
    assert str(err.value) == (
        "case 'JW-0302-1', Case.step: cannot go from 'assign' to 'reply'; "
        "allowed next: handle (got 'reply') [JW-15]"
    )
    with pytest.raises(TransitionError, match="allowed next: handle"):
        case.advance("intake", T0.add(minutes=6), by="li")  # backwards, not declared
    with pytest.raises(TransitionError, match="allowed next: handle"):
        case.advance("assign", T0.add(minutes=6), by="li")  # staying is not a move
    with pytest.raises(UnknownChoiceError, match="known: intake, assign, handle, reply, summarise"):
        case.advance("archive", T0.add(minutes=6), by="li")


def test_a_declared_step_back_is_allowed() -> None:
    case = jw_case()
    for i, workflow_step in enumerate(("assign", "handle", "reply"), start=1):
        case = case.advance(workflow_step, T0.add(hours=i), by="li")
    with pytest.raises(TransitionError) as err:
        case.advance("assign", T0.add(hours=4), by="li")
    assert err.value.allowed == ("handle", "summarise")
    case = case.advance("handle", T0.add(hours=4), by="li", note="customer rejected the offer")
    assert case.step.id == "handle"
    assert case.history[-1].note == "customer rejected the offer"


def test_a_case_closes_only_from_the_last_step() -> None:
    case = jw_case().advance("assign", T0.add(minutes=5), by="li")
    with pytest.raises(TransitionError) as err:
        case.close(T0.add(hours=1), by="li", summary="done")
    assert err.value.wanted == "close"
    assert err.value.allowed == ("handle",)
    # GM-06 cites no summary: its cases close from "reply" without one
    gm = Case.open(TB_RULES, "TB-2", "service", "sms", "tb_buyer_88", "xiaomei", T0)
    for i, workflow_step in enumerate(("analyse", "handle", "reply"), start=1):
        gm = gm.advance(workflow_step, T0.add(hours=i), by="xiaomei")
    with pytest.raises(TransitionError) as err:
        gm.advance("receive", T0.add(hours=4), by="xiaomei")
    assert err.value.allowed == ("close",)
    assert gm.close(T0.add(hours=4), by="xiaomei").closed


def test_a_closed_case_refuses_every_change() -> None:
    case = jw_case()
    for i, workflow_step in enumerate(("assign", "handle", "reply", "summarise"), start=1):
        case = case.advance(workflow_step, T0.add(hours=i), by="li")
    case = case.close(T0.add(hours=5), by="li", summary="resolved")
    later = T0.add(hours=6)
    attempts: list[Callable[[], Case]] = [
        lambda: case.add_contact(Contact("p2", "phone", later, "li", "陳先生")),
        lambda: case.advance("summarise", later, by="li"),
        lambda: case.take("record", later, by="li"),
        lambda: case.transfer("wang", "warehouse", "stock", later, by="li"),
        lambda: case.escalate("boss", later, by="li", reason="angry"),
        lambda: case.wait_on_customer(later),
        lambda: case.close(later, by="li", summary="again"),
    ]
    for attempt in attempts:
        with pytest.raises(CaseClosedError, match="the case closed at"):
            attempt()


def test_jw20_complaint_flow_goes_back_from_feedback_only_where_declared() -> None:
    rules = CaseRules([Channel.PHONE], JW_RULES.categories, JW20_WORKFLOW)
    assert [s.id for s in JW20_WORKFLOW.next_steps("feedback")] == ["analyse", "plan", "lessons"]
    case = Case.open(rules, "JW-7", "complaint", "phone", "陳先生", "li", T0)
    path = ["analyse", "plan", "execute", "plan", "execute", "feedback", "analyse"]
    for i, workflow_step in enumerate(path, start=1):
        case = case.advance(workflow_step, T0.add(hours=i), by="li")
    assert case.step.id == "analyse"
    with pytest.raises(TransitionError, match="allowed next: plan"):
        case.advance("feedback", T0.add(hours=9), by="li")


def test_skips_are_allowed_only_where_declared() -> None:
    steps = JW_WORKFLOW.steps
    workflow = Workflow(steps, JW15, skip={"intake": "handle"})  # a str names one step
    assert [s.id for s in workflow.next_steps("intake")] == ["assign", "handle"]
    assert workflow.allows("intake", "handle")
    assert not workflow.allows("intake", "reply")
    assert [s.id for s in workflow.next_steps("summarise")] == []


@pytest.mark.parametrize(
    ("changes", "match"),
    [
        ({"back": {"assign": ["reply"]}}, "not an earlier step"),
        ({"back": {"assign": ["assign"]}}, "not an earlier step"),
        ({"skip": {"intake": ["assign"]}}, "beyond the next one"),
        ({"skip": {"archive": ["reply"]}}, "unknown step; known: intake"),
        ({"back": {"reply": ["archive"]}}, "unknown step"),
        ({"back": ["reply"]}, "Workflow.back: expected a mapping"),
        ({"skip": "reply"}, "Workflow.skip: expected a mapping"),
        ({"steps": [*JW_WORKFLOW.steps, JW_WORKFLOW.steps[0]]}, "duplicate id"),
        ({"steps": []}, "must not be empty"),
    ],
)
def test_a_bad_workflow_is_refused(changes: dict[str, object], match: str) -> None:
    fields: dict[str, object] = {"steps": JW_WORKFLOW.steps, "cite": JW15}
    fields.update(changes)
    with pytest.raises(sc.PolicyError, match=match):
        Workflow(**fields)  # type: ignore[arg-type]


def test_workflows_hash_and_compare() -> None:
    same = Workflow(JW_WORKFLOW.steps, JW15, summary_cite=JW15, back={"reply": ("handle",)})
    assert same == JW_WORKFLOW
    assert hash(same) == hash(JW_WORKFLOW)
    assert hash(jw_case()) == hash(jw_case())


def test_bad_rules_are_refused() -> None:
    with pytest.raises(sc.PolicyError, match="duplicate id"):
        CaseRules([Channel.PHONE], [*JW_RULES.categories, *JW_RULES.categories], JW_WORKFLOW)
    with pytest.raises(sc.PolicyError, match="must not be empty"):
        CaseRules([], JW_RULES.categories, JW_WORKFLOW)
    with pytest.raises(sc.PolicyError, match="duplicate id"):
        CaseCategory("x", sc.Text(en="x", zh_Hans="x"), TB70, [*TB_CATEGORIES[0].playbook] * 2)
    with pytest.raises(sc.PolicyError, match="lower-case"):
        step("resolve", "r", "r", TB70, "Compensate")
    assert JW_RULES.category("complaint").cite == JW18
    with pytest.raises(sc.ValidationError, match="unknown; known: complaint"):
        JW_RULES.category("praise")


# Contacts in a case ----------------------------------------------------------------------


def test_a_contact_dated_before_the_case_opened_is_refused() -> None:
    case = jw_case()
    with pytest.raises(CaseError, match="is before the case opened") as err:
        case.add_contact(Contact("p0", "phone", T0.subtract(hours=1), "li", "陳先生"))
    assert err.value.case_id == "JW-0302-1"
    assert err.value.field == "Contact.at"


def test_a_contact_out_of_time_order_is_refused() -> None:
    case = short_shipment().add_contact(chat("w2", T0.add(hours=2)))
    with pytest.raises(CaseError, match="out of time order"):
        case.add_contact(chat("w3", T0.add(hours=1)))
    with pytest.raises(CaseError, match="out of time order"):
        case.advance("analyse", T0.add(hours=1), by="xiaomei")
    same_moment = case.add_contact(chat("w3", T0.add(hours=2), direction=Direction.OUTBOUND))
    assert [c.id for c in same_moment.contacts] == ["w1", "w2", "w3"]
    assert [c.at for c in same_moment.contacts] == sorted(c.at for c in same_moment.contacts)


def test_contacts_must_match_the_case() -> None:
    case = short_shipment()
    with pytest.raises(CaseError, match="another customer") as err:
        case.add_contact(chat("w2", T0.add(hours=1), customer="someone_else"))
    assert "someone_else" not in str(err.value)  # the other customer is not disclosed
    with pytest.raises(CaseError, match="already has this contact"):
        case.add_contact(chat("w1", T0.add(hours=1)))
    with pytest.raises(UnknownChoiceError, match="known: online_chat, sms, phone"):
        case.add_contact(chat("e1", T0.add(hours=1), channel=Channel.EMAIL))
    with pytest.raises(sc.ValidationError, match="expected a Contact"):
        case.add_contact("w2")  # type: ignore[arg-type]


def test_each_change_returns_a_new_case_and_appends_one_event() -> None:
    before = short_shipment()
    after = before.advance("analyse", T0.add(minutes=10), by="xiaomei")
    assert before.step.id == "receive"
    assert len(after.history) == len(before.history) + 1
    assert after.history[: len(before.history)] == before.history
    with pytest.raises(AttributeError):
        after.owner = "someone"  # type: ignore[misc]


@pytest.mark.parametrize("by", ["", "  ", None])
def test_who_acts_is_named(by: object) -> None:
    with pytest.raises(CaseError, match="name who does it"):
        short_shipment().advance("analyse", T0.add(minutes=10), by=by)  # type: ignore[arg-type]


# Ownership, transfer, escalation ---------------------------------------------------------


def eh_case(category: str = "fault-report") -> Case:
    first = Contact("p1", "phone", T0, "zhou", PHONE_NO, content="型材开裂", handling=6 * MIN)
    return Case.open(EH_RULES, "EH-0302-3", category, "phone", PHONE_NO, "zhou", T0, first)


def test_eh07_the_first_agent_asked_owns_the_case_until_a_transfer() -> None:
    # opened in someone else's name: the agent first asked was zhou, not sun
    first = Contact("p1", "phone", T0, "zhou", PHONE_NO)
    wrong = Case.open(EH_RULES, "EH-9", "fault-report", "phone", PHONE_NO, "sun", T0, first)
    assert [r.facts["agent"] for r in wrong.review(T0)] == ["zhou"]
    case = eh_case()
    # a colleague takes the customer's next call while zhou owns the case
    case = case.add_contact(Contact("p2", "phone", T0.add(hours=1), "sun", PHONE_NO))
    reasons = case.review(T0.add(hours=1))
    assert [r.rule_id for r in reasons] == ["EH-07"]
    assert reasons[0].facts["owner"] == "zhou"
    assert (
        reasons[0]
        .explain("en")
        .startswith("Case EH-0302-3: sun handled the contact of Mar 2, 2026")
    )
    assert (
        reasons[0]
        .explain("en")
        .endswith("but zhou owns the case and no transfer is recorded (EH-07)")
    )
    # EH-10: handed to the person responsible in production, with the reason
    case = case.transfer(
        "qian", "生产部", "维修预约登记 needs production", T0.add(hours=2), by="zhou"
    )
    assert case.owner == "qian"
    assert case.owner_at(T0.add(hours=1)) == "zhou"
    assert case.owner_at(T0.add(hours=2)) == "qian"
    (moved,) = case.transfers
    assert (moved.previous, moved.to, moved.department) == ("zhou", "qian", "生产部")
    case = case.add_contact(
        Contact("p3", "phone", T0.add(hours=3), "qian", PHONE_NO, direction="outbound")
    )
    assert [r.rule_id for r in case.review(T0.add(hours=3))] == ["EH-07"]  # only p2, by sun


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_transfer_needs_a_reason(reason: str) -> None:
    with pytest.raises(CaseError, match="a transfer needs a reason") as err:
        eh_case().transfer("qian", "生产部", reason, T0.add(hours=1), by="zhou")
    assert err.value.rule_id == "EH-10"
    assert err.value.cite == EH10


def test_a_transfer_names_a_new_owner_and_a_department() -> None:
    case = eh_case()
    with pytest.raises(CaseError, match="already owns the case"):
        case.transfer("zhou", "客服部", "reason", T0.add(hours=1), by="zhou")
    with pytest.raises(CaseError, match="name the department"):
        case.transfer("qian", " ", "reason", T0.add(hours=1), by="zhou")
    with pytest.raises(CaseError, match="takes the case over"):
        case.transfer("", "生产部", "reason", T0.add(hours=1), by="zhou")
    # a transfer without a cited rule still needs its reason
    with pytest.raises(CaseError, match="needs a reason") as err:
        jw_case().transfer("wang", "warehouse", "", T0.add(hours=1), by="li")
    assert err.value.rule_id is None


def test_cc11_ownership_counts_outbound_contacts_too() -> None:
    complaint = CaseCategory("complaint", sc.Text(en="complaint", zh_Hans="投诉"), CC13)
    rules = CaseRules([Channel.PHONE], [complaint], GM_WORKFLOW, CC11, CC13)
    case = Case.open(rules, "CC-1", "complaint", "phone", "会员张", "agent-07", T0)
    case = case.add_contact(
        Contact("o1", "phone", T0.add(minutes=30), "agent-12", "会员张", direction="outbound")
    )
    assert [r.rule_id for r in case.review(T0.add(hours=1))] == ["CC-11"]
    case = case.transfer("agent-12", "会员部", "membership question", T0.add(hours=1), "agent-07")
    assert case.transfers[0].note == "membership question"
    # the contact before the transfer stays a breach of first-contact ownership
    assert [r.rule_id for r in case.review(T0.add(hours=2))] == ["CC-11"]


def test_without_an_ownership_rule_contacts_by_others_are_not_listed() -> None:
    case = short_shipment().add_contact(chat("w2", T0.add(hours=1), agent="ada"))
    assert [r.rule_id for r in case.review(T0.add(hours=1))] == ["TB-72"] * 3


def test_eh11_a_major_matter_is_escalated_to_the_supervisor() -> None:
    case = eh_case("major-error")
    assert [r.explain("en") for r in case.review(T0)] == [
        "Case EH-0302-3 is a major matter not escalated to the supervisor (EH-11)"
    ]
    with pytest.raises(CaseError, match="an escalation needs a reason") as err:
        case.escalate("supervisor-wu", T0.add(minutes=10), by="zhou", reason="")
    assert err.value.rule_id == "EH-11"
    with pytest.raises(CaseError, match="name the supervisor"):
        case.escalate(" ", T0.add(minutes=10), by="zhou", reason="wrong profile shipped")
    case = case.escalate(
        "supervisor-wu", T0.add(minutes=10), by="zhou", reason="批次错发；建议整批召回"
    )
    assert case.escalated_at == T0.add(minutes=10)
    assert case.owner == "zhou"  # escalation does not move ownership
    assert case.review(T0.add(minutes=10)) == []
    assert [r.rule_id for r in case.review(T0.add(minutes=5))] == ["EH-11"]  # not yet then
    # the supervisor may call the customer after the escalation
    case = case.add_contact(
        Contact("p2", "phone", T0.add(hours=1), "supervisor-wu", PHONE_NO, direction="outbound")
    )
    assert case.review(T0.add(hours=1)) == []
    second = case.escalate("director", T0.add(hours=2), by="supervisor-wu", reason="needs budget")
    assert [e.to for e in second.escalations] == ["supervisor-wu", "director"]
    assert second.escalated_at == T0.add(minutes=10)


def test_a_review_before_the_case_opened_is_refused() -> None:
    with pytest.raises(CaseError, match="before the case opened"):
        eh_case().review(T0.subtract(seconds=1))


# Waiting on the customer ----------------------------------------------------------------


def test_tb79_waiting_on_the_customer_pauses_until_the_customer_answers() -> None:
    # a severe review: Wangwang message and SMS, then wait; the buyer answers 30 hours later
    case = Case.open(TB_RULES, "TB-79-1", "service", "online_chat", "tb_buyer_88", "xiaomei", T0)
    case = case.add_contact(chat("w1", T0, direction="outbound", content="亲，请问哪里不满意？"))
    case = case.add_contact(
        Contact("s1", "sms", T0.add(minutes=1), "xiaomei", "tb_buyer_88", direction="outbound")
    )
    case = case.wait_on_customer(T0.add(minutes=1), by="xiaomei", note="waiting for the buyer")
    assert case.waiting
    assert case.waiting_periods(T0.add(hours=10)) == ((T0.add(minutes=1), T0.add(hours=10)),)
    # an outbound contact does not end the wait; the buyer's inbound reply does
    case = case.add_contact(chat("w2", T0.add(hours=24), direction="outbound"))
    assert case.waiting
    case = case.add_contact(chat("w3", T0.add(hours=30)))
    assert not case.waiting
    resumed = case.history[-1]
    assert (resumed.kind, resumed.by, resumed.contact) == (CaseEventKind.RESUMED, None, "w3")
    assert case.waiting_periods(T0.add(days=3)) == ((T0.add(minutes=1), T0.add(hours=30)),)
    # clipped at the moment asked; nothing before the wait began
    assert case.waiting_periods(T0.add(hours=2)) == ((T0.add(minutes=1), T0.add(hours=2)),)
    assert case.waiting_periods(T0) == ()


def test_waits_resume_explicitly_and_end_when_the_case_closes() -> None:
    case = Case.open(TB_RULES, "TB-3", "late-delivery", "phone", "tb_buyer_88", "xiaomei", T0)
    case = case.wait_on_customer(T0.add(hours=1))
    with pytest.raises(CaseError, match="already waiting"):
        case.wait_on_customer(T0.add(hours=2))
    case = case.resume(T0.add(hours=2), by="xiaomei", note="address confirmed by the courier")
    with pytest.raises(CaseError, match="not waiting"):
        case.resume(T0.add(hours=3))
    case = case.wait_on_customer(T0.add(hours=3))
    for i, workflow_step in enumerate(("analyse", "handle", "reply"), start=4):
        case = case.advance(workflow_step, T0.add(hours=i), by="xiaomei")
    case = case.close(T0.add(hours=8), by="xiaomei")
    assert case.waiting_periods(T0.add(days=2)) == (
        (T0.add(hours=1), T0.add(hours=2)),
        (T0.add(hours=3), T0.add(hours=8)),
    )


# Masking ---------------------------------------------------------------------------------


def test_outputs_mask_customer_data_unless_revealed() -> None:
    case = eh_case().add_contact(
        Contact(
            "p2",
            "phone",
            T0.add(hours=1),
            "zhou",
            PHONE_NO,
            content=f"客户刘建国说请回电 {PHONE_NO}，邮箱 liu@example.com",
        )
    )
    case = case.escalate("supervisor-wu", T0.add(hours=2), by="zhou", reason=f"回电 {PHONE_NO}")
    masked = json.dumps(case.to_dict(), ensure_ascii=False)
    assert PHONE_NO not in masked
    assert "liu@example.com" not in masked
    assert "zhou" in masked
    assert "supervisor-wu" in masked
    data = case.to_dict()
    assert data["customer"] == "138****5678"
    assert data["contacts"][0]["customer"] == "138****5678"
    assert data["history"][-1]["note"] == "回电 138****5678"
    assert data["contacts"][1]["content"] != case.contacts[1].content
    revealed = case.to_dict(reveal=True)
    assert revealed["customer"] == PHONE_NO
    assert revealed["contacts"][1]["content"] == case.contacts[1].content
    assert revealed["history"][-1]["note"] == f"回电 {PHONE_NO}"
    for locale in ("en", "zh_Hans", "zh_Hant"):
        assert PHONE_NO not in case.format(locale)
        assert "liu@example.com" not in case.format(locale)
    assert PHONE_NO in case.format("en", reveal=True)


def test_a_named_customer_is_masked_in_every_output() -> None:
    case = short_shipment().add_contact(
        chat("w2", T0.add(hours=1), content="tb_buyer_88 says the parcel had one item")
    )
    for text in (json.dumps(case.to_dict()), case.format("en"), case.format("zh_Hans")):
        assert "tb_buyer_88" not in text
    assert case.to_dict()["customer"] == "t**"
    assert case.to_dict()["contacts"][1]["content"] == "t** says the parcel had one item"
    assert "tb_buyer_88" in case.format("en", reveal=True)


def test_the_case_formats_as_text() -> None:
    case = short_shipment()
    case = case.take("apologise", T0.add(minutes=1), by="xiaomei")
    case = case.take("check-chat", T0.add(minutes=5), by="xiaomei")
    case = case.wait_on_customer(T0.add(minutes=6), by="xiaomei", note="photos of the parcel")
    case = case.add_contact(chat("w2", T0.add(hours=2), content="照片"))
    case = case.advance("analyse", T0.add(hours=2, minutes=5), by="xiaomei")
    case = case.transfer("ada", "warehouse", "check the packing", T0.add(hours=3), by="xiaomei")
    case = case.escalate("boss", T0.add(hours=4), by="ada", reason="third time this week")
    case = case.take("resend", T0.add(hours=5), by="ada")
    for i, workflow_step in enumerate(("handle", "reply"), start=6):
        case = case.advance(workflow_step, T0.add(hours=i), by="ada")
    case = case.close(T0.add(hours=8), by="ada", summary="resent the missing item")
    text = case.format("en", reveal=True).splitlines()
    assert text[0] == "Case TB-0302-07: short shipment by online chat, customer tb_buyer_88"
    assert text[1] == "Owner: ada · step: reply · major matter: no"
    assert text[2] == "  Mar 2, 2026, 9:30:00\u202fAM opened by xiaomei"
    assert text[3].endswith("inbound online chat contact by xiaomei, 3 minutes: 两件只收到一件")
    assert text[4].endswith("AM apologise, by xiaomei")
    assert "waiting on the customer: photos of the parcel" in text[6]
    assert text[8].endswith("resumed")
    assert text[9].endswith("moved on to analyse by xiaomei")
    assert text[10].endswith("transferred by xiaomei to ada (warehouse): check the packing")
    assert text[11].endswith("escalated by ada to boss: third time this week")
    assert text[-1].endswith("closed by ada: resent the missing item")
    zh = case.format("zh_Hant", reveal=True)
    assert "少發貨缺貨" in zh
    assert "總結" not in zh
    assert len(zh.splitlines()) == len(text)


def test_a_playbook_option_shows_in_the_text() -> None:
    case = Case.open(TB_RULES, "TB-4", "transit-damage", "phone", "tb_buyer_88", "xiaomei", T0)
    case = case.take("resolve", T0.add(hours=1), by="xiaomei", option="resend")
    assert case.format("en").splitlines()[-1].endswith("resolve: resend, by xiaomei")
    assert case.to_dict()["history"][-1]["option"] == "resend"


# The state machine as a property ---------------------------------------------------------


@st.composite
def workflows(draw: st.DrawFn) -> Workflow:
    n = draw(st.integers(1, 6))
    ids = [f"s{i}" for i in range(n)]
    back: dict[str, list[str]] = {}
    skip: dict[str, list[str]] = {}
    for i, source in enumerate(ids):
        earlier = ids[:i]
        later = ids[i + 2 :]
        if earlier:
            back[source] = draw(st.lists(st.sampled_from(earlier), unique=True, max_size=2))
        if later:
            skip[source] = draw(st.lists(st.sampled_from(later), unique=True, max_size=2))
    steps = [WorkflowStep(i, sc.Text(en=i, zh_Hans=i)) for i in ids]
    return Workflow(steps, GM06, back=back, skip=skip)


@settings(max_examples=200, deadline=None)
@given(
    workflow=workflows(),
    moves=st.lists(
        st.sampled_from(["s0", "s1", "s2", "s3", "s4", "s5", "s9", "close"]), max_size=25
    ),
)
def test_advance_follows_the_declared_transitions_or_raises(
    workflow: Workflow, moves: list[str]
) -> None:
    ids = [s.id for s in workflow.steps]
    rules = CaseRules([Channel.PHONE], JW_RULES.categories, workflow)
    case = Case.open(rules, "P-1", "complaint", "phone", "陳先生", "li", T0)
    at = T0
    for move in moves:
        at = at.add(minutes=1)
        here = ids.index(case.step.id)
        allowed = {ids[here + 1]} if here + 1 < len(ids) else set()
        allowed |= set(workflow.back.get(case.step.id, ()))
        allowed |= set(workflow.skip.get(case.step.id, ()))
        before = case
        if move == "close":
            if here == len(ids) - 1:
                case = case.close(at, by="li")
                assert case.closed
                return
            with pytest.raises(TransitionError) as err:
                case.close(at, by="li")
            assert set(err.value.allowed) == allowed
            continue
        if move not in ids:
            with pytest.raises(UnknownChoiceError):
                case.advance(move, at, by="li")
        elif move in allowed:
            case = case.advance(move, at, by="li")
            assert case.step.id == move
            assert case.history[-1].previous == before.step.id
            assert case.history[:-1] == before.history
            continue
        else:
            with pytest.raises(TransitionError) as err:
                case.advance(move, at, by="li")
            expected = {*allowed, "close"} if here == len(ids) - 1 else allowed
            assert set(err.value.allowed) == expected
            assert move not in err.value.allowed
        assert case is before  # a refusal changes nothing
    # the history replays as a walk of declared moves only
    steps = [e for e in case.history if e.kind is CaseEventKind.ADVANCED]
    for event in steps:
        assert event.previous is not None
        assert event.step is not None
        assert workflow.allows(event.previous, event.step)
