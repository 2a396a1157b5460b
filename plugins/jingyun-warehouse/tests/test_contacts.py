"""Contacts, cases, service levels, the survey and the registers of the Jingyun Warehouse
CS centre (JW-11 … JW-21, JW-27 … JW-30), with the regulation's own numbers: 3 rings,
JW-15's five steps, JW-18's three targets, JW-20's six steps, JW-21's four items."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal

import pendulum
import pytest
import servicecodex_jingyun_warehouse as jw

import servicecodex as sc
from servicecodex.testing import organization_fixture

JW_RULE_ID = re.compile(r"^JW-\d{2}$")
#: Monday 9 March 2026, 09:30 in Shanghai: a customer phones about a damaged product.
T0 = pendulum.datetime(2026, 3, 9, 9, 30, tz="Asia/Shanghai")
AGENT = "JW-R01"
CUSTOMER = "王芳"


org = organization_fixture("jingyun-warehouse")


@pytest.fixture(scope="module")
def policy(org: sc.Organization) -> sc.ServiceLevelPolicy:
    return org.service_levels


def call(ident: str, at: pendulum.DateTime, wait_seconds: int, content: str = "") -> sc.Contact:
    """An inbound call from the customer, answered after *wait_seconds* of ringing."""
    return sc.Contact(
        ident,
        "phone",
        at,
        AGENT,
        CUSTOMER,
        content,
        wait=dt.timedelta(seconds=wait_seconds),
    )


def reply(ident: str, at: pendulum.DateTime, channel: str = "phone") -> sc.Contact:
    return sc.Contact(ident, channel, at, AGENT, CUSTOMER, "回复", direction="outbound")


def complaint(policy: sc.ServiceLevelPolicy, wait_seconds: int = 10) -> sc.Case:
    first = call("call-1", T0, wait_seconds, "收到的货物外包装破损")
    return policy.open_case("T-1", "complaint-product", "phone", CUSTOMER, AGENT, T0, first)


# The hook ---------------------------------------------------------------------------------


def test_the_hook_answers_the_whole_policy(org: sc.Organization) -> None:
    levels = org.service_levels
    assert levels is jw.SERVICE_LEVELS
    assert levels.cases is jw.CASE_RULES
    assert levels.escalations == (jw.FIRST_REPLY,)
    assert levels.survey is jw.SURVEY
    assert levels.registers == jw.REGISTERS
    assert levels.register("intake") is jw.INTAKE_REGISTER
    assert levels.hours is None  # no opening hours stated: only the rings count, in seconds
    assert levels.callbacks == ()  # no callback is stated


def test_every_citation_is_a_jw_rule_of_000(policy: sc.ServiceLevelPolicy) -> None:
    rules = policy.case_rules
    cites = [
        policy.cite,
        *(t.cite for t in policy.targets),
        rules.workflow.cite,
        rules.workflow.summary_cite,
        *(c.cite for c in rules.categories),
        *(s.cite for c in rules.categories for s in c.playbook),
        *(s.cite for s in jw.COMPLAINT_PLAYBOOK_PIAN1),
        *(chain.cite for chain in policy.escalations),
        jw.SURVEY.cite,
        *(spec.cite for spec in jw.REGISTERS),
        jw.ARCHIVE,
        jw.CONFIDENTIALITY,
    ]
    for cite in cites:
        assert cite is not None
        assert JW_RULE_ID.match(cite.rule_id), cite
        assert cite.clause.startswith("000 篇"), cite
    cited = {c.rule_id for c in cites if c is not None}
    # JW-04: the training record is a register of the policy too
    assert cited == {f"JW-{n:02}" for n in (4, *range(11, 22), *range(27, 31))}


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_the_policy_in_words(policy: sc.ServiceLevelPolicy, locale: str) -> None:
    for reason in policy.describe_all():
        rendered = reason.explain(locale)
        assert rendered.strip()
        assert reason.rule_id in rendered


# JW-11, JW-12: channels and 3 rings --------------------------------------------------------


def test_three_rings_are_fifteen_seconds(policy: sc.ServiceLevelPolicy) -> None:
    assert jw.PHONE_RINGS == 3
    assert policy.seconds_per_ring == 5
    assert policy.answer_within(sc.Channel.PHONE) == dt.timedelta(seconds=15)


def test_a_call_answered_within_three_rings_meets_jw12(policy: sc.ServiceLevelPolicy) -> None:
    report = policy.report(complaint(policy, wait_seconds=15), T0.add(minutes=5))
    (answer,) = [i for i in report.items if i.kind is sc.SlaKind.ANSWER]
    assert answer.status is sc.SlaStatus.MET
    assert answer.cite.rule_id == "JW-12"
    assert answer.reason.explain("en") == (
        "Case T-1: call call-1 answered after 3 rings (15 s), within 3 (JW-12)"
    )


def test_a_fourth_ring_breaches_jw12(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy, wait_seconds=10).add_contact(
        call("call-2", T0.add(hours=1), 16, "还没有人处理")
    )
    report = policy.report(case, T0.add(hours=2))
    (late,) = report.breached()
    assert (late.kind, late.contact_id, late.late_by) == (
        sc.SlaKind.ANSWER,
        "call-2",
        dt.timedelta(seconds=1),
    )
    assert late.reason.explain("en") == (
        "Case T-1: call call-2 answered after 4 rings (16 s), more than 3 (JW-12)"
    )
    # JW-10 names no failing for a slow answer: the breach is reported, not fined.
    assert report.violations() == []


def test_unknown_channel_refused(policy: sc.ServiceLevelPolicy) -> None:
    with pytest.raises(sc.ServiceCodexError, match="online_chat"):
        policy.open_case("T-9", "inquiry", "qq", CUSTOMER, AGENT, T0)


def test_no_other_numeric_target(policy: sc.ServiceLevelPolicy) -> None:
    """AMB-05: only the phone's rings; nothing for the first reply or the resolution."""
    for kind in (sc.SlaKind.FIRST_RESPONSE, sc.SlaKind.NEXT_RESPONSE, sc.SlaKind.RESOLUTION):
        for channel in jw.CHANNELS:
            for category in policy.case_rules.categories:
                assert policy.target_for(kind, channel, category.id) is None


# JW-16: reply at the first moment, no deadline (AMB-05) -----------------------------------


def test_first_reply_is_due_without_a_deadline(policy: sc.ServiceLevelPolicy) -> None:
    case = policy.open_case(
        "T-2",
        "inquiry",
        "email",
        CUSTOMER,
        AGENT,
        T0,
        sc.Contact("mail-1", "email", T0, AGENT, CUSTOMER, "请问发货时间"),
    )
    # a month later it is still only due: "第一時間" has no number, so nothing breaches
    (item,) = policy.report(case, T0.add(months=1)).items
    assert (item.kind, item.status, item.due, item.cite.rule_id) == (
        sc.SlaKind.ESCALATION,
        sc.SlaStatus.DUE,
        None,
        "JW-16",
    )
    assert item.reason.explain("en").endswith("is due, with no deadline set (JW-16)")
    answered = case.add_contact(reply("mail-2", T0.add(hours=3), "email"))
    (item,) = policy.report(answered, T0.add(hours=4)).items
    assert (item.status, item.done, item.contact_id) == (
        sc.SlaStatus.MET,
        T0.add(hours=3),
        "mail-2",
    )


# JW-15, JW-17: the ticket workflow ---------------------------------------------------------


def test_ticket_workflow_five_steps(policy: sc.ServiceLevelPolicy) -> None:
    workflow = policy.case_rules.workflow
    assert workflow is jw.TICKET_WORKFLOW
    assert [s.id for s in workflow.steps] == ["intake", "assign", "handle", "reply", "summarise"]
    assert [s.name.localize("zh_Hant") for s in workflow.steps] == [
        "接單",
        "分配",
        "處理",
        "回復",
        "總結",
    ]


def test_steps_are_taken_in_order(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy)
    assert case.step.id == "intake"
    with pytest.raises(sc.TransitionError) as refused:
        case.advance("handle", T0.add(minutes=5), AGENT)
    assert refused.value.allowed == ("assign",)
    assert refused.value.rule_id == "JW-15"


def test_an_unresolved_reply_goes_back_to_handling(policy: sc.ServiceLevelPolicy) -> None:
    """JW-17: keep following until the problem is effectively resolved."""
    case = complaint(policy)
    for hours, step in enumerate(["assign", "handle", "reply", "handle", "reply"], start=1):
        case = case.advance(step, T0.add(hours=hours), AGENT)
    assert case.step.id == "reply"
    with pytest.raises(sc.TransitionError):
        case.advance("assign", T0.add(hours=7), AGENT)  # no way back beyond handling


def test_closing_needs_the_service_report(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy)
    with pytest.raises(sc.TransitionError):
        case.close(T0.add(hours=1), AGENT, "已解决")
    for hours, step in enumerate(["assign", "handle", "reply", "summarise"], start=1):
        case = case.advance(step, T0.add(hours=hours), AGENT)
    with pytest.raises(sc.CaseError) as refused:
        case.close(T0.add(hours=6), AGENT, " ")
    assert refused.value.rule_id == "JW-15"
    closed = case.close(T0.add(hours=6), AGENT, "包装破损，已补发，客户满意")
    assert closed.closed_at == T0.add(hours=6)


# JW-18, JW-19, JW-20, JW-17: complaints and their playbook ---------------------------------


def test_three_complaint_targets(policy: sc.ServiceLevelPolicy) -> None:
    assert jw.COMPLAINT == ("complaint-product", "complaint-service", "complaint-staff")
    ids = [c.id for c in policy.case_rules.categories]
    assert ids == ["inquiry", *jw.COMPLAINT]
    names = [policy.category(c).name.localize("zh_Hans") for c in jw.COMPLAINT]
    assert names == ["对公司产品的投诉", "对公司服务的投诉", "对客服人员的投诉"]
    with pytest.raises(sc.UnknownChoiceError) as refused:
        policy.open_case("T-3", "complaint-price", "phone", CUSTOMER, AGENT, T0)
    assert refused.value.known == ("inquiry", *jw.COMPLAINT)


def test_complaint_playbook_is_pian2_six_steps_with_pian1_and_pian3_additions() -> None:
    """AMB-04: 篇2's six steps, plus 篇1's explanation of the process (JW-19) and 篇3's
    follow-up (JW-17)."""
    steps = [(s.id, s.cite.rule_id, s.required) for s in jw.COMPLAINT_PLAYBOOK]
    assert steps == [
        ("receive", "JW-20", True),
        ("explain-process", "JW-19", True),
        ("analyse", "JW-20", True),
        ("plan", "JW-20", True),
        ("execute", "JW-20", True),
        ("follow-up", "JW-17", True),
        ("feedback", "JW-20", True),
        ("lessons", "JW-20", True),
    ]
    pian2 = [s.cite.clause for s in jw.COMPLAINT_PLAYBOOK if s.cite.rule_id == "JW-20"]
    assert pian2 == [f"000 篇2 第九條.{n}" for n in range(1, 7)]
    assert [s.cite.clause for s in jw.COMPLAINT_PLAYBOOK_PIAN1] == [
        f"000 篇1 第十三條.{n}" for n in range(1, 5)
    ]


def test_review_lists_the_complaint_steps_not_taken(policy: sc.ServiceLevelPolicy) -> None:
    case = complaint(policy)
    at = T0.add(minutes=1)
    for step in ("receive", "explain-process", "analyse", "plan", "execute"):
        case = case.take(step, at, AGENT)
    missing = case.review(T0.add(hours=1))
    assert [r.rule_id for r in missing] == ["JW-17", "JW-20", "JW-20"]
    assert missing[0].explain("en") == (
        "Case T-1: the playbook step Follow up until resolved is not yet taken (JW-17)"
    )
    for step in ("follow-up", "feedback", "lessons"):
        case = case.take(step, at.add(hours=1), AGENT)
    assert case.review(T0.add(hours=2)) == []


def test_inquiry_playbook_is_the_call_flow(policy: sc.ServiceLevelPolicy) -> None:
    """JW-13's steps 2–8; 5, 6 and 7 (JW-14) only when the inquiry calls for them."""
    playbook = policy.category(jw.INQUIRY).playbook
    assert [(s.id, s.cite.rule_id, s.required) for s in playbook] == [
        ("understand", "JW-13", True),
        ("advise", "JW-13", True),
        ("resolve", "JW-13", True),
        ("after-sales", "JW-13", False),
        ("collaborate", "JW-13", False),
        ("recommend", "JW-14", False),
        ("close", "JW-13", True),
    ]
    case = policy.open_case(
        "T-4", jw.INQUIRY, "phone", CUSTOMER, AGENT, T0, call("call-4", T0, 5, "问运费")
    )
    for step in ("understand", "advise", "resolve", "close"):
        case = case.take(step, T0.add(minutes=2), AGENT)
    assert case.review(T0.add(minutes=3)) == []


# JW-21: the satisfaction survey feeds the appraisal ----------------------------------------


def survey_responses() -> list[sc.SurveyResponse]:
    at = T0.add(days=2)
    scores = [
        {"staff": 5, "process": 4, "quality": 4, "brand": 5},
        {"staff": 4, "process": 4, "quality": 3, "brand": 5},
        {"staff": 5, "process": 5, "quality": 4, "brand": 4},
    ]
    return [jw.SURVEY.response(f"S-{n}", AGENT, f"C-{n}", at, s) for n, s in enumerate(scores, 1)]


def test_survey_four_items() -> None:
    assert [d.id for d in jw.SURVEY.dimensions] == ["staff", "process", "quality", "brand"]
    assert jw.SURVEY.criterion == jw.SATISFACTION_CRITERION == "customer-satisfaction"
    with pytest.raises(sc.SurveyError, match="JW-21"):
        jw.SURVEY.response("S-9", AGENT, "C-9", T0, {"staff": 5, "process": 4, "quality": 4})


def test_survey_gives_the_customer_satisfaction_points(org: sc.Organization) -> None:
    march = sc.Month(2026, 3)
    result = jw.SURVEY.summarise(survey_responses(), AGENT, march, org.calendar)
    assert (result.count, result.overall) == (3, Decimal("4.33"))
    scheme = org.appraisal_scheme
    criterion = jw.SURVEY.criterion_in(scheme)
    assert criterion.max_points == 25
    # mean 52/12 on 1..5 is (52/12 - 1) / 4 = 83.33 % of 25 points
    points = result.points(criterion)
    assert points == Decimal("20.83")
    assert result.conversion(criterion).reasons[0].rule_id == "JW-21"
    card = scheme.score(
        AGENT,
        march,
        {
            "service-attitude": Decimal(20),
            "business-ability": Decimal(20),
            "efficiency": Decimal(20),
            "customer-satisfaction": points,
        },
    )
    assert card.total == Decimal("80.83")


@pytest.mark.parametrize("scheme", [jw.APPRAISAL_SCHEME_PIAN2, jw.APPRAISAL_SCHEME_PIAN3])
def test_survey_feeds_the_alternative_schemes_too(scheme: sc.AppraisalScheme) -> None:
    criterion = jw.SURVEY.criterion_in(scheme)
    result = jw.SURVEY.summarise(survey_responses(), AGENT, sc.Month(2026, 3), "Asia/Shanghai")
    expected = {20: Decimal("16.67"), 25: Decimal("20.83")}[int(criterion.max_points)]
    assert result.points(criterion) == expected


# Registers (JW-15, JW-21, JW-27 … JW-30) ---------------------------------------------------


def intake() -> sc.Register:
    return jw.INTAKE_REGISTER.register().add(
        T0,
        customer=CUSTOMER,
        contact="13812345678",
        kind="complaint",
        content="王芳投诉：外包装破损，回电 138 1234 5678",
    )


def test_intake_register_has_the_fields_of_jw15() -> None:
    spec = jw.INTAKE_REGISTER
    assert spec.cite.rule_id == "JW-15"
    assert [(f.id, f.kind.value, f.required) for f in spec.fields] == [
        ("customer", "name", True),
        ("contact", "text", True),
        ("kind", "choice", True),
        ("content", "text", True),
    ]
    with pytest.raises(sc.ValidationError, match="contact"):
        spec.entry(T0, customer=CUSTOMER, kind="inquiry", content="问运费")
    with pytest.raises(sc.ValidationError, match="inquiry, complaint"):
        spec.entry(T0, customer=CUSTOMER, contact="x", kind="praise", content="好")


def test_customer_data_is_masked_unless_revealed() -> None:
    """JW-27: no customer information leaves the register unmasked by default."""
    book = intake()
    (row,) = book.rows()
    assert (row["customer"], row["contact"]) == ("王**", "138****5678")
    assert row["content"] == "王**投诉：外包装破损，回电 138 **** 5678"
    text = json.dumps(book.to_json(), ensure_ascii=False)
    assert CUSTOMER not in text
    assert "12345678" not in text
    (full,) = book.rows(reveal=True)
    assert (full["customer"], full["contact"]) == (CUSTOMER, "13812345678")


def test_archive_counts_inquiries_and_complaints_per_month() -> None:
    """JW-29: the intake register is the archive, looked up and counted."""
    book = jw.INTAKE_REGISTER.register()
    for day, kind in [(2, "inquiry"), (9, "complaint"), (9, "inquiry"), (30, "inquiry")]:
        book = book.add(
            pendulum.datetime(2026, 3, day, 10, tz="Asia/Shanghai"),
            customer="李四",
            contact="lisi@example.com",
            kind=kind,
            content="…",
        )
    monthly = jw.archive_report(book, "month", sc.Month(2026, 3))
    assert monthly.by_group() == {"inquiry": 3, "complaint": 1}
    assert monthly.explain("en")[0] == "4 entries in March 2026 (JW-29)"


def test_the_other_registers() -> None:
    assert [(s.id, s.cite.rule_id) for s in jw.REGISTERS] == [
        ("intake", "JW-15"),
        ("communication", "JW-28"),
        ("feedback", "JW-30"),
        ("improvement-measures", "JW-21"),
        ("training", "JW-04"),
    ]
    talk = jw.COMMUNICATION_RECORD.entry(
        T0, customer=CUSTOMER, channel="online_chat", agent=AGENT, content="查询物流"
    )
    assert talk["channel"] == "online_chat"
    feedback = jw.FEEDBACK_REGISTER.entry(T0, feedback="希望周末也能发货", suggestions="周末发货")
    assert feedback["customer"] is None
    measure = jw.IMPROVEMENT_MEASURES.entry(
        T0, finding="三月服务流程满意度最低", measure="简化退换货流程"
    )
    assert measure["measure"] == "简化退换货流程"
