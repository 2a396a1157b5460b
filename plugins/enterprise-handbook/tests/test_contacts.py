"""The handbook's contacts and service levels with its real numbers: seven channels and
7×24 hours (EH-02, EH-03), a first answer within 24 hours (EH-04, AMB-51), every email
within 24 hours (EH-06), complaints handled within 48 hours (EH-05); first-question
ownership, handovers with a reason, a colleague's phone, major matters to the supervisor
(EH-07 … EH-11, EH-14, EH-16, EH-20, EH-21); the monthly brand callback and December's
New Year gifts (EH-13, EH-15); the weekly plan before 10:00 on Friday (EH-23, AMB-46)."""

from __future__ import annotations

import datetime as _dt
import re

import pendulum
import pytest
import servicecodex_enterprise_handbook as eh

import servicecodex as sc
from servicecodex.testing import organization_fixture

TZ = "Asia/Shanghai"
EH_RULE_ID = re.compile(r"^EH-\d{2}$")
#: Monday 2 March 2026, 09:00: no public holiday near it.
T0 = pendulum.datetime(2026, 3, 2, 9, tz=TZ)
PHONE_NO = "13812345678"
H = _dt.timedelta(hours=1)


org = organization_fixture("enterprise-handbook")


def question(
    id: str, at: pendulum.DateTime, channel: str = "phone", agent: str = "zhou"
) -> sc.Contact:
    return sc.Contact(id, channel, at, agent=agent, customer=PHONE_NO, content="型材何时发货？")


def answer(
    id: str, at: pendulum.DateTime, channel: str = "phone", agent: str = "zhou"
) -> sc.Contact:
    return sc.Contact(
        id, channel, at, agent=agent, customer=PHONE_NO, direction=sc.Direction.OUTBOUND
    )


def opened(
    category: str = "order-tracking", channel: str = "phone", at: _dt.datetime = T0
) -> sc.Case:
    first = question("q1", pendulum.instance(at), channel)
    return eh.SERVICE_LEVELS.open_case("C-0302-1", category, channel, PHONE_NO, "zhou", at, first)


# The policy ------------------------------------------------------------------------------


def test_the_hook_answers_the_departments_policy(org: sc.Organization) -> None:
    policy = org.service_levels
    assert policy is eh.SERVICE_LEVELS
    assert policy.cite.rule_id == "EH-02"
    assert [c.value for c in policy.channels] == ["phone", "email", "fax", "sms", "qq", "website"]
    assert policy.describe().explain("en") == (
        "Channels served: phone, email, fax, SMS, QQ, and website (EH-02)"
    )
    for reason in policy.describe_all():
        assert EH_RULE_ID.match(reason.rule_id)
    cited = {r.rule_id for r in policy.describe_all()}
    assert cited == {
        "EH-01", "EH-02", "EH-03", "EH-04", "EH-05", "EH-06", "EH-07", "EH-10",
        "EH-11", "EH-13", "EH-15", "EH-16", "EH-17", "EH-18", "EH-19", "EH-20", "EH-21",
        "EH-22", "EH-23", "EH-24", "EH-25", "EH-26",
    }  # fmt: skip
    assert [r.id for r in policy.registers] == [
        "callback-file", "requests", "instructions", "repairs", "incident-reports", "reports",
        "weekly-plans", "shipments", "freight", "customer-files",
    ]  # fmt: skip


def test_another_timezone_gets_the_same_policy_on_its_clock() -> None:
    class Elsewhere:
        @sc.hookimpl
        def servicecodex_organization_profile(self) -> sc.OrganizationProfile:
            return sc.OrganizationProfile(
                "hk-branch",
                sc.Text(en="HK branch", zh_Hant="香港分部"),
                "zh_Hant_HK",
                "Asia/Hong_Kong",
                "HKD",
            )

    org = sc.Organization.from_plugins(
        [("hk", Elsewhere()), ("enterprise-handbook", eh)], precedence=["hk"]
    )
    policy = org.service_levels
    assert policy is not eh.SERVICE_LEVELS
    assert policy.hours is not None
    assert policy.hours.timezone == "Asia/Hong_Kong"
    assert policy.targets == eh.SERVICE_LEVELS.targets


def test_eh03_open_around_the_clock_on_holidays_too() -> None:
    hours = eh.SERVICE_HOURS
    assert hours.is_open(pendulum.datetime(2026, 2, 17, 3, tz=TZ))  # Spring Festival, 03:00
    assert hours.is_open(pendulum.datetime(2026, 10, 1, 23, 59, tz=TZ))  # National Day
    assert hours.describe()[0].explain("en") == "Open around the clock, every day (EH-03)"


# Service levels (EH-04, EH-05, EH-06) ----------------------------------------------------


def test_eh04_first_answer_within_24_hours() -> None:
    case = opened()
    met = case.add_contact(answer("a1", T0.add(hours=23, minutes=59)))
    [item] = eh.SERVICE_LEVELS.report(met, T0.add(days=2)).items
    assert (item.kind, item.status) == (sc.SlaKind.FIRST_RESPONSE, sc.SlaStatus.MET)
    assert item.due == T0.add(hours=24)
    assert item.cite.rule_id == "EH-04"

    late = case.add_contact(answer("a1", T0.add(hours=24, minutes=30)))
    [item] = eh.SERVICE_LEVELS.report(late, T0.add(days=2)).items
    assert item.status is sc.SlaStatus.BREACHED
    assert item.late_by == _dt.timedelta(minutes=30)
    assert eh.SERVICE_LEVELS.report(late, T0.add(days=2)).explain("en") == [
        "Case C-0302-1: first response by Mar 3, 2026, 9:30:00\u202fAM, due Mar 3, 2026, "
        "9:00:00\u202fAM: late by 30 minutes (EH-04)"
    ]


def test_eh04_unanswered_question_is_due_then_breached() -> None:
    case = opened()
    [item] = eh.SERVICE_LEVELS.report(case, T0.add(hours=20)).items
    assert item.status is sc.SlaStatus.DUE
    [item] = eh.SERVICE_LEVELS.report(case, T0.add(hours=25)).items
    assert (item.status, item.late_by) == (sc.SlaStatus.BREACHED, H)


def test_amb51_only_the_first_answer_has_a_target_off_email() -> None:
    """AMB-51: EH-04 is the first answer; a phone customer's later question has none."""
    case = opened().add_contact(answer("a1", T0.add(hours=2)))
    case = case.add_contact(question("q2", T0.add(hours=3)))
    kinds = [i.kind for i in eh.SERVICE_LEVELS.report(case, T0.add(days=5)).items]
    assert kinds == [sc.SlaKind.FIRST_RESPONSE]


def test_eh06_every_email_answered_within_24_hours() -> None:
    case = opened(channel="email")
    case = case.add_contact(answer("r1", T0.add(hours=20), "email"))
    case = case.add_contact(question("q2", T0.add(hours=30), "email"))
    case = case.add_contact(answer("r2", T0.add(hours=56), "email"))  # 26 hours later
    report = eh.SERVICE_LEVELS.report(case, T0.add(days=3))
    assert [(i.kind, i.status, i.cite.rule_id) for i in report.items] == [
        (sc.SlaKind.FIRST_RESPONSE, sc.SlaStatus.MET, "EH-06"),
        (sc.SlaKind.NEXT_RESPONSE, sc.SlaStatus.BREACHED, "EH-06"),
    ]
    assert report.breached()[0].late_by == 2 * H
    assert report.breached()[0].due == T0.add(hours=54)


def test_eh05_a_complaint_handled_within_48_hours_weekend_included() -> None:
    friday = pendulum.datetime(2026, 3, 6, 18, tz=TZ)
    case = opened(eh.COMPLAINT, at=friday).add_contact(answer("a1", friday.add(hours=1)))
    case = case.advance("handle", friday.add(hours=2), by="zhou")
    on_time = case.close(pendulum.datetime(2026, 3, 8, 17, tz=TZ), by="zhou")
    report = eh.SERVICE_LEVELS.report(on_time, pendulum.datetime(2026, 3, 9, 12, tz=TZ))
    resolution = next(i for i in report.items if i.kind is sc.SlaKind.RESOLUTION)
    assert resolution.status is sc.SlaStatus.MET
    assert resolution.due == pendulum.datetime(2026, 3, 8, 18, tz=TZ)  # Sunday 18:00
    assert resolution.cite.rule_id == "EH-05"

    late = case.close(pendulum.datetime(2026, 3, 9, 9, tz=TZ), by="zhou")
    report = eh.SERVICE_LEVELS.report(late, pendulum.datetime(2026, 3, 9, 12, tz=TZ))
    [breach] = report.breached()
    assert (breach.kind, breach.late_by) == (sc.SlaKind.RESOLUTION, 15 * H)
    assert report.violations() == []  # the handbook fines no breach
    assert breach.reason.explain("zh_Hans").endswith("（EH-05）")


def test_eh05_the_clock_stops_while_the_complaint_waits_on_the_customer() -> None:
    case = opened(eh.COMPLAINT).add_contact(answer("a1", T0.add(hours=1)))
    case = case.wait_on_customer(T0.add(hours=2), by="zhou", note="等客户发照片")
    case = case.resume(T0.add(hours=12), by="zhou")  # 10 hours on the customer
    report = eh.SERVICE_LEVELS.report(case, T0.add(hours=50))
    resolution = next(i for i in report.items if i.kind is sc.SlaKind.RESOLUTION)
    assert (resolution.status, resolution.due) == (sc.SlaStatus.DUE, T0.add(hours=58))


def test_other_categories_have_no_resolution_target() -> None:
    case = opened("fault-report").add_contact(answer("a1", T0.add(hours=1)))
    kinds = [i.kind for i in eh.SERVICE_LEVELS.report(case, T0.add(days=9)).items]
    assert sc.SlaKind.RESOLUTION not in kinds


# Cases (EH-01, EH-07 … EH-11, EH-14, EH-16, EH-19, EH-20, EH-21) ---------------------------


def test_eh01_eh19_categories_and_their_playbook() -> None:
    ids = [c.id for c in eh.CASE_CATEGORIES]
    assert ids[:8] == [
        "business", "fault-report", "complaint", "technical-support", "callback",
        "proactive-care", "data-update", "market-survey",
    ]  # fmt: skip
    assert ids[8:11] == ["order-tracking", "delivery", "pre-installation-training"]
    assert {c.id for c in eh.CASE_CATEGORIES if c.major} == {
        "major-matter",
        "major-error",
        "accident",
    }
    accident = eh.SERVICE_LEVELS.category("accident")
    assert [s.cite.rule_id for s in accident.playbook] == ["EH-08", "EH-09", "EH-21"]
    assert accident.describe().explain("en") == (
        "Accident: record the business, issue or request carefully, complete it in one go, "
        "or register it for handover, and report the incident to the supervisor (impact, "
        "handling, cause, corrective and preventive action) and archive it (EH-16)"
    )
    assert eh.SETTLE_STEP.options == ("one-go", "register-and-hand-over")


def test_unknown_category_or_channel_is_refused_with_the_known_ones() -> None:
    with pytest.raises(sc.UnknownChoiceError) as err:
        eh.SERVICE_LEVELS.open_case("C-9", "refund", "phone", PHONE_NO, "zhou", T0)
    assert "fault-report" in str(err.value)
    with pytest.raises(sc.UnknownChoiceError) as err:
        eh.SERVICE_LEVELS.open_case("C-9", "complaint", "walk_in", PHONE_NO, "zhou", T0)
    assert "qq" in str(err.value)


def test_eh09_settled_in_one_go_and_closed_from_handling() -> None:
    case = opened("technical-support")
    case = case.take("record", T0.add(minutes=5), by="zhou")
    with pytest.raises(sc.UnknownChoiceError):
        case.take("settle", T0.add(minutes=6), by="zhou", option="later")
    case = case.take("settle", T0.add(minutes=6), by="zhou", option="one-go")
    with pytest.raises(sc.TransitionError) as err:
        case.close(T0.add(minutes=7), by="zhou")
    assert err.value.rule_id == "EH-07"
    closed = case.advance("handle", T0.add(minutes=7), by="zhou").close(T0.add(minutes=8), "zhou")
    assert closed.review(T0.add(minutes=9)) == []


def test_eh07_eh10_the_first_asked_owns_it_until_a_handover_with_reason() -> None:
    case = opened("fault-report").take("record", T0.add(minutes=3), by="zhou")
    helped = case.add_contact(answer("a1", T0.add(minutes=20), agent="sun"))
    assert [r.rule_id for r in helped.review(T0.add(hours=1))][-1] == "EH-07"

    case = case.take("settle", T0.add(minutes=5), by="zhou", option="register-and-hand-over")
    with pytest.raises(sc.CaseError) as err:
        eh.hand_over(case, "wang", "production", " ", T0.add(minutes=6), by="zhou")
    assert err.value.rule_id == "EH-10"
    with pytest.raises(sc.ValidationError, match="EH-20"):
        eh.hand_over(case, "wang", "sales", "型材断裂，需维修预约", T0.add(minutes=6), by="zhou")
    moved = eh.hand_over(
        case, "wang", "production", "型材断裂，需维修预约", T0.add(minutes=6), "zhou"
    )
    assert moved.owner == "wang"
    moved = moved.add_contact(answer("a1", T0.add(hours=2), agent="wang"))
    assert moved.review(T0.add(hours=3)) == []


def test_eh14_a_colleagues_ringing_phone_is_answered_and_passed_on() -> None:
    case = opened("business", at=T0).take("record", T0.add(minutes=2), by="zhou")
    passed = eh.pass_to_colleague(case, "li", T0.add(minutes=3), by="zhou", note="客户询价")
    assert passed.owner == "li"
    [transfer] = passed.transfers
    assert transfer.department == eh.HOME_DEPARTMENT
    assert transfer.note == "同事不在座位，代接电话并记录交给同事（EH-14）：客户询价"
    assert eh.COLLEAGUE_CALL.rule_id == "EH-14"


def test_eh11_eh16_a_major_matter_goes_to_the_supervisor() -> None:
    case = opened("accident")
    assert case.major
    assert [r.rule_id for r in case.review(T0.add(minutes=5))] == [
        "EH-08", "EH-09", "EH-21", "EH-11"
    ]  # fmt: skip
    assert case.review(T0.add(minutes=5))[-1].explain("en") == (
        "Case C-0302-1 is a major matter not escalated to the supervisor (EH-11)"
    )
    case = case.escalate(
        "supervisor-he", T0.add(minutes=5), by="zhou", reason="发货途中型材损坏；建议补发"
    )
    case = case.take("record", T0.add(minutes=6), by="zhou")
    case = case.take("settle", T0.add(minutes=7), by="zhou", option="register-and-hand-over")
    case = case.take("incident-report", T0.add(hours=4), by="zhou")
    assert case.review(T0.add(hours=5)) == []


def test_customer_data_is_masked_in_a_case(org: sc.Organization) -> None:
    """EH-26: customer data kept confidential; the core masks it unless revealed."""
    text = opened().format("zh_Hans")
    assert PHONE_NO not in text
    assert "138****5678" in text
    assert PHONE_NO in opened().format("zh_Hans", reveal=True)


# Callbacks (EH-13, EH-15) ----------------------------------------------------------------


def test_eh13_each_brand_called_back_once_a_calendar_month() -> None:
    march = sc.Month(2026, 3)
    register = eh.schedule_brand_callbacks(eh.callback_register(), ["brand-a", "brand-b"], march)
    register = register.record(
        ("brand-callback", "brand-a"), pendulum.datetime(2026, 3, 12, 10, tz=TZ), by="zhou"
    )
    mid = {
        s.callback.customer: s.state for s in register.status(pendulum.datetime(2026, 3, 20, tz=TZ))
    }
    assert mid == {"brand-a": sc.CallbackState.DONE, "brand-b": sc.CallbackState.DUE}
    april = register.overdue(pendulum.datetime(2026, 4, 2, tz=TZ))
    assert [s.callback.customer for s in april] == ["brand-b"]
    assert april[0].reason.cite.rule_id == "EH-13"
    with pytest.raises(sc.DuplicateCallbackError):
        eh.schedule_brand_callbacks(register, ["brand-a"], march)


def test_eh15_new_year_gifts_every_december() -> None:
    register = eh.schedule_new_year_gifts(eh.callback_register(), ["刘经理", "陈总"], 2026)
    first, _ = register.callbacks
    assert first.window == sc.DateRange(pendulum.date(2026, 12, 1), pendulum.date(2026, 12, 31))
    register = register.record(first.id, pendulum.datetime(2026, 12, 18, 15, tz=TZ), by="zhou")
    states = [s.state for s in register.status(pendulum.datetime(2027, 1, 1, 9, tz=TZ))]
    assert states == [sc.CallbackState.DONE, sc.CallbackState.OVERDUE]
    assert register.overdue(pendulum.datetime(2027, 1, 1, 9, tz=TZ))[0].reason.rule_id == "EH-15"


# Registers (EH-13, EH-16 … EH-18, EH-20 … EH-26) -------------------------------------------


def test_eh13_the_brand_callback_file() -> None:
    book = eh.CALLBACK_FILE.register().add(
        pendulum.datetime(2026, 3, 12, 10, tz=TZ),
        brand="brand-a",
        content="对三月到货满意；四月需加订断桥铝型材，联系人电话13812345678",
    )
    [row] = book.rows()
    assert row["content"] == "对三月到货满意；四月需加订断桥铝型材，联系人电话138****5678"
    assert row["summary"] is None
    with pytest.raises(sc.RegisterError, match="content"):
        eh.CALLBACK_FILE.entry(T0, brand="brand-a")


def test_eh16_eh17_requests_go_level_by_level() -> None:
    """AMB-45: level by level; a level skipped only in an emergency, reported afterwards."""
    fields = {
        "matter": "accident",
        "details": "运输途中型材压坏",
        "proposal": "建议先补发，再向物流索赔",
        "to": "supervisor-he",
        "level-skipped": False,
    }
    assert eh.request_review(eh.REQUESTS.entry(T0, fields)) == []
    skipped = eh.REQUESTS.entry(T0, fields | {"to": "manager-lu", "level-skipped": True})
    [reason] = eh.request_review(skipped)
    assert reason.explain("en") == (
        "The request of Mar 2, 2026, 9:00:00\u202fAM to manager-lu skipped a level with no "
        "emergency (EH-17)"
    )
    assert eh.OVERSTEPPING in {r.code for r in eh.DEDUCTION_RULES}  # EH-65, 3 points
    urgent = fields | {"to": "manager-lu", "level-skipped": True, "emergency": True}
    [reason] = eh.request_review(eh.REQUESTS.entry(T0, urgent))
    assert reason.explain("zh_Hans").startswith(
        "2026年3月2日 09:00:00向manager-lu的请示因紧急情况越级"
    )
    told = eh.REQUESTS.entry(T0, urgent | {"reported-after": True})
    assert eh.request_review(told) == []
    with pytest.raises(sc.RegisterError, match="proposal"):
        eh.REQUESTS.entry(T0, {k: v for k, v in fields.items() if k != "proposal"})
    with pytest.raises(sc.RegisterError, match="beyond-remit"):
        eh.REQUESTS.entry(T0, fields | {"matter": "gossip"})
    with pytest.raises(sc.ValidationError):
        eh.request_review(eh.REPORTS.entry(T0, type="other", content="x"))


def test_eh18_the_supervisors_instructions_are_written_down() -> None:
    entry = eh.INSTRUCTIONS.entry(
        T0, {"instruction": "周三前回访全部A类品牌", "carried-out": True, "suggestion": "分两天"}
    )
    assert entry["carried-out"] is True
    assert entry["raised-upward"] is None
    assert entry.spec.cite.rule_id == "EH-18"


def test_eh20_repairs_and_eh26_customer_files_are_masked() -> None:
    repairs = eh.REPAIRS.register().add(
        T0,
        customer="刘建国",
        phone="138 1234 5678",
        fault="窗框型材开裂",
        appointment=pendulum.date(2026, 3, 5),
    )
    [row] = repairs.rows()
    assert (row["customer"], row["phone"]) == ("刘**", "138 **** 5678")
    assert repairs.rows(reveal=True)[0]["phone"] == "138 1234 5678"
    files = eh.CUSTOMER_FILES.register().add(
        T0,
        kind="customer",
        name="陈晓华",
        phone=PHONE_NO,
        address="广东省佛山市南海区桂城街道海八路12号",
        feedback="陈晓华希望明年加订；电话13812345678",
    )
    shown = str(files.to_json())
    assert PHONE_NO not in shown
    assert "陈晓华" not in shown
    assert "海八路12号" not in shown
    assert PHONE_NO in str(files.to_json(reveal=True))
    assert files.to_json()["rule_id"] == "EH-26"


def test_eh21_an_incident_report_has_every_field() -> None:
    report = {
        "incident": "发错型材规格",
        "impact": "客户工地停工一天",
        "handling": "当日补发正确规格",
        "cause": "发货清单未复核",
    }
    with pytest.raises(sc.RegisterError, match="measures"):
        eh.INCIDENT_REPORTS.entry(T0, report)
    entry = eh.INCIDENT_REPORTS.entry(T0, report | {"measures": "发货前双人复核清单"})
    assert entry.spec.cite.rule_id == "EH-21"


def test_eh22_reports_by_type_and_eh25_freight_by_month() -> None:
    with pytest.raises(sc.RegisterError, match="rectification"):
        eh.REPORTS.entry(T0, type="weekly", content="x")
    reports = eh.REPORTS.register()
    for day, kind in [(2, "shipping"), (3, "quality"), (9, "shipping")]:
        reports = reports.add(pendulum.datetime(2026, 3, day, 16, tz=TZ), type=kind, content="…")
    counts = reports.report("month", sc.Month(2026, 3), TZ, by="type").by_group()
    assert counts == {
        "order-tracking": 0, "shipping": 2, "callback": 0, "quality": 1, "rectification": 0,
        "other": 0,
    }  # fmt: skip

    freight = eh.FREIGHT.register()
    for day, amount in [(3, 850), (17, 1200)]:
        freight = freight.add(
            pendulum.datetime(2026, 3, day, 11, tz=TZ),
            {"shipment": f"FH-03{day:02d}", "freight": amount, "receipt-kept": day == 3},
        )
    month_end = freight.report("month", sc.Month(2026, 3), TZ)
    assert month_end.total == 2
    assert sum(_amount(e["freight"]) for e in freight) == 2050
    assert [e["shipment"] for e in freight if not e["receipt-kept"]] == ["FH-0317"]
    with pytest.raises(sc.FloatError):
        eh.FREIGHT.entry(T0, {"shipment": "FH-1", "freight": 85.5, "receipt-kept": True})


def _amount(value: object) -> int:
    assert isinstance(value, int)
    return value


def test_eh24_a_shipment_is_tracked_to_its_final_state() -> None:
    shipped = eh.SHIPMENTS.entry(
        T0,
        {
            "order": "DD-2026-0301",
            "lists": "装箱单、发货单",
            "sent-to-departments": True,
            "sent-to-customer": True,
            "whereabouts": "已到佛山中转站",
        },
    )
    assert shipped["final-state"] is None
    with pytest.raises(sc.RegisterError, match="sent-to-customer"):
        eh.SHIPMENTS.entry(T0, {"order": "DD-1", "lists": "发货单", "sent-to-departments": True})


# The weekly plan (EH-23, AMB-46) -----------------------------------------------------------

WEDNESDAY = pendulum.date(2026, 3, 4)
DUE = pendulum.datetime(2026, 3, 6, 10, tz=TZ)


def plans(*handed_in: pendulum.DateTime) -> sc.Register:
    book = eh.WEEKLY_PLANS.register()
    for at in handed_in:
        book = book.add(at, week=WEDNESDAY, plan="下周回访A类品牌", summary="本周回访12家")
    return book


def test_eh23_weekly_plan_due_before_10_on_friday() -> None:
    assert eh.weekly_plan_due(WEDNESDAY) == DUE
    assert eh.weekly_plan_due(pendulum.date(2026, 3, 8)) == DUE  # Sunday: the same week
    assert eh.weekly_plan_due(pendulum.date(2026, 3, 9)) == DUE.add(weeks=1)

    status, reason = eh.weekly_plan_check(
        plans(DUE.subtract(minutes=30)), WEDNESDAY, DUE.add(hours=1)
    )
    assert status is sc.SlaStatus.MET
    assert reason.explain("en") == (
        "Weekly plan and summary handed in Mar 6, 2026, 9:30:00\u202fAM, due before "
        "Mar 6, 2026, 10:00:00\u202fAM: on time (EH-23)"
    )
    status, reason = eh.weekly_plan_check(plans(DUE), WEDNESDAY, DUE.add(hours=1))
    assert status is sc.SlaStatus.BREACHED  # 「10点前」: 10:00 itself is late
    status, reason = eh.weekly_plan_check(plans(), WEDNESDAY, DUE.add(hours=1))
    assert status is sc.SlaStatus.BREACHED
    assert reason.explain("zh_Hans") == (
        "周工作计划与小结未交，应于2026年3月6日 10:00:00前交：已超时1小时（EH-23）"
    )
    later = plans(DUE.add(hours=3))
    status, _ = eh.weekly_plan_check(later, WEDNESDAY, DUE.add(hours=1))
    assert status is sc.SlaStatus.BREACHED  # handed in after the moment asked about
    status, _ = eh.weekly_plan_check(plans(), WEDNESDAY, DUE.subtract(days=1))
    assert status is sc.SlaStatus.DUE
    status, _ = eh.weekly_plan_check(later, pendulum.date(2026, 3, 11), DUE.add(hours=1))
    assert status is sc.SlaStatus.DUE  # the next week's plan is not this week's


def test_eh23_refuses_a_naive_moment_another_register_and_a_datetime_week() -> None:
    with pytest.raises(sc.NaiveDateTimeError):
        eh.weekly_plan_check(plans(), WEDNESDAY, _dt.datetime(2026, 3, 6, 11))
    with pytest.raises(sc.ValidationError):
        eh.weekly_plan_check(eh.REPORTS.register(), WEDNESDAY, DUE)
    with pytest.raises(sc.ValidationError):
        eh.weekly_plan_due(T0)
