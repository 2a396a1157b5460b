"""The oppein-install plugin, loaded as users load it: by its entry point."""

from __future__ import annotations

import json
import re

import pendulum
import pytest
import servicecodex_oppein_install as op

import servicecodex as sc
from servicecodex.testing import (
    check_plugin,
    make_organization,
    make_transcript,
    organization_fixture,
    run_cli,
)

TZ = "Asia/Shanghai"
OP_RULE_ID = re.compile(r"^OP-\d{2}$")
SOURCE = "003 客户服务管理客服流程和规范 "
HOOKS = (
    "servicecodex_courtesy_phrases",
    "servicecodex_organization_profile",
    "servicecodex_service_levels",
)
LOCALES = ("zh_Hans", "zh_Hant", "en")

#: The script of the slides, 小李's own words, said three days before the installation
#: date (AMB-54): the call on 12 March for an installation on 15 March.
SCRIPT = (
    "您好，我是欧派客服小李，您的橱柜安装是由我来为您全程跟踪，您的合同安装日期是3月15日，"
    "目前到货情况是柜体已到、台面未到，等确定发货日期时我再次联系您具体安装时间。"
    "请问您目前厨房是否已具备安装条件？"
)


org = organization_fixture("oppein-install")


@pytest.fixture(scope="module")
def checker(org: sc.Organization) -> sc.PhraseChecker:
    return org.phrase_checker()


def call(*lines: tuple[str, str]) -> sc.Transcript:
    """A call on 12 March 2026 from 10:00, turns 15 seconds apart."""
    start = pendulum.datetime(2026, 3, 12, 10, tz=TZ)
    return make_transcript(*lines, start=start, every=pendulum.duration(seconds=15))


def agent(text: str) -> tuple[str, str]:
    return ("agent", text)


def customer(text: str) -> tuple[str, str]:
    return ("customer", text)


def rules(check: sc.TranscriptCheck) -> list[tuple[str, str, int | None]]:
    return [(f.kind.value, f.rule_id, f.turn) for f in check.findings]


def said(transcript: sc.Transcript, check: sc.TranscriptCheck) -> list[tuple[str, str]]:
    """(rule id, original text) of every scripted phrase the agent said."""
    return [
        (hit.entry.cite.rule_id, transcript.turns[turn].text[hit.start : hit.end])
        for turn, hit in check.hits
    ]


# The pre-installation call: OP-01, OP-03 ---------------------------------------------------


def test_the_script_of_the_slides_passes(checker: sc.PhraseChecker) -> None:
    transcript = call(
        agent(SCRIPT), customer("水电已经改好了，可以装。"), agent("好的，谢谢您，再见。")
    )
    check = checker.check(transcript)
    assert check.passed, check.explain("en")
    # A slot at either end is filled but left out of the span; one inside is in it.
    assert said(transcript, check) == [
        ("OP-01", "您好，我是欧派客服"),
        ("OP-03", "全程跟踪"),
        ("OP-01", "合同安装日期是3月15日"),
        ("OP-01", "目前到货情况是"),
        ("OP-01", "确定发货日期时我再次联系您"),
        ("OP-01", "请问您目前厨房是否已具备安装条件"),
    ]


def test_the_script_may_run_over_several_turns(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        call(
            agent("您好，我是欧派客服小王。"),
            customer("你好，什么事？"),
            agent("您的橱柜安装由我来为您全程跟踪。您的合同安装日期是三月十五日。"),
            customer("东西到了吗？"),
            agent("目前到货情况是：柜体、五金已到，台面还在路上。确定发货日期后我会再次联系您。"),
        )
    )
    assert check.passed, check.explain("en")


def test_the_kitchen_question_is_as_applicable(checker: sc.PhraseChecker) -> None:
    without = SCRIPT.removesuffix("请问您目前厨房是否已具备安装条件？")
    check = checker.check(call(agent(without)))
    assert check.passed
    assert [hit.entry.kind for _, hit in check.hits].count(sc.PhraseKind.RECOMMENDED) == 0


def test_an_agent_without_a_name_is_found(checker: sc.PhraseChecker) -> None:
    rest = SCRIPT.split("小李，")[1]
    check = checker.check(call(agent("您好，我是欧派客服。"), agent(rest)))
    assert rules(check) == [("missing", "OP-01", 0)]
    assert check.explain("zh_Hans") == ["第1句：客服的第一句话缺少“您好,我是欧派客服…”（OP-01）"]


def test_a_slot_at_the_end_cannot_tell_a_name_from_the_next_words(
    checker: sc.PhraseChecker,
) -> None:
    # Folding drops the full stop, so "客服。您的…" reads as "客服您的…": the slot takes
    # "您的" as the name.  Only a turn that stops at "欧派客服" is caught.
    nameless = SCRIPT.replace("我是欧派客服小李，", "我是欧派客服。")
    assert checker.check(call(agent(nameless))).passed


def test_the_greeting_comes_first(checker: sc.PhraseChecker) -> None:
    check = checker.check(call(agent("喂，在家吗？"), customer("在。"), agent(SCRIPT)))
    assert rules(check) == [("missing", "OP-01", 0)]


def test_a_call_that_says_nothing_of_the_installation(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        call(agent("您好，我是欧派客服小李。"), customer("嗯。"), agent("您的橱柜下周装，再见。"))
    )
    assert rules(check) == [("missing", "OP-03", None), *[("missing", "OP-01", None)] * 3]
    assert check.explain("zh_Hans") == [
        "客服始终没有说“全程跟踪”（OP-03）",
        "客服始终没有说“合同安装日期是…月…日”（OP-01）",
        "客服始终没有说“目前到货情况是…”（OP-01）",
        "客服始终没有说“确定发货日期…再次联系您”（OP-01）",
    ]


def test_a_date_without_month_or_day_is_no_date(checker: sc.PhraseChecker) -> None:
    vague = SCRIPT.replace("合同安装日期是3月15日", "合同安装日期是下周")
    check = checker.check(call(agent(vague)))
    assert [f.entry.phrase for f in check.findings] == ["合同安装日期是*月*日"]


def test_the_customer_is_not_judged(checker: sc.PhraseChecker) -> None:
    check = checker.check(call(customer("喂？你谁啊？"), agent(SCRIPT)))
    assert check.passed
    assert [(r.turn, r.reply, r.waited) for r in check.response_times] == [
        (0, 1, pendulum.duration(seconds=15))
    ]


def test_traditional_script_and_spacing_do_not_matter(checker: sc.PhraseChecker) -> None:
    check = checker.check(
        call(
            agent(
                "您好，我是歐派客服小李，您的櫥櫃安裝是由我來為您全程 跟蹤，"
                "您的合同安裝日期是３月１５日，目前到貨情況是櫃體已到，"
                "等確定發貨日期時我再次聯繫您具體安裝時間。"
            )
        )
    )
    assert check.passed, check.explain("en")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        (
            "zh_Hans",
            [
                "客服始终没有说“全程跟踪”（OP-03）",
                "第1句：客服的第一句话缺少“您好,我是欧派客服…”（OP-01）",
            ],
        ),
        (
            "zh_Hant",
            [
                "客服始終沒有說“全程跟蹤”（OP-03）",
                "第1句：客服的第一句話缺少“您好,我是歐派客服…”（OP-01）",
            ],
        ),
        (
            "en",
            [
                "The agent never says “全程跟踪” (OP-03)",
                "Turn 1: the agent's first turn lacks “您好,我是欧派客服…” (OP-01)",
            ],
        ),
    ],
)
def test_findings_explained(org: sc.Organization, locale: str, expected: list[str]) -> None:
    rest = SCRIPT.split("您的合同")[1]
    transcript = call(agent(f"您好，这里是欧派。您的合同{rest}"))
    book = "zh_Hant" if locale == "zh_Hant" else "zh_Hans"
    assert org.phrase_checker(book).check(transcript).explain(locale) == expected


# The book ----------------------------------------------------------------------------------


def test_the_book(org: sc.Organization) -> None:
    book = org.phrase_book()
    assert book == op.PHRASE_BOOK
    assert book.roles == ()
    assert [(e.cite.rule_id, e.kind.value, e.phrase) for e in book.entries] == [
        ("OP-01", "required", "您好,我是欧派客服*"),
        ("OP-03", "required", "全程跟踪"),
        ("OP-01", "required", "合同安装日期是*月*日"),
        ("OP-01", "required", "目前到货情况是*"),
        ("OP-01", "required", "确定发货日期*再次联系您"),
        ("OP-01", "recommended", "请问您目前厨房是否已具备安装条件"),
    ]
    assert book.of_kind(sc.PhraseKind.FORBIDDEN) == ()


def test_the_greeting_script(org: sc.Organization) -> None:
    (greeting,) = org.phrase_book().script(None, sc.Scenario.GREETING)
    assert greeting.phrase == "您好,我是欧派客服*"
    assert greeting.placement is sc.Placement.FIRST_TURN


def test_the_traditional_book_is_derived(org: sc.Organization) -> None:
    hant = org.phrase_book("zh_Hant")
    assert [e.phrase for e in hant.entries][:3] == [
        "您好,我是歐派客服*",
        "全程跟蹤",
        "合同安裝日期是*月*日",
    ]
    assert org.phrase_book("en").entries == ()


def test_every_entry_cites_an_op_rule_of_the_slides(org: sc.Organization) -> None:
    for entry in org.phrase_book().entries:
        assert OP_RULE_ID.match(entry.cite.rule_id), entry.cite
        assert entry.cite.clause.startswith(SOURCE), entry.cite
    assert {e.cite.rule_id for e in org.phrase_book().entries} == {"OP-01", "OP-03"}


# Loading -----------------------------------------------------------------------------------


def test_conforms_to_servicecodex() -> None:
    check_plugin("oppein-install", op, hooks=HOOKS)


def test_profile(org: sc.Organization) -> None:
    profile = org.profile
    assert profile is op.PROFILE
    assert [profile.name.localize(loc) for loc in LOCALES] == [
        "欧派橱柜安装客服",
        "歐派櫥櫃安裝客服",
        "Oppein cabinet installation customer service",
    ]
    assert (profile.locale, profile.timezone, profile.currency, profile.holidays) == (
        "zh_Hans_CN",
        "Asia/Shanghai",
        "CNY",
        "CN",
    )


def test_module_object_without_entry_points() -> None:
    org = make_organization(op)
    assert org.plugins == ("servicecodex_oppein_install",)
    assert org.phrase_book() == op.PHRASE_BOOK


@pytest.mark.parametrize(
    "policy",
    [
        "ladder",
        "salary_bands",
        "penalty_schedule",
        "appraisal_scheme",
        "shift_policy",
    ],
)
def test_later_rounds_stay_undefined(org: sc.Organization, policy: str) -> None:
    with pytest.raises(sc.PolicyNotDefinedError):
        getattr(org, policy)


def test_plugins_lists_oppein_install() -> None:
    stdout = run_cli("plugins", "--json")
    (row,) = [p for p in json.loads(stdout)["plugins"] if p["id"] == "oppein-install"]
    assert row["hooks"] == list(HOOKS)


def test_inspect_renders_the_phrases() -> None:
    stdout = run_cli("inspect", "oppein-install", "--locale", "zh_Hans")
    assert "欧派橱柜安装客服" in stdout
    assert "（OP-03）" in stdout
