"""Citations, reasons and outcomes: every outcome names its rule and renders its facts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pendulum
import pytest

import servicecodex as sc
from servicecodex._i18n import N_
from servicecodex._reasons import format_fact

JW_12 = sc.Citation("JW-12", "000 篇2 第四條.1")
TB_39 = sc.Citation("TB-39", "002 P1 七(1)")


# Citations --------------------------------------------------------------------------


@pytest.mark.parametrize("rule_id", ["TB-39", "JW-12", "EL-17", "AMB-29", "HD-22", "TB-100"])
def test_citation_accepts_catalogue_ids(rule_id: str) -> None:
    assert sc.Citation(rule_id, "P1 七(1)").rule_id == rule_id


@pytest.mark.parametrize(
    "rule_id",
    [
        "tb-39",
        "TB39",
        "TB-9",
        "TB-1234",
        "T-39",
        "TOOLONG-39",
        "",
        " TB-39",
        "TB-39 ",
        "TB-39\n",
        39,
    ],
)
def test_citation_refuses_bad_rule_ids(rule_id: object) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Citation(rule_id, "P1 七(1)")  # type: ignore[arg-type]
    assert exc.value.field == "Citation.rule_id"


@pytest.mark.parametrize("clause", ["", "   ", None])
def test_citation_needs_a_clause(clause: object) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Citation("TB-39", clause)  # type: ignore[arg-type]
    assert exc.value.field == "Citation.clause"


# Reasons ----------------------------------------------------------------------------


def test_reason_refuses_a_placeholder_without_a_fact() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Reason(JW_12, "Answer the {channel} within {rings} rings", {"channel": sc.Channel.PHONE})
    assert exc.value.field == "Reason.facts"
    assert "rings" in str(exc.value)
    assert "channel" not in exc.value.problem


def test_reason_refuses_a_positional_placeholder() -> None:
    """``{}`` cannot be filled from named facts; it must fail when built, not when explained."""
    with pytest.raises(sc.PolicyError):
        sc.Reason(JW_12, "Answer within {} rings", {"rings": 3})


def test_reason_refuses_a_malformed_message() -> None:
    with pytest.raises(sc.PolicyError):
        sc.Reason(JW_12, "Answer within {rings rings", {"rings": 3})


def test_reason_may_carry_facts_its_message_does_not_show() -> None:
    reason = sc.Reason(JW_12, "Answer within {rings} rings", {"rings": 3, "seconds_per_ring": 5})
    assert reason.explain("en") == "Answer within 3 rings (JW-12)"


def test_reason_facts_are_read_only() -> None:
    facts: dict[str, object] = {"rings": 3}
    reason = sc.Reason(JW_12, "Answer within {rings} rings", facts)
    facts["rings"] = 5
    assert reason.facts["rings"] == 3
    with pytest.raises(TypeError):
        reason.facts["rings"] = 5  # type: ignore[index]


def test_explain_appends_the_rule_id() -> None:
    reason = sc.Reason(
        JW_12,
        "Answer the {channel} within {rings} rings",
        {"channel": sc.Channel.PHONE, "rings": 3},
    )
    assert reason.rule_id == "JW-12"
    assert reason.explain("en") == "Answer the phone within 3 rings (JW-12)"
    assert reason.explain() == reason.explain("en_US")


def test_explain_formats_money_for_the_locale() -> None:
    reason = sc.Reason(
        TB_39,
        "Violation {count} this month: fine {fine}",
        {"count": 3, "fine": sc.Money(200, "CNY")},
    )
    assert reason.explain("en") == "Violation 3 this month: fine CN¥200.00 (TB-39)"
    chinese = reason.explain("zh_Hans_CN")
    assert "TB-39" in chinese
    assert "¥200.00" in chinese
    assert "CN¥" not in chinese


def test_explain_refuses_an_unsupported_locale() -> None:
    reason = sc.Reason(JW_12, "Answer within {rings} rings", {"rings": 3})
    with pytest.raises(sc.UnsupportedLocaleError):
        reason.explain("fr")


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant"])
def test_explain_in_chinese_uses_the_catalog(locale: str) -> None:
    target = sc.ResponseTarget(sc.Channel.PHONE, JW_12, rings=3)
    text = target.describe()[0].explain(locale)
    assert "JW-12" in text
    assert "3" in text
    assert sc.Channel.PHONE.localize(locale) in text
    assert "answer within" not in text


def test_to_json() -> None:
    reason = sc.Reason(TB_39, "Fine {fine}", {"fine": sc.Money(50, "CNY")})
    assert reason.to_json("en") == {
        "rule_id": "TB-39",
        "clause": "002 P1 七(1)",
        "message": "Fine CN¥50.00 (TB-39)",
        "facts": {"fine": "CN¥50.00"},
    }


# Facts ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fact", "english"),
    [
        (sc.Money(1800, "CNY"), "CN¥1,800.00"),
        (Decimal("2200"), "2,200"),
        (Decimal("101.15"), "101.15"),
        (1800, "1,800"),
        (dt.date(2026, 10, 1), "Oct 1, 2026"),
        (pendulum.date(2026, 10, 1), "Oct 1, 2026"),
        (dt.time(15, 30), "15:30"),
        (dt.timedelta(hours=24), "24 hours"),
        (dt.timedelta(hours=48), "48 hours"),
        (dt.timedelta(minutes=90), "90 minutes"),
        (dt.timedelta(seconds=15), "15 seconds"),
        (dt.timedelta(seconds=1), "1 second"),
        ([1800, 2200, 2500], "1,800, 2,200, and 2,500"),
        (("phone", "email"), "phone and email"),
        ((), "—"),
        (True, "yes"),
        (False, "no"),
        ("不关我的事", "不关我的事"),
        (sc.Channel.ONLINE_CHAT, "online chat"),
        (sc.Text(en="Junior CS", zh_Hans="初级客服"), "Junior CS"),
        (sc.PeriodKind.MONTH, "monthly"),
    ],
)
def test_format_fact_in_english(fact: object, english: str) -> None:
    assert format_fact(fact, "en") == english


def test_format_fact_of_a_period_uses_its_label() -> None:
    """Periods are facts too (a payslip's month): they render like ``Period.label``."""
    assert format_fact(sc.Month(2026, 10), "en") == "October 2026"
    assert format_fact(sc.Month(2026, 10), "zh_Hans") == "2026年10月"


def test_format_fact_of_an_aware_datetime_keeps_its_timezone() -> None:
    text = format_fact(pendulum.datetime(2026, 10, 1, 9, tz="Asia/Shanghai"), "en")
    assert "Oct 1, 2026" in text
    assert "9:00:00" in text


@pytest.mark.parametrize(
    ("locale", "hours"), [("zh_Hans", "24小时"), ("zh_Hans_CN", "24小时"), ("zh_Hant", "小時")]
)
def test_format_fact_durations_in_chinese(locale: str, hours: str) -> None:
    text = format_fact(dt.timedelta(hours=24), locale)
    assert hours in text
    assert "duration" not in text
    for value in (dt.timedelta(minutes=90), dt.timedelta(seconds=15)):
        assert "duration" not in format_fact(value, locale)


def test_format_fact_in_chinese() -> None:
    assert format_fact(sc.Money(1800, "CNY"), "zh_Hans_CN") == "¥1,800.00"
    assert format_fact(sc.Text(en="Junior CS", zh_Hans="初级客服"), "zh_Hant") == "初級客服"
    assert format_fact(dt.date(2026, 10, 1), "zh_Hans") == "2026年10月1日"


@pytest.mark.parametrize("fact", [1.5, object(), None])
def test_format_fact_refuses_what_it_cannot_render(fact: object) -> None:
    with pytest.raises(TypeError):
        format_fact(fact, "en")


# Outcomes ---------------------------------------------------------------------------


def test_outcome_explains_every_reason_in_order() -> None:
    first = sc.Reason(
        TB_39, "Violation {count}: fine {fine}", {"count": 1, "fine": sc.Money(50, "CNY")}
    )
    second = sc.Reason(
        TB_39, "Violation {count}: fine {fine}", {"count": 2, "fine": sc.Money(100, "CNY")}
    )
    outcome = sc.Outcome(sc.Money(150, "CNY"), [first, second])
    assert outcome.reasons == (first, second)
    assert outcome.explain("en") == [
        "Violation 1: fine CN¥50.00 (TB-39)",
        "Violation 2: fine CN¥100.00 (TB-39)",
    ]
    assert all("TB-39" in line for line in outcome.explain("zh_Hans"))


def test_outcome_without_reasons() -> None:
    assert sc.Outcome(True, ()).explain("en") == []


def test_a_naive_moment_is_not_a_fact() -> None:
    cite = sc.Citation("TB-46", "002 P2 5)")
    with pytest.raises(sc.NaiveDateTimeError) as exc:
        sc.Reason(cite, N_("absent on {day}"), {"day": dt.datetime(2026, 3, 2, 9)})
    assert exc.value.field == "Reason.facts[day]"
    aware = pendulum.datetime(2026, 3, 2, 9, tz="Asia/Shanghai")
    assert sc.Reason(cite, N_("absent on {day}"), {"day": aware}).rule_id == "TB-46"
