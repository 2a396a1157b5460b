"""The consultation hotline (001 篇4, HD-31 … HD-38): channels, cases, registers,
statistics, the arrival rate and the follow-up calls, as the plugin answers
``servicecodex_service_levels``."""

from __future__ import annotations

import json
from decimal import Decimal

import pendulum
import pytest
import servicecodex_hospital_desk as hd

import servicecodex as sc
from servicecodex.testing import organization_fixture, run_cli

TZ = "Asia/Shanghai"
MARCH = sc.Month(2026, 3)


def at(day: int, hour: int = 10, minute: int = 0, month: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=TZ)


org = organization_fixture("hospital-desk")


@pytest.fixture(scope="module")
def policy(org: sc.Organization) -> sc.ServiceLevelPolicy:
    return org.service_levels


# The policy (HD-31) ----------------------------------------------------------------------


def test_the_hook_answers_the_hotline(policy: sc.ServiceLevelPolicy) -> None:
    assert policy is hd.SERVICE_LEVELS
    assert policy.channels == (sc.Channel.PHONE, sc.Channel.ONLINE_CHAT, sc.Channel.QQ)
    assert policy.cite.rule_id == "HD-31"
    # 篇4 gives no deadline in numbers (AMB-05, AMB-13): no response target.
    assert policy.targets == ()
    assert policy.hours is None
    assert [r.id for r in policy.callbacks] == ["patient-follow-up"]
    assert [s.id for s in policy.registers] == [
        "consultations",
        "targeted",
        "visits",
        "reference-data",
    ]


def test_every_hotline_rule_is_cited(policy: sc.ServiceLevelPolicy) -> None:
    cited = {r.cite.rule_id for r in policy.describe_all()}
    cited |= {s.cite.rule_id for s in policy.registers}
    cited |= {hd.STATISTICS.rule_id, hd.ARRIVAL_RATE.rule_id}
    assert {f"HD-{n}" for n in range(31, 39)} <= cited


def test_the_policy_in_words(policy: sc.ServiceLevelPolicy) -> None:
    words = [r.explain("en") for r in policy.describe_all()]
    assert words[0] == "Channels served: phone, online chat, and QQ (HD-31)"
    assert "Case workflow: Answer, Explain, and Register (HD-31)" in words
    assert (
        "Follow-up call to a patient: 2 days after the event, give or take 1 day (HD-38)" in words
    )
    assert "A transfer is registered with its reason (HD-34)" in words
    for locale in ("zh_Hans", "zh_Hant"):
        assert all(r.explain(locale) for r in policy.describe_all())


# Cases (HD-31, HD-34) --------------------------------------------------------------------


def test_a_consultation_is_answered_explained_and_registered(
    policy: sc.ServiceLevelPolicy,
) -> None:
    call = sc.Contact("c1", "phone", at(2, 9), agent="小王", customer="13812345678")
    case = policy.open_case("K-1", "consultation", "phone", "13812345678", "小王", at(2, 9), call)
    with pytest.raises(sc.TransitionError) as refused:
        case.advance("register", at(2, 9, 1), by="小王")  # 解释 first
    assert refused.value.rule_id == "HD-31"
    assert refused.value.allowed == ("explain",)
    case = case.advance("explain", at(2, 9, 2), by="小王")
    case = case.advance("register", at(2, 9, 5), by="小王")
    case = case.take("register-general", at(2, 9, 5), by="小王")
    assert case.review(at(2, 9, 6)) == []  # the targeted registration is not required
    closed = case.close(at(2, 9, 6), by="小王")
    assert closed.closed_at == at(2, 9, 6)


def test_a_consultation_by_web_chat_or_qq_but_not_email(policy: sc.ServiceLevelPolicy) -> None:
    for channel in ("online_chat", "qq"):
        assert policy.open_case("K-2", "consultation", channel, "访客", "小王", at(2)).channel
    with pytest.raises(sc.UnknownChoiceError, match="known: phone, online_chat, qq"):
        policy.open_case("K-3", "consultation", "email", "访客", "小王", at(2))
    with pytest.raises(sc.ValidationError, match="known: consultation, expert"):
        policy.open_case("K-4", "price", "phone", "访客", "小王", at(2))


def test_an_expert_call_is_transferred_with_a_reason(policy: sc.ServiceLevelPolicy) -> None:
    case = policy.open_case("K-5", "expert", "phone", "13812345678", "小王", at(2, 14))
    assert [r.explain("en") for r in case.review(at(2, 14))] == [
        "Case K-5: the playbook step General registration is not yet taken (HD-32)",
        "Case K-5: the playbook step Transfer the call to the expert is not yet taken (HD-34)",
    ]
    with pytest.raises(sc.CaseError) as blank:
        case.transfer("李主任", "皮肤科", " ", at(2, 14, 1), by="小王")
    assert blank.value.rule_id == "HD-34"
    case = case.transfer("李主任", "皮肤科", "患者要求专家解答", at(2, 14, 1), by="小王")
    case = case.take("transfer", at(2, 14, 1), by="小王")
    case = case.take("register-general", at(2, 14, 3), by="小王")
    assert case.owner == "李主任"
    assert case.review(at(2, 14, 3)) == []


# Registers (HD-32, HD-33, HD-35, HD-37) --------------------------------------------------


def consultation(
    day: int, phone: str | None, channel: str = "phone", **more: object
) -> sc.RegisterEntry:
    return hd.CONSULTATIONS.entry(at(day), {"channel": channel, "phone": phone, **more})


def test_the_general_registration_has_hd32s_fields_in_order() -> None:
    assert [f.name.localize("zh_Hans") for f in hd.GENERAL_FIELDS] == [
        "年龄",
        "性别",
        "病程",
        "病史",
        "病种",
        "住址",
        "电话",
        "就诊意向",
        "关心内容",
    ]
    assert [f.name.localize("zh_Hans") for f in hd.TARGETED_FIELDS] == [
        "就诊意向",
        "健康咨询",
        "价格比对",
        "消费习惯",
        "经济状况",
        "人员类型",
    ]
    assert hd.TARGETED.cite.rule_id == "HD-33"


def test_a_full_registration_is_masked_in_every_output() -> None:
    entry = hd.CONSULTATIONS.entry(
        at(2, 9),
        channel="phone",
        age=45,
        sex="female",
        course="三个月",
        history="高血压",
        disease="皮肤病",
        address="湖北省宜昌市西陵区夷陵大道100号",
        phone="138-1234-5678",
        intention="本周六来院",
        concerns="费用，回电 13812345678",
    )
    assert hd.missing_general_fields(entry) == []
    row = entry.row()
    assert row["phone"] == "138-****-5678"
    assert "13812345678" not in json.dumps(entry.to_json(), ensure_ascii=False)
    assert row["concerns"] == "费用，回电 138****5678"
    assert entry.row(reveal=True)["phone"] == "138-1234-5678"
    book = hd.CONSULTATIONS.register([entry])
    assert "女" in book.format("zh_Hans")
    assert "5678" in book.format("en")
    assert "1234" not in book.format("en")


def test_a_registration_left_incomplete_is_reported_not_refused() -> None:
    entry = consultation(2, None, "online_chat", age=30, disease="痤疮")
    assert [r.explain("en") for r in hd.missing_general_fields(entry)] == [
        "Registration without Sex, Course of illness, Medical history, Address, Phone, "
        "Intention to visit, and Concerns (HD-32)"
    ]
    assert hd.missing_general_fields(entry)[0].explain("zh_Hans").startswith("登记缺少性别")


def test_the_register_refuses_what_it_does_not_know() -> None:
    with pytest.raises(sc.RegisterError, match="unknown field of the register consultations"):
        hd.CONSULTATIONS.entry(at(2), channel="phone", mood="calm")
    with pytest.raises(sc.RegisterError, match="not one of the choices: female, male"):
        hd.CONSULTATIONS.entry(at(2), channel="phone", sex="unknown")
    with pytest.raises(sc.RegisterError, match="required by the register consultations"):
        hd.CONSULTATIONS.entry(at(2), age=30)  # the channel is required
    with pytest.raises(sc.RegisterError, match="not one of the choices: phone, online_chat, qq"):
        hd.CONSULTATIONS.entry(at(2), channel="email")


def test_reference_data_is_kept_by_topic() -> None:
    book = hd.REFERENCE_DATA.register().add(
        at(1, 8), topic="experts", content="李主任周三、周六坐诊", department="皮肤科"
    )
    book = book.add(at(3, 8), topic="prices", content="初诊挂号费调整为20元")
    assert [e["topic"] for e in book] == ["experts", "prices"]
    assert len(hd.REFERENCE_TOPICS) == 11
    assert book.format("zh_Hans").splitlines()[0] == "相关资料更新（HD-35）"
    with pytest.raises(sc.RegisterError, match="not one of the choices"):
        book.add(at(4), topic="gossip", content="x")


# Statistics and the arrival rate (HD-36, HD-37; AMB-13) ----------------------------------


def march_consultations() -> sc.Register:
    """Eight consultations in March (five by phone, two by 商务通, one by QQ) and one on
    1 April, outside the month."""
    entries = [
        consultation(2, "13800000001"),
        consultation(3, "13800000002", "online_chat"),
        consultation(5, "13800000003"),
        consultation(9, "13800000004", "qq"),
        consultation(12, "13800000005"),
        consultation(16, None, "online_chat"),  # no phone: counted, never matched
        consultation(20, "13800000007"),
        consultation(31, "13800000008"),
        hd.CONSULTATIONS.entry(at(1, month=4), channel="phone", phone="13800000009"),
    ]
    return hd.CONSULTATIONS.register(entries)


def visit(day: int, patient: str, phone: str | None, month: int = 3) -> sc.RegisterEntry:
    return hd.VISITS.entry(at(day, 15, month=month), patient=patient, phone=phone)


def test_monthly_statistics_by_channel() -> None:
    assert hd.STATISTICS_INTERVAL is sc.ReportInterval.MONTH  # AMB-13
    report = hd.statistics_report(march_consultations(), MARCH, TZ)
    assert report.total == 8
    assert report.by_group() == {"phone": 5, "online_chat": 2, "qq": 1}
    assert report.explain("en")[0] == "8 entries in March 2026 (HD-36)"
    assert report.explain("zh_Hans")[1].endswith("（HD-36）")


def test_the_arrival_rate_is_visits_over_consultations() -> None:
    visits = hd.VISITS.register(
        [
            visit(4, "P-01", "138 0000 0001"),  # consulted on the 2nd: counts
            visit(6, "P-03", "+86 13800000003"),  # consulted on the 5th: counts
            visit(6, "P-03", "13800000003"),  # the same patient again: once
            visit(8, "P-99", "13900000000"),  # never consulted: not counted
            visit(21, "P-07", "13800000007"),  # consulted on the 20th: counts
        ]
    )
    rate = hd.arrival_rate(march_consultations(), visits, MARCH, TZ)
    assert (rate.inquiries, rate.visits, rate.came) == (8, 5, 3)
    assert rate.rate == Decimal("0.3750")
    assert rate.percent == Decimal("37.50")
    assert rate.explain("en") == [
        "3 patients who consulted in March 2026 came by Mar 31, 2026, of 8 consultations "
        "registered: an arrival rate of 37.5% (HD-37)"
    ]
    # The consultation of 31 March whose patient comes on 2 April counts, given time.
    late = visits.add(visit(2, "P-08", "13800000008", month=4))
    assert hd.arrival_rate(march_consultations(), late, MARCH, TZ).came == 3
    later = hd.arrival_rate(march_consultations(), late, MARCH, TZ, until=pendulum.date(2026, 4, 7))
    assert later.came == 4
    assert later.rate == Decimal("0.5000")


def test_no_consultations_no_rate() -> None:
    empty = hd.CONSULTATIONS.register()
    rate = hd.arrival_rate(empty, hd.VISITS.register(), sc.Month(2026, 2), TZ)
    assert rate.rate is None
    assert rate.explain("en") == [
        "No consultations registered in February 2026: no arrival rate (HD-37)"
    ]


def test_the_rate_takes_the_right_registers() -> None:
    with pytest.raises(sc.ValidationError, match="give consultations, visits"):
        hd.arrival_rate(hd.VISITS.register(), hd.CONSULTATIONS.register(), MARCH, TZ)


# Follow-up calls (HD-38; AMB-13: the plugin's period) ------------------------------------


def test_each_days_patients_are_called_back_1_to_3_days_after_the_visit() -> None:
    assert (hd.FOLLOW_UP_DAYS, hd.FOLLOW_UP_TOLERANCE) == (2, 1)
    window = hd.FOLLOW_UP.window(pendulum.date(2026, 3, 2))
    assert (window.first, window.last) == (pendulum.date(2026, 3, 3), pendulum.date(2026, 3, 5))
    register = sc.CallbackRegister(TZ, [hd.FOLLOW_UP])
    register = hd.schedule_follow_ups(
        register,
        [
            visit(2, "P-0301", "13800000001"),
            visit(2, "P-0302", None),
            visit(2, "P-0302", None),  # came twice that day: one call
        ],
    )
    assert [c.id for c in register.callbacks] == [
        "patient-follow-up/P-0301/2026-03-02",
        "patient-follow-up/P-0302/2026-03-02",
    ]
    assert [s.state for s in register.status(at(2, 18))] == [sc.CallbackState.UPCOMING] * 2
    register = register.record(("patient-follow-up", "P-0301"), at(4, 16), by="小王")
    states = register.status(at(6, 9))
    assert [s.state for s in states] == [sc.CallbackState.DONE, sc.CallbackState.OVERDUE]
    assert states[1].explain("en") == (
        "Follow-up call to a patient for P-0302 is overdue by 1 day "
        "(Mar 3, 2026 to Mar 5, 2026) (HD-38)"
    )
    assert [s.callback.customer for s in register.overdue(at(6, 9))] == ["P-0302"]


def test_a_call_on_the_day_of_the_visit_is_too_early() -> None:
    register = hd.schedule_follow_ups(
        sc.CallbackRegister(TZ, [hd.FOLLOW_UP]), [visit(2, "P-1", None)]
    )
    register = register.record(("patient-follow-up", "P-1"), at(2, 17), by="小王")
    assert register.status(at(3))[0].state is sc.CallbackState.DONE_EARLY


def test_a_hospital_sets_its_own_period() -> None:
    next_day = hd.follow_up_rule(days=1, tolerance=0)
    policy = hd.service_levels(follow_up=next_day)
    assert policy.callback_rule("patient-follow-up") is next_day
    assert next_day.cite.rule_id == "HD-38"
    window = next_day.window(pendulum.date(2026, 3, 2))
    assert window.first == window.last == pendulum.date(2026, 3, 3)


# The command line ------------------------------------------------------------------------


def test_inspect_lists_the_hotline() -> None:
    stdout = run_cli("inspect", "hospital-desk", "--locale", "en")
    for rule_id in ("HD-31", "HD-34", "HD-38"):
        assert f"({rule_id})" in stdout
    stdout = run_cli("inspect", "hospital-desk", "--json")
    assert "HD-31" in stdout
    json.loads(stdout)
