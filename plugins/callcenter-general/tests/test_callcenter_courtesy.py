"""The call centre's courtesy rules (CC-04, CC-05, CC-06, CC-10) on its own phone calls."""

from __future__ import annotations

import pendulum
import pytest
import servicecodex_callcenter_general as cc

import servicecodex as sc
from servicecodex.testing import make_transcript, organization_fixture

START = pendulum.datetime(2026, 3, 19, 9, 30, tz="Asia/Shanghai")
CLAUSES = {
    "CC-04": "001 篇1 一.6",
    "CC-05": "001 篇1 一.7",
    "CC-06": "001 篇1 一.7",
    "CC-10": "001 篇1 八.5",
}
GREETING = "您好，请问有什么可以帮您？"
FAREWELL = "感谢您的来电，再见！"


org = organization_fixture("callcenter-general")


def call(*turns: tuple[str, str], seconds: int = 15) -> sc.Transcript:
    """A call whose turns are *seconds* apart, from 09:30 on 19 March 2026."""
    return make_transcript(*turns, start=START, every=pendulum.duration(seconds=seconds))


def agent_says(middle: str) -> sc.Transcript:
    """A proper call whose agent says *middle* in its second turn (index 3)."""
    return call(
        ("customer", "喂，你好，我想改一下明天的预订"),
        ("agent", GREETING),
        ("customer", "订单号是 20260319"),
        ("agent", middle),
        ("customer", "好的，没有了"),
        ("agent", FAREWELL),
    )


def check(org: sc.Organization, transcript: sc.Transcript) -> sc.TranscriptCheck:
    return org.phrase_checker().check(transcript)


def found(result: sc.TranscriptCheck) -> list[tuple[str, str, int | None]]:
    return [(f.kind.value, f.rule_id, f.turn) for f in result.findings]


# The book ---------------------------------------------------------------------------------


def test_the_hook_gives_the_zh_hans_book(org: sc.Organization) -> None:
    assert org.phrase_book() == cc.PHRASE_BOOK
    assert org.phrase_book("zh_Hans").entries == cc.PHRASE_BOOK.entries
    assert cc.PHRASE_BOOK.entries == (
        *cc.STANDARD_PHRASES,
        *cc.THREE_MUSTS,
        *cc.THREE_DONTS,
        *cc.THREE_VOICES,
    )
    assert cc.PHRASE_BOOK.roles == ()
    assert cc.servicecodex_courtesy_phrases(cc.PROFILE, "en") is None
    assert cc.servicecodex_courtesy_phrases(cc.PROFILE, "zh_Hant") is None


def test_zh_hant_is_derived_and_english_is_empty(org: sc.Organization) -> None:
    hant = org.phrase_book("zh_Hant")
    assert len(hant.entries) == len(cc.PHRASE_BOOK.entries)
    phrases = {e.phrase for e in hant.entries}
    assert {"請", "再見", "不關我的事", "這不是我的責任"} <= phrases
    assert org.phrase_book("en").entries == ()
    assert set(org.effective_policy().phrase_books) == {"zh_Hans", "zh_Hant"}


def test_every_entry_cites_its_rule_and_clause() -> None:
    groups = {
        "CC-04": cc.STANDARD_PHRASES,
        "CC-05": cc.THREE_MUSTS,
        "CC-06": cc.THREE_DONTS,
        "CC-10": cc.THREE_VOICES,
    }
    for rule_id, entries in groups.items():
        for entry in entries:
            assert (entry.cite.rule_id, entry.cite.clause) == (rule_id, CLAUSES[rule_id])


def test_three_musts_three_donts_three_voices_by_kind() -> None:
    required = sc.PhraseKind.REQUIRED
    musts = {(e.phrase, e.kind, e.placement) for e in cc.THREE_MUSTS}
    assert musts == {
        ("请", required, sc.Placement.FIRST_TURN),
        ("您", required, sc.Placement.ANY_TURN),
        ("你", sc.PhraseKind.FORBIDDEN, None),
        ("再见", required, sc.Placement.LAST_TURN),
    }
    assert all(e.kind is sc.PhraseKind.FORBIDDEN and e.instead for e in cc.THREE_DONTS)
    assert len(cc.THREE_DONTS) == 11
    assert [(e.scenario, e.placement) for e in cc.THREE_VOICES] == [
        (sc.Scenario.GREETING, sc.Placement.FIRST_TURN),
        (sc.Scenario.FAREWELL, sc.Placement.LAST_TURN),
    ]
    assert all(e.kind is sc.PhraseKind.RECOMMENDED for e in cc.STANDARD_PHRASES)


def test_the_script_by_scenario() -> None:
    hold = cc.PHRASE_BOOK.script(scenario=sc.Scenario.HOLD)
    assert [e.phrase for e in hold] == ["请稍等", "让您久等了"]
    greeting = cc.PHRASE_BOOK.script(scenario=sc.Scenario.GREETING)
    assert [e.phrase for e in greeting] == ["请问有什么可以帮您", "请", "您好"]


def test_entries_describe_themselves(org: sc.Organization) -> None:
    (ni,) = [e for e in cc.THREE_MUSTS if e.phrase == "你"]
    assert ni.describe().explain("zh_Hans") == "“你”为禁用用语（任何时候），请改说“您”（CC-05）"
    assert ni.describe().explain("en") == "“你” is forbidden (any moment); say “您” instead (CC-05)"
    for locale in ("zh_Hans", "zh_Hant", "en"):
        for entry in org.phrase_book("zh_Hant").entries:
            assert entry.cite.rule_id in entry.describe().explain(locale)


# A proper call passes -------------------------------------------------------------------


def test_a_proper_call_passes(org: sc.Organization) -> None:
    result = check(
        org,
        call(
            ("customer", "喂，你好"),
            ("agent", GREETING),
            ("customer", "我想改一下明天的预订，不知道还来得及吗"),
            ("agent", "好的，请稍等，我帮您查询一下。"),
            ("agent", "让您久等了，已经为您改到后天，请问还有什么可以帮您？"),
            ("customer", "没有了，谢谢"),
            ("agent", FAREWELL),
        ),
    )
    assert result.passed
    assert result.findings == ()
    used = {hit.entry.cite.rule_id for _, hit in result.hits}
    assert used == {"CC-04", "CC-05", "CC-10"}
    assert [r.waited.in_seconds() for r in result.response_times if r.waited] == [15, 15, 15]


def test_the_customer_is_not_judged(org: sc.Organization) -> None:
    """The customer may say 你, 不知道 and 不关我的事: only agent turns are judged."""
    result = check(org, agent_says("请您稍等，已经为您改好了。"))
    assert result.passed
    rude_customer = call(
        ("customer", "你们怎么回事？不知道！不关我的事！"),
        ("agent", GREETING),
        ("agent", FAREWELL),
    )
    assert check(org, rude_customer).passed


def test_polite_uses_are_excused(org: sc.Organization) -> None:
    """「不知道您是否方便」 is a polite question, and a 迷你 order has no 你 in it."""
    result = check(org, agent_says("不知道您是否方便改到后天？迷你套餐也可以。"))
    assert result.passed


# CC-05, CC-10: required phrases missing ----------------------------------------------------


def test_no_please_in_the_first_turn(org: sc.Organization) -> None:
    result = check(
        org,
        call(("agent", "您好，众品网客服中心。"), ("customer", "改预订"), ("agent", FAREWELL)),
    )
    assert found(result) == [("missing", "CC-05", 0)]
    (finding,) = result.findings
    assert finding.entry.phrase == "请"
    assert (finding.span, finding.said, finding.instead) == (None, None, None)
    assert result.explain("zh_Hans") == ["第1句：客服的第一句话缺少“请”（CC-05）"]
    assert result.explain("zh_Hant") == ["第1句：客服的第一句話缺少“請”（CC-05）"]
    assert result.explain("en") == ["Turn 1: the agent's first turn lacks “请” (CC-05)"]


def test_no_greeting_in_the_first_turn(org: sc.Organization) -> None:
    result = check(org, call(("agent", "请讲。"), ("customer", "查订单"), ("agent", FAREWELL)))
    assert found(result) == [("missing", "CC-10", 0)]
    assert result.explain("en") == [
        "Turn 1: the agent's first turn lacks “您好 / 早上好 / 上午好 / 中午好 / 下午好 / 晚上好” (CC-10)"
    ]


def test_a_time_of_day_greeting_counts(org: sc.Organization) -> None:
    result = check(org, call(("agent", "早上好，请问您要办理什么业务？"), ("agent", FAREWELL)))
    assert result.passed


def test_no_goodbye_at_the_end(org: sc.Organization) -> None:
    """Thanking for the call is a farewell (CC-10) but not "再见" (CC-05)."""
    result = check(
        org, call(("agent", GREETING), ("customer", "没事了"), ("agent", "感谢您的来电。"))
    )
    assert found(result) == [("missing", "CC-05", 2)]
    assert result.explain("zh_Hans") == ["第3句：客服的最后一句话缺少“再见”（CC-05）"]


def test_hanging_up_without_any_farewell(org: sc.Organization) -> None:
    result = check(org, call(("agent", GREETING), ("customer", "没事了"), ("agent", "好的。")))
    assert found(result) == [("missing", "CC-05", 2), ("missing", "CC-10", 2)]


def test_goodbye_said_too_early_does_not_end_the_call(org: sc.Organization) -> None:
    result = check(
        org,
        call(("agent", GREETING), ("agent", "再见。"), ("customer", "等等"), ("agent", "请讲。")),
    )
    assert found(result) == [("missing", "CC-05", 3), ("missing", "CC-10", 3)]


def test_you_instead_of_nin_all_along(org: sc.Organization) -> None:
    """「“您”字不离口」: an agent who only says 你 is told at every 你 and once overall."""
    result = check(
        org,
        call(
            ("customer", "在吗"),
            ("agent", "你好，请问有什么可以帮你？"),
            ("customer", "退订"),
            ("agent", "好的，已经帮你退了，再见。"),
        ),
    )
    assert found(result) == [
        ("missing", "CC-05", None),
        ("missing", "CC-10", 1),
        ("forbidden", "CC-05", 1),
        ("forbidden", "CC-05", 1),
        ("forbidden", "CC-05", 3),
    ]
    spans = [f.span for f in result.findings if f.kind is sc.FindingKind.FORBIDDEN]
    assert spans == [(0, 1), (11, 12), (6, 7)]
    assert {f.instead for f in result.findings if f.span} == {"您"}
    assert result.explain("en")[0] == "The agent never says “您” (CC-05)"
    assert result.explain("zh_Hans")[0] == "客服始终没有说“您”（CC-05）"
    assert result.explain("zh_Hant")[0] == "客服始終沒有說“您”（CC-05）"


# CC-06: forbidden phrases ---------------------------------------------------------------

DONTS = [(entry.phrase, wording) for entry in cc.THREE_DONTS for wording in entry.wordings]


@pytest.mark.parametrize(("phrase", "wording"), DONTS)
def test_each_dont_is_found_with_its_span(org: sc.Organization, phrase: str, wording: str) -> None:
    text = f"好的，{wording}。"
    result = check(org, agent_says(text))
    (finding,) = [f for f in result.findings if f.rule_id == "CC-06"]
    assert finding.kind is sc.FindingKind.FORBIDDEN
    assert finding.entry.phrase == phrase
    assert finding.turn == 3
    assert finding.span == (3, 3 + len(wording))
    assert finding.said == wording == text[slice(*finding.span)]
    assert finding.instead == finding.entry.instead
    # a wording that says 你 breaks CC-05 as well; nothing else is wrong with the call
    assert {f.rule_id for f in result.findings} <= {"CC-05", "CC-06"}


@pytest.mark.parametrize(
    ("text", "said", "phrase"),
    [
        ("這不是我的責任，您找銷售吧", "這不是我的責任", "这不是我的责任"),  # traditional
        ("不 关 我 的 事", "不 关 我 的 事", "不关我的事"),  # spaces
        ("不　關我的事啊", "不　關我的事", "不关我的事"),  # full-width space, traditional
        ("我也不\u200b知道", "不\u200b知道", "不知道"),  # zero-width space
        ("您问我,我问谁?", "您问我,我问谁", "你问我，我问谁"),  # half-width comma
        ("不-归-我-管！", "不-归-我-管", "不归我管"),  # punctuation
        ("急、什、么", "急、什、么", "急什么"),  # enumeration commas
        ("您怎麼連這都不懂", "您怎麼連這都不懂", "你怎么连这都不懂"),  # traditional
    ],
)
def test_disguised_donts_are_found(org: sc.Organization, text: str, said: str, phrase: str) -> None:
    result = check(org, agent_says(text))
    (finding,) = [f for f in result.findings if f.rule_id == "CC-06"]
    assert finding.entry.phrase == phrase
    assert finding.said == said
    start = text.index(said)
    assert finding.span == (start, start + len(said))


def test_the_zh_hant_checker_finds_the_same(org: sc.Organization) -> None:
    text = "这不是我们的问题，你自己看说明书"
    simplified = check(org, agent_says(text))
    traditional = org.phrase_checker("zh_Hant").check(agent_says(text))
    assert [(f.rule_id, f.span) for f in simplified.findings] == [
        ("CC-06", (0, 8)),
        ("CC-05", (9, 10)),
        ("CC-06", (9, 13)),
    ]
    assert [(f.rule_id, f.span) for f in traditional.findings] == [
        (f.rule_id, f.span) for f in simplified.findings
    ]
    assert [f.instead for f in traditional.findings] == ["我來幫您解決", "您", "我來爲您說明"]


def test_forbidden_findings_explained_in_three_locales(org: sc.Organization) -> None:
    result = check(org, agent_says("这个不归我管，您自己看吧"))
    assert found(result) == [("forbidden", "CC-06", 3), ("forbidden", "CC-06", 3)]
    assert result.explain("zh_Hans") == [
        "第4句：“不归我管”是禁用语，应说“我帮您联系负责的同事”（CC-06）",
        "第4句：“您自己看”是禁用语，应说“我来为您说明”（CC-06）",
    ]
    assert result.explain("zh_Hant") == [
        "第4句：“不归我管”是禁用語，應說“我幫您聯繫負責的同事”（CC-06）",
        "第4句：“您自己看”是禁用語，應說“我來爲您說明”（CC-06）",
    ]
    assert result.explain("en") == [
        "Turn 4: “不归我管” is forbidden; say “我帮您联系负责的同事” instead (CC-06)",
        "Turn 4: “您自己看” is forbidden; say “我来为您说明” instead (CC-06)",
    ]


@pytest.mark.parametrize("locale", ["zh_Hans", "zh_Hant", "en"])
def test_every_finding_renders(org: sc.Organization, locale: str) -> None:
    result = check(
        org,
        call(
            ("agent", "你好，有事吗？"),
            ("customer", "订单怎么没了"),
            ("agent", "不知道，这不是我的问题，我不是说过了吗"),
        ),
    )
    assert {f.rule_id for f in result.findings} == {"CC-05", "CC-06", "CC-10"}
    for reason, finding in zip(result.reasons, result.findings, strict=True):
        rendered = reason.explain(locale)
        assert finding.rule_id in rendered
        if finding.said is not None:
            assert finding.said in rendered
