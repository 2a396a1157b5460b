"""Policy records validate themselves when built and name what is wrong."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

import servicecodex as sc

EL_01 = sc.Citation("EL-01", "002 第一篇 三")
TB_49 = sc.Citation("TB-49", "002 P3b (2)")
TB_39 = sc.Citation("TB-39", "002 P1 七(1)")
HD_01 = sc.Citation("HD-01", "001 篇2 一.6")
HD_13 = sc.Citation("HD-13", "001 篇2 四.4")
HD_16 = sc.Citation("HD-16", "001 篇2 四.7")
HD_17 = sc.Citation("HD-17", "001 篇2 四.8")
HD_18 = sc.Citation("HD-18", "001 篇2 四.9")
HD_22 = sc.Citation("HD-22", "001 篇2 五")
HD_23 = sc.Citation("HD-23", "001 篇2 五")
TB_52 = sc.Citation("TB-52", "002 P1 二.1")
JW_12 = sc.Citation("JW-12", "000 篇2 第四條.1")

Kind = sc.PhraseKind
Scene = sc.Scenario


def text(en: str, zh: str) -> sc.Text:
    return sc.Text(en=en, zh_Hans=zh)


def yuan(amount: int) -> sc.Money:
    return sc.Money(amount, "CNY")


# EL-01: the five rungs; EL-17 … EL-21: their pay.
EL_RUNGS = (
    ("trial", "New CS (trial)", "新客服（试用）", 1800, "EL-17"),
    ("junior", "Junior CS", "初级客服", 2200, "EL-18"),
    ("intermediate", "Intermediate CS", "中级客服", 2500, "EL-19"),
    ("senior", "Senior CS", "高级客服", 3000, "EL-20"),
    ("reserve-supervisor", "Reserve supervisor", "储备主管", 4000, "EL-21"),
)


def el_ladder() -> sc.GradingLadder:
    rungs = [sc.Rung(i, text(en, zh), EL_01, band=i) for i, en, zh, _, _ in EL_RUNGS]
    return sc.GradingLadder(rungs, EL_01)


def el_bands() -> sc.SalaryBands:
    bands = [
        sc.SalaryBand(i, text(en, zh), yuan(pay), sc.Citation(rule, "002 第一篇 六"))
        for i, en, zh, pay, rule in EL_RUNGS
    ]
    return sc.SalaryBands("CNY", bands)


# Grading ladders --------------------------------------------------------------------


def test_ladder_order() -> None:
    ladder = el_ladder()
    assert ladder.position("trial") == 0
    assert ladder.position("reserve-supervisor") == 4
    above_junior = ladder.above("junior")
    assert above_junior is not None
    assert above_junior.id == "intermediate"
    assert ladder.above("reserve-supervisor") is None
    assert ladder.below("trial") is None
    assert ladder.rung("senior").band == "senior"


def test_ladder_describes_itself() -> None:
    assert el_ladder().describe().explain("en") == (
        "Rungs, lowest first (5): New CS (trial), Junior CS, Intermediate CS, Senior CS, "
        "and Reserve supervisor (EL-01)"
    )
    chinese = el_ladder().describe().explain("zh_Hans")
    assert "EL-01" in chinese
    assert "储备主管" in chinese


def test_ladder_refuses_duplicate_rung_ids() -> None:
    junior = sc.Rung("junior", text("Junior CS", "初级客服"), EL_01)
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder([junior, junior], EL_01)
    assert exc.value.field == "GradingLadder.rungs"
    assert exc.value.value == "junior"


def test_ladder_refuses_no_rungs() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.GradingLadder([], EL_01)
    assert exc.value.field == "GradingLadder.rungs"


def test_ladder_refuses_what_is_not_a_rung() -> None:
    with pytest.raises(sc.PolicyError):
        sc.GradingLadder(["junior"], EL_01)


@pytest.mark.parametrize("lookup", ["rung", "position", "above", "below"])
def test_unknown_rung_names_the_id(lookup: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        getattr(el_ladder(), lookup)("supervisor")
    assert exc.value.value == "supervisor"
    assert "'supervisor'" in str(exc.value)
    assert "reserve-supervisor" in str(exc.value)  # the known ids are listed


@pytest.mark.parametrize("rung_id", ["Senior", "1st", "senior agent", "", "senior\n", "高级"])
def test_rung_id_is_a_slug(rung_id: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Rung(rung_id, text("Senior CS", "高级客服"), EL_01)
    assert exc.value.field == "Rung.id"


def test_rung_name_is_text() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Rung("senior", "Senior CS", EL_01)  # type: ignore[arg-type]
    assert exc.value.field == "Rung.name"


# Appraisal schemes ------------------------------------------------------------------

# TB-27 … TB-30: the composite appraisal, 100 points; TB-49: pass line 60.
TB_CRITERIA = (
    ("team-task", "Team task", "协助小组完成任务", 30),
    ("handover", "Handover and routine work", "工作交接及完成情况", 20),
    ("callback-satisfaction", "Callback satisfaction", "客户回访满意度", 30),
    ("professional-quality", "Professional quality", "业务素质和能力", 20),
)


def criteria() -> list[sc.Criterion]:
    return [sc.Criterion(i, text(en, zh), points, TB_49) for i, en, zh, points in TB_CRITERIA]


def test_appraisal_scheme_totals_its_criteria() -> None:
    scheme = sc.AppraisalScheme(
        criteria(), [sc.PeriodKind.MONTH], TB_49, pass_mark=sc.PassMark(60, TB_49)
    )
    assert scheme.total == Decimal(100)
    assert scheme.pass_mark is not None
    assert scheme.pass_mark.points == Decimal(60)
    assert scheme.criterion("handover").max_points == Decimal(20)
    described = scheme.describe().explain("en")
    assert described.endswith("(TB-49)")
    assert "100" in described
    assert "monthly" in described


@pytest.mark.parametrize("pass_mark", [101, Decimal("100.01")])
def test_pass_mark_must_lie_within_the_total(pass_mark: int | Decimal) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.AppraisalScheme(
            criteria(), [sc.PeriodKind.MONTH], TB_49, pass_mark=sc.PassMark(pass_mark, TB_49)
        )
    assert exc.value.field == "AppraisalScheme.pass_mark"
    assert "100" in str(exc.value)


@pytest.mark.parametrize("pass_mark", [0, -60])
def test_pass_mark_must_be_above_zero(pass_mark: int) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PassMark(pass_mark, TB_49)
    assert exc.value.field == "PassMark.points"


def test_pass_mark_may_be_the_total() -> None:
    scheme = sc.AppraisalScheme(
        criteria(), [sc.PeriodKind.MONTH], TB_49, pass_mark=sc.PassMark("100", TB_49)
    )
    assert scheme.pass_mark is not None
    assert scheme.pass_mark.points == scheme.total


@pytest.mark.parametrize("points", [0, -30, "0.00"])
def test_criterion_max_points_must_be_above_zero(points: int | str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.Criterion("team-task", text("Team task", "小组任务"), points, TB_49)
    assert exc.value.field == "Criterion.max_points"


def test_criterion_max_points_refuses_a_float_naming_the_field() -> None:
    with pytest.raises(sc.ValidationError) as exc:
        sc.Criterion("team-task", text("Team task", "小组任务"), 30.0, TB_49)
    assert exc.value.field == "Criterion.max_points"


def test_appraisal_scheme_refuses_duplicate_criteria_and_empty_periods() -> None:
    twice = [*criteria(), criteria()[0]]
    with pytest.raises(sc.PolicyError) as exc:
        sc.AppraisalScheme(twice, [sc.PeriodKind.MONTH], TB_49)
    assert exc.value.value == "team-task"
    with pytest.raises(sc.PolicyError) as exc:
        sc.AppraisalScheme(criteria(), [], TB_49)
    assert exc.value.field == "AppraisalScheme.periods"
    with pytest.raises(sc.PolicyError):
        sc.AppraisalScheme(criteria(), ["month"], TB_49)


def test_unknown_criterion_names_the_id() -> None:
    scheme = sc.AppraisalScheme(criteria(), [sc.PeriodKind.MONTH], TB_49)
    with pytest.raises(sc.PolicyError) as exc:
        scheme.criterion("attendance")
    assert "'attendance'" in str(exc.value)


# Salary bands -----------------------------------------------------------------------


def test_salary_bands_el_table() -> None:
    bands = el_bands()
    assert [b.base for b in bands.bands] == [yuan(p) for *_, p, _ in EL_RUNGS]
    assert bands.band("junior").describe().explain("en") == (
        "Junior CS: base pay CN¥2,200.00 a month (EL-18)"
    )
    # Every rung's band is in the table.
    assert {r.band for r in el_ladder().rungs} == {b.id for b in bands.bands}


def test_salary_bands_refuse_another_currency() -> None:
    trial = sc.SalaryBand("trial", text("Trial", "试用"), yuan(1800), EL_01)
    junior_hkd = sc.SalaryBand("junior", text("Junior", "初级"), sc.Money(2200, "HKD"), EL_01)
    with pytest.raises(sc.PolicyError) as exc:
        sc.SalaryBands("CNY", [trial, junior_hkd])
    assert exc.value.field == "SalaryBands.bands[junior].base"
    assert "CNY" in str(exc.value)


def test_salary_bands_refuse_duplicates_and_unknown_ids() -> None:
    trial = sc.SalaryBand("trial", text("Trial", "试用"), yuan(1800), EL_01)
    with pytest.raises(sc.PolicyError):
        sc.SalaryBands("CNY", [trial, trial])
    with pytest.raises(sc.PolicyError) as exc:
        el_bands().band("supervisor")
    assert "'supervisor'" in str(exc.value)


def test_salary_band_base_is_money() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.SalaryBand("trial", text("Trial", "试用"), 1800, EL_01)  # type: ignore[arg-type]
    assert exc.value.field == "SalaryBand.base"


# Penalty schedules ------------------------------------------------------------------


def penalty(code: str, fine: sc.Money | None, cite: sc.Citation = TB_39) -> sc.PenaltyRule:
    return sc.PenaltyRule(code, text(code, code), cite, fine)


def test_penalty_schedule() -> None:
    schedule = sc.PenaltySchedule(
        "CNY", [penalty("phone-at-work", yuan(50)), penalty("appearance", yuan(10), HD_01)]
    )
    assert schedule.rule("appearance").fine == sc.FixedFine(yuan(10))
    assert schedule.rule("phone-at-work").describe().explain("en") == (
        "Phone-at-work: fine CN¥50.00 each time (TB-39)"
    )
    assert penalty("warning", None).describe().explain("en") == "Warning: no fixed fine (TB-39)"


def test_penalty_schedule_refuses_duplicate_codes() -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PenaltySchedule(
            "CNY", [penalty("phone-at-work", yuan(50)), penalty("phone-at-work", None)]
        )
    assert exc.value.field == "PenaltySchedule.rules"
    assert exc.value.value == "phone-at-work"


def test_penalty_schedule_refuses_another_currency_and_unknown_codes() -> None:
    with pytest.raises(sc.PolicyError):
        sc.PenaltySchedule("CNY", [penalty("phone-at-work", sc.Money(50, "HKD"))])
    schedule = sc.PenaltySchedule("CNY", [penalty("phone-at-work", yuan(50))])
    with pytest.raises(sc.PolicyError) as exc:
        schedule.rule("late")
    assert "'late'" in str(exc.value)


# Phrase books -----------------------------------------------------------------------

GREETER = sc.Role("greeter", text("Greeter", "迎宾员"))
CASHIER = sc.Role("cashier", text("Cashier", "收银员"))


def test_forbidden_phrase_with_its_replacement() -> None:
    entry = sc.PhraseEntry("欢迎再来", Kind.FORBIDDEN, Scene.FAREWELL, HD_17, instead="请慢走")
    english = entry.describe().explain("en")
    assert english == "“欢迎再来” is forbidden (farewell); say “请慢走” instead (HD-17)"
    chinese = entry.describe().explain("zh_Hans")
    assert "HD-17" in chinese
    assert "欢迎再来" in chinese
    assert "请慢走" in chinese


@pytest.mark.parametrize("kind", [Kind.REQUIRED, Kind.RECOMMENDED])
def test_instead_only_on_a_forbidden_phrase(kind: sc.PhraseKind) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseEntry("请慢走", kind, Scene.FAREWELL, HD_17, instead="欢迎再来")
    assert exc.value.field == "PhraseEntry.instead"


def test_phrase_book_refuses_an_unknown_role() -> None:
    entry = sc.PhraseEntry("不用谢", Kind.REQUIRED, Scene.THANKS, HD_16, role="cashier")
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", [entry], [GREETER])
    assert exc.value.value == "cashier"
    assert "greeter" in str(exc.value)


def test_phrase_book_refuses_forbidden_and_required_naming_both_rules() -> None:
    forbidden = sc.PhraseEntry("不知道", Kind.FORBIDDEN, Scene.ANY, HD_18)
    required = sc.PhraseEntry("不知道", Kind.REQUIRED, Scene.ANY, HD_13)
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", [forbidden, required])
    assert exc.value.value == "不知道"
    assert "HD-18" in str(exc.value)
    assert "HD-13" in str(exc.value)


def test_phrase_book_allows_a_phrase_forbidden_for_one_role_and_required_for_another() -> None:
    book = sc.PhraseBook(
        "zh_Hans",
        [
            sc.PhraseEntry("请您去交费", Kind.FORBIDDEN, Scene.ANY, HD_18, role="cashier"),
            sc.PhraseEntry("请您去交费", Kind.REQUIRED, Scene.ANY, HD_13, role="greeter"),
        ],
        [GREETER, CASHIER],
    )
    assert len(book.entries) == 2


@pytest.mark.parametrize(
    "entries",
    [
        [
            sc.PhraseEntry("请您去交费", Kind.FORBIDDEN, Scene.ANY, HD_18, role="greeter"),
            sc.PhraseEntry("请您去交费", Kind.FORBIDDEN, Scene.ANY, HD_17, role="cashier"),
            sc.PhraseEntry("请您去交费", Kind.REQUIRED, Scene.ANY, HD_13, role="cashier"),
        ],
        [
            sc.PhraseEntry("请您去交费", Kind.FORBIDDEN, Scene.ANY, HD_18, role="greeter"),
            sc.PhraseEntry("请您去交费", Kind.REQUIRED, Scene.ANY, HD_13, role="cashier"),
            sc.PhraseEntry("请您去交费", Kind.FORBIDDEN, Scene.ANY, HD_17),
        ],
    ],
    ids=["same-role-later", "everyone-later"],
)
def test_phrase_book_finds_a_conflict_between_any_two_entries(
    entries: list[sc.PhraseEntry],
) -> None:
    """The conflicting pair (HD-17 against HD-13) does not include the phrase's first entry."""
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook("zh_Hans", entries, [GREETER, CASHIER])
    assert "HD-13" in str(exc.value)
    assert "HD-17" in str(exc.value)


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "zh", "en_US"])
def test_phrase_book_locale_is_a_catalog_locale(locale: str) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook(locale, [])
    assert exc.value.field == "PhraseBook.locale"


def test_phrase_book_refuses_duplicate_roles() -> None:
    with pytest.raises(sc.PolicyError):
        sc.PhraseBook("zh_Hans", [], [GREETER, GREETER])


def test_merge_joins_entries_and_roles() -> None:
    farewell = sc.PhraseBook(
        "zh_Hans",
        [sc.PhraseEntry("欢迎再来", Kind.FORBIDDEN, Scene.FAREWELL, HD_17, instead="请慢走")],
        [GREETER],
    )
    thanks = sc.PhraseBook(
        "zh_Hans",
        [sc.PhraseEntry("不用谢", Kind.REQUIRED, Scene.THANKS, HD_16, role="greeter")],
        [GREETER, CASHIER],
    )
    merged = sc.PhraseBook.merge("zh_Hans", [farewell, thanks])
    assert merged.entries == farewell.entries + thanks.entries
    assert merged.roles == (GREETER, CASHIER)
    assert [e.phrase for e in merged.of_kind(Kind.REQUIRED)] == ["不用谢"]
    assert [e.phrase for e in merged.of_kind(Kind.FORBIDDEN)] == ["欢迎再来"]
    assert merged.of_kind(Kind.RECOMMENDED) == ()
    assert sc.PhraseBook.merge("en", []) == sc.PhraseBook("en", [])


def test_merge_reports_a_conflict_across_books() -> None:
    forbids = sc.PhraseBook("zh_Hans", [sc.PhraseEntry("喂", Kind.FORBIDDEN, Scene.ANY, HD_18)])
    recommends = sc.PhraseBook(
        "zh_Hans", [sc.PhraseEntry("喂", Kind.RECOMMENDED, Scene.GREETING, HD_13)]
    )
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook.merge("zh_Hans", [forbids, recommends])
    assert "HD-18" in str(exc.value)
    assert "HD-13" in str(exc.value)


def test_merge_refuses_another_locale_and_a_role_defined_twice() -> None:
    with pytest.raises(sc.PolicyError):
        sc.PhraseBook.merge("en", [sc.PhraseBook("zh_Hans", [])])
    host = sc.Role("greeter", text("Host", "迎宾员"))
    with pytest.raises(sc.PolicyError) as exc:
        sc.PhraseBook.merge(
            "zh_Hans",
            [sc.PhraseBook("zh_Hans", [], [GREETER]), sc.PhraseBook("zh_Hans", [], [host])],
        )
    assert exc.value.value == "greeter"


# Shifts -----------------------------------------------------------------------------

LUNCH = sc.Break(dt.time(12), dt.time(14), text("Lunch", "午饭"))


def test_night_shift_crosses_midnight() -> None:
    """TB-52 read as 15:30 to 24:00 (AMB-29): 8.5 hours, ending at midnight."""
    night = sc.ShiftPattern(
        "night", text("Night shift", "晚班"), dt.time(15, 30), dt.time(0, 0), TB_52
    )
    assert night.crosses_midnight
    assert night.length == dt.timedelta(hours=8, minutes=30)


def test_day_shift_with_lunch() -> None:
    shift_a = sc.ShiftPattern("a", text("Shift A", "A班"), dt.time(8), dt.time(18), HD_22, [LUNCH])
    assert not shift_a.crosses_midnight
    assert shift_a.length == dt.timedelta(hours=10)
    assert shift_a.describe().explain("en") == "Shift A: 08:00 to 18:00, breaks 12:00–14:00 (HD-22)"
    shift_b = sc.ShiftPattern(
        "b",
        text("Shift B", "B班"),
        dt.time(8),
        dt.time(16),
        HD_23,
        [sc.Break(dt.time(11, 30), dt.time(12), text("Lunch", "午饭"))],
    )
    assert shift_b.length == dt.timedelta(hours=8)


@pytest.mark.parametrize(
    ("start", "end"),
    [
        (dt.time(17, 30), dt.time(18, 30)),  # runs past the end
        (dt.time(7, 30), dt.time(8, 30)),  # starts before the start
        (dt.time(14), dt.time(12)),  # backwards
        (dt.time(12), dt.time(12)),  # empty
        (dt.time(19), dt.time(20)),  # after the shift
    ],
)
def test_break_outside_the_shift_is_refused(start: dt.time, end: dt.time) -> None:
    outside = sc.Break(start, end, text("Break", "休息"))
    with pytest.raises(sc.PolicyError) as exc:
        sc.ShiftPattern("a", text("Shift A", "A班"), dt.time(8), dt.time(18), HD_22, [outside])
    assert exc.value.value == outside
    assert "[a]" in exc.value.field


def test_break_inside_a_night_shift_may_end_at_midnight_not_after() -> None:
    def night(b: sc.Break) -> sc.ShiftPattern:
        return sc.ShiftPattern(
            "night", text("Night", "晚班"), dt.time(15, 30), dt.time(0), TB_52, [b]
        )

    assert night(sc.Break(dt.time(23, 30), dt.time(0), text("Break", "休息"))).breaks
    with pytest.raises(sc.PolicyError):
        night(sc.Break(dt.time(23, 30), dt.time(0, 30), text("Break", "休息")))


@pytest.mark.parametrize(
    "start",
    [dt.time(15, 30, 15), dt.time(15, 30, tzinfo=dt.UTC), "15:30"],
    ids=["seconds", "tz", "str"],
)
def test_shift_times_are_whole_minute_wall_clock_times(start: object) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.ShiftPattern("night", text("Night", "晚班"), start, dt.time(0), TB_52)  # type: ignore[arg-type]
    assert exc.value.field == "ShiftPattern.start"


def test_shift_policy_refuses_duplicates_and_unknown_patterns() -> None:
    shift_a = sc.ShiftPattern("a", text("Shift A", "A班"), dt.time(8), dt.time(18), HD_22, [LUNCH])
    with pytest.raises(sc.PolicyError):
        sc.ShiftPolicy([shift_a, shift_a])
    with pytest.raises(sc.PolicyError) as exc:
        sc.ShiftPolicy([shift_a]).pattern("night")
    assert "'night'" in str(exc.value)


# Service levels ---------------------------------------------------------------------


def test_phone_answered_within_three_rings() -> None:
    target = sc.ResponseTarget(sc.Channel.PHONE, JW_12, rings=3)
    assert target.describe()[0].explain("en") == "Phone: answer within 3 rings (JW-12)"


@pytest.mark.parametrize("channel", [c for c in sc.Channel if c is not sc.Channel.PHONE])
def test_rings_only_on_the_phone(channel: sc.Channel) -> None:
    with pytest.raises(sc.PolicyError) as exc:
        sc.ResponseTarget(channel, JW_12, rings=3)
    assert exc.value.field == "ResponseTarget.rings"
    assert channel.value in str(exc.value)


@pytest.mark.parametrize("rings", [0, -3, True])
def test_rings_are_a_positive_count(rings: int) -> None:
    with pytest.raises(sc.PolicyError):
        sc.ResponseTarget(sc.Channel.PHONE, JW_12, rings=rings)


def test_response_target_needs_a_target() -> None:
    with pytest.raises(sc.PolicyError):
        sc.ResponseTarget(sc.Channel.EMAIL, JW_12)
    with pytest.raises(sc.PolicyError):
        sc.ResponseTarget(sc.Channel.EMAIL, JW_12, first_response=dt.timedelta(0))
    email = sc.ResponseTarget(sc.Channel.EMAIL, JW_12, first_response=dt.timedelta(hours=24))
    assert email.describe()[0].explain("en") == "Email: first response within 24 hours (JW-12)"


def test_service_levels_refuse_a_target_for_an_unserved_channel() -> None:
    email = sc.ResponseTarget(sc.Channel.EMAIL, JW_12, first_response=dt.timedelta(hours=24))
    with pytest.raises(sc.PolicyError) as exc:
        sc.ServiceLevelPolicy([sc.Channel.PHONE, sc.Channel.ONLINE_CHAT], JW_12, [email])
    assert exc.value.value is sc.Channel.EMAIL


def test_service_levels() -> None:
    policy = sc.ServiceLevelPolicy(
        [sc.Channel.PHONE, sc.Channel.ONLINE_CHAT, sc.Channel.EMAIL],
        JW_12,
        [sc.ResponseTarget(sc.Channel.PHONE, JW_12, rings=3)],
    )
    assert (
        policy.describe().explain("en") == "Channels served: phone, online chat, and email (JW-12)"
    )
    with pytest.raises(sc.PolicyError):
        sc.ServiceLevelPolicy([], JW_12)


@pytest.mark.parametrize("seconds", [0, -5])
def test_seconds_per_ring_must_be_positive(seconds: int) -> None:
    with pytest.raises(sc.PolicyError):
        sc.ServiceLevelPolicy([sc.Channel.PHONE], JW_12, seconds_per_ring=seconds)


def test_two_targets_for_one_channel_are_refused() -> None:
    """JW-12 says 3 rings; a second phone target would leave "the" target ambiguous."""
    with pytest.raises(sc.PolicyError):
        sc.ServiceLevelPolicy(
            [sc.Channel.PHONE],
            JW_12,
            [
                sc.ResponseTarget(sc.Channel.PHONE, JW_12, rings=3),
                sc.ResponseTarget(sc.Channel.PHONE, JW_12, rings=5),
            ],
        )


# Text -------------------------------------------------------------------------------


def test_text_needs_a_chinese_form() -> None:
    with pytest.raises(sc.PolicyError):
        sc.Text(en="Not my business")


@pytest.mark.parametrize(
    "kwargs",
    [
        {"en": "", "zh_Hans": "经理"},
        {"en": "Manager", "zh_Hans": " "},
        {"en": "Manager", "zh_Hant": ""},
    ],
)
def test_text_forms_are_not_blank(kwargs: dict[str, str]) -> None:
    with pytest.raises(sc.PolicyError):
        sc.Text(**kwargs)


def test_text_derives_traditional_from_simplified() -> None:
    phrase = sc.Text(en="Not my business", zh_Hans="不关我的事")
    assert phrase.localize("zh_Hant") == "不關我的事"
    assert phrase.localize("zh_TW") == "不關我的事"
    assert phrase.localize("zh_HK") == "不關我的事"
    assert phrase.localize("zh_Hans_CN") == "不关我的事"
    assert phrase.localize("en") == "Not my business"
    assert str(phrase) == "Not my business"


def test_text_derives_simplified_from_traditional() -> None:
    manager = sc.Text(en="Manager", zh_Hant="經理")
    assert manager.localize("zh_Hans") == "经理"
    assert manager.localize("zh_Hant") == "經理"


def test_text_keeps_both_scripts_when_given() -> None:
    name = sc.Text(en="Default organisation", zh_Hans="默认组织", zh_Hant="預設組織")
    assert name.localize("zh_Hant") == "預設組織"


def test_text_refuses_an_unsupported_language() -> None:
    with pytest.raises(sc.UnsupportedLocaleError):
        sc.Text(en="Manager", zh_Hans="经理").localize("fr")


# Organisation profiles --------------------------------------------------------------


def test_profile_builds_its_calendar() -> None:
    profile = sc.OrganizationProfile(
        "acme-hk", text("ACME Hong Kong", "顶点香港"), "zh_Hant_HK", "Asia/Hong_Kong", "HKD", "HK"
    )
    assert profile.calendar == sc.BusinessCalendar("Asia/Hong_Kong", "HK")
    assert not profile.calendar.is_working_day(dt.date(2026, 10, 1))  # National Day in HK too


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("id", "ACME", sc.PolicyError),
        ("locale", "not a locale", sc.UnsupportedLocaleError),
        ("currency", "RMB", sc.PolicyError),
        ("timezone", "Asia/Beijing", sc.PolicyError),
        ("holidays", "XX", sc.PolicyError),
    ],
)
def test_profile_validates(field: str, value: str, error: type[sc.ValidationError]) -> None:
    fields = {
        "id": "acme",
        "name": text("ACME", "顶点"),
        "locale": "zh_Hans_CN",
        "timezone": "Asia/Shanghai",
        "currency": "CNY",
        "holidays": "CN",
    }
    fields[field] = value
    with pytest.raises(error):
        sc.OrganizationProfile(**fields)  # type: ignore[arg-type]
