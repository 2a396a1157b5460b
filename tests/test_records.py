"""Registers and their statistics: the hospital hotline's consultation register (HD-32
general and HD-33 targeted registration), its statistics (HD-36) and arrival rate (HD-37,
AMB-13); the shop's neutral/negative-review register (TB-78) for the Monday meeting
(TB-80); the installer's daily callback register (OP-11); customer data masked unless
revealed (JW-27, EH-26)."""

from __future__ import annotations

import datetime as _dt
import json
import re
from decimal import Decimal

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from servicecodex._calendar import BusinessCalendar
from servicecodex._errors import FloatError, NaiveDateTimeError, PolicyError, ValidationError
from servicecodex._masking import PersonalKind
from servicecodex._reasons import Citation, Source
from servicecodex._records import (
    FieldKind,
    Register,
    RegisterChoice,
    RegisterEntry,
    RegisterError,
    RegisterField,
    RegisterSpec,
    ReportInterval,
    conversion,
    report,
)
from servicecodex._text import Text
from servicecodex._time import DateRange, Month, PeriodKind

TZ = "Asia/Shanghai"
HD = Source("001 篇4")
HD32, HD36, HD37 = HD("HD-32", ".3"), HD("HD-36", ".6"), HD("HD-37", ".7")


def choice(id: str, en: str, zh: str) -> RegisterChoice:
    return RegisterChoice(id, Text(en=en, zh_Hans=zh))


def field(id: str, en: str, zh: str, kind: str, **more: object) -> RegisterField:
    return RegisterField(id, Text(en=en, zh_Hans=zh), kind, **more)  # type: ignore[arg-type]


# HD-32: 年龄、性别、病程、病史、病种、住址、电话、就诊意向、关心内容 (general registration);
# HD-33: 就诊意向、健康咨询、价格比对、消费习惯、经济状况、人员类型 (targeted registration).
HOTLINE = RegisterSpec(
    "hotline",
    Text(en="Consultation register", zh_Hans="咨询登记表"),
    [
        field("age", "Age", "年龄", "number"),
        field(
            "sex",
            "Sex",
            "性别",
            "choice",
            choices=[choice("female", "female", "女"), choice("male", "male", "男")],
        ),
        field("course", "Course of illness", "病程", "text"),
        field("history", "Medical history", "病史", "text", required=False),
        field("disease", "Disease type", "病种", "text"),
        field("address", "Address", "住址", "address"),
        field("phone", "Phone", "电话", "phone"),
        field(
            "intention",
            "Intention to visit",
            "就诊意向",
            "choice",
            choices=[
                choice("high", "high", "强"),
                choice("medium", "medium", "一般"),
                choice("low", "low", "弱"),
            ],
        ),
        field("concerns", "Concerns", "关心内容", "text", required=False),
        field("health_question", "Health question", "健康咨询", "text", required=False),
        field("price_comparison", "Price comparison", "价格比对", "text", required=False),
        field("spending_habits", "Spending habits", "消费习惯", "text", required=False),
        field(
            "economic_situation",
            "Economic situation",
            "经济状况",
            "choice",
            required=False,
            choices=["good", "average", "poor"],
        ),
        field(
            "person_type",
            "Person type",
            "人员类型",
            "choice",
            required=False,
            choices=["employee", "self_employed", "student", "retired", "other"],
        ),
    ],
    HD32,
)
PHONE = "13812345678"


def consultation(at: pendulum.DateTime, **changes: object) -> RegisterEntry:
    values: dict[str, object] = {
        "age": 45,
        "sex": "female",
        "course": "两周",
        "disease": "胃病",
        "address": "上海市浦东新区张江路88号",
        "phone": PHONE,
        "intention": "high",
        "concerns": f"问价格，回电 {PHONE}",
    }
    values.update(changes)
    return HOTLINE.entry(at, values)


MON = pendulum.datetime(2026, 3, 2, 9, 30, tz=TZ)


# The register and its entries ----------------------------------------------------------


def test_a_consultation_is_registered_with_the_hd32_fields() -> None:
    entry = consultation(MON, history="高血压", person_type="retired", economic_situation="good")
    assert entry.at == MON
    assert entry["age"] == 45
    assert entry["sex"] == "female"
    assert entry["history"] == "高血压"
    assert entry["health_question"] is None  # an optional field left empty
    assert entry.get("price_comparison", "—") == "—"
    assert list(entry.values) == [  # in the register's order, empty optional fields left out
        "age",
        "sex",
        "course",
        "history",
        "disease",
        "address",
        "phone",
        "intention",
        "concerns",
        "economic_situation",
        "person_type",
    ]
    assert HOTLINE.kinds == {"address": PersonalKind.ADDRESS, "phone": PersonalKind.PHONE}
    assert HOTLINE.field("phone").personal is PersonalKind.PHONE
    assert FieldKind.TEXT.personal is None


def test_blank_or_none_optional_fields_are_left_out() -> None:
    entry = consultation(MON, history="  ", concerns=None)
    assert "history" not in entry.values
    assert "concerns" not in entry.values


@pytest.mark.parametrize(
    ("changes", "field_id", "problem"),
    [
        ({"mood": "calm"}, "mood", "unknown field of the register hotline; known: age, sex"),
        ({"phone": None}, "phone", "required by the register hotline, not given"),
        ({"course": "  "}, "course", "is blank"),
        ({"sex": "unknown"}, "sex", "not one of the choices: female, male"),
        ({"intention": "HIGH"}, "intention", "not one of the choices: high, medium, low"),
        ({"age": "45"}, "age", "expected a number (int or Decimal), not str"),
        ({"age": True}, "age", "expected a number (int or Decimal), not bool"),
        ({"age": Decimal("NaN")}, "age", "not a finite number"),
        ({"sex": 1}, "sex", "expected text, not int"),
        ({"phone": "12-34"}, "phone", "a phone number has at least 7 digits"),
        ({"address": 88}, "address", "expected text, not int"),
    ],
)
def test_an_entry_the_register_does_not_accept_is_refused(
    changes: dict[str, object], field_id: str, problem: str
) -> None:
    with pytest.raises(RegisterError, match=re.escape(problem)) as caught:
        consultation(MON, **changes)
    assert caught.value.register == "hotline"
    assert caught.value.field_id == field_id
    assert caught.value.field == f"hotline.{field_id}"
    assert isinstance(caught.value, ValidationError)


def test_a_float_age_and_a_naive_time_are_refused() -> None:
    with pytest.raises(FloatError, match=r"hotline\.age"):
        consultation(MON, age=45.0)
    with pytest.raises(NaiveDateTimeError, match=r"RegisterEntry\.at"):
        consultation(_dt.datetime(2026, 3, 2, 9, 30))  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="a mapping"):
        RegisterEntry(HOTLINE, MON, [("age", 45)])
    with pytest.raises(RegisterError, match="unknown field"):
        consultation(MON).get("mood")


def test_a_badly_defined_register_is_refused() -> None:
    name = Text(en="x", zh_Hans="x")
    with pytest.raises(PolicyError, match="needs choices"):
        RegisterField("sex", name, FieldKind.CHOICE)
    with pytest.raises(PolicyError, match="only a choice field has choices"):
        RegisterField("age", name, "number", choices=["a"])
    with pytest.raises(PolicyError, match="duplicate id"):
        RegisterField("sex", name, "choice", choices=["f", "f"])
    with pytest.raises(PolicyError, match="not one string"):
        RegisterField("sex", name, "choice", choices="fm")
    with pytest.raises(PolicyError, match="unknown; use one of text, number"):
        RegisterField("sex", name, "gender")
    with pytest.raises(PolicyError, match="an id is lower-case"):
        RegisterField("Sex", name, "text")
    with pytest.raises(PolicyError, match="duplicate id"):
        RegisterSpec("r", name, [field("a", "a", "a", "text")] * 2, HD32)
    with pytest.raises(PolicyError, match="must not be empty"):
        RegisterSpec("r", name, [], HD32)


def test_adding_returns_a_new_register_in_time_order() -> None:
    empty = HOTLINE.register()
    one = empty.add(MON.add(hours=2), consultation(MON).values)
    two = one.add(consultation(MON))  # registered late, dated earlier
    assert len(empty) == 0
    assert len(one) == 1
    assert [e.at for e in two] == [MON, MON.add(hours=2)]
    assert isinstance(two, Register)
    with pytest.raises(ValidationError, match="already has its values"):
        two.add(consultation(MON), age=3)
    other = RegisterSpec("other", Text(en="o", zh_Hans="o"), [field("a", "a", "a", "text")], HD32)
    with pytest.raises(ValidationError, match="an entry of another register"):
        two.add(other.entry(MON, a="x"))
    with pytest.raises(RegisterError, match="required"):
        empty.add(MON, age=45)


# Masking (JW-27, EH-26) ---------------------------------------------------------------


def test_outputs_mask_personal_fields_unless_revealed() -> None:
    book = HOTLINE.register([consultation(MON)])
    row = book.rows()[0]
    assert row["phone"] == "138****5678"
    assert row["address"] == "上海市浦东新区****"
    assert row["concerns"] == "问价格，回电 138****5678"
    assert row["age"] == 45
    assert row["at"] == MON
    assert book.rows(reveal=True)[0]["phone"] == PHONE
    masked = json.dumps(book.to_json(), ensure_ascii=False)
    assert PHONE not in masked
    assert "张江路" not in masked
    revealed = json.dumps(book.to_json(reveal=True), ensure_ascii=False)
    assert PHONE in revealed
    assert "张江路88号" in revealed
    for locale in ("en", "zh_Hans", "zh_Hant"):
        assert PHONE not in book.format(locale)
        assert "张江路" not in book.format(locale)
    assert PHONE in book.format("en", reveal=True)


def test_free_text_is_masked_with_the_entry_s_own_personal_values() -> None:
    spec = RegisterSpec(
        "callers",
        Text(en="Callers", zh_Hans="来电"),
        [field("caller", "Caller", "来电人", "name"), field("note", "Note", "备注", "text")],
        HD32,
    )
    entry = spec.entry(MON, caller="刘建国", note="刘建国 called; 邮箱 liu@example.com")
    assert entry.row() == {
        "at": MON,
        "caller": "刘**",
        "note": "刘** called; 邮箱 l***@example.com",
    }
    assert entry.personal_values() == ((PersonalKind.NAME, "刘建国"),)


def test_the_register_as_json() -> None:
    data = HOTLINE.register([consultation(MON)]).to_json()
    assert data["id"] == "hotline"
    assert data["name"] == {
        "en": "Consultation register",
        "zh_Hans": "咨询登记表",
        "zh_Hant": "諮詢登記表",
    }
    assert (data["rule_id"], data["clause"]) == ("HD-32", "001 篇4 .3")
    assert data["fields"][1] == {
        "id": "sex",
        "kind": "choice",
        "required": True,
        "choices": ["female", "male"],
    }
    assert data["entries"][0]["at"] == "2026-03-02T09:30:00+08:00"
    assert data["entries"][0]["values"]["history"] is None
    json.dumps(data)  # plain JSON data


def test_the_register_as_text() -> None:
    book = HOTLINE.register([consultation(MON, history="高血压")])
    en = book.format("en")
    assert en.splitlines()[0] == "Consultation register (HD-32)"
    assert "Sex: female" in en
    assert "Intention to visit: high" in en
    assert "Medical history: 高血压" in en
    assert "Health question: —" in en
    zh = book.format("zh_Hans")
    assert zh.splitlines()[0] == "咨询登记表（HD-32）"
    assert "性别" in zh
    assert "女" in zh
    assert "强" in zh
    assert HOTLINE.register().format("en").splitlines()[1] == "no entries"


# Statistics (HD-36) --------------------------------------------------------------------


def march_book() -> Register:
    """Consultations in March 2026 (Shanghai time); Sunday 1 March, Monday 2 March."""
    utc = pendulum.UTC
    entries = [
        # 23:30 UTC on 28 February is 07:30 on 1 March in Shanghai
        consultation(pendulum.datetime(2026, 2, 28, 23, 30, tz=utc), intention="high"),
        consultation(pendulum.datetime(2026, 3, 2, 1, tz=utc), intention="medium"),
        consultation(pendulum.datetime(2026, 3, 2, 6, tz=utc), intention="high"),
        consultation(pendulum.datetime(2026, 3, 10, 2, tz=utc), intention="high"),
        # 16:30 UTC on 31 March is 00:30 on 1 April in Shanghai: outside March
        consultation(pendulum.datetime(2026, 3, 31, 16, 30, tz=utc), intention="low"),
        consultation(pendulum.datetime(2026, 3, 31, 15, 30, tz=utc), intention="low"),
    ]
    return HOTLINE.register(entries)


def test_daily_counts_on_the_organisation_s_calendar() -> None:
    daily = march_book().report("day", Month(2026, 3), TZ)
    counts = {row.period.first.day: row.count for row in daily.rows}
    assert len(daily.rows) == 31  # every day, empty ones too
    assert counts[1] == 1
    assert counts[2] == 2
    assert counts[10] == 1
    assert counts[31] == 1
    assert sum(counts.values()) == daily.total == 5
    assert not daily.grouped
    assert daily.rows[1].group is None
    assert daily.rows[1].group_label() is None
    assert daily.explain("en")[0] == "5 entries in March 2026 (HD-32)"
    assert daily.explain("en")[2] == "2 entries in Mar 2, 2026 (HD-32)"


def test_weekly_counts_run_monday_to_sunday_clipped_to_the_period() -> None:
    weekly = march_book().report(ReportInterval.WEEK, Month(2026, 3), BusinessCalendar(TZ, "CN"))
    spans = [(r.period.first.day, r.period.last.day, r.count) for r in weekly.rows]
    assert spans == [(1, 1, 1), (2, 8, 2), (9, 15, 1), (16, 22, 0), (23, 29, 0), (30, 31, 1)]
    assert weekly.counts()[DateRange(pendulum.date(2026, 3, 2), pendulum.date(2026, 3, 8))] == 2


def test_monthly_counts_grouped_by_a_choice_list_every_choice() -> None:
    quarter = DateRange(pendulum.date(2026, 1, 1), pendulum.date(2026, 4, 30))
    monthly = march_book().report(PeriodKind.MONTH, quarter, TZ, by="intention")
    rows = [(r.period, r.group, r.count) for r in monthly.rows]
    assert rows[6:9] == [
        (Month(2026, 3), "high", 3),
        (Month(2026, 3), "medium", 1),
        (Month(2026, 3), "low", 1),
    ]
    assert rows[9:] == [
        (Month(2026, 4), "high", 0),
        (Month(2026, 4), "medium", 0),
        (Month(2026, 4), "low", 1),
    ]
    assert monthly.by_group() == {"high": 3, "medium": 1, "low": 2}
    assert monthly.total == 6
    assert monthly.rows[6].group_label("zh_Hans") == "强"
    assert "High: 3 entries in March 2026 (HD-32)" in monthly.explain("en")
    data = monthly.to_json("zh_Hans")
    assert data["rows"][6] == {
        "first": "2026-03-01",
        "last": "2026-03-31",
        "group": "强",
        "count": 3,
    }
    json.dumps(data)
    text = monthly.format("en")
    assert "March 2026, high: 3" in text
    assert text.splitlines()[-1] == "total: 6"


def test_grouping_by_an_optional_field_or_a_function() -> None:
    book = march_book().add(consultation(MON, person_type="retired"))
    by_type = book.report("month", Month(2026, 3), TZ, by="person_type")
    assert [(r.group, r.count) for r in by_type.rows][-2:] == [("other", 0), (None, 5)]
    assert by_type.rows[-1].group_label("en") == "not given"
    by_hour = book.report("month", Month(2026, 3), TZ, by=lambda e: e.at.in_timezone(TZ).hour < 12)
    assert by_hour.by_group() == {True: 4, False: 2}
    by_phone = book.report("month", Month(2026, 3), TZ, by="phone")
    assert by_phone.rows[0].group_label() == "138****5678"  # personal data stays masked
    with pytest.raises(RegisterError, match="unknown field"):
        book.report("month", Month(2026, 3), TZ, by="mood")


@attrs.frozen
class Call:
    at: pendulum.DateTime
    channel: str


def test_any_record_with_an_instant_can_be_counted() -> None:
    calls = [
        Call(pendulum.datetime(2026, 3, 2, 9, tz=TZ), "phone"),
        Call(pendulum.datetime(2026, 3, 2, 10, tz=TZ), "web"),
        Call(pendulum.datetime(2026, 3, 3, 10, tz=TZ), "phone"),
    ]
    week = DateRange(pendulum.date(2026, 3, 2), pendulum.date(2026, 3, 8))
    daily = report(calls, "day", week, TZ, by="channel", cite=HD36)
    assert [(r.period.first.day, r.group, r.count) for r in daily.rows][:4] == [
        (2, "phone", 1),
        (2, "web", 1),
        (3, "phone", 1),
        (3, "web", 0),
    ]
    assert daily.explain("en")[1] == "Phone: 1 entry in Mar 2, 2026 (HD-36)"
    uncited = report(calls, "week", week, TZ)
    assert uncited.reasons == ()
    assert uncited.rows[0].reason is None
    assert uncited.total == 3


def test_a_bad_report_request_is_refused() -> None:
    calls = [Call(pendulum.datetime(2026, 3, 2, 9, tz=TZ), "phone")]
    with pytest.raises(ValidationError, match="unknown; use one of day, week, month"):
        report(calls, "fortnight", Month(2026, 3), TZ)
    with pytest.raises(ValidationError, match="expected a Period"):
        report(calls, "day", "2026-03", TZ)  # type: ignore[arg-type]
    with pytest.raises(PolicyError, match="not an IANA timezone"):
        report(calls, "day", Month(2026, 3), "Mars/Olympus")
    with pytest.raises(ValidationError, match="records with an aware datetime"):
        report(["x"], "day", Month(2026, 3), TZ)  # type: ignore[list-item]
    with pytest.raises(NaiveDateTimeError):
        report([Call(_dt.datetime(2026, 3, 2), "x")], "day", Month(2026, 3), TZ)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="a field, a field id or a function"):
        report(calls, "day", Month(2026, 3), TZ, by=3)  # type: ignore[arg-type]


# Arrival rate (HD-37, AMB-13) ----------------------------------------------------------


@attrs.frozen
class Visit:
    at: pendulum.DateTime
    phone: str | None = None


def day_at(d: int, hour: int = 10, month: int = 3) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, d, hour, tz=TZ)


def test_the_arrival_rate_is_visits_over_consultations_registered() -> None:
    book = HOTLINE.register([consultation(day_at(d)) for d in range(1, 13)])  # 12 consultations
    visits = [Visit(day_at(d, 15)) for d in (2, 3, 9, 20)] + [Visit(day_at(1, 9, month=4))]
    rate = conversion(book, visits, Month(2026, 3), timezone=TZ, cite=HD37)
    assert (rate.inquiries, rate.visits, rate.came) == (12, 4, 4)
    assert rate.rate == Decimal("0.3333")
    assert rate.percent == Decimal("33.33")
    assert rate.explain("en") == [
        "4 visits from 12 consultations registered in March 2026: an arrival rate of 33.33% (HD-37)"
    ]
    assert rate.reasons[0].facts["inquiries"] == 12
    data = rate.to_json()
    assert (data["rate"], data["inquiries"], data["came"]) == ("0.3333", 12, 4)
    json.dumps(data)


def test_matched_by_phone_each_patient_counts_once_after_their_consultation() -> None:
    other = "13900001111"
    third = "13700002222"
    book = HOTLINE.register(
        [
            consultation(day_at(3)),  # PHONE, twice
            consultation(day_at(5)),
            consultation(day_at(4), phone=other),
            consultation(day_at(28), phone=third),
            consultation(day_at(6), phone="021-55556666"),
        ]
    )
    visits = [
        Visit(day_at(2, 15), PHONE),  # before the consultation: not counted
        Visit(day_at(9, 15), PHONE),
        Visit(day_at(12, 15), PHONE),  # the same patient again
        Visit(day_at(10, 15), other),
        Visit(day_at(2, 10, month=4), third),  # after the period
        Visit(day_at(11, 15), None),  # cannot be matched
    ]
    march = Month(2026, 3)

    def phone_of(record: object) -> str | None:
        return record["phone"] if isinstance(record, RegisterEntry) else record.phone  # type: ignore[attr-defined, return-value]

    rate = conversion(book, visits, march, timezone=TZ, cite=HD37, match=phone_of)
    assert (rate.inquiries, rate.visits, rate.came, rate.rate) == (5, 5, 2, Decimal("0.4000"))
    assert rate.explain("en") == [
        "2 patients who consulted in March 2026 came by Mar 31, 2026, "
        "of 5 consultations registered: an arrival rate of 40% (HD-37)"
    ]
    later = conversion(
        book,
        visits,
        march,
        timezone=TZ,
        cite=HD37,
        match=phone_of,
        until=pendulum.date(2026, 4, 30),
    )
    assert later.came == 3
    assert later.rate == Decimal("0.6000")


def test_no_consultations_gives_no_rate_not_a_division_by_zero() -> None:
    rate = conversion([], [Visit(day_at(2))], Month(2026, 3), timezone=TZ, cite=HD37)
    assert rate.rate is None
    assert rate.percent is None
    assert (rate.inquiries, rate.visits) == (0, 1)
    assert rate.explain("en") == [
        "No consultations registered in March 2026: no arrival rate (HD-37)"
    ]
    assert rate.to_json()["rate"] is None
    assert rate.explain("zh_Hans")[0].endswith("（HD-37）")


def test_a_bad_conversion_request_is_refused() -> None:
    with pytest.raises(ValidationError, match="expected a Citation"):
        conversion([], [], Month(2026, 3), timezone=TZ, cite="HD-37")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="is before the period starts"):
        conversion([], [], Month(2026, 3), timezone=TZ, cite=HD37, until=pendulum.date(2026, 2, 1))


# Other organisations' registers ----------------------------------------------------------

TB = Source("002 第二篇")
REVIEWS = RegisterSpec(
    "reviews",
    Text(en="Neutral and negative reviews", zh_Hans="中差评记录表"),
    [
        field("wangwang_id", "Wangwang ID", "旺旺ID", "name"),
        field("phone", "Phone", "联系电话", "phone", required=False),
        field("item", "Item bought", "购买物品", "text"),
        field("review", "Review", "评价内容", "text"),
        field(
            "severity",
            "Severity",
            "严重程度",
            "choice",
            choices=[choice("minor", "minor", "一般"), choice("severe", "severe", "严重")],
        ),
        field(
            "status",
            "Handling status",
            "处理状态",
            "choice",
            choices=["open", "contacted", "resolved"],
        ),
        field("progress", "Progress", "进展情况", "text", required=False),
    ],
    TB("TB-78", "P1 四.2(1)"),
)


def test_the_review_register_tb78_feeds_the_monday_meeting() -> None:
    book = REVIEWS.register(
        [
            REVIEWS.entry(
                day_at(d),
                wangwang_id=f"tb_buyer_{d}",
                item="衬衫",
                review=f"tb_buyer_{d}: 尺码不对" if d != 4 else "发错货，电话 13812345678",
                severity="severe" if d in (3, 4) else "minor",
                status="open",
            )
            for d in (2, 3, 4, 10)
        ]
    )
    masked = json.dumps(book.to_json(), ensure_ascii=False)
    assert "tb_buyer_" not in masked
    assert "13812345678" not in masked
    assert book.rows()[0]["review"] == "t**: 尺码不对"
    weekly = book.report("week", Month(2026, 3), TZ, by="severity")
    assert [(r.period.first.day, r.group, r.count) for r in weekly.rows][2:6] == [
        (2, "minor", 1),
        (2, "severe", 2),
        (9, "minor", 1),
        (9, "severe", 0),
    ]
    assert "Severe: 2 entries in Mar 2, 2026 to Mar 8, 2026 (TB-78)" in weekly.explain("en")


OP = Source("003 客户服务管理客服流程和规范")
CALLBACKS = RegisterSpec(
    "callbacks",
    Text(en="Callback register", zh_Hans="回访信息登记表"),
    [
        field("customer", "Customer", "客户", "name"),
        field("phone", "Phone", "电话", "phone"),
        field("installed_on", "Installed on", "安装日期", "date"),
        field("satisfied", "Satisfied", "是否满意", "boolean"),
        field("score", "Score", "评分", "number", required=False),
        field("email", "Email", "邮箱", "email", required=False),
        field("feedback", "Feedback", "反馈", "text", required=False),
    ],
    OP("OP-11", "规范亮点 2"),
)


def test_the_daily_callback_register_op11() -> None:
    entry = CALLBACKS.entry(
        day_at(2, 16),
        customer="王芳",
        phone="021-55556666",
        installed_on=_dt.date(2026, 2, 27),
        satisfied=True,
        score=Decimal("4.5"),
        email="wang.fang@example.com",
        feedback="王芳说师傅很准时",
    )
    assert entry["installed_on"] == pendulum.date(2026, 2, 27)
    assert entry.row() == {
        "at": day_at(2, 16),
        "customer": "王**",
        "phone": "021-****6666",
        "installed_on": pendulum.date(2026, 2, 27),
        "satisfied": True,
        "score": Decimal("4.5"),
        "email": "w***@example.com",
        "feedback": "王**说师傅很准时",
    }
    values = entry.to_json()["values"]
    assert (values["installed_on"], values["score"], values["satisfied"]) == (
        "2026-02-27",
        "4.5",
        True,
    )
    line = entry.format("en")
    assert "Satisfied: yes" in line
    assert "Installed on: Feb 27, 2026" in line
    assert "Score: 4.5" in line
    book = CALLBACKS.register([entry, attrs.evolve(entry, at=day_at(3, 9))])
    daily = book.report("day", DateRange(pendulum.date(2026, 3, 2), pendulum.date(2026, 3, 3)), TZ)
    assert [r.count for r in daily.rows] == [1, 1]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"installed_on": day_at(1)}, "expected a calendar date, not DateTime"),
        ({"satisfied": "yes"}, "expected True or False, not str"),
        ({"email": "wang at example"}, "not an email address"),
    ],
)
def test_callback_values_of_the_wrong_type_are_refused(
    changes: dict[str, object], problem: str
) -> None:
    values: dict[str, object] = {
        "customer": "王芳",
        "phone": "13812345678",
        "installed_on": _dt.date(2026, 2, 27),
        "satisfied": True,
    }
    with pytest.raises(RegisterError, match=problem):
        CALLBACKS.entry(day_at(2), {**values, **changes})


def test_field_kinds_have_labels() -> None:
    assert FieldKind.BOOLEAN.localize("en") == "yes or no"
    assert ReportInterval.WEEK.localize("en") == "weekly"
    assert RegisterChoice("x").localize("zh_Hans") == "x"
    assert isinstance(HD37, Citation)


# Properties ------------------------------------------------------------------------------

MOBILES = st.builds(
    lambda second, rest: f"1{second}{rest}",
    st.sampled_from("3456789"),
    st.text("0123456789", min_size=9, max_size=9),
)
INSTANTS = st.datetimes(
    min_value=_dt.datetime(2026, 2, 25), max_value=_dt.datetime(2026, 4, 5)
).map(lambda d: pendulum.instance(d, tz="UTC"))


@given(st.lists(st.tuples(INSTANTS, MOBILES), max_size=12))
@settings(max_examples=60, deadline=None)
def test_no_phone_ever_leaves_unmasked_and_counts_add_up(
    calls: list[tuple[pendulum.DateTime, str]],
) -> None:
    book = HOTLINE.register(
        [consultation(at, phone=p, concerns=f"回电 {p[:3]} {p[3:7]} {p[7:]}") for at, p in calls]
    )
    masked = json.dumps(book.to_json(), ensure_ascii=False).replace(" ", "")
    for _, p in calls:
        assert p not in masked
    march = Month(2026, 3)
    in_march = sum(at.in_timezone(TZ).date() in march for at, _ in calls)
    for interval in ("day", "week", "month"):
        counted = book.report(interval, march, TZ)
        assert counted.total == in_march
        assert sum(r.count for r in counted.rows) == in_march
